//! Reads parquet input into records. Not built yet.

use super::{ReadOptions, Records};
use crate::error::{Error, Result};
use crate::io::Source;

pub fn open(source: &Source, _options: &ReadOptions) -> Result<Records> {
    Err(Error::Usage(format!(
        "{}: reading parquet is not built yet",
        source.display_name()
    )))
}
