//! Reads one JSON document: a single object (one record) or an array of records. The only
//! reader that holds its whole input in memory, because a JSON document has no record
//! boundaries a stream could split on. Each array element keeps the line it starts on and its
//! bytes as written, so a bad element is reported and kept without stopping the others.

use std::io::Read;

use super::jsonl::describe_parse_error;
use super::{Position, RawRecord, ReadError, ReadOptions, Records};
use crate::error::{Error, Location, Result};
use crate::io::Source;

pub fn open(source: &Source, _options: &ReadOptions) -> Result<Records> {
    let name = source.display_name();
    let mut text = Vec::new();
    source
        .open()?
        .read_to_end(&mut text)
        .map_err(|e| Error::io(&name, e))?;
    Ok(Box::new(split_document(&name, &text).into_iter().map(Ok)))
}

/// The records of one JSON document, each with its line and bytes.
pub fn split_document(name: &str, text: &[u8]) -> Vec<RawRecord> {
    let body_start = if text.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let start = skip_ws(text, body_start);
    if start >= text.len() {
        return Vec::new();
    }
    if text[start] != b'[' {
        return vec![record(name, text, body_start, text.len(), 0)];
    }
    // An array: find each element's span with a small scanner that tracks strings and nesting,
    // then parse the elements one by one so one bad element does not hide the others.
    let mut out = Vec::new();
    let mut pos = start + 1;
    loop {
        pos = skip_ws(text, pos);
        if pos >= text.len() {
            break;
        }
        if text[pos] == b']' && out.is_empty() {
            if skip_ws(text, pos + 1) < text.len() {
                out.push(record(name, text, pos + 1, text.len(), 0));
            }
            break;
        }
        let end = element_end(text, pos);
        let index = out.len() as u64;
        out.push(record(name, text, pos, end, index));
        pos = skip_ws(text, end);
        match text.get(pos) {
            Some(b',') => pos += 1,
            Some(b']') => {
                // Anything after the closing bracket is one more (broken) record.
                let after = skip_ws(text, pos + 1);
                if after < text.len() {
                    let idx = out.len() as u64;
                    out.push(record(name, text, after, text.len(), idx));
                }
                break;
            }
            Some(_) => {
                let idx = out.len() as u64;
                out.push(record(name, text, pos, text.len(), idx));
                break;
            }
            None => break,
        }
    }
    out
}

fn record(name: &str, text: &[u8], start: usize, end: usize, index: u64) -> RawRecord {
    let start = skip_ws(text, start);
    let mut end = end;
    while end > start && text[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    let bytes = &text[start..end];
    let line = 1 + memchr::memchr_iter(b'\n', &text[..start]).count() as u64;
    let line_start = memchr::memrchr(b'\n', &text[..start]).map_or(0, |i| i + 1);
    let value = match super::jsonl::value_from_slice(bytes) {
        Ok(v) => Ok(v),
        Err(e) => {
            let mut err: ReadError = describe_parse_error(bytes, &e);
            // Columns are relative to the element; on its first line, add where it starts.
            let err_line = e.line().max(1) as u64;
            if err_line == 1 {
                let lead = String::from_utf8_lossy(&text[line_start..start])
                    .chars()
                    .count();
                err.column = err.column.map(|c| c + lead as u64);
            }
            let at = Location::file(name).with_line(line + err_line - 1);
            err.message = match at.line {
                Some(l) if l != line => format!("{} (line {l})", err.message),
                _ => err.message,
            };
            Err(err)
        }
    };
    RawRecord {
        location: Location::file(name).with_line(line).with_record(index),
        position: Position::None,
        bytes: bytes.to_vec(),
        value,
    }
}

fn skip_ws(text: &[u8], mut pos: usize) -> usize {
    while pos < text.len() && text[pos].is_ascii_whitespace() {
        pos += 1;
    }
    pos
}

/// Where the value starting at `pos` ends: after its closing bracket or quote for containers
/// and strings, at the next `,` `]` or whitespace otherwise. Unbalanced input runs to the end.
fn element_end(text: &[u8], pos: usize) -> usize {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut i = pos;
    while i < text.len() {
        let b = text[i];
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                if depth == 0 {
                    return i + 1;
                }
            }
        } else {
            match b {
                b'"' => in_string = true,
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
        i += 1;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

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
