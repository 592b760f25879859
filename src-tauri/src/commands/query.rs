//! `query(spec, offset, limit)`: one window of the current view, its total and the facet counts — the
//! engine's one query shape, used by the table, the filters and the chart alike.

use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// One user as the table shows it: every cell already a string, in the export's wording. Field names are
/// the `Column` names, so the UI can index a row by column.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Row {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub extension: String,
    pub phone_numbers: String,
    pub site: String,
    pub department: String,
    pub cost_center: String,
    pub status: String,
    pub calling_plans: String,
    pub phone_user_id: String,
    pub extension_id: String,
    pub site_id: String,
    pub activation_status: String,
}

impl Row {
    fn of(user: &zoom::PhoneUser) -> Self {
        let cell = |column: roster::Column| column.cell(user);
        Row {
            user_id: cell(roster::Column::UserId),
            name: cell(roster::Column::Name),
            email: cell(roster::Column::Email),
            extension: cell(roster::Column::Extension),
            phone_numbers: cell(roster::Column::PhoneNumbers),
            site: cell(roster::Column::Site),
            department: cell(roster::Column::Department),
            cost_center: cell(roster::Column::CostCenter),
            status: cell(roster::Column::Status),
            calling_plans: cell(roster::Column::CallingPlans),
            phone_user_id: cell(roster::Column::PhoneUserId),
            extension_id: cell(roster::Column::ExtensionId),
            site_id: cell(roster::Column::SiteId),
            activation_status: cell(roster::Column::ActivationStatus),
        }
    }
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct QueryResult {
    pub offset: u32,
    pub total: u32,
    pub roster_size: u32,
    pub rows: Vec<Row>,
    pub facets: roster::Facets,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[tauri::command]
#[specta::specta]
pub async fn query(
    state: State<'_, AppState>,
    spec: roster::ViewSpec,
    offset: u32,
    limit: u32,
) -> AppResult<QueryResult> {
    spec.check().map_err(|e| state.note(e))?;
    roster::check_window(limit as usize).map_err(|e| state.note(e))?;
    let open = state.open_roster().ok_or_else(AppError::not_loaded)?;
    let result = open.roster.query(&spec, offset as usize, limit as usize);
    Ok(QueryResult {
        offset,
        total: result.total,
        roster_size: count(open.roster.len()),
        rows: result
            .rows
            .iter()
            .map(|&i| Row::of(&open.roster.users()[i as usize]))
            .collect(),
        facets: result.facets,
    })
}
