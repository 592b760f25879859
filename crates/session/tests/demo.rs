//! The demo account: a simulator in this process, loaded through the same client and loop as a
//! real account, with a month-old roster to compare with and two views to open.

use std::sync::Arc;
use std::time::Duration;

use session::demo::{DEMO_PROFILE, DemoAccount, offer_views};
use session::{Account, Fetched, LoadObserver, OpenRoster, fetch_roster};

struct Quiet;

impl LoadObserver for Quiet {
    fn users(&mut self, _loaded: &[zoom::PhoneUser], _total: u32) {}
    fn rate_limited(&mut self, _wait: Duration) {}
    fn retrying(&mut self, _reason: &str, _attempt: u32, _wait: Duration) {}
}

#[tokio::test]
async fn the_demo_loads_its_ten_thousand_users_and_shows_a_month_of_changes() {
    let demo = Arc::new(DemoAccount::start().await.expect("the demo starts"));
    let account = Account::Demo(demo.clone());
    assert_eq!((account.name(), account.is_demo()), (DEMO_PROFILE, true));
    assert!(!account.is_profile(DEMO_PROFILE));

    // The demo needs no keychain: its credentials are the simulator's.
    let config = tempfile::tempdir().expect("a folder");
    let store = profiles::ProfileStore::at(config.path());
    let (credentials, endpoints) = account.credentials(&store).expect("the demo's credentials");
    let client = zoom::Client::new(credentials, endpoints, Default::default()).expect("a client");
    let never = std::future::pending::<()>();
    let Fetched::Complete(users) = fetch_roster(&client, &mut Quiet, never).await else {
        panic!("the demo's roster did not load");
    };
    assert_eq!(users.len(), 10_000);

    let open = OpenRoster::empty(account);
    let changes = open
        .changes_to(&users)
        .expect("the demo's month-old roster");
    let counts = changes.counts();
    assert!(
        counts.joined > 0 && counts.left > 0 && counts.changed > 0,
        "{counts:?}"
    );
    assert_eq!(changes.since, demo.previous_saved_at);
}

#[test]
fn the_demo_s_views_are_offered_once_and_one_removed_stays_removed() {
    let dir = tempfile::tempdir().expect("a folder");
    let store = profiles::ProfileStore::at(dir.path());
    let names = |store: &profiles::ProfileStore| -> Vec<String> {
        let views = store.saved_views().list(DEMO_PROFILE).expect("the views");
        views.into_iter().map(|view| view.name).collect()
    };
    offer_views(&store).expect("offered");
    assert_eq!(names(&store), ["Finance monthly", "Pending activations"]);
    offer_views(&store).expect("offered again");
    assert_eq!(names(&store).len(), 2, "not offered twice");
    store
        .saved_views()
        .remove(DEMO_PROFILE, "Finance monthly")
        .expect("removed");
    offer_views(&store).expect("offered after a removal");
    assert_eq!(names(&store), ["Pending activations"]);
}
