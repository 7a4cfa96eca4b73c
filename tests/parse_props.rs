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
