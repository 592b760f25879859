//! `cargo xtask bundle`: the Linux packages (.deb and .rpm) of a release build, with the CLI inside
//! as /usr/bin/phone-roster and the third-party notices as a resource.
//!
//! The Tauri CLI does the build and the packaging; tauri.linux.conf.json hooks `cargo xtask
//! ship-binaries` (below) in between, so the pipeline's tauri-action makes the same packages.
//! AppImage needs downloads and is left to the pipeline.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::{cargo, deps, program, step, ui, workspace_root};

/// The packages must stay small enough to download and mail around; today's are 14 MB.
const MAX_PACKAGE_BYTES: u64 = 25 * 1024 * 1024;

/// The release build's binaries that are shipped, as cargo names them.
const SHIPPED: [&str; 2] = ["phone-roster-app", "phone-roster"];

/// Cargo arguments that build the app and the CLI in one invocation (the Tauri CLI passes what
/// follows `--` to cargo). Built apart, each would get its own feature set of the ~400 crates they
/// share, and the second build would compile them all again (3.5 min on two cores).
pub const BOTH_PACKAGES: [&str; 4] = ["-p", "phone-roster-app", "-p", "phone-roster-cli"];

pub fn run() -> anyhow::Result<()> {
    step::run("system packages", || deps::ensure(deps::TEST_PACKAGES))?;
    step::run("npm ci (ui/, when missing or stale)", ui::install)?;
    step::run(
        "release build and .deb/.rpm (tauri build --bundles deb,rpm)",
        || {
            // ui/'s own Tauri CLI, run from the root where tauri.conf.json is.
            let mut command = program::command(ui::bin("tauri"));
            command
                .args(["build", "--bundles", "deb,rpm", "--ci"])
                .args(["--config", "tauri.bundle.conf.json", "--"])
                .args(BOTH_PACKAGES)
                .current_dir(workspace_root());
            step::status(command)
        },
    )?;
    step::run("package sizes", || {
        for package in packages()? {
            let bytes = std::fs::metadata(&package)?.len();
            println!("{} — {:.1} MB", package.display(), bytes as f64 / 1e6);
            if bytes > MAX_PACKAGE_BYTES {
                bail!(
                    "{} is {bytes} bytes, over the {MAX_PACKAGE_BYTES}-byte limit: are the binaries stripped?",
                    package.display()
                );
            }
        }
        Ok(())
    })
}

/// The .deb and .rpm that `run` made.
pub fn packages() -> anyhow::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for kind in ["deb", "rpm"] {
        let dir = release_dir().join("bundle").join(kind);
        let package = std::fs::read_dir(&dir)
            .with_context(|| format!("no {kind} package in {}", dir.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .find(|path| path.extension().is_some_and(|ext| ext == kind))
            .with_context(|| format!("no .{kind} file in {}", dir.display()))?;
        found.push(package);
    }
    Ok(found)
}

/// `cargo xtask ship-binaries`, run by the Tauri CLI between its release build and the packaging
/// (tauri.linux.conf.json `beforeBundleCommand`): makes sure the CLI that the packages carry is
/// built, then moves each binary's debug info into `symbols/` beside it (kept for crash analysis,
/// not shipped) and strips the binary. Without this the app is ~170 MB and the CLI ~75 MB, almost
/// all debug info.
pub fn ship_binaries() -> anyhow::Result<()> {
    // The cargo command the Tauri CLI ran when it was given BOTH_PACKAGES, so nothing is left to
    // build; after a plain `tauri build` this builds the CLI, with the same features as the app.
    step::run("the app and the CLI, release (cargo build)", || {
        let mut command = cargo();
        command.args(["build", "--release"]).args(BOTH_PACKAGES);
        if let Some(triple) = target_triple() {
            command.args(["--target", &triple]);
        }
        step::status(command)
    })?;
    let dir = release_dir();
    let symbols = dir.join("symbols");
    std::fs::create_dir_all(&symbols)
        .with_context(|| format!("could not create {}", symbols.display()))?;
    for name in SHIPPED {
        step::run(&format!("split debug info of {name}"), || {
            split_debug_info(&dir.join(name), &symbols.join(format!("{name}.debug")))
        })?;
    }
    Ok(())
}

/// objcopy/strip as Debian's own packages do it: the debug file keeps what a crash report needs,
/// the binary keeps a link (name and checksum) to it, so `gdb` finds it when both are in one place.
fn split_debug_info(binary: &Path, debug: &Path) -> anyhow::Result<()> {
    let run = |program: &str, args: &[&std::ffi::OsStr]| {
        let mut command = program::command(program);
        command.args(args);
        step::status(command)
    };
    let binary = binary.as_os_str();
    let keep = format!("--add-gnu-debuglink={}", debug.display());
    run(
        "objcopy",
        &["--only-keep-debug".as_ref(), binary, debug.as_os_str()],
    )?;
    run(
        "strip",
        &[
            "--strip-debug".as_ref(),
            "--strip-unneeded".as_ref(),
            binary,
        ],
    )?;
    run("objcopy", &[keep.as_ref(), binary])
}

/// `target/release`, or `target/<triple>/release` when the Tauri CLI was given `--target`
/// (it tells its hooks the triple in TAURI_ENV_TARGET_TRIPLE; without `--target` the build is
/// still in `target/release`).
fn release_dir() -> PathBuf {
    let target = workspace_root().join("target");
    match target_triple() {
        Some(triple) => target.join(triple).join("release"),
        None => target.join("release"),
    }
}

fn target_triple() -> Option<String> {
    let triple = std::env::var("TAURI_ENV_TARGET_TRIPLE").ok()?;
    let explicit = workspace_root()
        .join("target")
        .join(&triple)
        .join("release");
    explicit.is_dir().then_some(triple)
}
