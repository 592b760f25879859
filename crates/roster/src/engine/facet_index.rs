//! Each facet's values interned once, so filtering and counting compare small integers, never text.

use std::collections::HashMap;

use zoom::PhoneUser;

use super::fold::fold;
use crate::Facet;

pub(crate) struct FacetIndex {
    /// Distinct values in order of first appearance; "" stands for blank.
    values: Vec<String>,
    /// Each value folded, to order the facet list as people read it.
    folded: Vec<String>,
    ids: HashMap<String, u32>,
    /// User i has the values `user_values[offsets[i]..offsets[i + 1]]`: one for single-valued
    /// facets, one per distinct calling plan (at least one: "" when there is none).
    offsets: Vec<u32>,
    user_values: Vec<u32>,
}

impl FacetIndex {
    pub(crate) fn new(facet: Facet, users: &[PhoneUser]) -> FacetIndex {
        let mut index = FacetIndex {
            values: Vec::new(),
            folded: Vec::new(),
            ids: HashMap::new(),
            offsets: Vec::with_capacity(users.len() + 1),
            user_values: Vec::with_capacity(users.len()),
        };
        index.offsets.push(0);
        for user in users {
            facet.for_each_value(user, |value| {
                let id = index.intern(value);
                index.user_values.push(id);
            });
            index
                .offsets
                // Fewer values than users, and `Roster::new` refuses more than u32::MAX users.
                .push(u32::try_from(index.user_values.len()).expect("too many values"));
        }
        index.user_values.shrink_to_fit();
        index
    }

    fn intern(&mut self, value: &str) -> u32 {
        if let Some(&id) = self.ids.get(value) {
            return id;
        }
        // Fewer distinct values than users, and `Roster::new` refuses more than u32::MAX users.
        let id = u32::try_from(self.values.len()).expect("too many distinct values");
        self.values.push(value.to_string());
        self.folded.push(fold(value));
        self.ids.insert(value.to_string(), id);
        id
    }

    pub(crate) fn value_count(&self) -> usize {
        self.values.len()
    }

    pub(crate) fn id(&self, value: &str) -> Option<u32> {
        self.ids.get(value).copied()
    }

    pub(crate) fn value(&self, id: u32) -> &str {
        &self.values[id as usize]
    }

    pub(crate) fn folded(&self, id: u32) -> &str {
        &self.folded[id as usize]
    }

    pub(crate) fn values_of(&self, user: usize) -> &[u32] {
        &self.user_values[self.offsets[user] as usize..self.offsets[user + 1] as usize]
    }
}
