//! Signed checkpoints and the seal of a case file (签章 / 封存).
//!
//! The hash chain proves a file unchanged since it was written, not who
//! wrote it. A [`Checkpoint`] is a statement signed by the agency — "case
//! `C`, after `n` events, has head `h`" — that the embedding system stores or
//! publishes elsewhere (its case system, a 司法局 archive, a timestamping
//! service). [`CaseFile::verify_checkpoint`](super::CaseFile::verify_checkpoint)
//! proves that a file *extends* a checkpoint: a file rewritten and re-chained
//! without the key, or cut after the checkpoint and closed again with a
//! forged closing line, is refused and the error names which.
//!
//! Signing and verifying are behind the [`Signer`] and [`Verifier`] traits so
//! that an SM2/SM3 (国密) implementation can be plugged in beside the bundled
//! Ed25519 one ([`Ed25519Signer`], [`Ed25519Verifier`]). Keys are always
//! supplied by the embedding system: the library never generates, stores or
//! fetches a key.
//!
//! # The signed message
//!
//! A checkpoint signs four lines of UTF-8, each ending in `\n` (after the
//! C2SP signed-note "checkpoint" body used by Sigstore Rekor and Go's
//! checksum database):
//!
//! ```text
//! rouxing-case-file checkpoint v1
//! case 2025-001
//! events 12
//! head 5f0c…(64 hex digits)
//! ```
//!
//! Identifiers never contain a newline, so the message has one reading.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::case::CaseId;
use crate::catalogue::string_id;

use super::Digest;

string_id! {
    /// The identifier of a signing key (密钥标识), recorded with every
    /// signature so that a verifier knows which public key to use, also
    /// after the agency's key was rotated.
    ///
    /// ```
    /// use rouxing::record::KeyId;
    /// let id: KeyId = "shandan-amr-2025".parse()?;
    /// assert_eq!(id.as_str(), "shandan-amr-2025");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    KeyId, "key id"
}

/// The algorithm code of the bundled Ed25519 signer and verifier.
pub const ED25519: &str = "ed25519";

/// The first line of every signed checkpoint message.
const CHECKPOINT_ORIGIN: &str = "rouxing-case-file checkpoint v1";

/// A signature's bytes, written as lowercase hexadecimal.
///
/// ```
/// use rouxing::record::Signature;
/// let s: Signature = "00ff".parse()?;
/// assert_eq!(s.as_bytes(), &[0x00, 0xff]);
/// assert_eq!(s.to_string(), "00ff");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
pub struct Signature(Vec<u8>);

impl Signature {
    /// A signature from its bytes.
    pub fn from_bytes(bytes: impl Into<Vec<u8>>) -> Signature {
        Signature(bytes.into())
    }

    /// The signature's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Display for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in &self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Signature({self})")
    }
}

/// A signature was not lowercase hexadecimal of at most 1,024 digits.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid signature `{prefix}`: expected at most 1024 lowercase hexadecimal digits, an even number")]
pub struct ParseSignatureError {
    prefix: String,
}

impl FromStr for Signature {
    type Err = ParseSignatureError;
    fn from_str(s: &str) -> Result<Signature, ParseSignatureError> {
        let bad = || ParseSignatureError { prefix: crate::ident::prefix(s) };
        if s.len() % 2 != 0 || s.len() > 1024 {
            return Err(bad());
        }
        let nibble = |c: u8| match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        };
        s.as_bytes()
            .chunks_exact(2)
            .map(|pair| match pair {
                [hi, lo] => Some((nibble(*hi)? << 4) | nibble(*lo)?),
                _ => None,
            })
            .collect::<Option<Vec<u8>>>()
            .map(Signature)
            .ok_or_else(bad)
    }
}

impl TryFrom<String> for Signature {
    type Error = ParseSignatureError;
    fn try_from(s: String) -> Result<Signature, ParseSignatureError> {
        s.parse()
    }
}

impl From<Signature> for String {
    fn from(s: Signature) -> String {
        s.to_string()
    }
}

/// A signer could not sign (an HSM or signing service refused or failed).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("signing failed: {message}")]
pub struct SignError {
    message: String,
}

impl SignError {
    /// A signing failure with a one-line reason.
    pub fn new(message: impl Into<String>) -> SignError {
        SignError { message: message.into() }
    }
}

/// A verifier did not accept a signature.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureRejected {
    /// The verifier holds no key of that id for that algorithm.
    #[error("no `{algorithm}` key `{key_id}` is known to the verifier")]
    UnknownKey {
        /// The algorithm named.
        algorithm: String,
        /// The key named.
        key_id: KeyId,
    },
    /// The signature does not verify under the key.
    #[error("the `{algorithm}` signature does not verify under key `{key_id}`")]
    Invalid {
        /// The algorithm named.
        algorithm: String,
        /// The key named.
        key_id: KeyId,
    },
}

/// Signs checkpoint messages with a key the embedding system holds.
///
/// Implement it for an SM2 key with SM3 (GB/T 32918, GB/T 32905), an HSM or
/// a signing service; [`Ed25519Signer`] is the bundled implementation.
pub trait Signer {
    /// The algorithm code recorded with the signature (`"ed25519"`,
    /// `"sm2-sm3"` …).
    fn algorithm(&self) -> &str;
    /// The key's identifier, recorded with the signature.
    fn key_id(&self) -> &KeyId;
    /// Signs a message.
    ///
    /// # Errors
    ///
    /// Returns a [`SignError`] when the key cannot sign.
    fn sign(&self, message: &[u8]) -> Result<Signature, SignError>;
}

/// Verifies checkpoint signatures with public keys only: whoever holds a
/// verifier (a 司法局, a court) can check a file but not forge one.
pub trait Verifier {
    /// Checks a signature on a message by the named key.
    ///
    /// # Errors
    ///
    /// Returns [`SignatureRejected`] when the key is unknown or the
    /// signature does not verify.
    fn verify(
        &self,
        algorithm: &str,
        key_id: &KeyId,
        message: &[u8],
        signature: &Signature,
    ) -> Result<(), SignatureRejected>;
}

/// An Ed25519 signing key supplied by the embedding system (RFC 8032).
///
/// The secret is never printed: `Debug` shows the key id only.
///
/// ```
/// use rouxing::record::{Ed25519Signer, Signer};
/// // A fixed seed for the example; real keys come from the agency's key store.
/// let signer = Ed25519Signer::from_secret_bytes("amr-2025".parse()?, &[7; 32]);
/// let verifier = rouxing::record::Ed25519Verifier::new().with_key(signer.key_id().clone(), signer.public_key());
/// let sig = signer.sign(b"message")?;
/// use rouxing::record::Verifier;
/// verifier.verify("ed25519", signer.key_id(), b"message", &sig)?;
/// assert!(verifier.verify("ed25519", signer.key_id(), b"massage", &sig).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Ed25519Signer {
    key_id: KeyId,
    key: ed25519_dalek::SigningKey,
}

impl Ed25519Signer {
    /// A signer from the 32-byte Ed25519 secret key (the RFC 8032 seed).
    pub fn from_secret_bytes(key_id: KeyId, secret: &[u8; 32]) -> Ed25519Signer {
        Ed25519Signer { key_id, key: ed25519_dalek::SigningKey::from_bytes(secret) }
    }

    /// The 32-byte public key, to give to verifiers.
    pub fn public_key(&self) -> [u8; 32] {
        self.key.verifying_key().to_bytes()
    }
}

impl fmt::Debug for Ed25519Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ed25519Signer").field("key_id", &self.key_id).finish_non_exhaustive()
    }
}

impl Signer for Ed25519Signer {
    fn algorithm(&self) -> &str {
        ED25519
    }

    fn key_id(&self) -> &KeyId {
        &self.key_id
    }

    fn sign(&self, message: &[u8]) -> Result<Signature, SignError> {
        use ed25519_dalek::Signer as _;
        Ok(Signature(self.key.sign(message).to_bytes().to_vec()))
    }
}

/// Ed25519 public keys by key id.
///
/// A key that is not a valid curve point is kept but verifies nothing, so
/// that loading a key list never fails half-way; [`Ed25519Verifier::try_with_key`]
/// reports it instead.
#[derive(Clone, Debug, Default)]
pub struct Ed25519Verifier {
    keys: Vec<(KeyId, Option<ed25519_dalek::VerifyingKey>)>,
}

/// An Ed25519 public key is not a valid curve point.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("key `{key_id}` is not a valid Ed25519 public key")]
pub struct InvalidKeyError {
    key_id: KeyId,
}

impl Ed25519Verifier {
    /// A verifier with no keys.
    pub fn new() -> Ed25519Verifier {
        Ed25519Verifier::default()
    }

    /// Adds a public key (see the type's documentation for invalid keys).
    pub fn with_key(mut self, key_id: KeyId, public: [u8; 32]) -> Ed25519Verifier {
        let key = ed25519_dalek::VerifyingKey::from_bytes(&public).ok();
        self.keys.push((key_id, key));
        self
    }

    /// Adds a public key, refusing one that is not a curve point.
    ///
    /// # Errors
    ///
    /// Returns an [`InvalidKeyError`] naming the key.
    pub fn try_with_key(self, key_id: KeyId, public: [u8; 32]) -> Result<Ed25519Verifier, InvalidKeyError> {
        if ed25519_dalek::VerifyingKey::from_bytes(&public).is_err() {
            return Err(InvalidKeyError { key_id });
        }
        Ok(self.with_key(key_id, public))
    }
}

impl Verifier for Ed25519Verifier {
    fn verify(
        &self,
        algorithm: &str,
        key_id: &KeyId,
        message: &[u8],
        signature: &Signature,
    ) -> Result<(), SignatureRejected> {
        let unknown = || SignatureRejected::UnknownKey {
            algorithm: crate::ident::prefix(algorithm),
            key_id: key_id.clone(),
        };
        if algorithm != ED25519 {
            return Err(unknown());
        }
        let Some((_, key)) = self.keys.iter().find(|(id, _)| id == key_id) else {
            return Err(unknown());
        };
        let invalid = || SignatureRejected::Invalid { algorithm: ED25519.to_owned(), key_id: key_id.clone() };
        let key = key.as_ref().ok_or_else(invalid)?;
        let sig = ed25519_dalek::Signature::from_slice(signature.as_bytes()).map_err(|_| invalid())?;
        key.verify_strict(message, &sig).map_err(|_| invalid())
    }
}

/// A signed statement of a case file's state: after `events` events, the
/// head digest is `head`.
///
/// The signature covers [`Checkpoint::message`], four lines after the C2SP
/// signed-note checkpoint body used by Sigstore Rekor and Go's checksum
/// database:
///
/// ```text
/// rouxing-case-file checkpoint v1
/// case 2025-001
/// events 12
/// head 5f0c…(64 hex digits)
/// ```
///
/// Store or publish it outside the case file; later,
/// [`CaseFile::verify_checkpoint`](super::CaseFile::verify_checkpoint)
/// proves that a file extends it.
///
/// On the wire:
///
/// ```json
/// {"case_id":"2025-001","events":12,"head":"<64 hex>","algorithm":"ed25519",
///  "key_id":"amr-2025","signature":"<128 hex>"}
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    /// The case.
    pub case_id: CaseId,
    /// The number of events covered.
    pub events: u64,
    /// The digest of the last event covered (of the header when none).
    pub head: Digest,
    /// The signature algorithm.
    pub algorithm: String,
    /// The signing key.
    pub key_id: KeyId,
    /// The signature over [`Checkpoint::message`].
    pub signature: Signature,
}

impl Checkpoint {
    /// Signs a checkpoint for a state of a case file.
    ///
    /// # Errors
    ///
    /// Returns the signer's [`SignError`].
    pub fn sign(
        case_id: &CaseId,
        events: u64,
        head: Digest,
        signer: &dyn Signer,
    ) -> Result<Checkpoint, SignError> {
        let signature = signer.sign(checkpoint_message(case_id, events, &head).as_bytes())?;
        Ok(Checkpoint {
            case_id: case_id.clone(),
            events,
            head,
            algorithm: signer.algorithm().to_owned(),
            key_id: signer.key_id().clone(),
            signature,
        })
    }

    /// The message the signature covers: four lines, each ending in `\n` —
    /// `rouxing-case-file checkpoint v1`, `case <case id>`, `events <n>`,
    /// `head <64 hex digits>` (the C2SP checkpoint body).
    pub fn message(&self) -> String {
        checkpoint_message(&self.case_id, self.events, &self.head)
    }

    /// Checks the signature.
    ///
    /// # Errors
    ///
    /// Returns the verifier's [`SignatureRejected`].
    pub fn verify_signature(&self, verifier: &dyn Verifier) -> Result<(), SignatureRejected> {
        verifier.verify(&self.algorithm, &self.key_id, self.message().as_bytes(), &self.signature)
    }

    /// Loads a checkpoint from its JSON form (see the type's documentation),
    /// as stored or published by the embedding system, naming `file` in
    /// errors.
    ///
    /// # Errors
    ///
    /// A [`LoadError`](crate::load::LoadError) naming file, line, column and
    /// field: malformed JSON, an unknown or missing field, a case id, digest,
    /// key id or signature that does not parse.
    ///
    /// ```
    /// use rouxing::record::{Checkpoint, Digest, Ed25519Signer};
    /// let signer = Ed25519Signer::from_secret_bytes("amr-2025".parse()?, &[7; 32]);
    /// let cp = Checkpoint::sign(&"2025-001".parse()?, 3, Digest::of(b"x"), &signer)?;
    /// let back = Checkpoint::from_json_named("cp.json", &cp.to_json())?;
    /// assert_eq!(back, cp);
    /// let err = Checkpoint::from_json_named("cp.json", "{\"case_id\": \"2025-001\"}").unwrap_err();
    /// assert_eq!(err.to_string(), "cp.json line 1 column 23: missing field `events`");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json_named(file: &str, text: &str) -> Result<Checkpoint, crate::load::LoadError> {
        crate::load::parse_json(file, text)
    }

    /// The checkpoint as one line of JSON, the form
    /// [`Checkpoint::from_json_named`] reads.
    pub fn to_json(&self) -> String {
        // Every field serializes to a string or a number: this cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The message a checkpoint signs.
pub(crate) fn checkpoint_message(case_id: &CaseId, events: u64, head: &Digest) -> String {
    format!("{CHECKPOINT_ORIGIN}\ncase {case_id}\nevents {events}\nhead {head}\n")
}

/// A case file does not verify against a checkpoint or its seal.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SealError {
    /// The checkpoint is for another case.
    #[error("checkpoint for case `{found}` checked against the file of case `{expected}`")]
    WrongCase {
        /// This file's case.
        expected: CaseId,
        /// The checkpoint's case.
        found: CaseId,
    },
    /// The checkpoint's or seal's signature is not accepted.
    #[error("signature rejected: {0}")]
    Signature(#[from] SignatureRejected),
    /// The file's own chain is broken.
    #[error("the file's chain is broken: {0}")]
    Chain(#[from] super::ChainError),
    /// The file has fewer events than the checkpoint: events were cut.
    #[error("tail cut: the checkpoint covers `{checkpoint_events}` events, the file has `{file_events}`")]
    TailCut {
        /// Events the checkpoint covers.
        checkpoint_events: u64,
        /// Events in the file.
        file_events: u64,
    },
    /// The file's digest at the checkpoint's length differs: events up to
    /// it were rewritten (and the chain recomputed).
    #[error(
        "rewritten: event `{seq}` has digest `{found}`, the checkpoint states `{expected}`; events up to it were changed"
    )]
    Rewritten {
        /// The last event the checkpoint covers (for a checkpoint of an
        /// empty file, 0 and the header digest).
        seq: u64,
        /// The digest the checkpoint states.
        expected: Digest,
        /// The file's digest there.
        found: Digest,
    },
    /// The file carries no seal.
    #[error("the case file is not sealed: no `封存` event after `结案`")]
    NotSealed,
    /// A case can only be sealed once it is closed.
    #[error("`封存` before `结案`: only a closed case is sealed")]
    NotClosed,
    /// The signer failed.
    #[error("{0}")]
    Sign(#[from] SignError),
    /// The seal step could not be appended.
    #[error("{0}")]
    Append(#[from] super::AppendError),
}
