//! System packages the checks need, installed with apt on Debian/Ubuntu when missing.

use std::ffi::OsStr;
use std::process::Command;

use anyhow::Context;

use crate::{program, step};

/// Everything `cargo xtask test` needs from the system: a C toolchain and pkg-config for crates
/// with build scripts; WebKitGTK to build the app; D-Bus, gnome-keyring and keyutils for a real
/// Secret Service in the keychain tests (see keyring_session.rs); Xvfb and WebKitWebDriver for the
/// end-to-end suite, which checks the stored secret with `secret-tool` (libsecret-tools); a small
/// CJK font so the Chinese and Japanese names of the demo roster show in screenshots, not boxes;
/// shellcheck, which actionlint runs on the workflows' scripts; rpm, to list the .rpm's files in
/// the install check; x11-utils (xwininfo), to see a native dialog window of the app; x11-apps
/// (xwd), for the end-to-end screenshots taken from the X server;
/// LibreOffice Calc, the spreadsheet that opens the exports in crates/roster's round-trip test.
pub const TEST_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libwebkit2gtk-4.1-dev",
    "dbus",
    "gnome-keyring",
    "keyutils",
    "xvfb",
    "webkit2gtk-driver",
    "libsecret-tools",
    "fonts-wqy-microhei",
    "shellcheck",
    "rpm",
    "x11-utils",
    "x11-apps",
    "libreoffice-calc-nogui",
];

/// Installs whichever of `packages` dpkg does not report as installed.
pub fn ensure(packages: &[&str]) -> anyhow::Result<()> {
    if !found("dpkg-query") {
        println!(
            "not a Debian/Ubuntu system: skipping; make sure these are installed: {}",
            packages.join(" ")
        );
        return Ok(());
    }
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|package| !installed(package))
        .collect();
    if missing.is_empty() {
        println!("all installed: {}", packages.join(" "));
        return Ok(());
    }
    println!("installing: {}", missing.join(" "));
    step::status(apt_get(&["update"])).context("apt-get update failed")?;
    let mut install = vec!["install", "-y", "--no-install-recommends"];
    install.extend(&missing);
    step::status(apt_get(&install)).context("apt-get install failed")
}

fn installed(package: &str) -> bool {
    program::command("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .is_ok_and(|out| {
            // "install ok installed"; anything else (config-files, half-installed…) is missing.
            out.status.success()
                && String::from_utf8_lossy(&out.stdout)
                    .split_whitespace()
                    .nth(2)
                    == Some("installed")
        })
}

/// `apt-get ARGS` run as root: directly when we are root (containers, CI), else through sudo.
/// `env` sets DEBIAN_FRONTEND after sudo, which would otherwise drop it. It waits for another apt
/// run to release the dpkg lock instead of failing at once.
pub fn apt_get(args: &[impl AsRef<OsStr>]) -> Command {
    let mut command = if is_root() {
        program::command("env")
    } else {
        let mut sudo = program::command("sudo");
        sudo.arg("env");
        sudo
    };
    command
        .args(["DEBIAN_FRONTEND=noninteractive", "apt-get"])
        .args(["-o", "DPkg::Lock::Timeout=600"])
        .args(args);
    command
}

fn is_root() -> bool {
    program::command("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

fn found(program: &str) -> bool {
    program::command(program).arg("--version").output().is_ok()
}
