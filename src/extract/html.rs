//! HTML pages -> the text a reader would copy from them, plus the page's metadata tags. Owns
//! telling HTML from copied text and rendering it; does not own finding the title, byline or
//! dates in the text (the rest of `extract`, which reads the rendered text as it reads a copied
//! page).
//!
//! Rendering: the `<body>` only; the contents of `script`, `style`, `noscript`, `template`,
//! `svg`, `iframe` and comments are dropped; block elements (paragraphs, headings, list items,
//! divs, sections, figures, table rows, `br`) break lines, and paragraphs, headings, list items
//! and block quotes stand apart by a blank line; runs of whitespace are one space (kept in
//! `pre`); character references are decoded. From `<head>`: `og:site_name`, the author, and
//! the published and modified times (`article:*`, `og:*`, `itemprop`, `name`, else the first
//! `<time datetime>`). The site name and times are machine-readable, so they win over what the
//! text suggests; the author is used where the text names none.

/// What a page's metadata says, for fields the text leaves empty.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    pub site_name: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    /// The `<title>` text, which often ends in the site's name (`Headline | Site`).
    pub title: Option<String>,
    /// A `<footer>` outside the article was left out.
    pub dropped_footer: bool,
}

impl Meta {
    /// The site named after the headline in `<title>` (`Headline | Site`, `Headline - Site`),
    /// when the part before it is the headline the text gave.
    pub fn site_from_title(&self, headline: &str) -> Option<String> {
        let title = self.title.as_deref()?.trim();
        let norm = |s: &str| s.trim().to_lowercase();
        [" | ", " - ", " – ", " — ", " :: ", " · "]
            .iter()
            .find_map(|sep| {
                let (head, site) = title.rsplit_once(sep)?;
                let site = site.trim();
                (norm(head) == norm(headline) && !site.is_empty() && site.len() <= 60)
                    .then(|| site.to_string())
            })
    }
}

/// Whether `text` is an HTML document rather than copied text: it starts with a tag and names
/// an HTML element early on.
pub fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if !t.starts_with('<') {
        return false;
    }
    let head: String = t
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<article",
        "<div",
        "<p>",
        "<p ",
    ]
    .iter()
    .any(|m| head.contains(m))
}

/// Elements whose contents are never shown.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "title", "object", "canvas", "math",
];

/// Elements that stand apart by a blank line.
const PARAGRAPHS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "figcaption",
    "pre",
    "dt",
    "dd",
    "table",
    "ul",
    "ol",
    "dl",
    "figure",
    "article",
    "section",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "form",
    "address",
    "hr",
    "details",
    "summary",
];

/// Elements that break a line.
const LINES: &[&str] = &[
    "br", "div", "tr", "td", "th", "caption", "label", "option", "legend", "fieldset", "time",
    "picture", "video", "audio",
];

/// Renders an HTML page into text and reads its metadata.
pub fn render(html: &str) -> (String, Meta) {
    let mut out = Renderer::default();
    let mut meta = Meta::default();
    let mut hidden: Option<String> = None;
    let mut pre = 0usize;
    let mut nav = 0usize;
    let mut article = 0usize;
    let mut in_head = false;
    let mut in_body = !html.to_ascii_lowercase().contains("<body");
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        let (text, after) = rest.split_at(lt);
        if hidden.is_none() && in_body && !in_head {
            out.text(text, pre > 0);
        } else if hidden.as_deref() == Some("title") {
            let title = meta.title.get_or_insert_with(String::new);
            title.push_str(&decode_entities(text));
        }
        if let Some(comment) = after.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |i| &comment[i + 3..]);
            continue;
        }
        let Some(gt) = tag_end(after) else {
            // A `<` that opens no tag is text.
            if hidden.is_none() && in_body && !in_head {
                out.text("<", pre > 0);
            }
            rest = &after[1..];
            continue;
        };
        let tag = &after[1..gt];
        rest = &after[gt + 1..];
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if name.is_empty() || name.starts_with('!') || name.starts_with('?') {
            continue;
        }
        // Scripts and styles are raw text up to their end tag: never read as markup.
        if !closing && (name == "script" || name == "style") && !tag.ends_with('/') {
            let end = find_end_tag(rest, &name);
            if name == "script"
                && attribute(tag, "type")
                    .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
            {
                read_json_ld(&rest[..end], &mut meta);
            }
            rest = &rest[end..];
            rest = rest.find('>').map_or("", |i| &rest[i + 1..]);
            continue;
        }
        if let Some(h) = &hidden {
            if closing && *h == name {
                hidden = None;
            }
            if name == "meta" {
                read_meta(tag, &mut meta);
            }
            continue;
        }
        if name == "meta" {
            read_meta(tag, &mut meta);
            continue;
        }
        if name == "head" {
            in_head = !closing;
            continue;
        }
        if name == "body" {
            in_body = !closing;
            continue;
        }
        if !closing && HIDDEN.contains(&name.as_str()) && !tag.ends_with('/') {
            hidden = Some(name);
            continue;
        }
        if name == "pre" {
            pre = if closing {
                pre.saturating_sub(1)
            } else {
                pre + 1
            };
        }
        if name == "nav" {
            nav = if closing {
                nav.saturating_sub(1)
            } else {
                nav + 1
            };
        }
        if name == "article" {
            article = if closing {
                article.saturating_sub(1)
            } else {
                article + 1
            };
        }
        if name == "a" {
            out.link(!closing);
        }
        // The site's footer (outside the article) is never the story's text.
        if name == "footer" && !closing && article == 0 && !tag.ends_with('/') {
            out.paragraph();
            meta.dropped_footer = true;
            hidden = Some(name);
            continue;
        }
        if name == "time" && !closing && meta.published.is_none() {
            if let Some(when) = attribute(tag, "datetime") {
                let when = decode_entities(when.trim());
                if !when.is_empty() {
                    meta.published = Some(when);
                }
            }
        }
        if !in_body || in_head {
            continue;
        }
        if PARAGRAPHS.contains(&name.as_str()) {
            out.paragraph();
        } else if name == "br" {
            // `<br><br>` separates paragraphs in pages without `<p>`.
            out.breaks = (out.breaks + 1).min(2);
        } else if LINES.contains(&name.as_str()) || (nav > 0 && name == "a") {
            // A menu's links are one per line, as a copied menu is.
            out.line();
        }
    }
    if hidden.is_none() && in_body && !in_head {
        out.text(rest, pre > 0);
    }
    (out.finish(), meta)
}

/// Where the tag opened at `s[0] == '<'` ends (its `>`, quotes respected); `None` when `<` is
/// not followed by a tag name, `/` or `!`.
fn tag_end(s: &str) -> Option<usize> {
    let next = s[1..].chars().next()?;
    if !(next.is_ascii_alphabetic() || next == '/' || next == '!' || next == '?') {
        return None;
    }
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices().skip(1) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '>' => return Some(i),
            None => {}
        }
    }
    None
}

/// Where the end tag `</name` starts in `s` (any case), or the end of `s`.
fn find_end_tag(s: &str, name: &str) -> usize {
    let mut from = 0;
    while let Some(i) = s[from..].find("</") {
        let at = from + i;
        let rest = &s.as_bytes()[at + 2..];
        if rest.len() >= name.len() && rest[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return at;
        }
        from = at + 2;
    }
    s.len()
}

/// Reads schema.org article data (`NewsArticle`, `Article`, `BlogPosting`, ..., also inside
/// `@graph`) from a JSON-LD script: times, authors and the publisher's name.
fn read_json_ld(text: &str, meta: &mut Meta) {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text.trim()) else {
        return;
    };
    let mut stack = vec![&value];
    let mut seen = 0;
    while let Some(v) = stack.pop() {
        seen += 1;
        if seen > 1000 {
            break;
        }
        match v {
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            serde_json::Value::Object(o) => {
                if let Some(graph) = o.get("@graph") {
                    stack.push(graph);
                }
                let types = match o.get("@type") {
                    Some(serde_json::Value::String(t)) => vec![t.as_str()],
                    Some(serde_json::Value::Array(ts)) => {
                        ts.iter().filter_map(|t| t.as_str()).collect()
                    }
                    _ => Vec::new(),
                };
                if !types.iter().any(|t| {
                    t.ends_with("Article") || *t == "BlogPosting" || *t == "LiveBlogPosting"
                }) {
                    continue;
                }
                let text_of = |key: &str| {
                    o.get(key)
                        .and_then(|v| v.as_str())
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                };
                if meta.published.is_none() {
                    meta.published = text_of("datePublished");
                }
                if meta.modified.is_none() {
                    meta.modified = text_of("dateModified");
                }
                if meta.author.is_none() {
                    meta.author = json_ld_names(o.get("author"));
                }
                if meta.site_name.is_none() {
                    meta.site_name = o
                        .get("publisher")
                        .and_then(|p| p.get("name"))
                        .and_then(|n| n.as_str())
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string);
                }
            }
            _ => {}
        }
    }
}

/// The names in a JSON-LD `author`: a string, a `{name}` object, or a list of them, joined as
/// a byline is written (`A, B and C`).
fn json_ld_names(author: Option<&serde_json::Value>) -> Option<String> {
    let name = |v: &serde_json::Value| -> Option<String> {
        let n = match v {
            serde_json::Value::String(s) => s.as_str(),
            serde_json::Value::Object(o) => o.get("name")?.as_str()?,
            _ => return None,
        };
        let n = n.trim();
        (!n.is_empty() && !n.starts_with("http")).then(|| n.to_string())
    };
    let names: Vec<String> = match author? {
        serde_json::Value::Array(items) => items.iter().filter_map(name).take(20).collect(),
        v => name(v).into_iter().collect(),
    };
    match names.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

/// Reads a `<meta>` tag's name (or property, or itemprop) and content into `meta`.
fn read_meta(tag: &str, meta: &mut Meta) {
    let key = attribute(tag, "property")
        .or_else(|| attribute(tag, "name"))
        .or_else(|| attribute(tag, "itemprop"))
        .map(|k| k.to_ascii_lowercase());
    let (Some(key), Some(content)) = (key, attribute(tag, "content")) else {
        return;
    };
    let content = decode_entities(content.trim());
    if content.is_empty() {
        return;
    }
    let slot = match key.as_str() {
        "og:site_name" | "application-name" => &mut meta.site_name,
        "author" | "article:author" | "dc.creator" | "byl" | "parsely-author"
        | "sailthru.author" => &mut meta.author,
        "article:published_time"
        | "og:published_time"
        | "datepublished"
        | "date"
        | "pubdate"
        | "publishdate"
        | "dc.date"
        | "dc.date.issued"
        | "parsely-pub-date"
        | "sailthru.date" => &mut meta.published,
        "article:modified_time" | "og:updated_time" | "datemodified" | "last-modified" => {
            &mut meta.modified
        }
        _ => return,
    };
    // Profile links are no names.
    if key == "article:author" && content.starts_with("http") {
        return;
    }
    slot.get_or_insert(content);
}

/// The value of attribute `name` in a tag's text, unquoted.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = at > 0 && lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = tag[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value = rest[1..].trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let v = &value[1..];
                &v[..v.find(q).unwrap_or(v.len())]
            }
            _ => {
                let end = value
                    .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                    .unwrap_or(value.len());
                &value[..end]
            }
        });
    }
    None
}

/// Decodes character references: named ones news pages use, and numeric ones.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|e| entity(&after[..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "deg" => '°',
        "times" => '×',
        "shy" => '\u{ad}',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "Eacute" => 'É',
        _ => return None,
    })
}

/// Builds the rendered text: collapsed spaces, line and paragraph breaks.
#[derive(Default)]
struct Renderer {
    out: String,
    /// Where the current line starts in `out`.
    line_start: usize,
    /// Inside an `<a>`: the words go into `links`.
    in_link: bool,
    /// The current line's link texts (ranges of `out`), and whether it has other words.
    links: Vec<(usize, usize)>,
    new_link: bool,
    other_words: bool,
    /// A space is owed before the next word.
    space: bool,
    /// Line breaks owed before the next text (1: line, 2: paragraph).
    breaks: u8,
}

impl Renderer {
    fn text(&mut self, raw: &str, pre: bool) {
        if raw.is_empty() {
            return;
        }
        let text = decode_entities(raw);
        if pre {
            self.flush_breaks();
            self.out.push_str(&text);
            self.other_words = true;
            return;
        }
        for (i, word) in text
            .split(|c: char| c.is_whitespace() && c != '\u{a0}')
            .enumerate()
        {
            if word.is_empty() {
                if i > 0 || text.starts_with(char::is_whitespace) {
                    self.space = true;
                }
                continue;
            }
            if i > 0 {
                self.space = true;
            }
            if self.breaks > 0 {
                self.flush_breaks();
            } else if self.space && !self.out.is_empty() && !self.out.ends_with('\n') {
                self.out.push(' ');
            }
            self.space = false;
            let start = self.out.len();
            self.out.push_str(word);
            if self.in_link {
                match self.links.last_mut() {
                    Some(last) if !self.new_link => last.1 = self.out.len(),
                    _ => self.links.push((start, self.out.len())),
                }
                self.new_link = false;
            } else if word.chars().any(char::is_alphanumeric) {
                self.other_words = true;
            }
        }
        if text.ends_with(|c: char| c.is_whitespace() && c != '\u{a0}') {
            self.space = true;
        }
    }

    fn link(&mut self, open: bool) {
        if open && self.in_link {
            return;
        }
        self.in_link = open;
        // A new link starts a new range even right after another.
        self.new_link = open;
    }

    /// Ends the current line: a line of two or more links and nothing else is a menu, and a
    /// copied menu has one entry per line.
    fn end_line(&mut self) {
        if self.links.len() >= 2 && !self.other_words {
            let line: Vec<String> = self
                .links
                .iter()
                .map(|&(a, b)| self.out[a..b].to_string())
                .collect();
            self.out.truncate(self.line_start);
            self.out.push_str(&line.join("\n"));
        }
        self.links.clear();
        self.other_words = false;
    }

    fn flush_breaks(&mut self) {
        self.end_line();
        if !self.out.is_empty() {
            let have = self.out.len() - self.out.trim_end_matches('\n').len();
            for _ in have..self.breaks as usize {
                self.out.push('\n');
            }
        }
        self.breaks = 0;
        self.space = false;
        self.line_start = self.out.len();
    }

    fn line(&mut self) {
        self.breaks = self.breaks.max(1);
    }

    fn paragraph(&mut self) {
        self.breaks = 2;
    }

    fn finish(mut self) -> String {
        self.end_line();
        let len = self.out.trim_end().len();
        self.out.truncate(len);
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Budget passes | The Bugle</title>
<meta property="og:site_name" content="The Daily Bugle">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-03-04T14:32:00Z">
<script>var x = "<p>not text</p>";</script><style>p{color:red}</style></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council approves   new budget</h1><p class="byline">By <a href="/jd">Jane Doe</a></p>
<p>SPRINGFIELD &mdash; The council voted 7&#8211;2 on <b>Tuesday</b> to approve it.</p>
<!-- <p>hidden</p> --><p>The mayor said it &quot;keeps the lights on&quot; &amp; more.<br>Next line</p>
<noscript>Enable JS</noscript></article><footer>&copy; 2025 The Daily Bugle</footer></body></html>"#;

    #[test]
    fn a_page_renders_as_a_reader_would_copy_it() {
        assert!(looks_like_html(PAGE));
        assert!(!looks_like_html("Headline\n\nBody <b>text</b>"));
        let (text, meta) = render(PAGE);
        assert_eq!(
            text,
            "Home\nNews\n\nCouncil approves new budget\n\nBy Jane Doe\n\n\
             SPRINGFIELD — The council voted 7–2 on Tuesday to approve it.\n\n\
             The mayor said it \"keeps the lights on\" & more.\nNext line"
        );
        assert_eq!(meta.site_name.as_deref(), Some("The Daily Bugle"));
        assert_eq!(meta.author.as_deref(), Some("Jane Doe"));
        assert_eq!(meta.published.as_deref(), Some("2025-03-04T14:32:00Z"));
        assert_eq!(meta.modified, None);
        assert!(meta.dropped_footer);
        assert_eq!(meta.title.as_deref(), Some("Budget passes | The Bugle"));
        assert_eq!(
            meta.site_from_title("Budget passes").as_deref(),
            Some("The Bugle")
        );
        assert_eq!(meta.site_from_title("Other headline"), None);
    }

    #[test]
    fn json_ld_gives_times_authors_and_publisher() {
        let page = r#"<html><head><script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
         {"@type":["NewsArticle"],"datePublished":"2025-03-04T09:00:00-05:00",
          "dateModified":"2025-03-04T11:00:00-05:00",
          "author":[{"@type":"Person","name":"Ana Ruiz"},{"name":"Bo Li"},"Cy Ng"],
          "publisher":{"@type":"Organization","name":"Gazette"}}]}
        </script><script>if (a < b && c) { document.write("</div>"); }</script></head>
        <body><h1>Headline</h1><p>Text.</p></body></html>"#;
        let (text, meta) = render(page);
        assert_eq!(text, "Headline\n\nText.");
        assert_eq!(meta.published.as_deref(), Some("2025-03-04T09:00:00-05:00"));
        assert_eq!(meta.modified.as_deref(), Some("2025-03-04T11:00:00-05:00"));
        assert_eq!(meta.author.as_deref(), Some("Ana Ruiz, Bo Li and Cy Ng"));
        assert_eq!(meta.site_name.as_deref(), Some("Gazette"));
    }

    #[test]
    fn broken_markup_is_text_not_a_panic() {
        for html in [
            "<html><body><p>a < b and c > d</p>",
            "<html><body><p>open <a href=\"x",
            "<html><body>&#xFFFFFFFF; &#0; &; &unknown; &amp",
            "<html><body><script>never closed",
            "<div><!-- never closed",
            "<html><body>é<p>ü",
        ] {
            let _ = render(html);
        }
        let (text, _) = render("<html><body><p>a < b &amp;&#65;</p>");
        assert_eq!(text, "a < b &A");
        let (text, _) = render("<html><body><div>One<br>two<br><br>Three</div>");
        assert_eq!(text, "One\ntwo\n\nThree");
    }

    proptest::proptest! {
        /// Any markup, however broken, renders without a panic.
        #[test]
        fn any_markup_renders(body in "[<>/&;#xa-z0-9 \"'=!é\n-]{0,200}") {
            let page = format!("<html><body>{body}");
            let (text, _) = render(&page);
            proptest::prop_assert!(text.len() <= page.len() * 4 + 16);
        }
    }
}
