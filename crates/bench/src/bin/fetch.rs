//! Fetch speed: one chain of `GET /phone/users` from a simulator with Zoom-like latency, against the
//! floor `requests × max(latency, 1 / rate limit)`, and side by side with a naive peer (a Python
//! script paging with zoomus at Zoom's default page size) on the same simulated account.
//!
//! `cargo run --release -p bench --bin fetch -- --users 100000 --latency-ms 150 --rate 10
//!  [--peer-python PATH --peer-users 20000]`

use std::process::Command;
use std::time::{Duration, Instant};

use zoom::{Client, ClientOptions, UserFilter};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let users: usize = bench::arg("--users", 100_000);
    let latency = Duration::from_millis(bench::arg("--latency-ms", 150));
    let rate: u32 = bench::arg("--rate", 10);
    let peer_python: String = bench::arg("--peer-python", String::new());
    let peer_users: usize = bench::arg("--peer-users", 20_000);

    let (seconds, requests, fetched, listed) = fetch_one_chain(users, latency, rate).await?;
    let per_request = latency.as_secs_f64().max(1.0 / f64::from(rate));
    let floor = (requests as f64) * per_request;
    println!(
        "phone-roster | {users} users | {requests} requests | {seconds:.1} s | floor {floor:.1} s | ratio {:.3} | {fetched} users fetched",
        seconds / floor
    );
    anyhow::ensure!(
        fetched == listed,
        "{fetched} of the {listed} users the unfiltered list holds were fetched"
    );
    bench::figure(
        &format!(
            "fetch {}k users, one chain, {} ms, {rate}/s: time over the floor",
            users / 1000,
            latency.as_millis()
        ),
        seconds / floor,
    );

    if !peer_python.is_empty() {
        let (ours, ..) = fetch_one_chain(peer_users, latency, rate).await?;
        let sim = bench::account(peer_users, latency).await?;
        let credentials = bench::credentials();
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/peer/zoomus_fetch.py");
        let output = tokio::task::spawn_blocking({
            let (api, token) = (sim.api_base(), sim.token_url());
            move || {
                Command::new(peer_python)
                    .args([
                        script,
                        &api,
                        &token,
                        &credentials.account_id,
                        &credentials.client_id,
                    ])
                    .arg(secrecy::ExposeSecret::expose_secret(
                        &credentials.client_secret,
                    ))
                    .output()
            }
        })
        .await??;
        anyhow::ensure!(
            output.status.success(),
            "peer failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let peer: serde_json::Value = serde_json::from_slice(&output.stdout)?;
        let peer_seconds = peer["seconds"].as_f64().unwrap_or(f64::NAN);
        println!(
            "zoomus peer | {peer_users} users | {} requests | {peer_seconds:.1} s | phone-roster {ours:.1} s | peer/phone-roster {:.2}",
            peer["requests"],
            peer_seconds / ours
        );
    }
    Ok(())
}

/// Seconds, requests sent (the token's included: it is a round trip of the chain), users fetched,
/// and how many the unfiltered list holds: Zoom's leaves pending users out (the app's roster asks
/// for them in a chain of their own), so a chain brings every user but those.
async fn fetch_one_chain(
    users: usize,
    latency: Duration,
    rate: u32,
) -> anyhow::Result<(f64, u64, usize, usize)> {
    let sim = bench::account(users, latency).await?;
    let options = ClientOptions {
        rate_limit_per_sec: rate,
        ..ClientOptions::default()
    };
    let client = Client::new(bench::credentials(), bench::endpoints(&sim), options)?;
    let started = Instant::now();
    let fetched = bench::users_fetched(client.users(UserFilter::default())).await?;
    let seconds = started.elapsed().as_secs_f64();
    let stats = sim.stats();
    let listed = sim
        .users()
        .iter()
        .filter(|user| user["status"] != "pending")
        .count();
    Ok((seconds, stats.requests, fetched, listed))
}
