//! `GET /phone/users` filters, rendered as the query every page of a chain repeats.

/// Zoom's own filters; `Default` is no filter. Empty strings count as absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserFilter {
    pub site_id: Option<String>,
    /// Calling plan type.
    pub calling_type: Option<u32>,
    /// `activate`, `deactivate` or `pending`.
    pub status: Option<String>,
    pub department: Option<String>,
    pub cost_center: Option<String>,
    /// Partial name, extension number or phone number.
    pub keyword: Option<String>,
}

/// Zoom's maximum; fewer round trips.
pub(crate) const PAGE_SIZE: u32 = 100;

impl UserFilter {
    pub(crate) fn pending() -> Self {
        Self {
            status: Some("pending".into()),
            ..Self::default()
        }
    }

    /// `page_size` and the filters; a page token must be sent with exactly these.
    pub(crate) fn query(&self) -> Vec<(&'static str, String)> {
        let calling_type = self.calling_type.map(|t| t.to_string());
        let fields = [
            ("site_id", self.site_id.as_ref()),
            ("calling_type", calling_type.as_ref()),
            ("status", self.status.as_ref()),
            ("department", self.department.as_ref()),
            ("cost_center", self.cost_center.as_ref()),
            ("keyword", self.keyword.as_ref()),
        ];
        let mut query = vec![("page_size", PAGE_SIZE.to_string())];
        query.extend(
            fields
                .into_iter()
                .filter_map(|(name, value)| Some((name, value?.clone())))
                .filter(|(_, value)| !value.is_empty()),
        );
        query
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_filter_is_just_the_page_size() {
        assert_eq!(
            UserFilter::default().query(),
            vec![("page_size", "100".to_string())]
        );
    }

    #[test]
    fn every_filter_is_sent_and_empty_ones_are_not() {
        let filter = UserFilter {
            site_id: Some("site-1".into()),
            calling_type: Some(200),
            status: Some("deactivate".into()),
            department: Some("R&D, Ops".into()),
            cost_center: Some(String::new()),
            keyword: Some("Zoë".into()),
        };
        let query = filter.query();
        assert_eq!(
            query,
            vec![
                ("page_size", "100".to_string()),
                ("site_id", "site-1".into()),
                ("calling_type", "200".into()),
                ("status", "deactivate".into()),
                ("department", "R&D, Ops".into()),
                ("keyword", "Zoë".into()),
            ]
        );
    }
}
