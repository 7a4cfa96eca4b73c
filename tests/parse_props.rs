//! Property tests for the extractor: any bytes, and any mix of header-like fragments, give an
//! article or a rejection, never a panic; every article validates against the bundled schema
//! and its word count matches its body.

use copydesk::extract::{parse_bytes, ExtractOptions};
use copydesk::schema::Schema;
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "By Jane Doe",
    "By",
    "Published",
    "Updated: 3 hours ago",
    "March 3, 2025",
    "8 months ago",
    "Share",
    "Advertisement",
    "World > Europe",
    "SPORT",
    "The Daily Ledger",
    "|",
    " · ",
    "LONDON (Reuters) - ",
    "MUMBAI: ",
    "Photo: X/Getty Images",
    "###",
    "More from Politics",
    "İ",
    "ẞ",
    "e\u{301}",
    "\r\n",
    "\n",
    "\n\n",
    "\u{FEFF}",
    "\u{00A0}",
    "—",
    "–",
    ",",
    " and ",
    "Council approves budget after long night",
    "The plan was agreed on Tuesday.",
    "Reporting by Jane Doe; Editing by John Roe",
    "First published on 9 September 2025.",
    "Source: Harbour Gazette",
    "5 min read",
    "12 comments",
    "One Year Ago",
    "9/11",
    "Headshot of Jane Doe",
    "Video",
    "VIDEO 03:12",
    "Read more:",
    "Text Size",
    "Small",
    "hide caption",
    "Kevin Dietsch/Getty Images",
    "March 14, 20255:42 PM ET",
    "20255:",
    "TOI News Desk / X.COM / Updated: Mar 3, 2025",
    " / ",
    "News | Sport | Weather",
    "News|Israel-Palestine conflict",
    "di Marco Rossi",
    "By political reporter Tom Crowley",
    "By JANE SMITH FOR MAILONLINE",
    "Jane Doe is a reporter covering transport.",
    "Posted 4 Mar 20254 Mar 2025, updated 4 Mar 2025",
    "·",
    "12",
    "Kompas.com",
    "The Hill",
    "Jane Doe@",
    "@",
    "Москва сообщила",
    "政府は発表した",
    "share2",
    "[File: X/Reuters]",
    "(ABC News: Matt Roberts)",
    "(",
    "]",
    "Quelle: ZEIT ONLINE, dpa",
    "Source: Al Jazeera and news agencies",
    "KEY POINTS",
    "Workers inspect the bridge last week",
    "Written by Jane Doe",
    "6 min",
];

fn options() -> ExtractOptions {
    ExtractOptions::new("2026-11-26T02:20:00Z").unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_bytes_give_an_article_or_a_rejection(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = parse_bytes(&bytes, &options());
    }

    #[test]
    fn fragment_soup_never_panics_and_articles_validate(
        parts in proptest::collection::vec(0..FRAGMENTS.len(), 0..40)
    ) {
        let text: String = parts.iter().map(|&i| FRAGMENTS[i]).collect();
        if let Ok(article) = parse_bytes(text.as_bytes(), &options()) {
            let schema = Schema::article().unwrap();
            let value = serde_json::to_value(&article).unwrap();
            let errors: Vec<String> = schema.validator.iter_errors(&value).map(|e| e.to_string()).collect();
            prop_assert!(errors.is_empty(), "{errors:?} for {text:?}");
            prop_assert_eq!(article.word_count, article.body.split_whitespace().count() as u64);
            prop_assert!(!article.title.trim().is_empty());
        }
    }
}

/// Inputs built to reach the edges of the newer rules: nothing in them may panic, and what
/// parses must validate.
#[test]
fn hostile_shapes_give_an_article_or_a_rejection() {
    let schema = Schema::article().unwrap();
    let long_line = "word ".repeat(200_000);
    let long_glued = "20255:".repeat(170_000);
    let long_slashes = " / ".repeat(300_000);
    let long_brackets = format!("Title of the page here\n{}]", "[".repeat(300_000));
    let long_cyrillic = format!("Заголовок статьи\n{}", "ы ".repeat(400_000));
    let cases: Vec<(&str, String)> = vec![
        ("blank lines only", "\n\n  \n\t\n\r\n".to_string()),
        ("a 1 MB single line", long_line),
        ("a 1 MB glued year-time run", long_glued),
        ("a 1 MB run of spaced slashes", long_slashes),
        ("unclosed brackets", long_brackets),
        ("a long Cyrillic body", long_cyrillic),
        ("NUL bytes", "Title\0 with NUL\n\0\0\nBody \0 text.".to_string()),
        ("only a title", "Council approves budget after long night".to_string()),
        (
            "only header chrome",
            "Headshot of Jane Doe\nVideo\nText Size\nSmall\nRead more:\nhide caption".to_string(),
        ),
        (
            "chrome after the title, nothing else",
            "Council approves budget after long night\nHeadshot of Jane Doe\nVIDEO 03:12\nTOI News Desk / X.COM / Updated: Mar 3, 2025\n12\n·".to_string(),
        ),
        (
            "a bio as the only paragraph",
            "Council approves budget after long night\nBy Jane Doe\nJane Doe is a reporter covering transport.".to_string(),
        ),
        (
            "multibyte around the new splits",
            "Ünïcödé title ẞ İ here\nBy İİ @ẞ\n2025\u{301}5:42 — İ / ẞ / Updated: İ\n(ẞ: İ)\n[İ/ẞ]\nText.".to_string(),
        ),
    ];
    let options = options();
    for (what, text) in cases {
        if let Ok(article) = parse_bytes(text.as_bytes(), &options) {
            let value = serde_json::to_value(&article).unwrap();
            let errors: Vec<String> = schema
                .validator
                .iter_errors(&value)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{what}: {errors:?}");
            assert!(!article.title.trim().is_empty(), "{what}");
            assert!(!article.body.trim().is_empty(), "{what}");
        }
    }
}
