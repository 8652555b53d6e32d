//! Statute fixes in `assess` and `recommend`: a list's 减轻 needs a statutory
//! 减轻 ground (Arts. 30-32); the national regime applies only aggravation
//! set by law (Art. 49); 从轻 or 减轻 under 应当从轻或者减轻 (Arts. 30, 32);
//! lists read 从旧兼从轻 (Art. 37); illegal gains on 不予处罚 (Art. 28 ¶2).

use proptest::prelude::*;
use rouxing::assess::{EntryResult, Ground, Tier, Why};
use rouxing::case::{Aggravating, Gravity, Harm, Mitigating};
use rouxing::catalogue::{ListOutcome, Modal};
use rouxing::guard::FindingCode;
use rouxing::law::{Citation, Instrument};
use rouxing::measure::PenaltyKind;
use rouxing::money::{Amounts, Money};
use rouxing::regime::{AlternativeMitigation, GainsOnNoPenalty};
use rouxing::{Regime, assess, recommend, review, strategy};

use crate::common::*;

/// A case decided by a competent agency (Art. 17), so that a review finds
/// only what the test is about.
fn with_agency(b: rouxing::case::CaseBuilder) -> rouxing::case::CaseBuilder {
    b.agency(rouxing::case::Agency {
        id: "AG-1".parse().unwrap(),
        name: "某市场监督管理局".into(),
        domain: rouxing::catalogue::Domain::MarketRegulation,
    })
}

fn tiers(a: &rouxing::Assessment) -> Vec<Tier> {
    a.lawful.iter().map(|o| o.tier).collect()
}

// ------------------------------------------------ a list cannot create 减轻

#[test]
fn a_list_mitigation_without_a_statutory_ground_does_not_open_mitigation() {
    let cat = with_entry(ListOutcome::Mitigate, Modal::Shall, |_| {});
    let (a, dec) = run(&case("L-1").correction(prompt()).build().unwrap(), &cat);
    assert_eq!(entry_result(&a), Some(EntryResult::NoStatutoryGround));
    assert_eq!(tiers(&a), [Tier::Ordinary]);
    assert_eq!(dec.tier, Tier::Ordinary);
    assert!(a.explain().to_string().contains("清单不得创设减轻处罚"));
    // Serious harm changes nothing: still no 减轻 without a ground.
    let (a, _) = run(&case("L-1").correction(prompt()).harm(Harm::Serious).build().unwrap(), &cat);
    assert!(!a.is_lawful(Tier::Mitigated));
}

#[test]
fn with_an_art_32_ground_the_list_mitigation_applies_and_cites_the_ground() {
    let cat = with_entry(ListOutcome::Mitigate, Modal::Shall, |_| {});
    let c = case("L-1").correction(prompt()).mitigating(vec![Mitigating::Coerced]).build().unwrap();
    let (a, dec) = run(&c, &cat);
    assert_eq!(entry_result(&a), Some(EntryResult::Applies));
    // The list's 应当减轻 narrows 应当从轻或者减轻 to 减轻.
    assert_eq!(tiers(&a), [Tier::Mitigated]);
    assert_eq!(dec.tier, Tier::Mitigated);
    let g = a.lawful[0].grounds.iter().find(|g| matches!(g, Ground::ListEntry { .. })).unwrap();
    assert_eq!(g.citation(), Citation::apl(32).item(2));
    assert_ne!(g.citation(), Citation::apl(34));
    let text = a.explain().to_string();
    assert!(text.contains("清单SRC第L-1-E1项"), "{text}");
    assert!(text.contains("第三十二条第（二）项"), "{text}");
}

#[test]
fn partial_capacity_and_a_minor_authorise_a_list_mitigation() {
    let cat = with_entry(ListOutcome::Mitigate, Modal::May, |_| {});
    let minor = case("L-1").party(person(d(2009, 1, 1))).correction(prompt()).build().unwrap();
    let (a, _) = run(&minor, &cat);
    assert_eq!(entry_result(&a), Some(EntryResult::Applies));
    let g = a.option(Tier::Mitigated).unwrap().grounds.iter().find(|g| matches!(g, Ground::ListEntry { .. }));
    assert_eq!(g.unwrap().citation(), Citation::apl(30));
    let partial = case("L-1")
        .party(rouxing::party::Party::natural_person(
            rouxing::party::PartyId::new("P-2").unwrap(),
            d(1990, 1, 1),
            rouxing::party::MentalCapacity::Partial,
        ))
        .correction(prompt())
        .build()
        .unwrap();
    let (a, _) = run(&partial, &cat);
    let g = a.option(Tier::Mitigated).unwrap().grounds.iter().find(|g| matches!(g, Ground::ListEntry { .. }));
    assert_eq!(g.unwrap().citation(), Citation::apl(31).sentence(3));
}

// ------------------------------------------------ national aggravation

#[test]
fn the_national_regime_applies_only_aggravation_set_by_law() {
    let cat = catalogue(vec![range_item("R-1")]);
    let local = case("R-1").aggravating(vec![Aggravating::Recidivist]).build().unwrap();
    let (a, _) = run(&local, &cat);
    assert_eq!(tiers(&a), [Tier::Ordinary]);
    // The county sample adopts the local circumstance, mandatory.
    let (a, _) = run_with(&local, &cat, &Regime::shandan_sample());
    assert_eq!(tiers(&a), [Tier::Heavier]);
    // Art. 49 "依法快速、从重处罚" under every regime.
    let art49 = case("R-1").aggravating(vec![Aggravating::EmergencyMeasures]).build().unwrap();
    for r in [Regime::national(), Regime::shandan_sample()] {
        let (a, _) = run_with(&art49, &cat, &r);
        assert_eq!(tiers(&a), [Tier::Heavier], "{}", r.name);
        assert!(a.lawful[0].grounds.iter().all(|g| g.citation() == Citation::apl(49)));
    }
}

// ------------------------------------------------ 从轻 or 减轻

#[test]
fn shall_lighten_or_mitigate_proposes_lighter_by_default() {
    let cat = catalogue(vec![range_item("R-1")]);
    let c = with_agency(case("R-1")).mitigating(vec![Mitigating::ConfessedUnknown]).build().unwrap();
    let (a, dec) = run(&c, &cat);
    assert_eq!(tiers(&a), [Tier::Mitigated, Tier::Lighter]);
    assert_eq!(dec.tier, Tier::Lighter);
    assert!(review(&c, &cat, &Regime::national(), &dec, None).is_lawful());
    let mut r = Regime::national();
    r.readings.alternative_mitigation = AlternativeMitigation::Mitigated;
    let (_, dec) = run_with(&c, &cat, &r);
    assert_eq!(dec.tier, Tier::Mitigated);
    let findings = review(&c, &cat, &r, &dec, None).findings;
    assert!(findings.is_empty(), "{findings:?}");
    // A list entry naming 减轻 chooses 减轻 under the default.
    let cat = with_entry(ListOutcome::Mitigate, Modal::May, |_| {});
    let c = case("L-1").correction(prompt()).mitigating(vec![Mitigating::ConfessedUnknown]).build().unwrap();
    let (_, dec) = run(&c, &cat);
    assert_eq!(dec.tier, Tier::Mitigated);
}

// ------------------------------------------------ lists, 从旧兼从轻

#[test]
fn a_later_list_entry_in_force_at_the_decision_applies() {
    // In force from after the act (2025-03-01).
    let cat = with_entry(ListOutcome::Lighten, Modal::May, |e| e.effective_from = Some(d(2025, 3, 15)));
    let c = case("L-1").correction(prompt()).build().unwrap();
    let (a, _) = run(&c, &cat);
    assert_eq!(entry_result(&a), Some(EntryResult::Applies));
    assert!(a.is_lawful(Tier::Lighter));
    let mut r = Regime::national();
    r.readings.later_list_entry_applies = false;
    let (a, _) = run_with(&c, &cat, &r);
    assert_eq!(entry_result(&a), Some(EntryResult::NotInForce));
    assert!(!a.is_lawful(Tier::Lighter));
}

#[test]
fn a_list_entry_in_force_at_the_act_still_applies_after_it_lapsed() {
    // Lapsed before the decision (2025-04-01).
    let cat = with_entry(ListOutcome::Lighten, Modal::May, |e| e.valid_until = Some(d(2025, 3, 20)));
    let c = case("L-1").correction(prompt()).build().unwrap();
    for later in [true, false] {
        let mut r = Regime::national();
        r.readings.later_list_entry_applies = later;
        let (a, _) = run_with(&c, &cat, &r);
        assert!(a.is_lawful(Tier::Lighter), "later_list_entry_applies = {later}");
    }
}

// ------------------------------------------------ Art. 28 ¶2 on 不予处罚

fn gains_case() -> rouxing::Case {
    with_agency(case("R-1"))
        .gravity(Gravity::Minor)
        .harm(Harm::None)
        .correction(prompt())
        .amounts(Amounts { illegal_gains: Some(Money::yuan(800)), ..Amounts::default() })
        .build()
        .unwrap()
}

#[test]
fn illegal_gains_are_confiscated_on_no_penalty_by_default() {
    let cat = catalogue(vec![range_item("R-1")]);
    let c = gains_case();
    let (a, dec) = run(&c, &cat);
    assert_eq!(tiers(&a), [Tier::NoPenalty]);
    assert_eq!(a.illegal_gains, Some(Money::yuan(800)));
    assert_eq!(dec.sanctions.len(), 1);
    assert_eq!(dec.sanctions[0].kind, PenaltyKind::ConfiscateIllegalGains);
    assert_eq!(dec.sanctions[0].amount, Some(Money::yuan(800)));
    let regime = Regime::national();
    let findings = review(&c, &cat, &regime, &dec, None).findings;
    assert!(findings.is_empty(), "{findings:?}");
    let mut kept = dec.clone();
    kept.sanctions.clear();
    let r = review(&c, &cat, &regime, &kept, None);
    assert_eq!(r.get(FindingCode::MissingConfiscation).unwrap().citation, Citation::apl(28).para(2));
    // Anything but the gains is a penalty on a 不予处罚 decision.
    let mut more = dec.clone();
    more.sanctions[0].amount = Some(Money::yuan(900));
    assert!(review(&c, &cat, &regime, &more, None).has(FindingCode::InconsistentDecision));
}

#[test]
fn under_the_other_reading_no_penalty_confiscates_nothing() {
    let cat = catalogue(vec![range_item("R-1")]);
    let mut regime = Regime::national();
    regime.readings.gains_on_no_penalty = GainsOnNoPenalty::NotConfiscated;
    let c = gains_case();
    let (a, dec) = run_with(&c, &cat, &regime);
    assert_eq!(a.illegal_gains, None);
    assert!(dec.sanctions.is_empty());
    let findings = review(&c, &cat, &regime, &dec, None).findings;
    assert!(findings.is_empty(), "{findings:?}");
    let mut taken = dec.clone();
    taken.sanctions.push(rouxing::decision::Sanction {
        kind: PenaltyKind::ConfiscateIllegalGains,
        amount: Some(Money::yuan(800)),
    });
    assert!(review(&c, &cat, &regime, &taken, None).has(FindingCode::InconsistentDecision));
}

#[test]
fn regime_readings_are_optional_in_json() {
    let json = Regime::national().to_json();
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v.as_object_mut().unwrap().remove("readings");
    let r = Regime::from_json(&v.to_string()).unwrap();
    assert_eq!(r, Regime::national());
    let mut bad = v.clone();
    bad["readings"] = serde_json::json!({"alternative_mitigation": "lighter_unless_named", "extra": 1});
    assert!(Regime::from_json(&bad.to_string()).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(256)))]

    /// A list's 减轻 is always authorised by a statutory ground of the case
    /// and never rests on Art. 34.
    #[test]
    fn prop_list_mitigation_rests_on_a_statutory_ground((cat, case, regime, as_of) in strategy::assessment_inputs()) {
        let a = assess(&case, &cat, &regime, as_of);
        let statutory = case.mitigating().iter().any(|m| m.art_32_item().is_some())
            || case.party().age_on(case.act().committed_on()).is_some_and(|age| (14..18).contains(&age))
            || case.party().capacity() == Some(rouxing::party::MentalCapacity::Partial);
        for o in &a.lawful {
            for g in &o.grounds {
                if let Ground::ListEntry { outcome: ListOutcome::Mitigate, authorised_by, .. } = g {
                    prop_assert!(authorised_by.is_some() && statutory, "{g:?}");
                    prop_assert_ne!(g.citation(), Citation::apl(34));
                }
            }
        }
    }

    /// Under the national regime nothing the assessment, the recommendation
    /// or its review cites is the county plan, and no local aggravating
    /// circumstance takes effect.
    #[test]
    fn prop_national_regime_never_cites_the_county_plan((cat, case, _regime, as_of) in strategy::assessment_inputs()) {
        let regime = Regime::national();
        let a = assess(&case, &cat, &regime, as_of);
        let plan = |c: &Citation| c.instrument() == Instrument::ShandanFlexibleEnforcementPlan;
        for t in &a.trace {
            prop_assert!(!plan(&t.citation), "{:?}", t);
            if let Why::Aggravating { circumstance, effective: true } = t.why {
                prop_assert_eq!(circumstance, Aggravating::EmergencyMeasures);
            }
        }
        for o in &a.lawful {
            for g in &o.grounds {
                prop_assert!(!plan(&g.citation()), "{g:?}");
            }
        }
        let d = recommend(&a, &regime);
        prop_assert!(d.duties.legal_review.iter().all(|t| regime.review_source(*t).citation().is_none_or(|c| !plan(&c))));
        for f in &review(&case, &cat, &regime, &d, None).findings {
            prop_assert!(f.citation.citation().is_none_or(|c| !plan(&c)), "{f}");
            let text = f.explanation().to_string();
            prop_assert!(!text.contains("山丹县"), "{text}");
        }
        // The rendered texts too: the reasons (说明理由) and the explanation.
        prop_assert!(d.reasons.lenient_basis.is_none());
        let reasons = d.reasons.to_string();
        prop_assert!(!reasons.contains("山丹县") && !reasons.contains("实施方案"), "{reasons}");
        let explanation = a.explain().to_string();
        prop_assert!(!explanation.contains("山丹县"), "{explanation}");
    }

    /// Under the national regime no finding of `review` cites the county
    /// plan, whatever an officer made of the recommendation (the
    /// adversarial edits of `strategy::officer_edit`).
    #[test]
    fn prop_national_review_of_edited_decisions_never_cites_the_county_plan(
        (s, _edit, case, edited) in strategy::edited_decision(),
    ) {
        let regime = Regime::national();
        let plan = |c: &Citation| c.instrument() == Instrument::ShandanFlexibleEnforcementPlan;
        for f in &review(&case, &s.catalogue, &regime, &edited, None).findings {
            prop_assert!(f.citation.citation().is_none_or(|c| !plan(&c)), "{f}");
            prop_assert!(!f.to_string().contains("山丹县"), "{f}");
        }
    }

    /// The proposal under 应当从轻或者减轻 is lawful, and 减轻 only where the
    /// regime or a list entry names it.
    #[test]
    fn prop_proposal_follows_the_reading((cat, case, regime, as_of) in strategy::assessment_inputs()) {
        let a = assess(&case, &cat, &regime, as_of);
        let d = recommend(&a, &regime);
        prop_assert!(a.is_lawful(d.tier));
        if d.tier == Tier::Mitigated && a.is_lawful(Tier::Lighter)
            && regime.readings.alternative_mitigation == AlternativeMitigation::LighterUnlessNamed
        {
            let named = d.reasons.grounds.iter().any(|g| matches!(g, Ground::ListEntry { outcome: ListOutcome::Mitigate, .. }));
            prop_assert!(named, "{:?}", d.reasons.grounds);
        }
    }
}
