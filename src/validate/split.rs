//! `--valid-out` / `--invalid-out`: splits the input into the records that passed and those
//! that did not, so nothing is lost. Records are written as read (one per line, without their
//! original line terminator); with `annotate`, invalid ones are wrapped as
//! `{"_source": {...}, "_errors": [...], "record": ...}`. Does not open or finish the outputs:
//! the caller owns them (compression footers, renaming into place).

use std::io::{self, Write};

use serde_json::{json, Value};

use super::{CheckedRecord, Sink};
use crate::io::read::Position;

/// A sink that writes valid and invalid records to two writers.
pub struct Splitter<'a> {
    pub valid: Option<&'a mut dyn Write>,
    pub invalid: Option<&'a mut dyn Write>,
    pub annotate: bool,
}

impl Sink for Splitter<'_> {
    fn record(&mut self, r: &CheckedRecord<'_>) -> io::Result<()> {
        let out = if r.invalid {
            self.invalid.as_deref_mut()
        } else {
            self.valid.as_deref_mut()
        };
        let Some(out) = out else { return Ok(()) };
        if r.invalid && self.annotate {
            serde_json::to_writer(&mut *out, &annotated(r))?;
        } else {
            out.write_all(r.bytes)?;
        }
        out.write_all(b"\n")
    }
}

/// An invalid record wrapped with where it came from and what is wrong with it. A record that
/// is not JSON (or not UTF-8) is kept as a string, decoded lossily.
pub fn annotated(r: &CheckedRecord<'_>) -> Value {
    let mut source = json!({"file": r.file, "line": r.line, "record": r.record});
    match r.position {
        Position::None => {}
        Position::Csv { row } => source["row"] = json!(row),
        Position::Parquet { row_group, row } => {
            source["row_group"] = json!(row_group);
            source["row"] = json!(row);
        }
    }
    let record = serde_json::from_slice::<Value>(r.bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(r.bytes).into_owned()));
    json!({"_source": source, "_errors": r.violations, "record": record})
}
