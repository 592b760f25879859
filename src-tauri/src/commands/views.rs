//! Saved views of the open profile: named filters, search, sort and columns, kept in the app's config
//! folder beside the profiles, where `phone-roster export --view NAME` finds them too.

use profiles::views::SavedView;
use tauri::State;

use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// The open profile's saved views, in the order they were saved.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn saved_views(state: State<'_, AppState>) -> AppResult<Vec<SavedView>> {
    state
        .answer(async {
            let profile = open_profile(&state)?;
            state
                .with_profiles(move |store| store.saved_views().list(&profile))
                .await
        })
        .await
}

/// Saves `view` under the open profile (replacing one of the same name); answers the new list.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn save_view(state: State<'_, AppState>, view: SavedView) -> AppResult<Vec<SavedView>> {
    state
        .answer(async {
            view.spec.check()?;
            roster::check_columns(&view.columns)?;
            let profile = open_profile(&state)?;
            state
                .with_profiles(move |store| {
                    let views = store.saved_views();
                    views.save(&profile, view)?;
                    views.list(&profile)
                })
                .await
        })
        .await
}

/// Removes the open profile's view `name`; answers the new list.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn remove_view(state: State<'_, AppState>, name: String) -> AppResult<Vec<SavedView>> {
    state
        .answer(async {
            let profile = open_profile(&state)?;
            state
                .with_profiles(move |store| {
                    let views = store.saved_views();
                    views.remove(&profile, &name)?;
                    views.list(&profile)
                })
                .await
        })
        .await
}

/// The open profile's name (the demo's too: its views are kept like any profile's).
fn open_profile(state: &AppState) -> AppResult<String> {
    Ok(state
        .open_roster()
        .ok_or_else(AppError::not_loaded)?
        .account
        .name()
        .to_owned())
}
