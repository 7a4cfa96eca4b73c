//! Readers: each format's bytes -> records with their locations. One file per format; the
//! `match` on `Format` that picks a reader lives here and nowhere else.
//!
//! Every reader yields `RawRecord`s one at a time (streaming; a single JSON array is the only
//! input that is read whole). A record that cannot be read (not JSON, not UTF-8, a ragged CSV
//! row, a value that does not fit the schema's type) is still yielded, with `value: Err(..)`,
//! so callers can report it and keep its bytes: nothing is dropped. `Err` from the iterator
//! itself means the input as a whole could not be read further (I/O error, truncated Parquet).

use serde_json::Value;

use crate::error::{Location, Result};
use crate::io::{Format, Source};

pub mod csv;
pub mod json;
pub mod jsonl;
pub mod parquet;

/// Where a record sits beyond file/line/record: CSV rows and Parquet row groups.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Position {
    #[default]
    None,
    /// 1-based data row (the header is row 0).
    Csv { row: u64 },
    /// 0-based row group and 0-based row within it.
    Parquet { row_group: u64, row: u64 },
}

/// Why one record could not be read into a JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadErrorKind {
    /// Not valid JSON / not a valid CSV record.
    Parse,
    /// Not valid UTF-8.
    Encoding,
    /// Readable, but a cell does not fit the type the schema asks for (CSV coercion).
    Type,
}

impl ReadErrorKind {
    /// The rule name used in reports (`parse`, `encoding`, `type`).
    pub fn rule(self) -> &'static str {
        match self {
            ReadErrorKind::Parse => "parse",
            ReadErrorKind::Encoding => "encoding",
            ReadErrorKind::Type => "type",
        }
    }
}

/// One record that could not be turned into a JSON value, and where exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub kind: ReadErrorKind,
    /// 1-based column (characters) within the line, where known.
    pub column: Option<u64>,
    /// JSON Pointer of the field at fault (CSV: `/<column name>`), where known.
    pub pointer: Option<String>,
    /// Lowercase, says what was expected and what was found.
    pub message: String,
}

/// One record as read.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRecord {
    /// File, 1-based line where the record starts, 0-based record index.
    pub location: Location,
    pub position: Position,
    /// The record's bytes as they stood in the input (without the line terminator), so invalid
    /// records can be written out byte for byte. Parquet rows carry their JSON rendering.
    pub bytes: Vec<u8>,
    pub value: std::result::Result<Value, ReadError>,
}

/// How to read. The schema (when given) types CSV cells; other formats ignore it.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// JSON Schema whose `properties` give CSV columns their types.
    pub schema: Option<Value>,
    /// CSV field delimiter; `None` means the format's own (`,` for CSV, tab for TSV).
    pub delimiter: Option<u8>,
    /// A cell text that means null in CSV (e.g. `\N`), besides the empty unquoted cell.
    pub null_marker: Option<String>,
}

/// A stream of records from one input.
pub type Records = Box<dyn Iterator<Item = Result<RawRecord>> + Send>;

/// Opens one input as a stream of records in the given format.
pub fn open(source: &Source, format: Format, options: &ReadOptions) -> Result<Records> {
    match format {
        Format::Jsonl => jsonl::open(source, options),
        Format::Json => json::open(source, options),
        Format::Csv | Format::Tsv => csv::open(source, format, options),
        Format::Parquet => parquet::open(source, options),
        Format::Text => Err(crate::Error::Usage(format!(
            "{}: loose text is read by `extract`, not as records",
            source.display_name()
        ))),
    }
}
