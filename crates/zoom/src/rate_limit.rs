//! The client's own rate limiter, so Zoom's 429s stay the exception.
//!
//! Requests are spaced evenly (a token bucket holding one token), slightly wider than 1 / rate:
//! Zoom counts arrivals per second, and network jitter bunches them, so a bucket that allowed a
//! burst (or spacing exactly at the limit) would meet 429s. One chain waiting `latency` per page
//! is not slowed at all unless latency < 1 / rate.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// 2% under the limit.
const SECOND_WITH_MARGIN: Duration = Duration::from_millis(1020);

pub(crate) struct RateLimiter {
    /// `None`: no client-side limit.
    interval: Option<Duration>,
    /// The earliest instant the next request may start.
    next_slot: Mutex<Instant>,
}

impl RateLimiter {
    pub fn new(per_second: u32) -> Self {
        Self {
            interval: (per_second > 0).then(|| SECOND_WITH_MARGIN / per_second),
            next_slot: Mutex::new(Instant::now()),
        }
    }

    /// Books the next slot and says how long to wait for it.
    pub fn reserve(&self) -> Duration {
        self.reserve_at(Instant::now())
    }

    fn reserve_at(&self, now: Instant) -> Duration {
        let Some(interval) = self.interval else {
            return Duration::ZERO;
        };
        let mut next_slot = self.next_slot.lock().unwrap_or_else(|e| e.into_inner());
        let slot = (*next_slot).max(now);
        *next_slot = slot + interval;
        slot - now
    }

    /// After a 429 every request of this client waits, not just the one that was refused.
    pub fn hold_for(&self, wait: Duration) {
        let until = Instant::now() + wait;
        let mut next_slot = self.next_slot.lock().unwrap_or_else(|e| e.into_inner());
        *next_slot = (*next_slot).max(until);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_spaced_a_little_wider_than_one_over_the_rate() {
        let limiter = RateLimiter::new(10);
        let now = Instant::now() + Duration::from_secs(1);
        let waits: Vec<_> = (0..4).map(|_| limiter.reserve_at(now)).collect();
        let ms = |n| Duration::from_millis(n);
        assert_eq!(waits, vec![ms(0), ms(102), ms(204), ms(306)]);
    }

    #[test]
    fn idle_time_is_not_banked_as_a_burst() {
        let limiter = RateLimiter::new(20);
        let later = Instant::now() + Duration::from_secs(10);
        assert_eq!(limiter.reserve_at(later), Duration::ZERO);
        assert_eq!(limiter.reserve_at(later), Duration::from_millis(51));
    }

    #[test]
    fn zero_means_unlimited() {
        let limiter = RateLimiter::new(0);
        assert!((0..100).all(|_| limiter.reserve().is_zero()));
    }

    #[test]
    fn a_hold_delays_the_next_slot() {
        let limiter = RateLimiter::new(10);
        limiter.hold_for(Duration::from_secs(60));
        assert!(limiter.reserve() > Duration::from_secs(50));
    }
}
