//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure.

use crate::{app, bundle, cargo, install_check, portable, step, tidy, ui, workflows};

pub fn run() -> anyhow::Result<()> {
    app::prepare()?;
    step::run("actionlint (.github/workflows)", workflows::lint)?;
    // The bindings half of tidy runs with the Rust tests below, in the build they make anyway.
    step::run("tidy (the code's conventions)", tidy::files)?;
    step::run("cargo fmt --check", || {
        let mut command = cargo();
        command.args(["fmt", "--all", "--", "--check"]);
        step::status(command)
    })?;
    step::run("cargo clippy", clippy)?;
    // Includes the bindings check (ui/src/lib/bindings.ts regenerated and compared) and builds the
    // app binary the end-to-end suite drives.
    app::rust_tests()?;
    // What the Windows and macOS jobs run, here too, over the build just made.
    portable::checks()?;
    step::run("svelte-check", ui::check)?;
    step::run("vitest", ui::unit_tests)?;
    app::end_to_end()?;
    // Last: the release build is the longest step, and what it packages has passed everything above.
    bundle::run()?;
    install_check::run()
}

/// Every crate, every target, warnings as errors (also run on Windows and macOS by `portable`).
pub fn clippy() -> anyhow::Result<()> {
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
}

/// `cargo xtask e2e`: the end-to-end suite alone, after building what it needs.
pub fn end_to_end_only() -> anyhow::Result<()> {
    app::prepare()?;
    app::build()?;
    app::end_to_end()
}

/// `cargo xtask screenshots`: the end-to-end suite, refreshing docs/screenshots/ on purpose.
pub fn screenshots() -> anyhow::Result<()> {
    app::prepare()?;
    app::build()?;
    app::end_to_end_into_docs()
}
