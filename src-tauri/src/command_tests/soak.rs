//! The soak's app path, run by `cargo xtask soak` (ignored otherwise: it takes minutes): the real
//! `load_roster` command loads 100,000 users while the account answers every 50th request with a
//! fault, and the roster it publishes, and the snapshot it saves, hold every user once with every
//! field intact. Prints the time, the faults met and how much the load raised peak memory.

use std::time::Instant;

use bench::soak;

use super::{TestApp, draft, kinds, recorder, wait_for_snapshot};
use crate::commands::{load, profiles};
use ::profiles::snapshot;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "minutes long: run by `cargo xtask soak`"]
async fn a_100k_load_under_a_fault_every_50_requests_delivers_every_user_intact() {
    let sim = soak::account().await.expect("the account starts");
    let app = TestApp::new(&sim);
    profiles::save_profile(
        app.state(),
        draft("Soak"),
        Some("demo-secret".into()),
        false,
    )
    .await
    .expect("profile saved");
    profiles::open_profile(app.state(), "Soak".into())
        .await
        .expect("profile opened");

    let before = bench::memory::own_peak_rss_bytes();
    let started = Instant::now();
    let (channel, events) = recorder();
    load::load_roster(app.state(), channel).await.expect("load");
    let seconds = started.elapsed().as_secs_f64();
    let grown = bench::memory::own_peak_rss_bytes()
        .zip(before)
        .map(|(after, before)| after.saturating_sub(before));
    let kinds = kinds(&events);
    assert_eq!(
        kinds.last().map(String::as_str),
        Some("finished"),
        "{kinds:?}"
    );

    let open = app.state().open_roster().expect("a roster is open");
    soak::verify(&sim, open.roster.users()).expect("the published roster");
    let owner = snapshot::Owner {
        profile: "Soak".into(),
        account_id: draft("Soak").account_id,
        client_id: draft("Soak").client_id,
    };
    let saved = wait_for_snapshot(&app, &owner).await;
    soak::verify(&sim, &saved).expect("the saved snapshot");
    let stats = sim.stats();
    assert!(soak::met_every_kind(&stats), "{}", soak::faults_met(&stats));
    println!(
        "soak, app path | {} users, each once, every field intact, in the roster and its snapshot | \
         {seconds:.1} s | {} | {} during the load",
        saved.len(),
        soak::faults_met(&stats),
        match grown {
            Some(bytes) => format!("peak RSS raised by {:.1} MB", bytes as f64 / 1e6),
            None => "peak RSS not measured on this system".to_owned(),
        }
    );
}
