//! The client secret goes from the connect form to the keychain and nowhere else: not into the
//! profile file, the snapshot, the log, an error, the diagnostics or anything sent back to the web
//! view; nor do its Basic-auth form or the access tokens Zoom (here zoom-sim) hands out.

use std::path::Path;

use super::{TestApp, draft, recorder};
use crate::commands::{load, profiles};
use crate::error::{AppError, AppErrorKind};

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
    assert_eq!(wrong.kind, AppErrorKind::Credentials, "{wrong:?}");
    answers.push(serde_json::to_string(&wrong).unwrap());

    let ok = profiles::test_connection(app.state(), draft("Acme"), Some(SECRET.into()))
        .await
        .expect("the right secret works");
    assert!(ok.phone_users > 0);
    let saved = profiles::save_profile(app.state(), draft("Acme"), Some(SECRET.into()), false)
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

    // Feed the redactor each form a credential travels in, inside text its patterns alone would
    // miss (free text, markup), as a proxy's error page or a library's message might quote it.
    let tokens = sim.live_tokens();
    assert!(!tokens.is_empty(), "zoom-sim issued the app a token");
    let client_id = zoom_sim::SimConfig::default().client_id;
    let basic = base64::Engine::encode(
        &base64::engine::general_purpose::STANDARD,
        format!("{client_id}:{SECRET}"),
    );
    let mut needles = vec![SECRET.to_string(), basic.clone()];
    needles.extend(tokens.iter().cloned());
    let quoted = format!(
        "<pre>{SECRET}</pre> sent as {basic}; answered {}",
        tokens[0]
    );
    tracing::warn!("a proxy answered: {quoted}");
    app.state()
        .record(&AppError::internal(format!("Zoom said: {quoted}")));
    let last = app.state().last_error.lock().unwrap().clone();
    let clipboard = crate::commands::diagnostics::report(
        &crate::about::AppInfo::current(),
        &app.state().log_dir,
        last.as_ref(),
    );
    assert!(clipboard.contains("Zoom said"), "{clipboard}");

    let log = read_all(&app.state().log_dir);
    assert!(
        log.contains("Phone Roster started") && log.contains("a proxy answered"),
        "the log was written: {log}"
    );
    let mut files = String::new();
    for dir in ["config", "snapshots", "logs"] {
        files.push_str(&read_all(&app.dir.path().join(dir)));
    }
    let places = [
        ("an IPC answer", answers.join("\n")),
        ("the log", log),
        ("a file", files),
        ("the diagnostics on the clipboard", clipboard),
    ];
    for (place, text) in &places {
        for needle in &needles {
            assert!(
                !text.contains(needle.as_str()),
                "{place} holds {needle}: {text}"
            );
        }
    }
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
