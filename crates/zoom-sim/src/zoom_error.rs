//! Zoom's error answers, with the status codes, codes and wording of the reference page.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// An error answer: an HTTP status and Zoom's JSON body.
#[derive(Debug, Clone)]
pub(crate) struct ZoomError {
    status: StatusCode,
    body: Value,
}

impl ZoomError {
    fn api(status: StatusCode, code: u32, message: impl Into<String>) -> Self {
        let body = json!({ "code": code, "message": message.into() });
        Self { status, body }
    }

    /// The OAuth endpoint's own shape, `{reason, error}`.
    pub fn oauth(status: StatusCode, error: &str, reason: impl Into<String>) -> Self {
        let body = json!({ "reason": reason.into(), "error": error });
        Self { status, body }
    }

    pub fn invalid_client() -> Self {
        Self::oauth(
            StatusCode::BAD_REQUEST,
            "invalid_client",
            "Invalid client_id or client_secret",
        )
    }

    pub fn invalid_access_token() -> Self {
        Self::api(StatusCode::UNAUTHORIZED, 124, "Invalid access token.")
    }

    /// `scopes` in Zoom's order: granular first, then classic.
    pub fn missing_scopes(scopes: &[&str]) -> Self {
        let list = scopes.join(", ");
        let message = format!("Invalid access token, does not contain scopes:[{list}].");
        Self::api(StatusCode::BAD_REQUEST, 4711, message)
    }

    pub fn phone_not_enabled() -> Self {
        Self::api(
            StatusCode::FORBIDDEN,
            403,
            "Zoom Phone has not been enabled for this account.",
        )
    }

    pub fn site_permission() -> Self {
        let message = "The current site does not belong to the target sites.";
        Self::api(StatusCode::BAD_REQUEST, 124, message)
    }

    pub fn page_token_invalid() -> Self {
        Self::api(
            StatusCode::BAD_REQUEST,
            300,
            "The next page token is invalid or expired.",
        )
    }

    pub fn rate_limited() -> Self {
        let message =
            "You have reached the maximum per-second rate limit for this API. Try again later.";
        Self::api(StatusCode::TOO_MANY_REQUESTS, 429, message)
    }

    /// A query parameter Zoom's validator would refuse; validation errors carry `errors[]`.
    pub fn invalid_field(field: &str) -> Self {
        let mut error = Self::api(StatusCode::BAD_REQUEST, 300, "Validation Failed.");
        error.body["errors"] = json!([{ "field": field, "message": "Invalid field." }]);
        error
    }
}

impl IntoResponse for ZoomError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}
