//! A compiled (binary) catalogue: arbitrary bytes, and the compiled bundled
//! catalogue with the fuzzer's bytes written over its document, load as a
//! valid catalogue or give an error, never a panic; what loads round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn check(bytes: &[u8]) {
    if let Ok(cat) = rouxing::Catalogue::from_binary_named("fuzz.bin", bytes) {
        let again = rouxing::Catalogue::from_json(&cat.to_json())
            .unwrap_or_else(|e| panic!("a loaded compiled catalogue does not load as JSON: {e}"));
        assert_eq!(again, cat, "compiled catalogue round trip");
    }
}

fuzz_target!(|data: &[u8]| {
    check(data);
    // The header of a real compiled catalogue, so that the fuzzer's bytes
    // reach the document decoder; then the bundled document with the
    // fuzzer's bytes overwriting it from an offset the first bytes choose.
    static COMPILED: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let compiled = COMPILED.get_or_init(|| {
        rouxing::Catalogue::compile_json("catalogue.json", include_str!("../../examples/data/catalogue.json"))
            .unwrap_or_else(|e| panic!("the bundled catalogue compiles: {e}"))
    });
    let Some((&[a, b], rest)) = data.split_first_chunk::<2>() else { return };
    let mut edited = compiled.clone();
    let at = 44 + (usize::from(u16::from_le_bytes([a, b])) % (edited.len() - 44));
    for (o, d) in edited.iter_mut().skip(at).zip(rest) {
        *o = *d;
    }
    check(&edited);
    let mut header_only = compiled.get(..44).map(<[u8]>::to_vec).unwrap_or_default();
    header_only.extend_from_slice(rest);
    check(&header_only);
});
