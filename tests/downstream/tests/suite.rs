//! The downstream suite: realistic inputs tuned to the county's domain, the
//! crate's invariants on the system's own outputs, the system's list against
//! the statute and its storage of case files.

use proptest::prelude::*;
use rouxing::invariants::{self, Change};
use rouxing::strategy::{self, Config, CorrectionMix, HarmMix};
use rouxing_downstream::{CaseStore, catalogue, decide, regime};

/// The county's cases: recent acts, mostly shops (organisations), many
/// first violations, slight harm often corrected on the spot.
fn county() -> Config {
    Config {
        acts_from: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        acts_to: chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
        max_discovery_lag_days: 400,
        natural_person_percent: 30,
        first_violation_percent: 70,
        harm: HarmMix { none: 3, slight: 4, harmful: 2, serious: 1 },
        correction: CorrectionMix { none: 2, prompt: 5, late: 2, refused: 1 },
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Every decision the system would issue keeps the crate's invariants.
    #[test]
    fn decisions_keep_the_invariants(s in strategy::scenario_on(&catalogue().unwrap(), &regime(), &county()).unwrap()) {
        let d = decide(&s.inputs());
        if let Err(v) = invariants::check_decision(&s.inputs(), &d) { prop_assert!(false, "{v}"); }
        if let Err(v) = invariants::guard_lawful(&s.inputs(), &d, None) { prop_assert!(false, "{v}"); }
        if let Err(v) = invariants::deterministic(|| decide(&s.inputs())) { prop_assert!(false, "{v}"); }
        let fixed = Change::CorrectPromptly(s.case.discovered_on());
        if let Err(v) = invariants::monotone(&s.inputs(), fixed, decide) { prop_assert!(false, "{v}"); }
    }

    /// An officer who lets a case off by hand (no penalty, the sanctions
    /// struck out) where the law does not allow it is stopped by the guard.
    #[test]
    fn a_let_off_outside_the_lawful_set_is_stopped(s in strategy::scenario_on(&catalogue().unwrap(), &regime(), &county()).unwrap()) {
        let mut d = decide(&s.inputs());
        d.tier = rouxing::Tier::NoPenalty;
        d.disposition = rouxing::decision::Disposition::NoPenalty;
        d.sanctions.clear();
        d.education = true;
        let checked = invariants::guard_lawful(&s.inputs(), &d, None);
        if !s.assess().is_lawful(rouxing::Tier::NoPenalty) {
            prop_assert_eq!(checked.map_err(|v| v.invariant), Err(invariants::Invariant::Guard));
        }
    }

    /// Every lawful case file the system stores reads back, and tampering
    /// with the stored text is refused at its line.
    #[test]
    fn stored_case_files_read_back(l in strategy::lifecycle()) {
        let file = l.file(usize::MAX).unwrap();
        let mut store = CaseStore::default();
        store.put(&file);
        let text = store.text(file.case_id().as_str()).unwrap();
        if let Err(v) = invariants::stored_case_file(&file, text) { prop_assert!(false, "{v}"); }
        prop_assert_eq!(store.get(file.case_id().as_str()).unwrap().unwrap().head(), file.head());
    }
}

/// The county's own list yields nothing the statute forbids, and every
/// entry applies to some case.
#[test]
fn the_list_keeps_to_the_statute() {
    let findings = strategy::check_list(&catalogue().unwrap(), &regime(), &county(), 256).unwrap();
    assert!(
        findings.is_empty(),
        "{}",
        findings.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
    );
}

/// Tamper-evidence of one stored file, change by change.
#[test]
fn tampering_is_refused() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let l = proptest::strategy::ValueTree::current(&strategy::lifecycle().new_tree(&mut runner).unwrap());
    invariants::record_tamper(&l.file(usize::MAX).unwrap()).unwrap();
}
