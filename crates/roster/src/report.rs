//! A cross-tab of the view: users counted by the values of one facet (rows) against another
//! (columns), e.g. cost centers by calling plan, with totals. What finance asks for each month,
//! counted by the engine in one pass over the view's users.

use std::cmp::Reverse;
use std::collections::HashMap;

use serde::Serialize;

use crate::column::status_shown;
use crate::export::Table;
use crate::{Facet, Roster, ViewSpec};

/// Users per (row value, column value). A user with several values of a multi-valued facet (two
/// calling plans) counts once in each of their columns, so a row's cells can add up to more than
/// its total: totals count distinct users.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Report {
    pub rows_by: Facet,
    pub columns_by: Facet,
    /// Most users first, then alphabetically; "" is blank (shown "(none)"). Status values are
    /// Zoom's words (`activate`), as in the facets.
    pub row_values: Vec<String>,
    pub column_values: Vec<String>,
    /// `counts[row][column]`: users with both values.
    pub counts: Vec<Vec<u32>>,
    /// Distinct users per row value.
    pub row_totals: Vec<u32>,
    /// Distinct users per column value.
    pub column_totals: Vec<u32>,
    /// Distinct users in the report.
    pub total: u32,
}

/// How a blank value reads, as in the filters.
const BLANK: &str = "(none)";

impl Roster {
    /// The view's users counted by `rows_by` against `columns_by`. The view's search and filters
    /// apply, except the filters on `rows_by` and `columns_by` themselves: a report by cost center
    /// lists every cost center the other filters let through, as the facet counts do.
    pub fn report(&self, spec: &ViewSpec, rows_by: Facet, columns_by: Facet) -> Report {
        let mut filters = spec.filters.clone();
        filters.get_mut(rows_by).clear();
        filters.get_mut(columns_by).clear();
        let selection = self.select(&spec.search, &filters, false);
        let (rows_index, columns_index) = (self.facet_index(rows_by), self.facet_index(columns_by));

        // By value id: cheap integers in the one pass over the users, text only at the end.
        let mut row_totals = vec![0u32; rows_index.value_count()];
        let mut column_totals = vec![0u32; columns_index.value_count()];
        let mut cells: HashMap<(u32, u32), u32> = HashMap::new();
        let mut total = 0u32;
        for user in selection.matched.iter() {
            total += 1;
            // A facet index lists each of a user's values once (calling plans deduplicated).
            let (row_ids, column_ids) = (rows_index.values_of(user), columns_index.values_of(user));
            for &r in row_ids {
                row_totals[r as usize] += 1;
                for &c in column_ids {
                    *cells.entry((r, c)).or_default() += 1;
                }
            }
            for &c in column_ids {
                column_totals[c as usize] += 1;
            }
        }

        let ordered = |totals: &[u32], index: &crate::engine::FacetIndex| {
            let mut ids: Vec<u32> = (0..totals.len() as u32)
                .filter(|&id| totals[id as usize] > 0)
                .collect();
            ids.sort_unstable_by_key(|&id| {
                (
                    Reverse(totals[id as usize]),
                    index.folded(id),
                    index.value(id),
                )
            });
            ids
        };
        let row_ids = ordered(&row_totals, rows_index);
        let column_ids = ordered(&column_totals, columns_index);
        Report {
            rows_by,
            columns_by,
            row_values: row_ids
                .iter()
                .map(|&r| rows_index.value(r).to_owned())
                .collect(),
            column_values: column_ids
                .iter()
                .map(|&c| columns_index.value(c).to_owned())
                .collect(),
            counts: row_ids
                .iter()
                .map(|&r| {
                    column_ids
                        .iter()
                        .map(|&c| cells.get(&(r, c)).copied().unwrap_or(0))
                        .collect()
                })
                .collect(),
            row_totals: row_ids.iter().map(|&r| row_totals[r as usize]).collect(),
            column_totals: column_ids
                .iter()
                .map(|&c| column_totals[c as usize])
                .collect(),
            total,
        }
    }
}

impl Report {
    /// The report as the screen shows it: a header `[rows_by's label, each column value, "Total"]`,
    /// a row per row value, and a last row of totals. Blanks read "(none)", statuses as people say
    /// them.
    pub fn table(&self) -> Table {
        let mut headers = vec![self.rows_by.label().to_owned()];
        headers.extend(self.column_values.iter().map(|v| shown(self.columns_by, v)));
        headers.push("Total".to_owned());
        let numbers = |counts: &[u32], total: u32| {
            counts
                .iter()
                .chain([&total])
                .map(u32::to_string)
                .collect::<Vec<_>>()
        };
        let mut rows: Vec<Vec<String>> = self
            .row_values
            .iter()
            .zip(&self.counts)
            .zip(&self.row_totals)
            .map(|((value, counts), &total)| {
                let mut row = vec![shown(self.rows_by, value)];
                row.extend(numbers(counts, total));
                row
            })
            .collect();
        let mut totals = vec!["Total".to_owned()];
        totals.extend(numbers(&self.column_totals, self.total));
        rows.push(totals);
        Table {
            name: format!("{} by {}", self.rows_by.label(), self.columns_by.label()),
            headers,
            rows,
        }
    }
}

/// A facet value as people read it.
fn shown(facet: Facet, value: &str) -> String {
    match (facet, value) {
        (_, "") => BLANK.to_owned(),
        (Facet::Status, status) => status_shown(status),
        (_, value) => value.to_owned(),
    }
}
