//! The app's export command end to end on the mock runtime: the file holds the screen's rows and
//! columns, and a cancelled export writes nothing and leaves an existing file as it was.

use std::sync::atomic::Ordering;
use std::time::Duration;

use tauri::Manager;

use super::{TestApp, app_and_sim, recorder, saved_and_open};
use crate::commands::{export, load};
use roster::export::ExportFormat;
use roster::{Column, SortKey, ViewSpec};

async fn loaded_app(users: usize) -> (zoom_sim::SimHandle, TestApp) {
    let (sim, app) = app_and_sim(users).await;
    std::fs::create_dir_all(app.dir.path().join("exports")).unwrap();
    saved_and_open(&app, "Acme").await;
    let (channel, _) = recorder();
    load::load_roster(app.state(), channel).await.unwrap();
    (sim, app)
}

fn by_name() -> ViewSpec {
    ViewSpec {
        sort: vec![SortKey {
            column: Column::Name,
            descending: false,
        }],
        ..Default::default()
    }
}

#[tokio::test]
async fn the_file_has_the_screen_s_columns_in_their_order_under_the_stem_given() {
    let (_sim, app) = loaded_app(50).await;
    // Email hidden, the User ID added and moved to the front, as the column chooser allows.
    let columns = vec![Column::UserId, Column::Name, Column::CostCenter];
    let written = export::export_view(
        app.app.handle().clone(),
        app.state(),
        by_name(),
        columns,
        ExportFormat::Csv(Default::default()),
        "Acme - all phone users - 2026-11-30".into(),
    )
    .await
    .unwrap()
    .expect("written");
    assert!(
        written
            .path
            .ends_with("Acme - all phone users - 2026-11-30.csv"),
        "{}",
        written.path
    );
    assert_eq!(written.rows, 50);
    let text = std::fs::read_to_string(&written.path).unwrap();
    let header = text.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert_eq!(header, "User ID,Name,Cost Center");
}

#[tokio::test]
async fn a_cancelled_export_writes_nothing_and_keeps_the_file_it_would_replace() {
    let (_sim, app) = loaded_app(6_000).await;
    let exports = app.dir.path().join("exports");
    let existing = exports.join("Acme.xlsx");
    std::fs::write(&existing, b"last month's file").unwrap();

    let handle = app.app.handle().clone();
    let running = tokio::spawn(async move {
        let state = handle.state::<crate::state::AppState>();
        export::export_view(
            handle.clone(),
            state,
            by_name(),
            Column::ALL.to_vec(),
            ExportFormat::Xlsx,
            "Acme".into(),
        )
        .await
    });
    // Cancel as soon as the export has started writing (its cancel flag exists), within a minute.
    tokio::time::timeout(Duration::from_secs(60), async {
        while app.state().running_export.lock().unwrap().is_none() {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    })
    .await
    .expect("the export never started");
    export::cancel_export(app.state());
    let flag_set = app
        .state()
        .running_export
        .lock()
        .unwrap()
        .as_ref()
        .is_none_or(|cancel| cancel.load(Ordering::Relaxed));
    assert!(flag_set);

    let answer = tokio::time::timeout(Duration::from_secs(60), running)
        .await
        .expect("the cancelled export never ended")
        .unwrap()
        .unwrap();
    assert!(answer.is_none(), "a cancelled export answered {answer:?}");
    assert_eq!(std::fs::read(&existing).unwrap(), b"last month's file");
    let left: Vec<_> = std::fs::read_dir(&exports)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, [std::ffi::OsString::from("Acme.xlsx")], "stray files");
    assert!(app.state().running_export.lock().unwrap().is_none());
}
