//! Injected faults: each answers exactly as Zoom does, is counted, and can be switched at runtime.

mod common;

use std::time::{Duration, SystemTime};

use common::*;
use reqwest::StatusCode;
use serde_json::json;
use zoom_sim::{Faults, RetryAfter};

fn rate_limited_body() -> serde_json::Value {
    let message =
        "You have reached the maximum per-second rate limit for this API. Try again later.";
    json!({ "code": 429, "message": message })
}

#[tokio::test]
async fn a_429_comes_with_retry_after_in_seconds_as_a_date_or_not_at_all() {
    let sim = sim(10, Faults::default()).await;
    let token = token(&sim).await;
    for retry_after in [
        RetryAfter::Seconds,
        RetryAfter::HttpDate,
        RetryAfter::Absent,
    ] {
        sim.set_faults(Faults {
            qps_limit: Some(0),
            retry_after,
            ..Faults::default()
        });
        let answer = get(&sim, "phone/users", &token, &[]).await;
        assert_eq!(
            (answer.status, answer.json()),
            (StatusCode::TOO_MANY_REQUESTS, rate_limited_body())
        );
        let header = answer.header("retry-after");
        match retry_after {
            RetryAfter::Seconds => assert_eq!(header, Some("1")),
            RetryAfter::HttpDate => {
                let date =
                    httpdate::parse_http_date(header.expect("a date")).expect("an HTTP date");
                assert!(
                    date + Duration::from_secs(5) > SystemTime::now(),
                    "not in the past"
                );
            }
            RetryAfter::Absent => assert_eq!(header, None),
        }
    }
    assert_eq!(sim.stats().rate_limited, 3);
}

#[tokio::test]
async fn the_qps_limit_lets_some_through_and_refuses_the_rest() {
    let sim = sim(
        10,
        Faults {
            qps_limit: Some(2),
            ..Faults::default()
        },
    )
    .await;
    let token = token(&sim).await;
    let mut statuses = Vec::new();
    let mut with_headers = 0;
    for _ in 0..12 {
        let answer = get(&sim, "phone/users", &token, &[]).await;
        statuses.push(answer.status);
        with_headers += usize::from(answer.header("x-ratelimit-limit") == Some("2"));
    }
    assert!(
        statuses.contains(&StatusCode::OK) && statuses.contains(&StatusCode::TOO_MANY_REQUESTS)
    );
    assert!(
        with_headers > 0 && with_headers < 12,
        "X-RateLimit-* only sometimes: {with_headers}"
    );
    assert_eq!(
        sim.stats().tokens_issued,
        1,
        "the token endpoint is not rate-limited with the API"
    );
}

#[tokio::test]
async fn server_errors_are_500_502_or_503_and_counted() {
    let sim = sim(
        10,
        Faults {
            server_error_rate: 1.0,
            ..Faults::default()
        },
    )
    .await;
    let token = token(&sim).await;
    let mut json_bodies = 0;
    for _ in 0..30 {
        let answer = get(&sim, "phone/users", &token, &[]).await;
        assert!(
            [500, 502, 503].contains(&answer.status.as_u16()),
            "{}",
            answer.status
        );
        assert!(answer.header("x-zm-trackingid").is_some());
        json_bodies += usize::from(serde_json::from_str::<serde_json::Value>(&answer.text).is_ok());
    }
    assert!(
        json_bodies > 0 && json_bodies < 30,
        "with and without a JSON body"
    );
    assert_eq!(sim.stats().server_errors, 30);

    sim.set_faults(Faults::default());
    assert_eq!(
        get(&sim, "phone/users", &token, &[]).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn malformed_json_is_a_200_with_a_truncated_body() {
    let sim = sim(
        100,
        Faults {
            malformed_json_rate: 1.0,
            ..Faults::default()
        },
    )
    .await;
    let token = token(&sim).await;
    let answer = get(&sim, "phone/users", &token, &[]).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.text.starts_with('{'));
    assert!(serde_json::from_str::<serde_json::Value>(&answer.text).is_err());
    assert_eq!(sim.stats().malformed_responses, 1);
    // Error answers are left whole.
    let unauthorized = get(&sim, "phone/users", "nope", &[]).await;
    assert_eq!(unauthorized.json()["code"], 124);
}

#[tokio::test]
async fn phone_not_enabled_is_a_403() {
    let sim = sim(
        10,
        Faults {
            phone_not_enabled: true,
            ..Faults::default()
        },
    )
    .await;
    let token = token(&sim).await;
    for path in ["phone/users", "phone/sites"] {
        let answer = get(&sim, path, &token, &[]).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{path}");
        assert!(
            answer.json()["message"]
                .as_str()
                .unwrap()
                .contains("Zoom Phone")
        );
    }
}

#[tokio::test]
async fn a_site_permission_error_refuses_site_filters_only() {
    let sim = sim(
        100,
        Faults {
            site_permission_error: true,
            ..Faults::default()
        },
    )
    .await;
    let token = token(&sim).await;
    let answer = get(
        &sim,
        "phone/users",
        &token,
        &[("site_id", "someone-elses-site")],
    )
    .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.json()["code"], 124);
    assert!(
        answer.json()["message"]
            .as_str()
            .unwrap()
            .contains("does not belong to the target sites")
    );
    assert_eq!(
        get(&sim, "phone/users", &token, &[]).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn latency_slows_answers_without_changing_them() {
    let sim = sim(
        50,
        Faults {
            latency: Duration::from_millis(5),
            ..Faults::default()
        },
    )
    .await;
    let walk = walk(&sim, "phone/users", "users", &[("page_size", "10")]).await;
    assert_eq!(walk.items.len(), walk.total.unwrap());
    assert_eq!(
        sim.stats().requests,
        1 + walk.pages as u64,
        "one token and one request per page"
    );
}
