//! Input and output: the `Format` and `Compression` enums, and opening files, directories and
//! stdin/stdout with transparent gzip/zstd. This is the only place that maps file names to
//! formats; per-format readers and writers live in their own files next to this one.
//! It does not own what records mean (`article`, `validate`) or how they are converted.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

pub mod read;
mod utf16;
pub mod write;

/// A record format copydesk reads or writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JSON Lines / NDJSON: one JSON value per line.
    Jsonl,
    /// One JSON document: an object or an array of objects.
    Json,
    /// Comma-separated values with a header row.
    Csv,
    /// Tab-separated values with a header row.
    Tsv,
    /// Apache Parquet.
    Parquet,
    /// Loose article text, parsed by `extract`.
    Text,
}

impl Format {
    /// Every format, for help texts and errors.
    pub const ALL: [Format; 6] = [
        Format::Jsonl,
        Format::Json,
        Format::Csv,
        Format::Tsv,
        Format::Parquet,
        Format::Text,
    ];

    /// The format named by a path's extension, looking through `.gz`/`.zst`.
    /// `None` when the extension is not one copydesk knows.
    pub fn determine(path: &Path) -> Option<Format> {
        let (stem, _) = Compression::split(path);
        let ext = Path::new(&stem).extension()?.to_str()?.to_ascii_lowercase();
        Format::from_name(&ext)
    }

    /// Parses a format name as given to `--from`/`--to` or found as an extension.
    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "jsonl" | "ndjson" | "jsonlines" => Format::Jsonl,
            "json" => Format::Json,
            "csv" => Format::Csv,
            "tsv" | "tab" => Format::Tsv,
            "parquet" | "pq" => Format::Parquet,
            // Loose pages: copied text, or HTML (rendered to its text by `extract`).
            "txt" | "text" | "html" | "htm" => Format::Text,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Parquet => "parquet",
            Format::Text => "text",
        }
    }

    /// Whether the format can be streamed through stdin/stdout.
    pub fn streams(self) -> bool {
        !matches!(self, Format::Parquet)
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Byte-stream compression wrapped around a format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

impl Compression {
    /// The compression named by a path's last extension, and the path without it.
    pub fn split(path: &Path) -> (PathBuf, Compression) {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("gz") | Some("gzip") => (path.with_extension(""), Compression::Gzip),
            Some("zst") | Some("zstd") => (path.with_extension(""), Compression::Zstd),
            _ => (path.to_path_buf(), Compression::None),
        }
    }

    pub fn of(path: &Path) -> Compression {
        Compression::split(path).1
    }
}

/// Where an input comes from: a file, or stdin (named `-`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    pub fn from_arg(arg: &Path) -> Source {
        if arg == Path::new("-") {
            Source::Stdin
        } else {
            Source::File(arg.to_path_buf())
        }
    }

    /// The name used in messages: the path as given, or `-`.
    pub fn display_name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }

    pub fn path(&self) -> Option<&Path> {
        match self {
            Source::Stdin => None,
            Source::File(p) => Some(p),
        }
    }

    pub fn compression(&self) -> Compression {
        match self {
            Source::Stdin => Compression::None,
            Source::File(p) => Compression::of(p),
        }
    }

    /// Opens the text of a record file (JSONL, JSON, CSV), decompressing `.gz`/`.zst` by
    /// extension; UTF-16 text (by its byte order mark) comes out as UTF-8.
    pub fn open(&self) -> Result<Box<dyn BufRead + Send>> {
        let name = self.display_name();
        utf16::transcode(self.open_raw()?).map_err(|e| Error::io(name, e))
    }

    /// Opens the bytes as stored, decompressed: for loose pages, whose decoding (any charset,
    /// damaged text kept with a warning) is `extract`'s.
    pub fn open_raw(&self) -> Result<Box<dyn BufRead + Send>> {
        let name = self.display_name();
        let raw: Box<dyn Read + Send> = match self {
            Source::Stdin => Box::new(io::stdin()),
            Source::File(p) => Box::new(File::open(p).map_err(|e| Error::io(p, e))?),
        };
        decompress(raw, self.compression(), &name)
    }
}

/// Wraps a reader in the decoder its compression needs, buffered.
pub fn decompress(
    raw: Box<dyn Read + Send>,
    compression: Compression,
    name: &str,
) -> Result<Box<dyn BufRead + Send>> {
    const BUF: usize = 256 * 1024;
    let reader: Box<dyn BufRead + Send> = match compression {
        Compression::None => Box::new(BufReader::with_capacity(BUF, raw)),
        Compression::Gzip => Box::new(BufReader::with_capacity(
            BUF,
            flate2::read::MultiGzDecoder::new(raw),
        )),
        Compression::Zstd => Box::new(BufReader::with_capacity(
            BUF,
            zstd::stream::read::Decoder::new(raw).map_err(|e| Error::io(name, e))?,
        )),
    };
    Ok(reader)
}

/// Wraps a writer in the encoder its compression needs. Call `finish` on the result (through
/// `Encoder::finish`) so the compressed stream gets its footer.
pub fn compress(raw: Box<dyn Write + Send>, compression: Compression) -> io::Result<Encoder> {
    Ok(match compression {
        Compression::None => Encoder::Plain(BufWriter::with_capacity(
            256 * 1024,
            Box::new(SmallWrites(raw)),
        )),
        Compression::Gzip => Encoder::Gzip(flate2::write::GzEncoder::new(
            BufWriter::with_capacity(256 * 1024, raw),
            flate2::Compression::default(),
        )),
        Compression::Zstd => Encoder::Zstd(zstd::stream::write::Encoder::new(
            BufWriter::with_capacity(256 * 1024, raw),
            3,
        )?),
    })
}

/// The most bytes handed to one `write` call.
const WRITE_PIECE: usize = 256 * 1024;

/// Hands at most `WRITE_PIECE` bytes to each `write` of the inner writer. In an A/B of 1 GB of
/// CSV output here (three alternating runs) 4-16 MiB calls cost 1.1-2.1 s of kernel time and
/// 256 KiB calls 0.6-0.8 s. The page cache's cost varies a lot on these machines: a later plain
/// write test (Python, 1 GB) showed the gap in either direction from run to run.
pub struct SmallWrites<W>(pub W);

impl<W: Write> Write for SmallWrites<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(&buf[..buf.len().min(WRITE_PIECE)])
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// A byte sink with optional compression and an explicit `finish`.
pub enum Encoder {
    Plain(BufWriter<Box<dyn Write + Send>>),
    Gzip(flate2::write::GzEncoder<BufWriter<Box<dyn Write + Send>>>),
    Zstd(zstd::stream::write::Encoder<'static, BufWriter<Box<dyn Write + Send>>>),
}

impl Encoder {
    /// Flushes everything and writes the compression footer.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Encoder::Plain(mut w) => w.flush(),
            Encoder::Gzip(w) => w.finish()?.flush(),
            Encoder::Zstd(w) => w.finish()?.flush(),
        }
    }
}

impl Write for Encoder {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Encoder::Plain(w) => w.write(buf),
            Encoder::Gzip(w) => w.write(buf),
            Encoder::Zstd(w) => w.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Encoder::Plain(w) => w.write_all(buf),
            Encoder::Gzip(w) => w.write_all(buf),
            Encoder::Zstd(w) => w.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Encoder::Plain(w) => w.flush(),
            Encoder::Gzip(w) => w.flush(),
            Encoder::Zstd(w) => w.flush(),
        }
    }
}

/// Expands the user's input arguments: files as given, directories walked recursively (sorted,
/// so runs are deterministic) keeping files whose extension `keep` accepts, `-` as stdin.
pub fn expand_inputs(args: &[PathBuf], keep: &dyn Fn(&Path) -> bool) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for arg in args {
        if arg == Path::new("-") {
            out.push(Source::Stdin);
        } else if arg.is_dir() {
            let mut found = Vec::new();
            walk(arg, keep, &mut found)?;
            found.sort();
            out.extend(found.into_iter().map(Source::File));
        } else {
            out.push(Source::File(arg.clone()));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, keep: &dyn Fn(&Path) -> bool, found: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        let ft = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if ft.is_dir() {
            walk(&path, keep, found)?;
        } else if keep(&path) {
            found.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_extensions_through_compression() {
        let f = |p: &str| Format::determine(Path::new(p));
        assert_eq!(f("a.jsonl"), Some(Format::Jsonl));
        assert_eq!(f("a.NDJSON"), Some(Format::Jsonl));
        assert_eq!(f("a.jsonl.gz"), Some(Format::Jsonl));
        assert_eq!(f("dir/a.csv.zst"), Some(Format::Csv));
        assert_eq!(f("a.tsv"), Some(Format::Tsv));
        assert_eq!(f("a.parquet"), Some(Format::Parquet));
        assert_eq!(f("a.txt"), Some(Format::Text));
        assert_eq!(f("a.json"), Some(Format::Json));
        assert_eq!(f("a"), None);
        assert_eq!(f("a.gz"), None);
        assert_eq!(f("a.xlsx"), None);
    }

    #[test]
    fn compression_round_trips() {
        for c in [Compression::None, Compression::Gzip, Compression::Zstd] {
            let buf = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
            struct Shared(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);
            impl Write for Shared {
                fn write(&mut self, b: &[u8]) -> io::Result<usize> {
                    self.0
                        .lock()
                        .map_err(|_| io::Error::other("poisoned"))?
                        .extend_from_slice(b);
                    Ok(b.len())
                }
                fn flush(&mut self) -> io::Result<()> {
                    Ok(())
                }
            }
            let mut enc = compress(Box::new(Shared(buf.clone())), c).unwrap();
            enc.write_all(b"hello\nworld\n").unwrap();
            enc.finish().unwrap();
            let bytes = buf.lock().unwrap().clone();
            let mut r = decompress(Box::new(io::Cursor::new(bytes)), c, "t").unwrap();
            let mut s = String::new();
            r.read_to_string(&mut s).unwrap();
            assert_eq!(s, "hello\nworld\n");
        }
    }
}
