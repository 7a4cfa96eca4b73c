//! Reads JSON Lines (NDJSON): one JSON value per line. Owns splitting the byte stream into lines
//! (and, for fast consumers, into large chunks that end at a line break) and turning one line
//! into a value or a located `ReadError`. Does not own what a valid record is (`validate`).
//!
//! Blank lines (only spaces, tabs or a `\r`) are skipped: they are not records, but they still
//! count for line numbers. A UTF-8 byte order mark at the start of the input is ignored.

use std::io::{self, BufRead, Read};

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::{Position, RawRecord, ReadError, ReadErrorKind, ReadOptions, Records};
use crate::error::{Error, Location, Result};
use crate::io::Source;

/// Default size of the chunks `LineChunks` hands out.
pub const CHUNK_SIZE: usize = 1 << 20;

pub fn open(source: &Source, _options: &ReadOptions) -> Result<Records> {
    let reader = source.open()?;
    Ok(Box::new(LineRecords {
        name: source.display_name(),
        chunks: LineChunks::new(reader, 256 * 1024),
        buf: Vec::new(),
        pos: 0,
        line: 0,
        record: 0,
        failed: false,
    }))
}

/// The record iterator over a JSONL input: one chunk at a time, one line at a time.
struct LineRecords {
    name: String,
    chunks: LineChunks<Box<dyn BufRead + Send>>,
    buf: Vec<u8>,
    pos: usize,
    /// Lines consumed so far (so the next line is `line + 1`).
    line: u64,
    record: u64,
    failed: bool,
}

impl Iterator for LineRecords {
    type Item = Result<RawRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.failed {
                return None;
            }
            if self.pos >= self.buf.len() {
                match self.chunks.next_into(&mut self.buf) {
                    Ok(true) => self.pos = 0,
                    Ok(false) => return None,
                    Err(e) => {
                        self.failed = true;
                        return Some(Err(Error::io(&self.name, e)));
                    }
                }
            }
            let rest = &self.buf[self.pos..];
            let (line, advance) = match memchr::memchr(b'\n', rest) {
                Some(i) => (&rest[..i], i + 1),
                None => (rest, rest.len()),
            };
            self.pos += advance;
            self.line += 1;
            let line = strip_line(line, self.line == 1);
            if is_blank(line) {
                continue;
            }
            let location = Location::file(self.name.clone())
                .with_line(self.line)
                .with_record(self.record);
            self.record += 1;
            return Some(Ok(RawRecord {
                location,
                position: Position::None,
                bytes: line.to_vec(),
                value: parse_line(line),
            }));
        }
    }
}

/// Strips the line's `\r` (CRLF input) and, on the first line, a UTF-8 byte order mark.
pub fn strip_line(line: &[u8], first: bool) -> &[u8] {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if first {
        line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line)
    } else {
        line
    }
}

/// Whether a line holds nothing but spaces and tabs (not a record).
pub fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r'))
}

/// Parses one line into a JSON value, or says exactly where and why it is not one.
/// Columns are 1-based and count characters, not bytes.
pub fn parse_line(line: &[u8]) -> std::result::Result<Value, ReadError> {
    match value_from_slice(line) {
        Ok(v) => Ok(v),
        Err(e) => Err(describe_parse_error(line, &e)),
    }
}

/// `serde_json::from_slice::<Value>`, but a top-level object starts with room for a record's
/// fields: growing the (insertion-ordered, hashed) map field by field costs several rehashes
/// per record, a measurable share of validation time.
///
/// The bytes are checked as UTF-8 once, with SIMD, and then parsed as `str`: serde_json would
/// otherwise check every string on its own, more slowly.
pub fn value_from_slice(bytes: &[u8]) -> serde_json::Result<Value> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => {
            let mut de = serde_json::Deserializer::from_str(text);
            let value = ValueSeed { top: true }.deserialize(&mut de)?;
            de.end()?;
            Ok(value)
        }
        Err(_) => {
            let mut de = serde_json::Deserializer::from_slice(bytes);
            let value = ValueSeed { top: true }.deserialize(&mut de)?;
            de.end()?;
            Ok(value)
        }
    }
}

/// Builds a `Value` exactly as serde_json does, pre-sizing the top-level object.
struct ValueSeed {
    top: bool,
}

/// Fields an Article record has; the top-level map starts with room for them.
const RECORD_FIELDS: usize = 24;

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> std::result::Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> std::result::Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> std::result::Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> std::result::Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> std::result::Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> std::result::Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Value, D::Error> {
        d.deserialize_any(ValueSeed { top: false })
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element_seed(ValueSeed { top: false })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Value, A::Error> {
        let mut out = serde_json::Map::with_capacity(if self.top { RECORD_FIELDS } else { 0 });
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(ValueSeed { top: false })?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

/// Turns a serde_json error on `text` (parsed as one document starting at line 1) into a
/// `ReadError`; invalid UTF-8 anywhere in the text is reported as an encoding error instead.
pub fn describe_parse_error(text: &[u8], e: &serde_json::Error) -> ReadError {
    if let Err(u) = std::str::from_utf8(text) {
        let at = u.valid_up_to();
        let line_start = memchr::memrchr(b'\n', &text[..at]).map_or(0, |i| i + 1);
        let column = char_count(&text[line_start..at]) + 1;
        return ReadError {
            kind: ReadErrorKind::Encoding,
            column: Some(column),
            pointer: None,
            message: format!(
                "invalid UTF-8 byte 0x{:02X} at column {column}: expected UTF-8 text",
                text[at]
            ),
        };
    }
    // serde_json counts columns in bytes; report characters.
    let line_start = nth_line_start(text, e.line());
    let byte_col = e.column().saturating_sub(1);
    let end = (line_start + byte_col).min(text.len());
    let column = char_count(&text[line_start..end]) + 1;
    ReadError {
        kind: ReadErrorKind::Parse,
        column: Some(column),
        pointer: None,
        message: format!("not valid JSON: {}", parse_message(e)),
    }
}

/// serde_json's message without its " at line L column C" suffix, lowercased.
fn parse_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let msg = full
        .rfind(" at line ")
        .map_or(full.as_str(), |i| &full[..i]);
    match msg.strip_prefix("EOF while parsing") {
        Some(rest) => format!("the line ends while parsing{rest}"),
        None => crate::validate::lowercase_first(msg.to_string()),
    }
}

/// The byte offset where 1-based line `line` starts (0 when out of range).
fn nth_line_start(text: &[u8], line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    memchr::memchr_iter(b'\n', text)
        .nth(line - 2)
        .map_or(0, |i| i + 1)
}

/// Number of UTF-8 characters in valid UTF-8 bytes (counts lead bytes).
fn char_count(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count() as u64
}

/// Splits a byte stream into large chunks that each end just after a line break (the last one
/// may end without one), so that many lines can be handed to a worker at once. A line longer
/// than the target size makes its chunk grow to hold it: memory is bounded by the target size
/// or the longest line, whichever is larger.
/// Keeps the first `max_lines` lines of `buf` and puts the rest in front of `carry`: chunk
/// readers bound their chunks in lines as well as bytes, since what a consumer keeps per record
/// (a row, a reject, violations) does not shrink with the record.
pub fn cap_lines(buf: &mut Vec<u8>, max_lines: usize, carry: &mut Vec<u8>) {
    let Some(cut) = memchr::memchr_iter(b'\n', buf).nth(max_lines.max(1) - 1) else {
        return;
    };
    if cut + 1 < buf.len() {
        let mut rest = buf[cut + 1..].to_vec();
        rest.append(carry);
        *carry = rest;
        buf.truncate(cut + 1);
    }
}

pub struct LineChunks<R> {
    reader: R,
    carry: Vec<u8>,
    target: usize,
    max_lines: usize,
    eof: bool,
    /// The read error that ended the input, given after the lines read before it.
    failed: Option<io::Error>,
}

impl<R: Read> LineChunks<R> {
    pub fn new(reader: R, target: usize) -> Self {
        LineChunks {
            reader,
            carry: Vec::new(),
            target: target.max(1),
            max_lines: usize::MAX,
            eof: false,
            failed: None,
        }
    }

    /// Chunks of at most `max_lines` lines as well: what a consumer keeps per record (rows,
    /// violations) then stays bounded when records are tiny.
    pub fn with_max_lines(mut self, max_lines: usize) -> Self {
        self.max_lines = max_lines.max(1);
        self
    }

    fn cap(&mut self, buf: &mut Vec<u8>) {
        if self.max_lines != usize::MAX {
            cap_lines(buf, self.max_lines, &mut self.carry);
        }
    }

    /// Fills `buf` (cleared first) with the next chunk. `Ok(false)` at the end of the input.
    pub fn next_into(&mut self, buf: &mut Vec<u8>) -> io::Result<bool> {
        buf.clear();
        buf.append(&mut self.carry);
        if buf.is_empty() {
            if let Some(e) = self.failed.take() {
                return Err(e);
            }
        }
        let mut want = self.target;
        loop {
            if !self.eof && buf.len() < want {
                // `take` + `read_to_end` fills the spare capacity without zeroing it first.
                let room = (want - buf.len()) as u64;
                buf.reserve(room as usize);
                match (&mut self.reader).take(room).read_to_end(buf) {
                    Ok(n) if (n as u64) < room => self.eof = true,
                    Ok(_) => {}
                    // A corrupt or cut compressed stream: what was read before the damage is
                    // given first (`read_to_end` keeps it), then the error.
                    Err(e) => {
                        self.eof = true;
                        self.failed = Some(e);
                    }
                }
            }
            if self.eof {
                self.cap(buf);
                if buf.is_empty() {
                    if let Some(e) = self.failed.take() {
                        return Err(e);
                    }
                }
                return Ok(!buf.is_empty());
            }
            match memchr::memrchr(b'\n', buf) {
                Some(i) => {
                    self.carry.extend_from_slice(&buf[i + 1..]);
                    buf.truncate(i + 1);
                    self.cap(buf);
                    return Ok(true);
                }
                // One line longer than the chunk: read on until it ends.
                None => want = buf.len() * 2,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_are_bounded_in_lines_too() {
        let input = b"a\nb\nc\nd\ne";
        let mut c = LineChunks::new(&input[..], 1 << 20).with_max_lines(2);
        let mut out = Vec::new();
        let mut buf = Vec::new();
        while c.next_into(&mut buf).unwrap() {
            out.push(String::from_utf8(buf.clone()).unwrap());
        }
        assert_eq!(out, ["a\nb\n", "c\nd\n", "e"]);
        let mut c = LineChunks::new(&input[..], 3).with_max_lines(2);
        out.clear();
        while c.next_into(&mut buf).unwrap() {
            out.push(String::from_utf8(buf.clone()).unwrap());
        }
        assert_eq!(out.concat(), "a\nb\nc\nd\ne");
        assert!(out.iter().all(|c| c.matches('\n').count() <= 2));
    }

    fn chunks(input: &[u8], target: usize) -> Vec<Vec<u8>> {
        let mut c = LineChunks::new(input, target);
        let mut out = Vec::new();
        let mut buf = Vec::new();
        while c.next_into(&mut buf).unwrap() {
            out.push(buf.clone());
        }
        out
    }

    #[test]
    fn chunks_end_at_line_breaks_and_lose_nothing() {
        let input = b"{\"a\":1}\n{\"b\":22}\n\n{\"c\":333}\nlast-without-newline";
        for target in [1, 3, 8, 17, 1000] {
            let got = chunks(input, target);
            assert_eq!(got.concat(), input.to_vec(), "target {target}");
            for c in &got[..got.len() - 1] {
                assert_eq!(c.last(), Some(&b'\n'), "target {target}");
            }
        }
        assert!(chunks(b"", 8).is_empty());
    }

    #[test]
    fn parse_errors_have_character_columns() {
        let e = parse_line(b"{\"t\": \"\xC3\xA9\xC3\xA9\", x}").unwrap_err();
        assert_eq!(e.kind, ReadErrorKind::Parse);
        assert_eq!(e.column, Some(13));
        assert!(
            e.message
                .starts_with("not valid JSON: key must be a string"),
            "{}",
            e.message
        );

        let e = parse_line(b"{\"t\": \"ab\xFFc\"}").unwrap_err();
        assert_eq!(e.kind, ReadErrorKind::Encoding);
        assert_eq!(e.column, Some(10));
        assert!(e.message.contains("0xFF"), "{}", e.message);

        let e = parse_line(b"{\"t\": 1").unwrap_err();
        assert_eq!(e.kind, ReadErrorKind::Parse);
        assert!(
            e.message.contains("the line ends while parsing an object"),
            "{}",
            e.message
        );
    }

    #[test]
    fn values_parse_as_serde_json_parses_them() {
        for text in [
            r#"{"a": 1, "b": [1, -2, 3.5, "x", null, true], "c": {"d": {}}, "a": 2}"#,
            r#"[{"x": 18446744073709551615}, -9223372036854775808, 1e300]"#,
            r#""s\u00e9\n""#,
            "null",
        ] {
            let want: Value = serde_json::from_str(text).unwrap();
            let got = value_from_slice(text.as_bytes()).unwrap();
            assert_eq!(got, want, "{text}");
            assert_eq!(got.to_string(), want.to_string(), "{text}");
        }
        assert!(value_from_slice(b"{} x").is_err());
        assert!(
            value_from_slice(&[b'['; 200]).is_err(),
            "the recursion limit holds"
        );
    }

    #[test]
    fn records_skip_blank_lines_and_keep_line_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.jsonl");
        std::fs::write(&p, b"\xEF\xBB\xBF{\"a\":1}\r\n\n  \nnot json\n{\"b\":2}").unwrap();
        let recs: Vec<RawRecord> = open(&Source::File(p), &ReadOptions::default())
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[0].location.line, Some(1));
        assert_eq!(recs[0].bytes, b"{\"a\":1}");
        assert!(recs[0].value.is_ok());
        assert_eq!(recs[1].location.line, Some(4));
        assert_eq!(recs[1].location.record, Some(1));
        assert_eq!(recs[1].bytes, b"not json");
        assert!(recs[1].value.is_err());
        assert_eq!(recs[2].location.line, Some(5));
        assert_eq!(recs[2].location.record, Some(2));
    }
}
