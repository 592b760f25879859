//! Each profile's last loaded roster, kept in the app's data folder so the next launch shows it at once
//! ("as of 09:14 yesterday"), and the one before it, so each refresh can say what changed. The app
//! and `phone-roster changes` share the folder (`default_dir`), so either sees the other's history.
//! One file per profile, versioned, replaced atomically as a whole,
//! readable by the user only. It records whose roster it is (profile, account, OAuth app) and is
//! shown only under a profile that still names the same account and app. A snapshot that cannot be read, or
//! belongs to someone else, is ignored (and the roster reloaded), never an error in the admin's way.

use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zoom::PhoneUser;

use crate::Profile;
use crate::private_file::{self, WriteStep};

/// Bump when the layout changes; older files are then ignored.
const VERSION: u32 = 3;

/// A header line is a few hundred bytes; reading more than this for one is reading something else.
const MAX_HEADER_BYTES: u64 = 64 * 1024;

/// When a profile's snapshot was saved and how many users it holds, for the profile list.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SnapshotInfo {
    pub saved_at: String,
    pub users: u32,
}

/// Whose roster a snapshot holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Owner {
    pub profile: String,
    pub account_id: String,
    pub client_id: String,
}

impl Owner {
    pub fn of(profile: &Profile) -> Self {
        Owner {
            profile: profile.name.clone(),
            account_id: profile.account_id.clone(),
            client_id: profile.client_id.clone(),
        }
    }
}

/// The first line of a snapshot.
#[derive(Serialize, Deserialize)]
struct Header {
    version: u32,
    saved_at: String,
    users: u32,
    owner: Owner,
}

pub use crate::snapshot_folder::{DATA_DIR_VARIABLE, default_dir};

/// A digest of the profile name: 64 characters for any name, where the name itself could exceed
/// the 255-byte limit of file names (60 CJK characters are 180 bytes of UTF-8) or hold characters
/// a file system refuses.
fn path(dir: &Path, profile: &str) -> PathBuf {
    dir.join(format!("{}.roster.jsonl", digest(profile)))
}

/// The roster saved before the one at `path(dir, profile)`.
fn previous_path(dir: &Path, profile: &str) -> PathBuf {
    dir.join(format!("{}.previous.roster.jsonl", digest(profile)))
}

fn digest(profile: &str) -> String {
    let digest = Sha256::digest(profile.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// JSON Lines: the header, then one user per line as Zoom sent it (JSON escapes line breaks inside
/// strings, so a raw newline always ends a record). Lines let `load` parse on every core at once:
/// the lenient user parser, not the disk, is what a 100k-user snapshot waits for.
fn encode(owner: &Owner, saved_at: &str, users: &[PhoneUser]) -> serde_json::Result<Vec<u8>> {
    let header = Header {
        version: VERSION,
        saved_at: saved_at.into(),
        users: u32::try_from(users.len()).unwrap_or(u32::MAX),
        owner: owner.clone(),
    };
    let mut bytes = Vec::with_capacity(users.len() * 700);
    serde_json::to_writer(&mut bytes, &header)?;
    for user in users {
        bytes.push(b'\n');
        serde_json::to_writer(&mut bytes, user)?;
    }
    Ok(bytes)
}

/// Replaces the owner's snapshot, keeping the one it replaces as the previous roster (see
/// `load_previous`). The new file is complete on disk before the current one is moved aside, so a
/// failed save leaves the snapshots as they were; a crash between the two renames leaves the
/// previous roster and no current one, which the next load saves again.
pub fn save(dir: &Path, owner: &Owner, saved_at: &str, users: &[PhoneUser]) -> io::Result<()> {
    save_observed(dir, owner, saved_at, users, |_| Ok(()))
}

/// The steps of `save`, each reported just before it happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SaveStep {
    /// A step of writing the new file (`private_file`).
    Write(WriteStep),
    /// The current snapshot renamed to the previous one, just before the new file's rename.
    KeepPrevious,
}

/// `save`, calling `before` ahead of each step; an error from it stops the save there (so tests can
/// prove what every interruption leaves).
fn save_observed(
    dir: &Path,
    owner: &Owner,
    saved_at: &str,
    users: &[PhoneUser],
    mut before: impl FnMut(SaveStep) -> io::Result<()>,
) -> io::Result<()> {
    let bytes = encode(owner, saved_at, users)?;
    let current = path(dir, &owner.profile);
    private_file::write_observed(&current, &bytes, |step| {
        if step == WriteStep::Rename {
            before(SaveStep::KeepPrevious)?;
            keep_previous(dir, &current, &owner.profile)?;
        }
        before(SaveStep::Write(step))
    })
}

/// Moves the current snapshot aside as the previous one (none yet is fine: a first save).
fn keep_previous(dir: &Path, current: &Path, profile: &str) -> io::Result<()> {
    match roster::export::replace::rename(current, &previous_path(dir, profile)) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => {
            Err(roster::export::replace::in_words(error))
        }
        _ => Ok(()),
    }
}

/// The header, if it is this version's and the owner's; a mismatch is logged once, here.
fn owned_header(header: &[u8], owner: &Owner) -> Option<Header> {
    let header: Header = serde_json::from_slice(header).ok()?;
    if header.version != VERSION {
        return None;
    }
    if header.owner != *owner {
        tracing::warn!(
            profile = %owner.profile,
            "ignoring a snapshot saved for another account or app under this profile name"
        );
        return None;
    }
    Some(header)
}

/// The owner's users and when they were saved, or `None` if there is no usable snapshot.
pub fn load(dir: &Path, owner: &Owner) -> Option<(Vec<PhoneUser>, String)> {
    load_file(&path(dir, &owner.profile), owner)
}

/// The roster saved before the owner's current snapshot, and when; `None` if there is none usable.
pub fn load_previous(dir: &Path, owner: &Owner) -> Option<(Vec<PhoneUser>, String)> {
    load_file(&previous_path(dir, &owner.profile), owner)
}

fn load_file(file: &Path, owner: &Owner) -> Option<(Vec<PhoneUser>, String)> {
    let bytes = fs::read(file).ok()?;
    let mut lines = bytes.split(|&b| b == b'\n');
    let header = owned_header(lines.next()?, owner)?;
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
            // The parser threads only parse; a panic there is a bug to surface, not an input to handle.
            users.extend(part.join().expect("a snapshot parser thread panicked")?);
        }
        Ok(users)
    })
}

/// When and how big, from the first line alone (for the profile list).
pub fn info(dir: &Path, owner: &Owner) -> Option<SnapshotInfo> {
    let file = fs::File::open(path(dir, &owner.profile)).ok()?;
    let mut line = Vec::new();
    BufReader::new(file.take(MAX_HEADER_BYTES))
        .read_until(b'\n', &mut line)
        .ok()?;
    let header = owned_header(line.strip_suffix(b"\n").unwrap_or(&line), owner)?;
    Some(SnapshotInfo {
        saved_at: header.saved_at,
        users: header.users,
    })
}

/// Removes the profile's snapshot and the roster before it; best effort (a file left behind is
/// never shown under another account: see `Owner`).
pub fn remove(dir: &Path, profile: &str) {
    let _ = fs::remove_file(path(dir, profile));
    let _ = fs::remove_file(previous_path(dir, profile));
}

#[cfg(test)]
mod tests;
