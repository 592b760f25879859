//! Updates: the release's signed `latest.json` (tauri.conf.json `plugins.updater`) is checked quietly
//! at launch and from About; the admin chooses when to restart into the new version. The updater
//! plugin refuses any package whose signature does not match the public key built into the app.
//!
//! IT departments switch updates off for a managed install with the policy below (update_policy.rs).

use std::sync::{Mutex, PoisonError};

use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_updater::{Update, UpdaterExt};

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::update_policy::UpdatePolicy;

/// Points the app at a test update server; honoured only for a loopback address, so nothing in the
/// environment can send an installed app to fetch code from elsewhere.
const TEST_ENDPOINT: &str = "PHONE_ROSTER_UPDATE_URL";

/// A check or download not done in this time gives up (a firewall that drops packets would otherwise
/// leave it waiting for ever); long enough for the ~14 MB package on a slow link. The next launch
/// tries again.
const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(300);

/// What a check found, for the notice in the top bar and the About panel.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum UpdateCheck {
    /// Updates are switched off on this computer; `by` names the setting that did it.
    Off {
        by: String,
    },
    UpToDate {
        version: String,
    },
    Available {
        version: String,
        notes: Option<String>,
    },
}

/// The update found by the last check, installed by `install_update` without asking again.
#[derive(Default)]
pub struct PendingUpdate(pub(crate) Mutex<Option<Update>>);

#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn check_for_update(
    app: AppHandle,
    state: State<'_, AppState>,
    pending: State<'_, PendingUpdate>,
) -> AppResult<UpdateCheck> {
    state.answer(check(&app, &pending)).await
}

pub(crate) async fn check<R: Runtime>(
    app: &AppHandle<R>,
    pending: &PendingUpdate,
) -> AppResult<UpdateCheck> {
    if let UpdatePolicy::Off { by } = UpdatePolicy::current() {
        return Ok(UpdateCheck::Off { by });
    }
    let found = updater(app)?.check().await.map_err(|e| explain(&e))?;
    let check = match &found {
        Some(update) => UpdateCheck::Available {
            version: update.version.clone(),
            notes: update.body.clone(),
        },
        None => UpdateCheck::UpToDate {
            version: app.package_info().version.to_string(),
        },
    };
    tracing::info!(?check, "update check");
    *pending.0.lock().unwrap_or_else(PoisonError::into_inner) = found;
    Ok(check)
}

/// Downloads the update found by the last check, verifies its signature, installs it and restarts
/// into it. On Windows the installer closes the app itself.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all)]
pub async fn install_update(
    app: AppHandle,
    state: State<'_, AppState>,
    pending: State<'_, PendingUpdate>,
) -> AppResult<()> {
    state.answer(install(&app, &pending)).await
}

async fn install(app: &AppHandle, pending: &PendingUpdate) -> AppResult<()> {
    if let UpdatePolicy::Off { by } = UpdatePolicy::current() {
        return Err(AppError::update(
            format!("Updates are switched off on this computer ({by})."),
            "Your IT department installs new versions.",
        ));
    }
    let update = pending
        .0
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take()
        .ok_or_else(|| {
            AppError::update(
                "There is no update to install.",
                "Use “Check for updates” in About first.",
            )
        })?;
    tracing::info!(version = %update.version, "installing update");
    let package = verified_package(&update).await?;
    update.install(package).map_err(|e| explain(&e))?;
    app.restart()
}

/// The update's package, downloaded and checked against the public key built into the app
/// (`plugins.updater.pubkey`): refused, in words, unless the publisher's key signed it.
pub(crate) async fn verified_package(update: &Update) -> AppResult<Vec<u8>> {
    update
        .download(|_, _| {}, || {})
        .await
        .map_err(|e| explain(&e))
}

fn updater<R: Runtime>(app: &AppHandle<R>) -> AppResult<tauri_plugin_updater::Updater> {
    let mut builder = app.updater_builder().timeout(TIMEOUT);
    if let Some(url) = test_endpoint() {
        builder = builder.endpoints(vec![url]).map_err(|e| explain(&e))?;
    }
    builder.build().map_err(|e| explain(&e))
}

fn test_endpoint() -> Option<url::Url> {
    let value = std::env::var(TEST_ENDPOINT).ok()?;
    let url = url::Url::parse(&value).ok();
    if !url.as_ref().is_some_and(zoom::is_loopback) {
        tracing::warn!("{TEST_ENDPOINT} ignored: only a loopback address is accepted");
        return None;
    }
    url
}

/// The updater's errors in words for an admin, with the one thing to do.
fn explain(error: &tauri_plugin_updater::Error) -> AppError {
    use tauri_plugin_updater::Error as E;
    let (message, hint) = match error {
        E::Minisign(_)
        | E::Base64(_)
        | E::SignatureUtf8(_)
        | E::SignedVersionMismatch { .. }
        | E::MissingSignedVersion => (
            "The update could not be verified: it is not signed by Phone Roster's publisher, so it \
             was not installed. This version keeps working."
                .to_owned(),
            "Try again later. If it keeps happening, tell your IT department: the download may have \
             been altered on the way.",
        ),
        E::Reqwest(_) | E::Network(_) => (
            format!("Could not reach the update server ({error})."),
            "Check the internet connection or proxy. Updates can wait; this version keeps working.",
        ),
        E::ReleaseNotFound | E::TargetNotFound(_) | E::TargetsNotFound(_) => (
            "No update is published for this system yet.".to_owned(),
            "Nothing to do: this version keeps working.",
        ),
        E::AuthenticationFailed => (
            "Installing the update needs an administrator's approval, which was not given.".to_owned(),
            "Choose “Restart to update” again and approve the system prompt, or ask your IT department.",
        ),
        _ => (
            format!("The update could not be installed ({error})."),
            "Download the new version from the Phone Roster releases page and install it over this one.",
        ),
    };
    AppError::update(message, hint)
}
