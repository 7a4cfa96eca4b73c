//! The command line: clap arguments, one file per subcommand, and the single place that maps
//! outcomes to exit codes (0 ok, 1 invalid data or rejected inputs, 2 usage or I/O error).
//! A broken pipe on stdout (`copydesk ... | head`) ends the run quietly with 0.
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::exit)]

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod convert;
mod date;
mod parse;
mod schema;
mod validate;

/// Check and standardise scraped news: parse loose articles, normalise dates, validate and
/// convert corpora.
#[derive(Debug, Parser)]
#[command(name = "copydesk", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

// Parsed once per run: a large variant costs nothing worth boxing for.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
enum Command {
    /// Parse loose-text articles into Article records (JSON Lines).
    Parse(parse::ParseArgs),
    /// Normalise date text such as "8 months ago" against the scrape time.
    Date(date::DateArgs),
    /// Check records against a JSON Schema and the news quality rules.
    Validate(validate::ValidateArgs),
    /// Convert corpora between JSONL, JSON, CSV/TSV and Parquet.
    Convert(convert::ConvertArgs),
    /// Print the bundled Article JSON Schema.
    Schema(schema::SchemaArgs),
}

/// How a command that ran to the end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was fine.
    Ok,
    /// The data was invalid, or some inputs or records were rejected.
    Invalid,
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help/version to stdout (exit 0) and usage errors to stderr (exit 2).
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match &cli.command {
        Command::Parse(args) => parse::run(args),
        Command::Date(args) => date::run(args),
        Command::Validate(args) => validate::run(args),
        Command::Convert(args) => convert::run(args),
        Command::Schema(args) => schema::run(args),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Invalid) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("copydesk: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether an error comes from writing to a closed pipe.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || matches!(
                cause.downcast_ref::<copydesk::Error>(),
                Some(copydesk::Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe
            )
    })
}
