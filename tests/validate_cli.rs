//! `copydesk validate` end to end: a corpus with injected defects gives exactly the injected
//! count, lines and pointers in every report format; outputs reconcile byte for byte; bad
//! inputs give the documented error and exit code.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use serde_json::{json, Value};

fn copydesk() -> Command {
    let mut cmd = Command::cargo_bin("copydesk").unwrap();
    for k in [
        "GITHUB_ACTIONS",
        "GITHUB_WORKFLOW",
        "GITHUB_STEP_SUMMARY",
        "NO_COLOR",
    ] {
        cmd.env_remove(k);
    }
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A record that passes the bundled schema and every quality rule.
fn article(i: usize) -> Value {
    let body = format!(
        "Paragraph one of story {i} tells what happened in the town hall meeting today.\n\n{}",
        "The council discussed the budget and the new library at some length. ".repeat(4)
    );
    json!({
        "id": format!("rec-{i}"),
        "url": format!("https://example.com/news/{i}"),
        "source": "The Daily Ledger",
        "section": "News",
        "title": format!("Council meets for the {i}th time"),
        "byline": "Jane Doe",
        "authors": ["Jane Doe"],
        "date_text": "8 months ago",
        "date_published": "2026-03-26T02:20:00Z",
        "date_modified": null,
        "date_precision": "month",
        "date_relative": true,
        "scraped_at": "2026-11-26T02:20:00Z",
        "dateline": null,
        "word_count": copydesk::word_count(&body),
        "body": body,
        "language": "en",
        "warnings": []
    })
}

/// (line, pointer, rule) of every error-severity violation.
type Expected = BTreeSet<(u64, String, String)>;

/// A JSONL corpus of `n` records with a defect injected every 7th record (cycling through six
/// kinds) and a blank line every 50 lines. Returns the bytes and the expected errors.
fn corpus(n: usize) -> (Vec<u8>, Expected, usize) {
    let mut out = Vec::new();
    let mut expected = Expected::new();
    let mut line = 0u64;
    let mut injected = 0;
    for i in 0..n {
        line += 1;
        if line % 50 == 0 {
            out.push(b'\n');
            line += 1;
        }
        let mut r = article(i);
        let text = if i % 7 == 3 {
            injected += 1;
            let (ptr, rule) = match (i / 7) % 6 {
                0 => {
                    r.as_object_mut().unwrap().remove("title");
                    ("", "required")
                }
                1 => {
                    r["word_count"] = json!("many");
                    ("/word_count", "type")
                }
                2 => {
                    r["date_published"] = json!("2026-13-01T00:00:00Z");
                    ("/date_published", "format")
                }
                3 => {
                    r["authors"] = json!(["Jane Doe", 7]);
                    ("/authors/1", "type")
                }
                4 => {
                    expected.insert((line, String::new(), "parse".into()));
                    out.extend_from_slice(b"{\"id\": \"broken\", \"title\": }\n");
                    continue;
                }
                _ => {
                    expected.insert((line, String::new(), "encoding".into()));
                    out.extend_from_slice(b"{\"id\": \"bad-utf8\", \"title\": \"caf\xE9\"}\n");
                    continue;
                }
            };
            expected.insert((line, ptr.into(), rule.into()));
            serde_json::to_string(&r).unwrap()
        } else {
            serde_json::to_string(&r).unwrap()
        };
        out.extend_from_slice(text.as_bytes());
        out.push(b'\n');
    }
    (out, expected, injected)
}

fn write_corpus(dir: &Path, name: &str, n: usize) -> (PathBuf, Expected, usize) {
    let (bytes, expected, injected) = corpus(n);
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    (p, expected, injected)
}

fn errors_of(violations: &[Value]) -> Expected {
    violations
        .iter()
        .filter(|v| v["severity"] == "error")
        .map(|v| {
            (
                v["line"].as_u64().unwrap(),
                v["pointer"].as_str().unwrap().to_string(),
                v["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn injected_defects_are_found_exactly_at_every_chunk_size_and_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let (input, expected, injected) = write_corpus(dir.path(), "corpus.jsonl", 400);
    for threads in ["1", "2", "3"] {
        for chunk in ["1", "1000", "1048576"] {
            let r = run(copydesk()
                .args(["validate", "--format", "jsonl", "--threads", threads])
                .args(["--chunk-size", chunk])
                .arg(&input));
            assert_eq!(r.code, 1, "{}", r.stderr);
            let lines: Vec<Value> = r
                .stdout
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            let (summary, violations) = lines.split_last().unwrap();
            assert_eq!(
                errors_of(violations),
                expected,
                "threads {threads} chunk {chunk}"
            );
            assert_eq!(summary["summary"]["invalid"], injected as u64);
            assert_eq!(summary["summary"]["records"], 400);
            assert_eq!(summary["summary"]["valid"], 400 - injected as u64);
            assert!(
                r.stderr.contains(&format!(
                    "records=400 valid={} invalid={injected} ",
                    400 - injected
                )),
                "{}",
                r.stderr
            );
        }
    }
}

#[test]
fn json_report_matches_its_schema_and_the_injected_defects() {
    let dir = tempfile::tempdir().unwrap();
    let (input, expected, injected) = write_corpus(dir.path(), "corpus.jsonl", 200);
    let r = run(copydesk()
        .args(["validate", "--format", "json"])
        .arg(&input));
    assert_eq!(r.code, 1);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    let schema =
        copydesk::schema::Schema::from_path(&root().join("schemas/validate-report.schema.json"))
            .unwrap();
    let errors: Vec<String> = schema
        .validator
        .iter_errors(&report)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        errors_of(report["violations"].as_array().unwrap()),
        expected
    );
    assert_eq!(report["valid"], false);
    assert_eq!(report["summary"]["invalid"], injected as u64);
    assert_eq!(report["files"][0]["file"], input.display().to_string());
    // Every violation names its record and, where the record has one, its id.
    for v in report["violations"].as_array().unwrap() {
        if v["rule"] == "type" && v["pointer"] == "/word_count" {
            assert!(v["record_id"].as_str().unwrap().starts_with("rec-"));
            assert!(v["schema_path"].as_str().unwrap().contains("word_count"));
        }
    }
}

#[test]
fn concise_and_human_name_every_defect_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let (input, expected, _) = write_corpus(dir.path(), "corpus.jsonl", 120);
    let r = run(copydesk()
        .args(["validate", "--format", "concise"])
        .arg(&input));
    assert_eq!(r.code, 1);
    let name = input.display().to_string();
    let mut found = Expected::new();
    for l in r.stdout.lines() {
        // file:line[:col]: severity [rule] /pointer: message
        let rest = l.strip_prefix(&format!("{name}:")).unwrap();
        let (place, rest) = rest.split_once(": ").unwrap();
        let line: u64 = place.split(':').next().unwrap().parse().unwrap();
        let (sev, rest) = rest.split_once(" [").unwrap();
        let (rule, rest) = rest.split_once("] ").unwrap();
        let (ptr, _msg) = rest.split_once(": ").unwrap();
        if sev == "error" {
            found.insert((line, if ptr == "/" { "" } else { ptr }.into(), rule.into()));
        }
        if rule == "parse" || rule == "encoding" {
            assert!(place.contains(':'), "parse errors carry a column: {l}");
        }
    }
    assert_eq!(found, expected);

    let r = run(copydesk()
        .args(["validate", "--format", "human", "--color", "never"])
        .arg(&input));
    for (line, _, rule) in &expected {
        assert!(r.stdout.contains(&format!("line {line} (record")), "{line}");
        assert!(r.stdout.contains(&format!("[{rule}]")));
    }
    assert!(!r.stdout.contains('\x1b'));
    let colored = run(copydesk()
        .args(["validate", "--format", "human", "--color", "always"])
        .arg(&input));
    assert!(colored.stdout.contains("\x1b[31m"));
}

fn unescape(s: &str) -> String {
    s.replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%25", "%")
}

/// Parses `::command k=v,k=v::message` into its parts, unescaped.
fn workflow_command(l: &str) -> (String, Vec<(String, String)>, String) {
    let rest = l.strip_prefix("::").unwrap();
    let (head, msg) = rest.split_once("::").unwrap();
    let (cmd, props) = head.split_once(' ').unwrap_or((head, ""));
    let props = props
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap();
            assert!(!v.contains([':', ',', '\n']), "unescaped property {p}");
            (k.to_string(), unescape(v))
        })
        .collect();
    (cmd.to_string(), props, unescape(msg))
}

#[test]
fn github_annotations_are_escaped_capped_and_summarised() {
    let dir = tempfile::tempdir().unwrap();
    // A file name that needs escaping in a property.
    let (input, expected, injected) = write_corpus(dir.path(), "a, b:c%.jsonl", 300);
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    let r = run(copydesk()
        .args(["validate"])
        .arg(&input)
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_WORKFLOW", "ci")
        .env("GITHUB_STEP_SUMMARY", &summary));
    assert_eq!(r.code, 1);
    let cmds: Vec<_> = r.stdout.lines().map(workflow_command).collect();
    let errors: Vec<_> = cmds.iter().filter(|c| c.0 == "error").collect();
    assert_eq!(errors.len(), 10);
    for (_, props, msg) in &errors {
        assert_eq!(props[0], ("file".into(), input.display().to_string()));
        let line: u64 = props[1].1.parse().unwrap();
        assert!(expected.iter().any(|e| e.0 == line), "{line}");
        assert!(msg.starts_with('/'), "{msg}");
    }
    let notice = cmds.iter().find(|c| c.0 == "notice").unwrap();
    let more = expected.len() - 10;
    assert!(
        notice.2.starts_with(&format!("{more} more errors")),
        "{}",
        notice.2
    );
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(
        md.starts_with("earlier step\n### copydesk validate"),
        "{md}"
    );
    assert!(md.contains(&format!("| {injected} |")), "{md}");

    let r = run(copydesk()
        .args([
            "validate",
            "--format",
            "github",
            "--annotations-limit",
            "1000",
        ])
        .arg(&input));
    let n = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("::error"))
        .count();
    assert_eq!(n, expected.len());
    assert!(!r.stdout.contains("::notice"));
}

#[test]
fn junit_is_well_formed_with_unique_names() {
    let dir = tempfile::tempdir().unwrap();
    let (input, _, injected) = write_corpus(dir.path(), "x<&\".jsonl", 100);
    let clean = dir.path().join("clean.jsonl");
    std::fs::write(&clean, format!("{}\n", article(1000))).unwrap();
    let report = dir.path().join("r.xml");
    let r = run(copydesk()
        .args(["validate", "--format", "concise", "--report"])
        .arg(format!("junit={}", report.display()))
        .arg(&input)
        .arg(&clean));
    assert_eq!(r.code, 1);
    let py = r#"
import sys, json, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
out = []
for s in root.iter("testsuite"):
    names = [c.get("name") for c in s.iter("testcase")]
    out.append({"name": s.get("name"), "tests": int(s.get("tests")),
                "failures": int(s.get("failures")), "cases": len(names),
                "unique": len(set(names)) == len(names),
                "classes": sorted(set(c.get("classname") for c in s.iter("testcase"))),
                "first": names[0] if names else None})
print(json.dumps(out))
"#;
    let out = Command::new("python3")
        .args(["-c", py])
        .arg(&report)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let suites: Value = serde_json::from_slice(&out.stdout).unwrap();
    let name = input.display().to_string();
    assert_eq!(suites[0]["name"], name);
    assert_eq!(suites[0]["failures"], injected as u64);
    assert_eq!(suites[0]["cases"], injected as u64);
    assert_eq!(suites[0]["unique"], true);
    assert_eq!(suites[0]["classes"], json!([name]));
    assert_eq!(suites[0]["first"], "line 4 (record 3)");
    assert_eq!(suites[1]["failures"], 0);
    assert_eq!(suites[1]["cases"], 1);
}

#[test]
fn valid_and_invalid_outputs_reconcile_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let (input, expected, injected) = write_corpus(dir.path(), "corpus.jsonl", 250);
    let valid = dir.path().join("valid.jsonl");
    let invalid = dir.path().join("invalid.jsonl");
    let r = run(copydesk()
        .args([
            "validate",
            "--format",
            "concise",
            "--threads",
            "2",
            "--chunk-size",
            "700",
        ])
        .arg("--valid-out")
        .arg(&valid)
        .arg("--invalid-out")
        .arg(&invalid)
        .arg(&input));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let original = std::fs::read(&input).unwrap();
    let lines: Vec<&[u8]> = original
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    let bad_lines: BTreeSet<u64> = expected.iter().map(|e| e.0).collect();
    let mut want_valid = Vec::new();
    let mut want_invalid = Vec::new();
    for (i, l) in original.split(|&b| b == b'\n').enumerate() {
        if l.is_empty() {
            continue;
        }
        let out = if bad_lines.contains(&(i as u64 + 1)) {
            &mut want_invalid
        } else {
            &mut want_valid
        };
        out.extend_from_slice(l);
        out.push(b'\n');
    }
    let got_valid = std::fs::read(&valid).unwrap();
    let got_invalid = std::fs::read(&invalid).unwrap();
    assert_eq!(got_invalid, want_invalid);
    assert_eq!(got_valid, want_valid);
    assert_eq!(
        got_valid.iter().filter(|&&b| b == b'\n').count()
            + got_invalid.iter().filter(|&&b| b == b'\n').count(),
        lines.len()
    );
    assert_eq!(
        got_invalid.iter().filter(|&&b| b == b'\n').count(),
        injected
    );

    // An input is never replaced by a split output, and the two halves never share a file.
    let r = run(copydesk()
        .args(["validate", "--valid-out"])
        .arg(&input)
        .arg(&input));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("is an input"), "{}", r.stderr);
    assert_eq!(std::fs::read(&input).unwrap(), original);
    let r = run(copydesk()
        .args(["validate", "--valid-out"])
        .arg(&valid)
        .arg("--invalid-out")
        .arg(&valid)
        .arg(&input));
    assert_eq!(r.code, 2);

    // --annotate wraps each invalid record with where it came from and why.
    let annotated = dir.path().join("annotated.jsonl.gz");
    let r = run(copydesk()
        .args([
            "validate",
            "-q",
            "--format",
            "jsonl",
            "--annotate",
            "--invalid-out",
        ])
        .arg(&annotated)
        .arg(&input));
    assert_eq!(r.code, 1);
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(std::fs::File::open(&annotated).unwrap()),
        &mut text,
    )
    .unwrap();
    let recs: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), injected);
    let first_bad = *bad_lines.iter().next().unwrap();
    assert_eq!(recs[0]["_source"]["line"], first_bad);
    assert_eq!(recs[0]["_source"]["file"], input.display().to_string());
    assert!(recs[0]["_errors"][0]["rule"].is_string());
    assert!(recs[0]["record"].is_object());
    let unparsable = recs
        .iter()
        .find(|r| r["_errors"][0]["rule"] == "parse")
        .unwrap();
    assert_eq!(unparsable["record"], "{\"id\": \"broken\", \"title\": }");
}

#[test]
fn malformed_json_and_invalid_utf8_are_located_violations() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.jsonl");
    let mut bytes = format!("{}\n{{\"id\": \"x\",, }}\n", article(0)).into_bytes();
    bytes.extend_from_slice(b"{\"t\": \"caf\xC3\xA9 \xFF\"}\n");
    std::fs::write(&p, bytes).unwrap();
    let r = run(copydesk().args(["validate", "--format", "concise"]).arg(&p));
    assert_eq!(r.code, 1);
    let name = p.display();
    assert!(
        r.stdout
            .contains(&format!("{name}:2:12: error [parse] /: not valid JSON: ")),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(&format!(
            "{name}:3:13: error [encoding] /: invalid UTF-8 byte 0xFF at column 13"
        )),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.contains("records=3 valid=1 invalid=2"),
        "{}",
        r.stderr
    );
}

#[test]
fn empty_missing_and_unreadable_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    let r = run(copydesk().args(["validate"]).arg(&empty));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("records=0 valid=0 invalid=0"));

    let missing = dir.path().join("missing.jsonl");
    let r = run(copydesk()
        .args(["validate", "--format", "concise"])
        .arg(&missing)
        .arg(&empty));
    assert_eq!(r.code, 2);
    assert!(
        r.stdout
            .contains(&format!("{}: error [read]: ", missing.display())),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.contains("1 of 2 inputs could not be read"),
        "{}",
        r.stderr
    );

    // A gzip file cut short is an input that cannot be read to the end.
    let gz = dir.path().join("cut.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..50 {
        std::io::Write::write_all(&mut enc, format!("{}\n", article(i)).as_bytes()).unwrap();
    }
    let full = enc.finish().unwrap();
    std::fs::write(&gz, &full[..full.len() / 2]).unwrap();
    let r = run(copydesk().args(["validate", "--format", "json"]).arg(&gz));
    assert_eq!(r.code, 2);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(report["files"][0]["error"].is_string());
    assert_eq!(report["valid"], false);
}

#[test]
fn schema_problems_exit_2_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("d.jsonl");
    std::fs::write(&data, "{\"x\": 1}\n").unwrap();
    let cases = [
        ("broken.json", "{\"type\": 12}", "broken.json"),
        ("notjson.json", "{nope", "not valid JSON"),
        (
            "remote.json",
            "{\"$ref\": \"https://example.com/s.json\"}",
            "does not fetch remote schemas",
        ),
    ];
    for (name, text, needle) in cases {
        let s = dir.path().join(name);
        std::fs::write(&s, text).unwrap();
        let r = run(copydesk().args(["validate", "--schema"]).arg(&s).arg(&data));
        assert_eq!(r.code, 2, "{name}");
        assert!(r.stderr.contains(needle), "{name}: {}", r.stderr);
    }
    let r = run(copydesk()
        .args(["validate", "--schema"])
        .arg(dir.path().join("nowhere.json"))
        .arg(&data));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("nowhere.json"));

    // Local $refs resolve relative to the schema; drafts other than 2020-12 work.
    std::fs::create_dir(dir.path().join("defs")).unwrap();
    std::fs::write(
        dir.path().join("defs/n.json"),
        r#"{"definitions": {"n": {"type": "integer"}}}"#,
    )
    .unwrap();
    let s = dir.path().join("draft4.json");
    std::fs::write(
        &s,
        r#"{"$schema": "http://json-schema.org/draft-04/schema#",
            "properties": {"x": {"$ref": "defs/n.json#/definitions/n"}}, "required": ["x"]}"#,
    )
    .unwrap();
    std::fs::write(&data, "{\"x\": 1}\n{\"x\": \"one\"}\n{}\n").unwrap();
    let r = run(copydesk()
        .args(["validate", "--format", "concise", "--schema"])
        .arg(&s)
        .arg(&data));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.contains(":2: error [type] /x: "), "{}", r.stdout);
    assert!(
        r.stdout.contains(":3: error [required] /: "),
        "{}",
        r.stdout
    );
    assert!(r.stderr.contains("records=3 valid=1 invalid=2 warnings=0"));
}

#[test]
fn compressed_stdin_directories_and_json_arrays() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("corpus");
    std::fs::create_dir_all(sub.join("nested")).unwrap();
    let text: String = (0..20).map(|i| format!("{}\n", article(i))).collect();
    let mut bad = article(99);
    bad["word_count"] = json!(-1);
    let gz = sub.join("a.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut enc, text.as_bytes()).unwrap();
    std::fs::write(&gz, enc.finish().unwrap()).unwrap();
    let zst = sub.join("nested/b.ndjson.zst");
    std::fs::write(
        &zst,
        zstd::encode_all(format!("{bad}\n").as_bytes(), 3).unwrap(),
    )
    .unwrap();
    std::fs::write(sub.join("notes.txt"), "not a corpus").unwrap();
    let array = sub.join("c.json");
    std::fs::write(&array, format!("[\n  {},\n  {}\n]\n", article(30), bad)).unwrap();

    let r = run(copydesk().args(["validate", "--format", "jsonl"]).arg(&sub));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let last: Value = serde_json::from_str(r.stdout.lines().last().unwrap()).unwrap();
    assert_eq!(last["summary"]["files"], 3);
    assert_eq!(last["summary"]["records"], 23);
    assert_eq!(last["summary"]["invalid"], 2);
    let v: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|v: &Value| v["rule"] == "minimum")
        .collect();
    assert_eq!(v.len(), 2);
    assert_eq!(v[0]["file"], array.display().to_string());
    assert_eq!(v[0]["line"], 3);
    assert_eq!(v[0]["record"], 1);
    assert_eq!(v[1]["file"], zst.display().to_string());

    let mut cmd = copydesk();
    cmd.args(["validate", "--format", "concise", "-"])
        .stdin(std::fs::File::open(&array).unwrap());
    let r = run(&mut cmd);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.starts_with("-:1:1: error [parse] /: "),
        "{}",
        r.stdout
    );
    let mut cmd = copydesk();
    cmd.args(["validate", "--from", "json", "--format", "concise", "-"])
        .stdin(std::fs::File::open(&array).unwrap());
    let r = run(&mut cmd);
    assert!(
        r.stdout.starts_with("-:3: error [minimum] /word_count: "),
        "{}",
        r.stdout
    );
}

#[test]
fn quality_rules_duplicates_and_severity_flags() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.jsonl");
    let mut dup = article(1);
    dup["url"] = json!("https://example.com/other");
    let mut html = article(2);
    html["title"] = json!("Council &amp; mayor <b>agree</b>");
    std::fs::write(&a, format!("{}\n{}\n", article(1), html)).unwrap();
    std::fs::write(&b, format!("{}\n{}\n", article(3), dup)).unwrap();
    let r = run(copydesk()
        .args(["validate", "--format", "concise"])
        .arg(&a)
        .arg(&b));
    assert_eq!(r.code, 1, "{}", r.stdout);
    let want = format!(
        "{}:2: error [duplicate-id] /id: duplicate id: first seen at {}:line 1",
        b.display(),
        a.display()
    );
    assert!(r.stdout.contains(&want), "{}", r.stdout);
    assert!(
        r.stdout.contains("warning [duplicate-title] /title"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("warning [html-residue] /title"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("duplicate-url"));

    // Downgrading the only error to a warning passes; --strict fails on warnings.
    let r = run(copydesk()
        .args(["validate", "--warn", "duplicate-id"])
        .arg(&a)
        .arg(&b));
    assert_eq!(r.code, 0, "{}", r.stdout);
    let r = run(copydesk()
        .args(["validate", "--strict", "--warn", "duplicate-id"])
        .arg(&a)
        .arg(&b));
    assert_eq!(r.code, 1);
    let r = run(copydesk()
        .args([
            "validate",
            "--deny",
            "html-residue",
            "--allow",
            "duplicate-id,duplicate-title",
        ])
        .args(["--format", "concise"])
        .arg(&a)
        .arg(&b));
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("error [html-residue]"));
    assert!(!r.stdout.contains("duplicate"));
    assert!(r.stderr.contains("invalid=1 "));
    let r = run(copydesk().args(["validate", "--allow", "nonsense"]).arg(&a));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unknown rule \"nonsense\""));

    // --max-invalid tolerates a known level of bad records.
    let r = run(copydesk()
        .args(["validate", "--max-invalid", "1"])
        .arg(&a)
        .arg(&b));
    assert_eq!(r.code, 0);
    let r = run(copydesk()
        .args(["validate", "--max-invalid", "20%"])
        .arg(&a)
        .arg(&b));
    assert_eq!(r.code, 1);

    let r = run(copydesk().args(["validate", "--list-rules"]));
    assert_eq!(r.code, 0);
    for rule in copydesk::validate::Rule::ALL {
        assert!(r.stdout.contains(rule.id()));
    }
    assert!(r.stdout.contains("duplicate-id           error"));
}

#[test]
fn max_errors_caps_printing_not_counting_and_reports_go_to_files() {
    let dir = tempfile::tempdir().unwrap();
    let (input, expected, injected) = write_corpus(dir.path(), "corpus.jsonl", 200);
    let json_path = dir.path().join("r.json");
    let r = run(copydesk()
        .args([
            "validate",
            "--format",
            "concise",
            "--max-errors",
            "3",
            "--report",
        ])
        .arg(format!("json={}", json_path.display()))
        .arg(&input));
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout.lines().count(), 3);
    assert!(r.stderr.contains(&format!("invalid={injected} ")));
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert_eq!(
        errors_of(report["violations"].as_array().unwrap()),
        expected
    );

    let r = run(copydesk().args(["validate", "--quiet"]).arg(&input));
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout.lines().count(), 1);
    assert!(
        r.stdout.starts_with(&format!(
            "records=200 valid={} invalid={injected} ",
            200 - injected
        )),
        "{}",
        r.stdout
    );
    assert!(r.stderr.is_empty(), "{}", r.stderr);

    let r = run(copydesk()
        .args(["validate", "--format", "json", "--max-errors", "2"])
        .arg(&input));
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(report["violations"].as_array().unwrap().len(), 2);
    assert_eq!(report["summary"]["not_shown"], expected.len() as u64 - 2);
    assert_eq!(report["summary"]["invalid"], injected as u64);
}
