//! The use cases the desktop app and the `phone-roster` CLI share, with neither a window nor a
//! terminal in them: whose roster is open (`Account`), opening a profile from its snapshot, loading
//! a roster from Zoom with progress and a way to stop, what changed since the roster before, keeping
//! the roster for the next comparison, and the demo account. The app's commands and the CLI's
//! subcommands are adapters over these: they turn IPC or flags into calls here, and the answers into
//! the page's types or lines on a terminal.

mod account;
mod compare;
pub mod demo;
mod fetch;
mod history;
mod open;

pub use account::Account;
pub use compare::{changes_since_saved, now};
pub use fetch::{Fetched, LoadObserver, fetch_roster};
pub use history::{History, RosterChanges};
pub use open::OpenRoster;
