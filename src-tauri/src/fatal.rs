//! When the app cannot start, or a thread panics: the admin is told in a native dialog (a release build
//! has no terminal to read), and the log keeps the details for support.
//!
//! The dialog cannot come from tauri-plugin-dialog, which needs a running app. On Linux it is GTK's
//! own, run on the main thread that already runs GTK (rfd would start GTK on a second thread and wait
//! for the main loop this thread is blocking); on Windows and macOS it is rfd's, the library under
//! the plugin.

use std::fmt::Display;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once the app is up (end of `setup`); a failure before that is a failure to start.
static STARTED: AtomicBool = AtomicBool::new(false);

pub fn mark_started() {
    STARTED.store(true, Ordering::Relaxed);
}

/// Tauri reports an error of `setup` (ours, a plugin's, or creating the window) by panicking on
/// the main thread inside the event loop, where the panic cannot unwind out of GTK: the hook is the
/// one place that sees it. So the hook logs every panic (with its location) and prints it as the
/// default hook would, and one on the main thread before the app is up is reported as a failure to
/// start. The message goes through the redactor first (`panic_message`).
pub fn log_panics() {
    std::panic::set_hook(Box::new(move |info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = panic_message(info.payload());
        tracing::error!(%location, %message, "panic");
        let thread = std::thread::current();
        eprintln!(
            "thread '{}' panicked at {location}:\n{message}",
            thread.name().unwrap_or("<unnamed>")
        );
        let backtrace = std::backtrace::Backtrace::capture();
        if backtrace.status() == std::backtrace::BacktraceStatus::Captured {
            eprintln!("{backtrace}");
        }
        // A dialog only from the main thread: GTK, Cocoa and Win32 dialogs belong to it.
        if !STARTED.load(Ordering::Relaxed) && std::thread::current().name() == Some("main") {
            let cause = message.trim_start_matches("Failed to setup app: ");
            report_startup_failure(&startup_message(&cause, crate::logging::dir()));
        }
    }));
}

/// A panic's message as it is logged, printed and shown: through the redactor, because a panic
/// carries whatever text it was given (an answer from Zoom, a URL with a token).
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let raw = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    profiles::redact::redact(&raw)
}

/// The message for an app that could not start: what happened, and where the log is.
pub fn startup_message(error: &dyn Display, log_dir: Option<&std::path::Path>) -> String {
    let next = log_dir.map_or_else(
        || {
            "No log could be written. If this keeps happening, tell your IT support what this \
            message says."
                .to_owned()
        },
        |dir| {
            format!(
                "Details are in the log folder: {}\n\nIf this keeps happening, send that folder's \
                 newest file to your IT support.",
                dir.display()
            )
        },
    );
    format!("Phone Roster could not start: {error}\n\n{next}")
}

/// Logs the start-up failure and shows it in a native error dialog, waiting until it is closed.
pub fn report_startup_failure(message: &str) {
    tracing::error!(%message, "start-up failed");
    eprintln!("{message}");
    show_error_dialog(TITLE, message);
}

const TITLE: &str = "Phone Roster could not start";

#[cfg(target_os = "linux")]
fn show_error_dialog(title: &str, message: &str) {
    use gtk::prelude::*;
    // Already initialised when the failure comes from inside the app; not when it comes before.
    if gtk::init().is_err() {
        return;
    }
    let dialog = gtk::MessageDialog::new(
        None::<&gtk::Window>,
        gtk::DialogFlags::MODAL,
        gtk::MessageType::Error,
        gtk::ButtonsType::Ok,
        message,
    );
    dialog.set_title(title);
    dialog.run();
    dialog.close();
}

#[cfg(not(target_os = "linux"))]
fn show_error_dialog(title: &str, message: &str) {
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title(title)
        .set_description(message)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_names_the_cause_and_the_log_folder() {
        let dir = std::path::Path::new("/home/a/.local/share/app/logs");
        let message = startup_message(&"the settings folder is a file", Some(dir));
        assert!(message.contains("could not start: the settings folder is a file"));
        assert!(message.contains("/home/a/.local/share/app/logs"));
        assert!(startup_message(&"x", None).contains("No log could be written."));
    }

    #[test]
    fn a_panic_s_message_is_redacted_before_it_is_logged_printed_or_shown() {
        let secret = "client_secret=Zx9aQ7rT2mK4pL8vB3nC";
        for payload in [
            Box::new(secret) as Box<dyn std::any::Any + Send>,
            Box::new(format!("token request failed: {secret}")),
        ] {
            let message = panic_message(payload.as_ref());
            assert!(!message.contains("Zx9aQ7rT2mK4pL8vB3nC"), "{message}");
            assert!(message.contains(profiles::redact::REDACTED), "{message}");
        }
        assert_eq!(panic_message(&42u32), "");
    }
}
