//! Library errors and the `Location` every error and violation carries. Owns how a place in the
//! input is named (`feed.jsonl:42: record 41: /title`); does not own how reports are rendered.

use std::fmt;
use std::path::PathBuf;

/// Where something happened in the input. Only the known parts are printed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    /// The input's path as the user named it (`-` for stdin).
    pub file: Option<String>,
    /// 1-based line where the record starts.
    pub line: Option<u64>,
    /// 1-based column (in characters) within the line, where known.
    pub column: Option<u64>,
    /// 0-based index of the record within its file.
    pub record: Option<u64>,
    /// JSON Pointer into the record (`/authors/0`).
    pub pointer: Option<String>,
}

impl Location {
    pub fn file(file: impl Into<String>) -> Self {
        Location {
            file: Some(file.into()),
            ..Location::default()
        }
    }

    pub fn with_line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }

    pub fn with_column(mut self, column: u64) -> Self {
        self.column = Some(column);
        self
    }

    pub fn with_record(mut self, record: u64) -> Self {
        self.record = Some(record);
        self
    }

    pub fn with_pointer(mut self, pointer: impl Into<String>) -> Self {
        self.pointer = Some(pointer.into());
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut wrote = false;
        let sep = |f: &mut fmt::Formatter<'_>, wrote: &mut bool| {
            let r = if *wrote { f.write_str(":") } else { Ok(()) };
            *wrote = true;
            r
        };
        if let Some(file) = &self.file {
            sep(f, &mut wrote)?;
            f.write_str(file)?;
        }
        if let Some(line) = self.line {
            sep(f, &mut wrote)?;
            write!(f, "{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        if let Some(record) = self.record {
            if wrote {
                f.write_str(": ")?;
            }
            write!(f, "record {record}")?;
            wrote = true;
        }
        if let Some(pointer) = &self.pointer {
            if wrote {
                f.write_str(": ")?;
            }
            f.write_str(if pointer.is_empty() { "/" } else { pointer })?;
        }
        Ok(())
    }
}

/// Errors that stop a job (as opposed to invalid records, which are reported as data).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}: cannot tell the format from the file name; name it with --from/--to")]
    UnknownFormat(String),
    #[error("schema {path}: {message}")]
    Schema { path: String, message: String },
    #[error("{location}: {message}")]
    Input { location: Location, message: String },
    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Runs `f`, turning a panic (a bug here, or a library choking on hostile input) into an error
/// for `file`: a worker thread that died would otherwise abort the process or lose its rows.
pub fn guarded<T>(file: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(Error::Input {
            location: Location::file(file),
            message: format!("cannot be read: internal error ({what}); please report it"),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_prints_only_known_parts() {
        assert_eq!(Location::default().to_string(), "");
        assert_eq!(Location::file("a.jsonl").to_string(), "a.jsonl");
        assert_eq!(
            Location::file("a.jsonl").with_line(42).to_string(),
            "a.jsonl:42"
        );
        assert_eq!(
            Location::file("a.jsonl")
                .with_line(42)
                .with_column(7)
                .with_record(41)
                .with_pointer("/title")
                .to_string(),
            "a.jsonl:42:7: record 41: /title"
        );
        assert_eq!(Location::default().with_pointer("").to_string(), "/");
    }

    #[test]
    fn a_panic_in_a_worker_becomes_an_error_for_its_file() {
        // The default hook prints the panic to the test's stderr; that is expected here.
        let caught = guarded::<()>("in.parquet", || panic!("index out of bounds"));
        let message = caught.unwrap_err().to_string();
        assert!(message.contains("in.parquet"), "{message}");
        assert!(message.contains("index out of bounds"), "{message}");
        assert_eq!(guarded("x", || Ok(7)).unwrap(), 7);
    }
}
