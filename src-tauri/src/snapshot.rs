//! Each profile's last loaded roster, kept in the app's data folder so the next launch shows it at once
//! ("as of 09:14 yesterday"). Versioned, written atomically, readable by the user only. A snapshot that
//! cannot be read is ignored (and the roster reloaded), never an error in the admin's way.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use zoom::PhoneUser;

use crate::commands::profiles::SnapshotInfo;

/// Bump when the layout changes; older files are then ignored.
const VERSION: u32 = 2;

/// The first line of a snapshot, and the whole of the small file beside it (read to list profiles
/// without reading the roster).
#[derive(Serialize, Deserialize)]
struct Header {
    version: u32,
    saved_at: String,
    users: u32,
}

/// Profile names may hold any character; the file name is a hex encoding of it.
fn path(dir: &Path, profile: &str) -> PathBuf {
    let name: String = profile.bytes().map(|b| format!("{b:02x}")).collect();
    dir.join(format!("{name}.roster.jsonl"))
}

fn header_path(dir: &Path, profile: &str) -> PathBuf {
    path(dir, profile).with_extension("meta")
}

/// JSON Lines: the header, then one user per line as Zoom sent it (JSON escapes line breaks inside
/// strings, so a raw newline always ends a record). Lines let `load` parse on every core at once:
/// the lenient user parser, not the disk, is what a 100k-user snapshot waits for.
pub fn save(dir: &Path, profile: &str, saved_at: &str, users: &[PhoneUser]) -> std::io::Result<()> {
    create_private_dir(dir)?;
    let header = Header {
        version: VERSION,
        saved_at: saved_at.into(),
        users: u32::try_from(users.len()).unwrap_or(u32::MAX),
    };
    let header_bytes = serde_json::to_vec(&header)?;
    let mut bytes = Vec::with_capacity(users.len() * 700);
    bytes.extend_from_slice(&header_bytes);
    for user in users {
        bytes.push(b'\n');
        serde_json::to_writer(&mut bytes, user)?;
    }
    write_private(&path(dir, profile), &bytes)?;
    // The small header file last: `info` never announces a snapshot that is not fully written.
    write_private(&header_path(dir, profile), &header_bytes)
}

/// The users and when they were saved, or `None` if there is no usable snapshot.
pub fn load(dir: &Path, profile: &str) -> Option<(Vec<PhoneUser>, String)> {
    let bytes = fs::read(path(dir, profile)).ok()?;
    let mut lines = bytes.split(|&b| b == b'\n');
    let header: Header = serde_json::from_slice(lines.next()?).ok()?;
    if header.version != VERSION {
        return None;
    }
    let lines: Vec<&[u8]> = lines.collect();
    let users = parse_in_parallel(&lines)
        .inspect_err(|e| tracing::warn!("ignoring unreadable snapshot: {e}"))
        .ok()?;
    Some((users, header.saved_at))
}

/// One contiguous share of the lines per core, concatenated in order.
fn parse_in_parallel(lines: &[&[u8]]) -> serde_json::Result<Vec<PhoneUser>> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let share = lines.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let parts: Vec<_> = lines
            .chunks(share)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|line| serde_json::from_slice::<PhoneUser>(line))
                        .collect::<serde_json::Result<Vec<_>>>()
                })
            })
            .collect();
        let mut users = Vec::with_capacity(lines.len());
        for part in parts {
            users.extend(part.join().expect("a snapshot parser thread panicked")?);
        }
        Ok(users)
    })
}

/// When and how big, without reading the roster itself (for the profile list).
pub(crate) fn info(dir: &Path, profile: &str) -> Option<SnapshotInfo> {
    let header: Header = serde_json::from_slice(&fs::read(header_path(dir, profile)).ok()?).ok()?;
    (header.version == VERSION).then_some(SnapshotInfo {
        saved_at: header.saved_at,
        users: header.users,
    })
}

pub(crate) fn remove(dir: &Path, profile: &str) {
    let _ = fs::remove_file(path(dir, profile));
    let _ = fs::remove_file(header_path(dir, profile));
}

/// The folder and its parents; a new folder is the user's alone on Unix.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Temp file beside the target, then rename: a crash never leaves half a snapshot.
fn write_private(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(target).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn users(n: usize) -> Vec<PhoneUser> {
        zoom_sim::generate_users(n, 7)
            .into_iter()
            .map(|user| serde_json::from_value(user).unwrap())
            .collect()
    }

    #[test]
    fn a_saved_roster_reads_back_the_same_and_only_its_owner_can_read_it() {
        let dir = tempfile::tempdir().unwrap();
        let saved = users(1_000);
        save(dir.path(), "Acme / EMEA", "2026-11-28T09:14:00Z", &saved).unwrap();
        let (loaded, at) = load(dir.path(), "Acme / EMEA").unwrap();
        assert_eq!(loaded, saved);
        assert_eq!(at, "2026-11-28T09:14:00Z");
        let info = info(dir.path(), "Acme / EMEA").unwrap();
        assert_eq!(info.users, 1_000);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(path(dir.path(), "Acme / EMEA"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "{mode:o}");
        }
    }

    #[test]
    fn a_damaged_or_older_snapshot_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        save(dir.path(), "Acme", "2026-11-28T09:14:00Z", &users(10)).unwrap();
        let file = path(dir.path(), "Acme");
        let mut bytes = fs::read(&file).unwrap();
        bytes.truncate(bytes.len() - 5);
        fs::write(&file, &bytes).unwrap();
        assert!(load(dir.path(), "Acme").is_none());
        fs::write(&file, br#"{"version":1,"saved_at":"x","users":0}"#).unwrap();
        assert!(load(dir.path(), "Acme").is_none());
    }
}
