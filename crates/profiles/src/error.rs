//! Everything that can go wrong with profiles, each said so that an admin knows what to do.

use std::io;
use std::path::PathBuf;

/// Messages never contain the client secret: keychain errors are carried as text, with the ones
/// that could hold the stored bytes replaced by a fixed sentence (see keychain.rs).
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error(
        "“{name}” can't be used as a profile name: {reason}. Choose a name of up to 64 characters."
    )]
    InvalidName { name: String, reason: &'static str },

    #[error(
        "A profile named “{existing}” already exists, and “{name}” differs from it only in capital \
         letters, which the Windows keychain would treat as the same name. Choose another name, or \
         use “{existing}”."
    )]
    NameDiffersOnlyInCase { name: String, existing: String },

    #[error(
        "A profile named “{name}” already exists (account {account_id}). Replace it, or choose \
         another name."
    )]
    AlreadyExists { name: String, account_id: String },

    #[error(
        "The {field} {problem}: copy it again from your Server-to-Server OAuth app in the Zoom App \
         Marketplace (Manage → your app → App Credentials)."
    )]
    InvalidField {
        field: &'static str,
        problem: &'static str,
    },

    #[error(
        "There is no connection profile named “{name}”. Run `phone-roster profiles` to list the \
         saved ones, or `phone-roster login --profile \"{name}\"` to create it."
    )]
    NotFound { name: String },

    #[error(
        "No client secret is stored in the keychain for the profile “{name}”. Run \
         `phone-roster login --profile \"{name}\"` to enter it."
    )]
    NoSecret { name: String },

    #[error("{} ({detail}).", NO_KEYCHAIN)]
    KeychainUnavailable { detail: String },

    #[error(
        "The keychain is locked or refused access to the client secret ({detail}). Unlock it (log in \
         to your desktop session, or approve the system prompt) and try again."
    )]
    KeychainLocked { detail: String },

    #[error(
        "The keychain could not store or read the client secret ({detail}). Try again; if it keeps \
         failing, run `phone-roster login` to store the secret afresh."
    )]
    Keychain { detail: String },

    #[error(
        "Could not find your user settings folder because your home folder is not set. Set HOME \
         (or PHONE_ROSTER_CONFIG_DIR to a folder for Phone Roster's settings) and try again."
    )]
    NoConfigDir,

    #[error(
        "Could not save the connection profiles to {}: {source}. Check that the disk is not full \
         and that you are allowed to write to that folder.",
        path.display()
    )]
    ConfigWrite {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error(
        "Could not read the connection profiles from {}: {source}. Check that you are allowed to \
         read that file.",
        path.display()
    )]
    ConfigRead {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error("A saved view needs a name. Type one and save again.")]
    ViewNameEmpty,

    #[error(
        "A saved view's name may be {max} characters long at most. Type a shorter name and save \
         again."
    )]
    ViewNameTooLong { max: usize },

    #[error(
        "Could not read the saved views from {}: {source}. Check that you are allowed to read that \
         file.",
        path.display()
    )]
    ViewsRead {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error(
        "The saved views file {} is damaged ({detail}). Move it aside to start again without saved \
         views; nothing was changed.",
        path.display()
    )]
    ViewsDamaged { path: PathBuf, detail: String },

    #[error(
        "Could not save the views to {}: {source}. Check that the disk is not full and that you are \
         allowed to write to that folder.",
        path.display()
    )]
    ViewsWrite {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error(
        "Could not find the folder for saved rosters because your home folder is not set. Set HOME \
         (or PHONE_ROSTER_DATA_DIR to a folder for Phone Roster's data) and try again."
    )]
    NoDataDir,

    #[error(
        "The connection profiles file {} is damaged ({detail}). Move it aside, then run \
         `phone-roster login` to set your profiles up again.",
        path.display()
    )]
    ConfigDamaged { path: PathBuf, detail: String },
}

/// What kind of trouble a `ProfileError` is: the one classification the app (its error kinds) and
/// the CLI (its exit codes) both read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    /// The keychain is missing, locked or failing: the secret store, not Zoom, is the problem.
    Keychain,
    /// A profile of that name exists already; the app asks before replacing it.
    AlreadyExists,
    /// A file of saved profiles, views or rosters could not be read or written.
    Files,
    /// The profile itself: its name or fields, or it is not there or has no secret. Also a damaged
    /// profiles file or no settings folder, whose remedy is setting the profiles up again.
    Profile,
}

impl ProfileError {
    pub fn trouble(&self) -> Trouble {
        use ProfileError as E;
        match self {
            E::KeychainUnavailable { .. } | E::KeychainLocked { .. } | E::Keychain { .. } => {
                Trouble::Keychain
            }
            E::AlreadyExists { .. } => Trouble::AlreadyExists,
            E::ConfigWrite { .. }
            | E::ConfigRead { .. }
            | E::ViewsRead { .. }
            | E::ViewsDamaged { .. }
            | E::ViewsWrite { .. }
            | E::NoDataDir => Trouble::Files,
            E::InvalidName { .. }
            | E::NameDiffersOnlyInCase { .. }
            | E::InvalidField { .. }
            | E::NotFound { .. }
            | E::NoSecret { .. }
            | E::NoConfigDir
            | E::ViewNameEmpty
            | E::ViewNameTooLong { .. }
            | E::ConfigDamaged { .. } => Trouble::Profile,
        }
    }
}

#[cfg(target_os = "macos")]
const NO_KEYCHAIN: &str = "The macOS Keychain is not available to keep the client secret. Log in to \
    your Mac user session (not only over SSH) and try again";

#[cfg(target_os = "windows")]
const NO_KEYCHAIN: &str = "Windows Credential Manager is not available to keep the client secret. \
    Log in to your Windows account interactively and try again";

#[cfg(not(any(target_os = "macos", target_os = "windows")))]
const NO_KEYCHAIN: &str = "No keychain is available to keep the client secret, and Phone Roster \
    never saves it in plain text. On Linux it uses the Secret Service (GNOME Keyring or KDE \
    Wallet) over your D-Bus session, and none answered. On a desktop: install gnome-keyring \
    (`sudo apt install gnome-keyring`) and log in again. On a server or over SSH: run inside \
    `dbus-run-session` with `gnome-keyring-daemon --unlock` started, or give the credentials in \
    the ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET environment variables instead";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_error_has_the_trouble_the_app_and_the_cli_act_on() {
        let io = || io::Error::other("disk full");
        let cases = [
            (
                ProfileError::KeychainLocked {
                    detail: "locked".into(),
                },
                Trouble::Keychain,
            ),
            (
                ProfileError::AlreadyExists {
                    name: "a".into(),
                    account_id: "b".into(),
                },
                Trouble::AlreadyExists,
            ),
            (
                ProfileError::ViewsWrite {
                    path: "views.json".into(),
                    source: io(),
                },
                Trouble::Files,
            ),
            (ProfileError::NoDataDir, Trouble::Files),
            (
                ProfileError::NotFound { name: "a".into() },
                Trouble::Profile,
            ),
            (
                ProfileError::ConfigDamaged {
                    path: "profiles.json".into(),
                    detail: "not JSON".into(),
                },
                Trouble::Profile,
            ),
        ];
        for (error, trouble) in cases {
            assert_eq!(error.trouble(), trouble, "{error}");
        }
    }
}
