//! "Try the demo account": the simulator session::demo starts, opened like any account.

use std::sync::{Arc, PoisonError};

use session::demo::{self, DemoAccount};
use session::{Account, OpenRoster};
use tauri::State;

use crate::error::{AppError, AppResult};
use crate::roster_status::RosterStatus;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn start_demo(state: State<'_, AppState>) -> AppResult<RosterStatus> {
    state
        .answer(async {
            let demo = demo_account(&state).await?;
            if let Err(e) = state.with_profiles(demo::offer_views).await {
                tracing::warn!("could not offer the demo's saved views: {}", e.message);
            }
            state.cancel_running_load();
            let open = Arc::new(OpenRoster::empty(Account::Demo(demo)));
            state.set_roster(open.clone());
            Ok(RosterStatus::of(&open))
        })
        .await
}

/// The demo's simulator, started on the first call and kept for the rest of the run.
async fn demo_account(state: &AppState) -> AppResult<Arc<DemoAccount>> {
    let running = state
        .demo
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    if let Some(demo) = running {
        return Ok(demo);
    }
    let demo = Arc::new(DemoAccount::start().await.map_err(AppError::internal)?);
    // Two clicks racing: keep the first server, drop the second.
    Ok(state
        .demo
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get_or_insert(demo)
        .clone())
}
