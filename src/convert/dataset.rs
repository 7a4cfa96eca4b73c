//! Datasets for engines: `--partition-by` (hive-style folders), `--max-rows-per-file` and
//! `--shard I/N` naming, and the manifest written next to each output. Owns how rows are
//! assigned to files and how partition values become folder names; does not own writing.
//!
//! Folder names are `column=value`, or `column_year=2026` for a timestamp part
//! (`date_published:year`, also `:month` `2026-03` and `:day` `2026-03-26`). Values are
//! sanitised so that no value can leave the output folder: `/`, `\`, `=`, `%`, `:`, control and
//! other special characters are percent-encoded (as Hive does), a leading `.` is encoded (so
//! `.` and `..` cannot occur), and a value longer than 120 bytes is cut and given a hash of the
//! whole value. Null and the empty string are `__HIVE_DEFAULT_PARTITION__`, as Hive and Spark
//! write them. The partition columns stay inside the files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::Int32Type;
use arrow_array::{Array, ArrayRef, RecordBatch, UInt32Array};
use arrow_schema::{DataType, SchemaRef, TimeUnit};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::io::write::jsonl::push_timestamp_us;

pub const NULL_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

/// Which part of a timestamp or date partitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    Year,
    Month,
    Day,
}

/// One `--partition-by` term: a column, or a part of a timestamp/date column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartitionKey {
    pub column: String,
    pub part: Option<DatePart>,
}

impl PartitionKey {
    /// Parses `source,language` or `date_published:year`.
    pub fn parse_list(text: &str) -> Result<Vec<PartitionKey>> {
        text.split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| {
                let (column, part) = match t.split_once(':') {
                    None => (t, None),
                    Some((c, p)) => (
                        c,
                        Some(match p {
                            "year" => DatePart::Year,
                            "month" => DatePart::Month,
                            "day" | "date" => DatePart::Day,
                            other => {
                                return Err(Error::Usage(format!(
                                "--partition-by {t}: unknown part {other:?} (year, month or day)"
                            )))
                            }
                        }),
                    ),
                };
                Ok(PartitionKey {
                    column: column.to_string(),
                    part,
                })
            })
            .collect()
    }

    fn folder_key(&self) -> String {
        match self.part {
            None => self.column.clone(),
            Some(DatePart::Year) => format!("{}_year", self.column),
            Some(DatePart::Month) => format!("{}_month", self.column),
            Some(DatePart::Day) => format!("{}_day", self.column),
        }
    }
}

/// Splits batches by partition folder.
#[derive(Debug, Clone)]
pub struct Partitioner {
    keys: Vec<(PartitionKey, usize)>,
}

impl Partitioner {
    /// Checks the keys against the output schema.
    pub fn new(keys: &[PartitionKey], schema: &SchemaRef) -> Result<Partitioner> {
        let keys = keys
            .iter()
            .map(|k| {
                let idx = schema.index_of(&k.column).map_err(|_| {
                    Error::Usage(format!(
                        "--partition-by: no column {:?} in the output",
                        k.column
                    ))
                })?;
                let dt = schema.field(idx).data_type();
                let nested = matches!(dt, DataType::List(_) | DataType::Struct(_));
                let dated = matches!(dt, DataType::Timestamp(_, _) | DataType::Date32);
                if nested || (k.part.is_some() && !dated) {
                    return Err(Error::Usage(format!(
                        "--partition-by {}: a {} column cannot partition{}",
                        k.column,
                        dt,
                        if nested { "" } else { " by a date part" }
                    )));
                }
                Ok((k.clone(), idx))
            })
            .collect::<Result<_>>()?;
        Ok(Partitioner { keys })
    }

    /// The batch's rows grouped by relative folder (`source=X/language=en`), in first-seen order.
    pub fn split(&self, batch: &RecordBatch) -> Result<Vec<(PathBuf, RecordBatch)>> {
        let columns: Vec<&ArrayRef> = self.keys.iter().map(|(_, i)| batch.column(*i)).collect();
        let mut groups: Vec<(PathBuf, Vec<u32>)> = Vec::new();
        let mut index: HashMap<PathBuf, usize> = HashMap::new();
        for row in 0..batch.num_rows() {
            let mut folder = PathBuf::new();
            for ((key, _), col) in self.keys.iter().zip(&columns) {
                let value = partition_value(col, row, key.part);
                folder.push(format!(
                    "{}={}",
                    sanitise(&key.folder_key()),
                    value
                        .as_deref()
                        .map_or(NULL_PARTITION.to_string(), sanitise)
                ));
            }
            let g = *index.entry(folder.clone()).or_insert_with(|| {
                groups.push((folder, Vec::new()));
                groups.len() - 1
            });
            groups[g].1.push(row as u32);
        }
        if groups.len() == 1 {
            let (folder, _) = groups.pop().unwrap_or_default();
            return Ok(vec![(folder, batch.clone())]);
        }
        groups
            .into_iter()
            .map(|(folder, rows)| {
                let rows = UInt32Array::from(rows);
                let part = arrow_select::take::take_record_batch(batch, &rows)
                    .map_err(|e| Error::Usage(format!("internal: partitioning: {e}")))?;
                Ok((folder, part))
            })
            .collect()
    }
}

/// The text of a partition value; `None` for null or empty.
fn partition_value(col: &ArrayRef, row: usize, part: Option<DatePart>) -> Option<String> {
    if col.is_null(row) {
        return None;
    }
    let text = match col.data_type() {
        DataType::Utf8 => col.as_string::<i32>().value(row).to_string(),
        DataType::LargeUtf8 => col.as_string::<i64>().value(row).to_string(),
        DataType::Utf8View => col.as_string_view().value(row).to_string(),
        DataType::Dictionary(k, v) if **k == DataType::Int32 && **v == DataType::Utf8 => {
            let d = col.as_dictionary::<Int32Type>();
            let key = d.keys().value(row) as usize;
            d.values().as_string::<i32>().value(key).to_string()
        }
        DataType::Timestamp(TimeUnit::Microsecond, _) => {
            let mut out = Vec::new();
            let v = col
                .as_primitive::<arrow_array::types::TimestampMicrosecondType>()
                .value(row);
            push_timestamp_us(&mut out, v);
            String::from_utf8_lossy(&out).into_owned()
        }
        DataType::Date32 => {
            let mut out = Vec::new();
            let days = col
                .as_primitive::<arrow_array::types::Date32Type>()
                .value(row);
            push_timestamp_us(&mut out, days as i64 * 86_400_000_000);
            String::from_utf8_lossy(&out[..10.min(out.len())]).into_owned()
        }
        _ => {
            let options = arrow_cast::display::FormatOptions::default();
            arrow_cast::display::ArrayFormatter::try_new(col.as_ref(), &options)
                .map(|f| f.value(row).to_string())
                .unwrap_or_default()
        }
    };
    let text = match part {
        None => text,
        // RFC 3339 text starts YYYY-MM-DD for years 0000-9999.
        Some(DatePart::Year) => text.chars().take(4).collect(),
        Some(DatePart::Month) => text.chars().take(7).collect(),
        Some(DatePart::Day) => text.chars().take(10).collect(),
    };
    (!text.is_empty()).then_some(text)
}

/// A partition value made safe as one folder name (see the module docs).
pub fn sanitise(value: &str) -> String {
    const MAX: usize = 120;
    let mut out = String::with_capacity(value.len());
    for (i, c) in value.chars().enumerate() {
        let keep = c.is_alphanumeric()
            || matches!(c, '-' | '_' | ' ' | '+' | ',' | '@' | '~')
            || (c == '.' && i > 0);
        if keep {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    if out.len() > MAX {
        let mut cut = MAX;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        let digest = Sha256::digest(value.as_bytes());
        let hash: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
        out.truncate(cut);
        out.push('~');
        out.push_str(&hash);
    }
    out
}

/// `--shard I/N`: this run converts the inputs at sorted positions p with p % N == I - 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based.
    pub index: usize,
    pub count: usize,
}

impl Shard {
    pub fn parse(text: &str) -> Result<Shard> {
        let bad = || {
            Error::Usage(format!(
                "--shard {text:?}: expected I/N with 1 <= I <= N, e.g. 2/8"
            ))
        };
        let (i, n) = text.split_once('/').ok_or_else(bad)?;
        let index: usize = i.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// The file name stem of this shard's output: `part-2-of-8`.
    pub fn stem(&self) -> String {
        format!("part-{}-of-{}", self.index, self.count)
    }

    /// This shard's inputs, from all inputs sorted by path (a stable assignment: the same
    /// inputs give every shard the same files on every run and machine).
    pub fn select<T: Clone>(&self, inputs: &[T], key: impl Fn(&T) -> String) -> Vec<T> {
        let mut sorted: Vec<&T> = inputs.iter().collect();
        sorted.sort_by_key(|t| key(t));
        sorted
            .into_iter()
            .enumerate()
            .filter(|(p, _)| p % self.count == self.index - 1)
            .map(|(_, t)| t.clone())
            .collect()
    }
}

/// The file name of data file number `n` in a folder.
pub fn data_file_name(stem: &str, n: usize, ext: &str) -> String {
    if n == 0 {
        format!("{stem}.{ext}")
    } else {
        format!("{stem}-{n:05}.{ext}")
    }
}

/// SHA-256 of a file, hex.
pub fn sha256_file(path: &Path) -> Result<String> {
    let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut h = Sha256::new();
    std::io::copy(&mut f, &mut h).map_err(|e| Error::io(path, e))?;
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_cannot_escape_the_folder() {
        assert_eq!(sanitise("The Daily Ledger"), "The Daily Ledger");
        assert_eq!(sanitise("../../etc"), "%2E.%2F..%2Fetc");
        assert_eq!(sanitise(".."), "%2E.");
        assert_eq!(sanitise("a/b\\c=d%e:f"), "a%2Fb%5Cc%3Dd%25e%3Af");
        assert_eq!(sanitise("Kraków"), "Kraków");
        assert_eq!(sanitise("line\nbreak"), "line%0Abreak");
        let long = sanitise(&"x".repeat(500));
        assert!(long.len() < 140 && long.contains('~'), "{long}");
        assert_ne!(
            sanitise(&"x".repeat(500)),
            sanitise(&format!("{}y", "x".repeat(499)))
        );
    }

    #[test]
    fn shards_take_every_nth_input_by_sorted_path() {
        let inputs = vec!["c", "a", "d", "b", "e"];
        let s = |t: &str| Shard::parse(t).unwrap().select(&inputs, |x| x.to_string());
        assert_eq!(s("1/2"), vec!["a", "c", "e"]);
        assert_eq!(s("2/2"), vec!["b", "d"]);
        assert_eq!(Shard::parse("2/8").unwrap().stem(), "part-2-of-8");
        assert!(Shard::parse("0/2").is_err());
        assert!(Shard::parse("3/2").is_err());
        assert!(Shard::parse("x").is_err());
    }

    #[test]
    fn partition_keys_parse() {
        let k = PartitionKey::parse_list("source, date_published:year").unwrap();
        assert_eq!(k[0].column, "source");
        assert_eq!(k[1].part, Some(DatePart::Year));
        assert!(PartitionKey::parse_list("date_published:week").is_err());
    }
}
