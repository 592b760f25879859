//! `load_roster`: streams the open profile's roster from Zoom, with progress on a channel throttled to
//! ~10 messages a second and always ending with `finished`, `failed` or `cancelled`. A load that fails or
//! is cancelled keeps the previous roster.

use std::sync::{Arc, PoisonError};
use std::time::{Duration, Instant};

use ::profiles::snapshot;
use serde::Serialize;
use session::{Fetched, LoadObserver, OpenRoster};
use specta::Type;
use tauri::State;
use tauri::ipc::Channel;
use tokio::sync::oneshot;

use crate::error::{AppError, AppResult};
use crate::ipc::{blocking, count};
use crate::state::AppState;

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
#[tracing::instrument(skip_all)]
pub async fn load_roster(
    state: State<'_, AppState>,
    on_event: Channel<LoadEvent>,
) -> AppResult<()> {
    state.answer(run(&state, &on_event)).await
}

async fn run(state: &AppState, on_event: &Channel<LoadEvent>) -> AppResult<()> {
    let previous = state.open_roster().ok_or_else(AppError::not_loaded)?;
    // Registered before the keychain is read (which can take a moment): a Cancel clicked as soon as
    // the progress bar shows must reach this load. It is seen by the fetch's first turn.
    let (cancel_tx, cancel_rx) = oneshot::channel();
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

    let account = previous.account.clone();
    let (credentials, endpoints) = state
        .with_profiles(move |store| account.credentials(store))
        .await?;
    let owner = snapshot::Owner {
        profile: previous.account.name().to_owned(),
        account_id: credentials.account_id.clone(),
        client_id: credentials.client_id.clone(),
    };
    let client = zoom::Client::new(credentials, endpoints, Default::default())?;

    let send = |event: LoadEvent| {
        // The window may be gone; nothing else to tell then.
        let _ = on_event.send(event);
    };
    send(LoadEvent::Started {
        profile: previous.account.name().to_owned(),
    });
    let started = Instant::now();
    let mut screen = Screen::new(state, &previous, &send);
    // A dropped sender (the state replaced) stops the load as a Cancel does.
    let fetched = session::fetch_roster(&client, &mut screen, cancel_rx).await;
    let shown = screen.shown;
    state
        .cancel_load
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take();

    match fetched {
        Fetched::Complete(users) => {
            let loaded_at = session::now();
            let n = count(users.len());
            send(LoadEvent::Progress {
                loaded: n,
                total: n,
                shown,
            });
            tracing::info!(profile = previous.account.name(), users = n, elapsed = ?started.elapsed(), "load finished");
            let compared = previous.clone();
            let (users, changes) = blocking(move || {
                let changes = compared.changes_to(&users);
                (users, changes)
            })
            .await?;
            let open = Arc::new(previous.replaced_by(users, Some(loaded_at.clone()), changes));
            state.set_roster_if_still_open(open.clone());
            if !open.account.is_demo() {
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
        Fetched::Failed { error, .. } => {
            let error = AppError::from(error);
            // It reaches the page on the channel, not as the command's answer: recorded here.
            state.record(&error);
            state.set_roster_if_still_open(previous.clone());
            send(LoadEvent::Failed { error });
        }
        Fetched::Stopped { .. } => {
            tracing::info!(
                profile = previous.account.name(),
                kept = previous.roster.len(),
                "load cancelled; the previous roster is kept"
            );
            state.set_roster_if_still_open(previous.clone());
            send(LoadEvent::Cancelled {
                kept: count(previous.roster.len()),
            });
        }
    }
    Ok(())
}

/// What the page sees of a running load: progress at most every `PROGRESS_EVERY`, and, for a first
/// load, the users so far in the table at most every `PUBLISH_EVERY`.
struct Screen<'a, Send: Fn(LoadEvent)> {
    state: &'a AppState,
    previous: &'a OpenRoster,
    send: &'a Send,
    last_sent: Option<Instant>,
    /// A first load fills the table as pages arrive; a refresh keeps the old roster on screen
    /// until the new one is complete. Publishing copies the users and indexes them, so it happens
    /// at most once a second (rows appear after the first page): the table's count is never more
    /// than a second behind the progress bar, and 100k users cost a copy a second, not one per page.
    fill_as_loading: bool,
    last_published: Option<Instant>,
    /// How many users the table holds.
    shown: u32,
}

impl<'a, Send: Fn(LoadEvent)> Screen<'a, Send> {
    fn new(state: &'a AppState, previous: &'a OpenRoster, send: &'a Send) -> Self {
        Screen {
            state,
            previous,
            send,
            last_sent: None,
            fill_as_loading: previous.roster.is_empty(),
            last_published: None,
            shown: count(previous.roster.len()),
        }
    }
}

impl<Send: Fn(LoadEvent)> LoadObserver for Screen<'_, Send> {
    fn users(&mut self, loaded: &[zoom::PhoneUser], total: u32) {
        let due = |last: Option<Instant>, every| last.is_none_or(|at| at.elapsed() >= every);
        if self.fill_as_loading && due(self.last_published, PUBLISH_EVERY) {
            self.last_published = Some(Instant::now());
            let partial = self.previous.replaced_by(loaded.to_vec(), None, None);
            self.state.set_roster_if_still_open(Arc::new(partial));
            self.shown = count(loaded.len());
        }
        if due(self.last_sent, PROGRESS_EVERY) {
            self.last_sent = Some(Instant::now());
            (self.send)(LoadEvent::Progress {
                loaded: count(loaded.len()),
                total,
                shown: self.shown,
            });
        }
    }

    fn rate_limited(&mut self, wait: Duration) {
        (self.send)(LoadEvent::RateLimited {
            wait_seconds: whole_seconds(wait),
        });
    }

    fn retrying(&mut self, reason: &str, attempt: u32, wait: Duration) {
        (self.send)(LoadEvent::Retrying {
            reason: reason.to_owned(),
            attempt,
            wait_seconds: whole_seconds(wait),
        });
    }
}

/// Stops the running load, if any; its channel then ends with `cancelled`.
#[tauri::command]
#[specta::specta]
pub fn cancel_load(state: State<'_, AppState>) {
    state.cancel_running_load();
}
