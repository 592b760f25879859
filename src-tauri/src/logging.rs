//! The app's log: daily files in the platform log folder (a week kept), for support. Nothing secret is
//! logged on purpose (secrets live in `SecretString`s whose `Debug` redacts); as a second line of
//! defence every line passes through `redact`, which blanks whatever follows the words that introduce a
//! credential, so a library's error text quoting a header or a token body cannot leak one either,
//! and blanks the secrets this process has handled wherever they appear (both in `profiles::redact`).

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

/// Overridable with `PHONE_ROSTER_LOG` (tracing's `RUST_LOG` syntax).
const DEFAULT_FILTER: &str =
    "info,phone_roster_app=debug,zoom=debug,roster=debug,session=debug,zoom_sim=info";
const KEEP_DAYS: usize = 7;

/// The folder logging writes to, once `init` has succeeded: named when the app cannot start.
static DIR: OnceLock<PathBuf> = OnceLock::new();

/// Starts logging to `dir` for the rest of the process. A second call (tests) is a no-op.
pub fn init(dir: &Path) -> io::Result<()> {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter())
        .with_ansi(false)
        .with_writer(Redacting(file_appender(dir)?))
        .try_init();
    let _ = DIR.set(dir.to_owned());
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        os = std::env::consts::OS,
        "Phone Roster started"
    );
    Ok(())
}

pub fn dir() -> Option<&'static Path> {
    DIR.get().map(PathBuf::as_path)
}

fn filter() -> EnvFilter {
    EnvFilter::try_from_env("PHONE_ROSTER_LOG").unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER))
}

pub(crate) fn file_appender(
    dir: &Path,
) -> io::Result<tracing_appender::rolling::RollingFileAppender> {
    // The appender prunes old files when it is built and prints an error to stderr when the folder
    // is not there yet, as on a first launch.
    std::fs::create_dir_all(dir)?;
    // The logs name the account's users and sites: only their owner may open the folder. (On
    // Windows the folder is under %LOCALAPPDATA%, which only its user can read already.)
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("phone-roster")
        .filename_suffix("log")
        .max_log_files(KEEP_DAYS)
        .build(dir)
        .map_err(io::Error::other)?;
    // The appender creates files with the usual umask; today's (just opened) and older ones become
    // the owner's alone too. A file it starts after midnight is still inside the owner-only folder.
    #[cfg(unix)]
    for entry in std::fs::read_dir(dir)?.flatten() {
        use std::os::unix::fs::PermissionsExt;
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(0o600))?;
        }
    }
    Ok(appender)
}

/// Wraps a `MakeWriter` so every formatted event is redacted before it reaches the file. tracing's fmt
/// layer writes each event with one `write` call, so a secret never straddles two buffers.
pub(crate) struct Redacting<M>(pub M);

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for Redacting<M> {
    type Writer = RedactingWriter<M::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        RedactingWriter(self.0.make_writer())
    }
}

pub(crate) struct RedactingWriter<W>(W);

impl<W: Write> Write for RedactingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .write_all(profiles::redact::redact(&String::from_utf8_lossy(buf)).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn the_log_folder_is_for_its_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let logs = dir.path().join("logs");
        std::fs::create_dir(&logs).expect("made with the usual umask");
        std::fs::set_permissions(&logs, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let older = logs.join("phone-roster.2026-11-01.log");
        std::fs::write(&older, "yesterday").expect("an older log");
        std::fs::set_permissions(&older, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let mut appender = file_appender(&logs).expect("appender");
        appender.write_all(b"today\n").expect("a line");
        let mode = |path: &Path| {
            std::fs::metadata(path)
                .expect("metadata")
                .permissions()
                .mode()
        };
        assert_eq!(
            mode(&logs) & 0o077,
            0,
            "group and others can open the log folder: {:o}",
            mode(&logs)
        );
        let files: Vec<_> = std::fs::read_dir(&logs)
            .expect("listed")
            .flatten()
            .map(|e| e.path())
            .collect();
        assert_eq!(files.len(), 2, "{files:?}");
        for file in files {
            assert_eq!(
                mode(&file) & 0o077,
                0,
                "{} is readable by others",
                file.display()
            );
        }
    }
}
