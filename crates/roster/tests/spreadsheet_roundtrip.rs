//! The exports for people, opened by a real spreadsheet: LibreOffice Calc (`soffice`, Debian's
//! `libreoffice-calc-nogui`, which `cargo xtask test` installs) imports the CSV for people the way
//! Excel opens a double-clicked CSV (UTF-8, comma, `"` quotes) and opens the workbook; every cell it
//! then holds must be text equal to the screen's (`Column::cell`). The plain CSV goes through the
//! same import to show what it used to cost: the cells a spreadsheet changes in it.

#[path = "support/formula_guard.rs"]
mod formula_guard;
#[path = "support/hostile.rs"]
mod hostile;
#[path = "support/libreoffice.rs"]
mod libreoffice;
#[path = "support/spreadsheet_hostile.rs"]
mod spreadsheet_hostile;

use std::path::{Path, PathBuf};

use calamine::Data;
use libreoffice::cells;
use roster::Column;
use roster::export::{CsvOptions, CsvStyle, ExportFormat, export_to_path};
use zoom::PhoneUser;

/// LibreOffice's CSV import: comma, double quote, UTF-8 (76), from line 1: Excel's defaults.
const CSV_IMPORT: &str = "CSV:44,34,76,1";

/// Converts `input` to .xlsx with LibreOffice (a CSV through `CSV_IMPORT`).
fn through_libreoffice(input: &Path, work: &Path) -> PathBuf {
    let out = work.join(format!(
        "converted-{}",
        input.extension().unwrap().to_string_lossy()
    ));
    let csv = input.extension().is_some_and(|e| e == "csv");
    let infilter = csv.then_some(CSV_IMPORT);
    libreoffice::to_workbooks(&[input.to_path_buf()], infilter, work, &out).remove(0)
}

/// The cells of data rows (after the header) that differ from `expected`, as
/// `(column, expected, found)`.
fn differences(
    users: &[PhoneUser],
    sheet: &[Vec<Data>],
    expected: impl Fn(Column, &PhoneUser) -> String,
) -> Vec<(Column, String, Data)> {
    let mut found = Vec::new();
    for (r, user) in users.iter().enumerate() {
        for (c, column) in Column::ALL.into_iter().enumerate() {
            let want = expected(column, user);
            let got = sheet
                .get(r + 1)
                .and_then(|row| row.get(c))
                .cloned()
                .unwrap_or(Data::Empty);
            let same = match &got {
                Data::String(text) => *text == want,
                Data::Empty => want.is_empty(),
                _ => false,
            };
            if !same {
                found.push((column, want, got));
            }
        }
    }
    found
}

fn export(users: &[PhoneUser], format: ExportFormat, path: &Path) {
    export_to_path(users, &Column::ALL, format, path).expect("exported");
}

fn csv(style: CsvStyle) -> ExportFormat {
    ExportFormat::Csv(CsvOptions {
        style,
        ..CsvOptions::default()
    })
}

/// What a spreadsheet shows for the CSV for people: the screen's text; a multi-line value that
/// starts like a formula keeps its `'` (see spreadsheet_text.rs: a formula cannot hold a line break
/// in every language of Excel), and a carriage return in a value is a line break, as every CSV
/// import reads one (the workbook keeps it).
fn shown_for_people(column: Column, user: &PhoneUser) -> String {
    // A formula start after a separator inside the cell carries its `'` (csv.rs).
    let cell = formula_guard::inner(&column.cell(user));
    let text = cell.replace("\r\n", "\n").replace('\r', "\n");
    if formula_like(&cell) && text.contains('\n') {
        format!("'{text}")
    } else {
        text
    }
}

/// What the formula guard puts a `'` before (see crates/roster/src/export/csv.rs).
fn formula_like(text: &str) -> bool {
    text.trim_start()
        .starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠'])
        || text.starts_with(['\t', '\r'])
}

/// The roster through both exports for people, then what the plain CSV loses, per column.
fn round_trip(name: &str, users: &[PhoneUser]) {
    let dir = tempfile::tempdir().unwrap();
    let people = dir.path().join(format!("{name}-for-people.csv"));
    let workbook = dir.path().join(format!("{name}.xlsx"));
    let plain = dir.path().join(format!("{name}-plain.csv"));
    export(users, csv(CsvStyle::ForPeople), &people);
    export(users, ExportFormat::Xlsx, &workbook);
    export(users, csv(CsvStyle::Plain), &plain);

    let from_people = cells(&through_libreoffice(&people, dir.path()));
    let wrong = differences(users, &from_people, shown_for_people);
    assert!(
        wrong.is_empty(),
        "{name}: {} cells of the CSV for people differ in LibreOffice, e.g. {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(8)]
    );
    let from_workbook = cells(&through_libreoffice(&workbook, dir.path()));
    let wrong = differences(users, &from_workbook, |column, user| column.cell(user));
    assert!(
        wrong.is_empty(),
        "{name}: {} cells of the workbook differ in LibreOffice, e.g. {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(8)]
    );

    // Before: the plain CSV's cells a spreadsheet changes (its formula guard's `'` aside).
    let from_plain = cells(&through_libreoffice(&plain, dir.path()));
    let changed = differences(users, &from_plain, |column, user| {
        formula_guard::plain(&column.cell_as_sent(user))
    });
    let mut per_column: Vec<(Column, usize, String)> = Vec::new();
    for (column, want, got) in &changed {
        match per_column.iter_mut().find(|(c, ..)| c == column) {
            Some((_, count, _)) => *count += 1,
            None => per_column.push((*column, 1, format!("{want:?} → {got:?}"))),
        }
    }
    println!(
        "{name}: {} users; the plain CSV through LibreOffice changes {} cells; the CSV for people \
         and the workbook change none",
        users.len(),
        changed.len()
    );
    for (column, count, example) in per_column {
        println!("  {:<16} {count:>6} cells, e.g. {example}", column.header());
    }
}

#[test]
fn the_demo_roster_reads_in_a_spreadsheet_exactly_as_on_screen() {
    let users: Vec<PhoneUser> = zoom_sim::generate_demo_users(10_000, 42)
        .into_iter()
        .map(|value| serde_json::from_value(value).expect("a demo user"))
        .collect();
    round_trip("demo", &users);
}

#[test]
fn hostile_values_read_in_a_spreadsheet_exactly_as_on_screen() {
    let mut users = hostile::hostile_users();
    users.extend(spreadsheet_hostile::spreadsheet_hostile_users());
    round_trip("hostile", &users);
}
