//! The whole roster faster than one chain of pages can bring it. Zoom allows 10 requests a second
//! (20 on some plans), but a chain waits for each answer before it can ask for the next page, so at
//! 150 ms an answer it uses 6–7. When the account has several sites, their chains (`site_id=…`) run
//! side by side, sharing the client's rate limiter, and keep it busy.
//!
//! Only when they provably bring every user: some accounts have users without a site, whom no
//! site's chain lists. The sites' totals must add up to the unfiltered list's total (from its first
//! page, asked for beside the sites), and at the end the users they brought must be that many.
//! Otherwise the unfiltered list's own chain loads the rest, and the log says why. The pending
//! chain (which the unfiltered list leaves out) runs beside all of this.

use std::collections::HashSet;
use std::sync::Mutex;

use futures::future::Either;

use crate::client::Client;
use crate::error::Error;
use crate::events::{Emitter, FetchEvent, event_stream};
use crate::filter::UserFilter;
use crate::models::{Site, UsersPage};
use crate::pagination::PageChain;
use crate::roster::{Chain, Merge};

/// Chain numbers in the merge; site chains follow.
const PENDING: usize = 0;
const WHOLE_LIST: usize = 1;
const FIRST_SITE: usize = 2;

impl Client {
    /// Every phone user, each once: the pending chain beside the default chain, which is split
    /// by site when that provably covers every user.
    pub fn roster(
        &self,
    ) -> impl futures::Stream<Item = Result<FetchEvent, Error>> + Send + Unpin + 'static {
        let client = self.clone();
        event_stream(move |emit| full_roster(client, emit))
    }
}

async fn full_roster(client: Client, emit: Emitter) -> Result<(), Error> {
    let merge = Merge::new(FIRST_SITE);
    let pending = Chain::pending();
    let pending_run = async {
        let mut pages = pending.pages(&client);
        pending.run(&mut pages, PENDING, &merge, &emit, None).await
    };
    futures::future::try_join(pending_run, whole_list(&client, &merge, &emit)).await?;
    Ok(())
}

/// The users the unfiltered list holds: through the sites' chains when they cover it, else
/// through the list's own chain. That chain goes on while the sites' first pages are asked for,
/// so an account whose sites do not cover it loads as fast as one chain can; it stops when they
/// do.
async fn whole_list(client: &Client, merge: &Mutex<Merge>, emit: &Emitter) -> Result<(), Error> {
    let whole = Chain::of(UserFilter::default());
    let mut pages = whole.pages(client);
    let (first, sites) =
        futures::future::join(pages.next_page::<UsersPage>(emit), client.sites()).await;
    let Some(first) = first? else {
        return Ok(());
    };
    let expected = first.total_records;
    let has_siteless = first.users.iter().any(|user| site_id(user).is_none());
    whole.admit(first, WHOLE_LIST, merge, emit, None).await?;
    let sites = sites.unwrap_or_else(|error| {
        tracing::warn!(%error, "could not list the phone sites; loading users as one chain");
        Vec::new()
    });
    if has_siteless {
        // Their sites cannot cover the account: asking them would only slow the one chain.
        tracing::info!("users without a site on the first page; loading users as one chain");
    }
    let most = client.inner.options.max_site_chains;
    if sites.len() > most {
        tracing::info!(
            sites = sites.len(),
            "more sites than chains can help; loading users as one chain"
        );
    }
    let splits = (2..=most).contains(&sites.len());
    let Some(expected) = expected.filter(|_| splits && !pages.is_done() && !has_siteless) else {
        return whole.run(&mut pages, WHOLE_LIST, merge, emit, None).await;
    };
    let probed = {
        let probe = std::pin::pin!(probe_sites(client, &sites, expected, emit));
        let rest = std::pin::pin!(whole.run(&mut pages, WHOLE_LIST, merge, emit, None));
        match futures::future::select(probe, rest).await {
            Either::Left((Some(probed), _)) => probed,
            Either::Left((None, rest)) => return rest.await,
            Either::Right((done, _)) => return done,
        }
    };
    // The whole list's chain has stopped (dropped above, mid-request or not): its users so far
    // are kept, its total no longer counts, and it can go on from where it was if need be.
    merge
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .forget_total(WHOLE_LIST);
    if load_sites(probed, expected, merge, emit).await {
        return Ok(());
    }
    whole.run(&mut pages, WHOLE_LIST, merge, emit, None).await
}

/// A user record's site id, when it has one.
fn site_id(user: &serde_json::Value) -> Option<&str> {
    let id = user.get("site")?.get("id")?.as_str()?;
    (!id.is_empty()).then_some(id)
}

/// The sites' chains, each with its first page asked for, once those show they cover the list.
struct Probed<'a> {
    chains: Vec<Chain>,
    pages: Vec<PageChain<'a>>,
    firsts: Vec<UsersPage>,
}

/// Sites' first pages asked for at once.
const PROBES_AT_ONCE: usize = 8;

/// Asks the sites' first pages, `PROBES_AT_ONCE` at a time (a batch waits for its slowest); `Some` when their totals add up to
/// `expected`.
async fn probe_sites<'a>(
    client: &'a Client,
    sites: &[Site],
    expected: u32,
    emit: &Emitter,
) -> Option<Probed<'a>> {
    let chains: Vec<Chain> = sites
        .iter()
        .map(|site| {
            Chain::of(UserFilter {
                site_id: Some(site.id.to_string()),
                ..UserFilter::default()
            })
        })
        .collect();
    let mut pages: Vec<PageChain> = chains.iter().map(|chain| chain.pages(client)).collect();
    let mut firsts = Vec::with_capacity(pages.len());
    for batch in pages.chunks_mut(PROBES_AT_ONCE) {
        let asked = batch.iter_mut().map(|p| p.next_page::<UsersPage>(emit));
        firsts.extend(futures::future::join_all(asked).await);
    }
    let firsts: Vec<UsersPage> = match firsts.into_iter().collect::<Result<Vec<_>, _>>() {
        Ok(firsts) => firsts.into_iter().flatten().collect(),
        // A site the app's admin role does not cover, or any other trouble: the whole list's own
        // chain goes on, and meets a real problem itself.
        Err(error) => {
            tracing::warn!(%error, "a site's users could not be listed; loading users as one chain");
            return None;
        }
    };
    let listed = firsts.iter().fold(0u32, |sum, page| {
        sum.saturating_add(page.total_records.unwrap_or(0))
    });
    if listed != expected {
        tracing::warn!(
            listed,
            expected,
            sites = sites.len(),
            "the sites list fewer users than the account has (users without a site); \
             loading users as one chain"
        );
        return None;
    }
    tracing::info!(
        sites = sites.len(),
        expected,
        "loading the sites' users side by side"
    );
    Some(Probed {
        chains,
        pages,
        firsts,
    })
}

/// Runs the probed sites' chains side by side; whether they brought all `expected` users (when
/// not, the users they brought are kept and the caller loads the rest).
async fn load_sites(
    probed: Probed<'_>,
    expected: u32,
    merge: &Mutex<Merge>,
    emit: &Emitter,
) -> bool {
    let Probed {
        chains,
        mut pages,
        firsts,
    } = probed;
    let covered = Mutex::new(HashSet::new());
    let runs = chains
        .iter()
        .zip(pages.iter_mut())
        .zip(firsts)
        .enumerate()
        .map(|(i, ((chain, pages), first))| {
            let covered = &covered;
            async move {
                chain
                    .admit(first, FIRST_SITE + i, merge, emit, Some(covered))
                    .await?;
                chain
                    .run(pages, FIRST_SITE + i, merge, emit, Some(covered))
                    .await
            }
        });
    if let Err(error) = futures::future::try_join_all(runs).await {
        tracing::warn!(%error, "a site's users could not be loaded; loading users as one chain");
        forget_site_totals(merge, chains.len());
        return false;
    }
    let brought = covered.lock().unwrap_or_else(|e| e.into_inner()).len();
    if brought != expected as usize {
        tracing::warn!(
            brought,
            expected,
            "the sites brought another number of users than the account has (users moved \
             during the load?); loading users as one chain"
        );
        forget_site_totals(merge, chains.len());
        return false;
    }
    true
}

/// The sites' totals stop counting once the whole list's chain takes over.
fn forget_site_totals(merge: &Mutex<Merge>, sites: usize) {
    let mut merge = merge.lock().unwrap_or_else(|e| e.into_inner());
    for i in 0..sites {
        merge.forget_total(FIRST_SITE + i);
    }
}
