//! What a connection profile is, and which names and IDs it accepts.

use serde::{Deserialize, Serialize};

use super::ProfileError;

/// The profile the CLI and the app use when none is named.
pub const DEFAULT_PROFILE: &str = "default";

/// Long enough for "Acme EMEA production (read-only)", short enough for a menu and a keychain
/// entry name.
pub const MAX_NAME_CHARS: usize = 64;

/// Which Zoom the account lives in; decides the API and OAuth endpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Cloud {
    /// zoom.us
    #[default]
    Zoom,
    /// Zoom for Government (zoomgov.com)
    ZoomGov,
}

impl Cloud {
    pub fn endpoints(self) -> zoom::Endpoints {
        match self {
            Cloud::Zoom => zoom::Endpoints::zoom(),
            Cloud::ZoomGov => zoom::Endpoints::zoomgov(),
        }
    }
}

impl std::fmt::Display for Cloud {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Cloud::Zoom => "Zoom",
            Cloud::ZoomGov => "ZoomGov",
        })
    }
}

/// A saved connection to one Zoom account through a Server-to-Server OAuth app. The client
/// secret is not here: it is in the keychain, under the profile's name. Serialized as is into
/// the profiles file (see metadata.rs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    pub account_id: String,
    pub client_id: String,
    pub cloud: Cloud,
    /// Replaces the cloud's endpoints, e.g. for the simulator or a test server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoints: Option<zoom::Endpoints>,
}

impl Profile {
    /// A profile on `cloud`'s own endpoints.
    pub fn new(
        name: impl Into<String>,
        account_id: impl Into<String>,
        client_id: impl Into<String>,
        cloud: Cloud,
    ) -> Self {
        Profile {
            name: name.into(),
            account_id: account_id.into(),
            client_id: client_id.into(),
            cloud,
            endpoints: None,
        }
    }

    /// The endpoints to connect to: the override if there is one, else the cloud's.
    pub fn effective_endpoints(&self) -> zoom::Endpoints {
        self.endpoints
            .clone()
            .unwrap_or_else(|| self.cloud.endpoints())
    }

    pub(super) fn validate(&self) -> Result<(), ProfileError> {
        validate_name(&self.name)?;
        validate_id("Account ID", &self.account_id)?;
        validate_id("Client ID", &self.client_id)
    }
}

pub(super) fn validate_name(name: &str) -> Result<(), ProfileError> {
    let reason = if name.trim().is_empty() {
        "it is empty"
    } else if name.chars().count() > MAX_NAME_CHARS {
        "it is longer than 64 characters"
    } else if name.trim() != name {
        "it starts or ends with a space"
    } else if name.chars().any(char::is_control) {
        "it contains a line break or another control character"
    } else {
        return Ok(());
    };
    Err(ProfileError::InvalidName {
        name: name.to_owned(),
        reason,
    })
}

/// Zoom's Account and Client IDs are about 22 characters; anything past this is not one.
pub const MAX_ID_CHARS: usize = 128;

/// Zoom's IDs are short runs of letters, digits, `-` and `_`; whitespace means a bad paste.
fn validate_id(field: &'static str, value: &str) -> Result<(), ProfileError> {
    let problem = if value.is_empty() {
        "is empty"
    } else if value.chars().count() > MAX_ID_CHARS {
        "is longer than 128 characters, which no Zoom ID is"
    } else if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        "contains spaces or line breaks"
    } else {
        return Ok(());
    };
    Err(ProfileError::InvalidField { field, problem })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(name: &str) -> Profile {
        Profile::new(name, "acct-1", "client-1", Cloud::Zoom)
    }

    #[test]
    fn accepts_ordinary_names() {
        for name in [
            "default",
            "Acme EMEA (prod)",
            "Zoom Gov – Öffentlich",
            &"x".repeat(64),
        ] {
            assert!(
                profile(name).validate().is_ok(),
                "{name:?} should be accepted"
            );
        }
    }

    #[test]
    fn rejects_names_an_admin_could_not_tell_apart_or_type() {
        for name in [
            "",
            "   ",
            " padded",
            "padded ",
            "two\nlines",
            "tab\there",
            &"x".repeat(65),
        ] {
            let error = profile(name).validate().unwrap_err();
            assert!(
                matches!(error, ProfileError::InvalidName { .. }),
                "{name:?}: {error}"
            );
        }
    }

    #[test]
    fn rejects_empty_or_badly_pasted_ids() {
        let mut p = profile("p");
        p.account_id = String::new();
        assert!(
            p.validate()
                .unwrap_err()
                .to_string()
                .contains("Account ID is empty")
        );
        let mut p = profile("p");
        p.client_id = "abc \n".into();
        assert!(
            p.validate()
                .unwrap_err()
                .to_string()
                .contains("Client ID contains spaces")
        );
        let mut p = profile("p");
        p.client_id = "a".repeat(MAX_ID_CHARS);
        p.validate().expect("an ID of the longest length");
        p.account_id = "a".repeat(MAX_ID_CHARS + 1);
        assert!(
            p.validate()
                .unwrap_err()
                .to_string()
                .contains("Account ID is longer than 128 characters")
        );
    }

    #[test]
    fn override_wins_over_the_cloud() {
        let mut p = profile("p");
        p.cloud = Cloud::ZoomGov;
        assert_eq!(p.effective_endpoints(), zoom::Endpoints::zoomgov());
        p.endpoints = Some(zoom::Endpoints::custom(
            "http://127.0.0.1:9/v2",
            "http://127.0.0.1:9/oauth/token",
        ));
        assert_eq!(p.effective_endpoints().api_base, "http://127.0.0.1:9/v2");
    }
}
