//! `cargo xtask notices`: target/notices/THIRD-PARTY-NOTICES.txt, the licences of every Rust crate
//! and npm package compiled into the app and the CLI, as their licences require us to ship them.
//!
//! Both halves come from maintained tools rather than our own walk of the dependency tree:
//! cargo-about (settings and template in xtask/notices/) for Rust, generate-license-file (an npm
//! devDependency of ui/) for the web UI's production packages. Release builds add the file to the
//! bundle (tauri.bundle.conf.json) and the About panel shows it.

use std::path::PathBuf;

use anyhow::Context;

use crate::{cargo, program, step, tools, ui, workspace_root};

/// Where the notices are written; tauri.bundle.conf.json names the same path.
pub fn path() -> PathBuf {
    workspace_root().join("target/notices/THIRD-PARTY-NOTICES.txt")
}

/// What the notices are made from: a newer one means they must be made again.
const INPUTS: [&str; 4] = [
    "Cargo.lock",
    "ui/package-lock.json",
    "xtask/notices/about.toml",
    "xtask/notices/about.hbs",
];

pub fn run() -> anyhow::Result<()> {
    if up_to_date() {
        println!("{} is newer than {}", path().display(), INPUTS.join(", "));
        return Ok(());
    }
    step::run("cargo-about", || tools::ensure(tools::CARGO_ABOUT))?;
    step::run("npm ci (ui/, when missing or stale)", ui::install)?;
    let dir = workspace_root().join("target/notices");
    std::fs::create_dir_all(&dir).with_context(|| format!("could not create {}", dir.display()))?;
    let rust = dir.join("rust.txt");
    let npm = dir.join("npm.txt");
    step::run("Rust crates (cargo about generate)", || {
        let mut command = cargo();
        command
            .args(["about", "generate", "--workspace", "--locked"])
            .args(["--config", "xtask/notices/about.toml"])
            .args(["--output-file".as_ref(), rust.as_os_str()])
            .arg("xtask/notices/about.hbs");
        step::status(command)
    })?;
    step::run("npm packages (generate-license-file)", || {
        let mut command = program::command(ui::bin("generate-license-file"));
        command
            .args(["--input", "package.json", "--overwrite", "--output"])
            .arg(&npm)
            .current_dir(workspace_root().join("ui"));
        step::status(command)
    })?;
    let read = |path: &PathBuf| {
        std::fs::read_to_string(path).with_context(|| format!("could not read {}", path.display()))
    };
    let notices = format!(
        "Phone Roster {version} is made of its own code (MIT licence, see LICENSE) and of the\n\
         third-party software below, each under its own licence.\n\n\
         RUST CRATES (the app and the phone-roster command)\n{rust}\n\n\
         JAVASCRIPT PACKAGES (the app's window)\n{npm}\n",
        version = env!("CARGO_PKG_VERSION"),
        rust = read(&rust)?.trim(),
        npm = read(&npm)?.trim(),
    );
    std::fs::write(path(), notices)
        .with_context(|| format!("could not write {}", path().display()))?;
    println!("wrote {}", path().display());
    Ok(())
}

/// cargo-about reads every licence file of ~500 crates (two minutes on two cores): skip it when
/// nothing it reads has changed since the notices were made.
fn up_to_date() -> bool {
    let modified = |path: PathBuf| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let Some(made) = modified(path()) else {
        return false;
    };
    INPUTS
        .iter()
        .all(|input| modified(workspace_root().join(input)).is_some_and(|at| at <= made))
}
