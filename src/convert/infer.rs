//! `--infer`: derives a record schema from the whole input (one extra pass, never a sample),
//! as a JSON Schema document that then drives the conversion like a user's schema would.
//! Owns the type lattice; does not own the JSON Schema -> Arrow mapping (`schema::arrow`).
//!
//! Per field: booleans, integers (widened to numbers when mixed), strings, and among strings
//! RFC 3339 date-times and `YYYY-MM-DD` dates when every value is one; arrays and objects
//! recursively; anything mixed becomes JSON text. A field is required when every record has it,
//! and admits null when some record holds null. CSV cells are text, so their types come from
//! their text the same way (`true`, `12`, `1.5`, `2026-03-26T02:20:00Z`).

use std::io::BufRead;

use serde_json::{json, Map, Value};

use super::ConvertOptions;
use crate::error::{Error, Location, Result};
use crate::io::read::csv::CsvReader;
use crate::io::read::ReadOptions;
use crate::io::{Format, Source};

#[derive(Debug, Clone, PartialEq)]
enum Ty {
    /// Only nulls seen so far.
    Unknown,
    Bool,
    Int,
    Number,
    Timestamp,
    Date,
    String,
    List(Box<Field>),
    Object(Fields),
    Json,
}

#[derive(Debug, Clone, PartialEq)]
struct Field {
    ty: Ty,
    null: bool,
    /// Records (or objects) that had this field.
    present: u64,
}

#[derive(Debug, Clone, PartialEq, Default)]
struct Fields {
    fields: Vec<(String, Field)>,
    /// Objects seen.
    seen: u64,
}

impl Field {
    fn new() -> Field {
        Field {
            ty: Ty::Unknown,
            null: false,
            present: 0,
        }
    }

    fn add(&mut self, v: &Value) {
        self.present += 1;
        let ty = match v {
            Value::Null => {
                self.null = true;
                return;
            }
            Value::Bool(_) => Ty::Bool,
            Value::Number(n) if n.is_i64() => Ty::Int,
            Value::Number(_) => Ty::Number,
            Value::String(s) => string_type(s),
            Value::Array(items) => {
                let mut item = match &self.ty {
                    Ty::List(f) => (**f).clone(),
                    _ => Field::new(),
                };
                for x in items {
                    item.add(x);
                }
                Ty::List(Box::new(item))
            }
            Value::Object(map) => {
                let mut fields = match &self.ty {
                    Ty::Object(f) => f.clone(),
                    _ => Fields::default(),
                };
                fields.add(map);
                Ty::Object(fields)
            }
        };
        self.ty = merge(std::mem::replace(&mut self.ty, Ty::Unknown), ty);
    }

    /// Adds a CSV cell: `None` is null.
    fn add_text(&mut self, cell: Option<&str>) {
        self.present += 1;
        let Some(s) = cell else {
            self.null = true;
            return;
        };
        let ty = if s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false") {
            Ty::Bool
        } else if s.parse::<i64>().is_ok() {
            Ty::Int
        } else if s.parse::<f64>().is_ok_and(f64::is_finite) && !s.trim().is_empty() {
            Ty::Number
        } else {
            string_type(s)
        };
        // Cells are all text: a column that mixes kinds of text is a string column.
        self.ty = match merge(std::mem::replace(&mut self.ty, Ty::Unknown), ty) {
            Ty::Json => Ty::String,
            t => t,
        };
    }

    fn schema(&self, required: bool) -> (Value, bool) {
        let mut s = match &self.ty {
            Ty::Unknown => json!({"type": "string"}),
            Ty::Bool => json!({"type": "boolean"}),
            Ty::Int => json!({"type": "integer"}),
            Ty::Number => json!({"type": "number"}),
            Ty::Timestamp => json!({"type": "string", "format": "date-time"}),
            Ty::Date => json!({"type": "string", "format": "date"}),
            Ty::String => json!({"type": "string"}),
            Ty::List(item) => json!({"type": "array", "items": item.schema(true).0}),
            Ty::Object(fields) => fields.schema(),
            Ty::Json => json!({}),
        };
        if self.null || self.ty == Ty::Unknown {
            if let Some(t) = s.get("type").and_then(Value::as_str) {
                let t = t.to_string();
                s["type"] = json!([t, "null"]);
            }
        }
        (s, required && self.present > 0)
    }
}

impl Fields {
    fn add(&mut self, map: &Map<String, Value>) {
        self.seen += 1;
        for (k, v) in map {
            match self.fields.iter_mut().find(|(name, _)| name == k) {
                Some((_, f)) => f.add(v),
                None => {
                    let mut f = Field::new();
                    f.add(v);
                    self.fields.push((k.clone(), f));
                }
            }
        }
    }

    fn schema(&self) -> Value {
        let mut props = Map::new();
        let mut required = Vec::new();
        for (name, f) in &self.fields {
            let (s, _) = f.schema(true);
            props.insert(name.clone(), s);
            if f.present == self.seen && !f.null {
                required.push(Value::String(name.clone()));
            }
        }
        json!({"type": "object", "properties": props, "required": required})
    }
}

fn string_type(s: &str) -> Ty {
    if s.len() >= 20 && s.as_bytes().get(10) == Some(&b'T') && s.parse::<jiff::Timestamp>().is_ok()
    {
        Ty::Timestamp
    } else if s.len() == 10 && s.parse::<jiff::civil::Date>().is_ok() {
        Ty::Date
    } else {
        Ty::String
    }
}

fn merge(a: Ty, b: Ty) -> Ty {
    use Ty::*;
    match (a, b) {
        (Unknown, x) | (x, Unknown) => x,
        (x, y) if x == y => x,
        (Int, Number) | (Number, Int) => Number,
        (Timestamp | Date | String, Timestamp | Date | String) => String,
        // Lists and objects were merged in place by `Field::add`: the newer one holds both.
        (List(_), List(b)) => List(b),
        (Object(_), Object(b)) => Object(b),
        _ => Json,
    }
}

/// Reads every input once and returns the JSON Schema of its records.
pub fn infer(inputs: &[Source], formats: &[Format], options: &ConvertOptions) -> Result<Value> {
    let mut fields = Fields::default();
    for (source, format) in inputs.iter().zip(formats) {
        let name = source.display_name();
        match format {
            Format::Jsonl => {
                let reader = source.open()?;
                for line in reader.split(b'\n') {
                    let line = line.map_err(|e| Error::io(&name, e))?;
                    if super::decode::is_blank(&line) {
                        continue;
                    }
                    // Lines that are not objects are rejected later, with their location.
                    if let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(&line) {
                        fields.add(&map);
                    }
                }
            }
            Format::Json => {
                let doc: Value =
                    serde_json::from_reader(source.open()?).map_err(|e| Error::Input {
                        location: Location::file(&name).with_line(e.line() as u64),
                        message: format!("not a valid JSON document: {e}"),
                    })?;
                let items = match doc {
                    Value::Array(a) => a,
                    other => vec![other],
                };
                for item in items {
                    if let Value::Object(map) = item {
                        fields.add(&map);
                    }
                }
            }
            Format::Csv | Format::Tsv => {
                let read = ReadOptions {
                    schema: None,
                    ..options.read.clone()
                };
                let mut reader = CsvReader::open(source, *format, &read, None)?;
                let header: Vec<String> = reader.header().to_vec();
                for h in &header {
                    if !fields.fields.iter().any(|(n, _)| n == h) {
                        fields.fields.push((h.clone(), Field::new()));
                    }
                }
                let mut text = Vec::new();
                while let Some(row) = reader.next_json(&mut text)? {
                    if row.error.is_none() {
                        if let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(&text) {
                            fields.seen += 1;
                            for (h, f) in fields.fields.iter_mut() {
                                if let Some(v) = map.get(h) {
                                    f.add_text(v.as_str());
                                }
                            }
                        }
                    }
                    text.clear();
                }
            }
            Format::Parquet | Format::Text => {
                return Err(Error::Usage(format!(
                    "{name}: --infer reads JSON and CSV inputs; {format} input has its own types"
                )))
            }
        }
    }
    if fields.fields.is_empty() {
        return Err(Error::Usage(
            "--infer found no fields in the input (is it empty?)".into(),
        ));
    }
    let mut schema = fields.schema();
    schema["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    Ok(schema)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::arrow::{Kind, Table};

    #[test]
    fn infers_types_nullability_and_required_from_every_record() {
        let mut f = Fields::default();
        let rows = [
            json!({"a": 1, "t": "2026-03-26T02:20:00Z", "tags": [], "n": null, "m": 1}),
            json!({"a": 2.5, "t": "2026-03-27T00:00:00Z", "tags": ["x"], "n": "s", "m": "x"}),
            json!({"a": 3, "t": "2026-03-28T00:00:00+01:00", "tags": ["y"], "n": "s2"}),
        ];
        for r in &rows {
            f.add(r.as_object().unwrap());
        }
        let schema = f.schema();
        let t = Table::from_json_schema(&schema).unwrap();
        let col = |n: &str| t.columns.iter().find(|c| c.name == n).unwrap().clone();
        assert_eq!(col("a").kind, Kind::Number);
        assert!(col("a").required);
        assert_eq!(col("t").kind, Kind::Timestamp);
        assert!(matches!(col("tags").kind, Kind::List(ref i) if i.kind == Kind::String));
        assert_eq!(col("n").kind, Kind::String);
        assert!(col("n").null_allowed);
        assert_eq!(col("m").kind, Kind::Json, "mixed integer and string");
        assert!(!col("m").required);
    }

    #[test]
    fn csv_text_is_typed_by_its_content() {
        let mut f = Field::new();
        f.add_text(Some("12"));
        f.add_text(None);
        f.add_text(Some("-3"));
        assert_eq!(f.ty, Ty::Int);
        assert!(f.null);
        f.add_text(Some("1.5"));
        assert_eq!(f.ty, Ty::Number);
        f.add_text(Some("abc"));
        assert_eq!(f.ty, Ty::String);
    }
}
