//! UTF-16 input read as UTF-8. Spreadsheet programs save "Unicode text" (Excel's tab-separated
//! export) and some Windows tools write JSON as UTF-16 with a byte order mark; every reader in
//! copydesk works on UTF-8 bytes, so such an input is transcoded on the way in, recognised by
//! its byte order mark alone (UTF-16 without one cannot be told from binary data reliably).
//! Owns that recognition and the transcoding; does not own what the text means.
//!
//! Text that is not valid UTF-16 (an unpaired surrogate) stops the input with an error naming
//! the byte offset: replacing it with U+FFFD would change a record without saying so.

use std::io::{self, BufRead, BufReader, Read};

use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE};

/// Which UTF-16, by the byte order mark `head` starts with.
fn utf16_by_bom(head: &[u8]) -> Option<&'static Encoding> {
    match head {
        [0xFF, 0xFE, ..] => Some(UTF_16LE),
        [0xFE, 0xFF, ..] => Some(UTF_16BE),
        _ => None,
    }
}

/// `reader` as UTF-8 when it starts with a UTF-16 byte order mark (which is dropped), else as
/// it is.
pub fn transcode(mut reader: Box<dyn BufRead + Send>) -> io::Result<Box<dyn BufRead + Send>> {
    let encoding = {
        let head = fill_at_least(&mut reader, 2)?;
        utf16_by_bom(head)
    };
    Ok(match encoding {
        None => reader,
        Some(encoding) => {
            reader.consume(2);
            Box::new(BufReader::with_capacity(
                256 * 1024,
                Utf16Reader {
                    inner: reader,
                    decoder: encoding.new_decoder_without_bom_handling(),
                    out: Vec::new(),
                    pos: 0,
                    offset: 2,
                    done: false,
                    failed: None,
                },
            ))
        }
    })
}

/// The buffered bytes, filled until there are `n` or the input ends.
fn fill_at_least(reader: &mut Box<dyn BufRead + Send>, n: usize) -> io::Result<&[u8]> {
    // A BufRead hands out what one read gave; two bytes almost always come in the first.
    if reader.fill_buf()?.len() < n {
        let mut head = Vec::new();
        while head.len() < n {
            let got = reader.fill_buf()?;
            if got.is_empty() {
                break;
            }
            let take = got.len().min(n - head.len());
            head.extend_from_slice(&got[..take]);
            reader.consume(take);
        }
        // Put the bytes back in front of the rest.
        let rest = std::mem::replace(reader, Box::new(io::empty()));
        *reader = Box::new(BufReader::new(io::Cursor::new(head).chain(rest)));
    }
    reader.fill_buf()
}

struct Utf16Reader {
    inner: Box<dyn BufRead + Send>,
    decoder: encoding_rs::Decoder,
    /// Transcoded bytes not yet read, from `pos`.
    out: Vec<u8>,
    pos: usize,
    /// Bytes of the input consumed so far (for the error).
    offset: u64,
    done: bool,
    /// Where the input stopped being UTF-16: returned once the text before it is read.
    failed: Option<io::Error>,
}

impl Utf16Reader {
    fn refill(&mut self) -> io::Result<()> {
        if let Some(e) = self.failed.take() {
            self.done = true;
            return Err(e);
        }
        let src = self.inner.fill_buf()?;
        let last = src.is_empty();
        // UTF-16 -> UTF-8 takes at most 3 bytes per 2 in, and 4 per 4 (a surrogate pair).
        let room = self
            .decoder
            .max_utf8_buffer_length_without_replacement(src.len())
            .unwrap_or(src.len() * 3 / 2 + 16);
        self.out.resize(room, 0);
        let (result, read, written) =
            self.decoder
                .decode_to_utf8_without_replacement(src, &mut self.out, last);
        if let DecoderResult::Malformed(bad, after) = result {
            // `read` ends `after` bytes past the `bad` ones; the text before them is kept.
            let at = (self.offset + read as u64).saturating_sub(bad as u64 + after as u64);
            let what = if last && bad == 1 {
                "the input ends inside a UTF-16 code unit (an odd number of bytes)".to_string()
            } else {
                format!("not valid UTF-16 at byte {at} (an unpaired surrogate)")
            };
            self.failed = Some(io::Error::new(io::ErrorKind::InvalidData, what));
        }
        self.inner.consume(read);
        self.offset += read as u64;
        self.out.truncate(written);
        self.pos = 0;
        self.done = last && self.failed.is_none();
        Ok(())
    }
}

impl Read for Utf16Reader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.out.len() {
            if self.done {
                return Ok(0);
            }
            self.refill()?;
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: Vec<u8>, buffer: usize) -> io::Result<Vec<u8>> {
        let reader: Box<dyn BufRead + Send> =
            Box::new(BufReader::with_capacity(buffer, io::Cursor::new(bytes)));
        let mut out = Vec::new();
        transcode(reader)?.read_to_end(&mut out)?;
        Ok(out)
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    }

    #[test]
    fn utf16_with_a_byte_order_mark_reads_as_utf8() {
        let text = "id\ttitle\n1\tKöln 🎉 東京\n";
        for big_endian in [false, true] {
            // Buffers of 1 and 3 bytes split code units and surrogate pairs.
            for buffer in [1, 3, 8192] {
                assert_eq!(
                    read(utf16(text, big_endian), buffer).unwrap(),
                    text.as_bytes()
                );
            }
        }
    }

    #[test]
    fn other_input_passes_unchanged() {
        for bytes in [&b""[..], b"x", b"\xFF", b"\xEF\xBB\xBFid\n", b"{\"a\":1}\n"] {
            assert_eq!(read(bytes.to_vec(), 1).unwrap(), bytes);
        }
    }

    #[test]
    fn an_unpaired_surrogate_is_an_error_with_its_offset() {
        let mut bytes = utf16("ab", false);
        bytes.extend_from_slice(&0xD800u16.to_le_bytes());
        bytes.extend_from_slice(&u16::from(b'c').to_le_bytes());
        let e = read(bytes.clone(), 8192).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
        assert!(e.to_string().contains("byte 6"), "{e}");
        // The text before the bad unit is read first.
        for buffer in [1, 8192] {
            let reader: Box<dyn BufRead + Send> = Box::new(BufReader::with_capacity(
                buffer,
                io::Cursor::new(bytes.clone()),
            ));
            let mut r = transcode(reader).unwrap();
            let mut got = Vec::new();
            let mut chunk = [0u8; 1];
            let e = loop {
                match r.read(&mut chunk) {
                    Ok(0) => panic!("no error"),
                    Ok(_) => got.push(chunk[0]),
                    Err(e) => break e,
                }
            };
            assert_eq!(got, b"ab", "buffer {buffer}");
            assert_eq!(e.kind(), io::ErrorKind::InvalidData);
        }
        let mut odd = utf16("ab", false);
        odd.push(b'c');
        let e = read(odd, 8192).unwrap_err();
        assert!(e.to_string().contains("odd number of bytes"), "{e}");
    }
}
