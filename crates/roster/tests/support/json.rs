//! Arbitrary JSON: every shape, nested a few levels, with huge strings and numbers at the edges.

use proptest::prelude::*;
use serde_json::{Map, Value};

pub fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        // Huge strings: a page is capped, a field is not, so they must parse and cost no more.
        (0usize..200_000).prop_map(|n| Value::String("x".repeat(n))),
    ];
    leaf.prop_recursive(3, 48, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Mostly the names the code reads, so that wrong types and nulls reach the fields that matter.
pub fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "id",
            "name",
            "email",
            "status",
            "site",
            "department",
            "cost_center",
            "calling_plans",
            "phone_numbers",
            "extension_number",
            "users",
            "next_page_token",
            "total_records",
            "search",
            "filters",
            "sort",
            "column",
            "descending",
            "number",
            "type",
            "cost_center",
            "calling_plan",
        ])
        .prop_map(str::to_owned),
        any::<String>(),
    ]
}
