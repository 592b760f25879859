//! `export_view`: the current view, exactly as on screen, through the native save dialog to an atomic
//! write; `reveal` shows the file in the file manager (only a file this run exported).
//!
//! Test hook: with `PHONE_ROSTER_EXPORT_DIR` set at launch, the export is written to that folder
//! under the suggested file name and no dialog opens (WebDriver cannot drive a native dialog;
//! tests/e2e uses it). It silently redirects an admin's files, so only a run under test honours it
//! (`export_dir_from_env`).

use std::path::{Path, PathBuf};
use std::sync::PoisonError;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::error::{AppError, AppResult};
use crate::ipc::{blocking, count};
use crate::state::AppState;
use roster::export::{ExportFormat, ExportSummary};
use roster::{Column, ViewSpec};

/// The file an export of the app wrote, as the page names it (to "Show in folder").
#[derive(Debug, Clone, Serialize, Type)]
pub struct ExportedFile {
    pub path: String,
    pub rows: u32,
}

/// Writes the view to a file named `stem` plus the format's extension, chosen in the save dialog.
/// `None` when nothing was written: the admin closed the dialog, or cancelled the export.
#[tauri::command]
#[specta::specta]
pub async fn export_view<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    spec: ViewSpec,
    columns: Vec<Column>,
    format: ExportFormat,
    stem: String,
) -> AppResult<Option<ExportedFile>> {
    state
        .answer("export_view", async {
            spec.check()?;
            roster::check_columns(&columns)?;
            let open = state.open_roster().ok_or_else(AppError::not_loaded)?;
            write_export(&app, &state, &stem, format, move |path, cancel| {
                open.roster
                    .export_view(&spec, &columns, format, path, cancel)
            })
            .await
        })
        .await
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

/// Stops the running export, if any: its file is left as it was, and `export_view` answers `None`.
#[tauri::command]
#[specta::specta]
pub fn cancel_export(state: State<'_, AppState>) {
    if let Some(cancel) = state
        .running_export
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .as_ref()
    {
        cancel.store(true, Ordering::Relaxed);
    }
}

#[tauri::command]
#[specta::specta]
pub async fn reveal(app: AppHandle, state: State<'_, AppState>, path: String) -> AppResult<()> {
    state
        .answer("reveal", async {
            state.check_exported(&path)?;
            app.opener().reveal_item_in_dir(&path).map_err(|e| {
                AppError::internal(format!("Could not show the file in its folder: {e}"))
            })
        })
        .await
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
