//! `login`, `logout`, `profiles` and `sites`: managing connection profiles.

use profiles::{Cloud, DEFAULT_PROFILE, Profile, ProfileStore};
use zoom::Credentials;

use crate::args::{CloudArg, LoginArgs, ProfileArg};
use crate::connection;
use crate::failure::Failure;
use crate::prompt;

pub async fn login(args: LoginArgs) -> Result<(), Failure> {
    let name = args
        .profile
        .profile
        .unwrap_or_else(|| DEFAULT_PROFILE.to_string());
    let store = ProfileStore::open_default()?;
    // Asked before anything is typed: nobody should enter a secret only to be refused.
    let replace = args.replace || may_replace(&store, &name)?;
    let account_id = match args.account_id {
        Some(id) => id,
        None => prompt::ask("Account ID")?,
    };
    let client_id = match args.client_id {
        Some(id) => id,
        None => prompt::ask("Client ID")?,
    };
    let client_secret = prompt::ask_secret("Client secret")?;
    let cloud = match args.cloud {
        CloudArg::Zoom => Cloud::Zoom,
        CloudArg::Zoomgov => Cloud::ZoomGov,
    };
    let profile = Profile {
        name: name.clone(),
        account_id,
        client_id,
        cloud,
        endpoints: None,
    };
    if !args.no_verify {
        let credentials = Credentials {
            account_id: profile.account_id.clone(),
            client_id: profile.client_id.clone(),
            client_secret: client_secret.clone(),
        };
        let endpoints = connection::endpoints_from_env(cloud.endpoints());
        let client = zoom::Client::new(credentials, endpoints, Default::default())?;
        let check = client.check_connection().await?;
        eprintln!(
            "Connected: the account has {} phone users.",
            check.phone_users
        );
    }
    if replace {
        store.save(&profile, Some(client_secret))?;
    } else {
        // Refuses a profile of this name saved meanwhile (by the app, say) instead of replacing it.
        store.create(&profile, Some(client_secret))?;
    }
    eprintln!("Saved profile \"{name}\"; the client secret is in your system keychain.");
    Ok(())
}

/// Whether saving `name` may replace a saved profile: no such profile, or the admin said yes.
fn may_replace(store: &ProfileStore, name: &str) -> Result<bool, Failure> {
    let Some(existing) = store.list()?.into_iter().find(|p| p.name == name) else {
        return Ok(false);
    };
    let question = format!(
        "A profile named \"{name}\" already exists (account {}, client {}). Replace it?",
        existing.account_id, existing.client_id
    );
    match prompt::confirm(&question)? {
        Some(true) => Ok(true),
        Some(false) => Err(Failure::Usage(format!(
            "Nothing was changed: the profile \"{name}\" was kept. Choose another --profile."
        ))),
        None => Err(Failure::Usage(format!(
            "A profile named \"{name}\" already exists (account {}). Nothing was changed: add \
             --replace to replace it, or choose another --profile.",
            existing.account_id
        ))),
    }
}

pub fn logout(args: ProfileArg) -> Result<(), Failure> {
    let name = args.profile.unwrap_or_else(|| DEFAULT_PROFILE.to_string());
    let snapshots = profiles::snapshot::default_dir()?;
    ProfileStore::open_default()?.delete_with_rosters(&name, &snapshots)?;
    eprintln!("Removed profile \"{name}\", its secret, its saved rosters and its saved views.");
    Ok(())
}

pub fn profiles() -> Result<(), Failure> {
    let profiles = ProfileStore::open_default()?.list()?;
    if profiles.is_empty() {
        eprintln!("No profiles yet. Run: phone-roster login");
    }
    for p in profiles {
        println!("{}", profile_line(&p));
    }
    Ok(())
}

/// One line of `phone-roster profiles`; a profile that talks to another address than its cloud's
/// says which, so an address nobody chose on purpose is seen.
fn profile_line(p: &Profile) -> String {
    let mut line = format!(
        "{}\taccount {}\tclient {}\t{}",
        p.name, p.account_id, p.client_id, p.cloud
    );
    if let Some(endpoints) = &p.endpoints {
        line.push_str(&format!(
            "\tAPI {} (token {})",
            endpoints.api_base, endpoints.token_url
        ));
    }
    line
}

pub async fn sites(args: ProfileArg) -> Result<(), Failure> {
    let connection = connection::resolve(args.profile.as_deref())?;
    let client = zoom::Client::new(
        connection.credentials,
        connection.endpoints,
        Default::default(),
    )?;
    for site in client.sites().await? {
        println!("{}\t{}", site.id, site.name.as_deref().unwrap_or(""));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::profile_line;
    use profiles::{Cloud, Profile};

    #[test]
    fn a_profile_line_names_a_non_default_address() {
        let mut profile = Profile::new("sim", "acc", "cli", Cloud::Zoom);
        assert_eq!(profile_line(&profile), "sim\taccount acc\tclient cli\tZoom");
        profile.endpoints = Some(zoom::Endpoints::custom(
            "http://127.0.0.1:8080/v2",
            "http://127.0.0.1:8080/oauth/token",
        ));
        assert!(
            profile_line(&profile).ends_with(
                "\tAPI http://127.0.0.1:8080/v2 (token http://127.0.0.1:8080/oauth/token)"
            )
        );
    }
}
