//! Files that are the user's alone (the profile list, roster snapshots): written whole or not at
//! all, readable by their owner only on Unix, in a folder that is the owner's alone. The final
//! rename waits out another program's brief hold on Windows (roster::export::replace).
//!
//! A write is four steps — a temporary file beside the target, its contents, a flush to disk, a
//! rename over the target — and a crash or a full disk between any two leaves the previous file as
//! it was. On Unix a fifth, the folder flushed to disk, makes the rename itself survive a power
//! cut. `write_observed` lets tests stop a write between steps to prove it.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// The steps of a write, in order; each is reported just before it happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteStep {
    CreateTemporary,
    WriteContents,
    Flush,
    Rename,
    /// After the rename (Unix only): the new file is in place; what follows makes it durable.
    SyncFolder,
}

impl WriteStep {
    /// The steps before the new file takes the target's place.
    pub const ALL: [WriteStep; 4] = [
        WriteStep::CreateTemporary,
        WriteStep::WriteContents,
        WriteStep::Flush,
        WriteStep::Rename,
    ];
}

/// Creates the folder (and parents) if missing; on Unix a new folder is the user's alone, and an
/// existing one that others may enter (made by an earlier version, or by hand) is made so.
pub fn create_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)?;
    #[cfg(unix)]
    tighten(dir);
    Ok(())
}

/// Takes group and others' access away from `dir`; best effort (a folder the user does not own
/// stays as it is, and the files in it are the user's alone anyway).
#[cfg(unix)]
fn tighten(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(metadata) = fs::metadata(dir) else {
        return;
    };
    let mode = metadata.permissions().mode();
    if mode & 0o077 != 0
        && let Err(error) = fs::set_permissions(dir, fs::Permissions::from_mode(mode & 0o700))
    {
        tracing::warn!(dir = %dir.display(), %error, "could not make the folder the user's alone");
    }
}

/// Replaces `target` with `contents` in one atomic step, creating its folder if needed.
pub fn write(target: &Path, contents: &[u8]) -> io::Result<()> {
    write_observed(target, contents, |_| Ok(()))
}

/// `write`, calling `before` ahead of each step; an error from it stops the write there.
pub fn write_observed(
    target: &Path,
    contents: &[u8],
    mut before: impl FnMut(WriteStep) -> io::Result<()>,
) -> io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    create_dir(dir)?;
    before(WriteStep::CreateTemporary)?;
    let mut builder = tempfile::Builder::new();
    // Hidden, and named apart from every file this app reads, so a left-over one is never read.
    builder.prefix(".phone-roster-").suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o600));
    let mut temp = builder.tempfile_in(dir)?;
    before(WriteStep::WriteContents)?;
    temp.write_all(contents)?;
    before(WriteStep::Flush)?;
    temp.as_file().sync_all()?;
    before(WriteStep::Rename)?;
    roster::export::replace::persist(temp, target).map_err(roster::export::replace::in_words)?;
    // A folder cannot be opened for syncing on Windows, whose renames are durable by themselves.
    #[cfg(unix)]
    {
        before(WriteStep::SyncFolder)?;
        fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_stopped_at_any_step_leaves_the_previous_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("file.json");
        write(&target, b"previous").unwrap();
        for stop in WriteStep::ALL {
            let stopped = write_observed(&target, b"next", |step| {
                if step == stop {
                    Err(io::Error::other("stopped"))
                } else {
                    Ok(())
                }
            });
            assert!(stopped.is_err(), "{stop:?}");
            assert_eq!(fs::read(&target).unwrap(), b"previous", "{stop:?}");
            assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "{stop:?}");
        }
        write(&target, b"next").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"next");
    }

    #[cfg(unix)]
    #[test]
    fn the_file_and_a_new_folder_are_the_owner_s_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("new/file.json");
        write(&target, b"x").unwrap();
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&target), 0o600);
        assert_eq!(mode(target.parent().unwrap()), 0o700);
    }

    #[cfg(unix)]
    #[test]
    fn an_existing_folder_others_may_enter_is_made_the_owner_s_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let open = dir.path().join("made-by-an-earlier-version");
        fs::create_dir(&open).unwrap();
        fs::set_permissions(&open, fs::Permissions::from_mode(0o755)).unwrap();
        write(&open.join("profiles.json"), b"[]").unwrap();
        assert_eq!(
            fs::metadata(&open).unwrap().permissions().mode() & 0o777,
            0o700
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_folder_is_flushed_after_the_rename() {
        let dir = tempfile::tempdir().unwrap();
        let mut steps = Vec::new();
        write_observed(&dir.path().join("file.json"), b"x", |step| {
            steps.push(step);
            Ok(())
        })
        .unwrap();
        let mut expected = WriteStep::ALL.to_vec();
        expected.push(WriteStep::SyncFolder);
        assert_eq!(steps, expected);
    }
}
