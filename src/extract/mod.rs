//! Loose article text (later HTML) -> `Article`. Owns the whole text pipeline: decoding
//! (`decode`), the header-line classifier (`lines`, with its word tables in `vocab`), header
//! layout (`header`), bylines and authors (`byline`), datelines (`dateline`), body clean-up
//! (`body`) and the language guess (`language`). Dates are read by the `dates` engine through
//! `when`. Does no I/O: the CLI reads files and writes records.
//!
//! ```
//! use copydesk::extract::{parse_article, ExtractOptions};
//! let options = ExtractOptions::new("2026-11-26T02:20:00Z").unwrap();
//! let text = "A Headline About Ports\n\nBy Jane Doe\n\nDOVER – The port reopened on Tuesday after a week of storms.";
//! let article = parse_article(text, &options).unwrap();
//! assert_eq!(article.title, "A Headline About Ports");
//! assert_eq!(article.authors, ["Jane Doe"]);
//! assert_eq!(article.dateline.as_deref(), Some("DOVER"));
//! ```

use crate::article::{article_id, Article};
use crate::dates::{Context, DateOrder, Resolver};

mod body;
mod byline;
mod dateline;
mod decode;
mod header;
mod html;
mod language;
mod lines;
mod vocab;
mod when;

use body::Line;
use when::DateHit;

/// How to parse: the reference time for relative dates and values the input supplies.
#[derive(Debug, Clone)]
pub struct ExtractOptions {
    /// The dates engine's context: reference instant, its offset, an optional zone, the order
    /// of numeric dates.
    pub context: Context,
    /// The reference instant as written into `scraped_at` (RFC 3339, with its offset).
    pub scraped_at: String,
    /// The source when the text does not state one (`--source`, or the input record's).
    pub source: Option<String>,
    /// The page's address, carried into `url`.
    pub url: Option<String>,
    /// Whether numeric dates that read both ways (`04/03/25`) follow the page's language
    /// (day first on a French or German page) rather than `context.date_order`. On unless
    /// `date_order` asked for day first everywhere.
    pub date_order_from_language: bool,
}

impl ExtractOptions {
    /// Options with the reference taken from an RFC 3339 string.
    pub fn new(scraped_at: &str) -> Result<ExtractOptions, String> {
        let context = Context::from_rfc3339(scraped_at)?;
        Ok(ExtractOptions {
            context,
            scraped_at: scraped_at.trim().to_string(),
            source: None,
            url: None,
            date_order_from_language: true,
        })
    }

    /// The same options with another reference instant (RFC 3339), keeping zone and order.
    pub fn with_reference(&self, scraped_at: &str) -> Result<ExtractOptions, String> {
        let mut context = Context::from_rfc3339(scraped_at)?;
        context.zone = self.context.zone.clone();
        context.date_order = self.context.date_order;
        Ok(ExtractOptions {
            context,
            scraped_at: scraped_at.trim().to_string(),
            source: self.source.clone(),
            url: self.url.clone(),
            date_order_from_language: self.date_order_from_language,
        })
    }

    /// Sets the numeric date order. Month first (the default convention) still gives way to
    /// day first on pages in day-first languages; day first holds for every page.
    pub fn date_order(mut self, order: DateOrder) -> Self {
        self.context.date_order = order;
        self.date_order_from_language = order == DateOrder::Mdy;
        self
    }
}

/// Why an input gave no article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    #[error("empty input")]
    Empty,
    #[error("binary data, not text")]
    Binary,
    #[error("no recognisable title")]
    NoTitle,
    #[error("no article body after the headline")]
    NoBody,
}

/// Parses raw bytes: decodes them (UTF-8 with or without BOM, UTF-16 with BOM, else
/// Windows-1252 with a warning), then parses the text.
pub fn parse_bytes(bytes: &[u8], options: &ExtractOptions) -> Result<Article, Rejection> {
    let mut warnings = Vec::new();
    let text = decode::decode(bytes, &mut warnings).map_err(|e| match e {
        decode::DecodeError::Empty => Rejection::Empty,
        decode::DecodeError::Binary => Rejection::Binary,
    })?;
    build(&text, options, warnings)
}

/// Parses one article's text.
pub fn parse_article(text: &str, options: &ExtractOptions) -> Result<Article, Rejection> {
    let text = decode::decode_str(text).map_err(|e| match e {
        decode::DecodeError::Empty => Rejection::Empty,
        decode::DecodeError::Binary => Rejection::Binary,
    })?;
    build(&text, options, Vec::new())
}

fn build(
    text: &str,
    options: &ExtractOptions,
    mut warnings: Vec<String>,
) -> Result<Article, Rejection> {
    // An HTML page is read as the text a reader would copy from it; its metadata tags fill
    // what that text leaves empty.
    let (rendered, meta) = if html::looks_like_html(text) {
        let (rendered, meta) = html::render(text);
        warnings.push("read as HTML: the page's text, without its markup".to_string());
        if meta.dropped_footer {
            warnings.push("removed page footer: the <footer> outside the article".to_string());
        }
        (Some(rendered), meta)
    } else {
        (None, html::Meta::default())
    };
    let text = rendered.as_deref().unwrap_or(text);
    let resolver = Resolver::new(&options.context);
    let ctx = &resolver;
    let lines = split_lines(text);
    if lines.is_empty() {
        return Err(Rejection::Empty);
    }
    let mut removed = Removals::default();
    let header = header::read(&lines, ctx, &mut removed);
    let title = header.title.clone().ok_or(Rejection::NoTitle)?;

    let standfirst: Vec<Line<'_>> = header.body_lines.iter().map(|&i| lines[i]).collect();
    let lead = body::clean(&standfirst, ctx, &mut removed);
    let main = body::clean(
        &lines[header.body_start.min(lines.len())..],
        ctx,
        &mut removed,
    );
    let n_lead = lead.paragraphs.len();
    let mut paragraphs = lead.paragraphs;
    paragraphs.extend(main.paragraphs);
    if paragraphs.is_empty() {
        return Err(Rejection::NoBody);
    }
    // `日本テレビ系（NNN）` under the date and again closing the page: the provider's credit,
    // not a paragraph.
    if paragraphs.len() >= 3 {
        let (first, last) = (&paragraphs[0], &paragraphs[paragraphs.len() - 1]);
        if first == last && first.len() <= 40 && lines::count_words(first, 7) <= 6 {
            removed.add_n("provider credit", first, 2);
            paragraphs.pop();
            paragraphs.remove(0);
        }
    }
    // What closes the page after the story: the counters of a share bar (`42`, `7`), a
    // bare date line (the only date some pages give: `March 04, 2025`).
    let mut end_date: Option<DateHit> = None;
    while paragraphs.len() > n_lead + 1 {
        let Some(last) = paragraphs.last() else {
            break;
        };
        if body::is_bare_count(last) {
            removed.add("counter", last);
        } else if end_date.is_none()
            && lines::count_words(last, 7) <= 6
            && !last.ends_with(['.', '!', '?'])
        {
            let Some(hit) = when::probe(last, ctx, None).into_iter().next() else {
                break;
            };
            removed.add("date line", last);
            end_date = Some(hit);
        } else {
            break;
        }
        paragraphs.pop();
    }
    let first = if paragraphs.len() > n_lead { n_lead } else { 0 };
    // A subheading left over from the header (`Full-year revenue up 38% year over year`, no
    // period) may stand before the paragraph that opens with the dateline.
    let dateline = dateline::find(&paragraphs[first], ctx).or_else(|| {
        let p = &paragraphs[first];
        (!p.ends_with(['.', '!', '?', ':', '"', '”']) && lines::count_words(p, 16) <= 15)
            .then(|| paragraphs.get(first + 1))
            .flatten()
            .and_then(|p| dateline::find(p, ctx))
    });

    let byline = choose_byline(&header.bylines)
        .or(main.byline.clone())
        .or(meta.author.clone())
        .or_else(|| dateline.as_ref().and_then(|d| d.reporters.clone()))
        .or_else(|| {
            // `Võ Hải` alone closing the story (Vietnamese and Spanish-language pages sign
            // off with the author's name): the byline when nothing else names one.
            let last = paragraphs
                .last()
                .filter(|_| paragraphs.len() > n_lead + 1)?;
            let name = byline::sign_off(last)?.to_string();
            removed.add("author sign-off", last);
            paragraphs.pop();
            Some(name)
        });
    let authors = byline.as_deref().map(byline::authors).unwrap_or_default();
    // `Andrew Prokop is a senior politics correspondent at Vox, ...` under the byline, before
    // the story: about the author.
    if let Some(k) = (0..paragraphs.len().min(n_lead + 1)).find(|&k| {
        paragraphs.len() > 1
            && byline::opens_with_author(&paragraphs[k], &authors)
            && byline::is_author_bio(&paragraphs[k], &authors)
    }) {
        removed.add("author bio", &paragraphs.remove(k));
    }
    // `Dayo Ojerinde` alone near the end, with a note about them after it: an author box.
    let tail = paragraphs.len().saturating_sub(3).max(n_lead + 1);
    if let Some(k) = (tail..paragraphs.len()).find(|&k| {
        authors
            .iter()
            .any(|a| a.split_whitespace().nth(1).is_some() && paragraphs[k].eq_ignore_ascii_case(a))
    }) {
        for p in paragraphs.drain(k..) {
            removed.add("author box", &p);
        }
    }
    // `Jane Doe is a reporter covering ...` at the end: about the author, not the story.
    for _ in 0..2 {
        let Some(last) = paragraphs.last() else {
            break;
        };
        if paragraphs.len() <= n_lead + 1 || !byline::is_author_bio(last, &authors) {
            break;
        }
        if let Some(bio) = paragraphs.pop() {
            removed.add("author bio", &bio);
        }
    }

    let mut dates = Dates::default();
    let meta_date = |text: &Option<String>, update: bool| {
        let mut hit = when::probe(text.as_deref()?, ctx, Some(update))
            .into_iter()
            .next()?;
        hit.update = update;
        Some(hit)
    };
    let (meta_published, meta_modified) = (
        meta_date(&meta.published, false),
        meta_date(&meta.modified, true),
    );
    let published = meta_published
        .as_ref()
        .or(header.dates.iter().find(|d| !d.update));
    let updated = meta_modified
        .as_ref()
        .or(header.dates.iter().find(|d| d.update));
    let published = match (published, updated) {
        (Some(p), _) => Some(p.clone()),
        (None, Some(u)) => {
            dates
                .warnings
                .push("no publication date; used the updated date".to_string());
            Some(u.clone())
        }
        (None, None) => main
            .first_published
            .clone()
            .or_else(|| dateline.as_ref().and_then(|d| d.date.clone()))
            .or(end_date),
    };
    // `Updated 4:10 p.m. ET` under `March 4, 2025`: a clock time alone is on the day of
    // publication (or the day after it), not on the scrape day.
    let updated = updated
        .or(main.last_modified.as_ref())
        .map(|u| match &published {
            Some(p) => when::on_publication_day(u, p, &options.context),
            None => u.clone(),
        });
    let body = paragraphs.join("\n\n");
    let language = language::guess(&title, &body).map(str::to_string);
    // `04/03/25` on a French page is the 4th of March.
    let (published, updated) = match language.as_deref() {
        Some(lang) if options.date_order_from_language && language::writes_day_first(lang) => (
            published.map(|p| when::day_first(&p, &options.context)),
            updated.map(|u| when::day_first(&u, &options.context)),
        ),
        _ => (published, updated),
    };
    dates.fill(published.as_ref(), updated.as_ref());

    let source = meta
        .site_name
        .clone()
        .or(header.source.clone())
        .or(main.source.clone())
        .or(options.source.clone())
        .or_else(|| meta.site_from_title(&title));
    warnings.extend(removed.warnings());
    warnings.extend(dates.warnings);
    Ok(Article {
        id: article_id(source.as_deref(), &title, &body),
        url: options.url.clone(),
        source,
        section: header.section.clone(),
        title,
        byline,
        authors,
        date_text: dates.text,
        date_published: dates.published,
        date_modified: dates.modified,
        date_precision: dates.precision,
        date_relative: dates.relative,
        scraped_at: Some(options.scraped_at.clone()),
        dateline: dateline.map(|d| d.place),
        word_count: count_tokens(&body),
        language,
        body,
        warnings,
    })
}

/// `article::word_count` (whitespace-separated tokens), with a byte loop: the same answer,
/// several times faster on long bodies. The two must agree (a property test checks it).
fn count_tokens(body: &str) -> u64 {
    lines::count_tokens(body, usize::MAX) as u64
}

/// Non-blank lines, trimmed, each knowing whether a blank line stood before it.
fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut blank = false;
    for l in text.split('\n') {
        let t = l.trim();
        if t.is_empty() {
            blank = true;
        } else {
            out.push(Line {
                text: t,
                blank_before: blank,
            });
            blank = false;
        }
    }
    out
}

/// Explicit bylines (`By ...`) win over a bare name line; several explicit ones are joined.
fn choose_byline(bylines: &[(String, bool)]) -> Option<String> {
    let mut explicit: Vec<&str> = bylines
        .iter()
        .filter(|(_, e)| *e)
        .map(|(b, _)| b.as_str())
        .collect();
    // `Story by Reuters` over `By Georgina McCartney` (an aggregator's provider line): the
    // wire is the provider, the reporter the author.
    if explicit.iter().any(|b| !lines::is_agency(b)) {
        explicit.retain(|b| !lines::is_agency(b));
    }
    let chosen = if explicit.is_empty() {
        bylines.first().map(|(b, _)| b.clone())
    } else {
        let mut unique: Vec<&str> = Vec::new();
        for b in explicit {
            if !unique.contains(&b) {
                unique.push(b);
            }
        }
        Some(unique.join(", "))
    };
    chosen
        .map(|b| {
            b.trim()
                .trim_end_matches([',', '|', '-', '–', '—'])
                .trim()
                .to_string()
        })
        .filter(|b| !b.is_empty())
}

/// The date fields of a record.
#[derive(Debug, Default)]
struct Dates {
    text: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    precision: Option<crate::article::Precision>,
    relative: bool,
    warnings: Vec<String>,
}

impl Dates {
    fn fill(&mut self, published: Option<&DateHit>, modified: Option<&DateHit>) {
        if let Some(p) = published {
            self.text = Some(p.text.clone());
            match &p.resolved {
                Some(r) => {
                    self.published = Some(rfc3339(r.instant));
                    self.precision = Some(r.precision);
                    self.relative = r.relative;
                    self.warnings.extend(r.warnings.iter().cloned());
                }
                None => self.warnings.push(format!("unresolved date: {}", p.text)),
            }
        }
        if let Some(r) = modified.and_then(|m| m.resolved.as_ref()) {
            self.modified = Some(rfc3339(r.instant));
            for w in &r.warnings {
                if !self.warnings.contains(w) {
                    self.warnings.push(w.clone());
                }
            }
        }
    }
}

/// RFC 3339 in UTC with whole seconds: `2026-03-26T02:20:00Z`.
fn rfc3339(ts: jiff::Timestamp) -> String {
    let whole = jiff::Timestamp::from_second(ts.as_second()).unwrap_or(ts);
    whole.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// What the parser removed, in order of first appearance, with counts.
#[derive(Debug, Default)]
pub(crate) struct Removals {
    items: Vec<(String, String, usize)>,
    /// (kind, lowercased text) -> index in `items`, so a page of many removals stays linear.
    index: std::collections::HashMap<(String, String), usize>,
}

impl Removals {
    /// Records one removed line: `what` names the kind, `text` is the line.
    pub(crate) fn add(&mut self, what: &str, text: &str) {
        self.add_n(what, text, 1);
    }

    pub(crate) fn add_n(&mut self, what: &str, text: &str, n: usize) {
        let text = shorten(text.trim(), 60);
        let key = (what.to_string(), text.to_lowercase());
        match self.index.get(&key) {
            Some(&i) => self.items[i].2 += n,
            None => {
                self.index.insert(key, self.items.len());
                self.items.push((what.to_string(), text, n));
            }
        }
    }

    /// `removed advertisement: Advertisement (2 times)`.
    pub(crate) fn warnings(&self) -> Vec<String> {
        self.items
            .iter()
            .map(|(what, text, n)| {
                if *n > 1 {
                    format!("removed {what}: {text} ({n} times)")
                } else {
                    format!("removed {what}: {text}")
                }
            })
            .collect()
    }
}

fn shorten(text: &str, max_chars: usize) -> String {
    // No more bytes than the limit: no more characters either.
    if text.len() <= max_chars {
        return text.to_string();
    }
    match text.char_indices().nth(max_chars) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_count_agrees_with_the_article_definition() {
        for body in [
            "",
            "one",
            "  two\n\nwords\t",
            "London, UK – Keir",
            "a\u{2003}b\u{3000}c\u{85}d\u{A0}e",
            "x\u{0B}y\u{0C}z",
            "“quoted”  —  text",
            "\u{1680}x\u{2028}y\u{2029}z\u{202F}w\u{205F}v",
            "é è  日本 語 한국어",
            "\u{2000}\u{200A}\u{200B}zero-width-is-not-space",
        ] {
            assert_eq!(
                count_tokens(body),
                crate::article::word_count(body),
                "{body:?}"
            );
        }
    }
}
