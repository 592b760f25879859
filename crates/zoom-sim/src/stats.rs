//! Counters tests assert on ("the simulator did answer 429"), read through `SimHandle::stats`.

use std::sync::atomic::{AtomicU64, Ordering};

/// A snapshot of what the simulator has done since it started.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SimStats {
    /// Every HTTP request received, token requests included, counted on arrival.
    pub requests: u64,
    pub tokens_issued: u64,
    /// 429 answers.
    pub rate_limited: u64,
    /// Injected 5xx answers.
    pub server_errors: u64,
    /// 401 answers (missing, unknown, expired or superseded access token).
    pub unauthorized: u64,
    /// `next_page_token`s refused as "invalid or expired": too old, unknown, or sent with other parameters.
    pub page_token_expiries: u64,
    /// Successful answers whose body was deliberately truncated.
    pub malformed_responses: u64,
    /// Requests held open without an answer.
    pub stalls: u64,
    /// Answers broken off mid-body.
    pub resets: u64,
    /// Times every access token was revoked (`SimHandle::revoke_tokens` or the fault schedule).
    pub token_revocations: u64,
    /// TCP connections accepted.
    pub connections: u64,
    /// Accepted connections since closed; equal to `connections` once every client has let go.
    pub connections_closed: u64,
    /// `GET /phone/users` requests filtered by `site_id` (answered or not).
    pub site_user_lists: u64,
}

#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub requests: AtomicU64,
    pub tokens_issued: AtomicU64,
    pub rate_limited: AtomicU64,
    pub server_errors: AtomicU64,
    pub unauthorized: AtomicU64,
    pub page_token_expiries: AtomicU64,
    pub malformed_responses: AtomicU64,
    pub stalls: AtomicU64,
    pub resets: AtomicU64,
    pub token_revocations: AtomicU64,
    pub connections: AtomicU64,
    pub connections_closed: AtomicU64,
    pub site_user_lists: AtomicU64,
}

impl Counters {
    pub fn bump(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    pub fn snapshot(&self) -> SimStats {
        let read = |c: &AtomicU64| c.load(Ordering::Relaxed);
        SimStats {
            requests: read(&self.requests),
            tokens_issued: read(&self.tokens_issued),
            rate_limited: read(&self.rate_limited),
            server_errors: read(&self.server_errors),
            unauthorized: read(&self.unauthorized),
            page_token_expiries: read(&self.page_token_expiries),
            malformed_responses: read(&self.malformed_responses),
            stalls: read(&self.stalls),
            resets: read(&self.resets),
            token_revocations: read(&self.token_revocations),
            connections: read(&self.connections),
            connections_closed: read(&self.connections_closed),
            site_user_lists: read(&self.site_user_lists),
        }
    }
}
