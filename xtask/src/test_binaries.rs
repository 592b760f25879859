//! The test executables a `cargo test --no-run` built, found in cargo's JSON messages, so that a
//! chosen few run by themselves. Asking `cargo test` for a few test targets instead would choose
//! the dev-dependencies' features from those targets' packages alone and compile a dozen crates
//! again (resolver 2 activates a package's dev-dependencies only when one of its test targets is
//! built).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, bail};

use crate::program;

/// One test executable: the target it was built from and its package's folder.
pub struct TestBinary {
    /// The target's name (an integration test's file stem, or the library's crate name).
    pub target: String,
    /// The library's unit tests (`--lib`), as opposed to an integration test (`--test`).
    pub is_lib: bool,
    pub package_dir: PathBuf,
    pub executable: PathBuf,
}

impl TestBinary {
    /// The executable run as `cargo test` runs it: in its package's folder, with
    /// `CARGO_MANIFEST_DIR` set.
    pub fn command(&self) -> Command {
        let mut command = program::command(&self.executable);
        command
            .current_dir(&self.package_dir)
            .env("CARGO_MANIFEST_DIR", &self.package_dir);
        command
    }
}

/// Every test executable of the build `cargo` (with `test --workspace --all-targets --no-run`
/// added) makes or finds made.
pub fn list(mut cargo: Command) -> anyhow::Result<Vec<TestBinary>> {
    let output = cargo
        .args([
            "test",
            "--workspace",
            "--all-targets",
            "--locked",
            "--no-run",
            // Compiler messages, if the build is not current after all, shown as usual on stderr.
            "--message-format=json-render-diagnostics",
        ])
        .stderr(Stdio::inherit())
        .output()
        .context("could not run cargo")?;
    if !output.status.success() {
        bail!("`cargo test --no-run` failed: {}", output.status);
    }
    Ok(String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(parse)
        .collect())
}

/// A test executable from one JSON message of cargo, if it is one.
fn parse(line: &str) -> Option<TestBinary> {
    let message: serde_json::Value = serde_json::from_str(line).ok()?;
    if message["reason"] != "compiler-artifact" || message["profile"]["test"] != true {
        return None;
    }
    let kinds = message["target"]["kind"].as_array()?;
    let is_lib = kinds.iter().any(|kind| kind == "lib");
    if !is_lib && !kinds.iter().any(|kind| kind == "test") {
        return None;
    }
    Some(TestBinary {
        target: message["target"]["name"].as_str()?.to_owned(),
        is_lib,
        package_dir: Path::new(message["manifest_path"].as_str()?)
            .parent()?
            .to_path_buf(),
        executable: PathBuf::from(message["executable"].as_str()?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integration_tests_and_library_unit_tests_are_found_and_nothing_else() {
        let test = r#"{"reason":"compiler-artifact","manifest_path":"/w/crates/profiles/Cargo.toml","target":{"kind":["test"],"name":"keychain"},"profile":{"test":true},"executable":"/w/target/debug/deps/keychain-1"}"#;
        let found = parse(test).expect("an integration test");
        assert_eq!((found.target.as_str(), found.is_lib), ("keychain", false));
        assert_eq!(found.package_dir, Path::new("/w/crates/profiles"));
        assert_eq!(
            found.executable,
            Path::new("/w/target/debug/deps/keychain-1")
        );
        let lib = r#"{"reason":"compiler-artifact","manifest_path":"/w/Cargo.toml","target":{"kind":["lib"],"name":"phone_roster_app"},"profile":{"test":true},"executable":"/w/target/debug/deps/phone_roster_app-2"}"#;
        assert!(parse(lib).expect("a library's unit tests").is_lib);
        let binary = r#"{"reason":"compiler-artifact","manifest_path":"/w/Cargo.toml","target":{"kind":["bin"],"name":"zoom-sim"},"profile":{"test":false},"executable":"/w/target/debug/zoom-sim"}"#;
        assert!(parse(binary).is_none(), "a program, not tests");
        let bench = r#"{"reason":"compiler-artifact","manifest_path":"/w/Cargo.toml","target":{"kind":["bench"],"name":"query"},"profile":{"test":true},"executable":"/w/target/debug/deps/query-3"}"#;
        assert!(parse(bench).is_none(), "a benchmark");
        assert!(parse(r#"{"reason":"build-finished","success":true}"#).is_none());
    }
}
