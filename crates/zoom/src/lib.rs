//! Zoom Phone API client: tolerant models, Server-to-Server OAuth, a rate-limited, retrying,
//! de-duplicating stream of users.
//!
//! ```no_run
//! # async fn demo(credentials: zoom::Credentials) -> Result<(), zoom::Error> {
//! use futures::StreamExt;
//! let client = zoom::Client::new(credentials, zoom::Endpoints::zoom(), Default::default())?;
//! let mut roster = client.roster();
//! while let Some(event) = roster.next().await {
//!     if let zoom::FetchEvent::Users { users, total } = event? {
//!         println!("{} more of {total}", users.len());
//!     }
//! }
//! # Ok(()) }
//! ```

mod auth;
mod classify;
mod client;
mod credentials;
mod endpoints;
mod error;
mod events;
mod filter;
mod http;
mod lenient;
pub mod models;
mod options;
mod page_guard;
mod pagination;
#[cfg(test)]
mod proxy_tests;
mod rate_limit;
mod receive;
mod retry;
mod retry_after;
mod roster;
mod site_split;
mod sites;
mod tls;

pub use client::{Client, ConnectionCheck};
pub use credentials::Credentials;
pub use endpoints::{Endpoints, is_loopback};
pub use error::{Error, ErrorKind, USERS_SCOPE};
pub use events::FetchEvent;
pub use filter::UserFilter;
pub use models::{CallingPlan, PhoneNumber, PhoneUser, Site, SiteRef, Text, UsersPage};
pub use options::ClientOptions;
