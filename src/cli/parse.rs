//! `copydesk parse`: not built yet (see the open issue for it).

use clap::Args;

use super::Outcome;

#[derive(Debug, Args)]
pub struct ParseArgs {}

pub fn run(_args: &ParseArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("`copydesk parse` is not built yet")
}
