//! Reports: users counted by one facet against another, with the view's other filters applied.

use roster::report::Report;
use roster::{Facet, Filters, Roster, ViewSpec};
use serde_json::json;
use zoom::PhoneUser;

fn roster() -> Roster {
    let users: Vec<PhoneUser> = serde_json::from_value(json!([
        {"id": "1", "name": "Ann", "cost_center": "4100", "status": "activate",
         "calling_plans": [{"name": "Unlimited"}, {"name": "Global"}]},
        {"id": "2", "name": "Bob", "cost_center": "4100", "status": "activate",
         "calling_plans": [{"name": "Unlimited"}]},
        {"id": "3", "name": "Cy", "cost_center": "4200", "status": "deactivate",
         "calling_plans": [{"name": "Global"}]},
        {"id": "4", "name": "Dee", "cost_center": "", "status": "activate"},
        {"id": "5", "name": "Eve", "cost_center": "4200", "status": "activate",
         "calling_plans": [{"name": "Unlimited"}]}
    ]))
    .unwrap();
    Roster::new(users)
}

#[test]
fn a_user_with_two_plans_counts_in_both_columns_and_once_in_totals() {
    let report = roster().report(&ViewSpec::default(), Facet::CostCenter, Facet::CallingPlan);
    assert_eq!(
        report,
        Report {
            rows_by: Facet::CostCenter,
            columns_by: Facet::CallingPlan,
            row_values: vec!["4100".into(), "4200".into(), "".into()],
            column_values: vec!["Unlimited".into(), "Global".into(), "".into()],
            counts: vec![vec![2, 1, 0], vec![1, 1, 0], vec![0, 0, 1]],
            row_totals: vec![2, 2, 1],
            column_totals: vec![3, 2, 1],
            total: 5,
        }
    );
}

#[test]
fn other_filters_apply_and_the_report_s_own_are_ignored() {
    let spec = ViewSpec {
        search: String::new(),
        filters: Filters {
            cost_center: vec!["4200".into()],
            status: vec!["activate".into()],
            ..Default::default()
        },
        sort: Vec::new(),
    };
    let report = roster().report(&spec, Facet::CostCenter, Facet::CallingPlan);
    // Cy is inactive; every cost center of the active users is listed despite the 4200 filter.
    assert_eq!(report.row_values, ["4100", "", "4200"]);
    assert_eq!(report.total, 4);
    assert_eq!(report.column_totals, [3, 1, 1]);
    let searched = ViewSpec {
        search: "bob".into(),
        ..spec
    };
    assert_eq!(
        roster()
            .report(&searched, Facet::CostCenter, Facet::CallingPlan)
            .total,
        1
    );
}

#[test]
fn the_table_has_labels_blanks_as_none_statuses_in_words_and_totals() {
    let table = roster()
        .report(&ViewSpec::default(), Facet::Status, Facet::CostCenter)
        .table();
    assert_eq!(table.headers, ["Status", "4100", "4200", "(none)", "Total"]);
    assert_eq!(
        table.rows,
        [
            ["Active", "2", "1", "1", "4"],
            ["Inactive", "0", "1", "0", "1"],
            ["Total", "2", "2", "1", "5"],
        ]
    );
}

/// Every one of 100k users is counted once (the speed is measured in benches/insights.rs).
#[test]
fn a_hundred_thousand_users_are_each_counted_once() {
    let users: Vec<PhoneUser> = zoom_sim::generate_users(100_000, 3)
        .into_iter()
        .map(|user| serde_json::from_value(user).unwrap())
        .collect();
    let roster = Roster::new(users);
    let report = roster.report(&ViewSpec::default(), Facet::CostCenter, Facet::CallingPlan);
    assert_eq!(report.total, 100_000);
    assert_eq!(report.row_totals.iter().sum::<u32>(), 100_000);
}
