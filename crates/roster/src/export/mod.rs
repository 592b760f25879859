//! Writes the rows of a view to a file people open in Excel (Windows, macOS), Numbers or Google
//! Sheets: CSV, xlsx, or JSON with the full records. Atomic: a failed or cancelled export leaves
//! no partial file and never harms an existing one.

mod atomic;
mod cancel;
// The name of an export file, checked: the app names its exports with it.
mod csv;
pub mod file_name;
mod formula_guard;
mod json;
pub mod replace;
mod rows;
mod spreadsheet_text;
mod table;
mod xlsx;

pub use self::table::{Table, export_table_to_path};

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use serde::{Deserialize, Serialize};
use zoom::PhoneUser;

use self::cancel::UntilCancelled;
use self::rows::UserRows;
use crate::{Column, Error};

/// Serialised tagged by `format`: `{"format": "csv", "bom": true, "delimiter": "semicolon",
/// "style": "for_people"}`, `{"format": "json"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "format", rename_all = "snake_case")]
pub enum ExportFormat {
    Csv(CsvOptions),
    /// Every field of every row's record (including fields Zoom added later), pretty-printed.
    Json,
    Xlsx,
}

impl ExportFormat {
    /// The file name extension, without the dot, for a save dialog's default name.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv(_) => "csv",
            ExportFormat::Json => "json",
            ExportFormat::Xlsx => "xlsx",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct CsvOptions {
    /// A UTF-8 byte order mark, without which Excel reads UTF-8 as the local code page and garbles
    /// every accent. Turn off only for tools that choke on it.
    pub bom: bool,
    pub delimiter: Delimiter,
    pub style: CsvStyle,
}

impl Default for CsvOptions {
    fn default() -> CsvOptions {
        CsvOptions {
            bom: true,
            delimiter: Delimiter::Comma,
            style: CsvStyle::Plain,
        }
    }
}

/// What separates a CSV's columns: only the two that Excel reads on a double-click.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Delimiter {
    #[default]
    Comma,
    /// For Excel set to a region where the comma is the decimal separator (most of Europe).
    Semicolon,
}

impl Delimiter {
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
        }
    }
}

/// Who reads the CSV.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CsvStyle {
    /// Scripts: every value as Zoom sent it (phone numbers as digits), only the formula guard
    /// added. A contract: the same roster gives the same bytes in every release.
    #[default]
    Plain,
    /// People opening it in a spreadsheet: each cell the screen's text, written so that it stays
    /// text (leading zeros, long numbers, date-like values), phone numbers formatted.
    ForPeople,
}

#[cfg(test)]
mod tests {
    use super::view_name;
    use std::path::Path;

    #[test]
    fn the_view_is_named_by_the_file_without_its_date() {
        let named = |file: &str| view_name(Path::new(file));
        assert_eq!(
            named("/x/Acme EMEA - CC-101 + CC-102 - 2026-11-28.xlsx"),
            "Acme EMEA - CC-101 + CC-102"
        );
        assert_eq!(named("roster.xlsx"), "roster");
        assert_eq!(named("Q4 - final.xlsx"), "Q4 - final");
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportSummary {
    /// The file written, made absolute so "Show in folder" works whatever the working directory.
    pub path: PathBuf,
    pub rows: usize,
}

/// What the view is called: the file's name without its extension and without the date the app
/// and the CLI's users add at its end ("Acme EMEA - CC-101 + CC-102 - 2026-11-28.xlsx" is the view
/// "Acme EMEA - CC-101 + CC-102").
fn view_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dated = stem.rsplit_once(" - ").filter(|(_, date)| {
        date.len() == 10
            && date.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            })
    });
    match dated {
        Some((view, _)) => view.trim().to_owned(),
        None => stem.trim().to_owned(),
    }
}

/// Writes `users` (in the order given) to `path`: `columns` in that order (the default export
/// columns if empty; JSON always writes whole records). Replaces an existing file only once the
/// new one is complete.
pub fn export_to_path<'a>(
    users: impl IntoIterator<Item = &'a PhoneUser>,
    columns: &[Column],
    format: ExportFormat,
    path: impl AsRef<Path>,
) -> Result<ExportSummary, Error> {
    export_to_path_cancellable(users, columns, format, path, &AtomicBool::new(false))
}

/// As [`export_to_path`]; setting `cancel` (from another thread) stops the export within a few
/// hundred rows with [`Error::Cancelled`], leaving `path` as it was.
pub fn export_to_path_cancellable<'a>(
    users: impl IntoIterator<Item = &'a PhoneUser>,
    columns: &[Column],
    format: ExportFormat,
    path: impl AsRef<Path>,
    cancel: &AtomicBool,
) -> Result<ExportSummary, Error> {
    let path = path.as_ref();
    let columns = if columns.is_empty() {
        &Column::DEFAULT_EXPORT[..]
    } else {
        columns
    };
    let users = UntilCancelled::new(users.into_iter(), cancel);
    let rows = atomic::write_atomically(path, cancel, |file, folder| match format {
        ExportFormat::Csv(options) => csv::write_csv(UserRows::new(users, columns), options, file),
        ExportFormat::Json => json::write_json(users, file),
        ExportFormat::Xlsx => xlsx::write_xlsx(
            UserRows::new(users, columns),
            &view_name(path),
            file,
            folder,
        ),
    })?;
    Ok(summary(path, rows))
}

fn summary(path: &Path, rows: usize) -> ExportSummary {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    ExportSummary { path, rows }
}
