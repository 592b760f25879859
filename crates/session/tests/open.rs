//! Opening a saved profile from the rosters kept on disk, and what a new load changed.

use profiles::snapshot::{self, Owner};
use session::{Account, OpenRoster};
use zoom::PhoneUser;

fn user(id: &str, cost_center: &str) -> PhoneUser {
    serde_json::from_value(serde_json::json!({
        "id": id, "name": id, "email": format!("{id}@example.com"), "cost_center": cost_center
    }))
    .expect("a user")
}

fn owner() -> Owner {
    Owner {
        profile: "Acme EMEA".into(),
        account_id: "acct".into(),
        client_id: "client".into(),
    }
}

fn counts(open: &OpenRoster) -> Option<(u32, u32, u32)> {
    open.changes()
        .map(|c| (c.counts().joined, c.counts().left, c.counts().changed))
}

#[test]
fn a_profile_opens_on_its_last_roster_and_compares_with_the_one_kept_before() {
    let dir = tempfile::tempdir().expect("a folder");
    let (first, last) = ("2026-10-28T09:00:00Z", "2026-11-28T09:00:00Z");
    snapshot::save(
        dir.path(),
        &owner(),
        first,
        &[user("a", "1"), user("b", "1")],
    )
    .expect("saved");
    snapshot::save(
        dir.path(),
        &owner(),
        last,
        &[user("a", "2"), user("c", "1")],
    )
    .expect("saved");

    let open = OpenRoster::from_snapshot(dir.path(), owner());
    assert!(open.account.is_profile("Acme EMEA"));
    assert_eq!(open.roster.len(), 2);
    assert_eq!(open.loaded_at.as_deref(), Some(last));
    assert!(open.from_snapshot);
    assert_eq!(counts(&open), Some((1, 1, 1)), "c joined, b left, a moved");
    assert_eq!(
        open.changes().map(|c| c.since.clone()).as_deref(),
        Some(first)
    );
}

#[test]
fn a_profile_with_nothing_kept_opens_empty_with_nothing_to_compare() {
    let dir = tempfile::tempdir().expect("a folder");
    let open = OpenRoster::from_snapshot(dir.path(), owner());
    assert!(open.roster.is_empty());
    assert_eq!(
        (open.loaded_at.as_deref(), open.from_snapshot),
        (None, false)
    );
    assert!(open.changes().is_none());
}

#[test]
fn a_load_is_compared_with_the_roster_on_screen_when_it_has_a_time() {
    let dir = tempfile::tempdir().expect("a folder");
    let at = "2026-11-28T09:00:00Z";
    snapshot::save(dir.path(), &owner(), at, &[user("a", "1"), user("b", "1")]).expect("saved");
    let open = OpenRoster::from_snapshot(dir.path(), owner());
    let loaded = [user("a", "1"), user("b", "2"), user("d", "1")];

    let changes = open.changes_to(&loaded).expect("a roster before");
    assert_eq!((changes.counts().joined, changes.counts().changed), (1, 1));
    assert_eq!(changes.since, at);

    let refreshed = open.replaced_by(
        loaded.to_vec(),
        Some("2026-12-08T09:00:00Z".into()),
        Some(changes),
    );
    assert_eq!(refreshed.roster.len(), 3);
    assert!(!refreshed.from_snapshot);
    assert_eq!(counts(&refreshed), Some((1, 0, 1)));
    assert!(
        refreshed
            .account
            .same_as(&Account::Profile("Acme EMEA".into()))
    );

    // A first load has nothing before it: no time, so no comparison.
    let empty = OpenRoster::empty(Account::Profile("New".into()));
    assert!(empty.changes_to(&loaded).is_none());
    let partial = empty.replaced_by(loaded[..1].to_vec(), None, None);
    assert_eq!(
        (partial.roster.len(), partial.loaded_at.as_deref()),
        (1, None)
    );
}

#[test]
fn the_demo_is_never_a_profile_of_the_same_name() {
    let profile = Account::Profile(session::demo::DEMO_PROFILE.into());
    assert!(profile.is_profile(session::demo::DEMO_PROFILE));
    assert!(!profile.is_demo());
    assert!(!profile.same_as(&Account::Profile("Other".into())));
}
