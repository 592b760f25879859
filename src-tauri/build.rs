// The app's package is the repository root (so the Tauri CLI finds tauri.conf.json beside Cargo.toml),
// while its sources and capabilities live in src-tauri/: point tauri-build at both.
/// Every command the web view may call: the same as `specta_builder` in src-tauri/src/lib.rs
/// (tests/capabilities.rs fails when they differ).
const COMMANDS: [&str; 27] = [
    "app_info",
    "launch_options",
    "third_party_notices",
    "check_for_update",
    "install_update",
    "list_profiles",
    "save_profile",
    "delete_profile",
    "test_connection",
    "open_profile",
    "start_demo",
    "load_roster",
    "cancel_load",
    "query",
    "cancel_export",
    "export_view",
    "reveal",
    "copy_diagnostics",
    "open_marketplace",
    "change_summary",
    "changes",
    "export_changes",
    "report",
    "export_report",
    "saved_views",
    "save_view",
    "remove_view",
];

fn main() {
    println!("cargo:rerun-if-changed=tauri.conf.json");
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    // Declaring the commands makes Tauri generate an `allow-<command>` permission for each and refuse any
    // command that a capability does not grant (src-tauri/capabilities/main.json grants them all).
    let manifest = tauri_build::AppManifest::new().commands(&COMMANDS);
    let attributes = tauri_build::Attributes::new()
        .app_manifest(manifest)
        .config_path(concat!(env!("CARGO_MANIFEST_DIR"), "/tauri.conf.json"))
        .capabilities_path_pattern(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src-tauri/capabilities/**/*"
        ));
    // A build script reports failure by panicking; the message names tauri-build's reason.
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
