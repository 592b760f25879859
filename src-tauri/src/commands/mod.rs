//! Thin adapters from IPC to the core crates, one module per domain. Each command converts its inputs,
//! calls the core, and converts the answer; the logic lives in crates/.

pub mod app_info;
pub mod changes;
pub mod demo;
pub mod diagnostics;
pub mod export;
pub mod load;
pub mod profiles;
pub mod query;
pub mod report;
pub mod views;
