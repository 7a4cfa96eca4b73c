//! CSV cells -> Arrow columns directly, for the rows and schemas where that gives exactly what
//! the JSON route gives (cells typed into JSON text by `io::read::csv`, then decoded by
//! `convert::decode`). Owns that shortcut; does not own the CSV convention or the rules for
//! what fits a column: a row this path does not take whole (any cell that is null where the
//! column may not be, not UTF-8, or does not parse as its type) goes the JSON route, which
//! rejects it with its reason or converts it, and the batches stay in row order.
//!
//! It covers the scalar kinds (string, enum, timestamp, date, integer, number, boolean) and
//! lists of strings (JSON text or split on `--list-separator`); a schema with structs, JSON-text
//! columns or lists of other items, a header naming a column the schema lacks, and `--validate`
//! always go the JSON route. The JSON route types and validates each cell, writes it as JSON and
//! parses it again; skipping that is about a tenth of the CPU of CSV -> Parquet.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, ListBuilder,
    StringBuilder, StringDictionaryBuilder, TimestampMicrosecondBuilder,
};
use arrow_array::types::Int32Type;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, FieldRef, SchemaRef};

use crate::io::read::csv::CsvReader;
use crate::schema::arrow::{boolean, date_days, integer, number, Kind, Table};

/// How the columns of one CSV header map onto the schema's, when the direct path applies.
#[derive(Debug)]
pub struct Plan {
    schema: SchemaRef,
    columns: Vec<PlanColumn>,
    sizes: Arc<Sizes>,
}

/// How much each schema column held per byte of CSV in the blocks built so far, shared by the
/// workers so a new batch's builders start at about their final size. Growing a string
/// builder from empty copied its bytes again at every doubling: about 2% of the CPU of CSV ->
/// Parquet. Hints only: a wrong one costs a regrowth (or spare capacity), never a wrong value.
#[derive(Debug, Default)]
pub struct Sizes {
    /// Rows per MiB of block.
    rows: AtomicUsize,
    /// Per schema column: value bytes (string bytes, or list items for lists) per MiB of block.
    bytes: Vec<AtomicUsize>,
    /// Per schema column: list items per MiB of block.
    items: Vec<AtomicUsize>,
}

impl Sizes {
    pub fn new(columns: usize) -> Sizes {
        Sizes {
            rows: AtomicUsize::new(0),
            bytes: (0..columns).map(|_| AtomicUsize::new(0)).collect(),
            items: (0..columns).map(|_| AtomicUsize::new(0)).collect(),
        }
    }

    /// `per_mib` scaled to a block of `len` bytes, with a tenth to spare.
    fn scale(per_mib: &AtomicUsize, len: usize) -> usize {
        let n = (per_mib.load(Ordering::Relaxed) as u128 * len as u128) >> 20;
        usize::try_from(n + n / 10).unwrap_or(0)
    }

    fn record(per_mib: &AtomicUsize, n: usize, len: usize) {
        if len > 0 {
            let v = ((n as u128) << 20) / len as u128;
            per_mib.store(usize::try_from(v).unwrap_or(0), Ordering::Relaxed);
        }
    }
}

#[derive(Debug)]
struct PlanColumn {
    /// The header column that holds it (`None`: absent from the file, so null).
    cell: Option<usize>,
    nullable: bool,
    kind: Scalar,
}

#[derive(Debug, Clone)]
enum Scalar {
    String,
    Enum,
    Timestamp,
    Date,
    Integer,
    Number,
    Boolean,
    /// A list of strings, with the field of its items.
    Strings(FieldRef),
}

impl Plan {
    /// The plan for a CSV with this header, or `None` when some column needs the JSON route.
    pub fn new(
        table: &Table,
        schema: &SchemaRef,
        header: &[String],
        sizes: Arc<Sizes>,
    ) -> Option<Plan> {
        // Every header column must be a schema column (the reader refuses a name twice).
        let cells: std::collections::HashMap<&str, usize> = header
            .iter()
            .enumerate()
            .map(|(i, h)| (h.as_str(), i))
            .collect();
        let known: std::collections::HashSet<&str> =
            table.columns.iter().map(|c| c.name.as_str()).collect();
        if !header.iter().all(|h| known.contains(h.as_str())) {
            return None;
        }
        let mut columns = Vec::with_capacity(table.columns.len());
        for (column, field) in table.columns.iter().zip(schema.fields()) {
            let kind = match (&column.kind, field.data_type()) {
                (Kind::String, DataType::Utf8) => Scalar::String,
                (Kind::Enum(_), DataType::Dictionary(..)) => Scalar::Enum,
                (Kind::Timestamp, DataType::Timestamp(..)) => Scalar::Timestamp,
                (Kind::Date, DataType::Date32) => Scalar::Date,
                (Kind::Integer, DataType::Int64) => Scalar::Integer,
                (Kind::Number, DataType::Float64) => Scalar::Number,
                (Kind::Boolean, DataType::Boolean) => Scalar::Boolean,
                (Kind::List(item), DataType::List(item_field))
                    if item.kind == Kind::String && item_field.data_type() == &DataType::Utf8 =>
                {
                    Scalar::Strings(item_field.clone())
                }
                _ => return None,
            };
            let cell = cells.get(column.name.as_str()).copied();
            if cell.is_none() && !field.is_nullable() {
                return None;
            }
            columns.push(PlanColumn {
                cell,
                nullable: field.is_nullable(),
                kind,
            });
        }
        Some(Plan {
            schema: schema.clone(),
            columns,
            sizes,
        })
    }

    /// The builder for the rows of a block of `block_len` bytes.
    pub fn builder(self: &Arc<Self>, block_len: usize) -> Batch {
        let sizes = &self.sizes;
        let rows = Sizes::scale(&sizes.rows, block_len);
        let columns = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let bytes = sizes.bytes.get(i).map_or(0, |b| Sizes::scale(b, block_len));
                let items = sizes.items.get(i).map_or(0, |n| Sizes::scale(n, block_len));
                Column::new(&c.kind, rows, bytes, items)
            })
            .collect();
        Batch {
            plan: self.clone(),
            columns,
            rows: 0,
            block_len,
            split: false,
        }
    }
}

/// Rows being built into one record batch.
pub struct Batch {
    plan: Arc<Plan>,
    columns: Vec<Column>,
    rows: usize,
    block_len: usize,
    /// Whether the block's rows were flushed in more than one batch (then the sizes do not
    /// describe the whole block and are not recorded).
    split: bool,
}

enum Column {
    String(StringBuilder),
    Enum(StringDictionaryBuilder<Int32Type>),
    Timestamp(TimestampMicrosecondBuilder),
    Date(Date32Builder),
    Integer(Int64Builder),
    Number(Float64Builder),
    Boolean(BooleanBuilder),
    Strings(ListBuilder<StringBuilder>),
}

impl Column {
    /// A builder with room for `rows` rows, `bytes` bytes of strings and `items` list items.
    fn new(kind: &Scalar, rows: usize, bytes: usize, items: usize) -> Column {
        match kind {
            Scalar::String => Column::String(StringBuilder::with_capacity(rows, bytes)),
            Scalar::Enum => Column::Enum(StringDictionaryBuilder::new()),
            Scalar::Timestamp => Column::Timestamp(
                TimestampMicrosecondBuilder::with_capacity(rows).with_timezone("UTC"),
            ),
            Scalar::Date => Column::Date(Date32Builder::with_capacity(rows)),
            Scalar::Integer => Column::Integer(Int64Builder::with_capacity(rows)),
            Scalar::Number => Column::Number(Float64Builder::with_capacity(rows)),
            Scalar::Boolean => Column::Boolean(BooleanBuilder::with_capacity(rows)),
            Scalar::Strings(field) => Column::Strings(
                ListBuilder::with_capacity(StringBuilder::with_capacity(items, bytes), rows)
                    .with_field(field.clone()),
            ),
        }
    }

    /// The string bytes and list items built so far (for `Sizes`).
    fn size(&self) -> (usize, usize) {
        match self {
            Column::String(b) => (b.values_slice().len(), 0),
            Column::Strings(b) => (b.values_ref().values_slice().len(), b.values_ref().len()),
            _ => (0, 0),
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Column::String(b) => ArrayBuilder::finish(b),
            Column::Enum(b) => ArrayBuilder::finish(b),
            Column::Timestamp(b) => ArrayBuilder::finish(b),
            Column::Date(b) => ArrayBuilder::finish(b),
            Column::Integer(b) => ArrayBuilder::finish(b),
            Column::Number(b) => ArrayBuilder::finish(b),
            Column::Boolean(b) => ArrayBuilder::finish(b),
            Column::Strings(b) => ArrayBuilder::finish(b),
        }
    }
}

/// One cell typed, before anything is appended (a row is appended whole or not at all).
enum Typed<'a> {
    Null,
    Text(&'a str),
    Integer(i64),
    Number(f64),
    Boolean(bool),
    /// Split on the list separator when appended.
    Split(&'a str, &'a str),
    Strings(Vec<String>),
}

impl Batch {
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Appends the reader's current row if every cell fits its column exactly as the JSON
    /// route would read it; `false` (nothing appended) sends the row the JSON route.
    pub fn push(&mut self, reader: &CsvReader) -> bool {
        if reader.row_is_malformed() {
            return false;
        }
        let separator = reader.list_separator();
        let mut typed = Vec::with_capacity(self.plan.columns.len());
        for column in &self.plan.columns {
            let Some(i) = column.cell.filter(|&i| !reader.is_null(i)) else {
                if !column.nullable {
                    return false;
                }
                typed.push(Typed::Null);
                continue;
            };
            let Ok(text) = simdutf8::basic::from_utf8(reader.cell(i)) else {
                return false;
            };
            let Some(t) = type_cell(&column.kind, text, separator) else {
                return false;
            };
            typed.push(t);
        }
        for (column, t) in self.columns.iter_mut().zip(typed) {
            append(column, t);
        }
        self.rows += 1;
        true
    }

    /// The rows so far as a record batch (`None` when there are none); the builders start over.
    /// Types and nullability were checked row by row, so the error is for a broken invariant.
    pub fn flush(&mut self) -> Result<Option<RecordBatch>, ArrowError> {
        if self.rows == 0 {
            return Ok(None);
        }
        self.split = true;
        self.take()
    }

    /// The block's last rows as a record batch, like `flush`; when the whole block was built
    /// in this one batch, its sizes become the hints for the next blocks' builders.
    pub fn finish(mut self) -> Result<Option<RecordBatch>, ArrowError> {
        if self.rows == 0 {
            return Ok(None);
        }
        if !self.split {
            let sizes = &self.plan.sizes;
            Sizes::record(&sizes.rows, self.rows, self.block_len);
            for (i, column) in self.columns.iter().enumerate() {
                let (bytes, items) = column.size();
                if let (Some(b), Some(n)) = (sizes.bytes.get(i), sizes.items.get(i)) {
                    Sizes::record(b, bytes, self.block_len);
                    Sizes::record(n, items, self.block_len);
                }
            }
        }
        self.take()
    }

    fn take(&mut self) -> Result<Option<RecordBatch>, ArrowError> {
        self.rows = 0;
        let arrays = self.columns.iter_mut().map(Column::finish).collect();
        RecordBatch::try_new(self.plan.schema.clone(), arrays).map(Some)
    }
}

/// A non-null cell typed for its column, as `io::read::csv`'s coercion and the JSON decoders
/// together read it; `None` when it does not fit (the JSON route then says why).
fn type_cell<'a>(kind: &Scalar, text: &'a str, separator: Option<&'a str>) -> Option<Typed<'a>> {
    Some(match kind {
        Scalar::String | Scalar::Enum => Typed::Text(text),
        Scalar::Timestamp => {
            let ts: jiff::Timestamp = text.parse().ok()?;
            Typed::Integer(crate::convert::decode::micros(ts))
        }
        Scalar::Date => Typed::Integer(date_days(text)? as i64),
        Scalar::Integer => Typed::Integer(integer(text)?),
        Scalar::Number => Typed::Number(number(text)?),
        Scalar::Boolean => Typed::Boolean(boolean(text)?),
        Scalar::Strings(_) => match separator {
            Some(sep) => Typed::Split(text, sep),
            // JSON text: an array of strings only (nulls and other values: the JSON route).
            None => Typed::Strings(serde_json::from_str(text).ok()?),
        },
    })
}

fn append(column: &mut Column, t: Typed<'_>) {
    match (column, t) {
        (Column::String(b), Typed::Text(s)) => b.append_value(s),
        (Column::String(b), _) => b.append_null(),
        (Column::Enum(b), Typed::Text(s)) => {
            b.append_value(s);
        }
        (Column::Enum(b), _) => b.append_null(),
        (Column::Timestamp(b), Typed::Integer(n)) => b.append_value(n),
        (Column::Timestamp(b), _) => b.append_null(),
        (Column::Date(b), Typed::Integer(n)) => b.append_value(n as i32),
        (Column::Date(b), _) => b.append_null(),
        (Column::Integer(b), Typed::Integer(n)) => b.append_value(n),
        (Column::Integer(b), _) => b.append_null(),
        (Column::Number(b), Typed::Number(n)) => b.append_value(n),
        (Column::Number(b), _) => b.append_null(),
        (Column::Boolean(b), Typed::Boolean(v)) => b.append_value(v),
        (Column::Boolean(b), _) => b.append_null(),
        (Column::Strings(b), Typed::Split(text, sep)) => {
            if !text.is_empty() {
                for item in text.split(sep) {
                    b.values().append_value(item);
                }
            }
            b.append(true);
        }
        (Column::Strings(b), Typed::Strings(items)) => {
            for item in items {
                b.values().append_value(item);
            }
            b.append(true);
        }
        (Column::Strings(b), _) => b.append(false),
    }
}
