//! `phone-roster changes`: who joined, left or changed since the profile's last saved roster, as a
//! file, then this roster saved in its place. The rosters are the app's snapshots (same folder,
//! same files), so a monthly job and the app see one history.

use std::sync::atomic::AtomicBool;

use profiles::snapshot;
use roster::ViewSpec;
use roster::changes::{ChangeCounts, ChangeSet};
use roster::export::export_table_to_path;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::args::ChangesArgs;
use crate::export::{check_output_dir, format};
use crate::failure::Failure;
use crate::load;

pub async fn run(args: ChangesArgs) -> Result<(), Failure> {
    let format = format(&args.output);
    check_output_dir(&args.output.output)?;
    let dir = snapshot::default_dir()?;

    let (users, owner) = load::fetch(&args.load).await?;
    let before = session::changes_since_saved(&dir, &owner, &users);
    let none = ChangeSet::new(Vec::new());
    let changes = before.as_ref().map_or(&none, |before| &before.set);
    // Every change, in the order `compare` gives: joined and changed as Zoom lists them, then left.
    let table = changes.table(&changes.rows(&ViewSpec::default(), &[]));
    let summary =
        export_table_to_path(&table, format, &args.output.output, &AtomicBool::new(false))?;

    // Saved only once the file is written: a failed run leaves the next one the same roster to
    // compare with, so no change goes unreported.
    snapshot::save(&dir, &owner, &session::now(), &users).map_err(|e| {
        Failure::File(format!(
            "Wrote {}, but could not save this roster in {} for the next comparison: {e}.",
            summary.path.display(),
            dir.display()
        ))
    })?;

    match before {
        Some(before) => println!("{}", summary_line(before.counts(), &before.since)),
        None => println!(
            "No saved roster to compare with yet; saved this one ({} phone users). The next run \
             lists what changed since now.",
            users.len()
        ),
    }
    eprintln!(
        "Wrote {} changes to {}.",
        summary.rows,
        summary.path.display()
    );
    Ok(())
}

/// `+12 joined · 3 left · 27 changed since 2026-11-28 09:14 UTC`.
fn summary_line(counts: ChangeCounts, saved_at: &str) -> String {
    format!(
        "+{} joined · {} left · {} changed since {}",
        counts.joined,
        counts.left,
        counts.changed,
        when(saved_at)
    )
}

/// An RFC 3339 time as people read it, to the minute, in UTC (the saved time's own zone).
fn when(saved_at: &str) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    OffsetDateTime::parse(saved_at, &Rfc3339)
        .ok()
        .and_then(|at| at.to_offset(time::UtcOffset::UTC).format(format).ok())
        .unwrap_or_else(|| saved_at.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_each_kind_since_the_saved_time() {
        let counts = ChangeCounts {
            joined: 12,
            left: 3,
            changed: 27,
        };
        assert_eq!(
            summary_line(counts, "2026-11-28T09:14:59.123456789Z"),
            "+12 joined · 3 left · 27 changed since 2026-11-28 09:14 UTC"
        );
        assert_eq!(when("2026-11-28T10:14:00+01:00"), "2026-11-28 09:14 UTC");
        assert_eq!(when("yesterday"), "yesterday");
    }
}
