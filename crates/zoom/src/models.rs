//! The shapes Zoom answers with, parsed tolerantly.
//!
//! Zoom's responses drift: fields go missing, turn `null`, change type (an extension number sent as a
//! string), and new fields appear. One odd field must never fail a whole page, so every optional field
//! goes through a `lenient` deserializer and unknown fields are kept in `extra`.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::lenient;

/// Text as Zoom sent it. Most of a user's values (ids, numbers, extension, status, names, cost
/// centers) are 24 bytes or less and live inline here instead of in a heap allocation each: that
/// halves the memory of a 100k-user roster.
pub type Text = CompactString;

/// One Zoom Phone user, as listed by `GET /phone/users`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PhoneUser {
    /// Zoom user id; the key users are de-duplicated by.
    #[serde(default, deserialize_with = "lenient::string")]
    pub id: Text,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub phone_user_id: Option<Text>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub name: Option<Text>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub email: Option<Text>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub extension_id: Option<Text>,
    /// An int64 in Zoom's schema; kept as the digits Zoom sent so nothing is rounded or reformatted.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub extension_number: Option<Text>,
    /// `activate`, `deactivate` or `pending`.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub status: Option<Text>,
    /// `activated`, `ready to activate` or `not ready`.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub activation_status: Option<Text>,
    #[serde(default, deserialize_with = "lenient::opt_struct")]
    pub site: Option<SiteRef>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub department: Option<Text>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub cost_center: Option<Text>,
    #[serde(default, deserialize_with = "lenient::vec")]
    pub calling_plans: Vec<CallingPlan>,
    /// At most 10, in Zoom's order; numbers are digits without "+".
    #[serde(default, deserialize_with = "lenient::vec")]
    pub phone_numbers: Vec<PhoneNumber>,
    /// Fields Zoom added after this was written, kept so JSON export loses nothing.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The site a user belongs to, as embedded in a user record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SiteRef {
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub id: Option<Text>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub name: Option<Text>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CallingPlan {
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub name: Option<Text>,
    #[serde(default, rename = "type", deserialize_with = "lenient::opt_u32")]
    pub plan_type: Option<u32>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub billing_account_id: Option<Text>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub billing_account_name: Option<Text>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub billing_subscription_id: Option<Text>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub billing_subscription_name: Option<Text>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneNumber {
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub id: Option<Text>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub number: Option<Text>,
}

/// A Zoom Phone site, as listed by `GET /phone/sites`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Site {
    #[serde(default, deserialize_with = "lenient::string")]
    pub id: Text,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub name: Option<Text>,
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub site_code: Option<Text>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One page of `GET /phone/users`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct UsersPage {
    /// Empty or absent on the last page.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub next_page_token: Option<Text>,
    #[serde(default, deserialize_with = "lenient::opt_u32")]
    pub total_records: Option<u32>,
    /// Kept raw so one malformed user is skipped (and logged) instead of failing the page.
    #[serde(default, deserialize_with = "lenient::vec")]
    pub users: Vec<Value>,
}

/// One page of `GET /phone/sites`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct SitesPage {
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub next_page_token: Option<Text>,
    #[serde(default, deserialize_with = "lenient::opt_u32")]
    pub total_records: Option<u32>,
    #[serde(default, deserialize_with = "lenient::vec")]
    pub sites: Vec<Value>,
}

impl PhoneUser {
    /// The site's name, the value users filter and sort by.
    pub fn site_name(&self) -> Option<&str> {
        self.site.as_ref().and_then(|s| s.name.as_deref())
    }
}
