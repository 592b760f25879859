//! The demo company's staff: a unique full name per person, mostly from their office's cultures,
//! and `given.family@northwind.example`, with a number only when the address is taken.

use std::collections::HashSet;

use rand::Rng;

use super::cultures::{Culture, GLOBAL};
use crate::generator::names::{Emails, ascii_local_part};
use crate::generator::skewed::weighted_index;

/// `.example` is reserved (RFC 2606): screenshots of the demo show no real company's addresses.
pub(super) const DOMAIN: &str = "northwind.example";

/// Draws of a plain name before a middle initial is tried: the pools hold far more names than a
/// 10k account needs, so this is only reached by much bigger demo accounts.
const PLAIN_TRIES: usize = 30;
const INITIAL_TRIES: usize = 30;

/// Where an office's staff come from: its local cultures `local_share` of the time, else the
/// global mix.
pub(super) struct Hiring {
    pub local: &'static [&'static Culture],
    pub local_share: f64,
}

/// Everyone named so far, so nobody is named twice.
#[derive(Default)]
pub(super) struct People {
    names: HashSet<String>,
    emails: Emails,
}

pub(super) struct Person {
    pub name: String,
    pub email: String,
}

impl People {
    pub fn hire(&mut self, rng: &mut impl Rng, hiring: &Hiring) -> Person {
        for attempt in 0..PLAIN_TRIES + INITIAL_TRIES {
            let culture = pick_culture(rng, hiring);
            let given = pick(rng, culture.given);
            let family = pick(rng, culture.family);
            let initial = (attempt >= PLAIN_TRIES && !culture.family_first)
                .then(|| char::from(b'A' + rng.random_range(0..26u8)));
            let name = display_name(culture, given.0, family.0, initial);
            if self.names.insert(name.clone()) {
                let email = self.email(given.1, family.1);
                return Person { name, email };
            }
        }
        // Only an account of hundreds of thousands gets here; a number keeps the name unique.
        let culture = pick_culture(rng, hiring);
        let (given, family) = (pick(rng, culture.given), pick(rng, culture.family));
        let name = format!(
            "{} {}",
            display_name(culture, given.0, family.0, None),
            self.names.len()
        );
        self.names.insert(name.clone());
        let email = self.email(given.1, family.1);
        Person { name, email }
    }

    fn email(&mut self, given: &str, family: &str) -> String {
        let local = format!("{}.{}", ascii_word(given), ascii_word(family));
        format!("{}@{DOMAIN}", self.emails.unique(local))
    }
}

fn display_name(culture: &Culture, given: &str, family: &str, initial: Option<char>) -> String {
    match (culture.family_first, initial) {
        (true, _) => format!("{family}{}{given}", culture.separator),
        (false, Some(initial)) => format!("{given} {initial}. {family}"),
        (false, None) => format!("{given}{}{family}", culture.separator),
    }
}

/// `de la Cruz` → `delacruz`, `O'Brien` → `obrien`: one word per name, as mail admins write them.
fn ascii_word(name: &str) -> String {
    ascii_local_part(name).replace('.', "")
}

fn pick_culture(rng: &mut impl Rng, hiring: &Hiring) -> &'static Culture {
    if !hiring.local.is_empty() && rng.random_bool(hiring.local_share) {
        return hiring.local[rng.random_range(0..hiring.local.len())];
    }
    GLOBAL[weighted_index(rng, GLOBAL.iter().map(|&(_, weight)| weight))].0
}

/// One name of a comma-separated list: (as shown, Latin spelling for the address).
fn pick(rng: &mut impl Rng, list: &'static str) -> (&'static str, &'static str) {
    let count = list.split(',').count();
    let entry = list
        .split(',')
        .nth(rng.random_range(0..count))
        .unwrap_or(list)
        .trim();
    entry.split_once(':').unwrap_or((entry, entry))
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    use super::super::cultures::{ENGLISH, JAPANESE};
    use super::*;

    #[test]
    fn addresses_are_given_dot_family_in_latin_letters() {
        assert_eq!(ascii_word("de la Cruz"), "delacruz");
        assert_eq!(ascii_word("O'Brien"), "obrien");
        assert_eq!(ascii_word("Jia Hui"), "jiahui");
        let mut rng = StdRng::seed_from_u64(1);
        let japanese = Hiring {
            local: &[&JAPANESE],
            local_share: 1.0,
        };
        let person = People::default().hire(&mut rng, &japanese);
        let (local, domain) = person.email.split_once('@').unwrap();
        assert_eq!(domain, DOMAIN);
        assert!(local.chars().all(|c| c.is_ascii_lowercase() || c == '.'));
        assert!(!person.name.is_ascii(), "{}", person.name);
    }

    #[test]
    fn a_full_pool_falls_back_to_initials_and_stays_unique() {
        let mut rng = StdRng::seed_from_u64(2);
        let english = Hiring {
            local: &[&ENGLISH],
            local_share: 1.0,
        };
        let mut people = People::default();
        let names: HashSet<String> = (0..12_000)
            .map(|_| people.hire(&mut rng, &english).name)
            .collect();
        assert_eq!(names.len(), 12_000);
        assert!(names.iter().any(|n| n.contains(". ")), "middle initials");
    }
}
