//! What keeps a `next_page_token` chain finite when the server is broken or hostile: a token the
//! chain already sent, a token longer than any Zoom sends (each one is kept, and sent back in the
//! next URL), or more pages than the server's own `total_records` needs, ends the fetch with
//! `Error::EndlessPages` instead of asking forever.

use std::collections::HashSet;

use crate::error::Error;
use crate::filter::PAGE_SIZE;
/// A chain whose pages never say how many records there are stops here: 2,000,000 users, thirty
/// times the largest accounts reported.
const PAGES_WITHOUT_TOTAL: u32 = 20_000;
/// Zoom's page tokens are about 30 characters; a kilobyte is far more than any needs.
const MAX_PAGE_TOKEN_BYTES: usize = 1024;

/// The pages of one walk of a chain, from page 1; a restart after an expired token starts a new one.
#[derive(Default)]
pub(crate) struct PageGuard {
    sent_tokens: HashSet<String>,
    pages: u32,
    /// The largest `total_records` any page of this walk reported (an account can grow mid-walk).
    total: Option<u32>,
}

impl PageGuard {
    /// Checks a page that arrived and names the token that continues it; `Ok` means ask for it.
    pub fn admit(&mut self, total_records: Option<u32>, next_token: &str) -> Result<(), Error> {
        self.pages = self.pages.saturating_add(1);
        self.total = self.total.max(total_records);
        if next_token.len() > MAX_PAGE_TOKEN_BYTES {
            return Err(self.endless("it sent a page token longer than any Zoom sends"));
        }
        if !self.sent_tokens.insert(next_token.to_owned()) {
            return Err(self.endless("it sent a page token it had already sent"));
        }
        if self.pages >= self.page_limit() {
            return Err(self.endless("it sent more pages than its own count of records needs"));
        }
        Ok(())
    }

    /// Twice the pages the total needs at full pages, plus two: room for short pages and for users
    /// added during the walk, while an endless chain still ends within minutes.
    fn page_limit(&self) -> u32 {
        match self.total {
            Some(total) => total
                .div_ceil(PAGE_SIZE)
                .saturating_mul(2)
                .saturating_add(2),
            None => PAGES_WITHOUT_TOTAL,
        }
    }

    fn endless(&self, why: &'static str) -> Error {
        tracing::warn!(
            pages = self.pages,
            total = self.total,
            why,
            "pagination did not end"
        );
        Error::EndlessPages {
            pages: self.pages,
            why,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_token_ends_the_chain() {
        let mut guard = PageGuard::default();
        guard.admit(Some(1_000), "a").unwrap();
        guard.admit(Some(1_000), "b").unwrap();
        let error = guard.admit(Some(1_000), "a").unwrap_err();
        assert!(
            matches!(error, Error::EndlessPages { pages: 3, .. }),
            "{error:?}"
        );
    }

    #[test]
    fn a_token_longer_than_any_zoom_sends_ends_the_chain() {
        let mut guard = PageGuard::default();
        guard
            .admit(Some(1_000), &"a".repeat(MAX_PAGE_TOKEN_BYTES))
            .unwrap();
        let error = guard
            .admit(Some(1_000), &"b".repeat(MAX_PAGE_TOKEN_BYTES + 1))
            .unwrap_err();
        assert!(
            matches!(error, Error::EndlessPages { why, .. } if why.contains("longer")),
            "{error:?}"
        );
        assert!(
            guard
                .sent_tokens
                .iter()
                .all(|t| t.len() <= MAX_PAGE_TOKEN_BYTES)
        );
    }

    #[test]
    fn fresh_tokens_beyond_the_total_end_the_chain() {
        let mut guard = PageGuard::default();
        // 250 records need 3 pages; 2 × 3 + 2 = 8 are allowed.
        for page in 1..8 {
            guard.admit(Some(250), &page.to_string()).unwrap();
        }
        assert!(guard.admit(Some(250), "8").is_err());
    }

    #[test]
    fn a_total_that_grows_mid_walk_raises_the_limit() {
        let mut guard = PageGuard::default();
        guard.admit(Some(0), "1").unwrap();
        for page in 2..20 {
            guard.admit(Some(10_000), &page.to_string()).unwrap();
        }
    }

    #[test]
    fn the_largest_total_does_not_overflow() {
        let mut guard = PageGuard::default();
        guard.admit(Some(u32::MAX), "1").unwrap();
        assert_eq!(guard.page_limit(), u32::MAX.div_ceil(PAGE_SIZE) * 2 + 2);
    }

    #[test]
    fn without_a_total_the_walk_is_still_bounded() {
        let guard = PageGuard::default();
        assert_eq!(guard.page_limit(), PAGES_WITHOUT_TOTAL);
    }
}
