//! Text hygiene: raw bytes -> clean text. Owns byte-order marks, UTF-16, an HTML page's declared
//! charset, the Windows-1252 fallback for invalid UTF-8, binary detection, line endings and NFC.
//! Does not own what the lines mean (`lines`, `header`, `body`).

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Why bytes could not become text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// No bytes, or only whitespace.
    Empty,
    /// NUL bytes or a high share of control bytes: not a text file.
    Binary,
}

/// Decodes bytes to text: UTF-8 (BOM optional), UTF-16 with a BOM, or Windows-1252 when the
/// bytes are not valid UTF-8 (a warning says so). The result has LF line endings and is NFC.
pub fn decode(bytes: &[u8], warnings: &mut Vec<String>) -> Result<String, DecodeError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding != encoding_rs::UTF_8 {
            // UTF-16 carries NUL bytes for ASCII, so it is decoded before the binary check.
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
            if had_errors {
                warnings.push(format!(
                    "invalid {} sequences replaced with U+FFFD",
                    encoding.name()
                ));
            }
            return finish(text, warnings).map(Cow::into_owned);
        }
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(body) {
        return Err(DecodeError::Binary);
    }
    let text = match std::str::from_utf8(body) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => match declared_charset(body) {
            // An HTML page that names its encoding (Shift_JIS, GBK, EUC-KR, ISO-8859-x...).
            Some(encoding) => {
                let (text, had_errors) = encoding.decode_without_bom_handling(body);
                if had_errors {
                    warnings.push(format!(
                        "invalid {} sequences replaced with U+FFFD",
                        encoding.name()
                    ));
                }
                text
            }
            None => {
                warnings.push("input was not valid UTF-8; decoded as windows-1252".to_string());
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(body)
                    .0
            }
        },
    };
    finish(text, warnings).map(Cow::into_owned)
}

/// The encoding an HTML page declares in its first 2 KiB (`<meta charset="...">` or
/// `content="text/html; charset=..."`), when it is one other than UTF-8.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let at = memchr::memmem::find(&lower, b"charset=")? + b"charset=".len();
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .unwrap_or(rest.len());
    let encoding = encoding_rs::Encoding::for_label(&rest[..end])?;
    (encoding != encoding_rs::UTF_8).then_some(encoding)
}

fn finish<'a>(text: Cow<'a, str>, _warnings: &mut [String]) -> Result<Cow<'a, str>, DecodeError> {
    // Most text is clean already and is not copied.
    let text = match normalise(&text) {
        Some(changed) => Cow::Owned(changed),
        None => text,
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

/// Cleans text that is already a string (UTF-8 by construction): BOM, binary check, line
/// endings and NFC as in `decode`.
pub fn decode_str(text: &str) -> Result<Cow<'_, str>, DecodeError> {
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if looks_binary(body.as_bytes()) {
        return Err(DecodeError::Binary);
    }
    finish(Cow::Borrowed(body), &mut [])
}

/// Binary when a NUL byte appears, or more than 10% of the first 8 KiB are control bytes other
/// than tab, LF, CR and form feed.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    controls * 10 > head.len()
}

/// LF line endings, a stray BOM or zero-width characters removed, no-break spaces as spaces,
/// and NFC (checked first, since most text already is).
/// The cleaned text, or `None` when `text` is clean already.
fn normalise(text: &str) -> Option<String> {
    let ascii = text.is_ascii();
    let needs_chars = memchr::memchr(b'\r', text.as_bytes()).is_some()
        || (!ascii
            && ['\u{FEFF}', '\u{200B}', '\u{00A0}', '\u{2028}', '\u{2029}']
                .iter()
                .any(|&c| text.contains(c)));
    let cleaned = needs_chars.then(|| {
        let mut s = String::with_capacity(text.len());
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' => {
                    if chars.peek() != Some(&'\n') {
                        s.push('\n');
                    }
                }
                '\u{2028}' | '\u{2029}' => s.push('\n'),
                '\u{FEFF}' | '\u{200B}' => {}
                '\u{00A0}' => s.push(' '),
                c => s.push(c),
            }
        }
        s
    });
    let current = cleaned.as_deref().unwrap_or(text);
    if !ascii && may_need_nfc(current) && is_nfc_quick(current.chars()) != IsNormalized::Yes {
        return Some(current.nfc().collect());
    }
    cleaned
}

/// A fast pre-check for NFC: text whose characters are all below U+0300, or general
/// punctuation and currency signs (curly quotes, dashes, the euro), is already NFC, since those
/// characters never combine or decompose. Anything else goes to the full quick check.
fn may_need_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0xCC {
            i += 1;
            continue;
        }
        // A lead byte of U+0300 or above: decode the character it starts.
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            i += 1;
            continue;
        };
        let cp = c as u32;
        if !((0x2000..=0x206F).contains(&cp) || (0x20A0..=0x20CF).contains(&cp)) {
            return true;
        }
        i += c.len_utf8();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> (String, Vec<String>) {
        let mut w = Vec::new();
        let s = decode(bytes, &mut w).unwrap();
        (s, w)
    }

    #[test]
    fn utf8_with_bom_and_crlf_becomes_plain_lf() {
        let (s, w) = ok(b"\xEF\xBB\xBFTitle\r\n\r\nBody.\r\n");
        assert_eq!(s, "Title\n\nBody.\n");
        assert!(w.is_empty());
    }

    #[test]
    fn an_html_page_is_decoded_in_the_charset_it_declares() {
        let (html, _, _) = encoding_rs::SHIFT_JIS
            .encode("<html><head><meta charset=\"Shift_JIS\"></head><body><p>東京都</p>");
        let (s, w) = ok(&html);
        assert!(s.contains("東京都"), "{s}");
        assert!(w.is_empty(), "{w:?}");
        let (html, _, _) = encoding_rs::EUC_KR.encode(
            "<meta http-equiv='Content-Type' content='text/html; charset=euc-kr'><p>서울</p>",
        );
        assert!(ok(&html).0.contains("서울"));
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252_with_a_warning() {
        let (s, w) = ok(b"Caf\xe9 owner \x93wins\x94");
        assert_eq!(s, "Café owner “wins”");
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("windows-1252"));
    }

    #[test]
    fn decomposed_text_is_composed() {
        let (s, _) = ok("Jose\u{301}".as_bytes());
        assert_eq!(s, "José");
    }

    #[test]
    fn the_nfc_pre_check_only_lets_safe_text_through() {
        assert!(!may_need_nfc("plain ascii"));
        assert!(!may_need_nfc("Café “quoted” – €5 ñ"));
        assert!(may_need_nfc("Jose\u{301}"));
        assert!(may_need_nfc("\u{212B}ngstr\u{f6}m"));
        assert!(may_need_nfc("東京"));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Hi\nthere".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(ok(&bytes).0, "Hi\nthere");
    }

    #[test]
    fn empty_and_binary_are_refused() {
        let mut w = Vec::new();
        assert_eq!(decode(b"", &mut w), Err(DecodeError::Empty));
        assert_eq!(decode(b" \r\n\t\n", &mut w), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF", &mut w), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", &mut w),
            Err(DecodeError::Binary)
        );
        assert_eq!(
            decode(&[1, 2, 3, 4, 5, 6, 7, 8, 65], &mut w),
            Err(DecodeError::Binary)
        );
    }
}
