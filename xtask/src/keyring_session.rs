//! Runs a command inside a fresh, real Secret Service (gnome-keyring on a private D-Bus session
//! bus), so the keychain tests exercise the real thing without touching the user's own keyring.

use std::path::PathBuf;
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, bail};

use crate::{program, step};

/// Inside the private bus: an unlocked gnome-keyring, then the command (see the script's comment).
/// A file of its own because the end-to-end runner starts each test's app the same way.
const START_KEYRING: &str = include_str!("start-keyring.sh");

/// Runs `command` (its program, arguments, directory and environment) in a fresh Secret Service:
/// `keyctl session -` (a private kernel keyring) → `dbus-run-session` (a private session bus,
/// stopped when the command ends) → gnome-keyring keeping its files in a new temporary folder.
pub fn run(command: Command) -> anyhow::Result<()> {
    if !cfg!(target_os = "linux") {
        println!("not Linux: the tests use this system's own keychain");
        return step::status(command);
    }
    let data_home = fresh_dir()?;
    let mut session = program::command("keyctl");
    session
        .args([
            "session",
            "-",
            "dbus-run-session",
            "--",
            "bash",
            "-c",
            START_KEYRING,
            "bash",
        ])
        .arg(command.get_program())
        .args(command.get_args())
        .env("XDG_DATA_HOME", &data_home);
    if let Some(dir) = command.get_current_dir() {
        session.current_dir(dir);
    }
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => session.env(key, value),
            None => session.env_remove(key),
        };
    }
    let result = session.status();
    // Best effort: a leftover folder in /tmp is harmless and must not hide the command's result.
    let _ = std::fs::remove_dir_all(&data_home);
    let status = result.context("could not start `keyctl` (package keyutils)")?;
    if !status.success() {
        bail!(
            "{} exited with {status} (inside a fresh Secret Service)",
            step::describe(&command)
        );
    }
    Ok(())
}

fn fresh_dir() -> anyhow::Result<PathBuf> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_nanos());
    let dir = std::env::temp_dir().join(format!("xtask-keyring-{}-{nanos}", std::process::id()));
    std::fs::create_dir(&dir).with_context(|| format!("could not create {}", dir.display()))?;
    Ok(dir)
}
