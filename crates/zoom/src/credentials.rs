//! The Server-to-Server OAuth app's credentials; the secret never leaves a `SecretString`.

use std::fmt;

use secrecy::SecretString;

/// What a Zoom admin copies from the Marketplace app's "App Credentials" page.
#[derive(Clone)]
pub struct Credentials {
    pub account_id: String,
    pub client_id: String,
    pub client_secret: SecretString,
}

/// Hand-written so the secret cannot appear even if `SecretString`'s own `Debug` ever changed.
impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("account_id", &self.account_id)
            .field("client_id", &self.client_id)
            .field("client_secret", &"[REDACTED]")
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_redacts_the_secret() {
        let credentials = Credentials {
            account_id: "acct".into(),
            client_id: "client".into(),
            client_secret: SecretString::from("hunter2-very-secret".to_string()),
        };
        let debug = format!("{credentials:?}");
        assert!(!debug.contains("hunter2"), "{debug}");
        assert!(debug.contains("acct") && debug.contains("client") && debug.contains("REDACTED"));
    }
}
