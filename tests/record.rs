//! The full-process record (Art. 47): lifecycle rules on append, deadlines,
//! the hash chain and the JSON Lines export.

use chrono::NaiveDate;
use proptest::prelude::*;
use rouxing::Decision;
use rouxing::assess::Tier;
use rouxing::decision::{Disposition, Procedure, ReviewTrigger};
use rouxing::measure::{Channel, SoftMeasure};
use rouxing::money::Money;
use rouxing::record::*;
use rouxing::{CaseFile, Regime};
use sha2::{Digest as _, Sha256};

use crate::common::{case, catalogue, d, range_item, run};

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

/// The recommended decision on C-1: 一般处罚, fine ¥5,500, decided 2025-04-01.
fn decision() -> Decision {
    let cat = catalogue(vec![range_item("X-1")]);
    let c = case("X-1").filed_on(d(2025, 3, 11)).build().unwrap();
    let dec = run(&c, &cat).1;
    assert_eq!(dec.tier, Tier::Ordinary);
    assert_eq!(dec.fine(), Some(Money::yuan(5_500)));
    assert_eq!(dec.procedure, Procedure::Ordinary);
    dec
}

fn no_penalty() -> Decision {
    let mut dec = decision();
    dec.tier = Tier::NoPenalty;
    dec.disposition = Disposition::NoPenalty;
    dec.sanctions.clear();
    dec
}

fn ev(on: NaiveDate, stage: Stage) -> Event {
    Event::new(on, stage)
}

fn started() -> Event {
    started_with(d(2025, 3, 10), Some(d(2027, 3, 1)))
}

fn started_with(discovered_on: NaiveDate, limitation_ends: Option<NaiveDate>) -> Event {
    ev(
        discovered_on,
        Stage::Started {
            origin: Origin::Inspection,
            party: "ORG-1".parse().unwrap(),
            item: Some("X-1".parse().unwrap()),
            act_on: d(2025, 3, 1),
            discovered_on,
            limitation_ends,
        },
    )
}

fn filed() -> Event {
    ev(d(2025, 3, 11), Stage::Filed { approved_by: "HEAD-1".parse().unwrap() })
}

fn officer(id: &str) -> Officer {
    Officer { id: id.parse().unwrap(), credential: format!("62070000{id}").parse().unwrap() }
}

fn investigated_by(officers: Vec<Officer>) -> Event {
    ev(
        d(2025, 3, 12),
        Stage::Investigated {
            officers,
            evidence: vec![EvidenceRef {
                kind: EvidenceKind::InspectionRecord,
                reference: "现场笔录 2025-012".into(),
                sha256: Some(Digest::of(b"scan")),
            }],
            sole_officer_basis: None,
        },
    )
}

fn investigated() -> Event {
    investigated_by(vec![officer("O-1"), officer("O-2")])
}

fn notified(dec: &Decision) -> Event {
    ev(d(2025, 3, 20), Stage::notice_for(dec, d(2025, 3, 25)))
}

fn stated() -> Event {
    ev(d(2025, 3, 24), Stage::Stated { summary: "当事人称已着手整改".into(), adopted: false })
}

fn decided(dec: &Decision) -> Event {
    ev(d(2025, 4, 1), Stage::Decided { decision: Box::new(dec.clone()) })
}

fn served(on: NaiveDate) -> Event {
    ev(on, Stage::Served { method: ServiceMethod::Direct, consent: None })
}

fn closed(on: NaiveDate) -> Event {
    ev(on, Stage::Closed {})
}

fn file_with(events: Vec<Event>) -> CaseFile {
    let mut f = CaseFile::new("C-1".parse().unwrap());
    for (i, e) in events.into_iter().enumerate() {
        if let Err(err) = f.append(e) {
            panic!("event {i}: {err}");
        }
    }
    f
}

/// Up to and including the statement: a penalty may be decided next.
fn ready(dec: &Decision) -> CaseFile {
    file_with(vec![started(), filed(), investigated(), notified(dec), stated()])
}

/// A complete ordinary-procedure case with payment, re-inspection, contact,
/// follow-up and closing.
fn full() -> CaseFile {
    let dec = decision();
    let mut f = ready(&dec);
    for e in [
        ev(
            d(2025, 3, 26),
            Stage::Contacted {
                measure: SoftMeasure::Reminder,
                channel: Channel::Phone,
                content: "提醒当事人整改期限".into(),
                answer: "当事人表示按期整改".into(),
            },
        ),
        decided(&dec),
        served(d(2025, 4, 2)),
        ev(d(2025, 4, 10), Stage::Paid { amount: Money::yuan(5_500), receipt: "缴款书 0001".into() }),
        ev(
            d(2025, 4, 12),
            Stage::Reinspected { result: Rectification::Corrected, findings: "已整改到位".into() },
        ),
        ev(
            d(2025, 4, 15),
            Stage::FollowedUp { channel: Channel::InPerson, findings: "未再发现违法行为".into() },
        ),
        closed(d(2025, 4, 20)),
    ] {
        f.append(e).unwrap();
    }
    f
}

fn err(f: &mut CaseFile, e: Event) -> String {
    f.append(e).unwrap_err().to_string()
}

// ---------------------------------------------------------------------------
// Lifecycle rules: each with a passing and a failing sequence
// ---------------------------------------------------------------------------

#[test]
fn starts_with_start_and_once() {
    let mut f = CaseFile::new("C-1".parse().unwrap());
    assert_eq!(
        err(&mut f, filed()),
        "`立案` before `启动`: a case file starts with the case's start (Art. 47)"
    );
    assert!(f.is_empty());
    f.append(started()).unwrap();
    assert_eq!(err(&mut f, started()), "`启动` is already recorded and happens once per case");
    f.append(filed()).unwrap();
    assert_eq!(err(&mut f, filed()), "`立案` is already recorded and happens once per case");
}

#[test]
fn steps_are_dated_in_order() {
    let mut f = file_with(vec![started(), filed()]);
    let early = ev(
        d(2025, 3, 10),
        Stage::Reinspected { result: Rectification::NotCorrected, findings: "未整改".into() },
    );
    assert_eq!(
        err(&mut f, early.clone()),
        "`整改复查` on `2025-03-10` is dated before the previous step on `2025-03-11`"
    );
    let mut ok = early;
    ok.on = d(2025, 3, 11);
    f.append(ok).unwrap();
}

#[test]
fn not_filing_needs_no_prior_filing_and_ends_without_decision() {
    let nf = ev(
        d(2025, 3, 11),
        Stage::NotFiled {
            approved_by: "HEAD-1".parse().unwrap(),
            reason: "违法行为轻微并及时改正，没有造成危害后果".into(),
        },
    );
    let mut f = file_with(vec![started(), nf.clone()]);
    assert_eq!(err(&mut f, nf.clone()), "`不予立案` is already recorded and happens once per case");
    assert_eq!(err(&mut f, decided(&no_penalty())), "`决定` after `不予立案`: file the case first");
    f.append(ev(d(2025, 4, 1), Stage::FollowedUp { channel: Channel::Phone, findings: "已改正".into() }))
        .unwrap();
    f.append(closed(d(2025, 4, 2))).unwrap();
    assert!(f.is_closed());

    let mut g = file_with(vec![started(), filed()]);
    assert_eq!(err(&mut g, nf), "`不予立案` after `立案`: the case is already filed");
}

#[test]
fn art_42_two_officers_with_credentials() {
    let mut f = file_with(vec![started(), filed()]);
    assert_eq!(
        err(&mut f, investigated_by(vec![officer("O-1")])),
        "`调查取证` by `1` officer(s): at least two officers with credentials are required (Art. 42)"
    );
    assert_eq!(
        err(&mut f, investigated_by(vec![officer("O-1"), officer("O-1")])),
        "`调查取证` by `1` officer(s): at least two officers with credentials are required (Art. 42)"
    );
    let mut sole = investigated_by(vec![officer("O-1")]);
    if let Stage::Investigated { sole_officer_basis, .. } = &mut sole.stage {
        *sole_officer_basis = Some("《某法》第十条".into());
    }
    f.append(sole).unwrap();
    f.append(investigated()).unwrap();
    let mut none = investigated();
    if let Stage::Investigated { evidence, .. } = &mut none.stage {
        evidence.clear();
    }
    assert_eq!(err(&mut f, none), "`调查取证` without any evidence reference (Arts. 46, 47)");
}

type Damage = (&'static str, fn(&mut Stage));

#[test]
fn art_44_notice_content() {
    let dec = decision();
    let mut f = file_with(vec![started(), filed(), investigated()]);
    let cases: [Damage; 5] = [
        ("facts", |s| {
            if let Stage::Notified { facts, .. } = s {
                facts.clear();
            }
        }),
        ("reasons", |s| {
            if let Stage::Notified { reasons, .. } = s {
                *reasons = "  ".into();
            }
        }),
        ("basis", |s| {
            if let Stage::Notified { basis, .. } = s {
                basis.clear();
            }
        }),
        ("statement", |s| {
            if let Stage::Notified { rights, .. } = s {
                rights.retain(|r| *r != PartyRight::Statement);
            }
        }),
        ("defence", |s| {
            if let Stage::Notified { rights, .. } = s {
                rights.retain(|r| *r != PartyRight::Defence);
            }
        }),
    ];
    let expected = ["事实", "理由", "依据", "陈述权利", "申辩权利"];
    for ((_, damage), missing) in cases.iter().zip(expected) {
        let mut e = notified(&dec);
        damage(&mut e.stage);
        assert_eq!(err(&mut f, e), format!("`告知` lacks the {missing} (Art. 44)"));
    }
    let mut e = notified(&dec);
    if let Stage::Notified { reply_by, .. } = &mut e.stage {
        *reply_by = d(2025, 3, 19);
    }
    assert_eq!(
        err(&mut f, e),
        "`告知` on `2025-03-20` gives a reply period ending `2025-03-19`, before the notice"
    );
    f.append(notified(&dec)).unwrap();
}

#[test]
fn art_62_no_penalty_decision_before_notice_and_hearing_of_the_party() {
    let dec = decision();
    let mut f = file_with(vec![started(), filed(), investigated()]);
    assert_eq!(
        err(&mut f, stated()),
        "`陈述申辩` before `告知`: the party is heard on a notified proposal (Arts. 44, 45)"
    );
    assert_eq!(err(&mut f, decided(&dec)), "penalty decided before `告知` (Arts. 44, 62)");
    f.append(notified(&dec)).unwrap();
    assert_eq!(
        err(&mut f, decided(&dec)),
        "penalty decided before the party was heard, waived, or let the period to `2025-03-25` pass (Arts. 45, 62)"
    );
    // A no-penalty decision is not a 行政处罚决定: Art. 62 does not apply.
    let mut g = f.clone();
    g.append(decided(&no_penalty())).unwrap();
    // The express waiver (Art. 62 "当事人明确放弃陈述或者申辩权利的除外").
    let mut w = f.clone();
    w.append(ev(d(2025, 3, 21), Stage::Waived { reference: "放弃陈述申辩声明".into() })).unwrap();
    w.append(decided(&dec)).unwrap();
    // Statement heard.
    f.append(stated()).unwrap();
    f.append(decided(&dec)).unwrap();
}

#[test]
fn reply_period_lapses_only_after_its_last_day() {
    let dec = decision();
    let mut f = file_with(vec![started(), filed(), investigated(), notified(&dec)]);
    assert_eq!(
        err(&mut f, ev(d(2025, 3, 25), Stage::StatementLapsed {})),
        "`陈述申辩期限届满` on `2025-03-25`, but the period runs until `2025-03-25`"
    );
    f.append(ev(d(2025, 3, 26), Stage::StatementLapsed {})).unwrap();
    f.append(decided(&dec)).unwrap();
}

#[test]
fn art_45_no_heavier_than_notified() {
    let dec = decision();
    let mut heavier = dec.clone();
    heavier.tier = Tier::Heavier;
    let mut f = ready(&dec);
    assert_eq!(
        err(&mut f, decided(&heavier)),
        "decision `从重处罚 ¥5,500.00` is heavier than the notified `一般处罚 ¥5,500.00`: notify the heavier proposal first (Arts. 44, 45 ¶2)"
    );
    // Notify the heavier proposal, hear the party, then decide.
    f.append(ev(d(2025, 3, 26), Stage::notice_for(&heavier, d(2025, 3, 31)))).unwrap();
    f.append(ev(d(2025, 3, 27), Stage::Waived { reference: "书面放弃".into() })).unwrap();
    f.append(decided(&heavier)).unwrap();
}

fn with_hearing(dec: &Decision) -> Decision {
    let mut h = dec.clone();
    h.duties.hearing_notice = true;
    h
}

#[test]
fn art_63_64_hearing() {
    let dec = with_hearing(&decision());
    let plain = decision();
    // Notice without the hearing right.
    let mut f = file_with(vec![started(), filed(), investigated(), notified(&plain), stated()]);
    assert_eq!(
        err(&mut f, ev(d(2025, 3, 24), Stage::HearingRequested {})),
        "`要求听证` but the notice did not tell the party of the right to a hearing (Art. 63)"
    );
    assert_eq!(
        err(&mut f, decided(&dec)),
        "the decision requires telling the party of the right to a hearing, and the notice did not (Art. 63)"
    );

    // Notice with the hearing right on Thursday 2025-03-20; five working
    // days end on Thursday 2025-03-27.
    let mut g = file_with(vec![started(), filed(), investigated(), notified(&dec)]);
    let schedule = |on, hearing_on, presiding: &str| {
        ev(on, Stage::HearingScheduled { hearing_on, presiding: presiding.parse().unwrap() })
    };
    assert_eq!(
        err(&mut g, schedule(d(2025, 3, 21), d(2025, 4, 10), "H-1")),
        "`听证通知` without a request for a hearing (Art. 63)"
    );
    assert_eq!(
        err(&mut g, ev(d(2025, 3, 21), Stage::HearingEnded { outcome: HearingOutcome::Held })),
        "`听证` without `听证通知` (Art. 64 (二))"
    );
    g.append(ev(d(2025, 3, 24), Stage::HearingRequested {})).unwrap();
    g.append(stated()).unwrap();
    assert_eq!(
        err(&mut g, decided(&dec)),
        "penalty decided before the hearing requested on `2025-03-24` ended (Arts. 63, 65)"
    );
    // Seven working days from Tuesday 2025-03-25 end on Thursday 2025-04-03.
    assert_eq!(
        err(&mut g, schedule(d(2025, 3, 25), d(2025, 4, 2), "H-1")),
        "hearing on `2025-04-02` notified on `2025-03-25`: it may be held on `2025-04-03` at the earliest (Art. 64 (二), Art. 85)"
    );
    assert_eq!(
        err(&mut g, schedule(d(2025, 3, 25), d(2025, 4, 3), "O-2")),
        "hearing presided by `O-2`, an investigator of the case (Art. 64 (四))"
    );
    g.append(schedule(d(2025, 3, 25), d(2025, 4, 3), "H-1")).unwrap();
    assert_eq!(
        err(&mut g, ev(d(2025, 4, 2), Stage::HearingEnded { outcome: HearingOutcome::Held })),
        "hearing recorded on `2025-04-02`, before the notified day `2025-04-03`"
    );
    g.append(ev(d(2025, 4, 3), Stage::HearingEnded { outcome: HearingOutcome::Held })).unwrap();
    let mut late_dec = dec.clone();
    late_dec.decided_on = d(2025, 4, 7);
    g.append(ev(d(2025, 4, 7), Stage::Decided { decision: Box::new(late_dec) })).unwrap();

    // A request after the five working days is recorded but does not hold
    // the decision up.
    let mut h = file_with(vec![started(), filed(), investigated(), notified(&dec)]);
    h.append(ev(d(2025, 3, 28), Stage::HearingRequested {})).unwrap();
    h.append(ev(d(2025, 3, 28), Stage::StatementLapsed {})).unwrap();
    h.append(decided(&dec)).unwrap();
}

#[test]
fn art_58_legal_review() {
    let mut dec = decision();
    dec.duties.legal_review = vec![ReviewTrigger::Complex];
    let mut f = ready(&dec);
    assert_eq!(
        err(&mut f, decided(&dec)),
        "`决定` without `法制审核`, which the decision requires (Art. 58)"
    );
    let review = |opinion| {
        ev(
            d(2025, 3, 28),
            Stage::LegalReviewed { reviewer: "R-1".parse().unwrap(), opinion, text: "审核意见".into() },
        )
    };
    f.append(review(ReviewOpinion::NotPassed)).unwrap();
    assert_eq!(err(&mut f, decided(&dec)), "`决定` after a `法制审核` that did not pass (Art. 58)");
    f.append(review(ReviewOpinion::Passed)).unwrap();
    f.append(decided(&dec)).unwrap();
    // Without a trigger no review is needed.
    let plain = decision();
    ready(&plain).append(decided(&plain)).unwrap();
}

#[test]
fn art_57_collective_discussion() {
    let mut dec = decision();
    dec.duties.collective_decision = true;
    let mut f = ready(&dec);
    assert_eq!(
        err(&mut f, decided(&dec)),
        "`决定` without `集体讨论`, which the decision requires (Art. 57 ¶2)"
    );
    f.append(ev(
        d(2025, 3, 28),
        Stage::Discussed {
            participants: vec!["HEAD-1".parse().unwrap(), "HEAD-2".parse().unwrap()],
            conclusion: "同意".into(),
        },
    ))
    .unwrap();
    f.append(decided(&dec)).unwrap();
}

#[test]
fn art_36_no_penalty_after_the_limitation() {
    let dec = decision();
    let late = started_with(d(2025, 3, 10), Some(d(2025, 3, 9)));
    let mut f = file_with(vec![late.clone(), filed(), investigated(), notified(&dec), stated()]);
    assert_eq!(
        err(&mut f, decided(&dec)),
        "penalty decided although discovery on `2025-03-10` came after the limitation's last day `2025-03-09` (Art. 36)"
    );
    f.append(decided(&no_penalty())).unwrap();
    let mut g = file_with(vec![started(), filed(), investigated(), notified(&dec), stated()]);
    g.append(decided(&dec)).unwrap();
}

#[test]
fn one_decision_per_case_unless_revoked() {
    let dec = decision();
    let mut f = ready(&dec);
    let mut other = dec.clone();
    other.case_id = "C-2".parse().unwrap();
    assert_eq!(err(&mut f, decided(&other)), "decision for case `C-2` appended to the file of case `C-1`");
    assert_eq!(
        err(&mut f, ev(d(2025, 4, 1), Stage::Revoked { reason: "x".into() })),
        "`撤销决定` before any decision in force (Art. 61)"
    );
    f.append(decided(&dec)).unwrap();
    assert_eq!(
        err(&mut f, decided(&dec)),
        "`决定` while the decision of `2025-04-01` is in force: revoke it first"
    );
    f.append(ev(d(2025, 4, 2), Stage::Revoked { reason: "自行纠正".into() })).unwrap();
    assert!(f.decision().is_none());
    f.append(ev(d(2025, 4, 3), Stage::Decided { decision: Box::new(no_penalty()) })).unwrap();
    assert_eq!(f.decision().map(|d| d.tier), Some(Tier::NoPenalty));
}

#[test]
fn ordinary_procedure_needs_filing_summary_does_not() {
    let dec = decision();
    let mut f = file_with(vec![started(), investigated(), notified(&dec), stated()]);
    assert_eq!(err(&mut f, decided(&dec)), "`决定` under the ordinary procedure without `立案` (Art. 54 ¶2)");
    let mut summary = dec.clone();
    summary.procedure = Procedure::Summary;
    f.append(decided(&summary)).unwrap();
}

#[test]
fn service_only_after_a_decision() {
    let dec = decision();
    let mut f = ready(&dec);
    assert_eq!(err(&mut f, served(d(2025, 3, 30))), "`送达` before any decision in force (Art. 61)");
    assert_eq!(
        err(&mut f, ev(d(2025, 3, 30), Stage::Paid { amount: Money::yuan(1), receipt: "r".into() })),
        "`缴纳罚款` before any decision in force (Art. 61)"
    );
    f.append(decided(&dec)).unwrap();
    assert_eq!(
        err(&mut f, ev(d(2025, 4, 1), Stage::Paid { amount: Money::yuan(5_500), receipt: "r".into() })),
        "`缴纳罚款` before the decision was served (Arts. 61, 67 ¶3)"
    );
    assert_eq!(err(&mut f, closed(d(2025, 4, 1))), "`结案` before the decision was served (Arts. 61, 67 ¶3)");
    let electronic = |consent: Option<&str>| {
        ev(
            d(2025, 4, 2),
            Stage::Served { method: ServiceMethod::Electronic, consent: consent.map(Into::into) },
        )
    };
    assert_eq!(
        err(&mut f, electronic(None)),
        "electronic service without the party's signed confirmation (Art. 61 ¶2)"
    );
    f.append(electronic(Some("送达地址确认书"))).unwrap();
    f.append(ev(d(2025, 4, 3), Stage::Paid { amount: Money::yuan(5_500), receipt: "r".into() })).unwrap();
    f.append(closed(d(2025, 4, 4))).unwrap();
}

#[test]
fn payment_needs_a_fine() {
    let dec = no_penalty();
    let mut f = file_with(vec![started(), filed(), decided(&dec), served(d(2025, 4, 1))]);
    assert_eq!(
        err(&mut f, ev(d(2025, 4, 2), Stage::Paid { amount: Money::yuan(1), receipt: "r".into() })),
        "`缴纳罚款` on a decision without a fine"
    );
    f.append(ev(d(2025, 4, 2), Stage::Performed { content: "已改正".into() })).unwrap();
}

#[test]
fn follow_up_and_closing_need_an_outcome() {
    let mut f = file_with(vec![started(), filed()]);
    let visit = ev(d(2025, 4, 1), Stage::FollowedUp { channel: Channel::Phone, findings: "x".into() });
    assert_eq!(err(&mut f, visit.clone()), "`回访` before a decision or `不予立案`");
    assert_eq!(err(&mut f, closed(d(2025, 4, 1))), "`结案` before a decision or `不予立案`");
    f.append(decided(&no_penalty())).unwrap();
    f.append(visit).unwrap();
    f.append(served(d(2025, 4, 2))).unwrap();
    f.append(closed(d(2025, 4, 3))).unwrap();
    assert_eq!(
        err(&mut f, served(d(2025, 4, 4))),
        "`送达` after `结案`: a closed case takes no further steps"
    );
}

#[test]
fn a_transfer_closes_without_service() {
    let mut t = no_penalty();
    t.disposition = Disposition::Transfer;
    let mut f = file_with(vec![started(), filed(), decided(&t)]);
    f.append(closed(d(2025, 4, 2))).unwrap();
}

// ---------------------------------------------------------------------------
// Deadlines
// ---------------------------------------------------------------------------

#[test]
fn deadlines_from_the_steps() {
    let regime = Regime::national();
    let f = full();
    let ds = f.deadlines(&regime);
    let get = |o| *ds.iter().find(|x| x.obligation == o).unwrap();
    // Art. 60: 90 days from 2025-03-11.
    let decide = get(Obligation::Decide);
    assert_eq!((decide.from, decide.due), (d(2025, 3, 11), d(2025, 6, 9)));
    assert_eq!(decide.met_on, Some(d(2025, 4, 1)));
    // Art. 61: seven working days from Tuesday 2025-04-01; 4 April is 清明.
    let serve = get(Obligation::Serve);
    assert_eq!(serve.due, d(2025, 4, 11));
    assert_eq!(serve.met_on, Some(d(2025, 4, 2)));
    // Art. 67 ¶3: 15 days from receipt on 2025-04-02.
    let pay = get(Obligation::Pay);
    assert_eq!((pay.from, pay.due, pay.met_on), (d(2025, 4, 2), d(2025, 4, 17), Some(d(2025, 4, 10))));
    assert_eq!(pay.status(d(2025, 4, 30)), DeadlineStatus::Met);
    assert!(f.overdue(&regime, d(2026, 1, 1)).iter().all(|x| x.obligation != Obligation::Pay));
    assert_eq!(Obligation::Pay.citation().to_string(), "《中华人民共和国行政处罚法》第六十七条第三款");
    for o in Obligation::ALL {
        assert!(o.citation().is_known(), "{o}");
    }
}

#[test]
fn overdue_lists_missed_duties_not_lapsed_rights() {
    let regime = Regime::national();
    let dec = with_hearing(&decision());
    let mut f = file_with(vec![started(), filed(), investigated(), notified(&dec)]);
    let hearing = *f.deadlines(&regime).iter().find(|x| x.obligation == Obligation::RequestHearing).unwrap();
    assert_eq!(hearing.due, d(2025, 3, 27));
    assert_eq!(hearing.status(d(2025, 3, 28)), DeadlineStatus::Lapsed);
    assert!(f.overdue(&regime, d(2025, 3, 28)).is_empty());
    assert!(f.overdue(&regime, d(2025, 6, 9)).is_empty());
    let late = f.overdue(&regime, d(2025, 6, 10));
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].obligation, Obligation::Decide);
    // Decided but not served: the service deadline runs out.
    f.append(ev(d(2025, 3, 28), Stage::StatementLapsed {})).unwrap();
    f.append(decided(&dec)).unwrap();
    let late: Vec<_> = f.overdue(&regime, d(2025, 4, 14)).into_iter().map(|x| x.obligation).collect();
    assert_eq!(late, vec![Obligation::Serve]);
    // Served late: met late, no longer overdue; payment now runs.
    f.append(served(d(2025, 4, 14))).unwrap();
    let ds = f.deadlines(&regime);
    let serve = ds.iter().find(|x| x.obligation == Obligation::Serve).unwrap();
    assert_eq!(serve.status(d(2025, 4, 14)), DeadlineStatus::MetLate);
    let late: Vec<_> = f.overdue(&regime, d(2025, 4, 30)).into_iter().map(|x| x.obligation).collect();
    assert_eq!(late, vec![Obligation::Correct, Obligation::Pay]);
}

// ---------------------------------------------------------------------------
// Chain, export and import
// ---------------------------------------------------------------------------

#[test]
fn export_import_round_trip() {
    let f = full();
    f.verify().unwrap();
    let text = f.to_jsonl();
    let back = CaseFile::from_jsonl(&text).unwrap();
    assert_eq!(back, f);
    assert_eq!(back.to_jsonl(), text);
    assert_eq!(text.lines().count(), f.len() + 2);
    assert!(text.starts_with(r#"{"format":"rouxing-case-file","schema_version":1,"case_id":"C-1"}"#));
    // JSON round trip of the case file and an entry.
    let json = serde_json::to_string(&f).unwrap();
    assert_eq!(serde_json::from_str::<CaseFile>(&json).unwrap(), f);
    let e = &f.entries()[3];
    let ej = serde_json::to_string(e).unwrap();
    assert_eq!(&serde_json::from_str::<Entry>(&ej).unwrap(), e);
    let bad = ej.replace("\"stage\":\"notified\"", "\"stage\":\"notified\",\"x\":1");
    assert!(serde_json::from_str::<Entry>(&bad).is_err());
    // The head is checked when the caller stored it.
    CaseFile::from_jsonl_with(&text, rouxing::calendar::WorkCalendar::china(), Some(f.head())).unwrap();
}

/// The format as documented, computed independently of the crate.
fn forge(case_id: &str, events: &[Event]) -> String {
    let header = format!(r#"{{"format":"rouxing-case-file","schema_version":1,"case_id":"{case_id}"}}"#);
    let mut prev: [u8; 32] = Sha256::digest(header.as_bytes()).into();
    let hex = |b: &[u8; 32]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    let mut out = format!("{header}\n");
    for (seq, e) in (0u64..).zip(events) {
        let content = serde_json::to_string(e).unwrap();
        let mut h = Sha256::new();
        h.update(prev);
        h.update(seq.to_be_bytes());
        h.update(content.as_bytes());
        let hash: [u8; 32] = h.finalize().into();
        out.push_str(&format!(
            "{{\"seq\":{seq},\"prev\":\"{}\",\"hash\":\"{}\",\"event\":{content}}}\n",
            hex(&prev),
            hex(&hash)
        ));
        prev = hash;
    }
    out.push_str(&format!("{{\"events\":{},\"head\":\"{}\"}}\n", events.len(), hex(&prev)));
    out
}

#[test]
fn the_documented_format_is_the_written_one() {
    let f = full();
    let events: Vec<Event> = f.entries().iter().map(|e| e.event().clone()).collect();
    assert_eq!(forge("C-1", &events), f.to_jsonl());
}

#[test]
fn import_replays_the_lifecycle() {
    // A well-formed chain whose steps are out of order.
    let dec = decision();
    let text = forge("C-1", &[started(), filed(), decided(&dec)]);
    let e = CaseFile::from_jsonl(&text).unwrap_err();
    assert_eq!(e.to_string(), "line 4: event `2` is out of order");
    assert_eq!(
        std::error::Error::source(&e).unwrap().to_string(),
        "penalty decided before `告知` (Arts. 44, 62)"
    );
    assert_eq!(e.line(), 4);
}

fn import_err(text: &str) -> ImportError {
    CaseFile::from_jsonl(text).unwrap_err()
}

#[test]
fn import_error_messages() {
    let f = file_with(vec![started(), filed(), investigated()]);
    let text = f.to_jsonl();
    let lines: Vec<&str> = text.lines().collect();
    let head = f.head();

    // The first damaged line is reported: here line 1 is not a header.
    assert_eq!(
        CaseFile::from_jsonl_bytes(&[b'{', b'\n', 0xff]).unwrap_err().to_string(),
        "line 1: not a case-file line: EOF while parsing an object at line 1 column 1"
    );
    let mut bad = format!("{}\n", lines[0]).into_bytes();
    bad.push(0xff);
    assert_eq!(CaseFile::from_jsonl_bytes(&bad).unwrap_err().to_string(), "line 2: not valid UTF-8");
    assert_eq!(
        import_err("").to_string(),
        "line 1: not a case-file line: EOF while parsing a value at line 1 column 0"
    );
    assert_eq!(
        import_err(&text.replacen("\"seq\":1,", "\"seq\": 1,", 1)).to_string(),
        "line 3: not in canonical form"
    );
    assert_eq!(
        import_err(&text.replacen("\"schema_version\":1", "\"schema_version\":2", 1)).to_string(),
        "line 1: unsupported format `rouxing-case-file` version `2`"
    );
    let e = import_err(&text.replacen("\"case_id\":\"C-1\"", "\"case_id\":\"C-9\"", 1));
    assert!(e.to_string().starts_with("line 1: the header was changed: the first event links to `"), "{e}");
    // A changed entry.
    let changed = text.replacen("O-2", "O-3", 1);
    let e = import_err(&changed);
    assert_eq!(e.to_string(), "line 4: broken chain");
    let src = std::error::Error::source(&e).unwrap().to_string();
    assert!(src.starts_with("event `2` was changed: stored digest `"), "{src}");
    // A removed entry.
    let removed = [lines[0], lines[1], lines[3], lines[4], ""].join("\n");
    let e = import_err(&removed);
    assert_eq!(std::error::Error::source(&e).unwrap().to_string(), "expected event `1`, found event `2`");
    assert_eq!(e.line(), 3);
    // A replaced entry with a recomputed digest breaks the next link.
    let other = file_with(vec![
        started(),
        ev(d(2025, 3, 11), Stage::Filed { approved_by: "HEAD-2".parse().unwrap() }),
        investigated(),
    ]);
    let other_text = other.to_jsonl();
    let other_lines: Vec<&str> = other_text.lines().collect();
    let spliced = [lines[0], lines[1], other_lines[2], lines[3], lines[4], ""].join("\n");
    let e = import_err(&spliced);
    assert_eq!(e.line(), 4);
    let src = std::error::Error::source(&e).unwrap().to_string();
    assert!(src.starts_with("event `2` does not link to the previous event: it names `"), "{src}");
    // The closing line.
    let count =
        [lines[0], lines[1], lines[2], lines[3], &format!("{{\"events\":4,\"head\":\"{head}\"}}"), ""]
            .join("\n");
    assert_eq!(
        import_err(&count).to_string(),
        "line 5: the closing line states `4` events, the file has `3`"
    );
    let zero = Digest::of(b"");
    let wrong_head =
        [lines[0], lines[1], lines[2], lines[3], &format!("{{\"events\":3,\"head\":\"{zero}\"}}"), ""]
            .join("\n");
    assert_eq!(
        import_err(&wrong_head).to_string(),
        format!("line 5: the closing line states head `{zero}`, the chain ends at `{head}`")
    );
    assert_eq!(
        import_err(&[lines[0], lines[1], lines[2], lines[3], ""].join("\n")).to_string(),
        "line 5: the file ends after `3` events without its closing line"
    );
    assert_eq!(import_err(text.trim_end()).to_string(), "line 5: the closing line lacks its final newline");
    assert_eq!(import_err(&format!("{text}\n")).to_string(), "line 6: content after the closing line");
    let e =
        CaseFile::from_jsonl_with(&text, rouxing::calendar::WorkCalendar::china(), Some(zero)).unwrap_err();
    assert_eq!(e.to_string(), format!("line 5: the file ends at head `{head}`, expected `{zero}`"));
}

#[test]
fn verify_names_the_first_broken_link() {
    let f = full();
    assert_eq!(f.verify(), Ok(()));
    let e = ChainError::OutOfSequence { expected: 3, found: 4 };
    assert_eq!(e.seq(), 3);
    assert_eq!(e.to_string(), "expected event `3`, found event `4`");
    let z = Digest::ZERO;
    assert_eq!(
        ChainError::Tampered { seq: 1, stored: z, computed: z }.to_string(),
        format!("event `1` was changed: stored digest `{z}`, computed `{z}`")
    );
    assert_eq!(
        ChainError::Unlinked { seq: 2, found: z, expected: z }.to_string(),
        format!("event `2` does not link to the previous event: it names `{z}`, expected `{z}`")
    );
    assert_eq!(
        "G".repeat(64).parse::<Digest>().unwrap_err().to_string(),
        format!("invalid digest `{}`: expected 64 lowercase hexadecimal digits", "G".repeat(64))
    );
}

// ---------------------------------------------------------------------------
// Property tests: tampering with an exported file is found where it happens
// ---------------------------------------------------------------------------

/// The 1-based line where `mutated` first differs from `original`, lines
/// taken with their newline.
fn first_difference(original: &[u8], mutated: &[u8]) -> usize {
    let a: Vec<&[u8]> = original.split_inclusive(|b| *b == b'\n').collect();
    let b: Vec<&[u8]> = mutated.split_inclusive(|b| *b == b'\n').collect();
    let same = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    same + 1
}

fn check(original: &[u8], mutated: &[u8]) -> Result<(), TestCaseError> {
    prop_assume!(original != mutated);
    let expected = first_difference(original, mutated);
    match CaseFile::from_jsonl_bytes(mutated) {
        Ok(_) => Err(TestCaseError::fail("a mutated file was imported")),
        Err(e) => {
            prop_assert_eq!(e.line(), expected, "{}", e);
            Ok(())
        }
    }
}

fn exported() -> Vec<u8> {
    full().to_jsonl().into_bytes()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::common::cases(400), max_global_rejects: 1 << 20, ..ProptestConfig::default() })]

    /// Any single-byte change is found on the line it was made.
    #[test]
    fn prop_record_byte_change_is_found(pos in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let original = exported();
        let mut m = original.clone();
        let i = pos.index(m.len());
        m[i] = byte;
        check(&original, &m)?;
    }

    /// Any single-byte deletion is found on the line it was made.
    #[test]
    fn prop_record_byte_deletion_is_found(pos in any::<prop::sample::Index>()) {
        let original = exported();
        let mut m = original.clone();
        m.remove(pos.index(m.len()));
        check(&original, &m)?;
    }

    /// Any single-byte insertion is found on the line it was made.
    #[test]
    fn prop_record_byte_insertion_is_found(pos in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let original = exported();
        let mut m = original.clone();
        m.insert(pos.index(m.len() + 1), byte);
        check(&original, &m)?;
    }

    /// Removing, duplicating or moving a whole line, or cutting the file,
    /// is found at the first line that differs.
    #[test]
    fn prop_record_line_edits_are_found(
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
        op in 0u8..4,
    ) {
        let original = exported();
        let text = String::from_utf8(original.clone()).unwrap();
        let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
        let n = lines.len();
        let mutated: Vec<u8> = match op {
            0 => { lines.remove(a.index(n)); lines.concat().into_bytes() }
            1 => { let l = lines[a.index(n)]; lines.insert(b.index(n + 1), l); lines.concat().into_bytes() }
            2 => { lines.swap(a.index(n), b.index(n)); lines.concat().into_bytes() }
            _ => original[..a.index(original.len())].to_vec(),
        };
        check(&original, &mutated)?;
    }

    /// Reordering any two events, with the chain recomputed by a forger, is
    /// still caught: by the lifecycle replay or the dates.
    #[test]
    fn prop_record_forged_reordering_is_rejected(a in any::<prop::sample::Index>(), b in any::<prop::sample::Index>()) {
        let f = full();
        let mut events: Vec<Event> = f.entries().iter().map(|e| e.event().clone()).collect();
        let (i, j) = (a.index(events.len()), b.index(events.len()));
        prop_assume!(events[i] != events[j]);
        events.swap(i, j);
        let e = CaseFile::from_jsonl(&forge("C-1", &events)).unwrap_err();
        let first = i.min(j) + 2;
        prop_assert!(e.line() >= first, "{} reported before line {}", e, first);
    }
}
