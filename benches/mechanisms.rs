//! Benchmarks of the working mechanisms (山丹县实施方案 五) on the bundled
//! example cases.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rouxing::mechanism::credit::{self, CreditPolicy, CreditProfile, FaultCause};
use rouxing::mechanism::guidance::{self, GuidanceRequest};
use rouxing::mechanism::tolerance::{self, TolerancePolicy};
use rouxing::{Case, Catalogue, Regime, assess, recommend};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn load() -> Result<(Catalogue, Case, Case, Case, Case), String> {
    let cat = Catalogue::bundled().map_err(|e| e.to_string())?;
    let case = |text: &str| Case::from_json(text, &cat).map_err(|e| e.to_string());
    let guidance = case(include_str!("../examples/data/mechanisms/guidance-case.json"))?;
    let correction = case(include_str!("../examples/data/mechanisms/correction-case.json"))?;
    let observation = case(include_str!("../examples/data/mechanisms/observation-new-business.json"))?;
    let protected = case(include_str!("../examples/data/mechanisms/protected-case.json"))?;
    Ok((cat, guidance, correction, observation, protected))
}

/// Measures `guidance::plan` (two assessments inside) for an SMS reminder,
/// `tolerance::correction_plan` and `tolerance::observation`, and the credit
/// effect and incentive checks.
fn mechanisms(c: &mut Criterion) {
    let Ok((cat, g_case, c_case, o_case, p_case)) = load() else {
        return;
    };
    let regime = Regime::shandan_sample();
    let Ok(request) = GuidanceRequest::from_json_named(
        "guidance-sms.json",
        include_str!("../examples/data/mechanisms/guidance-sms.json"),
    ) else {
        return;
    };
    c.bench_function("mechanism/guidance/plan/sms", |b| {
        b.iter(|| {
            let out = guidance::plan(
                black_box(&g_case),
                black_box(&cat),
                black_box(&regime),
                black_box(&request),
                &[],
            );
            assert!(out.is_ok_and(|o| o.is_granted()));
        })
    });
    let policy = TolerancePolicy::default();
    c.bench_function("mechanism/tolerance/correction_plan", |b| {
        b.iter(|| {
            let out = tolerance::correction_plan(
                black_box(&c_case),
                black_box(&cat),
                black_box(&regime),
                &policy,
                black_box(day(2025, 3, 12)),
                None,
            );
            assert!(out.is_ok_and(|o| o.is_granted()));
        })
    });
    c.bench_function("mechanism/tolerance/observation", |b| {
        b.iter(|| {
            let out = tolerance::observation(
                black_box(&o_case),
                black_box(&cat),
                black_box(&regime),
                black_box(day(2025, 3, 12)),
            );
            assert!(out.is_ok_and(|o| o.is_granted()));
        })
    });
    let decision = recommend(&assess(&p_case, &cat, &regime, day(2025, 3, 3)), &regime);
    let credit_policy = CreditPolicy::default();
    let cause = FaultCause::Sudden {
        factor: credit::SuddenFactor::NaturalDisaster,
        description: "暴雪停电".to_owned(),
    };
    c.bench_function("mechanism/credit/effect/protected", |b| {
        b.iter(|| {
            let e = credit::effect(
                black_box(&p_case),
                black_box(&decision),
                black_box(&cause),
                &credit_policy,
                &regime,
            );
            assert!(e.is_ok_and(|e| !e.counts_as_dishonesty));
        })
    });
    let Ok(profile) = CreditProfile::from_json_named(
        "credit-profile.json",
        include_str!("../examples/data/mechanisms/credit-profile.json"),
    ) else {
        return;
    };
    c.bench_function("mechanism/credit/incentives/all", |b| {
        b.iter(|| {
            let d = credit::incentives(black_box(&profile), &credit_policy, black_box(day(2025, 6, 1)));
            assert!(d.iter().all(|d| d.granted));
        })
    });
}

criterion_group!(benches, mechanisms);
criterion_main!(benches);
