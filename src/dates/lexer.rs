//! The hand-written tokenizer: numbers, words (lowercased, accents folded, so Latin-script word
//! tables are plain ASCII; Cyrillic, Greek and Arabic words keep their script, lowercased and
//! without accents) and single punctuation characters, each with its byte span. Digits of other
//! scripts (full-width "２０２５", Arabic-Indic "٢٠٢٥", Devanagari) are read as numbers here, so
//! every date form accepts them. Owns what a token is; does not own what any word means (that
//! is `words`).

use unicode_normalization::char::decompose_canonical;

/// Longest word kept, in bytes of its folded form; longer words are kept as unknown (they never
/// name a date part). Cyrillic and Greek letters take two bytes each ("опубликовано" is 24),
/// Thai three ("ชั่วโมงที่แล้ว", hours ago, is 33).
const WORD_CAP: usize = 48;

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
    /// Numbers written with Arabic-Indic or Persian digits ("١٤٤٦", "۱۴۰۳").
    pub arabic: bool,
    /// Numbers written with Persian (Eastern Arabic-Indic) digits ("۱۴۰۳"), whose years count
    /// from the Solar Hijri era.
    pub persian: bool,
    /// Whitespace stood right before this token.
    pub space_before: bool,
    /// Punctuation: the character.
    pub ch: char,
    /// Words: where the folded word sits in `Line::words`.
    woff: u16,
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
            arabic: false,
            persian: false,
            space_before,
            ch: '\0',
            woff: 0,
            wlen: 0,
        }
    }
}

/// A lexed line: the tokens and the folded words they point into (one buffer, so a word is a
/// plain `&str` slice and nothing is allocated per token).
#[derive(Debug, Default)]
pub(crate) struct Line {
    pub toks: Vec<Tok>,
    words: String,
}

impl Line {
    pub fn with_capacity(tokens: usize) -> Line {
        Line {
            toks: Vec::with_capacity(tokens),
            words: String::with_capacity(tokens * 8),
        }
    }

    /// The folded word of a token ("März" -> "marz"), or "" for other tokens and overlong words.
    pub fn word(&self, t: &Tok) -> &str {
        let from = usize::from(t.woff);
        self.words
            .get(from..from + usize::from(t.wlen))
            .unwrap_or("")
    }

    /// Splits `text` into tokens. Returns false when there are more than `max` tokens.
    pub fn lex(&mut self, text: &str, max: usize) -> bool {
        self.toks.clear();
        self.words.clear();
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut space = true;
        while i < bytes.len() {
            if self.toks.len() >= max {
                return false;
            }
            let b = bytes[i];
            if b == b' ' || b.is_ascii_whitespace() {
                space = true;
                i += 1;
                continue;
            }
            if b.is_ascii_digit() || (b >= 0x80 && digit_at(text, i).is_some()) {
                let mut t = Tok::new(Kind::Num, i, space);
                let mut v: u64 = 0;
                let mut n: u32 = 0;
                loop {
                    // ASCII digits first: the common case stays a byte loop.
                    while i < bytes.len() && bytes[i].is_ascii_digit() {
                        v = v
                            .saturating_mul(10)
                            .saturating_add(u64::from(bytes[i] - b'0'));
                        n += 1;
                        i += 1;
                    }
                    match digit_at(text, i) {
                        Some((d, len)) => {
                            v = v.saturating_mul(10).saturating_add(u64::from(d));
                            n += 1;
                            // Arabic-Indic and Persian digits are the only two-byte ones;
                            // Persian ones (U+06F0..U+06F9) start with the byte 0xDB.
                            t.arabic |= len == 2;
                            t.persian |= len == 2 && bytes[i] == 0xDB;
                            i += len;
                        }
                        None => break,
                    }
                }
                // Reuters glues the year to the time after it ("March 3, 20252:05 PM"): five or
                // six ASCII digits before a ':' and two more digits, whose first four are a
                // year, are the year and the hour.
                if (5..=6).contains(&n)
                    && i - t.start as usize == n as usize
                    && bytes.get(i) == Some(&b':')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                {
                    let scale = 10u64.pow(n - 4);
                    let year = v / scale;
                    if (1900..=2100).contains(&year) {
                        let split = t.start as usize + 4;
                        t.num = year;
                        t.ndig = 4;
                        t.end = split as u32;
                        self.toks.push(t);
                        let mut hour = Tok::new(Kind::Num, split, false);
                        hour.num = v % scale;
                        hour.ndig = (n - 4) as u8;
                        hour.end = i as u32;
                        self.toks.push(hour);
                        space = false;
                        continue;
                    }
                }
                t.num = v;
                t.ndig = n.min(255) as u8;
                let suffix = ordinal_suffix(&bytes[i..]);
                if suffix > 0 {
                    t.ordinal = true;
                    i += suffix;
                }
                t.end = i as u32;
                self.toks.push(t);
                space = false;
                continue;
            }
            if b.is_ascii_alphabetic() {
                let mut t = Tok::new(Kind::Word, i, space);
                let woff = self.words.len();
                let mut from = i;
                loop {
                    while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                        // A word glued to the next one in camel case ends where the capital
                        // starts: "UpdatedMarch", "datePublished", "PUBLISHEDMarch".
                        if i > from && camel_break(bytes, i) {
                            break;
                        }
                        i += 1;
                    }
                    self.words.push_str(&text[from..i]);
                    // An apostrophe between two vowels is a glottal stop inside the word, as
                    // Hausa and Oromo write it ("sa'o'i", hours; "sa'aatii"); elsewhere it
                    // elides a word ("d'octobre", "un'ora") and stays a token.
                    let glottal = apostrophe_len(&bytes[i..]);
                    let vowel = |b: Option<&u8>| {
                        b.is_some_and(|b| {
                            matches!(b.to_ascii_lowercase(), b'a' | b'e' | b'i' | b'o' | b'u')
                        })
                    };
                    if glottal > 0
                        && i > from
                        && vowel(bytes.get(i - 1))
                        && vowel(bytes.get(i + glottal))
                    {
                        i += glottal;
                        from = i;
                        continue;
                    }
                    // After a consonant, Oromo's glottal stop before a final vowel ("har'a",
                    // today) stays in the word, apostrophe and all; an elision is followed by a
                    // whole word ("d'octobre", "un'ora").
                    if glottal > 0
                        && i >= from + 2
                        && vowel(bytes.get(i + glottal))
                        && !bytes
                            .get(i + glottal + 1)
                            .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
                    {
                        self.words.push('\'');
                        i += glottal;
                        self.words.push_str(&text[i..i + 1]);
                        i += 1;
                    }
                    break;
                }
                self.words[woff..].make_ascii_lowercase();
                // Accented letters continue the word ("Févr", "días").
                if i < bytes.len() && bytes[i] >= 0x80 {
                    i = self.word_tail(text, i);
                }
                t.end = i as u32;
                self.finish_word(&mut t, woff);
                self.toks.push(t);
                space = false;
                continue;
            }
            if b >= 0x80 {
                let Some(c) = text[i..].chars().next() else {
                    break;
                };
                if c.is_whitespace() || is_invisible(c) {
                    // Direction marks that Arabic and Hebrew dates carry after each number
                    // ("03\u{200f}/03\u{200f}/2025", as `Intl.DateTimeFormat` prints them) keep
                    // the number and its separator together; other invisible marks part words.
                    let after_word = self.toks.last().is_none_or(|t| t.kind == Kind::Word);
                    if !is_direction_mark(c) || after_word {
                        space = true;
                    }
                    i += c.len_utf8();
                    continue;
                }
                // CJK characters are one token each: they are the date's punctuation
                // ("2025年3月4日", "3時間前").
                if is_cjk(c) {
                    let mut t = Tok::new(Kind::Punct, i, space);
                    t.ch = c;
                    i += c.len_utf8();
                    t.end = i as u32;
                    self.toks.push(t);
                    space = false;
                    continue;
                }
                if c.is_alphabetic() {
                    let mut t = Tok::new(Kind::Word, i, space);
                    let woff = self.words.len();
                    i = self.word_tail(text, i);
                    t.end = i as u32;
                    self.finish_word(&mut t, woff);
                    self.toks.push(t);
                    space = false;
                    continue;
                }
                let mut t = Tok::new(Kind::Punct, i, space);
                t.ch = ascii_punct(c);
                i += c.len_utf8();
                t.end = i as u32;
                self.toks.push(t);
                space = false;
                continue;
            }
            let mut t = Tok::new(Kind::Punct, i, space);
            t.ch = char::from(b);
            i += 1;
            t.end = i as u32;
            self.toks.push(t);
            space = false;
        }
        true
    }

    /// Folds letters from byte `i` to the end of the word; returns where the word ends.
    fn word_tail(&mut self, text: &str, mut i: usize) -> usize {
        let mut chars = text[i..].chars().peekable();
        while let Some(c) = chars.next() {
            // Combining accents (text not in NFC: "De\u{301}cembre") stay inside the word and
            // fold away like precomposed ones.
            if ('\u{300}'..='\u{36f}').contains(&c) || is_silent_mark(c) {
                i += c.len_utf8();
                continue;
            }
            // Joiners inside a word of the Indic scripts and Sinhala ("අප්‍රේල්", April) and
            // modifier apostrophes between vowels ("saʼoʼi") belong to the word.
            if matches!(c, '\u{200C}' | '\u{200D}' | '\u{2BC}')
                && chars.peek().is_some_and(|n| n.is_alphabetic())
            {
                i += c.len_utf8();
                continue;
            }
            // Thai abbreviations carry dots inside ("มี.ค." is March): the word goes on, without
            // them.
            if c == '.'
                && self.words.chars().next_back().is_some_and(is_thai)
                && chars.peek().is_some_and(|n| is_thai(*n))
            {
                i += 1;
                continue;
            }
            if !c.is_alphabetic() || is_cjk(c) {
                break;
            }
            i += c.len_utf8();
            push_folded(&mut self.words, c);
        }
        i
    }

    fn finish_word(&mut self, t: &mut Tok, woff: usize) {
        let len = self.words.len() - woff;
        if len > WORD_CAP || woff > usize::from(u16::MAX) {
            self.words.truncate(woff);
        } else {
            t.woff = woff as u16;
            t.wlen = len as u8;
        }
    }
}

/// Whether a word breaks before the capital at `i`: a lowercase letter before it and
/// ("UpdatedMarch") or a capital run before it and a lowercase letter after ("PUBLISHEDMarch").
fn camel_break(bytes: &[u8], i: usize) -> bool {
    if !bytes[i].is_ascii_uppercase() || i == 0 {
        return false;
    }
    let before = bytes[i - 1];
    let after = bytes.get(i + 1).copied().unwrap_or(b' ');
    if before.is_ascii_lowercase() {
        // "McDonald" and "iPhone" split too, harmlessly: no part of them names a date. A
        // capital alone ("iOS") starts no word. A capital run that ends the word after a
        // lowercase word is one ("UpdatedMAR 3", "PublishedOCT 15"); after one lowercase letter
        // ("iOS") it is a brand.
        let caps = bytes[i..]
            .iter()
            .take_while(|b| b.is_ascii_uppercase())
            .count();
        let ends = !bytes
            .get(i + caps)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b >= 0x80);
        return after.is_ascii_lowercase()
            || caps >= 2 && ends && i >= 2 && bytes[i - 2].is_ascii_lowercase();
    }
    before.is_ascii_uppercase()
        && after.is_ascii_lowercase()
        && i >= 2
        && bytes[i - 2].is_ascii_uppercase()
}

/// The byte length of an apostrophe at the start of `rest` ("'", "’", "ʼ"), or 0.
fn apostrophe_len(rest: &[u8]) -> usize {
    ["'", "\u{2019}", "\u{2bc}"]
        .iter()
        .find(|a| rest.starts_with(a.as_bytes()))
        .map_or(0, |a| a.len())
}

/// Chinese, Japanese and Korean characters (ideographs, kana, Hangul syllables).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}')
}

/// Length of an ordinal suffix right after digits ("st", "nd", "rd", "th", "er", "e", "º"),
/// or 0 when the letters that follow are something else ("5h", "2d").
fn ordinal_suffix(rest: &[u8]) -> usize {
    // Spanish and Portuguese may put a dot before the ordinal sign ("1.º de marzo").
    for s in ["\u{ba}", "\u{aa}"] {
        if rest.first() == Some(&b'.') && rest[1..].starts_with(s.as_bytes()) {
            return 1 + s.len();
        }
    }
    // Most numbers are followed by a space or punctuation: no suffix to look for.
    match rest.first() {
        Some(b) if b.is_ascii_alphabetic() || *b >= 0x80 => {}
        _ => return 0,
    }
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
        // The degree sign Italian pages write for "primo" ("1° marzo").
        "\u{b0}".as_bytes(),
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

/// The value and byte length of the digit at byte `i`: ASCII, full-width, Arabic-Indic, Eastern
/// Arabic-Indic (Persian, Urdu), Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, Telugu,
/// Kannada and Malayalam digits.
#[inline]
pub(crate) fn digit_at(text: &str, i: usize) -> Option<(u8, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii_digit() {
        return Some((b - b'0', 1));
    }
    if b < 0x80 {
        return None;
    }
    let c = text.get(i..)?.chars().next()?;
    let zero = match c {
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}',
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}',
        '\u{0966}'..='\u{096F}' => '\u{0966}',
        '\u{09E6}'..='\u{09EF}' => '\u{09E6}',
        '\u{0A66}'..='\u{0A6F}' => '\u{0A66}',
        '\u{0AE6}'..='\u{0AEF}' => '\u{0AE6}',
        '\u{0BE6}'..='\u{0BEF}' => '\u{0BE6}',
        '\u{0C66}'..='\u{0C6F}' => '\u{0C66}',
        '\u{0CE6}'..='\u{0CEF}' => '\u{0CE6}',
        '\u{0D66}'..='\u{0D6F}' => '\u{0D66}',
        '\u{0E50}'..='\u{0E59}' => '\u{0E50}',
        '\u{1040}'..='\u{1049}' => '\u{1040}',
        '\u{17E0}'..='\u{17E9}' => '\u{17E0}',
        _ => return None,
    };
    Some(((c as u32 - zero as u32) as u8, c.len_utf8()))
}

/// Invisible formatting characters scraped text carries around dates: direction marks around
/// Arabic and Hebrew runs, zero-width spaces and joiners, the byte-order mark. They separate
/// like a space.
/// Left-to-right, right-to-left and Arabic letter marks, embeddings and isolates.
fn is_direction_mark(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
            | '\u{FEFF}'
    )
}

/// Thai letters and vowel signs.
pub(crate) fn is_thai(c: char) -> bool {
    matches!(c, '\u{0E01}'..='\u{0E4E}')
}

/// Full-width and other script forms of punctuation the date forms use, as ASCII ("：" is ":",
/// the Arabic comma is ","); other characters as they are.
fn ascii_punct(c: char) -> char {
    match c {
        // Full-width ASCII punctuation ("２０２５／３／４", "１４：３０").
        '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        // Hyphen, non-breaking hyphen and figure dash ("2025‑03‑04", "+05‐00").
        '\u{2010}'..='\u{2012}' => '-',
        '\u{060C}' => ',',
        '\u{066B}' => '.',
        '\u{066C}' => ',',
        '\u{2236}' => ':',
        // The Burmese comma and full stop, the Khmer full stop.
        '\u{104A}' => ',',
        '\u{104B}' | '\u{17D4}' => '.',
        _ => c,
    }
}

/// Marks that a word may be written with or without and stays the same word: Thai tone marks,
/// Arabic vowel marks and the tatweel, Hebrew points, the nukta and virama of the Indic scripts
/// (so "मार्च" is read as "मारच", "নভেম্বর" as "নভেমবর", and the word tables are written that
/// way).
fn is_silent_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0E47}'..='\u{0E4C}'
            | '\u{0E4E}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{0640}'
            | '\u{0591}'..='\u{05C7}'
            | '\u{093C}'
            | '\u{094D}'
            | '\u{09BC}'
            | '\u{09CD}'
            | '\u{0A3C}'
            | '\u{0A4D}'
            | '\u{0ABC}'
            | '\u{0ACD}'
            | '\u{0BCD}'
            | '\u{0C4D}'
            | '\u{0CBC}'
            | '\u{0CCD}'
            | '\u{0D4D}'
            // Sinhala al-lakuna; Burmese dot below, virama and asat; Khmer signs above and
            // below (the coeng that stacks consonants among them).
            | '\u{0DCA}'
            | '\u{1037}'
            | '\u{1039}'
            | '\u{103A}'
            | '\u{17C9}'..='\u{17D3}'
            | '\u{17DD}'
    )
}

/// Appends `c` lowercased with its accent removed. Latin letters fold to ASCII ("ł" is "l",
/// "ř" is "r"); Greek letters lose their accents ("ά" is "α", "ς" is "σ"); Cyrillic letters are
/// lowercased ("ё" is "е"), Arabic letters keep one alef ("أ" is "ا").
fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    // "İ" lowercases to "i" and a combining dot.
    if lower.is_ascii() {
        out.push(lower);
        return;
    }
    let folded = match lower {
        // The accented letters of the western languages, without a table lookup.
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ß' => {
            out.push_str("ss");
            return;
        }
        'œ' => {
            out.push_str("oe");
            return;
        }
        'æ' => {
            out.push_str("ae");
            return;
        }
        'ø' => 'o',
        'ł' => 'l',
        'đ' | 'ð' => 'd',
        'ı' => 'i',
        // The Azerbaijani schwa ("əvvəl" is "evvel").
        'ə' => 'e',
        'ħ' => 'h',
        // The hooked letters of Hausa ("daƙiƙa", "ɗan").
        'ƙ' => 'k',
        'ɗ' => 'd',
        'ɓ' => 'b',
        'ƴ' => 'y',
        'ё' => 'е',
        'ς' => 'σ',
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        // Bengali letters written with their nukta in one character: the base letter, as when
        // the nukta is written apart (and dropped).
        '\u{9DC}' => '\u{9A1}',
        '\u{9DD}' => '\u{9A2}',
        '\u{9DF}' => '\u{9AF}',
        // The same for Gurmukhi ("ਫ਼ਰਵਰੀ" is "ਫਰਵਰੀ").
        '\u{A33}' => '\u{A32}',
        '\u{A36}' => '\u{A38}',
        '\u{A59}' => '\u{A16}',
        '\u{A5A}' => '\u{A17}',
        '\u{A5B}' => '\u{A1C}',
        '\u{A5E}' => '\u{A2B}',
        // Full-width Latin letters ("Ｍａｒｃｈ").
        '\u{FF41}'..='\u{FF5A}' => char::from_u32(lower as u32 - 0xFEE0).unwrap_or('?'),
        // Latin letters with marks, and accented Greek: the base letter.
        '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' | '\u{386}'..='\u{3CE}' => {
            let mut base = None;
            decompose_canonical(lower, |d| {
                if base.is_none() {
                    base = Some(d);
                }
            });
            match base {
                Some(b) if b.is_ascii_alphabetic() || ('\u{3B1}'..='\u{3C9}').contains(&b) => b,
                _ => '?',
            }
        }
        // Cyrillic, Hebrew, Arabic (Persian letters included), the Indic scripts' letters
        // (Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, Telugu, Kannada, Malayalam),
        // Ethiopic, Armenian and Georgian stand for themselves (Greek was folded above).
        '\u{400}'..='\u{4FF}'
        | '\u{5D0}'..='\u{5EA}'
        | '\u{621}'..='\u{64A}'
        | '\u{671}'..='\u{6D3}'
        | '\u{900}'..='\u{963}'
        | '\u{970}'..='\u{97F}'
        | '\u{980}'..='\u{9E3}'
        | '\u{9F0}'..='\u{9FF}'
        | '\u{A00}'..='\u{A65}'
        | '\u{A70}'..='\u{A7F}'
        | '\u{A80}'..='\u{AE5}'
        | '\u{AF0}'..='\u{AFF}'
        | '\u{B80}'..='\u{BE5}'
        | '\u{BF0}'..='\u{BFF}'
        | '\u{C00}'..='\u{C65}'
        | '\u{C70}'..='\u{CE5}'
        | '\u{CF0}'..='\u{D65}'
        | '\u{D70}'..='\u{D7F}'
        // Ethiopic syllables (Amharic, Tigrinya), Armenian and Georgian letters.
        | '\u{1200}'..='\u{135A}'
        | '\u{561}'..='\u{587}'
        | '\u{10D0}'..='\u{10FF}'
        | '\u{E01}'..='\u{E3A}'
        | '\u{E40}'..='\u{E4E}'
        // Sinhala, Burmese and Khmer letters and vowel signs.
        | '\u{D80}'..='\u{DE5}'
        | '\u{DF0}'..='\u{DFF}'
        | '\u{1000}'..='\u{103F}'
        | '\u{1050}'..='\u{109F}'
        | '\u{1780}'..='\u{17D3}' => lower,
        // Letters the tables never use still take a place, so they never match a table word.
        _ => '?',
    };
    out.push(folded);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut line = Line::default();
        assert!(line.lex(text, 100));
        line.toks
            .iter()
            .map(|t| match t.kind {
                Kind::Num => format!("#{}{}", t.num, if t.ordinal { "o" } else { "" }),
                Kind::Word => line.word(t).to_string(),
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
        assert_eq!(words("1° marzo"), ["#1o", "marzo"]);
        assert_eq!(words("1.º de marzo"), ["#1o", "de", "marzo"]);
        // A year glued to the hour after it (Reuters) is split; other long numbers are not.
        assert_eq!(
            words("3, 20252:05 PM"),
            ["#3", ",", "#2025", "#2", ":", "#5", "pm"]
        );
        assert_eq!(words("12345:67"), ["#12345", ":", "#67"]);
        assert_eq!(words("20252"), ["#20252"]);
        assert_eq!(words("20°C"), ["#20", "°", "c"]);
        assert_eq!(words("Straße"), ["strasse"]);
        assert_eq!(words("De\u{301}cembre"), ["decembre"]);
    }

    #[test]
    fn camel_case_splits_and_glottal_apostrophes_join() {
        assert_eq!(words("UpdatedMarch 3"), ["updated", "march", "#3"]);
        assert_eq!(words("datePublished"), ["date", "published"]);
        assert_eq!(words("PUBLISHEDMarch"), ["published", "march"]);
        assert_eq!(words("iOS 18"), ["ios", "#18"]);
        assert_eq!(words("UpdatedMAR 3"), ["updated", "mar", "#3"]);
        assert_eq!(
            words("macOS PublishedOCTOBER"),
            ["mac", "os", "published", "october"]
        );
        // Oromo's glottal stop after a consonant before a final vowel stays in the word.
        assert_eq!(words("Har'a bar'a"), ["har'a", "bar'a"]);
        assert_eq!(words("Sa'o'i sa’aatii"), ["saoi", "saaatii"]);
        assert_eq!(
            words("d'octobre un'ora ta' Marzu"),
            ["d", "'", "octobre", "un", "'", "ora", "ta", "'", "marzu"]
        );
    }

    #[test]
    fn reads_burmese_khmer_and_sinhala() {
        assert_eq!(words("၃ နာရီ"), ["#3", "နာရီ"]);
        assert_eq!(words("៣ ម៉ោងមុន"), ["#3", "មោងមុន"]);
        assert_eq!(words("මාර්තු 3කට"), ["මාරතු", "#3", "කට"]);
        assert_eq!(words("අප්\u{200d}රේල්"), ["අපරේල"]);
        assert_eq!(words("daƙiƙa"), ["dakika"]);
    }

    #[test]
    fn folds_letters_of_many_scripts() {
        assert_eq!(words("października"), ["pazdziernika"]);
        assert_eq!(words("Března"), ["brezna"]);
        assert_eq!(words("Ağustos Çarşamba"), ["agustos", "carsamba"]);
        assert_eq!(words("lørdag"), ["lordag"]);
        assert_eq!(words("İstanbul"), ["istanbul"]);
        assert_eq!(words("МАРТА Ёлка"), ["марта", "елка"]);
        assert_eq!(words("Μαΐου ΜΑΡΤΙΟΣ"), ["μαιου", "μαρτιοσ"]);
        assert_eq!(words("أمس"), ["امس"]);
        assert_eq!(words("Ｍａｒｃｈ"), ["march"]);
        // Bengali: the virama goes, and "য়" reads the same in one character or two.
        assert_eq!(words("নভেম্বর"), ["নভেমবর"]);
        assert_eq!(words("জানু\u{9DF}ারি জানু\u{9AF}\u{9BC}ারি"), ["জানুযারি", "জানুযারি"]);
        assert_eq!(words("Lapkričio novembrī"), ["lapkricio", "novembri"]);
        // Gurmukhi, Tamil, Telugu: letters kept, viramas dropped.
        assert_eq!(words("ਫ਼ਰਵਰੀ நவம்பர் నవంబర్"), ["ਫਰਵਰੀ", "நவமபர", "నవంబర"]);
    }

    #[test]
    fn drops_marks_that_do_not_change_a_word() {
        assert_eq!(words("मार्च"), ["मारच"]);
        assert_eq!(words("हफ़्ते"), ["हफते"]);
        assert_eq!(words("پیش"), ["پیش"]);
        assert_eq!(words("לִפְנֵי"), ["לפני"]);
        assert_eq!(words("مُنْذُ"), ["منذ"]);
    }

    #[test]
    fn thai_abbreviations_keep_their_letters_not_their_dots() {
        assert_eq!(words("4 มี.ค. ๒๕๖๘"), ["#4", "มีค", ".", "#2568"]);
        assert_eq!(words("ชั่วโมง"), ["ชัวโมง"]);
    }

    #[test]
    fn invisible_marks_separate_like_spaces() {
        assert_eq!(
            words("\u{200f}3\u{200f} مارس\u{200e}2025"),
            ["#3", "مارس", "#2025"]
        );
        assert_eq!(words("\u{feff}March\u{200b}3"), ["march", "#3"]);
        let mut line = Line::default();
        assert!(line.lex("03\u{200f}/03\u{200f}/2025", 10));
        assert!(line.toks.iter().skip(1).all(|t| !t.space_before));
    }

    #[test]
    fn reads_digits_of_other_scripts() {
        assert_eq!(
            words("２０２４年３月５日"),
            ["#2024", "年", "#3", "月", "#5", "日"]
        );
        assert_eq!(words("٣ مارس ٢٠٢٥"), ["#3", "مارس", "#2025"]);
        assert_eq!(words("۱۴۰۲"), ["#1402"]);
        assert_eq!(words("１４：３０"), ["#14", ":", "#30"]);
        assert_eq!(words("१५"), ["#15"]);
        assert_eq!(
            words("૨૫ ௨௫ ౨౫ ೨೫ ൨൫ ੨੫"),
            ["#25", "#25", "#25", "#25", "#25", "#25"]
        );
        assert_eq!(
            words("2025\u{2011}03\u{2011}04"),
            ["#2025", "-", "#3", "-", "#4"]
        );
    }

    #[test]
    fn caps_the_token_count() {
        let mut line = Line::default();
        assert!(!line.lex("a b c d", 3));
        assert!(line.lex("a b c", 3));
    }

    #[test]
    fn overlong_words_match_nothing() {
        let long =
            "Supercalifragilisticexpialidocious".to_string() + "supercalifragilisticexpialidocious";
        assert_eq!(words(&format!("{long} 3")), ["", "#3"]);
    }
}
