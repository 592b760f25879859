//! A simulator on loopback and a client pointed at it, with waits shrunk so faults resolve fast.

#![allow(dead_code)] // each test binary uses its own subset

use std::collections::HashSet;
use std::time::Duration;

use futures::StreamExt;
use secrecy::SecretString;
use zoom::{Client, ClientOptions, Credentials, Endpoints, FetchEvent, PhoneUser};
use zoom_sim::{SimConfig, SimHandle};

#[allow(unused_imports)] // as the rest: each test binary uses its own subset
pub use zoom_sim::sim;

/// Retries and rate-limit backoffs in milliseconds instead of seconds; no client-side limit.
pub fn fast_options() -> ClientOptions {
    ClientOptions {
        rate_limit_per_sec: 0,
        max_retries: 10,
        max_rate_limit_retries: 50,
        backoff_base: Duration::from_millis(2),
        backoff_max: Duration::from_millis(40),
        rate_limit_backoff_min: Duration::from_millis(10),
        revoked_token_holdoff: Duration::from_millis(10),
        ..ClientOptions::default()
    }
}

pub fn credentials(secret: &str) -> Credentials {
    let config = SimConfig::default();
    Credentials {
        account_id: config.account_id,
        client_id: config.client_id,
        client_secret: SecretString::from(secret.to_string()),
    }
}

pub fn client_with(sim: &SimHandle, options: ClientOptions) -> Client {
    let secret = SimConfig::default().client_secret;
    let endpoints = Endpoints::custom(sim.api_base(), sim.token_url());
    Client::new(credentials(&secret), endpoints, options).expect("client builds")
}

pub fn client(sim: &SimHandle) -> Client {
    client_with(sim, fast_options())
}

/// Everything a stream produced, split by kind.
#[derive(Debug, Default)]
pub struct Outcome {
    pub users: Vec<PhoneUser>,
    pub last_total: u32,
    pub rate_limited: usize,
    pub retrying: Vec<String>,
    pub error: Option<zoom::Error>,
}

pub async fn drain(
    mut stream: impl futures::Stream<Item = Result<FetchEvent, zoom::Error>> + Unpin,
) -> Outcome {
    let mut outcome = Outcome::default();
    while let Some(event) = stream.next().await {
        match event {
            Ok(FetchEvent::Users { users, total }) => {
                outcome.users.extend(users);
                outcome.last_total = total;
            }
            Ok(FetchEvent::RateLimited { .. }) => outcome.rate_limited += 1,
            Ok(FetchEvent::Retrying { reason, .. }) => outcome.retrying.push(reason),
            Err(error) => {
                assert!(outcome.error.is_none(), "a stream ends at its first error");
                outcome.error = Some(error);
            }
        }
    }
    outcome
}

pub fn sim_ids<'a>(users: impl IntoIterator<Item = &'a serde_json::Value>) -> HashSet<String> {
    users
        .into_iter()
        .map(|u| u["id"].as_str().expect("sim user id").to_string())
        .collect()
}

/// Asserts no id came twice and returns the set.
pub fn unique_ids(users: &[PhoneUser]) -> HashSet<String> {
    let ids: HashSet<String> = users.iter().map(|u| u.id.to_string()).collect();
    assert_eq!(ids.len(), users.len(), "a user was yielded twice");
    ids
}

/// Polls `stream` until its first page of users has come and returns them; the fetch then stays
/// paused where it is (it runs only while its stream is polled).
pub async fn first_users(
    stream: &mut (impl futures::Stream<Item = Result<FetchEvent, zoom::Error>> + Unpin),
) -> Vec<PhoneUser> {
    loop {
        match stream
            .next()
            .await
            .expect("a first page")
            .expect("no error")
        {
            FetchEvent::Users { users, .. } if !users.is_empty() => return users,
            FetchEvent::Users { .. }
            | FetchEvent::RateLimited { .. }
            | FetchEvent::Retrying { .. } => {}
        }
    }
}

/// Checks `done` every few milliseconds until it holds; fails, naming `what`, after `within`.
pub async fn wait_until(what: &str, within: Duration, mut done: impl FnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + within;
    while !done() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "waited {within:?} for {what}"
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}

pub fn status_of(user: &serde_json::Value) -> Option<&str> {
    user.get("status").and_then(|s| s.as_str())
}
