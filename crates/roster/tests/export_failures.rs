//! A failed or cancelled export leaves no partial file and never harms the file it would replace,
//! and says what went wrong in words that name the file.

#[path = "support/hostile.rs"]
mod hostile;

use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use roster::export::{
    CsvOptions, CsvStyle, ExportFormat, export_to_path, export_to_path_cancellable,
};
use roster::{Column, Error};
use zoom::PhoneUser;

const OLD: &str = "the previous export\r\n";
const FORMATS: [ExportFormat; 4] = [
    ExportFormat::Csv(CsvOptions {
        bom: true,
        delimiter: b',',
        style: CsvStyle::Plain,
    }),
    ExportFormat::Csv(CsvOptions {
        bom: true,
        delimiter: b',',
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
/// (`unshare -r -m`) on a 256 KiB tmpfs. Skipped, saying so, where namespaces are not allowed.
#[cfg(target_os = "linux")]
mod file_system_limits {
    use std::process::Command;

    use super::*;

    const SCRATCH: &str = "ROSTER_TEST_TINY_TMPFS";

    /// Runs this binary's ignored test `name` with a fresh tmpfs mounted at `$ROSTER_TEST_TINY_TMPFS`.
    fn on_tiny_tmpfs(name: &str) {
        let mount_point = tempfile::tempdir().unwrap();
        let script = "mount -t tmpfs -o size=256k roster-test \"$0\" || exit 77; exec \"$@\"";
        let test_binary = std::env::current_exe().unwrap();
        let status = Command::new("unshare")
            .args(["-r", "-m", "sh", "-c", script])
            .arg(mount_point.path())
            .arg(test_binary)
            .args([
                "--exact",
                &format!("file_system_limits::{name}"),
                "--ignored",
                "--nocapture",
            ])
            .env(SCRATCH, mount_point.path())
            .status();
        match status {
            Ok(status) if status.code() == Some(77) => {
                eprintln!(
                    "skipped {name}: this system does not allow mounting a tmpfs in a namespace"
                )
            }
            Ok(status) => assert!(status.success(), "{name} failed on the tiny tmpfs"),
            Err(error) => eprintln!("skipped {name}: `unshare` is not available ({error})"),
        }
    }

    fn scratch() -> Option<std::path::PathBuf> {
        std::env::var_os(SCRATCH).map(Into::into)
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
        let Some(dir) = scratch() else { return };
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
    }

    #[test]
    #[ignore = "run by read_only_file_system inside a namespace"]
    fn read_only_inner() {
        let Some(dir) = scratch() else { return };
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
    }
}
