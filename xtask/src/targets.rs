//! What each benchmark figure must reach, in one table, and the verdict `cargo xtask bench` gives:
//! a figure passes at up to its target × `NOISE` (this machine is shared and noisy; a real
//! regression is larger), and the run fails naming every figure that missed or was not measured.
//! A target of 0 (429s, users the count trailed by) admits no noise.

use anyhow::bail;

use crate::figures::{self, Figures};

/// The margin over a target that noise is allowed.
pub const NOISE: f64 = 1.25;

/// Where a figure comes from.
pub enum Source {
    /// Printed by a benchmark program as `figure: NAME = VALUE`.
    Printed,
    /// Criterion's mean time of one benchmark, in milliseconds.
    Criterion {
        group: &'static str,
        function: &'static str,
    },
}

pub struct Target {
    pub figure: &'static str,
    pub source: Source,
    pub at_most: f64,
    /// Where the target was set, for the reader of a miss.
    pub why: &'static str,
}

const fn printed(figure: &'static str, at_most: f64, why: &'static str) -> Target {
    Target {
        figure,
        source: Source::Printed,
        at_most,
        why,
    }
}

const fn criterion(
    figure: &'static str,
    (group, function): (&'static str, &'static str),
    at_most: f64,
    why: &'static str,
) -> Target {
    Target {
        figure,
        source: Source::Criterion { group, function },
        at_most,
        why,
    }
}

/// Every target, in the order BENCHMARKS.md lists them.
pub const TARGETS: [Target; 19] = [
    printed(
        "fetch 100k users, one chain, 150 ms, 10/s: time over the floor",
        1.15,
        "BENCHMARKS.md: fetch",
    ),
    printed(
        "whole roster of 10k users by site, 10/s: time over the rate floor",
        1.15,
        "BENCHMARKS.md: whole roster",
    ),
    printed(
        "whole roster loads: 429s the simulator answered",
        0.0,
        "the client's own limiter keeps under Zoom's",
    ),
    printed(
        "query 100k users while typing: p95, ms",
        20.0,
        "BENCHMARKS.md: query",
    ),
    criterion(
        "CSV export of 100k users, ms",
        ("export_100k", "csv"),
        500.0,
        "BENCHMARKS.md: CSV export",
    ),
    criterion(
        "what changed between two rosters of 100k users, ms",
        ("insights_100k", "compare"),
        2_000.0,
        "issue 14: Changes",
    ),
    criterion(
        "report of 100k users, cost center by calling plan, ms",
        ("insights_100k", "report cost center by calling plan"),
        500.0,
        "issue 14: Report",
    ),
    criterion(
        "snapshot of 100k users opened (load + index), ms",
        ("snapshot 100k users", "open (load + index for queries)"),
        1_000.0,
        "BENCHMARKS.md: snapshot open",
    ),
    printed(
        "phone-roster export of 100k users: peak memory, MB",
        100.0,
        "BENCHMARKS.md: CLI peak RSS",
    ),
    printed(
        "query IPC, 200 rows of 100k in Zoom order: p95, ms",
        10.0,
        "BENCHMARKS.md: query IPC round trip",
    ),
    printed(
        "query IPC, 200 rows of 100k sorted by name: p95, ms",
        10.0,
        "BENCHMARKS.md: query IPC round trip",
    ),
    printed(
        "100k: roster screen shown to first rows painted, ms",
        300.0,
        "BENCHMARKS.md: the page",
    ),
    printed(
        "100k: keystroke in search to updated rows: p95, ms",
        100.0,
        "BENCHMARKS.md: the page",
    ),
    printed(
        "100k: cost-center bar click to updated rows: p95, ms",
        100.0,
        "BENCHMARKS.md: the page",
    ),
    printed(
        "100k: far scroll to rows filled: p95, ms",
        50.0,
        "BENCHMARKS.md: the page",
    ),
    printed(
        "100k: app process peak memory, scrolled end to end, MB",
        300.0,
        "BENCHMARKS.md: the page",
    ),
    printed(
        "100k: web view process peak memory, scrolled end to end, MB",
        300.0,
        "BENCHMARKS.md: the page",
    ),
    printed(
        "100k first load: web view cores on average",
        0.5,
        "BENCHMARKS.md: a first load",
    ),
    printed(
        "100k first load: most users the count trailed the bar of a second before",
        0.0,
        "BENCHMARKS.md: a first load",
    ),
];

/// One figure against its target.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    Met {
        measured: f64,
    },
    /// Over the target, within the noise allowed.
    WithinNoise {
        measured: f64,
    },
    Missed {
        measured: f64,
    },
    NotMeasured {
        why: String,
    },
}

impl Target {
    fn judge(&self, measured: Result<f64, String>) -> Verdict {
        match measured {
            Err(why) => Verdict::NotMeasured { why },
            Ok(measured) if measured <= self.at_most => Verdict::Met { measured },
            Ok(measured) if measured <= self.at_most * NOISE => Verdict::WithinNoise { measured },
            Ok(measured) => Verdict::Missed { measured },
        }
    }

    fn measured(&self, printed: &Figures) -> Result<f64, String> {
        match self.source {
            Source::Printed => printed
                .get(self.figure)
                .copied()
                .ok_or_else(|| "no benchmark printed it".to_owned()),
            Source::Criterion { group, function } => {
                figures::criterion_mean_ms(group, function).map_err(|e| format!("{e:#}"))
            }
        }
    }
}

/// Prints every target with its figure and verdict; fails naming each figure that missed its
/// target beyond the noise, or was not measured.
pub fn judge(printed: &Figures) -> anyhow::Result<()> {
    println!(
        "{:<76} {:>10} {:>9}  verdict",
        "figure", "measured", "target"
    );
    let mut failed = Vec::new();
    for target in &TARGETS {
        let verdict = target.judge(target.measured(printed));
        let (measured, word) = match &verdict {
            Verdict::Met { measured } => (format!("{measured:.3}"), "met".to_owned()),
            Verdict::WithinNoise { measured } => (
                format!("{measured:.3}"),
                format!("over, within ×{NOISE} noise"),
            ),
            Verdict::Missed { measured } => {
                failed.push(format!(
                    "{}: {measured:.3} over {} × {NOISE} ({})",
                    target.figure, target.at_most, target.why
                ));
                (format!("{measured:.3}"), "MISSED".to_owned())
            }
            Verdict::NotMeasured { why } => {
                failed.push(format!("{}: not measured ({why})", target.figure));
                ("–".to_owned(), "NOT MEASURED".to_owned())
            }
        };
        println!(
            "{:<76} {measured:>10} {:>9}  {word}",
            target.figure, target.at_most
        );
    }
    if !failed.is_empty() {
        bail!(
            "{} benchmark figure(s) missed their target:\n  {}",
            failed.len(),
            failed.join("\n  ")
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_passes_up_to_its_target_times_the_noise_and_fails_beyond() {
        let target = printed("x", 100.0, "test");
        assert_eq!(target.judge(Ok(99.0)), Verdict::Met { measured: 99.0 });
        assert_eq!(target.judge(Ok(100.0)), Verdict::Met { measured: 100.0 });
        assert_eq!(
            target.judge(Ok(125.0)),
            Verdict::WithinNoise { measured: 125.0 }
        );
        assert_eq!(target.judge(Ok(125.1)), Verdict::Missed { measured: 125.1 });
        assert_eq!(
            target.judge(Err("no".into())),
            Verdict::NotMeasured { why: "no".into() }
        );
    }

    #[test]
    fn a_target_of_zero_admits_no_noise() {
        let target = printed("429s", 0.0, "test");
        assert_eq!(target.judge(Ok(0.0)), Verdict::Met { measured: 0.0 });
        assert_eq!(target.judge(Ok(1.0)), Verdict::Missed { measured: 1.0 });
    }

    #[test]
    fn a_missing_figure_fails_the_run_by_its_name() {
        let error = judge(&Figures::new()).unwrap_err().to_string();
        assert!(
            error.contains(
                "fetch 100k users, one chain, 150 ms, 10/s: time over the floor: not measured"
            ),
            "{error}"
        );
    }

    #[test]
    fn every_figure_has_one_target() {
        let mut names: Vec<_> = TARGETS.iter().map(|t| t.figure).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), TARGETS.len());
    }
}
