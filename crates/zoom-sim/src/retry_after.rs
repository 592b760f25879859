//! How a rate-limited answer says when to come back: a setting of `Faults` and of each scheduled
//! fault alike, so apart from both.

/// How a 429 answer tells the client when to come back; Zoom has been seen doing all three.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RetryAfter {
    /// `Retry-After: 1` (whole seconds).
    #[default]
    Seconds,
    /// `Retry-After: Sat, 28 Nov 2026 10:00:01 GMT`.
    HttpDate,
    /// No `Retry-After` header at all.
    Absent,
}
