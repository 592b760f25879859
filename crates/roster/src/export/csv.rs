//! CSV that Excel (Windows and macOS) and Google Sheets open cleanly, and that cannot run formulas,
//! in two styles (`CsvStyle`): plain, for scripts, and for people, whose cells a spreadsheet shows
//! exactly as the screen does (spreadsheet_text.rs).

use std::fs::File;
use std::io::{self, Write};

use super::rows::Rows;
use super::{CsvOptions, CsvStyle, spreadsheet_text};
use crate::CellForm;
use csv::{QuoteStyle, Terminator, WriterBuilder};

const BOM: &str = "\u{FEFF}";

/// Writes the header and one record per row: RFC 4180 quoting only where needed, CRLF line ends.
/// Plain: values exactly as Zoom gave them except for the formula guard. For people: the screen's
/// text, kept text. Returns the rows written.
pub(crate) fn write_csv(
    rows: impl Rows,
    options: CsvOptions,
    file: &mut File,
) -> io::Result<usize> {
    write(rows, options, file).map_err(|error| match error.into_kind() {
        // The file system's own error, so "disk full" stays recognisable.
        csv::ErrorKind::Io(error) => error,
        other => io::Error::other(format!("{other:?}")),
    })
}

fn write(mut rows: impl Rows, options: CsvOptions, file: &mut File) -> csv::Result<usize> {
    if options.bom {
        file.write_all(BOM.as_bytes())?;
    }
    let mut writer = WriterBuilder::new()
        .delimiter(options.delimiter.byte())
        .terminator(Terminator::CRLF)
        .quote_style(QuoteStyle::Necessary)
        .buffer_capacity(1 << 16)
        .from_writer(file);
    let headers = rows.headers();
    writer.write_record(&headers)?;
    // Buffers reused for every row: each cell's text, and (for people) what is written for it.
    let mut cells = vec![String::new(); headers.len()];
    let mut written = vec![String::new(); headers.len()];
    let form = match options.style {
        CsvStyle::Plain => CellForm::AsSent,
        CsvStyle::ForPeople => CellForm::AsShown,
    };
    let mut count = 0;
    while rows.next_row(form, &mut cells) {
        match options.style {
            CsvStyle::Plain => {
                cells.iter_mut().for_each(neutralise_formula);
                writer.write_record(&cells)?;
            }
            CsvStyle::ForPeople => {
                for (cell, out) in cells.iter().zip(&mut written) {
                    out.clear();
                    spreadsheet_text::write(cell, out);
                }
                writer.write_record(&written)?;
            }
        }
        count += 1;
    }
    writer.flush()?;
    Ok(count)
}

/// Spreadsheets run a cell starting with one of these as a formula (CSV injection, OWASP), also
/// after leading spaces (Excel and LibreOffice skip them) and in their full-width forms (East Asian
/// input methods type those, and spreadsheets read them as the ASCII ones): a leading apostrophe
/// makes the cell text.
const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '＝', '＋', '－', '＠'];

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

#[cfg(test)]
mod tests {
    use super::neutralise_formula;

    #[test]
    fn prefixes_only_formula_starts() {
        for (raw, written) in [
            ("=SUM(A1)", "'=SUM(A1)"),
            ("+1", "'+1"),
            ("-5", "'-5"),
            ("@x", "'@x"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            (" =1+1", "' =1+1"),
            ("   @SUM(A1)", "'   @SUM(A1)"),
            ("\u{3000}+1", "'\u{3000}+1"),
            ("\n-2", "'\n-2"),
            ("＝SUM(A1)", "'＝SUM(A1)"),
            ("＋1", "'＋1"),
            ("－5", "'－5"),
            ("＠x", "'＠x"),
            (" plain", " plain"),
            ("a=b", "a=b"),
            ("14232058798", "14232058798"),
            ("", ""),
        ] {
            let mut cell = raw.to_string();
            neutralise_formula(&mut cell);
            assert_eq!(cell, written);
        }
    }
}
