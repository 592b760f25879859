//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure, then a table
//! of where the time went.
//!
//! The workspace is compiled once for the tests (debug, linted as it compiles: linted.rs) and once
//! for the release packages; every Rust test runs once, the portable ones as the Windows and macOS
//! jobs run them.

use std::time::Instant;

use crate::{
    app, bundle, cargo, install_check, linted, notices, portable, step, tidy, ui, workflows,
};

pub fn run() -> anyhow::Result<()> {
    let started = Instant::now();
    let result = checks();
    println!(
        "\nwhere the time went:\n{}",
        step::table(started.elapsed().as_secs_f64())
    );
    result
}

fn checks() -> anyhow::Result<()> {
    app::prepare()?;
    step::run("actionlint (.github/workflows)", workflows::lint)?;
    // The bindings half of tidy runs with the Rust tests below, in the build they make anyway.
    step::run("tidy (the code's conventions)", tidy::files)?;
    step::run(
        "third-party notices made from today's lockfiles",
        notices::check,
    )?;
    step::run("cargo fmt --check", || {
        let mut command = cargo();
        command.args(["fmt", "--all", "--", "--check"]);
        step::status(command)
    })?;
    // Builds the app binary the end-to-end suite drives; clippy's lints fail it.
    app::build_linted()?;
    // Includes the bindings check (ui/src/lib/bindings.ts regenerated and compared).
    portable::tests(linted::cargo_linted)?;
    portable::linux_only_tests(linted::cargo_linted)?;
    step::run("svelte-check", ui::check)?;
    step::run("vitest", ui::unit_tests)?;
    app::end_to_end()?;
    // Last: the release build is the longest step, and what it packages has passed everything above.
    bundle::run()?;
    install_check::run()
}

/// `cargo xtask e2e`: the end-to-end suite alone, after building what it needs.
pub fn end_to_end_only() -> anyhow::Result<()> {
    app::prepare()?;
    app::build_linted()?;
    app::end_to_end()
}

/// `cargo xtask screenshots`: the end-to-end suite, refreshing docs/screenshots/ on purpose.
pub fn screenshots() -> anyhow::Result<()> {
    app::prepare()?;
    app::build_linted()?;
    app::end_to_end_into_docs()
}
