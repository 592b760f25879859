//! No import circles: within a Rust crate, modules that use each other (directly or round a longer
//! loop) are one module in two files, and neither can be read or tested alone; the same holds for
//! the UI's TypeScript and Svelte files. A module may use what its ancestors define (`super::`,
//! `crate::` items a parent declares) without that being a circle: parents hold the shared types
//! and declare their children, so only the other edges count. Test modules are left out.

use std::collections::{BTreeMap, BTreeSet};

use super::rust_text;
use super::scc::strongly_connected;

/// Where each crate's modules live: a module's path is its file's path under one of these.
const RUST_SOURCES: [&str; 3] = ["crates/", "src-tauri/src/", "xtask/src/"];
const UI_SOURCES: &str = "ui/src/";

/// One finding per circle, naming its files.
pub fn import_cycles(files: &BTreeMap<String, String>) -> Vec<String> {
    let mut graphs: BTreeMap<String, Graph> = BTreeMap::new();
    for (name, text) in files {
        if let Some((root, module)) = rust_module(name) {
            let graph = graphs.entry(root).or_default();
            graph.files.insert(module.clone(), name.clone());
            graph
                .uses
                .insert(module, rust_references(text, &module_of(name)));
        } else if let Some(path) = name.strip_prefix(UI_SOURCES)
            && is_ui_module(path)
            && !is_ui_test(path)
        {
            let graph = graphs.entry(UI_SOURCES.to_owned()).or_default();
            let module = path.split('/').map(str::to_owned).collect::<Vec<_>>();
            graph.files.insert(module.clone(), name.clone());
            graph.uses.insert(module, ui_references(text, path));
        }
    }
    graphs
        .values()
        .flat_map(Graph::cycles)
        .map(|cycle| {
            format!(
                "{}: these import each other; break the circle",
                cycle.join(" ↔ ")
            )
        })
        .collect()
}

type Module = Vec<String>;

#[derive(Default)]
struct Graph {
    files: BTreeMap<Module, String>,
    /// What each module's code names, as paths from the crate root (or UI files).
    uses: BTreeMap<Module, Vec<Module>>,
}

impl Graph {
    /// The circles, as the files of each strongly connected set of modules (more than one).
    fn cycles(&self) -> Vec<Vec<String>> {
        let edges: BTreeMap<&Module, BTreeSet<&Module>> = self
            .uses
            .iter()
            .map(|(from, named)| {
                let to = named
                    .iter()
                    .filter_map(|path| self.resolve(path))
                    .filter(|to| *to != from && !to.is_empty() && !from.starts_with(to))
                    .collect();
                (from, to)
            })
            .collect();
        strongly_connected(&edges)
            .into_iter()
            .filter(|set| set.len() > 1)
            .map(|set| set.iter().map(|m| self.files[*m].clone()).collect())
            .collect()
    }

    /// The longest known module `path` starts with.
    fn resolve(&self, path: &Module) -> Option<&Module> {
        (1..=path.len())
            .rev()
            .find_map(|len| self.files.get_key_value(&path[..len]).map(|(m, _)| m))
    }
}

/// The crate a Rust source file belongs to and its module path there, for library and binary
/// sources (not integration tests, benches or `src/bin` programs, which are crates of their own).
fn rust_module(name: &str) -> Option<(String, Module)> {
    let source = RUST_SOURCES.iter().find(|s| name.starts_with(*s))?;
    let rest = name.strip_prefix(source)?.strip_suffix(".rs")?;
    let (root, inner) = match *source {
        "crates/" => {
            let (krate, inner) = rest.split_once("/src/")?;
            (format!("crates/{krate}/src/"), inner)
        }
        other => (other.to_owned(), rest),
    };
    if inner.starts_with("bin/") {
        return None;
    }
    Some((root, module_of_inner(inner)))
}

/// `a/b.rs` and `a/b/mod.rs` are `a::b`; `lib.rs` and `main.rs` the crate root.
fn module_of_inner(inner: &str) -> Module {
    let mut parts: Module = inner.split('/').map(str::to_owned).collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

fn module_of(name: &str) -> Module {
    rust_module(name).map(|(_, m)| m).unwrap_or_default()
}

/// The module paths a file's code names through `crate::`, `super::` and `self::`, brace groups of
/// `use` declarations expanded. Test modules (from `#[cfg(test)]` on) are left out.
fn rust_references(text: &str, module: &Module) -> Vec<Module> {
    let lines = rust_text::lines(text);
    let mut kept = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let test_module = line.skeleton.trim() == "#[cfg(test)]"
            && lines.get(index + 1).is_some_and(|next| {
                let next = next.skeleton.trim();
                next.starts_with("mod ") && next.ends_with('{')
            });
        if test_module {
            break;
        }
        // Strings blanked: a message that says "use …" is not a declaration.
        kept.push(line.skeleton.as_str());
    }
    let code = kept.join("\n");
    let mut found = Vec::new();
    for (at, _) in code.match_indices("use ") {
        let preceded_by_word = code[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        let Some(end) = code[at..].find(';') else {
            continue;
        };
        if preceded_by_word {
            continue;
        }
        for path in expand_use(&code[at + 4..at + end]) {
            found.extend(absolute(&path, module, Bare::ChildOrOtherCrate));
        }
    }
    // Paths written inline (`crate::x::f()`), outside `use`.
    for start in ["crate::", "super::", "self::"] {
        for (at, _) in code.match_indices(start) {
            let path: String = code[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let parts = path.split("::").map(str::to_owned).collect::<Vec<_>>();
            found.extend(absolute(&parts, module, Bare::Ignored));
        }
    }
    found
}

/// What a path that starts with a plain name means.
enum Bare {
    /// In a `use`: a child module of this one (or another crate, which resolves to nothing).
    ChildOrOtherCrate,
    /// Inline: a local name, a type or another crate; not followed.
    Ignored,
}

/// `a::{b, c::{d, e as f}}` as `a::b`, `a::c::d`, `a::c::e` (each a list of names).
fn expand_use(tree: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    expand_into(&tree.replace('\n', " "), &mut Vec::new(), &mut paths);
    paths
}

fn expand_into(tree: &str, prefix: &mut Vec<String>, paths: &mut Vec<Vec<String>>) {
    let names = |text: &str| -> Vec<String> {
        text.split("::")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let Some(open) = tree.find('{') else {
        let leaf = tree.split(" as ").next().unwrap_or(tree);
        let mut path = prefix.clone();
        path.extend(names(leaf));
        paths.push(path);
        return;
    };
    let depth_before = prefix.len();
    prefix.extend(names(&tree[..open]));
    let close = tree
        .rfind('}')
        .filter(|close| *close > open)
        .unwrap_or(tree.len());
    let inner = &tree[open + 1..close];
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand_into(&inner[start..i], prefix, paths);
                start = i + 1;
            }
            _ => {}
        }
    }
    if !inner[start..].trim().is_empty() {
        expand_into(&inner[start..], prefix, paths);
    }
    prefix.truncate(depth_before);
}

/// A path from `module` as a path from the crate root; `None` for other crates and `std`.
fn absolute(path: &[String], module: &Module, bare: Bare) -> Option<Module> {
    let mut at = module.clone();
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            at.clear();
            rest = &rest[1..];
        }
        Some("self") => rest = &rest[1..],
        Some("super") => {
            while rest.first().map(String::as_str) == Some("super") {
                at.pop();
                rest = &rest[1..];
            }
        }
        Some("std" | "core" | "alloc") | None => return None,
        Some(_) => match bare {
            Bare::ChildOrOtherCrate => {}
            Bare::Ignored => return None,
        },
    }
    at.extend(rest.iter().filter(|p| p.as_str() != "self").cloned());
    Some(at)
}

fn is_ui_module(path: &str) -> bool {
    [".ts", ".svelte"].iter().any(|ext| path.ends_with(ext)) && !path.ends_with(".d.ts")
}

fn is_ui_test(path: &str) -> bool {
    path.ends_with(".test.ts")
}

/// The UI files `text` imports by a relative path (`from "./x"`, `import "../y.svelte"`), with the
/// extensions Vite resolves.
fn ui_references(text: &str, path: &str) -> Vec<Module> {
    let dir: Vec<&str> = path.split('/').collect::<Vec<_>>()[..path.matches('/').count()].to_vec();
    let mut found = Vec::new();
    for quote in ['"', '\''] {
        for (at, _) in text.match_indices(&format!("{quote}.")) {
            let before = text[..at].trim_end();
            if !(before.ends_with("from") || before.ends_with("import")) {
                continue;
            }
            let Some(len) = text[at + 1..].find(quote) else {
                continue;
            };
            let target = &text[at + 1..at + 1 + len];
            let mut parts: Vec<String> = dir.iter().map(|p| (*p).to_owned()).collect();
            for part in target.split('/') {
                match part {
                    "." => {}
                    ".." => {
                        parts.pop();
                    }
                    name => parts.push(name.to_owned()),
                }
            }
            for extension in ["", ".ts", ".svelte.ts", ".svelte"] {
                let mut candidate = parts.clone();
                if let Some(last) = candidate.last_mut() {
                    last.push_str(extension);
                }
                found.push(candidate);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(files: &[(&str, &str)]) -> Vec<String> {
        import_cycles(
            &files
                .iter()
                .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
                .collect(),
        )
    }

    #[test]
    fn siblings_using_each_other_are_a_circle() {
        let found = findings(&[
            ("crates/a/src/lib.rs", "mod export;\n"),
            ("crates/a/src/export/mod.rs", "mod csv;\nmod text;\n"),
            ("crates/a/src/export/csv.rs", "use super::text::write;\n"),
            (
                "crates/a/src/export/text.rs",
                "use super::{Options, csv::guard};\n",
            ),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("crates/a/src/export/csv.rs ↔ crates/a/src/export/text.rs"));
    }

    #[test]
    fn a_longer_loop_through_crate_paths_is_a_circle_too() {
        let found = findings(&[
            ("crates/a/src/lib.rs", "mod x;\nmod y;\nmod z;\n"),
            ("crates/a/src/x.rs", "use crate::y::f;\n"),
            ("crates/a/src/y.rs", "fn g() { crate::z::h() }\n"),
            ("crates/a/src/z.rs", "use crate::{x::X, lib_item};\n"),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn using_a_parent_other_crates_or_a_test_module_is_not_a_circle() {
        let found = findings(&[
            ("crates/a/src/lib.rs", "mod x;\nuse x::f;\npub struct T;\n"),
            (
                "crates/a/src/x.rs",
                "use crate::T;\nuse zoom::y;\n#[cfg(test)]\nmod tests {\n    use crate::x;\n}\n",
            ),
            ("crates/b/src/lib.rs", "use a::x;\n"),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn ui_files_importing_each_other_are_a_circle() {
        let found = findings(&[
            (
                "ui/src/lib/session.svelte.ts",
                "import { RosterView } from \"./roster/rosterView.svelte\";\n",
            ),
            (
                "ui/src/lib/roster/rosterView.svelte.ts",
                "import type { Tab } from \"../session.svelte\";\n",
            ),
            (
                "ui/src/lib/roster/Other.svelte",
                "import Table from \"./Table.svelte\";\n",
            ),
            ("ui/src/lib/roster/Table.svelte", "<p>table</p>\n"),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("ui/src/lib/roster/rosterView.svelte.ts"));
    }
}
