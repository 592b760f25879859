//! A user as the page shows one, in the table and in the Changes view alike.

use roster::{Column, MULTI_VALUE_SEPARATOR};
use serde::Serialize;
use specta::Type;

/// One user as the table shows it: every cell already a string, in the export's wording. Field names are
/// the `Column` names, so the UI can index a row by column.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Row {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub extension: String,
    pub phone_numbers: String,
    pub site: String,
    pub department: String,
    pub cost_center: String,
    pub status: String,
    pub calling_plans: String,
    pub phone_user_id: String,
    pub extension_id: String,
    pub site_id: String,
    pub activation_status: String,
    /// The values of the multi-valued cells one by one, for the details panel to list.
    pub lists: RowLists,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct RowLists {
    pub phone_numbers: Vec<String>,
    pub calling_plans: Vec<String>,
}

impl Row {
    pub fn of(user: &zoom::PhoneUser) -> Self {
        let cell = |column: Column| column.cell(user);
        // A multi-valued cell is its values joined: formatted once, used for both.
        let lists = RowLists {
            phone_numbers: Column::PhoneNumbers.values(user),
            calling_plans: Column::CallingPlans.values(user),
        };
        Row {
            user_id: cell(Column::UserId),
            name: cell(Column::Name),
            email: cell(Column::Email),
            extension: cell(Column::Extension),
            phone_numbers: lists.phone_numbers.join(MULTI_VALUE_SEPARATOR),
            site: cell(Column::Site),
            department: cell(Column::Department),
            cost_center: cell(Column::CostCenter),
            status: cell(Column::Status),
            calling_plans: lists.calling_plans.join(MULTI_VALUE_SEPARATOR),
            phone_user_id: cell(Column::PhoneUserId),
            extension_id: cell(Column::ExtensionId),
            site_id: cell(Column::SiteId),
            activation_status: cell(Column::ActivationStatus),
            lists,
        }
    }
}
