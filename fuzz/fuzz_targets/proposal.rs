//! An officer's proposal: load, round-trip, apply and review.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rouxing::guard::Proposal;
use std::sync::OnceLock;

#[path = "common.rs"]
mod common;

static CATALOGUE: OnceLock<rouxing::Catalogue> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let catalogue = CATALOGUE.get_or_init(common::catalogue);
    if let Ok(p) = Proposal::from_json_named("fuzz.json", text) {
        let json = serde_json::to_string(&p).unwrap_or_else(|e| panic!("serialize: {e}"));
        let again: Proposal =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("proposal round trip: {e}"));
        assert_eq!(again, p, "proposal round trip");
        let regime = rouxing::Regime::national();
        let case = common::sample_case(catalogue);
        let a = rouxing::assess(&case, catalogue, &regime, common::as_of());
        let d = rouxing::recommend(&a, &regime);
        let applied = p.apply(&d, &a, &regime);
        let _ = rouxing::review(&case, catalogue, &regime, &applied, None);
    }
});
