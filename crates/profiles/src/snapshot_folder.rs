//! Where the saved rosters live: the app's *local* data folder, because two full rosters per
//! profile are tens of megabytes that must not travel with a Windows roaming profile (which copies
//! `%APPDATA%` at every sign-in and sign-out). Earlier versions kept them in the roaming folder;
//! the first call on Windows moves them across once, nothing lost. On Linux and macOS the local and
//! roaming data folders are one and the same.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::ProfileError;

/// The variable that moves the data folder (scripts, tests); the app and the CLI both read it.
pub const DATA_DIR_VARIABLE: &str = "PHONE_ROSTER_DATA_DIR";

/// The app's identifier (tauri.conf.json): the platform's data folder joined with it is the app's.
const APP_IDENTIFIER: &str = "app.phoneroster.desktop";

/// The folder the app keeps snapshots in: `$PHONE_ROSTER_DATA_DIR/snapshots` if that is set, else
/// `snapshots` in the app's local data folder (`~/.local/share/app.phoneroster.desktop` on Linux,
/// `~/Library/Application Support/app.phoneroster.desktop` on macOS,
/// `%LOCALAPPDATA%\app.phoneroster.desktop` on Windows).
pub fn default_dir() -> Result<PathBuf, ProfileError> {
    if let Some(dir) = std::env::var_os(DATA_DIR_VARIABLE).filter(|dir| !dir.is_empty()) {
        return Ok(PathBuf::from(dir).join("snapshots"));
    }
    let base = directories::BaseDirs::new().ok_or(ProfileError::NoDataDir)?;
    let local = base.data_local_dir().join(APP_IDENTIFIER).join("snapshots");
    let roaming = base.data_dir().join(APP_IDENTIFIER).join("snapshots");
    if roaming != local
        && let Err(error) = move_snapshots(&roaming, &local)
    {
        // The rosters left behind still work from where they are not read: the next load saves
        // the current one in the local folder, and the move is tried again at the next start.
        tracing::warn!(
            "could not move the saved rosters from {} to {}: {error}",
            roaming.display(),
            local.display()
        );
    }
    Ok(local)
}

/// Moves every file of `from` into `to` (created if needed) and removes `from`. A file that `to`
/// already has is kept in its newer copy. Nothing happens when `from` does not exist.
fn move_snapshots(from: &Path, to: &Path) -> io::Result<()> {
    let entries = match fs::read_dir(from) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(error),
    };
    crate::private_file::create_dir(to)?;
    for entry in entries {
        let entry = entry?;
        let source = entry.path();
        let target = to.join(entry.file_name());
        if newer_or_same(&target, &source)? {
            fs::remove_file(&source)?;
        } else if roster::export::replace::rename(&source, &target).is_err() {
            // Another volume (a redirected folder): copy, then remove only once the copy is whole.
            fs::copy(&source, &target)?;
            fs::remove_file(&source)?;
        }
    }
    fs::remove_dir(from)
}

/// True when `target` exists and was modified no earlier than `source`.
fn newer_or_same(target: &Path, source: &Path) -> io::Result<bool> {
    let modified = |path: &Path| fs::metadata(path).and_then(|m| m.modified());
    match modified(target) {
        Ok(target) => Ok(target >= modified(source)?),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(error) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, SystemTime};

    use super::*;

    fn write_at(path: &Path, text: &str, modified: SystemTime) {
        fs::write(path, text).unwrap();
        fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(modified)
            .unwrap();
    }

    #[test]
    fn the_roaming_rosters_move_to_the_local_folder_once_keeping_the_newer_copy() {
        let base = tempfile::tempdir().unwrap();
        let roaming = base.path().join("Roaming/app/snapshots");
        let local = base.path().join("Local/app/snapshots");
        fs::create_dir_all(&roaming).unwrap();
        fs::create_dir_all(&local).unwrap();
        let earlier = SystemTime::now() - Duration::from_secs(3600);
        let now = SystemTime::now();
        write_at(&roaming.join("a.roster.jsonl"), "a roaming", now);
        write_at(&roaming.join("b.roster.jsonl"), "b roaming, older", earlier);
        write_at(&local.join("b.roster.jsonl"), "b local, newer", now);
        write_at(&roaming.join("c.roster.jsonl"), "c roaming, newer", now);
        write_at(&local.join("c.roster.jsonl"), "c local, older", earlier);

        move_snapshots(&roaming, &local).unwrap();

        let read = |name: &str| fs::read_to_string(local.join(name)).unwrap();
        assert_eq!(read("a.roster.jsonl"), "a roaming");
        assert_eq!(read("b.roster.jsonl"), "b local, newer");
        assert_eq!(read("c.roster.jsonl"), "c roaming, newer");
        assert!(!roaming.exists());
        // Once moved, there is nothing left to move.
        move_snapshots(&roaming, &local).unwrap();
        assert_eq!(fs::read_dir(&local).unwrap().count(), 3);
    }

    #[test]
    fn a_new_folder_is_created_and_nothing_happens_without_a_roaming_one() {
        let base = tempfile::tempdir().unwrap();
        let local = base.path().join("Local/app/snapshots");
        move_snapshots(&base.path().join("missing"), &local).unwrap();
        assert!(!local.exists());
        let roaming = base.path().join("Roaming");
        fs::create_dir_all(&roaming).unwrap();
        fs::write(roaming.join("x.roster.jsonl"), "x").unwrap();
        move_snapshots(&roaming, &local).unwrap();
        assert_eq!(
            fs::read_to_string(local.join("x.roster.jsonl")).unwrap(),
            "x"
        );
    }

    #[test]
    fn the_default_folder_is_the_app_s_local_data_folder_or_the_variable_s() {
        // The variable is read by every test process alike; this test only reads it.
        let dir = default_dir().unwrap();
        assert!(dir.ends_with("snapshots"), "{}", dir.display());
        match std::env::var_os(DATA_DIR_VARIABLE).filter(|d| !d.is_empty()) {
            Some(set) => assert_eq!(dir, PathBuf::from(set).join("snapshots")),
            None => assert!(
                dir.parent().unwrap().ends_with(APP_IDENTIFIER),
                "{}",
                dir.display()
            ),
        }
    }
}
