//! The roster engine (search, filters, sort, facets, windows) and export (CSV, JSON, xlsx): the one
//! view spec from the table through the engine to every file; what changed between two rosters
//! (`changes`) and cross-tab reports (`report`) on the same engine. Connection profiles are
//! crates/profiles.

pub mod phone_format;

pub mod changes;
mod column;
mod engine;
mod error;
pub mod export;
pub mod metadata;
pub mod report;
mod spec;
pub mod spec_bounds;

pub use column::{CellForm, Column, MULTI_VALUE_SEPARATOR};
pub use engine::{FacetCount, Facets, QueryHits, Roster};
pub use error::Error;
pub use spec::{Facet, Filters, SortKey, ViewSpec};
pub use spec_bounds::{SpecError, check_columns, check_window};
