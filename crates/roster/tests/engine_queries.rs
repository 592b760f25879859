//! The engine's rules, one example each: what an admin types or clicks, and what they get.

use roster::{Column, Facet, FacetCount, Filters, Roster, SortKey, ViewSpec};
use serde_json::json;
use zoom::PhoneUser;

fn users(values: serde_json::Value) -> Vec<PhoneUser> {
    serde_json::from_value(values).unwrap()
}

fn people() -> Roster {
    Roster::new(users(json!([
        {"id": "0", "name": "José Álvarez", "email": "jose@example.com", "extension_number": "102",
         "cost_center": "CC-1", "department": "Sales", "status": "activate", "site": {"name": "Paris"},
         "phone_numbers": [{"number": "14232058798"}], "calling_plans": [{"name": "Unlimited"}]},
        {"id": "1", "name": "ZOË Ng", "email": "zoe@example.com", "extension_number": "1001",
         "cost_center": "CC-2", "department": "Sales", "status": "deactivate", "site": {"name": "Lyon"},
         "calling_plans": [{"name": "Unlimited"}, {"name": "Global"}]},
        {"id": "2", "name": "amy Chen", "email": "amy@example.com", "extension_number": "99",
         "cost_center": "", "department": "Support", "status": "activate",
         "phone_numbers": [{"number": "442071234567"}, {"number": "0033123"}]},
        {"id": "3", "name": "Bob Stone", "extension_number": null, "cost_center": null,
         "department": "Support", "status": "pending", "site": {"name": "Paris"}},
        {"id": "4", "name": "bob stone", "email": "bob2@example.com", "extension_number": "0099",
         "cost_center": "CC-1", "department": "", "status": "activate", "site": {"name": "Paris"},
         "calling_plans": [{"name": "Global"}]}
    ])))
}

fn spec(search: &str) -> ViewSpec {
    ViewSpec {
        search: search.to_string(),
        ..Default::default()
    }
}

fn names(roster: &Roster, rows: impl IntoIterator<Item = usize>) -> Vec<String> {
    rows.into_iter()
        .map(|i| roster.users()[i].id.to_string())
        .collect()
}

fn ids(roster: &Roster, spec: &ViewSpec) -> Vec<String> {
    names(roster, roster.matching(spec))
}

#[test]
fn search_ignores_accents_and_case() {
    let roster = people();
    for query in ["jose", "JOSE", "José", "álvarez", "alvarez", "ALVAREZ"] {
        assert_eq!(ids(&roster, &spec(query)), ["0"], "{query}");
    }
    assert_eq!(ids(&roster, &spec("zoe")), ["1"]);
    assert_eq!(ids(&roster, &spec("Zoë")), ["1"]);
    assert_eq!(ids(&roster, &spec("BOB STONE")), ["3", "4"]);
    assert_eq!(
        ids(&roster, &spec("  ")).len(),
        5,
        "blank search does not filter"
    );
}

#[test]
fn search_covers_email_extension_and_numbers_as_typed() {
    let roster = people();
    assert_eq!(ids(&roster, &spec("bob2@")), ["4"]);
    assert_eq!(ids(&roster, &spec("1001")), ["1"]);
    assert_eq!(ids(&roster, &spec("0099")), ["4"]);
    assert_eq!(ids(&roster, &spec("2058798")), ["0"]);
    assert_eq!(ids(&roster, &spec("+1 (423) 205-8798")), ["0"]);
    // As the screen shows it (international format), and as people type it from there.
    for typed in [
        "+1 423-205-8798",
        "423 205 8798",
        "(423)2058798",
        "+14232058798",
    ] {
        assert_eq!(ids(&roster, &spec(typed)), ["0"], "{typed}");
    }
    assert_eq!(ids(&roster, &spec("+44 20 7123")), ["2"]);
    assert_eq!(
        ids(&roster, &spec("0033")),
        ["2"],
        "the second number counts too"
    );
    assert!(
        ids(&roster, &spec("Sales")).is_empty(),
        "departments are filtered, not searched"
    );
}

#[test]
fn blank_values_are_their_own_choice() {
    let roster = people();
    let mut view = ViewSpec::default();
    view.filters.cost_center = vec![String::new()];
    assert_eq!(
        ids(&roster, &view),
        ["2", "3"],
        "empty and missing cost centers are (none)"
    );

    view.filters.cost_center.clear();
    view.filters.calling_plan = vec![String::new()];
    assert_eq!(ids(&roster, &view), ["2", "3"], "no calling plan is (none)");
}

#[test]
fn or_within_a_facet_and_across_facets() {
    let roster = people();
    let view = ViewSpec {
        filters: Filters {
            cost_center: vec!["CC-1".into(), "CC-2".into()],
            status: vec!["activate".into()],
            ..Default::default()
        },
        ..Default::default()
    };
    assert_eq!(ids(&roster, &view), ["0", "4"]);

    let plans = ViewSpec {
        filters: Filters {
            calling_plan: vec!["Global".into()],
            ..Default::default()
        },
        ..Default::default()
    };
    assert_eq!(
        ids(&roster, &plans),
        ["1", "4"],
        "a user with several plans is in each"
    );
}

#[test]
fn facets_count_everything_but_their_own_filter() {
    let roster = people();
    let view = ViewSpec {
        filters: Filters {
            cost_center: vec!["CC-1".into()],
            department: vec!["Marketing".into()],
            ..Default::default()
        },
        ..Default::default()
    };
    let result = roster.query(&view, 0, 10);
    assert_eq!(result.total, 0);
    let count = |value: &str, count| FacetCount {
        value: value.into(),
        count,
    };
    // Departments under the cost-center filter only; the chosen "Marketing" stays, at 0.
    assert_eq!(
        result.facets.get(Facet::Department),
        [count("", 1), count("Sales", 1), count("Marketing", 0)]
    );
    // Nobody is in "Marketing", so every cost center counts 0 — but the chosen one stays listed.
    assert_eq!(result.facets.get(Facet::CostCenter), [count("CC-1", 0)]);

    let all = roster.query(&ViewSpec::default(), 0, 0);
    assert!(all.rows.is_empty());
    assert_eq!(all.total, 5);
    assert_eq!(
        all.facets.get(Facet::CallingPlan),
        [count("", 2), count("Global", 2), count("Unlimited", 2)]
    );
    assert_eq!(
        all.facets.get(Facet::Status),
        [
            count("activate", 3),
            count("deactivate", 1),
            count("pending", 1)
        ]
    );
}

#[test]
fn sorts_text_without_case_or_accents_and_numbers_by_value_with_blanks_last() {
    let roster = people();
    let sorted = |column, descending| {
        let view = ViewSpec {
            sort: vec![SortKey { column, descending }],
            ..Default::default()
        };
        ids(&roster, &view)
    };
    assert_eq!(
        sorted(Column::Name, false),
        ["2", "3", "4", "0", "1"],
        "ties keep Zoom's order"
    );
    assert_eq!(sorted(Column::Name, true), ["1", "0", "3", "4", "2"]);
    // 99 and 0099 are equal in value and ordered as typed; 102 after 99; the blank last.
    assert_eq!(sorted(Column::Extension, false), ["4", "2", "0", "1", "3"]);
    assert_eq!(sorted(Column::Extension, true), ["1", "0", "2", "4", "3"]);
    assert_eq!(
        sorted(Column::PhoneNumbers, false),
        ["0", "2", "1", "3", "4"]
    );
    assert_eq!(
        sorted(Column::PhoneNumbers, true),
        ["2", "0", "1", "3", "4"]
    );
}

#[test]
fn sorts_by_several_columns_and_windows_the_result() {
    let roster = people();
    let view = ViewSpec {
        sort: vec![
            SortKey {
                column: Column::Site,
                descending: false,
            },
            SortKey {
                column: Column::Extension,
                descending: true,
            },
        ],
        ..Default::default()
    };
    assert_eq!(ids(&roster, &view), ["1", "0", "4", "3", "2"]);
    let window = roster.query(&view, 1, 2);
    assert_eq!(
        names(&roster, window.rows.iter().map(|&i| i as usize)),
        ["0", "4"]
    );
    assert_eq!(window.total, 5);
    assert!(roster.query(&view, 10, 5).rows.is_empty());
}

#[test]
fn view_specs_read_from_partial_json() {
    let view: ViewSpec = serde_json::from_value(json!({
        "filters": {"cost_center": ["CC-1", ""]},
        "sort": [{"column": "extension"}, {"column": "phone_numbers", "descending": true}]
    }))
    .unwrap();
    assert_eq!(view.search, "");
    assert_eq!(view.filters.cost_center, ["CC-1", ""]);
    assert_eq!(
        view.sort[0],
        SortKey {
            column: Column::Extension,
            descending: false
        }
    );
    assert_eq!(view.sort[1].column, Column::PhoneNumbers);
    let result = people().query(&view, 0, 2);
    let json = serde_json::to_value(&result).unwrap();
    assert_eq!(json["total"], 4);
    assert_eq!(
        json["facets"]["cost_center"],
        json!([{"value": "", "count": 2}, {"value": "CC-1", "count": 2}, {"value": "CC-2", "count": 1}])
    );
}

#[test]
fn an_empty_roster_answers_empty() {
    let roster = Roster::new(Vec::new());
    assert!(roster.is_empty());
    let view = ViewSpec {
        search: "x".into(),
        sort: vec![SortKey {
            column: Column::Name,
            descending: false,
        }],
        ..Default::default()
    };
    let result = roster.query(&view, 0, 100);
    assert_eq!((result.rows.len(), result.total), (0, 0));
    assert!(result.facets.get(Facet::Site).is_empty());
}

#[test]
fn a_window_without_facets_has_the_query_s_rows_and_total() {
    let roster = people();
    let view = ViewSpec {
        sort: vec![SortKey {
            column: Column::Name,
            descending: true,
        }],
        filters: Filters {
            department: vec!["Sales".into()],
            ..Default::default()
        },
        ..Default::default()
    };
    let full = roster.query(&view, 1, 3);
    let window = roster.window(&view, 1, 3);
    assert_eq!((window.rows, window.total), (full.rows, full.total));
    assert_eq!(window.facets, Default::default());
    assert_ne!(full.facets, Default::default());
}
