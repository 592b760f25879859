//! Fetch the whole roster from Zoom with progress on stderr; Ctrl-C or the `--timeout` deadline
//! stops it and nothing is written.

use std::time::{Duration, Instant};

use futures::StreamExt;
use profiles::snapshot::Owner;
use zoom::{FetchEvent, PhoneUser};

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
    let mut users = Vec::new();
    let stream = client.roster();
    futures::pin_mut!(stream);
    let interrupted = tokio::signal::ctrl_c();
    futures::pin_mut!(interrupted);
    let expired = deadline::expiry(timeout);
    futures::pin_mut!(expired);
    loop {
        let event = tokio::select! {
            _ = &mut interrupted => {
                progress.clear();
                return Err(Failure::Interrupted);
            }
            () = &mut expired => {
                progress.clear();
                return Err(timed_out(timeout.unwrap_or_default(), users.len()));
            }
            event = stream.next() => event,
        };
        match event {
            None => break,
            Some(Err(error)) => {
                progress.clear();
                return Err(error.into());
            }
            Some(Ok(FetchEvent::Users {
                users: batch,
                total,
            })) => {
                users.extend(batch);
                progress.loaded(count(&users), total);
            }
            Some(Ok(FetchEvent::RateLimited { wait })) => progress.note(format!(
                "Waiting {:.0} s for Zoom's rate limit…",
                wait.as_secs_f64().ceil()
            )),
            Some(Ok(FetchEvent::Retrying {
                reason, attempt, ..
            })) => progress.note(format!("Retrying ({reason}), attempt {attempt}…")),
        }
    }
    progress.finish(count(&users), started.elapsed());
    Ok(users)
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
