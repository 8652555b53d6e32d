//! Benchmarks of the batch pattern detectors (`audit::pattern::patterns`)
//! and the annual evaluation (`evaluation::evaluate`) over a synthetic
//! province-year.

#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "fixed, valid benchmark fixtures; a failure is a broken benchmark"
)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rouxing::assess::Tier;
use rouxing::audit::pattern::{PartyProfile, PatternCase, PatternConfig, Registration, patterns};
use rouxing::audit::{AuditConfig, DecidedCase, FactSignature, audit};
use rouxing::case::Harm;
use rouxing::evaluation::{EvaluatedCase, EvaluationConfig, ProcessRecord, evaluate};
use rouxing::measure::PenaltyKind;
use rouxing::money::Money;
use rouxing::party::PartyId;

/// `n` cases over 2026: 100 units, 50 items, three harm levels, two
/// registrations, a quarter lenient.
fn batch(n: usize) -> Vec<PatternCase> {
    (0..n)
        .map(|i| {
            let day = NaiveDate::from_ymd_opt(2026, 1 + (i % 12) as u32, 1 + (i % 28) as u32).unwrap();
            let tier = if i % 4 == 0 { Tier::Lighter } else { Tier::Ordinary };
            PatternCase {
                decided: DecidedCase {
                    case_id: format!("C-{i}").parse().unwrap(),
                    party: PartyId::new(format!("P-{}", i % 40_000)).unwrap(),
                    item: format!("I-{}", i % 50).parse().unwrap(),
                    unit: Some(format!("U-{}", i % 100).parse().unwrap()),
                    officer: None,
                    act_on: day,
                    decided_on: day,
                    facts: FactSignature::plain([Harm::None, Harm::Slight, Harm::Harmful][i % 3]),
                    amount: None,
                    safety_baseline: false,
                    tier,
                    fine: Some(Money::yuan(2_000)),
                    fine_band: None,
                    mechanisms: Vec::new(),
                    ground: None,
                    first_violation_waiver: false,
                },
                domain: None,
                sanctions: vec![PenaltyKind::Fine],
                correction_ordered: true,
                correction_deadline: day.succ_opt(),
                rechecked_on: None,
                educated: true,
                no_penalty_lawful: false,
                lighter_lawful: i % 3 != 2,
                profile: PartyProfile {
                    registration: Some(if i % 7 == 0 { Registration::NonLocal } else { Registration::Local }),
                    ..PartyProfile::default()
                },
            }
        })
        .collect()
}

/// Measures every pattern detector over 100,000 decisions.
fn bench_patterns(c: &mut Criterion) {
    let cases = batch(100_000);
    let cfg = PatternConfig::default();
    let as_of = NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
    let expected = patterns(&cases, &[], as_of, &cfg).len();
    c.bench_function("pattern/patterns_100k", |b| {
        b.iter(|| {
            let r = patterns(black_box(&cases), &[], as_of, &cfg);
            assert_eq!(r.len(), expected);
            r
        })
    });
}

/// Measures the evaluation of 100 agencies over 100,000 decisions.
fn bench_evaluate(c: &mut Criterion) {
    let cases = batch(100_000);
    let as_of = NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
    let evaluated: Vec<EvaluatedCase> = cases
        .iter()
        .map(|p| EvaluatedCase {
            case_id: p.decided.case_id.clone(),
            agency: p.decided.unit.clone(),
            party: p.decided.party.clone(),
            item: Some(p.decided.item.clone()),
            act_on: p.decided.act_on,
            decided_on: p.decided.decided_on,
            tier: p.decided.tier,
            review_required: p.decided.tier.is_lenient(),
            decision_due: p.decided.decided_on.succ_opt(),
            service_due: p.decided.decided_on,
            follow_up_due: None,
            process: ProcessRecord { delivered_on_pronouncement: true, ..ProcessRecord::default() },
        })
        .collect();
    let decided: Vec<DecidedCase> = cases.iter().map(|p| p.decided.clone()).collect();
    let a = audit(&decided, &AuditConfig::default());
    let p = patterns(&cases, &[], as_of, &PatternConfig::default());
    let cfg = EvaluationConfig::for_year(2026);
    c.bench_function("evaluation/evaluate_100k", |b| {
        b.iter(|| {
            let e = evaluate(black_box(&evaluated), &a, &p, &cfg, as_of);
            assert_eq!(e.len(), 100);
            e
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench_patterns, bench_evaluate
}
criterion_main!(benches);
