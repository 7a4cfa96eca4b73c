//! `human`: violations grouped by file and record, optionally coloured, then a per-file line
//! and a run summary. For people at a terminal; machines should use the other formats.

use std::io::{self, Write};

use super::concise::one_line;
use super::{record_name, show_pointer};
use crate::validate::{CheckedRecord, FileSummary, Severity, Sink, Summary};

pub struct Human<'a> {
    out: Box<dyn Write + 'a>,
    color: bool,
    header_written: bool,
}

impl<'a> Human<'a> {
    pub fn new(out: Box<dyn Write + 'a>, color: bool) -> Self {
        Human {
            out,
            color,
            header_written: false,
        }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn header(&mut self, file: &str) -> io::Result<()> {
        if !self.header_written {
            self.header_written = true;
            let h = self.paint("1;4", file);
            writeln!(self.out, "{h}")?;
        }
        Ok(())
    }
}

impl Sink for Human<'_> {
    fn file_start(&mut self, _file: &str, _format: crate::io::Format) -> io::Result<()> {
        self.header_written = false;
        Ok(())
    }

    fn record(&mut self, r: &CheckedRecord<'_>) -> io::Result<()> {
        if r.violations.is_empty() {
            return Ok(());
        }
        self.header(r.file)?;
        let mut name = record_name(r.line, r.position, r.record);
        if let Some(id) = r.record_id {
            name.push_str(&format!(" id {id}"));
        }
        let name = self.paint("1", &name);
        writeln!(self.out, "  {name}")?;
        for v in r.violations {
            let sev = match v.severity {
                Severity::Error => self.paint("31", "error  "),
                Severity::Warning => self.paint("33", "warning"),
            };
            let col = v.column.map(|c| format!(" col {c}")).unwrap_or_default();
            let rule = self.paint("2", &format!("[{}]", v.rule));
            writeln!(
                self.out,
                "    {sev} {}{col}: {} {rule}",
                show_pointer(&v.pointer),
                one_line(&v.message)
            )?;
        }
        Ok(())
    }

    fn file_end(&mut self, f: &FileSummary) -> io::Result<()> {
        if let Some(e) = &f.error {
            self.header(&f.file)?;
            let label = self.paint("31", "error");
            writeln!(self.out, "  {label}: cannot read: {}", one_line(e))?;
        }
        let mark = if f.invalid > 0 || f.error.is_some() {
            self.paint("31", "✗")
        } else {
            self.paint("32", "✓")
        };
        writeln!(
            self.out,
            "{mark} {}: {} records, {} valid, {} invalid, {} warnings",
            f.file, f.records, f.valid, f.invalid, f.warnings
        )?;
        if self.header_written {
            writeln!(self.out)?;
        }
        Ok(())
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        if s.not_shown > 0 {
            writeln!(
                self.out,
                "{} more violations not shown (--max-errors)",
                s.not_shown
            )?;
        }
        let verdict = if s.is_valid() {
            self.paint("1;32", "valid")
        } else {
            self.paint("1;31", "invalid")
        };
        writeln!(
            self.out,
            "{verdict}: {} files, {} records: {} valid, {} invalid ({} errors, {} warnings){}",
            s.files,
            s.records,
            s.valid,
            s.invalid,
            s.errors,
            s.warnings,
            if s.files_failed > 0 {
                format!(", {} files could not be read", s.files_failed)
            } else {
                String::new()
            }
        )?;
        self.out.flush()
    }
}
