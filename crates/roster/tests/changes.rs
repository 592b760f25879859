//! Changes between two rosters: each kind of change, one example each, and the changes searched,
//! filtered, sorted and tabled through the same engine as the roster.

use roster::changes::{COMPARED, ChangeCounts, ChangeKind, ChangeSet, compare, counts};
use roster::{Column, Filters, SortKey, ViewSpec};
use serde_json::{Value, json};
use zoom::PhoneUser;

fn user(fields: Value) -> PhoneUser {
    serde_json::from_value(fields).unwrap()
}

fn base(id: &str, name: &str) -> Value {
    json!({
        "id": id, "name": name, "email": format!("{id}@example.com"), "extension_number": "100",
        "cost_center": "4100", "department": "Sales", "status": "activate",
        "site": {"name": "Austin"}, "phone_numbers": [{"number": "14232058798"}],
        "calling_plans": [{"name": "US/CA Unlimited"}, {"name": "Global Select"}]
    })
}

fn with(id: &str, name: &str, field: &str, value: Value) -> PhoneUser {
    let mut fields = base(id, name);
    fields[field] = value;
    user(fields)
}

#[test]
fn joined_left_and_unchanged_users() {
    let before = vec![user(base("a", "Ann")), user(base("b", "Bob"))];
    let after = vec![user(base("c", "Cy")), user(base("a", "Ann renamed"))];
    let changes = compare(&before, &after);
    let kinds: Vec<(ChangeKind, &str)> = changes
        .iter()
        .map(|c| (c.kind, c.user.id.as_str()))
        .collect();
    // Ann's name changed, which is not compared: she is not listed.
    assert_eq!(kinds, [(ChangeKind::Joined, "c"), (ChangeKind::Left, "b")]);
    assert!(changes.iter().all(|c| c.fields.is_empty()));
    assert_eq!(changes[1].user.name.as_deref(), Some("Bob"), "as last seen");
    assert_eq!(
        counts(&changes),
        ChangeCounts {
            joined: 1,
            left: 1,
            changed: 0
        }
    );
}

#[test]
fn each_compared_field_is_a_change() {
    let edits = [
        (
            Column::CostCenter,
            "cost_center",
            json!("4200"),
            "4100",
            "4200",
        ),
        (Column::Department, "department", json!(null), "Sales", ""),
        (
            Column::Site,
            "site",
            json!({"name": "Denver"}),
            "Austin",
            "Denver",
        ),
        (
            Column::Status,
            "status",
            json!("deactivate"),
            "Active",
            "Inactive",
        ),
        (
            Column::Extension,
            "extension_number",
            json!("0101"),
            "100",
            "0101",
        ),
        (
            Column::PhoneNumbers,
            "phone_numbers",
            json!([{"number": "14232058798"}, {"number": "18634022606"}]),
            "+1 423-205-8798",
            "+1 423-205-8798; +1 863-402-2606",
        ),
        (
            Column::CallingPlans,
            "calling_plans",
            json!([{"name": "US/CA Unlimited"}]),
            "US/CA Unlimited; Global Select",
            "US/CA Unlimited",
        ),
    ];
    assert_eq!(edits.iter().map(|e| e.0).collect::<Vec<_>>(), COMPARED);
    for (column, field, value, before, after) in edits {
        let changes = compare(&[user(base("a", "Ann"))], &[with("a", "Ann", field, value)]);
        assert_eq!(changes.len(), 1, "{column:?}");
        assert_eq!(changes[0].kind, ChangeKind::Changed);
        let change = &changes[0].fields[0];
        assert_eq!(
            (change.column, change.before.as_str(), change.after.as_str()),
            (column, before, after)
        );
    }
}

#[test]
fn reordered_calling_plans_and_numbers_are_no_change() {
    let reordered = user(json!({
        "id": "a", "name": "Ann", "email": "a@example.com", "extension_number": "100",
        "cost_center": "4100", "department": "Sales", "status": "activate",
        "site": {"name": "Austin"}, "phone_numbers": [{"number": "14232058798"}],
        "calling_plans": [{"name": "Global Select"}, {"name": "US/CA Unlimited"}]
    }));
    assert!(compare(&[user(base("a", "Ann"))], &[reordered]).is_empty());
}

#[test]
fn what_changed_lists_each_field_with_blanks_as_none() {
    let mut after = base("a", "Ann");
    after["cost_center"] = json!("4200");
    after["site"] = json!({"name": "Denver"});
    after["department"] = json!("");
    let changes = compare(&[user(base("a", "Ann"))], &[user(after)]);
    assert_eq!(
        changes[0].what_changed(),
        "Cost Center: 4100 → 4200; Department: Sales → (none); Site: Austin → Denver"
    );
}

fn change_set() -> ChangeSet {
    let before = vec![
        user(base("a", "Ann")),
        user(base("b", "Bob")),
        with("d", "Dee", "cost_center", json!("4300")),
    ];
    let after = vec![
        with("a", "Ann", "cost_center", json!("4200")),
        with("c", "Cy", "cost_center", json!("4300")),
        with("d", "Dee", "site", json!({"name": "Denver"})),
    ];
    ChangeSet::new(compare(&before, &after))
}

fn ids(rows: &[&roster::changes::Change]) -> Vec<String> {
    rows.iter().map(|c| c.user.id.to_string()).collect()
}

#[test]
fn search_filters_sort_and_kinds_apply_to_changes() {
    let set = change_set();
    assert_eq!(set.len(), 4);
    assert_eq!(
        set.counts(),
        ChangeCounts {
            joined: 1,
            left: 1,
            changed: 2
        }
    );
    let everything = ViewSpec::default();
    assert_eq!(ids(&set.rows(&everything, &[])), ["a", "c", "d", "b"]);
    let search = ViewSpec {
        search: "bob".into(),
        ..Default::default()
    };
    assert_eq!(ids(&set.rows(&search, &[])), ["b"]);
    // Filters see each user as they are now (Dee's cost center is 4100 again).
    let filtered = ViewSpec {
        filters: Filters {
            cost_center: vec!["4100".into()],
            ..Default::default()
        },
        ..Default::default()
    };
    assert_eq!(ids(&set.rows(&filtered, &[])), ["d", "b"]);
    let sorted = ViewSpec {
        sort: vec![SortKey {
            column: Column::Name,
            descending: true,
        }],
        ..Default::default()
    };
    assert_eq!(ids(&set.rows(&sorted, &[])), ["d", "c", "b", "a"]);
    let kinds = [ChangeKind::Joined, ChangeKind::Left];
    assert_eq!(ids(&set.rows(&sorted, &kinds)), ["c", "b"]);
}

#[test]
fn the_table_shows_the_screen_s_columns() {
    let set = change_set();
    let rows = set.rows(
        &ViewSpec::default(),
        &[ChangeKind::Changed, ChangeKind::Joined],
    );
    let table = set.table(&rows);
    assert_eq!(table.name, "Changes");
    assert_eq!(
        table.headers,
        [
            "Change",
            "Name",
            "Email",
            "Extension",
            "Cost Center",
            "Department",
            "Site",
            "What changed"
        ]
    );
    assert_eq!(
        table.rows,
        [
            [
                "Changed",
                "Ann",
                "a@example.com",
                "100",
                "4200",
                "Sales",
                "Austin",
                "Cost Center: 4100 → 4200"
            ],
            [
                "Joined",
                "Cy",
                "c@example.com",
                "100",
                "4300",
                "Sales",
                "Austin",
                ""
            ],
            [
                "Changed",
                "Dee",
                "d@example.com",
                "100",
                "4100",
                "Sales",
                "Denver",
                "Cost Center: 4300 → 4100; Site: Austin → Denver"
            ],
        ]
    );
}

/// One left and one changed among 100k users are found, and nothing else (the speed is measured in
/// benches/insights.rs).
#[test]
fn among_a_hundred_thousand_users_the_two_changes_are_found() {
    let before: Vec<PhoneUser> = (0..100_000)
        .map(|i| user(base(&format!("u{i}"), "N")))
        .collect();
    let mut after = before[1..].to_vec();
    after[10].cost_center = Some("9999".into());
    let changes = compare(&before, &after);
    let found: Vec<(ChangeKind, &str)> = changes
        .iter()
        .map(|c| (c.kind, c.user.id.as_str()))
        .collect();
    assert_eq!(
        found,
        [(ChangeKind::Changed, "u11"), (ChangeKind::Left, "u0")]
    );
}
