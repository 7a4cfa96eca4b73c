//! Times of day and the zones after them: "10:04", "10:04:05", "10:04 AM", "2:30 p.m.", "5pm",
//! "14h05", "14 h 05", "14.30" (after a date), "14 Uhr", "noon", each with an optional zone
//! ("EST", "(EDT)", "GMT+1", "UTC+05:30", "+0100", "Z", "ET", "Eastern Time"). Owns how a time
//! and its zone are read; which dates they attach to is `absolute` and `relative`.

use super::lexer::Kind;
use super::scan::P;
use super::words;
use super::zones::{self, ZoneRef};
use super::{Precision, RefusalKind};

/// The part of the day that says whether an hour is before or after noon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DayPart {
    Morning,
    Afternoon,
    Night,
}

/// A Hindi part of the day written before the hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HindiDayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

/// The Hindi part of the day a word names ("सुबह", "दोपहर", "शाम", "रात"), folded.
fn hindi_daypart(w: &str) -> Option<HindiDayPart> {
    Some(match w {
        "सुबह" | "तडके" => HindiDayPart::Morning,
        "दोपहर" => HindiDayPart::Afternoon,
        "शाम" => HindiDayPart::Evening,
        "रात" => HindiDayPart::Night,
        _ => return None,
    })
}

/// A time of day as written.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TimePart {
    pub h: u8,
    pub mi: u8,
    pub s: u8,
    pub precision: Precision,
    pub zone: Option<ZoneRef>,
    pub next: usize,
}

impl P<'_> {
    /// A time after a date or day word, with its connector (",", "at", "à", "a las", "a les",
    /// "um", "às", "alle", "T", "|", "/").
    pub(crate) fn time_after(&self, j: usize) -> Result<Option<TimePart>, super::scan::Fail> {
        let mut k = j;
        for _ in 0..4 {
            let connector = self.t.get(k).is_some_and(|t| match t.kind {
                Kind::Punct => {
                    matches!(
                        t.ch,
                        ',' | ';' | '@' | '-' | '–' | '—' | '|' | '/' | '·' | '•'
                    )
                }
                Kind::Word => {
                    let w = self.w(k);
                    if words::time_connector(w) {
                        // "kl. 14.30", "godz. 14:30": an abbreviated connector keeps its dot;
                        // two connectors in a row ("o godz. 14:05") are one.
                        let dotted = self.punct(k + 1, '.') && self.num(k + 2).is_some();
                        let doubled = self.is(k + 1, "godz") && self.punct(k + 2, '.');
                        dotted
                            || doubled
                            || self.t.get(k + 1).is_some_and(|n| {
                                n.kind == Kind::Num
                                    || n.kind == Kind::Word
                                        && matches!(
                                            self.w(k + 1),
                                            "las"
                                                | "les"
                                                | "ore"
                                                | "la"
                                                | "noon"
                                                | "midnight"
                                                | "midi"
                                                | "minuit"
                                                | "mediodia"
                                        )
                                    // Hindi "को शाम 6:30 बजे" (on, in the evening at 6:30).
                                    || hindi_daypart(self.w(k + 1)).is_some()
                            })
                    } else {
                        // "03 Mart 2025 Pazartesi 14:30": a weekday between the date and the
                        // time, before a comma too ("Pazartesi, 14:30").
                        let time_next = self.num(k + 1).is_some()
                            || self.punct(k + 1, ',') && self.num(k + 2).is_some();
                        time_next && matches!(words::weekday(w), Some((_, true)))
                    }
                }
                Kind::Num => false,
            });
            if !connector {
                break;
            }
            k += 1;
            if self.t.get(k - 1).is_some_and(|t| t.kind == Kind::Word)
                && self.punct(k, '.')
                && self.num(k + 1).is_some()
            {
                k += 1;
            }
        }
        self.time_at(k, true)
    }

    /// A time of day at `k`: "10:04", "10:04:05", "10:04 AM", "2:30 p.m.", "5pm", "14h05",
    /// "14.30" (after a date only), "14 Uhr", "noon", each with an optional zone.
    pub(crate) fn time_at(
        &self,
        k: usize,
        after_date: bool,
    ) -> Result<Option<TimePart>, super::scan::Fail> {
        let w = self.w(k);
        let named = match w {
            "noon" | "midday" | "midi" | "mediodia" | "mittag" | "mezzogiorno" => Some(12),
            "midnight" | "minuit" | "medianoche" | "mitternacht" | "mezzanotte" => Some(0),
            _ => None,
        };
        if let Some(h) = named {
            let (zone, next) = self
                .zone_at(k + 1)
                .map_or((None, k + 1), |(z, n)| (Some(z), n));
            return Ok(Some(TimePart {
                h,
                mi: 0,
                s: 0,
                precision: Precision::Minute,
                zone,
                next,
            }));
        }
        // Hindi names the part of the day before the hour: "दोपहर 2:05 बजे" (afternoon),
        // "शाम 6 बजे" (evening), "रात 11:40 बजे" (night), "सुबह 9 बजे" (morning).
        if let Some(part) = hindi_daypart(w).filter(|_| self.num(k + 1).is_some()) {
            let Some(t) = self.time_at(k + 1, after_date)? else {
                return Ok(None);
            };
            let h = match (part, t.h) {
                // Afternoon runs from noon; evening is always after it.
                (HindiDayPart::Afternoon, 1..=6) | (HindiDayPart::Evening, 1..=11) => t.h + 12,
                // "रात 11 बजे" is 23:00, "रात 2 बजे" 02:00, "रात 12 बजे" midnight.
                (HindiDayPart::Night, 6..=11) => t.h + 12,
                (HindiDayPart::Night, 12) => 0,
                _ => t.h,
            };
            return Ok(Some(TimePart { h, ..t }));
        }
        if let Some(basic) = self.basic_iso_time(k)? {
            return Ok(Some(basic));
        }
        let Some(ht) = self.num(k).filter(|t| t.ndig <= 2 && !t.ordinal) else {
            return Ok(None);
        };
        // The minutes of "2:32 PM" or "14.30" are no hour of their own: a time never starts
        // right after a number and a glued ':' or '.'.
        if k >= 2
            && !ht.space_before
            && (self.punct(k - 1, ':') || self.punct(k - 1, '.'))
            && self.adjacent(k - 1)
            && self.num(k - 2).is_some()
        {
            return Ok(None);
        }
        let h = ht.num;
        let mut j = k + 1;
        let mut mi = 0;
        let mut s = 0;
        let mut precision = Precision::Hour;
        let mut clear = false;
        if self.punct(j, ':')
            && self.adjacent(j)
            && self
                .num(j + 1)
                .is_some_and(|t| t.ndig == 2 && !t.space_before)
        {
            mi = self.num(j + 1).map_or(0, |t| t.num);
            precision = Precision::Minute;
            clear = true;
            j += 2;
            if self.punct(j, ':')
                && self.adjacent(j)
                && self
                    .num(j + 1)
                    .is_some_and(|t| t.ndig == 2 && !t.space_before)
            {
                s = self.num(j + 1).map_or(0, |t| t.num);
                precision = Precision::Second;
                j += 2;
                if (self.punct(j, '.') || self.punct(j, ','))
                    && self.adjacent(j)
                    && self.num(j + 1).is_some_and(|t| !t.space_before)
                {
                    j += 2;
                }
            }
        } else if self.is(j, "h") && (self.adjacent(j) || after_date) {
            // "14h05", "14h", and after a date the spaced French "14 h 05".
            let spaced = !self.adjacent(j);
            if let Some(m) = self
                .num(j + 1)
                .filter(|t| t.ndig == 2 && (spaced || !t.space_before))
            {
                mi = m.num;
                precision = Precision::Minute;
                clear = true;
                j += 2;
            } else if after_date && !words::ago_suffix(self.w(j + 1)) {
                clear = true;
                j += 1;
            } else {
                return Ok(None);
            }
        } else if (after_date
            || matches!(self.w(j + 2), "am" | "pm" | "a" | "p" | "uhr" | "uur" | "h"))
            && self.punct(j, '.')
            && self.adjacent(j)
            && self
                .num(j + 1)
                .is_some_and(|t| t.ndig == 2 && !t.space_before)
            && !self.glued(j + 2)
        {
            mi = self.num(j + 1).map_or(0, |t| t.num);
            precision = Precision::Minute;
            clear = true;
            j += 2;
        }
        // am / pm, a.m. / p.m.
        let mut pm = None;
        match self.w(j) {
            "am" | "pm" => {
                pm = Some(self.is(j, "pm"));
                j += 1;
                if self.punct(j, '.') && self.adjacent(j) {
                    j += 1;
                }
            }
            // Greek "π.μ." and "μ.μ." (before and after noon), with or without the dots.
            "π" | "μ" if self.punct(j + 1, '.') && self.is(j + 2, "μ") => {
                pm = Some(self.is(j, "μ"));
                j += 3;
                if self.punct(j, '.') && self.adjacent(j) {
                    j += 1;
                }
            }
            "πμ" | "μμ" => {
                pm = Some(self.is(j, "μμ"));
                j += 1;
            }
            // Arabic pages write "ص" (morning) and "م" (evening) after the time.
            "ص" | "صباحا" => {
                pm = Some(false);
                j += 1;
            }
            "م" | "مساء" | "مساءا" => {
                pm = Some(true);
                j += 1;
            }
            "a" | "p" if self.punct(j + 1, '.') && self.is(j + 2, "m") => {
                pm = Some(self.is(j, "p"));
                j += 3;
                if self.punct(j, '.') && self.adjacent(j) {
                    j += 1;
                }
            }
            _ => {
                // "5 de la tarde", "10 da manhã", "8 di sera", "7 du soir", "5 in the afternoon".
                if let Some((daypart, next)) = self.daypart_after(j) {
                    pm = Some(match daypart {
                        DayPart::Morning => false,
                        DayPart::Afternoon => true,
                        // "11 de la noche" is 23:00, "2 de la noche" is 02:00.
                        DayPart::Night => (6..12).contains(&h),
                    });
                    if h == 12 && daypart == DayPart::Night {
                        pm = Some(false);
                    }
                    j = next;
                }
            }
        }
        if pm.is_none() && !clear {
            if matches!(self.w(j), "uhr" | "uur" | "बजे") {
                j += 1;
            } else if self.is(j, "ч") && self.punct(j + 1, '.') {
                // Russian and Bulgarian "в 14 ч." (hours).
                j += 2;
            } else {
                return Ok(None);
            }
        } else if matches!(
            self.w(j),
            "uhr" | "uur" | "hrs" | "hs" | "horas" | "heures" | "h" | "น" | "बजे"
        ) {
            j += 1;
        } else if self.is(j, "ч") && self.punct(j + 1, '.') {
            j += 2;
        }
        let mut h = h;
        if let Some(pm) = pm {
            h = match (h, pm) {
                (1..=12, _) => h % 12 + if pm { 12 } else { 0 },
                // A 24-hour clock with a needless "pm" (NDTV: "16:12 pm IST"); "13 PM" alone
                // stays refused.
                (13..=23, true) if precision != Precision::Hour => h,
                _ => return Err(self.fail(RefusalKind::InvalidTime, k, j)),
            };
        }
        if h > 23 || mi > 59 || s > 60 {
            return Err(self.fail(RefusalKind::InvalidTime, k, j));
        }
        let s = s.min(59);
        let (zone, next) = self.zone_at(j).map_or((None, j), |(z, n)| (Some(z), n));
        Ok(Some(TimePart {
            h: h as u8,
            mi: mi as u8,
            s: s as u8,
            precision,
            zone,
            next,
        }))
    }

    /// The basic ISO 8601 time after its "T" ("20250304T143207Z", "20250304T1432+0100"): four
    /// or six digits glued to the "T".
    fn basic_iso_time(&self, k: usize) -> Result<Option<TimePart>, super::scan::Fail> {
        let Some(t) = self
            .num(k)
            .filter(|t| matches!(t.ndig, 4 | 6) && !t.space_before)
        else {
            return Ok(None);
        };
        if !(k > 0 && self.is(k - 1, "t") && self.adjacent(k - 1)) {
            return Ok(None);
        }
        let (hms, precision) = if t.ndig == 6 {
            (t.num, Precision::Second)
        } else {
            (t.num * 100, Precision::Minute)
        };
        let (h, mi, s) = (hms / 10_000, hms / 100 % 100, hms % 100);
        if h > 23 || mi > 59 || s > 59 {
            return Err(self.fail(RefusalKind::InvalidTime, k, k + 1));
        }
        let (zone, next) = match self.zone_at(k + 1) {
            Some((z, n)) => (Some(z), n),
            None => (None, k + 1),
        };
        Ok(Some(TimePart {
            h: h as u8,
            mi: mi as u8,
            s: s as u8,
            precision,
            zone,
            next,
        }))
    }

    /// A part of the day after an hour ("de la tarde", "da manhã", "del pomeriggio", "du soir",
    /// "in the morning") and where it ends.
    fn daypart_after(&self, j: usize) -> Option<(DayPart, usize)> {
        // Malay and Indonesian name the part of the day right after the hour ("2:30 petang"),
        // Tagalog after "ng" ("2:30 ng hapon").
        let tagalog = self.is(j, "ng");
        match self.w(j + usize::from(tagalog)) {
            "pagi" | "umaga" => return Some((DayPart::Morning, j + 1 + usize::from(tagalog))),
            "siang" | "sore" | "petang" | "tanghali" | "hapon" => {
                return Some((DayPart::Afternoon, j + 1 + usize::from(tagalog)))
            }
            "malam" | "gabi" => return Some((DayPart::Night, j + 1 + usize::from(tagalog))),
            _ => {}
        }
        if !matches!(
            self.w(j),
            "de" | "da" | "del" | "della" | "di" | "du" | "in" | "at"
        ) {
            return None;
        }
        let mut k = j + 1;
        if matches!(self.w(k), "la" | "the") {
            k += 1;
        } else if self.is(k, "l") && (self.punct(k + 1, '\'') || self.punct(k + 1, '’')) {
            k += 2;
        }
        let part = match self.w(k) {
            "manana" | "manha" | "madrugada" | "mattino" | "mattina" | "matin" | "morning" => {
                DayPart::Morning
            }
            "tarde" | "pomeriggio" | "sera" | "soir" | "afternoon" | "evening" => {
                DayPart::Afternoon
            }
            "apres" if self.punct(k + 1, '-') && self.is(k + 2, "midi") => {
                return Some((DayPart::Afternoon, k + 3));
            }
            "noche" | "noite" | "notte" | "night" => DayPart::Night,
            _ => return None,
        };
        Some((part, k + 1))
    }

    /// A zone at `j`: "EST", "(EST)", "GMT+1", "UTC+05:30", "+0100", "-05:00", "Z", "ET",
    /// "Eastern Time", "Pacific Daylight Time".
    pub(crate) fn zone_at(&self, j: usize) -> Option<(ZoneRef, usize)> {
        if self.punct(j, '(') {
            let (z, n) = self.zone_at(j + 1)?;
            return self.punct(n, ')').then_some((z, n + 1));
        }
        let w = self.w(j);
        if !w.is_empty() {
            if let Some(us) = zones::us_region(w) {
                let mut n = j + 1;
                let daylight = match self.w(n) {
                    "standard" => Some(false),
                    "daylight" | "summer" => Some(true),
                    _ => None,
                };
                if daylight.is_some() {
                    n += 1;
                }
                if self.is(n, "time") {
                    n += 1;
                }
                let z = match daylight {
                    Some(d) => zones::us_fixed(us, d),
                    None => ZoneRef::Us(us),
                };
                return Some((z, n));
            }
            if w == "z" && self.t.get(j).is_some_and(|t| t.space_before) {
                return None;
            }
            let z = zones::abbreviation(w, self.upper(j))?;
            let page_offset = (self.r.local.as_utc_seconds() - self.r.secs) as i32;
            let z = zones::as_the_page_reads(w, z, page_offset);
            if let ZoneRef::Fixed(0) = z {
                if let Some((off, n)) = self.offset_at(j + 1) {
                    return Some((ZoneRef::Fixed(off), n));
                }
            }
            return Some((z, j + 1));
        }
        let (off, n) = self.offset_at(j)?;
        Some((ZoneRef::Fixed(off), n))
    }

    /// "+01:00", "+0100", "-05", "+5:30" glued to the sign.
    fn offset_at(&self, j: usize) -> Option<(i32, usize)> {
        let sign = match self.t.get(j) {
            Some(t) if t.kind == Kind::Punct && (t.ch == '+' || t.ch == '-' || t.ch == '−') => {
                if t.ch == '+' {
                    1
                } else {
                    -1
                }
            }
            _ => return None,
        };
        let n = self.num(j + 1).filter(|t| !t.space_before)?;
        let (h, m, next) = match n.ndig {
            1 | 2 => {
                if self.punct(j + 2, ':') && self.adjacent(j + 2) {
                    let m = self.num(j + 3).filter(|t| t.ndig == 2 && !t.space_before)?;
                    (n.num, m.num, j + 4)
                } else {
                    (n.num, 0, j + 2)
                }
            }
            4 => (n.num / 100, n.num % 100, j + 2),
            _ => return None,
        };
        if h > 14 || m > 59 {
            return None;
        }
        Some((sign * (h as i32 * 3600 + m as i32 * 60), next))
    }
}

#[cfg(test)]
mod tests {
    use crate::dates::{resolve, Context};

    /// A time on 4 March 2025: "INSTANT PRECISION" or the refusal kind.
    fn r(time: &str) -> String {
        let ctx = Context::from_rfc3339("2026-11-26T02:20:00Z").unwrap();
        match resolve(&format!("4 March 2025 {time}"), &ctx) {
            Ok(r) => format!("{} {}", &r.instant.to_string()[11..], r.precision),
            Err(e) => e.kind.as_str().to_string(),
        }
    }

    #[test]
    fn times_and_zones() {
        let cases = [
            ("10:04", "10:04:00Z minute"),
            ("10:04:05", "10:04:05Z second"),
            ("10:04 PM", "22:04:00Z minute"),
            ("2:30 p.m.", "14:30:00Z minute"),
            ("5pm", "17:00:00Z hour"),
            ("12 AM", "00:00:00Z hour"),
            ("14h05", "14:05:00Z minute"),
            ("14 h 05", "14:05:00Z minute"),
            ("14.30", "14:30:00Z minute"),
            ("14 Uhr", "14:00:00Z hour"),
            ("om 14.30 uur", "14:30:00Z minute"),
            ("noon", "12:00:00Z minute"),
            ("5 de la tarde", "17:00:00Z hour"),
            ("10 de la mañana", "10:00:00Z hour"),
            ("11 de la noche", "23:00:00Z hour"),
            ("2 de la madrugada", "02:00:00Z hour"),
            ("8:30 da noite", "20:30:00Z minute"),
            ("7 du soir", "19:00:00Z hour"),
            ("3 del pomeriggio", "15:00:00Z hour"),
            ("10:00 EST", "15:00:00Z minute"),
            ("10:00 (EST)", "15:00:00Z minute"),
            ("10:00 GMT+1", "09:00:00Z minute"),
            ("10:00 UTC+05:30", "04:30:00Z minute"),
            ("10:00 +0100", "09:00:00Z minute"),
            ("10:00 -05:00", "15:00:00Z minute"),
            ("10:00 ET", "15:00:00Z minute"),
            ("10:00 Eastern Standard Time", "15:00:00Z minute"),
            ("8:05 ng gabi", "20:05:00Z minute"),
            ("2:05 μ.μ.", "14:05:00Z minute"),
            ("9:05 π.μ.", "09:05:00Z minute"),
            ("9:05 μμ", "21:05:00Z minute"),
            ("2:05 ng hapon", "14:05:00Z minute"),
            ("9:05 ng umaga", "09:05:00Z minute"),
            ("в 14 ч.", "14:00:00Z hour"),
            ("14:05 ч.", "14:05:00Z minute"),
            ("o godz. 14:05", "14:05:00Z minute"),
            ("को 14:05", "14:05:00Z minute"),
            ("ساعت ۱۴:۰۵", "14:05:00Z minute"),
            ("Wtorek, 14:05", "14:05:00Z minute"),
            ("24:00", "invalid_time"),
            ("10:60", "invalid_time"),
            ("13 PM", "invalid_time"),
            ("16:12 pm IST", "10:42:00Z minute"),
            ("16:12 am", "invalid_time"),
        ];
        for (time, want) in cases {
            assert_eq!(r(time), want, "{time}");
        }
    }

    #[test]
    fn hindi_names_the_part_of_the_day_before_the_hour() {
        let cases = [
            ("दोपहर 2:05 बजे", "14:05:00Z minute"),
            ("दोपहर 12:30 बजे", "12:30:00Z minute"),
            ("शाम 6 बजे", "18:00:00Z hour"),
            ("सुबह 9:15 बजे", "09:15:00Z minute"),
            ("रात 11:40 बजे", "23:40:00Z minute"),
            ("रात 1:10 बजे", "01:10:00Z minute"),
            ("रात 12 बजे", "00:00:00Z hour"),
            (", शाम 7:45 बजे", "19:45:00Z minute"),
            ("को शाम 6:30 बजे", "18:30:00Z minute"),
            ("14:05 बजे", "14:05:00Z minute"),
        ];
        for (time, want) in cases {
            assert_eq!(r(time), want, "{time}");
        }
    }
}
