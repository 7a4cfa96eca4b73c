//! Writes Arrow record batches as Parquet, one row group per encoded part, row groups encoded
//! in parallel. Owns the Parquet file layout: compression (zstd level 3 by default), dictionary
//! encoding for low-cardinality columns (decided from the first row group), statistics, and the
//! key-value metadata (the Arrow schema, the JSON Schema, copydesk's version, the Hugging Face
//! `huggingface` features). Does not own file handling (`io::write`).
//!
//! Parallelism: `ParquetEncoder::encode` compresses a whole row group's column chunks with
//! parquet's `ArrowColumnWriter`s and can run on many threads at once (zstd is the bottleneck
//! of every Parquet writer); `ParquetSink::append` writes finished row groups in order.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::{DataType, SchemaRef};
use parquet::arrow::arrow_writer::{compute_leaves, ArrowColumnChunk, ArrowRowGroupWriterFactory};
use parquet::arrow::{add_encoded_arrow_schema_to_metadata, ArrowSchemaConverter};
use parquet::basic::{Compression as PqCompression, GzipLevel, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::ColumnPath;

use crate::error::{Error, Result};
use crate::io::SmallWrites;

/// Parquet page compression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParquetCompression {
    Zstd,
    Snappy,
    Gzip,
    Lz4,
    None,
}

impl ParquetCompression {
    pub fn from_name(name: &str) -> Option<ParquetCompression> {
        Some(match name.to_ascii_lowercase().as_str() {
            "zstd" => ParquetCompression::Zstd,
            "snappy" => ParquetCompression::Snappy,
            "gzip" => ParquetCompression::Gzip,
            "lz4" => ParquetCompression::Lz4,
            "none" | "uncompressed" => ParquetCompression::None,
            _ => return None,
        })
    }
}

/// How Parquet files are laid out.
#[derive(Debug, Clone)]
pub struct ParquetOptions {
    pub compression: ParquetCompression,
    /// zstd 1..=22 (default 3), gzip 0..=9 (default 6); ignored by the others.
    pub level: Option<i32>,
    /// Rows per row group.
    pub row_group_rows: usize,
    /// Key-value metadata to store besides the Arrow schema.
    pub metadata: Vec<(String, String)>,
}

impl Default for ParquetOptions {
    fn default() -> Self {
        ParquetOptions {
            compression: ParquetCompression::Zstd,
            level: None,
            row_group_rows: 122_880,
            metadata: Vec::new(),
        }
    }
}

impl ParquetOptions {
    fn compression(&self) -> Result<PqCompression> {
        let bad =
            |e: parquet::errors::ParquetError| Error::Usage(format!("--compression-level: {e}"));
        Ok(match self.compression {
            ParquetCompression::Zstd => {
                PqCompression::ZSTD(ZstdLevel::try_new(self.level.unwrap_or(3)).map_err(bad)?)
            }
            ParquetCompression::Gzip => PqCompression::GZIP(
                GzipLevel::try_new(self.level.unwrap_or(6).max(0) as u32).map_err(bad)?,
            ),
            ParquetCompression::Snappy => PqCompression::SNAPPY,
            ParquetCompression::Lz4 => PqCompression::LZ4_RAW,
            ParquetCompression::None => PqCompression::UNCOMPRESSED,
        })
    }
}

/// Compresses row groups; shareable across threads.
pub struct ParquetEncoder {
    factory: ArrowRowGroupWriterFactory,
    schema: SchemaRef,
}

impl std::fmt::Debug for ParquetEncoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParquetEncoder").finish_non_exhaustive()
    }
}

/// One encoded row group.
pub struct RowGroup {
    chunks: Vec<ArrowColumnChunk>,
}

impl ParquetEncoder {
    /// Encodes `batches` as row group number `index`.
    pub fn encode(&self, batches: &[RecordBatch], index: usize) -> Result<RowGroup> {
        let mut writers = self
            .factory
            .create_column_writers(index)
            .map_err(parquet_err)?;
        for batch in batches {
            let mut next = writers.iter_mut();
            for (field, column) in self.schema.fields().iter().zip(batch.columns()) {
                for leaf in compute_leaves(field, column).map_err(parquet_err)? {
                    let writer = next
                        .next()
                        .ok_or_else(|| parquet_err("more leaf columns than the schema has"))?;
                    writer.write(&leaf).map_err(parquet_err)?;
                }
            }
        }
        let chunks = writers
            .into_iter()
            .map(|w| w.close())
            .collect::<std::result::Result<_, _>>()
            .map_err(parquet_err)?;
        Ok(RowGroup { chunks })
    }
}

/// The Parquet file being written.
pub struct ParquetSink {
    writer: SerializedFileWriter<BufWriter<SmallWrites<File>>>,
}

impl ParquetSink {
    /// Starts a Parquet file; `sample` (the first row group's batches) decides which columns
    /// get dictionary encoding.
    pub fn create(
        file: File,
        schema: SchemaRef,
        sample: &[RecordBatch],
        options: &ParquetOptions,
    ) -> Result<(ParquetSink, ParquetEncoder)> {
        let converter = ArrowSchemaConverter::new();
        let parquet_schema = converter.convert(&schema).map_err(parquet_err)?;
        let mut builder = WriterProperties::builder()
            .set_compression(options.compression()?)
            .set_created_by(format!(
                "copydesk version {} (parquet-rs)",
                env!("CARGO_PKG_VERSION")
            ))
            .set_statistics_enabled(EnabledStatistics::Page)
            .set_statistics_truncate_length(Some(64))
            .set_column_index_truncate_length(Some(64))
            .set_max_row_group_row_count(None)
            .set_key_value_metadata(Some(
                options
                    .metadata
                    .iter()
                    .map(|(k, v)| KeyValue::new(k.clone(), v.clone()))
                    .collect(),
            ));
        let leaves = parquet_schema.columns();
        let dict = dictionary_leaves(&schema, sample, leaves.len());
        for (leaf, use_dict) in leaves.iter().zip(dict) {
            builder = builder.set_column_dictionary_enabled(
                ColumnPath::new(leaf.path().parts().to_vec()),
                use_dict,
            );
        }
        let mut props = builder.build();
        add_encoded_arrow_schema_to_metadata(&schema, &mut props);
        let writer = SerializedFileWriter::new(
            BufWriter::with_capacity(1 << 20, SmallWrites(file)),
            parquet_schema.root_schema_ptr(),
            Arc::new(props),
        )
        .map_err(parquet_err)?;
        let factory = ArrowRowGroupWriterFactory::new(&writer, schema.clone());
        Ok((ParquetSink { writer }, ParquetEncoder { factory, schema }))
    }

    /// Appends an encoded row group (in order).
    pub fn append(&mut self, row_group: RowGroup) -> Result<()> {
        let mut rg = self.writer.next_row_group().map_err(parquet_err)?;
        for chunk in row_group.chunks {
            chunk.append_to_row_group(&mut rg).map_err(parquet_err)?;
        }
        rg.close().map_err(parquet_err)?;
        Ok(())
    }

    /// Writes the footer and flushes; returns the file.
    pub fn finish(self) -> Result<File> {
        let buf = self.writer.into_inner().map_err(parquet_err)?;
        let SmallWrites(mut file) = buf
            .into_inner()
            .map_err(|e| Error::io("parquet output", e.into_error()))?;
        file.flush().map_err(|e| Error::io("parquet output", e))?;
        Ok(file)
    }
}

fn parquet_err(e: impl std::fmt::Display) -> Error {
    Error::Input {
        location: crate::error::Location::file("parquet output"),
        message: e.to_string(),
    }
}

/// For every Parquet leaf column (in schema order), whether dictionary encoding pays off: true
/// when the sample has few distinct values (under a quarter of the values, at most 64Ki).
/// Enum columns (Arrow dictionaries) always are; without a sample, only they are.
fn dictionary_leaves(schema: &SchemaRef, sample: &[RecordBatch], n_leaves: usize) -> Vec<bool> {
    let mut out = Vec::with_capacity(n_leaves);
    for (i, field) in schema.fields().iter().enumerate() {
        let arrays: Vec<&ArrayRef> = sample.iter().map(|b| b.column(i)).collect();
        leaf_decisions(field.data_type(), &arrays, &mut out);
    }
    out.resize(n_leaves, false);
    out
}

fn leaf_decisions(data_type: &DataType, arrays: &[&ArrayRef], out: &mut Vec<bool>) {
    match data_type {
        DataType::List(_) => {
            let values: Vec<ArrayRef> = arrays
                .iter()
                .map(|a| a.as_list::<i32>().values().clone())
                .collect();
            let item_type = match data_type {
                DataType::List(f) => f.data_type().clone(),
                _ => unreachable!(),
            };
            leaf_decisions(&item_type, &values.iter().collect::<Vec<_>>(), out);
        }
        DataType::Struct(fields) => {
            for (j, f) in fields.iter().enumerate() {
                let children: Vec<ArrayRef> = arrays
                    .iter()
                    .map(|a| a.as_struct().column(j).clone())
                    .collect();
                leaf_decisions(f.data_type(), &children.iter().collect::<Vec<_>>(), out);
            }
        }
        DataType::Dictionary(_, _) => out.push(true),
        DataType::Boolean => out.push(false),
        _ => out.push(low_cardinality(arrays)),
    }
}

fn low_cardinality(arrays: &[&ArrayRef]) -> bool {
    // A sample is enough to tell ids and bodies from sections and languages, and keeps this
    // cheap; long texts are never worth a dictionary.
    const SAMPLE: usize = 20_000;
    const MAX_MEAN_LEN: usize = 200;
    let mut n = 0usize;
    let mut texts: HashSet<&[u8]> = HashSet::new();
    let mut numbers: HashSet<u64> = HashSet::new();
    for a in arrays {
        let room = SAMPLE.saturating_sub(n);
        match a.data_type() {
            DataType::Utf8 => {
                let s = a.as_string::<i32>();
                if !s.is_empty() && s.value_data().len() / s.len() > MAX_MEAN_LEN {
                    return false;
                }
                for v in s.iter().flatten().take(room) {
                    n += 1;
                    texts.insert(v.as_bytes());
                }
            }
            t if t.is_primitive() && t.primitive_width().is_some_and(|w| w <= 8) => {
                let width = t.primitive_width().unwrap_or(8);
                let data = a.to_data();
                let bytes = data.buffers()[0].as_slice();
                let start = data.offset() * width;
                let values = &bytes[start..start + data.len() * width];
                for (k, chunk) in values.chunks(width).enumerate().take(room) {
                    if a.is_valid(k) {
                        n += 1;
                        let mut key = [0u8; 8];
                        key[..width].copy_from_slice(chunk);
                        numbers.insert(u64::from_le_bytes(key));
                    }
                }
            }
            _ => return false,
        }
        if n >= SAMPLE {
            break;
        }
    }
    n > 0 && (texts.len() + numbers.len()) * 4 <= n
}
