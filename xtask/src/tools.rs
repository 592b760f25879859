//! Programs the end-to-end suite needs beyond system packages: tauri-driver, pinned to 2.x (crates.io
//! also has 3.0 alphas).

use std::process::Command;

use crate::{cargo, step};

const TAURI_DRIVER: &str = "2.1.0";

/// Installs tauri-driver unless `cargo install --list` already has this version.
pub fn ensure_tauri_driver() -> anyhow::Result<()> {
    let listed = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["install", "--list"])
        .output()?;
    if String::from_utf8_lossy(&listed.stdout).contains(&format!("tauri-driver v{TAURI_DRIVER}:")) {
        println!("tauri-driver {TAURI_DRIVER} is installed");
        return Ok(());
    }
    let mut command = cargo();
    command.args([
        "install",
        "tauri-driver",
        "--version",
        TAURI_DRIVER,
        "--locked",
    ]);
    step::status(command)
}
