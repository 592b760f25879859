//! The one query shape shared by the table, the CLI and export: what you see is what you export.

use serde::{Deserialize, Serialize};
use zoom::PhoneUser;

use crate::Column;
use crate::column::calling_plan_names;

/// Search text, filters and sort of a view. Every field may be left out when deserialising.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ViewSpec {
    /// Case- and accent-insensitive substring of name, email, extension or a phone number; a
    /// number typed with punctuation ("+1 (423) 205-8798") also finds the digits Zoom stores.
    pub search: String,
    pub filters: Filters,
    /// Most significant key first; empty keeps Zoom's order.
    pub sort: Vec<SortKey>,
}

/// Chosen values per facet: OR-ed within a facet, AND-ed across facets; an empty list does not
/// filter. Values match exactly as listed in the facets; "" selects blanks ("(none)").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Filters {
    pub cost_center: Vec<String>,
    pub department: Vec<String>,
    /// Site names.
    pub site: Vec<String>,
    /// The API's words: `activate`, `deactivate`, `pending`.
    pub status: Vec<String>,
    pub calling_plan: Vec<String>,
}

impl Filters {
    pub fn get(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::CostCenter => &self.cost_center,
            Facet::Department => &self.department,
            Facet::Site => &self.site,
            Facet::Status => &self.status,
            Facet::CallingPlan => &self.calling_plan,
        }
    }

    pub fn get_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        match facet {
            Facet::CostCenter => &mut self.cost_center,
            Facet::Department => &mut self.department,
            Facet::Site => &mut self.site,
            Facet::Status => &mut self.status,
            Facet::CallingPlan => &mut self.calling_plan,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SortKey {
    pub column: Column,
    #[serde(default)]
    pub descending: bool,
}

/// A column people filter by, with a checklist of its values and their counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Facet {
    CostCenter,
    Department,
    Site,
    Status,
    CallingPlan,
}

impl Facet {
    pub const ALL: [Facet; 5] = [
        Facet::CostCenter,
        Facet::Department,
        Facet::Site,
        Facet::Status,
        Facet::CallingPlan,
    ];

    /// The facet's name in the sidebar, the chips and file names.
    pub fn label(self) -> &'static str {
        match self {
            Facet::CostCenter => "Cost Center",
            Facet::Department => "Department",
            Facet::Site => "Site",
            Facet::Status => "Status",
            Facet::CallingPlan => "Calling Plan",
        }
    }

    /// Whether a user can have several values (a user's calling plans), so that the counts of a
    /// facet's values can add up to more than its users.
    pub fn is_multi_valued(self) -> bool {
        self.column().is_multi_valued()
    }

    /// The column showing this facet's values.
    pub fn column(self) -> Column {
        match self {
            Facet::CostCenter => Column::CostCenter,
            Facet::Department => Column::Department,
            Facet::Site => Column::Site,
            Facet::Status => Column::Status,
            Facet::CallingPlan => Column::CallingPlans,
        }
    }

    /// Calls `each` with every value the user has for this facet: one for single-valued facets,
    /// each distinct calling plan name, and "" for a blank or missing value (or no calling plan).
    pub(crate) fn for_each_value<'a>(self, user: &'a PhoneUser, mut each: impl FnMut(&'a str)) {
        let blank_as_empty = |value: Option<&'a str>| match value {
            Some(v) if !v.trim().is_empty() => v,
            _ => "",
        };
        match self {
            Facet::CostCenter => each(blank_as_empty(user.cost_center.as_deref())),
            Facet::Department => each(blank_as_empty(user.department.as_deref())),
            Facet::Site => each(blank_as_empty(user.site_name())),
            Facet::Status => each(blank_as_empty(user.status.as_deref())),
            Facet::CallingPlan => {
                let mut any = false;
                for (i, name) in calling_plan_names(user).enumerate() {
                    // A plan listed twice counts once; lists are short, so a scan beats a set.
                    if !calling_plan_names(user)
                        .take(i)
                        .any(|earlier| earlier == name)
                    {
                        each(name);
                    }
                    any = true;
                }
                if !any {
                    each("");
                }
            }
        }
    }
}
