//! Real readers: pyarrow, DuckDB and polars read copydesk's Parquet and CSV (through
//! tests/interop/check_readers.py) and get the right rows, types and values. With `CI` set
//! (`.ci/run` installs them) the packages must be there; locally a missing one is installed
//! with pip first.

use std::path::Path;
use std::process::Command;

use assert_cmd::Command as Cmd;

const PACKAGES: [&str; 3] = ["pyarrow", "duckdb", "polars"];

fn python_has_packages() -> bool {
    Command::new("python3")
        .args(["-c", "import pyarrow, duckdb, polars"])
        .status()
        .is_ok_and(|s| s.success())
}

fn ensure_packages() {
    if python_has_packages() {
        return;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but python3 cannot import {PACKAGES:?} (.ci/run installs them)"
    );
    let status = Command::new("python3")
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .args(PACKAGES)
        .status();
    assert!(
        status.is_ok_and(|s| s.success()) && python_has_packages(),
        "python3 with {PACKAGES:?} is needed for this test and pip could not install them"
    );
}

#[test]
fn pyarrow_duckdb_and_polars_read_copydesk_output() {
    ensure_packages();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    // The fixture many times over, with small row groups, so the files have several.
    let fixture = std::fs::read_to_string(root.join("fixtures/convert/articles.jsonl")).unwrap();
    let mut source = String::new();
    for copy in 0..40 {
        for line in fixture.lines() {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            v["id"] = format!("{}-{copy}", v["id"].as_str().unwrap()).into();
            source.push_str(&v.to_string());
            source.push('\n');
        }
    }
    let src = dir.path().join("src.jsonl");
    std::fs::write(&src, &source).unwrap();
    let pq = dir.path().join("out.parquet");
    let csv = dir.path().join("out.csv");
    for (out, extra) in [(&pq, vec!["--row-group-size", "50"]), (&csv, vec![])] {
        Cmd::cargo_bin("copydesk")
            .unwrap()
            .arg("convert")
            .arg(&src)
            .arg("-o")
            .arg(out)
            .args(extra)
            .assert()
            .success();
    }
    let output = Command::new("python3")
        .arg(root.join("tests/interop/check_readers.py"))
        .args([&pq, &csv, &src])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
