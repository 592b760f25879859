//! The full roster through the sites' chains side by side: every user once, whether the sites
//! cover the account (the split is used) or not (users without a site, a site the admin role does
//! not cover: the whole list's chain brings the rest).

mod common;

use common::{client, drain, sim_ids, unique_ids};
use zoom_sim::{Faults, SimConfig};

async fn account(users: usize, users_without_site: f64, seed: u64) -> zoom_sim::SimHandle {
    account_with(users, users_without_site, seed, Faults::default()).await
}

async fn account_with(
    users: usize,
    users_without_site: f64,
    seed: u64,
    faults: Faults,
) -> zoom_sim::SimHandle {
    zoom_sim::start(SimConfig {
        users,
        users_without_site,
        seed,
        faults,
        ..SimConfig::default()
    })
    .await
    .expect("simulator starts")
}

#[tokio::test]
async fn an_account_whose_users_all_have_a_site_loads_through_its_sites() {
    // A little latency, as any network has: the sites' first pages (asked all at once) then come
    // long before the whole list's one chain could reach its end.
    let latency = Faults {
        latency: std::time::Duration::from_millis(5),
        ..Faults::default()
    };
    let sim = account_with(3_000, 0.0, 42, latency).await;
    let outcome = drain(client(&sim).roster()).await;
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    assert_eq!(unique_ids(&outcome.users), sim_ids(sim.users()));
    assert_eq!(outcome.last_total as usize, sim.users().len());
    // The users came by site: the whole list's chain (which goes on while the sites' first pages
    // are asked for) stopped long before its end.
    let stats = sim.stats();
    assert!(stats.site_user_lists >= 30, "{stats:?}");
    let non_pending = sim.users().iter().filter(|u| !is_pending(u)).count() as u64;
    assert!(
        whole_list_pages(&sim, &stats) < non_pending.div_ceil(100) / 2,
        "{stats:?}"
    );
}

#[tokio::test]
async fn more_sites_than_chains_can_help_load_as_one_chain() {
    let sim = account(3_000, 0.0, 42).await;
    let sites = client(&sim).sites().await.unwrap().len();
    assert!(sites > 4, "the test needs more sites than its cap: {sites}");
    let capped = zoom::ClientOptions {
        max_site_chains: 4,
        ..common::fast_options()
    };
    let outcome = drain(common::client_with(&sim, capped).roster()).await;
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    assert_eq!(unique_ids(&outcome.users), sim_ids(sim.users()));
    let stats = sim.stats();
    assert_eq!(stats.site_user_lists, 0, "{stats:?}");
}

#[tokio::test]
async fn users_without_a_site_on_the_first_page_skip_the_split() {
    let sim = account(3_000, 0.05, 42).await;
    assert!(
        siteless_on_first_page(&sim),
        "the test needs one on the first page"
    );
    let outcome = drain(client(&sim).roster()).await;
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    assert_eq!(unique_ids(&outcome.users), sim_ids(sim.users()));
    assert_eq!(outcome.last_total as usize, sim.users().len());
    let stats = sim.stats();
    assert_eq!(stats.site_user_lists, 0, "{stats:?}");
}

#[tokio::test]
async fn users_without_a_site_further_down_are_found_by_the_sites_totals() {
    // Few users without a site, none of them on the first page (seed chosen for that).
    let sim = account(3_000, 0.004, 7).await;
    let siteless = sim.users().iter().filter(|u| site_of(u).is_none()).count();
    assert!(siteless > 0, "the account should have users without a site");
    assert!(
        !siteless_on_first_page(&sim),
        "the test needs none on the first page"
    );
    let outcome = drain(client(&sim).roster()).await;
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    assert_eq!(unique_ids(&outcome.users), sim_ids(sim.users()));
    assert_eq!(outcome.last_total as usize, sim.users().len());
    // Each site was asked for once (their first pages did not add up to the account), and the
    // whole list's own chain brought everyone.
    let stats = sim.stats();
    let sites = client(&sim).sites().await.unwrap().len() as u64;
    assert!(sites >= 2, "the account should have several sites");
    assert_eq!(stats.site_user_lists, sites, "{stats:?}");
    let non_pending = sim.users().iter().filter(|u| !is_pending(u)).count() as u64;
    assert_eq!(
        whole_list_pages(&sim, &stats),
        non_pending.div_ceil(100),
        "{stats:?}"
    );
}

#[tokio::test]
async fn a_site_the_admin_role_does_not_cover_falls_back_to_one_chain() {
    let faults = Faults {
        site_permission_error: true,
        ..Faults::default()
    };
    let sim = account_with(1_500, 0.0, 42, faults).await;
    let outcome = drain(client(&sim).roster()).await;
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    assert_eq!(unique_ids(&outcome.users), sim_ids(sim.users()));
}

#[tokio::test]
async fn an_account_of_one_page_needs_no_split() {
    let sim = account(60, 0.0, 42).await;
    let outcome = drain(client(&sim).roster()).await;
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    assert_eq!(unique_ids(&outcome.users), sim_ids(sim.users()));
    assert_eq!(sim.stats().site_user_lists, 0);
}

fn site_of(user: &serde_json::Value) -> Option<&str> {
    user.get("site")?.get("id")?.as_str()
}

/// Whether the unfiltered list's first page (its first 100 users that are not pending) holds a
/// user without a site.
fn siteless_on_first_page(sim: &zoom_sim::SimHandle) -> bool {
    sim.users()
        .iter()
        .filter(|u| !is_pending(u))
        .take(100)
        .any(|u| site_of(u).is_none())
}

fn is_pending(user: &serde_json::Value) -> bool {
    user.get("status").and_then(|s| s.as_str()) == Some("pending")
}

/// Requests for the whole (unfiltered, not pending) list: every request but the tokens, the site
/// lists, the one page of sites and the pending chain's pages. `SimHandle::users` keeps every
/// user's status, also where the wire leaves it out.
fn whole_list_pages(sim: &zoom_sim::SimHandle, stats: &zoom_sim::SimStats) -> u64 {
    let pending = sim.users().iter().filter(|u| is_pending(u)).count() as u64;
    stats.requests - stats.tokens_issued - stats.site_user_lists - 1 - pending.div_ceil(100).max(1)
}
