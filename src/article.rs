//! The Article record: the one shape every format maps to. Owns field names, order and types;
//! does not own how records are parsed (`extract`), checked (`validate`) or stored (`io`).
//!
//! `schemas/article.schema.json` is the contract for this struct: the two change together, and
//! the `schema_drift` test fails when they disagree.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// How precise a resolved date is. Serialised in lowercase, as in the schema's enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Precision {
    /// Every precision, finest first.
    pub const ALL: [Precision; 7] = [
        Precision::Second,
        Precision::Minute,
        Precision::Hour,
        Precision::Day,
        Precision::Week,
        Precision::Month,
        Precision::Year,
    ];

    /// The lowercase name used in records and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Second => "second",
            Precision::Minute => "minute",
            Precision::Hour => "hour",
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

impl std::fmt::Display for Precision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One news article. Field order is the order copydesk writes; optional fields default so that
/// records from other tools that omit them still deserialize (the schema decides validity).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub id: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub section: Option<String>,
    pub title: String,
    #[serde(default)]
    pub byline: Option<String>,
    pub authors: Vec<String>,
    #[serde(default)]
    pub date_text: Option<String>,
    /// RFC 3339 in UTC, whole seconds (`2026-03-26T02:20:00Z`).
    #[serde(default)]
    pub date_published: Option<String>,
    /// RFC 3339 in UTC, whole seconds.
    #[serde(default)]
    pub date_modified: Option<String>,
    #[serde(default)]
    pub date_precision: Option<Precision>,
    #[serde(default)]
    pub date_relative: bool,
    /// RFC 3339 with the offset it was given in: the page's local zone.
    #[serde(default)]
    pub scraped_at: Option<String>,
    #[serde(default)]
    pub dateline: Option<String>,
    pub body: String,
    #[serde(default)]
    pub word_count: u64,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// The stable id copydesk gives a record: the first 16 hex digits of SHA-256 over source, title
/// and body separated by U+001F. The same input gives the same id on every run and platform.
pub fn article_id(source: Option<&str>, title: &str, body: &str) -> String {
    let mut h = Sha256::new();
    h.update(source.unwrap_or("").as_bytes());
    h.update([0x1f]);
    h.update(title.as_bytes());
    h.update([0x1f]);
    h.update(body.as_bytes());
    let digest = h.finalize();
    let mut out = String::with_capacity(16);
    for b in &digest[..8] {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// The number of whitespace-separated tokens, as `word_count` defines it.
pub fn word_count(body: &str) -> u64 {
    body.split_whitespace().count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_is_stable_and_depends_on_each_part() {
        let a = article_id(Some("Ledger"), "Title", "Body");
        assert_eq!(a, article_id(Some("Ledger"), "Title", "Body"));
        assert_eq!(a.len(), 16);
        assert_ne!(a, article_id(None, "Title", "Body"));
        assert_ne!(a, article_id(Some("Ledger"), "Title2", "Body"));
        assert_ne!(a, article_id(Some("Ledger"), "Title", "Body2"));
        // The separator keeps field boundaries: moving text across them changes the id.
        assert_ne!(
            article_id(Some("ab"), "c", "d"),
            article_id(Some("a"), "bc", "d")
        );
    }

    #[test]
    fn word_count_counts_whitespace_tokens() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("one"), 1);
        assert_eq!(word_count("  two\n\nwords\t"), 2);
        assert_eq!(word_count("London, UK – Keir"), 4);
    }
}
