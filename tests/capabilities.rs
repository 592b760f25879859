//! The web view may call exactly the commands the UI's bindings know: each one declared in
//! build.rs and granted in the capability, nothing declared or granted that no binding calls. (Being an integration test, this also makes
//! `cargo test` build the app binary with the test build's features; the end-to-end suite drives that
//! binary, so a CI run compiles the app once.)

use std::collections::BTreeSet;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The commands the UI's bindings call. The bindings test keeps bindings.ts equal to what
/// `specta_builder` (the app's one list of commands) generates, so this is that list.
fn called() -> BTreeSet<String> {
    let bindings = std::fs::read_to_string(format!("{ROOT}/ui/src/lib/bindings.ts")).unwrap();
    let called: BTreeSet<String> = bindings
        .split("__TAURI_INVOKE")
        .skip(1)
        // `__TAURI_INVOKE("name"` or `__TAURI_INVOKE<T>("name"`, not the import line.
        .filter(|rest| rest.starts_with(['(', '<']))
        .filter_map(|rest| rest.split('"').nth(1))
        .map(str::to_owned)
        .collect();
    assert!(!called.is_empty(), "no command found in bindings.ts");
    called
}

#[test]
fn the_capability_grants_exactly_the_commands_the_ui_calls() {
    let capability: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{ROOT}/src-tauri/capabilities/main.json")).unwrap(),
    )
    .unwrap();
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    let expected: BTreeSet<String> = called()
        .iter()
        .map(|name| format!("allow-{}", name.replace('_', "-")))
        .collect();
    assert_eq!(expected, granted);
}

/// build.rs declares the commands to tauri-build (which makes their `allow-` permissions and
/// refuses any other); it runs before the crate compiles, so it keeps a list of its own, held
/// here to the one `specta_builder` makes.
#[test]
fn build_rs_declares_exactly_the_commands_the_ui_calls() {
    let build = std::fs::read_to_string(format!("{ROOT}/src-tauri/build.rs")).unwrap();
    let list = build
        .split_once("const COMMANDS")
        .and_then(|(_, rest)| rest.split_once("= ["))
        .and_then(|(_, rest)| rest.split_once("];"))
        .map(|(list, _)| list)
        .expect("build.rs has `const COMMANDS: [&str; N] = [ … ];`");
    let declared: BTreeSet<String> = list
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    assert_eq!(declared, called());
}

/// The end-to-end suite drives the binary this test build links (tests/e2e/lib/paths.mjs): the
/// same profile folder and name, so a CI run builds the app once and the suite never drives a
/// stale binary of another build.
#[test]
fn the_end_to_end_suite_drives_the_binary_this_build_makes() {
    let paths = std::fs::read_to_string(format!("{ROOT}/tests/e2e/lib/paths.mjs")).unwrap();
    let driven = paths
        .lines()
        .find(|line| line.starts_with("export const APP"))
        .and_then(|line| line.split('"').nth(1))
        .expect("paths.mjs names the app's binary");
    let built = std::path::Path::new(env!("CARGO_BIN_EXE_phone-roster-app"));
    let profile_and_name = |path: &std::path::Path| {
        let mut parts = path.components().rev().take(2).collect::<Vec<_>>();
        parts.reverse();
        parts.iter().collect::<std::path::PathBuf>()
    };
    let mut expected = std::path::PathBuf::from(driven).into_os_string();
    expected.push(std::env::consts::EXE_SUFFIX);
    assert_eq!(
        profile_and_name(built),
        profile_and_name(std::path::Path::new(&expected))
    );
}
