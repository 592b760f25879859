//! The figures a benchmark measured. Each benchmark program prints its figures as lines
//! `figure: NAME = VALUE` among its own output (one format for the Rust benchmarks and the
//! end-to-end speed specs alike); criterion benchmarks leave theirs in criterion's
//! `target/criterion/GROUP/FUNCTION/new/estimates.json`.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use anyhow::{Context, bail};

use crate::{step, workspace_root};

/// Figures by name.
pub type Figures = BTreeMap<String, f64>;

const PREFIX: &str = "figure: ";

/// Runs `command` to completion, its output shown as it comes, and collects the figures it printed.
/// A non-zero exit is an error.
pub fn run_collecting(mut command: Command, into: &mut Figures) -> anyhow::Result<()> {
    let shown = step::describe(&command);
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("could not start {shown}"))?;
    let stdout = child.stdout.take().context("no output to read")?;
    for line in BufReader::new(stdout).lines() {
        let line = line.with_context(|| format!("could not read the output of {shown}"))?;
        println!("{line}");
        if let Some((name, value)) = parse(&line) {
            into.insert(name, value);
        }
    }
    let status = child.wait()?;
    if !status.success() {
        bail!("{shown} exited with {status}");
    }
    Ok(())
}

/// `figure: NAME = VALUE`, anywhere after leading spaces.
fn parse(line: &str) -> Option<(String, f64)> {
    let (name, value) = line.trim_start().strip_prefix(PREFIX)?.rsplit_once(" = ")?;
    Some((name.trim().to_owned(), value.trim().parse().ok()?))
}

/// The mean time, in milliseconds, of criterion's last run of `function` in `group` (read as
/// criterion names its folders: each part made safe for a file name).
pub fn criterion_mean_ms(group: &str, function: &str) -> anyhow::Result<f64> {
    let path = workspace_root()
        .join("target/criterion")
        .join(safe_name(group))
        .join(safe_name(function))
        .join("new/estimates.json");
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("no criterion estimate at {}", path.display()))?;
    let estimates: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{} is not JSON", path.display()))?;
    let nanoseconds = estimates["mean"]["point_estimate"]
        .as_f64()
        .with_context(|| format!("{} has no mean", path.display()))?;
    Ok(nanoseconds / 1e6)
}

/// Criterion's folder name for a group or function name (its `make_filename_safe` on Linux and
/// macOS; on Windows it also lowercases, and the benchmarks run here).
fn safe_name(name: &str) -> String {
    name.replace(['?', '"', '/', '\\', '*', '<', '>', ':', '|', '^'], "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_lines_are_read_and_other_lines_left() {
        assert_eq!(
            parse("figure: fetch 100k, time over its floor = 1.026"),
            Some(("fetch 100k, time over its floor".into(), 1.026))
        );
        assert_eq!(
            parse("  figure: a = b = 3"),
            Some(("a = b".into(), 3.0)),
            "the last ` = ` parts the value"
        );
        assert_eq!(
            parse("figure: timed out = Infinity"),
            Some(("timed out".into(), f64::INFINITY)),
            "as JavaScript prints a p95 with a timeout in it"
        );
        assert_eq!(parse("figure: no value = soon"), None);
        assert_eq!(parse("phone-roster | 100000 users | 149.4 s"), None);
    }

    #[test]
    fn criterion_folder_names_are_made_safe_as_criterion_does() {
        assert_eq!(safe_name("insights_100k"), "insights_100k");
        assert_eq!(
            safe_name("report cost center × calling plan"),
            "report cost center × calling plan"
        );
        assert_eq!(
            safe_name("open (load + index/query)"),
            "open (load + index_query)"
        );
    }
}
