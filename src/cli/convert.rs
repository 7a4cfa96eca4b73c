//! `copydesk convert`: not built yet (see the open issue for it).

use clap::Args;

use super::Outcome;

#[derive(Debug, Args)]
pub struct ConvertArgs {}

pub fn run(_args: &ConvertArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("`copydesk convert` is not built yet")
}
