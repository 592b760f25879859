//! The HTTP client: rustls with the `ring` provider (no aws-lc-sys to build) and the operating
//! system's trust store, so corporate TLS-inspecting proxies trusted by the OS keep working.
//!
//! Where the secret may travel is decided here as well as in `Endpoints::validate`: a client for
//! addresses on this computer never goes through a proxy (`HTTP_PROXY` on a corporate machine would
//! otherwise receive the token request, Basic credentials and all, in clear text), `localhost` is
//! 127.0.0.1 whatever DNS or a hosts file says, and a redirect is followed only to an address the
//! endpoint rules accept.

use std::sync::Arc;

use rustls_platform_verifier::BuilderVerifierExt;

use crate::endpoints::{self, Endpoints};
use crate::error::Error;
use crate::options::ClientOptions;

/// The loopback address `localhost` always means here (the port comes from the URL).
const LOCALHOST: std::net::SocketAddr =
    std::net::SocketAddr::new(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST), 0);

/// How many redirects to trusted addresses are followed before giving up.
const MAX_REDIRECTS: usize = 5;

fn tls_failed(error: &dyn std::fmt::Display) -> Error {
    tracing::warn!(%error, "could not set up TLS");
    Error::Tls { tracking_id: None }
}

fn tls_config() -> Result<rustls::ConfigBuilder<rustls::ClientConfig, rustls::WantsVerifier>, Error>
{
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| tls_failed(&e))
}

pub(crate) fn http_client(
    options: &ClientOptions,
    endpoints: &Endpoints,
) -> Result<reqwest::Client, Error> {
    let tls = tls_config()?
        .with_platform_verifier()
        .map_err(|e| tls_failed(&e))?
        .with_no_client_auth();
    client_with(tls, reqwest::Client::builder(), options, endpoints)
}

/// The same client trusting only `roots` and going through `proxy`: for the crate's own test of
/// Zoom's addresses behind a proxy (proxy_tests/), whose stand-in's root exists only there.
#[cfg(test)]
pub(crate) fn http_client_trusting(
    roots: rustls::RootCertStore,
    proxy: reqwest::Proxy,
    options: &ClientOptions,
    endpoints: &Endpoints,
) -> Result<reqwest::Client, Error> {
    let tls = tls_config()?
        .with_root_certificates(roots)
        .with_no_client_auth();
    client_with(
        tls,
        reqwest::Client::builder().proxy(proxy),
        options,
        endpoints,
    )
}

fn client_with(
    mut tls: rustls::ClientConfig,
    mut builder: reqwest::ClientBuilder,
    options: &ClientOptions,
    endpoints: &Endpoints,
) -> Result<reqwest::Client, Error> {
    // A preconfigured config is used as is, so offer HTTP/2 ourselves.
    tls.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    if endpoints.any_local() {
        builder = builder.no_proxy();
    }
    builder
        .resolve("localhost", LOCALHOST)
        .redirect(reqwest::redirect::Policy::custom(|attempt| {
            if attempt.previous().len() >= MAX_REDIRECTS {
                attempt.stop()
            } else if endpoints::is_trusted(attempt.url()) {
                attempt.follow()
            } else {
                tracing::warn!(url = %attempt.url(), "refused a redirect to an untrusted address");
                attempt.stop()
            }
        }))
        .tls_backend_preconfigured(tls)
        .timeout(options.request_timeout)
        .connect_timeout(options.connect_timeout)
        .read_timeout(options.read_timeout)
        .user_agent(concat!("phone-roster/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| tls_failed(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_with_the_ring_provider() {
        http_client(&ClientOptions::default(), &Endpoints::zoom()).expect("client builds");
    }
}
