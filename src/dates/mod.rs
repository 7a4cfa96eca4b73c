//! Date text -> instant + precision. Pure: no I/O, no clock, no environment; the reference
//! instant comes in through `Context`. Owns every date form news pages print, relative or
//! absolute; does not own where a date sits on a page (that is `extract`).
//!
//! The pieces: `lexer` (text -> tokens; digits of other scripts such as "２０２５" and "٢٠٢٥" become
//! numbers, letters are folded so that "Března" is "brezna"), `words` (vocabulary: English, French,
//! Spanish, German, Portuguese, Italian and Dutch in full; months, units, day words and labels in
//! Polish, Czech, Slovak, Slovenian, Croatian, Serbian (both scripts), Macedonian, Albanian,
//! Romanian, Hungarian, Turkish, Azerbaijani, Uzbek, Kazakh, Indonesian/Malay, Tagalog, Swedish,
//! Danish, Norwegian, Finnish, Icelandic, Welsh, Afrikaans, Lithuanian, Latvian, Estonian, Russian,
//! Ukrainian, Bulgarian, Greek, Arabic, Persian, Urdu, Nepali, Hebrew, Hindi, Marathi, Bengali,
//! Telugu, Gujarati, Punjabi, Tamil (months and most counts), Kannada and Malayalam (months), Thai
//! with its Buddhist years, Vietnamese, Georgian, Armenian, Basque, Catalan, Galician, Irish,
//! Maltese, Belarusian, Sinhala, Burmese, Khmer, Hausa, Afaan Oromo, Swahili, Yoruba and Amharic
//! (months and counts; the unit first where the language puts it first: "Sa'o'i 3 da suka wuce",
//! "පැය 3කට පෙර"), and counts in Somali, Pidgin, Pashto, Kyrgyz and Tigrinya; the short month
//! names CLDR's medium dates print, "3. bře 2025", "3 сеп. 2025"), `zones` (zone names), `time`
//! (times of day, "5 de la tarde", "2:05 μ.μ.", "8:05 ng gabi", and the zone after them),
//! `calendar` (wall clock <-> instant, month arithmetic, Solar Hijri dates, Lunar Hijri dates by
//! the tabular calendar),
//! `relative` ("3 hours ago", "3 часа назад", "yesterday", "last Monday"), `absolute` ("March 3,
//! 2025 10:04 AM EST", "04/03/2025", ISO 8601 with week dates, "the first of March", "۵ آذر ۱۴۰۵",
//! "5 جمادى الأولى 1447 هـ", "2026 m. lapkričio 26 d."), `cjk` ("2025年3月4日", "3時間前", "昨天 14:30"),
//! and `scan` (labels, separators, which matches count, which refusal to give).
//!
//! ```
//! use copydesk::dates::{resolve, Context, Precision};
//! let ctx = Context::from_rfc3339("2026-11-26T02:20:00Z").unwrap();
//! let r = resolve("Published 8 months ago", &ctx).unwrap();
//! assert_eq!(r.instant.to_string(), "2026-03-26T02:20:00Z");
//! assert_eq!(r.precision, Precision::Month);
//! ```

use std::ops::Range;

mod absolute;
mod calendar;
mod cjk;
mod lexer;
mod relative;
mod scan;
mod time;
mod words;
mod zones;

use jiff::tz::{Offset, TimeZone};
use jiff::Timestamp;

pub use crate::article::Precision;

/// How to read numeric dates whose first two fields are both <= 12.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// 04/03/2025 is April 3 (the default).
    #[default]
    Mdy,
    /// 04/03/2025 is 4 March.
    Dmy,
}

/// What a resolution is relative to.
#[derive(Debug, Clone)]
pub struct Context {
    /// The scrape instant.
    pub reference: Timestamp,
    /// The reference's UTC offset: the page's local zone unless `zone` is set.
    pub offset: Offset,
    /// A named zone (`--tz Europe/London`) that overrides `offset` for text without a zone.
    pub zone: Option<TimeZone>,
    pub date_order: DateOrder,
}

impl Context {
    pub fn new(reference: Timestamp, offset: Offset) -> Context {
        Context {
            reference,
            offset,
            zone: None,
            date_order: DateOrder::Mdy,
        }
    }

    /// A context from an RFC 3339 reference such as `2026-11-26T02:20:00+01:00`.
    pub fn from_rfc3339(text: &str) -> Result<Context, String> {
        let ts: Timestamp = text
            .trim()
            .parse()
            .map_err(|e| format!("expected an RFC 3339 timestamp, found {text:?}: {e}"))?;
        let offset = rfc3339_offset(text.trim()).unwrap_or(Offset::UTC);
        Ok(Context::new(ts, offset))
    }
}

/// The offset written at the end of an RFC 3339 string (`Z`, `+01:00`).
fn rfc3339_offset(text: &str) -> Option<Offset> {
    if text.ends_with(['Z', 'z']) {
        return Some(Offset::UTC);
    }
    let tail = text.get(text.len().checked_sub(6)?..)?;
    let sign = match tail.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let h: i32 = tail.get(1..3)?.parse().ok()?;
    let m: i32 = tail.get(4..6)?.parse().ok()?;
    Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()
}

/// Which lead-in label stood before the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Published,
    Updated,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Published => "published",
            Label::Updated => "updated",
        }
    }
}

/// A resolved date.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// UTC instant, whole seconds.
    pub instant: Timestamp,
    pub precision: Precision,
    /// True when the text was relative to the reference ("8 months ago", "yesterday").
    pub relative: bool,
    /// Byte range of the date expression in the input, labels excluded.
    pub span: Range<usize>,
    pub label: Option<Label>,
    /// E.g. `ambiguous_date_order`, `future_date`.
    pub warnings: Vec<String>,
}

/// The warning for a numeric date read by the `--date-order` convention.
pub const WARN_AMBIGUOUS_DATE_ORDER: &str = "ambiguous_date_order";
/// The warning for an absolute date after the reference.
pub const WARN_FUTURE_DATE: &str = "future_date";

/// Why text was not resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub reason: String,
    pub kind: RefusalKind,
}

/// The kind of a refusal, for code that counts or filters them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RefusalKind {
    /// Empty or whitespace-only text.
    Blank,
    /// Text too long (over `MAX_INPUT_BYTES`) or with too many parts to be a date line.
    TooLong,
    /// No complete date expression ("News", "Monday Night Football").
    NoDate,
    /// A duration with a full-word unit but no "ago" ("60 Minutes", "48 Hours").
    DurationWithoutAgo,
    /// A numeric date without a year ("9/11", "24/7").
    NumericWithoutYear,
    /// "a while ago", "recently".
    Vague,
    /// "2 min read".
    ReadingTime,
    /// "8 monkeys ago".
    UnknownUnit,
    /// "tomorrow", "in 2 hours", "next week".
    Future,
    /// "February 30, 2025".
    InvalidDate,
    /// "25:61".
    InvalidTime,
    /// A date outside the years 1 to 9999.
    OutOfRange,
}

impl RefusalKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RefusalKind::Blank => "blank",
            RefusalKind::TooLong => "too_long",
            RefusalKind::NoDate => "no_date",
            RefusalKind::DurationWithoutAgo => "duration_without_ago",
            RefusalKind::NumericWithoutYear => "numeric_without_year",
            RefusalKind::Vague => "vague",
            RefusalKind::ReadingTime => "reading_time",
            RefusalKind::UnknownUnit => "unknown_unit",
            RefusalKind::Future => "future",
            RefusalKind::InvalidDate => "invalid_date",
            RefusalKind::InvalidTime => "invalid_time",
            RefusalKind::OutOfRange => "out_of_range",
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for Refusal {}

/// Text longer than this is refused without being read: no date line is that long, and it keeps
/// the time per call bounded.
pub const MAX_INPUT_BYTES: usize = 512;

/// A `Context` prepared for many calls: the reference's local wall clock is computed once.
/// `copydesk date --batch` keeps one per distinct reference.
#[derive(Debug, Clone)]
pub struct Resolver {
    pub(crate) reference: scan::Reference,
}

impl Resolver {
    pub fn new(ctx: &Context) -> Resolver {
        let zone = match &ctx.zone {
            Some(tz) => calendar::Zone::Named(tz.clone()),
            None => calendar::Zone::Fixed(ctx.offset.seconds()),
        };
        let secs = ctx.reference.as_second();
        Resolver {
            reference: scan::Reference {
                secs,
                local: zone.to_wall(secs),
                zone,
                date_order: ctx.date_order,
            },
        }
    }

    /// The date in `text`; with both a published and an updated date, the published one.
    pub fn resolve(&self, text: &str) -> Result<Resolved, Refusal> {
        scan::resolve_first(&self.reference, text)
    }

    /// Every date in `text`, in order ("5 days ago | Updated 2 hours ago" gives two).
    /// Refuses when there is none.
    pub fn resolve_all(&self, text: &str) -> Result<Vec<Resolved>, Refusal> {
        scan::resolve_all(&self.reference, text)
    }

    /// `resolve_all` for callers that drop the refusal: `None` where it refuses, without
    /// formatting the reason.
    pub fn resolve_all_quiet(&self, text: &str) -> Option<Vec<Resolved>> {
        scan::resolve_all_quiet(&self.reference, text)
    }

    /// The hot path for batch use: instant (Unix seconds) and precision, no allocation.
    pub fn resolve_instant(&self, text: &str) -> Option<(i64, Precision)> {
        scan::resolve_quick(&self.reference, text)
    }
}

/// Resolves one date expression against the context. Text before or after the date on the same
/// line (a byline part, a source name) is allowed; a line with two dates gives the published one
/// (see `resolve_all`).
pub fn resolve(text: &str, ctx: &Context) -> Result<Resolved, Refusal> {
    Resolver::new(ctx).resolve(text)
}

/// Every date on a line ("Published 5 days ago | Updated 2 hours ago"), each with its label,
/// so that a parser can fill `date_published` and `date_modified`.
pub fn resolve_all(text: &str, ctx: &Context) -> Result<Vec<Resolved>, Refusal> {
    Resolver::new(ctx).resolve_all(text)
}

/// Writes a Unix-seconds instant as RFC 3339 UTC (`2026-03-26T02:20:00Z`) without allocating.
/// Returns the 20 bytes (years 0..=9999, which is all the engine produces).
pub fn format_instant(secs: i64) -> [u8; 20] {
    let w = calendar::Wall::from_utc_seconds(secs);
    let mut out = *b"0000-00-00T00:00:00Z";
    let y = w.y.clamp(0, 9999) as u32;
    out[0] = b'0' + (y / 1000) as u8;
    out[1] = b'0' + (y / 100 % 10) as u8;
    out[2] = b'0' + (y / 10 % 10) as u8;
    out[3] = b'0' + (y % 10) as u8;
    for (pos, v) in [(5, w.mo), (8, w.d), (11, w.h), (14, w.mi), (17, w.s)] {
        out[pos] = b'0' + v / 10;
        out[pos + 1] = b'0' + v % 10;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Context {
        Context::from_rfc3339("2026-11-26T02:20:00Z").unwrap()
    }

    #[test]
    fn resolves_the_seed_phrase() {
        let r = resolve("8 months ago", &ctx()).unwrap();
        assert_eq!(r.instant.to_string(), "2026-03-26T02:20:00Z");
        assert_eq!(r.precision, Precision::Month);
        assert!(r.relative);
        assert_eq!(r.span, 0..12);
    }

    #[test]
    fn keeps_labels_out_of_the_span() {
        let r = resolve("Updated: March 3, 2025 10:04 AM EST", &ctx()).unwrap();
        assert_eq!(r.label, Some(Label::Updated));
        assert_eq!(r.instant.to_string(), "2025-03-03T15:04:00Z");
        assert_eq!(
            &"Updated: March 3, 2025 10:04 AM EST"[r.span.clone()],
            "March 3, 2025 10:04 AM EST"
        );
    }

    #[test]
    fn gives_both_dates_of_a_line() {
        let all = resolve_all("5 days ago | Updated 2 hours ago", &ctx()).unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].label, None);
        assert_eq!(all[1].label, Some(Label::Updated));
        assert_eq!(all[1].instant.to_string(), "2026-11-26T00:20:00Z");
    }

    #[test]
    fn refuses_with_a_kind() {
        let r = resolve("tomorrow", &ctx()).unwrap_err();
        assert_eq!(r.kind, RefusalKind::Future);
        assert_eq!(resolve("  ", &ctx()).unwrap_err().kind, RefusalKind::Blank);
    }

    #[test]
    fn resolvers_can_be_shared_across_threads() {
        fn shareable<T: Send + Sync + Clone>() {}
        shareable::<Resolver>();
        shareable::<Resolved>();
    }

    #[test]
    fn formats_instants() {
        assert_eq!(&format_instant(0), b"1970-01-01T00:00:00Z");
        assert_eq!(&format_instant(1_774_491_600), b"2026-03-26T02:20:00Z");
    }
}
