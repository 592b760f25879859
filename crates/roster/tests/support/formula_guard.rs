//! The formula guards of the CSV exports restated plainly (a character loop), so tests check the
//! writer against an independent model: a `'` before a cell that starts like a formula, and before
//! a formula start after a separator or line break inside a cell, unless what follows up to the
//! next one is only arithmetic on numbers.

#![allow(dead_code)] // each test binary uses its own subset

const FORMULA: &str = "=+-@＝＋－＠";
const SPLITS: &str = ",;\t\r\n";
const ARITHMETIC: &str = "0123456789 +-().";

/// What the plain CSV writes for `value`.
pub fn plain(value: &str) -> String {
    let first = value.trim_start().chars().next();
    let formula = first.is_some_and(|c| FORMULA.contains(c));
    let value = if formula || value.starts_with(['\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    inner(&value)
}

/// `value` with a `'` after each split that a formula start follows (past spaces), unless all up to
/// the next split is arithmetic.
pub fn inner(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    let mut guarded = String::new();
    for (i, &c) in chars.iter().enumerate() {
        guarded.push(c);
        if !SPLITS.contains(c) {
            continue;
        }
        let rest = &chars[i + 1..];
        let next = rest
            .iter()
            .find(|d| !d.is_whitespace() || SPLITS.contains(**d));
        let segment = rest.iter().take_while(|d| !SPLITS.contains(**d));
        let arithmetic = segment.clone().all(|d| ARITHMETIC.contains(*d));
        if next.is_some_and(|d| FORMULA.contains(*d)) && !arithmetic {
            guarded.push('\'');
        }
    }
    guarded
}
