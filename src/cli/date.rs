//! `copydesk date`: resolves date text against a reference instant, one phrase from the command
//! line or, with `--batch`, one per stdin line (chunked, resolved in parallel with rayon, written
//! in input order). Owns argument mapping, rendering and exit codes; the resolving is
//! `copydesk::dates`.

use std::collections::HashMap;
use std::io::{self, BufWriter, Read, Write};

use anyhow::{bail, Context as _};
use clap::{Args, ValueEnum};
use copydesk::dates::{format_instant, Context, DateOrder, Refusal, Resolved, Resolver};
use jiff::tz::TimeZone;
use jiff::Timestamp;
use rayon::prelude::*;
use serde_json::json;

use super::Outcome;

#[derive(Debug, Args)]
pub struct DateArgs {
    /// The date text, e.g. "8 months ago" (several arguments are joined with spaces).
    #[arg(required_unless_present = "batch")]
    text: Vec<String>,
    /// The scrape instant (RFC 3339) relative dates count back from; its offset is the page's
    /// local zone. Defaults to now.
    #[arg(long, value_name = "RFC3339")]
    scraped_at: Option<String>,
    /// Read text without a zone in this zone (e.g. Europe/London) instead of the reference's offset.
    #[arg(long, value_name = "ZONE")]
    tz: Option<String>,
    /// How to read numeric dates whose first two fields are both <= 12.
    #[arg(long, value_enum, default_value_t = OrderArg::Mdy)]
    date_order: OrderArg,
    /// Print every field as JSON (instant, precision, relative, span, label, warnings, or the
    /// refusal reason).
    #[arg(long)]
    json: bool,
    /// Print every date on the line ("5 days ago | Updated 2 hours ago" has two).
    #[arg(long, conflicts_with = "batch")]
    all: bool,
    /// Read one phrase per stdin line; write one `INSTANT<TAB>PRECISION` line per input line
    /// (both empty when refused). Exits 1 when any line was refused; a summary goes to stderr.
    #[arg(long, conflicts_with = "text")]
    batch: bool,
    /// With --batch: each input line is `REFERENCE<TAB>PHRASE`.
    #[arg(long, requires = "batch")]
    with_reference: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OrderArg {
    Mdy,
    Dmy,
}

impl From<OrderArg> for DateOrder {
    fn from(o: OrderArg) -> DateOrder {
        match o {
            OrderArg::Mdy => DateOrder::Mdy,
            OrderArg::Dmy => DateOrder::Dmy,
        }
    }
}

/// The settings every line shares.
struct Settings {
    zone: Option<TimeZone>,
    order: DateOrder,
}

impl Settings {
    fn context(&self, reference: &str) -> Result<Context, String> {
        let mut ctx = Context::from_rfc3339(reference)?;
        ctx.zone = self.zone.clone();
        ctx.date_order = self.order;
        Ok(ctx)
    }
}

pub fn run(args: &DateArgs) -> anyhow::Result<Outcome> {
    let zone = match &args.tz {
        Some(name) => Some(TimeZone::get(name).with_context(|| {
            format!("--tz: expected an IANA zone name such as Europe/London, found {name:?}")
        })?),
        None => None,
    };
    let settings = Settings {
        zone,
        order: args.date_order.into(),
    };
    let base = if args.batch && args.with_reference {
        None
    } else {
        let reference = match &args.scraped_at {
            Some(r) => r.clone(),
            None => {
                let now = Timestamp::now()
                    .round(jiff::Unit::Second)
                    .unwrap_or(Timestamp::now());
                eprintln!("copydesk: note: no --scraped-at given, resolving against the current time {now}");
                now.to_string()
            }
        };
        let ctx = settings
            .context(&reference)
            .map_err(|e| anyhow::anyhow!("--scraped-at: {e}"))?;
        Some(ctx)
    };
    if args.batch {
        return batch(args, &settings, base.as_ref());
    }
    let Some(ctx) = base else {
        bail!("a reference is needed: pass --scraped-at");
    };
    let text = args.text.join(" ");
    let resolver = Resolver::new(&ctx);
    let mut out = io::stdout().lock();
    let result = if args.all {
        resolver.resolve_all(&text)
    } else {
        resolver.resolve(&text).map(|r| vec![r])
    };
    match result {
        Ok(all) => {
            if args.json {
                let values: Vec<_> = all.iter().map(|r| resolved_json(&text, r)).collect();
                let v = if args.all {
                    serde_json::Value::Array(values)
                } else {
                    values.into_iter().next().unwrap_or_default()
                };
                writeln!(out, "{v}")?;
            } else {
                for r in &all {
                    writeln!(out, "{}\t{}", r.instant, r.precision)?;
                }
            }
            Ok(Outcome::Ok)
        }
        Err(refusal) => {
            if args.json {
                writeln!(out, "{}", refusal_json(&text, &refusal))?;
            } else {
                eprintln!("copydesk: date: refused: {refusal}");
            }
            Ok(Outcome::Invalid)
        }
    }
}

fn resolved_json(text: &str, r: &Resolved) -> serde_json::Value {
    json!({
        "text": text,
        "instant": r.instant.to_string(),
        "precision": r.precision.as_str(),
        "relative": r.relative,
        "span": [r.span.start, r.span.end],
        "date_text": text.get(r.span.clone()).unwrap_or(""),
        "label": r.label.map(|l| l.as_str()),
        "warnings": r.warnings,
    })
}

fn refusal_json(text: &str, r: &Refusal) -> serde_json::Value {
    json!({
        "text": text,
        "instant": null,
        "refused": r.kind.as_str(),
        "reason": r.reason,
    })
}

/// Bytes read from stdin per round; each round is split into pieces resolved in parallel.
const CHUNK: usize = 8 << 20;
const PIECE: usize = 128 << 10;
/// How many per-line input errors are printed before only counting them.
const MAX_ERRORS_SHOWN: usize = 20;

/// What one piece of input produced.
#[derive(Default)]
struct PieceOut {
    out: Vec<u8>,
    lines: u64,
    refused: u64,
    /// (line index within the piece, message)
    errors: Vec<(u64, String)>,
}

fn batch(args: &DateArgs, settings: &Settings, base: Option<&Context>) -> anyhow::Result<Outcome> {
    let base = base.map(Resolver::new);
    let mut stdin = io::stdin().lock();
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    let mut buf: Vec<u8> = Vec::with_capacity(CHUNK + PIECE);
    let mut eof = false;
    let (mut lines, mut refused, mut errors) = (0u64, 0u64, 0u64);
    loop {
        // Fill the buffer to CHUNK bytes or to the end of input.
        while !eof && buf.len() < CHUNK {
            let len = buf.len();
            buf.resize(len + (CHUNK - len).max(64 << 10), 0);
            let n = stdin.read(&mut buf[len..]).context("reading stdin")?;
            buf.truncate(len + n);
            if n == 0 {
                eof = true;
                break;
            }
        }
        if buf.is_empty() {
            break;
        }
        let cut = if eof {
            buf.len()
        } else {
            match memchr::memrchr(b'\n', &buf) {
                Some(p) => p + 1,
                // One line longer than the chunk: read on until its end (it will be refused
                // as too long, but it still gets its one output line).
                None => {
                    let len = buf.len();
                    buf.resize(len + (1 << 20), 0);
                    let n = stdin.read(&mut buf[len..]).context("reading stdin")?;
                    buf.truncate(len + n);
                    eof = n == 0;
                    continue;
                }
            }
        };
        let block = &buf[..cut];
        let pieces = split_pieces(block);
        let outs: Vec<PieceOut> = pieces
            .par_iter()
            .map(|piece| resolve_piece(piece, args, settings, base.as_ref()))
            .collect();
        for p in outs {
            out.write_all(&p.out)?;
            for (idx, msg) in &p.errors {
                if errors < MAX_ERRORS_SHOWN as u64 {
                    eprintln!("copydesk: date: stdin:{}: {msg}", lines + idx + 1);
                }
                errors += 1;
            }
            lines += p.lines;
            refused += p.refused;
        }
        buf.drain(..cut);
    }
    out.flush()?;
    if errors > MAX_ERRORS_SHOWN as u64 {
        eprintln!(
            "copydesk: date: ... and {} more input errors",
            errors - MAX_ERRORS_SHOWN as u64
        );
    }
    eprintln!(
        "copydesk: date: {lines} lines: {} resolved, {refused} refused ({errors} of them unreadable)",
        lines - refused
    );
    Ok(if refused > 0 {
        Outcome::Invalid
    } else {
        Outcome::Ok
    })
}

/// Splits a block of whole lines into pieces of about PIECE bytes, each ending at a newline.
fn split_pieces(block: &[u8]) -> Vec<&[u8]> {
    let mut pieces = Vec::with_capacity(block.len() / PIECE + 1);
    let mut start = 0;
    while start < block.len() {
        let target = (start + PIECE).min(block.len());
        let end = if target == block.len() {
            target
        } else {
            match memchr::memchr(b'\n', &block[target..]) {
                Some(p) => target + p + 1,
                None => block.len(),
            }
        };
        pieces.push(&block[start..end]);
        start = end;
    }
    pieces
}

fn resolve_piece(
    piece: &[u8],
    args: &DateArgs,
    settings: &Settings,
    base: Option<&Resolver>,
) -> PieceOut {
    let mut po = PieceOut {
        out: Vec::with_capacity(piece.len() + piece.len() / 2),
        ..PieceOut::default()
    };
    // References repeat across lines: parse each distinct one once per piece.
    let mut cache: HashMap<&[u8], Option<Resolver>> = HashMap::new();
    let mut last: Option<(&[u8], Option<Resolver>)> = None;
    let body = piece.strip_suffix(b"\n").unwrap_or(piece);
    for (idx, line) in body.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        po.lines += 1;
        let (resolver, phrase): (Option<&Resolver>, &[u8]) = if args.with_reference {
            let Some(tab) = memchr::memchr(b'\t', line) else {
                po.errors.push((
                    idx as u64,
                    "expected REFERENCE<TAB>PHRASE, found no tab".to_string(),
                ));
                po.refused += 1;
                write_line(&mut po.out, args.json, None, std::str::from_utf8(line).ok());
                continue;
            };
            let key = &line[..tab];
            if last.as_ref().is_none_or(|(k, _)| *k != key) {
                let r = cache
                    .entry(key)
                    .or_insert_with(|| {
                        std::str::from_utf8(key)
                            .ok()
                            .and_then(|s| settings.context(s).ok())
                            .map(|c| Resolver::new(&c))
                    })
                    .clone();
                last = Some((key, r));
            }
            let r = last.as_ref().and_then(|(_, r)| r.as_ref());
            if r.is_none() {
                let shown = String::from_utf8_lossy(&key[..key.len().min(60)]).into_owned();
                po.errors.push((
                    idx as u64,
                    format!("expected an RFC 3339 reference before the tab, found {shown:?}"),
                ));
            }
            (r, &line[tab + 1..])
        } else {
            (base, line)
        };
        let text = std::str::from_utf8(phrase);
        if text.is_err() {
            po.errors.push((
                idx as u64,
                "invalid UTF-8: the line is left unresolved".to_string(),
            ));
        }
        let ok = write_line(&mut po.out, args.json, resolver, text.ok());
        if !ok {
            po.refused += 1;
        }
    }
    po
}

/// Writes the result line for one phrase; false when it was refused.
fn write_line(
    out: &mut Vec<u8>,
    as_json: bool,
    resolver: Option<&Resolver>,
    text: Option<&str>,
) -> bool {
    if as_json {
        let text_s = text.unwrap_or("");
        let (v, ok) = match (resolver, text) {
            (Some(r), Some(t)) => match r.resolve(t) {
                Ok(res) => (resolved_json(t, &res), true),
                Err(e) => (refusal_json(t, &e), false),
            },
            _ => (
                json!({"text": text_s, "instant": null, "refused": "unreadable", "reason": "no valid reference or text"}),
                false,
            ),
        };
        // Writing to a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, &v);
        out.push(b'\n');
        return ok;
    }
    match (resolver, text) {
        (Some(r), Some(t)) => match r.resolve_instant(t) {
            Some((secs, precision)) => {
                out.extend_from_slice(&format_instant(secs));
                out.push(b'\t');
                out.extend_from_slice(precision.as_str().as_bytes());
                out.push(b'\n');
                true
            }
            None => {
                out.extend_from_slice(b"\t\n");
                false
            }
        },
        _ => {
            out.extend_from_slice(b"\t\n");
            false
        }
    }
}
