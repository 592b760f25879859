//! Fetch the whole roster from Zoom with progress on stderr; Ctrl-C or the `--timeout` deadline
//! stops it and nothing is written.

use std::time::{Duration, Instant};

use profiles::snapshot::Owner;
use session::{Fetched, LoadObserver};
use zoom::PhoneUser;

use crate::args::LoadArgs;
use crate::failure::Failure;
use crate::progress::Progress;
use crate::{connection, deadline};

/// Connects as `--profile` (or with the ZOOM_* variables) and fetches every phone user; answers
/// them with whose roster it is, for the snapshots `changes` keeps.
pub async fn fetch(args: &LoadArgs) -> Result<(Vec<PhoneUser>, Owner), Failure> {
    let connection = connection::resolve(args.profile.profile.as_deref())?;
    let owner = connection.snapshot_owner();
    let options = zoom::ClientOptions {
        rate_limit_per_sec: args.rate_limit,
        ..Default::default()
    };
    let client = zoom::Client::new(connection.credentials, connection.endpoints, options)?;
    Ok((load_roster(&client, args.timeout).await?, owner))
}

async fn load_roster(
    client: &zoom::Client,
    timeout: Option<Duration>,
) -> Result<Vec<PhoneUser>, Failure> {
    let started = Instant::now();
    let mut progress = Progress::new();
    let stop = async {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => Stop::Interrupted,
            () = deadline::expiry(timeout) => Stop::TimedOut,
        }
    };
    match session::fetch_roster(client, &mut progress, stop).await {
        Fetched::Complete(users) => {
            progress.finish(count(&users), started.elapsed());
            Ok(users)
        }
        Fetched::Failed { error, .. } => {
            progress.clear();
            Err(error.into())
        }
        Fetched::Stopped { why, loaded } => {
            progress.clear();
            Err(match why {
                Stop::Interrupted => Failure::Interrupted,
                Stop::TimedOut => timed_out(timeout.unwrap_or_default(), loaded),
            })
        }
    }
}

/// Why a load stopped before Zoom had sent every user.
enum Stop {
    Interrupted,
    TimedOut,
}

impl LoadObserver for Progress {
    fn users(&mut self, loaded: &[PhoneUser], total: u32) {
        self.loaded(count(loaded), total);
    }

    fn rate_limited(&mut self, wait: Duration) {
        self.note(format!(
            "Waiting {:.0} s for Zoom's rate limit…",
            wait.as_secs_f64().ceil()
        ));
    }

    fn retrying(&mut self, reason: &str, attempt: u32, _wait: Duration) {
        self.note(format!("Retrying ({reason}), attempt {attempt}…"));
    }
}

fn timed_out(limit: Duration, loaded: usize) -> Failure {
    Failure::Zoom(format!(
        "The export did not finish within {} ({loaded} phone users loaded by then); no file was \
         written. Zoom may be slow or unreachable: try again later, or allow more with --timeout.",
        deadline::describe(limit)
    ))
}

fn count(users: &[PhoneUser]) -> u32 {
    u32::try_from(users.len()).unwrap_or(u32::MAX)
}
