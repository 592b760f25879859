//! The client secrets this process has handled, and the Basic-auth form each travels in, so that
//! `redact` blanks them wherever they appear, whatever surrounds them. The redactor's
//! patterns catch credentials by the words around them; this catches them by what they are, so a
//! proxy's error page or a library's message quoting a secret in free text cannot leak it either.

use std::sync::RwLock;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use secrecy::{ExposeSecret, SecretString};

/// Zoom's secrets are 32 characters; a shorter value would blank ordinary words of the log.
const MIN_LEN: usize = 8;

static KNOWN: RwLock<Vec<String>> = RwLock::new(Vec::new());

/// Remembers `secret` and `base64(client_id:secret)` for the rest of the process.
pub fn remember(client_id: &str, secret: &SecretString) {
    let secret = secret.expose_secret().trim();
    if secret.len() < MIN_LEN {
        return;
    }
    let basic = STANDARD.encode(format!("{client_id}:{secret}"));
    let mut known = KNOWN.write().unwrap_or_else(|e| e.into_inner());
    for value in [secret.to_owned(), basic] {
        if !known.contains(&value) {
            known.push(value);
        }
    }
}

/// `text` with every remembered value replaced by `replacement`.
pub fn blank(text: &str, replacement: &str) -> String {
    let known = KNOWN.read().unwrap_or_else(|e| e.into_inner());
    let mut text = text.to_owned();
    for value in known.iter() {
        if text.contains(value.as_str()) {
            text = text.replace(value.as_str(), replacement);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_secret_and_its_basic_form_are_blanked_anywhere() {
        let secret = SecretString::from("Zx9-remembered-secret-0042".to_string());
        remember("client-77", &secret);
        let basic = STANDARD.encode("client-77:Zx9-remembered-secret-0042");
        let text = format!("proxy said: <p>Zx9-remembered-secret-0042</p> and {basic}!");
        assert_eq!(blank(&text, "[X]"), "proxy said: <p>[X]</p> and [X]!");
    }

    #[test]
    fn values_shorter_than_a_secret_are_not_remembered() {
        remember("c", &SecretString::from("abcdefg".to_string()));
        assert_eq!(blank("abcdefg", "[X]"), "abcdefg");
        // The shortest value remembered.
        remember("c", &SecretString::from("eightch8".to_string()));
        assert_eq!(blank("eightch8", "[X]"), "[X]");
    }
}
