//! The one pass behind every query: search, filters, and facet counts in a single walk.

use super::Roster;
use super::bitset::Bitset;
use crate::{Facet, Filters};

/// Which users a view holds and, when asked for, each facet's counts by value id.
pub(crate) struct Selection {
    pub(crate) matched: Bitset,
    pub(crate) total: usize,
    /// Per facet (in `Facet::ALL` order), users per value id under every filter but the facet's own.
    pub(crate) counts: Option<Vec<Vec<u32>>>,
}

impl Roster {
    pub(crate) fn select(&self, search: &str, filters: &Filters, count_facets: bool) -> Selection {
        let n = self.users.len();
        let found = if search.trim().is_empty() {
            None
        } else {
            self.search_index().find(search)
        };
        // Per facet, which value ids are chosen; `None` when the facet does not filter. A value no
        // user has selects nobody.
        let chosen: Vec<Option<Vec<bool>>> = Facet::ALL
            .iter()
            .zip(&self.facets)
            .map(|(&facet, index)| {
                let wanted = filters.get(facet);
                (!wanted.is_empty()).then(|| {
                    let mut mask = vec![false; index.value_count()];
                    for id in wanted.iter().filter_map(|value| index.id(value)) {
                        mask[id as usize] = true;
                    }
                    mask
                })
            })
            .collect();
        let mut counts = count_facets.then(|| {
            self.facets
                .iter()
                .map(|index| vec![0u32; index.value_count()])
                .collect::<Vec<_>>()
        });
        let mut matched = Bitset::new(n);
        let mut total = 0;

        let mut visit = |user: usize| {
            // Bit f set: the user fails facet f's filter.
            let mut failed = 0u32;
            for (f, (index, mask)) in self.facets.iter().zip(&chosen).enumerate() {
                if let Some(mask) = mask
                    && !index.values_of(user).iter().any(|&id| mask[id as usize])
                {
                    failed |= 1 << f;
                }
            }
            if failed == 0 {
                matched.insert(user);
                total += 1;
            }
            // A user failing only facet f's own filter still counts in f's checklist.
            if let Some(counts) = counts.as_mut()
                && failed.count_ones() <= 1
            {
                for (f, (index, counts)) in self.facets.iter().zip(counts.iter_mut()).enumerate() {
                    if failed == 0 || failed == 1 << f {
                        for &id in index.values_of(user) {
                            counts[id as usize] += 1;
                        }
                    }
                }
            }
        };
        match &found {
            Some(found) => found.iter().for_each(&mut visit),
            None => (0..n).for_each(&mut visit),
        }
        Selection {
            matched,
            total,
            counts,
        }
    }
}
