//! `copydesk validate`: not built yet (see the open issue for it).

use clap::Args;

use super::Outcome;

#[derive(Debug, Args)]
pub struct ValidateArgs {}

pub fn run(_args: &ValidateArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!("`copydesk validate` is not built yet")
}
