//! What every route shares: the account, its roster, the live fault settings and the bookkeeping.
//! The simulator's locks recover from poisoning (here and in tokens.rs, page_tokens.rs,
//! rate_window.rs): each holds a table changed one entry at a time, never left half-written.

use std::sync::{Mutex, OnceLock, PoisonError, RwLock};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::Value;

use crate::config::SimConfig;
use crate::faults::Faults;
use crate::generator::{self, SimAccount, User};
use crate::page_tokens::PageTokens;
use crate::rate_window::RateWindow;
use crate::schedule::ScheduleState;
use crate::stats::Counters;
use crate::tokens::AccessTokens;

pub(crate) struct SimState {
    pub account_id: String,
    pub client_id: String,
    pub client_secret: String,
    pub roster: SimAccount,
    /// The roster as JSON, built on first request: it costs ~5 KB a user, the roster a tenth.
    users_json: OnceLock<Vec<Value>>,
    /// `http://127.0.0.1:PORT`, what the token answer names as `api_url`.
    pub base_url: String,
    faults: RwLock<Faults>,
    /// Seeded, so a single-client run injects the same faults each time.
    dice: Mutex<StdRng>,
    pub tokens: AccessTokens,
    pub page_tokens: PageTokens,
    pub rate: RateWindow,
    pub counters: Counters,
    pub schedule: ScheduleState,
}

impl SimState {
    pub fn new(config: SimConfig, base_url: String) -> Self {
        Self {
            roster: generator::generate(
                config.users,
                config.seed,
                config.hostile_names,
                config.users_without_site,
            ),
            users_json: OnceLock::new(),
            account_id: config.account_id,
            client_id: config.client_id,
            client_secret: config.client_secret,
            base_url,
            faults: RwLock::new(config.faults),
            dice: Mutex::new(StdRng::seed_from_u64(config.seed ^ 0x5A5A_F00D)),
            tokens: AccessTokens::default(),
            page_tokens: PageTokens::default(),
            rate: RateWindow::default(),
            counters: Counters::default(),
            schedule: ScheduleState::default(),
        }
    }

    pub fn users_json(&self) -> &[Value] {
        self.users_json
            .get_or_init(|| self.roster.users.iter().map(User::to_value).collect())
    }

    /// The settings now; read once per request so a change applies from the next request on.
    pub fn faults(&self) -> Faults {
        self.faults
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub fn set_faults(&self, faults: Faults) {
        *self.faults.write().unwrap_or_else(PoisonError::into_inner) = faults;
    }

    pub fn with_rng<T>(&self, f: impl FnOnce(&mut StdRng) -> T) -> T {
        f(&mut self.dice.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// Every access token stops working; returns how many were live.
    pub fn revoke_tokens(&self) -> usize {
        Counters::bump(&self.counters.token_revocations);
        self.tokens.revoke_all()
    }

    /// True `rate` of the time (0.0 never, 1.0 always).
    pub fn roll(&self, rate: f64) -> bool {
        rate > 0.0 && self.with_rng(|rng| rng.random::<f64>() < rate)
    }
}
