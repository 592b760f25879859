//! Which Zoom account a command talks to: a saved profile, or the ZOOM_* environment variables that
//! scheduled jobs set.

use secrecy::SecretString;
use zoom::{Credentials, Endpoints};

use profiles::snapshot::Owner;
use profiles::{DEFAULT_PROFILE, ProfileStore};

use crate::failure::Failure;

/// The credentials and endpoints to use, and where they came from.
pub struct Connection {
    pub credentials: Credentials,
    pub endpoints: Endpoints,
    /// The saved profile used; `None` when the ZOOM_* variables gave the credentials.
    pub profile: Option<String>,
}

/// The name snapshots of an account reached through the ZOOM_* variables are kept under: no saved
/// profile to name them by, and not a name an admin would give one.
const ENVIRONMENT_OWNER: &str = "(ZOOM_* environment variables)";

impl Connection {
    /// Whose saved rosters `changes` compares with: the profile's (those the app saves too), or
    /// for the ZOOM_* variables, the account's own, apart from every profile's.
    pub fn snapshot_owner(&self) -> Owner {
        Owner {
            profile: self
                .profile
                .clone()
                .unwrap_or_else(|| ENVIRONMENT_OWNER.to_owned()),
            account_id: self.credentials.account_id.clone(),
            client_id: self.credentials.client_id.clone(),
        }
    }
}

/// Credentials from `--profile`, else from ZOOM_ACCOUNT_ID/ZOOM_CLIENT_ID/ZOOM_CLIENT_SECRET when all
/// three are set, else from the "default" profile; endpoints then overridden by the environment.
pub fn resolve(profile: Option<&str>) -> Result<Connection, Failure> {
    let (credentials, endpoints, profile) = match (profile, credentials_from_env()?) {
        (None, Some(credentials)) => (credentials, Endpoints::zoom(), None),
        (profile, _) => {
            let name = profile.unwrap_or(DEFAULT_PROFILE);
            let (credentials, endpoints) = ProfileStore::open_default()?.credentials(name)?;
            (credentials, endpoints, Some(name.to_owned()))
        }
    };
    Ok(Connection {
        credentials,
        endpoints: endpoints_from_env(endpoints),
        profile,
    })
}

fn credentials_from_env() -> Result<Option<Credentials>, Failure> {
    let vars = ["ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"].map(non_empty_var);
    match vars {
        [Some(account_id), Some(client_id), Some(secret)] => Ok(Some(Credentials {
            account_id,
            client_id,
            client_secret: SecretString::from(secret),
        })),
        [None, None, None] => Ok(None),
        _ => Err(Failure::Usage(
            "Set all three of ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET, or none of them \
             and use a saved profile (phone-roster login)."
                .into(),
        )),
    }
}

/// ZOOM_API_BASE_URL and ZOOM_OAUTH_TOKEN_URL point the CLI elsewhere (a proxy, or the simulator).
pub fn endpoints_from_env(endpoints: Endpoints) -> Endpoints {
    Endpoints {
        api_base: non_empty_var("ZOOM_API_BASE_URL").unwrap_or(endpoints.api_base),
        token_url: non_empty_var("ZOOM_OAUTH_TOKEN_URL").unwrap_or(endpoints.token_url),
    }
}

fn non_empty_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}
