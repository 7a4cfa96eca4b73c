//! A small language guess from function words, for the `language` field. Owns only the guess
//! (English, German, French, Spanish, Italian, Portuguese, Dutch); anything unclear is `None`.

/// Function words per language: common, short, and rare in the other languages listed.
const STOPWORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "was", "that", "with", "for", "said", "have", "has",
            "this", "from", "which", "were", "would", "we", "our", "it", "are", "be", "about",
            "what", "they", "their", "his", "her", "not", "but", "been", "will", "had", "its",
            "who", "an", "or", "at", "by", "how", "you", "your",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "sich", "auf", "für", "dem", "den",
            "eine", "auch", "wird", "wurde", "sagte",
        ],
    ),
    (
        "fr",
        &[
            "le", "les", "des", "est", "et", "une", "dans", "pour", "qui", "que", "pas", "sur",
            "avec", "du", "au", "été", "selon", "la", "ce", "un", "ont", "cette",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "del", "que", "y", "una", "por", "para", "con", "es", "fue",
            "según", "pero", "más", "está", "como", "este", "esta", "ha", "han", "sus", "al", "lo",
            "sin", "sobre", "entre", "muy", "también", "la",
        ],
    ),
    (
        "it",
        &[
            "il", "della", "che", "di", "è", "per", "una", "con", "non", "sono", "gli", "nel",
            "alla", "anche", "stato", "dei", "delle",
        ],
    ),
    (
        "pt",
        &[
            "os", "das", "do", "da", "que", "não", "uma", "para", "com", "em", "foi", "pelo",
            "pela", "ao", "são", "mais", "também",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "van", "en", "is", "dat", "niet", "met", "voor", "zijn", "op",
            "ook", "werd", "heeft", "naar", "bij",
        ],
    ),
];

/// Every function word with a bit per language, bucketed by first byte so a lookup compares
/// a handful of words.
fn table() -> &'static [Vec<(&'static str, u8)>] {
    static TABLE: std::sync::OnceLock<Vec<Vec<(&'static str, u8)>>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: Vec<Vec<(&'static str, u8)>> = vec![Vec::new(); 256];
        for (i, (_, words)) in STOPWORDS.iter().enumerate() {
            for w in *words {
                let bucket = &mut t[usize::from(w.as_bytes()[0])];
                match bucket.iter_mut().find(|(x, _)| x == w) {
                    Some(entry) => entry.1 |= 1 << i,
                    None => bucket.push((w, 1 << i)),
                }
            }
        }
        t
    })
}

fn lookup(word: &str) -> u8 {
    let Some(&first) = word.as_bytes().first() else {
        return 0;
    };
    table()[usize::from(first)]
        .iter()
        .find(|(w, _)| *w == word)
        .map_or(0, |(_, mask)| *mask)
}

/// The BCP 47 tag of the language of the title and body, when the function words point
/// clearly at one. Short texts need fewer words but a clearer lead.
pub fn guess(title: &str, body: &str) -> Option<&'static str> {
    let mut counts = [0usize; STOPWORDS.len()];
    let mut total = 0usize;
    let mut buf = String::with_capacity(16);
    for word in title
        .split_whitespace()
        .chain(body.split_whitespace())
        .take(120)
    {
        total += 1;
        // Function words are short; longer words cannot match and are not lowercased.
        if word.len() > 9 {
            continue;
        }
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() || w.len() > 7 {
            continue;
        }
        buf.clear();
        if w.is_ascii() {
            buf.push_str(w);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(w.chars().flat_map(char::to_lowercase));
        }
        let mask = lookup(&buf);
        if mask != 0 {
            for (lang, count) in counts.iter_mut().enumerate() {
                if mask & (1 << lang) != 0 {
                    *count += 1;
                }
            }
        }
    }
    if total < 8 {
        return None;
    }
    let (best, &n) = counts.iter().enumerate().max_by_key(|(_, &n)| n)?;
    let second = counts
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != best)
        .map(|(_, &n)| n)
        .max()
        .unwrap_or(0);
    // Enough function words, and clearly more than the runner-up.
    (n >= 3 && n * 10 >= total && n > second * 2).then_some(STOPWORDS[best].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_guessed_from_function_words() {
        let cases: &[(&str, Option<&str>)] = &[
            ("The council said that the budget, which was delayed twice, would pass with the support of the mayor and the board.", Some("en")),
            ("Die Regierung hat am Montag beschlossen, dass die Steuer nicht steigen wird, sagte der Minister in Berlin auf einer Pressekonferenz.", Some("de")),
            ("Le gouvernement a annoncé lundi que les impôts ne seront pas augmentés, selon le ministre qui parlait dans une conférence de presse.", Some("fr")),
            ("El gobierno anunció el lunes que los impuestos no subirán, según el ministro, que habló en una rueda de prensa con los periodistas.", Some("es")),
            ("Short text.", None),
            ("How we cut our cloud bill: first, we moved our batch jobs.", Some("en")),
            ("El Gobierno aprueba la reforma de las pensiones este martes.", Some("es")),
        ];
        for (input, expected) in cases {
            assert_eq!(guess("", input), *expected, "{input}");
        }
    }
}
