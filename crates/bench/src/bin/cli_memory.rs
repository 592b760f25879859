//! Peak memory of `phone-roster export` for a whole roster: the CLI (built in release) exports every
//! user of a simulated account to CSV, and the child's peak resident set is read from getrusage.
//!
//! `cargo build --release -p phone-roster-cli && cargo run --release -p bench --bin cli_memory -- --users 100000`

use std::process::Command;
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let users: usize = bench::arg("--users", 100_000);
    let cli = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../target/release/phone-roster"
    );
    anyhow::ensure!(
        std::path::Path::new(cli).exists(),
        "build the CLI first: cargo build --release -p phone-roster-cli"
    );
    let sim = bench::account(users, Duration::ZERO).await?;
    let credentials = bench::credentials();
    let out = std::env::temp_dir().join(format!("phone-roster-bench-{}.csv", std::process::id()));
    let started = Instant::now();
    let status = tokio::task::spawn_blocking({
        let (api, token, out) = (sim.api_base(), sim.token_url(), out.clone());
        move || {
            Command::new(cli)
                .args(["export", "--rate-limit", "100", "--output"])
                .arg(&out)
                .env("ZOOM_API_BASE_URL", api)
                .env("ZOOM_OAUTH_TOKEN_URL", token)
                .env("ZOOM_ACCOUNT_ID", &credentials.account_id)
                .env("ZOOM_CLIENT_ID", &credentials.client_id)
                .env(
                    "ZOOM_CLIENT_SECRET",
                    secrecy::ExposeSecret::expose_secret(&credentials.client_secret),
                )
                .status()
        }
    })
    .await??;
    anyhow::ensure!(status.success(), "the export failed: {status}");
    std::fs::remove_file(&out)?;
    println!(
        "phone-roster export | {users} users | {:.1} s | peak RSS {:.1} MB",
        started.elapsed().as_secs_f64(),
        bench::children_peak_rss_bytes() as f64 / 1e6
    );
    Ok(())
}
