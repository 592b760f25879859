//! The one error type that crosses IPC: what went wrong in words for a person, the one thing to do, and
//! Zoom's tracking ID for a support ticket. Never carries a secret.

use serde::Serialize;
use specta::Type;

/// What went wrong, in words for a person. Serialised flat, `{"kind": "credentials", "message":
/// …, "hint": …, "tracking_id": …}`, so the UI can pick a screen by `kind` (e.g. back to the connect
/// form for `credentials`).
#[derive(Debug, Clone, Serialize, Type, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub kind: AppErrorKind,
    pub message: String,
    /// The one thing to do about it.
    pub hint: Option<String>,
    /// Zoom's ID for the failed request, for a support ticket.
    pub tracking_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum AppErrorKind {
    Credentials,
    Permission,
    Zoom,
    Network,
    Profile,
    /// Saving would replace a profile of the same name: the UI asks before it does.
    ProfileExists,
    Keychain,
    /// The web view asked for something out of bounds (a path, a name, a size): refused, in words.
    InvalidRequest,
    Export,
    Busy,
    NotLoaded,
    Update,
    Internal,
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn new(kind: AppErrorKind, message: impl Into<String>) -> Self {
        AppError {
            kind,
            message: message.into(),
            hint: None,
            tracking_id: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn busy() -> Self {
        AppError::new(AppErrorKind::Busy, "A load is already running.")
            .with_hint("Wait for it to finish, or cancel it first.")
    }

    pub fn not_loaded() -> Self {
        AppError::new(AppErrorKind::NotLoaded, "No account is open yet.")
            .with_hint("Choose an account or try the demo account.")
    }

    pub fn update(message: impl Into<String>, hint: &str) -> Self {
        AppError::new(AppErrorKind::Update, message).with_hint(hint)
    }

    pub fn invalid_request(message: impl Into<String>) -> Self {
        AppError::new(AppErrorKind::InvalidRequest, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        AppError::new(AppErrorKind::Internal, message)
    }
}

impl From<zoom::Error> for AppError {
    fn from(error: zoom::Error) -> Self {
        let kind = match error.kind() {
            zoom::ErrorKind::Credentials => AppErrorKind::Credentials,
            zoom::ErrorKind::Permission => AppErrorKind::Permission,
            zoom::ErrorKind::Zoom => AppErrorKind::Zoom,
            zoom::ErrorKind::Network => AppErrorKind::Network,
        };
        AppError {
            tracking_id: error.tracking_id().map(str::to_owned),
            ..AppError::new(kind, error.to_string()).with_hint(error.hint())
        }
    }
}

impl From<profiles::ProfileError> for AppError {
    fn from(error: profiles::ProfileError) -> Self {
        use profiles::Trouble;
        // The profile crate words its errors for a person already; keychain trouble gets its own kind so
        // the UI can explain that the secret store, not Zoom, is the problem.
        let kind = match error.trouble() {
            Trouble::Keychain => AppErrorKind::Keychain,
            Trouble::AlreadyExists => AppErrorKind::ProfileExists,
            Trouble::Files | Trouble::Profile => AppErrorKind::Profile,
        };
        AppError::new(kind, error.to_string())
    }
}

impl From<roster::SpecError> for AppError {
    fn from(error: roster::SpecError) -> Self {
        AppError::invalid_request(error.to_string())
    }
}

impl From<roster::export::file_name::NameError> for AppError {
    fn from(error: roster::export::file_name::NameError) -> Self {
        AppError::invalid_request(error.to_string())
    }
}

impl From<roster::Error> for AppError {
    fn from(error: roster::Error) -> Self {
        AppError::new(AppErrorKind::Export, error.to_string())
    }
}
