//! Just enough of Rust's lexical structure for tidy's text rules: which part of each line is code
//! (comments blanked), which is structure (string and character contents blanked too, so that a
//! brace in `"{"` is not a block), and which `#[cfg(…)]` attributes stand on the item or statement
//! that encloses a line. A lexer would be exact; the rules only need this much, and stay std-only.

/// One line of a Rust file, seen three ways.
pub struct Line<'a> {
    /// The line as written.
    pub text: &'a str,
    /// Comments blanked: strings are kept (a path such as `"/proc/…"` is code).
    pub code: String,
    /// Comments, string and character contents blanked: what braces and attributes are read from.
    pub skeleton: String,
}

/// The lines of `text`, each with its code and skeleton.
pub fn lines(text: &str) -> Vec<Line<'_>> {
    let (code, skeleton) = blank(text);
    text.lines()
        .zip(code.lines().zip(skeleton.lines()))
        .map(|(text, (code, skeleton))| Line {
            text,
            code: code.to_owned(),
            skeleton: skeleton.to_owned(),
        })
        .collect()
}

/// Two copies of `text` of the same shape (newlines kept): comments blanked, and comments plus the
/// insides of string and character literals blanked.
fn blank(text: &str) -> (String, String) {
    let chars: Vec<char> = text.chars().collect();
    let mut code = String::with_capacity(text.len());
    let mut skeleton = String::with_capacity(text.len());
    let keep_newline = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                code.push(' ');
                skeleton.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    code.push_str("  ");
                    skeleton.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                    continue;
                }
                code.push(keep_newline(chars[i]));
                skeleton.push(keep_newline(chars[i]));
                i += 1;
            }
        } else if let Some((open, hashes)) = raw_string_start(&chars, i) {
            // r"…", r#"…"#, br"…": no escapes; ends at a quote followed by as many #.
            let end = raw_string_end(&chars, i + open, hashes);
            for (k, &c) in chars[i..end].iter().enumerate() {
                code.push(c);
                let delimiter = k < open || k >= end - i - hashes - 1;
                skeleton.push(if delimiter { c } else { keep_newline(c) });
            }
            i = end;
        } else if c == '"' {
            code.push(c);
            skeleton.push(c);
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                let escaped = chars[i] == '\\';
                let span = if escaped { 2 } else { 1 };
                for &c in chars.iter().skip(i).take(span) {
                    code.push(c);
                    skeleton.push(keep_newline(c));
                }
                i += span;
            }
            if i < chars.len() {
                code.push('"');
                skeleton.push('"');
                i += 1;
            }
        } else if let Some(length) = char_literal_length(&chars, i) {
            for &c in &chars[i..i + length] {
                code.push(c);
                skeleton.push(if c == '\'' { c } else { ' ' });
            }
            i += length;
        } else {
            code.push(c);
            skeleton.push(c);
            i += 1;
        }
    }
    (code, skeleton)
}

/// At a raw string's start (`r"`, `r#"`, `br##"`…): the length of its opening and its `#` count.
fn raw_string_start(chars: &[char], i: usize) -> Option<(usize, usize)> {
    let previous_is_word = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
    if previous_is_word {
        return None;
    }
    let mut j = i;
    if chars.get(j) == Some(&'b') {
        j += 1;
    }
    if chars.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let hashes = chars[j..].iter().take_while(|&&c| c == '#').count();
    j += hashes;
    (chars.get(j) == Some(&'"')).then_some((j + 1 - i, hashes))
}

/// The index just past the raw string whose contents start at `from`.
fn raw_string_end(chars: &[char], from: usize, hashes: usize) -> usize {
    let mut j = from;
    while j < chars.len() {
        if chars[j] == '"'
            && chars[j + 1..]
                .iter()
                .take(hashes)
                .filter(|&&c| c == '#')
                .count()
                == hashes
        {
            return (j + 1 + hashes).min(chars.len());
        }
        j += 1;
    }
    chars.len()
}

/// The length of a character literal (`'x'`, `'\n'`, `'\u{1F600}'`) starting at `i`; none for a
/// lifetime (`'a`).
fn char_literal_length(chars: &[char], i: usize) -> Option<usize> {
    if chars[i] != '\'' {
        return None;
    }
    match chars.get(i + 1)? {
        '\\' => {
            let close = chars[i + 2..].iter().take(10).position(|&c| c == '\'')?;
            Some(close + 3)
        }
        _ => (chars.get(i + 2) == Some(&'\'')).then_some(3),
    }
}

/// The `#[cfg(…)]` predicates that decide whether line `index` is compiled: those on the statement
/// or item the line belongs to, and on every block that encloses it, innermost first; `#![cfg(…)]`
/// at the top of the file last.
pub fn enclosing_cfgs(lines: &[Line<'_>], index: usize) -> Vec<String> {
    let mut cfgs = attributes_above(lines, statement_start(lines, index));
    let mut depth: i32 = 0;
    for j in (0..index).rev() {
        for c in lines[j].skeleton.chars().rev() {
            match c {
                '}' => depth += 1,
                '{' => depth -= 1,
                _ => {}
            }
            if depth < 0 {
                // Line j opens a block around `index`: its item's attributes gate all inside.
                cfgs.extend(attributes_above(lines, statement_start(lines, j)));
                depth = 0;
            }
        }
    }
    cfgs.extend(
        lines
            .iter()
            .filter_map(|line| cfg_predicate(line.code.trim(), "#![cfg(")),
    );
    cfgs
}

/// Where the statement or item holding line `index` begins: up past lines that continue it (a
/// signature over several lines), stopping at an attribute, a comment or the end of something else.
fn statement_start(lines: &[Line<'_>], index: usize) -> usize {
    let mut start = index;
    while start > 0 {
        let previous = lines[start - 1].skeleton.trim();
        let ends_something = previous.is_empty()
            || previous.starts_with("#[")
            || previous.starts_with("#![")
            || previous.ends_with(';')
            || previous.ends_with('{')
            || previous.ends_with('}');
        if ends_something {
            break;
        }
        start -= 1;
    }
    start
}

/// The `cfg` predicates among the attributes written directly above line `start`.
fn attributes_above(lines: &[Line<'_>], start: usize) -> Vec<String> {
    let mut cfgs = Vec::new();
    // The line itself may carry its attribute in front (`#[cfg(unix)] mod unix_only;`).
    cfgs.extend(cfg_predicate(lines[start].code.trim(), "#[cfg("));
    for line in lines[..start].iter().rev() {
        let trimmed = line.skeleton.trim();
        let doc_comment = trimmed.is_empty() && line.text.trim().starts_with("//");
        if doc_comment {
            continue;
        }
        if !trimmed.starts_with("#[") {
            break;
        }
        cfgs.extend(cfg_predicate(line.code.trim(), "#[cfg("));
    }
    cfgs
}

/// The predicate of a `#[cfg(PRED)]` (or `#![cfg(PRED)]`) attribute at the start of `line`.
fn cfg_predicate(line: &str, opening: &str) -> Option<String> {
    let rest = line.strip_prefix(opening)?;
    let mut depth = 1;
    for (at, c) in rest.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(rest[..at].to_owned());
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfgs_at(text: &str, needle: &str) -> Vec<String> {
        let lines = lines(text);
        let index = lines
            .iter()
            .position(|line| line.text.contains(needle))
            .expect("the needle is in the text");
        enclosing_cfgs(&lines, index)
    }

    #[test]
    fn strings_and_comments_hold_no_structure() {
        let lines = lines("let a = \"{ // }\"; // {\nlet b = r#\"{\"#; let c = '{';\n");
        assert_eq!(lines[0].code.trim_end(), "let a = \"{ // }\";");
        assert!(!lines[0].skeleton.contains('{'));
        assert!(!lines[1].skeleton.contains('{'));
        assert!(lines[1].code.contains("r#\"{\"#"));
    }

    #[test]
    fn finds_the_cfg_of_the_statement_the_enclosing_items_and_the_file() {
        let text = "#![cfg(not(windows))]\n\
                    #[cfg(unix)]\n\
                    fn f(\n    a: u32,\n) {\n    let s = \"}\";\n    #[cfg(target_os = \"linux\")]\n    needle();\n}\n";
        assert_eq!(
            cfgs_at(text, "needle"),
            ["target_os = \"linux\"", "unix", "not(windows)"]
        );
        assert!(cfgs_at("fn f() {\n    needle();\n}\n", "needle").is_empty());
    }

    #[test]
    fn a_closed_block_before_the_line_does_not_enclose_it() {
        let text = "#[cfg(unix)]\nfn f() {\n}\nfn g() {\n    needle();\n}\n";
        assert!(cfgs_at(text, "needle").is_empty());
    }
}
