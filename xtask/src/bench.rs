//! `cargo xtask bench`: every benchmark of the workspace, each figure judged against its target
//! (targets.rs): the run fails, naming them, when a figure misses its target by more than the
//! machine's noise. BENCHMARKS.md records the figures, with the machine they were measured on.
//!
//! Extra arguments go to `cargo bench` (e.g. `-- --quick`).

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Command;

use crate::figures::{self, Figures};
use crate::{app, cargo, program, step, targets, workspace_root};

pub fn run(extra: &[OsString]) -> anyhow::Result<()> {
    let mut printed = Figures::new();
    step::run("criterion benchmarks (cargo bench --workspace)", || {
        let mut command = cargo();
        command.args(["bench", "--workspace"]).args(extra);
        figures::run_collecting(command, &mut printed)
    })?;
    app::prepare()?;
    step::run(
        "build the CLI, app, zoom-sim and whole-system benchmarks (release)",
        || {
            let mut command = cargo();
            command.args(["build", "--release"]);
            for package in ["phone-roster-cli", "bench", "phone-roster-app", "zoom-sim"] {
                command.args(["-p", package]);
            }
            step::status(command)
        },
    )?;
    step::run(
        "the app's speed in its web view, 100k users: a snapshot, then a first load (release build)",
        || {
            let release = workspace_root().join("target/release");
            let mut command = program::command("node");
            command
                .args([
                    "tests/e2e/run.mjs",
                    "query_speed",
                    "roster_speed",
                    "load_cpu",
                ])
                .env("PHONE_ROSTER_APP", release.join("phone-roster-app"))
                .env("ZOOM_SIM", release.join("zoom-sim"))
                .env_remove("DISPLAY")
                .current_dir(workspace_root());
            figures::run_collecting(command, &mut printed)
        },
    )?;
    step::run(
        "the whole roster of a multi-site account, 10k users at 150 ms and 10 requests/s",
        || {
            let args = ["--users", "10000", "--latency-ms", "150", "--rate", "10"];
            figures::run_collecting(release_binary("roster_load", &args), &mut printed)
        },
    )?;
    step::run("CLI peak memory, 100k users", || {
        let command = release_binary("cli_memory", &["--users", "100000"]);
        figures::run_collecting(command, &mut printed)
    })?;
    let python = zoomus_python()?;
    step::run(
        "fetch 100k users at 150 ms, and the zoomus peer at 20k",
        || {
            let peer = python.to_string_lossy().into_owned();
            let args = [
                "--users",
                "100000",
                "--latency-ms",
                "150",
                "--rate",
                "10",
                "--peer-python",
                &peer,
            ];
            figures::run_collecting(release_binary("fetch", &args), &mut printed)
        },
    )?;
    step::run("every figure against its target", || {
        targets::judge(&printed)
    })
}
pub(crate) fn release_binary(name: &str, args: &[&str]) -> Command {
    let mut command = program::built(workspace_root().join("target/release").join(name));
    command.args(args).current_dir(workspace_root());
    command
}

/// A virtualenv under target/ with zoomus, the naive peer's library, made on first use.
fn zoomus_python() -> anyhow::Result<PathBuf> {
    let venv = workspace_root().join("target/bench-venv");
    let python = program::in_venv(&venv, "python");
    if !python.exists() {
        step::run("python virtualenv with zoomus", || {
            let mut create = program::command("python3");
            create.args(["-m", "venv"]).arg(&venv);
            step::status(create)?;
            let mut install = program::command(&python);
            install.args(["-m", "pip", "install", "--quiet", "zoomus==1.2.1"]);
            step::status(install)
        })?;
    }
    Ok(python)
}
