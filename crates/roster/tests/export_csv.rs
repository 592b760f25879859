//! CSV export read back as Excel and Google Sheets would: every hostile value survives, formulas
//! are defused, and the framing (BOM, CRLF, delimiter, quoting) is what Excel expects.

#[path = "support/formula_guard.rs"]
mod formula_guard;
#[path = "support/hostile.rs"]
mod hostile;

use std::fs;

use proptest::prelude::*;
use roster::Column;
use roster::export::{CsvOptions, Delimiter, ExportFormat, export_to_path};

fn export(options: CsvOptions, columns: &[Column]) -> (Vec<u8>, usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roster.csv");
    let users = hostile::hostile_users();
    let summary = export_to_path(&users, columns, ExportFormat::Csv(options), &path).unwrap();
    assert!(summary.path.is_absolute());
    (fs::read(&path).unwrap(), summary.rows)
}

fn read_back(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    let body = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(bytes);
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|record| record.unwrap().iter().map(String::from).collect())
        .collect()
}

/// What a cell must read back as: the value, with an apostrophe before a formula start (also after
/// leading white space, and in full-width form) or a leading tab or carriage return.
fn expected(value: String) -> String {
    formula_guard::plain(&value)
}

#[test]
fn every_hostile_value_survives_the_round_trip() {
    let (bytes, rows) = export(CsvOptions::default(), &Column::ALL);
    assert_eq!(rows, 5);
    assert!(bytes.starts_with("\u{FEFF}Name,Email,Extension,Phone Numbers,".as_bytes()));
    let records = read_back(&bytes, b',');
    assert_eq!(records[0], Column::ALL.map(|c| c.header().to_string()));
    for (record, user) in records[1..].iter().zip(hostile::hostile_users()) {
        let cells: Vec<String> = Column::ALL
            .iter()
            .map(|c| expected(c.cell_as_sent(&user)))
            .collect();
        assert_eq!(record, &cells);
    }
    assert_eq!(records.len(), 6);

    let first = &records[1];
    assert_eq!(first[0], "José García");
    assert_eq!(first[2], "0101", "leading zeros kept");
    assert_eq!(
        first[3], "0044123456; 14232058798",
        "numbers as digits, Zoom's order"
    );
    assert_eq!(first[4], "Main \"HQ\"");
    assert_eq!(records[2][5], "line one\nline two");
    assert_eq!(records[2][6], "'=1+1", "formula defused");
    assert_eq!(records[3][0], "'+SUM(A1:A9)");
    assert_eq!(records[3][1], "'-cmd@example.com");
    assert_eq!(records[3][5], "'@risk");
    assert_eq!(records[3][6], "'\tTabbed");
    assert_eq!(records[3][8], "'\rCR plan");
    assert_eq!(records[5][3], "'+1 (423) 555-0100");
}

#[test]
fn quotes_only_where_needed_and_ends_lines_with_crlf() {
    let columns = [Column::Name, Column::Extension, Column::Department];
    let (bytes, _) = export(
        CsvOptions {
            bom: false,
            ..CsvOptions::default()
        },
        &columns,
    );
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        text.starts_with("Name,Extension,Department\r\n"),
        "no BOM when off"
    );
    assert!(
        text.contains("\r\nJosé García,0101,\"Ventas, Sur\"\r\n"),
        "{text}"
    );
    assert!(
        text.contains("\r\n\"Zoë \"\"Zed\"\" O'Brien, Jr.\",9,\"Ventas, Sur\"\r\n"),
        "{text}"
    );
    assert!(
        text.contains("\"line one\nline two\""),
        "a newline inside a cell stays LF, quoted"
    );
    assert!(text.ends_with("\r\n"));
    assert_eq!(text.matches("\r\n").count(), 6, "one per record");
}

#[test]
fn semicolons_for_european_excel() {
    let columns = [Column::Name, Column::Site, Column::Department];
    let (bytes, _) = export(
        CsvOptions {
            delimiter: Delimiter::Semicolon,
            ..CsvOptions::default()
        },
        &columns,
    );
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.starts_with("\u{FEFF}Name;Site;Department\r\n"));
    assert!(
        // A comma is quoted in a semicolon file too: Excel set to the comma splits at it.
        text.contains("\r\nJosé García;\"Main \"\"HQ\"\"\";\"Ventas, Sur\"\r\n"),
        "{text}"
    );
    assert!(
        text.contains("\"Zürich; Süd\""),
        "a semicolon in a value is quoted"
    );
    let records = read_back(&bytes, b';');
    assert_eq!(
        records[2],
        ["北京 用户", "Zürich; Süd", "line one\nline two"]
    );
}

#[test]
fn columns_come_in_the_order_chosen() {
    let (bytes, _) = export(CsvOptions::default(), &[Column::UserId, Column::Name]);
    let records = read_back(&bytes, b',');
    assert_eq!(records[0], ["User ID", "Name"]);
    assert_eq!(records[1], ["u-001", "José García"]);
}

/// Any Unicode (quotes, delimiters, line breaks of every kind, NULs, astral planes, formula starts).
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ \u{3000}\t\r\n,;\"'=+\\-@＝＋－＠a-zé北😀]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_reads_back_through_the_csv_reader(
        cells in prop::collection::vec((any_text(), any_text(), any_text()), 1..20),
        semicolons in any::<bool>(),
    ) {
        let users: Vec<zoom::PhoneUser> = cells
            .iter()
            .enumerate()
            .map(|(i, (name, department, cost_center))| zoom::PhoneUser {
                id: format!("u{i}").into(),
                name: Some(name.as_str().into()),
                department: Some(department.as_str().into()),
                cost_center: Some(cost_center.as_str().into()),
                ..Default::default()
            })
            .collect();
        let delimiter = if semicolons { Delimiter::Semicolon } else { Delimiter::Comma };
        let options = CsvOptions { delimiter, ..CsvOptions::default() };
        let columns = [Column::Name, Column::Department, Column::CostCenter, Column::UserId];
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("roster.csv");
        export_to_path(&users, &columns, ExportFormat::Csv(options), &path).unwrap();
        let rows = read_back(&fs::read(&path).unwrap(), delimiter.byte());
        prop_assert_eq!(rows.len(), users.len() + 1);
        for (row, (name, department, cost_center)) in rows[1..].iter().zip(&cells) {
            let wanted = [
                expected(name.clone()),
                expected(department.clone()),
                expected(cost_center.clone()),
            ];
            prop_assert_eq!(&row[..3], &wanted[..]);
        }
    }
}
