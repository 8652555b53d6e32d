//! The law of payment of a fine: what is due on a day.
//!
//! # Legal basis
//!
//! * 《中华人民共和国行政处罚法》第六十七条第三款: "当事人应当自收到行政处罚决定书之日起十五日内，到指定的
//!   银行或者通过电子支付系统缴纳罚款。" The last day is the fifteenth day after service (民法典
//!   第二百零一条), moved to the next working day when it is a rest day (第二百零三条).
//! * 第七十二条第一款第（一）项: "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得
//!   超出罚款的数额".
//! * 第七十三条第三款: "当事人申请行政复议、提起行政诉讼的，加处罚款的数额在行政复议或者行政诉讼期间不予
//!   计算。"
//! * 第六十六条第二款: "当事人确有经济困难，需要延期或者分期缴纳罚款的，经当事人申请和行政机关批准，可以
//!   暂缓或者分期缴纳。"
//!
//! # Rules chosen where the statute is silent
//!
//! * The surcharge of a day is 3 % (rounded down to the 分) of the part of
//!   the fine that is overdue and unpaid on that day: "罚款数额" read as the
//!   amount still owed, so that a party who paid part is not surcharged on
//!   what was paid. The surcharge in total never exceeds the fine.
//! * A payment settles the fine first and the surcharge after it, so that
//!   the surcharge stops growing as soon as the fine is paid.
//! * Days during a review or litigation are not counted: from the day the
//!   challenge is recorded until the day its end is recorded.
//! * An approved deferral moves the last day of the unpaid part; approved
//!   instalments replace it with a schedule whose parts add up to the unpaid
//!   part.

use chrono::NaiveDate;

use crate::money::Money;

/// The surcharge rate, per mille a day (Art. 72 (一): 百分之三).
const SURCHARGE_PERMILLE: u32 = 30;

/// What is owed on a fine and how it grows.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Payment {
    /// The fine.
    pub(crate) fine: Money,
    /// The schedule: by each day, the cumulative part of the fine due.
    pub(crate) schedule: Vec<(NaiveDate, Money)>,
    /// All payments so far.
    pub(crate) paid: Money,
    /// The surcharge accrued up to `accrued_to`.
    pub(crate) surcharge: Money,
    /// The last day accounted for.
    pub(crate) accrued_to: NaiveDate,
    /// Whether a review or litigation is running.
    pub(crate) paused: bool,
    /// Whether a deferral or instalments were approved.
    pub(crate) rescheduled: bool,
}

impl Payment {
    /// A fine served on `served_on`, due on `last_day`.
    pub(crate) fn new(fine: Money, served_on: NaiveDate, last_day: NaiveDate) -> Payment {
        Payment {
            fine,
            schedule: vec![(last_day, fine)],
            paid: Money::ZERO,
            surcharge: Money::ZERO,
            accrued_to: served_on,
            paused: false,
            rescheduled: false,
        }
    }

    /// The part of the fine paid (payments settle the fine first).
    pub(crate) fn principal_paid(&self) -> Money {
        self.paid.min(self.fine)
    }

    /// The part of the fine not yet paid.
    pub(crate) fn principal_unpaid(&self) -> Money {
        self.fine.saturating_sub(self.paid)
    }

    /// The fine and surcharge still owed as accrued.
    pub(crate) fn outstanding(&self) -> Money {
        self.fine.saturating_add(self.surcharge).saturating_sub(self.paid)
    }

    /// The last day of the schedule.
    pub(crate) fn last_due(&self) -> Option<NaiveDate> {
        self.schedule.last().map(|(d, _)| *d)
    }

    /// The part of the fine due by the end of `day`.
    fn due_by(&self, day: NaiveDate) -> Money {
        self.schedule.iter().take_while(|(d, _)| *d <= day).last().map_or(Money::ZERO, |(_, m)| *m)
    }

    /// Accrues the surcharge for every day after `accrued_to` up to and
    /// including `to`.
    pub(crate) fn accrue(&mut self, to: NaiveDate) {
        if to <= self.accrued_to {
            return;
        }
        if self.paused {
            self.accrued_to = to;
            return;
        }
        let mut day = self.accrued_to;
        while day < to && self.surcharge < self.fine {
            // The overdue amount is constant until the next due day passes:
            // on day `day + 1` what was due by the end of `day` is overdue.
            let next_due = self.schedule.iter().map(|(d, _)| *d).find(|d| *d > day);
            let segment_end = next_due.map_or(to, |d| d.min(to));
            let days = u64::try_from((segment_end - day).num_days()).unwrap_or(0);
            let overdue = self.due_by(day).saturating_sub(self.principal_paid());
            let daily = overdue.mul_permille_floor(SURCHARGE_PERMILLE).unwrap_or(Money::MAX);
            let add = daily.checked_mul(days).unwrap_or(Money::MAX);
            self.surcharge = self.surcharge.saturating_add(add).min(self.fine);
            day = segment_end;
        }
        self.accrued_to = to;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn surcharge_runs_after_the_last_day_and_is_capped() {
        let mut p = Payment::new(Money::yuan(1_000), d(2025, 4, 1), d(2025, 4, 16));
        p.accrue(d(2025, 4, 16));
        assert_eq!(p.surcharge, Money::ZERO);
        p.accrue(d(2025, 4, 18));
        assert_eq!(p.surcharge, Money::yuan(60));
        p.accrue(d(2026, 1, 1));
        assert_eq!(p.surcharge, Money::yuan(1_000));
        assert_eq!(p.outstanding(), Money::yuan(2_000));
    }

    #[test]
    fn a_pause_stops_the_count() {
        let mut p = Payment::new(Money::yuan(1_000), d(2025, 4, 1), d(2025, 4, 16));
        p.accrue(d(2025, 4, 17));
        p.paused = true;
        p.accrue(d(2025, 6, 1));
        p.paused = false;
        p.accrue(d(2025, 6, 2));
        assert_eq!(p.surcharge, Money::yuan(60));
    }
}
