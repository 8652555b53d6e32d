//! Case-file event sequences: lawful lifecycles and labelled illegal steps
//! (a state-machine driver for [`CaseFile`]).

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::BoxedStrategy;

use super::Scenario;
use crate::case::OfficerId;
use crate::decision::{Decision, Disposition};
use crate::measure::{Channel, SoftMeasure};
use crate::record::{
    AppendError, CaseFile, Digest, Event, EvidenceKind, EvidenceRef, Officer, Origin, Rectification,
    ReviewOpinion, ServiceMethod, Stage, StageKind,
};

/// A lawful lifecycle of one case: the scenario, the decision recorded and
/// the events in order, each of which [`CaseFile::append`] accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lifecycle {
    /// The scenario the case comes from.
    pub scenario: Scenario,
    /// The decision recorded in the `决定` step.
    pub decision: Decision,
    /// The events, 启动 to 结案.
    pub events: Vec<Event>,
}

impl Lifecycle {
    /// The case file of the first `n` events (all of them for `n` at or
    /// above the length).
    ///
    /// # Errors
    ///
    /// The first [`AppendError`] (never, for a generated lifecycle: that is
    /// what the property tests check).
    pub fn file(&self, n: usize) -> Result<CaseFile, AppendError> {
        let mut f = CaseFile::new(self.scenario.case.id().clone());
        for e in self.events.iter().take(n) {
            f.append(e.clone())?;
        }
        Ok(f)
    }

    /// The position of the first event of `kind`.
    pub fn position(&self, kind: StageKind) -> Option<usize> {
        self.events.iter().position(|e| e.stage.kind() == kind)
    }
}

fn officer(id: &str) -> Option<Officer> {
    Some(Officer { id: id.parse().ok()?, credential: format!("62070000{id}").parse().ok()? })
}

fn stage_events(
    s: &Scenario,
    decision: &Decision,
    gaps: &[u64],
    contact: bool,
    statement: u8,
) -> Option<Vec<Event>> {
    let mut on = s.case.discovered_on();
    let mut gaps = gaps.iter().copied();
    let mut next = |on: &mut NaiveDate| -> Option<NaiveDate> {
        *on = on.checked_add_days(Days::new(gaps.next().unwrap_or(1)))?;
        Some(*on)
    };
    let a = s.assess();
    let act_on = s.case.act().end().unwrap_or(s.case.act().start());
    let mut ev = vec![Event::new(
        on,
        Stage::Started {
            origin: Origin::Inspection,
            party: s.case.party().id().clone(),
            item: decision.item.clone(),
            act_on,
            discovered_on: s.case.discovered_on(),
            limitation_ends: a.limitation.map(|l| l.last_day),
        },
    )];
    ev.push(Event::new(next(&mut on)?, Stage::Filed { approved_by: "HEAD-1".parse().ok()? }));
    ev.push(Event::new(
        next(&mut on)?,
        Stage::Investigated {
            officers: vec![officer("ZF-1")?, officer("ZF-2")?],
            evidence: vec![EvidenceRef {
                kind: EvidenceKind::InspectionRecord,
                reference: "现场检查笔录".to_owned(),
                sha256: Some(Digest::of(b"record")),
            }],
            sole_officer_basis: None,
        },
    ));
    if contact {
        ev.push(Event::new(
            next(&mut on)?,
            Stage::Contacted {
                measure: SoftMeasure::Reminder,
                channel: Channel::Phone,
                content: "提醒当事人整改".to_owned(),
                answer: "当事人表示整改".to_owned(),
            },
        ));
    }
    if !decision.duties.legal_review.is_empty() {
        ev.push(Event::new(
            next(&mut on)?,
            Stage::LegalReviewed {
                reviewer: "FZ-1".parse().ok()?,
                opinion: ReviewOpinion::Passed,
                text: "事实清楚，证据确凿，适用依据正确".to_owned(),
            },
        ));
    }
    if decision.duties.collective_decision {
        let participants: Vec<OfficerId> = vec!["LD-1".parse().ok()?, "LD-2".parse().ok()?];
        ev.push(Event::new(
            next(&mut on)?,
            Stage::Discussed { participants, conclusion: "同意拟作出的处理决定".to_owned() },
        ));
    }
    if decision.disposition == Disposition::Penalty {
        let notice_on = next(&mut on)?;
        let reply_by = notice_on.checked_add_days(Days::new(3))?;
        ev.push(Event::new(notice_on, Stage::notice_for(decision, reply_by)));
        let (when, stage) = match statement % 3 {
            0 => (next(&mut on)?, Stage::Stated { summary: "当事人陈述已整改".to_owned(), adopted: false }),
            1 => (next(&mut on)?, Stage::Waived { reference: "放弃陈述申辩声明".to_owned() }),
            _ => {
                on = reply_by.checked_add_days(Days::new(1))?;
                (on, Stage::StatementLapsed {})
            }
        };
        ev.push(Event::new(when, stage));
        if decision.duties.hearing_notice {
            // The notice offered a hearing (Art. 63 ¶1): the party waives it,
            // so the decision need not wait for the five working days of
            // Art. 64 (一).
            ev.push(Event::new(
                next(&mut on)?,
                Stage::HearingWaived { reference: "放弃听证声明书".to_owned() },
            ));
        }
    }
    ev.push(Event::new(next(&mut on)?, Stage::Decided { decision: Box::new(decision.clone()) }));
    if decision.disposition != Disposition::Transfer {
        let served = next(&mut on)?;
        ev.push(Event::new(served, Stage::Served { method: ServiceMethod::Direct, consent: None }));
        if let (Disposition::Penalty, Some(fine)) = (decision.disposition, decision.fine()) {
            if !fine.is_zero() {
                // Within the fifteen days of Art. 67 ¶3: no surcharge.
                // Gaps are at most five days: well within the fifteen days.
                let paid = next(&mut on)?;
                ev.push(Event::new(paid, Stage::Paid { amount: fine, receipt: "缴款书 0001".to_owned() }));
            }
        }
        ev.push(Event::new(
            next(&mut on)?,
            Stage::Reinspected { result: Rectification::Corrected, findings: "已整改到位".to_owned() },
        ));
        ev.push(Event::new(
            next(&mut on)?,
            Stage::FollowedUp { channel: Channel::InPerson, findings: "未再发现违法行为".to_owned() },
        ));
    }
    ev.push(Event::new(next(&mut on)?, Stage::Closed {}));
    Some(ev)
}

/// A lawful lifecycle: 启动, 立案, 调查取证 by two officers, a reminder half
/// the time, 法制审核 and 集体讨论 where the decision's duties call for them,
/// 告知 and a statement, waiver or lapse for a penalty (and 放弃听证 where the
/// notice offers a hearing), 决定, 送达, payment
/// of a fine within fifteen days, 整改复查, 回访 and 结案 — with 0–5 days
/// between steps, over scenarios with the default distributions.
pub fn lifecycle() -> BoxedStrategy<Lifecycle> {
    (super::scenario(), proptest::collection::vec(0u64..=5, 16), any::<bool>(), 0u8..3)
        .prop_filter_map("lifecycle", |(scenario, gaps, contact, statement)| {
            let decision = scenario.recommend();
            let events = stage_events(&scenario, &decision, &gaps, contact, statement)?;
            Some(Lifecycle { scenario, decision, events })
        })
        .boxed()
}

/// A step the lifecycle must refuse, with the error it must draw.
///
/// [`IllegalStep::apply`] places the step after a prefix of a lawful
/// [`Lifecycle`]; [`IllegalStep::expected`] is the stable code of the
/// [`AppendError`] ([`AppendError::code`]). The label follows from the step
/// and the prefix alone.
///
/// | step | placed after | expected |
/// |---|---|---|
/// | `BeforeStart` | nothing (a 立案 first) | `record_append.not_started` |
/// | `StartAgain` | any prefix | `record_append.repeated` |
/// | `FileAgain` | 立案 | `record_append.repeated` |
/// | `NotFiledAfterFiling` | 立案 | `record_append.not_filed_after_filing` |
/// | `Backdated` | any step, the next one dated a day earlier | `record_append.date_order` |
/// | `SoleInvestigator` | 立案, an investigation by one officer | `record_append.too_few_officers` |
/// | `NoEvidence` | 立案, an investigation without evidence | `record_append.no_evidence` |
/// | `ServeBeforeDecision` | the steps before 决定 | `record_append.no_decision` |
/// | `DecideTwice` | 决定 | `record_append.already_decided` |
/// | `DecideWithoutNotice` | a penalty: the steps before 告知 | `record_append.decision_before_notice` |
/// | `CloseUnserved` | 决定 (not a transfer) | `record_append.not_served` |
/// | `AfterClose` | 结案 | `record_append.closed` |
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IllegalStep {
    /// A 立案 before 启动.
    BeforeStart,
    /// A second 启动.
    StartAgain,
    /// A second 立案.
    FileAgain,
    /// 不予立案 after 立案.
    NotFiledAfterFiling,
    /// The next step dated the day before the last one.
    Backdated,
    /// An investigation by one officer, no legal exception stated.
    SoleInvestigator,
    /// An investigation with no evidence.
    NoEvidence,
    /// 送达 before any decision.
    ServeBeforeDecision,
    /// A second 决定.
    DecideTwice,
    /// A penalty decided before 告知.
    DecideWithoutNotice,
    /// 结案 of a decision not served.
    CloseUnserved,
    /// Any step after 结案.
    AfterClose,
}

impl IllegalStep {
    /// Every illegal step.
    pub const ALL: [IllegalStep; 12] = [
        IllegalStep::BeforeStart,
        IllegalStep::StartAgain,
        IllegalStep::FileAgain,
        IllegalStep::NotFiledAfterFiling,
        IllegalStep::Backdated,
        IllegalStep::SoleInvestigator,
        IllegalStep::NoEvidence,
        IllegalStep::ServeBeforeDecision,
        IllegalStep::DecideTwice,
        IllegalStep::DecideWithoutNotice,
        IllegalStep::CloseUnserved,
        IllegalStep::AfterClose,
    ];

    /// The code of the error the step must draw ([`AppendError::code`]).
    pub const fn expected(self) -> &'static str {
        match self {
            IllegalStep::BeforeStart => "record_append.not_started",
            IllegalStep::StartAgain | IllegalStep::FileAgain => "record_append.repeated",
            IllegalStep::NotFiledAfterFiling => "record_append.not_filed_after_filing",
            IllegalStep::Backdated => "record_append.date_order",
            IllegalStep::SoleInvestigator => "record_append.too_few_officers",
            IllegalStep::NoEvidence => "record_append.no_evidence",
            IllegalStep::ServeBeforeDecision => "record_append.no_decision",
            IllegalStep::DecideTwice => "record_append.already_decided",
            IllegalStep::DecideWithoutNotice => "record_append.decision_before_notice",
            IllegalStep::CloseUnserved => "record_append.not_served",
            IllegalStep::AfterClose => "record_append.closed",
        }
    }

    /// The prefix length and the illegal event to append after it, or
    /// `None` when the step does not fit this lifecycle (see the table on
    /// [`IllegalStep`]). `pick` chooses among the places that fit.
    pub fn apply(self, l: &Lifecycle, pick: usize) -> Option<(usize, Event)> {
        let ev = &l.events;
        let last_on = |n: usize| ev.get(n.checked_sub(1)?).map(|e| e.on);
        let filed = l.position(StageKind::Filed)? + 1;
        let decided = l.position(StageKind::Decided)?;
        let investigation = |officers: Vec<Officer>, evidence: Vec<EvidenceRef>, on: NaiveDate| {
            Event::new(on, Stage::Investigated { officers, evidence, sole_officer_basis: None })
        };
        let at = |lo: usize, hi: usize| lo + pick % (hi.saturating_sub(lo) + 1);
        match self {
            IllegalStep::BeforeStart => Some((0, ev.get(1)?.clone())),
            IllegalStep::StartAgain => {
                let n = at(1, ev.len().saturating_sub(1));
                Some((n, Event { on: last_on(n)?, ..ev.first()?.clone() }))
            }
            IllegalStep::FileAgain => {
                let n = at(filed, decided);
                Some((n, Event { on: last_on(n)?, ..ev.get(filed - 1)?.clone() }))
            }
            IllegalStep::NotFiledAfterFiling => {
                let n = at(filed, decided);
                let stage = Stage::NotFiled {
                    approved_by: "HEAD-1".parse().ok()?,
                    reason: "违法事实不成立".to_owned(),
                };
                Some((n, Event::new(last_on(n)?, stage)))
            }
            IllegalStep::Backdated => {
                let n = at(1, ev.len().saturating_sub(1));
                let next = ev.get(n)?;
                let on = last_on(n)?.pred_opt()?;
                Some((n, Event { on, ..next.clone() }))
            }
            IllegalStep::SoleInvestigator => {
                let n = at(filed, decided);
                let evidence = vec![EvidenceRef {
                    kind: EvidenceKind::InspectionRecord,
                    reference: "笔录".to_owned(),
                    sha256: None,
                }];
                Some((n, investigation(vec![officer("ZF-9")?], evidence, last_on(n)?)))
            }
            IllegalStep::NoEvidence => {
                let n = at(filed, decided);
                Some((n, investigation(vec![officer("ZF-8")?, officer("ZF-9")?], Vec::new(), last_on(n)?)))
            }
            IllegalStep::ServeBeforeDecision => {
                let n = at(1, decided);
                Some((
                    n,
                    Event::new(last_on(n)?, Stage::Served { method: ServiceMethod::Direct, consent: None }),
                ))
            }
            IllegalStep::DecideTwice => {
                let n = decided + 1;
                Some((n, Event { on: last_on(n)?, ..ev.get(decided)?.clone() }))
            }
            IllegalStep::DecideWithoutNotice => {
                if l.decision.disposition != Disposition::Penalty {
                    return None;
                }
                let n = l.position(StageKind::Notified)?;
                Some((n, Event { on: last_on(n)?, ..ev.get(decided)?.clone() }))
            }
            IllegalStep::CloseUnserved => {
                if l.decision.disposition == Disposition::Transfer {
                    return None;
                }
                let n = decided + 1;
                Some((n, Event::new(last_on(n)?, Stage::Closed {})))
            }
            IllegalStep::AfterClose => {
                let n = ev.len();
                let stage = Stage::FollowedUp { channel: Channel::Phone, findings: "回访".to_owned() };
                Some((n, Event::new(last_on(n)?, stage)))
            }
        }
    }
}

/// A lawful lifecycle, an illegal step that fits it, the prefix length and
/// the illegal event.
pub fn illegal_step() -> BoxedStrategy<(Lifecycle, IllegalStep, usize, Event)> {
    (lifecycle(), select(IllegalStep::ALL.to_vec()), any::<usize>())
        .prop_filter_map("step fits", |(l, step, pick)| {
            let (n, e) = step.apply(&l, pick)?;
            Some((l, step, n, e))
        })
        .boxed()
}
