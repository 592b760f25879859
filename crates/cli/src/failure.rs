//! Every way the CLI can fail, as one sentence plus what to do, and the exit code scripts test for.

use std::fmt;
use std::process::ExitCode;

use profiles::{ProfileError, Trouble};

#[derive(Debug)]
pub enum Failure {
    /// The command line itself is wrong (exit 2, as clap's own usage errors).
    Usage(String),
    /// Credentials, keychain or Zoom permissions (exit 3).
    Credentials(String),
    /// Zoom answered with an error or could not be reached (exit 4).
    Zoom(String),
    /// The output file could not be written (exit 5).
    File(String),
    /// Stopped by Ctrl-C; nothing was written (exit 130, the shell's convention).
    Interrupted,
}

impl Failure {
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(match self {
            Failure::Usage(_) => 2,
            Failure::Credentials(_) => 3,
            Failure::Zoom(_) => 4,
            Failure::File(_) => 5,
            Failure::Interrupted => 130,
        })
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Usage(m) | Failure::Credentials(m) | Failure::Zoom(m) | Failure::File(m) => {
                f.write_str(m)
            }
            Failure::Interrupted => {
                f.write_str("Stopped before the export was written; no file was created.")
            }
        }
    }
}

/// Zoom's message, the one thing to do, and the tracking id Zoom support asks for.
impl From<zoom::Error> for Failure {
    fn from(error: zoom::Error) -> Self {
        let mut message = format!("{error} {}", error.hint());
        if let Some(id) = error.tracking_id() {
            message.push_str(&format!(" (Zoom tracking id: {id})"));
        }
        match error.kind() {
            zoom::ErrorKind::Credentials | zoom::ErrorKind::Permission => {
                Failure::Credentials(message)
            }
            zoom::ErrorKind::Zoom | zoom::ErrorKind::Network => Failure::Zoom(message),
        }
    }
}

impl From<ProfileError> for Failure {
    fn from(error: ProfileError) -> Self {
        match error.trouble() {
            // The saved profiles' and views' files are file problems, not credentials ones.
            Trouble::Files => Failure::File(error.to_string()),
            Trouble::Keychain | Trouble::AlreadyExists | Trouble::Profile => {
                Failure::Credentials(error.to_string())
            }
        }
    }
}

impl From<roster::Error> for Failure {
    fn from(error: roster::Error) -> Self {
        Failure::File(error.to_string())
    }
}
