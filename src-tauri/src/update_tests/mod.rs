//! The updater's signature check with a key pair made here: a package the matching key signed for
//! the version announced is accepted, and one signed by another key, for another version or for
//! none is refused in words. Without the accepted case a damaged public key would pass the
//! refusals unnoticed (the end-to-end suite can only show a refusal: it cannot sign with the
//! publisher's key). The app's own `plugins.updater` settings are used, with the key and the
//! server swapped for the test's.

use std::io::Cursor;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};
use tauri::test::MockRuntime;
use tauri::{App, Manager};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;

use crate::updates::{self, PendingUpdate, UpdateCheck};

const VERSION: &str = "99.0.0";
const PACKAGE: &[u8] = b"the new version's package";

/// A minisign key pair as the Tauri CLI writes it: the public key's text in base64.
struct Signer {
    keys: minisign::KeyPair,
}

impl Signer {
    fn new() -> Signer {
        Signer {
            keys: minisign::KeyPair::generate_unencrypted_keypair().unwrap(),
        }
    }

    fn public_key(&self) -> String {
        STANDARD.encode(self.keys.pk.to_box().unwrap().to_string())
    }

    /// A signature of `data` in the form `latest.json` carries; `version` in its trusted comment
    /// as `tauri build` records it.
    fn sign(&self, data: &[u8], version: Option<&str>) -> String {
        let trusted = match version {
            Some(version) => format!("timestamp:1764000000\tfile:package\tversion:{version}"),
            None => "timestamp:1764000000\tfile:package".to_owned(),
        };
        let signature = minisign::sign(
            Some(&self.keys.pk),
            &self.keys.sk,
            Cursor::new(data),
            Some(&trusted),
            None,
        )
        .unwrap();
        STANDARD.encode(signature.to_string())
    }
}

/// A server on loopback announcing `VERSION` with `signature`, and serving `PACKAGE`; the
/// address of its `latest.json`.
async fn update_server(signature: String) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let platform = json!({ "signature": signature, "url": format!("{base}/package") });
    // The updater looks for `{os}-{arch}`, after an installer's own key that is not given here.
    let os = match std::env::consts::OS {
        "macos" => "darwin",
        other => other,
    };
    let target = format!("{os}-{}", std::env::consts::ARCH);
    let manifest = json!({
        "version": VERSION,
        "notes": "Faster exports.",
        "pub_date": "2026-12-01T09:00:00Z",
        "platforms": { target: platform },
    })
    .to_string();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let manifest = manifest.clone();
            tokio::spawn(async move {
                let Some(head) = zoom_sim::read_request_head(&mut socket).await else {
                    return;
                };
                let body = if head.starts_with(b"GET /latest.json") {
                    manifest.into_bytes()
                } else {
                    PACKAGE.to_vec()
                };
                let answer = format!(
                    "HTTP/1.1 200 OK\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                    body.len()
                );
                let _ = socket.write_all(answer.as_bytes()).await;
                let _ = socket.write_all(&body).await;
            });
        }
    });
    format!("{base}/latest.json")
}

/// The app's `plugins.updater` settings from tauri.conf.json.
fn app_updater_settings() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tauri.conf.json");
    let config: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    config["plugins"]["updater"].clone()
}

/// An app on the mock runtime with the updater plugin, set up as the app's but trusting
/// `public_key` and asking `endpoint`.
fn app_with_updater(public_key: String, endpoint: String) -> App<MockRuntime> {
    let mut settings = app_updater_settings();
    settings["pubkey"] = public_key.into();
    settings["endpoints"] = json!([endpoint]);
    let mut context = tauri::test::mock_context(tauri::test::noop_assets());
    context
        .config_mut()
        .plugins
        .0
        .insert("updater".into(), settings);
    tauri::test::mock_builder()
        .plugin(tauri_plugin_updater::Builder::new().build())
        .manage(PendingUpdate::default())
        .build(context)
        .expect("mock app")
}

/// Checks for the update `signature` announces, then downloads and verifies its package.
async fn download(public_key: String, signature: String) -> Result<Vec<u8>, String> {
    let app = app_with_updater(public_key, update_server(signature).await);
    let pending = app.state::<PendingUpdate>();
    let check = updates::check(app.handle(), &pending).await.unwrap();
    assert!(
        matches!(&check, UpdateCheck::Available { version, .. } if version == VERSION),
        "{check:?}"
    );
    let update = pending.0.lock().unwrap().take().expect("the update found");
    updates::verified_package(&update)
        .await
        .map_err(|error| error.to_string())
}

const REFUSAL: &str = "The update could not be verified: it is not signed by Phone Roster's \
                       publisher, so it was not installed. This version keeps working.";

#[tokio::test]
async fn a_package_the_matching_key_signed_for_the_version_announced_is_accepted() {
    let publisher = Signer::new();
    let signature = publisher.sign(PACKAGE, Some(VERSION));
    let package = download(publisher.public_key(), signature).await;
    assert_eq!(package.as_deref(), Ok(PACKAGE));
}

#[tokio::test]
async fn a_package_signed_by_another_key_is_refused() {
    let (publisher, stranger) = (Signer::new(), Signer::new());
    let signature = stranger.sign(PACKAGE, Some(VERSION));
    let refused = download(publisher.public_key(), signature).await;
    assert_eq!(refused, Err(REFUSAL.to_owned()));
}

#[tokio::test]
async fn a_package_signed_for_another_version_or_none_is_refused() {
    // An older release's package, validly signed, announced as the new version: a tampered
    // manifest must not roll an admin back to it.
    let publisher = Signer::new();
    let older = publisher.sign(PACKAGE, Some("0.0.1"));
    let refused = download(publisher.public_key(), older).await;
    assert_eq!(refused, Err(REFUSAL.to_owned()));
    let unversioned = publisher.sign(PACKAGE, None);
    let refused = download(publisher.public_key(), unversioned).await;
    assert_eq!(refused, Err(REFUSAL.to_owned()));
}

#[test]
fn the_app_requires_signatures_bound_to_the_version() {
    assert_eq!(app_updater_settings()["requireSignedVersion"], json!(true));
}
