//! 守信激励机制: credit profiles, incentives and the credit effect of a
//! decision.
//!
//! > 对诚信守法者在政府采购、财政补助、授予荣誉称号等方面予以支持和激励，让诚信守法者处处受益。
//! > 因突发因素、非主观故意造成的过错行为，不影响信用监管、资格认定、优惠政策享受等。
//! > — 山丹县实施方案 五(三)
//!
//! * A [`CreditProfile`] holds a party's records (penalties and lenient
//!   outcomes, with dates) and listings (严重失信主体名单, 经营异常名录); its grade
//!   is computed by a [`CreditPolicy`] ([`CreditProfile::grade`]).
//! * [`incentives`] checks each [`Incentive`] (政府采购、财政补助、荣誉称号、绿色通道、
//!   容缺受理、减少检查频次) against the profile and says why each is granted or
//!   refused.
//! * [`effect`] gives the credit effect of a decision: whether and for how
//!   long it is published (《市场监督管理行政处罚信息公示规定》: only ordinary-procedure
//!   penalties, never a warning alone; three months for 通报批评 or a low fine,
//!   three years otherwise; early stop; repair), whether it counts as 失信, and
//!   the protection of a fault caused by sudden factors without intent, which
//!   then has no effect on grading, qualification or preferential policies.
//!   A no-penalty outcome (不予处罚) is not a penalty and never counts as 失信.
//!
//! # What is configurable
//!
//! Everything the statute and the SAMR rule leave to others is a
//! [`CreditPolicy`] field with a documented default marked *unconfirmed*:
//! the grades, the 较低数额罚款 (set by provincial SAMR, Art. 13 ¶2), the 较大数额
//! 罚款 of a procurement 重大违法记录, the early-stop minimum (Art. 14 ¶2 leaves it
//! to a separate SAMR rule), the 信用中国 repair minimums (发改办财金〔2019〕527号,
//! secondary source), and the incentive thresholds.
//!
//! # Where the plan yields to the law
//!
//! The protection sentence of 五(三) cannot stop a publication the SAMR rule
//! orders (a department rule outranks a county plan) and cannot lift the
//! statutory bar of 政府采购法 Art. 22 ¶1 (五): a protected fault is still
//! published as the rule says and still a 重大违法记录 if it is one, but it
//! never lowers a grade, never counts against an incentive and never counts
//! as 失信.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{CREDIT_INCENTIVE, Check, DateWindow, InvalidWindowError, lookback_start};
use crate::calendar::Period;
use crate::case::{Aggravating, Case, CaseId, Context, Fault};
use crate::catalogue::{Domain, ItemCode, LoadError, parse_json, string_id};
use crate::decision::{Decision, Disposition, Procedure};
use crate::law::{Citation, Instrument};
use crate::measure::{Document, Mechanism, PenaltyKind};
use crate::money::Money;
use crate::party::{PartyId, PartyKindCode};
use crate::regime::Regime;
use std::fmt;

string_id! {
    /// A credit grade's code (e.g. `A`), as the policy defines it.
    GradeCode, "credit grade"
}

/// A credit grade and the most counted records it admits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Grade {
    /// The code.
    pub code: GradeCode,
    /// The name (e.g. 信用风险低).
    pub name: String,
    /// The most records counting as 失信 in the grading look-back the grade
    /// admits; `None` for the catch-all last grade.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_counted: Option<u32>,
}

/// The 较低数额罚款 of SAMR Art. 13: fines at or below these amounts
/// (以下, inclusive) are published for three months only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LowFine {
    /// For a citizen.
    pub natural_person: Money,
    /// For a legal person or other organisation.
    pub organisation: Money,
}

vocabulary! {
    /// An incentive for trustworthy parties (守信激励).
    ///
    /// # Legal basis
    ///
    /// 山丹县实施方案 五(三): "对诚信守法者在政府采购、财政补助、授予荣誉称号等方面予以支持和激励".
    /// 绿色通道、容缺受理、减少检查频次 are the measures of the State Council's 守信联合激励
    /// framework (国发〔2016〕33号) as local lists apply them ("在日常检查、专项检查中，优化
    /// 检查方式或减少检查频次"; "守信少查") — the "等" of 五(三) (unconfirmed wording).
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `government_procurement` | 政府采购 |
    /// | `fiscal_subsidy` | 财政补助 |
    /// | `honorary_title` | 授予荣誉称号 |
    /// | `green_channel` | 绿色通道 |
    /// | `tolerated_incompleteness` | 容缺受理 |
    /// | `fewer_inspections` | 减少检查频次 |
    ///
    /// ```
    /// use rouxing::mechanism::credit::Incentive;
    ///
    /// let incentive: Incentive = serde_json::from_str(r#""government_procurement""#)?;
    /// assert_eq!(incentive, Incentive::GovernmentProcurement);
    /// assert_eq!(serde_json::to_string(&incentive)?, r#""government_procurement""#);
    /// # let codes = [("government_procurement", "政府采购"), ("fiscal_subsidy", "财政补助"), ("honorary_title", "授予荣誉称号"), ("green_channel", "绿色通道"), ("tolerated_incompleteness", "容缺受理"), ("fewer_inspections", "减少检查频次")];
    /// # assert_eq!(Incentive::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Incentive::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Incentive>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Incentive {
        /// Support in government procurement.
        GovernmentProcurement => "政府采购",
        /// Fiscal subsidies.
        FiscalSubsidy => "财政补助",
        /// Honorary titles.
        HonoraryTitle => "授予荣誉称号",
        /// A green channel for approvals.
        GreenChannel => "绿色通道",
        /// Acceptance with minor documents missing.
        ToleratedIncompleteness => "容缺受理",
        /// Fewer inspections.
        FewerInspections => "减少检查频次",
    }
}

/// When a party qualifies for an incentive.
///
/// # Legal basis
///
/// 山丹县实施方案 五(三) leaves the terms to the jurisdiction; see
/// [`CreditPolicy::default`] for the defaults and their sources (unconfirmed).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IncentiveRule {
    /// The incentive.
    pub incentive: Incentive,
    /// The grades that qualify.
    pub grades: Vec<GradeCode>,
    /// How far back records count.
    pub lookback: Period,
    /// The most records counting as 失信 in the look-back.
    pub max_counted: u32,
    /// Whether a listing in the 经营异常名录 bars it.
    pub exclude_abnormal: bool,
}

/// A jurisdiction's credit choices.
///
/// # Legal basis
///
/// 《市场监督管理行政处罚信息公示规定》第十三条第二款: "前款所称较低数额罚款由省级以上市场监督管理
/// 部门结合工作实际规定"; 第十四条第二款: "前款所称时限要求和提前停止公示的具体实施办法由国家市场
/// 监督管理总局另行规定"; 山丹县实施方案 五(三) sets no grades or thresholds.
///
/// [`CreditPolicy::default`] documents every default; all are unconfirmed as
/// national rules and meant to be replaced by the jurisdiction's.
///
/// # JSON
///
/// The default policy ([`CreditPolicy::default`]):
///
/// ```
/// let credit_policy_json = r#"{
///   "grades": [
///               {"code": "A", "name": "信用风险低", "max_counted": 0},
///               {"code": "B", "name": "信用风险一般", "max_counted": 2},
///               {"code": "C", "name": "信用风险较高"}
///             ],
///   "listed": {"code": "D", "name": "信用风险高"},
///   "grading_lookback": {"years": 3},
///   "low_fine": {"natural_person": "5000.00", "organisation": "50000.00"},
///   "procurement_large_fine": "2000000.00",
///   "count_light_penalties": false,
///   "samr_domains": ["market_regulation"],
///   "early_stop_minimum": {"months": 3},
///   "repair_minimum_general": {"months": 3},
///   "repair_minimum_serious": {"months": 6},
///   "incentives": [
///                   {
///                     "incentive": "government_procurement",
///                     "grades": ["A", "B"],
///                     "lookback": {"years": 3},
///                     "max_counted": 0,
///                     "exclude_abnormal": true
///                   },
///                   {
///                     "incentive": "fiscal_subsidy",
///                     "grades": ["A"],
///                     "lookback": {"years": 3},
///                     "max_counted": 0,
///                     "exclude_abnormal": true
///                   },
///                   {
///                     "incentive": "honorary_title",
///                     "grades": ["A"],
///                     "lookback": {"years": 2},
///                     "max_counted": 0,
///                     "exclude_abnormal": true
///                   },
///                   {
///                     "incentive": "green_channel",
///                     "grades": ["A"],
///                     "lookback": {"years": 3},
///                     "max_counted": 0,
///                     "exclude_abnormal": true
///                   },
///                   {
///                     "incentive": "tolerated_incompleteness",
///                     "grades": ["A", "B"],
///                     "lookback": {"years": 3},
///                     "max_counted": 0,
///                     "exclude_abnormal": true
///                   },
///                   {
///                     "incentive": "fewer_inspections",
///                     "grades": ["A"],
///                     "lookback": {"years": 1},
///                     "max_counted": 0,
///                     "exclude_abnormal": true
///                   }
///                 ]
/// }"#;
/// use rouxing::mechanism::credit::CreditPolicy;
///
/// let credit_policy: CreditPolicy = serde_json::from_str(credit_policy_json)?;
/// assert_eq!(credit_policy, CreditPolicy::default());
/// assert_eq!(serde_json::to_value(&credit_policy)?, serde_json::from_str::<serde_json::Value>(credit_policy_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "CreditPolicyRepr", into = "CreditPolicyRepr")]
#[non_exhaustive]
pub struct CreditPolicy {
    /// Grades from best to worst; the last is the catch-all.
    pub grades: Vec<Grade>,
    /// The grade of a party on the 严重失信主体名单.
    pub listed: Grade,
    /// How far back records count for the grade.
    pub grading_lookback: Period,
    /// SAMR Art. 13 较低数额罚款.
    pub low_fine: LowFine,
    /// 较大数额罚款 for a procurement 重大违法记录 (实施条例 Art. 19).
    pub procurement_large_fine: Money,
    /// Whether light penalties (a warning alone, summary procedure) count as
    /// 失信.
    pub count_light_penalties: bool,
    /// The domains whose decisions the SAMR publicity rule governs (its
    /// Art. 18 extends it to drug regulators, part of 市场监管 here). Other
    /// departments publish under 行政处罚法 Art. 48 and their own rules.
    pub samr_domains: Vec<Domain>,
    /// SAMR Art. 14 ¶2 时限要求: how long a penalty must have been published
    /// before an early stop may be requested.
    pub early_stop_minimum: Period,
    /// The shortest publication before repair of a 一般失信 record.
    pub repair_minimum_general: Period,
    /// The shortest publication before repair of a 严重失信 listing.
    pub repair_minimum_serious: Period,
    /// The incentives and when a party qualifies.
    pub incentives: Vec<IncentiveRule>,
}

impl Default for CreditPolicy {
    /// The defaults (all unconfirmed as national rules):
    ///
    /// | knob | default | source |
    /// |---|---|---|
    /// | grades | A 信用风险低 (0 counted), B 信用风险一般 (≤ 2), C 信用风险较高; D 信用风险高 when listed | labels of SAMR's 企业信用风险分类 (unconfirmed); thresholds rouxing's |
    /// | grading look-back | 3 years | 政府采购法 Art. 22 uses 前三年内 |
    /// | 较低数额罚款 | ¥5,000 citizen / ¥50,000 organisation | set by provincial SAMR (Art. 13 ¶2); placeholder |
    /// | procurement 较大数额罚款 | ¥2,000,000 | 财政部 interpretation of 实施条例 Art. 19 (from memory) |
    /// | light penalties count | no | SAMR Art. 2 publishes none of them |
    /// | SAMR rule domains | 市场监管 | SAMR Arts. 2, 18 |
    /// | early-stop minimum | 3 months | Art. 14 ¶2 defers to SAMR; borrows 527号's 一般失信 minimum |
    /// | repair minimum | 3 months 一般失信 / 6 months 严重失信 | 发改办财金〔2019〕527号 (secondary) |
    /// | 政府采购 | A or B, none counted in 3 years | plus the statutory bar |
    /// | 财政补助 | A, none counted in 3 years | — |
    /// | 荣誉称号 | A, none counted in 2 years | a Shaoguan list ("申报或推荐之日前2年内") |
    /// | 绿色通道 | A, none counted in 3 years | "连续三年无不良信用记录" (国发〔2016〕33号, unconfirmed wording) |
    /// | 容缺受理 | A or B, none counted in 3 years | as 绿色通道 |
    /// | 减少检查频次 | A, none counted in 1 year | "守信少查" |
    fn default() -> Self {
        let code = |c: &str| GradeCode(std::sync::Arc::from(c));
        let a = code("A");
        let b = code("B");
        let rule = |incentive, grades: Vec<GradeCode>, lookback| IncentiveRule {
            incentive,
            grades,
            lookback,
            max_counted: 0,
            exclude_abnormal: true,
        };
        CreditPolicy {
            grades: vec![
                Grade { code: a.clone(), name: "信用风险低".to_owned(), max_counted: Some(0) },
                Grade { code: b.clone(), name: "信用风险一般".to_owned(), max_counted: Some(2) },
                Grade { code: code("C"), name: "信用风险较高".to_owned(), max_counted: None },
            ],
            listed: Grade { code: code("D"), name: "信用风险高".to_owned(), max_counted: None },
            grading_lookback: Period::Years(3),
            low_fine: LowFine { natural_person: Money::yuan(5_000), organisation: Money::yuan(50_000) },
            procurement_large_fine: Money::yuan(2_000_000),
            count_light_penalties: false,
            samr_domains: vec![Domain::MarketRegulation],
            early_stop_minimum: Period::Months(3),
            repair_minimum_general: Period::Months(3),
            repair_minimum_serious: Period::Months(6),
            incentives: vec![
                rule(Incentive::GovernmentProcurement, vec![a.clone(), b.clone()], Period::Years(3)),
                rule(Incentive::FiscalSubsidy, vec![a.clone()], Period::Years(3)),
                rule(Incentive::HonoraryTitle, vec![a.clone()], Period::Years(2)),
                rule(Incentive::GreenChannel, vec![a.clone()], Period::Years(3)),
                rule(Incentive::ToleratedIncompleteness, vec![a.clone(), b], Period::Years(3)),
                rule(Incentive::FewerInspections, vec![a], Period::Years(1)),
            ],
        }
    }
}

impl CreditPolicy {
    /// Checks the policy's consistency.
    ///
    /// # Errors
    ///
    /// Returns an error when there are no grades, a grade code repeats, a
    /// grade other than the last has no limit or the last has one, limits do
    /// not increase, a period is empty, a threshold is zero, an incentive
    /// repeats or names an unknown grade.
    pub fn validate(&self) -> Result<(), CreditError> {
        let last = self.grades.len().checked_sub(1).ok_or(CreditError::NoGrades)?;
        let mut previous: Option<u32> = None;
        let repeated = crate::dedup::first_repeated(&self.grades, |g| &g.code).map(|(i, _)| i);
        for (i, g) in self.grades.iter().enumerate() {
            if repeated == Some(i) || g.code == self.listed.code {
                return Err(CreditError::DuplicateGrade { grade: g.code.clone() });
            }
            match (g.max_counted, i == last) {
                (None, true) => {}
                (Some(_), true) | (None, false) => {
                    return Err(CreditError::CatchAll { grade: g.code.clone() });
                }
                (Some(m), false) => {
                    if previous.is_some_and(|p| m <= p) {
                        return Err(CreditError::GradeOrder { grade: g.code.clone() });
                    }
                    previous = Some(m);
                }
            }
        }
        for (field, p) in [
            ("grading_lookback", self.grading_lookback),
            ("early_stop_minimum", self.early_stop_minimum),
            ("repair_minimum_general", self.repair_minimum_general),
            ("repair_minimum_serious", self.repair_minimum_serious),
        ] {
            if p.count() == 0 {
                return Err(CreditError::Zero { field });
            }
        }
        if self.low_fine.natural_person.is_zero() || self.low_fine.organisation.is_zero() {
            return Err(CreditError::Zero { field: "low_fine" });
        }
        if self.procurement_large_fine.is_zero() {
            return Err(CreditError::Zero { field: "procurement_large_fine" });
        }
        for (i, r) in self.incentives.iter().enumerate() {
            if self.incentives.iter().skip(i + 1).any(|s| s.incentive == r.incentive) {
                return Err(CreditError::DuplicateIncentive { incentive: r.incentive });
            }
            if r.lookback.count() == 0 {
                return Err(CreditError::Zero { field: "incentives.lookback" });
            }
            if let Some(g) = r.grades.iter().find(|g| self.grade_named(g).is_none()) {
                return Err(CreditError::UnknownGrade { grade: g.clone() });
            }
        }
        Ok(())
    }

    fn grade_named(&self, code: &GradeCode) -> Option<&Grade> {
        self.grades.iter().chain(std::iter::once(&self.listed)).find(|g| &g.code == code)
    }

    /// Loads a policy from JSON, naming `file` in errors, and validates it.
    ///
    /// # Errors
    ///
    /// Returns an error naming line, field and value when the text is not a
    /// policy or [`CreditPolicy::validate`] fails.
    pub fn from_json_named(file: &str, text: &str) -> Result<CreditPolicy, LoadError> {
        parse_json(file, text)
    }

    /// The rule for an incentive, if the policy offers it.
    pub fn rule(&self, incentive: Incentive) -> Option<&IncentiveRule> {
        self.incentives.iter().find(|r| r.incentive == incentive)
    }
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct CreditPolicyRepr {
    grades: Vec<Grade>,
    listed: Grade,
    grading_lookback: Period,
    low_fine: LowFine,
    procurement_large_fine: Money,
    count_light_penalties: bool,
    samr_domains: Vec<Domain>,
    early_stop_minimum: Period,
    repair_minimum_general: Period,
    repair_minimum_serious: Period,
    incentives: Vec<IncentiveRule>,
}

impl TryFrom<CreditPolicyRepr> for CreditPolicy {
    type Error = CreditError;
    fn try_from(r: CreditPolicyRepr) -> Result<Self, Self::Error> {
        let p = CreditPolicy {
            grades: r.grades,
            listed: r.listed,
            grading_lookback: r.grading_lookback,
            low_fine: r.low_fine,
            procurement_large_fine: r.procurement_large_fine,
            count_light_penalties: r.count_light_penalties,
            samr_domains: r.samr_domains,
            early_stop_minimum: r.early_stop_minimum,
            repair_minimum_general: r.repair_minimum_general,
            repair_minimum_serious: r.repair_minimum_serious,
            incentives: r.incentives,
        };
        p.validate()?;
        Ok(p)
    }
}

impl From<CreditPolicy> for CreditPolicyRepr {
    fn from(p: CreditPolicy) -> Self {
        CreditPolicyRepr {
            grades: p.grades,
            listed: p.listed,
            grading_lookback: p.grading_lookback,
            low_fine: p.low_fine,
            procurement_large_fine: p.procurement_large_fine,
            count_light_penalties: p.count_light_penalties,
            samr_domains: p.samr_domains,
            early_stop_minimum: p.early_stop_minimum,
            repair_minimum_general: p.repair_minimum_general,
            repair_minimum_serious: p.repair_minimum_serious,
            incentives: p.incentives,
        }
    }
}

vocabulary! {
    /// How a decision stands in a party's credit record.
    ///
    /// # Legal basis
    ///
    /// 行政处罚法 Art. 2 (a 不予处罚 outcome is not a penalty);
    /// 《市场监督管理行政处罚信息公示规定》第二条 (warnings alone and summary-procedure
    /// penalties are not published). rouxing uses the same line for every
    /// domain: a light penalty does not count as 失信 unless the policy says so.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `no_penalty` | 不予行政处罚 |
    /// | `light_penalty` | 仅警告或者适用简易程序的行政处罚 |
    /// | `penalty` | 行政处罚 |
    ///
    /// ```
    /// use rouxing::mechanism::credit::Standing;
    ///
    /// let standing: Standing = serde_json::from_str(r#""no_penalty""#)?;
    /// assert_eq!(standing, Standing::NoPenalty);
    /// assert_eq!(serde_json::to_string(&standing)?, r#""no_penalty""#);
    /// # let codes = [("no_penalty", "不予行政处罚"), ("light_penalty", "仅警告或者适用简易程序的行政处罚"), ("penalty", "行政处罚")];
    /// # assert_eq!(Standing::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Standing::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Standing>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Standing {
        /// 不予行政处罚: not a penalty, never 失信.
        NoPenalty => "不予行政处罚",
        /// A warning alone, or a penalty by summary procedure.
        LightPenalty => "仅警告或者适用简易程序的行政处罚",
        /// Any other penalty.
        Penalty => "行政处罚",
    }
}

/// One decision in a party's credit record.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CreditRecord {
    /// The case.
    pub case_id: CaseId,
    /// The item, if known (for "同一类违法行为").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemCode>,
    /// The decision day.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub decided_on: NaiveDate,
    /// How it stands.
    pub standing: Standing,
    /// Whether it is a 重大违法记录 for government procurement.
    #[serde(default)]
    pub major_violation: bool,
    /// Whether the fault was caused by sudden factors without intent
    /// (protected: never 失信).
    #[serde(default)]
    pub protected: bool,
    /// The day the record was repaired (信用修复), if it was.
    #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub repaired_on: Option<NaiveDate>,
}

impl CreditRecord {
    /// Whether the record counts as 失信 on `as_of`: a penalty (published, or
    /// any if the policy counts unpublished ones), not protected, decided by
    /// `as_of` and not repaired by then. A no-penalty record never counts.
    ///
    /// # Legal basis
    ///
    /// 山丹县实施方案 五(三): a protected fault "不影响信用监管"; a 不予处罚 outcome is not a
    /// 行政处罚 (行政处罚法 Art. 2); after repair the information is no longer a
    /// ground for 失信惩戒 (Lijiang practice, unconfirmed).
    pub fn counts_as_dishonesty(&self, policy: &CreditPolicy, as_of: NaiveDate) -> bool {
        let penalty = match self.standing {
            Standing::NoPenalty => false,
            Standing::LightPenalty => policy.count_light_penalties,
            Standing::Penalty => true,
        };
        penalty && !self.protected && self.decided_on <= as_of && self.repaired_on.is_none_or(|r| r > as_of)
    }
}

vocabulary! {
    /// A credit list.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `serious_dishonesty` | 严重失信主体名单 |
    /// | `abnormal_operations` | 经营异常名录 |
    ///
    /// ```
    /// use rouxing::mechanism::credit::ListingKind;
    ///
    /// let listing_kind: ListingKind = serde_json::from_str(r#""serious_dishonesty""#)?;
    /// assert_eq!(listing_kind, ListingKind::SeriousDishonesty);
    /// assert_eq!(serde_json::to_string(&listing_kind)?, r#""serious_dishonesty""#);
    /// # let codes = [("serious_dishonesty", "严重失信主体名单"), ("abnormal_operations", "经营异常名录")];
    /// # assert_eq!(ListingKind::ALL.len(), codes.len());
    /// # for (v, (code, name)) in ListingKind::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<ListingKind>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum ListingKind {
        /// 严重失信主体名单 / 严重违法失信名单.
        SeriousDishonesty => "严重失信主体名单",
        /// 经营异常名录.
        AbnormalOperations => "经营异常名录",
    }
}

/// A listing of the party, with the days it is in force (the end, if any, is
/// the last day listed).
///
/// Deserializing rejects a listing that ends before it starts.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "ListingRepr", into = "ListingRepr")]
pub struct Listing {
    /// The list.
    pub kind: ListingKind,
    /// The first day listed.
    pub from: NaiveDate,
    /// The last day listed, if removed.
    pub until: Option<NaiveDate>,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct ListingRepr {
    kind: ListingKind,
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    from: NaiveDate,
    #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    until: Option<NaiveDate>,
}

impl TryFrom<ListingRepr> for Listing {
    type Error = InvalidWindowError;
    fn try_from(r: ListingRepr) -> Result<Self, Self::Error> {
        if let Some(u) = r.until {
            DateWindow::new(r.from, u)?;
        }
        Ok(Listing { kind: r.kind, from: r.from, until: r.until })
    }
}

impl From<Listing> for ListingRepr {
    fn from(l: Listing) -> Self {
        ListingRepr { kind: l.kind, from: l.from, until: l.until }
    }
}

impl Listing {
    /// Whether the listing is in force on a day.
    pub fn active_on(&self, date: NaiveDate) -> bool {
        self.from <= date && self.until.is_none_or(|u| date <= u)
    }
}

/// A party's credit profile.
///
/// # Legal basis
///
/// 山丹县实施方案 五(三) rewards "诚信守法者": the profile holds what decides that —
/// the party's decisions (penalties and lenient outcomes, with dates, repair)
/// and its listings in the 严重失信主体名单 and 经营异常名录 (《市场监督管理行政处罚信息公示规定》
/// 第十四条第一款第（四）项 names both).
///
/// Built through [`CreditProfile::new`] (and deserialized through it): case
/// ids are unique, no record is repaired before it was decided, no listing
/// ends before it starts.
///
/// # JSON
///
/// ```
/// let credit_profile_json = r#"{
///   "party": "91620725MA76XXXX6Q",
///   "kind": "legal_person",
///   "records": [
///                {
///                  "case_id": "SD-CG-2023-112",
///                  "item": "SH-SR-21-1",
///                  "decided_on": "2023-05-16",
///                  "standing": "no_penalty",
///                  "major_violation": false,
///                  "protected": false
///                },
///                {
///                  "case_id": "SD-SJ-2021-087",
///                  "item": "MR-PRICE-42",
///                  "decided_on": "2021-10-08",
///                  "standing": "penalty",
///                  "major_violation": false,
///                  "protected": false,
///                  "repaired_on": "2022-03-01"
///                }
///              ],
///   "listings": []
/// }"#;
/// use rouxing::mechanism::credit::CreditProfile;
///
/// let credit_profile: CreditProfile = serde_json::from_str(credit_profile_json)?;
/// assert_eq!(serde_json::to_value(&credit_profile)?, serde_json::from_str::<serde_json::Value>(credit_profile_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "CreditProfileRepr", into = "CreditProfileRepr")]
pub struct CreditProfile {
    party: PartyId,
    kind: PartyKindCode,
    records: Vec<CreditRecord>,
    listings: Vec<Listing>,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct CreditProfileRepr {
    party: PartyId,
    kind: PartyKindCode,
    #[serde(default)]
    records: Vec<CreditRecord>,
    #[serde(default)]
    listings: Vec<Listing>,
}

impl TryFrom<CreditProfileRepr> for CreditProfile {
    type Error = CreditError;
    fn try_from(r: CreditProfileRepr) -> Result<Self, Self::Error> {
        CreditProfile::new(r.party, r.kind, r.records, r.listings)
    }
}

impl From<CreditProfile> for CreditProfileRepr {
    fn from(p: CreditProfile) -> Self {
        CreditProfileRepr { party: p.party, kind: p.kind, records: p.records, listings: p.listings }
    }
}

/// A party's grade on a day, with the facts behind it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GradeAssessment {
    /// The grade.
    pub grade: GradeCode,
    /// Its name.
    pub name: String,
    /// Records counting as 失信 in the look-back.
    pub counted: u32,
    /// Whether the party is on the 严重失信主体名单.
    pub listed: bool,
}

impl CreditProfile {
    /// A validated profile.
    ///
    /// # Errors
    ///
    /// Returns an error when a case id repeats, a record is repaired before
    /// it was decided, or a listing ends before it starts.
    pub fn new(
        party: PartyId,
        kind: PartyKindCode,
        records: Vec<CreditRecord>,
        listings: Vec<Listing>,
    ) -> Result<CreditProfile, CreditError> {
        let repeated = crate::dedup::first_repeated(&records, |s| &s.case_id).map(|(i, _)| i);
        for (i, r) in records.iter().enumerate() {
            if repeated == Some(i) {
                return Err(CreditError::DuplicateRecord { case_id: r.case_id.clone() });
            }
            if let Some(rep) = r.repaired_on {
                if rep < r.decided_on {
                    return Err(CreditError::RepairBeforeDecision {
                        case_id: r.case_id.clone(),
                        repaired_on: rep,
                        decided_on: r.decided_on,
                    });
                }
            }
        }
        for l in &listings {
            if let Some(u) = l.until {
                DateWindow::new(l.from, u)?;
            }
        }
        Ok(CreditProfile { party, kind, records, listings })
    }

    /// Loads a profile from JSON, naming `file` in errors.
    ///
    /// # Errors
    ///
    /// Returns an error naming line, field and value when the text is not a
    /// profile or [`CreditProfile::new`] rejects it.
    pub fn from_json_named(file: &str, text: &str) -> Result<CreditProfile, LoadError> {
        parse_json(file, text)
    }

    /// The party.
    pub fn party(&self) -> &PartyId {
        &self.party
    }

    /// The kind of party.
    pub fn kind(&self) -> PartyKindCode {
        self.kind
    }

    /// The records.
    pub fn records(&self) -> &[CreditRecord] {
        &self.records
    }

    /// The listings.
    pub fn listings(&self) -> &[Listing] {
        &self.listings
    }

    /// The profile with one more record.
    ///
    /// # Errors
    ///
    /// As [`CreditProfile::new`].
    pub fn with_record(&self, record: CreditRecord) -> Result<CreditProfile, CreditError> {
        let mut records = self.records.clone();
        records.push(record);
        CreditProfile::new(self.party.clone(), self.kind, records, self.listings.clone())
    }

    /// Whether the party is on a list on a day.
    pub fn listed_on(&self, kind: ListingKind, date: NaiveDate) -> bool {
        self.listings.iter().any(|l| l.kind == kind && l.active_on(date))
    }

    /// Records counting as 失信 decided in the `lookback` before `as_of`.
    pub fn counted(&self, policy: &CreditPolicy, as_of: NaiveDate, lookback: Period) -> u32 {
        let start = lookback_start(as_of, lookback);
        let n = self
            .records
            .iter()
            .filter(|r| r.decided_on >= start && r.counts_as_dishonesty(policy, as_of))
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    /// The party's grade on `as_of`: the listed grade while on the
    /// 严重失信主体名单, else the best grade whose limit admits the records
    /// counting as 失信 in the grading look-back.
    ///
    /// # Legal basis
    ///
    /// "grade as the regime defines it": the grades are the policy's
    /// ([`CreditPolicy::default`], unconfirmed). Protected faults and
    /// no-penalty outcomes never count (山丹县实施方案 五(三)).
    pub fn grade(&self, policy: &CreditPolicy, as_of: NaiveDate) -> GradeAssessment {
        let counted = self.counted(policy, as_of, policy.grading_lookback);
        let listed = self.listed_on(ListingKind::SeriousDishonesty, as_of);
        let g = if listed {
            &policy.listed
        } else {
            policy
                .grades
                .iter()
                .find(|g| g.max_counted.is_none_or(|m| counted <= m))
                .unwrap_or(&policy.listed)
        };
        GradeAssessment { grade: g.code.clone(), name: g.name.clone(), counted, listed }
    }
}

vocabulary! {
    /// A requirement of an incentive.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `not_seriously_dishonest` | 未被列入严重失信主体名单 |
    /// | `not_abnormal` | 未被列入经营异常名录 |
    /// | `grade_qualifies` | 信用等级符合 |
    /// | `no_counted_records` | 规定期限内无失信记录 |
    /// | `no_major_violation` | 参加政府采购活动前三年内在经营活动中没有重大违法记录 |
    /// | `offered` | 本地实施该激励措施 |
    ///
    /// ```
    /// use rouxing::mechanism::credit::IncentiveRequirement;
    ///
    /// let incentive_requirement: IncentiveRequirement = serde_json::from_str(r#""not_seriously_dishonest""#)?;
    /// assert_eq!(incentive_requirement, IncentiveRequirement::NotSeriouslyDishonest);
    /// assert_eq!(serde_json::to_string(&incentive_requirement)?, r#""not_seriously_dishonest""#);
    /// # let codes = [("not_seriously_dishonest", "未被列入严重失信主体名单"), ("not_abnormal", "未被列入经营异常名录"), ("grade_qualifies", "信用等级符合"), ("no_counted_records", "规定期限内无失信记录"), ("no_major_violation", "参加政府采购活动前三年内在经营活动中没有重大违法记录"), ("offered", "本地实施该激励措施")];
    /// # assert_eq!(IncentiveRequirement::ALL.len(), codes.len());
    /// # for (v, (code, name)) in IncentiveRequirement::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<IncentiveRequirement>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum IncentiveRequirement {
        /// Not on the 严重失信主体名单.
        NotSeriouslyDishonest => "未被列入严重失信主体名单",
        /// Not on the 经营异常名录.
        NotAbnormal => "未被列入经营异常名录",
        /// The grade qualifies.
        GradeQualifies => "信用等级符合",
        /// No more records counting as 失信 in the look-back than allowed.
        NoCountedRecords => "规定期限内无失信记录",
        /// Procurement: no 重大违法记录 in the three years before.
        NoMajorViolation => "参加政府采购活动前三年内在经营活动中没有重大违法记录",
        /// The policy offers the incentive.
        Offered => "本地实施该激励措施",
    }
}

/// Whether a party gets an incentive, and why.
///
/// # JSON
///
/// ```
/// let incentive_decision_json = r#"{
///   "incentive": "government_procurement",
///   "granted": true,
///   "grade": "A",
///   "checks": [
///               {
///                 "requirement": "not_seriously_dishonest",
///                 "met": true,
///                 "citation": {
///                               "instrument": "shandan_flexible_enforcement_plan",
///                               "eid": "sec_5__point_3"
///                             },
///                 "detail": "未被列入严重失信主体名单"
///               },
///               {
///                 "requirement": "not_abnormal",
///                 "met": true,
///                 "citation": {
///                               "instrument": "shandan_flexible_enforcement_plan",
///                               "eid": "sec_5__point_3"
///                             },
///                 "detail": "未被列入经营异常名录"
///               },
///               {
///                 "requirement": "grade_qualifies",
///                 "met": true,
///                 "citation": {
///                               "instrument": "shandan_flexible_enforcement_plan",
///                               "eid": "sec_5__point_3"
///                             },
///                 "detail": "信用等级A（信用风险低），要求A、B"
///               },
///               {
///                 "requirement": "no_counted_records",
///                 "met": true,
///                 "citation": {
///                               "instrument": "shandan_flexible_enforcement_plan",
///                               "eid": "sec_5__point_3"
///                             },
///                 "detail": "三年内失信记录0条，上限0条"
///               },
///               {
///                 "requirement": "no_major_violation",
///                 "met": true,
///                 "citation": {
///                               "instrument": "government_procurement_law",
///                               "eid": "art_22__para_1__point_5"
///                             },
///                 "detail": "前三年内没有重大违法记录"
///               }
///             ]
/// }"#;
/// use rouxing::mechanism::credit::IncentiveDecision;
///
/// let incentive_decision: IncentiveDecision = serde_json::from_str(incentive_decision_json)?;
/// assert_eq!(serde_json::to_value(&incentive_decision)?, serde_json::from_str::<serde_json::Value>(incentive_decision_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IncentiveDecision {
    /// The incentive.
    pub incentive: Incentive,
    /// Granted or refused.
    pub granted: bool,
    /// The party's grade.
    pub grade: GradeCode,
    /// Every requirement checked.
    pub checks: Vec<Check<IncentiveRequirement>>,
}

/// Checks one incentive for a profile on `as_of`.
///
/// # Legal basis
///
/// 山丹县实施方案 五(三); for procurement also 《中华人民共和国政府采购法》第二十二条第一款
/// 第（五）项 and 《中华人民共和国政府采购法实施条例》第十九条第一款 (重大违法记录 = 刑事处罚 or
/// 责令停产停业、吊销许可证或者执照、较大数额罚款). A protected fault does not lift that
/// statutory bar.
pub fn incentive(
    profile: &CreditProfile,
    which: Incentive,
    policy: &CreditPolicy,
    as_of: NaiveDate,
) -> IncentiveDecision {
    use IncentiveRequirement as I;
    let grade = profile.grade(policy, as_of);
    let mut checks = Vec::with_capacity(5);
    let Some(rule) = policy.rule(which) else {
        checks.push(Check::new(
            I::Offered,
            false,
            CREDIT_INCENTIVE,
            format!("本地政策未规定{}激励", which.legal_name()),
        ));
        return IncentiveDecision { incentive: which, granted: false, grade: grade.grade, checks };
    };
    checks.push(Check::new(
        I::NotSeriouslyDishonest,
        !grade.listed,
        CREDIT_INCENTIVE,
        if grade.listed {
            format!("{as_of}在严重失信主体名单中")
        } else {
            "未被列入严重失信主体名单".to_owned()
        },
    ));
    if rule.exclude_abnormal {
        let abnormal = profile.listed_on(ListingKind::AbnormalOperations, as_of);
        checks.push(Check::new(
            I::NotAbnormal,
            !abnormal,
            CREDIT_INCENTIVE,
            if abnormal {
                format!("{as_of}在经营异常名录中")
            } else {
                "未被列入经营异常名录".to_owned()
            },
        ));
    }
    let qualifies = rule.grades.contains(&grade.grade);
    checks.push(Check::new(
        I::GradeQualifies,
        qualifies,
        CREDIT_INCENTIVE,
        format!(
            "信用等级{}（{}），要求{}",
            grade.grade,
            grade.name,
            rule.grades.iter().map(GradeCode::as_str).collect::<Vec<_>>().join("、")
        ),
    ));
    let counted = profile.counted(policy, as_of, rule.lookback);
    checks.push(Check::new(
        I::NoCountedRecords,
        counted <= rule.max_counted,
        CREDIT_INCENTIVE,
        format!("{}内失信记录{}条，上限{}条", rule.lookback, counted, rule.max_counted),
    ));
    if which == Incentive::GovernmentProcurement {
        let start = lookback_start(as_of, Period::Years(3));
        let major = profile
            .records
            .iter()
            .find(|r| r.major_violation && r.decided_on >= start && r.decided_on <= as_of);
        checks.push(Check::new(
            I::NoMajorViolation,
            major.is_none(),
            Citation::new(Instrument::GovernmentProcurementLaw, 22).para(1).item(5),
            match major {
                Some(r) => format!("{}（{}）属于重大违法记录", r.case_id, r.decided_on),
                None => "前三年内没有重大违法记录".to_owned(),
            },
        ));
    }
    IncentiveDecision { incentive: which, granted: checks.iter().all(|c| c.met), grade: grade.grade, checks }
}

/// Checks every incentive for a profile on `as_of`, in [`Incentive::ALL`]
/// order.
///
/// # Legal basis
///
/// See [`incentive`].
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::mechanism::credit::{self, CreditPolicy, CreditProfile, Incentive};
/// use rouxing::party::{PartyId, PartyKindCode};
///
/// let profile = CreditProfile::new(PartyId::new("91620725MAB")?, PartyKindCode::LegalPerson, vec![], vec![])?;
/// let on = NaiveDate::from_ymd_opt(2025, 6, 1).ok_or("date")?;
/// let decisions = credit::incentives(&profile, &CreditPolicy::default(), on);
/// assert!(decisions.iter().all(|d| d.granted));
/// assert_eq!(decisions.len(), Incentive::ALL.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn incentives(
    profile: &CreditProfile,
    policy: &CreditPolicy,
    as_of: NaiveDate,
) -> Vec<IncentiveDecision> {
    Incentive::ALL.iter().map(|i| incentive(profile, *i, policy, as_of)).collect()
}

vocabulary! {
    /// A sudden factor (突发因素) behind a fault.
    ///
    /// The four kinds of 突发事件 in Chinese emergency law (自然灾害、事故灾难、公共卫生事件、
    /// 社会安全事件), and any other sudden factor the officer describes.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `natural_disaster` | 自然灾害 |
    /// | `accident` | 事故灾难 |
    /// | `public_health` | 公共卫生事件 |
    /// | `social_security` | 社会安全事件 |
    /// | `other` | 其他突发因素 |
    ///
    /// ```
    /// use rouxing::mechanism::credit::SuddenFactor;
    ///
    /// let sudden_factor: SuddenFactor = serde_json::from_str(r#""natural_disaster""#)?;
    /// assert_eq!(sudden_factor, SuddenFactor::NaturalDisaster);
    /// assert_eq!(serde_json::to_string(&sudden_factor)?, r#""natural_disaster""#);
    /// # let codes = [("natural_disaster", "自然灾害"), ("accident", "事故灾难"), ("public_health", "公共卫生事件"), ("social_security", "社会安全事件"), ("other", "其他突发因素")];
    /// # assert_eq!(SuddenFactor::ALL.len(), codes.len());
    /// # for (v, (code, name)) in SuddenFactor::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<SuddenFactor>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum SuddenFactor {
        /// 自然灾害.
        NaturalDisaster => "自然灾害",
        /// 事故灾难.
        Accident => "事故灾难",
        /// 公共卫生事件.
        PublicHealth => "公共卫生事件",
        /// 社会安全事件.
        SocialSecurity => "社会安全事件",
        /// Another sudden factor (described).
        Other => "其他突发因素",
    }
}

/// The cause of the fault behind a decision, as the officer found it.
///
/// # Legal basis
///
/// 山丹县实施方案 五(三): "因突发因素、非主观故意造成的过错行为，不影响信用监管、资格认定、
/// 优惠政策享受等".
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "cause", rename_all = "snake_case", deny_unknown_fields)]
pub enum FaultCause {
    /// No sudden factor claimed.
    Ordinary,
    /// A sudden factor.
    Sudden {
        /// The factor.
        factor: SuddenFactor,
        /// What happened.
        description: String,
    },
}

vocabulary! {
    /// What bars the protection of a fault.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `intentional` | 主观故意 |
    /// | `opportunism` | 趁突发事件之机实施 |
    /// | `emergency_measures` | 违反突发事件应对措施 |
    ///
    /// ```
    /// use rouxing::mechanism::credit::ProtectionBar;
    ///
    /// let protection_bar: ProtectionBar = serde_json::from_str(r#""intentional""#)?;
    /// assert_eq!(protection_bar, ProtectionBar::Intentional);
    /// assert_eq!(serde_json::to_string(&protection_bar)?, r#""intentional""#);
    /// # let codes = [("intentional", "主观故意"), ("opportunism", "趁突发事件之机实施"), ("emergency_measures", "违反突发事件应对措施")];
    /// # assert_eq!(ProtectionBar::ALL.len(), codes.len());
    /// # for (v, (code, name)) in ProtectionBar::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<ProtectionBar>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum ProtectionBar {
        /// The fault was intentional (主观故意).
        Intentional => "主观故意",
        /// The party exploited the emergency (趁突发事件之机实施).
        Opportunism => "趁突发事件之机实施",
        /// The party violated emergency measures (行政处罚法 Art. 49).
        EmergencyMeasures => "违反突发事件应对措施",
    }
}

/// Whether the protection of 五(三) applies.
///
/// # Legal basis
///
/// 山丹县实施方案 五(三) protects a fault from "突发因素" that is "非主观故意": an
/// intentional fault is not protected ([`Fault::Intentional`]); nor is one
/// that exploits the emergency (the Hainan list excludes acts "趁发生重大传染病疫情、
/// 自然灾害…等突发事件之机实施的") or breaks emergency measures (行政处罚法 Art. 49:
/// "依法快速、从重处罚").
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "protection", rename_all = "snake_case", deny_unknown_fields)]
pub enum Protection {
    /// No sudden factor claimed.
    NotClaimed,
    /// Protected: no effect on credit supervision, qualification or
    /// preferential policies.
    Protected {
        /// The factor.
        factor: SuddenFactor,
    },
    /// Claimed but barred.
    Barred {
        /// Why.
        bar: ProtectionBar,
    },
}

vocabulary! {
    /// Why a decision is not published.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `no_penalty` | 不予行政处罚，不属于行政处罚 |
    /// | `transferred` | 移送司法机关 |
    /// | `summary_procedure` | 适用简易程序 |
    /// | `warning_only` | 仅受到警告行政处罚 |
    ///
    /// ```
    /// use rouxing::mechanism::credit::NotPublishedReason;
    ///
    /// let not_published_reason: NotPublishedReason = serde_json::from_str(r#""no_penalty""#)?;
    /// assert_eq!(not_published_reason, NotPublishedReason::NoPenalty);
    /// assert_eq!(serde_json::to_string(&not_published_reason)?, r#""no_penalty""#);
    /// # let codes = [("no_penalty", "不予行政处罚，不属于行政处罚"), ("transferred", "移送司法机关"), ("summary_procedure", "适用简易程序"), ("warning_only", "仅受到警告行政处罚")];
    /// # assert_eq!(NotPublishedReason::ALL.len(), codes.len());
    /// # for (v, (code, name)) in NotPublishedReason::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<NotPublishedReason>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum NotPublishedReason {
        /// 不予行政处罚 is not a penalty.
        NoPenalty => "不予行政处罚，不属于行政处罚",
        /// Transferred to the judiciary: no administrative penalty.
        Transferred => "移送司法机关",
        /// Decided by summary procedure.
        SummaryProcedure => "适用简易程序",
        /// A warning only.
        WarningOnly => "仅受到警告行政处罚",
    }
}

impl NotPublishedReason {
    /// The provision behind the reason.
    pub const fn citation(self) -> Citation {
        match self {
            NotPublishedReason::NoPenalty => Citation::apl(2),
            NotPublishedReason::Transferred => Citation::apl(57).para(1).item(4),
            NotPublishedReason::SummaryProcedure => {
                Citation::new(Instrument::SamrPenaltyPublicityRules, 2).para(1)
            }
            NotPublishedReason::WarningOnly => {
                Citation::new(Instrument::SamrPenaltyPublicityRules, 2).para(2)
            }
        }
    }
}

vocabulary! {
    /// The publication class of SAMR Art. 13.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `short` | 仅受到通报批评或者较低数额罚款 |
    /// | `long` | 其他行政处罚 |
    ///
    /// ```
    /// use rouxing::mechanism::credit::PublicationClass;
    ///
    /// let publication_class: PublicationClass = serde_json::from_str(r#""short""#)?;
    /// assert_eq!(publication_class, PublicationClass::Short);
    /// assert_eq!(serde_json::to_string(&publication_class)?, r#""short""#);
    /// # let codes = [("short", "仅受到通报批评或者较低数额罚款"), ("long", "其他行政处罚")];
    /// # assert_eq!(PublicationClass::ALL.len(), codes.len());
    /// # for (v, (code, name)) in PublicationClass::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<PublicationClass>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum PublicationClass {
        /// 仅受到通报批评或者较低数额罚款: three months.
        Short => "仅受到通报批评或者较低数额罚款",
        /// Every other penalty: three years.
        Long => "其他行政处罚",
    }
}

impl PublicationClass {
    /// The period: three months or three years.
    pub const fn period(self) -> Period {
        match self {
            PublicationClass::Short => Period::Months(3),
            PublicationClass::Long => Period::Years(3),
        }
    }
}

/// Whether publication may stop early.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "early_stop", rename_all = "snake_case", deny_unknown_fields)]
pub enum EarlyStop {
    /// May be requested after the minimum period if the four Art. 14
    /// conditions hold.
    Possible {
        /// The minimum period.
        after: Period,
    },
    /// Never: the penalty is of a kind Art. 14 ¶3 excludes.
    Barred {
        /// The kind.
        kind: PenaltyKind,
    },
}

/// A publication on the 国家企业信用信息公示系统.
///
/// # Legal basis
///
/// 《市场监督管理行政处罚信息公示规定》第九条 ("自作出行政处罚决定之日起二十个工作日内…进行
/// 公示"), 第十三条第一款 (three months or three years), 第十四条 (early stop; its
/// 时限要求 is the policy's `early_stop_minimum`, unconfirmed); repair after the
/// policy's `repair_minimum_general` (发改办财金〔2019〕527号, secondary source).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PublicationPlan {
    /// The decision day.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub decided_on: NaiveDate,
    /// The last day to publish: twenty working days after the decision
    /// (SAMR Art. 9; Art. 10's cross-province relay is not modelled).
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub publish_by: NaiveDate,
    /// The class.
    pub class: PublicationClass,
    /// The period (from publication).
    pub period: Period,
    /// Early stop.
    pub early_stop: EarlyStop,
    /// The shortest publication before repair (信用修复).
    pub repair_after: Period,
}

/// The days of a publication that started on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PublicationSchedule {
    /// The publication window (its end is the last day published).
    pub window: DateWindow,
    /// The first day an early stop may be requested, if ever (and before the
    /// natural end).
    #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub early_stop_from: Option<NaiveDate>,
    /// The first day repair may be requested, if before the natural end.
    #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub repair_from: Option<NaiveDate>,
}

impl PublicationPlan {
    /// The schedule of a publication that started on `published_on`.
    ///
    /// # Errors
    ///
    /// Returns an error when `published_on` is before the decision or dates
    /// leave the calendar.
    ///
    /// # Legal basis
    ///
    /// SAMR Art. 13 ¶1: "自公示之日起届满三个月的，停止公示…届满三年的，停止公示"; periods
    /// end on the corresponding day (民法典 Arts. 201, 202); Art. 14 ¶1: early stop
    /// once "公示达到规定时限要求".
    pub fn schedule(&self, published_on: NaiveDate) -> Result<PublicationSchedule, CreditError> {
        if published_on < self.decided_on {
            return Err(CreditError::PublishedBeforeDecision { published_on, decided_on: self.decided_on });
        }
        let out = || CreditError::DateOutOfRange { from: published_on };
        let last = self.period.last_day(published_on).ok_or_else(out)?;
        let window = DateWindow::new(published_on, last)?;
        let after = |p: Period| -> Result<Option<NaiveDate>, CreditError> {
            let d = p.last_day(published_on).and_then(|d| d.succ_opt()).ok_or_else(out)?;
            Ok((d <= last).then_some(d))
        };
        let early_stop_from = match self.early_stop {
            EarlyStop::Possible { after: p } => after(p)?,
            EarlyStop::Barred { .. } => None,
        };
        Ok(PublicationSchedule { window, early_stop_from, repair_from: after(self.repair_after)? })
    }
}

/// Whether and how a decision is published.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "publication", rename_all = "snake_case", deny_unknown_fields)]
pub enum Publication {
    /// Not published.
    NotPublished {
        /// Why.
        reason: NotPublishedReason,
    },
    /// Published.
    Published(PublicationPlan),
    /// A penalty of a department the SAMR rule does not govern: published
    /// as 行政处罚法 Art. 48 and that department's rules require ("具有一定社会影响
    /// 的行政处罚决定应当依法公开"); rouxing does not model those periods.
    ByOtherRules {
        /// The domain.
        domain: Option<Domain>,
    },
}

/// The credit effect of a decision.
///
/// # Legal basis
///
/// See [`effect`]: 《市场监督管理行政处罚信息公示规定》第二条、第九条、第十三条、第十四条;
/// 山丹县实施方案 五(三); 《中华人民共和国政府采购法实施条例》第十九条第一款.
///
/// # JSON
///
/// ```
/// let credit_effect_json = r#"{
///   "case_id": "SD-CG-2025-061",
///   "party": "91620725MA76XXXX6Q",
///   "publication": {"publication": "by_other_rules", "domain": "urban_management"},
///   "protection": {"protection": "protected", "factor": "natural_disaster"},
///   "counts_as_dishonesty": false,
///   "major_violation": false,
///   "record": {
///               "case_id": "SD-CG-2025-061",
///               "item": "SH-SR-21-1",
///               "decided_on": "2025-03-03",
///               "standing": "light_penalty",
///               "major_violation": false,
///               "protected": true
///             },
///   "citations": [
///                  {"instrument": "shandan_flexible_enforcement_plan", "eid": "sec_5__point_3"},
///                  {"instrument": "administrative_penalty_law", "eid": "art_48__para_1"}
///                ]
/// }"#;
/// use rouxing::mechanism::credit::CreditEffect;
///
/// let credit_effect: CreditEffect = serde_json::from_str(credit_effect_json)?;
/// assert_eq!(serde_json::to_value(&credit_effect)?, serde_json::from_str::<serde_json::Value>(credit_effect_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CreditEffect {
    /// The case.
    pub case_id: CaseId,
    /// The party.
    pub party: PartyId,
    /// The publication.
    pub publication: Publication,
    /// The protection of 五(三).
    pub protection: Protection,
    /// Whether the decision counts as 失信.
    pub counts_as_dishonesty: bool,
    /// Whether it is a procurement 重大违法记录.
    pub major_violation: bool,
    /// The record to add to the party's profile.
    pub record: CreditRecord,
    /// The provisions applied.
    pub citations: Vec<Citation>,
}

/// The credit effect of a decision on a case.
///
/// * For a department in the policy's `samr_domains`: published only if it
///   is a penalty decided by ordinary procedure and not a warning alone
///   (SAMR Art. 2); three months for 通报批评 or a fine at
///   or below the policy's 较低数额 (a warning beside them does not lengthen
///   it), three years otherwise (Art. 13); early stop never for the kinds of
///   Art. 14 ¶3. Other departments' penalties: [`Publication::ByOtherRules`].
/// * Protected when the officer found a sudden factor, the fault was not
///   intentional, and the party neither exploited the emergency nor broke
///   emergency measures.
/// * Counts as 失信 only if it is a penalty, not a light one (a warning
///   alone, summary procedure) unless the policy counts those, and not
///   protected.
///
/// # Errors
///
/// Returns an error when the decision is for another case or a sudden
/// factor has no description.
///
/// # Legal basis
///
/// 《市场监督管理行政处罚信息公示规定》第二条、第九条、第十三条、第十四条; 山丹县实施方案 五(三);
/// 行政处罚法 Art. 2.
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::case::{Case, Correction, Gravity, Harm};
/// use rouxing::mechanism::credit::{self, CreditPolicy, FaultCause, Publication};
/// use rouxing::party::{Party, PartyId};
/// use rouxing::{Catalogue, Regime, assess, recommend};
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
/// let catalogue = Catalogue::from_json(r#"{"schema_version": 1, "name": "示例", "items": [{
///     "code": "MR-1", "name": "未按规定公示", "domain": "market_regulation",
///     "authority": "市场监督管理部门", "penalty_provision": "示例条例第十条",
///     "penalty": {"kinds": ["warning", "fine"], "fine": {"kind": "up_to", "max": "5000"}}}]}"#)?;
/// let case = Case::builder("2025-020".parse()?, "MR-1".parse()?)
///     .party(Party::legal_person(PartyId::new("91620725MAC")?, None))
///     .act_on(d(2025, 3, 1)?)
///     .discovered_on(d(2025, 3, 3)?)
///     .gravity(Gravity::Minor)
///     .harm(Harm::None)
///     .correction(Correction::Prompt { on: d(2025, 3, 2)? })
///     .build()?;
/// let regime = Regime::national();
/// let decision = recommend(&assess(&case, &catalogue, &regime, d(2025, 3, 4)?), &regime);
/// let effect = credit::effect(&case, &decision, &FaultCause::Ordinary, &CreditPolicy::default(), &regime)?;
/// assert!(matches!(effect.publication, Publication::NotPublished { .. }));
/// assert!(!effect.counts_as_dishonesty);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn effect(
    case: &Case,
    decision: &Decision,
    cause: &FaultCause,
    policy: &CreditPolicy,
    regime: &Regime,
) -> Result<CreditEffect, CreditError> {
    if case.id() != &decision.case_id {
        return Err(CreditError::CaseMismatch {
            case: case.id().clone(),
            decision: decision.case_id.clone(),
        });
    }
    let protection = match cause {
        FaultCause::Ordinary => Protection::NotClaimed,
        FaultCause::Sudden { factor, description } => {
            if description.trim().is_empty() {
                return Err(CreditError::EmptyText { field: "cause.description" });
            }
            if case.fault() == Fault::Intentional {
                Protection::Barred { bar: ProtectionBar::Intentional }
            } else if case.has_context(Context::EmergencyOpportunism) {
                Protection::Barred { bar: ProtectionBar::Opportunism }
            } else if case.aggravating().contains(&Aggravating::EmergencyMeasures) {
                Protection::Barred { bar: ProtectionBar::EmergencyMeasures }
            } else {
                Protection::Protected { factor: *factor }
            }
        }
    };
    let protected = matches!(protection, Protection::Protected { .. });
    let publication = publication(case, decision, policy, regime)?;
    let standing = if decision.disposition != Disposition::Penalty || decision.sanctions.is_empty() {
        Standing::NoPenalty
    } else if decision.procedure == Procedure::Summary
        || decision.sanctions.iter().all(|s| s.kind == PenaltyKind::Warning)
    {
        Standing::LightPenalty
    } else {
        Standing::Penalty
    };
    let major_violation = decision.disposition == Disposition::Penalty
        && decision.sanctions.iter().any(|s| match s.kind {
            PenaltyKind::OrderSuspendProduction | PenaltyKind::RevokePermit | PenaltyKind::OrderClose => true,
            PenaltyKind::Fine => s.amount.is_some_and(|a| a >= policy.procurement_large_fine),
            _ => false,
        });
    let record = CreditRecord {
        case_id: case.id().clone(),
        item: Some(case.item().clone()),
        decided_on: decision.decided_on,
        standing,
        major_violation,
        protected,
        repaired_on: None,
    };
    let counts_as_dishonesty = record.counts_as_dishonesty(policy, decision.decided_on);
    let mut citations = vec![CREDIT_INCENTIVE];
    match &publication {
        Publication::NotPublished { reason } => citations.push(reason.citation()),
        Publication::ByOtherRules { .. } => citations.push(Citation::apl(48).para(1)),
        Publication::Published(p) => {
            citations.push(Citation::new(Instrument::SamrPenaltyPublicityRules, 2).para(1));
            citations.push(Citation::new(Instrument::SamrPenaltyPublicityRules, 9));
            citations.push(Citation::new(Instrument::SamrPenaltyPublicityRules, 13).para(1));
            citations.push(Citation::new(Instrument::SamrPenaltyPublicityRules, 14).para(
                match p.early_stop {
                    EarlyStop::Possible { .. } => 1,
                    EarlyStop::Barred { .. } => 3,
                },
            ));
        }
    }
    if major_violation {
        citations.push(Citation::new(Instrument::GovernmentProcurementRegulations, 19).para(1));
    }
    Ok(CreditEffect {
        case_id: case.id().clone(),
        party: case.party().id().clone(),
        publication,
        protection,
        counts_as_dishonesty,
        major_violation,
        record,
        citations,
    })
}

const NO_EARLY_STOP: &[PenaltyKind] = &[
    PenaltyKind::OrderSuspendProduction,
    PenaltyKind::RestrictBusiness,
    PenaltyKind::RestrictPractice,
    PenaltyKind::DowngradeQualification,
    PenaltyKind::RevokePermit,
    PenaltyKind::OrderClose,
];

fn publication(
    case: &Case,
    decision: &Decision,
    policy: &CreditPolicy,
    regime: &Regime,
) -> Result<Publication, CreditError> {
    let not = |reason| Ok(Publication::NotPublished { reason });
    match decision.disposition {
        Disposition::NoPenalty => return not(NotPublishedReason::NoPenalty),
        Disposition::Transfer => return not(NotPublishedReason::Transferred),
        Disposition::Penalty => {}
    }
    if decision.sanctions.is_empty() {
        return not(NotPublishedReason::NoPenalty);
    }
    if !decision.domain.is_some_and(|d| policy.samr_domains.contains(&d)) {
        return Ok(Publication::ByOtherRules { domain: decision.domain });
    }
    if decision.procedure == Procedure::Summary {
        return not(NotPublishedReason::SummaryProcedure);
    }
    if decision.sanctions.iter().all(|s| s.kind == PenaltyKind::Warning) {
        return not(NotPublishedReason::WarningOnly);
    }
    let low = if case.party().is_natural_person() {
        policy.low_fine.natural_person
    } else {
        policy.low_fine.organisation
    };
    // "仅受到通报批评或者较低数额罚款": a warning beside them is lighter than either
    // and does not lengthen the publication (a warning alone is not published
    // at all, Art. 2 ¶2).
    let short = decision.sanctions.iter().all(|s| match s.kind {
        PenaltyKind::Warning | PenaltyKind::CirculatedCriticism => true,
        PenaltyKind::Fine => s.amount.is_some_and(|a| a <= low),
        _ => false,
    });
    let class = if short { PublicationClass::Short } else { PublicationClass::Long };
    let early_stop = match decision.sanctions.iter().find(|s| NO_EARLY_STOP.contains(&s.kind)) {
        Some(s) => EarlyStop::Barred { kind: s.kind },
        None => EarlyStop::Possible { after: policy.early_stop_minimum },
    };
    let publish_by = regime
        .calendar
        .checked_add_working_days(decision.decided_on, 20)
        .map(|d| d.date)
        .ok_or(CreditError::DateOutOfRange { from: decision.decided_on })?;
    Ok(Publication::Published(PublicationPlan {
        decided_on: decision.decided_on,
        publish_by,
        class,
        period: class.period(),
        early_stop,
        repair_after: policy.repair_minimum_general,
    }))
}

vocabulary! {
    /// A condition of an early stop of publication.
    ///
    /// # Legal basis
    ///
    /// 《市场监督管理行政处罚信息公示规定》第十四条: "行政处罚信息公示达到规定时限要求，且同时符合
    /// 以下条件的，可以…申请提前停止公示：（一）已经自觉履行行政处罚决定中规定的义务；（二）已经主动
    /// 消除危害后果和不良影响；（三）未因同一类违法行为再次受到市场监督管理部门行政处罚；（四）未在
    /// 经营异常名录和严重违法失信名单中。" ¶3 excludes the severe kinds.
    pub enum EarlyStopCondition {
        /// The penalty is not of an excluded kind (¶3).
        NotExcludedKind => "不属于不得提前停止公示的处罚",
        /// The minimum period has passed.
        MinimumPeriod => "公示达到规定时限要求",
        /// (一) performed.
        Performed => "已经自觉履行行政处罚决定中规定的义务",
        /// (二) harm eliminated.
        HarmEliminated => "已经主动消除危害后果和不良影响",
        /// (三) no repeat penalty for the same kind of violation.
        NoRepeat => "未因同一类违法行为再次受到行政处罚",
        /// (四) not listed.
        NotListed => "未在经营异常名录和严重违法失信名单中",
    }
}

/// Facts the party shows for an early stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EarlyStopFacts {
    /// (一) The obligations of the decision are performed.
    pub performed: bool,
    /// (二) The harm and bad influence are eliminated.
    pub harm_eliminated: bool,
}

/// Whether publication of a decision may stop early on `as_of`, and why.
///
/// "同一类违法行为" is read as the same item (DIFFERENCE: a department may
/// group items more widely).
///
/// # Errors
///
/// Returns an error when `published_on` is before the decision or dates
/// leave the calendar.
///
/// # Legal basis
///
/// See [`EarlyStopCondition`].
pub fn early_stop(
    plan: &PublicationPlan,
    record: &CreditRecord,
    published_on: NaiveDate,
    profile: &CreditProfile,
    facts: EarlyStopFacts,
    as_of: NaiveDate,
) -> Result<Vec<Check<EarlyStopCondition>>, CreditError> {
    use EarlyStopCondition as E;
    let rule = |para: u8| Citation::new(Instrument::SamrPenaltyPublicityRules, 14).para(para);
    let schedule = plan.schedule(published_on)?;
    let mut checks = Vec::with_capacity(6);
    checks.push(match plan.early_stop {
        EarlyStop::Barred { kind } => Check::new(
            E::NotExcludedKind,
            false,
            rule(3),
            format!("受到{}，不得提前停止公示", kind.legal_name()),
        ),
        EarlyStop::Possible { .. } => {
            Check::new(E::NotExcludedKind, true, rule(3), "不属于第十四条第三款所列处罚".to_owned())
        }
    });
    let reached = schedule.early_stop_from.is_some_and(|d| d <= as_of);
    checks.push(Check::new(
        E::MinimumPeriod,
        reached,
        rule(2),
        match schedule.early_stop_from {
            Some(d) => format!("自{d}起可以申请"),
            None => format!("公示至{}，届满前不能申请提前停止", schedule.window.end()),
        },
    ));
    checks.push(Check::new(
        E::Performed,
        facts.performed,
        rule(1),
        if facts.performed { "已履行" } else { "未履行" }.to_owned(),
    ));
    checks.push(Check::new(
        E::HarmEliminated,
        facts.harm_eliminated,
        rule(1),
        if facts.harm_eliminated { "已消除" } else { "未消除" }.to_owned(),
    ));
    let repeat = profile.records.iter().find(|r| {
        r.case_id != record.case_id
            && r.decided_on > record.decided_on
            && r.decided_on <= as_of
            && r.standing != Standing::NoPenalty
            && r.item.is_some()
            && r.item == record.item
    });
    checks.push(Check::new(
        E::NoRepeat,
        repeat.is_none(),
        rule(1),
        match repeat {
            Some(r) => format!("{}再次受到处罚（{}）", r.decided_on, r.case_id),
            None => "未再次受到同一类违法行为的处罚".to_owned(),
        },
    ));
    let listed = profile.listed_on(ListingKind::AbnormalOperations, as_of)
        || profile.listed_on(ListingKind::SeriousDishonesty, as_of);
    checks.push(Check::new(
        E::NotListed,
        !listed,
        rule(1),
        if listed { "在名录或者名单中" } else { "不在名录或者名单中" }.to_owned(),
    ));
    Ok(checks)
}

/// Applies a credit effect to the decision of its case: marks
/// [`Mechanism::CreditIncentive`] when the protection of 五(三) applies, and
/// adds the 信用修复告知书 when the decision is published.
///
/// # Errors
///
/// Returns an error when the decision is for another case.
///
/// # Legal basis
///
/// 山丹县实施方案 五(三).
pub fn apply(effect: &CreditEffect, decision: &Decision) -> Result<Decision, CreditError> {
    if effect.case_id != decision.case_id {
        return Err(CreditError::CaseMismatch {
            case: effect.case_id.clone(),
            decision: decision.case_id.clone(),
        });
    }
    let mut d = decision.clone();
    if matches!(effect.protection, Protection::Protected { .. })
        && !d.mechanisms.contains(&Mechanism::CreditIncentive)
    {
        d.mechanisms.push(Mechanism::CreditIncentive);
    }
    if matches!(effect.publication, Publication::Published(_))
        && !d.documents.contains(&Document::CreditRepairNotice)
    {
        d.documents.push(Document::CreditRepairNotice);
    }
    Ok(d)
}

impl fmt::Display for Protection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Protection::NotClaimed => f.write_str("未主张突发因素"),
            Protection::Protected { factor } => write!(
                f,
                "因{}、非主观故意造成的过错，不影响信用监管、资格认定、优惠政策享受",
                factor.legal_name()
            ),
            Protection::Barred { bar } => write!(f, "{}，不适用容错保护", bar.legal_name()),
        }
    }
}

/// The error returned for bad credit input.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CreditError {
    /// A policy without grades.
    #[error("credit policy has no grades")]
    NoGrades,
    /// A grade code used twice.
    #[error("credit grade `{grade}` is defined twice")]
    DuplicateGrade {
        /// The code.
        grade: GradeCode,
    },
    /// A limit where the catch-all belongs, or the reverse.
    #[error("credit grade `{grade}`: only the last grade may omit `max_counted`, and it must")]
    CatchAll {
        /// The code.
        grade: GradeCode,
    },
    /// Limits not increasing.
    #[error("credit grade `{grade}`: `max_counted` must exceed the previous grade's")]
    GradeOrder {
        /// The code.
        grade: GradeCode,
    },
    /// An incentive naming an unknown grade.
    #[error("incentive rule names unknown credit grade `{grade}`")]
    UnknownGrade {
        /// The code.
        grade: GradeCode,
    },
    /// An incentive with two rules.
    #[error("incentive `{incentive}` has two rules")]
    DuplicateIncentive {
        /// The incentive.
        incentive: Incentive,
    },
    /// A zero period or threshold.
    #[error("field `{field}` must not be zero")]
    Zero {
        /// The field.
        field: &'static str,
    },
    /// A case id recorded twice.
    #[error("case `{case_id}` is recorded twice in the credit profile")]
    DuplicateRecord {
        /// The case.
        case_id: CaseId,
    },
    /// A repair before the decision.
    #[error("case `{case_id}` is repaired on `{repaired_on}`, before its decision on `{decided_on}`")]
    RepairBeforeDecision {
        /// The case.
        case_id: CaseId,
        /// The repair day.
        repaired_on: NaiveDate,
        /// The decision day.
        decided_on: NaiveDate,
    },
    /// A window that ends before it starts.
    #[error(transparent)]
    Window(#[from] InvalidWindowError),
    /// Case and decision differ.
    #[error("decision is for case `{decision}` but the case is `{case}`")]
    CaseMismatch {
        /// The case.
        case: CaseId,
        /// The decision's case.
        decision: CaseId,
    },
    /// Publication before the decision.
    #[error("publication on `{published_on}` is before the decision on `{decided_on}`")]
    PublishedBeforeDecision {
        /// The publication day.
        published_on: NaiveDate,
        /// The decision day.
        decided_on: NaiveDate,
    },
    /// An empty text field.
    #[error("field `{field}` must not be empty")]
    EmptyText {
        /// The field.
        field: &'static str,
    },
    /// Date arithmetic left the calendar.
    #[error("date arithmetic from `{from}` leaves the supported range")]
    DateOutOfRange {
        /// The starting date.
        from: NaiveDate,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_policy_is_valid_and_round_trips() {
        let p = CreditPolicy::default();
        p.validate().unwrap();
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<CreditPolicy>(&json).unwrap(), p);
        for i in Incentive::ALL {
            assert!(p.rule(*i).is_some(), "{i}");
        }
    }

    #[test]
    fn policy_errors() {
        let mut p = CreditPolicy::default();
        p.grades.clear();
        assert_eq!(p.validate().unwrap_err().to_string(), "credit policy has no grades");
        let mut p = CreditPolicy::default();
        p.listed.code = "A".parse().unwrap();
        assert_eq!(p.validate().unwrap_err().to_string(), "credit grade `A` is defined twice");
        let mut p = CreditPolicy::default();
        if let Some(g) = p.grades.last_mut() {
            g.max_counted = Some(9);
        }
        assert_eq!(
            p.validate().unwrap_err().to_string(),
            "credit grade `C`: only the last grade may omit `max_counted`, and it must"
        );
        let mut p = CreditPolicy::default();
        if let Some(g) = p.grades.get_mut(1) {
            g.max_counted = Some(0);
        }
        assert_eq!(
            p.validate().unwrap_err().to_string(),
            "credit grade `B`: `max_counted` must exceed the previous grade's"
        );
        let mut p = CreditPolicy::default();
        if let Some(r) = p.incentives.first_mut() {
            r.grades.push("Z".parse().unwrap());
        }
        assert_eq!(p.validate().unwrap_err().to_string(), "incentive rule names unknown credit grade `Z`");
        let mut p = CreditPolicy::default();
        let dup = p.incentives.first().cloned().unwrap();
        p.incentives.push(dup);
        assert_eq!(p.validate().unwrap_err().to_string(), "incentive `government_procurement` has two rules");
        let p = CreditPolicy { early_stop_minimum: Period::Months(0), ..CreditPolicy::default() };
        assert_eq!(p.validate().unwrap_err().to_string(), "field `early_stop_minimum` must not be zero");
        let mut p = CreditPolicy::default();
        p.low_fine.organisation = Money::from_fen(0);
        assert_eq!(p.validate().unwrap_err().to_string(), "field `low_fine` must not be zero");
    }

    #[test]
    fn citations_known() {
        for r in NotPublishedReason::ALL {
            assert!(r.citation().is_known(), "{r}");
        }
    }
}
