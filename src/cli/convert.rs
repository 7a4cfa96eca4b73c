//! `copydesk convert`: clap arguments -> `ConvertOptions`, stdin/stdout, the progress bar, the
//! summary on stderr and the exit code. The conversion itself is `copydesk::convert`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Context};
use clap::Args;
use copydesk::convert::dataset::{PartitionKey, Shard};
use copydesk::convert::{convert, ConvertOptions, ConvertReport, TextOptions};
use copydesk::extract::ExtractOptions;
use copydesk::io::write::csv::CsvWriteOptions;
use copydesk::io::write::parquet::{ParquetCompression, ParquetOptions};
use copydesk::io::write::{Destination, WriteOptions};
use copydesk::io::{expand_inputs, Compression, Format, Source};

use super::parse::{localise, Order};
use super::Outcome;

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  copydesk convert articles.jsonl -o articles.parquet
  copydesk convert scrape/ -o corpus.csv --list-separator '; ' --bom
  copydesk convert feed.csv -o feed.jsonl.zst --validate --rejects rejects.jsonl
  cat feed.jsonl | copydesk convert - --from jsonl -o - --to csv")]
pub struct ConvertArgs {
    /// Input files or folders (`-` for stdin with --from jsonl or csv).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output file (`-` for stdout, JSONL or CSV only). Its extension picks the format and
    /// .gz/.zst compression.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Input format: jsonl, json, csv, tsv, parquet (default: each input's extension).
    #[arg(long, value_parser = parse_format)]
    pub from: Option<Format>,
    /// Output format: jsonl, csv, tsv, parquet (default: the output's extension).
    #[arg(long, value_parser = parse_format)]
    pub to: Option<Format>,
    /// JSON Schema that types the columns (default: the bundled article schema).
    #[arg(long)]
    pub schema: Option<PathBuf>,
    /// Derive the columns from the whole input (one extra pass) instead of a schema.
    #[arg(long, conflicts_with = "schema")]
    pub infer: bool,
    /// Check every record against the schema; invalid ones are rejected.
    #[arg(long)]
    pub validate: bool,
    /// Write rejected records here (JSON Lines: file, line, record, pointer, rule, reason, raw).
    #[arg(long)]
    pub rejects: Option<PathBuf>,
    /// Replace an existing output (an input is never replaced).
    #[arg(long)]
    pub force: bool,
    /// CSV field delimiter (one character; `\t` for tab).
    #[arg(long)]
    pub delimiter: Option<String>,
    /// CSV text that means null, e.g. `\N` (default: an empty unquoted cell).
    #[arg(long = "null")]
    pub null_marker: Option<String>,
    /// Write and read CSV list cells as items joined with this (lossy), not as JSON text.
    #[arg(long)]
    pub list_separator: Option<String>,
    /// Start CSV output with a UTF-8 byte-order mark (for Excel).
    #[arg(long)]
    pub bom: bool,
    /// Prefix CSV cells starting with = + - @ with ' so spreadsheets do not run them.
    #[arg(long)]
    pub csv_safe: bool,
    /// Parquet compression: zstd, snappy, gzip, lz4, none.
    #[arg(long, default_value = "zstd", value_parser = parse_compression)]
    pub compression: ParquetCompression,
    /// Compression level (zstd 1-22, default 3; gzip 0-9, default 6).
    #[arg(long)]
    pub compression_level: Option<i32>,
    /// Rows per Parquet row group (groups also close at about 32 MiB of data, to bound memory).
    #[arg(long, default_value_t = 122_880)]
    pub row_group_size: usize,
    /// Loose text (.txt): reference instant for relative dates, RFC 3339 or `mtime` (each
    /// file's modification time), as in `copydesk parse`. Default: now, with a note.
    #[arg(long, value_name = "RFC3339|mtime")]
    pub scraped_at: Option<String>,
    /// Loose text (.txt): publication name for articles whose text does not state one.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Loose text (.txt): time zone for dates written without one (e.g. Europe/London);
    /// default: the offset of the reference instant.
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
    /// Loose text (.txt): how to read numeric dates like 04/03/2025.
    #[arg(long, value_enum, default_value_t = Order::Mdy)]
    pub date_order: Order,
    /// Write a folder of hive-style partitions (`source=X/`), by columns or a timestamp part:
    /// `source,language` or `date_published:year` (also :month, :day). -o names the folder. At
    /// most 64 files are open at once: with more partitions, one may get several files.
    #[arg(long, value_name = "COLUMNS")]
    pub partition_by: Option<String>,
    /// Start a new file after this many rows (-o names a folder).
    #[arg(long, value_name = "N")]
    pub max_rows_per_file: Option<u64>,
    /// Convert shard I of N: the inputs at positions I, I+N, ... by sorted path, written as
    /// part-I-of-N.<ext> with a part-I-of-N.manifest.json in the folder -o names.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<String>,
    /// Rows per batch inside the pipeline (for testing; default: whole chunks).
    #[arg(long, hide = true, default_value_t = 0)]
    pub batch_size: usize,
    /// Worker threads (default: one per core).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_name(s).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format {s:?}: expected one of {}", names.join(", "))
    })
}

fn parse_compression(s: &str) -> Result<ParquetCompression, String> {
    ParquetCompression::from_name(s)
        .ok_or_else(|| format!("unknown compression {s:?}: zstd, snappy, gzip, lz4 or none"))
}

fn parse_delimiter(s: &str) -> anyhow::Result<u8> {
    match s {
        "\\t" | "tab" => Ok(b'\t'),
        _ if s.len() == 1 && s.as_bytes()[0].is_ascii() && !matches!(s, "\"" | "\n" | "\r") => {
            Ok(s.as_bytes()[0])
        }
        _ => bail!(
            "--delimiter must be one ASCII character other than a quote or line break, got {s:?}"
        ),
    }
}

impl ConvertArgs {
    fn dataset(&self) -> bool {
        self.partition_by.is_some() || self.max_rows_per_file.is_some() || self.shard.is_some()
    }

    fn output_format(&self) -> anyhow::Result<Format> {
        if let Some(f) = self.to {
            return Ok(f);
        }
        if self.dataset() && Format::determine(&self.output).is_none() {
            // A folder of files: Parquet unless --to says otherwise.
            return Ok(Format::Parquet);
        }
        if self.output == Path::new("-") {
            bail!("writing to stdout: name the format with --to (jsonl or csv)");
        }
        Format::determine(&self.output).with_context(|| {
            format!(
                "{}: cannot tell the format from the file name; name it with --to",
                self.output.display()
            )
        })
    }

    /// How loose text is parsed: the reference instant as `copydesk parse` chooses it.
    fn text_options(&self) -> anyhow::Result<TextOptions> {
        let now = || {
            let ts = jiff::Timestamp::now();
            let secs = jiff::Timestamp::from_second(ts.as_second()).unwrap_or(ts);
            secs.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
        };
        let at = match self.scraped_at.as_deref() {
            Some("mtime") | None => now(),
            Some(text) => text.to_string(),
        };
        let mut extract =
            ExtractOptions::new(&at).map_err(|e| anyhow::anyhow!("--scraped-at: {e}"))?;
        extract.source = self.source.clone();
        let extract = localise(extract, self.tz.as_deref(), self.date_order)?;
        Ok(TextOptions {
            extract,
            mtime: self.scraped_at.as_deref() == Some("mtime"),
        })
    }

    fn options(&self) -> anyhow::Result<ConvertOptions> {
        let format = self.output_format()?;
        let delimiter = self.delimiter.as_deref().map(parse_delimiter).transpose()?;
        let compression = if self.output == Path::new("-") || self.dataset() {
            Compression::None
        } else {
            Compression::of(&self.output)
        };
        let write = WriteOptions {
            format,
            compression,
            csv: CsvWriteOptions {
                delimiter: delimiter.unwrap_or(if format == Format::Tsv { b'\t' } else { b',' }),
                null_marker: self.null_marker.clone(),
                list_separator: self.list_separator.clone(),
                csv_safe: self.csv_safe,
                bom: self.bom,
            },
            parquet: ParquetOptions {
                compression: self.compression,
                level: self.compression_level,
                row_group_rows: self.row_group_size.max(1),
                metadata: Vec::new(),
            },
            force: self.force,
        };
        let mut options = ConvertOptions::new(write);
        options.from = self.from;
        options.schema = self.schema.clone();
        options.infer = self.infer;
        options.validate = self.validate;
        options.read.delimiter = delimiter;
        options.read.null_marker = self.null_marker.clone();
        options.list_separator = self.list_separator.clone();
        options.rejects = self.rejects.clone();
        options.batch_rows = self.batch_size;
        options.threads = self.threads;
        if let Some(p) = &self.partition_by {
            options.partition_by = PartitionKey::parse_list(p)?;
        }
        options.max_rows_per_file = self.max_rows_per_file;
        options.text = Some(self.text_options()?);
        options.shard = self.shard.as_deref().map(Shard::parse).transpose()?;
        Ok(options)
    }
}

/// Lets glibc keep freed memory for reuse. Conversion allocates and frees large buffers
/// (chunks, Arrow arrays, pages) all the time; by default glibc maps them fresh and hands them
/// back, so every reuse page-faults anew (about a fifth of the CPU time measured).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn keep_freed_memory() {
    // SAFETY: mallopt only changes allocator tunables; it is called before any worker thread
    // exists, and a refused setting is harmless.
    unsafe {
        // 32 MiB is the largest threshold glibc accepts on 64-bit targets.
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 512 << 20);
        // Buffers are made on one thread and freed on another; with an arena per thread each
        // keeps its own high-water mark (JSONL -> CSV on 1 GB peaked at 133 MB with the default
        // arenas, 117 MB with two).
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn keep_freed_memory() {}

pub fn run(args: &ConvertArgs) -> anyhow::Result<Outcome> {
    keep_freed_memory();
    let mut options = args.options()?;
    let from = args.from;
    let inputs = expand_inputs(&args.inputs, &|p: &Path| match from {
        Some(f) => Format::determine(p) == Some(f),
        None => Format::determine(p).is_some(),
    })?;
    if inputs.is_empty() {
        bail!("no inputs found (folders are searched for .jsonl, .json, .csv, .tsv, .parquet and .txt files)");
    }
    let has_text = from == Some(Format::Text)
        || inputs
            .iter()
            .any(|s| s.path().and_then(Format::determine) == Some(Format::Text));
    if has_text && args.scraped_at.is_none() {
        if let Some(t) = &options.text {
            eprintln!(
                "note: no scrape time given (--scraped-at); relative dates are read against the current time {}",
                t.extract.scraped_at
            );
        }
    }
    let bar = progress_bar(args, &inputs);
    if let Some(bar) = &bar {
        let bar = bar.clone();
        options.progress = Some(Arc::new(move |bytes, _records| bar.set_position(bytes)));
    }
    let destination = if args.output == Path::new("-") {
        Destination::Stream(Box::new(std::io::stdout()))
    } else {
        Destination::File(args.output.clone())
    };
    let report = convert(&inputs, destination, &options)?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    summarise(args, &report);
    if report.failed_inputs.iter().any(|f| f.io) {
        // As ripgrep does: the other inputs were converted, but an unreadable one is an I/O
        // error (exit 2), not invalid data.
        bail!("some inputs could not be read (see above)");
    }
    Ok(if report.is_clean() {
        Outcome::Ok
    } else {
        Outcome::Invalid
    })
}

fn progress_bar(args: &ConvertArgs, inputs: &[Source]) -> Option<indicatif::ProgressBar> {
    if args.quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let total: u64 = inputs
        .iter()
        .filter_map(|s| s.path().and_then(|p| std::fs::metadata(p).ok()))
        .map(|m| m.len())
        .sum();
    // Stdin has no size to count down from: a spinner with the bytes done and the rate.
    let (bar, template) = if total == 0 {
        (
            indicatif::ProgressBar::new_spinner(),
            "{spinner} {bytes} {bytes_per_sec} {elapsed}",
        )
    } else {
        (
            indicatif::ProgressBar::new(total),
            "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
        )
    };
    bar.set_style(indicatif::ProgressStyle::with_template(template).ok()?);
    Some(bar)
}

fn summarise(args: &ConvertArgs, report: &ConvertReport) {
    for line in &report.reject_samples {
        eprintln!("copydesk: rejected: {line}");
    }
    let shown = report.reject_samples.len() as u64;
    let total_problems = report.rejected + report.failed_inputs.len() as u64;
    if total_problems > shown {
        eprintln!("copydesk: ... and {} more", total_problems - shown);
    }
    let out = match (&report.output.path, &report.manifest) {
        (Some(p), Some(m)) => format!(
            "{} ({} file{}, {} bytes; manifest {})",
            p.display(),
            report.files.len(),
            if report.files.len() == 1 { "" } else { "s" },
            report.output.bytes,
            m.display()
        ),
        (Some(p), None) => format!("{} ({} bytes)", p.display(), report.output.bytes),
        (None, _) => "stdout".into(),
    };
    let mut line = format!(
        "copydesk: convert: read {} records from {} input{}, wrote {} to {}, rejected {}",
        report.read,
        report.inputs,
        if report.inputs == 1 { "" } else { "s" },
        report.written,
        out,
        report.rejected
    );
    if !report.failed_inputs.is_empty() {
        line.push_str(&format!(
            "; {} input{} could not be read",
            report.failed_inputs.len(),
            if report.failed_inputs.len() == 1 {
                ""
            } else {
                "s"
            }
        ));
    }
    match (&args.rejects, total_problems) {
        (Some(p), n) if n > 0 => line.push_str(&format!(" (see {})", p.display())),
        (None, n) if n > 0 => line.push_str(" (keep them with --rejects PATH)"),
        _ => {}
    }
    eprintln!("{line}");
}
