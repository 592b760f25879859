//! The simulator as the workspace's tests start it: an account of `users` with `faults`, every
//! other setting the default. One helper for every test crate, so that a test never has to say
//! more than what it is about.

use crate::{Faults, SimConfig, SimHandle};

/// Starts the simulator on loopback; panics when it cannot (a test has nothing to do then).
pub async fn sim(users: usize, faults: Faults) -> SimHandle {
    crate::start(SimConfig {
        users,
        faults,
        ..SimConfig::default()
    })
    .await
    // A test has nothing to test without it: failing here, with the reason, is all it can do.
    .expect("the simulator starts on loopback")
}
