//! Corporate networks: `phone-roster` reaches Zoom through the proxy the environment names
//! (HTTP_PROXY / HTTPS_PROXY, and the system's settings on Windows and macOS through reqwest's
//! `system-proxy`), but never sends a request for this computer through it: the token request to a
//! loopback address is plain http with the client secret in it, and a proxy is another host.
//!
//! The proxy here (`recording_proxy`) records the first line of each connection and answers
//! nothing, so no request it is given ever leaves this computer.

mod support;

use support::{Run, assert_exit, read_csv, recording_proxy, sim, stderr};
use zoom_sim::Faults;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zoom_is_reached_through_the_proxy_the_environment_names() {
    let sim = sim(10, Faults::default()).await;
    let (proxy, seen) = recording_proxy().await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("roster.csv");
    let output = Run::new(&sim, dir.path())
        .env("HTTPS_PROXY", &proxy)
        .env("ZOOM_API_BASE_URL", "https://api.zoom.us/v2")
        .env("ZOOM_OAUTH_TOKEN_URL", "https://zoom.us/oauth/token")
        .env_credentials(&[
            "export",
            "--output",
            out.to_str().unwrap(),
            "--timeout",
            "20s",
        ])
        .await;
    // The proxy answered nothing: Zoom could not be reached, and the admin is told so.
    assert_exit(&output, 4);
    assert!(stderr(&output).contains("Zoom"), "{}", stderr(&output));
    let seen = seen.lock().expect("proxy log").clone();
    assert!(
        seen.iter()
            .any(|line| line.starts_with("CONNECT zoom.us:443")),
        "the token request did not go through the proxy: {seen:?}"
    );
    assert!(!out.exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_for_this_computer_never_go_through_a_proxy() {
    let sim = sim(250, Faults::default()).await;
    let (proxy, seen) = recording_proxy().await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("direct.csv");
    let output = Run::new(&sim, dir.path())
        .env("HTTP_PROXY", &proxy)
        .env("HTTPS_PROXY", &proxy)
        .env("ALL_PROXY", &proxy)
        .env_credentials(&["export", "--output", out.to_str().unwrap()])
        .await;
    assert_exit(&output, 0);
    assert_eq!(read_csv(&out).len(), 1 + 250, "every user, directly");
    assert_eq!(
        seen.lock().expect("proxy log").clone(),
        Vec::<String>::new(),
        "a request for loopback went to the proxy"
    );
}
