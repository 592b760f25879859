//! `cargo xtask soak`: 100,000 users from zoom-sim with a fault on every 50th request (every 429
//! form, 500 and 503, a connection reset, a token revocation, a page-token expiry, a stalled
//! answer), through the CLI (release build) and through the app's own `load_roster` command; each
//! path must deliver every user exactly once with every field intact. Minutes long, so not part of
//! `test`; the figures it prints go into BENCHMARKS.md.

use crate::{app, bench, cargo, keyring_session, step};

pub fn run() -> anyhow::Result<()> {
    app::prepare()?;
    step::run("build the CLI and the soak driver (release)", || {
        let mut command = cargo();
        command.args([
            "build",
            "--release",
            "-p",
            "phone-roster-cli",
            "-p",
            "bench",
        ]);
        step::status(command)
    })?;
    step::run("soak, CLI path: phone-roster export of 100k users", || {
        step::status(bench::release_binary("soak", &[]))
    })?;
    step::run(
        "soak, app path: load_roster of 100k users (in a fresh Secret Service)",
        || {
            let mut command = cargo();
            command
                .args([
                    "test",
                    "-p",
                    "phone-roster-app",
                    "--lib",
                    "command_tests::soak",
                ])
                .args(["--", "--ignored", "--nocapture"]);
            keyring_session::run(command)
        },
    )
}
