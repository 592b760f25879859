//! The roster as the simulator holds it: compact typed records (a `serde_json::Value` per user
//! costs ~5 KB; these a tenth of that), serialised to exactly the JSON Zoom would send.

use std::sync::Arc;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

/// A field Zoom may send with a value, send as `null`, or leave out.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Field<T> {
    Missing,
    Null,
    Set(T),
}

impl<T> Field<T> {
    pub fn get(&self) -> Option<&T> {
        match self {
            Field::Set(value) => Some(value),
            Field::Missing | Field::Null => None,
        }
    }
}

/// Text many users share (site ids, departments, cost centers, billing accounts): one copy each.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Shared(Arc<str>);

impl Shared {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Shared {
    fn from(text: &str) -> Self {
        Self(text.into())
    }
}

impl Serialize for Shared {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SiteRef {
    pub id: Shared,
    pub name: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CallingPlan {
    pub name: &'static str,
    pub plan_type: u32,
    pub billing_account_id: Field<Shared>,
    pub billing_account_name: Field<Shared>,
    pub billing_subscription_id: Field<Shared>,
    pub billing_subscription_name: Field<Shared>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PhoneNumber {
    pub id: String,
    pub number: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct User {
    pub id: String,
    pub phone_user_id: Field<String>,
    pub name: Field<String>,
    pub email: Field<String>,
    pub extension_id: Field<String>,
    pub extension_number: Field<u64>,
    /// Always set here; whether Zoom sends it for pending users is decided when serialising.
    pub status: &'static str,
    pub activation_status: Field<&'static str>,
    pub site: Field<SiteRef>,
    pub department: Field<Shared>,
    pub cost_center: Field<Shared>,
    pub calling_plans: Field<Vec<CallingPlan>>,
    pub phone_numbers: Field<Vec<PhoneNumber>>,
    /// A field Zoom added after the client was written.
    pub unknown: Option<(&'static str, Value)>,
}

impl User {
    pub fn is_pending(&self) -> bool {
        self.status == "pending"
    }

    /// The record as JSON; `with_status: false` leaves `status` out.
    pub fn wire(&self, with_status: bool) -> Wire<'_> {
        Wire {
            user: self,
            with_status,
        }
    }

    pub fn to_value(&self) -> Value {
        // Strings and numbers only: serialising cannot fail.
        serde_json::to_value(self.wire(true)).expect("a user serialises")
    }
}

pub(crate) struct Wire<'a> {
    user: &'a User,
    with_status: bool,
}

/// Writes `key: value` unless the field is missing.
fn entry<M: SerializeMap, T: Serialize>(
    map: &mut M,
    key: &str,
    field: &Field<T>,
) -> Result<(), M::Error> {
    match field {
        Field::Missing => Ok(()),
        Field::Null => map.serialize_entry(key, &()),
        Field::Set(value) => map.serialize_entry(key, value),
    }
}

impl Serialize for Wire<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let u = self.user;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &u.id)?;
        entry(&mut map, "phone_user_id", &u.phone_user_id)?;
        entry(&mut map, "name", &u.name)?;
        entry(&mut map, "email", &u.email)?;
        entry(&mut map, "extension_id", &u.extension_id)?;
        entry(&mut map, "extension_number", &u.extension_number)?;
        if self.with_status {
            map.serialize_entry("status", u.status)?;
        }
        entry(&mut map, "activation_status", &u.activation_status)?;
        entry(&mut map, "site", &u.site)?;
        entry(&mut map, "department", &u.department)?;
        entry(&mut map, "cost_center", &u.cost_center)?;
        entry(&mut map, "calling_plans", &u.calling_plans)?;
        entry(&mut map, "phone_numbers", &u.phone_numbers)?;
        if let Some((key, value)) = &u.unknown {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl Serialize for SiteRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("name", self.name)?;
        map.end()
    }
}

impl Serialize for CallingPlan {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("name", self.name)?;
        map.serialize_entry("type", &self.plan_type)?;
        entry(&mut map, "billing_account_id", &self.billing_account_id)?;
        entry(&mut map, "billing_account_name", &self.billing_account_name)?;
        entry(
            &mut map,
            "billing_subscription_id",
            &self.billing_subscription_id,
        )?;
        entry(
            &mut map,
            "billing_subscription_name",
            &self.billing_subscription_name,
        )?;
        map.end()
    }
}

impl Serialize for PhoneNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("number", &self.number)?;
        map.end()
    }
}
