//! Every export of the app, whatever it writes (the roster's view, the Changes view, the report):
//! the file name checked, the destination chosen, the file written off the async runtime with a
//! cancel flag, and remembered for "Show in folder".
//!
//! Test hook: with `PHONE_ROSTER_EXPORT_DIR` set at launch, the export is written to that folder
//! under the suggested file name and no dialog opens (WebDriver cannot drive a native dialog;
//! tests/e2e uses it). It silently redirects an admin's files, so only a run under test honours it
//! (`export_dir_from_env`).

use std::path::{Path, PathBuf};
use std::sync::PoisonError;
use std::sync::atomic::AtomicBool;

use roster::export::{ExportFormat, ExportSummary};
use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::error::AppResult;
use crate::ipc::{blocking, count};
use crate::state::AppState;

/// The file an export of the app wrote, as the page names it (to "Show in folder").
#[derive(Debug, Clone, Serialize, Type)]
pub struct ExportedFile {
    pub path: String,
    pub rows: u32,
}

/// Every export of the app, whatever it writes: the file name checked, the destination chosen
/// (save dialog, or the test folder), `write` run off the async runtime with a cancel flag that
/// `cancel_export` sets, and the written file remembered for `reveal`. `None` when nothing was
/// written: the dialog was closed, or the export cancelled.
pub async fn write_export<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    stem: &str,
    format: ExportFormat,
    write: impl FnOnce(&Path, &AtomicBool) -> Result<ExportSummary, roster::Error> + Send + 'static,
) -> AppResult<Option<ExportedFile>> {
    let file_name = roster::export::file_name::file_name(stem, format.extension())?;
    let Some(path) = destination(app, state, file_name, format.extension()) else {
        return Ok(None);
    };
    let cancel = state.start_export()?;
    let written = blocking(move || write(&path, &cancel)).await;
    state.end_export();
    let summary = match written? {
        Err(roster::Error::Cancelled { .. }) => return Ok(None),
        other => other?,
    };
    let path = summary.path.display().to_string();
    state
        .exported
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(path.clone());
    Ok(Some(ExportedFile {
        path,
        rows: count(summary.rows),
    }))
}

/// Where to write: the admin's choice in the save dialog (`None` if they closed it), or, in a run
/// under test, the test folder.
fn destination<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    file_name: String,
    extension: &str,
) -> Option<PathBuf> {
    if let Some(dir) = &state.export_dir_override {
        return Some(dir.join(file_name));
    }
    app.dialog()
        .file()
        .set_file_name(file_name)
        .add_filter(extension.to_uppercase(), &[extension])
        .blocking_save_file()?
        .into_path()
        .ok()
}

/// `PHONE_ROSTER_EXPORT_DIR`, when this run honours it (see `honours_export_dir`).
pub fn export_dir_from_env(endpoints_override: Option<&zoom::Endpoints>) -> Option<PathBuf> {
    std::env::var_os("PHONE_ROSTER_EXPORT_DIR")
        .filter(|_| honours_export_dir(cfg!(debug_assertions), endpoints_override))
        .map(PathBuf::from)
}

/// Whether this run is under test, so that `PHONE_ROSTER_EXPORT_DIR` may stand in for the save
/// dialog: a debug build, or a run whose profiles talk to a test server on this computer. An
/// installed app used for real is neither.
fn honours_export_dir(debug_build: bool, endpoints_override: Option<&zoom::Endpoints>) -> bool {
    debug_build || endpoints_override.is_some_and(zoom::Endpoints::is_local)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_export_folder_hook_is_for_runs_under_test_only() {
        let sim =
            zoom::Endpoints::custom("http://127.0.0.1:9/v2", "http://127.0.0.1:9/oauth/token");
        assert!(honours_export_dir(true, None));
        assert!(honours_export_dir(false, Some(&sim)));
        assert!(!honours_export_dir(false, None));
        assert!(!honours_export_dir(false, Some(&zoom::Endpoints::zoom())));
    }
}
