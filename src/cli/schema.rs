//! `copydesk schema`: prints the bundled Article JSON Schema so other tools can use it.

use std::io::Write;

use clap::Args;

use super::Outcome;

#[derive(Debug, Args)]
pub struct SchemaArgs {}

pub fn run(_args: &SchemaArgs) -> anyhow::Result<Outcome> {
    let mut out = std::io::stdout().lock();
    out.write_all(copydesk::schema::ARTICLE_SCHEMA.as_bytes())?;
    out.flush()?;
    Ok(Outcome::Ok)
}
