//! The simulator's routes: the OAuth token endpoint and the Zoom Phone REST API under `/v2`.

mod auth;
mod oauth;
mod paging;
mod params;
mod sites;
mod user_filter;
mod users;

use std::sync::Arc;

use axum::Router;
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};

use crate::state::SimState;
use crate::{api_faults, tracking};

pub(crate) fn router(state: Arc<SimState>) -> Router {
    let api = Router::new()
        .route("/phone/users", get(users::list))
        .route("/phone/sites", get(sites::list))
        .layer(from_fn_with_state(state.clone(), api_faults::inject));
    Router::new()
        .route("/oauth/token", post(oauth::token))
        .nest("/v2", api)
        .layer(from_fn_with_state(state.clone(), tracking::track))
        .with_state(state)
}
