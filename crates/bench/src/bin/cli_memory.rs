//! Peak memory of `phone-roster export` for a whole roster: the CLI (built in release) exports every
//! user of a simulated account to CSV, and the child's peak resident set is read from the system's
//! accounting (bench::memory).
//!
//! `cargo build --release -p phone-roster-cli && cargo run --release -p bench --bin cli_memory -- --users 100000`

use std::time::{Duration, Instant};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let users: usize = bench::arg("--users", 100_000);
    let sim = bench::account(users, Duration::ZERO).await?;
    let out = std::env::temp_dir().join(format!("phone-roster-bench-{}.csv", std::process::id()));
    let started = Instant::now();
    let status = bench::cli_export(&sim, &["--rate-limit", "100"], &out)
        .await?
        .status;
    anyhow::ensure!(status.success(), "the export failed: {status}");
    std::fs::remove_file(&out)?;
    let peak = bench::memory::children_peak_rss_bytes();
    println!(
        "phone-roster export | {users} users | {:.1} s | {}",
        started.elapsed().as_secs_f64(),
        bench::memory::describe_peak(peak)
    );
    if let Some(bytes) = peak {
        bench::figure(
            &format!(
                "phone-roster export of {}k users: peak memory, MB",
                users / 1000
            ),
            bytes as f64 / 1e6,
        );
    }
    Ok(())
}
