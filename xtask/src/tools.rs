//! Programs the checks need beyond system packages, installed with `cargo install` at pinned
//! versions: tauri-driver for the end-to-end suite (crates.io also has 3.0 alphas; stay on 2.x),
//! cargo-about for the third-party notices and cargo-mutants for `cargo xtask mutants`.

use crate::{cargo, program, step};

pub struct Tool {
    name: &'static str,
    version: &'static str,
    /// Cargo features the tool's binary needs (cargo-about builds no binary without `cli`).
    features: &'static str,
}

pub const TAURI_DRIVER: Tool = Tool {
    name: "tauri-driver",
    version: "2.1.0",
    features: "",
};
pub const CARGO_MUTANTS: Tool = Tool {
    name: "cargo-mutants",
    version: "27.1.0",
    features: "",
};
pub const CARGO_ABOUT: Tool = Tool {
    name: "cargo-about",
    version: "0.9.3",
    features: "cli",
};

/// Installs the tool unless `cargo install --list` already has this version.
pub fn ensure(tool: Tool) -> anyhow::Result<()> {
    let Tool {
        name,
        version,
        features,
    } = tool;
    let listed = program::command(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["install", "--list"])
        .output()?;
    if String::from_utf8_lossy(&listed.stdout).contains(&format!("{name} v{version}:")) {
        println!("{name} {version} is installed");
        return Ok(());
    }
    let mut command = cargo();
    command.args(["install", name, "--version", version, "--locked"]);
    if !features.is_empty() {
        command.args(["--features", features]);
    }
    step::status(command)
}
