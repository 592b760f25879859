//! The demo company's offices, biggest first, each with its country's numbering, calling plans and
//! billing entity, and the cultures it hires from.

use super::cultures::{
    ARABIC, CHINESE, DUTCH, ENGLISH, FRENCH, GERMAN, HISPANIC, INDIAN, IRISH, JAPANESE, KOREAN,
    NORDIC, PORTUGUESE,
};
use super::people::Hiring;

/// (type, name) of a Zoom calling plan.
pub(super) type Plan = (u32, &'static str);

pub(super) const INTERNATIONAL: Plan = (1, "International Calling Plan");
pub(super) const US_CA_UNLIMITED: Plan = (200, "US/CA Unlimited Calling Plan");
pub(super) const US_CA_METERED: Plan = (100, "US/CA Metered Calling Plan");
const UK_IE_UNLIMITED: Plan = (202, "UK/Ireland Unlimited Calling Plan");
const AU_NZ_UNLIMITED: Plan = (201, "AU/NZ Unlimited Calling Plan");
const JAPAN_UNLIMITED: Plan = (204, "Japan Unlimited Calling Plan");
const GLOBAL_SELECT: Plan = (300, "Global Select");

/// The legal entity a country's plans are billed to, an index into `BILLING_ENTITIES`.
pub(super) const AMERICAS: usize = 0;
const EMEA: usize = 1;
const APAC: usize = 2;
pub(super) const BILLING_ENTITIES: [&str; 3] = [
    "Northwind Traders, Inc.",
    "Northwind Traders Europe Ltd.",
    "Northwind Traders Asia Pacific Pte. Ltd.",
];

pub(super) struct Country {
    pub code: &'static str,
    pub name: &'static str,
    /// The plan most users there have.
    pub plan: Plan,
    /// The cheaper plan some users have instead, where Zoom sells one.
    pub metered: Option<Plan>,
    pub billing: usize,
}

const fn country(code: &'static str, name: &'static str, plan: Plan, billing: usize) -> Country {
    Country {
        code,
        name,
        plan,
        metered: None,
        billing,
    }
}

const US: Country = Country {
    metered: Some(US_CA_METERED),
    ..country("US", "United States", US_CA_UNLIMITED, AMERICAS)
};
const CA: Country = Country {
    metered: Some(US_CA_METERED),
    ..country("CA", "Canada", US_CA_UNLIMITED, AMERICAS)
};
const GB: Country = country("GB", "United Kingdom", UK_IE_UNLIMITED, EMEA);
const IE: Country = country("IE", "Ireland", UK_IE_UNLIMITED, EMEA);
const DE: Country = country("DE", "Germany", GLOBAL_SELECT, EMEA);
const FR: Country = country("FR", "France", GLOBAL_SELECT, EMEA);
const NL: Country = country("NL", "Netherlands", GLOBAL_SELECT, EMEA);
const SE: Country = country("SE", "Sweden", GLOBAL_SELECT, EMEA);
const ES: Country = country("ES", "Spain", GLOBAL_SELECT, EMEA);
const CH: Country = country("CH", "Switzerland", GLOBAL_SELECT, EMEA);
const AE: Country = country("AE", "United Arab Emirates", GLOBAL_SELECT, EMEA);
const SG: Country = country("SG", "Singapore", GLOBAL_SELECT, APAC);
const JP: Country = country("JP", "Japan", JAPAN_UNLIMITED, APAC);
const AU: Country = country("AU", "Australia", AU_NZ_UNLIMITED, APAC);
const IN: Country = country("IN", "India", GLOBAL_SELECT, APAC);
const KR: Country = country("KR", "South Korea", GLOBAL_SELECT, APAC);
const BR: Country = country("BR", "Brazil", GLOBAL_SELECT, AMERICAS);
const MX: Country = country("MX", "Mexico", GLOBAL_SELECT, AMERICAS);

pub(super) struct Office {
    pub name: &'static str,
    pub country: &'static Country,
    /// Country calling code and area code: every number of the office starts with it.
    pub prefix: &'static str,
    /// Digits after the prefix, and the first of them the office's numbers count up from: a
    /// block of the area's numbers, as a carrier ports them to Zoom.
    pub local_digits: usize,
    pub first_local: u64,
    pub hiring: Hiring,
}

const fn office(
    name: &'static str,
    country: &'static Country,
    prefix: &'static str,
    local_digits: usize,
    first_local: u64,
    local: &'static [&'static super::cultures::Culture],
    local_share: f64,
) -> Office {
    Office {
        name,
        country,
        prefix,
        local_digits,
        first_local,
        hiring: Hiring { local, local_share },
    }
}

/// Biggest first: an account opens the first ones (more for more users) and fills them with
/// skewed sizes. Prefixes are real area codes, so numbers format as the country writes them.
#[rustfmt::skip]
pub(super) const OFFICES: &[Office] = &[
    office("Austin HQ", &US, "1512", 7, 4_270_000, &[&ENGLISH, &HISPANIC], 0.65),
    office("London", &GB, "4420", 8, 33_180_000, &[&ENGLISH, &IRISH, &INDIAN], 0.6),
    office("New York", &US, "1212", 7, 6_290_000, &[&ENGLISH, &HISPANIC, &CHINESE], 0.6),
    office("San Francisco", &US, "1415", 7, 7_830_000, &[&ENGLISH, &CHINESE, &INDIAN], 0.6),
    office("Singapore", &SG, "65", 8, 68_080_000, &[&CHINESE, &INDIAN], 0.7),
    office("Toronto", &CA, "1416", 7, 8_620_000, &[&ENGLISH, &CHINESE, &FRENCH], 0.6),
    office("Berlin", &DE, "4930", 8, 20_910_000, &[&GERMAN], 0.7),
    office("Chicago", &US, "1312", 7, 9_410_000, &[&ENGLISH, &HISPANIC], 0.7),
    office("Dublin", &IE, "3531", 7, 6_950_000, &[&IRISH, &ENGLISH], 0.7),
    office("Tokyo", &JP, "813", 8, 62_250_000, &[&JAPANESE], 0.8),
    office("Sydney", &AU, "612", 8, 80_760_000, &[&ENGLISH, &CHINESE], 0.6),
    office("Bengaluru", &IN, "9180", 8, 47_180_000, &[&INDIAN], 0.9),
    office("Paris", &FR, "331", 8, 44_550_000, &[&FRENCH], 0.75),
    office("Amsterdam", &NL, "3120", 7, 5_210_000, &[&DUTCH], 0.65),
    office("São Paulo", &BR, "5511", 8, 30_900_000, &[&PORTUGUESE], 0.85),
    office("Denver", &US, "1303", 7, 8_250_000, &[&ENGLISH, &HISPANIC], 0.7),
    office("Stockholm", &SE, "468", 8, 50_500_000, &[&NORDIC], 0.75),
    office("Mexico City", &MX, "5255", 8, 41_600_000, &[&HISPANIC], 0.85),
    office("Madrid", &ES, "3491", 7, 2_750_000, &[&HISPANIC], 0.8),
    office("Zürich", &CH, "4144", 7, 2_150_000, &[&GERMAN, &FRENCH], 0.7),
    office("Manchester", &GB, "44161", 7, 8_340_000, &[&ENGLISH, &IRISH], 0.7),
    office("Seoul", &KR, "822", 8, 60_010_000, &[&KOREAN], 0.85),
    office("Dubai", &AE, "9714", 7, 3_360_000, &[&ARABIC, &INDIAN], 0.6),
    office("Raleigh", &US, "1919", 7, 3_260_000, &[&ENGLISH], 0.7),
    office("Munich", &DE, "4989", 8, 38_060_000, &[&GERMAN], 0.75),
];
