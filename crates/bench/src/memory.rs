//! Peak memory figures, from each system's own accounting: `getrusage` on Linux and macOS (which
//! report `ru_maxrss` in different units). Windows has no peak figure for waited-for children and
//! the benchmarks do not need one of their own there, so it gives none and the reports say so.

/// The largest peak resident set of any waited-for child process, in bytes.
pub fn children_peak_rss_bytes() -> Option<u64> {
    peak(Whose::Children)
}

/// This process's peak resident set so far, in bytes.
pub fn own_peak_rss_bytes() -> Option<u64> {
    peak(Whose::OwnProcess)
}

/// `peak RSS 99.1 MB` for a report line, or why there is no figure.
pub fn describe_peak(bytes: Option<u64>) -> String {
    match bytes {
        Some(bytes) => format!("peak RSS {:.1} MB", bytes as f64 / 1e6),
        None => "peak RSS not measured on this system".to_owned(),
    }
}

#[derive(Clone, Copy)]
enum Whose {
    OwnProcess,
    Children,
}

#[cfg(unix)]
fn peak(whose: Whose) -> Option<u64> {
    let who = match whose {
        Whose::OwnProcess => libc::RUSAGE_SELF,
        Whose::Children => libc::RUSAGE_CHILDREN,
    };
    // SAFETY: getrusage only writes into the zeroed struct we own.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(who, &mut usage) } != 0 {
        return None;
    }
    u64::try_from(usage.ru_maxrss)
        .ok()
        .map(|peak| peak * MAXRSS_UNIT_BYTES)
}

/// macOS reports `ru_maxrss` in bytes; Linux and the BSDs in kilobytes.
#[cfg(target_os = "macos")]
const MAXRSS_UNIT_BYTES: u64 = 1;
#[cfg(all(unix, not(target_os = "macos")))]
const MAXRSS_UNIT_BYTES: u64 = 1024;

#[cfg(not(unix))]
fn peak(_whose: Whose) -> Option<u64> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn the_own_peak_covers_memory_this_process_touched() {
        let before = own_peak_rss_bytes().expect("getrusage answers on Unix");
        let touched = vec![1u8; 64 << 20];
        std::hint::black_box(&touched);
        let after = own_peak_rss_bytes().expect("getrusage answers on Unix");
        // 64 MiB written: the peak cannot be below that, in the unit of this system.
        assert!(after >= 64 << 20, "{after} bytes");
        assert!(after >= before);
    }

    #[test]
    fn a_missing_figure_says_so() {
        assert_eq!(describe_peak(Some(99_100_000)), "peak RSS 99.1 MB");
        assert_eq!(describe_peak(None), "peak RSS not measured on this system");
    }
}
