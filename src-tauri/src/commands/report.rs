//! The Report view: one facet down (cost centers), another across (calling plans or status), users
//! counted in the cells, under the roster's other filters and search; exported as shown.

use roster::export::ExportFormat;
use roster::report::Report;
use roster::{Facet, ViewSpec};
use tauri::{AppHandle, Runtime, State};

use crate::error::{AppError, AppResult};
use crate::export_file::{ExportedFile, write_export};
use crate::ipc::blocking;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn report(
    state: State<'_, AppState>,
    spec: ViewSpec,
    rows_by: Facet,
    columns_by: Facet,
) -> AppResult<Report> {
    state
        .answer(async {
            spec.check()?;
            let open = state.open_roster().ok_or_else(AppError::not_loaded)?;
            // One pass over up to 100k users: off the async runtime.
            blocking(move || open.roster.report(&spec, rows_by, columns_by)).await
        })
        .await
}

/// Writes the report as on screen (its rows, columns and totals) to a file named `stem`.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn export_report<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    spec: ViewSpec,
    rows_by: Facet,
    columns_by: Facet,
    format: ExportFormat,
    stem: String,
) -> AppResult<Option<ExportedFile>> {
    state
        .answer(async {
            spec.check()?;
            let open = state.open_roster().ok_or_else(AppError::not_loaded)?;
            write_export(&app, &state, &stem, format, move |path, cancel| {
                let table = open.roster.report(&spec, rows_by, columns_by).table();
                roster::export::export_table_to_path(&table, format, path, cancel)
            })
            .await
        })
        .await
}
