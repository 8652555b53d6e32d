//! The three working mechanisms of flexible enforcement (工作机制).
//!
//! Part 五 of the county plan (山司发〔2021〕52号) sets three mechanisms that
//! sit beside the statutory assessment:
//!
//! | mechanism | module | what it decides |
//! |---|---|---|
//! | 简易引导机制 (simple guidance) | [`guidance`] | whether a minor matter (or a mere 违法倾向) may be handled by a reminder, suggestion … by phone, SMS, e-mail, in person or online; the instrument, what must be recorded, the follow-up |
//! | 容错纠错机制 (tolerance and correction) | [`tolerance`] | 不罚只纠正 with a correction deadline and what follows it; the 观察期 for new business forms off the safety baseline; the 过渡期 for rectification to a standard |
//! | 守信激励机制 (credit incentives) | [`credit`] | a party's credit profile and grade; incentives and why each is granted or refused; the credit effect of a decision, publication periods, repair, and the protection of faults caused by sudden factors without intent |
//!
//! Every function is pure: it takes the case, catalogue, regime and dates it
//! needs and returns a typed plan or outcome with its citations. A mechanism
//! that does not apply is an outcome ([`Outcome::Refused`]) listing every
//! requirement checked and which failed; only malformed input (a deadline
//! before the decision, a window that ends before it starts, an unknown
//! channel) is an error.
//!
//! # What the mechanisms never do
//!
//! * **Leave the law.** The plan grants tolerance "在法定权限、范围内 … 可以依法不处罚、只纠正"
//!   (五(二)): a mechanism that withholds a penalty requires the statutory
//!   assessment to allow 不予处罚 — for a violation not yet corrected, rouxing
//!   asks what the law allows if the party corrects in time. A county plan
//!   cannot waive a penalty the statute requires, lift a statutory bar
//!   (政府采购法 Art. 22) or stop a publication a department rule orders.
//! * **Turn guidance into a penalty.** A guidance plan or record
//!   ([`guidance::GuidancePlan`], [`guidance::GuidanceRecord`]) has no sanction
//!   field; applying it to a [`Decision`](crate::Decision) never adds one and
//!   is refused for a decision that imposes a penalty (行政处罚法 Art. 2 defines a
//!   penalty as "以减损权益或者增加义务的方式予以惩戒的行为"; 本行政指导不具有强制性).
//! * **Reach the safety baseline.** Nothing on an item flagged
//!   [`safety_baseline`](crate::catalogue::Item::safety_baseline) gets simple
//!   guidance, an observation period or a transition period.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use rouxing::case::{Case, Correction, Gravity, Harm};
//! use rouxing::mechanism::tolerance::{self, Progress, TolerancePolicy, Verification};
//! use rouxing::party::{Party, PartyId};
//! use rouxing::{Catalogue, Regime};
//!
//! let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
//! let catalogue = Catalogue::from_json(r#"{"schema_version": 1, "name": "示例", "items": [{
//!     "code": "MR-1", "name": "未按规定公示", "domain": "market_regulation",
//!     "authority": "市场监督管理部门", "penalty_provision": "示例条例第十条",
//!     "penalty": {"kinds": ["warning", "fine"], "fine": {"kind": "up_to", "max": "5000"}}}]}"#)?;
//! let case = Case::builder("2025-017".parse()?, "MR-1".parse()?)
//!     .party(Party::legal_person(PartyId::new("91620725MA7")?, None))
//!     .act_on(d(2025, 3, 1)?)
//!     .discovered_on(d(2025, 3, 3)?)
//!     .gravity(Gravity::Minor)
//!     .harm(Harm::None)
//!     .correction(Correction::None)
//!     .build()?;
//! let regime = Regime::national();
//! // 不罚只纠正: no penalty if the party corrects by the deadline.
//! let outcome = tolerance::correction_plan(
//!     &case, &catalogue, &regime, &TolerancePolicy::default(), d(2025, 3, 4)?, None)?;
//! let plan = outcome.plan().ok_or("not granted")?;
//! assert_eq!(plan.order.deadline, Some(d(2025, 3, 19)?));
//! // The party corrects on time and the re-inspection passes: case closed.
//! let progress = Progress::Corrected {
//!     on: d(2025, 3, 10)?,
//!     verification: Verification::Passed { on: d(2025, 3, 12)? },
//! };
//! let status = tolerance::follow_up(plan, &progress, d(2025, 3, 20)?)?;
//! assert!(status.is_closed());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::law::{Citation, Instrument};

pub mod credit;
pub mod guidance;
pub mod tolerance;

/// 山丹县实施方案 五(一), the simple-guidance mechanism.
pub const SIMPLE_GUIDANCE: Citation = Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 5).item(1);

/// 山丹县实施方案 五(二), the tolerance-and-correction mechanism.
pub const TOLERANCE: Citation = Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 5).item(2);

/// 山丹县实施方案 五(三), the credit-incentive mechanism.
pub const CREDIT_INCENTIVE: Citation = Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 5).item(3);

/// 《优化营商环境条例》第五十九条第一款: non-coercive means first.
pub const NON_COERCIVE_FIRST: Citation =
    Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 59).para(1);

/// 《优化营商环境条例》第五十五条: inclusive and prudent supervision of new
/// technologies, industries, business forms and models.
pub const INCLUSIVE_PRUDENT: Citation =
    Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 55);

/// One requirement of a mechanism, checked against the facts.
///
/// `met` says whether the requirement holds; `citation` is the provision
/// that sets it (or, for an unmet requirement, the provision that bars the
/// mechanism); `detail` states the facts in Chinese, with values.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Check<R> {
    /// The requirement.
    pub requirement: R,
    /// Whether it holds.
    pub met: bool,
    /// The provision that sets it, or that bars the mechanism when unmet.
    pub citation: Citation,
    /// The facts, in words.
    pub detail: String,
}

impl<R> Check<R> {
    pub(crate) fn new(requirement: R, met: bool, citation: Citation, detail: String) -> Check<R> {
        Check { requirement, met, citation, detail }
    }
}

/// What a mechanism decided: granted with a plan, or refused, and in both
/// cases every requirement checked.
///
/// Outcomes are closed: a mechanism either applies or does not, so this enum
/// is exhaustive.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "outcome", rename_all = "snake_case", deny_unknown_fields)]
pub enum Outcome<P, R> {
    /// Every requirement holds.
    Granted {
        /// The plan.
        plan: P,
        /// The requirements checked, all met.
        checks: Vec<Check<R>>,
    },
    /// At least one requirement fails.
    Refused {
        /// The requirements checked; the unmet ones say why.
        checks: Vec<Check<R>>,
    },
}

impl<P, R> Outcome<P, R> {
    pub(crate) fn from_checks(checks: Vec<Check<R>>, plan: impl FnOnce() -> P) -> Outcome<P, R> {
        if checks.iter().all(|c| c.met) {
            Outcome::Granted { plan: plan(), checks }
        } else {
            Outcome::Refused { checks }
        }
    }

    /// Whether the mechanism was granted.
    pub fn is_granted(&self) -> bool {
        matches!(self, Outcome::Granted { .. })
    }

    /// The plan, if granted.
    pub fn plan(&self) -> Option<&P> {
        match self {
            Outcome::Granted { plan, .. } => Some(plan),
            Outcome::Refused { .. } => None,
        }
    }

    /// Every requirement checked.
    pub fn checks(&self) -> &[Check<R>] {
        match self {
            Outcome::Granted { checks, .. } | Outcome::Refused { checks } => checks,
        }
    }

    /// The requirements that failed (empty when granted).
    pub fn unmet(&self) -> impl Iterator<Item = &Check<R>> {
        self.checks().iter().filter(|c| !c.met)
    }
}

/// A span of civil days, both ends included (an observation period, a
/// transition period, a publication period).
///
/// A window never ends before it starts: [`DateWindow::new`] and
/// deserialization reject it.
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::mechanism::DateWindow;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
/// let w = DateWindow::new(d(2024, 5, 1)?, d(2025, 5, 1)?)?;
/// assert!(w.contains(d(2024, 12, 31)?));
/// assert!(DateWindow::new(d(2025, 5, 1)?, d(2024, 5, 1)?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "DateWindowRepr", into = "DateWindowRepr")]
pub struct DateWindow {
    start: NaiveDate,
    end: NaiveDate,
}

impl DateWindow {
    /// A window from `start` to `end`, both included.
    ///
    /// # Errors
    ///
    /// Returns an error when `end` is before `start`.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<DateWindow, InvalidWindowError> {
        if end < start {
            return Err(InvalidWindowError { start, end });
        }
        Ok(DateWindow { start, end })
    }

    /// The first day.
    pub const fn start(&self) -> NaiveDate {
        self.start
    }

    /// The last day.
    pub const fn end(&self) -> NaiveDate {
        self.end
    }

    /// Whether a day falls inside the window.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

impl fmt::Display for DateWindow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}至{}", self.start, self.end)
    }
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct DateWindowRepr {
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    start: NaiveDate,
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    end: NaiveDate,
}

impl TryFrom<DateWindowRepr> for DateWindow {
    type Error = InvalidWindowError;
    fn try_from(r: DateWindowRepr) -> Result<Self, Self::Error> {
        DateWindow::new(r.start, r.end)
    }
}

impl From<DateWindow> for DateWindowRepr {
    fn from(w: DateWindow) -> Self {
        DateWindowRepr { start: w.start, end: w.end }
    }
}

/// The error returned when a window ends before it starts.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("window end `{end}` is before its start `{start}`")]
pub struct InvalidWindowError {
    start: NaiveDate,
    end: NaiveDate,
}

impl InvalidWindowError {
    /// The start given.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The end given.
    pub fn end(&self) -> NaiveDate {
        self.end
    }
}

/// The day before `date` minus `period`: the first day of a look-back window
/// of `period` ending on `date` ("以内" includes the number, 民法典 Art. 1259).
pub(crate) fn lookback_start(date: NaiveDate, period: crate::calendar::Period) -> NaiveDate {
    use crate::calendar::Period;
    let start = match period {
        Period::Days(n) => date.checked_sub_days(chrono::Days::new(u64::from(n))),
        Period::Months(n) => crate::calendar::sub_months(date, n),
        Period::Years(n) => n.checked_mul(12).and_then(|m| crate::calendar::sub_months(date, m)),
    };
    start.unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn window_rejects_reversed_dates() {
        let err = DateWindow::new(d(2025, 2, 1), d(2025, 1, 31)).unwrap_err();
        assert_eq!(err.to_string(), "window end `2025-01-31` is before its start `2025-02-01`");
        let err =
            serde_json::from_str::<DateWindow>(r#"{"start":"2025-02-01","end":"2025-01-31"}"#).unwrap_err();
        assert!(
            err.to_string().starts_with("window end `2025-01-31` is before its start `2025-02-01`"),
            "{err}"
        );
        let w = DateWindow::new(d(2025, 1, 1), d(2025, 1, 1)).unwrap();
        assert!(w.contains(d(2025, 1, 1)));
        assert!(!w.contains(d(2025, 1, 2)));
        let json = serde_json::to_string(&w).unwrap();
        assert_eq!(json, r#"{"start":"2025-01-01","end":"2025-01-01"}"#);
        assert_eq!(serde_json::from_str::<DateWindow>(&json).unwrap(), w);
        assert_eq!(w.to_string(), "2025-01-01至2025-01-01");
    }

    #[test]
    fn citations_are_known() {
        for c in [SIMPLE_GUIDANCE, TOLERANCE, CREDIT_INCENTIVE, NON_COERCIVE_FIRST, INCLUSIVE_PRUDENT] {
            assert!(c.is_known(), "{c}");
        }
    }

    #[test]
    fn lookback() {
        use crate::calendar::Period;
        assert_eq!(lookback_start(d(2025, 3, 1), Period::Years(3)), d(2022, 3, 1));
        assert_eq!(lookback_start(d(2024, 2, 29), Period::Years(1)), d(2023, 2, 28));
        assert_eq!(lookback_start(d(2025, 3, 1), Period::Days(1)), d(2025, 2, 28));
    }
}
