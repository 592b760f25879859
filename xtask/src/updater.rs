//! The release's updater, made trustworthy before the first tag:
//!
//! - `cargo xtask updater-key-check` signs a probe file with the key the release secrets hold
//!   (`TAURI_SIGNING_PRIVATE_KEY`, its text or a path, and `TAURI_SIGNING_PRIVATE_KEY_PASSWORD`),
//!   with the same Tauri CLI the release signs with, and verifies the signature against the public
//!   key in tauri.conf.json, as every installed copy will. A key swapped on one side only would
//!   otherwise ship updates that every installed copy refuses; release.yml runs this first.
//! - `cargo xtask updater-manifest` writes `latest.json` once, after every platform's build, from
//!   the `.sig` files of the draft release's assets, so that no two build jobs race to write it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::{program, step, ui, workspace_root};

/// `cargo xtask updater-key-check`: the release's signing key against the app's public key.
pub fn key_check() -> anyhow::Result<()> {
    step::run(
        "the updater key signs what the app's public key accepts",
        || {
            let key_id = check_key(&[], &app_public_key()?)?;
            println!("the release key (ID {key_id}) matches the public key in tauri.conf.json");
            Ok(())
        },
    )
}

/// Signs a probe with the key in the environment (with `env` added, for tests) and verifies it
/// against `public_key` (base64 of a minisign public key, as tauri.conf.json holds it). The key's
/// ID on success.
fn check_key(env: &[(&str, &str)], public_key: &str) -> anyhow::Result<String> {
    let public = decode_public_key(public_key)?;
    let dir = scratch_dir("key-check")?;
    let checked = sign_and_verify(&dir, env, &public);
    let _ = std::fs::remove_dir_all(&dir);
    checked?;
    Ok(public.id)
}

fn sign_and_verify(dir: &Path, env: &[(&str, &str)], public: &PublicKey) -> anyhow::Result<()> {
    let probe = dir.join("probe.txt");
    let contents = b"Phone Roster updater key probe";
    std::fs::write(&probe, contents)?;
    let mut sign = program::command(ui::bin("tauri"));
    sign.args(["signer", "sign"])
        .arg(&probe)
        .envs(env.iter().copied())
        .stdin(std::process::Stdio::null());
    let output = sign
        .output()
        .context("could not run the Tauri CLI (ui/node_modules: run `npm ci` in ui/)")?;
    if !output.status.success() {
        bail!(
            "the Tauri CLI could not sign with TAURI_SIGNING_PRIVATE_KEY (is it set, and is \
             TAURI_SIGNING_PRIVATE_KEY_PASSWORD its password?): {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    let signature = std::fs::read_to_string(dir.join("probe.txt.sig"))?;
    let signature = decode_base64_text(signature.trim(), "the probe's signature")?;
    let signature = minisign_verify::Signature::decode(&signature)
        .map_err(|e| anyhow::anyhow!("the probe's signature is not a minisign signature: {e}"))?;
    public
        .key
        .verify(contents, &signature, true)
        .map_err(|error| {
            anyhow::anyhow!(
                "the updater key in the release secrets does not match the public key in \
             tauri.conf.json (ID {}): {error}. Every installed copy would refuse this release's \
             updates. Put the matching private key in TAURI_SIGNING_PRIVATE_KEY, or the new public \
             key in tauri.conf.json (plugins.updater.pubkey) and release it before switching keys \
             (RELEASING.md)",
                public.id
            )
        })
}

struct PublicKey {
    key: minisign_verify::PublicKey,
    /// The key ID from the key's comment line, to name it in messages.
    id: String,
}

fn decode_public_key(base64_text: &str) -> anyhow::Result<PublicKey> {
    let text = decode_base64_text(base64_text, "the public key")?;
    let key = minisign_verify::PublicKey::decode(&text)
        .map_err(|e| anyhow::anyhow!("the public key is not a minisign public key: {e}"))?;
    let id = text
        .lines()
        .next()
        .and_then(|comment| comment.rsplit(' ').next())
        .unwrap_or("unknown")
        .to_owned();
    Ok(PublicKey { key, id })
}

fn decode_base64_text(text: &str, what: &str) -> anyhow::Result<String> {
    let bytes = STANDARD
        .decode(text.trim())
        .with_context(|| format!("{what} is not base64"))?;
    String::from_utf8(bytes).with_context(|| format!("{what} is not text"))
}

/// `plugins.updater.pubkey` of tauri.conf.json.
fn app_public_key() -> anyhow::Result<String> {
    let path = workspace_root().join("tauri.conf.json");
    let config: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path)?)
        .with_context(|| format!("{} is not JSON", path.display()))?;
    config["plugins"]["updater"]["pubkey"]
        .as_str()
        .map(str::to_owned)
        .context("tauri.conf.json has no plugins.updater.pubkey")
}

/// A fresh folder under target/ (xtask keeps to few dependencies: no tempfile).
fn scratch_dir(purpose: &str) -> anyhow::Result<PathBuf> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let dir = workspace_root().join("target/updater").join(format!(
        "{purpose}-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// Where each platform's update comes from: the updater asks for `{os}-{arch}-{installer}` first,
/// then `{os}-{arch}`; the asset whose name ends so, with its `.sig` beside it.
const PLATFORMS: [(&str, &str); 9] = [
    // The per-user NSIS setup needs no administrator; an MSI install updates from the MSI.
    ("windows-x86_64", "-setup.exe"),
    ("windows-x86_64-nsis", "-setup.exe"),
    ("windows-x86_64-msi", ".msi"),
    // One universal app serves both processors.
    ("darwin-x86_64", ".app.tar.gz"),
    ("darwin-aarch64", ".app.tar.gz"),
    ("darwin-x86_64-app", ".app.tar.gz"),
    ("darwin-aarch64-app", ".app.tar.gz"),
    ("linux-x86_64", ".AppImage"),
    ("linux-x86_64-appimage", ".AppImage"),
];

/// `cargo xtask updater-manifest --assets DIR --version V --pub-date RFC3339 --url-base URL
/// [--notes TEXT] --output FILE`.
pub fn manifest(args: &[std::ffi::OsString]) -> anyhow::Result<()> {
    let mut flags = BTreeMap::new();
    let mut args = args.iter().map(|a| a.to_string_lossy().into_owned());
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .with_context(|| format!("{flag} needs a value"))?;
        flags.insert(flag, value);
    }
    let flag = |name: &str| {
        flags
            .get(name)
            .cloned()
            .with_context(|| format!("updater-manifest needs {name}"))
    };
    let json = manifest_json(
        Path::new(&flag("--assets")?),
        &flag("--version")?,
        &flag("--pub-date")?,
        &flag("--url-base")?,
        flags.get("--notes").map(String::as_str).unwrap_or_default(),
    )?;
    std::fs::write(flag("--output")?, json)?;
    Ok(())
}

/// latest.json for the assets in `dir` (named as the release stores them), each URL being
/// `url_base/NAME`. Fails naming any platform whose asset or signature is missing.
fn manifest_json(
    dir: &Path,
    version: &str,
    pub_date: &str,
    url_base: &str,
    notes: &str,
) -> anyhow::Result<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .with_context(|| format!("could not list {}", dir.display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    let mut platforms = serde_json::Map::new();
    let mut missing = Vec::new();
    for (platform, ending) in PLATFORMS {
        let signed = names
            .iter()
            .find(|name| name.ends_with(ending) && names.contains(&format!("{name}.sig")));
        let Some(asset) = signed else {
            missing.push(format!("{platform} (*{ending} and its .sig)"));
            continue;
        };
        let signature = std::fs::read_to_string(dir.join(format!("{asset}.sig")))?;
        decode_base64_text(signature.trim(), &format!("{asset}.sig"))?;
        platforms.insert(
            platform.to_owned(),
            serde_json::json!({
                "signature": signature.trim(),
                "url": format!("{}/{asset}", url_base.trim_end_matches('/')),
            }),
        );
    }
    if !missing.is_empty() {
        bail!(
            "the release has no signed update for: {}. Re-run that platform's build job",
            missing.join(", ")
        );
    }
    let manifest = serde_json::json!({
        "version": version,
        "notes": notes,
        "pub_date": pub_date,
        "platforms": platforms,
    });
    Ok(serde_json::to_string_pretty(&manifest)? + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key pair made by the Tauri CLI, as `tauri signer generate` makes the publisher's.
    fn key_pair(dir: &Path, name: &str) -> (String, String) {
        let key = dir.join(name);
        let generated = program::command(ui::bin("tauri"))
            .args(["signer", "generate", "--ci", "-p", "probe-password", "-w"])
            .arg(&key)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("the Tauri CLI runs (npm ci in ui/ first)");
        assert!(generated.status.success(), "{generated:?}");
        let private = std::fs::read_to_string(&key).unwrap();
        let public = std::fs::read_to_string(key.with_extension("key.pub")).unwrap();
        (private, public)
    }

    #[test]
    fn the_key_check_accepts_the_matching_key_and_refuses_another() {
        let dir = scratch_dir("key-pairs").unwrap();
        let (private, public) = key_pair(&dir, "publisher.key");
        let (other_private, _) = key_pair(&dir, "other.key");
        let env = |key: &str| {
            [
                ("TAURI_SIGNING_PRIVATE_KEY", key.to_owned()),
                (
                    "TAURI_SIGNING_PRIVATE_KEY_PASSWORD",
                    "probe-password".to_owned(),
                ),
            ]
        };
        let matching = env(&private);
        let matching: Vec<(&str, &str)> = matching.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let id = check_key(&matching, &public).expect("the matching key passes");
        assert_eq!(id.len(), 16, "{id}");

        let other = env(&other_private);
        let other: Vec<(&str, &str)> = other.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let refused = check_key(&other, &public).unwrap_err().to_string();
        assert!(
            refused.contains("does not match the public key"),
            "{refused}"
        );
        assert!(refused.contains(&id), "{refused}");

        let wrong_password = [
            ("TAURI_SIGNING_PRIVATE_KEY", private.as_str()),
            ("TAURI_SIGNING_PRIVATE_KEY_PASSWORD", "not it"),
        ];
        let refused = check_key(&wrong_password, &public).unwrap_err().to_string();
        assert!(refused.contains("could not sign"), "{refused}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_app_s_public_key_is_a_minisign_key() {
        let key = decode_public_key(&app_public_key().unwrap()).unwrap();
        assert_eq!(key.id.len(), 16, "{}", key.id);
    }

    /// A folder of release assets: installers, and `.sig` files holding base64 text.
    fn stand_in_release(names: &[&str]) -> PathBuf {
        let dir = scratch_dir("manifest").unwrap();
        for name in names {
            let contents = if name.ends_with(".sig") {
                STANDARD.encode(format!("untrusted comment: signature of {name}\nRUQ…\n"))
            } else {
                "an installer".to_owned()
            };
            std::fs::write(dir.join(name), contents).unwrap();
        }
        dir
    }

    const EVERY_ASSET: [&str; 12] = [
        "Phone.Roster_1.2.0_x64-setup.exe",
        "Phone.Roster_1.2.0_x64-setup.exe.sig",
        "Phone.Roster_1.2.0_x64_en-US.msi",
        "Phone.Roster_1.2.0_x64_en-US.msi.sig",
        "Phone.Roster_universal.app.tar.gz",
        "Phone.Roster_universal.app.tar.gz.sig",
        "Phone.Roster_1.2.0_amd64.AppImage",
        "Phone.Roster_1.2.0_amd64.AppImage.sig",
        "Phone.Roster_1.2.0_amd64.deb",
        "Phone.Roster_1.2.0_universal.dmg",
        "phone-roster-1.2.0-x86_64-pc-windows-msvc.zip",
        "SHA256SUMS",
    ];

    #[test]
    fn the_manifest_points_each_platform_at_its_signed_asset() {
        let release = stand_in_release(&EVERY_ASSET);
        let base = "https://github.com/phone-roster/phone-roster/releases/download/v1.2.0";
        let json =
            manifest_json(&release, "1.2.0", "2026-12-07T18:00:00Z", base, "Notes.").unwrap();
        let manifest: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(manifest["version"], "1.2.0");
        assert_eq!(manifest["pub_date"], "2026-12-07T18:00:00Z");
        let url = |platform: &str| {
            manifest["platforms"][platform]["url"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        assert_eq!(
            url("windows-x86_64"),
            format!("{base}/Phone.Roster_1.2.0_x64-setup.exe")
        );
        assert_eq!(
            url("windows-x86_64-msi"),
            format!("{base}/Phone.Roster_1.2.0_x64_en-US.msi")
        );
        assert_eq!(
            url("darwin-aarch64"),
            format!("{base}/Phone.Roster_universal.app.tar.gz")
        );
        assert_eq!(url("darwin-x86_64"), url("darwin-aarch64"));
        assert_eq!(
            url("linux-x86_64"),
            format!("{base}/Phone.Roster_1.2.0_amd64.AppImage")
        );
        let signature = manifest["platforms"]["windows-x86_64"]["signature"]
            .as_str()
            .unwrap();
        assert_eq!(
            decode_base64_text(signature, "signature").unwrap(),
            "untrusted comment: signature of Phone.Roster_1.2.0_x64-setup.exe.sig\nRUQ…\n"
        );
        assert_eq!(
            manifest["platforms"].as_object().unwrap().len(),
            PLATFORMS.len()
        );
        std::fs::remove_dir_all(release).unwrap();
    }

    #[test]
    fn a_platform_without_its_signature_is_named() {
        let unsigned_mac: Vec<&str> = EVERY_ASSET
            .into_iter()
            .filter(|name| *name != "Phone.Roster_universal.app.tar.gz.sig")
            .collect();
        let release = stand_in_release(&unsigned_mac);
        let error = manifest_json(&release, "1.2.0", "2026-12-07T18:00:00Z", "https://x", "")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("darwin-x86_64 (*.app.tar.gz and its .sig)"),
            "{error}"
        );
        assert!(!error.contains("windows"), "{error}");
        std::fs::remove_dir_all(release).unwrap();
    }
}
