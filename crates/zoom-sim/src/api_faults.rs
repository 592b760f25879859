//! The faults of the REST API (`/v2`): the per-second rate limit, random 5xx answers, truncated
//! JSON, stalled and broken-off answers, padded answers, and the `X-RateLimit-*` headers Zoom sends
//! only some of the time.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use rand::Rng;

use crate::retry_after::RetryAfter;
use crate::schedule::ScheduledFault;
use crate::state::SimState;
use crate::stats::Counters;
use crate::zoom_error::ZoomError;

pub(crate) async fn inject(
    State(state): State<Arc<SimState>>,
    request: Request,
    next: Next,
) -> Response {
    let faults = state.faults();
    let scheduled = faults.schedule.as_ref().and_then(|schedule| {
        let has_page_token = request
            .uri()
            .query()
            .is_some_and(|q| q.contains("next_page_token="));
        state.schedule.next_fault(schedule, has_page_token)
    });
    match scheduled {
        Some(ScheduledFault::RateLimited(form)) => {
            return rate_limited(&state, form, None, Duration::from_secs(1));
        }
        Some(ScheduledFault::ServerError(status)) => {
            Counters::bump(&state.counters.server_errors);
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            return server_error_with(status, true);
        }
        Some(ScheduledFault::PageTokenExpired) => {
            Counters::bump(&state.counters.page_token_expiries);
            return ZoomError::page_token_invalid().into_response();
        }
        // The request goes on with a token that no longer works: the route answers 401.
        Some(ScheduledFault::TokenRevoked) => {
            state.revoke_tokens();
        }
        Some(ScheduledFault::Stalled) => stall(&state).await,
        Some(ScheduledFault::ConnectionReset) | None => {}
    }
    let remaining = match faults
        .qps_limit
        .map(|limit| (limit, state.rate.admit(limit)))
    {
        Some((limit, Err(wait))) => {
            return rate_limited(&state, faults.retry_after, Some(limit), wait);
        }
        Some((limit, Ok(remaining))) => Some((limit, remaining)),
        None => None,
    };
    if state.roll(faults.server_error_rate) {
        Counters::bump(&state.counters.server_errors);
        return server_error(&state);
    }
    if state.roll(faults.stall_rate) {
        stall(&state).await;
    }
    let mut response = next.run(request).await;
    if let Some((limit, remaining)) = remaining {
        maybe_rate_limit_headers(&state, response.headers_mut(), limit, remaining);
    }
    if response.status() != StatusCode::OK {
        return response;
    }
    if faults.answer_padding > 0 {
        response = padded(response, faults.answer_padding).await;
    }
    if state.roll(faults.malformed_json_rate) {
        Counters::bump(&state.counters.malformed_responses);
        return truncated(&state, response).await;
    }
    if scheduled == Some(ScheduledFault::ConnectionReset) || state.roll(faults.reset_rate) {
        Counters::bump(&state.counters.resets);
        return broken_off(response);
    }
    response
}

/// Never returns: the request is held until the client gives up and drops the connection.
async fn stall(state: &SimState) {
    Counters::bump(&state.counters.stalls);
    std::future::pending::<()>().await;
}

/// A 429 saying when to come back in the given form; the `X-RateLimit-*` headers come with a
/// per-second `limit` (and not with a scheduled 429, which no limit caused).
fn rate_limited(
    state: &SimState,
    form: RetryAfter,
    limit: Option<u32>,
    wait: Duration,
) -> Response {
    Counters::bump(&state.counters.rate_limited);
    let mut response = ZoomError::rate_limited().into_response();
    let seconds = wait.as_secs_f64().ceil().max(1.0) as u64;
    let retry_after = match form {
        RetryAfter::Seconds => Some(seconds.to_string()),
        RetryAfter::HttpDate => Some(httpdate::fmt_http_date(
            SystemTime::now() + Duration::from_secs(seconds),
        )),
        RetryAfter::Absent => None,
    };
    if let Some(value) = retry_after {
        // Digits or an HTTP date: always ASCII.
        let value = HeaderValue::from_str(&value).expect("ASCII Retry-After");
        response.headers_mut().insert(RETRY_AFTER, value);
    }
    if let Some(limit) = limit {
        maybe_rate_limit_headers(state, response.headers_mut(), limit, 0);
    }
    response
}

/// Zoom's rate-limit headers are not reliable, so they come on about half the answers.
fn maybe_rate_limit_headers(state: &SimState, headers: &mut HeaderMap, limit: u32, remaining: u32) {
    if !state.roll(0.5) {
        return;
    }
    let mut set = |name: &'static str, value: String| {
        // The fault's headers are written in this crate, in ASCII.
        headers.insert(name, HeaderValue::from_str(&value).expect("ASCII header"));
    };
    set("x-ratelimit-category", "Medium".into());
    set("x-ratelimit-type", "QPS".into());
    set("x-ratelimit-limit", limit.to_string());
    set("x-ratelimit-remaining", remaining.to_string());
}

/// 500, 502 or 503; some with Zoom's JSON body, some with a gateway's HTML or nothing at all.
fn server_error(state: &SimState) -> Response {
    let (status, json_body) = state.with_rng(|rng| {
        let status = [
            StatusCode::INTERNAL_SERVER_ERROR,
            StatusCode::BAD_GATEWAY,
            StatusCode::SERVICE_UNAVAILABLE,
        ][rng.random_range(0..3)];
        (status, rng.random_bool(0.5))
    });
    server_error_with(status, json_body)
}

fn server_error_with(status: StatusCode, json_body: bool) -> Response {
    if json_body {
        let body = format!(
            r#"{{"code":{},"message":"Internal Error."}}"#,
            status.as_u16()
        );
        return (
            status,
            [(CONTENT_TYPE, "application/json;charset=UTF-8")],
            body,
        )
            .into_response();
    }
    match status {
        StatusCode::BAD_GATEWAY => {
            let html = "<html><head><title>502 Bad Gateway</title></head><body>502 Bad Gateway</body></html>";
            (status, [(CONTENT_TYPE, "text/html")], html).into_response()
        }
        _ => status.into_response(),
    }
}

/// The same JSON object with `"padding": "xxx…"` first, `bytes` long.
async fn padded(response: Response, bytes: usize) -> Response {
    let (mut parts, body) = response.into_parts();
    let json = to_bytes(body, usize::MAX).await.unwrap_or_default();
    let mut padded = Vec::with_capacity(json.len() + bytes + 16);
    padded.extend_from_slice(b"{\"padding\":\"");
    padded.resize(padded.len() + bytes, b'x');
    padded.extend_from_slice(b"\",");
    padded.extend_from_slice(json.get(1..).unwrap_or_default());
    parts.headers.remove(CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(padded))
}

/// The headers, then a body that fails: the server drops the connection mid-answer.
fn broken_off(response: Response) -> Response {
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(CONTENT_LENGTH);
    let reset = std::io::Error::new(std::io::ErrorKind::ConnectionReset, "zoom-sim reset");
    let body = futures::stream::once(async move { Err::<axum::body::Bytes, _>(reset) });
    Response::from_parts(parts, Body::from_stream(body))
}

/// The same 200 with its body cut short, as a dropped proxy connection leaves it.
async fn truncated(state: &SimState, response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let bytes = to_bytes(body, usize::MAX).await.unwrap_or_default();
    let cut = state.with_rng(|rng| rng.random_range(1..bytes.len().max(2)));
    let bytes = bytes.slice(..cut);
    parts
        .headers
        .insert(CONTENT_LENGTH, HeaderValue::from(bytes.len()));
    Response::from_parts(parts, Body::from(bytes))
}
