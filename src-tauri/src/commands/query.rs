//! `query(spec, offset, limit)`: one window of the current view, its total and the facet counts — the
//! engine's one query shape, used by the table, the filters and the chart alike.

use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::error::{AppError, AppResult};
use crate::ipc::count;
use crate::state::AppState;
use roster::{Column, MULTI_VALUE_SEPARATOR};

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
    /// The values of the multi-valued cells one by one, for the details panel to list.
    pub lists: RowLists,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct RowLists {
    pub phone_numbers: Vec<String>,
    pub calling_plans: Vec<String>,
}

impl Row {
    pub(crate) fn of(user: &zoom::PhoneUser) -> Self {
        let cell = |column: Column| column.cell(user);
        // A multi-valued cell is its values joined: formatted once, used for both.
        let lists = RowLists {
            phone_numbers: Column::PhoneNumbers.values(user),
            calling_plans: Column::CallingPlans.values(user),
        };
        Row {
            user_id: cell(Column::UserId),
            name: cell(Column::Name),
            email: cell(Column::Email),
            extension: cell(Column::Extension),
            phone_numbers: lists.phone_numbers.join(MULTI_VALUE_SEPARATOR),
            site: cell(Column::Site),
            department: cell(Column::Department),
            cost_center: cell(Column::CostCenter),
            status: cell(Column::Status),
            calling_plans: lists.calling_plans.join(MULTI_VALUE_SEPARATOR),
            phone_user_id: cell(Column::PhoneUserId),
            extension_id: cell(Column::ExtensionId),
            site_id: cell(Column::SiteId),
            activation_status: cell(Column::ActivationStatus),
            lists,
        }
    }
}

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
pub async fn query(
    state: State<'_, AppState>,
    spec: roster::ViewSpec,
    offset: u32,
    limit: u32,
    with_facets: bool,
) -> AppResult<TableWindow> {
    state
        .answer("query", async {
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
