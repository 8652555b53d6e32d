//! The legal reviewer's checklist (法制审核) and opinion.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::assess::{Assessment, Bar, Ground, Limitation, Tier, VersionChoice};
use crate::case::{Agency, Case, CaseId, Correction, Facts, Fault, Gravity, Harm};
use crate::catalogue::{Catalogue, Domain};
use crate::decision::{Decision, Notice, Notified, Procedure, ProcedureDuties};
use crate::law::{Citation, Source};
use crate::money::{FineBounds, Money};
use crate::regime::Regime;

use super::{Finding, FindingCode, Review, Severity, review_assessed};

vocabulary! {
    /// A point of legal review (法制审核要点).
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第五十八条 requires legal review before certain
    /// decisions; the review points follow the published county catalogue of
    /// 重大执法决定法制审核: "执法主体是否合法，执法人员是否具备执法资格；主要事实是否清楚，证据是否
    /// 确凿、充分；适用依据是否准确；处罚裁量是否适当；程序是否合法，是否充分保障行政相对人权利"
    /// (国办发〔2018〕118号 framework; the wording is local, unconfirmed as national).
    ///
    /// `Ord` is the order a review opinion lists them in.
    pub enum CheckPoint {
        /// 执法主体是否合法，执法人员是否具备执法资格.
        SubjectLawful => "执法主体合法",
        /// 主要事实是否清楚.
        FactsClear => "事实清楚",
        /// 证据是否确凿、充分.
        EvidenceConclusive => "证据确凿",
        /// 适用依据是否准确.
        BasisCorrect => "适用依据准确",
        /// 处罚裁量是否适当.
        DiscretionAppropriate => "裁量适当",
        /// 程序是否合法，是否充分保障行政相对人权利.
        ProcedureLawful => "程序合法",
    }
}

impl CheckPoint {
    /// The question the reviewer answers.
    pub const fn question(self) -> &'static str {
        match self {
            CheckPoint::SubjectLawful => "执法主体是否合法，执法人员是否具备执法资格",
            CheckPoint::FactsClear => "主要事实是否清楚",
            CheckPoint::EvidenceConclusive => "证据是否确凿、充分",
            CheckPoint::BasisCorrect => "适用依据是否准确",
            CheckPoint::DiscretionAppropriate => "处罚裁量是否适当",
            CheckPoint::ProcedureLawful => "程序是否合法，是否充分保障当事人权利",
        }
    }
}

vocabulary! {
    /// How a point stands.
    pub enum CheckStatus {
        /// 符合.
        Satisfied => "符合",
        /// 不符合.
        NotSatisfied => "不符合",
        /// 不适用 (e.g. no discretion where the law leaves a single outcome).
        NotApplicable => "不适用",
    }
}

vocabulary! {
    /// The reviewer's verdict.
    pub enum Verdict {
        /// 审核通过.
        Pass => "通过",
        /// 审核不通过: "未经法制审核或者审核未通过的，不得作出决定" (Art. 58).
        Fail => "不通过",
    }
}

/// A piece of evidence from the case, the assessment or the decision that a
/// point rests on.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "evidence", rename_all = "snake_case", deny_unknown_fields)]
pub enum Evidence {
    /// The deciding agency.
    Agency {
        /// The agency.
        agency: Agency,
    },
    /// No deciding agency is recorded.
    AgencyNotRecorded,
    /// The authority competent for the item.
    Competent {
        /// The item's domain.
        domain: Domain,
        /// The authority as the provision words it.
        authority: String,
    },
    /// The officers handling the case.
    Officers {
        /// How many are recorded.
        count: u16,
    },
    /// Whether the facts are established.
    Facts {
        /// The status.
        facts: Facts,
    },
    /// When the act was committed and discovered.
    Act {
        /// The day the act began.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        start: NaiveDate,
        /// The day a continuing act ended.
        #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
        #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
        end: Option<NaiveDate>,
        /// The day of discovery.
        #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
        #[serde(with = "crate::serde_date")]
        discovered_on: NaiveDate,
    },
    /// Gravity and harm found.
    Circumstances {
        /// Gravity.
        gravity: Gravity,
        /// Harm.
        harm: Harm,
        /// Fault.
        fault: Fault,
        /// Correction.
        correction: Correction,
    },
    /// Earlier violations on record.
    Priors {
        /// How many.
        count: u16,
    },
    /// Item-specific facts the officer confirmed.
    Confirmed {
        /// How many.
        count: u16,
    },
    /// A ground the decision relies on, and whether the assessment found it.
    Ground {
        /// The ground.
        ground: Ground,
        /// Whether the facts support it.
        supported: bool,
    },
    /// The provision applied and the Art. 37 choice.
    Provision {
        /// The provision, as cited.
        provision: String,
        /// The choice.
        choice: VersionChoice,
    },
    /// The limitation status (Art. 36).
    Limitation {
        /// The computation.
        limitation: Limitation,
    },
    /// A bar to any penalty.
    Bar {
        /// The bar.
        bar: Bar,
    },
    /// The lawful set.
    Lawful {
        /// The most lenient lawful tier.
        min: Tier,
        /// The least lenient lawful tier.
        max: Tier,
    },
    /// The outcome decided.
    Decided {
        /// The tier.
        tier: Tier,
        /// The fine.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fine: Option<Money>,
        /// The tier's fine band.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        band: Option<FineBounds>,
    },
    /// The procedure and the duties it carries, required and planned.
    Procedure {
        /// The procedure.
        procedure: Procedure,
        /// Duties the outcome requires.
        required: ProcedureDuties,
        /// Duties the decision records.
        planned: ProcedureDuties,
    },
    /// The proposal notified before the party's statement (Art. 44).
    Notified {
        /// The notice.
        notified: Notified,
    },
    /// A guard finding bearing on the point.
    Finding {
        /// The finding.
        finding: Finding,
    },
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Evidence::Agency { agency } => {
                write!(f, "执法机关：{}（{}）", agency.name, agency.domain.legal_name())
            }
            Evidence::AgencyNotRecorded => f.write_str("执法机关：未记录"),
            Evidence::Competent { domain, authority } => {
                write!(f, "事项主管：{authority}（{}）", domain.legal_name())
            }
            Evidence::Officers { count } => write!(f, "执法人员：{count}名"),
            Evidence::Facts { facts } => write!(f, "违法事实：{}", facts.legal_name()),
            Evidence::Act { start, end, discovered_on } => match end {
                Some(e) => write!(f, "违法行为自{start}持续至{e}，{discovered_on}发现"),
                None => write!(f, "违法行为发生于{start}，{discovered_on}发现"),
            },
            Evidence::Circumstances { gravity, harm, fault, correction } => write!(
                f,
                "情节：{}、{}、{}、{}",
                gravity.legal_name(),
                harm.legal_name(),
                fault.legal_name(),
                correction.legal_name()
            ),
            Evidence::Priors { count } => write!(f, "此前违法记录：{count}次"),
            Evidence::Confirmed { count } => write!(f, "经确认的清单事实：{count}项"),
            Evidence::Ground { ground, supported } => write!(
                f,
                "所依据情形：{}（{}）{}",
                ground.legal_name(),
                ground.citation(),
                if *supported { "，经查证属实" } else { "，未经查证" }
            ),
            Evidence::Provision { provision, choice } => {
                write!(f, "处罚依据：{provision}（{}）", choice.legal_name())
            }
            Evidence::Limitation { limitation: l } => write!(
                f,
                "追责期限：{}年，最后一日{}，发现日{}{}",
                l.years,
                l.last_day,
                l.discovered_on,
                if l.expired { "，已超过" } else { "，在期限内" }
            ),
            Evidence::Bar { bar } => {
                write!(f, "不得给予处罚的情形：{}（{}）", bar.legal_name(), bar.citation())
            }
            Evidence::Lawful { min, max } => {
                write!(f, "依法可以作出的处理：{}", super::finding::TierRange(*min, *max))
            }
            Evidence::Decided { tier, fine, band } => {
                write!(f, "拟作出的处理：{}", tier.legal_name())?;
                if let Some(m) = fine {
                    write!(f, "，罚款{m}")?;
                }
                if let Some(b) = band {
                    write!(f, "（裁量基准幅度{b}）")?;
                }
                Ok(())
            }
            Evidence::Procedure { procedure, required, planned } => {
                write!(f, "程序：{}", procedure.legal_name())?;
                let yes = |b: bool| if b { "是" } else { "否" };
                write!(
                    f,
                    "；应当法制审核：{}（已安排：{}）；应当告知听证：{}（已告知：{}）；应当集体讨论：{}（已安排：{}）",
                    yes(!required.legal_review.is_empty()),
                    yes(!planned.legal_review.is_empty()),
                    yes(required.hearing_notice),
                    yes(planned.hearing_notice),
                    yes(required.collective_decision),
                    yes(planned.collective_decision),
                )
            }
            Evidence::Notified { notified } => {
                write!(f, "事先告知：{}", notified.tier.legal_name())?;
                if let Some(m) = notified.fine {
                    write!(f, "，罚款{m}")?;
                }
                Ok(())
            }
            Evidence::Finding { finding } => write!(f, "{finding}"),
        }
    }
}

/// One point of the checklist: its status and the evidence.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewPoint {
    /// The point.
    pub point: CheckPoint,
    /// How it stands.
    pub status: CheckStatus,
    /// What it rests on (guard findings last).
    pub evidence: Vec<Evidence>,
}

/// A reason of the opinion: a point not satisfied, or a suggestion.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OpinionReason {
    /// The point.
    pub point: CheckPoint,
    /// The guard finding, if the reason is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<FindingCode>,
    /// The provision, or the document a regime names for its own rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<Source>,
    /// The reason in Chinese legal terms.
    pub text: String,
}

/// The legal reviewer's opinion (法制审核意见): pass or fail, with reasons and
/// suggestions, ready to be stored in the case file.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReviewOpinion {
    /// 通过 / 不通过.
    pub verdict: Verdict,
    /// Why it fails: every point not satisfied, with its findings.
    pub reasons: Vec<OpinionReason>,
    /// Advisory findings the decision-maker should weigh.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<OpinionReason>,
}

/// The legal-review checklist (法制审核) of a decision: the six review
/// points, each marked satisfied, not satisfied or not applicable with the
/// evidence from the case, and the opinion.
///
/// A point is **not satisfied** when a guard finding of severity
/// [`Severity::Irregular`] or [`Severity::Unlawful`] bears on it, and
/// additionally for 执法主体合法 when no deciding agency is recorded or fewer
/// than two officers are (Art. 42 ¶1: "执法人员不得少于两人，法律另有规定的除外").
/// 裁量适当 is **not applicable** when the law leaves a single outcome. The
/// opinion passes when no point is not satisfied; advisory findings become
/// suggestions.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第五十八条: "未经法制审核或者审核未通过的，不得作出决定";
/// 山丹县实施方案 四(三): flexible and 两轻一免 decisions go through legal review.
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::case::{Agency, Case, Correction, Harm};
/// use rouxing::catalogue::{Catalogue, Domain, Item, StatutoryPenalty};
/// use rouxing::guard::{CheckPoint, CheckStatus, LegalReviewChecklist, Verdict};
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
/// let agency = Agency {
///     id: "AG-1".parse()?,
///     name: "某县市场监督管理局".into(),
///     domain: Domain::MarketRegulation,
/// };
/// let case = Case::builder("C-1".parse()?, "X-1".parse()?)
///     .party(Party::legal_person(PartyId::new("P-1")?, None))
///     .agency(agency)
///     .officers(vec!["OF-1".parse()?, "OF-2".parse()?])
///     .act_on(d(2025, 3, 1)?)
///     .discovered_on(d(2025, 3, 2)?)
///     .harm(Harm::Harmful)
///     .correction(Correction::None)
///     .build()?;
/// let regime = Regime::shandan_sample();
/// let a = assess(&case, &catalogue, &regime, d(2025, 3, 10)?);
/// let decision = recommend(&a, &regime);
/// let checklist = LegalReviewChecklist::build(&case, &catalogue, &regime, &decision, None);
/// assert_eq!(checklist.opinion.verdict, Verdict::Pass);
/// assert_eq!(checklist.point(CheckPoint::SubjectLawful).map(|p| p.status), Some(CheckStatus::Satisfied));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LegalReviewChecklist {
    /// The case reviewed.
    pub case_id: CaseId,
    /// The six points, in [`CheckPoint`] order.
    pub points: Vec<ReviewPoint>,
    /// The opinion.
    pub opinion: ReviewOpinion,
}

impl LegalReviewChecklist {
    /// Reviews the decision ([`review`](super::review): the assessment recomputed from
    /// `case`, `catalogue` and `regime` on the decision's date) and builds the
    /// checklist; `notice` is as for [`review`](super::review).
    pub fn build(
        case: &Case,
        catalogue: &Catalogue,
        regime: &Regime,
        decision: &Decision,
        notice: Option<&Notice>,
    ) -> LegalReviewChecklist {
        let assessment = crate::assess::assess(case, catalogue, regime, decision.decided_on);
        let r = review_assessed(case, &assessment, regime, decision, notice);
        let required =
            crate::decision::procedure_duties(&assessment, regime, decision.tier, &decision.sanctions);
        LegalReviewChecklist::from_review(case, &assessment, decision, &r, required)
    }

    /// Builds the checklist from a review already made; `required` is what
    /// [`procedure_duties`](crate::decision::procedure_duties) returns for
    /// the decided tier and sanctions.
    pub fn from_review(
        case: &Case,
        a: &Assessment,
        d: &Decision,
        review: &Review,
        required: ProcedureDuties,
    ) -> LegalReviewChecklist {
        let mut points = Vec::with_capacity(CheckPoint::ALL.len());
        let mut reasons = Vec::new();
        let mut suggestions = Vec::new();
        for &point in CheckPoint::ALL {
            let mut evidence = evidence_for(point, case, a, d, &required);
            let mut failed = false;
            // Failures that are not guard findings (the subject point).
            if point == CheckPoint::SubjectLawful {
                if d.agency.is_none() {
                    failed = true;
                    reasons.push(OpinionReason {
                        point,
                        code: None,
                        citation: Some(Citation::apl(17).into()),
                        text: "决定未记录作出决定的行政机关，无法审核执法主体是否合法".to_owned(),
                    });
                }
                if case.officers().len() < 2 {
                    failed = true;
                    reasons.push(OpinionReason {
                        point,
                        code: None,
                        citation: Some(Citation::apl(42).para(1).into()),
                        text: format!(
                            "记录的执法人员为{}名；执法人员不得少于两人，法律另有规定的除外",
                            case.officers().len()
                        ),
                    });
                }
            }
            for finding in review.findings.iter().filter(|f| f.code.point() == point) {
                let reason = OpinionReason {
                    point,
                    code: Some(finding.code),
                    citation: Some(finding.citation.clone()),
                    text: format!("{}：{}", finding.code.legal_name(), finding.explanation()),
                };
                if finding.severity >= Severity::Irregular {
                    failed = true;
                    reasons.push(reason);
                } else {
                    suggestions.push(reason);
                }
                evidence.push(Evidence::Finding { finding: finding.clone() });
            }
            let status = if failed {
                CheckStatus::NotSatisfied
            } else if point == CheckPoint::DiscretionAppropriate && a.lawful.len() <= 1 {
                CheckStatus::NotApplicable
            } else {
                CheckStatus::Satisfied
            };
            points.push(ReviewPoint { point, status, evidence });
        }
        let verdict = if reasons.is_empty() { Verdict::Pass } else { Verdict::Fail };
        LegalReviewChecklist {
            case_id: d.case_id.clone(),
            points,
            opinion: ReviewOpinion { verdict, reasons, suggestions },
        }
    }

    /// A point of the checklist.
    pub fn point(&self, point: CheckPoint) -> Option<&ReviewPoint> {
        self.points.iter().find(|p| p.point == point)
    }

    /// Whether the opinion passes.
    pub fn passes(&self) -> bool {
        self.opinion.verdict == Verdict::Pass
    }
}

fn count(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

fn evidence_for(
    point: CheckPoint,
    case: &Case,
    a: &Assessment,
    d: &Decision,
    required: &ProcedureDuties,
) -> Vec<Evidence> {
    let mut e = Vec::new();
    match point {
        CheckPoint::SubjectLawful => {
            match &d.agency {
                Some(agency) => e.push(Evidence::Agency { agency: agency.clone() }),
                None => e.push(Evidence::AgencyNotRecorded),
            }
            if let Some(item) = &a.item {
                e.push(Evidence::Competent { domain: item.domain, authority: item.authority.clone() });
            }
            e.push(Evidence::Officers { count: count(case.officers().len()) });
        }
        CheckPoint::FactsClear => {
            e.push(Evidence::Facts { facts: case.facts() });
            let act = case.act();
            e.push(Evidence::Act { start: act.start(), end: act.end(), discovered_on: case.discovered_on() });
            e.push(Evidence::Circumstances {
                gravity: case.gravity(),
                harm: case.harm(),
                fault: case.fault(),
                correction: case.correction(),
            });
        }
        CheckPoint::EvidenceConclusive => {
            e.push(Evidence::Priors { count: count(case.priors().len()) });
            e.push(Evidence::Confirmed { count: count(case.confirmed().len()) });
            for g in &d.reasons.grounds {
                e.push(Evidence::Ground {
                    ground: *g,
                    supported: a.lawful.iter().any(|o| o.grounds.contains(g)),
                });
            }
        }
        CheckPoint::BasisCorrect => {
            if let Some(v) = &a.version {
                e.push(Evidence::Provision { provision: v.provision.to_string(), choice: v.choice });
            }
            if let Some(l) = a.limitation {
                e.push(Evidence::Limitation { limitation: l });
            }
            if let Some(bar) = a.bar {
                e.push(Evidence::Bar { bar });
            }
        }
        CheckPoint::DiscretionAppropriate => {
            e.push(Evidence::Lawful { min: a.most_lenient(), max: a.least_lenient() });
            e.push(Evidence::Decided {
                tier: d.tier,
                fine: d.fine(),
                band: a.option(d.tier).and_then(|o| o.fine_band),
            });
        }
        CheckPoint::ProcedureLawful => {
            e.push(Evidence::Procedure {
                procedure: d.procedure,
                required: required.clone(),
                planned: d.duties.clone(),
            });
            if let Some(n) = d.notified.as_deref().copied() {
                e.push(Evidence::Notified { notified: n });
            }
        }
    }
    e
}

impl fmt::Display for LegalReviewChecklist {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "法制审核意见（案件 {}）", self.case_id)?;
        for (i, p) in self.points.iter().enumerate() {
            writeln!(
                f,
                "{}、{}：{}（{}）",
                crate::calendar::chinese_numeral(u32::try_from(i + 1).unwrap_or(0)),
                p.point.legal_name(),
                p.status.legal_name(),
                p.point.question()
            )?;
            for e in &p.evidence {
                writeln!(f, "    - {e}")?;
            }
        }
        writeln!(f, "审核意见：{}", self.opinion.verdict.legal_name())?;
        if !self.opinion.reasons.is_empty() {
            writeln!(f, "理由：")?;
            for (i, r) in self.opinion.reasons.iter().enumerate() {
                write!(f, "  {}. [{}] {}", i + 1, r.point.legal_name(), r.text)?;
                if let Some(c) = &r.citation {
                    write!(f, "（{c}）")?;
                }
                writeln!(f)?;
            }
        }
        if !self.opinion.suggestions.is_empty() {
            writeln!(f, "建议：")?;
            for (i, r) in self.opinion.suggestions.iter().enumerate() {
                write!(f, "  {}. {}", i + 1, r.text)?;
                if let Some(c) = &r.citation {
                    write!(f, "（{c}）")?;
                }
                writeln!(f)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_in_review_order_with_questions() {
        let names: Vec<&str> = CheckPoint::ALL.iter().map(|p| p.legal_name()).collect();
        assert_eq!(names, ["执法主体合法", "事实清楚", "证据确凿", "适用依据准确", "裁量适当", "程序合法"]);
        for p in CheckPoint::ALL {
            assert!(p.question().ends_with(|c: char| !c.is_ascii()));
            assert_eq!(p.code().parse::<CheckPoint>().unwrap(), *p);
        }
        assert_eq!(Verdict::Fail.legal_name(), "不通过");
        assert_eq!(CheckStatus::NotApplicable.code(), "not_applicable");
    }

    #[test]
    fn article_42_is_carried() {
        assert!(Citation::apl(42).para(1).is_known());
        assert!(Citation::apl(17).is_known());
    }
}
