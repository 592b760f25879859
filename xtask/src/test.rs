//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure.

use crate::{cargo, deps, keyring_session, step};

pub fn run() -> anyhow::Result<()> {
    step::run("system packages", || deps::ensure(deps::TEST_PACKAGES))?;
    step::run("cargo fmt --check", || {
        let mut command = cargo();
        command.args(["fmt", "--all", "--", "--check"]);
        step::status(command)
    })?;
    step::run("cargo clippy", || {
        let mut command = cargo();
        command.args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]);
        step::status(command)
    })?;
    // Inside a fresh Secret Service so the keychain tests use a real one, never the user's own.
    step::run("cargo test (in a fresh Secret Service)", || {
        let mut command = cargo();
        command.args(["test", "--workspace"]);
        keyring_session::run(command)
    })
}
