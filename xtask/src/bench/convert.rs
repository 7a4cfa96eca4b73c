//! `cargo xtask bench convert [--size 100m|1g] [--runs N] [--jobs jsonl2csv,...]`: copydesk's four
//! conversions
//! (JSONL -> Parquet, JSONL -> CSV, CSV -> Parquet, Parquet -> JSONL) in the same run as DuckDB,
//! polars and pyarrow, through `../shared/bench/run_peers.sh` (its `OURS_*` hooks). Every tool
//! writes zstd level 3 and gets the same typed schema; copydesk uses its bundled article schema.
//! The shared scripts' folder can be moved with `COPYDESK_BENCH_DIR`.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{bail, Context, Result};

/// The conversions timed, as `run_peers.sh` names them.
const JOBS: [&str; 4] = ["jsonl2parquet", "jsonl2csv", "csv2parquet", "parquet2jsonl"];

pub fn run(args: &[String]) -> Result<()> {
    let mut size = "100m".to_string();
    let mut runs = "3".to_string();
    let mut jobs = JOBS.join(" ");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--size" => size = it.next().context("--size needs 100m or 1g")?.clone(),
            "--runs" => runs = it.next().context("--runs needs a number")?.clone(),
            "--jobs" => {
                let list = it
                    .next()
                    .context("--jobs needs a list such as jsonl2csv,csv2parquet")?;
                let picked: Vec<&str> = list.split(',').map(str::trim).collect();
                if let Some(bad) = picked.iter().find(|j| !JOBS.contains(j)) {
                    bail!(
                        "bench convert: unknown job {bad:?} (one of {})",
                        JOBS.join(", ")
                    );
                }
                jobs = picked.join(" ");
            }
            other => bail!(
                "bench convert: unknown option {other:?} (--size 100m|1g, --runs N, --jobs LIST)"
            ),
        }
    }
    // A private copy: the target folder is shared, and another build may replace the binary
    // while the (long) benchmark runs.
    let mut built = super::release_binary()?;
    if !is_this_copydesk(&built) {
        // The shared target folder held another worktree's build, which cargo took as fresh:
        // touch a source file so that this tree's sources are built.
        let src = crate::project_root().join("src/cli/convert.rs");
        std::fs::File::options()
            .append(true)
            .open(&src)
            .and_then(|f| f.set_modified(std::time::SystemTime::now()))
            .with_context(|| format!("touching {}", src.display()))?;
        built = super::release_binary()?;
        if !is_this_copydesk(&built) {
            bail!(
                "{}: not a copydesk with `convert --partition-by`",
                built.display()
            );
        }
    }
    let bin = std::env::temp_dir().join(format!("copydesk-bench-convert-{}", std::process::id()));
    std::fs::copy(&built, &bin)
        .with_context(|| format!("copying {} to {}", built.display(), bin.display()))?;
    let bench = std::env::var_os("COPYDESK_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::project_root().join("../shared/bench"));
    let script = bench.join("run_peers.sh");
    if !script.exists() {
        bail!(
            "{}: not found (set COPYDESK_BENCH_DIR to the shared bench folder)",
            script.display()
        );
    }
    let b = bin.display();
    // --force: the harness deletes outputs between runs, but a warm-up may leave one behind.
    let ours = |rest: &str| format!("{b} convert {{in}} -o {{out}} --quiet --force{rest}");
    let result = crate::run(
        Command::new("bash")
            .arg(&script)
            .env("SIZE", &size)
            .env("RUNS", &runs)
            .env("JOBS", &jobs)
            .env("OURS_NAME", "ours (copydesk)")
            .env("OURS_JSONL2PARQUET", ours(""))
            .env("OURS_JSONL2CSV", ours(""))
            // The shared CSV input joins list cells with "; " (as the peers write it).
            .env("OURS_CSV2PARQUET", ours(" --list-separator '; '"))
            .env("OURS_PARQUET2JSONL", ours("")),
    );
    let _ = std::fs::remove_file(&bin);
    result
}

/// Whether the binary is a copydesk with this tree's `convert` (its help names the flags).
fn is_this_copydesk(bin: &std::path::Path) -> bool {
    Command::new(bin)
        .args(["convert", "--help"])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("--partition-by"))
}
