//! The soak's CLI path: `phone-roster export --format json` (release build) of 100,000 users while
//! the account answers every 50th request with a fault; then the file is read back and compared with
//! the account, user by user and field by field. Prints the time, the faults met and the CLI's peak
//! memory. Run by `cargo xtask soak`, which builds the CLI first.

use std::time::Instant;

use bench::soak;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let sim = soak::account().await?;
    let out = std::env::temp_dir().join(format!("phone-roster-soak-{}.json", std::process::id()));
    let started = Instant::now();
    let args = [
        "--format",
        "json",
        "--rate-limit",
        "100",
        "--timeout",
        "30m",
    ];
    let output = bench::cli_export(&sim, &args, &out).await?;
    let seconds = started.elapsed().as_secs_f64();
    anyhow::ensure!(
        output.status.success(),
        "the export failed ({}): {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let peak = bench::memory::children_peak_rss_bytes();
    let users: Vec<zoom::PhoneUser> = serde_json::from_slice(&std::fs::read(&out)?)?;
    std::fs::remove_file(&out)?;
    soak::verify(&sim, &users)?;
    let stats = sim.stats();
    anyhow::ensure!(
        soak::met_every_kind(&stats),
        "not every kind of fault was met: {}",
        soak::faults_met(&stats)
    );
    println!(
        "soak, CLI path | {} users, each once, every field intact | {seconds:.1} s | {} | {}",
        users.len(),
        soak::faults_met(&stats),
        bench::memory::describe_peak(peak)
    );
    Ok(())
}
