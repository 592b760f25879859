//! A deterministic roster for a seed: the same `(users, seed)` always gives the same account, so
//! tests can compare what a client fetched with what the simulator holds.

mod demo;
mod groups;
mod ids;
mod names;
mod record;
mod sites;
mod skewed;
mod users;
mod vocab;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::Value;

use groups::{BILLING_NAMES, Groups, billing_accounts};
use names::Emails;
use skewed::Skewed;
use users::UserFactory;
use vocab::{CALLING_PLANS, HOSTILE_NAMES};

pub(crate) use record::{Shared, User, Wire};

/// The generated account: users in Zoom's listing order, and its sites.
pub(crate) struct SimAccount {
    pub users: Vec<User>,
    pub sites: Vec<Value>,
}

/// `n` users (pending ones included, with `"status": "pending"`) generated from `seed`, as the JSON
/// `GET /phone/users` lists them; hostile names included, as in tests.
pub fn generate_users(n: usize, seed: u64) -> Vec<Value> {
    users_json(n, seed, true)
}

/// The users of the demo account (`SimConfig { hostile_names: false, .. }`), as JSON: a company
/// with unique people, departments owning their cost centers, and city offices.
pub fn generate_demo_users(n: usize, seed: u64) -> Vec<Value> {
    users_json(n, seed, false)
}

/// The demo account's history, matched by `id`: (its roster a month ago, its roster now). Now is
/// exactly `generate_demo_users(n, seed)`; a month ago lacks ~12 people who joined since, holds ~3
/// who left since, and ~27 others differ (cost center, department, site with its number and
/// extension, status, calling plans). Smaller rosters change less.
pub fn generate_demo_history(n: usize, seed: u64) -> (Vec<Value>, Vec<Value>) {
    demo::history(n, seed)
}

fn users_json(n: usize, seed: u64, hostile_names: bool) -> Vec<Value> {
    generate(n, seed, hostile_names, USERS_WITHOUT_SITE)
        .users
        .iter()
        .map(User::to_value)
        .collect()
}

/// Share of users without a site, as real accounts have some (the default of `SimConfig`).
pub const USERS_WITHOUT_SITE: f64 = 0.02;

/// Share of users given a hostile name on top of the evenly placed ones.
const EXTRA_HOSTILE_RATE: f64 = 0.005;

/// The test roster (hostile values and odd fields included) or, without hostile names, the demo
/// account's.
pub(crate) fn generate(n: usize, seed: u64, hostile_names: bool, without_site: f64) -> SimAccount {
    if !hostile_names {
        return demo::generate(n, seed, without_site);
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let sites = sites::generate(&mut rng, n);
    let mut factory = UserFactory {
        sites: sites.iter().map(|s| s.site.clone()).collect(),
        site_sizes: Skewed::new(sites.len(), 1.0),
        without_site,
        departments: Groups::departments(),
        cost_centers: Groups::cost_centers(&mut rng, n),
        plan_popularity: Skewed::new(CALLING_PLANS.len(), 1.2),
        billing: billing_accounts(&mut rng, &BILLING_NAMES),
        emails: Emails::default(),
        number_serial: 0,
    };
    let users = (0..n)
        .map(|i| {
            let name = placed_hostile_name(i, n).or_else(|| {
                rng.random_bool(EXTRA_HOSTILE_RATE)
                    .then(|| HOSTILE_NAMES[rng.random_range(0..HOSTILE_NAMES.len())])
            });
            factory.user(&mut rng, i as u64, name)
        })
        .collect();
    SimAccount {
        users,
        sites: sites.into_iter().map(|s| s.listing).collect(),
    }
}

/// Every hostile name once, spread evenly over the roster, so even a small roster holds each one.
fn placed_hostile_name(index: usize, n: usize) -> Option<&'static str> {
    let stride = (n / HOSTILE_NAMES.len()).max(1);
    (index % stride == stride / 2)
        .then(|| HOSTILE_NAMES.get(index / stride))
        .flatten()
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_hostile_name_is_placed_once() {
        for n in [3, 15, 100, 1_000] {
            let placed: Vec<_> = (0..n).filter_map(|i| placed_hostile_name(i, n)).collect();
            assert_eq!(placed.len(), n.min(HOSTILE_NAMES.len()), "n = {n}");
        }
    }

    #[test]
    fn a_demo_roster_has_no_hostile_names() {
        let names: Vec<Value> = generate(2_000, 7, false, USERS_WITHOUT_SITE)
            .users
            .iter()
            .map(|u| u.to_value()["name"].clone())
            .collect();
        assert!(names.iter().all(|n| !HOSTILE_NAMES.iter().any(|h| n == h)));
        let with = generate(2_000, 7, true, USERS_WITHOUT_SITE).users;
        let hostile = with
            .iter()
            .filter(|u| HOSTILE_NAMES.iter().any(|h| u.to_value()["name"] == *h));
        assert!(hostile.count() >= HOSTILE_NAMES.len());
    }
}
