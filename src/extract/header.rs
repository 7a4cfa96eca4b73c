//! The header zone: the lines before the first paragraph-like line, classified one by one
//! (`lines::classify`) and turned into title, source, section, bylines and dates. Owns the
//! layout rules (masthead and kicker above the title, two-line headlines, author-first and
//! date-first pages, a standfirst between title and byline). Does not clean the body.

use std::cell::OnceCell;

use crate::dates::Resolver;

use super::body::Line;
use super::lines::{self, classify, masthead_like, paragraph_like, Kind};
use super::when::DateHit;
use super::Removals;

/// What the header zone says.
#[derive(Debug, Default)]
pub struct Header {
    pub title: Option<String>,
    pub source: Option<String>,
    pub section: Option<String>,
    /// Bylines with their labels stripped; `explicit` ones had a `By`-like label.
    pub bylines: Vec<(String, bool)>,
    pub dates: Vec<DateHit>,
    /// Indexes (into the line list) of header lines that are body text: a standfirst.
    pub body_lines: Vec<usize>,
    /// Index of the first body line.
    pub body_start: usize,
}

/// The header is looked for within this many non-blank lines.
const MAX_HEADER_LINES: usize = 30;
/// The headline is looked for within this many non-blank lines (menus come first).
const MAX_TITLE_SEARCH: usize = 80;
/// A title longer than this many words is a paragraph.
const MAX_TITLE_WORDS: usize = 40;

/// Markers above a press release's title.
const RELEASE_MARKERS: &[&str] = &[
    "for immediate release",
    "immediate release",
    "press release",
    "news release",
    "media release",
    "for release",
    "embargoed",
];

pub fn read(lines: &[Line<'_>], ctx: &Resolver, removed: &mut Removals) -> Header {
    let zone = Zone::new(lines, ctx);
    let zone = &zone;
    let mut h = Header::default();
    let mut pending_label: Option<bool> = None;
    // The line index of the title's (last) line, for two-line headlines.
    let mut title_line: Option<usize> = None;
    // Whether the previous segment was a byline, for affiliation lines under it.
    let mut last_kind_was_byline = false;
    let mut pending_by = false;
    // Navigation menus can be long: the headline is looked for further down, and the header
    // zone runs on after it.
    let plan = plan_title(zone, lines.len().min(MAX_TITLE_SEARCH));
    let limit = lines
        .len()
        .min(MAX_HEADER_LINES.max(plan.title.map_or(0, |t| t + MAX_HEADER_LINES)));
    // A name line above the headline (author-first pages): the byline if none follows.
    let mut name_above: Option<String> = None;
    let mut menu_lines = 0usize;
    let mut i = 0;
    while i < limit {
        let text = lines[i].text;
        if h.title.is_some() && is_running_text(zone, i) {
            if is_caption_over_wire(zone, i, &h) {
                removed.add("photo caption", text);
                removed.add("photo", lines[i + 1].text);
                i += 2;
                continue;
            }
            if standfirst_then_header(zone, i) {
                h.body_lines.push(i);
                i += 1;
                continue;
            }
            break;
        }
        if h.title.is_none() {
            let words = text.split_whitespace().count();
            // A first line that is a long sentence is a lede, not a headline (a consent
            // banner's long notice above the page is not).
            if (words > MAX_TITLE_WORDS || (words >= 20 && is_running_text(zone, i)))
                && zone.boilerplate(i).is_none()
            {
                break;
            }
        }
        // `Video` and the video's title between the header lines.
        if h.title.is_some() && super::body::is_video_marker(text) {
            removed.add("video", text);
            i += 1;
            if lines
                .get(i)
                .is_some_and(|l| super::body::is_caption(l.text) && zone.boilerplate(i).is_none())
            {
                removed.add("video caption", lines[i].text);
                i += 1;
            }
            continue;
        }
        // `Headshot of Jane Doe`: the alt text of an author's picture names an author.
        if let Some(name) = h.title.as_ref().and(author_picture(text)) {
            match h.bylines.iter_mut().find(|(b, _)| b == name) {
                Some((_, explicit)) => *explicit = true,
                None => h.bylines.push((name.to_string(), true)),
            }
            removed.add("author photo", text);
            i += 1;
            continue;
        }
        if let Some(what) = zone.boilerplate(i) {
            removed.add(what, text);
            i += 1;
            // `News provided by` over the issuer's name: a press release's source.
            if what == "press release label" && i < limit && h.title.is_none() {
                h.source.get_or_insert_with(|| lines[i].text.to_string());
                i += 1;
                continue;
            }
            // `Text Size` with its `Small` / `Medium` / `Large` buttons.
            if super::body::is_size_control(text) {
                while lines
                    .get(i)
                    .is_some_and(|l| super::body::is_size_button(l.text))
                {
                    removed.add(what, lines[i].text);
                    i += 1;
                }
            }
            // `Farmers from Nakuru during a protest ... on March 4, 2025.` over `Photo credit:
            // John Njoroge | Nation Media Group`: the line taken for a standfirst was the
            // picture's caption (a labelled credit closes a caption).
            if what == "photo"
                && i >= 2
                && h.body_lines.last() == Some(&(i - 2))
                && [
                    "photo credit:",
                    "photo:",
                    "foto:",
                    "picture:",
                    "image:",
                    "credit:",
                ]
                .iter()
                .any(|l| lines::strip_prefix_ci(text, l).is_some())
            {
                h.body_lines.pop();
                removed.add("photo caption", lines[i - 2].text);
            } else if what == "photo"
                && i >= 2
                && h.body_lines.last() == Some(&(i - 2))
                && is_bare_credit(text)
                && (h.body_lines.len() >= 2 || describes_picture(lines[i - 2].text))
            {
                // `Keir Starmer speaks in London on Tuesday` over `Getty Images`: a bare
                // credit closes a caption too, when the line describes a picture or a
                // standfirst came before it.
                h.body_lines.pop();
                removed.add("photo caption", lines[i - 2].text);
            }
            // A bare credit (`Getty Images`) with its caption on the next line.
            if what == "photo"
                && h.title.is_some()
                && !text.contains(',')
                && lines::count_words(text, 7) <= 6
                && lines.get(i).is_some_and(|l| {
                    super::body::is_caption(l.text) && matches!(zone.line_kind(i), Kind::Text)
                })
            {
                removed.add("photo caption", lines[i].text);
                i += 1;
            }
            continue;
        }
        // `Correction` over its note, above the headline: the note opens the body.
        if h.title.is_none()
            && is_note_label(text)
            && plan.title.is_some_and(|t| i + 1 < t)
            && paragraph_like(lines[i + 1].text)
        {
            h.body_lines.push(i + 1);
            removed.add("note label", text);
            i += 2;
            continue;
        }
        if let Some(title_at) = plan.title.filter(|&t| i <= t) {
            if i == title_at {
                h.title = Some(text.to_string());
                title_line = Some(i);
            } else {
                above_title(
                    zone,
                    i,
                    title_at,
                    &plan,
                    &mut h,
                    &mut name_above,
                    &mut menu_lines,
                    removed,
                );
                if i + 1 == title_at && menu_lines > 0 {
                    let n = if menu_lines == 1 { "line" } else { "lines" };
                    removed.add("navigation menu", &format!("{menu_lines} {n}"));
                }
            }
            i += 1;
            continue;
        }
        let segments = zone.segments(i);
        let whole = segments.len() == 1;
        let mut text_line = false;
        // Whether a part of the line was a photo credit (`Virat Kohli celebrates • Getty
        // Images`): the rest is its caption.
        let mut photo_part = false;
        for (k, seg) in segments.iter().enumerate() {
            if seg.trim().eq_ignore_ascii_case("by") {
                // `By` alone, the names on the next line.
                pending_by = true;
                continue;
            }
            let mut kind = match pending_label {
                None => zone.kinds(i)[k].clone(),
                Some(_) => classify(seg, ctx, pending_label),
            };
            if std::mem::take(&mut pending_by) && matches!(kind, Kind::NameLike) {
                kind = Kind::Byline(seg.to_string(), Vec::new());
            }
            let mut this_is_byline = matches!(kind, Kind::Byline(..) | Kind::NameLike);
            if !matches!(kind, Kind::DateLabel(_)) {
                pending_label = None;
            }
            match kind {
                Kind::Boilerplate(what) => {
                    removed.add(what, seg);
                    photo_part |= what == "photo";
                }
                Kind::ReadingTime => removed.add("reading time", seg),
                Kind::DateLabel(update) => pending_label = Some(update),
                Kind::Byline(name, dates) => {
                    h.bylines.push((name, true));
                    h.dates.extend(dates);
                }
                Kind::Source(name) => h.source = Some(name),
                Kind::Section(s) if h.title.is_none() && is_release_marker(&s) => {
                    removed.add("press release marker", seg)
                }
                // `JUAN PÉREZ` under the headline, over a place or a date: a byline in
                // capitals, not a section.
                Kind::Section(s)
                    if whole
                        && h.title.is_some()
                        && h.bylines.is_empty()
                        && caps_only_section(&s)
                        && (2..=4).contains(&s.split_whitespace().count())
                        && super::byline::looks_like_names(&s)
                        && !masthead_like(&s)
                        && !lines.get(i + 1).is_some_and(|l| paragraph_like(l.text)) =>
                {
                    h.bylines.push((s, false));
                    this_is_byline = true;
                }
                // `KEY POINTS` over the first paragraphs, once the header has its section,
                // byline or date: a subheading of the body.
                // (`KEY POINTS` in capitals under the date is a heading even with no
                // section yet.)
                Kind::Section(_)
                    if whole
                        && h.title.is_some()
                        && (h.section.is_some()
                            || (seg.split_whitespace().nth(1).is_some()
                                && !seg.chars().any(char::is_lowercase)))
                        && (!h.dates.is_empty() || !h.bylines.is_empty())
                        && lines.get(i + 1).is_some_and(|l| paragraph_like(l.text)) =>
                {
                    text_line = true;
                }
                Kind::Section(s) => {
                    h.section.get_or_insert(s);
                }
                // `00:00` / `12:34` under the date: an audio player's clock, not a date.
                Kind::Date(hits)
                    if h.title.is_some()
                        && !h.dates.is_empty()
                        && hits
                            .iter()
                            .all(|d| !d.update && super::when::is_clock_time(&d.text)) =>
                {
                    // `March 2, 2025 / 7:00 PM EST`: the time of the date just read on the
                    // same line completes it.
                    let completed = (k > 0)
                        .then(|| h.dates.last())
                        .flatten()
                        .filter(|last| {
                            last.resolved.is_some()
                                && !super::when::is_clock_time(&last.text)
                                && segments[k - 1].contains(last.text.as_str())
                        })
                        .and_then(|last| {
                            let joined = format!("{} {}", last.text, seg.trim());
                            let mut hits = super::when::probe(&joined, ctx, Some(last.update));
                            (hits.len() == 1 && hits[0].resolved.is_some())
                                .then(|| hits.pop())
                                .flatten()
                        });
                    match completed {
                        Some(hit) => {
                            h.dates.pop();
                            h.dates.push(hit);
                        }
                        None => removed.add("time", seg),
                    }
                }
                // `Tue 11 Mar 2025 08.45 GMT` then `First published on Tue 11 Mar 2025 05.30
                // GMT` (a live blog): the first publication is the date published, the dates
                // read before it are updates.
                Kind::Date(hits)
                    if h.title.is_some()
                        && ["first published", "originally published"]
                            .iter()
                            .any(|l| lines::strip_prefix_ci(seg, l).is_some()) =>
                {
                    for d in h.dates.iter_mut() {
                        d.update = true;
                    }
                    h.dates.splice(0..0, hits);
                }
                Kind::Date(hits) => {
                    // "One Year Ago" on the first line is a headline that looks like a date: a
                    // date above the title has digits.
                    if h.title.is_none() && whole && !seg.chars().any(|c| c.is_ascii_digit()) {
                        h.title = Some(seg.to_string());
                        title_line = Some(i);
                    } else {
                        // `Jane Doe, March 4, 2025` under the title: the names before the date
                        // are the byline.
                        if h.title.is_some() && h.bylines.is_empty() {
                            if let Some(name) = names_before(seg, &hits) {
                                h.bylines.push((name, false));
                            }
                        }
                        h.dates.extend(hits);
                    }
                }
                // `Stephen Clark – Mar 7, 2025 12:41 AM | 213`: a comment count after the
                // byline and date.
                Kind::Text if !whole && super::body::is_bare_count(seg) => {
                    removed.add("counter", seg)
                }
                // `India News | Press Trust of India | Updated: ...`: the wire in a combined
                // byline line.
                Kind::Text | Kind::NameLike
                    if !whole
                        && h.title.is_some()
                        && h.bylines.is_empty()
                        && lines::is_agency(seg) =>
                {
                    h.bylines.push((seg.to_string(), false));
                    this_is_byline = true;
                }
                Kind::NameLike | Kind::Text => {
                    if h.title.is_none() {
                        if is_release_marker(seg) {
                            removed.add("press release marker", seg);
                        } else if masthead_like(seg) && later_title(zone, i) {
                            h.source.get_or_insert_with(|| seg.to_string());
                        } else if seg.split_whitespace().nth(1).is_none() && later_title(zone, i) {
                            // A lone word above the headline (`Home`, `Menu`, a kicker) is
                            // navigation, not the title.
                            removed.add("navigation", seg);
                        } else if seg.chars().any(char::is_alphabetic) {
                            h.title = Some(seg.to_string());
                            title_line = Some(i);
                        }
                    } else if title_line == Some(i.wrapping_sub(1))
                        && whole
                        && continues_title(h.title.as_deref().unwrap_or(""), seg)
                    {
                        if let Some(t) = h.title.as_mut() {
                            t.push(' ');
                            t.push_str(seg);
                        }
                        title_line = Some(i);
                    } else if !whole
                        && k > 0
                        && h.source
                            .as_deref()
                            .is_some_and(|src| src.eq_ignore_ascii_case(seg.trim()))
                    {
                        // `... / 7:00 PM EST / CBS News`: the masthead repeated at the end
                        // of the date line.
                        removed.add("outlet", seg);
                    } else if matches!(kind, Kind::NameLike) && super::byline::is_the_name(seg) {
                        // `The Hill` under the headline of a syndicated story: the outlet it
                        // came from, not an author.
                        removed.add("outlet", seg);
                    } else if matches!(kind, Kind::NameLike)
                        && h.bylines.is_empty()
                        && seg.split_whitespace().nth(1).is_some()
                    {
                        // A bare name has two words at least: `Summary` under a live
                        // blog's headline is a heading.
                        h.bylines.push((seg.to_string(), false));
                    } else if matches!(kind, Kind::NameLike)
                        && h.bylines.len() == 1
                        && seg.len() > h.bylines[0].0.len()
                        && seg.starts_with(h.bylines[0].0.as_str())
                        && seg[h.bylines[0].0.len()..].starts_with(',')
                    {
                        // `By Jane Doe` then `Jane Doe, Staff Writer`: the fuller form of the
                        // same byline.
                        h.bylines[0].0 = seg.to_string();
                    } else if (matches!(kind, Kind::NameLike) || last_kind_was_byline)
                        && h.bylines.len() == 1
                        && is_role_line(seg)
                    {
                        let (b, _) = &mut h.bylines[0];
                        b.push_str(", ");
                        b.push_str(seg);
                    } else if last_kind_was_byline && h.bylines.len() == 1 && continues_byline(seg)
                    {
                        // `By Hannah Erin Lang` then `and Jack Pitcher`: one byline broken
                        // over two lines.
                        let (b, _) = &mut h.bylines[0];
                        b.push(' ');
                        b.push_str(seg);
                        this_is_byline = true;
                    } else if matches!(kind, Kind::NameLike)
                        && whole
                        && last_kind_was_byline
                        && !h.bylines.is_empty()
                        && h.bylines.iter().all(|(b, explicit)| !explicit && b != seg)
                        && is_second_name(seg)
                    {
                        // `Jane Doe` then `John Roe`: two bare names, two authors (a place
                        // under a name is not one).
                        let (b, _) = &mut h.bylines[0];
                        b.push_str(", ");
                        b.push_str(seg);
                    } else if matches!(kind, Kind::NameLike)
                        && !h.bylines.is_empty()
                        && last_kind_was_byline
                    {
                        // `BBC News, Kyiv` under a name: the author's affiliation and place,
                        // a header line that is neither body nor another author.
                    } else if is_reporting_from(seg)
                        || (last_kind_was_byline && is_place_suffix(seg))
                    {
                        // `Reporting from Kyiv, Ukraine` under a byline.
                    } else {
                        text_line = true;
                    }
                }
            }
            last_kind_was_byline = this_is_byline;
        }
        if text_line && photo_part && h.title.is_some() {
            removed.add("photo caption", text);
        } else if text_line && h.title.is_some() && is_caption_over_wire(zone, i, &h) {
            removed.add("photo caption", text);
            removed.add("photo", lines[i + 1].text);
            i += 2;
            continue;
        } else if text_line {
            // Unclassified text after the title: a standfirst when header lines follow,
            // else the body starts here.
            if standfirst_then_header(zone, i) {
                if title_line == Some(i.wrapping_sub(1)) && caption_shaped(text) {
                    // `Workers inspect the bridge last week` under the headline: the
                    // picture's caption, not a standfirst.
                    removed.add("photo caption", text);
                } else if standfirst_shaped(text) {
                    h.body_lines.push(i);
                } else if lines::count_words(text, 6) <= 5
                    && !text.ends_with(['.', '?', '!'])
                    && byline_follows(zone, i)
                {
                    if text.contains(char::is_alphabetic)
                        && text.contains(|c: char| {
                            c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '%')
                        })
                    {
                        // `Brent tops $73 a barrel`: a short dek with a figure, not chrome.
                        h.body_lines.push(i);
                    } else {
                        // `Share full article`, `Gift this story`: page chrome between the
                        // headline and the byline.
                        removed.add("navigation", text);
                    }
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        i += 1;
    }
    h.body_start = i;
    if h.bylines.is_empty() {
        if let Some(name) = name_above {
            h.bylines.push((name, false));
        }
    }
    h
}

/// The page's lines with what the layout rules ask of them (boilerplate or not, segments,
/// their kinds), each worked out once: the rules look at the same header lines many times
/// (scoring title candidates, looking ahead from a standfirst, reading the lines in order).
struct Zone<'z> {
    lines: &'z [Line<'z>],
    ctx: &'z Resolver,
    /// One entry per line of the header zone; lines further down are worked out each time.
    facts: Vec<Facts>,
}

#[derive(Default)]
struct Facts {
    boilerplate: OnceCell<Option<&'static str>>,
    segments: OnceCell<Vec<String>>,
    /// `classify` of each segment, with no pending date label.
    kinds: OnceCell<Vec<Kind>>,
    /// `classify` of the line as a whole.
    line_kind: OnceCell<Kind>,
}

impl<'z> Zone<'z> {
    /// Lines worked out once; further lines are worked out each time they are asked about.
    /// (Most headers end within a dozen lines; a page whose menu pushes the headline further
    /// down works its lines out again when asked.)
    const CACHED: usize = 64;

    fn new(lines: &'z [Line<'z>], ctx: &'z Resolver) -> Zone<'z> {
        let mut facts = Vec::new();
        facts.resize_with(lines.len().min(Self::CACHED), Facts::default);
        Zone { lines, ctx, facts }
    }

    fn text(&self, i: usize) -> &'z str {
        self.lines[i].text
    }

    /// `lines::boilerplate` of line `i`.
    fn boilerplate(&self, i: usize) -> Option<&'static str> {
        match self.facts.get(i) {
            Some(f) => *f
                .boilerplate
                .get_or_init(|| lines::boilerplate(self.text(i))),
            None => lines::boilerplate(self.text(i)),
        }
    }

    /// `lines::segments` of line `i`.
    fn segments(&self, i: usize) -> std::borrow::Cow<'_, [String]> {
        let work = || lines::segments(self.text(i), self.ctx);
        match self.facts.get(i) {
            Some(f) => std::borrow::Cow::Borrowed(f.segments.get_or_init(work).as_slice()),
            None => std::borrow::Cow::Owned(work()),
        }
    }

    /// The kind of each segment of line `i`, with no pending date label.
    fn kinds(&self, i: usize) -> std::borrow::Cow<'_, [Kind]> {
        let work = || {
            let segments = self.segments(i);
            match segments.as_ref() {
                // The line itself: its boilerplate test is known.
                [seg] if seg == self.text(i) => vec![match self.boilerplate(i) {
                    Some(what) => Kind::Boilerplate(what),
                    None => lines::classify_content(seg, self.ctx, None),
                }],
                _ => segments
                    .iter()
                    .map(|seg| classify(seg, self.ctx, None))
                    .collect(),
            }
        };
        match self.facts.get(i) {
            Some(f) => std::borrow::Cow::Borrowed(f.kinds.get_or_init(work).as_slice()),
            None => std::borrow::Cow::Owned(work()),
        }
    }

    /// The kind of a line that is neither boilerplate nor combined (one segment), else `None`.
    fn whole_kind(&self, i: usize) -> Option<Kind> {
        if self.boilerplate(i).is_some() || self.segments(i).len() != 1 {
            return None;
        }
        self.kinds(i).first().cloned()
    }

    /// `classify` of line `i` as a whole, as if it were one segment.
    fn line_kind(&self, i: usize) -> Kind {
        let work = || {
            let segments = self.segments(i);
            match segments.as_ref() {
                [seg] if seg == self.text(i) => self.kinds(i)[0].clone(),
                _ => classify(self.text(i), self.ctx, None),
            }
        };
        match self.facts.get(i) {
            Some(f) => f.line_kind.get_or_init(work).clone(),
            None => work(),
        }
    }
}

/// Where the headline stands, found before the lines are read in order: the best-scoring
/// title candidate, and which lines above it belong to a navigation menu.
#[derive(Debug, Default)]
struct TitlePlan {
    title: Option<usize>,
    /// Per line index below `limit`: part of a run of three or more menu-like lines.
    nav: Vec<bool>,
}

/// A menu entry: one to three words, no sentence punctuation, no digits.
fn menu_like(text: &str) -> bool {
    let words = lines::count_words(text, 4);
    (1..=3).contains(&words)
        && text.len() <= 40
        && !text.ends_with(['.', '?', '!', ',', ':', ';'])
        && !text.chars().any(|c| c.is_ascii_digit())
}

/// Scores every headline candidate in the header zone (the lines before the first running
/// text) and keeps the best. A headline is 4-25 words, without a final period, not a label,
/// section or menu entry, and usually followed by a byline, a date or a standfirst; earlier
/// lines win ties. A short line right above a much longer headline-like line is a kicker.
fn plan_title(zone: &Zone<'_>, limit: usize) -> TitlePlan {
    let lines = zone.lines;
    let mut plan = TitlePlan {
        title: None,
        nav: vec![false; limit],
    };
    // Most pages open with the headline: a first line that is headline-shaped and plain
    // text needs no scoring (no kicker or menu entry has four words or more).
    if let Some(first) = (0..limit).find(|&i| zone.boilerplate(i).is_none()) {
        let text = lines[first].text;
        let words = lines::count_words(text, 26);
        if (4..=25).contains(&words)
            && !text.ends_with('.')
            && !paragraph_like(text)
            && !masthead_like(text)
            && !is_release_marker(text)
            && matches!(zone.whole_kind(first), Some(Kind::Text | Kind::NameLike))
        {
            plan.title = Some(first);
            return plan;
        }
    }
    // The header zone ends at the first running text (a lede).
    let mut end = limit;
    for (i, line) in lines.iter().enumerate().take(limit) {
        // `Correction` and its note above the headline do not end the header.
        if i > 0 && is_note_label(lines[i - 1].text) {
            continue;
        }
        let words = lines::count_words(line.text, MAX_TITLE_WORDS + 1);
        if (words > MAX_TITLE_WORDS || (words >= 20 && is_running_text(zone, i)))
            && zone.boilerplate(i).is_none()
        {
            end = i;
            break;
        }
        if paragraph_like(line.text) && zone.boilerplate(i).is_none() {
            end = i;
            break;
        }
    }
    // Runs of three or more menu-like lines (boilerplate lines such as `Skip to content`
    // neither break nor extend a run).
    let mut run: Vec<usize> = Vec::new();
    let close = |run: &mut Vec<usize>, nav: &mut Vec<bool>| {
        if run.len() >= 3 {
            for &j in run.iter() {
                nav[j] = true;
            }
        }
        run.clear();
    };
    let mut kinds: Vec<Option<Kind>> = Vec::with_capacity(end);
    for (i, line) in lines.iter().enumerate().take(end) {
        let text = line.text;
        if zone.boilerplate(i).is_some() {
            kinds.push(None);
            continue;
        }
        let kind = zone.whole_kind(i);
        if masthead_like(text) && text.contains(' ') {
            // A masthead neither starts nor breaks a menu.
            kinds.push(kind);
            continue;
        }
        let menu = menu_like(text)
            && !matches!(
                kind,
                Some(Kind::Date(_) | Kind::Byline(..) | Kind::DateLabel(_) | Kind::ReadingTime)
            );
        if menu {
            run.push(i);
        } else {
            close(&mut run, &mut plan.nav);
        }
        kinds.push(kind);
    }
    close(&mut run, &mut plan.nav);

    // A clock time alone (`Posted at 10:15` in a live blog) is an entry's timestamp, not the
    // page's date: it does not mark the line above it as the headline.
    let header_kind = |k: &Option<Kind>| match k {
        Some(Kind::Date(hits)) => !hits.iter().all(|h| super::when::is_clock_time(&h.text)),
        _ => matches!(
            k,
            Some(Kind::Byline(..) | Kind::DateLabel(_) | Kind::ReadingTime)
        ),
    };
    // (Masthead, show and headline may make a three-line menu run: a longer run is a menu.)
    let plain = |j: usize| {
        j < end
            && (0..=j).rev().take_while(|&k| plan.nav[k]).count() <= 3
            && matches!(kinds[j], Some(Kind::Text | Kind::NameLike))
            && !lines[j].text.ends_with(['.', ':', '。'])
            // A word count says nothing in a script without spaces.
            && lines[j].text.chars().count() <= 40
    };
    // A short line under a short plain line and right above the header lines (a date or
    // byline, or a standfirst and then one), not a person's name.
    let is_series_title = |i: usize| {
        // (`The Food Programme` reads like a masthead.)
        i >= 1
            && plain(i)
            && !masthead_like(lines[i].text)
            && plain(i - 1)
            && lines::count_words(lines[i - 1].text, 5) <= 4
            && lines::count_words(lines[i].text, 4) <= 3
            // (a person's name has two words at least)
            && (lines::count_words(lines[i].text, 2) < 2
                || super::byline::is_the_name(lines[i].text)
                || !super::byline::looks_like_names(lines[i].text))
            && (kinds.get(i + 1).is_some_and(header_kind)
                || (i + 1 < lines.len()
                    && lines::count_words(lines[i + 1].text, 8) >= 8
                    && zone.boilerplate(i + 1).is_none()
                    && standfirst_then_header(zone, i + 1)))
    };
    let mut best: Option<(i32, usize)> = None;
    for i in 0..end {
        let text = lines[i].text;
        let candidate = match &kinds[i] {
            Some(Kind::Text | Kind::NameLike) => true,
            // `One Year Ago` as the first line: a headline that looks like a date.
            Some(Kind::Date(_)) => i == 0 && !text.chars().any(|c| c.is_ascii_digit()),
            // `MARKETS RALLY`: a short line in capitals that is no known section word may be
            // the headline; it only wins when nothing more headline-like stands near.
            Some(Kind::Section(sec)) => sec == text && caps_only_section(text),
            _ => false,
        };
        if !candidate || is_release_marker(text) || !text.chars().any(char::is_alphabetic) {
            continue;
        }
        let words = lines::count_words(text, MAX_TITLE_WORDS + 1) as i32;
        let mut score: i32 = match words {
            1 => -4,
            2 | 3 => 0,
            4..=25 => 4,
            _ => 1,
        };
        if plan.nav[i] {
            score -= 6;
        }
        if matches!(kinds[i], Some(Kind::Section(_))) {
            score -= 3;
        }
        if masthead_like(text) {
            score -= 4;
        }
        if matches!(kinds[i], Some(Kind::NameLike)) && words <= 3 {
            score -= 2;
        }
        if text.ends_with('.') && !text.ends_with("...") {
            score -= 2;
        }
        // Followed by header lines (byline, date) within three lines, or four when a longer
        // text line (a standfirst) comes first: the standfirst must not outscore its headline.
        let standfirst_next = lines.get(i + 1).is_some_and(|next| {
            i + 1 < end
                && matches!(kinds.get(i + 1), Some(Some(Kind::Text)))
                && lines::count_words(next.text, MAX_TITLE_WORDS + 1) >= 8
        });
        let window = if standfirst_next { 4 } else { 3 };
        if kinds.iter().skip(i + 1).take(window).any(header_kind) {
            score += 2;
        }
        // A kicker: a short line right above a much longer headline-like line.
        if let Some(next) = lines.get(i + 1).filter(|_| i + 1 < end) {
            let next_words = lines::count_words(next.text, MAX_TITLE_WORDS + 1) as i32;
            if words <= 3
                && next_words >= 4
                && next_words >= 2 * words
                && matches!(kinds.get(i + 1), Some(Some(Kind::Text | Kind::NameLike)))
            {
                score -= 4;
            }
        }
        // `Throughline` / `The Pirate Queen` / date, `The Food Programme` / `Honey` /
        // standfirst / date: a show or series name over a short headline. The short line
        // right above the header lines is the headline, the one over it its kicker.
        if is_series_title(i) {
            score = score.max(4);
        } else if is_series_title(i + 1) {
            score -= 4;
        }
        // Position: the headline is normally the first candidate.
        score = score * 4 - 2 * i.min(12) as i32;
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    plan.title = best.map(|(_, i)| i);
    plan
}

/// A header line above the planned title: masthead, section, kicker, a name (author-first
/// pages), or navigation.
#[allow(clippy::too_many_arguments)]
fn above_title(
    zone: &Zone<'_>,
    i: usize,
    title_at: usize,
    plan: &TitlePlan,
    h: &mut Header,
    name_above: &mut Option<String>,
    menu_lines: &mut usize,
    removed: &mut Removals,
) {
    let lines = zone.lines;
    let text = lines[i].text;
    let right_above = i + 1 == title_at;
    let in_menu = plan.nav.get(i).copied().unwrap_or(false);
    let segments = zone.segments(i);
    let whole = segments.len() == 1;
    // `Home | Politics | Elections`: a breadcrumb written with bars; the section is the
    // trail as written, without its `Home`.
    // Only a line written with bars; glued spans (`OpinionBy Jane Doe`) are not a menu.
    if segments.len() >= 2
        && text.contains(['|', '｜', '·', '•'])
        && segments
            .iter()
            .all(|seg| menu_like(seg) && super::byline::strip_label(seg).is_none())
    {
        let trail: Vec<&str> = segments
            .iter()
            .map(String::as_str)
            .filter(|seg| !is_nav_word(seg))
            .collect();
        // It starts at `Home`; a bar of sections without it is a one-line menu.
        if !trail.is_empty()
            && is_nav_word(&segments[0])
            && trail.iter().all(|seg| lines::is_section_word(seg))
        {
            for seg in segments.iter().filter(|seg| is_nav_word(seg)) {
                removed.add("navigation", seg);
            }
            h.section.get_or_insert_with(|| trail.join(" | "));
            return;
        }
        if !is_nav_word(&segments[0]) {
            if segments.len() == 2 && right_above {
                // `News | Israel-Palestine conflict` over the headline: a section and its
                // topic, the trail as written.
                h.section.get_or_insert_with(|| segments.join(" | "));
            } else {
                // `News | Sport | Weather`: a one-line menu names no section.
                removed.add("navigation menu", text);
            }
            return;
        }
    }
    // Only boilerplate above: the page's first line.
    let first_line = (0..i).all(|j| zone.boilerplate(j).is_some());
    let kinds = zone.kinds(i);
    for (seg, kind) in segments.iter().zip(kinds.iter()) {
        // `EL MUNDO`, `NHK`, `The Hindu` as the first line: the publication, even in capitals
        // (which alone would make a section) or at the head of a menu.
        // A single word over a section line (`Franceinfo` / `Politique`) too.
        // A single word over more header lines (`Franceinfo` / `Politique`, `detikNews`,
        // `人民网` over its menu) too.
        let word_over_header = whole
            && seg.split_whitespace().nth(1).is_none()
            && seg.len() <= 24
            && seg.chars().any(char::is_alphabetic)
            && !lines::is_section_word_listed(seg)
            && !is_nav_word(seg)
            && !is_page_label(seg)
            && i + 1 < title_at
            && matches!(kind, Kind::Text | Kind::NameLike | Kind::Section(_))
            // A brand's spelling (`detikNews`, `Digi24`, `Novinky.cz`, `人民网`), or a
            // capitalised word over a section line (`Franceinfo` / `Politique`).
            && (brand_shaped(seg)
                || (seg.starts_with(char::is_uppercase)
                    && lines
                        .get(i + 1)
                        .is_some_and(|l| lines::is_section_word_listed(l.text))));
        // `Gulf News` over `UAE` / `Education`: a place and `News` heading the page, with
        // more header lines under it, is the publication (under a masthead, `India News` is
        // a section).
        let place_news_over_header = whole
            && i + 1 < title_at
            && seg.split_whitespace().nth(1).is_some()
            && seg.split_whitespace().nth(3).is_none()
            // Capitalised as a name is (`Australia news` is the Guardian's section).
            && seg.split_whitespace().next_back().is_some_and(|w| {
                w.starts_with(char::is_uppercase)
                    && super::vocab::NEWS_WORDS.contains(w.to_lowercase().as_str())
            })
            && !lines::is_section_word_listed(seg);
        let first_masthead = first_line
            && (place_news_over_header
                || (seg.contains(' ') && masthead_like(seg))
                || acronym_brand(seg)
                || (is_acronym(seg) && !lines::is_section_word_listed(seg))
                || super::byline::is_the_name(seg)
                || is_article_name(seg)
                || word_over_header);
        if h.source.is_none() && (lines::is_outlet(seg) || first_masthead) {
            // `Bloomberg`, `POLITICO`, `Kompas.com`: a publication even without a masthead
            // word, in a menu or not.
            h.source = Some(seg.clone());
            continue;
        }
        // `Reuters` over the headline on an aggregator (`MSN` above it): the wire the story
        // came from, not a section.
        if whole && lines::is_agency(seg) {
            match h.source {
                None => h.source = Some(seg.clone()),
                Some(_) => removed.add("outlet", seg),
            }
            continue;
        }
        match kind.clone() {
            Kind::Boilerplate(what) => removed.add(what, seg),
            Kind::ReadingTime => removed.add("reading time", seg),
            Kind::DateLabel(_) => {}
            Kind::Byline(name, dates) => {
                h.bylines.push((name, true));
                h.dates.extend(dates);
            }
            Kind::Source(name) => h.source = Some(name),
            Kind::Date(hits) => h.dates.extend(hits),
            _ if is_release_marker(seg) => removed.add("press release marker", seg),
            // A masthead is plain text (`News` alone is a section), and in a menu has more
            // than one word.
            Kind::Text | Kind::NameLike
                if h.source.is_none() && masthead_like(seg) && (!in_menu || seg.contains(' ')) =>
            {
                h.source = Some(seg.clone())
            }
            // A second masthead-like line (`Hourly News` under `NPR`) is a menu entry.
            Kind::Text | Kind::NameLike if h.source.is_some() && masthead_like(seg) => {
                removed.add("navigation", seg)
            }
            _ if in_menu && !right_above => *menu_lines += 1,
            // A section word ending a menu right above the headline names the story's section
            // only when the menu drills down to it (`Home` / `Sport` / `Football`, `News` /
            // `UK` / `Politics`, a long menu ending on `Local News`): a menu that ends on a
            // top-level entry (`News` / `Sport` / `Business`) is just a menu.
            Kind::Section(_) if in_menu && right_above && !menu_names_section(zone, plan, i) => {
                *menu_lines += 1
            }
            _ if is_nav_word(seg) => removed.add("navigation", seg),
            // An acronym on the first line over a section line (`CNN` / `Politics`) is the
            // publication.
            Kind::Section(s)
                if i == 0
                    && h.source.is_none()
                    && is_acronym(&s)
                    && lines.get(1).is_some_and(|l| {
                        1 < title_at && lines::is_section_word(l.text) && !is_acronym(l.text)
                    }) =>
            {
                h.source = Some(s)
            }
            // A second section line is a kicker: header, not body. Under a bare `News`
            // (`Wiadomości` / `Kraj`) it is the more precise of the two.
            Kind::Section(s) => set_kicker(h, s),
            // `The Margin Notes` above the headline: a person's name never starts with `The`.
            Kind::NameLike if h.source.is_none() && super::byline::is_the_name(seg) => {
                h.source = Some(seg.clone())
            }
            // `Politics & Policy` reads like names but holds a section word: a kicker.
            Kind::NameLike
                if !in_menu
                    && seg
                        .split_whitespace()
                        .any(|w| lines::is_section_word_listed(w) && w.len() > 2) =>
            {
                h.section.get_or_insert(seg.clone());
            }
            Kind::NameLike if !in_menu && seg.split_whitespace().nth(1).is_some() => {
                name_above.get_or_insert(seg.clone());
            }
            _ if right_above && !in_menu => {
                // A kicker or series tag: the section when there is none.
                set_kicker(h, seg.clone());
            }
            // `Nyheter` / `Norge`, `Berita` / `Jawa Tengah` under the masthead: a top-level
            // entry and one more is a trail ending on the story's section, whatever the word
            // (three entries, `Local` / `Minneapolis` / `St. Paul`, may be siblings).
            _ if right_above && short_trail(zone, plan, i, h.source.as_deref()) => {
                set_kicker(h, seg.clone());
            }
            _ if right_above && trail_after_menu(zone, plan, i) => set_kicker(h, seg.clone()),
            _ => removed.add("navigation", seg),
        }
    }
}

/// Whether the menu run ending at line `i` is, without the masthead, a top-level entry (or
/// `Home`) and the line itself.
fn short_trail(zone: &Zone<'_>, plan: &TitlePlan, i: usize, source: Option<&str>) -> bool {
    let entries: Vec<&str> = menu_run(zone, plan, i)
        .into_iter()
        .filter(|e| Some(*e) != source)
        .collect();
    match entries.as_slice() {
        [first, _] => {
            let first = first.trim().to_lowercase();
            is_nav_word(&first)
                || super::vocab::TOP_SECTIONS.contains(first.as_str())
                || super::vocab::NEWS_WORDS.contains(first.as_str())
        }
        _ => false,
    }
}

/// `Home` / `Cities` / `Opinion` / `News` / `Cities` / `Mumbai`: a breadcrumb after a long
/// menu repeats the menu's entries on its way down to the story's section. A menu lists an
/// entry once, so the entry before the last standing earlier in the run (and the last not)
/// marks the trail.
fn trail_after_menu(zone: &Zone<'_>, plan: &TitlePlan, i: usize) -> bool {
    let entries = menu_run(zone, plan, i);
    let [earlier @ .., parent, last] = entries.as_slice() else {
        return false;
    };
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    earlier.len() >= 2
        && earlier.iter().any(|e| same(e, parent))
        && !earlier.iter().any(|e| same(e, last))
        && !is_nav_word(last)
}

/// The entries of the menu run ending at line `i`, in order (boilerplate lines skipped).
fn menu_run<'z>(zone: &Zone<'z>, plan: &TitlePlan, i: usize) -> Vec<&'z str> {
    let mut entries: Vec<&str> = Vec::new();
    let mut j = i + 1;
    while j > 0 {
        j -= 1;
        if plan.nav.get(j).copied().unwrap_or(false) {
            entries.push(zone.text(j));
        } else if zone.boilerplate(j).is_none() {
            break;
        }
    }
    entries.reverse();
    entries
}

/// A kicker line above the headline becomes the section when there is none, or when the
/// section so far is a bare `News` (`Wiadomości` / `Kraj`): the later line is more precise.
fn set_kicker(h: &mut Header, kicker: String) {
    match &h.section {
        Some(news) if super::vocab::NEWS_WORDS.contains(news.to_lowercase().as_str()) => {
            h.section = Some(kicker)
        }
        _ => {
            h.section.get_or_insert(kicker);
        }
    }
}

/// Whether the menu run ending at line `i` (right above the headline) drills down to the
/// story's section: a short run opening with `Home` or going below the top level after its
/// first entry, or a long run whose last entry is not a top-level section.
fn menu_names_section(zone: &Zone<'_>, plan: &TitlePlan, i: usize) -> bool {
    let entries = menu_run(zone, plan, i);
    let top = |e: &&str| super::vocab::TOP_SECTIONS.contains(e.trim().to_lowercase().as_str());
    match entries.as_slice() {
        [] => true,
        [.., last] if entries.len() > 3 => !top(last),
        [first, rest @ ..] => is_nav_word(first) || !rest.iter().all(top),
    }
}

/// A single token spelt like a brand, not a word: a capital or digit inside it, a dot or
/// `!`, or a script without case.
fn brand_shaped(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| !c.is_lowercase() || s.chars().any(char::is_uppercase))
        && (chars.any(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '!')
            || s.chars()
                .any(|c| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()))
}

/// `Watch`, `Trending`, `Premium`: a badge or label over a headline, not a publication.
fn is_page_label(s: &str) -> bool {
    const LABELS: &[&str] = &[
        "watch",
        "trending",
        "premium",
        "featured",
        "breaking",
        "exclusive",
        "popular",
        "top",
        "today",
        "new",
        "updated",
        "sponsored",
        "promoted",
        "subscriber",
        "subscribers",
        "members",
        "free",
        "paid",
        "plus",
        "opinion",
        "analysis",
        "explainer",
        "review",
        "interview",
        "podcast",
        "gallery",
        "photos",
        "listen",
        "read",
        "now",
        "developing",
    ];
    LABELS.contains(&s.trim().to_lowercase().as_str())
}

/// `AFP Fact Check`, `CNN Business`: an acronym and up to three capitalised words, over the
/// headline on the page's first line.
fn acronym_brand(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && is_acronym(words[0])
        && words[1..]
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase))
        && !s.ends_with(['.', '?', '!', ':'])
        && !lines::is_section_word_listed(s)
}

/// `El Universal`, `La Nación`, `Le Monde`, `Die Zeit`: a leading article and capitalised
/// words, a publication's name (a person's name does not start with an article).
fn is_article_name(s: &str) -> bool {
    const ARTICLES: &[&str] = &[
        "El", "La", "Le", "Il", "O", "Der", "Die", "Het", "Los", "Les",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    // `EL TIEMPO` in capitals too.
    (2..=4).contains(&words.len())
        && ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(words[0]))
        && words[0].starts_with(char::is_uppercase)
        && words[1..]
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && !lines::is_section_word_listed(w))
}

/// A section only by being in capitals (`MARKETS RALLY`), not a known section (`SPORT`,
/// `WORLD NEWS`) or breadcrumb.
fn caps_only_section(text: &str) -> bool {
    let lower = text.to_lowercase();
    let last = lower.split_whitespace().last().unwrap_or("");
    !lines::is_breadcrumb(text)
        && !super::vocab::SECTION_WORDS.contains(lower.as_str())
        && !super::vocab::SECTION_WORDS.contains(last)
        && !is_acronym(text)
}

/// `Home`, `Menu`: a menu entry, never a section.
fn is_nav_word(s: &str) -> bool {
    super::vocab::NAV_WORDS.contains(s.trim().to_lowercase().as_str())
}

/// `CNN`, `BBC`: two to five capitals.
fn is_acronym(s: &str) -> bool {
    (2..=5).contains(&s.len()) && s.chars().all(|c| c.is_ascii_uppercase())
}

fn is_release_marker(s: &str) -> bool {
    let lower = s.to_lowercase();
    RELEASE_MARKERS.iter().any(|m| lower.starts_with(m))
}

/// A line that is clearly body: paragraph-like and not a header line of any kind.
fn is_running_text(zone: &Zone<'_>, i: usize) -> bool {
    let text = zone.text(i);
    paragraph_like(text)
        && zone.boilerplate(i).is_none()
        // Longer than any date, byline or source line: no need to classify.
        && (text.len() > HEADER_LINE_MAX
            || lines::count_words(text, HEADER_LINE_WORDS) >= HEADER_LINE_WORDS
            // Each part of a combined or glued line (`Jane Doe, Staff WriterMarch 3, 2025 at
            // 5:00 p.m.` ends like a sentence).
            || !zone
                .kinds(i)
                .iter()
                .any(|kind| matches!(kind, Kind::Byline(..) | Kind::Date(_) | Kind::Source(_))))
}

/// No byline, date or source line is longer than this many bytes (the date probe and the
/// name test refuse longer text), so longer lines skip the classifier.
const HEADER_LINE_MAX: usize = 200;
/// Nor has any of them this many words.
const HEADER_LINE_WORDS: usize = 16;

/// Whether the text line at `i` is a standfirst: a byline, date or reading time follows within
/// three lines, before any other running text.
fn standfirst_then_header(zone: &Zone<'_>, i: usize) -> bool {
    // Boilerplate and short page chrome (`Share full article`, `124`) do not count towards
    // the three lines, up to a point.
    let mut budget = 3;
    for (j, line) in zone.lines.iter().enumerate().skip(i + 1).take(6) {
        if line.text.len() > HEADER_LINE_MAX
            || lines::count_words(line.text, HEADER_LINE_WORDS) >= HEADER_LINE_WORDS
        {
            return false;
        }
        if zone.boilerplate(j).is_some() {
            continue;
        }
        // A wire's name alone (`Xinhua` under a picture's caption) is a credit.
        let chrome = (lines::count_words(line.text, 5) <= 3
            && !line.text.ends_with(['.', '?', '!', ':'])
            && !line.text.chars().any(char::is_alphabetic))
            || lines::is_agency(line.text);
        if !chrome {
            if budget == 0 {
                return false;
            }
            budget -= 1;
        }
        if zone.kinds(j).iter().any(|kind| {
            matches!(
                kind,
                Kind::Byline(..) | Kind::Date(_) | Kind::ReadingTime | Kind::DateLabel(_)
            )
        }) {
            return true;
        }
        // A caption over a wire's name alone is not the story starting.
        let captioned = zone
            .lines
            .get(j + 1)
            .is_some_and(|l| lines::is_agency(l.text));
        if paragraph_like(line.text) && !captioned {
            return false;
        }
    }
    false
}

/// Whether an explicit byline (`By ...`) stands within the next three lines.
fn byline_follows(zone: &Zone<'_>, i: usize) -> bool {
    (i + 1..zone.lines.len().min(i + 4)).any(|j| {
        zone.text(j).len() <= HEADER_LINE_MAX && matches!(zone.line_kind(j), Kind::Byline(..))
    })
}

/// A photo caption without a credit: no sentence punctuation, and either the word
/// `pictured` or a description that ends on a recent past time (`last week`, `yesterday`,
/// `earlier this month`), which a standfirst does not do (`... why they failed in 2021` is a
/// standfirst).
fn caption_shaped(text: &str) -> bool {
    if text.ends_with(['.', '?', '!', ':', '"', '”']) || !super::body::is_caption(text) {
        return false;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.contains(&"pictured") || lower.contains("file photo") {
        return true;
    }
    let n = words.len();
    let tail = |k: usize| words.get(n.saturating_sub(k)..).unwrap_or(&[]);
    matches!(
        tail(2),
        ["last", "week" | "month" | "year" | "night" | "weekend"]
    ) || matches!(tail(1), ["yesterday"])
        || matches!(tail(3), ["earlier", "this", "week" | "month" | "year"])
}

/// `A view of the Science Park.` over `Xinhua` under a standfirst: a caption over the
/// agency's name alone (a wire under the headline with no caption above it stays the byline).
fn is_caption_over_wire(zone: &Zone<'_>, i: usize, h: &Header) -> bool {
    zone.lines
        .get(i + 1)
        .is_some_and(|l| lines::is_agency(l.text))
        && lines::count_words(zone.text(i), 31) <= 30
        && (!h.body_lines.is_empty() || describes_picture(zone.text(i)))
        && standfirst_then_header(zone, i + 1)
}

/// `Getty Images`, `AFP`: a credit alone on its line, without a caption or outlet after a comma.
fn is_bare_credit(text: &str) -> bool {
    !text.contains(',') && lines::count_words(text, 7) <= 6
}

/// Whether a line describes a picture: `A view of ...`, or someone doing what people do in
/// photographs (`Keir Starmer speaks during a visit ...`, `Fans celebrate ...`), in the
/// present tense a standfirst rarely uses for its subject.
fn describes_picture(text: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "a view of ",
        "an aerial view",
        "a general view",
        "general view",
        "file photo",
        "file picture",
        "a file photo",
    ];
    const VERBS: &[&str] = &[
        "speaks",
        "speak",
        "gestures",
        "gesture",
        "attends",
        "attend",
        "arrives",
        "arrive",
        "waves",
        "wave",
        "poses",
        "pose",
        "walks",
        "walk",
        "stands",
        "stand",
        "sits",
        "sit",
        "listens",
        "listen",
        "reacts",
        "react",
        "celebrates",
        "celebrate",
        "looks",
        "holds",
        "hold",
        "addresses",
        "delivers",
        "leaves",
        "greets",
        "greet",
        "shakes",
        "visits",
        "inspects",
        "inspect",
        "queue",
        "queues",
        "gather",
        "gathers",
        "pictured",
    ];
    if lines::count_words(text, 31) > 30 {
        return false;
    }
    let lower = text.to_lowercase();
    if OPENINGS.iter().any(|o| lower.starts_with(o)) {
        return true;
    }
    // The verb after the subject (one to four words in), or `is seen` / `are seen`.
    lower
        .split_whitespace()
        .skip(1)
        .take(5)
        .any(|w| VERBS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
        || lower.contains(" is seen ")
        || lower.contains(" are seen ")
}

/// A standfirst is a sentence: a short label such as `Key events` starts the body instead.
fn standfirst_shaped(text: &str) -> bool {
    let words = lines::count_words(text, 8);
    words >= 8 || paragraph_like(text) || (words >= 4 && text.ends_with(['.', '!', '?']))
}

/// Whether a title line follows a masthead candidate at `i` within four lines.
fn later_title(zone: &Zone<'_>, i: usize) -> bool {
    (i + 1..zone.lines.len().min(i + 5)).any(|j| {
        let text = zone.text(j);
        !paragraph_like(text)
            && matches!(zone.line_kind(j), Kind::Text | Kind::NameLike)
            && !masthead_like(text)
    })
}

/// Whether `next` continues a headline broken over two lines: the first part stops on a
/// joining word or mark, or the second starts in lowercase.
fn continues_title(title: &str, next: &str) -> bool {
    const JOINING: &[&str] = &[
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "from",
        "by", "as", "after", "before", "over", "amid", "into", "than", "its", "their", "his",
        "her", "is", "are", "was", "were", "be", "will", "could", "would", "that", "und", "der",
        "die", "das", "et", "le", "la", "les", "de", "des", "y", "el", "los",
    ];
    if title.ends_with(['.', '?', '!', '"', '”']) || paragraph_like(next) {
        return false;
    }
    if next.split_whitespace().count() > 20 {
        return false;
    }
    let last = title.split_whitespace().last().unwrap_or("").to_lowercase();
    title.ends_with([',', ':', '-', '–', '—'])
        || JOINING.contains(&last.as_str())
        || next.chars().next().is_some_and(char::is_lowercase)
}

/// The text before the first date of a segment, when it reads as names of two words or more.
fn names_before(seg: &str, hits: &[DateHit]) -> Option<String> {
    let first = hits.first()?;
    let at = seg.find(first.text.as_str())?;
    let head = seg[..at]
        .trim()
        .trim_end_matches([',', '-', '–', '—', '|', ':'])
        .trim();
    let (_, head) = super::when::strip_label(head);
    // `山田太郎2025年3月4日`: a name in Chinese characters, kana or hangul is two to six
    // letters with no space and no case.
    let cjk_name = (2..=6).contains(&head.chars().count())
        && head
            .chars()
            .all(|c| c.is_alphabetic() && !c.is_ascii() && !c.is_uppercase())
        && !head.chars().any(|c| c.is_lowercase());
    ((head.split_whitespace().nth(1).is_some()
        && super::byline::looks_like_names(head)
        && !lines::masthead_like(head))
        || cjk_name)
        .then(|| head.to_string())
}

/// The name in `Headshot of Jane Doe` or `Portrait of Jane Doe`.
fn author_picture(text: &str) -> Option<&str> {
    ["headshot of ", "portrait of "]
        .iter()
        .find_map(|p| lines::strip_prefix_ci(text, p))
        .filter(|name| {
            name.split_whitespace().nth(1).is_some()
                && lines::count_words(name, 6) <= 5
                && super::byline::looks_like_names(name)
        })
}

/// `Correction`, `Editor's note`: a label over an editorial note.
fn is_note_label(text: &str) -> bool {
    // Asked of every line above the headline: the labels are short.
    if text.len() > 20 {
        return false;
    }
    let bare = text.trim().trim_end_matches(':').to_lowercase();
    matches!(
        bare.as_str(),
        "correction" | "corrections" | "clarification" | "editor's note" | "editor’s note"
    )
}

/// `and Jack Pitcher` under a byline: the rest of its names.
fn continues_byline(s: &str) -> bool {
    let Some((joiner, rest)) = s.split_once(' ') else {
        return false;
    };
    matches!(joiner, "and" | "&" | "und" | "et" | "y" | "e")
        && lines::count_words(rest, 7) <= 6
        && super::byline::looks_like_names(rest)
}

/// `Reporting from Kyiv, Ukraine`, `Reported from Gaza`.
fn is_reporting_from(s: &str) -> bool {
    ["reporting from ", "reported from ", "reporting in "]
        .iter()
        .any(|p| lines::strip_prefix_ci(s, p).is_some())
}

/// `in Beijing` on the line under a name: where the author is.
fn is_place_suffix(s: &str) -> bool {
    s.strip_prefix("in ").is_some_and(|place| {
        let words: Vec<&str> = place.split_whitespace().collect();
        (1..=4).contains(&words.len())
            && words
                .iter()
                .all(|w| w.starts_with(char::is_uppercase) || lines::is_joiner(w))
    })
}

/// `Political Editor` on the line under a name.
/// A second bare name under a name: two or three capitalised words that read as a person's
/// name, not a place (`São Paulo`, `New Delhi`, `Kenya`), an organisation or a role.
fn is_second_name(s: &str) -> bool {
    /// First words of place names that read like personal names.
    const PLACE_LEADS: &[&str] = &[
        "san", "santa", "santo", "são", "los", "las", "new", "port", "cape", "saint", "st.", "st",
        "kuala", "hong", "buenos", "rio", "abu", "ho", "tel", "sri", "el", "la", "le", "fort",
        "mount", "lake", "north", "south", "east", "west", "upper", "lower", "greater", "addis",
        "sierra", "costa", "puerto", "saudi", "united", "dar", "phnom", "ciudad", "porto", "nova",
        "nueva", "nuevo", "ras", "al", "sint", "den", "baton", "salt",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=3).contains(&words.len())
        || s.contains([',', '@', '|'])
        || !super::byline::looks_like_names(s)
        || super::byline::is_the_name(s)
        || masthead_like(s)
        || is_role_line(s)
    {
        return false;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    !PLACE_LEADS.contains(&lower[0].as_str())
        && lower.iter().all(|w| {
            w.chars().count() > 1
                && !super::vocab::PLACE_WORDS.contains(w.as_str())
                && !super::vocab::ORG_WORDS.contains(w.as_str())
                && !super::vocab::SECTION_WORDS.contains(w.as_str())
                && !matches!(
                    w.as_str(),
                    "city" | "county" | "province" | "state" | "island"
                )
        })
}

fn is_role_line(s: &str) -> bool {
    let lower = s.to_lowercase();
    // `Deputy political editor @SamCoatesSky`: a handle may follow the role.
    let words: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| !w.starts_with('@'))
        .collect();
    let last = words.last().copied().unwrap_or("");
    words.len() <= 5 && !s.ends_with(['.', '?', '!']) && super::vocab::ROLE_WORDS.contains(&last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &str) -> Header {
        let ctx = Resolver::new(
            &crate::dates::Context::from_rfc3339("2026-11-26T02:20:00Z").expect("valid"),
        );
        let lines: Vec<Line<'_>> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| Line {
                text: l.trim(),
                blank_before: false,
            })
            .collect();
        read(&lines, &ctx, &mut Removals::default())
    }

    const LEDE: &str = "The council approved the budget at 2am after a debate that lasted nine hours and ended in a narrow vote.";

    #[test]
    fn a_menu_above_the_headline_is_navigation() {
        let h = read_text(&format!(
            "Home\nNews\nSport\nWeather\nLocal News\nCouncil tax to rise by 5% as town faces gap\n2 hours ago\n{LEDE}"
        ));
        assert_eq!(
            h.title.as_deref(),
            Some("Council tax to rise by 5% as town faces gap")
        );
        assert_eq!(h.section.as_deref(), Some("Local News"));
        // A menu that ends on a top-level entry names no section; a short trail does.
        for (menu, section) in [
            ("Home\nNews\nCounties\nBusiness\nSports", None),
            ("News\nSport\nBusiness", None),
            ("News\nUK\nPolitics", Some("Politics")),
            ("Home\nSport\nFootball", Some("Football")),
            ("Wiadomości\nKraj", Some("Kraj")),
            // A breadcrumb after a long menu repeats its entries down to the section.
            (
                "Home\nePaper\nExplained\nOpinion\nCities\nNews\nCities\nMumbai",
                Some("Mumbai"),
            ),
            ("Home\nIndia\nWorld\nCities\nOpinion\nEntertainment", None),
        ] {
            let h = read_text(&format!(
                "{menu}\nCouncil tax to rise by 5% as town faces gap\n2 hours ago\n{LEDE}"
            ));
            assert_eq!(h.section.as_deref(), section, "{menu}");
        }
    }

    #[test]
    fn consent_banners_agencies_and_second_bare_names() {
        let h = read_text(&format!(
            "We value your privacy\nWe and our partners store and/or access information on a device, such as cookies and process personal data, such as unique identifiers and standard information sent by a device for personalised advertising and content, advertising and content measurement, and audience insights.\nAccept All\nReject All\nThe Irish Times\nIreland\nHousing\nMinister announces rent controls for the whole country\nJack Horgan-Jones\nTue Mar 04 2025 - 14:32\n{LEDE}"
        ));
        assert_eq!(
            h.title.as_deref(),
            Some("Minister announces rent controls for the whole country")
        );
        assert_eq!(h.bylines, [("Jack Horgan-Jones".to_string(), false)]);
        let h = read_text(&format!(
            "MSN\nReuters\nOil prices rise as OPEC+ signals pause in output hikes\nStory by Reuters\n{LEDE}"
        ));
        assert_eq!((h.source.as_deref(), h.section), (Some("MSN"), None));
        for (second, bylines) in [
            ("John Roe", "Jane Doe, John Roe"),
            ("São Paulo", "Jane Doe"),
            ("New Delhi", "Jane Doe"),
            ("Jane Doe", "Jane Doe"),
        ] {
            let h = read_text(&format!(
                "How the Fed thinks about tariffs\nJane Doe\n{second}\nMar 04, 2025\n{LEDE}"
            ));
            assert_eq!(h.bylines[0].0, bylines, "{second}");
        }
    }

    #[test]
    fn a_short_kicker_over_a_long_headline_is_not_the_title() {
        let h = read_text(&format!(
            "Opinion\nClimate crisis\nThe world is failing its climate test and the poor pay the price\nJane Doe\nMarch 3, 2025\n{LEDE}"
        ));
        assert_eq!(
            h.title.as_deref(),
            Some("The world is failing its climate test and the poor pay the price")
        );
        assert_eq!(h.section.as_deref(), Some("Opinion"));
        // Without a section line, the kicker is the section.
        let h = read_text(&format!(
            "España\nEl Gobierno aprueba la reforma de las pensiones\nJuan Pérez\n14 mar 2025\n{LEDE}"
        ));
        assert_eq!(h.section.as_deref(), Some("España"));
    }

    #[test]
    fn a_name_above_the_headline_is_the_byline_and_capitals_can_be_a_headline() {
        let h = read_text(&format!(
            "Jane Doe\nCouncil approves budget after long night\nMarch 3, 2025\n{LEDE}"
        ));
        assert_eq!(
            h.title.as_deref(),
            Some("Council approves budget after long night")
        );
        assert_eq!(h.bylines, [("Jane Doe".to_string(), false)]);
        let h = read_text(&format!(
            "MARKETS RALLY\nBy Jane Doe\nMarch 3, 2025\n{LEDE}"
        ));
        assert_eq!(h.title.as_deref(), Some("MARKETS RALLY"));
        let h = read_text(&format!(
            "SPORT\nCity win the derby at last\nBy Jane Doe\n{LEDE}"
        ));
        assert_eq!(h.title.as_deref(), Some("City win the derby at last"));
        assert_eq!(h.section.as_deref(), Some("SPORT"));
    }

    #[test]
    fn menu_entries_are_short_and_unpunctuated() {
        assert!(menu_like("Isle of Man"));
        assert!(menu_like("Local News"));
        assert!(!menu_like("Budget 2025"));
        assert!(!menu_like("Council approves the budget"));
        assert!(!menu_like("Yes."));
    }

    #[test]
    fn bars_pictures_captions_and_standfirsts() {
        let h = read_text(&format!(
            "News | Sport | Weather | Traffic\nBridge repairs to close main road for three months\nWorkers inspect the underside of the bridge last week\nBy Jane Doe\nMarch 3, 2025\n{LEDE}"
        ));
        assert_eq!(h.section, None);
        assert_eq!(
            h.title.as_deref(),
            Some("Bridge repairs to close main road for three months")
        );
        assert!(h.body_lines.is_empty());
        let h = read_text(&format!(
            "News|Israel-Palestine conflict\nGaza ceasefire talks resume in Cairo\nBy Ali Hashem\n{LEDE}"
        ));
        assert_eq!(
            h.section.as_deref(),
            Some("News | Israel-Palestine conflict")
        );
        let h = read_text(&format!(
            "Senate passes stopgap bill\nMarch 14, 2025\nDeirdre Walsh\nHeadshot of Deirdre Walsh\nClaudia Grisales\nHeadshot of Claudia Grisales\n{LEDE}"
        ));
        let explicit: Vec<&str> = h
            .bylines
            .iter()
            .filter(|(_, e)| *e)
            .map(|(b, _)| b.as_str())
            .collect();
        assert_eq!(explicit, ["Deirdre Walsh", "Claudia Grisales"]);
        let h = read_text(&format!(
            "News\nUK\nPolitics\nStarmer faces revolt over welfare cuts\nMore than 40 Labour MPs have signed a letter warning the prime minister against cuts\nArchie Mitchell\nPolitical Correspondent\nTuesday 04 March 2025 14:32 GMT\n{LEDE}"
        ));
        assert_eq!(
            h.title.as_deref(),
            Some("Starmer faces revolt over welfare cuts")
        );
        assert_eq!(h.body_lines.len(), 1);
        assert!(caption_shaped("Workers inspect the bridge last week"));
        assert!(caption_shaped("The minister, pictured, at the launch"));
        assert!(!caption_shaped(
            "A look at the models, and why they failed in 2021"
        ));
        assert!(!caption_shaped(
            "The White House said the cuts would save billions"
        ));
    }

    #[test]
    fn first_line_mastheads_capital_bylines_and_places() {
        let h = read_text(&format!(
            "EL MUNDO\nEspaña\nEl Gobierno aprobará la ley de vivienda antes del verano\nJUAN PÉREZ\nMadrid\nMartes, 4 marzo 2025 - 14:32\n{LEDE}"
        ));
        assert_eq!(h.source.as_deref(), Some("EL MUNDO"));
        assert_eq!(h.section.as_deref(), Some("España"));
        assert_eq!(h.bylines, [("JUAN PÉREZ".to_string(), false)]);
        assert_eq!(h.dates.len(), 1);
        let h = read_text(&format!(
            "NHK\nCouncil approves budget after long night\nMarch 3, 2025\n{LEDE}"
        ));
        assert_eq!(h.source.as_deref(), Some("NHK"));
        let h = read_text(&format!(
            "UK\nCouncil approves budget after long night\nMarch 3, 2025\n{LEDE}"
        ));
        assert_eq!(h.source, None);
        assert!(is_place_suffix("in Beijing"));
        assert!(is_place_suffix("in New York"));
        assert!(!is_place_suffix("in the end"));
    }

    #[test]
    fn glued_kickers_and_fuller_bylines() {
        let h = read_text(&format!(
            "OpinionBy Jane Doe\nWhy the city should fix its buses before building a tram\nJane Doe, Staff WriterMarch 3, 2025 at 5:00 p.m.\n{LEDE}"
        ));
        assert_eq!(h.section.as_deref(), Some("Opinion"));
        assert_eq!(h.bylines, [("Jane Doe, Staff Writer".to_string(), true)]);
        assert_eq!(h.dates.len(), 1);
        assert!(h.body_lines.is_empty());
    }

    #[test]
    fn short_standfirsts_kickers_that_read_as_names_and_player_clocks() {
        let h = read_text(&format!(
            "Axios\nPolitics & Policy\nScoop: White House weighs new tariff exemptions\nJane Doe, John Roe\nMar 4, 2025\n{LEDE}"
        ));
        assert_eq!(h.section.as_deref(), Some("Politics & Policy"));
        let h = read_text(&format!(
            "The Case Against Another Stimulus\nSpending more now would make inflation worse.\nBy Jane Doe\nMarch 4, 2025, 6 AM ET\n00:00\n12:34\n{LEDE}"
        ));
        assert_eq!(h.bylines, [("Jane Doe".to_string(), true)]);
        assert_eq!(h.body_lines.len(), 1);
        assert_eq!(h.dates.len(), 1);
        assert!(standfirst_shaped(
            "Spending more now would make inflation worse."
        ));
        assert!(!standfirst_shaped("Key events"));
    }

    #[test]
    fn a_show_name_over_a_short_headline_is_its_kicker() {
        let h = read_text(&format!(
            "NPR\nThroughline\nThe Pirate Queen\nMarch 4, 2025 5:00 AM ET\n{LEDE}"
        ));
        assert_eq!(h.title.as_deref(), Some("The Pirate Queen"));
        let h = read_text(&format!(
            "BBC\nThe Food Programme\nHoney\nDan Saladino meets the beekeepers fighting to save Britain's native black bee.\nReleased On: 02 Mar 2025\n{LEDE}"
        ));
        assert_eq!(h.title.as_deref(), Some("Honey"));
        // The time after a bar completes the date before it.
        let h = read_text(&format!(
            "CBS News\n60 Minutes\nThe last lighthouse keeper\nBy Anderson Cooper\nUpdated on: March 2, 2025 / 7:00 PM EST / CBS News\n{LEDE}"
        ));
        assert_eq!(h.title.as_deref(), Some("The last lighthouse keeper"));
        assert_eq!(h.dates.len(), 1);
        assert_eq!(h.dates[0].text, "March 2, 2025 7:00 PM EST");
        // A short headline over a byline name stays the headline.
        let h = read_text(&format!("Brutal Honesty\nJane Doe\nMarch 4, 2025\n{LEDE}"));
        assert_eq!(h.title.as_deref(), Some("Brutal Honesty"));
    }

    #[test]
    fn captions_over_bare_credits_are_not_standfirsts() {
        // A picture's description over `Getty Images` directly under the headline.
        let h = read_text(&format!(
            "Starmer vows to rewire the state\nKeir Starmer speaks during a visit to a research centre in London on Tuesday\nGetty Images\nArchie Mitchell\nTuesday 04 March 2025 14:32 GMT\n{LEDE}"
        ));
        assert!(h.body_lines.is_empty());
        // A standfirst over `Getty Images` stays one (the picture had no caption).
        let h = read_text(&format!(
            "Starmer vows to rewire the state\nThe prime minister wants every department to use AI within a year\nGetty Images\nArchie Mitchell\nTuesday 04 March 2025 14:32 GMT\n{LEDE}"
        ));
        assert_eq!(h.body_lines.len(), 1);
        // A caption over a wire's name alone, under a standfirst.
        let h = read_text(&format!(
            "Lawmakers approve fund for start-ups\nOfficials say the fund will back as many as 200 firms\nA view of the Science Park in Sha Tin.\nXinhua\nNatalie Wong\nPublished: 2:32pm, 4 Mar 2025\n{LEDE}"
        ));
        assert_eq!(h.body_lines.len(), 1);
        assert_eq!(
            h.bylines.first().map(|b| b.0.as_str()),
            Some("Natalie Wong")
        );
        assert!(describes_picture("Fans celebrate outside the stadium"));
        assert!(!describes_picture("The fund will back 200 firms"));
    }
}
