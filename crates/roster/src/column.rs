//! The columns of the roster table and of every export, and the text each shows for a user.

use std::fmt::Write as _;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use zoom::PhoneUser;

use crate::Error;

/// One column of the table or an export. Serialised as its snake_case key (`cost_center`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Column {
    Name,
    Email,
    Extension,
    PhoneNumbers,
    Site,
    Department,
    CostCenter,
    Status,
    CallingPlans,
    UserId,
    PhoneUserId,
    ExtensionId,
    SiteId,
    ActivationStatus,
}

/// How a column's values compare when sorting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SortKind {
    /// Case-insensitive, accent-insensitive text.
    Text,
    /// A number (an extension): "9" before "10".
    Number,
    /// Several numbers in Zoom's order, compared number by number.
    Numbers,
}

/// Multi-valued cells join their values with this, in Zoom's order.
pub const MULTI_VALUE_SEPARATOR: &str = "; ";

impl Column {
    /// Every column, in the table's default order.
    pub const ALL: [Column; 14] = [
        Column::Name,
        Column::Email,
        Column::Extension,
        Column::PhoneNumbers,
        Column::Site,
        Column::Department,
        Column::CostCenter,
        Column::Status,
        Column::CallingPlans,
        Column::UserId,
        Column::PhoneUserId,
        Column::ExtensionId,
        Column::SiteId,
        Column::ActivationStatus,
    ];

    /// The CSV columns scripts rely on: a stable contract, change only with a major version.
    pub const DEFAULT_EXPORT: [Column; 10] = [
        Column::Name,
        Column::Email,
        Column::Extension,
        Column::PhoneNumbers,
        Column::Site,
        Column::Department,
        Column::CostCenter,
        Column::Status,
        Column::CallingPlans,
        Column::UserId,
    ];

    /// The snake_case key used in the CLI's `--columns` and `--sort` and over IPC.
    pub fn key(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Email => "email",
            Column::Extension => "extension",
            Column::PhoneNumbers => "phone_numbers",
            Column::Site => "site",
            Column::Department => "department",
            Column::CostCenter => "cost_center",
            Column::Status => "status",
            Column::CallingPlans => "calling_plans",
            Column::UserId => "user_id",
            Column::PhoneUserId => "phone_user_id",
            Column::ExtensionId => "extension_id",
            Column::SiteId => "site_id",
            Column::ActivationStatus => "activation_status",
        }
    }

    /// The header text of the table and of CSV/xlsx exports.
    pub fn header(self) -> &'static str {
        match self {
            Column::Name => "Name",
            Column::Email => "Email",
            Column::Extension => "Extension",
            Column::PhoneNumbers => "Phone Numbers",
            Column::Site => "Site",
            Column::Department => "Department",
            Column::CostCenter => "Cost Center",
            Column::Status => "Status",
            Column::CallingPlans => "Calling Plans",
            Column::UserId => "User ID",
            Column::PhoneUserId => "Phone User ID",
            Column::ExtensionId => "Extension ID",
            Column::SiteId => "Site ID",
            Column::ActivationStatus => "Activation Status",
        }
    }

    pub(crate) fn sort_kind(self) -> SortKind {
        match self {
            Column::Extension => SortKind::Number,
            Column::PhoneNumbers => SortKind::Numbers,
            _ => SortKind::Text,
        }
    }

    /// The cell's text exactly as Zoom gave it; multi-valued fields joined with "; " in Zoom's
    /// order (blank entries left out); a missing value is "".
    pub fn cell(self, user: &PhoneUser) -> String {
        let mut out = String::new();
        self.write_cell(user, &mut out);
        out
    }

    /// Appends the cell's text to `out`, so exports reuse one buffer instead of allocating per cell.
    pub(crate) fn write_cell(self, user: &PhoneUser, out: &mut String) {
        fn single(value: &Option<zoom::Text>) -> &str {
            value.as_deref().unwrap_or("")
        }
        let text = match self {
            Column::Name => single(&user.name),
            Column::Email => single(&user.email),
            Column::Extension => single(&user.extension_number),
            Column::Site => user.site_name().unwrap_or(""),
            Column::Department => single(&user.department),
            Column::CostCenter => single(&user.cost_center),
            Column::Status => single(&user.status),
            Column::UserId => &user.id,
            Column::PhoneUserId => single(&user.phone_user_id),
            Column::ExtensionId => single(&user.extension_id),
            Column::SiteId => user
                .site
                .as_ref()
                .and_then(|s| s.id.as_deref())
                .unwrap_or(""),
            Column::ActivationStatus => single(&user.activation_status),
            Column::PhoneNumbers => {
                return join(phone_numbers(user), out);
            }
            Column::CallingPlans => {
                return join(calling_plan_names(user), out);
            }
        };
        out.push_str(text);
    }
}

/// The user's phone numbers in Zoom's order, blanks left out.
pub(crate) fn phone_numbers(user: &PhoneUser) -> impl Iterator<Item = &str> {
    user.phone_numbers
        .iter()
        .filter_map(|n| non_blank(n.number.as_deref()))
}

/// The user's calling plan names in Zoom's order, blanks left out.
pub(crate) fn calling_plan_names(user: &PhoneUser) -> impl Iterator<Item = &str> {
    user.calling_plans
        .iter()
        .filter_map(|p| non_blank(p.name.as_deref()))
}

fn non_blank(value: Option<&str>) -> Option<&str> {
    value.filter(|v| !v.trim().is_empty())
}

fn join<'a>(values: impl Iterator<Item = &'a str>, out: &mut String) {
    for (i, value) in values.enumerate() {
        if i > 0 {
            out.push_str(MULTI_VALUE_SEPARATOR);
        }
        out.push_str(value);
    }
}

/// Accepts the key (`cost_center`) or the header (`Cost Center`), ignoring case, and `-` or a
/// space in place of `_` (`cost-center`), as people type them on a command line.
impl FromStr for Column {
    type Err = Error;

    fn from_str(text: &str) -> Result<Column, Error> {
        let wanted: String = text
            .trim()
            .chars()
            .map(|c| {
                if c == '-' || c == ' ' {
                    '_'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        Column::ALL
            .into_iter()
            .find(|c| {
                c.key() == wanted || c.header().replace(' ', "_").to_ascii_lowercase() == wanted
            })
            .ok_or_else(|| {
                let mut known = String::new();
                for (i, c) in Column::ALL.iter().enumerate() {
                    let _ = write!(known, "{}{}", if i > 0 { ", " } else { "" }, c.key());
                }
                Error::UnknownColumn {
                    name: text.to_string(),
                    known,
                }
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_keys_headers_and_typed_variants() {
        for column in Column::ALL {
            assert_eq!(column.key().parse::<Column>().unwrap(), column);
            assert_eq!(column.header().parse::<Column>().unwrap(), column);
        }
        assert_eq!("cost-center".parse::<Column>().unwrap(), Column::CostCenter);
        assert_eq!(
            " PHONE NUMBERS ".parse::<Column>().unwrap(),
            Column::PhoneNumbers
        );
        let error = "colour".parse::<Column>().unwrap_err().to_string();
        assert!(
            error.contains("colour") && error.contains("cost_center"),
            "{error}"
        );
    }

    #[test]
    fn serde_uses_the_key() {
        for column in Column::ALL {
            let json = serde_json::to_string(&column).unwrap();
            assert_eq!(json, format!("\"{}\"", column.key()));
        }
    }

    #[test]
    fn multi_valued_cells_join_in_zoom_order_without_blanks() {
        let user: PhoneUser = serde_json::from_value(serde_json::json!({
            "id": "u1",
            "phone_numbers": [{"number": "14232058798"}, {"number": null}, {"number": "0044"}],
            "calling_plans": [{"name": "US/CA Unlimited"}, {"name": " "}, {"name": "Global Select"}]
        }))
        .unwrap();
        assert_eq!(Column::PhoneNumbers.cell(&user), "14232058798; 0044");
        assert_eq!(
            Column::CallingPlans.cell(&user),
            "US/CA Unlimited; Global Select"
        );
        assert_eq!(Column::Name.cell(&user), "");
        assert_eq!(Column::UserId.cell(&user), "u1");
    }
}
