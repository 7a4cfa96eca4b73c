//! `cargo xtask bench <job>`: builds copydesk in release mode and times it against its peers in
//! the same run (ratios, not absolute figures, since these machines are shared and noisy).
//! One file per job.

use anyhow::{bail, Result};

mod convert;
mod dates;
mod parse;
mod validate;

pub fn run(args: &[String]) -> Result<()> {
    let (job, rest) = match args.split_first() {
        Some((job, rest)) => (job.as_str(), rest),
        None => ("all", args),
    };
    match job {
        "parse" => parse::run(rest),
        "dates" => dates::run(rest),
        "validate" => validate::run(rest),
        "convert" => convert::run(rest),
        "all" => {
            parse::run(rest)?;
            dates::run(rest)?;
            validate::run(rest)?;
            convert::run(rest)
        }
        other => bail!("unknown bench job {other:?}: parse, dates, validate, convert or all"),
    }
}

/// Builds the release binary and returns its path.
pub fn release_binary() -> Result<std::path::PathBuf> {
    crate::run(crate::cargo().args(["build", "--release", "--bin", "copydesk"]))?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| crate::project_root().join("target"));
    Ok(target.join("release").join("copydesk"))
}
