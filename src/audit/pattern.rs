//! Abuse patterns in batches (执法方式问题): 运动式, 一刀切, 选择性执法, 以罚代教 and
//! 重罚轻管, over a year's decided cases.
//!
//! The county plan asks units to "防止和纠正“一刀切”、运动式和选择性执法问题"
//! (山丹县实施方案 四(一)), to "切实解决重罚轻管、以罚代管、机械执法、“一罚了之”等问题"
//! (四(二)) and to prevent "以罚代教" (六(三)). These are patterns of many
//! decisions, not defects of one: each detector here reads a batch of
//! [`PatternCase`]s and names the cases, the statistic and the baseline it
//! compared them with.
//!
//! | pattern | function | method | level |
//! |---|---|---|---|
//! | 运动式 (volume) | [`campaigns`] | a unit's monthly count of an item against the unit's other months: exact conditional binomial test (the exact test for two Poisson rates), Holm-corrected | 提示 |
//! | 运动式 (severity) | [`campaigns`] | share of heavier outcomes in a month against the unit's other months for the item: one-sided Fisher's exact test, Holm-corrected | 提示 |
//! | 一刀切 (uniform outcome) | [`uniform_outcomes`] | every case of an item, unit and year decided identically although material facts differ and a lighter outcome was lawful for some: a descriptive screen | 提示 |
//! | 一刀切 (sweeping suspension) | [`suspension_sweeps`] | 责令停产停业 / 限制生产经营 for most of a unit's cases in a domain and month: a descriptive screen | 提示 |
//! | 一刀切 (sector order) | [`sector_orders`] | a blanket 普遍停产、停业 order checked against 《优化营商环境条例》第五十九条第二款 and its exceptions | 违法 when no exception or no prior approval |
//! | 选择性执法 | [`selective`] | within one item and one set of material facts (which fixes the legal kind of party), the lenient share of cases with one value of a protected attribute against the others: two-sided Fisher's exact test, Holm-corrected | 提示 |
//! | 以罚代教 | [`penalty_instead_of_education`] | a penalty where no penalty was lawful (so education was favoured) and no education or soft measure was recorded | 提示 |
//! | 重罚轻管 / 以罚代管 | [`penalty_without_management`] | a penalty with no correction order, or whose correction deadline passed without a recorded re-inspection | 提示 |
//!
//! Statistical findings are advisory (提示): a pattern calls for review, it
//! does not make any single decision unlawful (the per-decision legality
//! checks are [`crate::guard::review`]). Every threshold is a knob of
//! [`PatternConfig`]; the defaults are documented choices, not law: no
//! published rule fixes them.
//!
//! Every detector is deterministic and independent of the order of the
//! batch: groups are keyed and sorted, cases inside findings are sorted by
//! case number, and the tests are exact (no random sampling).
//!
//! # Example
//!
//! ```
//! use rouxing::audit::pattern::{patterns, PatternConfig};
//! let report = patterns(&[], &[], chrono::NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?, &PatternConfig::default());
//! assert!(report.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Legal basis
//!
//! * 山丹县实施方案 四(一) (`第四部分第（一）项第三句`): "防止和纠正“一刀切”、运动式和选择性执法问题".
//! * 山丹县实施方案 四(二) (`第四部分第（二）项第一句`): "切实解决重罚轻管、以罚代管、机械执法、“一罚了之”等问题".
//! * 山丹县实施方案 六(三): "防止“以罚代教”“以罚代管”和“同事不同罚”等问题发生".
//! * 《优化营商环境条例》第五十九条第二款: no blanket 普遍停产、停业 "除涉及人民群众生命安全、
//!   发生重特大事故或者举办国家重大活动，并报经有权机关批准外".
//! * 《中华人民共和国行政处罚法》第六条 (处罚与教育相结合), 第二十八条第一款 (责令改正),
//!   第三十三条第三款 (education after no penalty).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{AuditConfig, DecidedCase, FactSignature};
use crate::assess::{Assessment, Tier};
use crate::case::{AgencyId, Case, CaseId};
use crate::catalogue::{Domain, ItemCode};
use crate::decision::Decision;
use crate::guard::Severity;
use crate::law::{Citation, Instrument};
use crate::measure::PenaltyKind;
use crate::money::Money;
use crate::party::PartyId;

vocabulary! {
    /// The ownership of an organisation (所有制).
    pub enum Ownership {
        /// 国有.
        State => "国有",
        /// 集体.
        Collective => "集体",
        /// 私营.
        Private => "私营",
        /// 个体工商户.
        IndividualBusiness => "个体工商户",
        /// 混合所有制.
        Mixed => "混合所有制",
    }
}

vocabulary! {
    /// Where the party is registered, relative to the deciding unit.
    pub enum Registration {
        /// 本地登记.
        Local => "本地登记",
        /// 外地登记.
        NonLocal => "外地登记",
    }
}

vocabulary! {
    /// The size of an enterprise (企业规模, 大中小微).
    pub enum EnterpriseSize {
        /// 大型.
        Large => "大型",
        /// 中型.
        Medium => "中型",
        /// 小型.
        Small => "小型",
        /// 微型.
        Micro => "微型",
    }
}

vocabulary! {
    /// Domestic or foreign investment (内资、外资).
    pub enum Investment {
        /// 内资.
        Domestic => "内资",
        /// 外商投资 (including Hong Kong, Macao and Taiwan investment).
        Foreign => "外商投资",
    }
}

vocabulary! {
    /// An attribute of the party that must not change the outcome of the same
    /// material facts (选择性执法).
    pub enum ProtectedAttribute {
        /// 所有制.
        Ownership => "所有制",
        /// 本地或者外地登记.
        Registration => "登记地",
        /// 企业规模.
        Size => "企业规模",
        /// 内资或者外资.
        Investment => "投资来源",
    }
}

/// Attributes of a party that the law does not let an agency take into
/// account, recorded where known (optional data; an unknown attribute is
/// left out of the comparison).
///
/// ```
/// use rouxing::audit::pattern::{PartyProfile, Registration};
/// let p = PartyProfile { registration: Some(Registration::NonLocal), ..PartyProfile::default() };
/// assert_eq!(serde_json::to_string(&p)?, r#"{"registration":"non_local"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyProfile {
    /// 所有制.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ownership: Option<Ownership>,
    /// 登记地.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<Registration>,
    /// 企业规模.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<EnterpriseSize>,
    /// 投资来源.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investment: Option<Investment>,
}

impl PartyProfile {
    /// The value of an attribute, as its stable code.
    pub fn value(&self, attribute: ProtectedAttribute) -> Option<&'static str> {
        match attribute {
            ProtectedAttribute::Ownership => self.ownership.map(|v| v.code()),
            ProtectedAttribute::Registration => self.registration.map(|v| v.code()),
            ProtectedAttribute::Size => self.size.map(|v| v.code()),
            ProtectedAttribute::Investment => self.investment.map(|v| v.code()),
        }
    }
}

/// A decided case with what the pattern detectors read: the decision's
/// sanctions, whether correction was ordered and re-inspected, whether the
/// party was educated, what the law allowed, and the party's profile.
///
/// Build one with [`PatternCase::new`]; the lawful-set facts are recomputed
/// from the assessment, never taken from the decision's labels.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternCase {
    /// The decided case (item, unit, party, facts, tier, fine).
    pub decided: DecidedCase,
    /// The item's domain, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Domain>,
    /// The kinds of the sanctions imposed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sanctions: Vec<PenaltyKind>,
    /// Whether a correction order (责令改正) was made.
    pub correction_ordered: bool,
    /// The correction deadline, if one was set.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub correction_deadline: Option<NaiveDate>,
    /// The day the correction was re-inspected (整改复查), from the case file.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub rechecked_on: Option<NaiveDate>,
    /// Whether the party was educated (Art. 33 ¶3) or a soft measure used.
    pub educated: bool,
    /// Whether no penalty was among the lawful outcomes (the law or a list
    /// favoured education and correction).
    pub no_penalty_lawful: bool,
    /// Whether a tier lighter than the one decided was lawful.
    pub lighter_lawful: bool,
    /// The party's profile.
    #[serde(default)]
    pub profile: PartyProfile,
}

impl PatternCase {
    /// The pattern record of a decided case. `rechecked_on` is the day of
    /// the case file's re-inspection (整改复查) event, if any.
    pub fn new(
        case: &Case,
        a: &Assessment,
        d: &Decision,
        profile: PartyProfile,
        rechecked_on: Option<NaiveDate>,
    ) -> PatternCase {
        let no_penalty_lawful = a.bar.is_none() && a.lawful.iter().any(|o| o.tier == Tier::NoPenalty);
        let lighter_lawful = a.lawful.iter().any(|o| o.tier < d.tier);
        PatternCase {
            decided: DecidedCase::new(case, a, d),
            domain: d.domain.or(a.item.as_ref().map(|i| i.domain)),
            sanctions: d.sanctions.iter().map(|s| s.kind).collect(),
            correction_ordered: d.correction.is_some(),
            correction_deadline: d.correction.and_then(|c| c.deadline),
            rechecked_on,
            educated: d.education || !d.soft_measures.is_empty(),
            no_penalty_lawful,
            lighter_lawful,
            profile,
        }
    }

    /// Whether a penalty was imposed.
    pub fn penalised(&self) -> bool {
        self.decided.tier != Tier::NoPenalty && !self.sanctions.is_empty()
    }

    /// Whether the outcome is a heavier one: 从重, or a sanction of Art. 9
    /// groups (三)–(五) (permits, production, detention).
    pub fn heavier(&self) -> bool {
        self.decided.tier == Tier::Heavier || self.sanctions.iter().any(|k| k.group() >= 3)
    }
}

/// The thresholds of the pattern detectors. Every default is a documented
/// choice, not law: no published rule fixes these numbers; a supervising
/// 司法局 sets its own.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternConfig {
    /// Family-wise significance level of each detector, per mille (default
    /// 50: 5 %), after the Holm correction.
    pub alpha_permille: u32,
    /// 运动式: fewest cases in the month under test (default 5).
    pub campaign_min_cases: u32,
    /// 运动式: fewest months in the unit's span, the month under test
    /// included (default 4: a month against at least three).
    pub campaign_min_months: u32,
    /// 运动式: the month's count must be at least this multiple of the
    /// baseline monthly mean, per mille (default 3000: three times).
    pub campaign_min_ratio_permille: u32,
    /// 一刀切: fewest cases of an item, unit and year (default 8).
    pub uniform_min_cases: u32,
    /// 一刀切: fewest cases whose material facts differ from the commonest
    /// facts of the group (default 3).
    pub uniform_min_varied: u32,
    /// 一刀切 (sweeping suspension): fewest distinct parties (default 5).
    pub sweep_min_parties: u32,
    /// 一刀切 (sweeping suspension): smallest share of the unit's decisions
    /// in the domain and month, per mille (default 800).
    pub sweep_min_share_permille: u32,
    /// 选择性执法: fewest cases on each side of a comparison (default 5).
    pub selective_min_arm: u32,
    /// Amount bands for the material facts (as [`AuditConfig::amount_bands`]).
    pub amount_bands: Vec<Money>,
    /// 重罚轻管: days after the correction deadline within which a
    /// re-inspection must be recorded (default 15).
    pub recheck_grace_days: u32,
}

impl Default for PatternConfig {
    fn default() -> Self {
        PatternConfig {
            alpha_permille: 50,
            campaign_min_cases: 5,
            campaign_min_months: 4,
            campaign_min_ratio_permille: 3000,
            uniform_min_cases: 8,
            uniform_min_varied: 3,
            sweep_min_parties: 5,
            sweep_min_share_permille: 800,
            selective_min_arm: 5,
            amount_bands: AuditConfig::default().amount_bands,
            recheck_grace_days: 15,
        }
    }
}

impl PatternConfig {
    fn alpha(&self) -> f64 {
        f64::from(self.alpha_permille) / 1000.0
    }

    fn band(&self, amount: Option<Money>) -> u8 {
        AuditConfig { amount_bands: self.amount_bands.clone(), ..AuditConfig::default() }.band(amount)
    }
}

vocabulary! {
    /// The statistical test behind a finding. Every test is exact and
    /// deterministic.
    pub enum StatTest {
        /// Exact conditional binomial test of a month's count against the
        /// other months (the exact test comparing two Poisson rates),
        /// one-sided upper tail.
        ConditionalBinomial => "精确条件二项检验（单侧）",
        /// Fisher's exact test on a 2×2 table, one-sided (greater).
        FisherOneSided => "Fisher精确检验（单侧）",
        /// Fisher's exact test on a 2×2 table, two-sided (sum of the tables
        /// no more probable than the observed one).
        FisherTwoSided => "Fisher精确检验（双侧）",
    }
}

/// The result of a test, with its multiple-comparison correction.
///
/// Floats are used here, and only here: p-values are advisory statistics,
/// never legal arithmetic.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestResult {
    /// The test.
    pub test: StatTest,
    /// The raw p-value.
    pub p: f64,
    /// The Holm-adjusted p-value over every test the detector ran.
    pub p_holm: f64,
    /// How many tests the correction covered.
    pub tests: u32,
}

/// A month (calendar year and month of the decision day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Month {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
}

impl Month {
    fn of(d: NaiveDate) -> Month {
        Month { year: d.year(), month: d.month() }
    }

    fn index(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}年{}月", self.year, self.month)
    }
}

vocabulary! {
    /// What a 运动式 finding measured.
    pub enum CampaignMeasure {
        /// The number of cases.
        Volume => "案件数量",
        /// The share of heavier outcomes.
        HeavierShare => "从重及较重处罚比例",
    }
}

/// A burst of enforcement (运动式执法): a unit's cases of an item in one month,
/// far above the unit's other months.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    /// The unit (`None` when not recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<AgencyId>,
    /// The item.
    pub item: ItemCode,
    /// The month.
    pub month: Month,
    /// What was measured.
    pub measure: CampaignMeasure,
    /// Cases of the item in the month.
    pub cases_in_month: u64,
    /// Heavier outcomes among them.
    pub heavier_in_month: u64,
    /// Cases of the item in the unit's other months (the baseline).
    pub baseline_cases: u64,
    /// Heavier outcomes among them.
    pub baseline_heavier: u64,
    /// Months in the baseline (the unit's span, less the month).
    pub baseline_months: u32,
    /// The test.
    pub result: TestResult,
    /// The cases of the month, by case number.
    pub cases: Vec<CaseId>,
}

impl Campaign {
    /// 山丹县实施方案 四(一): "防止和纠正“一刀切”、运动式和选择性执法问题".
    pub const CITATION: Citation =
        Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(1).sentence(3);
    /// Advisory: a pattern, not a finding on any decision.
    pub const SEVERITY: Severity = Severity::Advisory;
}

#[derive(Default)]
struct MonthCell {
    cases: Vec<CaseId>,
    heavier: u64,
}

/// Finds bursts of enforcement (运动式): for each unit and item, each month
/// whose case count, or share of heavier outcomes, stands far above the
/// unit's other months.
///
/// # Method
///
/// The unit's span runs from the month of its first to the month of its last
/// decision in the batch (every item counted), `M` months. For an item with
/// `n` cases in the span and `k` in month *m*:
///
/// * **Volume.** Tested when `k ≥ campaign_min_cases`, `M ≥
///   campaign_min_months` and `k·(M − 1) ≥ ratio · (n − k)` (the month is at
///   least `campaign_min_ratio_permille` ‰ of the baseline monthly mean).
///   Under the null the cases fall evenly over the months, so `k` is
///   binomial(`n`, `1/M`); the p-value is `P(X ≥ k)` (exact conditional
///   binomial test).
/// * **Heavier share.** Tested when the month and the baseline each have at
///   least `campaign_min_cases` cases and the month has a heavier outcome
///   (a month without one cannot be a burst of them): the 2×2 table (month / other months ×
///   heavier / not), one-sided Fisher's exact test for a higher share in the
///   month. A heavier outcome is 从重 or a sanction of Art. 9 groups (三)–(五).
///
/// Every test run is corrected together (Holm); a month is reported when its
/// Holm-adjusted p-value is at most `alpha_permille` ‰.
///
/// # Legal basis
///
/// 山丹县实施方案 四(一): "防止和纠正“一刀切”、运动式和选择性执法问题".
///
/// ```
/// use rouxing::audit::pattern::{campaigns, PatternConfig};
/// assert!(campaigns(&[], &PatternConfig::default()).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn campaigns(cases: &[PatternCase], cfg: &PatternConfig) -> Vec<Campaign> {
    // The unit's span.
    let mut span: BTreeMap<Option<&AgencyId>, (i64, i64)> = BTreeMap::new();
    // (unit, item) → month → cell.
    let mut cells: BTreeMap<(Option<&AgencyId>, &ItemCode), BTreeMap<Month, MonthCell>> = BTreeMap::new();
    for c in cases {
        let unit = c.decided.unit.as_ref();
        let m = Month::of(c.decided.decided_on);
        let e = span.entry(unit).or_insert((m.index(), m.index()));
        e.0 = e.0.min(m.index());
        e.1 = e.1.max(m.index());
        let cell = cells.entry((unit, &c.decided.item)).or_default().entry(m).or_default();
        cell.cases.push(c.decided.case_id.clone());
        cell.heavier += u64::from(c.heavier());
    }
    let mut candidates: Vec<Campaign> = Vec::new();
    let mut ps: Vec<f64> = Vec::new();
    for ((unit, item), months) in &cells {
        let Some(&(lo, hi)) = span.get(unit) else { continue };
        let months_total = u32::try_from(hi - lo + 1).unwrap_or(u32::MAX);
        let n: u64 = months.values().map(|c| c.cases.len() as u64).sum();
        let h: u64 = months.values().map(|c| c.heavier).sum();
        for (month, cell) in months {
            let k = cell.cases.len() as u64;
            let base = Campaign {
                unit: unit.cloned(),
                item: (*item).clone(),
                month: *month,
                measure: CampaignMeasure::Volume,
                cases_in_month: k,
                heavier_in_month: cell.heavier,
                baseline_cases: n - k,
                baseline_heavier: h - cell.heavier,
                baseline_months: months_total.saturating_sub(1),
                result: TestResult { test: StatTest::ConditionalBinomial, p: 1.0, p_holm: 1.0, tests: 0 },
                cases: {
                    let mut v = cell.cases.clone();
                    v.sort();
                    v
                },
            };
            let min = u64::from(cfg.campaign_min_cases);
            let ratio_ok = u128::from(k) * u128::from(months_total.saturating_sub(1)) * 1000
                >= u128::from(cfg.campaign_min_ratio_permille) * u128::from(n - k);
            if k >= min && months_total >= cfg.campaign_min_months && months_total >= 2 && ratio_ok {
                let p = binomial_upper_tail(n, k, 1.0 / f64::from(months_total));
                ps.push(p);
                let mut f = base.clone();
                f.result.p = p;
                candidates.push(f);
            }
            if k >= min && n - k >= min && cell.heavier > 0 {
                let p = fisher_greater(
                    cell.heavier,
                    k - cell.heavier,
                    h - cell.heavier,
                    (n - k) - (h - cell.heavier),
                );
                ps.push(p);
                let mut f = base;
                f.measure = CampaignMeasure::HeavierShare;
                f.result.test = StatTest::FisherOneSided;
                f.result.p = p;
                candidates.push(f);
            }
        }
    }
    let adjusted = holm(&ps);
    let tests = u32::try_from(ps.len()).unwrap_or(u32::MAX);
    candidates
        .into_iter()
        .zip(adjusted)
        .filter(|(_, q)| *q <= cfg.alpha())
        .map(|(mut f, q)| {
            f.result.p_holm = q;
            f.result.tests = tests;
            f
        })
        .collect()
}

/// A group decided identically although its material facts differ (一刀切).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Uniformity {
    /// The unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<AgencyId>,
    /// The item.
    pub item: ItemCode,
    /// The year of the decisions.
    pub year: i32,
    /// The one tier decided.
    pub tier: Tier,
    /// The one fine imposed (if any).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fine: Option<Money>,
    /// Distinct sets of material facts in the group.
    pub distinct_facts: u32,
    /// Cases whose facts differ from the commonest facts.
    pub varied: u32,
    /// Cases for which a lighter tier was lawful.
    pub lighter_lawful: u32,
    /// Every case of the group, by case number.
    pub cases: Vec<CaseId>,
}

impl Uniformity {
    /// 山丹县实施方案 四(一): "防止和纠正“一刀切”…".
    pub const CITATION: Citation = Campaign::CITATION;
    /// Advisory.
    pub const SEVERITY: Severity = Severity::Advisory;
}

/// The facts that the law and the benchmarks make decide the outcome:
/// gravity, harm, correction, first violation, mitigating and aggravating
/// circumstances, personal ground and fault.
fn relevant(f: &FactSignature) -> (u8, u8, u8, u8, u8, u16, u8, u8) {
    (
        f.gravity as u8,
        f.harm as u8,
        f.correction as u8,
        f.first_violation as u8,
        f.mitigating,
        f.aggravating,
        f.personal as u8,
        f.fault as u8,
    )
}

/// Finds 一刀切 outcomes: every case of an item decided by a unit in a year
/// got the same tier, the same sanctions and the same fine, although the
/// material facts differ and a lighter outcome was lawful for some.
///
/// # Method
///
/// A descriptive screen, not a hypothesis test (identical outcomes are an
/// absence of variation, which no test of association can detect). A group
/// (unit, item, calendar year of the decision) is reported when it has at
/// least `uniform_min_cases` cases, one tier, one set of sanction kinds and
/// one fine throughout, at least two distinct sets of material facts, at
/// least `uniform_min_varied` cases whose facts differ from the commonest
/// set, and at least one case for which the assessment found a lighter tier
/// lawful.
///
/// # Legal basis
///
/// 山丹县实施方案 四(一): "防止和纠正“一刀切”…"; 《中华人民共和国行政处罚法》第五条第二款:
/// a penalty "与违法行为的事实、性质、情节以及社会危害程度相当".
///
/// ```
/// use rouxing::audit::pattern::{uniform_outcomes, PatternConfig};
/// assert!(uniform_outcomes(&[], &PatternConfig::default()).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn uniform_outcomes(cases: &[PatternCase], cfg: &PatternConfig) -> Vec<Uniformity> {
    let mut groups: BTreeMap<(Option<&AgencyId>, &ItemCode, i32), Vec<&PatternCase>> = BTreeMap::new();
    for c in cases {
        groups
            .entry((c.decided.unit.as_ref(), &c.decided.item, c.decided.decided_on.year()))
            .or_default()
            .push(c);
    }
    let mut out = Vec::new();
    for ((unit, item, year), members) in groups {
        let Some(first) = members.first() else { continue };
        let n = u32::try_from(members.len()).unwrap_or(u32::MAX);
        if n < cfg.uniform_min_cases.max(2) {
            continue;
        }
        let kinds = |c: &PatternCase| c.sanctions.iter().copied().collect::<BTreeSet<_>>();
        let same = members.iter().all(|c| {
            c.decided.tier == first.decided.tier
                && c.decided.fine == first.decided.fine
                && kinds(c) == kinds(first)
        });
        if !same {
            continue;
        }
        let mut facts: BTreeMap<_, u32> = BTreeMap::new();
        for c in &members {
            *facts.entry(relevant(&c.decided.facts)).or_insert(0) += 1;
        }
        let commonest = facts.values().copied().max().unwrap_or(0);
        let varied = n - commonest;
        let distinct = u32::try_from(facts.len()).unwrap_or(u32::MAX);
        let lighter = u32::try_from(members.iter().filter(|c| c.lighter_lawful).count()).unwrap_or(u32::MAX);
        if distinct < 2 || varied < cfg.uniform_min_varied || lighter == 0 {
            continue;
        }
        let mut ids: Vec<CaseId> = members.iter().map(|c| c.decided.case_id.clone()).collect();
        ids.sort();
        out.push(Uniformity {
            unit: unit.cloned(),
            item: item.clone(),
            year,
            tier: first.decided.tier,
            fine: first.decided.fine,
            distinct_facts: distinct,
            varied,
            lighter_lawful: lighter,
            cases: ids,
        });
    }
    out
}

/// A unit's suspension or restriction of most parties of a domain in one
/// month (a possible de facto 普遍停产、停业).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuspensionSweep {
    /// The unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<AgencyId>,
    /// The domain (`None` when not recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Domain>,
    /// The month.
    pub month: Month,
    /// Distinct parties suspended or restricted.
    pub parties: u32,
    /// The unit's decisions in the domain and month.
    pub decisions: u32,
    /// Decisions suspending or restricting, per mille of them.
    pub share_permille: u32,
    /// The suspending decisions, by case number.
    pub cases: Vec<CaseId>,
}

impl SuspensionSweep {
    /// 《优化营商环境条例》第五十九条第二款.
    pub const CITATION: Citation = SectorOrder::CITATION;
    /// Advisory: whether an exception applied is read from the order, not
    /// the decisions ([`sector_orders`]).
    pub const SEVERITY: Severity = Severity::Advisory;
}

fn suspends(k: PenaltyKind) -> bool {
    matches!(k, PenaltyKind::OrderSuspendProduction | PenaltyKind::RestrictBusiness | PenaltyKind::OrderClose)
}

/// Finds sweeping suspensions: in one month, a unit ordered 责令停产停业,
/// 限制开展生产经营活动 or 责令关闭 against at least `sweep_min_parties`
/// distinct parties of a domain, making up at least
/// `sweep_min_share_permille` ‰ of its decisions in that domain and month.
///
/// # Method
///
/// A descriptive screen (a count and a share). Whether one of the
/// exceptions of 条例 Art. 59 ¶2 applied, with approval, is a fact of the
/// order behind the decisions: check it with [`sector_orders`].
///
/// # Legal basis
///
/// 《优化营商环境条例》第五十九条第二款: "不得在相关区域采取要求相关行业、领域的市场主体普遍停产、停业的措施".
///
/// ```
/// use rouxing::audit::pattern::{suspension_sweeps, PatternConfig};
/// assert!(suspension_sweeps(&[], &PatternConfig::default()).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn suspension_sweeps(cases: &[PatternCase], cfg: &PatternConfig) -> Vec<SuspensionSweep> {
    type Key<'a> = (Option<&'a AgencyId>, Option<Domain>, Month);
    let mut groups: BTreeMap<Key<'_>, Vec<&PatternCase>> = BTreeMap::new();
    for c in cases {
        groups
            .entry((c.decided.unit.as_ref(), c.domain, Month::of(c.decided.decided_on)))
            .or_default()
            .push(c);
    }
    let mut out = Vec::new();
    for ((unit, domain, month), members) in groups {
        let hits: Vec<&&PatternCase> =
            members.iter().filter(|c| c.sanctions.iter().any(|k| suspends(*k))).collect();
        let parties: BTreeSet<&PartyId> = hits.iter().map(|c| &c.decided.party).collect();
        let parties = u32::try_from(parties.len()).unwrap_or(u32::MAX);
        let decisions = u32::try_from(members.len()).unwrap_or(u32::MAX);
        let share = super::permille(hits.len() as u64, u64::from(decisions));
        if parties < cfg.sweep_min_parties.max(1) || share < cfg.sweep_min_share_permille {
            continue;
        }
        let mut ids: Vec<CaseId> = hits.iter().map(|c| c.decided.case_id.clone()).collect();
        ids.sort();
        out.push(SuspensionSweep {
            unit: unit.cloned(),
            domain,
            month,
            parties,
            decisions,
            share_permille: share,
            cases: ids,
        });
    }
    out
}

vocabulary! {
    /// The blanket measure of a sector order.
    pub enum BlanketMeasure {
        /// 普遍停产.
        SuspendProduction => "普遍停产",
        /// 普遍停业.
        SuspendBusiness => "普遍停业",
        /// 普遍停产、停业.
        SuspendBoth => "普遍停产、停业",
    }
}

vocabulary! {
    /// The exceptions of 《优化营商环境条例》第五十九条第二款.
    ///
    /// This enum is exhaustive: these are the only exceptions the paragraph
    /// allows.
    pub enum BlanketException {
        /// 涉及人民群众生命安全.
        LifeSafety => "涉及人民群众生命安全",
        /// 发生重特大事故.
        MajorAccident => "发生重特大事故",
        /// 举办国家重大活动.
        MajorNationalEvent => "举办国家重大活动",
    }
}

/// The approval of a blanket measure by the competent authority (报经有权机关批准).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The approving authority (有权机关).
    pub authority: String,
    /// The day of approval.
    #[serde(with = "crate::serde_date")]
    pub approved_on: NaiveDate,
}

/// An order in a 清理整顿 or 专项整治 campaign requiring the market entities
/// of a sector in an area to stop production or business.
///
/// ```json
/// {"id": "ORD-1", "agency": "EM-01", "issued_on": "2026-05-01", "scope": "全县烟花爆竹经营",
///  "measure": "suspend_business", "exception": "major_national_event",
///  "approval": {"authority": "县人民政府", "approved_on": "2026-04-28"}}
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectorOrder {
    /// The order's identifier (文号).
    pub id: String,
    /// The issuing agency.
    pub agency: AgencyId,
    /// The day of issue.
    #[serde(with = "crate::serde_date")]
    pub issued_on: NaiveDate,
    /// The sector and area covered, as written in the order.
    pub scope: String,
    /// The measure.
    pub measure: BlanketMeasure,
    /// The exception relied on, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exception: Option<BlanketException>,
    /// The approval, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
}

impl SectorOrder {
    /// 《优化营商环境条例》第五十九条第二款.
    pub const CITATION: Citation =
        Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 59).para(2);
}

vocabulary! {
    /// What is wrong with a blanket order.
    pub enum OrderDefect {
        /// None of the three exceptions is relied on.
        NoException => "不属于生命安全、重特大事故或者国家重大活动情形",
        /// No approval by the competent authority.
        NotApproved => "未报经有权机关批准",
        /// Approved only after the order was issued.
        ApprovedAfterIssue => "批准晚于措施作出",
    }
}

/// A blanket order that 条例 Art. 59 ¶2 does not allow.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderFinding {
    /// The order.
    pub order: String,
    /// The agency.
    pub agency: AgencyId,
    /// The defects, in the paragraph's order.
    pub defects: Vec<OrderDefect>,
    /// Unlawful: the paragraph forbids the measure ("不得").
    pub severity: Severity,
}

/// Checks blanket 普遍停产、停业 orders against 《优化营商环境条例》第五十九条第二款:
/// such a measure is lawful only where it concerns 人民群众生命安全, follows a
/// 重特大事故 or serves a 国家重大活动, **and** was approved by the competent
/// authority (报经…批准, read as approval before the order).
///
/// This is a rule on one measure, not a statistic: a defective order is
/// unlawful (违法).
///
/// ```
/// use rouxing::audit::pattern::{sector_orders, OrderDefect, SectorOrder, BlanketMeasure};
/// let order = SectorOrder {
///     id: "ORD-1".into(),
///     agency: "EM-01".parse()?,
///     issued_on: chrono::NaiveDate::from_ymd_opt(2026, 5, 1).ok_or("date")?,
///     scope: "全县餐饮业".into(),
///     measure: BlanketMeasure::SuspendBusiness,
///     exception: None,
///     approval: None,
/// };
/// let f = sector_orders(&[order]);
/// assert_eq!(f[0].defects, vec![OrderDefect::NoException, OrderDefect::NotApproved]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Legal basis
///
/// 《优化营商环境条例》第五十九条第二款.
pub fn sector_orders(orders: &[SectorOrder]) -> Vec<OrderFinding> {
    let mut out: Vec<OrderFinding> = orders
        .iter()
        .filter_map(|o| {
            let mut defects = Vec::new();
            if o.exception.is_none() {
                defects.push(OrderDefect::NoException);
            }
            match &o.approval {
                None => defects.push(OrderDefect::NotApproved),
                Some(a) if a.approved_on > o.issued_on => defects.push(OrderDefect::ApprovedAfterIssue),
                Some(_) => {}
            }
            (!defects.is_empty()).then(|| OrderFinding {
                order: o.id.clone(),
                agency: o.agency.clone(),
                defects,
                severity: Severity::Unlawful,
            })
        })
        .collect();
    out.sort_by(|a, b| (&a.agency, &a.order).cmp(&(&b.agency, &b.order)));
    out
}

/// Cases of the same material facts treated differently by a protected
/// attribute of the party (选择性执法).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selective {
    /// The item.
    pub item: ItemCode,
    /// The material facts shared (which fix the legal kind of party).
    pub facts: FactSignature,
    /// The amount band shared.
    pub amount_band: u8,
    /// The attribute.
    pub attribute: ProtectedAttribute,
    /// The attribute value of the group under test (its stable code).
    pub value: String,
    /// Cases with that value.
    pub cases_with: u64,
    /// Lenient outcomes (不予、减轻、从轻) among them.
    pub lenient_with: u64,
    /// Cases with another known value (the baseline).
    pub cases_others: u64,
    /// Lenient outcomes among them.
    pub lenient_others: u64,
    /// The test.
    pub result: TestResult,
    /// The cases with the value, by case number.
    pub cases: Vec<CaseId>,
}

/// The Chinese name of an attribute value given by its code.
fn value_name(attribute: ProtectedAttribute, code: &str) -> &str {
    let name = match attribute {
        ProtectedAttribute::Ownership => code.parse::<Ownership>().ok().map(Ownership::legal_name),
        ProtectedAttribute::Registration => code.parse::<Registration>().ok().map(Registration::legal_name),
        ProtectedAttribute::Size => code.parse::<EnterpriseSize>().ok().map(EnterpriseSize::legal_name),
        ProtectedAttribute::Investment => code.parse::<Investment>().ok().map(Investment::legal_name),
    };
    name.unwrap_or(code)
}

impl Selective {
    /// 山丹县实施方案 四(一): "防止和纠正…选择性执法问题".
    pub const CITATION: Citation = Campaign::CITATION;
    /// Advisory.
    pub const SEVERITY: Severity = Severity::Advisory;
}

/// Finds selective enforcement (选择性执法): cases of one item with the same
/// material facts whose outcome depends on an attribute of the party that
/// must not matter.
///
/// # Method
///
/// Strata are the item, the [`FactSignature`] and the amount band — the
/// same grouping as [`super::consistency`]; the signature includes whether
/// the party is a natural person, so every comparison is *within one legal
/// kind of party* (the law itself treats persons and units differently, e.g.
/// Art. 51). In each stratum, for each [`ProtectedAttribute`] and each of its
/// values, the cases with the value are compared with the cases with another
/// known value, when each side has at least `selective_min_arm` cases: the
/// 2×2 table (value / other × lenient / not), two-sided Fisher's exact test.
/// Cases whose attribute is unknown are left out. All tests are corrected
/// together (Holm); a comparison is reported when its adjusted p-value is at
/// most `alpha_permille` ‰. A stratum without variation in an attribute runs
/// no test on it.
///
/// # Legal basis
///
/// 山丹县实施方案 三 (合理原则: "理性、平等对待行政相对人") and 四(一): "防止和纠正…选择性执法问题".
///
/// ```
/// use rouxing::audit::pattern::{selective, PatternConfig};
/// assert!(selective(&[], &PatternConfig::default()).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn selective(cases: &[PatternCase], cfg: &PatternConfig) -> Vec<Selective> {
    type Key<'a> = (&'a ItemCode, &'a FactSignature, u8);
    let mut strata: BTreeMap<Key<'_>, Vec<&PatternCase>> = BTreeMap::new();
    for c in cases {
        let key = (&c.decided.item, &c.decided.facts, cfg.band(c.decided.amount));
        strata.entry(key).or_default().push(c);
    }
    let min = u64::from(cfg.selective_min_arm.max(1));
    let mut candidates: Vec<Selective> = Vec::new();
    let mut ps: Vec<f64> = Vec::new();
    for ((item, _, band), members) in &strata {
        let Some(first) = members.first() else { continue };
        for attribute in ProtectedAttribute::ALL {
            // value → (cases, lenient)
            let mut by_value: BTreeMap<&'static str, (u64, u64)> = BTreeMap::new();
            for c in members {
                if let Some(v) = c.profile.value(*attribute) {
                    let e = by_value.entry(v).or_insert((0, 0));
                    e.0 += 1;
                    e.1 += u64::from(c.decided.tier.is_lenient());
                }
            }
            if by_value.len() < 2 {
                continue;
            }
            let (all_n, all_l) = by_value.values().fold((0, 0), |(n, l), (a, b)| (n + a, l + b));
            for (value, &(n, l)) in &by_value {
                let (on, ol) = (all_n - n, all_l - l);
                if n < min || on < min {
                    continue;
                }
                // With two values the two comparisons are the same table.
                if by_value.len() == 2 && by_value.keys().next() != Some(value) {
                    continue;
                }
                let p = fisher_two_sided(l, n - l, ol, on - ol);
                ps.push(p);
                let mut ids: Vec<CaseId> = members
                    .iter()
                    .filter(|c| c.profile.value(*attribute) == Some(*value))
                    .map(|c| c.decided.case_id.clone())
                    .collect();
                ids.sort();
                candidates.push(Selective {
                    item: (*item).clone(),
                    facts: first.decided.facts.clone(),
                    amount_band: *band,
                    attribute: *attribute,
                    value: (*value).to_owned(),
                    cases_with: n,
                    lenient_with: l,
                    cases_others: on,
                    lenient_others: ol,
                    result: TestResult { test: StatTest::FisherTwoSided, p, p_holm: 1.0, tests: 0 },
                    cases: ids,
                });
            }
        }
    }
    let adjusted = holm(&ps);
    let tests = u32::try_from(ps.len()).unwrap_or(u32::MAX);
    candidates
        .into_iter()
        .zip(adjusted)
        .filter(|(_, q)| *q <= cfg.alpha())
        .map(|(mut f, q)| {
            f.result.p_holm = q;
            f.result.tests = tests;
            f
        })
        .collect()
}

vocabulary! {
    /// A per-case abuse pattern.
    pub enum CasePattern {
        /// 以罚代教: a penalty where no penalty was lawful, with no education.
        PenaltyInsteadOfEducation => "以罚代教",
        /// 以罚代管: a penalty without a correction order.
        NoCorrectionOrder => "以罚代管（未责令改正）",
        /// 重罚轻管: a correction deadline passed without re-inspection.
        NoRecheck => "重罚轻管（逾期未复查）",
    }
}

/// A decided case showing a per-case pattern.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFinding {
    /// The case.
    pub case_id: CaseId,
    /// The unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<AgencyId>,
    /// The item.
    pub item: ItemCode,
    /// The pattern.
    pub pattern: CasePattern,
    /// The correction deadline, for [`CasePattern::NoRecheck`].
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub deadline: Option<NaiveDate>,
}

impl CaseFinding {
    /// Advisory: the per-decision legality (a missing correction order is
    /// unlawful under Art. 28 ¶1) is [`crate::guard::review`]'s; here the
    /// pattern is counted for supervision.
    pub const SEVERITY: Severity = Severity::Advisory;

    /// The provision the finding rests on.
    pub const fn citation(&self) -> Citation {
        match self.pattern {
            CasePattern::PenaltyInsteadOfEducation => {
                Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 6).item(3)
            }
            CasePattern::NoCorrectionOrder | CasePattern::NoRecheck => {
                Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(2).sentence(1)
            }
        }
    }
}

/// Finds 以罚代教: a penalty imposed where the assessment found no penalty
/// lawful (a no-penalty ground of the law or a list applied, which carries
/// the duty to educate, Art. 33 ¶3), and neither education nor any soft
/// measure was recorded.
///
/// # Legal basis
///
/// 山丹县实施方案 六(三): "防止“以罚代教”…"; 《中华人民共和国行政处罚法》第六条:
/// "坚持处罚与教育相结合"; 第三十三条第三款.
///
/// ```
/// use rouxing::audit::pattern::penalty_instead_of_education;
/// assert!(penalty_instead_of_education(&[]).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn penalty_instead_of_education(cases: &[PatternCase]) -> Vec<CaseFinding> {
    let mut out: Vec<CaseFinding> = cases
        .iter()
        .filter(|c| c.penalised() && c.no_penalty_lawful && !c.educated)
        .map(|c| CaseFinding {
            case_id: c.decided.case_id.clone(),
            unit: c.decided.unit.clone(),
            item: c.decided.item.clone(),
            pattern: CasePattern::PenaltyInsteadOfEducation,
            deadline: None,
        })
        .collect();
    out.sort_by(|a, b| a.case_id.cmp(&b.case_id));
    out
}

/// Finds 重罚轻管 and 以罚代管: a penalty imposed with no correction order, or
/// with a correction deadline more than `recheck_grace_days` before `as_of`
/// and no re-inspection (整改复查) recorded.
///
/// # Legal basis
///
/// 山丹县实施方案 四(二): "切实解决重罚轻管、以罚代管…等问题"; 《中华人民共和国行政处罚法》
/// 第二十八条第一款: "应当责令当事人改正或者限期改正违法行为".
///
/// ```
/// use rouxing::audit::pattern::{penalty_without_management, PatternConfig};
/// let as_of = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?;
/// assert!(penalty_without_management(&[], as_of, &PatternConfig::default()).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn penalty_without_management(
    cases: &[PatternCase],
    as_of: NaiveDate,
    cfg: &PatternConfig,
) -> Vec<CaseFinding> {
    let mut out: Vec<CaseFinding> = cases
        .iter()
        .filter(|c| c.penalised())
        .filter_map(|c| {
            let pattern = if !c.correction_ordered {
                CasePattern::NoCorrectionOrder
            } else {
                let deadline = c.correction_deadline?;
                let due = deadline.checked_add_days(chrono::Days::new(u64::from(cfg.recheck_grace_days)))?;
                if due >= as_of || c.rechecked_on.is_some() {
                    return None;
                }
                CasePattern::NoRecheck
            };
            Some(CaseFinding {
                case_id: c.decided.case_id.clone(),
                unit: c.decided.unit.clone(),
                item: c.decided.item.clone(),
                pattern,
                deadline: c.correction_deadline,
            })
        })
        .collect();
    out.sort_by(|a, b| a.case_id.cmp(&b.case_id));
    out
}

/// Every pattern detector's findings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternReport {
    /// 运动式.
    pub campaigns: Vec<Campaign>,
    /// 一刀切: uniform outcomes.
    pub uniform: Vec<Uniformity>,
    /// 一刀切: sweeping suspensions.
    pub sweeps: Vec<SuspensionSweep>,
    /// 一刀切: defective sector orders.
    pub orders: Vec<OrderFinding>,
    /// 选择性执法.
    pub selective: Vec<Selective>,
    /// 以罚代教.
    pub without_education: Vec<CaseFinding>,
    /// 重罚轻管 / 以罚代管.
    pub without_management: Vec<CaseFinding>,
}

impl PatternReport {
    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.campaigns.is_empty()
            && self.uniform.is_empty()
            && self.sweeps.is_empty()
            && self.orders.is_empty()
            && self.selective.is_empty()
            && self.without_education.is_empty()
            && self.without_management.is_empty()
    }

    /// The number of findings.
    pub fn len(&self) -> usize {
        self.campaigns.len()
            + self.uniform.len()
            + self.sweeps.len()
            + self.orders.len()
            + self.selective.len()
            + self.without_education.len()
            + self.without_management.len()
    }
}

/// Runs every pattern detector over a batch of cases and sector orders.
///
/// # Legal basis
///
/// See the [module documentation](self).
pub fn patterns(
    cases: &[PatternCase],
    orders: &[SectorOrder],
    as_of: NaiveDate,
    cfg: &PatternConfig,
) -> PatternReport {
    PatternReport {
        campaigns: campaigns(cases, cfg),
        uniform: uniform_outcomes(cases, cfg),
        sweeps: suspension_sweeps(cases, cfg),
        orders: sector_orders(orders),
        selective: selective(cases, cfg),
        without_education: penalty_instead_of_education(cases),
        without_management: penalty_without_management(cases, as_of, cfg),
    }
}

impl fmt::Display for PatternReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "运动式执法提示：{}项（{}）", self.campaigns.len(), Campaign::CITATION)?;
        for c in &self.campaigns {
            writeln!(
                f,
                "  - {}事项{} {}：{}，当月{}件（较重{}件），其余{}个月共{}件（较重{}件）；{}，p={:.4}，Holm校正p={:.4}（{}项检验）",
                c.unit.as_ref().map_or("（未记录）", |u| u.as_str()),
                c.item,
                c.month,
                c.measure.legal_name(),
                c.cases_in_month,
                c.heavier_in_month,
                c.baseline_months,
                c.baseline_cases,
                c.baseline_heavier,
                c.result.test.legal_name(),
                c.result.p,
                c.result.p_holm,
                c.result.tests
            )?;
        }
        writeln!(f, "一刀切提示（处理结果无差别）：{}组（{}）", self.uniform.len(), Uniformity::CITATION)?;
        for u in &self.uniform {
            writeln!(
                f,
                "  - {}事项{} {}年：{}件均{}，事实情节{}种、{}件不同于多数，{}件依法可以更轻",
                u.unit.as_ref().map_or("（未记录）", |x| x.as_str()),
                u.item,
                u.year,
                u.cases.len(),
                u.tier.legal_name(),
                u.distinct_facts,
                u.varied,
                u.lighter_lawful
            )?;
        }
        writeln!(f, "一刀切提示（普遍停产停业）：{}组（{}）", self.sweeps.len(), SuspensionSweep::CITATION)?;
        for s in &self.sweeps {
            writeln!(
                f,
                "  - {}{} {}：{}户，占当月决定{}‰",
                s.unit.as_ref().map_or("（未记录）", |x| x.as_str()),
                s.domain.map_or("", |d| d.legal_name()),
                s.month,
                s.parties,
                s.share_permille
            )?;
        }
        writeln!(f, "普遍停产停业措施违法：{}项（{}）", self.orders.len(), SectorOrder::CITATION)?;
        for o in &self.orders {
            let d: Vec<&str> = o.defects.iter().map(|x| x.legal_name()).collect();
            writeln!(f, "  - {}（{}）：{}", o.order, o.agency, d.join("；"))?;
        }
        writeln!(f, "选择性执法提示：{}项（{}）", self.selective.len(), Selective::CITATION)?;
        for s in &self.selective {
            writeln!(
                f,
                "  - 事项{} {}={}：从宽{}/{}，其他{}/{}；{}，p={:.4}，Holm校正p={:.4}",
                s.item,
                s.attribute.legal_name(),
                value_name(s.attribute, &s.value),
                s.lenient_with,
                s.cases_with,
                s.lenient_others,
                s.cases_others,
                s.result.test.legal_name(),
                s.result.p,
                s.result.p_holm
            )?;
        }
        for (title, list) in
            [("以罚代教提示", &self.without_education), ("重罚轻管、以罚代管提示", &self.without_management)]
        {
            writeln!(f, "{title}：{}件", list.len())?;
            for c in list {
                writeln!(f, "  - {}（{}）（{}）", c.case_id, c.pattern.legal_name(), c.citation())?;
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Exact tests. Hand-written (about forty lines) rather than a statistics
// crate: the common ones pull a linear-algebra stack and newer Rust than the
// crate's MSRV for three tail sums.

/// ln n!, exact summation below 32 and the Stirling series (error below
/// 1e-15 relative) above.
fn ln_factorial(n: u64) -> f64 {
    if n < 32 {
        return (2..=n).map(|k| (k as f64).ln()).sum();
    }
    let x = n as f64;
    x * x.ln() - x + 0.5 * (2.0 * std::f64::consts::PI * x).ln() + 1.0 / (12.0 * x)
        - 1.0 / (360.0 * x.powi(3))
        + 1.0 / (1260.0 * x.powi(5))
}

fn ln_choose(n: u64, k: u64) -> f64 {
    ln_factorial(n) - ln_factorial(k) - ln_factorial(n - k)
}

/// `P(X ≥ k)` for `X ~ binomial(n, p)`.
fn binomial_upper_tail(n: u64, k: u64, p: f64) -> f64 {
    if k == 0 {
        return 1.0;
    }
    if k > n || p <= 0.0 {
        return 0.0;
    }
    if p >= 1.0 {
        return 1.0;
    }
    let (lp, lq) = (p.ln(), (1.0 - p).ln());
    let s: f64 = (k..=n).map(|x| (ln_choose(n, x) + x as f64 * lp + (n - x) as f64 * lq).exp()).sum();
    s.min(1.0)
}

/// The hypergeometric law of the top-left cell of the 2×2 table
/// `[[a, b], [c, d]]` with its margins fixed: the support and `ln P(x)`.
fn hypergeometric(a: u64, b: u64, c: u64, d: u64) -> (u64, u64, impl Fn(u64) -> f64) {
    let (r1, c1, n) = (a + b, a + c, a + b + c + d);
    let lo = (r1 + c1).saturating_sub(n);
    let hi = r1.min(c1);
    let denom = ln_choose(n, r1);
    (lo, hi, move |x: u64| ln_choose(c1, x) + ln_choose(n - c1, r1 - x) - denom)
}

/// One-sided Fisher's exact test: `P(X ≥ a)`.
fn fisher_greater(a: u64, b: u64, c: u64, d: u64) -> f64 {
    let (_, hi, lp) = hypergeometric(a, b, c, d);
    (a..=hi).map(|x| lp(x).exp()).sum::<f64>().min(1.0)
}

/// Two-sided Fisher's exact test: the probability of every table no more
/// probable than the observed one (relative tolerance 1e-7, as R's
/// `fisher.test`).
fn fisher_two_sided(a: u64, b: u64, c: u64, d: u64) -> f64 {
    let (lo, hi, lp) = hypergeometric(a, b, c, d);
    let observed = lp(a);
    let limit = observed + (1.0f64 + 1e-7).ln();
    (lo..=hi).map(&lp).filter(|l| *l <= limit).map(f64::exp).sum::<f64>().min(1.0)
}

/// Holm's step-down adjustment, in the input order.
fn holm(ps: &[f64]) -> Vec<f64> {
    let m = ps.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&i, &j| {
        let (x, y) = (ps.get(i).copied().unwrap_or(1.0), ps.get(j).copied().unwrap_or(1.0));
        x.total_cmp(&y).then(i.cmp(&j))
    });
    let mut out = vec![1.0; m];
    let mut running = 0.0f64;
    for (rank, &i) in order.iter().enumerate() {
        let p = ps.get(i).copied().unwrap_or(1.0);
        running = running.max(((m - rank) as f64 * p).min(1.0));
        if let Some(slot) = out.get_mut(i) {
            *slot = running;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(x: f64, y: f64) -> bool {
        (x - y).abs() < 1e-6
    }

    #[test]
    fn ln_factorial_is_continuous_at_the_switch() {
        let direct: f64 = (2..=40u64).map(|k| (k as f64).ln()).sum();
        assert!((ln_factorial(40) - direct).abs() < 1e-10);
        let direct: f64 = (2..=32u64).map(|k| (k as f64).ln()).sum();
        assert!((ln_factorial(32) - direct).abs() < 1e-10);
    }

    #[test]
    fn fisher_matches_published_values() {
        // The tea-tasting table [[3, 1], [1, 3]]: one-sided 0.2428571, two-sided 0.4857143.
        assert!(close(fisher_greater(3, 1, 1, 3), 17.0 / 70.0));
        assert!(close(fisher_two_sided(3, 1, 1, 3), 34.0 / 70.0));
        // R: fisher.test(matrix(c(10, 0, 2, 8), 2))$p.value = 0.0007144…
        assert!((fisher_two_sided(10, 2, 0, 8) - 0.000_714_4).abs() < 1e-6);
        assert!(close(fisher_two_sided(5, 5, 5, 5), 1.0));
    }

    #[test]
    fn binomial_tail() {
        // P(X ≥ 3) for binomial(3, 0.5) = 1/8; P(X ≥ 0) = 1.
        assert!(close(binomial_upper_tail(3, 3, 0.5), 0.125));
        assert!(close(binomial_upper_tail(10, 0, 0.3), 1.0));
        // P(X ≥ 2) for binomial(4, 0.25) = 1 − 0.75⁴ − 4·0.25·0.75³ = 0.26171875.
        assert!(close(binomial_upper_tail(4, 2, 0.25), 0.261_718_75));
    }

    #[test]
    fn holm_adjusts_step_down() {
        let q = holm(&[0.01, 0.04, 0.03, 0.005]);
        assert!(close(q[3], 0.02));
        assert!(close(q[0], 0.03));
        assert!(close(q[2], 0.06));
        assert!(close(q[1], 0.06));
        assert!(holm(&[]).is_empty());
    }

    #[test]
    fn citations_are_known() {
        assert!(Campaign::CITATION.is_known());
        assert!(SectorOrder::CITATION.is_known());
        for p in CasePattern::ALL {
            let f = CaseFinding {
                case_id: "C".parse().unwrap(),
                unit: None,
                item: "I".parse().unwrap(),
                pattern: *p,
                deadline: None,
            };
            assert!(f.citation().is_known());
        }
    }
}
