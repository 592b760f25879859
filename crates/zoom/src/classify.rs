//! Turns what came back (an HTTP answer or a transport error) into an `Error` and a retry decision,
//! following the error table of the reference page. Every error is logged once, here, with Zoom's
//! tracking id. Over 400 lines only with its tests: one table of cases per row of the error
//! table, kept beside the code they pin down.

use std::time::{Duration, SystemTime};

use reqwest::StatusCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use serde::Deserialize;

use crate::error::{Error, USERS_SCOPE};
use crate::lenient;
use crate::retry::{Failure, Retry};
use crate::retry_after;

pub(crate) const TRACKING_ID: &str = "x-zm-trackingid";

/// What a non-2xx answer carried, read from the headers and body.
pub(crate) struct Answer<'a> {
    pub status: StatusCode,
    pub headers: &'a HeaderMap,
    pub body: &'a [u8],
}

impl Answer<'_> {
    pub fn tracking_id(&self) -> Option<String> {
        tracking_id(self.headers)
    }

    fn retry_after(&self) -> Option<Duration> {
        let value = self.headers.get(RETRY_AFTER)?.to_str().ok()?;
        retry_after::parse(value, SystemTime::now())
    }
}

pub(crate) fn tracking_id(headers: &HeaderMap) -> Option<String> {
    headers.get(TRACKING_ID)?.to_str().ok().map(str::to_owned)
}

/// Zoom's API error body `{code, message}` and the OAuth one `{error, reason}`, tolerantly.
#[derive(Debug, Default, Deserialize)]
struct ErrorBody {
    #[serde(default, deserialize_with = "lenient::opt_string")]
    code: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    message: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    error: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    reason: Option<String>,
}

impl ErrorBody {
    fn parse(body: &[u8]) -> Option<Self> {
        serde_json::from_slice::<Self>(body)
            .ok()
            .filter(|b| b.code.is_some() || b.message.is_some() || b.error.is_some())
    }

    fn code(&self) -> Option<i64> {
        self.code.as_deref()?.trim().parse().ok()
    }

    fn text(&self) -> String {
        self.message
            .clone()
            .or_else(|| self.reason.clone())
            .unwrap_or_default()
    }
}

/// An answer of the REST API (`/phone/...`); `generation` is the access token it was sent with.
pub(crate) fn api_answer(answer: &Answer<'_>, generation: u64) -> Failure {
    let failure = classify_api(answer, generation);
    log(answer, &failure);
    failure
}

/// An answer of the OAuth token endpoint.
pub(crate) fn token_answer(answer: &Answer<'_>) -> Failure {
    let tracking_id = answer.tracking_id();
    let body = ErrorBody::parse(answer.body);
    let oauth_error = body.as_ref().and_then(|b| b.error.as_deref());
    let failure = match (answer.status.as_u16(), oauth_error) {
        (_, Some("invalid_client")) | (401, _) => {
            Failure::fatal(Error::InvalidCredentials { tracking_id })
        }
        (400, Some(_)) if mentions_account(body.as_ref()) => {
            Failure::fatal(Error::AccountNotFound { tracking_id })
        }
        // The token endpoint fails a 400 only over what the admin typed in.
        (400, Some(_)) => Failure::fatal(Error::InvalidCredentials { tracking_id }),
        _ => classify_api(answer, 0),
    };
    log(answer, &failure);
    failure
}

/// A 2xx whose body did not parse; worth another try, since a truncated answer is usually a glitch.
pub(crate) fn unreadable(status: StatusCode, headers: &HeaderMap, why: &str) -> Failure {
    let tracking_id = tracking_id(headers);
    tracing::warn!(
        status = status.as_u16(),
        tracking_id,
        why,
        "Zoom's answer could not be read"
    );
    Failure::transient(
        Error::UnreadableResponse {
            status: status.as_u16(),
            tracking_id,
        },
        "Zoom's answer could not be read",
    )
}

fn mentions_account(body: Option<&ErrorBody>) -> bool {
    body.map(|b| b.text().to_ascii_lowercase())
        .is_some_and(|text| text.contains("account") && !text.contains("client"))
}

fn classify_api(answer: &Answer<'_>, generation: u64) -> Failure {
    let tracking_id = answer.tracking_id();
    let status = answer.status.as_u16();
    let Some(body) = ErrorBody::parse(answer.body) else {
        let error = Error::UnreadableResponse {
            status,
            tracking_id,
        };
        return match status {
            429 => Failure {
                error,
                retry: Retry::RateLimited {
                    retry_after: answer.retry_after(),
                },
            },
            401 => Failure {
                error,
                retry: Retry::RefreshToken { generation },
            },
            500..=599 => Failure::transient(error, "Zoom had a temporary problem"),
            _ => Failure::fatal(error),
        };
    };
    let code = body.code();
    let message = body.text();
    match (status, code) {
        (429, _) => Failure {
            error: Error::RateLimited { tracking_id },
            retry: Retry::RateLimited {
                retry_after: answer.retry_after(),
            },
        },
        (401, _) => Failure {
            error: Error::Api {
                status,
                code,
                message,
                tracking_id,
            },
            retry: Retry::RefreshToken { generation },
        },
        (400, Some(4700 | 4711)) => {
            let scope = named_scope(&message).unwrap_or_else(|| USERS_SCOPE.to_string());
            Failure::fatal(Error::MissingScope { scope, tracking_id })
        }
        (400, Some(124)) => Failure::fatal(Error::SitePermission {
            message,
            tracking_id,
        }),
        (403, _) => Failure::fatal(Error::PhoneNotEnabled { tracking_id }),
        (404, Some(2001)) => Failure::fatal(Error::AccountNotFound { tracking_id }),
        (500..=599, _) => Failure::transient(
            Error::Api {
                status,
                code,
                message,
                tracking_id,
            },
            "Zoom had a temporary problem",
        ),
        _ => Failure::fatal(Error::Api {
            status,
            code,
            message,
            tracking_id,
        }),
    }
}

/// Zoom's message reads like "Invalid access token, does not contain scopes:[phone:read:admin]";
/// name the scope it names when it names one we would suggest.
fn named_scope(message: &str) -> Option<String> {
    let start = message.find('[')? + 1;
    let end = start + message[start..].find(']')?;
    message[start..end]
        .split([',', ' '])
        .map(str::trim)
        .find(|scope| scope.starts_with("phone:"))
        .map(str::to_owned)
}

/// Errors below HTTP: no answer at all.
pub(crate) fn transport(error: &reqwest::Error) -> Failure {
    let failure = if is_tls(error) {
        Failure::fatal(Error::Tls { tracking_id: None })
    } else if error.is_timeout() {
        Failure::transient(
            Error::Timeout { tracking_id: None },
            "Zoom did not answer in time",
        )
    } else if error.is_builder() {
        Failure::fatal(Error::Offline { tracking_id: None })
    } else {
        // Refused, reset, DNS failure, a connection closed mid-answer: all worth another try.
        Failure::transient(
            Error::Offline { tracking_id: None },
            "the connection to Zoom failed",
        )
    };
    tracing::warn!(error = %error_chain(error), "request to Zoom failed");
    failure
}

/// Rustls errors hide inside `io::Error`, whose `source()` skips the error it wraps.
fn is_tls(error: &reqwest::Error) -> bool {
    let mut next: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(current) = next {
        if current.is::<rustls::Error>() {
            return true;
        }
        if let Some(io) = current.downcast_ref::<std::io::Error>()
            && io
                .get_ref()
                .is_some_and(|inner| inner.is::<rustls::Error>())
        {
            return true;
        }
        next = current.source();
    }
    false
}

fn error_chain(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut next = std::error::Error::source(error);
    while let Some(current) = next {
        text.push_str(": ");
        text.push_str(&current.to_string());
        next = current.source();
    }
    text
}

fn log(answer: &Answer<'_>, failure: &Failure) {
    tracing::warn!(
        status = answer.status.as_u16(),
        tracking_id = failure.error.tracking_id(),
        error = %failure.error,
        "Zoom answered with an error"
    );
}

#[cfg(test)]
mod tests {
    use reqwest::header::HeaderValue;

    use super::*;

    fn answer(
        status: u16,
        body: &str,
        headers: &[(&'static str, &str)],
    ) -> (StatusCode, HeaderMap, Vec<u8>) {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        (
            StatusCode::from_u16(status).unwrap(),
            map,
            body.as_bytes().to_vec(),
        )
    }

    fn api(status: u16, body: &str) -> Failure {
        let (status, headers, body) = answer(status, body, &[(TRACKING_ID, "trk-1")]);
        api_answer(
            &Answer {
                status,
                headers: &headers,
                body: &body,
            },
            7,
        )
    }

    fn token(status: u16, body: &str) -> Failure {
        let (status, headers, body) = answer(status, body, &[]);
        token_answer(&Answer {
            status,
            headers: &headers,
            body: &body,
        })
    }

    #[test]
    fn every_row_of_the_error_table() {
        let t = Some("trk-1".to_string());
        let expired = api(401, r#"{"code":124,"message":"Invalid access token."}"#);
        assert_eq!(expired.retry, Retry::RefreshToken { generation: 7 });

        let site = api(
            400,
            r#"{"code":124,"message":"The current site does not belong to the target sites."}"#,
        );
        assert_eq!(
            site.error,
            Error::SitePermission {
                message: "The current site does not belong to the target sites.".into(),
                tracking_id: t.clone()
            }
        );
        assert_eq!(site.retry, Retry::Never);

        for code in [4700, 4711] {
            let scope = api(
                400,
                &format!(
                    r#"{{"code":{code},"message":"Invalid access token, does not contain scopes."}}"#
                ),
            );
            assert_eq!(
                scope.error,
                Error::MissingScope {
                    scope: USERS_SCOPE.into(),
                    tracking_id: t.clone()
                }
            );
        }

        let page = api(
            400,
            r#"{"code":300,"message":"The next page token is invalid or expired."}"#,
        );
        assert!(page.error.is_expired_page_token());

        let phone = api(
            403,
            r#"{"code":10001,"message":"Zoom Phone has not been enabled."}"#,
        );
        assert_eq!(
            phone.error,
            Error::PhoneNotEnabled {
                tracking_id: t.clone()
            }
        );

        let account = api(404, r#"{"code":2001,"message":"Account does not exist."}"#);
        assert_eq!(
            account.error,
            Error::AccountNotFound {
                tracking_id: t.clone()
            }
        );

        let limited = api(
            429,
            r#"{"code":429,"message":"You have reached the maximum per-second rate limit for this API. Try again later."}"#,
        );
        assert_eq!(
            limited.error,
            Error::RateLimited {
                tracking_id: t.clone()
            }
        );
        assert_eq!(limited.retry, Retry::RateLimited { retry_after: None });

        let server = api(503, r#"{"code":503,"message":"Service unavailable"}"#);
        assert!(matches!(server.retry, Retry::Transient { .. }));
        assert!(matches!(
            server.error,
            Error::Api {
                status: 503,
                code: Some(503),
                ..
            }
        ));
    }

    #[test]
    fn the_scope_zoom_names_is_the_one_we_name() {
        let failure = api(
            400,
            r#"{"code":4711,"message":"Invalid access token, does not contain scopes:[phone:read:admin, phone:read:list_users:admin]."}"#,
        );
        assert_eq!(
            failure.error,
            Error::MissingScope {
                scope: "phone:read:admin".into(),
                tracking_id: Some("trk-1".into())
            }
        );
    }

    #[test]
    fn unparsable_bodies_keep_the_status() {
        let html = api(502, "<html>Bad gateway</html>");
        assert_eq!(
            html.error,
            Error::UnreadableResponse {
                status: 502,
                tracking_id: Some("trk-1".into())
            }
        );
        assert!(matches!(html.retry, Retry::Transient { .. }));
        let odd = api(418, r#"{"unexpected":"shape"}"#);
        assert_eq!(
            odd.error,
            Error::UnreadableResponse {
                status: 418,
                tracking_id: Some("trk-1".into())
            }
        );
        assert_eq!(odd.retry, Retry::Never);
        assert!(matches!(api(429, "").retry, Retry::RateLimited { .. }));
    }

    #[test]
    fn codes_sent_as_strings_still_count() {
        let failure = api(400, r#"{"code":"4700","message":"no scope"}"#);
        assert!(matches!(failure.error, Error::MissingScope { .. }));
    }

    #[test]
    fn retry_after_is_read_in_both_forms() {
        let (status, headers, body) = answer(429, "{}", &[("retry-after", "3")]);
        let failure = api_answer(
            &Answer {
                status,
                headers: &headers,
                body: &body,
            },
            0,
        );
        assert_eq!(
            failure.retry,
            Retry::RateLimited {
                retry_after: Some(Duration::from_secs(3))
            }
        );
        let (status, headers, body) = answer(
            429,
            "{}",
            &[("retry-after", "Thu, 01 Jan 1970 00:00:00 GMT")],
        );
        let failure = api_answer(
            &Answer {
                status,
                headers: &headers,
                body: &body,
            },
            0,
        );
        assert_eq!(
            failure.retry,
            Retry::RateLimited {
                retry_after: Some(Duration::ZERO)
            }
        );
    }

    #[test]
    fn token_endpoint_errors() {
        let bad = r#"{"reason":"Invalid client_id or client_secret","error":"invalid_client"}"#;
        assert_eq!(
            token(400, bad).error,
            Error::InvalidCredentials { tracking_id: None }
        );
        assert_eq!(
            token(401, bad).error,
            Error::InvalidCredentials { tracking_id: None }
        );
        assert_eq!(
            token(401, "").error,
            Error::InvalidCredentials { tracking_id: None }
        );
        let account = r#"{"reason":"Account does not exist","error":"invalid_request"}"#;
        assert_eq!(
            token(400, account).error,
            Error::AccountNotFound { tracking_id: None }
        );
        let grant = r#"{"reason":"Unsupported grant type","error":"unsupported_grant_type"}"#;
        assert_eq!(
            token(400, grant).error,
            Error::InvalidCredentials { tracking_id: None }
        );
        assert!(matches!(token(503, "").retry, Retry::Transient { .. }));
        assert!(matches!(token(429, "").retry, Retry::RateLimited { .. }));
        let not_found = r#"{"code":2001,"message":"Account does not exist: x."}"#;
        assert_eq!(
            token(404, not_found).error,
            Error::AccountNotFound { tracking_id: None }
        );
    }
}
