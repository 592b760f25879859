//! Whether a `cfg` predicate can hold on Windows or macOS, worked out here because no standard
//! library for those systems can be had on this machine: `cargo check --target` is out, so tidy
//! decides from the text whether Unix-only code is gated away from them.
//!
//! Three-valued: a predicate tidy cannot decide (`feature = "x"`, `test`) is "maybe", and only a
//! predicate that is false for the system gates code away from it.

/// A system the Unix-only rules keep code away from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum System {
    Windows,
    MacOs,
}

impl System {
    fn target_os(self) -> &'static str {
        match self {
            System::Windows => "windows",
            System::MacOs => "macos",
        }
    }

    fn family(self) -> &'static str {
        match self {
            System::Windows => "windows",
            System::MacOs => "unix",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Truth {
    Yes,
    No,
    Maybe,
}

/// True when `predicate` (the inside of `cfg(…)`) is certainly false on `system`.
pub fn excludes(predicate: &str, system: System) -> bool {
    let tokens = tokenize(predicate);
    let mut at = 0;
    let truth = evaluate(&tokens, &mut at, system);
    truth == Some(Truth::No) && at == tokens.len()
}

fn tokenize(predicate: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut chars = predicate.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if "(),=".contains(c) {
            tokens.push(c.to_string());
            chars.next();
        } else if c == '"' {
            chars.next();
            let text: String = chars.by_ref().take_while(|&c| c != '"').collect();
            tokens.push(format!("\"{text}\""));
        } else {
            let mut word = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_alphanumeric() || c == '_' {
                    word.push(c);
                    chars.next();
                } else {
                    break;
                }
            }
            if word.is_empty() {
                // Not a predicate tidy knows how to read: undecided.
                return vec!["?".to_owned()];
            }
            tokens.push(word);
        }
    }
    tokens
}

fn evaluate(tokens: &[String], at: &mut usize, system: System) -> Option<Truth> {
    let word = tokens.get(*at)?.clone();
    *at += 1;
    match word.as_str() {
        "all" | "any" | "not" => {
            expect(tokens, at, "(")?;
            let mut values = Vec::new();
            while tokens.get(*at).map(String::as_str) != Some(")") {
                values.push(evaluate(tokens, at, system)?);
                if tokens.get(*at).map(String::as_str) == Some(",") {
                    *at += 1;
                }
            }
            *at += 1;
            Some(match word.as_str() {
                "all" => combine(&values, Truth::No, Truth::Yes),
                "any" => combine(&values, Truth::Yes, Truth::No),
                _ => match values.as_slice() {
                    [Truth::Yes] => Truth::No,
                    [Truth::No] => Truth::Yes,
                    _ => Truth::Maybe,
                },
            })
        }
        _ if tokens.get(*at).map(String::as_str) == Some("=") => {
            *at += 1;
            let value = tokens.get(*at)?.trim_matches('"').to_owned();
            *at += 1;
            Some(match word.as_str() {
                "target_os" => known(value == system.target_os()),
                "target_family" => known(value == system.family()),
                "target_vendor" => known((value == "apple") == (system == System::MacOs)),
                _ => Truth::Maybe,
            })
        }
        "unix" => Some(known(system.family() == "unix")),
        "windows" => Some(known(system == System::Windows)),
        _ => Some(Truth::Maybe),
    }
}

/// `all` (decisive No, else Yes) and `any` (decisive Yes, else No) over three values.
fn combine(values: &[Truth], decisive: Truth, otherwise: Truth) -> Truth {
    if values.contains(&decisive) {
        decisive
    } else if values.iter().all(|&v| v == otherwise) {
        otherwise
    } else {
        Truth::Maybe
    }
}

fn known(holds: bool) -> Truth {
    if holds { Truth::Yes } else { Truth::No }
}

fn expect(tokens: &[String], at: &mut usize, token: &str) -> Option<()> {
    (tokens.get(*at).map(String::as_str) == Some(token)).then(|| *at += 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decides_the_predicates_the_code_uses() {
        use System::{MacOs, Windows};
        assert!(excludes("unix", Windows));
        assert!(!excludes("unix", MacOs));
        assert!(excludes("target_os = \"linux\"", Windows));
        assert!(excludes("target_os = \"linux\"", MacOs));
        assert!(excludes("not(windows)", Windows));
        assert!(excludes("not(target_os = \"windows\")", Windows));
        assert!(excludes("all(unix, not(target_os = \"macos\"))", MacOs));
        assert!(excludes(
            "any(target_os = \"linux\", target_os = \"freebsd\")",
            MacOs
        ));
        assert!(!excludes("any(target_os = \"linux\", windows)", Windows));
        assert!(excludes(
            "not(any(target_os = \"macos\", target_os = \"windows\"))",
            Windows
        ));
    }

    #[test]
    fn what_it_cannot_decide_gates_nothing() {
        assert!(!excludes("test", System::Windows));
        assert!(!excludes("feature = \"specta\"", System::Windows));
        assert!(!excludes("all(unix, feature = \"x\")", System::MacOs));
        assert!(excludes("all(unix, feature = \"x\")", System::Windows));
        assert!(!excludes("not(test)", System::Windows));
        assert!(!excludes("", System::Windows));
    }
}
