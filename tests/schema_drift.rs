//! The `Article` struct and `schemas/article.schema.json` must not drift: same fields in the
//! same order, matching JSON types, and the same required set.

use copydesk::{Article, Precision};
use serde_json::{json, Map, Value};

fn schema() -> Value {
    serde_json::from_str(copydesk::schema::ARTICLE_SCHEMA).unwrap()
}

/// An article with every optional field filled, so every field serialises to its non-null type.
fn full_article() -> Article {
    Article {
        id: "id".into(),
        url: Some("https://example.com/a".into()),
        source: Some("The Daily Ledger".into()),
        section: Some("News".into()),
        title: "Title".into(),
        byline: Some("Jane Doe".into()),
        authors: vec!["Jane Doe".into()],
        date_text: Some("8 months ago".into()),
        date_published: Some("2026-03-26T02:20:00Z".into()),
        date_modified: Some("2026-03-27T02:20:00Z".into()),
        date_precision: Some(Precision::Month),
        date_relative: true,
        scraped_at: Some("2026-11-26T02:20:00Z".into()),
        dateline: Some("London, UK".into()),
        body: "Body text.".into(),
        word_count: 2,
        language: Some("en".into()),
        warnings: vec!["removed: Advertisement".into()],
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

/// The JSON types a property schema allows (`type`, or the types of an `enum`'s values).
fn allowed_types(prop: &Value) -> Vec<String> {
    match prop.get("type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(|t| t.as_str().map(String::from))
            .collect(),
        _ => match prop.get("enum") {
            Some(Value::Array(vals)) => vals.iter().map(|v| json_type(v).to_string()).collect(),
            _ => panic!("property schema without type or enum: {prop}"),
        },
    }
}

#[test]
fn struct_fields_are_schema_properties_in_order_with_matching_types() {
    let schema = schema();
    let props = schema["properties"].as_object().unwrap();
    let full = serde_json::to_value(full_article()).unwrap();
    let full = full.as_object().unwrap();
    let struct_keys: Vec<&String> = full.keys().collect();
    let schema_keys: Vec<&String> = props.keys().collect();
    assert_eq!(struct_keys, schema_keys, "field names or order differ");

    for (key, value) in full {
        let allowed = allowed_types(&props[key]);
        let ty = json_type(value);
        assert!(
            allowed
                .iter()
                .any(|a| a == ty || (a == "number" && ty == "integer")),
            "{key}: struct writes {ty}, schema allows {allowed:?}"
        );
    }
    // Every nullable field in the schema is an Option in the struct, and the reverse: a record
    // with every Option set to None serialises nulls exactly where the schema allows them.
    let empty = Article {
        id: "id".into(),
        url: None,
        source: None,
        section: None,
        title: "t".into(),
        byline: None,
        authors: vec![],
        date_text: None,
        date_published: None,
        date_modified: None,
        date_precision: None,
        date_relative: false,
        scraped_at: None,
        dateline: None,
        body: "b".into(),
        word_count: 1,
        language: None,
        warnings: vec![],
    };
    let empty = serde_json::to_value(empty).unwrap();
    for (key, prop) in props {
        let nullable = allowed_types(prop).iter().any(|t| t == "null");
        assert_eq!(
            empty[key].is_null(),
            nullable,
            "{key}: struct Option-ness and schema nullability differ"
        );
    }
}

#[test]
fn required_sets_agree() {
    let schema = schema();
    let required: Vec<String> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let full = serde_json::to_value(full_article()).unwrap();
    let full = full.as_object().unwrap();

    // Only the required fields: the struct must accept it.
    let minimal: Map<String, Value> = full
        .iter()
        .filter(|(k, _)| required.contains(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    serde_json::from_value::<Article>(Value::Object(minimal.clone()))
        .expect("struct rejects a record with only the schema's required fields");

    // Without any one required field: the struct must refuse it.
    for key in &required {
        let mut m = minimal.clone();
        m.remove(key);
        assert!(
            serde_json::from_value::<Article>(Value::Object(m)).is_err(),
            "struct accepts a record without required field {key}"
        );
    }
    // Without any one optional field: the struct must accept it.
    for key in full.keys().filter(|k| !required.contains(k)) {
        let mut m = full.clone();
        m.remove(key);
        assert!(
            serde_json::from_value::<Article>(Value::Object(m)).is_ok(),
            "struct refuses a record without optional field {key}"
        );
    }
}

#[test]
fn a_full_article_validates_and_unknown_fields_are_refused_by_both() {
    let s = copydesk::schema::Schema::article().unwrap();
    let full = serde_json::to_value(full_article()).unwrap();
    assert!(s.validator.is_valid(&full));
    let mut extra = full.as_object().unwrap().clone();
    extra.insert("extra".into(), json!(1));
    assert!(!s.validator.is_valid(&Value::Object(extra.clone())));
    assert!(serde_json::from_value::<Article>(Value::Object(extra)).is_err());
}
