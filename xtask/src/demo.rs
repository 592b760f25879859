//! `cargo xtask demo`: installs what is missing, builds the app and opens it on the demo account.

use crate::{app, program, step, workspace_root};

pub fn run() -> anyhow::Result<()> {
    app::prepare()?;
    app::build()?;
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        anyhow::bail!(
            "no display: run `cargo xtask demo` in a desktop session (or set DISPLAY, e.g. under Xvfb)"
        );
    }
    step::run(
        "Phone Roster on the demo account (close the window to end)",
        || {
            let mut command =
                program::built(workspace_root().join("target/debug/phone-roster-app"));
            command.arg("--demo").current_dir(workspace_root());
            step::status(command)
        },
    )
}
