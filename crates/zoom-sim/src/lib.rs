//! A faithful stand-in for the parts of Zoom that Phone Roster talks to: Server-to-Server OAuth,
//! `GET /v2/phone/users` with every filter and `GET /v2/phone/sites`, opaque expiring page tokens,
//! Zoom's error bodies, and the faults a long fetch meets in real life (rate limits, 5xx, expiring
//! tokens, truncated JSON, missing scopes). It backs the tests, the benchmarks and the demo mode.
//!
//! ```no_run
//! # async fn demo() -> anyhow::Result<()> {
//! let sim = zoom_sim::start(zoom_sim::SimConfig::default()).await?;
//! println!("{} {}", sim.api_base(), sim.token_url());
//! # Ok(()) }
//! ```

mod api_faults;
mod config;
mod connections;
mod faults;
mod for_tests;
mod generator;
mod page_tokens;
mod rate_window;
mod request_head;
mod retry_after;
mod routes;
mod schedule;
mod server;
mod state;
mod stats;
mod tokens;
mod tracking;
mod zoom_error;

pub use config::SimConfig;
pub use faults::Faults;
pub use for_tests::sim;
pub use generator::{
    USERS_WITHOUT_SITE, generate_demo_history, generate_demo_users, generate_users,
};
pub use request_head::read_request_head;
pub use retry_after::RetryAfter;
pub use schedule::{CYCLE, FaultSchedule, ScheduledFault};
pub use server::{SimHandle, start, start_on};
pub use stats::SimStats;
