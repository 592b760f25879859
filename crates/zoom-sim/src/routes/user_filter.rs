//! The filters of `GET /phone/users`, with Zoom's semantics.

use super::params::Params;
use crate::generator::{Shared, User};
use crate::zoom_error::ZoomError;

const STATUSES: [&str; 3] = ["activate", "deactivate", "pending"];

#[derive(Debug, Default)]
pub(crate) struct UserFilter {
    site_id: Option<String>,
    calling_type: Option<u64>,
    status: Option<String>,
    department: Option<String>,
    cost_center: Option<String>,
    keyword: Option<String>,
}

impl UserFilter {
    pub fn from_params(params: &Params) -> Result<Self, ZoomError> {
        let text = |name: &str| params.get(name).map(str::to_owned);
        let calling_type = match params.get("calling_type") {
            None => None,
            Some(raw) => Some(
                raw.trim()
                    .parse()
                    .map_err(|_| ZoomError::invalid_field("calling_type"))?,
            ),
        };
        let status = text("status");
        if status.as_deref().is_some_and(|s| !STATUSES.contains(&s)) {
            return Err(ZoomError::invalid_field("status"));
        }
        Ok(Self {
            site_id: text("site_id"),
            calling_type,
            status,
            department: text("department"),
            cost_center: text("cost_center"),
            keyword: text("keyword"),
        })
    }

    pub fn site_id(&self) -> Option<&str> {
        self.site_id.as_deref()
    }

    /// The filters as a page token must see them again.
    pub fn canonical(&self) -> Vec<(&'static str, String)> {
        let calling_type = self.calling_type.map(|t| t.to_string());
        [
            ("site_id", self.site_id.clone()),
            ("calling_type", calling_type),
            ("status", self.status.clone()),
            ("department", self.department.clone()),
            ("cost_center", self.cost_center.clone()),
            ("keyword", self.keyword.clone()),
        ]
        .into_iter()
        .filter_map(|(name, value)| Some((name, value?)))
        .collect()
    }

    /// Indices of the matching users, in roster order.
    pub fn select(&self, users: &[User]) -> Vec<u32> {
        let keyword = self.keyword.as_deref().map(str::to_lowercase);
        (0..users.len() as u32)
            .filter(|&i| self.matches(&users[i as usize], keyword.as_deref()))
            .collect()
    }

    /// Without `status`, Zoom lists activated and deactivated users only: pending users (a licence
    /// but no phone feature) appear only with `status=pending`. Text filters match exactly;
    /// `keyword` is a case-insensitive part of the name, extension number or a phone number.
    fn matches(&self, user: &User, keyword_lower: Option<&str>) -> bool {
        let status_ok = match &self.status {
            Some(wanted) => user.status == wanted,
            None => !user.is_pending(),
        };
        status_ok
            && equal(user.site.get().map(|s| s.id.as_str()), &self.site_id)
            && equal(user.department.get().map(Shared::as_str), &self.department)
            && equal(
                user.cost_center.get().map(Shared::as_str),
                &self.cost_center,
            )
            && self.calling_type.is_none_or(|t| has_plan_type(user, t))
            && keyword_lower.is_none_or(|k| has_keyword(user, k))
    }
}

fn equal(value: Option<&str>, wanted: &Option<String>) -> bool {
    wanted.as_deref().is_none_or(|w| value == Some(w))
}

fn has_plan_type(user: &User, plan_type: u64) -> bool {
    let plans = user.calling_plans.get().map_or(&[][..], Vec::as_slice);
    plans.iter().any(|p| u64::from(p.plan_type) == plan_type)
}

fn has_keyword(user: &User, keyword_lower: &str) -> bool {
    user.name
        .get()
        .is_some_and(|n| n.to_lowercase().contains(keyword_lower))
        || user
            .extension_number
            .get()
            .is_some_and(|e| e.to_string().contains(keyword_lower))
        || user
            .phone_numbers
            .get()
            .is_some_and(|ns| ns.iter().any(|n| n.number.contains(keyword_lower)))
}
