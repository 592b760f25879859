//! Load progress on stderr: a live bar on a terminal, a few plain lines in a log file or cron mail.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

pub enum Progress {
    Bar(ProgressBar),
    Lines { last: Instant },
}

/// How often plain-line progress is written when stderr is not a terminal.
const LINE_INTERVAL: Duration = Duration::from_secs(5);

impl Progress {
    pub fn new() -> Self {
        if std::io::stderr().is_terminal() {
            let bar = ProgressBar::new(0);
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {msg:<28} [{bar:30}] {pos}/{len} users ({elapsed})",
                )
                // A fixed template, checked by every run that shows progress.
                .expect("the template is valid")
                .progress_chars("=> "),
            );
            bar.set_message("Loading phone users");
            bar.enable_steady_tick(Duration::from_millis(120));
            Progress::Bar(bar)
        } else {
            eprintln!("Loading phone users from Zoom…");
            Progress::Lines {
                last: Instant::now(),
            }
        }
    }

    pub fn loaded(&mut self, loaded: u32, total: u32) {
        match self {
            Progress::Bar(bar) => {
                bar.set_length(u64::from(total.max(loaded)));
                bar.set_position(u64::from(loaded));
                bar.set_message("Loading phone users");
            }
            Progress::Lines { last } => {
                if last.elapsed() >= LINE_INTERVAL {
                    *last = Instant::now();
                    eprintln!("Loaded {loaded} of {total} phone users…");
                }
            }
        }
    }

    pub fn note(&mut self, message: String) {
        match self {
            Progress::Bar(bar) => bar.set_message(message),
            Progress::Lines { .. } => eprintln!("{message}"),
        }
    }

    /// Removes the bar so an error message stands alone.
    pub fn clear(self) {
        if let Progress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }

    pub fn finish(self, loaded: u32, elapsed: Duration) {
        self.clear();
        eprintln!(
            "Loaded {loaded} phone users in {:.1} s.",
            elapsed.as_secs_f64()
        );
    }
}
