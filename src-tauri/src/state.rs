//! What the app holds between commands: the open roster (session::OpenRoster), the load in
//! progress, the demo account and the last error (for "Copy diagnostics"). Locks are never held
//! across an `.await`, and every one recovers from poisoning: each critical section is a single read or assignment, so a command that
//! panicked while holding one cannot have left its data half-changed.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use profiles::{ProfileError, ProfileStore};
use tokio::sync::oneshot;

use session::OpenRoster;
use session::demo::DemoAccount;

use crate::error::{AppError, AppErrorKind, AppResult};
use crate::ipc::blocking;

pub struct AppState {
    pub profiles: ProfileStore,
    /// Each profile's last loaded roster (see snapshot.rs).
    pub snapshots_dir: PathBuf,
    /// Named in "Copy diagnostics" so support knows where to look.
    pub log_dir: PathBuf,
    /// Endpoints given to profiles saved in this run instead of their cloud's (see `endpoints_from_env`).
    pub endpoints_override: Option<zoom::Endpoints>,
    /// Where exports go instead of through the save dialog, in a run under test (see
    /// commands/export.rs).
    pub export_dir_override: Option<PathBuf>,
    pub roster: RwLock<Option<Arc<OpenRoster>>>,
    /// Sending on it (or dropping it) cancels the running load.
    pub cancel_load: Mutex<Option<oneshot::Sender<()>>>,
    /// Started on the first "Try the demo account" and kept running for the rest of the run.
    pub demo: Mutex<Option<Arc<DemoAccount>>>,
    pub last_error: Mutex<Option<AppError>>,
    /// Setting it cancels the running export; `None` when none runs.
    pub running_export: Mutex<Option<Arc<AtomicBool>>>,
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
            export_dir_override: None,
            roster: RwLock::new(None),
            cancel_load: Mutex::new(None),
            demo: Mutex::new(None),
            last_error: Mutex::new(None),
            running_export: Mutex::new(None),
            exported: Mutex::new(HashSet::new()),
        }
    }

    pub fn with_endpoints_override(mut self, endpoints: Option<zoom::Endpoints>) -> Self {
        self.endpoints_override = endpoints;
        self
    }

    pub fn with_export_dir_override(mut self, dir: Option<PathBuf>) -> Self {
        self.export_dir_override = dir;
        self
    }

    pub fn open_roster(&self) -> Option<Arc<OpenRoster>> {
        self.roster
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub fn set_roster(&self, roster: Arc<OpenRoster>) {
        warm_search(&roster);
        *self.roster.write().unwrap_or_else(PoisonError::into_inner) = Some(roster);
    }

    /// Runs a profile-store call off the async runtime: keychain calls block, and may wait for the
    /// admin to approve a system prompt.
    pub async fn with_profiles<T: Send + 'static>(
        &self,
        call: impl FnOnce(&ProfileStore) -> Result<T, ProfileError> + Send + 'static,
    ) -> AppResult<T> {
        let store = self.profiles.clone();
        Ok(blocking(move || call(&store)).await??)
    }

    /// Closes the table when it shows `profile` (just removed): nothing of it stays on screen.
    pub fn close_roster_of(&self, profile: &str) {
        let mut open = self.roster.write().unwrap_or_else(PoisonError::into_inner);
        if open.as_ref().is_some_and(|o| o.account.is_profile(profile)) {
            self.cancel_running_load();
            *open = None;
        }
    }

    /// A load's update to the open roster: dropped if the admin has opened another account since
    /// the load started (that account's roster stays on screen).
    pub fn set_roster_if_still_open(&self, roster: Arc<OpenRoster>) {
        let mut open = self.roster.write().unwrap_or_else(PoisonError::into_inner);
        if open
            .as_ref()
            .is_none_or(|o| o.account.same_as(&roster.account))
        {
            warm_search(&roster);
            *open = Some(roster);
        }
    }

    /// Stops the running load, if any; its channel then ends with `cancelled`.
    pub fn cancel_running_load(&self) {
        if let Some(cancel) = self
            .cancel_load
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
        {
            let _ = cancel.send(());
        }
    }

    /// The cancel flag of a new export, or `Busy` while another runs (one save dialog at a time
    /// makes that rare: a second window's click).
    pub fn start_export(&self) -> AppResult<Arc<AtomicBool>> {
        let mut running = self
            .running_export
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if running.is_some() {
            return Err(
                AppError::new(AppErrorKind::Busy, "An export is already being written.")
                    .with_hint("Wait for it to finish, or cancel it first."),
            );
        }
        let cancel = Arc::new(AtomicBool::new(false));
        *running = Some(cancel.clone());
        Ok(cancel)
    }

    pub fn end_export(&self) {
        self.running_export
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
    }

    /// `Ok` for a file an export of this run wrote; anything else the page names is refused.
    pub fn check_exported(&self, path: &str) -> Result<(), AppError> {
        let exported = self.exported.lock().unwrap_or_else(PoisonError::into_inner);
        if exported.contains(path) {
            return Ok(());
        }
        Err(AppError::invalid_request(format!(
            "Phone Roster shows only the files it exported, and {path} is not one of them."
        )))
    }

    /// Runs a command's body: the one place where a command's failure is logged and kept for
    /// "Copy diagnostics", whichever path of the command it came from. The log line names the
    /// command by its span: every command that answers through here carries
    /// `#[tracing::instrument(skip_all)]` (its arguments may be large or secret, so none is kept).
    pub async fn answer<T>(&self, body: impl Future<Output = AppResult<T>>) -> AppResult<T> {
        body.await.inspect_err(|error| self.record(error))
    }

    /// Logs a failure, under the running command's span, and keeps it for "Copy diagnostics". For
    /// failures that reach the page without being a command's answer (a load's, on its channel);
    /// commands use `answer`.
    pub fn record(&self, error: &AppError) {
        tracing::warn!(
            kind = ?error.kind,
            tracking_id = error.tracking_id.as_deref(),
            "{}",
            error.message
        );
        *self
            .last_error
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(error.clone());
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
