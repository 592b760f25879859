//! The offices an account opens, as Zoom sites: each lists itself and hands out its own extensions
//! (one block per site, its main auto receptionist first) and phone numbers (its area's block).

use rand::Rng;
use serde_json::{Value, json};

use super::offices::{INTERNATIONAL, Office, Plan};
use crate::generator::groups::Billing;
use crate::generator::ids::zoom_id;
use crate::generator::record::{CallingPlan, Field, SiteRef};

/// The first site's extensions start here; each later site's block follows the one before.
const FIRST_EXTENSION: u64 = 10_000;

/// Numbers are scrambled within blocks of this many; the stride is prime, so coprime with the
/// block, and each number of a block comes once.
const NUMBER_BLOCK: u64 = 100_000;
const NUMBER_STRIDE: u64 = 7_919;

/// Share of a country's users on its metered plan where Zoom sells one, and of users who also
/// call abroad.
const METERED: f64 = 0.15;
const CALLING_ABROAD: f64 = 0.07;

/// An office opened as a site, with the next extension and number it hands out.
pub(super) struct Branch {
    pub office: &'static Office,
    pub site: SiteRef,
    pub listing: Value,
    next_extension: u64,
    numbers_issued: u64,
}

/// Opens `offices` for `staff[k]` people each. A block leaves a tenth spare (and some), so people
/// who join or move later get an extension in their site's block too.
pub(super) fn open(rng: &mut impl Rng, offices: &'static [Office], staff: &[usize]) -> Vec<Branch> {
    let mut block_start = FIRST_EXTENSION;
    offices
        .iter()
        .zip(staff)
        .enumerate()
        .map(|(k, (office, &staff))| {
            let receptionist = block_start;
            let wanted = staff as u64 + staff as u64 / 10 + 60;
            block_start += wanted.div_ceil(1_000) * 1_000;
            let id = zoom_id(rng, k as u64);
            let listing = json!({
                "id": id,
                "name": office.name,
                "site_code": 100 + k,
                "country": { "code": office.country.code, "name": office.country.name },
                "main_auto_receptionist": {
                    "id": zoom_id(rng, k as u64),
                    "name": format!("{} Main Auto Receptionist", office.name),
                    "extension_number": receptionist,
                    "extension_id": zoom_id(rng, k as u64),
                },
            });
            Branch {
                office,
                site: SiteRef {
                    id: id.as_str().into(),
                    name: office.name,
                },
                listing,
                next_extension: receptionist + 1,
                numbers_issued: 0,
            }
        })
        .collect()
}

impl Branch {
    pub fn extension(&mut self) -> u64 {
        self.next_extension += 1;
        self.next_extension - 1
    }

    /// The next number of the office's block, as Zoom lists it: country code and digits, no "+".
    /// Handed out in a scrambled order, as numbers ported over the years are: people hired one
    /// after the other rarely have consecutive numbers.
    pub fn number(&mut self) -> String {
        let k = self.numbers_issued;
        self.numbers_issued += 1;
        let scrambled = (k / NUMBER_BLOCK) * NUMBER_BLOCK + (k * NUMBER_STRIDE) % NUMBER_BLOCK;
        let local = self.office.first_local + scrambled;
        format!(
            "{}{local:0width$}",
            self.office.prefix,
            width = self.office.local_digits
        )
    }

    /// The country's plan (its metered one now and then), with international calling for a few.
    pub fn calling_plans(&self, rng: &mut impl Rng, billing: &[Billing]) -> Vec<CallingPlan> {
        let country = self.office.country;
        let main = match country.metered {
            Some(metered) if rng.random_bool(METERED) => metered,
            _ => country.plan,
        };
        let mut plans = vec![self.plan(main, billing)];
        if rng.random_bool(CALLING_ABROAD) {
            plans.push(self.plan(INTERNATIONAL, billing));
        }
        plans
    }

    /// `plan`, billed to the office's country's entity.
    pub fn plan(&self, (plan_type, name): Plan, billing: &[Billing]) -> CallingPlan {
        let entity = &billing[self.office.country.billing];
        CallingPlan {
            name,
            plan_type,
            billing_account_id: Field::Set(entity.account_id.clone()),
            billing_account_name: Field::Set(entity.account_name.clone()),
            billing_subscription_id: Field::Set(entity.subscription_id.clone()),
            billing_subscription_name: Field::Set(entity.subscription_name.clone()),
        }
    }
}
