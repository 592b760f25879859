//! The engine's rules restated as plainly as possible — loops, a comparator, brute-force counts —
//! so property tests can check the fast engine against them.

use std::cmp::Ordering;

use roster::{Column, Facet, FacetCount, Facets, SortKey, ViewSpec};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use zoom::PhoneUser;

pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// The digits of a number as typed, if the text is only digits and phone punctuation.
fn typed_number_digits(text: &str) -> Option<String> {
    let text = text.trim();
    let digits: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
    let only_number_chars = text
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()./".contains(c));
    (!digits.is_empty() && only_number_chars).then_some(digits)
}

fn numbers(user: &PhoneUser) -> Vec<&str> {
    user.phone_numbers
        .iter()
        .filter_map(|n| n.number.as_deref())
        .filter(|n| !is_blank(n))
        .collect()
}

fn matches_search(user: &PhoneUser, query: &str) -> bool {
    let query = query.trim();
    let needle = fold(query);
    if needle.is_empty() {
        return true;
    }
    let mut fields: Vec<&str> = [&user.name, &user.email, &user.extension_number]
        .into_iter()
        .flatten()
        .map(|s| s.as_str())
        .collect();
    fields.extend(numbers(user));
    if fields.iter().any(|field| fold(field).contains(&needle)) {
        return true;
    }
    let Some(digits) = typed_number_digits(query) else {
        return false;
    };
    let mut number_fields: Vec<&str> = user.extension_number.iter().map(|s| s.as_str()).collect();
    number_fields.extend(numbers(user));
    number_fields.iter().any(|field| {
        let field_digits: String = field.chars().filter(|c| c.is_ascii_digit()).collect();
        field_digits.contains(&digits)
    })
}

pub fn facet_values(facet: Facet, user: &PhoneUser) -> Vec<String> {
    let single = |value: Option<&str>| match value {
        Some(v) if !is_blank(v) => vec![v.to_string()],
        _ => vec![String::new()],
    };
    match facet {
        Facet::CostCenter => single(user.cost_center.as_deref()),
        Facet::Department => single(user.department.as_deref()),
        Facet::Site => single(user.site.as_ref().and_then(|s| s.name.as_deref())),
        Facet::Status => single(user.status.as_deref()),
        Facet::CallingPlan => {
            let mut names: Vec<String> = Vec::new();
            for plan in &user.calling_plans {
                if let Some(name) = plan.name.as_deref().filter(|n| !is_blank(n))
                    && !names.iter().any(|seen| seen == name)
                {
                    names.push(name.to_string());
                }
            }
            if names.is_empty() {
                vec![String::new()]
            } else {
                names
            }
        }
    }
}

fn passes_facet(facet: Facet, user: &PhoneUser, spec: &ViewSpec) -> bool {
    let wanted = spec.filters.get(facet);
    wanted.is_empty()
        || facet_values(facet, user)
            .iter()
            .any(|value| wanted.contains(value))
}

fn passes_all_but(skip: Option<Facet>, user: &PhoneUser, spec: &ViewSpec) -> bool {
    matches_search(user, &spec.search)
        && Facet::ALL
            .iter()
            .filter(|&&f| Some(f) != skip)
            .all(|&f| passes_facet(f, user, spec))
}

fn compare_numbers(a: &str, b: &str) -> Ordering {
    match (typed_number_digits(a), typed_number_digits(b)) {
        (Some(x), Some(y)) => {
            let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
            x.len()
                .cmp(&y.len())
                .then_with(|| x.cmp(y))
                .then_with(|| a.cmp(b))
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => fold(a).cmp(&fold(b)),
    }
}

/// Orders two users by one sort key: blanks last whatever the direction.
fn compare_by(key: &SortKey, a: &PhoneUser, b: &PhoneUser) -> Ordering {
    let blank = |user: &PhoneUser| match key.column {
        Column::PhoneNumbers => numbers(user).is_empty(),
        column => is_blank(&column.cell(user)),
    };
    match (blank(a), blank(b)) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        (false, false) if key.descending => compare_values(key.column, a, b).reverse(),
        (false, false) => compare_values(key.column, a, b),
    }
}

fn compare_values(column: Column, a: &PhoneUser, b: &PhoneUser) -> Ordering {
    match column {
        Column::PhoneNumbers => {
            let (x, y) = (numbers(a), numbers(b));
            let first_difference = x
                .iter()
                .zip(&y)
                .map(|(p, q)| compare_numbers(p, q))
                .find(|o| o.is_ne());
            first_difference.unwrap_or(x.len().cmp(&y.len()))
        }
        Column::Extension => compare_numbers(&column.cell(a), &column.cell(b)),
        _ => fold(column.cell(a).trim()).cmp(&fold(column.cell(b).trim())),
    }
}

/// Every matching user index in view order.
pub fn rows(users: &[PhoneUser], spec: &ViewSpec) -> Vec<usize> {
    let mut rows: Vec<usize> = (0..users.len())
        .filter(|&i| passes_all_but(None, &users[i], spec))
        .collect();
    rows.sort_by(|&i, &j| {
        let by_key = spec
            .sort
            .iter()
            .map(|key| compare_by(key, &users[i], &users[j]));
        by_key.fold(Ordering::Equal, Ordering::then)
    });
    rows
}

pub fn facets(users: &[PhoneUser], spec: &ViewSpec) -> Facets {
    let mut facets = Facets::default();
    for facet in Facet::ALL {
        let mut counts: Vec<FacetCount> = Vec::new();
        for user in users
            .iter()
            .filter(|user| passes_all_but(Some(facet), user, spec))
        {
            for value in facet_values(facet, user) {
                match counts.iter_mut().find(|c| c.value == value) {
                    Some(existing) => existing.count += 1,
                    None => counts.push(FacetCount { value, count: 1 }),
                }
            }
        }
        for selected in spec.filters.get(facet) {
            if !counts.iter().any(|c| &c.value == selected) {
                counts.push(FacetCount {
                    value: selected.clone(),
                    count: 0,
                });
            }
        }
        counts.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| fold(&a.value).cmp(&fold(&b.value)))
                .then_with(|| a.value.cmp(&b.value))
        });
        *match facet {
            Facet::CostCenter => &mut facets.cost_center,
            Facet::Department => &mut facets.department,
            Facet::Site => &mut facets.site,
            Facet::Status => &mut facets.status,
            Facet::CallingPlan => &mut facets.calling_plan,
        } = counts;
    }
    facets
}
