//! The hash chain: digests, stored entries and verification.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use super::Event;

/// A SHA-256 digest, written as 64 lowercase hexadecimal digits.
///
/// Parsing accepts lowercase only, so that a stored digest has exactly one
/// spelling and changing the case of a digit is detected as a change.
///
/// ```
/// use rouxing::record::Digest;
///
/// let d = Digest::of(b"abc");
/// assert_eq!(
///     d.to_string(),
///     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// );
/// assert_eq!(d.to_string().parse::<Digest>()?, d);
/// assert!("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"
///     .parse::<Digest>()
///     .is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
pub struct Digest([u8; 32]);

impl Digest {
    /// The all-zero digest.
    pub const ZERO: Digest = Digest([0; 32]);

    /// The SHA-256 of some bytes.
    pub fn of(bytes: &[u8]) -> Digest {
        Digest(Sha256::digest(bytes).into())
    }

    /// The digest's 32 bytes.
    pub const fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// A digest from its 32 bytes (as [`Digest::as_bytes`] gives them).
    ///
    /// ```
    /// use rouxing::record::Digest;
    ///
    /// let d = Digest::of(b"abc");
    /// assert_eq!(Digest::from_bytes(*d.as_bytes()), d);
    /// ```
    pub const fn from_bytes(bytes: [u8; 32]) -> Digest {
        Digest(bytes)
    }
}

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut out = [0u8; 64];
        for (pair, b) in out.chunks_exact_mut(2).zip(self.0) {
            if let [hi, lo] = pair {
                *hi = HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0');
                *lo = HEX.get(usize::from(b & 0x0f)).copied().unwrap_or(b'0');
            }
        }
        f.write_str(std::str::from_utf8(&out).map_err(|_| fmt::Error)?)
    }
}

impl fmt::Debug for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Digest({self})")
    }
}

/// A digest was not 64 lowercase hexadecimal digits.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid digest `{value}`: expected 64 lowercase hexadecimal digits")]
pub struct ParseDigestError {
    value: String,
}

impl ParseDigestError {
    /// The text that failed to parse.
    pub fn attempted(&self) -> &str {
        &self.value
    }
}

impl FromStr for Digest {
    type Err = ParseDigestError;
    fn from_str(s: &str) -> Result<Digest, ParseDigestError> {
        let bad = || ParseDigestError { value: s.to_owned() };
        if s.len() != 64 {
            return Err(bad());
        }
        let nibble = |c: u8| match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        };
        let mut out = [0u8; 32];
        for (o, pair) in out.iter_mut().zip(s.as_bytes().chunks_exact(2)) {
            match pair {
                [hi, lo] => *o = (nibble(*hi).ok_or_else(bad)? << 4) | nibble(*lo).ok_or_else(bad)?,
                _ => return Err(bad()),
            }
        }
        Ok(Digest(out))
    }
}

impl TryFrom<String> for Digest {
    type Error = ParseDigestError;
    fn try_from(s: String) -> Result<Digest, ParseDigestError> {
        s.parse()
    }
}

impl From<Digest> for String {
    fn from(d: Digest) -> String {
        d.to_string()
    }
}

/// The digest of one entry: SHA-256 over the previous entry's digest, the
/// entry's sequence number (8 bytes, big-endian) and its canonical content.
pub(crate) fn link_digest(prev: &Digest, seq: u64, content: &[u8]) -> Digest {
    let mut h = Sha256::new();
    h.update(prev.0);
    h.update(seq.to_be_bytes());
    h.update(content);
    Digest(h.finalize().into())
}

/// The digest that the first entry of a case file links to: SHA-256 of the
/// file's header line.
pub(crate) fn genesis(header: &str) -> Digest {
    Digest::of(header.as_bytes())
}

/// One stored event of a case file: the event, its canonical JSON content,
/// its place in the chain and its digest.
///
/// The digest covers the previous entry's digest, the sequence number and
/// the content bytes exactly as stored, so that [`CaseFile::verify`] hashes
/// what is stored without serializing anything again.
///
/// [`CaseFile::verify`]: super::CaseFile::verify
///
/// # JSON
///
/// The first entry line of a case file (`prev` is the SHA-256 of the header line):
///
/// ```
/// let case_file_entry_json = r#"{
///   "seq": 0,
///   "prev": "6ec460619b1ab9fd171fb142775331f2e7aed001002adedec0b17900358bc75e",
///   "hash": "be8c08d2d598805d020ec466c36b0689b8f549659faaf7fb72a86553ede19892",
///   "event": {
///              "on": "2025-03-02",
///              "stage": "started",
///              "origin": "inspection",
///              "party": "91620725MA7",
///              "item": "EM-HC-78-3",
///              "act_on": "2025-03-01",
///              "discovered_on": "2025-03-02",
///              "limitation_ends": "2027-03-01"
///            }
/// }"#;
/// use rouxing::record::Entry;
///
/// let case_file_entry: Entry = serde_json::from_str(case_file_entry_json)?;
/// assert_eq!(serde_json::to_value(&case_file_entry)?, serde_json::from_str::<serde_json::Value>(case_file_entry_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    pub(crate) seq: u64,
    pub(crate) prev: Digest,
    pub(crate) hash: Digest,
    pub(crate) content: String,
    pub(crate) event: Event,
}

impl Entry {
    /// The entry's position, from 0.
    pub const fn seq(&self) -> u64 {
        self.seq
    }

    /// The digest of the previous entry (the header's digest for entry 0).
    pub const fn prev(&self) -> &Digest {
        &self.prev
    }

    /// The entry's digest.
    pub const fn hash(&self) -> &Digest {
        &self.hash
    }

    /// The event.
    pub const fn event(&self) -> &Event {
        &self.event
    }

    /// The canonical JSON of the event, the bytes the digest covers.
    pub fn content(&self) -> &str {
        &self.content
    }
}

/// Where and how a hash chain is broken.
///
/// Every variant names the entry (its 0-based position in the chain) where
/// the chain first stops being intact.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ChainError {
    /// The entry's digest does not match its content: the entry was changed.
    #[error("event `{seq}` was changed: stored digest `{stored}`, computed `{computed}`")]
    Tampered {
        /// The entry.
        seq: u64,
        /// The digest stored with it.
        stored: Digest,
        /// The digest of what is stored.
        computed: Digest,
    },
    /// The entry does not link to the entry before it (or, for entry 0, to
    /// the header): an entry was replaced, inserted or removed before it.
    #[error("event `{seq}` does not link to the previous event: it names `{found}`, expected `{expected}`")]
    Unlinked {
        /// The entry.
        seq: u64,
        /// The previous digest it names.
        found: Digest,
        /// The digest of the previous entry.
        expected: Digest,
    },
    /// The entry at a position carries another sequence number: entries were
    /// removed, inserted or reordered.
    #[error("expected event `{expected}`, found event `{found}`")]
    OutOfSequence {
        /// The position.
        expected: u64,
        /// The sequence number found there.
        found: u64,
    },
}

impl ChainError {
    /// The position of the first broken entry.
    pub const fn seq(&self) -> u64 {
        match self {
            ChainError::Tampered { seq, .. } | ChainError::Unlinked { seq, .. } => *seq,
            ChainError::OutOfSequence { expected, .. } => *expected,
        }
    }
}

/// Checks one entry against the digest of the entry before it.
pub(crate) fn check_link(
    expected_seq: u64,
    expected_prev: &Digest,
    seq: u64,
    prev: &Digest,
    hash: &Digest,
    content: &[u8],
) -> Result<(), ChainError> {
    if seq != expected_seq {
        return Err(ChainError::OutOfSequence { expected: expected_seq, found: seq });
    }
    let computed = link_digest(prev, seq, content);
    if computed != *hash {
        return Err(ChainError::Tampered { seq, stored: *hash, computed });
    }
    if prev != expected_prev {
        return Err(ChainError::Unlinked { seq, found: *prev, expected: *expected_prev });
    }
    Ok(())
}

/// Verifies a chain of stored entries from the genesis digest: the first
/// broken entry, if any.
///
/// Each entry is checked first on its own (its digest against its content,
/// so that a changed entry is named as changed) and then against the entry
/// before it.
pub fn verify_entries(genesis: &Digest, entries: &[Entry]) -> Result<(), ChainError> {
    let mut prev = genesis;
    for (i, e) in (0u64..).zip(entries) {
        check_link(i, prev, e.seq, &e.prev, &e.hash, e.content.as_bytes())?;
        prev = &e.hash;
    }
    Ok(())
}
