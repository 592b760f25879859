//! What a query answers: a window of rows, the total, and the facet checklists.

use serde::{Deserialize, Serialize};

use crate::Facet;

/// Counts and indices are `u32`: they cross IPC as JavaScript numbers, and specta refuses 64-bit
/// integers by default. A roster holds far fewer than 4 billion users.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct QueryHits {
    /// Indices into `Roster::users()` of the rows `offset..offset + limit` of the view, in order.
    pub rows: Vec<u32>,
    /// How many users the view holds in all.
    pub total: u32,
    pub facets: Facets,
}

/// One checklist per facet, each counted with every filter but its own (as Excel's AutoFilter
/// and Airtable do), so choosing a second cost center never hides the first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Facets {
    pub cost_center: Vec<FacetCount>,
    pub department: Vec<FacetCount>,
    pub site: Vec<FacetCount>,
    pub status: Vec<FacetCount>,
    pub calling_plan: Vec<FacetCount>,
}

impl Facets {
    pub fn get(&self, facet: Facet) -> &[FacetCount] {
        match facet {
            Facet::CostCenter => &self.cost_center,
            Facet::Department => &self.department,
            Facet::Site => &self.site,
            Facet::Status => &self.status,
            Facet::CallingPlan => &self.calling_plan,
        }
    }

    pub(crate) fn get_mut(&mut self, facet: Facet) -> &mut Vec<FacetCount> {
        match facet {
            Facet::CostCenter => &mut self.cost_center,
            Facet::Department => &mut self.department,
            Facet::Site => &mut self.site,
            Facet::Status => &mut self.status,
            Facet::CallingPlan => &mut self.calling_plan,
        }
    }
}

/// A value of a facet ("" for blank, shown as "(none)") and how many users of the view would have
/// it if this facet were not filtered. Listed: every value with users, plus every selected value
/// even at 0, so a chosen chip never vanishes; most users first, then alphabetically.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FacetCount {
    pub value: String,
    pub count: u32,
}
