//! The gate in front of every `/v2/phone` route: a live bearer token, with the route's scope, on an
//! account that has Zoom Phone.

use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;

use crate::faults::Faults;
use crate::state::SimState;
use crate::stats::Counters;
use crate::tokens::TokenCheck;
use crate::zoom_error::ZoomError;

/// `granular_scope` is the route's own granular scope; Zoom names it and the classic one.
pub(crate) fn authorize(
    state: &SimState,
    faults: &Faults,
    headers: &HeaderMap,
    granular_scope: &str,
) -> Result<(), ZoomError> {
    let token = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim());
    match token.map(|t| state.tokens.check(t)) {
        Some(TokenCheck::Valid {
            has_phone_scopes: true,
        }) => {}
        Some(TokenCheck::Valid {
            has_phone_scopes: false,
        }) => {
            return Err(ZoomError::missing_scopes(&[
                granular_scope,
                "phone:read:admin",
            ]));
        }
        Some(TokenCheck::Invalid) | None => {
            Counters::bump(&state.counters.unauthorized);
            return Err(ZoomError::invalid_access_token());
        }
    }
    if faults.phone_not_enabled {
        return Err(ZoomError::phone_not_enabled());
    }
    Ok(())
}
