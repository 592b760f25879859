//! JSON export: the full records, every field (including ones Zoom added later), in view order.

#[path = "support/hostile.rs"]
mod hostile;

use roster::export::{ExportFormat, export_to_path};
use zoom::PhoneUser;

#[test]
fn writes_full_records_in_the_order_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roster.json");
    let users = hostile::hostile_users();
    let in_view: Vec<&PhoneUser> = vec![&users[4], &users[0], &users[2]];
    let summary = export_to_path(in_view.iter().copied(), &[], ExportFormat::Json, &path).unwrap();
    assert_eq!(summary.rows, 3);

    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("[\n  {"), "pretty-printed");
    let back: Vec<PhoneUser> = serde_json::from_str(&text).unwrap();
    assert_eq!(back, [users[4].clone(), users[0].clone(), users[2].clone()]);
    let raw: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(raw[1]["x_new_field"]["nested"][1], 2, "unknown fields kept");
    assert_eq!(raw[1]["extension_number"], "0101");
}

#[test]
fn an_empty_view_is_an_empty_array() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("none.json");
    let summary = export_to_path(std::iter::empty(), &[], ExportFormat::Json, &path).unwrap();
    assert_eq!(summary.rows, 0);
    assert_eq!(std::fs::read_to_string(&path).unwrap().trim(), "[]");
}
