//! Cargo with clippy linting every workspace crate while it compiles, warnings as errors: what
//! `cargo clippy` checks, done inside the build the tests need anyway. `cargo clippy` is a
//! `cargo check` with clippy-driver as the workspace's rustc wrapper; a check compiles every
//! dependency a second time (as metadata only), three minutes on two cores that `cargo xtask test`
//! saves by building once with the same wrapper. Dependencies compile with plain rustc, as under
//! `cargo clippy`.
//!
//! Every cargo command of `cargo xtask test` that builds the workspace goes through here: a build
//! without the wrapper would compile the workspace's crates again.

use std::path::PathBuf;
use std::process::Command;

use crate::{cargo, step};

/// The lints' arguments as clippy's cargo subcommand hands them to clippy-driver.
const CLIPPY_ARGS: &str = "-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__";

/// `cargo`, its workspace crates compiled by clippy-driver with warnings as errors.
pub fn cargo_linted() -> Command {
    let mut command = cargo();
    command
        .env("RUSTC_WORKSPACE_WRAPPER", clippy_driver())
        .env("CLIPPY_ARGS", CLIPPY_ARGS);
    command
}

/// clippy-driver of the toolchain running this cargo (beside it, as rustup and the pipeline's
/// toolchain action install it with the `clippy` component).
fn clippy_driver() -> PathBuf {
    let cargo = PathBuf::from(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    let name = format!("clippy-driver{}", std::env::consts::EXE_SUFFIX);
    match cargo.parent() {
        Some(dir) if dir.join(&name).is_file() => dir.join(name),
        _ => PathBuf::from(name),
    }
}

/// Every crate, every target, warnings as errors (run by `cargo xtask portable` on Windows and
/// macOS; `cargo xtask test` lints inside its build instead).
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
