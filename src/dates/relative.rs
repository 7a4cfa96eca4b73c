//! Relative forms: counted offsets ("3 hours ago", "5h", "il y a 3 heures", "vor 3 Stunden",
//! "hace 2 días", "há 2 dias", "3 ore fa", "1 hour, 20 minutes ago"), now-like phrases,
//! calendar days ("yesterday at 14:05", "this morning"), "last week", weekdays ("last Monday",
//! "Posted on Monday"), and the refusals of future-pointing and vague phrases. Owns the
//! conventions 3-7 of the date engine issue; absolute dates live in `absolute`.

use super::calendar::Wall;
use super::lexer::Kind;
use super::scan::{Fit, Hit, Step, P};
use super::words::{self, Unit};
use super::{Precision, RefusalKind};

/// A quantity in front of a unit.
#[derive(Debug, Clone, Copy)]
struct Qty {
    n: u64,
    half: bool,
    /// "a few", "some": vague counts, so "a few seconds ago" is now.
    few: bool,
    less: bool,
    /// Written with digits (compact units need digits: "5h", never "one h").
    digits: bool,
    /// The decimal part in hundredths ("2.5 hours", "1,5 Stunden": 50).
    hundredths: u64,
    next: usize,
}

/// A counted offset: calendar months plus exact seconds.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rel {
    months: i64,
    secs: i64,
    smallest: Unit,
    all_compact: bool,
    now: bool,
    next: usize,
}

fn unit_precision(u: Unit) -> Precision {
    match u {
        Unit::Second => Precision::Second,
        Unit::Minute => Precision::Minute,
        Unit::Hour => Precision::Hour,
        Unit::Day => Precision::Day,
        Unit::Week => Precision::Week,
        Unit::Month => Precision::Month,
        Unit::Year => Precision::Year,
    }
}

/// Biggest count accepted per unit; beyond it the result would leave the years 1..=9999.
const MAX_COUNT: u64 = 10_000_000_000;

impl P<'_> {
    fn quantity(&self, i: usize) -> Option<Qty> {
        let mut j = i;
        let mut less = false;
        // Hedges: "about", "over", "more than", "près de", "mehr als", "less than".
        for _ in 0..4 {
            let w = self.w(j);
            if words::less_word(w) {
                less = true;
                j += 1;
            } else if w == "d" && j > i && (self.punct(j + 1, '\'') || self.punct(j + 1, '’')) {
                // "plus d'un an", "moins d'une minute": the elided "de" after a hedge.
                j += 2;
            } else if words::hedge(w) && self.t.get(j + 1).is_some() {
                // "de"/"di"/"of" are hedges only after another hedge ("près de", "più di").
                if matches!(w, "de" | "di" | "of") && j == i {
                    break;
                }
                j += 1;
            } else {
                break;
            }
        }
        let q = |n, next| Qty {
            n,
            half: false,
            few: false,
            less,
            digits: false,
            hundredths: 0,
            next,
        };
        let w = self.w(j);
        // "a few", "a couple of", "ein paar", "half an hour", "eine halbe Stunde".
        if matches!(
            w,
            "a" | "an"
                | "ein"
                | "un"
                | "une"
                | "uno"
                | "una"
                | "um"
                | "uma"
                | "eine"
                | "einer"
                | "einem"
                | "een"
        ) {
            let w2 = self.w(j + 1);
            if words::few_word(w2) {
                return Some(Qty {
                    few: true,
                    ..q(3, j + 2)
                });
            }
            // "un par de horas", "un paio di ore": two.
            if matches!(w2, "par" | "paio") && matches!(self.w(j + 2), "de" | "di") {
                return Some(q(2, j + 3));
            }
            if w2 == "couple" {
                let next = if self.is(j + 2, "of") { j + 3 } else { j + 2 };
                return Some(q(2, next));
            }
            if words::half_word(w2) {
                let mut next = j + 2;
                if self.punct(next, '-') {
                    next += 1;
                }
                return Some(Qty {
                    half: true,
                    ..q(1, next)
                });
            }
        }
        // Romanian "acum o oră" (an hour ago); elsewhere "o" is an article or "or".
        if w == "o" && j > 0 && self.is(j - 1, "acum") {
            return Some(q(1, j + 1));
        }
        // "před pár minutami" (Czech), "for få minutter siden" (Danish, Norwegian): a few, only
        // after their "ago" word ("par" is French, "fa" Italian).
        if (w == "par" && j > 0 && self.is(j - 1, "pred"))
            || (w == "fa" && j > 0 && self.is(j - 1, "for"))
        {
            return Some(Qty {
                few: true,
                ..q(3, j + 1)
            });
        }
        if w == "couple" {
            let next = if self.is(j + 1, "of") { j + 2 } else { j + 1 };
            return Some(q(2, next));
        }
        if words::few_word(w) {
            return Some(Qty {
                few: true,
                ..q(3, j + 1)
            });
        }
        if words::half_word(w) {
            let mut next = j + 1;
            if matches!(self.w(next), "an" | "a") || self.punct(next, '-') || self.punct(next, '\'')
            {
                next += 1;
            }
            return Some(Qty {
                half: true,
                ..q(1, next)
            });
        }
        if let Some(t) = self.num(j) {
            if t.ordinal {
                return None;
            }
            // The digits after a decimal point or a time's colon are no count of their own
            // ("1.5 years" is not 5 years).
            if j >= 2
                && !t.space_before
                && (self.punct(j - 1, '.') || self.punct(j - 1, ',') || self.punct(j - 1, ':'))
                && self.adjacent(j - 1)
                && self.num(j - 2).is_some()
            {
                return None;
            }
            // A decimal count before a unit: "2.5 hours ago", "vor 1,5 Stunden".
            let decimal = (self.punct(j + 1, '.') || self.punct(j + 1, ','))
                && self.adjacent(j + 1)
                && self
                    .num(j + 2)
                    .is_some_and(|f| !f.space_before && f.ndig <= 2)
                && words::unit(self.w(j + 3))
                    .is_some_and(|(_, compact)| !compact || self.ago_at(j + 4).is_some());
            if decimal {
                let f = self
                    .num(j + 2)
                    .map_or(0, |f| if f.ndig == 1 { f.num * 10 } else { f.num });
                return Some(Qty {
                    digits: true,
                    hundredths: f,
                    ..q(t.num, j + 3)
                });
            }
            // A number that is part of a time, date or decimal is not a count.
            if let Some(n) = self.t.get(j + 1) {
                if n.kind == Kind::Punct
                    && !n.space_before
                    && matches!(n.ch, ':' | '/' | '.' | ',' | '-' | '%')
                    && self.num(j + 2).is_some_and(|m| !m.space_before)
                {
                    return None;
                }
            }
            // "3+ hours ago": at least three.
            let next = if self.punct(j + 1, '+') && self.adjacent(j + 1) {
                j + 2
            } else {
                j + 1
            };
            return Some(Qty {
                digits: true,
                ..q(t.num, next)
            });
        }
        let n = words::number_word(w)?;
        let mut next = j + 1;
        let mut n = n;
        if n >= 20 && n % 10 == 0 {
            // "twenty-five", "twenty five"
            let k = if self.punct(next, '-') {
                next + 1
            } else {
                next
            };
            if let Some(ones) = words::number_word(self.w(k))
                .filter(|&o| (2..10).contains(&o) || (o == 1 && matches!(self.w(k), "one")))
            {
                n += ones;
                next = k + 1;
            }
        }
        // "un'ora" (Italian elision).
        if self.punct(next, '\'') || self.punct(next, '’') {
            next += 1;
        }
        Some(q(n, next))
    }

    /// A list of counted units: "3 hours", "1 hour, 20 minutes", "1h20m", "an hour and a half".
    fn rel_list(&self, i: usize, prefixed: bool) -> Result<Option<Rel>, super::scan::Fail> {
        let mut rel = Rel {
            months: 0,
            secs: 0,
            smallest: Unit::Year,
            all_compact: true,
            now: false,
            next: i,
        };
        // "час назад", "před hodinou", "منذ ساعتين": the unit word carries its count, after
        // hedges too ("منذ حوالي ساعتين"); so does a Russian or Ukrainian genitive after "more
        // than", "less than" or "about" ("больше года назад", "менее минуты назад").
        let mut u = i;
        let mut less = false;
        while u < i + 2
            && (words::hedge(self.w(u)) || words::less_word(self.w(u)))
            && !matches!(self.w(u), "de" | "di" | "of")
        {
            less |= words::less_word(self.w(u));
            u += 1;
        }
        let hedged = u > i || i > 0 && words::hedge(self.w(i - 1));
        let carried = words::unit_with_count(self.w(u)).or_else(|| {
            hedged
                .then(|| words::unit_genitive_one(self.w(u)))
                .flatten()
        });
        if let Some((unit, n)) = carried {
            if prefixed || self.ago_at(u + 1).is_some() {
                if less && unit <= Unit::Minute {
                    // "менее минуты назад": less than a minute is now (as in English; "less
                    // than an hour ago" stays an hour).
                    return Ok(Some(Rel {
                        months: 0,
                        secs: 0,
                        smallest: Unit::Minute,
                        all_compact: false,
                        now: true,
                        next: u + 1,
                    }));
                }
                let n = n as i64;
                let (months, secs) = match unit.seconds() {
                    Some(s) => (0, n * s),
                    None => (n * if unit == Unit::Year { 12 } else { 1 }, 0),
                };
                return Ok(Some(Rel {
                    months,
                    secs,
                    smallest: unit,
                    all_compact: false,
                    now: false,
                    next: u + 1,
                }));
            }
        }
        // "a quarter of an hour ago", "il y a un quart d'heure", "hace un cuarto de hora".
        if let Some(end) = self.quarter_hour(i) {
            if prefixed || self.ago_at(end).is_some() {
                return Ok(Some(Rel {
                    months: 0,
                    secs: 900,
                    smallest: Unit::Minute,
                    all_compact: false,
                    now: false,
                    next: end,
                }));
            }
        }
        let mut any = false;
        let mut j = i;
        while let Some(q) = self.quantity(j) {
            let uw = self.w(q.next);
            let scaled = words::unit(uw)
                .map(|(u, c)| (u, c, 1))
                .or_else(|| words::scaled_unit(uw).map(|(u, k)| (u, false, k)))
                // The Irish day "lá" folds to the article "la": a unit only before "ó shin".
                .or_else(|| {
                    (uw == "la" && self.is(q.next + 1, "o") && self.is(q.next + 2, "shin"))
                        .then_some((Unit::Day, false, 1))
                });
            let Some((unit, compact, scale)) = scaled else {
                if !any {
                    // "8 monkeys ago": a count, a word, then "ago".
                    if self.t.get(q.next).is_some_and(|t| t.kind == Kind::Word)
                        && (self.ago_at(q.next + 1).is_some() || prefixed)
                        && !words::few_word(uw)
                        && !words::moment_word(uw)
                        && !words::ago_suffix(uw)
                        && !words::vague_word(uw)
                        && words::month_after_day(uw).is_none()
                    {
                        return Err(self.fail(RefusalKind::UnknownUnit, q.next, q.next + 1));
                    }
                    return Ok(None);
                }
                break;
            };
            // "မတ်လ ၃ ရက်" is the Burmese 3 March: a day's word after a month and a number marks
            // the day of the month.
            if !any
                && unit == Unit::Day
                && uw == "ရက"
                && i > 0
                && words::month(self.w(i - 1)).is_some()
            {
                return Ok(None);
            }
            // "4 tháng 3" is the Vietnamese 4 March, not four months; the Khmer "៣ ខែ មីនា" is
            // 3 March, the Yoruba "3 Oṣù Kẹta" too: the word for month stands before a month's
            // number or name.
            if unit == Unit::Month
                && !compact
                && (uw == "thang" && self.num(q.next + 1).is_some()
                    || words::month(self.w(q.next + 1)).is_some()
                    || words::month_pair(uw, self.w(q.next + 1)).is_some())
            {
                return Ok(None);
            }
            // "a time ago" is English, and vague, not the Danish "en time siden" (an hour ago).
            if uw == "time" && !q.digits && self.is(q.next + 1, "ago") {
                return Ok(None);
            }
            // "the 1990s", "over 60s", "in her 30s": a round count glued to "s" after such a
            // word (or a year) is a decade or an age, not seconds, unless "ago" follows.
            if !any
                && compact
                && unit == Unit::Second
                && q.digits
                && q.n >= 10
                && q.n % 10 == 0
                && self.adjacent(q.next)
                && self.ago_at(q.next + 1).is_none()
                && (q.n >= 1000
                    || q.next >= 2
                        && matches!(
                            self.w(q.next - 2),
                            "the"
                                | "over"
                                | "under"
                                | "in"
                                | "early"
                                | "late"
                                | "mid"
                                | "their"
                                | "his"
                                | "her"
                                | "my"
                                | "our"
                                | "your"
                                | "aged"
                                | "los"
                                | "les"
                        ))
            {
                return Ok(None);
            }
            // A year and its word are no count: "2025 m." (Lithuanian), "2025 r." (Polish).
            if !any
                && compact
                && q.digits
                && (1000..=2999).contains(&q.n)
                && words::year_word(uw)
                && self.ago_at(q.next + 1).is_none()
            {
                return Ok(None);
            }
            // Compact units need digits ("5h"), unless "ago" follows ("an hr ago", "a min ago").
            if compact && !q.digits && self.ago_at(q.next + 1).is_none() {
                if any {
                    break;
                }
                return Ok(None);
            }
            let count = q.n.saturating_mul(scale);
            if count > MAX_COUNT {
                return Err(self.fail(RefusalKind::OutOfRange, i, q.next + 1));
            }
            let mut next = q.next + 1;
            // "3 Std.", "2 Min.", "20 godz. temu", "3 d. ago" abbreviations (one letter only
            // before "ago": "3 d." alone is the Lithuanian day of the month).
            if self.punct(next, '.')
                && self.adjacent(next)
                && (self.ago_at(next + 1).is_some() || uw.len() > 1 && compact)
            {
                next += 1;
            }
            let n = count as i64;
            let (mut months, mut secs, mut smallest) = match unit.seconds() {
                Some(s) => (0, n * s, unit),
                None => (n * if unit == Unit::Year { 12 } else { 1 }, 0, unit),
            };
            // "il y a 1 h 30", "1h30 ago": the minutes after an hour, without their unit.
            if unit == Unit::Hour && compact && q.digits {
                let minutes = self
                    .num(next)
                    .filter(|t| t.ndig == 2 && t.num < 60 && !t.ordinal);
                if let Some(m) = minutes {
                    let unit_after = words::unit(self.w(next + 1)).is_some();
                    if !unit_after && (prefixed || self.ago_at(next + 1).is_some()) {
                        secs += m.num as i64 * 60;
                        smallest = Unit::Minute;
                        next += 1;
                    }
                }
            }
            // "half an hour" and "an hour and a half".
            let and_half = matches!(self.w(next), "and" | "et" | "y" | "e" | "und")
                && (words::half_word(self.w(next + 1))
                    || (matches!(self.w(next + 1), "a" | "une")
                        && words::half_word(self.w(next + 2)))
                    || self.w(next + 1) == "demie");
            if q.half || and_half {
                let (m, s, u) = half_of(unit);
                if q.half {
                    months = m * n;
                    secs = s * n;
                } else {
                    months += m;
                    secs += s;
                    next += if matches!(self.w(next + 1), "a" | "une") {
                        3
                    } else {
                        2
                    };
                }
                smallest = u;
            }
            if q.hundredths > 0 {
                let (m, s, u) = fraction_of(unit, q.hundredths);
                months += m;
                secs += s;
                smallest = smallest.min(u);
            }
            if q.less && unit <= Unit::Minute && q.n <= 1 || q.few && unit == Unit::Second {
                rel.now = true;
            }
            rel.months += months;
            rel.secs += secs;
            rel.smallest = rel.smallest.min(smallest);
            rel.all_compact &= compact;
            any = true;
            j = next;
            rel.next = next;
            // Joiners between parts: ",", "and", "et", "y", "e", "und".
            let joiner =
                self.punct(j, ',') || matches!(self.w(j), "and" | "et" | "y" | "e" | "und" | "en");
            if joiner {
                let k = j + 1;
                if self.quantity(k).is_some_and(|q2| {
                    let w = self.w(q2.next);
                    words::unit(w).is_some() || words::scaled_unit(w).is_some()
                }) {
                    j = k;
                    continue;
                }
                break;
            }
            if self.quantity(j).is_none() {
                break;
            }
        }
        Ok(any.then_some(rel))
    }

    /// Where "a quarter of an hour" ("quarter of an hour", "un quart d'heure", "un cuarto de
    /// hora", "um quarto de hora") starting at `i` ends.
    fn quarter_hour(&self, i: usize) -> Option<usize> {
        let mut k = i;
        if matches!(self.w(k), "a" | "un" | "um") {
            k += 1;
        }
        if !matches!(self.w(k), "quarter" | "quart" | "cuarto" | "quarto") {
            return None;
        }
        k += 1;
        if matches!(self.w(k), "of" | "de") {
            k += 1;
        } else if self.is(k, "d") && (self.punct(k + 1, '\'') || self.punct(k + 1, '’')) {
            k += 2;
        }
        if matches!(self.w(k), "an" | "a") {
            k += 1;
        }
        matches!(self.w(k), "hour" | "heure" | "hora").then_some(k + 1)
    }

    /// "il y a", "hace", "vor", "há", "faz", "před", "πριν από": the length of an "ago"
    /// prefix at `i`.
    fn prefix_len(&self, i: usize) -> Option<usize> {
        // The count stands apart from the prefix ("fa16962d" in an identifier is no "fa 3").
        if !self.t.get(i + 1).is_some_and(|t| t.space_before) {
            return None;
        }
        match self.w(i) {
            "il" if self.is(i + 1, "y") && self.is(i + 2, "a") => Some(3),
            "hace" | "vor" | "ha" | "faz" | "hai" => Some(1),
            // Catalan "fa 3 hores" (Italian puts "fa" after: "3 ore fa").
            "fa" if self.num(i + 1).is_some()
                || words::unit_with_count(self.w(i + 1)).is_some()
                || words::number_word(self.w(i + 1)).is_some()
                    && words::unit(self.w(i + 2)).is_some() =>
            {
                Some(1)
            }
            // Albanian "para 3 orësh" (the unit in the ablative, which the Spanish "para 3
            // horas", for three hours, never is).
            "para" if self.num(i + 1).is_some() && self.w(i + 2).ends_with("sh") => Some(1),
            "πριν" if self.is(i + 1, "απο") => Some(2),
            w if words::ago_prefix(w) => Some(1),
            _ => None,
        }
    }

    /// The "ago" after a unit and its count at `j` in the languages that put the unit first,
    /// and where it ends: Swahili "zilizopita", Yoruba "sẹ́yìn", Afaan Oromo "dura", Hausa "da
    /// suka wuce" (and "da suka gabata", "da ya wuce"), Sinhala "පෙර" after the count's glued
    /// "කට" ("පැය 3කට පෙර").
    fn ago_after_unit_first_at(&self, j: usize) -> Option<usize> {
        let w = self.w(j);
        if words::ago_after_unit_first(w) || words::ago_suffix(w) && !w.is_ascii() {
            return Some(j + 1);
        }
        if w == "da"
            && matches!(self.w(j + 1), "suka" | "ya" | "ta")
            && matches!(self.w(j + 2), "wuce" | "gabata")
        {
            return Some(j + 3);
        }
        (matches!(w, "කට" | "ට") && self.is(j + 1, "පෙර")).then_some(j + 2)
    }

    /// An "ago" word after a count at `j` ("ago", "назад", "temu", "önce", "yang lalu"), and
    /// where it ends.
    pub(crate) fn ago_at(&self, j: usize) -> Option<usize> {
        let w = self.w(j);
        if words::ago_suffix(w) {
            return Some(j + 1);
        }
        // Hungarian puts "ago" in the unit's ending ("2 órája").
        if j > 0 && words::unit_with_ago(self.w(j - 1)) {
            return Some(j);
        }
        // Tagalog with its particle: "3 araw na ang nakalipas".
        if w == "na" && self.is(j + 1, "ang") && matches!(self.w(j + 2), "nakalipas" | "nakaraan") {
            return Some(j + 3);
        }
        // Irish: "3 uair an chloig ó shin" (hours "of the clock" ago).
        if w == "an" && self.is(j + 1, "chloig") && self.is(j + 2, "o") && self.is(j + 3, "shin") {
            return Some(j + 4);
        }
        // Nigerian Pidgin: "2 hours wey don pass".
        if w == "wey" && self.is(j + 1, "don") && self.is(j + 2, "pass") {
            return Some(j + 3);
        }
        // Two-word "ago": Indonesian "yang lalu", Tagalog "ang nakalipas", Albanian "më parë",
        // Welsh "yn ôl"; and the Tamil hour's second word ("மணி நேரத்திற்கு முன்பு", folded)
        // before "ago".
        ((w == "yang" && self.is(j + 1, "lalu"))
            || (w == "ang" && matches!(self.w(j + 1), "nakalipas" | "nakaraan"))
            || (w == "me" && self.is(j + 1, "pare"))
            || (w == "yn" && self.is(j + 1, "ol"))
            || (w == "o" && self.is(j + 1, "shin"))
            // Turkish "fazla önce" (more than ... ago) after an ablative unit.
            || (w == "fazla" && self.is(j + 1, "once"))
            || (matches!(w, "நேரததிறகு" | "நேரஙகளுககு" | "நேரம")
                && words::ago_suffix(self.w(j + 1))))
        .then_some(j + 2)
    }

    /// The instant a counted offset points to.
    fn apply(&self, rel: &Rel, start: usize, end: usize, fit: Fit) -> Step {
        let r = self.r;
        let precision = if rel.now {
            Precision::Minute
        } else {
            unit_precision(rel.smallest)
        };
        let mut secs = r.secs;
        if rel.now {
            return Ok(Some(Hit {
                secs,
                precision,
                relative: true,
                start,
                end,
                warn: 0,
                fit,
            }));
        }
        if rel.months != 0 {
            let Some(wall) = r.local.add_months(-rel.months) else {
                return Err(self.fail(RefusalKind::OutOfRange, start, end));
            };
            let Some(s) = r.zone.to_instant(&wall) else {
                return Err(self.fail(RefusalKind::OutOfRange, start, end));
            };
            secs = s;
        }
        let secs = secs
            .checked_sub(rel.secs)
            .filter(|s| super::scan::in_range(*s));
        let Some(secs) = secs else {
            return Err(self.fail(RefusalKind::OutOfRange, start, end));
        };
        Ok(Some(Hit {
            secs,
            precision,
            relative: true,
            start,
            end,
            warn: 0,
            fit,
        }))
    }

    /// A counted offset; whole days with a time after them are that day at that time ("2 days
    /// ago at 14:05", "hace 2 días a las 14:05"), as "yesterday at 14:05" is.
    fn apply_days_at(&self, rel: &Rel, start: usize, end: usize) -> Step {
        if rel.months == 0
            && rel.smallest == Unit::Day
            && rel.secs % 86_400 == 0
            && self.time_after(end)?.is_some()
        {
            let date = self.r.local.add_days(-(rel.secs / 86_400));
            return self.with_optional_time(date, start, end, true);
        }
        self.apply(rel, start, end, Fit::Anywhere)
    }

    /// One counted offset found by another form parser ("3時間前"): `n` units before the
    /// reference, tokens `start..end`.
    pub(crate) fn counted_ago(&self, n: u64, unit: Unit, start: usize, end: usize) -> Step {
        if n > MAX_COUNT {
            return Err(self.fail(RefusalKind::OutOfRange, start, end));
        }
        let n = n as i64;
        let (months, secs) = match unit.seconds() {
            Some(s) => (0, n * s),
            None => (n * if unit == Unit::Year { 12 } else { 1 }, 0),
        };
        let rel = Rel {
            months,
            secs,
            smallest: unit,
            all_compact: false,
            now: false,
            next: end,
        };
        self.apply(&rel, start, end, Fit::Anywhere)
    }

    /// "moments ago", "a few seconds ago", "un instant", "unos segundos": now-like counts,
    /// without the "ago" word. Returns where they end.
    fn now_core(&self, i: usize) -> Option<usize> {
        let mut j = i;
        if self.is(j, "just") {
            j += 1;
        }
        let w = self.w(j);
        if words::number_word(w) == Some(1)
            || words::few_word(w)
            || matches!(w, "some" | "wenigen" | "poucos" | "breve")
        {
            j += 1;
            if words::few_word(self.w(j)) {
                j += 1;
            }
        }
        let w = self.w(j);
        // The ending first: asking the unit table about every word costs more.
        let seconds =
            w.ends_with(['s', 'n', 'i']) && matches!(words::unit(w), Some((Unit::Second, false)));
        (words::moment_word(w) || seconds).then_some(j + 1)
    }

    /// Counted offsets with "ago" before or after, compact units, and now-like counts.
    pub(crate) fn relative_at(&self, i: usize) -> Step {
        if let Some(k) = self.prefix_len(i) {
            let j = i + k;
            // Basque puts "one" and "two" after the unit: "duela ordu bat" (an hour ago).
            if let (Some((unit, false)), Some(n)) = (
                words::unit(self.w(j)),
                words::count_after_unit(self.w(j + 1)),
            ) {
                return self.counted_ago(n, unit, i, j + 2);
            }
            if let Some(end) = self.now_core(j) {
                let rel = Rel {
                    months: 0,
                    secs: 0,
                    smallest: Unit::Minute,
                    all_compact: false,
                    now: true,
                    next: end,
                };
                return self.apply(&rel, i, end, Fit::Anywhere);
            }
            if let Some(rel) = self.rel_list(j, true)? {
                if words::reading_word(self.w(rel.next)) {
                    return Err(self.fail(RefusalKind::ReadingTime, i, rel.next + 1));
                }
                return self.apply_days_at(&rel, i, rel.next);
            }
            if (j..self.t.len().min(j + 3)).any(|k| words::vague_word(self.w(k))) {
                return Err(self.fail(RefusalKind::Vague, i, j + 1));
            }
            return Ok(None);
        }
        if let Some(end) = self.now_core(i) {
            if let Some(after) = self.ago_at(end) {
                let rel = Rel {
                    months: 0,
                    secs: 0,
                    smallest: Unit::Minute,
                    all_compact: false,
                    now: true,
                    next: after,
                };
                return self.apply(&rel, i, after, Fit::Anywhere);
            }
        }
        // The unit first: "Saa 2 zilizopita" (Swahili), "wákàtí 2 sẹ́yìn" (Yoruba).
        if let Some((unit, _)) = words::unit(self.w(i)) {
            // "saa moja iliyopita", "wákàtí kan sẹ́yìn": the count may be a word.
            let n = match self.num(i + 1) {
                Some(t) if !t.ordinal => Some(t.num),
                Some(_) => None,
                None => words::count_after_unit(self.w(i + 1)),
            };
            if let Some((n, end)) = n.zip(self.ago_after_unit_first_at(i + 2)) {
                return self.counted_ago(n, unit, i, end);
            }
        }
        let Some(rel) = self.rel_list(i, false)? else {
            return Ok(None);
        };
        let j = rel.next;
        if let Some(after) = self.ago_at(j) {
            return self.apply_days_at(&rel, i, after);
        }
        if words::future_suffix(self.w(j)) || (self.is(j, "from") && self.is(j + 1, "now")) {
            return Err(self.fail(RefusalKind::Future, i, j + 1));
        }
        let before_reading = (i.saturating_sub(3)..i).any(|k| words::reading_word(self.w(k)));
        let after_reading = words::reading_word(self.w(j))
            || matches!(self.w(j), "de" | "di" | "of") && words::reading_word(self.w(j + 1));
        if before_reading || after_reading {
            return Err(self.fail(RefusalKind::ReadingTime, i, j));
        }
        if rel.all_compact {
            // "à 14h", "às 10h", "um 9h": after a time connector "14h" is a time of day, not
            // 14 hours ago ("demain à 14h" is tomorrow, not this morning).
            if i > 0 && words::time_connector(self.w(i - 1)) && !self.is(i - 1, "h") {
                return Ok(None);
            }
            return self.apply(&rel, i, j, Fit::NothingAfter);
        }
        if i > 0 && (words::future_prefix(self.w(i - 1))) {
            return Err(self.fail(RefusalKind::Future, i - 1, j));
        }
        Err(self.fail(RefusalKind::DurationWithoutAgo, i, j))
    }

    /// "today", "yesterday", "this morning", "the day before yesterday", each with an optional
    /// time ("yesterday at 14:05").
    pub(crate) fn day_at(&self, i: usize) -> Step {
        let Some((back, mut j)) = self.day_word(i) else {
            return Ok(None);
        };
        // "yesterday morning", "ayer por la tarde", "gestern Abend", "ontem à noite".
        let mut k = j;
        while matches!(
            self.w(k),
            "in" | "the" | "por" | "la" | "a" | "de" | "al" | "di"
        ) {
            k += 1;
        }
        if words::daypart(self.w(k)) {
            j = k + 1;
            if self.is(k, "apres") && self.punct(j, '-') && self.is(j + 1, "midi") {
                j += 2;
            }
        }
        let date = self.r.local.add_days(-back);
        self.with_optional_time(date, i, j, true)
    }

    /// A calendar day (days back from the reference date) named at `i`, and where it ends.
    fn day_word(&self, i: usize) -> Option<(i64, usize)> {
        let w = self.w(i);
        if words::today_word(w) {
            // "heute Morgen" is this morning, not tomorrow.
            return Some((0, i + 1));
        }
        if words::yesterday_word(w) {
            return Some((1, i + 1));
        }
        Some(match w {
            "this" | "ce" | "cet" | "cette" | "esta" | "este" | "heute"
                if words::daypart(self.w(i + 1)) =>
            {
                let mut end = i + 2;
                if self.is(i + 1, "apres") && self.punct(end, '-') && self.is(end + 1, "midi") {
                    end += 2;
                }
                (0, end)
            }
            "earlier" | "plus" if self.is(i + 1, "today") => (0, i + 2),
            "stamattina" | "stamani" | "stanotte" | "stamane" => (0, i + 1),
            "aujourd"
                if (self.punct(i + 1, '\'') || self.punct(i + 1, '’')) && self.is(i + 2, "hui") =>
            {
                (0, i + 3)
            }
            "aujourdhui" => (0, i + 1),
            "last" | "gestern" if self.is(i + 1, "night") || self.is(i + 1, "nacht") => (1, i + 2),
            "the" | "day" => {
                let j = if w == "the" { i + 1 } else { i };
                if self.is(j, "day") && self.is(j + 1, "before") && self.is(j + 2, "yesterday") {
                    (2, j + 3)
                } else {
                    return None;
                }
            }
            "avant" if self.punct(i + 1, '-') && self.is(i + 2, "hier") => (2, i + 3),
            "avanthier"
            | "anteayer"
            | "antier"
            | "vorgestern"
            | "anteontem"
            | "eergisteren"
            | "przedwczoraj"
            | "predevcirem"
            | "prekjucer"
            | "prekjuce"
            | "alaltaieri"
            | "toissapaivana"
            | "evvelsi"
            | "позавчера"
            | "позавчора"
            | "προχθεσ"
            | "herenegun"
            | "antonte"
            | "echdoe"
            | "уперадучора"
            // Hindi "परसों", the day before yesterday or after tomorrow: before, as "कल".
            | "परसों"
            | "परसो" => (2, i + 1),
            // "i går", "i dag" (Swedish, Danish, Norwegian), "hari ini", "hôm qua", "hôm nay".
            "i" if self.is(i + 1, "gar") || self.is(i + 1, "gaer") => (1, i + 2),
            "i" if self.is(i + 1, "dag") => (0, i + 2),
            "i" if self.is(i + 1, "forrgar") || self.is(i + 1, "forgars") => (2, i + 2),
            "hari" if self.is(i + 1, "ini") => (0, i + 2),
            // Hungarian "ma 07:00" (today); "ma" is a word in other languages, so only before a
            // clock time.
            "ma" if self.num(i + 1).is_some() && self.punct(i + 2, ':') => (0, i + 1),
            "hom" if self.is(i + 1, "qua") => (1, i + 2),
            "hom" if self.is(i + 1, "nay") => (0, i + 2),
            "dun" if self.is(i + 1, "gece") => (1, i + 2),
            "antes" if self.is(i + 1, "de") && self.is(i + 2, "ayer") => (2, i + 3),
            "altro" if self.is(i + 1, "ieri") => (2, i + 2),
            "l" if self.punct(i + 1, '\'') && self.is(i + 2, "altro") && self.is(i + 3, "ieri") => {
                (2, i + 4)
            }
            _ => return None,
        })
    }

    /// A day plus an optional time after it. Without a time the day counts only on its own.
    fn with_optional_time(&self, date: Wall, start: usize, end: usize, relative: bool) -> Step {
        if let Some(t) = self.time_after(end)? {
            let wall = Wall {
                h: t.h,
                mi: t.mi,
                s: t.s,
                ..date
            };
            let zone = t.zone.map_or_else(|| self.r.zone.clone(), |z| z.zone());
            return self.hit_at(
                &wall,
                &zone,
                t.precision,
                relative,
                start,
                t.next,
                super::scan::Fit::Anywhere,
                0,
            );
        }
        let wall = Wall {
            h: 0,
            mi: 0,
            s: 0,
            ..date
        };
        self.hit_at(
            &wall,
            &self.r.zone.clone(),
            Precision::Day,
            relative,
            start,
            end,
            Fit::Alone,
            0,
        )
    }

    /// "last week", "last month", "last year", "last Monday", "la semaine dernière",
    /// "el lunes pasado", "letzte Woche", "il mese scorso".
    pub(crate) fn last_at(&self, i: usize) -> Step {
        // "w zeszłym tygodniu", "на прошлой неделе", "v minulém týdnu": a preposition first.
        let lead = usize::from(
            matches!(self.w(i), "w" | "v" | "u" | "на" | "в" | "у")
                && words::last_before(self.w(i + 1)),
        );
        let (target, end) = if words::last_before(self.w(i + lead)) {
            (i + lead + 1, i + lead + 2)
        } else if self.is(i, "this") && self.is(i + 1, "past") {
            // "this past Monday", "this past week".
            (i + 2, i + 3)
        } else if self.t.get(i).is_some_and(|t| t.kind == Kind::Word) {
            let mut end = i + 1;
            if self.punct(end, '-') && self.is(end + 1, "feira") {
                end += 2;
            }
            if !words::last_after(self.w(end)) {
                return Ok(None);
            }
            (i, end + 1)
        } else {
            return Ok(None);
        };
        let w = self.w(target);
        let unit = match words::unit(w) {
            Some((unit, false)) => Some(unit),
            _ => words::last_unit(w),
        };
        if let Some(unit) = unit {
            if unit < Unit::Week {
                return Ok(None);
            }
            let rel = Rel {
                months: match unit {
                    Unit::Month => 1,
                    Unit::Year => 12,
                    _ => 0,
                },
                secs: unit.seconds().unwrap_or(0),
                smallest: unit,
                all_compact: false,
                now: false,
                next: end,
            };
            return self.apply(&rel, i, end, Fit::Alone);
        }
        if let Some((wd, true)) = words::weekday(w) {
            let mut end = end;
            if target == i + 1 && self.punct(end, '-') && self.is(end + 1, "feira") {
                end += 2;
            }
            let today = self.r.local;
            let mut back = (i64::from(today.weekday()) - i64::from(wd)).rem_euclid(7);
            if back == 0 {
                back = 7;
            }
            return self.with_optional_time(today.add_days(-back), i, end, true);
        }
        Ok(None)
    }

    /// A bare weekday: the latest such day on or before the reference date.
    pub(crate) fn weekday_at(&self, i: usize) -> Step {
        let Some((wd, full)) = words::weekday(self.w(i)) else {
            return Ok(None);
        };
        let mut end = i + 1;
        // "Monday morning", "lundi soir": the part of the day adds nothing to the day.
        if full && words::daypart(self.w(end)) {
            end += 1;
        }
        // Abbreviations ("Sat") only count with a time after them ("Sat 4:05 PM").
        if !full {
            if self.punct(end, '.') || self.punct(end, ',') {
                end += 1;
            }
            if self.time_after(end)?.is_none() {
                return Ok(None);
            }
        }
        if self.punct(end, '-') && self.is(end + 1, "feira") {
            end += 2;
        }
        let today = self.r.local;
        let back = (i64::from(today.weekday()) - i64::from(wd)).rem_euclid(7);
        let step = self.with_optional_time(today.add_days(-back), i, end, true)?;
        // "Monday at 9pm" said on a Monday morning means last week's.
        match step {
            Some(h) if h.secs > self.r.secs && back == 0 => {
                self.with_optional_time(today.add_days(-7), i, end, true)
            }
            other => Ok(other),
        }
    }

    /// "now", "just now", "right now", "à l'instant", "gerade eben", "agora mesmo".
    pub(crate) fn now_at(&self, i: usize) -> Step {
        let w = self.w(i);
        let end = match w {
            "just" | "right" if self.is(i + 1, "now") => i + 2,
            "justo" | "ahora" if self.is(i + 1, "ahora") || self.is(i + 1, "mismo") => i + 2,
            // "только что", "przed chwilą", "az önce", "baru saja", "chiar acum", "juuri nyt",
            // "lige nu", "just nu", "μόλις τώρα".
            "только" if self.is(i + 1, "что") => i + 2,
            "przed" if self.is(i + 1, "chwila") => i + 2,
            "pred" if self.is(i + 1, "chvili") => i + 2,
            "az" if self.is(i + 1, "once") => i + 2,
            "baru" if self.is(i + 1, "saja") || self.is(i + 1, "sahaja") => i + 2,
            "chiar" if self.is(i + 1, "acum") => i + 2,
            "juuri" if self.is(i + 1, "nyt") => i + 2,
            // Vietnamese "vừa xong" (just now).
            "vua" if self.is(i + 1, "xong") => i + 2,
            "lige" | "just" if self.is(i + 1, "nu") => i + 2,
            "μολισ" => {
                if self.is(i + 1, "τωρα") {
                    i + 2
                } else {
                    i + 1
                }
            }
            "gerade" | "eben" | "soeben" => {
                if self.is(i + 1, "eben") {
                    i + 2
                } else {
                    i + 1
                }
            }
            "a" if self.is(i + 1, "l")
                && (self.punct(i + 2, '\'') || self.punct(i + 2, '’'))
                && self.is(i + 3, "instant") =>
            {
                i + 4
            }
            _ if words::now_word(w) => {
                if matches!(self.w(i + 1), "mismo" | "mesmo") {
                    i + 2
                } else {
                    i + 1
                }
            }
            _ => return Ok(None),
        };
        let rel = Rel {
            months: 0,
            secs: 0,
            smallest: Unit::Minute,
            all_compact: false,
            now: true,
            next: end,
        };
        self.apply(&rel, i, end, Fit::Alone)
    }

    /// "tomorrow", "next week", "in 2 hours", "dans 2 heures", "later today": refused.
    pub(crate) fn future_at(&self, i: usize) -> Step {
        let w = self.w(i);
        if words::future_word(w) {
            // "mañana" after "esta"/"la" is a morning, handled by `day_at`.
            return Err(self.fail(RefusalKind::Future, i, i + 1));
        }
        if w == "later" && matches!(self.w(i + 1), "today" | "this" | "tonight") {
            return Err(self.fail(RefusalKind::Future, i, i + 2));
        }
        if words::future_prefix(w) {
            let k = if matches!(self.w(i + 1), "de" | "a") && matches!(w, "dentro" | "daqui") {
                i + 2
            } else {
                i + 1
            };
            if let Ok(Some(rel)) = self.rel_list(k, false) {
                return Err(self.fail(RefusalKind::Future, i, rel.next));
            }
        }
        Ok(None)
    }

    /// "a while ago", "recently", "some time ago", "long ago", "in the past": refused.
    pub(crate) fn vague_at(&self, i: usize) -> Step {
        let w = self.w(i);
        if words::vague_word(w) {
            return Err(self.fail(RefusalKind::Vague, i, i + 1));
        }
        if matches!(w, "some" | "a") && matches!(self.w(i + 1), "time" | "bit" | "while") {
            return Err(self.fail(RefusalKind::Vague, i, i + 2));
        }
        if w == "in" && self.is(i + 1, "the") && self.is(i + 2, "past") {
            return Err(self.fail(RefusalKind::Vague, i, i + 3));
        }
        Ok(None)
    }
}

/// `hundredths` of one unit, as (months, seconds, precision unit): "2.5 hours" adds 30 minutes,
/// precision minute; "1.5 years" adds 6 months; "1.5 months" adds 15 days.
fn fraction_of(unit: Unit, hundredths: u64) -> (i64, i64, Unit) {
    let h = hundredths as i64;
    match unit {
        Unit::Second => (0, 0, Unit::Second),
        Unit::Minute => (0, 60 * h / 100, Unit::Second),
        Unit::Hour => (0, 3600 * h / 100 / 60 * 60, Unit::Minute),
        Unit::Day => (0, 86_400 * h / 100 / 3600 * 3600, Unit::Hour),
        Unit::Week => (0, 604_800 * h / 100 / 3600 * 3600, Unit::Hour),
        Unit::Month => (0, 30 * h / 100 * 86_400, Unit::Day),
        Unit::Year => ((12 * h + 50) / 100, 0, Unit::Month),
    }
}

/// Half of one unit, as (months, seconds, precision unit).
fn half_of(unit: Unit) -> (i64, i64, Unit) {
    match unit {
        Unit::Second => (0, 0, Unit::Second),
        Unit::Minute => (0, 30, Unit::Second),
        Unit::Hour => (0, 1800, Unit::Minute),
        Unit::Day => (0, 43_200, Unit::Hour),
        Unit::Week => (0, 302_400, Unit::Hour),
        Unit::Month => (0, 15 * 86_400, Unit::Day),
        Unit::Year => (6, 0, Unit::Month),
    }
}

#[cfg(test)]
mod tests {
    use crate::dates::{resolve, Context, RefusalKind};

    /// "INSTANT PRECISION" or the refusal kind.
    fn r(text: &str) -> String {
        let ctx = Context::from_rfc3339("2026-11-26T02:20:00Z").unwrap();
        match resolve(text, &ctx) {
            Ok(r) => format!("{} {}", r.instant, r.precision),
            Err(e) => e.kind.as_str().to_string(),
        }
    }

    #[test]
    fn counted_offsets_in_six_languages() {
        for text in [
            "3 hours ago",
            "il y a 3 heures",
            "hace 3 horas",
            "vor 3 Stunden",
            "há 3 horas",
            "3 ore fa",
            "3h",
            "3 hrs ago",
            "three hours ago",
        ] {
            assert_eq!(r(text), "2026-11-25T23:20:00Z hour", "{text}");
        }
    }

    #[test]
    fn counts_with_the_unit_first_or_ago_in_two_words() {
        for text in [
            "duela 3 ordu",
            "Sa'o'i 3 da suka wuce",
            "sa'aatii 3 dura",
            "පැය 3කට පෙර",
            "3 uair an chloig ó shin",
            "para 3 orësh",
            "3 sigħat ilu",
            "3 гадзіны таму",
            "៣ ម៉ោងមុន",
            "လွန်ခဲ့သော ၃ နာရီက",
            "၃ နာရီ အကြာက",
        ] {
            assert_eq!(r(text), "2026-11-25T23:20:00Z hour", "{text}");
        }
        assert_eq!(r("duela ordu bat"), "2026-11-26T01:20:00Z hour");
        assert_eq!(r("fa una hora"), "2026-11-26T01:20:00Z hour");
        assert_eq!(r("2 lá ó shin"), "2026-11-24T02:20:00Z day");
        assert_eq!(r("2 ddiwrnod yn ôl"), "2026-11-24T02:20:00Z day");
        // The count as a word after the unit, or no count at all for one unit.
        for text in [
            "saa moja iliyopita",
            "wákàtí kan sẹ́yìn",
            "sa'a ɗaya da ta wuce",
            "sa'aatii tokko dura",
            "siegħa ilu",
            "awr yn ôl",
            "fyrir klukkustund",
            "1 oras na ang nakalipas",
            "isang oras ang nakalipas",
            "एक घंटा पहले",
        ] {
            assert_eq!(r(text), "2026-11-26T01:20:00Z hour", "{text}");
        }
        // "2025 m." is a Lithuanian year, not 2025 minutes.
        assert_eq!(r("2025 m."), "2025-01-01T00:00:00Z year");
    }

    #[test]
    fn a_russian_genitive_unit_is_one_only_after_a_hedge() {
        assert_eq!(r("больше года назад"), "2025-11-26T02:20:00Z year");
        assert_eq!(r("около часа назад"), "2026-11-26T01:20:00Z hour");
        assert_eq!(r("2 часа назад"), "2026-11-26T00:20:00Z hour");
        assert_eq!(r("года назад"), "no_date");
        assert_eq!(r("менее минуты назад"), "2026-11-26T02:20:00Z minute");
        assert_eq!(r("близько години тому"), "2026-11-26T01:20:00Z hour");
        assert_eq!(r("منذ حوالي ساعتين"), "2026-11-26T00:20:00Z hour");
        assert_eq!(r("לפני כשעתיים"), "2026-11-26T00:20:00Z hour");
        assert_eq!(r("il y a presque 2 heures"), "2026-11-26T00:20:00Z hour");
    }

    #[test]
    fn compounds_take_the_smallest_unit() {
        assert_eq!(r("1 hour, 20 minutes ago"), "2026-11-26T01:00:00Z minute");
        assert_eq!(r("1h20m"), "2026-11-26T01:00:00Z minute");
        assert_eq!(r("an hour and a half ago"), "2026-11-26T00:50:00Z minute");
        assert_eq!(r("1 year, 2 months ago"), "2025-09-26T02:20:00Z month");
    }

    #[test]
    fn days_weeks_and_weekdays() {
        assert_eq!(r("yesterday"), "2026-11-25T00:00:00Z day");
        assert_eq!(r("the day before yesterday"), "2026-11-24T00:00:00Z day");
        assert_eq!(r("2 days ago at 14:05"), "2026-11-24T14:05:00Z minute");
        assert_eq!(r("3 d. ago"), "2026-11-23T02:20:00Z day");
        assert_eq!(r("3d. ago"), "2026-11-23T02:20:00Z day");
        for text in ["w zeszłym tygodniu", "на прошлой неделе", "v minulém týdnu"]
        {
            assert_eq!(r(text), "2026-11-19T02:20:00Z week", "{text}");
        }
        assert_eq!(r("в прошлом году"), "2025-11-26T02:20:00Z year");
        assert_eq!(r("w zeszłym miesiącu"), "2026-10-26T02:20:00Z month");
        assert_eq!(r("w tygodniu"), "no_date");
        assert_eq!(r("hace 2 días a las 14:05"), "2026-11-24T14:05:00Z minute");
        assert_eq!(r("2 days ago · 4 min read"), "2026-11-24T02:20:00Z day");
        // Afaan Oromo "har'a" (today), its glottal stop after a consonant.
        assert_eq!(r("har'a"), "2026-11-26T00:00:00Z day");
        assert_eq!(r("Thursday"), "2026-11-26T00:00:00Z day");
        assert_eq!(r("last Thursday"), "2026-11-19T00:00:00Z day");
        assert_eq!(r("last week"), "2026-11-19T02:20:00Z week");
        assert_eq!(r("la semaine dernière"), "2026-11-19T02:20:00Z week");
        for text in [
            "atzo",
            "onte",
            "ddoe",
            "inné",
            "ilbieraħ",
            "dje",
            "í gær",
            "учора",
            "ඊයේ",
        ] {
            assert_eq!(r(text), "2026-11-25T00:00:00Z day", "{text}");
        }
    }

    #[test]
    fn refusals_name_their_kind() {
        let kind = |k: RefusalKind| k.as_str().to_string();
        assert_eq!(r("in 2 hours"), kind(RefusalKind::Future));
        assert_eq!(r("2 hours from now"), kind(RefusalKind::Future));
        assert_eq!(r("a while ago"), kind(RefusalKind::Vague));
        assert_eq!(r("8 monkeys ago"), kind(RefusalKind::UnknownUnit));
        assert_eq!(r("48 Hours"), kind(RefusalKind::DurationWithoutAgo));
        assert_eq!(r("2 min read"), kind(RefusalKind::ReadingTime));
    }

    #[test]
    fn marathi_and_turkish_ago_forms_of_round_five() {
        // Marathi with "आधी" (before) apart from the unit, and glued.
        assert_eq!(r("3 तास आधी"), "2026-11-25T23:20:00Z hour");
        assert_eq!(r("2 दिवस आधी"), "2026-11-24T02:20:00Z day");
        assert_eq!(r("2 दिवसांपूर्वी"), "2026-11-24T02:20:00Z day");
        // Turkish "more than 2 hours ago" is 2 hours ago; "about" is a hedge.
        assert_eq!(r("2 saatten fazla önce"), "2026-11-26T00:20:00Z hour");
        assert_eq!(r("1 yıldan fazla önce"), "2025-11-26T02:20:00Z year");
        assert_eq!(r("yaklaşık 3 saat önce"), "2026-11-25T23:20:00Z hour");
        // Without "önce" the ablative is no date.
        assert_eq!(r("2 saatten fazla"), "duration_without_ago");
    }

    #[test]
    fn hindi_kal_is_yesterday_on_a_page() {
        assert_eq!(r("कल"), "2026-11-25T00:00:00Z day");
        assert_eq!(r("कल 14:05"), "2026-11-25T14:05:00Z minute");
        assert_eq!(r("कल शाम 6 बजे"), "2026-11-25T18:00:00Z hour");
        assert_eq!(r("परसों"), "2026-11-24T00:00:00Z day");
    }
}
