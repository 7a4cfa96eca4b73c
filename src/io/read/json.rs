//! Reads one JSON document: a single object (one record) or an array of records. An array is
//! streamed: a small scanner that tracks strings and nesting finds each element in a window
//! of the input, so memory stays bounded by the largest element, not the document. Each
//! element keeps the line it starts on and its bytes as written, so a bad element is reported
//! and kept without stopping the others. A document that is not an array is one record.

use std::io::{BufRead, Read};

use super::jsonl::describe_parse_error;
use super::{Position, RawRecord, ReadError, ReadOptions, Records};
use crate::error::{Error, Location, Result};
use crate::io::Source;

pub fn open(source: &Source, _options: &ReadOptions) -> Result<Records> {
    let name = source.display_name();
    let elements = Elements::new(source.open()?);
    Ok(Box::new(RecordIter { name, elements }))
}

struct RecordIter {
    name: String,
    elements: Elements,
}

impl Iterator for RecordIter {
    type Item = Result<RawRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.elements.next_element() {
            Ok(Some(e)) => Some(Ok(record(&self.name, &e))),
            Ok(None) => None,
            Err(e) => Some(Err(Error::io(&self.name, e))),
        }
    }
}

/// One element of a JSON document (or the whole document when it is not an array).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// The bytes as written, without surrounding whitespace.
    pub bytes: Vec<u8>,
    /// 1-based line where it starts.
    pub line: u64,
    /// Characters before it on that line.
    pub lead: u64,
    /// 0-based index within the document.
    pub index: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Before the document's first byte.
    Start,
    /// After `[`: an element or `]`.
    First,
    /// After `,`: an element.
    Next,
    /// After an element: `,` or `]`.
    After,
    Done,
}

/// Streams the elements of a JSON document from a reader.
pub struct Elements {
    reader: Box<dyn BufRead + Send>,
    buf: Vec<u8>,
    /// Scan position in `buf`.
    pos: usize,
    eof: bool,
    state: State,
    index: u64,
    /// Line and characters since the last line break at `buf[counted]`.
    line: u64,
    column: u64,
    counted: usize,
    /// Bytes read from the input so far.
    consumed: u64,
}

impl Elements {
    pub fn new(reader: Box<dyn BufRead + Send>) -> Elements {
        Elements {
            reader,
            buf: Vec::new(),
            pos: 0,
            eof: false,
            state: State::Start,
            index: 0,
            line: 1,
            column: 0,
            counted: 0,
            consumed: 0,
        }
    }

    /// Bytes read from the input so far (for progress).
    pub fn consumed(&self) -> u64 {
        self.consumed
    }

    /// The next element; `None` at the end of the document.
    pub fn next_element(&mut self) -> std::io::Result<Option<Element>> {
        loop {
            match self.state {
                State::Done => return Ok(None),
                State::Start => {
                    self.fill_to(3)?;
                    if self.buf.starts_with(b"\xEF\xBB\xBF") {
                        self.pos = 3;
                        self.counted = 3;
                    }
                    if !self.skip_ws()? {
                        self.state = State::Done;
                        return Ok(None);
                    }
                    if self.buf[self.pos] != b'[' {
                        return self.rest_as_one();
                    }
                    self.pos += 1;
                    self.state = State::First;
                }
                State::First | State::Next => {
                    if !self.skip_ws()? {
                        self.state = State::Done;
                        return Ok(None);
                    }
                    if self.state == State::First && self.buf[self.pos] == b']' {
                        return self.close();
                    }
                    let end = loop {
                        // Unbalanced input runs to the end of the document.
                        let end = element_end(&self.buf, self.pos);
                        if end < self.buf.len() || self.eof {
                            break end;
                        }
                        self.read_more()?;
                    };
                    self.state = State::After;
                    return Ok(Some(self.element(end)));
                }
                State::After => {
                    if !self.skip_ws()? {
                        self.state = State::Done;
                        return Ok(None);
                    }
                    match self.buf[self.pos] {
                        b',' => {
                            self.pos += 1;
                            self.state = State::Next;
                        }
                        b']' => return self.close(),
                        // Anything else: the rest is one more (broken) record.
                        _ => return self.rest_as_one(),
                    }
                }
            }
        }
    }

    /// At `]`: the array ends; anything after it is one more (broken) record.
    fn close(&mut self) -> std::io::Result<Option<Element>> {
        self.pos += 1;
        if self.skip_ws()? {
            return self.rest_as_one();
        }
        self.state = State::Done;
        Ok(None)
    }

    /// The rest of the input as one record.
    fn rest_as_one(&mut self) -> std::io::Result<Option<Element>> {
        while !self.eof {
            self.read_more()?;
        }
        self.state = State::Done;
        let end = self.buf.len();
        Ok(Some(self.element(end)))
    }

    /// The element from `pos` to `end` (trailing whitespace trimmed); moves past it.
    fn element(&mut self, end: usize) -> Element {
        let start = self.pos;
        let mut trimmed = end;
        while trimmed > start && self.buf[trimmed - 1].is_ascii_whitespace() {
            trimmed -= 1;
        }
        self.count_to(start);
        let e = Element {
            bytes: self.buf[start..trimmed].to_vec(),
            line: self.line,
            lead: self.column,
            index: self.index,
        };
        self.index += 1;
        self.pos = end;
        e
    }

    /// Skips whitespace, reading as needed; `false` at the end of the input.
    fn skip_ws(&mut self) -> std::io::Result<bool> {
        loop {
            while self.pos < self.buf.len() && self.buf[self.pos].is_ascii_whitespace() {
                self.pos += 1;
            }
            if self.pos < self.buf.len() {
                return Ok(true);
            }
            if self.eof {
                return Ok(false);
            }
            self.read_more()?;
        }
    }

    /// Counts lines and characters up to `to`.
    fn count_to(&mut self, to: usize) {
        let seen = &self.buf[self.counted..to];
        match memchr::memrchr(b'\n', seen) {
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', seen).count() as u64;
                self.column = chars(&seen[last + 1..]);
            }
            None => self.column += chars(seen),
        }
        self.counted = to;
    }

    fn fill_to(&mut self, want: usize) -> std::io::Result<()> {
        while self.buf.len() - self.pos < want && !self.eof {
            self.read_more()?;
        }
        Ok(())
    }

    /// Drops what is behind `pos` and reads more after what is left: at least as much as is
    /// held, so an element that is rescanned as it grows costs linear time.
    fn read_more(&mut self) -> std::io::Result<()> {
        if self.pos > 0 && self.state != State::Start {
            self.count_to(self.pos);
            self.buf.drain(..self.pos);
            self.counted -= self.pos;
            self.pos = 0;
        }
        let have = self.buf.len();
        let want = have.max(1 << 20) as u64;
        let n = (&mut self.reader).take(want).read_to_end(&mut self.buf)?;
        self.consumed += n as u64;
        if n == 0 {
            self.eof = true;
        }
        Ok(())
    }
}

/// Characters in UTF-8 text (bytes that do not continue a character).
fn chars(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count() as u64
}

/// An element as a record: its location, bytes and parsed value (or why it does not parse).
pub fn record(name: &str, e: &Element) -> RawRecord {
    let bytes = &e.bytes;
    let line = e.line;
    let value = match super::jsonl::value_from_slice(bytes) {
        Ok(v) => Ok(v),
        Err(err) => {
            let mut described: ReadError = describe_parse_error(bytes, &err);
            // Columns are relative to the element; on its first line, add where it starts.
            let err_line = err.line().max(1) as u64;
            if err_line == 1 {
                described.column = described.column.map(|c| c + e.lead);
            }
            let at = Location::file(name).with_line(line + err_line - 1);
            described.message = match at.line {
                Some(l) if l != line => format!("{} (line {l})", described.message),
                _ => described.message,
            };
            Err(described)
        }
    };
    RawRecord {
        location: Location::file(name).with_line(line).with_record(e.index),
        position: Position::None,
        bytes: bytes.to_vec(),
        value,
    }
}

/// Where the value starting at `pos` ends: after its closing bracket or quote for containers
/// and strings, at the next `,` `]` or whitespace otherwise. Unbalanced input runs to the end.
fn element_end(text: &[u8], pos: usize) -> usize {
    let mut depth = 0usize;
    let mut strings = Strings::default();
    for (i, &b) in text.iter().enumerate().skip(pos) {
        let was_inside = strings.inside;
        if strings.step(b) {
            if was_inside && !strings.inside && depth == 0 {
                return i + 1;
            }
            continue;
        }
        match b {
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b',' | b']' | b'}' if depth == 0 => return i,
            _ => {}
        }
    }
    text.len()
}

/// Where a byte-by-byte scan of JSON text is relative to strings.
#[derive(Debug, Default)]
pub struct Strings {
    /// Inside a string (after its opening quote, before its closing one).
    pub inside: bool,
    escaped: bool,
}

impl Strings {
    /// Takes the next byte; `true` when it belongs to a string, quotes included.
    pub fn step(&mut self, b: u8) -> bool {
        if self.inside {
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                self.escaped = true;
            } else if b == b'"' {
                self.inside = false;
            }
            true
        } else if b == b'"' {
            self.inside = true;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The records of one JSON document held in memory, each with its line and bytes.
    fn split_document(name: &str, text: &[u8]) -> Vec<RawRecord> {
        let mut elements = Elements::new(Box::new(std::io::Cursor::new(text.to_vec())));
        let mut out = Vec::new();
        // Reading from memory cannot fail.
        while let Ok(Some(e)) = elements.next_element() {
            out.push(record(name, &e));
        }
        out
    }

    /// Hands out a few bytes per read, so elements straddle reads.
    struct Trickle(std::io::Cursor<Vec<u8>>, usize);
    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.1);
            self.0.read(&mut buf[..n])
        }
    }

    fn elements(text: &[u8], step: Option<usize>) -> Vec<Element> {
        let reader: Box<dyn BufRead + Send> = match step {
            Some(n) => Box::new(std::io::BufReader::with_capacity(
                1,
                Trickle(std::io::Cursor::new(text.to_vec()), n),
            )),
            None => Box::new(std::io::Cursor::new(text.to_vec())),
        };
        let mut el = Elements::new(reader);
        let mut out = Vec::new();
        while let Some(e) = el.next_element().unwrap() {
            out.push(e);
        }
        out
    }

    fn value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            any::<i64>().prop_map(serde_json::Value::from),
            "[\\[\\]{},:\"\\\\ \n\u{e9}a-z]{0,12}".prop_map(serde_json::Value::from),
            Just(serde_json::Value::Null),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
                prop::collection::btree_map("[a-z]{1,3}", inner, 0..4)
                    .prop_map(|m| { serde_json::Value::Object(m.into_iter().collect()) }),
            ]
        })
    }

    proptest! {
        #[test]
        fn streamed_elements_are_the_array_items(
            items in prop::collection::vec(value(), 0..8),
            pretty in any::<bool>(),
            step in 1usize..9,
        ) {
            let text = if pretty {
                serde_json::to_vec_pretty(&items).unwrap()
            } else {
                serde_json::to_vec(&items).unwrap()
            };
            let whole = elements(&text, None);
            prop_assert_eq!(&elements(&text, Some(step)), &whole);
            let values: Vec<serde_json::Value> = whole
                .iter()
                .map(|e| serde_json::from_slice(&e.bytes).unwrap())
                .collect();
            prop_assert_eq!(values, items);
        }

        #[test]
        fn broken_documents_stream_as_they_read_whole(
            bytes in prop::collection::vec(
                prop::sample::select(b"[]{},:\" \\\nax1".to_vec()), 0..80),
            step in 1usize..9,
        ) {
            prop_assert_eq!(elements(&bytes, Some(step)), elements(&bytes, None));
        }
    }

    #[test]
    fn arrays_split_into_located_elements() {
        let text = b"[\n  {\"a\": 1},\n  {\"b\": [1, \"],\"]},\n  {\"c\": x}\n]\n";
        let recs = split_document("a.json", text);
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[0].location.line, Some(2));
        assert_eq!(recs[0].bytes, b"{\"a\": 1}");
        assert_eq!(recs[1].location.line, Some(3));
        assert!(recs[1].value.is_ok());
        assert_eq!(recs[2].location.line, Some(4));
        assert_eq!(recs[2].location.record, Some(2));
        let err = recs[2].value.as_ref().unwrap_err();
        assert_eq!(err.column, Some(9));
    }

    #[test]
    fn single_objects_empty_arrays_and_broken_documents() {
        assert_eq!(split_document("a.json", b" {\"a\": 1} ").len(), 1);
        assert!(split_document("a.json", b"[ ]").is_empty());
        assert!(split_document("a.json", b"  ").is_empty());
        let recs = split_document("a.json", b"[{\"a\": 1}, {\"b\": ");
        assert_eq!(recs.len(), 2);
        assert!(recs[0].value.is_ok());
        assert!(recs[1].value.is_err());
    }
}
