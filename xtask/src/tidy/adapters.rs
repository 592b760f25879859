//! The app's commands are adapters over crates/session and the crates below it: a command module
//! never imports another one. What two commands share (the export's destination, a row as the page
//! shows it, the roster's status) lives outside `commands/`, or in the session crate when the CLI
//! needs it too, so a command can be read, changed and removed on its own.

use std::collections::BTreeMap;

const COMMANDS: &str = "src-tauri/src/commands/";

/// `path:line: what to do` for each import of one command module by another.
pub fn sideways_imports(files: &BTreeMap<String, String>) -> Vec<String> {
    let mut findings = Vec::new();
    for (name, text) in files {
        let Some(module) = name.strip_prefix(COMMANDS) else {
            continue;
        };
        if module == "mod.rs" {
            continue;
        }
        for (index, line) in text.lines().enumerate() {
            if imports_a_command(line) {
                findings.push(format!(
                    "{name}:{}: a command module imports another; move what they share out of \
                     commands/ (or into crates/session)",
                    index + 1
                ));
            }
        }
    }
    findings
}

/// `crate::commands::…` anywhere, or `super::` other than a test module's `use super::*`.
fn imports_a_command(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or_default();
    code.contains("crate::commands::")
        || (code.contains("super::") && code.trim() != "use super::*;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(name: &str, text: &str) -> Vec<String> {
        sideways_imports(&BTreeMap::from([(name.to_owned(), text.to_owned())]))
    }

    #[test]
    fn a_command_importing_another_is_found_by_either_path() {
        let file = "src-tauri/src/commands/changes.rs";
        assert_eq!(
            findings(file, "use super::export::write_export;\n").len(),
            1
        );
        assert_eq!(
            findings(file, "use crate::commands::query::Row;\n").len(),
            1
        );
    }

    #[test]
    fn shared_modules_tests_and_other_folders_pass() {
        let file = "src-tauri/src/commands/changes.rs";
        assert!(findings(file, "use crate::export_file::write_export;\n").is_empty());
        assert!(findings(file, "mod tests {\n    use super::*;\n}\n").is_empty());
        assert!(findings(file, "// see super::export\n").is_empty());
        assert!(findings("src-tauri/src/lib.rs", "use crate::commands::query;\n").is_empty());
        assert!(findings("src-tauri/src/commands/mod.rs", "use super::x;\n").is_empty());
    }
}
