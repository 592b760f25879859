//! CSV that Excel (Windows and macOS) and Google Sheets open cleanly, and that cannot run formulas,
//! in two styles (`CsvStyle`): plain, for scripts, and for people, whose cells a spreadsheet shows
//! exactly as the screen does (spreadsheet_text.rs).
//!
//! A file is not always opened with the separator it was written with: Excel splits a
//! double-clicked CSV at the region's list separator (`;` in most of Europe), whatever the file
//! holds, and a quote that is not at the start of a cell by that split protects nothing. So a
//! cell holding any separator (`,`, `;` or a tab) is always quoted, and a formula start right after
//! a separator or a line break inside a cell gets the same `'` as one at its start: `Sales;=2+5;`
//! is written `"Sales;'=2+5;"`, which no split can turn into a cell `=2+5`.

use std::fs::File;
use std::io::{self, Write};

use super::formula_guard::{FORMULA_STARTS, neutralise_formula};
use super::rows::Rows;
use super::{CsvOptions, CsvStyle, spreadsheet_text};
use crate::CellForm;
use csv::{QuoteStyle, Terminator, WriterBuilder};

/// Where a spreadsheet may split a CSV line, whatever separator the file uses: at any separator, and
/// at a line break. A cell holding one is quoted, and a formula start right after one inside a cell
/// is guarded (`neutralise_inner_formulas`), since a split at another separator starts a cell there.
const SPLITS: &[char] = &[',', ';', '\t', '\n', '\r'];

const BOM: &str = "\u{FEFF}";

/// Writes the header and one record per row: RFC 4180 quoting where a cell holds a separator of any
/// kind, a quote or a line break (`SPLITS`), CRLF line ends.
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
    // Cells are quoted here (`quote`), for every separator rather than only the file's own.
    let mut writer = WriterBuilder::new()
        .delimiter(options.delimiter.byte())
        .terminator(Terminator::CRLF)
        .quote_style(QuoteStyle::Never)
        .buffer_capacity(1 << 16)
        .from_writer(file);
    let headers = rows.headers();
    let mut quoted = vec![String::new(); headers.len()];
    write_quoted(&mut writer, &headers, &mut quoted)?;
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
                for cell in cells.iter_mut() {
                    neutralise_formula(cell);
                    neutralise_inner_formulas(cell);
                }
                write_quoted(&mut writer, &cells, &mut quoted)?;
            }
            CsvStyle::ForPeople => {
                for (cell, out) in cells.iter_mut().zip(&mut written) {
                    neutralise_inner_formulas(cell);
                    out.clear();
                    spreadsheet_text::write(cell, out);
                }
                write_quoted(&mut writer, &written, &mut quoted)?;
            }
        }
        count += 1;
    }
    writer.flush()?;
    Ok(count)
}

/// Writes one record, each cell quoted as `quote` says, through `quoted` (buffers reused).
fn write_quoted<W: Write>(
    writer: &mut csv::Writer<W>,
    cells: &[impl AsRef<str>],
    quoted: &mut [String],
) -> csv::Result<()> {
    for (cell, out) in cells.iter().zip(quoted.iter_mut()) {
        out.clear();
        quote(cell.as_ref(), out);
    }
    // A record of one empty cell would be an empty line, which readers skip: `""` keeps the row.
    if let [only] = quoted
        && only.is_empty()
    {
        only.push_str("\"\"");
    }
    writer.write_record(quoted.iter())
}

/// RFC 4180 quoting (`"…"`, inner quotes doubled) for a cell holding a separator of any kind, a
/// quote or a line break; any other cell as it is.
fn quote(cell: &str, out: &mut String) {
    let needs_quotes = cell.contains(SPLITS) || cell.contains('"');
    if !needs_quotes {
        out.push_str(cell);
        return;
    }
    out.push('"');
    for c in cell.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
}

/// What a formula made only of these can compute is arithmetic on numbers: a phone number such as
/// `+1 423-205-8798` after `; ` in a list of numbers runs nothing, and keeps its text unmarked.
const ARITHMETIC: &str = "0123456789 +-().";

/// A `'` before each formula start that follows a split inside the cell (after any spaces), unless
/// all up to the next split is arithmetic (`ARITHMETIC`).
pub(super) fn neutralise_inner_formulas(cell: &mut String) {
    if !cell.contains(SPLITS) {
        return;
    }
    let mut out = String::with_capacity(cell.len() + 4);
    let mut rest = cell.as_str();
    while let Some(at) = rest.find(SPLITS) {
        let split = rest[at..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&rest[..at + split]);
        rest = &rest[at + split..];
        let spaces = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_whitespace() && !SPLITS.contains(&c))
                .len();
        let next = rest[spaces..].chars().next();
        let until_split = &rest[..rest.find(SPLITS).unwrap_or(rest.len())];
        let arithmetic = until_split.chars().all(|c| ARITHMETIC.contains(c));
        if next.is_some_and(|c| FORMULA_STARTS.contains(&c)) && !arithmetic {
            out.push('\'');
        }
    }
    out.push_str(rest);
    *cell = out;
}

#[cfg(test)]
mod tests {
    use super::{neutralise_formula, neutralise_inner_formulas, quote};

    #[test]
    fn a_formula_start_after_a_separator_or_line_break_inside_a_cell_is_guarded() {
        for (raw, written) in [
            ("Sales;=2+5;", "Sales;'=2+5;"),
            ("East, +6*7", "East,' +6*7"),
            ("West\t-6*7", "West\t'-6*7"),
            ("one\n@two\r\n＝three", "one\n'@two\r\n'＝three"),
            ("a;b,c", "a;b,c"),
            ("0044123456; 14232058798", "0044123456; 14232058798"),
            ("0044123456; +1 423-205-8798", "0044123456; +1 423-205-8798"),
            ("+44 20 7946 0000; =1+2", "+44 20 7946 0000;' =1+2"),
            ("a; -Dash", "a;' -Dash"),
            ("a=b;c", "a=b;c"),
            ("=start only", "=start only"),
        ] {
            let mut cell = raw.to_string();
            neutralise_inner_formulas(&mut cell);
            assert_eq!(cell, written, "{raw:?}");
        }
    }

    #[test]
    fn a_cell_holding_any_separator_is_quoted() {
        for (raw, written) in [
            ("Sales;=2+5;", "\"Sales;=2+5;\""),
            ("a,b", "\"a,b\""),
            ("a\tb", "\"a\tb\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\r\nlines", "\"two\r\nlines\""),
            ("plain text", "plain text"),
            ("'=2+5", "'=2+5"),
            ("", ""),
        ] {
            let mut out = String::new();
            quote(raw, &mut out);
            assert_eq!(out, written, "{raw:?}");
        }
    }

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
