//! `Retry-After` as Zoom may send it: delta seconds, an HTTP-date, or an ISO-8601 / RFC 3339 date.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How long to wait from `now`; a date in the past means "now". `None` for an unusable value.
pub(crate) fn parse(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<f64>() {
        return Duration::try_from_secs_f64(seconds).ok();
    }
    let at = httpdate::parse_http_date(value)
        .ok()
        .or_else(|| parse_iso8601(value))?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM|±HHMM)`; a space may stand for the `T`.
fn parse_iso8601(value: &str) -> Option<SystemTime> {
    let bytes = value.as_bytes();
    if bytes.len() < 20 || !matches!(bytes[10], b'T' | b't' | b' ') {
        return None;
    }
    let number = |range: std::ops::Range<usize>| value.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if [bytes[4], bytes[7], bytes[13], bytes[16]] != [b'-', b'-', b':', b':']
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut rest = &value[19..];
    let mut nanos = 0u32;
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        let padded = format!("{:0<9}", &frac[..digits.min(9)]);
        nanos = padded.parse().ok()?;
        rest = &frac[digits..];
    }
    let offset_seconds = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let digits: String = rest[1..].chars().filter(|c| *c != ':').collect();
            if digits.len() != 4 {
                return None;
            }
            let hours: i64 = digits[..2].parse().ok()?;
            let minutes: i64 = digits[2..].parse().ok()?;
            sign * (hours * 3600 + minutes * 60)
        }
    };
    let seconds = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
        - offset_seconds;
    let seconds = u64::try_from(seconds).ok()?;
    Some(UNIX_EPOCH + Duration::new(seconds, nanos))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(unix: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(unix)
    }

    #[test]
    fn delta_seconds() {
        assert_eq!(parse("3", at(0)), Some(Duration::from_secs(3)));
        assert_eq!(parse(" 0 ", at(0)), Some(Duration::ZERO));
        assert_eq!(parse("1.5", at(0)), Some(Duration::from_millis(1500)));
        assert_eq!(parse("-1", at(0)), None);
    }

    #[test]
    fn http_date() {
        // 1994-11-06T08:49:37Z = 784111777
        let now = at(784_111_777 - 5);
        assert_eq!(
            parse("Sun, 06 Nov 1994 08:49:37 GMT", now),
            Some(Duration::from_secs(5))
        );
    }

    #[test]
    fn iso_dates_in_every_spelling() {
        let now = at(784_111_777 - 5);
        for value in [
            "1994-11-06T08:49:37Z",
            "1994-11-06T09:49:37+01:00",
            "1994-11-06T07:49:37-0100",
            "1994-11-06 08:49:37Z",
        ] {
            assert_eq!(parse(value, now), Some(Duration::from_secs(5)), "{value}");
        }
        assert_eq!(
            parse("1994-11-06T08:49:37.250Z", now),
            Some(Duration::from_millis(5250))
        );
    }

    #[test]
    fn past_dates_mean_now_and_garbage_is_ignored() {
        assert_eq!(
            parse("1994-11-06T08:49:37Z", at(900_000_000)),
            Some(Duration::ZERO)
        );
        for garbage in [
            "",
            "soon",
            "1e300",
            "1994-13-06T08:49:37Z",
            "1994-11-06T08:49:37",
            "NaN",
            "inf",
        ] {
            assert_eq!(parse(garbage, at(0)), None, "{garbage:?}");
        }
    }

    #[test]
    fn civil_days_match_known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(2026, 11, 28), 20_785);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

        #[test]
        fn any_value_parses_to_a_wait_or_to_nothing_without_panicking(value in ".{0,40}") {
            let _ = parse(&value, at(1_800_000_000));
        }

        #[test]
        fn near_iso_dates_never_panic(
            value in "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,12})?(Z|z|[+-][0-9]{2}:?[0-9]{2}|.{0,3})"
        ) {
            let _ = parse(&value, at(1_800_000_000));
        }

        #[test]
        fn whole_seconds_are_waited_exactly(seconds in 0u64..10_000_000) {
            proptest::prop_assert_eq!(
                parse(&seconds.to_string(), at(0)),
                Some(Duration::from_secs(seconds))
            );
        }

        #[test]
        fn an_http_date_is_the_time_until_it(ahead in 0u64..100_000) {
            let now = at(1_800_000_000);
            let value = httpdate::fmt_http_date(now + Duration::from_secs(ahead));
            proptest::prop_assert_eq!(parse(&value, now), Some(Duration::from_secs(ahead)));
        }
    }
}
