//! `app_info`: what the About box and diagnostics say about this build.

use serde::Serialize;
use specta::Type;
use tauri::Manager;
use tauri::path::BaseDirectory;

use crate::about::AppInfo;

#[tauri::command]
#[specta::specta]
pub fn app_info() -> AppInfo {
    AppInfo::current()
}

/// The licences of the third-party code in the app, which release packages carry as a resource
/// (`cargo xtask notices`, tauri.bundle.conf.json); `None` in a development build, which has none.
#[tauri::command]
#[specta::specta]
pub fn third_party_notices(app: tauri::AppHandle) -> Option<String> {
    let path = app
        .path()
        .resolve("THIRD-PARTY-NOTICES.txt", BaseDirectory::Resource)
        .ok()?;
    std::fs::read_to_string(path).ok()
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
