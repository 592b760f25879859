//! `POST /oauth/token?grant_type=account_credentials&account_id=…` with HTTP Basic
//! `client_id:client_secret`: Server-to-Server OAuth as Zoom runs it. Parameters are also read from
//! a form body, which Zoom accepts too and some client libraries send.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::header::AUTHORIZATION;
use axum::http::{HeaderMap, StatusCode};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};

use super::params::Params;
use crate::state::SimState;
use crate::stats::Counters;
use crate::zoom_error::ZoomError;

pub(crate) async fn token(
    State(state): State<Arc<SimState>>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ZoomError> {
    let params = Params::parse(query.unwrap_or_default().as_bytes()).or(Params::parse(&body));
    if params.get("grant_type") != Some("account_credentials") {
        let reason = "Unsupported grant type";
        return Err(ZoomError::oauth(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            reason,
        ));
    }
    let (client_id, client_secret) =
        basic_credentials(&headers).ok_or_else(ZoomError::invalid_client)?;
    if client_id != state.client_id || client_secret != state.client_secret {
        return Err(ZoomError::invalid_client());
    }
    // The exact wording for an unknown account is unconfirmed; this follows the code-124 text
    // Zoom uses elsewhere ("Account does not exist: {accountId}").
    match params.get("account_id") {
        Some(account_id) if account_id == state.account_id => {}
        Some(account_id) => {
            let reason = format!("Account does not exist: {account_id}.");
            return Err(ZoomError::oauth(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                reason,
            ));
        }
        None => {
            let reason = "Missing account_id.";
            return Err(ZoomError::oauth(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                reason,
            ));
        }
    }
    let faults = state.faults();
    let issued = state.with_rng(|rng| {
        state.tokens.issue(
            rng,
            faults.token_lifetime,
            !faults.missing_scope,
            faults.single_token,
        )
    });
    Counters::bump(&state.counters.tokens_issued);
    // Whole seconds, rounded up so a sub-second lifetime does not read as "already expired".
    let expires_in = faults.token_lifetime.as_secs_f64().ceil() as u64;
    Ok(Json(json!({
        "access_token": issued.access_token,
        "token_type": "bearer",
        "expires_in": expires_in,
        "scope": issued.scope,
        "api_url": state.base_url,
    })))
}

fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}
