//! The roster engine: owns the users in memory and answers the one query shape the table, the CLI
//! and export share (search, filters, sort, facets, a window of rows).
//!
//! Everything a query compares is prepared once in `Roster::new` (interned facet values) or on
//! first use (the folded search text, per-column sort ranks), so a query over 100k users is a few
//! linear passes over compact arrays and allocates almost nothing per row.

mod bitset;
mod facet_index;
mod facets;
mod fold;
mod result;
mod search_index;
mod select;
mod sort;
mod sort_value;

use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

use zoom::PhoneUser;

pub(crate) use self::facet_index::FacetIndex;
use self::search_index::SearchIndex;
use self::select::Selection;
use self::sort::Sorter;
use crate::export::{ExportFormat, ExportSummary};
use crate::{Column, Error, Facet, ViewSpec};

pub use self::result::{FacetCount, Facets, QueryHits};

/// The loaded users and the indexes that make queries fast. `Send + Sync`: share it behind an
/// `Arc`; queries take `&self`.
pub struct Roster {
    users: Vec<PhoneUser>,
    /// Built on the first search: an export with no search text never pays its ~10 MB per 100k
    /// users; the app warms it in the background with `prepare_search`.
    search: OnceLock<SearchIndex>,
    /// In `Facet::ALL` order.
    facets: Vec<FacetIndex>,
    sorter: Sorter,
}

impl Roster {
    pub fn new(users: Vec<PhoneUser>) -> Roster {
        assert!(
            u32::try_from(users.len()).is_ok(),
            "users are indexed with u32"
        );
        let facets = Facet::ALL
            .iter()
            .map(|&facet| FacetIndex::new(facet, &users))
            .collect();
        Roster {
            users,
            search: OnceLock::new(),
            facets,
            sorter: Sorter::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.users.len()
    }

    pub fn is_empty(&self) -> bool {
        self.users.is_empty()
    }

    /// The users in the order Zoom listed them; query rows index into this.
    pub fn users(&self) -> &[PhoneUser] {
        &self.users
    }

    /// Builds the search index now, so that the first keystroke does not wait for it.
    pub fn prepare_search(&self) {
        self.search_index();
    }

    /// The facet's interned values and each user's value ids (for reports).
    pub(crate) fn facet_index(&self, facet: Facet) -> &FacetIndex {
        let at = Facet::ALL
            .iter()
            .position(|&f| f == facet)
            // Every facet is in `Facet::ALL`, and `self.facets` holds one index per entry, in order.
            .expect("every facet is in ALL");
        &self.facets[at]
    }

    pub(crate) fn search_index(&self) -> &SearchIndex {
        self.search.get_or_init(|| SearchIndex::new(&self.users))
    }

    /// The rows `offset..offset + limit` of the view, its total and its facet checklists.
    pub fn query(&self, spec: &ViewSpec, offset: usize, limit: usize) -> QueryHits {
        self.answer(spec, offset, limit, true)
    }

    /// As [`Roster::query`] without the facet checklists (left empty), which take most of a
    /// query's time and are the same for every window of a view: the table asks for them once.
    pub fn window(&self, spec: &ViewSpec, offset: usize, limit: usize) -> QueryHits {
        self.answer(spec, offset, limit, false)
    }

    fn answer(&self, spec: &ViewSpec, offset: usize, limit: usize, facets: bool) -> QueryHits {
        let selection = self.select(&spec.search, &spec.filters, facets);
        QueryHits {
            rows: self
                .ordered(spec, &selection)
                .skip(offset)
                .take(limit)
                .map(|user| user as u32)
                .collect(),
            total: u32::try_from(selection.total).unwrap_or(u32::MAX),
            facets: match &selection.counts {
                Some(counts) => self.facet_lists(counts, &spec.filters),
                None => Facets::default(),
            },
        }
    }

    /// Every row of the view in order: what export writes.
    pub fn matching(&self, spec: &ViewSpec) -> Vec<usize> {
        let selection = self.select(&spec.search, &spec.filters, false);
        let mut rows = Vec::with_capacity(selection.total);
        rows.extend(self.ordered(spec, &selection));
        rows
    }

    /// Writes the view to `path` exactly as the table shows it: its rows in its order, `columns`
    /// in theirs. The app and the CLI both export through here. `cancel` stops it with
    /// [`Error::Cancelled`], leaving `path` as it was.
    pub fn export_view(
        &self,
        spec: &ViewSpec,
        columns: &[Column],
        format: ExportFormat,
        path: &Path,
        cancel: &AtomicBool,
    ) -> Result<ExportSummary, Error> {
        let rows = self.matching(spec);
        let users = rows.iter().map(|&i| &self.users[i]);
        crate::export::export_to_path_cancellable(users, columns, format, path, cancel)
    }

    /// The selected users in the view's sort order (Zoom's order when it has no sort).
    fn ordered<'a>(
        &'a self,
        spec: &ViewSpec,
        selection: &'a Selection,
    ) -> Box<dyn Iterator<Item = usize> + 'a> {
        if spec.sort.is_empty() {
            return Box::new(selection.matched.iter());
        }
        let order = self.sorter.order(&spec.sort, &self.users);
        Box::new(
            (0..order.len())
                .map(move |i| order[i] as usize)
                .filter(|&user| selection.matched.contains(user)),
        )
    }
}
