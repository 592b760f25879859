//! Shared pieces of the whole-system benchmarks: a simulated account and its credentials.

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

/// Reads a `--name value` argument, or the default.
pub fn arg<T: std::str::FromStr>(name: &str, default: T) -> T {
    let args: Vec<String> = std::env::args().collect();
    args.windows(2)
        .find(|w| w[0] == name)
        .and_then(|w| w[1].parse().ok())
        .unwrap_or(default)
}
