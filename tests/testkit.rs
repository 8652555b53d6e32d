//! The test kit for downstream suites: tunable generators, the public
//! invariant checkers (each shown to fail on a broken value), the list
//! checker on a deliberately bad list, and the case-file state machine.

use std::cell::Cell;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use rouxing::assess::Tier;
use rouxing::case::{Case, Context, Harm, Mitigating};
use rouxing::catalogue::{Catalogue, Condition, EntryCondition, Exclusion, ListEntry, ListOutcome, Modal};
use rouxing::decision::{Disposition, Sanction};
use rouxing::invariants::{self, Change, Inputs, Invariant};
use rouxing::law::Citation;
use rouxing::measure::{PenaltyKind, SoftMeasure};
use rouxing::money::Money;
use rouxing::record::CaseFile;
use rouxing::strategy::{self, Config, ConfigError, CorrectionMix, HarmMix, IllegalStep};
use rouxing::{Regime, assess, recommend};

use crate::common::{AS_OF, case, catalogue, d, person, range_item};

// ---------------------------------------------------------------------------
// Generators and their configuration
// ---------------------------------------------------------------------------

/// Draws `n` values of `s` with a deterministic runner.
fn draw<S: Strategy>(s: &S, n: usize) -> Vec<S::Value> {
    let mut runner = TestRunner::deterministic();
    (0..n).map(|_| s.new_tree(&mut runner).unwrap().current()).collect()
}

fn bundled() -> Catalogue {
    Catalogue::bundled().unwrap()
}

#[test]
fn config_shapes_the_cases() {
    let cat = bundled();
    let only = Config {
        acts_from: d(2025, 1, 1),
        acts_to: d(2025, 1, 31),
        natural_person_percent: 100,
        harm: HarmMix { none: 0, slight: 0, harmful: 0, serious: 1 },
        correction: CorrectionMix { none: 0, prompt: 1, late: 0, refused: 0 },
        first_violation_percent: 100,
        continuing_percent: 0,
        near_threshold_percent: 0,
        near_overflow_percent: 100,
        ..Config::default()
    };
    let cases = draw(&strategy::case_with(&cat, &only).unwrap(), 64);
    for c in &cases {
        assert!(c.act().start() >= d(2025, 1, 1) && c.act().start() <= d(2025, 1, 31), "{}", c.act().start());
        assert!(c.act().end().is_none());
        assert!(c.party().is_natural_person());
        assert_eq!(c.harm(), Harm::Serious);
        assert!(c.correction().is_prompt());
        assert!(c.priors().is_empty());
        let goods = c.amounts().goods_value.unwrap();
        assert!(
            goods <= Money::PLAUSIBLE_MAX && goods.fen() >= Money::PLAUSIBLE_MAX.fen() - 100_000,
            "{goods}"
        );
    }
    let none = Config { natural_person_percent: 0, first_violation_percent: 0, ..Config::default() };
    for c in draw(&strategy::case_with(&cat, &none).unwrap(), 64) {
        assert!(!c.party().is_natural_person());
        assert!(!c.priors().is_empty());
    }
    // Ages on the 14th and 18th birthdays are hit when asked for.
    let boundary = Config {
        natural_person_percent: 100,
        ages: strategy::AgeMix { under_14: 0, birthday_14_or_18: 1, from_14_to_17: 0, adult: 0, leap_day: 0 },
        ..Config::default()
    };
    for c in draw(&strategy::case_with(&cat, &boundary).unwrap(), 32) {
        let age = c.party().age_on(c.act().start()).unwrap();
        assert!(age == 13 || age == 17, "age {age}");
    }
}

#[test]
fn config_errors_name_the_field() {
    let cat = bundled();
    let err = |c: Config| strategy::case_with(&cat, &c).err().unwrap();
    assert_eq!(
        err(Config { acts_from: d(2025, 2, 1), acts_to: d(2025, 1, 1), ..Config::default() }),
        ConfigError::EmptyWindow { from: d(2025, 2, 1), to: d(2025, 1, 1) }
    );
    assert_eq!(
        err(Config { natural_person_percent: 101, ..Config::default() }),
        ConfigError::Percent { field: "natural_person_percent", value: 101 }
    );
    let e = err(Config { harm: HarmMix { none: 0, slight: 0, harmful: 0, serious: 0 }, ..Config::default() });
    assert_eq!(e.to_string(), "every weight of `harm` is zero");
}

/// Shrinking never leaves the validating constructors: every value a tree
/// simplifies to is one the loaders accept back.
#[test]
fn shrinking_yields_valid_values_only() {
    let cat = bundled();
    let cases = strategy::case_with(&cat, &Config::default()).unwrap();
    let mut runner = TestRunner::deterministic();
    for _ in 0..24 {
        let mut tree = cases.new_tree(&mut runner).unwrap();
        for _ in 0..64 {
            let c = tree.current();
            assert_eq!(c.to_builder().build().as_ref(), Ok(&c));
            assert_eq!(Case::from_json(&c.to_json(), &cat).as_ref(), Ok(&c));
            if !tree.simplify() {
                break;
            }
        }
    }
    let scenarios = strategy::scenario();
    for _ in 0..12 {
        let mut tree = scenarios.new_tree(&mut runner).unwrap();
        for _ in 0..48 {
            let s = tree.current();
            assert_eq!(Catalogue::from_json(&s.catalogue.to_json()).as_ref(), Ok(&s.catalogue));
            assert_eq!(Case::from_json(&s.case.to_json(), &s.catalogue).as_ref(), Ok(&s.case));
            s.regime.validate().unwrap();
            if !tree.simplify() {
                break;
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::common::cases(48), max_global_rejects: 1 << 16, ..ProptestConfig::default() })]

    /// Lawful decisions drawn from an assessment pass every decision checker.
    #[test]
    fn prop_lawful_decisions_pass_the_checkers(
        (s, dec) in strategy::scenario_with(&Config::default()).unwrap().prop_flat_map(|s| {
            let d = strategy::lawful_decision(&s);
            (Just(s), d)
        })
    ) {
        if let Err(v) = invariants::check_decision(&s.inputs(), &dec) { prop_assert!(false, "{v}"); }
        if let Err(v) = invariants::deterministic(|| s.recommend()) { prop_assert!(false, "{v}"); }
        if let Err(v) = invariants::json_round_trip(&s.assess()) { prop_assert!(false, "{v}"); }
    }

    /// Invariant 11 through the public checker: the recommendation passes the
    /// guard, and every tier outside the lawful set put on it fails.
    #[test]
    fn prop_guard_checker_splits_on_the_lawful_set(s in strategy::scenario(), tier in proptest::sample::select(Tier::ALL.to_vec())) {
        let a = s.assess();
        let mut dec = recommend(&a, &s.regime);
        if let Err(v) = invariants::guard_lawful(&s.inputs(), &dec, None) { prop_assert!(false, "{v}"); }
        dec.tier = tier;
        let checked = invariants::guard_lawful(&s.inputs(), &dec, None);
        if !a.is_lawful(tier) {
            prop_assert_eq!(checked.map_err(|v| v.invariant), Err(Invariant::Guard));
        }
    }

    /// Invariant 3 through the public checker, on recommend itself.
    #[test]
    fn prop_recommend_is_monotone(s in strategy::scenario(), m in proptest::sample::select(Mitigating::ALL.to_vec()), up in any::<bool>()) {
        let decide = |i: &Inputs<'_>| recommend(&i.assess(), i.regime);
        let change = if up { Change::RaiseHarm(Harm::Serious) } else { Change::AddMitigating(m) };
        if let Err(v) = invariants::monotone(&s.inputs(), change, decide) { prop_assert!(false, "{v}"); }
        let fix = Change::CorrectPromptly(s.case.discovered_on());
        if let Err(v) = invariants::monotone(&s.inputs(), fix, decide) { prop_assert!(false, "{v}"); }
    }

    /// Proposals are valid documents: they round-trip through the loader.
    #[test]
    fn prop_proposals_round_trip((s, p) in strategy::scenario().prop_flat_map(|s| { let p = strategy::proposal(&s); (Just(s), p) })) {
        let back = rouxing::guard::Proposal::from_json_named("p.json", &serde_json::to_string(&p).unwrap()).unwrap();
        prop_assert_eq!(&back, &p);
        let d = p.apply(&s.recommend(), &s.assess(), &s.regime);
        prop_assert!(invariants::json_round_trip(&d).is_ok());
    }

    /// Unlawful edits carry their label; the edited decision still
    /// serialises, and edits that change the tier outside the set are caught.
    #[test]
    fn prop_edits_are_labelled((s, e, _c, d) in strategy::edited_decision()) {
        prop_assert!(invariants::json_round_trip(&d).is_ok());
        if e.expected().is_none() {
            prop_assert!(invariants::within_lawful_set(&s.inputs(), &d).is_ok());
        }
    }
}

// ---------------------------------------------------------------------------
// Each checker fails on a deliberately broken value
// ---------------------------------------------------------------------------

fn under_14() -> (Catalogue, Case) {
    let cat = catalogue(vec![range_item("X-1")]);
    let c = case("X-1").party(person(d(2012, 1, 1))).build().unwrap();
    (cat, c)
}

#[test]
fn determinism_fails_on_a_wrapper_with_state() {
    let calls = Cell::new(0u32);
    let v = invariants::deterministic(|| {
        calls.set(calls.get() + 1);
        calls.get()
    })
    .unwrap_err();
    assert_eq!(v.invariant, Invariant::Determinism);
    assert!(
        v.to_string()
            .starts_with("违反“同一事实同一结果”（determinism，《中华人民共和国行政处罚法》第五条第一款）"),
        "{v}"
    );
    assert!(invariants::deterministic(|| 7).is_ok());
}

#[test]
fn lawful_set_fails_outside_the_set_and_the_band() {
    let cat = catalogue(vec![range_item("X-1")]);
    let c = case("X-1").build().unwrap();
    let r = Regime::national();
    let i = Inputs::new(&c, &cat, &r, AS_OF());
    let dec = recommend(&i.assess(), &r);
    invariants::within_lawful_set(&i, &dec).unwrap();
    let mut none = dec.clone();
    none.tier = Tier::NoPenalty;
    let v = invariants::within_lawful_set(&i, &none).unwrap_err();
    assert_eq!((v.invariant, v.citation), (Invariant::WithinLawfulSet, Citation::apl(34)));
    assert!(v.detail.contains("不予处罚"), "{v}");
    let mut high = dec.clone();
    let band = i.assess().option(dec.tier).unwrap().fine_band.unwrap();
    high.sanctions.iter_mut().find(|s| s.kind == PenaltyKind::Fine).unwrap().amount =
        Some(band.max().checked_add(Money::from_fen(1)).unwrap());
    assert!(invariants::within_lawful_set(&i, &high).unwrap_err().detail.contains("不在该档幅度"));
}

#[test]
fn monotonicity_fails_on_a_wrapper_that_punishes_mitigation() {
    let cat = catalogue(vec![range_item("X-1")]);
    let c = case("X-1").build().unwrap();
    let r = Regime::national();
    let i = Inputs::new(&c, &cat, &r, AS_OF());
    let broken = |i: &Inputs<'_>| {
        let mut d = recommend(&i.assess(), i.regime);
        if !i.case.mitigating().is_empty() {
            d.tier = Tier::Heavier;
        }
        d
    };
    let v = invariants::monotone(&i, Change::AddMitigating(Mitigating::Coerced), broken).unwrap_err();
    assert_eq!(v.invariant, Invariant::Monotonicity);
    assert_eq!(v.citation, Citation::apl(5).para(2));
    let fine = |i: &Inputs<'_>| recommend(&i.assess(), i.regime);
    invariants::monotone(&i, Change::AddMitigating(Mitigating::Coerced), fine).unwrap();
}

#[test]
fn mandatory_no_penalty_fails_on_each_duty_left_out() {
    let (cat, c) = under_14();
    let r = Regime::national();
    let i = Inputs::new(&c, &cat, &r, AS_OF());
    let dec = recommend(&i.assess(), &r);
    invariants::mandatory_no_penalty(&i, &dec).unwrap();
    let check = |edit: &dyn Fn(&mut rouxing::Decision)| {
        let mut e = dec.clone();
        edit(&mut e);
        invariants::mandatory_no_penalty(&i, &e).unwrap_err().citation
    };
    assert_eq!(check(&|d| d.education = false), Citation::apl(33).para(3));
    assert_eq!(check(&|d| d.correction = None), Citation::apl(28).para(1));
    assert_eq!(check(&|d| d.guardian_order = None), Citation::apl(30));
    assert_eq!(
        check(&|d| {
            d.tier = Tier::Lighter;
            d.disposition = Disposition::Penalty;
            d.sanctions.push(Sanction { kind: PenaltyKind::Warning, amount: None });
        }),
        Citation::apl(30)
    );
}

#[test]
fn fine_bounds_fail_above_the_maximum_and_below_the_minimum() {
    let cat = catalogue(vec![range_item("X-1")]);
    let c = case("X-1").build().unwrap();
    let r = Regime::national();
    let i = Inputs::new(&c, &cat, &r, AS_OF());
    let dec = recommend(&i.assess(), &r);
    invariants::fine_within_statute(&i, &dec).unwrap();
    let with_fine = |m: Money| {
        let mut e = dec.clone();
        e.sanctions.iter_mut().find(|s| s.kind == PenaltyKind::Fine).unwrap().amount = Some(m);
        invariants::fine_within_statute(&i, &e)
    };
    // "处一千元以上一万元以下罚款"
    assert_eq!(with_fine(Money::yuan(10_001)).unwrap_err().citation, Citation::apl(76).para(1).item(2));
    assert_eq!(with_fine(Money::yuan(999)).unwrap_err().citation, Citation::apl(32));
    with_fine(Money::yuan(10_000)).unwrap();
}

#[test]
fn limitation_fails_on_a_penalty_after_two_years() {
    let cat = catalogue(vec![range_item("X-1")]);
    let r = Regime::national();
    let fresh = case("X-1").build().unwrap();
    let dec = recommend(&assess(&fresh, &cat, &r, AS_OF()), &r);
    assert_eq!(dec.disposition, Disposition::Penalty);
    // 2023-03-01 act, discovered 2025-03-10: the last day was 2025-03-01.
    let late = case("X-1").act_on(d(2023, 3, 1)).build().unwrap();
    let i = Inputs::new(&late, &cat, &r, AS_OF());
    let v = invariants::limitation(&i, &dec).unwrap_err();
    assert_eq!((v.invariant, v.citation), (Invariant::Limitation, Citation::apl(36).para(1)));
    invariants::limitation(&i, &recommend(&i.assess(), &r)).unwrap();
}

#[test]
fn version_fails_on_a_heavier_kind_than_the_provision() {
    let cat = catalogue(vec![range_item("X-1")]);
    let c = case("X-1").build().unwrap();
    let r = Regime::national();
    let i = Inputs::new(&c, &cat, &r, AS_OF());
    let mut dec = recommend(&i.assess(), &r);
    invariants::version_never_heavier(&i, &dec).unwrap();
    dec.sanctions.push(Sanction { kind: PenaltyKind::OrderSuspendProduction, amount: None });
    let v = invariants::version_never_heavier(&i, &dec).unwrap_err();
    assert_eq!((v.invariant, v.citation), (Invariant::VersionNeverHeavier, Citation::apl(37)));
}

#[test]
fn citations_fail_on_an_article_the_law_does_not_have() {
    let cat = catalogue(vec![range_item("X-1")]);
    let c = case("X-1").build().unwrap();
    let r = Regime::national();
    let mut a = assess(&c, &cat, &r, AS_OF());
    let dec = recommend(&a, &r);
    invariants::citations_real(&a, &dec).unwrap();
    let t = a.trace.iter_mut().find(|t| t.fired).unwrap();
    t.citation = Citation::apl(999);
    let v = invariants::citations_real(&a, &dec).unwrap_err();
    assert_eq!(v.invariant, Invariant::CitationsReal);
    assert!(v.detail.contains("第九百九十九条"), "{v}");
}

#[test]
fn guard_fails_on_a_decision_that_bypasses_it() {
    let cat = catalogue(vec![range_item("X-1")]);
    let c = case("X-1").build().unwrap();
    let r = Regime::national();
    let i = Inputs::new(&c, &cat, &r, AS_OF());
    let dec = recommend(&i.assess(), &r);
    invariants::guard_lawful(&i, &dec, None).unwrap();
    // Let off by hand, as a system that skips the guard would: harm was
    // caused and not corrected, so no penalty is outside the lawful set.
    let mut off = dec.clone();
    off.tier = Tier::NoPenalty;
    off.disposition = Disposition::NoPenalty;
    off.sanctions.clear();
    off.education = true;
    let v = invariants::guard_lawful(&i, &off, None).unwrap_err();
    assert_eq!(v.invariant, Invariant::Guard);
    assert_eq!(v.invariant.number(), 11);
    assert!(v.detail.contains("no_penalty_despite_harm"), "{v}");
    assert!(v.to_string().starts_with("违反“法制审核未发现违法问题”（guard，"), "{v}");
    // Inside the lawful set, every other checker passes, but the fine lets
    // the violation go on: only the guard sees it (Art. 28 ¶1).
    let mut no_order = dec.clone();
    no_order.correction = None;
    invariants::within_lawful_set(&i, &no_order).unwrap();
    invariants::fine_within_statute(&i, &no_order).unwrap();
    let v = invariants::check_decision(&i, &no_order).unwrap_err();
    assert_eq!((v.invariant, v.citation), (Invariant::Guard, Citation::apl(28).para(1)));
    assert!(v.detail.contains("missing_correction_order"), "{v}");
}

#[test]
fn round_trips_fail_on_lossy_values() {
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct Lossy {
        kept: u8,
        #[serde(skip)]
        dropped: u8,
    }
    assert!(invariants::json_round_trip(&Lossy { kept: 1, dropped: 0 }).is_ok());
    let v = invariants::json_round_trip(&Lossy { kept: 1, dropped: 2 }).unwrap_err();
    assert_eq!((v.invariant, v.citation), (Invariant::RoundTrip, Citation::apl(47)));

    #[derive(Clone, Copy, PartialEq, Debug, serde::Serialize, serde::Deserialize)]
    enum Shouting {
        #[serde(rename = "loud")]
        Loud,
    }
    impl std::fmt::Display for Shouting {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("LOUD")
        }
    }
    impl std::str::FromStr for Shouting {
        type Err = ();
        fn from_str(s: &str) -> Result<Self, ()> {
            if s == "LOUD" { Ok(Shouting::Loud) } else { Err(()) }
        }
    }
    assert!(invariants::code_round_trip(Shouting::Loud).unwrap_err().detail.contains("snake_case"));
    for t in Tier::ALL {
        invariants::code_round_trip(*t).unwrap();
    }
    for k in SoftMeasure::ALL {
        invariants::code_round_trip(*k).unwrap();
    }
}

fn closed_file() -> CaseFile {
    let l = draw(&strategy::lifecycle(), 1).pop().unwrap();
    l.file(usize::MAX).unwrap()
}

#[test]
fn tamper_checks_fail_on_a_blind_or_misplaced_importer() {
    let f = closed_file();
    invariants::record_tamper(&f).unwrap();
    let text = f.to_jsonl();
    let head = f.head();
    let blind = invariants::tamper_evident(&text, |_| Ok(head)).unwrap_err();
    assert_eq!((blind.invariant, blind.citation), (Invariant::RecordTamper, Citation::apl(47)));
    assert!(blind.detail.contains("仍被接受"), "{blind}");
    // An importer that refuses but always blames line 1 cannot say where.
    let vague = invariants::tamper_evident(&text, |t| {
        CaseFile::from_jsonl(t).map(|f| f.head()).map_err(|_| CaseFile::from_jsonl("").unwrap_err())
    })
    .unwrap_err();
    assert!(vague.detail.contains("错误却指向第 1 行"), "{vague}");
    // A store that rewrites the text fails the storage check.
    let pretty = text.replace("\",\"", "\", \"");
    assert_eq!(invariants::stored_case_file(&f, &pretty).unwrap_err().invariant, Invariant::RoundTrip);
    invariants::stored_case_file(&f, &text).unwrap();
}

// ---------------------------------------------------------------------------
// The list checker on a deliberately bad list
// ---------------------------------------------------------------------------

fn entry(id: &str, outcome: ListOutcome, tests: Vec<Condition>, exclusions: Vec<Exclusion>) -> ListEntry {
    ListEntry {
        id: id.parse().unwrap(),
        source: "SRC".parse().unwrap(),
        outcome,
        modal: Modal::Shall,
        conditions: if tests.is_empty() {
            vec![]
        } else {
            vec![EntryCondition { text: "条件".into(), tests }]
        },
        exclusions,
        reduced_fine: None,
        reduced_fine_natural_person: None,
        coercive_measure_withheld: None,
        supporting_measures: vec![SoftMeasure::Guidance],
        basis: None,
        effective_from: None,
        valid_until: None,
    }
}

#[test]
fn list_checker_reports_each_bad_entry_with_a_counterexample() {
    let mut item = range_item("X-1");
    item.entries = vec![
        // 不予处罚 on a prompt correction alone: also where harm is serious.
        entry("X-1-E0", ListOutcome::NoPenalty, vec![Condition::CorrectedPromptly], vec![]),
        // 减轻 for everyone: no Art. 32 ground needed.
        entry("X-1-E1", ListOutcome::Mitigate, vec![], vec![]),
        // Requires a commitment letter and is excluded by one: never applies.
        entry(
            "X-1-E2",
            ListOutcome::Lighten,
            vec![Condition::CommitmentSigned],
            vec![Exclusion::Context { context: Context::CommitmentSigned }],
        ),
        // A sound 首违不罚 entry: first violation, no harm, corrected promptly.
        entry(
            "X-1-E3",
            ListOutcome::FirstViolationNoPenalty,
            vec![Condition::FirstViolation { window: None }, Condition::NoHarm, Condition::CorrectedPromptly],
            vec![],
        ),
    ];
    let cat = crate::common::listed_catalogue_of(vec![item]);
    let r = Regime::national();
    let findings = strategy::check_list(&cat, &r, &Config::default(), 128).unwrap();
    let codes: Vec<(&str, &str)> = findings.iter().map(|f| (f.entry.as_str(), f.problem.code())).collect();
    assert_eq!(
        codes,
        vec![
            ("X-1-E0", "exemption_beyond_statute"),
            ("X-1-E1", "mitigation_without_ground"),
            ("X-1-E2", "never_applies")
        ],
        "{findings:#?}"
    );
    // The counterexamples are real: the statute forbids the exemption there.
    let c = findings[0].problem.case().unwrap();
    assert!(c.correction().is_prompt());
    assert!(
        c.harm() > Harm::Slight || c.gravity() == rouxing::case::Gravity::Serious || !c.priors().is_empty(),
        "{c:?}"
    );
    let text = findings[0].to_string();
    assert!(
        text.starts_with("事项 X-1 清单条目 X-1-E0：不予处罚的条件在法律不允许免罚的案件中也成立"),
        "{text}"
    );
    assert!(text.contains("第三十三条第一款") && text.contains("反例：案件"), "{text}");
    let m = findings[1].problem.case().unwrap();
    assert!(m.mitigating().is_empty() || m.party().is_natural_person(), "{m:?}");
    assert_eq!(findings[1].problem.citation(), Citation::apl(32).item(5));
    // Deterministic: the same list gives the same report.
    assert_eq!(strategy::check_list(&cat, &r, &Config::default(), 128).unwrap(), findings);
}

// ---------------------------------------------------------------------------
// The case-file state machine
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::common::cases(64), max_global_rejects: 1 << 16, ..ProptestConfig::default() })]

    /// Every lawful lifecycle is accepted step by step, closes, and exports
    /// and imports to the same head.
    #[test]
    fn prop_lawful_lifecycles_are_accepted(l in strategy::lifecycle()) {
        let mut f = CaseFile::new(l.scenario.case.id().clone());
        for (i, e) in l.events.iter().enumerate() {
            if let Err(err) = f.append(e.clone()) {
                prop_assert!(false, "step {i} ({}) refused: {err}\n{:#?}", e.stage.kind(), l.events);
            }
        }
        prop_assert!(f.is_closed());
        let back = CaseFile::from_jsonl(&f.to_jsonl()).unwrap();
        prop_assert_eq!(back.head(), f.head());
    }

    /// Every illegal step is refused with the error it is labelled with,
    /// and the refused step leaves the file unchanged.
    #[test]
    fn prop_illegal_steps_are_refused((l, step, n, e) in strategy::illegal_step()) {
        let mut f = l.file(n).unwrap();
        let head = f.head();
        match f.append(e) {
            Ok(_) => prop_assert!(false, "{step:?} accepted after {n} steps"),
            Err(err) => prop_assert_eq!(err.code(), step.expected(), "{:?}: {}", step, err),
        }
        prop_assert_eq!(f.head(), head);
    }
}

#[test]
fn every_illegal_step_fits_some_lifecycle() {
    let lifecycles = draw(&strategy::lifecycle(), 48);
    for step in IllegalStep::ALL {
        assert!(lifecycles.iter().any(|l| step.apply(l, 0).is_some()), "{step:?} never fits");
    }
    // Tamper-evidence of generated files, through the public checker.
    for l in lifecycles.iter().take(3) {
        invariants::record_tamper(&l.file(usize::MAX).unwrap()).unwrap();
    }
}
