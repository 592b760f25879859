//! What the page shows of the open roster above the table: whose it is, how many users, how fresh.

use serde::Serialize;
use session::OpenRoster;
use specta::Type;

use crate::ipc::count;

/// What the table shows: whose roster, how many users, and how fresh.
#[derive(Debug, Clone, Serialize, Type)]
pub struct RosterStatus {
    pub profile: String,
    pub is_demo: bool,
    pub users: u32,
    pub loaded_at: Option<String>,
    pub from_snapshot: bool,
}

impl RosterStatus {
    pub fn of(open: &OpenRoster) -> Self {
        RosterStatus {
            profile: open.account.name().to_owned(),
            is_demo: open.account.is_demo(),
            users: count(open.roster.len()),
            loaded_at: open.loaded_at.clone(),
            from_snapshot: open.from_snapshot,
        }
    }
}
