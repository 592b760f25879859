//! What changed between the roster an admin saw before and the one on screen now: worked out once,
//! when a load finishes or (for a roster opened from its snapshot) when first asked, so the top
//! bar's summary and the Changes view only read it. Only the changed users are kept (a month's
//! changes are a few dozen out of thousands); the roster before is dropped once compared.

use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use roster::changes::{ChangeCounts, ChangeSet, compare};
use zoom::PhoneUser;

/// The changes since `since`, the time the roster before was saved or loaded (RFC 3339).
pub struct RosterChanges {
    pub set: ChangeSet,
    pub since: String,
}

impl RosterChanges {
    /// `None` when there is nothing to compare with: no roster before (a first load), or one of
    /// unknown age.
    pub fn between(
        before: &[PhoneUser],
        since: Option<&str>,
        after: &[PhoneUser],
    ) -> Option<Arc<Self>> {
        let since = since?;
        Some(Arc::new(RosterChanges {
            set: ChangeSet::new(compare(before, after)),
            since: since.to_owned(),
        }))
    }

    pub fn counts(&self) -> ChangeCounts {
        self.set.counts()
    }
}

/// Works out the changes from the roster on screen, on first ask.
type Compare = Box<dyn FnOnce(&[PhoneUser]) -> Option<Arc<RosterChanges>> + Send>;

/// An open roster's changes: known already, or worked out on first ask. Opening a profile shows its
/// snapshot at once; reading the snapshot saved before it (as large) and comparing need not delay
/// that, so they wait until the page asks.
pub struct History {
    known: OnceLock<Option<Arc<RosterChanges>>>,
    later: Mutex<Option<Compare>>,
}

impl History {
    pub fn known(changes: Option<Arc<RosterChanges>>) -> Self {
        History {
            known: OnceLock::from(changes),
            later: Mutex::new(None),
        }
    }

    pub fn later(
        compare: impl FnOnce(&[PhoneUser]) -> Option<Arc<RosterChanges>> + Send + 'static,
    ) -> Self {
        History {
            known: OnceLock::new(),
            later: Mutex::new(Some(Box::new(compare))),
        }
    }

    /// The changes of the roster `now` (the one this history belongs to). The first call after
    /// `later` compares, so call it off the async runtime; callers at the same time wait for it.
    pub fn get(&self, now: &[PhoneUser]) -> Option<Arc<RosterChanges>> {
        self.known
            .get_or_init(|| {
                // Taken once: get_or_init runs this closure at most once.
                let compare = self
                    .later
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .take();
                compare.and_then(|compare| compare(now))
            })
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(id: &str, cost_center: &str) -> PhoneUser {
        serde_json::from_value(serde_json::json!({
            "id": id, "name": id, "email": format!("{id}@example.com"), "cost_center": cost_center
        }))
        .unwrap()
    }

    #[test]
    fn a_later_history_compares_once_when_first_asked() {
        let calls = Arc::new(std::sync::atomic::AtomicU32::new(0));
        let counted = calls.clone();
        let history = History::later(move |now| {
            counted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            RosterChanges::between(&[], Some("2026-11-28T09:14:00Z"), now)
        });
        let now = [user("a", "1")];
        assert_eq!(history.get(&now).map(|c| c.counts().joined), Some(1));
        assert_eq!(history.get(&now).map(|c| c.counts().joined), Some(1));
        assert_eq!(calls.load(std::sync::atomic::Ordering::Relaxed), 1);
    }

    #[test]
    fn a_first_load_has_nothing_to_compare_with() {
        assert!(RosterChanges::between(&[], None, &[user("a", "1")]).is_none());
    }

    #[test]
    fn joined_left_and_changed_are_counted_since_the_roster_before() {
        let before = [user("a", "1"), user("b", "1"), user("c", "1")];
        let after = [user("a", "1"), user("b", "2"), user("d", "1")];
        let changes = RosterChanges::between(&before, Some("2026-11-28T09:14:00Z"), &after)
            .expect("a roster before");
        let counts = changes.counts();
        assert_eq!(
            (counts.joined, counts.left, counts.changed),
            (1, 1, 1),
            "d joined, c left, b moved"
        );
        assert_eq!(changes.since, "2026-11-28T09:14:00Z");
    }
}
