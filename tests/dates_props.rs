//! Property tests for the date engine: counted offsets against jiff's own arithmetic, and
//! arbitrary text that must resolve or be refused without panicking.

use copydesk::dates::{resolve, resolve_all, Context, Precision, RefusalKind, Resolver};
use jiff::civil::DateTime;
use jiff::tz::Offset;
use jiff::{Span, Timestamp};
use proptest::prelude::*;

const UNITS: [(&str, &str, &str, Precision); 7] = [
    ("second", "seconds", "s", Precision::Second),
    ("minute", "minutes", "m", Precision::Minute),
    ("hour", "hours", "h", Precision::Hour),
    ("day", "days", "d", Precision::Day),
    ("week", "weeks", "w", Precision::Week),
    ("month", "months", "mo", Precision::Month),
    ("year", "years", "y", Precision::Year),
];

/// The expected instant, computed with jiff: exact durations for seconds to weeks, calendar
/// arithmetic on the reference's wall clock (day clamped to the month) for months and years.
fn expected(reference: Timestamp, offset: Offset, n: i64, unit: usize) -> Timestamp {
    let exact = [1, 60, 3600, 86_400, 604_800];
    if unit < 5 {
        return Timestamp::from_second(reference.as_second() - n * exact[unit]).unwrap();
    }
    let wall: DateTime = offset.to_datetime(reference);
    let span = if unit == 5 {
        Span::new().months(n)
    } else {
        Span::new().years(n)
    };
    let back = wall.checked_sub(span).unwrap();
    offset.to_timestamp(back).unwrap()
}

fn context(secs: i64, offset_quarters: i32) -> (Context, Offset) {
    let offset = Offset::from_seconds(offset_quarters * 900).unwrap();
    let reference = Timestamp::from_second(secs).unwrap();
    (Context::new(reference, offset), offset)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn n_units_ago_is_the_reference_minus_n_units(
        secs in 631_152_000i64..2_840_140_800, // 1990 .. 2060
        offset_quarters in -48i32..=56,
        n in 0i64..=500,
        unit in 0usize..7,
        form in 0usize..3,
    ) {
        let (ctx, offset) = context(secs, offset_quarters);
        let (singular, plural, compact, precision) = UNITS[unit];
        let text = match form {
            0 => format!("{n} {} ago", if n == 1 { singular } else { plural }),
            1 => format!("{n}{compact} ago"),
            _ => format!("{n}{compact}"),
        };
        let r = resolve(&text, &ctx).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert_eq!(r.instant, expected(ctx.reference, offset, n, unit), "{}", text);
        prop_assert_eq!(r.precision, precision);
        prop_assert!(r.relative);
        prop_assert_eq!(r.span, 0..text.len());
    }

    #[test]
    fn any_text_resolves_or_is_refused(text in any::<String>()) {
        let (ctx, _) = context(1_795_000_000, 4);
        let quick = Resolver::new(&ctx).resolve_instant(&text);
        match resolve(&text, &ctx) {
            Ok(r) => {
                prop_assert!(text.get(r.span.clone()).is_some());
                prop_assert_eq!(quick, Some((r.instant.as_second(), r.precision)));
            }
            Err(e) => {
                prop_assert!(!e.reason.is_empty());
                prop_assert_eq!(quick, None);
            }
        }
        let _ = resolve_all(&text, &ctx);
    }

    #[test]
    fn date_like_text_resolves_or_is_refused(
        text in "[0-9a-zA-Z :/.,|•·+\\-'éäüñ年]{0,80}",
        secs in 0i64..4_000_000_000,
        offset_quarters in -48i32..=56,
    ) {
        let (ctx, _) = context(secs, offset_quarters);
        let quick = Resolver::new(&ctx).resolve_instant(&text);
        let full = resolve(&text, &ctx);
        prop_assert_eq!(quick, full.as_ref().ok().map(|r| (r.instant.as_second(), r.precision)));
        if let Ok(all) = resolve_all(&text, &ctx) {
            prop_assert!(!all.is_empty());
        }
    }

    /// Digits of other scripts are the same numbers: a date written with full-width,
    /// Arabic-Indic, Eastern Arabic-Indic, Devanagari or Bengali digits resolves exactly as the
    /// ASCII one (or is refused with the same kind).
    #[test]
    fn digits_of_other_scripts_read_as_ascii_digits(
        template in 0usize..TEMPLATES.len(),
        parts in proptest::array::uniform5(0u32..100),
        year in 1990u32..2030,
        script in 0usize..DIGIT_ZEROS.len(),
        secs in 631_152_000i64..2_840_140_800,
    ) {
        let (ctx, _) = context(secs, 0);
        let ascii = TEMPLATES[template]
            .replace("{y}", &year.to_string())
            .replace("{a}", &(parts[0] % 31 + 1).to_string())
            .replace("{b}", &format!("{:02}", parts[1] % 12 + 1))
            .replace("{h}", &format!("{:02}", parts[2] % 24))
            .replace("{m}", &format!("{:02}", parts[3] % 60))
            .replace("{n}", &(parts[4] + 1).to_string());
        let other = with_digits(&ascii, DIGIT_ZEROS[script]);
        let want = resolve(&ascii, &ctx).map(|r| (r.instant, r.precision)).map_err(|e| e.kind);
        let got = resolve(&other, &ctx).map(|r| (r.instant, r.precision)).map_err(|e| e.kind);
        prop_assert_eq!(got, want, "{} vs {}", other, ascii);
    }

    /// Text in the scripts and digits the lexer folds never panics and keeps the fast path and
    /// the full resolution in agreement.
    #[test]
    fn mixed_script_text_resolves_or_is_refused(
        text in "[0-9０-９٠-٩۰-۹०-९๐-๙ a-zа-яёА-ЯΑ-Ωα-ωάέίόςءا-يก-ฮ่้์ัีืุ،年月日前：．／ーİıłŁøæßœńśźżčřšžůășțğş\u{200f}\u{200b}.:/,|+\\-]{0,60}",
    ) {
        let (ctx, _) = context(1_795_000_000, 12);
        let quick = Resolver::new(&ctx).resolve_instant(&text);
        let full = resolve(&text, &ctx);
        if let Ok(r) = &full {
            prop_assert!(text.get(r.span.clone()).is_some());
        }
        prop_assert_eq!(quick, full.as_ref().ok().map(|r| (r.instant.as_second(), r.precision)));
    }
}

/// Words and marks the date forms start from, for lines made of many of them.
const VOCABULARY: [&str; 24] = [
    "3",
    "hours",
    "ago",
    "il",
    "y",
    "a",
    "hace",
    "vor",
    "年",
    "月",
    "日",
    "前",
    "at",
    "14:32",
    "PM",
    "ET",
    "March",
    "4,",
    "2025",
    "|",
    "/",
    "yesterday",
    "назад",
    "منذ",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Hostile shapes: long digit runs with separators, one word repeated many times, and many
    /// date words in a row. Each resolves or is refused (never panics), and the fast path agrees.
    #[test]
    fn hostile_lines_resolve_or_are_refused(
        digits in "[0-9]{1,700}",
        seps in "[-/.: ]{0,40}",
        word in 0usize..VOCABULARY.len(),
        times in 1usize..300,
        picks in proptest::collection::vec(0usize..VOCABULARY.len(), 0..200),
        unicode in proptest::collection::vec(any::<char>(), 0..700),
    ) {
        let (ctx, _) = context(1_795_000_000, 4);
        let resolver = Resolver::new(&ctx);
        let mut spliced = String::new();
        for (k, c) in digits.chars().enumerate() {
            spliced.push(c);
            if let Some(s) = seps.chars().nth(k % 41) {
                if k % 3 == 2 {
                    spliced.push(s);
                }
            }
        }
        let repeated = vec![VOCABULARY[word]; times].join(" ");
        let mixed = picks.iter().map(|&k| VOCABULARY[k]).collect::<Vec<_>>().join(" ");
        let unicode: String = unicode.into_iter().collect();
        for text in [&digits, &spliced, &repeated, &mixed, &unicode] {
            let full = resolve(text, &ctx);
            if let Ok(r) = &full {
                prop_assert!(text.get(r.span.clone()).is_some());
            }
            let quick = resolver.resolve_instant(text);
            prop_assert_eq!(quick, full.as_ref().ok().map(|r| (r.instant.as_second(), r.precision)));
            let _ = resolve_all(text, &ctx);
        }
    }
}

/// The worst lines under the length cap (every token starting a form that reads far ahead)
/// still resolve in bounded time: far below a millisecond each in a release build, so a
/// generous bound in a debug build catches only a runaway (quadratic or worse) scan.
#[test]
fn worst_case_lines_are_resolved_quickly() {
    let (ctx, _) = context(1_795_000_000, 0);
    let lines = [
        "1 ".repeat(255),
        "1:".repeat(255),
        "1/".repeat(255),
        "1.".repeat(255),
        "a ".repeat(255),
        "il y a ".repeat(72),
        "3 hours, ".repeat(56),
        "March 4, ".repeat(56),
        "年月日".repeat(56),
        "9".repeat(511),
        "2025-03-04T14:32:00 ".repeat(25),
        "١".repeat(255),
    ];
    let started = std::time::Instant::now();
    for _ in 0..20 {
        for line in &lines {
            let _ = resolve(line, &ctx);
            let _ = resolve_all(line, &ctx);
        }
    }
    assert!(
        started.elapsed().as_secs() < 5,
        "480 worst-case lines took {:?}",
        started.elapsed()
    );
}

/// Date phrases with numbers in them; `{y}` year, `{a}` day, `{b}` month, `{h}` hour, `{m}`
/// minute, `{n}` a count.
const TEMPLATES: [&str; 8] = [
    "{a} March {y}",
    "{y}-{b}-{a}",
    "{y}-{b}-{a}T{h}:{m}:00Z",
    "{a}.{b}.{y} {h}:{m}",
    "{n} hours ago",
    "{y}年{b}月{a}日 {h}:{m}",
    "{a} марта {y}, {h}:{m}",
    "منذ {n} دقائق",
];

/// The zero of each digit script the lexer reads.
const DIGIT_ZEROS: [char; 6] = [
    '\u{FF10}', '\u{0660}', '\u{06F0}', '\u{0966}', '\u{09E6}', '\u{0E50}',
];

/// `text` with its ASCII digits written in the script whose zero is `zero`.
fn with_digits(text: &str, zero: char) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(zero as u32 + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[test]
fn very_long_text_is_refused_quickly() {
    let (ctx, _) = context(1_795_000_000, 0);
    let long = "3 hours ago ".repeat(10_000);
    let started = std::time::Instant::now();
    let e = resolve(&long, &ctx).unwrap_err();
    assert_eq!(e.kind, RefusalKind::TooLong);
    // Refused before being read: far below a millisecond even in a debug build.
    assert!(started.elapsed().as_millis() < 50);
}

#[test]
fn extreme_counts_are_refused_not_wrapped() {
    let (ctx, _) = context(1_795_000_000, 0);
    for text in [
        "99999999999 years ago",
        "9999999 years ago",
        "18446744073709551615 seconds ago",
        "99999999 months ago",
    ] {
        assert!(resolve(text, &ctx).is_err(), "{text}");
    }
    assert!(resolve(
        "9000 years ago",
        &Context::new(Timestamp::from_second(0).unwrap(), Offset::UTC)
    )
    .is_err());
}
