//! Opening a profile with a 100k-user snapshot must take ≤ 1 s (issue 3): reading and parsing the
//! snapshot, then indexing it for queries, as `open_profile` does.

use criterion::{Criterion, criterion_group, criterion_main};
use profiles::snapshot;

const USERS: usize = 100_000;

fn snapshot_load(c: &mut Criterion) {
    let users: Vec<zoom::PhoneUser> = zoom_sim::generate_users(USERS, 42)
        .into_iter()
        .map(|user| serde_json::from_value(user).expect("a generated user"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let owner = snapshot::Owner {
        profile: "Big".into(),
        account_id: "account".into(),
        client_id: "client".into(),
    };
    snapshot::save(dir.path(), &owner, "2026-11-28T09:14:00Z", &users).unwrap();

    let mut group = c.benchmark_group("snapshot 100k users");
    group.sample_size(10);
    group.bench_function("save", |b| {
        b.iter(|| snapshot::save(dir.path(), &owner, "2026-11-28T09:14:00Z", &users).unwrap())
    });
    group.bench_function("load (read + parse)", |b| {
        b.iter(|| snapshot::load(dir.path(), &owner).unwrap())
    });
    group.bench_function("open (load + index for queries)", |b| {
        b.iter(|| roster::Roster::new(snapshot::load(dir.path(), &owner).unwrap().0))
    });
    group.finish();
}

criterion_group!(benches, snapshot_load);
criterion_main!(benches);
