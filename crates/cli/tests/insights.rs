//! `changes`, `report` and `export --view` end to end: the real binary against the simulator on
//! loopback, with private config and data folders.

mod support;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use profiles::ProfileStore;
use profiles::views::SavedView;
use roster::{Column, Filters, SortKey, ViewSpec};
use serde_json::Value;
use support::{Run, assert_exit, read_csv, sim, stderr, two_largest_cost_centers};
use zoom_sim::Faults;

const CHANGES_HEADER: [&str; 8] = [
    "Change",
    "Name",
    "Email",
    "Extension",
    "Cost Center",
    "Department",
    "Site",
    "What changed",
];

fn snapshot_files(data: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data.join("snapshots"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
}

async fn changes(
    sim: &zoom_sim::SimHandle,
    config: &Path,
    data: &Path,
    out: &Path,
) -> std::process::Output {
    Run::new(sim, config)
        .env("PHONE_ROSTER_DATA_DIR", data.to_str().unwrap())
        .env_credentials(&["changes", "--output", out.to_str().unwrap()])
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_are_counted_against_the_saved_roster_which_is_then_kept_as_the_previous() {
    let sim = sim(300, Faults::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // The first run has nothing to compare with: a header-only file, and the roster saved.
    let first = dir.path().join("first.csv");
    let output = changes(&sim, dir.path(), &data, &first).await;
    assert_exit(&output, 0);
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(said.contains("No saved roster"), "{said}");
    assert_eq!(read_csv(&first), [CHANGES_HEADER.map(String::from)]);
    let saved = snapshot_files(&data);
    assert_eq!(saved.len(), 1, "{saved:?}");

    // Make the saved roster differ from the account: one user missing (joined since), one with
    // another cost center (changed), one who is no longer there (left).
    let text = std::fs::read_to_string(&saved[0]).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let users: Vec<Value> = lines[1..]
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let joined = users[3]["id"].as_str().unwrap().to_owned();
    let changed_at = users
        .iter()
        .position(|u| u["cost_center"].as_str().is_some_and(|c| !c.is_empty()) && u["id"] != joined)
        .unwrap();
    let changed = users[changed_at]["id"].as_str().unwrap().to_owned();
    let now_cost_center = users[changed_at]["cost_center"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut edited = users[changed_at].clone();
    edited["cost_center"] = "CC-OLD".into();
    lines[1 + changed_at] = edited.to_string();
    lines.remove(1 + 3);
    lines.push(r#"{"id":"gone-1","name":"Gone Person","email":"gone@example.com"}"#.to_owned());
    std::fs::write(&saved[0], lines.join("\n")).unwrap();

    let second = dir.path().join("second.csv");
    let output = changes(&sim, dir.path(), &data, &second).await;
    assert_exit(&output, 0);
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        said.starts_with("+1 joined · 1 left · 1 changed since "),
        "{said}"
    );
    let rows = read_csv(&second);
    assert_eq!(rows[0], CHANGES_HEADER);
    let by_kind: HashMap<&str, &Vec<String>> =
        rows[1..].iter().map(|r| (r[0].as_str(), r)).collect();
    assert_eq!(rows.len(), 4, "{rows:?}");
    let email = |id: &str| {
        sim.users()
            .iter()
            .find(|u| u["id"] == id)
            .and_then(|u| u["email"].as_str())
            .unwrap_or("")
            .to_owned()
    };
    assert_eq!(by_kind["Joined"][2], email(&joined));
    assert_eq!(by_kind["Changed"][2], email(&changed));
    assert_eq!(
        by_kind["Changed"][7],
        format!("Cost Center: CC-OLD → {now_cost_center}")
    );
    assert_eq!(by_kind["Left"][1..3], ["Gone Person", "gone@example.com"]);
    assert_eq!(rows[3][0], "Left", "those who left come last");
    // This roster is saved; the one it replaced is kept as the previous.
    assert_eq!(snapshot_files(&data).len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_report_counts_every_user_by_two_facets_under_the_other_filters() {
    let sim = sim(500, Faults::default()).await;
    let dir = tempfile::tempdir().unwrap();
    // JSON: values exactly as Zoom has them (the CSV would guard the simulator's formula-like
    // cost centers), one object per row keyed by header.
    let out = dir.path().join("report.json");
    let args = [
        "report",
        "--by",
        "cost-center",
        "--by",
        "calling-plan",
        "--status",
        "activate",
        "--format",
        "json",
        "--output",
        out.to_str().unwrap(),
    ];
    let output = Run::new(&sim, dir.path()).env_credentials(&args).await;
    assert_exit(&output, 0);

    let active: Vec<&Value> = sim
        .users()
        .iter()
        .filter(|u| u["status"] == "activate")
        .collect();
    let shown = |value: Option<&str>| match value {
        Some(v) if !v.trim().is_empty() => v.to_owned(),
        _ => "(none)".to_owned(),
    };
    let plans_of = |user: &Value| -> Vec<String> {
        let plans = user["calling_plans"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let named: Vec<String> = plans
            .iter()
            .filter_map(|p| p["name"].as_str())
            .filter(|p| !p.trim().is_empty())
            .map(String::from)
            .collect();
        if named.is_empty() {
            vec!["(none)".to_owned()]
        } else {
            named
        }
    };
    let rows: Vec<Value> = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let (totals, rows) = rows.split_last().unwrap();
    assert_eq!(totals["Cost Center"], "Total");
    assert_eq!(totals["Total"], active.len().to_string());
    for row in rows {
        let cost_center = row["Cost Center"].as_str().unwrap();
        let users: Vec<&&Value> = active
            .iter()
            .filter(|u| shown(u["cost_center"].as_str()) == cost_center)
            .collect();
        assert_eq!(row["Total"], users.len().to_string(), "{cost_center}");
        for (plan, count) in row.as_object().unwrap() {
            if plan == "Cost Center" || plan == "Total" {
                continue;
            }
            let with_plan = users.iter().filter(|u| plans_of(u).contains(plan)).count();
            assert_eq!(count, &with_plan.to_string(), "{cost_center} × {plan}");
        }
    }
    for (plan, total) in totals.as_object().unwrap() {
        if plan == "Cost Center" || plan == "Total" {
            continue;
        }
        let with_plan = active.iter().filter(|u| plans_of(u).contains(plan)).count();
        assert_eq!(total, &with_plan.to_string(), "{plan}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_saved_view_exports_exactly_as_its_flags_would() {
    let sim = sim(800, Faults::default()).await;
    let (first, second) = two_largest_cost_centers(sim.users());
    let dir = tempfile::tempdir().unwrap();
    let view = SavedView {
        name: "Finance monthly".into(),
        spec: ViewSpec {
            search: String::new(),
            filters: Filters {
                cost_center: vec![first.clone(), second.clone()],
                status: vec!["activate".into()],
                ..Default::default()
            },
            sort: vec![SortKey {
                column: Column::Extension,
                descending: true,
            }],
        },
        columns: vec![
            Column::Extension,
            Column::CostCenter,
            Column::Name,
            Column::UserId,
        ],
    };
    let views = ProfileStore::at(dir.path()).saved_views();
    views.save("default", view).unwrap();

    let by_view = dir.path().join("view.csv");
    let args = [
        "export",
        "--view",
        "finance MONTHLY",
        "--output",
        by_view.to_str().unwrap(),
    ];
    assert_exit(&Run::new(&sim, dir.path()).env_credentials(&args).await, 0);
    let by_flags = dir.path().join("flags.csv");
    let args = [
        "export",
        "--cost-center",
        &first,
        "--cost-center",
        &second,
        "--status",
        "activate",
        "--sort",
        "extension:desc",
        "--columns",
        "extension,cost_center,name,user_id",
        "--output",
        by_flags.to_str().unwrap(),
    ];
    assert_exit(&Run::new(&sim, dir.path()).env_credentials(&args).await, 0);
    let written = std::fs::read(&by_view).unwrap();
    assert_eq!(written, std::fs::read(&by_flags).unwrap());
    assert!(read_csv(&by_view).len() > 2);

    // An unknown name is a usage error that lists the saved views.
    let nowhere = dir.path().join("none.csv");
    let args = [
        "export",
        "--view",
        "Payroll",
        "--output",
        nowhere.to_str().unwrap(),
    ];
    let output = Run::new(&sim, dir.path()).env_credentials(&args).await;
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("\"Finance monthly\""),
        "{}",
        stderr(&output)
    );
    assert!(!nowhere.exists());
}
