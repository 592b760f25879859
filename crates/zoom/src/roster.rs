//! Fetching users: one chain (`users`) or the full roster (the default chain, or its sites'
//! chains side by side, plus the `status=pending` chain, which the default leaves out), merged so
//! each user comes once. The site split is in site_split.rs.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::Mutex;

use futures::Stream;
use serde_json::Value;

use crate::client::Client;
use crate::error::Error;
use crate::events::{Emitter, FetchEvent, event_stream};
use crate::filter::UserFilter;
use crate::models::{PhoneUser, UsersPage};
use crate::pagination::PageChain;

impl Client {
    /// One chain of `GET /phone/users` with `filter`, each user once; drop the stream to cancel.
    pub fn users(
        &self,
        filter: UserFilter,
    ) -> impl Stream<Item = Result<FetchEvent, Error>> + Send + Unpin + 'static {
        let client = self.clone();
        event_stream(move |emit| fetch(client, vec![Chain::of(filter)], emit))
    }
}

/// One chain of a fetch.
pub(crate) struct Chain {
    pub filter: UserFilter,
    /// Filled in where Zoom leaves `status` out (the pending chain's users are pending).
    pub default_status: Option<&'static str>,
}

impl Chain {
    pub fn of(filter: UserFilter) -> Self {
        Self {
            filter,
            default_status: None,
        }
    }

    pub fn pending() -> Self {
        Self {
            filter: UserFilter::pending(),
            default_status: Some("pending"),
        }
    }
}

/// The most users one fetch holds, whatever the server's own count says: thirty times the largest
/// accounts reported, and about 2 GB of memory. A server that sends more is refused in words.
pub const MAX_USERS_PER_LOAD: u32 = 2_000_000;

/// What the chains of one fetch share: who was yielded, and each chain's `total_records`.
pub(crate) struct Merge {
    seen: HashSet<String>,
    totals: Vec<Option<u32>>,
    limit: u32,
}

impl Merge {
    pub fn new(chains: usize) -> Mutex<Merge> {
        Self::with_limit(chains, MAX_USERS_PER_LOAD)
    }

    fn with_limit(chains: usize, limit: u32) -> Mutex<Merge> {
        Mutex::new(Merge {
            seen: HashSet::new(),
            totals: vec![None; chains],
            limit,
        })
    }

    /// Stops counting `chain`'s total in the fetch's (its users are counted by other chains).
    pub fn forget_total(&mut self, chain: usize) {
        if let Some(total) = self.totals.get_mut(chain) {
            *total = None;
        }
    }

    /// Keeps the users not yielded before; returns them with the best known total. A chain
    /// numbered past those the merge was made for (a site found later) is added. More users in all
    /// than the limit ends the fetch.
    fn admit(
        &mut self,
        chain: usize,
        total: Option<u32>,
        users: Vec<PhoneUser>,
    ) -> Result<FetchEvent, Error> {
        if chain >= self.totals.len() {
            self.totals.resize(chain + 1, None);
        }
        if total.is_some() {
            self.totals[chain] = total;
        }
        let users: Vec<_> = users
            .into_iter()
            .filter(|u| self.seen.insert(dedup_key(u).into_owned()))
            .collect();
        // Totals come from the server: add them without trusting them not to overflow.
        let reported = self
            .totals
            .iter()
            .flatten()
            .fold(0u32, |sum, total| sum.saturating_add(*total));
        let seen = u32::try_from(self.seen.len()).unwrap_or(u32::MAX);
        if seen > self.limit {
            return Err(Error::TooManyUsers { limit: self.limit });
        }
        Ok(FetchEvent::Users {
            users,
            total: reported.max(seen),
        })
    }
}

/// The user id; a user without one is keyed by its whole record, so it is kept but not doubled.
fn dedup_key(user: &PhoneUser) -> Cow<'_, str> {
    if user.id.is_empty() {
        Cow::Owned(serde_json::to_string(user).unwrap_or_default())
    } else {
        Cow::Borrowed(&user.id)
    }
}

/// Runs the chains side by side (they share the client's rate limiter) until all are done.
async fn fetch(client: Client, chains: Vec<Chain>, emit: Emitter) -> Result<(), Error> {
    let merge = Merge::new(chains.len());
    let runs = chains.iter().enumerate().map(|(i, chain)| {
        let (client, merge, emit) = (&client, &merge, &emit);
        async move {
            let mut pages = chain.pages(client);
            chain.run(&mut pages, i, merge, emit, None).await
        }
    });
    futures::future::try_join_all(runs).await?;
    Ok(())
}

impl Chain {
    /// The chain's pages, from the first.
    pub fn pages<'a>(&self, client: &'a Client) -> PageChain<'a> {
        PageChain::new(client, "/phone/users", self.filter.query())
    }

    /// Yields the users of `pages` (its next page on) as chain number `index` of the fetch, and
    /// adds their ids to `covered` when given.
    pub async fn run(
        &self,
        pages: &mut PageChain<'_>,
        index: usize,
        merge: &Mutex<Merge>,
        emit: &Emitter,
        covered: Option<&Mutex<HashSet<String>>>,
    ) -> Result<(), Error> {
        while let Some(page) = pages.next_page::<UsersPage>(emit).await? {
            self.admit(page, index, merge, emit, covered).await?;
        }
        Ok(())
    }

    /// Yields the users of one page not yielded before, with the fetch's best known total.
    pub async fn admit(
        &self,
        page: UsersPage,
        index: usize,
        merge: &Mutex<Merge>,
        emit: &Emitter,
        covered: Option<&Mutex<HashSet<String>>>,
    ) -> Result<(), Error> {
        let users = parse_users(page.users, self.default_status);
        if let Some(covered) = covered {
            let mut covered = covered.lock().unwrap_or_else(|e| e.into_inner());
            covered.extend(users.iter().map(|u| dedup_key(u).into_owned()));
        }
        let event = merge.lock().unwrap_or_else(|e| e.into_inner()).admit(
            index,
            page.total_records,
            users,
        )?;
        emit.emit(event).await;
        Ok(())
    }
}

/// One malformed record is skipped and logged; it never fails its page.
fn parse_users(values: Vec<Value>, default_status: Option<&str>) -> Vec<PhoneUser> {
    values
        .into_iter()
        .filter_map(|value| match serde_json::from_value::<PhoneUser>(value) {
            Ok(mut user) => {
                if user.status.is_none() {
                    user.status = default_status.map(Into::into);
                }
                Some(user)
            }
            Err(error) => {
                tracing::warn!(%error, "skipped a user record Zoom sent in an unreadable shape");
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn user(id: &str) -> PhoneUser {
        PhoneUser {
            id: id.into(),
            ..Default::default()
        }
    }

    fn merge(chains: usize) -> Merge {
        Merge::new(chains).into_inner().unwrap()
    }

    #[test]
    fn more_users_than_the_limit_end_the_fetch_whatever_the_server_counts() {
        let mut merge = Merge::with_limit(1, 3).into_inner().unwrap();
        merge.admit(0, Some(2), vec![user("a"), user("b")]).unwrap();
        merge.admit(0, Some(2), vec![user("c")]).unwrap();
        let error = merge.admit(0, Some(2), vec![user("d")]).unwrap_err();
        assert!(
            matches!(error, Error::TooManyUsers { limit: 3 }),
            "{error:?}"
        );
        assert!(
            error.to_string().contains("more than 3 phone users"),
            "{error}"
        );
    }

    fn ids(event: &FetchEvent) -> (Vec<&str>, u32) {
        let FetchEvent::Users { users, total } = event else {
            panic!("expected users")
        };
        (users.iter().map(|u| u.id.as_str()).collect(), *total)
    }

    #[test]
    fn users_are_yielded_once_across_pages_and_chains() {
        let mut merge = merge(2);
        let first = merge.admit(0, Some(3), vec![user("a"), user("b")]).unwrap();
        assert_eq!(ids(&first), (vec!["a", "b"], 3));
        let restarted = merge
            .admit(0, Some(3), vec![user("a"), user("b"), user("c")])
            .unwrap();
        assert_eq!(ids(&restarted), (vec!["c"], 3));
        let pending = merge.admit(1, Some(2), vec![user("c"), user("d")]).unwrap();
        assert_eq!(ids(&pending), (vec!["d"], 5));
    }

    #[test]
    fn the_total_is_never_below_what_was_yielded() {
        let mut merge = merge(1);
        assert_eq!(
            ids(&merge.admit(0, None, vec![user("a"), user("b")]).unwrap()).1,
            2
        );
        assert_eq!(ids(&merge.admit(0, Some(1), vec![user("c")]).unwrap()).1, 3);
    }

    #[test]
    fn totals_a_server_inflates_do_not_overflow() {
        let mut merge = merge(2);
        merge.admit(0, Some(u32::MAX), vec![user("a")]).unwrap();
        assert_eq!(
            ids(&merge.admit(1, Some(7), vec![user("b")]).unwrap()).1,
            u32::MAX
        );
    }

    #[test]
    fn users_without_id_are_kept_but_not_doubled() {
        let mut merge = merge(1);
        let anonymous = PhoneUser {
            name: Some("No Id".into()),
            ..Default::default()
        };
        assert_eq!(
            ids(&merge.admit(0, None, vec![anonymous.clone()]).unwrap())
                .0
                .len(),
            1
        );
        assert_eq!(
            ids(&merge.admit(0, None, vec![anonymous]).unwrap()).0.len(),
            0
        );
    }

    #[test]
    fn pending_users_without_status_are_marked_pending() {
        let values = vec![
            json!({"id": "p1"}),
            json!({"id": "p2", "status": "activate"}),
            json!("junk"),
        ];
        let users = parse_users(values, Some("pending"));
        let statuses: Vec<_> = users.iter().map(|u| u.status.as_deref()).collect();
        assert_eq!(statuses, vec![Some("pending"), Some("activate")]);
    }
}
