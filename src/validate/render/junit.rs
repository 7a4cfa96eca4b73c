//! `junit`: JUnit XML for CI test views (GitLab, Jenkins). One `testsuite` per file; one
//! `testcase` per invalid record, named by its place (`line 1842 (record 1841)`) so names are
//! unique (GitLab keeps only the first of repeated names), classname = file, every violation in
//! the failure body; a passing case for a file with no invalid records; an `error` case for a
//! file that could not be read. A testsuite's counts come first in XML, so each file's cases
//! are buffered until the file ends: memory grows with one file's invalid records.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{place, record_name, show_pointer};
use crate::validate::{CheckedRecord, FileSummary, Severity, Sink, Summary};

pub struct Junit<'a> {
    out: Box<dyn Write + 'a>,
    cases: String,
    failures: u64,
}

impl<'a> Junit<'a> {
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        Junit {
            out,
            cases: String::new(),
            failures: 0,
        }
    }
}

impl Sink for Junit<'_> {
    fn begin(&mut self, _info: &crate::validate::RunInfo) -> io::Result<()> {
        writeln!(self.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(self.out, "<testsuites name=\"copydesk validate\">")
    }

    fn file_start(&mut self, _file: &str, _format: crate::io::Format) -> io::Result<()> {
        self.cases.clear();
        self.failures = 0;
        Ok(())
    }

    fn record(&mut self, r: &CheckedRecord<'_>) -> io::Result<()> {
        if !r.invalid {
            return Ok(());
        }
        self.failures += 1;
        let name = record_name(r.line, r.position, r.record);
        let first = r
            .violations
            .iter()
            .find(|v| v.severity == Severity::Error)
            .or(r.violations.first());
        let (message, kind) = first.map_or((String::new(), "invalid".into()), |v| {
            (
                format!("{}: {}", show_pointer(&v.pointer), v.message),
                v.rule.to_string(),
            )
        });
        let mut body = String::new();
        if let Some(id) = r.record_id {
            let _ = writeln!(body, "record id: {id}");
        }
        for v in r.violations {
            let _ = writeln!(
                body,
                "{}: {} [{}] {}: {}",
                place(v),
                v.severity,
                v.rule,
                show_pointer(&v.pointer),
                v.message
            );
        }
        let _ = writeln!(
            self.cases,
            "    <testcase name=\"{}\" classname=\"{}\">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>",
            escape(&name),
            escape(r.file),
            escape(&message),
            escape(&kind),
            escape(&body)
        );
        Ok(())
    }

    fn file_end(&mut self, f: &FileSummary) -> io::Result<()> {
        let mut tests = self.failures;
        let mut errors = 0;
        if let Some(e) = &f.error {
            errors = 1;
            tests += 1;
            let _ = writeln!(
                self.cases,
                "    <testcase name=\"read {}\" classname=\"{}\">\n      <error message=\"{}\" type=\"read\"/>\n    </testcase>",
                escape(&f.file),
                escape(&f.file),
                escape(e)
            );
        } else if self.failures == 0 {
            tests += 1;
            let _ = writeln!(
                self.cases,
                "    <testcase name=\"all {} records valid\" classname=\"{}\"/>",
                f.records,
                escape(&f.file)
            );
        }
        writeln!(
            self.out,
            "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{}\" errors=\"{errors}\" skipped=\"0\">",
            escape(&f.file),
            self.failures
        )?;
        self.out.write_all(self.cases.as_bytes())?;
        writeln!(self.out, "  </testsuite>")?;
        self.cases.clear();
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        writeln!(self.out, "</testsuites>")?;
        self.out.flush()
    }
}

/// Escapes text for XML content and attribute values. Characters XML 1.0 cannot hold at all
/// (most control characters, lone surrogates cannot occur in `str`) are written as `\u{..}`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                let _ = write!(out, "\\u{{{:04x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_quotes_and_control_characters() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
        );
        assert_eq!(escape("a\u{1}b\nc"), "a\\u{0001}b&#10;c");
    }
}
