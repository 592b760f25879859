//! `cargo xtask portable`: what CI checks on Windows and macOS, where the desktop session, Xvfb and
//! the throwaway Secret Service of `cargo xtask test` do not exist: the Rust tests that need none of
//! them, clippy with warnings as errors over every crate (so `cfg`-gated platform code is linted on
//! its own system), and a build of the app.
//!
//! Tests that store secrets in the OS keychain are left out: on these systems they would use the
//! runner's real keychain, and tests never touch a real keychain (they run on Linux only). So is
//! the spreadsheet round trip, which needs LibreOffice (installed by `cargo xtask test` on Linux).

use std::path::Path;

use anyhow::Context;

use crate::{cargo, step, test, ui, workspace_root};

/// Test targets (package, file stem under its tests/) that run on Linux only: those that use the
/// OS keychain, and the one that needs LibreOffice.
const LINUX_ONLY_TESTS: [(&str, &str); 3] = [
    ("profiles", "keychain"),
    ("phone-roster-cli", "profiles"),
    ("roster", "spreadsheet_roundtrip"),
];

/// The packages whose tests need no desktop session, with the folder their tests live in.
const PACKAGES: [(&str, &str); 5] = [
    ("zoom", "crates/zoom"),
    ("zoom-sim", "crates/zoom-sim"),
    ("roster", "crates/roster"),
    ("profiles", "crates/profiles"),
    ("phone-roster-cli", "crates/cli"),
];

pub fn run() -> anyhow::Result<()> {
    step::run("npm ci (ui/, when missing or stale)", ui::install)?;
    step::run("npm run build (ui/dist, embedded in the app)", ui::build)?;
    for (package, dir) in PACKAGES {
        let dir = workspace_root().join(dir);
        let targets = test_targets(package, &dir)?;
        step::run(&format!("cargo test -p {package} (no keychain)"), || {
            let mut command = cargo();
            command.args(["test", "--locked", "-p", package]);
            // Each kind of target only where the package has it: cargo refuses `--lib` otherwise.
            if dir.join("src/lib.rs").exists() {
                command.arg("--lib");
            }
            if dir.join("src/main.rs").exists() || dir.join("src/bin").exists() {
                command.arg("--bins");
            }
            for target in &targets {
                command.args(["--test", target]);
            }
            step::status(command)
        })?;
    }
    step::run("cargo clippy", test::clippy)?;
    step::run("build the app (cargo build -p phone-roster-app)", || {
        let mut command = cargo();
        command.args(["build", "--locked", "-p", "phone-roster-app"]);
        step::status(command)
    })
}

/// The names of `dir/tests/*.rs`, without the Linux-only tests of `package`.
fn test_targets(package: &str, dir: &Path) -> anyhow::Result<Vec<String>> {
    let tests = dir.join("tests");
    let Ok(entries) = std::fs::read_dir(&tests) else {
        return Ok(Vec::new());
    };
    let mut names = Vec::new();
    for entry in entries {
        let path = entry
            .with_context(|| format!("could not list {}", tests.display()))?
            .path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let linux_only = LINUX_ONLY_TESTS.contains(&(package, stem));
        if path.extension().is_some_and(|e| e == "rs") && !linux_only {
            names.push(stem.to_owned());
        }
    }
    names.sort();
    Ok(names)
}
