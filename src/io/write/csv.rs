//! Writes Arrow record batches as CSV/TSV, following the CSV convention documented in
//! `io::read::csv` (the two change together): a header in column order, RFC 4180 quoting, null
//! as an empty unquoted cell (or `--null MARKER`), the empty string as `""`, lists and objects
//! as JSON text (or items joined with `--list-separator`, readable but lossy when an item
//! contains the separator), booleans `true`/`false`, timestamps RFC 3339.
//! Does not own file handling (`io::write`).
//!
//! `--csv-safe` defuses spreadsheet formulas: a text cell starting with `=`, `+`, `-`, `@`, tab
//! or carriage return gets a leading `'`. That changes the data, so such a file no longer reads
//! back byte for byte; it is meant for files that will be opened in a spreadsheet.

use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, Schema};

use super::jsonl::ColumnRender;

/// How CSV cells are written.
#[derive(Debug, Clone)]
pub struct CsvWriteOptions {
    pub delimiter: u8,
    /// Text written for null instead of an empty unquoted cell.
    pub null_marker: Option<String>,
    /// Join list items with this instead of writing the list as JSON text.
    pub list_separator: Option<String>,
    /// Prefix cells that a spreadsheet would run as formulas with `'`.
    pub csv_safe: bool,
    /// Start the file with a UTF-8 byte-order mark (for Excel).
    pub bom: bool,
}

impl Default for CsvWriteOptions {
    fn default() -> Self {
        CsvWriteOptions {
            delimiter: b',',
            null_marker: None,
            list_separator: None,
            csv_safe: false,
            bom: false,
        }
    }
}

/// Renders batches as CSV rows (no header: see `header`).
#[derive(Debug, Clone)]
pub struct CsvEncoder {
    options: CsvWriteOptions,
}

impl CsvEncoder {
    pub fn new(options: CsvWriteOptions) -> CsvEncoder {
        CsvEncoder { options }
    }

    /// The byte-order mark (if asked for) and the header row.
    pub fn header(&self, schema: &Schema) -> Vec<u8> {
        let mut out = Vec::new();
        if self.options.bom {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        for (i, f) in schema.fields().iter().enumerate() {
            if i > 0 {
                out.push(self.options.delimiter);
            }
            self.push_cell(&mut out, f.name().as_bytes(), false);
        }
        out.extend_from_slice(b"\n");
        out
    }

    pub fn encode(&self, batches: &[RecordBatch]) -> Vec<u8> {
        let mut out = Vec::with_capacity(batches.iter().map(|b| b.get_array_memory_size()).sum());
        let mut cell = Vec::new();
        for batch in batches {
            let schema = batch.schema();
            let columns: Vec<(ColumnRender<'_>, &dyn Array, bool)> = schema
                .fields()
                .iter()
                .zip(batch.columns())
                .map(|(f, c)| {
                    let text = is_text(f.data_type());
                    (ColumnRender::new(f, c), c.as_ref(), text)
                })
                .collect();
            for row in 0..batch.num_rows() {
                for (i, (render, array, text)) in columns.iter().enumerate() {
                    if i > 0 {
                        out.push(self.options.delimiter);
                    }
                    if render.writes_null(*array, row) {
                        if let Some(m) = &self.options.null_marker {
                            out.extend_from_slice(m.as_bytes());
                        }
                        continue;
                    }
                    cell.clear();
                    match (render, &self.options.list_separator) {
                        (ColumnRender::List(ranges, values, item), Some(sep)) => {
                            for (n, j) in ranges.range(row).enumerate() {
                                if n > 0 {
                                    cell.extend_from_slice(sep.as_bytes());
                                }
                                if !item.writes_null(*values, j) {
                                    item.write_text(&mut cell, j);
                                }
                            }
                        }
                        _ => render.write_text(&mut cell, row),
                    }
                    self.push_cell(&mut out, &cell, *text);
                }
                out.push(b'\n');
            }
        }
        out
    }

    /// Appends one cell, quoted when it must be: it holds the delimiter, a quote or a line
    /// break, is empty (an empty unquoted cell is null), or equals the null marker.
    fn push_cell(&self, out: &mut Vec<u8>, cell: &[u8], text: bool) {
        let d = self.options.delimiter;
        let formula = self.options.csv_safe
            && text
            && matches!(
                cell.first(),
                Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
            );
        let needs_quotes = cell.is_empty()
            || memchr::memchr3(d, b'"', b'\n', cell).is_some()
            || memchr::memchr(b'\r', cell).is_some()
            || self
                .options
                .null_marker
                .as_ref()
                .is_some_and(|m| m.as_bytes() == cell);
        if !needs_quotes {
            if formula {
                out.push(b'\'');
            }
            out.extend_from_slice(cell);
            return;
        }
        out.push(b'"');
        if formula {
            out.push(b'\'');
        }
        let mut start = 0;
        for i in memchr::memchr_iter(b'"', cell) {
            out.extend_from_slice(&cell[start..=i]);
            out.push(b'"');
            start = i + 1;
        }
        out.extend_from_slice(&cell[start..]);
        out.push(b'"');
    }
}

/// Whether a column holds free text (what `--csv-safe` guards), as opposed to numbers or dates.
fn is_text(t: &DataType) -> bool {
    if let DataType::Dictionary(_, value) = t {
        return is_text(value);
    }
    matches!(
        t,
        DataType::Utf8
            | DataType::LargeUtf8
            | DataType::Utf8View
            | DataType::List(_)
            | DataType::LargeList(_)
            | DataType::FixedSizeList(..)
            | DataType::ListView(_)
            | DataType::LargeListView(_)
            | DataType::Map(..)
            | DataType::Struct(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    use arrow_array::builder::{ListBuilder, StringBuilder};
    use arrow_array::{ArrayRef, Int64Array, StringArray};
    use arrow_schema::Field;

    fn batch() -> RecordBatch {
        let mut authors = ListBuilder::new(StringBuilder::new());
        authors.values().append_value("A \"B\"");
        authors.values().append_value("C");
        authors.append(true);
        authors.append(true);
        authors.append(true);
        let list = authors.finish();
        let item = match list.data_type() {
            DataType::List(f) => f.clone(),
            _ => unreachable!(),
        };
        let schema = Schema::new(vec![
            Field::new("t", DataType::Utf8, true),
            Field::new("n", DataType::Int64, true),
            Field::new("a", DataType::List(item), true),
        ]);
        RecordBatch::try_new(
            Arc::new(schema),
            vec![
                Arc::new(StringArray::from(vec![Some("x,y"), Some(""), None])) as ArrayRef,
                Arc::new(Int64Array::from(vec![Some(-1), None, Some(3)])),
                Arc::new(list),
            ],
        )
        .unwrap()
    }

    #[test]
    fn quoting_nulls_and_lists() {
        let enc = CsvEncoder::new(CsvWriteOptions::default());
        let b = batch();
        let text = String::from_utf8(enc.encode(std::slice::from_ref(&b))).unwrap();
        assert_eq!(
            text,
            "\"x,y\",-1,\"[\"\"A \\\"\"B\\\"\"\"\",\"\"C\"\"]\"\n\"\",,[]\n,3,[]\n"
        );
        assert_eq!(
            String::from_utf8(enc.header(&b.schema())).unwrap(),
            "t,n,a\n"
        );
    }

    #[test]
    fn separator_marker_and_csv_safe() {
        let enc = CsvEncoder::new(CsvWriteOptions {
            null_marker: Some("\\N".into()),
            list_separator: Some("; ".into()),
            csv_safe: true,
            ..CsvWriteOptions::default()
        });
        let schema = Arc::new(Schema::new(vec![Field::new("t", DataType::Utf8, true)]));
        let b = RecordBatch::try_new(
            schema,
            vec![Arc::new(StringArray::from(vec![
                Some("=SUM(A1)"),
                Some("\\N"),
                None,
                Some("-x,y"),
            ])) as ArrayRef],
        )
        .unwrap();
        let text = String::from_utf8(enc.encode(&[b])).unwrap();
        assert_eq!(text, "'=SUM(A1)\n\"\\N\"\n\\N\n\"'-x,y\"\n");
        let text = String::from_utf8(enc.encode(&[batch()])).unwrap();
        assert!(
            text.starts_with("\"x,y\",-1,\"A \"\"B\"\"; C\"\n"),
            "{text}"
        );
    }
}
