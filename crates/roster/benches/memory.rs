//! Memory of a 100k-user roster: the users themselves, the engine's indexes, and the lazily built
//! sort ranks, read from the kernel's resident-set figures (Linux; elsewhere it says so).

mod support;

use std::hint::black_box;

use roster::export::{CsvOptions, ExportFormat, export_to_path};
use roster::{Column, Roster, SortKey, ViewSpec};

/// A line of /proc/self/status ("VmRSS", "VmHWM") in MiB.
fn status_mib(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?; // portable: None elsewhere
    let line = status.lines().find(|line| line.starts_with(field))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn report(stage: &str) {
    match (status_mib("VmRSS:"), status_mib("VmHWM:")) {
        (Some(rss), Some(peak)) => println!("{stage:<44} RSS {rss:7.1} MiB   peak {peak:7.1} MiB"),
        _ => println!("{stage:<44} (resident memory is only read on Linux)"),
    }
}

fn main() {
    report("start");
    let users = support::users(100_000, 42);
    report("100k users generated");
    let roster = Roster::new(users);
    report("Roster::new (search + facet indexes)");
    let mut spec = ViewSpec {
        search: "mar".into(),
        ..Default::default()
    };
    for column in Column::ALL {
        spec.sort = vec![SortKey {
            column,
            descending: false,
        }];
        black_box(roster.query(&spec, 0, 100));
    }
    report("after sorting by every column (all ranks)");

    let dir = tempfile::tempdir().expect("a scratch folder");
    for format in [ExportFormat::Csv(CsvOptions::default()), ExportFormat::Xlsx] {
        let path = dir.path().join(format!("roster.{}", format.extension()));
        export_to_path(roster.users(), &Column::DEFAULT_EXPORT, format, &path).expect("export");
        report(&format!("after exporting {}", format.extension()));
    }
}
