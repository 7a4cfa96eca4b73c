//! Loose article text (later HTML) -> `Article`. Owns header classification, byline and author
//! splitting, dateline and body clean-up; uses `dates` for date text; does no I/O.
