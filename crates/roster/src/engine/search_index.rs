//! Text search without touching the users: every searchable field, folded once, lives in one
//! string, and a query is a single SIMD substring scan over it.

use memchr::memmem::Finder;
use zoom::PhoneUser;

use super::bitset::Bitset;
use super::fold::{fold_into, number_digits};
use crate::column::phone_numbers;

/// Separates fields and users; folding turns every control character into a space, so a folded
/// query never contains it and can never match across two fields.
const SEPARATOR: char = '\0';

/// One haystack: the concatenated entries of all users, and where each user's part starts.
#[derive(Default)]
struct Haystack {
    text: String,
    /// `starts[i]..starts[i + 1]` is user i's part; one more entry than users.
    starts: Vec<u32>,
}

impl Haystack {
    fn push_entry(&mut self, entry: impl FnOnce(&mut String)) {
        entry(&mut self.text);
        self.text.push(SEPARATOR);
    }

    fn end_user(&mut self) {
        // Zoom's records are capped in size (16 MB a page): 4 GiB of search text would be ~40M users.
        let end = u32::try_from(self.text.len()).expect("search index over 4 GiB");
        self.starts.push(end);
    }

    /// Adds to `found` every user whose part contains `needle`. One scan of the haystack: after a
    /// hit, the search resumes at the next user, so each user costs at most one hit.
    fn find_users(&self, needle: &str, found: &mut Bitset) {
        let finder = Finder::new(needle.as_bytes());
        let bytes = self.text.as_bytes();
        let mut from = 0;
        while let Some(at) = finder.find(&bytes[from..]).map(|offset| from + offset) {
            let user = self.starts.partition_point(|&start| start as usize <= at) - 1;
            found.insert(user);
            from = self.starts[user + 1] as usize;
        }
    }
}

pub(crate) struct SearchIndex {
    users: usize,
    /// Folded name, email, extension and phone numbers.
    text: Haystack,
    /// The digits of the extension and each phone number, for numbers typed with punctuation.
    digits: Haystack,
}

impl SearchIndex {
    pub(crate) fn new(users: &[PhoneUser]) -> SearchIndex {
        let mut text = Haystack {
            starts: vec![0],
            ..Default::default()
        };
        let mut digits = Haystack {
            starts: vec![0],
            ..Default::default()
        };
        for user in users {
            let numbers = || {
                user.extension_number
                    .as_deref()
                    .into_iter()
                    .chain(phone_numbers(user))
            };
            for field in [&user.name, &user.email, &user.extension_number]
                .into_iter()
                .flatten()
            {
                text.push_entry(|out| fold_into(field, out));
            }
            for number in phone_numbers(user) {
                text.push_entry(|out| fold_into(number, out));
            }
            for number in numbers() {
                digits.push_entry(|out| out.extend(number.chars().filter(char::is_ascii_digit)));
            }
            text.end_user();
            digits.end_user();
        }
        text.text.shrink_to_fit();
        digits.text.shrink_to_fit();
        SearchIndex {
            users: users.len(),
            text,
            digits,
        }
    }

    /// The users matching `query`, or `None` when the query is blank once trimmed and folded
    /// (only accents, say): then it does not filter.
    pub(crate) fn find(&self, query: &str) -> Option<Bitset> {
        let query = query.trim();
        let mut needle = String::with_capacity(query.len());
        fold_into(query, &mut needle);
        if needle.is_empty() {
            return None;
        }
        let mut found = Bitset::new(self.users);
        self.text.find_users(&needle, &mut found);
        if let Some(digits) = number_digits(query) {
            self.digits.find_users(&digits, &mut found);
        }
        Some(found)
    }
}
