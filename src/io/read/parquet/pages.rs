//! Reads a row group with bounded memory when its writer made very large pages.
//!
//! parquet-rs decompresses a whole data page into one buffer and keeps it until every value in it
//! is decoded, and the next page is read and decompressed before the old one is let go. DuckDB
//! writes a text column's row group as pages of about 100 MB, so reading one body column of such
//! a file holds two of them at once (measured: 292 MB peak for a bare reader of one row group).
//!
//! For the columns where that can happen, strings of a flat column compressed with zstd or gzip
//! (or not at all), the page is decompressed as a stream instead: its definition levels are
//! decoded, then its values are read in slices of about [`SLICE_BYTES`] and each slice is handed
//! to parquet-rs as a page of its own (uncompressed, PLAIN, levels re-encoded as RLE runs). What
//! is held is the compressed page and one slice. Every other page of such a column (dictionary
//! pages, other encodings, v2 pages) is decompressed whole here and passed on unchanged; every
//! other column is read by parquet-rs as it is.

use std::io::{BufRead, BufReader, Cursor, Read};
use std::sync::Arc;

use bytes::Bytes;
use parquet::arrow::arrow_reader::RowGroups;
use parquet::basic::{Compression, Encoding, Type as PhysicalType};
use parquet::column::page::{Page, PageIterator, PageMetadata, PageReader};
use parquet::errors::{ParquetError, Result};
use parquet::file::metadata::{ColumnChunkMetaData, ParquetMetaData, RowGroupMetaData};
use parquet::file::reader::ChunkReader;
use parquet::file::serialized_reader::SerializedPageReader;

/// About how many bytes of values each slice of a split page carries.
pub const SLICE_BYTES: usize = 1 << 20;

/// One row group of a file, its string columns read through [`SplitPages`].
pub struct RowGroup<R> {
    reader: Arc<R>,
    metadata: Arc<ParquetMetaData>,
    index: usize,
}

impl<R: ChunkReader + 'static> RowGroup<R> {
    pub fn new(reader: Arc<R>, metadata: Arc<ParquetMetaData>, index: usize) -> Self {
        RowGroup {
            reader,
            metadata,
            index,
        }
    }

    fn meta(&self) -> &RowGroupMetaData {
        self.metadata.row_group(self.index)
    }
}

impl<R: ChunkReader + 'static> RowGroups for RowGroup<R> {
    fn num_rows(&self) -> usize {
        self.meta().num_rows().max(0) as usize
    }

    fn column_chunks(&self, i: usize) -> Result<Box<dyn PageIterator>> {
        let column = self.meta().column(i);
        let rows = self.num_rows();
        let pages: Box<dyn PageReader> = match Codec::of(column) {
            Some(codec) => {
                // The inner reader hands pages over as stored; they are decompressed here.
                let stored = column
                    .clone()
                    .into_builder()
                    .set_compression(Compression::UNCOMPRESSED)
                    .build()?;
                let descr = column.column_descr();
                Box::new(SplitPages {
                    inner: SerializedPageReader::new(self.reader.clone(), &stored, rows, None)?,
                    codec,
                    max_def: descr.max_def_level().max(0) as u8,
                    rows,
                    split: None,
                })
            }
            None => Box::new(SerializedPageReader::new(
                self.reader.clone(),
                column,
                rows,
                None,
            )?),
        };
        Ok(Box::new(OneChunk(Some(pages))))
    }

    fn row_groups(&self) -> Box<dyn Iterator<Item = &RowGroupMetaData> + '_> {
        Box::new(std::iter::once(self.meta()))
    }

    fn metadata(&self) -> &ParquetMetaData {
        &self.metadata
    }
}

struct OneChunk(Option<Box<dyn PageReader>>);

impl Iterator for OneChunk {
    type Item = Result<Box<dyn PageReader>>;
    fn next(&mut self) -> Option<Self::Item> {
        self.0.take().map(Ok)
    }
}

impl PageIterator for OneChunk {}

/// The page codecs that can be decompressed as a stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Codec {
    None,
    Zstd,
    Gzip,
}

impl Codec {
    /// The codec of a column whose pages are split, or `None` for a column left to parquet-rs.
    fn of(column: &ColumnChunkMetaData) -> Option<Codec> {
        let descr = column.column_descr();
        if descr.physical_type() != PhysicalType::BYTE_ARRAY
            || descr.max_rep_level() != 0
            || descr.max_def_level() > 8
        {
            return None;
        }
        match column.compression() {
            Compression::UNCOMPRESSED => Some(Codec::None),
            Compression::ZSTD(_) => Some(Codec::Zstd),
            Compression::GZIP(_) => Some(Codec::Gzip),
            _ => None,
        }
    }

    fn stream(self, stored: Bytes) -> Result<Box<dyn BufRead + Send>> {
        const BUFFER: usize = 128 << 10;
        Ok(match self {
            Codec::None => Box::new(Cursor::new(stored)),
            Codec::Zstd => {
                let mut decoder = zstd::stream::read::Decoder::with_buffer(Cursor::new(stored))
                    .map_err(|e| general(format!("zstd: {e}")))?;
                // Any window a writer chose (`--long`), as parquet-rs's one-shot decoding takes.
                decoder
                    .window_log_max(31)
                    .map_err(|e| general(format!("zstd: {e}")))?;
                Box::new(BufReader::with_capacity(BUFFER, decoder))
            }
            Codec::Gzip => Box::new(BufReader::with_capacity(
                BUFFER,
                flate2::read::MultiGzDecoder::new(Cursor::new(stored)),
            )),
        })
    }

    fn whole(self, stored: Bytes) -> Result<Bytes> {
        // An empty section (a v2 page of nulls only) has nothing to decompress.
        if self == Codec::None || stored.is_empty() {
            return Ok(stored);
        }
        let mut out = Vec::new();
        self.stream(stored)?
            .read_to_end(&mut out)
            .map_err(|e| general(format!("page cannot be decompressed: {e}")))?;
        Ok(Bytes::from(out))
    }
}

fn general(message: String) -> ParquetError {
    ParquetError::General(message)
}

/// A column's pages with large PLAIN v1 pages cut into slices.
struct SplitPages<P> {
    inner: P,
    codec: Codec,
    max_def: u8,
    /// Rows in the row group: no page of a flat column has more values.
    rows: usize,
    split: Option<Split>,
}

/// The page being cut: its values still to read, and its definition levels, decoded as the
/// slices need them (a page's header may claim any number of values).
struct Split {
    values: Box<dyn BufRead + Send>,
    levels: Levels,
}

/// At most this many levels per slice, so a page of nulls is cut too.
const SLICE_LEVELS: usize = 1 << 16;

impl<P: PageReader> SplitPages<P> {
    fn page(&mut self, page: Page) -> Result<Page> {
        Ok(match page {
            Page::DataPage {
                buf,
                num_values,
                encoding: Encoding::PLAIN,
                def_level_encoding: Encoding::RLE,
                rep_level_encoding,
                ..
            } => {
                if num_values as usize > self.rows {
                    return Err(general(format!(
                        "a page claims {num_values} values in a row group of {} rows",
                        self.rows
                    )));
                }
                if buf.is_empty() || num_values == 0 {
                    // Nothing to cut (and nothing to decompress): as stored.
                    return Ok(Page::DataPage {
                        buf,
                        num_values,
                        encoding: Encoding::PLAIN,
                        def_level_encoding: Encoding::RLE,
                        rep_level_encoding,
                        statistics: None,
                    });
                }
                let mut values = self.codec.stream(buf)?;
                let mut encoded = Vec::new();
                if self.max_def > 0 {
                    let mut len = [0u8; 4];
                    read_exact(&mut values, &mut len)?;
                    let len = u32::from_le_bytes(len) as usize;
                    // Read as the stream yields it: a corrupt length cannot allocate gigabytes.
                    (&mut values)
                        .take(len as u64)
                        .read_to_end(&mut encoded)
                        .map_err(|e| general(format!("page cannot be decompressed: {e}")))?;
                    if encoded.len() != len {
                        return Err(general("page ends inside its definition levels".into()));
                    }
                }
                self.split = Some(Split {
                    values,
                    levels: Levels::new(encoded, bit_width(self.max_def), num_values as usize)?,
                });
                return self.slice();
            }
            mut page => {
                match &mut page {
                    Page::DataPage { buf, .. } | Page::DictionaryPage { buf, .. } => {
                        *buf = self.codec.whole(std::mem::take(buf))?;
                    }
                    Page::DataPageV2 {
                        buf,
                        def_levels_byte_len,
                        rep_levels_byte_len,
                        is_compressed,
                        ..
                    } => {
                        if *is_compressed && self.codec != Codec::None {
                            // v2 levels are stored uncompressed ahead of the values.
                            let levels = (*def_levels_byte_len as usize
                                + *rep_levels_byte_len as usize)
                                .min(buf.len());
                            let values = self.codec.whole(buf.slice(levels..))?;
                            let mut whole = Vec::with_capacity(levels + values.len());
                            whole.extend_from_slice(&buf[..levels]);
                            whole.extend_from_slice(&values);
                            *buf = Bytes::from(whole);
                        }
                        *is_compressed = false;
                    }
                }
                page
            }
        })
    }

    /// The next slice of the page being cut, as a page of its own.
    fn slice(&mut self) -> Result<Page> {
        let max_def = self.max_def;
        let Some(split) = self.split.as_mut() else {
            return Err(general("no page is being cut".into()));
        };
        let mut levels = Vec::new();
        let mut values = Vec::with_capacity(SLICE_BYTES + (SLICE_BYTES >> 3));
        while split.levels.left > 0 && values.len() < SLICE_BYTES && levels.len() < SLICE_LEVELS {
            let level = split.levels.next()?;
            if level == max_def {
                let mut len = [0u8; 4];
                read_exact(&mut split.values, &mut len)?;
                let n = u32::from_le_bytes(len) as usize;
                values.extend_from_slice(&len);
                // Copied as the stream yields it, so a corrupt length cannot allocate gigabytes.
                let mut need = n;
                while need > 0 {
                    let buf = split
                        .values
                        .fill_buf()
                        .map_err(|e| general(format!("page cannot be decompressed: {e}")))?;
                    if buf.is_empty() {
                        return Err(general(
                            "page ends inside a value (its header promises more)".into(),
                        ));
                    }
                    let k = buf.len().min(need);
                    values.extend_from_slice(&buf[..k]);
                    split.values.consume(k);
                    need -= k;
                }
            }
            levels.push(level);
        }
        let num_values = levels.len() as u32;
        let mut buf = Vec::with_capacity(values.len() + 16);
        if max_def > 0 {
            let mut encoded = Vec::new();
            encode_levels(&levels, bit_width(max_def), &mut encoded);
            buf.extend_from_slice(&(encoded.len() as u32).to_le_bytes());
            buf.extend_from_slice(&encoded);
        }
        buf.extend_from_slice(&values);
        if split.levels.left == 0 {
            self.split = None;
        }
        Ok(Page::DataPage {
            buf: Bytes::from(buf),
            num_values,
            encoding: Encoding::PLAIN,
            def_level_encoding: Encoding::RLE,
            rep_level_encoding: Encoding::RLE,
            statistics: None,
        })
    }
}

fn read_exact(from: &mut dyn Read, into: &mut [u8]) -> Result<()> {
    from.read_exact(into).map_err(|e| {
        general(format!(
            "page ends early or cannot be decompressed (its header promises more): {e}"
        ))
    })
}

impl<P: PageReader> Iterator for SplitPages<P> {
    type Item = Result<Page>;
    fn next(&mut self) -> Option<Self::Item> {
        self.get_next_page().transpose()
    }
}

impl<P: PageReader> PageReader for SplitPages<P> {
    fn get_next_page(&mut self) -> Result<Option<Page>> {
        if self.split.is_some() {
            return self.slice().map(Some);
        }
        match self.inner.get_next_page()? {
            Some(page) => self.page(page).map(Some),
            None => Ok(None),
        }
    }

    fn peek_next_page(&mut self) -> Result<Option<PageMetadata>> {
        match &self.split {
            Some(split) => Ok(Some(PageMetadata {
                num_rows: None,
                num_levels: Some(split.levels.left),
                is_dict: false,
            })),
            None => self.inner.peek_next_page(),
        }
    }

    fn skip_next_page(&mut self) -> Result<()> {
        match self.split {
            Some(_) => {
                self.split = None;
                Ok(())
            }
            None => self.inner.skip_next_page(),
        }
    }
}

/// Bits needed for levels up to `max`.
fn bit_width(max: u8) -> u8 {
    (8 - max.leading_zeros()) as u8
}

/// Definition levels in the RLE / bit-packed hybrid encoding, decoded one at a time.
struct Levels {
    data: Vec<u8>,
    at: usize,
    width: u8,
    /// Levels still to give.
    left: usize,
    /// The run being read: a repeated value, or a group of eight bit-packed ones.
    repeat: (u8, usize),
    group: [u8; 8],
    in_group: usize,
    groups_left: usize,
}

impl Levels {
    fn new(data: Vec<u8>, width: u8, count: usize) -> Result<Levels> {
        if width > 8 {
            return Err(general(format!("definition levels {width} bits wide")));
        }
        Ok(Levels {
            data,
            at: 0,
            width,
            left: count,
            repeat: (0, 0),
            group: [0; 8],
            in_group: 8,
            groups_left: 0,
        })
    }

    fn next(&mut self) -> Result<u8> {
        if self.left == 0 {
            return Err(corrupt_levels());
        }
        self.left -= 1;
        if self.width == 0 {
            return Ok(0);
        }
        loop {
            if self.repeat.1 > 0 {
                self.repeat.1 -= 1;
                return Ok(self.repeat.0);
            }
            if self.in_group < 8 {
                self.in_group += 1;
                return Ok(self.group[self.in_group - 1]);
            }
            if self.groups_left > 0 {
                self.unpack_group()?;
                continue;
            }
            self.read_header()?;
        }
    }

    fn byte(&mut self) -> Result<u8> {
        let b = *self.data.get(self.at).ok_or_else(corrupt_levels)?;
        self.at += 1;
        Ok(b)
    }

    fn read_header(&mut self) -> Result<()> {
        let mut header: u64 = 0;
        let mut shift = 0;
        loop {
            let byte = self.byte()?;
            if shift < 64 {
                header |= u64::from(byte & 0x7f) << shift;
            }
            shift += 7;
            if byte & 0x80 == 0 {
                break;
            }
        }
        if header & 1 == 1 {
            self.groups_left = usize::try_from(header >> 1).unwrap_or(usize::MAX);
        } else {
            let value = self.byte()?;
            self.repeat = (value, usize::try_from(header >> 1).unwrap_or(usize::MAX));
        }
        Ok(())
    }

    fn unpack_group(&mut self) -> Result<()> {
        let width = self.width as usize;
        let bytes = self
            .data
            .get(self.at..self.at + width)
            .ok_or_else(corrupt_levels)?;
        let mask = (1u16 << width) - 1;
        for j in 0..8 {
            let bit = j * width;
            let lo = bytes[bit / 8] as u16;
            let hi = bytes.get(bit / 8 + 1).copied().unwrap_or(0) as u16;
            self.group[j] = (((hi << 8 | lo) >> (bit % 8)) & mask) as u8;
        }
        self.at += width;
        self.groups_left -= 1;
        self.in_group = 0;
        Ok(())
    }
}

fn corrupt_levels() -> ParquetError {
    general("definition levels are corrupt (they end before the page's values)".into())
}

/// Encodes levels as RLE runs (every run its own; correct for any levels, compact for the
/// long runs of a mostly non-null column).
fn encode_levels(levels: &[u8], width: u8, out: &mut Vec<u8>) {
    let mut i = 0;
    while i < levels.len() {
        let value = levels[i];
        let run = levels[i..].iter().take_while(|&&l| l == value).count();
        let mut header = (run as u64) << 1;
        while header >= 0x80 {
            out.push((header as u8) | 0x80);
            header >>= 7;
        }
        out.push(header as u8);
        if width > 0 {
            out.push(value);
        }
        i += run;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Decodes `n` levels through `Levels`.
    fn decode_levels(data: &[u8], width: u8, n: usize, out: &mut Vec<u8>) -> Result<()> {
        let mut levels = Levels::new(data.to_vec(), width, n)?;
        for _ in 0..n {
            out.push(levels.next()?);
        }
        Ok(())
    }

    #[test]
    fn widths() {
        assert_eq!(bit_width(0), 0);
        assert_eq!(bit_width(1), 1);
        assert_eq!(bit_width(2), 2);
        assert_eq!(bit_width(3), 2);
        assert_eq!(bit_width(4), 3);
    }

    #[test]
    fn bit_packed_runs_decode() {
        // Header 0b11 = one group of 8 bit-packed values, width 1: 1,0,1,1,0,0,0,1.
        let mut out = Vec::new();
        decode_levels(&[0b11, 0b1000_1101], 1, 8, &mut out).unwrap();
        assert_eq!(out, [1, 0, 1, 1, 0, 0, 0, 1]);
        // Width 2: values 3,2,1,0 packed LSB first, then a padding group cut at n.
        let mut out = Vec::new();
        decode_levels(&[0b11, 0b0001_1011, 0, 0, 0], 2, 4, &mut out).unwrap();
        assert_eq!(out, [3, 2, 1, 0]);
    }

    #[test]
    fn short_levels_are_an_error_not_a_panic() {
        let mut out = Vec::new();
        assert!(decode_levels(&[0b11], 1, 8, &mut out).is_err());
        assert!(decode_levels(&[], 1, 1, &mut out).is_err());
        assert!(decode_levels(&[0x80, 0x80], 1, 1, &mut out).is_err());
    }

    proptest! {
        #[test]
        fn levels_round_trip(levels in proptest::collection::vec(0u8..4, 0..300)) {
            let mut encoded = Vec::new();
            encode_levels(&levels, 2, &mut encoded);
            let mut back = Vec::new();
            decode_levels(&encoded, 2, levels.len(), &mut back).unwrap();
            prop_assert_eq!(back, levels);
        }
    }
}

#[cfg(test)]
mod files {
    use std::sync::Arc;

    use arrow_array::{ArrayRef, Int64Array, RecordBatch, StringArray};
    use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
    use parquet::arrow::{parquet_to_arrow_field_levels, ArrowWriter, ProjectionMask};
    use parquet::basic::{Compression, GzipLevel, ZstdLevel};
    use parquet::file::properties::{WriterProperties, WriterVersion};

    use super::RowGroup;

    /// Rows with nulls, empty strings, long and unicode values: text that makes large pages.
    fn batch(rows: usize) -> RecordBatch {
        let text: Vec<Option<String>> = (0..rows)
            .map(|i| match i % 7 {
                0 => None,
                1 => Some(String::new()),
                2 => Some(format!("Zürich {i} — «quoted», \"x\"\n")),
                _ => Some(format!("{i} ").repeat(i % 300)),
            })
            .collect();
        let required: Vec<String> = (0..rows).map(|i| format!("id-{i}")).collect();
        let number: Vec<Option<i64>> = (0..rows)
            .map(|i| (i % 5 != 0).then_some(i as i64))
            .collect();
        RecordBatch::try_from_iter(vec![
            ("body", Arc::new(StringArray::from(text)) as ArrayRef),
            ("id", Arc::new(StringArray::from(required)) as ArrayRef),
            ("n", Arc::new(Int64Array::from(number)) as ArrayRef),
        ])
        .unwrap()
    }

    fn write(path: &std::path::Path, props: WriterProperties, rows: usize) -> RecordBatch {
        let batch = batch(rows);
        let mut out = ArrowWriter::try_new(
            std::fs::File::create(path).unwrap(),
            batch.schema(),
            Some(props),
        )
        .unwrap();
        // Written in parts so a row group spans several writes.
        for start in (0..rows).step_by(1000) {
            out.write(&batch.slice(start, 1000.min(rows - start)))
                .unwrap();
        }
        out.close().unwrap();
        batch
    }

    /// Every row group read through `RowGroup` gives what parquet-rs's own reader gives.
    fn same_as_parquet_rs(path: &std::path::Path, expected: &RecordBatch) {
        let stock =
            ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(path).unwrap()).unwrap();
        let meta = stock.metadata().clone();
        let schema = stock.schema().clone();
        let ours_levels = parquet_to_arrow_field_levels(
            meta.file_metadata().schema_descr(),
            ProjectionMask::all(),
            Some(schema.fields()),
        )
        .unwrap();
        let stock: Vec<RecordBatch> = stock
            .with_batch_size(333)
            .build()
            .unwrap()
            .map(|b| b.unwrap())
            .collect();
        let mut ours = Vec::new();
        let file = Arc::new(std::fs::File::open(path).unwrap());
        for g in 0..meta.num_row_groups() {
            let group = RowGroup::new(file.clone(), meta.clone(), g);
            let reader =
                ParquetRecordBatchReader::try_new_with_row_groups(&ours_levels, &group, 333, None)
                    .unwrap();
            ours.extend(reader.map(|b| b.unwrap()));
        }
        let stock = arrow_select::concat::concat_batches(&schema, &stock).unwrap();
        let ours = arrow_select::concat::concat_batches(&schema, &ours).unwrap();
        assert_eq!(ours, stock);
        assert_eq!(&ours, expected);
    }

    /// Data pages of the body column in row group 0, through `RowGroup` or as stored.
    fn pages(path: &std::path::Path, ours: bool) -> usize {
        use parquet::arrow::arrow_reader::RowGroups;
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let file = std::fs::File::open(path).unwrap();
        if ours {
            let meta = Arc::new(
                SerializedFileReader::new(file.try_clone().unwrap())
                    .unwrap()
                    .metadata()
                    .clone(),
            );
            let group = RowGroup::new(Arc::new(file), meta, 0);
            let reader = group.column_chunks(0).unwrap().next().unwrap().unwrap();
            reader.count()
        } else {
            let reader = SerializedFileReader::new(file).unwrap();
            let pages = reader
                .get_row_group(0)
                .unwrap()
                .get_column_page_reader(0)
                .unwrap();
            pages.count()
        }
    }

    #[test]
    fn large_pages_read_in_slices_give_the_same_rows() {
        let dir = tempfile::tempdir().unwrap();
        let codecs = [
            Compression::ZSTD(ZstdLevel::try_new(3).unwrap()),
            Compression::GZIP(GzipLevel::default()),
            Compression::UNCOMPRESSED,
            Compression::SNAPPY,
        ];
        for (i, codec) in codecs.into_iter().enumerate() {
            for version in [WriterVersion::PARQUET_1_0, WriterVersion::PARQUET_2_0] {
                for dictionary in [false, true] {
                    let props = WriterProperties::builder()
                        .set_compression(codec)
                        .set_writer_version(version)
                        .set_dictionary_enabled(dictionary)
                        // Pages far larger than a slice, as DuckDB writes them.
                        .set_data_page_size_limit(64 << 20)
                        .set_data_page_row_count_limit(usize::MAX)
                        .set_write_batch_size(1 << 20)
                        .set_max_row_group_row_count(Some(6000))
                        .build();
                    let path = dir
                        .path()
                        .join(format!("{i}-{version:?}-{dictionary}.parquet"));
                    let expected = write(&path, props, 14_000);
                    same_as_parquet_rs(&path, &expected);
                    if version == WriterVersion::PARQUET_1_0 && !dictionary && i != 3 {
                        assert!(pages(&path, false) < pages(&path, true), "{path:?}");
                    }
                }
            }
        }
    }

    /// Damaged page bytes give errors, never a panic or a runaway allocation.
    #[test]
    fn damaged_pages_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ok.parquet");
        let props = WriterProperties::builder()
            .set_compression(Compression::UNCOMPRESSED)
            .set_dictionary_enabled(false)
            .set_data_page_size_limit(64 << 20)
            .set_data_page_row_count_limit(usize::MAX)
            .set_write_batch_size(1 << 20)
            .build();
        write(&path, props, 3000);
        let good = std::fs::read(&path).unwrap();
        let meta = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap())
            .unwrap()
            .metadata()
            .clone();
        let levels = parquet_to_arrow_field_levels(
            meta.file_metadata().schema_descr(),
            ProjectionMask::all(),
            None,
        )
        .unwrap();
        let (start, len) = meta.row_group(0).column(0).byte_range();
        let mut errors = 0;
        for at in (start..start + len.min(4096)).step_by(29) {
            for value in [0x00, 0xff, 0x7f] {
                let mut bytes = good.clone();
                bytes[at as usize] = value;
                let damaged = dir.path().join("damaged.parquet");
                std::fs::write(&damaged, &bytes).unwrap();
                let file = Arc::new(std::fs::File::open(&damaged).unwrap());
                let group = RowGroup::new(file, meta.clone(), 0);
                let ours =
                    ParquetRecordBatchReader::try_new_with_row_groups(&levels, &group, 500, None)
                        .and_then(|r| r.collect::<Result<Vec<_>, _>>().map_err(Into::into));
                // parquet-rs's own reader of the same bytes, with the same (undamaged) footer.
                let file = Arc::new(std::fs::File::open(&damaged).unwrap());
                // parquet-rs can panic on damaged levels (its bit-packed decoder); copydesk
                // catches that per input (`error::guarded`), so here it counts as an error.
                let stock = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    file_reader_batches(file, &meta, &levels)
                }))
                .unwrap_or_else(|_| Err(super::general("parquet-rs panicked".into())));
                match (&ours, &stock) {
                    (Ok(a), Ok(b)) => {
                        let schema = a.first().or(b.first()).map(|x| x.schema());
                        if let Some(schema) = schema {
                            let a = arrow_select::concat::concat_batches(&schema, a).unwrap();
                            let b = arrow_select::concat::concat_batches(&schema, b).unwrap();
                            assert_eq!(a, b, "byte {at} set to {value:#x}");
                        }
                    }
                    (Err(_), Ok(_)) => panic!("byte {at} set to {value:#x}: parquet-rs reads it"),
                    _ => {}
                }
                errors += usize::from(ours.is_err());
            }
        }
        assert!(errors > 0);
    }

    /// Row group 0 read by parquet-rs's stock page reader, through the same array readers.
    fn file_reader_batches(
        file: Arc<std::fs::File>,
        meta: &Arc<parquet::file::metadata::ParquetMetaData>,
        levels: &parquet::arrow::FieldLevels,
    ) -> parquet::errors::Result<Vec<RecordBatch>> {
        use parquet::arrow::arrow_reader::RowGroups;
        use parquet::column::page::{PageIterator, PageReader};
        use parquet::file::serialized_reader::SerializedPageReader;
        struct Stock(
            Arc<std::fs::File>,
            Arc<parquet::file::metadata::ParquetMetaData>,
        );
        struct One(Option<Box<dyn PageReader>>);
        impl Iterator for One {
            type Item = parquet::errors::Result<Box<dyn PageReader>>;
            fn next(&mut self) -> Option<Self::Item> {
                self.0.take().map(Ok)
            }
        }
        impl PageIterator for One {}
        impl RowGroups for Stock {
            fn num_rows(&self) -> usize {
                self.1.row_group(0).num_rows() as usize
            }
            fn column_chunks(&self, i: usize) -> parquet::errors::Result<Box<dyn PageIterator>> {
                let column = self.1.row_group(0).column(i);
                let pages =
                    SerializedPageReader::new(self.0.clone(), column, self.num_rows(), None)?;
                Ok(Box::new(One(Some(Box::new(pages)))))
            }
            fn row_groups(
                &self,
            ) -> Box<dyn Iterator<Item = &parquet::file::metadata::RowGroupMetaData> + '_>
            {
                Box::new(std::iter::once(self.1.row_group(0)))
            }
            fn metadata(&self) -> &parquet::file::metadata::ParquetMetaData {
                &self.1
            }
        }
        let stock = Stock(file, meta.clone());
        ParquetRecordBatchReader::try_new_with_row_groups(levels, &stock, 500, None)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(Into::into)
    }
}
