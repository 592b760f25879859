//! "Copy diagnostics": version, OS and the last error with Zoom's tracking ID, for a support ticket.
//! Built from AppInfo and AppError only, which never hold a secret.

use std::sync::PoisonError;

use tauri::{AppHandle, State};
use tauri_plugin_clipboard_manager::ClipboardExt;

use crate::about::AppInfo;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// The diagnostics text, redacted like the log.
pub fn report(info: &AppInfo, log_dir: &std::path::Path, last_error: Option<&AppError>) -> String {
    let mut text = format!(
        "{} {} ({} build) on {} {}\nLogs: {}\n",
        info.name,
        info.version,
        info.build,
        info.os,
        info.arch,
        log_dir.display()
    );
    match last_error {
        None => text.push_str("Last error: none\n"),
        Some(error) => {
            text.push_str(&format!("Last error: {}\n", error.message));
            if let Some(hint) = &error.hint {
                text.push_str(&format!("Hint: {hint}\n"));
            }
            if let Some(id) = &error.tracking_id {
                text.push_str(&format!("Zoom tracking ID: {id}\n"));
            }
        }
    }
    // Through the log's redactor too: an error text quoting a server's answer must not carry a
    // credential onto the clipboard and into a support ticket.
    profiles::redact::redact(&text)
}

/// Puts the report on the clipboard (from Rust: the web view needs no clipboard permission) and returns it.
#[tauri::command]
#[specta::specta]
pub async fn copy_diagnostics(app: AppHandle, state: State<'_, AppState>) -> AppResult<String> {
    let last = state
        .last_error
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    let text = report(&AppInfo::current(), &state.log_dir, last.as_ref());
    // Not through `answer`: a failure to copy must not replace the error being reported.
    app.clipboard()
        .write_text(text.clone())
        .map_err(|e| AppError::internal(format!("Could not copy to the clipboard: {e}")))?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::AppError;

    #[test]
    fn the_report_never_carries_a_credential() {
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        let error = AppError::internal(format!("server said: Authorization: Bearer {jwt}"));
        let text = report(
            &AppInfo::current(),
            std::path::Path::new("/logs"),
            Some(&error),
        );
        assert!(!text.contains(jwt), "{text}");
        assert!(text.contains("Last error: server said"), "{text}");
    }
}
