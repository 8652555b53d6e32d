//! Deadlines derived from the steps of a case file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::{ScheduleBasis, add_days};
use crate::law::{Citation, Instrument};
use crate::money::Money;
use crate::regime::Regime;

use super::{CaseFile, PartyRight, Rectification, Stage};

vocabulary! {
    /// What must be done by a deadline.
    ///
    /// # Legal basis
    ///
    /// * 《中华人民共和国行政处罚法》第六十条: "行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚
    ///   决定。法律、法规、规章另有规定的，从其规定。" (calendar days; the period is the regime's
    ///   `decision_period_days`).
    /// * 第六十一条第一款: "当事人不在场的，行政机关应当在七日内…将行政处罚决定书送达当事人" and
    ///   第八十五条: "本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。"
    /// * 第六十四条第（一）项: "当事人要求听证的，应当在行政机关告知后五日内提出" (working days).
    /// * 第六十七条第三款: "当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付
    ///   系统缴纳罚款。" (calendar days; a last day on a holiday moves to the next working day,
    ///   民法典 Art. 203, as the period is one for the party's action).
    /// * 第二十八条第一款: the correction order's own deadline (责令限期改正).
    /// * 山丹县实施方案 五(二): the follow-up visit (回访) the decision schedules.
    pub enum Obligation {
        /// 作出行政处罚决定 (Art. 60).
        Decide => "作出处理决定",
        /// 送达行政处罚决定书 (Art. 61).
        Serve => "送达决定书",
        /// 要求听证: the party's right, which lapses (Art. 64 (一)).
        RequestHearing => "要求听证",
        /// 缴纳罚款 (Art. 67 ¶3).
        Pay => "缴纳罚款",
        /// 限期改正 (Art. 28 ¶1).
        Correct => "限期改正",
        /// 回访.
        FollowUp => "回访",
    }
}

impl Obligation {
    /// The provision that sets the deadline.
    pub const fn citation(self) -> Citation {
        match self {
            Obligation::Decide => Citation::apl(60),
            Obligation::Serve => Citation::apl(61).para(1),
            Obligation::RequestHearing => Citation::apl(64).item(1),
            Obligation::Pay => Citation::apl(67).para(3),
            Obligation::Correct => Citation::apl(28).para(1),
            Obligation::FollowUp => Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 5).item(2),
        }
    }

    /// Whether the deadline ends a right of the party rather than a duty: a
    /// right that is not used lapses, it is never overdue.
    pub const fn is_right(self) -> bool {
        matches!(self, Obligation::RequestHearing)
    }
}

vocabulary! {
    /// Where a deadline stands on a day.
    pub enum DeadlineStatus {
        /// Not yet met, not yet due.
        Pending => "未到期",
        /// Met on or before the last day.
        Met => "按期完成",
        /// Met after the last day.
        MetLate => "逾期完成",
        /// Not met, and the last day has passed.
        Overdue => "已逾期",
        /// A right not used in time.
        Lapsed => "期限届满未行使",
    }
}

/// A deadline derived from a case file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// What must be done.
    pub obligation: Obligation,
    /// The triggering day (filing, decision, notice, service).
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub from: NaiveDate,
    /// The last day.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub due: NaiveDate,
    /// Whether a working-day count rests on the official schedule.
    pub basis: ScheduleBasis,
    /// The day the obligation was met, if it was.
    #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub met_on: Option<NaiveDate>,
}

impl Deadline {
    /// Where the deadline stands on a day: met only counts if it was met on
    /// or before that day.
    pub fn status(&self, on: NaiveDate) -> DeadlineStatus {
        match self.met_on.filter(|m| *m <= on) {
            Some(m) if m <= self.due => DeadlineStatus::Met,
            Some(_) => DeadlineStatus::MetLate,
            None if on <= self.due => DeadlineStatus::Pending,
            None if self.obligation.is_right() => DeadlineStatus::Lapsed,
            None => DeadlineStatus::Overdue,
        }
    }
}

impl CaseFile {
    /// The deadlines the recorded steps set, in the order they arose.
    ///
    /// * 作出处理决定: the regime's decision period (Art. 60, 90 days) from
    ///   立案, met by the first 决定.
    /// * 送达决定书: seven working days (Arts. 61, 85) from each 决定, met by
    ///   送达.
    /// * 要求听证: five working days (Arts. 64 (一), 85) from a 告知 that
    ///   offers a hearing, met by 要求听证.
    /// * 缴纳罚款: fifteen days from 送达 of a decision with a fine (Art. 67
    ///   ¶3), moved off a holiday, met when the payments reach the fine.
    /// * 限期改正: the correction order's deadline, met by a 整改复查 that
    ///   finds the violation corrected.
    /// * 回访: the decision's follow-up day, met by 回访.
    ///
    /// A revoked decision's deadlines are dropped with it.
    pub fn deadlines(&self, regime: &Regime) -> Vec<Deadline> {
        let cal = &regime.calendar;
        let mut out: Vec<Deadline> = Vec::new();
        // Deadlines of the decision in force start at this index of `out`.
        let mut decision_from: Option<usize> = None;
        let mut fine: Option<Money> = None;
        let mut paid = Money::ZERO;
        let open = |out: &mut Vec<Deadline>, o: Obligation, met: NaiveDate| {
            if let Some(d) = out.iter_mut().find(|d| d.obligation == o && d.met_on.is_none()) {
                d.met_on = Some(met);
            }
        };
        for e in &self.entries {
            let on = e.event.on;
            match &e.event.stage {
                Stage::Filed { .. } => {
                    if let Some(due) = add_days(on, regime.decision_period_days) {
                        out.push(Deadline {
                            obligation: Obligation::Decide,
                            from: on,
                            due,
                            basis: ScheduleBasis::Official,
                            met_on: None,
                        });
                    }
                }
                Stage::Notified { rights, .. } => {
                    // A new notice replaces the open hearing-request period.
                    out.retain(|d| d.obligation != Obligation::RequestHearing || d.met_on.is_some());
                    if rights.contains(&PartyRight::Hearing) {
                        let w = crate::decision::hearing_request_due(on, cal);
                        out.push(Deadline {
                            obligation: Obligation::RequestHearing,
                            from: on,
                            due: w.date,
                            basis: w.basis,
                            met_on: None,
                        });
                    }
                }
                Stage::HearingRequested {} => open(&mut out, Obligation::RequestHearing, on),
                Stage::Decided { decision } => {
                    open(&mut out, Obligation::Decide, on);
                    decision_from = Some(out.len());
                    fine = decision.fine();
                    paid = Money::ZERO;
                    let w = cal.add_working_days(on, 7);
                    out.push(Deadline {
                        obligation: Obligation::Serve,
                        from: on,
                        due: w.date,
                        basis: w.basis,
                        met_on: None,
                    });
                    if let Some(due) = decision.correction.and_then(|c| c.deadline) {
                        out.push(Deadline {
                            obligation: Obligation::Correct,
                            from: on,
                            due,
                            basis: ScheduleBasis::Official,
                            met_on: None,
                        });
                    }
                    if let Some(due) = decision.follow_up_on {
                        out.push(Deadline {
                            obligation: Obligation::FollowUp,
                            from: on,
                            due,
                            basis: ScheduleBasis::Official,
                            met_on: None,
                        });
                    }
                }
                Stage::Revoked { .. } => {
                    if let Some(i) = decision_from.take() {
                        out.truncate(i);
                    }
                    fine = None;
                }
                Stage::Served { .. } => {
                    let first = out.iter().any(|d| d.obligation == Obligation::Serve && d.met_on.is_none());
                    open(&mut out, Obligation::Serve, on);
                    if first && fine.is_some() {
                        if let Some(last) = add_days(on, 15) {
                            out.push(Deadline {
                                obligation: Obligation::Pay,
                                from: on,
                                due: cal.extend_if_holiday(last),
                                basis: ScheduleBasis::Official,
                                met_on: None,
                            });
                        }
                    }
                }
                Stage::Paid { amount, .. } => {
                    paid = paid.saturating_add(*amount);
                    if fine.is_some_and(|f| paid >= f) {
                        open(&mut out, Obligation::Pay, on);
                    }
                }
                Stage::Reinspected { result: Rectification::Corrected, .. } => {
                    open(&mut out, Obligation::Correct, on)
                }
                Stage::FollowedUp { .. } => open(&mut out, Obligation::FollowUp, on),
                _ => {}
            }
        }
        out
    }

    /// The deadlines overdue on a day: not met by that day, last day passed,
    /// and not a right of the party (a right lapses instead).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::record::{CaseFile, Event, Obligation, Origin, Stage};
    /// use rouxing::Regime;
    ///
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
    /// let mut file = CaseFile::new("2025-001".parse()?);
    /// file.append(Event::new(d(2025, 3, 2)?, Stage::Started {
    ///     origin: Origin::Complaint,
    ///     party: "P-1".parse()?,
    ///     item: None,
    ///     act_on: d(2025, 3, 1)?,
    ///     discovered_on: d(2025, 3, 2)?,
    ///     limitation_ends: None,
    /// }))?;
    /// file.append(Event::new(d(2025, 3, 3)?, Stage::Filed { approved_by: "HEAD-1".parse()? }))?;
    /// let regime = Regime::national();
    /// // Ninety days from 3 March end on 1 June (Art. 60).
    /// assert!(file.overdue(&regime, d(2025, 6, 1)?).is_empty());
    /// let late = file.overdue(&regime, d(2025, 6, 2)?);
    /// assert_eq!(late.len(), 1);
    /// assert_eq!(late[0].obligation, Obligation::Decide);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn overdue(&self, regime: &Regime, on: NaiveDate) -> Vec<Deadline> {
        self.deadlines(regime).into_iter().filter(|d| d.status(on) == DeadlineStatus::Overdue).collect()
    }
}
