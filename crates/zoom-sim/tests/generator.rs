//! The roster generator: deterministic, realistic in shape, and full of values that break exports.

use std::collections::{HashMap, HashSet};

use serde_json::Value;
use zoom_sim::generate_users;

const KNOWN_FIELDS: [&str; 13] = [
    "id",
    "phone_user_id",
    "name",
    "email",
    "extension_id",
    "extension_number",
    "status",
    "activation_status",
    "site",
    "department",
    "cost_center",
    "calling_plans",
    "phone_numbers",
];

fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(fields) => fields.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

fn all_strings(users: &[Value]) -> Vec<String> {
    let mut out = Vec::new();
    users.iter().for_each(|u| strings(u, &mut out));
    out
}

#[test]
fn same_seed_same_roster_other_seed_other_roster() {
    assert_eq!(generate_users(2_000, 7), generate_users(2_000, 7));
    assert_ne!(generate_users(2_000, 7), generate_users(2_000, 8));
    assert_eq!(generate_users(0, 7), Vec::<Value>::new());
}

#[test]
fn ids_extensions_and_numbers_are_unique() {
    let users = generate_users(20_000, 1);
    let ids: HashSet<_> = users.iter().map(|u| u["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), users.len());
    let extensions: Vec<u64> = users
        .iter()
        .filter_map(|u| u["extension_number"].as_u64())
        .collect();
    assert_eq!(
        extensions.iter().collect::<HashSet<_>>().len(),
        extensions.len()
    );
    let numbers: Vec<&str> = users
        .iter()
        .filter_map(|u| u["phone_numbers"].as_array())
        .flatten()
        .map(|n| n["number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers.iter().collect::<HashSet<_>>().len(), numbers.len());
}

#[test]
fn fields_have_zoom_types_and_limits() {
    let users = generate_users(5_000, 2);
    let mut max_numbers = 0;
    let mut max_plans = 0;
    for user in &users {
        if let Some(extension) = user.get("extension_number").filter(|v| !v.is_null()) {
            assert!(
                extension.is_u64(),
                "extension_number is a JSON integer: {extension}"
            );
        }
        if let Some(numbers) = user["phone_numbers"].as_array() {
            max_numbers = max_numbers.max(numbers.len());
            for number in numbers {
                let digits = number["number"].as_str().unwrap();
                assert!(
                    digits.chars().all(|c| c.is_ascii_digit()),
                    "digits without +: {digits}"
                );
            }
        }
        if let Some(plans) = user["calling_plans"].as_array() {
            max_plans = max_plans.max(plans.len());
            assert!(
                plans
                    .iter()
                    .all(|p| p["type"].is_u64() && p["name"].is_string())
            );
        }
        let activation = user["activation_status"].as_str();
        assert!(
            activation.is_none_or(|a| ["activated", "ready to activate", "not ready"].contains(&a))
        );
    }
    assert_eq!(max_numbers, 10, "some user has the maximum of 10 numbers");
    assert_eq!(max_plans, 3);
    let numbers = users
        .iter()
        .filter_map(|u| u["phone_numbers"].as_array())
        .flatten();
    assert!(
        numbers
            .clone()
            .any(|n| n["number"].as_str().unwrap().starts_with('0')),
        "leading zeros"
    );
}

#[test]
fn every_status_with_most_users_active() {
    let users = generate_users(10_000, 3);
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for user in &users {
        *counts
            .entry(user["status"].as_str().expect("status is always set here"))
            .or_default() += 1;
    }
    assert_eq!(counts.len(), 3, "{counts:?}");
    assert!(counts["activate"] > users.len() * 3 / 4);
    assert!(
        (100..=600).contains(&counts["pending"]),
        "~3% pending: {counts:?}"
    );
    let pending = users.iter().filter(|u| u["status"] == "pending");
    assert!(
        pending.clone().all(|u| u.get("extension_number").is_none()),
        "no phone feature yet"
    );
}

#[test]
fn missing_null_and_unknown_fields_occur() {
    let users = generate_users(5_000, 4);
    for field in ["department", "cost_center", "site", "email"] {
        assert!(
            users.iter().any(|u| u.get(field).is_none()),
            "{field} missing somewhere"
        );
        assert!(
            users
                .iter()
                .any(|u| u.get(field).is_some_and(Value::is_null)),
            "{field} null somewhere"
        );
    }
    let unknown = users.iter().filter(|u| {
        u.as_object()
            .unwrap()
            .keys()
            .any(|k| !KNOWN_FIELDS.contains(&k.as_str()))
    });
    assert!(unknown.count() > 10, "unknown fields now and then");
}

#[test]
fn hostile_values_are_present_even_in_a_small_roster() {
    let values = all_strings(&generate_users(300, 5));
    let any =
        |what: &str, test: &dyn Fn(&str) -> bool| assert!(values.iter().any(|v| test(v)), "{what}");
    any("comma", &|v| v.contains(','));
    any("double quote", &|v| v.contains('"'));
    any("newline", &|v| v.contains('\n'));
    any("carriage return", &|v| v.contains('\r'));
    any("tab", &|v| v.contains('\t'));
    for lead in ['=', '+', '-', '@', '\t', '\r'] {
        any(&format!("leading {lead:?}"), &|v| v.starts_with(lead));
    }
    let in_range =
        |lo: u32, hi: u32| move |v: &str| v.chars().any(|c| (lo..=hi).contains(&(c as u32)));
    let big = all_strings(&generate_users(3_000, 5));
    let any_big =
        |what: &str, test: &dyn Fn(&str) -> bool| assert!(big.iter().any(|v| test(v)), "{what}");
    any_big("Japanese kana", &in_range(0x3040, 0x30FF));
    any_big("CJK ideographs", &in_range(0x4E00, 0x9FFF));
    any_big("Arabic", &in_range(0x0600, 0x06FF));
    any_big("Cyrillic", &in_range(0x0400, 0x04FF));
    any_big("Greek", &in_range(0x0370, 0x03FF));
    any_big("Latin accents", &in_range(0x00C0, 0x017F));
    any_big("cost center with leading zeros", &|v| v.starts_with("00"));
    any_big("cost center code", &|v| v.starts_with("CC-"));
}

#[test]
fn groups_have_skewed_sizes() {
    let users = generate_users(10_000, 6);
    for field in ["department", "cost_center"] {
        let mut sizes: HashMap<&str, usize> = HashMap::new();
        for value in users.iter().filter_map(|u| u[field].as_str()) {
            *sizes.entry(value).or_default() += 1;
        }
        let biggest = sizes.values().max().unwrap();
        let smallest = sizes.values().min().unwrap();
        assert!(
            sizes.len() >= 10 && *biggest > 10 * smallest,
            "{field}: {biggest} vs {smallest}"
        );
    }
    let sites: HashSet<&str> = users
        .iter()
        .filter_map(|u| u["site"]["id"].as_str())
        .collect();
    assert!((5..=25).contains(&sites.len()), "{} sites", sites.len());
}
