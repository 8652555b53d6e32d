//! 过渡期 (山丹县实施方案 五(二) "对需要达标整改的给予必要的“过渡性”") as granted by
//! `mechanism::tolerance::transition` and as judged by `guard::review`: a
//! period the crate grants is never flagged by the crate, a period it flags
//! is never granted, and no period ends in a 不予处罚 the statute forbids.

use chrono::NaiveDate;
use proptest::prelude::*;
use rouxing::assess::Assessment;
use rouxing::case::{Case, Correction, Gravity, Harm};
use rouxing::catalogue::Catalogue;
use rouxing::decision::{Decision, Disposition, Procedure, Sanction, procedure_duties};
use rouxing::guard::{FindingCode, Review};
use rouxing::measure::{CorrectionKind, CorrectionOrder, Document, Mechanism, PenaltyKind};
use rouxing::mechanism::tolerance::{self, TransitionPlan, TransitionRequest, TransitionRequirement};
use rouxing::mechanism::{DateWindow, Outcome};
use rouxing::regime::GainsOnNoPenalty;
use rouxing::{Regime, Tier, assess, recommend, review, strategy};

use crate::common::{catalogue, d, range_item};

/// The findings that judge the transition or the outcome it leads to.
const ABOUT_THE_TRANSITION: &[FindingCode] = &[
    FindingCode::TransitionNotAllowed,
    FindingCode::ToleranceOnSafetyBaseline,
    FindingCode::LeniencyOnSafetyBaseline,
    FindingCode::NoPenaltyDespiteHarm,
    FindingCode::FirstViolationForRepeat,
    FindingCode::LeniencyExcluded,
    FindingCode::BelowLawfulSet,
    FindingCode::InconsistentDecision,
    FindingCode::MissingCorrectionOrder,
    FindingCode::MissingEducation,
    FindingCode::MissingConfiscation,
    FindingCode::NoDisposition,
    FindingCode::MissingReasons,
    FindingCode::MissingLegalReview,
    FindingCode::MissingCollectiveDecision,
];

fn about_the_transition(r: &Review) -> Vec<FindingCode> {
    r.findings.iter().map(|f| f.code).filter(|c| ABOUT_THE_TRANSITION.contains(c)).collect()
}

/// The interim decision of a transition period, built from the
/// recommendation as an officer would: the penalty question deferred (不予处罚
/// for now, the gains confiscated where the regime confiscates on 不予处罚), the
/// duties and documents of that outcome, then the plan applied.
fn interim(a: &Assessment, regime: &Regime, recommended: &Decision, plan: &TransitionPlan) -> Decision {
    let mut d = recommended.clone();
    d.tier = Tier::NoPenalty;
    d.disposition = Disposition::NoPenalty;
    let gains = a
        .illegal_gains
        .filter(|_| a.bar.is_none() && regime.readings.gains_on_no_penalty == GainsOnNoPenalty::Confiscate);
    d.sanctions = gains
        .map(|g| vec![Sanction { kind: PenaltyKind::ConfiscateIllegalGains, amount: Some(g) }].into())
        .unwrap_or_default();
    d.reasons.tier = Tier::NoPenalty;
    d.reasons.fine_band = None;
    d.procedure = Procedure::Ordinary;
    d.duties = procedure_duties(a, regime, Tier::NoPenalty, &d.sanctions);
    d.documents = vec![Document::NoPenaltyDecision].into();
    if !d.duties.legal_review.is_empty() {
        d.documents.push(Document::LegalReviewOpinion);
    }
    if d.duties.collective_decision {
        d.documents.push(Document::CollectiveDiscussionRecord);
    }
    tolerance::apply_transition(plan, &d).unwrap()
}

fn request(start: NaiveDate, end: NaiveDate) -> TransitionRequest {
    TransitionRequest {
        standard: "油烟净化设施达到排放标准".to_owned(),
        window: DateWindow::new(start, end).unwrap(),
        milestones: vec![],
    }
}

fn cat() -> Catalogue {
    catalogue(vec![range_item("MR-1")])
}

/// A minor act, not yet corrected, no harm: reaching the standard by the end
/// is a prompt correction and 不予处罚 follows (Art. 33 ¶1 sentence 1).
fn minor() -> Case {
    crate::common::case("MR-1").gravity(Gravity::Minor).harm(Harm::None).build().unwrap()
}

fn granted(case: &Case, regime: &Regime, on: NaiveDate, end: NaiveDate) -> Option<TransitionPlan> {
    match tolerance::transition(case, &cat(), regime, on, &request(on, end)).unwrap() {
        Outcome::Granted { plan, .. } => Some(plan),
        Outcome::Refused { .. } => None,
    }
}

fn reviewed(case: &Case, regime: &Regime, plan: &TransitionPlan) -> Review {
    let a = assess(case, &cat(), regime, plan.decided_on);
    let dec = interim(&a, regime, &recommend(&a, regime), plan);
    review(case, &cat(), regime, &dec, None)
}

#[test]
fn a_granted_period_passes_review() {
    let regime = Regime::national();
    let plan = granted(&minor(), &regime, d(2025, 3, 12), d(2025, 8, 31)).unwrap();
    let r = reviewed(&minor(), &regime, &plan);
    assert!(about_the_transition(&r).is_empty(), "{:#?}", r.findings);
    // Under the county regime too (legal review of every flexible decision,
    // plan 四(三), documented).
    let county = Regime::shandan_sample();
    let plan = granted(&minor(), &county, d(2025, 3, 12), d(2025, 8, 31)).unwrap();
    let r = reviewed(&minor(), &county, &plan);
    assert!(about_the_transition(&r).is_empty(), "{:#?}", r.findings);
}

#[test]
fn no_period_that_ends_in_a_forbidden_no_penalty() {
    // Disagreement found: with harm (危害后果) 不予处罚 is never lawful (Art. 33 ¶1),
    // so the period could only defer a penalty the law requires. It was
    // granted, and the guard flagged the interim decision as 执法放水.
    let regime = Regime::national();
    let harmful = crate::common::case("MR-1").gravity(Gravity::Minor).build().unwrap();
    let out = tolerance::transition(
        &harmful,
        &cat(),
        &regime,
        d(2025, 3, 12),
        &request(d(2025, 3, 12), d(2025, 8, 31)),
    )
    .unwrap();
    let unmet: Vec<_> = out.unmet().map(|c| c.requirement).collect();
    assert_eq!(unmet, vec![TransitionRequirement::LawfulOnCompletion]);
    // An officer who applies a period anyway is flagged, with the law's own
    // finding for the 不予处罚 and the transition's.
    let plan = granted(&minor(), &regime, d(2025, 3, 12), d(2025, 8, 31)).unwrap();
    let a = assess(&harmful, &cat(), &regime, d(2025, 3, 12));
    let dec = interim(&a, &regime, &recommend(&a, &regime), &plan);
    let r = review(&harmful, &cat(), &regime, &dec, None);
    let codes = about_the_transition(&r);
    assert!(codes.contains(&FindingCode::NoPenaltyDespiteHarm), "{codes:?}");
    assert!(codes.contains(&FindingCode::TransitionNotAllowed), "{codes:?}");
    // Slight harm on a first violation ends in 首违不罚 (Art. 33 ¶1 sentence 2):
    // granted.
    let slight = crate::common::case("MR-1").harm(Harm::Slight).build().unwrap();
    assert!(granted(&slight, &regime, d(2025, 3, 12), d(2025, 8, 31)).is_some());
}

#[test]
fn the_label_alone_never_passes() {
    // Disagreement found: the guard judged only the safety baseline; a
    // decision marked 过渡期 that a plan would refuse must be flagged.
    let regime = Regime::national();
    let plan = granted(&minor(), &regime, d(2025, 3, 12), d(2025, 8, 31)).unwrap();
    let a = assess(&minor(), &cat(), &regime, d(2025, 3, 12));
    let mut dec = interim(&a, &regime, &recommend(&a, &regime), &plan);
    // A period beyond the regime's six months from the decision.
    dec.correction =
        Some(CorrectionOrder { kind: CorrectionKind::WithinDeadline, deadline: Some(d(2025, 9, 13)) });
    let r = review(&minor(), &cat(), &regime, &dec, None);
    assert!(r.has(FindingCode::TransitionNotAllowed), "{:#?}", r.findings);
    // No end at all.
    dec.correction = Some(CorrectionOrder { kind: CorrectionKind::Immediate, deadline: None });
    let r = review(&minor(), &cat(), &regime, &dec, None);
    assert!(r.has(FindingCode::TransitionNotAllowed), "{:#?}", r.findings);
    // Correction refused (拒不改正).
    let refused = minor().to_builder().correction(Correction::Refused).build().unwrap();
    assert!(granted(&refused, &regime, d(2025, 3, 12), d(2025, 8, 31)).is_none());
    let a = assess(&refused, &cat(), &regime, d(2025, 3, 12));
    let dec = interim(&a, &regime, &recommend(&a, &regime), &plan);
    let r = review(&refused, &cat(), &regime, &dec, None);
    assert!(r.has(FindingCode::TransitionNotAllowed), "{:#?}", r.findings);
}

#[test]
fn the_maximum_counts_from_the_decision() {
    // Disagreement found: the plan counted the six months from the window's
    // start, the decision defers the penalty from the decision day.
    let regime = Regime::national();
    let out = tolerance::transition(
        &minor(),
        &cat(),
        &regime,
        d(2025, 3, 12),
        &request(d(2025, 4, 1), d(2025, 9, 20)),
    )
    .unwrap();
    let unmet: Vec<_> = out.unmet().map(|c| c.requirement).collect();
    assert_eq!(unmet, vec![TransitionRequirement::WithinMaximum]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(96)))]

    /// Whatever the case, a period `transition` grants, applied to the
    /// interim decision, draws no finding about the transition; and the
    /// guard's judgement of a marked decision agrees with the plan's
    /// requirements.
    #[test]
    fn prop_transition_and_guard_agree(
        (cat, case, regime, as_of) in strategy::assessment_inputs(),
        days in 0u64..=220,
    ) {
        let req = crate::common::transition_request(as_of, days);
        let out = tolerance::transition(&case, &cat, &regime, as_of, &req).unwrap();
        let a = assess(&case, &cat, &regime, as_of);
        let recommended = recommend(&a, &regime);
        if recommended.disposition == Disposition::Transfer {
            prop_assert!(out.plan().is_none());
            return Ok(());
        }
        let plan = match &out {
            Outcome::Granted { plan, .. } => plan.clone(),
            // A plan for the same window, as an officer would apply it
            // regardless of the refusal.
            Outcome::Refused { .. } => TransitionPlan {
                case_id: case.id().clone(),
                party: case.party().id().clone(),
                decided_on: as_of,
                standard: "达标".to_owned(),
                window: req.window,
                milestones: vec![],
                order: CorrectionOrder { kind: CorrectionKind::WithinDeadline, deadline: Some(req.window.end()) },
                during: vec![],
                after_lapse: vec![],
                citations: vec![],
            },
        };
        let dec = interim(&a, &regime, &recommended, &plan);
        prop_assert!(dec.mechanisms.contains(&Mechanism::TransitionPeriod));
        let r = review(&case, &cat, &regime, &dec, None);
        let about = about_the_transition(&r);
        if out.plan().is_some() {
            prop_assert!(about.is_empty(), "granted, yet flagged: {:#?}", r.findings);
            // Never a period whose end is a 不予处罚 the statute forbids: with
            // harm, only a ground that needs no correction (Arts. 30, 31, 33 ¶2)
            // makes it lawful, and then it is lawful already.
            if case.harm() > Harm::Slight {
                prop_assert!(a.is_lawful(Tier::NoPenalty), "granted with harm: {:?}", case.harm());
            }
        } else {
            let unmet: Vec<_> = out.unmet().map(|c| c.requirement).collect();
            let only_rectified = unmet.iter().all(|u| *u == TransitionRequirement::NeedsRectification);
            if !only_rectified {
                prop_assert!(!about.is_empty(), "refused ({unmet:?}), yet passed: {:#?}", r.findings);
            }
        }
    }
}

/// Where a decided period fails more than one requirement, the finding is
/// that of the failure that defers a penalty the law requires (unlawful),
/// not that of a period longer than the regime's maximum (irregular: the
/// maximum is a local knob). A harmful act under a seven-month period fails
/// both `WithinMaximum` and `LawfulOnCompletion` (Art. 33 ¶1: with harm no
/// 不予处罚 follows).
#[test]
fn the_worst_unmet_requirement_decides_the_finding() {
    use rouxing::guard::Severity;
    use rouxing::measure::CorrectionKind;
    let regime = Regime::national();
    let harmful = crate::common::case("MR-1").gravity(Gravity::Minor).build().unwrap();
    let long = d(2025, 10, 13);
    let out =
        tolerance::transition(&harmful, &cat(), &regime, d(2025, 3, 12), &request(d(2025, 3, 12), long))
            .unwrap();
    let unmet: Vec<_> = out.unmet().map(|c| c.requirement).collect();
    assert_eq!(unmet, [TransitionRequirement::WithinMaximum, TransitionRequirement::LawfulOnCompletion]);
    let lawful_on_completion = out.unmet().nth(1).unwrap().citation;
    let plan = granted(&minor(), &regime, d(2025, 3, 12), d(2025, 8, 31)).unwrap();
    let a = assess(&harmful, &cat(), &regime, d(2025, 3, 12));
    let mut dec = interim(&a, &regime, &recommend(&a, &regime), &plan);
    dec.correction = Some(CorrectionOrder { kind: CorrectionKind::WithinDeadline, deadline: Some(long) });
    let r = review(&harmful, &cat(), &regime, &dec, None);
    let f = r.get(FindingCode::TransitionNotAllowed).unwrap();
    assert_eq!((f.severity, f.citation.citation()), (Severity::Unlawful, Some(lawful_on_completion)), "{r}");
}

/// On an item on the safety baseline (山丹县实施方案 五(二): tolerance only for
/// matters "不触碰安全底线") the baseline has its own finding,
/// `ToleranceOnSafetyBaseline`; the transition's finding then judges only
/// the period's other requirements: none where they hold, the irregular
/// maximum where the period is too long.
#[test]
fn a_period_on_the_safety_baseline_is_judged_by_its_other_requirements() {
    use rouxing::guard::Severity;
    use rouxing::measure::CorrectionKind;
    let regime = Regime::national();
    let mut item = range_item("MR-1");
    item.safety_baseline = true;
    let baseline = catalogue(vec![item]);
    let plan = granted(&minor(), &regime, d(2025, 3, 12), d(2025, 8, 31)).unwrap();
    let a = assess(&minor(), &baseline, &regime, d(2025, 3, 12));
    let mut dec = interim(&a, &regime, &recommend(&a, &regime), &plan);
    let r = review(&minor(), &baseline, &regime, &dec, None);
    assert!(r.has(FindingCode::ToleranceOnSafetyBaseline), "{r}");
    assert!(!r.has(FindingCode::TransitionNotAllowed), "{r}");
    dec.correction =
        Some(CorrectionOrder { kind: CorrectionKind::WithinDeadline, deadline: Some(d(2025, 9, 13)) });
    let r = review(&minor(), &baseline, &regime, &dec, None);
    assert!(r.has(FindingCode::ToleranceOnSafetyBaseline), "{r}");
    assert_eq!(
        r.get(FindingCode::TransitionNotAllowed).map(|f| f.severity),
        Some(Severity::Irregular),
        "{r}"
    );
}
