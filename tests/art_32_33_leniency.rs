//! Arts. 32 and 33: mandatory mitigation, the three no-penalty rules and
//! education; and how aggravating circumstances and Art. 49 interact.

use crate::common::*;
use rouxing::Regime;
use rouxing::assess::{Duty, Ground, Modality, Rule, Tier};
use rouxing::case::{
    Aggravating, Correction, Fault, Gravity, Harm, Mitigating, PriorOutcome, PriorViolation,
};
use rouxing::catalogue::Domain;
use rouxing::regime::AggravationPolicy;

fn tiers(a: &rouxing::Assessment) -> Vec<Tier> {
    a.lawful.iter().map(|o| o.tier).collect()
}

#[test]
fn minor_promptly_corrected_without_harm_is_not_punished() {
    // "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。"
    let cat = catalogue(vec![range_item("R-1")]);
    let c = case("R-1").gravity(Gravity::Minor).harm(Harm::None).correction(prompt()).build().unwrap();
    let (a, dec) = run(&c, &cat);
    assert_eq!(tiers(&a), vec![Tier::NoPenalty]);
    assert_eq!(a.lawful[0].modality, Modality::Mandatory);
    // a first violation too, so both grounds support the outcome
    assert_eq!(a.lawful[0].grounds[..], vec![Ground::MinorCorrectedNoHarm, Ground::FirstViolation]);
    assert!(dec.education && dec.correction.is_some());
    assert!(a.has_duty(Duty::Education));
}

#[test]
fn minor_without_harm_but_not_corrected_is_punished() {
    let cat = catalogue(vec![range_item("R-1")]);
    let c =
        case("R-1").gravity(Gravity::Minor).harm(Harm::None).correction(Correction::None).build().unwrap();
    let (a, _) = run(&c, &cat);
    assert!(!a.is_lawful(Tier::NoPenalty));
}

#[test]
fn first_violation_with_slight_harm_may_go_unpunished() {
    // "初次违法且危害后果轻微并及时改正的，可以不予行政处罚。"
    let cat = catalogue(vec![range_item("R-1")]);
    let c = case("R-1").harm(Harm::Slight).correction(prompt()).build().unwrap();
    let (a, dec) = run(&c, &cat);
    assert_eq!(tiers(&a), vec![Tier::NoPenalty, Tier::Mitigated, Tier::Lighter, Tier::Ordinary]);
    assert_eq!(a.lawful[0].modality, Modality::Discretionary);
    assert_eq!(a.lawful[0].grounds[..], vec![Ground::FirstViolation]);
    // 柔性执法作为首选方式: the recommendation takes the discretion.
    assert_eq!(dec.tier, Tier::NoPenalty);
    assert!(dec.reasons.most_lenient);
}

#[test]
fn a_repeat_inside_the_window_is_not_a_first_violation() {
    let cat = catalogue(vec![range_item("R-1")]);
    let prior = |months_before_day: chrono::NaiveDate| PriorViolation {
        item: "R-1".parse().unwrap(),
        domain: Domain::MarketRegulation,
        on: months_before_day,
        outcome: PriorOutcome::FirstViolationNoPenalty,
    };
    // National regime: 24 months, inclusive ("两年内"). Act 2025-03-01.
    let c = case("R-1")
        .harm(Harm::Slight)
        .correction(prompt())
        .priors(vec![prior(d(2023, 3, 1))])
        .build()
        .unwrap();
    let (a, _) = run(&c, &cat);
    assert!(!a.is_lawful(Tier::NoPenalty));
    let t = a.trace.iter().find(|t| t.rule == Rule::FirstViolation).unwrap();
    assert!(!t.fired);
    let c = case("R-1")
        .harm(Harm::Slight)
        .correction(prompt())
        .priors(vec![prior(d(2023, 2, 28))])
        .build()
        .unwrap();
    let (a, _) = run(&c, &cat);
    assert!(a.is_lawful(Tier::NoPenalty));
}

#[test]
fn first_violation_with_harm_beyond_slight_is_not_excused() {
    let cat = catalogue(vec![range_item("R-1")]);
    let c = case("R-1").harm(Harm::Harmful).correction(prompt()).build().unwrap();
    let (a, _) = run(&c, &cat);
    assert_eq!(tiers(&a), vec![Tier::Ordinary]);
}

#[test]
fn no_fault_proven_is_not_punished_unless_the_law_says_otherwise() {
    // "当事人有证据足以证明没有主观过错的，不予行政处罚。法律、行政法规另有规定的，从其规定。"
    let mut it = range_item("R-1");
    let cat = catalogue(vec![it.clone()]);
    let c = case("R-1").fault(Fault::NoFaultProven).build().unwrap();
    let (a, dec) = run(&c, &cat);
    assert_eq!(tiers(&a), vec![Tier::NoPenalty]);
    assert_eq!(a.lawful[0].grounds[..], vec![Ground::NoFault]);
    assert!(dec.education);
    it.no_fault_exception = Some("《某法》第十条".into());
    let (a, _) = run(&c, &catalogue(vec![it]));
    assert_eq!(tiers(&a), vec![Tier::Ordinary]);
}

#[test]
fn each_art_32_circumstance_requires_lighter_or_mitigated() {
    let cat = catalogue(vec![range_item("R-1")]);
    for m in [
        Mitigating::EliminatedHarm,
        Mitigating::Coerced,
        Mitigating::ConfessedUnknown,
        Mitigating::Meritorious,
        Mitigating::OtherStatutory,
    ] {
        let c = case("R-1").mitigating(vec![m]).build().unwrap();
        let (a, _) = run(&c, &cat);
        assert_eq!(tiers(&a), vec![Tier::Mitigated, Tier::Lighter], "{m}");
        assert!(a.lawful.iter().all(|o| o.modality == Modality::Alternative));
        let t = a.trace.iter().find(|t| t.rule == Rule::Mitigation).unwrap();
        assert_eq!(t.citation, rouxing::law::Citation::apl(32).item(m.art_32_item().unwrap()));
    }
}

#[test]
fn art_32_prevails_over_local_aggravating_circumstances() {
    let cat = catalogue(vec![range_item("R-1")]);
    let county = Regime::shandan_sample();
    let c = case("R-1").aggravating(vec![Aggravating::Obstruction]).build().unwrap();
    let (a, _) = run_with(&c, &cat, &county);
    assert_eq!(tiers(&a), vec![Tier::Heavier]);
    let c = case("R-1")
        .aggravating(vec![Aggravating::Obstruction])
        .mitigating(vec![Mitigating::EliminatedHarm])
        .build()
        .unwrap();
    let (a, _) = run_with(&c, &cat, &county);
    assert_eq!(tiers(&a), vec![Tier::Mitigated, Tier::Lighter]);
}

#[test]
fn discretionary_aggravation_keeps_the_ordinary_tier() {
    let cat = catalogue(vec![range_item("R-1")]);
    let mut r = Regime::shandan_sample();
    r.aggravation = AggravationPolicy::Discretionary;
    let c = case("R-1").aggravating(vec![Aggravating::Recidivist]).build().unwrap();
    let (a, dec) = run_with(&c, &cat, &r);
    assert_eq!(tiers(&a), vec![Tier::Ordinary, Tier::Heavier]);
    assert_eq!(dec.tier, Tier::Ordinary);
}

#[test]
fn unrecognised_local_aggravation_has_no_effect() {
    let cat = catalogue(vec![range_item("R-1")]);
    let mut r = Regime::national();
    r.recognised_aggravating.clear();
    let c = case("R-1").aggravating(vec![Aggravating::Recidivist]).build().unwrap();
    let (a, _) = run_with(&c, &cat, &r);
    assert_eq!(tiers(&a), vec![Tier::Ordinary]);
    // Art. 49 is statutory and always recognised.
    let c = case("R-1").aggravating(vec![Aggravating::EmergencyMeasures]).build().unwrap();
    let (a, _) = run_with(&c, &cat, &r);
    assert_eq!(tiers(&a), vec![Tier::Heavier]);
    assert!(
        a.trace
            .iter()
            .any(|t| t.rule == Rule::Emergency && t.fired && t.citation == rouxing::law::Citation::apl(49))
    );
}

#[test]
fn art_49_removes_discretionary_first_violation_leniency() {
    let cat = catalogue(vec![range_item("R-1")]);
    let c = case("R-1")
        .harm(Harm::Slight)
        .correction(prompt())
        .aggravating(vec![Aggravating::EmergencyMeasures])
        .build()
        .unwrap();
    let (a, _) = run(&c, &cat);
    assert_eq!(tiers(&a), vec![Tier::Heavier]);
    // but never the mandatory 轻微不罚
    let c = case("R-1")
        .gravity(Gravity::Minor)
        .harm(Harm::None)
        .correction(prompt())
        .aggravating(vec![Aggravating::EmergencyMeasures])
        .build()
        .unwrap();
    let (a, _) = run(&c, &cat);
    assert_eq!(tiers(&a), vec![Tier::NoPenalty]);
}

#[test]
fn education_is_owed_only_where_no_penalty_is_lawful() {
    let cat = catalogue(vec![range_item("R-1")]);
    let (a, dec) = run(&case("R-1").build().unwrap(), &cat);
    assert!(!a.has_duty(Duty::Education));
    assert!(!dec.education);
    let t = a.trace.iter().find(|t| t.rule == Rule::Education).unwrap();
    assert!(!t.fired);
}
