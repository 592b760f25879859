//! xlsx export, checked by reading the workbook's XML back out of the zip.

#[path = "support/hostile.rs"]
mod hostile;

use std::fs::File;
use std::io::Read;

use roster::Column;
use roster::export::{ExportFormat, export_to_path};

fn part(archive: &mut zip::ZipArchive<File>, name: &str) -> String {
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn writes_text_cells_a_bold_frozen_header_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir
        .path()
        .join("Acme: EMEA - CC-0042 + 2 Departments - 2026-11-28.xlsx");
    let users = hostile::hostile_users();
    let summary =
        export_to_path(&users, &Column::DEFAULT_EXPORT, ExportFormat::Xlsx, &path).unwrap();
    assert_eq!(summary.rows, 5);

    let mut archive = zip::ZipArchive::new(File::open(&path).unwrap()).unwrap();
    let sheet = part(&mut archive, "xl/worksheets/sheet1.xml");
    let workbook = part(&mut archive, "xl/workbook.xml");
    let styles = part(&mut archive, "xl/styles.xml");
    let properties = part(&mut archive, "docProps/core.xml");

    // The view's name: on the tab (Excel's 31 characters, no colon) and in full as the title.
    assert!(
        workbook.contains("name=\"Acme_ EMEA - CC-0042 + 2 Depart\""),
        "{workbook}"
    );
    assert!(
        properties.contains("<dc:title>Acme: EMEA - CC-0042 + 2 Departments</dc:title>"),
        "{properties}"
    );
    assert!(sheet.contains("<autoFilter ref=\"A1:J6\""), "{sheet}");
    assert!(sheet.contains("state=\"frozen\""), "{sheet}");
    assert!(sheet.contains("<cols>"), "column widths set");
    assert!(styles.contains("<b/>"), "a bold font for the header");
    assert!(
        styles.contains("formatCode=\"@\"") || styles.contains("numFmtId=\"49\""),
        "{styles}"
    );

    // Every value is a string cell (inline strings in constant-memory mode): none became a number.
    assert!(!sheet.contains("<v>"), "no numeric cells: {sheet}");
    // Values as the screen shows them (phone numbers formatted): a text cell is never a formula,
    // so no apostrophe here; a carriage return is escaped the way Excel reads it back.
    let values = [
        "0101",
        "0044123456; +1 423-205-8798",
        "José García",
        "北京 用户",
        "=1+1",
        "Main \"HQ\"",
        "_x000D_CR plan",
    ];
    for value in values {
        assert!(sheet.contains(&format!(">{value}<")), "{value} in {sheet}");
    }
    assert!(!sheet.contains("<f>"), "no formulas");
}
