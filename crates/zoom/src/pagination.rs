//! Walking a `next_page_token` chain, restarting from page 1 when Zoom's page token expires
//! (tokens live 15 minutes; a long, rate-limited export can outlive one).

use serde::de::DeserializeOwned;

use crate::client::Client;
use crate::error::Error;
use crate::events::{Emitter, FetchEvent};
use crate::models::{SitesPage, UsersPage};
use crate::page_guard::PageGuard;

pub(crate) trait Page: DeserializeOwned {
    fn next_page_token(&self) -> Option<&str>;
    fn total_records(&self) -> Option<u32>;
}

impl Page for UsersPage {
    fn next_page_token(&self) -> Option<&str> {
        self.next_page_token.as_deref()
    }

    fn total_records(&self) -> Option<u32> {
        self.total_records
    }
}

impl Page for SitesPage {
    fn next_page_token(&self) -> Option<&str> {
        self.next_page_token.as_deref()
    }

    fn total_records(&self) -> Option<u32> {
        self.total_records
    }
}

/// One chain of pages. Callers de-duplicate: after a restart, page 1 comes again.
pub(crate) struct PageChain<'a> {
    client: &'a Client,
    path: &'static str,
    /// Sent unchanged with every page: Zoom rejects a page token whose other parameters differ.
    query: Vec<(&'static str, String)>,
    next_token: Option<String>,
    guard: PageGuard,
    restarts: u32,
    done: bool,
}

impl<'a> PageChain<'a> {
    pub fn new(client: &'a Client, path: &'static str, query: Vec<(&'static str, String)>) -> Self {
        Self {
            client,
            path,
            query,
            next_token: None,
            guard: PageGuard::default(),
            restarts: 0,
            done: false,
        }
    }

    /// Whether the last page has come.
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// The next page, or `None` after the last one.
    pub async fn next_page<P: Page>(&mut self, emit: &Emitter) -> Result<Option<P>, Error> {
        if self.done {
            return Ok(None);
        }
        loop {
            let mut query = self.query.clone();
            if let Some(token) = &self.next_token {
                query.push(("next_page_token", token.clone()));
            }
            match self.client.get_json::<P>(self.path, &query, emit).await {
                Ok(page) => {
                    self.next_token = page
                        .next_page_token()
                        .filter(|t| !t.is_empty())
                        .map(str::to_owned);
                    if let Some(token) = &self.next_token {
                        self.guard.admit(page.total_records(), token)?;
                    }
                    self.done = self.next_token.is_none();
                    return Ok(Some(page));
                }
                Err(error)
                    if self.next_token.is_some()
                        && error.is_expired_page_token()
                        && self.restarts < self.client.inner.options.max_page_token_restarts =>
                {
                    self.restarts += 1;
                    self.next_token = None;
                    self.guard = PageGuard::default();
                    tracing::warn!(
                        path = self.path,
                        restarts = self.restarts,
                        "page token expired"
                    );
                    let reason = "Zoom's page token expired; starting again from page 1".into();
                    let wait = std::time::Duration::ZERO;
                    emit.emit(FetchEvent::Retrying {
                        reason,
                        attempt: self.restarts,
                        wait,
                    })
                    .await;
                }
                Err(error) => return Err(error),
            }
        }
    }
}
