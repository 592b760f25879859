//! CSV export of 100k users (the default columns, sorted by name) to a file: target ≤ 0.5 s.

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use roster::export::{CsvOptions, ExportFormat, export_to_path};
use roster::{Column, Roster, SortKey, ViewSpec};

fn csv_export(c: &mut Criterion) {
    let roster = Roster::new(support::users(100_000, 42));
    let spec = ViewSpec {
        sort: vec![SortKey {
            column: Column::Name,
            descending: false,
        }],
        ..Default::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roster.csv");
    let mut group = c.benchmark_group("export_100k");
    group.sample_size(10);
    group.bench_function("csv", |b| {
        b.iter(|| {
            let rows = roster.matching(&spec);
            let users = rows.iter().map(|&i| &roster.users()[i]);
            let format = ExportFormat::Csv(CsvOptions::default());
            black_box(export_to_path(users, &Column::DEFAULT_EXPORT, format, &path).unwrap())
        })
    });
    group.finish();
}

criterion_group!(benches, csv_export);
criterion_main!(benches);
