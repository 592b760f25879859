//! The file name of an export, from the stem the web view suggests and the format's extension. It
//! only ever pre-fills the save dialog (or, under test, names a file in the test folder), but the
//! stem comes from the page, so it is checked like any input: a plain file name, never a path, and
//! one every system can create.

/// Longer names are cut by some file managers and refused by older Windows paths.
const MAX_CHARS: usize = 180;

/// Device names Windows reserves, with or without an extension ("NUL.csv" is the null device).
const WINDOWS_DEVICES: [&str; 4] = ["CON", "PRN", "AUX", "NUL"];
/// Followed by a digit (also ¹ ² ³): COM1…, LPT1….
const WINDOWS_NUMBERED_DEVICES: [&str; 2] = ["COM", "LPT"];

/// Characters Windows refuses in file names (Linux and macOS refuse fewer).
const REFUSED: &[char] = &['<', '>', ':', '"', '|', '?', '*'];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("The export needs a file name.")]
    Empty,
    #[error("The export name “{0}” holds a folder separator; it must be a file name only.")]
    Separator(String),
    #[error("The export name “{0}” holds “..”, which could point outside the chosen folder.")]
    ParentFolder(String),
    #[error("The export name “{0}” holds a character Windows does not allow in file names.")]
    Character(String),
    #[error("The export name “{0}” is a name Windows reserves for a device.")]
    Reserved(String),
    #[error("The export name “{0}…” is longer than {MAX_CHARS} characters.")]
    TooLong(String),
}

/// `stem.{extension}`, or why `stem` cannot name a file.
pub fn file_name(stem: &str, extension: &str) -> Result<String, NameError> {
    let name = stem.trim();
    let owned = || name.to_owned();
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    if name.contains(['/', '\\']) {
        return Err(NameError::Separator(owned()));
    }
    if name.contains("..") {
        return Err(NameError::ParentFolder(owned()));
    }
    if name.contains(REFUSED) || name.chars().any(char::is_control) || name.ends_with('.') {
        return Err(NameError::Character(owned()));
    }
    if is_windows_device(name) {
        return Err(NameError::Reserved(owned()));
    }
    if name.chars().count() > MAX_CHARS {
        return Err(NameError::TooLong(name.chars().take(40).collect()));
    }
    Ok(format!("{name}.{extension}"))
}

/// Windows compares the part before the first dot, ignoring case and trailing spaces.
fn is_windows_device(name: &str) -> bool {
    let stem = name
        .split('.')
        .next()
        .unwrap_or(name)
        .trim_end()
        .to_uppercase();
    if WINDOWS_DEVICES.contains(&stem.as_str()) {
        return true;
    }
    WINDOWS_NUMBERED_DEVICES.iter().any(|device| {
        stem.strip_prefix(device).is_some_and(|rest| {
            let mut chars = rest.chars();
            matches!(chars.next(), Some('0'..='9' | '¹' | '²' | '³')) && chars.next().is_none()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_the_screen_suggests_pass_and_get_their_extension() {
        assert_eq!(
            file_name("Acme EMEA - CC-101 + CC-102 - 2026-11-28", "csv"),
            Ok("Acme EMEA - CC-101 + CC-102 - 2026-11-28.csv".into())
        );
        assert_eq!(file_name(" Roster ", "json"), Ok("Roster.json".into()));
        assert_eq!(
            file_name("v1.2 roster", "csv"),
            Ok("v1.2 roster.csv".into())
        );
        assert_eq!(
            file_name("Console export", "csv"),
            Ok("Console export.csv".into())
        );
        assert_eq!(
            file_name("COM10 users", "csv"),
            Ok("COM10 users.csv".into())
        );
        // The longest name allowed, counted in characters.
        let longest = "é".repeat(MAX_CHARS);
        assert_eq!(file_name(&longest, "csv"), Ok(format!("{longest}.csv")));
    }

    #[test]
    fn paths_and_names_a_system_refuses_are_refused_in_words() {
        for (name, expected) in [
            ("", NameError::Empty),
            (
                "../../.bashrc",
                NameError::Separator("../../.bashrc".into()),
            ),
            ("..\\evil.csv", NameError::Separator("..\\evil.csv".into())),
            ("/etc/passwd", NameError::Separator("/etc/passwd".into())),
            ("a..b.csv", NameError::ParentFolder("a..b.csv".into())),
            ("C:evil.csv", NameError::Character("C:evil.csv".into())),
            ("what?.csv", NameError::Character("what?.csv".into())),
            (
                "line\nbreak.csv",
                NameError::Character("line\nbreak.csv".into()),
            ),
            ("trailing.", NameError::Character("trailing.".into())),
            ("NUL.csv", NameError::Reserved("NUL.csv".into())),
            ("con", NameError::Reserved("con".into())),
            ("Aux .csv", NameError::Reserved("Aux .csv".into())),
            ("lpt1.json", NameError::Reserved("lpt1.json".into())),
            ("COM¹.csv", NameError::Reserved("COM¹.csv".into())),
        ] {
            assert_eq!(file_name(name, "csv"), Err(expected), "{name:?}");
        }
        let long = "x".repeat(MAX_CHARS + 1);
        assert!(matches!(
            file_name(&long, "csv"),
            Err(NameError::TooLong(_))
        ));
        assert!(
            file_name("../x", "csv")
                .unwrap_err()
                .to_string()
                .contains("folder separator")
        );
    }
}
