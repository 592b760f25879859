//! `cargo xtask mutants`: cargo-mutants over the modules that guard secrets and data, each in a
//! library crate where a mutant builds in seconds. A mutant that survives (the tests stay green
//! with the code changed) is either a test to write or, when the change cannot alter behaviour, a
//! line in docs/mutants.md saying why; the run fails on any survivor without one. Not part of
//! `cargo xtask test`: it runs the guarded crates' tests once per mutant (about half an hour here).
//!
//! Inside a fresh Secret Service: the profiles crate's tests use the keychain.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::{cargo, keyring_session, step, tools, workspace_root};

/// The guards, by crate: where a Zoom address may receive the secret, how many pages and bytes a
/// server may send, how large a view request may be, what a spreadsheet may execute, how an export
/// may be named, how private files are written, and what the logs may say. Each group names the
/// tests that exercise its files: a mutant is tested by those, not by the whole crate's suite
/// (the roster's phone-number tests alone take ten seconds a mutant and test no guard). A mutant
/// that survives only for want of a test left out here shows up as a survivor and is judged.
const GUARDS: [Guarded; 4] = [
    Guarded {
        package: "profiles",
        files: &[
            "crates/profiles/src/private_file.rs",
            "crates/profiles/src/redact/mod.rs",
            "crates/profiles/src/redact/known.rs",
        ],
        cargo_test: &[],
        libtest: &[],
    },
    Guarded {
        package: "zoom",
        files: &[
            "crates/zoom/src/endpoints.rs",
            "crates/zoom/src/page_guard.rs",
            "crates/zoom/src/receive.rs",
        ],
        // Not the rate-limit and scheduling tests (faults, site_split, two_programs): they load
        // thousands of users and never reach a guard's edge.
        cargo_test: &[
            "--lib",
            "--test=secret_routes",
            "--test=fetch",
            "--test=errors",
            "--test=hostile",
            "--test=endless_answers",
        ],
        libtest: &[],
    },
    Guarded {
        package: "roster",
        files: &[
            "crates/roster/src/spec_bounds.rs",
            "crates/roster/src/export/file_name.rs",
        ],
        cargo_test: &["--lib"],
        libtest: &["spec_bounds", "file_name"],
    },
    Guarded {
        package: "roster",
        files: &[
            "crates/roster/src/export/csv.rs",
            "crates/roster/src/export/formula_guard.rs",
        ],
        // The spreadsheet tests open the exports in LibreOffice: what the formula guard is for.
        cargo_test: &[
            "--lib",
            "--test=export_csv",
            "--test=separator_formulas",
            "--test=spreadsheet_roundtrip",
        ],
        libtest: &["--skip=phone_format"],
    },
];

/// Guarded files of one crate and the tests that defend them.
struct Guarded {
    package: &'static str,
    files: &'static [&'static str],
    /// Arguments to `cargo test`: which test targets run.
    cargo_test: &'static [&'static str],
    /// Arguments to the test executables: which tests in them run.
    libtest: &'static [&'static str],
}

/// Where the survivors are explained.
const REPORT: &str = "docs/mutants.md";

pub fn run() -> anyhow::Result<()> {
    step::run("cargo-mutants", || tools::ensure(tools::CARGO_MUTANTS))?;
    let root = workspace_root().join("target/mutants");
    let mut outputs = Vec::new();
    for (index, group) in GUARDS.iter().enumerate() {
        let out = root.join(format!("{index}-{}", group.package));
        step::run(
            &format!("cargo mutants over {}", group.files.join(", ")),
            || mutate(group, &root.join("build"), &out),
        )?;
        outputs.push(out.join("mutants.out"));
    }
    step::run("every survivor explained in docs/mutants.md", || {
        judge(&outputs)
    })
}

/// Runs cargo-mutants over one group, writing its results under `out`.
fn mutate(group: &Guarded, build: &Path, out: &Path) -> anyhow::Result<()> {
    let mut command = cargo();
    command
        // The tree is copied without what .gitignore names (target/, node_modules/); every group
        // builds in one lasting target folder, so the dependencies compile once, not per group.
        .env("CARGO_TARGET_DIR", build)
        .args(["mutants", "--package", group.package])
        .args(["--gitignore=true", "--no-shuffle", "--colors=never"])
        // A mutant that loops for ever is stopped at cargo-mutants' automatic timeout: five times
        // the group's own tests on the unmutated tree, at least 20 s.
        .arg("--output")
        .arg(out);
    for file in group.files {
        command.args(["--file", file]);
    }
    for arg in group.cargo_test {
        command.arg(format!("--cargo-test-arg={arg}"));
    }
    // What follows cargo-mutants' `--` goes to `cargo test`; after a second `--`, to the tests.
    if !group.libtest.is_empty() {
        command.args(["--", "--"]).args(group.libtest);
    }
    // cargo-mutants exits 2 when a mutant survives and 3 on a timeout: judged afterwards.
    match keyring_session::run(command) {
        Ok(()) => Ok(()),
        Err(error) if out.join("mutants.out/outcomes.json").is_file() => {
            println!("cargo mutants: {error:#}");
            Ok(())
        }
        Err(error) => Err(error),
    }
}

/// Fails naming each mutant that survived (or timed out) without a line of its own in the report.
fn judge(results: &[PathBuf]) -> anyhow::Result<()> {
    let read = |name: &str| -> anyhow::Result<String> {
        let mut lines = String::new();
        for folder in results {
            let path = folder.join(name);
            lines += &std::fs::read_to_string(&path)
                .with_context(|| format!("could not read {}", path.display()))?;
        }
        Ok(lines)
    };
    let report = std::fs::read_to_string(workspace_root().join(REPORT))
        .with_context(|| format!("could not read {REPORT}"))?;
    for folder in results {
        baseline_passed(folder)?;
    }
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

/// Fails unless the tests passed on the unmutated tree: otherwise no mutant was tested there.
fn baseline_passed(results: &Path) -> anyhow::Result<()> {
    let path = results.join("outcomes.json");
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("could not read {}", path.display()))?;
    let outcomes: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{} is not JSON", path.display()))?;
    let passed = outcomes["outcomes"]
        .as_array()
        .and_then(|all| all.iter().find(|o| o["scenario"] == "Baseline"))
        .is_some_and(|baseline| baseline["summary"] == "Success");
    if !passed {
        bail!(
            "the tests failed on the unmutated tree, so no mutant was tested: see {}",
            results.join("log/baseline.log").display()
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
        for file in GUARDS.iter().flat_map(|group| group.files) {
            assert!(workspace_root().join(file).is_file(), "{file}");
        }
    }
}
