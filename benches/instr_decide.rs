//! Instruction counts of the decision path (callgrind, through `gungraun`),
//! over every bundled case: `assess` + `recommend` (trace included), then
//! with `guard::review_assessed`, then with `guard::review` (which assesses
//! again), and bare `assess`. Setup (catalogue, cases, regime) is not counted. Each
//! benchmark runs the 20 bundled cases once: divide by 20 for a case.
//!
//! Needs valgrind and the runner of the same version as the library:
//! `cargo install gungraun-runner --version 0.20.0`, then
//! `cargo bench --bench instr_decide`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs,
    reason = "benchmark harness"
)]

#[path = "support/cases.rs"]
mod cases;

use std::hint::black_box;

use gungraun::{library_benchmark, library_benchmark_group, main};
use rouxing::{Case, Catalogue, Regime, assess, recommend};

/// Leaked, so that dropping the catalogue and cases is not counted.
type Fixture = &'static (Catalogue, Vec<Case>, Regime);

fn fixture() -> Fixture {
    let (cat, cases, regime) = cases::fixture();
    // Build the calendar's lazily computed parts outside the measurement.
    for case in &cases {
        let a = assess(case, &cat, &regime, cases::as_of());
        black_box(recommend(&a, &regime));
    }
    Box::leak(Box::new((cat, cases, regime)))
}

#[library_benchmark]
#[bench::bundled(setup = fixture)]
fn assess_recommend((cat, cases, regime): Fixture) -> usize {
    let mut lenient = 0;
    for case in cases {
        let a = assess(black_box(case), cat, regime, cases::as_of());
        let d = recommend(&a, regime);
        lenient += usize::from(d.tier.is_lenient());
        black_box(d);
    }
    lenient
}

#[library_benchmark]
#[bench::bundled(setup = fixture)]
fn assess_recommend_review((cat, cases, regime): Fixture) -> usize {
    let mut findings = 0;
    for case in cases {
        let a = assess(black_box(case), cat, regime, cases::as_of());
        let d = recommend(&a, regime);
        let r = rouxing::guard::review_assessed(case, &a, regime, &d, None);
        findings += r.findings.len();
        black_box(r);
    }
    findings
}

#[library_benchmark]
#[bench::bundled(setup = fixture)]
fn assess_recommend_review_recomputing((cat, cases, regime): Fixture) -> usize {
    let mut findings = 0;
    for case in cases {
        let a = assess(black_box(case), cat, regime, cases::as_of());
        let d = recommend(&a, regime);
        drop(a);
        let r = rouxing::guard::review(case, cat, regime, &d, None);
        findings += r.findings.len();
        black_box(r);
    }
    findings
}

#[library_benchmark]
#[bench::bundled(setup = fixture)]
fn bare_assess((cat, cases, regime): Fixture) -> usize {
    let mut lawful = 0;
    for case in cases {
        let a = assess(black_box(case), cat, regime, cases::as_of());
        lawful += a.lawful.len();
        black_box(a);
    }
    lawful
}

library_benchmark_group!(
    name = decide,
    benchmarks =
        [assess_recommend, assess_recommend_review, assess_recommend_review_recomputing, bare_assess]
);

main!(library_benchmark_groups = decide);
