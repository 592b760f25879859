//! What a fetch reports while it runs, and the plumbing that turns a fetch into a `Stream`.
//!
//! A fetch is written as ordinary async code that *emits* events; `event_stream` polls that code
//! inside the stream itself (no spawned task), so dropping the stream drops the fetch mid-flight.

use std::future::Future;
use std::time::Duration;

use futures::{Stream, StreamExt};
use tokio::sync::mpsc;

use crate::error::Error;
use crate::models::PhoneUser;

#[derive(Debug, Clone, PartialEq)]
pub enum FetchEvent {
    /// Users never yielded before in this fetch, and the best known total for the whole fetch.
    Users { users: Vec<PhoneUser>, total: u32 },
    /// Waiting for Zoom's rate limit (a 429 or the client-side limiter's own wait > ~1 s).
    RateLimited { wait: Duration },
    /// A transient failure (5xx, timeout, reset, expired page token, 401 token refresh) is being
    /// retried.
    Retrying {
        reason: String,
        attempt: u32,
        wait: Duration,
    },
}

type Item = Result<FetchEvent, Error>;

/// Where a fetch sends its events; calls that are not streams (`sites`, `check_connection`)
/// use `Emitter::discard`.
#[derive(Clone)]
pub(crate) struct Emitter(Option<mpsc::Sender<Item>>);

impl Emitter {
    pub fn discard() -> Self {
        Self(None)
    }

    pub async fn emit(&self, event: FetchEvent) {
        match &self.0 {
            // The receiver only goes away with the stream, which also drops this fetch.
            Some(sender) => drop(sender.send(Ok(event)).await),
            None => tracing::debug!(?event, "fetch event"),
        }
    }
}

/// Runs `fetch` as the body of a stream: its events in order, then its error if it failed.
pub(crate) fn event_stream<F, Fut>(fetch: F) -> impl Stream<Item = Item> + Send + Unpin + 'static
where
    F: FnOnce(Emitter) -> Fut,
    Fut: Future<Output = Result<(), Error>> + Send + 'static,
{
    // One slot: the fetch runs at most one event ahead of its consumer.
    let (sender, mut receiver) = mpsc::channel(1);
    let run = fetch(Emitter(Some(sender.clone())));
    let driver = futures::stream::once(async move {
        if let Err(error) = run.await {
            // Through the channel, so the error comes after every event emitted before it.
            drop(sender.send(Err(error)).await);
        }
    })
    .filter_map(|()| async { None });
    let events = futures::stream::poll_fn(move |cx| receiver.poll_recv(cx));
    Box::pin(futures::stream::select(events, driver))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::*;

    fn users(n: u32) -> FetchEvent {
        FetchEvent::Users {
            users: Vec::new(),
            total: n,
        }
    }

    #[tokio::test]
    async fn events_then_error_in_order() {
        let stream = event_stream(|emit| async move {
            emit.emit(users(1)).await;
            emit.emit(users(2)).await;
            Err(Error::Offline { tracking_id: None })
        });
        let items: Vec<_> = stream.collect().await;
        assert_eq!(
            items,
            vec![
                Ok(users(1)),
                Ok(users(2)),
                Err(Error::Offline { tracking_id: None })
            ]
        );
    }

    #[tokio::test]
    async fn a_successful_fetch_ends_the_stream() {
        let stream = event_stream(|emit| async move {
            emit.emit(users(7)).await;
            Ok(())
        });
        assert_eq!(stream.collect::<Vec<_>>().await, vec![Ok(users(7))]);
    }

    #[tokio::test]
    async fn dropping_the_stream_drops_the_fetch() {
        struct SetOnDrop(Arc<AtomicBool>);
        impl Drop for SetOnDrop {
            fn drop(&mut self) {
                self.0.store(true, Ordering::SeqCst);
            }
        }
        let dropped = Arc::new(AtomicBool::new(false));
        let guard = SetOnDrop(dropped.clone());
        let mut stream = event_stream(move |emit| async move {
            let _guard = guard;
            emit.emit(users(1)).await;
            futures::future::pending::<()>().await;
            Ok(())
        });
        assert_eq!(stream.next().await, Some(Ok(users(1))));
        assert!(!dropped.load(Ordering::SeqCst));
        drop(stream);
        assert!(
            dropped.load(Ordering::SeqCst),
            "the fetch must not outlive its stream"
        );
    }
}
