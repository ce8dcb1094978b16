//! Chains of `parent` and `aligned_to`: each thing points at most at one
//! other, so the cycles of such a graph can be found in one pass.

use std::collections::BTreeMap;

/// Where a walk has been.
#[derive(Clone, Copy)]
enum Seen {
    /// On the walk under way, at this position.
    OnPath(usize),
    /// Finished: whatever lies beyond it has been seen.
    Done,
}

/// Every cycle of the graph once, each starting at its smallest node, in
/// the order of those nodes. `next` gives the node a node points at.
pub fn cycles<K: Ord + Copy>(
    nodes: impl IntoIterator<Item = K>,
    next: impl Fn(K) -> Option<K>,
) -> Vec<Vec<K>> {
    let mut seen: BTreeMap<K, Seen> = BTreeMap::new();
    let mut found = Vec::new();
    for start in nodes {
        let mut path = Vec::new();
        let mut current = Some(start);
        while let Some(node) = current {
            match seen.get(&node) {
                Some(Seen::Done) => break,
                Some(Seen::OnPath(position)) => {
                    found.push(from_smallest(&path[*position..]));
                    break;
                }
                None => {
                    seen.insert(node, Seen::OnPath(path.len()));
                    path.push(node);
                    current = next(node);
                }
            }
        }
        for node in path {
            seen.insert(node, Seen::Done);
        }
    }
    found.sort();
    found
}

/// The cycle turned to start at its smallest node.
fn from_smallest<K: Ord + Copy>(cycle: &[K]) -> Vec<K> {
    let smallest = (0..cycle.len()).min_by_key(|&i| cycle[i]).expect("a cycle has a node");
    cycle[smallest..].iter().chain(&cycle[..smallest]).copied().collect()
}

/// Whether following `next` from `from` reaches `to` (or `from` is `to`),
/// in at most `limit` steps, which stops a walk round a cycle.
pub fn reaches<K: PartialEq + Copy>(
    from: K,
    to: K,
    limit: usize,
    next: impl Fn(K) -> Option<K>,
) -> bool {
    let mut current = Some(from);
    for _ in 0..=limit {
        match current {
            Some(node) if node == to => return true,
            Some(node) => current = next(node),
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(edges: &[(u32, u32)]) -> impl Fn(u32) -> Option<u32> + '_ {
        move |node| edges.iter().find(|(from, _)| *from == node).map(|(_, to)| *to)
    }

    #[test]
    fn finds_each_cycle_once_from_its_smallest_node() {
        // 1 → 2 → 3 → 2, 4 → 4, 5 → 1, 6 alone.
        let edges = [(1, 2), (2, 3), (3, 2), (4, 4), (5, 1)];
        assert_eq!(cycles(1..=6, graph(&edges)), vec![vec![2, 3], vec![4]]);
        assert_eq!(cycles([3, 5, 4], graph(&edges)), vec![vec![2, 3], vec![4]]);
    }

    #[test]
    fn a_long_chain_is_walked_once() {
        let edges: Vec<(u32, u32)> = (1..20_000).map(|n| (n, n + 1)).chain([(20_000, 1)]).collect();
        let next = |node: u32| Some(if node == 20_000 { 1 } else { node + 1 });
        let found = cycles(1..=20_000, next);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].len(), 20_000);
        assert_eq!(found[0][0], 1);
        assert!(!edges.is_empty());
    }

    #[test]
    fn reaches_stops_round_a_cycle() {
        let edges = [(1, 2), (2, 1), (3, 1)];
        assert!(reaches(3, 2, 3, graph(&edges)));
        assert!(reaches(1, 1, 0, graph(&edges)));
        assert!(!reaches(1, 3, 3, graph(&edges)));
    }
}
