//! A regime document: load, round-trip, and run the pipeline with it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

#[path = "common.rs"]
mod common;

static CATALOGUE: OnceLock<rouxing::Catalogue> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let catalogue = CATALOGUE.get_or_init(common::catalogue);
    if let Ok(regime) = rouxing::Regime::from_json_named("fuzz.json", text) {
        let again = rouxing::Regime::from_json(&regime.to_json())
            .unwrap_or_else(|e| panic!("a loaded regime does not load again: {e}"));
        assert_eq!(again, regime, "regime round trip");
        common::pipeline(&common::sample_case(catalogue), catalogue, &regime);
    }
});
