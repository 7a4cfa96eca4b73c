//! The date engine's case tables: fixtures/dates/cases.tsv (every convention of the spec) and
//! fixtures/dates/news_cases.tsv (strings as news pages in many languages print them), one case
//! per line (input, reference, expected instant or REFUSE, precision or refusal kind, warnings,
//! options). Every failing row is printed before the test fails.

#![allow(clippy::print_stdout)] // the table prints every failing row

use copydesk::dates::{resolve, Context, DateOrder, Label};
use jiff::tz::TimeZone;

struct Case {
    line: usize,
    input: String,
    reference: String,
    expected: String,
    precision: String,
    warnings: Vec<String>,
    options: Vec<(String, String)>,
}

fn load(name: &str) -> Vec<Case> {
    let path = format!("{}/fixtures/dates/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut cases = Vec::new();
    for (idx, raw) in text.lines().enumerate() {
        if raw.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = raw.split('\t').collect();
        assert!(
            cols.len() >= 4,
            "{name}:{}: expected at least 4 tab-separated columns",
            idx + 1
        );
        let list = |s: Option<&&str>| -> Vec<String> {
            s.map(|s| {
                s.split([',', ';'])
                    .filter(|p| !p.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
        };
        cases.push(Case {
            line: idx + 1,
            input: cols[0].replace("\\t", "\t"),
            reference: cols[1].to_string(),
            expected: cols[2].to_string(),
            precision: cols[3].to_string(),
            warnings: list(cols.get(4)),
            options: list(cols.get(5))
                .into_iter()
                .map(|kv| match kv.split_once('=') {
                    Some((k, v)) => (k.to_string(), v.to_string()),
                    None => (kv, String::new()),
                })
                .collect(),
        });
    }
    cases
}

/// Checks one case; returns what went wrong.
fn check(case: &Case) -> Result<(), String> {
    let mut ctx = Context::from_rfc3339(&case.reference)?;
    let mut label = None;
    for (k, v) in &case.options {
        match k.as_str() {
            "tz" => ctx.zone = Some(TimeZone::get(v).map_err(|e| e.to_string())?),
            "order" if v == "dmy" => ctx.date_order = DateOrder::Dmy,
            "label" => label = Some(v.clone()),
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    let got = resolve(&case.input, &ctx);
    if case.expected == "REFUSE" {
        return match got {
            Err(r) if r.kind.as_str() == case.precision => Ok(()),
            Err(r) => Err(format!(
                "refused as {} ({}), expected {}",
                r.kind.as_str(),
                r.reason,
                case.precision
            )),
            Ok(r) => Err(format!(
                "resolved to {} {}, expected a refusal",
                r.instant, r.precision
            )),
        };
    }
    let r = got.map_err(|e| format!("refused: {e}"))?;
    let mut problems = Vec::new();
    if r.instant.to_string() != case.expected {
        problems.push(format!(
            "instant {} (expected {})",
            r.instant, case.expected
        ));
    }
    if r.precision.as_str() != case.precision {
        problems.push(format!(
            "precision {} (expected {})",
            r.precision, case.precision
        ));
    }
    let mut want = case.warnings.clone();
    want.sort();
    let mut have = r.warnings.clone();
    have.sort();
    if want != have {
        problems.push(format!("warnings {have:?} (expected {want:?})"));
    }
    if let Some(l) = label {
        let want = if l == "updated" {
            Label::Updated
        } else {
            Label::Published
        };
        if r.label != Some(want) {
            problems.push(format!("label {:?} (expected {want:?})", r.label));
        }
    }
    if case.input.get(r.span.clone()).is_none() {
        problems.push(format!("span {:?} is not within the input", r.span));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

/// Checks every case of a table; prints the failing ones and returns how many failed.
fn run(name: &str, cases: &[Case]) -> usize {
    let mut failed = 0;
    for case in cases {
        if let Err(why) = check(case) {
            failed += 1;
            println!(
                "{name}:{}: {:?} @ {}: {why}",
                case.line, case.input, case.reference
            );
        }
    }
    failed
}

#[test]
fn every_case_in_the_table_holds() {
    let cases = load("cases.tsv");
    let refusals = cases.iter().filter(|c| c.expected == "REFUSE").count();
    assert!(
        cases.len() >= 400,
        "the table should hold at least 400 cases, has {}",
        cases.len()
    );
    assert!(
        refusals >= 70,
        "the table should hold at least 70 refusals, has {refusals}"
    );
    let failed = run("cases.tsv", &cases);
    println!(
        "{} cases, {refusals} refusals, {failed} failed",
        cases.len()
    );
    assert_eq!(
        failed,
        0,
        "{failed} of {} date cases failed (listed above)",
        cases.len()
    );
}

#[test]
fn every_news_page_case_holds() {
    let cases = load("news_cases.tsv");
    assert!(
        cases.len() >= 150,
        "the news table should hold at least 150 cases, has {}",
        cases.len()
    );
    let failed = run("news_cases.tsv", &cases);
    println!("{} news cases, {failed} failed", cases.len());
    assert_eq!(
        failed,
        0,
        "{failed} of {} news date cases failed (listed above)",
        cases.len()
    );
}
