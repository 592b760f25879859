//! The Changes view: who joined, left or changed since the roster before, filtered, searched and
//! sorted by the same view spec as the roster, and exported as the screen shows it. Like the
//! roster's, the list reaches the page a window at a time (`offset`, `limit`), so a huge or hostile
//! set of changes never crosses IPC whole.

use roster::ViewSpec;
use roster::changes::{ChangeKind, FieldChange};
use roster::export::ExportFormat;
use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Runtime, State};

use session::RosterChanges;

use crate::error::{AppError, AppResult};
use crate::export_file::{ExportedFile, write_export};
use crate::ipc::blocking;
use crate::rows::Row;
use crate::state::AppState;

/// The top bar's "+12 joined · 3 left · 27 changed since 28 Nov, 09:14".
#[derive(Debug, Clone, Serialize, Type)]
pub struct ChangeSummary {
    pub joined: u32,
    pub left: u32,
    pub changed: u32,
    /// When the roster compared with was saved (RFC 3339).
    pub since: String,
}

/// One changed user as the Changes view shows it.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ChangeRow {
    pub kind: ChangeKind,
    /// The user now (as last seen, for one who left), in the roster's wording.
    pub user: Row,
    /// "Cost Center: 4100 → 4200; Site: Austin → Denver"; empty for joined and left.
    pub what_changed: String,
    pub fields: Vec<FieldChange>,
}

/// A window of the changes the view lets through, in its sort order; how many it lets through in
/// all; and how many there are of each kind.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ChangeList {
    /// The rows from `offset`, at most `limit` of them.
    pub rows: Vec<ChangeRow>,
    /// How many changes the view lets through.
    pub shown: u32,
    pub summary: ChangeSummary,
}

/// What changed since the roster before, or `None` when there is none to compare with. The first
/// ask after opening a profile compares (history.rs): off the async runtime.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn change_summary(state: State<'_, AppState>) -> AppResult<Option<ChangeSummary>> {
    state
        .answer(async {
            let Some(open) = state.open_roster() else {
                return Ok(None);
            };
            let changes = blocking(move || open.changes()).await?;
            Ok(changes.as_deref().map(summary_of))
        })
        .await
}

fn summary_of(changes: &RosterChanges) -> ChangeSummary {
    let counts = changes.counts();
    ChangeSummary {
        joined: counts.joined,
        left: counts.left,
        changed: counts.changed,
        since: changes.since.clone(),
    }
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn changes(
    state: State<'_, AppState>,
    spec: ViewSpec,
    kinds: Vec<ChangeKind>,
    offset: u32,
    limit: u32,
) -> AppResult<ChangeList> {
    state
        .answer(async {
            spec.check()?;
            roster::check_window(limit as usize)?;
            let open = state.open_roster().ok_or_else(AppError::not_loaded)?;
            let changes = blocking(move || open.changes()).await?;
            let changes = changes.ok_or_else(no_history)?;
            let matched = changes.set.rows(&spec, &kinds);
            let shown = u32::try_from(matched.len()).unwrap_or(u32::MAX);
            let rows = matched
                .into_iter()
                .skip(offset as usize)
                .take(limit as usize)
                .map(|change| ChangeRow {
                    kind: change.kind,
                    user: Row::of(&change.user),
                    what_changed: change.what_changed(),
                    fields: change.fields.clone(),
                })
                .collect();
            Ok(ChangeList {
                rows,
                shown,
                summary: summary_of(&changes),
            })
        })
        .await
}

/// Writes the Changes view as on screen (its columns, its rows) to a file named `stem`.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn export_changes<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    spec: ViewSpec,
    kinds: Vec<ChangeKind>,
    format: ExportFormat,
    stem: String,
) -> AppResult<Option<ExportedFile>> {
    state
        .answer(async {
            spec.check()?;
            let open = state.open_roster().ok_or_else(AppError::not_loaded)?;
            let changes = blocking(move || open.changes()).await?;
            let changes = changes.ok_or_else(no_history)?;
            write_export(&app, &state, &stem, format, move |path, cancel| {
                let table = changes.set.table(&changes.set.rows(&spec, &kinds));
                roster::export::export_table_to_path(&table, format, path, cancel)
            })
            .await
        })
        .await
}

fn no_history() -> AppError {
    AppError::invalid_request("There is no earlier roster of this account to compare with yet.")
        .with_hint("Refresh later: each refresh is compared with the roster before it.")
}
