//! The HTTP client: rustls with the `ring` provider (no aws-lc-sys to build) and the operating
//! system's trust store, so corporate TLS-inspecting proxies trusted by the OS keep working.

use std::sync::Arc;

use rustls_platform_verifier::BuilderVerifierExt;

use crate::error::Error;
use crate::options::ClientOptions;

pub(crate) fn http_client(options: &ClientOptions) -> Result<reqwest::Client, Error> {
    let tls_failed = |error: &dyn std::fmt::Display| {
        tracing::warn!(%error, "could not set up TLS");
        Error::Tls { tracking_id: None }
    };
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| tls_failed(&e))?
        .with_platform_verifier()
        .map_err(|e| tls_failed(&e))?
        .with_no_client_auth();
    // A preconfigured config is used as is, so offer HTTP/2 ourselves.
    tls.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    reqwest::Client::builder()
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
        http_client(&ClientOptions::default()).expect("client builds");
    }
}
