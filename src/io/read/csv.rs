//! Reads CSV/TSV into records: a quote-aware RFC 4180 tokenizer and the schema-driven coercion
//! of cells into typed JSON values. Owns the CSV convention copydesk reads (and
//! `io::write::csv` writes: the two change together); does not own validation.
//!
//! # The CSV convention
//! - RFC 4180: a header row of column names, `,` (TSV: tab, or `--delimiter`) between fields,
//!   `"` quotes fields that hold the delimiter, quotes or line breaks, `""` is a quote inside
//!   quotes; records end with LF or CRLF; a UTF-8 byte-order mark is skipped.
//! - **null and the empty string stay distinct**: an empty *unquoted* cell is null (with a schema:
//!   an optional property that does not admit null is left out), a quoted `""` is the empty
//!   string. `--null MARKER` (e.g. `\N`) names another unquoted text that means null; quoted, the
//!   marker is plain text.
//! - Without a schema every cell is a string (or null, as above).
//! - With a schema, cells take the property's type: `true`/`false` (any case) for booleans,
//!   digits for integers, decimal numbers, RFC 3339 for `date-time`, `YYYY-MM-DD` for `date`,
//!   JSON text for arrays and objects (or, for arrays of scalars, items split on
//!   `--list-separator`). A cell that does not fit is a record error of kind `type` with the
//!   column's pointer: never a silent coercion.
//! - Blank lines are skipped, except in a one-column file, where a blank line is a null cell.
//! - Line numbers are those of the line where a record starts (quoted line breaks counted).
//! - A quote that never closes (or not within `OPEN_QUOTE_LIMIT`, 16 MiB) costs the lines from
//!   its record's start to the end of the line where it opens: they are one rejected record and
//!   reading goes on at the next line, instead of the rest of the file becoming one field.

use std::io::{BufRead, Read};

use serde_json::Value;

use super::{Position, RawRecord, ReadError, ReadErrorKind, ReadOptions, Records};
use crate::error::{Error, Location, Result};
use crate::io::write::jsonl::write_json_str;
use crate::io::{Format, Source};
use crate::schema::arrow::{Column, Kind, Table};

pub fn open(source: &Source, format: Format, options: &ReadOptions) -> Result<Records> {
    let reader = CsvReader::open(source, format, options, None)?;
    Ok(Box::new(RecordIter {
        reader,
        json: Vec::new(),
    }))
}

struct RecordIter {
    reader: CsvReader,
    json: Vec<u8>,
}

/// Every record of a block reader (`CsvReader::block_reader`), with lines and rows counted from
/// the block's start, and the block's (lines, rows).
pub fn block_records(reader: CsvReader) -> Result<(Vec<RawRecord>, (u64, u64))> {
    let mut it = RecordIter {
        reader,
        json: Vec::new(),
    };
    let mut out = Vec::new();
    for r in it.by_ref() {
        out.push(r?);
    }
    Ok((out, (it.reader.line() - 1, it.reader.rows())))
}

impl Iterator for RecordIter {
    type Item = Result<RawRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        self.json.clear();
        let row = match self.reader.next_json(&mut self.json) {
            Ok(Some(row)) => row,
            Ok(None) => return None,
            Err(e) => return Some(Err(e)),
        };
        let value = match row.error.clone() {
            Some(e) => Err(e),
            None => serde_json::from_slice(&self.json).map_err(|e| ReadError {
                kind: ReadErrorKind::Parse,
                column: None,
                pointer: None,
                message: format!("internal: coerced record is not JSON: {e}"),
            }),
        };
        Some(Ok(RawRecord {
            location: self.reader.location(&row),
            position: Position::Csv { row: row.row },
            bytes: self.reader.raw().to_vec(),
            value,
        }))
    }
}

/// Where one CSV record was, and why it could not be read (if it could not).
#[derive(Debug, Clone)]
pub struct CsvRow {
    /// 1-based line where the record starts.
    pub line: u64,
    /// 1-based data row (the header is row 0).
    pub row: u64,
    pub error: Option<ReadError>,
}

/// How one column's cells become JSON.
#[derive(Debug, Clone)]
struct CellRule {
    name: String,
    pointer: String,
    kind: Kind,
    /// Null may be written (otherwise an absent-as-null cell leaves the key out).
    write_null: bool,
}

/// A CSV/TSV input read record by record into JSON objects.
pub struct CsvReader {
    tok: Tokenizer,
    name: String,
    header: Vec<String>,
    rules: Vec<CellRule>,
    rec: Fields,
    null_marker: Option<Vec<u8>>,
    list_separator: Option<String>,
    row: u64,
    one_column: bool,
    scratch: Vec<u8>,
}

impl CsvReader {
    /// Opens a CSV/TSV input and reads its header. `list_separator` splits list cells instead
    /// of reading them as JSON text.
    pub fn open(
        source: &Source,
        format: Format,
        options: &ReadOptions,
        list_separator: Option<&str>,
    ) -> Result<CsvReader> {
        let name = source.display_name();
        let delimiter =
            options
                .delimiter
                .unwrap_or(if format == Format::Tsv { b'\t' } else { b',' });
        let mut tok = Tokenizer::new(source.open()?, delimiter);
        let mut rec = Fields::default();
        let io_err = |e| Error::io(&name, e);
        let header: Vec<String> = if tok.next_record(&mut rec).map_err(io_err)? {
            if let Some(msg) = &rec.error {
                return Err(Error::Input {
                    location: Location::file(&name).with_line(rec.line),
                    message: format!("header: {msg}"),
                });
            }
            if (0..rec.len()).any(|i| !rec.quoted[i] && rec.field(i).contains(&b'\r')) {
                return Err(Error::Input {
                    location: Location::file(&name).with_line(1),
                    message: "header: lines end in a lone CR (classic Mac); expected LF or CRLF \
                              line ends (convert them first, e.g. with `tr '\\r' '\\n'`)"
                        .into(),
                });
            }
            (0..rec.len())
                .map(|i| {
                    String::from_utf8(rec.field(i).to_vec()).map_err(|_| Error::Input {
                        location: Location::file(&name).with_line(1),
                        message: format!("header: column {} is not valid UTF-8", i + 1),
                    })
                })
                .collect::<Result<_>>()?
        } else {
            Vec::new()
        };
        let mut seen = std::collections::HashSet::with_capacity(header.len());
        for h in &header {
            if !seen.insert(h.as_str()) {
                return Err(Error::Input {
                    location: Location::file(&name).with_line(1),
                    message: format!("header: column name {h:?} appears twice"),
                });
            }
        }
        let table = match &options.schema {
            Some(schema) => Some(Table::from_json_schema(schema)?),
            None => None,
        };
        let columns: std::collections::HashMap<&str, &Column> = table
            .iter()
            .flat_map(|t| t.columns.iter().map(|c| (c.name.as_str(), c)))
            .collect();
        let rules = header
            .iter()
            .map(|h| rule_for(h, columns.get(h.as_str()).copied()))
            .collect();
        Ok(CsvReader {
            tok,
            name,
            one_column: header.len() == 1,
            header,
            rules,
            rec,
            null_marker: options.null_marker.as_ref().map(|m| m.as_bytes().to_vec()),
            list_separator: list_separator.filter(|s| !s.is_empty()).map(str::to_string),
            row: 0,
            scratch: Vec::new(),
        })
    }

    /// The next block of whole records, about `target` bytes of the input as they stand (more
    /// when one record is larger); `None` at the end. Blocks are cut exactly where
    /// `next_json` would end a record, so each can be read on its own by `block_reader`.
    pub fn next_block(&mut self, target: usize) -> Result<Option<Vec<u8>>> {
        self.tok
            .next_block(target)
            .map_err(|e| Error::io(&self.name, e))
    }

    /// A reader of one block from `next_block`, with this reader's header and cell rules. Its
    /// lines and rows count from the block's start: line 1, row 1.
    pub fn block_reader(&self, block: Vec<u8>) -> CsvReader {
        CsvReader {
            tok: Tokenizer::from_bytes(block, self.tok.delimiter),
            name: self.name.clone(),
            header: self.header.clone(),
            rules: self.rules.clone(),
            rec: Fields::default(),
            null_marker: self.null_marker.clone(),
            list_separator: self.list_separator.clone(),
            row: 0,
            one_column: self.one_column,
            scratch: Vec::new(),
        }
    }

    /// The line where the next record starts.
    pub fn line(&self) -> u64 {
        self.tok.line
    }

    /// Data rows read so far.
    pub fn rows(&self) -> u64 {
        self.row
    }

    /// The column names from the header row.
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// The last record's bytes as they stood in the input, without the line terminator.
    pub fn raw(&self) -> &[u8] {
        self.tok.raw()
    }

    /// Bytes consumed so far (for progress).
    pub fn bytes_read(&self) -> u64 {
        self.tok.consumed + self.tok.start as u64
    }

    /// The location of a row returned by `next_json`.
    pub fn location(&self, row: &CsvRow) -> Location {
        let mut loc = Location::file(&self.name)
            .with_line(row.line)
            .with_record(row.row - 1);
        if let Some(p) = row.error.as_ref().and_then(|e| e.pointer.clone()) {
            loc = loc.with_pointer(p);
        }
        loc
    }

    /// Reads the next record and appends it to `out` as one JSON object (no line break).
    /// `Ok(None)` at the end of the input; a record that cannot be read comes back with its
    /// error (and `out` holds a partial object that the caller discards).
    pub fn next_json(&mut self, out: &mut Vec<u8>) -> Result<Option<CsvRow>> {
        if !self.next_row()? {
            return Ok(None);
        }
        let error = self.coerce(out).err();
        Ok(Some(self.row_at(error)))
    }

    /// Reads the next data row (blank lines skipped) without typing it: its cells are then
    /// read with `cell`/`is_null`, or typed into JSON with `coerce`. `false` at the end.
    pub fn next_row(&mut self) -> Result<bool> {
        loop {
            if !self
                .tok
                .next_record(&mut self.rec)
                .map_err(|e| Error::io(&self.name, e))?
            {
                return Ok(false);
            }
            let blank = self.rec.len() == 1 && self.rec.field(0).is_empty() && !self.rec.quoted[0];
            if blank && !self.one_column {
                continue;
            }
            self.row += 1;
            return Ok(true);
        }
    }

    /// Where the current row is, with the error it was read with.
    pub fn row_at(&self, error: Option<ReadError>) -> CsvRow {
        CsvRow {
            line: self.rec.line,
            row: self.row,
            error,
        }
    }

    /// Whether the current row has a syntax error or a number of cells other than the
    /// header's: then only `coerce` can say what is wrong.
    pub fn row_is_malformed(&self) -> bool {
        self.rec.error.is_some() || self.rec.len() != self.header.len()
    }

    /// The bytes of the current row's cell `i` (a header column), unescaped.
    pub fn cell(&self, i: usize) -> &[u8] {
        self.rec.field(i)
    }

    /// Whether cell `i` of the current row is null by the convention (an empty unquoted cell,
    /// or the `--null` marker unquoted).
    pub fn is_null(&self, i: usize) -> bool {
        let cell = self.rec.field(i);
        !self.rec.quoted[i]
            && (cell.is_empty() || self.null_marker.as_deref().is_some_and(|m| m == cell))
    }

    /// The separator that splits list cells (`--list-separator`), if one was given.
    pub fn list_separator(&self) -> Option<&str> {
        self.list_separator.as_deref()
    }

    /// Types the current row's cells into one JSON object appended to `out` (no line break),
    /// or says why the row cannot be read (`out` then holds a partial object).
    pub fn coerce(&mut self, out: &mut Vec<u8>) -> std::result::Result<(), ReadError> {
        let parse_err = |message: String| ReadError {
            kind: ReadErrorKind::Parse,
            column: None,
            pointer: None,
            message,
        };
        if let Some(msg) = &self.rec.error {
            return Err(parse_err(msg.clone()));
        }
        if self.rec.len() != self.header.len() {
            return Err(parse_err(format!(
                "expected {} fields (as in the header), found {}",
                self.header.len(),
                self.rec.len()
            )));
        }
        out.push(b'{');
        let mut first = true;
        for (i, rule) in self.rules.iter().enumerate() {
            let cell = self.rec.field(i);
            let is_null = self.is_null(i);
            if is_null && !rule.write_null {
                continue;
            }
            // simdutf8 is the faster check for long cells (article bodies); std then says
            // where the bad byte is.
            let text = simdutf8::basic::from_utf8(cell).map_err(|_| ReadError {
                kind: ReadErrorKind::Encoding,
                column: None,
                pointer: Some(rule.pointer.clone()),
                message: format!(
                    "not valid UTF-8 (invalid byte at offset {} of the cell)",
                    std::str::from_utf8(cell).map_or_else(|e| e.valid_up_to(), |_| 0)
                ),
            })?;
            if !first {
                out.push(b',');
            }
            first = false;
            write_json_str(out, &rule.name);
            out.push(b':');
            if is_null {
                out.extend_from_slice(b"null");
                continue;
            }
            coerce_cell(
                out,
                &mut self.scratch,
                &rule.kind,
                text,
                self.list_separator.as_deref(),
            )
            .map_err(|message| ReadError {
                kind: ReadErrorKind::Type,
                column: None,
                pointer: Some(rule.pointer.clone()),
                message,
            })?;
        }
        out.push(b'}');
        Ok(())
    }
}

fn rule_for(name: &str, column: Option<&Column>) -> CellRule {
    let pointer = format!("/{}", name.replace('~', "~0").replace('/', "~1"));
    match column {
        Some(c) => CellRule {
            name: name.into(),
            pointer,
            kind: c.kind.clone(),
            // An optional property that does not admit null is absent rather than null.
            write_null: c.null_allowed || c.required,
        },
        None => CellRule {
            name: name.into(),
            pointer,
            kind: Kind::String,
            write_null: true,
        },
    }
}

/// Writes one non-null cell as the JSON value its kind asks for, or says why it does not fit.
fn coerce_cell(
    out: &mut Vec<u8>,
    scratch: &mut Vec<u8>,
    kind: &Kind,
    text: &str,
    list_separator: Option<&str>,
) -> std::result::Result<(), String> {
    match kind {
        Kind::String | Kind::Enum(_) => write_json_str(out, text),
        Kind::Timestamp => {
            if text.parse::<jiff::Timestamp>().is_err() {
                return Err(format!(
                    "expected an RFC 3339 date-time such as 2026-03-26T02:20:00Z, found {text:?}"
                ));
            }
            write_json_str(out, text);
        }
        Kind::Date => {
            if crate::schema::arrow::date_days(text).is_none() {
                return Err(format!("expected a date string YYYY-MM-DD, found {text:?}"));
            }
            write_json_str(out, text);
        }
        Kind::Integer => {
            let n = crate::schema::arrow::integer(text)
                .ok_or_else(|| format!("expected an integer, found {text:?}"))?;
            out.extend_from_slice(n.to_string().as_bytes());
        }
        Kind::Number => {
            let n = crate::schema::arrow::number(text)
                .ok_or_else(|| format!("expected a number, found {text:?}"))?;
            let v = serde_json::Number::from_f64(n).ok_or("number out of range")?;
            out.extend_from_slice(v.to_string().as_bytes());
        }
        Kind::Boolean => match crate::schema::arrow::boolean(text) {
            Some(true) => out.extend_from_slice(b"true"),
            Some(false) => out.extend_from_slice(b"false"),
            None => return Err(format!("expected true or false, found {text:?}")),
        },
        Kind::List(item) if list_separator.is_some() && is_scalar(&item.kind) => {
            let sep = list_separator.unwrap_or_default();
            out.push(b'[');
            if !text.is_empty() {
                for (i, part) in text.split(sep).enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    coerce_cell(out, scratch, &item.kind, part, None)
                        .map_err(|m| format!("item {i}: {m}"))?;
                }
            }
            out.push(b']');
        }
        Kind::List(_) | Kind::Struct(_) | Kind::Json => {
            let value: Value = serde_json::from_str(text).map_err(|e| {
                format!(
                    "expected JSON text ({}), found {:?}: {e}",
                    expected_json(kind),
                    preview(text)
                )
            })?;
            let fits = match kind {
                Kind::List(_) => value.is_array(),
                Kind::Struct(_) => value.is_object(),
                _ => true,
            };
            if !fits {
                return Err(format!(
                    "expected JSON text ({}), found {:?}",
                    expected_json(kind),
                    preview(text)
                ));
            }
            // Re-serialised compactly: a line break inside the cell's JSON must not reach a
            // JSON Lines stream.
            scratch.clear();
            serde_json::to_writer(&mut *scratch, &value).map_err(|e| e.to_string())?;
            out.extend_from_slice(scratch);
        }
    }
    Ok(())
}

fn is_scalar(kind: &Kind) -> bool {
    !matches!(kind, Kind::List(_) | Kind::Struct(_) | Kind::Json)
}

fn expected_json(kind: &Kind) -> &'static str {
    match kind {
        Kind::List(_) => "an array such as [\"a\",\"b\"]",
        Kind::Struct(_) => "an object",
        _ => "any JSON value",
    }
}

fn preview(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}...", &text[..i]),
        None => text.to_string(),
    }
}

/// One tokenized record: unescaped field bytes back to back, with per-field ends and quoting.
#[derive(Debug, Default)]
pub struct Fields {
    data: Vec<u8>,
    ends: Vec<usize>,
    /// Whether each field was quoted (`""` is the empty string, an unquoted empty cell is null).
    pub quoted: Vec<bool>,
    /// 1-based line where the record starts.
    pub line: u64,
    /// What was wrong with the record's syntax (an unclosed quote, text after a closing quote).
    pub error: Option<String>,
}

impl Fields {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn field(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.data[start..self.ends[i]]
    }

    fn clear(&mut self) {
        self.data.clear();
        self.ends.clear();
        self.quoted.clear();
        self.error = None;
    }
}

/// A fast RFC 4180 tokenizer over a large buffer (memchr for quotes, delimiters and line ends).
pub struct Tokenizer {
    reader: Box<dyn BufRead + Send>,
    buf: Vec<u8>,
    /// Start of the unconsumed bytes in `buf`.
    start: usize,
    /// End of the valid bytes in `buf`.
    end: usize,
    eof: bool,
    first: bool,
    delimiter: u8,
    /// 1-based line of the next record.
    line: u64,
    /// The last record's raw bytes, as a range of `buf`.
    raw: (usize, usize),
    /// Bytes consumed before `buf[start]` (progress).
    consumed: u64,
    /// How far after its opening quote a quoted field must close (`OPEN_QUOTE_LIMIT`).
    limit: usize,
}

/// A quoted field must close within this many bytes of its opening quote. A quote that does
/// not (a stray or unclosed quote, or a truncated file) would otherwise swallow the rest of the
/// input as one field, in memory: instead the lines from the record's start to the end of the
/// line where the quote opens are one rejected record, and reading goes on at the next line. Far
/// above any real cell (DuckDB's reader stops at 2 MB lines).
pub const OPEN_QUOTE_LIMIT: usize = 16 << 20;

const UNCLOSED: &str = "a quoted field is not closed (no closing quote before the end of the \
     input or within 16 MiB): the record up to the end of the line where the quote opens is \
     rejected and reading goes on at the next line";

/// Where an unclosed quote's record ends: at the end of the line where the quote opened at
/// `open`, or at the end of the input; returns (end of the record's text, start of the next
/// record), or `None` when that line runs past `buf` and more input may follow. Cutting at a
/// line end (never inside a line) keeps a block cut there reading exactly as one pass does.
fn unclosed_cut(buf: &[u8], open: usize, eof: bool) -> Option<(usize, usize)> {
    match memchr::memchr(b'\n', &buf[open..]) {
        Some(i) => {
            let nl = open + i;
            let text_end = if buf[nl - 1] == b'\r' { nl - 1 } else { nl };
            Some((text_end, nl + 1))
        }
        None if eof => Some((buf.len(), buf.len())),
        None => None,
    }
}

enum Step {
    Done,
    NeedMore,
}

impl Tokenizer {
    const CHUNK: usize = 1 << 20;

    pub fn new(reader: Box<dyn BufRead + Send>, delimiter: u8) -> Tokenizer {
        Tokenizer {
            reader,
            buf: vec![0; Self::CHUNK],
            start: 0,
            end: 0,
            eof: false,
            first: true,
            delimiter,
            line: 1,
            raw: (0, 0),
            consumed: 0,
            limit: OPEN_QUOTE_LIMIT,
        }
    }

    /// The same tokenizer with another open-quote limit (tests use small ones).
    pub fn with_limit(mut self, limit: usize) -> Tokenizer {
        self.limit = limit.max(1);
        self
    }

    /// A tokenizer over bytes already in memory: a block cut by `next_block`.
    pub fn from_bytes(bytes: Vec<u8>, delimiter: u8) -> Tokenizer {
        Tokenizer {
            reader: Box::new(std::io::empty()),
            end: bytes.len(),
            buf: bytes,
            start: 0,
            eof: true,
            first: false,
            delimiter,
            line: 1,
            raw: (0, 0),
            consumed: 0,
            limit: OPEN_QUOTE_LIMIT,
        }
    }

    /// The last record's bytes, without its line terminator.
    pub fn raw(&self) -> &[u8] {
        &self.buf[self.raw.0..self.raw.1]
    }

    /// The next block of whole records, at least `target` bytes unless the input ends first,
    /// as the bytes stand in the input; `None` at the end. Only finds where records end
    /// (`skip_record`), which is much cheaper than tokenizing them, so one thread can cut
    /// blocks while others read them.
    pub fn next_block(&mut self, target: usize) -> std::io::Result<Option<Vec<u8>>> {
        let mut want = target.max(1);
        loop {
            self.fill(want)?;
            if self.start == self.end {
                return Ok(None);
            }
            let cut = scan_records(
                &self.buf[self.start..self.end],
                self.eof,
                self.delimiter,
                target,
                self.limit,
            );
            if cut > 0 {
                // Handing the buffer over pays only when the block is most of it: after one
                // huge record the buffer stays large, and small blocks are copied out.
                if self.start > 0 || cut * 2 < self.buf.len() {
                    let block = self.buf[self.start..self.start + cut].to_vec();
                    self.start += cut;
                    return Ok(Some(block));
                }
                // The block is the buffer's head: hand the buffer over and keep only the rest
                // (a partial record), rather than copy the block out.
                let mut rest = vec![0; self.buf.len()];
                let tail = self.end - cut;
                rest[..tail].copy_from_slice(&self.buf[cut..self.end]);
                let mut block = std::mem::replace(&mut self.buf, rest);
                block.truncate(cut);
                self.consumed += cut as u64;
                self.end = tail;
                return Ok(Some(block));
            }
            // One record is larger than what is buffered (at the end everything is a record).
            want = (self.end - self.start).saturating_mul(2).max(want);
        }
    }

    /// Reads until `want` unconsumed bytes are buffered or the input ends.
    fn fill(&mut self, want: usize) -> std::io::Result<()> {
        if self.end - self.start >= want || self.eof {
            return Ok(());
        }
        if self.start > 0 {
            self.buf.copy_within(self.start..self.end, 0);
            self.consumed += self.start as u64;
            self.end -= self.start;
            self.start = 0;
        }
        // Room for `want` bytes after a byte-order mark.
        if self.buf.len() < want + 3 {
            self.buf.resize(want + 3, 0);
        }
        while self.end - self.start < want {
            self.read_more()?;
            if self.first && (self.end >= 3 || self.eof) {
                self.first = false;
                if self.buf[..self.end].starts_with(&[0xEF, 0xBB, 0xBF]) {
                    self.start = 3;
                }
            }
            if self.eof {
                break;
            }
        }
        Ok(())
    }

    /// Reads the next record into `rec`; `false` at the end of the input.
    pub fn next_record(&mut self, rec: &mut Fields) -> std::io::Result<bool> {
        loop {
            if self.start == self.end && self.eof {
                return Ok(false);
            }
            if self.start == self.end || !self.eof {
                // Parse only with data present; on a partial record, refill and retry.
                if self.start < self.end {
                    if let Step::Done = self.parse(rec) {
                        return Ok(true);
                    }
                }
                self.refill()?;
                if self.first && self.end >= 3 {
                    self.first = false;
                    if self.buf[..3] == [0xEF, 0xBB, 0xBF] {
                        self.start = 3;
                    }
                }
                continue;
            }
            // At EOF with bytes left: parse treats the end of data as the end of the record.
            if let Step::Done = self.parse(rec) {
                return Ok(true);
            }
        }
    }

    /// Moves the unconsumed bytes to the front, grows the buffer if a record fills it, and
    /// reads more.
    fn refill(&mut self) -> std::io::Result<()> {
        if self.start > 0 {
            self.buf.copy_within(self.start..self.end, 0);
            self.consumed += self.start as u64;
            self.end -= self.start;
            self.start = 0;
        }
        if self.end == self.buf.len() {
            let len = self.buf.len() * 2;
            self.buf.resize(len, 0);
        }
        // Fill the free space (several reads), so records are parsed from a large buffer.
        while self.end < self.buf.len() {
            if self.read_more()? == 0 {
                break;
            }
            if self.end - self.start >= Self::CHUNK / 2 {
                break;
            }
        }
        Ok(())
    }

    /// One read into the free space after `end`; at the end of the input sets `eof`.
    fn read_more(&mut self) -> std::io::Result<usize> {
        let n = loop {
            match self.reader.read(&mut self.buf[self.end..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        self.end += n;
        if n == 0 {
            self.eof = true;
        }
        Ok(n)
    }

    /// Parses one record starting at `start`. With `NeedMore` nothing is consumed.
    fn parse(&mut self, rec: &mut Fields) -> Step {
        rec.clear();
        let buf = &self.buf[..self.end];
        let end = self.end;
        let delim = self.delimiter;
        let mut pos = self.start;
        let mut newlines = 0u64;
        let record_end;
        let next_start;
        loop {
            // One field.
            if pos < end && buf[pos] == b'"' {
                let open = pos;
                let limit = open.saturating_add(self.limit);
                pos += 1;
                loop {
                    match memchr::memchr(b'"', &buf[pos.min(limit)..end.min(limit)]) {
                        None => {
                            if !self.eof && end < limit {
                                return Step::NeedMore;
                            }
                            let Some((text_end, next)) = unclosed_cut(buf, open, self.eof) else {
                                return Step::NeedMore;
                            };
                            rec.clear();
                            rec.data.extend_from_slice(&buf[self.start..text_end]);
                            rec.quoted.push(false);
                            rec.ends.push(rec.data.len());
                            rec.error = Some(UNCLOSED.to_string());
                            rec.line = self.line;
                            let lines = memchr::memchr_iter(b'\n', &buf[self.start..next]).count();
                            self.line += lines as u64;
                            self.raw = (self.start, text_end);
                            self.start = next;
                            return Step::Done;
                        }
                        Some(i) => {
                            let q = pos + i;
                            newlines += memchr::memchr_iter(b'\n', &buf[pos..q]).count() as u64;
                            rec.data.extend_from_slice(&buf[pos..q]);
                            pos = q + 1;
                            if pos == end && !self.eof {
                                return Step::NeedMore;
                            }
                            if pos < end && buf[pos] == b'"' {
                                rec.data.push(b'"');
                                pos += 1;
                                continue;
                            }
                            break;
                        }
                    }
                }
                rec.quoted.push(true);
                // After the closing quote: a delimiter, a line end or the end of the input.
                if pos < end && buf[pos] != delim && buf[pos] != b'\n' && buf[pos] != b'\r' {
                    let stray = match memchr::memchr2(delim, b'\n', &buf[pos..end]) {
                        Some(i) => pos + i,
                        None if self.eof => end,
                        None => return Step::NeedMore,
                    };
                    rec.data.extend_from_slice(&buf[pos..stray]);
                    rec.error.get_or_insert_with(|| {
                        format!(
                            "unexpected text after the closing quote of field {}",
                            rec.ends.len() + 1
                        )
                    });
                    pos = stray;
                }
                if pos < end && buf[pos] == b'\r' {
                    if pos + 1 < end && buf[pos + 1] == b'\n' {
                        pos += 1;
                    } else if pos + 1 == end && !self.eof {
                        return Step::NeedMore;
                    }
                }
                rec.ends.push(rec.data.len());
            } else {
                let stop = match memchr::memchr2(delim, b'\n', &buf[pos..end]) {
                    Some(i) => pos + i,
                    None if self.eof => end,
                    None => return Step::NeedMore,
                };
                let mut field_end = stop;
                if (stop == end || buf[stop] == b'\n')
                    && field_end > pos
                    && buf[field_end - 1] == b'\r'
                {
                    field_end -= 1;
                }
                rec.data.extend_from_slice(&buf[pos..field_end]);
                rec.quoted.push(false);
                rec.ends.push(rec.data.len());
                pos = stop;
            }
            // Between fields.
            if pos >= end {
                record_end = end;
                next_start = end;
                break;
            }
            if buf[pos] == delim {
                pos += 1;
                continue;
            }
            if buf[pos] == b'\r' {
                // A lone CR after a quoted field: treat as the record's end like CRLF.
                record_end = pos;
                next_start = if pos + 1 < end && buf[pos + 1] == b'\n' {
                    pos + 2
                } else {
                    pos + 1
                };
                newlines += 1;
                break;
            }
            // b'\n'
            record_end = if pos > self.start && buf[pos - 1] == b'\r' {
                pos - 1
            } else {
                pos
            };
            next_start = pos + 1;
            newlines += 1;
            break;
        }
        rec.line = self.line;
        self.line += newlines;
        self.raw = (self.start, record_end.max(self.start));
        self.start = next_start;
        Step::Done
    }
}

/// The end of the whole records at the start of `buf`: records are skipped until at least
/// `target` bytes are covered or a record runs past the buffer (with more input to come).
fn scan_records(buf: &[u8], eof: bool, delimiter: u8, target: usize, limit: usize) -> usize {
    let mut start = 0;
    while start < buf.len() {
        match skip_record(buf, start, eof, delimiter, limit) {
            Some(next) => start = next,
            None => break,
        }
        if start >= target {
            break;
        }
    }
    start
}

/// Where the record starting at `pos` ends (the start of the next one), exactly as
/// `Tokenizer::parse` reads it; `None` when it runs past the buffer and more input may follow.
fn skip_record(buf: &[u8], mut pos: usize, eof: bool, delim: u8, limit: usize) -> Option<usize> {
    let end = buf.len();
    loop {
        if pos < end && buf[pos] == b'"' {
            let open = pos;
            let limit = open.saturating_add(limit);
            pos += 1;
            loop {
                match memchr::memchr(b'"', &buf[pos.min(limit)..end.min(limit)]) {
                    None if eof || end >= limit => {
                        return unclosed_cut(buf, open, eof).map(|(_, next)| next)
                    }
                    None => return None,
                    Some(i) => {
                        pos += i + 1;
                        if pos == end && !eof {
                            return None;
                        }
                        if pos < end && buf[pos] == b'"' {
                            pos += 1;
                            continue;
                        }
                        break;
                    }
                }
            }
            if pos < end && buf[pos] != delim && buf[pos] != b'\n' && buf[pos] != b'\r' {
                pos = match memchr::memchr2(delim, b'\n', &buf[pos..]) {
                    Some(i) => pos + i,
                    None if eof => end,
                    None => return None,
                };
            }
            if pos < end && buf[pos] == b'\r' {
                if pos + 1 < end && buf[pos + 1] == b'\n' {
                    pos += 1;
                } else if pos + 1 == end && !eof {
                    return None;
                }
            }
        } else {
            pos = match memchr::memchr2(delim, b'\n', &buf[pos..]) {
                Some(i) => pos + i,
                None if eof => end,
                None => return None,
            };
        }
        if pos >= end {
            return Some(end);
        }
        if buf[pos] == delim {
            pos += 1;
            continue;
        }
        if buf[pos] == b'\r' {
            return Some(if pos + 1 < end && buf[pos + 1] == b'\n' {
                pos + 2
            } else {
                pos + 1
            });
        }
        return Some(pos + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    type Tokenized = Vec<(Vec<(String, bool)>, u64, Option<String>)>;

    fn tokenize(input: &[u8]) -> Tokenized {
        tokenize_limited(input, OPEN_QUOTE_LIMIT)
    }

    fn tokenize_limited(input: &[u8], limit: usize) -> Tokenized {
        let mut tok =
            Tokenizer::new(Box::new(std::io::Cursor::new(input.to_vec())), b',').with_limit(limit);
        records_of(&mut tok, 0)
    }

    fn records_of(tok: &mut Tokenizer, line_offset: u64) -> Tokenized {
        let mut rec = Fields::default();
        let mut out = Vec::new();
        while tok.next_record(&mut rec).unwrap() {
            let fields = (0..rec.len())
                .map(|i| {
                    (
                        String::from_utf8_lossy(rec.field(i)).into_owned(),
                        rec.quoted[i],
                    )
                })
                .collect();
            out.push((fields, rec.line + line_offset, rec.error.clone()));
        }
        out
    }

    /// Cuts `input` into blocks of about `target` bytes and tokenizes each block on its own,
    /// numbering lines as one file: must give exactly what one tokenizer gives.
    fn tokenize_in_blocks(input: &[u8], target: usize) -> Tokenized {
        tokenize_in_blocks_limited(input, target, OPEN_QUOTE_LIMIT)
    }

    fn tokenize_in_blocks_limited(input: &[u8], target: usize, limit: usize) -> Tokenized {
        /// Hands out a few bytes per read, so blocks are cut before the input ends.
        struct Trickle(std::io::Cursor<Vec<u8>>, usize);
        impl Read for Trickle {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = buf.len().min(self.1);
                self.0.read(&mut buf[..n])
            }
        }
        let trickle = Trickle(std::io::Cursor::new(input.to_vec()), target % 3 + 1);
        let reader = std::io::BufReader::with_capacity(1, trickle);
        let mut cutter = Tokenizer::new(Box::new(reader), b',').with_limit(limit);
        let mut out = Vec::new();
        let mut lines = 0;
        while let Some(block) = cutter.next_block(target).unwrap() {
            assert!(!block.is_empty());
            let mut tok = Tokenizer::from_bytes(block, b',').with_limit(limit);
            let start = out.len();
            out.extend(records_of(&mut tok, lines));
            assert!(out.len() > start, "a block holds at least one record");
            lines += tok.line - 1;
        }
        out
    }

    #[test]
    fn blocks_cut_where_records_end() {
        let inputs: &[&[u8]] = &[
            b"a,b\n1,2\n3,4\n",
            b"\xEF\xBB\xBFa,b\n\"x\ny\",2\n\n\n3,\"\"\"q\"\"\"\n",
            b"a,b\r\n1,\"2\r\n3\"\r\n4,5\r\n",
            b"a,b\n\"x\"\r5,6\n7,8",
            b"a,5\" screen,b\n\"c\"d,e\n\"open,\nz",
            b"\n\n,\n\"\"\n\r\n\r",
            b"x,\"y\"\"\"\"\",\"\"\n\"",
        ];
        for input in inputs {
            let whole = tokenize(input);
            for target in [1, 2, 3, 5, 8, 64, 1 << 20] {
                assert_eq!(
                    tokenize_in_blocks(input, target),
                    whole,
                    "{:?} in blocks of {target}",
                    String::from_utf8_lossy(input)
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn blocks_match_one_pass(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![b'a', b',', b'"', b'\n', b'\r', b' ']), 0..200),
            target in 1usize..40,
        ) {
            proptest::prop_assert_eq!(tokenize_in_blocks(&bytes, target), tokenize(&bytes));
        }

        /// With an open-quote limit small enough to be hit, blocks still read as one pass.
        #[test]
        fn blocks_match_one_pass_at_the_open_quote_limit(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![b'a', b',', b'"', b'\n', b'\r', b' ']), 0..200),
            target in 1usize..40,
            limit in 1usize..30,
        ) {
            proptest::prop_assert_eq!(
                tokenize_in_blocks_limited(&bytes, target, limit),
                tokenize_limited(&bytes, limit)
            );
        }
    }

    fn cells(input: &[u8]) -> Vec<Vec<String>> {
        tokenize(input)
            .into_iter()
            .map(|(f, _, _)| f.into_iter().map(|(s, _)| s).collect())
            .collect()
    }

    #[test]
    fn quotes_newlines_crlf_and_bom() {
        assert_eq!(
            cells(b"\xEF\xBB\xBFa,b\r\n\"x,\"\"y\"\"\",\"1\r\n2\"\r\n3,\r\n"),
            vec![vec!["a", "b"], vec!["x,\"y\"", "1\r\n2"], vec!["3", ""]]
        );
        let recs = tokenize(b"a\n\"q\n\nq\"\nlast");
        assert_eq!(recs[1].1, 2);
        assert_eq!(recs[2].1, 5);
        assert_eq!(recs[2].0, vec![("last".to_string(), false)]);
    }

    #[test]
    fn quoted_and_unquoted_empty_cells_differ() {
        let recs = tokenize(b"a,b,c\n,\"\",x\n");
        assert_eq!(
            recs[1].0,
            vec![
                (String::new(), false),
                (String::new(), true),
                ("x".to_string(), false)
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_costs_its_line_not_the_rest_of_the_file() {
        // Every later quote would close it: this one never closes.
        let recs = tokenize(b"a,b\n1,\"open\r\n2,3\n4,5\n");
        let lines: Vec<u64> = recs.iter().map(|r| r.1).collect();
        assert_eq!(lines, [1, 2, 3, 4]);
        assert!(recs[1].2.as_deref().unwrap().contains("not closed"));
        assert_eq!(recs[1].0, [("1,\"open".to_string(), false)]);
        assert_eq!(
            (recs[2].0[1].0.as_str(), recs[3].0[1].0.as_str()),
            ("3", "5")
        );
        // A quote that closes only past the limit is cut at the end of the line where it opens.
        let input = b"1,\"ab\ncd\nef\"\n3,4\n";
        let recs = tokenize_limited(input, 8);
        assert_eq!(recs.len(), 4, "{recs:?}");
        assert!(recs[0].2.is_some());
        assert_eq!((recs[1].0[0].0.as_str(), recs[1].1), ("cd", 2));
        assert_eq!(recs[3].0[1].0, "4");
        // Within the limit it is one record, however far into the record the quote opens.
        let recs = tokenize_limited(input, 10);
        assert_eq!((recs.len(), recs[0].0[1].0.as_str()), (2, "ab\ncd\nef"));
        let recs = tokenize_limited(b"abcdefghijklmnop,\"q\"\n", 4);
        assert_eq!((recs.len(), recs[0].0[1].0.as_str()), (1, "q"));
    }

    #[test]
    fn lone_cr_line_ends_are_named_in_the_header_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mac.csv");
        std::fs::write(&path, "id,title\r1,a\r2,b\r").unwrap();
        let err = CsvReader::open(
            &Source::File(path),
            Format::Csv,
            &ReadOptions::default(),
            None,
        )
        .err()
        .expect("refused");
        assert!(err.to_string().contains("lone CR"), "{err}");
    }

    #[test]
    fn syntax_errors_are_reported_not_fatal() {
        let recs = tokenize(b"a,b\n\"open,1\n");
        assert!(recs[1].2.as_deref().unwrap().contains("not closed"));
        let recs = tokenize(b"a,b\n\"x\"y,1\n2,3\n");
        assert!(recs[1]
            .2
            .as_deref()
            .unwrap()
            .contains("after the closing quote"));
        assert_eq!(recs[2].0[0].0, "2");
    }

    #[test]
    fn records_larger_than_the_buffer_and_split_at_any_point() {
        let big = "x".repeat(3 * Tokenizer::CHUNK);
        let input = format!("a,b\n\"{big}\",1\n2,3\n");
        let c = cells(input.as_bytes());
        assert_eq!(c[1][0].len(), big.len());
        assert_eq!(c[2], vec!["2", "3"]);
        // A reader that returns one byte at a time exercises every refill point.
        struct Trickle(Vec<u8>, usize);
        impl Read for Trickle {
            fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
                if self.1 >= self.0.len() || out.is_empty() {
                    return Ok(0);
                }
                out[0] = self.0[self.1];
                self.1 += 1;
                Ok(1)
            }
        }
        let input = b"a,b\r\n\"1\"\"\r\n\",\"\"\r\n3,4".to_vec();
        let reader = std::io::BufReader::with_capacity(1, Trickle(input.clone(), 0));
        let mut tok = Tokenizer::new(Box::new(reader), b',');
        let mut rec = Fields::default();
        let mut got = Vec::new();
        while tok.next_record(&mut rec).unwrap() {
            got.push(
                (0..rec.len())
                    .map(|i| rec.field(i).to_vec())
                    .collect::<Vec<_>>(),
            );
        }
        assert_eq!(cells(&input).len(), 3);
        assert_eq!(got[1], vec![b"1\"\r\n".to_vec(), Vec::new()]);
        assert_eq!(got[2], vec![b"3".to_vec(), b"4".to_vec()]);
    }

    fn read_all(input: &str, options: ReadOptions) -> Vec<RawRecord> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("in.csv");
        std::fs::write(&p, input).unwrap();
        open(&Source::File(p), Format::Csv, &options)
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    }

    #[test]
    fn without_a_schema_cells_are_strings_or_null() {
        let recs = read_all("a,b\n1,\"\"\n,x\n", ReadOptions::default());
        assert_eq!(recs[0].value, Ok(json!({"a": "1", "b": ""})));
        assert_eq!(recs[1].value, Ok(json!({"a": null, "b": "x"})));
        assert_eq!(recs[1].location.line, Some(3));
        assert_eq!(recs[1].position, Position::Csv { row: 2 });
        assert_eq!(recs[1].bytes, b",x");
    }

    #[test]
    fn schema_types_cells_and_rejects_what_does_not_fit() {
        let schema = json!({
            "required": ["n"],
            "properties": {
                "n": {"type": "integer"},
                "ok": {"type": "boolean"},
                "when": {"type": ["string", "null"], "format": "date-time"},
                "tags": {"type": "array", "items": {"type": "string"}},
                "x": {"type": "number"}
            }
        });
        let options = ReadOptions {
            schema: Some(schema),
            null_marker: Some("\\N".into()),
            ..ReadOptions::default()
        };
        let input = "n,ok,when,tags,x\n\
                     7,TRUE,2026-03-26T02:20:00Z,\"[\"\"a\"\",\"\"b\"\"]\",1.5\n\
                     8,,\\N,[],\n\
                     nine,false,,[],2\n\
                     1,true,yesterday,[],2\n\
                     1,true,,\"{}\",2\n\
                     1,2\n";
        let recs = read_all(input, options);
        assert_eq!(
            recs[0].value,
            Ok(json!({"n": 7, "ok": true, "when": "2026-03-26T02:20:00Z",
                      "tags": ["a", "b"], "x": 1.5}))
        );
        // ok and x are optional and do not admit null: an empty cell leaves them out.
        assert_eq!(recs[1].value, Ok(json!({"n": 8, "when": null, "tags": []})));
        let err = |i: usize| recs[i].value.clone().unwrap_err();
        assert_eq!(err(2).kind, ReadErrorKind::Type);
        assert_eq!(err(2).pointer.as_deref(), Some("/n"));
        assert!(
            err(2).message.contains("expected an integer"),
            "{:?}",
            err(2)
        );
        assert_eq!(err(3).pointer.as_deref(), Some("/when"));
        assert_eq!(err(4).pointer.as_deref(), Some("/tags"));
        assert_eq!(err(5).kind, ReadErrorKind::Parse);
        assert!(err(5).message.contains("expected 5 fields"));
        assert_eq!(recs[5].location.to_string().split(':').nth(1), Some("7"));
    }

    #[test]
    fn list_separator_splits_lists() {
        let schema =
            json!({"properties": {"tags": {"type": "array", "items": {"type": "string"}}}});
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("in.csv");
        std::fs::write(&p, "tags\na; b\n\"\"\n").unwrap();
        let options = ReadOptions {
            schema: Some(schema),
            ..ReadOptions::default()
        };
        let mut r = CsvReader::open(&Source::File(p), Format::Csv, &options, Some("; ")).unwrap();
        let mut out = Vec::new();
        r.next_json(&mut out).unwrap().unwrap();
        assert_eq!(out, br#"{"tags":["a","b"]}"#);
        out.clear();
        r.next_json(&mut out).unwrap().unwrap();
        assert_eq!(out, br#"{"tags":[]}"#);
    }

    #[test]
    fn header_problems_are_input_errors() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("in.csv");
        std::fs::write(&p, "a,a\n1,2\n").unwrap();
        let err = open(&Source::File(p), Format::Csv, &ReadOptions::default())
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("appears twice"), "{err}");
    }
}
