//! `json` and `jsonl`: the machine-readable reports. `json` is one document
//! (`schemas/validate-report.schema.json`), written as the run goes so memory stays bounded:
//! `tool`, `version`, `schema` first, then `violations`, then `valid`, `summary` and `files`.
//! `jsonl` is one violation per line (`schemas/violation.schema.json`), then one summary line
//! `{"summary": {...}, "valid": bool, "files": [...]}`.

use std::io::{self, Write};

use serde_json::json;

use crate::validate::{CheckedRecord, FileSummary, RunInfo, Sink, Summary};

pub struct Json<'a> {
    out: Box<dyn Write + 'a>,
    lines: bool,
    files: Vec<FileSummary>,
    first: bool,
}

impl<'a> Json<'a> {
    pub fn new(out: Box<dyn Write + 'a>, lines: bool) -> Self {
        Json {
            out,
            lines,
            files: Vec::new(),
            first: true,
        }
    }
}

impl Sink for Json<'_> {
    fn begin(&mut self, info: &RunInfo) -> io::Result<()> {
        if self.lines {
            return Ok(());
        }
        write!(
            self.out,
            "{{\"tool\":\"copydesk\",\"version\":{},\"schema\":{},\"rules\":{},\"violations\":[",
            json!(env!("CARGO_PKG_VERSION")),
            json!(info.schema),
            info.rules
        )
    }

    fn record(&mut self, r: &CheckedRecord<'_>) -> io::Result<()> {
        for v in r.violations {
            if !self.lines {
                self.out
                    .write_all(if self.first { b"\n" } else { b",\n" })?;
            }
            self.first = false;
            serde_json::to_writer(&mut self.out, v)?;
            if self.lines {
                self.out.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    fn file_end(&mut self, file: &FileSummary) -> io::Result<()> {
        self.files.push(file.clone());
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        let tail = json!({"valid": summary.is_valid(), "summary": summary, "files": self.files});
        if self.lines {
            let line =
                json!({"summary": summary, "valid": summary.is_valid(), "files": self.files});
            serde_json::to_writer(&mut self.out, &line)?;
        } else {
            let tail = serde_json::to_string(&tail)?;
            // Splice the tail object's members after the violations array.
            let members = tail.strip_prefix('{').unwrap_or(&tail);
            write!(self.out, "\n],{members}")?;
        }
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}
