//! `copydesk validate` on CSV and Parquet (read through `io::read`): CSV violations carry the
//! line where the record starts and its row, Parquet ones the row group and row; a ragged CSV
//! row and a cell of the wrong type are located violations; a truncated Parquet file is an
//! input that cannot be read (exit 2). Inputs are made with `copydesk convert`.

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use serde_json::{json, Value};

fn copydesk() -> Command {
    let mut cmd = Command::cargo_bin("copydesk").unwrap();
    for k in ["GITHUB_ACTIONS", "GITHUB_WORKFLOW", "GITHUB_STEP_SUMMARY"] {
        cmd.env_remove(k);
    }
    cmd
}

/// A record valid against the bundled schema and rules; its body has line breaks, so CSV rows
/// span several lines.
fn article(i: usize) -> Value {
    let body = format!(
        "Paragraph one of story {i}, about the council.\n\n{}",
        "The council discussed the budget and the library at some length. ".repeat(4)
    );
    json!({"id": format!("r{i}"), "url": format!("https://example.com/{i}"),
           "source": "Ledger", "title": format!("Story {i}"), "authors": ["Jane Doe"],
           "date_published": "2026-03-26T02:20:00Z", "date_precision": "day",
           "scraped_at": "2026-11-26T02:20:00Z", "word_count": copydesk::word_count(&body),
           "body": body, "language": "en", "warnings": []})
}

/// Writes 6 records (record 2 breaks the language pattern, record 4 has a wrong word_count)
/// and converts them to `out` with `copydesk convert`.
fn make(dir: &Path, out: &str) -> std::path::PathBuf {
    let jsonl = dir.join("in.jsonl");
    let mut text = String::new();
    for i in 0..6 {
        let mut r = article(i);
        if i == 2 {
            r["language"] = json!("english!!");
        }
        if i == 4 {
            r["word_count"] = json!(3);
        }
        text.push_str(&format!("{r}\n"));
    }
    std::fs::write(&jsonl, text).unwrap();
    let path = dir.join(out);
    let st = copydesk()
        .args(["convert"])
        .arg(&jsonl)
        .arg("-o")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
    path
}

fn violations(path: &Path) -> (i32, Vec<Value>) {
    let out = copydesk()
        .args(["validate", "--format", "jsonl"])
        .arg(path)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    lines.pop();
    (out.status.code().unwrap(), lines)
}

#[test]
fn csv_violations_carry_line_and_row() {
    let dir = tempfile::tempdir().unwrap();
    let csv = make(dir.path(), "a.csv");
    let (code, v) = violations(&csv);
    assert_eq!(code, 1);
    assert_eq!(v.len(), 2, "{v:?}");
    let text = std::fs::read_to_string(&csv).unwrap();
    // Each record starts on the line whose text begins with its id.
    let line_of = |id: &str| {
        1 + text
            .lines()
            .position(|l| l.starts_with(&format!("{id},")))
            .unwrap() as u64
    };
    assert_eq!(v[0]["rule"], "pattern");
    assert_eq!(v[0]["pointer"], "/language");
    assert_eq!(v[0]["row"], 3);
    assert_eq!(v[0]["record"], 2);
    assert_eq!(v[0]["line"], line_of("r2"));
    assert_eq!(v[0]["record_id"], "r2");
    assert_eq!(v[1]["rule"], "word-count-mismatch");
    assert_eq!(v[1]["line"], line_of("r4"));
    assert_eq!(v[1]["row"], 5);

    // A ragged row and a cell of the wrong type are located violations; the run goes on.
    let lines = [
        "id,title,authors,body,word_count",
        "a,T,[],\"b\",1",
        "b,T,[]",
        "c,T,[],\"b\",many",
        "d,T,[],\"b\",2",
    ];
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, lines.join("\n") + "\n").unwrap();
    let out = copydesk()
        .args(["validate", "--no-rules", "--format", "concise"])
        .arg(&bad)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let name = bad.display();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout.contains(&format!("{name}:3 (row 2): error [parse] /: ")),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{name}:4 (row 3): error [type] /word_count: ")),
        "{stdout}"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("records=4 valid=2 invalid=2"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Invalid CSV records are kept as read.
    let rejects = dir.path().join("rejects.csv");
    let out = copydesk()
        .args(["validate", "--no-rules", "-q", "--invalid-out"])
        .arg(&rejects)
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&rejects).unwrap(),
        "b,T,[]\nc,T,[],\"b\",many\n"
    );
}

#[test]
fn parquet_violations_carry_row_group_and_row_and_truncation_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let pq = make(dir.path(), "a.parquet");
    let (code, v) = violations(&pq);
    assert_eq!(code, 1);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0]["rule"], "pattern");
    assert_eq!(v[0]["row_group"], 0);
    assert_eq!(v[0]["row"], 2);
    assert_eq!(v[0]["line"], Value::Null);
    assert_eq!(v[0]["record_id"], "r2");
    assert_eq!(v[1]["row"], 4);

    let report = copydesk()
        .args(["validate", "--format", "junit"])
        .arg(&pq)
        .output()
        .unwrap();
    let xml = String::from_utf8_lossy(&report.stdout);
    assert!(
        xml.contains("name=\"row group 0, row 2 (record 2)\""),
        "{xml}"
    );

    let bytes = std::fs::read(&pq).unwrap();
    let cut = dir.path().join("cut.parquet");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let out = copydesk()
        .args(["validate", "--format", "concise"])
        .arg(&cut)
        .arg(&pq)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with(&format!(
            "{}: error [read]: not a readable parquet file",
            cut.display()
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("row group 0, row 2: error [pattern]"),
        "{stdout}"
    );
}

/// A CSV larger than one read block is checked by several workers: every violation still has
/// the line its record starts on and its row, counted across blocks.
#[test]
fn csv_violations_keep_lines_and_rows_across_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let schema = d.join("schema.json");
    std::fs::write(
        &schema,
        r#"{"type":"object","properties":{"id":{"type":"string"},
            "n":{"type":"integer","maximum":100},"body":{"type":"string"}}}"#,
    )
    .unwrap();
    let mut csv = String::from("id,n,body\n");
    let mut expected = Vec::new();
    let mut line = 2u64;
    for row in 1..=9_000u64 {
        // Every 701st row breaks the maximum; bodies span two lines.
        let n = if row % 701 == 3 { 500 } else { row % 100 };
        if n == 500 {
            expected.push((line, row));
        }
        let body = "text ".repeat(60 + (row % 30) as usize);
        csv.push_str(&format!("r{row},{n},\"{body}\nmore\"\n"));
        line += 2;
    }
    assert!(csv.len() > 3 << 20, "spans several 1 MiB blocks");
    let input = d.join("big.csv");
    std::fs::write(&input, csv).unwrap();
    let out = copydesk()
        .args(["validate", "--format", "jsonl", "--schema"])
        .arg(&schema)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let got: Vec<(u64, u64)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["rule"] == "maximum")
        .map(|v| (v["line"].as_u64().unwrap(), v["row"].as_u64().unwrap()))
        .collect();
    assert_eq!(got, expected);
}
