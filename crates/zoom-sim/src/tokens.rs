//! Access tokens of the Server-to-Server OAuth flow: opaque strings valid for a lifetime, each
//! carrying the scopes it was issued with.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;

/// The scopes a phone admin app grants: granular ones first, then the classic one.
pub(crate) const PHONE_SCOPES: [&str; 3] = [
    "phone:read:list_users:admin",
    "phone:read:list_sites:admin",
    "phone:read:admin",
];
/// What an app created without the phone scopes is granted.
const OTHER_SCOPES: [&str; 1] = ["user:read:admin"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenCheck {
    Valid {
        has_phone_scopes: bool,
    },
    /// Unknown, expired or superseded; Zoom answers all three the same way.
    Invalid,
}

struct Grant {
    expires_at: Instant,
    has_phone_scopes: bool,
}

#[derive(Default)]
pub(crate) struct AccessTokens {
    grants: Mutex<HashMap<String, Grant>>,
}

/// What the token endpoint hands out.
pub(crate) struct Issued {
    pub access_token: String,
    pub scope: String,
}

impl AccessTokens {
    /// `single_token`: the new token replaces every earlier one, as Zoom historically did.
    pub fn issue(
        &self,
        rng: &mut impl RngCore,
        lifetime: Duration,
        has_phone_scopes: bool,
        single_token: bool,
    ) -> Issued {
        let mut bytes = [0u8; 48];
        rng.fill_bytes(&mut bytes);
        // Zoom's tokens are JWTs; the header prefix makes ours look like one in logs.
        let access_token = format!(
            "eyJzdiI6IjAwMDAwMiIsImFsZyI6IkhTNTEyIn0.{}",
            URL_SAFE_NO_PAD.encode(bytes)
        );
        let now = Instant::now();
        let mut grants = self.grants.lock().unwrap_or_else(PoisonError::into_inner);
        if single_token {
            grants.clear();
        } else {
            grants.retain(|_, grant| grant.expires_at > now);
        }
        let grant = Grant {
            expires_at: now + lifetime,
            has_phone_scopes,
        };
        grants.insert(access_token.clone(), grant);
        let scopes: &[&str] = if has_phone_scopes {
            &PHONE_SCOPES
        } else {
            &OTHER_SCOPES
        };
        Issued {
            access_token,
            scope: scopes.join(" "),
        }
    }

    /// The tokens that work now (tests search logs and files for them).
    pub fn live(&self) -> Vec<String> {
        let grants = self.grants.lock().unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        grants
            .iter()
            .filter(|(_, grant)| grant.expires_at > now)
            .map(|(token, _)| token.clone())
            .collect()
    }

    /// Every token issued so far stops working, as when an admin deactivates and reactivates the
    /// app; returns how many were live.
    pub fn revoke_all(&self) -> usize {
        let mut grants = self.grants.lock().unwrap_or_else(PoisonError::into_inner);
        let live = grants.len();
        grants.clear();
        live
    }

    pub fn check(&self, access_token: &str) -> TokenCheck {
        let grants = self.grants.lock().unwrap_or_else(PoisonError::into_inner);
        match grants.get(access_token) {
            Some(grant) if Instant::now() < grant.expires_at => TokenCheck::Valid {
                has_phone_scopes: grant.has_phone_scopes,
            },
            _ => TokenCheck::Invalid,
        }
    }
}
