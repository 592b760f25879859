//! The snapshot's tests: what each save, interruption and damage leaves for `load`.

use super::*;

fn users(n: usize) -> Vec<PhoneUser> {
    zoom_sim::generate_users(n, 7)
        .into_iter()
        .map(|user| serde_json::from_value(user).unwrap())
        .collect()
}

fn owner(profile: &str) -> Owner {
    Owner {
        profile: profile.into(),
        account_id: "account-1".into(),
        client_id: "client-1".into(),
    }
}

#[test]
fn a_saved_roster_reads_back_the_same_and_only_its_owner_can_read_it() {
    let dir = tempfile::tempdir().unwrap();
    let acme = owner("Acme / EMEA");
    let saved = users(1_000);
    save(dir.path(), &acme, "2026-11-28T09:14:00Z", &saved).unwrap();
    let (loaded, at) = load(dir.path(), &acme).unwrap();
    assert_eq!(loaded, saved);
    assert_eq!(at, "2026-11-28T09:14:00Z");
    let info = info(dir.path(), &acme).unwrap();
    assert_eq!(info.users, 1_000);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path(dir.path(), "Acme / EMEA"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
}

#[test]
fn a_damaged_or_older_snapshot_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let acme = owner("Acme");
    save(dir.path(), &acme, "2026-11-28T09:14:00Z", &users(10)).unwrap();
    let file = path(dir.path(), "Acme");
    let mut bytes = fs::read(&file).unwrap();
    bytes.truncate(bytes.len() - 5);
    fs::write(&file, &bytes).unwrap();
    assert!(load(dir.path(), &acme).is_none());
    fs::write(&file, br#"{"version":2,"saved_at":"x","users":0}"#).unwrap();
    assert!(load(dir.path(), &acme).is_none());
    assert!(info(dir.path(), &acme).is_none());
}

#[test]
fn another_account_s_snapshot_is_never_shown_under_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let first = owner("Prod");
    save(dir.path(), &first, "2026-11-28T09:14:00Z", &users(10)).unwrap();
    // The profile "Prod" was replaced by one for another account, or another app of it.
    let other_account = Owner {
        account_id: "account-2".into(),
        ..first.clone()
    };
    let other_app = Owner {
        client_id: "client-2".into(),
        ..first.clone()
    };
    for stranger in [other_account, other_app] {
        assert!(load(dir.path(), &stranger).is_none(), "{stranger:?}");
        assert!(info(dir.path(), &stranger).is_none(), "{stranger:?}");
    }
    assert!(load(dir.path(), &first).is_some());
}

#[test]
fn long_names_in_any_script_get_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "東京本社の電話利用者一覧".repeat(6),
        "Ελληνικά γραφεία ".repeat(5),
        "a".repeat(64),
        "../../etc/passwd".to_string(),
    ] {
        let named = owner(&name);
        save(dir.path(), &named, "2026-11-28T09:14:00Z", &users(3)).unwrap();
        assert_eq!(load(dir.path(), &named).unwrap().0.len(), 3, "{name}");
        let file = path(dir.path(), &name);
        assert_eq!(file.parent(), Some(dir.path()));
        assert_eq!(file.file_name().unwrap().len(), 64 + ".roster.jsonl".len());
    }
}

/// Every step of a save in order, with the (current, previous) rosters' sizes that an
/// interruption just before it leaves: the two before the save until the current one moves
/// aside, then no current one until the new file takes its place.
fn save_steps() -> Vec<(SaveStep, Option<usize>, Option<usize>)> {
    let mut steps = vec![
        (
            SaveStep::Write(WriteStep::CreateTemporary),
            Some(50),
            Some(20),
        ),
        (
            SaveStep::Write(WriteStep::WriteContents),
            Some(50),
            Some(20),
        ),
        (SaveStep::Write(WriteStep::Flush), Some(50), Some(20)),
        (SaveStep::KeepPrevious, Some(50), Some(20)),
        (SaveStep::Write(WriteStep::Rename), None, Some(50)),
    ];
    if cfg!(unix) {
        steps.push((SaveStep::Write(WriteStep::SyncFolder), Some(80), Some(50)));
    }
    steps
}

#[test]
fn a_save_goes_through_its_steps_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut seen = Vec::new();
    save_observed(
        dir.path(),
        &owner("Acme"),
        "2026-11-28T09:14:00Z",
        &users(3),
        |step| {
            seen.push(step);
            Ok(())
        },
    )
    .unwrap();
    let expected: Vec<SaveStep> = save_steps().into_iter().map(|(step, ..)| step).collect();
    assert_eq!(seen, expected);
}

#[test]
fn a_save_interrupted_before_any_step_leaves_what_that_step_says() {
    let acme = owner("Acme");
    let sizes = |dir: &Path| {
        let current = load(dir, &acme).map(|(users, _)| users.len());
        let previous = load_previous(dir, &acme).map(|(users, _)| users.len());
        (current, previous)
    };
    for (stop, current, previous) in save_steps() {
        let dir = tempfile::tempdir().unwrap();
        save(dir.path(), &acme, "2026-11-27T09:14:00Z", &users(20)).unwrap();
        save(dir.path(), &acme, "2026-11-28T09:14:00Z", &users(50)).unwrap();
        let interrupted = save_observed(
            dir.path(),
            &acme,
            "2026-11-29T09:14:00Z",
            &users(80),
            |step| {
                if step == stop {
                    Err(io::Error::other("interrupted"))
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(
            interrupted.unwrap_err().to_string(),
            "interrupted",
            "{stop:?}"
        );
        assert_eq!(sizes(dir.path()), (current, previous), "{stop:?}");
        assert_eq!(
            info(dir.path(), &acme).map(|info| info.users as usize),
            current,
            "{stop:?}"
        );
        // The next save mends whatever the interruption left.
        save(dir.path(), &acme, "2026-11-30T09:14:00Z", &users(90)).unwrap();
        assert_eq!(sizes(dir.path()).0, Some(90), "{stop:?}");
    }
}

#[test]
fn each_save_keeps_the_roster_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let acme = owner("Acme");
    assert!(load_previous(dir.path(), &acme).is_none());
    save(dir.path(), &acme, "2026-11-27T09:00:00Z", &users(3)).unwrap();
    assert!(
        load_previous(dir.path(), &acme).is_none(),
        "a first save has no roster before"
    );
    save(dir.path(), &acme, "2026-11-28T09:14:00Z", &users(5)).unwrap();
    save(dir.path(), &acme, "2026-11-29T10:00:00Z", &users(8)).unwrap();
    let (now, at) = load(dir.path(), &acme).unwrap();
    assert_eq!((now.len(), at.as_str()), (8, "2026-11-29T10:00:00Z"));
    let (before, at) = load_previous(dir.path(), &acme).unwrap();
    assert_eq!((before.len(), at.as_str()), (5, "2026-11-28T09:14:00Z"));
    // The previous roster is the owner's alone too.
    let stranger = Owner {
        account_id: "account-2".into(),
        ..acme.clone()
    };
    assert!(load_previous(dir.path(), &stranger).is_none());
    // Other profiles keep their own history.
    assert!(load_previous(dir.path(), &owner("Other")).is_none());

    remove(dir.path(), "Acme");
    assert!(load(dir.path(), &acme).is_none());
    assert!(load_previous(dir.path(), &acme).is_none());
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}
