//! What every command needs the same way: blocking work moved off the async runtime, and sizes
//! turned into the page's numbers.

use crate::error::{AppError, AppResult};

/// Runs `work` on the blocking thread pool (keychain calls, reading or writing a large file,
/// indexing a roster), so that no command stalls the runtime that answers the others. A panic in
/// `work` becomes an internal error instead of taking the app down.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> AppResult<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| AppError::internal(format!("A background task failed: {e}")))
}

/// A count or size as the page's number: counts cross IPC as `u32` (JavaScript numbers; specta
/// refuses 64-bit integers), and no roster comes near 4 billion users, so this saturates rather
/// than fails.
pub fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
