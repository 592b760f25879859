//! Multi-column sort in a few milliseconds: each column is ranked once (lazily, on first use), a
//! sort spec turns ranks into one packed integer per user, and the resulting order of the whole
//! roster is cached, so a query that keeps its sort only walks the cached order.

use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use zoom::PhoneUser;

use super::sort_value::SortValue;
use crate::{Column, SortKey};

/// A column's values reduced to ranks: equal values share a rank, blanks get `distinct`.
struct ColumnRanks {
    ranks: Vec<u32>,
    /// The number of distinct non-blank values; also the rank of a blank.
    distinct: u32,
}

impl ColumnRanks {
    fn new(column: Column, users: &[PhoneUser]) -> ColumnRanks {
        let mut values: Vec<(SortValue, u32)> = users
            .iter()
            .enumerate()
            .filter_map(|(i, user)| SortValue::of(column, user).map(|value| (value, i as u32)))
            .collect();
        values.sort_unstable();
        let mut ranks = vec![u32::MAX; users.len()];
        let mut distinct = 0;
        for (rank, equal) in values.chunk_by(|a, b| a.0 == b.0).enumerate() {
            for (_, user) in equal {
                ranks[*user as usize] = rank as u32;
            }
            distinct = rank as u32 + 1;
        }
        for rank in ranks.iter_mut().filter(|rank| **rank == u32::MAX) {
            *rank = distinct;
        }
        ColumnRanks { ranks, distinct }
    }

    /// The rank as the sort direction sees it; blanks stay last either way.
    fn effective(&self, user: usize, descending: bool) -> u32 {
        let rank = self.ranks[user];
        if descending && rank != self.distinct {
            self.distinct - 1 - rank
        } else {
            rank
        }
    }

    /// Bits needed to hold every effective rank, 0..=distinct.
    fn bits(&self) -> u32 {
        u32::BITS - self.distinct.leading_zeros()
    }
}

/// The order of the whole roster for the last sort asked for.
struct CachedOrder {
    keys: Vec<SortKey>,
    order: Arc<[u32]>,
}

pub(crate) struct Sorter {
    /// Indexed by `Column as usize`.
    columns: Vec<OnceLock<ColumnRanks>>,
    last: Mutex<Option<CachedOrder>>,
}

impl Sorter {
    pub(crate) fn new() -> Sorter {
        Sorter {
            columns: Column::ALL.iter().map(|_| OnceLock::new()).collect(),
            last: Mutex::new(None),
        }
    }

    fn ranks(&self, column: Column, users: &[PhoneUser]) -> &ColumnRanks {
        self.columns[column as usize].get_or_init(|| ColumnRanks::new(column, users))
    }

    /// Every user's index in `keys` order (ties in roster order). `keys` must not be empty.
    pub(crate) fn order(&self, keys: &[SortKey], users: &[PhoneUser]) -> Arc<[u32]> {
        let mut last = self.last.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(cached) = last.as_ref()
            && cached.keys == keys
        {
            return Arc::clone(&cached.order);
        }
        let ranked: Vec<(&ColumnRanks, bool)> = keys
            .iter()
            .map(|key| (self.ranks(key.column, users), key.descending))
            .collect();
        let order: Arc<[u32]> = sorted(&ranked, users.len()).into();
        *last = Some(CachedOrder {
            keys: keys.to_vec(),
            order: Arc::clone(&order),
        });
        order
    }
}

fn sorted(keys: &[(&ColumnRanks, bool)], len: usize) -> Vec<u32> {
    let total_bits: u32 = keys.iter().map(|(ranks, _)| ranks.bits()).sum();
    if total_bits <= u64::BITS {
        // The usual case (a few keys): one packed integer per user, and the index breaks ties,
        // which makes an unstable sort of plain integers stable.
        let mut packed: Vec<(u64, u32)> = (0..len)
            .map(|user| {
                let key = keys.iter().fold(0u64, |acc, (ranks, descending)| {
                    (acc << ranks.bits()) | u64::from(ranks.effective(user, *descending))
                });
                (key, user as u32)
            })
            .collect();
        packed.sort_unstable();
        packed.into_iter().map(|(_, user)| user).collect()
    } else {
        let mut order: Vec<u32> = (0..len as u32).collect();
        order.sort_by(|&a, &b| {
            keys.iter()
                .map(|(ranks, descending)| {
                    ranks
                        .effective(a as usize, *descending)
                        .cmp(&ranks.effective(b as usize, *descending))
                })
                .find(|ordering| ordering.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same ranks with `distinct` scaled up so far that three keys need 93 bits.
    fn widened(ranks: &ColumnRanks) -> ColumnRanks {
        const WIDE: u32 = 1 << 30;
        let widen = |rank: u32| {
            if rank == ranks.distinct {
                WIDE
            } else {
                rank * 1_000
            }
        };
        ColumnRanks {
            ranks: ranks.ranks.iter().map(|&r| widen(r)).collect(),
            distinct: WIDE,
        }
    }

    #[test]
    fn the_comparison_fallback_orders_like_the_packed_path() {
        // Rank == distinct is a blank.
        let columns = [
            ColumnRanks {
                ranks: vec![1, 0, 2, 0, 2, 1, 0],
                distinct: 2,
            },
            ColumnRanks {
                ranks: vec![0, 1, 0, 1, 1, 0, 1],
                distinct: 2,
            },
            ColumnRanks {
                ranks: vec![3, 2, 1, 0, 3, 3, 2],
                distinct: 3,
            },
        ];
        let wide: Vec<ColumnRanks> = columns.iter().map(widened).collect();
        for directions in 0..8u8 {
            let descending = |k: usize| directions & (1 << k) != 0;
            let packed: Vec<(&ColumnRanks, bool)> = columns
                .iter()
                .enumerate()
                .map(|(k, c)| (c, descending(k)))
                .collect();
            let compared: Vec<(&ColumnRanks, bool)> = wide
                .iter()
                .enumerate()
                .map(|(k, c)| (c, descending(k)))
                .collect();
            assert!(compared.iter().map(|(c, _)| c.bits()).sum::<u32>() > u64::BITS);
            assert_eq!(
                sorted(&packed, 7),
                sorted(&compared, 7),
                "directions {directions:03b}"
            );
        }
    }
}
