//! JSON Schema -> columns -> Arrow schema. Owns how a record schema becomes typed columns (shared
//! by `convert`, the CSV reader's cell coercion and `validate`); does not own validation itself
//! (the compiled validator in `schema`) or how values are read and written (`io`).
//!
//! The mapping, property by property in schema order (the order copydesk writes):
//! - `string` -> Utf8; with `format: date-time` -> Timestamp(microsecond, UTC); with
//!   `format: date` -> Date32
//! - `integer` -> Int64, `number` -> Float64, `boolean` -> Boolean
//! - `array` -> List of the `items` type; `object` with `properties` -> Struct
//! - an `enum` of strings (null allowed) -> Dictionary(Int32, Utf8)
//! - anything else (a union such as `["string", "integer"]`, an object without properties, no
//!   `type` at all) -> Utf8 holding the value as JSON text, so nothing is lost
//! - nullable unless the property is `required` and its type does not admit `null`
//!
//! Local `$ref`s (`#/$defs/x`) are followed; other `$ref`s are an error, since a column type
//! cannot be guessed.

use std::collections::HashMap;
use std::sync::Arc;

use arrow_schema::{DataType, Field, Fields, Schema as ArrowSchema, TimeUnit};
use serde_json::{json, Map, Value};

use crate::error::{Error, Result};

/// Field metadata key marking a Utf8 column that holds JSON text (see the module docs).
pub const JSON_TEXT_KEY: &str = "copydesk:json";
/// Field metadata key: a nullable column whose schema does not admit null, so a null means the
/// property was absent and writers leave it out.
pub const OMIT_NULL_KEY: &str = "copydesk:omit_null";

/// What a column holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    String,
    /// An instant: RFC 3339 text in records, Timestamp(us, UTC) in Arrow.
    Timestamp,
    /// A calendar date: `YYYY-MM-DD` in records, Date32 in Arrow.
    Date,
    Integer,
    Number,
    Boolean,
    /// A string from a fixed set, dictionary-encoded.
    Enum(Vec<String>),
    List(Box<Column>),
    Struct(Vec<Column>),
    /// Any JSON value, stored as its JSON text.
    Json,
}

/// One column (a property of the record schema, or a list item / struct field).
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub name: String,
    pub kind: Kind,
    /// The schema admits `null` as a value.
    pub null_allowed: bool,
    /// The property is in `required`.
    pub required: bool,
}

/// A date column's text as days since 1970-01-01: `YYYY-MM-DD` only (`2024-1-2`, day counts
/// and date-times are not dates here: reading them would guess or drop the time).
pub fn date_days(text: &str) -> Option<i32> {
    if text.len() != 10 {
        return None;
    }
    let date: jiff::civil::Date = text.parse().ok()?;
    Some(date.since(jiff::civil::date(1970, 1, 1)).ok()?.get_days())
}

/// A number column's text (CSV): a finite number, spaces around it allowed.
pub fn number(text: &str) -> Option<f64> {
    text.trim().parse().ok().filter(|n: &f64| n.is_finite())
}

/// A boolean column's text (CSV): `true` or `false` in any case.
pub fn boolean(text: &str) -> Option<bool> {
    if text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// An integer column's text: an integer, or a number whose fraction and exponent leave an
/// integer (`7.0`, `1e2`, `1.5e3`), as JSON Schema counts it one, when it fits Int64 exactly
/// (worked out in decimal, never through a float); `None` for anything else.
pub fn integer(text: &str) -> Option<i64> {
    text.parse().ok().or_else(|| exact_integer(text))
}

fn exact_integer(text: &str) -> Option<i64> {
    let (negative, rest) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], rest[i + 1..].parse::<i64>().ok()?),
        None => (rest, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let digits: String = format!("{whole}{fraction}");
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Some(0);
    }
    // The value is digits x 10^scale.
    let scale = exponent.checked_sub(fraction.len() as i64)?;
    let digits = if scale < 0 {
        let cut = digits.len().checked_sub(scale.unsigned_abs() as usize)?;
        let (kept, dropped) = digits.split_at(cut);
        if dropped.bytes().any(|b| b != b'0') {
            return None;
        }
        kept.to_string()
    } else {
        // More than 19 digits is past Int64 (compared so a huge exponent cannot overflow).
        if scale > 19 - digits.len() as i64 {
            return None;
        }
        format!("{digits}{}", "0".repeat(scale as usize))
    };
    let n: i128 = if digits.is_empty() {
        0
    } else {
        digits.parse().ok()?
    };
    i64::try_from(if negative { -n } else { n }).ok()
}

impl Column {
    /// Whether the Arrow field may hold nulls: an absent optional property is null too.
    pub fn nullable(&self) -> bool {
        self.null_allowed || !self.required
    }

    /// The Arrow type of this column.
    pub fn data_type(&self) -> DataType {
        match &self.kind {
            Kind::String | Kind::Json => DataType::Utf8,
            Kind::Timestamp => DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
            Kind::Date => DataType::Date32,
            Kind::Integer => DataType::Int64,
            Kind::Number => DataType::Float64,
            Kind::Boolean => DataType::Boolean,
            Kind::Enum(_) => {
                DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
            }
            Kind::List(item) => DataType::List(Arc::new(item.field())),
            Kind::Struct(cols) => DataType::Struct(cols.iter().map(Column::field).collect()),
        }
    }

    /// The Arrow field of this column.
    pub fn field(&self) -> Field {
        let mut metadata = HashMap::new();
        if self.kind == Kind::Json {
            metadata.insert(JSON_TEXT_KEY.to_string(), "true".to_string());
        }
        if self.nullable() && !self.null_allowed {
            // Null here only means "absent": writers leave the key out (see io::write::jsonl).
            metadata.insert(OMIT_NULL_KEY.to_string(), "true".to_string());
        }
        Field::new(&self.name, self.data_type(), self.nullable()).with_metadata(metadata)
    }

    /// The Hugging Face `datasets` feature for this column.
    fn hf_feature(&self) -> Value {
        let value = |dtype: &str| json!({"dtype": dtype, "_type": "Value"});
        match &self.kind {
            Kind::String | Kind::Json | Kind::Enum(_) => value("string"),
            Kind::Timestamp => value("timestamp[us, tz=UTC]"),
            Kind::Date => value("date32"),
            Kind::Integer => value("int64"),
            Kind::Number => value("float64"),
            Kind::Boolean => value("bool"),
            Kind::List(item) => json!({"feature": item.hf_feature(), "_type": "Sequence"}),
            Kind::Struct(cols) => Value::Object(
                cols.iter()
                    .map(|c| (c.name.clone(), c.hf_feature()))
                    .collect(),
            ),
        }
    }
}

/// The columns of a record schema, in property order.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    /// `additionalProperties: false`: a record with an unknown field cannot be stored without
    /// loss, so converters reject it rather than drop the field.
    pub closed: bool,
}

impl Table {
    /// Derives the columns from a JSON Schema for one record (an object schema).
    pub fn from_json_schema(schema: &Value) -> Result<Table> {
        let mapper = Mapper {
            root: schema,
            open: std::cell::RefCell::new(vec![schema as *const Value]),
        };
        let root = mapper.resolve(schema)?;
        let Some(props) = root.get("properties").and_then(Value::as_object) else {
            return Err(Error::Schema {
                path: "schema".into(),
                message: "a record schema needs `properties` to give columns".into(),
            });
        };
        Ok(Table {
            columns: mapper.columns(root, props)?,
            closed: root.get("additionalProperties") == Some(&Value::Bool(false)),
        })
    }

    /// The Arrow schema: one field per column, in order.
    pub fn arrow_schema(&self) -> ArrowSchema {
        ArrowSchema::new(self.columns.iter().map(Column::field).collect::<Fields>())
    }

    /// The `huggingface` key-value metadata `datasets` reads to restore feature types.
    pub fn huggingface_metadata(&self) -> String {
        let features: Map<String, Value> = self
            .columns
            .iter()
            .map(|c| (c.name.clone(), c.hf_feature()))
            .collect();
        json!({"info": {"features": features}}).to_string()
    }

    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }
}

struct Mapper<'a> {
    root: &'a Value,
    /// The object and array schemas being mapped, outermost first: a property whose schema is
    /// one of them recurses (a tree of comments, say), and is stored as JSON text, which holds
    /// any depth; Arrow columns cannot nest without end.
    open: std::cell::RefCell<Vec<*const Value>>,
}

/// Nesting deeper than this is stored as JSON text too.
const MAX_NESTING: usize = 32;

impl<'a> Mapper<'a> {
    /// Follows local `$ref`s until a schema without one.
    fn resolve(&self, mut schema: &'a Value) -> Result<&'a Value> {
        for _ in 0..32 {
            let Some(r) = schema.get("$ref").and_then(Value::as_str) else {
                return Ok(schema);
            };
            let Some(pointer) = r.strip_prefix('#') else {
                return Err(schema_error(format!(
                    "cannot map $ref {r:?} to a column type: only local refs (#/...) are followed"
                )));
            };
            schema = self
                .root
                .pointer(pointer)
                .ok_or_else(|| schema_error(format!("$ref {r:?} points nowhere")))?;
        }
        Err(schema_error("$ref chain too deep (a cycle?)".into()))
    }

    fn columns(&self, schema: &Value, props: &'a Map<String, Value>) -> Result<Vec<Column>> {
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        props
            .iter()
            .map(|(name, prop)| self.column(name, prop, required.contains(&name.as_str())))
            .collect()
    }

    fn column(&self, name: &str, prop: &'a Value, required: bool) -> Result<Column> {
        let prop = self.resolve(prop)?;
        // `anyOf: [X, {"type": "null"}]` (or `oneOf`), a common way to write "X or null": the
        // column is X's, nullable.
        if prop.get("type").is_none() {
            for key in ["anyOf", "oneOf"] {
                let Some(branches) = prop.get(key).and_then(Value::as_array) else {
                    continue;
                };
                let is_null = |b: &&Value| b.get("type").and_then(Value::as_str) == Some("null");
                let others: Vec<&Value> = branches.iter().filter(|b| !is_null(b)).collect();
                if others.len() == 1 && others.len() < branches.len() {
                    let mut column = self.column(name, others[0], required)?;
                    column.null_allowed = true;
                    return Ok(column);
                }
            }
        }
        let mut types: Vec<&str> = match prop.get("type") {
            Some(Value::String(t)) => vec![t.as_str()],
            Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        let mut null_allowed = types.contains(&"null");
        if let Some(values) = prop.get("enum").and_then(Value::as_array) {
            null_allowed |= values.iter().any(Value::is_null);
            let strings: Vec<String> = values
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect();
            if !strings.is_empty() && strings.len() + usize::from(null_allowed) == values.len() {
                return Ok(Column {
                    name: name.into(),
                    kind: Kind::Enum(strings),
                    null_allowed,
                    required,
                });
            }
        }
        if types.is_empty() {
            if let Some(c) = prop.get("const") {
                types.push(json_type(c));
            }
        }
        types.retain(|t| *t != "null");
        let nested = matches!(types.as_slice(), ["array"] | ["object"]);
        let me = prop as *const Value;
        if nested {
            let open = self.open.borrow();
            if open.contains(&me) || open.len() > MAX_NESTING {
                return Ok(Column {
                    name: name.into(),
                    kind: Kind::Json,
                    null_allowed,
                    required,
                });
            }
        }
        if nested {
            self.open.borrow_mut().push(me);
        }
        let kind = self.kind(prop, &types);
        if nested {
            self.open.borrow_mut().pop();
        }
        Ok(Column {
            name: name.into(),
            kind: kind?,
            null_allowed,
            required,
        })
    }

    fn kind(&self, prop: &'a Value, types: &[&str]) -> Result<Kind> {
        Ok(match types {
            ["string"] => match prop.get("format").and_then(Value::as_str) {
                Some("date-time") => Kind::Timestamp,
                Some("date") => Kind::Date,
                _ => Kind::String,
            },
            ["integer"] => Kind::Integer,
            ["number"] => Kind::Number,
            ["boolean"] => Kind::Boolean,
            ["array"] => match prop.get("items") {
                // An item is "required": it is null only where its type admits null.
                Some(items) if items.is_object() => {
                    Kind::List(Box::new(self.column("item", items, true)?))
                }
                _ => Kind::Json,
            },
            ["object"] => match prop.get("properties").and_then(Value::as_object) {
                Some(p) if !p.is_empty() => Kind::Struct(self.columns(prop, p)?),
                _ => Kind::Json,
            },
            _ => Kind::Json,
        })
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn schema_error(message: String) -> Error {
    Error::Schema {
        path: "schema".into(),
        message,
    }
}

/// Renders an Arrow schema one field per line (`name: type` plus `not null`), nested fields
/// indented: what `copydesk schema --arrow` prints.
pub fn render(schema: &ArrowSchema) -> String {
    fn field(out: &mut String, f: &Field, depth: usize) {
        let indent = "  ".repeat(depth);
        let null = if f.is_nullable() { "" } else { " not null" };
        let json = if f.metadata().contains_key(JSON_TEXT_KEY) {
            " (JSON text)"
        } else {
            ""
        };
        let ty = match f.data_type() {
            DataType::List(item) => format!("List<{}>", short(item.data_type())),
            DataType::Struct(_) => "Struct".to_string(),
            other => short(other),
        };
        out.push_str(&format!("{indent}{}: {ty}{null}{json}\n", f.name()));
        match f.data_type() {
            DataType::Struct(children) => {
                for c in children {
                    field(out, c, depth + 1);
                }
            }
            DataType::List(item) if matches!(item.data_type(), DataType::Struct(_)) => {
                field(out, item, depth + 1)
            }
            _ => {}
        }
    }
    fn short(t: &DataType) -> String {
        match t {
            DataType::Timestamp(TimeUnit::Microsecond, Some(tz)) => {
                format!("Timestamp(us, {tz})")
            }
            DataType::Dictionary(k, v) => format!("Dictionary<{k}, {v}>"),
            DataType::List(item) => format!("List<{}>", short(item.data_type())),
            other => other.to_string(),
        }
    }
    let mut out = String::new();
    for f in schema.fields() {
        field(&mut out, f, 0);
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn integers_are_read_exactly() {
        for (text, want) in [
            ("7", Some(7)),
            ("-0", Some(0)),
            ("+3", Some(3)),
            ("7.0", Some(7)),
            ("1e2", Some(100)),
            ("1.5e3", Some(1500)),
            ("-2.50e1", Some(-25)),
            ("1e18", Some(1_000_000_000_000_000_000)),
            ("9223372036854775807.0", Some(i64::MAX)),
            ("-9223372036854775808.000", Some(i64::MIN)),
            ("9223372036854775808.0", None),
            ("9007199254740993.0", Some(9_007_199_254_740_993)),
            ("4.0000000000000001", None),
            ("7.5", None),
            ("1e-1", None),
            ("100e-2", Some(1)),
            ("0e999999", Some(0)),
            ("1e999999", None),
            ("1e99999999999999999999", None),
            ("1e9223372036854775807", None),
            ("1.5e-9223372036854775808", None),
            (".5", None),
            ("5.", Some(5)),
            ("e5", None),
            ("", None),
            ("-", None),
            ("1.2.3", None),
            (" 7", None),
        ] {
            assert_eq!(integer(text), want, "{text}");
        }
    }

    use super::*;

    fn article() -> Table {
        let schema: Value = serde_json::from_str(crate::schema::ARTICLE_SCHEMA).unwrap();
        Table::from_json_schema(&schema).unwrap()
    }

    #[test]
    fn recursive_schemas_store_the_recursion_as_json_text() {
        let schema = serde_json::json!({
            "$defs": {"comment": {"type": "object", "properties": {
                "text": {"type": "string"},
                "replies": {"type": "array", "items": {"$ref": "#/$defs/comment"}}
            }}},
            "type": "object",
            "properties": {
                "top": {"$ref": "#/$defs/comment"},
                "self": {"$ref": "#"},
                "n": {"type": "integer"}
            }
        });
        let t = Table::from_json_schema(&schema).unwrap();
        let kind = |n: &str| t.columns.iter().find(|c| c.name == n).unwrap().kind.clone();
        assert_eq!(kind("self"), Kind::Json);
        let Kind::Struct(top) = kind("top") else {
            panic!("top is a struct: {:?}", kind("top"));
        };
        assert_eq!(top[0].kind, Kind::String);
        let Kind::List(item) = &top[1].kind else {
            panic!("replies is a list: {:?}", top[1].kind);
        };
        assert_eq!(
            item.kind,
            Kind::Json,
            "a reply is a comment again: JSON text"
        );
        assert_eq!(kind("n"), Kind::Integer);
    }

    #[test]
    fn article_schema_maps_to_typed_columns() {
        let t = article();
        assert!(t.closed);
        let s = t.arrow_schema();
        let ty = |n: &str| s.field_with_name(n).unwrap().data_type().clone();
        let nullable = |n: &str| s.field_with_name(n).unwrap().is_nullable();
        assert_eq!(ty("id"), DataType::Utf8);
        assert!(!nullable("id"));
        assert!(nullable("url"));
        assert_eq!(
            ty("date_published"),
            DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into()))
        );
        assert_eq!(ty("word_count"), DataType::Int64);
        assert_eq!(ty("date_relative"), DataType::Boolean);
        assert!(nullable("date_relative"), "optional, so absent is null");
        assert!(matches!(ty("date_precision"), DataType::Dictionary(_, _)));
        match ty("authors") {
            DataType::List(item) => {
                assert_eq!(item.data_type(), &DataType::Utf8);
                assert!(!item.is_nullable());
            }
            other => panic!("authors is {other}"),
        }
        assert!(!nullable("authors"));
        let names: Vec<&str> = s.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names[..5], ["id", "url", "source", "section", "title"]);
        assert_eq!(names.len(), 18);
    }

    #[test]
    fn refs_structs_unions_and_dates() {
        let schema = json!({
            "$defs": {"when": {"type": "string", "format": "date"}},
            "required": ["d"],
            "properties": {
                "d": {"$ref": "#/$defs/when"},
                "n": {"type": "number"},
                "u": {"type": ["string", "integer"]},
                "o": {"type": "object", "properties": {"a": {"type": "integer"}}, "required": ["a"]},
                "free": {"type": "object"},
                "tags": {"type": "array", "items": {"type": ["string", "null"]}},
                "c": {"const": 3},
                "maybe": {"anyOf": [{"$ref": "#/$defs/when"}, {"type": "null"}]},
                "either": {"anyOf": [{"type": "string"}, {"type": "integer"}]}
            }
        });
        let t = Table::from_json_schema(&schema).unwrap();
        assert!(!t.closed);
        let kinds: Vec<&Kind> = t.columns.iter().map(|c| &c.kind).collect();
        assert_eq!(kinds[0], &Kind::Date);
        assert!(!t.columns[0].nullable());
        assert_eq!(kinds[1], &Kind::Number);
        assert_eq!(kinds[2], &Kind::Json);
        assert!(matches!(kinds[3], Kind::Struct(cols) if !cols[0].nullable()));
        assert_eq!(kinds[4], &Kind::Json);
        assert!(matches!(kinds[5], Kind::List(item) if item.nullable()));
        assert_eq!(kinds[6], &Kind::Integer);
        assert_eq!(kinds[7], &Kind::Date);
        assert!(t.columns[7].null_allowed);
        assert_eq!(kinds[8], &Kind::Json);
        let s = t.arrow_schema();
        assert!(s.field(2).metadata().contains_key(JSON_TEXT_KEY));
        assert!(
            Table::from_json_schema(&json!({"properties": {"x": {"$ref": "other.json"}}}))
                .unwrap_err()
                .to_string()
                .contains("only local refs")
        );
        assert!(Table::from_json_schema(&json!({"type": "object"})).is_err());
    }

    #[test]
    fn render_and_huggingface_metadata() {
        let t = article();
        let text = render(&t.arrow_schema());
        assert!(text.contains("id: Utf8 not null\n"), "{text}");
        assert!(text.contains("authors: List<Utf8> not null\n"), "{text}");
        assert!(
            text.contains("date_published: Timestamp(us, UTC)\n"),
            "{text}"
        );
        let hf: Value = serde_json::from_str(&t.huggingface_metadata()).unwrap();
        let f = &hf["info"]["features"];
        assert_eq!(f["authors"]["_type"], "Sequence");
        assert_eq!(f["date_published"]["dtype"], "timestamp[us, tz=UTC]");
        assert_eq!(f["word_count"]["dtype"], "int64");
    }
}
