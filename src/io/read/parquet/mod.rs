//! Reads Parquet into records: row group by row group, each row rendered as a JSON object (the
//! same rendering `io::write::jsonl` writes). Owns opening Parquet files and locating rows
//! (row group, row); does not own the Arrow -> JSON rendering itself.
//!
//! Parquet needs a seekable file: stdin and `.gz`/`.zst`-wrapped Parquet are refused with a
//! message. A file that is not Parquet or is truncated (no footer) is an `Err` for the whole
//! input, since none of its rows can be located.

mod pages;

use std::fs::File;
use std::path::Path;

use arrow_array::RecordBatch;
use parquet::arrow::arrow_reader::ParquetRecordBatchReader;
use parquet::arrow::{parquet_to_arrow_field_levels, FieldLevels, ProjectionMask};

use super::{Position, RawRecord, ReadError, ReadErrorKind, ReadOptions, Records};
use crate::error::{Error, Location, Result};
use crate::io::write::jsonl;
use crate::io::{Compression, Source};

pub fn open(source: &Source, _options: &ReadOptions) -> Result<Records> {
    let file = ParquetFile::open(source)?;
    Ok(Box::new(RowIter {
        file,
        row_group: 0,
        reader: None,
        batch: None,
        rendered: Vec::new(),
        ends: Vec::new(),
        row_in_batch: 0,
        row_in_group: 0,
        record: 0,
        failed: false,
    }))
}

/// An opened Parquet input: its metadata is read and checked.
pub struct ParquetFile {
    pub name: String,
    pub path: std::path::PathBuf,
    pub builder_meta: parquet::arrow::arrow_reader::ArrowReaderMetadata,
    levels: FieldLevels,
}

impl ParquetFile {
    pub fn open(source: &Source) -> Result<ParquetFile> {
        let name = source.display_name();
        let path =
            match source {
                Source::Stdin => return Err(Error::Usage(
                    "parquet cannot be read from stdin (it needs a seekable file): name the file"
                        .into(),
                )),
                Source::File(p) => p.clone(),
            };
        if Compression::of(&path) != Compression::None {
            return Err(Error::Usage(format!(
                "{name}: parquet compresses its own pages; a .gz/.zst-wrapped parquet file is not read"
            )));
        }
        let file = File::open(&path).map_err(|e| Error::io(&path, e))?;
        let builder_meta =
            parquet::arrow::arrow_reader::ArrowReaderMetadata::load(&file, Default::default())
                .map_err(|e| not_parquet(&name, e))?;
        let levels = parquet_to_arrow_field_levels(
            builder_meta.metadata().file_metadata().schema_descr(),
            ProjectionMask::all(),
            Some(builder_meta.schema().fields()),
        )
        .map_err(|e| not_parquet(&name, e))?;
        Ok(ParquetFile {
            name,
            path,
            builder_meta,
            levels,
        })
    }

    pub fn num_row_groups(&self) -> usize {
        self.builder_meta.metadata().num_row_groups()
    }

    pub fn num_rows(&self) -> u64 {
        self.builder_meta
            .metadata()
            .file_metadata()
            .num_rows()
            .max(0) as u64
    }

    pub fn schema(&self) -> arrow_schema::SchemaRef {
        self.builder_meta.schema().clone()
    }

    /// A reader over one row group (opened afresh, so row groups can be read in parallel). Its
    /// large string pages are read in slices (`pages`), so memory does not follow page size.
    pub fn row_group(&self, index: usize, batch_size: usize) -> Result<ParquetRecordBatchReader> {
        let file = File::open(&self.path).map_err(|e| Error::io(&self.path, e))?;
        let group = pages::RowGroup::new(
            std::sync::Arc::new(file),
            self.builder_meta.metadata().clone(),
            index,
        );
        ParquetRecordBatchReader::try_new_with_row_groups(&self.levels, &group, batch_size, None)
            .map_err(|e| self.error(index, e))
    }

    pub fn error(&self, row_group: usize, e: impl std::fmt::Display) -> Error {
        Error::Input {
            location: Location::file(&self.name),
            message: format!("row group {row_group}: cannot be read: {e}"),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn not_parquet(name: &str, e: parquet::errors::ParquetError) -> Error {
    Error::Input {
        location: Location::file(name),
        message: format!("not a readable parquet file (truncated or not parquet): {e}"),
    }
}

fn render_rows(batch: &RecordBatch, out: &mut Vec<u8>, ends: &mut Vec<usize>) {
    out.clear();
    ends.clear();
    jsonl::render_rows(batch, out, |_| {}, |out| ends.push(out.len()));
}

struct RowIter {
    file: ParquetFile,
    row_group: usize,
    reader: Option<ParquetRecordBatchReader>,
    batch: Option<RecordBatch>,
    /// The batch's rows rendered as JSON objects back to back, and where each ends.
    rendered: Vec<u8>,
    ends: Vec<usize>,
    row_in_batch: usize,
    row_in_group: u64,
    record: u64,
    failed: bool,
}

impl RowIter {
    /// Makes sure `batch` has a row to give; `Ok(false)` at the end of the file.
    fn advance(&mut self) -> Result<bool> {
        loop {
            if let Some(b) = &self.batch {
                if self.row_in_batch < b.num_rows() {
                    return Ok(true);
                }
                self.batch = None;
            }
            if let Some(reader) = &mut self.reader {
                match reader.next() {
                    Some(Ok(b)) => {
                        render_rows(&b, &mut self.rendered, &mut self.ends);
                        self.batch = Some(b);
                        self.row_in_batch = 0;
                        continue;
                    }
                    Some(Err(e)) => return Err(self.file.error(self.row_group - 1, e)),
                    None => self.reader = None,
                }
            }
            if self.row_group >= self.file.num_row_groups() {
                return Ok(false);
            }
            self.reader = Some(self.file.row_group(self.row_group, 1024)?);
            self.row_group += 1;
            self.row_in_group = 0;
        }
    }
}

impl Iterator for RowIter {
    type Item = Result<RawRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        match self.advance() {
            Ok(true) => {}
            Ok(false) => return None,
            Err(e) => {
                self.failed = true;
                return Some(Err(e));
            }
        }
        let start = match self.row_in_batch {
            0 => 0,
            i => self.ends[i - 1],
        };
        let bytes = self.rendered[start..self.ends[self.row_in_batch]].to_vec();
        let value = serde_json::from_slice(&bytes).map_err(|e| ReadError {
            kind: ReadErrorKind::Parse,
            column: None,
            pointer: None,
            message: format!("row cannot be rendered as JSON: {e}"),
        });
        let record = RawRecord {
            location: Location::file(&self.file.name).with_record(self.record),
            position: Position::Parquet {
                row_group: (self.row_group - 1) as u64,
                row: self.row_in_group,
            },
            bytes,
            value,
        };
        self.row_in_batch += 1;
        self.row_in_group += 1;
        self.record += 1;
        Some(Ok(record))
    }
}
