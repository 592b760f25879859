//! Where the secret may travel, beyond the addresses themselves (endpoints.rs): a machine with a
//! proxy set (`HTTP_PROXY`, as on many corporate machines and servers) never sends a request for an
//! address on this computer through it (the token request carries the client secret in clear text
//! over plain http to loopback, and a proxy is another host); `localhost` is 127.0.0.1 whatever DNS
//! says; and a redirect to an address the endpoint rules refuse is not followed. (These tests set
//! the process's environment, once for both, so they have a test binary of their own.)

mod common;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use zoom::{Client, Endpoints};
use zoom_sim::Faults;

/// A "proxy" on loopback that counts the connections it is offered and answers none of them.
fn counting_proxy() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let address = format!("http://{}", listener.local_addr().expect("bound"));
    let offered = Arc::new(AtomicUsize::new(0));
    let counter = offered.clone();
    std::thread::spawn(move || {
        for connection in listener.incoming() {
            counter.fetch_add(1, Ordering::SeqCst);
            drop(connection);
        }
    });
    (address, offered)
}

/// The counting proxy, named in every proxy variable of this process: set once, before either
/// test builds a client (reqwest reads the variables then), whichever test runs first.
fn proxy_in_the_environment() -> &'static Arc<AtomicUsize> {
    static PROXY: OnceLock<Arc<AtomicUsize>> = OnceLock::new();
    PROXY.get_or_init(|| {
        let (proxy, offered) = counting_proxy();
        for variable in [
            "HTTP_PROXY",
            "HTTPS_PROXY",
            "ALL_PROXY",
            "http_proxy",
            "https_proxy",
            "all_proxy",
        ] {
            // SAFETY: set once, inside this OnceLock, before any client of this binary is built;
            // no other thread of the test reads the environment meanwhile.
            unsafe { std::env::set_var(variable, &proxy) };
        }
        for variable in ["NO_PROXY", "no_proxy"] {
            // SAFETY: as above.
            unsafe { std::env::remove_var(variable) };
        }
        offered
    })
}

#[tokio::test]
async fn loopback_addresses_never_go_through_the_proxy_the_environment_names() {
    let offered = proxy_in_the_environment();
    let sim = common::sim(20, Faults::default()).await;

    let by_ip = common::client(&sim);
    let listed = by_ip
        .check_connection()
        .await
        .expect("connects")
        .phone_users;
    assert!(listed > 0);

    let port = sim.addr().port();
    let by_name = Endpoints::custom(
        format!("http://localhost:{port}/v2"),
        format!("http://localhost:{port}/oauth/token"),
    );
    let secret = zoom_sim::SimConfig::default().client_secret;
    let by_name = Client::new(
        common::credentials(&secret),
        by_name,
        common::fast_options(),
    )
    .expect("client builds");
    assert_eq!(
        by_name
            .check_connection()
            .await
            .expect("connects")
            .phone_users,
        listed
    );

    assert_eq!(
        offered.load(Ordering::SeqCst),
        0,
        "a request went to the proxy"
    );
    assert_eq!(sim.stats().tokens_issued, 2);
}

/// A server on loopback that answers every request with a redirect to `location(port)`, and keeps
/// the request line of each.
fn redirecting_server(location: fn(u16) -> String) -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = listener.local_addr().expect("bound").port();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for connection in listener.incoming() {
            let Ok(mut connection) = connection else {
                continue;
            };
            let mut request = [0u8; 4096];
            let read = connection.read(&mut request).unwrap_or(0);
            let text = String::from_utf8_lossy(&request[..read]).into_owned();
            log.lock()
                .unwrap()
                .push(text.lines().next().unwrap_or_default().to_owned());
            let answer = format!(
                "HTTP/1.1 307 Temporary Redirect\r\nLocation: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                location(port)
            );
            let _ = connection.write_all(answer.as_bytes());
        }
    });
    (port, seen)
}

#[tokio::test]
async fn a_redirect_to_an_address_the_rules_refuse_is_not_followed() {
    proxy_in_the_environment();
    // 0.0.0.0 is not loopback by the rules, yet reaches this computer: had the redirect been
    // followed, this same server would have seen it, and no other host is ever asked.
    let (port, seen) = redirecting_server(|port| format!("http://0.0.0.0:{port}/stolen"));
    let endpoints = Endpoints::custom(
        format!("http://127.0.0.1:{port}/v2"),
        format!("http://127.0.0.1:{port}/oauth/token"),
    );
    let client = Client::new(
        common::credentials("a-secret"),
        endpoints,
        common::fast_options(),
    )
    .expect("client builds");
    let error = client
        .check_connection()
        .await
        .expect_err("a redirect is no token");
    let requests = seen.lock().unwrap().clone();
    assert!(!requests.is_empty(), "{error}");
    assert!(
        requests.iter().all(|r| r.starts_with("POST /oauth/token")),
        "the redirect was followed: {requests:?} ({error})"
    );
}
