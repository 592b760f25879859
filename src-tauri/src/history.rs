//! What changed between the roster an admin saw before and the one on screen now: worked out once,
//! when a roster is opened or a load finishes, so the top bar's summary and the Changes view only
//! read it. Only the changed users are kept (a month's changes are a few dozen out of thousands);
//! the roster before is dropped once compared.

use std::sync::Arc;

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
