//! Write beside the target, then rename over it: readers see the old file or the complete new
//! one, never half of either.

use std::fs::{self, File};
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::Error;

/// Runs `write` on a temporary file in the target's folder (same file system, so the final rename
/// is atomic) and renames it to `path` if it succeeded and `cancel` was not set. On any failure the
/// temporary file is removed and `path` is left as it was. `write` gets the folder too, for
/// scratch files of its own; it returns the number of rows written.
pub(crate) fn write_atomically(
    path: &Path,
    cancel: &AtomicBool,
    write: impl FnOnce(&mut File, &Path) -> io::Result<usize>,
) -> Result<usize, Error> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(Error::FolderMissing {
            folder: folder.to_path_buf(),
        });
    }
    let existing = match fs::metadata(path) {
        Ok(metadata) if metadata.is_dir() => {
            return Err(Error::TargetIsFolder {
                path: path.to_path_buf(),
            });
        }
        // A read-only file is one its owner chose to protect; Windows would refuse to replace it
        // anyway, so refuse everywhere.
        Ok(metadata) if metadata.permissions().readonly() => {
            return Err(Error::PermissionDenied {
                path: path.to_path_buf(),
            });
        }
        Ok(metadata) => Some(metadata.permissions()),
        Err(_) => None,
    };

    let mut builder = tempfile::Builder::new();
    builder.prefix(".phone-roster-").suffix(".tmp");
    match existing {
        // Replacing a file keeps who may read it.
        Some(permissions) => {
            builder.permissions(permissions);
        }
        None => default_permissions(&mut builder),
    }
    let io_error = |error| Error::from_io(error, path);
    let mut temp = builder.tempfile_in(folder).map_err(io_error)?;
    let rows = write(temp.as_file_mut(), folder).map_err(io_error)?;
    if cancel.load(Ordering::Relaxed) {
        return Err(Error::Cancelled {
            path: path.to_path_buf(),
        });
    }
    // On disk before the rename, so a crash cannot leave an empty file under the target's name.
    temp.as_file().sync_all().map_err(io_error)?;
    super::replace::persist(temp, path).map_err(io_error)?;
    Ok(rows)
}

/// A new file gets what any program's new file gets: read-write for all, less the umask
/// (tempfile's own default, 0600, would hide an export from a shared folder's other users).
#[cfg(unix)]
fn default_permissions(builder: &mut tempfile::Builder) {
    use std::os::unix::fs::PermissionsExt;
    builder.permissions(fs::Permissions::from_mode(0o666));
}

#[cfg(not(unix))]
fn default_permissions(_builder: &mut tempfile::Builder) {}
