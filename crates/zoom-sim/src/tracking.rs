//! What wraps every answer: the request count, the configured latency and Zoom's
//! `x-zm-trackingid` header (clients log it; Zoom support asks for it).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use rand::Rng;

use crate::state::SimState;
use crate::stats::Counters;

pub(crate) const TRACKING_ID: &str = "x-zm-trackingid";

pub(crate) async fn track(
    State(state): State<Arc<SimState>>,
    request: Request,
    next: Next,
) -> Response {
    Counters::bump(&state.counters.requests);
    let latency = state.faults().latency;
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let mut response = next.run(request).await;
    let rid: u128 = state.with_rng(|rng| rng.random());
    let tracking_id = format!("v=2.0;clid=us06;rid=WEB_{rid:032x}");
    // Made here from hex digits and dashes: always ASCII.
    let value = HeaderValue::from_str(&tracking_id).expect("ASCII tracking id");
    response.headers_mut().insert(TRACKING_ID, value);
    response
}
