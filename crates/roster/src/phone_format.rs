//! Phone numbers as people read them. Zoom lists a number as bare digits with its country code
//! (`18634022606`); the screen, the CSV for people and the workbook show it in international format
//! (`+1 863-402-2606`), grouped by the rules Google's libphonenumber keeps for every country. The
//! plain CSV and JSON keep Zoom's digits: scripts compare and dial those.
//!
//! Cost: about 5 µs a number in a release build (see `parse`), so a 200-row window of the table
//! spends about 1 ms here and a 100k-user export for people about half a second.

use std::borrow::Cow;

use std::str::FromStr;

use phonenumber::metadata::DATABASE;
use phonenumber::{Mode, PhoneNumber, country};

/// `number` in international format, or as given when it is not a full number with a country
/// code (a national number with a leading 0, an extension, text).
pub fn international(number: &str) -> Cow<'_, str> {
    let digits = number.strip_prefix('+').unwrap_or(number);
    let plain_digits = digits.bytes().all(|b| b.is_ascii_digit());
    // E.164: at most 15 digits; no country code starts with 0.
    if !plain_digits || !(7..=15).contains(&digits.len()) || digits.starts_with('0') {
        return Cow::Borrowed(number);
    }
    match parse(digits) {
        Some(parsed) => Cow::Owned(parsed.format().mode(Mode::International).to_string()),
        None => Cow::Borrowed(number),
    }
}

/// `+digits`, parsed, or `None` when the library would read it as another number (it completes
/// some short numbers with an area code: shown so, they would be digits Zoom never sent).
///
/// Left to find the country on its own, the library tries every region of the calling code in
/// turn: 25 µs for a North American number, which the table would feel on every scroll. Told the
/// region first (the main one of the code, from its own metadata), it takes 2.5 µs. Either answer
/// is kept only if it is exactly the number given; the region's is tried first. The property test
/// below holds the two ways equal wherever the library keeps the number.
fn parse(digits: &str) -> Option<PhoneNumber> {
    let e164 = format!("+{digits}");
    let intact = |parsed: &PhoneNumber| parsed.format().mode(Mode::E164).to_string() == e164;
    parse_in_main_region(digits)
        .filter(intact)
        .or_else(|| phonenumber::parse(None, &e164).ok().filter(intact))
}

fn parse_in_main_region(digits: &str) -> Option<PhoneNumber> {
    // Calling codes are one to three digits, and no code is the start of another.
    let (len, main) = (1..=3).find_map(|len| {
        let code: u16 = digits.get(..len)?.parse().ok()?;
        Some((len, DATABASE.by_code(&code)?.into_iter().next()?))
    })?;
    let region = country::Id::from_str(main.id()).ok()?;
    phonenumber::parse(Some(region), &digits[len..]).ok()
}

/// Loads libphonenumber's metadata (some 150 ms, once per process), so that the first screen of
/// numbers does not wait for it.
pub fn warm_up() {
    let _ = international("18634022606");
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

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
    fn a_number_the_library_would_complete_stays_as_given() {
        // Read alone, "+1 473 0000" becomes Grenada's "+1 473-473-0000": digits Zoom never sent.
        assert_eq!(international("14730000"), "+1 4730000");
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

    /// The library's own reading, when it keeps the number as given.
    fn by_the_library_alone(digits: &str) -> Option<String> {
        phonenumber::parse(None, format!("+{digits}"))
            .ok()
            .filter(|n| n.format().mode(Mode::E164).to_string() == format!("+{digits}"))
            .map(|n| n.format().mode(Mode::International).to_string())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]

        #[test]
        fn telling_the_region_first_formats_as_the_library_alone_does(
            digits in prop_oneof![
                "[1-9][0-9]{6,14}",
                "(1|44|49|33|61|81|39|55|86|91)[0-9]{6,12}",
            ]
        ) {
            let fast = parse(&digits).map(|n| n.format().mode(Mode::International).to_string());
            if let Some(slow) = by_the_library_alone(&digits) {
                prop_assert_eq!(fast, Some(slow));
            }
        }
    }
}
