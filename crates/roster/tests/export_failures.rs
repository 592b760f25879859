//! A failed or cancelled export leaves no partial file and never harms the file it would replace,
//! and says what went wrong in words that name the file.

#[path = "support/hostile.rs"]
mod hostile;

use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use roster::export::{
    CsvOptions, CsvStyle, Delimiter, ExportFormat, export_to_path, export_to_path_cancellable,
};
use roster::{Column, Error};
use zoom::PhoneUser;

const OLD: &str = "the previous export\r\n";
const FORMATS: [ExportFormat; 4] = [
    ExportFormat::Csv(CsvOptions {
        bom: true,
        delimiter: Delimiter::Comma,
        style: CsvStyle::Plain,
    }),
    ExportFormat::Csv(CsvOptions {
        bom: true,
        delimiter: Delimiter::Comma,
        style: CsvStyle::ForPeople,
    }),
    ExportFormat::Json,
    ExportFormat::Xlsx,
];

/// Enough rows that every format writes well past its buffers before it is stopped.
fn many_users() -> Vec<PhoneUser> {
    let template = hostile::hostile_users();
    (0..4_000)
        .map(|i| template[i % template.len()].clone())
        .collect()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn cancelling_keeps_the_previous_file_and_leaves_nothing_behind() {
    let users = many_users();
    for format in FORMATS {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join(format!("roster.{}", format.extension()));
        fs::write(&target, OLD).unwrap();
        let cancel = AtomicBool::new(false);
        // The "user" presses Cancel while row 1,000 is being written.
        let rows = users.iter().enumerate().map(|(i, user)| {
            if i == 1_000 {
                cancel.store(true, Ordering::Relaxed);
            }
            user
        });
        let result = export_to_path_cancellable(rows, &Column::ALL, format, &target, &cancel);
        match result {
            Err(Error::Cancelled { path }) => assert_eq!(path, target),
            other => panic!("{format:?}: expected a cancellation, got {other:?}"),
        }
        assert_eq!(fs::read_to_string(&target).unwrap(), OLD, "{format:?}");
        assert_eq!(
            files_in(dir.path()),
            [format!("roster.{}", format.extension())],
            "{format:?}"
        );
    }
}

#[test]
fn a_complete_export_replaces_the_previous_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("roster.csv");
    fs::write(&target, OLD).unwrap();
    let summary = export_to_path(&many_users(), &[], FORMATS[0], &target).unwrap();
    assert_eq!(summary.rows, 4_000);
    assert!(
        fs::read_to_string(&target)
            .unwrap()
            .starts_with("\u{FEFF}Name,Email,")
    );
    assert_eq!(files_in(dir.path()), ["roster.csv"]);
}

#[test]
fn a_missing_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no such folder").join("roster.csv");
    let error = export_to_path(&many_users(), &[], FORMATS[0], &target).unwrap_err();
    assert!(
        matches!(&error, Error::FolderMissing { folder } if folder == target.parent().unwrap())
    );
    let message = error.to_string();
    assert!(
        message.contains("no such folder") && message.contains("does not exist"),
        "{message}"
    );
}

#[test]
fn a_folder_in_the_way_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("roster.csv");
    fs::create_dir(&target).unwrap();
    let error = export_to_path(&many_users(), &[], FORMATS[0], &target).unwrap_err();
    assert!(matches!(error, Error::TargetIsFolder { .. }), "{error:?}");
    assert!(target.is_dir());
}

#[test]
fn a_read_only_file_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("roster.csv");
    fs::write(&target, OLD).unwrap();
    let mut permissions = fs::metadata(&target).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&target, permissions).unwrap();
    let error = export_to_path(&many_users(), &[], FORMATS[0], &target).unwrap_err();
    assert!(matches!(error, Error::PermissionDenied { .. }), "{error:?}");
    assert!(error.to_string().contains("roster.csv"));
    assert_eq!(fs::read_to_string(&target).unwrap(), OLD);
    assert_eq!(files_in(dir.path()), ["roster.csv"]);
}

/// Disk full and read-only file systems, for real: each runs in a user and mount namespace
/// (`unshare -r -m`) on a 256 KiB tmpfs. Where this system cannot mount one (no `unshare`, or user
/// namespaces disabled, as in some containers), the tests fail and say why; set
/// `ROSTER_TEST_CANNOT_MOUNT_TMPFS=1` to skip them there instead, each skip printed on stderr.
#[cfg(target_os = "linux")]
mod file_system_limits {
    use std::io::Write;
    use std::process::Command;

    use super::*;

    const SCRATCH: &str = "ROSTER_TEST_TINY_TMPFS";
    /// The opt-out, for a system that cannot mount a tmpfs in a user namespace.
    const CANNOT_MOUNT: &str = "ROSTER_TEST_CANNOT_MOUNT_TMPFS";
    /// What an inner test prints once all its checks have passed on the tmpfs.
    const CHECKED: &str = "checked on the tiny tmpfs:";

    /// Why a tmpfs cannot be mounted in a user namespace here, or `None` when it can.
    fn tmpfs_unavailable() -> Option<String> {
        let mount_point = tempfile::tempdir().unwrap();
        let probe = Command::new("unshare")
            .args(["-r", "-m", "mount"])
            .args(["-t", "tmpfs", "-o", "size=256k", "roster-test"])
            .arg(mount_point.path())
            .output();
        match probe {
            Err(error) => Some(format!("`unshare` cannot be run ({error})")),
            Ok(probe) if probe.status.success() => None,
            Ok(probe) => Some(format!(
                "`unshare -r -m mount -t tmpfs` failed ({}): {}",
                probe.status,
                String::from_utf8_lossy(&probe.stderr).trim()
            )),
        }
    }

    /// Runs this binary's ignored test `name` with a fresh tmpfs mounted at `$ROSTER_TEST_TINY_TMPFS`
    /// and fails unless exactly that test ran there and passed.
    fn on_tiny_tmpfs(name: &str) {
        let test = format!("file_system_limits::{name}");
        if let Some(reason) = tmpfs_unavailable() {
            assert!(
                std::env::var_os(CANNOT_MOUNT).is_some_and(|v| v == "1"),
                "{test} must run on a tmpfs mounted in a user namespace, but {reason}. On a system \
                 that cannot mount one, set {CANNOT_MOUNT}=1 to skip this test."
            );
            // Straight to stderr, past the test harness's capture, so the skip shows in every run.
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED {test}, not run on a tiny tmpfs ({CANNOT_MOUNT}=1): {reason}"
            );
            return;
        }
        let mount_point = tempfile::tempdir().unwrap();
        let script = "mount -t tmpfs -o size=256k roster-test \"$0\" && exec \"$@\"";
        let test_binary = std::env::current_exe().unwrap();
        let output = Command::new("unshare")
            .args(["-r", "-m", "sh", "-c", script])
            .arg(mount_point.path())
            .arg(test_binary)
            .args(["--exact", &test, "--ignored", "--nocapture"])
            .args(["--format", "pretty", "--color", "never"])
            .env(SCRATCH, mount_point.path())
            .output()
            .expect("`unshare` runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let line = |expected: &str| stdout.lines().any(|l| l.trim() == expected);
        let ran_and_passed = output.status.success()
            && line("running 1 test")
            && line(&format!("test {test} ... ok"))
            && line(&format!("{CHECKED} {name}"))
            && stdout.contains("test result: ok. 1 passed; 0 failed;");
        assert!(
            ran_and_passed,
            "{test} did not run and pass on the tiny tmpfs ({})\n--- stdout\n{stdout}\n--- stderr\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// The tmpfs this process was started on by `on_tiny_tmpfs`.
    fn scratch(runner: &str) -> std::path::PathBuf {
        let dir = std::env::var_os(SCRATCH).unwrap_or_else(|| {
            panic!("run by `{runner}` in a namespace with a tmpfs at ${SCRATCH}; run that test")
        });
        dir.into()
    }

    #[test]
    fn disk_full() {
        on_tiny_tmpfs("disk_full_inner");
    }

    #[test]
    fn read_only_file_system() {
        on_tiny_tmpfs("read_only_inner");
    }

    #[test]
    #[ignore = "run by disk_full inside a namespace"]
    fn disk_full_inner() {
        let dir = scratch("disk_full");
        let target = dir.join("roster.csv");
        fs::write(&target, OLD).unwrap();
        // ~1 MB of CSV into 256 KiB.
        for format in FORMATS {
            let error = export_to_path(&many_users(), &Column::ALL, format, &target).unwrap_err();
            assert!(
                matches!(error, Error::DiskFull { .. }),
                "{format:?}: {error:?}"
            );
            assert!(error.to_string().contains("disk is full"), "{error}");
            assert_eq!(fs::read_to_string(&target).unwrap(), OLD);
            assert_eq!(files_in(&dir), ["roster.csv"]);
        }
        println!("{CHECKED} disk_full_inner");
    }

    #[test]
    #[ignore = "run by read_only_file_system inside a namespace"]
    fn read_only_inner() {
        let dir = scratch("read_only_file_system");
        let target = dir.join("roster.csv");
        fs::write(&target, OLD).unwrap();
        let remounted = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&dir)
            .status();
        assert!(remounted.unwrap().success());
        let error = export_to_path(&many_users(), &[], FORMATS[0], &target).unwrap_err();
        assert!(matches!(error, Error::ReadOnly { .. }), "{error:?}");
        assert_eq!(fs::read_to_string(&target).unwrap(), OLD);
        println!("{CHECKED} read_only_inner");
    }
}
