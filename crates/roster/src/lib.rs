//! The roster engine (search, filters, sort, facets, windows), export (CSV, JSON, xlsx) and
//! connection profiles whose secrets live in the OS keychain.

pub mod phone_format;
pub mod private_file;
pub mod profiles;

mod column;
mod engine;
mod error;
pub mod export;
mod spec;
pub mod spec_bounds;

pub use column::{CellForm, Column, MULTI_VALUE_SEPARATOR};
pub use engine::{FacetCount, Facets, QueryResult, Roster};
pub use error::Error;
pub use spec::{Facet, Filters, SortKey, ViewSpec};
pub use spec_bounds::{SpecError, check_columns, check_window};
