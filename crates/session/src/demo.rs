//! "Try the demo account": zoom-sim in this process on 127.0.0.1 (an ephemeral port) with a
//! realistic 10k-user account and ~30 ms latency, reached through the same client as a real account,
//! with a roster of a month ago for its Changes view and two saved views to open at first sight.

use std::time::Duration;

use profiles::ProfileStore;
use profiles::views::SavedView;
use roster::{Column, Filters, SortKey, ViewSpec};
use secrecy::SecretString;

/// The demo's name on screen and the profile name its saved views are kept under.
pub const DEMO_PROFILE: &str = "Demo account";
const DEMO_USERS: usize = 10_000;
const DEMO_LATENCY: Duration = Duration::from_millis(30);

/// The running simulator behind the demo account; dropping it stops the server.
pub struct DemoAccount {
    /// Held only so the server keeps running.
    _server: zoom_sim::SimHandle,
    pub credentials: zoom::Credentials,
    pub endpoints: zoom::Endpoints,
    /// The demo's roster of a month ago and when it was "saved", so that its Changes view has
    /// something to show from the first load.
    pub previous: Vec<zoom::PhoneUser>,
    pub previous_saved_at: String,
}

impl DemoAccount {
    /// Starts the simulator; the error says why it could not, in words.
    pub async fn start() -> Result<Self, String> {
        let config = zoom_sim::SimConfig {
            users: DEMO_USERS,
            faults: zoom_sim::Faults {
                latency: DEMO_LATENCY,
                ..Default::default()
            },
            hostile_names: false,
            ..Default::default()
        };
        let credentials = zoom::Credentials {
            account_id: config.account_id.clone(),
            client_id: config.client_id.clone(),
            client_secret: SecretString::from(config.client_secret.clone()),
        };
        let previous = month_old_roster(config.seed)?;
        let server = zoom_sim::start(config)
            .await
            .map_err(|e| format!("The demo account could not start: {e}"))?;
        Ok(DemoAccount {
            endpoints: zoom::Endpoints::custom(server.api_base(), server.token_url()),
            _server: server,
            credentials,
            previous,
            previous_saved_at: a_month_ago(),
        })
    }
}

/// Offers the demo's two saved views when it has none. They are kept like any profile's
/// (views.json), so that one the admin removes stays removed while the other remains.
pub fn offer_views(store: &ProfileStore) -> Result<(), profiles::ProfileError> {
    let views = store.saved_views();
    if views.list(DEMO_PROFILE)?.is_empty() {
        for view in demo_views() {
            views.save(DEMO_PROFILE, view)?;
        }
    }
    Ok(())
}

fn demo_views() -> [SavedView; 2] {
    let by = |column| SortKey {
        column,
        descending: false,
    };
    [
        SavedView {
            name: "Finance monthly".into(),
            spec: ViewSpec {
                filters: Filters {
                    department: vec!["Finance".into()],
                    ..Filters::default()
                },
                sort: vec![by(Column::CostCenter), by(Column::Name)],
                ..ViewSpec::default()
            },
            columns: Column::SHOWN_BY_DEFAULT.to_vec(),
        },
        SavedView {
            name: "Pending activations".into(),
            spec: ViewSpec {
                filters: Filters {
                    status: vec!["pending".into()],
                    ..Filters::default()
                },
                sort: vec![by(Column::Site), by(Column::Name)],
                ..ViewSpec::default()
            },
            columns: vec![
                Column::Name,
                Column::Email,
                Column::Site,
                Column::Department,
                Column::CostCenter,
                Column::Status,
            ],
        },
    ]
}

/// The demo account as it was a month ago: some of today's people not there yet, a few since gone,
/// others in another cost center, site or plan (zoom-sim's demo history).
fn month_old_roster(seed: u64) -> Result<Vec<zoom::PhoneUser>, String> {
    let (previous, _now) = zoom_sim::generate_demo_history(DEMO_USERS, seed);
    previous
        .into_iter()
        .map(serde_json::from_value)
        .collect::<Result<_, _>>()
        .map_err(|e| format!("The demo's earlier roster is unreadable: {e}"))
}

fn a_month_ago() -> String {
    crate::compare::rfc3339(time::OffsetDateTime::now_utc() - time::Duration::days(30))
}
