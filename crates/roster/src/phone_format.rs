//! Phone numbers as people read them. Zoom lists a number as bare digits with its country code
//! (`18634022606`); the screen, the CSV for people and the workbook show it in international format
//! (`+1 863-402-2606`), grouped by the rules Google's libphonenumber keeps for every country. The
//! plain CSV and JSON keep Zoom's digits: scripts compare and dial those.
//!
//! Cost: about 13 µs a number (release build; the library tries each region of the country code),
//! so a 200-row window of the table spends ~3 ms here and a 100k-user export for people ~1.3 s.

use std::borrow::Cow;

use phonenumber::Mode;

/// `number` in international format, or as given when it is not a full number with a country
/// code (a national number with a leading 0, an extension, text).
pub fn international(number: &str) -> Cow<'_, str> {
    let digits = number.strip_prefix('+').unwrap_or(number);
    let plain_digits = digits.bytes().all(|b| b.is_ascii_digit());
    // E.164: at most 15 digits; no country code starts with 0.
    if !plain_digits || !(7..=15).contains(&digits.len()) || digits.starts_with('0') {
        return Cow::Borrowed(number);
    }
    match phonenumber::parse(None, format!("+{digits}")) {
        Ok(parsed) => Cow::Owned(parsed.format().mode(Mode::International).to_string()),
        Err(_) => Cow::Borrowed(number),
    }
}

/// Loads libphonenumber's metadata (some 150 ms, once per process), so that the first screen of
/// numbers does not wait for it.
pub fn warm_up() {
    let _ = international("18634022606");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_s_digits_read_as_international_numbers() {
        assert_eq!(international("18634022606"), "+1 863-402-2606");
        assert_eq!(international("+18634022606"), "+1 863-402-2606");
        assert_eq!(international("442079460000"), "+44 20 7946 0000");
        assert_eq!(international("4930901820"), "+49 30 901820");
        assert_eq!(international("81312345678"), "+81 3-1234-5678");
        assert_eq!(international("61291234567"), "+61 2 9123 4567");
    }

    #[test]
    fn what_is_not_a_full_number_stays_as_given() {
        for kept in [
            "0044123456",
            "1002",
            "",
            "n/a",
            "+1 (423) 555-0100",
            "1234567890123456",
        ] {
            assert_eq!(international(kept), kept);
        }
    }
}
