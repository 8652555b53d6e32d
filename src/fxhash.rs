//! A small, fast, non-cryptographic hasher for the crate's internal maps.
//!
//! The keys hashed are item codes and entry ids from a department's own
//! catalogue, not attacker-chosen input at request time, so the DoS
//! resistance of the standard SipHash buys nothing here while costing a
//! tenth of the time to load a large catalogue. The mixing step is the
//! well-known "Fx" hash (rotate, xor, multiply) used inside rustc.

use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hasher.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            for (d, s) in w.iter_mut().zip(rest) {
                *d = *s;
            }
            self.add(u64::from_le_bytes(w));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    /// The state rotated so that its best-mixed high bits come first: the
    /// standard `HashMap` picks a bucket by the hash's low bits, and the low
    /// bits of the multiply depend only on the low bits of the words written.
    /// Identifiers that differ only in later bytes (`P-1234`, `P-1235`: the
    /// varying digits sit high in the word) would otherwise share their low
    /// bits and collide in one probe sequence.
    #[inline]
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

/// A `HashMap` with the Fx hasher.
pub(crate) type FxHashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A `HashSet` with the Fx hasher.
pub(crate) type FxHashSet<K> = std::collections::HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinguishes_keys() {
        let mut m: FxHashMap<String, usize> = FxHashMap::default();
        for i in 0..10_000 {
            m.insert(format!("X-{i}"), i);
        }
        assert_eq!(m.len(), 10_000);
        assert_eq!(m.get("X-4242"), Some(&4242));
    }

    /// Keys that differ only in their later bytes still spread over the low
    /// bits the table indexes by.
    #[test]
    fn low_bits_spread() {
        use std::hash::BuildHasher as _;
        let build = BuildHasherDefault::<FxHasher>::default();
        let low: FxHashSet<u64> = (0..4_096).map(|i| build.hash_one(format!("P-{i:05}")) & 0xFFF).collect();
        assert!(low.len() > 2_000, "{}", low.len());
    }
}
