//! The profile list on disk: `profiles.json`, no secrets, replaced atomically and readable by the
//! user only (it names the account and the OAuth app).

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Profile, ProfileError};
use crate::json_file::{self, ReadError};
use crate::private_file;

const FILE_NAME: &str = "profiles.json";
const LOCK_FILE_NAME: &str = "profiles.lock";
const VERSION: u32 = 1;

/// The file's shape. `Profile` is stored as is: a change to its fields is a change to this format
/// (add fields with `#[serde(default)]`; bump VERSION for anything an older version would misread).
#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    profiles: Vec<Profile>,
}

/// The saved profiles, in name order; none when the file does not exist yet.
pub(super) fn load(dir: &Path) -> Result<Vec<Profile>, ProfileError> {
    let path = dir.join(FILE_NAME);
    match json_file::read::<File>(&path, VERSION, |file| file.version) {
        Ok(file) => Ok(file.map(|file| file.profiles).unwrap_or_default()),
        Err(ReadError::Io(source)) => Err(ProfileError::ConfigRead { path, source }),
        Err(ReadError::Damaged(detail)) => Err(ProfileError::ConfigDamaged { path, detail }),
    }
}

/// Replaces the file with `profiles` atomically: a crash or a full disk leaves the previous list.
pub(super) fn save(dir: &Path, profiles: &[Profile]) -> Result<(), ProfileError> {
    let path = dir.join(FILE_NAME);
    let mut profiles = profiles.to_vec();
    profiles.sort_by(|a, b| a.name.cmp(&b.name));
    let file = File {
        version: VERSION,
        profiles,
    };
    // Strings and plain structs only: serialising them cannot fail.
    let json = serde_json::to_vec_pretty(&file).expect("the profile list is always valid JSON");
    private_file::write(&path, &json).map_err(|source| ProfileError::ConfigWrite { path, source })
}

/// Held while the list is read, changed and written back, so that the app and the CLI saving at
/// the same moment both keep their change: the lock file is never removed, and the lock goes with
/// the returned handle (and with the process, if it dies).
pub(super) fn lock(dir: &Path) -> Result<std::fs::File, ProfileError> {
    let path = dir.join(LOCK_FILE_NAME);
    let locked = private_file::create_dir(dir).and_then(|()| {
        let mut options = std::fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(&path)?;
        file.lock()?;
        Ok(file)
    });
    locked.map_err(|source| ProfileError::ConfigWrite { path, source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_an_empty_list() {
        let dir = tempfile::tempdir().unwrap();
        assert!(load(&dir.path().join("not-yet")).unwrap().is_empty());
    }

    #[test]
    fn a_damaged_file_says_which_file_and_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "{ not json").unwrap();
        let message = load(dir.path()).unwrap_err().to_string();
        assert!(
            message.contains(FILE_NAME) && message.contains("Move it aside"),
            "{message}"
        );
    }

    #[test]
    fn a_newer_format_is_not_misread() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), r#"{"version":2,"profiles":[]}"#).unwrap();
        let message = load(dir.path()).unwrap_err().to_string();
        assert!(message.contains("newer version"), "{message}");
    }
}
