//! A table that is not users (changes, a report) goes through the users' writers: the same CSV
//! framing and protection, text cells in xlsx, objects keyed by header in JSON, atomic.

use std::fs::{self, File};
use std::io::Read;
use std::sync::atomic::AtomicBool;

use roster::export::{CsvOptions, CsvStyle, Delimiter, ExportFormat, Table, export_table_to_path};

fn table() -> Table {
    Table {
        name: "Changes: Acme/EMEA".into(),
        headers: vec!["Change".into(), "Cost Center".into(), "What changed".into()],
        rows: vec![
            vec!["Joined".into(), "00042".into(), "=SUM(A1)".into()],
            vec!["Left".into(), "".into()],
        ],
    }
}

fn write(format: ExportFormat, name: &str) -> (tempfile::TempDir, std::path::PathBuf, usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    let summary = export_table_to_path(&table(), format, &path, &AtomicBool::new(false)).unwrap();
    assert!(summary.path.is_absolute());
    (dir, path, summary.rows)
}

#[test]
fn plain_csv_keeps_values_and_guards_formulas() {
    let (_dir, path, rows) = write(ExportFormat::Csv(CsvOptions::default()), "t.csv");
    assert_eq!(rows, 2);
    let text = fs::read_to_string(path).unwrap();
    assert_eq!(
        text,
        "\u{FEFF}Change,Cost Center,What changed\r\nJoined,00042,'=SUM(A1)\r\nLeft,,\r\n"
    );
}

#[test]
fn csv_for_people_keeps_text_text_as_the_users_csv_does() {
    let options = CsvOptions {
        bom: false,
        delimiter: Delimiter::Semicolon,
        style: CsvStyle::ForPeople,
    };
    let (_dir, path, _) = write(ExportFormat::Csv(options), "t.csv");
    let text = fs::read_to_string(path).unwrap();
    assert_eq!(
        text,
        "Change;Cost Center;What changed\r\nJoined;\"=\"\"00042\"\"\";\"=\"\"=SUM(A1)\"\"\"\r\nLeft;;\r\n"
    );
}

#[test]
fn json_is_an_array_of_objects_keyed_by_header_in_order() {
    let (_dir, path, rows) = write(ExportFormat::Json, "t.json");
    assert_eq!(rows, 2);
    let text = fs::read_to_string(path).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        value,
        serde_json::json!([
            {"Change": "Joined", "Cost Center": "00042", "What changed": "=SUM(A1)"},
            {"Change": "Left", "Cost Center": "", "What changed": ""},
        ])
    );
    let change = text.find("\"Change\"").unwrap();
    assert!(change < text.find("\"Cost Center\"").unwrap(), "{text}");
}

#[test]
fn xlsx_has_the_table_s_name_and_text_cells() {
    let (_dir, path, rows) = write(ExportFormat::Xlsx, "t.xlsx");
    assert_eq!(rows, 2);
    let mut archive = zip::ZipArchive::new(File::open(&path).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let workbook = read("xl/workbook.xml");
    assert!(
        workbook.contains(r#"name="Changes_ Acme_EMEA""#),
        "{workbook}"
    );
    // Constant-memory mode writes strings inline in the sheet.
    let strings = read("xl/worksheets/sheet1.xml");
    for cell in ["Change", "00042", "=SUM(A1)", "Left"] {
        assert!(strings.contains(cell), "{cell} in {strings}");
    }
}

#[test]
fn a_cancelled_table_export_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    let format = ExportFormat::Csv(CsvOptions::default());
    let result = export_table_to_path(&table(), format, &path, &AtomicBool::new(true));
    assert!(
        matches!(result, Err(roster::Error::Cancelled { .. })),
        "{result:?}"
    );
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}
