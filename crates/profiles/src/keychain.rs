//! The client secret in the OS keychain: one entry per profile, under the store's service name.

use secrecy::{ExposeSecret, SecretString};

use super::ProfileError;

pub(super) fn set(service: &str, profile: &str, secret: &SecretString) -> Result<(), ProfileError> {
    entry(service, profile)?
        .set_password(secret.expose_secret())
        .map_err(to_profile_error)
}

/// `None` when nothing is stored for this profile.
pub(super) fn get(service: &str, profile: &str) -> Result<Option<SecretString>, ProfileError> {
    match entry(service, profile)?.get_password() {
        Ok(secret) => Ok(Some(SecretString::from(secret))),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(error) => Err(to_profile_error(error)),
    }
}

/// Deleting what is not there is not an error: the outcome the caller wants holds.
pub(super) fn delete(service: &str, profile: &str) -> Result<(), ProfileError> {
    match entry(service, profile)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(error) => Err(to_profile_error(error)),
    }
}

fn entry(service: &str, profile: &str) -> Result<keyring::Entry, ProfileError> {
    keyring::Entry::new(service, profile).map_err(to_profile_error)
}

fn to_profile_error(error: keyring::Error) -> ProfileError {
    match error {
        // keyring connects to the platform store once per process; NoDefaultStore only says that
        // this failed, store_status() says why (e.g. no D-Bus session bus).
        keyring::Error::NoDefaultStore => ProfileError::KeychainUnavailable {
            detail: match keyring::Entry::store_status() {
                Err(why) => why.to_string(),
                Ok(()) => error.to_string(),
            },
        },
        keyring::Error::NoStorageAccess(why) => ProfileError::KeychainLocked {
            detail: why.to_string(),
        },
        // These carry the stored bytes, i.e. the secret: never let them into a message.
        keyring::Error::BadEncoding(_) | keyring::Error::BadDataFormat(..) => {
            ProfileError::Keychain {
                detail: "the stored secret is not readable text".to_owned(),
            }
        }
        other => ProfileError::Keychain {
            detail: other.to_string(),
        },
    }
}
