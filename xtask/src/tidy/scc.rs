//! The strongly connected sets of a directed graph (Tarjan's algorithm): the import circles that
//! cycles.rs reports are its sets of more than one node.

use std::collections::{BTreeMap, BTreeSet};

/// Tarjan's algorithm, recursive: module graphs are small.
pub fn strongly_connected<'a, Node: Ord>(
    edges: &BTreeMap<&'a Node, BTreeSet<&'a Node>>,
) -> Vec<Vec<&'a Node>> {
    struct State<'a, Node> {
        index: BTreeMap<&'a Node, usize>,
        low: BTreeMap<&'a Node, usize>,
        stack: Vec<&'a Node>,
        on_stack: BTreeSet<&'a Node>,
        sets: Vec<Vec<&'a Node>>,
    }
    fn visit<'a, Node: Ord>(
        node: &'a Node,
        edges: &BTreeMap<&'a Node, BTreeSet<&'a Node>>,
        state: &mut State<'a, Node>,
    ) {
        let n = state.index.len();
        state.index.insert(node, n);
        state.low.insert(node, n);
        state.stack.push(node);
        state.on_stack.insert(node);
        for &next in edges.get(node).into_iter().flatten() {
            if !state.index.contains_key(next) {
                visit(next, edges, state);
                let low = state.low[node].min(state.low[next]);
                state.low.insert(node, low);
            } else if state.on_stack.contains(next) {
                let low = state.low[node].min(state.index[next]);
                state.low.insert(node, low);
            }
        }
        if state.low[node] == state.index[node] {
            let mut set = Vec::new();
            while let Some(member) = state.stack.pop() {
                state.on_stack.remove(member);
                set.push(member);
                if member == node {
                    break;
                }
            }
            set.sort();
            state.sets.push(set);
        }
    }
    let mut state = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        sets: Vec::new(),
    };
    for &node in edges.keys() {
        if !state.index.contains_key(node) {
            visit(node, edges, &mut state);
        }
    }
    state.sets
}
