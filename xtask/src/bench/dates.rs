//! `cargo xtask bench dates`: not built yet.

use anyhow::{bail, Result};

pub fn run(_args: &[String]) -> Result<()> {
    let _ = super::release_binary;
    bail!("bench dates is not built yet")
}
