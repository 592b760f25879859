//! Redaction, the second line of defence of every log line, diagnostics report and panic message of
//! the app (secrets live in `SecretString`s whose `Debug` redacts, so none is logged on purpose):
//! `redact` blanks whatever follows the words that introduce a credential, so a library's error
//! text quoting a header or a token body cannot leak one, and the secrets this process has handled
//! wherever they appear (`known`). In this library rather than the app so that its guards are
//! tested, and mutation-tested (`cargo xtask mutants`), without building the app.

pub mod known;

/// Authorization schemes: the credential follows after any run of spaces or tabs.
const SCHEMES: [&str; 2] = ["bearer", "basic"];
/// Shorter than this after a scheme word is prose ("basic setup"), not a credential.
const MIN_SCHEME_CREDENTIAL: usize = 12;
/// Keys whose value is a credential when an `=` or `:` follows (`client_secret=…`,
/// `"access_token":"…"`, also JSON escaped inside a string: `\"token\":\"…\"`); compared
/// case-insensitively, so prose such as "the secret is" stays.
const KEYS: [&str; 6] = [
    "client_secret",
    "access_token",
    "secret",
    "password",
    "authorization",
    "token",
];
/// A JSON Web Token (Zoom's access tokens are JWTs) starts with the base64 of `{"`.
const JWT_START: &str = "eyj";

pub const REDACTED: &str = "[REDACTED]";

/// Replaces the credential after each scheme or key with `[REDACTED]`: a run of the characters a
/// token, secret or base64 text is made of.
pub fn redact(line: &str) -> String {
    let line = &known::blank(line, REDACTED);
    let lower = line.to_ascii_lowercase();
    let mut out = String::with_capacity(line.len());
    let mut copied = 0;
    let mut at = 0;
    while at < line.len() {
        if let Some(start) = value_start(&lower, at) {
            let len = credential_len(&lower, start);
            out.push_str(&line[copied..start]);
            out.push_str(REDACTED);
            copied = start + len;
            at = copied;
        } else {
            at += line[at..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out.push_str(&line[copied..]);
    out
}

/// Where a credential starts if a scheme, a key or a bare JWT begins at `at`.
fn value_start(lower: &str, at: usize) -> Option<usize> {
    let rest = &lower[at..];
    // Only at the start of a word: "eyJ…" inside another word, or "basic" in "nonbasic", is not one.
    let word_start = lower[..at]
        .bytes()
        .last()
        .is_none_or(|b| !b.is_ascii_alphanumeric() && b != b'_');
    if !word_start {
        return None;
    }
    if let Some(scheme) = SCHEMES.iter().find(|s| rest.starts_with(*s)) {
        let gap = rest[scheme.len()..]
            .bytes()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
        let start = at + scheme.len() + gap;
        return (gap > 0 && credential_len(lower, start) >= MIN_SCHEME_CREDENTIAL).then_some(start);
    }
    if rest.starts_with(JWT_START) {
        let len = credential_len(lower, at);
        let parts = lower[at..at + len]
            .split('.')
            .filter(|p| !p.is_empty())
            .count();
        return (len >= 20 && parts >= 2).then_some(at);
    }
    let key = KEYS.iter().find(|k| rest.starts_with(*k))?;
    let after = &rest[key.len()..];
    let separators = after
        .bytes()
        .take_while(|b| matches!(b, b'"' | b'\'' | b':' | b'=' | b' ' | b'\\'))
        .count();
    let assigned = after[..separators].contains([':', '=']);
    // `Authorization: Bearer …`: leave the scheme to be found next, and blank what follows it.
    let value = &after[separators..];
    (assigned && !SCHEMES.iter().any(|s| value.starts_with(*s)))
        .then_some(at + key.len() + separators)
}

/// The length of the run of characters a token, secret or base64 text is made of, from `start`.
fn credential_len(text: &str, start: usize) -> usize {
    text[start..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || b"-._~+/=".contains(b))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_after_credential_words_are_blanked() {
        let cases = [
            (
                "authorization: Bearer eyJhbGciOi.abc-def_ghi",
                "authorization: Bearer [REDACTED]",
            ),
            (
                "Authorization: Basic ZGVtbzpzZWNyZXQ=",
                "Authorization: Basic [REDACTED]",
            ),
            (
                r#"{"access_token":"tok123","expires_in":3599}"#,
                r#"{"access_token":"[REDACTED]","expires_in":3599}"#,
            ),
            (
                "client_secret=hunter2 next",
                "client_secret=[REDACTED] next",
            ),
            (
                "a plain line with no credential",
                "a plain line with no credential",
            ),
            ("secrets ünïcode ok", "secrets ünïcode ok"),
            (
                "No client secret is stored for “x”.",
                "No client secret is stored for “x”.",
            ),
            (
                "password: pw1 and secret=s2",
                "password: [REDACTED] and secret=[REDACTED]",
            ),
            // JSON inside a JSON string, as a library quotes an answer body.
            (
                r#"body: "{\"access_token\":\"tok123\",\"expires_in\":3599}""#,
                r#"body: "{\"access_token\":\"[REDACTED]\",\"expires_in\":3599}""#,
            ),
            // A bare JWT, wherever it appears.
            (
                "got eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl back",
                "got [REDACTED] back",
            ),
            ("url?token=abc.def-123&x=1", "url?token=[REDACTED]&x=1"),
            (
                "Authorization:   Bearer\t\tZGVtbzpzZWNyZXQxMjM=",
                "Authorization:   Bearer\t\t[REDACTED]",
            ),
            (
                "BASIC   ZGVtbzpzZWNyZXQxMjM= sent",
                "BASIC   [REDACTED] sent",
            ),
            // Prose stays readable.
            ("a basic setup", "a basic setup"),
            ("the token was refused", "the token was refused"),
            // A key or scheme only at the start of a word, a scheme only before a gap.
            (
                "mytoken=abc nonbasic ZGVtbzpzZWNyZXQxMjM=",
                "mytoken=abc nonbasic ZGVtbzpzZWNyZXQxMjM=",
            ),
            ("basicconfigurationvalue", "basicconfigurationvalue"),
            // A JWT is long and in parts: neither a long word nor a short dotted one is one.
            (
                "eyjustalongwordwithoutanydots",
                "eyjustalongwordwithoutanydots",
            ),
            ("eyj.ab", "eyj.ab"),
        ];
        for (line, expected) in cases {
            assert_eq!(redact(line), expected, "{line}");
        }
    }
}
