//! What a soak run checks and reports: the account under a fault on every 50th request, and the
//! roster a path delivered compared with the account's, user by user and field by field.

use std::collections::HashMap;

use zoom::PhoneUser;
use zoom_sim::{FaultSchedule, Faults, SimConfig, SimHandle, SimStats};

/// The account soaked: its size, and a fault on every `FAULT_EVERY`-th API request.
pub const USERS: usize = 100_000;
pub const FAULT_EVERY: u64 = 50;

/// 100,000 users (hostile names included) and the fault schedule: every 429 form, 500 and 503, a
/// reset, a token revocation, a page-token expiry (twice) and a stalled answer, in turn.
pub async fn account() -> anyhow::Result<SimHandle> {
    zoom_sim::start(SimConfig {
        users: USERS,
        faults: Faults {
            schedule: Some(FaultSchedule {
                every: FAULT_EVERY,
                max_page_token_expiries: 2,
            }),
            ..Faults::default()
        },
        ..SimConfig::default()
    })
    .await
}

/// `Ok` when `delivered` holds every user of the account exactly once, each equal in every field
/// (unknown fields included) to the account's record read by the same parser.
pub fn verify(sim: &SimHandle, delivered: &[PhoneUser]) -> anyhow::Result<()> {
    let mut by_id: HashMap<&str, &PhoneUser> = HashMap::with_capacity(delivered.len());
    for user in delivered {
        anyhow::ensure!(
            by_id.insert(user.id.as_str(), user).is_none(),
            "user {} was delivered twice",
            user.id
        );
    }
    anyhow::ensure!(
        delivered.len() == sim.users().len(),
        "{} users delivered, the account has {}",
        delivered.len(),
        sim.users().len()
    );
    for record in sim.users() {
        let expected: PhoneUser = serde_json::from_value(record.clone())?;
        let got = by_id
            .get(expected.id.as_str())
            .ok_or_else(|| anyhow::anyhow!("user {} is missing", expected.id))?;
        anyhow::ensure!(
            **got == expected,
            "user {} differs:\n  got      {got:?}\n  expected {expected:?}",
            expected.id
        );
    }
    Ok(())
}

/// The faults the account served, one line.
pub fn faults_met(stats: &SimStats) -> String {
    format!(
        "{} requests: {} × 429, {} × 5xx, {} resets, {} stalls, {} token revocations ({} × 401), \
         {} page-token expiries",
        stats.requests,
        stats.rate_limited,
        stats.server_errors,
        stats.resets,
        stats.stalls,
        stats.token_revocations,
        stats.unauthorized,
        stats.page_token_expiries
    )
}

/// Whether every kind of the schedule was met at least once.
pub fn met_every_kind(stats: &SimStats) -> bool {
    stats.rate_limited >= 3
        && stats.server_errors >= 2
        && stats.resets > 0
        && stats.stalls > 0
        && stats.token_revocations > 0
        && stats.page_token_expiries > 0
}
