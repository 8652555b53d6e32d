//! A catalogue document: load, round-trip, and assess a case against it.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(cat) = rouxing::Catalogue::from_json_named("fuzz.json", text) {
        let again = rouxing::Catalogue::from_json(&cat.to_json())
            .unwrap_or_else(|e| panic!("a loaded catalogue does not load again: {e}"));
        assert_eq!(again, cat, "catalogue round trip");
        let bundled = common::catalogue();
        let case = common::sample_case(&bundled);
        common::pipeline(&case, &cat, &rouxing::Regime::national());
    }
});
