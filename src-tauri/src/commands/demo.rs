//! "Try the demo account": zoom-sim in-process on 127.0.0.1 (ephemeral port) with a realistic 10k-user
//! account and ~30 ms latency, reached through the same client as a real account.

use std::sync::{Arc, PoisonError};
use std::time::Duration;

use profiles::views::SavedView;
use roster::{Column, Filters, SortKey, ViewSpec};
use secrecy::SecretString;
use tauri::State;

use crate::commands::profiles::RosterStatus;
use crate::error::{AppError, AppResult};
use crate::history::History;
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
    let config_seed = config.seed;
    let sim = zoom_sim::start(config)
        .await
        .map_err(|e| AppError::internal(format!("The demo account could not start: {e}")))?;
    let endpoints = zoom::Endpoints::custom(sim.api_base(), sim.token_url());
    let previous = month_old_roster(config_seed)?;
    let demo = Arc::new(DemoAccount {
        _server: sim,
        credentials,
        endpoints,
        previous,
        previous_saved_at: a_month_ago(),
    });
    // Two clicks racing: keep the first server, drop the second.
    Ok(state
        .demo
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get_or_insert(demo)
        .clone())
}

/// The demo's two saved views, so that "Saved views" has something to open at first sight. Kept like
/// any profile's (views.json), so that one the admin removes stays removed while others remain.
async fn offer_demo_views(state: &AppState) {
    let offered = state
        .with_profiles(|store| {
            let views = store.saved_views();
            if views.list(DEMO_PROFILE)?.is_empty() {
                for view in demo_views() {
                    views.save(DEMO_PROFILE, view)?;
                }
            }
            Ok(())
        })
        .await;
    if let Err(e) = offered {
        tracing::warn!("could not offer the demo's saved views: {}", e.message);
    }
}

fn demo_views() -> [SavedView; 2] {
    let by = |column| SortKey {
        column,
        descending: false,
    };
    [
        SavedView {
            name: "Finance monthly".into(),
            spec: ViewSpec {
                filters: Filters {
                    department: vec!["Finance".into()],
                    ..Filters::default()
                },
                sort: vec![by(Column::CostCenter), by(Column::Name)],
                ..ViewSpec::default()
            },
            columns: Column::SHOWN_BY_DEFAULT.to_vec(),
        },
        SavedView {
            name: "Pending activations".into(),
            spec: ViewSpec {
                filters: Filters {
                    status: vec!["pending".into()],
                    ..Filters::default()
                },
                sort: vec![by(Column::Site), by(Column::Name)],
                ..ViewSpec::default()
            },
            columns: vec![
                Column::Name,
                Column::Email,
                Column::Site,
                Column::Department,
                Column::CostCenter,
                Column::Status,
            ],
        },
    ]
}

/// The demo account as it was a month ago: some of today's people not there yet, a few since gone,
/// others in another cost center, site or plan (zoom-sim's demo history).
fn month_old_roster(seed: u64) -> AppResult<Vec<zoom::PhoneUser>> {
    let (previous, _now) = zoom_sim::generate_demo_history(DEMO_USERS, seed);
    previous
        .into_iter()
        .map(serde_json::from_value)
        .collect::<Result<_, _>>()
        .map_err(|e| AppError::internal(format!("The demo's earlier roster is unreadable: {e}")))
}

fn a_month_ago() -> String {
    (time::OffsetDateTime::now_utc() - time::Duration::days(30))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[tauri::command]
#[specta::specta]
pub async fn start_demo(state: State<'_, AppState>) -> AppResult<RosterStatus> {
    state
        .answer("start_demo", async {
            demo_account(&state).await?;
            offer_demo_views(&state).await;
            state.cancel_running_load();
            let open = Arc::new(OpenRoster {
                profile: DEMO_PROFILE.into(),
                is_demo: true,
                roster: roster::Roster::new(Vec::new()),
                loaded_at: None,
                from_snapshot: false,
                history: History::known(None),
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
    profiles::redact::known::remember(&credentials.client_id, &credentials.client_secret);
    Ok((credentials, endpoints))
}
