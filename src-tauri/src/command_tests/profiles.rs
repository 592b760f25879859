//! Profiles are never confused: a name in use is replaced only when the admin says so, and a
//! replaced profile never shows the roster of the account it used to name.

use super::{TestApp, app_and_sim, draft, recorder, saved_and_open, wait_for_snapshot};
use crate::commands::{load, profiles};
use crate::error::AppErrorKind;
use ::profiles::snapshot;

const SECRET: &str = "demo-secret";

#[tokio::test]
async fn saving_under_a_name_in_use_asks_first_and_never_shows_the_old_account_s_roster() {
    let sim = zoom_sim::start(zoom_sim::SimConfig {
        users: 300,
        ..Default::default()
    })
    .await
    .unwrap();
    let app = TestApp::new(&sim);
    profiles::save_profile(app.state(), draft("Prod"), Some(SECRET.into()), false)
        .await
        .expect("a new name is saved");
    profiles::open_profile(app.state(), "Prod".into())
        .await
        .unwrap();
    let (channel, _) = recorder();
    load::load_roster(app.state(), channel).await.unwrap();
    wait_for_snapshot(
        &app,
        &snapshot::Owner::of(&app.state().profiles.get("Prod").unwrap()),
    )
    .await;

    let mut other_account = draft("Prod");
    other_account.account_id = "another-account".into();
    let refused = profiles::save_profile(
        app.state(),
        other_account.clone(),
        Some("other-secret".into()),
        false,
    )
    .await
    .expect_err("an existing name is not replaced without asking");
    assert_eq!(refused.kind, AppErrorKind::ProfileExists, "{refused:?}");
    let json = serde_json::to_value(&refused).unwrap();
    assert_eq!(json["kind"], "profile_exists");
    assert!(
        refused.to_string().contains("“Prod” already exists"),
        "{refused}"
    );
    let listed = profiles::list_profiles(app.state()).await.unwrap();
    assert_eq!(
        listed[0].account_id,
        zoom_sim::SimConfig::default().account_id
    );
    assert_eq!(listed[0].snapshot.as_ref().map(|s| s.users), Some(300));

    profiles::save_profile(
        app.state(),
        other_account,
        Some("other-secret".into()),
        true,
    )
    .await
    .expect("replaced once the admin said so");
    assert!(
        app.state().open_roster().is_none(),
        "the old account's roster stays on screen under the replaced profile"
    );
    let listed = profiles::list_profiles(app.state()).await.unwrap();
    assert_eq!(listed[0].account_id, "another-account");
    assert!(listed[0].snapshot.is_none(), "{:?}", listed[0].snapshot);
    let opened = profiles::open_profile(app.state(), "Prod".into())
        .await
        .unwrap();
    assert_eq!((opened.users, opened.from_snapshot), (0, false));
}

#[tokio::test]
async fn removing_the_open_profile_forgets_its_secret_and_roster_and_closes_the_table() {
    let (_sim, app) = app_and_sim(120).await;
    saved_and_open(&app, "Head office").await;
    saved_and_open(&app, "Branch").await;
    let (channel, _) = recorder();
    load::load_roster(app.state(), channel).await.unwrap();
    let owner = snapshot::Owner::of(&app.state().profiles.get("Branch").unwrap());
    wait_for_snapshot(&app, &owner).await;

    profiles::delete_profile(app.state(), "Branch".into())
        .await
        .unwrap();

    let names: Vec<String> = profiles::list_profiles(app.state())
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Head office"]);
    assert!(
        app.state().open_roster().is_none(),
        "the table still shows it"
    );
    assert!(snapshot::load(&app.state().snapshots_dir, &owner).is_none());
    let secret = app.state().profiles.secret("Branch");
    assert!(secret.is_err(), "its secret is still in the keychain");
    // The other profile keeps its secret.
    assert!(app.state().profiles.secret("Head office").is_ok());
}
