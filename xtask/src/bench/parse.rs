//! `cargo xtask bench parse`: not built yet.

use anyhow::{bail, Result};

pub fn run(_args: &[String]) -> Result<()> {
    let _ = super::release_binary;
    bail!("bench parse is not built yet")
}
