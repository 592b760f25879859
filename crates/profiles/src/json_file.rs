//! The small JSON files of the config folder (profiles.json, views.json), read the one way: a missing
//! file is none yet; a damaged one, or one a newer version wrote, is refused in words (and so never
//! overwritten by this version).

use std::io;
use std::path::Path;

use serde::de::DeserializeOwned;

pub(crate) enum ReadError {
    Io(io::Error),
    /// What is wrong with it, in words.
    Damaged(String),
}

/// The file at `path`, or `None` when there is none; `version` reads its version, which must be at
/// most `newest`.
pub(crate) fn read<T: DeserializeOwned>(
    path: &Path,
    newest: u32,
    version: impl Fn(&T) -> u32,
) -> Result<Option<T>, ReadError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(ReadError::Io(error)),
    };
    let file: T =
        serde_json::from_str(&text).map_err(|error| ReadError::Damaged(error.to_string()))?;
    if version(&file) > newest {
        return Err(ReadError::Damaged(
            "it was written by a newer version of Phone Roster".to_owned(),
        ));
    }
    Ok(Some(file))
}
