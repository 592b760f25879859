//! Zoom's pagination, shared by `/phone/users` and `/phone/sites`: `page_size` (default 30, at most
//! 100), `next_page_token` continuing a chain, `next_page_token: ""` on the last page.

use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::params::Params;
use crate::faults::Faults;
use crate::page_tokens::{ListingKey, Selection};
use crate::state::SimState;
use crate::stats::Counters;
use crate::zoom_error::ZoomError;

const DEFAULT_PAGE_SIZE: usize = 30;
const MAX_PAGE_SIZE: usize = 100;

/// One page of a listing: indices into the roster, in order.
pub(crate) struct Page {
    pub items: Vec<u32>,
    pub next_page_token: String,
    pub page_size: usize,
    pub total_records: usize,
}

/// What a listing is filtered by, in canonical form, and how to select its items on a first page.
pub(crate) struct Listing<F: FnOnce() -> Vec<u32>> {
    pub route: &'static str,
    pub filters: Vec<(&'static str, String)>,
    pub select: F,
}

/// The page the request asks for. A `next_page_token` must be fresh and sent with the same filters
/// and page size as the chain's first request, or Zoom refuses it with 400 / 300.
pub(crate) fn page<F: FnOnce() -> Vec<u32>>(
    state: &SimState,
    faults: &Faults,
    params: &Params,
    listing: Listing<F>,
) -> Result<Page, ZoomError> {
    let page_size = page_size(params)?;
    let key = ListingKey {
        route: listing.route,
        params: listing.filters,
        page_size,
    };
    let (selection, offset) = match params.get("next_page_token") {
        None => (Selection::from((listing.select)()), 0),
        Some(token) => state
            .page_tokens
            .resume(token, &key, faults.page_token_ttl)
            .ok_or_else(|| {
                Counters::bump(&state.counters.page_token_expiries);
                ZoomError::page_token_invalid()
            })?,
    };
    let total_records = selection.len();
    let end = (offset + page_size).min(total_records);
    let items = selection[offset.min(end)..end].to_vec();
    let next_page_token = match params.get("next_page_token") {
        Some(asked) if faults.page_token_loop => asked.to_owned(),
        _ if end < total_records || faults.endless_pages => {
            let ttl = faults.page_token_ttl;
            state.with_rng(|rng| state.page_tokens.issue(rng, key, selection, end, ttl))
        }
        _ => String::new(),
    };
    Ok(Page {
        items,
        next_page_token,
        page_size,
        total_records,
    })
}

/// Absent or below 1 means the default; above the maximum is clamped, as Zoom does.
fn page_size(params: &Params) -> Result<usize, ZoomError> {
    let Some(raw) = params.get("page_size") else {
        return Ok(DEFAULT_PAGE_SIZE);
    };
    let size: i64 = raw
        .trim()
        .parse()
        .map_err(|_| ZoomError::invalid_field("page_size"))?;
    Ok(match size {
        ..=0 => DEFAULT_PAGE_SIZE,
        size => (size as usize).min(MAX_PAGE_SIZE),
    })
}

/// `{next_page_token, page_size, total_records, <list_key>: [...]}` as a JSON answer, serialised
/// straight from the roster without copying it.
pub(crate) fn answer<T: Serialize>(page: &Page, list_key: &'static str, items: Vec<T>) -> Response {
    let body = PageBody {
        page,
        list_key,
        items,
    };
    // Strings and numbers only: serialising cannot fail.
    let bytes = serde_json::to_vec(&body).expect("a page serialises");
    ([(CONTENT_TYPE, "application/json;charset=UTF-8")], bytes).into_response()
}

struct PageBody<'a, T> {
    page: &'a Page,
    list_key: &'static str,
    items: Vec<T>,
}

impl<T: Serialize> Serialize for PageBody<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("next_page_token", &self.page.next_page_token)?;
        map.serialize_entry("page_size", &self.page.page_size)?;
        map.serialize_entry("total_records", &self.page.total_records)?;
        map.serialize_entry(self.list_key, &self.items)?;
        map.end()
    }
}
