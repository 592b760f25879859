//! Shared pieces of the whole-system benchmarks: a simulated account and its credentials, and the
//! soak's account and checks.

pub mod memory;
pub mod soak;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use secrecy::SecretString;
use zoom_sim::{Faults, SimConfig, SimHandle};

pub async fn account(users: usize, latency: Duration) -> anyhow::Result<SimHandle> {
    zoom_sim::start(SimConfig {
        users,
        faults: Faults {
            latency,
            ..Faults::default()
        },
        ..SimConfig::default()
    })
    .await
}

pub fn credentials() -> zoom::Credentials {
    let defaults = SimConfig::default();
    zoom::Credentials {
        account_id: defaults.account_id,
        client_id: defaults.client_id,
        client_secret: SecretString::from(defaults.client_secret),
    }
}

pub fn endpoints(sim: &SimHandle) -> zoom::Endpoints {
    zoom::Endpoints::custom(sim.api_base(), sim.token_url())
}

/// Runs a fetch to its end; the users it brought.
pub async fn users_fetched(
    mut stream: impl futures::Stream<Item = Result<zoom::FetchEvent, zoom::Error>> + Unpin,
) -> anyhow::Result<usize> {
    use futures::StreamExt;
    let mut fetched = 0;
    while let Some(event) = stream.next().await {
        if let zoom::FetchEvent::Users { users, .. } = event? {
            fetched += users.len();
        }
    }
    Ok(fetched)
}

/// Prints a figure for `cargo xtask bench` to judge against its target (xtask/src/targets.rs
/// names each one): `figure: NAME = VALUE`, one line.
pub fn figure(name: &str, value: f64) {
    println!("figure: {name} = {value}");
}

/// Reads a `--name value` argument, or the default.
pub fn arg<T: std::str::FromStr>(name: &str, default: T) -> T {
    let args: Vec<String> = std::env::args().collect();
    args.windows(2)
        .find(|w| w[0] == name)
        .and_then(|w| w[1].parse().ok())
        .unwrap_or(default)
}

/// The release build of `phone-roster` the whole-system benchmarks run.
pub fn release_cli() -> anyhow::Result<PathBuf> {
    let cli = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!(
        "../../target/release/phone-roster{}",
        std::env::consts::EXE_SUFFIX
    ));
    anyhow::ensure!(
        cli.exists(),
        "build the CLI first: cargo build --release -p phone-roster-cli"
    );
    Ok(cli)
}

/// `phone-roster export ARGS --output OUT` against `sim`, with the credentials in the environment
/// as a scheduled job has them, run to its end on a blocking thread (the simulator keeps serving).
pub async fn cli_export(sim: &SimHandle, args: &[&str], out: &Path) -> anyhow::Result<Output> {
    let mut command = Command::new(release_cli()?);
    let credentials = credentials();
    command
        .arg("export")
        .args(args)
        .arg("--output")
        .arg(out)
        .env("ZOOM_API_BASE_URL", sim.api_base())
        .env("ZOOM_OAUTH_TOKEN_URL", sim.token_url())
        .env("ZOOM_ACCOUNT_ID", &credentials.account_id)
        .env("ZOOM_CLIENT_ID", &credentials.client_id)
        .env(
            "ZOOM_CLIENT_SECRET",
            secrecy::ExposeSecret::expose_secret(&credentials.client_secret),
        );
    Ok(tokio::task::spawn_blocking(move || command.output()).await??)
}
