//! Corporate networks: `phone-roster` reaches Zoom through the proxy the environment names
//! (HTTP_PROXY / HTTPS_PROXY, and the system's settings on Windows and macOS through reqwest's
//! `system-proxy`), and goes direct for the hosts NO_PROXY lists.
//!
//! The proxy is a small forwarding proxy on loopback that records the requests it is asked to
//! forward, so the test sees the request really pass through it.

mod support;

use std::sync::{Arc, Mutex};

use support::{Run, assert_exit, read_csv, sim};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use zoom_sim::Faults;

/// A forwarding proxy for `http://` targets: reads each connection's first request (absolute-form,
/// as clients send it to a proxy), records its request line, connects to the target it names and
/// then copies bytes both ways until either side closes.
async fn forwarding_proxy() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("proxy binds");
    let address = format!("http://{}", listener.local_addr().expect("proxy address"));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = seen.clone();
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            tokio::spawn(forward(client, record.clone()));
        }
    });
    (address, seen)
}

async fn forward(mut client: TcpStream, seen: Arc<Mutex<Vec<String>>>) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if client.read(&mut byte).await.unwrap_or(0) == 0 {
            return;
        }
        head.push(byte[0]);
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    let line = text.lines().next().unwrap_or_default().to_owned();
    seen.lock().expect("proxy log").push(line.clone());
    // "GET http://127.0.0.1:1234/oauth/token?… HTTP/1.1": the target is the URL's host and port.
    let Some(target) = line
        .split_whitespace()
        .nth(1)
        .and_then(|url| url.strip_prefix("http://"))
        .and_then(|rest| rest.split('/').next())
    else {
        return;
    };
    let Ok(mut upstream) = TcpStream::connect(target).await else {
        return;
    };
    if upstream.write_all(&head).await.is_ok() {
        let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_go_through_the_proxy_the_environment_names() {
    let sim = sim(250, Faults::default()).await;
    let (proxy, seen) = forwarding_proxy().await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("through-proxy.csv");
    let output = Run::new(&sim, dir.path())
        .env("HTTP_PROXY", &proxy)
        .env_credentials(&["export", "--output", out.to_str().unwrap()])
        .await;
    assert_exit(&output, 0);
    assert_eq!(
        read_csv(&out).len(),
        1 + 250,
        "every user, through the proxy"
    );
    let seen = seen.lock().expect("proxy log").clone();
    let sim_host = sim.api_base().trim_start_matches("http://").to_owned();
    let sim_host = sim_host.split('/').next().unwrap_or_default();
    assert!(
        seen.iter()
            .any(|line| line.contains(&format!("http://{sim_host}/"))),
        "the proxy forwarded no request to the simulator: {seen:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_proxy_hosts_are_reached_directly() {
    let sim = sim(50, Faults::default()).await;
    let (proxy, seen) = forwarding_proxy().await;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("direct.csv");
    let output = Run::new(&sim, dir.path())
        .env("HTTP_PROXY", &proxy)
        .env("NO_PROXY", "127.0.0.1")
        .env_credentials(&["export", "--output", out.to_str().unwrap()])
        .await;
    assert_exit(&output, 0);
    assert_eq!(read_csv(&out).len(), 1 + 50);
    assert!(
        seen.lock().expect("proxy log").is_empty(),
        "NO_PROXY was not honoured"
    );
}
