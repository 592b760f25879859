//! A seeded generator of realistic rosters for the benchmarks: skewed sizes of sites, departments
//! and cost centers (a few large, many small), every status, 0–3 numbers, 0–2 calling plans,
//! blanks, accents and non-Latin names. Deterministic, so figures compare across runs.

use zoom::{CallingPlan, PhoneNumber, PhoneUser, SiteRef};

/// xorshift64*: tiny, seedable, good enough to spread benchmark data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Skewed towards 0: index i is picked about as often as 1/(i+1).
    fn skewed(&mut self, n: usize) -> usize {
        let r = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(r) - 1.0) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const FIRST: &[&str] = &[
    "Maria",
    "José",
    "Anna",
    "John",
    "Zoë",
    "Mohammed",
    "Wei",
    "Yuki",
    "Olga",
    "Pierre",
    "Søren",
    "Ana",
    "David",
    "Fatima",
    "Jürgen",
    "Chloé",
    "Li",
    "Sven",
    "Priya",
    "Émile",
    "Ольга",
    "李",
];
const LAST: &[&str] = &[
    "Smith",
    "García",
    "Müller",
    "Nguyen",
    "Kowalski",
    "O'Brien",
    "Rossi",
    "Tanaka",
    "Ivanova",
    "Dubois",
    "Chen",
    "Jensen",
    "Pérez",
    "Schmidt",
    "Øberg",
    "Brown",
    "Иванов",
    "王",
    "Sato",
];
const STATUSES: &[&str] = &[
    "activate",
    "activate",
    "activate",
    "activate",
    "deactivate",
    "pending",
];
const PLANS: &[&str] = &[
    "US/CA Unlimited",
    "Global Select",
    "Metered",
    "International Calling",
    "Common Area",
    "Pro",
];

fn fold_ascii(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase()
}

pub fn users(n: usize, seed: u64) -> Vec<PhoneUser> {
    let mut rng = Rng(seed.max(1));
    let sites: Vec<String> = (0..25).map(|i| format!("Site {i:02}")).collect();
    let departments: Vec<String> = (0..60).map(|i| format!("Department {i}")).collect();
    let cost_centers: Vec<String> = (0..400).map(|i| format!("CC-{:04}", i * 7 + 100)).collect();
    (0..n)
        .map(|i| {
            let first = FIRST[rng.below(FIRST.len())];
            let last = LAST[rng.below(LAST.len())];
            let name = format!("{first} {last}");
            let email = format!(
                "{}.{}{}@example.com",
                fold_ascii(first),
                fold_ascii(last),
                i
            );
            let site = rng.skewed(sites.len());
            let numbers = [0, 1, 1, 1, 1, 2, 3][rng.below(7)];
            let plans = [0, 1, 1, 1, 2][rng.below(5)];
            PhoneUser {
                id: format!("u{:016x}", rng.next()),
                phone_user_id: Some(format!("p{:016x}", rng.next())),
                name: Some(name),
                email: Some(email),
                extension_id: Some(format!("e{:016x}", rng.next())),
                extension_number: Some(format!("{}", 10_000 + i)),
                status: Some(STATUSES[rng.below(STATUSES.len())].to_string()),
                activation_status: Some("activated".to_string()),
                site: Some(SiteRef {
                    id: Some(format!("s{site}")),
                    name: Some(sites[site].clone()),
                }),
                department: (!rng.chance(5))
                    .then(|| departments[rng.skewed(departments.len())].clone()),
                cost_center: (!rng.chance(8))
                    .then(|| cost_centers[rng.skewed(cost_centers.len())].clone()),
                calling_plans: (0..plans)
                    .map(|_| CallingPlan {
                        name: Some(PLANS[rng.skewed(PLANS.len())].to_string()),
                        plan_type: Some(200),
                        ..Default::default()
                    })
                    .collect(),
                phone_numbers: (0..numbers)
                    .map(|_| PhoneNumber {
                        id: Some(format!("n{:08x}", rng.next() as u32)),
                        number: Some(format!("1{:010}", rng.next() % 10_000_000_000)),
                    })
                    .collect(),
                ..Default::default()
            }
        })
        .collect()
}
