//! Which header text is a date, and what it says. Owns the bridge to the `dates` engine for the
//! extractor: a segment is a date when the engine resolves (nearly) all of it; a date-shaped
//! segment the engine refuses still counts as date text, with a warning. Does not own date
//! arithmetic (`dates`) or where dates may stand on a page (`header`).

use crate::dates::{Context, Label, Resolved, Resolver};

use super::vocab::{Words, DATE_LABELS};

/// One date found in a header segment.
#[derive(Debug, Clone)]
pub struct DateHit {
    /// The date as written, without label words.
    pub text: String,
    /// The engine's reading, or `None` when it refused a date-shaped text.
    pub resolved: Option<Resolved>,
    /// An `Updated`/`Last modified` label stood before it.
    pub update: bool,
}

/// The dates a header segment consists of (empty when it is not a date). A segment carrying
/// both a published and an updated date gives two hits.
pub fn probe(segment: &str, dates: &Resolver, pending_update: Option<bool>) -> Vec<DateHit> {
    let segment = segment.trim();
    if segment.is_empty() || segment.len() > 160 || !has_date_anchor(segment) {
        return Vec::new();
    }
    // `March 14, 20255:42 PM ET`: a year glued to the time after it; read with a space put
    // back, and the repaired text is the date text (the engine reads some glued forms itself).
    if let Some(repaired) = unglue_year_time(segment) {
        let hits = probe(&repaired, dates, pending_update);
        if hits.iter().any(|h| h.resolved.is_some()) {
            return hits;
        }
    }
    let (label, rest) = strip_label(segment);
    let default_update = label.or(pending_update).unwrap_or(false);
    if let Some(all) = dates.resolve_all_quiet(segment) {
        if !all.is_empty() && covers(segment, &all) {
            return all
                .into_iter()
                .map(|r| {
                    let text = segment
                        .get(r.span.clone())
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .unwrap_or(rest)
                        .to_string();
                    let update = match r.label {
                        Some(Label::Updated) => true,
                        Some(Label::Published) => false,
                        None => default_update,
                    };
                    DateHit {
                        text,
                        resolved: Some(r),
                        update,
                    }
                })
                .collect();
        }
    }
    if date_shaped(rest) {
        return vec![DateHit {
            text: rest.to_string(),
            resolved: None,
            update: default_update,
        }];
    }
    Vec::new()
}

/// The text with a space between a year and a time glued to it (`20255:42` ->
/// `2025 5:42`), or `None` when there is no such place.
fn unglue_year_time(s: &str) -> Option<String> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(6)).find_map(|i| {
        let year = &b[i..i + 4];
        let starts = i == 0 || !b[i - 1].is_ascii_digit();
        let century = year.starts_with(b"19") || year.starts_with(b"20");
        let time = &b[i + 4..];
        let glued_time = time.first().is_some_and(u8::is_ascii_digit)
            && (time.get(1) == Some(&b':')
                || (time.get(1).is_some_and(u8::is_ascii_digit) && time.get(2) == Some(&b':')));
        (starts && century && year.iter().all(u8::is_ascii_digit) && glued_time)
            .then(|| format!("{} {}", &s[..i + 4], &s[i + 4..]))
    })
}

/// An updated date written as a clock time alone (`4:10 p.m. ET`), read again as the first
/// such time after the publication instant rather than the last one before the scrape.
pub fn on_publication_day(updated: &DateHit, published: &DateHit, ctx: &Context) -> DateHit {
    let (Some(u), Some(p)) = (&updated.resolved, &published.resolved) else {
        return updated.clone();
    };
    if !u.relative || p.relative || !is_clock_time(&updated.text) {
        return updated.clone();
    }
    // The most recent such time before the end of the day after publication is the first one
    // after publication.
    let Ok(reference) = p
        .instant
        .checked_add(jiff::SignedDuration::from_secs(86_399))
    else {
        return updated.clone();
    };
    let mut day = ctx.clone();
    day.reference = reference;
    match Resolver::new(&day).resolve(&updated.text) {
        Ok(r) => DateHit {
            text: updated.text.clone(),
            resolved: Some(r),
            update: updated.update,
        },
        Err(_) => updated.clone(),
    }
}

/// A date the engine read month first only by convention (`04/03/25`), read again day first.
pub fn day_first(hit: &DateHit, ctx: &Context) -> DateHit {
    let ambiguous = hit.resolved.as_ref().is_some_and(|r| {
        r.warnings
            .iter()
            .any(|w| w == crate::dates::WARN_AMBIGUOUS_DATE_ORDER)
    });
    if !ambiguous {
        return hit.clone();
    }
    let mut dmy = ctx.clone();
    dmy.date_order = crate::dates::DateOrder::Dmy;
    match Resolver::new(&dmy).resolve(&hit.text) {
        Ok(r) => DateHit {
            text: hit.text.clone(),
            resolved: Some(r),
            update: hit.update,
        },
        Err(_) => hit.clone(),
    }
}

/// `4:10 p.m. ET`, `16.10`, `4pm`: a time of day with no date, month, weekday or relative word.
pub fn is_clock_time(text: &str) -> bool {
    let has_time = text.contains(':')
        || text.contains('.')
        || tokens(text).any(|t| t.ends_with("am") || t.ends_with("pm"));
    has_time
        && text.bytes().any(|b| b.is_ascii_digit())
        && !tokens(text).any(|t| {
            anchor_word(&t)
                || (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
                || t.contains('/')
        })
        && !text.contains('/')
        && !text.contains('-')
}

/// Whether the engine's spans are (nearly) the whole segment: at most three words outside
/// them (labels and separators aside), and fewer than inside, so that a headline which
/// mentions a date is not taken for one.
fn covers(segment: &str, all: &[Resolved]) -> bool {
    let mut inside = 0;
    let mut outside = 0;
    let mut at = 0;
    for r in all {
        let (Some(gap), Some(span)) = (segment.get(at..r.span.start), segment.get(r.span.clone()))
        else {
            return false;
        };
        outside += label_free_words(gap);
        inside += words(span);
        at = r.span.end;
    }
    outside += label_free_words(segment.get(at..).unwrap_or(""));
    outside <= 3 && outside < inside.max(1)
}

/// Words in a gap between dates once separators and date labels are taken away.
fn label_free_words(gap: &str) -> usize {
    let mut rest = gap.trim_matches(|c: char| c.is_whitespace() || SEPARATORS.contains(&c));
    loop {
        let (label, after) = strip_label(rest);
        if label.is_none() {
            break;
        }
        rest = after.trim_matches(|c: char| c.is_whitespace() || SEPARATORS.contains(&c));
    }
    words(rest)
}

fn words(s: &str) -> usize {
    s.split(|c: char| c.is_whitespace() || SEPARATORS.contains(&c))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

const SEPARATORS: &[char] = &['|', '/', '•', '·', '-', '–', '—', ',', ';', ':', '(', ')'];

/// A leading date label (`Published:`, `Updated on`, `Mis à jour le`) and the text after it.
/// The flag says whether the label marks an update.
pub fn strip_label(segment: &str) -> (Option<bool>, &str) {
    // Compared on the original bytes (ASCII case folded), so no index can fall inside a
    // character whose lowercase has another length. Only the labels that share the segment's
    // first letter are tried; most segments open with a letter no label starts with.
    let Some(&first) = segment.as_bytes().first() else {
        return (None, segment);
    };
    let mut best: Option<(usize, bool)> = None;
    for &(label, update) in &labels_by_initial()[usize::from(first.to_ascii_lowercase())] {
        let matches = segment
            .as_bytes()
            .get(..label.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(label.as_bytes()));
        if matches
            && segment[label.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
            && best.is_none_or(|(len, _)| label.len() > len)
        {
            best = Some((label.len(), update));
        }
    }
    let Some((len, update)) = best else {
        return (None, segment);
    };
    let mut rest = segment[len..].trim_start_matches([':', ' ', '\t', '-', '–', '—']);
    for filler in ["on ", "at ", "am ", "le ", "el ", "il ", "op "] {
        if rest.len() > filler.len()
            && rest
                .get(..filler.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(filler))
        {
            rest = &rest[filler.len()..];
            break;
        }
    }
    (Some(update), rest.trim())
}

/// Whether a segment is only a date label (`Published`, `Updated:`): the date is on the next
/// line. Returns the label's kind.
pub fn label_only(segment: &str) -> Option<bool> {
    let (label, rest) = strip_label(segment.trim());
    label.filter(|_| rest.is_empty())
}

/// Cheap filter before the engine: a date has a digit, a month or weekday name, or a relative
/// word.
fn has_date_anchor(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
        || s.split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .any(|t| !t.is_empty() && is_anchor_token(t))
}

/// No anchor word is longer than this many bytes (a test checks it).
const ANCHOR_MAX: usize = 32;

/// `anchor_word` of a token in any case; an ASCII token is lowercased on the stack, since
/// this runs on every header segment.
fn is_anchor_token(t: &str) -> bool {
    if !t.is_ascii() {
        return anchor_word(&t.to_lowercase());
    }
    let mut buf = [0u8; ANCHOR_MAX];
    let Some(lower) = buf.get_mut(..t.len()) else {
        return false;
    };
    lower.copy_from_slice(t.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(anchor_word)
}

fn tokens(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|t| !t.is_empty())
        .map(|t| t.to_lowercase())
}

/// Month and weekday names (several languages, with abbreviations) and relative words.
static ANCHORS: Words = Words::new(&[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "ago",
    "yesterday",
    "today",
    "now",
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "gestern",
    "heute",
    "vor",
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "hier",
    "aujourd'hui",
    "il",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "ayer",
    "hoy",
    "hace",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "ieri",
    "oggi",
    "fa",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "ontem",
    "hoje",
    "há",
    "januari",
    "februari",
    "maart",
    "mei",
    "augustus",
    "oktober",
    "gisteren",
    "vandaag",
    "geleden",
    // Indonesian.
    "maret",
    "agustus",
    "desember",
    "senin",
    "selasa",
    "rabu",
    "kamis",
    "jumat",
    "sabtu",
    // Polish (genitive, as in dates, and nominative).
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
    "styczeń",
    "luty",
    "marzec",
    "kwiecień",
    "czerwiec",
    "lipiec",
    "sierpień",
    "wrzesień",
    "październik",
    "listopad",
    "grudzień",
    "poniedziałek",
    "wtorek",
    "środa",
    "czwartek",
    "piątek",
    "sobota",
    "niedziela",
    "wczoraj",
    "dzisiaj",
    "temu",
    // Swedish.
    "augusti",
    "måndag",
    "tisdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lördag",
    "söndag",
    "igår",
    "idag",
    // Turkish.
    "ocak",
    "şubat",
    "mart",
    "nisan",
    "mayıs",
    "haziran",
    "temmuz",
    "ağustos",
    "eylül",
    "ekim",
    "kasım",
    "aralık",
    "pazartesi",
    "salı",
    "çarşamba",
    "perşembe",
    "cuma",
    "cumartesi",
    "dün",
    "bugün",
]);

/// Whether a lowercase word is a month or weekday name or a relative date word.
pub fn is_date_word(t: &str) -> bool {
    anchor_word(&t.to_lowercase())
}

fn anchor_word(t: &str) -> bool {
    ANCHORS.contains(&t)
}

/// Words that may fill out a date besides anchors and numbers.
static DATE_FILLERS: Words = Words::new(&[
    "at",
    "on",
    "of",
    "the",
    "am",
    "pm",
    "a.m",
    "p.m",
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "few",
    "couple",
    "last",
    "just",
    "second",
    "seconds",
    "sec",
    "secs",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "h",
    "day",
    "days",
    "d",
    "week",
    "weeks",
    "wk",
    "wks",
    "month",
    "months",
    "mo",
    "year",
    "years",
    "yr",
    "yrs",
    "y",
    "m",
    "s",
    "w",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "ist",
    "jst",
    "aest",
    "aedt",
    "et",
    "ct",
    "mt",
    "pt",
    "z",
    "um",
    "uhr",
    "à",
    "le",
    "de",
    "del",
    "el",
    "di",
    "h",
    "om",
    "morning",
    "afternoon",
    "evening",
    "about",
    "over",
    "nearly",
    "stunden",
    "tagen",
    "minuten",
    "heures",
    "jours",
    "horas",
    "días",
    "ore",
    "giorni",
    "uur",
    "dagen",
    "updated",
    "published",
    "wib",
    "wita",
    "wit",
    "pukul",
    "godz",
    "kl",
    "saat",
    "und",
    "et",
    "y",
    "e",
    "and",
]);

/// `Posted 4 Mar 2025, updated 5 Mar 2025`: a line of a date label and dates only (a page's
/// date repeated under the story), whether or not the engine reads it. It has a number
/// (`Posted yesterday` alone stays).
pub fn is_labelled_date_line(s: &str) -> bool {
    // Called on every body line: paragraphs are longer than any date line, and the line must
    // open with a date label's first letter.
    if s.len() > 180 || !s.bytes().next().is_some_and(label_initial) {
        return false;
    }
    let (label, rest) = strip_label(s.trim());
    // `Posted at 10:15` in a live blog is a timestamp, kept with its entry.
    label.is_some()
        && rest.bytes().any(|b| b.is_ascii_digit())
        && rest.len() <= 160
        && mostly_date_words(rest)
        && !is_clock_time(rest.trim_start_matches("at "))
}

/// `DATE_LABELS` bucketed by their first byte (lowercase), built once.
fn labels_by_initial() -> &'static [Vec<(&'static str, bool)>] {
    static BUCKETS: std::sync::OnceLock<Vec<Vec<(&'static str, bool)>>> =
        std::sync::OnceLock::new();
    BUCKETS.get_or_init(|| {
        let mut t = vec![Vec::new(); 256];
        for &(label, update) in DATE_LABELS {
            if let Some(&first) = label.as_bytes().first() {
                t[usize::from(first.to_ascii_lowercase())].push((label, update));
            }
        }
        t
    })
}

/// Whether a byte can open a date label (either case).
fn label_initial(b: u8) -> bool {
    !labels_by_initial()[usize::from(b.to_ascii_lowercase())].is_empty()
}

/// Most tokens are numbers, month or weekday names or date fillers, one at least an anchor.
fn mostly_date_words(s: &str) -> bool {
    let w = DateWords::of(s, true);
    w.anchored() && w.mostly_dates()
}

/// A fallback for text the engine refused: mostly date words, with at least one anchor or
/// number.
fn date_shaped(s: &str) -> bool {
    if s.is_empty() || s.len() > 60 {
        return false;
    }
    let w = DateWords::of(s, false);
    // A lone number (`124` comments) is no date; a number with a month, or two numbers, is.
    w.anchored() && w.mostly_dates() && (w.anchor_words > 0 || w.numbers >= 2)
}

/// How many of a text's tokens read as parts of a date.
struct DateWords {
    total: usize,
    datey: usize,
    /// Tokens starting with a digit: `14`, `2nd`, `5pm`, `14h32` (not `share2`).
    numbers: usize,
    /// Month and weekday names and other anchors.
    anchor_words: usize,
}

impl DateWords {
    /// Counts `s`'s tokens; with `labels`, a date label (`Updated`) counts as a date word too.
    fn of(s: &str, labels: bool) -> DateWords {
        let mut w = DateWords {
            total: 0,
            datey: 0,
            numbers: 0,
            anchor_words: 0,
        };
        for t in tokens(s) {
            w.total += 1;
            let number = t.starts_with(|c: char| c.is_ascii_digit());
            let anchor = anchor_word(&t);
            w.numbers += usize::from(number);
            w.anchor_words += usize::from(anchor);
            if number
                || anchor
                || DATE_FILLERS.contains(t.as_str())
                || (labels && strip_label(&t).0.is_some())
            {
                w.datey += 1;
            }
        }
        w
    }

    fn anchored(&self) -> bool {
        self.numbers + self.anchor_words > 0
    }

    /// At least four in five tokens are date words.
    fn mostly_dates(&self) -> bool {
        self.total > 0 && self.datey * 10 >= self.total * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchor_words_fit_the_stack_buffer() {
        assert!(ANCHORS.iter().all(|w| w.len() <= ANCHOR_MAX));
        assert!(has_date_anchor("Published Tuesday"));
        assert!(has_date_anchor("MARCH"));
        assert!(has_date_anchor("4 Mar"));
        assert!(has_date_anchor("Ayer, MIÉRCOLES"));
        assert!(!has_date_anchor("Council approves budget"));
    }

    #[test]
    fn labels_are_stripped_and_kinds_remembered() {
        let cases: &[(&str, Option<bool>, &str)] = &[
            ("Published 3 hours ago", Some(false), "3 hours ago"),
            ("Updated: March 3, 2025", Some(true), "March 3, 2025"),
            ("Last updated on 4 March 2025", Some(true), "4 March 2025"),
            ("PUBLISHED", Some(false), ""),
            ("Mis à jour le 5 mars 2025", Some(true), "5 mars 2025"),
            ("Publishedness", None, "Publishedness"),
            ("İİİİ ẞẞẞẞ", None, "İİİİ ẞẞẞẞ"),
            ("Published İİ", Some(false), "İİ"),
            ("Published ẞ", Some(false), "ẞ"),
            ("March 3, 2025", None, "March 3, 2025"),
        ];
        for (input, label, rest) in cases {
            assert_eq!(strip_label(input), (*label, *rest), "{input}");
        }
    }

    #[test]
    fn date_shape_accepts_dates_and_refuses_headlines() {
        for yes in [
            "8 months ago",
            "March 3, 2025",
            "Tue 4 Mar 2025 14.30 GMT",
            "vor 3 Stunden",
            "5 mars 2025",
            "12/03/2025",
            "Yesterday at 14:05",
        ] {
            assert!(date_shaped(yes), "{yes}");
        }
        for no in [
            "Monday Night Football",
            "Last Week Tonight",
            "News",
            "Starmer Urges US-Backed Security Guarantees",
            "2 million people march in Paris",
        ] {
            assert!(!date_shaped(no), "{no}");
        }
    }

    #[test]
    fn glued_years_and_labelled_date_lines() {
        assert_eq!(
            unglue_year_time("March 14, 20255:42 PM ET").as_deref(),
            Some("March 14, 2025 5:42 PM ET")
        );
        assert_eq!(
            unglue_year_time("4 Mar 202514:05").as_deref(),
            Some("4 Mar 2025 14:05")
        );
        assert_eq!(unglue_year_time("March 14, 2025 5:42 PM"), None);
        assert_eq!(unglue_year_time("120255:42"), None);
        assert_eq!(unglue_year_time("2025"), None);
        assert!(is_labelled_date_line(
            "Posted 4 Mar 20254 Mar 2025, updated 4 Mar 20254 Mar 2025"
        ));
        assert!(!is_labelled_date_line(
            "Posted a letter to the council on 4 March"
        ));
        assert!(!is_labelled_date_line("4 March 2025"));
        assert!(!is_labelled_date_line("Posted at 10:15"));
        assert!(!is_labelled_date_line("Updated 14:05 GMT"));
        assert!(!date_shaped("share2"));
        assert!(date_shaped("Selasa, 4 Maret 2025 14:32 WIB"));
        assert!(date_shaped("4 marca 2025, 14:32"));
    }

    #[test]
    fn a_clock_time_update_lands_on_the_publication_day() {
        let ctx = Context::from_rfc3339("2026-11-26T02:20:00Z").unwrap();
        let resolver = Resolver::new(&ctx);
        let hit = |text: &str| probe(text, &resolver, None).into_iter().next().unwrap();
        let published = hit("March 4, 2025");
        let updated = hit("Updated 4:10 p.m. ET");
        let moved = on_publication_day(&updated, &published, &ctx);
        let instant = moved.resolved.map(|r| r.instant.to_string());
        assert_eq!(instant.as_deref(), Some("2025-03-04T21:10:00Z"));
        // A relative update stays where the engine put it.
        let ago = hit("Updated 2 hours ago");
        let kept = on_publication_day(&ago, &published, &ctx);
        assert_eq!(
            kept.resolved.map(|r| r.instant),
            ago.resolved.map(|r| r.instant)
        );
        assert!(is_clock_time("4:10 p.m. ET"));
        assert!(is_clock_time("16.10"));
        assert!(!is_clock_time("4 March 2025 16:10"));
        assert!(!is_clock_time("2 hours ago"));
        assert!(!date_shaped("124"));
        assert!(date_shaped("4 March"));
    }
}
