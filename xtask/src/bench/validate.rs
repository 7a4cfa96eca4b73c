//! `cargo xtask bench validate`: not built yet.

use anyhow::{bail, Result};

pub fn run(_args: &[String]) -> Result<()> {
    let _ = super::release_binary;
    bail!("bench validate is not built yet")
}
