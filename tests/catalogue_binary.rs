//! The compiled (binary) catalogue: the JSON stays the source of truth; the
//! compiled form round-trips exactly, carries its format version and the
//! digest of its source, and refuses anything else with a clear error.

use proptest::prelude::*;
use rouxing::Catalogue;
use rouxing::catalogue::binary::{self, BINARY_FORMAT_VERSION};
use rouxing::record::Digest;

const BUNDLED: &str = include_str!("../examples/data/catalogue.json");

fn compiled() -> Vec<u8> {
    Catalogue::compile_json("catalogue.json", BUNDLED).unwrap()
}

#[test]
fn the_bundled_catalogue_compiles_and_loads_as_the_same_catalogue() {
    let bytes = compiled();
    assert_eq!(&bytes[..8], b"RXCATBIN");
    assert_eq!(bytes[8..12], BINARY_FORMAT_VERSION.to_le_bytes());
    let loaded = Catalogue::from_binary_named("catalogue.bin", &bytes).unwrap();
    assert_eq!(loaded, Catalogue::bundled().unwrap());
    assert_eq!(binary::source_digest(&bytes).unwrap(), Digest::of(BUNDLED.as_bytes()));
    // Compiling is deterministic: the same JSON gives the same bytes.
    assert_eq!(compiled(), bytes);
}

#[test]
fn the_digest_is_of_the_json_text_compiled() {
    let reformatted = Catalogue::bundled().unwrap().to_json();
    let bytes = Catalogue::compile_json("c.json", &reformatted).unwrap();
    assert_eq!(binary::source_digest(&bytes).unwrap(), Digest::of(reformatted.as_bytes()));
    assert_ne!(binary::source_digest(&bytes).unwrap(), Digest::of(BUNDLED.as_bytes()));
}

#[test]
fn compiling_refuses_what_the_json_loader_refuses() {
    let err = Catalogue::compile_json("bad.json", "{\"name\": \"x\", \"items\": []}").unwrap_err();
    assert_eq!(err.file(), "bad.json");
    assert_eq!(err.field(), "items");
    assert!(err.message().contains("at least one item"), "{err}");
}

#[test]
fn another_format_version_is_refused_by_version() {
    let mut bytes = compiled();
    bytes[8..12].copy_from_slice(&(BINARY_FORMAT_VERSION + 1).to_le_bytes());
    let err = Catalogue::from_binary_named("old.bin", &bytes).unwrap_err();
    assert_eq!(err.file(), "old.bin");
    assert_eq!(
        err.message(),
        format!(
            "compiled catalogue format version `{}`, but this release reads version {BINARY_FORMAT_VERSION}: compile it again from its JSON",
            BINARY_FORMAT_VERSION + 1
        )
    );
    assert!(binary::source_digest(&bytes).is_err());
}

#[test]
fn json_and_short_files_are_not_compiled_catalogues() {
    let err = Catalogue::from_binary_named("c.json", BUNDLED.as_bytes()).unwrap_err();
    assert!(
        err.message().starts_with("not a compiled catalogue: the file does not start with `RXCATBIN`"),
        "{err}"
    );
    let err = Catalogue::from_binary_named("c.bin", b"RXCATBIN").unwrap_err();
    assert_eq!(err.message(), "not a compiled catalogue: 8 bytes, shorter than the 44-byte header");
}

#[test]
fn truncated_and_extended_documents_are_corrupt() {
    let bytes = compiled();
    let err = Catalogue::from_binary_named("c.bin", &bytes[..bytes.len() - 1]).unwrap_err();
    assert!(err.message().starts_with("corrupt compiled catalogue"), "{err}");
    let mut longer = bytes.clone();
    longer.push(0xc0);
    let err = Catalogue::from_binary_named("c.bin", &longer).unwrap_err();
    assert_eq!(err.message(), "corrupt compiled catalogue: 1 bytes after the document");
}

/// The compiled loader runs the checks across items too: an item code
/// changed into another item's code is a duplicate, named by field.
#[test]
fn a_compiled_catalogue_is_checked_like_the_json() {
    let bundled = Catalogue::bundled().unwrap();
    let codes: Vec<String> = bundled.items().map(|i| i.code.to_string()).collect();
    let (a, b) = codes
        .iter()
        .enumerate()
        .flat_map(|(i, x)| codes.iter().enumerate().skip(i + 1).map(move |(j, y)| ((i, x), (j, y))))
        .find(|((_, x), (_, y))| x.len() == y.len())
        .expect("two codes of the same length");
    let mut bytes = compiled();
    let needle = b.1.as_bytes();
    let at = bytes.windows(needle.len()).position(|w| w == needle).unwrap();
    bytes[at..at + needle.len()].copy_from_slice(a.1.as_bytes());
    let err = Catalogue::from_binary_named("c.bin", &bytes).unwrap_err();
    assert_eq!(err.field(), format!("items[{}].code", b.0));
    assert_eq!(err.message(), format!("duplicate item code `{}`", a.1));
    assert_eq!(err.line(), 0);
}

/// A value the types refuse is refused in the compiled form as in the JSON,
/// with the field path.
#[test]
fn an_invalid_value_names_its_field() {
    let bytes = compiled();
    // The first list outcome code, replaced by a code of the same length
    // that is no outcome.
    let needle = b"no_penalty";
    let at = bytes.windows(needle.len()).position(|w| w == needle).unwrap();
    let mut bad = bytes.clone();
    bad[at..at + needle.len()].copy_from_slice(b"no_penaltY");
    let err = Catalogue::from_binary_named("c.bin", &bad).unwrap_err();
    assert!(err.message().starts_with("corrupt compiled catalogue"), "{err}");
    assert!(err.field().starts_with("items["), "{err:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::common::cases(64), ..ProptestConfig::default() })]

    /// JSON → Catalogue → bytes → Catalogue: the same catalogue.
    #[test]
    fn prop_compiled_catalogue_round_trips(cat in rouxing::strategy::catalogue()) {
        let json = cat.to_json();
        let from_json = Catalogue::from_json(&json).unwrap();
        let bytes = Catalogue::compile_json("gen.json", &json).unwrap();
        let back = Catalogue::from_binary_named("gen.bin", &bytes).unwrap();
        prop_assert_eq!(&back, &from_json);
        prop_assert_eq!(&back, &cat);
        prop_assert_eq!(binary::source_digest(&bytes).unwrap(), Digest::of(json.as_bytes()));
    }

    /// Edited bytes load as a valid catalogue or give an error; never a
    /// panic, and what loads is a catalogue the JSON loader accepts.
    #[test]
    fn prop_corrupt_compiled_catalogue_never_panics(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6)
    ) {
        let mut bytes = compiled();
        for (pos, b) in edits {
            let i = pos % bytes.len();
            match b % 3 {
                0 => bytes[i] = b,
                1 => {
                    bytes.remove(i);
                }
                _ => bytes.insert(i, b),
            }
        }
        if let Ok(cat) = Catalogue::from_binary_named("edited.bin", &bytes) {
            prop_assert_eq!(Catalogue::from_json(&cat.to_json()).unwrap(), cat);
        }
    }
}
