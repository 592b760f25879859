//! `export_view`: the current view, exactly as on screen, through the native save dialog to an atomic
//! write; `reveal` shows the file in the file manager.
//!
//! Test hook: with `PHONE_ROSTER_EXPORT_DIR` set, the export is written to that folder under the
//! suggested file name and no dialog opens (WebDriver cannot drive a native dialog; tests/e2e uses it).

use std::path::PathBuf;

use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use roster::export::ExportFormat;
use roster::{Column, ViewSpec};

#[derive(Debug, Clone, Serialize, Type)]
pub struct ExportSummary {
    pub path: String,
    pub rows: u32,
}

/// `None` when the admin closed the save dialog without choosing a file.
#[tauri::command]
#[specta::specta]
pub async fn export_view(
    app: AppHandle,
    state: State<'_, AppState>,
    spec: ViewSpec,
    columns: Vec<Column>,
    format: ExportFormat,
    suggested_name: String,
) -> AppResult<Option<ExportSummary>> {
    let open = state.open_roster().ok_or_else(AppError::not_loaded)?;
    let extension = format.extension();
    // The web view's suggested name may already end with the extension (ui's exportFileName does).
    let file_name = if suggested_name.ends_with(&format!(".{extension}")) {
        suggested_name
    } else {
        format!("{suggested_name}.{extension}")
    };
    let path: PathBuf = if let Some(dir) = std::env::var_os("PHONE_ROSTER_EXPORT_DIR") {
        PathBuf::from(dir).join(&file_name)
    } else {
        let Some(chosen) = app
            .dialog()
            .file()
            .set_file_name(file_name)
            .add_filter(extension.to_uppercase(), &[extension])
            .blocking_save_file()
        else {
            return Ok(None);
        };
        chosen
            .into_path()
            .map_err(|e| state.note(AppError::internal(e.to_string())))?
    };
    let summary = tokio::task::spawn_blocking(move || {
        let users = open.roster.users();
        let matching = open.roster.matching(&spec);
        roster::export::export_to_path(matching.iter().map(|&i| &users[i]), &columns, format, &path)
    })
    .await
    .map_err(|e| state.note(AppError::internal(e.to_string())))?
    .map_err(|e| state.note(e))?;
    Ok(Some(ExportSummary {
        path: summary.path.display().to_string(),
        rows: u32::try_from(summary.rows).unwrap_or(u32::MAX),
    }))
}

#[tauri::command]
#[specta::specta]
pub async fn reveal(app: AppHandle, state: State<'_, AppState>, path: String) -> AppResult<()> {
    app.opener().reveal_item_in_dir(&path).map_err(|e| {
        state.note(AppError::internal(format!(
            "Could not show the file in its folder: {e}"
        )))
    })
}
