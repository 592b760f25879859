//! `export_view`: the current view, exactly as on screen, through the native save dialog to an atomic
//! write (export_file.rs); `reveal` shows the file in the file manager (only a file this run
//! exported).

use std::sync::PoisonError;
use std::sync::atomic::Ordering;

use roster::export::ExportFormat;
use roster::{Column, ViewSpec};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::error::{AppError, AppResult};
use crate::export_file::{ExportedFile, write_export};
use crate::state::AppState;

/// Writes the view to a file named `stem` plus the format's extension, chosen in the save dialog.
/// `None` when nothing was written: the admin closed the dialog, or cancelled the export.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn export_view<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    spec: ViewSpec,
    columns: Vec<Column>,
    format: ExportFormat,
    stem: String,
) -> AppResult<Option<ExportedFile>> {
    state
        .answer(async {
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
#[tracing::instrument(skip_all)]
pub async fn reveal(app: AppHandle, state: State<'_, AppState>, path: String) -> AppResult<()> {
    state
        .answer(async {
            state.check_exported(&path)?;
            app.opener().reveal_item_in_dir(&path).map_err(|e| {
                AppError::internal(format!("Could not show the file in its folder: {e}"))
            })
        })
        .await
}
