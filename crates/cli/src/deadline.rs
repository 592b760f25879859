//! `export --timeout`: the longest a scheduled export may run before it gives up, so a stuck
//! network or a server that never answers cannot hold a night's job (and its lock on the output)
//! until morning.

use std::time::Duration;

/// Parses `90`, `90s`, `30m`, `2h` (whole numbers; seconds when no unit is given).
pub fn parse(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (digits, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => text.split_at(at),
        None => (text, "s"),
    };
    let scale = match unit.trim() {
        "s" | "sec" => 1,
        "m" | "min" => 60,
        "h" => 3600,
        _ => {
            return Err(format!(
                "\"{text}\" is not a duration; write e.g. 90s, 30m or 2h"
            ));
        }
    };
    let amount: u64 = digits
        .parse()
        .map_err(|_| format!("\"{text}\" is not a duration; write e.g. 90s, 30m or 2h"))?;
    match amount.checked_mul(scale) {
        Some(0) => Err("the timeout must be longer than zero".into()),
        Some(seconds) if seconds <= MAX_SECONDS => Ok(Duration::from_secs(seconds)),
        _ => Err("the timeout can be at most 7 days".into()),
    }
}

/// A week: longer than any export, short enough to be a typo worth pointing out.
const MAX_SECONDS: u64 = 7 * 24 * 3600;

/// `2 h`, `30 min` or `90 s`: the duration as an admin would say it.
pub fn describe(duration: Duration) -> String {
    let seconds = duration.as_secs();
    if seconds.is_multiple_of(3600) {
        format!("{} h", seconds / 3600)
    } else if seconds.is_multiple_of(60) {
        format!("{} min", seconds / 60)
    } else {
        format!("{seconds} s")
    }
}

/// Completes after `limit`, or never when there is none.
pub async fn expiry(limit: Option<Duration>) {
    match limit {
        Some(limit) => tokio::time::sleep(limit).await,
        None => std::future::pending().await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_bare_seconds() {
        assert_eq!(parse("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse("30m"), Ok(Duration::from_secs(1800)));
        assert_eq!(parse(" 2h "), Ok(Duration::from_secs(7200)));
    }

    #[test]
    fn nonsense_zero_and_overflow_are_refused_in_words() {
        assert!(parse("soon").unwrap_err().contains("e.g. 90s"));
        assert!(parse("5 days").is_err());
        assert!(parse("0m").unwrap_err().contains("longer than zero"));
        assert!(parse("99999999999999999999h").is_err());
        assert!(
            parse("18446744073709551615h")
                .unwrap_err()
                .contains("7 days")
        );
    }

    #[test]
    fn described_in_the_largest_whole_unit() {
        assert_eq!(describe(Duration::from_secs(7200)), "2 h");
        assert_eq!(describe(Duration::from_secs(1800)), "30 min");
        assert_eq!(describe(Duration::from_secs(90)), "90 s");
    }
}
