//! `cargo xtask bench dates`: times `copydesk date --batch --with-reference` on 1,000,000
//! generated `REFERENCE<TAB>PHRASE` lines (a deterministic mix of the forms news pages print,
//! with references shared by runs of lines as in real scrapes), median of 3 runs, and Python's
//! dateparser on a sample of the same lines in the same run; prints phrases per second for both,
//! the ratio, and how often the two agree on the sample.
//!
//! Options: `--lines N` (default 1000000), `--sample N` (5000), `--runs N` (3). Data goes to
//! `$BENCH_DATA` or /tmp/bench-data.

use std::fmt::Write as _;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context, Result};

struct Options {
    lines: usize,
    sample: usize,
    runs: usize,
}

fn options(args: &[String]) -> Result<Options> {
    let mut o = Options {
        lines: 1_000_000,
        sample: 5000,
        runs: 3,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| -> Result<usize> {
            it.next()
                .and_then(|v| v.parse().ok())
                .with_context(|| format!("{name} expects a number"))
        };
        match a.as_str() {
            "--lines" => o.lines = value("--lines")?,
            "--sample" => o.sample = value("--sample")?,
            "--runs" => o.runs = value("--runs")?.max(1),
            other => bail!("unknown option {other:?} for bench dates (--lines, --sample, --runs)"),
        }
    }
    o.sample = o.sample.min(o.lines);
    Ok(o)
}

pub fn run(args: &[String]) -> Result<()> {
    let o = options(args)?;
    let dir = std::env::var_os("BENCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/bench-data"));
    fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let input = dir.join(format!("dates-{}.tsv", o.lines));
    generate(&input, o.lines)?;
    let sample = dir.join(format!("dates-sample-{}.tsv", o.sample));
    let text = fs::read_to_string(&input)?;
    let sample_text: String = text
        .lines()
        .take(o.sample)
        .flat_map(|l| [l, "\n"])
        .collect();
    fs::write(&sample, &sample_text)?;

    // The target directory may be shared with other checkouts building the same binary name:
    // run a private copy taken right after the build.
    let built = super::release_binary()?;
    let bin = dir.join("copydesk-bench");
    fs::copy(&built, &bin).with_context(|| format!("copying {}", built.display()))?;
    println!(
        "bench dates: {} lines ({} MB) in {}",
        o.lines,
        text.len() / 1_000_000,
        input.display()
    );

    // copydesk, whole process, median of the runs.
    let out_path = dir.join("dates-out.tsv");
    // The machine is shared: print the load, and the CPU time the process used (from
    // /usr/bin/time when it is there), which contention does not inflate.
    let load = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "  load average before the runs: {}",
        load.split(' ').take(3).collect::<Vec<_>>().join(" ")
    );
    let time_tool = Path::new("/usr/bin/time");
    let cpu_path = dir.join("dates-cpu.txt");
    let mut secs = Vec::new();
    let mut cpu = Vec::new();
    for run in 0..o.runs {
        let mut cmd = if time_tool.exists() {
            let mut c = Command::new(time_tool);
            c.args(["-f", "%U %S", "-o"]).arg(&cpu_path).arg(&bin);
            c
        } else {
            Command::new(&bin)
        };
        let started = Instant::now();
        let status = cmd
            .args(["date", "--batch", "--with-reference"])
            .stdin(fs::File::open(&input)?)
            .stdout(fs::File::create(&out_path)?)
            .stderr(Stdio::null())
            .status()
            .context("running copydesk")?;
        let t = started.elapsed().as_secs_f64();
        if !matches!(status.code(), Some(0 | 1)) {
            bail!("copydesk date --batch failed with {status}");
        }
        let used: Option<f64> = time_tool.exists().then(|| {
            // Only the last line: GNU time writes "Command exited with non-zero status 1"
            // above it when some phrases were refused, and that 1 is not CPU time.
            fs::read_to_string(&cpu_path)
                .unwrap_or_default()
                .lines()
                .last()
                .unwrap_or_default()
                .split_whitespace()
                .filter_map(|v| v.parse::<f64>().ok())
                .sum()
        });
        match used {
            Some(c) => println!(
                "  copydesk run {}: {:.3} s wall, {:.3} s CPU (user+sys)",
                run + 1,
                t,
                c
            ),
            None => println!("  copydesk run {}: {:.3} s wall", run + 1, t),
        }
        secs.push(t);
        cpu.extend(used);
    }
    cpu.sort_by(f64::total_cmp);
    secs.sort_by(f64::total_cmp);
    let median = secs[secs.len() / 2];
    let output = fs::read_to_string(&out_path)?;
    let out_lines = output.lines().count();
    if out_lines != o.lines {
        bail!(
            "copydesk wrote {out_lines} lines for {} input lines",
            o.lines
        );
    }
    let refused = output.lines().filter(|l| l.starts_with('\t')).count();
    let copydesk_rate = o.lines as f64 / median;

    // copydesk's answers on the sample, to compare with dateparser.
    let sample_out = Command::new(&bin)
        .args(["date", "--batch", "--with-reference"])
        .stdin(fs::File::open(&sample)?)
        .stderr(Stdio::null())
        .output()?;
    let ours: Vec<String> = String::from_utf8_lossy(&sample_out.stdout)
        .lines()
        .map(|l| l.split('\t').next().unwrap_or("").to_string())
        .collect();

    println!(
        "copydesk date --batch --with-reference: median {median:.3} s wall, {copydesk_rate:.0} phrases/s ({refused} refused)"
    );
    if let Some(c) = cpu.get(cpu.len() / 2) {
        println!(
            "  median CPU time {c:.3} s: {:.0} phrases per CPU-second",
            o.lines as f64 / c
        );
    }

    match dateparser(&dir, &sample, o.sample)? {
        Some((dp_secs, theirs)) => {
            let dp_rate = o.sample as f64 / dp_secs;
            let agree = ours.iter().zip(&theirs).filter(|(a, b)| a == b).count();
            let both_resolved = ours
                .iter()
                .zip(&theirs)
                .filter(|(a, b)| !a.is_empty() && !b.is_empty())
                .count();
            let only_ours = ours
                .iter()
                .zip(&theirs)
                .filter(|(a, b)| !a.is_empty() && b.is_empty())
                .count();
            let only_theirs = ours
                .iter()
                .zip(&theirs)
                .filter(|(a, b)| a.is_empty() && !b.is_empty())
                .count();
            println!(
                "dateparser {} (parse loop only, {} lines): {dp_secs:.2} s, {dp_rate:.0} phrases/s",
                dateparser_version(),
                o.sample
            );
            println!(
                "ratio copydesk / dateparser: {:.0}x",
                copydesk_rate / dp_rate
            );
            println!(
                "agreement on the sample: {agree}/{} same answer ({:.1}%); both resolved {both_resolved}, only copydesk {only_ours}, only dateparser {only_theirs}",
                o.sample,
                100.0 * agree as f64 / o.sample as f64
            );
            let shown: Vec<_> = text
                .lines()
                .zip(ours.iter().zip(&theirs))
                .filter(|(_, (a, b))| a != b)
                .take(8)
                .collect();
            if !shown.is_empty() {
                println!("some disagreements (reference, phrase: copydesk | dateparser):");
                for (line, (a, b)) in shown {
                    println!("  {line}: {} | {}", or_dash(a), or_dash(b));
                }
            }
        }
        None => println!("dateparser: not available (pip install dateparser), skipped"),
    }
    Ok(())
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "-"
    } else {
        s
    }
}

fn dateparser_version() -> String {
    Command::new("python3")
        .args(["-c", "import dateparser; print(dateparser.__version__)"])
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

/// Python's dateparser on the sample: (seconds for the parse loop, one instant or "" per line).
fn dateparser(dir: &Path, sample: &Path, n: usize) -> Result<Option<(f64, Vec<String>)>> {
    let ok = Command::new("python3")
        .args(["-c", "import dateparser"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        let _ = Command::new("python3")
            .args(["-m", "pip", "install", "-q", "dateparser"])
            .status();
    }
    let script = dir.join("dateparser_bench.py");
    fs::write(&script, DATEPARSER_SCRIPT)?;
    let results = dir.join("dateparser-out.txt");
    let out = Command::new("python3")
        .arg(&script)
        .arg(sample)
        .arg(&results)
        .output();
    let Ok(out) = out else {
        return Ok(None);
    };
    if !out.status.success() {
        println!(
            "dateparser failed: {}",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("")
        );
        return Ok(None);
    }
    let secs: f64 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .context("dateparser script output")?;
    let answers: Vec<String> = fs::read_to_string(&results)?
        .lines()
        .map(str::to_string)
        .collect();
    if answers.len() != n {
        bail!("dateparser wrote {} answers for {n} lines", answers.len());
    }
    Ok(Some((secs, answers)))
}

/// Each line's reference becomes dateparser's RELATIVE_BASE (its wall clock) and TIMEZONE (its
/// offset); answers go to UTC, preferring the past, like copydesk's conventions.
const DATEPARSER_SCRIPT: &str = r#"
import sys, time, datetime as dt
import dateparser
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
jobs = []
for line in lines:
    ref, _, phrase = line.partition("\t")
    r = dt.datetime.fromisoformat(ref.replace("Z", "+00:00"))
    off = r.utcoffset()
    mins = int(off.total_seconds() // 60)
    sign = "+" if mins >= 0 else "-"
    tz = "%s%02d%02d" % (sign, abs(mins) // 60, abs(mins) % 60)
    jobs.append((phrase, r.replace(tzinfo=None), tz))
out = []
start = time.perf_counter()
for phrase, base, tz in jobs:
    try:
        d = dateparser.parse(phrase, settings={"RELATIVE_BASE": base, "TIMEZONE": tz, "TO_TIMEZONE": "UTC",
                                               "RETURN_AS_TIMEZONE_AWARE": True, "PREFER_DATES_FROM": "past"})
    except Exception:
        d = None
    out.append(d)
elapsed = time.perf_counter() - start
with open(sys.argv[2], "w") as f:
    for d in out:
        f.write((d.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if d else "") + "\n")
print(elapsed)
"#;

/// A small deterministic generator (64-bit LCG), so every run benchmarks the same lines.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MON: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Writes `n` lines of `REFERENCE<TAB>PHRASE` unless the file is already there.
fn generate(path: &Path, n: usize) -> Result<()> {
    if fs::metadata(path).is_ok_and(|m| m.len() > 0) {
        return Ok(());
    }
    let mut rng = Lcg(0x5eed_da7e);
    let offsets = [
        "Z", "Z", "Z", "+01:00", "-05:00", "-04:00", "+05:30", "+02:00", "-08:00",
    ];
    let references: Vec<String> = (0..200)
        .map(|k| {
            let day = 1 + k % 28;
            let month = 1 + (k / 28) % 12;
            let year = 2025 + (k % 2);
            let off = offsets[k % offsets.len()];
            format!(
                "{year}-{month:02}-{day:02}T{:02}:{:02}:{:02}{off}",
                (k * 7) % 24,
                (k * 13) % 60,
                (k * 17) % 60
            )
        })
        .collect();
    let tmp = path.with_extension("tmp");
    let mut w = BufWriter::new(fs::File::create(&tmp)?);
    let mut reference = 0;
    let mut line = String::with_capacity(128);
    for _ in 0..n {
        if rng.below(40) == 0 {
            reference = rng.below(references.len());
        }
        line.clear();
        line.push_str(&references[reference]);
        line.push('\t');
        phrase(&mut rng, &mut line);
        line.push('\n');
        w.write_all(line.as_bytes())?;
    }
    w.flush()?;
    drop(w);
    fs::rename(&tmp, path)?;
    Ok(())
}

fn phrase(rng: &mut Lcg, s: &mut String) {
    let m = rng.below(12);
    let d = 1 + rng.below(28);
    let y = 2023 + rng.below(3);
    let h = rng.below(24);
    let h12 = 1 + rng.below(12);
    let mi = rng.below(60);
    let n = 1 + rng.below(23);
    let units = ["minute", "hour", "day", "week", "month", "year"];
    let u = rng.pick(&units);
    let plural = if n == 1 { "" } else { "s" };
    let ampm = rng.pick(&["AM", "PM", "a.m.", "p.m."]);
    let zone = rng.pick(&["EST", "ET", "PT", "GMT", "BST", "UTC", "CET", "IST"]);
    let _ = match rng.below(40) {
        0..=5 => write!(s, "{n} {u}{plural} ago"),
        6 => write!(s, "Published {n} hour{plural} ago"),
        7 => write!(s, "Updated {n} min ago"),
        8 => write!(
            s,
            "{}",
            rng.pick(&[
                "an hour ago",
                "a day ago",
                "about 3 hours ago",
                "a few minutes ago",
                "just now"
            ])
        ),
        9..=10 => write!(s, "{n}{}", rng.pick(&["h", "d", "m", "w", "mo", "y"])),
        11 => write!(s, "{n}h ago"),
        12 => write!(s, "CBS News · {n}h"),
        13 => write!(s, "Yesterday at {h:02}:{mi:02}"),
        14 => write!(
            s,
            "{}",
            rng.pick(&["yesterday", "today", "last week", "Monday", "this morning"])
        ),
        15..=17 => write!(s, "{} {d}, {y}", MONTHS[m]),
        18 => write!(s, "{d} {} {y}", MONTHS[m]),
        19..=20 => write!(s, "{} {d}, {y} {h12}:{mi:02} {ampm} {zone}", MON[m]),
        21 => write!(
            s,
            "Updated: {} {d}, {y} {h12}:{mi:02} {ampm} {zone}",
            MONTHS[m]
        ),
        22 => write!(
            s,
            "{} {d} {} {y} {h:02}.{mi:02} GMT",
            WEEKDAYS[rng.below(7)],
            MON[m]
        ),
        23 => write!(s, "{}. {d}, {y}, {h12}:{mi:02} p.m. ET", MON[m]),
        24 => write!(
            s,
            "{} {d}, {y} / {h12}:{mi:02} {ampm} EST / CBS News",
            MONTHS[m]
        ),
        25 => write!(s, "{y}-{:02}-{d:02}T{h:02}:{mi:02}:00Z", m + 1),
        26 => write!(s, "{y}-{:02}-{d:02} {h:02}:{mi:02}", m + 1),
        27 => write!(s, "{:02}/{d:02}/{y}", m + 1),
        28 => write!(s, "{y}-{:02}-{d:02}T{h:02}:{mi:02}:00+01:00", m + 1),
        29 => write!(s, "il y a {n} heures"),
        30 => write!(s, "hace {n} días"),
        31 => write!(s, "vor {n} Stunden"),
        32 => write!(s, "há {n} dias"),
        33 => write!(s, "{n} ore fa"),
        34 => write!(
            s,
            "{d}. {} {y}",
            [
                "Januar",
                "Februar",
                "März",
                "April",
                "Mai",
                "Juni",
                "Juli",
                "August",
                "September",
                "Oktober",
                "November",
                "Dezember"
            ][m]
        ),
        35 => write!(
            s,
            "{d} de {} de {y}",
            [
                "enero",
                "febrero",
                "marzo",
                "abril",
                "mayo",
                "junio",
                "julio",
                "agosto",
                "septiembre",
                "octubre",
                "noviembre",
                "diciembre"
            ][m]
        ),
        36 => write!(
            s,
            "le {d} {} {y} à {h}h{mi:02}",
            [
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre"
            ][m]
        ),
        37 => write!(s, "{n} days ago | Updated {} hours ago", 1 + rng.below(5)),
        38 => write!(s, "By Jane Doe | {} {d}, {y}", MONTHS[m]),
        _ => write!(
            s,
            "{}",
            rng.pick(&[
                "News",
                "2 min read",
                "tomorrow",
                "60 Minutes",
                "recently",
                "Monday Night Football"
            ])
        ),
    };
}
