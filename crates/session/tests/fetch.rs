//! The one fetch loop, against the simulator on loopback: a whole roster, a stop that wins, and a
//! failure, each with what the observer was told.

use std::time::Duration;

use secrecy::SecretString;
use session::{Fetched, LoadObserver, fetch_roster};
use tokio::sync::oneshot;
use zoom::{Client, ClientOptions, Credentials, Endpoints, PhoneUser};
use zoom_sim::{Faults, SimConfig, SimHandle};

/// The simulator with `latency` on every answer.
async fn sim(users: usize, latency: Duration) -> SimHandle {
    let faults = Faults {
        latency,
        ..Faults::default()
    };
    zoom_sim::sim(users, faults).await
}

fn client(sim: &SimHandle, secret: &str) -> Client {
    let config = SimConfig::default();
    let credentials = Credentials {
        account_id: config.account_id,
        client_id: config.client_id,
        client_secret: SecretString::from(secret.to_owned()),
    };
    let endpoints = Endpoints::custom(sim.api_base(), sim.token_url());
    let options = ClientOptions {
        rate_limit_per_sec: 0,
        ..ClientOptions::default()
    };
    Client::new(credentials, endpoints, options).expect("the client builds")
}

/// What the observer heard; it asks the fetch to stop after `stop_after` pages, when given.
#[derive(Default)]
struct Heard {
    pages: Vec<(usize, u32)>,
    stop_after: Option<(usize, Option<oneshot::Sender<()>>)>,
}

impl LoadObserver for Heard {
    fn users(&mut self, loaded: &[PhoneUser], total: u32) {
        self.pages.push((loaded.len(), total));
        if let Some((after, stop)) = &mut self.stop_after
            && self.pages.len() == *after
            && let Some(stop) = stop.take()
        {
            let _ = stop.send(());
        }
    }

    fn rate_limited(&mut self, _wait: Duration) {}

    fn retrying(&mut self, _reason: &str, _attempt: u32, _wait: Duration) {}
}

#[tokio::test]
async fn a_whole_roster_arrives_with_a_progress_report_per_page() {
    let sim = sim(1_200, Duration::ZERO).await;
    let mut heard = Heard::default();
    let never = std::future::pending::<()>();
    let fetched = fetch_roster(
        &client(&sim, &SimConfig::default().client_secret),
        &mut heard,
        never,
    )
    .await;
    let Fetched::Complete(users) = fetched else {
        panic!("the fetch did not complete");
    };
    assert_eq!(users.len(), 1_200);
    // At most 100 users a page, whichever site's chain each comes from.
    assert!(heard.pages.len() >= 12, "{:?}", heard.pages);
    assert_eq!(heard.pages.last(), Some(&(1_200, 1_200)));
    assert!(heard.pages.windows(2).all(|pair| pair[0].0 < pair[1].0));
}

#[tokio::test]
async fn a_stop_ends_the_fetch_with_its_reason_and_keeps_nothing() {
    // 50 ms an answer: the stop, sent as the first page arrives, wins over all but a page that
    // arrived with it (the sites' chains run side by side).
    let sim = sim(1_200, Duration::from_millis(50)).await;
    let (stop, stopped) = oneshot::channel();
    let mut heard = Heard {
        stop_after: Some((1, Some(stop))),
        ..Heard::default()
    };
    let why = async {
        stopped.await.expect("the observer sends the stop");
        "cancelled"
    };
    let fetched = fetch_roster(
        &client(&sim, &SimConfig::default().client_secret),
        &mut heard,
        why,
    )
    .await;
    let Fetched::Stopped { why, loaded } = fetched else {
        panic!("the fetch was not stopped");
    };
    assert_eq!(why, "cancelled");
    assert_eq!(heard.pages.last().map(|page| page.0), Some(loaded));
    assert!(loaded < 1_200, "stopped with {loaded} of 1,200 loaded");
}

#[tokio::test]
async fn a_failure_ends_the_fetch_with_zoom_s_error() {
    let sim = sim(1_200, Duration::ZERO).await;
    let mut heard = Heard::default();
    let never = std::future::pending::<()>();
    let fetched = fetch_roster(&client(&sim, "not the secret"), &mut heard, never).await;
    let Fetched::Failed { error, loaded } = fetched else {
        panic!("a wrong secret did not fail the fetch");
    };
    assert_eq!(error.kind(), zoom::ErrorKind::Credentials);
    assert_eq!(loaded, 0);
    assert!(heard.pages.is_empty());
}
