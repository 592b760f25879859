//! Any table of text (changes since the last refresh, a report) written to a file through the
//! same writers, quoting, spreadsheet-text protection and atomic write as the users' export.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use serde::{Deserialize, Serialize};

use super::cancel::UntilCancelled;
use super::rows::TextRows;
use super::{ExportFormat, ExportSummary, atomic, csv, json, summary, xlsx};
use crate::Error;

/// Headers and rows of cells, each cell the text the screen shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Table {
    /// The xlsx sheet's name and the workbook's title.
    pub name: String,
    pub headers: Vec<String>,
    /// One cell per header; a short row is padded with blanks.
    pub rows: Vec<Vec<String>>,
}

/// Writes `table` to `path`: CSV with `options` as the users' CSV (the style's protection applies
/// to every cell), xlsx with text cells, or JSON as an array of objects keyed by header. Replaces
/// an existing file only once the new one is complete; `cancel` stops it with
/// [`Error::Cancelled`], leaving `path` as it was.
pub fn export_table_to_path(
    table: &Table,
    format: ExportFormat,
    path: impl AsRef<Path>,
    cancel: &AtomicBool,
) -> Result<ExportSummary, Error> {
    let path = path.as_ref();
    let rows = UntilCancelled::new(table.rows.iter(), cancel);
    let written = atomic::write_atomically(path, cancel, |file, folder| match format {
        ExportFormat::Csv(options) => {
            csv::write_csv(TextRows::new(&table.headers, rows), options, file)
        }
        ExportFormat::Json => json::write_table(&table.headers, rows, file),
        ExportFormat::Xlsx => {
            let rows = TextRows::new(&table.headers, rows);
            xlsx::write_xlsx(rows, &table.name, file, folder)
        }
    })?;
    Ok(summary(path, written))
}
