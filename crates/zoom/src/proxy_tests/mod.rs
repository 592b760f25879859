//! Zoom's own addresses through an HTTPS proxy, end to end: the client asks a CONNECT proxy on
//! loopback for `zoom.us:443` and `api.zoom.us:443`, the proxy tunnels both to a TLS stand-in on
//! loopback that holds a certificate for those names, signed by a root made here and trusted only
//! by this test's client (`tls::http_client_trusting`). The token and a page of users come back
//! through the tunnel, and the proxy sees the names it was asked for but never the credentials.
//! No name is looked up and no other host is asked: the proxy connects only to the stand-in.

use std::sync::{Arc, Mutex};

use secrecy::SecretString;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::{Client, ClientOptions, Credentials, Endpoints};

/// The stand-in's certificate for Zoom's names, and the root that signed it.
struct Certificates {
    root: rustls::pki_types::CertificateDer<'static>,
    leaf: rustls::pki_types::CertificateDer<'static>,
    leaf_key: rustls::pki_types::PrivateKeyDer<'static>,
}

fn certificates() -> Certificates {
    let root_key = rcgen::KeyPair::generate().expect("a root key");
    let mut root = rcgen::CertificateParams::new(Vec::<String>::new()).expect("root params");
    root.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let root = root.self_signed(&root_key).expect("the root");
    let leaf_key = rcgen::KeyPair::generate().expect("a leaf key");
    let names = vec!["zoom.us".to_owned(), "api.zoom.us".to_owned()];
    let leaf = rcgen::CertificateParams::new(names)
        .expect("leaf params")
        .signed_by(&leaf_key, &root, &root_key)
        .expect("the leaf");
    Certificates {
        root: root.der().clone(),
        leaf: leaf.der().clone(),
        leaf_key: rustls::pki_types::PrivatePkcs8KeyDer::from(leaf_key.serialize_der()).into(),
    }
}

/// The head of an HTTP request (up to the blank line) and its body, read from `stream`.
async fn read_request(stream: &mut (impl AsyncReadExt + Unpin)) -> Option<(String, Vec<u8>)> {
    let mut bytes = Vec::new();
    let mut byte = [0u8; 1];
    while !bytes.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).await.ok()? == 0 {
            return None;
        }
        bytes.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&bytes).into_owned();
    let length = head
        .lines()
        .find_map(|line| {
            line.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(str::to_owned)
        })
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(0);
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).await.ok()?;
    Some((head, body))
}

/// A TLS server for Zoom's names answering the token request and one page of users, one request
/// per connection; its port, and the request heads it received.
async fn zoom_stand_in(certificates: &Certificates) -> (u16, Arc<Mutex<Vec<String>>>) {
    let mut config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("TLS versions")
    .with_no_client_auth()
    .with_single_cert(
        vec![certificates.leaf.clone()],
        certificates.leaf_key.clone_key(),
    )
    .expect("the stand-in's certificate");
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
    let port = listener.local_addr().expect("bound").port();
    let heads = Arc::new(Mutex::new(Vec::new()));
    let seen = heads.clone();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let (acceptor, seen) = (acceptor.clone(), seen.clone());
            tokio::spawn(async move {
                let Ok(mut tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let Some((head, _)) = read_request(&mut tls).await else {
                    return;
                };
                seen.lock().expect("heads").push(head.clone());
                let body = if head.starts_with("POST /oauth/token") {
                    r#"{"access_token":"through-the-tunnel","token_type":"bearer","expires_in":3600}"#
                } else {
                    r#"{"users":[{"id":"u1","name":"Ada Tunnel","status":"activate"}],"total_records":1,"next_page_token":""}"#
                };
                let answer = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = tls.write_all(answer.as_bytes()).await;
                let _ = tls.shutdown().await;
            });
        }
    });
    (port, heads)
}

/// A CONNECT proxy that tunnels every request to `target` on loopback, whatever name it is asked
/// for; the CONNECT lines, and every byte it tunnelled from the client.
async fn connect_proxy(target: u16) -> (String, Arc<Mutex<Vec<String>>>, Arc<Mutex<Vec<u8>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
    let address = format!("http://{}", listener.local_addr().expect("bound"));
    let (asked, carried) = (
        Arc::new(Mutex::new(Vec::new())),
        Arc::new(Mutex::new(Vec::new())),
    );
    let (asked_log, carried_log) = (asked.clone(), carried.clone());
    tokio::spawn(async move {
        while let Ok((mut client, _)) = listener.accept().await {
            let (asked, carried) = (asked_log.clone(), carried_log.clone());
            tokio::spawn(async move {
                let Some((head, _)) = read_request(&mut client).await else {
                    return;
                };
                asked
                    .lock()
                    .expect("asked")
                    .push(head.lines().next().unwrap_or_default().to_owned());
                let Ok(mut upstream) = TcpStream::connect(("127.0.0.1", target)).await else {
                    return;
                };
                if client
                    .write_all(b"HTTP/1.1 200 Connection Established\r\n\r\n")
                    .await
                    .is_err()
                {
                    return;
                }
                let (mut client_read, mut client_write) = client.split();
                let (mut upstream_read, mut upstream_write) = upstream.split();
                let outward = async {
                    let mut buffer = [0u8; 4096];
                    while let Ok(n) = client_read.read(&mut buffer).await {
                        if n == 0 || upstream_write.write_all(&buffer[..n]).await.is_err() {
                            break;
                        }
                        carried
                            .lock()
                            .expect("carried")
                            .extend_from_slice(&buffer[..n]);
                    }
                    let _ = upstream_write.shutdown().await;
                };
                let inward = async {
                    let _ = tokio::io::copy(&mut upstream_read, &mut client_write).await;
                    let _ = client_write.shutdown().await;
                };
                tokio::join!(outward, inward);
            });
        }
    });
    (address, asked, carried)
}

#[tokio::test]
async fn zoom_s_addresses_work_through_an_https_proxy_which_never_sees_the_credentials() {
    let certificates = certificates();
    let (stand_in, heads) = zoom_stand_in(&certificates).await;
    let (proxy, asked, carried) = connect_proxy(stand_in).await;

    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(certificates.root.clone())
        .expect("the test's root");
    let endpoints = Endpoints::zoom();
    let options = ClientOptions::default();
    let proxy = reqwest::Proxy::https(&proxy).expect("a proxy address");
    let http = crate::tls::http_client_trusting(roots, proxy, &options, &endpoints)
        .expect("the client builds");
    let secret = "tunnelled-client-secret";
    let credentials = Credentials {
        account_id: "acct".into(),
        client_id: "client".into(),
        client_secret: SecretString::from(secret.to_owned()),
    };
    let client =
        Client::with_http(credentials, endpoints, options, http).expect("Zoom's addresses");

    let check = client.check_connection().await.expect("through the tunnel");
    assert_eq!(check.phone_users, 1);

    let asked = asked.lock().expect("asked").clone();
    assert!(
        asked
            .iter()
            .any(|line| line.starts_with("CONNECT zoom.us:443")),
        "{asked:?}"
    );
    assert!(
        asked
            .iter()
            .any(|line| line.starts_with("CONNECT api.zoom.us:443")),
        "{asked:?}"
    );
    let heads = heads.lock().expect("heads").clone();
    assert!(
        heads
            .iter()
            .any(|h| h.starts_with("POST /oauth/token") && h.contains("Basic ")),
        "{heads:?}"
    );
    assert!(
        heads.iter().any(
            |h| h.starts_with("GET /v2/phone/users") && h.contains("Bearer through-the-tunnel")
        ),
        "{heads:?}"
    );
    // What the proxy carried was TLS: neither the secret, nor the token, nor a header in clear.
    let carried = String::from_utf8_lossy(&carried.lock().expect("carried")).into_owned();
    for clear in [
        secret,
        "through-the-tunnel",
        "Basic ",
        "Authorization",
        "oauth/token",
    ] {
        assert!(!carried.contains(clear), "the proxy saw {clear:?}");
    }
}
