//! The batch API (`rouxing::batch`) against the one-by-one API: the same
//! assessments and decisions, in the same order, serially and (feature
//! `rayon`) over every core.

use chrono::NaiveDate;
use proptest::prelude::*;
use rouxing::batch::{assess_many, decide_many, decide_many_into};
use rouxing::{Case, Catalogue, Regime, assess, recommend, strategy};

/// A catalogue, up to 24 cases for its items, a regime and a decision day.
fn batch_inputs() -> impl Strategy<Value = (Catalogue, Vec<Case>, Regime, NaiveDate)> {
    (strategy::catalogue(), strategy::regime()).prop_flat_map(|(cat, regime)| {
        let cases = proptest::collection::vec(strategy::case_for(&cat), 0..24);
        let day = strategy::date_between(
            NaiveDate::from_ymd_opt(2021, 7, 15).unwrap(),
            NaiveDate::from_ymd_opt(2029, 12, 31).unwrap(),
        );
        (Just(cat), cases, Just(regime), day)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::common::cases(128), ..ProptestConfig::default() })]

    /// `decide_many`, `decide_many_into` (into a used buffer) and
    /// `assess_many` equal `assess` + `recommend` case by case.
    #[test]
    fn prop_batch_equals_one_by_one((cat, cases, regime, on) in batch_inputs()) {
        let single_a: Vec<_> = cases.iter().map(|c| assess(c, &cat, &regime, on)).collect();
        let single_d: Vec<_> = single_a.iter().map(|a| recommend(a, &regime)).collect();
        prop_assert_eq!(&assess_many(&cases, &cat, &regime, on), &single_a);
        prop_assert_eq!(&decide_many(&cases, &cat, &regime, on), &single_d);
        // A buffer holding an earlier, longer batch is cleared first.
        let mut buffer = decide_many(&[cases.clone(), cases.clone()].concat(), &cat, &regime, on);
        decide_many_into(&cases, &cat, &regime, on, &mut buffer);
        prop_assert_eq!(&buffer, &single_d);
    }

    /// The parallel functions equal the serial ones, on rayon's pool and on
    /// a one-thread pool.
    #[cfg(feature = "rayon")]
    #[test]
    fn prop_parallel_batch_equals_serial((cat, cases, regime, on) in batch_inputs()) {
        use rouxing::batch::{par_assess_many, par_decide_many, par_decide_many_into};
        let serial_a = assess_many(&cases, &cat, &regime, on);
        let serial_d = decide_many(&cases, &cat, &regime, on);
        prop_assert_eq!(&par_assess_many(&cases, &cat, &regime, on), &serial_a);
        prop_assert_eq!(&par_decide_many(&cases, &cat, &regime, on), &serial_d);
        let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let mut buffer = Vec::new();
        one.install(|| par_decide_many_into(&cases, &cat, &regime, on, &mut buffer));
        prop_assert_eq!(&buffer, &serial_d);
    }
}

/// Every bundled case, with many copies, in parallel and serially.
#[cfg(feature = "rayon")]
#[test]
fn bundled_cases_in_parallel_equal_serial() {
    let cat = Catalogue::bundled().unwrap();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/cases");
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        cases.push(Case::from_json(&std::fs::read_to_string(&path).unwrap(), &cat).unwrap());
    }
    let many: Vec<Case> = cases.iter().cycle().take(cases.len() * 50).cloned().collect();
    let regime = Regime::shandan_sample();
    let on = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let serial = decide_many(&many, &cat, &regime, on);
    assert_eq!(serial.len(), many.len());
    assert_eq!(rouxing::batch::par_decide_many(&many, &cat, &regime, on), serial);
}
