//! Body clean-up: the lines after the header -> paragraphs. Owns boilerplate and footer
//! removal (with warnings naming what went), related-story blocks, press-release end markers,
//! `Source:` and `First published on` footers, and joining hard-wrapped paragraphs. Does not
//! own the header or the dateline.

use crate::dates::Resolver;

use super::lines::{self, paragraph_like};
use super::vocab::{END_MARKERS, FOOTER_PREFIXES, RELATED_HEADINGS};
use super::when::{self, DateHit};
use super::Removals;

/// One non-blank input line and whether a blank line stood before it.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub text: &'a str,
    pub blank_before: bool,
}

/// What the body yields besides its paragraphs.
#[derive(Debug, Default)]
pub struct Body {
    pub paragraphs: Vec<String>,
    /// `Source: X` found in the body.
    pub source: Option<String>,
    /// The date of a `First published on ...` footer.
    pub first_published: Option<DateHit>,
    /// The date of a `Last modified on ...` footer.
    pub last_modified: Option<DateHit>,
    /// The names of an author box at the end (`Article rédigé par Jean Dupont`).
    pub byline: Option<String>,
}

/// Cleans the body lines and groups them into paragraphs.
pub fn clean(lines: &[Line<'_>], ctx: &Resolver, removed: &mut Removals) -> Body {
    let mut body = Body::default();
    let mut kept: Vec<Line<'_>> = Vec::with_capacity(lines.len());
    let n = lines.len();
    let mut i = 0;
    // Whether the line before was a photo credit: an unlabelled caption follows it.
    let mut after_credit = false;
    // What the lines after a chrome line may be: the links of a `Read more:` box, the size
    // buttons of a `Text size` control.
    let mut after = After::Nothing;
    // The lowercase start of the current line, in one buffer for all lines.
    let mut lower_head = String::with_capacity(64);
    while i < n {
        let line = lines[i];
        let text = line.text;
        if std::mem::take(&mut after_credit)
            && is_caption(text)
            && lines::boilerplate(text).is_none()
        {
            removed.add("photo caption", text);
            i += 1;
            continue;
        }
        match std::mem::replace(&mut after, After::Nothing) {
            After::ReadMore(left) if is_link_title(text) => {
                removed.add("read more", text);
                after = if left > 1 {
                    After::ReadMore(left - 1)
                } else {
                    After::Nothing
                };
                i += 1;
                continue;
            }
            After::TextSize if is_size_button(text) => {
                removed.add("navigation", text);
                after = After::TextSize;
                i += 1;
                continue;
            }
            _ => {}
        }
        if is_video_marker(text) {
            removed.add("video", text);
            i += 1;
            if lines.get(i).is_some_and(|l| is_caption(l.text)) {
                removed.add("video caption", lines[i].text);
                i += 1;
            }
            continue;
        }
        lines::lower_head_into(&mut lower_head, text, 48);
        // `SOURCE Acme Robotics, Inc.` (a wire press release's last line), a paywall's
        // `Continue reading your article with`, a comment section's heading in the second
        // half: the article ends here.
        let end = if END_MARKERS.contains(&lower_head.trim()) {
            Some("end marker")
        } else if is_release_source(text) {
            Some("release source")
        } else if is_paywall(&lower_head) && paywall_line(text) {
            Some("paywall")
        } else if i + 2 < n
            && text.len() <= 40
            && is_comments_heading(&lower_head)
            && (comments_follow(&lines[i + 1..])
                || (i * 2 >= n && lower_head.bytes().any(|b| b.is_ascii_digit())))
        {
            // A bare `Comments` button further up, with the story going on after it, stays
            // a button: a heading has its count or the section's controls under it.
            // Names, times and replies follow the heading (a lone counter is just removed).
            Some("comments")
        } else {
            None
        };
        if let Some(what) = end.filter(|_| !kept.is_empty()) {
            if what == "release source" {
                body.source
                    .get_or_insert_with(|| text["SOURCE ".len()..].trim().to_string());
            }
            removed.add(what, text);
            let after = n - i - 1;
            if after > 0 {
                removed.add_n(&format!("text after {what}"), &format!("{after} lines"), 1);
            }
            break;
        }
        // `Article rédigé par Jean Dupont` / `France Télévisions` closing the page: an author
        // box, the byline when the header had none.
        if !kept.is_empty() && i + 4 >= n {
            if let Some(name) = footer_byline(text) {
                body.byline.get_or_insert_with(|| name.to_string());
                removed.add("author box", text);
                let after = n - i - 1;
                if after > 0 {
                    let word = if after == 1 { "line" } else { "lines" };
                    removed.add("author box", &format!("{after} {word} after it"));
                }
                break;
            }
        }
        // `Note from the author:` over a plea for money in the second half: the page's
        // appeal to its readers, to the end.
        if i * 2 >= n && !kept.is_empty() && is_appeal_heading(&lower_head, text) {
            removed.add("reader appeal", text);
            let after = n - i - 1;
            if after > 0 {
                removed.add_n("text after reader appeal", &format!("{after} lines"), 1);
            }
            break;
        }
        if !kept.is_empty() && is_related_heading(text) {
            let end = related_block_end(lines, i);
            removed.add("related block", text);
            i = end;
            continue;
        }
        // `Only a part of the news ... published by Anadolu Agency ... Please contact us for
        // subscription.`, dpa's `Diese Meldung ist Teil eines automatisierten Angebots ...`:
        // an agency's subscription or licensing notice among the page's last lines.
        // (Never the story's own first lines: a short story about an agency stays whole.)
        if kept.len() >= 3
            && i + 3 >= n
            && is_agency_notice(text)
            && lines::boilerplate(text).is_none()
        {
            removed.add("agency notice", text);
            i += 1;
            continue;
        }
        if let Some(what) = footer(text, &lower_head) {
            handle_footer(text, what, ctx, &mut body);
            let name = match what {
                Footer::Credit => "wire credit",
                Footer::Source => "source line",
                Footer::FirstPublished | Footer::LastModified => "footer",
            };
            removed.add(name, text);
            i += 1;
            continue;
        }
        if when::is_labelled_date_line(text) && !kept.is_empty() {
            removed.add("date line", text);
            i += 1;
            continue;
        }
        // `12` (claps, likes) between the header and the story: a counter without its word.
        if kept.len() < 2 && is_bare_count(text) {
            removed.add("counter", text);
            i += 1;
            continue;
        }
        if is_separator(text) {
            removed.add("separator", text);
            i += 1;
            continue;
        }
        if lines::is_contributor_note(text) {
            removed.add("wire credit", text);
            i += 1;
            continue;
        }
        if let Some(what) = lines::boilerplate_with_head(text, &lower_head) {
            removed.add(what, text);
            // `Foto: Petr Horník, Právo`: a labelled credit may name the outlet after a comma.
            after_credit = what == "photo"
                && (!text.contains(',')
                    || lower_head.starts_with("foto:")
                    || lower_head.starts_with("photo:"))
                && lines::count_words(text, 7) <= 6;
            // A caption above its credit, the credit then followed by `hide caption` or by
            // the story (not by a caption of its own): the line kept just before the credit
            // was the caption, when it is short.
            let caption_above = || {
                lines.get(i + 1).is_some_and(|l| is_caption_toggle(l.text))
                    || (lines::count_words(lines[i - 1].text, 13) <= 12
                        && names_something(lines[i - 1].text)
                        && !lines.get(i + 1).is_some_and(|l| {
                            is_caption(l.text) && lines::boilerplate(l.text).is_none()
                        })
                        // In a gallery (`2 of 12` over the caption) the captions are the
                        // page's content.
                        && !(i >= 2
                            && lines::boilerplate(lines[i - 2].text) == Some("gallery counter")))
            };
            if after_credit
                && i > 0
                && kept
                    .last()
                    .is_some_and(|k| std::ptr::eq(k.text, lines[i - 1].text))
                && lines::count_words(lines[i - 1].text, 61) <= 60
                && caption_above()
            {
                if let Some(caption) = kept.pop() {
                    removed.add("photo caption", caption.text);
                }
                after_credit = false;
            }
            after = match lower_head.trim_end_matches([':', '.', ' ']) {
                "read more" | "read also" | "see also" | "related" => After::ReadMore(4),
                _ if is_size_control(text) => After::TextSize,
                _ => After::Nothing,
            };
            i += 1;
            continue;
        }
        if lines::is_reading_time(text) {
            removed.add("reading time", text);
            i += 1;
            continue;
        }
        kept.push(line);
        i += 1;
    }
    body.paragraphs = join_paragraphs(&kept);
    join_split_dateline(&mut body.paragraphs);
    body
}

/// Whether a line is a news agency's notice about its service: it names an agency and
/// subscription, licensing, redistribution or an automated, unedited feed.
fn is_agency_notice(text: &str) -> bool {
    const AGENCY: &[&str] = &[
        "agency",
        "ajans",
        "agentur",
        "agence",
        "agencia",
        "agência",
        "agenzia",
        "wire service",
        "news service",
        "syndicated",
    ];
    const NOTICE: &[&str] = &[
        "subscri",
        "abone",
        "abonn",
        "suscri",
        "assina",
        "licens",
        "lizenz",
        "redistribu",
        "redifusi",
        "reproduc",
        "automat",
        "nicht bearbeitet",
        "not been edited",
    ];
    if lines::count_words(text, 61) > 60 || lines::count_words(text, 8) < 8 {
        return false;
    }
    let lower = text.to_lowercase();
    AGENCY.iter().any(|w| lower.contains(w)) && NOTICE.iter().any(|w| lower.contains(w))
}

/// `SOURCE Acme Robotics, Inc.`: the last line of a PR Newswire release, naming the issuer.
fn is_release_source(text: &str) -> bool {
    text.strip_prefix("SOURCE ").is_some_and(|rest| {
        let rest = rest.trim();
        !rest.is_empty() && lines::count_words(rest, 9) <= 8 && !rest.ends_with(['?', '!'])
    })
}

/// The prompt that replaces the rest of a paywalled article (lowercase line start).
fn is_paywall(lower_head: &str) -> bool {
    // Runs on every body line: only the prompts sharing the line's first byte are compared,
    // their second byte inline first.
    static BUCKETS: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    let buckets = BUCKETS.get_or_init(|| {
        let mut b = vec![Vec::new(); 256];
        for p in PROMPTS {
            if let Some(&first) = p.as_bytes().first() {
                b[usize::from(first)].push(*p);
            }
        }
        b
    });
    let head = lower_head.as_bytes();
    let Some(&first) = head.first() else {
        return false;
    };
    buckets[usize::from(first)].iter().any(|p| {
        let p = p.as_bytes();
        head.len() >= p.len() && head[1] == p[1] && head.starts_with(p)
    })
}

/// Whether a line opening like a paywall prompt is one: short, and (for the openings a
/// sentence could have, `To continue reading`, `Il vous reste`) naming a subscription or the
/// article's remaining share.
fn paywall_line(text: &str) -> bool {
    if lines::count_words(text, 31) > 30 {
        return false;
    }
    let lower = text.to_lowercase();
    let specific = [
        "continue reading your article",
        "この記事は",
        "subscribe to continue",
        "this article is",
        "this content is",
        "the rest of this article",
        "unlock this article",
        "la suite est réservée",
    ];
    if specific.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    const SUBSCRIPTION: &[&str] = &[
        "subscri",
        "member",
        "sign in",
        "log in",
        "abonn",
        "premium",
        "suscri",
        "abbonat",
        "abo",
        "% de cet article",
    ];
    SUBSCRIPTION.iter().any(|w| lower.contains(w))
}

/// Paywall prompts, lowercase.
const PROMPTS: &[&str] = &[
    "cet article est réservé aux abonnés",
    "article réservé aux abonnés",
    "dieser artikel ist nur für abonnenten",
    "questo articolo è riservato agli abbonati",
    "este contenido es exclusivo para suscriptores",
    "conteúdo exclusivo para assinantes",
    "continue reading your article",
    "continue reading with a",
    "to continue reading",
    "subscribe to continue reading",
    "subscribe to read the full",
    "sign in to continue reading",
    "log in to continue reading",
    "this article is for subscribers",
    "this article is reserved for subscribers",
    "this content is for subscribers",
    "the rest of this article is for subscribers",
    "unlock this article",
    "read the full article with",
    "il vous reste",
    "la suite est réservée aux abonnés",
    "para seguir leyendo",
    "suscríbete para seguir leyendo",
    "per continuare a leggere",
    "jetzt weiterlesen mit",
    "weiterlesen mit",
    "この記事は有料記事です",
    "この記事は会員記事です",
];

/// What a comment section opens with under its heading: a count (`42 Comments`) or a sort
/// control (`Sort by Newest`).
fn comments_follow(next: &[Line<'_>]) -> bool {
    next.first().is_some_and(|l| {
        let lower = lines::lower_head(l.text, 48);
        is_comments_heading(&lower) || lower.starts_with("sort by") || lower == "newest"
    })
}

/// The heading of a comment section: `Comments`, `42 Comments`, `Comments (42)`, `Join the
/// conversation`, `Leave a comment` (lowercase line start).
fn is_comments_heading(lower_head: &str) -> bool {
    const NOUNS: &[&str] = &[
        "comments",
        "comment",
        "postings",
        "kommentare",
        "kommentarer",
        "commentaires",
        "comentarios",
        "commenti",
        "reacties",
    ];
    let bare = lower_head.trim().trim_end_matches(':');
    if bare.len() > 40 {
        return false;
    }
    let words: Vec<&str> = bare
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let count = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b',');
    let counted_noun = match words.as_slice() {
        [noun] => NOUNS.contains(noun),
        [a, b] => (NOUNS.contains(a) && count(b)) || (count(a) && NOUNS.contains(b)),
        _ => false,
    };
    counted_noun
        || matches!(
            bare,
            "join the conversation"
                | "leave a comment"
                | "post a comment"
                | "add a comment"
                | "reader comments"
                | "show comments"
                | "view comments"
        )
}

/// The names in an author line at the end of a page: `Article rédigé par Jean Dupont`,
/// `Written by Jane Doe`, `Escrito por Ana Pérez`.
fn footer_byline(text: &str) -> Option<&str> {
    const LABELS: &[&str] = &[
        "article rédigé par ",
        "rédigé par ",
        "written by ",
        "escrito por ",
        "redactado por ",
        "geschrieben von ",
        "scritto da ",
    ];
    let name = LABELS
        .iter()
        .find_map(|l| lines::strip_prefix_ci(text, l))?
        .trim_end_matches('.');
    (lines::count_words(name, 8) <= 6 && super::byline::looks_like_names(name)).then_some(name)
}

/// What may follow a chrome line.
#[derive(Debug, Clone, Copy)]
enum After {
    Nothing,
    /// The links of a `Read more:` box, at most this many.
    ReadMore(u8),
    /// The buttons of a text-size control.
    TextSize,
}

/// A story link in a `Read more:` box: a headline, not a sentence.
fn is_link_title(text: &str) -> bool {
    !paragraph_like(text)
        && !text.ends_with(['.', ':'])
        && (2..=20).contains(&lines::count_words(text, 21))
}

/// `Text size`, `AA`: a text-size control, its buttons on the next lines.
pub fn is_size_control(text: &str) -> bool {
    matches!(
        text.trim().to_lowercase().trim_end_matches(':'),
        "text size" | "font size" | "aa" | "a a"
    )
}

/// `Small`, `Medium`, `Large`, `A+`: the buttons of a text-size control.
pub fn is_size_button(text: &str) -> bool {
    const BUTTONS: &[&str] = &[
        "small", "medium", "large", "larger", "smaller", "default", "normal", "a", "a+", "a-", "aa",
    ];
    BUTTONS.contains(&text.trim().to_lowercase().as_str())
}

/// `12`, `1.2K`: a number alone.
pub fn is_bare_count(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['K', 'k', 'M']);
    (1..=7).contains(&t.len())
        && t.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && t.bytes().next().is_some_and(|b| b.is_ascii_digit())
}

/// `hide caption`, `toggle caption`: the control under a picture.
fn is_caption_toggle(text: &str) -> bool {
    matches!(
        text.trim().to_lowercase().as_str(),
        "hide caption" | "toggle caption" | "show caption" | "caption"
    )
}

/// `Video`, `WATCH:`: a video player's label, its title on the next line.
pub fn is_video_marker(text: &str) -> bool {
    // Called on every body line: the longest marker is short, so most lines stop here.
    if text.len() > 24 {
        return false;
    }
    let lower = text.trim().to_lowercase();
    let lower = lower.trim_end_matches(':');
    // `VIDEO 03:12`: the label with the video's length.
    let label = match lower.rsplit_once(' ') {
        Some((label, length))
            if length.contains(':') && length.chars().all(|c| c.is_ascii_digit() || c == ':') =>
        {
            label
        }
        _ => lower,
    };
    matches!(
        label,
        "video" | "watch" | "watch video" | "play video" | "watch now"
    )
}

/// A dateline copied over several lines (`Washington` / `CNN` / `—` / `The Senate ...`): up to
/// three short pieces, the last ending in a dash, are joined with the paragraph they open.
fn join_split_dateline(paragraphs: &mut Vec<String>) {
    // `LONDON` alone over the story's first paragraph (Anadolu's English pages): a place in
    // capitals, no section word or label, that the paragraph names, is the dateline.
    if let [place, lede, ..] = paragraphs.as_slice() {
        let caps_place = (1..=3).contains(&lines::count_words(place, 4))
            && place.chars().any(char::is_alphabetic)
            && place
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\''))
            && !super::vocab::TOP_SECTIONS.contains(place.to_lowercase().as_str())
            && !super::vocab::NEWS_WORDS.contains(place.to_lowercase().as_str())
            && lines::boilerplate(place).is_none();
        // A heading in capitals (`KEY POINTS`) is no place: the story names its place.
        let named = || {
            let lower = lede.to_lowercase();
            lower.contains(&place.to_lowercase())
        };
        if caps_place && paragraph_like(lede) && lede.starts_with(char::is_uppercase) && named() {
            let joined = format!("{place} - {lede}");
            paragraphs.splice(..2, [joined]);
            return;
        }
    }
    let dash = |p: &str| p.ends_with(['—', '–', '-']);
    let short = |p: &str| {
        p.len() <= 50
            && lines::count_words(p, 6) <= 5
            && !p.ends_with(['.', '?', '!', ':', ';', ','])
    };
    let Some(k) = (1..=3.min(paragraphs.len().saturating_sub(1)))
        .find(|&k| paragraphs[..k].iter().all(|p| short(p)) && dash(&paragraphs[k - 1]))
    else {
        return;
    };
    // The first piece is a place: it starts with a capital and is more than a dash.
    if !paragraphs[0].chars().next().is_some_and(char::is_uppercase) {
        return;
    }
    let joined = paragraphs[..=k].join(" ");
    paragraphs.splice(..=k, [joined]);
}

/// `___`, `* * *`, `-----`: a rule between parts of the page, not a paragraph. A lone dash
/// may belong to a dateline split over lines and stays.
fn is_separator(text: &str) -> bool {
    // Most lines start with a letter: no scan needed.
    if text.len() > 80 || text.chars().next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    let marks = text.chars().filter(|c| !c.is_whitespace()).count();
    // `·` or `|` left alone on a line by a share bar; a lone dash stays.
    let lone_mark = text.chars().all(|c| {
        c.is_whitespace() || c.is_ascii_punctuation() || matches!(c, '·' | '•' | '…' | '｜')
    }) && text.trim() != "-";
    lone_mark
        || marks >= 3
            && text.chars().all(|c| {
                c.is_whitespace()
                    || matches!(c, '_' | '*' | '-' | '=' | '~' | '•' | '·' | '—' | '–')
            })
}

/// Whether a short line reads as a picture's description rather than a sentence of the
/// story: it names someone or something (a capitalised word after the first) and does not
/// open with a pronoun (`He declined to comment.`).
fn names_something(text: &str) -> bool {
    const PRONOUNS: &[&str] = &[
        "He", "She", "It", "They", "We", "I", "You", "This", "That", "There", "But", "And",
    ];
    let mut words = text.split_whitespace();
    words.next().is_some_and(|first| !PRONOUNS.contains(&first))
        && words.any(|w| w.starts_with(char::is_uppercase))
}

/// A caption under a bare credit (`Getty Images`): a short line that is not a sentence.
pub fn is_caption(text: &str) -> bool {
    !paragraph_like(text)
        && !text.ends_with(['.', '?', '!', ':'])
        && (3..=25).contains(&lines::count_words(text, 26))
}

/// The heading of a reader appeal closing a page (`Note from the author:`, `Support
/// independent journalism`), short and with no sentence after it.
fn is_appeal_heading(lower_head: &str, text: &str) -> bool {
    const HEADS: &[&str] = &[
        "note from the author",
        "a note from the author",
        "a message from",
        "support independent journalism",
        "support our journalism",
        "support our work",
        "why we need your support",
        "we need your support",
    ];
    text.len() <= 60 && !text.ends_with('.') && HEADS.iter().any(|h| lower_head.starts_with(h))
}

fn is_related_heading(text: &str) -> bool {
    if text.len() > 80 || text.split_whitespace().nth(6).is_some() {
        return false;
    }
    let lower = text.to_lowercase();
    let bare = lower.trim_end_matches([':', '.']).trim();
    RELATED_HEADINGS.contains(&bare)
        || bare.starts_with("more from ")
        || bare.starts_with("more on ")
        || bare.starts_with("more in ")
        || bare.starts_with("related to ")
        || bare.starts_with("read more about")
        || bare.starts_with("more stories from")
        || bare.starts_with("most read")
        || bare.starts_with("most watched")
        || bare.starts_with("most popular")
        || bare.starts_with("most viewed")
        || bare.starts_with("written by ")
        || bare == "about the author"
}

/// Where a related block that starts at `start` ends: the end of the text, or the first
/// paragraph-like line when the block sits in the first half of the body (the article goes on).
fn related_block_end(lines: &[Line<'_>], start: usize) -> usize {
    if start * 2 >= lines.len() {
        return lines.len();
    }
    let mut j = start + 1;
    while j < lines.len() && !paragraph_like(lines[j].text) {
        j += 1;
    }
    // A teaser paragraph followed only by links (`Keep reading`): the block runs to the end,
    // the article does not go on.
    if j + 1 < lines.len()
        && lines[j + 1..]
            .iter()
            .all(|l| !l.text.ends_with(['.', '!', '?', '"', '”']) && !paragraph_like(l.text))
    {
        return lines.len();
    }
    j
}

/// Footer kinds: wire credits, `First published`, `Last modified`, `Source:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Footer {
    Credit,
    FirstPublished,
    LastModified,
    Source,
}

fn footer(text: &str, lower_head: &str) -> Option<Footer> {
    // The prefix test first: most lines match none, and the word count scans the whole line.
    // The first-byte test skips most prefixes without a call to memcmp.
    let &first = lower_head.as_bytes().first()?;
    let prefix = FOOTER_PREFIXES
        .iter()
        .find(|p| p.as_bytes().first() == Some(&first) && lower_head.starts_with(*p))?;
    if text.split_whitespace().count() > 40 {
        return None;
    }
    Some(match *prefix {
        p if p.starts_with("source")
            || [
                "quelle:",
                "fuente:",
                "fonte:",
                "źródło:",
                "kaynak:",
                "sumber:",
            ]
            .contains(&p)
            || p.starts_with("来源") =>
        {
            Footer::Source
        }
        p if p.contains("first published") || p.contains("originally") => Footer::FirstPublished,
        p if p.contains("last modified") || p == "最終更新" => Footer::LastModified,
        _ => Footer::Credit,
    })
}

fn handle_footer(text: &str, what: Footer, ctx: &Resolver, body: &mut Body) {
    match what {
        Footer::Source => {
            let name = text
                .split_once([':', '：'])
                .map(|(_, r)| r.trim().trim_end_matches('.'))
                .unwrap_or("");
            // `ZEIT ONLINE, dpa, AFP`: the publication, then the agencies it used.
            let name = name.split(',').next().unwrap_or(name).trim();
            // `Al Jazeera and news agencies`: the agencies are not the publication.
            let name = [
                " and news agencies",
                " and agencies",
                " with agencies",
                " and wire services",
                " and wires",
            ]
            .iter()
            .find_map(|tail| {
                name.len()
                    .checked_sub(tail.len())
                    .filter(|&at| name.is_char_boundary(at))
                    .filter(|&at| name[at..].eq_ignore_ascii_case(tail))
                    .map(|at| &name[..at])
            })
            .unwrap_or(name)
            .trim();
            if !name.is_empty() && name.split_whitespace().count() <= 6 && body.source.is_none() {
                body.source = Some(name.to_string());
            }
        }
        Footer::FirstPublished | Footer::LastModified => {
            let hit = date_after_label(text, ctx);
            let slot = if what == Footer::FirstPublished {
                &mut body.first_published
            } else {
                &mut body.last_modified
            };
            if slot.is_none() {
                *slot = hit;
            }
        }
        Footer::Credit => {}
    }
}

/// The date in `First published on 3 March 2025.` or `This article was first published on ...`.
fn date_after_label(text: &str, ctx: &Resolver) -> Option<DateHit> {
    let text = text.trim().trim_end_matches('.');
    let lower = text.to_lowercase();
    let start = [" on ", " published ", " modified ", ":"]
        .iter()
        .filter_map(|k| lower.find(k).map(|i| i + k.len()))
        .max()
        .filter(|&i| text.is_char_boundary(i))?;
    when::probe(text[start..].trim(), ctx, None)
        .into_iter()
        .next()
}

/// Groups kept lines into paragraphs: each line is a paragraph, except that a hard-wrapped
/// paragraph (a line broken mid-sentence) is joined with the next line by a space.
fn join_paragraphs(lines: &[Line<'_>]) -> Vec<String> {
    let wrapped = is_hard_wrapped(lines);
    let mut out: Vec<String> = Vec::new();
    let mut joinable = false;
    for line in lines {
        let text = line.text.trim();
        if joinable && !line.blank_before && !starts_list_item(text) {
            if let Some(last) = out.last_mut() {
                let starts_lower = text.chars().next().is_some_and(|c| c.is_lowercase());
                if wrapped || starts_lower {
                    last.push(' ');
                    last.push_str(text);
                    joinable = breaks_mid_sentence(last, text.len());
                    continue;
                }
            }
        }
        out.push(text.to_string());
        joinable = breaks_mid_sentence(text, text.len());
    }
    out
}

/// A line that does not end a sentence and is long enough to be a wrapped line.
fn breaks_mid_sentence(text: &str, last_len: usize) -> bool {
    let end = text.trim_end();
    last_len >= 30
        && !end.ends_with(['.', '!', '?', '…', ':', '"', '”', '’', ')', ']', ';'])
        && !starts_list_item(text)
}

/// Hard-wrapped text: blank lines separate paragraphs and many lines stop mid-sentence.
fn is_hard_wrapped(lines: &[Line<'_>]) -> bool {
    if lines.len() < 3 || !lines.iter().any(|l| l.blank_before) {
        return false;
    }
    let mid = lines
        .windows(2)
        .filter(|w| !w[1].blank_before && breaks_mid_sentence(w[0].text, w[0].text.len()))
        .count();
    mid * 4 >= lines.len()
}

/// A bullet, or one or two digits and `.` or `)`. Looks only at the head, since it is also
/// asked of a paragraph as it grows line by line.
fn starts_list_item(text: &str) -> bool {
    let t = text.trim_start();
    let digits = t.bytes().take(3).take_while(u8::is_ascii_digit).count();
    t.starts_with(['-', '*', '•', '–', '—', '·'])
        || ((1..=2).contains(&digits) && matches!(t.as_bytes().get(digits), Some(b'.' | b')')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_are_told_by_their_head() {
        for yes in ["- a", "  • b", "1. One", "12) Twelve", "3.x", "— dash"] {
            assert!(starts_list_item(yes), "{yes}");
        }
        for no in ["123. no", "a. no", ". no", "1 . no", "Plain text", ""] {
            assert!(!starts_list_item(no), "{no}");
        }
    }

    fn lines(text: &str) -> Vec<Line<'_>> {
        let mut out = Vec::new();
        let mut blank = false;
        for l in text.lines() {
            if l.trim().is_empty() {
                blank = true;
            } else {
                out.push(Line {
                    text: l.trim(),
                    blank_before: blank,
                });
                blank = false;
            }
        }
        out
    }

    fn run(text: &str) -> (Vec<String>, Vec<String>) {
        let ctx =
            Resolver::new(&crate::dates::Context::from_rfc3339("2026-11-26T02:20:00Z").unwrap());
        let mut removed = Removals::default();
        let body = clean(&lines(text), &ctx, &mut removed);
        (body.paragraphs, removed.warnings())
    }

    #[test]
    fn boilerplate_goes_and_is_named() {
        let (paras, warnings) = run(
            "First paragraph here.\nAdvertisement\nSecond paragraph.\nADVERTISEMENT\nShare this article\nBy then it was late.\nWhy?",
        );
        assert_eq!(
            paras,
            [
                "First paragraph here.",
                "Second paragraph.",
                "By then it was late.",
                "Why?"
            ]
        );
        assert_eq!(
            warnings,
            [
                "removed advertisement: Advertisement (2 times)",
                "removed share buttons: Share this article"
            ]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let (paras, _) = run(
            "The council met on Tuesday night to debate the budget, which has been\ndelayed twice this year.\n\nIt passed by a narrow margin after a long and occasionally\nbitter debate that ran past midnight.\n\n- one item\n- two item",
        );
        assert_eq!(
            paras,
            [
                "The council met on Tuesday night to debate the budget, which has been delayed twice this year.",
                "It passed by a narrow margin after a long and occasionally bitter debate that ran past midnight.",
                "- one item",
                "- two item"
            ]
        );
    }

    #[test]
    fn related_blocks_footers_and_end_markers_go() {
        let (paras, warnings) = run(
            "Body one.\nBody two.\nReporting by Jane Doe; Editing by John Roe\nMore from Politics\nOther story headline\nBy Someone Else\n3 hours ago",
        );
        assert_eq!(paras, ["Body one.", "Body two."]);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        let (paras, _) = run("Release text.\n###\nAbout Acme\nAcme makes things.");
        assert_eq!(paras, ["Release text."]);
    }

    #[test]
    fn a_dateline_split_over_lines_is_joined() {
        let mut p: Vec<String> = [
            "Washington",
            "CNN",
            "—",
            "The Senate passed the bill.",
            "More.",
        ]
        .map(String::from)
        .to_vec();
        join_split_dateline(&mut p);
        assert_eq!(p, ["Washington CNN — The Senate passed the bill.", "More."]);
        let mut q: Vec<String> = ["Key events", "10.15 GMT", "Trains are cancelled."]
            .map(String::from)
            .to_vec();
        join_split_dateline(&mut q);
        assert_eq!(q.len(), 3);
        // A place in capitals alone over a lede that names it; a heading in capitals stays.
        let lede = "Turkish Foreign Minister Hakan Fidan met his British counterpart in London on Tuesday, according to diplomatic sources.";
        let mut r: Vec<String> = vec!["LONDON".into(), lede.into()];
        join_split_dateline(&mut r);
        assert_eq!(r, [format!("LONDON - {lede}")]);
        let mut k: Vec<String> = vec!["KEY POINTS".into(), lede.into()];
        join_split_dateline(&mut k);
        assert_eq!(k.len(), 2);
    }

    #[test]
    fn rules_and_captions_are_recognised() {
        assert!(is_separator("___"));
        assert!(is_separator("* * *"));
        assert!(!is_separator("—"));
        assert!(!is_separator("Text ___"));
        assert!(is_caption(
            "The council says it has no choice but to raise bills"
        ));
        assert!(!is_caption(
            "The council said it faced a gap in its budget for the next year."
        ));
    }

    #[test]
    fn chrome_blocks_go_with_what_follows_them() {
        let (paras, warnings) = run(
            "The budget passed on Tuesday.\nRead more:\nStarmer says no return to austerity\nWhat is the spring statement?\nLabour MPs warned against cuts.",
        );
        assert_eq!(
            paras,
            [
                "The budget passed on Tuesday.",
                "Labour MPs warned against cuts."
            ]
        );
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        let (paras, _) = run(
            "AA\nText Size\nSmall\nMedium\nLarge\nNEW DELHI: The court agreed to hear the plea.",
        );
        assert_eq!(paras, ["NEW DELHI: The court agreed to hear the plea."]);
        let (paras, _) = run(
            "The Senate passed the bill.\nThe leader speaks to reporters at the Capitol on Friday.\nKevin Dietsch/Getty Images\nhide caption\ntoggle caption\nKevin Dietsch/Getty Images\nThe House passed it earlier.",
        );
        assert_eq!(
            paras,
            [
                "The Senate passed the bill.",
                "The House passed it earlier."
            ]
        );
        let (paras, _) = run("12\n--\nLast year the job took nine hours.\nVIDEO 03:12\nOil surges after the cut\nIt ended the day higher.\n·");
        assert_eq!(
            paras,
            [
                "Last year the job took nine hours.",
                "It ended the day higher."
            ]
        );
        // A credit with no toggle after it leaves the paragraph before it alone.
        let (paras, _) = run("The Senate passed the bill on Friday night.\nGetty Images\nThe bill goes to the president");
        assert_eq!(paras, ["The Senate passed the bill on Friday night."]);
        assert!(is_video_marker("WATCH NOW"));
        assert!(!is_video_marker("Video games are booming"));
    }

    #[test]
    fn a_reader_appeal_in_the_second_half_ends_the_page() {
        let (paras, warnings) = run("One paragraph here.\nAnother one.\nA third one.\nNote from the author:\nHi, this is Jane. We need your support.\nBecome a member");
        assert_eq!(paras.len(), 3, "{paras:?}");
        assert!(warnings
            .iter()
            .any(|w| w.starts_with("removed reader appeal")));
        // Early in the page, the same words are the story's.
        let (paras, _) =
            run("Note from the author: this is a test page.\nOne.\nTwo.\nThree.\nFour.");
        assert_eq!(paras.len(), 5, "{paras:?}");
    }

    #[test]
    fn agency_notices_at_the_end_go() {
        assert!(is_agency_notice("Only a part of the news, pictures and videos published by Anadolu Agency via the News Broadcasting System (HAS) is published on the website. Please contact us for subscription."));
        assert!(is_agency_notice("Diese Meldung ist Teil eines automatisierten Angebots der nach strengen journalistischen Regeln arbeitenden Nachrichtenagentur dpa."));
        assert!(!is_agency_notice(
            "The agency said it would review the findings next week."
        ));
        // Only among the last lines: the same words earlier are the story.
        let notice = "The agency said subscription numbers fell by a third in the year to March.";
        let (paras, _) = run(&format!("{notice}\nOfficials said the decline had slowed.\nA second line.\nA third line.\nA fourth line."));
        assert_eq!(paras[0], notice);
        // Nor in a story of a line or two.
        let (paras, _) = run(&format!("A first line.\n{notice}"));
        assert_eq!(paras.len(), 2);
    }

    #[test]
    fn pages_end_at_paywalls_release_sources_and_comment_sections() {
        assert!(is_paywall("continue reading your article with"));
        assert!(is_paywall("il vous reste 78.43% de cet article à lire"));
        assert!(!is_paywall("continue the talks"));
        assert!(is_release_source("SOURCE Acme Robotics, Inc."));
        assert!(!is_release_source("Source: Acme"));
        assert!(!is_release_source("SOURCE"));
        for heading in [
            "comments",
            "42 comments",
            "comments (42)",
            "59 postings",
            "join the conversation",
        ] {
            assert!(is_comments_heading(heading), "{heading}");
        }
        for text in [
            "comments from readers were mixed",
            "no comments",
            "the comments section",
        ] {
            assert!(!is_comments_heading(text), "{text}");
        }
        // A comment count in the first half of a page, with text after it, stays a counter.
        let (paras, _) = run("One.\n42 Comments\nTwo.\nThree.\nFour.\nFive.");
        assert_eq!(paras.len(), 5);
        let (paras, warnings) =
            run("One.\nTwo.\nThree.\nComments\n42 Comments\nJohnQ\nWhat a waste.\nReply\nMore.");
        assert_eq!(paras, ["One.", "Two.", "Three."]);
        assert!(warnings
            .iter()
            .any(|w| w == "removed text after comments: 5 lines"));
    }

    #[test]
    fn an_author_box_at_the_end_names_the_author() {
        let ctx =
            Resolver::new(&crate::dates::Context::from_rfc3339("2026-11-26T02:20:00Z").unwrap());
        let mut removed = Removals::default();
        let body = clean(
            &lines("Le Sénat a adopté le budget.\nLe texte va en commission.\nArticle rédigé par Jean Dupont\nFrance Télévisions"),
            &ctx,
            &mut removed,
        );
        assert_eq!(
            body.paragraphs,
            ["Le Sénat a adopté le budget.", "Le texte va en commission."]
        );
        assert_eq!(body.byline.as_deref(), Some("Jean Dupont"));
        // Early in a long page, `Written by` is text, not an author box.
        let (paras, _) =
            run("Written by hand, the note was short.\nOne.\nTwo.\nThree.\nFour.\nFive.");
        assert_eq!(paras.len(), 6);
        assert_eq!(footer_byline("Written by Jane Doe"), Some("Jane Doe"));
        assert_eq!(footer_byline("Written by the people who were there."), None);
        let (paras, _) = run("One paragraph here.\nAnother one.\nRELATED STORY\nHarbour plan approved\nBy Lena Fischer\nJune 2, 2025\nThe protest ended peacefully, police said on the day.\nMore text.\nEven more text.\nThe end of it.");
        assert_eq!(paras.len(), 6, "{paras:?}");
    }
}
