//! copydesk: check and standardise scraped news at corpus scale.
//!
//! The data flows **read -> records -> parse / validate / convert -> write**:
//! [`io`] opens inputs and outputs, [`extract`] turns loose article text into [`Article`]
//! records, [`dates`] normalises date text, [`validate`] checks records against a JSON Schema
//! and news quality rules, and [`schema`] holds the bundled contract.
//!
//! The library never prints, exits or reads the environment: the `copydesk` binary does that.
//!
//! ```
//! use copydesk::{article_id, Article};
//! let id = article_id(Some("The Daily Ledger"), "A title", "A body.");
//! assert_eq!(id.len(), 16);
//! ```

pub mod article;
pub mod convert;
pub mod dates;
pub mod error;
pub mod extract;
pub mod io;
pub mod schema;
pub mod validate;

pub use article::{article_id, word_count, Article, Precision};
pub use error::{Error, Location, Result};
