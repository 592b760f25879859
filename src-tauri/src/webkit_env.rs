//! WebKitGTK's compositing, chosen for the computer the app runs on (Linux only; Windows and macOS
//! have their own web views, untouched).
//!
//! With accelerated compositing, WebKitGTK paints the page in layers that it composites with
//! OpenGL. On a desktop with a GPU that is the fast path. Without one (a virtual machine, a remote
//! desktop, Xvfb) the same layers go through a software OpenGL, and every change to the page, even
//! a caret's blink, costs a frame of 60–100 ms; the roster's interactions measured about twice as
//! fast with compositing off (BENCHMARKS.md, issue 11). So compositing is switched off exactly when
//! the computer has no GPU render node, and never when the admin has chosen either way.

use std::path::Path;

/// WebKitGTK's own switch, read by its web process when it starts.
const DISABLE_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Sets `WEBKIT_DISABLE_COMPOSITING_MODE=1` when no GPU can composite and nobody chose; call it
/// first thing in `run` (from `main`), before any thread exists (changing the environment is only sound then).
pub fn choose_compositing() {
    let chosen = std::env::var_os(DISABLE_COMPOSITING).is_some();
    if !chosen && !has_render_node(Path::new("/dev/dri")) {
        // SAFETY: called at the start of `run`, from `main`, before the app starts any thread, so nothing
        // reads the environment while it changes.
        unsafe { std::env::set_var(DISABLE_COMPOSITING, "1") };
    }
}

/// Whether `dri` (normally /dev/dri) holds a render node (`renderD128`…): a GPU that OpenGL can use
/// without a display server's help. Software rendering has none.
fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|entry| entry.file_name().to_string_lossy().starts_with("renderD"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gpu_is_a_render_node_under_dri() {
        let dri = tempfile::tempdir().unwrap();
        assert!(!has_render_node(dri.path()), "an empty folder");
        assert!(!has_render_node(&dri.path().join("missing")));
        std::fs::write(dri.path().join("card0"), b"").unwrap();
        assert!(!has_render_node(dri.path()), "a display card alone");
        std::fs::write(dri.path().join("renderD128"), b"").unwrap();
        assert!(has_render_node(dri.path()));
    }
}
