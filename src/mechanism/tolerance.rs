//! 容错纠错机制: no penalty but correction, the observation period and the
//! transition period.
//!
//! > 在法定权限、范围内给予行政相对人容错纠错的空间，可以依法不处罚、只纠正。对不触碰安全底线的新领域
//! > 适当给予一定的“观察期”，对需要达标整改的给予必要的“过渡性”，进行适度、有效监管。
//! > — 山丹县实施方案 五(二)
//!
//! * **不罚只纠正** ([`correction_plan`], [`follow_up`]): where the law allows
//!   不予处罚 if the party corrects in time, the agency orders correction by a
//!   deadline (counted with the calendar), takes a commitment letter where the
//!   jurisdiction uses 告知承诺, re-inspects (复查验收), and then either closes
//!   the case with education or — when the party does not correct, corrects
//!   late, refuses, or fails the re-inspection — the leniency lapses and the
//!   ordinary path applies: the case is assessed again with the correction as
//!   it happened ("责令限期改正后当事人未及时改正的，依法予以行政处罚").
//! * **观察期** ([`observation`]): for new technologies, industries, business
//!   forms and models (《优化营商环境条例》第五十五条) that do not touch the safety
//!   baseline, a window from the party's registration (the regime's
//!   `observation_period`); inside it a general violation gets guidance and
//!   correction instead of a penalty, as far as the law allows 不予处罚.
//!   Outside it, or on the safety baseline, there is no observation period.
//! * **过渡期** ([`transition`], [`transition_status`]): a rectification period
//!   to reach a standard, with milestones and an end date no later than the
//!   regime's `transition_period_max`; during it the agency guides, inspects
//!   milestones and defers the penalty question; when it lapses the case is
//!   assessed again and the ordinary path applies.
//!
//! None of these leaves the statute: 容错 is granted only "在法定权限、范围内 … 依法".

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    Check, DateWindow, INCLUSIVE_PRUDENT, InvalidWindowError, NON_COERCIVE_FIRST, Outcome, TOLERANCE,
};
use crate::assess::{Assessment, Bar, Tier};
use crate::calendar::{self, Period};
use crate::case::{Aggravating, Case, CaseError, CaseId, Context, Correction, Gravity, Harm};
use crate::catalogue::{Catalogue, LoadError, parse_json};
use crate::decision::{Decision, Disposition};
use crate::law::{Citation, Instrument};
use crate::measure::{CorrectionKind, CorrectionOrder, Document, Mechanism, SoftMeasure};
use crate::party::PartyId;
use crate::regime::Regime;

vocabulary! {
    /// Whether the jurisdiction uses the notify-and-commit procedure (告知承诺制)
    /// for no-penalty corrections.
    ///
    /// # Legal basis
    ///
    /// Local practice (unconfirmed as a national rule): Yuhang "核查 → 承诺（自愿签署
    /// 承诺书，明确整改要求和整改时限）"; another province requires "填写《包容免罚告知
    /// 承诺书》" before a no-penalty decision; Zhejiang's 2019 告知承诺 list.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `not_used` | 不适用告知承诺 |
    /// | `required` | 适用告知承诺 |
    ///
    /// ```
    /// use rouxing::mechanism::tolerance::CommitmentUse;
    ///
    /// let commitment_use: CommitmentUse = serde_json::from_str(r#""not_used""#)?;
    /// assert_eq!(commitment_use, CommitmentUse::NotUsed);
    /// assert_eq!(serde_json::to_string(&commitment_use)?, r#""not_used""#);
    /// # let codes = [("not_used", "不适用告知承诺"), ("required", "适用告知承诺")];
    /// # assert_eq!(CommitmentUse::ALL.len(), codes.len());
    /// # for (v, (code, name)) in CommitmentUse::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<CommitmentUse>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum CommitmentUse {
        /// No commitment letter.
        NotUsed => "不适用告知承诺",
        /// The party signs a 承诺书 before the no-penalty decision.
        Required => "适用告知承诺",
    }
}

/// The jurisdiction's choices for 不罚只纠正 that the statute does not fix.
///
/// Defaults: no 告知承诺; re-inspection within five working days after the
/// deadline (unconfirmed: the lists say "复查验收" without a period).
///
/// # JSON
///
/// ```
/// let tolerance_policy_json = r#"{"commitment": "required", "reinspection_working_days": 5}"#;
/// use rouxing::mechanism::tolerance::TolerancePolicy;
///
/// let tolerance_policy: TolerancePolicy = serde_json::from_str(tolerance_policy_json)?;
/// assert_eq!(serde_json::to_value(&tolerance_policy)?, serde_json::from_str::<serde_json::Value>(tolerance_policy_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TolerancePolicy {
    /// Whether a commitment letter (承诺书) is required.
    pub commitment: CommitmentUse,
    /// Working days after the deadline (or the decision, when the party has
    /// already corrected) within which the agency re-inspects.
    pub reinspection_working_days: u32,
}

impl Default for TolerancePolicy {
    fn default() -> Self {
        TolerancePolicy { commitment: CommitmentUse::NotUsed, reinspection_working_days: 5 }
    }
}

vocabulary! {
    /// A requirement of 不罚只纠正.
    ///
    /// # Legal basis
    ///
    /// 山丹县实施方案 五(二): "在法定权限、范围内…可以依法不处罚、只纠正" — only where the
    /// statute (行政处罚法 Art. 33, or a list entry within it) allows 不予处罚 once the
    /// party corrects in time; never for a party who refuses to correct (the
    /// Gansu list: "对…拒不整改…要依法依规严格执法").
    pub enum CorrectionRequirement {
        /// A violation is established.
        ViolationEstablished => "违法事实成立",
        /// 不予处罚 is lawful if the party corrects by the deadline.
        NoPenaltyLawful => "及时改正的，依法可以不予处罚",
        /// The party has not refused to correct.
        NotRefused => "当事人未拒不改正",
    }
}

/// A 不罚只纠正 plan: correct by the deadline, sign the commitment where
/// required, re-inspection, then close with education.
///
/// # Legal basis
///
/// 山丹县实施方案 五(二); 行政处罚法 Art. 28 ¶1 (责令改正或者限期改正), Art. 33 ¶1 (及时改正),
/// Art. 33 ¶3 (education); 民法典 Art. 203 (a deadline ending on a holiday moves to
/// the next working day).
///
/// # JSON
///
/// ```
/// let correction_plan_json = r#"{
///   "case_id": "SD-SJ-2025-044",
///   "party": "92620725MA72XXXX2L",
///   "decided_on": "2025-03-12",
///   "order": {"kind": "within_deadline", "deadline": "2025-03-27"},
///   "commitment": "required",
///   "commitment_signed": true,
///   "reinspect_by": "2025-04-03",
///   "follow_up_on": "2025-04-11",
///   "documents": ["correction_notice", "commitment_letter", "no_penalty_decision"],
///   "citations": [
///                  {"instrument": "shandan_flexible_enforcement_plan", "eid": "sec_5__point_2"},
///                  {"instrument": "administrative_penalty_law", "eid": "art_28__para_1"},
///                  {"instrument": "administrative_penalty_law", "eid": "art_33__para_1"},
///                  {"instrument": "administrative_penalty_law", "eid": "art_33__para_3"}
///                ]
/// }"#;
/// use rouxing::mechanism::tolerance::CorrectionPlan;
///
/// let correction_plan: CorrectionPlan = serde_json::from_str(correction_plan_json)?;
/// assert_eq!(serde_json::to_value(&correction_plan)?, serde_json::from_str::<serde_json::Value>(correction_plan_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CorrectionPlan {
    /// The case.
    pub case_id: CaseId,
    /// The party.
    pub party: PartyId,
    /// The decision day.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub decided_on: NaiveDate,
    /// The correction order; immediate when the party has already corrected.
    pub order: CorrectionOrder,
    /// The computed last day before a holiday moved it, if it did.
    #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub moved_from: Option<NaiveDate>,
    /// Whether a commitment letter is required.
    pub commitment: CommitmentUse,
    /// Whether the party has already signed one.
    pub commitment_signed: bool,
    /// The last day of the re-inspection (复查验收).
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub reinspect_by: NaiveDate,
    /// The follow-up visit (回访).
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub follow_up_on: NaiveDate,
    /// The documents: 责令改正通知书, 承诺书 where required, and the
    /// 不予行政处罚决定书 once verified.
    pub documents: Vec<Document>,
    /// The provisions the plan applies.
    pub citations: Vec<Citation>,
}

impl CorrectionPlan {
    /// The last day to correct: the order's deadline, or the decision day for
    /// an immediate order.
    pub fn deadline(&self) -> NaiveDate {
        self.order.deadline.unwrap_or(self.decided_on)
    }
}

/// Plans 不罚只纠正 for a case decided on `decided_on`, or says why it is
/// refused.
///
/// The deadline is the officer's (`deadline`), or `decided_on` plus the
/// regime's `correction_days`, moved off a holiday. rouxing assesses the case
/// as if the party corrected by the deadline and requires 不予处罚 to be
/// lawful then.
///
/// # Errors
///
/// Returns an error when the deadline is before the decision, the decision
/// is before the case was discovered, or dates leave the calendar.
///
/// # Legal basis
///
/// See [`CorrectionRequirement`] and [`CorrectionPlan`].
pub fn correction_plan(
    case: &Case,
    catalogue: &Catalogue,
    regime: &Regime,
    policy: &TolerancePolicy,
    decided_on: NaiveDate,
    deadline: Option<NaiveDate>,
) -> Result<Outcome<CorrectionPlan, CorrectionRequirement>, ToleranceError> {
    if decided_on < case.discovered_on() {
        return Err(ToleranceError::DecisionBeforeDiscovery {
            decided_on,
            discovered_on: case.discovered_on(),
        });
    }
    if let Some(dl) = deadline {
        if dl < decided_on {
            return Err(ToleranceError::DeadlineBeforeDecision { deadline: dl, decided_on });
        }
    }
    let corrected = matches!(case.correction(), Correction::Prompt { .. } | Correction::Late { .. });
    let (order, moved_from) = if corrected {
        (CorrectionOrder { kind: CorrectionKind::Immediate, deadline: None }, None)
    } else {
        let (dl, moved) = match deadline {
            Some(dl) => (dl, None),
            None => {
                let raw = calendar::add_days(decided_on, regime.correction_days)
                    .ok_or(ToleranceError::DateOutOfRange { from: decided_on })?;
                let moved = regime.calendar.extend_if_holiday(raw);
                (moved, (moved != raw).then_some(raw))
            }
        };
        (CorrectionOrder { kind: CorrectionKind::WithinDeadline, deadline: Some(dl) }, moved)
    };
    let current = crate::assess(case, catalogue, regime, decided_on);
    let if_corrected = match (case.correction(), order.deadline) {
        (Correction::None, Some(dl)) => {
            let hypo = case.to_builder().correction(Correction::Prompt { on: dl }).build()?;
            crate::assess(&hypo, catalogue, regime, decided_on)
        }
        _ => current.clone(),
    };
    let mut checks = Vec::with_capacity(3);
    checks.push(violation_check(&current, CorrectionRequirement::ViolationEstablished));
    checks.push(if if_corrected.is_lawful(Tier::NoPenalty) {
        Check::new(
            CorrectionRequirement::NoPenaltyLawful,
            true,
            no_penalty_citation(&if_corrected),
            if current.is_lawful(Tier::NoPenalty) {
                "依法可以不予行政处罚".to_owned()
            } else {
                format!("于{}前改正的，依法可以不予行政处罚", order.deadline.unwrap_or(decided_on))
            },
        )
    } else {
        Check::new(
            CorrectionRequirement::NoPenaltyLawful,
            false,
            Citation::apl(57).para(1).item(1),
            format!(
                "即使及时改正，依法也应当给予行政处罚（最轻为{}）",
                if_corrected.most_lenient().legal_name()
            ),
        )
    });
    let refused = case.correction() == Correction::Refused;
    checks.push(Check::new(
        CorrectionRequirement::NotRefused,
        !refused,
        TOLERANCE,
        case.correction().legal_name().to_owned(),
    ));
    let reinspect_from = order.deadline.unwrap_or(decided_on);
    let reinspect_by = regime
        .calendar
        .checked_add_working_days(reinspect_from, policy.reinspection_working_days)
        .map(|d| d.date)
        .ok_or(ToleranceError::DateOutOfRange { from: reinspect_from })?;
    let follow_up_on = calendar::add_days(decided_on, regime.follow_up_days)
        .ok_or(ToleranceError::DateOutOfRange { from: decided_on })?;
    let commitment_signed = case.has_context(Context::CommitmentSigned);
    Ok(Outcome::from_checks(checks, || {
        let mut documents = vec![Document::CorrectionNotice];
        if policy.commitment == CommitmentUse::Required {
            documents.push(Document::CommitmentLetter);
        }
        documents.push(Document::NoPenaltyDecision);
        let mut citations =
            vec![TOLERANCE, CorrectionOrder::CITATION, Citation::apl(33).para(1), Citation::apl(33).para(3)];
        if moved_from.is_some() {
            citations.push(Citation::new(Instrument::CivilCode, 203).para(1));
        }
        CorrectionPlan {
            case_id: case.id().clone(),
            party: case.party().id().clone(),
            decided_on,
            order,
            moved_from,
            commitment: policy.commitment,
            commitment_signed,
            reinspect_by,
            follow_up_on,
            documents,
            citations,
        }
    }))
}

fn violation_check<R>(a: &Assessment, requirement: R) -> Check<R> {
    match a.bar {
        Some(bar @ (Bar::NoLegalBasis | Bar::NotIllegal | Bar::FactsNotEstablished)) => Check::new(
            requirement,
            false,
            bar.citation(),
            format!("{}：没有需要纠正的违法行为", bar.legal_name()),
        ),
        Some(Bar::SuspectedCrime) => Check::new(
            requirement,
            false,
            Citation::apl(57).para(1).item(4),
            "涉嫌犯罪，应当移送司法机关".to_owned(),
        ),
        _ => Check::new(requirement, true, Citation::apl(40), "违法事实已经查明".to_owned()),
    }
}

fn no_penalty_citation(a: &Assessment) -> Citation {
    a.option(Tier::NoPenalty)
        .and_then(|o| o.grounds.first())
        .map_or(Citation::apl(33).para(1), |g| g.citation())
}

/// What happened after a correction plan, as known on a date.
///
/// On the wire: `{"status": "not_corrected"}`, `{"status": "refused", "on":
/// "…"}`, or `{"status": "corrected", "on": "…", "verification": {"result":
/// "passed", "on": "…"}}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum Progress {
    /// Not corrected (yet).
    NotCorrected,
    /// Corrected on a day.
    Corrected {
        /// The day of the correction.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        on: NaiveDate,
        /// The re-inspection.
        verification: Verification,
    },
    /// The party refused to correct.
    Refused {
        /// The day of the refusal.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        on: NaiveDate,
    },
}

impl Progress {
    /// Loads progress from JSON, naming `file` in errors.
    ///
    /// # Errors
    ///
    /// Returns an error naming line, field and value when the text is not
    /// progress.
    pub fn from_json_named(file: &str, text: &str) -> Result<Progress, LoadError> {
        parse_json(file, text)
    }
}

/// The re-inspection (复查验收) of a correction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "result", rename_all = "snake_case", deny_unknown_fields)]
pub enum Verification {
    /// Not yet re-inspected.
    Pending,
    /// Re-inspected and found to meet the requirements.
    Passed {
        /// The day of the re-inspection.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        on: NaiveDate,
    },
    /// Re-inspected and found not to meet them (整改不符合要求).
    Failed {
        /// The day of the re-inspection.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        on: NaiveDate,
    },
}

vocabulary! {
    /// Why the leniency of a correction plan lapsed.
    ///
    /// # Legal basis
    ///
    /// The Tibet SAMR notice: "责令限期改正后当事人未及时改正的，依法予以行政处罚"; the Gansu
    /// list: "对整改不符合要求、拒不整改…要依法依规严格执法"; 行政处罚法 Art. 33 ¶1 makes
    /// "及时改正" a condition of 不予处罚.
    pub enum LapseReason {
        /// The deadline passed without correction.
        NotCorrected => "逾期未改正",
        /// Corrected after the deadline.
        CorrectedLate => "逾期改正",
        /// The party refused to correct.
        Refused => "拒不改正",
        /// The re-inspection found the correction insufficient.
        FailedVerification => "整改不符合要求",
    }
}

/// The state of a correction plan on a date.
///
/// Closed outcomes are exhaustive: a plan is pending, awaiting
/// re-inspection, closed or lapsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum CorrectionStatus {
    /// The deadline has not passed and the party has not corrected.
    Pending {
        /// The deadline.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        deadline: NaiveDate,
    },
    /// Corrected in time; the re-inspection is outstanding.
    AwaitingVerification {
        /// The day of the correction.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        corrected_on: NaiveDate,
        /// The last day of the re-inspection.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        reinspect_by: NaiveDate,
        /// Whether the agency is late with it (the party is not blamed).
        overdue: bool,
    },
    /// Corrected in time and verified: no penalty, education, case closed.
    Closed {
        /// The day of the correction.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        corrected_on: NaiveDate,
        /// The day of the re-inspection.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        verified_on: NaiveDate,
    },
    /// The leniency lapsed: assess the case again with `reassess_with` as
    /// its correction and follow the ordinary path.
    Lapsed {
        /// Why.
        reason: LapseReason,
        /// The correction fact to assess the case with.
        reassess_with: Correction,
    },
}

impl CorrectionStatus {
    /// Whether the case is closed without penalty.
    pub fn is_closed(&self) -> bool {
        matches!(self, CorrectionStatus::Closed { .. })
    }

    /// Whether the leniency lapsed.
    pub fn is_lapsed(&self) -> bool {
        matches!(self, CorrectionStatus::Lapsed { .. })
    }

    /// The status in words.
    pub fn legal_name(&self) -> String {
        match self {
            CorrectionStatus::Pending { deadline } => format!("改正期限内（至{deadline}）"),
            CorrectionStatus::AwaitingVerification { corrected_on, reinspect_by, overdue } => format!(
                "已于{corrected_on}改正，待复查验收（{}{reinspect_by}）",
                if *overdue { "已超过" } else { "应于" }
            ),
            CorrectionStatus::Closed { corrected_on, verified_on } => format!(
                "已于{corrected_on}改正并于{verified_on}复查验收合格：不予行政处罚，对当事人进行教育，结案"
            ),
            CorrectionStatus::Lapsed { reason, .. } => {
                format!("{}：容错不再适用，依法重新评估并按一般程序处理", reason.legal_name())
            }
        }
    }

    /// The provisions behind the status.
    pub fn citations(&self) -> Vec<Citation> {
        match self {
            CorrectionStatus::Pending { .. } | CorrectionStatus::AwaitingVerification { .. } => {
                vec![TOLERANCE, CorrectionOrder::CITATION]
            }
            CorrectionStatus::Closed { .. } => {
                vec![TOLERANCE, Citation::apl(33).para(1), Citation::apl(33).para(3)]
            }
            CorrectionStatus::Lapsed { .. } => {
                vec![Citation::apl(33).para(1), Citation::apl(57).para(1).item(1)]
            }
        }
    }

    /// For a lapsed plan, the case with its correction as it happened, ready
    /// to be assessed again; `None` otherwise.
    ///
    /// # Errors
    ///
    /// Returns an error when the case cannot be rebuilt (a correction day
    /// before the act).
    pub fn reassessment(&self, case: &Case) -> Result<Option<Case>, ToleranceError> {
        match self {
            CorrectionStatus::Lapsed { reassess_with, .. } => {
                Ok(Some(case.to_builder().correction(*reassess_with).build()?))
            }
            _ => Ok(None),
        }
    }
}

/// Says what follows a correction plan, given what happened by `on`.
///
/// | what happened | status |
/// |---|---|
/// | nothing, deadline not passed | pending |
/// | nothing, deadline passed | lapsed: 逾期未改正 |
/// | refused | lapsed: 拒不改正 |
/// | corrected after the deadline | lapsed: 逾期改正 |
/// | corrected in time, re-inspection failed | lapsed: 整改不符合要求 |
/// | corrected in time, re-inspection pending | awaiting verification |
/// | corrected in time, re-inspection passed | closed with education |
///
/// # Errors
///
/// Returns an error when `on` is before the decision, or the progress names a
/// day after `on` or a re-inspection before the correction.
///
/// # Legal basis
///
/// See [`LapseReason`]; closing: 行政处罚法 Art. 33 ¶1 and ¶3.
pub fn follow_up(
    plan: &CorrectionPlan,
    progress: &Progress,
    on: NaiveDate,
) -> Result<CorrectionStatus, ToleranceError> {
    if on < plan.decided_on {
        return Err(ToleranceError::AsOfBeforeDecision { on, decided_on: plan.decided_on });
    }
    let deadline = plan.deadline();
    let after = |field: &'static str, value: NaiveDate| {
        if value > on { Err(ToleranceError::FactAfterAsOf { field, value, on }) } else { Ok(()) }
    };
    Ok(match *progress {
        Progress::NotCorrected if on <= deadline => CorrectionStatus::Pending { deadline },
        Progress::NotCorrected => {
            CorrectionStatus::Lapsed { reason: LapseReason::NotCorrected, reassess_with: Correction::None }
        }
        Progress::Refused { on: refused } => {
            after("refused.on", refused)?;
            CorrectionStatus::Lapsed { reason: LapseReason::Refused, reassess_with: Correction::Refused }
        }
        Progress::Corrected { on: corrected, verification } => {
            after("corrected.on", corrected)?;
            if let Verification::Passed { on: v } | Verification::Failed { on: v } = verification {
                after("verification.on", v)?;
                if v < corrected {
                    return Err(ToleranceError::VerificationBeforeCorrection {
                        verified_on: v,
                        corrected_on: corrected,
                    });
                }
            }
            if corrected > deadline {
                CorrectionStatus::Lapsed {
                    reason: LapseReason::CorrectedLate,
                    reassess_with: Correction::Late { on: corrected },
                }
            } else {
                match verification {
                    Verification::Passed { on: v } => {
                        CorrectionStatus::Closed { corrected_on: corrected, verified_on: v }
                    }
                    Verification::Failed { .. } => CorrectionStatus::Lapsed {
                        reason: LapseReason::FailedVerification,
                        reassess_with: Correction::None,
                    },
                    Verification::Pending => CorrectionStatus::AwaitingVerification {
                        corrected_on: corrected,
                        reinspect_by: plan.reinspect_by,
                        overdue: on > plan.reinspect_by,
                    },
                }
            }
        }
    })
}

/// Applies a correction plan to the decision of its case: the correction
/// order, education, the documents, the follow-up, and
/// [`Mechanism::CorrectionOnly`].
///
/// # Errors
///
/// Returns an error when the decision is for another case or imposes a
/// penalty (不罚只纠正 means no penalty).
///
/// # Legal basis
///
/// 山丹县实施方案 五(二) "不处罚、只纠正"; 行政处罚法 Art. 28 ¶1, Art. 33 ¶3.
pub fn apply_correction(plan: &CorrectionPlan, decision: &Decision) -> Result<Decision, ToleranceError> {
    check_decision(&plan.case_id, decision)?;
    let mut d = decision.clone();
    d.correction = Some(plan.order);
    d.education = true;
    mark(&mut d, Mechanism::CorrectionOnly);
    for m in [SoftMeasure::PersuasionEducation, SoftMeasure::FollowUpVisit] {
        if !d.soft_measures.contains(&m) {
            d.soft_measures.push(m);
        }
    }
    for doc in &plan.documents {
        if !d.documents.contains(doc) {
            d.documents.push(*doc);
        }
    }
    d.follow_up_on = Some(d.follow_up_on.map_or(plan.follow_up_on, |f| f.min(plan.follow_up_on)));
    Ok(d)
}

fn check_decision(case_id: &CaseId, decision: &Decision) -> Result<(), ToleranceError> {
    if case_id != &decision.case_id {
        return Err(ToleranceError::CaseMismatch {
            plan: case_id.clone(),
            decision: decision.case_id.clone(),
        });
    }
    // 不予处罚 may still confiscate the illegal gains (Art. 28 ¶2, the regime's
    // `GainsOnNoPenalty`): that is no penalty withheld.
    let only_gains =
        decision.sanctions.iter().all(|s| s.kind == crate::measure::PenaltyKind::ConfiscateIllegalGains);
    if decision.disposition != Disposition::NoPenalty || !only_gains {
        return Err(ToleranceError::PenaltyDecision { case_id: decision.case_id.clone() });
    }
    Ok(())
}

fn mark(d: &mut Decision, m: Mechanism) {
    if !d.mechanisms.contains(&m) {
        d.mechanisms.push(m);
    }
}

fn on_safety_baseline(case: &Case, catalogue: &Catalogue) -> Option<String> {
    on_baseline(case, catalogue.get(case.item()).is_some_and(|i| i.safety_baseline))
}

fn on_baseline(case: &Case, item_on_baseline: bool) -> Option<String> {
    if item_on_baseline {
        Some(format!("事项{}触碰安全底线", case.item()))
    } else if case.aggravating().contains(&Aggravating::EndangersSafety) {
        Some(Aggravating::EndangersSafety.legal_name().to_owned())
    } else {
        None
    }
}

fn baseline_check<R>(case: &Case, catalogue: &Catalogue, requirement: R) -> Check<R> {
    match on_safety_baseline(case, catalogue) {
        Some(why) => Check::new(requirement, false, TOLERANCE, why),
        None => Check::new(requirement, true, TOLERANCE, "不触碰安全底线".to_owned()),
    }
}

vocabulary! {
    /// A requirement of the observation period (观察期).
    ///
    /// # Legal basis
    ///
    /// 山丹县实施方案 五(二): "对不触碰安全底线的新领域适当给予一定的“观察期”"; 《优化营商环境条例》
    /// 第五十五条: "对新技术、新产业、新业态、新模式等实行包容审慎监管…留足发展空间，同时确保质量和
    /// 安全"; the Hechi example counts the window "自经营主体登记设立之日起1年内" (the
    /// regime's `observation_period`); the period covers "一般违法行为" (Nanjing), and
    /// withholds a penalty only "依法" (五(二)).
    pub enum ObservationRequirement {
        /// The party works in a new field (新技术、新产业、新业态、新模式).
        NewField => "属于新技术、新产业、新业态、新模式",
        /// The matter does not touch the safety baseline.
        OffSafetyBaseline => "不触碰安全底线",
        /// The party's registration date is known.
        Registered => "登记设立日期明确",
        /// The act falls inside the window from registration.
        WithinWindow => "违法行为发生在观察期内",
        /// A general violation: not serious, no serious harm, and in
        /// administrative hands (no crime suspected, or returned after an
        /// Art. 27 transfer without a criminal penalty).
        GeneralViolation => "属于一般违法行为",
        /// 不予处罚 is lawful if the party corrects in time.
        NoPenaltyLawful => "及时改正的，依法可以不予处罚",
    }
}

/// An observation period granted for a case: guidance and correction
/// instead of a penalty.
///
/// # Legal basis
///
/// See [`ObservationRequirement`]; treatment: 《优化营商环境条例》第五十九条第一款
/// (non-coercive means), 行政处罚法 Art. 28 ¶1 (correction).
///
/// # JSON
///
/// ```
/// let observation_period_json = r#"{
///   "case_id": "SD-SJ-2025-052",
///   "party": "91620725MA73XXXX3M",
///   "window": {"start": "2024-09-01", "end": "2025-09-01"},
///   "period": {"years": 1},
///   "measures": ["guidance", "prompt", "follow_up_visit"],
///   "order": {"kind": "within_deadline", "deadline": "2025-03-27"},
///   "citations": [
///                  {"instrument": "shandan_flexible_enforcement_plan", "eid": "sec_5__point_2"},
///                  {"instrument": "optimizing_business_environment_regulations", "eid": "art_55"},
///                  {
///                    "instrument": "optimizing_business_environment_regulations",
///                    "eid": "art_59__para_1"
///                  },
///                  {"instrument": "administrative_penalty_law", "eid": "art_28__para_1"},
///                  {"instrument": "administrative_penalty_law", "eid": "art_33__para_3"}
///                ]
/// }"#;
/// use rouxing::mechanism::tolerance::ObservationPeriod;
///
/// let observation_period: ObservationPeriod = serde_json::from_str(observation_period_json)?;
/// assert_eq!(serde_json::to_value(&observation_period)?, serde_json::from_str::<serde_json::Value>(observation_period_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ObservationPeriod {
    /// The case.
    pub case_id: CaseId,
    /// The party.
    pub party: PartyId,
    /// The window: registration day to the last day of the period.
    pub window: DateWindow,
    /// The period's length (the regime's).
    pub period: Period,
    /// The soft measures used instead of a penalty.
    pub measures: Vec<SoftMeasure>,
    /// The correction order.
    pub order: CorrectionOrder,
    /// The provisions applied.
    pub citations: Vec<Citation>,
}

/// Decides whether a case falls in an observation period, on `as_of`.
///
/// Refused, with the reasons, when the party is not in a new field, the
/// matter touches the safety baseline, the registration date is unknown, the
/// act falls outside the window, the violation is not a general one, or the
/// law does not allow 不予处罚 even after a timely correction.
///
/// # Errors
///
/// Returns an error when `as_of` is before the case was discovered or dates
/// leave the calendar.
///
/// # Legal basis
///
/// See [`ObservationRequirement`].
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::case::{Case, Context, Correction, Gravity, Harm};
/// use rouxing::mechanism::tolerance;
/// use rouxing::party::{Party, PartyId};
/// use rouxing::{Catalogue, Regime};
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
/// let catalogue = Catalogue::from_json(r#"{"schema_version": 1, "name": "示例", "items": [{
///     "code": "MR-1", "name": "未按规定公示", "domain": "market_regulation",
///     "authority": "市场监督管理部门", "penalty_provision": "示例条例第十条",
///     "penalty": {"kinds": ["warning", "fine"], "fine": {"kind": "up_to", "max": "5000"}}}]}"#)?;
/// let case = Case::builder("2025-019".parse()?, "MR-1".parse()?)
///     .party(Party::legal_person(PartyId::new("91620725MAA")?, Some(d(2024, 9, 1)?)))
///     .act_on(d(2025, 3, 1)?)
///     .discovered_on(d(2025, 3, 3)?)
///     .gravity(Gravity::Minor)
///     .harm(Harm::None)
///     .correction(Correction::None)
///     .context(vec![Context::NewBusinessForm])
///     .build()?;
/// let outcome = tolerance::observation(&case, &catalogue, &Regime::national(), d(2025, 3, 4)?)?;
/// let period = outcome.plan().ok_or("refused")?;
/// assert_eq!(period.window.end(), d(2025, 9, 1)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn observation(
    case: &Case,
    catalogue: &Catalogue,
    regime: &Regime,
    as_of: NaiveDate,
) -> Result<Outcome<ObservationPeriod, ObservationRequirement>, ToleranceError> {
    use ObservationRequirement as O;
    if as_of < case.discovered_on() {
        return Err(ToleranceError::DecisionBeforeDiscovery {
            decided_on: as_of,
            discovered_on: case.discovered_on(),
        });
    }
    let mut checks = Vec::with_capacity(6);
    let new_field = case.has_context(Context::NewBusinessForm);
    checks.push(Check::new(
        O::NewField,
        new_field,
        INCLUSIVE_PRUDENT,
        if new_field {
            "当事人属于新技术、新产业、新业态、新模式".to_owned()
        } else {
            "当事人不属于新技术、新产业、新业态、新模式".to_owned()
        },
    ));
    checks.push(baseline_check(case, catalogue, O::OffSafetyBaseline));
    let registered = case.party().registered_on();
    checks.push(Check::new(
        O::Registered,
        registered.is_some(),
        TOLERANCE,
        match registered {
            Some(r) => format!("登记设立日期{r}"),
            None => "登记设立日期不明（或当事人为公民）".to_owned(),
        },
    ));
    let window = match registered {
        Some(r) => Some(
            regime
                .observation_period
                .last_day(r)
                .and_then(|end| DateWindow::new(r, end).ok())
                .ok_or(ToleranceError::DateOutOfRange { from: r })?,
        ),
        None => None,
    };
    let committed = case.act().committed_on();
    let inside = window.is_some_and(|w| w.contains(case.act().start()) && w.contains(committed));
    checks.push(Check::new(
        O::WithinWindow,
        inside,
        TOLERANCE,
        match window {
            Some(w) => format!("观察期{}（{}），违法行为发生于{}", w, regime.observation_period, committed),
            None => "无从计算观察期".to_owned(),
        },
    ));
    // A case returned after an Art. 27 transfer (不起诉、免予刑事处罚、撤销案件) is
    // the agency's again, as `assess` decides it; a pending transfer or a
    // judgment is not a general violation.
    let standing = crate::assess::criminal_standing(case);
    let general = case.gravity() != Gravity::Serious
        && case.harm() != Harm::Serious
        && standing.in_administrative_hands();
    let crime = match case.criminal_outcome() {
        Some(o) => format!("{}（{}）", case.crime().legal_name(), o.kind.legal_name()),
        None => case.crime().legal_name().to_owned(),
    };
    checks.push(Check::new(
        O::GeneralViolation,
        general,
        TOLERANCE,
        format!("{}，{}，{}", case.gravity().legal_name(), case.harm().legal_name(), crime),
    ));
    let deadline = calendar::add_days(as_of, regime.correction_days)
        .map(|d| regime.calendar.extend_if_holiday(d))
        .ok_or(ToleranceError::DateOutOfRange { from: as_of })?;
    let current = crate::assess(case, catalogue, regime, as_of);
    let if_corrected = if case.correction() == Correction::None {
        let hypo = case.to_builder().correction(Correction::Prompt { on: deadline }).build()?;
        crate::assess(&hypo, catalogue, regime, as_of)
    } else {
        current
    };
    let lawful = if_corrected.is_lawful(Tier::NoPenalty);
    checks.push(Check::new(
        O::NoPenaltyLawful,
        lawful,
        if lawful { no_penalty_citation(&if_corrected) } else { Citation::apl(57).para(1).item(1) },
        if lawful {
            "依法可以不予行政处罚".to_owned()
        } else {
            format!("观察期不能免除法律规定的处罚（最轻为{}）", if_corrected.most_lenient().legal_name())
        },
    ));
    let corrected = matches!(case.correction(), Correction::Prompt { .. } | Correction::Late { .. });
    Ok(match window {
        Some(window) => Outcome::from_checks(checks, || ObservationPeriod {
            case_id: case.id().clone(),
            party: case.party().id().clone(),
            window,
            period: regime.observation_period,
            measures: vec![SoftMeasure::Guidance, SoftMeasure::Prompt, SoftMeasure::FollowUpVisit],
            order: if corrected {
                CorrectionOrder { kind: CorrectionKind::Immediate, deadline: None }
            } else {
                CorrectionOrder { kind: CorrectionKind::WithinDeadline, deadline: Some(deadline) }
            },
            citations: vec![
                TOLERANCE,
                INCLUSIVE_PRUDENT,
                NON_COERCIVE_FIRST,
                CorrectionOrder::CITATION,
                Citation::apl(33).para(3),
            ],
        }),
        None => Outcome::Refused { checks },
    })
}

/// Applies an observation period to the decision of its case: marks
/// [`Mechanism::ObservationPeriod`], adds the measures and the correction
/// order.
///
/// # Errors
///
/// Returns an error when the decision is for another case or imposes a
/// penalty.
///
/// # Legal basis
///
/// 山丹县实施方案 五(二).
pub fn apply_observation(
    period: &ObservationPeriod,
    decision: &Decision,
) -> Result<Decision, ToleranceError> {
    check_decision(&period.case_id, decision)?;
    let mut d = decision.clone();
    mark(&mut d, Mechanism::ObservationPeriod);
    for m in &period.measures {
        if !d.soft_measures.contains(m) {
            d.soft_measures.push(*m);
        }
    }
    if d.correction.is_none() {
        d.correction = Some(period.order);
    }
    if !d.documents.contains(&Document::CorrectionNotice) {
        d.documents.push(Document::CorrectionNotice);
    }
    Ok(d)
}

/// A milestone of a transition period.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// The day it is due.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub due: NaiveDate,
    /// What must be done.
    pub task: String,
}

/// What the officer proposes for a transition period.
///
/// # JSON
///
/// ```
/// let transition_request_json = r#"{
///   "standard": "安装并正常使用油烟净化设施，油烟排放达到《饮食业油烟排放标准》",
///   "window": {"start": "2025-03-12", "end": "2025-08-31"},
///   "milestones": [
///                   {"due": "2025-04-30", "task": "完成油烟净化设施选型和采购"},
///                   {"due": "2025-06-30", "task": "完成安装调试并委托检测"}
///                 ]
/// }"#;
/// use rouxing::mechanism::tolerance::TransitionRequest;
///
/// let transition_request: TransitionRequest = serde_json::from_str(transition_request_json)?;
/// assert_eq!(serde_json::to_value(&transition_request)?, serde_json::from_str::<serde_json::Value>(transition_request_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TransitionRequest {
    /// The standard to reach.
    pub standard: String,
    /// The window.
    pub window: DateWindow,
    /// Milestones, in date order, inside the window.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
}

impl TransitionRequest {
    /// Loads a request from JSON, naming `file` in errors (a window that ends
    /// before it starts is rejected here).
    ///
    /// # Errors
    ///
    /// Returns an error naming line, field and value when the text is not a
    /// request.
    pub fn from_json_named(file: &str, text: &str) -> Result<TransitionRequest, LoadError> {
        parse_json(file, text)
    }
}

vocabulary! {
    /// A requirement of the transition period (过渡期).
    ///
    /// # Legal basis
    ///
    /// 山丹县实施方案 五(二): "对需要达标整改的给予必要的“过渡性”，进行适度、有效监管";
    /// 《优化营商环境条例》第六十五条第一款 (the closest national analogue: "为市场主体留出
    /// 必要的适应调整期"). rouxing keeps the safety baseline out of it as for the
    /// observation period, and caps it at the regime's `transition_period_max`
    /// (unconfirmed).
    pub enum TransitionRequirement {
        /// A violation is established.
        ViolationEstablished => "违法事实成立",
        /// The matter does not touch the safety baseline.
        OffSafetyBaseline => "不触碰安全底线",
        /// Something remains to rectify: not corrected yet.
        NeedsRectification => "需要达标整改",
        /// The party has not refused.
        NotRefused => "当事人未拒不改正",
        /// The period is no longer than the regime allows, counted from the
        /// decision.
        WithinMaximum => "过渡期不超过规定上限",
        /// Reaching the standard by the end leads to a lawful 不予处罚: the
        /// period never defers a penalty the law requires (with harm, a
        /// serious violation, or a repeat outside Art. 33 ¶1).
        LawfulOnCompletion => "达标整改后依法可以不予处罚",
    }
}

vocabulary! {
    /// An enforcement action whose lawfulness a transition plan states.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `guidance` | 行政指导 |
    /// | `milestone_inspection` | 节点检查 |
    /// | `correction_order` | 责令限期改正 |
    /// | `penalty` | 行政处罚 |
    /// | `coercive_measure` | 行政强制措施 |
    ///
    /// ```
    /// use rouxing::mechanism::tolerance::EnforcementAction;
    ///
    /// let enforcement_action: EnforcementAction = serde_json::from_str(r#""guidance""#)?;
    /// assert_eq!(enforcement_action, EnforcementAction::Guidance);
    /// assert_eq!(serde_json::to_string(&enforcement_action)?, r#""guidance""#);
    /// # let codes = [("guidance", "行政指导"), ("milestone_inspection", "节点检查"), ("correction_order", "责令限期改正"), ("penalty", "行政处罚"), ("coercive_measure", "行政强制措施")];
    /// # assert_eq!(EnforcementAction::ALL.len(), codes.len());
    /// # for (v, (code, name)) in EnforcementAction::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<EnforcementAction>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum EnforcementAction {
        /// 行政指导 and other soft measures.
        Guidance => "行政指导",
        /// Inspection of each milestone.
        MilestoneInspection => "节点检查",
        /// The correction order with the end date as deadline.
        CorrectionOrder => "责令限期改正",
        /// A penalty for the non-conformity covered.
        Penalty => "行政处罚",
        /// A coercive measure (查封、扣押 …).
        CoerciveMeasure => "行政强制措施",
    }
}

vocabulary! {
    /// Whether an action is lawful in a phase of a transition period.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `required` | 应当实施 |
    /// | `allowed` | 可以实施 |
    /// | `deferred` | 暂缓，过渡期届满后依法处理 |
    /// | `as_reassessed` | 依法重新评估后实施 |
    /// | `only_if_necessary` | 非强制性手段不能达到目的时依法实施 |
    ///
    /// ```
    /// use rouxing::mechanism::tolerance::Allowance;
    ///
    /// let allowance: Allowance = serde_json::from_str(r#""required""#)?;
    /// assert_eq!(allowance, Allowance::Required);
    /// assert_eq!(serde_json::to_string(&allowance)?, r#""required""#);
    /// # let codes = [("required", "应当实施"), ("allowed", "可以实施"), ("deferred", "暂缓，过渡期届满后依法处理"), ("as_reassessed", "依法重新评估后实施"), ("only_if_necessary", "非强制性手段不能达到目的时依法实施")];
    /// # assert_eq!(Allowance::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Allowance::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Allowance>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Allowance {
        /// The agency must.
        Required => "应当实施",
        /// The agency may.
        Allowed => "可以实施",
        /// Deferred to the end of the period.
        Deferred => "暂缓，过渡期届满后依法处理",
        /// As a fresh assessment of the case finds lawful.
        AsReassessed => "依法重新评估后实施",
        /// Only where non-coercive means cannot achieve the purpose.
        OnlyIfNecessary => "非强制性手段不能达到目的时依法实施",
    }
}

/// One action and whether it is lawful, with its basis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Permission {
    /// The action.
    pub action: EnforcementAction,
    /// Its lawfulness.
    pub allowance: Allowance,
    /// The basis.
    pub citation: Citation,
}

/// A transition period granted for a case.
///
/// # Legal basis
///
/// See [`TransitionRequirement`]; during the period: 《优化营商环境条例》第五十九条第一款
/// ("采用非强制性手段能够达到行政管理目的的，不得实施行政强制"), 行政处罚法 Art. 28 ¶1; after
/// it lapses: the ordinary path (行政处罚法 Art. 57 ¶1 (一)).
///
/// # JSON
///
/// ```
/// let transition_plan_json = r#"{
///   "case_id": "SD-CG-2025-019",
///   "party": "92620725MA75XXXX5P",
///   "decided_on": "2025-03-12",
///   "standard": "安装并正常使用油烟净化设施，油烟排放达到《饮食业油烟排放标准》",
///   "window": {"start": "2025-03-12", "end": "2025-08-31"},
///   "milestones": [
///                   {"due": "2025-04-30", "task": "完成油烟净化设施选型和采购"},
///                   {"due": "2025-06-30", "task": "完成安装调试并委托检测"}
///                 ],
///   "order": {"kind": "within_deadline", "deadline": "2025-08-31"},
///   "during": [
///               {
///                 "action": "guidance",
///                 "allowance": "allowed",
///                 "citation": {
///                               "instrument": "optimizing_business_environment_regulations",
///                               "eid": "art_59__para_1"
///                             }
///               },
///               {
///                 "action": "milestone_inspection",
///                 "allowance": "required",
///                 "citation": {
///                               "instrument": "shandan_flexible_enforcement_plan",
///                               "eid": "sec_5__point_2"
///                             }
///               },
///               {
///                 "action": "correction_order",
///                 "allowance": "required",
///                 "citation": {
///                               "instrument": "administrative_penalty_law",
///                               "eid": "art_28__para_1"
///                             }
///               },
///               {
///                 "action": "penalty",
///                 "allowance": "deferred",
///                 "citation": {
///                               "instrument": "shandan_flexible_enforcement_plan",
///                               "eid": "sec_5__point_2"
///                             }
///               },
///               {
///                 "action": "coercive_measure",
///                 "allowance": "only_if_necessary",
///                 "citation": {
///                               "instrument": "optimizing_business_environment_regulations",
///                               "eid": "art_59__para_1"
///                             }
///               }
///             ],
///   "after_lapse": [
///                    {
///                      "action": "penalty",
///                      "allowance": "as_reassessed",
///                      "citation": {
///                                    "instrument": "administrative_penalty_law",
///                                    "eid": "art_57__para_1__point_1"
///                                  }
///                    },
///                    {
///                      "action": "correction_order",
///                      "allowance": "required",
///                      "citation": {
///                                    "instrument": "administrative_penalty_law",
///                                    "eid": "art_28__para_1"
///                                  }
///                    },
///                    {
///                      "action": "coercive_measure",
///                      "allowance": "only_if_necessary",
///                      "citation": {
///                                    "instrument": "optimizing_business_environment_regulations",
///                                    "eid": "art_59__para_1"
///                                  }
///                    },
///                    {
///                      "action": "guidance",
///                      "allowance": "allowed",
///                      "citation": {
///                                    "instrument": "optimizing_business_environment_regulations",
///                                    "eid": "art_59__para_1"
///                                  }
///                    }
///                  ],
///   "citations": [
///                  {"instrument": "shandan_flexible_enforcement_plan", "eid": "sec_5__point_2"},
///                  {
///                    "instrument": "optimizing_business_environment_regulations",
///                    "eid": "art_65__para_1"
///                  },
///                  {
///                    "instrument": "optimizing_business_environment_regulations",
///                    "eid": "art_59__para_1"
///                  },
///                  {"instrument": "administrative_penalty_law", "eid": "art_28__para_1"}
///                ]
/// }"#;
/// use rouxing::mechanism::tolerance::TransitionPlan;
///
/// let transition_plan: TransitionPlan = serde_json::from_str(transition_plan_json)?;
/// assert_eq!(serde_json::to_value(&transition_plan)?, serde_json::from_str::<serde_json::Value>(transition_plan_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TransitionPlan {
    /// The case.
    pub case_id: CaseId,
    /// The party.
    pub party: PartyId,
    /// The decision day.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub decided_on: NaiveDate,
    /// The standard to reach.
    pub standard: String,
    /// The window.
    pub window: DateWindow,
    /// The milestones.
    pub milestones: Vec<Milestone>,
    /// The correction order (deadline: the end of the window).
    pub order: CorrectionOrder,
    /// What is lawful during the period.
    pub during: Vec<Permission>,
    /// What is lawful once it lapses.
    pub after_lapse: Vec<Permission>,
    /// The provisions applied.
    pub citations: Vec<Citation>,
}

/// Plans a transition period for a case decided on `decided_on`, or says
/// why it is refused.
///
/// # Errors
///
/// Returns an error when the decision is before discovery, the window starts
/// before the decision, the standard or a task is empty, a milestone falls
/// outside the window or milestones are not in strictly increasing order.
///
/// # Legal basis
///
/// See [`TransitionRequirement`] and [`TransitionPlan`].
pub fn transition(
    case: &Case,
    catalogue: &Catalogue,
    regime: &Regime,
    decided_on: NaiveDate,
    request: &TransitionRequest,
) -> Result<Outcome<TransitionPlan, TransitionRequirement>, ToleranceError> {
    if decided_on < case.discovered_on() {
        return Err(ToleranceError::DecisionBeforeDiscovery {
            decided_on,
            discovered_on: case.discovered_on(),
        });
    }
    let w = request.window;
    if w.start() < decided_on {
        return Err(ToleranceError::StartsBeforeDecision { start: w.start(), decided_on });
    }
    if request.standard.trim().is_empty() {
        return Err(ToleranceError::EmptyText { field: "standard" });
    }
    let mut previous: Option<NaiveDate> = None;
    for (index, m) in request.milestones.iter().enumerate() {
        if m.task.trim().is_empty() {
            return Err(ToleranceError::EmptyText { field: "milestones.task" });
        }
        if !w.contains(m.due) {
            return Err(ToleranceError::MilestoneOutside { index, due: m.due, window: w });
        }
        if let Some(p) = previous {
            if m.due <= p {
                return Err(ToleranceError::MilestoneOrder { index, due: m.due, previous: p });
            }
        }
        previous = Some(m.due);
    }
    let current = crate::assess(case, catalogue, regime, decided_on);
    let checks = transition_checks(case, &current, regime, decided_on, w.end())?;
    Ok(Outcome::from_checks(checks, || TransitionPlan {
        case_id: case.id().clone(),
        party: case.party().id().clone(),
        decided_on,
        standard: request.standard.clone(),
        window: w,
        milestones: request.milestones.clone(),
        order: CorrectionOrder { kind: CorrectionKind::WithinDeadline, deadline: Some(w.end()) },
        during: vec![
            Permission {
                action: EnforcementAction::Guidance,
                allowance: Allowance::Allowed,
                citation: NON_COERCIVE_FIRST,
            },
            Permission {
                action: EnforcementAction::MilestoneInspection,
                allowance: Allowance::Required,
                citation: TOLERANCE,
            },
            Permission {
                action: EnforcementAction::CorrectionOrder,
                allowance: Allowance::Required,
                citation: CorrectionOrder::CITATION,
            },
            Permission {
                action: EnforcementAction::Penalty,
                allowance: Allowance::Deferred,
                citation: TOLERANCE,
            },
            Permission {
                action: EnforcementAction::CoerciveMeasure,
                allowance: Allowance::OnlyIfNecessary,
                citation: NON_COERCIVE_FIRST,
            },
        ],
        after_lapse: vec![
            Permission {
                action: EnforcementAction::Penalty,
                allowance: Allowance::AsReassessed,
                citation: Citation::apl(57).para(1).item(1),
            },
            Permission {
                action: EnforcementAction::CorrectionOrder,
                allowance: Allowance::Required,
                citation: CorrectionOrder::CITATION,
            },
            Permission {
                action: EnforcementAction::CoerciveMeasure,
                allowance: Allowance::OnlyIfNecessary,
                citation: NON_COERCIVE_FIRST,
            },
            Permission {
                action: EnforcementAction::Guidance,
                allowance: Allowance::Allowed,
                citation: NON_COERCIVE_FIRST,
            },
        ],
        citations: vec![
            TOLERANCE,
            Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 65).para(1),
            NON_COERCIVE_FIRST,
            CorrectionOrder::CITATION,
        ],
    }))
}

/// The requirements of a transition period ending on `end` for a case decided
/// on `decided_on`, judged on `current` (the case's assessment on that day):
/// the one test both [`transition`] and the guard ([`review`](crate::review()))
/// apply, so that a period the crate grants is never flagged by it and a
/// period it flags is never granted.
///
/// # Legal basis
///
/// See [`TransitionRequirement`]. The maximum (the regime's
/// `transition_period_max`) counts from the decision: the period is the time
/// for which the decision defers the penalty question. The outcome a
/// completed period leads to is the case re-assessed on `end` with the
/// correction made by then ([`TransitionStatus::Completed`]'s
/// `reassess_with`); it must be a lawful 不予处罚, or the period would only
/// defer a penalty the law requires (山丹县实施方案 五(二) "在法定权限、范围内 … 依法不处罚";
/// 行政处罚法 Art. 33 ¶1 admits 不予处罚 only with no or slight harm and a
/// prompt correction).
pub(crate) fn transition_checks(
    case: &Case,
    current: &Assessment,
    regime: &Regime,
    decided_on: NaiveDate,
    end: NaiveDate,
) -> Result<Vec<Check<TransitionRequirement>>, ToleranceError> {
    use TransitionRequirement as T;
    let mut checks = Vec::with_capacity(6);
    checks.push(violation_check(current, T::ViolationEstablished));
    let baseline = current.item.as_ref().is_some_and(|i| i.safety_baseline);
    checks.push(match on_baseline(case, baseline) {
        Some(why) => Check::new(T::OffSafetyBaseline, false, TOLERANCE, why),
        None => Check::new(T::OffSafetyBaseline, true, TOLERANCE, "不触碰安全底线".to_owned()),
    });
    let corrected = matches!(case.correction(), Correction::Prompt { .. } | Correction::Late { .. });
    checks.push(Check::new(
        T::NeedsRectification,
        !corrected,
        TOLERANCE,
        case.correction().legal_name().to_owned(),
    ));
    let refused = case.correction() == Correction::Refused;
    checks.push(Check::new(T::NotRefused, !refused, TOLERANCE, case.correction().legal_name().to_owned()));
    let max_end = regime
        .transition_period_max
        .last_day(decided_on)
        .ok_or(ToleranceError::DateOutOfRange { from: decided_on })?;
    checks.push(Check::new(
        T::WithinMaximum,
        end <= max_end,
        Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 65).para(1),
        format!("过渡期至{end}，上限{}（自决定之日至{max_end}）", regime.transition_period_max),
    ));
    checks.push(completion_check(case, current, regime, end));
    Ok(checks)
}

/// Whether the case, corrected by `end`, would lawfully end in 不予处罚.
fn completion_check(
    case: &Case,
    current: &Assessment,
    regime: &Regime,
    end: NaiveDate,
) -> Check<TransitionRequirement> {
    let requirement = TransitionRequirement::LawfulOnCompletion;
    let completed = case.to_builder().correction(Correction::Prompt { on: end }).build();
    let item = current.item.as_ref();
    let lookup = |code: &crate::catalogue::ItemCode| item.filter(|i| &i.code == code);
    match completed {
        Ok(c) => {
            let a = crate::assess::assess_in(&c, &lookup, regime, end);
            match a.option(Tier::NoPenalty) {
                Some(o) if a.bar.is_none() => Check::new(
                    requirement,
                    true,
                    o.grounds.first().map_or(Citation::apl(33).para(1), |g| g.citation()),
                    format!("{end}前达标整改的，依法可以不予处罚"),
                ),
                _ => Check::new(
                    requirement,
                    false,
                    Citation::apl(33).para(1),
                    format!(
                        "即使{end}前达标整改，依法也不得不予处罚（{}、{}）",
                        case.gravity().legal_name(),
                        case.harm().legal_name()
                    ),
                ),
            }
        }
        Err(e) => Check::new(requirement, false, Citation::apl(33).para(1), e.to_string()),
    }
}

/// A milestone met on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MilestoneMet {
    /// The milestone's position in the plan, from 0.
    pub index: usize,
    /// The day it was met (verified at inspection).
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub on: NaiveDate,
}

/// What happened during a transition period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TransitionProgress {
    /// Milestones met.
    #[serde(default)]
    pub met: Vec<MilestoneMet>,
    /// The day the standard was reached (verified), if it was.
    #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub standard_reached_on: Option<NaiveDate>,
}

/// Why a transition period lapsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "reason", rename_all = "snake_case", deny_unknown_fields)]
pub enum TransitionLapse {
    /// A milestone was missed (not met by its due day).
    MissedMilestone {
        /// The milestone, from 0.
        index: usize,
        /// Its due day.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        due: NaiveDate,
    },
    /// The period ended without the standard reached.
    EndPassed {
        /// The last day of the period.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        end: NaiveDate,
    },
}

/// The state of a transition period on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum TransitionStatus {
    /// Running; the next milestone due, if any.
    Running {
        /// The next due day.
        #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
        #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
        next_due: Option<NaiveDate>,
    },
    /// The standard was reached in time: assess again with a timely
    /// correction (the law then decides whether a penalty remains).
    Completed {
        /// The day the standard was reached.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        on: NaiveDate,
        /// The correction fact to assess the case with.
        reassess_with: Correction,
    },
    /// The period lapsed: assess again and follow the ordinary path.
    Lapsed {
        /// Why.
        lapse: TransitionLapse,
        /// The correction fact to assess the case with.
        reassess_with: Correction,
    },
}

/// Says where a transition period stands on `on`.
///
/// Reaching the standard by the end completes it; a milestone not met by its
/// due day, or the end passing without the standard, lapses it.
///
/// # Errors
///
/// Returns an error when `on` is before the decision, progress names a day
/// after `on`, or a milestone index the plan does not have.
///
/// # Legal basis
///
/// 山丹县实施方案 五(二) "进行适度、有效监管"; after it: 行政处罚法 Art. 33 ¶1 (及时改正) and
/// Art. 57 ¶1 (一).
pub fn transition_status(
    plan: &TransitionPlan,
    progress: &TransitionProgress,
    on: NaiveDate,
) -> Result<TransitionStatus, ToleranceError> {
    if on < plan.decided_on {
        return Err(ToleranceError::AsOfBeforeDecision { on, decided_on: plan.decided_on });
    }
    for m in &progress.met {
        if plan.milestones.get(m.index).is_none() {
            return Err(ToleranceError::UnknownMilestone { index: m.index });
        }
        if m.on > on {
            return Err(ToleranceError::FactAfterAsOf { field: "met.on", value: m.on, on });
        }
    }
    if let Some(r) = progress.standard_reached_on {
        if r > on {
            return Err(ToleranceError::FactAfterAsOf { field: "standard_reached_on", value: r, on });
        }
        return Ok(if r <= plan.window.end() {
            TransitionStatus::Completed { on: r, reassess_with: Correction::Prompt { on: r } }
        } else {
            TransitionStatus::Lapsed {
                lapse: TransitionLapse::EndPassed { end: plan.window.end() },
                reassess_with: Correction::Late { on: r },
            }
        });
    }
    let met_on = |index: usize| progress.met.iter().filter(|m| m.index == index).map(|m| m.on).min();
    let mut next_due = None;
    for (index, m) in plan.milestones.iter().enumerate() {
        match met_on(index) {
            Some(d) if d <= m.due => {}
            _ if m.due < on => {
                return Ok(TransitionStatus::Lapsed {
                    lapse: TransitionLapse::MissedMilestone { index, due: m.due },
                    reassess_with: Correction::None,
                });
            }
            _ => {
                if next_due.is_none() {
                    next_due = Some(m.due);
                }
            }
        }
    }
    if on > plan.window.end() {
        return Ok(TransitionStatus::Lapsed {
            lapse: TransitionLapse::EndPassed { end: plan.window.end() },
            reassess_with: Correction::None,
        });
    }
    Ok(TransitionStatus::Running { next_due })
}

/// Applies a transition plan to the decision of its case: marks
/// [`Mechanism::TransitionPeriod`], sets the correction order to the end of
/// the window and adds guidance and education. Apply it to the interim
/// 不予处罚 decision of the plan's day (`decided_on`): the guard judges the
/// period on the decision's own date, by the test the plan was granted by.
///
/// # Errors
///
/// Returns an error when the decision is for another case or imposes a
/// penalty (the penalty question is deferred to the end of the period).
///
/// # Legal basis
///
/// 山丹县实施方案 五(二).
pub fn apply_transition(plan: &TransitionPlan, decision: &Decision) -> Result<Decision, ToleranceError> {
    check_decision(&plan.case_id, decision)?;
    let mut d = decision.clone();
    mark(&mut d, Mechanism::TransitionPeriod);
    d.correction = Some(plan.order);
    // Guidance during the period educates the party (Art. 33 ¶3 for the
    // 不予处罚 the period is meant to end in).
    d.education = true;
    if !d.soft_measures.contains(&SoftMeasure::Guidance) {
        d.soft_measures.push(SoftMeasure::Guidance);
    }
    if !d.documents.contains(&Document::CorrectionNotice) {
        d.documents.push(Document::CorrectionNotice);
    }
    Ok(d)
}

/// The error returned for bad tolerance input.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ToleranceError {
    /// A deadline before the decision.
    #[error("deadline `{deadline}` is before the decision on `{decided_on}`")]
    DeadlineBeforeDecision {
        /// The deadline.
        deadline: NaiveDate,
        /// The decision day.
        decided_on: NaiveDate,
    },
    /// A decision before the case was discovered.
    #[error("decision on `{decided_on}` is before the case was discovered on `{discovered_on}`")]
    DecisionBeforeDiscovery {
        /// The decision day.
        decided_on: NaiveDate,
        /// The discovery day.
        discovered_on: NaiveDate,
    },
    /// A window that ends before it starts.
    #[error(transparent)]
    Window(#[from] InvalidWindowError),
    /// A transition period starting before the decision.
    #[error("transition period starting `{start}` begins before the decision on `{decided_on}`")]
    StartsBeforeDecision {
        /// The start.
        start: NaiveDate,
        /// The decision day.
        decided_on: NaiveDate,
    },
    /// A milestone outside the window.
    #[error("milestone `{index}` due `{due}` falls outside the transition period `{window}`")]
    MilestoneOutside {
        /// The milestone, from 0.
        index: usize,
        /// Its due day.
        due: NaiveDate,
        /// The window.
        window: DateWindow,
    },
    /// Milestones out of order.
    #[error("milestone `{index}` due `{due}` is not after the previous milestone due `{previous}`")]
    MilestoneOrder {
        /// The milestone, from 0.
        index: usize,
        /// Its due day.
        due: NaiveDate,
        /// The previous due day.
        previous: NaiveDate,
    },
    /// A milestone index the plan does not have.
    #[error("milestone `{index}` is not in the plan")]
    UnknownMilestone {
        /// The index given.
        index: usize,
    },
    /// An empty text field.
    #[error("field `{field}` must not be empty")]
    EmptyText {
        /// The field.
        field: &'static str,
    },
    /// An as-of date before the decision.
    #[error("as-of date `{on}` is before the decision on `{decided_on}`")]
    AsOfBeforeDecision {
        /// The as-of date.
        on: NaiveDate,
        /// The decision day.
        decided_on: NaiveDate,
    },
    /// A fact dated after the as-of date.
    #[error("field `{field}` is `{value}`, after the as-of date `{on}`")]
    FactAfterAsOf {
        /// The field.
        field: &'static str,
        /// Its value.
        value: NaiveDate,
        /// The as-of date.
        on: NaiveDate,
    },
    /// A re-inspection before the correction.
    #[error("re-inspection on `{verified_on}` is before the correction on `{corrected_on}`")]
    VerificationBeforeCorrection {
        /// The re-inspection day.
        verified_on: NaiveDate,
        /// The correction day.
        corrected_on: NaiveDate,
    },
    /// Date arithmetic left the calendar.
    #[error("date arithmetic from `{from}` leaves the supported range")]
    DateOutOfRange {
        /// The starting date.
        from: NaiveDate,
    },
    /// Plan and decision for different cases.
    #[error("plan is for case `{plan}` but the decision is for case `{decision}`")]
    CaseMismatch {
        /// The plan's case.
        plan: CaseId,
        /// The decision's case.
        decision: CaseId,
    },
    /// The decision imposes a penalty.
    #[error("decision for case `{case_id}` imposes a penalty: this mechanism withholds the penalty")]
    PenaltyDecision {
        /// The case.
        case_id: CaseId,
    },
    /// A case could not be rebuilt with a correction fact.
    #[error(transparent)]
    Case(#[from] CaseError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_round_trips() {
        for v in LapseReason::ALL {
            assert_eq!(v.code().parse::<LapseReason>().unwrap(), *v);
        }
        for v in ObservationRequirement::ALL {
            assert_eq!(v.code().parse::<ObservationRequirement>().unwrap(), *v);
        }
        for v in Allowance::ALL {
            assert_eq!(v.code().parse::<Allowance>().unwrap(), *v);
        }
    }

    #[test]
    fn progress_json() {
        let p = Progress::from_json_named(
            "p",
            r#"{"status":"corrected","on":"2025-03-10","verification":{"result":"passed","on":"2025-03-12"}}"#,
        )
        .unwrap();
        assert!(matches!(p, Progress::Corrected { .. }));
        let err = Progress::from_json_named("p", r#"{"status":"maybe"}"#).unwrap_err();
        assert!(err.to_string().contains("unknown variant `maybe`"), "{err}");
    }

    #[test]
    fn status_citations_known() {
        let d = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        for s in [
            CorrectionStatus::Pending { deadline: d },
            CorrectionStatus::Closed { corrected_on: d, verified_on: d },
            CorrectionStatus::Lapsed { reason: LapseReason::Refused, reassess_with: Correction::Refused },
        ] {
            for c in s.citations() {
                assert!(c.is_known(), "{c}");
            }
            assert!(!s.legal_name().is_empty());
        }
    }
}
