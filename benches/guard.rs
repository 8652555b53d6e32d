//! Benchmarks of the legality guard (`decide/review`: the checks, on an
//! assessment just made; `decide/review_recomputing`: `guard::review`, which
//! assesses too). The batch audit is in `benches/audit.rs`.

#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "fixed, valid benchmark fixtures; a failure is a broken benchmark"
)]

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rouxing::assess::Tier;
use rouxing::case::{Agency, Case, Correction, Harm};
use rouxing::catalogue::Catalogue;
use rouxing::guard::review_assessed;
use rouxing::measure::PenaltyKind;
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

criterion_group!(benches, bench_review);
criterion_main!(benches);
