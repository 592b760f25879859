//! Zoom's per-second rate limit: at most `limit` admitted requests in any one-second window.

use std::collections::VecDeque;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

const WINDOW: Duration = Duration::from_secs(1);

#[derive(Default)]
pub(crate) struct RateWindow {
    admitted: Mutex<VecDeque<Instant>>,
}

impl RateWindow {
    /// Admits the request and says how many more the window has room for, or says how long until
    /// it has room again.
    pub fn admit(&self, limit: u32) -> Result<u32, Duration> {
        let now = Instant::now();
        let mut admitted = self.admitted.lock().unwrap_or_else(PoisonError::into_inner);
        while admitted
            .front()
            .is_some_and(|t| now.duration_since(*t) >= WINDOW)
        {
            admitted.pop_front();
        }
        if admitted.len() < limit as usize {
            admitted.push_back(now);
            return Ok(limit - admitted.len() as u32);
        }
        let oldest = admitted.front().copied().unwrap_or(now);
        Err(WINDOW.saturating_sub(now.duration_since(oldest)))
    }
}
