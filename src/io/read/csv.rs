//! Reads CSV/TSV input into records. Not built yet.

use super::{ReadOptions, Records};
use crate::error::{Error, Result};
use crate::io::{Format, Source};

pub fn open(source: &Source, _format: Format, _options: &ReadOptions) -> Result<Records> {
    Err(Error::Usage(format!(
        "{}: reading csv is not built yet",
        source.display_name()
    )))
}
