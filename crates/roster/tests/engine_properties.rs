//! The engine against a plain reference implementation, over generated rosters full of hostile
//! values, blanks and duplicates, and several queries per roster (so the sort cache is exercised).

#[path = "support/reference.rs"]
mod reference;

use proptest::prelude::*;
use roster::{Column, Filters, Roster, SortKey, ViewSpec};
use zoom::{CallingPlan, PhoneNumber, PhoneUser, SiteRef, Text};

/// Few values, so rosters are full of duplicates; hostile ones, so folding and blanks are tested.
const TEXT: &[&str] = &[
    "José García",
    "JOSE GARCIA",
    "jose",
    "Zoë",
    "Ünïcödé",
    "北京市",
    "Ελληνικά",
    "İstanbul",
    "Sales",
    "sales",
    "SALES",
    "=SUM(A1)",
    "+1",
    "-x",
    "@home",
    "\tTab",
    "a,b",
    "say \"hi\"",
    "line\nbreak",
    "",
    " ",
    "0123",
    "123",
    "9",
    "10",
    "a\0b",
];
const NUMBERS: &[&str] = &[
    "14232058798",
    "0044123",
    "123",
    "+1 (423) 205-8798",
    "",
    " ",
    "9",
    "10",
    "abc",
    "007",
    "1001",
];
const SEARCHES: &[&str] = &[
    "",
    "  ",
    "jose",
    "JOSÉ",
    "garcia",
    "é",
    "ü",
    "北",
    "1",
    "+1 (423)",
    "423-205",
    "0044",
    "00",
    "sales",
    "a,b",
    "\"",
    "=",
    "x",
    "\n",
    "nothing-like-this",
    "10",
    "\u{301}",
    "e g",
];

fn text() -> impl Strategy<Value = Option<Text>> {
    prop::option::weighted(0.85, prop::sample::select(TEXT).prop_map(Text::from))
}

fn number() -> impl Strategy<Value = Option<Text>> {
    prop::option::weighted(0.85, prop::sample::select(NUMBERS).prop_map(Text::from))
}

fn user() -> impl Strategy<Value = PhoneUser> {
    let site = prop::option::of((text(), text()).prop_map(|(id, name)| SiteRef { id, name }));
    let plans = prop::collection::vec(text(), 0..4);
    let numbers = prop::collection::vec(number(), 0..4);
    (
        (text(), text(), number(), text(), text(), text(), site),
        (plans, numbers, text(), text()),
    )
        .prop_map(
            |((name, email, extension, status, department, cost_center, site), rest)| {
                let (plans, numbers, user_id, activation_status) = rest;
                PhoneUser {
                    id: user_id.unwrap_or_default(),
                    name,
                    email,
                    extension_number: extension,
                    status,
                    department,
                    cost_center,
                    site,
                    activation_status,
                    calling_plans: plans
                        .into_iter()
                        .map(|name| CallingPlan {
                            name,
                            ..Default::default()
                        })
                        .collect(),
                    phone_numbers: numbers
                        .into_iter()
                        .map(|number| PhoneNumber { id: None, number })
                        .collect(),
                    ..Default::default()
                }
            },
        )
}

fn chosen() -> impl Strategy<Value = Vec<String>> {
    let value = prop_oneof![
        4 => prop::sample::select(TEXT).prop_map(String::from),
        1 => Just("not in the roster".to_string()),
    ];
    prop_oneof![2 => Just(Vec::new()), 1 => prop::collection::vec(value, 1..4)]
}

fn spec() -> impl Strategy<Value = ViewSpec> {
    let sort_key = (prop::sample::select(Column::ALL.to_vec()), any::<bool>())
        .prop_map(|(column, descending)| SortKey { column, descending });
    (
        prop::sample::select(SEARCHES).prop_map(String::from),
        (chosen(), chosen(), chosen(), chosen(), chosen()),
        prop::collection::vec(sort_key, 0..4),
    )
        .prop_map(
            |(search, (cost_center, department, site, status, calling_plan), sort)| ViewSpec {
                search,
                filters: Filters {
                    cost_center,
                    department,
                    site,
                    status,
                    calling_plan,
                },
                sort,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn queries_agree_with_the_reference(
        users in prop::collection::vec(user(), 0..60),
        specs in prop::collection::vec(spec(), 1..5),
        offset in 0usize..20,
        limit in 0usize..30,
    ) {
        let roster = Roster::new(users.clone());
        for spec in &specs {
            let expected = reference::rows(&users, spec);
            prop_assert_eq!(&roster.matching(spec), &expected, "matching, spec {:?}", spec);

            let result = roster.query(spec, offset, limit);
            let window: Vec<u32> = expected.iter().map(|&i| i as u32).skip(offset).take(limit).collect();
            prop_assert_eq!(&result.rows, &window, "window, spec {:?}", spec);
            prop_assert_eq!(result.total as usize, expected.len());
            prop_assert_eq!(&result.facets, &reference::facets(&users, spec), "facets, spec {:?}", spec);
        }
    }
}
