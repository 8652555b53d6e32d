//! The hearing (听证) and the legal review it triggers: 《中华人民共和国行政处罚法》
//! 第五十八条第一款第（二）项 ("直接关系当事人或者第三人重大权益，经过听证程序的"), 第六十三条 (which
//! penalties carry the right), 第六十四条第（一）项 ("当事人要求听证的，应当在行政机关告知后五日内提出")
//! and 第八十五条 ("“五日”…是指工作日，不含法定节假日").

use proptest::prelude::*;
use rouxing::assess::{DeadlineKind, Tier};
use rouxing::calendar::WorkCalendar;
use rouxing::case::{Case, Context};
use rouxing::catalogue::{Catalogue, Item, StatutoryPenalty};
use rouxing::decision::{
    Answer, Decision, Fact, HearingAnswer, HearingHeld, LegalReviewRecord, Notice, NotifiedProposal,
    ReviewTrigger, Sanction, hearing_request_due, procedure_duties, procedure_duties_heard,
};
use rouxing::guard::{Detail, FindingCode, Severity};
use rouxing::law::{Citation, Source};
use rouxing::measure::{Document, PenaltyKind};
use rouxing::money::Money;
use rouxing::record::{
    CaseFile, Digest, Event, EvidenceKind, EvidenceRef, HearingOutcome, Officer, Origin, Stage,
};
use rouxing::{Regime, assess, recommend, review};

use crate::common::{case, catalogue, d, item, large_item, range_item};

/// "吊销许可证": Art. 63 ¶1 (三) whatever the amount.
fn revocation_item(code: &str) -> Item {
    item(code, StatutoryPenalty::new(vec![PenaltyKind::RevokePermit], None, None).unwrap())
}

fn cat() -> Catalogue {
    catalogue(vec![range_item("SMALL-1"), large_item("LARGE-1"), revocation_item("REVOKE-1")])
}

// ------------------------------------------------------------ Art. 64 (一)

#[test]
fn no_hearing_period_where_art_63_does_not_apply() {
    // A fine of ¥1,000–¥10,000 on an organisation is no 较大数额 fine, and the
    // provision names no other Art. 63 penalty: the party has no right to a
    // hearing, so no period to ask for one.
    let c = case("SMALL-1").build().unwrap();
    let a = assess(&c, &cat(), &Regime::national(), d(2025, 3, 7));
    assert!(a.lawful.iter().any(|o| o.tier != Tier::NoPenalty));
    assert_eq!(a.deadline(DeadlineKind::HearingRequest), None);
    assert!(a.deadline(DeadlineKind::Payment).is_some());
}

#[test]
fn hearing_period_is_five_working_days_from_the_notice() {
    // Notice (告知) on Friday 2025-03-07. Art. 85: the five days are working
    // days — Monday 03-10 to Friday 03-14 — not the calendar days to 03-12.
    let c = case("LARGE-1").build().unwrap();
    let a = assess(&c, &cat(), &Regime::national(), d(2025, 3, 7));
    let dl = a.deadline(DeadlineKind::HearingRequest).unwrap();
    assert_eq!((dl.from, dl.due), (d(2025, 3, 7), d(2025, 3, 14)));
    assert_eq!(DeadlineKind::HearingRequest.citation(), Citation::apl(64).item(1));
    // 吊销许可证件 (Art. 63 ¶1 (三)) carries the right without any amount.
    let c = case("REVOKE-1").build().unwrap();
    let a = assess(&c, &cat(), &Regime::national(), d(2025, 3, 7));
    assert_eq!(a.deadline(DeadlineKind::HearingRequest).map(|x| x.due), Some(d(2025, 3, 14)));
}

#[test]
fn hearing_period_skips_the_national_day_holiday() {
    // Notice on 2024-09-30: 10-01…07 are holidays, 10-08…10-11 and the
    // adjusted working Saturday 10-12 are the five working days.
    let due = hearing_request_due(d(2024, 9, 30), &WorkCalendar::china());
    assert_eq!(due.date, d(2024, 10, 12));
}

// ------------------------------------------------------------ the case file

fn ev(on: chrono::NaiveDate, stage: Stage) -> Event {
    Event::new(on, stage)
}

fn officer(id: &str) -> Officer {
    Officer { id: id.parse().unwrap(), credential: format!("62070000{id}").parse().unwrap() }
}

/// The recommended decision on a LARGE-1 case, decided 2025-04-01: a fine of
/// 较大数额, with the hearing right among its duties.
fn large_decision() -> Decision {
    let c = case("LARGE-1").filed_on(d(2025, 3, 11)).build().unwrap();
    let dec = recommend(&assess(&c, &cat(), &Regime::national(), d(2025, 4, 1)), &Regime::national());
    assert!(dec.duties.hearing_notice);
    dec
}

/// 启动、立案、调查取证 and a notice offering a hearing on Thursday 2025-03-20
/// (the request period ends Thursday 2025-03-27), statement heard 03-21.
fn noticed(dec: &Decision) -> CaseFile {
    let mut f = CaseFile::new("C-1".parse().unwrap());
    for e in [
        ev(
            d(2025, 3, 10),
            Stage::Started {
                origin: Origin::Inspection,
                party: "ORG-1".parse().unwrap(),
                item: Some("LARGE-1".parse().unwrap()),
                act_on: d(2025, 3, 1),
                discovered_on: d(2025, 3, 10),
                limitation_ends: None,
            },
        ),
        ev(d(2025, 3, 11), Stage::Filed { approved_by: "HEAD-1".parse().unwrap() }),
        ev(
            d(2025, 3, 12),
            Stage::Investigated {
                officers: vec![officer("O-1"), officer("O-2")],
                evidence: vec![EvidenceRef {
                    kind: EvidenceKind::InspectionRecord,
                    reference: "现场笔录 2025-012".into(),
                    sha256: Some(Digest::of(b"scan")),
                }],
                sole_officer_basis: None,
            },
        ),
        ev(d(2025, 3, 20), Stage::notice_for(dec, d(2025, 3, 25))),
        ev(d(2025, 3, 21), Stage::Stated { summary: "当事人陈述".into(), adopted: false }),
    ] {
        f.append(e).unwrap();
    }
    f
}

fn decided_on(dec: &Decision, on: chrono::NaiveDate) -> Event {
    let mut dec = dec.clone();
    dec.decided_on = on;
    ev(on, Stage::Decided { decision: Box::new(dec) })
}

fn err(f: &mut CaseFile, e: Event) -> String {
    f.append(e).unwrap_err().to_string()
}

#[test]
fn record_no_decision_while_the_request_period_runs() {
    let dec = large_decision();
    let mut f = noticed(&dec);
    assert_eq!(f.hearing(d(2025, 3, 27)), HearingAnswer::Pending);
    assert_eq!(
        err(&mut f, decided_on(&dec, d(2025, 3, 27))),
        "penalty decided while the party may still ask for a hearing, until `2025-03-27` (Art. 64 (一), Art. 85)"
    );
    assert_eq!(f.hearing(d(2025, 3, 28)), HearingAnswer::Lapsed);
    f.append(decided_on(&dec, d(2025, 3, 28))).unwrap();
}

#[test]
fn record_an_express_waiver_lets_the_decision_come_at_once() {
    let dec = large_decision();
    let mut f = noticed(&dec);
    assert_eq!(
        err(&mut f, ev(d(2025, 3, 21), Stage::HearingWaived { reference: " ".into() })),
        "`放弃听证` field `reference` is empty (Art. 64 (一))"
    );
    f.append(ev(d(2025, 3, 21), Stage::HearingWaived { reference: "放弃听证声明书".into() })).unwrap();
    assert_eq!(f.hearing(d(2025, 3, 21)), HearingAnswer::Waived { reference: "放弃听证声明书".into() });
    assert_eq!(
        err(&mut f, ev(d(2025, 3, 22), Stage::HearingRequested {})),
        "`要求听证` after the party waived the hearing on `2025-03-21`"
    );
    f.append(decided_on(&dec, d(2025, 3, 24))).unwrap();
}

#[test]
fn record_refuses_impossible_hearing_orders() {
    let dec = large_decision();
    // No hearing offered: neither request nor waiver.
    let mut plain = dec.clone();
    plain.duties.hearing_notice = false;
    let mut g = noticed(&plain);
    assert_eq!(
        err(&mut g, ev(d(2025, 3, 21), Stage::HearingWaived { reference: "放弃".into() })),
        "`放弃听证` but the notice did not tell the party of the right to a hearing (Art. 63)"
    );
    let mut f = noticed(&dec);
    // A hearing held with no request, and with no 听证通知.
    assert_eq!(
        err(&mut f, ev(d(2025, 3, 21), Stage::HearingEnded { outcome: HearingOutcome::Held })),
        "`听证` without `听证通知` (Art. 64 (二))"
    );
    assert_eq!(
        err(
            &mut f,
            ev(
                d(2025, 3, 21),
                Stage::HearingScheduled { hearing_on: d(2025, 4, 8), presiding: "H-1".parse().unwrap() }
            )
        ),
        "`听证通知` without a request for a hearing (Art. 63)"
    );
    f.append(ev(d(2025, 3, 24), Stage::HearingRequested {})).unwrap();
    assert_eq!(f.hearing(d(2025, 3, 24)), HearingAnswer::Requested { on: d(2025, 3, 24) });
    assert_eq!(
        err(&mut f, ev(d(2025, 3, 24), Stage::HearingRequested {})),
        "`要求听证` is already recorded and happens once per case"
    );
    // A decision before the hearing requested in time.
    assert_eq!(
        err(&mut f, decided_on(&dec, d(2025, 4, 1))),
        "penalty decided before the hearing requested on `2025-03-24` ended (Arts. 63, 65)"
    );
    f.append(ev(
        d(2025, 3, 25),
        Stage::HearingScheduled { hearing_on: d(2025, 4, 3), presiding: "H-1".parse().unwrap() },
    ))
    .unwrap();
    assert_eq!(
        err(&mut f, ev(d(2025, 3, 26), Stage::HearingWaived { reference: "放弃".into() })),
        "`放弃听证` after the hearing of `2025-04-03` was notified: record `听证` with outcome `withdrawn` (Art. 64 (六))"
    );
    f.append(ev(d(2025, 4, 3), Stage::HearingEnded { outcome: HearingOutcome::Held })).unwrap();
    assert_eq!(
        err(&mut f, ev(d(2025, 4, 3), Stage::HearingEnded { outcome: HearingOutcome::Held })),
        "`听证` is already recorded and happens once per case"
    );
    assert_eq!(
        f.hearing(d(2025, 4, 3)),
        HearingAnswer::Held { requested_on: d(2025, 3, 24), held_on: d(2025, 4, 3) }
    );
    f.append(decided_on(&dec, d(2025, 4, 7))).unwrap();
}

#[test]
fn record_a_withdrawn_request_is_no_hearing_held() {
    let dec = large_decision();
    let mut f = noticed(&dec);
    f.append(ev(d(2025, 3, 24), Stage::HearingRequested {})).unwrap();
    f.append(ev(
        d(2025, 3, 25),
        Stage::HearingScheduled { hearing_on: d(2025, 4, 3), presiding: "H-1".parse().unwrap() },
    ))
    .unwrap();
    f.append(ev(d(2025, 3, 28), Stage::HearingEnded { outcome: HearingOutcome::Withdrawn })).unwrap();
    let answer = f.hearing(d(2025, 3, 28));
    assert_eq!(answer, HearingAnswer::Withdrawn { requested_on: d(2025, 3, 24) });
    assert_eq!(answer.held_before(d(2025, 3, 20), d(2025, 4, 7)), HearingHeld::NotHeld);
    f.append(decided_on(&dec, d(2025, 3, 31))).unwrap();
}

// ------------------------------------------------------------ Art. 58 ¶1 (二) in the guard

/// A LARGE-1 case that directly concerns major rights (重大权益).
fn major_rights_case() -> Case {
    case("LARGE-1").filed_on(d(2025, 3, 11)).context(vec![Context::MajorRights]).build().unwrap()
}

/// The notice of `dec` given 2025-03-20 with the party's statement and the
/// hearing as given.
fn notice(dec: &Decision, hearing: HearingAnswer) -> Notice {
    Notice::Given(NotifiedProposal {
        on: d(2025, 3, 20),
        item: dec.item.clone(),
        sanctions: dec.sanctions.to_vec(),
        facts: vec![Fact::Harm(rouxing::case::Harm::Harmful)],
        grounds: dec.reasons.grounds.to_vec(),
        basis: vec!["测试条例第七条".into()],
        answer: Answer::Stated { adopted: false },
        hearing,
    })
}

fn held() -> HearingAnswer {
    HearingAnswer::Held { requested_on: d(2025, 3, 24), held_on: d(2025, 3, 31) }
}

fn findings(c: &Case, dec: &Decision, n: &Notice) -> Vec<(FindingCode, Severity, Source, Detail)> {
    review(c, &cat(), &Regime::national(), dec, Some(n))
        .findings
        .iter()
        .map(|f| (f.code, f.severity, f.citation.clone(), f.detail))
        .collect()
}

fn has(fs: &[(FindingCode, Severity, Source, Detail)], code: FindingCode) -> bool {
    fs.iter().any(|f| f.0 == code)
}

#[test]
fn art_58_2_needs_a_hearing_held_not_a_right_to_one() {
    let c = major_rights_case();
    let a = assess(&c, &cat(), &Regime::national(), d(2025, 4, 1));
    let dec = recommend(&a, &Regime::national());
    // Before any hearing the duty is not there, whatever the right.
    assert!(dec.duties.hearing_notice);
    assert!(!dec.duties.legal_review.contains(&ReviewTrigger::MajorRightsAfterHearing));
    let p = procedure_duties(&a, &Regime::national(), dec.tier, &dec.sanctions);
    assert!(p.legal_review.is_empty());
    let heard = HearingHeld::Held { on: d(2025, 3, 31) };
    let p = procedure_duties_heard(&a, &Regime::national(), dec.tier, &dec.sanctions, heard);
    assert_eq!(p.legal_review[..], vec![ReviewTrigger::MajorRightsAfterHearing]);

    // The party let the period lapse, waived, or withdrew: no hearing held,
    // no review required by (二).
    for answer in [
        HearingAnswer::Lapsed,
        HearingAnswer::Waived { reference: "放弃听证声明书".into() },
        HearingAnswer::Withdrawn { requested_on: d(2025, 3, 24) },
    ] {
        let fs = findings(&c, &dec, &notice(&dec, answer.clone()));
        assert!(!has(&fs, FindingCode::MissingLegalReview), "{answer:?}: {fs:?}");
        assert!(!has(&fs, FindingCode::DecidedBeforeHearing), "{answer:?}: {fs:?}");
        assert!(!has(&fs, FindingCode::MissingHearingNotice), "{answer:?}: {fs:?}");
    }

    // A hearing held: review required, Unlawful without it, citing (二).
    let fs = findings(&c, &dec, &notice(&dec, held()));
    let f = fs.iter().find(|f| f.0 == FindingCode::MissingLegalReview).unwrap();
    assert_eq!(f.1, Severity::Unlawful);
    assert_eq!(f.2, Citation::apl(58).para(1).item(2));
    assert_eq!(f.3, Detail::Trigger { trigger: ReviewTrigger::MajorRightsAfterHearing });

    // The review carried out and documented.
    let mut reviewed = dec.clone();
    reviewed.duties.legal_review.push(ReviewTrigger::MajorRightsAfterHearing);
    reviewed.documents.push(Document::LegalReviewOpinion);
    reviewed.legal_review = Some(Box::new(LegalReviewRecord {
        reviewer: "FZ-1".parse().unwrap(),
        qualified: true,
        first_review: false,
    }));
    let fs = findings(&c, &reviewed, &notice(&reviewed, held()));
    assert!(!has(&fs, FindingCode::MissingLegalReview), "{fs:?}");

    // Declaring the trigger in the decision does not make a hearing: without
    // one held the guard does not ask for the review, and with one held the
    // declaration alone does not satisfy it.
    let mut declared = dec.clone();
    declared.duties.legal_review.push(ReviewTrigger::MajorRightsAfterHearing);
    let fs = findings(&c, &declared, &notice(&declared, held()));
    assert!(has(&fs, FindingCode::MissingLegalReview), "{fs:?}");
}

#[test]
fn a_hearing_dated_after_the_decision_was_not_gone_through() {
    // "经过听证程序": a hearing after the decision is none the decision went
    // through — and deciding before it is itself unlawful (Art. 65).
    let c = major_rights_case();
    let dec = recommend(&assess(&c, &cat(), &Regime::national(), d(2025, 4, 1)), &Regime::national());
    let late = HearingAnswer::Held { requested_on: d(2025, 3, 24), held_on: d(2025, 4, 8) };
    let fs = findings(&c, &dec, &notice(&dec, late));
    assert!(!fs.iter().any(|f| f.3 == Detail::Trigger { trigger: ReviewTrigger::MajorRightsAfterHearing }));
    let f = fs.iter().find(|f| f.0 == FindingCode::DecidedBeforeHearing).unwrap();
    assert_eq!((f.1, &f.2), (Severity::Unlawful, &Citation::apl(65).into()));
}

#[test]
fn guard_decision_before_the_hearing_or_inside_the_request_period() {
    let c = case("LARGE-1").filed_on(d(2025, 3, 11)).build().unwrap();
    let dec = recommend(&assess(&c, &cat(), &Regime::national(), d(2025, 4, 1)), &Regime::national());
    // Requested in time (due 2025-03-27), not held: Art. 63 ¶1 "当事人要求听证的，行政机关应当组织听证".
    let fs = findings(&c, &dec, &notice(&dec, HearingAnswer::Requested { on: d(2025, 3, 27) }));
    let f = fs.iter().find(|f| f.0 == FindingCode::DecidedBeforeHearing).unwrap();
    assert_eq!((f.1, &f.2), (Severity::Unlawful, &Citation::apl(63).para(1).into()));
    assert_eq!(f.3, Detail::Deadline { due: d(2025, 3, 27), decided_on: d(2025, 4, 1) });
    // Requested after the five working days: the right lapsed.
    let fs = findings(&c, &dec, &notice(&dec, HearingAnswer::Requested { on: d(2025, 3, 28) }));
    assert!(!has(&fs, FindingCode::DecidedBeforeHearing), "{fs:?}");
    // Decided on the last day of the period with no answer ("lapsed" is not
    // taken on the notice's word).
    let mut early = dec.clone();
    early.decided_on = d(2025, 3, 27);
    for answer in [HearingAnswer::Pending, HearingAnswer::Lapsed] {
        let fs = findings(&c, &early, &notice(&early, answer));
        let f = fs.iter().find(|f| f.0 == FindingCode::DecidedBeforeHearing).unwrap();
        assert_eq!(f.2, Citation::apl(64).item(1));
    }
    // The notice offered no hearing: Art. 63 ¶1, whatever the decision lists.
    assert!(dec.duties.hearing_notice && dec.documents.contains(&Document::HearingNotice));
    let fs = findings(&c, &dec, &notice(&dec, HearingAnswer::NotOffered));
    assert!(has(&fs, FindingCode::MissingHearingNotice), "{fs:?}");
    // No Art. 63 penalty: no hearing check at all.
    let small = case("SMALL-1").filed_on(d(2025, 3, 11)).build().unwrap();
    let sd = recommend(&assess(&small, &cat(), &Regime::national(), d(2025, 3, 21)), &Regime::national());
    let fs = findings(&small, &sd, &notice(&sd, HearingAnswer::NotOffered));
    assert!(!has(&fs, FindingCode::DecidedBeforeHearing) && !has(&fs, FindingCode::MissingHearingNotice));
}

#[test]
fn hearing_answer_json() {
    for (answer, json) in [
        (HearingAnswer::NotOffered, r#""not_offered""#),
        (HearingAnswer::Pending, r#""pending""#),
        (HearingAnswer::Lapsed, r#""lapsed""#),
        (HearingAnswer::Waived { reference: "声明书".into() }, r#"{"waived":{"reference":"声明书"}}"#),
        (HearingAnswer::Requested { on: d(2026, 11, 12) }, r#"{"requested":{"on":"2026-11-12"}}"#),
        (held(), r#"{"held":{"requested_on":"2025-03-24","held_on":"2025-03-31"}}"#),
    ] {
        assert_eq!(serde_json::to_string(&answer).unwrap(), json);
        assert_eq!(serde_json::from_str::<HearingAnswer>(json).unwrap(), answer);
    }
    // A notice that says nothing of a hearing offered none.
    let dec = large_decision();
    let Notice::Given(p) = notice(&dec, HearingAnswer::NotOffered) else { unreachable!() };
    let v = serde_json::to_value(&p).unwrap();
    assert!(v.get("hearing").is_none());
    assert_eq!(serde_json::from_value::<NotifiedProposal>(v).unwrap(), p);
    let err = serde_json::from_str::<HearingAnswer>(r#"{"held":{"held_on":"2025-03-31"}}"#).unwrap_err();
    assert!(err.to_string().starts_with("missing field `requested_on`"), "{err}");
}

fn sanction(kind: PenaltyKind, yuan: Option<u64>) -> Sanction {
    Sanction { kind, amount: yuan.map(Money::yuan) }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(64)))]

    /// Art. 58 ¶1 (二) is a function of the hearing held: without one, the
    /// duties are those before any hearing, whatever the sanctions.
    #[test]
    fn prop_no_review_for_major_rights_without_a_hearing_held(
        (catalogue, case, regime, as_of) in rouxing::strategy::assessment_inputs(),
        fine in 0u64..=300_000,
    ) {
        let a = assess(&case, &catalogue, &regime, as_of);
        for o in &a.lawful {
            let s = [sanction(PenaltyKind::Fine, Some(fine))];
            let before = procedure_duties(&a, &regime, o.tier, &s);
            prop_assert!(!before.legal_review.contains(&ReviewTrigger::MajorRightsAfterHearing));
            let heard = procedure_duties_heard(&a, &regime, o.tier, &s, HearingHeld::Held { on: as_of });
            let expected = case.has_context(Context::MajorRights) && a.bar.is_none();
            prop_assert_eq!(heard.legal_review.contains(&ReviewTrigger::MajorRightsAfterHearing), expected);
            // Everything else is the same.
            let mut rest = heard.clone();
            rest.legal_review.retain(|t| *t != ReviewTrigger::MajorRightsAfterHearing);
            prop_assert_eq!(rest.legal_review, before.legal_review);
            prop_assert_eq!(heard.hearing_notice, before.hearing_notice);
        }
    }

    /// The hearing-request deadline of an assessment exists exactly where a
    /// lawful penalty outcome, as recommended, carries the Art. 63 right, and
    /// always ends five working days after the notice.
    #[test]
    fn prop_hearing_period_only_under_art_63(
        (catalogue, case, regime, as_of) in rouxing::strategy::assessment_inputs(),
    ) {
        let a = assess(&case, &catalogue, &regime, as_of);
        let dl = a.deadline(DeadlineKind::HearingRequest);
        let d = recommend(&a, &regime);
        if d.duties.hearing_notice {
            prop_assert!(dl.is_some());
        }
        if let Some(dl) = dl {
            prop_assert!(a.lawful.iter().any(|o| o.tier != Tier::NoPenalty));
            prop_assert_eq!(dl.due, hearing_request_due(dl.from, &regime.calendar).date);
            prop_assert!(dl.due > dl.from);
        }
    }
}

/// 第六十五条: the decision waits for the hearing requested in time; it may be
/// made on the day the hearing is held (the hearing has ended), and a
/// hearing requested after the five working days (第六十四条第一项: the right
/// lapsed) holds nothing up, even when the agency holds it after deciding.
#[test]
fn only_a_hearing_requested_in_time_and_held_after_the_decision_is_waited_for() {
    let c = case("LARGE-1").filed_on(d(2025, 3, 11)).build().unwrap();
    let dec = recommend(&assess(&c, &cat(), &Regime::national(), d(2025, 4, 1)), &Regime::national());
    assert_eq!(dec.decided_on, d(2025, 4, 1));
    let decided_before =
        |answer| has(&findings(&c, &dec, &notice(&dec, answer)), FindingCode::DecidedBeforeHearing);
    // Requested in time (due 2025-03-27).
    assert!(!decided_before(HearingAnswer::Held { requested_on: d(2025, 3, 27), held_on: d(2025, 4, 1) }));
    assert!(decided_before(HearingAnswer::Held { requested_on: d(2025, 3, 27), held_on: d(2025, 4, 2) }));
    // Requested a day late.
    assert!(!decided_before(HearingAnswer::Held { requested_on: d(2025, 3, 28), held_on: d(2025, 4, 8) }));
}

/// 第四十五条第二款 ("行政机关不得因当事人陈述、申辩而给予更重的处罚"): a fine raised after
/// the statement is measured against the fine notified, kind against the
/// same kind.
#[test]
fn a_fine_raised_after_the_statement_is_compared_with_the_fine_notified() {
    let c = case("LARGE-1").filed_on(d(2025, 3, 11)).build().unwrap();
    let dec = recommend(&assess(&c, &cat(), &Regime::national(), d(2025, 4, 1)), &Regime::national());
    let notified = dec.fine().unwrap();
    let n = notice(&dec, HearingAnswer::Waived { reference: "放弃听证声明书".into() });
    let mut raised = dec.clone();
    raised.sanctions =
        vec![Sanction { kind: PenaltyKind::Fine, amount: notified.checked_add(Money::yuan(1_000)) }].into();
    let fs = findings(&c, &raised, &n);
    let f = fs.iter().find(|f| f.0 == FindingCode::HeavierAfterStatement).unwrap();
    assert_eq!(
        f.3,
        Detail::Heavier {
            kind: PenaltyKind::Fine,
            amount: notified.checked_add(Money::yuan(1_000)),
            notified: Some(notified),
            kind_notified: true,
            new_facts: 0,
        }
    );
}
