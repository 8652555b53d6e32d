//! Shared by the fuzz targets: the bundled data and the full pipeline.

#![allow(dead_code, reason = "each target uses only some of these helpers")]

use chrono::NaiveDate;
use rouxing::{Case, Catalogue, Regime, assess, recommend, review};

pub fn catalogue() -> Catalogue {
    Catalogue::bundled().unwrap_or_else(|e| panic!("bundled catalogue: {e}"))
}

pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default()
}

pub fn sample_case(catalogue: &Catalogue) -> Case {
    let text = include_str!("../../examples/data/cases/ordinary.json");
    Case::from_json(text, catalogue).unwrap_or_else(|e| panic!("bundled case: {e}"))
}

/// assess → recommend → review must never panic on what loads.
pub fn pipeline(case: &Case, catalogue: &Catalogue, regime: &Regime) {
    let a = assess(case, catalogue, regime, as_of());
    let d = recommend(&a, regime);
    let r = review(case, catalogue, regime, &d, None);
    let _ = a.explain();
    let _ = serde_json::to_string(&d);
    let _ = serde_json::to_string(&r);
}
