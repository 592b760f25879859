//! The client handle: cheap to clone, shares one connection pool, token and rate limiter. What it
//! fetches is added in the modules that fetch it (`roster.rs`, `sites.rs`, `http.rs`), which import
//! this one and never the other way round.

use std::fmt;
use std::sync::Arc;

use crate::auth::TokenCache;
use crate::credentials::Credentials;
use crate::endpoints::Endpoints;
use crate::error::Error;
use crate::events::Emitter;
use crate::models::UsersPage;
use crate::options::ClientOptions;
use crate::rate_limit::RateLimiter;
use crate::tls;

#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub http: reqwest::Client,
    pub credentials: Credentials,
    pub endpoints: Endpoints,
    pub options: ClientOptions,
    pub auth: TokenCache,
    pub limiter: RateLimiter,
}

/// What `check_connection` found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionCheck {
    /// Zoom's `total_records` for the unfiltered user list.
    pub phone_users: u32,
}

impl Client {
    pub fn new(
        credentials: Credentials,
        endpoints: Endpoints,
        options: ClientOptions,
    ) -> Result<Client, Error> {
        let http = tls::http_client(&options, &endpoints)?;
        Self::with_http(credentials, endpoints, options, http)
    }

    /// A client over `http`, made by `tls.rs` (or, in the crate's tests, with the stand-in's root).
    pub(crate) fn with_http(
        credentials: Credentials,
        endpoints: Endpoints,
        options: ClientOptions,
        http: reqwest::Client,
    ) -> Result<Client, Error> {
        endpoints.validate().inspect_err(|error| {
            tracing::warn!(%error, "Zoom endpoint refused");
        })?;
        let inner = Inner {
            http,
            auth: TokenCache::new(options.token_refresh_margin, options.revoked_token_holdoff),
            limiter: RateLimiter::new(options.rate_limit_per_sec),
            credentials,
            endpoints,
            options,
        };
        Ok(Client {
            inner: Arc::new(inner),
        })
    }

    /// Gets a token and one small page: proves the credentials, scope and Zoom Phone all work.
    pub async fn check_connection(&self) -> Result<ConnectionCheck, Error> {
        let query = [("page_size", "1".to_string())];
        let page: UsersPage = self
            .get_json("/phone/users", &query, &Emitter::discard())
            .await?;
        Ok(ConnectionCheck {
            phone_users: page.total_records.unwrap_or_default(),
        })
    }
}

/// Shows where the client points and how, never the secret or the token.
impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("credentials", &self.inner.credentials)
            .field("endpoints", &self.inner.endpoints)
            .field("options", &self.inner.options)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use secrecy::SecretString;

    use super::*;

    #[test]
    fn debug_redacts_the_secret() {
        let credentials = Credentials {
            account_id: "acct".into(),
            client_id: "client".into(),
            client_secret: SecretString::from("s3cr3t-value".to_string()),
        };
        let client = Client::new(credentials, Endpoints::zoom(), ClientOptions::default()).unwrap();
        let debug = format!("{client:?}");
        assert!(!debug.contains("s3cr3t"), "{debug}");
        assert!(debug.contains("acct") && debug.contains("api.zoom.us"));
    }

    #[test]
    fn a_mistyped_endpoint_is_refused_up_front() {
        let credentials = Credentials {
            account_id: "a".into(),
            client_id: "c".into(),
            client_secret: SecretString::from("s".to_string()),
        };
        let endpoints = Endpoints::custom("localhost:8080/v2", "http://127.0.0.1/oauth/token");
        let refused = Client::new(credentials, endpoints, ClientOptions::default());
        assert!(
            matches!(&refused, Err(Error::UntrustedEndpoint { url }) if url == "localhost:8080/v2"),
            "{refused:?}"
        );
    }
}
