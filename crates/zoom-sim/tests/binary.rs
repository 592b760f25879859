//! The `zoom-sim` binary: prints its URLs first, then serves until stopped.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use common::http;
use reqwest::StatusCode;

/// Stops the simulator however the test ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn prints_its_urls_and_serves_the_configured_account() {
    let child = Command::new(env!("CARGO_BIN_EXE_zoom-sim"))
        .args([
            "--port",
            "0",
            "--users",
            "50",
            "--client-secret",
            "s3cret",
            "--qps",
            "100",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("zoom-sim starts");
    let mut sim = Running(child);
    let mut lines = BufReader::new(sim.0.stdout.take().unwrap()).lines();
    let api_base = lines.next().unwrap().unwrap();
    let token_url = lines.next().unwrap().unwrap();
    assert!(
        api_base.starts_with("http://127.0.0.1:") && api_base.ends_with("/v2"),
        "{api_base}"
    );
    assert_eq!(token_url, api_base.replace("/v2", "/oauth/token"));

    let query = [
        ("grant_type", "account_credentials"),
        ("account_id", "demo-account"),
    ];
    let request = http()
        .post(&token_url)
        .query(&query)
        .basic_auth("demo-client", Some("s3cret"));
    assert_eq!(
        request.send().await.expect("answered").status(),
        StatusCode::OK
    );
}
