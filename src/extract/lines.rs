//! The header-line classifier: one header segment -> what it is (masthead-able text, section,
//! byline, date, reading time, boilerplate, ...), scored from features and the word tables in
//! `vocab`. Also splits combined lines on `|` `·` `•` and glued spans. Does not decide which
//! line is the title (`header`) or clean the body (`body`).

use std::sync::OnceLock;

use crate::dates::Resolver;

use super::byline;
use super::vocab::{
    BOILERPLATE_LINES, BOILERPLATE_PREFIXES, KNOWN_OUTLETS, MASTHEAD_WORDS, NAME_JOINERS,
    NAME_PARTICLES, NEWS_WORDS, PLACE_WORDS, READING_TIME_WORDS, SECTION_LABELS, SECTION_WORDS,
    SHARE_WORDS,
};
use super::when::{self, DateHit};

/// What a header segment is.
#[derive(Debug, Clone)]
pub enum Kind {
    /// Removed wherever it stands; the string names what it was (`share buttons`, `photo`).
    Boilerplate(&'static str),
    /// "5 min read".
    ReadingTime,
    /// A date label alone (`Published`); the flag says whether it marks an update.
    DateLabel(bool),
    /// An explicit byline (`By ...`, `Author: ...`), minus its label, with any date that shared
    /// the segment.
    Byline(String, Vec<DateHit>),
    /// `Source: X`.
    Source(String),
    /// A section: labelled, a breadcrumb, or a known section word / short ALL-CAPS line.
    Section(String),
    /// One or more dates.
    Date(Vec<DateHit>),
    /// A short run of capitalised words: a byline when it follows the title.
    NameLike,
    /// Anything else: a title, a standfirst, a paragraph.
    Text,
}

/// Classifies one segment (a line, or part of a combined line). `pending_update` carries a
/// date label that stood alone on the previous line.
pub fn classify(segment: &str, ctx: &Resolver, pending_update: Option<bool>) -> Kind {
    let s = segment.trim();
    if let Some(what) = boilerplate(s) {
        return Kind::Boilerplate(what);
    }
    classify_content(s, ctx, pending_update)
}

/// `classify` for a trimmed segment already known not to be boilerplate.
pub fn classify_content(s: &str, ctx: &Resolver, pending_update: Option<bool>) -> Kind {
    if is_reading_time(s) {
        return Kind::ReadingTime;
    }
    if is_wire_credit(s) {
        // Wire credits never supply the byline.
        return Kind::Boilerplate("wire credit");
    }
    if let Some(update) = when::label_only(s) {
        return Kind::DateLabel(update);
    }
    if let Some(rest) = byline::strip_label(s) {
        let (name, dates) = split_date_tail(rest, ctx);
        if byline::looks_like_names(&name)
            || byline::split_leading_role(&name).is_some()
            || byline::caseless_names(&name)
            || byline::names_then_dash_role(&name)
        {
            return Kind::Byline(name, dates);
        }
        // `Posted by admin on January 5, 2025`: a user handle, when a date or a blog-style
        // label (`Posted by`, `Author:`) says it is a byline.
        let labelled = ["posted by", "written by", "author:", "submitted by"]
            .iter()
            .any(|l| strip_prefix_ci(s, l).is_some());
        if is_handle(&name) && (labelled || !dates.is_empty()) {
            return Kind::Byline(name, dates);
        }
    }
    if let Some(name) = byline::korean_reporter(s) {
        return Kind::Byline(name.to_string(), Vec::new());
    }
    if let Some(rest) = byline::strip_lowercase_label(s) {
        return Kind::Byline(rest.to_string(), Vec::new());
    }
    // `dal nostro inviato Marco Rossi`, `staff writer Jane Doe`: a role in lowercase, then
    // names.
    if s.starts_with(char::is_lowercase) && byline::split_leading_role(s).is_some() {
        return Kind::Byline(s.to_string(), Vec::new());
    }
    // `Source: X`, `来源：新华社`.
    if let Some(rest) = strip_prefix_ci(s, "source:")
        .or_else(|| s.strip_prefix("来源："))
        .or_else(|| s.strip_prefix("来源:"))
    {
        let rest = rest.trim();
        if !rest.is_empty() && rest.split_whitespace().count() <= 6 {
            return Kind::Source(rest.to_string());
        }
    }
    for label in SECTION_LABELS {
        if let Some(rest) = strip_prefix_ci(s, label) {
            if !rest.is_empty() {
                return Kind::Section(rest.to_string());
            }
        }
    }
    let dates = when::probe(s, ctx, pending_update);
    if !dates.is_empty() {
        return Kind::Date(dates);
    }
    if let Some((date, name)) = date_then_byline(s, ctx, pending_update) {
        return Kind::Byline(name, date);
    }
    if is_breadcrumb(s) || is_section_word(s) {
        return Kind::Section(s.to_string());
    }
    if byline::looks_like_names(s) || byline::name_then_role(s).is_some() {
        return Kind::NameLike;
    }
    if let Some(name) = byline::name_dash_brand(s) {
        return Kind::Byline(name.to_string(), Vec::new());
    }
    Kind::Text
}

/// A user handle: one token of letters, digits, `_`, `.` or `-`, starting with a letter and
/// not a common word (`By now on March 3` is a sentence).
fn is_handle(s: &str) -> bool {
    const COMMON: &[&str] = &[
        "the", "now", "then", "far", "way", "contrast", "default", "all",
    ];
    let s = s.trim_start_matches('@');
    (2..=30).contains(&s.len())
        && s.chars().next().is_some_and(char::is_alphabetic)
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
        && !COMMON.contains(&s.to_lowercase().as_str())
}

/// The segments of a combined header line: split on `|` `·` `•`, then glued spans (`By Jane
/// DoeMarch 3, 2025`, `Share this articleFacebook`) apart where the right side is a date.
pub fn segments(line: &str, ctx: &Resolver) -> Vec<String> {
    let mut out = Vec::new();
    for part in line.split(['|', '·', '•', '｜']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        // `TOI News Desk / TIMESOFINDIA.COM / Updated: Mar 3, 2025`: spaced slashes join
        // header parts too, unless the line is a breadcrumb (`World / Europe`).
        let mut parts: Vec<&str> = vec![part];
        if part.contains(" / ") && !is_breadcrumb(part) {
            let pieces: Vec<&str> = part
                .split(" / ")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            // Only a header line: a headline may hold a slash (`Love / Hate: ...`).
            if pieces
                .iter()
                .any(|p| byline::strip_label(p).is_some() || !when::probe(p, ctx, None).is_empty())
            {
                parts = pieces;
            }
        }
        for piece in parts.into_iter().flat_map(split_glued_labels) {
            match glue_split(piece, ctx) {
                Some((left, right)) => {
                    out.push(left.to_string());
                    out.push(right.to_string());
                }
                None => out.push(piece.to_string()),
            }
        }
    }
    // `9:15 AM PDT · March 17, 2025`: a time and its day on either side of a separator are
    // one date (`Published 5 days ago | Updated 2 hours ago` stays two).
    if out.len() >= 2
        && out
            .iter()
            .all(|seg| !when::probe(seg, ctx, None).is_empty())
        && when::probe(line, ctx, None).len() == 1
    {
        return vec![line.trim().to_string()];
    }
    out
}

/// Date labels that start a new span when glued to the previous token (`4:12 PM
/// GMTUpdated 2 hours ago`), capitalised or in capitals.
const GLUED_LABELS: &[&str] = &[
    "Updated",
    "UPDATED",
    "Published",
    "PUBLISHED",
    "Last updated",
    "Modified",
    "Aktualisiert",
    "Veröffentlicht",
    "Actualizado",
    "Publicado",
    "Mis à jour",
    "Publié",
    "Aggiornato",
    "Pubblicato",
    // `OpinionBy Jane Doe`: a kicker glued to the byline.
    "By ",
];

/// Splits a span before each date label glued to a letter, digit or closing mark: one pass
/// over the bytes, a label test only where a capital follows such a character.
fn split_glued_labels(part: &str) -> Vec<&str> {
    let bytes = part.as_bytes();
    let mut cuts: Vec<usize> = Vec::new();
    for at in 1..bytes.len() {
        let prev = bytes[at - 1];
        if !bytes[at].is_ascii_uppercase()
            || !(prev.is_ascii_alphanumeric() || prev == b')' || prev == b'.' || prev >= 0x80)
        {
            continue;
        }
        let rest = &part[at..];
        if GLUED_LABELS.iter().any(|l| rest.starts_with(l)) {
            cuts.push(at);
        }
    }
    if cuts.is_empty() {
        return vec![part];
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for at in cuts {
        let piece = part[start..at].trim();
        if !piece.is_empty() {
            out.push(piece);
        }
        start = at;
    }
    out.push(part[start..].trim());
    out
}

/// A glued span: a lowercase letter (or a digit) run straight into a capital or a digit
/// where the right-hand side is a date and the left is not.
fn glue_split<'a>(s: &'a str, ctx: &Resolver) -> Option<(&'a str, &'a str)> {
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if let Some(p) = prev {
            let glued = (p.is_lowercase() && (c.is_uppercase() || c.is_ascii_digit()))
                || (p == '.' && c.is_uppercase() && i >= 2);
            if glued {
                let (left, right) = s.split_at(i);
                if right.len() >= 3
                    && !when::probe(right, ctx, None).is_empty()
                    && when::probe(left, ctx, None).is_empty()
                {
                    return Some((left.trim(), right.trim()));
                }
            }
        }
        prev = Some(c);
    }
    None
}

/// A byline's name part and any date glued or appended to it (`Jane Doe on March 3, 2025`,
/// `Jane Doe, 3 March 2025`, `Jane DoeMarch 3`).
pub fn split_date_tail(s: &str, ctx: &Resolver) -> (String, Vec<DateHit>) {
    let s = s.trim();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    // Also before a date label (`Jane Doe Updated March 4, 2025`) and at a double space.
    for sep in [
        " on ",
        ", ",
        " - ",
        " – ",
        " — ",
        " am ",
        " le ",
        " el ",
        "  ",
        " Updated",
        " Published",
        " Posted",
        " UPDATED",
        " PUBLISHED",
    ] {
        let mut from = 0;
        while let Some(pos) = s[from..].find(sep) {
            let at = from + pos;
            cuts.push((at, at + sep.len()));
            from = at + sep.len();
        }
    }
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if let Some(p) = prev {
            if p.is_lowercase() && (c.is_uppercase() || c.is_ascii_digit()) {
                cuts.push((i, i));
            }
        }
        prev = Some(c);
    }
    cuts.sort_unstable();
    for (end, start) in cuts {
        let right = &s[start..];
        let hits = when::probe(right, ctx, None);
        if !hits.is_empty() {
            let left = s[..end]
                .trim()
                .trim_end_matches([',', '-', '–', '—'])
                .trim();
            return (left.to_string(), hits);
        }
    }
    (s.to_string(), Vec::new())
}

/// `Posted on March 3, 2025 by Emma Green`: a date, then ` by ` and names.
fn date_then_byline(
    s: &str,
    ctx: &Resolver,
    pending: Option<bool>,
) -> Option<(Vec<DateHit>, String)> {
    let at = find_ci(s, " by ")?;
    let name = s[at + 4..].trim();
    if !byline::looks_like_names(name) {
        return None;
    }
    let dates = when::probe(&s[..at], ctx, pending);
    (!dates.is_empty()).then(|| (dates, name.to_string()))
}

/// Byte position of an ASCII needle, ignoring case.
fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Case-insensitive ASCII prefix strip.
pub fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s[prefix.len()..].trim())
}

/// Boilerplate wherever it stands: whole-line phrases, known line starts, share bars (also
/// glued), photo credits and comment counters. Returns what it was, for the warning.
/// Called on every body line, so long lines only pay for the prefix and keyword checks.
pub fn boilerplate(s: &str) -> Option<&'static str> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    boilerplate_with_head(s, &lower_head(s, 48))
}

/// `boilerplate` for a trimmed, non-empty line whose lowercase start (`lower_head(s, 48)`) the
/// caller already has.
pub fn boilerplate_with_head(s: &str, head: &str) -> Option<&'static str> {
    let &first = head.as_bytes().first()?;
    // `[1/3]Released prisoners pose ...`: a gallery caption; `... Purchase Licensing Rights,
    // opens new tab`: a wire picture's caption with its licence link.
    if (first == b'[' && gallery_index(head)) || s.ends_with("Licensing Rights, opens new tab") {
        return Some("photo");
    }
    // Only the prefixes sharing the first byte, in table order: the first match wins.
    // The second byte is compared inline first: most lines differ there from every prefix.
    let second = head.as_bytes().get(1);
    for &(prefix, what) in &boilerplate_prefixes()[usize::from(first)] {
        if prefix.as_bytes().get(1).is_none_or(|b| second == Some(b)) && head.starts_with(prefix) {
            // `Photos: Thousands turn out for the parade`: a gallery's headline, not a credit.
            if prefix == "photos:" && count_words(s, 6) >= 6 && !s.contains('/') {
                continue;
            }
            // `If you buy something online, ...` is advice unless it speaks of a commission.
            if what == "affiliate disclosure" && !mentions_commission(s) {
                continue;
            }
            // `Published in Dawn, March 5th, 2025`: the print edition's note is short and
            // ends on the year (`Published in 1851, the novel ...` is a sentence).
            if what == "print edition note" && !(count_words(s, 9) <= 8 && ends_on_year(s)) {
                continue;
            }
            return Some(what);
        }
    }
    // The checks below only need to know "at most N words": a line counts only when it is
    // short in bytes or holds one of the keywords, so most body lines are never counted.
    let short = s.len() <= 160 && count_words(s, 13) <= 12;
    if short {
        // A line of at most 48 bytes is all in its head: no second lowercase copy.
        let lower: std::borrow::Cow<'_, str> = if s.len() <= 48 {
            std::borrow::Cow::Borrowed(head)
        } else {
            std::borrow::Cow::Owned(s.to_lowercase())
        };
        let lower = lower.as_ref();
        let bare = lower.trim_end_matches([':', '.', '!']).trim();
        if BOILERPLATE_LINES.contains(&bare) {
            return Some(boilerplate_name(bare));
        }
        // `kim@yna.co.kr` alone under the story: the reporter's address.
        if !s.contains(' ') && is_email(s.trim_end_matches('.')) {
            return Some("contact line");
        }
        // `1 of 12`: a gallery's picture counter.
        if is_gallery_counter(lower) {
            return Some("gallery counter");
        }
        // Before the share bar: `142 comments` is a counter, not a button.
        if is_comment_counter(lower) {
            return Some("comment counter");
        }
        if is_share_bar(lower) {
            return Some("share buttons");
        }
        if is_photo_credit(s, lower) {
            return Some("photo");
        }
        if ends_with_photo_credit(s) {
            return Some("photo");
        }

        if lower.starts_with("follow ")
            && [
                " on twitter",
                " on x",
                " on instagram",
                " on facebook",
                " on bluesky",
                " on threads",
                " on linkedin",
                " on whatsapp",
                " on telegram",
                " on google news",
            ]
            .iter()
            .any(|w| lower.contains(w))
        {
            return Some("follow prompt");
        }
        // `Urmărește știrile Digi24.ro și pe Google News`: a follow prompt in any language.
        if lower.ends_with("google news") && count_words(s, 13) >= 3 {
            return Some("follow prompt");
        }
        // `BMC, Mumbai news, garbage collection`: the page's keywords.
        if is_keyword_line(s) {
            return Some("tags");
        }
        // `(ams/ams)`, `(rdp)`: the editors' initials closing an Indonesian story.
        if is_editor_initials(s) {
            return Some("editor credit");
        }
        // `Download The Times of India News App for Latest India News`.
        if lower.starts_with("download ") && (lower.contains(" app ") || lower.ends_with(" app")) {
            return Some("app prompt");
        }
        // `Contact Sarah McKenzie at smckenzie@doverpost.com.`: the author's address.
        // `Bryan Marquard can be reached at bryan.marquard@globe.com.` too.
        if lower.contains('@')
            && (lower.starts_with("contact ")
                || lower.starts_with("reach ")
                || lower.contains(" can be reached at ")
                || lower.contains(" can be contacted at "))
        {
            return Some("contact line");
        }
    }
    // A caption of any length that closes with a bracketed credit.
    let credit_tail = s.ends_with([')', ']']) || tail_bytes(s, 40).contains('/');
    if !short && credit_tail && ends_with_photo_credit(s) && count_words(s, 51) <= 50 {
        return Some("photo");
    }
    // `Copyright 2025 The Associated Press. All rights reserved. This material may not be
    // published, ...`: a notice of any length.
    if head.starts_with("copyright") && count_words(s, 61) <= 60 {
        let lower = s.to_lowercase();
        if lower.contains("rights reserved") || lower.bytes().any(|b| b.is_ascii_digit()) {
            return Some("copyright");
        }
    }
    // `(c) Agencia EFE`: the agency's name after the sign, alone on the line.
    if let Some(rest) = s.strip_prefix("(c) ").or_else(|| s.strip_prefix("(C) ")) {
        if rest.starts_with(char::is_uppercase) && count_words(rest, 5) <= 4 {
            return Some("copyright");
        }
    }
    // Rare keywords first (one SIMD search each), the exact phrases only on the few lines
    // that have them.
    if PHOTO.is_in(s) && count_words(s, 51) <= 50 {
        let lower = s.to_lowercase();
        if ["photograph: ", "photo: ", "photograph by ", "photo credit:"]
            .iter()
            .any(|w| lower.contains(w))
        {
            // A caption with its credit at the end (`Crowds in Rhodes. Photograph: X/Reuters`).
            return Some("photo");
        }
    }
    if NEWSLETTER.is_in(s) && count_words(s, 31) <= 30 {
        let lower = s.to_lowercase();
        if [
            "sign up",
            "signing up",
            "subscribe",
            "inbox",
            "get our",
            "delivered",
        ]
        .iter()
        .any(|w| lower.contains(w))
        {
            return Some("newsletter prompt");
        }
    }
    if COOKIE.is_in(s) && count_words(s, 31) <= 30 {
        let lower = s.to_lowercase();
        if ["we use", "accept", "consent", "our partners", "privacy"]
            .iter()
            .any(|w| lower.contains(w))
        {
            return Some("cookie notice");
        }
    }
    None
}

/// `BMC, Mumbai news, garbage collection`: three or more short items between commas, no
/// sentence punctuation, and one item at least in lowercase (a list of names or places in
/// capitals is a dateline or a byline, not keywords).
fn is_keyword_line(s: &str) -> bool {
    if s.len() > 100 || !s.contains(',') || s.ends_with(['.', '?', '!', ':', ';', '"', '”']) {
        return false;
    }
    let items: Vec<&str> = s.split(',').map(str::trim).collect();
    items.len() >= 3
        && items.iter().all(|item| {
            !item.is_empty()
                && item.split_whitespace().count() <= 3
                && !item.contains(['.', '?', '!', '"', '“', '(', ')'])
        })
        && items.iter().any(|item| {
            item.split_whitespace()
                .all(|w| w.starts_with(char::is_lowercase))
        })
}

/// Whether a line ends on a four-digit year (`..., March 5th, 2025.`).
fn ends_on_year(s: &str) -> bool {
    let t = s.trim_end_matches('.').as_bytes();
    t.len() >= 5 && t[t.len() - 5] == b' ' && t[t.len() - 4..].iter().all(u8::is_ascii_digit)
}

/// `(ams/ams)`, `(rdp)`: lowercase initials of two to four letters in parentheses, one or
/// more joined by slashes.
fn is_editor_initials(s: &str) -> bool {
    s.len() <= 24
        && s.strip_prefix('(')
            .and_then(|r| r.strip_suffix(')'))
            .is_some_and(|inner| {
                inner.split('/').all(|p| {
                    (2..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase())
                })
            })
}

/// `[1/3]` at the start of a line.
fn gallery_index(head: &str) -> bool {
    let Some(inner) = head
        .strip_prefix('[')
        .and_then(|r| r.split_once(']'))
        .map(|(i, _)| i)
    else {
        return false;
    };
    inner.split_once('/').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && a.len() <= 3
            && b.len() <= 3
            && a.bytes().all(|c| c.is_ascii_digit())
            && b.bytes().all(|c| c.is_ascii_digit())
    })
}

/// `BOILERPLATE_PREFIXES` bucketed by first byte, table order kept within a bucket, built once.
fn boilerplate_prefixes() -> &'static [Vec<(&'static str, &'static str)>] {
    static BUCKETS: OnceLock<Vec<Vec<(&'static str, &'static str)>>> = OnceLock::new();
    BUCKETS.get_or_init(|| {
        let mut buckets = vec![Vec::new(); 256];
        for &(prefix, what) in BOILERPLATE_PREFIXES {
            if let Some(&b) = prefix.as_bytes().first() {
                buckets[usize::from(b)].push((prefix, what));
            }
        }
        buckets
    })
}

/// Words (runs of non-space bytes) in `s`, counting at most to `cap`. Unicode spaces other
/// than the no-break space were normalised away by `decode`; this only needs an estimate.
pub fn count_words(s: &str, cap: usize) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        let space = b == b' ' || b == b'\t';
        if !space && !in_word {
            n += 1;
            if n >= cap {
                return n;
            }
        }
        in_word = !space;
    }
    n
}

/// Whitespace-separated tokens (as `str::split_whitespace` finds them), counting at most to
/// `cap`, with a byte loop: the same answer, several times faster on long lines.
pub fn count_tokens(s: &str, cap: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn each(b: u8) -> u64 {
        0x0101_0101_0101_0101 * b as u64
    }
    let bytes = s.as_bytes();
    let mut n = 0;
    let mut prev_space = true;
    let mut i = 0;
    while i < bytes.len() {
        // Eight ASCII bytes at a time: the high bit of each byte of `space` says whether it
        // is a space (0x20, or 0x09..=0x0D); a token starts at a byte that is not a space
        // after one that is. No byte borrows from its neighbour, since each starts at 0x80
        // or above before the subtraction.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let x = u64::from_le_bytes(word);
            if x & HIGH == 0 {
                let blank = !(((x ^ each(b' ')) | HIGH) - each(1)) & HIGH;
                let from_tab = ((x | HIGH) - each(9)) & HIGH;
                let from_14 = ((x | HIGH) - each(14)) & HIGH;
                let space = blank | (from_tab & !from_14);
                let before = (space << 8) | (u64::from(prev_space) << 7);
                n += (!space & HIGH & before).count_ones() as usize;
                if n >= cap {
                    return cap;
                }
                prev_space = space >> 63 == 1;
                i += 8;
                continue;
            }
        }
        let space = match BYTE_CLASS[usize::from(bytes[i])] {
            NOT_SPACE => false,
            SPACE => true,
            // Only these lead bytes start a Unicode space (U+0085, U+00A0, U+1680,
            // U+2000-U+205F, U+3000): decode the character and step over it.
            _ => match s.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => {
                    i += c.len_utf8() - 1;
                    c.is_whitespace()
                }
                None => false,
            },
        };
        if prev_space && !space {
            n += 1;
            if n >= cap {
                return n;
            }
        }
        prev_space = space;
        i += 1;
    }
    n
}

const NOT_SPACE: u8 = 0;
const SPACE: u8 = 1;
const MAYBE_SPACE: u8 = 2;

/// What each byte says about whitespace: an ASCII space (space, \t \n \x0b \x0c \r), the lead
/// byte of a character that may be a Unicode space, or neither (any other byte, including
/// continuation bytes, belongs to a character that is not a space).
static BYTE_CLASS: [u8; 256] = {
    let mut t = [NOT_SPACE; 256];
    t[b' ' as usize] = SPACE;
    let mut b = 9;
    while b <= 13 {
        t[b] = SPACE;
        b += 1;
    }
    t[0xC2] = MAYBE_SPACE;
    t[0xE1] = MAYBE_SPACE;
    t[0xE2] = MAYBE_SPACE;
    t[0xE3] = MAYBE_SPACE;
    t
};

/// Whether `s` holds the lowercase ASCII `needle` in any case.
pub fn contains_ci(s: &str, needle: &[u8]) -> bool {
    s.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// The lowercase start of a line (at most `max` characters), for prefix tests.
pub fn lower_head(s: &str, max: usize) -> String {
    let mut out = String::new();
    lower_head_into(&mut out, s, max);
    out
}

/// `lower_head` written into `out` (cleared first), so a caller going through many lines
/// reuses one buffer.
pub fn lower_head_into(out: &mut String, s: &str, max: usize) {
    out.clear();
    // Most lines are ASCII: their first `max` characters are `max` bytes, lowercased without
    // the Unicode tables.
    let ascii_end = s.len().min(max);
    if s.as_bytes()[..ascii_end].is_ascii() {
        out.push_str(&s[..ascii_end]);
        out.make_ascii_lowercase();
        return;
    }
    let end = s.char_indices().nth(max).map_or(s.len(), |(i, _)| i);
    out.push_str(&s[..end].to_lowercase());
}

static PHOTO: Keyword = Keyword::new("photo");
static NEWSLETTER: Keyword = Keyword::new("newsletter");
static COOKIE: Keyword = Keyword::new("cookie");

/// A lowercase ASCII keyword found in any line with SIMD substring search (`memmem`), in
/// lowercase, capitalised or capitals (`newsletter`, `Newsletter`, `NEWSLETTER`); the searchers
/// are built once.
pub struct Keyword {
    word: &'static str,
    finders: OnceLock<[memchr::memmem::Finder<'static>; 2]>,
}

impl Keyword {
    pub const fn new(word: &'static str) -> Keyword {
        Keyword {
            word,
            finders: OnceLock::new(),
        }
    }

    pub fn is_in(&self, haystack: &str) -> bool {
        let h = haystack.as_bytes();
        let Some((&first, tail)) = self.word.as_bytes().split_first() else {
            return true;
        };
        if tail.is_empty() {
            return h.iter().any(|b| b.eq_ignore_ascii_case(&first));
        }
        // The word without its first letter, as written and in capitals; the first letter is
        // then compared in either case.
        let finders = self.finders.get_or_init(|| {
            [
                memchr::memmem::Finder::new(tail).into_owned(),
                memchr::memmem::Finder::new(&tail.to_ascii_uppercase()).into_owned(),
            ]
        });
        finders.iter().any(|finder| {
            let mut from = 1;
            while from <= h.len() {
                let Some(pos) = finder.find(&h[from..]) else {
                    return false;
                };
                let at = from + pos;
                if h[at - 1].eq_ignore_ascii_case(&first) {
                    return true;
                }
                from = at + 1;
            }
            false
        })
    }
}

fn boilerplate_name(bare: &str) -> &'static str {
    match bare {
        "news provided by" => "press release label",
        b if b.contains("advert") || b.starts_with("ad") || b.contains("sponsor") => {
            "advertisement"
        }
        b if b.contains("cookie")
            || b.starts_with("we value your")
            || b.starts_with("your privacy")
            || b.starts_with("accept ")
            || b.starts_with("reject ")
            || b.starts_with("allow ")
            || b.starts_with("manage ") =>
        {
            "cookie notice"
        }
        b if b.starts_with("skip ad") => "advertisement",
        "0:00" | "00:00" => "audio player",
        b if b.ends_with(" photo") => "photo",
        b if b.starts_with("share") => "share buttons",
        b if b.contains("comment") || b.contains("conversation") => "comment counter",
        b if b.contains("share") || b.contains("like this") || b.contains("link") => {
            "share buttons"
        }
        b if b.contains("sign") || b.contains("subscribe") || b.contains("log in") => {
            "newsletter prompt"
        }
        b if b.contains("caption") || b.contains("image") => "photo",
        _ => "navigation",
    }
}

/// A line made only of share-bar words, with or without separators between them.
fn is_share_bar(lower: &str) -> bool {
    // Counts on the buttons (`share2`, `Comments 123`) are part of the bar.
    let skipped = |c: char| {
        c.is_whitespace() || c.is_ascii_digit() || matches!(c, '|' | '·' | '•' | ',' | '/' | ':')
    };
    // Every share word starts and ends with a letter: most lines end on a mark.
    let mut kept = lower.chars().filter(|&c| !skipped(c));
    if !kept.next().is_some_and(char::is_alphabetic)
        || !lower
            .chars()
            .rev()
            .find(|&c| !skipped(c))
            .is_some_and(char::is_alphabetic)
    {
        return false;
    }
    // The glued text, on the stack (a bar is short).
    const MAX: usize = 200;
    let mut buf = [0u8; MAX];
    let mut n = 0;
    for c in lower.chars().filter(|&c| !skipped(c)) {
        let len = c.len_utf8();
        if n + len > MAX {
            return false;
        }
        c.encode_utf8(&mut buf[n..n + len]);
        n += len;
    }
    let Ok(compact) = std::str::from_utf8(&buf[..n]) else {
        return false;
    };
    // Which prefixes of the glued text can be built from share words (a small dynamic
    // programme, so "sharethisarticlefacebook" is found whatever the word order).
    let words = share_words_compact();
    let bytes = compact.as_bytes();
    let mut reach = [false; MAX + 1];
    reach[0] = true;
    for i in 0..n {
        if !reach[i] || !compact.is_char_boundary(i) {
            continue;
        }
        // Only the words that start with this byte.
        for w in &words[usize::from(bytes[i])] {
            if compact[i..].starts_with(w.as_str()) {
                reach[i + w.len()] = true;
            }
        }
    }
    // A lone "x" or "print" or "email" line is a share button too, but a bare "comments" is
    // left to the comment rule.
    reach[n]
}

/// `SHARE_WORDS` without spaces, bucketed by first byte, built once.
fn share_words_compact() -> &'static [Vec<String>] {
    static WORDS: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut buckets = vec![Vec::new(); 256];
        for w in SHARE_WORDS {
            let w = w.replace(' ', "");
            if let Some(&b) = w.as_bytes().first() {
                buckets[usize::from(b)].push(w);
            }
        }
        buckets
    })
}

/// Picture agencies and wires, lowercase.
const AGENCIES: &[&str] = &[
    "getty images",
    "afp via getty images",
    "reuters",
    "ap photo",
    "ap",
    "afp",
    "epa",
    "shutterstock",
    "alamy",
    "pa",
    "pa media",
    "pa wire",
    "bloomberg",
    "ansa",
    "dpa",
    "picture alliance",
    "imago",
    "anadolu",
    "xinhua",
    "efe",
    "sipa",
    "rex",
    "corbis",
    "associated press",
    "agence france-presse",
    "press trust of india",
    "pti",
    "ians",
    "yonhap",
    "kyodo",
    "tass",
    "upi",
];

/// `AFP`, `Reuters`, `dpa`: a news or picture agency's name, in any case.
pub fn is_agency(name: &str) -> bool {
    is_photo_agency(name.trim().to_lowercase().as_str())
}

/// Whether a lowercase credit part names a picture agency.
fn is_photo_agency(part: &str) -> bool {
    AGENCIES.contains(&part)
}

/// `Getty Images`, `(Photo by Jane Doe/Getty Images)`, `Reuters/Jane Doe`, `AP Photo/X`.
fn is_photo_credit(s: &str, lower: &str) -> bool {
    let bare = lower.trim_matches(|c: char| c == '(' || c == ')' || c == '[' || c == ']');
    if bare == "getty images"
        || bare.ends_with("/getty images")
        || bare.ends_with("via getty images")
    {
        return true;
    }
    if s.split_whitespace().count() <= 8 && lower.contains('/') {
        let wrapped = s.trim().starts_with('(') && s.trim().ends_with(')');
        // `Joe Lewnard/jlewnard@dailyherald.com`: the photographer and their address.
        if let Some((name, address)) = s.split_once('/') {
            if is_email(address.trim()) && byline::looks_like_names(name) {
                return true;
            }
        }
        if bare.split('/').any(|p| AGENCIES.contains(&p.trim()))
            && (wrapped || !lower.ends_with('.'))
        {
            return true;
        }
        // `Jaco Marais/News24`: a photographer's name and the outlet, alone on a line.
        if let Some((name, outlet)) = s.trim().split_once('/') {
            let outlet = outlet.trim();
            return (2..=3).contains(&name.split_whitespace().count())
                && byline::looks_like_names(name)
                && !outlet.is_empty()
                && outlet.split_whitespace().count() <= 4
                && outlet.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && !outlet.contains('/')
                && !outlet.ends_with('.');
        }
        return false;
    }
    false
}

/// `jane@paper.com`: one token with a name, an `@` and a domain.
fn is_email(s: &str) -> bool {
    s.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty() && !user.contains(char::is_whitespace) && is_domain(domain)
    })
}

/// A caption that ends in an agency credit: `... on Tuesday (Reuters)`, `... REUTERS/Jane Doe`.
fn ends_with_photo_credit(s: &str) -> bool {
    const TAGS: &[&str] = &[
        "(reuters)",
        "(ap)",
        "(afp)",
        "(epa)",
        "(getty images)",
        "(getty)",
        "(pa)",
        "(ap photo)",
        "(afp via getty images)",
        "(shutterstock)",
        "(alamy)",
        "(bloomberg)",
        "(anadolu)",
    ];
    let t = s.trim_end();
    if t.ends_with('.') {
        return false;
    }
    // `(Reuters)`, `(AP Photo/Jane Doe)`, `[File: Mohammed Salem/Reuters]`, `(ABC News: Matt
    // Roberts)`, `(Jane Doe/AFP)`: a bracketed credit closing a caption. Compared without
    // lowercasing the line: most lines that end in `)` end in a remark.
    if let Some(inner) =
        trailing_bracket(t).filter(|inner| !inner.bytes().all(|b| b.is_ascii_digit()))
    {
        let round = t.ends_with(')');
        let starts_ci = |p: &str| {
            inner
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
        };
        if round
            && (TAGS
                .iter()
                .any(|tag| tag[1..tag.len() - 1].eq_ignore_ascii_case(inner))
                || starts_ci("ap photo/")
                || starts_ci("photo"))
        {
            return true;
        }
        if is_bracket_credit(inner) {
            return true;
        }
    }
    // `REUTERS/Jane Doe`, `AFP/Getty Images` at the end of a caption: the word holding the
    // last slash in the line's last 40 bytes (a long line is not searched whole).
    // Byte searches (memrchr): ASCII marks, so the offsets are char boundaries.
    let tail = tail_bytes(t, 40);
    let Some(slash) = memchr::memrchr(b'/', tail.as_bytes()) else {
        return false;
    };
    let word = &tail[memchr::memrchr(b' ', &tail.as_bytes()[..slash]).map_or(0, |i| i + 1)..];
    if ["REUTERS/", "AFP/", "AP/", "EPA/", "EPA-EFE/"]
        .iter()
        .any(|p| word.starts_with(p))
    {
        return true;
    }
    // `... le 4 mars 2025. LUDOVIC MARIN / AFP`: a photographer's name in capitals after the
    // caption's last sentence, then an agency.
    let (before, agency) = tail.split_at(slash);
    let agency = agency[1..].trim();
    let Some((_, name)) = before.rsplit_once(". ") else {
        return false;
    };
    let name = name.trim();
    is_photo_agency(agency.to_lowercase().as_str())
        && (1..=3).contains(&name.split_whitespace().count())
        && name.chars().any(char::is_alphabetic)
        && !name.chars().any(char::is_lowercase)
}

/// The last `n` bytes of `s` (or a few fewer, to start on a character).
fn tail_bytes(s: &str, n: usize) -> &str {
    let from = s.len().saturating_sub(n);
    let from = (from..s.len())
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(s.len());
    &s[from..]
}

/// The text inside a `(...)` or `[...]` that ends `t`, if short.
fn trailing_bracket(t: &str) -> Option<&str> {
    let (open, close) = match t.chars().last()? {
        ')' => ('(', ')'),
        ']' => ('[', ']'),
        _ => return None,
    };
    // Only the last 90 bytes are searched: a credit is short, a paragraph long.
    let tail = tail_bytes(t, 90);
    // `open` is ASCII: a byte search finds it at a char boundary.
    let start = t.len() - tail.len() + memchr::memrchr(open as u8, tail.as_bytes())?;
    let inner = t.get(start + 1..t.len() - close.len_utf8())?.trim();
    (start > 0 && !inner.is_empty() && inner.len() <= 80).then_some(inner)
}

/// A credit in brackets: `File: Jane Doe/Reuters`, `Jane Doe/AFP`, `ABC News: Matt Roberts`,
/// `Supplied`.
// Out of line: rare (a line ending in a bracket), and inlined it makes its caller's hot
// path slower.
#[inline(never)]
fn is_bracket_credit(inner: &str) -> bool {
    // Every credit form has a slash or a colon, or is one of a few words.
    if !inner.contains(['/', ':']) {
        return ["file", "supplied", "file photo", "handout", "archive"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(inner))
            // `(Express Photo by Ganesh Shirsekar)`
            || (inner.len() <= 60 && contains_ci(inner, b" photo by "));
    }
    let lower = inner.to_lowercase();
    let body = ["file:", "photo:", "image:", "picture:", "foto:", "credit:"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .map(str::trim);
    let words = inner.split_whitespace().count();
    if let Some(rest) = body {
        return !rest.is_empty() && words <= 8;
    }
    // `Jane Doe/Reuters`: a name and an agency or outlet after a slash.
    if lower.contains('/') && words <= 8 {
        return lower.split('/').any(|p| {
            let p = p.trim();
            is_photo_agency(p) || KNOWN_OUTLETS.contains(p) || p.ends_with("images")
        }) || inner.split('/').any(|p| masthead_like(p.trim()));
    }
    // `ABC News: Matt Roberts`: an outlet (capitalised words), a colon and a name.
    if let Some((outlet, name)) = inner.split_once(':') {
        let capitalised = |s: &str| {
            let ws: Vec<&str> = s.split_whitespace().collect();
            (1..=4).contains(&ws.len()) && ws.iter().all(|w| w.starts_with(char::is_uppercase))
        };
        return capitalised(outlet) && capitalised(name) && masthead_like(outlet.trim());
    }
    false
}

/// An affiliate disclosure's subject: a commission, affiliate links, compensation.
fn mentions_commission(s: &str) -> bool {
    count_words(s, 61) <= 60 && {
        let lower = s.to_lowercase();
        ["commission", "affiliate", "compensat", "earn"]
            .iter()
            .any(|w| lower.contains(w))
    }
}

/// `1 of 12`, `3/12` alone: which picture of a gallery is shown.
fn is_gallery_counter(lower: &str) -> bool {
    let number = |w: &str| (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    if lower.len() > 12 || !lower.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    match lower.split_once(" of ") {
        Some((a, b)) => number(a.trim()) && number(b.trim()),
        None => false,
    }
}

/// `12 comments`, `Comments (12)`, `View 34 comments`.
/// Also other engagement counters: `124 shares`, `142 Likes`, `12 Restacks`.
fn is_comment_counter(lower: &str) -> bool {
    // A counter is a label, not the end of a sentence (`... drew 3,000 responses.`), and has
    // a number unless it is a `View comments` / `Show comments` link: most short lines stop
    // at the first test.
    if !lower.bytes().any(|b| b.is_ascii_digit())
        && !lower.starts_with("view")
        && !lower.starts_with("show")
    {
        return false;
    }
    if lower.split_whitespace().count() > 4 || lower.ends_with('.') {
        return false;
    }
    if !lower.contains("comment") && !lower.contains("responses") && !lower.contains("replies") {
        const COUNTED: &[&str] = &[
            "shares",
            "share",
            "likes",
            "like",
            "restacks",
            "reactions",
            "views",
            "reposts",
            "postings",
            "kommentare",
            "kommentarer",
            "comentarios",
            "reacties",
        ];
        let mut words = lower.split_whitespace();
        let (Some(n), Some(what), None) = (words.next(), words.next(), words.next()) else {
            return false;
        };
        let n = n.trim_end_matches(['k', 'm']).replace([',', '.'], "");
        return !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && COUNTED.contains(&what);
    }
    lower.bytes().any(|b| b.is_ascii_digit())
        || lower.starts_with("view")
        || lower.starts_with("show")
}

/// `The Associated Press contributed to this report.`: a credit wherever it stands.
pub fn is_contributor_note(s: &str) -> bool {
    // The SIMD search first: almost no line has the word, and counting scans every byte.
    mentions_contribution(s) && count_words(s, 26) <= 25
}

/// `contributed to this report` or `contributed reporting`: one search for the shared word,
/// the phrases only on the rare lines that have it.
fn mentions_contribution(s: &str) -> bool {
    // Every body line is searched: one SIMD searcher, built once.
    static CONTRIBUTED: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    CONTRIBUTED
        .get_or_init(|| memchr::memmem::Finder::new(b"contributed"))
        .find(s.as_bytes())
        .is_some()
        && (s.contains("contributed to this report") || s.contains("contributed reporting"))
}

/// `Reporting by ...; Editing by ...`, `Additional reporting by ...`.
pub fn is_wire_credit(s: &str) -> bool {
    const CREDITS: &[&str] = &[
        "reporting by",
        "additional reporting",
        "editing by",
        "writing by",
        "compiled by",
        "reporting and writing by",
        "edited by",
        "fact-checked by",
        "fact checked by",
        "reviewed by",
        "photographs by",
        "photography by",
        "illustration by",
        "illustrations by",
        "graphics by",
        "video by",
        "design by",
    ];
    // `(Reporting by ...; Editing by ...)` closing a republished wire story.
    let s = s.strip_prefix('(').unwrap_or(s);
    let words = count_words(s, 41);
    if words <= 25 && mentions_contribution(s) {
        return true;
    }
    words <= 40
        && CREDITS
            .iter()
            .any(|c| s.get(..c.len()).is_some_and(|h| h.eq_ignore_ascii_case(c)))
}

/// "5 min read", "Reading time: 4 minutes".
pub fn is_reading_time(s: &str) -> bool {
    if s.len() > 60 || s.split_whitespace().nth(6).is_some() {
        return false;
    }
    // Every form below has `min` or `read` in it (no other letters lowercase to those).
    if !contains_ci(s, b"min") && !contains_ci(s, b"read") {
        return false;
    }
    let lower = s.to_lowercase();
    // `6 min` alone under the date, or `(2 min)`.
    let bare = lower.strip_prefix('(').and_then(|l| l.strip_suffix(')'));
    if let Some((n, unit)) = bare.unwrap_or(&lower).split_once(' ') {
        if !n.is_empty()
            && n.len() <= 3
            && n.bytes().all(|b| b.is_ascii_digit())
            && ["min", "mins", "min."].contains(&unit.trim())
        {
            return true;
        }
    }
    if READING_TIME_WORDS.iter().any(|w| lower.contains(w)) {
        return true;
    }
    // `Lecture 3 min.`, `Lesezeit: 3 Minuten`, `Tempo de leitura: 4 min`: a reading word, a
    // number and a minute word in a short line.
    const READING: &[&str] = &[
        "lecture", "lesezeit", "lectura", "lettura", "leestijd", "leitura", "read", "läsetid",
        "czytania",
    ];
    const MINUTES: &[&str] = &["min", "minute", "minuten", "minutos", "minuti", "minutes"];
    lower.bytes().any(|b| b.is_ascii_digit())
        && lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| MINUTES.contains(&w))
        && lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| READING.contains(&w))
}

/// `World > Europe`, `Sport › Football`, `Home / News / Politics`.
pub fn is_breadcrumb(s: &str) -> bool {
    for sep in [">", "›", "»", "/", "▸", "→"] {
        if !s.contains(sep) {
            continue;
        }
        // `人民网>>国际`: a doubled `>` is one separator.
        let sep = if sep == ">" && s.contains(">>") {
            ">>"
        } else {
            sep
        };
        let parts: Vec<&str> = s.split(sep).map(str::trim).collect();
        if parts.len() >= 2
            && parts.len() <= 6
            && parts.iter().all(|p| {
                !p.is_empty()
                    && p.split_whitespace().count() <= 4
                    && !p.ends_with(['.', '?', '!'])
                    // A capital, or a letter of a script without case (`人民网>>国际`).
                    && p.chars().next().is_some_and(|c| {
                        c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase())
                    })
                    && !p.chars().any(|c| c.is_ascii_digit())
            })
        {
            return true;
        }
    }
    false
}

/// A known section word or phrase (`Opinion`, `UK Politics`), or a short ALL-CAPS line
/// (`SPORT`, `WORLD NEWS`).
pub fn is_section_word(s: &str) -> bool {
    // Most lines asked about are headlines: longer than any section, told without collecting
    // their words.
    if s.split_whitespace().nth(3).is_some() {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    // `DARIAN WOODS, HOST:` introduces what follows (a speaker, a list): no section.
    if words.is_empty() || words.len() > 3 || s.ends_with(['.', '?', '!', ',', ':']) {
        return false;
    }
    let lower = s.to_lowercase();
    if SECTION_WORDS.contains(&lower.as_str()) {
        return true;
    }
    // `UK Politics`, `Premier League Football`: the last word is a section word.
    let last = words[words.len() - 1].to_lowercase();
    if words.len() >= 2 && SECTION_WORDS.contains(&last.as_str()) && !masthead_like(s) {
        return true;
    }
    if NEWS_WORDS.contains(last.as_str()) && place_then_news(&words) {
        return true;
    }
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase()) && words.len() <= 3
}

/// A section word or phrase from the table (`UK`, `Politics`), not a line that is a section
/// only by being in capitals.
pub fn is_section_word_listed(s: &str) -> bool {
    SECTION_WORDS.contains(s.trim().to_lowercase().as_str())
}

/// A publication name: 1-6 capitalised words with a masthead word (`The Daily Ledger`,
/// `Northwire News`), not a sentence.
pub fn masthead_like(s: &str) -> bool {
    if count_words(s, 7) > 6 {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || s.ends_with(['.', '?', '!', ',', ':']) {
        return false;
    }
    let capitalised = words.iter().all(|w| {
        let w = w.trim_start_matches(['(', '"', '\'']);
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || NAME_PARTICLES.contains(&w)
            || ["of", "the", "and", "&"].contains(&w)
    });
    if !capitalised {
        return false;
    }
    let lower = s.to_lowercase();
    let single = lower.as_str();
    if KNOWN_OUTLETS.contains(single) || is_domain(s) {
        return true;
    }
    if words.len() == 1 {
        return MASTHEAD_WORDS.contains(&single.trim_start_matches("the"));
    }
    let first = words[0].to_lowercase();
    let last = words[words.len() - 1].to_lowercase();
    // `World News` and `India News` are sections, `Northwire News` a masthead.
    if SECTION_WORDS.contains(&lower.as_str())
        || (NEWS_WORDS.contains(last.as_str())
            && (SECTION_WORDS.contains(&first.as_str()) || place_then_news(&words)))
    {
        return false;
    }
    words
        .iter()
        .any(|w| MASTHEAD_WORDS.contains(&w.to_lowercase().trim_matches(['\'', '’', 's'])))
        || words
            .iter()
            .any(|w| MASTHEAD_WORDS.contains(&w.to_lowercase().as_str()))
}

/// `India News`, `New York News`: every word before the news word is a place.
fn place_then_news(words: &[&str]) -> bool {
    words.len() >= 2
        && words[..words.len() - 1]
            .iter()
            .all(|w| PLACE_WORDS.contains(w.to_lowercase().as_str()))
}

/// A known outlet without a masthead word (`Bloomberg`, `POLITICO`, `NPR`) or a domain name
/// (`Kompas.com`).
pub fn is_outlet(s: &str) -> bool {
    let s = s.trim();
    s.len() <= 40 && (KNOWN_OUTLETS.contains(s.to_lowercase().as_str()) || is_domain(s))
}

/// `Kompas.com`, `TIMESOFINDIA.COM`, `news.example.co.uk`: one token of labels joined by dots,
/// the last two to four letters in one case.
pub fn is_domain(s: &str) -> bool {
    let s = s.trim();
    if s.len() > 60 || s.contains(char::is_whitespace) || !s.contains('.') {
        return false;
    }
    let labels: Vec<&str> = s.split('.').collect();
    let Some(tld) = labels.last() else {
        return false;
    };
    labels.len() >= 2
        && (2..=4).contains(&tld.len())
        && (tld.chars().all(|c| c.is_ascii_lowercase())
            || tld.chars().all(|c| c.is_ascii_uppercase()))
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
                && l.chars().any(char::is_alphabetic)
        })
        && labels[0].chars().count() >= 2
}

/// Whether a word joins names.
pub fn is_joiner(w: &str) -> bool {
    // The longest joiner has four letters: longer words need no lowercase copy.
    w.len() <= 5 && NAME_JOINERS.contains(&w.to_lowercase().as_str())
}

/// Whether a line reads like running text: a sentence of some length, or long.
pub fn paragraph_like(s: &str) -> bool {
    let end = s.trim_end_matches(['"', '”', '’', '\'', ')', '»']);
    let statement = end.ends_with(['.', '…', ':', ';']);
    let question = end.ends_with(['!', '?']);
    // Thirty words take 59 bytes at least: a shorter line that ends no sentence is no paragraph.
    if !statement && !question && s.len() < 59 {
        return false;
    }
    // Only "at least 30" matters: long paragraphs stop counting there.
    let words = count_tokens(s, 30);
    // Headlines may ask questions; a question needs more words to count as running text.
    words >= 30 || (statement && words >= 8) || (question && words >= 16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn galleries_credits_addresses_and_split_dates() {
        assert_eq!(kind("1 of 12"), "boilerplate:gallery counter");
        assert!(!is_gallery_counter("1 of the 12"));
        assert_eq!(
            kind("Joe Lewnard/jlewnard@dailyherald.com"),
            "boilerplate:photo"
        );
        assert_eq!(kind("kim@yna.co.kr"), "boilerplate:contact line");
        assert_eq!(kind("(2 min)"), "reading_time");
        assert_eq!(
            kind("(Reporting by Jane Doe; Editing by John Roe)"),
            "boilerplate:wire credit"
        );
        assert_eq!(kind("김철수 기자"), "byline:김철수");
        assert_eq!(
            kind("Photos: Thousands turn out for the parade in Chicago"),
            "text"
        );
        assert_eq!(kind("Photos: Jane Doe/Reuters"), "boilerplate:photo");
        let ctx = ctx();
        assert_eq!(segments("9:15 AM PDT · March 17, 2025", &ctx).len(), 1);
        assert_eq!(
            segments("Published 5 days ago | Updated 2 hours ago", &ctx).len(),
            2
        );
        assert_eq!(segments("By Jane Doe | March 3, 2025", &ctx).len(), 2);
    }

    #[test]
    fn token_counts_agree_with_split_whitespace_at_every_cap() {
        let texts = [
            "",
            "one",
            "  two  words\t",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z",
            "tabs\tand\nnew\x0blines\x0c\rhere   and there, longer than eight bytes",
            "é è  日本 語 한국어 mixed with ascii words after them",
            "x\u{2003}y\u{3000}z\u{85}w\u{a0}v and\u{2028}more\u{202f}text",
            "12345678 12345678\u{1680}12345678        12345678",
            "        ",
            "\u{1f}\u{7f}!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ tokens",
        ];
        for text in texts {
            let all = text.split_whitespace().count();
            assert_eq!(count_tokens(text, usize::MAX), all, "{text:?}");
            for cap in 1..=all + 1 {
                assert_eq!(count_tokens(text, cap), all.min(cap), "{text:?} cap {cap}");
            }
        }
    }

    fn ctx() -> Resolver {
        Resolver::new(&crate::dates::Context::from_rfc3339("2026-11-26T02:20:00Z").unwrap())
    }

    fn kind(s: &str) -> String {
        match classify(s, &ctx(), None) {
            Kind::Boilerplate(w) => format!("boilerplate:{w}"),
            Kind::ReadingTime => "reading_time".into(),
            Kind::DateLabel(u) => format!("date_label:{u}"),
            Kind::Byline(n, d) => format!(
                "byline:{n}{}",
                d.iter().map(|h| format!("|{}", h.text)).collect::<String>()
            ),
            Kind::Source(s) => format!("source:{s}"),
            Kind::Section(s) => format!("section:{s}"),
            Kind::Date(d) => format!(
                "date:{}",
                d.iter()
                    .map(|h| h.text.as_str())
                    .collect::<Vec<_>>()
                    .join("|")
            ),
            Kind::NameLike => "name".into(),
            Kind::Text => "text".into(),
        }
    }

    #[test]
    fn header_lines_are_classified() {
        let cases: &[(&str, &str)] = &[
            ("Advertisement", "boilerplate:advertisement"),
            ("ADVERTISEMENT", "boilerplate:advertisement"),
            ("Share", "share_buttons"),
            ("Share this article", "share_buttons"),
            ("Share this articleFacebookTwitterWhatsApp", "share_buttons"),
            ("Facebook Twitter Email Copy link", "share_buttons"),
            ("X", "share_buttons"),
            ("Photo: Jane Doe/Reuters", "boilerplate:photo"),
            (
                "Image caption, Crowds gathered on Sunday",
                "boilerplate:photo",
            ),
            ("(Photo by John Roe/Getty Images)", "boilerplate:photo"),
            ("Getty Images", "boilerplate:photo"),
            ("Reuters/Jane Doe", "boilerplate:photo"),
            ("142 comments", "boilerplate:comment counter"),
            ("Comments (12)", "boilerplate:comment counter"),
            ("5 min read", "reading_time"),
            ("Reading time: 4 minutes", "reading_time"),
            ("Lecture 3 min.", "reading_time"),
            ("3 min de lectura", "reading_time"),
            ("Lesezeit: 3 Minuten", "reading_time"),
            ("Posted by admin on January 5, 2025", "byline:admin|January 5, 2025"),
            ("Published", "date_label:false"),
            ("Updated:", "date_label:true"),
            ("By Jane Doe", "byline:Jane Doe"),
            ("BY JANE DOE", "byline:JANE DOE"),
            (
                "By Jane Doe, Political Editor",
                "byline:Jane Doe, Political Editor",
            ),
            ("By Jane Doe and John Roe", "byline:Jane Doe and John Roe"),
            ("Author: Ana Pérez", "byline:Ana Pérez"),
            (
                "Posted by Sam Lee on March 3, 2025",
                "byline:Sam Lee|March 3, 2025",
            ),
            ("By Jane DoeMarch 3, 2025", "byline:Jane Doe|March 3, 2025"),
            ("By Jane Doe Updated March 4, 2025", "byline:Jane Doe|March 4, 2025"),
            ("By Jane Doe @janedoe", "byline:Jane Doe @janedoe"),
            ("Reuters/Jane Doe", "boilerplate:photo"),
            (
                "A man walks past a damaged building in Kyiv on Tuesday (Reuters)",
                "boilerplate:photo",
            ),
            ("Von Anna Müller", "byline:Anna Müller"),
            ("By the time we arrived, the hall was full.", "text"),
            ("Source: The Daily Ledger", "source:The Daily Ledger"),
            ("Category: Local News", "section:Local News"),
            ("Filed under: Elections", "section:Elections"),
            ("World > Europe", "section:World > Europe"),
            ("Sport › Football", "section:Sport › Football"),
            ("Opinion", "section:Opinion"),
            ("UK Politics", "section:UK Politics"),
            ("SPORT", "section:SPORT"),
            ("News", "section:News"),
            ("8 months ago", "date:8 months ago"),
            ("March 3, 2025", "date:March 3, 2025"),
            ("Tue 4 Mar 2025 14.30 GMT", "date:Tue 4 Mar 2025 14.30 GMT"),
            ("Hire Arrive", "name"),
            (
                "Posted on March 3, 2025 by Emma Green",
                "byline:Emma Green|March 3, 2025",
            ),
            (
                "Copyright 2025 The Associated Press. All Rights Reserved.",
                "boilerplate:copyright",
            ),
            ("Like Loading...", "boilerplate:navigation"),
            ("Follow Jane Doe on X", "boilerplate:follow prompt"),
            ("Edited by John Roe", "boilerplate:wire credit"),
            (
                "Download The Times of India News App for Latest India News",
                "boilerplate:app prompt",
            ),
            (
                "Contact Sarah McKenzie at smckenzie@doverpost.com.",
                "boilerplate:contact line",
            ),
            (
                "The Associated Press contributed to this report.",
                "boilerplate:wire credit",
            ),
            (
                "Firefighters tackle the blaze near Vati on Tuesday. Photograph: Nikos Karras/Reuters",
                "boilerplate:photo",
            ),
            ("Reporting by Northwire", "boilerplate:wire credit"),
            ("Northwire Staff", "name"),
            ("Jan Nowak in Kraków", "name"),
            (
                "Starmer Urges US-Backed Security Guarantees as Key to Ukraine Peace Deal",
                "text",
            ),
            ("Council approves budget after long night", "text"),
            ("Angga Laksana - detikJateng", "byline:Angga Laksana"),
            ("Real Madrid - Barcelona", "text"),
            ("Por Fulano de Tal, g1 — Brasília", "byline:Fulano de Tal, g1 — Brasília"),
            ("By Jane Doe, 2 min read", "reading_time"),
            ("来源：新华社", "source:新华社"),
            ("Accept All", "boilerplate:cookie notice"),
            ("Skip Ad", "boilerplate:advertisement"),
            ("Jaco Marais/News24", "boilerplate:photo"),
            ("FAMILY PHOTO", "boilerplate:photo"),
            ("Published in Dawn, March 5th, 2025", "boilerplate:print edition note"),
            ("Published in 1851, the novel sold poorly at first.", "text"),
            (
                "Bryan Marquard can be reached at bryan.marquard@globe.com.",
                "boilerplate:contact line",
            ),
            ("Distribuie pe Facebook", "share_buttons"),
            ("(ams/ams)", "boilerplate:editor credit"),
            ("BMC, Mumbai news, garbage collection", "boilerplate:tags"),
            ("Paris, London, Berlin", "name"),
            ("(AP)", "name"),
            ("Urmărește știrile Digi24.ro și pe Google News", "boilerplate:follow prompt"),
            (
                "The BMC headquarters in south Mumbai. (Express Photo by Ganesh Shirsekar)",
                "boilerplate:photo",
            ),
            ("人民网>>国际", "section:人民网>>国际"),
            (
                "(Except for the headline, this story has not been edited by NDTV staff and is published from a syndicated feed.)",
                "boilerplate:syndication note",
            ),
            ("(c) Agencia EFE", "boilerplate:copyright"),
            (
                "Emmanuel Macron à l’Elysée, à Paris, le 4 mars 2025. LUDOVIC MARIN / AFP",
                "boilerplate:photo",
            ),
        ];
        check_kinds(cases);
    }

    /// Every line classifies as its expected kind (all failures listed at once).
    fn check_kinds(cases: &[(&str, &str)]) {
        let mut failures = Vec::new();
        for (input, expected) in cases {
            let expected = expected.replace("share_buttons", "boilerplate:share buttons");
            let got = kind(input);
            if got != expected {
                failures.push(format!("{input:?}: expected {expected:?}, got {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn combined_and_glued_lines_are_split() {
        let cases: &[(&str, &[&str])] = &[
            (
                "By Jane Doe | June 12, 2025",
                &["By Jane Doe", "June 12, 2025"],
            ),
            ("Politics · 4 min read", &["Politics", "4 min read"]),
            ("News • 8 months ago", &["News", "8 months ago"]),
            ("Jane DoeMarch 3, 2025", &["Jane Doe", "March 3, 2025"]),
            (
                "March 3, 2025 4:12 PM GMTUpdated 2 hours ago",
                &["March 3, 2025 4:12 PM GMT", "Updated 2 hours ago"],
            ),
            (
                "Published 3 March 2025Updated 4 March",
                &["Published 3 March 2025", "Updated 4 March"],
            ),
            ("McDonald’s profits rise", &["McDonald’s profits rise"]),
        ];
        for (input, expected) in cases {
            assert_eq!(segments(input, &ctx()), *expected, "{input}");
        }
    }

    #[test]
    fn case_insensitive_search_finds_words_anywhere() {
        let newsletter = Keyword::new("newsletter");
        assert!(newsletter.is_in("Sign up to our Newsletter"));
        assert!(newsletter.is_in("NEWSLETTER"));
        assert!(newsletter.is_in("newsletter"));
        assert!(!newsletter.is_in("ewsletter and news letter"));
        assert!(!newsletter.is_in(""));
        assert!(Keyword::new("a").is_in("A"));
        assert!(Keyword::new("photo").is_in("Crowds. Photograph: X"));
    }

    #[test]
    fn mastheads_are_recognised() {
        for yes in [
            "The Daily Ledger",
            "Northwire News",
            "The Harbour Gazette",
            "Le Monde",
        ] {
            assert!(masthead_like(yes), "{yes}");
        }
        for no in [
            "World News",
            "Opinion",
            "Council approves budget",
            "Hire Arrive",
        ] {
            assert!(!masthead_like(no), "{no}");
        }
    }

    #[test]
    fn paragraphs_are_told_from_titles() {
        assert!(paragraph_like(
            "London, UK – Keir Starmer, leader of the UK Labour Party, has called for a role."
        ));
        assert!(!paragraph_like(
            "Starmer Urges US-Backed Security Guarantees as Key to Ukraine Peace Deal"
        ));
        assert!(!paragraph_like(
            "Is this the end of the road for the party?"
        ));
    }

    #[test]
    fn outlets_domains_and_place_sections() {
        for yes in [
            "Bloomberg",
            "POLITICO",
            "NPR",
            "Kompas.com",
            "TIMESOFINDIA.COM",
            "NOS Nieuws",
        ] {
            assert!(masthead_like(yes), "{yes}");
        }
        for no in [
            "India News",
            "New York News",
            "Mr.Smith",
            "U.S.",
            "S.Paulo",
            "World News",
        ] {
            assert!(!masthead_like(no), "{no}");
        }
        assert!(is_section_word("India News"));
        assert!(is_domain("news.example.co.uk"));
        assert!(!is_domain("example."));
        assert!(!is_domain("a.b c.com"));
    }

    #[test]
    fn newer_chrome_is_boilerplate() {
        let cases: &[(&str, &str)] = &[
            ("124 shares", "boilerplate:comment counter"),
            ("142 Likes", "boilerplate:comment counter"),
            ("Responses (3)", "boilerplate:comment counter"),
            ("share2", "share_buttons"),
            ("Share Article via Facebook", "share_buttons"),
            ("Artikel teilen", "share_buttons"),
            (
                "Palestinians inspect the rubble of a destroyed house in Khan Younis, southern Gaza [File: Mohammed Salem/Reuters]",
                "boilerplate:photo",
            ),
            (
                "Anthony Albanese speaks during Question Time in Parliament House. (ABC News: Matt Roberts)",
                "boilerplate:photo",
            ),
            (
                "Senate Majority Leader John Thune walks to the chamber on Tuesday. (Jabin Botsford/The Washington Post)",
                "boilerplate:photo",
            ),
            (
                "Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.",
                "boilerplate:copyright",
            ),
            ("Heard on All Things Considered", "boilerplate:audio player"),
            ("Ascolta l'articolo", "boilerplate:audio player"),
            ("Baca juga: Daftar UMP 2025", "boilerplate:read more"),
            ("4-Minute Listen", "reading_time"),
            ("6 min", "reading_time"),
            ("By political reporter Tom Crowley", "byline:political reporter Tom Crowley"),
            ("di Marco Rossi", "byline:Marco Rossi"),
            ("Penulis Budi Santoso", "byline:Budi Santoso"),
            ("dal nostro inviato Marco Rossi", "byline:dal nostro inviato Marco Rossi"),
            ("[1/3]Released prisoners pose for a picture", "boilerplate:photo"),
            (
                "Prisoners pose after a swap. REUTERS/Jane Roe Purchase Licensing Rights, opens new tab",
                "boilerplate:photo",
            ),
            ("[Updated] The council met", "text"),
            // Not chrome: a sentence that ends in a count, a bracket that is not a credit.
            ("The consultation drew more than 3,000 responses.", "text"),
            ("The minister spoke to reporters (in French)", "text"),
            ("di solito si parla di politica", "text"),
        ];
        check_kinds(cases);
    }

    #[test]
    fn spaced_slashes_split_header_lines_but_not_headlines() {
        assert_eq!(
            segments(
                "TOI News Desk / TIMESOFINDIA.COM / Updated: Mar 3, 2025, 14:32 IST",
                &ctx()
            ),
            [
                "TOI News Desk",
                "TIMESOFINDIA.COM",
                "Updated: Mar 3, 2025, 14:32 IST"
            ]
        );
        assert_eq!(
            segments("Love / Hate: the new album reviewed", &ctx()),
            ["Love / Hate: the new album reviewed"]
        );
    }
}
