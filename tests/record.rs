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
    dec.duties.legal_review = vec![ReviewTrigger::Complex].into();
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

// ---------------------------------------------------------------------------
// The law of payment (Arts. 66, 67, 72, 73)
// ---------------------------------------------------------------------------

/// Decided 2025-04-01 (¥5,500) and served 2025-04-02: the last day to pay is
/// 2025-04-17 (Art. 67 ¶3, fifteen days after service).
fn served_fine() -> CaseFile {
    let dec = decision();
    let mut f = ready(&dec);
    f.append(decided(&dec)).unwrap();
    f.append(served(d(2025, 4, 2))).unwrap();
    f
}

fn paid(on: NaiveDate, yuan: u64) -> Event {
    ev(on, Stage::Paid { amount: Money::yuan(yuan), receipt: "缴款书".into() })
}

fn fen_paid(on: NaiveDate, fen: u64) -> Event {
    ev(on, Stage::Paid { amount: Money::from_fen(fen), receipt: "缴款书".into() })
}

#[test]
fn partial_payment_stays_outstanding_and_blocks_closing_as_paid() {
    let mut f = served_fine();
    f.append(fen_paid(d(2025, 4, 10), 1)).unwrap();
    assert_eq!(f.outstanding(d(2025, 4, 10)), Some(Money::from_fen(549_999)));
    assert_eq!(
        err(&mut f, closed(d(2025, 4, 11))),
        "`结案` with `¥5,499.99` of the fine and surcharge unpaid on `2025-04-11`: pay, or record `强制执行` (Arts. 67, 72)"
    );
    f.append(fen_paid(d(2025, 4, 12), 549_999)).unwrap();
    assert_eq!(f.outstanding(d(2025, 4, 12)), Some(Money::ZERO));
    f.append(closed(d(2025, 4, 12))).unwrap();
}

#[test]
fn only_overpayment_is_refused() {
    let mut f = served_fine();
    assert_eq!(
        err(&mut f, paid(d(2025, 4, 10), 5_501)),
        "`缴纳罚款` field `amount` is `¥5,501.00`, but only `¥5,500.00` is due on `2025-04-10` (Arts. 67, 72)"
    );
    f.append(paid(d(2025, 4, 10), 5_500)).unwrap();
    assert!(err(&mut f, fen_paid(d(2025, 4, 11), 1)).starts_with("`缴纳罚款` field `amount` is `¥0.01`"));
}

#[test]
fn art_72_surcharge_of_three_percent_a_day_capped_at_the_fine() {
    let mut f = served_fine();
    // Nothing is added up to the last day.
    assert_eq!(f.outstanding(d(2025, 4, 17)), Some(Money::yuan(5_500)));
    // Three days late: 3 × 3 % × ¥5,500 = ¥495.
    assert_eq!(f.outstanding(d(2025, 4, 20)), Some(Money::yuan(5_995)));
    // Capped at the fine: never more than twice the fine in total.
    assert_eq!(f.outstanding(d(2026, 4, 20)), Some(Money::yuan(11_000)));
    assert!(err(&mut f, paid(d(2025, 4, 20), 5_996)).contains("only `¥5,995.00` is due"));
    f.append(paid(d(2025, 4, 20), 5_995)).unwrap();
    f.append(closed(d(2025, 4, 21))).unwrap();
}

#[test]
fn art_73_surcharge_paused_during_review_or_litigation() {
    let mut f = served_fine();
    f.append(ev(d(2025, 4, 18), Stage::Challenged { reference: "复议申请 2025-3".into() })).unwrap();
    // One day late before the review: ¥165; nothing while it runs.
    assert_eq!(f.outstanding(d(2025, 5, 31)), Some(Money::yuan(5_665)));
    assert!(
        err(&mut f, ev(d(2025, 4, 19), Stage::Challenged { reference: "诉讼".into() }))
            .contains("a review or litigation is already running")
    );
    f.append(ev(d(2025, 6, 1), Stage::ChallengeEnded { reference: "复议决定书".into() })).unwrap();
    // One more day after it ended.
    assert_eq!(f.outstanding(d(2025, 6, 2)), Some(Money::yuan(5_830)));
    f.append(paid(d(2025, 6, 2), 5_830)).unwrap();
    f.append(closed(d(2025, 6, 2))).unwrap();
}

#[test]
fn art_66_deferral_and_instalments_are_their_own_events() {
    // Deferral: no surcharge until the new last day.
    let mut f = served_fine();
    let approved_by = || "HEAD-1".parse().unwrap();
    assert!(
        err(
            &mut f,
            ev(d(2025, 4, 10), Stage::PaymentDeferred { until: d(2025, 4, 9), approved_by: approved_by() })
        )
        .starts_with("`暂缓缴纳罚款` field `until` is `2025-04-09`, before the approval")
    );
    f.append(ev(
        d(2025, 4, 10),
        Stage::PaymentDeferred { until: d(2025, 5, 31), approved_by: approved_by() },
    ))
    .unwrap();
    assert_eq!(f.outstanding(d(2025, 5, 31)), Some(Money::yuan(5_500)));
    f.append(paid(d(2025, 5, 31), 5_500)).unwrap();
    f.append(closed(d(2025, 5, 31))).unwrap();

    // Instalments: they add up to the unpaid fine; a late one is surcharged.
    let mut f = served_fine();
    f.append(paid(d(2025, 4, 5), 500)).unwrap();
    let plan = |a: u64, b: u64| Stage::PaymentInInstalments {
        instalments: vec![
            Instalment { by: d(2025, 4, 30), amount: Money::yuan(a) },
            Instalment { by: d(2025, 5, 31), amount: Money::yuan(b) },
        ],
        approved_by: approved_by(),
    };
    assert_eq!(
        err(&mut f, ev(d(2025, 4, 10), plan(2_500, 2_000))),
        "`分期缴纳罚款` field `instalments` adds up to `¥4,500.00` (in date order: true), the unpaid fine is `¥5,000.00` (Art. 66 ¶2)"
    );
    f.append(ev(d(2025, 4, 10), plan(2_500, 2_500))).unwrap();
    f.append(paid(d(2025, 4, 30), 2_500)).unwrap();
    assert_eq!(
        err(&mut f, closed(d(2025, 5, 1))),
        "`结案` with `¥2,500.00` of the fine and surcharge unpaid on `2025-05-01`: pay, or record `强制执行` (Arts. 67, 72)"
    );
    // Second instalment one day late: 3 % of ¥2,500 = ¥75.
    assert_eq!(f.outstanding(d(2025, 6, 1)), Some(Money::yuan(2_575)));
    f.append(paid(d(2025, 6, 1), 2_575)).unwrap();
    f.append(closed(d(2025, 6, 1))).unwrap();
}

#[test]
fn art_72_enforcement_only_after_the_last_day_then_the_case_may_close() {
    let mut f = served_fine();
    let enforce = |on| ev(on, Stage::EnforcementApplied { reference: "强制执行申请书".into() });
    assert_eq!(
        err(&mut f, enforce(d(2025, 4, 17))),
        "`强制执行` on `2025-04-17`, but the fine is due by `2025-04-17` (Art. 72 ¶1: 到期不缴纳)"
    );
    f.append(enforce(d(2025, 6, 1))).unwrap();
    f.append(closed(d(2025, 6, 2))).unwrap();
}

// ---------------------------------------------------------------------------
// Service, consistency, dates and procedure
// ---------------------------------------------------------------------------

#[test]
fn service_once_unless_served_again_with_a_reason() {
    let mut f = served_fine();
    assert_eq!(
        err(&mut f, served(d(2025, 4, 3))),
        "`送达` field `method`: the decision was served on `2025-04-02`; record `重新送达` with its reason (Art. 61)"
    );
    let again = |reason: &str| {
        ev(
            d(2025, 4, 3),
            Stage::ServedAgain { method: ServiceMethod::Mail, consent: None, reason: reason.into() },
        )
    };
    assert_eq!(err(&mut f, again(" ")), "`重新送达` field `reason` is empty (Art. 61)");
    f.append(again("首次送达地址有误")).unwrap();
    // The payment period still runs from the first service.
    assert_eq!(f.outstanding(d(2025, 4, 18)), Some(Money::yuan(5_665)));
}

#[test]
fn the_decision_is_for_the_party_and_item_opened() {
    let dec = decision();
    let mut f = ready(&dec);
    let mut other = dec.clone();
    other.party = "ORG-2".parse().unwrap();
    assert_eq!(
        err(&mut f, decided(&other)),
        "`决定` field `party` is `ORG-2`, the case was opened for `ORG-1`"
    );
    let mut other = dec.clone();
    other.item = Some("X-2".parse().unwrap());
    assert_eq!(
        err(&mut f, decided(&other)),
        "`决定` field `item` is `X-2`, the file records `X-1`: record `变更违法行为` and notify again (Art. 44)"
    );
    // The lawful variant: change the item with a reason, then notify anew.
    let change = |reason: &str| {
        ev(d(2025, 3, 26), Stage::ItemChanged { item: "X-2".parse().unwrap(), reason: reason.into() })
    };
    assert_eq!(err(&mut f, change("")), "`变更违法行为` field `reason` is empty (Art. 44)");
    f.append(change("经调查属另一违法行为")).unwrap();
    assert_eq!(err(&mut f, decided(&other)), "penalty decided before `告知` (Arts. 44, 62)");
    f.append(ev(d(2025, 3, 27), Stage::notice_for(&other, d(2025, 3, 31)))).unwrap();
    f.append(ev(d(2025, 3, 28), Stage::Waived { reference: "放弃陈述申辩书".into() })).unwrap();
    f.append(decided(&other)).unwrap();
}

#[test]
fn dates_are_plausible_in_order_and_not_after_verification() {
    let mut f = CaseFile::new("C-1".parse().unwrap());
    assert_eq!(
        err(&mut f, started_with(d(9999, 3, 10), None)),
        "`启动` field `on` is `9999-03-10`, outside 1996-10-01..=2099-12-31"
    );
    let mut late_act = started();
    if let Stage::Started { act_on, .. } = &mut late_act.stage {
        *act_on = d(2025, 3, 15);
    }
    assert_eq!(
        err(&mut f, late_act),
        "`启动` field `act_on` is `2025-03-15`, after `discovered_on` `2025-03-10`: an act precedes its discovery, a discovery the case"
    );
    f.append(started()).unwrap();
    f.append(filed()).unwrap();
    f.verify_at(d(2025, 3, 11)).unwrap();
    assert_eq!(
        f.verify_at(d(2025, 3, 10)).unwrap_err().to_string(),
        "event `1` (`立案`) is dated `2025-03-11`, after the day of verification `2025-03-10`"
    );
}

#[test]
fn art_36_limitation_rechecked_from_the_act_when_not_stated() {
    let dec = decision();
    let mut old = started_with(d(2025, 3, 10), None);
    if let Stage::Started { act_on, .. } = &mut old.stage {
        *act_on = d(2020, 1, 1);
    }
    let mut f = file_with(vec![old, filed(), investigated(), notified(&dec), stated()]);
    assert_eq!(
        err(&mut f, decided(&dec)),
        "penalty decided although discovery on `2025-03-10` came after the limitation's last day `2022-01-01` (Art. 36)"
    );
    // A stated last day beyond the five years of Art. 36 ¶1 is refused.
    let mut f = CaseFile::new("C-1".parse().unwrap());
    assert!(
        err(&mut f, started_with(d(2025, 3, 10), Some(d(2031, 3, 1))))
            .starts_with("`启动` field `limitation_ends` is `2031-03-01`, but Art. 36")
    );
    // Stated within five years (life, health or financial safety): accepted.
    f.append(started_with(d(2025, 3, 10), Some(d(2030, 3, 1)))).unwrap();
}

#[test]
fn a_new_decision_after_revocation_needs_a_new_notice() {
    let dec = decision();
    let mut f = ready(&dec);
    f.append(decided(&dec)).unwrap();
    f.append(ev(d(2025, 4, 2), Stage::Revoked { reason: "复议撤销".into() })).unwrap();
    assert_eq!(
        err(&mut f, ev(d(2025, 4, 3), Stage::Decided { decision: Box::new(dec.clone()) })),
        "penalty decided before `告知` (Arts. 44, 62)"
    );
    f.append(ev(d(2025, 4, 3), Stage::notice_for(&dec, d(2025, 4, 8)))).unwrap();
    f.append(ev(d(2025, 4, 9), Stage::StatementLapsed {})).unwrap();
    f.append(ev(d(2025, 4, 10), Stage::Decided { decision: Box::new(dec) })).unwrap();
}

#[test]
fn collective_discussion_and_legal_review_are_real() {
    let dec = decision();
    let mut f = ready(&dec);
    let discussed = |participants: Vec<&str>, conclusion: &str| {
        ev(
            d(2025, 3, 26),
            Stage::Discussed {
                participants: participants.into_iter().map(|p| p.parse().unwrap()).collect(),
                conclusion: conclusion.into(),
            },
        )
    };
    assert_eq!(
        err(&mut f, discussed(vec![], "同意")),
        "`集体讨论` field `participants` names `0` distinct officer(s): a collective discussion needs at least two (Art. 57 ¶2)"
    );
    assert!(err(&mut f, discussed(vec!["HEAD-1", "HEAD-1"], "同意")).contains("names `1` distinct"));
    assert_eq!(
        err(&mut f, discussed(vec!["HEAD-1", "HEAD-2"], "")),
        "`集体讨论` field `conclusion` is empty (Art. 57 ¶2)"
    );
    f.append(discussed(vec!["HEAD-1", "HEAD-2", "HEAD-3"], "同意按一般情节处罚")).unwrap();
    let reviewed = |reviewer: &str, text: &str| {
        ev(
            d(2025, 3, 27),
            Stage::LegalReviewed {
                reviewer: reviewer.parse().unwrap(),
                opinion: ReviewOpinion::Passed,
                text: text.into(),
            },
        )
    };
    assert_eq!(
        err(&mut f, reviewed("O-1", "同意")),
        "`法制审核` field `reviewer` is `O-1`, an investigator of the case: the review is by the staff who do legal review (Art. 58 ¶1)"
    );
    assert_eq!(err(&mut f, reviewed("R-1", "")), "`法制审核` field `text` is empty (Art. 58 ¶1)");
    f.append(reviewed("R-1", "事实清楚，证据确凿，适用依据正确")).unwrap();
}

#[test]
fn many_officers_are_checked_in_n_log_n() {
    // 100,001 officers, one repeated: two distinct are enough.
    let mut officers: Vec<Officer> = (0..100_000).map(|i| officer(&format!("O-{i}"))).collect();
    officers.push(officer("O-0"));
    let mut f = file_with(vec![started(), filed()]);
    f.append(investigated_by(officers)).unwrap();
}

// ---------------------------------------------------------------------------
// Signed checkpoints and the seal
// ---------------------------------------------------------------------------

/// A fixed seed: tests never use a real key.
fn signer() -> Ed25519Signer {
    Ed25519Signer::from_secret_bytes("amr-2025".parse().unwrap(), &[42; 32])
}

fn verifier() -> Ed25519Verifier {
    let s = signer();
    Ed25519Verifier::new().with_key(s.key_id().clone(), s.public_key())
}

fn sealed() -> (CaseFile, Checkpoint) {
    let mut f = full();
    let cp = f.seal(d(2025, 4, 20), &signer()).unwrap();
    (f, cp)
}

#[test]
fn a_sealed_file_verifies_and_takes_nothing_more() {
    let (mut f, cp) = sealed();
    assert!(f.is_sealed());
    assert_eq!(cp.key_id.as_str(), "amr-2025");
    assert_eq!(cp.events, 12);
    let back = CaseFile::from_jsonl(&f.to_jsonl()).unwrap();
    assert_eq!(back.verify_seal(&verifier()).unwrap(), cp);
    back.verify_checkpoint(&cp, &verifier()).unwrap();
    assert_eq!(
        err(&mut f, closed(d(2025, 4, 21))),
        "`结案` after `结案`: a closed case takes no further steps"
    );
    assert_eq!(
        f.seal(d(2025, 4, 21), &signer()).unwrap_err().to_string(),
        "`封存` after `结案`: a closed case takes no further steps"
    );
    // Only a closed case is sealed.
    let mut open = served_fine();
    assert_eq!(open.seal(d(2025, 4, 3), &signer()).unwrap_err(), SealError::NotClosed);
    // The checkpoint round-trips through JSON.
    let json = serde_json::to_string(&cp).unwrap();
    assert_eq!(serde_json::from_str::<Checkpoint>(&json).unwrap(), cp);
}

#[test]
fn rewrite_and_rechain_without_the_key_is_detected() {
    let (f, cp) = sealed();
    let mut events: Vec<Event> = f.entries().iter().map(|e| e.event().clone()).collect();
    // Rewrite the payment's receipt and recompute the chain, keeping the seal.
    for e in &mut events {
        if let Stage::Paid { receipt, .. } = &mut e.stage {
            *receipt = "伪造缴款书".into();
        }
    }
    let e = CaseFile::from_jsonl(&forge("C-1", &events)).unwrap_err();
    assert_eq!(e.line(), 14);
    assert!(
        std::error::Error::source(&e).unwrap().to_string().starts_with("`封存` field `head` does not match")
    );
    // Dropping the seal: the file imports, but has no seal, and does not
    // extend the stored checkpoint.
    events.pop();
    let rewritten = CaseFile::from_jsonl(&forge("C-1", &events)).unwrap();
    assert_eq!(rewritten.verify_seal(&verifier()).unwrap_err(), SealError::NotSealed);
    assert!(matches!(
        rewritten.verify_checkpoint(&cp, &verifier()).unwrap_err(),
        SealError::Rewritten { seq: 11, .. }
    ));
    // Re-sealing with another key does not verify under the agency's.
    let mut resealed = rewritten.clone();
    let other = Ed25519Signer::from_secret_bytes("amr-2025".parse().unwrap(), &[1; 32]);
    resealed.seal(d(2025, 4, 20), &other).unwrap();
    assert_eq!(
        resealed.verify_seal(&verifier()).unwrap_err().to_string(),
        "signature rejected: the `ed25519` signature does not verify under key `amr-2025`"
    );
    // A forged checkpoint does not verify either.
    let mut forged = cp.clone();
    forged.head = rewritten.head();
    assert!(matches!(forged.verify_signature(&verifier()), Err(SignatureRejected::Invalid { .. })));
    let unknown = Ed25519Verifier::new();
    assert!(matches!(cp.verify_signature(&unknown), Err(SignatureRejected::UnknownKey { .. })));
}

#[test]
fn a_tail_cut_with_a_forged_closing_line_is_detected_against_the_checkpoint() {
    let f = full();
    let cp = f.checkpoint(&signer()).unwrap();
    let events: Vec<Event> = f.entries().iter().map(|e| e.event().clone()).collect();
    // Cut the last two events (follow-up and 结案) and write a new closing line.
    let cut = CaseFile::from_jsonl(&forge("C-1", events.get(..events.len() - 2).unwrap())).unwrap();
    assert_eq!(
        cut.verify_checkpoint(&cp, &verifier()).unwrap_err().to_string(),
        "tail cut: the checkpoint covers `12` events, the file has `10`"
    );
    // A file that extends the checkpoint passes; one for another case does not.
    f.verify_checkpoint(&cp, &verifier()).unwrap();
    let other = CaseFile::new("C-9".parse().unwrap());
    assert!(matches!(other.verify_checkpoint(&cp, &verifier()), Err(SealError::WrongCase { .. })));
    // A checkpoint of an earlier state is extended by the later file.
    let early = file_with(events.get(..5).unwrap().to_vec()).checkpoint(&signer()).unwrap();
    f.verify_checkpoint(&early, &verifier()).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(64)))]

    /// Every single-byte change of a sealed file is detected: import fails,
    /// or the seal no longer verifies.
    #[test]
    fn prop_every_byte_flip_of_a_sealed_file_is_detected(pos in any::<prop::sample::Index>(), flip in 1u8..=255) {
        let (f, _) = sealed();
        let mut bytes = f.to_jsonl().into_bytes();
        let i = pos.index(bytes.len());
        bytes[i] ^= flip;
        match CaseFile::from_jsonl_bytes(&bytes) {
            Err(_) => {}
            Ok(g) => prop_assert!(g.verify_seal(&verifier()).is_err(), "flip at {} undetected", i),
        }
    }
}
