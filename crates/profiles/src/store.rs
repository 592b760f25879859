//! `ProfileStore`: the profile list on disk plus the secrets in the keychain, kept in step.

use std::path::{Path, PathBuf};

use secrecy::{ExposeSecret, SecretString};

use super::{Profile, ProfileError, keychain, metadata, profile::validate_name};
use crate::views::{self, SavedViews};

/// Where profiles live: a config folder for the metadata and a keychain service name under which
/// each profile's secret is stored (entry name = profile name).
#[derive(Debug, Clone)]
pub struct ProfileStore {
    dir: PathBuf,
    keychain_service: String,
}

impl ProfileStore {
    /// The keychain service name of the real app and CLI.
    pub const KEYCHAIN_SERVICE: &'static str = "phone-roster";

    /// Debug builds only: keeps secrets under this keychain service name instead, so that tests of
    /// the real binaries never touch the entries of the person running them. Release builds ignore
    /// it: an installed app and CLI always use KEYCHAIN_SERVICE.
    pub const TEST_SERVICE_VARIABLE: &'static str = "PHONE_ROSTER_TEST_KEYCHAIN_SERVICE";

    /// The user's store: `$PHONE_ROSTER_CONFIG_DIR` if set (scripts, tests), else the platform's
    /// config folder (`~/.config/phone-roster` on Linux, `~/Library/Application
    /// Support/phone-roster` on macOS, `%APPDATA%\phone-roster\config` on Windows).
    pub fn open_default() -> Result<Self, ProfileError> {
        let dir = match std::env::var_os("PHONE_ROSTER_CONFIG_DIR") {
            Some(dir) if !dir.is_empty() => PathBuf::from(dir),
            _ => directories::ProjectDirs::from("", "", "phone-roster")
                .ok_or(ProfileError::NoConfigDir)?
                .config_dir()
                .to_path_buf(),
        };
        let store = Self::at(dir);
        let test_service = std::env::var(Self::TEST_SERVICE_VARIABLE)
            .ok()
            .filter(|name| cfg!(debug_assertions) && !name.is_empty());
        Ok(match test_service {
            Some(name) => store.with_keychain_service(name),
            None => store,
        })
    }

    /// A store whose metadata lives in `dir` (created on first save).
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        ProfileStore {
            dir: dir.into(),
            keychain_service: Self::KEYCHAIN_SERVICE.to_owned(),
        }
    }

    /// Keeps secrets under another keychain service name, so tests never touch the real ones.
    pub fn with_keychain_service(mut self, service: impl Into<String>) -> Self {
        self.keychain_service = service.into();
        self
    }

    /// The folder holding the metadata file.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn keychain_service(&self) -> &str {
        &self.keychain_service
    }

    /// The profiles' saved views, kept beside the profiles (`views.json`).
    pub fn saved_views(&self) -> SavedViews {
        SavedViews::at(&self.dir)
    }

    /// Every saved profile, in name order.
    pub fn list(&self) -> Result<Vec<Profile>, ProfileError> {
        metadata::load(&self.dir)
    }

    pub fn get(&self, name: &str) -> Result<Profile, ProfileError> {
        self.list()?
            .into_iter()
            .find(|profile| profile.name == name)
            .ok_or_else(|| not_found(name))
    }

    /// Creates or replaces the profile named `profile.name`. With a secret, stores it in the
    /// keychain first, so that no profile is saved when there is nowhere to keep its secret;
    /// with `None`, keeps whatever secret is already stored (e.g. when only the cloud changed).
    pub fn save(
        &self,
        profile: &Profile,
        secret: Option<SecretString>,
    ) -> Result<(), ProfileError> {
        self.write(profile, secret, true)
    }

    /// Like `save`, but a profile of the same name is never replaced: `AlreadyExists` instead.
    /// What a form or a prompt calls until the admin has said "replace it".
    pub fn create(
        &self,
        profile: &Profile,
        secret: Option<SecretString>,
    ) -> Result<(), ProfileError> {
        self.write(profile, secret, false)
    }

    fn write(
        &self,
        profile: &Profile,
        secret: Option<SecretString>,
        replace: bool,
    ) -> Result<(), ProfileError> {
        profile.validate()?;
        if secret
            .as_ref()
            .is_some_and(|s| s.expose_secret().trim().is_empty())
        {
            return Err(ProfileError::InvalidField {
                field: "Client secret",
                problem: "is empty",
            });
        }
        let _lock = metadata::lock(&self.dir)?;
        let mut profiles = self.list()?;
        let existing = profiles.iter().position(|p| p.name == profile.name);
        if let Some(index) = existing
            && !replace
        {
            return Err(ProfileError::AlreadyExists {
                name: profile.name.clone(),
                account_id: profiles[index].account_id.clone(),
            });
        }
        if existing.is_none()
            && let Some(other) = profiles
                .iter()
                .find(|p| same_but_case(&p.name, &profile.name))
        {
            return Err(ProfileError::NameDiffersOnlyInCase {
                name: profile.name.clone(),
                existing: other.name.clone(),
            });
        }
        if let Some(secret) = &secret {
            keychain::set(&self.keychain_service, &profile.name, secret)?;
        }
        match existing {
            Some(index) => profiles[index] = profile.clone(),
            None => profiles.push(profile.clone()),
        }
        let saved = metadata::save(&self.dir, &profiles);
        if saved.is_err() && existing.is_none() && secret.is_some() {
            // Don't leave a secret behind for a profile that was never saved. Best effort: the
            // write error is the one to report.
            let _ = keychain::delete(&self.keychain_service, &profile.name);
        }
        saved
    }

    /// Removes the profile, its secret from the keychain, and its saved views.
    pub fn delete(&self, name: &str) -> Result<(), ProfileError> {
        let _lock = metadata::lock(&self.dir)?;
        let mut profiles = self.list()?;
        let index = profiles
            .iter()
            .position(|p| p.name == name)
            .ok_or_else(|| not_found(name))?;
        // The secret goes first: if the keychain fails, the profile stays listed, so the user can
        // see it and try again rather than having an invisible secret left behind.
        keychain::delete(&self.keychain_service, name)?;
        profiles.remove(index);
        metadata::save(&self.dir, &profiles)?;
        // Last: a profile that is still listed keeps its views.
        views::remove_profile_locked(&self.dir, name)
    }

    /// Removes the profile everywhere Phone Roster keeps it: its saved rosters in `snapshots` first
    /// (the account's whole roster is the most there is to leak, and removing them cannot fail
    /// half-way), then its secret, its entry and its views (`delete`). The app and
    /// `phone-roster logout` both remove a profile this way.
    pub fn delete_with_rosters(&self, name: &str, snapshots: &Path) -> Result<(), ProfileError> {
        self.get(name)?;
        crate::snapshot::remove(snapshots, name);
        self.delete(name)
    }

    /// The profile's client secret, from the keychain.
    pub fn secret(&self, name: &str) -> Result<SecretString, ProfileError> {
        let profile = self.get(name)?;
        self.stored_secret(&profile)
    }

    /// Everything needed to connect with the profile: its credentials (secret from the keychain)
    /// and the endpoints of its cloud, or its override.
    pub fn credentials(
        &self,
        name: &str,
    ) -> Result<(zoom::Credentials, zoom::Endpoints), ProfileError> {
        let profile = self.get(name)?;
        let client_secret = self.stored_secret(&profile)?;
        let endpoints = profile.effective_endpoints();
        let credentials = zoom::Credentials {
            account_id: profile.account_id,
            client_id: profile.client_id,
            client_secret,
        };
        Ok((credentials, endpoints))
    }

    fn stored_secret(&self, profile: &Profile) -> Result<SecretString, ProfileError> {
        keychain::get(&self.keychain_service, &profile.name)?.ok_or_else(|| {
            ProfileError::NoSecret {
                name: profile.name.clone(),
            }
        })
    }
}

/// Windows Credential Manager compares entry names without regard to case, so two profiles named
/// "EMEA" and "emea" would share one secret there: such names are refused on every system alike.
fn same_but_case(a: &str, b: &str) -> bool {
    a != b && a.to_lowercase() == b.to_lowercase()
}

/// A name that could never be saved gets the reason why, rather than "not found".
fn not_found(name: &str) -> ProfileError {
    validate_name(name)
        .err()
        .unwrap_or_else(|| ProfileError::NotFound {
            name: name.to_owned(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Cloud;

    #[test]
    fn create_never_replaces_a_profile_of_the_same_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = ProfileStore::at(dir.path()).with_keychain_service("phone-roster-test-unused");
        let first = Profile::new("Prod", "account-1", "client-1", Cloud::Zoom);
        store.create(&first, None).expect("created");
        let other = Profile::new("Prod", "account-2", "client-2", Cloud::Zoom);
        let error = store
            .create(&other, None)
            .expect_err("an existing name is refused");
        assert!(
            matches!(&error, ProfileError::AlreadyExists { account_id, .. } if account_id == "account-1"),
            "{error:?}"
        );
        assert_eq!(store.get("Prod").expect("kept").account_id, "account-1");
        store.save(&other, None).expect("replaced when asked to");
        assert_eq!(store.get("Prod").expect("replaced").account_id, "account-2");
    }

    #[test]
    fn stores_saving_at_the_same_moment_lose_nothing() {
        // Each thread opens the folder as a separate process would; without the lock, read-change-
        // write cycles overlap and later writes drop earlier profiles.
        let dir = tempfile::tempdir().expect("temp dir");
        std::thread::scope(|scope| {
            for writer in 0..4 {
                let dir = dir.path();
                scope.spawn(move || {
                    let store = ProfileStore::at(dir);
                    for n in 0..15 {
                        let name = format!("writer {writer} profile {n}");
                        store
                            .create(&Profile::new(&name, "a", "c", Cloud::Zoom), None)
                            .expect("saved");
                    }
                });
            }
        });
        let names = ProfileStore::at(dir.path()).list().expect("list");
        assert_eq!(names.len(), 60);
    }

    #[test]
    fn a_name_that_differs_from_another_only_in_case_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = ProfileStore::at(dir.path()).with_keychain_service("phone-roster-test-unused");
        // Without a secret, saving touches only the profiles file (no keychain needed here).
        store
            .save(&Profile::new("EMEA Prod", "acc", "cli", Cloud::Zoom), None)
            .expect("first profile saved");
        let error = store
            .save(
                &Profile::new("emea prod", "acc2", "cli2", Cloud::Zoom),
                None,
            )
            .expect_err("a case-only twin must be refused");
        assert!(
            matches!(&error, ProfileError::NameDiffersOnlyInCase { existing, .. } if existing == "EMEA Prod"),
            "{error:?}"
        );
        assert!(error.to_string().contains("“EMEA Prod”"), "{error}");
        // The same name, same case, still replaces the profile.
        store
            .save(
                &Profile::new("EMEA Prod", "acc3", "cli3", Cloud::Zoom),
                None,
            )
            .expect("replaced");
        assert_eq!(store.list().expect("list").len(), 1);
        // Accented capitals fold too ("Équipe" / "équipe").
        store
            .save(&Profile::new("Équipe", "a", "c", Cloud::Zoom), None)
            .expect("saved");
        assert!(
            store
                .save(&Profile::new("équipe", "a", "c", Cloud::Zoom), None)
                .is_err()
        );
    }
}
