//! The faults Zoom throws at a long fetch; each fetch must still end with every user exactly once.

mod common;

use std::time::Duration;

use common::*;
use futures::{FutureExt, StreamExt};
use zoom::FetchEvent;
use zoom_sim::{Faults, RetryAfter};

/// Fetches the whole roster through `faults`; every user must come exactly once, and without a
/// rate limit to meet, no 429 may have been needed (a retry would hide it).
async fn assert_complete(faults: Faults, users: usize) -> (Outcome, zoom_sim::SimHandle) {
    let limited = faults.qps_limit.is_some();
    let sim = sim(users, faults).await;
    let outcome = drain(client(&sim).roster()).await;
    assert_eq!(outcome.error, None);
    assert_eq!(unique_ids(&outcome.users), sim_ids(sim.users()));
    if !limited {
        assert_eq!(sim.stats().rate_limited, 0);
    }
    (outcome, sim)
}

#[tokio::test]
async fn token_expiring_mid_chain_loses_no_user() {
    // The first token lives a second, every later one an hour. The fetch is paused mid-chain until
    // the simulator has expired the first token, so a fast machine cannot finish before it expires
    // and a slow one cannot see a renewed token expire before it is used. Each new token replaces
    // the old one (as Zoom's once did), so the two chains must renew it once, not each their own.
    let long_lived = Faults {
        token_lifetime: Duration::from_secs(3600),
        single_token: true,
        ..Faults::default()
    };
    let first = Faults {
        token_lifetime: Duration::from_secs(1),
        ..long_lived.clone()
    };
    let sim = sim(2_000, first).await;
    let mut stream = client(&sim).roster();

    // The fetch runs only while its stream is polled (no spawned task): poll it until the first
    // token is issued, then lengthen the lifetime of the tokens after it.
    wait_until("the first token", Duration::from_secs(10), || {
        if sim.stats().tokens_issued > 0 {
            return true;
        }
        if let Some(event) = stream.next().now_or_never() {
            panic!("the fetch went on before it had a token: {event:?}");
        }
        false
    })
    .await;
    // The token the chains start with (none if it expired already, on a very slow machine).
    let first_token = sim.live_tokens().pop();
    sim.set_faults(long_lived);

    let mut users = first_users(&mut stream).await;
    // Paused mid-chain (the stream is not polled) until the first token no longer works: expired,
    // or already replaced if a slow machine made the client renew it early.
    wait_until("the first token to expire", Duration::from_secs(30), || {
        first_token
            .as_ref()
            .is_none_or(|token| !sim.live_tokens().contains(token))
    })
    .await;
    assert!(users.len() < sim.users().len(), "paused mid-chain");

    let rest = drain(stream).await;
    assert_eq!(rest.error, None);
    users.extend(rest.users);
    assert_eq!(unique_ids(&users), sim_ids(sim.users()));
    assert_eq!(
        sim.stats().tokens_issued,
        2,
        "the expired token was renewed once for both chains"
    );
}

async fn rate_limit_storm(retry_after: RetryAfter) {
    let faults = Faults {
        qps_limit: Some(5),
        retry_after,
        ..Faults::default()
    };
    let (outcome, sim) = assert_complete(faults, 600).await;
    assert!(sim.stats().rate_limited > 0, "the simulator did answer 429");
    assert!(outcome.rate_limited > 0, "the waits were reported");
}

#[tokio::test]
async fn rate_limit_storm_with_retry_after_seconds() {
    rate_limit_storm(RetryAfter::Seconds).await;
}

#[tokio::test]
async fn rate_limit_storm_with_retry_after_date() {
    rate_limit_storm(RetryAfter::HttpDate).await;
}

#[tokio::test]
async fn rate_limit_storm_without_retry_after() {
    rate_limit_storm(RetryAfter::Absent).await;
}

#[tokio::test]
async fn the_client_side_limit_cooperates_with_zoom_s() {
    // Enough pages over the sites' side-by-side chains that an unlimited client would go faster
    // than 20 requests a second.
    let sim = sim(
        3_000,
        Faults {
            qps_limit: Some(20),
            ..Faults::default()
        },
    )
    .await;
    let options = zoom::ClientOptions {
        rate_limit_per_sec: 20,
        ..fast_options()
    };
    let outcome = drain(client_with(&sim, options).roster()).await;
    assert_eq!(outcome.error, None);
    assert_eq!(unique_ids(&outcome.users), sim_ids(sim.users()));
    // The client keeps under Zoom's limit by itself: 50 retries of a 429 would hide a limiter
    // that let the chains run faster than it.
    assert_eq!(sim.stats().rate_limited, 0, "Zoom never had to say 429");
}

#[tokio::test]
async fn server_error_bursts_are_retried() {
    let faults = Faults {
        server_error_rate: 0.3,
        ..Faults::default()
    };
    let (outcome, sim) = assert_complete(faults, 2_000).await;
    assert!(sim.stats().server_errors > 0);
    assert!(!outcome.retrying.is_empty(), "the retries were reported");
}

#[tokio::test]
async fn page_token_expiring_mid_chain_restarts_without_doubles() {
    let sim = sim(3_000, Faults::default()).await;
    let mut stream = client(&sim).roster();
    let mut outcome = Outcome::default();
    let mut pages = 0;
    // A few pages in, page tokens start expiring before they can be used; once the client has
    // restarted, they live long again.
    while let Some(event) = stream.next().await {
        match event.expect("no error") {
            FetchEvent::Users { users, .. } => {
                outcome.users.extend(users);
                pages += 1;
                if pages == 5 {
                    sim.set_faults(Faults {
                        page_token_ttl: Duration::from_millis(1),
                        latency: Duration::from_millis(5),
                        ..Faults::default()
                    });
                }
            }
            FetchEvent::Retrying { reason, .. } => {
                sim.set_faults(Faults::default());
                outcome.retrying.push(reason);
                break;
            }
            FetchEvent::RateLimited { .. } => {}
        }
    }
    let rest = drain(stream).await;
    assert_eq!(rest.error, None);
    outcome.users.extend(rest.users);
    assert!(sim.stats().page_token_expiries >= 1);
    assert!(
        outcome.retrying[0].contains("page token"),
        "{:?}",
        outcome.retrying
    );
    assert_eq!(unique_ids(&outcome.users), sim_ids(sim.users()));
}

#[tokio::test]
async fn page_token_restarts_are_capped() {
    let faults = Faults {
        page_token_ttl: Duration::from_millis(1),
        latency: Duration::from_millis(20),
        ..Faults::default()
    };
    let sim = sim(1_000, faults).await;
    let options = zoom::ClientOptions {
        max_page_token_restarts: 2,
        ..fast_options()
    };
    let outcome = drain(client_with(&sim, options).users(Default::default())).await;
    let error = outcome.error.expect("gives up instead of looping forever");
    assert!(
        matches!(error, zoom::Error::Api { status: 400, .. }),
        "{error:?}"
    );
    assert_eq!(outcome.retrying.len(), 2);
    unique_ids(&outcome.users);
}

#[tokio::test]
async fn occasional_malformed_json_is_retried() {
    let faults = Faults {
        malformed_json_rate: 0.2,
        ..Faults::default()
    };
    assert_complete(faults, 1_000).await;
}

#[tokio::test]
async fn persistent_malformed_json_is_an_unreadable_response() {
    let sim = sim(
        300,
        Faults {
            malformed_json_rate: 1.0,
            ..Faults::default()
        },
    )
    .await;
    let options = zoom::ClientOptions {
        max_retries: 2,
        ..fast_options()
    };
    let outcome = drain(client_with(&sim, options).users(Default::default())).await;
    assert_eq!(outcome.retrying.len(), 2, "retried before giving up");
    assert!(matches!(
        outcome.error,
        Some(zoom::Error::UnreadableResponse { status: 200, .. })
    ));
}
