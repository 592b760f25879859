//! The web view is not trusted: a request out of bounds, or naming a file this run did not export,
//! is refused with `invalid_request` in plain words, before any work is done. Every command that
//! takes a view spec is called here with one over the bounds, on an open roster, so that without
//! its check the command would do the work (or fail later with other words) and the test fails.

use profiles::views::SavedView;
use roster::export::ExportFormat;
use roster::{Column, Facet, SpecError, ViewSpec, spec_bounds};

use super::TestApp;
use crate::commands::{changes, demo, export, query, report, views};
use crate::error::AppError;

fn kind(error: &AppError) -> String {
    serde_json::to_value(error).unwrap()["kind"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Asserts `result` is the refusal of `expected`, in its own words.
#[track_caller]
fn refused_as<T: std::fmt::Debug>(result: Result<T, AppError>, expected: &SpecError) {
    let error = result.expect_err("an oversized request is refused");
    assert_eq!(kind(&error), "invalid_request");
    assert_eq!(error.to_string(), expected.to_string());
}

/// A view with one cost center more than the bound allows.
fn oversized() -> (ViewSpec, SpecError) {
    let mut spec = ViewSpec::default();
    spec.filters.cost_center = vec!["CC".into(); spec_bounds::MAX_FILTER_VALUES + 1];
    let error = SpecError::TooManyValues {
        facet: Column::CostCenter.header(),
    };
    (spec, error)
}

/// The demo account, open, with its export folder in place (so an unchecked export would write).
async fn open_demo() -> (zoom_sim::SimHandle, TestApp) {
    let sim = zoom_sim::start(zoom_sim::SimConfig {
        users: 10,
        ..Default::default()
    })
    .await
    .unwrap();
    let app = TestApp::new(&sim);
    std::fs::create_dir_all(app.dir.path().join("exports")).unwrap();
    demo::start_demo(app.state()).await.expect("the demo opens");
    (sim, app)
}

fn csv() -> ExportFormat {
    ExportFormat::Csv(Default::default())
}

#[tokio::test]
async fn every_command_that_takes_a_view_spec_refuses_an_oversized_one() {
    let (_sim, app) = open_demo().await;
    let handle = || app.app.handle().clone();
    let (spec, error) = oversized();
    let columns = || Column::DEFAULT_EXPORT.to_vec();

    refused_as(
        query::query(app.state(), spec.clone(), 0, 200, false).await,
        &error,
    );
    refused_as(
        export::export_view(
            handle(),
            app.state(),
            spec.clone(),
            columns(),
            csv(),
            "x".into(),
        )
        .await,
        &error,
    );
    refused_as(
        changes::changes(app.state(), spec.clone(), vec![], 0, 200).await,
        &error,
    );
    refused_as(
        changes::export_changes(
            handle(),
            app.state(),
            spec.clone(),
            vec![],
            csv(),
            "x".into(),
        )
        .await,
        &error,
    );
    refused_as(
        report::report(app.state(), spec.clone(), Facet::CostCenter, Facet::Status).await,
        &error,
    );
    refused_as(
        report::export_report(
            handle(),
            app.state(),
            spec.clone(),
            Facet::CostCenter,
            Facet::Status,
            csv(),
            "x".into(),
        )
        .await,
        &error,
    );
    let saved_before = views::saved_views(app.state()).await.unwrap();
    let view = SavedView {
        name: "Too big".into(),
        spec,
        columns: columns(),
    };
    refused_as(views::save_view(app.state(), view).await, &error);
    assert_eq!(
        views::saved_views(app.state()).await.unwrap(),
        saved_before,
        "nothing was saved"
    );
    let exports = std::fs::read_dir(app.dir.path().join("exports")).unwrap();
    assert_eq!(exports.count(), 0, "nothing was written");
}

#[tokio::test]
async fn export_and_saved_view_columns_are_checked_by_the_commands() {
    let (_sim, app) = open_demo().await;
    let no_columns = export::export_view(
        app.app.handle().clone(),
        app.state(),
        ViewSpec::default(),
        vec![],
        csv(),
        "x".into(),
    )
    .await;
    refused_as(no_columns, &SpecError::NoColumns);
    let twice = SavedView {
        name: "Twice".into(),
        spec: ViewSpec::default(),
        columns: vec![Column::Name, Column::Email, Column::Name],
    };
    refused_as(
        views::save_view(app.state(), twice).await,
        &SpecError::RepeatedColumn {
            column: Column::Name.header(),
        },
    );
}

#[tokio::test]
async fn an_export_name_that_is_not_a_plain_file_name_is_refused() {
    let (_sim, app) = open_demo().await;
    for stem in ["../../x", "PRN", "a/b", ""] {
        let refused = export::export_view(
            app.app.handle().clone(),
            app.state(),
            ViewSpec::default(),
            Column::DEFAULT_EXPORT.to_vec(),
            csv(),
            stem.into(),
        )
        .await
        .expect_err(stem);
        assert_eq!(kind(&refused), "invalid_request", "{stem}");
    }
    let written = export::export_view(
        app.app.handle().clone(),
        app.state(),
        ViewSpec::default(),
        Column::DEFAULT_EXPORT.to_vec(),
        csv(),
        "Acme - 2026-11-28".into(),
    )
    .await
    .unwrap()
    .expect("written");
    assert!(
        written.path.ends_with("Acme - 2026-11-28.csv"),
        "{}",
        written.path
    );
}

#[tokio::test]
async fn oversized_windows_and_foreign_paths_are_refused() {
    let (_sim, app) = open_demo().await;
    let window = query::query(app.state(), Default::default(), 0, 200, true).await;
    assert!(window.is_ok(), "{window:?}");

    refused_as(
        query::query(app.state(), Default::default(), 0, 100_000, false).await,
        &SpecError::WindowTooLarge,
    );
    let spec = ViewSpec {
        search: "x".repeat(10_000),
        ..Default::default()
    };
    refused_as(
        query::query(app.state(), spec, 0, 200, false).await,
        &SpecError::SearchTooLong,
    );

    let foreign = app.state().check_exported("/etc/passwd").unwrap_err();
    assert_eq!(kind(&foreign), "invalid_request");
    assert!(foreign.to_string().contains("only the files it exported"));
    app.state()
        .exported
        .lock()
        .unwrap()
        .insert("/tmp/Acme.csv".into());
    assert!(app.state().check_exported("/tmp/Acme.csv").is_ok());
    assert!(app.state().check_exported("/tmp/Acme.csv/../x").is_err());
}
