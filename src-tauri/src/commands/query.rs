//! `query(spec, offset, limit)`: one window of the current view, its total and the facet counts — the
//! engine's one query shape, used by the table, the filters and the chart alike.

use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::error::{AppError, AppResult};
use crate::ipc::count;
use crate::rows::Row;
use crate::state::AppState;

/// A window of the view's rows, ready for the table, with the view's total and facet counts.
#[derive(Debug, Clone, Serialize, Type)]
pub struct TableWindow {
    pub offset: u32,
    pub total: u32,
    pub roster_size: u32,
    pub rows: Vec<Row>,
    /// Only when asked for: they are the same for every window of a view.
    pub facets: Option<roster::Facets>,
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn query(
    state: State<'_, AppState>,
    spec: roster::ViewSpec,
    offset: u32,
    limit: u32,
    with_facets: bool,
) -> AppResult<TableWindow> {
    state
        .answer(async {
            spec.check()?;
            roster::check_window(limit as usize)?;
            let open = state.open_roster().ok_or_else(AppError::not_loaded)?;
            let (offset_at, limit) = (offset as usize, limit as usize);
            let hits = match with_facets {
                true => open.roster.query(&spec, offset_at, limit),
                false => open.roster.window(&spec, offset_at, limit),
            };
            Ok(TableWindow {
                offset,
                total: hits.total,
                roster_size: count(open.roster.len()),
                rows: hits
                    .rows
                    .iter()
                    .map(|&i| Row::of(&open.roster.users()[i as usize]))
                    .collect(),
                facets: with_facets.then_some(hits.facets),
            })
        })
        .await
}
