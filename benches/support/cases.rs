//! The bundled sample cases (`examples/data/cases`), the input of the
//! decision-path benchmarks.

#![allow(dead_code, reason = "each benchmark uses a different subset")]

use chrono::NaiveDate;
use rouxing::{Case, Catalogue, Regime};

/// The day the bundled cases are decided on.
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// Every bundled case, in file-name order, with the file's stem.
pub fn bundled_named(cat: &Catalogue) -> Vec<(String, Case)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/cases");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            let case =
                Case::from_json_named(&p.display().to_string(), &std::fs::read_to_string(p).unwrap(), cat)
                    .unwrap();
            (stem, case)
        })
        .collect()
}

/// Every bundled case, in file-name order.
pub fn bundled(cat: &Catalogue) -> Vec<Case> {
    bundled_named(cat).into_iter().map(|(_, c)| c).collect()
}

/// The bundled catalogue, cases and the Shandan sample regime.
pub fn fixture() -> (Catalogue, Vec<Case>, Regime) {
    let cat = Catalogue::bundled().unwrap();
    let cases = bundled(&cat);
    (cat, cases, Regime::shandan_sample())
}
