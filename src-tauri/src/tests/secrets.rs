//! The client secret goes from the connect form to the keychain and nowhere else: not into the
//! profile file, the snapshot, the log, an error or anything sent back to the web view.

use std::path::Path;

use super::{TestApp, draft, recorder};
use crate::commands::{load, profiles};
use crate::error::AppError;

const SECRET: &str = "s3cr3t-that-must-never-leak-4711";

#[tokio::test]
async fn the_secret_reaches_the_keychain_and_no_file_log_or_answer() {
    let sim = zoom_sim::start(zoom_sim::SimConfig {
        users: 300,
        client_secret: SECRET.into(),
        ..Default::default()
    })
    .await
    .unwrap();
    let app = TestApp::new(&sim);
    // The one test of this binary that installs the global subscriber, at the most verbose level the
    // app's own crates log at.
    crate::logging::init(&app.state().log_dir).unwrap();
    let mut answers = Vec::new();

    let wrong = profiles::test_connection(app.state(), draft("Acme"), Some("wrong-secret".into()))
        .await
        .expect_err("a wrong secret is refused");
    assert!(matches!(wrong, AppError::Credentials(_)), "{wrong:?}");
    answers.push(serde_json::to_string(&wrong).unwrap());

    let ok = profiles::test_connection(app.state(), draft("Acme"), Some(SECRET.into()))
        .await
        .expect("the right secret works");
    assert!(ok.phone_users > 0);
    let saved = profiles::save_profile(app.state(), draft("Acme"), Some(SECRET.into()))
        .await
        .unwrap();
    answers.push(serde_json::to_string(&saved).unwrap());
    let stored = app.state().profiles.secret("Acme").unwrap();
    assert_eq!(secrecy::ExposeSecret::expose_secret(&stored), SECRET);

    // Without a secret the saved one is used: the form never needs it back.
    profiles::test_connection(app.state(), draft("Acme"), None)
        .await
        .unwrap();
    let status = profiles::open_profile(app.state(), "Acme".into())
        .await
        .unwrap();
    answers.push(serde_json::to_string(&status).unwrap());
    let (channel, events) = recorder();
    load::load_roster(app.state(), channel).await.unwrap();
    answers.push(serde_json::to_string(&*events.lock().unwrap()).unwrap());
    answers
        .push(serde_json::to_string(&profiles::list_profiles(app.state()).await.unwrap()).unwrap());

    for answer in &answers {
        assert!(
            !answer.contains(SECRET),
            "an IPC answer holds the secret: {answer}"
        );
    }
    let log = read_all(&app.state().log_dir);
    assert!(
        log.contains("Phone Roster started"),
        "the log was written: {log}"
    );
    let mut files = String::new();
    for dir in ["config", "snapshots", "logs"] {
        files.push_str(&read_all(&app.dir.path().join(dir)));
    }
    assert!(!files.contains(SECRET), "a file holds the secret");
}

/// Every file under `dir`, concatenated (lossily: the point is to search it).
fn read_all(dir: &Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            text.push_str(&read_all(&path));
        } else if let Ok(bytes) = std::fs::read(&path) {
            text.push_str(&String::from_utf8_lossy(&bytes));
        }
    }
    text
}
