//! `cargo xtask portable`: what CI checks on Windows and macOS, where the desktop session, Xvfb and
//! the throwaway Secret Service of `cargo xtask test` do not exist: the Rust tests that need none of
//! them, clippy with warnings as errors over every crate (so `cfg`-gated platform code is linted on
//! its own system), and a build of the app (the `capabilities` test links its binary).
//!
//! `cargo xtask test` runs the same tests on Linux, and then the rest (`linux_only_tests`), so that
//! the set those jobs run is exercised on every run here and every test runs once. Both are
//! `cargo test --workspace` with the same profile and features, choosing targets and tests by
//! name, so nothing is compiled a second time.
//!
//! Left out of the portable set: tests that store secrets in the OS keychain (on these systems they
//! would use the runner's real keychain, and tests never touch a real keychain), among them the
//! app's command tests (`command_tests::`); the tests that open exports in LibreOffice; and the
//! documentation's examples (compiled by rustdoc, once is enough).

use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};

use crate::{cargo, keyring_session, linted, step, test_binaries, ui, workspace_root};

/// Test targets (folder, file stem) that run on Linux only: those that use the OS keychain, and
/// those that open exports in LibreOffice.
const LINUX_ONLY_TESTS: [(&str, &str); 4] = [
    ("crates/profiles/tests", "keychain"),
    ("crates/cli/tests", "profiles"),
    ("crates/roster/tests", "spreadsheet_roundtrip"),
    ("crates/roster/tests", "separator_formulas"),
];

/// The app's unit tests that run its commands with a keychain (src-tauri/src/command_tests/).
const KEYCHAIN_UNIT_TESTS: &str = "command_tests::";

/// The app's library, whose unit tests hold them.
const APP_LIBRARY: &str = "phone_roster_app";

/// `cargo xtask portable`, as the Windows and macOS jobs run it: the UI first (the app embeds it).
pub fn run() -> anyhow::Result<()> {
    step::run("npm ci (ui/, when missing or stale)", ui::install)?;
    step::run("npm run build (ui/dist, embedded in the app)", ui::build)?;
    tests(cargo)?;
    step::run("cargo clippy", linted::clippy)
}

/// The tests that need no keychain or desktop, through `cargo` (the linted cargo under `cargo xtask
/// test`, so that they run in the build it made).
pub fn tests(cargo: fn() -> Command) -> anyhow::Result<()> {
    let targets = test_targets()?;
    step::run(
        "Rust tests without a keychain or desktop, as on Windows and macOS (cargo test)",
        || {
            let mut command = cargo();
            command.args(["test", "--workspace", "--locked", "--lib", "--bins"]);
            for target in &targets {
                command.args(["--test", target]);
            }
            command.args(["--", "--skip", KEYCHAIN_UNIT_TESTS]);
            step::status(command)
        },
    )
}

/// The tests `tests` leaves out, on Linux, inside a fresh Secret Service: the Linux-only test
/// targets and the app's keychain tests, each executable run by itself (test_binaries.rs says why
/// not through `cargo test`), then the documentation's examples.
pub fn linux_only_tests(cargo: fn() -> Command) -> anyhow::Result<()> {
    let binaries = test_binaries::list(cargo())?;
    for (_, target) in LINUX_ONLY_TESTS {
        let binary = binaries
            .iter()
            .find(|binary| !binary.is_lib && binary.target == target)
            .with_context(|| format!("no test executable `{target}` was built"))?;
        step::run(
            &format!("Rust tests: {target} (in a fresh Secret Service)"),
            || keyring_session::run(binary.command()),
        )?;
    }
    let app = binaries
        .iter()
        .find(|binary| binary.is_lib && binary.target == APP_LIBRARY)
        .context("the app's unit tests were not built")?;
    step::run(
        "the app's command tests (in a fresh Secret Service)",
        || {
            let mut command = app.command();
            command.arg(KEYCHAIN_UNIT_TESTS);
            keyring_session::run(command)
        },
    )?;
    step::run("the documentation's examples (cargo test --doc)", || {
        let mut command = cargo();
        command.args(["test", "--workspace", "--locked", "--doc"]);
        step::status(command)
    })
}

/// The integration test targets of every package but the Linux-only ones. `--test NAME` picks that
/// name in every package, so a Linux-only name must be unique or it would hide another test.
fn test_targets() -> anyhow::Result<Vec<String>> {
    let root = workspace_root();
    let mut folders = vec!["tests".to_owned()];
    let crates = root.join("crates");
    for entry in std::fs::read_dir(&crates)
        .with_context(|| format!("could not list {}", crates.display()))?
    {
        if let Some(name) = entry?.file_name().to_str() {
            folders.push(format!("crates/{name}/tests"));
        }
    }
    let mut portable = Vec::new();
    let mut linux_only = Vec::new();
    for folder in &folders {
        for stem in test_files(&root.join(folder))? {
            if LINUX_ONLY_TESTS.contains(&(folder.as_str(), stem.as_str())) {
                linux_only.push(stem);
            } else {
                portable.push(stem);
            }
        }
    }
    if let Some(shared) = linux_only.iter().find(|name| portable.contains(name)) {
        bail!(
            "the Linux-only test `{shared}` shares its name with another package's test, which \
             `--test {shared}` would leave out too: rename one of them"
        );
    }
    portable.sort();
    portable.dedup();
    Ok(portable)
}

/// The names of `dir/*.rs` (each an integration test target).
fn test_files(dir: &Path) -> anyhow::Result<Vec<String>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut names = Vec::new();
    for entry in entries {
        let path = entry
            .with_context(|| format!("could not list {}", dir.display()))?
            .path();
        if path.extension().is_some_and(|e| e == "rs")
            && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
        {
            names.push(stem.to_owned());
        }
    }
    Ok(names)
}
