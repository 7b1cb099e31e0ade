//! The comparison most kinds share: two multisets of `(key, value)`, where the order of the
//! items means nothing.

use std::collections::BTreeMap;

/// One difference for a key.
pub(super) struct Delta<K> {
    pub(super) key: K,
    pub(super) before: Option<String>,
    pub(super) after: Option<String>,
}

impl<K> Delta<K> {
    fn new(key: K, before: Option<String>, after: Option<String>) -> Self {
        Delta { key, before, after }
    }
}

/// Compares the items of A and B as multisets: an item in both (same key, same value, counted
/// with repeats) is no difference. What is left of a key is reported, sorted by key and value;
/// with `pair`, a removed and an added value of the same key become one change (`a=ptime:20`
/// to `a=ptime:40` is a changed ptime, not one removed and one added).
pub(super) fn diff_keyed<K: Ord + Clone>(
    a: impl IntoIterator<Item = (K, String)>,
    b: impl IntoIterator<Item = (K, String)>,
    pair: bool,
) -> Vec<Delta<K>> {
    let mut by_key: BTreeMap<K, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for (key, value) in a {
        by_key.entry(key).or_default().0.push(value);
    }
    for (key, value) in b {
        by_key.entry(key).or_default().1.push(value);
    }
    let mut out = Vec::new();
    for (key, (mut before, mut after)) in by_key {
        before.sort_unstable();
        after.sort_unstable();
        let (removed, added) = subtract_sorted(before, after);
        if removed.is_empty() && added.is_empty() {
            continue;
        }
        let paired = if pair {
            removed.len().min(added.len())
        } else {
            0
        };
        let mut removed = removed.into_iter();
        let mut added = added.into_iter();
        for (r, a) in removed.by_ref().zip(added.by_ref()).take(paired) {
            out.push(Delta::new(key.clone(), Some(r), Some(a)));
        }
        out.extend(removed.map(|r| Delta::new(key.clone(), Some(r), None)));
        out.extend(added.map(|a| Delta::new(key.clone(), None, Some(a))));
    }
    out
}

/// The values only `a` has and those only `b` has, both sorted, repeats counted.
fn subtract_sorted(a: Vec<String>, b: Vec<String>) -> (Vec<String>, Vec<String>) {
    let mut only_a = Vec::new();
    let mut only_b = Vec::new();
    let mut a = a.into_iter().peekable();
    let mut b = b.into_iter().peekable();
    loop {
        match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => match x.cmp(y) {
                std::cmp::Ordering::Less => only_a.extend(a.next()),
                std::cmp::Ordering::Greater => only_b.extend(b.next()),
                std::cmp::Ordering::Equal => {
                    a.next();
                    b.next();
                }
            },
            (Some(_), None) => only_a.extend(a.next()),
            (None, Some(_)) => only_b.extend(b.next()),
            (None, None) => break,
        }
    }
    (only_a, only_b)
}
