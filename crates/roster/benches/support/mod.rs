//! The benchmarks' rosters: the simulator's seeded generator (skewed sites, departments and cost
//! centers, every status, blanks and hostile values), parsed as the client parses Zoom's pages.

use zoom::PhoneUser;

pub fn users(n: usize, seed: u64) -> Vec<PhoneUser> {
    zoom_sim::generate_users(n, seed)
        .into_iter()
        .map(|user| serde_json::from_value(user).expect("generated users parse"))
        .collect()
}
