//! The one shape the CSV and xlsx writers take: a header and rows of text cells. A view's users
//! (cells from their `Column`s) and any other table (changes, a report) both become rows, so every
//! file gets the same quoting, formula guard, spreadsheet-text protection and atomic write.

use zoom::PhoneUser;

use crate::{CellForm, Column};

/// A header and rows of cells, read one row at a time so that 100k users never sit in memory as
/// text.
pub(crate) trait Rows {
    fn headers(&self) -> Vec<&str>;

    /// Fills `cells` (one per header, each cleared first) with the next row in `form`; `false`
    /// once there are no more rows. `form` matters only for users' cells: a table's cells are
    /// already the text it shows.
    fn next_row(&mut self, form: CellForm, cells: &mut [String]) -> bool;
}

/// Users, one row each, with the cells of `columns`.
pub(crate) struct UserRows<'c, I> {
    users: I,
    columns: &'c [Column],
}

impl<'c, I> UserRows<'c, I> {
    pub(crate) fn new(users: I, columns: &'c [Column]) -> Self {
        UserRows { users, columns }
    }
}

impl<'a, I: Iterator<Item = &'a PhoneUser>> Rows for UserRows<'_, I> {
    fn headers(&self) -> Vec<&str> {
        self.columns.iter().map(|column| column.header()).collect()
    }

    fn next_row(&mut self, form: CellForm, cells: &mut [String]) -> bool {
        let Some(user) = self.users.next() else {
            return false;
        };
        for (column, cell) in self.columns.iter().zip(cells) {
            cell.clear();
            column.write_cell(user, form, cell);
        }
        true
    }
}

/// Rows of text as given; a short row is padded with blank cells, a long one cut to the header.
pub(crate) struct TextRows<'t, I> {
    headers: &'t [String],
    rows: I,
}

impl<'t, I> TextRows<'t, I> {
    pub(crate) fn new(headers: &'t [String], rows: I) -> Self {
        TextRows { headers, rows }
    }
}

impl<'a, I: Iterator<Item = &'a Vec<String>>> Rows for TextRows<'_, I> {
    fn headers(&self) -> Vec<&str> {
        self.headers.iter().map(String::as_str).collect()
    }

    fn next_row(&mut self, _form: CellForm, cells: &mut [String]) -> bool {
        let Some(row) = self.rows.next() else {
            return false;
        };
        for (i, cell) in cells.iter_mut().enumerate() {
            cell.clear();
            if let Some(value) = row.get(i) {
                cell.push_str(value);
            }
        }
        true
    }
}
