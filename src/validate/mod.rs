//! Records -> a report of violations, against a JSON Schema and the news quality rules.
//! Never aborts on bad data: invalid records are results, not errors.
