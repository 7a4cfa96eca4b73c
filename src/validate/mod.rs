//! Records -> violations, against a JSON Schema and the news quality rules. Owns the report
//! model (`Violation`, `CheckedRecord`, `FileSummary`, `Summary`), the engine that streams
//! inputs through parallel workers (`engine`), the rules (`rules`) and the renderers
//! (`render`). Never aborts on bad data: invalid records are results, not errors; `Err` only
//! means a report could not be written. Does not read flags or the environment (the CLI does).

use std::borrow::Cow;
use std::sync::Arc;

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::io::read::Position;
use crate::io::Format;

mod engine;
pub mod render;
pub mod rules;
mod split;

pub use engine::{Input, Options, Validator};
pub use rules::{Rule, RuleSet};
pub use split::Splitter;

/// How much a violation matters: errors make a record invalid, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing wrong with one record, and exactly where.
/// `schemas/violation.schema.json` documents its JSON form: change the two together.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// The input as the user named it (`-` for stdin).
    pub file: Arc<str>,
    /// 1-based line where the record starts (or where a parse error is, for multi-line JSON).
    pub line: Option<u64>,
    /// 1-based column in characters, for parse and encoding errors.
    pub column: Option<u64>,
    /// 0-based record index within the file.
    pub record: u64,
    /// The record's `id`, when it has one.
    pub record_id: Option<String>,
    pub position: Position,
    /// JSON Pointer into the record (`""` is the whole record).
    pub pointer: String,
    /// Where in the schema the failing keyword sits; `None` for rules and parse errors.
    pub schema_path: Option<String>,
    /// The schema keyword, `parse`, `encoding`, `type` (CSV coercion) or a quality rule id.
    pub rule: Cow<'static, str>,
    pub severity: Severity,
    /// Lowercase, says what was expected and what was found.
    pub message: String,
}

impl Serialize for Violation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("file", &*self.file)?;
        m.serialize_entry("line", &self.line)?;
        m.serialize_entry("column", &self.column)?;
        m.serialize_entry("record", &self.record)?;
        m.serialize_entry("record_id", &self.record_id)?;
        match self.position {
            Position::None => {}
            Position::Csv { row } => m.serialize_entry("row", &row)?,
            Position::Parquet { row_group, row } => {
                m.serialize_entry("row_group", &row_group)?;
                m.serialize_entry("row", &row)?;
            }
        }
        m.serialize_entry("pointer", &self.pointer)?;
        m.serialize_entry("schema_path", &self.schema_path)?;
        m.serialize_entry("rule", &*self.rule)?;
        m.serialize_entry("severity", self.severity.as_str())?;
        m.serialize_entry("message", &self.message)?;
        m.end()
    }
}

/// One record after checking, as handed to a `Sink` in input order.
#[derive(Debug, Clone, Copy)]
pub struct CheckedRecord<'a> {
    pub file: &'a str,
    pub line: Option<u64>,
    pub record: u64,
    pub position: Position,
    pub record_id: Option<&'a str>,
    /// The record's bytes as read (Parquet: its JSON rendering), without the line terminator.
    pub bytes: &'a [u8],
    /// Every violation, errors and warnings, in the order found.
    pub violations: &'a [Violation],
    /// True when at least one violation is an error.
    pub invalid: bool,
}

/// Counts for one input.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct FileSummary {
    pub file: String,
    pub format: &'static str,
    pub records: u64,
    pub valid: u64,
    pub invalid: u64,
    /// Violations with severity error / warning.
    pub errors: u64,
    pub warnings: u64,
    /// Why the input could not be read to the end (missing, unreadable, truncated), if so.
    pub error: Option<String>,
}

/// Counts for the whole run. `records == valid + invalid` always holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: u64,
    /// Inputs that could not be read to the end.
    pub files_failed: u64,
    pub records: u64,
    pub valid: u64,
    pub invalid: u64,
    pub errors: u64,
    pub warnings: u64,
    /// Violations counted but not printed because of `--max-errors`.
    pub not_shown: u64,
}

impl Summary {
    /// True when nothing is invalid and every input was read.
    pub fn is_valid(&self) -> bool {
        self.invalid == 0 && self.files_failed == 0
    }

    /// The one-line machine summary: `records=N valid=N invalid=N warnings=N`.
    pub fn line(&self) -> String {
        format!(
            "records={} valid={} invalid={} warnings={} errors={} files={} files_failed={}",
            self.records,
            self.valid,
            self.invalid,
            self.warnings,
            self.errors,
            self.files,
            self.files_failed
        )
    }

    pub(crate) fn add(&mut self, f: &FileSummary) {
        self.files += 1;
        self.files_failed += u64::from(f.error.is_some());
        self.records += f.records;
        self.valid += f.valid;
        self.invalid += f.invalid;
        self.errors += f.errors;
        self.warnings += f.warnings;
    }
}

/// What the run checks against, for report headers.
#[derive(Debug, Clone)]
pub struct RunInfo {
    pub schema: String,
    pub rules: bool,
}

/// Receives a run's results in input order. Renderers, the valid/invalid splitter and tests
/// implement it; every method defaults to doing nothing.
pub trait Sink {
    fn begin(&mut self, _info: &RunInfo) -> std::io::Result<()> {
        Ok(())
    }
    fn file_start(&mut self, _file: &str, _format: Format) -> std::io::Result<()> {
        Ok(())
    }
    /// Every record, clean or not.
    fn record(&mut self, _record: &CheckedRecord<'_>) -> std::io::Result<()> {
        Ok(())
    }
    fn file_end(&mut self, _file: &FileSummary) -> std::io::Result<()> {
        Ok(())
    }
    fn finish(&mut self, _summary: &Summary) -> std::io::Result<()> {
        Ok(())
    }
}

/// Sends every event to several sinks, in order.
#[derive(Default)]
pub struct Tee<'a> {
    pub sinks: Vec<Box<dyn Sink + 'a>>,
}

impl Sink for Tee<'_> {
    fn begin(&mut self, info: &RunInfo) -> std::io::Result<()> {
        self.sinks.iter_mut().try_for_each(|s| s.begin(info))
    }
    fn file_start(&mut self, file: &str, format: Format) -> std::io::Result<()> {
        self.sinks
            .iter_mut()
            .try_for_each(|s| s.file_start(file, format))
    }
    fn record(&mut self, record: &CheckedRecord<'_>) -> std::io::Result<()> {
        self.sinks.iter_mut().try_for_each(|s| s.record(record))
    }
    fn file_end(&mut self, file: &FileSummary) -> std::io::Result<()> {
        self.sinks.iter_mut().try_for_each(|s| s.file_end(file))
    }
    fn finish(&mut self, summary: &Summary) -> std::io::Result<()> {
        self.sinks.iter_mut().try_for_each(|s| s.finish(summary))
    }
}

/// Passes at most `limit` violations on to the inner sink (counting the rest in
/// `Summary::not_shown`): `--max-errors` caps what is printed, never what is counted.
pub struct Capped<S> {
    pub inner: S,
    limit: u64,
    shown: u64,
    hidden: u64,
}

impl<S: Sink> Capped<S> {
    pub fn new(inner: S, limit: Option<u64>) -> Self {
        Capped {
            inner,
            limit: limit.unwrap_or(u64::MAX),
            shown: 0,
            hidden: 0,
        }
    }
}

impl<S: Sink> Sink for Capped<S> {
    fn begin(&mut self, info: &RunInfo) -> std::io::Result<()> {
        self.inner.begin(info)
    }
    fn file_start(&mut self, file: &str, format: Format) -> std::io::Result<()> {
        self.inner.file_start(file, format)
    }
    fn record(&mut self, record: &CheckedRecord<'_>) -> std::io::Result<()> {
        let room = self.limit - self.shown;
        let n = record.violations.len() as u64;
        if n <= room {
            self.shown += n;
            return self.inner.record(record);
        }
        self.shown += room;
        self.hidden += n - room;
        let mut cut = *record;
        cut.violations = &record.violations[..room as usize];
        self.inner.record(&cut)
    }
    fn file_end(&mut self, file: &FileSummary) -> std::io::Result<()> {
        self.inner.file_end(file)
    }
    fn finish(&mut self, summary: &Summary) -> std::io::Result<()> {
        let mut s = summary.clone();
        s.not_shown = self.hidden;
        self.inner.finish(&s)
    }
}

impl<S: Sink + ?Sized> Sink for &mut S {
    fn begin(&mut self, info: &RunInfo) -> std::io::Result<()> {
        (**self).begin(info)
    }
    fn file_start(&mut self, file: &str, format: Format) -> std::io::Result<()> {
        (**self).file_start(file, format)
    }
    fn record(&mut self, record: &CheckedRecord<'_>) -> std::io::Result<()> {
        (**self).record(record)
    }
    fn file_end(&mut self, file: &FileSummary) -> std::io::Result<()> {
        (**self).file_end(file)
    }
    fn finish(&mut self, summary: &Summary) -> std::io::Result<()> {
        (**self).finish(summary)
    }
}

impl<S: Sink + ?Sized> Sink for Box<S> {
    fn begin(&mut self, info: &RunInfo) -> std::io::Result<()> {
        (**self).begin(info)
    }
    fn file_start(&mut self, file: &str, format: Format) -> std::io::Result<()> {
        (**self).file_start(file, format)
    }
    fn record(&mut self, record: &CheckedRecord<'_>) -> std::io::Result<()> {
        (**self).record(record)
    }
    fn file_end(&mut self, file: &FileSummary) -> std::io::Result<()> {
        (**self).file_end(file)
    }
    fn finish(&mut self, summary: &Summary) -> std::io::Result<()> {
        (**self).finish(summary)
    }
}

/// Lowercases a message's first letter (jsonschema and serde start theirs in capitals).
pub(crate) fn lowercase_first(mut s: String) -> String {
    if let Some(c) = s.chars().next() {
        if c.is_ascii_uppercase() && !s[1..].starts_with(|n: char| n.is_ascii_uppercase()) {
            s[..1].make_ascii_lowercase();
        }
    }
    s
}
