//! What convert writes, it reads back unchanged: every pair of formats (with .gz/.zst), at
//! batch sizes 1, 3 and large, on the fixture articles (unicode, line breaks, quotes, commas,
//! empty lists, nulls, empty strings) and on proptest-generated articles.

use std::path::{Path, PathBuf};

use copydesk::convert::{convert, ConvertOptions, ConvertReport};
use copydesk::io::write::{Destination, WriteOptions};
use copydesk::io::{Compression, Format, Source};
use copydesk::Article;
use proptest::prelude::*;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/convert/articles.jsonl")
}

fn options_for(out: &Path, batch_rows: usize) -> ConvertOptions {
    let write = WriteOptions {
        format: Format::determine(out).unwrap(),
        compression: Compression::of(out),
        csv: Default::default(),
        parquet: copydesk::io::write::parquet::ParquetOptions {
            // Small row groups so that batching across row groups is exercised too.
            row_group_rows: 5,
            ..Default::default()
        },
        force: false,
    };
    let mut o = ConvertOptions::new(write);
    o.batch_rows = batch_rows;
    o
}

fn run(input: &Path, out: &Path, batch_rows: usize) -> ConvertReport {
    let report = convert(
        &[Source::File(input.to_path_buf())],
        Destination::File(out.to_path_buf()),
        &options_for(out, batch_rows),
    )
    .unwrap_or_else(|e| panic!("{} -> {}: {e}", input.display(), out.display()));
    assert!(
        report.is_clean(),
        "{} -> {}: {:?}",
        input.display(),
        out.display(),
        report.reject_samples
    );
    assert_eq!(report.read, report.written);
    report
}

const TARGETS: &[&str] = &[
    "jsonl", "json", "csv", "tsv", "parquet", "jsonl.gz", "csv.zst", "json.gz",
];

/// JSONL -> A -> B -> JSONL for every pair (A, B), compared byte for byte with the input.
fn round_trip_all_pairs(input: &Path, batch_rows: usize) {
    let original = std::fs::read(input).unwrap();
    let n = original
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .count() as u64;
    let dir = tempfile::tempdir().unwrap();
    for a in TARGETS {
        let first = dir.path().join(format!("first.{a}"));
        assert_eq!(run(input, &first, batch_rows).written, n);
        for b in TARGETS {
            let second = dir.path().join(format!("second-{a}.{b}"));
            run(&first, &second, batch_rows);
            let back = dir.path().join(format!("back-{a}-{b}.jsonl"));
            run(&second, &back, batch_rows);
            let got = std::fs::read(&back).unwrap();
            assert!(
                got == original,
                "jsonl -> {a} -> {b} -> jsonl (batch {batch_rows}) differs:\n{}\n---\n{}",
                String::from_utf8_lossy(&original),
                String::from_utf8_lossy(&got)
            );
        }
    }
}

#[test]
fn fixture_round_trips_through_every_pair_at_batch_size_1() {
    round_trip_all_pairs(&fixture(), 1);
}

#[test]
fn fixture_round_trips_through_every_pair_at_batch_size_3() {
    round_trip_all_pairs(&fixture(), 3);
}

#[test]
fn fixture_round_trips_through_every_pair_at_a_large_batch_size() {
    round_trip_all_pairs(&fixture(), 0);
}

#[test]
fn timestamps_with_offsets_come_back_as_the_same_instant_in_utc() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        r#"{"id":"x","title":"T","authors":[],"body":"B","scraped_at":"2026-11-26T03:20:00+01:00"}"#,
    )
    .unwrap();
    let pq = dir.path().join("out.parquet");
    run(&input, &pq, 0);
    let back = dir.path().join("back.jsonl");
    run(&pq, &back, 0);
    let text = std::fs::read_to_string(&back).unwrap();
    assert!(
        text.contains(r#""scraped_at":"2026-11-26T02:20:00Z""#),
        "{text}"
    );
    // Absent optional fields whose schema does not admit null stay absent.
    assert!(!text.contains("date_relative"), "{text}");
    assert!(!text.contains("word_count"), "{text}");
    assert!(text.contains(r#""url":null"#), "{text}");
}

fn timestamp() -> impl Strategy<Value = Option<String>> {
    prop::option::of((-2_000_000_000i64..4_000_000_000i64).prop_map(|s| {
        jiff::Timestamp::from_second(s)
            .map(|t| t.to_string())
            .unwrap_or_else(|_| "2000-01-01T00:00:00Z".into())
    }))
}

/// Text that stresses every format: quotes, delimiters, line breaks, unicode, empty.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-z ,;\"'\t\n\r\\\\=+@-]{0,12}",
        "\\PC{0,16}",
        "[ -~]{0,20}",
    ]
}

fn article() -> impl Strategy<Value = Article> {
    (
        (
            "[a-z0-9]{1,12}",
            prop::option::of(text()),
            prop::option::of(text()),
            prop::option::of(text()),
            "\\PC{1,20}",
            prop::option::of(text()),
            prop::collection::vec(text(), 0..4),
            prop::option::of(text()),
        ),
        (
            timestamp(),
            timestamp(),
            prop::option::of(prop::sample::select(copydesk::Precision::ALL.to_vec())),
            any::<bool>(),
            timestamp(),
            prop::option::of(text()),
            text(),
            any::<u32>(),
            prop::option::of(text()),
            prop::collection::vec(text(), 0..3),
        ),
    )
        .prop_map(
            |(
                (id, url, source, section, title, byline, authors, date_text),
                (
                    date_published,
                    date_modified,
                    date_precision,
                    date_relative,
                    scraped_at,
                    dateline,
                    body,
                    word_count,
                    language,
                    warnings,
                ),
            )| Article {
                id,
                url,
                source,
                section,
                title,
                byline,
                authors,
                date_text,
                date_published,
                date_modified,
                date_precision,
                date_relative,
                scraped_at,
                dateline,
                body,
                word_count: word_count as u64,
                language,
                warnings,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn generated_articles_round_trip_through_parquet_and_csv(
        articles in prop::collection::vec(article(), 1..6),
        batch in prop::sample::select(vec![1usize, 3, 0]),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.jsonl");
        let mut text = Vec::new();
        for a in &articles {
            serde_json::to_writer(&mut text, a).unwrap();
            text.push(b'\n');
        }
        std::fs::write(&input, &text).unwrap();
        for via in ["parquet", "csv", "tsv", "json"] {
            let mid = dir.path().join(format!("mid.{via}"));
            run(&input, &mid, batch);
            let back = dir.path().join(format!("back-{via}.jsonl"));
            run(&mid, &back, batch);
            let got = std::fs::read(&back).unwrap();
            prop_assert!(
                got == text,
                "via {}:\n{}\n---\n{}",
                via,
                String::from_utf8_lossy(&text),
                String::from_utf8_lossy(&got)
            );
            let parsed: Vec<Article> = got
                .split(|&b| b == b'\n')
                .filter(|l| !l.is_empty())
                .map(|l| serde_json::from_slice(l).unwrap())
                .collect();
            prop_assert_eq!(&parsed, &articles);
        }
    }
}

#[test]
fn the_record_readers_give_back_what_convert_wrote_with_positions() {
    use copydesk::io::read::{open, Position, ReadOptions};
    let dir = tempfile::tempdir().unwrap();
    let original: Vec<serde_json::Value> = std::fs::read_to_string(fixture())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let schema: serde_json::Value = serde_json::from_str(copydesk::schema::ARTICLE_SCHEMA).unwrap();
    for ext in ["parquet", "csv", "tsv"] {
        let out = dir.path().join(format!("out.{ext}"));
        run(&fixture(), &out, 3);
        let options = ReadOptions {
            schema: Some(schema.clone()),
            ..ReadOptions::default()
        };
        let format = Format::determine(&out).unwrap();
        let records: Vec<_> = open(&Source::File(out.clone()), format, &options)
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(records.len(), original.len(), "{ext}");
        for (i, (r, want)) in records.iter().zip(&original).enumerate() {
            assert_eq!(r.value.as_ref().unwrap(), want, "{ext} record {i}");
            assert_eq!(r.location.record, Some(i as u64), "{ext}");
            match (ext, r.position) {
                ("parquet", Position::Parquet { row_group, row }) => {
                    // Row groups of 5 rows (see options_for).
                    assert_eq!((row_group, row), ((i / 5) as u64, (i % 5) as u64));
                }
                ("csv" | "tsv", Position::Csv { row }) => assert_eq!(row, i as u64 + 1),
                other => panic!("unexpected position {other:?}"),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Hostile input never panics and always reconciles: read = written + rejected.
    #[test]
    fn arbitrary_bytes_never_panic_and_counts_reconcile(
        lines in prop::collection::vec(
            prop_oneof![
                prop::collection::vec(any::<u8>(), 0..40),
                Just(br#"{"id":"a","title":"T","authors":["x"],"body":"B"}"#.to_vec()),
                Just(br#"{"id":"a","title":"T","authors":[1],"body":"B","word_count":1.5}"#.to_vec()),
                Just(b"\"a\",\"b\"\r\n\"".to_vec()),
            ],
            0..12,
        ),
        as_csv in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join(if as_csv { "in.csv" } else { "in.jsonl" });
        let mut bytes = if as_csv { b"id,title,authors,body\n".to_vec() } else { Vec::new() };
        for l in &lines {
            bytes.extend_from_slice(l);
            bytes.push(b'\n');
        }
        std::fs::write(&input, &bytes).unwrap();
        for ext in ["parquet", "csv"] {
            let out = dir.path().join(format!("out.{ext}"));
            let _ = std::fs::remove_file(&out);
            let report = convert(
                &[Source::File(input.clone())],
                Destination::File(out.clone()),
                &options_for(&out, 3),
            )
            .unwrap();
            prop_assert_eq!(report.read, report.written + report.rejected);
        }
    }
}
