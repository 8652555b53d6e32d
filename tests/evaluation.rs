//! The annual evaluation (山丹县实施方案 四(四)): every indicator's formula, the
//! weights as data, and 《中华人民共和国行政处罚法》第七十四条第三款 — no indicator on
//! fine or confiscation amounts.

use chrono::NaiveDate;
use proptest::prelude::*;
use rouxing::assess::Tier;
use rouxing::audit::pattern::{PatternConfig, patterns};
use rouxing::audit::{AuditConfig, audit};
use rouxing::calendar::WorkCalendar;
use rouxing::decision::Sanction;
use rouxing::evaluation::*;
use rouxing::measure::PenaltyKind;
use rouxing::money::Money;
use rouxing::{Catalogue, Regime, assess, recommend};

use crate::common::d;

fn ev(id: &str, agency: &str, party: &str, decided_on: NaiveDate, tier: Tier) -> EvaluatedCase {
    EvaluatedCase {
        case_id: id.parse().unwrap(),
        agency: Some(agency.parse().unwrap()),
        party: rouxing::party::PartyId::new(party).unwrap(),
        item: Some("A".parse().unwrap()),
        act_on: decided_on,
        decided_on,
        tier,
        review_required: false,
        decision_due: None,
        service_due: decided_on,
        follow_up_due: None,
        process: ProcessRecord::default(),
    }
}

fn run(cases: &[EvaluatedCase], as_of: NaiveDate) -> Vec<AgencyEvaluation> {
    let a = audit(&[], &AuditConfig::default());
    let p = patterns(&[], &[], as_of, &PatternConfig::default());
    evaluate(cases, &a, &p, &EvaluationConfig::for_year(2026), as_of)
}

fn permille(e: &AgencyEvaluation, i: Indicator) -> Option<u32> {
    e.score(i).unwrap().permille
}

#[test]
fn legal_review_coverage_and_pass_rate() {
    let mut v: Vec<EvaluatedCase> = (0..4)
        .map(|i| ev(&format!("C-{i}"), "U-1", &format!("P-{i}"), d(2026, 3, 1), Tier::Lighter))
        .collect();
    for c in &mut v {
        c.review_required = true;
    }
    v[0].process.review = Some(ReviewResult::Passed);
    v[1].process.review = Some(ReviewResult::Passed);
    v[2].process.review = Some(ReviewResult::NotPassed);
    let e = &run(&v, d(2027, 1, 31))[0];
    assert_eq!(permille(e, Indicator::LegalReviewCoverage), Some(750));
    assert_eq!(permille(e, Indicator::LegalReviewPassRate), Some(666));
    let s = e.score(Indicator::LegalReviewPassRate).unwrap();
    assert_eq!((s.numerator, s.denominator), (2, 3));
}

#[test]
fn timeliness_of_decision_and_service() {
    let calendar = WorkCalendar::china();
    let mut a = ev("C-1", "U-1", "P-1", d(2024, 9, 30), Tier::Ordinary);
    a.decided_on = d(2026, 3, 31);
    a.decision_due = Some(d(2026, 3, 31));
    a.service_due = calendar.add_working_days(d(2026, 3, 31), 7).date;
    a.process.served_on = Some(a.service_due);
    let mut b = a.clone();
    b.case_id = "C-2".parse().unwrap();
    b.decision_due = Some(d(2026, 3, 30));
    b.process.served_on = Some(a.service_due.succ_opt().unwrap());
    let mut c = a.clone();
    c.case_id = "C-3".parse().unwrap();
    c.decision_due = None;
    c.process.served_on = None;
    c.process.delivered_on_pronouncement = true;
    let mut pending = a.clone();
    pending.case_id = "C-4".parse().unwrap();
    pending.process.served_on = None;
    let e = &run(&[a.clone(), b, c, pending.clone()], a.service_due)[0];
    // a and pending in time, b a day late; c has no filing date.
    assert_eq!(e.score(Indicator::DecisionTimeliness).unwrap().denominator, 3);
    assert_eq!(permille(e, Indicator::DecisionTimeliness), Some(666));
    // Pending service not yet due is left out: 2 of 3.
    assert_eq!(e.score(Indicator::ServiceTimeliness).unwrap().denominator, 3);
    assert_eq!(permille(e, Indicator::ServiceTimeliness), Some(666));
    // Once overdue it counts as late.
    let e = &run(&[pending.clone()], pending.service_due.succ_opt().unwrap())[0];
    assert_eq!(permille(e, Indicator::ServiceTimeliness), Some(0));
}

#[test]
fn repeat_violation_after_leniency() {
    let lenient = ev("C-1", "U-1", "P-1", d(2026, 3, 1), Tier::NoPenalty);
    let lenient2 = ev("C-2", "U-1", "P-2", d(2026, 3, 1), Tier::Lighter);
    // P-1 violates the same item again in 2027, inside the 365-day window.
    let mut again = ev("C-3", "U-2", "P-1", d(2027, 2, 1), Tier::Ordinary);
    again.act_on = d(2027, 1, 20);
    let e = run(&[lenient, lenient2, again], d(2027, 3, 1));
    // The 2027 case is not evaluated for 2026 but counts as the repeat.
    assert_eq!(e.len(), 1);
    assert_eq!(permille(&e[0], Indicator::RepeatAfterLeniency), Some(500));
}

#[test]
fn follow_up_visits() {
    let mut a = ev("C-1", "U-1", "P-1", d(2026, 3, 1), Tier::NoPenalty);
    a.follow_up_due = Some(d(2026, 6, 1));
    a.process.followed_up_on = Some(d(2026, 6, 1));
    let mut b = a.clone();
    b.case_id = "C-2".parse().unwrap();
    b.process.followed_up_on = None;
    let mut not_due = a.clone();
    not_due.case_id = "C-3".parse().unwrap();
    not_due.follow_up_due = Some(d(2027, 6, 1));
    let e = &run(&[a, b, not_due], d(2026, 12, 31))[0];
    let s = e.score(Indicator::FollowUpDone).unwrap();
    assert_eq!((s.numerator, s.denominator, s.permille), (1, 2, Some(500)));
}

#[test]
fn weights_are_data_and_flexible_share_is_not_scored() {
    let mut a = ev("C-1", "U-1", "P-1", d(2026, 3, 1), Tier::NoPenalty);
    a.review_required = true;
    a.process.review = Some(ReviewResult::Passed);
    a.process.delivered_on_pronouncement = true;
    let mut b = ev("C-2", "U-1", "P-2", d(2026, 3, 1), Tier::Ordinary);
    b.process.delivered_on_pronouncement = true;
    let as_of = d(2027, 1, 31);
    let audit = audit(&[], &AuditConfig::default());
    let p = patterns(&[], &[], as_of, &PatternConfig::default());
    let mut cfg = EvaluationConfig::for_year(2026);
    // Defined this year: coverage 1000, pass rate 1000, service 1000,
    // consistency 0 → 1000, abuse 0 → 1000, repeat 0/1 → 1000.
    let e = &evaluate(&[a.clone(), b.clone()], &audit, &p, &cfg, as_of)[0];
    assert_eq!(e.weighted_permille, Some(1000));
    assert_eq!((e.flexible.lenient, e.flexible.decisions, e.flexible.share_permille), (1, 2, 500));
    // Making every decision lenient changes the flexible share but never the score.
    let mut b2 = b.clone();
    b2.tier = Tier::Lighter;
    let e2 = &evaluate(&[a.clone(), b2], &audit, &p, &cfg, as_of)[0];
    assert_eq!(e2.flexible.share_permille, 1000);
    assert_eq!(e2.weighted_permille, e.weighted_permille);
    // With only review weighted, and a failed review, the score follows.
    let mut failed = a.clone();
    failed.process.review = Some(ReviewResult::NotPassed);
    cfg.weights = serde_json::from_str(r#"{"legal_review_pass_rate": 1}"#).unwrap();
    let e3 = &evaluate(&[failed], &audit, &p, &cfg, as_of)[0];
    assert_eq!(e3.weighted_permille, Some(0));
    assert!(
        e3.to_string().contains("罚没金额不作为考核指标（《中华人民共和国行政处罚法》第七十四条第三款）")
    );
}

#[test]
fn no_indicator_on_amounts_or_on_leniency() {
    // Art. 74 ¶3: no indicator on fines or confiscation, and no leniency quota.
    for i in Indicator::ALL {
        let code = i.code();
        for banned in ["fine", "amount", "confiscat", "lenient_", "flexible", "money", "share"] {
            assert!(!code.contains(banned), "{code}");
        }
        assert!(i.citation().is_known(), "{code}");
    }
    for doc in [r#"{"fine_total": 1}"#, r#"{"confiscation_amount": 1}"#, r#"{"flexible_share": 1}"#] {
        assert!(serde_json::from_str::<Weights>(doc).is_err(), "{doc}");
    }
    // The per-case input carries no amount at all.
    let json = serde_json::to_string(&ev("C-1", "U-1", "P-1", d(2026, 3, 1), Tier::Ordinary)).unwrap();
    assert!(!json.contains("fine") && !json.contains("amount"), "{json}");
}

fn fined(fine: u64) -> (EvaluatedCase, EvaluatedCase) {
    let catalogue = Catalogue::bundled().unwrap();
    let case =
        rouxing::Case::from_json(include_str!("../examples/data/cases/ordinary.json"), &catalogue).unwrap();
    let mut regime = Regime::shandan_sample();
    regime.legal_review.fine_natural_person = None;
    regime.legal_review.fine_organisation = None;
    let a = assess(&case, &catalogue, &regime, d(2026, 11, 25));
    let dec = recommend(&a, &regime);
    let mut other = dec.clone();
    other.sanctions = vec![Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(fine)) }].into();
    let mut base = dec;
    base.sanctions = vec![Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(1)) }].into();
    let cal = WorkCalendar::china();
    let p = ProcessRecord { filed_on: Some(d(2026, 9, 1)), ..ProcessRecord::default() };
    (
        EvaluatedCase::new(&case, &a, &base, &regime, &cal, p),
        EvaluatedCase::new(&case, &a, &other, &regime, &cal, p),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(16)))]

    /// Art. 74 ¶3: below the amount thresholds of procedure (hearing,
    /// legal review), the amount of a fine never reaches the evaluation.
    #[test]
    fn prop_fine_amounts_never_reach_the_evaluation(fine in 1u64..10_000) {
        let (a, b) = fined(fine);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(run(&[a], d(2027, 1, 31)), run(&[b], d(2027, 1, 31)));
    }
}

#[test]
fn evaluated_case_recomputes_the_review_duty() {
    let catalogue = Catalogue::bundled().unwrap();
    let case =
        rouxing::Case::from_json(include_str!("../examples/data/cases/first-violation.json"), &catalogue)
            .unwrap();
    let regime = Regime::shandan_sample();
    let a = assess(&case, &catalogue, &regime, d(2026, 11, 25));
    let mut dec = recommend(&a, &regime);
    // The officer clears the duty on the decision: it is recomputed anyway
    // (every lenient decision needs review under 四(三)).
    dec.duties.legal_review.clear();
    let p = ProcessRecord { filed_on: Some(d(2026, 8, 20)), ..ProcessRecord::default() };
    let e = EvaluatedCase::new(&case, &a, &dec, &regime, &WorkCalendar::china(), p);
    assert!(e.review_required);
    assert_eq!(e.decision_due, Some(d(2026, 11, 18)));
}
