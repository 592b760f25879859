//! `cargo xtask notices`: THIRD-PARTY-NOTICES.txt, the licences of every Rust crate and npm package
//! compiled into the app and the CLI, as their licences require us to ship them.
//!
//! Both halves come from maintained tools rather than our own walk of the dependency tree:
//! cargo-about (settings and template in xtask/notices/) for Rust, generate-license-file (an npm
//! devDependency of ui/) for the web UI's production packages. Release builds add the file to the
//! bundle (tauri.bundle.conf.json) and the About panel shows it.
//!
//! The file is kept in the repository, made again only when what it is made from changes: cargo-about
//! reads every licence file of ~500 crates, a minute and a half on two cores that every fresh test
//! run and release build would otherwise spend, and a change of licences shows in review. Beside it,
//! xtask/notices/made-from.sha256 records the SHA-256 of its inputs; `check` (in `cargo xtask test`)
//! fails when they changed since.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use sha2::{Digest, Sha256};

use crate::{cargo, program, step, tools, ui, workspace_root};

/// The notices; tauri.bundle.conf.json names the same path.
fn path() -> PathBuf {
    workspace_root().join("THIRD-PARTY-NOTICES.txt")
}

/// The digest of the inputs the notices were last made from.
fn made_from() -> PathBuf {
    workspace_root().join("xtask/notices/made-from.sha256")
}

/// What the notices are made from.
const INPUTS: [&str; 4] = [
    "Cargo.lock",
    "ui/package-lock.json",
    "xtask/notices/about.toml",
    "xtask/notices/about.hbs",
];

pub fn run() -> anyhow::Result<()> {
    let inputs = inputs_digest()?;
    if recorded_digest().as_deref() == Some(inputs.as_str()) {
        println!(
            "{} is made from today's lockfiles already",
            path().display()
        );
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
        "Phone Roster is made of its own code (MIT licence, see LICENSE) and of the third-party\n\
         software below, each under its own licence.\n\n\
         RUST CRATES (the app and the phone-roster command)\n{rust}\n\n\
         JAVASCRIPT PACKAGES (the app's window)\n{npm}\n",
        rust = read(&rust)?.trim(),
        npm = read(&npm)?.trim(),
    );
    // Some crates' licence files end their lines in CR LF; the repository keeps LF (.gitattributes).
    write(&path(), &notices.replace("\r\n", "\n"))?;
    write(&made_from(), &format!("{inputs}\n"))?;
    println!(
        "wrote {} and {}: commit both",
        path().display(),
        made_from().display()
    );
    Ok(())
}

/// Fails unless the notices were made from today's inputs.
pub fn check() -> anyhow::Result<()> {
    let inputs = inputs_digest()?;
    match recorded_digest() {
        Some(recorded) if recorded == inputs => Ok(()),
        _ => bail!(
            "THIRD-PARTY-NOTICES.txt was made from other versions of {}: run `cargo xtask notices` \
             and commit THIRD-PARTY-NOTICES.txt and xtask/notices/made-from.sha256",
            INPUTS.join(", ")
        ),
    }
}

fn write(path: &Path, text: &str) -> anyhow::Result<()> {
    std::fs::write(path, text).with_context(|| format!("could not write {}", path.display()))
}

fn recorded_digest() -> Option<String> {
    let text = std::fs::read_to_string(made_from()).ok()?;
    Some(text.trim().to_owned())
}

/// SHA-256 over each input's name and contents, in hex.
fn inputs_digest() -> anyhow::Result<String> {
    let mut hasher = Sha256::new();
    for input in INPUTS {
        let path = workspace_root().join(input);
        let contents =
            std::fs::read(&path).with_context(|| format!("could not read {}", path.display()))?;
        hasher.update(input.as_bytes());
        hasher.update((contents.len() as u64).to_le_bytes());
        hasher.update(&contents);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect())
}
