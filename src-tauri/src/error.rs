//! The one error type that crosses IPC: what went wrong in words for a person, the one thing to do, and
//! Zoom's tracking ID for a support ticket. Never carries a secret.

use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Serialize, Type)]
pub struct ErrorDetail {
    pub message: String,
    pub hint: Option<String>,
    pub tracking_id: Option<String>,
}

/// Tagged by `kind` so the UI can pick a screen (e.g. back to the connect form for `credentials`).
#[derive(Debug, Clone, Serialize, Type, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AppError {
    #[error("{}", .0.message)]
    Credentials(ErrorDetail),
    #[error("{}", .0.message)]
    Permission(ErrorDetail),
    #[error("{}", .0.message)]
    Zoom(ErrorDetail),
    #[error("{}", .0.message)]
    Network(ErrorDetail),
    #[error("{}", .0.message)]
    Profile(ErrorDetail),
    /// Saving would replace a profile of the same name: the UI asks before it does.
    #[error("{}", .0.message)]
    ProfileExists(ErrorDetail),
    #[error("{}", .0.message)]
    Keychain(ErrorDetail),
    /// The web view asked for something out of bounds (a path, a name, a size): refused, in words.
    #[error("{}", .0.message)]
    InvalidRequest(ErrorDetail),
    #[error("{}", .0.message)]
    Export(ErrorDetail),
    #[error("{}", .0.message)]
    Busy(ErrorDetail),
    #[error("{}", .0.message)]
    NotLoaded(ErrorDetail),
    #[error("{}", .0.message)]
    Update(ErrorDetail),
    #[error("{}", .0.message)]
    Internal(ErrorDetail),
}

pub type AppResult<T> = Result<T, AppError>;

fn detail(
    message: impl Into<String>,
    hint: Option<String>,
    tracking_id: Option<String>,
) -> ErrorDetail {
    ErrorDetail {
        message: message.into(),
        hint,
        tracking_id,
    }
}

impl AppError {
    pub fn detail(&self) -> &ErrorDetail {
        match self {
            AppError::Credentials(d)
            | AppError::Permission(d)
            | AppError::Zoom(d)
            | AppError::Network(d)
            | AppError::Profile(d)
            | AppError::ProfileExists(d)
            | AppError::Keychain(d)
            | AppError::InvalidRequest(d)
            | AppError::Export(d)
            | AppError::Busy(d)
            | AppError::NotLoaded(d)
            | AppError::Update(d)
            | AppError::Internal(d) => d,
        }
    }

    pub fn busy() -> Self {
        AppError::Busy(detail(
            "A load is already running.",
            Some("Wait for it to finish, or cancel it first.".into()),
            None,
        ))
    }

    pub fn not_loaded() -> Self {
        AppError::NotLoaded(detail(
            "No account is open yet.",
            Some("Choose an account or try the demo account.".into()),
            None,
        ))
    }

    pub fn update(message: impl Into<String>, hint: &str) -> Self {
        AppError::Update(detail(message, Some(hint.into()), None))
    }

    pub fn invalid_request(message: impl Into<String>) -> Self {
        AppError::InvalidRequest(detail(message, None, None))
    }

    pub fn internal(message: impl Into<String>) -> Self {
        AppError::Internal(detail(message, None, None))
    }
}

impl From<zoom::Error> for AppError {
    fn from(error: zoom::Error) -> Self {
        let d = detail(
            error.to_string(),
            Some(error.hint()),
            error.tracking_id().map(str::to_owned),
        );
        match error.kind() {
            zoom::ErrorKind::Credentials => AppError::Credentials(d),
            zoom::ErrorKind::Permission => AppError::Permission(d),
            zoom::ErrorKind::Zoom => AppError::Zoom(d),
            zoom::ErrorKind::Network => AppError::Network(d),
        }
    }
}

impl From<roster::profiles::ProfileError> for AppError {
    fn from(error: roster::profiles::ProfileError) -> Self {
        use roster::profiles::ProfileError as E;
        // The profile crate words its errors for a person already; keychain trouble gets its own kind so
        // the UI can explain that the secret store, not Zoom, is the problem.
        let keychain = matches!(
            error,
            E::KeychainUnavailable { .. } | E::KeychainLocked { .. } | E::Keychain { .. }
        );
        let exists = matches!(error, E::AlreadyExists { .. });
        let d = detail(error.to_string(), None, None);
        if keychain {
            AppError::Keychain(d)
        } else if exists {
            AppError::ProfileExists(d)
        } else {
            AppError::Profile(d)
        }
    }
}

impl From<roster::SpecError> for AppError {
    fn from(error: roster::SpecError) -> Self {
        AppError::invalid_request(error.to_string())
    }
}

impl From<crate::commands::export_name::NameError> for AppError {
    fn from(error: crate::commands::export_name::NameError) -> Self {
        AppError::invalid_request(error.to_string())
    }
}

impl From<roster::Error> for AppError {
    fn from(error: roster::Error) -> Self {
        AppError::Export(detail(error.to_string(), None, None))
    }
}
