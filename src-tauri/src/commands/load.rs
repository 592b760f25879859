//! `load_roster`: streams the open profile's roster from Zoom, with progress on a channel throttled to
//! ~10 messages a second and always ending with `finished`, `failed` or `cancelled`. A load that fails or
//! is cancelled keeps the previous roster.

use std::sync::{Arc, PoisonError};
use std::time::{Duration, Instant};

use futures::StreamExt;
use serde::Serialize;
use specta::Type;
use tauri::State;
use tauri::ipc::Channel;
use tokio::sync::oneshot;

use crate::error::{AppError, AppResult};
use crate::history::{History, RosterChanges};
use crate::ipc::{blocking, count};
use crate::state::{AppState, OpenRoster};
use ::profiles::snapshot;

/// How often progress may reach the web view. Each update costs the web view a frame (60–100 ms of
/// software compositing on a computer without a GPU: BENCHMARKS.md, issue 11), so four a second.
const PROGRESS_EVERY: Duration = Duration::from_millis(250);
/// How often a first load shows the users it has so far in the table.
const PUBLISH_EVERY: Duration = Duration::from_secs(1);

#[derive(Debug, Clone, Serialize, Type)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum LoadEvent {
    Started {
        profile: String,
    },
    Progress {
        loaded: u32,
        total: u32,
        /// How many users the table's roster holds now: it changes only when a first load has
        /// published what it has (at most once a second), so the page asks for rows only then.
        shown: u32,
    },
    /// Whole seconds, rounded up (an f64 would reach TypeScript as `number | null`, for NaN).
    RateLimited {
        wait_seconds: u32,
    },
    Retrying {
        reason: String,
        attempt: u32,
        wait_seconds: u32,
    },
    Finished {
        count: u32,
        elapsed_ms: u32,
        loaded_at: String,
    },
    Failed {
        error: AppError,
    },
    Cancelled {
        kept: u32,
    },
}

fn whole_seconds(wait: Duration) -> u32 {
    u32::try_from(wait.as_millis().div_ceil(1000)).unwrap_or(u32::MAX)
}

/// Loads the open profile (a saved one or the demo account). Errors that happen before the stream
/// starts (no profile open, secret missing) are the command's error; everything after goes on the channel.
#[tauri::command]
#[specta::specta]
pub async fn load_roster(
    state: State<'_, AppState>,
    on_event: Channel<LoadEvent>,
) -> AppResult<()> {
    state.answer("load_roster", run(&state, &on_event)).await
}

async fn run(state: &AppState, on_event: &Channel<LoadEvent>) -> AppResult<()> {
    let previous = state.open_roster().ok_or_else(AppError::not_loaded)?;
    // Registered before the keychain is read (which can take a moment): a Cancel clicked as soon as
    // the progress bar shows must reach this load. It is seen by the first select below.
    let (cancel_tx, mut cancel_rx) = oneshot::channel();
    {
        let mut running = state
            .cancel_load
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if running.as_ref().is_some_and(|tx| !tx.is_closed()) {
            return Err(AppError::busy());
        }
        *running = Some(cancel_tx);
    }

    let (credentials, endpoints) = crate::commands::demo::credentials_for(state, &previous).await?;
    let owner = snapshot::Owner {
        profile: previous.profile.clone(),
        account_id: credentials.account_id.clone(),
        client_id: credentials.client_id.clone(),
    };
    let client = zoom::Client::new(credentials, endpoints, Default::default())?;

    let send = |event: LoadEvent| {
        // The window may be gone; nothing else to tell then.
        let _ = on_event.send(event);
    };
    send(LoadEvent::Started {
        profile: previous.profile.clone(),
    });

    let started = Instant::now();
    let mut users = Vec::new();
    let mut last_sent = Instant::now() - PROGRESS_EVERY;
    // A first load fills the table as pages arrive; a refresh keeps the old roster on screen until the
    // new one is complete. Publishing copies the users and indexes them, so it happens at most once a
    // second (rows appear after the first page): the table's count is never more than a second behind
    // the progress bar, and 100k users cost a copy a second, not one per page.
    let fill_as_loading = previous.roster.is_empty();
    let mut last_published: Option<Instant> = None;
    let mut shown = count(previous.roster.len());
    let mut stream = client.roster();
    let outcome = loop {
        let next = tokio::select! {
            _ = &mut cancel_rx => break Outcome::Cancelled,
            next = stream.next() => next,
        };
        match next {
            None => break Outcome::Finished,
            Some(Err(error)) => break Outcome::Failed(error.into()),
            Some(Ok(zoom::FetchEvent::Users { users: page, total })) => {
                users.extend(page);
                if fill_as_loading && last_published.is_none_or(|at| at.elapsed() >= PUBLISH_EVERY)
                {
                    last_published = Some(Instant::now());
                    publish(state, &previous, users.clone(), None, None);
                    shown = count(users.len());
                }
                if last_sent.elapsed() >= PROGRESS_EVERY {
                    last_sent = Instant::now();
                    send(LoadEvent::Progress {
                        loaded: count(users.len()),
                        total,
                        shown,
                    });
                }
            }
            Some(Ok(zoom::FetchEvent::RateLimited { wait })) => {
                send(LoadEvent::RateLimited {
                    wait_seconds: whole_seconds(wait),
                });
            }
            Some(Ok(zoom::FetchEvent::Retrying {
                reason,
                attempt,
                wait,
            })) => {
                send(LoadEvent::Retrying {
                    reason,
                    attempt,
                    wait_seconds: whole_seconds(wait),
                });
            }
        }
    };
    drop(stream);
    state
        .cancel_load
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take();

    match outcome {
        Outcome::Finished => {
            let loaded_at = now_rfc3339();
            let n = count(users.len());
            send(LoadEvent::Progress {
                loaded: n,
                total: n,
                shown,
            });
            tracing::info!(profile = %previous.profile, users = n, elapsed = ?started.elapsed(), "load finished");
            let (users, changes) = changes_since(state, previous.clone(), users).await?;
            let open = publish(state, &previous, users, Some(loaded_at.clone()), changes);
            if !open.is_demo {
                let dir = state.snapshots_dir.clone();
                tokio::task::spawn_blocking(move || {
                    let at = open.loaded_at.as_deref().unwrap_or_default();
                    if let Err(e) = snapshot::save(&dir, &owner, at, open.roster.users()) {
                        tracing::warn!("could not save the roster snapshot: {e}");
                    }
                });
            }
            send(LoadEvent::Finished {
                count: n,
                elapsed_ms: u32::try_from(started.elapsed().as_millis()).unwrap_or(u32::MAX),
                loaded_at,
            });
        }
        Outcome::Failed(error) => {
            // It reaches the page on the channel, not as the command's answer: recorded here.
            state.record("load_roster", &error);
            state.set_roster_if_still_open(previous.clone());
            send(LoadEvent::Failed { error });
        }
        Outcome::Cancelled => {
            tracing::info!(profile = %previous.profile, kept = previous.roster.len(), "load cancelled; the previous roster is kept");
            state.set_roster_if_still_open(previous.clone());
            send(LoadEvent::Cancelled {
                kept: count(previous.roster.len()),
            });
        }
    }
    Ok(())
}

enum Outcome {
    Finished,
    Failed(AppError),
    Cancelled,
}

/// What changed since the roster before this load: the one on screen when it started, or, for the
/// demo, its roster of a month ago. Compared off the async runtime (100k users take a moment).
async fn changes_since(
    state: &AppState,
    previous: Arc<OpenRoster>,
    users: Vec<zoom::PhoneUser>,
) -> AppResult<(Vec<zoom::PhoneUser>, Option<Arc<RosterChanges>>)> {
    let demo = match previous.is_demo {
        true => state
            .demo
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone(),
        false => None,
    };
    blocking(move || {
        let changes = match &demo {
            Some(demo) => {
                RosterChanges::between(&demo.previous, Some(&demo.previous_saved_at), &users)
            }
            None => RosterChanges::between(
                previous.roster.users(),
                previous.loaded_at.as_deref(),
                &users,
            ),
        };
        (users, changes)
    })
    .await
}

fn publish(
    state: &AppState,
    previous: &OpenRoster,
    users: Vec<zoom::PhoneUser>,
    loaded_at: Option<String>,
    changes: Option<Arc<RosterChanges>>,
) -> Arc<OpenRoster> {
    let open = Arc::new(OpenRoster {
        profile: previous.profile.clone(),
        is_demo: previous.is_demo,
        roster: roster::Roster::new(users),
        from_snapshot: false,
        loaded_at: loaded_at.or_else(|| previous.loaded_at.clone()),
        history: History::known(changes),
    });
    state.set_roster_if_still_open(open.clone());
    open
}

fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Stops the running load, if any; its channel then ends with `cancelled`.
#[tauri::command]
#[specta::specta]
pub fn cancel_load(state: State<'_, AppState>) {
    state.cancel_running_load();
}
