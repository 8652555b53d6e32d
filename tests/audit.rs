//! Batch supervision: 同事不同罚, repeated 首违不罚, leniency outliers and
//! exemptions on the safety baseline.

use chrono::NaiveDate;
use proptest::prelude::*;
use rouxing::assess::{Bar, Ground, Tier};
use rouxing::audit::{
    AuditCode, AuditConfig, AuditReport, CorrectionStatus, DecidedCase, Direction, FactSignature,
    FirstViolationStatus, OutlierScope, SpreadMeasure, audit, baseline_exemptions, consistency,
    leniency_outliers, repeated_first_violation,
};
use rouxing::case::{Correction, Harm, Mitigating};
use rouxing::money::{FineBounds, Money};
use rouxing::regime::Window;
use rouxing::{Regime, assess, recommend};

use crate::common::*;

pub(crate) fn facts() -> FactSignature {
    FactSignature::plain(Harm::Harmful)
}

pub(crate) fn decided(id: &str, tier: Tier, fine: Option<u64>) -> DecidedCase {
    DecidedCase {
        case_id: id.parse().unwrap(),
        party: rouxing::party::PartyId::new(format!("P-{id}")).unwrap(),
        item: "A".parse().unwrap(),
        unit: Some("U-1".parse().unwrap()),
        officer: Some("OF-1".parse().unwrap()),
        act_on: d(2025, 1, 1),
        decided_on: d(2025, 2, 1),
        facts: facts(),
        amount: None,
        safety_baseline: false,
        tier,
        fine: fine.map(Money::yuan),
        fine_band: None,
        mechanisms: Vec::new(),
        ground: None,
        first_violation_waiver: false,
    }
}

fn ids(d: &rouxing::audit::Divergence) -> Vec<&str> {
    d.cases.iter().map(|m| m.case_id.as_str()).collect()
}

#[test]
fn same_facts_different_tiers_are_flagged() {
    let cases = vec![
        decided("C1", Tier::Lighter, Some(2_000)),
        decided("C2", Tier::Ordinary, Some(5_000)),
        decided("C3", Tier::Lighter, Some(2_000)),
    ];
    let out = consistency(&cases, &AuditConfig::default());
    assert_eq!(out.len(), 1);
    let g = &out[0];
    assert!(g.tiers_diverge);
    assert_eq!(ids(g), vec!["C1", "C2", "C3"]);
    assert_eq!((g.tiers.lighter, g.tiers.ordinary), (2, 1));
    assert_eq!(g.item.as_str(), "A");
    // Close: the same tier throughout.
    let same = vec![decided("C1", Tier::Lighter, Some(2_000)), decided("C3", Tier::Lighter, Some(2_000))];
    assert!(consistency(&same, &AuditConfig::default()).is_empty());
    // A tolerance of one step accepts 从轻 against 一般.
    let tolerant = AuditConfig { tier_tolerance: 1, ..AuditConfig::default() };
    assert!(consistency(&cases, &tolerant).is_empty());
}

#[test]
fn different_facts_are_not_compared() {
    let mut other = decided("C2", Tier::Ordinary, Some(5_000));
    other.facts.mitigating = 1; // Art. 32 (一)
    assert_eq!(other.facts.mitigating_circumstances().collect::<Vec<_>>(), vec![Mitigating::EliminatedHarm]);
    let cases = vec![decided("C1", Tier::Lighter, Some(2_000)), other];
    assert!(consistency(&cases, &AuditConfig::default()).is_empty());
    // Nor different amount bands.
    let mut small = decided("C1", Tier::Lighter, Some(2_000));
    small.amount = Some(Money::yuan(500));
    let mut large = decided("C2", Tier::Ordinary, Some(5_000));
    large.amount = Some(Money::yuan(500_000));
    assert!(consistency(&[small.clone(), large], &AuditConfig::default()).is_empty());
    let mut near = decided("C3", Tier::Ordinary, Some(5_000));
    near.amount = Some(Money::yuan(900));
    assert_eq!(consistency(&[small, near], &AuditConfig::default()).len(), 1);
}

/// The default tolerance (`ConsistencyPolicy`, 100 ‰): without a band, fines of
/// one tier for the same facts may differ by a tenth of the smaller one.
#[test]
fn fines_of_one_tier_spread_too_far() {
    let mut far = decided("C2", Tier::Lighter, None);
    far.fine = Some(Money::from_fen(110_001));
    let cases = vec![decided("C1", Tier::Lighter, Some(1_000)), far];
    let out = consistency(&cases, &AuditConfig::default());
    assert_eq!(out.len(), 1);
    assert!(!out[0].tiers_diverge);
    assert_eq!(out[0].fines_diverge, Some(Tier::Lighter));
    assert_eq!(out[0].fine_range, Some((Money::yuan(1_000), Money::from_fen(110_001))));
    assert_eq!(out[0].fine_measure, Some(SpreadMeasure::Ratio));
    assert_eq!(out[0].fine_spread_permille, Some(100));
    let codes: Vec<AuditCode> =
        audit(&cases, &AuditConfig::default()).findings().iter().map(|f| f.code).collect();
    assert_eq!(codes, vec![AuditCode::FineSpread]);
    // Close: exactly a tenth more is within the default tolerance.
    let cases = vec![decided("C1", Tier::Lighter, Some(1_000)), decided("C2", Tier::Lighter, Some(1_100))];
    assert!(consistency(&cases, &AuditConfig::default()).is_empty());
    // The regime sets the tolerance.
    let mut regime = Regime::national();
    regime.consistency.fine_tolerance_permille = 50;
    assert_eq!(consistency(&cases, &AuditConfig::from_regime(&regime)).len(), 1);
    assert_eq!(AuditConfig::from_regime(&Regime::national()).fine_tolerance_permille, 100);
}

/// Where every fine has its lawful band, fines compare by where they sit in it:
/// a multiple of the goods value scales with the goods, its position does not.
#[test]
fn fines_compare_by_their_place_in_the_band() {
    let banded = |id: &str, lo: u64, hi: u64, fine: u64| {
        let mut c = decided(id, Tier::Ordinary, Some(fine));
        c.fine_band = Some(FineBounds::new(Money::yuan(lo), Money::yuan(hi)).unwrap());
        c
    };
    // Goods of ¥2,000 and ¥9,000 (one amount band), fines of 1–3 times: both at
    // the middle of their bands.
    let same = vec![banded("C1", 2_000, 6_000, 4_000), banded("C2", 9_000, 27_000, 18_000)];
    assert!(consistency(&same, &AuditConfig::default()).is_empty());
    // One at the middle, the other at the top: half a band apart.
    let apart = vec![banded("C1", 2_000, 6_000, 4_000), banded("C2", 9_000, 27_000, 27_000)];
    let out = consistency(&apart, &AuditConfig::default());
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].fine_measure, Some(SpreadMeasure::BandPosition));
    assert_eq!(out[0].fine_spread_permille, Some(500));
    // Close: a tenth of the band apart is within the tolerance.
    let near = vec![banded("C1", 2_000, 6_000, 4_000), banded("C2", 9_000, 27_000, 19_800)];
    assert!(consistency(&near, &AuditConfig::default()).is_empty());
    // A case without a band makes the group compare amounts.
    let mixed = vec![banded("C1", 2_000, 6_000, 4_000), decided("C2", Tier::Ordinary, Some(18_000))];
    let out = consistency(&mixed, &AuditConfig::default());
    assert_eq!(out[0].fine_measure, Some(SpreadMeasure::Ratio));
}

#[test]
fn first_violation_waived_twice() {
    let waiver = |id: &str, on: NaiveDate| {
        let mut c = decided(id, Tier::NoPenalty, None);
        c.party = rouxing::party::PartyId::new("P-SAME").unwrap();
        c.act_on = on;
        c.first_violation_waiver = true;
        c.ground = Some(Ground::FirstViolation);
        c
    };
    let cases = vec![waiver("C2", d(2025, 6, 1)), waiver("C1", d(2024, 1, 1))];
    let cfg = AuditConfig::default();
    let out = repeated_first_violation(&cases, &cfg);
    assert_eq!(out.len(), 1);
    assert_eq!((out[0].earlier.as_str(), out[0].later.as_str()), ("C1", "C2"));
    assert_eq!(out[0].party.as_str(), "P-SAME");
    // Close: the earlier waiver is outside the 24-month window.
    let cases = vec![waiver("C1", d(2023, 5, 31)), waiver("C2", d(2025, 6, 1))];
    assert!(repeated_first_violation(&cases, &cfg).is_empty());
    // … but inside a regime's "ever" window.
    let mut regime = Regime::national();
    regime.first_violation.window = Window::Ever;
    assert_eq!(repeated_first_violation(&cases, &AuditConfig::from_regime(&regime)).len(), 1);
    // Another item is another first violation.
    let mut other = waiver("C3", d(2025, 6, 1));
    other.item = "B".parse().unwrap();
    assert!(repeated_first_violation(&[waiver("C1", d(2024, 1, 1)), other], &cfg).is_empty());
}

fn unit_cases(unit: &str, officer: &str, n: usize, lenient: usize) -> Vec<DecidedCase> {
    (0..n)
        .map(|i| {
            let tier = if i < lenient { Tier::Lighter } else { Tier::Ordinary };
            let mut c = decided(&format!("{unit}-{officer}-{i}"), tier, None);
            c.unit = Some(unit.parse().unwrap());
            c.officer = Some(officer.parse().unwrap());
            c
        })
        .collect()
}

#[test]
fn lenient_unit_is_an_outlier() {
    let mut cases = unit_cases("U-A", "OF-A", 40, 36);
    cases.extend(unit_cases("U-B", "OF-B", 200, 60));
    cases.extend(unit_cases("U-C", "OF-C", 200, 60));
    let out = leniency_outliers(&cases, &AuditConfig::default());
    let a: Vec<_> = out.iter().filter(|o| o.scope == OutlierScope::Unit).collect();
    assert_eq!(a.len(), 1, "{out:?}");
    let a = a[0];
    assert_eq!(a.unit.as_ref().unwrap().as_str(), "U-A");
    assert_eq!(a.direction, Direction::MoreLenient);
    assert_eq!((a.cases, a.lenient, a.share_permille), (40, 36, 900));
    assert_eq!((a.peer_cases, a.peer_lenient, a.peer_share_permille), (400, 120, 300));
    // z = (36 − 12) / √(40·0.3·0.7) = 8.28…
    assert_eq!(a.z_tenths, 82);
    assert!(a.citation().is_known());
    // Close: in line with its peers.
    let mut cases = unit_cases("U-A", "OF-A", 40, 14);
    cases.extend(unit_cases("U-B", "OF-B", 200, 60));
    assert!(leniency_outliers(&cases, &AuditConfig::default()).is_empty());
}

#[test]
fn officers_are_compared_within_their_unit() {
    let mut cases = unit_cases("U-A", "OF-X", 40, 40);
    cases.extend(unit_cases("U-A", "OF-Y", 40, 4));
    cases.extend(unit_cases("U-A", "OF-Z", 40, 4));
    let out = leniency_outliers(&cases, &AuditConfig::default());
    let officers: Vec<(&str, Direction)> = out
        .iter()
        .filter(|o| o.scope == OutlierScope::Officer)
        .map(|o| (o.officer.as_ref().unwrap().as_str(), o.direction))
        .collect();
    assert_eq!(officers[0], ("OF-X", Direction::MoreLenient));
    assert!(officers.contains(&("OF-Y", Direction::LessLenient)), "{officers:?}");
    // Too few decisions to compare.
    let few = AuditConfig { outlier_min_cases: 41, ..AuditConfig::default() };
    assert!(leniency_outliers(&cases, &few).is_empty());
}

#[test]
fn baseline_exemptions_listed() {
    let mut exempt = decided("C1", Tier::NoPenalty, None);
    exempt.safety_baseline = true;
    exempt.ground = Some(Ground::MinorCorrectedNoHarm);
    let mut barred = decided("C2", Tier::NoPenalty, None);
    barred.safety_baseline = true;
    barred.facts.bar = Some(Bar::LimitationExpired);
    let mut penalised = decided("C3", Tier::Lighter, Some(1_000));
    penalised.safety_baseline = true;
    let off_baseline = decided("C4", Tier::NoPenalty, None);
    let mut ordinary = decided("C5", Tier::Ordinary, Some(5_000));
    ordinary.safety_baseline = true;
    let out = baseline_exemptions(&[exempt, barred, penalised, off_baseline, ordinary]);
    // Every lenient tier counts: 不予 and 从轻 alike; 一般 does not.
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].case_id.as_str(), "C1");
    assert_eq!(out[0].ground, Some(Ground::MinorCorrectedNoHarm));
    assert_eq!((out[1].case_id.as_str(), out[1].tier), ("C3", Tier::Lighter));
}

#[test]
fn decided_case_from_a_decision() {
    let cat = catalogue(vec![range_item("A")]);
    let case = case("A")
        .harm(Harm::Slight)
        .correction(Correction::Prompt { on: d(2025, 3, 12) })
        .amounts(rouxing::money::Amounts {
            goods_value: Some(Money::yuan(800)),
            illegal_gains: Some(Money::yuan(300)),
            ..Default::default()
        })
        .officers(vec!["OF-1".parse().unwrap()])
        .build()
        .unwrap();
    let regime = Regime::national();
    let a = assess(&case, &cat, &regime, AS_OF());
    let dec = recommend(&a, &regime);
    let c = DecidedCase::new(&case, &a, &dec);
    assert!(c.first_violation_waiver);
    assert_eq!(c.tier, Tier::NoPenalty);
    assert_eq!(c.amount, Some(Money::yuan(800)));
    assert_eq!(c.officer.as_ref().map(|o| o.as_str()), Some("OF-1"));
    assert_eq!(c.facts.first_violation, FirstViolationStatus::First);
    assert_eq!(c.facts.correction, CorrectionStatus::Prompt);
    assert_eq!(c.facts.harm, Harm::Slight);
    assert_eq!(c.act_on, d(2025, 3, 1));
    let json = serde_json::to_string(&c).unwrap();
    assert_eq!(serde_json::from_str::<DecidedCase>(&json).unwrap(), c);
}

#[test]
fn report_runs_all_checks_and_renders() {
    let mut exempt = decided("C9", Tier::NoPenalty, None);
    exempt.safety_baseline = true;
    let cases =
        vec![decided("C1", Tier::Lighter, Some(2_000)), decided("C2", Tier::Ordinary, Some(5_000)), exempt];
    let r = audit(&cases, &AuditConfig::default());
    assert_eq!(r.consistency.len(), 1);
    assert_eq!(r.baseline_exemptions.len(), 1);
    assert!(!r.is_empty());
    let text = r.to_string();
    assert!(text.contains("同事不同罚：1组"), "{text}");
    assert!(text.contains("C1（从轻处罚）、C2（一般处罚）"), "{text}");
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(serde_json::from_str::<AuditReport>(&json).unwrap(), r);
}

fn arb_case() -> impl Strategy<Value = DecidedCase> {
    (
        0u8..3,
        0u8..2,
        proptest::sample::select(Tier::ALL.to_vec()),
        proptest::option::of(1u64..5_000),
        0u32..1000,
        proptest::option::of(0u64..2_000_000),
    )
        .prop_map(|(item, harm, tier, fine, n, amount)| {
            let mut c = decided(&format!("C{n}"), tier, fine);
            c.item = format!("I{item}").parse().unwrap();
            c.facts.harm = if harm == 0 { Harm::Slight } else { Harm::Harmful };
            c.amount = amount.map(Money::yuan);
            c
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::common::cases(128), ..ProptestConfig::default() })]

    /// R37: a flagged group shares item, facts and amount band and really
    /// diverges; an unflagged group of comparable cases agrees on its tier.
    #[test]
    fn prop_consistency_groups_are_sound(cases in proptest::collection::vec(arb_case(), 0..60).prop_map(|mut v| {
        for (i, c) in v.iter_mut().enumerate() {
            c.case_id = format!("C{i}").parse().unwrap();
        }
        v
    })) {
        let cfg = AuditConfig::default();
        let out = consistency(&cases, &cfg);
        let mut flagged = 0;
        for g in &out {
            prop_assert!(g.cases.len() >= 2);
            flagged += g.cases.len();
            let members: Vec<&DecidedCase> = g.cases.iter().map(|m| cases.iter().find(|c| c.case_id == m.case_id).unwrap()).collect();
            for c in &members {
                prop_assert_eq!(&c.item, &g.item);
                prop_assert_eq!(&c.facts, &g.facts);
                prop_assert_eq!(cfg.band(c.amount), g.amount_band);
            }
            prop_assert!(g.tiers_diverge || g.fines_diverge.is_some());
        }
        prop_assert!(flagged <= cases.len());
        // Pairs with the same key but different tiers are always in a flagged group.
        for (i, x) in cases.iter().enumerate() {
            for y in cases.iter().skip(i + 1) {
                if x.item == y.item && x.facts == y.facts && cfg.band(x.amount) == cfg.band(y.amount) && x.tier != y.tier {
                    prop_assert!(out.iter().any(|g| g.item == x.item && g.facts == x.facts && g.amount_band == cfg.band(x.amount)));
                }
            }
        }
        prop_assert_eq!(consistency(&cases, &cfg), out);
    }

    /// Identical decisions on identical facts are never flagged.
    #[test]
    fn prop_uniform_decisions_are_consistent(n in 0usize..50, tier in proptest::sample::select(Tier::ALL.to_vec())) {
        let cases: Vec<DecidedCase> = (0..n).map(|i| decided(&format!("C{i}"), tier, Some(1_000))).collect();
        prop_assert!(audit(&cases, &AuditConfig::default()).consistency.is_empty());
    }
}

mod batch;
mod oracle;
