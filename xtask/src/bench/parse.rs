//! `cargo xtask bench parse [MB]`: builds a corpus of loose-text articles (the parse fixtures,
//! replicated with small variations into one JSONL file of about MB megabytes, default 100),
//! then times `copydesk parse --from jsonl` on one thread and on all cores and reports MB/s of
//! article text per core. The target is at least 50 MB/s per core.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{bail, Context, Result};

pub fn run(args: &[String]) -> Result<()> {
    let megabytes: usize = match args.first() {
        Some(a) => a
            .parse()
            .with_context(|| format!("expected a corpus size in MB, found {a:?}"))?,
        None => 100,
    };
    let binary = super::release_binary()?;
    let dir = std::env::temp_dir().join("copydesk-bench-parse");
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let corpus = dir.join("corpus.jsonl");
    let (n_articles, text_bytes) = build_corpus(&corpus, megabytes << 20)?;
    let mb = text_bytes as f64 / (1 << 20) as f64;
    println!(
        "corpus: {n_articles} articles, {mb:.1} MB of text, {:.1} KB per article on average ({})",
        text_bytes as f64 / n_articles as f64 / 1024.0,
        corpus.display()
    );
    // Figures on a shared machine depend on what else runs: say how busy it was.
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        let one_minute = load.split_whitespace().next().unwrap_or("?");
        println!("load average before the runs: {one_minute}");
    }

    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut single = 0.0;
    for threads in [1, cores] {
        let run = time_parse(&binary, &corpus, threads)?;
        let secs = run.wall;
        if threads == 1 {
            single = mb / secs;
        }
        println!(
            "copydesk parse --threads {threads}: {secs:.2} s wall, {:.1} MB/s, {:.1} MB/s per thread, {:.0} articles/s",
            mb / secs,
            mb / secs / threads as f64,
            n_articles as f64 / secs
        );
        // CPU time is what a core spends, whatever else the machine runs.
        if let Some(cpu) = run.cpu {
            println!(
                "  {cpu:.2} s of CPU: {:.1} MB per CPU-second (MB/s per core)",
                mb / cpu
            );
        }
        if threads > 1 && single > 0.0 {
            println!(
                "  speed-up over one thread: {:.2}x on {threads} threads",
                (mb / secs) / single
            );
        }
    }
    println!("target: >= 50 MB/s per core");
    std::fs::remove_file(&corpus).ok();
    Ok(())
}

/// Runs the parser over the corpus, output discarded, and returns the wall time.
/// Wall time of one run, and the CPU time (user + system) it used where the OS says.
struct Run {
    wall: f64,
    cpu: Option<f64>,
}

/// Runs the parser over the corpus, output discarded.
fn time_parse(binary: &Path, corpus: &Path, threads: usize) -> Result<Run> {
    let cpu_before = children_cpu_seconds();
    let start = Instant::now();
    let out = Command::new(binary)
        .args([
            "parse",
            "--from",
            "jsonl",
            "--scraped-at",
            "2026-11-26T02:20:00Z",
        ])
        .args(["--threads", &threads.to_string()])
        .arg(corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .with_context(|| format!("cannot run {}", binary.display()))?;
    let wall = start.elapsed().as_secs_f64();
    let cpu = match (cpu_before, children_cpu_seconds()) {
        (Some(a), Some(b)) if b > a => Some(b - a),
        _ => None,
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        bail!("copydesk parse failed ({}): {stderr}", out.status);
    }
    println!("  {}", stderr.trim());
    Ok(Run { wall, cpu })
}

/// User + system time of finished children, from /proc/self/stat (Linux; clock ticks of
/// 1/100 s, the kernel's USER_HZ). `None` elsewhere.
fn children_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // cutime and cstime are fields 16 and 17 of the full line, 14 and 15 here (0-based 13, 14).
    let cutime: f64 = fields.get(13)?.parse().ok()?;
    let cstime: f64 = fields.get(14)?.parse().ok()?;
    Some((cutime + cstime) / 100.0)
}

/// Writes JSONL pages until `target` bytes of article text; returns (articles, text bytes).
fn build_corpus(path: &PathBuf, target: usize) -> Result<(usize, usize)> {
    let root = crate::project_root().join("fixtures/parse");
    let mut seeds: Vec<String> = Vec::new();
    for entry in
        std::fs::read_dir(&root).with_context(|| format!("cannot read {}", root.display()))?
    {
        let input = entry?.path().join("input.txt");
        if let Ok(bytes) = std::fs::read(&input) {
            seeds.push(String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    seeds.sort();
    if seeds.is_empty() {
        bail!("no fixtures under {}", root.display());
    }
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    let (mut n, mut bytes) = (0usize, 0usize);
    while bytes < target {
        let seed = &seeds[n % seeds.len()];
        let text = vary(seed, n);
        bytes += text.len();
        writeln!(
            out,
            "{{\"text\":{},\"url\":\"https://news.example/{n}\"}}",
            json_string(&text)
        )?;
        n += 1;
    }
    out.flush()?;
    Ok((n, bytes))
}

/// A variation of a fixture: a word added to the title, and the body grown with its own
/// paragraphs (each marked) to a length between 2.5 and 6.5 KB, since news articles are
/// typically 500-1,000 words while the fixtures are kept short; now and then an advertisement
/// line goes in between.
fn vary(seed: &str, n: usize) -> String {
    // Words, not numbers: a number could turn a headline such as "One Year Ago" into a date.
    const WORDS: &[&str] = &["Again", "Today", "Here", "Now", "Too", "Anew", "Still"];
    let mut lines: Vec<String> = seed.lines().map(str::to_string).collect();
    if let Some(first) = lines.iter_mut().find(|l| !l.trim().is_empty()) {
        first.push(' ');
        first.push_str(WORDS[n % WORDS.len()]);
    }
    let paragraphs: Vec<String> = lines
        .iter()
        .filter(|l| l.split_whitespace().count() > 12)
        .cloned()
        .collect();
    let target = 2500 + (n * 7919) % 4000;
    let mut text = lines.join("\n");
    let mut i = 0;
    while text.len() < target && !paragraphs.is_empty() {
        if n.is_multiple_of(5) && i % 4 == 3 {
            text.push_str("\nAdvertisement");
        }
        text.push('\n');
        text.push_str(&paragraphs[i % paragraphs.len()]);
        text.push_str(&format!(" ({i})"));
        i += 1;
    }
    text
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
