//! JSON text -> Arrow record batches, strictly typed, with every record that does not fit
//! rejected with its location. Owns the JSON -> Arrow step of `convert` (fed by JSONL, JSON
//! arrays and CSV alike); does not own reading files (`convert::input`) or writing.
//!
//! arrow-json's tape decoder does the parsing; its builtin decoders are replaced where they
//! would coerce silently: timestamps must be RFC 3339 with an offset (arrow-json also takes
//! `2026-03-26 02:20` as UTC), dates must be `YYYY-MM-DD` (it also takes day counts and
//! date-times, dropping the time), integers and numbers must be JSON numbers (it also parses
//! numeric strings, and its tape takes number text JSON does not allow, such as `01` or `1e`),
//! integers are read exactly (`7.0` is 7, `7.5` no integer), and enum and JSON-text columns
//! need decoders it does not have. Each line must hold exactly one record. A chunk
//! that fails is searched in small groups of lines, so one bad record costs one rejection, not a
//! chunk.

use std::sync::Arc;

use arrow_array::builder::{
    Date32Builder, Float64Builder, Int64Builder, StringBuilder, StringDictionaryBuilder,
    TimestampMicrosecondBuilder,
};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_json::reader::{ArrayDecoder, DecoderContext, DecoderFactory, Tape, TapeElement};
use arrow_json::ReaderBuilder;
use arrow_schema::{ArrowError, DataType, FieldRef, SchemaRef, TimeUnit};
use serde_json::Value;

use crate::error::{Location, Result};
use crate::io::write::jsonl::write_json_str;
use crate::schema::arrow::{date_days, integer, Column, Kind, Table, JSON_TEXT_KEY};

/// A record that could not be converted, with where it came from and why.
#[derive(Debug, Clone)]
pub struct Reject {
    pub location: Location,
    /// `parse`, `encoding`, `type` or `schema`.
    pub rule: &'static str,
    pub message: String,
    /// The record as it stood in the input (CSV: its cells as a JSON object).
    pub raw: Vec<u8>,
}

/// Where the records of a chunk came from.
#[derive(Debug, Clone)]
pub struct Origin {
    pub file: Arc<str>,
    /// Line of the chunk's first line (JSONL), if lines are meaningful.
    pub first_line: Option<u64>,
    /// Index of the chunk's first record within its file.
    pub first_record: u64,
    /// Per record (line, 0-based record index), when lines are not consecutive (CSV).
    pub records: Option<Vec<(u64, u64)>>,
}

/// Newline-separated JSON objects, one record per non-blank line.
#[derive(Debug)]
pub struct Chunk {
    pub text: Vec<u8>,
    pub origin: Origin,
}

/// What decoding a chunk gave.
#[derive(Debug, Default)]
pub struct Decoded {
    pub batches: Vec<RecordBatch>,
    pub rejects: Vec<Reject>,
    /// Records in the chunk (= rows in `batches` + rejects).
    pub records: u64,
    /// A CSV block's (lines, rows): its rejects' lines and records count from the block's
    /// start and are shifted once the blocks before it are counted.
    pub relative: Option<(u64, u64)>,
}

/// Everything a worker needs to decode chunks; shared between threads.
pub struct JsonDecoder {
    schema: SchemaRef,
    table: Table,
    validator: Option<Arc<crate::schema::Schema>>,
    /// Builder sizes learnt from the CSV blocks read so far (`csv_arrow`).
    csv_sizes: Arc<crate::convert::csv_arrow::Sizes>,
}

impl JsonDecoder {
    pub fn new(
        table: Table,
        schema: SchemaRef,
        validator: Option<Arc<crate::schema::Schema>>,
    ) -> JsonDecoder {
        JsonDecoder {
            csv_sizes: Arc::new(crate::convert::csv_arrow::Sizes::new(table.columns.len())),
            schema,
            table,
            validator,
        }
    }

    pub fn schema(&self) -> &SchemaRef {
        &self.schema
    }

    /// How a CSV with this header is read straight into Arrow (`csv_arrow`), or `None` when
    /// its rows go the JSON route: with `--validate` (records are checked as JSON values) or
    /// when a column needs it.
    pub fn csv_plan(&self, header: &[String]) -> Option<crate::convert::csv_arrow::Plan> {
        if self.validator.is_some() {
            return None;
        }
        crate::convert::csv_arrow::Plan::new(
            &self.table,
            &self.schema,
            header,
            self.csv_sizes.clone(),
        )
    }

    /// Whether the schema allows no properties beyond its own.
    pub fn closed(&self) -> bool {
        self.table.closed
    }

    /// A decoder for up to `rows` rows per batch (arrow-json preallocates for that many).
    fn decoder(&self, rows: usize) -> Result<arrow_json::reader::Decoder, ArrowError> {
        ReaderBuilder::new(self.schema.clone())
            .with_batch_size(rows.clamp(1, 1 << 16))
            .with_strict_mode(self.table.closed)
            .with_decoder_factory(Arc::new(StrictFactory))
            .build_decoder()
    }

    /// Decodes a chunk; records that do not fit are rejected, the rest become batches.
    pub fn decode(&self, chunk: &Chunk) -> Result<Decoded> {
        let mut out = Decoded::default();
        let mut kept: Option<Vec<u8>> = None;
        let mut lines = Lines::new(chunk);
        if self.validator.is_none() && may_nest_deeply(&chunk.text) {
            // Only records nested too deeply are left out here; the rest decode as usual.
            let mut text = Vec::with_capacity(chunk.text.len());
            while let Some(line) = lines.next_record() {
                out.records += 1;
                if nested_too_deeply(line.bytes) {
                    out.rejects
                        .push(line.reject(&chunk.origin, "parse", None, too_deep_message()));
                } else {
                    text.extend_from_slice(line.bytes);
                    text.push(b'\n');
                }
            }
            kept = Some(text);
        } else if let Some(schema) = &self.validator {
            // Validation needs each record as a value: check them all, keep the valid ones.
            let mut text = Vec::with_capacity(chunk.text.len());
            while let Some(line) = lines.next_record() {
                out.records += 1;
                match check_schema(schema, line.bytes) {
                    Ok(()) => {
                        text.extend_from_slice(line.bytes);
                        text.push(b'\n');
                    }
                    Err((rule, pointer, message)) => {
                        out.rejects
                            .push(line.reject(&chunk.origin, rule, pointer, message))
                    }
                }
            }
            kept = Some(text);
        } else if kept.is_none() {
            out.records = count_records(&chunk.text);
        }
        let text = kept.as_deref().unwrap_or(&chunk.text);
        let rows = match &kept {
            Some(kept) => count_records(kept),
            None => out.records,
        };
        match self.decode_all(text, rows as usize) {
            Ok(batches) => out.batches = batches,
            Err(_) => self.decode_line_by_line(chunk, text, &mut out)?,
        }
        // Records left out before decoding were rejected first: back to the file's order.
        out.rejects.sort_by_key(|r| r.location.record);
        Ok(out)
    }

    /// Decodes newline-separated records, each line exactly one record (a line holding two
    /// values, or a record running over two lines, is an error: the slow path then finds it).
    fn decode_all(
        &self,
        text: &[u8],
        rows: usize,
    ) -> std::result::Result<Vec<RecordBatch>, ArrowError> {
        let batch = rows.clamp(1, 1 << 16);
        let mut decoder = self.decoder(rows)?;
        let mut batches = Vec::new();
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', text).chain(std::iter::once(text.len())) {
            let line = &text[start..end.max(start)];
            start = end + 1;
            if is_blank(line) {
                continue;
            }
            if decoder.len() >= batch {
                batches.extend(decoder.flush()?);
            }
            let before = decoder.len();
            let n = decoder.decode(line)?;
            if n != line.len() || decoder.has_partial_record() || decoder.len() != before + 1 {
                return Err(ArrowError::JsonError("not one record per line".into()));
            }
        }
        batches.extend(decoder.flush()?);
        Ok(batches)
    }

    /// The slow path, for a chunk that did not decode whole: finds the records that do not
    /// fit, in groups of `GROUP` lines. A group that decodes whole is kept; in one that does
    /// not, a record that certainly does not fit (`precheck`) is rejected without arrow-json,
    /// the others are decoded together again and, only when that fails too, one at a time (a
    /// failed arrow-json decoder must be rebuilt, about 9 µs a record: 3M rejected records
    /// took 25 s). Rejects stay in line order.
    fn decode_line_by_line(&self, chunk: &Chunk, text: &[u8], out: &mut Decoded) -> Result<()> {
        const GROUP: usize = 32;
        // `text` may be the validated subset of the chunk: locate its lines in the chunk.
        let mut good = Vec::with_capacity(text.len());
        let mut lines = Lines::new(chunk);
        let subset = !std::ptr::eq(text.as_ptr(), chunk.text.as_ptr());
        let mut wanted = text
            .split(|&b| b == b'\n')
            .filter(|l| !is_blank(l))
            .peekable();
        let mut group: Vec<(Line, Option<Diagnosis>)> = Vec::with_capacity(GROUP);
        let mut together = Vec::new();
        let mut decoder: Option<arrow_json::reader::Decoder> = None;
        loop {
            group.clear();
            while group.len() < GROUP {
                let Some(line) = lines.next_record() else {
                    break;
                };
                if subset {
                    match wanted.peek() {
                        Some(w) if *w == line.bytes => {
                            wanted.next();
                        }
                        _ => continue,
                    }
                }
                group.push((line, None));
            }
            if group.is_empty() {
                break;
            }
            let mut all_fit = self.group_fits(&group, &mut together);
            if !all_fit {
                for (line, verdict) in &mut group {
                    *verdict = precheck(&self.table, line.bytes);
                }
                all_fit = self.group_fits(&group, &mut together);
            }
            for (line, verdict) in group.drain(..) {
                let verdict = match verdict {
                    Some(v) => Some(v),
                    None if all_fit => None,
                    None => self.decode_one(&mut decoder, line.bytes)?,
                };
                match verdict {
                    None => {
                        good.extend_from_slice(line.bytes);
                        good.push(b'\n');
                    }
                    Some((rule, pointer, message)) => {
                        out.rejects
                            .push(line.reject(&chunk.origin, rule, pointer, message))
                    }
                }
            }
        }
        let rows = count_records(&good) as usize;
        out.batches = self.decode_all(&good, rows).map_err(arrow_err)?;
        Ok(())
    }

    /// Whether the group's records not yet rejected decode together (`scratch` holds them).
    fn group_fits(&self, group: &[(Line, Option<Diagnosis>)], scratch: &mut Vec<u8>) -> bool {
        scratch.clear();
        let mut rows = 0;
        for (line, _) in group.iter().filter(|(_, v)| v.is_none()) {
            scratch.extend_from_slice(line.bytes);
            scratch.push(b'\n');
            rows += 1;
        }
        rows == 0 || self.decode_all(scratch, rows).is_ok()
    }

    /// Decodes one record alone: `None` when it fits, else why not. `decoder` is kept between
    /// records that fit and rebuilt after one that does not (arrow-json keeps its rows).
    fn decode_one(
        &self,
        decoder: &mut Option<arrow_json::reader::Decoder>,
        line: &[u8],
    ) -> Result<Option<Diagnosis>> {
        let d = match decoder {
            Some(d) => d,
            None => decoder.insert(self.decoder(1).map_err(arrow_err)?),
        };
        let result = d.decode(line).and_then(|n| {
            if !is_blank(&line[n..]) {
                // A second value on the line (the decoder stops after one row).
                Err(ArrowError::JsonError(
                    "more than one value on the line".into(),
                ))
            } else if d.has_partial_record() {
                Err(ArrowError::JsonError("incomplete record".into()))
            } else {
                d.flush()
            }
        });
        Ok(match result {
            Ok(_) => None,
            Err(e) => {
                *decoder = None;
                Some(diagnose(&self.table, line, &e))
            }
        })
    }
}

fn arrow_err(e: ArrowError) -> crate::Error {
    crate::Error::Usage(format!("internal: json decoder: {e}"))
}

/// How deeply a record may nest. arrow-json renders a value that does not fit its column into
/// the error message recursively, so a value nested a hundred thousand levels deep would
/// overflow a worker's stack; serde_json (validation, diagnosis) stops at 128 levels too.
const MAX_DEPTH: usize = 128;

fn too_deep_message() -> String {
    format!("not a record copydesk can read: nested more than {MAX_DEPTH} levels deep")
}

/// Whether some line of `text` might nest more than `MAX_DEPTH` levels: only a line with more
/// opening brackets than that can (articles have a handful), so one pass of `memchr2` over the
/// chunk rules out almost every chunk.
fn may_nest_deeply(text: &[u8]) -> bool {
    let mut in_line = 0;
    for i in memchr::memchr3_iter(b'[', b'{', b'\n', text) {
        if text[i] == b'\n' {
            in_line = 0;
        } else {
            in_line += 1;
            if in_line > MAX_DEPTH {
                return true;
            }
        }
    }
    false
}

/// Whether a JSON text nests more than `MAX_DEPTH` levels (brackets inside strings ignored).
fn nested_too_deeply(line: &[u8]) -> bool {
    let mut depth = 0usize;
    let mut i = 0;
    while i < line.len() {
        match line[i] {
            b'"' => {
                // Skip the string: to its closing quote, past escaped characters.
                i += 1;
                loop {
                    let Some(j) = line.get(i..).and_then(|r| memchr::memchr2(b'"', b'\\', r))
                    else {
                        return false; // an unclosed string: the decoder rejects the record
                    };
                    i += j;
                    if line[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    break;
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    false
}

pub fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| b.is_ascii_whitespace())
}

/// The non-blank lines of `text`: its records.
pub fn count_records(text: &[u8]) -> u64 {
    let mut n = 0;
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text).chain(std::iter::once(text.len())) {
        if end > start && !is_blank(&text[start..end]) {
            n += 1;
        }
        start = end + 1;
    }
    n
}

/// The non-blank lines of a chunk with their locations.
struct Lines<'a> {
    chunk: &'a Chunk,
    pos: usize,
    line_offset: u64,
    record: u64,
}

struct Line<'a> {
    bytes: &'a [u8],
    line_offset: u64,
    record: u64,
}

impl<'a> Lines<'a> {
    fn new(chunk: &'a Chunk) -> Lines<'a> {
        Lines {
            chunk,
            pos: 0,
            line_offset: 0,
            record: 0,
        }
    }

    fn next_record(&mut self) -> Option<Line<'a>> {
        let text = &self.chunk.text;
        while self.pos < text.len() {
            let end = memchr::memchr(b'\n', &text[self.pos..])
                .map(|i| self.pos + i)
                .unwrap_or(text.len());
            let mut bytes = &text[self.pos..end];
            if bytes.last() == Some(&b'\r') {
                bytes = &bytes[..bytes.len() - 1];
            }
            self.pos = end + 1;
            let line_offset = self.line_offset;
            self.line_offset += 1;
            if is_blank(bytes) {
                continue;
            }
            let record = self.record;
            self.record += 1;
            return Some(Line {
                bytes,
                line_offset,
                record,
            });
        }
        None
    }
}

impl Line<'_> {
    fn reject(
        &self,
        origin: &Origin,
        rule: &'static str,
        pointer: Option<String>,
        message: String,
    ) -> Reject {
        let mut location = Location::file(origin.file.as_ref());
        match &origin.records {
            Some(records) => {
                if let Some((line, record)) = records.get(self.record as usize) {
                    location = location.with_line(*line).with_record(*record);
                }
            }
            None => {
                if let Some(first) = origin.first_line {
                    location = location.with_line(first + self.line_offset);
                }
                location = location.with_record(origin.first_record + self.record);
            }
        }
        if let Some(p) = pointer {
            location = location.with_pointer(p);
        }
        Reject {
            location,
            rule,
            message,
            raw: self.bytes.to_vec(),
        }
    }
}

type Diagnosis = (&'static str, Option<String>, String);

fn check_schema(schema: &crate::schema::Schema, line: &[u8]) -> std::result::Result<(), Diagnosis> {
    let value: Value = parse_record(line)?;
    let first = schema
        .validator
        .iter_errors(&value)
        .next()
        .map(|e| (e.instance_path().to_string(), e.to_string()));
    match first {
        None => Ok(()),
        Some((pointer, message)) => Err(("schema", Some(pointer), message)),
    }
}

fn parse_record(line: &[u8]) -> std::result::Result<Value, Diagnosis> {
    if let Err(e) = std::str::from_utf8(line) {
        return Err((
            "encoding",
            None,
            format!(
                "not valid UTF-8 (invalid byte at offset {})",
                e.valid_up_to()
            ),
        ));
    }
    match serde_json::from_slice::<Value>(line) {
        Err(e) => Err(("parse", None, format!("not valid JSON: {e}"))),
        Ok(v @ Value::Object(_)) => Ok(v),
        Ok(other) => Err((
            "parse",
            None,
            format!("expected a JSON object, found {}", type_name(&other)),
        )),
    }
}

/// Why a record did not decode: found again with serde_json and the column types, so the
/// message names the field; arrow's own message is the fallback.
fn diagnose(table: &Table, line: &[u8], arrow: &ArrowError) -> Diagnosis {
    let value = match parse_record(line) {
        Ok(v) => v,
        Err(d) => return d,
    };
    let Value::Object(map) = &value else {
        return ("parse", None, "expected a JSON object".into());
    };
    if let Some(d) = check_object(table, map) {
        return d;
    }
    // arrow-json's own words, with the field it names ("whilst decoding field 'a': whilst
    // decoding field 'b': ...") made a pointer.
    let message = arrow.to_string();
    let mut rest = message.strip_prefix("Json error: ").unwrap_or(&message);
    let mut pointer = String::new();
    while let Some(after) = rest.strip_prefix("whilst decoding field '") {
        let Some((field, tail)) = after.split_once("': ") else {
            break;
        };
        pointer = pointer_for(&pointer, field);
        rest = tail;
    }
    (
        "type",
        (!pointer.is_empty()).then_some(pointer),
        rest.to_string(),
    )
}

/// Why a record certainly does not decode, found without arrow-json; `None` when it may
/// (then arrow-json decides). Only what arrow-json and the strict decoders here surely refuse
/// counts: a JSON object with a field of the wrong type, a missing required field or (closed
/// schemas) an unknown one, or a JSON value that is not an object. Text serde_json cannot
/// read is left to arrow-json, whose reading of escapes and numbers is not serde_json's.
fn precheck(table: &Table, line: &[u8]) -> Option<Diagnosis> {
    match serde_json::from_slice::<Value>(line).ok()? {
        Value::Object(map) => check_object(table, &map),
        Value::Null => None,
        other => Some((
            "parse",
            None,
            format!("expected a JSON object, found {}", type_name(&other)),
        )),
    }
}

/// The first field of a record that does not fit its column.
fn check_object(table: &Table, map: &serde_json::Map<String, Value>) -> Option<Diagnosis> {
    if table.closed {
        if let Some(k) = map.keys().find(|k| table.index_of(k).is_none()) {
            return Some((
                "type",
                Some(pointer_for("", k)),
                format!("unknown field {k:?} (the schema allows no other properties)"),
            ));
        }
    }
    for column in &table.columns {
        let ptr = pointer_for("", &column.name);
        match map.get(&column.name) {
            None if column.required && !column.null_allowed => {
                return Some(("type", Some(ptr), "required field is missing".into()))
            }
            None => {}
            Some(v) => {
                if let Some((p, m)) = check_value(v, column, &ptr, true) {
                    return Some(("type", Some(p), m));
                }
            }
        }
    }
    None
}

fn pointer_for(base: &str, key: &str) -> String {
    format!("{base}/{}", key.replace('~', "~0").replace('/', "~1"))
}

/// Whether `v` fits `column`; `(pointer, message)` where it does not.
fn check_value(v: &Value, column: &Column, ptr: &str, top: bool) -> Option<(String, String)> {
    let nullable = if top {
        column.nullable()
    } else {
        column.null_allowed
    };
    if v.is_null() {
        return (!nullable).then(|| {
            (
                ptr.to_string(),
                format!("expected {}, found null", expected(&column.kind)),
            )
        });
    }
    let bad = || {
        Some((
            ptr.to_string(),
            format!("expected {}, found {}", expected(&column.kind), preview(v)),
        ))
    };
    match &column.kind {
        Kind::String | Kind::Enum(_) => (!v.is_string()).then(bad).flatten(),
        Kind::Timestamp => match v.as_str() {
            Some(s) if s.parse::<jiff::Timestamp>().is_ok() => None,
            _ => bad(),
        },
        Kind::Date => match v.as_str() {
            Some(s) if date_days(s).is_some() => None,
            _ => bad(),
        },
        // Only what is surely no Int64: serde_json reads `9007199254740993.0` and `1e18` as
        // floats, which the decoder, reading the text exactly, takes.
        Kind::Integer => match v.as_f64() {
            _ if v.is_i64() => None,
            Some(f) if f.fract() == 0.0 && f.abs() < 9.3e18 => None,
            _ => bad(),
        },
        Kind::Number => (!v.is_number()).then(bad).flatten(),
        Kind::Boolean => (!v.is_boolean()).then(bad).flatten(),
        Kind::Json => None,
        Kind::List(item) => match v.as_array() {
            None => bad(),
            Some(items) => items
                .iter()
                .enumerate()
                .find_map(|(i, x)| check_value(x, item, &format!("{ptr}/{i}"), false)),
        },
        Kind::Struct(cols) => match v.as_object() {
            None => bad(),
            Some(map) => cols.iter().find_map(|c| {
                let p = pointer_for(ptr, &c.name);
                match map.get(&c.name) {
                    None if c.required && !c.null_allowed => {
                        Some((p, "required field is missing".into()))
                    }
                    None => None,
                    Some(x) => check_value(x, c, &p, true),
                }
            }),
        },
    }
}

fn expected(kind: &Kind) -> &'static str {
    match kind {
        Kind::String | Kind::Enum(_) => "a string",
        Kind::Timestamp => "an RFC 3339 date-time string such as \"2026-03-26T02:20:00Z\"",
        Kind::Date => "a date string YYYY-MM-DD",
        Kind::Integer => "an integer",
        Kind::Number => "a number",
        Kind::Boolean => "true or false",
        Kind::List(_) => "an array",
        Kind::Struct(_) => "an object",
        Kind::Json => "a JSON value",
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn preview(v: &Value) -> String {
    let text = v.to_string();
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}...", &text[..i]),
        None => text,
    }
}

/// Replaces arrow-json decoders that would coerce silently (see the module docs).
#[derive(Debug)]
struct StrictFactory;

impl DecoderFactory for StrictFactory {
    fn make_default_decoder(
        &self,
        _ctx: &DecoderContext,
        field: &FieldRef,
        _is_nullable: bool,
    ) -> std::result::Result<Option<Box<dyn ArrayDecoder>>, ArrowError> {
        Ok(match field.data_type() {
            DataType::Timestamp(TimeUnit::Microsecond, Some(tz)) if tz.as_ref() == "UTC" => {
                Some(Box::new(TimestampDecoder))
            }
            DataType::Date32 => Some(Box::new(DateDecoder)),
            DataType::Int64 => Some(Box::new(Int64Decoder)),
            DataType::Float64 => Some(Box::new(Float64Decoder)),
            DataType::Dictionary(k, v) if **k == DataType::Int32 && **v == DataType::Utf8 => {
                Some(Box::new(DictDecoder))
            }
            DataType::Utf8 if field.metadata().contains_key(JSON_TEXT_KEY) => {
                Some(Box::new(JsonTextDecoder))
            }
            _ => None,
        })
    }
}

fn mismatch(tape: &Tape<'_>, idx: u32, expected: &str) -> ArrowError {
    let mut found = Vec::new();
    write_tape(tape, idx, &mut found);
    let found = String::from_utf8_lossy(&found);
    ArrowError::JsonError(format!("expected {expected}, found {found}"))
}

/// An instant in whole microseconds, rounded down (toward the past): jiff's `as_microsecond`
/// truncates toward 1970, which moved `1969-12-31T23:59:59.9999995Z` to 1970.
pub(crate) fn micros(ts: jiff::Timestamp) -> i64 {
    let micros = ts.as_nanosecond().div_euclid(1000);
    i64::try_from(micros).unwrap_or(if micros < 0 { i64::MIN } else { i64::MAX })
}

struct TimestampDecoder;

impl ArrayDecoder for TimestampDecoder {
    fn decode(
        &mut self,
        tape: &Tape<'_>,
        pos: &[u32],
    ) -> std::result::Result<ArrayRef, ArrowError> {
        let mut b = TimestampMicrosecondBuilder::with_capacity(pos.len()).with_timezone("UTC");
        for &p in pos {
            match tape.get(p) {
                TapeElement::Null => b.append_null(),
                TapeElement::String(idx) => {
                    let s = tape.get_string(idx);
                    let ts: jiff::Timestamp = s
                        .parse()
                        .map_err(|_| mismatch(tape, p, "an RFC 3339 date-time"))?;
                    b.append_value(micros(ts));
                }
                _ => return Err(mismatch(tape, p, "an RFC 3339 date-time")),
            }
        }
        Ok(Arc::new(b.finish()))
    }
}

struct DateDecoder;

impl ArrayDecoder for DateDecoder {
    fn decode(
        &mut self,
        tape: &Tape<'_>,
        pos: &[u32],
    ) -> std::result::Result<ArrayRef, ArrowError> {
        let mut b = Date32Builder::with_capacity(pos.len());
        for &p in pos {
            match tape.get(p) {
                TapeElement::Null => b.append_null(),
                TapeElement::String(idx) => {
                    let d = date_days(tape.get_string(idx))
                        .ok_or_else(|| mismatch(tape, p, "a date string YYYY-MM-DD"))?;
                    b.append_value(d);
                }
                _ => return Err(mismatch(tape, p, "a date string YYYY-MM-DD")),
            }
        }
        Ok(Arc::new(b.finish()))
    }
}

struct Int64Decoder;

impl ArrayDecoder for Int64Decoder {
    fn decode(
        &mut self,
        tape: &Tape<'_>,
        pos: &[u32],
    ) -> std::result::Result<ArrayRef, ArrowError> {
        let mut b = Int64Builder::with_capacity(pos.len());
        for &p in pos {
            match tape.get(p) {
                TapeElement::Null => b.append_null(),
                TapeElement::Number(idx) => {
                    let text = tape.get_string(idx);
                    let n = integer(text)
                        .filter(|_| is_json_number(text))
                        .ok_or_else(|| mismatch(tape, p, "an integer"))?;
                    b.append_value(n);
                }
                TapeElement::I32(n) => b.append_value(n as i64),
                TapeElement::I64(high) => match tape.get(p + 1) {
                    TapeElement::I32(low) => {
                        b.append_value(((high as i64) << 32) | (low as u32) as i64)
                    }
                    _ => return Err(mismatch(tape, p, "an integer")),
                },
                _ => return Err(mismatch(tape, p, "an integer")),
            }
        }
        Ok(Arc::new(b.finish()))
    }
}

struct Float64Decoder;

impl ArrayDecoder for Float64Decoder {
    fn decode(
        &mut self,
        tape: &Tape<'_>,
        pos: &[u32],
    ) -> std::result::Result<ArrayRef, ArrowError> {
        let mut b = Float64Builder::with_capacity(pos.len());
        for &p in pos {
            match tape.get(p) {
                TapeElement::Null => b.append_null(),
                TapeElement::Number(idx) => {
                    // `1e400` parses as infinity: out of range, as serde_json says too.
                    let text = tape.get_string(idx);
                    let n = text
                        .parse()
                        .ok()
                        .filter(|n: &f64| n.is_finite() && is_json_number(text))
                        .ok_or_else(|| mismatch(tape, p, "a number in range"))?;
                    b.append_value(n);
                }
                TapeElement::I32(n) => b.append_value(n as f64),
                TapeElement::F32(n) => b.append_value(f32::from_bits(n) as f64),
                TapeElement::I64(high) => match tape.get(p + 1) {
                    TapeElement::I32(low) => {
                        b.append_value((((high as i64) << 32) | (low as u32) as i64) as f64)
                    }
                    _ => return Err(mismatch(tape, p, "a number")),
                },
                TapeElement::F64(high) => match tape.get(p + 1) {
                    TapeElement::F32(low) => {
                        b.append_value(f64::from_bits(((high as u64) << 32) | low as u64))
                    }
                    _ => return Err(mismatch(tape, p, "a number")),
                },
                _ => return Err(mismatch(tape, p, "a number")),
            }
        }
        Ok(Arc::new(b.finish()))
    }
}

struct DictDecoder;

impl ArrayDecoder for DictDecoder {
    fn decode(
        &mut self,
        tape: &Tape<'_>,
        pos: &[u32],
    ) -> std::result::Result<ArrayRef, ArrowError> {
        let mut b = StringDictionaryBuilder::<Int32Type>::new();
        for &p in pos {
            match tape.get(p) {
                TapeElement::Null => b.append_null(),
                TapeElement::String(idx) => {
                    b.append(tape.get_string(idx))?;
                }
                _ => return Err(mismatch(tape, p, "a string")),
            }
        }
        Ok(Arc::new(b.finish()))
    }
}

struct JsonTextDecoder;

impl ArrayDecoder for JsonTextDecoder {
    fn decode(
        &mut self,
        tape: &Tape<'_>,
        pos: &[u32],
    ) -> std::result::Result<ArrayRef, ArrowError> {
        let mut b = StringBuilder::with_capacity(pos.len(), pos.len() * 16);
        let mut text = Vec::new();
        for &p in pos {
            match tape.get(p) {
                TapeElement::Null => b.append_null(),
                _ => {
                    if !numbers_are_json(tape, p) {
                        return Err(mismatch(tape, p, "a JSON value (a number is not JSON)"));
                    }
                    text.clear();
                    write_tape(tape, p, &mut text);
                    b.append_value(String::from_utf8_lossy(&text));
                }
            }
        }
        Ok(Arc::new(b.finish()))
    }
}

/// Whether `text` is a number as JSON writes one. arrow-json's tape takes any run of number
/// characters (`01`, `-`, `1e`, `1.2.3`), which must not reach a number column's value or a
/// JSON-text column's output.
fn is_json_number(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    match digits(&mut i) {
        0 => return false,
        n if n > 1 && b[i - n] == b'0' => return false,
        _ => {}
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Whether every number in the value at tape index `idx` is JSON.
fn numbers_are_json(tape: &Tape<'_>, idx: u32) -> bool {
    let end = match tape.get(idx) {
        TapeElement::StartObject(end) | TapeElement::StartList(end) => end,
        _ => idx,
    };
    (idx..=end).all(|i| match tape.get(i) {
        TapeElement::Number(n) => is_json_number(tape.get_string(n)),
        _ => true,
    })
}

/// Writes the JSON value at tape index `idx` as compact JSON text; returns the next index.
fn write_tape(tape: &Tape<'_>, idx: u32, out: &mut Vec<u8>) -> u32 {
    match tape.get(idx) {
        TapeElement::StartObject(end) => {
            out.push(b'{');
            let mut cur = idx + 1;
            let mut first = true;
            while cur < end {
                if !first {
                    out.push(b',');
                }
                first = false;
                cur = write_tape(tape, cur, out);
                out.push(b':');
                cur = write_tape(tape, cur, out);
            }
            out.push(b'}');
            end + 1
        }
        TapeElement::StartList(end) => {
            out.push(b'[');
            let mut cur = idx + 1;
            let mut first = true;
            while cur < end {
                if !first {
                    out.push(b',');
                }
                first = false;
                cur = write_tape(tape, cur, out);
            }
            out.push(b']');
            end + 1
        }
        TapeElement::EndObject(_) | TapeElement::EndList(_) => idx + 1,
        TapeElement::String(s) => {
            write_json_str(out, tape.get_string(s));
            idx + 1
        }
        TapeElement::Number(n) => {
            out.extend_from_slice(tape.get_string(n).as_bytes());
            idx + 1
        }
        TapeElement::True => {
            out.extend_from_slice(b"true");
            idx + 1
        }
        TapeElement::False => {
            out.extend_from_slice(b"false");
            idx + 1
        }
        TapeElement::Null => {
            out.extend_from_slice(b"null");
            idx + 1
        }
        TapeElement::I32(n) => {
            out.extend_from_slice(n.to_string().as_bytes());
            idx + 1
        }
        TapeElement::F32(n) => {
            out.extend_from_slice(f32::from_bits(n).to_string().as_bytes());
            idx + 1
        }
        TapeElement::I64(high) => {
            if let TapeElement::I32(low) = tape.get(idx + 1) {
                let v = ((high as i64) << 32) | (low as u32) as i64;
                out.extend_from_slice(v.to_string().as_bytes());
            }
            idx + 2
        }
        TapeElement::F64(high) => {
            if let TapeElement::F32(low) = tape.get(idx + 1) {
                let v = f64::from_bits(((high as u64) << 32) | low as u64);
                out.extend_from_slice(v.to_string().as_bytes());
            }
            idx + 2
        }
        // TapeElement is non-exhaustive: a new kind of element is written as null.
        #[allow(unreachable_patterns)]
        _ => {
            out.extend_from_slice(b"null");
            idx + 1
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;

    use crate::convert::input::tests::rows;

    /// `convert::input`'s test schema (every scalar kind, a list), plus a struct, open or not.
    fn decoder(closed: bool) -> JsonDecoder {
        let mut schema = crate::convert::input::tests::schema();
        schema["additionalProperties"] = json!(!closed);
        schema["properties"]["meta"] = json!({
            "type": "object", "required": ["k"], "properties": {"k": {"type": "integer"}}
        });
        let table = Table::from_json_schema(&schema).unwrap();
        let arrow = Arc::new(table.arrow_schema());
        JsonDecoder::new(table, arrow, None)
    }

    fn chunk(lines: &[String]) -> Chunk {
        Chunk {
            text: lines.join("\n").into_bytes(),
            origin: Origin {
                file: "in.jsonl".into(),
                first_line: Some(1),
                first_record: 0,
                records: None,
            },
        }
    }

    fn rejects(d: &Decoded) -> Vec<(String, &'static str, String)> {
        d.rejects
            .iter()
            .map(|r| (r.location.to_string(), r.rule, r.message.clone()))
            .collect()
    }

    #[test]
    fn dates_are_read_only_as_yyyy_mm_dd() {
        let d = decoder(false);
        let lines: Vec<String> = [
            r#"{"id":"a","n":1,"day":"2024-01-02"}"#,
            r#"{"id":"b","n":2,"day":19000}"#,
            r#"{"id":"c","n":3,"day":"2024-1-2"}"#,
            r#"{"id":"d","n":4,"day":"2024-01-02T10:00:00"}"#,
        ]
        .map(String::from)
        .to_vec();
        let out = d.decode(&chunk(&lines)).unwrap();
        assert_eq!(out.records, 4);
        assert_eq!(rows(&out).len(), 1);
        let pointers: Vec<_> = out.rejects.iter().map(|r| r.location.to_string()).collect();
        assert_eq!(
            pointers,
            [
                "in.jsonl:2: record 1: /day",
                "in.jsonl:3: record 2: /day",
                "in.jsonl:4: record 3: /day"
            ]
        );
    }

    #[test]
    fn numbers_are_kept_exactly_or_rejected() {
        let d = decoder(false);
        let lines: Vec<String> = [
            // JSON Schema counts 7.0 and 1e2 integers; they fit Int64 exactly.
            r#"{"id":"a","n":7.0}"#,
            r#"{"id":"b","n":1e2,"x":-0}"#,
            // Read exactly, not through a float (which holds 9007199254740992).
            r#"{"id":"f","n":9007199254740993.0}"#,
            // Not JSON numbers (arrow-json's tape takes them).
            r#"{"id":"g","n":01}"#,
            r#"{"id":"h","n":1,"x":5.}"#,
            // Beyond Int64.
            r#"{"id":"c","n":1e19}"#,
            r#"{"id":"d","n":7.5}"#,
            // Out of range: it was stored as infinity, then written as null.
            r#"{"id":"e","n":1,"x":1e400}"#,
        ]
        .map(String::from)
        .to_vec();
        let out = d.decode(&chunk(&lines)).unwrap();
        let kept = rows(&out);
        let n: Vec<_> = kept.iter().map(|r| r["n"].clone()).collect();
        assert_eq!(n, [json!(7), json!(100), json!(9007199254740993i64)]);
        let why: Vec<_> = out
            .rejects
            .iter()
            .map(|r| (r.location.to_string(), r.message.as_str()))
            .collect();
        let at: Vec<_> = why.iter().map(|w| w.0.as_str()).collect();
        assert_eq!(
            at,
            [
                "in.jsonl:4: record 3",
                "in.jsonl:5: record 4",
                "in.jsonl:6: record 5: /n",
                "in.jsonl:7: record 6: /n",
                "in.jsonl:8: record 7"
            ]
        );
        assert!(why[4].1.contains("number out of range"), "{why:?}");
        // serde_json reads 4.0000000000000001 as 4.0; arrow-json's refusal names the field.
        let lines = [r#"{"id":"a","n":4.0000000000000001}"#.to_string()];
        let out = d.decode(&chunk(&lines)).unwrap();
        assert_eq!(
            out.rejects[0].location.to_string(),
            "in.jsonl:1: record 0: /n"
        );
        assert_eq!(
            out.rejects[0].message,
            "expected an integer, found 4.0000000000000001"
        );
    }

    #[test]
    fn a_line_with_two_values_is_one_rejected_record() {
        let d = decoder(false);
        let lines = [
            r#"{"id":"a","n":1} {"id":"b","n":2}"#.to_string(),
            r#"{"id":"c","n":3}"#.to_string(),
        ];
        let out = d.decode(&chunk(&lines)).unwrap();
        assert_eq!(out.records, 2);
        let kept = rows(&out);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0]["id"], "c");
        assert_eq!(out.rejects.len(), 1);
        assert!(out.rejects[0].message.contains("trailing characters"));
    }

    /// Field values: fitting some column, or not.
    const VALUES: &[&str] = &[
        r#""s""#,
        r#""news""#,
        r#""2026-03-26T02:20:00Z""#,
        r#""2026-03-26""#,
        r#""2026-03-26 02:20""#,
        "12",
        "-0",
        "1.5",
        "1e400",
        "12345678901234567890",
        "true",
        "null",
        r#"["a","b"]"#,
        r#"["a",null]"#,
        "[]",
        r#"{"k":1}"#,
        r#"{"k":"1"}"#,
        "{}",
        r#""\ud800""#,
        r#""a\u0000b""#,
    ];

    const KEYS: &[&str] = &[
        "id", "kind", "at", "day", "n", "x", "ok", "tags", "meta", "other",
    ];

    /// Values that fit each key of `KEYS` (the last, `other`, is unknown to the schema).
    const FITTING: &[&[&str]] = &[
        &[r#""s""#, r#""""#],
        &[r#""news""#, "null"],
        &[
            r#""2026-03-26T02:20:00Z""#,
            "null",
            r#""2026-03-26T02:20:00.5+05:30""#,
        ],
        &[r#""2026-03-26""#, "null"],
        &["12", "-0", "0"],
        &["1.5", "12", "null", "-0", "1e300"],
        &["true", "false", "null"],
        &[r#"["a","b"]"#, "[]", "null"],
        &[r#"{"k":1}"#, "null", r#"{"k":2,"z":1}"#],
        &["1", r#""o""#],
    ];

    /// A JSONL line: mostly a record whose fields fit but for a few, sometimes no object.
    fn line() -> impl Strategy<Value = String> {
        let field =
            (0..KEYS.len(), any::<prop::sample::Index>(), 0u8..8).prop_map(|(k, pick, odd)| {
                let value = if odd == 0 {
                    VALUES[pick.index(VALUES.len())]
                } else {
                    FITTING[k][pick.index(FITTING[k].len())]
                };
                format!("\"{}\":{value}", KEYS[k])
            });
        let object = (prop::collection::vec(field, 0..8), 0u8..8).prop_map(|(fields, base)| {
            let mut body = Vec::new();
            // Most records have their required fields.
            if base > 0 {
                body.push(r#""id":"a""#.to_string());
            }
            if base > 1 {
                body.push(r#""n":1"#.to_string());
            }
            body.extend(fields);
            format!("{{{}}}", body.join(","))
        });
        prop_oneof![
            12 => object,
            1 => prop::sample::select(vec![
                "[1]", "\"x\"", "7", "null", "x", "{\"id\":", "{\"id\":\"a\",\"n\":1} 2",
                "{\"id\":\"a\",\"n\":1,}", "{'id':'a'}", "\u{feff}{\"id\":\"a\",\"n\":1}", "",
            ])
            .prop_map(String::from),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// The slow path (groups, `precheck`) keeps and rejects exactly the records that
        /// arrow-json, asked one record at a time, keeps and rejects, with the same reasons.
        #[test]
        fn the_slow_path_judges_each_record_as_arrow_json_alone(
            lines in prop::collection::vec(line(), 1..80),
            closed in any::<bool>(),
        ) {
            let d = decoder(closed);
            let out = d.decode(&chunk(&lines)).unwrap();
            let mut expected = Decoded::default();
            let mut good = Vec::new();
            for (i, l) in lines.iter().enumerate() {
                if is_blank(l.as_bytes()) {
                    continue;
                }
                expected.records += 1;
                let mut one = None;
                match d.decode_one(&mut one, l.as_bytes()).unwrap() {
                    None => good.push(l.clone()),
                    Some((rule, pointer, message)) => {
                        let mut location = Location::file("in.jsonl")
                            .with_line(i as u64 + 1)
                            .with_record(expected.records - 1);
                        if let Some(p) = pointer {
                            location = location.with_pointer(p);
                        }
                        expected.rejects.push(Reject { location, rule, message, raw: Vec::new() });
                    }
                }
            }
            if !good.is_empty() {
                expected.batches = d.decode(&chunk(&good)).unwrap().batches;
            }
            prop_assert_eq!(out.records, expected.records);
            prop_assert_eq!(rejects(&out), rejects(&expected));
            prop_assert_eq!(rows(&out), rows(&expected));
        }
    }
}
