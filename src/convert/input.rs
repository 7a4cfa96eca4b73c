//! The input side of `convert`: each input file becomes a stream of work items for the
//! decoding threads: chunks of JSON lines (from JSONL, a JSON array or CSV) or Parquet row
//! groups. Owns cutting inputs into chunks and the rejects found while reading (CSV cells that
//! do not fit); does not own JSON -> Arrow decoding (`convert::decode`).

use std::io::Read;
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;

use arrow_array::RecordBatch;

use super::decode::{Chunk, Decoded, JsonDecoder, Origin, Reject};
use super::{ConvertOptions, TextOptions};
use crate::error::{Error, Location, Result};
use crate::io::read::csv::{CsvReader, CsvRow};
use crate::io::read::json::{Elements, Strings};
use crate::io::read::parquet::ParquetFile;
use crate::io::read::ReadErrorKind;
use crate::io::{Format, Source};

/// Bytes of JSON text per chunk: large enough to amortise the per-chunk work, small enough
/// that a few chunks in flight per core keep memory bounded.
pub const CHUNK_BYTES: usize = 4 << 20;

/// Parquet rows per work item and per batch read: decoded rows need no more work than the
/// output's, so small items keep memory low (1 GB of DuckDB-written Parquet to JSONL peaked at
/// 410 MB with 4 MiB items of 1024-row batches, 375 MB with these, at the same speed; reading
/// that file's 100 MB pages alone takes about 290 MB in parquet-rs).
const PARQUET_CHUNK_BYTES: usize = 1 << 20;
const PARQUET_BATCH_ROWS: usize = 256;

/// At most this many lines per JSONL chunk (articles fill `CHUNK_BYTES` long before).
const MAX_CHUNK_LINES: usize = 8192;

/// One unit of work for a decoding thread.
pub enum Work {
    /// JSON lines to decode, plus the records rejected while cutting them (a JSON element that
    /// is no value, a text page that is no article).
    Json(Chunk, Vec<Reject>),
    /// Rows already read (Parquet), about `PARQUET_CHUNK_BYTES` of them.
    Batches(Vec<RecordBatch>),
    /// A block of whole CSV records, read (cells typed into JSON lines) by the worker.
    Csv(Box<CsvBlock>),
}

/// A block of whole CSV records with the reader that types its cells. Its locations count from
/// the block's start; the pipeline shifts them (`Decoded::relative`) as blocks come back in order.
pub struct CsvBlock {
    reader: CsvReader,
    name: Arc<str>,
    /// The block's length in bytes.
    len: usize,
    /// The line of the block's first record, for the first block of an input.
    pub first_line: Option<u64>,
}

impl CsvBlock {
    /// Reads the block into batches: straight into Arrow where the header and schema allow
    /// (`csv_arrow`), the rest through JSON lines and `decoder`, in row order either way.
    pub fn decode(mut self, decoder: &JsonDecoder) -> Result<Decoded> {
        let Some(plan) = decoder.csv_plan(self.reader.header()) else {
            let (chunk, early, span) = self.read()?;
            let mut out = decoder.decode(&chunk)?;
            out.records += early.len() as u64;
            out.rejects.extend(early);
            out.rejects.sort_by_key(|r| r.location.record);
            out.relative = Some(span);
            return Ok(out);
        };
        let internal = |e: arrow_schema::ArrowError| {
            crate::Error::Usage(format!("internal: csv -> arrow: {e}"))
        };
        let mut batch = Arc::new(plan).builder(self.len);
        let mut out = Decoded::default();
        // Rows that fit their columns only by the JSON route's reading, in a chunk decoded
        // before any later direct row is emitted.
        let mut pending = Chunk {
            text: Vec::new(),
            origin: Origin {
                file: self.name.clone(),
                first_line: None,
                first_record: 0,
                records: Some(Vec::new()),
            },
        };
        let flush_pending = |pending: &mut Chunk, out: &mut Decoded| -> Result<()> {
            if pending.text.is_empty() {
                return Ok(());
            }
            let mut d = decoder.decode(pending)?;
            out.batches.append(&mut d.batches);
            out.rejects.append(&mut d.rejects);
            pending.text.clear();
            if let Some(r) = &mut pending.origin.records {
                r.clear();
            }
            Ok(())
        };
        while self.reader.next_row()? {
            out.records += 1;
            if batch.push(&self.reader) {
                flush_pending(&mut pending, &mut out)?;
                continue;
            }
            let mark = pending.text.len();
            match self.reader.coerce(&mut pending.text) {
                Ok(()) => {
                    // Rows already built come first.
                    out.batches.extend(batch.flush().map_err(internal)?);
                    pending.text.push(b'\n');
                    let row = self.reader.row_at(None);
                    if let Some(r) = &mut pending.origin.records {
                        r.push((row.line, row.row - 1));
                    }
                }
                Err(e) => {
                    pending.text.truncate(mark);
                    let row = self.reader.row_at(Some(e));
                    out.rejects.push(self.reject(&row));
                }
            }
        }
        flush_pending(&mut pending, &mut out)?;
        out.batches.extend(batch.finish().map_err(internal)?);
        out.relative = Some((self.reader.line() - 1, self.reader.rows()));
        // Rows that could not be typed were rejected at once, the JSON route's when its rows
        // were decoded: put them back in the order of the file.
        out.rejects.sort_by_key(|r| r.location.record);
        Ok(out)
    }

    /// A row that could not be read, as a reject (its location relative to the block).
    fn reject(&self, row: &CsvRow) -> Reject {
        let e = row.error.as_ref();
        Reject {
            location: self.reader.location(row),
            rule: match e.map(|e| &e.kind) {
                Some(ReadErrorKind::Encoding) => "encoding",
                Some(ReadErrorKind::Type) => "type",
                _ => "parse",
            },
            message: e.map(|e| e.message.clone()).unwrap_or_default(),
            raw: self.reader.raw().to_vec(),
        }
    }

    /// Types the block's cells into JSON lines; rows whose cells do not fit are rejected here.
    /// Returns the chunk, those rejects, and the block's (lines, rows).
    fn read(mut self) -> Result<(Chunk, Vec<Reject>, (u64, u64))> {
        let mut text = Vec::with_capacity(CHUNK_BYTES + (CHUNK_BYTES >> 2));
        let mut records = Vec::new();
        let mut rejects = Vec::new();
        loop {
            let mark = text.len();
            let Some(row) = self.reader.next_json(&mut text)? else {
                break;
            };
            match &row.error {
                None => {
                    text.push(b'\n');
                    records.push((row.line, row.row - 1));
                }
                Some(_) => {
                    text.truncate(mark);
                    rejects.push(self.reject(&row));
                }
            }
        }
        let span = (self.reader.line() - 1, self.reader.rows());
        let chunk = Chunk {
            text,
            origin: Origin {
                file: self.name,
                first_line: None,
                first_record: 0,
                records: Some(records),
            },
        };
        Ok((chunk, rejects, span))
    }
}

/// Rows read from Parquet, counted as decoded.
pub fn decoded(batches: Vec<RecordBatch>) -> Decoded {
    Decoded {
        records: batches.iter().map(|b| b.num_rows() as u64).sum(),
        batches,
        rejects: Vec::new(),
        relative: None,
    }
}

/// Yields the work items of one input.
pub enum InputReader {
    Jsonl(JsonlChunks),
    Json(JsonArray),
    Csv(Box<CsvChunks>),
    Parquet(Box<ParquetRows>),
    /// One loose-text article, already parsed (or rejected).
    Text(Option<Work>),
}

/// Parses one loose-text file into an article line, or its rejection.
fn parse_text(source: &Source, name: Arc<str>, options: &TextOptions) -> Result<Work> {
    let mut bytes = Vec::new();
    source
        .open_raw()?
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(name.as_ref(), e))?;
    let mut extract = options.extract.clone();
    if options.mtime {
        if let Some(at) = source.path().and_then(mtime) {
            if let Ok(o) = extract.with_reference(&at) {
                extract = o;
            }
        }
    }
    let origin = Origin {
        file: name.clone(),
        first_line: None,
        first_record: 0,
        records: None,
    };
    Ok(match crate::extract::parse_bytes(&bytes, &extract) {
        Ok(article) => {
            let mut text = serde_json::to_vec(&article)
                .map_err(|e| Error::Usage(format!("internal: article as JSON: {e}")))?;
            text.push(b'\n');
            Work::Json(Chunk { text, origin }, Vec::new())
        }
        Err(rejection) => Work::Json(
            Chunk {
                text: Vec::new(),
                origin,
            },
            vec![Reject {
                location: Location::file(name.as_ref()),
                rule: "text",
                message: rejection.to_string(),
                raw: Vec::new(),
            }],
        ),
    })
}

/// A file's modification time as RFC 3339 (whole seconds, UTC).
fn mtime(path: &std::path::Path) -> Option<String> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    let ts = jiff::Timestamp::try_from(modified).ok()?;
    let secs = jiff::Timestamp::from_second(ts.as_second()).ok()?;
    Some(secs.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// A Parquet input read row group by row group, in batches: memory stays bounded however
/// large its row groups are (other writers make them hundreds of MB). Pages are decompressed
/// and decoded on a thread of their own, one chunk ahead of the pipeline, so the thread that
/// writes the output is not also the one that decompresses the input.
pub struct ParquetRows {
    schema: arrow_schema::SchemaRef,
    /// The reading state until the read-ahead thread takes it.
    state: Option<ParquetState>,
    ahead: Option<Receiver<(Result<Option<Work>>, u64)>>,
    /// Compressed bytes of the row groups started (progress).
    progress: u64,
}

struct ParquetState {
    file: ParquetFile,
    next_group: usize,
    reader: Option<parquet::arrow::arrow_reader::ParquetRecordBatchReader>,
    /// Rows go through the JSON decoder (to be validated, or retyped to the output's columns)
    /// rather than straight to the writer.
    as_json: bool,
    name: Arc<str>,
    record: u64,
}

impl ParquetState {
    fn progress(&self) -> u64 {
        let meta = self.file.builder_meta.metadata();
        (0..self.next_group)
            .map(|i| meta.row_group(i).compressed_size().max(0) as u64)
            .sum()
    }

    fn next_chunk(&mut self) -> Result<Option<Work>> {
        let mut batches = Vec::new();
        let mut bytes = 0;
        while bytes < PARQUET_CHUNK_BYTES {
            if self.reader.is_none() {
                if self.next_group >= self.file.num_row_groups() {
                    break;
                }
                self.reader = Some(self.file.row_group(self.next_group, PARQUET_BATCH_ROWS)?);
                self.next_group += 1;
            }
            match self.reader.as_mut().and_then(|r| r.next()) {
                Some(Ok(b)) => {
                    bytes += b.get_array_memory_size();
                    batches.push(b);
                }
                Some(Err(e)) => return Err(self.file.error(self.next_group - 1, e)),
                None => self.reader = None,
            }
        }
        if batches.is_empty() {
            return Ok(None);
        }
        if !self.as_json {
            return Ok(Some(Work::Batches(batches)));
        }
        let first_record = self.record;
        let mut text = Vec::with_capacity(bytes);
        for b in &batches {
            self.record += b.num_rows() as u64;
            crate::io::write::jsonl::render_batch(b, &mut text);
        }
        Ok(Some(Work::Json(
            Chunk {
                text,
                origin: Origin {
                    file: self.name.clone(),
                    first_line: None,
                    first_record,
                    records: None,
                },
            },
            Vec::new(),
        )))
    }
}

impl ParquetRows {
    fn open(source: &Source, name: Arc<str>) -> Result<ParquetRows> {
        let file = ParquetFile::open(source)?;
        Ok(ParquetRows {
            schema: file.schema(),
            state: Some(ParquetState {
                file,
                next_group: 0,
                reader: None,
                as_json: false,
                name,
                record: 0,
            }),
            ahead: None,
            progress: 0,
        })
    }

    pub fn schema(&self) -> arrow_schema::SchemaRef {
        self.schema.clone()
    }

    /// Sends the rows through the JSON decoder: to validate them, or to retype them. Call it
    /// before the first chunk is read.
    pub fn decode_as_json(&mut self) {
        if let Some(state) = &mut self.state {
            state.as_json = true;
        }
    }

    fn next_chunk(&mut self) -> Result<Option<Work>> {
        if self.ahead.is_none() {
            let Some(mut state) = self.state.take() else {
                return Ok(None);
            };
            let (tx, rx) = sync_channel(1);
            let spawned = std::thread::Builder::new()
                .name("copydesk-parquet-read".into())
                .spawn(move || loop {
                    let name = state.name.clone();
                    let chunk = crate::error::guarded(&name, || state.next_chunk());
                    let last = !matches!(chunk, Ok(Some(_)));
                    // The pipeline hung up (it failed elsewhere), or this was the last chunk.
                    if tx.send((chunk, state.progress())).is_err() || last {
                        break;
                    }
                });
            if let Err(e) = spawned {
                return Err(Error::Usage(format!("cannot start a reading thread: {e}")));
            }
            self.ahead = Some(rx);
        }
        let Some(rx) = &self.ahead else {
            return Ok(None);
        };
        match rx.recv() {
            Ok((chunk, progress)) => {
                self.progress = progress;
                chunk
            }
            // The thread has sent its last chunk and ended.
            Err(_) => Ok(None),
        }
    }
}

impl InputReader {
    pub fn open(source: &Source, format: Format, options: &ConvertOptions) -> Result<InputReader> {
        let read = &options.read;
        let list_separator = options.list_separator.as_deref();
        let name: Arc<str> = source.display_name().into();
        Ok(match format {
            Format::Jsonl => InputReader::Jsonl(JsonlChunks {
                reader: source.open()?,
                name,
                carry: Vec::new(),
                line: 1,
                record: 0,
                eof: false,
                first: true,
                consumed: 0,
                failed: None,
            }),
            Format::Json => InputReader::Json(JsonArray::read(source, name)?),
            Format::Csv | Format::Tsv => InputReader::Csv(Box::new(CsvChunks {
                reader: CsvReader::open(source, format, read, list_separator)?,
                name,
                started: false,
            })),
            Format::Parquet => InputReader::Parquet(Box::new(ParquetRows::open(source, name)?)),
            Format::Text => match &options.text {
                Some(text) => InputReader::Text(Some(parse_text(source, name, text)?)),
                None => {
                    return Err(Error::Usage(format!(
                        "{name}: loose text needs a reference time for relative dates (the CLI gives one)"
                    )))
                }
            },
        })
    }

    /// The header of a CSV/TSV input.
    pub fn csv_header(&self) -> Option<&[String]> {
        match self {
            InputReader::Csv(c) => Some(c.reader.header()),
            _ => None,
        }
    }

    /// The Parquet rows of this input, if it is Parquet.
    pub fn parquet(&mut self) -> Option<&mut ParquetRows> {
        match self {
            InputReader::Parquet(p) => Some(p),
            _ => None,
        }
    }

    /// Bytes of the input consumed so far, for progress (Parquet: by row groups started).
    pub fn progress(&self) -> u64 {
        match self {
            InputReader::Jsonl(r) => r.consumed,
            InputReader::Json(r) => r.elements.consumed(),
            InputReader::Csv(c) => c.reader.bytes_read(),
            InputReader::Parquet(p) => p.progress,
            InputReader::Text(_) => 0,
        }
    }

    /// The next work item; `None` at the end of the input.
    pub fn next_work(&mut self) -> Result<Option<Work>> {
        match self {
            InputReader::Jsonl(r) => r.next_chunk(),
            InputReader::Json(r) => r.next_chunk(),
            InputReader::Csv(r) => r.next_chunk(),
            InputReader::Parquet(p) => p.next_chunk(),
            InputReader::Text(work) => Ok(work.take()),
        }
    }
}

/// JSON Lines cut into chunks at line ends.
pub struct JsonlChunks {
    reader: Box<dyn std::io::BufRead + Send>,
    name: Arc<str>,
    carry: Vec<u8>,
    line: u64,
    record: u64,
    eof: bool,
    first: bool,
    /// Bytes read so far (progress).
    consumed: u64,
    /// The read error that ended the input, reported after the records read before it.
    failed: Option<Error>,
}

impl JsonlChunks {
    fn next_chunk(&mut self) -> Result<Option<Work>> {
        if self.eof && self.carry.is_empty() {
            return match self.failed.take() {
                Some(e) => Err(e),
                None => Ok(None),
            };
        }
        let mut text = std::mem::take(&mut self.carry);
        text.reserve(CHUNK_BYTES + (64 << 10));
        // Read until the chunk is full and holds a line end (or the input ends).
        while !self.eof {
            let have = text.len();
            text.resize(have.max(CHUNK_BYTES).max(have + (64 << 10)), 0);
            let n = loop {
                match self.reader.read(&mut text[have..]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        // A corrupt or cut compressed stream: the records before the damage
                        // are converted (a cut last line is rejected), then the input fails.
                        self.failed = Some(Error::io(self.name.as_ref(), e));
                        break 0;
                    }
                }
            };
            text.truncate(have + n);
            self.consumed += n as u64;
            if n == 0 {
                self.eof = true;
                break;
            }
            if self.first && text.len() >= 3 {
                self.first = false;
                if text.starts_with(b"\xEF\xBB\xBF") {
                    text.drain(..3);
                }
            }
            if text.len() >= CHUNK_BYTES && memchr::memchr(b'\n', &text[have..]).is_some() {
                break;
            }
        }
        if !self.eof {
            if let Some(last) = memchr::memrchr(b'\n', &text) {
                self.carry = text[last + 1..].to_vec();
                text.truncate(last + 1);
            }
        }
        // Bounded in lines too: each record costs memory for its row or its reject whatever its
        // size, so a file of tiny records must not make chunks of a million.
        crate::io::read::jsonl::cap_lines(&mut text, MAX_CHUNK_LINES, &mut self.carry);
        if text.is_empty() {
            // Nothing read before the input failed: the failure is all there is to say.
            return match self.failed.take() {
                Some(e) => Err(e),
                None => Ok(None),
            };
        }
        let lines = memchr::memchr_iter(b'\n', &text).count() as u64;
        let origin = Origin {
            file: self.name.clone(),
            first_line: Some(self.line),
            first_record: self.record,
            records: None,
        };
        self.line += lines;
        self.record += crate::convert::decode::count_records(&text);
        Ok(Some(Work::Json(Chunk { text, origin }, Vec::new())))
    }
}

/// A JSON document (an array of records, or one record), streamed element by element: each
/// element is put on one line (whitespace outside strings dropped) for the JSON decoder, with
/// the line it started on, so a bad element is rejected with its location.
pub struct JsonArray {
    name: Arc<str>,
    elements: Elements,
}

impl JsonArray {
    fn read(source: &Source, name: Arc<str>) -> Result<JsonArray> {
        Ok(JsonArray {
            elements: Elements::new(source.open()?),
            name,
        })
    }

    fn next_chunk(&mut self) -> Result<Option<Work>> {
        let mut text = Vec::with_capacity(CHUNK_BYTES + (64 << 10));
        let mut records = Vec::new();
        let mut rejects = Vec::new();
        let mut rejected_bytes = 0;
        while text.len() + rejected_bytes < CHUNK_BYTES {
            let Some(e) = self
                .elements
                .next_element()
                .map_err(|err| Error::io(self.name.as_ref(), err))?
            else {
                break;
            };
            let mark = text.len();
            if one_line(&e.bytes, &mut text) {
                text.push(b'\n');
                records.push((e.line, e.index));
                continue;
            }
            text.truncate(mark);
            rejected_bytes += e.bytes.len();
            let record = crate::io::read::json::record(&self.name, &e);
            let message = match record.value {
                Err(err) => err.message,
                Ok(_) => "a string holds a raw control character (line break or tab)".into(),
            };
            rejects.push(Reject {
                location: record.location,
                rule: "parse",
                message,
                raw: record.bytes,
            });
        }
        if text.is_empty() && rejects.is_empty() {
            return Ok(None);
        }
        Ok(Some(Work::Json(
            Chunk {
                text,
                origin: Origin {
                    file: self.name.clone(),
                    first_line: None,
                    first_record: 0,
                    records: Some(records),
                },
            },
            rejects,
        )))
    }
}

/// Appends a JSON value's bytes as one line: whitespace outside strings is dropped. `false`
/// (leaving a partial copy) for what cannot be one line of JSON: nothing at all, or a raw
/// control character inside a string (invalid JSON that a line break would split).
fn one_line(bytes: &[u8], out: &mut Vec<u8>) -> bool {
    let mut strings = Strings::default();
    for &b in bytes {
        let was_inside = strings.inside;
        if strings.step(b) {
            if was_inside && b < 0x20 {
                return false;
            }
        } else if b.is_ascii_whitespace() {
            continue;
        }
        out.push(b);
    }
    !bytes.is_empty()
}

/// A CSV/TSV input cut into blocks of whole records; the workers type the cells.
pub struct CsvChunks {
    reader: CsvReader,
    name: Arc<str>,
    started: bool,
}

impl CsvChunks {
    fn next_chunk(&mut self) -> Result<Option<Work>> {
        let first_line = (!self.started).then(|| self.reader.line());
        self.started = true;
        Ok(self.reader.next_block(CHUNK_BYTES)?.map(|block| {
            Work::Csv(Box::new(CsvBlock {
                len: block.len(),
                reader: self.reader.block_reader(block),
                name: self.name.clone(),
                first_line,
            }))
        }))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;
    use crate::io::read::ReadOptions;
    use crate::schema::arrow::Table;

    /// Every kind the direct CSV path covers, nullable and not, required and not.
    pub(crate) fn schema() -> serde_json::Value {
        json!({
            "type": "object",
            "additionalProperties": false,
            "required": ["id", "n"],
            "properties": {
                "id": {"type": "string"},
                "kind": {"enum": ["news", "opinion"]},
                "at": {"type": ["string", "null"], "format": "date-time"},
                "day": {"type": "string", "format": "date"},
                "n": {"type": "integer"},
                "x": {"type": ["number", "null"]},
                "ok": {"type": "boolean"},
                "tags": {"type": "array", "items": {"type": "string"}}
            }
        })
    }

    /// Cells that fit each column of `schema()`, in its property order.
    const FITTING: [&[&str]; 8] = [
        &["a", "\"b, c\"", "\"q \"\"x\"\"\"", "\"\"", "\"é\nz\""],
        &["news", "opinion", ""],
        &[
            "2026-03-26T02:20:00Z",
            "2026-03-26T02:20:00.123456789+05:30",
            "",
        ],
        &["2026-03-26", "0001-01-01", "1969-12-31", ""],
        &["12", "-7", "+3", "0"],
        &["1.5", " 2.5 ", "-0", "1e300", "7", ""],
        &["true", "FALSE", ""],
        &["\"[\"\"a\"\",\"\"b\"\"]\"", "[]", "\"a; b\"", "x", ""],
    ];

    /// Any cell: of another column's type, a wrong value, a null or a quoted empty.
    const ANY: &[&str] = &[
        "",
        "\"\"",
        "a",
        "2026-03-26 02:20",
        "2026-02-30",
        "1e400",
        "NaN",
        "yes",
        "\"[null]\"",
        "[1]",
        "\"[\"\"x\"\"\"",
        "\\N",
        "12",
        "true",
        "2026-03-26",
        "news",
        "\"\\N\"",
        "\u{FFFF}\u{1}",
        "\"x\"y",
        "\"a\r\nb\"",
    ];

    /// A row of cells for `schema()`'s columns, mostly fitting.
    fn row() -> impl Strategy<Value = Vec<String>> {
        FITTING
            .iter()
            .map(|fit| {
                prop_oneof![
                    6 => prop::sample::select(fit.to_vec()),
                    1 => prop::sample::select(ANY.to_vec()),
                ]
                .prop_map(str::to_string)
            })
            .collect::<Vec<_>>()
    }

    /// Reads `csv` block by block, straight into Arrow (where it applies) and by the JSON route.
    fn both_routes(csv: &[u8], separator: Option<&str>, null: Option<&str>) -> [Decoded; 2] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.csv");
        std::fs::write(&path, csv).unwrap();
        let table = Table::from_json_schema(&schema()).unwrap();
        let arrow = Arc::new(table.arrow_schema());
        let decoder = JsonDecoder::new(table, arrow, None);
        let read = ReadOptions {
            schema: Some(schema()),
            null_marker: null.map(str::to_string),
            ..Default::default()
        };
        [true, false].map(|direct| {
            let source = Source::File(path.clone());
            let mut chunks = CsvChunks {
                reader: CsvReader::open(&source, Format::Csv, &read, separator).unwrap(),
                name: "in.csv".into(),
                started: false,
            };
            let mut all = Decoded::default();
            while let Some(Work::Csv(block)) = chunks.next_chunk().unwrap() {
                let mut d = if direct {
                    block.decode(&decoder).unwrap()
                } else {
                    let (chunk, early, _) = block.read().unwrap();
                    let mut d = decoder.decode(&chunk).unwrap();
                    d.records += early.len() as u64;
                    d.rejects.extend(early);
                    d.rejects.sort_by_key(|r| r.location.record);
                    d
                };
                all.records += d.records;
                all.batches.append(&mut d.batches);
                all.rejects.append(&mut d.rejects);
            }
            all
        })
    }

    pub(crate) fn rows(d: &Decoded) -> Vec<serde_json::Value> {
        let mut text = Vec::new();
        for b in &d.batches {
            crate::io::write::jsonl::render_rows(b, &mut text, |_| {}, |t| t.push(b'\n'));
        }
        text.split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).unwrap())
            .collect()
    }

    /// The rejects in order, which must be the file's.
    fn rejects(d: &Decoded) -> Vec<(String, &'static str, String)> {
        let records: Vec<_> = d.rejects.iter().map(|r| r.location.record).collect();
        assert!(records.is_sorted(), "rejects out of order: {records:?}");
        d.rejects
            .iter()
            .map(|r| (r.location.to_string(), r.rule, r.message.clone()))
            .collect()
    }

    #[test]
    fn the_bundled_article_schema_takes_the_direct_route() {
        let table =
            Table::from_json_schema(&crate::schema::Schema::article().unwrap().json).unwrap();
        let arrow = Arc::new(table.arrow_schema());
        let header: Vec<String> = table.columns.iter().map(|c| c.name.clone()).collect();
        let decoder = JsonDecoder::new(table, arrow, None);
        assert!(decoder.csv_plan(&header).is_some());
        assert!(decoder.csv_plan(&["id".into(), "colour".into()]).is_none());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// The direct route gives the JSON route's rows, in order, and its rejects.
        #[test]
        fn direct_csv_rows_are_the_json_routes(
            cells in prop::collection::vec(row(), 0..40),
            order in Just([0, 1, 2, 3, 4, 5, 6, 7]).prop_shuffle(),
            // Columns the file leaves out (an absent required one sends all rows the JSON way).
            kept in 2usize..=8,
            separator in prop::sample::select(vec![None, Some("; ")]),
            null in prop::sample::select(vec![None, Some("\\N")]),
            ragged in prop::collection::vec(0u8..12, 40),
            bom in any::<bool>(),
            crlf in any::<bool>(),
        ) {
            let names = ["id", "kind", "at", "day", "n", "x", "ok", "tags"];
            let order = &order[..kept];
            let end: &[u8] = if crlf { b"\r\n" } else { b"\n" };
            let mut csv = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
            csv.extend(order.iter().map(|&i| names[i]).collect::<Vec<_>>().join(",").bytes());
            csv.extend_from_slice(end);
            for (r, row) in cells.iter().enumerate() {
                let mut line: Vec<u8> =
                    order.iter().map(|&i| row[i].as_str()).collect::<Vec<_>>().join(",").into();
                match ragged[r] {
                    0 => line.extend_from_slice(b",extra"),
                    1 => line.truncate(line.iter().rposition(|&b| b == b',').unwrap_or(0)),
                    2 => line.extend_from_slice(b",\xff"),
                    _ => {}
                }
                csv.extend_from_slice(&line);
                csv.extend_from_slice(end);
            }
            let [direct, json] = both_routes(&csv, separator, null);
            prop_assert_eq!(json.records, direct.records);
            prop_assert_eq!(rows(&direct), rows(&json));
            prop_assert_eq!(rejects(&direct), rejects(&json));
            for (a, b) in direct.batches.iter().zip(&json.batches) {
                prop_assert_eq!(a.schema(), b.schema());
            }
        }
    }
}
