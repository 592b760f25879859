//! The groups users belong to — departments, cost centers, billing accounts — and how big each is.

use rand::Rng;

use super::ids::zoom_id;
use super::record::Shared;
use super::skewed::Skewed;
use super::vocab::{COST_CENTER_WORDS, DEPARTMENTS, ODD_COST_CENTERS};

/// Names to draw from, the first ones drawn most.
pub(super) struct Groups {
    names: Vec<Shared>,
    sizes: Skewed,
}

impl Groups {
    fn new(names: Vec<String>, exponent: f64) -> Self {
        let sizes = Skewed::new(names.len(), exponent);
        Self {
            names: names.iter().map(|n| Shared::from(n.as_str())).collect(),
            sizes,
        }
    }

    pub fn departments() -> Self {
        Self::new(DEPARTMENTS.iter().map(|d| d.to_string()).collect(), 1.1)
    }

    pub fn pick(&self, rng: &mut impl Rng) -> Shared {
        self.names[self.sizes.pick(rng)].clone()
    }

    /// About one cost center per 100 users (10 to 400), coded like `CC-1001 Finance`, `0042` or
    /// `0042 Finance` (leading zeros a spreadsheet must keep), with odd real-world ones mixed in.
    pub fn cost_centers(rng: &mut impl Rng, users: usize) -> Self {
        let count = (users / 100).clamp(10, 400);
        let mut names: Vec<String> = (0..count)
            .map(|k| {
                let word = COST_CENTER_WORDS[rng.random_range(0..COST_CENTER_WORDS.len())];
                match rng.random_range(0..10) {
                    0..=5 => format!("CC-{} {word}", 1001 + k),
                    6..=7 => format!("{:04} {word}", 100 + k),
                    _ => format!("{:04}", 100 + k),
                }
            })
            .collect();
        // Mid-table, so they are neither the biggest groups nor too rare to appear.
        let at = (count / 3).min(names.len());
        names.splice(at..at, ODD_COST_CENTERS.iter().map(|c| c.to_string()));
        Self::new(names, 0.9)
    }
}

/// A billing account and subscription calling plans are charged to.
pub(super) struct Billing {
    pub account_id: Shared,
    pub account_name: Shared,
    pub subscription_id: Shared,
    pub subscription_name: Shared,
}

/// The test accounts' billing accounts: a comma and a script a CSV must keep.
pub(super) const BILLING_NAMES: [&str; 3] =
    ["Main Billing Account", "EMEA Billing, Ltd.", "APAC 請求"];

pub(super) fn billing_accounts(rng: &mut impl Rng, names: &[&str]) -> Vec<Billing> {
    names
        .iter()
        .enumerate()
        .map(|(k, &name)| Billing {
            account_id: zoom_id(rng, k as u64).as_str().into(),
            account_name: name.into(),
            subscription_id: zoom_id(rng, k as u64).as_str().into(),
            subscription_name: format!("Zoom Phone Subscription {}", k + 1).as_str().into(),
        })
        .collect()
}
