//! `GET /v2/phone/users`: the account's phone users, filtered and paginated as Zoom does.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::auth::authorize;
use super::paging::{Listing, answer, page};
use super::params::Params;
use super::user_filter::UserFilter;
use crate::generator::{User, Wire};
use crate::state::SimState;
use crate::stats::Counters;
use crate::zoom_error::ZoomError;

pub(crate) async fn list(
    State(state): State<Arc<SimState>>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ZoomError> {
    let faults = state.faults();
    authorize(&state, &faults, &headers, "phone:read:list_users:admin")?;
    let params = Params::parse(query.unwrap_or_default().as_bytes());
    let filter = UserFilter::from_params(&params)?;
    if filter.site_id().is_some() {
        Counters::bump(&state.counters.site_user_lists);
    }
    if faults.site_permission_error && filter.site_id().is_some() {
        return Err(ZoomError::site_permission());
    }
    let users = &state.roster.users;
    let listing = Listing {
        route: "phone/users",
        filters: filter.canonical(),
        select: || filter.select(users),
    };
    let page = page(&state, &faults, &params, listing)?;
    let items = page
        .items
        .iter()
        .map(|&i| on_the_wire(i as usize, &users[i as usize]))
        .collect();
    Ok(answer(&page, "users", items))
}

/// Whether Zoom sends `"status": "pending"` for pending users is unconfirmed, so every other pending
/// user is listed without `status` — clients must handle both. `SimHandle::users()` keeps it.
fn on_the_wire(index: usize, user: &User) -> Wire<'_> {
    user.wire(!user.is_pending() || index % 2 == 1)
}
