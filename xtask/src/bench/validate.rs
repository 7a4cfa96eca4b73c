//! `cargo xtask bench validate [--size 100m|1g] [--runs N]`: times `copydesk validate` against
//! its peers (the jsonschema crate in a Rust line loop, fastjsonschema, Python jsonschema, ajv)
//! in one run of `../shared/bench/run_peers.sh`, on the generator's corpus with 1% injected
//! invalid records, all with the same schema. copydesk runs with all cores and with
//! `--threads 1`; a third row runs the bundled Article schema with the quality rules, so their
//! cost shows separately. The harness checks every `invalid=N` against the generator's log.
//! Environment passes through (BENCH_DATA, NODE_PATH, PYTHON, RESULTS).

use std::process::Command;

use anyhow::{bail, Context, Result};

pub fn run(args: &[String]) -> Result<()> {
    let mut size = "100m".to_string();
    let mut runs = "3".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--size" => size = it.next().context("--size needs 100m or 1g")?.clone(),
            "--runs" => runs = it.next().context("--runs needs a number")?.clone(),
            other => bail!("unknown option {other:?}: expected --size 100m|1g or --runs N"),
        }
    }
    // The target folder may be shared with other worktrees, whose builds overwrite
    // target/release/copydesk: touching this tree's main.rs makes cargo relink (and copy out)
    // this tree's binary, and a private copy of it is what gets timed.
    let main_rs = crate::project_root().join("src").join("main.rs");
    std::fs::File::options()
        .append(true)
        .open(&main_rs)
        .and_then(|f| f.set_modified(std::time::SystemTime::now()))
        .with_context(|| format!("touching {}", main_rs.display()))?;
    let built = super::release_binary()?;
    let bin = std::env::temp_dir().join("copydesk-bench-validate");
    std::fs::copy(&built, &bin).with_context(|| format!("copying {}", built.display()))?;
    let script = crate::project_root()
        .join("..")
        .join("shared")
        .join("bench")
        .join("run_peers.sh");
    if !script.exists() {
        bail!(
            "{}: the peer benchmark scripts are missing",
            script.display()
        );
    }
    let bin = bin.display();
    // --quiet prints the `records=N valid=N invalid=N` line on stdout, where the harness checks
    // the count; --max-invalid 100% exits 0 like the peers (the work done is the same).
    let ours = format!(
        "{bin} validate --quiet --max-invalid 100% --schema {{schema}} --threads {{threads}} {{in}}"
    );

    // The quality rules' cost: the same corpus against the bundled schema with rules on.
    let data = std::env::var("BENCH_DATA").unwrap_or_else(|_| {
        format!(
            "{}/bench-data",
            std::env::var("TMPDIR").unwrap_or("/tmp".into())
        )
    });
    let input = format!("{data}/news-{size}-inv1.jsonl");
    let extra = std::env::temp_dir().join("copydesk-bench-validate-cases.txt");
    std::fs::write(
        &extra,
        format!(
            "validate | ours+rules (bundled schema) | all | {input} | - | {bin} validate --quiet --max-invalid 100% {input}\n\
             validate | ours+rules (bundled schema) | 1 | {input} | - | {bin} validate --quiet --max-invalid 100% --threads 1 {input}\n"
        ),
    )?;
    crate::run(
        Command::new("bash")
            .arg(&script)
            .env("JOBS", "validate")
            .env("THREADS", "0 1")
            // The clean corpus only sizes the conversion jobs; validation reads VSIZE.
            .env("SIZE", "100m")
            .env("VSIZE", &size)
            .env("RUNS", &runs)
            .env("OURS_NAME", "ours (copydesk)")
            .env("OURS_VALIDATE", ours)
            .env("EXTRA_CASES", &extra),
    )
}
