//! Benchmarks of the legality guard (`decide/review`: the checks, on an
//! assessment just made; `decide/review_recomputing`: `guard::review`, which
//! assesses too) and the batch audit
//! (`audit::consistency`).

#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "fixed, valid benchmark fixtures; a failure is a broken benchmark"
)]

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rouxing::assess::Tier;
use rouxing::audit::{
    AuditConfig, CorrectionStatus, DecidedCase, FactSignature, FirstViolationStatus, PersonalGround,
    consistency,
};
use rouxing::case::{Agency, AgencyId, Case, Correction, Fault, Gravity, Harm};
use rouxing::catalogue::{Catalogue, ItemCode};
use rouxing::guard::review_assessed;
use rouxing::measure::PenaltyKind;
use rouxing::money::Money;
use rouxing::party::{Party, PartyId};
use rouxing::{Assessment, Decision, Regime, assess, recommend};

fn catalogue() -> Catalogue {
    support::catalogue_of(support::range_item(
        "A-1",
        "经营者不按照规定明码标价",
        &[PenaltyKind::ConfiscateIllegalGains],
    ))
}

/// A first violation with slight harm, corrected promptly, under the
/// Shandan sample regime (legal review of every lenient decision).
fn fixture(harm: Harm) -> (Case, Assessment, Decision, Regime) {
    let case = Case::builder("C-1".parse().unwrap(), "A-1".parse().unwrap())
        .party(Party::legal_person(PartyId::new("P-1").unwrap(), None))
        .agency(Agency {
            id: "AG-1".parse().unwrap(),
            name: "某县市场监督管理局".into(),
            domain: rouxing::catalogue::Domain::MarketRegulation,
        })
        .act_on(support::d(2025, 3, 1))
        .discovered_on(support::d(2025, 3, 10))
        .harm(harm)
        .correction(Correction::Prompt { on: support::d(2025, 3, 12) })
        .build()
        .unwrap();
    let regime = Regime::shandan_sample();
    let a = assess(&case, &catalogue(), &regime, support::d(2025, 4, 1));
    let dec = recommend(&a, &regime);
    (case, a, dec, regime)
}

/// Measures `review` of a recommended 首违不罚 decision (no findings) and of
/// an officer's 不予处罚 on a harmful act with the correction order dropped
/// (several findings).
fn bench_review(c: &mut Criterion) {
    let (case, a, dec, regime) = fixture(Harm::Slight);
    assert_eq!(dec.tier, Tier::NoPenalty);
    c.bench_function("decide/review", |b| {
        b.iter(|| {
            let r =
                review_assessed(black_box(&case), black_box(&a), black_box(&regime), black_box(&dec), None);
            assert!(r.findings.is_empty());
            r
        })
    });
    let cat = catalogue();
    c.bench_function("decide/review_recomputing", |b| {
        b.iter(|| {
            let r = rouxing::guard::review(
                black_box(&case),
                black_box(&cat),
                black_box(&regime),
                black_box(&dec),
                None,
            );
            assert!(r.findings.is_empty());
            r
        })
    });
    let (case, a, mut dec, regime) = fixture(Harm::Harmful);
    dec.tier = Tier::NoPenalty;
    dec.reasons.tier = Tier::NoPenalty;
    dec.sanctions.clear();
    dec.correction = None;
    c.bench_function("decide/review_with_findings", |b| {
        b.iter(|| {
            let r =
                review_assessed(black_box(&case), black_box(&a), black_box(&regime), black_box(&dec), None);
            assert!(!r.is_lawful());
            r
        })
    });
}

/// A small deterministic generator (xorshift64*).
/// 1,000,000 decided cases over 500 items and 2,000 parties: the tier
/// follows the facts, except for one case in two hundred decided one tier
/// away (同事不同罚 to be found).
fn generate(n: usize) -> Vec<DecidedCase> {
    let mut rng = support::Rng(0x9E37_79B9_7F4A_7C15);
    let items: Vec<ItemCode> = (0..500).map(|i| format!("ITEM-{i:03}").parse().unwrap()).collect();
    let parties: Vec<_> = (0..2_000).map(|i| PartyId::new(format!("P-{i:04}")).unwrap()).collect();
    let units: Vec<AgencyId> = (0..20).map(|i| format!("U-{i:02}").parse().unwrap()).collect();
    let harms = [Harm::None, Harm::Slight, Harm::Harmful, Harm::Serious];
    let corrections =
        [CorrectionStatus::None, CorrectionStatus::Prompt, CorrectionStatus::Late, CorrectionStatus::Refused];
    (0..n)
        .map(|i| {
            let item = rng.below(500) as usize;
            let harm = harms[rng.below(4) as usize];
            let correction = corrections[rng.below(4) as usize];
            let first = rng.below(3) != 0;
            let gravity = [Gravity::Minor, Gravity::General, Gravity::Serious][rng.below(3) as usize];
            let amount = (rng.below(2) == 0).then(|| Money::yuan(rng.below(2_000_000)));
            let base = match (harm, correction, first) {
                (Harm::None | Harm::Slight, CorrectionStatus::Prompt, true) => 0,
                (Harm::Serious, _, _) => 4,
                (_, CorrectionStatus::Refused, _) => 4,
                (Harm::Harmful, _, false) => 3,
                (_, CorrectionStatus::Prompt, _) => 2,
                _ => 3,
            };
            let noisy = if rng.below(200) == 0 { 1 } else { 0 };
            let tier = Tier::ALL[(base + noisy).min(4)];
            let fine = (tier != Tier::NoPenalty).then(|| Money::yuan(1_000 * (base as u64 + 1)));
            DecidedCase {
                case_id: format!("C-{i:07}").parse().unwrap(),
                party: parties[rng.below(2_000) as usize].clone(),
                item: items[item].clone(),
                unit: Some(units[rng.below(20) as usize].clone()),
                officer: None,
                act_on: support::d(2024, 1, 1),
                decided_on: support::d(2024, 2, 1),
                facts: FactSignature {
                    natural_person: false,
                    personal: PersonalGround::None,
                    gravity,
                    harm,
                    fault: Fault::Negligent,
                    correction,
                    first_violation: if first {
                        FirstViolationStatus::First
                    } else {
                        FirstViolationStatus::Repeat
                    },
                    mitigating: 0,
                    aggravating: 0,
                    bar: None,
                },
                amount,
                safety_baseline: item % 7 == 0,
                tier,
                fine,
                ground: None,
                first_violation_waiver: false,
            }
        })
        .collect()
}

/// Measures `audit::consistency` over 1,000,000 generated decisions.
fn bench_consistency(c: &mut Criterion) {
    let cases = generate(1_000_000);
    let cfg = AuditConfig::default();
    let expected = consistency(&cases, &cfg).len();
    assert!(expected > 0);
    let mut g = c.benchmark_group("audit");
    g.sample_size(10);
    g.bench_function("consistency_1m", |b| {
        b.iter(|| {
            let out = consistency(black_box(&cases), black_box(&cfg));
            assert_eq!(out.len(), expected);
            out
        })
    });
    g.finish();
}

criterion_group!(benches, bench_review, bench_consistency);
criterion_main!(benches);
