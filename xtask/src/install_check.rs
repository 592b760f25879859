//! The install check: the .deb that `cargo xtask bundle` made, installed with apt as an admin would,
//! then the CLI run, the installed app opened under Xvfb (the end-to-end spec `installed`), and the
//! package removed again, leaving none of its files behind.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail, ensure};

use crate::{bundle, deps, program, step, workspace_root};

/// Files the package must put in place (the CLI beside the app, the menu entry and an icon).
const EXPECTED: [&str; 4] = [
    "/usr/bin/phone-roster-app",
    "/usr/bin/phone-roster",
    "/usr/share/applications/Phone Roster.desktop",
    "/usr/share/icons/hicolor/128x128/apps/phone-roster-app.png",
];

/// What the .deb must declare: the web view and GTK it runs on, and a Secret Service to keep the
/// client secret in (recommended: a server running only the CLI may use environment variables).
const DECLARED: [(&str, &[&str]); 2] = [
    ("Depends", &["libwebkit2gtk-4.1-0", "libgtk-3-0"]),
    ("Recommends", &["gnome-keyring"]),
];

pub fn run() -> anyhow::Result<()> {
    let packages = bundle::packages()?;
    let deb = packages
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "deb"))
        .context("no .deb among the packages")?;
    let name = field(deb, "Package")?;
    step::run("package contents", || show_contents(&packages))?;
    step::run(&format!("apt-get install {}", deb.display()), || {
        let path = deb
            .canonicalize()
            .with_context(|| format!("{} is missing", deb.display()))?;
        step::status(deps::apt_get(&[
            "install".as_ref(),
            "-y".as_ref(),
            path.as_os_str(),
        ]))
    })?;
    let checked = check_installed(&name);
    // Removing runs even when a check failed, so a broken package never stays on the machine.
    let removed = step::run(&format!("apt-get remove {name}"), || {
        step::status(deps::apt_get(&["purge", "-y", &name]))?;
        let left: Vec<&str> = EXPECTED
            .into_iter()
            .filter(|p| Path::new(p).exists())
            .collect();
        ensure!(left.is_empty(), "removing {name} left {left:?} behind");
        Ok(())
    });
    checked.and(removed)
}

fn check_installed(name: &str) -> anyhow::Result<()> {
    step::run("installed files", || {
        let missing: Vec<&str> = EXPECTED
            .into_iter()
            .filter(|p| !Path::new(p).exists())
            .collect();
        ensure!(missing.is_empty(), "{name} did not install {missing:?}");
        Ok(())
    })?;
    step::run("phone-roster --version (installed)", || {
        let out = program::command("/usr/bin/phone-roster")
            .arg("--version")
            .output()
            .context("could not run /usr/bin/phone-roster")?;
        let said = String::from_utf8_lossy(&out.stdout);
        println!("{}", said.trim());
        let version = env!("CARGO_PKG_VERSION");
        ensure!(
            out.status.success() && said.trim() == format!("phone-roster {version}"),
            "expected `phone-roster {version}`, got {said:?} ({})",
            out.status
        );
        Ok(())
    })?;
    step::run(
        "the installed app opens (tests/e2e spec `installed`)",
        || {
            let mut command = program::command("node");
            command
                .args(["tests/e2e/run.mjs", "installed"])
                .env("PHONE_ROSTER_APP", "/usr/bin/phone-roster-app")
                .env("PHONE_ROSTER_INSTALLED", "1")
                .env_remove("DISPLAY")
                .current_dir(workspace_root());
            step::status(command)
        },
    )
}

/// Both packages' file lists, as the closing note of a release shows them.
fn show_contents(packages: &[PathBuf]) -> anyhow::Result<()> {
    for package in packages {
        let listing = match package.extension().and_then(|e| e.to_str()) {
            Some("deb") => output(program::command("dpkg-deb").arg("--contents").arg(package))?,
            _ => output(program::command("rpm").arg("-qlpv").arg(package))?,
        };
        println!("{}:\n{listing}", package.display());
    }
    let deb = packages
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "deb"));
    if let Some(deb) = deb {
        for (key, wanted) in DECLARED {
            let declared = field(deb, key)?;
            println!("{key}: {declared}");
            let missing: Vec<&str> = wanted
                .iter()
                .copied()
                .filter(|package| !declared.split(", ").any(|d| d.starts_with(package)))
                .collect();
            ensure!(missing.is_empty(), "the .deb's {key} lacks {missing:?}");
        }
    }
    Ok(())
}

/// One control field of a .deb (`dpkg-deb -f`).
fn field(deb: &Path, key: &str) -> anyhow::Result<String> {
    Ok(
        output(program::command("dpkg-deb").arg("-f").arg(deb).arg(key))?
            .trim()
            .to_owned(),
    )
}

fn output(command: &mut Command) -> anyhow::Result<String> {
    let shown = step::describe(command);
    let out = command
        .output()
        .with_context(|| format!("could not run {shown}"))?;
    if !out.status.success() {
        bail!(
            "{shown} exited with {}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}
