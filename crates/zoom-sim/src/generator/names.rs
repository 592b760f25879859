//! People's names across scripts and the e-mail addresses derived from them.

use std::collections::HashMap;

use rand::Rng;

use super::vocab::{CULTURES, Culture, EMAIL_DOMAINS};

pub(super) fn person_name(rng: &mut impl Rng) -> String {
    let culture = pick_culture(rng);
    let given = culture.given[rng.random_range(0..culture.given.len())];
    let family = culture.family[rng.random_range(0..culture.family.len())];
    let (first, second) = if culture.family_first {
        (family, given)
    } else {
        (given, family)
    };
    format!("{first}{}{second}", culture.separator)
}

fn pick_culture(rng: &mut impl Rng) -> &'static Culture {
    let total: u32 = CULTURES.iter().map(|c| c.weight).sum();
    let mut roll = rng.random_range(0..total);
    for culture in CULTURES {
        if roll < culture.weight {
            return culture;
        }
        roll -= culture.weight;
    }
    &CULTURES[0]
}

/// Hands out addresses like `jose.garcia@example.com`, unique across the roster: a repeated local
/// part gets a number, as mail admins do.
#[derive(Default)]
pub(super) struct Emails {
    seen: HashMap<String, u32>,
}

impl Emails {
    pub fn address(&mut self, rng: &mut impl Rng, name: &str) -> String {
        let mut local = ascii_local_part(name);
        if local.len() < 2 {
            local = "user".into();
        }
        let local = self.unique(local);
        let domain = EMAIL_DOMAINS[rng.random_range(0..EMAIL_DOMAINS.len())];
        format!("{local}@{domain}")
    }

    /// `local` the first time, then `local2`, `local3`, …
    pub fn unique(&mut self, local: String) -> String {
        let count = self.seen.entry(local.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            format!("{local}{count}")
        } else {
            local
        }
    }
}

/// `José García-López` → `jose.garcia-lopez`; scripts without a Latin spelling give "".
pub(super) fn ascii_local_part(name: &str) -> String {
    let mut local = String::with_capacity(name.len());
    for c in name.to_lowercase().chars() {
        match c {
            'a'..='z' | '0'..='9' | '-' => local.push(c),
            ' ' | '.' if !local.is_empty() && !local.ends_with('.') => local.push('.'),
            _ => local.push_str(fold_accent(c)),
        }
    }
    local.trim_matches('.').to_string()
}

fn fold_accent(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ę' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ı' => "i",
        'ñ' | 'ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' => "y",
        'ß' => "ss",
        'ł' => "l",
        'ş' | 'ś' => "s",
        'ğ' => "g",
        'ž' | 'ź' | 'ż' => "z",
        'ř' => "r",
        'þ' => "th",
        'ð' => "d",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    use super::*;

    #[test]
    fn local_parts_fold_accents_and_drop_other_scripts() {
        assert_eq!(ascii_local_part("José García-López"), "jose.garcia-lopez");
        assert_eq!(ascii_local_part("Siobhán O'Brien"), "siobhan.obrien");
        assert_eq!(ascii_local_part("山田 太郎"), "");
    }

    #[test]
    fn repeated_names_get_distinct_addresses() {
        let mut rng = StdRng::seed_from_u64(3);
        let mut emails = Emails::default();
        let a = emails.address(&mut rng, "Ann Lee");
        let b = emails.address(&mut rng, "Ann Lee");
        assert_ne!(a.split('@').next(), b.split('@').next());
    }
}
