//! What a spreadsheet runs as a formula, and the `'` that makes such a cell text: used by the CSV
//! writer (csv.rs) and by the cells for people (spreadsheet_text.rs) alike.

/// Spreadsheets run a cell starting with one of these as a formula (CSV injection, OWASP), also
/// after leading spaces (Excel and LibreOffice skip them) and in their full-width forms (East Asian
/// input methods type those, and spreadsheets read them as the ASCII ones): a leading apostrophe
/// makes the cell text.
pub(super) const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '＝', '＋', '－', '＠'];

/// A tab or carriage return first is a formula start of its own (OWASP); other leading white space,
/// including the ideographic space, is skipped before looking at the first character.
const CONTROL_STARTS: &[char] = &['\t', '\r'];

pub(super) fn neutralise_formula(cell: &mut String) {
    if starts_like_formula(cell) {
        cell.insert(0, '\'');
    }
}

/// Whether a spreadsheet would run `cell` as a formula.
pub(super) fn starts_like_formula(cell: &str) -> bool {
    let first = cell.trim_start().chars().next();
    cell.starts_with(CONTROL_STARTS) || first.is_some_and(|c| FORMULA_STARTS.contains(&c))
}
