//! Identifiers and phone numbers shaped like Zoom's, unique by construction (no retry loops).

use rand::Rng;

const BASE62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// A 22-character id like Zoom's `z8yCxTTTTSiw02QgCAp8uQ`: 16 random characters, then `serial` in
/// base62, so ids of one kind never collide.
pub(super) fn zoom_id(rng: &mut impl Rng, serial: u64) -> String {
    let mut id = String::with_capacity(22);
    for _ in 0..16 {
        id.push(BASE62[rng.random_range(0..BASE62.len())] as char);
    }
    let mut tail = [b'0'; 6];
    let mut rest = serial;
    for slot in tail.iter_mut().rev() {
        *slot = BASE62[(rest % 62) as usize];
        rest /= 62;
    }
    id.extend(tail.iter().map(|&b| b as char));
    id
}

/// Digits without "+", as Zoom lists them: the country code, a random area, then `serial` in the
/// last 7 digits so no two numbers are equal. Now and then the number is in national form with a
/// leading 0 instead of the country code — the leading zero a spreadsheet must not strip.
pub(super) fn phone_number(
    rng: &mut impl Rng,
    country: &str,
    national_len: usize,
    serial: u64,
) -> String {
    let area_len = national_len - 7;
    let mut number = String::with_capacity(national_len + 3);
    number.push_str(if rng.random_bool(0.04) { "0" } else { country });
    number.push(char::from(b'2' + rng.random_range(0..8u8)));
    for _ in 1..area_len {
        number.push(char::from(b'0' + rng.random_range(0..10u8)));
    }
    number.push_str(&format!("{:07}", serial % 10_000_000));
    number
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    use super::*;

    #[test]
    fn ids_are_zoom_shaped_and_distinct_per_serial() {
        let mut rng = StdRng::seed_from_u64(7);
        let a = zoom_id(&mut rng, 0);
        let b = zoom_id(&mut rng, 61);
        assert_eq!(a.len(), 22);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric()));
        assert!(a.ends_with("000000") && b.ends_with("00000z"));
    }

    #[test]
    fn numbers_are_digits_of_the_plan_length() {
        let mut rng = StdRng::seed_from_u64(7);
        for serial in 0..200 {
            let n = phone_number(&mut rng, "44", 10, serial);
            assert!(n.chars().all(|c| c.is_ascii_digit()), "{n}");
            assert!(
                n.len() == 12 || (n.len() == 11 && n.starts_with('0')),
                "{n}"
            );
        }
    }
}
