//! `login`, `profiles`, `export --profile` and `logout` with the secret in the real OS keychain
//! (gnome-keyring in a private D-Bus session under `cargo xtask test`).

mod support;

use support::{Run, assert_exit, read_csv, sim, sim_ids, stderr};
use zoom_sim::{Faults, SimConfig};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_export_and_logout_through_the_keychain() {
    let sim = sim(250, Faults::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let defaults = SimConfig::default();
    let profile = format!("cli-test-{}", std::process::id());

    let login = [
        "login",
        "--profile",
        &profile,
        "--account-id",
        &defaults.account_id,
        "--client-id",
        &defaults.client_id,
    ];
    let secret_line = format!("{}\n", defaults.client_secret);
    let output = Run::new(&sim, dir.path())
        .stdin(&secret_line)
        .profile_credentials(&login)
        .await;
    assert_exit(&output, 0);
    // Zoom's count of the unfiltered list, which leaves pending users out.
    let listed = sim
        .users()
        .iter()
        .filter(|u| u["status"] != "pending")
        .count();
    assert!(
        stderr(&output).contains(&format!("Connected: the account has {listed} phone users.")),
        "{}",
        stderr(&output)
    );

    // The secret is under the tests' own keychain service, not the real app's.
    let stored = |service: &str| {
        profiles::ProfileStore::at(dir.path())
            .with_keychain_service(service)
            .secret(&profile)
            .is_ok()
    };
    assert!(
        stored(support::TEST_KEYCHAIN_SERVICE),
        "the secret is in the keychain"
    );
    assert!(
        !stored(profiles::ProfileStore::KEYCHAIN_SERVICE),
        "a test wrote under the real service name"
    );

    let profiles_file = std::fs::read_to_string(dir.path().join("profiles.json")).unwrap();
    assert!(profiles_file.contains(&profile));
    assert!(
        !profiles_file.contains(&defaults.client_secret),
        "the secret is not on disk"
    );

    let listed = Run::new(&sim, dir.path())
        .profile_credentials(&["profiles"])
        .await;
    assert_exit(&listed, 0);
    assert!(String::from_utf8_lossy(&listed.stdout).contains(&profile));

    let out = dir.path().join("roster.csv");
    let export = [
        "export",
        "--profile",
        &profile,
        "--output",
        out.to_str().unwrap(),
    ];
    assert_exit(
        &Run::new(&sim, dir.path())
            .profile_credentials(&export)
            .await,
        0,
    );
    assert_eq!(read_csv(&out).len() - 1, sim_ids(&sim).len());

    // A saved roster (as `changes` keeps it) and a saved view: logout removes them too.
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().to_str().unwrap();
    let changes_out = dir.path().join("changes.csv");
    let changes = [
        "changes",
        "--profile",
        &profile,
        "--output",
        changes_out.to_str().unwrap(),
    ];
    assert_exit(
        &Run::new(&sim, dir.path())
            .env("PHONE_ROSTER_DATA_DIR", data_dir)
            .profile_credentials(&changes)
            .await,
        0,
    );
    let snapshots = data.path().join("snapshots");
    assert_eq!(std::fs::read_dir(&snapshots).unwrap().count(), 1);
    let views = profiles::ProfileStore::at(dir.path()).saved_views();
    let view = profiles::views::SavedView {
        name: "Finance".into(),
        spec: roster::ViewSpec::default(),
        columns: roster::Column::ALL.to_vec(),
    };
    views.save(&profile, view).unwrap();

    let logout = ["logout", "--profile", &profile];
    assert_exit(
        &Run::new(&sim, dir.path())
            .env("PHONE_ROSTER_DATA_DIR", data_dir)
            .profile_credentials(&logout)
            .await,
        0,
    );
    assert_eq!(
        std::fs::read_dir(&snapshots).unwrap().count(),
        0,
        "logout left the saved roster"
    );
    assert!(
        views.list(&profile).unwrap().is_empty(),
        "logout left the saved view"
    );
    let again = Run::new(&sim, dir.path())
        .profile_credentials(&export)
        .await;
    assert_exit(&again, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_refuses_wrong_credentials_and_saves_nothing() {
    let sim = sim(10, Faults::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let defaults = SimConfig::default();
    let login = [
        "login",
        "--profile",
        "wrong",
        "--account-id",
        &defaults.account_id,
        "--client-id",
        &defaults.client_id,
    ];
    let output = Run::new(&sim, dir.path())
        .stdin("nope\n")
        .profile_credentials(&login)
        .await;
    assert_exit(&output, 3);
    let listed = Run::new(&sim, dir.path())
        .profile_credentials(&["profiles"])
        .await;
    assert!(!String::from_utf8_lossy(&listed.stdout).contains("wrong"));
}

fn login_args<'a>(profile: &'a str, account_id: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "login",
        "--no-verify",
        "--profile",
        profile,
        "--account-id",
        account_id,
        "--client-id",
        "client",
    ];
    args.extend_from_slice(extra);
    args
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_never_replaces_a_profile_without_being_told_to() {
    let sim = sim(10, Faults::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let first = Run::new(&sim, dir.path())
        .stdin("secret-one\n")
        .profile_credentials(&login_args("prod", "account-one", &[]))
        .await;
    assert_exit(&first, 0);

    let again = Run::new(&sim, dir.path())
        .stdin("secret-two\n")
        .profile_credentials(&login_args("prod", "account-two", &[]))
        .await;
    assert_exit(&again, 2);
    assert!(
        stderr(&again).contains("already exists (account account-one)")
            && stderr(&again).contains("--replace"),
        "{}",
        stderr(&again)
    );
    let store = profiles::ProfileStore::at(dir.path())
        .with_keychain_service(support::TEST_KEYCHAIN_SERVICE);
    assert_eq!(store.get("prod").unwrap().account_id, "account-one");

    let replaced = Run::new(&sim, dir.path())
        .stdin("secret-two\n")
        .profile_credentials(&login_args("prod", "account-two", &["--replace"]))
        .await;
    assert_exit(&replaced, 0);
    assert_eq!(store.get("prod").unwrap().account_id, "account-two");
    let secret = store.secret("prod").unwrap();
    assert_eq!(secrecy::ExposeSecret::expose_secret(&secret), "secret-two");
    store.delete("prod").unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logins_at_the_same_moment_all_keep_their_profile() {
    // Separate processes saving at once, as the app and a scheduled CLI job may: the lock on the
    // profile list makes each read-change-write wait for the one before.
    let sim = sim(10, Faults::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = (0..6).map(|n| format!("concurrent-{n}")).collect();
    let args: Vec<Vec<&str>> = names
        .iter()
        .map(|name| login_args(name, "account", &[]))
        .collect();
    let logins = args.iter().map(|args| {
        Run::new(&sim, dir.path())
            .stdin("secret\n")
            .profile_credentials(args)
    });
    for output in futures::future::join_all(logins).await {
        assert_exit(&output, 0);
    }
    let store = profiles::ProfileStore::at(dir.path())
        .with_keychain_service(support::TEST_KEYCHAIN_SERVICE);
    let listed: Vec<String> = store.list().unwrap().into_iter().map(|p| p.name).collect();
    assert_eq!(listed, names);
    for name in &names {
        store.delete(name).unwrap();
    }
}
