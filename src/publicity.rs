//! 公示: publishing decisions, redaction before publication, and the
//! department's publishable list and discretion benchmark.
//!
//! The county plan makes openness a principle ("公平公开原则", 山丹县实施方案 三) and
//! the first of the 三项制度 (行政执法公示, 四(四)); the law says what is published
//! and how it is taken back:
//!
//! * [`PublicationRecord`] follows one decision from the day it is due to be
//!   published to the day it stops or is withdrawn. For a department the
//!   market-regulation rule governs, the record follows that rule's
//!   lifecycle as [`credit::effect`] computes it: not published (不予处罚, 简易程序,
//!   a warning alone), published within twenty working days (SAMR Art. 9),
//!   for three months or three years (Art. 13), stopped early on the four
//!   conditions of Art. 14 — and the early stop repairs the party's credit
//!   record ([`PublicationRecord::stop_early`] returns it with `repaired_on`
//!   set), which then no longer counts against 守信激励. Other departments
//!   publish decisions "具有一定社会影响" (Art. 48 ¶1), a finding the agency makes
//!   ([`SocialImpact`]). Either way a published decision that is 变更、撤销、
//!   确认违法 or 确认无效 is withdrawn within three working days with a published
//!   reason (Art. 48 ¶2, Art. 85, SAMR Art. 11).
//! * [`redact`] masks what identifies a natural person before anything is
//!   published, withholds trade secrets, makes a minor unidentifiable, and
//!   leaves legal persons' names and unified social credit codes as they
//!   are. The rules are listed at [`redact`].
//! * [`ListPublication`] renders a department's 两轻一免 list and its 裁量基准 as a
//!   document to publish (Art. 34 "行政处罚裁量基准应当向社会公布"; Art. 39), in
//!   Markdown and HTML, and as `.docx` with the `docx` feature, with version
//!   and date.
//!
//! # What is a choice, not law
//!
//! Art. 48 sets no deadline for publishing; [`PublicityPolicy::art48_working_days`]
//! defaults to seven working days, the figure attributed to 国办发〔2018〕118号
//! (unconfirmed). The masking formats (surname kept, ID and account digits
//! partly kept) follow common publication practice and are documented at
//! [`redact`]; none is prescribed by the 个人信息保护法, which requires only
//! that what is published not exceed what the duty needs (Art. 34).
//!
//! # Legal basis
//!
//! 《中华人民共和国行政处罚法》第三十四条、第三十九条、第四十八条、第五十条、第八十五条;
//! 《市场监督管理行政处罚信息公示规定》第二条、第九条、第十一条、第十三条、第十四条;
//! 《中华人民共和国个人信息保护法》第四条、第二十五条、第二十八条、第三十四条;
//! 《中华人民共和国未成年人保护法》第一百零三条.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{Period, WorkCalendar};
use crate::case::{Case, CaseId};
use crate::catalogue::Catalogue;
use crate::decision::Decision;
use crate::law::{Citation, Instrument};
use crate::mechanism::credit::{
    self, CreditPolicy, CreditProfile, CreditRecord, EarlyStopCondition, EarlyStopFacts, FaultCause,
    NotPublishedReason, Publication, PublicationPlan,
};
use crate::money::Amounts;
use crate::regime::Regime;

mod redaction;

pub use redaction::{Redacted, Redaction, RedactionRule, Subject, SubjectKind, find_identifiers, redact};

/// 行政处罚法第四十八条第二款.
const WITHDRAW: Citation = Citation::apl(48).para(2);

/// Jurisdiction knobs of publication.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicityPolicy {
    /// Working days after the decision to publish an Art. 48 decision.
    /// Art. 48 sets no period; default 7, attributed to 国办发〔2018〕118号
    /// (unconfirmed).
    pub art48_working_days: u32,
    /// How long an Art. 48 publication stays up; `None` (the default): no
    /// national rule found, so no end is computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub art48_period: Option<Period>,
}

impl Default for PublicityPolicy {
    fn default() -> Self {
        PublicityPolicy { art48_working_days: 7, art48_period: None }
    }
}

vocabulary! {
    /// The agency's finding whether a decision has 一定社会影响 (Art. 48 ¶1).
    pub enum SocialImpact {
        /// 具有一定社会影响: published.
        Some => "具有一定社会影响",
        /// No social impact found: not published under Art. 48.
        None => "不具有一定社会影响",
    }
}

vocabulary! {
    /// How a published decision was overturned (Art. 48 ¶2).
    pub enum Overturn {
        /// 变更.
        Changed => "变更",
        /// 撤销.
        Revoked => "撤销",
        /// 确认违法.
        ConfirmedIllegal => "确认违法",
        /// 确认无效.
        ConfirmedInvalid => "确认无效",
    }
}

/// The rule a publication follows.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum PublicationRule {
    /// 《市场监督管理行政处罚信息公示规定》, with the plan [`credit::effect`] computed.
    Samr {
        /// The plan.
        plan: PublicationPlan,
    },
    /// 行政处罚法第四十八条第一款: a decision with 一定社会影响.
    SocialImpact,
}

/// Why a decision is not published.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "why", rename_all = "snake_case", deny_unknown_fields)]
pub enum NotPublished {
    /// The SAMR rule excludes it.
    Samr {
        /// The reason.
        reason: NotPublishedReason,
    },
    /// Not a SAMR department, and no social impact found (Art. 48 ¶1).
    NoSocialImpact,
}

impl NotPublished {
    /// The provision.
    pub const fn citation(&self) -> Citation {
        match self {
            NotPublished::Samr { reason } => reason.citation(),
            NotPublished::NoSocialImpact => Citation::apl(48).para(1),
        }
    }
}

/// Whether a decision is published, and if so its record.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case", deny_unknown_fields)]
pub enum Planned {
    /// Not published.
    NotPublished {
        /// Why.
        why: NotPublished,
    },
    /// To be published.
    Publish(PublicationRecord),
}

vocabulary! {
    /// Why a publication stopped.
    pub enum StopReason {
        /// The period ended (SAMR Art. 13).
        PeriodEnded => "公示期届满",
        /// Early stop on the Art. 14 conditions (and credit repair).
        EarlyStop => "提前停止公示",
    }
}

/// A withdrawal of a published decision.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Withdrawal {
    /// How the decision was overturned.
    pub overturn: Overturn,
    /// The day it was overturned.
    #[serde(with = "crate::serde_date")]
    pub overturned_on: NaiveDate,
    /// The last day to withdraw: three working days later (Art. 48 ¶2,
    /// Art. 85).
    #[serde(with = "crate::serde_date")]
    pub withdraw_by: NaiveDate,
    /// The day it was withdrawn, once it was.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub withdrawn_on: Option<NaiveDate>,
    /// The published reason (公开说明理由).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// The publication of one decision, from due to stopped or withdrawn.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicationRecord {
    /// The case.
    pub case_id: CaseId,
    /// The decision day.
    #[serde(with = "crate::serde_date")]
    pub decided_on: NaiveDate,
    /// The rule followed.
    pub rule: PublicationRule,
    /// The last day to publish.
    #[serde(with = "crate::serde_date")]
    pub publish_by: NaiveDate,
    /// The day published, once it was.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub published_on: Option<NaiveDate>,
    /// The stop, once it stopped early (the natural end is computed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped: Option<(StopReason, NaiveDate)>,
    /// The withdrawal, once the decision was overturned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal: Option<Withdrawal>,
}

/// Where a publication stands on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum Status {
    /// Not yet published; due by the day.
    Due {
        /// The last day.
        #[serde(with = "crate::serde_date")]
        by: NaiveDate,
    },
    /// Not published and past its deadline.
    Overdue {
        /// The missed deadline.
        #[serde(with = "crate::serde_date")]
        by: NaiveDate,
    },
    /// Published.
    Published,
    /// Stopped.
    Stopped {
        /// Why.
        reason: StopReason,
    },
    /// Overturned; the withdrawal is due by the day.
    WithdrawalDue {
        /// The last day.
        #[serde(with = "crate::serde_date")]
        by: NaiveDate,
    },
    /// Overturned and not withdrawn in time.
    WithdrawalOverdue {
        /// The missed deadline.
        #[serde(with = "crate::serde_date")]
        by: NaiveDate,
    },
    /// Withdrawn.
    Withdrawn {
        /// Whether within the three working days.
        in_time: bool,
    },
}

impl Status {
    /// The provision the status rests on.
    pub const fn citation(&self) -> Citation {
        match self {
            Status::Due { .. } | Status::Overdue { .. } | Status::Published => Citation::apl(48).para(1),
            Status::Stopped { reason: StopReason::PeriodEnded } => {
                Citation::new(Instrument::SamrPenaltyPublicityRules, 13).para(1)
            }
            Status::Stopped { reason: StopReason::EarlyStop } => {
                Citation::new(Instrument::SamrPenaltyPublicityRules, 14).para(1)
            }
            Status::WithdrawalDue { .. } | Status::WithdrawalOverdue { .. } | Status::Withdrawn { .. } => {
                WITHDRAW
            }
        }
    }

    /// Whether the status is a breach of a deadline.
    pub const fn is_late(&self) -> bool {
        matches!(
            self,
            Status::Overdue { .. } | Status::WithdrawalOverdue { .. } | Status::Withdrawn { in_time: false }
        )
    }
}

/// The error returned for an impossible publication step.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PublicityError {
    /// From the credit rules.
    #[error(transparent)]
    Credit(#[from] credit::CreditError),
    /// A step dated before the step it follows.
    #[error("{step} on {on} is before {before}")]
    OutOfOrder {
        /// The step.
        step: &'static str,
        /// Its day.
        on: NaiveDate,
        /// The day it cannot precede.
        before: NaiveDate,
    },
    /// A step taken twice, or after the record closed.
    #[error("cannot {step}: the publication is {state}")]
    Closed {
        /// The step.
        step: &'static str,
        /// The state.
        state: &'static str,
    },
    /// A withdrawal without a published reason.
    #[error("a withdrawal needs a published reason (art. 48 ¶2)")]
    NoReason,
    /// An early stop whose conditions fail.
    #[error("early stop refused: {}", failed.iter().map(|c| c.legal_name()).collect::<Vec<_>>().join("；"))]
    EarlyStopRefused {
        /// The conditions that fail.
        failed: Vec<EarlyStopCondition>,
    },
    /// Early stop is a SAMR-rule step.
    #[error("early stop applies only under the market-regulation publicity rule")]
    NotSamr,
    /// A date left the calendar.
    #[error("a period from {from} leaves the calendar")]
    DateOutOfRange {
        /// The start.
        from: NaiveDate,
    },
}

fn add_wd(cal: &WorkCalendar, from: NaiveDate, n: u32) -> Result<NaiveDate, PublicityError> {
    cal.checked_add_working_days(from, n).map(|d| d.date).ok_or(PublicityError::DateOutOfRange { from })
}

/// Whether and how a decision is published.
///
/// For a department in the credit policy's `samr_domains`, the SAMR rule as
/// [`credit::effect`] applies it; otherwise Art. 48 ¶1 on the agency's
/// finding of social impact, due within the policy's working days.
///
/// # Errors
///
/// When the decision is for another case or a date leaves the calendar.
///
/// ```
/// use rouxing::mechanism::credit::CreditPolicy;
/// use rouxing::publicity::{self, Planned, PublicityPolicy, SocialImpact};
/// use rouxing::{Case, Catalogue, Regime, assess, recommend};
/// use chrono::NaiveDate;
///
/// let catalogue = Catalogue::bundled()?;
/// let case = Case::from_json(include_str!("../examples/data/cases/first-violation.json"), &catalogue)?;
/// let regime = Regime::national();
/// let on = NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?;
/// let decision = recommend(&assess(&case, &catalogue, &regime, on), &regime);
/// // 不予行政处罚 is not a penalty: nothing is published.
/// let planned = publicity::plan(&case, &decision, SocialImpact::Some, &CreditPolicy::default(),
///     &PublicityPolicy::default(), &regime)?;
/// assert!(matches!(planned, Planned::NotPublished { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn plan(
    case: &Case,
    decision: &Decision,
    impact: SocialImpact,
    credit_policy: &CreditPolicy,
    policy: &PublicityPolicy,
    regime: &Regime,
) -> Result<Planned, PublicityError> {
    let effect = credit::effect(case, decision, &FaultCause::Ordinary, credit_policy, regime)?;
    let (rule, publish_by) = match effect.publication {
        Publication::NotPublished { reason } => {
            return Ok(Planned::NotPublished { why: NotPublished::Samr { reason } });
        }
        Publication::Published(plan) => (PublicationRule::Samr { plan }, plan.publish_by),
        Publication::ByOtherRules { .. } => {
            if impact == SocialImpact::None {
                return Ok(Planned::NotPublished { why: NotPublished::NoSocialImpact });
            }
            let by = add_wd(&regime.calendar, decision.decided_on, policy.art48_working_days)?;
            (PublicationRule::SocialImpact, by)
        }
    };
    Ok(Planned::Publish(PublicationRecord {
        case_id: decision.case_id.clone(),
        decided_on: decision.decided_on,
        rule,
        publish_by,
        published_on: None,
        stopped: None,
        withdrawal: None,
    }))
}

impl PublicationRecord {
    /// Records the publication.
    ///
    /// # Errors
    ///
    /// When published before the decision, twice, or after an overturn.
    pub fn publish(&mut self, on: NaiveDate) -> Result<(), PublicityError> {
        if self.published_on.is_some() {
            return Err(PublicityError::Closed { step: "publish", state: "already published" });
        }
        if self.withdrawal.is_some() {
            return Err(PublicityError::Closed { step: "publish", state: "overturned" });
        }
        if on < self.decided_on {
            return Err(PublicityError::OutOfOrder { step: "publication", on, before: self.decided_on });
        }
        self.published_on = Some(on);
        Ok(())
    }

    /// The last day published under its period, if the rule has one
    /// (SAMR Art. 13: three months or three years from publication).
    ///
    /// # Errors
    ///
    /// When a date leaves the calendar.
    pub fn last_day(&self, policy: &PublicityPolicy) -> Result<Option<NaiveDate>, PublicityError> {
        let Some(p) = self.published_on else { return Ok(None) };
        match &self.rule {
            PublicationRule::Samr { plan } => Ok(Some(plan.schedule(p)?.window.end())),
            PublicationRule::SocialImpact => match policy.art48_period {
                Some(period) => {
                    period.last_day(p).map(Some).ok_or(PublicityError::DateOutOfRange { from: p })
                }
                None => Ok(None),
            },
        }
    }

    /// Stops the publication early on `as_of` if every condition of SAMR
    /// Art. 14 holds, and returns the party's credit record repaired on that
    /// day (信用修复), which no longer counts as 失信 and so no longer bars
    /// 守信激励 ([`credit::incentives`]).
    ///
    /// # Errors
    ///
    /// [`PublicityError::EarlyStopRefused`] naming the failed conditions;
    /// [`PublicityError::NotSamr`] for an Art. 48 publication; when not
    /// published, already stopped or overturned.
    pub fn stop_early(
        &mut self,
        record: &CreditRecord,
        profile: &CreditProfile,
        facts: EarlyStopFacts,
        as_of: NaiveDate,
    ) -> Result<CreditRecord, PublicityError> {
        let PublicationRule::Samr { plan } = &self.rule else { return Err(PublicityError::NotSamr) };
        let Some(published_on) = self.published_on else {
            return Err(PublicityError::Closed { step: "stop", state: "not published" });
        };
        if self.stopped.is_some() || self.withdrawal.is_some() {
            return Err(PublicityError::Closed { step: "stop", state: "closed" });
        }
        let checks = credit::early_stop(plan, record, published_on, profile, facts, as_of)?;
        let failed: Vec<EarlyStopCondition> =
            checks.iter().filter(|c| !c.met).map(|c| c.requirement).collect();
        if !failed.is_empty() {
            return Err(PublicityError::EarlyStopRefused { failed });
        }
        self.stopped = Some((StopReason::EarlyStop, as_of));
        let mut repaired = record.clone();
        repaired.repaired_on = Some(as_of);
        Ok(repaired)
    }

    /// Records that the decision was overturned on `on`: the withdrawal is
    /// then due within three working days (Art. 48 ¶2, Art. 85; SAMR
    /// Art. 11).
    ///
    /// # Errors
    ///
    /// When overturned before the decision or twice, or dates leave the
    /// calendar.
    pub fn overturn(
        &mut self,
        how: Overturn,
        on: NaiveDate,
        cal: &WorkCalendar,
    ) -> Result<(), PublicityError> {
        if self.withdrawal.is_some() {
            return Err(PublicityError::Closed { step: "overturn", state: "already overturned" });
        }
        if on < self.decided_on {
            return Err(PublicityError::OutOfOrder { step: "overturn", on, before: self.decided_on });
        }
        let withdraw_by = add_wd(cal, on, 3)?;
        self.withdrawal = Some(Withdrawal {
            overturn: how,
            overturned_on: on,
            withdraw_by,
            withdrawn_on: None,
            reason: String::new(),
        });
        Ok(())
    }

    /// Records the withdrawal with its published reason.
    ///
    /// # Errors
    ///
    /// When the decision was not overturned, the reason is empty, or the day
    /// precedes the overturn.
    pub fn withdraw(&mut self, on: NaiveDate, reason: &str) -> Result<(), PublicityError> {
        let Some(w) = self.withdrawal.as_mut() else {
            return Err(PublicityError::Closed { step: "withdraw", state: "not overturned" });
        };
        if w.withdrawn_on.is_some() {
            return Err(PublicityError::Closed { step: "withdraw", state: "already withdrawn" });
        }
        if reason.trim().is_empty() {
            return Err(PublicityError::NoReason);
        }
        if on < w.overturned_on {
            return Err(PublicityError::OutOfOrder { step: "withdrawal", on, before: w.overturned_on });
        }
        w.withdrawn_on = Some(on);
        reason.clone_into(&mut w.reason);
        Ok(())
    }

    /// Where the publication stands on `day`.
    ///
    /// # Errors
    ///
    /// When a date leaves the calendar.
    pub fn status_on(&self, day: NaiveDate, policy: &PublicityPolicy) -> Result<Status, PublicityError> {
        if let Some(w) = self.withdrawal.as_ref().filter(|w| w.overturned_on <= day) {
            // Overturned: what was published must come down; what was never
            // published has nothing to withdraw.
            if self.published_on.is_some_and(|p| p <= day) {
                return Ok(match w.withdrawn_on.filter(|x| *x <= day) {
                    Some(x) => Status::Withdrawn { in_time: x <= w.withdraw_by },
                    None if day > w.withdraw_by => Status::WithdrawalOverdue { by: w.withdraw_by },
                    None => Status::WithdrawalDue { by: w.withdraw_by },
                });
            }
            return Ok(Status::Withdrawn { in_time: true });
        }
        match self.published_on.filter(|p| *p <= day) {
            None if day > self.publish_by => Ok(Status::Overdue { by: self.publish_by }),
            None => Ok(Status::Due { by: self.publish_by }),
            Some(_) => {
                if let Some((reason, on)) = self.stopped {
                    if on <= day {
                        return Ok(Status::Stopped { reason });
                    }
                }
                match self.last_day(policy)? {
                    Some(last) if day > last => Ok(Status::Stopped { reason: StopReason::PeriodEnded }),
                    _ => Ok(Status::Published),
                }
            }
        }
    }

    /// Whether the decision was published on time.
    pub fn published_in_time(&self) -> Option<bool> {
        self.published_on.map(|p| p <= self.publish_by)
    }
}

// ---------------------------------------------------------------------------
// The publishable list and benchmark (Art. 34)
// ---------------------------------------------------------------------------

/// A department's 两轻一免 list and 裁量基准, ready to publish.
#[derive(Clone, Debug)]
pub struct ListPublication<'a> {
    /// The publishing department.
    pub department: &'a str,
    /// The version, e.g. `2026年第1版`.
    pub version: &'a str,
    /// The day of publication (or adoption).
    pub published_on: NaiveDate,
    /// The list.
    pub catalogue: &'a Catalogue,
    /// The benchmark bands and first-violation rule.
    pub regime: &'a Regime,
}

/// A block of a rendered document.
enum Block {
    Title(String),
    Meta(String),
    Heading(String),
    Para(String),
}

impl ListPublication<'_> {
    fn blocks(&self) -> Vec<Block> {
        let mut b = Vec::new();
        b.push(Block::Title(format!("{}行政处罚裁量基准和“两轻一免”清单", self.department)));
        b.push(Block::Meta(format!(
            "版本：{}　发布日期：{}",
            self.version,
            crate::instrument::chinese_date(self.published_on)
        )));
        b.push(Block::Heading("公布依据".to_owned()));
        for c in [Citation::apl(34), Citation::apl(39)] {
            if let Some(q) = c.quote() {
                b.push(Block::Para(format!("{c}：“{q}”")));
            }
        }
        let bands = &self.regime.discretion;
        b.push(Block::Heading("一、裁量基准".to_owned()));
        b.push(Block::Para(format!(
            "法定罚款幅度内，从轻处罚在最低额以上、最低额加幅度的{}%以下确定；从重处罚在最低额加幅度的{}%以上、最高额以下确定；一般处罚在二者之间确定。减轻处罚在法定最低额以下确定（《中华人民共和国行政处罚法》第三十二条）。",
            permille_pct(bands.lighter_upper_permille),
            permille_pct(bands.heavier_lower_permille)
        )));
        b.push(Block::Para(format!(
            "首次违法的认定：{}（《中华人民共和国行政处罚法》第三十三条第一款）。",
            self.regime.first_violation.window.legal_name()
        )));
        // Art. 39: the agency, the basis of filing, the procedure and the
        // remedies are public in advance.
        b.push(Block::Heading("二、实施机关、实施程序和救济渠道".to_owned()));
        b.push(Block::Para(format!(
            "实施机关：{}。立案依据为下列各事项所列违反规定和处罚依据。",
            self.department
        )));
        let s = &self.regime.summary;
        // 民法典 Art. 1259: "以下" includes the amount, "不满" does not.
        let upto =
            |m: crate::money::Money| if s.inclusive { format!("{m}以下") } else { format!("不满{m}") };
        let h = &self.regime.hearing;
        b.push(Block::Para(format!(
            "实施程序：违法事实确凿并有法定依据，对公民处以{}、对法人或者其他组织处以{}罚款或者警告的，可以当场作出行政处罚决定（第五十一条）；其他案件适用普通程序，作出决定前告知拟作出的处罚及事实、理由、依据和陈述、申辩、要求听证等权利（第四十四条）。拟对公民处以{}以上、对法人或者其他组织处以{}以上罚款等的，当事人有权要求听证（第六十三条）。",
            upto(s.natural_person),
            upto(s.organisation),
            h.natural_person,
            h.organisation
        )));
        b.push(Block::Para(
            "救济渠道：当事人对行政处罚决定不服的，可以依法申请行政复议或者提起行政诉讼；决定书载明途径和期限（第五十九条第一款第（五）项）。".to_owned(),
        ));
        b.push(Block::Heading("三、事项清单".to_owned()));
        for (n, item) in self.catalogue.items().enumerate() {
            let num = crate::calendar::chinese_numeral(u32::try_from(n + 1).unwrap_or(u32::MAX));
            b.push(Block::Heading(format!("（{num}）{}（{}）", item.name, item.code)));
            if !item.violated_provisions.is_empty() {
                b.push(Block::Para(format!("违反规定：{}", item.violated_provisions.join("、"))));
            }
            b.push(Block::Para(format!("处罚依据：{}", item.penalty_provision)));
            let kinds: Vec<&str> = item.penalty.kinds().iter().map(|k| k.legal_name()).collect();
            let mut statutory = format!("法定处罚：{}", kinds.join("、"));
            if let Some(rule) = item.penalty.fine() {
                let _ = write!(statutory, "；{}", rule.legal_name());
                if let Some(fb) = rule.bounds(&Amounts::default()) {
                    let light = bands.lighter(fb);
                    let heavy = bands.heavier(fb);
                    let _ = write!(
                        statutory,
                        "（从轻{}至{}；从重{}至{}）",
                        light.min(),
                        light.max(),
                        heavy.min(),
                        heavy.max()
                    );
                }
            }
            b.push(Block::Para(statutory));
            if item.safety_baseline {
                b.push(Block::Para("本事项涉及安全底线，不适用观察期、过渡期。".to_owned()));
            }
            for e in &item.entries {
                let conds: Vec<&str> =
                    e.conditions.iter().map(|c| c.text.as_str().trim_end_matches(['。', '；'])).collect();
                b.push(Block::Para(format!("{}（{}）：{}", e.outcome.legal_name(), e.id, conds.join("；"))));
            }
        }
        b
    }

    /// The document as Markdown.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::publicity::ListPublication;
    /// use rouxing::{Catalogue, Regime};
    ///
    /// let catalogue = Catalogue::bundled()?;
    /// let regime = Regime::shandan_sample();
    /// let doc = ListPublication { department: "山丹县农业农村局", version: "2026年第1版",
    ///     published_on: NaiveDate::from_ymd_opt(2026, 3, 1).ok_or("date")?,
    ///     catalogue: &catalogue, regime: &regime };
    /// let md = doc.to_markdown();
    /// assert!(md.starts_with("# 山丹县农业农村局行政处罚裁量基准和“两轻一免”清单"));
    /// assert!(md.contains("版本：2026年第1版") && md.contains("第三十四条"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        for b in self.blocks() {
            let _ = match b {
                Block::Title(t) => writeln!(out, "# {t}\n"),
                Block::Meta(t) => writeln!(out, "{t}\n"),
                Block::Heading(t) => writeln!(out, "## {t}\n"),
                Block::Para(t) => writeln!(out, "{t}\n"),
            };
        }
        out
    }

    /// The document as a standalone HTML page (UTF-8, text escaped).
    pub fn to_html(&self) -> String {
        let mut out = String::from("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\">");
        let mut body = String::new();
        for b in self.blocks() {
            let _ = match b {
                Block::Title(t) => {
                    let _ = write!(out, "<title>{}</title>", html_escape(&t));
                    writeln!(body, "<h1>{}</h1>", html_escape(&t))
                }
                Block::Meta(t) => writeln!(body, "<p class=\"meta\">{}</p>", html_escape(&t)),
                Block::Heading(t) => writeln!(body, "<h2>{}</h2>", html_escape(&t)),
                Block::Para(t) => writeln!(body, "<p>{}</p>", html_escape(&t)),
            };
        }
        let _ = write!(out, "</head>\n<body>\n{body}</body>\n</html>\n");
        out
    }

    /// The document as `.docx` (feature `docx`).
    ///
    /// # Errors
    ///
    /// When the document cannot be packed.
    #[cfg(feature = "docx")]
    #[cfg_attr(docsrs_rouxing, doc(cfg(feature = "docx")))]
    pub fn to_docx(&self) -> Result<Vec<u8>, crate::office::DocxError> {
        use crate::office::Para;
        let paras: Vec<Para> = self
            .blocks()
            .into_iter()
            .map(|b| match b {
                Block::Title(t) => Para::Title(t),
                Block::Meta(t) => Para::Right(t),
                Block::Heading(t) => Para::Heading(t),
                Block::Para(t) => Para::Body(t),
            })
            .collect();
        crate::office::write_docx(&paras)
    }
}

fn permille_pct(p: u16) -> String {
    let whole = p / 10;
    match p % 10 {
        0 => whole.to_string(),
        r => format!("{whole}.{r}"),
    }
}

/// Escapes text for HTML.
pub(crate) fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_from_permille() {
        assert_eq!(permille_pct(300), "30");
        assert_eq!(permille_pct(242), "24.2");
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(html_escape("<a href='x'>&</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
    }
}
