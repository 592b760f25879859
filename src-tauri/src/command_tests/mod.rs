//! Command tests on Tauri's mock runtime: the real commands, state, keychain (a fresh Secret Service
//! under `cargo xtask test`) and HTTP to zoom-sim on loopback; only the window is absent. They store
//! secrets in the OS keychain, so `cargo xtask portable` (Windows, macOS, and Linux outside the
//! throwaway Secret Service) skips this module by its name.

mod export;
mod insights;
mod ipc_bounds;
mod load;
mod profiles;
mod secrets;
mod soak;

use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;
use tauri::Manager;
use tauri::ipc::{Channel, InvokeResponseBody};
use tauri::test::MockRuntime;
use tokio::sync::Notify;

use crate::commands::load::LoadEvent;
use crate::commands::profiles::ProfileDraft;
use crate::state::AppState;
use ::profiles::Cloud;

/// An app on the mock runtime whose folders are temporary and whose keychain entries live under a
/// service name of their own, so tests never meet each other's (or the user's) profiles.
pub struct TestApp {
    pub app: tauri::App<MockRuntime>,
    pub dir: tempfile::TempDir,
}

impl TestApp {
    pub fn new(sim: &zoom_sim::SimHandle) -> TestApp {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let dir = tempfile::tempdir().expect("temp dir");
        let service = format!(
            "phone-roster-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let profiles =
            ::profiles::ProfileStore::at(dir.path().join("config")).with_keychain_service(service);
        let state = AppState::new(
            profiles,
            dir.path().join("snapshots"),
            dir.path().join("logs"),
        )
        .with_endpoints_override(Some(zoom::Endpoints::custom(
            sim.api_base(),
            sim.token_url(),
        )))
        .with_export_dir_override(Some(dir.path().join("exports")));
        let app = tauri::test::mock_builder()
            .manage(state)
            .build(tauri::test::mock_context(tauri::test::noop_assets()))
            .expect("mock app");
        TestApp { app, dir }
    }

    pub fn state(&self) -> tauri::State<'_, AppState> {
        self.app.state::<AppState>()
    }
}

/// A simulated account of `users` users, and an app whose profiles talk to it.
pub async fn app_and_sim(users: usize) -> (zoom_sim::SimHandle, TestApp) {
    let sim = zoom_sim::start(zoom_sim::SimConfig {
        users,
        ..Default::default()
    })
    .await
    .expect("the simulator starts");
    let app = TestApp::new(&sim);
    (sim, app)
}

/// Saves the profile `name` for the simulated account (with its secret) and opens it.
pub async fn saved_and_open(app: &TestApp, name: &str) {
    let secret = zoom_sim::SimConfig::default().client_secret;
    crate::commands::profiles::save_profile(app.state(), draft(name), Some(secret), false)
        .await
        .expect("profile saved");
    crate::commands::profiles::open_profile(app.state(), name.into())
        .await
        .expect("profile opened");
}

pub fn draft(name: &str) -> ProfileDraft {
    let sim = zoom_sim::SimConfig::default();
    ProfileDraft {
        name: name.into(),
        account_id: sim.account_id,
        client_id: sim.client_id,
        cloud: Cloud::Zoom,
    }
}

/// The longest any one wait may take before the test fails. Generous: every wait ends as soon as
/// what it waits for has happened, so only a hang costs this much.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// `future`'s output, or a failure naming `what` when it has not come within `PATIENCE`.
pub async fn within_patience<T>(what: &str, future: impl Future<Output = T>) -> T {
    match tokio::time::timeout(PATIENCE, future).await {
        Ok(output) => output,
        Err(_) => panic!("{what} did not happen within {PATIENCE:?}"),
    }
}

/// The load events a channel received, as the JSON the web view would get, and a signal raised on
/// each, so a test waits for an event instead of polling for it. Reads as the list of events.
pub struct Recorded {
    pub events: Arc<Mutex<Vec<Value>>>,
    arrived: Arc<Notify>,
}

impl std::ops::Deref for Recorded {
    type Target = Mutex<Vec<Value>>;

    fn deref(&self) -> &Self::Target {
        &self.events
    }
}

impl Recorded {
    /// Waits, within `PATIENCE`, until an event of `kind` has arrived.
    pub async fn until(&self, kind: &str) {
        within_patience(&format!("a `{kind}` load event"), async {
            // `notify_one` leaves a permit when nobody is waiting yet, so an event arriving between
            // the check and the wait still ends the wait.
            while !kinds(&self.events).iter().any(|k| k == kind) {
                self.arrived.notified().await;
            }
        })
        .await;
    }
}

/// A load channel that records every event.
pub fn recorder() -> (Channel<LoadEvent>, Recorded) {
    let events = Arc::new(Mutex::new(Vec::new()));
    let arrived = Arc::new(Notify::new());
    let (sink, signal) = (events.clone(), arrived.clone());
    let channel = Channel::new(move |body| {
        if let InvokeResponseBody::Json(json) = body {
            let event: Value = serde_json::from_str(&json).expect("channel JSON");
            sink.lock().unwrap().push(event);
            signal.notify_one();
        }
        Ok(())
    });
    (channel, Recorded { events, arrived })
}

pub fn kinds(events: &Mutex<Vec<Value>>) -> Vec<String> {
    events
        .lock()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// The owner's snapshot, once the load's background save has written it (within a minute).
pub async fn wait_for_snapshot(
    app: &TestApp,
    owner: &::profiles::snapshot::Owner,
) -> Vec<zoom::PhoneUser> {
    let dir = app.state().snapshots_dir.clone();
    for _ in 0..600 {
        if let Some((users, _)) = ::profiles::snapshot::load(&dir, owner) {
            return users;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no snapshot was saved within a minute");
}
