//! `GET /v2/phone/sites`: the account's sites, paginated like users.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::auth::authorize;
use super::paging::{Listing, answer, page};
use super::params::Params;
use crate::state::SimState;
use crate::zoom_error::ZoomError;

pub(crate) async fn list(
    State(state): State<Arc<SimState>>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ZoomError> {
    let faults = state.faults();
    authorize(&state, &faults, &headers, "phone:read:list_sites:admin")?;
    let params = Params::parse(query.unwrap_or_default().as_bytes());
    let sites = &state.roster.sites;
    let listing = Listing {
        route: "phone/sites",
        filters: Vec::new(),
        select: || (0..sites.len() as u32).collect(),
    };
    let page = page(&state, &faults, &params, listing)?;
    let items = page.items.iter().map(|&i| &sites[i as usize]).collect();
    Ok(answer(&page, "sites", items))
}
