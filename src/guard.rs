//! Legality guards (合法性审查): an officer chooses, rouxing checks.
//!
//! Flexible enforcement must stay inside the law on both sides. The county
//! plan demands flexibility **and** "坚决防止借柔性执法之名“执法放水”“柔性滥用”"
//! (山丹县实施方案 四(二)), the prevention of "“以罚代教”“以罚代管”和“同事不同罚”"
//! (六(三)), and legal review of every flexible decision (四(三)). [`review`]
//! assesses the case itself and checks one decision against that assessment
//! and the Art. 44 notice, and returns typed
//! [`Finding`]s, each with a rule code ([`FindingCode`]), a [`Severity`], the
//! facts ([`Detail`]) and the provision ([`Citation`]);
//! the Chinese explanation is rendered on demand.
//!
//! The rules checked, by legal-review point:
//!
//! | point | rules |
//! |---|---|
//! | 主体合法 | outside the agency's competence (Art. 17, 法无授权不可为) |
//! | 事实清楚 / 证据确凿 | penalty on facts not established (Art. 40); a ground relied on that the facts do not support; the same act penalised before (Art. 29) |
//! | 适用依据准确 | limitation (Art. 36), rule version (Art. 37), legal basis (Art. 38), transfer of crimes (Arts. 8, 27), fine above the maximum or below the minimum and kinds not prescribed (Art. 76 ¶1 (二)), two fines (Art. 29), a fine after a court's 罚金 (Art. 35 ¶2), confiscation (Art. 28 ¶2), correction order (Art. 28 ¶1, 以罚代管), education (Art. 33 ¶3), guardian order (Arts. 30, 31), no disposition at all (Art. 83, 不作为) |
//! | 裁量适当 | a tier below the lawful set (执法放水 / 柔性滥用: no penalty despite harm, 首违不罚 for a repeat, excluded leniency, 减轻 without ground); a tier above it (机械执法: a mandatory 不予 penalised, 应当从轻减轻 ignored, 一罚了之); a fine outside the tier's 裁量基准 band (Art. 34); a self-contradictory decision; tolerance on the safety baseline (plan 五); a discretionary choice or an override without reasons (Art. 44); coercion where soft means suffice (优化营商环境条例 Art. 59 ¶1) |
//! | 程序合法 | summary procedure beyond Art. 51; legal review (Art. 58, plan 四(三)); hearing notice (Art. 63); collective decision (Art. 57 ¶2); heavier than notified (Art. 45 ¶2); the Art. 60 period |
//!
//! Every check reads what the decision does — the kinds, amounts,
//! disposition, agency and reviewer — against what the applicable provision
//! and the facts require, not the labels the deciding officer fills in.
//! [`review`] recomputes the assessment from the case, catalogue and
//! regime, so that no edited assessment can be handed in;
//! [`review_assessed`] is the cheaper variant, only for an assessment just
//! computed for the same case, regime and date.
//!
//! [`LegalReviewChecklist`] turns a review into the legal reviewer's
//! checklist (法制审核) with an opinion (通过 / 不通过) that a case file can store;
//! [`Proposal`] turns an officer's edit of the recommendation into a
//! [`Decision`], recording the override.
//!
//! ```
//! use rouxing::assess::Tier;
//! use rouxing::case::{Case, Correction, Harm};
//! use rouxing::catalogue::{Catalogue, Domain, Item, StatutoryPenalty};
//! use rouxing::guard::{review, FindingCode, Severity};
//! use rouxing::measure::PenaltyKind;
//! use rouxing::money::{FineRule, Money};
//! use rouxing::party::{Party, PartyId};
//! use rouxing::{assess, recommend, Regime};
//! use chrono::NaiveDate;
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
//! let item = Item {
//!     code: "X-1".parse()?,
//!     name: "某违法行为".into(),
//!     domain: Domain::MarketRegulation,
//!     authority: "市场监督管理部门".into(),
//!     violated_provisions: vec![],
//!     penalty_provision: "某条例第十条".into(),
//!     penalty_text: None,
//!     penalty: StatutoryPenalty::new(
//!         vec![PenaltyKind::Fine],
//!         Some(FineRule::range(Money::yuan(1_000), Money::yuan(10_000))?),
//!         None,
//!     )?,
//!     amendments: vec![],
//!     safety_baseline: false,
//!     sectors: vec![],
//!     limitation: None,
//!     aggravation: vec![],
//!     no_fault_exception: None,
//!     entries: vec![],
//! };
//! let catalogue = Catalogue::new("示例", vec![], vec![item])?;
//! let case = Case::builder("C-1".parse()?, "X-1".parse()?)
//!     .party(Party::legal_person(PartyId::new("P-1")?, None))
//!     .act_on(d(2025, 3, 1)?)
//!     .discovered_on(d(2025, 3, 2)?)
//!     .harm(Harm::Serious)
//!     .correction(Correction::None)
//!     .build()?;
//! let regime = Regime::national();
//! let a = assess(&case, &catalogue, &regime, d(2025, 3, 10)?);
//! let recommended = recommend(&a, &regime);
//! // Reviewed as the draft to be notified (no Art. 44 notice yet).
//! assert!(review(&case, &catalogue, &regime, &recommended, None).is_lawful());
//!
//! // An officer lets it go: no penalty despite serious harm.
//! let mut lenient = recommended.clone();
//! lenient.tier = Tier::NoPenalty;
//! lenient.sanctions.clear();
//! let r = review(&case, &catalogue, &regime, &lenient, None);
//! assert!(r.has(FindingCode::NoPenaltyDespiteHarm));
//! assert_eq!(r.worst(), Some(Severity::Unlawful));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Legal basis
//!
//! 山丹县实施方案 四(二): "坚决防止借柔性执法之名“执法放水”“柔性滥用”"; 四(三): "要将采取柔性
//! 执法方式和适用“两轻一免”情形的执法决定纳入重大执法决定法制审核范围"; 六(三): "防止“以罚代教”
//! “以罚代管”和“同事不同罚”等问题发生". Each finding cites the provision it applies.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::assess::{Assessment, Bar, DeadlineKind, EntryResult, Ground, Tier, Why};
use crate::case::{Aggravating, Case, CaseId, Gravity, Harm, OfficerId, PriorOutcome};
use crate::catalogue::Catalogue;
use crate::catalogue::{Domain, ListOutcome, Modal};
use crate::decision::{
    Decision, Disposition, HearingHeld, Notice, Procedure, ReviewTrigger, procedure_duties_heard,
};
use crate::law::{Citation, Instrument};
use crate::measure::{Document, Mechanism, PenaltyKind};
use crate::money::Money;
use crate::regime::Regime;

mod checklist;
mod finding;
mod proposal;

pub use checklist::{
    CheckPoint, CheckStatus, Evidence, LegalReviewChecklist, OpinionReason, ReviewOpinion, ReviewPoint,
    Verdict,
};
pub use finding::{Detail, Explanation, Finding, FindingCode, Inconsistency, Severity};
pub use proposal::{Omission, Proposal};

/// The record of an officer's override of the recommendation: who changed
/// what, whether the result stays inside the lawful set, and whether a reason
/// was given.
///
/// # Legal basis
///
/// Officers may depart from the recommendation inside the lawful set
/// (行政处罚法 Art. 34: 裁量权), but must give reasons (Art. 44: "告知当事人拟作出的
/// 行政处罚内容及事实、理由、依据").
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OverrideRecord {
    /// Who overrode.
    pub officer: OfficerId,
    /// The tier recommended.
    pub recommended: Tier,
    /// The fine recommended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommended_fine: Option<Money>,
    /// The tier decided.
    pub decided: Tier,
    /// The fine decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_fine: Option<Money>,
    /// Whether the decided tier is in the lawful set.
    pub within_lawful_set: bool,
    /// Whether the officer gave a reason.
    pub reasoned: bool,
}

/// The result of [`review`]: the findings, most severe first, and the
/// override record.
///
/// # JSON
///
/// A review without findings:
///
/// ```
/// let review_json = r#"{"case_id": "SH-JA-SJ-2026-0506", "findings": []}"#;
/// use rouxing::Review;
///
/// let review: Review = serde_json::from_str(review_json)?;
/// assert_eq!(serde_json::to_value(&review)?, serde_json::from_str::<serde_json::Value>(review_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// The case reviewed.
    pub case_id: CaseId,
    /// The findings, most severe first (stable within a severity).
    pub findings: Vec<Finding>,
    /// Who overrode the recommendation, if anyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overridden: Option<OverrideRecord>,
}

impl Review {
    /// Whether no finding is of severity [`Severity::Unlawful`].
    pub fn is_lawful(&self) -> bool {
        self.worst() != Some(Severity::Unlawful)
    }

    /// Whether there is no finding above [`Severity::Advisory`]: the decision
    /// can pass legal review as it stands.
    pub fn passes(&self) -> bool {
        self.worst().is_none_or(|s| s == Severity::Advisory)
    }

    /// The most severe finding's severity, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    /// Whether a finding with this code was made.
    pub fn has(&self, code: FindingCode) -> bool {
        self.findings.iter().any(|f| f.code == code)
    }

    /// The finding with this code, if made.
    pub fn get(&self, code: FindingCode) -> Option<&Finding> {
        self.findings.iter().find(|f| f.code == code)
    }

    /// The findings of one severity.
    pub fn of(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity == severity)
    }
}

impl fmt::Display for Review {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.findings.is_empty() {
            writeln!(f, "案件 {}：未发现合法性问题", self.case_id)?;
        } else {
            writeln!(f, "案件 {}：发现{}项问题", self.case_id, self.findings.len())?;
            for (i, x) in self.findings.iter().enumerate() {
                writeln!(f, "{}. {x}", i + 1)?;
            }
        }
        if let Some(o) = &self.overridden {
            writeln!(
                f,
                "执法人员 {} 将建议的{}{}变更为{}{}（{}，{}）",
                o.officer,
                o.recommended.legal_name(),
                o.recommended_fine.map(|m| format!("（罚款{m}）")).unwrap_or_default(),
                o.decided.legal_name(),
                o.decided_fine.map(|m| format!("（罚款{m}）")).unwrap_or_default(),
                if o.within_lawful_set {
                    "在依法可以作出的处理范围内"
                } else {
                    "超出依法可以作出的处理范围"
                },
                if o.reasoned { "已说明理由" } else { "未说明理由" }
            )?;
        }
        Ok(())
    }
}

/// Reviews a decision from the facts: the legality guard.
///
/// Assesses `case` under `catalogue` and `regime` on the decision's own date
/// ([`assess`](crate::assess())), then checks `decision` against that
/// assessment and against `notice`, what the party was told before the
/// decision (Art. 44). No assessment is taken from the caller, so an edited
/// assessment cannot make an unlawful decision pass.
///
/// `notice` is `None` for a draft still to be notified (the legal review of
/// the 拟作出 decision, before the Art. 44 notice): the checks that compare a
/// decision with its notice then wait for the notice. A decision made without
/// any notice is reviewed with [`Notice::NotGiven`], never with `None`.
///
/// The review is pure and total. Its guarantees, each a property test:
///
/// * a decision [`recommend`](crate::recommend()) returns has no finding of
///   severity [`Severity::Unlawful`];
/// * a decision whose tier is outside the lawful set always has one;
/// * every finding's citation points at a provision rouxing carries.
///
/// Findings are sorted most severe first.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第五十八条: legal review checks "行政执法主体是否合法…案件事实是否
/// 清楚，证据是否合法充分…适用法律、法规、规章是否准确，裁量基准运用是否适当…执法程序是否合法" —
/// each from the file, not from the deciding officer's own account. See the
/// [module documentation](self) for the rules and their provisions.
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::case::{Case, Correction, Gravity, Harm};
/// use rouxing::catalogue::{Catalogue, Domain, Item, StatutoryPenalty};
/// use rouxing::guard::{review, FindingCode};
/// use rouxing::measure::PenaltyKind;
/// use rouxing::money::{FineRule, Money};
/// use rouxing::party::{Party, PartyId};
/// use rouxing::{assess, recommend, Regime};
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
/// let item = Item {
///     code: "X-1".parse()?,
///     name: "某违法行为".into(),
///     domain: Domain::MarketRegulation,
///     authority: "市场监督管理部门".into(),
///     violated_provisions: vec![],
///     penalty_provision: "某条例第十条".into(),
///     penalty_text: None,
///     penalty: StatutoryPenalty::new(
///         vec![PenaltyKind::Fine],
///         Some(FineRule::range(Money::yuan(1_000), Money::yuan(10_000))?),
///         None,
///     )?,
///     amendments: vec![],
///     safety_baseline: false,
///     sectors: vec![],
///     limitation: None,
///     aggravation: vec![],
///     no_fault_exception: None,
///     entries: vec![],
/// };
/// let catalogue = Catalogue::new("示例", vec![], vec![item])?;
/// let case = Case::builder("C-1".parse()?, "X-1".parse()?)
///     .party(Party::legal_person(PartyId::new("P-1")?, None))
///     .act_on(d(2025, 3, 1)?)
///     .discovered_on(d(2025, 3, 2)?)
///     .harm(Harm::Harmful)
///     .correction(Correction::None)
///     .build()?;
/// let regime = Regime::national();
/// let a = assess(&case, &catalogue, &regime, d(2025, 3, 10)?);
/// let mut decision = recommend(&a, &regime);
/// assert!(review(&case, &catalogue, &regime, &decision, None).is_lawful());
/// decision.correction = None; // fine, and let the violation go on
/// let r = review(&case, &catalogue, &regime, &decision, None);
/// assert!(r.has(FindingCode::MissingCorrectionOrder));
/// assert!(!r.is_lawful());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn review(
    case: &Case,
    catalogue: &Catalogue,
    regime: &Regime,
    decision: &Decision,
    notice: Option<&Notice>,
) -> Review {
    let a = crate::assess::assess(case, catalogue, regime, decision.decided_on);
    review_assessed(case, &a, regime, decision, notice)
}

/// Reviews a decision against an assessment the caller already holds: the
/// cheaper variant of [`review`], which skips the assessment.
///
/// Use it **only** with an assessment just computed by
/// [`assess`](crate::assess()) for the same case, regime and date
/// (`decision.decided_on`); an assessment from anywhere else — stored,
/// received, edited — can make an unlawful decision pass. `regime` is needed
/// for the procedural duties the chosen outcome carries (legal review,
/// hearing, collective decision) and the Art. 51 thresholds; `notice` is as
/// for [`review`].
///
/// # Legal basis
///
/// As [`review`].
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::{Case, Catalogue, Regime, guard, recommend, assess};
///
/// let catalogue = Catalogue::bundled()?;
/// let case = Case::from_json(include_str!("../examples/data/cases/ordinary.json"), &catalogue)?;
/// let regime = Regime::national();
/// let as_of = NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?;
/// let a = assess(&case, &catalogue, &regime, as_of);
/// let decision = recommend(&a, &regime);
/// let cheap = guard::review_assessed(&case, &a, &regime, &decision, None);
/// assert_eq!(cheap, guard::review(&case, &catalogue, &regime, &decision, None));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn review_assessed(
    case: &Case,
    assessment: &Assessment,
    regime: &Regime,
    decision: &Decision,
    notice: Option<&Notice>,
) -> Review {
    let mut out = Vec::new();
    let c = Ctx { case, a: assessment, d: decision, regime, notice };
    c.tier(&mut out);
    c.competence(&mut out);
    c.substance(&mut out);
    c.consistency(&mut out);
    c.fines(&mut out);
    c.kinds(&mut out);
    c.summary(&mut out);
    c.duties(&mut out);
    c.tolerance(&mut out);
    c.procedure(&mut out);
    c.notice(&mut out);
    c.reasons(&mut out);
    c.coercion(&mut out);
    // Most severe first; the sort is stable, so the order of the checks
    // (roughly the order of the review points) is kept within a severity.
    if out.len() > 1 {
        out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    }
    Review { case_id: decision.case_id.clone(), findings: out, overridden: c.override_record() }
}

/// 山丹县实施方案 四(二): "坚决防止借柔性执法之名“执法放水”“柔性滥用”".
const PLAN_ANTI_ABUSE: Citation = Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(2);

struct Ctx<'a> {
    case: &'a Case,
    a: &'a Assessment,
    d: &'a Decision,
    regime: &'a Regime,
    notice: Option<&'a Notice>,
}

impl Ctx<'_> {
    /// Whether a violation is established (a correction order and, on no
    /// penalty, education are due).
    fn violation(&self) -> bool {
        matches!(self.a.bar, None | Some(Bar::LimitationExpired))
    }

    /// Whether the regime adopts the county plan (山丹县实施方案): one of its
    /// rules names the plan as its source ([`Regime::adopts`]; in
    /// [`Regime::shandan_sample()`] the 四(三) legal review of every lenient
    /// decision). Findings under a regime that does not adopt it cite the
    /// statute, never the plan.
    fn plan_adopted(&self) -> bool {
        self.regime.adopts(Instrument::ShandanFlexibleEnforcementPlan)
    }

    fn tiers(&self) -> Detail {
        Detail::Tiers {
            decided: self.d.tier,
            lawful_min: self.a.most_lenient(),
            lawful_max: self.a.least_lenient(),
        }
    }

    fn tier(&self, out: &mut Vec<Finding>) {
        let (a, d) = (self.a, self.d);
        // A 过渡期 defers the penalty question: its interim 不予处罚 is judged by
        // the transition's own requirements (`transition`), read from the
        // facts; the label alone never passes.
        if a.is_lawful(d.tier) || self.transition_unmet().is_some_and(|unmet| unmet.is_empty()) {
            return;
        }
        if d.tier < a.most_lenient() {
            out.push(self.too_lenient());
        } else {
            out.push(self.too_severe());
        }
    }

    /// A tier below the lawful set: the most specific of the 执法放水 rules.
    fn too_lenient(&self) -> Finding {
        use FindingCode as C;
        let (a, d, case) = (self.a, self.d, self.case);
        if d.tier == Tier::NoPenalty && case.harm() >= Harm::Harmful {
            return Finding::new(
                C::NoPenaltyDespiteHarm,
                Severity::Unlawful,
                Citation::apl(57).para(1).item(1),
                Detail::Harm { harm: case.harm() },
            );
        }
        if d.tier == Tier::NoPenalty {
            let earlier = a.trace.iter().find_map(|t| match t.why {
                Why::FirstFacts { first: false, earlier, .. } => Some(earlier),
                _ => None,
            });
            if let Some(earlier) = earlier {
                return Finding::new(
                    C::FirstViolationForRepeat,
                    Severity::Unlawful,
                    Citation::apl(33).para(1).sentence(2),
                    Detail::Repeat { earlier },
                );
            }
        }
        let excluded = a.trace.iter().any(|t| match t.why {
            Why::FirstBlockedByAggravation => true,
            Why::Entry { index, result: EntryResult::Excluded { .. } | EntryResult::Aggravated } => {
                a.entry(index).is_some_and(|e| e.outcome != ListOutcome::NoCoercion)
            }
            _ => false,
        });
        // 从重 the law itself requires — Art. 49, or the 从重 clause of the
        // special law the item applies — cites that provision, under every
        // regime.
        let by_law = a
            .lawful
            .iter()
            .flat_map(|o| &o.grounds)
            .find(|g| g.is_aggravation_by_law())
            .map(Ground::citation);
        if excluded {
            // Under a regime that does not adopt the county plan the
            // exclusion is the list's (a 裁量基准, Art. 34), not the plan's.
            let citation = if let Some(c) = by_law {
                c
            } else if case.aggravating().contains(&Aggravating::EmergencyMeasures) {
                Citation::apl(49)
            } else if self.plan_adopted() {
                PLAN_ANTI_ABUSE
            } else {
                Citation::apl(34)
            };
            return Finding::new(C::LeniencyExcluded, Severity::Unlawful, citation, self.tiers());
        }
        if let Some(citation) = by_law {
            if a.most_lenient() == Tier::Heavier {
                return Finding::new(C::LeniencyExcluded, Severity::Unlawful, citation, self.tiers());
            }
        }
        if d.tier == Tier::Mitigated {
            return Finding::new(
                C::MitigationWithoutGround,
                Severity::Unlawful,
                Citation::apl(32),
                self.tiers(),
            );
        }
        // 过罚相当 (Art. 5 ¶2) where the regime does not adopt the plan.
        let citation = if self.plan_adopted() { PLAN_ANTI_ABUSE } else { Citation::apl(5).para(2) };
        Finding::new(C::BelowLawfulSet, Severity::Unlawful, citation, self.tiers())
    }

    /// A tier above the lawful set: a bar, a mandatory 不予, an ignored
    /// 应当从轻减轻, or plain disproportion.
    fn too_severe(&self) -> Finding {
        use FindingCode as C;
        let (a, d) = (self.a, self.d);
        let u = Severity::Unlawful;
        match a.bar {
            Some(Bar::LimitationExpired) => {
                let detail = match a.limitation {
                    Some(l) => Detail::Limitation { last_day: l.last_day, discovered_on: l.discovered_on },
                    None => Detail::Bar { bar: Bar::LimitationExpired },
                };
                return Finding::new(C::PenaltyAfterLimitation, u, Citation::apl(36).para(1), detail);
            }
            Some(Bar::FactsNotEstablished) => {
                return Finding::new(
                    C::PenaltyWithoutEstablishedFacts,
                    u,
                    Citation::apl(40),
                    Detail::Bar { bar: Bar::FactsNotEstablished },
                );
            }
            Some(Bar::NoLegalBasis) => {
                return Finding::new(
                    C::PenaltyWithoutLegalBasis,
                    u,
                    Citation::apl(38).para(1),
                    Detail::Bar { bar: Bar::NoLegalBasis },
                );
            }
            Some(Bar::NotIllegal) => {
                return Finding::new(
                    C::WrongRuleVersion,
                    u,
                    Citation::apl(37),
                    Detail::Version { fine: None, limit: None, kind: None },
                );
            }
            Some(Bar::SuspectedCrime) => {
                return Finding::new(
                    C::PenaltyInsteadOfTransfer,
                    u,
                    Citation::apl(8).para(2),
                    Detail::Bar { bar: Bar::SuspectedCrime },
                );
            }
            None => {}
        }
        let max = a.least_lenient();
        if max == Tier::NoPenalty {
            if let Some(g) = a
                .lawful
                .first()
                .and_then(|o| o.grounds.first())
                .copied()
                .filter(|g| !matches!(g, Ground::Bar { .. }))
            {
                return Finding::new(
                    C::PenaltyDespiteMandatoryNoPenalty,
                    u,
                    g.citation(),
                    Detail::Ground { ground: g, decided: d.tier },
                );
            }
        }
        if max <= Tier::Lighter {
            let ground = a.option(max).and_then(|o| {
                o.grounds.iter().copied().find(|g| {
                    matches!(
                        g,
                        Ground::Minor
                            | Ground::Mitigating { .. }
                            | Ground::ListEntry {
                                modal: Modal::Shall,
                                outcome: ListOutcome::Mitigate | ListOutcome::Lighten,
                                ..
                            }
                    )
                })
            });
            if let Some(g) = ground {
                return Finding::new(
                    C::MitigationIgnored,
                    u,
                    g.citation(),
                    Detail::Ground { ground: g, decided: d.tier },
                );
            }
        }
        Finding::new(C::AboveLawfulSet, u, Citation::apl(5).para(2), self.tiers())
    }

    fn competence(&self, out: &mut Vec<Finding>) {
        if let (Some(agency), Some(item)) = (&self.d.agency, &self.a.item) {
            if agency.domain != item.domain {
                out.push(Finding::new(
                    FindingCode::OutsideCompetence,
                    Severity::Unlawful,
                    Citation::apl(17),
                    Detail::Competence { agency: agency.domain, item: item.domain },
                ));
            }
        }
    }

    /// Whether the decision transfers a case that is in fact suspected of a
    /// crime (only then does the transfer replace the penalty).
    fn real_transfer(&self) -> bool {
        self.d.disposition == Disposition::Transfer
            && self.a.has_duty(crate::assess::Duty::TransferToJudiciary)
    }

    /// What the decision does, judged against what the law requires: the
    /// organ's power over the kinds, the amounts, the confiscation, the kinds
    /// the provision imposes, the transfer and the agency.
    fn substance(&self, out: &mut Vec<Finding>) {
        use FindingCode as C;
        let (a, d, case) = (self.a, self.d, self.case);
        let u = Severity::Unlawful;
        // Art. 18 ¶3: "限制人身自由的行政处罚权只能由公安机关和法律规定的其他机关行使。"
        let police = d.agency.as_ref().is_some_and(|g| g.domain == Domain::PublicSecurity);
        if !police {
            if let Some(s) = d.sanctions.iter().find(|s| s.kind == PenaltyKind::Detention) {
                out.push(Finding::new(
                    C::SanctionReservedToOtherOrgan,
                    u,
                    Citation::apl(18).para(3),
                    Detail::Kind { kind: s.kind },
                ));
            }
        }
        let penalty = a.bar.is_none() && d.tier != Tier::NoPenalty;
        let bounds_known = a.version.as_ref().and_then(|v| v.fine_bounds).is_some();
        for s in d.sanctions.iter().filter(|s| s.kind == PenaltyKind::Fine) {
            match s.amount {
                // Art. 59 ¶1 (三): the decision states its penalty; an amount
                // that cannot yet be computed (base not established) is a gap
                // in the facts rather than a choice.
                None => out.push(Finding::new(
                    C::FineAmountUndetermined,
                    if bounds_known { u } else { Severity::Irregular },
                    Citation::apl(59).para(1).item(3),
                    Detail::Kind { kind: s.kind },
                )),
                Some(m) if m.is_zero() && penalty => out.push(Finding::new(
                    C::TokenSanction,
                    u,
                    Citation::apl(76).para(1).item(2),
                    Detail::Kind { kind: s.kind },
                )),
                Some(_) => {}
            }
        }
        // On 不予处罚 too, where the regime reads Art. 28 ¶2 as confiscating
        // (`GainsOnNoPenalty::Confiscate`).
        let gains_read =
            self.regime.readings.gains_on_no_penalty == crate::regime::GainsOnNoPenalty::Confiscate;
        if penalty || (a.bar.is_none() && d.tier == Tier::NoPenalty && gains_read) {
            // Art. 28 ¶2: "当事人有违法所得，除依法应当退赔的外，应当予以没收。" The
            // amount is the established gains, neither more nor less.
            let due = a.illegal_gains.unwrap_or(Money::ZERO);
            for s in d.sanctions.iter().filter(|s| s.kind == PenaltyKind::ConfiscateIllegalGains) {
                if s.amount != a.illegal_gains {
                    out.push(Finding::new(
                        C::ConfiscationMismatch,
                        u,
                        Citation::apl(28).para(2),
                        Detail::Fine { fine: s.amount.unwrap_or(Money::ZERO), limit: due },
                    ));
                }
            }
        }
        if penalty {
            if let Some(p) = a.version.as_ref().and_then(|v| v.penalty.as_ref()) {
                self.mandatory(p, out);
            }
        }
        // Arts. 27, 57 ¶1 (四): transfer is for a suspected crime only; without
        // one it drops the penalty and the correction order (Art. 83).
        if d.disposition == Disposition::Transfer && !a.has_duty(crate::assess::Duty::TransferToJudiciary) {
            out.push(Finding::new(
                C::TransferWithoutSuspicion,
                u,
                Citation::apl(57).para(1).item(4),
                Detail::Decided { tier: d.tier },
            ));
        }
        // Art. 17: competence cannot be checked without the deciding agency;
        // dropping the agency the case names is a way around the check.
        if d.agency.is_none() {
            let severity = if case.agency().is_some() { u } else { Severity::Advisory };
            out.push(Finding::new(
                C::AgencyMissing,
                severity,
                Citation::apl(17),
                Detail::Decided { tier: d.tier },
            ));
        }
    }

    /// Kinds the applicable provision imposes (处 / 并处) must be in a penalty.
    /// 减轻 may replace them by a lighter kind, except the confiscations (what
    /// is unlawful to hold is not a measure of leniency); 没收违法所得 is
    /// checked against the established gains by `duties`.
    fn mandatory(&self, p: &crate::catalogue::StatutoryPenalty, out: &mut Vec<Finding>) {
        let d = self.d;
        let mitigated = d.tier == Tier::Mitigated;
        let present = |k: PenaltyKind| d.sanctions.iter().any(|s| s.kind == k);
        let mut push = |kind: PenaltyKind| {
            out.push(Finding::new(
                FindingCode::MandatorySanctionMissing,
                Severity::Unlawful,
                Citation::apl(76).para(1).item(2),
                Detail::Kind { kind },
            ));
        };
        // A fine the law withholds is not missing: the act was fined before
        // (Art. 29) or a court judged 罚金 for it (Art. 35 ¶2).
        let no_fine = self.a.fined_before.is_some() || self.case.criminal_fine().is_some();
        for k in p.mandatory_kinds() {
            let kept_in_mitigation = k == PenaltyKind::ConfiscateIllegalProperty;
            let withheld = no_fine && k == PenaltyKind::Fine;
            if k != PenaltyKind::ConfiscateIllegalGains
                && !withheld
                && (!mitigated || kept_in_mitigation)
                && !present(k)
            {
                push(k);
            }
        }
        if !mitigated {
            for (modal, kinds) in p.alternatives() {
                if modal == Modal::Shall && !kinds.iter().any(|k| present(*k)) {
                    if let Some(k) = kinds.iter().find(|k| !(no_fine && **k == PenaltyKind::Fine)) {
                        push(*k);
                    }
                }
            }
        }
    }

    fn consistency(&self, out: &mut Vec<Finding>) {
        let (a, d) = (self.a, self.d);
        let crime = a.has_duty(crate::assess::Duty::TransferToJudiciary);
        if crime && d.disposition != Disposition::Transfer {
            out.push(Finding::new(
                FindingCode::NoCriminalTransfer,
                Severity::Unlawful,
                Citation::apl(27).para(1),
                Detail::Bar { bar: Bar::SuspectedCrime },
            ));
        }
        let mut push = |inconsistency: Inconsistency, severity: Severity| {
            out.push(Finding::new(
                FindingCode::InconsistentDecision,
                severity,
                Citation::apl(57).para(1),
                Detail::Inconsistency { inconsistency },
            ));
        };
        let penalty_tier = d.tier != Tier::NoPenalty;
        if !penalty_tier && !only_gains_confiscated(a, d, self.regime) {
            push(Inconsistency::SanctionsOnNoPenalty, Severity::Unlawful);
        }
        // An act fined before (Art. 29), or for which a court judged 罚金
        // (Art. 35 ¶2), may be left with no further sanction.
        let fined = self.a.fined_before.is_some() || self.case.criminal_fine().is_some();
        if penalty_tier && d.sanctions.is_empty() && !self.real_transfer() && !fined {
            // In substance no penalty: unlawful leniency where no penalty is
            // not lawful.
            let severity =
                if a.is_lawful(Tier::NoPenalty) { Severity::Irregular } else { Severity::Unlawful };
            push(Inconsistency::NoSanctionsOnPenalty, severity);
        }
        let mismatch = match d.disposition {
            Disposition::Penalty => !penalty_tier,
            Disposition::NoPenalty | Disposition::Transfer => penalty_tier,
        };
        if mismatch {
            push(Inconsistency::DispositionMismatch, Severity::Irregular);
        }
    }

    fn fines(&self, out: &mut Vec<Finding>) {
        use FindingCode as C;
        let (a, d, case) = (self.a, self.d, self.case);
        let count = d.sanctions.iter().filter(|s| s.kind == PenaltyKind::Fine).count();
        if count == 0 {
            return;
        }
        if count > 1 {
            out.push(Finding::new(
                C::SecondFine,
                Severity::Unlawful,
                Citation::apl(29),
                Detail::Fines { count: u16::try_from(count).unwrap_or(u16::MAX) },
            ));
        }
        // Art. 29 sentence 1, from the recorded earlier fine of this same act.
        if let Some(earlier) = case.fined_before() {
            out.push(Finding::new(
                C::SecondFine,
                Severity::Unlawful,
                Citation::apl(29),
                Detail::SameAct { on: earlier.on },
            ));
        }
        // Art. 35 ¶2, from the recorded judgment: "不再给予罚款".
        if let (Some(criminal_fine), Some(o)) = (case.criminal_fine(), case.criminal_outcome()) {
            out.push(Finding::new(
                C::FineAfterCriminalFine,
                Severity::Unlawful,
                Citation::apl(35).para(2),
                Detail::CriminalFine { on: o.on, criminal_fine },
            ));
        }
        if let Some(p) = case.priors().iter().find(|p| {
            &p.item == case.item() && p.on == case.act().start() && p.outcome == PriorOutcome::Penalised
        }) {
            out.push(Finding::new(
                C::SameActFinedBefore,
                Severity::Irregular,
                Citation::apl(29),
                Detail::SameAct { on: p.on },
            ));
        }
        let Some(fine) = d.fine() else {
            return;
        };
        // Bars and a no-penalty tier are findings of their own.
        if a.bar.is_some() || d.tier == Tier::NoPenalty {
            return;
        }
        let statutory = a.version.as_ref().and_then(|v| v.fine_bounds);
        if let Some(b) = statutory {
            if fine > b.max() {
                out.push(if self.other_version_admits_fine(fine) {
                    Finding::new(
                        C::WrongRuleVersion,
                        Severity::Unlawful,
                        Citation::apl(37),
                        Detail::Version { fine: Some(fine), limit: Some(b.max()), kind: None },
                    )
                } else {
                    Finding::new(
                        C::FineAboveMaximum,
                        Severity::Unlawful,
                        Citation::apl(76).para(1).item(2),
                        Detail::Fine { fine, limit: b.max() },
                    )
                });
                return;
            }
            if fine < b.min() && d.tier != Tier::Mitigated {
                out.push(Finding::new(
                    C::FineBelowMinimum,
                    Severity::Unlawful,
                    Citation::apl(76).para(1).item(2),
                    Detail::Fine { fine, limit: b.min() },
                ));
                return;
            }
        }
        if let Some(band) = a.option(d.tier).and_then(|o| o.fine_band) {
            if !band.contains(fine) {
                let lawful_elsewhere = a.lawful.iter().filter_map(|o| o.fine_band).any(|b| b.contains(fine));
                out.push(Finding::new(
                    C::FineOutsideBand,
                    if lawful_elsewhere { Severity::Irregular } else { Severity::Unlawful },
                    Citation::apl(34),
                    Detail::Band { fine, tier: d.tier, band },
                ));
            }
        }
    }

    /// Whether another version of the item's provision than the applicable
    /// one admits the fine (Art. 37).
    fn other_version_admits_fine(&self, fine: Money) -> bool {
        let Some(item) = &self.a.item else {
            return false;
        };
        let natural = self.a.natural_person;
        let amounts = self.case.amounts();
        std::iter::once(Some(&item.penalty))
            .chain(item.amendments.iter().map(|m| m.penalty.as_ref()))
            .flatten()
            .filter_map(|p| p.fine_for(natural).and_then(|r| r.bounds(amounts)))
            .any(|b| b.contains(fine))
    }

    fn kinds(&self, out: &mut Vec<Finding>) {
        let (a, d, case) = (self.a, self.d, self.case);
        // Other provisions the same act violates (Art. 29) may prescribe
        // other kinds: those are prescribed too, and nothing else is.
        if a.bar.is_some() || d.tier == Tier::NoPenalty {
            return;
        }
        let _ = case;
        let Some(p) = a.version.as_ref().and_then(|v| v.penalty.as_ref()) else {
            return;
        };
        for s in &d.sanctions {
            let k = s.kind;
            // Confiscation of illegal gains is always due (Art. 28 ¶2); 减轻
            // may choose a lighter kind than those prescribed (Jiangsu 市场监管
            // 规定 Art. 3: "在…处罚种类之外选择更轻的处罚种类").
            let allowed = p.has_kind(k)
                || a.other_penalties.iter().any(|q| q.has_kind(k))
                || k == PenaltyKind::ConfiscateIllegalGains
                || (d.tier == Tier::Mitigated && k.group() < p.heaviest_group());
            if allowed {
                continue;
            }
            let other = a.item.as_ref().is_some_and(|item| {
                std::iter::once(Some(&item.penalty))
                    .chain(item.amendments.iter().map(|m| m.penalty.as_ref()))
                    .flatten()
                    .any(|q| q.has_kind(k))
            });
            out.push(if other {
                Finding::new(
                    FindingCode::WrongRuleVersion,
                    Severity::Unlawful,
                    Citation::apl(37),
                    Detail::Version { fine: None, limit: None, kind: Some(k) },
                )
            } else {
                Finding::new(
                    FindingCode::SanctionNotPrescribed,
                    Severity::Unlawful,
                    Citation::apl(76).para(1).item(2),
                    Detail::Kind { kind: k },
                )
            });
        }
    }

    fn summary(&self, out: &mut Vec<Finding>) {
        let (a, d, regime) = (self.a, self.d, self.regime);
        if d.procedure != Procedure::Summary || d.sanctions.is_empty() {
            return;
        }
        let threshold =
            if a.natural_person { regime.summary.natural_person } else { regime.summary.organisation };
        let kind = d
            .sanctions
            .iter()
            .map(|s| s.kind)
            .find(|k| !matches!(k, PenaltyKind::Warning | PenaltyKind::Fine));
        let fine = d.fine().filter(|f| !regime.summary.admits(*f, a.natural_person));
        if kind.is_some() || fine.is_some() {
            out.push(Finding::new(
                FindingCode::SummaryProcedureIneligible,
                Severity::Unlawful,
                Citation::apl(51),
                Detail::Summary { fine, threshold, kind },
            ));
        }
    }

    /// Duties that survive leniency: correction, education, guardian order,
    /// confiscation; and the duty to act at all.
    fn duties(&self, out: &mut Vec<Finding>) {
        use FindingCode as C;
        let (a, d) = (self.a, self.d);
        let u = Severity::Unlawful;
        let transfer = self.real_transfer();
        // Art. 28 ¶2: on a penalty, and on 不予处罚 where the assessment found
        // the duty (the regime's reading, `GainsOnNoPenalty`).
        let reading = self.regime.readings.gains_on_no_penalty == crate::regime::GainsOnNoPenalty::Confiscate;
        if a.bar.is_none() && (d.tier != Tier::NoPenalty || reading) {
            if let Some(gains) = a.illegal_gains {
                if !d.sanctions.iter().any(|s| s.kind == PenaltyKind::ConfiscateIllegalGains) {
                    out.push(Finding::new(
                        C::MissingConfiscation,
                        u,
                        Citation::apl(28).para(2),
                        Detail::Confiscation { gains },
                    ));
                }
            }
        }
        let violation = self.violation() && !transfer;
        if violation && a.has_duty(crate::assess::Duty::CorrectionOrder) && d.correction.is_none() {
            out.push(Finding::new(
                C::MissingCorrectionOrder,
                u,
                Citation::apl(28).para(1),
                Detail::Decided { tier: d.tier },
            ));
        }
        let no_penalty = d.tier == Tier::NoPenalty && only_gains_confiscated(a, d, self.regime);
        if violation && no_penalty && !d.education {
            out.push(Finding::new(
                C::MissingEducation,
                u,
                Citation::apl(33).para(3),
                Detail::Decided { tier: d.tier },
            ));
        }
        if let Some(due) = a.guardian_order {
            if no_penalty && d.guardian_order != Some(due) {
                out.push(Finding::new(C::MissingGuardianOrder, u, due.citation(), Detail::Guardian { due }));
            }
        }
        let nothing = d.sanctions.is_empty()
            && d.correction.is_none()
            && !d.education
            && d.soft_measures.is_empty()
            && d.mechanisms.is_empty()
            && d.guardian_order.is_none();
        if a.bar.is_none() && !transfer && nothing {
            out.push(Finding::new(C::NoDisposition, u, Citation::apl(83), Detail::Decided { tier: d.tier }));
        }
    }

    /// The 过渡期 requirements a decision that defers the penalty under a
    /// transition period fails, recomputed from the case with the same test
    /// [`tolerance::transition`](crate::mechanism::tolerance::transition) grants by (the end is the
    /// correction order's deadline); `None` when the decision is no such
    /// deferral. "Needs rectification" is left out: a period for a party
    /// that already corrected is pointless, not unlawful.
    fn transition_unmet(
        &self,
    ) -> Option<Vec<crate::mechanism::Check<crate::mechanism::tolerance::TransitionRequirement>>> {
        use crate::mechanism::tolerance::TransitionRequirement as T;
        let d = self.d;
        let deferral = d.mechanisms.contains(&Mechanism::TransitionPeriod)
            && d.disposition == Disposition::NoPenalty
            && d.tier == Tier::NoPenalty;
        if !deferral {
            return None;
        }
        let end = d.correction.and_then(|c| c.deadline);
        let checks = end.and_then(|end| {
            crate::mechanism::tolerance::transition_checks(self.case, self.a, self.regime, d.decided_on, end)
                .ok()
        });
        let Some(checks) = checks else {
            // No end to judge the period by: it is beyond any maximum.
            return Some(vec![crate::mechanism::Check::new(
                T::WithinMaximum,
                false,
                Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 65).para(1),
                "过渡期没有确定的届满日期".to_owned(),
            )]);
        };
        Some(checks.into_iter().filter(|c| !c.met && c.requirement != T::NeedsRectification).collect())
    }

    /// 山丹县实施方案 五(二) "对需要达标整改的给予必要的“过渡性”": a transition period
    /// the facts do not allow. The safety baseline keeps its own finding
    /// below (`tolerance_on_safety_baseline`); a period the regime's maximum
    /// does not cover is irregular (the maximum is a local knob), any other
    /// failure unlawful: it defers a penalty the law requires.
    fn transition(&self, out: &mut Vec<Finding>) {
        use crate::mechanism::tolerance::TransitionRequirement as T;
        let Some(unmet) = self.transition_unmet() else {
            return;
        };
        let baseline_item = self.a.item.as_ref().is_some_and(|i| i.safety_baseline);
        let worst = unmet
            .iter()
            .filter(|c| !(c.requirement == T::OffSafetyBaseline && baseline_item))
            .min_by_key(|c| c.requirement == T::WithinMaximum || c.requirement == T::OffSafetyBaseline);
        if let Some(c) = worst {
            let severity = if matches!(c.requirement, T::WithinMaximum | T::OffSafetyBaseline) {
                Severity::Irregular
            } else {
                Severity::Unlawful
            };
            out.push(Finding::new(
                FindingCode::TransitionNotAllowed,
                severity,
                c.citation,
                Detail::Mechanism { mechanism: Mechanism::TransitionPeriod },
            ));
        }
    }

    fn tolerance(&self, out: &mut Vec<Finding>) {
        self.transition(out);
        let Some(item) = &self.a.item else {
            return;
        };
        if !item.safety_baseline {
            return;
        }
        // Discretionary leniency on the baseline. A compulsory outcome (不予:
        // Arts. 30, 31, 33 ¶1 sentence 1, 33 ¶2; 应当从轻或者减轻: Arts. 30, 32) is the
        // law's own and never flagged; 可以 is a choice the baseline weighs
        // against. The regime that adopts the county plan makes it irregular
        // (plan 五(二): tolerance for fields "不触碰安全底线"); the national regime
        // only advises, citing 过罚相当 (Art. 5 ¶2), never the plan.
        let d = self.d;
        let discretionary =
            self.a.option(d.tier).is_some_and(|o| o.modality == crate::assess::Modality::Discretionary);
        if self.a.bar.is_none() && d.tier.is_lenient() && discretionary {
            let (severity, citation) = if self.plan_adopted() {
                (Severity::Irregular, Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 5).item(2))
            } else {
                (Severity::Advisory, Citation::apl(5).para(2))
            };
            out.push(Finding::new(
                FindingCode::LeniencyOnSafetyBaseline,
                severity,
                citation,
                Detail::Decided { tier: d.tier },
            ));
        }
        // The plan's own limits where the regime adopts it; else 过罚相当
        // (Art. 5 ¶2), never the plan.
        let adopted = self.plan_adopted();
        let plan = |item| {
            if adopted {
                Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 5).item(item)
            } else {
                Citation::apl(5).para(2)
            }
        };
        for &m in &self.d.mechanisms {
            let (severity, citation) = match m {
                // "对不触碰安全底线的新领域适当给予一定的“观察期”" (五(二)).
                Mechanism::ObservationPeriod => (Severity::Unlawful, plan(2)),
                // 过渡期 and 简易引导 are not expressly limited by the plan;
                // zero tolerance on the safety baseline makes them irregular.
                Mechanism::TransitionPeriod => (Severity::Irregular, plan(2)),
                Mechanism::SimpleGuidance => (Severity::Irregular, plan(1)),
                Mechanism::CorrectionOnly | Mechanism::CreditIncentive => continue,
            };
            out.push(Finding::new(
                FindingCode::ToleranceOnSafetyBaseline,
                severity,
                citation,
                Detail::Mechanism { mechanism: m },
            ));
        }
    }

    fn procedure(&self, out: &mut Vec<Finding>) {
        use FindingCode as C;
        let (a, d) = (self.a, self.d);
        let u = Severity::Unlawful;
        // Art. 58 ¶1 (二) reads a hearing held, taken from the notified
        // proposal (or the case file it came from), never from the decision.
        let given = match self.notice {
            Some(Notice::Given(p)) => Some(p),
            _ => None,
        };
        let held = given.map_or(HearingHeld::NotHeld, |p| p.hearing.held_before(p.on, d.decided_on));
        let required = procedure_duties_heard(a, self.regime, d.tier, &d.sanctions, held);
        let transfer = self.real_transfer();
        let has_doc = |doc: Document| d.documents.contains(&doc);
        if !required.legal_review.is_empty() {
            let documented = transfer || has_doc(Document::LegalReviewOpinion);
            let missing = |t: &&ReviewTrigger| !documented || !d.duties.legal_review.contains(t);
            // Art. 58 ¶1 (一)–(三), and (四) where the regime's source is a 法律
            // or 法规; a rule of the regime's own documents is irregular.
            let statutory = |t: &&ReviewTrigger| t.required_by_law(self.regime);
            let worst = required
                .legal_review
                .iter()
                .filter(missing)
                .find(statutory)
                .or_else(|| required.legal_review.iter().find(missing));
            if let Some(&trigger) = worst {
                let severity = if statutory(&&trigger) { u } else { Severity::Irregular };
                out.push(Finding::new(
                    C::MissingLegalReview,
                    severity,
                    self.regime.review_source(trigger),
                    Detail::Trigger { trigger },
                ));
            }
        }
        // Art. 58 ¶¶1, 2: who reviewed, from the record, not from the decision's
        // own list of duties.
        if let Some(rec) = &d.legal_review {
            if self.case.officers().contains(&rec.reviewer) {
                out.push(Finding::new(
                    C::ReviewerIsInvestigator,
                    u,
                    Citation::apl(58).para(1),
                    Detail::Decided { tier: d.tier },
                ));
            }
            if rec.first_review && !rec.qualified {
                out.push(Finding::new(
                    C::ReviewerUnqualified,
                    u,
                    Citation::apl(58).para(2),
                    Detail::Decided { tier: d.tier },
                ));
            }
        }
        // Art. 63 ¶1: the right to a hearing, told in the notice; a notice that
        // does not offer it fails whatever the decision lists.
        let not_offered = given.is_some_and(|p| !p.hearing.offered());
        if required.hearing_notice
            && (not_offered || !(d.duties.hearing_notice && has_doc(Document::HearingNotice)))
        {
            out.push(Finding::new(
                C::MissingHearingNotice,
                u,
                Citation::apl(63).para(1),
                Detail::Decided { tier: d.tier },
            ));
        }
        if let Some(p) = given.filter(|_| required.hearing_notice) {
            self.hearing(p, out);
        }
        if required.collective_decision
            && !(d.duties.collective_decision && has_doc(Document::CollectiveDiscussionRecord))
        {
            out.push(Finding::new(
                C::MissingCollectiveDecision,
                u,
                Citation::apl(57).para(2),
                Detail::Decided { tier: d.tier },
            ));
        }
        // The decision's own `notified` field, read only where no notice is
        // handed in (it can add a finding, never remove one).
        if let (None, Some(n)) = (self.notice, d.notified.as_deref().copied()) {
            let fine = d.fine();
            let heavier = d.tier > n.tier || fine.unwrap_or(Money::ZERO) > n.fine.unwrap_or(Money::ZERO);
            if heavier {
                out.push(Finding::new(
                    C::HeavierAfterStatement,
                    u,
                    Citation::apl(45).para(2),
                    Detail::Notified {
                        notified: n.tier,
                        notified_fine: n.fine,
                        decided: d.tier,
                        decided_fine: fine,
                    },
                ));
            }
        }
        if let Some(dl) = a.deadline(DeadlineKind::Decision) {
            if d.decided_on > dl.due {
                out.push(Finding::new(
                    C::DecisionPeriodExceeded,
                    Severity::Irregular,
                    Citation::apl(60),
                    Detail::Deadline { due: dl.due, decided_on: d.decided_on },
                ));
            }
        }
    }

    /// Arts. 63 ¶1, 64 (一), 65: a penalty that carries the right to a hearing
    /// is decided only once the five working days from the notice have ended
    /// without a request, the party has waived the hearing, or the hearing
    /// requested in time has ended.
    ///
    /// A request after the five days does not hold the decision up (the
    /// right lapsed, Art. 64 (一)); a request withdrawn, or deemed waived by
    /// absence (Art. 64 (六)), ends the hearing. `Lapsed` is not taken on
    /// the notice's word: the period is recomputed from the notice day.
    fn hearing(&self, p: &crate::decision::NotifiedProposal, out: &mut Vec<Finding>) {
        use crate::decision::HearingAnswer as H;
        let d = self.d;
        let due = crate::decision::hearing_request_due(p.on, &self.regime.calendar).date;
        let early = match &p.hearing {
            H::Pending | H::Lapsed => Some(Citation::apl(64).item(1)).filter(|_| d.decided_on <= due),
            H::Requested { on } => Some(Citation::apl(63).para(1)).filter(|_| *on <= due),
            H::Held { requested_on, held_on } => {
                Some(Citation::apl(65)).filter(|_| *requested_on <= due && *held_on > d.decided_on)
            }
            H::NotOffered | H::Waived { .. } | H::Withdrawn { .. } => None,
        };
        if let Some(citation) = early {
            out.push(Finding::new(
                FindingCode::DecidedBeforeHearing,
                Severity::Unlawful,
                citation,
                Detail::Deadline { due, decided_on: d.decided_on },
            ));
        }
    }

    /// Arts. 44, 45, 62: the decision against the notice given before it.
    ///
    /// Every decision that imposes a sanction needs the notice, whatever its
    /// tier label says. Without one it is unlawful unless the party
    /// expressly waived statement and defence (Art. 62's proviso, read as
    /// covering the notice as well as the hearing: the party gave up what the
    /// notice serves). With one, a decision heavier than it
    /// ([`heavier_sanction`](crate::decision::heavier_sanction)) after the
    /// party stated its case, with no new fact established, is heavier
    /// *because of* the statement (Art. 45 ¶2); heavier on new facts, on
    /// another item, or after a waiver or a lapse, it was never notified and
    /// needs a fresh notice (Art. 44). A new fact counts only where the case
    /// establishes it and the notice did not state it.
    fn notice(&self, out: &mut Vec<Finding>) {
        use crate::decision::{Answer, heavier_sanction};
        use FindingCode as C;
        let d = self.d;
        let u = Severity::Unlawful;
        let penalty = !d.sanctions.is_empty();
        match self.notice {
            None => {}
            Some(Notice::NotGiven { waiver }) => {
                let waived = waiver.as_deref().is_some_and(|w| !w.trim().is_empty());
                if penalty && !waived {
                    out.push(Finding::new(
                        C::NoticeMissing,
                        u,
                        Citation::apl(62),
                        Detail::Decided { tier: d.tier },
                    ));
                }
            }
            Some(Notice::Given(n)) => {
                for &fact in &d.new_facts {
                    if !fact.holds_in(self.case) {
                        out.push(Finding::new(
                            C::NewFactNotEstablished,
                            Severity::Irregular,
                            Citation::apl(40),
                            Detail::Fact { fact },
                        ));
                    }
                }
                if !penalty {
                    return;
                }
                if n.answer == Answer::Pending {
                    out.push(Finding::new(
                        C::DecidedBeforeStatement,
                        u,
                        Citation::apl(62),
                        Detail::Decided { tier: d.tier },
                    ));
                }
                let new_facts =
                    d.new_facts.iter().filter(|f| f.holds_in(self.case) && !n.facts.contains(f)).count();
                let new_facts = u16::try_from(new_facts).unwrap_or(u16::MAX);
                if let Some(s) = heavier_sanction(&d.sanctions, &n.sanctions) {
                    let same = n.sanctions.iter().find(|x| x.kind == s.kind);
                    let detail = Detail::Heavier {
                        kind: s.kind,
                        amount: s.amount,
                        notified: same.and_then(|x| x.amount),
                        kind_notified: same.is_some(),
                        new_facts,
                    };
                    let stated = matches!(n.answer, Answer::Stated { .. });
                    out.push(if stated && new_facts == 0 {
                        Finding::new(C::HeavierAfterStatement, u, Citation::apl(45).para(2), detail)
                    } else {
                        Finding::new(C::FreshNoticeMissing, u, Citation::apl(44), detail)
                    });
                } else if n.item.as_ref().is_some_and(|i| d.item.as_ref() != Some(i)) {
                    out.push(Finding::new(
                        C::FreshNoticeMissing,
                        u,
                        Citation::apl(44),
                        Detail::Decided { tier: d.tier },
                    ));
                }
            }
        }
    }

    /// 说明理由, structured: every circumstance named holds in the case; a
    /// choice heavier than the proposal, or a penalty where 首违不罚 is met,
    /// names an established circumstance that weighs against leniency; a
    /// lenient tier names a ground of that tier; an override names what
    /// justifies its direction. Free text never stands in for any of these.
    fn reasons(&self, out: &mut Vec<Finding>) {
        use FindingCode as C;
        let (a, d) = (self.a, self.d);
        let irregular = Severity::Irregular;
        for &fact in &d.reasons.circumstances {
            if !fact.holds_in(self.case) {
                out.push(Finding::new(
                    C::CircumstanceNotEstablished,
                    irregular,
                    Citation::apl(40),
                    Detail::Fact { fact },
                ));
            }
        }
        let against = self.reasoned_against_leniency();
        let names_ground = self.names_tier_ground();
        if d.reasons.tier != d.tier {
            out.push(Finding::new(
                C::MissingReasons,
                irregular,
                Citation::apl(44),
                Detail::Reasons { stale: true },
            ));
        } else if d.overridden.is_none()
            && a.is_lawful(d.tier)
            // With one lawful tier there is no choice heavier than the
            // proposal, but a lenient tier still names its ground: a 不予处罚
            // the law requires (Art. 30) states which rule requires it.
            && ((d.tier > proposed_tier(a, self.regime) && !against) || !names_ground)
        {
            out.push(Finding::new(
                C::MissingReasons,
                irregular,
                Citation::apl(44),
                Detail::Reasons { stale: false },
            ));
        }
        if let Some(o) = &d.overridden {
            if !self.override_reasoned(o) {
                out.push(Finding::new(
                    C::OverrideWithoutReason,
                    irregular,
                    Citation::apl(44),
                    Detail::Override { recommended: o.recommended, decided: d.tier },
                ));
            }
        }
        // Art. 33 ¶1 sentence 2 met, a penalty decided, no established
        // circumstance named that weighs against it: 以罚代教.
        let first_met = a
            .option(Tier::NoPenalty)
            .is_some_and(|o| o.grounds.iter().any(|g| matches!(g, Ground::FirstViolation)));
        if first_met && d.tier != Tier::NoPenalty && !against {
            out.push(Finding::new(
                C::PenaltyInsteadOfEducation,
                irregular,
                Citation::apl(33).para(1).sentence(2),
                Detail::Decided { tier: d.tier },
            ));
        }
        let unsupported = d.reasons.grounds.iter().find(|g| !a.lawful.iter().any(|o| o.grounds.contains(g)));
        if let Some(&ground) = unsupported {
            out.push(Finding::new(
                C::GroundNotEstablished,
                irregular,
                Citation::apl(40),
                Detail::Ground { ground, decided: d.tier },
            ));
        }
    }

    /// Whether the reasons name something established that weighs against
    /// leniency: a circumstance that holds in the case and
    /// [weighs against leniency](crate::decision::Fact::weighs_against_leniency),
    /// or an aggravating ground that the assessment itself finds for the
    /// tier decided; the item's place on the safety baseline (catalogue
    /// data, read here, not declared) counts as well.
    fn reasoned_against_leniency(&self) -> bool {
        let (a, d) = (self.a, self.d);
        let fact =
            d.reasons.circumstances.iter().any(|f| f.weighs_against_leniency() && f.holds_in(self.case));
        let ground = a.option(d.tier).is_some_and(|o| {
            d.reasons.grounds.iter().any(|g| {
                matches!(g, Ground::Aggravating { .. } | Ground::SpecialLawAggravation { .. })
                    && o.grounds.contains(g)
            })
        });
        let baseline = a.item.as_ref().is_some_and(|i| i.safety_baseline);
        fact || ground || baseline
    }

    /// Whether a lenient tier's reasons name at least one ground of its
    /// lawful option (true for 一般 and 从重, whose reasons the heavier-choice
    /// rule reads, and where the option has no ground).
    fn names_tier_ground(&self) -> bool {
        let (a, d) = (self.a, self.d);
        if !d.tier.is_lenient() {
            return true;
        }
        a.option(d.tier)
            .is_none_or(|o| o.grounds.is_empty() || o.grounds.iter().any(|g| d.reasons.grounds.contains(g)))
    }

    /// Whether an override is reasoned in its direction: a heavier result
    /// (a heavier tier, or a higher fine at the same tier) needs an
    /// established circumstance against leniency; a lighter or equal one a
    /// ground of the decided tier, or, where that tier has none, an
    /// established circumstance of any kind.
    fn override_reasoned(&self, o: &crate::decision::Override) -> bool {
        let d = self.d;
        let heavier = d.tier > o.recommended || (d.tier == o.recommended && d.fine() > o.recommended_fine);
        if heavier {
            return self.reasoned_against_leniency();
        }
        let has_grounds = self.a.option(d.tier).is_some_and(|opt| !opt.grounds.is_empty());
        if has_grounds {
            self.names_tier_ground()
        } else {
            d.reasons.circumstances.iter().any(|f| f.holds_in(self.case))
        }
    }

    fn coercion(&self, out: &mut Vec<Finding>) {
        let Some(&measure) = self.d.coercive_measures.first() else {
            return;
        };
        let listed = !self.a.no_coercion.is_empty();
        let minor = self.case.gravity() == Gravity::Minor || self.case.harm() <= Harm::Slight;
        // 优化营商环境条例 Art. 59 ¶1 for market entities: where the non-coercive
        // route demonstrably sufficed — corrected promptly with no harm, or a
        // 不予行政强制 entry applies — coercion is unlawful. An organisation is
        // taken to be a market entity (DIFFERENCE: other organisations are
        // rare in the lists).
        let sufficed = listed || (self.case.correction().is_prompt() && self.case.harm() == Harm::None);
        let market_entity = !self.case.party().is_natural_person();
        let severity = if sufficed && market_entity {
            Severity::Unlawful
        } else if listed {
            Severity::Irregular
        } else if minor {
            Severity::Advisory
        } else {
            return;
        };
        out.push(Finding::new(
            FindingCode::CoercionWhereSoftSuffices,
            severity,
            Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 59).para(1),
            Detail::Coercion { measure, listed },
        ));
    }

    fn override_record(&self) -> Option<OverrideRecord> {
        let (a, d) = (self.a, self.d);
        d.overridden.as_ref().map(|o| OverrideRecord {
            officer: o.officer.clone(),
            recommended: o.recommended,
            recommended_fine: o.recommended_fine,
            decided: d.tier,
            decided_fine: d.fine(),
            within_lawful_set: a.is_lawful(d.tier),
            reasoned: self.override_reasoned(o),
        })
    }
}

/// Whether a decision's sanctions are at most the confiscation of the
/// established illegal gains the assessment requires on a 不予处罚 outcome
/// (《中华人民共和国行政处罚法》第二十八条第二款 "当事人有违法所得，除依法应当退赔的外，应当予以没收",
/// as the regime reads it): that confiscation does not make the decision a
/// penalty; any other sanction, or another amount, does.
pub(crate) fn only_gains_confiscated(a: &Assessment, d: &Decision, regime: &Regime) -> bool {
    let reading = regime.readings.gains_on_no_penalty == crate::regime::GainsOnNoPenalty::Confiscate;
    d.sanctions.iter().all(|s| {
        reading
            && s.kind == PenaltyKind::ConfiscateIllegalGains
            && a.bar.is_none()
            && a.illegal_gains.is_some()
            && s.amount == a.illegal_gains
    })
}

/// The tier `recommend` proposes: a decision at it, or more lenient, needs no
/// reasons of the officer's own beyond the grounds (Arts. 30, 32 leave
/// 从轻 or 减轻 to the regime's [`AlternativeMitigation`](crate::regime::AlternativeMitigation)).
fn proposed_tier(a: &Assessment, regime: &Regime) -> Tier {
    crate::decision::proposed_option(a, regime).map_or_else(|| a.most_lenient(), |o| o.tier)
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn codes_round_trip_and_have_names() {
        for c in FindingCode::iter() {
            let s = c.to_string();
            assert_eq!(s.parse::<FindingCode>().unwrap(), c);
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{s}\""));
            assert!(!c.legal_name().is_empty());
        }
        for s in Severity::iter() {
            assert_eq!(s.to_string().parse::<Severity>().unwrap(), s);
        }
        assert!(Severity::Advisory < Severity::Irregular);
        assert!(Severity::Irregular < Severity::Unlawful);
        for i in Inconsistency::iter() {
            assert_eq!(i.to_string().parse::<Inconsistency>().unwrap(), i);
        }
    }

    #[test]
    fn fixed_citations_are_known() {
        assert!(PLAN_ANTI_ABUSE.is_known());
        for c in [
            Citation::apl(5).para(2),
            Citation::apl(8).para(2),
            Citation::apl(17),
            Citation::apl(18).para(3),
            Citation::apl(27).para(1),
            Citation::apl(57).para(1).item(4),
            Citation::apl(58).para(1),
            Citation::apl(58).para(2),
            Citation::apl(59).para(1).item(3),
            Citation::apl(28).para(1),
            Citation::apl(28).para(2),
            Citation::apl(29),
            Citation::apl(32),
            Citation::apl(33).para(1).sentence(2),
            Citation::apl(33).para(3),
            Citation::apl(34),
            Citation::apl(36).para(1),
            Citation::apl(37),
            Citation::apl(38).para(1),
            Citation::apl(40),
            Citation::apl(44),
            Citation::apl(45).para(2),
            Citation::apl(49),
            Citation::apl(51),
            Citation::apl(57).para(1),
            Citation::apl(57).para(1).item(1),
            Citation::apl(57).para(2),
            Citation::apl(60),
            Citation::apl(62),
            Citation::apl(63).para(1),
            Citation::apl(76).para(1).item(2),
            Citation::apl(83),
            Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 5).item(1),
            Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 5).item(2),
            Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 59).para(1),
        ] {
            assert!(c.is_known(), "{c}");
        }
        for t in ReviewTrigger::iter() {
            assert!(t.statute().is_none_or(|c| c.is_known()), "{t}");
            for r in [Regime::national(), Regime::shandan_sample()] {
                let s = r.review_source(t);
                assert!(s.is_known() || s.document().is_some(), "{t}: {s}");
            }
        }
    }

    #[test]
    fn every_code_explains_itself() {
        // A finding whose detail does not fit its code still renders the
        // rule's name instead of nothing.
        for c in FindingCode::iter() {
            let f = Finding::new(c, Severity::Irregular, Citation::apl(5), Detail::Fines { count: 9 });
            let text = f.to_string();
            assert!(text.starts_with("[不规范] "), "{text}");
            assert!(text.contains(c.legal_name()), "{text}");
        }
    }
}
