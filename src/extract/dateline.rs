//! Datelines: the place at the very start of the first paragraph (`LONDON (Reuters) -`,
//! `SPRINGFIELD, Ill. (AP) —`, `MUMBAI:`), without its wire tag or date, and a date written
//! inside it. Does not remove the dateline from the body (it stays) or choose header dates.

use crate::dates::Resolver;

use super::vocab::NAME_PARTICLES;
use super::when::{self, DateHit};

/// A dateline found at the start of a paragraph.
#[derive(Debug, Clone)]
pub struct Dateline {
    pub place: String,
    /// A date written inside the dateline (`Portland, Maine – October 14, 2025 – ...`).
    pub date: Option<DateHit>,
    /// The reporters a Chinese wire dateline names (`新华社北京4月16日电（记者张三、李四）`),
    /// joined with commas.
    pub reporters: Option<String>,
}

/// The dateline at the start of `para`, if it has one.
pub fn find(para: &str, ctx: &Resolver) -> Option<Dateline> {
    if let Some(place) = wire_tag_dateline(para) {
        return Some(Dateline {
            place: place.to_string(),
            date: None,
            reporters: wire_tag_reporters(para),
        });
    }
    let (prefix, rest) = split_prefix(para)?;
    let mut date = None;
    let mut kept: Vec<String> = Vec::new();
    let without_tags = remove_parens(prefix);
    for part in without_tags.split(',') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        // `JAKARTA, KOMPAS.com -`: the outlet's domain is a tag, not part of the place.
        if super::lines::is_domain(part) {
            continue;
        }
        let hits = when::probe(part, ctx, None);
        if let Some(hit) = hits.into_iter().next() {
            date.get_or_insert(hit);
        } else {
            kept.push(part.to_string());
        }
    }
    if kept.is_empty() {
        return None;
    }
    drop_wire_word(&mut kept);
    if date.is_none() {
        // `Portland, Maine – October 14, 2025 – The ...`: a date between two dashes.
        date = dated_segment(rest, ctx);
    }
    Some(Dateline {
        place: kept.join(", "),
        date,
        reporters: None,
    })
}

/// `Washington CNN —`: a wire or network name in capitals after a place that is not in
/// capitals is a tag, not part of the place.
fn drop_wire_word(kept: &mut [String]) {
    let Some(last) = kept.last_mut() else {
        return;
    };
    let words: Vec<&str> = last.split_whitespace().collect();
    if words.len() < 2 {
        return;
    }
    let tag = words[words.len() - 1];
    let caps = |w: &str| {
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    };
    if (2..=6).contains(&tag.len())
        && caps(tag)
        && !words[..words.len() - 1].iter().all(|w| caps(w))
    {
        *last = words[..words.len() - 1].join(" ");
    }
}

/// The place-like prefix before the first ` – `, ` — `, ` - ` (or `:` after an ALL-CAPS
/// place) and the text after it.
fn split_prefix(para: &str) -> Option<(&str, &str)> {
    let head_end = para.char_indices().nth(90).map_or(para.len(), |(i, _)| i);
    let head = &para[..head_end];
    let mut best: Option<(usize, usize)> = None;
    for sep in [" – ", " — ", " - ", " -- ", " —", "— ", ".- ", " .- "] {
        if let Some(i) = head.find(sep) {
            if best.is_none_or(|(b, _)| i < b) {
                best = Some((i, i + sep.len()));
            }
        }
    }
    if let Some((end, start)) = best {
        let prefix = para[..end].trim();
        if place_like(prefix) {
            return Some((prefix, &para[start..]));
        }
    }
    // `WASHINGTON—The Senate`: a dash without spaces after a place in capitals.
    // `HOUSTON--(BUSINESS WIRE)--Northwind`: two hyphens, the release wire's way.
    for dash in ["—", "–", "--"] {
        if let Some(i) = head.find(dash) {
            let prefix = para[..i].trim();
            if all_caps(prefix) && place_like(prefix) {
                return Some((prefix, &para[i + dash.len()..]));
            }
        }
    }
    let colon = head.find(':')?;
    let prefix = para[..colon].trim();
    let letters: Vec<char> = remove_parens(prefix)
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    // `DARIAN WOODS, HOST:` alone is a speaker in a transcript: a dateline opens a sentence.
    let rest = &para[colon + 1..];
    if letters.len() >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && place_like(prefix)
        && rest.split_whitespace().nth(1).is_some()
    {
        return Some((prefix, rest));
    }
    // `Thiruvananthapuram: The monsoon ...`, `New Delhi: The ...` (Indian and Pakistani
    // papers): a place not in capitals, then a sentence.
    (mixed_case_place(prefix)
        && rest.starts_with(' ')
        && rest.trim_start().starts_with(char::is_uppercase)
        && rest.split_whitespace().nth(3).is_some())
    .then_some((prefix, rest))
}

/// One capitalised word of five letters or more that is no label (`Update`, `Analysis`), or
/// two or three capitalised words led by a place word (`New Delhi`, `San Juan`).
fn mixed_case_place(prefix: &str) -> bool {
    const LABELS: &[&str] = &[
        "update",
        "updated",
        "note",
        "analysis",
        "opinion",
        "watch",
        "listen",
        "source",
        "sources",
        "photo",
        "photos",
        "video",
        "background",
        "context",
        "warning",
        "breaking",
        "exclusive",
        "explainer",
        "factbox",
        "summary",
        "correction",
        "disclaimer",
        "related",
        "comment",
        "comments",
        "editor",
        "editors",
        "review",
        "verdict",
        "claim",
        "answer",
        "question",
        "transcript",
        "spoiler",
        "trigger",
        "caution",
        "notice",
        "reporting",
        "credit",
        "credits",
        "image",
        "music",
        "price",
        "prices",
        "result",
        "results",
        "score",
        "final",
        "latest",
        "alert",
        "today",
        "yesterday",
        "tomorrow",
        "morning",
        "evening",
        "update",
        "recap",
        "preview",
        "overview",
        "conclusion",
        "introduction",
        "bottom",
        "lesson",
        "tip",
        "tips",
        "fact",
        "facts",
        "quote",
        "details",
        "location",
        "venue",
        "where",
        "when",
        "what",
        "why",
        "who",
        "how",
        "there",
        "here",
        "this",
        "that",
        "these",
        "those",
        "also",
        "first",
        "second",
        "third",
        "finally",
        "meanwhile",
        "however",
        "instead",
        "timeline",
        "interview",
        "profile",
        "obituary",
        "podcast",
        "quiz",
        "recipe",
        "editorial",
        "letters",
        "essay",
        "briefing",
        "newsletter",
        "gallery",
        "pictures",
        "graphic",
        "chart",
        "report",
        "statement",
        "excerpt",
        "extract",
        "feature",
        "special",
        "sponsored",
        "partner",
        "promoted",
        "updates",
        "developing",
        "reminder",
        "ingredients",
        "method",
        "result",
        "example",
        "thanks",
        "please",
        "chapter",
        "part",
        "step",
    ];
    const PLACE_LEADS: &[&str] = &["New", "San", "Santa", "Los", "Las", "Port", "Cape", "Saint"];
    let words: Vec<&str> = prefix.split_whitespace().collect();
    let word_ok = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.all(|c| c.is_lowercase() || c == '-')
    };
    match words.as_slice() {
        [w] => w.chars().count() >= 5 && word_ok(w) && !LABELS.contains(&w.to_lowercase().as_str()),
        [lead, rest @ ..] if rest.len() <= 2 => {
            PLACE_LEADS.contains(lead) && rest.iter().all(|w| word_ok(w))
        }
        _ => false,
    }
}

/// Chinese, Korean and Japanese wire datelines, the place inside the agency's tag:
/// `新华社北京4月16日电` (agency, place, date, `电`), `(서울=연합뉴스)` / `[서울=뉴시스]`
/// (place `=` agency), `【ワシントン共同】` (place, agency).
fn wire_tag_dateline(para: &str) -> Option<&str> {
    const ZH_AGENCIES: &[&str] = &["新华社", "中新社", "中新网", "本报", "人民网", "新华网"];
    const JA_AGENCIES: &[&str] = &["共同", "時事", "ロイター", "AFP=時事", "ブルームバーグ"];
    let first = para.chars().next()?;
    if first.is_ascii_alphanumeric() {
        return None;
    }
    if let Some(after) = ZH_AGENCIES.iter().find_map(|a| para.strip_prefix(a)) {
        // The place runs to the date's first digit; the date ends in `电` or `讯`.
        let digit = after.find(|c: char| c.is_ascii_digit())?;
        let (place, date) = after.split_at(digit);
        let n = place.chars().count();
        let tail = date.trim_start_matches(|c: char| c.is_ascii_digit() || c == '月' || c == '日');
        return ((1..=8).contains(&n)
            && place.chars().all(is_han)
            && date.contains('日')
            && (tail.starts_with('电') || tail.starts_with('讯')))
        .then_some(place);
    }
    let (open, close) = match first {
        '(' => ('(', ')'),
        '[' => ('[', ']'),
        '（' => ('（', '）'),
        '【' => ('【', '】'),
        _ => return None,
    };
    let inner = &para[open.len_utf8()..];
    let inner = &inner[..inner.find(close)?];
    if inner.chars().count() > 20 {
        return None;
    }
    let place = match inner.split_once('=') {
        // `(서울=연합뉴스)`: place, then the agency.
        // `(사진=연합뉴스)` credits a picture, not a place.
        Some((place, _)) if matches!(place.trim(), "사진" | "그래픽" | "영상" | "자료사진") => {
            return None
        }
        Some((place, _)) if open != '【' => place.trim(),
        _ => JA_AGENCIES
            .iter()
            .find_map(|a| inner.strip_suffix(a))
            .map(str::trim)?,
    };
    let n = place.chars().count();
    ((1..=10).contains(&n)
        && place
            .chars()
            .all(|c| is_han(c) || is_hangul(c) || is_kana(c) || c == '・'))
    .then_some(place)
}

/// `（记者张三、李四）` right after a Chinese wire dateline's `电`: the reporters.
fn wire_tag_reporters(para: &str) -> Option<String> {
    let after = &para[para.find(['电', '讯'])? + '电'.len_utf8()..];
    let inner = after
        .strip_prefix("（记者")
        .or_else(|| after.strip_prefix("(记者"))?;
    let inner = &inner[..inner.find(['）', ')'])?];
    let names: Vec<&str> = inner
        .split(['、', ' ', '，'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    (!names.is_empty()
        && names
            .iter()
            .all(|n| (2..=4).contains(&n.chars().count()) && n.chars().all(is_han)))
    .then(|| names.join(", "))
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}')
}

fn is_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}')
}

/// Whether the letters outside parentheses are all capitals (at least two of them).
fn all_caps(prefix: &str) -> bool {
    let letters: Vec<char> = remove_parens(prefix)
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Up to eight words, each capitalised, a particle, a date word or a parenthesised wire tag,
/// so that `The plan – which...` is not taken for a place.
fn place_like(prefix: &str) -> bool {
    let cleaned = remove_parens(prefix);
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 || prefix.len() > 70 {
        return false;
    }
    let first = words[0];
    if !first.chars().next().is_some_and(|c| c.is_uppercase()) {
        return false;
    }
    // A place is not a single common sentence opener.
    if [
        "The", "A", "An", "But", "And", "It", "This", "In", "On", "He", "She", "We", "They",
    ]
    .contains(&first)
        && words.len() <= 2
    {
        return false;
    }
    words.iter().all(|w| {
        let w = w.trim_matches([',', '.']);
        w.is_empty()
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || NAME_PARTICLES.contains(&w)
            || when::is_date_word(w)
    })
}

/// `FRANKFURT, Oct 7 (Northwire)` -> `FRANKFURT, Oct 7`; a release wire's tag between slashes
/// goes too (`SAN JOSE, Calif., March 4, 2025 /PRNewswire/`).
fn remove_parens(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0u32;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace()
        .filter(|w| !(w.len() > 2 && w.starts_with('/') && w.ends_with('/')))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A date standing alone between dashes right after the place.
fn dated_segment(rest: &str, ctx: &Resolver) -> Option<DateHit> {
    let rest = rest.trim_start();
    for sep in [" – ", " — ", " - "] {
        if let Some(i) = rest.find(sep) {
            if i <= 40 {
                let hit = when::probe(&rest[..i], ctx, None).into_iter().next();
                if hit.is_some() {
                    return hit;
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_follow_the_spec() {
        let ctx =
            Resolver::new(&crate::dates::Context::from_rfc3339("2026-11-26T02:20:00Z").unwrap());
        let cases: &[(&str, Option<&str>)] = &[
            (
                "London, UK – Keir Starmer, leader of the party, said.",
                Some("London, UK"),
            ),
            ("LONDON (Reuters) - Shares fell on Monday.", Some("LONDON")),
            (
                "SPRINGFIELD, Ill. (AP) — The governor signed it.",
                Some("SPRINGFIELD, Ill."),
            ),
            (
                "FRANKFURT, Oct 7 (Northwire) - The bank raised rates.",
                Some("FRANKFURT"),
            ),
            ("MUMBAI: The city's rains eased on Tuesday.", Some("MUMBAI")),
            (
                "Portland, Maine – October 14, 2025 – The mill reopened.",
                Some("Portland, Maine"),
            ),
            (
                "RIO DE JANEIRO (Reuters) - Brazil's central bank held.",
                Some("RIO DE JANEIRO"),
            ),
            (
                "Washington CNN — The Federal Reserve held rates.",
                Some("Washington"),
            ),
            ("NEW YORK (AP) — Stocks fell.", Some("NEW YORK")),
            (
                "WASHINGTON—The Senate voted on Tuesday.",
                Some("WASHINGTON"),
            ),
            (
                "MADRID, 4 mar (EFE).- El Gobierno aprobó el plan.",
                Some("MADRID"),
            ),
            ("A well—known figure said so.", None),
            ("Speaking on Monday – the minister said no.", None),
            (
                "Frankfurt am Main (dpa) - Die Bank hob an.",
                Some("Frankfurt am Main"),
            ),
            ("The plan – which was agreed last week – fell apart.", None),
            (
                "Keir Starmer said on Monday that the plan - agreed - would work.",
                None,
            ),
            ("Note: this is not a dateline.", None),
            (
                "Thiruvananthapuram: The monsoon set in over Kerala on Friday.",
                Some("Thiruvananthapuram"),
            ),
            (
                "New Delhi: The Supreme Court on Monday agreed to hear it.",
                Some("New Delhi"),
            ),
            (
                "Analysis: The vote shows a party divided over its leader.",
                None,
            ),
            ("Background: The scheme was first proposed in 2019.", None),
            ("Darian Woods: This is the show about the economy.", None),
            (
                "新华社北京4月16日电（记者张三）外交部发言人表示。",
                Some("北京"),
            ),
            (
                "(서울=연합뉴스) 대통령실은 4일 입장을 재확인했다.",
                Some("서울"),
            ),
            ("[부산=뉴시스] 시는 4일 밝혔다.", Some("부산")),
            (
                "【ワシントン共同】米政府は4日、発表した。",
                Some("ワシントン"),
            ),
            ("新华社记者张三摄", None),
            ("新华社北京4月16日电 外交部发言人表示。", Some("北京")),
            ("(사진=연합뉴스) 시민들이 모였다.", None),
            ("He said: no.", None),
        ];
        for (input, expected) in cases {
            let got = find(input, &ctx).map(|d| d.place);
            assert_eq!(got.as_deref(), *expected, "{input}");
        }
        let d = find(
            "Portland, Maine – October 14, 2025 – The mill reopened.",
            &ctx,
        )
        .unwrap();
        assert_eq!(d.date.unwrap().text, "October 14, 2025");
        let d = find(
            "新华社北京4月16日电（记者张三、李四）外交部发言人表示。",
            &ctx,
        )
        .unwrap();
        assert_eq!(d.reporters.as_deref(), Some("张三, 李四"));
    }
}
