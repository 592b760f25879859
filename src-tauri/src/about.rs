//! What the About box and "Copy diagnostics" say about this build.

use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Serialize, Type)]
pub struct AppInfo {
    pub name: String,
    pub version: String,
    /// "debug" or "release".
    pub build: String,
    pub os: String,
    pub arch: String,
    /// The app's own licence (SPDX), shown in About beside the third-party notices.
    pub licence: String,
}

impl AppInfo {
    pub fn current() -> Self {
        AppInfo {
            name: "Phone Roster".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            build: if cfg!(debug_assertions) {
                "debug"
            } else {
                "release"
            }
            .into(),
            os: std::env::consts::OS.into(),
            arch: std::env::consts::ARCH.into(),
            licence: env!("CARGO_PKG_LICENSE").into(),
        }
    }
}
