//! The validation engine: streams each input through parse + schema + rules on worker threads
//! and hands the results to a `Sink` in input order. Owns batching, the thread pipeline,
//! ordering and the duplicate bookkeeping; does not own rules (`rules`) or rendering (`render`).
//!
//! Pipeline per input: `threads` workers take turns reading the next batch (JSONL: ~1 MiB
//! chunks that end at a line break; other formats: up to 512 records from `io::read::open`)
//! and check it while the next worker reads; the calling thread puts results back in input
//! order, runs the duplicate rules and feeds the sink. Every batch borrows a buffer from a fixed
//! pool that the calling thread returns after emitting it, so at most `2 * threads + 2` batches
//! exist at once: memory is bounded whatever the input size.
//! With one thread everything runs inline on the calling thread.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::io;
use std::ops::Range;
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};

use serde_json::Value;

use super::rules::{Finding, Fingerprints, Rule, RuleSet};
use super::{CheckedRecord, FileSummary, RunInfo, Severity, Sink, Summary, Violation};
use crate::io::read::jsonl::{self, LineChunks};
use crate::io::read::{self as reader, csv, Position, RawRecord, ReadError, ReadOptions};
use crate::io::{Format, Source};
use crate::schema::Schema;

/// One input and the format to read it as.
#[derive(Debug, Clone)]
pub struct Input {
    pub source: Source,
    pub format: Format,
}

/// How to validate.
#[derive(Debug, Clone)]
pub struct Options {
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// JSONL chunk size in bytes.
    pub chunk_size: usize,
    /// How to read CSV/TSV (null marker, delimiter); the schema is filled in by `Validator`.
    pub read: ReadOptions,
    pub rules: RuleSet,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threads: 0,
            chunk_size: jsonl::CHUNK_SIZE,
            read: ReadOptions::default(),
            rules: RuleSet::none(),
        }
    }
}

/// Checks inputs against one schema and rule set.
pub struct Validator<'s> {
    schema: &'s Schema,
    options: Options,
}

/// Records per batch for non-JSONL formats.
const RECORDS_PER_BATCH: usize = 512;

/// Lines per JSONL batch at most: a batch holds every violation of its records until it is
/// emitted, so a file of tiny invalid records (`{}` lines) must not make batches of a million.
const MAX_BATCH_LINES: usize = 4096;

impl<'s> Validator<'s> {
    pub fn new(schema: &'s Schema, mut options: Options) -> Self {
        if options.read.schema.is_none() {
            options.read.schema = Some(schema.json.clone());
        }
        Validator { schema, options }
    }

    fn threads(&self) -> usize {
        match self.options.threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        }
    }

    /// Checks every input in turn, feeding `sink` in input order. Invalid data and unreadable
    /// inputs are results (in the summary and the sink); `Err` means the sink failed.
    pub fn run(&self, inputs: &[Input], sink: &mut dyn Sink) -> io::Result<Summary> {
        sink.begin(&RunInfo {
            schema: self.schema.name.clone(),
            rules: self.options.rules.any_enabled(),
        })?;
        let mut state = RunState::default();
        let mut summary = Summary::default();
        for input in inputs {
            let name: Arc<str> = input.source.display_name().into();
            state.files.push(name.clone());
            sink.file_start(&name, input.format)?;
            let mut file = FileSummary {
                file: name.to_string(),
                format: input.format.name(),
                ..FileSummary::default()
            };
            if let Err(message) = self.run_file(input, &name, &mut state, &mut file, sink)? {
                // Reports name the file already; do not say it twice.
                let prefix = format!("{name}: ");
                let message = message
                    .strip_prefix(&prefix)
                    .unwrap_or(&message)
                    .to_string();
                file.error = Some(message);
            }
            sink.file_end(&file)?;
            summary.add(&file);
        }
        sink.finish(&summary)?;
        Ok(summary)
    }

    /// One input. The outer `Err` is a sink failure; the inner one says why the input could not
    /// be read to the end.
    fn run_file(
        &self,
        input: &Input,
        name: &Arc<str>,
        state: &mut RunState,
        file: &mut FileSummary,
        sink: &mut dyn Sink,
    ) -> io::Result<Result<(), String>> {
        let mut batches = match Batches::open(input, &self.options) {
            Ok(b) => b,
            Err(e) => return Ok(Err(e.to_string())),
        };
        let mut emitter = Emitter {
            state,
            file,
            rules: &self.options.rules,
            file_idx: 0,
            line_base: 0,
            row_base: 0,
        };
        emitter.file_idx = emitter.state.files.len() - 1;
        let threads = self.threads();
        // A file smaller than one chunk is one batch: threads would only add start-up cost
        // (which adds up over a folder of many small files).
        let small = input.source.compression() == crate::io::Compression::None
            && input
                .source
                .path()
                .and_then(|p| std::fs::metadata(p).ok())
                .is_some_and(|m| m.is_file() && m.len() < self.options.chunk_size as u64);
        if threads <= 1 || small {
            let mut buf = Vec::new();
            loop {
                let read = caught(name, || batches.next(buf).and_then(Taken::into_batch));
                match read {
                    Ok(Some((batch, span))) => {
                        let checked = match caught(name, || Ok(self.check(name, &batch, span))) {
                            Ok(c) => c,
                            Err(e) => return Ok(Err(e)),
                        };
                        emitter.emit(&batch, checked, sink)?;
                        buf = batch.into_buffer();
                    }
                    Ok(None) => return Ok(Ok(())),
                    Err(e) => return Ok(Err(e)),
                }
            }
        }
        std::thread::scope(|scope| {
            let pool_size = 2 * threads + 2;
            let (pool_tx, pool_rx) = sync_channel::<Vec<u8>>(pool_size);
            for _ in 0..pool_size {
                let _ = pool_tx.send(Vec::new());
            }
            let pool_rx = Arc::new(Mutex::new(pool_rx));
            let (done_tx, done_rx) = sync_channel::<Done>(pool_size);
            // Whichever worker is free reads the next batch itself: the bytes it checks are then
            // still in its own core's cache, which a separate reader thread would not give.
            let input = Arc::new(Mutex::new(SharedInput {
                batches,
                next_seq: 0,
                finished: false,
            }));
            for _ in 0..threads {
                let done_tx = done_tx.clone();
                let (input, pool_rx) = (Arc::clone(&input), Arc::clone(&pool_rx));
                scope.spawn(move || loop {
                    let buf = match pool_rx.lock().map(|rx| rx.recv()) {
                        Ok(Ok(buf)) => buf,
                        _ => return,
                    };
                    let (seq, next) = {
                        let Ok(mut input) = input.lock() else { return };
                        if input.finished {
                            return;
                        }
                        let seq = input.next_seq;
                        input.next_seq += 1;
                        let next = caught(name, || input.batches.next(buf));
                        input.finished = !matches!(next, Ok(Some(_)));
                        (seq, next)
                    };
                    let done = match caught(name, || next.and_then(Taken::into_batch)) {
                        Ok(Some((batch, span))) => {
                            match caught(name, || Ok(self.check(name, &batch, span))) {
                                Ok(checked) => Done::Batch(seq, batch, checked),
                                Err(message) => Done::Failed(seq, message),
                            }
                        }
                        Ok(None) => return,
                        Err(message) => Done::Failed(seq, message),
                    };
                    if done_tx.send(done).is_err() {
                        return;
                    }
                });
            }
            drop(done_tx);
            // Put results back in order; a read error ends the file after the batches before it.
            let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
            let mut next_seq = 0u64;
            let mut outcome = Ok(());
            for done in done_rx.iter() {
                pending.insert(done.seq(), done);
                while let Some(done) = pending.remove(&next_seq) {
                    next_seq += 1;
                    match done {
                        Done::Batch(_, batch, checked) => {
                            emitter.emit(&batch, checked, sink)?;
                            let _ = pool_tx.send(batch.into_buffer());
                        }
                        Done::Failed(_, message) => outcome = Err(message),
                    }
                }
            }
            Ok(outcome)
        })
    }

    /// Parses (JSONL) and checks one batch: schema, then the per-record rules. `span` is a CSV
    /// block's (lines, rows), which its entries count from.
    fn check(&self, name: &Arc<str>, batch: &Batch, span: Option<Span>) -> Checked {
        let mut entries = Vec::new();
        let mut lines = 0;
        match batch {
            Batch::Lines { buf, first } => {
                // Lines are numbered within the batch here; the emitter adds the lines before it.
                let mut line_no = 1;
                let mut start = 0;
                while start < buf.len() {
                    let end = memchr::memchr(b'\n', &buf[start..]).map_or(buf.len(), |i| start + i);
                    let line = jsonl::strip_line(&buf[start..end], *first && line_no == 1);
                    if !jsonl::is_blank(line) {
                        let offset = line.as_ptr() as usize - buf.as_ptr() as usize;
                        let mut entry = Entry::new(Some(line_no), Position::None);
                        entry.span = offset..offset + line.len();
                        match jsonl::parse_line(line) {
                            Ok(value) => self.check_value(name, &value, &mut entry),
                            Err(err) => entry.read_error(name, &err),
                        }
                        entries.push(entry);
                    }
                    start = end + 1;
                    line_no += 1;
                }
                lines = line_no - 1;
            }
            Batch::Records(records, _) => {
                for (i, raw) in records.iter().enumerate() {
                    let mut entry = Entry::new(raw.location.line, raw.position);
                    entry.span = i..i;
                    match &raw.value {
                        Ok(value) => self.check_value(name, value, &mut entry),
                        Err(err) => {
                            entry.read_error(name, err);
                            if err.column.is_none() {
                                entry.violations[0].column = raw.location.column;
                            }
                        }
                    }
                    entries.push(entry);
                }
            }
        }
        let (lines, rows) = span.unwrap_or((lines, 0));
        Checked {
            entries,
            lines,
            rows,
        }
    }

    fn check_value(&self, name: &Arc<str>, value: &Value, entry: &mut Entry) {
        let rules = &self.options.rules;
        let validator = &self.schema.validator;
        if !validator.is_valid(value) {
            for e in validator.iter_errors(value) {
                let mut message = e.to_string();
                if message.len() > 300 {
                    message = e.masked_with("the value").to_string();
                }
                entry.violations.push(Violation {
                    file: name.clone(),
                    line: entry.line,
                    column: None,
                    record: 0,
                    record_id: None,
                    position: entry.position,
                    pointer: e.instance_path().to_string(),
                    schema_path: Some(e.schema_path().to_string()),
                    rule: Cow::Owned(e.kind().keyword().to_string()),
                    severity: Severity::Error,
                    message: super::lowercase_first(message),
                });
            }
        }
        if rules.any_enabled() {
            let mut findings = Vec::new();
            rules.check(value, &mut findings);
            for f in findings {
                entry.push_finding(name, rules, f);
            }
            if rules.checks_duplicates() {
                entry.fingerprints = rules.fingerprints(value);
            }
        }
        if !entry.violations.is_empty() || rules.checks_duplicates() {
            entry.record_id = match value.get("id") {
                Some(Value::String(s)) => Some(s.clone()),
                Some(Value::Number(n)) => Some(n.to_string()),
                _ => None,
            };
        }
    }
}

/// Runs `f` for input `name`; a panic (a bug here, or a library choking on hostile input) ends
/// that input with an error instead of the whole run.
fn caught<T>(name: &str, f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    crate::error::guarded(name, || Ok(f())).unwrap_or_else(|e| Err(e.to_string()))
}

/// The (lines, data rows) a CSV block spans.
type Span = (u64, u64);

/// A batch of input: JSONL bytes (whole lines) or records read by a format reader.
enum Batch {
    /// Whole lines; `first` for the input's first batch (which may start with a BOM).
    Lines { buf: Vec<u8>, first: bool },
    /// Records, and the pool buffer the batch holds as its ticket.
    Records(Vec<RawRecord>, Vec<u8>),
}

/// What a worker takes from an input while holding its lock: a batch, or a block of whole CSV
/// records that it reads into a batch after letting go of the lock (`into_batch`).
enum Taken {
    Batch(Batch),
    /// Lines count from the block's start, plus `skip` lines before it (the header, for the
    /// first block).
    CsvBlock {
        reader: Box<csv::CsvReader>,
        skip: u64,
        buf: Vec<u8>,
    },
}

impl Taken {
    /// The batch, with the (lines, rows) a CSV block spans.
    fn into_batch(taken: Option<Taken>) -> Result<Option<(Batch, Option<Span>)>, String> {
        let (reader, skip, buf) = match taken {
            None => return Ok(None),
            Some(Taken::Batch(batch)) => return Ok(Some((batch, None))),
            Some(Taken::CsvBlock { reader, skip, buf }) => (reader, skip, buf),
        };
        let (mut records, (lines, rows)) =
            csv::block_records(*reader).map_err(|e| e.to_string())?;
        if skip > 0 {
            for r in &mut records {
                r.location.line = r.location.line.map(|l| l + skip);
            }
        }
        Ok(Some((
            Batch::Records(records, buf),
            Some((skip + lines, rows)),
        )))
    }
}

impl Batch {
    fn into_buffer(self) -> Vec<u8> {
        match self {
            Batch::Lines { buf, .. } => buf,
            Batch::Records(_, buf) => buf,
        }
    }

    fn bytes(&self, span: &Range<usize>) -> &[u8] {
        match self {
            Batch::Lines { buf, .. } => &buf[span.clone()],
            Batch::Records(records, _) => &records[span.start].bytes,
        }
    }
}

enum Done {
    Batch(u64, Batch, Checked),
    Failed(u64, String),
}

impl Done {
    fn seq(&self) -> u64 {
        match self {
            Done::Batch(seq, ..) | Done::Failed(seq, _) => *seq,
        }
    }
}

/// Cuts one input into batches.
enum Batches {
    Lines {
        chunks: LineChunks<Box<dyn io::BufRead + Send>>,
        first: bool,
        name: String,
    },
    Records {
        records: reader::Records,
        /// A read error met after some records: reported once those are emitted.
        failed: Option<String>,
    },
    /// CSV/TSV cut into blocks of whole records, which the workers read in parallel.
    Csv {
        reader: Box<csv::CsvReader>,
        /// Lines before the first block (the header), until it is cut.
        skip: Option<u64>,
        name: String,
    },
}

impl Batches {
    fn open(input: &Input, options: &Options) -> crate::Result<Batches> {
        Ok(match input.format {
            Format::Jsonl => Batches::Lines {
                chunks: LineChunks::new(input.source.open()?, options.chunk_size)
                    .with_max_lines(MAX_BATCH_LINES),
                first: true,
                name: input.source.display_name(),
            },
            format @ (Format::Csv | Format::Tsv) => {
                let reader = Box::new(csv::CsvReader::open(
                    &input.source,
                    format,
                    &options.read,
                    None,
                )?);
                Batches::Csv {
                    skip: Some(reader.line() - 1),
                    reader,
                    name: input.source.display_name(),
                }
            }
            format => Batches::Records {
                records: reader::open(&input.source, format, &options.read)?,
                failed: None,
            },
        })
    }

    /// The next batch, filling `buf` (a pool buffer); `Ok(None)` at the end, `Err` with the
    /// reason when the input cannot be read further.
    fn next(&mut self, mut buf: Vec<u8>) -> Result<Option<Taken>, String> {
        match self {
            Batches::Lines {
                chunks,
                first,
                name,
            } => match chunks.next_into(&mut buf) {
                Ok(true) => {
                    let batch = Batch::Lines { buf, first: *first };
                    *first = false;
                    Ok(Some(Taken::Batch(batch)))
                }
                Ok(false) => Ok(None),
                Err(e) => Err(format!("{name}: {e}")),
            },
            Batches::Csv { reader, skip, name } => match reader.next_block(jsonl::CHUNK_SIZE) {
                Ok(Some(block)) => Ok(Some(Taken::CsvBlock {
                    reader: Box::new(reader.block_reader(block)),
                    skip: skip.take().unwrap_or(0),
                    buf,
                })),
                Ok(None) => Ok(None),
                Err(e) => Err(format!("{name}: {e}")),
            },
            Batches::Records { records, failed } => {
                if let Some(message) = failed.take() {
                    return Err(message);
                }
                let mut batch = Vec::new();
                let mut bytes = 0;
                while batch.len() < RECORDS_PER_BATCH && bytes < jsonl::CHUNK_SIZE {
                    match records.next() {
                        Some(Ok(r)) => {
                            bytes += r.bytes.len();
                            batch.push(r);
                        }
                        Some(Err(e)) if batch.is_empty() => return Err(e.to_string()),
                        Some(Err(e)) => {
                            // Emit what was read first; the error comes on the next call.
                            *failed = Some(e.to_string());
                            break;
                        }
                        None => break,
                    }
                }
                if batch.is_empty() {
                    Ok(None)
                } else {
                    Ok(Some(Taken::Batch(Batch::Records(batch, buf))))
                }
            }
        }
    }
}

/// The input of one file, shared by the workers that read it in turn.
struct SharedInput {
    batches: Batches,
    /// Sequence number of the next batch, for putting results back in order.
    next_seq: u64,
    finished: bool,
}

/// A checked batch: its records, and (JSONL) how many lines it held.
struct Checked {
    entries: Vec<Entry>,
    lines: u64,
    /// CSV blocks: data rows in the batch (its entries number rows from 1).
    rows: u64,
}

/// One checked record, before it gets its record index and duplicate checks.
struct Entry {
    line: Option<u64>,
    position: Position,
    /// JSONL: byte range in the batch buffer; other formats: index of the record.
    span: Range<usize>,
    record_id: Option<String>,
    violations: Vec<Violation>,
    fingerprints: Fingerprints,
}

impl Entry {
    fn new(line: Option<u64>, position: Position) -> Self {
        Entry {
            line,
            position,
            span: 0..0,
            record_id: None,
            violations: Vec::new(),
            fingerprints: [None; 3],
        }
    }

    fn read_error(&mut self, name: &Arc<str>, err: &ReadError) {
        self.violations.push(Violation {
            file: name.clone(),
            line: self.line,
            column: err.column,
            record: 0,
            record_id: None,
            position: self.position,
            pointer: err.pointer.clone().unwrap_or_default(),
            schema_path: None,
            rule: Cow::Borrowed(err.kind.rule()),
            severity: Severity::Error,
            message: err.message.clone(),
        });
    }

    fn push_finding(&mut self, name: &Arc<str>, rules: &RuleSet, f: Finding) {
        let Some(severity) = rules.severity(f.rule) else {
            return;
        };
        self.violations.push(Violation {
            file: name.clone(),
            line: self.line,
            column: None,
            record: 0,
            record_id: None,
            position: self.position,
            pointer: f.pointer,
            schema_path: None,
            rule: Cow::Borrowed(f.rule.id()),
            severity,
            message: f.message,
        });
    }
}

/// Fingerprints are already hashes: use them as they are.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type SeenMap = HashMap<u64, u64, BuildHasherDefault<PassThrough>>;

/// What the run remembers across records and files: the duplicate fingerprints (each with
/// where it was first seen, packed as file index << 48 | line or record) and the file names.
#[derive(Default)]
struct RunState {
    seen: [SeenMap; 3],
    files: Vec<Arc<str>>,
}

struct Emitter<'a> {
    state: &'a mut RunState,
    file: &'a mut FileSummary,
    rules: &'a RuleSet,
    file_idx: usize,
    /// JSONL and CSV: lines in the batches emitted so far (their entries number lines from 1).
    line_base: u64,
    /// CSV: data rows in the batches emitted so far.
    row_base: u64,
}

impl Emitter<'_> {
    fn emit(&mut self, batch: &Batch, checked: Checked, sink: &mut dyn Sink) -> io::Result<()> {
        let base = self.line_base;
        self.line_base += checked.lines;
        let row_base = self.row_base;
        self.row_base += checked.rows;
        let shift_row = |p: &mut Position| {
            if let Position::Csv { row } = p {
                *row += row_base;
            }
        };
        for mut entry in checked.entries {
            if base > 0 {
                entry.line = entry.line.map(|l| l + base);
                for v in &mut entry.violations {
                    v.line = v.line.map(|l| l + base);
                }
            }
            if row_base > 0 {
                shift_row(&mut entry.position);
                for v in &mut entry.violations {
                    shift_row(&mut v.position);
                }
            }
            let record = self.file.records;
            self.file.records += 1;
            self.check_duplicates(&mut entry, record);
            let mut invalid = false;
            for v in &mut entry.violations {
                v.record = record;
                v.record_id.clone_from(&entry.record_id);
                match v.severity {
                    Severity::Error => {
                        invalid = true;
                        self.file.errors += 1;
                    }
                    Severity::Warning => self.file.warnings += 1,
                }
            }
            if invalid {
                self.file.invalid += 1;
            } else {
                self.file.valid += 1;
            }
            sink.record(&CheckedRecord {
                file: &self.file.file,
                line: entry.line,
                record,
                position: entry.position,
                record_id: entry.record_id.as_deref(),
                bytes: batch.bytes(&entry.span),
                violations: &entry.violations,
                invalid,
            })?;
        }
        Ok(())
    }

    fn check_duplicates(&mut self, entry: &mut Entry, record: u64) {
        const RULES: [(Rule, &str); 3] = [
            (Rule::DuplicateId, "id"),
            (Rule::DuplicateUrl, "url"),
            (Rule::DuplicateTitle, "source and title"),
        ];
        let here = ((self.file_idx as u64) << 48) | entry.line.unwrap_or(record) & ((1 << 48) - 1);
        for (k, (rule, what)) in RULES.iter().enumerate() {
            let Some(fp) = entry.fingerprints[k] else {
                continue;
            };
            let Some(severity) = self.rules.severity(*rule) else {
                continue;
            };
            let first = match self.state.seen[k].entry(fp) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(here);
                    continue;
                }
                std::collections::hash_map::Entry::Occupied(o) => *o.get(),
            };
            let file = &self.state.files[(first >> 48) as usize];
            let at = first & ((1 << 48) - 1);
            let unit = if entry.line.is_some() {
                "line"
            } else {
                "record"
            };
            let pointer = match rule {
                Rule::DuplicateId => "/id",
                Rule::DuplicateUrl => "/url",
                _ => "/title",
            };
            entry.violations.push(Violation {
                file: self.state.files[self.file_idx].clone(),
                line: entry.line,
                column: None,
                record: 0,
                record_id: None,
                position: entry.position,
                pointer: pointer.into(),
                schema_path: None,
                rule: Cow::Borrowed(rule.id()),
                severity,
                message: format!("duplicate {what}: first seen at {file}:{unit} {at}"),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::CheckedRecord;

    /// (line, record, invalid, rules, bytes) of one record.
    type Seen = (Option<u64>, u64, bool, Vec<String>, Vec<u8>);

    /// Records every event, to check order and counts.
    #[derive(Default)]
    struct Collect {
        records: Vec<Seen>,
        files: Vec<FileSummary>,
    }

    impl Sink for Collect {
        fn record(&mut self, r: &CheckedRecord<'_>) -> io::Result<()> {
            let rules = r.violations.iter().map(|v| v.rule.to_string()).collect();
            self.records
                .push((r.line, r.record, r.invalid, rules, r.bytes.to_vec()));
            Ok(())
        }
        fn file_end(&mut self, f: &FileSummary) -> io::Result<()> {
            self.files.push(f.clone());
            Ok(())
        }
    }

    fn schema() -> Schema {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.json");
        std::fs::write(&p, r#"{"type": "object", "required": ["n"]}"#).unwrap();
        Schema::from_path(&p).unwrap()
    }

    #[test]
    fn results_come_back_in_input_order_whatever_the_threads_and_chunks() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("in.jsonl");
        let mut text = String::new();
        for i in 0..500 {
            match i % 10 {
                3 => text.push_str("{\"m\": 1}\n"),
                5 => text.push_str("{oops\n"),
                7 => text.push('\n'),
                _ => text.push_str(&format!("{{\"n\": {i}}}\n")),
            }
        }
        std::fs::write(&p, &text).unwrap();
        let schema = schema();
        let mut want = None;
        for threads in [1, 2, 4] {
            for chunk_size in [1, 3, 64, 1 << 20] {
                let options = Options {
                    threads,
                    chunk_size,
                    ..Options::default()
                };
                let mut sink = Collect::default();
                let input = Input {
                    source: Source::File(p.clone()),
                    format: Format::Jsonl,
                };
                let summary = Validator::new(&schema, options)
                    .run(&[input], &mut sink)
                    .unwrap();
                assert_eq!(summary.records, 450);
                assert_eq!(summary.invalid, 100);
                assert_eq!(summary.valid + summary.invalid, summary.records);
                let first_bad = &sink.records[3];
                assert_eq!(first_bad.0, Some(4));
                assert_eq!(first_bad.3, vec!["required"]);
                assert_eq!(sink.records[5].3, vec!["parse"]);
                assert_eq!(sink.records[5].4, b"{oops");
                assert_eq!(
                    sink.records[7].0,
                    Some(9),
                    "the blank line 8 is not a record"
                );
                match &want {
                    None => want = Some(sink.records),
                    Some(w) => assert_eq!(&sink.records, w, "threads {threads} chunk {chunk_size}"),
                }
            }
        }
    }

    #[test]
    fn a_missing_input_is_reported_and_the_next_one_still_runs() {
        let dir = tempfile::tempdir().unwrap();
        let ok = dir.path().join("ok.jsonl");
        std::fs::write(&ok, "{\"n\": 1}\n").unwrap();
        let inputs = [
            Input {
                source: Source::File(dir.path().join("missing.jsonl")),
                format: Format::Jsonl,
            },
            Input {
                source: Source::File(ok),
                format: Format::Jsonl,
            },
        ];
        let schema = schema();
        let mut sink = Collect::default();
        let summary = Validator::new(&schema, Options::default())
            .run(&inputs, &mut sink)
            .unwrap();
        assert_eq!(summary.files, 2);
        assert_eq!(summary.files_failed, 1);
        assert_eq!(summary.records, 1);
        // The report names the file; the message says what went wrong, once.
        let error = sink.files[0].error.as_deref().unwrap();
        assert!(
            !error.is_empty() && !error.contains("missing.jsonl"),
            "{error}"
        );
        assert!(!summary.is_valid());
    }
}
