//! Server-to-Server OAuth: one cached access token, renewed before it expires, one renewal in
//! flight at a time.
//!
//! Zoom historically invalidated the previous token when it issued a new one (a PowerShell module
//! lost 12,000 of 60,000 users that way), so concurrent requests must never each fetch their own.
//!
//! Two programs on one Zoom app (the app loading while a scheduled `phone-roster export` runs)
//! would then knock each other's token out at every request. So a revoked token is replaced only
//! after a hold-off that grows eightfold with each revocation that comes soon after the last
//! (`contention`), while the other program gets on with its pages; after a quiet spell of
//! `QUIET_HOLDOFFS` hold-offs without a revocation the count starts again, so Zoom revoking a token
//! now and then costs a second.

use std::fmt;
use std::future::Future;
use std::time::{Duration, Instant};

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::classify;
use crate::credentials::Credentials;
use crate::error::Error;
use crate::lenient;
use crate::receive;
use crate::retry::Failure;

/// Hold-offs (of the first length) without a revocation after which the contention is forgotten:
/// five minutes at one second, far longer than the longest hold-off, so two programs trading
/// tokens never fall back to the shortest wait.
const QUIET_HOLDOFFS: u32 = 300;
/// The longest hold-off before a new token, however often tokens are revoked.
const MAX_HOLDOFF: Duration = Duration::from_secs(60);

/// Zoom's documented lifetime, assumed when an answer leaves `expires_in` out.
const DEFAULT_LIFETIME: Duration = Duration::from_secs(3600);

/// A bearer token and which issue of it this is (so a 401 invalidates only the token it hit).
#[derive(Clone)]
pub(crate) struct AccessToken {
    value: SecretString,
    pub generation: u64,
}

impl AccessToken {
    pub fn expose(&self) -> &str {
        self.value.expose_secret()
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AccessToken([REDACTED], generation {})", self.generation)
    }
}

/// A freshly issued token.
pub(crate) struct Issued {
    value: SecretString,
    lifetime: Duration,
    /// When it was asked for: the lifetime counts from (at the latest) then.
    requested_at: Instant,
}

struct Cached {
    token: AccessToken,
    refresh_at: Instant,
}

pub(crate) struct TokenCache {
    /// Held across the token request on purpose: that is what makes the refresh single-flight.
    state: tokio::sync::Mutex<State>,
    margin: Duration,
    holdoff: Duration,
}

#[derive(Default)]
struct State {
    current: Option<Cached>,
    issued: u64,
    /// How many revocations came close together (see the module's comment).
    contention: u32,
    last_revocation: Option<Instant>,
}

impl TokenCache {
    pub fn new(margin: Duration, holdoff: Duration) -> Self {
        Self {
            state: Default::default(),
            margin,
            holdoff,
        }
    }

    /// The cached token, or a new one from `fetch` when there is none or it is due for renewal.
    pub async fn get<F, Fut>(&self, fetch: F) -> Result<AccessToken, Error>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Issued, Error>>,
    {
        let mut state = self.state.lock().await;
        if let Some(cached) = &state.current
            && Instant::now() < cached.refresh_at
        {
            return Ok(cached.token.clone());
        }
        // Held with the lock on purpose: none of this program's requests asks for a token meanwhile.
        let wait = holdoff(state.contention, self.holdoff);
        if !wait.is_zero() {
            tracing::info!(
                ?wait,
                "Zoom keeps revoking this app's tokens (another program using the same Zoom app?): waiting before asking for a new one"
            );
            tokio::time::sleep(wait).await;
        }
        let issued = fetch().await?;
        state.issued += 1;
        let token = AccessToken {
            value: issued.value,
            generation: state.issued,
        };
        let refresh_at = issued.requested_at + refresh_after(issued.lifetime, self.margin);
        state.current = Some(Cached {
            token: token.clone(),
            refresh_at,
        });
        tracing::debug!(generation = token.generation, lifetime = ?issued.lifetime, "new Zoom access token");
        Ok(token)
    }

    /// Zoom rejected this token: forget it, unless another request has already replaced it.
    pub async fn invalidate(&self, generation: u64) {
        let mut state = self.state.lock().await;
        if state
            .current
            .as_ref()
            .is_some_and(|c| c.token.generation == generation)
        {
            state.current = None;
            let quiet = self.holdoff.saturating_mul(QUIET_HOLDOFFS);
            let now = Instant::now();
            state.contention =
                contention_after(state.contention, state.last_revocation, now, quiet);
            state.last_revocation = Some(now);
        }
    }
}

/// The contention once another revocation comes at `now`: one more, or a first again after `quiet`.
fn contention_after(contention: u32, last: Option<Instant>, now: Instant, quiet: Duration) -> u32 {
    let close = last.is_some_and(|last| now.duration_since(last) < quiet);
    if close {
        contention.saturating_add(1)
    } else {
        1
    }
}

/// The wait before a new token at `contention`: none before any revocation, then `base`, growing
/// eightfold up to `MAX_HOLDOFF`.
fn holdoff(contention: u32, base: Duration) -> Duration {
    match contention.checked_sub(1) {
        None => Duration::ZERO,
        Some(steps) => base
            .saturating_mul(8u32.saturating_pow(steps.min(10)))
            .min(MAX_HOLDOFF),
    }
}

/// Renew `margin` before expiry, or at half-life when the lifetime is too short for that margin.
fn refresh_after(lifetime: Duration, margin: Duration) -> Duration {
    if lifetime > margin * 2 {
        lifetime - margin
    } else {
        lifetime / 2
    }
}

#[derive(Deserialize)]
struct TokenAnswer {
    #[serde(default, deserialize_with = "lenient::opt_string")]
    access_token: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_u32")]
    expires_in: Option<u32>,
}

/// A token answer is a few hundred bytes; a megabyte is not one.
const TOKEN_ANSWER_LIMIT: usize = 1 << 20;

/// One `POST token_url?grant_type=account_credentials&account_id=…` with HTTP Basic auth.
pub(crate) async fn request_token(
    http: &reqwest::Client,
    token_url: &str,
    credentials: &Credentials,
) -> Result<Issued, Failure> {
    let requested_at = Instant::now();
    let request = http
        .post(token_url)
        .query(&[
            ("grant_type", "account_credentials"),
            ("account_id", &credentials.account_id),
        ])
        .basic_auth(
            &credentials.client_id,
            Some(credentials.client_secret.expose_secret()),
        );
    let received = receive::receive(request, TOKEN_ANSWER_LIMIT).await?;
    let (status, headers, body) = (received.status, &received.headers, &received.body);
    if !status.is_success() {
        return Err(classify::token_answer(&received.answer()));
    }
    let answer: TokenAnswer = serde_json::from_slice(body)
        .map_err(|_| classify::unreadable(status, headers, "token answer is not JSON"))?;
    let value = answer
        .access_token
        .filter(|t| !t.is_empty())
        .ok_or_else(|| classify::unreadable(status, headers, "token answer has no access_token"))?;
    let lifetime = answer
        .expires_in
        .map_or(DEFAULT_LIFETIME, |s| Duration::from_secs(s.into()));
    Ok(Issued {
        value: SecretString::from(value),
        lifetime,
        requested_at,
    })
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU32, Ordering};

    use super::*;

    fn issued(lifetime: Duration) -> Issued {
        Issued {
            value: SecretString::from("tok-secret-value".to_string()),
            lifetime,
            requested_at: Instant::now(),
        }
    }

    #[test]
    fn the_hold_off_starts_at_a_revocation_and_grows_eightfold_to_a_minute() {
        let base = Duration::from_secs(1);
        let waits: Vec<u64> = (0..5).map(|n| holdoff(n, base).as_secs()).collect();
        assert_eq!(waits, [0, 1, 8, 60, 60]);
        assert_eq!(holdoff(u32::MAX, base), MAX_HOLDOFF);
    }

    #[test]
    fn revocations_close_together_raise_the_contention_and_a_quiet_spell_resets_it() {
        let quiet = Duration::from_secs(300);
        let start = Instant::now();
        assert_eq!(contention_after(0, None, start, quiet), 1);
        let soon = start + Duration::from_secs(59);
        assert_eq!(contention_after(1, Some(start), soon, quiet), 2);
        assert_eq!(contention_after(2, Some(soon), soon + quiet, quiet), 1);
        assert_eq!(
            contention_after(u32::MAX, Some(soon), soon, quiet),
            u32::MAX
        );
    }

    #[tokio::test]
    async fn only_the_revocation_of_the_current_token_counts() {
        let cache = TokenCache::new(Duration::from_secs(300), Duration::ZERO);
        let fetch = || async { Ok(issued(Duration::from_secs(3600))) };
        for _ in 0..3 {
            let token = cache.get(fetch).await.unwrap();
            cache.invalidate(token.generation).await;
        }
        // A zero hold-off makes no spell quiet: each came close to the last.
        assert_eq!(cache.state.lock().await.contention, 1);
        let cache = TokenCache::new(Duration::from_secs(300), Duration::from_millis(1));
        let token = cache.get(fetch).await.unwrap();
        cache.invalidate(token.generation).await;
        let token = cache.get(fetch).await;
        // A late 401 for a token already replaced does not count again.
        cache.invalidate(token.unwrap().generation - 1).await;
        assert_eq!(cache.state.lock().await.contention, 1);
    }

    #[test]
    fn refresh_five_minutes_early_or_at_half_life() {
        let margin = Duration::from_secs(300);
        assert_eq!(
            refresh_after(Duration::from_secs(3600), margin),
            Duration::from_secs(3300)
        );
        assert_eq!(
            refresh_after(Duration::from_secs(300), margin),
            Duration::from_secs(150)
        );
        assert_eq!(
            refresh_after(Duration::from_secs(2), margin),
            Duration::from_secs(1)
        );
    }

    #[test]
    fn debug_redacts_the_token() {
        let token = AccessToken {
            value: SecretString::from("tok-secret-value".to_string()),
            generation: 3,
        };
        let debug = format!("{token:?}");
        assert!(
            !debug.contains("tok-secret") && debug.contains("REDACTED"),
            "{debug}"
        );
    }

    #[tokio::test]
    async fn a_fresh_token_is_reused_and_an_invalidated_one_replaced_once() {
        let cache = TokenCache::new(Duration::from_secs(300), Duration::from_millis(1));
        let fetches = AtomicU32::new(0);
        let fetch = || async {
            fetches.fetch_add(1, Ordering::SeqCst);
            Ok(issued(Duration::from_secs(3600)))
        };
        let first = cache.get(fetch).await.unwrap();
        assert_eq!(cache.get(fetch).await.unwrap().generation, first.generation);
        cache.invalidate(first.generation).await;
        let second = cache.get(fetch).await.unwrap();
        assert_eq!(second.generation, first.generation + 1);
        // A late 401 for the old token must not throw away the new one.
        cache.invalidate(first.generation).await;
        assert_eq!(
            cache.get(fetch).await.unwrap().generation,
            second.generation
        );
        assert_eq!(fetches.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn concurrent_callers_share_one_refresh() {
        let cache = TokenCache::new(Duration::from_secs(300), Duration::from_millis(1));
        let fetches = AtomicU32::new(0);
        let fetch = || async {
            fetches.fetch_add(1, Ordering::SeqCst);
            tokio::task::yield_now().await;
            Ok(issued(Duration::from_secs(3600)))
        };
        let tokens = futures::future::join_all((0..8).map(|_| cache.get(fetch))).await;
        assert!(tokens.iter().all(|t| t.as_ref().unwrap().generation == 1));
        assert_eq!(fetches.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_short_lived_token_is_renewed_at_half_life() {
        let cache = TokenCache::new(Duration::from_secs(300), Duration::from_millis(1));
        let first = cache
            .get(|| async { Ok(issued(Duration::ZERO)) })
            .await
            .unwrap();
        let second = cache
            .get(|| async { Ok(issued(Duration::from_secs(3600))) })
            .await
            .unwrap();
        assert_eq!(second.generation, first.generation + 1);
    }
}
