//! Duplicate checks in linear time.
//!
//! Loaders refuse a list that names the same thing twice (an officer, an
//! item, a source, a credit grade). A pairwise scan is quadratic in the
//! length of the list, so a document of 100,000 officers would take most of
//! a minute to refuse; [`first_repeated`] counts in a hash table instead and
//! keeps the pairwise scan only for short lists, where it allocates nothing
//! and is faster. The table uses the standard (SipHash) hasher, not the Fx
//! hasher of the catalogue index: these lists arrive in request documents,
//! where keys chosen to collide must not turn the check quadratic again.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// Lists up to this length are scanned pairwise (no allocation).
const PAIRWISE_UP_TO: usize = 16;

/// The first element, by position, that another element later in `items`
/// repeats (compared by `key`), with its index: the same answer as a
/// pairwise scan, in time linear in `items.len()`.
pub(crate) fn first_repeated<'a, T, K, F>(items: &'a [T], key: F) -> Option<(usize, &'a T)>
where
    K: Hash + Eq,
    F: Fn(&'a T) -> K,
{
    if items.len() <= PAIRWISE_UP_TO {
        return items.iter().enumerate().find(|&(i, x)| items.iter().skip(i + 1).any(|y| key(y) == key(x)));
    }
    let mut counts: HashMap<K, usize> = HashMap::with_capacity(items.len());
    for x in items {
        let n = counts.entry(key(x)).or_insert(0);
        *n = n.saturating_add(1);
    }
    items.iter().enumerate().find(|&(_, x)| counts.get(&key(x)).is_some_and(|&n| n > 1))
}

/// The first element, by position, that repeats an element earlier in
/// `items` (compared by `key`), with its index: the same answer as checking
/// each element against those before it, in time linear in `items.len()`.
pub(crate) fn first_repeating<'a, T, K, F>(items: &'a [T], key: F) -> Option<(usize, &'a T)>
where
    K: Hash + Eq,
    F: Fn(&'a T) -> K,
{
    if items.len() <= PAIRWISE_UP_TO {
        return items.iter().enumerate().find(|&(i, x)| items.iter().take(i).any(|y| key(y) == key(x)));
    }
    let mut seen: HashSet<K> = HashSet::with_capacity(items.len());
    items.iter().enumerate().find(|&(_, x)| !seen.insert(key(x)))
}

#[cfg(test)]
mod tests {
    use super::{first_repeated, first_repeating};
    use proptest::prelude::*;

    fn pairwise(v: &[u8]) -> Option<(usize, &u8)> {
        v.iter().enumerate().find(|&(i, x)| v.iter().skip(i + 1).any(|y| y == x))
    }

    #[test]
    fn the_first_element_repeated_later_is_named() {
        let v: Vec<u32> = (0..100).chain([50, 7]).collect();
        assert_eq!(first_repeated(&v, |x| *x), Some((7, &7)));
        assert_eq!(first_repeated(&[1, 2, 2, 1], |x| *x), Some((0, &1)));
        assert_eq!(first_repeated::<u8, u8, _>(&[], |x| *x), None);
        let distinct: Vec<u32> = (0..100_000).collect();
        assert_eq!(first_repeated(&distinct, |x| *x), None);
    }

    fn backwards(v: &[u8]) -> Option<(usize, &u8)> {
        v.iter().enumerate().find(|&(i, x)| v.iter().take(i).any(|y| y == x))
    }

    #[test]
    fn the_first_element_repeating_an_earlier_one_is_named() {
        let v: Vec<u32> = (0..100).chain([50, 7]).collect();
        assert_eq!(first_repeating(&v, |x| *x), Some((100, &50)));
        assert_eq!(first_repeating(&[1, 2, 2, 1], |x| *x), Some((2, &2)));
        let distinct: Vec<u32> = (0..100_000).collect();
        assert_eq!(first_repeating(&distinct, |x| *x), None);
    }

    proptest! {
        #[test]
        fn prop_agrees_with_the_pairwise_scan(v in proptest::collection::vec(0u8..40, 0..60)) {
            prop_assert_eq!(first_repeated(&v, |x| *x), pairwise(&v));
            prop_assert_eq!(first_repeating(&v, |x| *x), backwards(&v));
        }
    }
}
