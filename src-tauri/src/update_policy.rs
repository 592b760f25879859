//! Whether this computer lets the app update itself. An IT department that deploys versions itself
//! switches updates off with either setting below; nothing an admin clicks in the app can undo it.
//!
//! - the environment variable `PHONE_ROSTER_UPDATES=off` (also `0`, `false`, `no`), or
//! - a machine-wide policy file holding `{"updates": "off"}` (or `false`), writable only by
//!   administrators: `%ProgramData%\Phone Roster\policy.json` on Windows (ProgramData as the
//!   known-folder API names it),
//!   `/Library/Application Support/Phone Roster/policy.json` on macOS,
//!   `/etc/phone-roster/policy.json` on Linux.

use std::path::{Path, PathBuf};

const VARIABLE: &str = "PHONE_ROSTER_UPDATES";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpdatePolicy {
    On,
    /// `by` names the setting, for the About panel ("switched off by …").
    Off {
        by: String,
    },
}

impl UpdatePolicy {
    pub fn current() -> Self {
        if std::env::var(VARIABLE).is_ok_and(|v| means_off(&v)) {
            return UpdatePolicy::Off {
                by: format!("the {VARIABLE} setting"),
            };
        }
        Self::from_file(&machine_policy_file())
    }

    /// The policy a file sets; a missing or unreadable file leaves updates on, and says so in the log
    /// when it exists but cannot be understood (an IT department wants to know their policy failed).
    pub fn from_file(path: &Path) -> Self {
        let Ok(text) = std::fs::read_to_string(path) else {
            return UpdatePolicy::On;
        };
        let updates = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|policy| policy.get("updates").cloned());
        let off = match &updates {
            Some(serde_json::Value::Bool(on)) => !on,
            Some(serde_json::Value::String(value)) => means_off(value),
            _ => {
                tracing::warn!(path = %path.display(), "update policy not understood: expected {{\"updates\": \"off\"}}");
                false
            }
        };
        if off {
            UpdatePolicy::Off {
                by: format!("the policy file {}", path.display()),
            }
        } else {
            UpdatePolicy::On
        }
    }
}

fn means_off(value: &str) -> bool {
    matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "off" | "0" | "false" | "no"
    )
}

/// `%ProgramData%` as the system knows it (the known-folder API), not the environment variable of
/// that name, which any user can set for their own processes to point the app at a policy of their
/// choosing. Should the API fail, the folder's standard place.
#[cfg(target_os = "windows")]
fn machine_policy_file() -> PathBuf {
    known_folders::get_known_folder_path(known_folders::KnownFolder::ProgramData)
        .unwrap_or_else(|| PathBuf::from(r"C:\ProgramData"))
        .join("Phone Roster")
        .join("policy.json")
}

#[cfg(target_os = "macos")]
fn machine_policy_file() -> PathBuf {
    PathBuf::from("/Library/Application Support/Phone Roster/policy.json")
}

#[cfg(not(any(target_os = "windows", target_os = "macos")))]
fn machine_policy_file() -> PathBuf {
    PathBuf::from("/etc/phone-roster/policy.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(text: &str) -> UpdatePolicy {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("policy.json");
        std::fs::write(&path, text).expect("write policy");
        UpdatePolicy::from_file(&path)
    }

    #[test]
    fn a_policy_file_switches_updates_off() {
        for text in [
            r#"{"updates": "off"}"#,
            r#"{"updates": false}"#,
            r#"{"updates": "No"}"#,
        ] {
            assert!(
                matches!(policy(text), UpdatePolicy::Off { by } if by.contains("policy.json")),
                "{text}"
            );
        }
    }

    #[test]
    fn anything_else_leaves_updates_on() {
        for text in [
            r#"{"updates": "on"}"#,
            r#"{"updates": true}"#,
            "{}",
            "not json",
        ] {
            assert_eq!(policy(text), UpdatePolicy::On, "{text}");
        }
        assert_eq!(
            UpdatePolicy::from_file(Path::new("/nonexistent/policy.json")),
            UpdatePolicy::On
        );
    }
}
