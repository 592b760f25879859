//! The plain CSV is a contract with the scripts that read it: for the same roster it stays the
//! same, byte for byte, release after release. `fixtures/contract-roster.json` is a roster (the
//! hostile test users plus 300 generated ones, frozen as Zoom sent them) and the `.csv` files beside
//! it are what this version writes for it. A difference is a breaking change for every scheduled job
//! that parses the file: change the fixtures only with a major version (or before the first
//! release), saying in the README what changed; `PHONE_ROSTER_WRITE_FIXTURES=1 cargo test -p roster
//! --test export_plain_contract` writes them on purpose.

use std::path::PathBuf;

use roster::Column;
use roster::export::{CsvOptions, Delimiter, ExportFormat, export_to_path};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn roster() -> Vec<zoom::PhoneUser> {
    let json = std::fs::read(fixture("contract-roster.json")).expect("the frozen roster");
    serde_json::from_slice(&json).expect("the frozen roster parses")
}

fn written(options: CsvOptions, columns: &[Column]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roster.csv");
    export_to_path(&roster(), columns, ExportFormat::Csv(options), &path).unwrap();
    std::fs::read(&path).unwrap()
}

fn assert_same(written: &[u8], golden: &str) {
    if std::env::var_os("PHONE_ROSTER_WRITE_FIXTURES").is_some() {
        std::fs::write(fixture(golden), written).expect("the golden file is written");
        return;
    }
    let expected = std::fs::read(fixture(golden)).expect("the golden file");
    if written != expected {
        let at = written
            .iter()
            .zip(&expected)
            .position(|(a, b)| a != b)
            .unwrap_or(written.len().min(expected.len()));
        let around = |bytes: &[u8]| {
            String::from_utf8_lossy(&bytes[at.saturating_sub(60)..(at + 60).min(bytes.len())])
                .into_owned()
        };
        panic!(
            "{golden} changed at byte {at}:\n  now    {:?}\n  before {:?}",
            around(written),
            around(&expected)
        );
    }
}

#[test]
fn the_default_columns_are_unchanged_byte_for_byte() {
    assert_same(
        &written(CsvOptions::default(), &Column::DEFAULT_EXPORT),
        "contract-roster.csv",
    );
}

#[test]
fn every_column_semicolons_and_no_bom_are_unchanged_byte_for_byte() {
    let semicolons = CsvOptions {
        delimiter: Delimiter::Semicolon,
        ..CsvOptions::default()
    };
    let no_bom = CsvOptions {
        bom: false,
        ..CsvOptions::default()
    };
    assert_same(
        &written(CsvOptions::default(), &Column::ALL),
        "contract-roster-all-columns.csv",
    );
    assert_same(
        &written(semicolons, &Column::DEFAULT_EXPORT),
        "contract-roster-semicolons.csv",
    );
    assert_same(
        &written(no_bom, &Column::DEFAULT_EXPORT),
        "contract-roster-no-bom.csv",
    );
}
