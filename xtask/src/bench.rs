//! `cargo xtask bench`: every benchmark of the workspace. Results go into BENCHMARKS.md by hand,
//! with the machine they were measured on.

use std::ffi::OsString;

use crate::{cargo, step};

/// Runs `cargo bench --workspace`, passing `extra` on to cargo (e.g. `-p zoom`, `-- --quick`).
/// New benchmark steps (e.g. the Python peer comparison) go here, each as its own `step::run`.
pub fn run(extra: &[OsString]) -> anyhow::Result<()> {
    step::run("cargo bench --workspace", || {
        let mut command = cargo();
        command.args(["bench", "--workspace"]).args(extra);
        step::status(command)
    })
}
