//! Tunables: the rate limit to stay under, and how patiently to retry.

use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientOptions {
    /// Requests per second this client allows itself. Zoom's MEDIUM label: 10/s on Pro, 20/s on
    /// Business and above, shared with every app on the account. 0 turns the limiter off.
    pub rate_limit_per_sec: u32,
    /// Retries of one request after a transient failure (5xx, timeout, reset, unreadable answer).
    pub max_retries: u32,
    /// Retries of one request after Zoom answered 429, before giving up with `Error::RateLimited`.
    pub max_rate_limit_retries: u32,
    /// Whole-request timeout (connect, send, read the body).
    pub request_timeout: Duration,
    pub connect_timeout: Duration,
    /// Longest silence while reading an answer: a server that accepts and then says nothing is
    /// given up on well before `request_timeout`.
    pub read_timeout: Duration,
    /// Largest answer read. A page of 100 users is about 200 KB; anything near this is not Zoom.
    pub max_response_bytes: usize,
    /// First wait of the exponential backoff after a transient failure.
    pub backoff_base: Duration,
    /// Cap of every backoff wait.
    pub backoff_max: Duration,
    /// First wait after a 429 without a usable `Retry-After` (Zoom's limits are per second: ≥ 1 s).
    pub rate_limit_backoff_min: Duration,
    /// A `Retry-After` longer than this (a daily quota, say) fails with `Error::RateLimited` at once
    /// instead of leaving the admin staring at a frozen progress bar.
    pub max_retry_after: Duration,
    /// Restarts from page 1 allowed per chain when Zoom's page token expires.
    pub max_page_token_restarts: u32,
    /// How long before expiry the access token is renewed (half its lifetime if that is shorter).
    pub token_refresh_margin: Duration,
    /// The wait before a new token after Zoom revoked the last one (another program asking for
    /// tokens of the same Zoom app revokes them); it grows eightfold, up to a minute, with each
    /// further revocation that comes soon after the last (auth.rs).
    pub revoked_token_holdoff: Duration,
    /// Above this many sites the account loads as one chain (site_split.rs): the rate limit lets
    /// about seven chains run side by side, so more sites add nothing but requests, and a hostile
    /// list of sites could ask for millions of first pages.
    pub max_site_chains: usize,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            rate_limit_per_sec: 10,
            max_retries: 5,
            max_rate_limit_retries: 20,
            request_timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(20),
            max_response_bytes: 16 << 20,
            backoff_base: Duration::from_millis(500),
            backoff_max: Duration::from_secs(30),
            rate_limit_backoff_min: Duration::from_secs(1),
            max_retry_after: Duration::from_secs(120),
            max_page_token_restarts: 3,
            token_refresh_margin: Duration::from_secs(5 * 60),
            revoked_token_holdoff: Duration::from_secs(1),
            max_site_chains: 100,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The defaults every user gets, pinned: a change to any of them is a decision, made here on
    /// purpose (the reference page's limits, the caps that keep a hostile server in check).
    #[test]
    fn the_defaults_are_the_documented_ones() {
        assert_eq!(
            ClientOptions::default(),
            ClientOptions {
                rate_limit_per_sec: 10,
                max_retries: 5,
                max_rate_limit_retries: 20,
                request_timeout: Duration::from_secs(30),
                connect_timeout: Duration::from_secs(10),
                read_timeout: Duration::from_secs(20),
                max_response_bytes: 16 * 1024 * 1024,
                backoff_base: Duration::from_millis(500),
                backoff_max: Duration::from_secs(30),
                rate_limit_backoff_min: Duration::from_secs(1),
                max_retry_after: Duration::from_secs(120),
                max_page_token_restarts: 3,
                token_refresh_margin: Duration::from_secs(300),
                revoked_token_holdoff: Duration::from_secs(1),
                max_site_chains: 100,
            }
        );
    }
}
