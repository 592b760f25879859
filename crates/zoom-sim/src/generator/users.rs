//! One user record as `GET /phone/users` lists it — with the missing fields, nulls, unknown fields
//! and odd values real accounts have.

use rand::Rng;
use serde_json::{Value, json};

use super::groups::{Billing, Groups};
use super::ids::{phone_number, zoom_id};
use super::names::{Emails, person_name};
use super::record::{CallingPlan, Field, PhoneNumber, SiteRef, User};
use super::skewed::{Skewed, weighted_index};
use super::vocab::{CALLING_PLANS, NUMBER_PLANS};

/// Everything users are drawn from, plus the running serial that keeps numbers unique.
pub(super) struct UserFactory {
    pub sites: Vec<SiteRef>,
    pub site_sizes: Skewed,
    /// Share of users without a site.
    pub without_site: f64,
    pub departments: Groups,
    pub cost_centers: Groups,
    pub plan_popularity: Skewed,
    pub billing: Vec<Billing>,
    pub emails: Emails,
    pub number_serial: u64,
}

impl UserFactory {
    /// `name` overrides the generated name (used to place the hostile names).
    pub fn user(&mut self, rng: &mut impl Rng, serial: u64, name: Option<&str>) -> User {
        let status = match rng.random_range(0..100) {
            0..=2 => "pending",
            3..=14 => "deactivate",
            _ => "activate",
        };
        let id = zoom_id(rng, serial);
        let name = name.map_or_else(|| person_name(rng), str::to_owned);
        let email = optional(self.emails.address(rng, &name), 0.02, rng);
        let name = optional(name, 0.005, rng);
        let mut user = User {
            id,
            phone_user_id: Field::Missing,
            name,
            email,
            extension_id: Field::Missing,
            extension_number: Field::Missing,
            status,
            activation_status: Field::Missing,
            site: Field::Missing,
            department: Field::Missing,
            cost_center: Field::Missing,
            calling_plans: Field::Missing,
            phone_numbers: Field::Missing,
            unknown: None,
        };
        // A pending user has a licence but no phone feature yet: no phone identity to list.
        if status != "pending" {
            self.phone_identity(rng, &mut user, serial);
        }
        user.activation_status = optional(activation_status(rng, status), 0.03, rng);
        let site = self.sites[self.site_sizes.pick(rng)].clone();
        user.site = optional(site, self.without_site, rng);
        user.department = optional(self.departments.pick(rng), 0.07, rng);
        user.cost_center = optional(self.cost_centers.pick(rng), 0.08, rng);
        if rng.random_bool(0.02) {
            user.unknown = Some(unknown_field(rng));
        }
        user
    }

    fn phone_identity(&mut self, rng: &mut impl Rng, user: &mut User, serial: u64) {
        user.phone_user_id = Field::Set(zoom_id(rng, serial));
        user.extension_id = Field::Set(zoom_id(rng, serial));
        if !rng.random_bool(0.02) {
            user.extension_number = Field::Set(1000 + serial);
        }
        let plans = (0..count(rng, &[10, 70, 15, 5]))
            .map(|_| self.calling_plan(rng))
            .collect();
        user.calling_plans = optional(plans, 0.01, rng);
        let numbers = (0..count(rng, &[15, 65, 12, 5, 1, 1, 1, 0, 0, 0, 1]))
            .map(|_| self.phone_number(rng))
            .collect();
        user.phone_numbers = optional(numbers, 0.01, rng);
    }

    fn calling_plan(&self, rng: &mut impl Rng) -> CallingPlan {
        let (plan_type, name) = CALLING_PLANS[self.plan_popularity.pick(rng)];
        let billing = &self.billing[rng.random_range(0..self.billing.len())];
        let mut plan = CallingPlan {
            name,
            plan_type,
            billing_account_id: Field::Missing,
            billing_account_name: Field::Missing,
            billing_subscription_id: Field::Missing,
            billing_subscription_name: Field::Missing,
        };
        if rng.random_bool(0.8) {
            plan.billing_account_id = optional(billing.account_id.clone(), 0.05, rng);
            plan.billing_account_name = optional(billing.account_name.clone(), 0.05, rng);
        }
        if rng.random_bool(0.6) {
            plan.billing_subscription_id = optional(billing.subscription_id.clone(), 0.05, rng);
            plan.billing_subscription_name = optional(billing.subscription_name.clone(), 0.05, rng);
        }
        plan
    }

    fn phone_number(&mut self, rng: &mut impl Rng) -> PhoneNumber {
        let (country, national_len) = NUMBER_PLANS[rng.random_range(0..NUMBER_PLANS.len())];
        self.number_serial += 1;
        let number = phone_number(rng, country, national_len, self.number_serial);
        PhoneNumber {
            id: zoom_id(rng, self.number_serial),
            number,
        }
    }
}

/// The value, or — `rate` of the time — the field left out (half of those) or `null`.
fn optional<T>(value: T, rate: f64, rng: &mut impl Rng) -> Field<T> {
    if !rng.random_bool(rate) {
        Field::Set(value)
    } else if rng.random_bool(0.5) {
        Field::Null
    } else {
        Field::Missing
    }
}

/// A count drawn with the given weights for 0, 1, 2, …
fn count(rng: &mut impl Rng, weights: &[u32]) -> usize {
    weighted_index(rng, weights.iter().copied())
}

pub(super) fn activation_status(rng: &mut impl Rng, status: &str) -> &'static str {
    let roll = rng.random_range(0..100);
    match status {
        "activate" if roll < 92 => "activated",
        "activate" if roll < 97 => "ready to activate",
        "deactivate" if roll < 50 => "activated",
        "deactivate" if roll < 80 => "ready to activate",
        _ => "not ready",
    }
}

/// Fields Zoom added after the client was written; a tolerant client keeps them.
fn unknown_field(rng: &mut impl Rng) -> (&'static str, Value) {
    match rng.random_range(0..4) {
        0 => (
            "emergency_address",
            json!({ "country": "US", "city": "San José", "zip": "02134" }),
        ),
        1 => ("desk_phone_count", json!(rng.random_range(0..4))),
        2 => ("user_type", json!("Licensed")),
        _ => (
            "policy",
            json!({ "hot_desking": { "enable": true, "locked": false } }),
        ),
    }
}
