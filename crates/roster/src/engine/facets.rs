//! Turns facet counts into the checklists the UI shows.

use std::borrow::Cow;
use std::cmp::Reverse;

use super::Roster;
use super::fold::fold;
use super::result::{FacetCount, Facets};
use crate::{Facet, Filters};

impl Roster {
    /// `counts` per facet in `Facet::ALL` order, by value id, as `select` counted them.
    pub(crate) fn facet_lists(&self, counts: &[Vec<u32>], filters: &Filters) -> Facets {
        let mut facets = Facets::default();
        for ((&facet, index), counts) in Facet::ALL.iter().zip(&self.facets).zip(counts) {
            let mut listed: Vec<bool> = counts.iter().map(|&count| count > 0).collect();
            // (count, folded value, value)
            let mut entries: Vec<(u32, Cow<str>, &str)> = Vec::new();
            for value in filters.get(facet) {
                match index.id(value) {
                    Some(id) => listed[id as usize] = true,
                    None if !entries.iter().any(|(_, _, seen)| seen == value) => {
                        entries.push((0, Cow::Owned(fold(value)), value));
                    }
                    None => {}
                }
            }
            for (id, _) in listed.iter().enumerate().filter(|(_, listed)| **listed) {
                let id = id as u32;
                entries.push((
                    counts[id as usize],
                    Cow::Borrowed(index.folded(id)),
                    index.value(id),
                ));
            }
            entries
                .sort_unstable_by(|a, b| (Reverse(a.0), &a.1, a.2).cmp(&(Reverse(b.0), &b.1, b.2)));
            *facets.get_mut(facet) = entries
                .into_iter()
                .map(|(count, _, value)| FacetCount {
                    value: value.to_string(),
                    count,
                })
                .collect();
        }
        facets
    }
}
