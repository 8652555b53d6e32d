//! The annual evaluation of flexible enforcement (考核评价), per agency.
//!
//! The county plan asks to "完善考核评价机制，将推行行政柔性执法情况纳入年度法治建设考核"
//! (山丹县实施方案 四(四)). [`evaluate`] turns a year's decided cases, with the
//! facts of their case files, and the year's supervision findings into one
//! [`AgencyEvaluation`] per agency: a set of indicators, each a per-mille
//! share with its numerator and denominator, and a weighted score.
//!
//! # Indicators
//!
//! | indicator | formula (per mille) | direction | source |
//! |---|---|---|---|
//! | [`Indicator::LegalReviewCoverage`] 法制审核覆盖率 | decisions reviewed ÷ decisions that required review | higher is better | 行政处罚法 Art. 58; 山丹县实施方案 四(三) |
//! | [`Indicator::LegalReviewPassRate`] 法制审核通过率 | reviews passed ÷ reviews held | higher is better | 行政处罚法 Art. 58 ¶1 ("未经法制审核或者审核未通过的，不得作出决定") |
//! | [`Indicator::DecisionTimeliness`] 按期作出决定率 | decisions within the Art. 60 period of filing ÷ decisions with a filing date | higher is better | 行政处罚法 Art. 60 |
//! | [`Indicator::ServiceTimeliness`] 按期送达率 | decisions handed over on pronouncement or served within seven working days ÷ decisions served or overdue | higher is better | 行政处罚法 Arts. 61, 85 |
//! | [`Indicator::ConsistencyFindings`] 同事不同罚发生率 | decisions named in a 同事不同罚 group ÷ decisions | lower is better | 山丹县实施方案 六(三) |
//! | [`Indicator::AbuseFindings`] 滥用提示发生率 | decisions named in any abuse pattern (运动式, 一刀切, 选择性执法, 以罚代教, 重罚轻管, repeated 首违不罚, baseline exemptions) ÷ decisions | lower is better | 山丹县实施方案 四(一), 四(二), 六(三) |
//! | [`Indicator::RepeatAfterLeniency`] 从宽后再违法率 | lenient decisions whose party violated the same item again within the window ÷ lenient decisions | lower is better | 山丹县实施方案 四(二) ("对违法者依法严惩"); 《中华人民共和国行政处罚法》第六条 |
//! | [`Indicator::FollowUpDone`] 回访落实率 | follow-up visits done ÷ follow-up visits due by the evaluation day | higher is better | 山丹县实施方案 五(一) |
//!
//! The share of flexible outcomes (不予、减轻、从轻) is **not** an indicator: it is
//! reported in [`FlexibleOutcomes`], beside the 执法放水 signals of the same
//! agency, and no weight can attach to it — a leniency quota would reward
//! 执法放水 (四(二): "坚决防止借柔性执法之名“执法放水”“柔性滥用”").
//!
//! # No indicator on amounts
//!
//! 《中华人民共和国行政处罚法》第七十四条第三款: fines and confiscations "不得同作出行政处罚决定
//! 的行政机关及其工作人员的考核、考评直接或者变相挂钩". The type design enforces it:
//! [`EvaluatedCase`], the only per-case input, carries no amount; [`Indicator`]
//! has no variant on amounts, so [`Weights`] cannot name one (a weights
//! document naming `fine_total` is rejected).
//!
//! # Weights
//!
//! No official weights are known. [`Weights::default`] gives every indicator
//! weight 1 — a choice, not law; a 司法局 sets its own as data.
//!
//! # Legal basis
//!
//! 山丹县实施方案 四(四) (`第四部分第（四）项第五句`); 《中华人民共和国行政处罚法》第七十四条第三款,
//! 第七十五条第一款 ("县级以上人民政府应当定期组织开展行政执法评议、考核").

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::assess::{Assessment, Tier};
use crate::audit::AuditReport;
use crate::audit::pattern::PatternReport;
use crate::calendar::WorkCalendar;
use crate::case::{AgencyId, Case, CaseId};
use crate::catalogue::ItemCode;
use crate::decision::{Decision, procedure_duties};
use crate::law::{Citation, Instrument};
use crate::party::PartyId;
use crate::regime::Regime;

vocabulary! {
    /// The outcome of a legal review (法制审核), from the case file.
    pub enum ReviewResult {
        /// 审核通过.
        Passed => "审核通过",
        /// 审核未通过.
        NotPassed => "审核未通过",
    }
}

/// The facts of a case file the evaluation reads (taken from its events:
/// 立案, 法制审核, 送达, 回访).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessRecord {
    /// The day the case was filed (立案).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub filed_on: Option<NaiveDate>,
    /// The legal review held, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<ReviewResult>,
    /// Whether the decision was handed over on pronouncement (宣告后当场交付).
    #[serde(default)]
    pub delivered_on_pronouncement: bool,
    /// The day the decision was served, when not handed over.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub served_on: Option<NaiveDate>,
    /// The day the follow-up visit (回访) was made.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub followed_up_on: Option<NaiveDate>,
}

/// A decided case as the evaluation sees it. It carries no amount, by
/// design (Art. 74 ¶3).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluatedCase {
    /// The case.
    pub case_id: CaseId,
    /// The deciding agency (`None` when not recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<AgencyId>,
    /// The party.
    pub party: PartyId,
    /// The item, if in the catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemCode>,
    /// The act day.
    #[serde(with = "crate::serde_date")]
    pub act_on: NaiveDate,
    /// The decision day.
    #[serde(with = "crate::serde_date")]
    pub decided_on: NaiveDate,
    /// The tier.
    pub tier: Tier,
    /// Whether legal review was required, recomputed from the assessment and
    /// the sanctions ([`procedure_duties`]), not read from the decision.
    pub review_required: bool,
    /// The last day of the Art. 60 decision period, when the filing date is
    /// known.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub decision_due: Option<NaiveDate>,
    /// The last day of the Art. 61 service period (seven working days).
    #[serde(with = "crate::serde_date")]
    pub service_due: NaiveDate,
    /// The follow-up visit day the decision set, if any.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub follow_up_due: Option<NaiveDate>,
    /// The case file's facts.
    pub process: ProcessRecord,
}

impl EvaluatedCase {
    /// The evaluation record of a decided case.
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第五十八条 (review required), 第六十条 (the regime's
    /// decision period, from the day after filing), 第六十一条 and 第八十五条 (service
    /// within seven working days of the decision).
    pub fn new(
        case: &Case,
        a: &Assessment,
        d: &Decision,
        regime: &Regime,
        calendar: &WorkCalendar,
        process: ProcessRecord,
    ) -> EvaluatedCase {
        let duties = procedure_duties(a, regime, d.tier, &d.sanctions);
        EvaluatedCase {
            case_id: d.case_id.clone(),
            agency: d.agency.as_ref().or(case.agency()).map(|x| x.id.clone()),
            party: d.party.clone(),
            item: d.item.clone(),
            act_on: case.act().committed_on(),
            decided_on: d.decided_on,
            tier: d.tier,
            review_required: !duties.legal_review.is_empty(),
            decision_due: process
                .filed_on
                .and_then(|f| f.checked_add_days(Days::new(u64::from(regime.decision_period_days)))),
            service_due: calendar.add_working_days(d.decided_on, 7).date,
            follow_up_due: d.follow_up_on,
            process,
        }
    }
}

vocabulary! {
    /// An evaluation indicator. None is built on fine or confiscation
    /// amounts (Art. 74 ¶3), and the share of flexible outcomes is not one
    /// (see [`FlexibleOutcomes`]).
    ///
    /// This enum is exhaustive on purpose: adding an indicator is a decision
    /// about what agencies are rewarded for.
    pub enum Indicator {
        /// 法制审核覆盖率.
        LegalReviewCoverage => "法制审核覆盖率",
        /// 法制审核通过率.
        LegalReviewPassRate => "法制审核通过率",
        /// 按期作出决定率 (Art. 60).
        DecisionTimeliness => "按期作出决定率",
        /// 按期送达率 (Art. 61).
        ServiceTimeliness => "按期送达率",
        /// 同事不同罚发生率.
        ConsistencyFindings => "同事不同罚发生率",
        /// 滥用提示发生率.
        AbuseFindings => "滥用提示发生率",
        /// 从宽后再违法率.
        RepeatAfterLeniency => "从宽后再违法率",
        /// 回访落实率.
        FollowUpDone => "回访落实率",
    }
}

impl Indicator {
    /// Whether a higher share is better.
    pub const fn higher_is_better(self) -> bool {
        !matches!(
            self,
            Indicator::ConsistencyFindings | Indicator::AbuseFindings | Indicator::RepeatAfterLeniency
        )
    }

    /// The provision the indicator rests on.
    pub const fn citation(self) -> Citation {
        let plan = Instrument::ShandanFlexibleEnforcementPlan;
        match self {
            Indicator::LegalReviewCoverage | Indicator::LegalReviewPassRate => Citation::apl(58).para(1),
            Indicator::DecisionTimeliness => Citation::apl(60),
            Indicator::ServiceTimeliness => Citation::apl(61),
            Indicator::ConsistencyFindings => Citation::new(plan, 6).item(3),
            Indicator::AbuseFindings => Citation::new(plan, 4).item(1).sentence(3),
            Indicator::RepeatAfterLeniency => Citation::new(plan, 4).item(2).sentence(2),
            Indicator::FollowUpDone => Citation::new(plan, 5).item(1),
        }
    }
}

/// The weight of each indicator (a knob; no official weights are known).
///
/// On the wire a map from indicator code to weight; an unknown indicator —
/// including any on amounts — is rejected.
///
/// ```
/// use rouxing::evaluation::{Indicator, Weights};
/// let w: Weights = serde_json::from_str(r#"{"legal_review_coverage": 3, "abuse_findings": 2}"#)?;
/// assert_eq!(w.get(Indicator::LegalReviewCoverage), 3);
/// assert_eq!(w.get(Indicator::FollowUpDone), 0);
/// assert!(serde_json::from_str::<Weights>(r#"{"fine_total": 1}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Weights(BTreeMap<Indicator, u32>);

impl Default for Weights {
    /// Weight 1 for every indicator: a documented choice, not law.
    fn default() -> Self {
        Weights(Indicator::ALL.iter().map(|i| (*i, 1)).collect())
    }
}

impl Weights {
    /// The weight of an indicator (0 when not set).
    pub fn get(&self, i: Indicator) -> u32 {
        self.0.get(&i).copied().unwrap_or(0)
    }

    /// Sets the weight of an indicator.
    pub fn set(&mut self, i: Indicator, weight: u32) {
        self.0.insert(i, weight);
    }
}

/// The evaluation's knobs.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluationConfig {
    /// The calendar year evaluated (by decision day).
    pub year: i32,
    /// How many days after a lenient decision a new violation of the same
    /// item by the same party counts as a repeat (default 365; a choice).
    pub repeat_window_days: u32,
    /// The weights.
    pub weights: Weights,
}

impl EvaluationConfig {
    /// The defaults for a year.
    pub fn for_year(year: i32) -> EvaluationConfig {
        EvaluationConfig { year, repeat_window_days: 365, weights: Weights::default() }
    }
}

/// One indicator's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// The indicator.
    pub indicator: Indicator,
    /// Numerator.
    pub numerator: u64,
    /// Denominator (0: not applicable this year).
    pub denominator: u64,
    /// numerator ÷ denominator, per mille, rounded down; `None` when the
    /// denominator is 0.
    pub permille: Option<u32>,
}

impl Score {
    fn new(indicator: Indicator, numerator: u64, denominator: u64) -> Score {
        Score { indicator, numerator, denominator, permille: per_mille(numerator, denominator) }
    }

    /// The value on a "higher is better" scale, per mille.
    pub fn merit_permille(&self) -> Option<u32> {
        let v = self.permille?.min(1000);
        Some(if self.indicator.higher_is_better() { v } else { 1000 - v })
    }
}

/// `part ÷ whole` per mille, rounded down; `None` when `whole` is 0.
fn per_mille(part: u64, whole: u64) -> Option<u32> {
    (whole > 0).then(|| u32::try_from(u128::from(part) * 1000 / u128::from(whole)).unwrap_or(u32::MAX))
}

/// The share of flexible outcomes, shown beside the agency's 执法放水 signals;
/// never scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlexibleOutcomes {
    /// Decisions.
    pub decisions: u64,
    /// Lenient ones (不予、减轻、从轻).
    pub lenient: u64,
    /// Their share, per mille.
    pub share_permille: u32,
    /// 首违不罚 granted twice inside the window.
    pub repeated_first_violation: u64,
    /// No-penalty outcomes on the safety baseline.
    pub baseline_exemptions: u64,
    /// Whether the agency's lenient share is flagged as far more lenient
    /// than its peers'.
    pub more_lenient_than_peers: bool,
}

/// The evaluation of one agency.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyEvaluation {
    /// The agency (`None`: decisions without a recorded agency).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<AgencyId>,
    /// The year.
    pub year: i32,
    /// Every indicator, in [`Indicator::ALL`] order.
    pub scores: Vec<Score>,
    /// The weighted score, per mille: Σ wᵢ·mᵢ ÷ Σ wᵢ over the indicators with
    /// a value, where mᵢ is [`Score::merit_permille`]; `None` when no
    /// weighted indicator has a value.
    pub weighted_permille: Option<u32>,
    /// The flexible outcomes beside the 执法放水 signals.
    pub flexible: FlexibleOutcomes,
    /// 普遍停产停业 orders of the agency found unlawful.
    pub unlawful_sector_orders: u64,
}

impl AgencyEvaluation {
    /// The score of an indicator.
    pub fn score(&self, i: Indicator) -> Option<&Score> {
        self.scores.iter().find(|s| s.indicator == i)
    }
}

/// Evaluates each agency's year.
///
/// `cases` are the decided cases (of the year and later: later cases
/// count as repeat violations); `audit` and `patterns` are the year's
/// supervision findings over the same cases; `as_of` is the evaluation day
/// (services and follow-ups not yet due on it are left out).
///
/// See the [module documentation](self) for every formula.
///
/// ```
/// use rouxing::audit::{AuditReport, audit, AuditConfig};
/// use rouxing::audit::pattern::{patterns, PatternConfig};
/// use rouxing::evaluation::{evaluate, EvaluationConfig};
/// let as_of = chrono::NaiveDate::from_ymd_opt(2027, 1, 31).ok_or("date")?;
/// let a = audit(&[], &AuditConfig::default());
/// let p = patterns(&[], &[], as_of, &PatternConfig::default());
/// assert!(evaluate(&[], &a, &p, &EvaluationConfig::for_year(2026), as_of).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn evaluate(
    cases: &[EvaluatedCase],
    audit: &AuditReport,
    patterns: &PatternReport,
    cfg: &EvaluationConfig,
    as_of: NaiveDate,
) -> Vec<AgencyEvaluation> {
    let agency_of: BTreeMap<&CaseId, Option<&AgencyId>> =
        cases.iter().map(|c| (&c.case_id, c.agency.as_ref())).collect();
    // Cases named by findings.
    let consistency: BTreeSet<&CaseId> =
        audit.consistency.iter().flat_map(|d| d.cases.iter().map(|m| &m.case_id)).collect();
    let mut abuse: BTreeSet<&CaseId> = BTreeSet::new();
    abuse.extend(patterns.campaigns.iter().flat_map(|c| &c.cases));
    abuse.extend(patterns.uniform.iter().flat_map(|c| &c.cases));
    abuse.extend(patterns.sweeps.iter().flat_map(|c| &c.cases));
    abuse.extend(patterns.selective.iter().flat_map(|c| &c.cases));
    abuse.extend(patterns.without_education.iter().map(|c| &c.case_id));
    abuse.extend(patterns.without_management.iter().map(|c| &c.case_id));
    abuse.extend(audit.repeated_first_violation.iter().map(|r| &r.later));
    abuse.extend(audit.baseline_exemptions.iter().map(|b| &b.case_id));
    let mut repeated: BTreeMap<Option<&AgencyId>, u64> = BTreeMap::new();
    for r in &audit.repeated_first_violation {
        *repeated.entry(agency_of.get(&r.later).copied().flatten()).or_default() += 1;
    }
    let mut baseline: BTreeMap<Option<&AgencyId>, u64> = BTreeMap::new();
    for b in &audit.baseline_exemptions {
        *baseline.entry(agency_of.get(&b.case_id).copied().flatten()).or_default() += 1;
    }
    let more_lenient: BTreeSet<Option<&AgencyId>> = audit
        .outliers
        .iter()
        .filter(|o| {
            o.scope == crate::audit::OutlierScope::Unit && o.direction == crate::audit::Direction::MoreLenient
        })
        .map(|o| o.unit.as_ref())
        .collect();
    let mut orders: BTreeMap<&AgencyId, u64> = BTreeMap::new();
    for o in &patterns.orders {
        *orders.entry(&o.agency).or_default() += 1;
    }
    // Later violations of (party, item), by act day.
    let mut acts: BTreeMap<(&PartyId, &ItemCode), Vec<NaiveDate>> = BTreeMap::new();
    for c in cases {
        if let Some(item) = &c.item {
            acts.entry((&c.party, item)).or_default().push(c.act_on);
        }
    }
    let mut by_agency: BTreeMap<Option<&AgencyId>, Vec<&EvaluatedCase>> = BTreeMap::new();
    for c in cases.iter().filter(|c| c.decided_on.year() == cfg.year) {
        by_agency.entry(c.agency.as_ref()).or_default().push(c);
    }
    let mut out = Vec::new();
    for (agency, members) in by_agency {
        let n = members.len() as u64;
        let count = |f: &dyn Fn(&EvaluatedCase) -> bool| members.iter().filter(|c| f(c)).count() as u64;
        let required = count(&|c| c.review_required);
        let covered = count(&|c| c.review_required && c.process.review.is_some());
        let reviewed = count(&|c| c.process.review.is_some());
        let passed = count(&|c| c.process.review == Some(ReviewResult::Passed));
        let with_filing = count(&|c| c.decision_due.is_some());
        let decided_in_time = count(&|c| c.decision_due.is_some_and(|due| c.decided_on <= due));
        let served_known = |c: &EvaluatedCase| {
            c.process.delivered_on_pronouncement || c.process.served_on.is_some() || c.service_due < as_of
        };
        let served_in_time = |c: &EvaluatedCase| {
            c.process.delivered_on_pronouncement || c.process.served_on.is_some_and(|s| s <= c.service_due)
        };
        let service_n = count(&served_known);
        let service_ok = count(&|c| served_known(c) && served_in_time(c));
        let in_consistency = count(&|c| consistency.contains(&c.case_id));
        let in_abuse = count(&|c| abuse.contains(&c.case_id));
        let lenient = count(&|c| c.tier.is_lenient());
        let window = u64::from(cfg.repeat_window_days);
        let repeat = count(&|c| {
            c.tier.is_lenient()
                && c.item.as_ref().is_some_and(|item| {
                    let until = c.decided_on.checked_add_days(Days::new(window)).unwrap_or(NaiveDate::MAX);
                    acts.get(&(&c.party, item))
                        .is_some_and(|v| v.iter().any(|d| *d > c.decided_on && *d <= until))
                })
        });
        let due = count(&|c| c.follow_up_due.is_some_and(|d| d <= as_of));
        let done = count(&|c| {
            c.follow_up_due.is_some_and(|d| d <= as_of)
                && c.process.followed_up_on.is_some_and(|f| f <= as_of)
        });
        let scores = vec![
            Score::new(Indicator::LegalReviewCoverage, covered, required),
            Score::new(Indicator::LegalReviewPassRate, passed, reviewed),
            Score::new(Indicator::DecisionTimeliness, decided_in_time, with_filing),
            Score::new(Indicator::ServiceTimeliness, service_ok, service_n),
            Score::new(Indicator::ConsistencyFindings, in_consistency, n),
            Score::new(Indicator::AbuseFindings, in_abuse, n),
            Score::new(Indicator::RepeatAfterLeniency, repeat, lenient),
            Score::new(Indicator::FollowUpDone, done, due),
        ];
        let (mut num, mut den) = (0u128, 0u128);
        for s in &scores {
            if let Some(m) = s.merit_permille() {
                let w = u128::from(cfg.weights.get(s.indicator));
                num += w * u128::from(m);
                den += w;
            }
        }
        let weighted_permille = (den > 0).then(|| u32::try_from(num / den).unwrap_or(u32::MAX));
        let flexible = FlexibleOutcomes {
            decisions: n,
            lenient,
            share_permille: per_mille(lenient, n).unwrap_or(0),
            repeated_first_violation: repeated.get(&agency).copied().unwrap_or(0),
            baseline_exemptions: baseline.get(&agency).copied().unwrap_or(0),
            more_lenient_than_peers: more_lenient.contains(&agency),
        };
        let unlawful_sector_orders = agency.and_then(|a| orders.get(a)).copied().unwrap_or(0);
        out.push(AgencyEvaluation {
            agency: agency.cloned(),
            year: cfg.year,
            scores,
            weighted_permille,
            flexible,
            unlawful_sector_orders,
        });
    }
    out
}

impl fmt::Display for AgencyEvaluation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}年度考核评价：{}",
            self.year,
            self.agency.as_ref().map_or("（未记录单位）", |a| a.as_str())
        )?;
        for s in &self.scores {
            match s.permille {
                Some(v) => writeln!(
                    f,
                    "  {}：{}/{}（{}‰）（{}）",
                    s.indicator.legal_name(),
                    s.numerator,
                    s.denominator,
                    v,
                    s.indicator.citation()
                )?,
                None => writeln!(f, "  {}：不适用（{}）", s.indicator.legal_name(), s.indicator.citation())?,
            }
        }
        match self.weighted_permille {
            Some(v) => writeln!(f, "  加权得分：{v}‰（权重为自定数据，无官方权重）")?,
            None => writeln!(f, "  加权得分：不适用")?,
        }
        let x = &self.flexible;
        writeln!(
            f,
            "  柔性处理{}/{}（{}‰），同时列示：重复首违不罚{}件，安全底线不予处罚{}件，{}（不计分，{}）",
            x.lenient,
            x.decisions,
            x.share_permille,
            x.repeated_first_violation,
            x.baseline_exemptions,
            if x.more_lenient_than_peers {
                "从宽比例明显高于同类"
            } else {
                "从宽比例未见异常"
            },
            Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(2)
        )?;
        writeln!(f, "  违法普遍停产停业措施：{}项", self.unlawful_sector_orders)?;
        writeln!(f, "  罚没金额不作为考核指标（{}）", Citation::apl(74).para(3))
    }
}
