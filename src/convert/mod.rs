//! `convert`: streams records from JSONL, JSON, CSV/TSV or Parquet inputs into one JSONL,
//! CSV/TSV or Parquet output, typed by a JSON Schema, rejecting (never dropping or coercing)
//! what does not fit. Owns the pipeline and its accounting (read = written + rejected); does not
//! own the formats themselves (`io::read`, `io::write`) or the schema mapping (`schema::arrow`).
//!
//! The pipeline keeps memory bounded and both cores busy: the calling thread cuts inputs into
//! chunks (about 4 MiB of JSON lines, or one Parquet row group); a thread pool decodes chunks
//! into Arrow batches; the calling thread gathers batches into parts (a Parquet row group, or
//! about 16 MiB of rows for text outputs); the pool encodes parts (Parquet compresses whole row
//! groups in parallel); the calling thread appends parts in order. A few chunks and parts are in
//! flight at a time, whatever the size of the input.

use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;

use crate::error::{guarded, Error, Location, Result};
use crate::io::read::ReadOptions;
use crate::io::write::{
    self, Destination, Encoded, OutputFile, PartEncoder, WriteOptions, Written,
};
use crate::io::{Format, Source};
use crate::schema::arrow::Table;
use crate::schema::Schema;

pub mod csv_arrow;
pub mod dataset;
pub mod decode;
pub mod infer;
pub mod input;

use decode::{Decoded, JsonDecoder, Reject};
use input::{InputReader, Work};

/// How to convert. `From<&ConvertArgs>` in the CLI fills it.
#[derive(Clone)]
pub struct ConvertOptions {
    /// The input format; `None` means by each input's extension.
    pub from: Option<Format>,
    /// The JSON Schema that types the columns; `None` means the bundled article schema.
    pub schema: Option<PathBuf>,
    /// Derive the columns from the input itself (one extra pass) instead of a schema.
    pub infer: bool,
    /// Check every record against the schema; invalid ones are rejected.
    pub validate: bool,
    /// CSV reading: delimiter and null marker.
    pub read: ReadOptions,
    /// CSV list cells are items joined with this (reading and writing).
    pub list_separator: Option<String>,
    pub write: WriteOptions,
    /// Where rejected records go (JSON Lines with location and reason).
    pub rejects: Option<PathBuf>,
    /// Rows per batch handed to the writer (tests use 1 and 3; the default is large).
    pub batch_rows: usize,
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// How loose-text inputs (`.txt`) are parsed into articles; `None` refuses them.
    pub text: Option<TextOptions>,
    /// Partition the output into hive-style folders by these columns.
    pub partition_by: Vec<dataset::PartitionKey>,
    /// Start a new file after this many rows.
    pub max_rows_per_file: Option<u64>,
    /// Convert only this shard of the inputs.
    pub shard: Option<dataset::Shard>,
    /// Called as the conversion goes, with (input bytes done, records read).
    pub progress: Option<Arc<dyn Fn(u64, u64) + Send + Sync>>,
}

impl std::fmt::Debug for ConvertOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConvertOptions")
            .field("from", &self.from)
            .field("schema", &self.schema)
            .field("write", &self.write)
            .finish_non_exhaustive()
    }
}

impl ConvertOptions {
    pub fn new(write: WriteOptions) -> ConvertOptions {
        ConvertOptions {
            from: None,
            schema: None,
            infer: false,
            validate: false,
            read: ReadOptions::default(),
            list_separator: None,
            write,
            rejects: None,
            batch_rows: 0,
            threads: 0,
            text: None,
            partition_by: Vec::new(),
            max_rows_per_file: None,
            shard: None,
            progress: None,
        }
    }
}

/// How `convert` parses loose text, as `copydesk parse` does.
#[derive(Debug, Clone)]
pub struct TextOptions {
    /// The reference time and values the text does not state.
    pub extract: crate::extract::ExtractOptions,
    /// Use each file's modification time as the reference instant (else `extract`'s).
    pub mtime: bool,
}

/// An input that could not be read (wholly or from some point on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedInput {
    pub file: String,
    pub message: String,
    /// It could not be read at all (missing, unreadable): an I/O problem, not bad data.
    pub io: bool,
}

/// What a conversion did. `read == written + rejected` always holds.
#[derive(Debug, Clone)]
pub struct ConvertReport {
    pub inputs: usize,
    pub read: u64,
    pub written: u64,
    pub rejected: u64,
    pub failed_inputs: Vec<FailedInput>,
    /// The first rejections (location, rule, reason), for the summary.
    pub reject_samples: Vec<String>,
    /// The output: the one file, or (partitioned, sharded) the folder with summed figures.
    pub output: Written,
    /// Every file written.
    pub files: Vec<Written>,
    pub rejects_path: Option<PathBuf>,
    /// The manifest written for a folder output.
    pub manifest: Option<PathBuf>,
}

impl ConvertReport {
    /// Whether anything was rejected or could not be read.
    pub fn is_clean(&self) -> bool {
        self.rejected == 0 && self.failed_inputs.is_empty()
    }
}

/// The format of one input, from `--from` or its extension.
pub fn input_format(source: &Source, from: Option<Format>) -> Result<Format> {
    if let Some(f) = from {
        return Ok(f);
    }
    match source {
        Source::Stdin => Err(Error::Usage(
            "reading stdin: name its format with --from (jsonl or csv)".into(),
        )),
        Source::File(p) => {
            Format::determine(p).ok_or_else(|| Error::UnknownFormat(p.display().to_string()))
        }
    }
}

/// Converts `inputs` into `output`.
pub fn convert(
    inputs: &[Source],
    output: Destination,
    options: &ConvertOptions,
) -> Result<ConvertReport> {
    let dataset = !options.partition_by.is_empty()
        || options.max_rows_per_file.is_some()
        || options.shard.is_some();
    if let Destination::File(out) = &output {
        refuse_overwriting_inputs(inputs, out)?;
    }
    if let Some(r) = &options.rejects {
        refuse_overwriting_inputs(inputs, r)?;
        if matches!(&output, Destination::File(out) if out == r) {
            return Err(Error::Usage(format!(
                "{}: is both the output and --rejects",
                r.display()
            )));
        }
    }
    let inputs: Vec<Source> = match options.shard {
        Some(shard) => shard.select(inputs, Source::display_name),
        None => inputs.to_vec(),
    };
    let inputs = &inputs[..];
    let formats: Vec<Format> = inputs
        .iter()
        .map(|s| input_format(s, options.from))
        .collect::<Result<_>>()?;
    let threads = match options.threads {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
        n => n,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("copydesk-convert-{i}"))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start worker threads: {e}")))?;

    let choice = output_schema(inputs, &formats, options)?;
    let mut options = options.clone();
    if options.read.schema.is_none() {
        options.read.schema = Some(choice.json.clone());
    }
    let metadata = &mut options.write.parquet.metadata;
    metadata.push(("copydesk.version".into(), env!("CARGO_PKG_VERSION").into()));
    if !choice.passthrough {
        metadata.push(("copydesk.schema".into(), choice.json.to_string()));
        metadata.push(("huggingface".into(), choice.table.huggingface_metadata()));
    }
    let options = &options;
    let schema = choice.arrow.clone();
    let decoder = Arc::new(JsonDecoder::new(
        choice.table,
        schema.clone(),
        choice.validator,
    ));
    let (layout, single) = if dataset {
        let Destination::File(dir) = output else {
            return Err(Error::Usage(
                "--partition-by, --max-rows-per-file and --shard write a folder of files: name it with -o"
                    .into(),
            ));
        };
        if dir.is_file() {
            return Err(Error::Usage(format!(
                "{}: is a file; a partitioned or sharded output is a folder",
                dir.display()
            )));
        }
        let ext = match options.write.compression {
            crate::io::Compression::Gzip => format!("{}.gz", options.write.format.name()),
            crate::io::Compression::Zstd => format!("{}.zst", options.write.format.name()),
            crate::io::Compression::None => options.write.format.name().to_string(),
        };
        let stem = options
            .shard
            .map_or_else(|| "part".to_string(), |s| s.stem());
        (Layout::Dataset { dir, stem, ext }, None)
    } else {
        (Layout::Single, Some(output))
    };
    let partitioner = if options.partition_by.is_empty() {
        None
    } else {
        Some(dataset::Partitioner::new(&options.partition_by, &schema)?)
    };
    let mut slots = Vec::new();
    if let Some(dest) = single {
        slots.push(Slot::new(
            PathBuf::new(),
            Some(write::open(dest, schema.clone(), &options.write)?),
        ));
    }
    let rejects = RejectSink::open(options.rejects.as_deref(), options.write.force)?;
    let part_rows = match options.write.format {
        Format::Parquet => options.write.parquet.row_group_rows.max(1),
        _ => usize::MAX,
    };
    let mut run = Run {
        pool,
        decoder,
        schema,
        write_options: options.write.clone(),
        layout,
        partitioner,
        slots,
        slot_of: HashMap::new(),
        open: std::collections::BTreeSet::new(),
        made_dirs: Vec::new(),
        clock: 0,
        files: Vec::new(),
        max_rows_per_file: options.max_rows_per_file.map_or(u64::MAX, |n| n.max(1)),
        rejects,
        decode_q: VecDeque::new(),
        encode_q: VecDeque::new(),
        part_rows,
        // Parquet row groups are worth being large; text parts only need to be large enough
        // to spread over the threads, and smaller ones keep memory low.
        part_bytes: match options.write.format {
            Format::Parquet => 32 << 20,
            _ => 4 << 20,
        },
        pending_total: 0,
        max_decode: match options.write.format {
            Format::Parquet => threads * 2,
            _ => threads + 1,
        },
        max_encode: threads,
        batch_rows: if options.batch_rows == 0 {
            usize::MAX
        } else {
            options.batch_rows
        },
        report: Counts::default(),
        progress: options.progress.clone(),
        bytes_done: 0,
        csv_next: (1, 0),
    };
    for (i, (source, format)) in inputs.iter().zip(&formats).enumerate() {
        if let Err(e) = run.convert_input(i, source, *format, options) {
            run.abandon();
            return Err(e);
        }
    }
    run.finish(inputs, options)
}

/// Refuses an output path that is one of the inputs, even with `--force`.
fn refuse_overwriting_inputs(inputs: &[Source], out: &Path) -> Result<()> {
    let canonical = |p: &Path| -> Option<PathBuf> {
        if let Ok(c) = std::fs::canonicalize(p) {
            return Some(c);
        }
        let parent = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        Some(std::fs::canonicalize(parent).ok()?.join(p.file_name()?))
    };
    let target = canonical(out);
    for s in inputs {
        if let Some(p) = s.path() {
            if target.is_some() && canonical(p) == target {
                return Err(Error::Usage(format!(
                    "{}: is also an input; copydesk never overwrites an input, even with --force",
                    out.display()
                )));
            }
        }
    }
    Ok(())
}

/// The output's columns, the JSON Schema behind them, and the validator for `--validate`.
struct SchemaChoice {
    table: Table,
    arrow: SchemaRef,
    json: serde_json::Value,
    validator: Option<Arc<Schema>>,
    /// The columns are a Parquet input's own (no schema given, every input is Parquet).
    passthrough: bool,
}

/// The output's columns: the inferred ones with `--infer`, else the JSON Schema's; when every
/// input is Parquet and no schema is named, the first file's own types are kept.
fn output_schema(
    inputs: &[Source],
    formats: &[Format],
    options: &ConvertOptions,
) -> Result<SchemaChoice> {
    let (json, loaded) = if options.infer {
        if options.validate {
            return Err(Error::Usage(
                "--validate checks against a schema; it cannot be combined with --infer".into(),
            ));
        }
        (infer::infer(inputs, formats, options)?, None)
    } else {
        let s = Arc::new(Schema::load(options.schema.as_deref())?);
        (s.json.clone(), Some(s))
    };
    let table = Table::from_json_schema(&json)?;
    let validator = if options.validate { loaded } else { None };
    let all_parquet = !formats.is_empty() && formats.iter().all(|f| *f == Format::Parquet);
    if all_parquet && options.schema.is_none() && !options.infer {
        if let Some(source) = inputs.first() {
            if let Ok(file) = crate::io::read::parquet::ParquetFile::open(source) {
                return Ok(SchemaChoice {
                    table,
                    arrow: file.schema(),
                    json,
                    validator,
                    passthrough: true,
                });
            }
        }
    }
    Ok(SchemaChoice {
        arrow: Arc::new(table.arrow_schema()),
        table,
        json,
        validator,
        passthrough: false,
    })
}

#[derive(Debug, Default)]
struct Counts {
    read: u64,
    written: u64,
    rejected: u64,
    failed_inputs: Vec<FailedInput>,
    samples: Vec<String>,
}

/// One output file at a time for one destination folder (the whole output, or a partition).
struct Slot {
    /// Relative folder (a partition path), empty for the whole output.
    folder: PathBuf,
    writer: Option<write::Writer>,
    encoder: Option<PartEncoder>,
    pending: Vec<RecordBatch>,
    pending_rows: usize,
    pending_bytes: usize,
    /// Parts submitted to the current file.
    parts: usize,
    /// Rows submitted to the current file.
    rows_in_file: u64,
    /// Number of the current file within the folder.
    file_no: usize,
    /// When its file last took a part (`Run::clock`), while the file is open.
    used: u64,
}

impl Slot {
    fn new(folder: PathBuf, writer: Option<write::Writer>) -> Slot {
        Slot {
            folder,
            writer,
            encoder: None,
            pending: Vec::new(),
            pending_rows: 0,
            pending_bytes: 0,
            parts: 0,
            rows_in_file: 0,
            file_no: 0,
            used: 0,
        }
    }
}

/// At most this many partition files are open at once; the one used least recently is
/// finished to make room, and its later rows go to a new file in its folder (as DuckDB does).
/// Partitioning 20,000 sources opened 20,000 files: out of file handles at 1.8 GB.
const MAX_OPEN_FILES: usize = 64;

enum Layout {
    /// One output: the file or stream given.
    Single,
    /// A folder of files: `dir/[partition folders/]stem[-NNNNN].ext`.
    Dataset {
        dir: PathBuf,
        stem: String,
        ext: String,
    },
}

/// A chunk being decoded: its result, input name, input bytes, and (for the first block of a
/// CSV input) the line its first record starts on.
type DecodeJob = (Receiver<Result<Decoded>>, String, u64, Option<u64>);

struct Run {
    pool: rayon::ThreadPool,
    decoder: Arc<JsonDecoder>,
    schema: SchemaRef,
    write_options: WriteOptions,
    layout: Layout,
    partitioner: Option<dataset::Partitioner>,
    slots: Vec<Slot>,
    slot_of: HashMap<PathBuf, usize>,
    /// Slots with an open file, by when they were last used.
    open: std::collections::BTreeSet<(u64, usize)>,
    /// Partition folders this run created (removed again if it fails).
    made_dirs: Vec<PathBuf>,
    clock: u64,
    files: Vec<Written>,
    max_rows_per_file: u64,
    rejects: RejectSink,
    decode_q: VecDeque<DecodeJob>,
    encode_q: VecDeque<(Receiver<Result<Encoded>>, u64, usize)>,
    part_rows: usize,
    part_bytes: usize,
    /// Bytes waiting in all slots' `pending`.
    pending_total: usize,
    max_decode: usize,
    max_encode: usize,
    batch_rows: usize,
    report: Counts,
    progress: Option<Arc<dyn Fn(u64, u64) + Send + Sync>>,
    bytes_done: u64,
    /// Where the next CSV block's records start: (line, 0-based record).
    csv_next: (u64, u64),
}

impl Run {
    fn convert_input(
        &mut self,
        _index: usize,
        source: &Source,
        format: Format,
        options: &ConvertOptions,
    ) -> Result<()> {
        let name = source.display_name();
        let mut reader = match InputReader::open(source, format, options) {
            Ok(r) => r,
            Err(e @ (Error::Input { .. } | Error::Io { .. })) => {
                return self.fail_input(&name, e);
            }
            Err(e) => return Err(e),
        };
        if let Some(header) = reader.csv_header() {
            // A CSV whose columns the schema does not have would reject every row: say it once.
            let known: std::collections::HashSet<&str> = self
                .schema
                .fields()
                .iter()
                .map(|f| f.name().as_str())
                .collect();
            let unknown: Vec<&str> = header
                .iter()
                .map(String::as_str)
                .filter(|h| !known.contains(h))
                .collect();
            if self.decoder.closed() && !unknown.is_empty() {
                return self.fail_input_with(
                    &name,
                    format!(
                        "{name}: columns {} are not in the schema, which allows no others (name the right one with --schema, or use --infer)",
                        unknown.join(", ")
                    ),
                    false,
                );
            }
        }
        let validating = options.validate;
        if let Some(rows) = reader.parquet() {
            // Rows of another shape are retyped through the JSON decoder (strictly, with
            // per-record rejects), as are rows to validate.
            if validating || !same_columns(&rows.schema(), &self.schema) {
                rows.decode_as_json();
            }
        }
        let mut progress = 0;
        loop {
            let work = match reader.next_work() {
                Ok(Some(w)) => w,
                Ok(None) => break,
                Err(e @ (Error::Input { .. } | Error::Io { .. })) => {
                    self.fail_input(&name, e)?;
                    break;
                }
                Err(e) => return Err(e),
            };
            let done = reader.progress();
            self.submit_decode(work, &name, done.saturating_sub(progress));
            progress = done;
            while self.decode_q.len() >= self.max_decode {
                self.drain_decoded()?;
            }
        }
        Ok(())
    }

    fn fail_input(&mut self, name: &str, error: Error) -> Result<()> {
        let io = matches!(error, Error::Io { .. });
        self.fail_input_with(name, error.to_string(), io)
    }

    fn fail_input_with(&mut self, name: &str, message: String, io: bool) -> Result<()> {
        self.rejects.write_failed(name, &message)?;
        if self.report.samples.len() < 20 {
            self.report.samples.push(message.clone());
        }
        self.report.failed_inputs.push(FailedInput {
            file: name.to_string(),
            message,
            io,
        });
        Ok(())
    }

    fn submit_decode(&mut self, work: Work, name: &str, bytes: u64) {
        let (tx, rx) = sync_channel(1);
        let decoder = self.decoder.clone();
        let first_line = match &work {
            Work::Csv(block) => block.first_line,
            _ => None,
        };
        let file = name.to_string();
        self.pool.spawn(move || {
            // Records rejected before decoding count as read, ahead of the decoder's rejects.
            let with_early = |chunk: &decode::Chunk, early: Vec<Reject>| {
                decoder.decode(chunk).map(|mut d| {
                    d.records += early.len() as u64;
                    let mut rejects = early;
                    rejects.append(&mut d.rejects);
                    d.rejects = rejects;
                    d
                })
            };
            let result = guarded(&file, || match work {
                Work::Json(chunk, early) => with_early(&chunk, early),
                Work::Csv(block) => block.decode(&decoder),
                Work::Batches(batches) => Ok(input::decoded(batches)),
            });
            let _ = tx.send(result);
        });
        self.decode_q
            .push_back((rx, name.to_string(), bytes, first_line));
    }

    /// Takes the oldest decoded chunk: counts it, writes its rejects, queues its rows.
    fn drain_decoded(&mut self) -> Result<()> {
        let Some((rx, name, bytes, first_line)) = self.decode_q.pop_front() else {
            return Ok(());
        };
        let mut decoded = match rx.recv() {
            Ok(Ok(d)) => d,
            Ok(Err(e @ (Error::Input { .. } | Error::Io { .. }))) => {
                return self.fail_input(&name, e);
            }
            Ok(Err(e)) => return Err(e),
            Err(_) => return Err(Error::Usage("internal: a worker thread stopped".into())),
        };
        if let Some(line) = first_line {
            self.csv_next = (line, 0);
        }
        if let Some((lines, rows)) = decoded.relative {
            let (line, row) = self.csv_next;
            for r in &mut decoded.rejects {
                let loc = &mut r.location;
                loc.line = loc.line.map(|l| l + line - 1);
                loc.record = loc.record.map(|n| n + row);
            }
            self.csv_next = (line + lines, row + rows);
        }
        self.bytes_done += bytes;
        self.report.read += decoded.records;
        self.report.rejected += decoded.rejects.len() as u64;
        for r in &decoded.rejects {
            if self.report.samples.len() < 20 {
                self.report
                    .samples
                    .push(format!("{}: {}: {}", r.location, r.rule, r.message));
            }
            self.rejects.write(r)?;
        }
        for batch in decoded.batches {
            let mut offset = 0;
            while offset < batch.num_rows() {
                let len = self.batch_rows.min(batch.num_rows() - offset);
                let piece = if offset == 0 && len == batch.num_rows() {
                    batch.clone()
                } else {
                    batch.slice(offset, len)
                };
                offset += len;
                self.route(piece)?;
            }
        }
        if let Some(p) = &self.progress {
            p(self.bytes_done, self.report.read);
        }
        Ok(())
    }

    /// Sends rows to their partition's slot.
    fn route(&mut self, batch: RecordBatch) -> Result<()> {
        let Some(partitioner) = &self.partitioner else {
            if self.slots.is_empty() {
                self.slots.push(Slot::new(PathBuf::new(), None));
            }
            return self.push_rows(0, batch);
        };
        for (folder, rows) in partitioner.split(&batch)? {
            let slot = match self.slot_of.get(&folder) {
                Some(s) => *s,
                None => {
                    self.slots.push(Slot::new(folder.clone(), None));
                    self.slot_of.insert(folder, self.slots.len() - 1);
                    self.slots.len() - 1
                }
            };
            self.push_rows(slot, rows)?;
        }
        // Many partitions each holding a little: flush the largest to bound memory.
        while self.pending_total > 2 * self.part_bytes {
            let largest = (0..self.slots.len())
                .max_by_key(|&i| self.slots[i].pending_bytes)
                .unwrap_or(0);
            self.submit_part(largest)?;
        }
        Ok(())
    }

    fn push_rows(&mut self, slot: usize, batch: RecordBatch) -> Result<()> {
        let mut batch = batch;
        loop {
            let s = &self.slots[slot];
            let file_room = self
                .max_rows_per_file
                .saturating_sub(s.rows_in_file + s.pending_rows as u64);
            let room =
                (self.part_rows - s.pending_rows).min(file_room.min(usize::MAX as u64) as usize);
            if batch.num_rows() <= room {
                let bytes = batch.get_array_memory_size();
                let s = &mut self.slots[slot];
                s.pending_rows += batch.num_rows();
                s.pending_bytes += bytes;
                s.pending.push(batch);
                self.pending_total += bytes;
                let full = s.pending_rows >= self.part_rows || s.pending_bytes >= self.part_bytes;
                let file_full = s.rows_in_file + s.pending_rows as u64 >= self.max_rows_per_file;
                if full || file_full {
                    self.submit_part(slot)?;
                }
                if file_full {
                    self.roll_file(slot)?;
                }
                return Ok(());
            }
            let head = batch.slice(0, room);
            batch = batch.slice(room, batch.num_rows() - room);
            let bytes = head.get_array_memory_size();
            let s = &mut self.slots[slot];
            s.pending_rows += head.num_rows();
            s.pending_bytes += bytes;
            s.pending.push(head);
            self.pending_total += bytes;
            self.submit_part(slot)?;
            if self.slots[slot].rows_in_file >= self.max_rows_per_file {
                self.roll_file(slot)?;
            }
        }
    }

    fn layout_is_dataset(&self) -> bool {
        matches!(self.layout, Layout::Dataset { .. })
    }

    /// The path of a slot's current file (dataset layout).
    fn file_path(&self, slot: usize) -> Option<PathBuf> {
        let Layout::Dataset { dir, stem, ext } = &self.layout else {
            return None;
        };
        let s = &self.slots[slot];
        Some(
            dir.join(&s.folder)
                .join(dataset::data_file_name(stem, s.file_no, ext)),
        )
    }

    fn submit_part(&mut self, slot: usize) -> Result<()> {
        if self.slots[slot].pending.is_empty() {
            return Ok(());
        }
        if self.slots[slot].writer.is_none() {
            if self.open.len() >= MAX_OPEN_FILES {
                if let Some(&(_, lru)) = self.open.iter().next() {
                    self.roll_file(lru)?;
                }
            }
            let path = self
                .file_path(slot)
                .ok_or_else(|| Error::Usage("internal: no writer for the output".into()))?;
            if let Some(parent) = path.parent() {
                let mut missing: Vec<PathBuf> = parent
                    .ancestors()
                    .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
                    .map(Path::to_path_buf)
                    .collect();
                std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
                missing.reverse();
                self.made_dirs.extend(missing);
            }
            self.slots[slot].writer = Some(write::open(
                Destination::File(path),
                self.schema.clone(),
                &self.write_options,
            )?);
        }
        if self.layout_is_dataset() {
            let used = self.slots[slot].used;
            self.open.remove(&(used, slot));
            self.clock += 1;
            self.slots[slot].used = self.clock;
            self.open.insert((self.clock, slot));
        }
        let s = &mut self.slots[slot];
        let batches = std::mem::take(&mut s.pending);
        let rows = s.pending_rows as u64;
        self.pending_total -= s.pending_bytes;
        s.pending_rows = 0;
        s.pending_bytes = 0;
        s.rows_in_file += rows;
        let encoder = match &s.encoder {
            Some(e) => e.clone(),
            None => {
                let writer = s
                    .writer
                    .as_mut()
                    .ok_or_else(|| Error::Usage("internal: no writer".into()))?;
                let e = writer.encoder(&batches)?;
                s.encoder = Some(e.clone());
                e
            }
        };
        let index = s.parts;
        s.parts += 1;
        let (tx, rx) = sync_channel(1);
        self.pool.spawn(move || {
            let _ = tx.send(guarded("output", || encoder.encode(&batches, index)));
        });
        self.encode_q.push_back((rx, rows, slot));
        while self.encode_q.len() > self.max_encode {
            self.append_encoded()?;
        }
        Ok(())
    }

    fn append_encoded(&mut self) -> Result<()> {
        let Some((rx, rows, slot)) = self.encode_q.pop_front() else {
            return Ok(());
        };
        let part = rx
            .recv()
            .map_err(|_| Error::Usage("internal: a worker thread stopped".into()))??;
        let writer = self.slots[slot]
            .writer
            .as_mut()
            .ok_or_else(|| Error::Usage("internal: part for a closed file".into()))?;
        writer.append(part, rows)?;
        self.report.written += rows;
        Ok(())
    }

    /// Closes a slot's file (after its parts are written) so the next rows start a new one.
    fn roll_file(&mut self, slot: usize) -> Result<()> {
        while !self.encode_q.is_empty() {
            self.append_encoded()?;
        }
        let s = &mut self.slots[slot];
        self.open.remove(&(s.used, slot));
        if let Some(writer) = s.writer.take() {
            self.files.push(writer.finish()?);
        }
        s.encoder = None;
        s.parts = 0;
        s.rows_in_file = 0;
        s.file_no += 1;
        Ok(())
    }

    fn finish(mut self, inputs: &[Source], options: &ConvertOptions) -> Result<ConvertReport> {
        match self.finish_files(inputs, options) {
            Ok(report) => Ok(report),
            Err(e) => {
                self.abandon();
                Err(e)
            }
        }
    }

    /// A failed run leaves nothing behind: open files are dropped (their temporary files go
    /// with them), files already finished (partitions rolled over) are deleted, and the
    /// partition folders this run made are removed.
    fn abandon(mut self) {
        for slot in &mut self.slots {
            slot.writer = None;
        }
        for file in &self.files {
            if let Some(p) = &file.path {
                let _ = std::fs::remove_file(p);
            }
        }
        for dir in self.made_dirs.iter().rev() {
            let _ = std::fs::remove_dir(dir);
        }
    }

    fn finish_files(
        &mut self,
        inputs: &[Source],
        options: &ConvertOptions,
    ) -> Result<ConvertReport> {
        while !self.decode_q.is_empty() {
            self.drain_decoded()?;
        }
        for slot in 0..self.slots.len() {
            self.submit_part(slot)?;
        }
        while !self.encode_q.is_empty() {
            self.append_encoded()?;
        }
        for slot in 0..self.slots.len() {
            let s = &mut self.slots[slot];
            if let Some(mut writer) = s.writer.take() {
                if s.encoder.is_none() {
                    // No rows at all: still a valid, empty output (a CSV header, a footer).
                    writer.encoder(&[])?;
                }
                self.files.push(writer.finish()?);
            }
        }
        let rejects = std::mem::replace(
            &mut self.rejects,
            RejectSink {
                out: None,
                line: Vec::new(),
            },
        );
        rejects.finish()?;
        let output = match self.files.as_slice() {
            [one] => one.clone(),
            files => Written {
                path: match &self.layout {
                    Layout::Dataset { dir, .. } => Some(dir.clone()),
                    Layout::Single => None,
                },
                rows: files.iter().map(|f| f.rows).sum(),
                bytes: files.iter().map(|f| f.bytes).sum(),
            },
        };
        let report = ConvertReport {
            inputs: inputs.len(),
            read: self.report.read,
            written: self.report.written,
            rejected: self.report.rejected,
            failed_inputs: std::mem::take(&mut self.report.failed_inputs),
            reject_samples: std::mem::take(&mut self.report.samples),
            output,
            files: self.files.clone(),
            rejects_path: options.rejects.clone(),
            manifest: None,
        };
        match &self.layout {
            Layout::Dataset { dir, stem, .. } => {
                let path = dir.join(format!("{stem}.manifest.json"));
                write_manifest(&path, inputs, options, &report)?;
                Ok(ConvertReport {
                    manifest: Some(path),
                    ..report
                })
            }
            Layout::Single => Ok(report),
        }
    }
}

/// The manifest of a dataset run: what it read, wrote and rejected, each file with its size
/// and SHA-256, so a scheduler can check a shard before trusting it. Written last, atomically.
fn write_manifest(
    path: &Path,
    inputs: &[Source],
    options: &ConvertOptions,
    report: &ConvertReport,
) -> Result<()> {
    std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))
        .map_err(|e| Error::io(path, e))?;
    let mut files = Vec::new();
    for f in &report.files {
        if let Some(p) = &f.path {
            let rel = match path.parent() {
                Some(dir) => p.strip_prefix(dir).unwrap_or(p),
                None => p,
            };
            files.push(serde_json::json!({
                "path": rel.to_string_lossy(),
                "rows": f.rows,
                "bytes": f.bytes,
                "sha256": dataset::sha256_file(p)?,
            }));
        }
    }
    let manifest = serde_json::json!({
        "copydesk_version": env!("CARGO_PKG_VERSION"),
        "shard": options.shard.map(|s| format!("{}/{}", s.index, s.count)),
        "inputs": inputs.iter().map(Source::display_name).collect::<Vec<_>>(),
        "rows_read": report.read,
        "rows_written": report.written,
        "rows_rejected": report.rejected,
        "failed_inputs": report.failed_inputs.iter().map(|f| serde_json::json!({"file": f.file, "reason": f.message})).collect::<Vec<_>>(),
        "bytes": report.files.iter().map(|f| f.bytes).sum::<u64>(),
        "files": files,
    });
    let (out, mut file) = OutputFile::create(path, options.write.force)?;
    let text = serde_json::to_vec_pretty(&manifest).map_err(|e| Error::Usage(e.to_string()))?;
    file.write_all(&text)
        .and_then(|_| file.write_all(b"\n"))
        .map_err(|e| Error::io(path, e))?;
    drop(file);
    out.commit()
}

fn same_columns(a: &SchemaRef, b: &SchemaRef) -> bool {
    a.fields().len() == b.fields().len()
        && a.fields()
            .iter()
            .zip(b.fields())
            .all(|(x, y)| x.name() == y.name() && x.data_type() == y.data_type())
}

/// The rejects file: one JSON object per rejected record or failed input.
struct RejectSink {
    out: Option<(OutputFile, BufWriter<File>)>,
    line: Vec<u8>,
}

impl RejectSink {
    fn open(path: Option<&Path>, force: bool) -> Result<RejectSink> {
        let out = match path {
            Some(p) => {
                let (f, file) = OutputFile::create(p, force)?;
                Some((f, BufWriter::new(file)))
            }
            None => None,
        };
        Ok(RejectSink {
            out,
            line: Vec::new(),
        })
    }

    fn write(&mut self, r: &Reject) -> Result<()> {
        self.write_line(&r.location, r.rule, &r.message, Some(&r.raw))
    }

    fn write_failed(&mut self, file: &str, message: &str) -> Result<()> {
        self.write_line(&Location::file(file), "input", message, None)
    }

    fn write_line(
        &mut self,
        loc: &Location,
        rule: &str,
        message: &str,
        raw: Option<&[u8]>,
    ) -> Result<()> {
        let Some((f, w)) = &mut self.out else {
            return Ok(());
        };
        let mut obj = serde_json::Map::new();
        let put = |obj: &mut serde_json::Map<String, serde_json::Value>,
                   k: &str,
                   v: serde_json::Value| {
            obj.insert(k.to_string(), v);
        };
        put(&mut obj, "file", loc.file.clone().into());
        if let Some(l) = loc.line {
            put(&mut obj, "line", l.into());
        }
        if let Some(r) = loc.record {
            put(&mut obj, "record", r.into());
        }
        if let Some(p) = &loc.pointer {
            put(&mut obj, "pointer", p.clone().into());
        }
        put(&mut obj, "rule", rule.into());
        put(&mut obj, "reason", message.into());
        if let Some(raw) = raw {
            put(
                &mut obj,
                "raw",
                String::from_utf8_lossy(raw).into_owned().into(),
            );
        }
        self.line.clear();
        serde_json::to_writer(&mut self.line, &obj).map_err(|e| Error::Usage(e.to_string()))?;
        self.line.push(b'\n');
        w.write_all(&self.line).map_err(|e| Error::io(f.path(), e))
    }

    fn finish(self) -> Result<()> {
        if let Some((f, mut w)) = self.out {
            w.flush().map_err(|e| Error::io(f.path(), e))?;
            drop(w);
            f.commit()?;
        }
        Ok(())
    }
}
