//! Project automation, run as `cargo xtask <command>` (alias in .cargo/config.toml).
//! std and anyhow, plus three small crates for the release's updater (updater.rs): it builds in
//! seconds before anything else.

mod app;
mod bench;
mod bundle;
mod demo;
mod deps;
mod figures;
mod install_check;
mod keyring_session;
mod linted;
mod mutants;
mod notices;
mod portable;
mod program;
mod soak;
mod step;
mod targets;
mod test;
mod test_binaries;
mod tidy;
mod tools;
mod ui;
mod updater;
mod workflows;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  test                      install what is missing (apt packages, tauri-driver, npm packages),
                            build ui/, then tidy, cargo fmt --check, clippy (-D warnings), every Rust
                            test inside a fresh Secret Service (incl. the bindings check; builds
                            the app once), `portable`, svelte-check, vitest, the end-to-end suite,
                            actionlint on .github/workflows, then `bundle` and `install-check`
  e2e                       the end-to-end suite alone (builds what it needs); screenshots go
                            to target/screenshots/
  screenshots               the end-to-end suite, refreshing docs/screenshots/ (commit them)
  bindings                  write ui/src/lib/bindings.ts from the app's commands and types
  tidy                      check the code's conventions: an opening comment in every module,
                            no unexplained unwrap()/expect() outside tests, no file over 400
                            lines without a reason at its top, Unix-only code gated away from
                            Windows and macOS, programs started through xtask's helper,
                            one-system crates in target tables, the bindings current
  bundle                    release build of the app and the CLI as .deb and .rpm in
                            target/release/bundle/ (binaries stripped; debug info in
                            target/release/symbols/)
  install-check             install the .deb with apt, run the CLI, open the installed app under
                            Xvfb, then remove the package (needs root or sudo)
  lint-workflows            actionlint (with shellcheck) on .github/workflows
  notices                   THIRD-PARTY-NOTICES.txt (licences of every shipped Rust crate and
                            npm package), made again when the lockfiles changed; commit it
  portable                  the checks CI runs on Windows and macOS (and `test` runs here): Rust
                            tests that need no desktop session or keychain, clippy (-D warnings),
                            a build of the app
  ship-binaries             run by the Tauri CLI before it packages (tauri.linux.conf.json): the
                            CLI's release build, debug info split off, binaries stripped
  updater-key-check         sign a probe with the release's updater key (TAURI_SIGNING_PRIVATE_KEY
                            and its password) and verify it with tauri.conf.json's public key
  updater-manifest --assets DIR --version V --pub-date DATE --url-base URL [--notes T] --output F
                            latest.json from the signed assets of a release (release.yml)
  demo                      install what is missing, build the app and open it on the demo account
  bench                     every benchmark, each figure against its target (xtask/src/targets.rs):
                            fails naming a figure over its target x 1.25 (extra arguments go to
                            cargo bench)
  mutants                   cargo-mutants over the guards (xtask/src/mutants.rs): fails on a
                            surviving mutant without a reason in docs/mutants.md (~30 min)
  soak                      100,000 users under a fault every 50 requests, through the CLI and the
                            app's load command: every user once, every field intact (minutes)
  keyring-run -- CMD [ARG]  run one command inside a fresh Secret Service, e.g.
                            cargo xtask keyring-run -- cargo test -p profiles
";

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let command = args.next();
    let rest: Vec<OsString> = args.collect();
    let result = match command.as_ref().and_then(|c| c.to_str()) {
        Some("test") if rest.is_empty() => test::run(),
        Some("e2e") if rest.is_empty() => test::end_to_end_only(),
        Some("screenshots") if rest.is_empty() => test::screenshots(),
        Some("bindings") if rest.is_empty() => app::write_bindings(),
        Some("tidy") if rest.is_empty() => tidy::run(),
        Some("demo") if rest.is_empty() => demo::run(),
        Some("bundle") if rest.is_empty() => bundle::run(),
        Some("install-check") if rest.is_empty() => install_check::run(),
        Some("notices") if rest.is_empty() => notices::run(),
        Some("lint-workflows") if rest.is_empty() => workflows::lint(),
        Some("portable") if rest.is_empty() => portable::run(),
        Some("ship-binaries") if rest.is_empty() => bundle::ship_binaries(),
        Some("updater-key-check") if rest.is_empty() => updater::key_check(),
        Some("updater-manifest") => updater::manifest(&rest),
        Some("bench") => bench::run(&rest),
        Some("soak") if rest.is_empty() => soak::run(),
        Some("mutants") if rest.is_empty() => mutants::run(),
        Some("keyring-run") => keyring_run(&rest),
        Some("help" | "-h" | "--help") => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// `keyring-run -- CMD ARGS…`: for running a single test file against a real keychain.
fn keyring_run(args: &[OsString]) -> anyhow::Result<()> {
    let args = args
        .strip_prefix(&[OsString::from("--")][..])
        .unwrap_or(args);
    let Some((program, program_args)) = args.split_first() else {
        anyhow::bail!(
            "keyring-run needs a command to run, e.g. `cargo xtask keyring-run -- cargo test -p roster`"
        );
    };
    let mut command = program::command(program);
    command.args(program_args).current_dir(workspace_root());
    step::run("command in a fresh Secret Service", || {
        keyring_session::run(command)
    })
}

/// The workspace root, so that every command behaves the same from any directory.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        // xtask/ is a member of the workspace by its Cargo.toml: it always has a parent.
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// `cargo` as a command, preferring the cargo that runs us (rustup toolchain overrides).
fn cargo() -> std::process::Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = program::command(cargo);
    command.current_dir(workspace_root());
    command
}
