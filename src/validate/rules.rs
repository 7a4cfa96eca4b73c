//! The news quality rules: what JSON Schema cannot say about an article (duplicates, dates out
//! of order, leftovers of bad extraction). Owns rule ids, default severities, descriptions and
//! the per-record checks; does not own locations or reports (the engine adds those).
//!
//! Per-record checks run in the workers. The duplicate rules need every record seen so far, so
//! the workers only compute 64-bit fingerprints and the engine compares them in input order.

use std::hash::{Hash, Hasher};

use serde_json::Value;

use super::Severity;

/// One quality rule. `Rule::ALL` lists them in the order `--list-rules` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    DuplicateId,
    DuplicateUrl,
    DuplicateTitle,
    ShortBody,
    DateAfterScrape,
    DateTextUnresolved,
    WordCountMismatch,
    Mojibake,
    ReplacementChar,
    HtmlResidue,
    Boilerplate,
    TitleInBody,
    ModifiedBeforePublished,
    TruncatedBody,
}

impl Rule {
    pub const ALL: [Rule; 14] = [
        Rule::DuplicateId,
        Rule::DuplicateUrl,
        Rule::DuplicateTitle,
        Rule::ShortBody,
        Rule::DateAfterScrape,
        Rule::DateTextUnresolved,
        Rule::WordCountMismatch,
        Rule::Mojibake,
        Rule::ReplacementChar,
        Rule::HtmlResidue,
        Rule::Boilerplate,
        Rule::TitleInBody,
        Rule::ModifiedBeforePublished,
        Rule::TruncatedBody,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Rule::DuplicateId => "duplicate-id",
            Rule::DuplicateUrl => "duplicate-url",
            Rule::DuplicateTitle => "duplicate-title",
            Rule::ShortBody => "short-body",
            Rule::DateAfterScrape => "date-after-scrape",
            Rule::DateTextUnresolved => "date-text-unresolved",
            Rule::WordCountMismatch => "word-count-mismatch",
            Rule::Mojibake => "mojibake",
            Rule::ReplacementChar => "replacement-char",
            Rule::HtmlResidue => "html-residue",
            Rule::Boilerplate => "boilerplate",
            Rule::TitleInBody => "title-in-body",
            Rule::ModifiedBeforePublished => "modified-before-published",
            Rule::TruncatedBody => "truncated-body",
        }
    }

    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    pub fn default_severity(self) -> Severity {
        match self {
            Rule::DuplicateId | Rule::DateAfterScrape => Severity::Error,
            _ => Severity::Warning,
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Rule::DuplicateId => "two records share an id",
            Rule::DuplicateUrl => "two records share a url",
            Rule::DuplicateTitle => "two records share source and title",
            Rule::ShortBody => "body is empty or shorter than --min-body-words words",
            Rule::DateAfterScrape => "date_published is later than scraped_at",
            Rule::DateTextUnresolved => "date_text is present but date_published is null",
            Rule::WordCountMismatch => "word_count disagrees with the words in body",
            Rule::Mojibake => "text decoded with the wrong charset (\"â€™\", \"Ã©\")",
            Rule::ReplacementChar => "text holds U+FFFD, a character lost in decoding",
            Rule::HtmlResidue => "HTML tags or entities left in text",
            Rule::Boilerplate => {
                "page furniture left in the body (\"Advertisement\", \"Share this article\")"
            }
            Rule::TitleInBody => "the title repeated as the first line of the body",
            Rule::ModifiedBeforePublished => "date_modified is earlier than date_published",
            Rule::TruncatedBody => {
                "body cut off: a feed excerpt (\"[+1234 chars]\", \"…\"), a \"Read more\" link or a paywall"
            }
        }
    }
}

/// Something a rule found in one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub pointer: String,
    pub message: String,
}

/// The 64-bit fingerprints the duplicate rules compare: id, url, and source + title.
pub type Fingerprints = [Option<u64>; 3];

/// Which rules run, at which severity, with which settings.
#[derive(Debug, Clone)]
pub struct RuleSet {
    severity: [Option<Severity>; Rule::ALL.len()],
    /// `short-body` fires below this many words.
    pub min_body_words: u64,
}

impl Default for RuleSet {
    /// Every rule at its default severity.
    fn default() -> Self {
        let mut severity = [None; Rule::ALL.len()];
        for r in Rule::ALL {
            severity[r as usize] = Some(r.default_severity());
        }
        RuleSet {
            severity,
            min_body_words: 40,
        }
    }
}

impl RuleSet {
    /// No rule runs (a schema other than the bundled article schema).
    pub fn none() -> Self {
        RuleSet {
            severity: [None; Rule::ALL.len()],
            ..RuleSet::default()
        }
    }

    /// Turns a rule on at a severity, or off with `None` (`--deny`, `--warn`, `--allow`).
    pub fn set(&mut self, rule: Rule, severity: Option<Severity>) {
        self.severity[rule as usize] = severity;
    }

    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        self.severity[rule as usize]
    }

    pub fn any_enabled(&self) -> bool {
        self.severity.iter().any(Option::is_some)
    }

    fn on(&self, rule: Rule) -> bool {
        self.severity[rule as usize].is_some()
    }

    /// Whether any duplicate rule runs (then the engine keeps a fingerprint per record).
    pub fn checks_duplicates(&self) -> bool {
        self.on(Rule::DuplicateId) || self.on(Rule::DuplicateUrl) || self.on(Rule::DuplicateTitle)
    }

    /// Fingerprints of the fields the enabled duplicate rules compare.
    pub fn fingerprints(&self, record: &Value) -> Fingerprints {
        let s = |k: &str| record.get(k).and_then(Value::as_str);
        let id = match record.get("id") {
            Some(Value::String(s)) if !s.is_empty() => Some(hash(&[s.as_str()])),
            Some(Value::Number(n)) => Some(hash(&[n.to_string().as_str()])),
            _ => None,
        };
        let url = s("url").filter(|u| !u.is_empty()).map(|u| hash(&[u]));
        let title = s("title")
            .filter(|t| !t.trim().is_empty())
            .map(|t| hash(&[s("source").unwrap_or(""), t]));
        [
            id.filter(|_| self.on(Rule::DuplicateId)),
            url.filter(|_| self.on(Rule::DuplicateUrl)),
            title.filter(|_| self.on(Rule::DuplicateTitle)),
        ]
    }

    /// Runs the per-record rules on one record.
    pub fn check(&self, record: &Value, out: &mut Vec<Finding>) {
        let Some(obj) = record.as_object() else {
            return;
        };
        let text = |k: &str| obj.get(k).and_then(Value::as_str);
        let mut find = |rule: Rule, pointer: &str, message: String| {
            out.push(Finding {
                rule,
                pointer: pointer.to_string(),
                message,
            })
        };
        let body = text("body");
        let words = match body {
            Some(b) if self.on(Rule::ShortBody) || self.on(Rule::WordCountMismatch) => {
                count_words(b)
            }
            _ => 0,
        };

        if self.on(Rule::ShortBody) && body.is_some() {
            if words == 0 {
                find(Rule::ShortBody, "/body", "body is empty".into());
            } else if words < self.min_body_words {
                find(
                    Rule::ShortBody,
                    "/body",
                    format!(
                        "body has {words} word{}, expected at least {}",
                        if words == 1 { "" } else { "s" },
                        self.min_body_words
                    ),
                );
            }
        }
        if self.on(Rule::DateAfterScrape) {
            if let (Some(p), Some(s)) = (text("date_published"), text("scraped_at")) {
                if let (Ok(pt), Ok(st)) =
                    (p.parse::<jiff::Timestamp>(), s.parse::<jiff::Timestamp>())
                {
                    if pt > st {
                        find(
                            Rule::DateAfterScrape,
                            "/date_published",
                            format!("date_published {p} is after scraped_at {s}"),
                        );
                    }
                }
            }
        }
        if self.on(Rule::ModifiedBeforePublished) {
            if let (Some(p), Some(m)) = (text("date_published"), text("date_modified")) {
                if let (Ok(pt), Ok(mt)) =
                    (p.parse::<jiff::Timestamp>(), m.parse::<jiff::Timestamp>())
                {
                    if mt < pt {
                        find(
                            Rule::ModifiedBeforePublished,
                            "/date_modified",
                            format!("date_modified {m} is before date_published {p}"),
                        );
                    }
                }
            }
        }
        if self.on(Rule::DateTextUnresolved) {
            let has_text = text("date_text").is_some_and(is_date_like);
            let no_date = matches!(obj.get("date_published"), None | Some(Value::Null));
            if has_text && no_date {
                find(
                    Rule::DateTextUnresolved,
                    "/date_published",
                    format!(
                        "date_text {:?} is present but date_published is null",
                        text("date_text").unwrap_or_default()
                    ),
                );
            }
        }
        if self.on(Rule::WordCountMismatch) {
            if let (Some(_), Some(n)) = (body, obj.get("word_count").and_then(Value::as_u64)) {
                if words != n {
                    find(
                        Rule::WordCountMismatch,
                        "/word_count",
                        format!(
                            "word_count is {n} but body has {words} word{}",
                            if words == 1 { "" } else { "s" }
                        ),
                    );
                }
            }
        }
        let check_text =
            self.on(Rule::Mojibake) || self.on(Rule::ReplacementChar) || self.on(Rule::HtmlResidue);
        if check_text {
            for field in TEXT_FIELDS {
                match obj.get(*field) {
                    Some(Value::String(s)) => {
                        self.check_text(s, &format!("/{field}"), field, &mut find)
                    }
                    Some(Value::Array(items)) => {
                        for (i, item) in items.iter().enumerate() {
                            if let Value::String(s) = item {
                                let name = format!("{field}[{i}]");
                                self.check_text(s, &format!("/{field}/{i}"), &name, &mut find);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        if let Some(body) = body {
            if self.on(Rule::Boilerplate) {
                for (n, para) in body.lines().enumerate() {
                    let para = para.trim();
                    if is_boilerplate(para) {
                        find(
                            Rule::Boilerplate,
                            "/body",
                            format!("body line {} is page furniture: {para:?}", n + 1),
                        );
                    }
                }
            }
            if self.on(Rule::TruncatedBody) {
                if let Some(why) = truncation(body) {
                    find(
                        Rule::TruncatedBody,
                        "/body",
                        format!("body is cut off: {why}"),
                    );
                }
            }
            if self.on(Rule::TitleInBody) {
                if let (Some(title), Some(first)) =
                    (text("title"), body.lines().find(|l| !l.trim().is_empty()))
                {
                    let (t, f) = (title.trim(), first.trim());
                    let same = t == f
                        || t.chars()
                            .flat_map(char::to_lowercase)
                            .eq(f.chars().flat_map(char::to_lowercase));
                    if !t.is_empty() && same {
                        find(
                            Rule::TitleInBody,
                            "/body",
                            "body starts with the title: expected the first paragraph".into(),
                        );
                    }
                }
            }
        }
    }

    fn check_text(
        &self,
        s: &str,
        pointer: &str,
        field: &str,
        find: &mut impl FnMut(Rule, &str, String),
    ) {
        if self.on(Rule::Mojibake) {
            if let Some(m) = mojibake(s) {
                find(
                    Rule::Mojibake,
                    pointer,
                    format!("{field} holds mojibake {m:?}: UTF-8 text decoded as Windows-1252"),
                );
            }
        }
        if self.on(Rule::ReplacementChar) && s.contains('\u{FFFD}') {
            find(
                Rule::ReplacementChar,
                pointer,
                format!("{field} holds U+FFFD: characters were lost in decoding"),
            );
        }
        if self.on(Rule::HtmlResidue) {
            if let Some(h) = html_residue(s) {
                find(
                    Rule::HtmlResidue,
                    pointer,
                    format!("{field} holds HTML {h:?}: expected plain text"),
                );
            }
        }
    }
}

/// Why a body looks cut off, if it does: a feed or API excerpt (`[+1234 chars]`, a trailing
/// ellipsis), a "read more" link in place of the rest, or a paywall prompt near the end.
pub fn truncation(body: &str) -> Option<String> {
    let mut tail = body.lines().rev().map(str::trim).filter(|l| !l.is_empty());
    let last = tail.next()?;
    // NewsAPI-style "... [+2345 chars]".
    if let Some(open) = last.rfind("[+") {
        let rest = &last[open + 2..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].trim_start().starts_with("char") && rest.ends_with(']') {
            return Some(format!(
                "it ends with the excerpt marker {:?}",
                &last[open..]
            ));
        }
    }
    if last.ends_with('…') || (last.ends_with("...") && !last.ends_with("....")) {
        let end: String = last
            .chars()
            .rev()
            .take(40)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        return Some(format!("it ends mid-text with an ellipsis: {end:?}"));
    }
    const MORE: &[&str] = &[
        "read more",
        "continue reading",
        "read the full article",
        "read the full story",
        "read full story",
        "read full article",
        "click here to read more",
        "lire la suite",
        "weiterlesen",
        "seguir leyendo",
        "leer más",
        "continua a leggere",
        "leia mais",
    ];
    // Lowercased only when short: this runs on every body.
    if last.len() <= 64 {
        let lower = last.to_lowercase();
        let bare = lower.trim_end_matches(|c: char| !c.is_alphanumeric());
        if MORE.contains(&bare) {
            return Some(format!("its last line is a link to the rest: {last:?}"));
        }
    }
    const PAYWALL: &[&str] = &[
        "subscribe to continue reading",
        "subscribe to read",
        "to continue reading",
        "this article is for subscribers",
        "this content is for subscribers",
        "exclusive to subscribers",
        "subscribers only",
        "you have reached your limit",
        "you've reached your limit",
        "free article limit",
        "already a subscriber",
        "sign in to continue",
        "log in to continue",
    ];
    for line in std::iter::once(last).chain(tail.take(2)) {
        if line.len() <= 200 {
            let lower = line.to_lowercase();
            if let Some(p) = PAYWALL.iter().find(|p| lower.contains(*p)) {
                return Some(format!("a paywall prompt near the end ({p:?}): {line:?}"));
            }
        }
    }
    None
}

/// Whether date text could name a date: not empty, not a placeholder like `n/a` or `—`.
fn is_date_like(t: &str) -> bool {
    let t = t.trim();
    t.chars().any(char::is_alphanumeric)
        && !matches!(
            t.to_ascii_lowercase().as_str(),
            "n/a" | "na" | "none" | "null" | "unknown" | "undated" | "no date"
        )
}

/// The number of whitespace-separated words, exactly as `crate::word_count` counts them
/// (Unicode whitespace), but fast: this runs on every body. A first pass counts word starts
/// with ASCII whitespace only (a loop the compiler vectorises); a second pass visits the few
/// multi-byte whitespace characters (U+0085, U+00A0, U+2000..U+205F, U+3000) and corrects the
/// count for each, in order.
pub fn count_words(s: &str) -> u64 {
    let b = s.as_bytes();
    if b.is_empty() {
        return 0;
    }
    if memchr::memmem::find(b, "\u{1680}".as_bytes()).is_some() {
        // U+1680 (Ogham space mark) is the one whitespace led by 0xE1: too rare to optimise.
        return crate::word_count(s);
    }
    let ascii_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C);
    // Eight bytes at a time: a word starts at each non-space byte after a space byte.
    let mut words = 0i64;
    let mut prev_space = true;
    let mut blocks = b.chunks_exact(8);
    for block in &mut blocks {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(block);
        let space = ascii_space_flags(u64::from_le_bytes(bytes));
        let before = (space << 8) | if prev_space { 0x80 } else { 0 };
        words += i64::from((!space & before & HIGH_BITS).count_ones());
        prev_space = space >> 63 == 1;
    }
    for &c in blocks.remainder() {
        let space = ascii_space(c);
        words += i64::from(prev_space && !space);
        prev_space = space;
    }
    let mut last_end = usize::MAX;
    for p in memchr::memchr3_iter(0xC2, 0xE2, 0xE3, b) {
        let len = match (b[p], b.get(p + 1), b.get(p + 2)) {
            (0xC2, Some(0x85 | 0xA0), _) => 2,
            (0xE2, Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF))
            | (0xE2, Some(0x81), Some(0x9F))
            | (0xE3, Some(0x80), Some(0x80)) => 3,
            _ => continue,
        };
        // Turning bytes p..p+len from word into space: the word start counted at p (if the
        // byte before was space) goes, and one appears after it (if a word byte follows).
        let space_before = p == 0 || ascii_space(b[p - 1]) || last_end == p;
        let word_after = b.get(p + len).is_some_and(|&c| !ascii_space(c));
        words += i64::from(word_after) - i64::from(space_before);
        last_end = p + len;
    }
    words.max(0) as u64
}

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = LOW_BITS * 0x80;

/// For eight bytes in a word, the high bit of each byte set exactly when that byte is ASCII
/// whitespace (space, or 0x09..=0x0D). No carry crosses a byte: every sum stays below 0x100.
fn ascii_space_flags(x: u64) -> u64 {
    let non_ascii = x & HIGH_BITS;
    let low = x & (LOW_BITS * 0x7F);
    let t = low ^ (LOW_BITS * 0x20);
    let is_space_char = !((t + LOW_BITS * 0x7F) | t) & HIGH_BITS;
    let at_least_09 = low + LOW_BITS * (0x80 - 0x09);
    let at_least_0e = low + LOW_BITS * (0x80 - 0x0E);
    let control_space = at_least_09 & !at_least_0e & HIGH_BITS;
    (is_space_char | control_space) & !non_ascii
}

/// Fields holding human text, checked for mojibake, U+FFFD and HTML.
const TEXT_FIELDS: &[&str] = &[
    "title",
    "byline",
    "authors",
    "source",
    "section",
    "date_text",
    "dateline",
    "body",
];

fn hash(parts: &[&str]) -> u64 {
    // DefaultHasher::new() has fixed keys, so fingerprints are the same on every run.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for p in parts {
        p.hash(&mut h);
    }
    h.finish()
}

/// The first mojibake sequence in `s`: UTF-8 bytes read as Windows-1252 or Latin-1, as in
/// `â€™` (for `’`), `Ã©` (for `é`), `Â£` (for `£`) or `ðŸ` (the start of an emoji).
pub fn mojibake(s: &str) -> Option<String> {
    // 'Ã', 'Â', 'â' and 'ð' are all encoded as 0xC3 followed by one byte: find those fast.
    let b = s.as_bytes();
    for i in memchr::memchr_iter(0xC3, b) {
        let c = match b.get(i + 1) {
            Some(0x83) => 'Ã',
            Some(0x82) => 'Â',
            Some(0xA2) => 'â',
            Some(0xB0) => 'ð',
            _ => continue,
        };
        let Some(next) = s.get(i + 2..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let hit = match c {
            // Ã/Â + a Latin-1 continuation-range character (U+0080..U+00BF), or a Windows-1252
            // punctuation character in the same byte range.
            'Ã' | 'Â' => {
                ('\u{80}'..='\u{BF}').contains(&next)
                    || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(next)
            }
            'â' => next == '€' || next == '„',
            'ð' => next == 'Ÿ',
            _ => false,
        };
        if hit {
            let end = s[i..].char_indices().nth(3).map_or(s.len(), |(j, _)| i + j);
            return Some(s[i..end].to_string());
        }
    }
    None
}

/// The first HTML tag (`<p>`, `</div>`, `<br/>`) or entity (`&amp;`, `&#8217;`) in `s`.
pub fn html_residue(s: &str) -> Option<String> {
    let b = s.as_bytes();
    for i in memchr::memchr2_iter(b'<', b'&', b) {
        if b[i] == b'<' {
            let mut j = i + 1;
            if b.get(j) == Some(&b'/') {
                j += 1;
            }
            let name_start = j;
            while j < b.len() && b[j].is_ascii_alphanumeric() {
                j += 1;
            }
            let name = &s[name_start..j];
            if name.is_empty() || !name.as_bytes()[0].is_ascii_alphabetic() || name.len() > 10 {
                continue;
            }
            if !is_html_tag(name) {
                continue;
            }
            if matches!(b.get(j), Some(b'>' | b' ' | b'/' | b'\t' | b'\n')) {
                let end = s[i..].find('>').map_or(j, |k| (i + k + 1).min(i + 40));
                let end = (i..=end.min(s.len()))
                    .rev()
                    .find(|&e| s.is_char_boundary(e))
                    .unwrap_or(j);
                return Some(s[i..end].to_string());
            }
        } else {
            let rest = &b[i + 1..];
            let len = rest.iter().take(12).position(|&c| c == b';');
            let Some(len) = len else { continue };
            let ent = &rest[..len];
            let ok = match ent {
                [b'#', b'x' | b'X', hex @ ..] => {
                    !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit)
                }
                [b'#', dec @ ..] => !dec.is_empty() && dec.iter().all(u8::is_ascii_digit),
                name => is_entity(name),
            };
            if ok {
                return Some(s[i..i + len + 2].to_string());
            }
        }
    }
    None
}

fn is_html_tag(name: &str) -> bool {
    const TAGS: &[&str] = &[
        "a",
        "abbr",
        "article",
        "aside",
        "b",
        "blockquote",
        "body",
        "br",
        "button",
        "caption",
        "cite",
        "code",
        "div",
        "em",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "i",
        "iframe",
        "img",
        "input",
        "li",
        "link",
        "main",
        "meta",
        "nav",
        "noscript",
        "ol",
        "p",
        "picture",
        "pre",
        "script",
        "section",
        "small",
        "source",
        "span",
        "strong",
        "style",
        "sub",
        "sup",
        "svg",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "video",
    ];
    TAGS.iter().any(|t| t.eq_ignore_ascii_case(name))
}

fn is_entity(name: &[u8]) -> bool {
    const ENTITIES: &[&[u8]] = &[
        b"amp", b"lt", b"gt", b"quot", b"apos", b"nbsp", b"mdash", b"ndash", b"hellip", b"rsquo",
        b"lsquo", b"rdquo", b"ldquo", b"copy", b"reg", b"trade", b"euro", b"pound", b"bull",
        b"middot", b"laquo", b"raquo", b"eacute", b"egrave", b"aacute", b"oacute", b"uuml",
        b"ouml", b"auml", b"ccedil", b"ntilde", b"shy", b"zwnj", b"zwj", b"thinsp",
    ];
    ENTITIES.contains(&name)
}

/// Whether a (trimmed) body line is page furniture rather than article text.
pub fn is_boilerplate(line: &str) -> bool {
    if line.is_empty() || line.len() > 60 {
        return false;
    }
    const EXACT: &[&str] = &[
        "advertisement",
        "advertisements",
        "ad",
        "sponsored",
        "sponsored content",
        "share",
        "share this",
        "share this:",
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "like this:",
        "skip advertisement",
        "continue reading",
        "continue reading below",
        "story continues below advertisement",
        "article continues below advertisement",
        "scroll to continue with content",
        "subscribe",
        "sign up",
        "print",
        "email",
        "comments",
        "loading...",
    ];
    const PREFIXES: &[&str] = &[
        "read more:",
        "read more at",
        "related:",
        "related articles",
        "follow us on ",
        "sign up for our",
        "sign up to our",
        "subscribe to our",
        "click here to",
        "tags:",
        "image caption:",
        "image source,",
        "photo:",
        "advertisement -",
    ];
    // The patterns are ASCII, so ASCII case folding compares them without allocating.
    EXACT.iter().any(|e| e.eq_ignore_ascii_case(line))
        || PREFIXES.iter().any(|p| {
            line.get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ids(record: &Value) -> Vec<&'static str> {
        let mut out = Vec::new();
        RuleSet::default().check(record, &mut out);
        out.iter().map(|f| f.rule.id()).collect()
    }

    fn clean() -> Value {
        let body = "word ".repeat(50);
        json!({"id": "a", "title": "A title", "body": body.trim(), "word_count": 50,
               "authors": [], "date_published": "2026-01-01T00:00:00Z",
               "scraped_at": "2026-02-01T00:00:00Z", "date_text": "1 January 2026"})
    }

    #[test]
    fn a_clean_record_passes_every_rule() {
        assert!(ids(&clean()).is_empty(), "{:?}", ids(&clean()));
    }

    #[test]
    fn each_rule_fires_on_its_defect() {
        let cases: &[(&str, Value, &str)] = &[
            ("body", json!("too short"), "short-body"),
            (
                "date_published",
                json!("2026-03-01T00:00:00Z"),
                "date-after-scrape",
            ),
            ("date_published", Value::Null, "date-text-unresolved"),
            ("word_count", json!(49), "word-count-mismatch"),
            ("title", json!("It\u{e2}\u{20ac}\u{2122}s here"), "mojibake"),
            ("title", json!("Caf\u{c3}\u{a9} culture"), "mojibake"),
            (
                "byline",
                json!("Jos\u{FFFD} Garc\u{FFFD}a"),
                "replacement-char",
            ),
            ("title", json!("A <b>bold</b> title"), "html-residue"),
            ("title", json!("Tom &amp; Jerry"), "html-residue"),
            ("authors", json!(["A &#8217; B"]), "html-residue"),
        ];
        for (field, value, rule) in cases {
            let mut r = clean();
            r[*field] = value.clone();
            if *field == "body" {
                r["word_count"] = json!(2);
            }
            assert!(ids(&r).contains(rule), "{field}={value}: {:?}", ids(&r));
        }
        let mut r = clean();
        let body = format!("{}\n\nAdvertisement\n\nmore", "word ".repeat(50));
        r["word_count"] = json!(crate::word_count(&body));
        r["body"] = json!(body);
        assert_eq!(ids(&r), vec!["boilerplate"]);
        let mut r = clean();
        r["date_modified"] = json!("2025-12-31T23:59:00Z");
        assert_eq!(ids(&r), vec!["modified-before-published"]);
        r["date_modified"] = json!("2026-01-01T00:00:00Z");
        assert!(ids(&r).is_empty());
        for tail in [
            "The minister said the plan would [+2345 chars]",
            "The minister said the plan would…",
            "The minister said the plan would ...",
            "Read more",
            "Continue reading...",
            "Subscribe to continue reading this article.",
            "Lire la suite",
        ] {
            let mut r = clean();
            let body = format!("{}\n\n{tail}", "word ".repeat(50));
            r["word_count"] = json!(crate::word_count(&body));
            r["body"] = json!(body);
            assert_eq!(ids(&r), vec!["truncated-body"], "{tail}");
        }
        let mut r = clean();
        let body = format!("A Title\n\n{}", "word ".repeat(50));
        r["word_count"] = json!(crate::word_count(&body));
        r["body"] = json!(body);
        assert_eq!(ids(&r), vec!["title-in-body"]);
    }

    #[test]
    fn words_are_counted_as_the_article_counts_them() {
        for s in [
            "",
            "  ",
            "one",
            " two  words ",
            "tab\tand\nnew\r\nlines\x0b\x0cx",
            "nbsp\u{a0}splits\u{2003}em\u{3000}ideo\u{85}nel",
            "é à ü\u{200b}zero-width-is-not-space",
            "mixed—dash “quotes” and 日本語 text",
        ] {
            assert_eq!(count_words(s), crate::word_count(s), "{s:?}");
        }
    }

    #[test]
    fn boilerplate_lines_are_told_from_article_text() {
        for line in [
            "Advertisement",
            "ADVERTISEMENT",
            "Share this article",
            "Read more: x",
            "Like this:",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
        for line in [
            "Advertisements for the new show ran all week.",
            "Sharepoint",
            "Subscribers grew 4%.",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }

    proptest::proptest! {
        #[test]
        fn word_counts_agree_on_any_text(s in "[a-z \t\n\u{a0}\u{2003}\u{3000}\u{85}\u{2028}\u{205f}\u{1680}é日’—]{0,40}") {
            proptest::prop_assert_eq!(count_words(&s), crate::word_count(&s));
        }

        #[test]
        fn word_counts_agree_on_ascii_and_controls(s in "[\x00-\x7f\u{a0}\u{85}’]{0,70}") {
            proptest::prop_assert_eq!(count_words(&s), crate::word_count(&s));
        }
    }

    #[test]
    fn whole_articles_are_not_truncated() {
        for tail in [
            "He said: \"We will see.\"",
            "Additional reporting by Jane Doe.",
            "Read more about our coverage policy in our editorial guidelines.",
            "The count stood at 1,200 [+3 since Monday].",
            "Wait....",
            "Subscribers to the newsletter will get the report on Friday.",
        ] {
            let body = format!("{}\n\n{tail}", "word ".repeat(50));
            assert_eq!(truncation(&body), None, "{tail}");
        }
        assert_eq!(truncation(""), None);
    }

    #[test]
    fn ordinary_text_is_not_mojibake_or_html() {
        for s in [
            "São Paulo",
            "Âge d'or",
            "â la carte",
            "x < y & z > 3",
            "AT&T; Q&A",
            "1 <2",
        ] {
            assert_eq!(mojibake(s), None, "{s}");
            assert_eq!(html_residue(s), None, "{s}");
        }
    }

    #[test]
    fn rules_can_be_turned_off_and_fingerprints_follow() {
        let mut set = RuleSet::default();
        let r = clean();
        assert!(set
            .fingerprints(&r)
            .iter()
            .all(|f| f.is_some() || r["url"].is_null()));
        set.set(Rule::DuplicateId, None);
        assert_eq!(set.fingerprints(&r)[0], None);
        assert_eq!(Rule::from_id("duplicate-url"), Some(Rule::DuplicateUrl));
        assert!(!RuleSet::none().any_enabled());
    }
}
