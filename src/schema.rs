//! JSON Schemas: the bundled article schema (embedded with `include_str!`) and the user's own,
//! loaded from a file with local `$ref`s resolved relative to it, compiled once with `format`
//! checked. Owns loading and compiling; does not own validation reports (`validate`).
//! No network: jsonschema is built without `resolve-http`, so a remote `$ref` fails to compile
//! with a message that says so.

use std::path::Path;

use serde_json::Value;

use crate::error::{Error, Result};

pub mod arrow;

/// The bundled Article v1 schema, the contract of `Article`.
pub const ARTICLE_SCHEMA: &str = include_str!("../schemas/article.schema.json");

/// A compiled JSON Schema and where it came from.
pub struct Schema {
    /// How the schema is named in messages: the path, or `bundled article schema`.
    pub name: String,
    /// The schema document.
    pub json: Value,
    /// Compiled validator (format assertions on).
    pub validator: jsonschema::Validator,
    /// True for the bundled article schema, which turns on the news quality rules.
    pub is_article: bool,
}

impl std::fmt::Debug for Schema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Schema")
            .field("name", &self.name)
            .field("is_article", &self.is_article)
            .finish_non_exhaustive()
    }
}

impl Schema {
    /// The bundled article schema.
    pub fn article() -> Result<Schema> {
        let json: Value = serde_json::from_str(ARTICLE_SCHEMA).map_err(|e| Error::Schema {
            path: "bundled article schema".into(),
            message: e.to_string(),
        })?;
        let validator = compile(&json, None, "bundled article schema")?;
        Ok(Schema {
            name: "bundled article schema".into(),
            json,
            validator,
            is_article: true,
        })
    }

    /// A schema file; relative `$ref`s resolve against the file's folder.
    pub fn from_path(path: &Path) -> Result<Schema> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let json: Value = serde_json::from_str(&text).map_err(|e| Error::Schema {
            path: name.clone(),
            message: format!("not valid JSON: {e}"),
        })?;
        let abs = std::fs::canonicalize(path).map_err(|e| Error::io(path, e))?;
        let base = file_uri(&abs);
        let validator = compile(&json, Some(base), &name)?;
        Ok(Schema {
            name,
            json,
            validator,
            is_article: false,
        })
    }

    /// The bundled schema, or the user's when a path is given.
    pub fn load(path: Option<&Path>) -> Result<Schema> {
        match path {
            Some(p) => Schema::from_path(p),
            None => Schema::article(),
        }
    }
}

fn compile(json: &Value, base_uri: Option<String>, name: &str) -> Result<jsonschema::Validator> {
    if !json.is_object() && !json.is_boolean() {
        return Err(Error::Schema {
            path: name.to_string(),
            message: "a JSON Schema must be an object or a boolean".into(),
        });
    }
    let mut options = jsonschema::options().should_validate_formats(true);
    if let Some(base) = base_uri {
        options = options.with_base_uri(base);
    }
    options.build(json).map_err(|e| {
        let mut message = e.to_string();
        if message.contains("http://") || message.contains("https://") {
            message.push_str(
                " (copydesk does not fetch remote schemas: download it and use a local $ref)",
            );
        }
        Error::Schema {
            path: name.to_string(),
            message,
        }
    })
}

/// A `file://` URI for an absolute path, percent-encoding what a URI cannot hold.
fn file_uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn bundled_schema_compiles_and_checks_formats() {
        let s = Schema::article().unwrap();
        assert!(s.is_article);
        let ok = json!({"id": "a", "title": "T", "authors": [], "body": "B",
                        "date_published": "2026-03-26T02:20:00Z", "date_precision": "month"});
        assert!(s.validator.is_valid(&ok));
        let bad = json!({"id": "a", "title": "T", "authors": [], "body": "B",
                         "date_published": "2026-13-26T02:20:00Z"});
        assert!(
            !s.validator.is_valid(&bad),
            "format date-time must be checked"
        );
        let no_date_but_precision = json!({"id": "a", "title": "T", "authors": [], "body": "B",
                         "date_published": null, "date_precision": "day"});
        assert!(!s.validator.is_valid(&no_date_but_precision));
    }

    #[test]
    fn local_refs_resolve_and_remote_refs_fail_clearly() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("defs.json"),
            r#"{"$defs": {"n": {"type": "integer"}}}"#,
        )
        .unwrap();
        let main = dir.path().join("main.json");
        std::fs::write(
            &main,
            r#"{"properties": {"x": {"$ref": "defs.json#/$defs/n"}}}"#,
        )
        .unwrap();
        let s = Schema::from_path(&main).unwrap();
        assert!(s.validator.is_valid(&json!({"x": 1})));
        assert!(!s.validator.is_valid(&json!({"x": "one"})));

        let remote = dir.path().join("remote.json");
        std::fs::write(&remote, r#"{"$ref": "https://example.com/s.json"}"#).unwrap();
        let err = Schema::from_path(&remote).unwrap_err().to_string();
        assert!(err.contains("remote.json"), "{err}");
        assert!(err.contains("does not fetch remote schemas"), "{err}");
    }

    #[test]
    fn broken_schema_is_an_error_with_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.json");
        std::fs::write(&p, r#"{"type": 12}"#).unwrap();
        let err = Schema::from_path(&p).unwrap_err().to_string();
        assert!(err.starts_with(&format!("schema {}", p.display())), "{err}");
        std::fs::write(&p, "{not json").unwrap();
        assert!(Schema::from_path(&p)
            .unwrap_err()
            .to_string()
            .contains("not valid JSON"));
    }
}
