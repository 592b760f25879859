//! Every filter of `GET /phone/users`, each against a plain reading of Zoom's documented semantics.

mod common;

use std::collections::HashSet;

use common::*;
use serde_json::Value;
use zoom_sim::{Faults, SimHandle};

/// Users of the whole roster a filtered chain must return.
fn expected(
    sim: &SimHandle,
    status: Option<&str>,
    matches: impl Fn(&Value) -> bool,
) -> HashSet<String> {
    let status_ok = |u: &Value| match status {
        Some(wanted) => status_of(u) == Some(wanted),
        None => status_of(u) != Some("pending"),
    };
    ids(sim.users().iter().filter(|u| status_ok(u) && matches(u)))
}

async fn fetched(sim: &SimHandle, params: &[(&str, &str)]) -> HashSet<String> {
    let mut query = params.to_vec();
    query.push(("page_size", "100"));
    walk(sim, "phone/users", "users", &query).await.unique_ids()
}

fn text<'a>(user: &'a Value, field: &str) -> Option<&'a str> {
    user.get(field).and_then(Value::as_str)
}

/// A value of `field` held by a few users (not the biggest group), so the filter visibly narrows.
fn sample(sim: &SimHandle, field: impl Fn(&Value) -> Option<&str>) -> String {
    let values: Vec<&str> = sim.users().iter().filter_map(&field).collect();
    values[values.len() / 2].to_string()
}

#[tokio::test]
async fn status_selects_exactly_that_status() {
    let sim = sim(1_500, Faults::default()).await;
    for status in ["activate", "deactivate", "pending"] {
        let want = expected(&sim, Some(status), |_| true);
        assert!(!want.is_empty());
        assert_eq!(fetched(&sim, &[("status", status)]).await, want, "{status}");
    }
    let invalid = get(
        &sim,
        "phone/users",
        &token(&sim).await,
        &[("status", "active")],
    )
    .await;
    assert_eq!(invalid.status, reqwest::StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn text_filters_match_exactly() {
    let sim = sim(1_500, Faults::default()).await;
    let site_id = sample(&sim, |u| u["site"]["id"].as_str());
    let department = sample(&sim, |u| text(u, "department"));
    let cost_center = sample(&sim, |u| text(u, "cost_center"));
    let cases = [
        (
            "site_id",
            site_id.clone(),
            Box::new(move |u: &Value| u["site"]["id"].as_str() == Some(&site_id))
                as Box<dyn Fn(&Value) -> bool>,
        ),
        (
            "department",
            department.clone(),
            Box::new(move |u: &Value| text(u, "department") == Some(&department)),
        ),
        (
            "cost_center",
            cost_center.clone(),
            Box::new(move |u: &Value| text(u, "cost_center") == Some(&cost_center)),
        ),
    ];
    let everyone = expected(&sim, None, |_| true).len();
    for (name, value, matches) in cases {
        let want = expected(&sim, None, matches);
        assert!(
            !want.is_empty() && want.len() < everyone,
            "{name}={value:?}"
        );
        assert_eq!(
            fetched(&sim, &[(name, &value)]).await,
            want,
            "{name}={value:?}"
        );
    }
}

#[tokio::test]
async fn cost_center_is_not_a_prefix_match() {
    let sim = sim(3_000, Faults::default()).await;
    let want = expected(&sim, None, |u| text(u, "cost_center") == Some("0042"));
    assert!(!want.is_empty());
    assert!(
        sim.users()
            .iter()
            .any(|u| text(u, "cost_center").is_some_and(|c| c.starts_with("0042 ")))
    );
    assert_eq!(fetched(&sim, &[("cost_center", "0042")]).await, want);
}

#[tokio::test]
async fn calling_type_matches_any_of_the_plans() {
    let sim = sim(1_500, Faults::default()).await;
    let has = |u: &Value, t: u64| {
        u["calling_plans"]
            .as_array()
            .is_some_and(|p| p.iter().any(|p| p["type"] == t))
    };
    for plan_type in [200u64, 3] {
        let want = expected(&sim, None, |u| has(u, plan_type));
        assert!(!want.is_empty());
        assert_eq!(
            fetched(&sim, &[("calling_type", &plan_type.to_string())]).await,
            want,
            "{plan_type}"
        );
    }
    let invalid = get(
        &sim,
        "phone/users",
        &token(&sim).await,
        &[("calling_type", "cheap")],
    )
    .await;
    assert_eq!(invalid.json()["errors"][0]["field"], "calling_type");
}

#[tokio::test]
async fn keyword_is_part_of_the_name_extension_or_a_number_in_any_case() {
    let sim = sim(1_500, Faults::default()).await;
    let user = sim.users().iter().find(|u| {
        text(u, "name").is_some_and(|n| n.is_ascii() && n.len() > 6)
            && u["phone_numbers"][0]["number"].is_string()
    });
    let user = user.expect("a user with an ASCII name and a number");
    let name_part = text(user, "name").unwrap()[1..5].to_uppercase();
    let extension = user["extension_number"].as_u64().unwrap().to_string();
    let number_part = user["phone_numbers"][0]["number"].as_str().unwrap()[3..].to_string();
    for keyword in [name_part, extension[1..].to_string(), number_part] {
        let lower = keyword.to_lowercase();
        let want = expected(&sim, None, |u| {
            text(u, "name").is_some_and(|n| n.to_lowercase().contains(&lower))
                || u["extension_number"]
                    .as_u64()
                    .is_some_and(|e| e.to_string().contains(&lower))
                || u["phone_numbers"].as_array().is_some_and(|ns| {
                    ns.iter()
                        .any(|n| n["number"].as_str().is_some_and(|n| n.contains(&lower)))
                })
        });
        assert!(want.contains(user["id"].as_str().unwrap()), "{keyword}");
        assert_eq!(
            fetched(&sim, &[("keyword", &keyword)]).await,
            want,
            "{keyword}"
        );
    }
}

#[tokio::test]
async fn filters_combine_with_and() {
    let sim = sim(3_000, Faults::default()).await;
    let site_id = sample(&sim, |u| u["site"]["id"].as_str());
    let department = "Sales";
    let want = expected(&sim, Some("activate"), |u| {
        u["site"]["id"].as_str() == Some(&site_id) && text(u, "department") == Some(department)
    });
    assert!(!want.is_empty());
    let params = [
        ("site_id", site_id.as_str()),
        ("department", department),
        ("status", "activate"),
    ];
    assert_eq!(fetched(&sim, &params).await, want);
}
