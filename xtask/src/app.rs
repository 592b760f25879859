//! The desktop app's build and its end-to-end suite.
//!
//! One build per run: `cargo test --workspace` builds the app binary (tests/capabilities.rs is an
//! integration test of the app package, so cargo links target/debug/phone-roster-app with the test
//! build's features) and zoom-sim's binary; the end-to-end suite drives exactly those. Building with
//! another command or feature set (`cargo build -p …`, `tauri build`) would recompile Tauri and
//! replace the binary.

use std::process::Command;

use crate::{cargo, deps, linted, program, step, tools, ui, workspace_root};

/// Packages, tauri-driver, npm packages and ui/dist: everything before a cargo build of the app.
pub fn prepare() -> anyhow::Result<()> {
    step::run("system packages", || deps::ensure(deps::TEST_PACKAGES))?;
    step::run("tauri-driver", || tools::ensure(tools::TAURI_DRIVER))?;
    step::run("npm ci (ui/, when missing or stale)", ui::install)?;
    step::run("npm run build (ui/dist, embedded in the app)", ui::build)
}

/// The app and zoom-sim for `cargo xtask demo`, without lints in the way of opening it (a newer
/// toolchain's new lint must not stop the quick start).
pub fn build() -> anyhow::Result<()> {
    step::run(
        "build the app and zoom-sim (cargo test --workspace --no-run)",
        || {
            let mut command = cargo();
            command.args(["test", "--workspace", "--no-run"]);
            step::status(command)
        },
    )
}

/// Every crate and target of the workspace (tests, benches and examples too), its own crates linted
/// by clippy as they compile (linted.rs): the build every Rust test and the end-to-end suite use.
pub fn build_linted() -> anyhow::Result<()> {
    step::run(
        "build every crate and target, linted by clippy (cargo test --workspace --all-targets --no-run)",
        || {
            let mut command = linted::cargo_linted();
            command.args([
                "test",
                "--workspace",
                "--all-targets",
                "--locked",
                "--no-run",
            ]);
            step::status(command)
        },
    )
}

/// tests/e2e/run.mjs: each test starts its own Secret Service and tauri-driver; Xvfb is started
/// once unless DISPLAY is set. Screenshots go to target/screenshots/.
pub fn end_to_end() -> anyhow::Result<()> {
    step::run("end-to-end suite (tests/e2e)", || step::status(e2e_suite()))
}

/// The end-to-end suite with its screenshots written to docs/screenshots/, the ones of record.
pub fn end_to_end_into_docs() -> anyhow::Result<()> {
    step::run("end-to-end suite, screenshots to docs/screenshots", || {
        let mut command = e2e_suite();
        command.env(
            "PHONE_ROSTER_SCREENSHOTS",
            workspace_root().join("docs/screenshots"),
        );
        step::status(command)
    })
}

fn e2e_suite() -> Command {
    let mut command = program::command("node");
    command
        .arg("tests/e2e/run.mjs")
        .current_dir(workspace_root())
        .env_remove("DISPLAY");
    command
}

/// Writes ui/src/lib/bindings.ts from the app's commands and types (the bindings test, told to
/// write instead of compare).
pub fn write_bindings() -> anyhow::Result<()> {
    step::run("write ui/src/lib/bindings.ts", || {
        let mut command = linted::cargo_linted();
        command
            .args(["test", "--workspace", "--lib", "bindings_are_up_to_date"])
            .env("PHONE_ROSTER_WRITE_BINDINGS", "1");
        step::status(command)
    })
}
