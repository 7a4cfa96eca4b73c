//! Report renderers: each turns the engine's ordered events into one output format, written to
//! any `std::io::Write` (so they are testable). Owns the formats and how a place in the input
//! is written; does not choose a format from the terminal or environment (the CLI does).

use std::io::Write;

use super::{Sink, Violation};
use crate::io::read::Position;

mod concise;
mod github;
mod human;
mod json;
mod junit;

pub use github::{escape_data, escape_property};

/// A report format (`--format`, `--report FORMAT=PATH`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Human,
    Concise,
    Json,
    Jsonl,
    Github,
    Junit,
}

impl ReportFormat {
    pub const ALL: [ReportFormat; 6] = [
        ReportFormat::Human,
        ReportFormat::Concise,
        ReportFormat::Json,
        ReportFormat::Jsonl,
        ReportFormat::Github,
        ReportFormat::Junit,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ReportFormat::Human => "human",
            ReportFormat::Concise => "concise",
            ReportFormat::Json => "json",
            ReportFormat::Jsonl => "jsonl",
            ReportFormat::Github => "github",
            ReportFormat::Junit => "junit",
        }
    }

    pub fn from_name(name: &str) -> Option<ReportFormat> {
        ReportFormat::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }
}

/// Settings the renderers share.
#[derive(Default)]
pub struct RenderOptions<'a> {
    /// ANSI colours (human format).
    pub color: bool,
    /// `github`: at most this many error (and as many warning) annotations.
    pub annotations_limit: u64,
    /// `github`: where to append the Markdown job summary (`$GITHUB_STEP_SUMMARY`).
    pub step_summary: Option<Box<dyn Write + 'a>>,
}

/// The renderer for a format, writing to `out`.
pub fn renderer<'a>(
    format: ReportFormat,
    out: Box<dyn Write + 'a>,
    options: RenderOptions<'a>,
) -> Box<dyn Sink + 'a> {
    match format {
        ReportFormat::Human => Box::new(human::Human::new(out, options.color)),
        ReportFormat::Concise => Box::new(concise::Concise::new(out)),
        ReportFormat::Json => Box::new(json::Json::new(out, false)),
        ReportFormat::Jsonl => Box::new(json::Json::new(out, true)),
        ReportFormat::Github => Box::new(github::Github::new(
            out,
            options.annotations_limit,
            options.step_summary,
        )),
        ReportFormat::Junit => Box::new(junit::Junit::new(out)),
    }
}

/// Where a violation is, as `file:line:col` (`file:line` without a column; Parquet:
/// `file: row group G, row R`). CSV adds the row: `file:line:col (row R)`.
pub fn place(v: &Violation) -> String {
    let mut s = v.file.to_string();
    if let Some(line) = v.line {
        s.push_str(&format!(":{line}"));
        if let Some(col) = v.column {
            s.push_str(&format!(":{col}"));
        }
    }
    match v.position {
        Position::None if v.line.is_none() => s.push_str(&format!(": record {}", v.record)),
        Position::None => {}
        Position::Csv { row } => s.push_str(&format!(" (row {row})")),
        Position::Parquet { row_group, row } => {
            s.push_str(&format!(": row group {row_group}, row {row}"))
        }
    }
    s
}

/// A JSON Pointer as shown to people: the whole record is `/`.
pub fn show_pointer(pointer: &str) -> &str {
    if pointer.is_empty() {
        "/"
    } else {
        pointer
    }
}

/// Where a record is, for names and headings: `line 1842 (record 1841)`,
/// `line 12, row 11 (record 10)`, `row group 0, row 5 (record 5)`.
pub fn record_name(line: Option<u64>, position: Position, record: u64) -> String {
    match (line, position) {
        (_, Position::Parquet { row_group, row }) => {
            format!("row group {row_group}, row {row} (record {record})")
        }
        (Some(line), Position::Csv { row }) => format!("line {line}, row {row} (record {record})"),
        (Some(line), _) => format!("line {line} (record {record})"),
        (None, _) => format!("record {record}"),
    }
}
