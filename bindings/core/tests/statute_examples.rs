//! The statute-example table that the Java and Python suites share
//! (`bindings/testdata/statute-examples.json`) is what the Rust API itself
//! decides, and the binding layer decides the same.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "test fixtures fail by panicking")]

use rouxing::{Case, Catalogue, Regime, assess, recommend};
use rouxing_bindings as rb;
use serde_json::Value;

fn table() -> Vec<Value> {
    let text = include_str!("../../testdata/statute-examples.json");
    let v: Value = serde_json::from_str(text).unwrap();
    v["examples"].as_array().unwrap().clone()
}

fn case_text(file: &str) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    std::fs::read_to_string(format!("{root}/../../examples/data/cases/{file}")).unwrap()
}

#[test]
fn the_table_is_what_the_rust_api_decides() {
    let catalogue = Catalogue::bundled().unwrap();
    let regime = Regime::national();
    let examples = table();
    assert_eq!(examples.len(), 5);
    for ex in examples {
        let file = ex["file"].as_str().unwrap();
        let case = Case::from_json(&case_text(file), &catalogue).unwrap();
        let as_of = rb::date(ex["as_of"].as_str().unwrap()).unwrap();
        let a = assess(&case, &catalogue, &regime, as_of);
        let tiers: Vec<Value> = a.lawful.iter().map(|o| serde_json::to_value(o.tier).unwrap()).collect();
        assert_eq!(Value::from(tiers), ex["lawful"], "{file}");
        let d = recommend(&a, &regime);
        assert_eq!(serde_json::to_value(d.tier).unwrap(), ex["recommended"], "{file}");
        let fine: u64 = d
            .sanctions
            .iter()
            .filter(|s| s.kind == rouxing::measure::PenaltyKind::Fine)
            .filter_map(|s| s.amount)
            .map(|m| m.fen())
            .sum();
        assert_eq!(Some(fine), ex["fine"].as_u64(), "{file}");
        let cites = ex["cites"].as_str().unwrap();
        assert!(a.explain().to_string().contains(cites), "{file} does not cite {cites}");
    }
}

#[test]
fn the_binding_layer_decides_the_same() {
    let catalogue = rb::bundled_catalogue().unwrap();
    let regime = rb::regime_named("national").unwrap();
    for ex in table() {
        let file = ex["file"].as_str().unwrap();
        let case = rb::load_case(file, &case_text(file), &catalogue).unwrap();
        let as_of = rb::date(ex["as_of"].as_str().unwrap()).unwrap();
        let a = rb::assess_doc(&case, &regime, as_of);
        let tiers: Vec<Value> =
            a["assessment"]["lawful"].as_array().unwrap().iter().map(|o| o["tier"].clone()).collect();
        assert_eq!(Value::from(tiers), ex["lawful"], "{file}");
        let d = rb::recommend_doc(&case, &regime, as_of);
        assert_eq!(d["decision"]["tier"], ex["recommended"], "{file}");
        let review = rb::review_doc(&case, &regime, &rb::recommend_decision(&case, &regime, as_of));
        assert_eq!(review["lawful"], true, "{file}");
    }
}
