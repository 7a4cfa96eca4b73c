//! Behaviour every subcommand shares: usage errors, version, the schema command.

use assert_cmd::Command;

fn copydesk() -> Command {
    Command::cargo_bin("copydesk").unwrap()
}

#[test]
fn schema_prints_the_bundled_schema_as_json() {
    let out = copydesk()
        .arg("schema")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let printed: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let file = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schemas/article.schema.json"
    ))
    .unwrap();
    let file: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert_eq!(printed, file);
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    copydesk().arg("no-such-command").assert().code(2);
    copydesk()
        .args(["parse", "--no-such-flag"])
        .assert()
        .code(2);
    copydesk().arg("--help").assert().success();
    copydesk().arg("--version").assert().success();
}

#[test]
fn the_readme_quick_start_parses_every_fixture_into_valid_records() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/parse");
    let parsed = copydesk()
        .args(["parse", fixtures, "--scraped-at", "2026-11-26T02:20:00Z"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let n_inputs = std::fs::read_dir(fixtures).unwrap().count();
    assert_eq!(parsed.iter().filter(|&&b| b == b'\n').count(), n_inputs);
    let out = copydesk()
        .args(["validate", "-", "--format", "concise"])
        .write_stdin(parsed)
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("records={n_inputs} valid={n_inputs} invalid=0")),
        "{stderr}"
    );
}

/// An output that is a pipe (or a device such as /dev/null) is written into, never replaced by
/// a renamed temporary file: a FIFO stands in for /dev/null so a regression cannot break the
/// machine running the tests.
#[cfg(unix)]
#[test]
fn outputs_that_are_pipes_are_written_in_place() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let page =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/parse/starmer/input.txt");
    for (i, args) in [
        vec![
            "parse",
            page.to_str().unwrap(),
            "--scraped-at",
            "2026-11-26T02:20:00Z",
            "-o",
        ],
        vec![
            "convert",
            page.to_str().unwrap(),
            "--scraped-at",
            "2026-11-26T02:20:00Z",
            "--to",
            "jsonl",
            "-o",
        ],
    ]
    .into_iter()
    .enumerate()
    {
        let fifo = dir.path().join(format!("pipe{i}"));
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                let mut text = String::new();
                std::fs::File::open(&fifo)
                    .unwrap()
                    .read_to_string(&mut text)
                    .unwrap();
                text
            })
        };
        Command::cargo_bin("copydesk")
            .unwrap()
            .args(&args)
            .arg(&fifo)
            .assert()
            .success();
        // Checked before joining: a reader left on a replaced pipe would wait forever.
        let kind = std::fs::metadata(&fifo).unwrap().file_type();
        assert!(
            std::os::unix::fs::FileTypeExt::is_fifo(&kind),
            "{args:?} replaced the pipe"
        );
        let text = reader.join().unwrap();
        assert!(text.contains("\"title\""), "{args:?}: {text}");
    }
}
