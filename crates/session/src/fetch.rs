//! Fetching a whole roster from Zoom, page by page, until it is complete, Zoom fails, or the caller
//! stops it: the one loop behind the app's load (progress on a channel, Cancel) and the CLI's
//! (progress on stderr, Ctrl-C and `--timeout`).

use std::future::Future;
use std::time::Duration;

use futures::StreamExt;
use zoom::{FetchEvent, PhoneUser};

/// What a front end shows while a roster loads.
pub trait LoadObserver {
    /// Another page arrived: `loaded` holds every user so far, of the `total` Zoom announced.
    fn users(&mut self, loaded: &[PhoneUser], total: u32);
    /// Zoom's rate limit was reached: the next request waits `wait`.
    fn rate_limited(&mut self, wait: Duration);
    /// A request failed in a way worth retrying: attempt number `attempt` follows after `wait`.
    fn retrying(&mut self, reason: &str, attempt: u32, wait: Duration);
}

/// How a fetch ended.
pub enum Fetched<Stop> {
    /// Every user of the roster.
    Complete(Vec<PhoneUser>),
    /// Zoom failed (after the client's retries); `loaded` users had arrived by then.
    Failed { error: zoom::Error, loaded: usize },
    /// The caller's `stop` finished first, with `why`; `loaded` users had arrived by then.
    Stopped { why: Stop, loaded: usize },
}

/// Fetches every phone user through `client`, telling `observer` as it goes, until the roster is
/// complete, Zoom fails, or `stop` finishes (whichever comes first). Nothing is kept of a fetch
/// that does not complete: a partial roster must never pass for the whole one.
pub async fn fetch_roster<Stop>(
    client: &zoom::Client,
    observer: &mut impl LoadObserver,
    stop: impl Future<Output = Stop>,
) -> Fetched<Stop> {
    let mut users = Vec::new();
    let stream = client.roster();
    futures::pin_mut!(stream);
    futures::pin_mut!(stop);
    loop {
        let next = tokio::select! {
            why = &mut stop => return Fetched::Stopped { why, loaded: users.len() },
            next = stream.next() => next,
        };
        match next {
            None => return Fetched::Complete(users),
            Some(Err(error)) => {
                return Fetched::Failed {
                    error,
                    loaded: users.len(),
                };
            }
            Some(Ok(FetchEvent::Users { users: page, total })) => {
                users.extend(page);
                observer.users(&users, total);
            }
            Some(Ok(FetchEvent::RateLimited { wait })) => observer.rate_limited(wait),
            Some(Ok(FetchEvent::Retrying {
                reason,
                attempt,
                wait,
            })) => observer.retrying(&reason, attempt, wait),
        }
    }
}
