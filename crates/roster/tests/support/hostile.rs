//! Users whose values break naive CSV writers and spreadsheets: non-Latin scripts, accents,
//! delimiters, quotes, newlines, leading zeros, formula-looking cells, blanks and missing fields.

use serde_json::json;
use zoom::PhoneUser;

pub fn hostile_users() -> Vec<PhoneUser> {
    [
        json!({
            "id": "u-001", "name": "José García", "email": "jose@example.com",
            "extension_number": "0101", "status": "activate", "department": "Ventas, Sur",
            "cost_center": "0042", "site": {"id": "s1", "name": "Main \"HQ\""},
            "phone_numbers": [{"id": "p1", "number": "0044123456"}, {"id": "p2", "number": "14232058798"}],
            "calling_plans": [{"name": "US/CA Unlimited", "type": 200}, {"name": "Global Select"}],
            "x_new_field": {"nested": [1, 2]}
        }),
        json!({
            "id": "u-002", "name": "北京 用户", "email": "user@例子.中国", "extension_number": 1002,
            "status": "deactivate", "department": "line one\nline two", "cost_center": "=1+1",
            "site": {"id": "s2", "name": "Zürich; Süd"}, "phone_numbers": [], "calling_plans": []
        }),
        json!({
            "id": "u-003", "name": "+SUM(A1:A9)", "email": "-cmd@example.com", "extension_number": null,
            "status": "pending", "department": "@risk", "cost_center": "\tTabbed",
            "site": null, "phone_numbers": [{"number": "007"}], "calling_plans": [{"name": "\rCR plan"}]
        }),
        json!({
            "id": "u-004", "name": "Ελένη Παπαδοπούλου", "email": null, "extension_number": "",
            "department": "", "cost_center": "   ", "activation_status": "ready to activate"
        }),
        json!({
            "id": "u-005", "name": "Zoë \"Zed\" O'Brien, Jr.", "email": "zoe@example.com",
            "extension_number": "9", "status": "activate", "department": "Ventas, Sur",
            "cost_center": "0042", "site": {"id": "s1", "name": "Main \"HQ\""},
            "phone_numbers": [{"number": "+1 (423) 555-0100"}], "calling_plans": [{"name": "Global Select"}]
        }),
    ]
    .into_iter()
    .map(|value| serde_json::from_value(value).expect("a hostile user parses"))
    .collect()
}
