//! `copydesk schema`: prints the bundled Article JSON Schema so other tools can use it, or with
//! `--arrow` the Arrow schema that `convert` derives from it (or from `--schema FILE`).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::Outcome;

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Print the Arrow schema convert writes (one column per line) instead of the JSON Schema.
    #[arg(long)]
    pub arrow: bool,
    /// With --arrow: derive it from this JSON Schema instead of the bundled one.
    #[arg(long, requires = "arrow")]
    pub schema: Option<PathBuf>,
}

pub fn run(args: &SchemaArgs) -> anyhow::Result<Outcome> {
    let mut out = std::io::stdout().lock();
    if args.arrow {
        let schema = copydesk::schema::Schema::load(args.schema.as_deref())?;
        let table = copydesk::schema::arrow::Table::from_json_schema(&schema.json)?;
        out.write_all(copydesk::schema::arrow::render(&table.arrow_schema()).as_bytes())?;
    } else {
        out.write_all(copydesk::schema::ARTICLE_SCHEMA.as_bytes())?;
    }
    out.flush()?;
    Ok(Outcome::Ok)
}
