//! The web UI in ui/: its npm packages, build, type check and unit tests.

use std::path::PathBuf;
use std::process::Command;

use crate::{program, step, workspace_root};

fn ui_dir() -> PathBuf {
    workspace_root().join("ui")
}

/// A program that an npm package of ui/ installs, to start with `program::command` (which adds the
/// `.cmd` of its Windows shim).
pub fn bin(name: &str) -> PathBuf {
    ui_dir().join("node_modules").join(".bin").join(name)
}

fn npm(args: &[&str]) -> Command {
    let mut command = program::command("npm");
    command.args(args).current_dir(ui_dir());
    command
}

/// `npm ci` when node_modules is missing or older than package-lock.json (npm records the installed
/// tree in node_modules/.package-lock.json, rewritten by every install).
pub fn install() -> anyhow::Result<()> {
    let modified = |path: PathBuf| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let installed = modified(ui_dir().join("node_modules/.package-lock.json"));
    let wanted = modified(ui_dir().join("package-lock.json"));
    if installed.is_some() && installed >= wanted {
        println!("ui/node_modules is up to date");
        return Ok(());
    }
    step::status(npm(&["ci", "--no-audit", "--no-fund"]))
}

/// ui/dist, which the app embeds: must exist before any cargo build of the app.
pub fn build() -> anyhow::Result<()> {
    step::status(npm(&["run", "build"]))
}

pub fn check() -> anyhow::Result<()> {
    step::status(npm(&["run", "check"]))
}

pub fn unit_tests() -> anyhow::Result<()> {
    step::status(npm(&["test"]))
}
