//! Date text -> instant + precision. Pure: no I/O, no clock, no environment; the reference
//! instant comes in through `Context`. Owns every date form news pages print, relative or
//! absolute; does not own where a date sits on a page (that is `extract`).

use std::ops::Range;

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

/// Why text was not resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub reason: String,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for Refusal {}

/// Resolves one date expression. The date engine issue fills this in.
pub fn resolve(text: &str, _ctx: &Context) -> Result<Resolved, Refusal> {
    Err(Refusal {
        reason: format!("no date engine yet for {text:?}"),
    })
}
