//! An .xlsx workbook: text-typed cells as the screen shows them (leading zeros and long numbers
//! survive), a bold, frozen header row with filters on, columns sized to their contents, and the
//! view's name on the sheet's tab and as the document's title.

use std::any::Any;
use std::fs::File;
use std::io::{self, BufWriter};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;

use rust_xlsxwriter::{DocProperties, Format, Workbook, XlsxError};

use super::rows::Rows;
use crate::CellForm;

/// Excel's limits: rows per sheet (the header takes one) and characters per cell.
const MAX_ROWS: usize = 1_048_576;
const MAX_CELL_CHARS: usize = 32_767;
const MAX_SHEET_NAME_CHARS: usize = 31;
/// Column widths are measured on this many rows: enough to be representative, cheap to hold.
const WIDTH_SAMPLE_ROWS: usize = 1_000;
const MIN_WIDTH: usize = 8;
const MAX_WIDTH: usize = 50;

/// Writes one sheet of `rows`, streaming rows through a scratch file in `scratch_folder`
/// (rust_xlsxwriter's constant-memory mode: 100k rows cost under a megabyte instead of over a
/// hundred).
pub(crate) fn write_xlsx(
    rows: impl Rows,
    view_name: &str,
    file: &mut File,
    scratch_folder: &Path,
) -> io::Result<usize> {
    // rust_xlsxwriter 0.102 panics ("Couldn't write to xml file") when writing its scratch file
    // fails, e.g. on a full disk. The file being written is discarded on any error, so nothing
    // observes state left behind by the panic.
    let written = panic::catch_unwind(AssertUnwindSafe(|| {
        write(rows, view_name, file, scratch_folder)
    }))
    .map_err(scratch_write_error)?;
    written.map_err(|error| match error {
        XlsxError::IoError(error) => error,
        XlsxError::RowColumnLimitError => io::Error::other(format!(
            "an Excel sheet holds at most {} rows; export CSV instead",
            MAX_ROWS - 1
        )),
        other => io::Error::other(other.to_string()),
    })
}

fn write(
    mut rows: impl Rows,
    view_name: &str,
    file: &mut File,
    scratch_folder: &Path,
) -> Result<usize, XlsxError> {
    let headers: Vec<String> = rows.headers().into_iter().map(str::to_owned).collect();
    let mut cells = vec![String::new(); headers.len()];
    let mut sample = Vec::new();
    while sample.len() < WIDTH_SAMPLE_ROWS && rows.next_row(CellForm::AsShown, &mut cells) {
        sample.push(cells.clone());
    }
    let widths = column_widths(&headers, &sample);

    let mut workbook = Workbook::new();
    workbook.set_tempdir(scratch_folder)?;
    if !view_name.is_empty() {
        workbook.set_properties(&DocProperties::new().set_title(view_name));
    }
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name(sheet_name(view_name))?;
    let bold = Format::new().set_bold();
    // "@" is Excel's Text format: what people type into these columns later stays text too.
    let text = Format::new().set_num_format("@");
    for (c, (header, width)) in headers.iter().zip(widths).enumerate() {
        let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
        sheet.set_column_width(c, width as f64)?;
        sheet.set_column_format(c, &text)?;
        sheet.write_string_with_format(0, c, header, &bold)?;
    }

    let mut written = 0;
    let mut write_row = |cells: &mut [String]| -> Result<(), XlsxError> {
        let row = u32::try_from(written + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (c, cell) in cells.iter_mut().enumerate() {
            if !cell.is_empty() {
                truncate_chars(cell, MAX_CELL_CHARS);
                sheet.write_string_with_format(row, c as u16, cell.as_str(), &text)?;
            }
        }
        written += 1;
        Ok(())
    };
    for mut row in sample {
        write_row(&mut row)?;
    }
    while rows.next_row(CellForm::AsShown, &mut cells) {
        write_row(&mut cells)?;
    }
    if let Some(last_column) = headers.len().checked_sub(1) {
        sheet.autofilter(0, 0, written as u32, last_column as u16)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    workbook.save_to_writer(BufWriter::with_capacity(1 << 16, file))?;
    Ok(written)
}

/// The I/O error inside rust_xlsxwriter's panic message, as well as it can be told from the text.
fn scratch_write_error(payload: Box<dyn Any + Send>) -> io::Error {
    let message = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("the spreadsheet library stopped");
    let kind = if message.contains("StorageFull") || message.contains("QuotaExceeded") {
        io::ErrorKind::StorageFull
    } else {
        io::ErrorKind::Other
    };
    io::Error::new(
        kind,
        format!("writing the spreadsheet's scratch file failed ({message})"),
    )
}

/// Widths in Excel's character units: the longest of the header and the sampled cells, plus room
/// for the filter button, within limits that keep a long value from taking the screen.
fn column_widths(headers: &[String], sample: &[Vec<String>]) -> Vec<usize> {
    headers
        .iter()
        .enumerate()
        .map(|(c, header)| {
            let longest_cell = sample
                .iter()
                .map(|row| row[c].chars().count())
                .max()
                .unwrap_or(0);
            (longest_cell.max(header.chars().count()) + 3).clamp(MIN_WIDTH, MAX_WIDTH)
        })
        .collect()
}

/// Excel's rules for a sheet's tab: at most 31 characters, none of `[ ] : * ? / \`, no `'` at
/// either end, not empty.
fn sheet_name(view_name: &str) -> String {
    let mut name: String = view_name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    truncate_chars(&mut name, MAX_SHEET_NAME_CHARS);
    let name = name.trim().trim_matches('\'').trim();
    if name.is_empty() {
        "Phone users".to_owned()
    } else {
        name.to_owned()
    }
}

fn truncate_chars(text: &mut String, max_chars: usize) {
    if let Some((end, _)) = text.char_indices().nth(max_chars) {
        text.truncate(end);
    }
}
