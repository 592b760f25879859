//! Where the client talks to: Zoom, ZoomGov, or any test server (the simulator).

use serde::{Deserialize, Serialize};

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

    /// `path` starts with `/`; a trailing `/` on the base (a common paste) is tolerated.
    pub(crate) fn api_url(&self, path: &str) -> String {
        format!("{}{path}", self.api_base.trim_end_matches('/'))
    }

    /// Both must be http(s) URLs; a typo in an override is caught before any request is made.
    pub(crate) fn validate(&self) -> Result<(), String> {
        for url in [&self.api_base, &self.token_url] {
            let parsed = url::Url::parse(url).map_err(|e| format!("{url:?} is not a URL: {e}"))?;
            if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
                return Err(format!("{url:?} is not an http(s) URL"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
