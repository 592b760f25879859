//! Connection profiles against the real OS keychain. On Linux that is a real Secret Service:
//! `cargo xtask test` (or `cargo xtask keyring-run -- cargo test -p profiles --test keychain`)
//! starts a throwaway gnome-keyring on a private D-Bus session for these
//! tests. Each test keeps its secrets under its own keychain service name and its metadata in
//! its own temporary folder, so they run in parallel without seeing each other.

use std::path::Path;
use std::process::Command;

use profiles::{Cloud, Profile, ProfileError, ProfileStore};
use secrecy::{ExposeSecret, SecretString};
use tempfile::TempDir;

const SECRET: &str = "s3cr3t-Value-That-Must-Not-Leak";

fn store(test: &str) -> (TempDir, ProfileStore) {
    let dir = tempfile::tempdir().unwrap();
    let service = format!("phone-roster-test-{}-{test}", std::process::id());
    let store = ProfileStore::at(dir.path().join("config")).with_keychain_service(service);
    (dir, store)
}

fn profile(name: &str) -> Profile {
    Profile::new(name, "acct-123", "client-456", Cloud::Zoom)
}

fn secret(value: &str) -> Option<SecretString> {
    Some(SecretString::from(value.to_owned()))
}

/// Unwraps, turning "no keychain" into a hint about how these tests are meant to be run.
fn ok<T>(result: Result<T, ProfileError>) -> T {
    match result {
        Ok(value) => value,
        Err(error @ ProfileError::KeychainUnavailable { .. }) => panic!(
            "{error}\nRun the keychain tests in a Secret Service session: `cargo xtask test`, or \
             `cargo xtask keyring-run -- cargo test -p profiles --test keychain`."
        ),
        Err(error) => panic!("{error}"),
    }
}

/// What the keychain holds for `name` under the store's service, read without the store.
fn keychain_entry(store: &ProfileStore, name: &str) -> keyring::Result<String> {
    keyring::Entry::new(store.keychain_service(), name)?.get_password()
}

/// Every byte the store wrote to disk, to prove the secret never lands there.
fn all_files_text(dir: &Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            text += &all_files_text(&path);
        } else {
            text += &String::from_utf8_lossy(&std::fs::read(&path).unwrap());
        }
    }
    text
}

#[test]
fn saved_profile_reads_back_with_its_secret_from_the_keychain() {
    let (dir, store) = store("read-back");
    ok(store.save(&profile("Acme prod"), secret(SECRET)));

    assert_eq!(ok(store.list()), [profile("Acme prod")]);
    assert_eq!(ok(store.get("Acme prod")), profile("Acme prod"));
    assert_eq!(ok(store.secret("Acme prod")).expose_secret(), SECRET);
    assert_eq!(keychain_entry(&store, "Acme prod").unwrap(), SECRET);

    let (credentials, endpoints) = ok(store.credentials("Acme prod"));
    assert_eq!(credentials.account_id, "acct-123");
    assert_eq!(credentials.client_id, "client-456");
    assert_eq!(credentials.client_secret.expose_secret(), SECRET);
    assert_eq!(endpoints, zoom::Endpoints::zoom());

    assert!(
        !all_files_text(dir.path()).contains(SECRET),
        "secret written to disk"
    );
    ok(store.delete("Acme prod"));
}

#[test]
fn saving_without_a_secret_keeps_the_stored_one() {
    let (_dir, store) = store("keep-secret");
    ok(store.save(&profile("p"), secret("first")));

    let mut changed = profile("p");
    changed.cloud = Cloud::ZoomGov;
    changed.client_id = "client-789".into();
    ok(store.save(&changed, None));
    assert_eq!(ok(store.secret("p")).expose_secret(), "first");
    let (credentials, endpoints) = ok(store.credentials("p"));
    assert_eq!(credentials.client_id, "client-789");
    assert_eq!(endpoints, zoom::Endpoints::zoomgov());

    ok(store.save(&changed, secret("second")));
    assert_eq!(ok(store.secret("p")).expose_secret(), "second");
    assert_eq!(
        ok(store.list()).len(),
        1,
        "saving again replaces, never duplicates"
    );
    ok(store.delete("p"));
}

#[test]
fn delete_removes_the_keychain_entry_too() {
    let (_dir, store) = store("delete");
    ok(store.save(&profile("gone"), secret(SECRET)));
    ok(store.save(&profile("kept"), secret("other")));

    ok(store.delete("gone"));
    assert!(matches!(
        store.get("gone"),
        Err(ProfileError::NotFound { .. })
    ));
    assert!(matches!(
        keychain_entry(&store, "gone"),
        Err(keyring::Error::NoEntry)
    ));
    assert_eq!(ok(store.secret("kept")).expose_secret(), "other");

    // Re-creating the name without a secret must not resurrect the old one.
    ok(store.save(&profile("gone"), None));
    assert!(matches!(
        store.secret("gone"),
        Err(ProfileError::NoSecret { .. })
    ));
    ok(store.delete("gone"));
    ok(store.delete("kept"));
}

#[test]
fn a_profile_without_a_secret_says_to_log_in() {
    let (_dir, store) = store("no-secret");
    ok(store.save(&profile("fresh"), None));
    let error = store.credentials("fresh").unwrap_err();
    assert!(matches!(error, ProfileError::NoSecret { .. }), "{error}");
    assert!(
        error
            .to_string()
            .contains("phone-roster login --profile \"fresh\""),
        "{error}"
    );
    ok(store.delete("fresh"));
}

#[test]
fn unknown_profiles_are_reported_by_name() {
    let (_dir, store) = store("unknown");
    for result in [
        store.get("nope").map(drop),
        store.secret("nope").map(drop),
        store.credentials("nope").map(drop),
        store.delete("nope"),
    ] {
        let error = result.unwrap_err();
        assert!(matches!(error, ProfileError::NotFound { .. }), "{error}");
        assert!(error.to_string().contains("“nope”"), "{error}");
    }
}

#[test]
fn endpoint_override_survives_the_round_trip() {
    let (_dir, store) = store("override");
    let mut simulator = profile("sim");
    let local = zoom::Endpoints::custom(
        "http://127.0.0.1:8080/v2",
        "http://127.0.0.1:8080/oauth/token",
    );
    simulator.endpoints = Some(local.clone());
    ok(store.save(&simulator, secret("demo-secret")));
    assert_eq!(ok(store.get("sim")), simulator);
    let (_, endpoints) = ok(store.credentials("sim"));
    assert_eq!(endpoints, local);
    ok(store.delete("sim"));
}

#[test]
fn stores_with_different_keychain_services_do_not_share_secrets() {
    let (_dir, first) = store("service-a");
    let second = ProfileStore::at(first.dir()).with_keychain_service(format!(
        "phone-roster-test-{}-service-b",
        std::process::id()
    ));
    ok(first.save(&profile("p"), secret("from-a")));
    assert!(matches!(
        second.secret("p"),
        Err(ProfileError::NoSecret { .. })
    ));
    ok(first.delete("p"));
}

#[test]
fn invalid_input_is_refused_before_anything_is_stored() {
    let (dir, store) = store("invalid");
    let too_long = "x".repeat(65);
    for name in ["", " x", "two\nlines", too_long.as_str()] {
        let error = store.save(&profile(name), secret(SECRET)).unwrap_err();
        assert!(matches!(error, ProfileError::InvalidName { .. }), "{error}");
    }
    let error = store.save(&profile("p"), secret("  ")).unwrap_err();
    assert!(
        error.to_string().contains("Client secret is empty"),
        "{error}"
    );
    assert!(ok(store.list()).is_empty());
    assert!(!dir.path().join("config").exists());
}

#[test]
fn the_secret_never_appears_in_debug_output() {
    let (_dir, store) = store("debug");
    ok(store.save(&profile("p"), secret(SECRET)));
    let (credentials, endpoints) = ok(store.credentials("p"));
    let stored = ok(store.secret("p"));
    let shown = [
        format!("{credentials:?}"),
        format!("{endpoints:?}"),
        format!("{stored:?}"),
        format!("{store:?}"),
        format!("{:?}", ok(store.get("p"))),
        format!("{:?}", ok(store.list())),
        format!("{:?}", store.save(&profile("bad\n"), Some(stored.clone()))),
    ];
    for text in shown {
        assert!(!text.contains(SECRET), "secret in Debug output: {text}");
    }
    ok(store.delete("p"));
}

#[cfg(unix)]
#[test]
fn metadata_is_private_and_replaced_without_leftovers() {
    use std::os::unix::fs::PermissionsExt;

    let (_dir, store) = store("permissions");
    ok(store.save(&profile("a"), None));
    ok(store.save(&profile("b"), None));
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(store.dir()), 0o700);
    let mut names: Vec<String> = std::fs::read_dir(store.dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // The lock file stays (removing it would race another process taking it).
    assert_eq!(
        names,
        ["profiles.json", "profiles.lock"],
        "no temporary files left behind"
    );
    assert_eq!(mode(&store.dir().join("profiles.json")), 0o600);
    assert_eq!(mode(&store.dir().join("profiles.lock")), 0o600);
}

/// procfs refuses new files even to root, so this fails the same way for every user (a
/// read-only folder would not stop root, who runs CI here).
#[cfg(target_os = "linux")]
#[test]
fn an_unwritable_config_folder_is_a_clear_error_and_leaves_no_secret() {
    let service = format!("phone-roster-test-{}-unwritable", std::process::id());
    let store = ProfileStore::at("/proc/self/phone-roster").with_keychain_service(service);
    let error = store.save(&profile("p"), secret(SECRET)).unwrap_err();
    assert!(matches!(error, ProfileError::ConfigWrite { .. }), "{error}");
    assert!(error.to_string().contains("disk is not full"), "{error}");
    assert!(matches!(
        keychain_entry(&store, "p"),
        Err(keyring::Error::NoEntry)
    ));
}

/// Keyring connects to the platform store once per process, so "no D-Bus session" is tested
/// in a child process: this same test, re-run with an environment marker and a bus address
/// that leads nowhere.
#[test]
fn without_a_keychain_the_error_says_so_and_nothing_is_written() {
    const CHILD: &str = "PHONE_ROSTER_TEST_NO_KEYCHAIN_CHILD";
    if std::env::var_os(CHILD).is_some() {
        let (dir, store) = store("no-keychain");
        let error = store.save(&profile("p"), secret(SECRET)).unwrap_err();
        assert!(
            matches!(error, ProfileError::KeychainUnavailable { .. }),
            "{error}"
        );
        let message = error.to_string();
        for words in [
            "Secret Service",
            "gnome-keyring",
            "never saves it in plain text",
        ] {
            assert!(message.contains(words), "{message}");
        }
        assert!(!message.contains(SECRET));
        assert!(
            ok(store.list()).is_empty(),
            "profile saved without its secret"
        );
        assert!(
            !all_files_text(dir.path()).contains(SECRET),
            "plaintext fallback"
        );
        println!("child saw: {message}");
        return;
    }
    if !cfg!(target_os = "linux") {
        return; // only the Secret Service can be made to vanish with an environment variable
    }
    let output = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "without_a_keychain_the_error_says_so_and_nothing_is_written",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, "1")
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/phone-roster-test/bus",
        )
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("child saw:"),
        "child failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
