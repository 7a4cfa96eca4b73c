//! Chinese, Japanese and Korean dates: "2025年3月4日 14:30", "2025년 3월 4일", "3月4日",
//! "3時間前", "2天前", "5분 전". The lexer makes each CJK character its own token, so these
//! forms are numbers separated by characters. Owns the CJK forms only; everything else about a
//! hit (zones, future warnings, fitting) is shared with `absolute` and `relative`.

use super::calendar::{days_in_month, Wall};
use super::lexer::Kind;
use super::scan::{Fit, Hit, Step, P};
use super::words::Unit;
use super::zones::ZoneRef;
use super::{Precision, RefusalKind};

impl P<'_> {
    /// The CJK character at `k`, if that token is one.
    fn cjk(&self, k: usize) -> Option<char> {
        self.t
            .get(k)
            .filter(|t| t.kind == Kind::Punct && super::lexer::is_cjk(t.ch))
            .map(|t| t.ch)
    }

    /// A CJK form starting at the number at `i`.
    pub(crate) fn cjk_at(&self, i: usize) -> Step {
        let Some(n) = self.num(i).filter(|t| !t.ordinal) else {
            return Ok(None);
        };
        if self.cjk(i + 1).is_none() {
            return Ok(None);
        }
        // "1个小时前": the measure word before a unit other than a month.
        let u = if matches!(self.cjk(i + 1), Some('个' | '個')) && self.cjk(i + 2) != Some('月')
        {
            i + 2
        } else {
            i + 1
        };
        if let Some((unit, mut k)) = self.cjk_unit(u) {
            if self.cjk(k) == Some('以') {
                k += 1;
            }
            if matches!(self.cjk(k), Some('前' | '전')) {
                return self.counted_ago(n.num, unit, i, k + 1);
            }
        }
        self.cjk_date(i)
    }

    /// Forms that start with a CJK character: day words with an optional time ("昨天 14:30",
    /// "今日", "어제 오후 2:30"), now-like words ("刚刚", "방금"), and counts written in Chinese
    /// numerals ("一小时前", "两天前", "半小时前", "十分钟前").
    pub(crate) fn cjk_word_at(&self, i: usize) -> Step {
        let Some(c0) = self.cjk(i) else {
            return Ok(None);
        };
        if let Some(h) = self.japanese_era_date(i)? {
            return Ok(Some(h));
        }
        let c1 = self.cjk(i + 1);
        let c2 = self.cjk(i + 2);
        let day = match (c0, c1, c2) {
            ('一', Some('昨'), Some('日')) | ('그', Some('저'), Some('께')) => {
                Some((2, i + 3))
            }
            ('昨', Some('天' | '日'), _) | ('어', Some('제'), _) => Some((1, i + 2)),
            ('今', Some('天' | '日'), _) | ('오', Some('늘'), _) | ('本', Some('日'), _) => {
                Some((0, i + 2))
            }
            ('前', Some('天'), _) => Some((2, i + 2)),
            // Japanese in kana: "きょう" (today), "きのう" (yesterday).
            ('き', Some('ょ'), Some('う')) => Some((0, i + 3)),
            ('き', Some('の'), Some('う')) => Some((1, i + 3)),
            _ => None,
        };
        if let Some((back, end)) = day {
            let date = self.r.local.add_days(-back);
            if let Some((h, mi, s, precision, zone, t_end)) = self.cjk_time(end)? {
                let wall = Wall { h, mi, s, ..date };
                let zone = zone.map_or_else(|| self.r.zone.clone(), |z| z.zone());
                return self.hit_at(&wall, &zone, precision, true, i, t_end, Fit::Anywhere, 0);
            }
            let wall = Wall::midnight(date.y, date.mo, date.d);
            return self.hit_at(
                &wall,
                &self.r.zone.clone(),
                Precision::Day,
                true,
                i,
                end,
                Fit::Alone,
                0,
            );
        }
        let now_end = match (c0, c1) {
            ('刚', Some('刚' | '才')) | ('剛', Some('剛' | '才')) | ('방', Some('금')) => {
                Some(i + 2)
            }
            // "조금 전" (a little before); "조금" alone is "a little".
            ('조', Some('금')) if c2 == Some('전') => Some(i + 2),
            ('た', Some('っ')) if c2 == Some('た') && self.cjk(i + 3) == Some('今') => {
                Some(i + 4)
            }
            _ => None,
        };
        // "방금 전", "조금 전": just before.
        let now_end = now_end.map(|e| if self.cjk(e) == Some('전') { e + 1 } else { e });
        if let Some(end) = now_end {
            // Now-like: the reference itself, precision minute.
            return self.counted_ago(0, Unit::Minute, i, end).map(|h| {
                h.map(|h| Hit {
                    fit: Fit::Alone,
                    ..h
                })
            });
        }
        // A time alone after its half of the day: "上午7:00", "午後2時", "오후 2:30".
        if let Some(t) = self.cjk_half_day_time(i)? {
            let zone = t.zone.map_or_else(|| self.r.zone.clone(), |z| z.zone());
            let mut wall = Wall {
                h: t.h,
                mi: t.mi,
                s: t.s,
                ..self.ref_wall(&zone)
            };
            if zone.to_instant(&wall).is_some_and(|s| s > self.r.secs) {
                wall = wall.add_days(-1);
            }
            return self.hit_at(&wall, &zone, t.precision, true, i, t.next, Fit::Alone, 0);
        }
        // "上周", "上个月", "去年", "先週", "先月", "지난주", "지난달", "작년": last week, month,
        // year.
        let c3 = self.cjk(i + 3);
        let last = match (c0, c1, c2, c3) {
            ('上', Some('周' | '週'), _, _) | ('先', Some('週'), _, _) => {
                Some((Unit::Week, i + 2))
            }
            ('上', Some('星'), Some('期'), _) => Some((Unit::Week, i + 3)),
            ('지', Some('난'), Some('주'), _) => Some((Unit::Week, i + 3)),
            ('上', Some('个' | '個'), Some('月'), _) => Some((Unit::Month, i + 3)),
            ('上', Some('月'), _, _) | ('先', Some('月'), _, _) => Some((Unit::Month, i + 2)),
            ('지', Some('난'), Some('달'), _) => Some((Unit::Month, i + 3)),
            ('去' | '昨', Some('年'), _, _) | ('작', Some('년'), _, _) => {
                Some((Unit::Year, i + 2))
            }
            _ => None,
        };
        if let Some((unit, end)) = last {
            return self.counted_ago(1, unit, i, end).map(|h| {
                h.map(|h| Hit {
                    fit: Fit::Alone,
                    ..h
                })
            });
        }
        // "하루 전": a day ago.
        if (c0, c1, c2) == ('하', Some('루'), Some('전')) {
            return self.counted_ago(1, Unit::Day, i, i + 3);
        }
        // A count in Chinese numerals, or a half, before a unit and "ago".
        let (n, half, k) = match self.cjk_numeral(i) {
            Some((n, k)) => (n, false, k),
            None if c0 == '半' => (1, true, i + 1),
            // "数分钟前", "几小时前", "数時間前": a few, read as 3 as "a few minutes ago" is.
            None if matches!(c0, '数' | '數' | '几' | '幾') => (3, false, i + 1),
            None => return Ok(None),
        };
        let mut k = k;
        if matches!(self.cjk(k), Some('个' | '個')) && !matches!(self.cjk(k + 1), Some('月')) {
            k += 1;
        }
        let Some((unit, mut end)) = self.cjk_unit(k) else {
            return Ok(None);
        };
        if self.cjk(end) == Some('以') {
            end += 1;
        }
        if !matches!(self.cjk(end), Some('前' | '전')) {
            return Ok(None);
        }
        if half {
            // "半小时前": half an hour, precision minute, as "half an hour ago".
            return match unit {
                Unit::Hour => self.counted_ago(30, Unit::Minute, i, end + 1),
                Unit::Minute => self.counted_ago(30, Unit::Second, i, end + 1),
                _ => Ok(None),
            };
        }
        self.counted_ago(n, unit, i, end + 1)
    }

    /// A CJK lead-in label ("发布时间：", "更新日", "입력", "기사입력", "최종수정", "公開日：") and
    /// where the date may start.
    pub(crate) fn cjk_label_at(&self, i: usize) -> Option<(super::Label, usize)> {
        use super::Label;
        let mut k = i;
        // "기사입력" (article input), "최종수정" / "最终更新" (last modified).
        let mut last = false;
        match (self.cjk(k)?, self.cjk(k + 1)) {
            ('기', Some('사')) => k += 2,
            ('최', Some('종')) | ('最', Some('终' | '終' | '后' | '後' | '新')) => {
                last = true;
                k += 2;
            }
            _ => {}
        }
        let c0 = self.cjk(k)?;
        let c1 = self.cjk(k + 1);
        let label = match (c0, c1) {
            ('发' | '發', Some('布' | '佈' | '表'))
            | ('公', Some('开' | '開'))
            | ('配', Some('信'))
            | ('掲', Some('載'))
            | ('投', Some('稿'))
            | ('입', Some('력'))
            | ('등', Some('록'))
            | ('게', Some('재'))
            | ('작', Some('성')) => Label::Published,
            ('更', Some('新')) | ('修', Some('改' | '正')) | ('수', Some('정')) => {
                Label::Updated
            }
            ('업', Some('데'))
                if self.cjk(k + 2) == Some('이') && self.cjk(k + 3) == Some('트') =>
            {
                k += 2;
                Label::Updated
            }
            _ => return None,
        };
        k += 2;
        // "时间", "時間", "日期", "日時", "日", "일시".
        while matches!(
            self.cjk(k),
            Some('时' | '時' | '间' | '間' | '日' | '期' | '일' | '시')
        ) {
            k += 1;
        }
        if self.punct(k, ':') {
            k += 1;
        }
        Some((if last { Label::Updated } else { label }, k))
    }

    /// A number in Chinese numerals from one to ninety-nine ("一", "两", "十", "十五", "二十三")
    /// and where it ends.
    fn cjk_numeral(&self, i: usize) -> Option<(u64, usize)> {
        let digit = |k: usize| -> Option<u64> {
            Some(match self.cjk(k)? {
                '一' => 1,
                '二' | '两' | '兩' => 2,
                '三' => 3,
                '四' => 4,
                '五' => 5,
                '六' => 6,
                '七' => 7,
                '八' => 8,
                '九' => 9,
                // Korean native counts before "시간" (hours): "한 시간 전", "두 시간 전".
                '한' => 1,
                '두' => 2,
                '세' => 3,
                '네' => 4,
                _ => return None,
            })
        };
        let ten = |k: usize| self.cjk(k) == Some('十');
        match (digit(i), ten(i)) {
            (Some(d), _) if ten(i + 1) => match digit(i + 2) {
                Some(u) => Some((d * 10 + u, i + 3)),
                None => Some((d * 10, i + 2)),
            },
            (Some(d), _) => Some((d, i + 1)),
            (None, true) => match digit(i + 1) {
                Some(u) => Some((10 + u, i + 2)),
                None => Some((10, i + 1)),
            },
            _ => None,
        }
    }

    /// A unit written in CJK characters at `k` and where it ends.
    fn cjk_unit(&self, k: usize) -> Option<(Unit, usize)> {
        let c = self.cjk(k)?;
        let next = self.cjk(k + 1);
        Some(match (c, next) {
            ('秒' | '초', _) => (Unit::Second, k + 1),
            ('分', Some('钟' | '鐘')) => (Unit::Minute, k + 2),
            ('分' | '분', _) => (Unit::Minute, k + 1),
            ('小', Some('时' | '時')) | ('時' | '시', Some('間' | '간')) => {
                (Unit::Hour, k + 2)
            }
            ('天' | '日' | '일', _) => (Unit::Day, k + 1),
            ('星', Some('期')) => (Unit::Week, k + 2),
            ('週', Some('間')) => (Unit::Week, k + 2),
            ('周' | '週' | '주', _) => (Unit::Week, k + 1),
            ('个' | '個' | 'ヶ' | 'か' | 'カ' | '개', Some('月' | '월')) => {
                (Unit::Month, k + 2)
            }
            // Korean native "달" (month): "한 달 전".
            ('달', _) => (Unit::Month, k + 1),
            ('年' | '년', _) => (Unit::Year, k + 1),
            _ => return None,
        })
    }

    /// "2025年3月4日", "2025년 3월 4일", "3月4日", "2025年3月", each with an optional time
    /// ("14:30", "14時30分", "14시 30분").
    fn cjk_date(&self, i: usize) -> Step {
        let Some(first) = self.num(i) else {
            return Ok(None);
        };
        let (y, k) = if matches!(self.cjk(i + 1), Some('年' | '년')) {
            // Taiwan counts years from 1912 ("115年" is 2026); a one- or two-digit year is no
            // year the engine can place.
            let y = match first.ndig {
                3 if (100..200).contains(&first.num) => first.num as i32 + 1911,
                // Its month and day go with it: "25年3月4日" is no 4 March of this year.
                0..=3 if self.num(i + 2).is_some() => {
                    return Err(self.fail(RefusalKind::NoDate, i, i + 6));
                }
                0..=3 => return Ok(None),
                _ => first.num as i32,
            };
            (Some(y), i + 2)
        } else {
            (None, i)
        };
        self.cjk_date_from(i, y, k)
    }

    /// Era years: "令和7年3月4日" (Reiwa 7 is 2025), "令和元年" (its first year), "民國115年" (the
    /// Republic of China, Taiwan: 2026),
    /// "平成31年".
    fn japanese_era_date(&self, i: usize) -> Step {
        // "中華民國115年": the Republic of China's era, after the country's name.
        let e = if matches!(
            (self.cjk(i), self.cjk(i + 1)),
            (Some('中'), Some('華' | '华'))
        ) {
            i + 2
        } else {
            i
        };
        let base = match (self.cjk(e), self.cjk(e + 1)) {
            (Some('令'), Some('和')) => 2018,
            (Some('平'), Some('成')) => 1988,
            (Some('民'), Some('國' | '国')) => 1911,
            _ => return Ok(None),
        };
        let (n, k) = match self.num(e + 2) {
            Some(t) if t.ndig <= 2 || base == 1911 && t.ndig == 3 => (t.num as i32, e + 3),
            _ if self.cjk(e + 2) == Some('元') => (1, e + 3),
            _ => return Ok(None),
        };
        if self.cjk(k) != Some('年') || n == 0 {
            return Ok(None);
        }
        self.cjk_date_from(i, Some(base + n), k + 1)
    }

    /// The month and day of a CJK date starting at token `k` (its year, if written, already
    /// read), with an optional time after it; the hit starts at token `i`.
    fn cjk_date_from(&self, i: usize, y: Option<i32>, k: usize) -> Step {
        let mut k = k;
        let Some(mo) = self.num(k).filter(|t| t.ndig <= 2).map(|t| t.num) else {
            return Ok(None);
        };
        if !matches!(self.cjk(k + 1), Some('月' | '월')) {
            return Ok(None);
        }
        k += 2;
        let day = self.num(k).filter(|t| t.ndig <= 2).map(|t| t.num);
        let day = day.filter(|_| matches!(self.cjk(k + 1), Some('日' | '号' | '號' | '일')));
        let Some(d) = day else {
            // "2025年3月": a month.
            let Some(y) = y else {
                return Ok(None);
            };
            if !(1..=12).contains(&mo) {
                return Err(self.fail(RefusalKind::InvalidDate, i, k));
            }
            let wall = Wall::midnight(y, mo as u8, 1);
            return self.hit_at(
                &wall,
                &self.r.zone.clone(),
                Precision::Month,
                false,
                i,
                k,
                Fit::Alone,
                0,
            );
        };
        k += 2;
        if !(1..=12).contains(&mo) || d == 0 || d > 31 {
            return Err(self.fail(RefusalKind::InvalidDate, i, k));
        }
        let (mo, d) = (mo as u8, d as u8);
        let y = match y {
            Some(y) => {
                if d > days_in_month(y, mo) {
                    return Err(self.fail(RefusalKind::InvalidDate, i, k));
                }
                y
            }
            None => {
                // The latest occurrence on or before the reference date.
                let today = self.r.local;
                let mut y = if (mo, d) > (today.mo, today.d) {
                    today.y - 1
                } else {
                    today.y
                };
                while d > days_in_month(y, mo) {
                    y -= 1;
                }
                y
            }
        };
        // A weekday often follows: "2025年3月4日(火)", "2025年3月4日 星期二", "3月4日 周二".
        k = self.cjk_weekday_end(k).unwrap_or(k);
        if let Some((h, mi, s, precision, zone, end)) = self.cjk_time(k)? {
            let wall = Wall { y, mo, d, h, mi, s };
            let zone = zone.map_or_else(|| self.r.zone.clone(), |z| z.zone());
            return self.hit_at(&wall, &zone, precision, false, i, end, Fit::Anywhere, 0);
        }
        let wall = Wall::midnight(y, mo, d);
        self.hit_at(
            &wall,
            &self.r.zone.clone(),
            Precision::Day,
            false,
            i,
            k,
            Fit::Anywhere,
            0,
        )
    }

    /// Where a weekday written after a date ends: in brackets ("(火)", "(화)", "(Tue)",
    /// "（木曜日）") or as a word ("星期二", "周二", "礼拜二", "火曜日").
    pub(crate) fn cjk_weekday_end(&self, k: usize) -> Option<usize> {
        let open = |k: usize| matches!(self.t.get(k), Some(t) if t.kind == Kind::Punct && matches!(t.ch, '(' | '（'));
        let close = |k: usize| matches!(self.t.get(k), Some(t) if t.kind == Kind::Punct && matches!(t.ch, ')' | '）'));
        let day = |k: usize| {
            matches!(
                self.cjk(k),
                Some(
                    '一' | '二'
                        | '三'
                        | '四'
                        | '五'
                        | '六'
                        | '日'
                        | '天'
                        | '月'
                        | '火'
                        | '水'
                        | '木'
                        | '金'
                        | '土'
                        | '월'
                        | '화'
                        | '수'
                        | '목'
                        | '금'
                        | '토'
                        | '일'
                )
            )
        };
        // The weekday itself, without brackets: where it ends.
        let weekday = |k: usize| -> Option<usize> {
            match (self.cjk(k), self.cjk(k + 1)) {
                (Some('星'), Some('期')) | (Some('礼' | '禮'), Some('拜')) if day(k + 2) => {
                    Some(k + 3)
                }
                (Some('周' | '週'), _) if day(k + 1) => Some(k + 2),
                _ if day(k) => {
                    let mut e = k + 1;
                    if matches!(self.cjk(e), Some('曜' | '요')) {
                        e += 1;
                        if matches!(self.cjk(e), Some('日' | '일')) {
                            e += 1;
                        }
                    }
                    Some(e)
                }
                _ if super::words::weekday(self.w(k)).is_some() => Some(k + 1),
                _ => None,
            }
        };
        if open(k) {
            let e = weekday(k + 1)?;
            return close(e).then_some(e + 1);
        }
        // Unbracketed, only the forms that cannot be anything else.
        match (self.cjk(k), self.cjk(k + 1)) {
            (Some('星' | '礼' | '禮' | '周' | '週'), _) => weekday(k),
            (Some(_), Some('曜' | '요')) => weekday(k),
            _ => None,
        }
    }

    /// A time after a date that is not a CJK date, only when it starts with a before-noon or
    /// after-noon word ("오후 2:30", "下午2:30", "午後2時").
    pub(crate) fn cjk_half_day_time(
        &self,
        k: usize,
    ) -> Result<Option<super::time::TimePart>, super::scan::Fail> {
        if !matches!(
            (self.cjk(k), self.cjk(k + 1)),
            (
                Some('午' | '上' | '早' | '下' | '晚' | '오'),
                Some('前' | '後' | '后' | '午' | '上' | '전' | '후')
            )
        ) {
            return Ok(None);
        }
        Ok(self
            .cjk_time(k)?
            .map(|(h, mi, s, precision, zone, next)| super::time::TimePart {
                h,
                mi,
                s,
                precision,
                zone,
                next,
            }))
    }

    /// "14:30", "14:30 JST", "14時30分", "14点", "14시 30분", "午後2時30分", "下午2:30",
    /// "오후 2:30" after a CJK date: hour, minute, second, precision, zone and where the time
    /// ends.
    #[allow(clippy::type_complexity)]
    fn cjk_time(
        &self,
        k: usize,
    ) -> Result<Option<(u8, u8, u8, Precision, Option<ZoneRef>, usize)>, super::scan::Fail> {
        // Before noon / after noon, written before the time.
        let (half, k) = match (self.cjk(k), self.cjk(k + 1)) {
            (Some('午'), Some('前'))
            | (Some('上' | '早'), Some('午' | '上'))
            | (Some('오'), Some('전')) => (Some(false), k + 2),
            (Some('午'), Some('後' | '后'))
            | (Some('下' | '晚'), Some('午' | '上'))
            | (Some('오'), Some('후')) => (Some(true), k + 2),
            _ => (None, k),
        };
        let with_half = |h: u8| match half {
            Some(true) if h < 12 => h + 12,
            Some(false) if h == 12 => 0,
            _ => h,
        };
        if let Some(t) = self.time_at(k, true)? {
            return Ok(Some((
                with_half(t.h),
                t.mi,
                t.s,
                t.precision,
                t.zone,
                t.next,
            )));
        }
        let Some(h) = self.num(k).filter(|t| t.ndig <= 2).map(|t| t.num) else {
            return Ok(None);
        };
        if !matches!(self.cjk(k + 1), Some('時' | '时' | '点' | '點' | '시')) {
            return Ok(None);
        }
        let (mi, precision, end) = match self.num(k + 2).filter(|t| t.ndig <= 2) {
            Some(m) if matches!(self.cjk(k + 3), Some('分' | '분')) => {
                (m.num, Precision::Minute, k + 4)
            }
            _ => (0, Precision::Hour, k + 2),
        };
        // "14時05分17秒", "14시 5분 17초".
        let (s, precision, end) = match self.num(end).filter(|t| t.ndig <= 2) {
            Some(sec)
                if precision == Precision::Minute
                    && matches!(self.cjk(end + 1), Some('秒' | '초')) =>
            {
                (sec.num, Precision::Second, end + 2)
            }
            _ => (0, precision, end),
        };
        if h > 23 || mi > 59 || s > 59 {
            return Err(self.fail(RefusalKind::InvalidTime, k, end));
        }
        let (zone, end) = self.zone_at(end).map_or((None, end), |(z, n)| (Some(z), n));
        Ok(Some((
            with_half(h as u8),
            mi as u8,
            s as u8,
            precision,
            zone,
            end,
        )))
    }
}

#[cfg(test)]
mod tests {
    use crate::dates::{resolve, Context};

    fn r(text: &str) -> String {
        let ctx = Context::from_rfc3339("2026-11-26T02:20:00Z").unwrap();
        match resolve(text, &ctx) {
            Ok(r) => format!("{} {}", r.instant, r.precision),
            Err(e) => e.kind.as_str().to_string(),
        }
    }

    #[test]
    fn last_week_month_and_year_words() {
        for text in ["上周", "上星期", "先週", "지난주"] {
            assert_eq!(r(text), "2026-11-19T02:20:00Z week", "{text}");
        }
        for text in ["上个月", "先月", "지난달"] {
            assert_eq!(r(text), "2026-10-26T02:20:00Z month", "{text}");
        }
        for text in ["去年", "昨年", "작년"] {
            assert_eq!(r(text), "2025-11-26T02:20:00Z year", "{text}");
        }
        assert_eq!(r("한 시간 전"), "2026-11-26T01:20:00Z hour");
        assert_eq!(r("두 시간 전"), "2026-11-26T00:20:00Z hour");
        assert_eq!(r("하루 전"), "2026-11-25T02:20:00Z day");
        assert_eq!(r("한 달 전"), "2026-10-26T02:20:00Z month");
    }

    #[test]
    fn seconds_after_a_cjk_date() {
        assert_eq!(r("2025年03月03日 14:05:17"), "2025-03-03T14:05:17Z second");
        assert_eq!(
            r("2025年3月3日 14時05分17秒"),
            "2025-03-03T14:05:17Z second"
        );
        assert_eq!(
            r("2025년 3월 3일 14시 5분 17초"),
            "2025-03-03T14:05:17Z second"
        );
        assert_eq!(r("2025年3月3日 14時05分"), "2025-03-03T14:05:00Z minute");
    }

    #[test]
    fn cjk_dates_and_offsets() {
        assert_eq!(r("2025年3月4日"), "2025-03-04T00:00:00Z day");
        assert_eq!(r("2025年3月4日 14:30"), "2025-03-04T14:30:00Z minute");
        assert_eq!(
            r("2025年3月4日(火) 14時30分"),
            "2025-03-04T14:30:00Z minute"
        );
        assert_eq!(r("2025년 3월 4일"), "2025-03-04T00:00:00Z day");
        assert_eq!(r("12月5日"), "2025-12-05T00:00:00Z day");
        assert_eq!(r("2025年3月"), "2025-03-01T00:00:00Z month");
        assert_eq!(r("3時間前"), "2026-11-25T23:20:00Z hour");
        assert_eq!(r("3小时前"), "2026-11-25T23:20:00Z hour");
        assert_eq!(r("2天前"), "2026-11-24T02:20:00Z day");
        assert_eq!(r("5분 전"), "2026-11-26T02:15:00Z minute");
        assert_eq!(r("2ヶ月前"), "2026-09-26T02:20:00Z month");
        assert_eq!(r("2025年2月30日"), "invalid_date");
        assert_eq!(r("昨天 14:30"), "2026-11-25T14:30:00Z minute");
        assert_eq!(r("昨天下午2:30"), "2026-11-25T14:30:00Z minute");
        assert_eq!(r("今日"), "2026-11-26T00:00:00Z day");
        assert_eq!(r("어제"), "2026-11-25T00:00:00Z day");
        assert_eq!(r("前天"), "2026-11-24T00:00:00Z day");
        assert_eq!(r("刚刚"), "2026-11-26T02:20:00Z minute");
        assert_eq!(r("一小时前"), "2026-11-26T01:20:00Z hour");
        assert_eq!(r("两天前"), "2026-11-24T02:20:00Z day");
        assert_eq!(r("十五分钟前"), "2026-11-26T02:05:00Z minute");
        assert_eq!(r("二十三小时前"), "2026-11-25T03:20:00Z hour");
        assert_eq!(r("半小时前"), "2026-11-26T01:50:00Z minute");
        assert_eq!(r("三个月前"), "2026-08-26T02:20:00Z month");
        assert_eq!(r("1个小时前"), "2026-11-26T01:20:00Z hour");
        assert_eq!(r("令和7年3月4日"), "2025-03-04T00:00:00Z day");
        assert_eq!(r("令和元年5月1日"), "2019-05-01T00:00:00Z day");
        assert_eq!(r("平成31年4月30日 14時"), "2019-04-30T14:00:00Z hour");
        assert_eq!(r("2025年3月4日 14:30 JST"), "2025-03-04T05:30:00Z minute");
        assert_eq!(r("2025年3月4日 午後2時30分"), "2025-03-04T14:30:00Z minute");
        assert_eq!(r("2025年3月4日 下午2:30"), "2025-03-04T14:30:00Z minute");
        assert_eq!(r("2025년 3월 4일 오후 2:30"), "2025-03-04T14:30:00Z minute");
        assert_eq!(
            r("2025년 3월 4일 오전 9시 5분"),
            "2025-03-04T09:05:00Z minute"
        );
    }
}
