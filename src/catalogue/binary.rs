//! The compiled (binary) form of a validated catalogue, for systems that
//! load the same catalogue at every start.
//!
//! The JSON document stays the source of truth: a compiled catalogue is made
//! from it by [`Catalogue::compile_json`](crate::Catalogue::compile_json) and carries the SHA-256 of the
//! JSON text it was made from ([`source_digest`]), so that a system can tell
//! whether its compiled copy is still that of the JSON it keeps.
//!
//! # Layout
//!
//! | bytes | content |
//! |---|---|
//! | 0..8 | the magic `RXCATBIN` |
//! | 8..12 | the format version ([`BINARY_FORMAT_VERSION`]), little-endian |
//! | 12..44 | SHA-256 of the JSON source text |
//! | 44.. | the catalogue document (the same fields as the JSON) in MessagePack, fields by name |
//!
//! Loading ([`Catalogue::from_binary_named`](crate::Catalogue::from_binary_named)) reads the same document
//! through the same validating deserializers and runs the same checks as
//! the JSON loader: corrupt or hand-made bytes are refused with a
//! [`LoadError`] that names the field, never accepted unchecked and never a
//! panic. A compiled catalogue of another format version is refused by
//! version: compile it again from its JSON.

use crate::catalogue::CatalogueRepr;
use crate::load::LoadError;
use crate::record::Digest;

/// The first eight bytes of a compiled catalogue.
const MAGIC: &[u8; 8] = b"RXCATBIN";

/// The format version this release writes and reads. It changes whenever
/// the catalogue document changes shape (a field added, renamed or given
/// another meaning), so that a compiled catalogue of an older release is
/// refused instead of misread.
pub const BINARY_FORMAT_VERSION: u32 = 2;

/// The length of the header before the document.
const HEADER: usize = 8 + 4 + 32;

/// An error about the compiled file as a whole (no line: the file is binary).
fn whole(file: &str, message: String) -> LoadError {
    LoadError::new(file, 0, 0, String::new(), message)
}

/// Encodes a validated catalogue with the digest of its JSON source.
pub(crate) fn encode(repr: &CatalogueRepr, source: &Digest) -> Result<Vec<u8>, LoadError> {
    let mut out = Vec::with_capacity(HEADER + 4096);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&BINARY_FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(source.as_bytes());
    rmp_serde::encode::write_named(&mut out, repr)
        .map_err(|e| whole("catalogue", format!("cannot encode the catalogue: {e}")))?;
    Ok(out)
}

/// The header checked: the document's bytes.
fn payload<'a>(file: &str, bytes: &'a [u8]) -> Result<(&'a [u8], Digest), LoadError> {
    let (Some(magic), Some(version), Some(digest), Some(rest)) =
        (bytes.get(..8), bytes.get(8..12), bytes.get(12..HEADER), bytes.get(HEADER..))
    else {
        return Err(whole(
            file,
            format!("not a compiled catalogue: {} bytes, shorter than the {HEADER}-byte header", bytes.len()),
        ));
    };
    if magic != MAGIC {
        return Err(whole(
            file,
            "not a compiled catalogue: the file does not start with `RXCATBIN` (compile one with `rouxing catalogue compile`)"
                .to_owned(),
        ));
    }
    let mut v = [0u8; 4];
    v.copy_from_slice(version);
    let version = u32::from_le_bytes(v);
    if version != BINARY_FORMAT_VERSION {
        return Err(whole(
            file,
            format!(
                "compiled catalogue format version `{version}`, but this release reads version {BINARY_FORMAT_VERSION}: compile it again from its JSON"
            ),
        ));
    }
    let mut d = [0u8; 32];
    d.copy_from_slice(digest);
    Ok((rest, Digest::from_bytes(d)))
}

/// The SHA-256 of the JSON text a compiled catalogue was made from.
///
/// # Errors
///
/// Returns an error when the bytes are not a compiled catalogue of
/// [`BINARY_FORMAT_VERSION`].
///
/// ```
/// use rouxing::Catalogue;
/// use rouxing::catalogue::binary;
/// use rouxing::record::Digest;
///
/// let json = include_str!("../../examples/data/catalogue.json");
/// let bytes = Catalogue::compile_json("catalogue.json", json)?;
/// assert_eq!(binary::source_digest(&bytes)?, Digest::of(json.as_bytes()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn source_digest(bytes: &[u8]) -> Result<Digest, LoadError> {
    payload("catalogue", bytes).map(|(_, d)| d)
}

/// Decodes the document of a compiled catalogue (not yet checked across
/// items).
pub(crate) fn decode(file: &str, bytes: &[u8]) -> Result<CatalogueRepr, LoadError> {
    let (doc, _) = payload(file, bytes)?;
    // The fast path decodes without tracking the field path; only a failing
    // document is decoded again with tracking, to name the field.
    let mut de = rmp_serde::Deserializer::new(std::io::Cursor::new(doc));
    if let Ok(repr) = <CatalogueRepr as serde::Deserialize>::deserialize(&mut de) {
        let read = usize::try_from(de.position()).unwrap_or(usize::MAX);
        let trailing = doc.len().saturating_sub(read);
        if trailing == 0 {
            return Ok(repr);
        }
        return Err(whole(file, format!("corrupt compiled catalogue: {trailing} bytes after the document")));
    }
    let mut de = rmp_serde::Deserializer::from_read_ref(doc);
    match serde_path_to_error::deserialize::<_, CatalogueRepr>(&mut de) {
        Ok(_) => Err(whole(file, "the compiled catalogue does not decode".to_owned())),
        Err(e) => {
            let path = e.path().to_string();
            Err(LoadError::new(file, 0, 0, path, format!("corrupt compiled catalogue: {}", e.into_inner())))
        }
    }
}
