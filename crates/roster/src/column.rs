//! The columns of the roster table and of every export, and the text each shows for a user.

use std::fmt::Write as _;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use zoom::PhoneUser;

use crate::Error;
use crate::phone_format::international;

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

    /// The table's columns on first launch and after "Reset": all but the ids, which are there for
    /// support work, hidden until asked for.
    pub const SHOWN_BY_DEFAULT: &[Column] = Column::ALL.split_at(9).0;

    /// The table's starting width in pixels, sized for typical values; longer cells are cut short
    /// with the whole text on hover.
    pub fn default_width(self) -> u32 {
        match self {
            Column::Name => 190,
            Column::Email => 230,
            Column::Extension => 110,
            Column::PhoneNumbers => 150,
            Column::Site | Column::Department => 130,
            Column::CostCenter => 120,
            Column::Status => 100,
            Column::CallingPlans | Column::UserId | Column::PhoneUserId => 200,
            Column::ExtensionId | Column::SiteId | Column::ActivationStatus => 140,
        }
    }

    /// Whether a cell lists several values (joined with [`MULTI_VALUE_SEPARATOR`] in one cell).
    pub fn is_multi_valued(self) -> bool {
        matches!(self, Column::PhoneNumbers | Column::CallingPlans)
    }

    /// The cell's values, each on its own: several for a multi-valued column, else one (none when
    /// blank). The details panel lists these instead of splitting the joined text.
    pub fn values(self, user: &PhoneUser) -> Vec<String> {
        match self {
            Column::PhoneNumbers => phone_numbers(user)
                .map(|n| international(n).into_owned())
                .collect(),
            Column::CallingPlans => calling_plan_names(user).map(str::to_owned).collect(),
            _ => Some(self.cell(user))
                .filter(|cell| !cell.is_empty())
                .into_iter()
                .collect(),
        }
    }

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

    /// The cell's text as the screen shows it (`CellForm::AsShown`).
    pub fn cell(self, user: &PhoneUser) -> String {
        let mut out = String::new();
        self.write_cell(user, CellForm::AsShown, &mut out);
        out
    }

    /// The cell's text exactly as Zoom gave it (`CellForm::AsSent`).
    pub fn cell_as_sent(self, user: &PhoneUser) -> String {
        let mut out = String::new();
        self.write_cell(user, CellForm::AsSent, &mut out);
        out
    }

    /// Appends the cell's text in `form` to `out`, so exports reuse one buffer instead of
    /// allocating per cell. Multi-valued fields are joined with "; " in Zoom's order (blank entries
    /// left out); a missing value is "".
    pub(crate) fn write_cell(self, user: &PhoneUser, form: CellForm, out: &mut String) {
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
            Column::Status => match form {
                CellForm::AsSent => single(&user.status),
                CellForm::AsShown => return status_words(single(&user.status), out),
            },
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
                return match form {
                    CellForm::AsSent => join(phone_numbers(user), out),
                    CellForm::AsShown => join(phone_numbers(user).map(international), out),
                };
            }
            Column::CallingPlans => {
                return join(calling_plan_names(user), out);
            }
        };
        out.push_str(text);
    }
}

/// Which text a cell holds. Decided here, once, for every place a cell is written:
///
/// | Form | Where | Phone numbers | Status |
/// |---|---|---|---|
/// | `AsShown` | the table, the details, the CSV for people, the workbook | `+1 863-402-2606` | `Active`, `Inactive`, `Pending` |
/// | `AsSent` | the plain CSV (for scripts: its contract) | `18634022606`, as Zoom lists them | `activate`, `deactivate`, `pending` |
///
/// Every other column is the same in both. JSON keeps Zoom's whole records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellForm {
    AsShown,
    AsSent,
}

/// Zoom's status words (as sent, as people say them). The table, the status filter and every
/// export for people use these.
pub const STATUS_WORDS: [(&str, &str); 3] = [
    ("activate", "Active"),
    ("deactivate", "Inactive"),
    ("pending", "Pending"),
];

/// Zoom's status word as people say it (`activate` is `Active`).
pub(crate) fn status_shown(status: &str) -> String {
    let mut out = String::new();
    status_words(status, &mut out);
    out
}

/// Zoom's status word as people say it; a word Zoom adds later, capitalised.
fn status_words(status: &str, out: &mut String) {
    if let Some((_, shown)) = STATUS_WORDS.iter().find(|(sent, _)| *sent == status) {
        out.push_str(shown);
        return;
    }
    let mut chars = status.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
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

fn join<T: AsRef<str>>(values: impl Iterator<Item = T>, out: &mut String) {
    for (i, value) in values.enumerate() {
        if i > 0 {
            out.push_str(MULTI_VALUE_SEPARATOR);
        }
        out.push_str(value.as_ref());
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
    fn status_reads_as_people_say_it_on_screen_and_as_zoom_sent_it_for_scripts() {
        for (sent, shown) in [
            ("activate", "Active"),
            ("deactivate", "Inactive"),
            ("pending", "Pending"),
            ("suspended", "Suspended"),
            ("", ""),
        ] {
            let user: PhoneUser =
                serde_json::from_value(serde_json::json!({"id": "u", "status": sent})).unwrap();
            assert_eq!(Column::Status.cell(&user), shown);
            assert_eq!(Column::Status.cell_as_sent(&user), sent);
        }
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
        assert_eq!(
            Column::PhoneNumbers.cell_as_sent(&user),
            "14232058798; 0044"
        );
        assert_eq!(Column::PhoneNumbers.cell(&user), "+1 423-205-8798; 0044");
        assert_eq!(
            Column::CallingPlans.cell(&user),
            "US/CA Unlimited; Global Select"
        );
        assert_eq!(Column::Name.cell(&user), "");
        assert_eq!(Column::Status.cell(&user), "");
        assert_eq!(Column::UserId.cell(&user), "u1");
    }
}
