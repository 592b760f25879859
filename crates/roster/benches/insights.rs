//! What changed and the report, on 100k users: comparing two rosters (target ≤ 2 s) and one report
//! of cost centers by calling plan (target ≤ 0.5 s). Their tests check what they find; the speed
//! is measured here, where a noisy machine cannot fail a test run.

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use roster::changes::compare;
use roster::{Facet, Roster, ViewSpec};

fn insights(c: &mut Criterion) {
    let before = support::users(100_000, 3);
    // A refresh: one user left, one joined, a hundred moved to another cost center.
    let mut after = before[1..].to_vec();
    after.push(support::users(1, 4).remove(0));
    for user in after.iter_mut().step_by(1_000) {
        user.cost_center = Some("9999".into());
    }
    let roster = Roster::new(after.clone());
    let mut group = c.benchmark_group("insights_100k");
    group.sample_size(10);
    group.bench_function("compare", |b| {
        b.iter(|| black_box(compare(&before, &after)))
    });
    group.bench_function("report cost center by calling plan", |b| {
        b.iter(|| {
            black_box(roster.report(&ViewSpec::default(), Facet::CostCenter, Facet::CallingPlan))
        })
    });
    group.finish();
}

criterion_group!(benches, insights);
criterion_main!(benches);
