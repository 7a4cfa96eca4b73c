//! A small language guess for the `language` field: function words for languages in Latin
//! script (English, German, French, Spanish, Italian, Portuguese, Dutch, Catalan, Polish,
//! Swedish, Danish, Norwegian, Turkish, Indonesian), the script for the others (Russian and Ukrainian by their own
//! letters, Greek, Hebrew, Arabic, Thai, Korean, Japanese, Chinese). Owns only the guess;
//! anything short, mixed or unclear is `None`.

/// Function words per language: common, short, and rare in the other languages listed.
const STOPWORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "was", "that", "with", "for", "said", "have", "has",
            "this", "from", "which", "were", "would", "we", "our", "it", "are", "be", "about",
            "what", "they", "their", "his", "her", "not", "but", "been", "will", "had", "its",
            "who", "an", "or", "at", "by", "how", "you", "your", "on", "after", "could", "than",
            "into", "over", "he", "she", "said", "next",
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
            "avec", "du", "au", "été", "selon", "la", "ce", "un", "ont", "cette", "de", "en", "se",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "del", "que", "y", "una", "por", "para", "con", "es", "fue",
            "según", "pero", "más", "está", "como", "este", "esta", "ha", "han", "sus", "al", "lo",
            "sin", "sobre", "entre", "muy", "también", "la", "un", "en", "de", "su", "se",
        ],
    ),
    (
        "it",
        &[
            "il", "della", "che", "di", "è", "per", "una", "con", "non", "sono", "gli", "nel",
            "alla", "anche", "stato", "dei", "delle", "dal", "dalla", "dagli", "nella", "sul",
            "sulla", "hanno", "e", "ha", "lo",
        ],
    ),
    (
        "pt",
        &[
            "os", "das", "do", "da", "que", "não", "uma", "para", "com", "em", "foi", "pelo",
            "pela", "ao", "são", "mais", "também", "o", "nos", "dos", "às", "nesta", "pelos", "de",
            "se", "um", "no", "na",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "van", "en", "is", "dat", "niet", "met", "voor", "zijn", "op",
            "ook", "werd", "heeft", "naar", "bij",
        ],
    ),
    (
        "ca",
        &[
            "els", "amb", "dels", "però", "aquest", "aquesta", "va", "van", "hi", "ho", "perquè",
            "molt", "ja", "seva", "seus", "fins", "pel", "cap", "també", "segons", "ells", "seu",
            "als",
        ],
    ),
    (
        "pl",
        &[
            "się", "nie", "jest", "że", "przez", "dla", "oraz", "który", "która", "które",
            "został", "została", "w", "z", "po", "od", "ale", "jak", "już", "tylko", "także",
            "roku", "być",
        ],
    ),
    (
        "sv",
        &[
            "och", "att", "är", "för", "inte", "också", "säger", "enligt", "till", "ett", "hade",
            "kommer", "efter", "sedan", "vid", "när", "från", "som", "det", "med",
        ],
    ),
    // Danish and Norwegian share most function words (`og`, `ikke`, `også`): both lists hold
    // them, and the words only one of them writes (`af`/`av`, `siger`/`sier`) decide between
    // the two (`function_words`).
    (
        "da",
        &[
            "og", "ikke", "er", "til", "også", "fordi", "ved", "af", "siger", "bliver", "blev",
            "hvad", "meget", "sig", "havde", "nogle", "mod", "efter", "være", "denne",
        ],
    ),
    (
        "no",
        &[
            "og", "ikke", "er", "til", "også", "fordi", "ved", "av", "sier", "blir", "ble", "hva",
            "mye", "seg", "hadde", "noen", "mot", "etter", "være", "denne",
        ],
    ),
    (
        "tr",
        &[
            "ve", "bir", "bu", "için", "ile", "olarak", "olan", "çok", "daha", "gibi", "kadar",
            "sonra", "yüzde", "dedi", "ise", "göre", "değil", "veya", "şu",
        ],
    ),
    (
        "id",
        &[
            "yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "tidak", "akan", "pada",
            "juga", "bahwa", "tersebut", "dalam", "ke", "oleh", "adalah", "sudah", "karena",
            "telah", "setelah", "sejak", "saat", "hingga", "serta", "namun", "mereka", "masih",
            "bisa", "ada", "sebagai", "segera",
        ],
    ),
];

/// Every function word with a bit per language, grouped by bucket (first byte and length) in
/// one flat list, with each bucket's start: small enough to stay in cache, and a lookup
/// compares one or two words.
struct Table {
    words: Vec<(&'static str, u16)>,
    /// `starts[b]..starts[b + 1]` is bucket `b` in `words`.
    starts: Vec<u16>,
}

fn table() -> &'static Table {
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut merged: Vec<(&'static str, u16)> = Vec::new();
        for (i, (_, words)) in STOPWORDS.iter().enumerate() {
            for w in *words {
                match merged.iter_mut().find(|(x, _)| x == w) {
                    Some(entry) => entry.1 |= 1 << i,
                    None => merged.push((w, 1 << i)),
                }
            }
        }
        merged.sort_by_key(|(w, _)| bucket_of(w.as_bytes()[0], w.len()));
        let mut starts = vec![0u16; BUCKETS + 1];
        for (w, _) in &merged {
            starts[bucket_of(w.as_bytes()[0], w.len()) + 1] += 1;
        }
        for b in 0..BUCKETS {
            starts[b + 1] += starts[b];
        }
        Table {
            words: merged,
            starts,
        }
    })
}

const BUCKETS: usize = 256 * 8;

fn lookup(word: &str) -> u16 {
    let Some(&first) = word.as_bytes().first() else {
        return 0;
    };
    let t = table();
    let b = bucket_of(first, word.len());
    let (start, end) = (usize::from(t.starts[b]), usize::from(t.starts[b + 1]));
    // The words of a bucket are short: compared byte by byte, inline.
    let word = word.as_bytes();
    t.words[start..end]
        .iter()
        .find(|(w, _)| {
            let w = w.as_bytes();
            w.len() == word.len() && w.iter().zip(word).all(|(a, b)| a == b)
        })
        .map_or(0, |(_, mask)| *mask)
}

/// The bucket of a word: its first byte and its length (function words are at most 7 bytes
/// long; longer words share the last slot), so a lookup compares one or two words.
fn bucket_of(first: u8, len: usize) -> usize {
    usize::from(first) * 8 + len.min(7)
}

/// The BCP 47 tag of the language of the title and body, when the function words point
/// clearly at one. Short texts need fewer words but a clearer lead.
pub fn guess(title: &str, body: &str) -> Option<&'static str> {
    // Function words first: they settle most pages; the script is looked at only when they
    // do not (a page in another script has none of them).
    let by_words = function_words(title, body);
    if by_words.is_some() {
        return by_words;
    }
    match script::dominant(title, body) {
        script::Verdict::Latin => letters(title, body),
        script::Verdict::Other(tag) => tag,
    }
}

/// Letters only one language of those guessed writes: `ı` `ğ` `ş` (Turkish, unless the
/// Azerbaijani `ə` is there too), `ł` `ą` `ę` `ż` `ź` (Polish). Three of them, and none of the
/// other language's, for short texts where function words are too few.
fn letters(title: &str, body: &str) -> Option<&'static str> {
    let (mut tr, mut pl, mut other) = (0usize, 0usize, false);
    let (mut vi, mut cs, mut ro, mut ro_comma) = (0usize, 0usize, 0usize, false);
    for c in title.chars().chain(body.chars()).take(2000) {
        match c {
            'ı' | 'ğ' | 'ş' | 'Ğ' | 'Ş' | 'İ' => tr += 1,
            'ł' | 'ą' | 'ę' | 'ż' | 'ź' | 'Ł' | 'Ż' | 'Ź' => pl += 1,
            'ə' | 'Ə' => other = true,
            // Vietnamese: horned and barred letters, and the vowels with a dot below or a
            // hook above (Latin Extended Additional, U+1EA0-U+1EF9).
            'ơ' | 'ư' | 'đ' | 'Ơ' | 'Ư' | 'Đ' | '\u{1EA0}'..='\u{1EF9}' => vi += 1,
            'ř' | 'ů' | 'ě' | 'Ř' | 'Ů' | 'Ě' => cs += 1,
            // Romanian writes s and t with a comma below (and `ă` `î` `â`, which count only
            // with one of those).
            'ș' | 'ț' | 'Ș' | 'Ț' => {
                ro += 1;
                ro_comma = true
            }
            'ă' | 'î' | 'â' | 'Ă' | 'Î' | 'Â' => ro += 1,
            _ => {}
        }
    }
    if !ro_comma {
        ro = 0;
    }
    let only = |n: usize, others: [usize; 4]| n >= 3 && others.iter().all(|&o| o == 0);
    if only(tr, [pl, vi, cs, ro]) && !other {
        Some("tr")
    } else if only(pl, [tr, vi, cs, ro]) {
        Some("pl")
    } else if vi >= 5 && tr + pl + cs + ro == 0 {
        Some("vi")
    } else if only(cs, [tr, pl, vi, ro]) {
        Some("cs")
    } else if only(ro, [tr, pl, vi, cs]) {
        Some("ro")
    } else {
        None
    }
}

/// The language whose function words stand out in the first 120 words, if one does.
fn function_words(title: &str, body: &str) -> Option<&'static str> {
    let mut counts = [0usize; STOPWORDS.len()];
    // Words that only one language's list holds.
    let mut own = [0usize; STOPWORDS.len()];
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
        let mut mask = lookup(&buf);
        if mask.count_ones() == 1 {
            own[mask.trailing_zeros() as usize] += 1;
        }
        while mask != 0 {
            counts[mask.trailing_zeros() as usize] += 1;
            mask &= mask - 1;
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
    // Enough function words, and clearly more than the runner-up: twice as many, or half as
    // many again with a margin of five (related languages share words such as `la`, `que`).
    let clear = n > second * 2 || (n >= second + 5 && n * 2 >= second * 3);
    if n >= 3 && n * 10 >= total && !clear {
        // Danish against Norwegian: the words only one of them writes decide.
        let tag = |i: usize| STOPWORDS[i].0;
        let runner_up = (0..counts.len()).find(|&i| i != best && counts[i] == second);
        if let Some(other) =
            runner_up.filter(|&o| matches!((tag(best), tag(o)), ("da", "no") | ("no", "da")))
        {
            let (a, b) = (own[best], own[other]);
            if a >= 2 && a >= b * 2 {
                return Some(tag(best));
            }
            if b >= 2 && b >= a * 2 {
                return Some(tag(other));
            }
        }
    }
    (n >= 3 && n * 10 >= total && clear).then_some(STOPWORDS[best].0)
}

/// Whether numeric dates in a language are written day first (`04/03/2025` is 4 March).
/// English is left to the `--date-order` convention (US pages write the month first).
pub fn writes_day_first(tag: &str) -> bool {
    matches!(
        tag,
        "de" | "fr"
            | "es"
            | "it"
            | "pt"
            | "nl"
            | "pl"
            | "cs"
            | "ro"
            | "vi"
            | "sv"
            | "da"
            | "no"
            | "tr"
            | "id"
            | "ru"
            | "uk"
            | "el"
            | "ca"
    )
}

/// The writing system of a text, from its letters.
mod script {
    /// Latin letters dominate (or the text is too short to tell): the function words
    /// decide. Otherwise the script's language, or `None` when the script is shared by
    /// several languages and nothing tells them apart.
    pub enum Verdict {
        Latin,
        Other(Option<&'static str>),
    }

    /// Letters looked at: enough to tell the script, few enough to stay cheap.
    const SAMPLE: usize = 600;

    pub fn dominant(title: &str, body: &str) -> Verdict {
        let mut latin = 0usize;
        let mut other = 0usize;
        // Per script: Cyrillic, Greek, Hebrew, Arabic, Thai, Hangul, Kana, Han.
        let mut by_script = [0usize; 8];
        // Letters that tell languages within a script apart.
        let (mut ru, mut uk, mut other_cyrillic, mut persian) = (false, false, false, false);
        let mut n = 0;
        for c in title.chars().chain(body.chars()) {
            if !c.is_alphabetic() {
                continue;
            }
            n += 1;
            if n > SAMPLE {
                break;
            }
            if c.is_ascii() || ('\u{C0}'..='\u{24F}').contains(&c) {
                latin += 1;
                continue;
            }
            other += 1;
            let slot = match c {
                '\u{400}'..='\u{4FF}' => {
                    match c {
                        'ы' | 'э' | 'Ы' | 'Э' => ru = true,
                        'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => uk = true,
                        'ў' | 'ј' | 'љ' | 'њ' | 'ћ' | 'ђ' | 'џ' | 'ѓ' | 'ќ' | 'ѕ' => {
                            other_cyrillic = true
                        }
                        _ => {}
                    }
                    0
                }
                '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}' => 1,
                '\u{590}'..='\u{5FF}' => 2,
                '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' => {
                    // Persian and Urdu letters that Arabic does not use.
                    if matches!(
                        c,
                        'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' | 'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ے'
                    ) {
                        persian = true;
                    }
                    3
                }
                '\u{E00}'..='\u{E7F}' => 4,
                '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => 5,
                '\u{3040}'..='\u{30FF}' => 6,
                '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => 7,
                _ => continue,
            };
            by_script[slot] += 1;
        }
        // Too little text, or mostly Latin: not for the script to say. A Chinese, Japanese or
        // Korean character carries about a word, so fewer of them suffice.
        let cjk = by_script[5] + by_script[6] + by_script[7];
        let min = if cjk * 2 > other { 20 } else { 40 };
        if other < min || other * 10 < (latin + other) * 7 {
            return if other * 10 >= (latin + other) * 3 && latin + other >= 40 {
                // A real mix of scripts: no guess.
                Verdict::Other(None)
            } else {
                Verdict::Latin
            };
        }
        let (slot, &count) = by_script
            .iter()
            .enumerate()
            .max_by_key(|&(_, n)| *n)
            .unwrap_or((0, &0));
        // Japanese mixes kana and Han; anything else must be one script.
        let kana = by_script[6];
        if kana * 10 >= other {
            return Verdict::Other(Some("ja"));
        }
        if count * 10 < other * 8 {
            return Verdict::Other(None);
        }
        Verdict::Other(match slot {
            0 if ru && !uk && !other_cyrillic => Some("ru"),
            0 if uk && !ru && !other_cyrillic => Some("uk"),
            0 => None,
            1 => Some("el"),
            2 => Some("he"),
            3 if !persian => Some("ar"),
            3 => None,
            4 => Some("th"),
            5 => Some("ko"),
            7 => Some("zh"),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_and_norwegian_are_told_apart_by_their_own_words() {
        let da = "Regeringen vil ikke hæve skatten, siger ministeren. Forslaget blev lagt frem af regeringen i går, og det er også blevet kritiseret af oppositionen, som siger at det bliver for dyrt. Hvad der sker nu er uklart, men der er meget pres på regeringen fra partierne.";
        let no = "Regjeringen vil ikke øke skatten, sier ministeren. Forslaget ble lagt fram av regjeringen i går, og det er også blitt kritisert av opposisjonen, som sier at det blir for dyrt. Hva som skjer nå er uklart, men det er mye press på regjeringen fra partiene.";
        let sv = "Regeringen vill inte höja skatten, säger ministern. Förslaget lades fram av regeringen i går och det har också kritiserats av oppositionen, som säger att det blir för dyrt. Vad som händer nu är oklart, men det finns mycket tryck på regeringen från partierna.";
        assert_eq!(guess("Skatten", da), Some("da"));
        assert_eq!(guess("Skatten", no), Some("no"));
        assert_eq!(guess("Skatten", sv), Some("sv"));
    }

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
            ("Sejm przyjął we wtorek nowelizację ustawy, która zmienia zasady naliczania podatku od nieruchomości dla przedsiębiorców, a projekt trafi teraz do Senatu.", Some("pl")),
            ("Regeringen säger att skatten inte ska höjas och att beslutet kommer efter valet, enligt finansministern.", Some("sv")),
            ("Hükümet, asgari ücretin yüzde 30 artırılacağını açıkladı ve bu karar için sendikalarla görüşme yapılacak.", Some("tr")),
            ("Pemerintah resmi mengumumkan kenaikan upah minimum yang sudah mempertimbangkan inflasi dan pertumbuhan ekonomi di daerah.", Some("id")),
            ("Правительство объявило в понедельник, что налоги не будут повышены, сообщил министр финансов на пресс-конференции в Москве.", Some("ru")),
            ("Уряд оголосив у понеділок, що податки не будуть підвищені, повідомив міністр фінансів на пресконференції в Києві.", Some("uk")),
            ("Η κυβέρνηση ανακοίνωσε τη Δευτέρα ότι οι φόροι δεν θα αυξηθούν, δήλωσε ο υπουργός Οικονομικών.", Some("el")),
            ("政府は月曜日、増税は行わないと発表した。財務大臣が記者会見で明らかにした。野党はこの決定を批判している。", Some("ja")),
            ("政府周一宣布不会提高税收，财政部长在新闻发布会上表示，这一决定得到了广泛支持。", Some("zh")),
            ("정부는 월요일 세금을 인상하지 않을 것이라고 발표했으며 재무부 장관이 기자회견에서 밝혔다.", Some("ko")),
            ("أعلنت الحكومة يوم الاثنين أنها لن ترفع الضرائب، وفقا لما قاله وزير المالية في مؤتمر صحفي.", Some("ar")),
            ("Москва", None),
            ("Almanya'da pazar günü yapılan erken genel seçimin resmi olmayan sonuçları açıklandı.", Some("tr")),
            ("Sejm przyjął ustawę, którą poparło większość posłów.", Some("pl")),
            ("Azərbaycanda şəhər ığdır yağış", None),
            ("La oposición anuncia que recurrirá la ley ante la Suprema Corte. El Congreso de México aprobó la madrugada del martes la reforma judicial, tras una sesión de más de 20 horas. La reforma establece la elección por voto popular de jueces y magistrados.", Some("es")),
            ("El Govern ha aprovat aquest dimarts el pressupost, però els grups de l'oposició hi han votat en contra i van dir que no és just amb els municipis. Els alcaldes també hi han mostrat el seu rebuig perquè, segons ells, aquest pressupost no inclou prou inversions per als pobles petits.", Some("ca")),
            ("Путин said on Monday that the talks with Зеленский would not resume before the summer, officials in Kyiv and Moscow said.", Some("en")),
            ("Hà Nội đề xuất lộ trình hạn chế xe máy, bắt đầu từ các quận nội thành trong vành đai 1.", Some("vi")),
            ("Vláda schválila zvýšení platů učitelů od září, oznámil ministr školství.", Some("cs")),
            ("Guvernul a aprobat marți proiectul bugetului de stat, care urmează să fie trimis Parlamentului.", Some("ro")),
            ("Сербия и България: Влада је саопштила да порези неће бити повећани, рекао је министар финансија.", None),
        ];
        for (input, expected) in cases {
            assert_eq!(guess("", input), *expected, "{input}");
        }
    }
}
