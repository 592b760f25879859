//! A broken or hostile server cannot keep a fetch running, or growing, forever: each of these ends
//! in a plain error (or, for faults Zoom really has, in the whole roster) within seconds.

mod common;

use std::time::{Duration, Instant};

use common::*;
use tokio::io::AsyncReadExt;
use tokio::net::TcpListener;
use zoom::{ClientOptions, Endpoints, Error};
use zoom_sim::Faults;

async fn fetch_error(faults: Faults, options: ClientOptions) -> Error {
    let sim = sim(500, faults).await;
    let outcome = drain(client_with(&sim, options).roster()).await;
    outcome.error.expect("the fetch ends in an error")
}

#[tokio::test]
async fn a_page_token_that_repeats_ends_the_fetch() {
    let faults = Faults {
        page_token_loop: true,
        ..Faults::default()
    };
    let error = fetch_error(faults, fast_options()).await;
    assert!(
        matches!(error, Error::EndlessPages { pages: 2, .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("already sent"), "{error}");
}

#[tokio::test]
async fn pages_that_never_end_stop_at_the_bound_the_total_sets() {
    let faults = Faults {
        endless_pages: true,
        ..Faults::default()
    };
    let error = fetch_error(faults, fast_options()).await;
    // 500 users (≈ 480 in the default chain) need 5 full pages: 2 × 5 + 2 are allowed.
    let Error::EndlessPages { pages, why } = error else {
        panic!("{error:?}")
    };
    assert!(pages <= 12, "{pages} pages");
    assert!(why.contains("count of records"), "{why}");
}

#[tokio::test]
async fn an_oversized_answer_is_refused_without_reading_it_all() {
    let faults = Faults {
        answer_padding: 3 << 20,
        ..Faults::default()
    };
    let options = ClientOptions {
        max_response_bytes: 2 << 20,
        ..fast_options()
    };
    let error = fetch_error(faults, options).await;
    assert_eq!(
        error,
        Error::ResponseTooLarge {
            limit_mb: 2,
            tracking_id: error.tracking_id().map(str::to_owned),
        }
    );
    assert!(error.to_string().contains("larger than 2 MB"), "{error}");
}

#[tokio::test]
async fn padding_below_the_cap_is_read_as_usual() {
    let faults = Faults {
        answer_padding: 100_000,
        ..Faults::default()
    };
    let sim = sim(300, faults).await;
    let outcome = drain(client(&sim).roster()).await;
    assert_eq!(outcome.error, None);
    assert_eq!(unique_ids(&outcome.users), sim_ids(sim.users()));
}

/// Waits shrunk to fractions of a second so a stall ends the test quickly.
fn impatient() -> ClientOptions {
    ClientOptions {
        request_timeout: Duration::from_millis(600),
        read_timeout: Duration::from_millis(300),
        connect_timeout: Duration::from_millis(300),
        max_retries: 2,
        ..fast_options()
    }
}

#[tokio::test]
async fn a_server_that_accepts_and_never_answers_times_out() {
    let faults = Faults {
        stall_rate: 1.0,
        ..Faults::default()
    };
    let started = Instant::now();
    let error = fetch_error(faults, impatient()).await;
    assert!(matches!(error, Error::Timeout { .. }), "{error:?}");
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[tokio::test]
async fn a_socket_that_accepts_and_never_reads_times_out() {
    // Below HTTP: the TCP connection opens, then nothing comes back, not even headers.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut buffer = [0u8; 1024];
            let _ = socket.read(&mut buffer).await;
            held.push(socket);
        }
    });
    let endpoints = Endpoints::custom(format!("{url}/v2"), format!("{url}/oauth/token"));
    let client = zoom::Client::new(credentials("secret"), endpoints, impatient()).unwrap();
    let outcome = drain(client.roster()).await;
    assert!(
        matches!(outcome.error, Some(Error::Timeout { .. })),
        "{:?}",
        outcome.error
    );
}

#[tokio::test]
async fn occasional_stalls_and_resets_are_retried_to_the_whole_roster() {
    // Enough requests and resets that some are met whatever order the chains' requests take
    // (the dice are rolled per request as it arrives): ~30 requests, each reset one time in 5.
    let faults = Faults {
        stall_rate: 0.05,
        reset_rate: 0.2,
        ..Faults::default()
    };
    let sim = sim(3_000, faults).await;
    let outcome = drain(client_with(&sim, impatient_but_persistent()).roster()).await;
    assert_eq!(outcome.error, None);
    assert_eq!(unique_ids(&outcome.users), sim_ids(sim.users()));
    let stats = sim.stats();
    assert!(stats.resets > 0, "{stats:?}");
}

fn impatient_but_persistent() -> ClientOptions {
    ClientOptions {
        max_retries: 20,
        ..impatient()
    }
}

#[tokio::test]
async fn revoked_tokens_are_replaced_mid_fetch() {
    let sim = sim(
        2_000,
        Faults {
            latency: Duration::from_millis(5),
            ..Faults::default()
        },
    )
    .await;
    // Paused after its first page (the fetch runs only while its stream is polled), the fetch has
    // a live token for certain; revoked there, it must renew it to go on.
    let mut stream = client(&sim).roster();
    let mut users = first_users(&mut stream).await;
    assert_eq!(sim.revoke_tokens(), 1, "the one live token is revoked");
    let rest = drain(stream).await;
    assert_eq!(rest.error, None);
    users.extend(rest.users);
    assert_eq!(unique_ids(&users), sim_ids(sim.users()));
    assert_eq!(sim.stats().tokens_issued, 2);
}

#[tokio::test]
async fn a_fault_of_every_kind_every_fifth_request_loses_no_user() {
    let faults = Faults {
        schedule: Some(zoom_sim::FaultSchedule {
            every: 5,
            max_page_token_expiries: 2,
        }),
        ..Faults::default()
    };
    let sim = sim(8_000, faults).await;
    let outcome = drain(client_with(&sim, impatient_but_persistent()).roster()).await;
    assert_eq!(outcome.error, None);
    assert_eq!(unique_ids(&outcome.users), sim_ids(sim.users()));
    let stats = sim.stats();
    assert!(stats.rate_limited >= 3, "{stats:?}");
    assert!(stats.server_errors >= 2, "{stats:?}");
    assert!(stats.resets >= 1 && stats.stalls >= 1, "{stats:?}");
    assert!(
        stats.token_revocations >= 1 && stats.unauthorized >= 1,
        "{stats:?}"
    );
    assert_eq!(stats.page_token_expiries, 2, "{stats:?}");
}
