//! `app_info`: what the About box and diagnostics say about this build.

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
        }
    }
}

#[tauri::command]
#[specta::specta]
pub fn app_info() -> AppInfo {
    AppInfo::current()
}

/// How this run was started: `--demo` on the command line (or `PHONE_ROSTER_DEMO=1`, used by
/// `cargo xtask demo`) opens the demo account at once.
#[derive(Debug, Clone, Copy, Default, Serialize, Type)]
pub struct LaunchOptions {
    pub demo: bool,
}

impl LaunchOptions {
    pub fn from_env() -> Self {
        LaunchOptions {
            demo: std::env::args().skip(1).any(|arg| arg == "--demo")
                || std::env::var("PHONE_ROSTER_DEMO").is_ok_and(|v| v == "1"),
        }
    }
}

#[tauri::command]
#[specta::specta]
pub fn launch_options(options: tauri::State<'_, LaunchOptions>) -> LaunchOptions {
    *options
}
