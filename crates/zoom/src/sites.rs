//! `GET /phone/sites`, every page.

use std::collections::HashSet;

use crate::client::Client;
use crate::error::Error;
use crate::events::Emitter;
use crate::filter::PAGE_SIZE;
use crate::models::{Site, SitesPage};
use crate::pagination::PageChain;

impl Client {
    /// Every Zoom Phone site of the account, each once, in Zoom's order.
    pub async fn sites(&self) -> Result<Vec<Site>, Error> {
        let emit = Emitter::discard();
        let mut pages = PageChain::new(
            self,
            "/phone/sites",
            vec![("page_size", PAGE_SIZE.to_string())],
        );
        let mut seen = HashSet::new();
        let mut sites = Vec::new();
        while let Some(page) = pages.next_page::<SitesPage>(&emit).await? {
            for value in page.sites {
                match serde_json::from_value::<Site>(value) {
                    Ok(site) if seen.insert(site.id.clone()) => sites.push(site),
                    Ok(_) => {}
                    Err(error) => tracing::warn!(%error, "skipped an unreadable site record"),
                }
            }
        }
        Ok(sites)
    }
}
