//! The disposition of a case (处理决定) and the recommendation.
//!
//! A [`Decision`] is what the agency decides: the tier, the sanctions with
//! amounts, the correction order, education, guardian order, soft measures,
//! the documents (文书) to issue, the procedure and its duties, and the
//! reasons (说明理由). [`recommend`] proposes one from an
//! [`Assessment`]; an officer may edit it, and
//! the legality guard checks the result.
//!
//! # Legal basis
//!
//! `recommend` chooses the most lenient lawful outcome that can be carried
//! out, never one outside the lawful set: within the outcomes the law allows
//! for the facts (《中华人民共和国行政处罚法》第五条第二款 过罚相当), the one most favourable to
//! the party. A regime that adopts the county plan cites its 四(一) "将行政柔性执法
//! 作为首选方式" for that preference ([`Reasons::lenient_basis`]).

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use smallvec::SmallVec;

use crate::assess::{Assessment, Bar, Duty, Ground, GroundList, Tier, TierOption};
use crate::case::{Agency, CaseId, Correction, OfficerId};
use crate::catalogue::{Domain, EntryId, ItemCode, ListOutcome, Modal};
use crate::law::{Citation, Instrument};
use crate::measure::{Channel, CoerciveMeasure, Mechanism};
use crate::measure::{CorrectionKind, CorrectionOrder, Document, GuardianOrder, PenaltyKind, SoftMeasure};
use crate::money::{FineBounds, Money};
use crate::party::PartyId;
use crate::regime::Regime;

vocabulary! {
    /// What becomes of the case.
    ///
    /// This enum is exhaustive: these are the outcomes Art. 57 ¶1 allows.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `penalty` | 给予行政处罚 |
    /// | `no_penalty` | 不予行政处罚 |
    /// | `transfer` | 移送司法机关 |
    ///
    /// ```
    /// use rouxing::decision::Disposition;
    ///
    /// let disposition: Disposition = serde_json::from_str(r#""penalty""#)?;
    /// assert_eq!(disposition, Disposition::Penalty);
    /// assert_eq!(serde_json::to_string(&disposition)?, r#""penalty""#);
    /// # let codes = [("penalty", "给予行政处罚"), ("no_penalty", "不予行政处罚"), ("transfer", "移送司法机关")];
    /// # assert_eq!(Disposition::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Disposition::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Disposition>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Disposition {
        /// 作出行政处罚决定 (Art. 57 ¶1 (一)).
        Penalty => "给予行政处罚",
        /// 不予行政处罚 (Art. 57 ¶1 (二)(三), Arts. 30, 31, 33, 36).
        NoPenalty => "不予行政处罚",
        /// 移送司法机关 (Art. 57 ¶1 (四)).
        Transfer => "移送司法机关",
    }
}

vocabulary! {
    /// The procedure (程序) the decision follows.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `summary` | 简易程序 |
    /// | `ordinary` | 普通程序 |
    ///
    /// ```
    /// use rouxing::decision::Procedure;
    ///
    /// let procedure: Procedure = serde_json::from_str(r#""summary""#)?;
    /// assert_eq!(procedure, Procedure::Summary);
    /// assert_eq!(serde_json::to_string(&procedure)?, r#""summary""#);
    /// # let codes = [("summary", "简易程序"), ("ordinary", "普通程序")];
    /// # assert_eq!(Procedure::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Procedure::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Procedure>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Procedure {
        /// 简易程序 / 当场作出 (Art. 51).
        Summary => "简易程序",
        /// 普通程序 (Art. 54 and following).
        Ordinary => "普通程序",
    }
}

/// The sanctions of a decision: up to two held inline (a fine and a
/// confiscation), more on the heap; a JSON array.
pub type Sanctions = SmallVec<[Sanction; 2]>;

/// The soft measures of a decision, inline; a JSON array.
pub type SoftMeasures = SmallVec<[SoftMeasure; 8]>;

/// The documents a decision calls for, inline; a JSON array.
pub type Documents = SmallVec<[Document; 16]>;

/// The mechanisms a decision uses, inline; a JSON array.
pub type Mechanisms = SmallVec<[Mechanism; 8]>;

/// The legal-review triggers of a decision, inline; a JSON array.
pub type ReviewTriggers = SmallVec<[ReviewTrigger; 8]>;

/// The list entries a decision's reasons rest on, one inline (no bundled
/// case relies on more; `cargo bench --bench alloc_decide` prints the
/// longest); a JSON array.
pub type EntryIds = SmallVec<[EntryId; 1]>;

/// One sanction of a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sanction {
    /// The kind.
    pub kind: PenaltyKind,
    /// The amount, for 罚款 and 没收违法所得; `None` when the base amount of a
    /// multiple-based fine was not established.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
}

impl Sanction {
    /// Whether proposing this sanction obliges the agency to tell the party
    /// of the right to a hearing (告知听证权利), given the regime's 较大数额
    /// threshold for the party.
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第六十三条第一款: "（一）较大数额罚款；（二）没收较大数额违法所得、
    /// 没收较大价值非法财物；（三）降低资质等级、吊销许可证件；（四）责令停产停业、责令关闭、限制从业；
    /// （五）其他较重的行政处罚". Items (三)–(五) hold whatever the amount
    /// ([`PenaltyKind::requires_hearing_notice`]); items (一)(二) hold from the
    /// threshold up (inclusive, "以上"). An amount not determined opens
    /// nothing by itself: a fine without an amount is a finding of its own.
    ///
    /// ```
    /// use rouxing::decision::Sanction;
    /// use rouxing::measure::PenaltyKind;
    /// use rouxing::money::Money;
    ///
    /// let fine = |yuan| -> Result<Sanction, rouxing::money::ParseMoneyError> {
    ///     Ok(Sanction { kind: PenaltyKind::Fine, amount: Some(Money::from_yuan(yuan)?) })
    /// };
    /// let threshold = Money::from_yuan(10_000)?;
    /// assert!(fine(10_000)?.opens_hearing_right(threshold));
    /// assert!(!fine(9_999)?.opens_hearing_right(threshold));
    /// let revoke = Sanction { kind: PenaltyKind::RevokePermit, amount: None };
    /// assert!(revoke.opens_hearing_right(threshold));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn opens_hearing_right(&self, threshold: Money) -> bool {
        self.kind.requires_hearing_notice()
            || (matches!(
                self.kind,
                PenaltyKind::Fine
                    | PenaltyKind::ConfiscateIllegalGains
                    | PenaltyKind::ConfiscateIllegalProperty
            ) && self.amount.is_some_and(|m| m >= threshold))
    }
}

vocabulary! {
    /// Why legal review (法制审核) is required.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `major_public_interest` | 涉及重大公共利益 |
    /// | `major_rights_after_hearing` | 直接关系重大权益，经过听证程序 |
    /// | `complex` | 案件情况疑难复杂、涉及多个法律关系 |
    /// | `flexible_decision` | 柔性执法或者适用两轻一免的决定 |
    /// | `large_fine` | 罚款数额达到法制审核标准 |
    /// | `beyond_benchmark` | 超出裁量基准拟减轻或者从重 |
    ///
    /// ```
    /// use rouxing::decision::ReviewTrigger;
    ///
    /// let review_trigger: ReviewTrigger = serde_json::from_str(r#""major_public_interest""#)?;
    /// assert_eq!(review_trigger, ReviewTrigger::MajorPublicInterest);
    /// assert_eq!(serde_json::to_string(&review_trigger)?, r#""major_public_interest""#);
    /// # let codes = [("major_public_interest", "涉及重大公共利益"), ("major_rights_after_hearing", "直接关系重大权益，经过听证程序"), ("complex", "案件情况疑难复杂、涉及多个法律关系"), ("flexible_decision", "柔性执法或者适用两轻一免的决定"), ("large_fine", "罚款数额达到法制审核标准"), ("beyond_benchmark", "超出裁量基准拟减轻或者从重")];
    /// # assert_eq!(ReviewTrigger::ALL.len(), codes.len());
    /// # for (v, (code, name)) in ReviewTrigger::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<ReviewTrigger>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum ReviewTrigger {
        /// Art. 58 ¶1 (一): 涉及重大公共利益.
        MajorPublicInterest => "涉及重大公共利益",
        /// Art. 58 ¶1 (二): 直接关系当事人或者第三人重大权益，经过听证程序.
        MajorRightsAfterHearing => "直接关系重大权益，经过听证程序",
        /// Art. 58 ¶1 (三): 案件情况疑难复杂、涉及多个法律关系.
        Complex => "案件情况疑难复杂、涉及多个法律关系",
        /// The regime: every flexible or 两轻一免 decision (in
        /// [`Regime::shandan_sample()`] 山丹县实施方案 四(三)); cites the regime's
        /// source ([`Regime::review_source`]).
        FlexibleDecision => "柔性执法或者适用两轻一免的决定",
        /// The regime: a fine at or above its threshold; cites the regime's
        /// source.
        LargeFine => "罚款数额达到法制审核标准",
        /// The regime: a decision outside the 一般 band (减轻 or 从重); cites the
        /// regime's source.
        BeyondBenchmark => "超出裁量基准拟减轻或者从重",
    }
}

impl ReviewTrigger {
    /// The statute's item that requires the review, for Art. 58 ¶1 (一)–(三);
    /// `None` for a trigger a regime sets, which cites the regime's own
    /// document ([`Regime::review_source`]).
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第五十八条第一款: items (一)–(三) are the statute's own; item
    /// (四) is "法律、法规规定应当进行法制审核的其他情形", which a county plan or catalogue is
    /// not. A regime's rule is item (四) only where its source is a 法律 or 法规
    /// ([`Rank::is_law_or_regulation`](crate::law::Rank::is_law_or_regulation)).
    ///
    /// ```
    /// use rouxing::decision::ReviewTrigger;
    /// use rouxing::law::Citation;
    ///
    /// assert_eq!(ReviewTrigger::Complex.statute(), Some(Citation::apl(58).para(1).item(3)));
    /// assert_eq!(ReviewTrigger::LargeFine.statute(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn statute(self) -> Option<Citation> {
        match self {
            ReviewTrigger::MajorPublicInterest => Some(Citation::apl(58).para(1).item(1)),
            ReviewTrigger::MajorRightsAfterHearing => Some(Citation::apl(58).para(1).item(2)),
            ReviewTrigger::Complex => Some(Citation::apl(58).para(1).item(3)),
            ReviewTrigger::FlexibleDecision | ReviewTrigger::LargeFine | ReviewTrigger::BeyondBenchmark => {
                None
            }
        }
    }

    /// Whether the law requires the review (违法 when missing): Art. 58 ¶1
    /// (一)–(三), or a regime's rule whose source is a 法律 or 法规 (item (四)).
    /// A rule of a 规章 or a 规范性文件 is the regime's own (不规范 when missing).
    pub fn required_by_law(self, regime: &Regime) -> bool {
        self.statute().is_some() || regime.review_source(self).rank().is_law_or_regulation()
    }
}

/// The procedural duties a chosen outcome carries.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProcedureDuties {
    /// Why legal review is required; empty when it is not.
    pub legal_review: ReviewTriggers,
    /// Whether the party must be told of the right to a hearing (Art. 63).
    pub hearing_notice: bool,
    /// Whether the agency's leaders must decide collectively (Art. 57 ¶2).
    pub collective_decision: bool,
    /// Whether the summary procedure is available (Art. 51).
    pub summary_eligible: bool,
}

/// The procedural duties of an outcome with these sanctions.
///
/// # Legal basis
///
/// * Art. 51: summary procedure for a warning or a fine of at most ¥200
///   (citizen) / ¥3,000 (organisation) on established facts (thresholds and
///   inclusivity from the regime).
/// * Art. 58 ¶1 and the regime: legal review.
/// * Art. 63 ¶1: hearing notice for 较大数额 fines or confiscation (regime
///   thresholds, inclusive "以上") and for 降低资质等级、吊销许可证件、责令停产停业、
///   责令关闭、限制从业 and 限制开展生产经营活动.
/// * Art. 57 ¶2: collective decision for serious or complex cases on a penalty.
///
/// The duties before any hearing: Art. 58 ¶1 (二) needs a hearing *held*
/// ("经过听证程序的"), which no decision proposed before the notice can have;
/// [`procedure_duties_heard`] adds it once the hearing is known.
pub fn procedure_duties(
    a: &Assessment,
    regime: &Regime,
    tier: Tier,
    sanctions: &[Sanction],
) -> ProcedureDuties {
    procedure_duties_heard(a, regime, tier, sanctions, HearingHeld::NotHeld)
}

/// Whether a hearing was held (听证程序) before the decision, as read from the
/// notified proposal ([`HearingAnswer::held_before`]) or the case file
/// ([`CaseFile::hearing`](crate::record::CaseFile::hearing)), never from a
/// field of the decision.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第五十八条第一款第（二）项: "直接关系当事人或者第三人重大权益，经过听证
/// 程序的": the trigger is a hearing that took place, not the right to one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HearingHeld {
    /// No hearing was held (none offered, none requested, waived, lapsed,
    /// withdrawn, or not yet held).
    NotHeld,
    /// A hearing was held on this day.
    Held {
        /// The day of the hearing.
        on: NaiveDate,
    },
}

/// The procedural duties of an outcome with these sanctions, once it is known
/// whether a hearing was held.
///
/// # Legal basis
///
/// As [`procedure_duties`]; in addition, Art. 58 ¶1 (二): legal review where
/// the case directly concerns major rights (`major_rights`) and a hearing
/// was held ([`HearingHeld::Held`]). A right to a hearing that was not
/// used, or a hearing requested but not (yet) held, does not trigger it.
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::decision::{HearingHeld, ReviewTrigger, procedure_duties_heard};
/// use rouxing::{Catalogue, Case, Regime, assess, recommend};
///
/// let catalogue = Catalogue::bundled()?;
/// let json = include_str!("../examples/data/cases/ordinary.json");
/// let mut value: serde_json::Value = serde_json::from_str(json)?;
/// value["context"] = serde_json::json!(["major_rights"]);
/// let case = Case::from_json(&value.to_string(), &catalogue)?;
/// let regime = Regime::national();
/// let on = NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?;
/// let a = assess(&case, &catalogue, &regime, on);
/// let d = recommend(&a, &regime);
/// let before = procedure_duties_heard(&a, &regime, d.tier, &d.sanctions, HearingHeld::NotHeld);
/// assert!(!before.legal_review.contains(&ReviewTrigger::MajorRightsAfterHearing));
/// let heard = HearingHeld::Held { on: NaiveDate::from_ymd_opt(2026, 11, 20).ok_or("date")? };
/// let after = procedure_duties_heard(&a, &regime, d.tier, &d.sanctions, heard);
/// assert!(after.legal_review.contains(&ReviewTrigger::MajorRightsAfterHearing));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn procedure_duties_heard(
    a: &Assessment,
    regime: &Regime,
    tier: Tier,
    sanctions: &[Sanction],
    hearing: HearingHeld,
) -> ProcedureDuties {
    let penalty = tier != Tier::NoPenalty && a.bar.is_none();
    let hearing_notice = hearing_right_applies(a, regime, tier, sanctions);
    let held = matches!(hearing, HearingHeld::Held { .. });
    let mut legal_review = ReviewTriggers::new();
    for c in &a.legal_review_triggers {
        let t = match c {
            crate::case::Context::MajorPublicInterest => Some(ReviewTrigger::MajorPublicInterest),
            crate::case::Context::MajorRights if held && a.bar.is_none() => {
                Some(ReviewTrigger::MajorRightsAfterHearing)
            }
            crate::case::Context::ComplexLegalRelations => Some(ReviewTrigger::Complex),
            _ => None,
        };
        if let Some(t) = t {
            legal_review.push(t);
        }
    }
    let with_violation = a.bar.is_none() || a.bar == Some(Bar::LimitationExpired);
    if regime.legal_review.all_lenient_decisions && with_violation && tier.is_lenient() {
        legal_review.push(ReviewTrigger::FlexibleDecision);
    }
    let fine = sanctions.iter().find(|s| s.kind == PenaltyKind::Fine).and_then(|s| s.amount);
    let fine_threshold = if a.natural_person {
        regime.legal_review.fine_natural_person
    } else {
        regime.legal_review.fine_organisation
    };
    if penalty && fine.is_some_and(|f| fine_threshold.is_some_and(|t| f >= t)) {
        legal_review.push(ReviewTrigger::LargeFine);
    }
    if regime.legal_review.beyond_benchmark && penalty && matches!(tier, Tier::Mitigated | Tier::Heavier) {
        legal_review.push(ReviewTrigger::BeyondBenchmark);
    }
    let collective_decision = penalty && a.collective_decision;
    let only_light_kinds =
        sanctions.iter().all(|s| matches!(s.kind, PenaltyKind::Warning | PenaltyKind::Fine));
    let fine_ok = fine.is_none_or(|f| regime.summary.admits(f, a.natural_person))
        && sanctions.iter().all(|s| s.kind != PenaltyKind::Fine || s.amount.is_some());
    let summary_eligible = penalty
        && a.facts_established
        && !sanctions.is_empty()
        && only_light_kinds
        && fine_ok
        && !hearing_notice
        && !collective_decision
        && legal_review.is_empty();
    ProcedureDuties { legal_review, hearing_notice, collective_decision, summary_eligible }
}

/// Whether Art. 63 applies to an outcome with these sanctions: the party must
/// be told of its right to a hearing, and only then does the Art. 64 (一)
/// request period exist.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第六十三条第一款: "行政机关拟作出下列行政处罚决定，应当告知当事人有要求
/// 听证的权利…（一）较大数额罚款；（二）没收较大数额违法所得、没收较大价值非法财物；（三）降低资质等级、
/// 吊销许可证件；（四）责令停产停业、责令关闭、限制从业；（五）其他较重的行政处罚；（六）法律、法规、规章
/// 规定的其他情形。" 较大数额 is the regime's threshold ([`Regime::hearing`],
/// inclusive "以上"); items (三)–(五) are the kinds for which
/// [`PenaltyKind::requires_hearing_notice`] holds. No penalty (a 不予处罚
/// outcome, or a bar) never carries the right.
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::decision::{Sanction, hearing_right_applies};
/// use rouxing::measure::PenaltyKind;
/// use rouxing::money::Money;
/// use rouxing::{Catalogue, Case, Regime, Tier, assess};
///
/// let catalogue = Catalogue::bundled()?;
/// let case = Case::from_json(include_str!("../examples/data/cases/ordinary.json"), &catalogue)?;
/// let regime = Regime::national();
/// let a = assess(&case, &catalogue, &regime, NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?);
/// let fine = |y| [Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(y)) }];
/// // An organisation: 较大数额 is ¥100,000 and more under the national regime.
/// assert!(hearing_right_applies(&a, &regime, Tier::Ordinary, &fine(100_000)));
/// assert!(!hearing_right_applies(&a, &regime, Tier::Ordinary, &fine(2_000)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn hearing_right_applies(a: &Assessment, regime: &Regime, tier: Tier, sanctions: &[Sanction]) -> bool {
    let penalty = tier != Tier::NoPenalty && a.bar.is_none();
    let threshold = regime.hearing.for_party(a.natural_person);
    penalty && sanctions.iter().any(|s| s.opens_hearing_right(threshold))
}

/// The last day on which the party may ask for a hearing, for a hearing
/// notice (告知) given on `notified_on`.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第六十四条第（一）项: "当事人要求听证的，应当在行政机关告知后五日内提出";
/// 第八十五条: "本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。" The five days are
/// working days, counted from the day after the notice (民法典 Art. 201 ¶1: the day of
/// the notice is not counted), with the calendar's schedule of holidays and
/// adjusted working days. The period exists only where Art. 63 applies
/// ([`hearing_right_applies`]).
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::calendar::WorkCalendar;
/// use rouxing::decision::hearing_request_due;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
/// // Notice on Friday 2025-03-07: Monday 03-10 to Friday 03-14 are the five working days.
/// assert_eq!(hearing_request_due(d(2025, 3, 7)?, &WorkCalendar::china()).date, d(2025, 3, 14)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn hearing_request_due(
    notified_on: NaiveDate,
    calendar: &crate::calendar::WorkCalendar,
) -> crate::calendar::WorkingDayDeadline {
    calendar.add_working_days(notified_on, HEARING_REQUEST_WORKING_DAYS)
}

/// Art. 64 (一): "五日", working days by Art. 85.
const HEARING_REQUEST_WORKING_DAYS: u32 = 5;

/// The reasons for a decision (说明理由), structured; `Display` renders the
/// text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reasons {
    /// The tier chosen.
    pub tier: Tier,
    /// The grounds relied on.
    pub grounds: GroundList,
    /// The ids of the list entries among the grounds, in order.
    #[serde(default, skip_serializing_if = "SmallVec::is_empty")]
    pub entries: EntryIds,
    /// The bar, if any.
    pub bar: Option<Bar>,
    /// Whether the choice was the most lenient lawful outcome.
    pub most_lenient: bool,
    /// The provision relied on for preferring the most lenient lawful
    /// outcome, where it is not the statute: 山丹县实施方案 四(一) "将行政柔性执法作为
    /// 首选方式" under a regime that adopts the county plan. `None` (the
    /// national regime, and every document written before the field existed)
    /// renders the statute: 《中华人民共和国行政处罚法》第五条第二款 过罚相当, the choice among
    /// the outcomes the law allows for these facts.
    ///
    /// JSON: `"lenient_basis": {"instrument": …, "article": 4, "item": 1}`,
    /// absent when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lenient_basis: Option<Citation>,
    /// The fine band the amount was chosen in.
    pub fine_band: Option<FineBounds>,
    /// The circumstances of the case relied on for a discretionary choice
    /// (why 一般 and not the 从轻 the law allows, why a penalty despite
    /// 首违不罚, why the officer departed from the recommendation): typed
    /// facts that the guard checks against the case ([`Fact::holds_in`]).
    /// Decision wire version 2; empty in every version-1 document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub circumstances: Vec<Fact>,
    /// Free-text reasons added by an officer: an addition to the grounds and
    /// circumstances, never a substitute for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub officer_note: Option<String>,
}

impl fmt::Display for Reasons {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(bar) = self.bar {
            return write!(f, "{}，依据{}，不得给予行政处罚。", bar.legal_name(), bar.citation());
        }
        if !self.grounds.is_empty() {
            let mut ids = self.entries.iter();
            let g: Vec<String> = self
                .grounds
                .iter()
                .map(|g| match g {
                    Ground::ListEntry { outcome, modal, .. } => format!(
                        "清单事项{}（{}，{}）（{}）",
                        ids.next().map_or("", |i| i.as_str()),
                        outcome.legal_name(),
                        modal.legal_name(),
                        g.citation()
                    ),
                    _ => format!("{}（{}）", g.legal_name(), g.citation()),
                })
                .collect();
            write!(f, "当事人具有以下情形：{}。", g.join("；"))?;
        }
        if !self.circumstances.is_empty() {
            let c: Vec<String> = self.circumstances.iter().map(Fact::to_string).collect();
            write!(f, "考虑到{}。", c.join("、"))?;
        }
        write!(f, "依法决定{}", self.tier.legal_name())?;
        if let Some(b) = self.fine_band {
            write!(f, "，罚款在{b}幅度内确定")?;
        }
        f.write_str("。")?;
        if self.most_lenient {
            match self.lenient_basis {
                Some(basis) => write!(
                    f,
                    "将行政柔性执法作为首选方式（{basis}），在依法可以作出的处理中选择对当事人最有利的处理。"
                )?,
                None => write!(
                    f,
                    "在依法可以作出的处理中，选择与违法行为的事实、性质、情节以及社会危害程度相当且对当事人最有利的处理（{}）。",
                    Citation::apl(5).para(2)
                )?,
            }
        }
        if let Some(n) = &self.officer_note {
            write!(f, "{n}")?;
        }
        Ok(())
    }
}

/// The proposal notified to the party before it stated its case (Art. 44
/// 事先告知), against which Art. 45 ¶2 forbids a heavier decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Notified {
    /// The tier notified.
    pub tier: Tier,
    /// The fine notified, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fine: Option<Money>,
}

/// A fact a penalty rests on, as an Art. 44 notice states it or a decision
/// relies on it: typed, so that it can be checked against the case.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第四十四条: "告知当事人拟作出的行政处罚内容及事实、理由、依据";
/// a fact the notice did not state is a new fact, and a heavier penalty on it
/// must be notified afresh.
///
/// ```json
/// {"harm": "serious"}
/// {"aggravating": "obstruction"}
/// {"illegal_gains": "12000.00"}
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Fact {
    /// The gravity of the act (情节).
    Gravity(crate::case::Gravity),
    /// The harmful consequence (危害后果).
    Harm(crate::case::Harm),
    /// An aggravating circumstance (从重情节).
    Aggravating(crate::case::Aggravating),
    /// A context fact.
    Context(crate::case::Context),
    /// The illegal gains established (违法所得).
    IllegalGains(Money),
}

impl Fact {
    /// Whether the case establishes this fact.
    pub fn holds_in(self, case: &crate::case::Case) -> bool {
        match self {
            Fact::Gravity(g) => case.gravity() == g,
            Fact::Harm(h) => case.harm() == h,
            Fact::Aggravating(a) => case.aggravating().contains(&a),
            Fact::Context(c) => case.has_context(c),
            Fact::IllegalGains(m) => case.amounts().illegal_gains == Some(m),
        }
    }
}

impl Fact {
    /// Whether the fact, where it holds, weighs against leniency: a reason
    /// that can support a heavier choice than the most lenient lawful one
    /// (一般 rather than 从轻, a penalty rather than 首违不罚).
    ///
    /// These are the facts that bear on 情节 and 社会危害程度: an aggravating
    /// circumstance, harm beyond 轻微 (造成危害后果 or worse), 情节严重, and the
    /// context facts that the published lists use as exclusions
    /// (生态环境敏感区, 趁突发事件之机, 严重失信主体名单, 近三年生产安全死亡重伤事故).
    /// Illegal gains do not: they are confiscated (Art. 28 ¶2), they do not
    /// make the act graver by themselves.
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第五条第二款: "设定和实施行政处罚必须以事实为依据，与违法行为的
    /// 事实、性质、情节以及社会危害程度相当"; 第三十三条第一款 "可以不予行政处罚" leaves the
    /// choice to discretion, which must rest on facts of this kind.
    ///
    /// ```
    /// use rouxing::case::{Aggravating, Harm};
    /// use rouxing::decision::Fact;
    ///
    /// assert!(Fact::Aggravating(Aggravating::Obstruction).weighs_against_leniency());
    /// assert!(Fact::Harm(Harm::Harmful).weighs_against_leniency());
    /// assert!(!Fact::Harm(Harm::Slight).weighs_against_leniency());
    /// ```
    pub fn weighs_against_leniency(self) -> bool {
        use crate::case::Context as C;
        match self {
            Fact::Aggravating(_) => true,
            Fact::Harm(h) => h >= crate::case::Harm::Harmful,
            Fact::Gravity(g) => g == crate::case::Gravity::Serious,
            Fact::Context(c) => matches!(
                c,
                C::SensitiveZone
                    | C::EmergencyOpportunism
                    | C::SeriousDishonestyListed
                    | C::FatalAccidentWithinThreeYears
            ),
            Fact::IllegalGains(_) => false,
        }
    }
}

impl fmt::Display for Fact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fact::Gravity(g) => f.write_str(g.legal_name()),
            Fact::Harm(h) => f.write_str(h.legal_name()),
            Fact::Aggravating(a) => f.write_str(a.legal_name()),
            Fact::Context(c) => f.write_str(c.legal_name()),
            Fact::IllegalGains(m) => write!(f, "违法所得{m}"),
        }
    }
}

/// How the party answered an Art. 44 notice.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第四十五条第一款: "当事人有权进行陈述和申辩。行政机关必须充分听取
/// 当事人的意见"; 第六十二条: "…或者拒绝听取当事人的陈述、申辩，不得作出行政处罚决定；当事人明确
/// 放弃陈述或者申辩权利的除外。"
///
/// ```json
/// "pending"
/// {"stated": {"adopted": false}}
/// {"waived": {"reference": "放弃陈述申辩声明书 2026-001"}}
/// "lapsed"
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Answer {
    /// The period for a statement or defence has not ended and the party has
    /// not answered.
    Pending,
    /// The party stated its case or defended itself (陈述、申辩).
    Stated {
        /// Whether the agency adopted the party's facts, reasons or evidence.
        adopted: bool,
    },
    /// The party expressly waived statement and defence (Art. 62).
    Waived {
        /// Reference of the signed waiver or the record of the oral waiver.
        reference: String,
    },
    /// The period ended without a statement or defence.
    Lapsed,
}

/// The hearing that followed an Art. 44 notice: whether the notice told the
/// party of its right to a hearing, how the party answered, and whether the
/// hearing was held.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第六十三条第一款: "应当告知当事人有要求听证的权利，当事人要求听证的，行政机关
/// 应当组织听证"; 第六十四条第（一）项: "当事人要求听证的，应当在行政机关告知后五日内提出" (working
/// days, 第八十五条); 第（六）项: "…视为放弃听证权利，行政机关终止听证"; 第六十五条: "听证结束后，
/// 行政机关应当根据听证笔录…作出决定"; 第五十八条第一款第（二）项 reads only a hearing held.
///
/// ```json
/// "not_offered"
/// "pending"
/// {"waived": {"reference": "放弃听证声明书 2026-001"}}
/// "lapsed"
/// {"requested": {"on": "2026-11-12"}}
/// {"held": {"requested_on": "2026-11-12", "held_on": "2026-11-24"}}
/// {"withdrawn": {"requested_on": "2026-11-12"}}
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum HearingAnswer {
    /// The notice did not tell the party of a right to a hearing (the
    /// default: a notice that says nothing of a hearing offered none).
    #[default]
    NotOffered,
    /// The right was notified and the five working days have not ended
    /// without a request or a waiver.
    Pending,
    /// The party expressly waived the hearing (放弃听证).
    Waived {
        /// Reference of the signed waiver or the record of the oral waiver.
        reference: String,
    },
    /// The five working days ended without a request.
    Lapsed,
    /// The party asked for a hearing, which has not been held.
    Requested {
        /// The day of the request.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        on: NaiveDate,
    },
    /// The hearing was held (听证举行完毕).
    Held {
        /// The day of the request.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        requested_on: NaiveDate,
        /// The day the hearing was held.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        held_on: NaiveDate,
    },
    /// The party withdrew its request, or is deemed to have waived the
    /// hearing by not attending (Art. 64 (六)).
    Withdrawn {
        /// The day of the request.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        requested_on: NaiveDate,
    },
}

impl HearingAnswer {
    /// Whether the notice offered no hearing (the default, left out of JSON).
    pub fn is_not_offered(&self) -> bool {
        matches!(self, HearingAnswer::NotOffered)
    }

    /// Whether the notice told the party of its right to a hearing.
    pub fn offered(&self) -> bool {
        !self.is_not_offered()
    }

    /// Whether a hearing was held, after a request made on or after the
    /// notice of `notified_on`, on or before `decided_on`: the only reading
    /// of "经过听证程序" (Art. 58 ¶1 (二)). A hearing dated before its request,
    /// a request before the notice, or a hearing after the decision, is not a
    /// hearing the decision went through.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::decision::{HearingAnswer, HearingHeld};
    ///
    /// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).ok_or("date");
    /// let held = HearingAnswer::Held { requested_on: d(11, 12)?, held_on: d(11, 24)? };
    /// assert_eq!(held.held_before(d(11, 10)?, d(11, 30)?), HearingHeld::Held { on: d(11, 24)? });
    /// assert_eq!(held.held_before(d(11, 10)?, d(11, 20)?), HearingHeld::NotHeld);
    /// assert_eq!(HearingAnswer::Lapsed.held_before(d(11, 10)?, d(11, 30)?), HearingHeld::NotHeld);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn held_before(&self, notified_on: NaiveDate, decided_on: NaiveDate) -> HearingHeld {
        match *self {
            HearingAnswer::Held { requested_on, held_on }
                if notified_on <= requested_on && requested_on <= held_on && held_on <= decided_on =>
            {
                HearingHeld::Held { on: held_on }
            }
            _ => HearingHeld::NotHeld,
        }
    }
}

/// The proposal notified to the party before the decision (事先告知, Art. 44):
/// the penalty proposed, the facts, the reasons and the basis, and the
/// party's answer.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第四十四条: "行政机关在作出行政处罚决定之前，应当告知当事人拟作出的
/// 行政处罚内容及事实、理由、依据"; 第四十五条第二款: "行政机关不得因当事人陈述、申辩而给予更重的
/// 处罚。"
///
/// ```json
/// {"on": "2026-11-10", "item": "SC-001",
///  "sanctions": [{"kind": "fine", "amount": "2350.00"}],
///  "facts": [{"harm": "harmful"}], "grounds": [], "basis": ["某条例第十条"],
///  "answer": {"stated": {"adopted": false}}}
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NotifiedProposal {
    /// The day of the notice.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub on: NaiveDate,
    /// The item (违法行为) the notice names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemCode>,
    /// The penalty proposed: the sanctions with amounts.
    pub sanctions: Vec<Sanction>,
    /// The facts stated that bear on the penalty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<Fact>,
    /// The reasons: the grounds relied on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grounds: Vec<Ground>,
    /// The legal basis, as cited in the notice.
    pub basis: Vec<String>,
    /// The party's answer.
    pub answer: Answer,
    /// The hearing (Arts. 63–65): whether the notice offered one, the party's
    /// answer and whether it was held; left out when none was offered. Take
    /// it from the case file ([`CaseFile::hearing`](crate::record::CaseFile::hearing))
    /// where one is kept.
    #[serde(default, skip_serializing_if = "HearingAnswer::is_not_offered")]
    pub hearing: HearingAnswer,
}

/// The first sanction of `decided` that makes it heavier than `notified`,
/// if any: "heavier" read from the sanctions themselves, never from the tier
/// labels.
///
/// A decided sanction is heavier when
/// * the notice proposed the same kind with a smaller amount (an amount the
///   notice did not state counts as zero: the party was told of none), or
/// * the notice did not propose its kind, unless the decision dropped a
///   notified kind of a heavier group (PenaltyKind::group, Art. 9's order)
///   and this one replaces it (吊销许可证 notified, 罚款 decided).
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第四十五条第二款: "行政机关不得因当事人陈述、申辩而给予更重的处罚";
/// 第四十四条: the notice states "拟作出的行政处罚内容" — what the decision
/// imposes beyond it was never notified.
///
/// ```
/// use rouxing::decision::{heavier_sanction, Sanction};
/// use rouxing::measure::PenaltyKind;
/// use rouxing::money::Money;
///
/// let fine = |y| Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(y)) };
/// let warning = Sanction { kind: PenaltyKind::Warning, amount: None };
/// let revoke = Sanction { kind: PenaltyKind::RevokePermit, amount: None };
/// assert_eq!(heavier_sanction(&[fine(3_000)], &[fine(2_000)]), Some(fine(3_000)));
/// assert_eq!(heavier_sanction(&[fine(2_000), warning], &[fine(2_000)]), Some(warning));
/// assert_eq!(heavier_sanction(&[fine(1_500)], &[fine(2_000)]), None);
/// assert_eq!(heavier_sanction(&[fine(5_000)], &[revoke]), None);
/// ```
pub fn heavier_sanction(decided: &[Sanction], notified: &[Sanction]) -> Option<Sanction> {
    let dropped =
        notified.iter().filter(|n| !decided.iter().any(|s| s.kind == n.kind)).map(|n| n.kind.group()).max();
    decided.iter().copied().find(|s| match notified.iter().find(|n| n.kind == s.kind) {
        Some(n) => s.amount.unwrap_or(Money::ZERO) > n.amount.unwrap_or(Money::ZERO),
        None => dropped.is_none_or(|g| s.kind.group() >= g),
    })
}

/// Whether, and what, the party was told before the decision, as the guard
/// reads it.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第四十四条, 第四十五条, 第六十二条 (see [`NotifiedProposal`]
/// and [`Answer`]).
///
/// ```json
/// {"given": {"on": "2026-11-10", "sanctions": [], "basis": ["某条例第十条"], "answer": "lapsed"}}
/// {"not_given": {"waiver": "当场放弃陈述申辩，笔录第3页"}}
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Notice {
    /// The notice given (the last one, where there were several).
    Given(NotifiedProposal),
    /// No notice was given before the decision.
    NotGiven {
        /// The party's express waiver of statement and defence (Art. 62),
        /// by its reference, if recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        waiver: Option<String>,
    },
}

/// An officer's departure from the recommendation, inside the lawful set.
///
/// ```json
/// {"officer": "OF-17", "recommended": "lighter", "recommended_fine": "2350.00",
///  "note": "当事人两次拒绝整改"}
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// Who overrode.
    pub officer: OfficerId,
    /// The tier recommended.
    pub recommended: Tier,
    /// The fine recommended, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommended_fine: Option<Money>,
    /// The officer's free-text note on the departure: an addition only. The
    /// reasons that justify the departure are the grounds and circumstances
    /// named in the decision's [`Reasons`], which the guard checks against
    /// the case. (In decision wire version 1 this was the required `reason`
    /// string; a version-1 document's `reason` is read as this note.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A decision on a case.
///
/// # JSON
///
/// The decision recommended for that case:
///
/// ```
/// let decision_json = r#"{
///   "schema_version": 2,
///   "case_id": "SH-JA-SJ-2026-0506",
///   "party": "demo-oo-0401",
///   "agency": {"id": "SH-JA-SCJG", "name": "上海市静安区市场监督管理局", "domain": "market_regulation"},
///   "decided_on": "2026-09-01",
///   "item": "MR-PRICE-42",
///   "domain": "market_regulation",
///   "disposition": "no_penalty",
///   "tier": "no_penalty",
///   "sanctions": [],
///   "correction": null,
///   "education": false,
///   "guardian_order": null,
///   "soft_measures": [],
///   "documents": ["no_penalty_decision"],
///   "procedure": "ordinary",
///   "duties": {
///               "legal_review": [],
///               "hearing_notice": false,
///               "collective_decision": false,
///               "summary_eligible": false
///             },
///   "reasons": {
///                "tier": "no_penalty",
///                "grounds": [{"ground": "bar", "bar": "facts_not_established"}],
///                "bar": "facts_not_established",
///                "most_lenient": false,
///                "fine_band": null
///              },
///   "baseline_fine": "2500.00"
/// }"#;
/// use rouxing::Decision;
///
/// let decision: Decision = serde_json::from_str(decision_json)?;
/// assert_eq!(serde_json::to_value(&decision)?, serde_json::from_str::<serde_json::Value>(decision_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "DecisionRepr")]
pub struct Decision {
    /// The wire format version, written as `"schema_version": 2`
    /// ([`DecisionVersion`]).
    pub schema_version: DecisionVersion,
    /// The case number.
    pub case_id: CaseId,
    /// The party.
    pub party: PartyId,
    /// The deciding agency, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<Agency>,
    /// The day of the decision.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub decided_on: NaiveDate,
    /// The item decided, if the case had one in the catalogue.
    pub item: Option<ItemCode>,
    /// The item's domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Domain>,
    /// What becomes of the case.
    pub disposition: Disposition,
    /// The tier.
    pub tier: Tier,
    /// The sanctions, with amounts.
    pub sanctions: Sanctions,
    /// The correction order (Art. 28 ¶1), where a violation is established.
    pub correction: Option<CorrectionOrder>,
    /// Whether the party is educated (Art. 33 ¶3).
    pub education: bool,
    /// The guardian order (Arts. 30, 31).
    pub guardian_order: Option<GuardianOrder>,
    /// Soft measures used.
    pub soft_measures: SoftMeasures,
    /// Channels of guidance contacts made (简易引导).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Channel>,
    /// Flexible-enforcement mechanisms used.
    #[serde(default, skip_serializing_if = "SmallVec::is_empty")]
    pub mechanisms: Mechanisms,
    /// Coercive measures taken (行政强制措施), if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coercive_measures: Vec<CoerciveMeasure>,
    /// 不予行政强制 list entries relied on (indices into the item's entries).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coercion_withheld: Vec<u16>,
    /// The documents to issue.
    pub documents: Documents,
    /// The procedure.
    pub procedure: Procedure,
    /// The procedural duties.
    pub duties: ProcedureDuties,
    /// The follow-up visit (回访) date for lenient outcomes.
    #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub follow_up_on: Option<NaiveDate>,
    /// The reasons.
    pub reasons: Reasons,
    /// The fine the 一般 band would have imposed (the middle of the band),
    /// for the 减负金额 statistics; `None` when no fine applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_fine: Option<Money>,
    /// The proposal notified before the party's statement (Art. 44). Boxed
    /// (rarely set; the JSON is that of [`Notified`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notified: Option<Box<Notified>>,
    /// Facts established after the Art. 44 notice that the decision relies on
    /// (each must hold in the case and be absent from the notice; a heavier
    /// penalty on them needs a fresh notice, Art. 44).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub new_facts: Vec<Fact>,
    /// An officer's override of the recommendation. Boxed (rarely set; the
    /// JSON is that of [`Override`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overridden: Option<Box<Override>>,
    /// Who decided, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<OfficerId>,
    /// Who carried out the legal review (法制审核), if it was carried out.
    /// Boxed (rarely set; the JSON is that of [`LegalReviewRecord`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_review: Option<Box<LegalReviewRecord>>,
}

/// The version of the decision wire format: the current one, 2.
///
/// A decision document names its version in `schema_version`; a document
/// without it is version 1. This release writes version 2 and reads both:
///
/// | | version 1 | version 2 |
/// |---|---|---|
/// | `schema_version` | absent or `1` | `2` |
/// | `overridden.reason` | required free text; any non-blank text counted as 说明理由 | not accepted |
/// | `overridden.note` | not accepted | optional free text, an addition only |
/// | `reasons.circumstances` | not accepted | the typed facts relied on ([`Fact`]) |
///
/// A version-1 document loads with this exact mapping and nothing else:
/// `overridden.reason` becomes `overridden.note` (blank text becomes no
/// note), `reasons.circumstances` is empty, every other field is read as
/// it stands. Because version 2 no longer counts free text as reasons, a
/// version-1 override or discretionary choice whose only reason was its
/// text is reported by [`review`](crate::guard::review()) as unreasoned
/// until its grounds and circumstances are named. A document that mixes
/// the versions (`reason` with version 2, `note` or `circumstances` with
/// version 1) or names another version is refused with an error that says
/// how to migrate ([`DecisionVersionError`]); it is never read as the other
/// version.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第四十四条 "告知当事人拟作出的行政处罚内容及事实、理由、依据" and
/// 第五条第二款: the reasons of a decision are the facts and grounds it rests on,
/// which version 2 records in checkable form.
///
/// # JSON
///
/// The number `2`.
///
/// ```
/// use rouxing::decision::DecisionVersion;
///
/// assert_eq!(serde_json::to_string(&DecisionVersion)?, "2");
/// assert_eq!(serde_json::from_str::<DecisionVersion>("2")?, DecisionVersion);
/// assert!(serde_json::from_str::<DecisionVersion>("1").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DecisionVersion;

impl DecisionVersion {
    /// The version number, 2.
    pub const NUMBER: u32 = 2;
}

impl Serialize for DecisionVersion {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(Self::NUMBER)
    }
}

impl<'de> Deserialize<'de> for DecisionVersion {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = u32::deserialize(d)?;
        if n == Self::NUMBER {
            Ok(DecisionVersion)
        } else {
            Err(serde::de::Error::custom(DecisionVersionError::Unsupported { version: n }))
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for DecisionVersion {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DecisionVersion".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The decision wire format version this release writes.",
            "type": "integer",
            "const": 2
        })
    }
}

/// Why a decision document could not be read in its version.
///
/// This enum is non-exhaustive so that other errors may be added in semver
/// compatible releases.
///
/// ```
/// use rouxing::Decision;
///
/// let v1_with_note = r#"{"case_id": "C-1", "party": "P-1", "decided_on": "2026-01-05", "item": null,
///   "disposition": "penalty", "tier": "ordinary", "sanctions": [], "correction": null, "education": false,
///   "guardian_order": null, "soft_measures": [], "documents": [], "procedure": "ordinary",
///   "duties": {"legal_review": [], "hearing_notice": false, "collective_decision": false, "summary_eligible": false},
///   "reasons": {"tier": "ordinary", "grounds": [], "bar": null, "most_lenient": false, "fine_band": null},
///   "overridden": {"officer": "OF-1", "recommended": "lighter", "note": "x"}}"#;
/// let err = serde_json::from_str::<Decision>(v1_with_note).unwrap_err();
/// assert!(err.to_string().starts_with("field `overridden.note` is decision version 2"), "{err}");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecisionVersionError {
    /// A version this release does not read.
    #[error("unsupported decision schema version `{version}`: this release reads versions 1 and 2")]
    Unsupported {
        /// The version named.
        version: u32,
    },
    /// A version-2 field in a version-1 document.
    #[error(
        "field `{field}` is decision version 2, but the document is version 1 (no `schema_version`): \
         set `\"schema_version\": 2` and write `overridden.reason` as `overridden.note`"
    )]
    NewFieldInOld {
        /// The field.
        field: &'static str,
    },
    /// A version-1 field in a version-2 document.
    #[error(
        "field `{field}` is decision version 1, but the document says `schema_version` 2: \
         move the text to `overridden.note` and name the grounds and circumstances relied on in \
         `reasons.grounds` and `reasons.circumstances`, or drop `schema_version` to read it as version 1"
    )]
    OldFieldInNew {
        /// The field.
        field: &'static str,
    },
    /// A version-1 override without its required `reason`.
    #[error("field `overridden.reason` is required in decision version 1")]
    MissingReason,
}

/// The override as either version writes it.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct OverrideRepr {
    /// Who overrode.
    officer: OfficerId,
    /// The tier recommended.
    recommended: Tier,
    /// The fine recommended, if any.
    #[serde(default)]
    recommended_fine: Option<Money>,
    /// Version 1 only: the free-text reason (read as `note`).
    #[serde(default)]
    reason: Option<String>,
    /// Version 2: the officer's free-text note, an addition to the grounds
    /// and circumstances in `reasons`.
    #[serde(default)]
    note: Option<String>,
}

/// A decision document of either version (see [`DecisionVersion`]).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct DecisionRepr {
    /// The wire format version: absent or `1` for version 1, `2` for the
    /// current one.
    #[serde(default = "version_one")]
    schema_version: u32,
    /// The case number.
    case_id: CaseId,
    /// The party.
    party: PartyId,
    /// The deciding agency, if recorded.
    #[serde(default)]
    agency: Option<Agency>,
    /// The day of the decision.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    decided_on: NaiveDate,
    /// The item decided, if the case had one in the catalogue.
    item: Option<ItemCode>,
    /// The item's domain.
    #[serde(default)]
    domain: Option<Domain>,
    /// What becomes of the case.
    disposition: Disposition,
    /// The tier.
    tier: Tier,
    /// The sanctions, with amounts.
    sanctions: Sanctions,
    /// The correction order (Art. 28 ¶1), where a violation is established.
    correction: Option<CorrectionOrder>,
    /// Whether the party is educated (Art. 33 ¶3).
    education: bool,
    /// The guardian order (Arts. 30, 31).
    guardian_order: Option<GuardianOrder>,
    /// Soft measures used.
    soft_measures: SoftMeasures,
    /// Channels of guidance contacts made (简易引导).
    #[serde(default)]
    contacts: Vec<Channel>,
    /// Flexible-enforcement mechanisms used.
    #[serde(default)]
    mechanisms: Mechanisms,
    /// Coercive measures taken (行政强制措施), if any.
    #[serde(default)]
    coercive_measures: Vec<CoerciveMeasure>,
    /// 不予行政强制 list entries relied on (indices into the item's entries).
    #[serde(default)]
    coercion_withheld: Vec<u16>,
    /// The documents to issue.
    documents: Documents,
    /// The procedure.
    procedure: Procedure,
    /// The procedural duties.
    duties: ProcedureDuties,
    /// The follow-up visit (回访) date for lenient outcomes.
    #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
    #[serde(default, with = "crate::serde_date::option")]
    follow_up_on: Option<NaiveDate>,
    /// The reasons (说明理由): the grounds and, from version 2, the
    /// circumstances relied on.
    reasons: Reasons,
    /// The fine the 一般 band would have imposed (the middle of the band),
    /// for the 减负金额 statistics; `None` when no fine applies.
    #[serde(default)]
    baseline_fine: Option<Money>,
    /// The proposal notified before the party's statement (Art. 44).
    #[serde(default)]
    notified: Option<Notified>,
    /// Facts established after the Art. 44 notice that the decision relies on.
    #[serde(default)]
    new_facts: Vec<Fact>,
    /// An officer's override of the recommendation (version 1: with
    /// `reason`; version 2: with an optional `note`).
    #[serde(default)]
    overridden: Option<OverrideRepr>,
    /// Who decided, if recorded.
    #[serde(default)]
    decided_by: Option<OfficerId>,
    /// Who carried out the legal review (法制审核), if it was carried out.
    #[serde(default)]
    legal_review: Option<LegalReviewRecord>,
}

fn version_one() -> u32 {
    1
}

impl TryFrom<DecisionRepr> for Decision {
    type Error = DecisionVersionError;

    fn try_from(r: DecisionRepr) -> Result<Self, Self::Error> {
        type E = DecisionVersionError;
        let overridden = match (r.schema_version, r.overridden) {
            (_, None) => None,
            (1, Some(o)) => {
                if o.note.is_some() {
                    return Err(E::NewFieldInOld { field: "overridden.note" });
                }
                let reason = o.reason.ok_or(E::MissingReason)?;
                let note = (!reason.trim().is_empty()).then_some(reason);
                Some(Box::new(Override {
                    officer: o.officer,
                    recommended: o.recommended,
                    recommended_fine: o.recommended_fine,
                    note,
                }))
            }
            (DecisionVersion::NUMBER, Some(o)) => {
                if o.reason.is_some() {
                    return Err(E::OldFieldInNew { field: "overridden.reason" });
                }
                Some(Box::new(Override {
                    officer: o.officer,
                    recommended: o.recommended,
                    recommended_fine: o.recommended_fine,
                    note: o.note,
                }))
            }
            (version, Some(_)) => return Err(E::Unsupported { version }),
        };
        match r.schema_version {
            1 if !r.reasons.circumstances.is_empty() => {
                return Err(E::NewFieldInOld { field: "reasons.circumstances" });
            }
            1 | DecisionVersion::NUMBER => {}
            version => return Err(E::Unsupported { version }),
        }
        Ok(Decision {
            schema_version: DecisionVersion,
            case_id: r.case_id,
            party: r.party,
            agency: r.agency,
            decided_on: r.decided_on,
            item: r.item,
            domain: r.domain,
            disposition: r.disposition,
            tier: r.tier,
            sanctions: r.sanctions,
            correction: r.correction,
            education: r.education,
            guardian_order: r.guardian_order,
            soft_measures: r.soft_measures,
            contacts: r.contacts,
            mechanisms: r.mechanisms,
            coercive_measures: r.coercive_measures,
            coercion_withheld: r.coercion_withheld,
            documents: r.documents,
            procedure: r.procedure,
            duties: r.duties,
            follow_up_on: r.follow_up_on,
            reasons: r.reasons,
            baseline_fine: r.baseline_fine,
            notified: r.notified.map(Box::new),
            new_facts: r.new_facts,
            overridden,
            decided_by: r.decided_by,
            legal_review: r.legal_review.map(Box::new),
        })
    }
}

/// Who carried out a legal review (法制审核).
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第五十八条第一款: "…由从事行政处罚决定法制审核的人员进行法制审核";
/// 第二款: "行政机关中初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律
/// 职业资格。" The reviewer is not one of the case's investigating officers
/// (审查分离: a review by the investigator is no review).
///
/// ```json
/// {"reviewer": "FZ-01", "qualified": true, "first_review": false}
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LegalReviewRecord {
    /// The reviewer.
    pub reviewer: OfficerId,
    /// Whether the reviewer holds 法律职业资格.
    pub qualified: bool,
    /// Whether this is the reviewer's first legal review (初次从事).
    pub first_review: bool,
}

impl Decision {
    /// Loads a decision (处罚决定 / 不予处罚决定) from its JSON document, as
    /// [`recommend`](crate::recommend()) writes it or as an enforcement system
    /// proposes it; `file` names the document in errors.
    ///
    /// # Errors
    ///
    /// A [`LoadError`](crate::catalogue::LoadError) naming the file, line,
    /// column, field and message of the first problem.
    ///
    /// ```
    /// use rouxing::Decision;
    /// let err = Decision::from_json_named("d.json", "{\n  \"case_id\": 7\n}").unwrap_err();
    /// assert_eq!((err.file(), err.line(), err.field()), ("d.json", 2, "case_id"));
    /// ```
    pub fn from_json_named(file: &str, text: &str) -> Result<Decision, crate::catalogue::LoadError> {
        crate::load::parse_json(file, text)
    }

    /// The fine imposed, if any.
    pub fn fine(&self) -> Option<Money> {
        self.sanctions.iter().find(|s| s.kind == PenaltyKind::Fine).and_then(|s| s.amount)
    }

    /// The decision as a short Chinese summary, e.g.
    /// `从轻处罚：罚款¥1,000.00；责令限期改正（至2026-12-10）`.
    pub fn summary(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        for s in &self.sanctions {
            match s.amount {
                Some(m) => parts.push(format!("{}{m}", s.kind.legal_name())),
                None => parts.push(s.kind.legal_name().to_owned()),
            }
        }
        if let Some(c) = &self.correction {
            match c.deadline {
                Some(d) => parts.push(format!("{}（至{d}）", c.kind.legal_name())),
                None => parts.push(c.kind.legal_name().to_owned()),
            }
        }
        if self.education {
            parts.push("对当事人进行教育".to_owned());
        }
        if let Some(g) = self.guardian_order {
            parts.push(g.legal_name().to_owned());
        }
        let head = match self.disposition {
            Disposition::Transfer => Disposition::Transfer.legal_name(),
            _ => self.tier.legal_name(),
        };
        if parts.is_empty() { head.to_owned() } else { format!("{head}：{}", parts.join("；")) }
    }
}

/// Recommends a decision: the most lenient lawful outcome that can be
/// carried out, with its sanctions, correction order, education, guardian
/// order, documents, procedure and reasons.
///
/// The choice never leaves the lawful set. Within a tier the fine is the
/// middle of the tier's band, rounded down to the yuan (the tier carries the
/// leniency; the middle of the band avoids 畸轻畸重): for 从轻 of
/// ¥1,000–¥10,000 that is ¥2,350. 减轻 is carried out by a fine below the
/// minimum where the band allows, else by a warning where the provision does
/// not already prescribe one (a lighter kind, Jiangsu 市场监管规定 Art. 3), and
/// where nothing lighter than the provision's lightest kind exists, by that
/// kind alone — the lightest lawful penalty.
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::{assess, recommend, Catalogue, Case, Regime, Tier};
///
/// let catalogue = Catalogue::bundled()?;
/// let case = Case::from_json(include_str!("../examples/data/cases/first-violation.json"), &catalogue)?;
/// let regime = Regime::national();
/// let a = assess(&case, &catalogue, &regime, NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?);
/// let d = recommend(&a, &regime);
/// assert_eq!(d.tier, Tier::NoPenalty);
/// assert!(d.education);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn recommend(a: &Assessment, regime: &Regime) -> Decision {
    let most_lenient = a.most_lenient();
    let chosen = proposed_option(a, regime);
    let (tier, grounds, band) = match chosen {
        Some(o) => (o.tier, o.grounds.clone(), o.fine_band),
        // Unreachable for assessments `assess` produces (their lawful set is
        // never empty); stay total anyway.
        None => (Tier::NoPenalty, GroundList::new(), None),
    };
    let sanctions = chosen.map(|o| sanctions_for(a, o)).unwrap_or_default();
    let disposition = match (a.bar, tier) {
        _ if a.has_duty(Duty::TransferToJudiciary) => Disposition::Transfer,
        (_, Tier::NoPenalty) => Disposition::NoPenalty,
        _ => Disposition::Penalty,
    };
    let violation = matches!(a.bar, None | Some(Bar::LimitationExpired));
    let correction = (violation && a.has_duty(Duty::CorrectionOrder)).then(|| correction_order(a, regime));
    let education = tier == Tier::NoPenalty && a.has_duty(Duty::Education);
    let guardian_order = if tier == Tier::NoPenalty { a.guardian_order } else { None };
    let duties = procedure_duties(a, regime, tier, &sanctions);
    let procedure = if duties.summary_eligible { Procedure::Summary } else { Procedure::Ordinary };

    let mut soft_measures = SoftMeasures::new();
    if education {
        soft_measures.push(SoftMeasure::PersuasionEducation);
    }
    for g in &grounds {
        if let Ground::ListEntry { index, .. } = g {
            if let Some(e) = a.entry(*index) {
                for m in &e.supporting_measures {
                    if !soft_measures.contains(m) {
                        soft_measures.push(*m);
                    }
                }
            }
        }
    }
    let lenient_with_violation = violation && tier.is_lenient();
    if lenient_with_violation && !soft_measures.contains(&SoftMeasure::FollowUpVisit) {
        soft_measures.push(SoftMeasure::FollowUpVisit);
    }
    let follow_up_on =
        lenient_with_violation.then(|| crate::calendar::add_days(a.as_of, regime.follow_up_days)).flatten();

    let documents = documents(
        a,
        disposition,
        procedure,
        &duties,
        correction.is_some(),
        &grounds,
        guardian_order.is_some(),
    );
    let entries = grounds
        .iter()
        .filter_map(|g| match g {
            Ground::ListEntry { index, .. } => a.entry(*index).map(|e| e.id.clone()),
            _ => None,
        })
        .collect();
    let reasons = Reasons {
        tier,
        grounds,
        entries,
        bar: a.bar,
        most_lenient: a.bar.is_none() && tier == most_lenient && a.lawful.len() > 1,
        lenient_basis: plan_adopted(regime)
            .then(|| Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(1)),
        fine_band: band,
        circumstances: Vec::new(),
        officer_note: None,
    };
    let baseline_fine = a
        .version
        .as_ref()
        .and_then(|v| v.fine_bounds)
        .map(|b| regime.discretion.ordinary(b).unwrap_or(b).middle_yuan());
    Decision {
        schema_version: DecisionVersion,
        case_id: a.case_id.clone(),
        party: a.party.clone(),
        agency: a.agency.clone(),
        decided_on: a.as_of,
        item: a.item.as_ref().map(|i| i.code.clone()),
        domain: a.item.as_ref().map(|i| i.domain),
        disposition,
        tier,
        sanctions,
        correction,
        education,
        guardian_order,
        soft_measures,
        contacts: Vec::new(),
        mechanisms: if lenient_with_violation && tier == Tier::NoPenalty && correction.is_some() {
            smallvec::smallvec![Mechanism::CorrectionOnly]
        } else {
            Mechanisms::new()
        },
        coercive_measures: Vec::new(),
        coercion_withheld: a.no_coercion.clone(),
        documents,
        procedure,
        duties,
        follow_up_on,
        reasons,
        baseline_fine,
        notified: None,
        new_facts: Vec::new(),
        overridden: None,
        decided_by: None,
        legal_review: None,
    }
}

/// Whether the regime adopts the county plan (山丹县实施方案): one of its knobs
/// names the plan as its source ([`Regime::adopts`]), the same test as the
/// guard's. Reasons under a regime that does not adopt it cite the statute,
/// never the plan.
fn plan_adopted(regime: &Regime) -> bool {
    regime.adopts(crate::law::Instrument::ShandanFlexibleEnforcementPlan)
}

/// The lawful option `recommend` proposes: the most lenient, except that
/// where 减轻 and 从轻 are both lawful on grounds that allow "从轻或者减轻" — the
/// statute's 应当从轻或者减轻 (Arts. 30, 32), 可以从轻或者减轻 (Art. 31 sentence 3)
/// or a local circumstance — the regime's [`AlternativeMitigation`] chooses:
/// by default 从轻, unless a list entry that applies names 减轻.
///
/// Applying the reading to every such ground, not only to the mandatory
/// ones, keeps the proposal monotone: adding an Art. 32 circumstance to a
/// case with partial capacity never moves the proposal from 减轻 to 从轻.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第三十条、第三十二条 "应当从轻或者减轻行政处罚", 第三十一条 "可以从轻或者
/// 减轻行政处罚": either tier is lawful and the statute does not rank them; which one is
/// a matter for the benchmark (Art. 34), see [`AlternativeMitigation`].
///
/// [`AlternativeMitigation`]: crate::regime::AlternativeMitigation
pub fn proposed_option<'a>(a: &'a Assessment, regime: &Regime) -> Option<&'a TierOption> {
    let first = a.lawful.first()?;
    let named =
        first.grounds.iter().any(|g| matches!(g, Ground::ListEntry { outcome: ListOutcome::Mitigate, .. }));
    match (regime.readings.alternative_mitigation, a.option(Tier::Lighter)) {
        (crate::regime::AlternativeMitigation::LighterUnlessNamed, Some(l))
            if first.tier == Tier::Mitigated && !named =>
        {
            Some(l)
        }
        _ => Some(first),
    }
}

/// The sanctions that carry out a tier, or `None` when the tier cannot be
/// carried out on this provision.
pub(crate) fn sanctions_for(a: &Assessment, o: &TierOption) -> Sanctions {
    let mut out = Sanctions::new();
    let Some(penalty) = a.version.as_ref().and_then(|v| v.penalty.as_ref()) else {
        return out;
    };
    if o.tier == Tier::NoPenalty {
        // Art. 28 ¶2 on a 不予处罚 outcome, where the assessment found the duty
        // (the regime's `GainsOnNoPenalty`): the gains, and nothing else.
        if let Some(g) = a.illegal_gains.filter(|_| a.bar.is_none()) {
            out.push(Sanction { kind: PenaltyKind::ConfiscateIllegalGains, amount: Some(g) });
        }
        return out;
    }
    if penalty.kinds().is_empty() {
        return out;
    }
    let has_fine = penalty.has_kind(PenaltyKind::Fine);
    let lightest = penalty.kinds().iter().min_by_key(|k| k.group()).copied().unwrap_or(PenaltyKind::Warning);
    let heaviest = penalty.kinds().iter().max_by_key(|k| k.group()).copied().unwrap_or(PenaltyKind::Warning);
    match (o.tier, has_fine, o.fine_band) {
        (Tier::Mitigated, true, Some(b)) if !b.max().is_zero() => {
            out.push(Sanction {
                kind: PenaltyKind::Fine,
                amount: Some(o.suggested_fine.unwrap_or(b.middle_yuan())),
            });
        }
        (Tier::Mitigated, _, _) => {
            // 减轻 by a lighter kind: a warning where the provision does not
            // prescribe one; where nothing lighter than the lightest
            // prescribed kind exists, that kind alone.
            let kind = if penalty.has_kind(PenaltyKind::Warning) || lightest.group() == 1 {
                lightest
            } else {
                PenaltyKind::Warning
            };
            out.push(Sanction { kind, amount: None });
        }
        (_, true, band) => out.push(Sanction {
            kind: PenaltyKind::Fine,
            amount: o.suggested_fine.or(band.map(|b| b.middle_yuan())),
        }),
        (Tier::Heavier, false, _) => out.push(Sanction { kind: heaviest, amount: None }),
        (_, false, _) => out.push(Sanction { kind: lightest, amount: None }),
    }
    if let Some(g) = a.illegal_gains {
        out.push(Sanction { kind: PenaltyKind::ConfiscateIllegalGains, amount: Some(g) });
    }
    // What the provision imposes (处 / 并处) is part of every penalty: the
    // confiscations in every tier (减轻 lowers the fine or the kind, it does
    // not return unlawful property), the other mandatory kinds outside 减轻;
    // of a 或者 group the provision imposes, its first (lightest) member.
    let keep = |k: PenaltyKind| o.tier != Tier::Mitigated || k.group() == 2 && k != PenaltyKind::Fine;
    // The kinds of `StatutoryPenalty::mandatory_kinds`, read in place (a
    // kind named twice is found present the second time).
    let unconditional = || penalty.sanctions().iter().filter(|s| s.when.is_none());
    let mandatory = unconditional().filter(|s| s.modal == Modal::Shall && s.alternative.is_none());
    for k in mandatory.map(|s| s.kind) {
        let present = out.iter().any(|s| s.kind == k);
        // 没收违法所得 needs established gains that are not to be refunded
        // (Art. 28 ¶2); `illegal_gains` already carries that.
        if !present && k != PenaltyKind::ConfiscateIllegalGains && keep(k) {
            out.push(Sanction { kind: k, amount: None });
        }
    }
    // Art. 29 sentence 1: the act was fined already; only the other kinds
    // remain. Art. 35 ¶2: a court judged 罚金 for it, "不再给予罚款"; the other
    // kinds the provision prescribes remain (the statute withholds only the
    // fine; a kind differing from every criminal penalty — 警告, 没收, 责令停产
    // 停业, 吊销许可证 — is not offset by one).
    if a.fined_before.is_some() || a.criminal_fine.is_some() {
        out.retain(|s| s.kind != PenaltyKind::Fine);
    }
    if o.tier != Tier::Mitigated {
        let no_fine = a.fined_before.is_some() || a.criminal_fine.is_some();
        // The groups of `StatutoryPenalty::alternatives`, read in place: each
        // group at its first member, with that member's modal.
        for (i, first) in unconditional().enumerate() {
            let Some(group) = first.alternative else { continue };
            if unconditional().take(i).any(|s| s.alternative == Some(group)) {
                continue;
            }
            let mut kinds = unconditional().filter(|s| s.alternative == Some(group)).map(|s| s.kind);
            if first.modal == Modal::Shall && !kinds.any(|k| out.iter().any(|s| s.kind == k)) {
                // The provision names the lighter first ("警告或者罚款", "责令停产停业，
                // 直至吊销许可证"); a fine the law withholds (Arts. 29, 35 ¶2) is
                // passed over.
                let next = unconditional()
                    .filter(|s| s.alternative == Some(group))
                    .map(|s| s.kind)
                    .find(|k| !(no_fine && *k == PenaltyKind::Fine));
                if let Some(k) = next {
                    out.push(Sanction { kind: k, amount: None });
                }
            }
        }
    }
    out
}

fn correction_order(a: &Assessment, regime: &Regime) -> CorrectionOrder {
    match a.correction {
        Correction::Prompt { .. } | Correction::Late { .. } => {
            CorrectionOrder { kind: CorrectionKind::Immediate, deadline: None }
        }
        Correction::None | Correction::Refused => CorrectionOrder {
            kind: CorrectionKind::WithinDeadline,
            deadline: crate::calendar::add_days(a.as_of, regime.correction_days),
        },
    }
}

pub(crate) fn documents(
    a: &Assessment,
    disposition: Disposition,
    procedure: Procedure,
    duties: &ProcedureDuties,
    correction: bool,
    grounds: &[Ground],
    guardian: bool,
) -> Documents {
    let mut d = Documents::new();
    match disposition {
        Disposition::Transfer => d.push(Document::CriminalTransferLetter),
        Disposition::NoPenalty => {
            if a.bar.is_none() || a.bar == Some(Bar::LimitationExpired) {
                d.push(Document::NoPenaltyNotice);
            }
            if !duties.legal_review.is_empty() {
                d.push(Document::LegalReviewOpinion);
            }
            d.push(Document::NoPenaltyDecision);
            let listed_or_first = grounds.iter().any(|g| {
                matches!(g, Ground::FirstViolation | Ground::MinorCorrectedNoHarm)
                    || matches!(
                        g,
                        Ground::ListEntry {
                            outcome: ListOutcome::NoPenalty | ListOutcome::FirstViolationNoPenalty,
                            ..
                        }
                    )
            });
            if listed_or_first {
                d.push(Document::ReminderSuggestionLetter);
            }
            if a.commitment_signed {
                d.push(Document::CommitmentLetter);
            }
        }
        Disposition::Penalty => match procedure {
            Procedure::Summary => d.push(Document::SummaryPenaltyDecision),
            Procedure::Ordinary => {
                d.push(Document::AdvanceNotice);
                if duties.hearing_notice {
                    d.push(Document::HearingNotice);
                }
                if !duties.legal_review.is_empty() {
                    d.push(Document::LegalReviewOpinion);
                }
                if duties.collective_decision {
                    d.push(Document::CollectiveDiscussionRecord);
                }
                d.push(Document::PenaltyDecision);
                d.push(Document::CreditRepairNotice);
            }
        },
    }
    if correction {
        d.push(Document::CorrectionNotice);
    }
    if guardian {
        d.push(Document::GuardianNotice);
    }
    d
}
