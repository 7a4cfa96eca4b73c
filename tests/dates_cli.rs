//! `copydesk date` end to end: single phrases, JSON, refusals and exit codes, `--batch` with and
//! without per-line references.

use assert_cmd::Command;
use predicates::prelude::*;

const REF: &str = "2026-11-26T02:20:00Z";

fn date() -> Command {
    let mut cmd = Command::cargo_bin("copydesk").unwrap();
    cmd.arg("date");
    cmd
}

#[test]
fn prints_instant_and_precision() {
    date()
        .args(["8 months ago", "--scraped-at", REF])
        .assert()
        .success()
        .stdout("2026-03-26T02:20:00Z\tmonth\n");
}

#[test]
fn json_has_every_field() {
    let out = date()
        .args([
            "Updated: 04/03/2025 10:04 AM EST",
            "--scraped-at",
            REF,
            "--json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["instant"], "2025-04-03T15:04:00Z");
    assert_eq!(v["precision"], "minute");
    assert_eq!(v["relative"], false);
    assert_eq!(v["label"], "updated");
    assert_eq!(v["date_text"], "04/03/2025 10:04 AM EST");
    assert_eq!(v["span"], serde_json::json!([9, 32]));
    assert_eq!(v["warnings"], serde_json::json!(["ambiguous_date_order"]));
}

#[test]
fn refusal_exits_1_with_the_reason() {
    date()
        .args(["tomorrow", "--scraped-at", REF])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("points to the future"));
    let out = date()
        .args(["8 monkeys ago", "--scraped-at", REF, "--json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["refused"], "unknown_unit");
    assert!(v["reason"].as_str().unwrap().contains("monkeys"));
}

#[test]
fn defaults_to_now_with_a_note() {
    date()
        .arg("just now")
        .assert()
        .success()
        .stderr(predicate::str::contains("no --scraped-at"))
        .stdout(predicate::str::ends_with("\tminute\n"));
}

#[test]
fn tz_and_date_order_apply() {
    date()
        .args(["1 July 2025", "--scraped-at", REF, "--tz", "Europe/London"])
        .assert()
        .success()
        .stdout("2025-06-30T23:00:00Z\tday\n");
    date()
        .args(["04/03/2025", "--scraped-at", REF, "--date-order", "dmy"])
        .assert()
        .success()
        .stdout("2025-03-04T00:00:00Z\tday\n");
    date()
        .args(["today", "--scraped-at", REF, "--tz", "Mars/Olympus"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--tz"));
    date()
        .args(["today", "--scraped-at", "last tuesday"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("RFC 3339"));
}

#[test]
fn all_prints_every_date_on_the_line() {
    date()
        .args([
            "5 days ago | Updated 2 hours ago",
            "--scraped-at",
            REF,
            "--all",
        ])
        .assert()
        .success()
        .stdout("2026-11-21T02:20:00Z\tday\n2026-11-26T00:20:00Z\thour\n");
}

#[test]
fn batch_writes_one_line_per_input_line() {
    let mut input = b"8 months ago\n\nnot a date\r\nMarch 3, 2025\n".to_vec();
    input.extend_from_slice(b"\xff\xfe broken\n3h");
    date()
        .args(["--batch", "--scraped-at", REF])
        .write_stdin(input)
        .assert()
        .code(1)
        .stdout("2026-03-26T02:20:00Z\tmonth\n\t\n\t\n2025-03-03T00:00:00Z\tday\n\t\n2026-11-25T23:20:00Z\thour\n")
        .stderr(predicate::str::contains("stdin:5: invalid UTF-8"))
        .stderr(predicate::str::contains("6 lines: 3 resolved, 3 refused"));
}

#[test]
fn batch_with_references() {
    let input = "2026-11-26T02:20:00Z\t8 months ago\n\
                 2025-03-31T12:00:00+02:00\t1 month ago\n\
                 2025-03-31T12:00:00+02:00\tyesterday\n\
                 not-a-time\t3 hours ago\n\
                 no tab here\n";
    date()
        .args(["--batch", "--with-reference"])
        .write_stdin(input)
        .assert()
        .code(1)
        .stdout(
            "2026-03-26T02:20:00Z\tmonth\n2025-02-28T10:00:00Z\tmonth\n2025-03-29T22:00:00Z\tday\n\t\n\t\n",
        )
        .stderr(predicate::str::contains("stdin:4: expected an RFC 3339 reference"))
        .stderr(predicate::str::contains("stdin:5: expected REFERENCE<TAB>PHRASE"));
}

#[test]
fn batch_all_resolved_exits_0_and_handles_many_lines() {
    let mut input = String::new();
    for n in 0..5000 {
        input.push_str(&format!("{} minutes ago\n", n % 90));
    }
    let out = date()
        .args(["--batch", "--scraped-at", REF])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5000);
    assert_eq!(lines[0], "2026-11-26T02:20:00Z\tminute");
    assert_eq!(lines[4999], "2026-11-26T01:31:00Z\tminute");
}

#[test]
fn batch_json_gives_records() {
    let out = date()
        .args(["--batch", "--json", "--scraped-at", REF])
        .write_stdin("Published 3 hours ago\nrecently\n")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let rows: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["label"], "published");
    assert_eq!(rows[1]["refused"], "vague");
}

#[test]
fn batch_survives_a_line_longer_than_a_read_chunk() {
    let mut input = "x".repeat(9 << 20);
    input.push_str("\n3h\n");
    date()
        .args(["--batch", "--scraped-at", REF])
        .write_stdin(input)
        .assert()
        .code(1)
        .stdout("\t\n2026-11-25T23:20:00Z\thour\n");
    // The same at the very end of the input, without a final newline.
    date()
        .args(["--batch", "--scraped-at", REF])
        .write_stdin(format!("3h\n{}", "y".repeat(9 << 20)))
        .assert()
        .code(1)
        .stdout("2026-11-25T23:20:00Z\thour\n\t\n");
    date()
        .args(["--batch", "--scraped-at", REF])
        .write_stdin("")
        .assert()
        .success()
        .stdout("");
}
