//! The line-level logic: tokens are scanned left to right; at each position a lead-in label is
//! stripped and the date forms are tried; separators (`|` `/` `•` `·` `—` `–`) split the line
//! into segments. Forms that are also ordinary words ("Monday", "today", "last week", "2025",
//! "now") only count when they fill their segment, so "Monday Night Football" and "Last Week
//! Tonight" are refused while "Posted on Monday" is not. Owns which matches count and which
//! refusal is given; does not own the forms themselves (`relative`, `absolute`).

use std::cell::RefCell;

use jiff::Timestamp;

use super::calendar::{Wall, Zone};
use super::lexer::{Kind, Line, Tok};
use super::words;
use super::{
    DateOrder, Label, Precision, Refusal, RefusalKind, Resolved, MAX_INPUT_BYTES,
    WARN_AMBIGUOUS_DATE_ORDER, WARN_FUTURE_DATE,
};

/// A line with more tokens than this is not a date line.
const MAX_TOKENS: usize = 160;

pub(crate) const W_FUTURE: u8 = 1;
pub(crate) const W_AMBIGUOUS: u8 = 2;

/// The prepared reference: instant, local zone and its wall clock.
#[derive(Debug, Clone)]
pub(crate) struct Reference {
    pub secs: i64,
    pub zone: Zone,
    pub local: Wall,
    pub date_order: DateOrder,
}

/// Where a match may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fit {
    /// Anywhere ("3 hours ago", "March 3, 2025").
    Anywhere,
    /// Only with nothing but filler after it in its segment ("5h").
    NothingAfter,
    /// Only as the whole segment ("Monday", "today", "2025", "now").
    Alone,
}

/// One match: tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub secs: i64,
    pub precision: Precision,
    pub relative: bool,
    pub start: usize,
    pub end: usize,
    pub warn: u8,
    pub fit: Fit,
}

/// Why a form that started at a position could not be resolved: tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fail {
    pub kind: RefusalKind,
    pub start: usize,
    pub end: usize,
}

pub(crate) type Step = Result<Option<Hit>, Fail>;

/// The parser's view of one line.
pub(crate) struct P<'a> {
    pub text: &'a str,
    pub t: &'a [Tok],
    pub line: &'a Line,
    pub r: &'a Reference,
}

impl P<'_> {
    /// The folded word at `i`, or "" (not a word, or past the end).
    pub fn w(&self, i: usize) -> &str {
        match self.t.get(i) {
            Some(t) if t.kind == Kind::Word => self.line.word(t),
            _ => "",
        }
    }

    pub fn is(&self, i: usize, word: &str) -> bool {
        self.w(i) == word
    }

    pub fn punct(&self, i: usize, ch: char) -> bool {
        matches!(self.t.get(i), Some(t) if t.kind == Kind::Punct && t.ch == ch)
    }

    pub fn num(&self, i: usize) -> Option<&Tok> {
        self.t.get(i).filter(|t| t.kind == Kind::Num)
    }

    /// A token right after the previous one, with no space between.
    pub fn adjacent(&self, i: usize) -> bool {
        matches!(self.t.get(i), Some(t) if !t.space_before)
    }

    /// Whether the original text of the word at `i` is written in capitals.
    pub fn upper(&self, i: usize) -> bool {
        match self.t.get(i) {
            Some(t) => {
                let s = &self.text[t.start as usize..t.end as usize];
                s.chars().all(|c| !c.is_lowercase())
            }
            None => false,
        }
    }

    /// A separator between segments.
    pub fn is_sep(&self, i: usize) -> bool {
        let Some(t) = self.t.get(i) else {
            return false;
        };
        if t.kind != Kind::Punct {
            return false;
        }
        match t.ch {
            // ";" too: "Published: March 3, 2025; Updated: March 5, 2025" is two segments.
            '|' | '•' | '·' | '—' | '–' | '‧' | '◦' | '∙' | ';' => true,
            // "Publié à 07h00, mis à jour à 09h12": a comma before a label starts a segment.
            ',' => {
                self.t.get(i + 1).is_some_and(|n| n.kind == Kind::Word)
                    && self.label_at(i + 1).is_some()
            }
            '/' | '-' => {
                let spaced_after = self.t.get(i + 1).is_none_or(|n| n.space_before);
                t.space_before && spaced_after
            }
            _ => false,
        }
    }

    /// The time-of-day `secs` is at the reference's wall clock, in a zone.
    pub fn ref_wall(&self, zone: &Zone) -> Wall {
        match zone {
            Zone::Fixed(off) if matches!(self.r.zone, Zone::Fixed(o) if o == *off) => self.r.local,
            _ => zone.to_wall(self.r.secs),
        }
    }

    pub fn fail(&self, kind: RefusalKind, start: usize, end: usize) -> Fail {
        Fail {
            kind,
            start,
            end: end.max(start + 1).min(self.t.len().max(start + 1)),
        }
    }

    /// A hit for a wall clock in a zone, with the future warning when it lies after the reference.
    #[allow(clippy::too_many_arguments)]
    pub fn hit_at(
        &self,
        wall: &Wall,
        zone: &Zone,
        precision: Precision,
        relative: bool,
        start: usize,
        end: usize,
        fit: Fit,
        warn: u8,
    ) -> Step {
        // The instant must itself be a UTC time within the years 1 to 9999 that a `Timestamp`
        // holds ("9999-12-31" in +01:00 is fine; at the very end of 9999 UTC it is not).
        let Some(secs) = zone.to_instant(wall).filter(|s| in_range(*s)) else {
            return Err(self.fail(RefusalKind::OutOfRange, start, end));
        };
        let warn = if secs > self.r.secs {
            warn | W_FUTURE
        } else {
            warn
        };
        Ok(Some(Hit {
            secs,
            precision,
            relative,
            start,
            end,
            warn,
            fit,
        }))
    }

    /// Tries every form at token `i` and gives the first match that may stand where it is
    /// (`lead` is where its label, if any, starts).
    fn expr_at(&self, i: usize, lead: usize) -> Step {
        let word_forms: [fn(&Self, usize) -> Step; 8] = [
            Self::day_at,
            Self::last_at,
            Self::relative_at,
            Self::future_at,
            Self::vague_at,
            Self::absolute_at,
            Self::weekday_at,
            Self::now_at,
        ];
        // Forms that can start with a number; nothing starts with punctuation.
        let number_forms: [fn(&Self, usize) -> Step; 3] =
            [Self::cjk_at, Self::relative_at, Self::absolute_at];
        let cjk_forms: [fn(&Self, usize) -> Step; 1] = [Self::cjk_word_at];
        let tries: &[fn(&Self, usize) -> Step] = match self.t.get(i) {
            Some(t) if t.kind == Kind::Word => &word_forms,
            Some(t) if t.kind == Kind::Num => &number_forms,
            Some(t) if super::lexer::is_cjk(t.ch) => &cjk_forms,
            _ => return Ok(None),
        };
        for f in tries {
            if let Some(h) = f(self, i)? {
                if self.fits(&h, lead) {
                    return Ok(Some(h));
                }
            }
        }
        Ok(None)
    }

    /// A lead-in label at `i` ("Published", "Last updated:", "Mis à jour le") and where the
    /// date may start.
    fn label_at(&self, i: usize) -> Option<(Label, usize)> {
        if let Some(cjk) = self.cjk_label_at(i) {
            return Some(cjk);
        }
        let mut j = i;
        // "Last updated", "First published", "Originally published": the prefix decides.
        let prefixed = match self.w(j) {
            "last" | "zuletzt" | "ultimo" | "ultima" | "derniere" | "dernier" | "laatst"
            | "senast" | "sist" | "ostatnia" | "ostatnio" | "posledni" | "naposledy"
            | "viimeksi" | "последнее" | "τελευταια" | "اخر" => {
                Some(Label::Updated)
            }
            "first" | "originally" | "erstmals" => Some(Label::Published),
            // Turkish "Son güncelleme"; "son" is an English word too.
            "son" if self.w(j + 1).starts_with("guncel") => Some(Label::Updated),
            _ => None,
        };
        if prefixed.is_some() {
            j += 1;
        } else if self.is(j, "live") && words::label_word(self.w(j + 1)).is_some() {
            // A live blog's stamp: "Live updates: 9:02 a.m. ET", "LIVE Updated 10:15".
            j += 1;
        }
        let word_label = match self.w(j) {
            // Vietnamese "Cập nhật" (updated), "Đăng" / "Xuất bản" (published).
            "cap" if self.is(j + 1, "nhat") => {
                j += 1;
                Label::Updated
            }
            "xuat" if self.is(j + 1, "ban") => {
                j += 1;
                Label::Published
            }
            "mis" | "mise" if self.is(j + 1, "a") && self.is(j + 2, "jour") => {
                j += 2;
                Label::Updated
            }
            w => words::label_word(w)?,
        };
        let mut label = prefixed.unwrap_or(word_label);
        j += 1;
        // "Data publikacji:", "Yayın Tarihi:", "تاريخ النشر"; "Data aktualizacji", "تاريخ
        // التحديث" are updates.
        if words::label_tail(self.w(j)) {
            if words::label_tail_updated(self.w(j)) {
                label = Label::Updated;
            }
            j += 1;
        }
        // "Published:", "Updated -", "Updated on", "Publié le", "Publicado em", "Stand: ".
        if self
            .t
            .get(j)
            .is_some_and(|t| t.kind == Kind::Punct && matches!(t.ch, ':' | '-' | '–' | '—' | '|'))
        {
            j += 1;
        }
        while matches!(
            self.w(j),
            "on" | "at"
                | "le"
                | "el"
                | "em"
                | "am"
                | "il"
                | "op"
                | "in"
                | "pe"
                | "den"
                | "noong"
                | "в"
                | "في"
        ) && self.t.get(j + 1).is_some()
        {
            j += 1;
        }
        if self.punct(j, ':') {
            j += 1;
        }
        // "Publié à 14h32", "Aggiornato alle 16:10", "Actualizado a las 9:12": time connectors
        // before a number belong to the label too.
        let connector =
            |k: usize| words::time_connector(self.w(k)) && !matches!(self.w(k), "t" | "h");
        if connector(j) && self.num(j + 1).is_some() {
            j += 1;
        } else if connector(j) && connector(j + 1) && self.num(j + 2).is_some() {
            j += 2;
        }
        Some((label, j))
    }

    /// Whether the tokens in `from..to` are only punctuation and filler words.
    fn only_filler(&self, from: usize, to: usize) -> bool {
        (from..to).all(|k| match self.t[k].kind {
            Kind::Punct => !super::lexer::is_cjk(self.t[k].ch),
            Kind::Word => words::filler(self.w(k)),
            Kind::Num => false,
        })
    }

    fn segment_start(&self, i: usize) -> usize {
        let mut k = i;
        while k > 0 && !self.is_sep(k - 1) {
            k -= 1;
        }
        k
    }

    fn segment_end(&self, i: usize) -> usize {
        let mut k = i;
        while k < self.t.len() && !self.is_sep(k) {
            k += 1;
        }
        k
    }

    /// Whether a hit may stand where it is.
    fn fits(&self, h: &Hit, lead: usize) -> bool {
        match h.fit {
            Fit::Anywhere => true,
            Fit::NothingAfter => self.only_filler(h.end, self.segment_end(h.end)),
            Fit::Alone => {
                self.only_filler(self.segment_start(lead), lead)
                    && self.only_filler(h.end, self.segment_end(h.end))
            }
        }
    }
}

/// Whether Unix seconds are an instant the engine may give: UTC years 1 to 9999, and within
/// what `jiff::Timestamp` holds.
pub(crate) fn in_range(secs: i64) -> bool {
    // 0001-01-01T00:00:00Z; the end is the last second a `Timestamp` holds (9999-12-30T22:00Z).
    const FIRST: i64 = -62_135_596_800;
    (FIRST..=Timestamp::MAX.as_second()).contains(&secs)
}

/// A match with its label.
#[derive(Debug, Clone, Copy)]
struct Found {
    hit: Hit,
    label: Option<Label>,
}

/// Scans a line. Calls `on_hit` for each match in order; stops when it returns false. Returns the
/// most telling failure seen, for the refusal.
fn scan(p: &P<'_>, mut on_hit: impl FnMut(Found) -> bool) -> Option<Fail> {
    let n = p.t.len();
    let mut best: Option<Fail> = None;
    let mut seg_label: Option<Label> = None;
    let mut at_seg_start = true;
    let mut i = 0;
    while i < n {
        if p.is_sep(i) {
            seg_label = None;
            at_seg_start = true;
            i += 1;
            continue;
        }
        let label = p.label_at(i);
        if at_seg_start {
            seg_label = label.map(|(l, _)| l);
        }
        at_seg_start = false;
        let start = label.map_or(i, |(_, j)| j);
        let step = match p.expr_at(start, i) {
            Ok(None) if label.is_some() => p.expr_at(i, i),
            other => other,
        };
        match step {
            Ok(Some(hit)) => {
                let label = if hit.start >= start && label.is_some() && start != i {
                    label.map(|(l, _)| l)
                } else {
                    seg_label
                };
                if !on_hit(Found { hit, label }) {
                    return None;
                }
                i = hit.end.max(i + 1);
                continue;
            }
            Ok(_) => {}
            Err(f) => {
                if best.is_none_or(|b| f.kind > b.kind) {
                    best = Some(f);
                }
                // The tokens of a refused expression are not reused ("99999 seconds ago" is
                // not "seconds ago").
                i = f.end.max(i + 1);
                continue;
            }
        }
        i += 1;
    }
    best
}

thread_local! {
    static LINE: RefCell<Line> = RefCell::new(Line::with_capacity(MAX_TOKENS));
}

/// Lexes `text` into the thread's line buffer and runs `f`, or refuses early.
fn with_line<T>(
    r: &Reference,
    text: &str,
    f: impl FnOnce(&P<'_>) -> Result<T, Fail>,
) -> Result<T, Refused> {
    if text.len() > MAX_INPUT_BYTES {
        return Err((RefusalKind::TooLong, None));
    }
    if text.trim().is_empty() {
        return Err((RefusalKind::Blank, None));
    }
    LINE.with(|cell| {
        // A nested call (none today) would find the buffer taken and use its own.
        let mut guard = cell.try_borrow_mut();
        let mut own = Line::default();
        let line: &mut Line = match guard.as_mut() {
            Ok(l) => l,
            Err(_) => &mut own,
        };
        if !line.lex(text, MAX_TOKENS) {
            return Err((RefusalKind::TooLong, None));
        }
        let p = P {
            text,
            t: &line.toks,
            line,
            r,
        };
        f(&p).map_err(|fail| {
            let s = p.t.get(fail.start).map_or(0, |t| t.start as usize);
            let e =
                p.t.get(fail.end.saturating_sub(1))
                    .map_or(text.len(), |t| t.end as usize);
            (fail.kind, Some((s, e.max(s))))
        })
    })
}

fn no_date(p: &P<'_>) -> Fail {
    Fail {
        kind: RefusalKind::NoDate,
        start: 0,
        end: p.t.len(),
    }
}

/// Which hit `resolve` gives: the first not labelled "updated", else the first.
fn pick(first: &mut Option<Found>, found: Found) -> bool {
    match first {
        None => {
            *first = Some(found);
            found.label == Some(Label::Updated)
        }
        Some(f) if f.label == Some(Label::Updated) && found.label != Some(Label::Updated) => {
            *first = Some(found);
            false
        }
        Some(_) => true,
    }
}

pub(crate) fn resolve_quick(r: &Reference, text: &str) -> Option<(i64, Precision)> {
    with_line(r, text, |p| {
        let mut first = None;
        let fail = scan(p, |f| pick(&mut first, f));
        first
            .map(|f| (f.hit.secs, f.hit.precision))
            .ok_or_else(|| fail.unwrap_or_else(|| no_date(p)))
    })
    .ok()
}

pub(crate) fn resolve_first(r: &Reference, text: &str) -> Result<Resolved, Refusal> {
    with_line(r, text, |p| {
        let mut first = None;
        let fail = scan(p, |f| pick(&mut first, f));
        match first {
            Some(f) => Ok(to_resolved(p, f)),
            None => Err(fail.unwrap_or_else(|| no_date(p))),
        }
    })
    .map_err(|(kind, span)| refusal(text, kind, span))
}

pub(crate) fn resolve_all(r: &Reference, text: &str) -> Result<Vec<Resolved>, Refusal> {
    resolve_all_kinds(r, text).map_err(|(kind, span)| refusal(text, kind, span))
}

/// `resolve_all` without the refusal message: for callers that only ask whether there is a date
/// (a parser probing every header line), where formatting each refusal cost a fifth of the time.
pub(crate) fn resolve_all_quiet(r: &Reference, text: &str) -> Option<Vec<Resolved>> {
    resolve_all_kinds(r, text).ok()
}

/// Why a line was refused, and the bytes of it that were wrong.
type Refused = (RefusalKind, Option<(usize, usize)>);

fn resolve_all_kinds(r: &Reference, text: &str) -> Result<Vec<Resolved>, Refused> {
    with_line(r, text, |p| {
        let mut all = Vec::new();
        let fail = scan(p, |f| {
            all.push(to_resolved(p, f));
            true
        });
        if all.is_empty() {
            Err(fail.unwrap_or_else(|| no_date(p)))
        } else {
            Ok(all)
        }
    })
}

fn to_resolved(p: &P<'_>, f: Found) -> Resolved {
    let h = f.hit;
    let mut warnings = Vec::new();
    if h.warn & W_AMBIGUOUS != 0 {
        warnings.push(WARN_AMBIGUOUS_DATE_ORDER.to_string());
    }
    if h.warn & W_FUTURE != 0 {
        warnings.push(WARN_FUTURE_DATE.to_string());
    }
    let start = p.t.get(h.start).map_or(0, |t| t.start as usize);
    let end =
        p.t.get(h.end.saturating_sub(1))
            .map_or(p.text.len(), |t| t.end as usize)
            .max(start);
    Resolved {
        // Every hit was made by `hit_at` or checked arithmetic within years 1..=9999.
        instant: Timestamp::from_second(h.secs).unwrap_or(Timestamp::UNIX_EPOCH),
        precision: h.precision,
        relative: h.relative,
        span: start..end,
        label: f.label,
        warnings,
    }
}

/// The refusal message: lowercase, no trailing period, naming the text and what was wrong.
fn refusal(text: &str, kind: RefusalKind, span: Option<(usize, usize)>) -> Refusal {
    let whole = short(text);
    let part = span
        .and_then(|(s, e)| text.get(s..e))
        .map(short)
        .unwrap_or_else(|| whole.clone());
    let reason = match kind {
        RefusalKind::Blank => "blank text: expected a date".to_string(),
        RefusalKind::TooLong => format!(
            "text of {} bytes is too long for a date line (at most {MAX_INPUT_BYTES} bytes, {MAX_TOKENS} parts)",
            text.len()
        ),
        RefusalKind::NoDate => format!("no complete date expression in {whole:?}"),
        RefusalKind::DurationWithoutAgo => format!(
            "{part:?} is a duration without \"ago\", not a date (full-word units need \"ago\": \"60 Minutes\" is a title)"
        ),
        RefusalKind::NumericWithoutYear => format!(
            "numeric date without a year {part:?}: day and month alone are not read as a date"
        ),
        RefusalKind::Vague => format!("vague phrase {whole:?} names no point in time"),
        RefusalKind::ReadingTime => format!("{whole:?} is a reading time, not a date"),
        RefusalKind::UnknownUnit => format!("unknown unit {part:?} in {whole:?}"),
        RefusalKind::Future => format!(
            "{whole:?} points to the future ({part:?}), and a page cannot be published after it was scraped"
        ),
        RefusalKind::InvalidDate => format!("invalid calendar date {part:?}"),
        RefusalKind::InvalidTime => format!("invalid time of day {part:?}"),
        RefusalKind::OutOfRange => format!("date {part:?} is outside the years 1 to 9999"),
    };
    Refusal { reason, kind }
}

fn short(text: &str) -> String {
    let t = text.trim();
    match t.char_indices().nth(80) {
        Some((i, _)) => format!("{}...", &t[..i]),
        None => t.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::dates::{resolve, resolve_all, Context, Label};

    fn ctx() -> Context {
        Context::from_rfc3339("2026-11-26T02:20:00Z").unwrap()
    }

    #[test]
    fn word_like_forms_must_fill_their_segment() {
        for text in [
            "Monday Night Football",
            "TODAY Show",
            "Last Week Tonight",
            "Now This",
            "2025 Ford Focus",
        ] {
            assert!(resolve(text, &ctx()).is_err(), "{text}");
        }
        for text in [
            "Posted on Monday",
            "Sport | today",
            "Updated: now",
            "© | 2025",
        ] {
            assert!(resolve(text, &ctx()).is_ok(), "{text}");
        }
    }

    #[test]
    fn labels_are_remembered_and_left_out_of_the_span() {
        let text = "Published 5 days ago | Last updated: 2 hours ago";
        let all = resolve_all(text, &ctx()).unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].label, Some(Label::Published));
        assert_eq!(&text[all[0].span.clone()], "5 days ago");
        assert_eq!(all[1].label, Some(Label::Updated));
        assert_eq!(&text[all[1].span.clone()], "2 hours ago");
        // The published date is the one `resolve` gives, whichever comes first.
        let swapped = "Updated 2 hours ago | Published 5 days ago";
        assert_eq!(
            resolve(swapped, &ctx()).unwrap().label,
            Some(Label::Published)
        );
    }

    #[test]
    fn a_date_segment_and_a_time_segment_merge() {
        let text = "March 3, 2025 / 10:04 AM EST / CBS News";
        let r = resolve(text, &ctx()).unwrap();
        assert_eq!(r.instant.to_string(), "2025-03-03T15:04:00Z");
        assert_eq!(&text[r.span], "March 3, 2025 / 10:04 AM EST");
        let r = resolve("March 3, 2025; 10:04 AM", &ctx()).unwrap();
        assert_eq!(r.instant.to_string(), "2025-03-03T10:04:00Z");
    }

    #[test]
    fn a_semicolon_ends_a_label_segment() {
        let r = resolve("Updated: 2 hours ago; 5 days ago", &ctx()).unwrap();
        assert_eq!(r.instant.to_string(), "2026-11-21T02:20:00Z");
        assert_eq!(r.label, None);
        let r = resolve("Updated: March 5, 2025; Published: March 3, 2025", &ctx()).unwrap();
        assert_eq!(r.instant.to_string(), "2025-03-03T00:00:00Z");
        assert_eq!(r.label, Some(Label::Published));
    }

    #[test]
    fn the_most_telling_refusal_wins() {
        // "2 hours" alone would be a duration without "ago"; "in" makes it a future phrase.
        assert_eq!(
            resolve("in 2 hours", &ctx()).unwrap_err().kind.as_str(),
            "future"
        );
        assert_eq!(
            resolve("News", &ctx()).unwrap_err().kind.as_str(),
            "no_date"
        );
    }
}
