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
