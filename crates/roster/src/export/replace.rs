//! The last step of every safe write, exports and the user's own files alike: a rename over the
//! target. On Windows a file that another program holds open cannot be replaced — an antivirus or a
//! search indexer reading `profiles.json` or a snapshot for a moment, or Excel keeping an export
//! open — and the rename fails with a sharing violation (`os error 32`). A moment's hold passes, so
//! the rename is retried briefly; a lasting one is said in words ("open in another program") by the
//! callers' errors. Elsewhere a rename over an open file succeeds and nothing is retried.

use std::io;
use std::path::Path;
use std::time::Duration;

use tempfile::NamedTempFile;

/// The pauses between tries while another program holds a file: about 0.6 s in all, short enough
/// for an admin waiting on a save and longer than a scanner's or indexer's read.
const PAUSES_MS: [u64; 6] = [10, 20, 40, 80, 160, 320];

/// Moves the finished temporary file over `target`, retrying while another program holds either.
pub fn persist(temp: NamedTempFile, target: &Path) -> io::Result<()> {
    let mut temp = Some(temp);
    retry_while_held(
        || match temp.take() {
            Some(file) => file.persist(target).map(drop).map_err(|error| {
                temp = Some(error.file);
                error.error
            }),
            None => Err(io::Error::other("the temporary file was already moved")),
        },
        held_by_another_program_or_denied,
        std::thread::sleep,
    )
}

/// `fs::rename`, retrying while another program holds either file.
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    retry_while_held(
        || std::fs::rename(from, to),
        held_by_another_program_or_denied,
        std::thread::sleep,
    )
}

/// True when the failure is another program holding the file open (Windows' sharing and lock
/// violations), as opposed to a lasting refusal such as a read-only folder.
pub fn held_by_another_program(error: &io::Error) -> bool {
    cfg!(windows) && error.raw_os_error().is_some_and(is_sharing_violation)
}

/// `error` said in words when another program holds the file, for messages that name the file
/// themselves ("Could not save …: {error}"); any other error as it is.
pub fn in_words(error: io::Error) -> io::Error {
    if held_by_another_program(&error) {
        io::Error::new(
            error.kind(),
            "another program has the file open (an antivirus, a backup or search indexer, or a \
             spreadsheet); close it there or wait a moment, and try again. Nothing was lost",
        )
    } else {
        error
    }
}

/// ERROR_SHARING_VIOLATION (32) and ERROR_LOCK_VIOLATION (33).
fn is_sharing_violation(code: i32) -> bool {
    matches!(code, 32 | 33)
}

/// What is worth trying again: a hold by another program, and on Windows ERROR_ACCESS_DENIED (5),
/// which a rename also meets while a file it replaces is still open.
fn held_by_another_program_or_denied(error: &io::Error) -> bool {
    held_by_another_program(error) || (cfg!(windows) && error.raw_os_error() == Some(5))
}

/// Runs `attempt` until it succeeds, fails for another reason, or the pauses are used up.
fn retry_while_held<T>(
    mut attempt: impl FnMut() -> io::Result<T>,
    is_held: impl Fn(&io::Error) -> bool,
    mut pause: impl FnMut(Duration),
) -> io::Result<T> {
    for ms in PAUSES_MS {
        match attempt() {
            Err(error) if is_held(&error) => pause(Duration::from_millis(ms)),
            done => return done,
        }
    }
    attempt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn held() -> io::Error {
        io::Error::new(io::ErrorKind::ResourceBusy, "held")
    }

    fn is_held(error: &io::Error) -> bool {
        error.kind() == io::ErrorKind::ResourceBusy
    }

    #[test]
    fn a_moment_s_hold_is_waited_out() {
        let mut tries = 0;
        let mut paused = Duration::ZERO;
        let result = retry_while_held(
            || {
                tries += 1;
                if tries < 4 { Err(held()) } else { Ok(tries) }
            },
            is_held,
            |pause| paused += pause,
        );
        assert_eq!(result.unwrap(), 4);
        assert_eq!(paused, Duration::from_millis(10 + 20 + 40));
    }

    #[test]
    fn a_lasting_hold_fails_after_the_last_pause_with_the_hold_s_error() {
        let mut tries = 0;
        let mut paused = Duration::ZERO;
        let result: io::Result<()> = retry_while_held(
            || {
                tries += 1;
                Err(held())
            },
            is_held,
            |pause| paused += pause,
        );
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::ResourceBusy);
        assert_eq!(tries, PAUSES_MS.len() + 1);
        assert_eq!(paused, Duration::from_millis(PAUSES_MS.iter().sum()));
    }

    #[test]
    fn another_failure_is_not_retried() {
        let mut tries = 0;
        let result: io::Result<()> = retry_while_held(
            || {
                tries += 1;
                Err(io::Error::from(io::ErrorKind::StorageFull))
            },
            is_held,
            |_| panic!("no pause for a full disk"),
        );
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::StorageFull);
        assert_eq!(tries, 1);
    }

    #[test]
    fn windows_sharing_and_lock_violations_are_a_hold() {
        assert!(is_sharing_violation(32));
        assert!(is_sharing_violation(33));
        assert!(!is_sharing_violation(5));
        assert!(!is_sharing_violation(2));
        // The same numbers mean other things elsewhere (32 is EPIPE on Linux).
        assert_eq!(
            held_by_another_program(&io::Error::from_raw_os_error(32)),
            cfg!(windows)
        );
    }

    #[test]
    fn persist_replaces_the_target() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        std::fs::write(&target, "old").unwrap();
        let mut temp = NamedTempFile::new_in(dir.path()).unwrap();
        io::Write::write_all(&mut temp, b"new").unwrap();
        persist(temp, &target).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
