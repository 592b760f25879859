//! The Phone Roster desktop app: Tauri commands over the application core (crates/session) and
//! the crates below it (zoom, roster, profiles).

mod about;
#[cfg(test)]
mod command_tests;
mod commands;
mod error;
mod export_file;
mod fatal;
mod ipc;
mod logging;
mod roster_status;
mod rows;
mod state;
mod update_policy;
#[cfg(test)]
mod update_tests;
mod updates;
#[cfg(target_os = "linux")]
mod webkit_env;
mod window;

use commands::{
    app_info, changes, demo, diagnostics, export, load, profiles, query, report, views,
};
use tauri::Manager;

/// The one list of commands, used by `run()` and by the test that writes ui/src/lib/bindings.ts.
/// COMMANDS in src-tauri/build.rs and the capability must name the same (tests/capabilities.rs).
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        // One TypeScript type per Rust type: every IPC type has the same serde shape both ways, and
        // the per-direction `_Serialize`/`_Deserialize` twins would only add noise for the UI.
        .disable_serde_phases()
        // Columns, facets, status words and export formats as the engine defines them: the page
        // reads them from here and keeps no copy of its own.
        .constant("METADATA", roster::metadata::metadata())
        .typ::<roster::metadata::Metadata>()
        .commands(tauri_specta::collect_commands![
            app_info::app_info,
            app_info::launch_options,
            app_info::third_party_notices,
            updates::check_for_update,
            updates::install_update,
            profiles::list_profiles,
            profiles::save_profile,
            profiles::delete_profile,
            profiles::test_connection,
            profiles::open_profile,
            profiles::open_marketplace,
            demo::start_demo,
            load::load_roster,
            load::cancel_load,
            query::query,
            export::export_view::<tauri::Wry>,
            export::cancel_export,
            export::reveal,
            changes::change_summary,
            changes::changes,
            changes::export_changes::<tauri::Wry>,
            report::report,
            report::export_report::<tauri::Wry>,
            views::saved_views,
            views::save_view,
            views::remove_view,
            diagnostics::copy_diagnostics,
        ])
}

/// Starts the app; a failure to start is logged and shown in a native dialog (see fatal.rs: most
/// arrive through the panic hook, the rest as the error of `start`).
pub fn run() {
    // Before anything starts a thread: it may set an environment variable.
    #[cfg(target_os = "linux")]
    webkit_env::choose_compositing();
    fatal::log_panics();
    if let Err(error) = start() {
        let message = fatal::startup_message(&error, logging::dir());
        fatal::report_startup_failure(&message);
        std::process::exit(1);
    }
}

fn start() -> tauri::Result<()> {
    let builder = specta_builder();
    tauri::Builder::default()
        // First, so that a second launch is handed to this one before anything else starts.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            window::bring_forward(app)
        }))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_updater::Builder::new().build())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            let log_dir = app.path().app_log_dir()?;
            logging::init(&log_dir).map_err(|e| {
                format!("could not create the log folder {}: {e}", log_dir.display())
            })?;
            // The window-state plugin has asked for the saved place by now (config windows are
            // created before `setup`); make sure that place is still on a display.
            if let Some(window) = app.get_webview_window("main") {
                window::keep_on_screen(app, &window);
            }
            let profiles = ::profiles::ProfileStore::open_default()?;
            // The same folder the CLI keeps its rosters in, so that `phone-roster changes` and the
            // app share one history.
            let snapshots = ::profiles::snapshot::default_dir()?;
            let endpoints = state::endpoints_from_env();
            let export_dir = export_file::export_dir_from_env(endpoints.as_ref());
            app.manage(
                state::AppState::new(profiles, snapshots, log_dir)
                    .with_endpoints_override(endpoints)
                    .with_export_dir_override(export_dir),
            );
            app.manage(app_info::LaunchOptions::from_env());
            app.manage(updates::PendingUpdate::default());
            // The phone number metadata loads in the background while the window opens, so that
            // the first rows of numbers do not wait for it.
            std::thread::spawn(roster::phone_format::warm_up);
            fatal::mark_started();
            Ok(())
        })
        .run(tauri::generate_context!())
}

#[cfg(test)]
mod bindings_test {
    /// Fails when ui/src/lib/bindings.ts differs from what the commands and types generate now, so
    /// a command or type changed in Rust never reaches the page with stale types. It never writes
    /// the file it checks (a second run would pass); `cargo xtask bindings` writes it on purpose.
    #[test]
    fn bindings_are_up_to_date() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/lib/bindings.ts");
        let generated = tempfile::NamedTempFile::new().expect("a temporary file");
        super::specta_builder()
            .export(specta_typescript::Typescript::default(), generated.path())
            .expect("exporting the TypeScript bindings failed");
        let fresh = std::fs::read_to_string(generated.path()).expect("bindings were written");
        if std::env::var_os("PHONE_ROSTER_WRITE_BINDINGS").is_some() {
            std::fs::write(path, &fresh).expect("writing ui/src/lib/bindings.ts");
            return;
        }
        let checked_in = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            checked_in == fresh,
            "ui/src/lib/bindings.ts is stale: run `cargo xtask bindings`, then review and commit it"
        );
    }
}
