//! Calendar arithmetic on plain integers (days since 1970-01-01, wall-clock fields) and the
//! conversion between wall clock and instant in a fixed offset or a named zone. Owns clamping
//! month arithmetic; does not own what the text said (that is the form parsers).

use jiff::civil;
use jiff::tz::TimeZone;

/// The earliest and latest years the engine resolves to; outside them a result is refused.
pub(crate) const MIN_YEAR: i32 = 1;
pub(crate) const MAX_YEAR: i32 = 9999;

/// A wall-clock reading, no zone attached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Wall {
    pub y: i32,
    pub mo: u8,
    pub d: u8,
    pub h: u8,
    pub mi: u8,
    pub s: u8,
}

impl Wall {
    pub fn midnight(y: i32, mo: u8, d: u8) -> Wall {
        Wall {
            y,
            mo,
            d,
            h: 0,
            mi: 0,
            s: 0,
        }
    }

    pub fn days(&self) -> i64 {
        days_from_civil(self.y, self.mo, self.d)
    }

    /// Seconds since the epoch if this wall clock were UTC.
    pub fn as_utc_seconds(&self) -> i64 {
        self.days() * 86_400
            + i64::from(self.h) * 3600
            + i64::from(self.mi) * 60
            + i64::from(self.s)
    }

    pub fn from_utc_seconds(secs: i64) -> Wall {
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400);
        let (y, mo, d) = civil_from_days(days);
        Wall {
            y,
            mo,
            d,
            h: (rem / 3600) as u8,
            mi: (rem % 3600 / 60) as u8,
            s: (rem % 60) as u8,
        }
    }

    /// The same time of day `days` calendar days later (negative: earlier).
    pub fn add_days(&self, days: i64) -> Wall {
        let (y, mo, d) = civil_from_days(self.days() + days);
        Wall { y, mo, d, ..*self }
    }

    /// Calendar month arithmetic with the day clamped to the target month's length.
    pub fn add_months(&self, months: i64) -> Option<Wall> {
        let total = i64::from(self.y) * 12 + i64::from(self.mo) - 1 + months;
        let y = i32::try_from(total.div_euclid(12)).ok()?;
        if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
            return None;
        }
        let mo = (total.rem_euclid(12) + 1) as u8;
        let d = self.d.min(days_in_month(y, mo));
        Some(Wall { y, mo, d, ..*self })
    }

    /// 0 = Monday .. 6 = Sunday.
    pub fn weekday(&self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.days() + 3).rem_euclid(7)) as u8
    }
}

pub(crate) fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub(crate) fn days_in_month(y: i32, mo: u8) -> u8 {
    match mo {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub(crate) fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

/// The Gregorian date of a Solar Hijri (Jalali, Iranian) date: Borkowski's algorithm over the
/// break years of the 33-year cycles, as jalaali-js writes it. `None` for an invalid date or a
/// year outside 1..=3177.
pub(crate) fn from_jalali(jy: i32, jm: u8, jd: u8) -> Option<(i32, u8, u8)> {
    const BREAKS: [i32; 20] = [
        -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324,
        2394, 2456, 3178,
    ];
    if !(1..3178).contains(&jy) || !(1..=12).contains(&jm) || jd == 0 {
        return None;
    }
    let gy = jy + 621;
    let mut leap_j = -14;
    let mut jp = BREAKS[0];
    let mut jump = 0;
    for &next_break in &BREAKS[1..] {
        jump = next_break - jp;
        if jy < next_break {
            break;
        }
        leap_j += jump / 33 * 8 + jump % 33 / 4;
        jp = next_break;
    }
    let mut n = jy - jp;
    leap_j += n / 33 * 8 + (n % 33 + 3) / 4;
    if jump % 33 == 4 && jump - n == 4 {
        leap_j += 1;
    }
    let leap_g = gy / 4 - (gy / 100 + 1) * 3 / 4 - 150;
    // The Gregorian day in March of 1 Farvardin.
    let march = 20 + leap_j - leap_g;
    if jump - n < 6 {
        n = n - jump + (jump + 4) / 33 * 33;
    }
    let leap = ((n + 1) % 33 - 1) % 4;
    let days_in = match jm {
        1..=6 => 31,
        7..=11 => 30,
        _ if leap == 0 => 30,
        _ => 29,
    };
    if jd > days_in {
        return None;
    }
    let jm = i64::from(jm);
    let days = days_from_civil(gy, 3, u8::try_from(march).ok()?) + (jm - 1) * 31
        - jm / 7 * (jm - 7)
        + i64::from(jd)
        - 1;
    Some(civil_from_days(days))
}

/// The Gregorian date of a Lunar Hijri date by the tabular (arithmetic) Islamic calendar: odd
/// months have 30 days, even months 29, and the last month 30 in the 11 leap years of each
/// 30-year cycle (2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29). Pages dating by Umm al-Qura or by
/// sighting of the moon may differ by a day. `None` for an invalid date or a year outside
/// 1..=9666.
pub(crate) fn from_hijri(hy: i32, hm: u8, hd: u8) -> Option<(i32, u8, u8)> {
    if !(1..=9666).contains(&hy) || !(1..=12).contains(&hm) || hd == 0 {
        return None;
    }
    let leap = (14 + 11 * hy) % 30 < 11;
    let days_in = if hm % 2 == 1 || (hm == 12 && leap) {
        30
    } else {
        29
    };
    if hd > days_in {
        return None;
    }
    let (y, m) = (i64::from(hy), i64::from(hm));
    // Julian day number of 1 Muharram 1 AH is 1948440 (16 July 622, Julian); 1970-01-01 is
    // 2440588.
    let jdn = i64::from(hd) + (59 * (m - 1) + 1) / 2 + 354 * (y - 1) + (3 + 11 * y) / 30 + 1948439;
    Some(civil_from_days(jdn - 2440588))
}

/// How wall-clock readings map to instants: a fixed UTC offset or a named zone with DST rules.
#[derive(Debug, Clone)]
pub(crate) enum Zone {
    Fixed(i32),
    Named(TimeZone),
}

impl Zone {
    /// The instant of a wall-clock reading. In a named zone's repeated hour the earlier reading
    /// wins; a reading inside a spring-forward gap is moved forward by the gap.
    pub fn to_instant(&self, w: &Wall) -> Option<i64> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&w.y) {
            return None;
        }
        match self {
            Zone::Fixed(off) => Some(w.as_utc_seconds() - i64::from(*off)),
            Zone::Named(tz) => {
                let dt = civil::DateTime::new(
                    w.y as i16, w.mo as i8, w.d as i8, w.h as i8, w.mi as i8, w.s as i8, 0,
                )
                .ok()?;
                let ts = tz.to_ambiguous_timestamp(dt).compatible().ok()?;
                Some(ts.as_second())
            }
        }
    }

    /// The wall clock at an instant.
    pub fn to_wall(&self, secs: i64) -> Wall {
        match self {
            Zone::Fixed(off) => Wall::from_utc_seconds(secs + i64::from(*off)),
            Zone::Named(tz) => match jiff::Timestamp::from_second(secs) {
                Ok(ts) => {
                    let off = tz.to_offset(ts).seconds();
                    Wall::from_utc_seconds(secs + i64::from(off))
                }
                Err(_) => Wall::from_utc_seconds(secs),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trips() {
        for days in [-719_468, -1, 0, 1, 19_000, 20_513, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn month_arithmetic_clamps() {
        let w = Wall::midnight(2025, 3, 31);
        assert_eq!(w.add_months(-1), Some(Wall::midnight(2025, 2, 28)));
        let leap = Wall::midnight(2024, 2, 29);
        assert_eq!(leap.add_months(-12), Some(Wall::midnight(2023, 2, 28)));
        assert_eq!(
            Wall::midnight(2025, 1, 15).add_months(-1),
            Some(Wall::midnight(2024, 12, 15))
        );
    }

    #[test]
    fn solar_hijri_dates_map_to_gregorian_ones() {
        // Nowruz (1 Farvardin) of four years, the end of a leap year, and Yalda night.
        assert_eq!(from_jalali(1402, 1, 1), Some((2023, 3, 21)));
        assert_eq!(from_jalali(1403, 1, 1), Some((2024, 3, 20)));
        assert_eq!(from_jalali(1404, 1, 1), Some((2025, 3, 21)));
        assert_eq!(from_jalali(1403, 12, 30), Some((2025, 3, 20)));
        assert_eq!(from_jalali(1404, 12, 30), None);
        assert_eq!(from_jalali(1403, 9, 30), Some((2024, 12, 20)));
        assert_eq!(from_jalali(1405, 9, 5), Some((2026, 11, 26)));
        assert_eq!(from_jalali(1405, 13, 1), None);
        assert_eq!(from_jalali(1405, 7, 31), None);
    }

    #[test]
    fn lunar_hijri_dates_map_to_gregorian_ones() {
        assert_eq!(from_hijri(1, 1, 1), Some((622, 7, 19)));
        assert_eq!(from_hijri(1447, 1, 1), Some((2025, 6, 27)));
        assert_eq!(from_hijri(1447, 5, 5), Some((2025, 10, 27)));
        assert_eq!(from_hijri(1447, 9, 1), Some((2026, 2, 18)));
        assert_eq!(from_hijri(1448, 6, 14), Some((2026, 11, 25)));
        assert_eq!(from_hijri(1447, 2, 30), None);
        assert_eq!(from_hijri(1447, 13, 1), None);
        // 1445 is a leap year (its last month has 30 days), 1446 is not.
        assert!(from_hijri(1445, 12, 30).is_some());
        assert_eq!(from_hijri(1446, 12, 30), None);
    }

    #[test]
    fn weekday_is_monday_based() {
        assert_eq!(Wall::midnight(2026, 11, 26).weekday(), 3); // a Thursday
        assert_eq!(Wall::midnight(2025, 3, 3).weekday(), 0); // a Monday
    }
}
