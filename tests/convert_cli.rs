//! `copydesk convert` end to end: rejections with locations while the rest converts, counts that
//! reconcile, exit codes, never clobbering, stdin/stdout, `--validate`, `schema --arrow`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::str::contains;
use serde_json::Value;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/convert/articles.jsonl")
}

fn copydesk() -> Command {
    Command::cargo_bin("copydesk").unwrap()
}

fn lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The `id` of every record of a JSONL file, in order.
fn ids(path: &Path) -> Vec<String> {
    lines(path)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

const GOOD: &str = r#"{"id":"g1","title":"Good","authors":["A"],"body":"B"}"#;

#[test]
fn bad_records_and_inputs_are_rejected_with_locations_while_the_rest_converts() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // JSONL: line 2 is not JSON, line 3 has a wrong type, line 5 has an unknown field.
    std::fs::write(
        d.join("a.jsonl"),
        format!(
            "{GOOD}\n{{\"id\": \"broken\n{}\n\n{}\n{GOOD}\n",
            r#"{"id":"w","title":"T","authors":[],"body":"B","word_count":"five"}"#,
            r#"{"id":"u","title":"T","authors":[],"body":"B","colour":"red"}"#
        ),
    )
    .unwrap();
    // CSV: data row 2 (line 3) is ragged.
    std::fs::write(
        d.join("b.csv"),
        "id,title,authors,body\nc1,Title,[],Body\nc2,Title\nc3,\"T, 3\",\"[\"\"x\"\"]\",Body\n",
    )
    .unwrap();
    // Parquet: a real file cut in half.
    copydesk()
        .args(["convert", fixture().to_str().unwrap(), "-o"])
        .arg(d.join("whole.parquet"))
        .assert()
        .success();
    let whole = std::fs::read(d.join("whole.parquet")).unwrap();
    std::fs::write(d.join("c.parquet"), &whole[..whole.len() / 2]).unwrap();

    let out = d.join("out.parquet");
    let rejects = d.join("rejects.jsonl");
    copydesk()
        .arg("convert")
        .args([d.join("a.jsonl"), d.join("b.csv"), d.join("c.parquet")])
        .arg("-o")
        .arg(&out)
        .arg("--rejects")
        .arg(&rejects)
        .assert()
        .code(1)
        .stderr(contains("read 8 records from 3 inputs, wrote 4 to"))
        .stderr(contains("rejected 4; 1 input could not be read"));

    let rej = lines(&rejects);
    let find = |file: &str, rule: &str| {
        rej.iter()
            .find(|r| r["file"].as_str().unwrap().ends_with(file) && r["rule"] == rule)
            .unwrap_or_else(|| panic!("no {rule} reject for {file}: {rej:?}"))
            .clone()
    };
    let not_json = find("a.jsonl", "parse");
    assert_eq!(not_json["line"], 2);
    assert_eq!(not_json["record"], 1);
    assert!(not_json["reason"]
        .as_str()
        .unwrap()
        .contains("not valid JSON"));
    let wrong = rej
        .iter()
        .find(|r| r["pointer"] == "/word_count")
        .expect("wrong type rejected");
    assert_eq!(wrong["line"], 3);
    assert_eq!(wrong["rule"], "type");
    assert!(wrong["reason"]
        .as_str()
        .unwrap()
        .contains("expected an integer"));
    assert!(wrong["raw"].as_str().unwrap().contains("\"five\""));
    let unknown = rej.iter().find(|r| r["pointer"] == "/colour").unwrap();
    assert_eq!(
        unknown["line"], 5,
        "the blank line 4 still counts as a line"
    );
    let ragged = find("b.csv", "parse");
    assert_eq!(ragged["line"], 3);
    assert!(ragged["reason"]
        .as_str()
        .unwrap()
        .contains("expected 4 fields"));
    assert_eq!(ragged["raw"], "c2,Title");
    let truncated = find("c.parquet", "input");
    assert!(truncated["reason"].as_str().unwrap().contains("parquet"));

    // What was written is exactly the good records, in input order.
    let back = d.join("back.jsonl");
    copydesk()
        .args([
            "convert",
            out.to_str().unwrap(),
            "-o",
            back.to_str().unwrap(),
        ])
        .assert()
        .success();
    assert_eq!(ids(&back), ["g1", "g1", "c1", "c3"]);
    assert_eq!(lines(&back)[3]["authors"], serde_json::json!(["x"]));
}

#[test]
fn an_unclosed_quote_rejects_its_line_and_the_rows_after_it_convert() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    std::fs::write(
        &input,
        "id,title,authors,body\nc1,T,[],B\nc2,\"Title with a stray quote,[],B\nc3,T,[],B\nc4,T,[],B\n",
    )
    .unwrap();
    let out = dir.path().join("out.jsonl");
    let rejects = dir.path().join("rejects.jsonl");
    copydesk()
        .args([
            "convert",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .arg("--rejects")
        .arg(&rejects)
        .assert()
        .code(1)
        .stderr(contains("read 4 records from 1 input, wrote 3 to"));
    assert_eq!(ids(&out), ["c1", "c3", "c4"]);
    let rej = lines(&rejects);
    assert_eq!(rej.len(), 1);
    assert_eq!(
        (rej[0]["line"].as_u64(), rej[0]["rule"].as_str()),
        (Some(3), Some("parse"))
    );
    assert!(rej[0]["reason"].as_str().unwrap().contains("not closed"));
    assert_eq!(rej[0]["raw"], "c2,\"Title with a stray quote,[],B");
}

#[test]
fn records_nested_a_hundred_thousand_levels_deep_are_rejected_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let deep = |open: &str, close: &str| open.repeat(100_000) + &close.repeat(100_000);
    let jsonl = dir.path().join("in.jsonl");
    std::fs::write(
        &jsonl,
        format!(
            "{GOOD}\n{}\n{{\"id\":\"d\",\"title\":\"T\",\"authors\":{},\"body\":\"B\"}}\n{GOOD}\n",
            deep("[", "]"),
            deep("[", "]"),
        ),
    )
    .unwrap();
    let json = dir.path().join("in.json");
    std::fs::write(&json, format!("[{GOOD},{}]", deep("[", "]"))).unwrap();
    // Hidden among many ordinary records of the same chunk.
    let crowd = dir.path().join("crowd.jsonl");
    std::fs::write(
        &crowd,
        format!(
            "{}{}\n{GOOD}\n",
            format!("{GOOD}\n").repeat(20_000),
            deep("[", "]")
        ),
    )
    .unwrap();
    for (input, read) in [(&jsonl, 4), (&json, 2), (&crowd, 20_002)] {
        let out = dir.path().join("out.parquet");
        let rejects = dir.path().join("rejects.jsonl");
        copydesk()
            .arg("convert")
            .arg(input)
            .arg("-o")
            .arg(&out)
            .arg("--rejects")
            .arg(&rejects)
            .arg("--force")
            .assert()
            .code(1)
            .stderr(contains(format!("read {read} records from 1 input")));
        let rej = lines(&rejects);
        let deep_records = if read > 4 { 1 } else { read - read / 2 };
        assert_eq!(rej.len(), deep_records, "{input:?}");
        assert!(rej[0]["reason"]
            .as_str()
            .unwrap()
            .contains("nested more than 128"));
    }
}

#[test]
fn parquet_pages_other_writers_make_read_as_pyarrow_reads_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/parquet");
    for (file, expected) in [
        ("v2_all_null_zstd.parquet", "{\"body\":null}\n".repeat(3)),
        ("v2_all_null_gzip.parquet", "{\"body\":null}\n".repeat(3)),
        (
            "zstd_long_window.parquet",
            "{\"body\":\"hello\"}\n{\"body\":\"world\"}\n{\"body\":\"zstd\"}\n".into(),
        ),
    ] {
        copydesk()
            .args(["convert", "--to", "jsonl", "-o", "-", "--quiet"])
            .arg(dir.join(file))
            .assert()
            .success()
            .stdout(expected);
    }
    // A page that claims two billion values is refused, not allocated for.
    copydesk()
        .args(["convert", "--to", "jsonl", "-o", "-", "--quiet"])
        .arg(dir.join("hostile_claims_2g_values.parquet"))
        .assert()
        .code(1)
        .stderr(contains("cannot be read"));
}

#[test]
fn records_before_a_corrupt_compressed_stream_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl.zst");
    let mut bytes = zstd::encode_all(format!("{GOOD}\n{GOOD}\n").as_bytes(), 3).unwrap();
    bytes.extend_from_slice(b"not a zstd frame");
    std::fs::write(&input, bytes).unwrap();
    let out = dir.path().join("out.jsonl");
    copydesk()
        .args([
            "convert",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .assert()
        .code(2)
        .stderr(contains("read 2 records from 1 input, wrote 2"))
        .stderr(contains("1 input could not be read"));
    assert_eq!(ids(&out), ["g1", "g1"]);
    copydesk()
        .args(["validate", input.to_str().unwrap(), "--format", "concise"])
        .assert()
        .code(2)
        .stderr(contains("records=2 "))
        .stderr(contains("files_failed=1"));
}

#[test]
fn existing_outputs_are_refused_and_inputs_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::copy(fixture(), &input).unwrap();
    let out = dir.path().join("out.csv");
    std::fs::write(&out, "keep me").unwrap();
    copydesk()
        .args([
            "convert",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .assert()
        .code(2)
        .stderr(contains("already exists"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    copydesk()
        .args([
            "convert",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--force",
        ])
        .assert()
        .success();
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("id,url,"));
    let before = std::fs::read(&input).unwrap();
    copydesk()
        .current_dir(dir.path())
        .args(["convert", "in.jsonl", "-o", "./in.jsonl", "--force"])
        .assert()
        .code(2)
        .stderr(contains("never overwrites an input"));
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[test]
fn a_failed_run_leaves_no_output_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.parquet");
    copydesk()
        .args([
            "convert",
            fixture().to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .args(["--compression-level", "99"])
        .assert()
        .code(2);
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn stdin_and_stdout_stream_jsonl_and_csv() {
    let original = std::fs::read(fixture()).unwrap();
    let csv = copydesk()
        .args(["convert", "-", "--from", "jsonl", "-o", "-", "--to", "csv"])
        .write_stdin(original.clone())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(csv.starts_with(b"id,url,source,"));
    copydesk()
        .args(["convert", "-", "--from", "csv", "-o", "-", "--to", "jsonl"])
        .write_stdin(csv)
        .assert()
        .success()
        .stdout(predicates::ord::eq(original));
    copydesk()
        .args(["convert", "-", "-o", "-", "--to", "csv"])
        .write_stdin(GOOD)
        .assert()
        .code(2)
        .stderr(contains("--from"));
}

#[test]
fn validate_rejects_schema_violations_that_still_fit_the_columns() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        format!(
            "{GOOD}\n{}\n",
            r#"{"id":"v","title":"T","authors":[],"body":"B","language":"not a tag!"}"#
        ),
    )
    .unwrap();
    let out = dir.path().join("out.jsonl");
    copydesk()
        .args([
            "convert",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .assert()
        .success();
    let rejects = dir.path().join("rej.jsonl");
    copydesk()
        .args([
            "convert",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .args([
            "--force",
            "--validate",
            "--rejects",
            rejects.to_str().unwrap(),
        ])
        .assert()
        .code(1)
        .stderr(contains("read 2 records from 1 input, wrote 1"));
    let rej = lines(&rejects);
    assert_eq!(rej.len(), 1);
    assert_eq!(rej[0]["rule"], "schema");
    assert_eq!(rej[0]["pointer"], "/language");
    assert_eq!(rej[0]["line"], 2);
}

#[test]
fn csv_options_null_marker_separator_bom_and_csv_safe() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    copydesk()
        .args([
            "convert",
            fixture().to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .args([
            "--null",
            "\\N",
            "--list-separator",
            "; ",
            "--bom",
            "--csv-safe",
        ])
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("\u{feff}id,url,"));
    assert!(text.contains(",Jane Doe; Jan Nowak,"), "{text}");
    assert!(text.contains(",'=SUM(A1:A2),"), "{text}");
    assert!(text.contains(",\"\\N\","), "a \\N string is quoted: {text}");
    assert!(text.contains(",\\N,"), "nulls are \\N: {text}");
}

/// Excel's "Unicode text" export: tab-separated UTF-16 with a byte order mark.
#[test]
fn utf16_spreadsheet_exports_convert_like_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = dir.path().join("utf8.tsv");
    copydesk()
        .args(["convert", fixture().to_str().unwrap(), "-o"])
        .arg(&utf8)
        .assert()
        .success();
    let text = std::fs::read_to_string(&utf8).unwrap();
    let tsv = dir.path().join("export.tsv");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&tsv, bytes).unwrap();
    let [back, expected] = [&tsv, &utf8].map(|input| {
        let out = input.with_extension("jsonl");
        copydesk()
            .arg("convert")
            .arg(input)
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        out
    });
    assert_eq!(lines(&back), lines(&expected));
    assert_eq!(ids(&back), ids(&fixture()));
}

#[test]
fn infer_types_columns_from_the_whole_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    // `n` is null for a while and then an integer: inferred from every line, not a sample.
    let mut text = String::new();
    for i in 0..50 {
        text.push_str(&format!(
            "{{\"k\":\"r{i}\",\"n\":null,\"when\":\"2026-01-01T00:00:00Z\"}}\n"
        ));
    }
    text.push_str("{\"k\":\"last\",\"n\":7,\"when\":\"2026-01-02T00:00:00Z\"}\n");
    std::fs::write(&input, &text).unwrap();
    let out = dir.path().join("out.parquet");
    copydesk()
        .args([
            "convert",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--infer",
        ])
        .assert()
        .success();
    let back = dir.path().join("back.jsonl");
    copydesk()
        .args([
            "convert",
            out.to_str().unwrap(),
            "-o",
            back.to_str().unwrap(),
        ])
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&back).unwrap(), text);
}

#[test]
fn schema_arrow_prints_the_derived_columns() {
    copydesk()
        .args(["schema", "--arrow"])
        .assert()
        .success()
        .stdout(contains("date_published: Timestamp(us, UTC)\n"))
        .stdout(contains("authors: List<Utf8> not null\n"));
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// More partitions than files copydesk keeps open: the least recently used file is finished
/// and the partition's later rows go to a new file beside it; nothing is lost or misplaced.
#[test]
fn partitions_beyond_the_open_file_limit_roll_into_more_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let mut text = String::new();
    for i in 0..300 {
        text.push_str(&format!(
            "{{\"id\":\"r{i}\",\"title\":\"T\",\"authors\":[],\"body\":\"B\",\"source\":\"s{}\"}}\n",
            i % 100
        ));
    }
    std::fs::write(&input, &text).unwrap();
    let out = dir.path().join("ds");
    // One row per row group and ten per batch: every row is written at once, so the 100
    // partitions take turns.
    copydesk()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args([
            "--partition-by",
            "source",
            "--to",
            "parquet",
            "--row-group-size",
            "1",
        ])
        .args(["--batch-size", "10"])
        .assert()
        .success()
        .stderr(contains("wrote 300 to"));
    let files: Vec<PathBuf> = files_under(&out)
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "parquet"))
        .collect();
    let mut rows = 0;
    for f in &files {
        let folder = f.parent().unwrap().file_name().unwrap().to_string_lossy();
        let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
            std::fs::File::open(f).unwrap(),
        )
        .unwrap()
        .build()
        .unwrap();
        for batch in reader {
            let batch = batch.unwrap();
            let source = batch.column_by_name("source").unwrap();
            let source = arrow_array::cast::AsArray::as_string::<i32>(source.as_ref());
            for s in source.iter() {
                assert_eq!(format!("source={}", s.unwrap()), folder);
                rows += 1;
            }
        }
    }
    assert_eq!(rows, 300);
    assert!(
        files.len() > 100,
        "no partition rolled: {} files",
        files.len()
    );
}

/// A partitioned run that fails midway leaves what was there before and nothing of its own:
/// not the files it had finished, not the folders it made.
#[test]
fn a_failed_partitioned_run_removes_its_files_and_folders() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let mut text = String::new();
    for (i, source) in ["a", "a", "a", "b"].iter().enumerate() {
        text.push_str(&format!(
            "{{\"id\":\"r{i}\",\"title\":\"T\",\"authors\":[],\"body\":\"B\",\"source\":\"{source}\"}}\n"
        ));
    }
    std::fs::write(&input, &text).unwrap();
    let out = dir.path().join("ds");
    std::fs::create_dir(&out).unwrap();
    // A file where partition b's folder must go: making that folder fails.
    std::fs::write(out.join("source=b"), "mine").unwrap();
    copydesk()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--partition-by", "source", "--to", "jsonl", "--force"])
        .args(["--max-rows-per-file", "1", "--batch-size", "1"])
        .assert()
        .code(2);
    let left: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["source=b"]);
    assert_eq!(
        std::fs::read_to_string(out.join("source=b")).unwrap(),
        "mine"
    );
}

#[test]
fn partitions_are_hive_folders_with_safe_names_and_the_columns_kept() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let mut text = String::new();
    for (i, source) in ["Ledger", "../../escape", "Ledger", "a/b=c", "Ledger"]
        .iter()
        .enumerate()
    {
        text.push_str(&format!(
            "{{\"id\":\"r{i}\",\"title\":\"T\",\"authors\":[],\"body\":\"B\",\"source\":{},\"date_published\":\"202{i}-05-01T00:00:00Z\"}}\n",
            serde_json::to_string(source).unwrap()
        ));
    }
    text.push_str(r#"{"id":"r5","title":"T","authors":[],"body":"B","source":null}"#);
    text.push('\n');
    std::fs::write(&input, &text).unwrap();
    let out = dir.path().join("ds");
    copydesk()
        .args([
            "convert",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .args([
            "--partition-by",
            "source,date_published:year",
            "--to",
            "jsonl",
        ])
        .assert()
        .success()
        .stderr(contains("wrote 6 to"));
    let files = files_under(&out);
    for f in &files {
        assert!(f.starts_with(&out), "{f:?} escaped the output folder");
    }
    let rel: Vec<String> = files
        .iter()
        .map(|f| f.strip_prefix(&out).unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(
        rel.contains(&"source=Ledger/date_published_year=2020/part.jsonl".to_string()),
        "{rel:?}"
    );
    assert!(
        rel.contains(&"source=%2E.%2F..%2Fescape/date_published_year=2021/part.jsonl".to_string()),
        "{rel:?}"
    );
    assert!(
        rel.contains(&"source=a%2Fb%3Dc/date_published_year=2023/part.jsonl".to_string()),
        "{rel:?}"
    );
    assert!(rel.contains(
        &"source=__HIVE_DEFAULT_PARTITION__/date_published_year=__HIVE_DEFAULT_PARTITION__/part.jsonl"
            .to_string()
    ), "{rel:?}");
    // The partition columns stay in the files; every record is in exactly one file.
    let mut ids = Vec::new();
    for f in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "jsonl"))
    {
        for r in lines(f) {
            assert!(r.get("source").is_some());
            ids.push(r["id"].as_str().unwrap().to_string());
        }
    }
    ids.sort();
    assert_eq!(ids, ["r0", "r1", "r2", "r3", "r4", "r5"]);
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("part.manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["rows_written"], 6);
    assert_eq!(manifest["files"].as_array().unwrap().len(), 6);
}

#[test]
fn max_rows_per_file_and_shards_with_manifests() {
    let dir = tempfile::tempdir().unwrap();
    let inputs: Vec<PathBuf> = (0..3)
        .map(|i| {
            let p = dir.path().join(format!("in{i}.jsonl"));
            let text: String = (0..5)
                .map(|j| {
                    format!(
                        "{{\"id\":\"f{i}r{j}\",\"title\":\"T\",\"authors\":[],\"body\":\"B\"}}\n"
                    )
                })
                .collect();
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect();
    let out = dir.path().join("out");
    for shard in ["1/2", "2/2"] {
        copydesk()
            .arg("convert")
            .args(inputs.iter().rev())
            .args([
                "-o",
                out.to_str().unwrap(),
                "--shard",
                shard,
                "--max-rows-per-file",
                "4",
            ])
            .assert()
            .success();
    }
    let m1: Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("part-1-of-2.manifest.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(m1["shard"], "1/2");
    assert_eq!(m1["rows_read"], 10, "inputs 0 and 2 by sorted path");
    assert_eq!(m1["rows_written"], 10);
    assert!(m1["inputs"][0].as_str().unwrap().ends_with("in0.jsonl"));
    assert!(m1["inputs"][1].as_str().unwrap().ends_with("in2.jsonl"));
    let files = m1["files"].as_array().unwrap();
    assert_eq!(files.len(), 3, "10 rows at most 4 per file: {files:?}");
    assert_eq!(files[0]["path"], "part-1-of-2.parquet");
    assert_eq!(files[1]["path"], "part-1-of-2-00001.parquet");
    assert_eq!(files[0]["sha256"].as_str().unwrap().len(), 64);
    let m2: Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("part-2-of-2.manifest.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(m2["rows_written"], 5);
    // A retry without --force is refused; with it, the shard is replaced.
    copydesk()
        .arg("convert")
        .args(&inputs)
        .args(["-o", out.to_str().unwrap(), "--shard", "2/2"])
        .assert()
        .code(2)
        .stderr(contains("already exists"));
}

#[test]
fn parquet_rows_are_validated_and_retyped_to_a_schema() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A Parquet file whose date_published is plain text (its own schema says string).
    let loose = d.join("loose.json");
    std::fs::write(
        &loose,
        r#"{"properties": {"id": {"type": "string"}, "title": {"type": "string"},
            "authors": {"type": "array", "items": {"type": "string"}}, "body": {"type": "string"},
            "date_published": {"type": ["string", "null"]}}}"#,
    )
    .unwrap();
    let src = d.join("src.jsonl");
    std::fs::write(
        &src,
        format!(
            "{}\n{}\n{}\n",
            r#"{"id":"p0","title":"T","authors":[],"body":"B","date_published":"2026-03-26T02:20:00Z"}"#,
            r#"{"id":"p1","title":"T","authors":[],"body":"B","date_published":"last tuesday"}"#,
            r#"{"id":"p2","title":"T","authors":[],"body":"B","date_published":null}"#
        ),
    )
    .unwrap();
    let pq = d.join("loose.parquet");
    copydesk()
        .args(["convert", src.to_str().unwrap(), "-o", pq.to_str().unwrap()])
        .args(["--schema", loose.to_str().unwrap()])
        .assert()
        .success();
    // Retyped by the article schema: the row whose text is not a date-time is rejected.
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/article.schema.json");
    let out = d.join("typed.parquet");
    let rejects = d.join("rej.jsonl");
    copydesk()
        .args(["convert", pq.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .args([
            "--schema",
            article.to_str().unwrap(),
            "--rejects",
            rejects.to_str().unwrap(),
        ])
        .assert()
        .code(1)
        .stderr(contains("read 3 records from 1 input, wrote 2"));
    let rej = lines(&rejects);
    assert_eq!(rej[0]["record"], 1);
    assert_eq!(rej[0]["pointer"], "/date_published");
    // --validate on Parquet input checks every row against the schema.
    copydesk()
        .args([
            "convert",
            out.to_str().unwrap(),
            "-o",
            d.join("v.jsonl").to_str().unwrap(),
        ])
        .arg("--validate")
        .assert()
        .success()
        .stderr(contains("read 2 records from 1 input, wrote 2"));
}

#[test]
fn loose_text_is_parsed_as_copydesk_parse_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/parse");
    let dir = tempfile::tempdir().unwrap();
    let inputs: Vec<PathBuf> = ["starmer", "two_authors_and", "no_date"]
        .iter()
        .map(|c| root.join(c).join("input.txt"))
        .collect();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let parsed = copydesk()
        .arg("parse")
        .args(&inputs)
        .args(["--scraped-at", "2026-11-26T02:20:00Z"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = dir.path().join("out.parquet");
    let rejects = dir.path().join("rej.jsonl");
    copydesk()
        .arg("convert")
        .args(&inputs)
        .arg(&empty)
        .args([
            "-o",
            out.to_str().unwrap(),
            "--scraped-at",
            "2026-11-26T02:20:00Z",
        ])
        .args(["--rejects", rejects.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(contains("read 4 records from 4 inputs, wrote 3"));
    assert_eq!(lines(&rejects)[0]["rule"], "text");
    let back = dir.path().join("back.jsonl");
    copydesk()
        .args([
            "convert",
            out.to_str().unwrap(),
            "-o",
            back.to_str().unwrap(),
        ])
        .assert()
        .success();
    assert_eq!(std::fs::read(&back).unwrap(), parsed);
}

#[test]
fn a_missing_input_is_an_io_error_after_the_others_convert() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    let missing = dir.path().join("missing.jsonl");
    copydesk()
        .arg("convert")
        .arg(fixture())
        .arg(&missing)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("missing.jsonl"))
        .stderr(contains("wrote 8 to"));
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(fixture()).unwrap()
    );
    copydesk()
        .arg("convert")
        .arg(fixture())
        .args([
            "-o",
            out.to_str().unwrap(),
            "--force",
            "--rejects",
            out.to_str().unwrap(),
        ])
        .assert()
        .code(2)
        .stderr(contains("both the output and --rejects"));
}

#[test]
fn a_missing_required_field_and_a_non_object_line_are_located() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        format!(
            "{GOOD}\n[1,2]\n{}\n",
            r#"{"id":"x","authors":[],"body":"B"}"#
        ),
    )
    .unwrap();
    let rejects = dir.path().join("rej.jsonl");
    copydesk()
        .args(["convert", input.to_str().unwrap(), "-o"])
        .arg(dir.path().join("out.csv"))
        .args(["--rejects", rejects.to_str().unwrap()])
        .assert()
        .code(1);
    let rej = lines(&rejects);
    assert_eq!(rej.len(), 2);
    assert_eq!(rej[0]["line"], 2);
    assert!(rej[0]["reason"]
        .as_str()
        .unwrap()
        .contains("expected a JSON object"));
    assert_eq!(rej[1]["line"], 3);
    assert_eq!(rej[1]["pointer"], "/title");
    assert!(rej[1]["reason"]
        .as_str()
        .unwrap()
        .contains("required field is missing"));
}

/// A CSV large enough to be read in several blocks by several threads: every rejected row keeps
/// its own line and record number, counted across block boundaries and across two inputs.
#[test]
fn csv_rejects_are_located_across_blocks_and_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut expected = Vec::new();
    for name in ["one.csv", "two.csv"] {
        let mut csv = String::from("id,title,word_count,body\n");
        let mut line = 2u64;
        for i in 0..12_000u64 {
            // Every 997th row has a word count that is not a number; bodies hold quoted line
            // breaks, so lines and records differ.
            let count = if i % 997 == 5 {
                "many".to_string()
            } else {
                i.to_string()
            };
            if i % 997 == 5 {
                expected.push((name, line, i));
            }
            let body = "word ".repeat(140 + (i % 40) as usize);
            csv.push_str(&format!(
                "r{i},\"Title, {i}\",{count},\"{body}\nsecond line\"\n"
            ));
            line += 2;
        }
        assert!(csv.len() > 8 << 20, "spans several 4 MiB blocks");
        std::fs::write(d.join(name), csv).unwrap();
    }
    let schema = d.join("schema.json");
    std::fs::write(
        &schema,
        r#"{"type":"object","required":["id","title","word_count","body"],"properties":{
            "id":{"type":"string"},"title":{"type":"string"},
            "word_count":{"type":"integer"},"body":{"type":"string"}},
            "additionalProperties":false}"#,
    )
    .unwrap();
    let rejects = d.join("rejects.jsonl");
    copydesk()
        .arg("convert")
        .args([d.join("one.csv"), d.join("two.csv")])
        .arg("--schema")
        .arg(&schema)
        .arg("-o")
        .arg(d.join("out.jsonl"))
        .arg("--rejects")
        .arg(&rejects)
        .assert()
        .code(1)
        .stderr(contains(format!(
            "read 24000 records from 2 inputs, wrote {} to",
            24_000 - expected.len()
        )));
    let got: Vec<(String, u64, u64)> = lines(&rejects)
        .iter()
        .map(|r| {
            assert_eq!(r["rule"], "type");
            assert_eq!(r["pointer"], "/word_count");
            (
                r["file"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string(),
                r["line"].as_u64().unwrap(),
                r["record"].as_u64().unwrap(),
            )
        })
        .collect();
    let want: Vec<(String, u64, u64)> = expected
        .iter()
        .map(|(f, l, r)| (f.to_string(), *l, *r))
        .collect();
    assert_eq!(got, want);
    assert_eq!(lines(&d.join("out.jsonl")).len(), 24_000 - want.len());
}

/// `--tz` and `--date-order` reach loose-text parsing in convert as they do in parse.
#[test]
fn loose_text_takes_the_zone_and_date_order_options() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.txt");
    std::fs::write(
        &page,
        "Council approves new budget\n\nBy Jane Smith\n\n04/03/2025 14:30\n\n\
         The council approved the budget on Tuesday after a long debate about spending.\n",
    )
    .unwrap();
    let convert = |extra: &[&str]| -> Value {
        let out = copydesk()
            .args([
                "convert",
                page.to_str().unwrap(),
                "-o",
                "-",
                "--to",
                "jsonl",
            ])
            .args(["--scraped-at", "2026-11-26T02:20:00Z"])
            .args(extra)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice(&out).unwrap()
    };
    let default = convert(&[]);
    assert_eq!(default["date_published"], "2025-04-03T14:30:00Z");
    let dmy = convert(&["--date-order", "dmy", "--tz", "Europe/London"]);
    assert_eq!(dmy["date_published"], "2025-03-04T14:30:00Z");
    let summer = convert(&["--tz", "Europe/London"]);
    assert_eq!(summer["date_published"], "2025-04-03T13:30:00Z");
    copydesk()
        .args([
            "convert",
            page.to_str().unwrap(),
            "-o",
            "-",
            "--to",
            "jsonl",
        ])
        .args([
            "--scraped-at",
            "2026-11-26T02:20:00Z",
            "--tz",
            "Mars/Olympus",
        ])
        .assert()
        .code(2)
        .stderr(contains("--tz: expected an IANA zone name"));
}

/// A JSON array is read element by element: a bad element is rejected with the line it starts
/// on while the others convert, whatever their layout.
#[test]
fn json_array_elements_are_rejected_alone_with_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let doc = format!(
        "[\n  {GOOD},\n  {{\n    \"id\": \"p2\",\n    \"title\": \"Pretty\",\n    \"authors\": [\"A\", \"B\"],\n    \"body\": \"B\"\n  }},\n  {{\"id\": \"bad\", \"title\": 7}},\n  {{\"id\": \"x\", \"title\": oops}},\n  {{\"id\": \"raw\", \"title\": \"line\nbreak\", \"body\": \"b\"}},\n  42\n]\n"
    );
    let input = d.join("in.json");
    std::fs::write(&input, doc).unwrap();
    let rejects = d.join("rejects.jsonl");
    let out = d.join("out.jsonl");
    copydesk()
        .arg("convert")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .arg("--rejects")
        .arg(&rejects)
        .assert()
        .code(1)
        .stderr(contains("read 6 records from 1 input, wrote 2"));
    let written = lines(&out);
    assert_eq!(written[1]["authors"], serde_json::json!(["A", "B"]));
    let mut got: Vec<(u64, u64)> = lines(&rejects)
        .iter()
        .map(|r| (r["line"].as_u64().unwrap(), r["record"].as_u64().unwrap()))
        .collect();
    got.sort();
    assert_eq!(got, vec![(9, 2), (10, 3), (11, 4), (13, 5)]);
}
