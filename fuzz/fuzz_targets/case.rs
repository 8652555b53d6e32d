//! A case document: load, round-trip, and run the pipeline.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

#[path = "common.rs"]
mod common;

static CATALOGUE: OnceLock<rouxing::Catalogue> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let catalogue = CATALOGUE.get_or_init(common::catalogue);
    if let Ok(case) = rouxing::Case::from_json_named("fuzz.json", text, catalogue) {
        let again = rouxing::Case::from_json(&case.to_json(), catalogue)
            .unwrap_or_else(|e| panic!("a loaded case does not load again: {e}"));
        assert_eq!(again, case, "case round trip");
        common::pipeline(&case, catalogue, &rouxing::Regime::national());
    }
});
