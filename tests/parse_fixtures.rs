//! Every case in fixtures/parse/<case>/ through the library: input.txt (bytes) with the
//! case's args (default `--scraped-at 2026-11-26T02:20:00Z`) must give expected.json field by
//! field, and every record must validate against the bundled schema.

use std::path::{Path, PathBuf};

use copydesk::extract::{parse_bytes, ExtractOptions};
use copydesk::schema::Schema;
use serde_json::Value;

const DEFAULT_SCRAPED_AT: &str = "2026-11-26T02:20:00Z";

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/parse");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("fixtures/parse exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("input.txt").is_file())
        .collect();
    dirs.sort();
    dirs
}

/// The options a case's `args` file asks for: `--scraped-at X`, `--source NAME`, `--url U`.
fn options(dir: &Path) -> ExtractOptions {
    let args = std::fs::read_to_string(dir.join("args")).unwrap_or_default();
    let words: Vec<&str> = args.split_whitespace().collect();
    let value = |flag: &str| {
        words
            .iter()
            .position(|w| *w == flag)
            .and_then(|i| words.get(i + 1))
            .map(|s| s.to_string())
    };
    let scraped_at = value("--scraped-at").unwrap_or_else(|| DEFAULT_SCRAPED_AT.to_string());
    let mut options = ExtractOptions::new(&scraped_at).expect("valid --scraped-at in args");
    options.source = value("--source");
    options.url = value("--url");
    options
}

#[test]
fn every_fixture_parses_to_its_expected_record_and_validates() {
    let schema = Schema::article().expect("bundled schema compiles");
    let cases = cases();
    assert!(
        cases.len() >= 31,
        "expected at least 31 cases, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for dir in &cases {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(dir.join("input.txt")).unwrap();
        let article = match parse_bytes(&bytes, &options(dir)) {
            Ok(a) => a,
            Err(e) => {
                failures.push(format!("{name}: rejected: {e}"));
                continue;
            }
        };
        let got = serde_json::to_value(&article).unwrap();
        for error in schema.validator.iter_errors(&got) {
            failures.push(format!(
                "{name}: schema: {}: {error}",
                error.instance_path()
            ));
        }
        let expected_path = dir.join("expected.json");
        let Ok(text) = std::fs::read_to_string(&expected_path) else {
            failures.push(format!(
                "{name}: no expected.json; got:\n{}",
                serde_json::to_string_pretty(&got).unwrap()
            ));
            continue;
        };
        let expected: Value = serde_json::from_str(&text).expect("expected.json is JSON");
        failures.extend(diff(&name, &expected, &got));
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Field-by-field differences, readable: `case: field: expected X, got Y`.
fn diff(name: &str, expected: &Value, got: &Value) -> Vec<String> {
    let (Some(e), Some(g)) = (expected.as_object(), got.as_object()) else {
        return vec![format!("{name}: expected.json is not an object")];
    };
    let mut out = Vec::new();
    for (key, ev) in e {
        let gv = g.get(key).unwrap_or(&Value::Null);
        if ev == gv {
            continue;
        }
        if key == "body" {
            let (es, gs) = (ev.as_str().unwrap_or(""), gv.as_str().unwrap_or(""));
            let ep: Vec<&str> = es.split("\n\n").collect();
            let gp: Vec<&str> = gs.split("\n\n").collect();
            out.push(format!(
                "{name}: body: expected {} paragraphs, got {}",
                ep.len(),
                gp.len()
            ));
            for i in 0..ep.len().max(gp.len()) {
                let (a, b) = (ep.get(i), gp.get(i));
                if a != b {
                    out.push(format!(
                        "  paragraph {i}: expected {:?}\n               got {:?}",
                        a.unwrap_or(&"<none>"),
                        b.unwrap_or(&"<none>")
                    ));
                }
            }
        } else {
            out.push(format!("{name}: {key}: expected {ev}, got {gv}"));
        }
    }
    for key in g.keys().filter(|k| !e.contains_key(*k)) {
        out.push(format!("{name}: {key}: not in expected.json"));
    }
    out
}
