//! The whole roster of a multi-site account, as the app and the CLI load it (`Client::roster`:
//! the sites' chains side by side when they cover every user), against the rate-limit floor
//! (requests ÷ rate) and against one chain of the unfiltered list, whose floor is its latency.
//! The simulator enforces the rate limit itself: any second over it would answer 429, and
//! `cargo xtask bench` fails unless it answered none.
//!
//! `cargo run --release -p bench --bin roster_load -- --users 10000 --latency-ms 150 --rate 10`

use std::time::{Duration, Instant};

use zoom::{Client, ClientOptions};
use zoom_sim::{Faults, SimConfig, SimHandle};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let users: usize = bench::arg("--users", 10_000);
    let latency = Duration::from_millis(bench::arg("--latency-ms", 150));
    let rate: u32 = bench::arg("--rate", 10);

    let one_chain = load(users, latency, rate, 0.0, Shape::OneChain).await?;
    let by_site = load(users, latency, rate, 0.0, Shape::Roster).await?;
    let without_site = load(users, latency, rate, 0.02, Shape::Roster).await?;
    let latency_floor =
        one_chain.requests as f64 * latency.as_secs_f64().max(1.0 / f64::from(rate));
    println!(
        "one chain (unfiltered list) | {users} users | {} requests | {:.1} s | latency floor {latency_floor:.1} s | 429s {}",
        one_chain.requests, one_chain.seconds, one_chain.rate_limited
    );
    for (name, run) in [
        ("whole roster, every user in a site", &by_site),
        (
            "whole roster, 2% without a site (falls back)",
            &without_site,
        ),
    ] {
        let floor = run.requests as f64 / f64::from(rate);
        println!(
            "{name} | {} users | {} requests | {:.1} s | rate floor {floor:.1} s | ratio {:.3} | 429s {} | speed-up over one chain {:.2}x",
            run.fetched,
            run.requests,
            run.seconds,
            run.seconds / floor,
            run.rate_limited,
            one_chain.seconds / run.seconds,
        );
    }
    bench::figure(
        &format!(
            "whole roster of {}k users by site, {rate}/s: time over the rate floor",
            users / 1000
        ),
        by_site.seconds / (by_site.requests as f64 / f64::from(rate)),
    );
    let answered_429 = [&one_chain, &by_site, &without_site]
        .iter()
        .map(|run| run.rate_limited)
        .sum::<u64>();
    bench::figure(
        "whole roster loads: 429s the simulator answered",
        answered_429 as f64,
    );
    Ok(())
}

enum Shape {
    /// `GET /phone/users` unfiltered, one chain: what the roster took before the site split.
    OneChain,
    Roster,
}

struct Run {
    seconds: f64,
    /// API requests (token requests left out: the rate limit does not count them).
    requests: u64,
    rate_limited: u64,
    fetched: usize,
}

async fn load(
    users: usize,
    latency: Duration,
    rate: u32,
    users_without_site: f64,
    shape: Shape,
) -> anyhow::Result<Run> {
    let sim: SimHandle = zoom_sim::start(SimConfig {
        users,
        users_without_site,
        faults: Faults {
            latency,
            qps_limit: Some(rate),
            ..Faults::default()
        },
        ..SimConfig::default()
    })
    .await?;
    let options = ClientOptions {
        rate_limit_per_sec: rate,
        ..ClientOptions::default()
    };
    let client = Client::new(bench::credentials(), bench::endpoints(&sim), options)?;
    let started = Instant::now();
    let fetched = match shape {
        Shape::OneChain => bench::users_fetched(client.users(zoom::UserFilter::default())).await?,
        Shape::Roster => bench::users_fetched(client.roster()).await?,
    };
    let seconds = started.elapsed().as_secs_f64();
    let stats = sim.stats();
    Ok(Run {
        seconds,
        requests: stats.requests - stats.tokens_issued,
        rate_limited: stats.rate_limited,
        fetched,
    })
}
