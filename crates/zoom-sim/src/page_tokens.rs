//! Opaque `next_page_token`s. Each is a random id mapped here to the listing it continues: the exact
//! request it belongs to, the result set of the chain's first page and the offset of the next page.
//! Zoom refuses a token that is too old or sent with other parameters; so does this.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;

/// Everything a continuation must repeat: the route, its filters and the effective page size.
/// Filters are kept in their canonical form (empty parameters dropped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ListingKey {
    pub route: &'static str,
    pub params: Vec<(&'static str, String)>,
    pub page_size: usize,
}

/// The result set of a chain (indices into the roster), fixed when its first page was served so
/// that every page of a chain agrees on `total_records`.
pub(crate) type Selection = Arc<[u32]>;

struct Continuation {
    key: ListingKey,
    selection: Selection,
    offset: usize,
    issued_at: Instant,
}

/// Expired entries are swept every this many issued tokens, keeping the table small on long runs.
const SWEEP_EVERY: usize = 1024;

#[derive(Default)]
pub(crate) struct PageTokens {
    table: Mutex<Table>,
}

#[derive(Default)]
struct Table {
    entries: HashMap<String, Continuation>,
    issued: usize,
}

impl PageTokens {
    pub fn issue(
        &self,
        rng: &mut impl RngCore,
        key: ListingKey,
        selection: Selection,
        offset: usize,
        ttl: Duration,
    ) -> String {
        let mut bytes = [0u8; 18];
        rng.fill_bytes(&mut bytes);
        let token = URL_SAFE_NO_PAD.encode(bytes);
        let mut table = self.table.lock().unwrap_or_else(PoisonError::into_inner);
        table.issued += 1;
        if table.issued.is_multiple_of(SWEEP_EVERY) {
            table.entries.retain(|_, c| c.issued_at.elapsed() < ttl);
        }
        let continuation = Continuation {
            key,
            selection,
            offset,
            issued_at: Instant::now(),
        };
        table.entries.insert(token.clone(), continuation);
        token
    }

    /// The chain's result set and the next offset, or `None` for a token Zoom would refuse.
    /// Tokens stay usable until they expire, since a client retries a page after a 5xx or 429.
    pub fn resume(
        &self,
        token: &str,
        key: &ListingKey,
        ttl: Duration,
    ) -> Option<(Selection, usize)> {
        let table = self.table.lock().unwrap_or_else(PoisonError::into_inner);
        let continuation = table.entries.get(token)?;
        let fresh = continuation.issued_at.elapsed() < ttl;
        (fresh && continuation.key == *key)
            .then(|| (continuation.selection.clone(), continuation.offset))
    }
}
