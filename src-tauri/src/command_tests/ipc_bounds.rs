//! The web view is not trusted: a request out of bounds, or naming a file this run did not export,
//! is refused with `invalid_request` in plain words, before any work is done.

use super::TestApp;
use crate::commands::{demo, query};
use crate::error::AppError;

fn kind(error: &AppError) -> String {
    serde_json::to_value(error).unwrap()["kind"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn oversized_queries_and_foreign_paths_are_refused() {
    let sim = zoom_sim::start(zoom_sim::SimConfig {
        users: 10,
        ..Default::default()
    })
    .await
    .unwrap();
    let app = TestApp::new(&sim);
    demo::start_demo(app.state()).await.expect("the demo opens");

    let window = query::query(app.state(), Default::default(), 0, 200, true).await;
    assert!(window.is_ok(), "{window:?}");

    let too_many_rows = query::query(app.state(), Default::default(), 0, 100_000, false)
        .await
        .unwrap_err();
    assert_eq!(kind(&too_many_rows), "invalid_request");
    assert!(too_many_rows.to_string().contains("Ask for fewer rows"));

    let spec = roster::ViewSpec {
        search: "x".repeat(10_000),
        ..Default::default()
    };
    let long_search = query::query(app.state(), spec, 0, 200, false)
        .await
        .unwrap_err();
    assert_eq!(kind(&long_search), "invalid_request");

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
