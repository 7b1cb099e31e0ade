//! First occurrences of keys, for the rules that report repeats (fmtp lines and parameters,
//! extmap ids and URIs).

use std::collections::HashMap;
use std::hash::Hash;

/// Up to this many keys are kept in a vector and scanned: a real section has a handful, and a
/// scan is cheaper than hashing them. Past it a hash map takes over, so a hostile section with
/// thousands stays linear (issue 7).
const SMALL: usize = 16;

/// The first value seen with each key.
pub(super) struct FirstSeen<K, V> {
    small: Vec<(K, V)>,
    large: Option<HashMap<K, V>>,
}

impl<K: Eq + Hash + Copy, V: Copy> FirstSeen<K, V> {
    pub(super) fn new() -> Self {
        FirstSeen {
            small: Vec::new(),
            large: None,
        }
    }

    /// Forgets every key (keeps the memory).
    pub(super) fn clear(&mut self) {
        self.small.clear();
        if let Some(map) = &mut self.large {
            map.clear();
        }
    }

    /// The value first seen with `key`; when there is none, records `value` for it.
    pub(super) fn first_or_insert(&mut self, key: K, value: V) -> Option<V> {
        if let Some(map) = &mut self.large {
            if let Some(&seen) = map.get(&key) {
                return Some(seen);
            }
            map.insert(key, value);
            return None;
        }
        if let Some(&(_, seen)) = self.small.iter().find(|(k, _)| *k == key) {
            return Some(seen);
        }
        self.small.push((key, value));
        if self.small.len() > SMALL {
            self.large = Some(self.small.drain(..).collect());
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_value_wins_below_and_above_the_switch() {
        let mut seen = FirstSeen::new();
        for n in 0..100u32 {
            assert_eq!(seen.first_or_insert(n, n), None);
            assert_eq!(seen.first_or_insert(n, n + 1000), Some(n));
        }
        assert!(seen.large.is_some());
        for n in 0..100u32 {
            assert_eq!(seen.first_or_insert(n, 7), Some(n));
        }
        seen.clear();
        assert_eq!(seen.first_or_insert(3, 3), None);
    }
}
