//! Faults at fixed intervals: every `every`-th `/v2` request meets the next fault of a cycle through
//! every kind a long fetch meets at Zoom. Deterministic where the rate-based faults are random, so a
//! soak run of 100,000 users is sure to meet each kind, many times, at a known density.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use crate::retry_after::RetryAfter;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultSchedule {
    /// A fault on every `every`-th `/v2` request (0 = none).
    pub every: u64,
    /// A page-token expiry sends the client back to page 1 of its chain, so only this many are
    /// served; afterwards their turn in the cycle goes to the next kind.
    pub max_page_token_expiries: u64,
}

/// The cycle, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScheduledFault {
    RateLimited(RetryAfter),
    /// 500 or 503, with Zoom's JSON body.
    ServerError(u16),
    /// The answer is broken off after its headers.
    ConnectionReset,
    /// Every access token is revoked just before this request, which then answers 401.
    TokenRevoked,
    /// This request's `next_page_token` is refused as expired (only a request that carries one).
    PageTokenExpired,
    /// Accepted and never answered.
    Stalled,
}

pub const CYCLE: [ScheduledFault; 9] = [
    ScheduledFault::RateLimited(RetryAfter::Seconds),
    ScheduledFault::ServerError(500),
    ScheduledFault::ConnectionReset,
    ScheduledFault::RateLimited(RetryAfter::HttpDate),
    ScheduledFault::TokenRevoked,
    ScheduledFault::ServerError(503),
    ScheduledFault::PageTokenExpired,
    ScheduledFault::RateLimited(RetryAfter::Absent),
    ScheduledFault::Stalled,
];

/// Where the schedule stands: `/v2` requests seen, the next kind, the expiries served.
#[derive(Default)]
pub(crate) struct ScheduleState {
    requests: AtomicU64,
    next: AtomicUsize,
    expiries: AtomicU64,
}

impl ScheduleState {
    /// The fault for the request arriving now, if it is its turn.
    pub fn next_fault(
        &self,
        schedule: &FaultSchedule,
        has_page_token: bool,
    ) -> Option<ScheduledFault> {
        let n = self.requests.fetch_add(1, Ordering::Relaxed) + 1;
        if schedule.every == 0 || !n.is_multiple_of(schedule.every) {
            return None;
        }
        loop {
            let kind = CYCLE[self.next.fetch_add(1, Ordering::Relaxed) % CYCLE.len()];
            if kind != ScheduledFault::PageTokenExpired {
                return Some(kind);
            }
            if has_page_token
                && self.expiries.fetch_add(1, Ordering::Relaxed) < schedule.max_page_token_expiries
            {
                return Some(kind);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_nth_request_meets_the_next_kind_and_expiries_are_capped() {
        let state = ScheduleState::default();
        let schedule = FaultSchedule {
            every: 3,
            max_page_token_expiries: 1,
        };
        let served: Vec<_> = (0..60)
            .filter_map(|_| state.next_fault(&schedule, true))
            .collect();
        assert_eq!(served.len(), 20);
        assert_eq!(&served[..9], &CYCLE[..]);
        let expiries = served
            .iter()
            .filter(|k| **k == ScheduledFault::PageTokenExpired)
            .count();
        assert_eq!(expiries, 1);
    }

    #[test]
    fn a_request_without_a_page_token_is_never_expired() {
        let state = ScheduleState::default();
        let schedule = FaultSchedule {
            every: 1,
            max_page_token_expiries: 10,
        };
        assert!(
            (0..40)
                .filter_map(|_| state.next_fault(&schedule, false))
                .all(|k| k != ScheduledFault::PageTokenExpired)
        );
    }
}
