//! What the app holds between commands: the open roster, the load in progress, the demo account and the
//! last error (for "Copy diagnostics"). Locks are never held across an `.await`.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};

use roster::profiles::{ProfileError, ProfileStore};
use tokio::sync::oneshot;

use crate::error::AppError;

/// The roster on screen and where it came from.
pub struct OpenRoster {
    pub profile: String,
    pub is_demo: bool,
    pub roster: roster::Roster,
    /// RFC 3339; `None` until the first load or snapshot.
    pub loaded_at: Option<String>,
    pub from_snapshot: bool,
}

/// The in-process Zoom simulator behind "Try the demo account"; dropping it stops the server.
pub struct DemoAccount {
    /// Held only so the server keeps running: dropping it stops the simulator.
    pub _server: zoom_sim::SimHandle,
    pub credentials: zoom::Credentials,
    pub endpoints: zoom::Endpoints,
}

pub struct AppState {
    pub profiles: ProfileStore,
    /// Each profile's last loaded roster (see snapshot.rs).
    pub snapshots_dir: PathBuf,
    /// Named in "Copy diagnostics" so support knows where to look.
    pub log_dir: PathBuf,
    /// Endpoints given to profiles saved in this run instead of their cloud's (see `endpoints_from_env`).
    pub endpoints_override: Option<zoom::Endpoints>,
    pub roster: RwLock<Option<Arc<OpenRoster>>>,
    /// Sending on it (or dropping it) cancels the running load.
    pub cancel_load: Mutex<Option<oneshot::Sender<()>>>,
    pub demo: Mutex<Option<Arc<DemoAccount>>>,
    pub last_error: Mutex<Option<AppError>>,
    /// The files exports wrote in this run, as `ExportSummary::path` named them to the web view:
    /// the only ones `reveal` shows.
    pub exported: Mutex<HashSet<String>>,
}

impl AppState {
    pub fn new(profiles: ProfileStore, snapshots_dir: PathBuf, log_dir: PathBuf) -> Self {
        AppState {
            profiles,
            snapshots_dir,
            log_dir,
            endpoints_override: None,
            roster: RwLock::new(None),
            cancel_load: Mutex::new(None),
            demo: Mutex::new(None),
            last_error: Mutex::new(None),
            exported: Mutex::new(HashSet::new()),
        }
    }

    pub fn with_endpoints_override(mut self, endpoints: Option<zoom::Endpoints>) -> Self {
        self.endpoints_override = endpoints;
        self
    }

    pub fn open_roster(&self) -> Option<Arc<OpenRoster>> {
        self.roster.read().expect("roster lock poisoned").clone()
    }

    pub fn set_roster(&self, roster: Arc<OpenRoster>) {
        warm_search(&roster);
        *self.roster.write().expect("roster lock poisoned") = Some(roster);
    }

    /// Runs a profile-store call off the async runtime: keychain calls block, and may wait for the
    /// admin to approve a system prompt.
    pub async fn with_profiles<T: Send + 'static>(
        &self,
        call: impl FnOnce(&ProfileStore) -> Result<T, ProfileError> + Send + 'static,
    ) -> Result<T, AppError> {
        let store = self.profiles.clone();
        tokio::task::spawn_blocking(move || call(&store))
            .await
            .map_err(|e| self.note(AppError::internal(e.to_string())))?
            .map_err(|e| self.note(e))
    }

    /// A load's update to the open roster: dropped if the admin has opened another account since
    /// the load started (that account's roster stays on screen).
    pub fn set_roster_if_still_open(&self, roster: Arc<OpenRoster>) {
        let mut open = self.roster.write().expect("roster lock poisoned");
        if open
            .as_ref()
            .is_none_or(|o| o.profile == roster.profile && o.is_demo == roster.is_demo)
        {
            warm_search(&roster);
            *open = Some(roster);
        }
    }

    /// Stops the running load, if any; its channel then ends with `cancelled`.
    pub fn cancel_running_load(&self) {
        if let Some(cancel) = self.cancel_load.lock().expect("load lock poisoned").take() {
            let _ = cancel.send(());
        }
    }

    /// `Ok` for a file an export of this run wrote; anything else the page names is refused.
    pub fn check_exported(&self, path: &str) -> Result<(), AppError> {
        let exported = self.exported.lock().expect("export list lock poisoned");
        if exported.contains(path) {
            return Ok(());
        }
        Err(self.note(AppError::invalid_request(format!(
            "Phone Roster shows only the files it exported, and {path} is not one of them."
        ))))
    }

    /// Remembers an error for diagnostics and hands it back, so commands can `.map_err(|e| state.note(e))`.
    pub fn note(&self, error: impl Into<AppError>) -> AppError {
        let error = error.into();
        *self.last_error.lock().expect("error lock poisoned") = Some(error.clone());
        error
    }
}

/// `PHONE_ROSTER_API_BASE_URL` and `PHONE_ROSTER_OAUTH_TOKEN_URL` (both set) point profiles saved in
/// this run at another server than their cloud's: the simulator in end-to-end tests, or a proxy. The
/// endpoints are saved with the profile, so it keeps working after a relaunch without them.
pub fn endpoints_from_env() -> Option<zoom::Endpoints> {
    let var = |name| std::env::var(name).ok().filter(|v| !v.is_empty());
    Some(zoom::Endpoints::custom(
        var("PHONE_ROSTER_API_BASE_URL")?,
        var("PHONE_ROSTER_OAUTH_TOKEN_URL")?,
    ))
}

/// The engine builds its search index on the first search; building it now, off the UI's path,
/// keeps the admin's first keystroke as fast as the rest.
fn warm_search(open: &Arc<OpenRoster>) {
    let open = open.clone();
    std::thread::spawn(move || open.roster.prepare_search());
}
