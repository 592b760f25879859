//! What a cell sorts by: folded text, or numbers compared as numbers ("9" before "10").

use zoom::PhoneUser;

use super::fold::{fold, number_digits};
use crate::Column;
use crate::column::{SortKind, phone_numbers};

/// Ordered as people expect: numbers by value, then anything that is not a number by its text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum NumberKey {
    /// Compared by magnitude (count of significant digits, then the digits), then as typed, so
    /// "0123" and "123" are ordered but adjacent.
    Number {
        len: usize,
        significant: String,
        typed: String,
    },
    Text(String),
}

impl NumberKey {
    fn of(text: &str) -> NumberKey {
        match number_digits(text) {
            Some(digits) => {
                let significant = digits.trim_start_matches('0').to_string();
                NumberKey::Number {
                    len: significant.len(),
                    significant,
                    typed: text.to_string(),
                }
            }
            None => NumberKey::Text(fold(text)),
        }
    }
}

/// A non-blank cell's sort value; within one column every value has the same variant.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum SortValue {
    Text(String),
    Number(NumberKey),
    /// Phone numbers in Zoom's order, compared number by number.
    Numbers(Vec<NumberKey>),
}

impl SortValue {
    /// `None` for a blank cell, which sorts last whatever the direction (as in Excel).
    pub(crate) fn of(column: Column, user: &PhoneUser) -> Option<SortValue> {
        if column.sort_kind() == SortKind::Numbers {
            let numbers: Vec<NumberKey> = phone_numbers(user).map(NumberKey::of).collect();
            return (!numbers.is_empty()).then_some(SortValue::Numbers(numbers));
        }
        let cell = column.cell(user);
        if cell.trim().is_empty() {
            return None;
        }
        Some(match column.sort_kind() {
            SortKind::Number => SortValue::Number(NumberKey::of(&cell)),
            // A stray leading space or tab must not lift a name to the top of the list.
            _ => SortValue::Text(fold(cell.trim())),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_sort_by_value_then_text() {
        let mut keys: Vec<NumberKey> = ["10", "9", "abc", "0123", "123", "+1 (2)"]
            .into_iter()
            .map(NumberKey::of)
            .collect();
        keys.sort();
        let typed: Vec<String> = keys
            .into_iter()
            .map(|k| match k {
                NumberKey::Number { typed, .. } => typed,
                NumberKey::Text(text) => text,
            })
            .collect();
        assert_eq!(typed, ["9", "10", "+1 (2)", "0123", "123", "abc"]);
    }
}
