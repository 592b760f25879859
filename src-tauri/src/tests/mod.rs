//! Command tests on Tauri's mock runtime: the real commands, state, keychain (a fresh Secret Service
//! under `cargo xtask test`) and HTTP to zoom-sim on loopback; only the window is absent.

mod ipc_bounds;
mod load;
mod profiles;
mod secrets;
mod soak;

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use serde_json::Value;
use tauri::Manager;
use tauri::ipc::{Channel, InvokeResponseBody};
use tauri::test::MockRuntime;

use crate::commands::load::LoadEvent;
use crate::commands::profiles::{Cloud, ProfileDraft};
use crate::state::AppState;

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
        let profiles = roster::profiles::ProfileStore::at(dir.path().join("config"))
            .with_keychain_service(service);
        let state = AppState::new(
            profiles,
            dir.path().join("snapshots"),
            dir.path().join("logs"),
        )
        .with_endpoints_override(Some(zoom::Endpoints::custom(
            sim.api_base(),
            sim.token_url(),
        )));
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

pub fn draft(name: &str) -> ProfileDraft {
    let sim = zoom_sim::SimConfig::default();
    ProfileDraft {
        name: name.into(),
        account_id: sim.account_id,
        client_id: sim.client_id,
        cloud: Cloud::Zoom,
    }
}

/// A load channel that records every event as the JSON the web view would receive.
pub fn recorder() -> (Channel<LoadEvent>, Arc<Mutex<Vec<Value>>>) {
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = events.clone();
    let channel = Channel::new(move |body| {
        if let InvokeResponseBody::Json(json) = body {
            sink.lock()
                .unwrap()
                .push(serde_json::from_str(&json).expect("channel JSON"));
        }
        Ok(())
    });
    (channel, events)
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
    owner: &crate::snapshot::Owner,
) -> Vec<zoom::PhoneUser> {
    let dir = app.state().snapshots_dir.clone();
    for _ in 0..600 {
        if let Some((users, _)) = crate::snapshot::load(&dir, owner) {
            return users;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no snapshot was saved within a minute");
}
