//! Two programs on one Zoom app: the desktop app loading while a scheduled `phone-roster export`
//! runs with the same credentials, against an account where each new token revokes the previous
//! one (as Zoom's once did). Each program has its own token cache, as two processes do, so every
//! token one asks for knocks the other's out. Both must finish with every user, and the hold-off
//! after close revocations (auth.rs) must keep them from trading tokens at every request: at most
//! 10 token requests per 1,000 pages between them.

mod common;

use std::time::Duration;

use common::{client_with, drain, fast_options, sim, sim_ids, unique_ids};
use zoom::ClientOptions;
use zoom_sim::Faults;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_programs_sharing_a_zoom_app_both_load_every_user_without_trading_tokens() {
    let faults = Faults {
        single_token: true,
        latency: Duration::from_millis(2),
        ..Faults::default()
    };
    let sim = sim(50_000, faults).await;
    // A hold-off of about 30 pages here (a page takes some 3 ms). At Zoom's 10 requests a second
    // the real hold-off of 1 s is 10 pages, but real loads are ten times longer than these 1,000
    // pages, and the ratio of tokens to pages only falls as a load grows: a margin against a slow
    // or busy machine, where pages take longer and the same wait covers fewer of them.
    let options = ClientOptions {
        revoked_token_holdoff: Duration::from_millis(100),
        ..fast_options()
    };
    let app = client_with(&sim, options.clone());
    let scheduled_export = client_with(&sim, options);

    let (loaded, exported) = tokio::join!(
        tokio::spawn(drain(app.roster())),
        tokio::spawn(drain(scheduled_export.roster())),
    );
    let everyone = sim_ids(sim.users());
    for (program, outcome) in [("app", loaded.unwrap()), ("export", exported.unwrap())] {
        assert!(outcome.error.is_none(), "{program}: {:?}", outcome.error);
        assert_eq!(unique_ids(&outcome.users), everyone, "{program}");
    }

    let stats = sim.stats();
    let pages = stats.requests - stats.tokens_issued;
    assert!(
        stats.tokens_issued * 1_000 <= pages * 10,
        "{} token requests for {pages} pages: {stats:?}",
        stats.tokens_issued
    );
    assert!(stats.tokens_issued >= 2, "{stats:?}");
    println!(
        "two programs: {} token requests for {pages} pages, {} answers of 401",
        stats.tokens_issued, stats.unauthorized
    );
}
