//! Code that only builds or only works on Unix stays out of the Windows and macOS builds, checked on
//! Linux because those builds cannot be made here: a Unix-only API (`libc::`, `std::os::unix`,
//! `PermissionsExt`) must sit in code that a `cfg` keeps away from Windows, a Linux-only path
//! (`"/proc/…"`, `"/dev/…"`) in code kept away from Windows and macOS, each gated on the item, on an
//! enclosing block, on the file (`#![cfg]`) or on its `mod` line in the parent, unless the line
//! carries a `// portable: why` comment (code that compiles everywhere and copes at run time).
//! Programs are started through xtask's `program` helper, which knows Windows' `.cmd` shims.

use std::collections::BTreeMap;
use std::path::Path;

use super::cfg_eval::{self, System};
use super::rust_text::{self, Line};

/// The comment that lets a line use a Unix-only API or path anyway, followed by the reason.
const PORTABLE: &str = "portable:";

struct UnixOnly {
    pattern: &'static str,
    missing_on: &'static [System],
    what: &'static str,
}

const UNIX_ONLY: [UnixOnly; 5] = [
    UnixOnly {
        pattern: "libc::",
        missing_on: &[System::Windows],
        what: "libc has no Unix API on Windows",
    },
    UnixOnly {
        pattern: "std::os::unix",
        missing_on: &[System::Windows],
        what: "std::os::unix does not exist on Windows",
    },
    UnixOnly {
        pattern: "PermissionsExt",
        missing_on: &[System::Windows],
        what: "Unix permissions do not exist on Windows",
    },
    UnixOnly {
        pattern: "\"/proc/",
        missing_on: &[System::Windows, System::MacOs],
        what: "/proc exists on Linux only",
    },
    UnixOnly {
        pattern: "\"/dev/",
        missing_on: &[System::Windows, System::MacOs],
        what: "this /dev path exists on Linux only",
    },
];

/// The one file of xtask that may create a `Command`.
const PROGRAM_HELPER: &str = "xtask/src/program.rs";

/// The rules' own files name what they look for.
fn is_rule_file(name: &str) -> bool {
    name.starts_with("xtask/src/tidy/")
}

/// Every use of a Unix-only API or path in `files` (path → text) outside code gated away from the
/// systems that lack it, as `path:line: what to do`.
pub fn unix_only_apis(files: &BTreeMap<String, String>) -> Vec<String> {
    let mut findings = Vec::new();
    for (name, text) in rust_files(files) {
        let lines = rust_text::lines(text);
        for (index, line) in lines.iter().enumerate() {
            for rule in &UNIX_ONLY {
                if !line.code.contains(rule.pattern) || line.text.contains(PORTABLE) {
                    continue;
                }
                let cfgs = rust_text::enclosing_cfgs(&lines, index);
                let ungated: Vec<&str> = rule
                    .missing_on
                    .iter()
                    .filter(|&&system| {
                        !cfgs.iter().any(|cfg| cfg_eval::excludes(cfg, system))
                            && !module_excluded(name, system, files, 0)
                    })
                    .map(|system| match system {
                        System::Windows => "Windows",
                        System::MacOs => "macOS",
                    })
                    .collect();
                if !ungated.is_empty() {
                    findings.push(format!(
                        "{name}:{}: `{}` is compiled for {} too, where {}: gate it with a `cfg` \
                         (on the item, its block or its `mod` line), or say `// {PORTABLE} why`",
                        index + 1,
                        rule.pattern.trim_start_matches('"'),
                        ungated.join(" and "),
                        rule.what
                    ));
                }
            }
        }
    }
    findings
}

/// Every `Command::new` that would not start on Windows: in xtask, anywhere but its program helper;
/// elsewhere, one that starts npm, npx or an npm package's tool (`.cmd` shims on Windows).
pub fn spawns(files: &BTreeMap<String, String>) -> Vec<String> {
    let mut findings = Vec::new();
    for (name, text) in rust_files(files) {
        if name == PROGRAM_HELPER {
            continue;
        }
        for (index, line) in rust_text::lines(text).iter().enumerate() {
            let Some(at) = line.code.find("Command::new(") else {
                continue;
            };
            let argument = &line.code[at..];
            let node_tool = ["\"npm\"", "\"npx\"", "node_modules", "ui::bin("]
                .iter()
                .any(|tool| argument.contains(tool));
            if name.starts_with("xtask/") || node_tool {
                findings.push(format!(
                    "{name}:{}: start programs with xtask's program::command (or program::built), \
                     which finds npm's and npx's `.cmd` shims and `.exe` files on Windows",
                    index + 1
                ));
            }
        }
    }
    findings
}

fn rust_files(files: &BTreeMap<String, String>) -> impl Iterator<Item = (&String, &String)> {
    files
        .iter()
        .filter(|(name, _)| name.ends_with(".rs") && !is_rule_file(name))
}

/// True when every `mod` line that brings in the module `name` is gated away from `system` (or
/// sits in a module that is).
fn module_excluded(
    name: &str,
    system: System,
    files: &BTreeMap<String, String>,
    depth: usize,
) -> bool {
    let Some((module, parent_dir)) = module_and_parent(name) else {
        return false;
    };
    if depth > 16 {
        return false;
    }
    let declaration = format!("mod {module};");
    let mut declared = false;
    for (parent, text) in files
        .iter()
        .filter(|(path, _)| is_parent(path, &parent_dir))
    {
        let lines: Vec<Line<'_>> = rust_text::lines(text);
        for (index, line) in lines.iter().enumerate() {
            if !declares(&line.skeleton, &declaration) {
                continue;
            }
            declared = true;
            let gated = rust_text::enclosing_cfgs(&lines, index)
                .iter()
                .any(|cfg| cfg_eval::excludes(cfg, system));
            if !gated && !module_excluded(parent, system, files, depth + 1) {
                return false;
            }
        }
    }
    declared
}

/// For `a/b/x.rs` or `a/b/x/mod.rs`: the module `x` and the folder `a/b` its parent sits in
/// (`a/b/{lib,main,mod}.rs`, any file of `a/b/`, or `a/b.rs`). None for a crate's root files.
fn module_and_parent(name: &str) -> Option<(String, String)> {
    let path = Path::new(name);
    let stem = path.file_stem()?.to_str()?;
    let dir = path.parent()?;
    let (module, parent_dir) = if stem == "mod" {
        (dir.file_name()?.to_str()?, dir.parent()?)
    } else {
        (stem, dir)
    };
    let root_dir = ["tests", "benches", "examples", "bin"]
        .iter()
        .any(|root| dir.ends_with(root));
    if stem == "lib" || stem == "main" || stem == "build" || (stem != "mod" && root_dir) {
        return None;
    }
    let parent_dir = parent_dir.to_str()?.to_owned();
    Some((module.to_owned(), parent_dir))
}

fn is_parent(path: &str, parent_dir: &str) -> bool {
    let directly_in = Path::new(path)
        .parent()
        .is_some_and(|dir| dir == Path::new(parent_dir));
    directly_in || path == format!("{parent_dir}.rs")
}

/// `mod x;`, `pub mod x;`, `pub(crate) mod x;`, with attributes in front or not.
fn declares(skeleton: &str, declaration: &str) -> bool {
    let mut rest = skeleton.trim();
    while rest.starts_with("#[") {
        match rest.find(']') {
            Some(end) => rest = rest[end + 1..].trim_start(),
            None => return false,
        }
    }
    for visibility in ["pub(crate) ", "pub(super) ", "pub "] {
        rest = rest.strip_prefix(visibility).unwrap_or(rest);
    }
    rest == declaration
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(entries: &[(&str, &str)]) -> BTreeMap<String, String> {
        entries
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .collect()
    }

    #[test]
    fn refuses_a_unix_only_api_compiled_for_every_system() {
        let ungated = files(&[(
            "crates/a/src/lib.rs",
            "//! Why.\nfn f() {\n    use std::os::unix::fs::PermissionsExt;\n}\n",
        )]);
        let findings = unix_only_apis(&ungated);
        assert_eq!(findings.len(), 2, "{findings:?}");
        assert!(
            findings[0]
                .starts_with("crates/a/src/lib.rs:3: `std::os::unix` is compiled for Windows too")
        );
    }

    #[test]
    fn accepts_it_gated_on_the_item_the_statement_or_the_mod_line() {
        let gated = files(&[
            (
                "crates/a/src/lib.rs",
                "//! Why.\n#[cfg(unix)]\nmod unix_only;\n#[cfg(unix)]\nfn f() {\n    libc::getpid();\n}\nfn g() {\n    #[cfg(unix)]\n    libc::getpid();\n}\n",
            ),
            (
                "crates/a/src/unix_only.rs",
                "//! Why.\nfn h() { libc::getpid(); }\n",
            ),
        ]);
        assert_eq!(unix_only_apis(&gated), Vec::<String>::new());
    }

    #[test]
    fn a_linux_path_needs_a_gate_that_leaves_macos_out_too() {
        let unix_gated = files(&[(
            "crates/a/src/lib.rs",
            "//! Why.\n#[cfg(unix)]\nfn f() -> bool { Path::new(\"/dev/dri\").exists() }\n",
        )]);
        let findings = unix_only_apis(&unix_gated);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert!(
            findings[0].contains("compiled for macOS too"),
            "{findings:?}"
        );
        let linux_gated =
            unix_gated["crates/a/src/lib.rs"].replace("unix", "target_os = \"linux\"");
        assert!(unix_only_apis(&files(&[("crates/a/src/lib.rs", &linux_gated)])).is_empty());
    }

    #[test]
    fn a_line_that_says_why_it_is_portable_passes() {
        let explained = files(&[(
            "crates/a/benches/b.rs",
            "//! Why.\nfn f() { read(\"/proc/self/status\").ok(); } // portable: None elsewhere\n",
        )]);
        assert!(unix_only_apis(&explained).is_empty());
    }

    #[test]
    fn a_module_declared_ungated_anywhere_is_not_gated() {
        let twice = files(&[
            (
                "crates/a/tests/one.rs",
                "//! Why.\n#[cfg(unix)]\nmod support;\n",
            ),
            ("crates/a/tests/two.rs", "//! Why.\nmod support;\n"),
            (
                "crates/a/tests/support/mod.rs",
                "//! Why.\nfn f() { libc::getpid(); }\n",
            ),
        ]);
        assert_eq!(unix_only_apis(&twice).len(), 1);
    }

    #[test]
    fn refuses_npm_started_outside_the_program_helper() {
        let spawning = files(&[
            (
                "crates/a/tests/t.rs",
                "//! Why.\nfn f() { Command::new(\"npm\"); Command::new(\"soffice\"); }\n",
            ),
            (
                "xtask/src/ui.rs",
                "//! Why.\nfn f() { Command::new(\"node\"); }\n",
            ),
            (
                "xtask/src/program.rs",
                "//! Why.\nfn f() { Command::new(name); }\n",
            ),
        ]);
        let findings = spawns(&spawning);
        assert_eq!(findings.len(), 2, "{findings:?}");
        assert!(findings[0].starts_with("crates/a/tests/t.rs:2: "));
        assert!(findings[1].starts_with("xtask/src/ui.rs:2: "));
    }
}
