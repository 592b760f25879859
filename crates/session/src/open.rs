//! The roster on screen: whose it is, its users indexed for the view, when it was loaded, and what
//! changed since the one before it.

use std::path::Path;
use std::sync::Arc;

use profiles::snapshot::{self, Owner};
use roster::Roster;
use zoom::PhoneUser;

use crate::{Account, History, RosterChanges};

pub struct OpenRoster {
    pub account: Account,
    pub roster: Roster,
    /// RFC 3339; `None` until the first load or snapshot.
    pub loaded_at: Option<String>,
    /// Opened from the roster kept on disk, not loaded from Zoom in this run.
    pub from_snapshot: bool,
    /// Since the roster before it, when there was one.
    pub history: History,
}

impl OpenRoster {
    /// An account with nothing loaded yet (the demo, before its first load).
    pub fn empty(account: Account) -> Self {
        OpenRoster {
            account,
            roster: Roster::new(Vec::new()),
            loaded_at: None,
            from_snapshot: false,
            history: History::known(None),
        }
    }

    /// The saved profile `owner` as last kept in `dir` (empty when it has no roster yet). The
    /// roster kept before that one is what its changes compare with: read when first asked, so
    /// that it does not delay showing this one. Reads and indexes a file of up to 100k users: call
    /// it off the async runtime.
    pub fn from_snapshot(dir: &Path, owner: Owner) -> Self {
        let (users, loaded_at) = match snapshot::load(dir, &owner) {
            Some((users, saved_at)) => (users, Some(saved_at)),
            None => (Vec::new(), None),
        };
        let dir = dir.to_owned();
        OpenRoster {
            account: Account::Profile(owner.profile.clone()),
            roster: Roster::new(users),
            from_snapshot: loaded_at.is_some(),
            loaded_at,
            history: History::later(move |now| {
                let (before, at) = snapshot::load_previous(&dir, &owner)?;
                RosterChanges::between(&before, Some(&at), now)
            }),
        }
    }

    /// The same account's roster as `users` (a load's, complete at `loaded_at`, or part of one
    /// while it runs), with `changes` since the roster before it.
    pub fn replaced_by(
        &self,
        users: Vec<PhoneUser>,
        loaded_at: Option<String>,
        changes: Option<Arc<RosterChanges>>,
    ) -> Self {
        OpenRoster {
            account: self.account.clone(),
            roster: Roster::new(users),
            from_snapshot: false,
            loaded_at: loaded_at.or_else(|| self.loaded_at.clone()),
            history: History::known(changes),
        }
    }

    /// What changed since the roster before this one; the first call may compare, so make it off
    /// the async runtime.
    pub fn changes(&self) -> Option<Arc<RosterChanges>> {
        self.history.get(self.roster.users())
    }

    /// What changed between this roster and `users`, newly loaded: for the demo, since its roster
    /// of a month ago. 100k users take a moment: off the async runtime.
    pub fn changes_to(&self, users: &[PhoneUser]) -> Option<Arc<RosterChanges>> {
        match &self.account {
            Account::Demo(demo) => {
                RosterChanges::between(&demo.previous, Some(&demo.previous_saved_at), users)
            }
            Account::Profile(_) => {
                RosterChanges::between(self.roster.users(), self.loaded_at.as_deref(), users)
            }
        }
    }
}
