//! Cells of the CSV for people, written so that a spreadsheet opening the file shows each exactly
//! as the screen does. Excel (and LibreOffice) guess a type for every unquoted-looking value: cost
//! center `00042` becomes the number 42, a 12-digit phone number `4.42092E+11`, `3/4` and `MAR1`
//! dates, `TRUE` a boolean, `#N/A` an error. Such a value is written as the formula `="00042"`,
//! whose result is the text itself: every spreadsheet shows it as is, and it can run nothing (the
//! value is a quoted string literal, its quotes doubled).
//!
//! Only `="…"` and `&` are used: they read the same in every language of Excel, where function
//! names (CHAR, ZEICHEN…) would not. So a value with a line break, which a formula could hold only
//! through CHAR(10), is written as plain text — multi-line text is never read as a number or a
//! date — and, if it starts like a formula, with the same leading `'` as the plain CSV.

use super::formula_guard::{neutralise_formula, starts_like_formula};

/// Excel refuses a string literal longer than this inside a formula; longer values are joined
/// from several literals with `&`.
const MAX_LITERAL_CHARS: usize = 255;
/// Excel's limit on a formula's length, less some room.
const MAX_FORMULA_CHARS: usize = 8_000;

/// Writes `value` to `out` as a spreadsheet should receive it.
pub(crate) fn write(value: &str, out: &mut String) {
    if !could_be_misread(value) {
        out.push_str(value);
    } else if value.contains(['\n', '\r']) || value.chars().count() > MAX_FORMULA_CHARS {
        out.push_str(value);
        neutralise_formula(out);
    } else {
        write_text_formula(value, out);
    }
}

/// Whether a spreadsheet could take `value` for something other than its text: anything with a
/// digit (in any script), a truth value, an error code, or a formula start.
fn could_be_misread(value: &str) -> bool {
    let trimmed = value.trim();
    value.chars().any(char::is_numeric)
        || trimmed.eq_ignore_ascii_case("true")
        || trimmed.eq_ignore_ascii_case("false")
        || trimmed.starts_with('#')
        || starts_like_formula(value)
}

/// `="…"`, or `="…"&"…"` for a value longer than one literal may be.
fn write_text_formula(value: &str, out: &mut String) {
    out.push('=');
    let chars: Vec<char> = value.chars().collect();
    for (i, chunk) in chars.chunks(MAX_LITERAL_CHARS).enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push('"');
        for &c in chunk {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(value: &str) -> String {
        let mut out = String::new();
        write(value, &mut out);
        out
    }

    #[test]
    fn values_a_spreadsheet_would_convert_become_text_formulas() {
        assert_eq!(written("00042"), r#"="00042""#);
        assert_eq!(written("441234567890"), r#"="441234567890""#);
        assert_eq!(written("+1 863-402-2606"), r#"="+1 863-402-2606""#);
        assert_eq!(written("3/4"), r#"="3/4""#);
        assert_eq!(written("MAR1"), r#"="MAR1""#);
        assert_eq!(written("true"), r#"="true""#);
        assert_eq!(written("#N/A"), r##"="#N/A""##);
        assert_eq!(written("=HYPERLINK(\"x\")"), r#"="=HYPERLINK(""x"")""#);
        assert_eq!(written("١٢٣"), r#"="١٢٣""#);
    }

    #[test]
    fn plain_words_stay_plain() {
        for value in [
            "Sales",
            "José García",
            "北京 用户",
            "",
            "a,b",
            "say \"hi\"",
            "Zürich; Süd",
        ] {
            assert_eq!(written(value), value);
        }
    }

    #[test]
    fn long_values_are_joined_from_short_literals() {
        let long = "7".repeat(600);
        let out = written(&long);
        assert_eq!(out.matches('&').count(), 2);
        assert_eq!(out.replace(['=', '"', '&'], ""), long);
    }

    #[test]
    fn multi_line_values_stay_text_and_keep_the_formula_guard() {
        assert_eq!(written("Suite 100\nFloor 2"), "Suite 100\nFloor 2");
        assert_eq!(written("=1+2\nx"), "'=1+2\nx");
        assert_eq!(written("\rCR plan"), "'\rCR plan");
    }
}
