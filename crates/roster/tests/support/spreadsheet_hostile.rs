//! Users whose values a spreadsheet opening a CSV would change: leading zeros, long digit strings,
//! date-, time-, number- and truth-like values, error codes, formulas, multi-line and right-to-left
//! text, and phone numbers of several countries.

use serde_json::json;
use zoom::PhoneUser;

pub fn spreadsheet_hostile_users() -> Vec<PhoneUser> {
    let mut values: Vec<String> = [
        "00042",
        "0",
        "007",
        "441234567890",
        "123456789012345678",
        "3/4",
        "1-2",
        "MAR1",
        "Jan 2",
        "10:30",
        "1E5",
        "1,234",
        "50%",
        "$5",
        "(5)",
        "TRUE",
        "false",
        "#N/A",
        "#DIV/0!",
        "=1+2",
        "+SUM(A1)",
        "-Dash",
        "@home",
        "＝1+2",
        "  =1",
        "\tTab 1",
        "line one\nline two",
        "=HYPERLINK(\"http://x\")\nsecond line",
        "مرحبا 42",
        "שלום",
        "٣٤٥",
        "１２３",
        " padded ",
        "say \"hi\" 3",
        "a;b,c",
        "Zoë 2",
    ]
    .map(String::from)
    .to_vec();
    values.push("x".repeat(300));
    values.push("9".repeat(300));
    let numbers = [
        "18634022606",
        "442079460000",
        "4930901820",
        "81312345678",
        "0044123456",
        "33142685300",
    ];
    values
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let number = numbers[i % numbers.len()];
            let status = ["activate", "deactivate", "pending", "suspended"][i % 4];
            json!({
                "id": format!("s-{i:03}"),
                "name": format!("Person {i}"),
                "email": format!("p{i}@example.com"),
                "extension_number": value,
                "department": value,
                "cost_center": value,
                "status": status,
                "site": {"id": format!("site{i}"), "name": value},
                "phone_numbers": [{"number": number}, {"number": value}],
                "calling_plans": [{"name": value}],
            })
        })
        .map(|value| serde_json::from_value(value).expect("a spreadsheet-hostile user parses"))
        .collect()
}
