//! No export runs a formula hidden behind another separator. Excel splits a double-clicked CSV at
//! the region's list separator, not the file's: a name such as `Sales;=6*7;`, written unquoted in
//! a comma file, becomes the cells `Sales`, `=6*7` and `` in a region whose separator is `;`, and
//! `=6*7` runs. LibreOffice opens every export form (plain and for people, comma and semicolon, the
//! users and a table such as the report) with each separator (`,`, `;`, tab), evaluating formulas,
//! and must find none; a control file written the old way (quoted only for its own separator)
//! shows that the check sees a payload run when one does.

#[path = "support/libreoffice.rs"]
mod libreoffice;

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use roster::Column;
use roster::export::{
    CsvOptions, CsvStyle, Delimiter, ExportFormat, Table, export_table_to_path, export_to_path,
};
use serde_json::json;
use zoom::PhoneUser;

/// Values that hide a formula behind a separator, each in a field of its own column.
const SMUGGLED: [&str; 6] = [
    "Sales;=6*7;",
    "Sales,=6*7,",
    "Sales\t=6*7\t",
    "North;@SUM(6*7)",
    "East,+6*7",
    "West\t-6*7",
];

fn users() -> Vec<PhoneUser> {
    SMUGGLED
        .iter()
        .enumerate()
        .map(|(i, value)| {
            serde_json::from_value(json!({
                "id": format!("f-{i}"),
                "name": value,
                "email": format!("f{i}@example.com"),
                "extension_number": "100",
                "department": value,
                "cost_center": value,
                "status": "activate",
                "site": {"id": "s1", "name": value},
                "phone_numbers": [{"number": "18634022606"}],
                "calling_plans": [{"name": value}],
            }))
            .expect("a user parses")
        })
        .collect()
}

/// LibreOffice's CSV import with `separator` (an ASCII code), `"` quotes, UTF-8, from line 1, and
/// formulas evaluated (the 13th option), as a spreadsheet opening the file by double-click does.
fn import_with(separator: u8) -> String {
    format!("CSV:{separator},34,76,1,,1033,false,false,false,false,false,-1,true")
}

/// Whether `formula` runs a smuggled payload: `6*7` outside its string literals. (The CSV for
/// people writes some cells as `="00042"`, a formula that only yields its text; a spreadsheet that
/// splits a line elsewhere may join such pieces into odd formulas, which still compute nothing.)
fn runs_a_payload(formula: &str) -> bool {
    let mut outside = String::new();
    let mut in_literal = false;
    for c in formula.chars() {
        if c == '"' {
            in_literal = !in_literal;
        } else if !in_literal {
            outside.push(c);
        }
    }
    outside.contains("6*7")
}

#[test]
fn no_export_runs_a_formula_whatever_separator_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let users = users();
    let mut exports: Vec<PathBuf> = Vec::new();
    for style in [CsvStyle::Plain, CsvStyle::ForPeople] {
        for delimiter in [Delimiter::Comma, Delimiter::Semicolon] {
            let format = ExportFormat::Csv(CsvOptions {
                style,
                delimiter,
                ..CsvOptions::default()
            });
            let path = dir
                .path()
                .join(format!("users-{style:?}-{delimiter:?}.csv"));
            export_to_path(&users, &Column::ALL, format, &path).expect("exported");
            let table = Table {
                name: "Report".into(),
                headers: vec!["Cost Center".into(), "Users".into()],
                rows: SMUGGLED
                    .iter()
                    .map(|v| vec![v.to_string(), "1".into()])
                    .collect(),
            };
            let report = dir
                .path()
                .join(format!("report-{style:?}-{delimiter:?}.csv"));
            export_table_to_path(&table, format, &report, &AtomicBool::new(false))
                .expect("exported");
            exports.extend([path, report]);
        }
    }
    // The control: each value quoted only where it holds the file's own separator (a comma).
    let control = dir.path().join("control-quoted-for-commas-only.csv");
    let lines: Vec<String> = SMUGGLED
        .iter()
        .map(|v| {
            if v.contains(',') {
                format!("\"{v}\"")
            } else {
                v.to_string()
            }
        })
        .collect();
    std::fs::write(&control, lines.join("\r\n")).unwrap();

    for (separator, name) in [(b',', "comma"), (b';', "semicolon"), (b'\t', "tab")] {
        let out = dir.path().join(format!("opened-with-{name}"));
        let mut inputs = exports.clone();
        inputs.push(control.clone());
        let workbooks =
            libreoffice::to_workbooks(&inputs, Some(&import_with(separator)), dir.path(), &out);
        let (control_workbook, export_workbooks) = workbooks.split_last().unwrap();
        for (export, workbook) in exports.iter().zip(export_workbooks) {
            let ran: Vec<String> = libreoffice::formulas(workbook)
                .into_iter()
                .filter(|formula| runs_a_payload(formula))
                .collect();
            assert!(
                ran.is_empty(),
                "{} opened with a {name} separator ran {ran:?}",
                export.display()
            );
        }
        if separator != b',' {
            // Split at `;` or a tab, the unquoted values start cells with `=`, `@`, `+`, `-`.
            let ran = libreoffice::formulas(control_workbook);
            assert!(
                ran.iter().any(|formula| runs_a_payload(formula)),
                "the control ran no payload with a {name} separator: {ran:?}"
            );
        }
    }
}
