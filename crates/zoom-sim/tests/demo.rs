//! The demo account looks like a company: unique people with company addresses, departments that
//! own their cost centers, offices with local numbers and per-site extensions, a few pending and
//! deactivated users — and a history a month back whose differences are the ones described.

use std::collections::{HashMap, HashSet};

use serde_json::Value;
use zoom_sim::{generate_demo_history, generate_demo_users};

fn text<'a>(user: &'a Value, field: &str) -> Option<&'a str> {
    user[field].as_str()
}

fn numbers(user: &Value) -> Vec<&str> {
    user["phone_numbers"]
        .as_array()
        .map(|numbers| {
            numbers
                .iter()
                .filter_map(|n| n["number"].as_str())
                .collect()
        })
        .unwrap_or_default()
}

fn plans(user: &Value) -> Vec<&str> {
    user["calling_plans"]
        .as_array()
        .map(|plans| plans.iter().filter_map(|p| p["name"].as_str()).collect())
        .unwrap_or_default()
}

#[test]
fn people_are_unique_with_company_addresses() {
    let users = generate_demo_users(10_000, 42);
    assert_eq!(users.len(), 10_000);
    let names: HashSet<&str> = users.iter().filter_map(|u| text(u, "name")).collect();
    let emails: HashSet<&str> = users.iter().filter_map(|u| text(u, "email")).collect();
    assert_eq!(names.len(), users.len(), "every user named, no two alike");
    assert_eq!(
        emails.len(),
        users.len(),
        "every user an address, no two alike"
    );
    let mut numbered = 0;
    for email in &emails {
        let (local, domain) = email.split_once('@').unwrap();
        assert_eq!(domain, "northwind.example");
        let (given, family) = local.split_once('.').unwrap();
        assert!(!given.is_empty() && !family.is_empty(), "{email}");
        assert!(
            local
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-'),
            "{email}"
        );
        if family.ends_with(|c: char| c.is_ascii_digit()) {
            numbered += 1;
            let plain = local.trim_end_matches(|c: char| c.is_ascii_digit());
            assert!(
                emails.contains(format!("{plain}@{domain}").as_str()),
                "{email}"
            );
        }
    }
    assert!(
        numbered < users.len() / 10,
        "{numbered} addresses need a number"
    );
}

#[test]
fn nothing_looks_like_a_formula_or_a_test_value() {
    let mut values = Vec::new();
    for user in generate_demo_users(10_000, 42) {
        for field in ["name", "email", "department", "cost_center"] {
            values.extend(text(&user, field).map(str::to_owned));
        }
        values.extend(user["site"]["name"].as_str().map(str::to_owned));
        values.extend(plans(&user).into_iter().map(str::to_owned));
    }
    for value in values {
        assert!(!value.starts_with(['=', '+', '-', '@', ' ']), "{value:?}");
        assert!(!value.contains(['\t', '\r', '\n', '"']), "{value:?}");
    }
}

#[test]
fn cost_centers_belong_to_their_department() {
    let users = generate_demo_users(10_000, 42);
    let mut owner: HashMap<&str, &str> = HashMap::new();
    let mut per_department: HashMap<&str, HashSet<&str>> = HashMap::new();
    let mut without = 0;
    for user in &users {
        let Some(cost_center) = text(user, "cost_center") else {
            without += 1;
            continue;
        };
        let department = text(user, "department").expect("a cost center has its department");
        assert_eq!(*owner.entry(cost_center).or_insert(department), department);
        per_department
            .entry(department)
            .or_default()
            .insert(cost_center);
    }
    assert!(per_department.len() >= 10, "{per_department:?}");
    assert!(per_department.values().all(|c| (1..=5).contains(&c.len())));
    assert!((20..=400).contains(&without), "a few without: {without}");
    assert!(owner.contains_key("4100 Finance – Accounting"));
}

#[test]
fn offices_have_local_numbers_own_extensions_and_country_plans() {
    let users = generate_demo_users(10_000, 42);
    let mut sites: HashMap<&str, Vec<&Value>> = HashMap::new();
    for user in users.iter().filter(|u| u["site"].is_object()) {
        sites
            .entry(user["site"]["name"].as_str().unwrap())
            .or_default()
            .push(user);
    }
    assert!((15..=25).contains(&sites.len()), "{} sites", sites.len());
    let biggest = sites.values().map(Vec::len).max().unwrap();
    let smallest = sites.values().map(Vec::len).min().unwrap();
    assert!(
        biggest > 10 * smallest,
        "skewed sizes: {biggest} vs {smallest}"
    );
    assert!(sites["Austin HQ"].len() == biggest);

    let mut ranges = Vec::new();
    for (site, staff) in &sites {
        let prefixes: HashSet<&str> = staff
            .iter()
            .flat_map(|u| numbers(u))
            .map(|n| &n[..3])
            .collect();
        assert_eq!(
            prefixes.len(),
            1,
            "{site}: numbers of one area {prefixes:?}"
        );
        let extensions: Vec<u64> = staff
            .iter()
            .filter_map(|u| u["extension_number"].as_u64())
            .collect();
        let (lo, hi) = (extensions.iter().min(), extensions.iter().max());
        ranges.push((*lo.unwrap(), *hi.unwrap(), *site));
        let plans: HashSet<&str> = staff.iter().flat_map(|u| plans(u)).collect();
        assert!(plans.len() <= 3, "{site}: {plans:?}");
    }
    ranges.sort();
    for pair in ranges.windows(2) {
        assert!(pair[0].1 < pair[1].0, "extension ranges overlap: {pair:?}");
    }
    let austin = sites["Austin HQ"][0];
    assert!(numbers(austin).iter().all(|n| n.starts_with("1512")));
    let london: HashSet<&str> = sites["London"].iter().flat_map(|u| plans(u)).collect();
    assert!(
        london.contains("UK/Ireland Unlimited Calling Plan"),
        "{london:?}"
    );
    assert!(!london.iter().any(|p| p.starts_with("US/CA")), "{london:?}");
    let all: Vec<&str> = users.iter().flat_map(numbers).collect();
    assert_eq!(all.iter().collect::<HashSet<_>>().len(), all.len());
}

#[test]
fn a_few_pending_and_deactivated_users() {
    let users = generate_demo_users(10_000, 42);
    let count = |status: &str| users.iter().filter(|u| u["status"] == status).count();
    for status in ["pending", "deactivate"] {
        assert!(
            (100..=300).contains(&count(status)),
            "{status}: {}",
            count(status)
        );
    }
    let pending = users.iter().filter(|u| u["status"] == "pending");
    assert!(pending.clone().all(|u| u.get("extension_number").is_none()));
}

#[test]
fn the_same_seed_gives_the_same_company() {
    assert_eq!(generate_demo_users(2_000, 7), generate_demo_users(2_000, 7));
    assert_ne!(generate_demo_users(2_000, 7), generate_demo_users(2_000, 8));
    assert_eq!(generate_demo_users(0, 7), Vec::<Value>::new());
}

/// (joined since, left since, changed) between two rosters, matched by id.
fn differences(then: &[Value], now: &[Value]) -> (usize, usize, usize) {
    let by_id = |users: &[Value]| -> HashMap<String, Value> {
        let map: HashMap<String, Value> = users
            .iter()
            .map(|u| (u["id"].as_str().unwrap().to_owned(), u.clone()))
            .collect();
        assert_eq!(map.len(), users.len(), "ids are unique");
        map
    };
    let (then, now) = (by_id(then), by_id(now));
    let joined = now.keys().filter(|id| !then.contains_key(*id)).count();
    let left = then.keys().filter(|id| !now.contains_key(*id)).count();
    let changed = now
        .iter()
        .filter(|(id, user)| then.get(*id).is_some_and(|before| before != *user))
        .count();
    (joined, left, changed)
}

#[test]
fn the_history_holds_joiners_leavers_and_changes() {
    for (n, seed) in [(10_000, 42), (2_000, 7)] {
        let (then, now) = generate_demo_history(n, seed);
        assert_eq!(now, generate_demo_users(n, seed));
        assert_eq!(differences(&then, &now), (12, 3, 27), "n = {n}");
        let emails: HashSet<&str> = then
            .iter()
            .chain(&now)
            .filter_map(|u| text(u, "email"))
            .collect();
        assert_eq!(
            emails.len(),
            now.len() + 3,
            "leavers have addresses of their own"
        );
        assert_eq!(generate_demo_history(n, seed), (then, now));
    }
}

#[test]
fn the_history_changes_the_fields_an_admin_changes() {
    let (then, now) = generate_demo_history(10_000, 42);
    let then: HashMap<&str, &Value> = then.iter().map(|u| (text(u, "id").unwrap(), u)).collect();
    let mut fields: HashMap<&str, usize> = HashMap::new();
    for user in &now {
        let Some(before) = then.get(text(user, "id").unwrap()) else {
            continue;
        };
        for field in [
            "cost_center",
            "department",
            "site",
            "status",
            "calling_plans",
        ] {
            if before.get(field) != user.get(field) {
                *fields.entry(field).or_default() += 1;
            }
        }
        if before.get("cost_center") != user.get("cost_center")
            && before["department"] == user["department"]
        {
            *fields
                .entry("cost center within the department")
                .or_default() += 1;
        }
    }
    for field in [
        "cost_center",
        "department",
        "site",
        "status",
        "calling_plans",
    ] {
        assert!(
            fields.get(field).is_some_and(|&n| n > 0),
            "{field}: {fields:?}"
        );
    }
    assert!(
        fields["cost center within the department"] >= 5,
        "{fields:?}"
    );
}
