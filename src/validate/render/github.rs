//! `github`: GitHub Actions workflow commands (`::error file=..,line=..::message`). GitHub
//! shows only 10 annotations of each kind per step and drops the rest silently, so at most
//! `limit` error and `limit` warning annotations are written, then one `::notice` saying how
//! many more there are; everything is still counted. With a step summary writer
//! (`$GITHUB_STEP_SUMMARY`), a Markdown table of files and the first violations is appended.

use std::io::{self, Write};

use super::{place, show_pointer};
use crate::io::read::Position;
use crate::validate::{CheckedRecord, FileSummary, Severity, Sink, Summary, Violation};

/// Violations listed in the step summary.
const SUMMARY_ROWS: usize = 50;

pub struct Github<'a> {
    out: Box<dyn Write + 'a>,
    limit: u64,
    shown: [u64; 2],
    hidden: [u64; 2],
    step_summary: Option<Box<dyn Write + 'a>>,
    files: Vec<FileSummary>,
    first: Vec<Violation>,
}

impl<'a> Github<'a> {
    pub fn new(
        out: Box<dyn Write + 'a>,
        limit: u64,
        step_summary: Option<Box<dyn Write + 'a>>,
    ) -> Self {
        Github {
            out,
            limit,
            shown: [0; 2],
            hidden: [0; 2],
            step_summary,
            files: Vec::new(),
            first: Vec::new(),
        }
    }

    fn annotate(
        &mut self,
        severity: Severity,
        props: &[(&str, String)],
        message: &str,
    ) -> io::Result<()> {
        let k = severity as usize;
        if self.shown[k] >= self.limit {
            self.hidden[k] += 1;
            return Ok(());
        }
        self.shown[k] += 1;
        let props: Vec<String> = props
            .iter()
            .map(|(k, v)| format!("{k}={}", escape_property(v)))
            .collect();
        writeln!(
            self.out,
            "::{} {}::{}",
            severity.as_str(),
            props.join(","),
            escape_data(message)
        )
    }
}

impl Sink for Github<'_> {
    fn record(&mut self, r: &CheckedRecord<'_>) -> io::Result<()> {
        for v in r.violations {
            let mut props = vec![("file", v.file.to_string())];
            if let Some(line) = v.line {
                props.push(("line", line.to_string()));
            }
            if let Some(col) = v.column {
                props.push(("col", col.to_string()));
            }
            props.push(("title", format!("copydesk [{}]", v.rule)));
            let mut message = format!("{}: {}", show_pointer(&v.pointer), v.message);
            match v.position {
                Position::Parquet { row_group, row } => {
                    message = format!("row group {row_group}, row {row}: {message}")
                }
                Position::None if v.line.is_none() => {
                    message = format!("record {}: {message}", v.record)
                }
                _ => {}
            }
            self.annotate(v.severity, &props, &message)?;
            if self.first.len() < SUMMARY_ROWS {
                self.first.push(v.clone());
            }
        }
        Ok(())
    }

    fn file_end(&mut self, file: &FileSummary) -> io::Result<()> {
        if let Some(e) = &file.error {
            let props = [
                ("file", file.file.clone()),
                ("title", "copydesk [read]".into()),
            ];
            self.annotate(Severity::Error, &props, &format!("cannot read: {e}"))?;
        }
        self.files.push(file.clone());
        Ok(())
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        let [warnings, errors] = self.hidden;
        if errors + warnings > 0 {
            writeln!(
                self.out,
                "::notice title=copydesk::{}",
                escape_data(&format!(
                    "{errors} more errors and {warnings} more warnings not annotated (limit {} each); all are counted: {}",
                    self.limit,
                    s.line()
                ))
            )?;
        }
        self.out.flush()?;
        if let Some(mut md) = self.step_summary.take() {
            write_step_summary(&mut md, s, &self.files, &self.first)?;
            md.flush()?;
        }
        Ok(())
    }
}

fn write_step_summary(
    md: &mut dyn Write,
    s: &Summary,
    files: &[FileSummary],
    first: &[Violation],
) -> io::Result<()> {
    let verdict = if s.is_valid() {
        "✅ valid"
    } else {
        "❌ invalid"
    };
    writeln!(md, "### copydesk validate: {verdict}\n")?;
    writeln!(
        md,
        "{} records in {} files: {} valid, {} invalid, {} warnings\n",
        s.records, s.files, s.valid, s.invalid, s.warnings
    )?;
    writeln!(
        md,
        "| file | records | valid | invalid | warnings | error |"
    )?;
    writeln!(md, "|---|---:|---:|---:|---:|---|")?;
    for f in files {
        writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} |",
            cell(&f.file),
            f.records,
            f.valid,
            f.invalid,
            f.warnings,
            cell(f.error.as_deref().unwrap_or(""))
        )?;
    }
    if !first.is_empty() {
        let total = s.errors + s.warnings;
        writeln!(
            md,
            "\n<details><summary>first {} of {total} violations</summary>\n",
            first.len()
        )?;
        writeln!(md, "| where | severity | rule | pointer | message |")?;
        writeln!(md, "|---|---|---|---|---|")?;
        for v in first {
            writeln!(
                md,
                "| {} | {} | {} | `{}` | {} |",
                cell(&place(v)),
                v.severity,
                cell(&v.rule),
                cell(show_pointer(&v.pointer)).replace('`', "'"),
                cell(&v.message)
            )?;
        }
        writeln!(md, "\n</details>")?;
    }
    writeln!(md)
}

/// Text safe inside a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
        .replace('<', "&lt;")
}

/// Escapes a workflow command's message: `%`, `\r`, `\n`.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command property value: as data, plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_workflow_command_rules() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
