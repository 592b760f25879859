//! Loading: events in order, the roster and its snapshot, and a failed or cancelled refresh keeping
//! the roster the admin already had.

use std::time::Duration;

use super::{TestApp, kinds, recorder, saved_and_open, within_patience};
use crate::commands::{load, profiles, query};
use crate::roster_status::RosterStatus;

async fn total(app: &TestApp) -> u32 {
    query::query(app.state(), Default::default(), 0, 200, true)
        .await
        .expect("query")
        .total
}

#[tokio::test]
async fn a_load_streams_progress_ends_with_finished_and_is_kept_as_a_snapshot() {
    let sim = zoom_sim::start(zoom_sim::SimConfig {
        users: 1_200,
        ..Default::default()
    })
    .await
    .unwrap();
    let app = TestApp::new(&sim);
    saved_and_open(&app, "Acme").await;

    let (channel, events) = recorder();
    within_patience("the load", load::load_roster(app.state(), channel))
        .await
        .expect("load");
    let kinds = kinds(&events);
    assert_eq!(
        kinds.first().map(String::as_str),
        Some("started"),
        "{kinds:?}"
    );
    assert_eq!(
        kinds.last().map(String::as_str),
        Some("finished"),
        "{kinds:?}"
    );
    assert!(kinds.iter().any(|k| k == "progress"), "{kinds:?}");
    let expected = u32::try_from(sim.users().len()).unwrap();
    assert_eq!(events.lock().unwrap().last().unwrap()["count"], expected);

    let window = query::query(app.state(), Default::default(), 0, 200, true)
        .await
        .unwrap();
    assert_eq!((window.rows.len(), window.total), (200, expected));

    // The snapshot is written off the command's path; reopening shows it without loading.
    let reopened = wait_for_snapshot(&app, "Acme").await;
    assert!(reopened.from_snapshot && reopened.loaded_at.is_some());
    assert_eq!(reopened.users, expected);
}

/// The snapshot is saved by a detached task that signals nothing, so this checks for it every
/// 50 ms until it is there.
async fn wait_for_snapshot(app: &TestApp, name: &str) -> RosterStatus {
    within_patience("a snapshot of the load", async {
        loop {
            let status = profiles::open_profile(app.state(), name.into())
                .await
                .unwrap();
            if status.from_snapshot {
                return status;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await
}

#[tokio::test]
async fn a_cancelled_or_failed_refresh_keeps_the_previous_roster() {
    let sim = zoom_sim::start(zoom_sim::SimConfig {
        users: 800,
        ..Default::default()
    })
    .await
    .unwrap();
    let app = TestApp::new(&sim);
    saved_and_open(&app, "Acme").await;
    let (channel, _) = recorder();
    within_patience("the first load", load::load_roster(app.state(), channel))
        .await
        .unwrap();
    let before = total(&app).await;

    // Slow pages so the cancel lands mid-load, whatever the machine's speed.
    sim.set_faults(zoom_sim::Faults {
        latency: Duration::from_millis(200),
        ..Default::default()
    });
    let (channel, recorded) = recorder();
    let state = app.app.handle().clone();
    let refresh = tokio::spawn(async move {
        use tauri::Manager;
        load::load_roster(state.state(), channel).await
    });
    recorded.until("started").await;
    load::cancel_load(app.state());
    within_patience("the cancelled refresh to end", refresh)
        .await
        .unwrap()
        .unwrap();
    let events = &recorded.events;
    assert_eq!(kinds(events).last().map(String::as_str), Some("cancelled"));
    assert_eq!(events.lock().unwrap().last().unwrap()["kept"], before);
    assert_eq!(total(&app).await, before);

    sim.set_faults(zoom_sim::Faults {
        missing_scope: true,
        ..Default::default()
    });
    let (channel, events) = recorder();
    within_patience(
        "the failing refresh",
        load::load_roster(app.state(), channel),
    )
    .await
    .unwrap();
    let last = events.lock().unwrap().last().unwrap().clone();
    assert_eq!(last["event"], "failed", "{last}");
    assert_eq!(last["error"]["kind"], "permission", "{last}");
    assert_eq!(total(&app).await, before);
}

#[tokio::test]
async fn opening_another_account_mid_load_stops_the_load_and_keeps_that_account() {
    let sim = zoom_sim::start(zoom_sim::SimConfig {
        users: 800,
        faults: zoom_sim::Faults {
            latency: Duration::from_millis(200),
            ..Default::default()
        },
        ..Default::default()
    })
    .await
    .unwrap();
    let app = TestApp::new(&sim);
    saved_and_open(&app, "Other").await;
    saved_and_open(&app, "Acme").await;
    let (channel, recorded) = recorder();
    let handle = app.app.handle().clone();
    let loading = tokio::spawn(async move {
        use tauri::Manager;
        load::load_roster(handle.state(), channel).await
    });
    recorded.until("started").await;
    profiles::open_profile(app.state(), "Other".into())
        .await
        .unwrap();
    within_patience("the interrupted load to end", loading)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        kinds(&recorded.events).last().map(String::as_str),
        Some("cancelled")
    );
    assert_eq!(app.state().open_roster().unwrap().account.name(), "Other");
}
