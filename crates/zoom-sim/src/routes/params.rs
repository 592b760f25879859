//! Query-string (and form-body) parameters as Zoom reads them: an empty value is no value.

use std::collections::HashMap;

#[derive(Debug, Default)]
pub(crate) struct Params(HashMap<String, String>);

impl Params {
    /// Parses `a=1&b=x%20y`; of a repeated name the last value wins.
    pub fn parse(encoded: &[u8]) -> Self {
        Self(url::form_urlencoded::parse(encoded).into_owned().collect())
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// Parameters from the query string, falling back to the form body for names it lacks.
    pub fn or(mut self, fallback: Params) -> Self {
        for (name, value) in fallback.0 {
            self.0.entry(name).or_insert(value);
        }
        self
    }
}
