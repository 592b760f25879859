//! Reads an HTTP answer whole, at most a given number of bytes of it: a broken or hostile server
//! cannot make the app hold an endless body in memory, whether it announces its length or streams
//! without end. Apart from the error table (classify.rs) so that this guard is mutation-tested on
//! its own (`cargo xtask mutants`).

use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use crate::classify::{Answer, tracking_id, transport};
use crate::error::Error;
use crate::retry::Failure;

/// An HTTP answer read in full: status, headers and body.
pub(crate) struct Received {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: bytes::Bytes,
}

impl Received {
    pub fn answer(&self) -> Answer<'_> {
        Answer {
            status: self.status,
            headers: &self.headers,
            body: &self.body,
        }
    }
}

/// Sends a request and reads its whole answer, at most `limit` bytes of it: a broken or hostile
/// server cannot make the app hold an endless body in memory. A transport failure is classified on
/// the way.
pub(crate) async fn receive(
    request: reqwest::RequestBuilder,
    limit: usize,
) -> Result<Received, Failure> {
    let mut response = request.send().await.map_err(|e| transport(&e))?;
    let status = response.status();
    let headers = response.headers().clone();
    let too_large = || {
        let tracking_id = tracking_id(&headers);
        tracing::warn!(
            status = status.as_u16(),
            tracking_id,
            limit,
            "Zoom's answer was too large"
        );
        Failure::fatal(Error::ResponseTooLarge {
            limit_mb: (limit as u64).div_ceil(1 << 20),
            tracking_id,
        })
    };
    if response
        .content_length()
        .is_some_and(|length| length > limit as u64)
    {
        return Err(too_large());
    }
    let mut body = bytes::BytesMut::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| transport(&e))? {
        if body.len() + chunk.len() > limit {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Received {
        status,
        headers,
        body: body.freeze(),
    })
}
