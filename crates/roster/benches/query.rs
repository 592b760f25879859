//! Query latency on 100k users: search + 2 filters + sort + facets, as the table asks while someone
//! types. Criterion's figures, then p50/p95 over a typing sequence (target: p95 ≤ 20 ms).

mod support;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use roster::{Column, Facet, Filters, Roster, SortKey, ViewSpec};

const USERS: usize = 100_000;
/// One query per keystroke of someone looking for people.
const TYPING: &[&str] = &[
    "m",
    "ma",
    "mar",
    "mari",
    "maria",
    "",
    "g",
    "ga",
    "gar",
    "garc",
    "garcí",
    "garcia",
    "1",
    "10",
    "100",
    "1004",
    "+1 (",
    "jo",
    "jos",
    "jose",
    "ol",
    "olg",
    "ольга",
    "@",
    "example",
    "smith",
];

fn view(roster: &Roster, search: &str) -> ViewSpec {
    // The two largest cost centers and the active users, sorted by cost center then name.
    let all = roster.query(&ViewSpec::default(), 0, 0);
    let cost_center = all
        .facets
        .get(Facet::CostCenter)
        .iter()
        .take(2)
        .map(|f| f.value.clone());
    ViewSpec {
        search: search.to_string(),
        filters: Filters {
            cost_center: cost_center.collect(),
            status: vec!["activate".to_string()],
            ..Default::default()
        },
        sort: vec![
            SortKey {
                column: Column::CostCenter,
                descending: false,
            },
            SortKey {
                column: Column::Name,
                descending: false,
            },
        ],
    }
}

fn benches(c: &mut Criterion, roster: &Roster) {
    let mut group = c.benchmark_group("query_100k");
    let typed = view(roster, "mar");
    group.bench_function("search+2 filters+sort+facets", |b| {
        b.iter(|| black_box(roster.query(black_box(&typed), 0, 100)))
    });
    let everyone = ViewSpec {
        sort: typed.sort.clone(),
        ..Default::default()
    };
    group.bench_function("no filter, sorted, facets", |b| {
        b.iter(|| black_box(roster.query(black_box(&everyone), 0, 100)))
    });
    // What scrolling asks: a further window of the same view, without its facets.
    group.bench_function("no filter, sorted, window without facets", |b| {
        b.iter(|| black_box(roster.window(black_box(&everyone), 5_000, 200)))
    });
    group.bench_function("search+2 filters+sort, window without facets", |b| {
        b.iter(|| black_box(roster.window(black_box(&typed), 0, 200)))
    });
    let by_number = ViewSpec {
        search: "+1 (55".to_string(),
        ..Default::default()
    };
    group.bench_function("number as typed", |b| {
        b.iter(|| black_box(roster.query(black_box(&by_number), 0, 100)))
    });
    group.finish();
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Each keystroke a fresh query with the sort unchanged, the way the table queries.
fn typing_percentiles(roster: &Roster) {
    let mut times: Vec<Duration> = (0..10)
        .flat_map(|_| TYPING)
        .map(|search| {
            let spec = view(roster, search);
            let start = Instant::now();
            black_box(roster.query(&spec, 0, 100));
            start.elapsed()
        })
        .collect();
    times.sort();
    let p95 = percentile(&times, 0.95);
    println!(
        "typing sequence, {} queries on {USERS} users: p50 {:.2?}, p95 {p95:.2?}, max {:.2?}",
        times.len(),
        percentile(&times, 0.50),
        times[times.len() - 1]
    );
    // Judged by `cargo xtask bench` (xtask/src/targets.rs).
    println!(
        "figure: query {}k users while typing: p95, ms = {}",
        USERS / 1000,
        p95.as_secs_f64() * 1e3
    );
}

/// What a click on a column header costs the first time (ranking that column) and after.
fn sort_change_costs(users: Vec<zoom::PhoneUser>) {
    let roster = Roster::new(users);
    for column in [
        Column::Name,
        Column::Extension,
        Column::PhoneNumbers,
        Column::Department,
    ] {
        let mut spec = ViewSpec {
            sort: vec![SortKey {
                column,
                descending: false,
            }],
            ..Default::default()
        };
        let start = Instant::now();
        black_box(roster.query(&spec, 0, 100));
        let first = start.elapsed();
        spec.sort[0].descending = true;
        let start = Instant::now();
        black_box(roster.query(&spec, 0, 100));
        let flipped = start.elapsed();
        println!("sort by {column:?}: first ever {first:.2?}, then reversed {flipped:.2?}");
    }
}

fn main() {
    let users = support::users(USERS, 42);
    let start = Instant::now();
    let roster = Roster::new(users.clone());
    println!("Roster::new on {USERS} users: {:.2?}", start.elapsed());

    let mut criterion = Criterion::default().configure_from_args();
    benches(&mut criterion, &roster);
    criterion.final_summary();
    typing_percentiles(&roster);
    sort_change_costs(users);
}
