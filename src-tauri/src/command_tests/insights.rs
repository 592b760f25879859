//! The commands beyond the table on the mock runtime, against zoom-sim: what changed since the roster
//! before (after a refresh, and again on the next launch), the cost-center report under the view's
//! filters, and the saved views of the open profile.

use super::{TestApp, app_and_sim, recorder, saved_and_open, wait_for_snapshot};
use crate::commands::{changes, load, profiles as profile_commands, report, views};
use ::profiles::snapshot::{self, Owner};
use ::profiles::views::SavedView;
use roster::changes::ChangeKind;
use roster::export::ExportFormat;
use roster::{Column, Facet, Filters, ViewSpec};

const SINCE: &str = "2026-11-28T09:14:00Z";

async fn load(app: &TestApp) {
    let (channel, _) = recorder();
    load::load_roster(app.state(), channel).await.unwrap();
}

fn owner(app: &TestApp) -> Owner {
    Owner::of(&app.state().profiles.get("Acme").unwrap())
}

/// The saved roster once its header says it was saved at another time than `not`.
async fn snapshot_saved_after(app: &TestApp, not: &str) {
    let (dir, owner) = (app.state().snapshots_dir.clone(), owner(app));
    for _ in 0..600 {
        if snapshot::load(&dir, &owner).is_some_and(|(_, at)| at != not) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the refreshed roster was not saved within a minute");
}

#[tokio::test]
async fn a_refresh_is_compared_with_the_roster_before_it_and_so_is_the_next_launch() {
    let (_sim, app) = app_and_sim(60).await;
    saved_and_open(&app, "Acme").await;
    load(&app).await;
    assert!(
        changes::change_summary(app.state())
            .await
            .unwrap()
            .is_none(),
        "a first load has nothing to compare with"
    );
    let kinds = |list: &changes::ChangeList| -> Vec<ChangeKind> {
        list.rows.iter().map(|row| row.kind).collect()
    };
    let refused = changes::changes(app.state(), ViewSpec::default(), vec![], 0, 200)
        .await
        .expect_err("no history yet");
    assert!(refused.hint.is_some(), "{refused:?}");

    // The roster saved "two days ago": one of today's users not there yet, one since gone, one in
    // another cost center.
    let now = wait_for_snapshot(&app, &owner(&app)).await;
    let mut before = now[1..].to_vec();
    let mut gone = now[0].clone();
    gone.id = "since-gone".into();
    gone.email = Some("gone@example.com".into());
    before.push(gone);
    before[0].cost_center = Some("Old cost center".into());
    let moved = before[0].id.clone();
    snapshot::save(&app.state().snapshots_dir, &owner(&app), SINCE, &before).unwrap();
    profile_commands::open_profile(app.state(), "Acme".into())
        .await
        .unwrap();

    load(&app).await;
    let summary = changes::change_summary(app.state())
        .await
        .unwrap()
        .expect("compared with the roster before");
    assert_eq!(
        (
            summary.joined,
            summary.left,
            summary.changed,
            summary.since.as_str()
        ),
        (1, 1, 1, SINCE)
    );
    let all = changes::changes(app.state(), ViewSpec::default(), vec![], 0, 200)
        .await
        .unwrap();
    assert_eq!((all.rows.len(), all.shown), (3, 3));
    // A window of the list: from the second row on, one row, with the count of them all.
    let window = changes::changes(app.state(), ViewSpec::default(), vec![], 1, 1)
        .await
        .unwrap();
    assert_eq!(window.shown, 3);
    assert_eq!(window.rows.len(), 1);
    assert_eq!(window.rows[0].user.user_id, all.rows[1].user.user_id);
    let too_many = changes::changes(app.state(), ViewSpec::default(), vec![], 0, 100_000)
        .await
        .expect_err("a window larger than any screen");
    assert!(
        too_many.to_string().contains("Ask for fewer rows"),
        "{too_many}"
    );
    let changed = all.rows.iter().find(|row| row.kind == ChangeKind::Changed);
    let changed = changed.expect("the moved user");
    assert_eq!(changed.user.user_id, moved.as_str());
    assert_eq!(changed.fields.len(), 1);
    assert_eq!(changed.fields[0].column, Column::CostCenter);
    assert_eq!(changed.fields[0].before, "Old cost center");
    assert!(
        changed
            .what_changed
            .starts_with("Cost Center: Old cost center → ")
    );
    let left = changes::changes(
        app.state(),
        ViewSpec::default(),
        vec![ChangeKind::Left],
        0,
        200,
    )
    .await
    .unwrap();
    assert_eq!(kinds(&left), [ChangeKind::Left]);
    assert_eq!(left.rows[0].user.email, "gone@example.com");
    // The roster's own search applies to the changes too.
    let search = ViewSpec {
        search: "gone@example".into(),
        ..ViewSpec::default()
    };
    let found = changes::changes(app.state(), search, vec![], 0, 200)
        .await
        .unwrap();
    assert_eq!(kinds(&found), [ChangeKind::Left]);

    // Exported as the Changes view shows it.
    std::fs::create_dir_all(app.dir.path().join("exports")).unwrap();
    let written = changes::export_changes(
        app.app.handle().clone(),
        app.state(),
        ViewSpec::default(),
        vec![],
        ExportFormat::Csv(Default::default()),
        "Acme - Changes - 2026-11-30".into(),
    )
    .await
    .unwrap()
    .expect("written");
    assert_eq!(written.rows, 3);
    let text = std::fs::read_to_string(&written.path).unwrap();
    assert_eq!(
        text.trim_start_matches('\u{feff}').lines().next().unwrap(),
        "Change,Name,Email,Extension,Cost Center,Department,Site,What changed"
    );

    // The next launch: the saved roster against the one saved before it.
    snapshot_saved_after(&app, SINCE).await;
    profile_commands::open_profile(app.state(), "Acme".into())
        .await
        .unwrap();
    let again = changes::change_summary(app.state())
        .await
        .unwrap()
        .expect("history kept on disk");
    assert_eq!((again.joined, again.left, again.changed), (1, 1, 1));
}

#[tokio::test]
async fn the_report_counts_the_open_roster_under_the_view_s_other_filters() {
    let (_sim, app) = app_and_sim(80).await;
    saved_and_open(&app, "Acme").await;
    load(&app).await;
    let open = app.state().open_roster().unwrap();
    let site = open.roster.users()[0].site_name().unwrap().to_owned();
    let in_site = open
        .roster
        .users()
        .iter()
        .filter(|u| u.site_name() == Some(site.as_str()))
        .count();
    let spec = ViewSpec {
        filters: Filters {
            site: vec![site.clone()],
            // The report's own facet: ignored, so every cost center of the site shows.
            cost_center: vec!["no such cost center".into()],
            ..Filters::default()
        },
        ..ViewSpec::default()
    };
    let report = report::report(app.state(), spec, Facet::CostCenter, Facet::Status)
        .await
        .unwrap();
    assert_eq!(report.total as usize, in_site, "the users of {site}");
    assert_eq!(report.row_totals.iter().sum::<u32>() as usize, in_site);
}

#[tokio::test]
async fn saved_views_belong_to_the_open_profile_and_a_nameless_one_is_refused_in_words() {
    let (_sim, app) = app_and_sim(10).await;
    saved_and_open(&app, "Acme").await;
    let view = |name: &str| SavedView {
        name: name.into(),
        spec: ViewSpec {
            search: "anna".into(),
            ..ViewSpec::default()
        },
        columns: vec![Column::Name, Column::Email],
    };
    let listed = views::save_view(app.state(), view("Finance monthly"))
        .await
        .unwrap();
    assert_eq!(listed, [view("Finance monthly")]);
    views::save_view(app.state(), view("Pending"))
        .await
        .unwrap();
    assert_eq!(views::saved_views(app.state()).await.unwrap().len(), 2);
    let left = views::remove_view(app.state(), "Pending".into())
        .await
        .unwrap();
    assert_eq!(left, [view("Finance monthly")]);
    let refused = views::save_view(app.state(), view("   "))
        .await
        .expect_err("a blank name");
    assert!(!refused.message.is_empty(), "{refused:?}");
    // Kept beside the profiles, where the CLI reads them.
    let file = app.dir.path().join("config/views.json");
    let kept = std::fs::read_to_string(file).expect("views.json");
    assert!(kept.contains("Finance monthly") && kept.contains("Acme"));
}
