//! How large a view request may be. The desktop app's web view sends view specs, column lists and
//! windows over IPC; these bounds keep a buggy or hostile page from making the engine sort by the
//! same column a million times, match a million filter values or copy a whole roster in one answer.
//! Every bound is far above what the screen or the command line ever asks for.

use std::collections::HashSet;

use crate::{Column, Facet, ViewSpec};

/// Characters of search text: a name, an email or a phone number is far shorter.
pub const MAX_SEARCH_CHARS: usize = 500;
/// Values chosen in one filter: more than the cost centers of the largest accounts.
pub const MAX_FILTER_VALUES: usize = 10_000;
/// Characters of one filter value (Zoom's own fields are shorter).
pub const MAX_VALUE_CHARS: usize = 500;
/// Rows in one window of the table (it asks for 200).
pub const MAX_WINDOW_ROWS: usize = 1_000;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpecError {
    #[error("The search text is longer than {MAX_SEARCH_CHARS} characters. Search for less.")]
    SearchTooLong,
    #[error(
        "More than {MAX_FILTER_VALUES} values are chosen in the {facet} filter. Choose fewer, or \
         clear the filter."
    )]
    TooManyValues { facet: &'static str },
    #[error(
        "A value chosen in the {facet} filter is longer than {MAX_VALUE_CHARS} characters, which no \
         Zoom value is. Clear the filter."
    )]
    ValueTooLong { facet: &'static str },
    #[error("The view sorts by {column} twice. Sort by each column once.")]
    RepeatedSort { column: &'static str },
    #[error("The export lists the column {column} twice. Choose each column once.")]
    RepeatedColumn { column: &'static str },
    #[error("No column is chosen. Choose at least one column to export.")]
    NoColumns,
    #[error("A window of more than {MAX_WINDOW_ROWS} rows was asked for. Ask for fewer rows.")]
    WindowTooLarge,
}

impl ViewSpec {
    /// `Ok` when the spec is within every bound above.
    pub fn check(&self) -> Result<(), SpecError> {
        if self.search.chars().count() > MAX_SEARCH_CHARS {
            return Err(SpecError::SearchTooLong);
        }
        for facet in Facet::ALL {
            let values = self.filters.get(facet);
            let name = facet.column().header();
            if values.len() > MAX_FILTER_VALUES {
                return Err(SpecError::TooManyValues { facet: name });
            }
            if values.iter().any(|v| v.chars().count() > MAX_VALUE_CHARS) {
                return Err(SpecError::ValueTooLong { facet: name });
            }
        }
        let mut sorted = HashSet::new();
        for key in &self.sort {
            if !sorted.insert(key.column) {
                return Err(SpecError::RepeatedSort {
                    column: key.column.header(),
                });
            }
        }
        Ok(())
    }
}

/// `Ok` when `columns` names at least one column and none twice (so at most every column once).
pub fn check_columns(columns: &[Column]) -> Result<(), SpecError> {
    if columns.is_empty() {
        return Err(SpecError::NoColumns);
    }
    let mut seen = HashSet::new();
    for column in columns {
        if !seen.insert(*column) {
            return Err(SpecError::RepeatedColumn {
                column: column.header(),
            });
        }
    }
    Ok(())
}

/// `Ok` when a table window of `limit` rows may be served.
pub fn check_window(limit: usize) -> Result<(), SpecError> {
    if limit > MAX_WINDOW_ROWS {
        return Err(SpecError::WindowTooLarge);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SortKey;

    #[test]
    fn the_views_people_make_pass() {
        let mut spec = ViewSpec {
            search: "Ana".into(),
            ..ViewSpec::default()
        };
        spec.filters.cost_center = vec!["CC-1".into(), "".into()];
        spec.sort = vec![
            SortKey {
                column: Column::CostCenter,
                descending: false,
            },
            SortKey {
                column: Column::Name,
                descending: true,
            },
        ];
        assert_eq!(spec.check(), Ok(()));
        assert_eq!(check_columns(&Column::ALL), Ok(()));
        assert_eq!(check_window(200), Ok(()));
    }

    #[test]
    fn each_bound_itself_passes() {
        let mut at_the_bounds = ViewSpec {
            search: "é".repeat(MAX_SEARCH_CHARS),
            ..ViewSpec::default()
        };
        at_the_bounds.filters.department = vec!["Sales".into(); MAX_FILTER_VALUES];
        at_the_bounds.filters.site = vec!["é".repeat(MAX_VALUE_CHARS)];
        assert_eq!(at_the_bounds.check(), Ok(()));
        assert_eq!(check_window(MAX_WINDOW_ROWS), Ok(()));
    }

    #[test]
    fn oversized_or_repeated_parts_are_refused_in_words() {
        let long = ViewSpec {
            search: "x".repeat(MAX_SEARCH_CHARS + 1),
            ..ViewSpec::default()
        };
        assert_eq!(long.check(), Err(SpecError::SearchTooLong));

        let mut many = ViewSpec::default();
        many.filters.department = vec!["Sales".into(); MAX_FILTER_VALUES + 1];
        let error = many.check().unwrap_err();
        assert!(error.to_string().contains("Department filter"), "{error}");

        let mut huge_value = ViewSpec::default();
        huge_value.filters.site = vec!["s".repeat(MAX_VALUE_CHARS + 1)];
        assert!(matches!(
            huge_value.check(),
            Err(SpecError::ValueTooLong { .. })
        ));

        let twice = SortKey {
            column: Column::Email,
            descending: false,
        };
        let repeated = ViewSpec {
            sort: vec![twice; 3],
            ..ViewSpec::default()
        };
        assert!(
            repeated
                .check()
                .unwrap_err()
                .to_string()
                .contains("Email twice")
        );

        assert_eq!(check_columns(&[]), Err(SpecError::NoColumns));
        assert!(matches!(
            check_columns(&[Column::Name, Column::Name]),
            Err(SpecError::RepeatedColumn { column: "Name" })
        ));
        assert_eq!(
            check_window(MAX_WINDOW_ROWS + 1),
            Err(SpecError::WindowTooLarge)
        );
    }
}
