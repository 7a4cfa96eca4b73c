//! `copydesk date`: not built yet (see the open issue for it).

use clap::Args;

use super::Outcome;

#[derive(Debug, Args)]
pub struct DateArgs {}

pub fn run(_args: &DateArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("`copydesk date` is not built yet")
}
