//! 容错纠错机制 (山丹县实施方案 五(二)): "在法定权限、范围内给予行政相对人容错纠错的空间，可以依法
//! 不处罚、只纠正。对不触碰安全底线的新领域适当给予一定的“观察期”，对需要达标整改的给予必要的“过渡性”".

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use rouxing::calendar::Period;
use rouxing::case::{Case, Context, Correction, Gravity, Harm};
use rouxing::catalogue::Catalogue;
use rouxing::law::{Citation, Instrument};
use rouxing::measure::{CorrectionKind, Document, Mechanism};
use rouxing::mechanism::tolerance::{
    self, Allowance, CommitmentUse, CorrectionPlan, CorrectionRequirement, CorrectionStatus,
    EnforcementAction, LapseReason, Milestone, MilestoneMet, ObservationRequirement, Progress,
    TolerancePolicy, TransitionLapse, TransitionPlan, TransitionProgress, TransitionRequest,
    TransitionRequirement, TransitionStatus, Verification,
};
use rouxing::mechanism::{DateWindow, Outcome, TOLERANCE};
use rouxing::party::{Party, PartyId};
use rouxing::{Regime, Tier, assess, recommend, strategy};

use crate::common::{catalogue, d, range_item};

fn cat() -> Catalogue {
    let mut baseline = range_item("SAFE-1");
    baseline.safety_baseline = true;
    catalogue(vec![range_item("MR-1"), baseline])
}

fn minor(item: &str) -> Case {
    crate::common::case(item)
        .gravity(Gravity::Minor)
        .harm(Harm::None)
        .correction(Correction::None)
        .build()
        .unwrap()
}

fn plan_for(case: &Case, deadline: Option<NaiveDate>) -> CorrectionPlan {
    let out = tolerance::correction_plan(
        case,
        &cat(),
        &Regime::national(),
        &TolerancePolicy::default(),
        d(2025, 3, 12),
        deadline,
    )
    .unwrap();
    match out {
        Outcome::Granted { plan, .. } => plan,
        Outcome::Refused { checks } => panic!("refused: {checks:#?}"),
    }
}

#[test]
fn no_penalty_only_correction() {
    // "可以依法不处罚、只纠正"
    let plan = plan_for(&minor("MR-1"), None);
    assert_eq!(plan.order.kind, CorrectionKind::WithinDeadline);
    // 2025-03-12 + 15 days = 2025-03-27, a Thursday.
    assert_eq!(plan.order.deadline, Some(d(2025, 3, 27)));
    assert_eq!(plan.moved_from, None);
    // Re-inspection within five working days after the deadline.
    assert_eq!(plan.reinspect_by, d(2025, 4, 3));
    assert_eq!(plan.commitment, CommitmentUse::NotUsed);
    assert_eq!(plan.documents, vec![Document::CorrectionNotice, Document::NoPenaltyDecision]);
    assert!(plan.citations.contains(&TOLERANCE));
    assert!(plan.citations.contains(&Citation::apl(33).para(3)));
    assert!(plan.citations.iter().all(|c| c.is_known()));
}

#[test]
fn deadline_counted_with_the_calendar() {
    // Decided 2025-09-16: + 15 days = 2025-10-01 (National Day) → 2025-10-09.
    let case = minor("MR-1").to_builder().discovered_on(d(2025, 9, 10)).build().unwrap();
    let out = tolerance::correction_plan(
        &case,
        &cat(),
        &Regime::national(),
        &TolerancePolicy::default(),
        d(2025, 9, 16),
        None,
    )
    .unwrap();
    let plan = out.plan().unwrap();
    assert_eq!(plan.order.deadline, Some(d(2025, 10, 9)));
    assert_eq!(plan.moved_from, Some(d(2025, 10, 1)));
    assert!(plan.citations.contains(&Citation::new(Instrument::CivilCode, 203).para(1)));
    // An officer's deadline is kept as given.
    assert_eq!(plan_for(&minor("MR-1"), Some(d(2025, 3, 20))).deadline(), d(2025, 3, 20));
}

#[test]
fn commitment_letter_where_the_regime_uses_it() {
    let policy = TolerancePolicy { commitment: CommitmentUse::Required, ..TolerancePolicy::default() };
    let case = minor("MR-1").to_builder().context(vec![Context::CommitmentSigned]).build().unwrap();
    let out = tolerance::correction_plan(&case, &cat(), &Regime::national(), &policy, d(2025, 3, 12), None)
        .unwrap();
    let plan = out.plan().unwrap();
    assert!(plan.documents.contains(&Document::CommitmentLetter));
    assert!(plan.commitment_signed);
}

#[test]
fn met_plan_closes_with_education() {
    let plan = plan_for(&minor("MR-1"), None);
    let done =
        Progress::Corrected { on: d(2025, 3, 20), verification: Verification::Passed { on: d(2025, 3, 28) } };
    let s = tolerance::follow_up(&plan, &done, d(2025, 3, 30)).unwrap();
    assert_eq!(s, CorrectionStatus::Closed { corrected_on: d(2025, 3, 20), verified_on: d(2025, 3, 28) });
    assert!(s.citations().contains(&Citation::apl(33).para(3)));
    assert!(s.legal_name().contains("对当事人进行教育"));
    assert_eq!(s.reassessment(&minor("MR-1")).unwrap(), None);
}

#[test]
fn lapsed_plan_takes_the_ordinary_path() {
    let case = minor("MR-1");
    let plan = plan_for(&case, None);
    let deadline = plan.deadline();
    let cases = [
        (Progress::NotCorrected, d(2025, 3, 28), LapseReason::NotCorrected, Correction::None),
        (
            Progress::Corrected {
                on: d(2025, 3, 28),
                verification: Verification::Passed { on: d(2025, 3, 29) },
            },
            d(2025, 3, 30),
            LapseReason::CorrectedLate,
            Correction::Late { on: d(2025, 3, 28) },
        ),
        (Progress::Refused { on: d(2025, 3, 14) }, d(2025, 3, 14), LapseReason::Refused, Correction::Refused),
        (
            Progress::Corrected {
                on: d(2025, 3, 20),
                verification: Verification::Failed { on: d(2025, 3, 28) },
            },
            d(2025, 3, 28),
            LapseReason::FailedVerification,
            Correction::None,
        ),
    ];
    for (progress, on, reason, correction) in cases {
        let s = tolerance::follow_up(&plan, &progress, on).unwrap();
        assert_eq!(s, CorrectionStatus::Lapsed { reason, reassess_with: correction });
        // R13: reassessed with the correction as it happened, no 不予处罚 remains.
        let again = s.reassessment(&case).unwrap().unwrap();
        assert_eq!(again.correction(), correction);
        let a = assess(&again, &cat(), &Regime::national(), on);
        assert!(!a.is_lawful(Tier::NoPenalty), "{reason}");
    }
    // Before the deadline: pending; corrected in time, not yet inspected: awaiting.
    assert_eq!(
        tolerance::follow_up(&plan, &Progress::NotCorrected, deadline).unwrap(),
        CorrectionStatus::Pending { deadline }
    );
    let waiting = Progress::Corrected { on: d(2025, 3, 20), verification: Verification::Pending };
    assert_eq!(
        tolerance::follow_up(&plan, &waiting, d(2025, 4, 10)).unwrap(),
        CorrectionStatus::AwaitingVerification {
            corrected_on: d(2025, 3, 20),
            reinspect_by: plan.reinspect_by,
            overdue: true
        }
    );
}

#[test]
fn correction_only_refused_where_the_law_requires_a_penalty() {
    let harmful = minor("MR-1").to_builder().harm(Harm::Harmful).build().unwrap();
    let out = tolerance::correction_plan(
        &harmful,
        &cat(),
        &Regime::national(),
        &TolerancePolicy::default(),
        d(2025, 3, 12),
        None,
    )
    .unwrap();
    let unmet: Vec<_> = out.unmet().map(|c| c.requirement).collect();
    assert_eq!(unmet, vec![CorrectionRequirement::NoPenaltyLawful]);
    let refused = minor("MR-1").to_builder().correction(Correction::Refused).build().unwrap();
    let out = tolerance::correction_plan(
        &refused,
        &cat(),
        &Regime::national(),
        &TolerancePolicy::default(),
        d(2025, 3, 12),
        None,
    )
    .unwrap();
    assert!(out.unmet().any(|c| c.requirement == CorrectionRequirement::NotRefused));
}

#[test]
fn applying_the_correction_plan() {
    let regime = Regime::national();
    let case =
        minor("MR-1").to_builder().correction(Correction::Prompt { on: d(2025, 3, 11) }).build().unwrap();
    let plan = plan_for(&case, None);
    assert_eq!(plan.order.kind, CorrectionKind::Immediate);
    let dec = recommend(&assess(&case, &cat(), &regime, d(2025, 3, 12)), &regime);
    let after = tolerance::apply_correction(&plan, &dec).unwrap();
    assert!(after.mechanisms.contains(&Mechanism::CorrectionOnly));
    assert!(after.education);
    assert_eq!(after.sanctions, dec.sanctions);
    let harmful = minor("MR-1").to_builder().harm(Harm::Harmful).build().unwrap();
    let pen = recommend(&assess(&harmful, &cat(), &regime, d(2025, 3, 12)), &regime);
    assert_eq!(
        tolerance::apply_correction(&plan, &pen).unwrap_err().to_string(),
        "decision for case `C-1` imposes a penalty: this mechanism withholds the penalty"
    );
}

fn new_business(item: &str, registered: NaiveDate) -> Case {
    minor(item)
        .to_builder()
        .party(Party::legal_person(PartyId::new("ORG-NEW").unwrap(), Some(registered)))
        .context(vec![Context::NewBusinessForm])
        .build()
        .unwrap()
}

#[test]
fn observation_period_for_a_new_business_form() {
    // Registered 2024-06-01; the regime's period is one year: to 2025-06-01.
    let case = new_business("MR-1", d(2024, 6, 1));
    let out = tolerance::observation(&case, &cat(), &Regime::national(), d(2025, 3, 12)).unwrap();
    let period = out.plan().unwrap();
    assert_eq!(period.window, DateWindow::new(d(2024, 6, 1), d(2025, 6, 1)).unwrap());
    assert_eq!(period.period, Period::Years(1));
    assert_eq!(period.order.deadline, Some(d(2025, 3, 27)));
    assert!(
        period.citations.contains(&Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 55))
    );
    // Three years in a regime that says so (the Nanjing example).
    let mut regime = Regime::national();
    regime.observation_period = Period::Years(3);
    let old = new_business("MR-1", d(2022, 6, 1));
    assert!(tolerance::observation(&old, &cat(), &regime, d(2025, 3, 12)).unwrap().is_granted());
    // Outside the window: refused.
    let out = tolerance::observation(&old, &cat(), &Regime::national(), d(2025, 3, 12)).unwrap();
    let unmet: Vec<_> = out.unmet().map(|c| c.requirement).collect();
    assert_eq!(unmet, vec![ObservationRequirement::WithinWindow]);
}

#[test]
fn no_observation_period_on_the_safety_baseline() {
    let case = new_business("SAFE-1", d(2024, 6, 1));
    let out = tolerance::observation(&case, &cat(), &Regime::national(), d(2025, 3, 12)).unwrap();
    let unmet: Vec<_> = out.unmet().collect();
    assert_eq!(unmet.len(), 1);
    assert_eq!(unmet[0].requirement, ObservationRequirement::OffSafetyBaseline);
    assert_eq!(unmet[0].detail, "事项SAFE-1触碰安全底线");
    assert_eq!(unmet[0].citation, TOLERANCE);
}

#[test]
fn observation_refusals() {
    use ObservationRequirement as O;
    let ask = |c: &Case| -> Vec<O> {
        tolerance::observation(c, &cat(), &Regime::national(), d(2025, 3, 12))
            .unwrap()
            .unmet()
            .map(|c| c.requirement)
            .collect()
    };
    assert_eq!(ask(&minor("MR-1")), vec![O::NewField, O::Registered, O::WithinWindow]);
    let serious = new_business("MR-1", d(2024, 6, 1)).to_builder().gravity(Gravity::Serious).build().unwrap();
    assert!(ask(&serious).contains(&O::GeneralViolation));
    let harmful = new_business("MR-1", d(2024, 6, 1)).to_builder().harm(Harm::Harmful).build().unwrap();
    assert_eq!(ask(&harmful), vec![O::NoPenaltyLawful]);
}

fn criminal(kind: rouxing::case::CriminalOutcomeKind) -> rouxing::case::CriminalOutcome {
    rouxing::case::CriminalOutcome {
        by: "某县人民检察院".into(),
        on: d(2025, 3, 8),
        kind,
        criminal_fine: None,
        custody: None,
    }
}

/// Art. 27 ¶1: "对依法不需要追究刑事责任或者免予刑事处罚，但应当给予行政处罚的，司法机关应当及时将案件
/// 移送有关行政机关" — a case returned after the transfer is decided as one never
/// transferred, and the 容错 measures open to it as they would; a pending
/// transfer or a judgment still refuses them.
#[test]
fn tolerance_after_a_returned_transfer() {
    use ObservationRequirement as O;
    use rouxing::case::{CrimeSuspicion, CriminalOutcomeKind as K};
    let regime = Regime::national();
    let on = d(2025, 3, 12);
    let ask = |c: &Case| -> Vec<O> {
        tolerance::observation(c, &cat(), &regime, on).unwrap().unmet().map(|c| c.requirement).collect()
    };
    let plain = new_business("MR-1", d(2024, 6, 1));
    let suspected = plain.to_builder().crime(CrimeSuspicion::Suspected);
    assert!(ask(&plain).is_empty());
    for kind in [K::NotProsecuted, K::Exempted, K::CaseWithdrawn] {
        let back = suspected.clone().criminal_outcome(criminal(kind)).build().unwrap();
        assert_eq!(ask(&back), ask(&plain), "{kind}");
        let out = tolerance::observation(&back, &cat(), &regime, on).unwrap();
        let general = out.checks().iter().find(|c| c.requirement == O::GeneralViolation).unwrap();
        assert!(general.detail.contains(kind.legal_name()), "{}", general.detail);
        // 不罚只纠正 opens too.
        let correction = tolerance::correction_plan(
            &minor("MR-1")
                .to_builder()
                .crime(CrimeSuspicion::Suspected)
                .criminal_outcome(criminal(kind))
                .build()
                .unwrap(),
            &cat(),
            &regime,
            &TolerancePolicy::default(),
            on,
            None,
        )
        .unwrap();
        assert!(correction.is_granted(), "{kind}");
    }
    let pending = suspected.clone().build().unwrap();
    assert!(ask(&pending).contains(&O::GeneralViolation));
    let judged = suspected.criminal_outcome(criminal(K::Judgment)).build().unwrap();
    assert!(ask(&judged).contains(&O::GeneralViolation));
    let pending_correction = minor("MR-1").to_builder().crime(CrimeSuspicion::Suspected).build().unwrap();
    let refused = tolerance::correction_plan(
        &pending_correction,
        &cat(),
        &regime,
        &TolerancePolicy::default(),
        on,
        None,
    )
    .unwrap();
    assert!(!refused.is_granted());
}

#[test]
fn applying_an_observation_period() {
    let regime = Regime::national();
    let case = new_business("MR-1", d(2024, 6, 1))
        .to_builder()
        .correction(Correction::Prompt { on: d(2025, 3, 11) })
        .build()
        .unwrap();
    let out = tolerance::observation(&case, &cat(), &regime, d(2025, 3, 12)).unwrap();
    let dec = recommend(&assess(&case, &cat(), &regime, d(2025, 3, 12)), &regime);
    let after = tolerance::apply_observation(out.plan().unwrap(), &dec).unwrap();
    assert!(after.mechanisms.contains(&Mechanism::ObservationPeriod));
    assert!(after.sanctions.is_empty());
}

fn transition_request() -> TransitionRequest {
    TransitionRequest {
        standard: "油烟净化设施达到排放标准".to_owned(),
        window: DateWindow::new(d(2025, 3, 12), d(2025, 8, 31)).unwrap(),
        milestones: vec![
            Milestone { due: d(2025, 5, 31), task: "完成设备选型和采购".to_owned() },
            Milestone { due: d(2025, 7, 31), task: "完成安装调试".to_owned() },
        ],
    }
}

fn transition_plan() -> TransitionPlan {
    let case = minor("MR-1");
    let out =
        tolerance::transition(&case, &cat(), &Regime::national(), d(2025, 3, 12), &transition_request())
            .unwrap();
    match out {
        Outcome::Granted { plan, .. } => plan,
        Outcome::Refused { checks } => panic!("{checks:#?}"),
    }
}

#[test]
fn transition_period_to_reach_a_standard() {
    // "对需要达标整改的给予必要的“过渡性”"
    let plan = transition_plan();
    assert_eq!(plan.order.deadline, Some(d(2025, 8, 31)));
    let during = |a: EnforcementAction| plan.during.iter().find(|p| p.action == a).unwrap().allowance;
    assert_eq!(during(EnforcementAction::Penalty), Allowance::Deferred);
    assert_eq!(during(EnforcementAction::MilestoneInspection), Allowance::Required);
    assert_eq!(during(EnforcementAction::CoerciveMeasure), Allowance::OnlyIfNecessary);
    let after = |a: EnforcementAction| plan.after_lapse.iter().find(|p| p.action == a).unwrap().allowance;
    assert_eq!(after(EnforcementAction::Penalty), Allowance::AsReassessed);
    for p in plan.during.iter().chain(&plan.after_lapse) {
        assert!(p.citation.is_known(), "{}", p.citation);
    }
    // Status as time goes on.
    let mut progress = TransitionProgress::default();
    assert_eq!(
        tolerance::transition_status(&plan, &progress, d(2025, 4, 1)).unwrap(),
        TransitionStatus::Running { next_due: Some(d(2025, 5, 31)) }
    );
    assert_eq!(
        tolerance::transition_status(&plan, &progress, d(2025, 6, 1)).unwrap(),
        TransitionStatus::Lapsed {
            lapse: TransitionLapse::MissedMilestone { index: 0, due: d(2025, 5, 31) },
            reassess_with: Correction::None
        }
    );
    progress.met.push(MilestoneMet { index: 0, on: d(2025, 5, 20) });
    assert_eq!(
        tolerance::transition_status(&plan, &progress, d(2025, 6, 1)).unwrap(),
        TransitionStatus::Running { next_due: Some(d(2025, 7, 31)) }
    );
    progress.met.push(MilestoneMet { index: 1, on: d(2025, 7, 30) });
    assert_eq!(
        tolerance::transition_status(&plan, &progress, d(2025, 9, 1)).unwrap(),
        TransitionStatus::Lapsed {
            lapse: TransitionLapse::EndPassed { end: d(2025, 8, 31) },
            reassess_with: Correction::None
        }
    );
    progress.standard_reached_on = Some(d(2025, 8, 20));
    assert_eq!(
        tolerance::transition_status(&plan, &progress, d(2025, 9, 1)).unwrap(),
        TransitionStatus::Completed {
            on: d(2025, 8, 20),
            reassess_with: Correction::Prompt { on: d(2025, 8, 20) }
        }
    );
}

#[test]
fn transition_refusals() {
    let ask = |c: &Case, r: &TransitionRequest| -> Vec<TransitionRequirement> {
        tolerance::transition(c, &cat(), &Regime::national(), d(2025, 3, 12), r)
            .unwrap()
            .unmet()
            .map(|c| c.requirement)
            .collect()
    };
    let safe = minor("SAFE-1");
    assert_eq!(ask(&safe, &transition_request()), vec![TransitionRequirement::OffSafetyBaseline]);
    let long = TransitionRequest {
        window: DateWindow::new(d(2025, 3, 12), d(2025, 9, 13)).unwrap(),
        ..transition_request()
    };
    let case = minor("MR-1");
    assert_eq!(ask(&case, &long), vec![TransitionRequirement::WithinMaximum]);
    let done = case.to_builder().correction(Correction::Prompt { on: d(2025, 3, 11) }).build().unwrap();
    assert_eq!(ask(&done, &transition_request()), vec![TransitionRequirement::NeedsRectification]);
}

#[test]
fn applying_a_transition_plan() {
    let regime = Regime::national();
    let plan = transition_plan();
    let case = minor("MR-1");
    let mut dec = recommend(&assess(&case, &cat(), &regime, d(2025, 3, 12)), &regime);
    assert!(tolerance::apply_transition(&plan, &dec).is_err());
    // The interim decision withholds the penalty.
    dec.sanctions.clear();
    dec.disposition = rouxing::decision::Disposition::NoPenalty;
    let after = tolerance::apply_transition(&plan, &dec).unwrap();
    assert!(after.mechanisms.contains(&Mechanism::TransitionPeriod));
    assert_eq!(after.correction.and_then(|c| c.deadline), Some(d(2025, 8, 31)));
}

#[test]
fn bad_input_is_an_error() {
    let regime = Regime::national();
    let policy = TolerancePolicy::default();
    let case = minor("MR-1");
    let err = |r: Result<_, tolerance::ToleranceError>| {
        r.map(|_: Outcome<CorrectionPlan, _>| ()).unwrap_err().to_string()
    };
    assert_eq!(
        err(tolerance::correction_plan(
            &case,
            &cat(),
            &regime,
            &policy,
            d(2025, 3, 12),
            Some(d(2025, 3, 11))
        )),
        "deadline `2025-03-11` is before the decision on `2025-03-12`"
    );
    assert_eq!(
        err(tolerance::correction_plan(&case, &cat(), &regime, &policy, d(2025, 3, 9), None)),
        "decision on `2025-03-09` is before the case was discovered on `2025-03-10`"
    );
    let plan = plan_for(&case, None);
    let e = |p: Progress, on| tolerance::follow_up(&plan, &p, on).unwrap_err().to_string();
    assert_eq!(
        e(Progress::NotCorrected, d(2025, 3, 1)),
        "as-of date `2025-03-01` is before the decision on `2025-03-12`"
    );
    assert_eq!(
        e(Progress::Corrected { on: d(2025, 3, 20), verification: Verification::Pending }, d(2025, 3, 19)),
        "field `corrected.on` is `2025-03-20`, after the as-of date `2025-03-19`"
    );
    assert_eq!(
        e(
            Progress::Corrected {
                on: d(2025, 3, 20),
                verification: Verification::Passed { on: d(2025, 3, 18) }
            },
            d(2025, 3, 25)
        ),
        "re-inspection on `2025-03-18` is before the correction on `2025-03-20`"
    );
    // A window with end before start.
    let json = r#"{"standard": "达标", "window": {"start": "2025-08-31", "end": "2025-03-12"}}"#;
    let load = TransitionRequest::from_json_named("t.json", json).unwrap_err();
    assert_eq!(
        load.to_string(),
        "t.json line 1 column 78, field `window`: window end `2025-03-12` is before its start `2025-08-31`"
    );
    let tcase = minor("MR-1");
    let t = |r: &TransitionRequest| {
        tolerance::transition(&tcase, &cat(), &regime, d(2025, 3, 12), r).map(|_| ()).unwrap_err().to_string()
    };
    let mut r = transition_request();
    r.window = DateWindow::new(d(2025, 3, 1), d(2025, 8, 31)).unwrap();
    assert_eq!(t(&r), "transition period starting `2025-03-01` begins before the decision on `2025-03-12`");
    let mut r = transition_request();
    r.milestones[1].due = d(2025, 9, 30);
    assert_eq!(
        t(&r),
        "milestone `1` due `2025-09-30` falls outside the transition period `2025-03-12至2025-08-31`"
    );
    let mut r = transition_request();
    r.milestones[1].due = d(2025, 5, 31);
    assert_eq!(t(&r), "milestone `1` due `2025-05-31` is not after the previous milestone due `2025-05-31`");
    let mut r = transition_request();
    r.standard = String::new();
    assert_eq!(t(&r), "field `standard` must not be empty");
    let mut r = transition_request();
    r.milestones[0].task = " ".into();
    assert_eq!(t(&r), "field `milestones.task` must not be empty");
    let tp = transition_plan();
    let progress = TransitionProgress {
        met: vec![MilestoneMet { index: 7, on: d(2025, 4, 1) }],
        standard_reached_on: None,
    };
    assert_eq!(
        tolerance::transition_status(&tp, &progress, d(2025, 4, 2)).unwrap_err().to_string(),
        "milestone `7` is not in the plan"
    );
    let progress = TransitionProgress { met: vec![], standard_reached_on: Some(d(2025, 5, 1)) };
    assert_eq!(
        tolerance::transition_status(&tp, &progress, d(2025, 4, 2)).unwrap_err().to_string(),
        "field `standard_reached_on` is `2025-05-01`, after the as-of date `2025-04-02`"
    );
    let mut wrong = recommend(&assess(&case, &cat(), &regime, d(2025, 3, 12)), &regime);
    wrong.case_id = "C-7".parse().unwrap();
    assert_eq!(
        tolerance::apply_correction(&plan, &wrong).unwrap_err().to_string(),
        "plan is for case `C-1` but the decision is for case `C-7`"
    );
    assert_eq!(
        tolerance::ToleranceError::DateOutOfRange { from: d(2025, 1, 1) }.to_string(),
        "date arithmetic from `2025-01-01` leaves the supported range"
    );
}

#[test]
fn json_round_trips() {
    let plan = plan_for(&minor("MR-1"), None);
    let back: CorrectionPlan = serde_json::from_str(&serde_json::to_string(&plan).unwrap()).unwrap();
    assert_eq!(back, plan);
    let tp = transition_plan();
    let back: TransitionPlan = serde_json::from_str(&serde_json::to_string(&tp).unwrap()).unwrap();
    assert_eq!(back, tp);
    let s = CorrectionStatus::Lapsed {
        reason: LapseReason::CorrectedLate,
        reassess_with: Correction::Late { on: d(2025, 4, 1) },
    };
    let back: CorrectionStatus = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(back, s);
    let policy = TolerancePolicy::default();
    let back: TolerancePolicy = serde_json::from_str(&serde_json::to_string(&policy).unwrap()).unwrap();
    assert_eq!(back, policy);
}

fn with_observation_facts(case: &Case, registered: NaiveDate) -> Case {
    let mut ctx = case.context().to_vec();
    if !ctx.contains(&Context::NewBusinessForm) {
        ctx.push(Context::NewBusinessForm);
    }
    case.to_builder()
        .party(Party::legal_person(case.party().id().clone(), Some(registered)))
        .context(ctx)
        .build()
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::common::cases(200), ..ProptestConfig::default() })]

    /// Nothing on the safety baseline ever gets an observation period; a
    /// granted period always contains the act and allows 不予处罚.
    #[test]
    fn prop_no_observation_period_on_the_safety_baseline(
        (cat, case, regime, as_of) in strategy::assessment_inputs(),
        back in 0u64..=900,
    ) {
        let registered = case.act().start().checked_sub_days(Days::new(back)).unwrap();
        let case = with_observation_facts(&case, registered);
        let out = tolerance::observation(&case, &cat, &regime, as_of).unwrap();
        if let Some(p) = out.plan() {
            prop_assert!(!cat.get(case.item()).unwrap().safety_baseline);
            prop_assert!(p.window.contains(case.act().start()));
            prop_assert!(p.window.contains(case.act().committed_on()));
        }
        if cat.get(case.item()).unwrap().safety_baseline {
            prop_assert!(!out.is_granted());
            prop_assert!(out.unmet().any(|c| c.requirement == ObservationRequirement::OffSafetyBaseline));
        }
    }

    /// 不罚只纠正: the deadline is never before the decision; the plan closes
    /// only when the party corrected by the deadline and the re-inspection
    /// passed, and lapses whenever it corrected late.
    #[test]
    fn prop_correction_closes_only_when_met(
        (cat, case, regime, as_of) in strategy::assessment_inputs(),
        corrected_after in 0u32..=40,
        passed in any::<bool>(),
    ) {
        let Ok(out) = tolerance::correction_plan(&case, &cat, &regime, &TolerancePolicy::default(), as_of, None) else {
            return Ok(());
        };
        let Some(plan) = out.plan() else { return Ok(()) };
        prop_assert!(plan.deadline() >= plan.decided_on);
        prop_assert!(plan.reinspect_by >= plan.deadline());
        let corrected = plan.decided_on.checked_add_days(Days::new(u64::from(corrected_after))).unwrap();
        let verified = corrected.checked_add_days(Days::new(1)).unwrap();
        let progress = Progress::Corrected {
            on: corrected,
            verification: if passed { Verification::Passed { on: verified } } else { Verification::Failed { on: verified } },
        };
        let s = tolerance::follow_up(plan, &progress, verified).unwrap();
        prop_assert_eq!(s.is_closed(), corrected <= plan.deadline() && passed);
        prop_assert_eq!(s.is_lapsed(), !s.is_closed());
        // A late correction never closes.
        if corrected > plan.deadline() {
            let late = matches!(s, CorrectionStatus::Lapsed { reason: LapseReason::CorrectedLate, .. });
            prop_assert!(late);
        }
    }

    /// A granted transition period never exceeds the regime's maximum and
    /// never touches the safety baseline.
    #[test]
    fn prop_transition_within_maximum(
        (cat, case, regime, as_of) in strategy::assessment_inputs(),
        days in 0u64..=400,
    ) {
        let req = crate::common::transition_request(as_of, days);
        let out = tolerance::transition(&case, &cat, &regime, as_of, &req).unwrap();
        if let Some(p) = out.plan() {
            prop_assert!(p.window.end() <= regime.transition_period_max.last_day(as_of).unwrap());
            prop_assert!(!cat.get(case.item()).unwrap().safety_baseline);
        }
    }
}

#[test]
fn more_round_trips_and_pass_through_errors() {
    let e = tolerance::ToleranceError::from(rouxing::case::CaseError::Missing { field: "act" });
    assert_eq!(e.to_string(), "field `act` is required");
    let e = tolerance::ToleranceError::from(DateWindow::new(d(2025, 2, 1), d(2025, 1, 1)).unwrap_err());
    assert_eq!(e.to_string(), "window end `2025-01-01` is before its start `2025-02-01`");
    let case = new_business("MR-1", d(2024, 6, 1));
    let out = tolerance::observation(&case, &cat(), &Regime::national(), d(2025, 3, 12)).unwrap();
    let json = serde_json::to_string(&out).unwrap();
    let back: Outcome<tolerance::ObservationPeriod, ObservationRequirement> =
        serde_json::from_str(&json).unwrap();
    assert_eq!(back, out);
    for s in [
        TransitionStatus::Running { next_due: None },
        TransitionStatus::Lapsed {
            lapse: TransitionLapse::MissedMilestone { index: 1, due: d(2025, 6, 30) },
            reassess_with: Correction::None,
        },
    ] {
        let back: TransitionStatus = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
    }
    let p = TransitionProgress {
        met: vec![MilestoneMet { index: 0, on: d(2025, 4, 1) }],
        standard_reached_on: None,
    };
    let back: TransitionProgress = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
    assert_eq!(back, p);
}
