//! Phone sites: more of them for bigger accounts (5 to 25), as `GET /phone/sites` lists them.

use rand::Rng;
use serde_json::{Value, json};

use super::ids::zoom_id;
use super::record::SiteRef;
use super::vocab::{SITE_COUNTRIES, SITE_NAMES};

/// A site as users embed it (`site: {id, name}`) and as the sites endpoint lists it.
pub(super) struct SiteSeed {
    pub site: SiteRef,
    pub listing: Value,
}

pub(super) fn site_count(users: usize) -> usize {
    let by_size = (2.2 * (users.max(1) as f64).ln()).round() as usize;
    by_size.clamp(5, SITE_NAMES.len())
}

pub(super) fn generate(rng: &mut impl Rng, users: usize) -> Vec<SiteSeed> {
    (0..site_count(users))
        .map(|k| {
            let id = zoom_id(rng, k as u64);
            let name = SITE_NAMES[k];
            let (code, country) = SITE_COUNTRIES[k % SITE_COUNTRIES.len()];
            let receptionist = json!({
                "id": zoom_id(rng, k as u64),
                "name": format!("{name} Main Auto Receptionist"),
                "extension_number": 200 + k,
                "extension_id": zoom_id(rng, k as u64),
            });
            let listing = json!({
                "id": id,
                "name": name,
                "site_code": 100 + k,
                "country": { "code": code, "name": country },
                "main_auto_receptionist": receptionist,
            });
            SiteSeed {
                site: SiteRef {
                    id: id.as_str().into(),
                    name,
                },
                listing,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bigger_accounts_have_more_sites_within_bounds() {
        assert_eq!(site_count(0), 5);
        assert_eq!(site_count(10), 5);
        assert!(site_count(1_000) > site_count(100));
        assert_eq!(site_count(250_000), 25);
    }
}
