//! The demo roster of a month ago, for "what changed since last time": the roster now without the
//! people who joined since, with the people who left since, and with what a month of an admin's
//! work undone for some others (cost-center moves, transfers, site moves, activations, plan
//! upgrades, deactivations). Users are matched by id, as the app matches them.

use rand::Rng;
use rand::seq::SliceRandom;

use super::Company;
use super::offices::{INTERNATIONAL, US_CA_METERED, US_CA_UNLIMITED};
use crate::generator::record::{Field, User};

/// People who joined since (in the roster now only) and left since (in the roster then only).
const JOINED: usize = 12;
const LEFT: usize = 3;

/// What changed for someone since a month ago.
#[derive(Clone, Copy)]
enum Change {
    /// Moved to another cost center of their department.
    CostCenter,
    /// Transferred from another department.
    Department,
    /// Moved from another site: they had its extension, numbers and plans.
    Site,
    /// Was pending, has a phone now.
    Activated,
    /// Had the metered plan, or no international calling.
    Upgraded,
    /// Was active, is deactivated now.
    Deactivated,
}

/// How many of each; 27 in all.
const CHANGES: [(Change, usize); 6] = [
    (Change::CostCenter, 8),
    (Change::Department, 3),
    (Change::Site, 6),
    (Change::Activated, 5),
    (Change::Upgraded, 3),
    (Change::Deactivated, 2),
];

/// The roster a month before `now`, in Zoom's listing order.
pub(super) fn previous(rng: &mut impl Rng, company: &mut Company, now: &[User]) -> Vec<User> {
    // A small roster changes less, so that most of it stays the same.
    let scaled = |count: usize| count.min(now.len() / 40);
    let mut order: Vec<usize> = (0..now.len()).collect();
    order.shuffle(rng);
    let (joined, others) = order.split_at(scaled(JOINED));
    let mut then: Vec<Option<User>> = now.iter().cloned().map(Some).collect();
    for &i in joined {
        then[i] = None;
    }
    let mut wanted = CHANGES.map(|(change, count)| (change, scaled(count)));
    for &i in others {
        if wanted.iter().all(|&(_, count)| count == 0) {
            break;
        }
        // The first change still wanted that fits this user (not every change fits everyone).
        for (change, count) in wanted.iter_mut().filter(|(_, count)| *count > 0) {
            if let Some(before) = undo(*change, rng, company, &now[i]) {
                then[i] = Some(before);
                *count -= 1;
                break;
            }
        }
    }
    let mut then: Vec<User> = then.into_iter().flatten().collect();
    for k in 0..scaled(LEFT) {
        let home = company.site_sizes.pick(rng);
        let serial = (now.len() + k) as u64;
        let gone = company.hire(rng, serial, home, "activate");
        then.insert(rng.random_range(0..=then.len()), gone);
    }
    then
}

/// `user` as they were before `change`, or `None` when it does not fit them.
fn undo(change: Change, rng: &mut impl Rng, company: &mut Company, user: &User) -> Option<User> {
    let mut before = user.clone();
    match change {
        Change::CostCenter => {
            let department = user.department.get()?;
            let now = user.cost_center.get()?;
            let other = company.org.other_cost_center(rng, department, now)?;
            before.cost_center = Field::Set(other);
        }
        Change::Department => {
            let department = user.department.get()?;
            user.cost_center.get()?;
            let (other, cost_center) = company.org.other_department(rng, department);
            before.department = Field::Set(other);
            before.cost_center = Field::Set(cost_center);
        }
        Change::Site => {
            let home = company.home_of(user)?;
            user.extension_number.get()?;
            if company.branches.len() < 2 {
                return None;
            }
            let away = loop {
                let away = company.site_sizes.pick(rng);
                if away != home {
                    break away;
                }
            };
            let numbers = user.phone_numbers.get().map_or(0, Vec::len);
            company.seat(rng, &mut before, away, numbers);
        }
        Change::Activated => {
            if user.status != "activate" || user.extension_number.get().is_none() {
                return None;
            }
            // As a pending user is listed: no phone identity yet.
            before.status = "pending";
            before.activation_status = Field::Set("not ready");
            before.phone_user_id = Field::Missing;
            before.extension_id = Field::Missing;
            before.extension_number = Field::Missing;
            before.calling_plans = Field::Missing;
            before.phone_numbers = Field::Missing;
        }
        Change::Upgraded => {
            let plans = user.calling_plans.get()?;
            let upgraded = plans.iter().position(|p| p.plan_type == US_CA_UNLIMITED.0);
            let abroad = plans.iter().position(|p| p.plan_type == INTERNATIONAL.0);
            let mut old = plans.clone();
            match (upgraded, abroad) {
                (Some(k), _) => {
                    (old[k].plan_type, old[k].name) = US_CA_METERED;
                }
                (None, Some(k)) => {
                    old.remove(k);
                }
                (None, None) => return None,
            }
            before.calling_plans = Field::Set(old);
        }
        Change::Deactivated => {
            if user.status != "deactivate" {
                return None;
            }
            before.status = "activate";
            before.activation_status = Field::Set("activated");
        }
    }
    Some(before)
}
