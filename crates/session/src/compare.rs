//! Comparing a load with the roster kept before it: the app and the CLI keep each load's roster
//! in the same folder under the same owner (`profiles::snapshot`), so that a monthly job and the
//! app see one history.

use std::path::Path;
use std::sync::Arc;

use profiles::snapshot::{self, Owner};
use zoom::PhoneUser;

use crate::RosterChanges;

/// Now, as rosters are stamped (RFC 3339, UTC).
pub fn now() -> String {
    rfc3339(time::OffsetDateTime::now_utc())
}

pub(crate) fn rfc3339(at: time::OffsetDateTime) -> String {
    // Formatting a valid date as RFC 3339 fails only for years outside 0..=9999.
    at.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// What changed between the roster `owner` saved last and `users`; `None` when none was saved.
pub fn changes_since_saved(
    dir: &Path,
    owner: &Owner,
    users: &[PhoneUser],
) -> Option<Arc<RosterChanges>> {
    let (before, saved_at) = snapshot::load(dir, owner)?;
    RosterChanges::between(&before, Some(&saved_at), users)
}
