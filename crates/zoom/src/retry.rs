//! When and how long to wait before trying a failed request again.

use std::time::Duration;

use rand::Rng;

use crate::error::Error;
use crate::events::FetchEvent;
use crate::options::ClientOptions;

/// A request that did not succeed, and whether trying again could help.
#[derive(Debug)]
pub(crate) struct Failure {
    pub error: Error,
    pub retry: Retry,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Retry {
    /// Trying again cannot help (bad credentials, missing scope, …).
    Never,
    /// Zoom answered 429; `retry_after` when it said how long to wait in a form we could read.
    RateLimited { retry_after: Option<Duration> },
    /// Zoom rejected the access token of this generation: get a new one and try once more.
    RefreshToken { generation: u64 },
    /// 5xx, timeout, reset, unreadable answer.
    Transient { reason: &'static str },
}

impl Failure {
    pub fn fatal(error: Error) -> Self {
        Self {
            error,
            retry: Retry::Never,
        }
    }

    pub fn transient(error: Error, reason: &'static str) -> Self {
        Self {
            error,
            retry: Retry::Transient { reason },
        }
    }
}

/// What to do before the next attempt; `event` tells a UI why it is waiting.
#[derive(Debug, PartialEq)]
pub(crate) struct Step {
    pub wait: Duration,
    pub event: FetchEvent,
}

/// New tokens one request may ask for: one for a token Zoom revoked, two more for another program
/// on the same Zoom app revoking the new one before the retry reached Zoom (auth.rs).
const MAX_REFRESHES: u32 = 3;

/// The retry budget of one request.
pub(crate) struct Retrier<'a> {
    options: &'a ClientOptions,
    transient: u32,
    rate_limited: u32,
    refreshes: u32,
}

impl<'a> Retrier<'a> {
    pub fn new(options: &'a ClientOptions) -> Self {
        Self {
            options,
            transient: 0,
            rate_limited: 0,
            refreshes: 0,
        }
    }

    /// The next step, or `None` when the failure is final.
    pub fn next(&mut self, failure: &Failure) -> Option<Step> {
        match failure.retry {
            Retry::Never => None,
            Retry::RefreshToken { .. } => {
                if self.refreshes >= MAX_REFRESHES {
                    return None;
                }
                self.refreshes += 1;
                Some(Step {
                    wait: Duration::ZERO,
                    event: FetchEvent::Retrying {
                        reason: "Zoom's access token expired; getting a new one".into(),
                        attempt: self.refreshes,
                        wait: Duration::ZERO,
                    },
                })
            }
            Retry::RateLimited { retry_after } => {
                self.rate_limited += 1;
                if self.rate_limited > self.options.max_rate_limit_retries {
                    return None;
                }
                let wait = match retry_after {
                    Some(wait) if wait > self.options.max_retry_after => return None,
                    // A little jitter so clients told the same instant do not collide again.
                    Some(wait) => wait + jitter_up_to(self.options.backoff_base / 2),
                    None => {
                        let floor = self.options.rate_limit_backoff_min;
                        let wait = exponential(floor, self.options.backoff_max, self.rate_limited);
                        wait + jitter_up_to(wait / 2)
                    }
                };
                Some(Step {
                    wait,
                    event: FetchEvent::RateLimited { wait },
                })
            }
            Retry::Transient { reason } => {
                self.transient += 1;
                if self.transient > self.options.max_retries {
                    return None;
                }
                let ceiling = exponential(
                    self.options.backoff_base,
                    self.options.backoff_max,
                    self.transient,
                );
                // "Equal jitter": never less than half the ceiling, so retries still back off.
                let wait = ceiling / 2 + jitter_up_to(ceiling / 2);
                Some(Step {
                    wait,
                    event: FetchEvent::Retrying {
                        reason: reason.into(),
                        attempt: self.transient,
                        wait,
                    },
                })
            }
        }
    }
}

/// `base · 2^(attempt-1)`, capped (the cap never goes below `base`).
fn exponential(base: Duration, cap: Duration, attempt: u32) -> Duration {
    let factor = 1u32 << attempt.saturating_sub(1).min(16);
    base.saturating_mul(factor).min(cap.max(base))
}

fn jitter_up_to(max: Duration) -> Duration {
    if max.is_zero() {
        return Duration::ZERO;
    }
    Duration::from_nanos(rand::rng().random_range(0..=max.as_nanos().min(u64::MAX as u128) as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn transient() -> Failure {
        Failure::transient(
            Error::Timeout { tracking_id: None },
            "Zoom did not answer in time",
        )
    }

    fn rate_limited(retry_after: Option<Duration>) -> Failure {
        Failure {
            error: Error::RateLimited { tracking_id: None },
            retry: Retry::RateLimited { retry_after },
        }
    }

    #[test]
    fn transient_failures_back_off_within_the_cap_then_give_up() {
        let options = ClientOptions {
            max_retries: 6,
            backoff_base: Duration::from_millis(100),
            backoff_max: Duration::from_millis(800),
            ..Default::default()
        };
        let mut retrier = Retrier::new(&options);
        for attempt in 1..=6u32 {
            let step = retrier.next(&transient()).expect("still within budget");
            let ceiling =
                Duration::from_millis(100 * (1 << (attempt - 1))).min(Duration::from_millis(800));
            assert!(
                step.wait >= ceiling / 2 && step.wait <= ceiling,
                "{attempt}: {:?}",
                step.wait
            );
            let FetchEvent::Retrying {
                attempt: reported,
                wait,
                ..
            } = step.event
            else {
                panic!("expected Retrying")
            };
            assert_eq!((reported, wait), (attempt, step.wait));
        }
        assert_eq!(retrier.next(&transient()), None);
    }

    #[test]
    fn never_means_never() {
        let options = ClientOptions::default();
        let failure = Failure::fatal(Error::InvalidCredentials { tracking_id: None });
        assert_eq!(Retrier::new(&options).next(&failure), None);
    }

    #[test]
    fn a_new_token_is_asked_for_at_most_three_times_per_request() {
        let options = ClientOptions::default();
        let mut retrier = Retrier::new(&options);
        let failure = Failure {
            error: Error::Api {
                status: 401,
                code: Some(124),
                message: "x".into(),
                tracking_id: None,
            },
            retry: Retry::RefreshToken { generation: 1 },
        };
        for _ in 0..MAX_REFRESHES {
            assert_eq!(retrier.next(&failure).map(|s| s.wait), Some(Duration::ZERO));
        }
        assert_eq!(retrier.next(&failure), None);
    }

    #[test]
    fn rate_limits_honour_retry_after_else_wait_at_least_the_floor() {
        let options = ClientOptions {
            max_rate_limit_retries: 3,
            ..Default::default()
        };
        let mut retrier = Retrier::new(&options);
        let told = retrier
            .next(&rate_limited(Some(Duration::from_secs(2))))
            .unwrap();
        assert!(told.wait >= Duration::from_secs(2) && told.wait <= Duration::from_millis(2250));
        assert_eq!(told.event, FetchEvent::RateLimited { wait: told.wait });
        let untold = retrier.next(&rate_limited(None)).unwrap();
        assert!(
            untold.wait >= Duration::from_secs(2),
            "second 429: ≥ 2 × 1 s, got {:?}",
            untold.wait
        );
        assert!(retrier.next(&rate_limited(None)).unwrap().wait >= Duration::from_secs(1));
        assert_eq!(retrier.next(&rate_limited(None)), None, "budget spent");
    }

    #[test]
    fn an_absurd_retry_after_fails_at_once() {
        let options = ClientOptions::default();
        let failure = rate_limited(Some(Duration::from_secs(86_400)));
        assert_eq!(Retrier::new(&options).next(&failure), None);
    }

    #[test]
    fn exponential_is_capped_and_never_overflows() {
        let base = Duration::from_millis(500);
        let cap = Duration::from_secs(30);
        assert_eq!(exponential(base, cap, 1), base);
        assert_eq!(exponential(base, cap, 3), Duration::from_secs(2));
        assert_eq!(exponential(base, cap, 1000), cap);
    }
}
