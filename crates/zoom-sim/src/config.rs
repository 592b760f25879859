//! What a simulated Zoom account looks like: its roster size, its credentials and its faults.

use crate::faults::Faults;

/// One simulated account. The credentials are what `/oauth/token` checks against.
#[derive(Debug, Clone)]
pub struct SimConfig {
    /// Number of generated users (pending users included).
    pub users: usize,
    /// Seeds the roster generator and the fault dice, so a run can be replayed.
    pub seed: u64,
    pub account_id: String,
    pub client_id: String,
    pub client_secret: String,
    pub faults: Faults,
    /// Whether the roster holds the hostile names that break naive CSV writers (formulas, tabs,
    /// line breaks, padding). On for tests; off for the demo account, which should look like a
    /// real company.
    pub hostile_names: bool,
    /// Share (0.0-1.0) of users without a site, whom no site's list holds.
    pub users_without_site: f64,
}

impl Default for SimConfig {
    fn default() -> Self {
        Self {
            users: 1_000,
            seed: 42,
            account_id: "demo-account".into(),
            client_id: "demo-client".into(),
            client_secret: "demo-secret".into(),
            faults: Faults::default(),
            hostile_names: true,
            users_without_site: crate::generator::USERS_WITHOUT_SITE,
        }
    }
}
