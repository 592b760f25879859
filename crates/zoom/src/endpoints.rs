//! Where the client talks to: Zoom, ZoomGov, or any test server (the simulator).

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// Zoom's own domains (zoom.us and Zoom for Government), with any of their subdomains.
const ZOOM_DOMAINS: [&str; 2] = ["zoom.us", "zoomgov.com"];

fn is_zoom_host(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    ZOOM_DOMAINS
        .iter()
        .any(|domain| host == *domain || host.ends_with(&format!(".{domain}")))
}

/// `127.0.0.0/8`, `::1` or `localhost`: this computer, where nothing can be overheard.
pub fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// An address a secret or a token may go to: `https` on Zoom's hosts, or http(s) on this computer.
pub(crate) fn is_trusted(url: &url::Url) -> bool {
    let web = matches!(url.scheme(), "http" | "https");
    let zoom = url.scheme() == "https" && url.host_str().is_some_and(is_zoom_host);
    web && (zoom || is_loopback(url))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoints {
    /// The REST base including `/v2`, e.g. `https://api.zoom.us/v2`.
    pub api_base: String,
    /// The full OAuth token URL, e.g. `https://zoom.us/oauth/token`.
    pub token_url: String,
}

impl Endpoints {
    pub fn zoom() -> Self {
        Self::custom("https://api.zoom.us/v2", "https://zoom.us/oauth/token")
    }

    pub fn zoomgov() -> Self {
        Self::custom(
            "https://api.zoomgov.com/v2",
            "https://zoomgov.com/oauth/token",
        )
    }

    pub fn custom(api_base: impl Into<String>, token_url: impl Into<String>) -> Self {
        Self {
            api_base: api_base.into(),
            token_url: token_url.into(),
        }
    }

    /// Both addresses on this computer: the simulator, the demo or a test server.
    pub fn is_local(&self) -> bool {
        [&self.api_base, &self.token_url]
            .into_iter()
            .all(|url| url::Url::parse(url).is_ok_and(|parsed| is_loopback(&parsed)))
    }

    /// Either address on this computer: the client then never goes through a proxy.
    pub(crate) fn any_local(&self) -> bool {
        [&self.api_base, &self.token_url]
            .into_iter()
            .any(|url| url::Url::parse(url).is_ok_and(|parsed| is_loopback(&parsed)))
    }

    /// `path` starts with `/`; a trailing `/` on the base (a common paste) is tolerated.
    pub(crate) fn api_url(&self, path: &str) -> String {
        format!("{}{path}", self.api_base.trim_end_matches('/'))
    }

    /// A secret goes only to Zoom: each address must be `https` on Zoom's own hosts, or any
    /// http(s) address on this computer (the simulator, the demo, test servers). Whatever named the
    /// address (an environment variable, a planted profiles.json), nothing is sent elsewhere.
    pub(crate) fn validate(&self) -> Result<(), Error> {
        for url in [&self.api_base, &self.token_url] {
            if !url::Url::parse(url).is_ok_and(|parsed| is_trusted(&parsed)) {
                return Err(Error::UntrustedEndpoint { url: url.clone() });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redirect_or_an_endpoint_may_lead_only_to_zoom_over_https_or_to_this_computer() {
        let trusted = |url: &str| is_trusted(&url::Url::parse(url).unwrap());
        assert!(trusted("https://zoom.us/oauth/token"));
        assert!(trusted("https://api.zoomgov.com/v2"));
        assert!(trusted("http://127.0.0.1:8080/v2"));
        assert!(trusted("http://[::1]:8080/v2"));
        assert!(!trusted("http://zoom.us/oauth/token"));
        assert!(!trusted("https://zoom.us.example.com/oauth/token"));
        assert!(!trusted("https://proxy.example.com/"));
        assert!(!trusted("ftp://127.0.0.1/"));
    }

    #[test]
    fn a_client_with_any_address_on_this_computer_is_local() {
        let mixed = Endpoints::custom("http://127.0.0.1:9/v2", "https://zoom.us/oauth/token");
        assert!(mixed.any_local());
        assert!(!mixed.is_local());
        assert!(!Endpoints::zoom().any_local());
        let sim = Endpoints::custom("http://127.0.0.1:9/v2", "http://localhost:9/oauth/token");
        assert!(sim.is_local() && sim.any_local());
        assert!(!Endpoints::zoom().is_local());
    }

    #[test]
    fn api_urls_join_without_double_slashes() {
        assert_eq!(
            Endpoints::zoom().api_url("/phone/users"),
            "https://api.zoom.us/v2/phone/users"
        );
        let sim = Endpoints::custom(
            "http://127.0.0.1:8080/v2/",
            "http://127.0.0.1:8080/oauth/token",
        );
        assert_eq!(
            sim.api_url("/phone/sites"),
            "http://127.0.0.1:8080/v2/phone/sites"
        );
    }

    #[test]
    fn zoomgov_uses_its_own_hosts() {
        let gov = Endpoints::zoomgov();
        assert!(gov.api_base.contains("zoomgov.com") && gov.token_url.contains("zoomgov.com"));
    }

    #[test]
    fn secrets_go_only_to_zoom_or_this_computer() {
        let token = "https://zoom.us/oauth/token";
        for api in [
            "https://api.zoom.us/v2",
            "https://api.zoomgov.com/v2",
            "https://eu01.api.zoom.us/v2",
            "http://127.0.0.1:8080/v2",
            "http://127.4.5.6/v2",
            "http://[::1]:9/v2",
            "http://localhost:8080/v2",
        ] {
            assert!(Endpoints::custom(api, token).validate().is_ok(), "{api}");
        }
        for api in [
            "http://api.zoom.us/v2",
            "https://zoom.us.evil.example/v2",
            "https://evilzoom.us/v2",
            "https://10.0.0.5/v2",
            "https://proxy.corp.example/v2",
            "ftp://127.0.0.1/v2",
        ] {
            let refused = Endpoints::custom(api, token).validate();
            assert_eq!(
                refused,
                Err(Error::UntrustedEndpoint { url: api.into() }),
                "{api}"
            );
        }
        // The token address alone must not take a saved profile's secret elsewhere either.
        let sim = Endpoints::custom(
            "http://127.0.0.1:8080/v2",
            "https://collector.example/token",
        );
        assert!(sim.validate().is_err());
    }

    #[test]
    fn invalid_urls_are_rejected() {
        assert!(Endpoints::zoom().validate().is_ok());
        let sim = "http://127.0.0.1:8080/oauth/token";
        assert!(
            Endpoints::custom("http://127.0.0.1:8080/v2", sim)
                .validate()
                .is_ok()
        );
        assert!(
            Endpoints::custom("localhost:8080/v2", sim)
                .validate()
                .is_err()
        );
        assert!(
            Endpoints::custom("http://127.0.0.1:8080/v2", "token")
                .validate()
                .is_err()
        );
    }
}
