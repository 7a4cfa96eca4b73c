//! Absolute forms: ISO 8601 / RFC 3339, numeric dates ("04/03/2025", "03.04.2025",
//! "2025/03/04"), written dates in six languages ("March 3, 2025", "3 de marzo de 2025",
//! "12. März 2025", "Tue 4 Mar 2025 14.30 GMT"), month-year and year, a time (read by `time`)
//! before or after the date, Unix timestamps, and Solar Hijri dates (Persian month names, or
//! year first in Persian digits). Owns conventions 8, 9 and 11 of the date engine issue.

use super::calendar::{days_in_month, from_hijri, from_jalali, is_leap, Wall};
use super::lexer::Kind;
use super::scan::{Fit, Step, P, W_AMBIGUOUS};
use super::words;
use super::{DateOrder, Precision, RefusalKind};

/// A date as written; the year may be missing.
#[derive(Debug, Clone, Copy)]
struct DatePart {
    y: Option<i32>,
    mo: u8,
    d: u8,
    precision: Precision,
    ambiguous: bool,
    /// Only counts as the whole segment ("20250304").
    alone: bool,
    start: usize,
    next: usize,
}

impl P<'_> {
    /// A date (with an optional weekday before it and an optional time after it), a time
    /// followed by a date, a time alone, or a Unix timestamp.
    pub(crate) fn absolute_at(&self, i: usize) -> Step {
        let w = self.w(i);
        let mut as_month = None;
        if words::month(w).is_some() {
            // "Mar 2025" is March before it is a French Tuesday.
            as_month = self.date_time_at(i)?;
            // "mar 3 mar 2025" is a Tuesday: the weekday reading below goes further.
            if as_month.is_some() && words::weekday_abbrev_or_mar(w).is_none() {
                return Ok(as_month);
            }
        }
        if !w.is_empty() {
            if let Some(_wd) = words::weekday_abbrev_or_mar(w) {
                let mut j = i + 1;
                if self.punct(j, '-') && self.is(j + 1, "feira") {
                    j += 2;
                }
                if self.punct(j, '.') {
                    j += 1;
                }
                if self.punct(j, ',') {
                    j += 1;
                }
                if matches!(self.w(j), "le" | "el" | "den" | "der" | "il" | "the") {
                    j += 1;
                }
                // Only a date counts here: "Sat 4:05 PM" is a weekday with a time (`weekday_at`).
                let as_weekday = match self.date_time_at(j) {
                    Ok(h) => h.filter(|h| !h.relative),
                    Err(_) if as_month.is_some() => None,
                    Err(e) => return Err(e),
                };
                if let Some(h) = as_weekday {
                    if as_month.is_none_or(|m| h.end > m.end) {
                        return Ok(Some(super::scan::Hit { start: i, ..h }));
                    }
                }
            }
        }
        if as_month.is_some() {
            return Ok(as_month);
        }
        self.date_time_at(i)
    }

    fn date_time_at(&self, i: usize) -> Step {
        if let Some(t) = self.num(i) {
            if (t.ndig == 10 || t.ndig == 13) && !t.ordinal && !self.glued(i + 1) {
                let secs = if t.ndig == 13 {
                    (t.num / 1000) as i64
                } else {
                    t.num as i64
                };
                return self.hit_at(
                    &Wall::from_utc_seconds(secs),
                    &super::calendar::Zone::Fixed(0),
                    Precision::Second,
                    false,
                    i,
                    i + 1,
                    Fit::Alone,
                    0,
                );
            }
        }
        if let Some(d) = self.date_at(i)? {
            return self.finish_date(d);
        }
        // A time first: "10:04 AM EST, March 3, 2025", "14:05, hier", "5pm".
        // After a connector ("kl. 14.30", "pukul 09.30", "um 14.30") a dotted number is a time,
        // as it is after a date; elsewhere "14.30" may be a price.
        let connected = i > 0
            && (words::time_connector(self.w(i - 1))
                || i > 1 && self.punct(i - 1, '.') && words::time_connector(self.w(i - 2)));
        let Some(t) = self.time_at(i, connected)? else {
            return Ok(None);
        };
        let mut k = t.next;
        for _ in 0..2 {
            if self.punct(k, ',')
                || self.is_sep(k)
                || matches!(
                    self.w(k),
                    "on" | "le" | "el" | "am" | "de" | "il" | "del" | "ngay"
                )
            {
                k += 1;
            }
        }
        let before_weekday = k;
        // "10:04 PM EST, Wed November 25, 2026": a weekday may stand before the date.
        if words::weekday_abbrev_or_mar(self.w(k)).is_some() && words::month(self.w(k)).is_none() {
            k += 1;
            if self.punct(k, '-') && self.is(k + 1, "feira") {
                k += 2;
            }
            while self.punct(k, '.') || self.punct(k, ',') {
                k += 1;
            }
        }
        if let Some(d) = self.date_at(k)? {
            let d = self.complete_year(d)?;
            let wall = Wall {
                y: d.y.unwrap_or(0),
                mo: d.mo,
                d: d.d,
                h: t.h,
                mi: t.mi,
                s: t.s,
            };
            let zone = t.zone.map_or_else(|| self.r.zone.clone(), |z| z.zone());
            let warn = if d.ambiguous { W_AMBIGUOUS } else { 0 };
            return self.hit_at(
                &wall,
                &zone,
                t.precision,
                false,
                i,
                d.next,
                Fit::Anywhere,
                warn,
            );
        }
        if let Some((back, weekday, end)) = self.day_back(before_weekday) {
            let zone = t.zone.map_or_else(|| self.r.zone.clone(), |z| z.zone());
            let at = |back: i64| Wall {
                h: t.h,
                mi: t.mi,
                s: t.s,
                ..self.r.local.add_days(-back)
            };
            // "10:15 on Monday" said on a Monday before 10:15 is last week's.
            let back = if weekday && zone.to_instant(&at(back)).is_some_and(|s| s > self.r.secs) {
                back + 7
            } else {
                back
            };
            return self.hit_at(
                &at(back),
                &zone,
                t.precision,
                true,
                i,
                end,
                Fit::Anywhere,
                0,
            );
        }
        // A time alone: its latest occurrence at or before the reference instant.
        let zone = t.zone.map_or_else(|| self.r.zone.clone(), |z| z.zone());
        let today = self.ref_wall(&zone);
        let mut wall = Wall {
            h: t.h,
            mi: t.mi,
            s: t.s,
            ..today
        };
        if zone.to_instant(&wall).is_some_and(|s| s > self.r.secs) {
            wall = wall.add_days(-1);
        }
        // Wires give the time in GMT as well: "10:15 ET (1515 GMT)".
        let end = self.bracketed_gmt(t.next).unwrap_or(t.next);
        self.hit_at(&wall, &zone, t.precision, true, i, end, Fit::Alone, 0)
    }

    /// Where a bracketed restatement of a time in another zone ends: "(1515 GMT)",
    /// "(15:15 GMT)", "(3:15 p.m. GMT)".
    fn bracketed_gmt(&self, k: usize) -> Option<usize> {
        if !self.punct(k, '(') {
            return None;
        }
        let end = match self.num(k + 1) {
            Some(t) if t.ndig == 4 && t.num % 100 < 60 && t.num / 100 < 24 => {
                self.zone_at(k + 2)?.1
            }
            Some(_) => {
                let t = self.time_at(k + 1, true).ok().flatten()?;
                t.zone?;
                t.next
            }
            None => return None,
        };
        self.punct(end, ')').then_some(end + 1)
    }

    /// "yesterday"/"today" or a weekday after a time ("14:05 yesterday", "10:15 on Monday"):
    /// days back, whether it was a weekday, and where it ends.
    fn day_back(&self, k: usize) -> Option<(i64, bool, usize)> {
        let w = self.w(k);
        if words::today_word(w) {
            Some((0, false, k + 1))
        } else if words::yesterday_word(w) {
            Some((1, false, k + 1))
        } else if let Some((wd, true)) = words::weekday(w) {
            let back = (i64::from(self.r.local.weekday()) - i64::from(wd)).rem_euclid(7);
            Some((back, true, k + 1))
        } else {
            None
        }
    }

    /// Whether the token at `i` glues onto the previous number ("1741000000.5", "123-456").
    pub(crate) fn glued(&self, i: usize) -> bool {
        matches!(self.t.get(i), Some(t) if !t.space_before && t.kind != Kind::Word
            && !(t.kind == Kind::Punct && matches!(t.ch, ')' | ',' | ';' | ']')))
    }

    /// Whether the token at `i` starts with a capital letter in the original text.
    fn upper_initial(&self, i: usize) -> bool {
        self.t
            .get(i)
            .and_then(|t| self.text.get(t.start as usize..))
            .is_some_and(|s| s.starts_with(|c: char| c.is_uppercase()))
    }

    /// Fills a missing year (latest occurrence on or before the reference date) and checks the
    /// day against the month.
    fn complete_year(&self, mut d: DatePart) -> Result<DatePart, super::scan::Fail> {
        match d.y {
            Some(y) => {
                if d.d > days_in_month(y, d.mo) {
                    return Err(self.fail(RefusalKind::InvalidDate, d.start, d.next));
                }
            }
            None => {
                let today = self.r.local;
                let mut y = today.y;
                if (d.mo, d.d) > (today.mo, today.d) {
                    y -= 1;
                }
                // February 29 goes back to the latest leap year.
                while d.mo == 2 && d.d == 29 && !is_leap(y) {
                    y -= 1;
                }
                d.y = Some(y);
            }
        }
        Ok(d)
    }

    fn finish_date(&self, d: DatePart) -> Step {
        let mut d = d;
        let time = if d.precision == Precision::Day {
            // "2025/3/4(火) 14:32", "2025-03-04 星期二 14:32": a weekday between date and time;
            // "26. studenoga 2026. u 07:00": the dot Croatian and Serbian put after the year.
            let after_year_dot = d.next > 0
                && self.punct(d.next, '.')
                && self.adjacent(d.next)
                && self.num(d.next - 1).is_some_and(|t| t.ndig == 4);
            let next = if after_year_dot { d.next + 1 } else { d.next };
            let k = self.cjk_weekday_end(next).unwrap_or(next);
            match self.time_after(k)? {
                Some(t) => Some(t),
                // "2025. 3. 4. 오후 2:30", "2025/03/04 下午2:30".
                None => self.cjk_half_day_time(k)?,
            }
        } else {
            None
        };
        // ctime style: "Mon Mar 3 10:04:00 EST 2025".
        let mut end = time.map_or(d.next, |t| t.next);
        if d.y.is_none() && time.is_some() {
            if let Some(t) = self.num(end).filter(|t| t.ndig == 4 && !t.ordinal) {
                d.y = Some(t.num as i32);
                end += 1;
            }
        }
        let d = self.complete_year(d)?;
        let y = d.y.unwrap_or(0);
        let warn = if d.ambiguous { W_AMBIGUOUS } else { 0 };
        let fit = match d.precision {
            Precision::Day if !d.alone => Fit::Anywhere,
            _ => Fit::Alone,
        };
        match time {
            Some(t) => {
                let wall = Wall {
                    y,
                    mo: d.mo,
                    d: d.d,
                    h: t.h,
                    mi: t.mi,
                    s: t.s,
                };
                let zone = t.zone.map_or_else(|| self.r.zone.clone(), |z| z.zone());
                self.hit_at(
                    &wall,
                    &zone,
                    t.precision,
                    false,
                    d.start,
                    end,
                    Fit::Anywhere,
                    warn,
                )
            }
            None => {
                // A zone name right after a date alone ("2025-03-04 UTC") still counts; a
                // sign and a number do not ("March 3-5, 2025" is a range).
                let named = self.t.get(d.next).is_some_and(|t| t.kind == Kind::Word);
                let (zone, end) = match self.zone_at(d.next).filter(|_| named) {
                    Some((z, e)) => (z.zone(), e),
                    None => (self.r.zone.clone(), d.next),
                };
                let wall = Wall::midnight(y, d.mo, d.d);
                self.hit_at(&wall, &zone, d.precision, false, d.start, end, fit, warn)
            }
        }
    }

    /// A year after a day and month: "2025", "'25", or a bare two-digit year not followed by a
    /// time ("4 Mar 25").
    fn year_at(&self, j: usize) -> Option<(i32, usize)> {
        let mut k = j;
        if self.punct(k, ',') {
            k += 1;
        }
        // "de 2025", "of 2025", the Thai era "พ.ศ. 2568" and the Khmer "ឆ្នាំ" (year).
        if matches!(self.w(k), "de" | "del" | "of" | "พศ" | "ឆនាំ") {
            k += 1;
            if self.punct(k, '.') {
                k += 1;
            }
        }
        if (self.punct(k, '\'') || self.punct(k, '’'))
            && self
                .num(k + 1)
                .is_some_and(|t| t.ndig == 2 && !t.space_before)
        {
            return Some((2000 + self.num(k + 1)?.num as i32, k + 2));
        }
        let t = self.num(k)?;
        if t.ordinal || hijri_year(t) {
            return None;
        }
        // "10:04", "14.30", "10h", "10am" glued on: the number is an hour, not a year.
        let follows_time = self.t.get(k + 1).is_some_and(|n| {
            !n.space_before
                && n.kind == Kind::Punct
                && matches!(n.ch, ':' | '.')
                && self.num(k + 2).is_some_and(|m| !m.space_before)
                || n.kind == Kind::Word
                    && !n.space_before
                    && matches!(self.w(k + 1), "h" | "am" | "pm" | "uhr" | "uur")
        });
        match t.ndig {
            4 if !follows_time => Some((t.num as i32, self.after_year_word(k + 1))),
            2 if !follows_time && !self.words_time_after(k + 1) => {
                Some((2000 + t.num as i32, k + 1))
            }
            _ => None,
        }
    }

    /// A year written after the month at `month_at`: Thai dates count Buddhist years (2568 is
    /// 2025); four-digit years from 2400 on after a Thai month are converted.
    fn era(&self, month_at: usize, y: i32) -> i32 {
        if y >= 2400 && words::thai(self.w(month_at)) {
            y - 543
        } else {
            y
        }
    }

    /// `era` for a year read by `year_at` that ends at `next`: a two-digit year after a Thai
    /// month is Buddhist too ("26 พ.ย. 69" is 2569, 2026).
    fn era_before(&self, month_at: usize, y: i32, next: usize) -> i32 {
        let two_digits = next > 0 && self.num(next - 1).is_some_and(|t| t.ndig == 2);
        if two_digits && words::thai(self.w(month_at)) {
            self.era(month_at, y + 500)
        } else {
            self.era(month_at, y)
        }
    }

    /// Past a word naming the year after a year number ("2025 г.", "2025 года", "2025 r.").
    fn after_year_word(&self, k: usize) -> usize {
        // CLDR's Basque pattern writes the case ending both ways: "2025(e)ko".
        if self.punct(k, '(')
            && self.is(k + 1, "e")
            && self.punct(k + 2, ')')
            && self.is(k + 3, "ko")
            && (k..k + 4).all(|j| self.adjacent(j))
        {
            return k + 4;
        }
        if !words::year_word(self.w(k)) {
            return k;
        }
        if (self.punct(k + 1, '.') || self.punct(k + 1, ',')) && self.adjacent(k + 1) {
            k + 2
        } else {
            k + 1
        }
    }

    /// A day written as an ordinal word ("first", "twenty-first", "premier", "primero") and
    /// where it ends.
    fn ordinal_day_at(&self, i: usize) -> Option<(u8, usize)> {
        let w = self.w(i);
        if let Some(d) = words::ordinal_word(w) {
            return Some((d, i + 1));
        }
        let tens = match w {
            "twenty" => 20,
            "thirty" => 30,
            _ => return None,
        };
        let k = if self.punct(i + 1, '-') { i + 2 } else { i + 1 };
        let ones = words::ordinal_word(self.w(k)).filter(|&o| o < 10)?;
        (tens + ones <= 31).then_some((tens + ones, k + 1))
    }

    /// "the first of March", "first of March 2025", "primero de marzo".
    fn ordinal_first(&self, i: usize) -> Result<Option<DatePart>, super::scan::Fail> {
        let Some((day, mut j)) = self.ordinal_day_at(i) else {
            return Ok(None);
        };
        if matches!(self.w(j), "of" | "de" | "di") {
            j += 1;
        } else if !matches!(self.w(i), "premier" | "primo") {
            // English needs "of": "the first June since 1990" is no date; "premier mars" is.
            return Ok(None);
        }
        let Some(mo) = words::month(self.w(j)) else {
            return Ok(None);
        };
        j += 1;
        if self.punct(j, '.') {
            j += 1;
        }
        let (y, next) = match self.year_at(j) {
            Some((y, n)) => (Some(y), n),
            None => (None, j),
        };
        if u64::from(days_in_month(y.unwrap_or(2024), mo)) < u64::from(day) {
            return Err(self.fail(RefusalKind::InvalidDate, i, next));
        }
        Ok(Some(DatePart {
            y,
            mo,
            d: day,
            precision: Precision::Day,
            ambiguous: false,
            alone: false,
            start: i,
            next,
        }))
    }

    /// A date written year first in words, the year `y` at `i` marked by a dot or a year word:
    /// "2025. március 3." (month, day), "2025 m. kovo 3 d." (with the Lithuanian "d." for
    /// day), "2025. gada 3. martā" (day, month).
    fn year_first_words(&self, i: usize, y: i32) -> Result<Option<DatePart>, super::scan::Fail> {
        let mut k = i + 1;
        let dot = self.punct(k, '.') && self.adjacent(k);
        if dot {
            k += 1;
        }
        let after_word = self.after_year_word(k);
        if after_word == k && !dot {
            return Ok(None);
        }
        k = after_word;
        // A short name that is also a word counts with its dot and a day after it:
        // "2025(e)ko urt. 3(a)".
        let named = words::month(self.w(k)).or_else(|| {
            words::month_after_day(self.w(k))
                .filter(|_| self.punct(k + 1, '.') && self.num(k + 2).is_some())
        });
        let (mo, day_at) = if let Some(mo) = named {
            // "2025. márc. 3.": the month may be abbreviated; Lithuanian may name the month
            // as such ("2025 m. kovo mėn. 3 d.").
            let mut at = if self.punct(k + 1, '.') { k + 2 } else { k + 1 };
            if self.is(at, "men") {
                at += if self.punct(at + 1, '.') { 2 } else { 1 };
            }
            // Without a day it is a month: "2025 m. kovą", "2025. március".
            if self.num(at).is_none_or(|t| t.ndig > 2 || t.ordinal) {
                return Ok(Some(DatePart {
                    y: Some(y),
                    mo,
                    d: 1,
                    precision: Precision::Month,
                    ambiguous: false,
                    alone: false,
                    start: i,
                    next: at,
                }));
            }
            (mo, at)
        } else if self.punct(k + 1, '.') && self.adjacent(k + 1) {
            match words::month_after_day(self.w(k + 2)) {
                Some(mo) if self.num(k).is_some() => (mo, k),
                _ => return Ok(None),
            }
        } else if let (true, Some(mo), Some(_)) = (
            after_word > i + 1,
            words::month_after_day(self.w(k + 1)),
            self.num(k),
        ) {
            // After a year word, day and month without a dot between: Kazakh "2025 ж. 3 нау.".
            let Some(d) = self.num(k).filter(|t| t.ndig <= 2 && !t.ordinal) else {
                return Ok(None);
            };
            let mut next = k + 2;
            if self.punct(next, '.') && self.adjacent(next) {
                next += 1;
            }
            if d.num == 0 || d.num > u64::from(days_in_month(y, mo)) {
                return Err(self.fail(RefusalKind::InvalidDate, i, next));
            }
            return Ok(Some(DatePart {
                y: Some(y),
                mo,
                d: d.num as u8,
                precision: Precision::Day,
                ambiguous: false,
                alone: false,
                start: i,
                next,
            }));
        } else {
            return Ok(None);
        };
        let Some(d) = self.num(day_at).filter(|t| t.ndig <= 2 && !t.ordinal) else {
            return Ok(None);
        };
        let mut next = day_at + 1;
        if day_at == k {
            // Day first: past the dot and the month.
            next = k + 3;
        } else if self.punct(next, '.') && self.adjacent(next) {
            next += 1;
        } else if self.is(next, "d") && self.punct(next + 1, '.') && self.adjacent(next + 1) {
            // The Lithuanian "d." (diena, day).
            next += 2;
        } else if self.is(next, "ရက") {
            // The Burmese "ရက်" (day) after the day: "မတ်လ ၃ ရက်".
            next += 1;
        } else if self.adjacent(next) && matches!(self.w(next), "a" | "an" | "ean") {
            // The Basque case ending on the day: "martxoaren 3a", "martxoaren 3an" (on the 3rd).
            next += 1;
        } else if self.punct(next, '(')
            && self.is(next + 1, "a")
            && self.punct(next + 2, ')')
            && (next..next + 3).all(|j| self.adjacent(j))
        {
            // CLDR's Basque medium date: "2025(e)ko mar. 3(a)".
            next += 3;
        }
        if d.num == 0 || d.num > u64::from(days_in_month(y, mo)) {
            return Err(self.fail(RefusalKind::InvalidDate, i, next));
        }
        Ok(Some(DatePart {
            y: Some(y),
            mo,
            d: d.num as u8,
            precision: Precision::Day,
            ambiguous: false,
            alone: false,
            start: i,
            next,
        }))
    }

    /// Whether an am/pm marker follows (so "Mar 3, 10 am" has no year 2010).
    fn words_time_after(&self, k: usize) -> bool {
        matches!(self.w(k), "am" | "pm" | "uhr" | "uur" | "h")
            || (matches!(self.w(k), "a" | "p") && self.punct(k + 1, '.'))
    }

    /// A date at `i`, without a time.
    fn date_at(&self, i: usize) -> Result<Option<DatePart>, super::scan::Fail> {
        let Some(tok) = self.t.get(i) else {
            return Ok(None);
        };
        let part = |y, mo, d, precision, ambiguous, next| DatePart {
            y,
            mo,
            d,
            precision,
            ambiguous,
            alone: false,
            start: i,
            next,
        };
        match tok.kind {
            Kind::Num if !tok.ordinal && tok.ndig == 4 => {
                let y = tok.num as i32;
                // A Lunar Hijri date year first: "1447 جمادى الأولى 5".
                if let Some((hm, len)) = words::hijri_month(self.w(i + 1), self.w(i + 2)) {
                    let k = i + 1 + len;
                    if let Some(d) = self.num(k).filter(|t| t.ndig <= 2 && !t.ordinal) {
                        let Some((gy, mo, dd)) = from_hijri(y, hm, d.num as u8) else {
                            return Err(self.fail(RefusalKind::InvalidDate, i, k + 1));
                        };
                        return Ok(Some(part(Some(gy), mo, dd, Precision::Day, false, k + 1)));
                    }
                }
                if hijri_year(tok) {
                    // Persian digits date by the Solar Hijri calendar: "۱۴۰۳/۱۲/۱۴".
                    if tok.persian {
                        if let Some(d) = self.jalali_numeric(i, y)? {
                            return Ok(Some(d));
                        }
                    }
                    // Its month and day go with it: "۱۲/۱۴" is no Gregorian date either.
                    let mut end = i + 1;
                    while self
                        .t
                        .get(end)
                        .is_some_and(|t| !t.space_before && t.kind != Kind::Word)
                    {
                        end += 1;
                    }
                    return Err(self.fail(RefusalKind::NoDate, i, end));
                }
                if let Some(week) = self.iso_week(i, y)? {
                    return Ok(Some(week));
                }
                // Spaced and dotted, year first: "2025. 3. 4." (Korean).
                if self.punct(i + 1, '.') && self.adjacent(i + 1) && self.punct(i + 3, '.') {
                    let m = self.num(i + 2).filter(|t| t.ndig <= 2 && t.space_before);
                    let d = self.num(i + 4).filter(|t| t.ndig <= 2 && t.space_before);
                    if let (Some(m), Some(d), true) = (m, d, self.adjacent(i + 3)) {
                        let (mo, dd) = (m.num, d.num);
                        if !(1..=12).contains(&mo) || !(1..=31).contains(&dd) {
                            return Err(self.fail(RefusalKind::InvalidDate, i, i + 5));
                        }
                        let next = if self.punct(i + 5, '.') && self.adjacent(i + 5) {
                            i + 6
                        } else {
                            i + 5
                        };
                        return Ok(Some(part(
                            Some(y),
                            mo as u8,
                            dd as u8,
                            Precision::Day,
                            false,
                            next,
                        )));
                    }
                }
                // ISO 8601 ordinal date: "2026-328" is the 328th day of 2026. Three digits after
                // a hyphen are nothing else a page prints as a date; a number past 366 is not
                // one (a phone or catalogue number), 366 in a common year is an invalid date.
                if let Some(o) = self
                    .num(i + 2)
                    .filter(|t| t.ndig == 3 && !t.space_before && !t.ordinal)
                    .filter(|_| self.punct(i + 1, '-') && self.adjacent(i + 1))
                    .filter(|o| (1..=366).contains(&o.num))
                {
                    if !self.glued(i + 3) || self.is(i + 3, "t") {
                        if o.num == 366 && !is_leap(y) {
                            return Err(self.fail(RefusalKind::InvalidDate, i, i + 3));
                        }
                        // Without a time it must fill its segment: "Resolution 2025-045" and
                        // "INV 2024-001" are numbers, not days of the year.
                        let day = Wall::midnight(y, 1, 1).add_days(o.num as i64 - 1);
                        return Ok(Some(DatePart {
                            alone: true,
                            ..part(Some(y), day.mo, day.d, Precision::Day, false, i + 3)
                        }));
                    }
                }
                // ISO and year-first: 2025-03-04, 2025/03/04, 2025.03.04, 2025-03.
                if let Some(sep) = self.sep_char(i + 1) {
                    if let Some(m) = self.num(i + 2).filter(|t| t.ndig <= 2 && !t.space_before) {
                        if let (true, Some(d)) = (
                            self.punct(i + 3, sep) && self.adjacent(i + 3),
                            self.num(i + 4).filter(|t| t.ndig <= 2 && !t.space_before),
                        ) {
                            let (mo, dd) = (m.num, d.num);
                            if !(1..=12).contains(&mo) || !(1..=31).contains(&dd) {
                                return Err(self.fail(RefusalKind::InvalidDate, i, i + 5));
                            }
                            // "2025.03.04." (Korean pages close the date with a dot).
                            let next = if sep == '.'
                                && self.punct(i + 5, '.')
                                && self.adjacent(i + 5)
                                && !self.glued(i + 6)
                            {
                                i + 6
                            } else {
                                i + 5
                            };
                            return Ok(Some(part(
                                Some(y),
                                mo as u8,
                                dd as u8,
                                Precision::Day,
                                false,
                                next,
                            )));
                        }
                        if sep == '-'
                            && m.ndig == 2
                            && (1..=12).contains(&m.num)
                            && !self.glued(i + 3)
                        {
                            return Ok(Some(part(
                                Some(y),
                                m.num as u8,
                                1,
                                Precision::Month,
                                false,
                                i + 3,
                            )));
                        }
                        return Ok(None);
                    }
                }
                // "2025-Oct-15", "2025/Oct/15": a month name between hyphens or slashes, as logs
                // and some CMS exports write it.
                if let (Some(mo), true) = (
                    words::month(self.w(i + 2)),
                    (self.punct(i + 1, '-') || self.punct(i + 1, '/'))
                        && self.adjacent(i + 1)
                        && self.adjacent(i + 2),
                ) {
                    let sep = if self.punct(i + 1, '-') { '-' } else { '/' };
                    let day = self
                        .num(i + 4)
                        .filter(|t| t.ndig <= 2 && !t.space_before && !t.ordinal);
                    if let (true, Some(d)) = (self.punct(i + 3, sep) && self.adjacent(i + 3), day) {
                        if self.glued(i + 5) {
                            return Ok(None);
                        }
                        if d.num == 0 || d.num > u64::from(days_in_month(y, mo)) {
                            return Err(self.fail(RefusalKind::InvalidDate, i, i + 5));
                        }
                        return Ok(Some(part(
                            Some(y),
                            mo,
                            d.num as u8,
                            Precision::Day,
                            false,
                            i + 5,
                        )));
                    }
                }
                // Year first in words: Hungarian "2025. március 3.", Lithuanian "2025 m. kovo
                // 3 d.", Latvian "2025. gada 3. martā". The year is marked by a dot or a year
                // word, so "2025 March 3" stays a year and a date.
                if let Some(d) = self.year_first_words(i, y)? {
                    return Ok(Some(d));
                }
                // Year, month name, day: "2025 March 3", "2025 මාර්තු 3" (Sinhala).
                if words::month(self.w(i + 1)).is_some() && !self.glued(i + 1) {
                    if let Some(d) = self.month_first(i + 1)? {
                        if d.y.is_none() && d.precision == Precision::Day {
                            if d.d > days_in_month(y, d.mo) {
                                return Err(self.fail(RefusalKind::InvalidDate, i, d.next));
                            }
                            return Ok(Some(DatePart {
                                y: Some(y),
                                start: i,
                                alone: false,
                                ..d
                            }));
                        }
                    }
                }
                // "2025 年"? no: a bare year.
                if (1800..=2200).contains(&y) && !self.glued(i + 1) {
                    // With its year word: "2025 m.", "2025 г.", "2025 roku".
                    let next = self.after_year_word(i + 1);
                    return Ok(Some(part(Some(y), 1, 1, Precision::Year, false, next)));
                }
                Ok(None)
            }
            Kind::Num if tok.ndig <= 2 => self.day_first(i),
            // Basic ISO 8601 "20250304", only on its own.
            Kind::Num if tok.ndig == 8 && !tok.ordinal && !self.glued(i + 1) => {
                let (y, mo, d) = (
                    (tok.num / 10_000) as i32,
                    (tok.num / 100 % 100) as u8,
                    (tok.num % 100) as u8,
                );
                if !(1900..=2100).contains(&y)
                    || !(1..=12).contains(&mo)
                    || d == 0
                    || d > days_in_month(y, mo)
                {
                    return Ok(None);
                }
                Ok(Some(DatePart {
                    alone: true,
                    ..part(Some(y), mo, d, Precision::Day, false, i + 1)
                }))
            }
            // Vietnamese writes the month as a number after "tháng": "ngày 4 tháng 3 năm 2025",
            // "tháng 3 năm 2025".
            Kind::Word if self.is(i, "ngay") && self.is(i + 2, "thang") => Ok(self
                .vietnamese(i + 1, i + 2)?
                .map(|d| DatePart { start: i, ..d })),
            Kind::Word if self.is(i, "thang") => self.vietnamese(i, i),
            Kind::Word => match self.ordinal_first(i)? {
                Some(d) => Ok(Some(d)),
                None => self.month_first(i),
            },
            _ => Ok(None),
        }
    }

    /// ISO 8601 week dates after the year at `i`: "2025-W10" (the week's Monday, precision
    /// week), "2025-W10-2" and "2025W102" (a day of that week).
    fn iso_week(&self, i: usize, y: i32) -> Result<Option<DatePart>, super::scan::Fail> {
        let mut k = i + 1;
        let dashed = self.punct(k, '-') && self.adjacent(k);
        if dashed {
            k += 1;
        }
        if !(self.is(k, "w") && self.adjacent(k)) {
            return Ok(None);
        }
        let Some(wt) = self.num(k + 1).filter(|t| !t.space_before && !t.ordinal) else {
            return Ok(None);
        };
        // "2025W102" writes week and day as one number.
        let (week, mut weekday, mut next) = match wt.ndig {
            2 => (wt.num, None, k + 2),
            3 if !dashed => (wt.num / 10, Some(wt.num % 10), k + 2),
            _ => return Ok(None),
        };
        if weekday.is_none() && dashed && self.punct(next, '-') && self.adjacent(next) {
            if let Some(d) = self
                .num(next + 1)
                .filter(|t| t.ndig == 1 && !t.space_before)
            {
                weekday = Some(d.num);
                next += 2;
            }
        }
        if self.glued(next) {
            return Ok(None);
        }
        // Week 1 holds 4 January; a year has 53 weeks when it starts on a Thursday, or on a
        // Wednesday in a leap year.
        let jan1 = Wall::midnight(y, 1, 1).weekday();
        let weeks = if jan1 == 3 || (jan1 == 2 && is_leap(y)) {
            53
        } else {
            52
        };
        if week == 0 || week > weeks || weekday.is_some_and(|d| d == 0 || d > 7) {
            return Err(self.fail(RefusalKind::InvalidDate, i, next));
        }
        let jan4 = Wall::midnight(y, 1, 4);
        let monday = jan4.add_days(-i64::from(jan4.weekday()) + (week as i64 - 1) * 7);
        let (day, precision) = match weekday {
            Some(d) => (monday.add_days(d as i64 - 1), Precision::Day),
            None => (monday, Precision::Week),
        };
        Ok(Some(DatePart {
            y: Some(day.y),
            mo: day.mo,
            d: day.d,
            precision,
            ambiguous: false,
            alone: false,
            start: i,
            next,
        }))
    }

    /// A Vietnamese date: an optional day number at `i` (when `i` < `k`), then "tháng" at `k`, the
    /// month number, and an optional year after "năm" or a comma ("4 tháng 3 năm 2025", "tháng
    /// 3, 2025"). Without a day it is a month, and needs its year.
    fn vietnamese(&self, i: usize, k: usize) -> Result<Option<DatePart>, super::scan::Fail> {
        let Some(m) = self.num(k + 1).filter(|t| t.ndig <= 2 && !t.ordinal) else {
            return Ok(None);
        };
        let mut next = k + 2;
        if self.punct(next, ',') || self.is(next, "nam") {
            next += 1;
        }
        let year = self
            .num(next)
            .filter(|t| t.ndig == 4 && !t.ordinal)
            .map(|t| t.num as i32);
        if year.is_some() {
            next += 1;
        } else {
            next = k + 2;
        }
        let day = (i < k).then(|| self.num(i).map_or(0, |t| t.num));
        if !(1..=12).contains(&m.num) || day.is_some_and(|d| !(1..=31).contains(&d)) {
            return Err(self.fail(RefusalKind::InvalidDate, i, next));
        }
        let mo = m.num as u8;
        Ok(match (day, year) {
            (Some(d), y) => {
                if u64::from(days_in_month(y.unwrap_or(2024), mo)) < d {
                    return Err(self.fail(RefusalKind::InvalidDate, i, next));
                }
                Some(DatePart {
                    y,
                    mo,
                    d: d as u8,
                    precision: Precision::Day,
                    ambiguous: false,
                    alone: false,
                    start: i,
                    next,
                })
            }
            (None, Some(y)) => Some(DatePart {
                y: Some(y),
                mo,
                d: 1,
                precision: Precision::Month,
                ambiguous: false,
                alone: false,
                start: i,
                next,
            }),
            (None, None) => None,
        })
    }

    /// '/', '-' or '.' glued between two numbers.
    fn sep_char(&self, i: usize) -> Option<char> {
        let t = self.t.get(i)?;
        (t.kind == Kind::Punct
            && !t.space_before
            && matches!(t.ch, '/' | '-' | '.')
            && self.num(i + 1).is_some_and(|n| !n.space_before))
        .then_some(t.ch)
    }

    /// Numeric dates ("04/03/2025", "3.4.25") and day-first written dates ("3 March 2025",
    /// "12. März 2025", "3 de marzo de 2025", "1er mai").
    fn day_first(&self, i: usize) -> Result<Option<DatePart>, super::scan::Fail> {
        let Some(a) = self.num(i) else {
            return Ok(None);
        };
        if !a.ordinal {
            // A range of days before the month's name ("3-5 March 2025", "3–5 de marzo de
            // 2025") starts on its first day, as "March 3–5, 2025" does.
            if a.ndig <= 2 && (self.punct(i + 1, '-') || self.punct(i + 1, '–')) {
                let b = self.num(i + 2).filter(|b| b.ndig <= 2 && b.num > a.num);
                if b.is_some() && self.t.get(i + 3).is_some_and(|t| t.kind == Kind::Word) {
                    if let Some(d) = self.day_first(i + 2)? {
                        let fits = a.num >= 1
                            && a.num <= u64::from(days_in_month(d.y.unwrap_or(2024), d.mo));
                        if d.precision == Precision::Day && fits {
                            return Ok(Some(DatePart {
                                d: a.num as u8,
                                start: i,
                                ..d
                            }));
                        }
                    }
                }
            }
            if let Some(sep) = self.sep_char(i + 1) {
                return self.numeric(i, sep);
            }
            // "tháng" (month), and CLDR's short "thg" ("3 thg 3, 2025").
            if self.is(i + 1, "thang") || self.is(i + 1, "thg") {
                return self.vietnamese(i, i + 1);
            }
            // Spaced dotted dates, day first: "3. 3. 2025" (Czech, Slovak, German).
            if self.punct(i + 1, '.') && self.adjacent(i + 1) && self.punct(i + 3, '.') {
                let month = self.num(i + 2).filter(|t| t.ndig <= 2 && t.space_before);
                let year = self.num(i + 4).filter(|t| t.ndig == 4 && t.space_before);
                if let (Some(m), Some(y), true) = (month, year, self.adjacent(i + 3)) {
                    let (d, mo, y) = (a.num, m.num, y.num as i32);
                    if !(1..=12).contains(&mo)
                        || d == 0
                        || d > u64::from(days_in_month(y, mo as u8))
                    {
                        return Err(self.fail(RefusalKind::InvalidDate, i, i + 5));
                    }
                    return Ok(Some(DatePart {
                        y: Some(y),
                        mo: mo as u8,
                        d: d as u8,
                        precision: Precision::Day,
                        ambiguous: false,
                        alone: false,
                        start: i,
                        next: i + 5,
                    }));
                }
            }
        }
        let mut j = i + 1;
        if self.punct(j, '.') && self.adjacent(j) {
            j += 1;
        }
        // "3 de marzo", "3 of March", the Khmer "៣ ខែ មីនា" (the word for month first).
        if matches!(self.w(j), "de" | "of" | "di" | "ខែ") {
            j += 1;
        } else if matches!(self.w(j), "d" | "ta")
            && (self.punct(j + 1, '\'') || self.punct(j + 1, '’'))
        {
            // Catalan "3 d'abril de 2025", Maltese "3 ta' Marzu 2025".
            j += 2;
        }
        // "04-Mar-2025", "4/Mar/2025".
        let mut dashed = None;
        if (self.punct(j, '-') || self.punct(j, '/'))
            && self.adjacent(j)
            && self.adjacent(j + 1)
            && words::month(self.w(j + 1)).is_some()
        {
            dashed = self.t.get(j).map(|t| t.ch);
            j += 1;
        }
        // Persian pages date by the Solar Hijri calendar: "۵ آذر ۱۴۰۵".
        if let Some(jm) = words::jalali_month(self.w(j)) {
            return self.jalali_day_first(i, a.num, jm, j + 1);
        }
        // Arabic pages by the Lunar Hijri one: "5 جمادى الأولى 1447 هـ".
        if let Some((hm, len)) = words::hijri_month(self.w(j), self.w(j + 1)) {
            return self.hijri_day_first(i, a.num, hm, j + len);
        }
        // Levantine Arabic names four months in two words ("تشرين الثاني", November).
        let pair = words::month_pair(self.w(j), self.w(j + 1));
        let Some(mo) = pair.or_else(|| words::month_after_day(self.w(j))) else {
            return Ok(None);
        };
        let short_word = words::month_needs_year(self.w(j));
        let month_at = j;
        j += if pair.is_some() { 2 } else { 1 };
        if self.punct(j, '.') {
            j += 1;
        }
        if let Some(c) = dashed {
            if self.punct(j, c) && self.adjacent(j) {
                j += 1;
            }
        }
        let day = a.num;
        let year = self
            .year_at(j)
            .map(|(y, n)| (self.era_before(month_at, y, n), n));
        // "listopada" is November in Polish ("15 listopada 2025") and October in Croatian, which
        // writes ordinal dots after the day and the year ("15. listopada 2025.") and "u" before
        // the time ("15 listopada 2025 u 14:30"); Polish writes neither.
        let mo = match year {
            Some((_, n))
                if mo == 11
                    && self.is(month_at, "listopada")
                    && (self.punct(i + 1, '.')
                        || self.punct(n, '.') && self.adjacent(n)
                        || self.is(n, "u") && self.num(n + 1).is_some()) =>
            {
                10
            }
            // Croatian short names, written with dots after the day, the month and the year
            // ("3. lip. 2025."), are its June, July and October; "3. srp. 2025" is the Czech
            // August, "3 lip 2025" the Polish July.
            Some((_, n))
                if self.punct(i + 1, '.')
                    && self.punct(month_at + 1, '.')
                    && self.punct(n, '.')
                    && self.adjacent(n) =>
            {
                match self.w(month_at) {
                    "lip" => 6,
                    "srp" => 7,
                    "lis" => 10,
                    _ => mo,
                }
            }
            Some(_) if self.is(month_at, "srp") && self.punct(i + 1, '.') => 8,
            _ => mo,
        };
        if short_word && year.is_none() {
            return Ok(None);
        }
        if !(1..=31).contains(&day) {
            return if year.is_some() {
                Err(self.fail(RefusalKind::InvalidDate, i, j + 1))
            } else {
                Ok(None)
            };
        }
        let (y, next) = match year {
            Some((y, n)) => (Some(y), n),
            None => (None, j),
        };
        if y.is_none() && u64::from(days_in_month(2024, mo)) < day {
            return Err(self.fail(RefusalKind::InvalidDate, i, next));
        }
        Ok(Some(DatePart {
            y,
            mo,
            d: day as u8,
            precision: Precision::Day,
            ambiguous: false,
            alone: false,
            start: i,
            next,
        }))
    }

    /// Month-first written dates: "March 3, 2025", "Mar. 3rd", "Sept 3 2025", "March 2025",
    /// "marzo de 2025".
    fn month_first(&self, i: usize) -> Result<Option<DatePart>, super::scan::Fail> {
        let Some(mo) = words::month(self.w(i)) else {
            return Ok(None);
        };
        let mut j = i + 1;
        if self.punct(j, '.') {
            j += 1;
        }
        // "March the 3rd, 2025".
        if self.is(j, "the") && self.num(j + 1).is_some_and(|t| t.ordinal) {
            j += 1;
        }
        if let Some(t) = self.num(j) {
            if t.ndig <= 2 {
                // Not the hour of a time ("March 14:30" is no date).
                if self.t.get(j + 1).is_some_and(|n| {
                    n.kind == Kind::Punct && matches!(n.ch, ':' | '/') && !n.space_before
                }) {
                    return Ok(None);
                }
                let day = t.num;
                let mut next = j + 1;
                if self.punct(next, '.')
                    && self.adjacent(next)
                    && self.num(next + 1).is_none_or(|n| n.space_before)
                {
                    next += 1;
                } else if self.is(next, "d") && self.punct(next + 1, '.') {
                    // The Lithuanian "d." (diena, day): "lapkričio 25 d.".
                    next += 2;
                } else if self.is(next, "ရက") {
                    // The Burmese "ရက်" (day): "မတ်လ ၃ ရက် ၂၀၂၅".
                    next += 1;
                }
                // A range of days ("March 3-5, 2025", "March 3–5", "March 3 to 5, 2025"): the
                // first day counts. A word joins only a range a year closes.
                let dash = self.punct(next, '-') || self.punct(next, '–') || self.punct(next, '—');
                let to = matches!(self.w(next), "to" | "through" | "thru" | "until");
                let mut range_year = None;
                if self
                    .num(next + 1)
                    .is_some_and(|n| n.ndig <= 2 && n.num > day && n.num <= 31)
                    && (dash || (to && self.year_at(next + 2).is_some()))
                {
                    next += 2;
                } else if dash && words::month(self.w(next + 1)).is_some() {
                    // Two month-first dates with the year once, at the end: "Mar 3 - Mar 5,
                    // 2025"; "Dec 30 - Jan 2, 2025" starts in the year before.
                    if let Ok(Some(end)) = self.month_first(next + 1) {
                        if let (Some(y2), Precision::Day) = (end.y, end.precision) {
                            let before = (end.mo, end.d) < (mo, day as u8);
                            range_year = Some((if before { y2 - 1 } else { y2 }, end.next));
                        }
                    }
                }
                let year = range_year.or_else(|| {
                    self.year_at(next)
                        .map(|(y, n)| (self.era_before(i, y, n), n))
                });
                if !(1..=31).contains(&day) {
                    return if year.is_some() {
                        Err(self.fail(RefusalKind::InvalidDate, i, year.map_or(next, |y| y.1)))
                    } else {
                        Ok(None)
                    };
                }
                let (y, next) = match year {
                    Some((y, n)) => (Some(y), n),
                    None => (None, next),
                };
                if y.is_none() && u64::from(days_in_month(2024, mo)) < day {
                    return Err(self.fail(RefusalKind::InvalidDate, i, next));
                }
                return Ok(Some(DatePart {
                    y,
                    mo,
                    d: day as u8,
                    precision: Precision::Day,
                    ambiguous: false,
                    alone: false,
                    start: i,
                    next,
                }));
            }
        }
        // "March first", "March twenty-first, 2025". Without a year it must fill its segment:
        // "an August second round" is no date.
        if let Some((day, next)) = self.ordinal_day_at(j) {
            let (y, next) = match self.year_at(next) {
                Some((y, n)) => (Some(y), n),
                None => (None, next),
            };
            let alone = y.is_none();
            if u64::from(days_in_month(y.unwrap_or(2024), mo)) < u64::from(day) {
                return Err(self.fail(RefusalKind::InvalidDate, i, next));
            }
            return Ok(Some(DatePart {
                y,
                mo,
                d: day,
                precision: Precision::Day,
                ambiguous: false,
                alone,
                start: i,
                next,
            }));
        }
        // Month and year: "March 2025", "marzo de 2025", "März, 2025".
        let mut k = j;
        if self.punct(k, ',') {
            k += 1;
        }
        if matches!(self.w(k), "de" | "del" | "of" | "พศ" | "ឆនាំ") {
            k += 1;
            if self.punct(k, '.') {
                k += 1;
            }
        }
        if let Some(t) = self.num(k).filter(|t| t.ndig == 4 && !t.ordinal) {
            if !self.glued(k + 1) {
                return Ok(Some(DatePart {
                    y: Some(self.era(i, t.num as i32)),
                    mo,
                    d: 1,
                    precision: Precision::Month,
                    ambiguous: false,
                    alone: false,
                    start: i,
                    next: self.after_year_word(k + 1),
                }));
            }
        }
        // "Mar '25": the year cut to two digits after an apostrophe.
        if (self.punct(k, '\'') || self.punct(k, '’'))
            && !self.glued(k + 2)
            && self
                .num(k + 1)
                .is_some_and(|t| t.ndig == 2 && !t.space_before && !t.ordinal)
        {
            let y = 2000 + self.num(k + 1).map_or(0, |t| t.num as i32);
            return Ok(Some(DatePart {
                y: Some(y),
                mo,
                d: 1,
                precision: Precision::Month,
                ambiguous: false,
                alone: false,
                start: i,
                next: k + 2,
            }));
        }
        Ok(None)
    }

    /// Numeric dates with a separator: month-day-year or day-month-year (the order rules of
    /// convention 11); dotted dates are day first; two-digit years are 20yy.
    fn numeric(&self, i: usize, sep: char) -> Result<Option<DatePart>, super::scan::Fail> {
        let a = self.num(i).map_or(0, |t| t.num);
        let Some(b) = self.num(i + 2).filter(|t| t.ndig <= 2) else {
            return Ok(None);
        };
        let b = b.num;
        let third = if self.punct(i + 3, sep) && self.adjacent(i + 3) {
            self.num(i + 4)
                .filter(|t| !t.space_before && (t.ndig == 2 || t.ndig == 4))
        } else {
            None
        };
        if third.is_some_and(hijri_year) {
            return Ok(None);
        }
        let Some(yt) = third else {
            // Day and month with a time after them are a date of the latest such day:
            // "26/11 à 14h32", "11-26 14:32", "26.11. klo 14.32", "11/26(木) 14:32".
            if let Some(d) = self.day_month_with_time(i, sep, a, b)? {
                return Ok(Some(d));
            }
            // Two numbers: "9/11", "24/7" are refused; "3.5" and "1-2" are not dates at all.
            if self.glued(i + 3) && !self.punct(i + 3, '.') {
                return Ok(None);
            }
            let dotted_date = sep == '.' && self.punct(i + 3, '.') && !self.glued(i + 4);
            if (sep == '/' || dotted_date) && (1..=31).contains(&a) && (1..=31).contains(&b) {
                return Err(self.fail(RefusalKind::NumericWithoutYear, i, i + 3));
            }
            return Ok(None);
        };
        // More glued parts ("1.2.3.4", "1/2/2025/7") are something else.
        if self.sep_char(i + 5).is_some() {
            return Ok(None);
        }
        let y = if yt.ndig == 2 {
            2000 + yt.num as i32
        } else {
            yt.num as i32
        };
        let (mo, d, ambiguous) = if sep == '.' {
            if b > 12 && a <= 12 {
                (a, b, false)
            } else {
                (b, a, false)
            }
        } else if a <= 12 && b <= 12 {
            // A weekday named before the date settles the order when only one reading falls on
            // it ("Tuesday, 4/3/2025" is 4 March 2025); else the words' language does, and
            // else the context, each with a warning.
            let fits = |mo: u64, d: u64| {
                self.weekday_before(i).is_some_and(|wd| {
                    d <= u64::from(days_in_month(y, mo as u8))
                        && Wall::midnight(y, mo as u8, d as u8).weekday() == wd
                })
            };
            match (fits(a, b), fits(b, a)) {
                (true, false) => (a, b, false),
                (false, true) => (b, a, false),
                _ => match self.r.date_order {
                    DateOrder::Mdy if a != b && self.day_first_cue(i) => (b, a, true),
                    DateOrder::Mdy => (a, b, a != b),
                    DateOrder::Dmy => (b, a, a != b),
                },
            }
        } else if a > 12 && b <= 12 {
            (b, a, false)
        } else {
            (a, b, false)
        };
        let mut next = i + 5;
        if sep == '.' && self.punct(next, '.') && !self.glued(next + 1) {
            next += 1;
        }
        if !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
            return Err(self.fail(RefusalKind::InvalidDate, i, i + 5));
        }
        Ok(Some(DatePart {
            y: Some(y),
            mo: mo as u8,
            d: d as u8,
            precision: Precision::Day,
            ambiguous,
            alone: false,
            start: i,
            next,
        }))
    }
}

impl P<'_> {
    /// The weekday named in the few words before `i` ("Tue, 4/3/2025", "Thứ ba, 4/3/2025").
    fn weekday_before(&self, i: usize) -> Option<u8> {
        (i.saturating_sub(4)..i).rev().find_map(|k| {
            let w = self.w(k);
            let before = if k > 0 { self.w(k - 1) } else { "" };
            // Vietnamese numbers the weekdays: "Thứ hai" (Monday) to "Thứ bảy", "Chủ nhật".
            let vietnamese = match (before, w) {
                ("thu", "hai") => Some(0),
                ("thu", "ba") => Some(1),
                ("thu", "tu") => Some(2),
                ("thu", "nam") => Some(3),
                ("thu", "sau") => Some(4),
                ("thu", "bay") => Some(5),
                ("chu", "nhat") => Some(6),
                _ => None,
            };
            vietnamese.or_else(|| words::weekday(w).map(|(d, _)| d))
        })
    }

    /// Whether the words before the numeric date at `i` are of a language that writes the day
    /// first: a full weekday name or a label that is not English ("Thứ năm, 12/11/2026",
    /// "Publicado 03/04/2025", "Mittwoch, 03.04."), or the article before a date in French,
    /// Spanish, Italian, Portuguese ("le 03/04/2025"). English text keeps the month first.
    fn day_first_cue(&self, i: usize) -> bool {
        (0..i).any(|k| {
            let w = self.w(k);
            if w.is_empty() {
                return false;
            }
            let english = matches!(
                w,
                "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "published"
                    | "posted"
                    | "created"
                    | "date"
                    | "dated"
                    | "released"
                    | "publication"
                    | "updated"
                    | "modified"
                    | "edited"
                    | "revised"
                    | "update"
                    | "updates"
            );
            !english
                && (words::weekday(w).is_some_and(|(_, full)| full)
                    || words::label_word(w).is_some()
                    || (w == "thu"
                        && matches!(self.w(k + 1), "hai" | "ba" | "tu" | "nam" | "sau" | "bay"))
                    || (k + 1 == i && matches!(w, "le" | "el" | "il" | "em")))
        })
    }

    /// A Solar Hijri date written day first ("۵ آذر ۱۴۰۵", "۵ آذر"): the day at `i`, the month
    /// `jm`, and the year (Persian or ASCII digits) at `j`. Without a year, the latest such day.
    fn jalali_day_first(
        &self,
        i: usize,
        day: u64,
        jm: u8,
        j: usize,
    ) -> Result<Option<DatePart>, super::scan::Fail> {
        if !(1..=31).contains(&day) {
            return Ok(None);
        }
        let mut k = j;
        if self.punct(k, ',') || self.punct(k, '،') {
            k += 1;
        }
        let year = self
            .num(k)
            .filter(|t| t.ndig == 4 && !t.ordinal)
            .map(|t| t.num as i32);
        let (gregorian, next) = match year {
            Some(jy) => (from_jalali(jy, jm, day as u8), k + 1),
            None => {
                // The Solar Hijri year starts in March: the Gregorian year minus 621, or one
                // less when that date is still to come.
                let today = self.r.local;
                let latest = [today.y - 621, today.y - 622].into_iter().find_map(|jy| {
                    from_jalali(jy, jm, day as u8)
                        .filter(|&(y, mo, d)| (y, mo, d) <= (today.y, today.mo, today.d))
                });
                (latest, j)
            }
        };
        let Some((y, mo, d)) = gregorian else {
            return Err(self.fail(RefusalKind::InvalidDate, i, next));
        };
        Ok(Some(DatePart {
            y: Some(y),
            mo,
            d,
            precision: Precision::Day,
            ambiguous: false,
            alone: false,
            start: i,
            next,
        }))
    }

    /// A Lunar Hijri date written day first ("5 جمادى الأولى 1447 هـ"): the day at `i`, the
    /// month `hm`, the year at `j` (a year is needed: the Hijri year is 11 days shorter, so no
    /// day of it can be guessed), and the era mark after it.
    fn hijri_day_first(
        &self,
        i: usize,
        day: u64,
        hm: u8,
        j: usize,
    ) -> Result<Option<DatePart>, super::scan::Fail> {
        let mut k = j;
        if self.punct(k, ',') || self.punct(k, '،') {
            k += 1;
        }
        let Some(hy) = self
            .num(k)
            .filter(|t| (3..=4).contains(&t.ndig) && !t.ordinal)
        else {
            return Ok(None);
        };
        let mut next = k + 1;
        if words::hijri_era(self.w(next)) {
            next += 1;
        }
        let Some((y, mo, d)) = from_hijri(hy.num as i32, hm, u8::try_from(day).unwrap_or(0)) else {
            return Err(self.fail(RefusalKind::InvalidDate, i, next));
        };
        Ok(Some(DatePart {
            y: Some(y),
            mo,
            d,
            precision: Precision::Day,
            ambiguous: false,
            alone: false,
            start: i,
            next,
        }))
    }

    /// A Solar Hijri date written year first in numbers ("۱۴۰۳/۱۲/۱۴", "۱۴۰۳-۱۲-۱۴"), the year
    /// `jy` at `i`.
    fn jalali_numeric(&self, i: usize, jy: i32) -> Result<Option<DatePart>, super::scan::Fail> {
        let Some(sep) = self.sep_char(i + 1) else {
            return Ok(None);
        };
        let m = self.num(i + 2).filter(|t| t.ndig <= 2);
        let d = self
            .num(i + 4)
            .filter(|t| t.ndig <= 2 && !t.space_before)
            .filter(|_| self.punct(i + 3, sep) && self.adjacent(i + 3));
        let (Some(m), Some(d)) = (m, d) else {
            return Ok(None);
        };
        if self.glued(i + 5) {
            return Ok(None);
        }
        let (mo, dd) = (
            u8::try_from(m.num).unwrap_or(0),
            u8::try_from(d.num).unwrap_or(0),
        );
        let Some((y, mo, d)) = from_jalali(jy, mo, dd) else {
            return Err(self.fail(RefusalKind::InvalidDate, i, i + 5));
        };
        Ok(Some(DatePart {
            y: Some(y),
            mo,
            d,
            precision: Precision::Day,
            ambiguous: false,
            alone: false,
            start: i,
            next: i + 5,
        }))
    }

    /// A numeric day and month without a year (`a`, `sep`, `b` at `i`), read only when a time
    /// with minutes follows, as pages print the dates of this year ("11-26 14:32"); alone, "9/11"
    /// and "24/7" are no dates. The order rules are those of dates with a year.
    fn day_month_with_time(
        &self,
        i: usize,
        sep: char,
        a: u64,
        b: u64,
    ) -> Result<Option<DatePart>, super::scan::Fail> {
        let padded = |k: usize| self.num(k).is_some_and(|t| t.ndig == 2);
        if sep == '-' && !(padded(i) && padded(i + 2)) {
            return Ok(None);
        }
        let mut next = i + 3;
        if sep == '.' && self.punct(next, '.') && self.adjacent(next) {
            next += 1;
        }
        if self.glued(next) && !self.punct(next, '(') && !self.punct(next, '（') {
            return Ok(None);
        }
        let k = self.cjk_weekday_end(next).unwrap_or(next);
        let timed = self
            .time_after(k)?
            .is_some_and(|t| t.precision <= Precision::Minute);
        // A weekday named before them makes them a date too: "Tue 11/24", "Di., 24.11.".
        let mut w = i;
        if w > 0 && self.punct(w - 1, ',') {
            w -= 1;
        }
        if w > 0 && self.punct(w - 1, '.') && self.adjacent(w - 1) {
            w -= 1;
        }
        // An abbreviation counts with its dot or comma, or as an English one in capitals
        // ("Tue 11/24"): "do", "so" and "sam" are words too.
        let weekday_before = w > 0
            && match words::weekday(self.w(w - 1)) {
                Some((_, true)) => true,
                Some(_) => {
                    w < i
                        || matches!(
                            self.w(w - 1),
                            "mon"
                                | "tue"
                                | "tues"
                                | "wed"
                                | "thu"
                                | "thur"
                                | "thurs"
                                | "fri"
                                | "sat"
                                | "sun"
                        ) && self.upper_initial(w - 1)
                }
                None => false,
            };
        if !timed && !weekday_before {
            return Ok(None);
        }
        let (mo, d, ambiguous) = if sep == '.' {
            (b, a, false)
        } else if a <= 12 && b <= 12 {
            match self.r.date_order {
                DateOrder::Mdy => (a, b, a != b),
                DateOrder::Dmy => (b, a, a != b),
            }
        } else if a > 12 {
            (b, a, false)
        } else {
            (a, b, false)
        };
        if !(1..=12).contains(&mo) || d == 0 || d > u64::from(days_in_month(2024, mo as u8)) {
            return Ok(None);
        }
        Ok(Some(DatePart {
            y: None,
            mo: mo as u8,
            d: d as u8,
            precision: Precision::Day,
            ambiguous,
            alone: false,
            start: i,
            next,
        }))
    }
}

/// A year in Arabic-Indic or Persian digits between 1300 and 1599 is a Hijri year ("١٤٤٦",
/// "۱۴۰۳/۱۲/۱۴" is Solar Hijri): read as Gregorian it would be six centuries off, so it is not
/// read at all.
fn hijri_year(t: &super::lexer::Tok) -> bool {
    t.arabic && (1300..1600).contains(&t.num)
}

#[cfg(test)]
mod tests {
    use crate::dates::{resolve, Context, DateOrder};

    /// "INSTANT PRECISION [warnings]" or the refusal kind.
    fn r(text: &str, order: DateOrder) -> String {
        let mut ctx = Context::from_rfc3339("2026-11-26T02:20:00Z").unwrap();
        ctx.date_order = order;
        match resolve(text, &ctx) {
            Ok(r) => format!("{} {} {}", r.instant, r.precision, r.warnings.join(","))
                .trim()
                .to_string(),
            Err(e) => e.kind.as_str().to_string(),
        }
    }

    #[test]
    fn numeric_dates_follow_the_order_rules() {
        use DateOrder::{Dmy, Mdy};
        let cases = [
            (
                "04/03/2025",
                Mdy,
                "2025-04-03T00:00:00Z day ambiguous_date_order",
            ),
            (
                "04/03/2025",
                Dmy,
                "2025-03-04T00:00:00Z day ambiguous_date_order",
            ),
            ("13/03/2025", Mdy, "2025-03-13T00:00:00Z day"),
            ("03/13/2025", Dmy, "2025-03-13T00:00:00Z day"),
            ("03.04.2025", Mdy, "2025-04-03T00:00:00Z day"),
            ("2025/03/04", Dmy, "2025-03-04T00:00:00Z day"),
            (
                "4/3/25",
                Mdy,
                "2025-04-03T00:00:00Z day ambiguous_date_order",
            ),
            ("9/11", Mdy, "numeric_without_year"),
            ("13/13/2025", Mdy, "invalid_date"),
        ];
        for (text, order, want) in cases {
            assert_eq!(r(text, order), want, "{text}");
        }
    }

    #[test]
    fn template_forms_of_round_four() {
        let m = DateOrder::Mdy;
        // Year, month name and day between hyphens (logs, CMS exports).
        assert_eq!(r("2025-Oct-15", m), "2025-10-15T00:00:00Z day");
        assert_eq!(r("2025/Oct/15 21:41", m), "2025-10-15T21:41:00Z minute");
        assert_eq!(r("2025-Feb-30", m), "invalid_date");
        // Reuters glues the year to the time and the time to "Updated".
        assert_eq!(
            r("March 3, 20252:05 PM GMTUpdated 2 hours ago", m),
            "2025-03-03T14:05:00Z minute"
        );
        assert_eq!(r("1.º de marzo de 2025", m), "2025-03-01T00:00:00Z day");
        assert_eq!(r("Mar '25", m), "2025-03-01T00:00:00Z month");
        // A range of days is its first day.
        assert_eq!(r("3-5 March 2025", m), "2025-03-03T00:00:00Z day");
        assert_eq!(r("3–5 de marzo de 2025", m), "2025-03-03T00:00:00Z day");
        assert_eq!(r("5-3 March 2025", m), "2025-03-03T00:00:00Z day");
        assert_eq!(r("Published Mar '25", m), "2025-03-01T00:00:00Z month");
        assert_eq!(r("UpdatedMAR 3, 2025", m), "2025-03-03T00:00:00Z day");
        // Croatian "u" before the time makes "listopada" its October; alone it is Polish.
        assert_eq!(
            r("3 listopada 2025 u 14:05", m),
            "2025-10-03T14:05:00Z minute"
        );
        assert_eq!(
            r("3. listopada 2025 14:05", m),
            "2025-10-03T14:05:00Z minute"
        );
        assert_eq!(r("3 listopada 2025", m), "2025-11-03T00:00:00Z day");
        assert_eq!(
            r("3 listopada 2025 o 14:05", m),
            "2025-11-03T14:05:00Z minute"
        );
        // CLDR's short month names; Croatian ones by their dots.
        assert_eq!(r("3. bře 2025", m), "2025-03-03T00:00:00Z day");
        assert_eq!(r("3. maalisk. 2025", m), "2025-03-03T00:00:00Z day");
        assert_eq!(r("3 сеп. 2025", m), "2025-09-03T00:00:00Z day");
        assert_eq!(r("3. lip. 2025.", m), "2025-06-03T00:00:00Z day");
        assert_eq!(r("3. srp. 2025.", m), "2025-07-03T00:00:00Z day");
        assert_eq!(r("3. lis. 2025.", m), "2025-10-03T00:00:00Z day");
        assert_eq!(r("3. srp. 2025", m), "2025-08-03T00:00:00Z day");
        assert_eq!(r("3 lip 2025", m), "2025-07-03T00:00:00Z day");
        assert_eq!(r("uno 3, 2025", m), "no_date");
        assert_eq!(r("3 thg 3, 2025", m), "2025-03-03T00:00:00Z day");
        // A weekday before a day and month without a year makes them a date, as a time after
        // them does; alone they stay refused.
        assert_eq!(r("Tue 11/24", m), "2026-11-24T00:00:00Z day");
        assert_eq!(r("Di., 24.11.", m), "2026-11-24T00:00:00Z day");
        assert_eq!(r("11/24", m), "numeric_without_year");
        assert_eq!(r("sam 9/11", m), "numeric_without_year");
    }

    #[test]
    fn a_named_weekday_or_the_language_settles_the_order() {
        use DateOrder::Mdy;
        // 4 March 2025 was a Tuesday, 3 April a Thursday.
        assert_eq!(r("Tuesday, 4/3/2025", Mdy), "2025-03-04T00:00:00Z day");
        assert_eq!(r("Thursday, 4/3/2025", Mdy), "2025-04-03T00:00:00Z day");
        assert_eq!(r("Thứ ba, 4/3/2025", Mdy), "2025-03-04T00:00:00Z day");
        // A day-first language reads it day first, still with the warning.
        assert_eq!(
            r("Atualizado em 04/03/2025", Mdy),
            "2025-03-04T00:00:00Z day ambiguous_date_order"
        );
        assert_eq!(
            r("Updated 04/03/2025", Mdy),
            "2025-04-03T00:00:00Z day ambiguous_date_order"
        );
    }

    #[test]
    fn dates_in_more_languages_and_orders() {
        let m = DateOrder::Mdy;
        for text in [
            "2025 March 3",
            "2025eko martxoaren 3a",
            "3 ta' Marzu 2025",
            "3 Márta 2025",
            "3 сакавіка 2025",
            "2025 මාර්තු 3",
            "မတ် ၃၊ ၂၀၂၅",
            "ថ្ងៃទី៣ ខែមីនា ឆ្នាំ២០២៥",
            "2025 m. kovo mėn. 3 d.",
            "3 Maris 2025",
            "ថ្ងៃចន្ទ ទី ៣ ខែ មីនា ឆ្នាំ ២០២៥",
            "3 Maw 2025",
            "3 ማርች 2025",
            "3 Ẹrẹ̀nà 2025",
            "3 Oṣù Kẹta 2025",
            "၂၀၂၅ ခုနှစ်၊ မတ်လ ၃ ရက်",
            "မတ်လ ၃ ရက် ၂၀၂၅",
        ] {
            assert_eq!(r(text, m), "2025-03-03T00:00:00Z day", "{text}");
        }
        // Croatian writes ordinal dots after day and year; "listopad" is its October.
        assert_eq!(r("15. listopada 2025.", m), "2025-10-15T00:00:00Z day");
        assert_eq!(r("15 listopada 2025", m), "2025-11-15T00:00:00Z day");
        assert_eq!(r("2025 m. kovą", m), "2025-03-01T00:00:00Z month");
        for text in ["ថ្ងៃទី ៣ ខែ មីនា ឆ្នាំ ២០២៥ ម៉ោង ១៤:៣០", "3 Machi 2025 saa 14:30"]
        {
            assert_eq!(r(text, m), "2025-03-03T14:30:00Z minute", "{text}");
        }
        assert_eq!(
            r("24 Tachwedd 2026 am 18:14", m),
            "2026-11-24T18:14:00Z minute"
        );
        assert_eq!(
            r("2026ko azaroaren 24a, 18:14", m),
            "2026-11-24T18:14:00Z minute"
        );
    }

    #[test]
    fn zones_and_missing_parts() {
        let m = DateOrder::Mdy;
        assert_eq!(
            r("July 4, 2025 10:00 AM ET", m),
            "2025-07-04T14:00:00Z minute"
        );
        assert_eq!(
            r("January 4, 2025 10:00 AM ET", m),
            "2025-01-04T15:00:00Z minute"
        );
        assert_eq!(r("4 July 2025 10:00 IST", m), "2025-07-04T04:30:00Z minute");
        assert_eq!(
            r("4 July 2025 10:00 GMT+1", m),
            "2025-07-04T09:00:00Z minute"
        );
        assert_eq!(r("Dec 5", m), "2025-12-05T00:00:00Z day");
        assert_eq!(r("14:05", m), "2026-11-25T14:05:00Z minute");
        assert_eq!(r("March 2025", m), "2025-03-01T00:00:00Z month");
        assert_eq!(r("2025", m), "2025-01-01T00:00:00Z year");
        assert_eq!(
            r("December 25, 2026", m),
            "2026-12-25T00:00:00Z day future_date"
        );
        assert_eq!(r("February 30, 2025", m), "invalid_date");
        assert_eq!(r("2025-W10", m), "2025-03-03T00:00:00Z week");
        assert_eq!(r("2025-W01", m), "2024-12-30T00:00:00Z week");
        assert_eq!(r("2026-W53", m), "2026-12-28T00:00:00Z week future_date");
        assert_eq!(r("2025-W10-2", m), "2025-03-04T00:00:00Z day");
        assert_eq!(r("2025W102", m), "2025-03-04T00:00:00Z day");
        assert_eq!(r("2025-W53", m), "invalid_date");
        assert_eq!(r("ngày 4 tháng 3 năm 2025", m), "2025-03-04T00:00:00Z day");
        assert_eq!(r("4 tháng 3, 2025 14:30", m), "2025-03-04T14:30:00Z minute");
        assert_eq!(r("tháng 3 năm 2025", m), "2025-03-01T00:00:00Z month");
        assert_eq!(r("ngày 31 tháng 2 năm 2025", m), "invalid_date");
        // Persian digits date by the Solar Hijri calendar, Arabic month names by the Lunar one.
        assert_eq!(r("۱۴۰۳/۱۲/۱۴", m), "2025-03-04T00:00:00Z day");
        assert_eq!(r("١٤ رمضان ١٤٤٦", m), "2025-03-14T00:00:00Z day");
        assert_eq!(r("1447 جمادى الأولى 5", m), "2025-10-27T00:00:00Z day");
        assert_eq!(r("5 جمادى الأولى 1447 هـ", m), "2025-10-27T00:00:00Z day");
        assert_eq!(r("30 صفر 1447", m), "invalid_date");
        // Year first with a year word: Lithuanian and Latvian.
        assert_eq!(r("2026 m. lapkričio 26 d.", m), "2026-11-26T00:00:00Z day");
        assert_eq!(r("2025. gada 3. martā", m), "2025-03-03T00:00:00Z day");
        assert_eq!(r("1403/12/14", m), "1403-12-14T00:00:00Z day");
        // Instants past what a timestamp holds are refused, not turned into 1970.
        assert_eq!(r("9999-12-31", m), "out_of_range");
        assert_eq!(r("9999-12-30", m), "9999-12-30T00:00:00Z day future_date");
        assert_eq!(
            r("0001-01-01 10:00 +0100", m),
            "0001-01-01T09:00:00Z minute"
        );
        assert_eq!(r("0001-01-01 00:30 +0100", m), "out_of_range");
        assert_eq!(r("25:61", m), "invalid_time");
    }

    #[test]
    fn iso_ordinal_dates() {
        let m = DateOrder::Mdy;
        assert_eq!(r("2026-328", m), "2026-11-24T00:00:00Z day");
        assert_eq!(r("2025-062", m), "2025-03-03T00:00:00Z day");
        assert_eq!(r("2024-366", m), "2024-12-31T00:00:00Z day");
        assert_eq!(r("2025-062T14:05:00Z", m), "2025-03-03T14:05:00Z second");
        assert_eq!(r("2025-366", m), "invalid_date");
        // Past 366 (or 0) the digits are some other number, not a date.
        assert_eq!(r("2025-555", m), "no_date");
        assert_eq!(r("Resolution 2025-045", m), "no_date");
        assert_eq!(r("Invoice INV 2024-001 paid", m), "no_date");
        assert_eq!(r("Updated: 2025-062", m), "2025-03-03T00:00:00Z day");
        assert_eq!(r("2025-000", m), "no_date");
    }

    #[test]
    fn cldr_medium_dates_in_kazakh_tamil_and_basque() {
        let m = DateOrder::Mdy;
        assert_eq!(r("2025 ж. 3 нау.", m), "2025-03-03T00:00:00Z day");
        assert_eq!(r("2025 ж. 3 жел. 14:05", m), "2025-12-03T14:05:00Z minute");
        assert_eq!(r("2025 ж. 30 ақп.", m), "invalid_date");
        assert_eq!(r("3 மார்., 2025", m), "2025-03-03T00:00:00Z day");
        assert_eq!(
            r("3 மார்., 2025 அன்று 2:05 PM", m),
            "2025-03-03T14:05:00Z minute"
        );
        assert_eq!(r("2025(e)ko mar. 3(a)", m), "2025-03-03T00:00:00Z day");
        assert_eq!(r("2025(e)ko urr. 15(a)", m), "2025-10-15T00:00:00Z day");
        assert_eq!(
            r("2025(e)ko abe. 3(a) 14:05", m),
            "2025-12-03T14:05:00Z minute"
        );
    }

    #[test]
    fn month_first_ranges_take_the_year_at_the_end() {
        let m = DateOrder::Mdy;
        assert_eq!(r("Mar 3 - Mar 5, 2025", m), "2025-03-03T00:00:00Z day");
        assert_eq!(r("March 30 - April 2, 2025", m), "2025-03-30T00:00:00Z day");
        assert_eq!(r("Dec 30 - Jan 2, 2025", m), "2024-12-30T00:00:00Z day");
        assert_eq!(r("March 3 to 5, 2025", m), "2025-03-03T00:00:00Z day");
        assert_eq!(r("March 3 – 5, 2025", m), "2025-03-03T00:00:00Z day");
    }
}
