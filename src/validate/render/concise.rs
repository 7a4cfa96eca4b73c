//! `concise`: one `file:line:col: severity [rule] /pointer: message` line per violation, the
//! shape editors and `grep` understand; unreadable inputs as `file: error [read]: reason`.

use std::io::{self, Write};

use super::{place, show_pointer};
use crate::validate::{CheckedRecord, FileSummary, Sink};

pub struct Concise<'a> {
    out: Box<dyn Write + 'a>,
}

impl<'a> Concise<'a> {
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        Concise { out }
    }
}

impl Sink for Concise<'_> {
    fn record(&mut self, r: &CheckedRecord<'_>) -> io::Result<()> {
        for v in r.violations {
            writeln!(
                self.out,
                "{}: {} [{}] {}: {}",
                place(v),
                v.severity,
                v.rule,
                show_pointer(&v.pointer),
                one_line(&v.message)
            )?;
        }
        Ok(())
    }

    fn file_end(&mut self, file: &FileSummary) -> io::Result<()> {
        if let Some(e) = &file.error {
            writeln!(self.out, "{}: error [read]: {}", file.file, one_line(e))?;
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &crate::validate::Summary) -> io::Result<()> {
        self.out.flush()
    }
}

/// Messages can quote data with line breaks; keep one violation per line.
pub(super) fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\n', '\r']) {
        s.replace('\r', "\\r").replace('\n', "\\n").into()
    } else {
        s.into()
    }
}
