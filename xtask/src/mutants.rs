//! `cargo xtask mutants`: cargo-mutants over the modules that guard secrets and data, each in a
//! library crate where a mutant builds in seconds. A mutant that survives (the tests stay green
//! with the code changed) is either a test to write or, when the change cannot alter behaviour, a
//! line in docs/mutants.md saying why; the run fails on any survivor without one. Not part of
//! `cargo xtask test`: it runs the guarded crates' tests once per mutant (about half an hour here).
//!
//! Inside a fresh Secret Service: the profiles crate's tests use the keychain.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context, bail};

use crate::{cargo, keyring_session, step, tools, workspace_root};

/// The guards: where a Zoom address may receive the secret, how many pages and bytes a server may
/// send, how large a view request may be, what a spreadsheet may execute, how an export may be
/// named, how private files are written, and what the logs may say.
pub const GUARDS: [&str; 9] = [
    "crates/zoom/src/endpoints.rs",
    "crates/zoom/src/page_guard.rs",
    "crates/zoom/src/receive.rs",
    "crates/roster/src/spec_bounds.rs",
    "crates/roster/src/export/csv.rs",
    "crates/roster/src/export/file_name.rs",
    "crates/profiles/src/private_file.rs",
    "crates/profiles/src/redact/mod.rs",
    "crates/profiles/src/redact/known.rs",
];

/// Where the survivors are explained.
const REPORT: &str = "docs/mutants.md";

pub fn run() -> anyhow::Result<()> {
    step::run("cargo-mutants", || tools::ensure(tools::CARGO_MUTANTS))?;
    let out = workspace_root().join("target/mutants");
    step::run("cargo mutants over the guards", || {
        let mut command = cargo();
        command
            // Each mutant is tested by its own package's tests; the tree is copied without what
            // .gitignore names (target/, node_modules/).
            .args(["mutants", "--workspace", "--gitignore=true", "--no-shuffle"])
            // A mutant that loops for ever is stopped here, not after cargo-mutants' automatic
            // timeout (five times the baseline: nine minutes per hang in the first run).
            .args(["--timeout", "120", "--colors=never", "--output"])
            .arg(&out);
        for file in GUARDS {
            command.args(["--file", file]);
        }
        // cargo-mutants exits 2 when a mutant survives and 3 on a timeout: judged below.
        match keyring_session::run(command) {
            Ok(()) => Ok(()),
            Err(error) if out.join("mutants.out/outcomes.json").is_file() => {
                println!("cargo mutants: {error:#}");
                Ok(())
            }
            Err(error) => Err(error),
        }
    })?;
    step::run("every survivor explained in docs/mutants.md", || {
        judge(&out.join("mutants.out"))
    })
}

/// Fails naming each mutant that survived (or timed out) without a line of its own in the report.
fn judge(results: &Path) -> anyhow::Result<()> {
    let read = |name: &str| {
        let path = results.join(name);
        std::fs::read_to_string(&path).with_context(|| format!("could not read {}", path.display()))
    };
    let report = std::fs::read_to_string(workspace_root().join(REPORT))
        .with_context(|| format!("could not read {REPORT}"))?;
    let explained = explained(&report);
    let caught = read("caught.txt")?.lines().count();
    let unviable = read("unviable.txt")?.lines().count();
    let mut survivors = Vec::new();
    for file in ["missed.txt", "timeout.txt"] {
        survivors.extend(read(file)?.lines().map(without_position));
    }
    println!(
        "{caught} caught, {unviable} unviable (do not build), {} survived",
        survivors.len()
    );
    let unexplained: Vec<_> = survivors
        .iter()
        .filter(|mutant| !explained.contains(mutant.as_str()))
        .collect();
    if !unexplained.is_empty() {
        bail!(
            "{} surviving mutant(s) have neither a test nor a reason in {REPORT}:\n  {}",
            unexplained.len(),
            unexplained
                .iter()
                .map(|m| m.as_str())
                .collect::<Vec<_>>()
                .join("\n  ")
        );
    }
    Ok(())
}

/// `path:line:column: what` as `path: what`, so that the report survives edits above the mutant.
fn without_position(mutant: &str) -> String {
    let mut parts = mutant.splitn(4, ':');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(path), Some(line), Some(column), Some(what))
            if line.parse::<u32>().is_ok() && column.parse::<u32>().is_ok() =>
        {
            format!("{path}:{what}")
        }
        _ => mutant.to_owned(),
    }
}

/// The mutants the report explains: each list item's first code span, `path: what`.
fn explained(report: &str) -> BTreeSet<&str> {
    report
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("- `"))
        .filter_map(|rest| rest.split_once('`').map(|(mutant, _)| mutant))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_survivor_is_matched_to_its_reason_whatever_line_it_moved_to() {
        assert_eq!(
            without_position("crates/a/src/b.rs:42:9: replace f -> bool with true"),
            "crates/a/src/b.rs: replace f -> bool with true"
        );
        let report =
            "# Mutants\n\n- `crates/a/src/b.rs: replace f -> bool with true` — f only logs.\n";
        assert!(explained(report).contains("crates/a/src/b.rs: replace f -> bool with true"));
        assert!(!explained(report).contains("crates/a/src/b.rs: replace f -> bool with false"));
    }

    #[test]
    fn every_guard_exists() {
        for file in GUARDS {
            assert!(workspace_root().join(file).is_file(), "{file}");
        }
    }
}
