//! The hand-written tokenizer: numbers, words (lowercased, accents folded, so the word tables are
//! plain ASCII) and single punctuation characters, each with its byte span. Owns what a token is;
//! does not own what any word means (that is `words`).

/// Longest word kept; longer words are kept as unknown (they never name a date part).
const WORD_CAP: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Num,
    Word,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub kind: Kind,
    pub start: u32,
    pub end: u32,
    /// Numbers: the value (saturating) and the count of digits as written ("03" has 2).
    pub num: u64,
    pub ndig: u8,
    /// Numbers written with an ordinal suffix ("3rd", "1er", "1º").
    pub ordinal: bool,
    /// Whitespace stood right before this token.
    pub space_before: bool,
    /// Punctuation: the character.
    pub ch: char,
    word: [u8; WORD_CAP],
    wlen: u8,
}

impl Tok {
    fn new(kind: Kind, start: usize, space_before: bool) -> Tok {
        Tok {
            kind,
            start: start as u32,
            end: start as u32,
            num: 0,
            ndig: 0,
            ordinal: false,
            space_before,
            ch: '\0',
            word: [0; WORD_CAP],
            wlen: 0,
        }
    }

    /// The folded word ("März" -> "marz"), or "" for other tokens and overlong words.
    pub fn word(&self) -> &str {
        // Only ASCII bytes are ever stored, so this cannot fail.
        std::str::from_utf8(&self.word[..usize::from(self.wlen)]).unwrap_or("")
    }
}

/// Splits `text` into tokens. Returns false when there are more than `max` tokens.
pub(crate) fn lex(text: &str, out: &mut Vec<Tok>, max: usize) -> bool {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space = true;
    while i < bytes.len() {
        if out.len() >= max {
            return false;
        }
        let b = bytes[i];
        if b.is_ascii_digit() {
            let mut t = Tok::new(Kind::Num, i, space);
            let mut v: u64 = 0;
            let mut n: u32 = 0;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                v = v
                    .saturating_mul(10)
                    .saturating_add(u64::from(bytes[i] - b'0'));
                n += 1;
                i += 1;
            }
            t.num = v;
            t.ndig = n.min(255) as u8;
            let suffix = ordinal_suffix(&bytes[i..]);
            if suffix > 0 {
                t.ordinal = true;
                i += suffix;
            }
            t.end = i as u32;
            out.push(t);
            space = false;
            continue;
        }
        if b.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        if b.is_ascii_alphabetic() || b >= 0x80 {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if c.is_whitespace() {
                space = true;
                i += c.len_utf8();
                continue;
            }
            if c.is_alphabetic() {
                let mut t = Tok::new(Kind::Word, i, space);
                let mut long = false;
                for c in text[i..].chars() {
                    if !c.is_alphabetic() {
                        break;
                    }
                    i += c.len_utf8();
                    if !push_folded(&mut t, c) {
                        long = true;
                    }
                }
                if long {
                    t.wlen = 0;
                }
                t.end = i as u32;
                out.push(t);
                space = false;
                continue;
            }
            let mut t = Tok::new(Kind::Punct, i, space);
            t.ch = c;
            i += c.len_utf8();
            t.end = i as u32;
            out.push(t);
            space = false;
            continue;
        }
        let mut t = Tok::new(Kind::Punct, i, space);
        t.ch = char::from(b);
        i += 1;
        t.end = i as u32;
        out.push(t);
        space = false;
    }
    true
}

/// Length of an ordinal suffix right after digits ("st", "nd", "rd", "th", "er", "e", "º"),
/// or 0 when the letters that follow are something else ("5h", "2d").
fn ordinal_suffix(rest: &[u8]) -> usize {
    for s in [
        "st".as_bytes(),
        b"nd",
        b"rd",
        b"th",
        b"er",
        b"eme",
        "\u{e8}me".as_bytes(),
        "\u{ba}".as_bytes(),
        "\u{aa}".as_bytes(),
    ] {
        if rest.len() >= s.len() && rest[..s.len()].eq_ignore_ascii_case(s) {
            let after = rest.get(s.len()).copied().unwrap_or(b' ');
            if !after.is_ascii_alphanumeric() && after < 0x80 {
                return s.len();
            }
        }
    }
    0
}

/// Appends `c` lowercased with its accent removed; false when the word is too long.
fn push_folded(t: &mut Tok, c: char) -> bool {
    let mut put = |b: u8| {
        if usize::from(t.wlen) < WORD_CAP {
            t.word[usize::from(t.wlen)] = b;
            t.wlen += 1;
            true
        } else {
            false
        }
    };
    if c.is_ascii() {
        return put((c as u8).to_ascii_lowercase());
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    let folded = match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => b'a',
        'ç' => b'c',
        'è' | 'é' | 'ê' | 'ë' => b'e',
        'ì' | 'í' | 'î' | 'ï' => b'i',
        'ñ' => b'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => b'o',
        'ù' | 'ú' | 'û' | 'ü' => b'u',
        'ý' | 'ÿ' => b'y',
        'ß' => return put(b's') && put(b's'),
        'œ' => return put(b'o') && put(b'e'),
        // Letters the tables never use still take a place, so they never match a table word.
        _ => b'?',
    };
    put(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut v = Vec::new();
        assert!(lex(text, &mut v, 100));
        v.iter()
            .map(|t| match t.kind {
                Kind::Num => format!("#{}{}", t.num, if t.ordinal { "o" } else { "" }),
                Kind::Word => t.word().to_string(),
                Kind::Punct => t.ch.to_string(),
            })
            .collect()
    }

    #[test]
    fn splits_numbers_words_and_punctuation() {
        assert_eq!(words("Mar. 3rd, 2025"), ["mar", ".", "#3o", ",", "#2025"]);
        assert_eq!(words("12. März"), ["#12", ".", "marz"]);
        assert_eq!(words("5h ago"), ["#5", "h", "ago"]);
        assert_eq!(words("14h05"), ["#14", "h", "#5"]);
        assert_eq!(words("il y a 3 días"), ["il", "y", "a", "#3", "dias"]);
        assert_eq!(words("1er mai"), ["#1o", "mai"]);
        assert_eq!(words("Straße"), ["strasse"]);
    }

    #[test]
    fn caps_the_token_count() {
        let mut v = Vec::new();
        assert!(!lex("a b c d", &mut v, 3));
    }
}
