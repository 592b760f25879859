//! A dependency that builds on one system only sits in a `[target.'cfg(…)'.dependencies]` table of
//! its Cargo.toml, so the Windows and macOS builds never try to compile it (they cannot be tried
//! here; this rule can).

/// Crates that build on one family of systems only.
const ONE_SYSTEM_CRATES: [&str; 14] = [
    "libc",
    "nix",
    "gtk",
    "gdk",
    "webkit2gtk",
    "windows",
    "windows-sys",
    "winapi",
    "winreg",
    "objc2",
    "objc2-foundation",
    "objc2-app-kit",
    "cocoa",
    "core-foundation",
];

/// Every one-system crate of the manifest `name` (its text) outside a target table.
pub fn one_system_dependencies(name: &str, text: &str) -> Vec<String> {
    let mut findings = Vec::new();
    let mut plain_table = false;
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.starts_with('[') {
            let table = line.trim_matches(|c| c == '[' || c == ']');
            plain_table = matches!(
                table,
                "dependencies"
                    | "dev-dependencies"
                    | "build-dependencies"
                    | "workspace.dependencies"
            );
            continue;
        }
        if !plain_table {
            continue;
        }
        let key = line
            .split(['=', '.'])
            .next()
            .unwrap_or_default()
            .trim()
            .trim_matches('"');
        if ONE_SYSTEM_CRATES.contains(&key) {
            findings.push(format!(
                "{name}:{}: `{key}` builds on one system only: move it under \
                 [target.'cfg(…)'.dependencies]",
                index + 1
            ));
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_one_system_crate_in_a_plain_table() {
        let plain = "[package]\nname = \"a\"\n\n[dependencies]\nserde = \"1\"\nlibc = \"0.2\"\n";
        assert_eq!(
            one_system_dependencies("crates/a/Cargo.toml", plain),
            [
                "crates/a/Cargo.toml:6: `libc` builds on one system only: move it under [target.'cfg(…)'.dependencies]"
            ]
        );
        let dev = "[dev-dependencies]\nwindows-sys.workspace = true\n";
        assert_eq!(one_system_dependencies("Cargo.toml", dev).len(), 1);
    }

    #[test]
    fn accepts_it_under_a_target_table() {
        let gated =
            "[dependencies]\nserde = \"1\"\n\n[target.'cfg(unix)'.dependencies]\nlibc = \"0.2\"\n";
        assert!(one_system_dependencies("Cargo.toml", gated).is_empty());
    }
}
