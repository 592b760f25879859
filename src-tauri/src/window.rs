//! The main window's place on screen: restored where the admin left it only when that still fits a
//! display (a laptop undocked from a large monitor, a smaller or scaled display), and brought forward
//! when the app is launched a second time.

use tauri::{Manager, PhysicalPosition, PhysicalSize, Runtime, WebviewWindow};

/// A rectangle in physical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
}

impl Rect {
    fn right(&self) -> i64 {
        i64::from(self.x) + i64::from(self.width)
    }

    fn bottom(&self) -> i64 {
        i64::from(self.y) + i64::from(self.height)
    }

    fn contains(&self, inner: &Rect) -> bool {
        inner.x >= self.x
            && inner.y >= self.y
            && inner.right() <= self.right()
            && inner.bottom() <= self.bottom()
    }

    fn overlap(&self, other: &Rect) -> i64 {
        let w = self.right().min(other.right()) - i64::from(self.x.max(other.x));
        let h = self.bottom().min(other.bottom()) - i64::from(self.y.max(other.y));
        w.max(0) * h.max(0)
    }
}

/// Where the window should go: unchanged when it lies wholly on one display's work area; otherwise
/// shrunk to fit the display it overlaps most (the first display when it overlaps none) and centred
/// there. `None` means leave it as it is (including when no display is known).
pub fn fitted(window: Rect, displays: &[Rect]) -> Option<Rect> {
    if displays.is_empty() || displays.iter().any(|d| d.contains(&window)) {
        return None;
    }
    let display = displays
        .iter()
        .max_by_key(|d| d.overlap(&window))
        .filter(|d| d.overlap(&window) > 0)
        .unwrap_or(&displays[0]);
    let width = window.width.min(display.width);
    let height = window.height.min(display.height);
    let centre = |start: i32, room: u32, size: u32| {
        start.saturating_add(i32::try_from((room - size) / 2).unwrap_or(0))
    };
    Some(Rect {
        x: centre(display.x, display.width, width),
        y: centre(display.y, display.height, height),
        width,
        height,
    })
}

/// Moves and resizes the window so it is fully visible, when the place the window-state plugin
/// restored it to does not fit today's displays.
///
/// The place is read from the plugin's file rather than from the window: at `setup` the window is not
/// on screen yet, and GTK still reports its configured size and a placeholder position. The plugin
/// has already asked for the saved size by then, so what is set here comes after it and wins.
pub fn keep_on_screen<R: Runtime>(app: &tauri::App<R>, window: &WebviewWindow<R>) {
    let (Some(saved), Ok(monitors)) = (
        saved_place(app, window.label()),
        window.available_monitors(),
    ) else {
        return;
    };
    let displays: Vec<Rect> = monitors
        .iter()
        .map(|m| {
            let area = m.work_area();
            Rect {
                x: area.position.x,
                y: area.position.y,
                width: area.size.width,
                height: area.size.height,
            }
        })
        .collect();
    if let Some(fit) = fitted(saved, &displays) {
        tracing::info!(
            ?saved,
            ?fit,
            "the saved window place does not fit the display: moved"
        );
        let _ = window.set_size(PhysicalSize::new(fit.width, fit.height));
        let _ = window.set_position(PhysicalPosition::new(fit.x, fit.y));
    }
}

/// One window's entry in the window-state plugin's file (the fields used here; physical pixels).
#[derive(serde::Deserialize)]
struct SavedState {
    width: u32,
    height: u32,
    x: i32,
    y: i32,
    #[serde(default)]
    maximized: bool,
    #[serde(default)]
    fullscreen: bool,
}

/// Where the window was when it was last closed; `None` when it never was, or was maximized or
/// full screen (the system fits those to the display itself).
fn saved_place<R: Runtime>(app: &tauri::App<R>, label: &str) -> Option<Rect> {
    let file = app
        .path()
        .app_config_dir()
        .ok()?
        .join(tauri_plugin_window_state::DEFAULT_FILENAME);
    let mut states: std::collections::HashMap<String, SavedState> =
        serde_json::from_slice(&std::fs::read(file).ok()?).ok()?;
    let state = states.remove(label)?;
    (!state.maximized && !state.fullscreen).then_some(Rect {
        x: state.x,
        y: state.y,
        width: state.width,
        height: state.height,
    })
}

/// A second launch of the app ends at once and brings this window forward instead.
pub fn bring_forward<R: Runtime>(app: &tauri::AppHandle<R>) {
    tracing::info!("a second launch was handed to this window");
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAPTOP: Rect = Rect {
        x: 0,
        y: 0,
        width: 1280,
        height: 720,
    };

    #[test]
    fn a_window_that_fits_stays_where_it_is() {
        let window = Rect {
            x: 100,
            y: 50,
            width: 1000,
            height: 600,
        };
        assert_eq!(fitted(window, &[LAPTOP]), None);
    }

    #[test]
    fn a_window_from_a_larger_display_is_shrunk_and_centred() {
        let window = Rect {
            x: 1500,
            y: 900,
            width: 1800,
            height: 1100,
        };
        assert_eq!(fitted(window, &[LAPTOP]), Some(LAPTOP));
        let small = Rect {
            x: 2000,
            y: 100,
            width: 1000,
            height: 600,
        };
        let moved = fitted(small, &[LAPTOP]).expect("moved");
        assert_eq!(
            (moved.x, moved.y, moved.width, moved.height),
            (140, 60, 1000, 600)
        );
    }

    #[test]
    fn the_display_it_overlaps_most_is_chosen() {
        let right = Rect {
            x: 1280,
            y: 0,
            width: 1920,
            height: 1080,
        };
        let window = Rect {
            x: 1200,
            y: 100,
            width: 1000,
            height: 600,
        };
        let moved = fitted(window, &[LAPTOP, right]).expect("moved");
        assert!(right.contains(&moved), "{moved:?}");
    }

    #[test]
    fn no_known_display_leaves_the_window_alone() {
        assert_eq!(fitted(LAPTOP, &[]), None);
    }
}
