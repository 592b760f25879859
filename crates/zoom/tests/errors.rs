//! Failures a person must act on: each becomes the right `zoom::Error`, with Zoom's tracking id.

mod common;

use common::*;
use zoom::{Endpoints, Error, ErrorKind};
use zoom_sim::Faults;

#[tokio::test]
async fn wrong_credentials() {
    let sim = sim(10, Faults::default()).await;
    let endpoints = Endpoints::custom(sim.api_base(), sim.token_url());
    let client =
        zoom::Client::new(credentials("not-the-secret"), endpoints, fast_options()).unwrap();
    let error = client.check_connection().await.unwrap_err();
    assert!(
        matches!(error, Error::InvalidCredentials { .. }),
        "{error:?}"
    );
    assert_eq!(error.kind(), ErrorKind::Credentials);
    assert!(!format!("{error:?} {error}").contains("not-the-secret"));
}

#[tokio::test]
async fn unknown_account() {
    let sim = sim(10, Faults::default()).await;
    let endpoints = Endpoints::custom(sim.api_base(), sim.token_url());
    let credentials = zoom::Credentials {
        account_id: "no-such-account".into(),
        ..credentials(&zoom_sim::SimConfig::default().client_secret)
    };
    let client = zoom::Client::new(credentials, endpoints, fast_options()).unwrap();
    let error = client.check_connection().await.unwrap_err();
    assert!(matches!(error, Error::AccountNotFound { .. }), "{error:?}");
    assert!(error.hint().contains("Account ID"));
}

#[tokio::test]
async fn missing_scope_names_the_scope() {
    let sim = sim(
        10,
        Faults {
            missing_scope: true,
            ..Faults::default()
        },
    )
    .await;
    let outcome = drain(client(&sim).roster()).await;
    let error = outcome.error.expect("fails");
    assert!(
        matches!(&error, Error::MissingScope { scope, .. } if scope.starts_with("phone:read")),
        "{error:?}"
    );
    assert!(error.hint().contains("Scopes page"));
    assert_eq!(error.kind(), ErrorKind::Permission);
    assert!(
        error.tracking_id().is_some(),
        "stream errors carry the tracking id too"
    );
}

#[tokio::test]
async fn phone_not_enabled() {
    let sim = sim(
        10,
        Faults {
            phone_not_enabled: true,
            ..Faults::default()
        },
    )
    .await;
    let error = client(&sim).check_connection().await.unwrap_err();
    assert!(matches!(error, Error::PhoneNotEnabled { .. }), "{error:?}");
}

#[tokio::test]
async fn site_permission() {
    let sim = sim(
        10,
        Faults {
            site_permission_error: true,
            ..Faults::default()
        },
    )
    .await;
    let filter = zoom::UserFilter {
        site_id: Some("any-site".into()),
        ..Default::default()
    };
    let outcome = drain(client(&sim).users(filter)).await;
    assert!(
        matches!(outcome.error, Some(Error::SitePermission { .. })),
        "{:?}",
        outcome.error
    );
}

#[tokio::test]
async fn errors_carry_the_tracking_id() {
    let sim = sim(
        10,
        Faults {
            missing_scope: true,
            ..Faults::default()
        },
    )
    .await;
    let error = client(&sim).check_connection().await.unwrap_err();
    assert!(
        error.tracking_id().is_some_and(|id| !id.is_empty()),
        "{error:?}"
    );
}

#[tokio::test]
async fn nothing_listening_is_offline() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let endpoints = Endpoints::custom(
        format!("http://127.0.0.1:{port}/v2"),
        format!("http://127.0.0.1:{port}/oauth/token"),
    );
    let options = zoom::ClientOptions {
        max_retries: 1,
        ..fast_options()
    };
    let client = zoom::Client::new(credentials("x"), endpoints, options).unwrap();
    let error = client.check_connection().await.unwrap_err();
    assert!(matches!(error, Error::Offline { .. }), "{error:?}");
    assert_eq!(error.kind(), ErrorKind::Network);
}
