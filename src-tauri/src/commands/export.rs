//! `export_view`: the current view, exactly as on screen, through the native save dialog to an atomic
//! write; `reveal` shows the file in the file manager (only a file this run exported).
//!
//! Test hook: with `PHONE_ROSTER_EXPORT_DIR` set, the export is written to that folder under the
//! suggested file name and no dialog opens (WebDriver cannot drive a native dialog; tests/e2e uses it).
//! It silently redirects an admin's files, so only a run under test honours it (`honours_export_dir`).

use std::path::PathBuf;

use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use super::export_name;
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
    let file_name =
        checked_request(&spec, &columns, &format, &suggested_name).map_err(|e| state.note(e))?;
    let extension = format.extension();
    let open = state.open_roster().ok_or_else(AppError::not_loaded)?;
    let test_dir = std::env::var_os("PHONE_ROSTER_EXPORT_DIR")
        .filter(|_| honours_export_dir(cfg!(debug_assertions), state.endpoints_override.as_ref()));
    let path: PathBuf = if let Some(dir) = test_dir {
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
    let path = summary.path.display().to_string();
    state
        .exported
        .lock()
        .expect("export list lock poisoned")
        .insert(path.clone());
    Ok(Some(ExportSummary {
        path,
        rows: u32::try_from(summary.rows).unwrap_or(u32::MAX),
    }))
}

#[tauri::command]
#[specta::specta]
pub async fn reveal(app: AppHandle, state: State<'_, AppState>, path: String) -> AppResult<()> {
    state.check_exported(&path)?;
    app.opener().reveal_item_in_dir(&path).map_err(|e| {
        state.note(AppError::internal(format!(
            "Could not show the file in its folder: {e}"
        )))
    })
}

/// The export's file name, once everything the page sent is within bounds.
fn checked_request(
    spec: &ViewSpec,
    columns: &[Column],
    format: &ExportFormat,
    suggested_name: &str,
) -> AppResult<String> {
    spec.check()?;
    roster::check_columns(columns)?;
    Ok(export_name::file_name(suggested_name, format.extension())?)
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

    fn kind(result: AppResult<String>) -> String {
        let error = result.expect_err("refused");
        serde_json::to_value(&error).unwrap()["kind"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn an_export_request_out_of_bounds_is_refused_as_invalid() {
        let csv = ExportFormat::Csv(Default::default());
        let spec = ViewSpec::default();
        let columns = Column::DEFAULT_EXPORT.to_vec();
        assert_eq!(
            checked_request(&spec, &columns, &csv, "Acme - 2026-11-28.csv").unwrap(),
            "Acme - 2026-11-28.csv"
        );
        assert_eq!(
            kind(checked_request(&spec, &columns, &csv, "../../x")),
            "invalid_request"
        );
        assert_eq!(
            kind(checked_request(&spec, &columns, &csv, "PRN.csv")),
            "invalid_request"
        );
        assert_eq!(
            kind(checked_request(&spec, &[], &csv, "x")),
            "invalid_request"
        );
        let mut huge = ViewSpec::default();
        huge.filters.cost_center = vec!["CC".into(); roster::spec_bounds::MAX_FILTER_VALUES + 1];
        assert_eq!(
            kind(checked_request(&huge, &columns, &csv, "x")),
            "invalid_request"
        );
    }

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
