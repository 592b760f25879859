//! One API call: token, rate limit, send, classify, and retry until it succeeds or cannot.

use std::future::Future;
use std::time::Duration;

use serde::de::DeserializeOwned;

use crate::auth::{self, AccessToken};
use crate::classify;
use crate::client::Client;
use crate::error::Error;
use crate::events::{Emitter, FetchEvent};
use crate::receive;
use crate::retry::{Failure, Retrier, Retry};

/// A client-side wait longer than this is reported, so a UI can say why nothing moves.
const NOTICEABLE_WAIT: Duration = Duration::from_secs(1);

impl Client {
    /// `GET {api_base}{path}?{query}` parsed as `T`, retried per the client's options.
    pub(crate) async fn get_json<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
        emit: &Emitter,
    ) -> Result<T, Error> {
        let url = self.inner.endpoints.api_url(path);
        self.retrying(emit, || self.get_once(&url, query, emit))
            .await
    }

    async fn get_once<T: DeserializeOwned>(
        &self,
        url: &str,
        query: &[(&str, String)],
        emit: &Emitter,
    ) -> Result<T, Failure> {
        let token = self.access_token(emit).await.map_err(Failure::fatal)?;
        self.wait_for_rate_limit(emit).await;
        let request = self
            .inner
            .http
            .get(url)
            .query(query)
            .bearer_auth(token.expose());
        let limit = self.inner.options.max_response_bytes;
        let received = receive::receive(request, limit).await?;
        if !received.status.is_success() {
            return Err(classify::api_answer(&received.answer(), token.generation));
        }
        serde_json::from_slice(&received.body).map_err(|_| {
            classify::unreadable(received.status, &received.headers, "not the JSON expected")
        })
    }

    async fn access_token(&self, emit: &Emitter) -> Result<AccessToken, Error> {
        let inner = &self.inner;
        let fetch = || {
            self.retrying(emit, || {
                auth::request_token(&inner.http, &inner.endpoints.token_url, &inner.credentials)
            })
        };
        inner.auth.get(fetch).await
    }

    async fn wait_for_rate_limit(&self, emit: &Emitter) {
        let wait = self.inner.limiter.reserve();
        if wait > NOTICEABLE_WAIT {
            emit.emit(FetchEvent::RateLimited { wait }).await;
        }
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
    }

    /// Runs `attempt` until it succeeds, telling `emit` about every wait in between.
    async fn retrying<T, F, Fut>(&self, emit: &Emitter, mut attempt: F) -> Result<T, Error>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, Failure>>,
    {
        let mut retrier = Retrier::new(&self.inner.options);
        loop {
            let failure = match attempt().await {
                Ok(value) => return Ok(value),
                Err(failure) => failure,
            };
            let Some(step) = retrier.next(&failure) else {
                return Err(failure.error);
            };
            match failure.retry {
                Retry::RefreshToken { generation } => self.inner.auth.invalidate(generation).await,
                Retry::RateLimited { .. } => self.inner.limiter.hold_for(step.wait),
                Retry::Never | Retry::Transient { .. } => {}
            }
            tracing::info!(event = ?step.event, "retrying a request to Zoom");
            emit.emit(step.event).await;
            tokio::time::sleep(step.wait).await;
        }
    }
}
