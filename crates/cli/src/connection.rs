//! Which Zoom account a command talks to: a saved profile, or the ZOOM_* environment variables that
//! scheduled jobs set.

use secrecy::SecretString;
use zoom::{Credentials, Endpoints};

use profiles::{DEFAULT_PROFILE, ProfileStore};

use crate::failure::Failure;

/// Credentials from `--profile`, else from ZOOM_ACCOUNT_ID/ZOOM_CLIENT_ID/ZOOM_CLIENT_SECRET when all
/// three are set, else from the "default" profile; endpoints then overridden by the environment.
pub fn resolve(profile: Option<&str>) -> Result<(Credentials, Endpoints), Failure> {
    let (credentials, endpoints) = match (profile, credentials_from_env()?) {
        (None, Some(credentials)) => (credentials, Endpoints::zoom()),
        (profile, _) => {
            ProfileStore::open_default()?.credentials(profile.unwrap_or(DEFAULT_PROFILE))?
        }
    };
    Ok((credentials, endpoints_from_env(endpoints)))
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
