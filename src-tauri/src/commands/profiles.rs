//! Saved connections: list, save (the secret crosses IPC once, inbound, straight to the keychain),
//! delete, test, open.

use std::sync::Arc;

use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::State;

use profiles::Cloud;
use profiles::snapshot::{self, SnapshotInfo};

use session::OpenRoster;

use crate::error::{AppError, AppResult};
use crate::ipc::blocking;
use crate::roster_status::RosterStatus;
use crate::state::AppState;

/// A profile as the connect form sends it; the secret travels beside it, never inside.
#[derive(Debug, Clone, Deserialize, Type)]
pub struct ProfileDraft {
    pub name: String,
    pub account_id: String,
    pub client_id: String,
    pub cloud: Cloud,
}

impl ProfileDraft {
    fn to_profile(&self, state: &AppState) -> profiles::Profile {
        let mut profile =
            profiles::Profile::new(&self.name, &self.account_id, &self.client_id, self.cloud);
        profile.endpoints = state.endpoints_override.clone();
        profile
    }
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct ProfileInfo {
    pub name: String,
    pub account_id: String,
    pub client_id: String,
    pub cloud: Cloud,
    pub snapshot: Option<SnapshotInfo>,
    /// The API address when it is not the cloud's own (a test server on this computer), shown
    /// beside the name so that an address nobody chose on purpose is seen.
    pub api_address: Option<String>,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct ConnectionOk {
    pub phone_users: u32,
}

fn info(state: &AppState, profile: profiles::Profile) -> ProfileInfo {
    ProfileInfo {
        snapshot: snapshot::info(&state.snapshots_dir, &snapshot::Owner::of(&profile)),
        api_address: profile.endpoints.map(|endpoints| endpoints.api_base),
        name: profile.name,
        account_id: profile.account_id,
        client_id: profile.client_id,
        cloud: profile.cloud,
    }
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn list_profiles(state: State<'_, AppState>) -> AppResult<Vec<ProfileInfo>> {
    state
        .answer(async {
            let profiles = state.with_profiles(|store| store.list()).await?;
            Ok(profiles.into_iter().map(|p| info(&state, p)).collect())
        })
        .await
}

/// Saves a new profile; one of the same name is replaced only with `replace` (the admin said so),
/// otherwise the answer is `ProfileExists` and the form asks.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn save_profile(
    state: State<'_, AppState>,
    profile: ProfileDraft,
    secret: Option<String>,
    replace: bool,
) -> AppResult<ProfileInfo> {
    state
        .answer(async {
            let saved = profile.to_profile(&state);
            let secret = secret.map(SecretString::from);
            if let Some(secret) = &secret {
                profiles::redact::known::remember(&saved.client_id, secret);
            }
            let to_save = saved.clone();
            let before = state
                .with_profiles(move |store| {
                    let before = store.get(&to_save.name).ok();
                    match replace {
                        true => store.save(&to_save, secret),
                        false => store.create(&to_save, secret),
                    }?;
                    Ok(before)
                })
                .await?;
            // The name now means another account (or Zoom app): its roster leaves the screen.
            if before.is_some_and(|b| snapshot::Owner::of(&b) != snapshot::Owner::of(&saved)) {
                state.close_roster_of(&saved.name);
            }
            Ok(info(&state, saved))
        })
        .await
}

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
/// Removes a saved profile: its entry, its secret from the keychain and its saved roster. When it
/// is the open one, the table closes with it.
pub async fn delete_profile(state: State<'_, AppState>, name: String) -> AppResult<()> {
    state
        .answer(async {
            let (deleted, snapshots) = (name.clone(), state.snapshots_dir.clone());
            state
                .with_profiles(move |store| store.delete_with_rosters(&deleted, &snapshots))
                .await?;
            state.close_roster_of(&name);
            Ok(())
        })
        .await
}

/// Token + one page with what the form holds; without a secret, the saved one is used.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn test_connection(
    state: State<'_, AppState>,
    profile: ProfileDraft,
    secret: Option<String>,
) -> AppResult<ConnectionOk> {
    state
        .answer(async {
            let draft = profile.to_profile(&state);
            let client_secret = match secret {
                Some(secret) => SecretString::from(secret),
                None => {
                    let name = draft.name.clone();
                    state
                        .with_profiles(move |store| store.secret(&name))
                        .await?
                }
            };
            profiles::redact::known::remember(&draft.client_id, &client_secret);
            let credentials = zoom::Credentials {
                account_id: draft.account_id.clone(),
                client_id: draft.client_id.clone(),
                client_secret,
            };
            let endpoints = draft.effective_endpoints();
            let client = zoom::Client::new(credentials, endpoints, Default::default())?;
            let check = client.check_connection().await?;
            Ok(ConnectionOk {
                phone_users: check.phone_users,
            })
        })
        .await
}

/// Makes `name` the open profile and shows its last snapshot at once (empty when there is none).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn open_profile(state: State<'_, AppState>, name: String) -> AppResult<RosterStatus> {
    state
        .answer(async {
            let profile = state.with_profiles(move |store| store.get(&name)).await?;
            // Another account's load must not land on this one's table.
            state.cancel_running_load();
            let dir = state.snapshots_dir.clone();
            let owner = snapshot::Owner::of(&profile);
            // Reading and indexing a large snapshot takes a moment: off the async runtime.
            let open = Arc::new(blocking(move || OpenRoster::from_snapshot(&dir, owner)).await?);
            state.set_roster(open.clone());
            Ok(RosterStatus::of(&open))
        })
        .await
}

/// Opens the Zoom App Marketplace of `cloud` in the browser, for the built-in guide. The URL is fixed
/// here, so the web view can open nothing else.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn open_marketplace(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    cloud: Cloud,
) -> AppResult<()> {
    use tauri_plugin_opener::OpenerExt;
    let url = match cloud {
        Cloud::Zoom => "https://marketplace.zoom.us/",
        Cloud::ZoomGov => "https://marketplace.zoomgov.com/",
    };
    state
        .answer(async {
            app.opener()
                .open_url(url, None::<&str>)
                .map_err(|e| AppError::internal(format!("Could not open the browser: {e}")))
        })
        .await
}
