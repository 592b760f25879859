//! What changed between two rosters of one account: who joined, who left, and whose cost center,
//! department, site, status, extension, phone numbers or calling plans changed, field by field.
//! Users are matched by Zoom's user id, so a renamed user is the same user. The changed users get
//! a roster engine of their own, so the changes are searched, filtered, sorted and exported like
//! any view.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use zoom::PhoneUser;

use crate::column::{calling_plan_names, phone_numbers};
use crate::export::Table;
use crate::{CellForm, Column, Roster, ViewSpec};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Joined,
    Left,
    Changed,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 3] = [ChangeKind::Joined, ChangeKind::Left, ChangeKind::Changed];

    /// The word in the table's Change column and in exports.
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Joined => "Joined",
            ChangeKind::Left => "Left",
            ChangeKind::Changed => "Changed",
        }
    }
}

/// The fields compared, in the order "What changed" lists them: the ones an admin acts on (billing,
/// numbering, licences). Names and emails are left out: they change for reasons nobody audits.
pub const COMPARED: [Column; 7] = [
    Column::CostCenter,
    Column::Department,
    Column::Site,
    Column::Status,
    Column::Extension,
    Column::PhoneNumbers,
    Column::CallingPlans,
];

/// One field's text before and after, as the table shows it (`Column::cell`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldChange {
    pub column: Column,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone)]
pub struct Change {
    pub kind: ChangeKind,
    /// The user now; for `Left`, as last seen.
    pub user: PhoneUser,
    /// The changed fields in `COMPARED` order; empty for `Joined` and `Left`.
    pub fields: Vec<FieldChange>,
}

/// How blank text reads in "What changed", as the filters show it.
const BLANK: &str = "(none)";

impl Change {
    /// `Cost Center: 4100 → 4200; Site: Austin → Denver`; "" for a user who joined or left.
    pub fn what_changed(&self) -> String {
        let shown = |text: &str| {
            if text.is_empty() {
                BLANK.to_owned()
            } else {
                text.to_owned()
            }
        };
        self.fields
            .iter()
            .map(|field| {
                format!(
                    "{}: {} → {}",
                    field.column.header(),
                    shown(&field.before),
                    shown(&field.after)
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Joined and changed users in `after`'s order, then those who left in `before`'s order. A user
/// whose compared fields are all equal is not listed; several phone numbers or calling plans are
/// equal when they hold the same values in any order.
pub fn compare(before: &[PhoneUser], after: &[PhoneUser]) -> Vec<Change> {
    let earlier: HashMap<&str, &PhoneUser> = before.iter().map(|u| (u.id.as_str(), u)).collect();
    let mut changes = Vec::new();
    for user in after {
        let fields = match earlier.get(user.id.as_str()) {
            None => {
                changes.push(Change {
                    kind: ChangeKind::Joined,
                    user: user.clone(),
                    fields: Vec::new(),
                });
                continue;
            }
            Some(old) => changed_fields(old, user),
        };
        if !fields.is_empty() {
            changes.push(Change {
                kind: ChangeKind::Changed,
                user: user.clone(),
                fields,
            });
        }
    }
    let now: HashSet<&str> = after.iter().map(|u| u.id.as_str()).collect();
    changes.extend(
        before
            .iter()
            .filter(|u| !now.contains(u.id.as_str()))
            .map(|user| Change {
                kind: ChangeKind::Left,
                user: user.clone(),
                fields: Vec::new(),
            }),
    );
    changes
}

/// Compared on the values as Zoom sent them (cheap), shown as the table shows them (formatting a
/// phone number is the costly part, so only changed fields are formatted).
fn changed_fields(before: &PhoneUser, after: &PhoneUser) -> Vec<FieldChange> {
    COMPARED
        .into_iter()
        .filter(|&column| !same(column, before, after))
        .map(|column| FieldChange {
            column,
            before: column.cell(before),
            after: column.cell(after),
        })
        .collect()
}

fn same(column: Column, a: &PhoneUser, b: &PhoneUser) -> bool {
    fn as_set<'u>(values: impl Iterator<Item = &'u str>) -> Vec<&'u str> {
        let mut values: Vec<&str> = values.collect();
        values.sort_unstable();
        values.dedup();
        values
    }
    match column {
        Column::PhoneNumbers => as_set(phone_numbers(a)) == as_set(phone_numbers(b)),
        Column::CallingPlans => as_set(calling_plan_names(a)) == as_set(calling_plan_names(b)),
        _ => {
            let (mut x, mut y) = (String::new(), String::new());
            column.write_cell(a, CellForm::AsSent, &mut x);
            column.write_cell(b, CellForm::AsSent, &mut y);
            x == y
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChangeCounts {
    pub joined: u32,
    pub left: u32,
    pub changed: u32,
}

pub fn counts(changes: &[Change]) -> ChangeCounts {
    let mut counts = ChangeCounts::default();
    for change in changes {
        let count = match change.kind {
            ChangeKind::Joined => &mut counts.joined,
            ChangeKind::Left => &mut counts.left,
            ChangeKind::Changed => &mut counts.changed,
        };
        *count += 1;
    }
    counts
}

/// The changes and an engine over their users (same order), so that the view's search, filters
/// and sort apply to changes exactly as to the roster.
pub struct ChangeSet {
    changes: Vec<Change>,
    roster: Roster,
}

/// The columns of the changes table, after the Change column and before "What changed".
const TABLE_COLUMNS: [Column; 6] = [
    Column::Name,
    Column::Email,
    Column::Extension,
    Column::CostCenter,
    Column::Department,
    Column::Site,
];

impl ChangeSet {
    pub fn new(changes: Vec<Change>) -> Self {
        let roster = Roster::new(changes.iter().map(|c| c.user.clone()).collect());
        ChangeSet { changes, roster }
    }

    pub fn counts(&self) -> ChangeCounts {
        counts(&self.changes)
    }

    pub fn len(&self) -> usize {
        self.changes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Every change, in `compare`'s order.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// The changes whose users the view holds, in the view's order (`compare`'s when it has no
    /// sort), of the given kinds (every kind when empty).
    pub fn rows(&self, spec: &ViewSpec, kinds: &[ChangeKind]) -> Vec<&Change> {
        self.roster
            .matching(spec)
            .into_iter()
            .map(|i| &self.changes[i])
            .filter(|change| kinds.is_empty() || kinds.contains(&change.kind))
            .collect()
    }

    /// The screen's table of `rows`: `Change, Name, Email, Extension, Cost Center, Department,
    /// Site, What changed`.
    pub fn table(&self, rows: &[&Change]) -> Table {
        let mut headers = vec!["Change".to_owned()];
        headers.extend(TABLE_COLUMNS.iter().map(|c| c.header().to_owned()));
        headers.push("What changed".to_owned());
        let rows = rows
            .iter()
            .map(|change| {
                let mut cells = vec![change.kind.label().to_owned()];
                cells.extend(TABLE_COLUMNS.iter().map(|c| c.cell(&change.user)));
                cells.push(change.what_changed());
                cells
            })
            .collect();
        Table {
            name: "Changes".to_owned(),
            headers,
            rows,
        }
    }
}
