//! `cargo xtask bench convert`: not built yet.

use anyhow::{bail, Result};

pub fn run(_args: &[String]) -> Result<()> {
    let _ = super::release_binary;
    bail!("bench convert is not built yet")
}
