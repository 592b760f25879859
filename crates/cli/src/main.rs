//! `phone-roster`: the command-line twin of the desktop app, for scheduled exports.

mod accounts;
mod args;
mod changes;
mod connection;
mod deadline;
mod export;
mod failure;
mod load;
mod progress;
mod prompt;
mod report;
mod unknown_values;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::failure::Failure;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("Could not start: {e}.");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{failure}");
            failure.exit_code()
        }
    }
}

async fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Login(args) => accounts::login(args).await,
        Command::Logout(args) => accounts::logout(args),
        Command::Profiles => accounts::profiles(),
        Command::Sites(args) => accounts::sites(args).await,
        Command::Export(args) => export::run(args).await,
        Command::Changes(args) => changes::run(args).await,
        Command::Report(args) => report::run(args).await,
    }
}
