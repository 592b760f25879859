//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure.

use crate::{app, cargo, step, ui};

pub fn run() -> anyhow::Result<()> {
    app::prepare()?;
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
    // Includes the bindings check (ui/src/lib/bindings.ts regenerated and compared) and builds the
    // app binary the end-to-end suite drives.
    app::rust_tests()?;
    step::run("svelte-check", ui::check)?;
    step::run("vitest", ui::unit_tests)?;
    app::end_to_end()
}

/// `cargo xtask e2e`: the end-to-end suite alone, after building what it needs.
pub fn end_to_end_only() -> anyhow::Result<()> {
    app::prepare()?;
    app::build()?;
    app::end_to_end()
}
