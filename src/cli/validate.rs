//! `copydesk validate`: maps flags and the environment (terminal, `NO_COLOR`, GitHub Actions
//! variables) to `validate::Options`, a rule set, renderers and outputs, runs the engine and
//! picks the exit code. The checking and rendering themselves live in `copydesk::validate`.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};

use copydesk::io::read::ReadOptions;
use copydesk::io::write::OutputFile;
use copydesk::io::{self as cio, Format, Source};
use copydesk::schema::Schema;
use copydesk::validate::render::{self, RenderOptions, ReportFormat};
use copydesk::validate::{
    Capped, Input, Options, Rule, RuleSet, Severity, Splitter, Summary, Tee, Validator,
};

use super::Outcome;

/// Boxed so the subcommand enum stays small (clippy::large_enum_variant).
#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    flags: Box<Flags>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 no errors (warnings allowed), 1 invalid records or \
malformed lines (or warnings with --strict), 2 could not run (bad flags, schema missing or \
invalid, unreadable input)."
)]
struct Flags {
    /// Files or directories to check (`-` for stdin). Directories are searched for .jsonl,
    /// .ndjson, .json, .csv, .tsv and .parquet files, compressed with .gz/.zst or not.
    #[arg(value_name = "INPUT", required_unless_present = "list_rules")]
    inputs: Vec<PathBuf>,

    /// JSON Schema to check against (draft 4 to 2020-12; local $refs resolve relative to it).
    /// Default: the bundled Article schema, which also turns on the quality rules.
    #[arg(long, value_name = "FILE")]
    schema: Option<PathBuf>,

    /// Input format, for stdin or files whose extension does not say.
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    from: Option<Format>,

    /// Report format. Default: github under GitHub Actions, human on a terminal, else concise.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,

    /// Also write a report in another format to a file, e.g. `--report junit=report.xml`
    /// (repeatable).
    #[arg(long, value_name = "FORMAT=PATH", value_parser = parse_report)]
    report: Vec<(ReportFormat, PathBuf)>,

    /// Print at most N violations (all are still counted).
    #[arg(long, value_name = "N")]
    max_errors: Option<u64>,

    /// github format: at most N error and N warning annotations, then one line with the rest.
    #[arg(long, value_name = "N", default_value_t = 10)]
    annotations_limit: u64,

    /// Write the records that passed here (.gz/.zst compress).
    #[arg(long, value_name = "PATH")]
    valid_out: Option<PathBuf>,

    /// Write the records that failed here, byte for byte as read (unparsable lines too).
    #[arg(long, value_name = "PATH")]
    invalid_out: Option<PathBuf>,

    /// With --invalid-out, write {"_source": {...}, "_errors": [...], "record": ...} instead.
    #[arg(long, requires = "invalid_out")]
    annotate: bool,

    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    strict: bool,

    /// Tolerate up to N invalid records, or N% of them, before exiting 1.
    #[arg(long, value_name = "N|N%", value_parser = parse_max_invalid)]
    max_invalid: Option<MaxInvalid>,

    /// Worker threads (0 = one per core).
    #[arg(long, value_name = "N", default_value_t = 0)]
    threads: usize,

    /// JSONL chunk size in bytes handed to a worker (tests use tiny chunks to cross boundaries).
    #[arg(long, value_name = "BYTES", hide = true)]
    chunk_size: Option<usize>,

    /// Print the quality rules with their ids and default severities, and exit.
    #[arg(long)]
    list_rules: bool,

    /// Run the quality rules even with --schema.
    #[arg(long, conflicts_with = "no_rules")]
    rules: bool,

    /// Do not run the quality rules.
    #[arg(long)]
    no_rules: bool,

    /// Make rules errors (comma-separated ids, or `all`; repeatable).
    #[arg(long, value_name = "RULE")]
    deny: Vec<String>,

    /// Make rules warnings.
    #[arg(long, value_name = "RULE")]
    warn: Vec<String>,

    /// Turn rules off.
    #[arg(long, value_name = "RULE")]
    allow: Vec<String>,

    /// short-body: the fewest words a body may have.
    #[arg(long, value_name = "N", default_value_t = 40)]
    min_body_words: u64,

    /// CSV/TSV: a cell text that means null (e.g. `\N`), besides the empty unquoted cell.
    #[arg(long, value_name = "TEXT")]
    null_marker: Option<String>,

    /// Colour in the human format.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,

    /// Print no report, only the `records=N valid=N invalid=N ...` summary line, on stdout
    /// (reports asked for with --report are still written). Without it the line goes to stderr.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Concise,
    Json,
    Jsonl,
    Github,
    Junit,
}

impl From<FormatArg> for ReportFormat {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Human => ReportFormat::Human,
            FormatArg::Concise => ReportFormat::Concise,
            FormatArg::Json => ReportFormat::Json,
            FormatArg::Jsonl => ReportFormat::Jsonl,
            FormatArg::Github => ReportFormat::Github,
            FormatArg::Junit => ReportFormat::Junit,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum MaxInvalid {
    Count(u64),
    Percent(f64),
}

impl MaxInvalid {
    fn tolerates(self, s: &Summary) -> bool {
        match self {
            MaxInvalid::Count(n) => s.invalid <= n,
            MaxInvalid::Percent(p) => {
                s.records == 0 || (s.invalid as f64) * 100.0 <= p * s.records as f64
            }
        }
    }
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_name(s)
        .filter(|f| *f != Format::Text)
        .ok_or_else(|| format!("unknown format {s:?}: expected jsonl, json, csv, tsv or parquet"))
}

fn parse_report(s: &str) -> Result<(ReportFormat, PathBuf), String> {
    let (f, p) = s
        .split_once('=')
        .ok_or_else(|| format!("expected FORMAT=PATH, found {s:?}"))?;
    let format = ReportFormat::from_name(f).ok_or_else(|| {
        format!(
            "unknown report format {f:?}: expected human, concise, json, jsonl, github or junit"
        )
    })?;
    if p.is_empty() {
        return Err(format!("expected a path after {f}="));
    }
    Ok((format, PathBuf::from(p)))
}

fn parse_max_invalid(s: &str) -> Result<MaxInvalid, String> {
    let bad = || format!("expected a count like 10 or a percentage like 0.5%, found {s:?}");
    if let Some(p) = s.strip_suffix('%') {
        let p: f64 = p.trim().parse().map_err(|_| bad())?;
        if !(0.0..=100.0).contains(&p) {
            return Err(bad());
        }
        Ok(MaxInvalid::Percent(p))
    } else {
        s.trim().parse().map(MaxInvalid::Count).map_err(|_| bad())
    }
}

pub fn run(args: &ValidateArgs) -> anyhow::Result<Outcome> {
    let args = &*args.flags;
    if args.list_rules {
        print_rules()?;
        return Ok(Outcome::Ok);
    }
    let schema = Schema::load(args.schema.as_deref())?;
    let rules = rule_set(args, schema.is_article)?;
    let inputs = inputs(args)?;

    let env = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    let stdout_tty = io::stdout().is_terminal();
    let format: ReportFormat = match args.format {
        Some(f) => f.into(),
        None if env("GITHUB_ACTIONS").is_some() && env("GITHUB_WORKFLOW").is_some() => {
            ReportFormat::Github
        }
        None if stdout_tty => ReportFormat::Human,
        None => ReportFormat::Concise,
    };
    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => stdout_tty && env("NO_COLOR").is_none(),
    };
    let step_summary: Option<Box<dyn Write>> = match env("GITHUB_STEP_SUMMARY") {
        Some(path) if format == ReportFormat::Github => {
            let f = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .with_context(|| {
                    format!("{}: cannot open the step summary", path.to_string_lossy())
                })?;
            Some(Box::new(BufWriter::new(f)))
        }
        _ => None,
    };

    check_outputs(args, &inputs)?;
    let mut valid_out = args.valid_out.as_deref().map(Output::create).transpose()?;
    let mut invalid_out = args
        .invalid_out
        .as_deref()
        .map(Output::create)
        .transpose()?;

    let mut tee = Tee::default();
    if !args.quiet {
        let main = render::renderer(
            format,
            Box::new(BufWriter::with_capacity(64 * 1024, io::stdout().lock())),
            RenderOptions {
                color,
                annotations_limit: args.annotations_limit,
                step_summary,
            },
        );
        tee.sinks.push(Box::new(Capped::new(main, args.max_errors)));
    }
    for (f, path) in &args.report {
        let file = File::create(path)
            .with_context(|| format!("{}: cannot create the report", path.display()))?;
        tee.sinks.push(render::renderer(
            *f,
            Box::new(BufWriter::new(file)),
            RenderOptions {
                color: false,
                annotations_limit: args.annotations_limit,
                step_summary: None,
            },
        ));
    }
    if valid_out.is_some() || invalid_out.is_some() {
        tee.sinks.push(Box::new(Splitter {
            valid: valid_out.as_mut().map(|o| &mut o.encoder as &mut dyn Write),
            invalid: invalid_out
                .as_mut()
                .map(|o| &mut o.encoder as &mut dyn Write),
            annotate: args.annotate,
        }));
    }

    let options = Options {
        threads: args.threads,
        read: ReadOptions {
            null_marker: args.null_marker.clone(),
            ..ReadOptions::default()
        },
        rules,
        chunk_size: args
            .chunk_size
            .unwrap_or(copydesk::io::read::jsonl::CHUNK_SIZE),
    };
    let summary = Validator::new(&schema, options).run(&inputs, &mut tee)?;
    drop(tee);
    for out in [valid_out, invalid_out].into_iter().flatten() {
        out.finish()?;
    }
    if args.quiet {
        println!("{}", summary.line());
    } else {
        eprintln!("copydesk validate: {}", summary.line());
    }
    if summary.files_failed > 0 {
        bail!(
            "{} of {} inputs could not be read (see the report)",
            summary.files_failed,
            summary.files
        );
    }
    let too_many_invalid = match args.max_invalid {
        Some(m) => !m.tolerates(&summary),
        None => summary.invalid > 0,
    };
    if too_many_invalid || (args.strict && summary.warnings > 0) {
        Ok(Outcome::Invalid)
    } else {
        Ok(Outcome::Ok)
    }
}

/// The rules to run: all at their defaults with the bundled schema (or `--rules`), none with
/// another schema, then `--deny`, `--warn` and `--allow` in that order.
fn rule_set(args: &Flags, is_article: bool) -> anyhow::Result<RuleSet> {
    let mut rules = if (is_article || args.rules) && !args.no_rules {
        RuleSet::default()
    } else {
        RuleSet::none()
    };
    rules.min_body_words = args.min_body_words;
    let lists = [
        (&args.deny, Some(Severity::Error)),
        (&args.warn, Some(Severity::Warning)),
        (&args.allow, None),
    ];
    for (ids, severity) in lists {
        for id in ids.iter().flat_map(|s| s.split(',')).map(str::trim) {
            if id == "all" {
                Rule::ALL.into_iter().for_each(|r| rules.set(r, severity));
                continue;
            }
            let rule = Rule::from_id(id).with_context(|| {
                format!("unknown rule {id:?}: `copydesk validate --list-rules` lists them")
            })?;
            rules.set(rule, severity);
        }
    }
    Ok(rules)
}

fn inputs(args: &Flags) -> anyhow::Result<Vec<Input>> {
    let readable = |p: &Path| {
        matches!(
            Format::determine(p),
            Some(Format::Jsonl | Format::Json | Format::Csv | Format::Tsv | Format::Parquet)
        )
    };
    let sources = cio::expand_inputs(&args.inputs, &readable)?;
    let mut out = Vec::with_capacity(sources.len());
    for source in sources {
        let format = match (&source, args.from) {
            (_, Some(f)) => f,
            (Source::Stdin, None) => Format::Jsonl,
            (Source::File(p), None) => match Format::determine(p) {
                Some(Format::Text) | None => bail!(
                    "{}: cannot tell the format from the file name; name it with --from",
                    p.display()
                ),
                Some(f) => f,
            },
        };
        out.push(Input { source, format });
    }
    Ok(out)
}

/// Refuses `--valid-out`/`--invalid-out` paths that are an input or each other: an input is
/// never replaced, and the two halves of the split never mix.
fn check_outputs(args: &Flags, inputs: &[Input]) -> anyhow::Result<()> {
    let same = |a: &Path, b: &Path| match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    let outs = [args.valid_out.as_deref(), args.invalid_out.as_deref()];
    for out in outs.iter().flatten() {
        for input in inputs {
            if input.source.path().is_some_and(|p| same(p, out)) {
                bail!(
                    "{}: is an input; write the split somewhere else",
                    out.display()
                );
            }
        }
    }
    if let [Some(v), Some(i)] = outs {
        if same(v, i) {
            bail!(
                "--valid-out and --invalid-out name the same file {}",
                v.display()
            );
        }
    }
    Ok(())
}

fn print_rules() -> io::Result<()> {
    let mut out = io::stdout().lock();
    writeln!(out, "{:<22} {:<8} description", "rule", "default")?;
    for r in Rule::ALL {
        writeln!(
            out,
            "{:<22} {:<8} {}",
            r.id(),
            r.default_severity().as_str(),
            r.description()
        )?;
    }
    writeln!(
        out,
        "\nOn with the bundled schema (or --rules); change with --deny/--warn/--allow RULE."
    )
}

/// A `--valid-out`/`--invalid-out` file: written to a temporary name next to it, compressed
/// by extension, and renamed into place once complete (a device or pipe is written in place).
struct Output {
    encoder: cio::Encoder,
    file: OutputFile,
}

impl Output {
    fn create(path: &Path) -> anyhow::Result<Output> {
        let (file, raw) = OutputFile::create(path, true)?;
        let encoder = cio::compress(Box::new(raw), cio::Compression::of(path))
            .with_context(|| format!("{}: cannot create", path.display()))?;
        Ok(Output { encoder, file })
    }

    fn finish(self) -> anyhow::Result<()> {
        let path = self.file.path().to_path_buf();
        self.encoder
            .finish()
            .with_context(|| format!("{}: cannot write", path.display()))?;
        self.file.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_invalid_takes_counts_and_percentages() {
        let s = Summary {
            records: 1000,
            invalid: 10,
            ..Summary::default()
        };
        assert!(parse_max_invalid("10").unwrap().tolerates(&s));
        assert!(!parse_max_invalid("9").unwrap().tolerates(&s));
        assert!(parse_max_invalid("1%").unwrap().tolerates(&s));
        assert!(!parse_max_invalid("0.5%").unwrap().tolerates(&s));
        assert!(parse_max_invalid("x").is_err());
        assert!(parse_max_invalid("101%").is_err());
    }

    #[test]
    fn report_flags_name_a_format_and_a_path() {
        assert_eq!(
            parse_report("junit=out/r.xml").unwrap(),
            (ReportFormat::Junit, PathBuf::from("out/r.xml"))
        );
        assert!(parse_report("xml=r.xml").is_err());
        assert!(parse_report("junit").is_err());
    }
}
