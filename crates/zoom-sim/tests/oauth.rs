//! Server-to-Server OAuth and the bearer gate: tokens, bad credentials, expiry, scopes.

mod common;

use std::time::Duration;

use common::*;
use reqwest::StatusCode;
use serde_json::json;
use zoom_sim::{Faults, SimConfig};

#[tokio::test]
async fn a_token_is_issued_for_the_right_credentials() {
    let sim = sim(10, Faults::default()).await;
    let config = SimConfig::default();
    let answer = request_token(&sim, &config.client_secret, &config.account_id).await;
    assert_eq!(answer.status, StatusCode::OK);
    let body = answer.json();
    assert!(body["access_token"].as_str().is_some_and(|t| t.len() > 40));
    assert_eq!(body["token_type"], "bearer");
    assert_eq!(body["expires_in"], 3600);
    assert!(
        body["scope"]
            .as_str()
            .unwrap()
            .contains("phone:read:list_users:admin")
    );
    assert!(
        body["api_url"]
            .as_str()
            .unwrap()
            .starts_with("http://127.0.0.1:")
    );
    assert_eq!(sim.stats().tokens_issued, 1);
}

#[tokio::test]
async fn parameters_may_come_in_a_form_body() {
    let sim = sim(10, Faults::default()).await;
    let config = SimConfig::default();
    let form = format!(
        "grant_type=account_credentials&account_id={}",
        config.account_id
    );
    let request = http()
        .post(sim.token_url())
        .basic_auth(&config.client_id, Some(&config.client_secret));
    let request = request
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form);
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn wrong_or_missing_credentials_are_invalid_client() {
    let sim = sim(10, Faults::default()).await;
    let expected =
        json!({ "reason": "Invalid client_id or client_secret", "error": "invalid_client" });
    let answer = request_token(&sim, "not-the-secret", &SimConfig::default().account_id).await;
    assert_eq!(
        (answer.status, answer.json()),
        (StatusCode::BAD_REQUEST, expected.clone())
    );

    let query = [
        ("grant_type", "account_credentials"),
        ("account_id", "demo-account"),
    ];
    let response = http()
        .post(sim.token_url())
        .query(&query)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        response.json::<serde_json::Value>().await.unwrap(),
        expected
    );
    assert_eq!(sim.stats().tokens_issued, 0);
}

#[tokio::test]
async fn an_unknown_account_or_grant_type_is_refused() {
    let sim = sim(10, Faults::default()).await;
    let answer = request_token(&sim, &SimConfig::default().client_secret, "someone-else").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.json()["error"], "invalid_request");
    assert!(
        answer.json()["reason"]
            .as_str()
            .unwrap()
            .contains("Account does not exist")
    );

    let config = SimConfig::default();
    let query = [
        ("grant_type", "client_credentials"),
        ("account_id", "demo-account"),
    ];
    let request = http()
        .post(sim.token_url())
        .query(&query)
        .basic_auth(config.client_id, Some(config.client_secret));
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_api_wants_a_live_bearer_token() {
    let sim = sim(10, Faults::default()).await;
    let expected = json!({ "code": 124, "message": "Invalid access token." });
    for token in ["", "made-up"] {
        let answer = get(&sim, "phone/users", token, &[]).await;
        assert_eq!(
            (answer.status, answer.json()),
            (StatusCode::UNAUTHORIZED, expected.clone())
        );
    }
    let response = http()
        .get(format!("{}/phone/users", sim.api_base()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(sim.stats().unauthorized, 3);
}

#[tokio::test]
async fn an_expired_token_is_refused() {
    let sim = sim(
        10,
        Faults {
            token_lifetime: Duration::ZERO,
            ..Faults::default()
        },
    )
    .await;
    let token = token(&sim).await;
    let answer = get(&sim, "phone/users", &token, &[]).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    assert_eq!(answer.json()["code"], 124);

    // The lifetime applies to tokens issued after the change.
    sim.set_faults(Faults::default());
    let token = common::token(&sim).await;
    assert_eq!(
        get(&sim, "phone/users", &token, &[]).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn earlier_tokens_stay_valid_unless_single_token() {
    let sim = sim(10, Faults::default()).await;
    let first = token(&sim).await;
    let second = token(&sim).await;
    assert_ne!(first, second);
    assert_eq!(
        get(&sim, "phone/users", &first, &[]).await.status,
        StatusCode::OK
    );

    sim.set_faults(Faults {
        single_token: true,
        ..Faults::default()
    });
    let third = token(&sim).await;
    assert_eq!(
        get(&sim, "phone/users", &second, &[]).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        get(&sim, "phone/users", &third, &[]).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_token_without_the_phone_scopes_names_them() {
    let sim = sim(
        10,
        Faults {
            missing_scope: true,
            ..Faults::default()
        },
    )
    .await;
    let token = token(&sim).await;
    let users = get(&sim, "phone/users", &token, &[]).await;
    let message = "Invalid access token, does not contain scopes:[phone:read:list_users:admin, phone:read:admin].";
    assert_eq!(
        (users.status, users.json()),
        (
            StatusCode::BAD_REQUEST,
            json!({ "code": 4711, "message": message })
        )
    );
    let sites = get(&sim, "phone/sites", &token, &[]).await;
    assert_eq!(sites.status, StatusCode::BAD_REQUEST);
    assert!(
        sites.json()["message"]
            .as_str()
            .unwrap()
            .contains("phone:read:list_sites:admin")
    );
}

#[tokio::test]
async fn every_answer_carries_a_tracking_id() {
    let sim = sim(10, Faults::default()).await;
    let good = request_token(&sim, "demo-secret", "demo-account").await;
    let bad = request_token(&sim, "wrong", "demo-account").await;
    let unauthorized = get(&sim, "phone/users", "nope", &[]).await;
    for answer in [good, bad, unauthorized] {
        let id = answer.header("x-zm-trackingid").expect("tracking id");
        assert!(
            id.starts_with("v=2.0;clid=") && id.contains(";rid="),
            "{id}"
        );
    }
}
