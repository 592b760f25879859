//! Whose roster is open.

use std::sync::Arc;

use profiles::{ProfileError, ProfileStore};

use crate::demo::{DEMO_PROFILE, DemoAccount};

/// A saved profile, or the built-in demo account (which carries its running simulator, so that
/// whoever holds the account can reach it).
#[derive(Clone)]
pub enum Account {
    Profile(String),
    Demo(Arc<DemoAccount>),
}

impl Account {
    /// The name on screen, and the one its saved views are kept under.
    pub fn name(&self) -> &str {
        match self {
            Account::Profile(name) => name,
            Account::Demo(_) => DEMO_PROFILE,
        }
    }

    pub fn is_demo(&self) -> bool {
        matches!(self, Account::Demo(_))
    }

    /// Whether this is the saved profile `name` (never the demo, whatever a profile is called).
    pub fn is_profile(&self, name: &str) -> bool {
        matches!(self, Account::Profile(own) if own == name)
    }

    /// What to load this account's roster with: the demo's simulator, or the saved profile's
    /// secret from the keychain (which blocks, and may wait for the admin to approve a system
    /// prompt: call it off the async runtime). The secret is known to the log's redactor from then.
    pub fn credentials(
        &self,
        store: &ProfileStore,
    ) -> Result<(zoom::Credentials, zoom::Endpoints), ProfileError> {
        match self {
            Account::Demo(demo) => Ok((demo.credentials.clone(), demo.endpoints.clone())),
            Account::Profile(name) => {
                let (credentials, endpoints) = store.credentials(name)?;
                profiles::redact::known::remember(
                    &credentials.client_id,
                    &credentials.client_secret,
                );
                Ok((credentials, endpoints))
            }
        }
    }

    /// Whether both are the same account: a roster loaded for one may replace the other's.
    pub fn same_as(&self, other: &Account) -> bool {
        match (self, other) {
            (Account::Profile(a), Account::Profile(b)) => a == b,
            (Account::Demo(_), Account::Demo(_)) => true,
            _ => false,
        }
    }
}

impl std::fmt::Debug for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Account::Profile(name) => f.debug_tuple("Profile").field(name).finish(),
            Account::Demo(_) => f.write_str("Demo"),
        }
    }
}
