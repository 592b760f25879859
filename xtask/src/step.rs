//! Named, timed steps: each prints its name before and its duration after, and a failure names
//! the step that failed so the reader knows where to look in the output above.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, bail};

/// Runs `body` as the step `name`, printing the step's name and how long it took.
pub fn run(name: &str, body: impl FnOnce() -> anyhow::Result<()>) -> anyhow::Result<()> {
    println!("==> {name}");
    let started = Instant::now();
    let result = body();
    let seconds = started.elapsed().as_secs_f64();
    match result {
        Ok(()) => {
            println!("==> {name}: ok ({seconds:.1} s)");
            Ok(())
        }
        Err(error) => Err(error.context(format!("step `{name}` failed after {seconds:.1} s"))),
    }
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
