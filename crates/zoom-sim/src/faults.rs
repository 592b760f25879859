//! The misbehaviours of the real Zoom that can be switched on, at start or at runtime
//! (`SimHandle::set_faults`). `Faults::default()` is a well-behaved Zoom.

use std::time::Duration;

use crate::retry_after::RetryAfter;
use crate::schedule::FaultSchedule;

#[derive(Debug, Clone, PartialEq)]
pub struct Faults {
    /// Added before every answer, token endpoint included.
    pub latency: Duration,
    /// Requests per second (sliding one-second window, shared by all `/v2` routes as Zoom's
    /// per-account limit is) beyond which `/v2` answers 429. `Some(0)` rate-limits every request.
    pub qps_limit: Option<u32>,
    pub retry_after: RetryAfter,
    /// Share (0.0-1.0) of `/v2` requests answered 500, 502 or 503, with or without a JSON body.
    pub server_error_rate: f64,
    /// Lifetime of access tokens issued from now on (Zoom: one hour).
    pub token_lifetime: Duration,
    /// Whether issuing a token invalidates every earlier one (it historically did; unconfirmed today).
    pub single_token: bool,
    /// Age after which a `next_page_token` is refused (Zoom: 15 minutes). Checked when it is used.
    pub page_token_ttl: Duration,
    /// Tokens issued from now on lack the phone scopes, so `/v2` answers 400 / 4711 — as when the
    /// Marketplace app was created without them (the scope is fixed in the token, as at Zoom).
    pub missing_scope: bool,
    /// Share (0.0-1.0) of successful `/v2` answers cut short: status 200 with a truncated JSON body.
    pub malformed_json_rate: f64,
    /// `GET /phone/users?site_id=…` answers 400 / 124 "the current site … does not belong to the
    /// target sites", as for an admin whose role is limited to other sites.
    pub site_permission_error: bool,
    /// Every `/v2/phone` route answers 403: Zoom Phone is not set up on the account.
    pub phone_not_enabled: bool,
    /// Share (0.0-1.0) of `/v2` requests accepted and never answered: the connection stays open
    /// and silent until the client gives up, as behind a stuck proxy.
    pub stall_rate: f64,
    /// Share (0.0-1.0) of successful `/v2` answers broken off after the headers: the connection
    /// drops mid-body.
    pub reset_rate: f64,
    /// Every page repeats the `next_page_token` it was asked with: a chain that loops forever.
    pub page_token_loop: bool,
    /// Every page names a next one, past the end of the list (empty pages): a chain without end.
    pub endless_pages: bool,
    /// Bytes of padding (a JSON string field) added to every successful `/v2` answer.
    pub answer_padding: usize,
    /// Faults at fixed intervals, cycling through every kind (see schedule.rs).
    pub schedule: Option<FaultSchedule>,
}

impl Default for Faults {
    fn default() -> Self {
        Self {
            latency: Duration::ZERO,
            qps_limit: None,
            retry_after: RetryAfter::default(),
            server_error_rate: 0.0,
            token_lifetime: Duration::from_secs(3600),
            single_token: false,
            page_token_ttl: Duration::from_secs(15 * 60),
            missing_scope: false,
            malformed_json_rate: 0.0,
            site_permission_error: false,
            phone_not_enabled: false,
            stall_rate: 0.0,
            reset_rate: 0.0,
            page_token_loop: false,
            endless_pages: false,
            answer_padding: 0,
            schedule: None,
        }
    }
}
