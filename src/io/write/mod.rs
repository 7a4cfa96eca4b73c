//! Writers: Arrow record batches -> each format's bytes. One file per format; the `match` on
//! `Format` that picks a writer lives here and nowhere else. Owns the output side of a job:
//! refusing to clobber, the temporary file in the target folder renamed into place by
//! `finish()` (so a killed run leaves no file at the output path), stdout for `-`.
//!
//! Writing is split in two so that it can use every core: `Encoder::encode` turns batches into
//! an encoded part (JSON or CSV bytes, or a Parquet row group's compressed column chunks) and
//! is safe to call from many threads at once; `Writer::append` puts the parts into the output
//! in order.

// csv: next
pub mod jsonl;
// parquet: next
