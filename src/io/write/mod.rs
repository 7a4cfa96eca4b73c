//! Writers: Arrow record batches -> each format's bytes. One file per format; the `match` on
//! `Format` that picks a writer lives here and nowhere else. Owns the output side of a job:
//! refusing to clobber, the temporary file in the target folder renamed into place by
//! `finish()` (so a killed run leaves no file at the output path), stdout for `-`.
//!
//! Writing is split in two so that it can use every core: `Encoder::encode` turns batches into
//! an encoded part (JSON or CSV bytes, or a Parquet row group's compressed column chunks) and
//! is safe to call from many threads at once; `Writer::append` puts the parts into the output
//! in order.

pub mod csv;
pub mod jsonl;
pub mod parquet;

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;

use crate::error::{Error, Result};
use crate::io::{compress, Compression, Format};

use self::csv::{CsvEncoder, CsvWriteOptions};
use self::parquet::{ParquetEncoder, ParquetOptions, ParquetSink, RowGroup};

/// Where output goes.
pub enum Destination {
    /// A file: written to a temporary file in the same folder, renamed into place by `finish`.
    File(PathBuf),
    /// A stream the caller owns (stdout for `-o -`).
    Stream(Box<dyn Write + Send>),
}

/// How to write: the format and its options.
#[derive(Debug, Clone)]
pub struct WriteOptions {
    pub format: Format,
    /// Byte-stream compression around JSONL/CSV (`.gz`/`.zst`); Parquet compresses pages itself.
    pub compression: Compression,
    pub csv: CsvWriteOptions,
    pub parquet: ParquetOptions,
    /// Replace an existing output file.
    pub force: bool,
}

/// A file being written under a temporary name next to its final path. Dropped without
/// `commit`, the temporary file is removed, so a failed run leaves nothing at either name.
pub struct OutputFile {
    path: PathBuf,
    /// `None` for a device or pipe (`/dev/null`, a FIFO), written in place: a temporary file
    /// renamed over it would replace the device with a regular file.
    tmp: Option<PathBuf>,
    committed: bool,
}

/// Whether `path` is a device, pipe or socket: something to write into, never to replace.
fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

impl OutputFile {
    /// Creates the temporary file; refuses an existing `path` unless `force`. A device or pipe
    /// (`-o /dev/null`, a FIFO) is opened and written in place.
    pub fn create(path: &Path, force: bool) -> Result<(OutputFile, File)> {
        if is_special(path) {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| Error::io(path, e))?;
            let out = OutputFile {
                path: path.to_path_buf(),
                tmp: None,
                committed: false,
            };
            return Ok((out, file));
        }
        if !force && path.exists() {
            return Err(Error::Usage(format!(
                "{}: already exists (use --force to replace it)",
                path.display()
            )));
        }
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".into());
        for attempt in 0..100u32 {
            let tmp = dir.join(format!(
                ".{name}.copydesk-{}-{attempt}.tmp",
                std::process::id()
            ));
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)
            {
                Ok(file) => {
                    return Ok((
                        OutputFile {
                            path: path.to_path_buf(),
                            tmp: Some(tmp),
                            committed: false,
                        },
                        file,
                    ))
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(Error::io(&tmp, e)),
            }
        }
        Err(Error::Usage(format!(
            "{}: cannot create a temporary file next to it",
            path.display()
        )))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Moves the finished file into place.
    pub fn commit(mut self) -> Result<()> {
        if let Some(tmp) = &self.tmp {
            std::fs::rename(tmp, &self.path).map_err(|e| Error::io(&self.path, e))?;
        }
        self.committed = true;
        Ok(())
    }
}

impl Drop for OutputFile {
    fn drop(&mut self) {
        if let (false, Some(tmp)) = (self.committed, &self.tmp) {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// Turns batches into an encoded part; safe to use from many threads at once.
#[derive(Clone)]
pub enum PartEncoder {
    Jsonl,
    /// Elements of one JSON array (the writer adds the brackets).
    JsonArray,
    Csv(CsvEncoder),
    Parquet(Arc<ParquetEncoder>),
}

/// One encoded part of the output, appended in order.
pub enum Encoded {
    Bytes(Vec<u8>),
    RowGroup(RowGroup),
}

impl PartEncoder {
    /// Encodes `batches` as part number `index` (a Parquet row group).
    pub fn encode(&self, batches: &[RecordBatch], index: usize) -> Result<Encoded> {
        Ok(match self {
            PartEncoder::Jsonl => {
                let mut out =
                    Vec::with_capacity(batches.iter().map(|b| b.get_array_memory_size()).sum());
                for b in batches {
                    jsonl::render_batch(b, &mut out);
                }
                Encoded::Bytes(out)
            }
            PartEncoder::JsonArray => {
                let mut out =
                    Vec::with_capacity(batches.iter().map(|b| b.get_array_memory_size()).sum());
                // Parts are never empty, so the array's first element is in part 0.
                let mut first = index == 0;
                for b in batches {
                    jsonl::render_batch_as_elements(b, &mut out, &mut first);
                }
                Encoded::Bytes(out)
            }
            PartEncoder::Csv(enc) => Encoded::Bytes(enc.encode(batches)),
            PartEncoder::Parquet(enc) => Encoded::RowGroup(enc.encode(batches, index)?),
        })
    }
}

enum Sink {
    Text {
        out: crate::io::Encoder,
        file: Option<OutputFile>,
    },
    /// Parquet waits for the first part to choose its dictionary columns.
    ParquetPending(OutputFile, File),
    Parquet(OutputFile, ParquetSink),
    Done,
}

/// An output being written: `encoder` once, `append` per part in order, then `finish`.
pub struct Writer {
    sink: Sink,
    options: WriteOptions,
    schema: SchemaRef,
    name: String,
    rows: u64,
}

/// What `finish` wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: Option<PathBuf>,
    pub rows: u64,
    pub bytes: u64,
}

/// Opens an output for records with `schema`.
pub fn open(dest: Destination, schema: SchemaRef, options: &WriteOptions) -> Result<Writer> {
    let (name, sink) = match (dest, options.format) {
        (Destination::Stream(_), Format::Parquet) => return Err(Error::Usage(
            "parquet cannot be written to stdout (it needs a seekable file): name a file with -o"
                .into(),
        )),
        (_, Format::Text) => {
            return Err(Error::Usage(
                "loose text is an input format only; write jsonl, json lines, csv, tsv or parquet"
                    .into(),
            ))
        }
        (Destination::File(p), Format::Parquet) => {
            let (out, file) = OutputFile::create(&p, options.force)?;
            (p.display().to_string(), Sink::ParquetPending(out, file))
        }
        (Destination::File(p), _) => {
            let (out, file) = OutputFile::create(&p, options.force)?;
            let enc =
                compress(Box::new(file), options.compression).map_err(|e| Error::io(&p, e))?;
            (
                p.display().to_string(),
                Sink::Text {
                    out: enc,
                    file: Some(out),
                },
            )
        }
        (Destination::Stream(w), _) => {
            let enc = compress(w, options.compression).map_err(|e| Error::io("-", e))?;
            (
                "-".to_string(),
                Sink::Text {
                    out: enc,
                    file: None,
                },
            )
        }
    };
    Ok(Writer {
        sink,
        options: options.clone(),
        schema,
        name,
        rows: 0,
    })
}

impl Writer {
    /// The encoder for this output. `sample` (the first part's batches) lets Parquet choose
    /// dictionary columns; call this once, before the first `append`.
    pub fn encoder(&mut self, sample: &[RecordBatch]) -> Result<PartEncoder> {
        match self.options.format {
            Format::Jsonl => Ok(PartEncoder::Jsonl),
            Format::Json => {
                if let Sink::Text { out, .. } = &mut self.sink {
                    out.write_all(b"[\n")
                        .map_err(|e| Error::io(&self.name, e))?;
                }
                Ok(PartEncoder::JsonArray)
            }
            Format::Csv | Format::Tsv => {
                let mut csv = self.options.csv.clone();
                if self.options.format == Format::Tsv && csv.delimiter == b',' {
                    csv.delimiter = b'\t';
                }
                let enc = CsvEncoder::new(csv);
                let header = enc.header(&self.schema);
                if let Sink::Text { out, .. } = &mut self.sink {
                    out.write_all(&header)
                        .map_err(|e| Error::io(&self.name, e))?;
                }
                Ok(PartEncoder::Csv(enc))
            }
            Format::Parquet => match std::mem::replace(&mut self.sink, Sink::Done) {
                Sink::ParquetPending(out, file) => {
                    let (sink, enc) = ParquetSink::create(
                        file,
                        self.schema.clone(),
                        sample,
                        &self.options.parquet,
                    )?;
                    self.sink = Sink::Parquet(out, sink);
                    Ok(PartEncoder::Parquet(Arc::new(enc)))
                }
                other => {
                    self.sink = other;
                    Err(Error::Usage(
                        "internal: parquet encoder asked for twice".into(),
                    ))
                }
            },
            Format::Text => Err(Error::Usage("loose text is an input format only".into())),
        }
    }

    /// Appends an encoded part holding `rows` rows.
    pub fn append(&mut self, part: Encoded, rows: u64) -> Result<()> {
        self.rows += rows;
        match (&mut self.sink, part) {
            (Sink::Text { out, .. }, Encoded::Bytes(b)) => {
                out.write_all(&b).map_err(|e| Error::io(&self.name, e))
            }
            (Sink::Parquet(_, sink), Encoded::RowGroup(rg)) => sink.append(rg),
            _ => Err(Error::Usage(
                "internal: part does not match the output format".into(),
            )),
        }
    }

    /// Flushes, writes footers and moves the file into place.
    pub fn finish(mut self) -> Result<Written> {
        if let Sink::ParquetPending(..) = self.sink {
            self.encoder(&[])?;
        }
        match std::mem::replace(&mut self.sink, Sink::Done) {
            Sink::Text { mut out, file } => {
                if self.options.format == Format::Json {
                    out.write_all(b"\n]\n")
                        .map_err(|e| Error::io(&self.name, e))?;
                }
                out.finish().map_err(|e| Error::io(&self.name, e))?;
                self.commit(file)
            }
            Sink::Parquet(file, sink) => {
                sink.finish()?;
                self.commit(Some(file))
            }
            Sink::ParquetPending(..) | Sink::Done => {
                Err(Error::Usage("internal: output finished twice".into()))
            }
        }
    }

    fn commit(&self, file: Option<OutputFile>) -> Result<Written> {
        let Some(file) = file else {
            return Ok(Written {
                path: None,
                rows: self.rows,
                bytes: 0,
            });
        };
        let path = file.path().to_path_buf();
        file.commit()?;
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        Ok(Written {
            path: Some(path),
            rows: self.rows,
            bytes,
        })
    }
}
