//! Whatever a server sends or a web page asks for, as JSON, nothing panics: pages of any shape parse
//! leniently (a bad record is skipped, a bad field is blank), and view specs of any shape are either
//! refused or answered within bounds.

#[path = "support/json.rs"]
mod json;

use json::{any_json, key};
use proptest::prelude::*;
use roster::{Roster, ViewSpec};
use serde_json::{Map, Value};
use zoom::{PhoneUser, UsersPage};

/// A user record: known fields with values of any type, missing or null, and fields no one knows.
fn user_record() -> impl Strategy<Value = Value> {
    prop::collection::vec((key(), any_json()), 0..12)
        .prop_map(|fields| Value::Object(fields.into_iter().collect::<Map<_, _>>()))
}

fn page() -> impl Strategy<Value = Value> {
    prop_oneof![
        any_json(),
        (prop::collection::vec(user_record(), 0..20), any_json(), any_json()).prop_map(
            |(users, token, total)| {
                serde_json::json!({"users": users, "next_page_token": token, "total_records": total})
            }
        ),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_page_parses_or_is_refused_and_every_object_is_a_user(page in page()) {
        let bytes = serde_json::to_vec(&page).unwrap();
        if let Ok(parsed) = serde_json::from_slice::<UsersPage>(&bytes) {
            for record in parsed.users {
                let is_object = record.is_object();
                let user = serde_json::from_value::<PhoneUser>(record);
                // One odd field never loses a user: every object is read, its bad fields blank.
                prop_assert_eq!(user.is_ok(), is_object);
            }
        }
    }

    #[test]
    fn a_user_survives_its_own_round_trip(record in user_record()) {
        let user: PhoneUser = serde_json::from_value(record).unwrap();
        let again: PhoneUser = serde_json::from_value(serde_json::to_value(&user).unwrap()).unwrap();
        prop_assert_eq!(again, user);
    }

    #[test]
    fn any_view_spec_is_refused_in_words_or_answered_within_bounds(
        value in any_json(),
        offset in 0usize..200,
        limit in 0usize..2_000,
    ) {
        let users: Vec<PhoneUser> = zoom_sim::generate_users(120, 3)
            .into_iter()
            .map(|u| serde_json::from_value(u).unwrap())
            .collect();
        let roster = Roster::new(users);
        let Ok(spec) = serde_json::from_value::<ViewSpec>(value) else {
            return Ok(());
        };
        if let Err(error) = spec.check().and(roster::check_window(limit)) {
            prop_assert!(error.to_string().ends_with('.'));
            return Ok(());
        }
        let result = roster.query(&spec, offset, limit);
        prop_assert!(result.rows.len() <= limit);
        prop_assert!(result.total as usize <= roster.len());
        prop_assert_eq!(roster.matching(&spec).len(), result.total as usize);
    }
}
