//! Writes Arrow record batches as JSON: one object per line (JSON Lines). Owns how each Arrow
//! type is rendered as JSON text (shared with the CSV writer for list and object cells and with
//! the Parquet reader's records); does not own the file handling (`io::write`).
//!
//! Rendering mirrors the schema mapping in `schema::arrow`: timestamps as RFC 3339 in UTC
//! (`2026-03-26T02:20:00Z`, with `.fff` or `.ffffff` only when the instant has them), dates as
//! `YYYY-MM-DD`, JSON-text columns as the JSON they hold. A null in a column whose schema does
//! not admit null (an optional property that was absent) is left out of the object, so what was
//! absent stays absent.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Int32Type, TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType,
};
use arrow_array::{Array, ArrayRef, RecordBatch};
use std::io::Write as _;
use std::sync::Arc;

use arrow_schema::{DataType, Field, FieldRef, TimeUnit};

use crate::schema::arrow::{JSON_TEXT_KEY, OMIT_NULL_KEY};

/// Appends `s` as a JSON string literal (quotes, escapes) to `out`.
pub fn write_json_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Skip eight clean bytes at a time: text rarely needs escaping.
        if i + 8 <= bytes.len() {
            let mut word = [0u8; 8];
            word.copy_from_slice(&bytes[i..i + 8]);
            if !word_needs_escape(u64::from_le_bytes(word)) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        if NEEDS_ESCAPE[b as usize] {
            out.extend_from_slice(&bytes[start..i]);
            match b {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\t' => out.extend_from_slice(b"\\t"),
                0x08 => out.extend_from_slice(b"\\b"),
                0x0c => out.extend_from_slice(b"\\f"),
                _ => out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(b >> 4) as usize],
                    HEX[(b & 0xf) as usize],
                ]),
            }
            start = i + 1;
        }
        i += 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// Whether any of eight bytes is a control character, `"` or `\\` (SWAR: exact, no false
/// negatives; a false positive only sends the word to the byte-by-byte path).
#[inline]
fn word_needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    let quote = has_zero(w ^ (ONES * b'"' as u64));
    let backslash = has_zero(w ^ (ONES * b'\\' as u64));
    (below_space | quote | backslash) != 0
}

static NEEDS_ESCAPE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// Days since 1970-01-01 -> (year, month, day), proleptic Gregorian (Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn push_2(out: &mut Vec<u8>, n: u32) {
    out.push(b'0' + (n / 10) as u8);
    out.push(b'0' + (n % 10) as u8);
}

fn push_date(out: &mut Vec<u8>, days: i64) {
    let (y, m, d) = civil_from_days(days);
    if (0..=9999).contains(&y) {
        let y = y as u32;
        push_2(out, y / 100);
        push_2(out, y % 100);
    } else {
        out.extend_from_slice(format!("{y:+07}").as_bytes());
    }
    out.push(b'-');
    push_2(out, m);
    out.push(b'-');
    push_2(out, d);
}

/// Appends an instant (microseconds since the epoch) as RFC 3339 in UTC, without quotes.
pub fn push_timestamp_us(out: &mut Vec<u8>, micros: i64) {
    push_timestamp(out, micros, TimeUnit::Microsecond)
}

/// An instant counted in `unit`s since 1970 as RFC 3339 in UTC, with as many fraction digits
/// (3, 6 or 9) as it needs.
pub fn push_timestamp(out: &mut Vec<u8>, value: i64, unit: TimeUnit) {
    let per_second: i64 = match unit {
        TimeUnit::Second => 1,
        TimeUnit::Millisecond => 1_000,
        TimeUnit::Microsecond => 1_000_000,
        TimeUnit::Nanosecond => 1_000_000_000,
    };
    let secs = value.div_euclid(per_second);
    let nanos = (value.rem_euclid(per_second) * (1_000_000_000 / per_second)) as u32;
    let days = secs.div_euclid(86_400);
    let sod = secs.rem_euclid(86_400) as u32;
    push_date(out, days);
    out.push(b'T');
    push_2(out, sod / 3600);
    out.push(b':');
    push_2(out, sod / 60 % 60);
    out.push(b':');
    push_2(out, sod % 60);
    if nanos != 0 {
        out.push(b'.');
        let digits = if nanos % 1_000_000 == 0 {
            format!("{:03}", nanos / 1_000_000)
        } else if nanos % 1000 == 0 {
            format!("{:06}", nanos / 1000)
        } else {
            format!("{nanos:09}")
        };
        out.extend_from_slice(digits.as_bytes());
    }
    out.push(b'Z');
}

/// A column ready to render, with the downcasts done once per batch.
pub enum ColumnRender<'a> {
    Utf8(&'a arrow_array::StringArray),
    Utf8View(&'a arrow_array::StringViewArray),
    LargeUtf8(&'a arrow_array::LargeStringArray),
    /// Utf8 holding JSON text: written verbatim.
    JsonText(&'a arrow_array::StringArray),
    /// Timestamps of any unit, as instants in UTC (a zone name is only how to show them).
    Timestamp(&'a [i64], TimeUnit),
    Date32(&'a arrow_array::Date32Array),
    Int64(&'a arrow_array::Int64Array),
    Int32(&'a arrow_array::Int32Array),
    /// Floats; a non-finite one (NaN, infinity: JSON has none) is written as null.
    Float64(&'a arrow_array::Float64Array),
    Float32(&'a arrow_array::Float32Array),
    Boolean(&'a arrow_array::BooleanArray),
    Dict(
        &'a arrow_array::DictionaryArray<Int32Type>,
        &'a arrow_array::StringArray,
    ),
    /// Any list (List, LargeList, FixedSizeList): its rows' item ranges, its items, their
    /// render.
    List(Ranges<'a>, &'a dyn Array, Box<ColumnRender<'a>>),
    /// A map as a JSON object: entry ranges, keys (written as strings), values.
    Map(
        Ranges<'a>,
        (&'a dyn Array, Box<ColumnRender<'a>>),
        (&'a dyn Array, Box<ColumnRender<'a>>),
    ),
    /// A dictionary other than Int32 -> Utf8: each row's value index, and the values.
    Dictionary(Vec<usize>, Box<ColumnRender<'a>>),
    Struct(&'a arrow_array::StructArray, Vec<FieldRender<'a>>),
    /// Any other type (other writers' Parquet: unsigned and small integers, Float32, decimals,
    /// durations, binary, list views): arrow-json's encoder writes it as JSON (made per value),
    /// and a CSV cell takes arrow-cast's display text, or the JSON text when it is nested.
    Other(Box<Other<'a>>),
}

/// A named field of an object being rendered.
pub struct FieldRender<'a> {
    /// `"name":` pre-rendered.
    pub key: Vec<u8>,
    pub render: ColumnRender<'a>,
    pub array: &'a dyn Array,
    /// Leave the key out when the value is null.
    pub omit_null: bool,
}

impl<'a> ColumnRender<'a> {
    /// Prepares a column for rendering; `field` gives its type and metadata.
    pub fn new(field: &Field, array: &'a ArrayRef) -> ColumnRender<'a> {
        Self::of(field, array.as_ref())
    }

    fn of(field: &Field, array: &'a dyn Array) -> ColumnRender<'a> {
        match array.data_type() {
            DataType::Utf8 if field.metadata().contains_key(JSON_TEXT_KEY) => {
                ColumnRender::JsonText(array.as_string::<i32>())
            }
            DataType::Utf8 => ColumnRender::Utf8(array.as_string::<i32>()),
            DataType::LargeUtf8 => ColumnRender::LargeUtf8(array.as_string::<i64>()),
            DataType::Utf8View => ColumnRender::Utf8View(array.as_string_view()),
            DataType::Timestamp(unit, _) => {
                let values: &[i64] = match unit {
                    TimeUnit::Second => array.as_primitive::<TimestampSecondType>().values(),
                    TimeUnit::Millisecond => {
                        array.as_primitive::<TimestampMillisecondType>().values()
                    }
                    TimeUnit::Microsecond => {
                        array.as_primitive::<TimestampMicrosecondType>().values()
                    }
                    TimeUnit::Nanosecond => {
                        array.as_primitive::<TimestampNanosecondType>().values()
                    }
                };
                ColumnRender::Timestamp(values, *unit)
            }
            DataType::Date32 => ColumnRender::Date32(array.as_primitive()),
            DataType::Int64 => ColumnRender::Int64(array.as_primitive()),
            DataType::Int32 => ColumnRender::Int32(array.as_primitive()),
            DataType::Float64 => ColumnRender::Float64(array.as_primitive()),
            DataType::Float32 => ColumnRender::Float32(array.as_primitive()),
            DataType::Boolean => ColumnRender::Boolean(array.as_boolean()),
            DataType::Dictionary(k, v) if **k == DataType::Int32 && **v == DataType::Utf8 => {
                let dict = array.as_dictionary::<Int32Type>();
                ColumnRender::Dict(dict, dict.values().as_string::<i32>())
            }
            DataType::List(item) => {
                let list = array.as_list::<i32>();
                let values = list.values().as_ref();
                let ranges = Ranges::Small(list.value_offsets());
                ColumnRender::List(ranges, values, Box::new(Self::of(item, values)))
            }
            DataType::LargeList(item) => {
                let list = array.as_list::<i64>();
                let values = list.values().as_ref();
                let ranges = Ranges::Large(list.value_offsets());
                ColumnRender::List(ranges, values, Box::new(Self::of(item, values)))
            }
            DataType::FixedSizeList(item, size) => {
                let list = array.as_fixed_size_list();
                let values = list.values().as_ref();
                let ranges = Ranges::Fixed(*size as usize);
                ColumnRender::List(ranges, values, Box::new(Self::of(item, values)))
            }
            DataType::Map(entries, _) => {
                let map = array.as_map();
                let (keys, values) = (map.keys().as_ref(), map.values().as_ref());
                let fields = match entries.data_type() {
                    DataType::Struct(f) if f.len() == 2 => Some((f[0].clone(), f[1].clone())),
                    _ => None,
                };
                match fields {
                    Some((k, v)) => ColumnRender::Map(
                        Ranges::Small(map.value_offsets()),
                        (keys, Box::new(Self::of(&k, keys))),
                        (values, Box::new(Self::of(&v, values))),
                    ),
                    None => Self::other(field, array),
                }
            }
            DataType::Dictionary(_, value) => match array.as_any_dictionary_opt() {
                Some(dict) => {
                    let values = dict.values().as_ref();
                    let item = Field::new("item", value.as_ref().clone(), true);
                    ColumnRender::Dictionary(
                        dict.normalized_keys(),
                        Box::new(Self::of(&item, values)),
                    )
                }
                None => Self::other(field, array),
            },
            DataType::Struct(fields) => {
                let s = array.as_struct();
                let children = fields
                    .iter()
                    .zip(s.columns())
                    .map(|(f, c)| FieldRender::new(f, c.as_ref()))
                    .collect();
                ColumnRender::Struct(s, children)
            }
            _ => Self::other(field, array),
        }
    }

    fn other(field: &Field, array: &'a dyn Array) -> ColumnRender<'a> {
        let t = array.data_type();
        let options = arrow_cast::display::FormatOptions::default();
        ColumnRender::Other(Box::new(Other {
            field: Arc::new(field.clone().with_data_type(t.clone())),
            array,
            display: arrow_cast::display::ArrayFormatter::try_new(array, &options).ok(),
            nested: t.is_nested(),
        }))
    }

    /// Appends the JSON value at `row` (the caller has checked it is not null).
    pub fn write(&self, out: &mut Vec<u8>, row: usize) {
        match self {
            ColumnRender::Utf8(a) => write_json_str(out, a.value(row)),
            ColumnRender::LargeUtf8(a) => write_json_str(out, a.value(row)),
            ColumnRender::Utf8View(a) => write_json_str(out, a.value(row)),
            ColumnRender::JsonText(a) => out.extend_from_slice(a.value(row).as_bytes()),
            ColumnRender::Timestamp(values, unit) => {
                out.push(b'"');
                push_timestamp(out, values[row], *unit);
                out.push(b'"');
            }
            ColumnRender::Date32(a) => {
                out.push(b'"');
                push_date(out, a.value(row) as i64);
                out.push(b'"');
            }
            ColumnRender::Int64(a) => push_int(out, a.value(row)),
            ColumnRender::Int32(a) => push_int(out, a.value(row) as i64),
            ColumnRender::Float64(a) => push_float(out, a.value(row), a.value(row).is_finite()),
            ColumnRender::Float32(a) => push_float(out, a.value(row), a.value(row).is_finite()),
            ColumnRender::Boolean(a) => {
                out.extend_from_slice(if a.value(row) { b"true" } else { b"false" })
            }
            ColumnRender::Dict(d, values) => {
                let k = d.keys().value(row) as usize;
                write_json_str(out, values.value(k))
            }
            ColumnRender::List(ranges, values, item) => {
                out.push(b'[');
                for (n, i) in ranges.range(row).enumerate() {
                    if n > 0 {
                        out.push(b',');
                    }
                    item.write_or_null(out, *values, i);
                }
                out.push(b']');
            }
            ColumnRender::Map(ranges, (keys, key), (values, value)) => {
                let mut text = Vec::new();
                out.push(b'{');
                for (n, i) in ranges.range(row).enumerate() {
                    if n > 0 {
                        out.push(b',');
                    }
                    // Object keys are strings: a key of another type as its text.
                    text.clear();
                    if !keys.is_null(i) {
                        key.write_text(&mut text, i);
                    }
                    write_json_str(out, &String::from_utf8_lossy(&text));
                    out.push(b':');
                    value.write_or_null(out, *values, i);
                }
                out.push(b'}');
            }
            ColumnRender::Dictionary(keys, values) => values.write(out, keys[row]),
            ColumnRender::Struct(_, fields) => write_object(out, fields, row),
            ColumnRender::Other(o) => o.write(out, row),
        }
    }

    /// Appends the value at `row` of `array` (this render's array), or `null`.
    fn write_or_null(&self, out: &mut Vec<u8>, array: &dyn Array, row: usize) {
        if array.is_null(row) {
            out.extend_from_slice(b"null");
        } else {
            self.write(out, row);
        }
    }

    /// Whether the value at `row` of `array` (this render's array) is written as null: a null,
    /// or a float JSON cannot hold.
    pub fn writes_null(&self, array: &dyn Array, row: usize) -> bool {
        array.is_null(row)
            || match self {
                ColumnRender::Float64(a) => !a.value(row).is_finite(),
                ColumnRender::Float32(a) => !a.value(row).is_finite(),
                _ => false,
            }
    }

    /// Appends the value at `row` as text for a cell: strings bare, everything else as JSON.
    pub fn write_text(&self, out: &mut Vec<u8>, row: usize) {
        match self {
            ColumnRender::Utf8(a) => out.extend_from_slice(a.value(row).as_bytes()),
            ColumnRender::LargeUtf8(a) => out.extend_from_slice(a.value(row).as_bytes()),
            ColumnRender::Utf8View(a) => out.extend_from_slice(a.value(row).as_bytes()),
            ColumnRender::Timestamp(values, unit) => push_timestamp(out, values[row], *unit),
            ColumnRender::Date32(a) => push_date(out, a.value(row) as i64),
            ColumnRender::Dict(d, values) => {
                let k = d.keys().value(row) as usize;
                out.extend_from_slice(values.value(k).as_bytes())
            }
            ColumnRender::Dictionary(keys, values) => values.write_text(out, keys[row]),
            ColumnRender::Other(o) if !o.nested => {
                if let Some(d) = &o.display {
                    let _ = write!(out, "{}", d.value(row));
                }
            }
            _ => self.write(out, row),
        }
    }
}

/// Where each row's items lie in a list's values.
pub enum Ranges<'a> {
    Small(&'a [i32]),
    Large(&'a [i64]),
    Fixed(usize),
}

impl Ranges<'_> {
    pub fn range(&self, row: usize) -> std::ops::Range<usize> {
        match self {
            Ranges::Small(o) => o[row] as usize..o[row + 1] as usize,
            Ranges::Large(o) => o[row] as usize..o[row + 1] as usize,
            Ranges::Fixed(n) => row * n..(row + 1) * n,
        }
    }
}

/// A column of a type rendered through arrow-json (see `ColumnRender::Other`).
pub struct Other<'a> {
    field: FieldRef,
    array: &'a dyn Array,
    display: Option<arrow_cast::display::ArrayFormatter<'a>>,
    nested: bool,
}

impl Other<'_> {
    fn write(&self, out: &mut Vec<u8>, row: usize) {
        let options = arrow_json::writer::EncoderOptions::default();
        let encoder = arrow_json::writer::make_encoder(&self.field, self.array, &options);
        match encoder {
            Ok(mut encoder) => encoder.encode(row, out),
            // A type arrow-json cannot write (intervals): its display text, as a string.
            Err(_) => match &self.display {
                Some(d) => write_json_str(out, &d.value(row).to_string()),
                None => out.extend_from_slice(b"null"),
            },
        };
    }
}

/// A float as JSON writes it (shortest form of its own width), null when JSON has no form.
fn push_float<F: serde::Serialize>(out: &mut Vec<u8>, v: F, finite: bool) {
    if finite {
        let _ = serde_json::to_writer(&mut *out, &v);
    } else {
        out.extend_from_slice(b"null");
    }
}

fn push_int(out: &mut Vec<u8>, v: i64) {
    let _ = serde_json::to_writer(&mut *out, &v);
}

impl<'a> FieldRender<'a> {
    pub fn new(field: &Field, array: &'a dyn Array) -> FieldRender<'a> {
        let mut key = Vec::with_capacity(field.name().len() + 3);
        write_json_str(&mut key, field.name());
        key.push(b':');
        FieldRender {
            key,
            render: ColumnRender::of(field, array),
            array,
            omit_null: field.metadata().get(OMIT_NULL_KEY).map(String::as_str) == Some("true"),
        }
    }
}

/// Appends one JSON object for `row` from `fields`.
pub fn write_object(out: &mut Vec<u8>, fields: &[FieldRender<'_>], row: usize) {
    out.push(b'{');
    let mut first = true;
    for f in fields {
        let null = f.array.is_null(row);
        if null && f.omit_null {
            continue;
        }
        if !first {
            out.push(b',');
        }
        first = false;
        out.extend_from_slice(&f.key);
        if null {
            out.extend_from_slice(b"null");
        } else {
            f.render.write(out, row);
        }
    }
    out.push(b'}');
}

/// Renders every row of a batch as a JSON object into `out`, calling `before` and `after` around
/// each row so callers choose the separators (and can note where each row ends).
pub fn render_rows(
    batch: &RecordBatch,
    out: &mut Vec<u8>,
    mut before: impl FnMut(&mut Vec<u8>),
    mut after: impl FnMut(&mut Vec<u8>),
) {
    let schema = batch.schema();
    let fields: Vec<FieldRender<'_>> = schema
        .fields()
        .iter()
        .zip(batch.columns())
        .map(|(f, c)| FieldRender::new(f, c.as_ref()))
        .collect();
    for row in 0..batch.num_rows() {
        before(out);
        write_object(out, &fields, row);
        after(out);
    }
}

/// Renders every row of a batch as JSON Lines into `out`.
pub fn render_batch(batch: &RecordBatch, out: &mut Vec<u8>) {
    render_rows(batch, out, |_| {}, |out| out.push(b'\n'));
}

/// Renders rows as the elements of one JSON array (`,` and a line break between them; the
/// caller writes the brackets). `first` is whether these are the array's first rows.
pub fn render_batch_as_elements(batch: &RecordBatch, out: &mut Vec<u8>, first: &mut bool) {
    render_rows(
        batch,
        out,
        |out| {
            if !*first {
                out.extend_from_slice(b",\n");
            }
            *first = false;
        },
        |_| {},
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        let mut out = Vec::new();
        write_json_str(&mut out, "a\"b\\c\nd\u{1}é");
        assert_eq!(String::from_utf8(out).unwrap(), r#""a\"b\\c\nd\u0001é""#);
        // Every byte value at every position of a word, against serde_json.
        for b in 1u8..=127 {
            for pos in 0..17 {
                let mut text = "abcdefghijklmnopq".to_string().into_bytes();
                text[pos] = b;
                let text = String::from_utf8(text).unwrap();
                let mut out = Vec::new();
                write_json_str(&mut out, &text);
                assert_eq!(out, serde_json::to_vec(&text).unwrap(), "byte {b} at {pos}");
            }
        }
    }

    #[test]
    fn timestamps_render_as_rfc3339_utc() {
        let r = |us: i64| {
            let mut out = Vec::new();
            push_timestamp_us(&mut out, us);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(r(0), "1970-01-01T00:00:00Z");
        assert_eq!(r(1_774_491_600_000_000), "2026-03-26T02:20:00Z");
        assert_eq!(r(1_500), "1970-01-01T00:00:00.001500Z");
        assert_eq!(r(-1_000), "1969-12-31T23:59:59.999Z");
        assert_eq!(r(951_782_400_000_000), "2000-02-29T00:00:00Z");
        for us in [
            0i64,
            1_774_491_600_123_000,
            -86_400_000_001,
            4_102_444_800_000_000,
        ] {
            let text = r(us);
            let back: jiff::Timestamp = text.parse().unwrap();
            assert_eq!(back.as_microsecond(), us, "{text}");
        }
    }

    #[test]
    fn timestamps_of_every_unit_keep_their_precision() {
        let r = |v: i64, unit: TimeUnit| {
            let mut out = Vec::new();
            push_timestamp(&mut out, v, unit);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(r(1, TimeUnit::Second), "1970-01-01T00:00:01Z");
        assert_eq!(r(-1, TimeUnit::Millisecond), "1969-12-31T23:59:59.999Z");
        assert_eq!(
            r(1_735_689_600_123_456_789, TimeUnit::Nanosecond),
            "2025-01-01T00:00:00.123456789Z"
        );
        assert_eq!(
            r(-1, TimeUnit::Nanosecond),
            "1969-12-31T23:59:59.999999999Z"
        );
    }

    /// Types other writers put in Parquet (polars' large lists, pandas' int8 categories,
    /// unsigned counts, decimals, maps, zone names arrow cannot look up) come out as JSON values
    /// and CSV text, not as display strings or nulls.
    #[test]
    fn other_writers_types_render_as_json() {
        use arrow_array::builder::{
            LargeListBuilder, LargeStringBuilder, MapBuilder, StringBuilder,
        };
        use arrow_array::types::Int8Type;
        use arrow_array::{
            Decimal128Array, DictionaryArray, Float32Array, TimestampNanosecondArray, UInt32Array,
        };
        let mut list = LargeListBuilder::new(LargeStringBuilder::new());
        list.values().append_value("x");
        list.values().append_value("y");
        list.append(true);
        let mut map = MapBuilder::new(None, StringBuilder::new(), StringBuilder::new());
        map.keys().append_value("k");
        map.values().append_value("v");
        map.append(true).unwrap();
        let columns: Vec<(&str, ArrayRef)> = vec![
            ("ll", Arc::new(list.finish())),
            ("m", Arc::new(map.finish())),
            ("u", Arc::new(UInt32Array::from(vec![7]))),
            ("f", Arc::new(Float32Array::from(vec![1.5]))),
            (
                "dec",
                Arc::new(
                    Decimal128Array::from(vec![125])
                        .with_precision_and_scale(10, 2)
                        .unwrap(),
                ),
            ),
            (
                "cat",
                Arc::new(DictionaryArray::<Int8Type>::from_iter(["x"])),
            ),
            (
                "ts",
                Arc::new(
                    TimestampNanosecondArray::from(vec![1_735_689_600_000_000_001])
                        .with_timezone("Europe/Paris"),
                ),
            ),
        ];
        let batch = RecordBatch::try_from_iter(columns).unwrap();
        let mut json = Vec::new();
        render_batch(&batch, &mut json);
        let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"ll": ["x", "y"], "m": {"k": "v"}, "u": 7, "f": 1.5,
                "dec": 1.25, "cat": "x", "ts": "2025-01-01T00:00:00.000000001Z"})
        );
        let cells: Vec<String> = batch
            .schema()
            .fields()
            .iter()
            .zip(batch.columns())
            .map(|(f, c)| {
                let mut out = Vec::new();
                ColumnRender::new(f, c).write_text(&mut out, 0);
                String::from_utf8(out).unwrap()
            })
            .collect();
        assert_eq!(
            cells,
            [
                r#"["x","y"]"#,
                r#"{"k":"v"}"#,
                "7",
                "1.5",
                "1.25",
                "x",
                "2025-01-01T00:00:00.000000001Z"
            ]
        );
    }
}
