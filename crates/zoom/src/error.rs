//! The one error type of the crate: each variant is a sentence a Zoom admin can act on, plus the
//! `x-zm-trackingid` Zoom support asks for.

/// The granular scope `GET /phone/users` needs (the classic equivalent is `phone:read:admin`).
pub const USERS_SCOPE: &str = "phone:read:list_users:admin";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("Zoom did not accept the Client ID and Client secret.")]
    InvalidCredentials { tracking_id: Option<String> },
    #[error("The Zoom app is missing the scope {scope}.")]
    MissingScope {
        scope: String,
        tracking_id: Option<String>,
    },
    #[error("Zoom Phone is not set up on this Zoom account.")]
    PhoneNotEnabled { tracking_id: Option<String> },
    #[error("Zoom does not know this Account ID.")]
    AccountNotFound { tracking_id: Option<String> },
    #[error("Zoom refused to list the users of a site this app may not see: {message}")]
    SitePermission {
        message: String,
        tracking_id: Option<String>,
    },
    #[error("Zoom kept answering that its rate limit was reached.")]
    RateLimited { tracking_id: Option<String> },
    #[error("Zoom could not be reached.")]
    Offline { tracking_id: Option<String> },
    #[error("A secure connection to Zoom could not be established.")]
    Tls { tracking_id: Option<String> },
    #[error("Zoom did not answer in time.")]
    Timeout { tracking_id: Option<String> },
    #[error("Zoom sent an answer that could not be read (HTTP {status}).")]
    UnreadableResponse {
        status: u16,
        tracking_id: Option<String>,
    },
    #[error(
        "Zoom's list did not end: {why}. Phone Roster stopped after {pages} pages rather than \
         ask forever."
    )]
    EndlessPages { pages: u32, why: &'static str },
    #[error(
        "Zoom listed more than {limit} phone users, more than Phone Roster loads at once: it \
         stopped rather than fill this computer's memory. Export one site or status at a time."
    )]
    TooManyUsers { limit: u32 },
    #[error(
        "Zoom sent an answer larger than {limit_mb} MB, far more than a page of users needs; \
         Phone Roster stopped reading it."
    )]
    ResponseTooLarge {
        limit_mb: u64,
        tracking_id: Option<String>,
    },
    #[error(
        "Phone Roster sends the client secret and access tokens only to Zoom, and {url} is neither \
         Zoom's own address (https on zoom.us or zoomgov.com) nor this computer: nothing was sent."
    )]
    UntrustedEndpoint { url: String },
    #[error("Zoom answered with an error (HTTP {status}{}): {message}", code_suffix(*.code))]
    Api {
        status: u16,
        code: Option<i64>,
        message: String,
        tracking_id: Option<String>,
    },
}

/// Which exit code / screen an error belongs to; the CLI maps Credentials and Permission to exit 3,
/// Zoom and Network to exit 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    Credentials,
    Permission,
    Zoom,
    Network,
}

fn code_suffix(code: Option<i64>) -> String {
    code.map(|c| format!(", code {c}")).unwrap_or_default()
}

impl Error {
    pub fn tracking_id(&self) -> Option<&str> {
        match self {
            Error::InvalidCredentials { tracking_id }
            | Error::MissingScope { tracking_id, .. }
            | Error::PhoneNotEnabled { tracking_id }
            | Error::AccountNotFound { tracking_id }
            | Error::SitePermission { tracking_id, .. }
            | Error::RateLimited { tracking_id }
            | Error::Offline { tracking_id }
            | Error::Tls { tracking_id }
            | Error::Timeout { tracking_id }
            | Error::UnreadableResponse { tracking_id, .. }
            | Error::ResponseTooLarge { tracking_id, .. }
            | Error::Api { tracking_id, .. } => tracking_id.as_deref(),
            Error::UntrustedEndpoint { .. }
            | Error::EndlessPages { .. }
            | Error::TooManyUsers { .. } => None,
        }
    }

    /// The one thing the admin should do next.
    pub fn hint(&self) -> String {
        match self {
            Error::InvalidCredentials { .. } => "Copy the Account ID, Client ID and Client secret again \
                from your Server-to-Server OAuth app in the Zoom Marketplace (App Credentials page)."
                .into(),
            Error::MissingScope { scope, .. } => format!(
                "Add the scope {scope} on the Scopes page of your Zoom Marketplace app, \
                 then try again."
            ),
            Error::PhoneNotEnabled { .. } => "Make sure the account has Zoom Phone licences and \
                Zoom Phone is set up in the Zoom admin portal."
                .into(),
            Error::AccountNotFound { .. } => "Check the Account ID: copy it from the App Credentials \
                page of your Server-to-Server OAuth app."
                .into(),
            Error::SitePermission { .. } => "Choose a site this app's admin role covers, or ask a Zoom \
                admin to extend the role to every site."
                .into(),
            Error::RateLimited { .. } => "Wait a few minutes and try again; other apps on the account \
                share Zoom's rate limit."
                .into(),
            Error::Offline { .. } => "Check the internet connection, proxy or firewall, \
                then try again."
                .into(),
            Error::Tls { .. } => "Check the computer's date and time, and any proxy that inspects \
                secure connections."
                .into(),
            Error::Timeout { .. } => "Try again in a few minutes; if it keeps happening, check the \
                network connection."
                .into(),
            Error::UntrustedEndpoint { .. } => "Remove the setting that names this address \
                (ZOOM_API_BASE_URL, ZOOM_OAUTH_TOKEN_URL, PHONE_ROSTER_API_BASE_URL or \
                PHONE_ROSTER_OAUTH_TOKEN_URL), or save the connection profile again."
                .into(),
            Error::TooManyUsers { .. } => "Export one site at a time (`phone-roster export \
                --site NAME`), or contact support if the account really is this large."
                .into(),
            Error::UnreadableResponse { .. }
            | Error::ResponseTooLarge { .. }
            | Error::EndlessPages { .. }
            | Error::Api { .. } => "Try again later; if it keeps happening, contact Zoom support \
                with the tracking id."
                .into(),
        }
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidCredentials { .. }
            | Error::AccountNotFound { .. }
            | Error::UntrustedEndpoint { .. } => ErrorKind::Credentials,
            Error::MissingScope { .. }
            | Error::PhoneNotEnabled { .. }
            | Error::SitePermission { .. } => ErrorKind::Permission,
            Error::Api { status: 401, .. } => ErrorKind::Credentials,
            Error::Api { status: 403, .. } => ErrorKind::Permission,
            Error::RateLimited { .. }
            | Error::UnreadableResponse { .. }
            | Error::ResponseTooLarge { .. }
            | Error::EndlessPages { .. }
            | Error::TooManyUsers { .. }
            | Error::Api { .. } => ErrorKind::Zoom,
            Error::Offline { .. } | Error::Tls { .. } | Error::Timeout { .. } => ErrorKind::Network,
        }
    }

    /// Zoom's "The next page token is invalid or expired." (400 with code 300 or 400).
    pub(crate) fn is_expired_page_token(&self) -> bool {
        matches!(self, Error::Api { status: 400, code: Some(300 | 400), message, .. }
            if message.to_ascii_lowercase().contains("page token"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_scope_names_the_scope_and_where_to_add_it() {
        let error = Error::MissingScope {
            scope: USERS_SCOPE.into(),
            tracking_id: None,
        };
        assert!(error.to_string().contains(USERS_SCOPE));
        assert!(error.hint().contains(USERS_SCOPE) && error.hint().contains("Scopes page"));
        assert_eq!(error.kind(), ErrorKind::Permission);
    }

    #[test]
    fn kinds_split_credentials_permission_zoom_network() {
        let t = None;
        assert_eq!(
            Error::InvalidCredentials {
                tracking_id: t.clone()
            }
            .kind(),
            ErrorKind::Credentials
        );
        assert_eq!(
            Error::AccountNotFound {
                tracking_id: t.clone()
            }
            .kind(),
            ErrorKind::Credentials
        );
        assert_eq!(
            Error::PhoneNotEnabled {
                tracking_id: t.clone()
            }
            .kind(),
            ErrorKind::Permission
        );
        assert_eq!(
            Error::RateLimited {
                tracking_id: t.clone()
            }
            .kind(),
            ErrorKind::Zoom
        );
        assert_eq!(
            Error::Offline {
                tracking_id: t.clone()
            }
            .kind(),
            ErrorKind::Network
        );
        assert_eq!(
            Error::Tls {
                tracking_id: t.clone()
            }
            .kind(),
            ErrorKind::Network
        );
        assert_eq!(
            Error::Timeout {
                tracking_id: t.clone()
            }
            .kind(),
            ErrorKind::Network
        );
        assert_eq!(
            Error::UnreadableResponse {
                status: 502,
                tracking_id: t
            }
            .kind(),
            ErrorKind::Zoom
        );
    }

    #[test]
    fn display_is_one_sentence_with_status_and_code() {
        let unreadable = Error::UnreadableResponse {
            status: 502,
            tracking_id: None,
        };
        assert_eq!(
            unreadable.to_string(),
            "Zoom sent an answer that could not be read (HTTP 502)."
        );
        let api = Error::Api {
            status: 400,
            code: Some(300),
            message: "Bad".into(),
            tracking_id: None,
        };
        assert_eq!(
            api.to_string(),
            "Zoom answered with an error (HTTP 400, code 300): Bad"
        );
        let no_code = Error::Api {
            status: 418,
            code: None,
            message: "Odd".into(),
            tracking_id: None,
        };
        assert_eq!(
            no_code.to_string(),
            "Zoom answered with an error (HTTP 418): Odd"
        );
    }

    #[test]
    fn tracking_id_is_exposed() {
        let error = Error::PhoneNotEnabled {
            tracking_id: Some("v=2.0;clid=us05".into()),
        };
        assert_eq!(error.tracking_id(), Some("v=2.0;clid=us05"));
    }

    #[test]
    fn expired_page_token_is_recognised_by_code_and_message() {
        let expired = |code| Error::Api {
            status: 400,
            code: Some(code),
            message: "The next page token is invalid or expired.".into(),
            tracking_id: None,
        };
        assert!(expired(300).is_expired_page_token());
        assert!(expired(400).is_expired_page_token());
        assert!(!expired(124).is_expired_page_token());
        let other = Error::Api {
            status: 400,
            code: Some(300),
            message: "Bad site".into(),
            tracking_id: None,
        };
        assert!(!other.is_expired_page_token());
    }
}
