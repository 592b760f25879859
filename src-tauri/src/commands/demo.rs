//! "Try the demo account": zoom-sim in-process on 127.0.0.1 (ephemeral port) with a realistic 10k-user
//! account and ~30 ms latency, reached through the same client as a real account.

use std::sync::{Arc, PoisonError};
use std::time::Duration;

use secrecy::SecretString;
use tauri::State;

use crate::commands::profiles::RosterStatus;
use crate::error::{AppError, AppResult};
use crate::state::{AppState, DemoAccount, OpenRoster};

pub const DEMO_PROFILE: &str = "Demo account";
const DEMO_USERS: usize = 10_000;
const DEMO_LATENCY: Duration = Duration::from_millis(30);

async fn demo_account(state: &AppState) -> AppResult<Arc<DemoAccount>> {
    if let Some(demo) = state
        .demo
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
    {
        return Ok(demo);
    }
    let config = zoom_sim::SimConfig {
        users: DEMO_USERS,
        faults: zoom_sim::Faults {
            latency: DEMO_LATENCY,
            ..Default::default()
        },
        hostile_names: false,
        ..Default::default()
    };
    let credentials = zoom::Credentials {
        account_id: config.account_id.clone(),
        client_id: config.client_id.clone(),
        client_secret: SecretString::from(config.client_secret.clone()),
    };
    let sim = zoom_sim::start(config)
        .await
        .map_err(|e| AppError::internal(format!("The demo account could not start: {e}")))?;
    let endpoints = zoom::Endpoints::custom(sim.api_base(), sim.token_url());
    let demo = Arc::new(DemoAccount {
        _server: sim,
        credentials,
        endpoints,
    });
    // Two clicks racing: keep the first server, drop the second.
    Ok(state
        .demo
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get_or_insert(demo)
        .clone())
}

#[tauri::command]
#[specta::specta]
pub async fn start_demo(state: State<'_, AppState>) -> AppResult<RosterStatus> {
    state
        .answer("start_demo", async {
            demo_account(&state).await?;
            state.cancel_running_load();
            let open = Arc::new(OpenRoster {
                profile: DEMO_PROFILE.into(),
                is_demo: true,
                roster: roster::Roster::new(Vec::new()),
                loaded_at: None,
                from_snapshot: false,
            });
            state.set_roster(open.clone());
            Ok(RosterStatus::of(&open))
        })
        .await
}

/// Where to load the open roster from: the demo's simulator, or the saved profile's keychain secret.
pub async fn credentials_for(
    state: &AppState,
    open: &OpenRoster,
) -> AppResult<(zoom::Credentials, zoom::Endpoints)> {
    if open.is_demo {
        let demo = state
            .demo
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .ok_or_else(AppError::not_loaded)?;
        return Ok((demo.credentials.clone(), demo.endpoints.clone()));
    }
    let name = open.profile.clone();
    let (credentials, endpoints) = state
        .with_profiles(move |store| store.credentials(&name))
        .await?;
    crate::known_secrets::remember(&credentials.client_id, &credentials.client_secret);
    Ok((credentials, endpoints))
}
