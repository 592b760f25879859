//! Starting and stopping a simulator, and the handle tests and the demo mode hold it by.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::SimConfig;
use crate::connections::CountingListener;
use crate::faults::Faults;
use crate::routes::router;
use crate::state::SimState;
use crate::stats::SimStats;

/// Starts a simulator on `127.0.0.1` on a free port.
pub async fn start(config: SimConfig) -> anyhow::Result<SimHandle> {
    start_on(SocketAddr::from(([127, 0, 0, 1], 0)), config).await
}

/// Starts a simulator on `addr` (port 0 picks a free one). Generates the roster before it returns.
pub async fn start_on(addr: SocketAddr, config: SimConfig) -> anyhow::Result<SimHandle> {
    let listener = TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let addr = listener.local_addr()?;
    let base_url = format!("http://{addr}");
    // Generating 250k users takes a moment of CPU; keep it off the async workers.
    let state =
        tokio::task::spawn_blocking(move || Arc::new(SimState::new(config, base_url))).await?;
    let (stop, stopped) = oneshot::channel::<()>();
    let app = router(state.clone());
    let listener = CountingListener::new(listener, state.clone());
    let server = tokio::spawn(async move {
        let shutdown = async {
            // A dropped sender stops the server as surely as a sent signal.
            let _ = stopped.await;
        };
        if let Err(error) = axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await
        {
            tracing::error!(%error, "zoom-sim stopped");
        }
    });
    Ok(SimHandle {
        addr,
        state,
        stop: Some(stop),
        server: Some(server),
    })
}

/// A running simulator. Dropping it stops the server.
pub struct SimHandle {
    addr: SocketAddr,
    state: Arc<SimState>,
    stop: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<()>>,
}

impl SimHandle {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT/v2`, what a client's `api_base` is set to.
    pub fn api_base(&self) -> String {
        format!("{}/v2", self.state.base_url)
    }

    /// `http://127.0.0.1:PORT/oauth/token`.
    pub fn token_url(&self) -> String {
        format!("{}/oauth/token", self.state.base_url)
    }

    /// The whole roster in Zoom's listing order, pending users included and always carrying
    /// `"status": "pending"` here (on the wire, every other one comes without `status`).
    /// Built on the first call (about 5 KB a user).
    pub fn users(&self) -> &[Value] {
        self.state.users_json()
    }

    /// The sites as `GET /phone/sites` lists them.
    pub fn sites(&self) -> &[Value] {
        &self.state.roster.sites
    }

    /// Replaces the fault settings; requests arriving from now on see the new ones.
    pub fn set_faults(&self, faults: Faults) {
        self.state.set_faults(faults);
    }

    pub fn faults(&self) -> Faults {
        self.state.faults()
    }

    /// The access tokens that work now.
    pub fn live_tokens(&self) -> Vec<String> {
        self.state.tokens.live()
    }

    /// Revokes every access token issued so far; the next API call with one answers 401.
    pub fn revoke_tokens(&self) -> usize {
        self.state.revoke_tokens()
    }

    pub fn stats(&self) -> SimStats {
        self.state.counters.snapshot()
    }

    /// Stops accepting connections and waits until the open ones are done.
    pub async fn shutdown(mut self) {
        self.stop.take();
        if let Some(server) = self.server.take() {
            let _ = server.await;
        }
    }
}

impl Drop for SimHandle {
    fn drop(&mut self) {
        // Dropping the sender is the stop signal; the server task winds down on its own.
        self.stop.take();
    }
}
