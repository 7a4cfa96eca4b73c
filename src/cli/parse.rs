//! `copydesk parse`: loose-text articles (files, directories, stdin, or a JSONL dump of
//! scraped pages) -> Article records as JSON Lines. Owns input expansion, the reference-time
//! rules, parallelism with ordered output, rejection reports and the summary line; the
//! extraction itself is `copydesk::extract`.

use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{bail, Context as _};
use clap::{Args, ValueEnum};
use copydesk::dates::DateOrder;
use copydesk::extract::{parse_article, parse_bytes, ExtractOptions};
use copydesk::io::write::OutputFile;
use copydesk::io::{Format, Source};
use rayon::prelude::*;

use super::Outcome;

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Text files, JSON Lines files of {"text", "url"?, "scraped_at"?, "source"?} (*.jsonl,
    /// *.ndjson, optionally .gz/.zst), directories (searched recursively for both) or `-` for
    /// stdin. Reads stdin when none are given.
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Input kind for every input: loose text (one article per file) or JSON Lines (one page
    /// per line). Default: by extension, text for stdin and unknown extensions.
    #[arg(long, value_enum)]
    from: Option<From>,
    /// Reference instant for relative dates ("8 months ago"): an RFC 3339 timestamp whose
    /// offset is the page's local zone, or `mtime` for each file's modification time. A
    /// record's own scraped_at wins. Default: now, with a note on stderr.
    #[arg(long, value_name = "RFC3339|mtime")]
    scraped_at: Option<String>,
    /// Publication name for records whose text does not state one.
    #[arg(long, value_name = "NAME")]
    source: Option<String>,
    /// Time zone for dates written without one (e.g. Europe/London); default: the offset of
    /// the reference instant.
    #[arg(long, value_name = "ZONE")]
    tz: Option<String>,
    /// How to read numeric dates like 04/03/2025 when both fields could be the month.
    #[arg(long, value_enum, default_value_t = Order::Mdy)]
    date_order: Order,
    /// Write the records here instead of stdout (written to a temporary file, renamed on
    /// success; .gz/.zst compress).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum From {
    Text,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Order {
    Mdy,
    Dmy,
}

/// Where the reference instant comes from when the input has none.
#[derive(Debug, Clone)]
enum Reference {
    Fixed(ExtractOptions),
    Mtime(ExtractOptions),
    Now(ExtractOptions),
}

/// How many inputs (files or JSONL lines) are parsed per parallel batch; output order is kept
/// within and across batches.
const BATCH: usize = 512;

pub fn run(args: &ParseArgs) -> anyhow::Result<Outcome> {
    let reference = reference(args)?;
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        if n == 0 {
            bail!("--threads: expected a positive number, found 0");
        }
        pool = pool.num_threads(n);
    }
    let pool = pool.build().context("cannot start worker threads")?;

    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    let from = args.from;
    let keep = move |p: &Path| {
        let format = Format::determine(p);
        match from {
            Some(From::Text) => format == Some(Format::Text),
            Some(From::Jsonl) => format == Some(Format::Jsonl),
            None => matches!(format, Some(Format::Text) | Some(Format::Jsonl)),
        }
    };
    let sources = copydesk::io::expand_inputs(&inputs, &keep)?;
    let kind_of = |source: &Source| {
        from.unwrap_or_else(|| match source.path().and_then(Format::determine) {
            Some(Format::Jsonl) => From::Jsonl,
            _ => From::Text,
        })
    };

    let mut out = Output::open(args.output.as_deref())?;
    let mut tally = Tally::default();
    let note = AtomicBool::new(false);
    pool.install(|| -> anyhow::Result<()> {
        // Runs of text files are parsed in parallel batches; each JSONL file in parallel
        // batches of lines. Output keeps the input order.
        let mut texts: Vec<Source> = Vec::new();
        for source in sources {
            match kind_of(&source) {
                From::Text => texts.push(source),
                From::Jsonl => {
                    parse_texts(&texts, &reference, &note, &mut out, &mut tally)?;
                    texts.clear();
                    parse_jsonl(&source, &reference, &note, &mut out, &mut tally)?;
                }
            }
        }
        parse_texts(&texts, &reference, &note, &mut out, &mut tally)
    })?;
    out.finish()?;
    eprintln!(
        "parsed {} articles, rejected {} inputs",
        tally.parsed, tally.rejected
    );
    if tally.io_errors > 0 {
        bail!("{} inputs could not be read", tally.io_errors);
    }
    Ok(if tally.rejected > 0 {
        Outcome::Invalid
    } else {
        Outcome::Ok
    })
}

/// The base options from the flags.
fn reference(args: &ParseArgs) -> anyhow::Result<Reference> {
    let now = || {
        let ts = jiff::Timestamp::now();
        let secs = jiff::Timestamp::from_second(ts.as_second()).unwrap_or(ts);
        secs.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
    };
    let (mut options, kind): (ExtractOptions, fn(ExtractOptions) -> Reference) =
        match args.scraped_at.as_deref() {
            Some("mtime") => (options_at(&now())?, Reference::Mtime),
            Some(text) => (
                ExtractOptions::new(text).map_err(|e| anyhow::anyhow!("--scraped-at: {e}"))?,
                Reference::Fixed,
            ),
            None => (options_at(&now())?, Reference::Now),
        };
    options.source = args.source.clone();
    Ok(kind(localise(
        options,
        args.tz.as_deref(),
        args.date_order,
    )?))
}

/// Applies `--tz` (the zone for dates written without one) and `--date-order`.
pub(crate) fn localise(
    mut options: ExtractOptions,
    zone: Option<&str>,
    order: Order,
) -> anyhow::Result<ExtractOptions> {
    if let Some(zone) = zone {
        let tz = jiff::tz::TimeZone::get(zone).map_err(|e| {
            anyhow::anyhow!(
                "--tz: expected an IANA zone name such as Europe/London, found {zone:?}: {e}"
            )
        })?;
        options.context.zone = Some(tz);
    }
    Ok(options.date_order(match order {
        Order::Mdy => DateOrder::Mdy,
        Order::Dmy => DateOrder::Dmy,
    }))
}

fn options_at(text: &str) -> anyhow::Result<ExtractOptions> {
    ExtractOptions::new(text).map_err(|e| anyhow::anyhow!(e))
}

impl Reference {
    /// The options for one input: its own scraped_at, else the flag's rule.
    fn for_input(
        &self,
        own: Option<&str>,
        path: Option<&Path>,
        note: &AtomicBool,
    ) -> Result<ExtractOptions, String> {
        let base = match self {
            Reference::Fixed(o) | Reference::Mtime(o) | Reference::Now(o) => o,
        };
        if let Some(own) = own {
            return base
                .with_reference(own)
                .map_err(|e| format!("/scraped_at: {e}"));
        }
        match self {
            Reference::Fixed(o) => Ok(o.clone()),
            Reference::Mtime(o) => match path.and_then(mtime) {
                Some(ts) => o.with_reference(&ts),
                None => {
                    now_note(note, &o.scraped_at);
                    Ok(o.clone())
                }
            },
            Reference::Now(o) => {
                now_note(note, &o.scraped_at);
                Ok(o.clone())
            }
        }
    }
}

fn now_note(note: &AtomicBool, now: &str) {
    if !note.swap(true, Ordering::Relaxed) {
        eprintln!("note: no scrape time given (--scraped-at); relative dates are read against the current time {now}");
    }
}

fn mtime(path: &Path) -> Option<String> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    let ts = jiff::Timestamp::try_from(modified).ok()?;
    let secs = jiff::Timestamp::from_second(ts.as_second()).ok()?;
    Some(secs.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
}

#[derive(Debug, Default)]
struct Tally {
    parsed: u64,
    rejected: u64,
    io_errors: u64,
}

/// One input's result: a JSON line, or a message for stderr.
enum Parsed {
    Record(String),
    Rejected(String),
    Unreadable(String),
}

impl Tally {
    fn take(&mut self, parsed: Parsed, out: &mut Output) -> anyhow::Result<()> {
        match parsed {
            Parsed::Record(line) => {
                out.write_all(line.as_bytes())?;
                self.parsed += 1;
            }
            Parsed::Rejected(msg) => {
                eprintln!("{msg}");
                self.rejected += 1;
            }
            Parsed::Unreadable(msg) => {
                eprintln!("{msg}");
                self.io_errors += 1;
            }
        }
        Ok(())
    }
}

fn parse_texts(
    sources: &[Source],
    reference: &Reference,
    note: &AtomicBool,
    out: &mut Output,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    for batch in sources.chunks(BATCH) {
        let results: Vec<Parsed> = batch
            .par_iter()
            .map(|source| parse_text(source, reference, note))
            .collect();
        for r in results {
            tally.take(r, out)?;
        }
    }
    Ok(())
}

fn parse_text(source: &Source, reference: &Reference, note: &AtomicBool) -> Parsed {
    let name = source.display_name();
    let mut bytes = Vec::new();
    let read = source
        .open_raw()
        .map_err(|e| e.to_string())
        .and_then(|mut r| {
            r.read_to_end(&mut bytes)
                .map_err(|e| format!("{name}: cannot read: {e}"))
        });
    if let Err(e) = read {
        return Parsed::Unreadable(e);
    }
    let options = match reference.for_input(None, source.path(), note) {
        Ok(o) => o,
        Err(e) => return Parsed::Rejected(format!("{name}: {e}")),
    };
    render(parse_bytes(&bytes, &options), &name)
}

fn render(result: Result<copydesk::Article, copydesk::extract::Rejection>, name: &str) -> Parsed {
    match result {
        Ok(article) => match serde_json::to_string(&article) {
            Ok(mut line) => {
                line.push('\n');
                Parsed::Record(line)
            }
            Err(e) => Parsed::Rejected(format!("{name}: cannot serialise the record: {e}")),
        },
        Err(reason) => Parsed::Rejected(format!("{name}: {reason}")),
    }
}

/// One scraped page in a JSONL dump.
#[derive(Debug, serde::Deserialize)]
struct Page {
    text: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    scraped_at: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

fn parse_jsonl(
    source: &Source,
    reference: &Reference,
    note: &AtomicBool,
    out: &mut Output,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    let name = source.display_name();
    let reader = match source.open() {
        Ok(r) => r,
        Err(e) => {
            return tally.take(Parsed::Unreadable(e.to_string()), out);
        }
    };
    let mut lines = LineBatches {
        reader,
        name: name.clone(),
        line_no: 0,
        done: false,
    };
    // Reading the next batch overlaps with parsing the current one.
    let mut batch = lines.next_batch();
    while !batch.lines.is_empty() || batch.error.is_some() {
        let (results, next) = rayon::join(
            || {
                batch
                    .lines
                    .par_iter()
                    .map(|(n, bytes)| {
                        parse_page(bytes, &format!("{name}:{n}"), source, reference, note)
                    })
                    .collect::<Vec<Parsed>>()
            },
            || lines.next_batch(),
        );
        for r in results {
            tally.take(r, out)?;
        }
        if let Some(error) = batch.error.take() {
            tally.take(Parsed::Unreadable(error), out)?;
        }
        batch = next;
    }
    Ok(())
}

/// Up to `BATCH` non-blank lines of a JSONL input, numbered from 1, and a read error that
/// ended the input.
#[derive(Default)]
struct Batch {
    lines: Vec<(u64, Vec<u8>)>,
    error: Option<String>,
}

struct LineBatches {
    reader: Box<dyn BufRead + Send>,
    name: String,
    line_no: u64,
    done: bool,
}

impl LineBatches {
    fn next_batch(&mut self) -> Batch {
        let mut batch = Batch::default();
        while !self.done && batch.lines.len() < BATCH {
            let mut buf = Vec::new();
            match self.reader.read_until(b'\n', &mut buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line_no += 1;
                    if buf.iter().any(|b| !b.is_ascii_whitespace()) {
                        batch.lines.push((self.line_no, buf));
                    }
                }
                Err(e) => {
                    batch.error = Some(format!(
                        "{}:{}: cannot read: {e}",
                        self.name,
                        self.line_no + 1
                    ));
                    self.done = true;
                }
            }
        }
        batch
    }
}

fn parse_page(
    bytes: &[u8],
    at: &str,
    source: &Source,
    reference: &Reference,
    note: &AtomicBool,
) -> Parsed {
    let page: Page = match serde_json::from_slice(bytes) {
        Ok(p) => p,
        Err(e) => {
            return Parsed::Rejected(format!(
                "{at}: expected a JSON object with a \"text\" string: {e}"
            ))
        }
    };
    let mut options = match reference.for_input(page.scraped_at.as_deref(), source.path(), note) {
        Ok(o) => o,
        Err(e) => return Parsed::Rejected(format!("{at}: {e}")),
    };
    if page.url.is_some() {
        options.url = page.url;
    }
    if page.source.is_some() {
        options.source = page.source;
    }
    render(parse_article(&page.text, &options), at)
}

/// Stdout, or `-o FILE` written through a temporary file renamed into place on success
/// (a device or pipe such as `/dev/null` is written in place).
struct Output {
    sink: copydesk::io::Encoder,
    target: Option<OutputFile>,
}

impl Output {
    fn open(path: Option<&Path>) -> anyhow::Result<Output> {
        let Some(path) = path else {
            let sink = copydesk::io::compress(
                Box::new(std::io::stdout()),
                copydesk::io::Compression::None,
            )?;
            return Ok(Output { sink, target: None });
        };
        // parse replaces an existing output, as shell redirection would.
        let (target, file) = OutputFile::create(path, true)?;
        let sink = copydesk::io::compress(Box::new(file), copydesk::io::Compression::of(path))?;
        Ok(Output {
            sink,
            target: Some(target),
        })
    }

    fn write_all(&mut self, bytes: &[u8]) -> anyhow::Result<()> {
        self.sink
            .write_all(bytes)
            .map_err(|e| anyhow::Error::new(e).context("cannot write the records"))
    }

    /// Flushes and moves the file into place; on failure the temporary file is removed.
    fn finish(self) -> anyhow::Result<()> {
        self.sink
            .finish()
            .map_err(|e| anyhow::Error::new(e).context("cannot write the records"))?;
        if let Some(target) = self.target {
            target.commit()?;
        }
        Ok(())
    }
}
