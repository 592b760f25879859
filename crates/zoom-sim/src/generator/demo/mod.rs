//! The demo account, the first roster a new admin sees: a company they recognise — unique people
//! with company addresses, departments that own their cost centers, city offices with local
//! numbers, per-site extensions and the country's calling plans, a few pending and deactivated
//! users — and its roster of a month ago, for "what changed since last time".
//!
//! Deterministic for a seed like the test rosters, but drawn on its own, so the test rosters (and
//! the hostile values they carry) stay exactly as they are.

mod branches;
mod cultures;
mod history;
mod offices;
mod org;
mod people;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::Value;

use super::groups::{Billing, billing_accounts};
use super::ids::zoom_id;
use super::record::{Field, PhoneNumber, User};
use super::sites::site_count;
use super::skewed::{Skewed, weighted_index};
use super::users::activation_status;
use super::{SimAccount, USERS_WITHOUT_SITE};
use branches::Branch;
use offices::{BILLING_ENTITIES, OFFICES};
use org::Org;
use people::People;

/// Per mille of users pending (a licence, no phone yet) and deactivated (left, on leave).
const PENDING: u32 = 20;
const DEACTIVATED: u32 = 20;

/// Weights of 0, 1 and 2 phone numbers: most people have one direct number; some (agents
/// answering queues) only an extension; a few also a second line.
const NUMBER_COUNTS: [u32; 3] = [8, 88, 4];

/// The demo account's users and sites.
pub(crate) fn generate(n: usize, seed: u64, without_site: f64) -> SimAccount {
    build(n, seed, without_site).0
}

/// (the roster a month ago, the roster now = the demo account's users), as JSON.
pub(super) fn history(n: usize, seed: u64) -> (Vec<Value>, Vec<Value>) {
    let (account, mut company) = build(n, seed, USERS_WITHOUT_SITE);
    // Its own dice ("HISTORY" in ASCII), so that the roster now is exactly the demo account's.
    let mut rng = StdRng::seed_from_u64(seed ^ 0x0048_4953_544F_5259);
    let previous = history::previous(&mut rng, &mut company, &account.users);
    let json = |users: &[User]| users.iter().map(User::to_value).collect();
    (json(&previous), json(&account.users))
}

/// What people are hired into: its sites, staff, departments and billing entities.
struct Company {
    branches: Vec<Branch>,
    site_sizes: Skewed,
    people: People,
    org: Org,
    billing: Vec<Billing>,
    numbers_issued: u64,
}

fn build(n: usize, seed: u64, without_site: f64) -> (SimAccount, Company) {
    let mut rng = StdRng::seed_from_u64(seed);
    let offices = &OFFICES[..site_count(n).min(OFFICES.len())];
    let site_sizes = Skewed::new(offices.len(), 1.0);
    // Where everyone works is drawn first: each site's extension block is sized to its staff.
    let homes: Vec<usize> = (0..n).map(|_| site_sizes.pick(&mut rng)).collect();
    let mut staff = vec![0; offices.len()];
    for &home in &homes {
        staff[home] += 1;
    }
    let mut company = Company {
        branches: branches::open(&mut rng, offices, &staff),
        site_sizes,
        people: People::default(),
        org: Org::new(),
        billing: billing_accounts(&mut rng, &BILLING_ENTITIES),
        numbers_issued: 0,
    };
    let users = homes
        .iter()
        .enumerate()
        .map(|(serial, &home)| {
            let status = match rng.random_range(0..1000) {
                roll if roll < PENDING => "pending",
                roll if roll < PENDING + DEACTIVATED => "deactivate",
                _ => "activate",
            };
            let mut user = company.hire(&mut rng, serial as u64, home, status);
            // Staff of no site (as Zoom allows) still have their office's number and extension.
            if rng.random_bool(without_site) {
                user.site = Field::Missing;
            }
            user
        })
        .collect();
    let sites = company.branches.iter().map(|b| b.listing.clone()).collect();
    (SimAccount { users, sites }, company)
}

impl Company {
    /// A new person at `home`; `serial` keeps their ids unique.
    fn hire(&mut self, rng: &mut impl Rng, serial: u64, home: usize, status: &'static str) -> User {
        let branch = &self.branches[home];
        let person = self.people.hire(rng, &branch.office.hiring);
        let (department, cost_center) = self.org.place(rng);
        let set = |value: Option<_>| value.map_or(Field::Missing, Field::Set);
        let mut user = User {
            id: zoom_id(rng, serial),
            phone_user_id: Field::Missing,
            name: Field::Set(person.name),
            email: Field::Set(person.email),
            extension_id: Field::Missing,
            extension_number: Field::Missing,
            status,
            activation_status: Field::Set(activation_status(rng, status)),
            site: Field::Set(branch.site.clone()),
            department: set(department),
            cost_center: set(cost_center),
            calling_plans: Field::Missing,
            phone_numbers: Field::Missing,
            unknown: None,
        };
        // A pending user has a licence but no phone feature yet: no phone identity to list.
        if status != "pending" {
            user.phone_user_id = Field::Set(zoom_id(rng, serial));
            user.extension_id = Field::Set(zoom_id(rng, serial));
            let numbers = weighted_index(rng, NUMBER_COUNTS.iter().copied());
            self.seat(rng, &mut user, home, numbers);
        }
        user
    }

    /// `user` at `home`'s site with a new extension, `numbers` new numbers and the plans of its
    /// country: on joining, or at the site they have since moved away from.
    fn seat(&mut self, rng: &mut impl Rng, user: &mut User, home: usize, numbers: usize) {
        let branch = &mut self.branches[home];
        user.site = Field::Set(branch.site.clone());
        user.extension_number = Field::Set(branch.extension());
        let numbers = (0..numbers)
            .map(|_| {
                self.numbers_issued += 1;
                PhoneNumber {
                    id: zoom_id(rng, self.numbers_issued),
                    number: branch.number(),
                }
            })
            .collect();
        user.phone_numbers = Field::Set(numbers);
        user.calling_plans = Field::Set(branch.calling_plans(rng, &self.billing));
    }

    /// The index of the site `user` is at, if any.
    fn home_of(&self, user: &User) -> Option<usize> {
        let site = user.site.get()?;
        self.branches.iter().position(|b| b.site.id == site.id)
    }
}
