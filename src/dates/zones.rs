//! Time zone names printed after times: fixed abbreviations (EST -05:00, BST +01:00, IST
//! +05:30 India), the generic US zones (ET, CT, MT, PT and "Eastern Time"), which follow the
//! New York / Chicago / Denver / Los Angeles rules from jiff's bundled tz database, and
//! `--tz` names. Owns the zone vocabulary; does not own where a zone may stand (`absolute`).

use std::sync::OnceLock;

use jiff::tz::TimeZone;

use super::calendar::Zone;

/// A zone written in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ZoneRef {
    /// A fixed UTC offset in seconds.
    Fixed(i32),
    /// A generic US zone whose offset depends on the date.
    Us(UsZone),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UsZone {
    Eastern,
    Central,
    Mountain,
    Pacific,
}

impl UsZone {
    fn iana(self) -> &'static str {
        match self {
            UsZone::Eastern => "America/New_York",
            UsZone::Central => "America/Chicago",
            UsZone::Mountain => "America/Denver",
            UsZone::Pacific => "America/Los_Angeles",
        }
    }
}

impl ZoneRef {
    /// The zone that turns wall-clock readings into instants.
    pub fn zone(self) -> Zone {
        match self {
            ZoneRef::Fixed(off) => Zone::Fixed(off),
            ZoneRef::Us(us) => Zone::Named(us_zone(us)),
        }
    }
}

/// The bundled database lookups, done once per process.
fn us_zone(us: UsZone) -> TimeZone {
    static ZONES: OnceLock<[TimeZone; 4]> = OnceLock::new();
    let zones = ZONES.get_or_init(|| {
        [
            UsZone::Eastern,
            UsZone::Central,
            UsZone::Mountain,
            UsZone::Pacific,
        ]
        .map(|z| TimeZone::get(z.iana()).unwrap_or(TimeZone::UTC))
    });
    zones[us as usize].clone()
}

const H: i32 = 3600;

/// A zone abbreviation (folded to lowercase). `original_upper` says whether the text wrote it in
/// capitals: the short generic names ("ET", "PT", "CT", "MT") and words that are also ordinary
/// words ("west", "art", "eat") only count in capitals.
pub(crate) fn abbreviation(w: &str, original_upper: bool) -> Option<ZoneRef> {
    let fixed = |s: i32| Some(ZoneRef::Fixed(s));
    match w {
        "utc" | "gmt" | "ut" | "z" | "zulu" => fixed(0),
        "wet" => fixed(0),
        "bst" | "cet" | "mez" | "wat" => fixed(H),
        "cest" | "mesz" | "eet" | "sast" | "cat" => fixed(2 * H),
        "eest" | "msk" | "мск" | "trt" => fixed(3 * H),
        "idt" => fixed(3 * H),
        "irst" => fixed(3 * H + 30 * 60),
        "gst" => fixed(4 * H),
        "ist" => fixed(5 * H + 30 * 60),
        "npt" => fixed(5 * H + 45 * 60),
        "pkt" => fixed(5 * H),
        "ict" | "wib" => fixed(7 * H),
        "hkt" | "sgt" | "awst" | "pht" | "myt" | "wita" => fixed(8 * H),
        "jst" | "kst" | "wit" => fixed(9 * H),
        "acst" => fixed(9 * H + 30 * 60),
        "acdt" => fixed(10 * H + 30 * 60),
        "aest" => fixed(10 * H),
        "aedt" => fixed(11 * H),
        "nzst" => fixed(12 * H),
        "nzdt" => fixed(13 * H),
        "brt" | "uyt" | "adt" => fixed(-3 * H),
        // Atlantic time (Halifax, Puerto Rico), as the tz database names it; the Gulf's
        // "Arabia Standard Time" pages write as GST or +03.
        "ast" | "clt" => fixed(-4 * H),
        "nst" => fixed(-3 * H - 30 * 60),
        "ndt" => fixed(-2 * H - 30 * 60),
        "est" => fixed(-5 * H),
        "edt" => fixed(-4 * H),
        "cst" => fixed(-6 * H),
        "cdt" => fixed(-5 * H),
        "mst" => fixed(-7 * H),
        "mdt" => fixed(-6 * H),
        "pst" => fixed(-8 * H),
        "pdt" => fixed(-7 * H),
        "akst" => fixed(-9 * H),
        "akdt" => fixed(-8 * H),
        "hst" => fixed(-10 * H),
        "west" | "eat" | "art" | "vet" | "cot" | "pet" if original_upper => match w {
            "west" => fixed(H),
            "eat" => fixed(3 * H),
            "vet" => fixed(-4 * H),
            "cot" | "pet" => fixed(-5 * H),
            _ => fixed(-3 * H),
        },
        "et" if original_upper => Some(ZoneRef::Us(UsZone::Eastern)),
        "ct" if original_upper => Some(ZoneRef::Us(UsZone::Central)),
        "mt" if original_upper => Some(ZoneRef::Us(UsZone::Mountain)),
        "pt" if original_upper => Some(ZoneRef::Us(UsZone::Pacific)),
        _ => None,
    }
}

/// An abbreviation that names two zones, read as the other one when the page's own offset is
/// that zone's: "CST" on a page at +08:00 is China Standard Time, "IST" at +02:00 or +03:00
/// Israel Standard Time, "AST" at +03:00 Arabia Standard Time. `page_offset` is in seconds.
pub(crate) fn as_the_page_reads(w: &str, z: ZoneRef, page_offset: i32) -> ZoneRef {
    match (w, page_offset) {
        ("cst", o) if o == 8 * H => ZoneRef::Fixed(8 * H),
        ("ist", o) if o == 2 * H || o == 3 * H => ZoneRef::Fixed(2 * H),
        ("ast", o) if o == 3 * H => ZoneRef::Fixed(3 * H),
        _ => z,
    }
}

/// "Eastern", "Pacific", ... (followed by "Time", "Standard Time" or "Daylight Time").
pub(crate) fn us_region(w: &str) -> Option<UsZone> {
    Some(match w {
        "eastern" => UsZone::Eastern,
        "central" => UsZone::Central,
        "mountain" => UsZone::Mountain,
        "pacific" => UsZone::Pacific,
        _ => return None,
    })
}

/// Standard and daylight offsets of a US region ("Eastern Standard Time" is EST).
pub(crate) fn us_fixed(us: UsZone, daylight: bool) -> ZoneRef {
    let standard = match us {
        UsZone::Eastern => -5,
        UsZone::Central => -6,
        UsZone::Mountain => -7,
        UsZone::Pacific => -8,
    };
    ZoneRef::Fixed((standard + i32::from(daylight)) * H)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_us_zones_follow_daylight_time() {
        let ZoneRef::Us(us) = abbreviation("et", true).unwrap() else {
            panic!("ET is generic");
        };
        let zone = ZoneRef::Us(us).zone();
        let summer = super::super::calendar::Wall::midnight(2025, 7, 1);
        let winter = super::super::calendar::Wall::midnight(2025, 1, 1);
        assert_eq!(
            zone.to_instant(&summer).unwrap() - summer.as_utc_seconds(),
            4 * H as i64
        );
        assert_eq!(
            zone.to_instant(&winter).unwrap() - winter.as_utc_seconds(),
            5 * H as i64
        );
        assert_eq!(abbreviation("et", false), None);
    }
}
