//! Named, timed steps: each prints its name before and its duration after, and a failure names
//! the step that failed so the reader knows where to look in the output above. Every step is also
//! written down, with how deep it ran inside others, for the table of where the time went
//! (`table`).

use std::path::Path;
use std::process::Command;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use anyhow::{Context, bail};

/// A step that ended: its name, how many steps it ran inside, its seconds and whether it passed.
struct Ran {
    name: String,
    depth: usize,
    seconds: f64,
    passed: bool,
}

/// The steps of a run, in the order they started.
struct Log {
    ran: Vec<Ran>,
    /// How many steps are running, one inside the other.
    depth: usize,
}

/// Where a step that has started will be written, and how deep it runs.
struct Started {
    at: usize,
    depth: usize,
}

impl Log {
    const fn new() -> Log {
        Log {
            ran: Vec::new(),
            depth: 0,
        }
    }

    fn start(&mut self) -> Started {
        self.depth += 1;
        Started {
            at: self.ran.len(),
            depth: self.depth - 1,
        }
    }

    /// Writes the step down before the steps it ran, which ended first.
    fn end(&mut self, started: Started, name: &str, seconds: f64, passed: bool) {
        self.depth = self.depth.saturating_sub(1);
        let ran = Ran {
            name: name.to_owned(),
            depth: started.depth,
            seconds,
            passed,
        };
        self.ran.insert(started.at, ran);
    }

    fn table(&self, total: f64) -> String {
        let mut lines = vec![format!("{:<92} {:>8} {:>6}", "step", "seconds", "share")];
        for step in &self.ran {
            let failed = if step.passed { "" } else { " (FAILED)" };
            let name = format!("{}{}{failed}", "  ".repeat(step.depth), step.name);
            let share = 100.0 * step.seconds / total.max(f64::EPSILON);
            lines.push(format!("{name:<92} {:>8.1} {share:>5.0}%", step.seconds));
        }
        lines.push(format!("{:<92} {total:>8.1} {:>5}%", "the whole run", 100));
        lines.join("\n")
    }
}

static LOG: Mutex<Log> = Mutex::new(Log::new());

fn log() -> MutexGuard<'static, Log> {
    LOG.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Runs `body` as the step `name`, printing the step's name and how long it took.
pub fn run(name: &str, body: impl FnOnce() -> anyhow::Result<()>) -> anyhow::Result<()> {
    println!("==> {name}");
    let step = log().start();
    let started = Instant::now();
    let result = body();
    let seconds = started.elapsed().as_secs_f64();
    log().end(step, name, seconds, result.is_ok());
    match result {
        Ok(()) => {
            println!("==> {name}: ok ({seconds:.1} s)");
            Ok(())
        }
        Err(error) => Err(error.context(format!("step `{name}` failed after {seconds:.1} s"))),
    }
}

/// Where the time went: every step so far in the order it started, those run inside another
/// indented under it, with its seconds and its share of the whole run (`total` seconds).
pub fn table(total: f64) -> String {
    log().table(total)
}

/// Runs a command to completion with inherited stdin/stdout/stderr; a non-zero exit is an error.
pub fn status(mut command: Command) -> anyhow::Result<()> {
    let shown = describe(&command);
    let status = command
        .status()
        .with_context(|| format!("could not start {shown}"))?;
    if !status.success() {
        bail!("{shown} exited with {status}");
    }
    Ok(())
}

/// `program arg…` as typed, for messages (Command's Debug adds quotes, directory and environment;
/// a program given by path, like cargo from $CARGO, shows by name).
pub fn describe(command: &Command) -> String {
    let program = Path::new(command.get_program())
        .file_name()
        .unwrap_or(command.get_program());
    std::iter::once(program)
        .chain(command.get_args())
        .map(|part| part.to_string_lossy())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_lists_steps_in_order_with_those_inside_indented_under_them() {
        let mut log = Log::new();
        let outer = log.start();
        let inside = log.start();
        log.end(inside, "inside", 1.0, true);
        let fails = log.start();
        log.end(fails, "fails", 2.0, false);
        log.end(outer, "outer", 4.0, false);
        let next = log.start();
        log.end(next, "next", 4.0, true);
        let table = log.table(10.0);
        let rows: Vec<String> = table
            .lines()
            .map(|row| row.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(
            rows,
            [
                "step seconds share",
                "outer (FAILED) 4.0 40%",
                "inside 1.0 10%",
                "fails (FAILED) 2.0 20%",
                "next 4.0 40%",
                "the whole run 10.0 100%",
            ]
        );
        let indented: Vec<bool> = table.lines().map(|row| row.starts_with("  ")).collect();
        assert_eq!(indented, [false, false, true, true, false, false]);
    }
}
