//! `cargo xtask tidy`: the conventions the code follows, checked instead of remembered. Every
//! module opens with a comment saying why it exists; outside tests, no `unwrap()` or `expect()`
//! without a comment saying why it cannot fail; no file over 400 lines without the reason written
//! at its top; Unix-only code gated away from Windows and macOS, programs started so that Windows
//! finds them, and one-system crates in target tables (platform.rs, manifests.rs); no command
//! module of the app importing another (adapters.rs); no import circles among a crate's modules
//! or the UI's files (cycles.rs); the TypeScript bindings current.
//!
//! `cargo xtask test` runs the file checks first (they take a moment) and the bindings check with
//! the other Rust tests, in the build it makes anyway.

mod adapters;
mod cfg_eval;
mod cycles;
mod manifests;
mod platform;
mod rust_text;
mod scc;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::{linted, step, workspace_root};

/// Where the project's own code lives (generated, vendored and built files are not walked).
const ROOTS: [&str; 6] = ["crates", "src-tauri", "xtask", "ui/src", "ui/dev", "tests"];
const SKIPPED_DIRS: [&str; 4] = ["target", "node_modules", "fixtures", "dist"];
/// Written by the bindings test, not by hand.
const GENERATED: [&str; 1] = ["ui/src/lib/bindings.ts"];
const MAX_LINES: usize = 400;
/// A file over MAX_LINES says why in its first lines with a comment holding these words.
const LENGTH_REASON: &str = "400 lines";
/// How many lines above an `unwrap`/`expect` its comment may sit.
const COMMENT_REACH: usize = 3;

/// Every check, including the bindings (which builds the app's tests).
pub fn run() -> anyhow::Result<()> {
    files()?;
    step::run(
        "bindings current (cargo test … bindings_are_up_to_date)",
        || {
            // Linted, with `--workspace`, like `cargo xtask test`: the same build, so nothing is
            // compiled twice.
            let mut command = linted::cargo_linted();
            command.args(["test", "--workspace", "--lib", "bindings_are_up_to_date"]);
            step::status(command)
        },
    )
}

/// The checks of the files themselves; prints every finding, then fails if there was one.
pub fn files() -> anyhow::Result<()> {
    let root = workspace_root();
    let mut files = BTreeMap::new();
    for path in source_files(&root)? {
        let name = relative_name(&root, &path);
        if GENERATED.contains(&name.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("could not read {}", path.display()))?;
        files.insert(name, text);
    }
    let mut findings = Vec::new();
    for (name, text) in &files {
        findings.extend(check_file(name, text));
    }
    findings.extend(platform::unix_only_apis(&files));
    findings.extend(platform::spawns(&files));
    findings.extend(adapters::sideways_imports(&files));
    findings.extend(cycles::import_cycles(&files));
    for path in manifests(&root)? {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("could not read {}", path.display()))?;
        findings.extend(manifests::one_system_dependencies(
            &relative_name(&root, &path),
            &text,
        ));
    }
    if findings.is_empty() {
        println!("tidy: every file follows the conventions");
        return Ok(());
    }
    for finding in &findings {
        eprintln!("{finding}");
    }
    bail!("{} finding(s) above", findings.len())
}

/// What is wrong with one file, each as `path:line: what to do`.
fn check_file(name: &str, text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut findings = Vec::new();
    if !opens_with_a_comment(name, &lines) {
        findings.push(format!(
            "{name}:1: open the file with a comment saying why it exists"
        ));
    }
    if lines.len() > MAX_LINES && !lines.iter().take(15).any(|l| l.contains(LENGTH_REASON)) {
        findings.push(format!(
            "{name}:1: {} lines: split it, or say at its top why it is over {LENGTH_REASON}",
            lines.len()
        ));
    }
    if name.ends_with(".rs") && !is_test_file(name) {
        for line in unexplained_unwraps(&lines) {
            findings.push(format!(
                "{name}:{line}: unwrap()/expect() outside tests needs a comment saying why it cannot fail"
            ));
        }
    }
    findings
}

fn opens_with_a_comment(name: &str, lines: &[&str]) -> bool {
    let mut code = lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty());
    let is_comment = |line: &str| line.starts_with("//") || line.starts_with("/*");
    if name.ends_with(".svelte") {
        // A leading HTML comment, or a comment as the script's first line.
        return match code.next() {
            Some(first) if first.starts_with("<!--") => true,
            Some(first) if first.starts_with("<script") => code.next().is_some_and(is_comment),
            _ => false,
        };
    }
    match code.next() {
        // A script's `#!` line comes before its comment.
        Some(first) if first.starts_with("#!") => code.next().is_some_and(is_comment),
        Some(first) => is_comment(first),
        None => false,
    }
}

/// Test code may unwrap: a failure there is the test failing. Tests live in a folder named `tests`
/// or `…_tests` (the app's `command_tests`), or in a module file `tests.rs` beside the code it
/// tests; benchmarks in `benches`.
fn is_test_file(name: &str) -> bool {
    let mut parts = name.split('/').rev();
    let file = parts.next().unwrap_or_default();
    file == "tests.rs"
        || parts
            .any(|folder| folder == "tests" || folder.ends_with("_tests") || folder == "benches")
}

/// 1-based line numbers of `unwrap()`/`expect(` before the file's `#[cfg(test)]` with no plain
/// comment on that line or the COMMENT_REACH lines above it.
fn unexplained_unwraps(lines: &[&str]) -> Vec<usize> {
    let end = lines
        .iter()
        .position(|l| l.trim() == "#[cfg(test)]")
        .unwrap_or(lines.len());
    (0..end)
        // (These two patterns are text to look for, not calls: this line passes by its comment.)
        .filter(|&i| lines[i].contains(".unwrap()") || lines[i].contains(".expect("))
        .filter(|&i| {
            !lines[i.saturating_sub(COMMENT_REACH)..=i]
                .iter()
                .any(|l| is_plain_comment(l))
        })
        .map(|i| i + 1)
        .collect()
}

/// A `//` comment on the line; documentation (`///`, `//!`) describes an item, not an unwrap.
fn is_plain_comment(line: &str) -> bool {
    let code = line.trim_start();
    line.contains("//") && !code.starts_with("///") && !code.starts_with("//!")
}

/// `path` below `root`, with `/` between its parts on every system.
fn relative_name(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative.to_string_lossy().replace('\\', "/")
}

/// The workspace's Cargo.toml files: the root's, each crate's and xtask's.
fn manifests(root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut found = vec![root.join("Cargo.toml"), root.join("xtask/Cargo.toml")];
    let crates = root.join("crates");
    for entry in std::fs::read_dir(&crates)
        .with_context(|| format!("could not list {}", crates.display()))?
    {
        let manifest = entry?.path().join("Cargo.toml");
        if manifest.is_file() {
            found.push(manifest);
        }
    }
    found.sort();
    Ok(found)
}

fn source_files(root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for start in ROOTS {
        walk(&root.join(start), &mut files)?;
    }
    files.sort();
    Ok(files)
}

fn walk(path: &Path, files: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    if path.is_file() {
        let source = ["rs", "ts", "svelte", "mjs"];
        if path
            .extension()
            .is_some_and(|e| source.iter().any(|s| e == *s))
        {
            files.push(path.to_path_buf());
        }
        return Ok(());
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        return Ok(());
    };
    for entry in entries {
        let entry = entry.with_context(|| format!("could not list {}", path.display()))?;
        let skipped = SKIPPED_DIRS
            .iter()
            .any(|dir| entry.file_name() == std::ffi::OsStr::new(dir));
        if !skipped {
            walk(&entry.path(), files)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_module_without_its_opening_comment() {
        assert!(check_file("a.rs", "//! Why.\nfn f() {}\n").is_empty());
        assert_eq!(check_file("a.rs", "fn f() {}\n").len(), 1);
        assert!(check_file("a.ts", "// Why.\nexport {};\n").is_empty());
        assert!(check_file("a.mjs", "#!/usr/bin/env node\n// Why.\n").is_empty());
        assert!(check_file("A.svelte", "<script lang=\"ts\">\n  // Why.\n</script>\n").is_empty());
        assert!(check_file("A.svelte", "<!-- Why. -->\n<p>x</p>\n").is_empty());
        assert_eq!(
            check_file("A.svelte", "<script>\n  let x = 1;\n</script>\n").len(),
            1
        );
    }

    #[test]
    fn finds_an_unexplained_unwrap_outside_tests_only() {
        let bare = "//! Why.\nfn f() { x.unwrap(); }\n";
        assert_eq!(
            check_file("crates/a/src/a.rs", bare),
            [
                "crates/a/src/a.rs:2: unwrap()/expect() outside tests needs a comment saying why it cannot fail"
            ]
        );
        let explained = "//! Why.\n// Checked above.\nfn f() { x.expect(\"y\"); }\n";
        assert!(check_file("crates/a/src/a.rs", explained).is_empty());
        let in_tests = "//! Why.\n#[cfg(test)]\nmod tests { fn t() { x.unwrap(); } }\n";
        assert!(check_file("crates/a/src/a.rs", in_tests).is_empty());
        assert!(check_file("crates/a/tests/t.rs", bare).is_empty());
        assert!(check_file("src-tauri/src/command_tests/t.rs", bare).is_empty());
        assert!(check_file("crates/a/src/snapshot/tests.rs", bare).is_empty());
        assert!(!check_file("crates/a/src/snapshot/contests.rs", bare).is_empty());
    }

    #[test]
    fn a_long_file_says_why_at_its_top() {
        let long = format!("//! Why.\n{}", "x\n".repeat(MAX_LINES));
        assert_eq!(check_file("a.rs", &long).len(), 1);
        let explained = format!(
            "//! Why. Over 400 lines: one table.\n{}",
            "x\n".repeat(MAX_LINES)
        );
        assert!(check_file("a.rs", &explained).is_empty());
    }
}
