//! The demo company's departments and the cost centers each owns, so that a user's cost center
//! always belongs to their department, as in a real chart of accounts.

use rand::Rng;

use crate::generator::record::Shared;
use crate::generator::skewed::{Skewed, weighted_index};

/// (department, share of staff in per mille, its cost centers biggest first).
#[rustfmt::skip]
const DEPARTMENTS: &[(&str, u32, &[&str])] = &[
    ("Sales", 200, &["3100 Sales – North America", "3110 Sales – EMEA", "3120 Sales – APAC", "3130 Sales – Inside Sales", "3140 Sales – Operations"]),
    ("Engineering", 190, &["2100 Engineering – Platform", "2110 Engineering – Applications", "2120 Engineering – Infrastructure", "2130 Engineering – Quality Assurance"]),
    ("Customer Support", 170, &["3500 Support – Customer Care", "3510 Support – Technical Support", "3520 Support – Customer Success"]),
    ("Operations", 90, &["5100 Operations – Logistics", "5110 Operations – Procurement", "5120 Operations – Facilities"]),
    ("Marketing", 70, &["3300 Marketing – Demand Generation", "3310 Marketing – Brand", "3320 Marketing – Events"]),
    ("Product Management", 50, &["2200 Product – Management", "2210 Product – Design"]),
    ("IT", 50, &["4300 IT – Service Desk", "4310 IT – Infrastructure", "4320 IT – Security"]),
    ("Finance", 40, &["4100 Finance – Accounting", "4110 Finance – Payroll", "4120 Finance – Planning & Analysis"]),
    ("Human Resources", 40, &["4200 HR – People Operations", "4210 HR – Recruiting", "4220 HR – Learning & Development"]),
    ("Legal", 15, &["4400 Legal – Corporate", "4410 Legal – Compliance"]),
    ("Executive Office", 5, &["1000 Executive Office"]),
];

/// Staff with a department but no cost center yet (new hires, contractors), and with neither.
const WITHOUT_COST_CENTER: f64 = 0.015;
const WITHOUT_DEPARTMENT: f64 = 0.004;

struct Department {
    name: Shared,
    cost_centers: Vec<Shared>,
    sizes: Skewed,
}

pub(super) struct Org {
    departments: Vec<Department>,
}

/// Where someone sits: a department and, within it, a cost center — either may be unset.
pub(super) type Placement = (Option<Shared>, Option<Shared>);

impl Org {
    pub fn new() -> Self {
        let departments = DEPARTMENTS
            .iter()
            .map(|&(name, _, cost_centers)| Department {
                name: name.into(),
                cost_centers: cost_centers.iter().map(|&c| c.into()).collect(),
                sizes: Skewed::new(cost_centers.len(), 0.8),
            })
            .collect();
        Self { departments }
    }

    pub fn place(&self, rng: &mut impl Rng) -> Placement {
        if rng.random_bool(WITHOUT_DEPARTMENT) {
            return (None, None);
        }
        let k = self.any_department(rng);
        let department = &self.departments[k];
        let cost_center = (!rng.random_bool(WITHOUT_COST_CENTER))
            .then(|| department.cost_centers[department.sizes.pick(rng)].clone());
        (Some(department.name.clone()), cost_center)
    }

    /// Another cost center of `department` than `now`, if it has one (a move within it).
    pub fn other_cost_center(
        &self,
        rng: &mut impl Rng,
        department: &Shared,
        now: &Shared,
    ) -> Option<Shared> {
        let department = self.departments.iter().find(|d| d.name == *department)?;
        let others: Vec<&Shared> = department
            .cost_centers
            .iter()
            .filter(|c| *c != now)
            .collect();
        (!others.is_empty()).then(|| others[rng.random_range(0..others.len())].clone())
    }

    /// Another department than `now`, with one of its cost centers (a transfer between them).
    pub fn other_department(&self, rng: &mut impl Rng, now: &Shared) -> (Shared, Shared) {
        let k = loop {
            let k = self.any_department(rng);
            if self.departments[k].name != *now {
                break k;
            }
        };
        let department = &self.departments[k];
        let cost_center = department.cost_centers[department.sizes.pick(rng)].clone();
        (department.name.clone(), cost_center)
    }

    fn any_department(&self, rng: &mut impl Rng) -> usize {
        weighted_index(rng, DEPARTMENTS.iter().map(|&(_, share, _)| share))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn each_cost_center_belongs_to_one_department() {
        let mut owner = HashMap::new();
        for &(department, _, cost_centers) in DEPARTMENTS {
            for cost_center in cost_centers {
                assert_eq!(owner.insert(cost_center, department), None, "{cost_center}");
            }
        }
    }
}
