//! Text as search and sort compare it: lowercase, accents removed, so "José" is found by "jose".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Appends the folded form of `text`: canonical decomposition (NFD) with combining marks
/// dropped, then lowercase. Control characters become spaces, which keeps NUL free to separate
/// fields in the search index.
pub(crate) fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        // Most names and every email: skip the decomposition, which costs more than the rest.
        out.extend(text.chars().map(|c| {
            if c.is_ascii_control() {
                ' '
            } else {
                c.to_ascii_lowercase()
            }
        }));
        return;
    }
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_control() {
            out.push(' ');
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Characters people type inside phone numbers and extensions.
const NUMBER_PUNCTUATION: &[char] = &[' ', '+', '-', '(', ')', '.', '/'];

/// The digits of `text` when it looks like a number as typed ("+1 (423) 205-8798" → "14232058798"):
/// at least one ASCII digit and nothing but digits and phone punctuation.
pub(crate) fn number_digits(text: &str) -> Option<String> {
    let text = text.trim();
    let looks_like_number = text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || NUMBER_PUNCTUATION.contains(&c));
    looks_like_number.then(|| text.chars().filter(char::is_ascii_digit).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("José GARCÍA"), "jose garcia");
        assert_eq!(fold("Ångström Ünïcödé"), "angstrom unicode");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("北京 Tab\there\0"), "北京 tab here ");
    }

    #[test]
    fn recognises_numbers_as_typed() {
        assert_eq!(
            number_digits("+1 (423) 205-8798").as_deref(),
            Some("14232058798")
        );
        assert_eq!(number_digits(" 0123 ").as_deref(), Some("0123"));
        assert_eq!(number_digits("ext 12"), None);
        assert_eq!(number_digits("+-()"), None);
    }
}
