//! Deserializers that accept what Zoom actually sends instead of failing: `null` for anything, numbers
//! where strings were documented and the reverse, a lone object where a list was documented.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// A scalar rendered as text: strings as they are, numbers and booleans in their JSON spelling.
fn scalar_text(value: Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null | Value::Array(_) | Value::Object(_) => None,
    }
}

/// Into `String` or the models' compact `Text`, whichever the field is.
pub fn opt_string<'de, D: Deserializer<'de>, T: From<String>>(d: D) -> Result<Option<T>, D::Error> {
    Ok(scalar_text(Value::deserialize(d)?).map(T::from))
}

pub fn string<'de, D: Deserializer<'de>, T: From<String>>(d: D) -> Result<T, D::Error> {
    Ok(T::from(
        scalar_text(Value::deserialize(d)?).unwrap_or_default(),
    ))
}

pub fn opt_u32<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

/// An object that does not parse (say, a string where an object was documented) becomes `None`.
pub fn opt_struct<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    d: D,
) -> Result<Option<T>, D::Error> {
    Ok(match Value::deserialize(d)? {
        value @ Value::Object(_) => serde_json::from_value(value).ok(),
        _ => None,
    })
}

/// A list whose unparsable items are dropped; a lone object counts as a list of one.
pub fn vec<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Vec<T>, D::Error> {
    let items = match Value::deserialize(d)? {
        Value::Array(items) => items,
        value @ Value::Object(_) => vec![value],
        _ => Vec::new(),
    };
    // Sized up front: collecting a filter_map starts at capacity 4, which for the typical one
    // calling plan and one number per user wastes ~500 bytes a user (50 MB per 100k users).
    let mut parsed = Vec::with_capacity(items.len());
    parsed.extend(
        items
            .into_iter()
            .filter_map(|item| serde_json::from_value(item).ok()),
    );
    Ok(parsed)
}
