//! Bars (Arts. 27, 38, 40), correction and confiscation (Art. 28), one fine
//! (Art. 29), summary procedure (Art. 51), collective decision (Art. 57 ¶2),
//! legal review (Art. 58), hearing (Art. 63) and the deadlines of Arts. 60,
//! 61, 64 and 67.

use crate::common::*;
use rouxing::assess::{Bar, DeadlineKind, Duty, Tier};
use rouxing::calendar::ScheduleBasis;
use rouxing::case::{Context, CrimeSuspicion, Facts, Gravity, Harm};
use rouxing::catalogue::StatutoryPenalty;
use rouxing::decision::{Disposition, Procedure, ReviewTrigger, Sanction, procedure_duties};
use rouxing::measure::{CorrectionKind, Document, PenaltyKind};
use rouxing::money::{Amounts, FineRule, Money};
use rouxing::party::{MentalCapacity, Party, PartyId};
use rouxing::{Regime, assess};

#[test]
fn facts_not_established_bar_any_penalty() {
    // 第四十条: "违法事实不清、证据不足的，不得给予行政处罚。"
    let cat = catalogue(vec![range_item("R-1")]);
    let c = case("R-1").facts(Facts::NotEstablished).build().unwrap();
    let (a, dec) = run(&c, &cat);
    assert_eq!(a.bar, Some(Bar::FactsNotEstablished));
    assert_eq!(dec.tier, Tier::NoPenalty);
    assert_eq!(dec.disposition, Disposition::NoPenalty);
    assert!(dec.correction.is_none() && !dec.education);
    assert_eq!(dec.documents[..], vec![Document::NoPenaltyDecision]);
}

#[test]
fn a_suspected_crime_is_transferred_not_fined() {
    // 第二十七条第一款; 第五十七条第一款第（四）项.
    let cat = catalogue(vec![range_item("R-1")]);
    let c = case("R-1").crime(CrimeSuspicion::Suspected).build().unwrap();
    let (a, dec) = run(&c, &cat);
    assert_eq!(a.bar, Some(Bar::SuspectedCrime));
    assert!(a.has_duty(Duty::TransferToJudiciary));
    assert_eq!(dec.disposition, Disposition::Transfer);
    assert!(dec.sanctions.is_empty());
    assert_eq!(dec.documents[..], vec![Document::CriminalTransferLetter]);
}

#[test]
fn an_item_outside_the_catalogue_has_no_legal_basis() {
    let cat = catalogue(vec![range_item("R-1")]);
    let c = case("NOT-THERE").build().unwrap();
    let (a, dec) = run(&c, &cat);
    assert_eq!(a.bar, Some(Bar::NoLegalBasis));
    assert_eq!(dec.tier, Tier::NoPenalty);
}

#[test]
fn every_established_violation_gets_a_correction_order() {
    let cat = catalogue(vec![range_item("R-1")]);
    let (a, dec) = run(&case("R-1").build().unwrap(), &cat);
    assert!(a.has_duty(Duty::CorrectionOrder));
    let order = dec.correction.unwrap();
    assert_eq!(order.kind, CorrectionKind::WithinDeadline);
    assert_eq!(order.deadline, Some(d(2025, 4, 16)));
    assert!(dec.documents.contains(&Document::CorrectionNotice));
}

#[test]
fn illegal_gains_are_confiscated_on_a_penalty_unless_refunded() {
    let cat = catalogue(vec![range_item("R-1")]);
    let gains = Amounts { illegal_gains: Some(Money::yuan(800)), ..Amounts::default() };
    let (a, dec) = run(&case("R-1").amounts(gains).build().unwrap(), &cat);
    assert!(a.has_duty(Duty::ConfiscateIllegalGains));
    assert!(
        dec.sanctions.contains(&Sanction {
            kind: PenaltyKind::ConfiscateIllegalGains,
            amount: Some(Money::yuan(800))
        })
    );
    let (a, dec) = run(&case("R-1").amounts(gains).gains_refundable(true).build().unwrap(), &cat);
    assert!(!a.has_duty(Duty::ConfiscateIllegalGains));
    assert!(dec.sanctions.iter().all(|s| s.kind != PenaltyKind::ConfiscateIllegalGains));
}

#[test]
fn one_act_breaching_two_provisions_gets_the_higher_fine_once() {
    let low = range_item("R-1");
    let high = item(
        "R-2",
        StatutoryPenalty::new(
            vec![PenaltyKind::Fine],
            Some(FineRule::range(Money::yuan(5_000), Money::yuan(50_000)).unwrap()),
            None,
        )
        .unwrap(),
    );
    let cat = catalogue(vec![low, high]);
    let c = case("R-1").also_violates(vec!["R-2".parse().unwrap()]).build().unwrap();
    let (a, dec) = run(&c, &cat);
    assert!(a.has_duty(Duty::SingleFine));
    assert_eq!(a.version.as_ref().unwrap().fine_bounds.unwrap().max(), Money::yuan(50_000));
    assert_eq!(dec.sanctions.iter().filter(|s| s.kind == PenaltyKind::Fine).count(), 1);
}

fn fixed_item(code: &str, yuan_fen: u64) -> rouxing::catalogue::Item {
    item(
        code,
        StatutoryPenalty::new(
            vec![PenaltyKind::Fine],
            Some(FineRule::fixed(Money::from_fen(yuan_fen)).unwrap()),
            None,
        )
        .unwrap(),
    )
}

#[test]
fn summary_procedure_for_a_citizen_admits_200_yuan_and_not_a_fen_more() {
    // 第五十一条: "对公民处以二百元以下…罚款…的，可以当场作出"; "以下" includes 200.
    let cat = catalogue(vec![fixed_item("F-200", 20_000), fixed_item("F-201", 20_001)]);
    let adult = |code: &str| case(code).party(person(d(1990, 1, 1))).build().unwrap();
    let (_, dec) = run(&adult("F-200"), &cat);
    assert_eq!(dec.fine(), Some(Money::yuan(200)));
    assert_eq!(dec.procedure, Procedure::Summary);
    assert_eq!(dec.documents.first(), Some(&Document::SummaryPenaltyDecision));
    let (_, dec) = run(&adult("F-201"), &cat);
    assert_eq!(dec.procedure, Procedure::Ordinary);
}

#[test]
fn summary_procedure_for_an_organisation_admits_3000_yuan_and_not_3001() {
    let cat = catalogue(vec![fixed_item("F-3000", 300_000), fixed_item("F-3001", 300_100)]);
    let (_, dec) = run(&case("F-3000").build().unwrap(), &cat);
    assert_eq!(dec.procedure, Procedure::Summary);
    let (_, dec) = run(&case("F-3001").build().unwrap(), &cat);
    assert_eq!(dec.procedure, Procedure::Ordinary);
}

#[test]
fn an_exclusive_regime_reads_以下_without_the_number() {
    let cat = catalogue(vec![fixed_item("F-200", 20_000)]);
    let mut r = Regime::national();
    r.summary.inclusive = false;
    let c = case("F-200").party(person(d(1990, 1, 1))).build().unwrap();
    let (_, dec) = run_with(&c, &cat, &r);
    assert_eq!(dec.procedure, Procedure::Ordinary);
}

#[test]
fn hearing_notice_from_the_较大数额_threshold_inclusive() {
    let cat = catalogue(vec![range_item("R-1")]);
    let a = assess(&case("R-1").build().unwrap(), &cat, &Regime::national(), AS_OF());
    let fine = |y| [Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(y)) }];
    let r = Regime::national();
    assert!(procedure_duties(&a, &r, Tier::Ordinary, &fine(100_000)).hearing_notice);
    assert!(!procedure_duties(&a, &r, Tier::Ordinary, &fine(99_999)).hearing_notice);
    let revoke = [Sanction { kind: PenaltyKind::RevokePermit, amount: None }];
    assert!(procedure_duties(&a, &r, Tier::Ordinary, &revoke).hearing_notice);
    let warn = [Sanction { kind: PenaltyKind::Warning, amount: None }];
    assert!(!procedure_duties(&a, &r, Tier::Ordinary, &warn).hearing_notice);
}

#[test]
fn legal_review_for_every_flexible_decision_under_the_shandan_regime() {
    // 山丹县实施方案 四(三): 两轻一免 decisions go through 法制审核.
    let cat = catalogue(vec![range_item("R-1")]);
    let c = case("R-1")
        .harm(Harm::Slight)
        .correction(rouxing::case::Correction::Prompt { on: d(2025, 3, 12) })
        .build()
        .unwrap();
    let (_, dec) = run_with(&c, &cat, &Regime::shandan_sample());
    assert_eq!(dec.tier, Tier::NoPenalty);
    assert_eq!(dec.duties.legal_review[..], vec![ReviewTrigger::FlexibleDecision]);
    assert!(dec.documents.contains(&Document::LegalReviewOpinion));
    let (_, dec) = run_with(&c, &cat, &Regime::national());
    assert!(dec.duties.legal_review.is_empty());
    assert_eq!(
        Regime::shandan_sample().review_source(ReviewTrigger::FlexibleDecision).to_string(),
        "《山丹县全面推行行政柔性执法进一步优化营商环境工作实施方案》第四部分第（三）项"
    );
}

#[test]
fn art_58_triggers_from_the_facts() {
    let cat = catalogue(vec![range_item("R-1")]);
    let c = case("R-1")
        .context(vec![Context::MajorPublicInterest, Context::ComplexLegalRelations])
        .build()
        .unwrap();
    let (_, dec) = run(&c, &cat);
    assert_eq!(dec.duties.legal_review[..], vec![ReviewTrigger::MajorPublicInterest, ReviewTrigger::Complex]);
    assert_eq!(dec.procedure, Procedure::Ordinary);
}

#[test]
fn serious_cases_are_decided_collectively() {
    let cat = catalogue(vec![range_item("R-1")]);
    let (_, dec) = run(&case("R-1").gravity(Gravity::Serious).build().unwrap(), &cat);
    assert!(dec.duties.collective_decision);
    assert!(dec.documents.contains(&Document::CollectiveDiscussionRecord));
    let (_, dec) = run(&case("R-1").build().unwrap(), &cat);
    assert!(!dec.duties.collective_decision);
}

#[test]
fn decision_deadline_is_ninety_days_from_filing() {
    let cat = catalogue(vec![range_item("R-1")]);
    let c = case("R-1").filed_on(d(2025, 3, 11)).build().unwrap();
    let (a, _) = run(&c, &cat);
    let dl = a.deadline(DeadlineKind::Decision).unwrap();
    assert_eq!(dl.due, d(2025, 6, 9));
}

#[test]
fn service_within_seven_working_days_across_national_day() {
    // Arts. 61 and 85: 七日 are working days. 2024-09-30 + 7 working days:
    // 10-01…07 are off, 10-12 (Saturday) is an adjusted working day.
    let cat = catalogue(vec![range_item("R-1")]);
    let c = case("R-1")
        .act_on(d(2024, 9, 1))
        .discovered_on(d(2024, 9, 2))
        .context(vec![Context::PartyAbsent])
        .build()
        .unwrap();
    let a = assess(&c, &cat, &Regime::national(), d(2024, 9, 30));
    let dl = a.deadline(DeadlineKind::Service).unwrap();
    assert_eq!((dl.due, dl.basis), (d(2024, 10, 15), ScheduleBasis::Official));
    // A fine of at most ¥10,000 on an organisation carries no Art. 63 right,
    // so no Art. 64 (一) period (see procedure_hearing.rs for the period
    // across the National Day holiday).
    assert_eq!(a.deadline(DeadlineKind::HearingRequest), None);
    let pay = a.deadline(DeadlineKind::Payment).unwrap();
    assert_eq!(pay.due, d(2024, 10, 15));
}

#[test]
fn working_days_beyond_the_schedule_are_marked_provisional() {
    let cat = catalogue(vec![range_item("R-1")]);
    let c = case("R-1")
        .act_on(d(2026, 12, 1))
        .discovered_on(d(2026, 12, 2))
        .context(vec![Context::PartyAbsent])
        .build()
        .unwrap();
    let a = assess(&c, &cat, &Regime::national(), d(2026, 12, 28));
    let service = a.deadline(DeadlineKind::Service).unwrap();
    assert_eq!(service.basis, ScheduleBasis::Provisional);
    assert!(a.explain().to_string().contains("暂定"));
}

#[test]
fn a_minor_natural_person_gets_the_citizen_threshold() {
    let cat = catalogue(vec![fixed_item("F-200", 20_000)]);
    let p = Party::natural_person(PartyId::new("P-2").unwrap(), d(1980, 5, 5), MentalCapacity::Full);
    let c = case("F-200").party(p).build().unwrap();
    let a = assess(&c, &cat, &Regime::national(), AS_OF());
    assert!(a.natural_person);
}
