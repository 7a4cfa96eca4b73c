//! `copydesk parse` end to end: inputs (files, directories, stdin, JSONL), rejections with
//! `file: reason` and exit 1, `-o`, threads, and the seed's exact record from the issue.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use copydesk::schema::Schema;
use serde_json::Value;

const AT: &str = "2026-11-26T02:20:00Z";

fn fixture(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/parse")
        .join(case)
        .join("input.txt")
}

fn copydesk() -> Command {
    Command::cargo_bin("copydesk").unwrap()
}

/// The records on stdout, each checked against the bundled schema.
fn records(stdout: &[u8]) -> Vec<Value> {
    let schema = Schema::article().unwrap();
    let text = std::str::from_utf8(stdout).unwrap();
    text.lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let errors: Vec<String> = schema
                .validator
                .iter_errors(&v)
                .map(|e| e.to_string())
                .collect();
            assert!(
                errors.is_empty(),
                "record does not validate: {errors:?}\n{l}"
            );
            v
        })
        .collect()
}

#[test]
fn the_seed_gives_the_record_the_issue_asks_for() {
    let out = copydesk()
        .args(["parse", "--scraped-at", AT])
        .arg(fixture("starmer"))
        .assert()
        .success();
    let recs = records(&out.get_output().stdout);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    assert_eq!(
        r["title"],
        "Starmer Urges US-Backed Security Guarantees as Key to Ukraine Peace Deal"
    );
    assert_eq!(r["byline"], "Hire Arrive");
    assert_eq!(r["authors"], serde_json::json!(["Hire Arrive"]));
    assert_eq!(r["section"], "News");
    assert_eq!(r["date_text"], "8 months ago");
    assert_eq!(r["date_published"], "2026-03-26T02:20:00Z");
    assert_eq!(r["date_precision"], "month");
    assert_eq!(r["date_relative"], true);
    assert_eq!(r["scraped_at"], AT);
    assert_eq!(r["dateline"], "London, UK");
    let body = r["body"].as_str().unwrap();
    assert_eq!(body.split("\n\n").count(), 8);
    assert!(body.starts_with("London, UK – Keir Starmer"));
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        stderr.contains("parsed 1 articles, rejected 0 inputs"),
        "{stderr}"
    );
}

#[test]
fn stdin_is_read_with_a_dash_and_by_default() {
    let text = std::fs::read(fixture("two_authors_and")).unwrap();
    for args in [
        vec!["parse", "-", "--scraped-at", AT],
        vec!["parse", "--scraped-at", AT],
    ] {
        let out = copydesk()
            .args(&args)
            .write_stdin(text.clone())
            .assert()
            .success();
        let recs = records(&out.get_output().stdout);
        assert_eq!(recs.len(), 1);
        assert_eq!(
            recs[0]["authors"],
            serde_json::json!(["Jane Doe", "John Roe"])
        );
    }
}

#[test]
fn without_a_scrape_time_now_is_used_with_a_note() {
    let out = copydesk()
        .args(["parse"])
        .arg(fixture("no_date"))
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert_eq!(stderr.matches("note:").count(), 1, "{stderr}");
    let recs = records(&out.get_output().stdout);
    let scraped = recs[0]["scraped_at"].as_str().unwrap();
    assert!(scraped.ends_with('Z') && scraped.len() == 20, "{scraped}");
}

#[test]
fn a_directory_is_walked_for_txt_files_in_order_with_the_same_output_on_one_thread() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::copy(fixture("no_date"), dir.path().join("b.txt")).unwrap();
    std::fs::copy(fixture("two_authors_and"), dir.path().join("sub/a.txt")).unwrap();
    std::fs::write(dir.path().join("notes.md"), "# not an article").unwrap();
    std::fs::write(dir.path().join("notes.json"), "{}").unwrap();
    let run = |threads: &str| {
        let out = copydesk()
            .args(["parse", "--scraped-at", AT, "--threads", threads])
            .arg(dir.path())
            .assert()
            .success();
        out.get_output().stdout.clone()
    };
    let many = run("2");
    assert_eq!(many, run("1"));
    let recs = records(&many);
    let titles: Vec<&str> = recs.iter().map(|r| r["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Volunteers Restore Victorian Bandstand in Town Park",
            "Drought Forces Water Rationing Across Southern Spain"
        ]
    );
}

#[test]
fn bad_inputs_are_reported_and_the_rest_still_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    let binary = dir.path().join("binary.txt");
    let untitled = dir.path().join("untitled.txt");
    std::fs::write(&empty, "").unwrap();
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0").unwrap();
    std::fs::write(
        &untitled,
        "The council met on Tuesday night and, after a long debate that ran well past midnight, voted by a narrow margin to approve the budget for the coming year, officials said.\n",
    )
    .unwrap();
    let out = copydesk()
        .args(["parse", "--scraped-at", AT])
        .arg(&empty)
        .arg(fixture("no_date"))
        .arg(&binary)
        .arg(&untitled)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        stderr.contains(&format!("{}: empty input", empty.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{}: binary data, not text", binary.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{}: no recognisable title", untitled.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains("parsed 1 articles, rejected 3 inputs"),
        "{stderr}"
    );
    assert_eq!(records(&out.get_output().stdout).len(), 1);
}

#[test]
fn a_missing_file_is_an_io_error_after_the_others_are_parsed() {
    let out = copydesk()
        .args(["parse", "--scraped-at", AT, "/nonexistent/nothing.txt"])
        .arg(fixture("no_date"))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(stderr.contains("/nonexistent/nothing.txt"), "{stderr}");
    assert_eq!(records(&out.get_output().stdout).len(), 1);
}

#[test]
fn jsonl_pages_carry_url_source_and_scraped_at_and_bad_lines_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pages.jsonl");
    let text = std::fs::read_to_string(fixture("starmer")).unwrap();
    let lines = [
        serde_json::json!({"text": text, "url": "https://news.example/starmer", "scraped_at": "2026-11-26T02:20:00Z", "source": "Example News"}).to_string(),
        "{not json".to_string(),
        String::new(),
        serde_json::json!({"text": "", "url": "https://news.example/empty"}).to_string(),
        serde_json::json!({"url": "https://news.example/no-text"}).to_string(),
        serde_json::json!({"text": text, "scraped_at": "yesterday"}).to_string(),
        serde_json::json!({"text": std::fs::read_to_string(fixture("no_date")).unwrap()}).to_string(),
    ];
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let out = copydesk()
        .args([
            "parse",
            "--from",
            "jsonl",
            "--scraped-at",
            "2027-01-01T00:00:00Z",
        ])
        .arg(&path)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    let name = path.display().to_string();
    assert!(
        stderr.contains(&format!("{name}:2: expected a JSON object")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{name}:4: empty input")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{name}:5: expected a JSON object")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{name}:6: /scraped_at:")),
        "{stderr}"
    );
    assert!(
        stderr.contains("parsed 2 articles, rejected 4 inputs"),
        "{stderr}"
    );
    let recs = records(&out.get_output().stdout);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["url"], "https://news.example/starmer");
    assert_eq!(recs[0]["source"], "Example News");
    assert_eq!(recs[0]["scraped_at"], "2026-11-26T02:20:00Z");
    assert_eq!(recs[0]["date_published"], "2026-03-26T02:20:00Z");
    // The flag's reference applies to pages without their own.
    assert_eq!(recs[1]["scraped_at"], "2027-01-01T00:00:00Z");
    assert_eq!(recs[1]["url"], Value::Null);
}

#[test]
fn jsonl_is_recognised_by_extension_among_text_files() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages.jsonl");
    let text = std::fs::read_to_string(fixture("no_date")).unwrap();
    std::fs::write(&pages, serde_json::json!({"text": text}).to_string() + "\n").unwrap();
    let out = copydesk()
        .args(["parse", "--scraped-at", AT])
        .arg(fixture("two_authors_and"))
        .arg(&pages)
        .assert()
        .success();
    let recs = records(&out.get_output().stdout);
    let titles: Vec<&str> = recs.iter().map(|r| r["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Drought Forces Water Rationing Across Southern Spain",
            "Volunteers Restore Victorian Bandstand in Town Park"
        ]
    );
}

#[test]
fn output_file_is_written_whole_with_no_temporary_left() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("articles.jsonl");
    copydesk()
        .args(["parse", "--scraped-at", AT, "-o"])
        .arg(&out_path)
        .arg(fixture("starmer"))
        .arg(fixture("no_date"))
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read(&out_path).unwrap();
    assert_eq!(records(&written).len(), 2);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["articles.jsonl"]);
}

#[test]
fn scraped_at_mtime_uses_the_file_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::copy(fixture("starmer"), &path).unwrap();
    let when = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_795_659_600); // 2026-11-26T02:20:00Z
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(when)
        .unwrap();
    let out = copydesk()
        .args(["parse", "--scraped-at", "mtime"])
        .arg(&path)
        .assert()
        .success();
    let recs = records(&out.get_output().stdout);
    assert_eq!(recs[0]["scraped_at"], "2026-11-26T02:20:00Z");
}

#[test]
fn usage_errors_exit_2() {
    copydesk()
        .args(["parse", "--scraped-at", "last tuesday", "-"])
        .write_stdin("x")
        .assert()
        .code(2);
    copydesk()
        .args(["parse", "--tz", "Mars/Olympus", "-"])
        .write_stdin("x")
        .assert()
        .code(2);
    copydesk()
        .args(["parse", "--threads", "0", "-"])
        .write_stdin("x")
        .assert()
        .code(2);
}

#[test]
fn many_jsonl_pages_keep_their_order_across_batches() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pages.jsonl");
    let text = std::fs::read_to_string(fixture("no_date")).unwrap();
    let mut lines = String::new();
    for i in 0..1300 {
        let url = format!("https://news.example/{i}");
        lines.push_str(&serde_json::json!({"text": text, "url": url}).to_string());
        lines.push('\n');
    }
    std::fs::write(&path, lines).unwrap();
    let out = copydesk()
        .args(["parse", "--scraped-at", AT, "--threads", "2"])
        .arg(&path)
        .assert()
        .success();
    let recs = records(&out.get_output().stdout);
    assert_eq!(recs.len(), 1300);
    for (i, r) in recs.iter().enumerate() {
        assert_eq!(r["url"], format!("https://news.example/{i}"));
    }
}

#[test]
fn date_order_and_source_flags_reach_the_record() {
    let run = |order: &str| {
        let out = copydesk()
            .args(["parse", "--scraped-at", AT, "--date-order", order])
            .args(["--source", "Example Wire"])
            .arg(fixture("ambiguous_numeric_date"))
            .assert()
            .success();
        records(&out.get_output().stdout).remove(0)
    };
    let mdy = run("mdy");
    assert_eq!(mdy["date_published"], "2025-04-03T00:00:00Z");
    assert_eq!(mdy["source"], "Example Wire");
    let dmy = run("dmy");
    assert_eq!(dmy["date_published"], "2025-03-04T00:00:00Z");
    assert_ne!(mdy["id"], Value::Null);
}

#[test]
fn numeric_dates_follow_the_page_language_unless_an_order_is_given() {
    let case = fixture("publisher_20minutes_numeric_date_day_first_by_language");
    let run = |extra: &[&str]| {
        let out = copydesk()
            .args(["parse", "--scraped-at", AT])
            .args(extra)
            .arg(&case)
            .assert()
            .success();
        records(&out.get_output().stdout).remove(0)
    };
    // `04/03/25` on a French page is 4 March, by default and with `--date-order mdy` (the
    // default convention), and with `--date-order dmy`.
    assert_eq!(run(&[])["date_published"], "2025-03-04T14:32:00Z");
    assert_eq!(
        run(&["--date-order", "mdy"])["date_published"],
        "2025-03-04T14:32:00Z"
    );
    // An English page keeps month first unless day first is asked for.
    let english = "Council approves budget after long night\nBy Jane Doe\n04/03/2025\nThe council approved the budget at 2am after a debate that lasted nine hours.";
    assert_eq!(
        run_on_text(english, &[])["date_published"],
        "2025-04-03T00:00:00Z"
    );
    assert_eq!(
        run_on_text(english, &["--date-order", "dmy"])["date_published"],
        "2025-03-04T00:00:00Z"
    );
}

fn run_on_text(text: &str, extra: &[&str]) -> Value {
    let out = copydesk()
        .args(["parse", "--scraped-at", AT, "-"])
        .args(extra)
        .write_stdin(text)
        .assert()
        .success();
    records(&out.get_output().stdout).remove(0)
}

#[test]
fn a_named_zone_reads_zoneless_dates_in_it() {
    // 4 March 2025 14:30 in London (GMT in March) and in New York (EST).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(
        &path,
        "Startup raises money for battery plant\nBy Jane Doe\nTuesday 4 March 2025 14:30\n\nA battery recycling startup has raised $50m to build its first large plant.\n",
    )
    .unwrap();
    let at = |zone: &str| {
        let out = copydesk()
            .args(["parse", "--scraped-at", AT, "--tz", zone])
            .arg(&path)
            .assert()
            .success();
        records(&out.get_output().stdout).remove(0)["date_published"].clone()
    };
    assert_eq!(at("Europe/London"), "2025-03-04T14:30:00Z");
    assert_eq!(at("America/New_York"), "2025-03-04T19:30:00Z");
}
