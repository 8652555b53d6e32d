//! Benchmarks of the decision path on the bundled sample cases.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs,
    reason = "benchmark harness"
)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rouxing::{Catalogue, Regime, assess, recommend};

#[path = "support/cases.rs"]
mod cases;

/// Measures `assess` + `recommend`, trace included, over every bundled case
/// (`decide/assess_recommend`), the same with `guard::review_assessed`
/// (`decide/assess_recommend_review`) and `assess` alone (`decide/assess`);
/// the reported time is for the whole set, divide by the number of cases
/// (printed) for the time per case.
fn decide(c: &mut Criterion) {
    let cat = Catalogue::bundled().unwrap();
    let cases = cases::bundled(&cat);
    let regime = Regime::shandan_sample();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    eprintln!("decide/assess_recommend: {} cases per iteration", cases.len());
    c.bench_function("decide/assess_recommend", |b| {
        b.iter(|| {
            let mut lenient = 0usize;
            for case in &cases {
                let a = assess(black_box(case), black_box(&cat), black_box(&regime), as_of);
                let d = recommend(&a, &regime);
                assert!(a.is_lawful(d.tier));
                lenient += usize::from(d.tier.is_lenient());
            }
            black_box(lenient)
        })
    });
    c.bench_function("decide/assess_recommend_review", |b| {
        b.iter(|| {
            let mut passed = 0usize;
            for case in &cases {
                let a = assess(black_box(case), black_box(&cat), black_box(&regime), as_of);
                let d = recommend(&a, &regime);
                let r = rouxing::guard::review_assessed(case, &a, &regime, &d, None);
                passed += usize::from(r.passes());
            }
            black_box(passed)
        })
    });
    c.bench_function("decide/assess", |b| {
        b.iter(|| {
            let mut lenient = 0usize;
            for case in &cases {
                let a = assess(black_box(case), black_box(&cat), black_box(&regime), as_of);
                lenient += usize::from(a.most_lenient().is_lenient());
            }
            black_box(lenient)
        })
    });
    let one = cases.iter().find(|c| c.id().as_str().contains("0017")).unwrap_or(&cases[0]).clone();
    c.bench_function("decide/assess_recommend/first_violation", |b| {
        b.iter(|| {
            let a = assess(black_box(&one), &cat, &regime, as_of);
            let d = recommend(&a, &regime);
            assert!(a.is_lawful(d.tier));
            d
        })
    });
}

criterion_group!(benches, decide);
criterion_main!(benches);
