//! Zoom's pagination: page sizes, chains to the end, and page tokens that expire or do not fit.

mod common;

use std::time::Duration;

use common::*;
use reqwest::StatusCode;
use serde_json::json;
use zoom_sim::Faults;

fn invalid_page_token() -> serde_json::Value {
    json!({ "code": 300, "message": "The next page token is invalid or expired." })
}

#[tokio::test]
async fn a_chain_lists_every_listed_user_once_with_the_right_total() {
    let sim = sim(1_234, Faults::default()).await;
    let walk = walk(&sim, "phone/users", "users", &[("page_size", "100")]).await;
    let listed: Vec<_> = sim
        .users()
        .iter()
        .filter(|u| status_of(u) != Some("pending"))
        .collect();
    assert_eq!(walk.unique_ids(), ids(listed.iter().copied()));
    assert_eq!(walk.total, Some(listed.len()));
    assert_eq!(walk.pages, listed.len().div_ceil(100));
}

#[tokio::test]
async fn page_sizes_default_to_30_and_are_clamped_to_100() {
    let sim = sim(500, Faults::default()).await;
    let token = token(&sim).await;
    for (asked, served) in [
        (None, 30),
        (Some("0"), 30),
        (Some("7"), 7),
        (Some("100"), 100),
        (Some("500"), 100),
    ] {
        let params: Vec<_> = asked.map(|a| ("page_size", a)).into_iter().collect();
        let page = get(&sim, "phone/users", &token, &params).await.json();
        assert_eq!(page["page_size"], served, "{asked:?}");
        assert_eq!(page["users"].as_array().unwrap().len(), served, "{asked:?}");
    }
    let answer = get(&sim, "phone/users", &token, &[("page_size", "many")]).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.json()["errors"][0]["field"], "page_size");
}

#[tokio::test]
async fn the_last_page_has_an_empty_token() {
    let sim = sim(20, Faults::default()).await;
    let token = token(&sim).await;
    let page = get(&sim, "phone/users", &token, &[("page_size", "100")])
        .await
        .json();
    assert_eq!(page["next_page_token"], "");
    let empty = get(
        &sim,
        "phone/users",
        &token,
        &[("keyword", "no such user anywhere")],
    )
    .await
    .json();
    assert_eq!(
        (
            empty["total_records"].clone(),
            empty["next_page_token"].clone()
        ),
        (json!(0), json!(""))
    );
    assert_eq!(empty["users"], json!([]));
}

/// The first page's `next_page_token`, asked with `params`.
async fn first_token(sim: &zoom_sim::SimHandle, token: &str, params: &[(&str, &str)]) -> String {
    let page = get(sim, "phone/users", token, params).await.json();
    let next = page["next_page_token"].as_str().unwrap().to_string();
    assert!(!next.is_empty());
    next
}

#[tokio::test]
async fn a_page_token_can_be_retried_but_not_reused_with_other_parameters() {
    let sim = sim(1_000, Faults::default()).await;
    let token = token(&sim).await;
    let first = [("page_size", "50"), ("status", "activate")];
    let next = first_token(&sim, &token, &first).await;

    let again = [
        ("page_size", "50"),
        ("status", "activate"),
        ("next_page_token", next.as_str()),
    ];
    let page = get(&sim, "phone/users", &token, &again).await;
    assert_eq!(page.status, StatusCode::OK);
    let retried = get(&sim, "phone/users", &token, &again).await.json();
    assert!(
        ids(page.json()["users"].as_array().unwrap()) == ids(retried["users"].as_array().unwrap()),
        "same page"
    );

    let mismatches: [&[(&str, &str)]; 4] = [
        &[("page_size", "40"), ("status", "activate")],
        &[("page_size", "50"), ("status", "deactivate")],
        &[("page_size", "50")],
        &[
            ("page_size", "50"),
            ("status", "activate"),
            ("keyword", "a"),
        ],
    ];
    for params in mismatches {
        let mut query = params.to_vec();
        query.push(("next_page_token", &next));
        let answer = get(&sim, "phone/users", &token, &query).await;
        assert_eq!(
            (answer.status, answer.json()),
            (StatusCode::BAD_REQUEST, invalid_page_token()),
            "{params:?}"
        );
    }
    let garbage = get(
        &sim,
        "phone/users",
        &token,
        &[("next_page_token", "bm90LWEtdG9rZW4")],
    )
    .await;
    assert_eq!(
        (garbage.status, garbage.json()),
        (StatusCode::BAD_REQUEST, invalid_page_token())
    );
    let sites = get(
        &sim,
        "phone/sites",
        &token,
        &[("page_size", "50"), ("next_page_token", &next)],
    )
    .await;
    assert_eq!(
        sites.status,
        StatusCode::BAD_REQUEST,
        "a users token does not continue sites"
    );
    assert_eq!(sim.stats().page_token_expiries, 6);
}

#[tokio::test]
async fn a_page_token_expires_after_its_ttl() {
    let sim = sim(300, Faults::default()).await;
    let token = token(&sim).await;
    let next = first_token(&sim, &token, &[]).await;
    sim.set_faults(Faults {
        page_token_ttl: Duration::ZERO,
        ..Faults::default()
    });
    let answer = get(&sim, "phone/users", &token, &[("next_page_token", &next)]).await;
    assert_eq!(
        (answer.status, answer.json()),
        (StatusCode::BAD_REQUEST, invalid_page_token())
    );
    assert_eq!(sim.stats().page_token_expiries, 1);
    // The ttl is checked when a token is used: the same token is fine again under a longer one.
    sim.set_faults(Faults::default());
    assert_eq!(
        get(&sim, "phone/users", &token, &[("next_page_token", &next)])
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn pending_users_come_only_with_status_pending_some_without_status() {
    let sim = sim(2_000, Faults::default()).await;
    let walk = walk(
        &sim,
        "phone/users",
        "users",
        &[("status", "pending"), ("page_size", "100")],
    )
    .await;
    let pending = ids(sim
        .users()
        .iter()
        .filter(|u| status_of(u) == Some("pending")));
    assert_eq!(walk.unique_ids(), pending);
    assert!(walk.items.iter().any(|u| status_of(u) == Some("pending")));
    assert!(
        walk.items.iter().any(|u| u.get("status").is_none()),
        "whether Zoom sends status is unconfirmed"
    );
}

#[tokio::test]
async fn sites_are_paginated_the_same_way() {
    let sim = sim(5_000, Faults::default()).await;
    let walk = walk(&sim, "phone/sites", "sites", &[("page_size", "4")]).await;
    assert_eq!(walk.unique_ids(), ids(sim.sites()));
    assert_eq!(walk.total, Some(sim.sites().len()));
    assert!(walk.pages > 1);
    let site = &walk.items[0];
    assert!(site["name"].is_string() && site["site_code"].is_u64());
    let used = sim
        .users()
        .iter()
        .filter_map(|u| u["site"]["id"].as_str().map(str::to_owned));
    assert!(
        used.collect::<std::collections::HashSet<_>>()
            .is_subset(&walk.unique_ids())
    );
}
