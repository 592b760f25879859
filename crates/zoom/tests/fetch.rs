//! Whole fetches against the simulator: every user exactly once, every filter, cancellation.

mod common;

use std::collections::HashSet;
use std::time::Duration;

use common::*;
use futures::StreamExt;
use zoom::{FetchEvent, UserFilter};
use zoom_sim::Faults;

#[tokio::test]
async fn ten_thousand_users_across_pages_each_exactly_once() {
    let sim = sim(10_000, Faults::default()).await;
    let outcome = drain(client(&sim).roster()).await;
    assert_eq!(outcome.error, None);
    let ids = unique_ids(&outcome.users);
    assert_eq!(ids, sim_ids(sim.users()));
    assert!(outcome.last_total as usize >= ids.len());
    assert!(
        sim.stats().requests >= 100,
        "10k users need at least 100 pages of 100"
    );
}

#[tokio::test]
async fn pending_users_come_once_and_marked_pending() {
    let sim = sim(1_000, Faults::default()).await;
    let pending = sim_ids(
        sim.users()
            .iter()
            .filter(|u| status_of(u) == Some("pending")),
    );
    assert!(
        !pending.is_empty(),
        "the simulator's roster has pending users"
    );
    let outcome = drain(client(&sim).roster()).await;
    assert_eq!(outcome.error, None);
    let ids = unique_ids(&outcome.users);
    assert!(pending.is_subset(&ids));
    let fetched_pending = outcome
        .users
        .iter()
        .filter(|u| pending.contains(u.id.as_str()));
    assert!(
        fetched_pending
            .into_iter()
            .all(|u| u.status.as_deref() == Some("pending"))
    );
}

/// Which simulator users a filter should return.
type Selects = Box<dyn Fn(&serde_json::Value) -> bool>;

#[tokio::test]
async fn every_filter_returns_exactly_the_matching_users() {
    let sim = sim(1_500, Faults::default()).await;
    let client = client(&sim);
    let users = sim.users();
    let field =
        |u: &serde_json::Value, name: &str| u.get(name).and_then(|v| v.as_str()).map(str::to_owned);
    let sample = users.iter().find(|u| {
        field(u, "department").is_some()
            && field(u, "cost_center").is_some()
            && u["site"]["id"].is_string()
    });
    let sample = sample.expect("a user with department, cost center and site");
    let site_id = sample["site"]["id"].as_str().unwrap().to_string();
    let department = field(sample, "department").unwrap();
    let cost_center = field(sample, "cost_center").unwrap();

    let cases: Vec<(UserFilter, Selects)> = vec![
        (
            UserFilter {
                site_id: Some(site_id.clone()),
                ..Default::default()
            },
            Box::new(move |u| {
                u["site"]["id"].as_str() == Some(&site_id) && status_of(u) != Some("pending")
            }),
        ),
        (
            UserFilter {
                department: Some(department.clone()),
                ..Default::default()
            },
            Box::new(move |u| {
                field(u, "department").as_deref() == Some(&department)
                    && status_of(u) != Some("pending")
            }),
        ),
        (
            UserFilter {
                cost_center: Some(cost_center.clone()),
                ..Default::default()
            },
            Box::new(move |u| {
                field(u, "cost_center").as_deref() == Some(&cost_center)
                    && status_of(u) != Some("pending")
            }),
        ),
        (
            UserFilter {
                status: Some("deactivate".into()),
                ..Default::default()
            },
            Box::new(|u| status_of(u) == Some("deactivate")),
        ),
        (
            UserFilter {
                status: Some("pending".into()),
                ..Default::default()
            },
            Box::new(|u| status_of(u) == Some("pending")),
        ),
    ];
    for (filter, matches) in cases {
        let outcome = drain(client.users(filter.clone())).await;
        assert_eq!(outcome.error, None, "{filter:?}");
        let expected = sim_ids(users.iter().filter(|u| matches(u)));
        assert!(!expected.is_empty(), "{filter:?} selects someone");
        assert_eq!(unique_ids(&outcome.users), expected, "{filter:?}");
    }
}

#[tokio::test]
async fn calling_type_and_keyword_narrow_the_list() {
    let sim = sim(1_000, Faults::default()).await;
    let client = client(&sim);
    let all = drain(client.users(UserFilter::default())).await.users.len();

    let plan_type = sim
        .users()
        .iter()
        .find_map(|u| u["calling_plans"].as_array()?.first()?["type"].as_u64())
        .expect("a user with a calling plan") as u32;
    let by_plan = drain(client.users(UserFilter {
        calling_type: Some(plan_type),
        ..Default::default()
    }))
    .await;
    assert_eq!(by_plan.error, None);
    assert!(!by_plan.users.is_empty() && by_plan.users.len() < all);
    assert!(by_plan.users.iter().all(|u| {
        u.calling_plans
            .iter()
            .any(|p| p.plan_type == Some(plan_type))
    }));

    let name = sim
        .users()
        .iter()
        .find_map(|u| u["name"].as_str().filter(|n| n.chars().count() > 4));
    let keyword: String = name.expect("a named user").chars().take(4).collect();
    let by_keyword = drain(client.users(UserFilter {
        keyword: Some(keyword.clone()),
        ..Default::default()
    }))
    .await;
    assert_eq!(by_keyword.error, None);
    assert!(
        !by_keyword.users.is_empty() && by_keyword.users.len() < all,
        "{keyword:?}"
    );
}

#[tokio::test]
async fn sites_lists_every_site_once() {
    let sim = sim(1_000, Faults::default()).await;
    let sites = client(&sim).sites().await.expect("sites");
    let ids: HashSet<_> = sites.iter().map(|s| s.id.to_string()).collect();
    assert_eq!(ids.len(), sites.len());
    let used: HashSet<String> = sim
        .users()
        .iter()
        .filter_map(|u| u["site"]["id"].as_str().map(str::to_owned))
        .collect();
    assert!(used.is_subset(&ids), "every site a user is in is listed");
}

#[tokio::test]
async fn check_connection_counts_phone_users() {
    let sim = sim(1_234, Faults::default()).await;
    let check = client(&sim).check_connection().await.expect("connected");
    let listed = sim
        .users()
        .iter()
        .filter(|u| status_of(u) != Some("pending"))
        .count();
    assert_eq!(check.phone_users as usize, listed);
}

#[tokio::test]
async fn dropping_the_stream_stops_the_fetch() {
    let sim = sim(5_000, Faults::default()).await;
    let mut stream = client(&sim).roster();
    let mut yielded = 0;
    while let Some(event) = stream.next().await {
        if let FetchEvent::Users { users, .. } = event.expect("no error") {
            yielded += users.len();
            if yielded >= 200 {
                break;
            }
        }
    }
    let open = sim.stats();
    assert!(
        open.connections > open.connections_closed,
        "the fetch holds its connections open: {open:?}"
    );
    drop(stream);
    let at_drop = sim.stats().requests;
    // The stream held the fetch and the only handle on its client, so dropping it closes the
    // client's connections. A fetch that went on without its stream would keep them open until it
    // had every page: once all are closed, every request the fetch will ever make has been counted.
    wait_until(
        "the dropped fetch to close its connections",
        Duration::from_secs(10),
        || {
            let stats = sim.stats();
            stats.connections_closed == stats.connections
        },
    )
    .await;
    let settled = sim.stats().requests;
    // A request already on the wire may still reach the simulator, one per chain (the pending
    // chain, the whole list's, each site's); nothing after.
    let chains = 2 + client(&sim).sites().await.expect("sites").len() as u64;
    assert!(
        settled <= at_drop + chains,
        "requests went on after the drop: {at_drop} -> {settled}"
    );
    assert!(
        settled < 40,
        "the fetch stopped early ({settled} of 50+ requests)"
    );
}
