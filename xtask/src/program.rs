//! Every program xtask runs is started here, so that one place knows how Windows finds programs:
//! `Command` looks for `NAME.exe` there, while npm, npx and the tools an npm package installs
//! (`node_modules/.bin/NAME`) are `.cmd` shims, cargo's binaries end in `.exe`, and a Python virtual
//! environment keeps its programs in `Scripts\` instead of `bin/`. `cargo xtask tidy` refuses a
//! `Command::new` in xtask outside this file.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Programs that Node installs as `.cmd` shims on Windows.
const NODE_SHIMS: [&str; 2] = ["npm", "npx"];

/// A command for `program`: a name found on PATH (`npm`, `node`, `cargo`) or a path.
pub fn command(program: impl AsRef<OsStr>) -> Command {
    Command::new(for_system(Path::new(program.as_ref()), cfg!(windows)))
}

/// A binary cargo built, by its path without extension (`target/debug/zoom-sim`).
pub fn built(path: impl AsRef<Path>) -> Command {
    let mut path = path.as_ref().as_os_str().to_owned();
    path.push(std::env::consts::EXE_SUFFIX);
    Command::new(path)
}

/// A program of the Python virtual environment at `venv` (`python`, `pip`, `actionlint`).
pub fn in_venv(venv: &Path, name: &str) -> PathBuf {
    venv_program(venv, name, cfg!(windows))
}

/// The name Windows needs for `program` when `windows`; elsewhere `program` as it is.
fn for_system(program: &Path, windows: bool) -> PathBuf {
    if !windows || program.extension().is_some() {
        return program.to_path_buf();
    }
    let node_shim = NODE_SHIMS.iter().any(|shim| program == Path::new(shim));
    let npm_package_tool = program
        .parent()
        .is_some_and(|dir| dir.ends_with(Path::new("node_modules").join(".bin")));
    if node_shim || npm_package_tool {
        program.with_extension("cmd")
    } else {
        program.to_path_buf()
    }
}

fn venv_program(venv: &Path, name: &str, windows: bool) -> PathBuf {
    if windows {
        venv.join("Scripts").join(format!("{name}.exe"))
    } else {
        venv.join("bin").join(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_starts_node_s_shims_and_npm_package_tools_by_their_cmd_files() {
        let windows = |program: &str| for_system(Path::new(program), true);
        assert_eq!(windows("npm"), Path::new("npm.cmd"));
        assert_eq!(windows("npx"), Path::new("npx.cmd"));
        assert_eq!(
            windows("ui/node_modules/.bin/tauri"),
            Path::new("ui/node_modules/.bin/tauri.cmd")
        );
        // Real executables are found as NAME.exe by Command itself.
        assert_eq!(windows("node"), Path::new("node"));
        assert_eq!(windows("cargo"), Path::new("cargo"));
        assert_eq!(windows("npm.cmd"), Path::new("npm.cmd"));
    }

    #[test]
    fn elsewhere_every_program_keeps_its_name() {
        for program in ["npm", "npx", "node", "ui/node_modules/.bin/tauri"] {
            assert_eq!(for_system(Path::new(program), false), Path::new(program));
        }
    }

    #[test]
    fn a_virtual_environment_keeps_its_programs_where_the_system_puts_them() {
        let venv = Path::new("target/venv");
        assert_eq!(
            venv_program(venv, "pip", true),
            Path::new("target/venv/Scripts/pip.exe")
        );
        assert_eq!(
            venv_program(venv, "pip", false),
            Path::new("target/venv/bin/pip")
        );
    }
}
