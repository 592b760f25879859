//! Named connection profiles (account ID, client ID, cloud) whose client secret lives only in the
//! OS keychain: macOS Keychain, Windows Credential Manager, or the Secret Service (GNOME Keyring,
//! KDE Wallet) on Linux. The metadata, which holds no secret, is a JSON file in the platform's
//! config folder. When no keychain is available the store says so; it never falls back to
//! writing the secret in plain text.
//!
//! Beside them: each profile's saved views (`views`) and its last two rosters (`snapshot`).
//!
//! Keychain calls block (and may wait for the user to approve a system prompt): from async code,
//! call the store inside `spawn_blocking`.

mod error;
mod json_file;
mod keychain;
mod metadata;
pub mod private_file;
mod profile;
pub mod redact;
pub mod snapshot;
mod snapshot_folder;
mod store;
pub mod views;

pub use error::{ProfileError, Trouble};
pub use profile::{Cloud, DEFAULT_PROFILE, MAX_NAME_CHARS, Profile};
pub use store::ProfileStore;
