//! Civil dates and legal periods: age in completed years (周岁), periods of
//! days, months and years (期间), and working days (工作日).
//!
//! Everything here is a pure function of its arguments. Nothing reads a clock:
//! the caller always says which day "today" is.
//!
//! * [`age_on`] — age in completed years, the test behind Art. 30 of the
//!   Administrative Penalty Law (no penalty under 14, mandatory lighter
//!   penalty from 14 to 17).
//! * [`add_days`], [`add_months`], [`add_years`] and [`Period`] — periods
//!   counted under Arts. 200–202 of the Civil Code (《民法典》).
//! * [`WorkCalendar`] — working days under Art. 85 of the Administrative
//!   Penalty Law, with the official 2019–2026 schedule bundled
//!   ([`WorkCalendar::china`]), and the holiday extension of Art. 203 of the
//!   Civil Code ([`WorkCalendar::extend_if_holiday`]).
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use rouxing::calendar::{Period, ScheduleBasis, WorkCalendar};
//!
//! let served = NaiveDate::from_ymd_opt(2024, 9, 30).ok_or("bad date")?;
//! // "七日" in the Administrative Penalty Law means seven working days.
//! let deadline = WorkCalendar::china().add_working_days(served, 7);
//! assert_eq!(deadline.date, NaiveDate::from_ymd_opt(2024, 10, 15).ok_or("bad date")?);
//! assert_eq!(deadline.basis, ScheduleBasis::Official);
//!
//! // A period in years ends on the corresponding day.
//! let act = NaiveDate::from_ymd_opt(2021, 3, 1).ok_or("bad date")?;
//! let last = Period::Years(2).last_day(act).ok_or("out of range")?;
//! assert_eq!(last, NaiveDate::from_ymd_opt(2023, 3, 1).ok_or("bad date")?);
//! assert_eq!(Period::Years(2).to_string(), "二年");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

mod china_2019_2026;
mod statutory;

pub use statutory::{Festival, HolidayText, StatutoryDay, StatutoryDayKind, statutory_days};

/// The licence notice of the bundled holiday schedule (NateScarlet/holiday-cn,
/// MIT License), which the MIT License asks to be carried with every copy:
/// a program that embeds [`WorkCalendar::china`] can show it with its own
/// notices.
///
/// # Example
///
/// ```
/// assert!(rouxing::calendar::HOLIDAY_DATA_NOTICE.contains("Copyright (c) 2019 NateScarlet"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const HOLIDAY_DATA_NOTICE: &str = include_str!("../data/holidays/LICENSE-holidays-cn");

// ---------------------------------------------------------------------------
// Age
// ---------------------------------------------------------------------------

/// Age in completed years (周岁) of a person born on `birth`, on the day `on`.
///
/// A new year of age begins on the day **after** the birthday, not on the
/// birthday itself: a person born on 2008-03-01 is 13 on 2022-03-01 and 14
/// from 2022-03-02. For a person born on 29 February the birthday in a common
/// year is 28 February (the month has no corresponding day, so its last day
/// is taken), and the new age therefore begins on 1 March; in a leap year the
/// birthday is 29 February and the new age again begins on 1 March.
///
/// If `on` is before `birth` the result is 0.
///
/// # Legal basis
///
/// 《最高人民法院关于审理未成年人刑事案件具体应用法律若干问题的解释》
/// (法释〔2006〕1号) Art. 2: "“周岁”，按照公历的年、月、日计算，从周岁生日的第二天起算。"
/// The same reckoning is applied to the ages in 《行政处罚法》Art. 30:
/// "不满十四周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教；
/// 已满十四周岁不满十八周岁的未成年人有违法行为的，应当从轻或者减轻行政处罚。"
/// So a person acting on their fourteenth birthday is still "不满十四周岁".
///
/// For a birthday on 29 February, 《民法典》Art. 202: "按照年、月计算期间的，
/// 到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日。"
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::calendar::age_on;
///
/// let birth = NaiveDate::from_ymd_opt(2008, 3, 1).ok_or("bad date")?;
/// let birthday = NaiveDate::from_ymd_opt(2022, 3, 1).ok_or("bad date")?;
/// let day_after = NaiveDate::from_ymd_opt(2022, 3, 2).ok_or("bad date")?;
/// assert_eq!(age_on(birth, birthday), 13);
/// assert_eq!(age_on(birth, day_after), 14);
///
/// let leap = NaiveDate::from_ymd_opt(2008, 2, 29).ok_or("bad date")?;
/// assert_eq!(age_on(leap, NaiveDate::from_ymd_opt(2022, 2, 28).ok_or("bad date")?), 13);
/// assert_eq!(age_on(leap, NaiveDate::from_ymd_opt(2022, 3, 1).ok_or("bad date")?), 14);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> u32 {
    let Ok(years) = u32::try_from(i64::from(on.year()) - i64::from(birth.year())) else {
        return 0;
    };
    if years == 0 {
        return 0;
    }
    // The birthday in `on`'s year always exists (it is clamped to the end of
    // February), since that year is representable.
    match add_years(birth, years) {
        Some(birthday) if birthday < on => years,
        _ => years - 1,
    }
}

// ---------------------------------------------------------------------------
// Day, month and year arithmetic
// ---------------------------------------------------------------------------

/// The date `years` years after `date`: the corresponding day, or the last
/// day of the month when there is none (29 February in a common year).
///
/// Returns `None` only when the result is outside chrono's date range.
///
/// # Legal basis
///
/// 《民法典》Art. 202: "按照年、月计算期间的，到期月的对应日为期间的最后一日；
/// 没有对应日的，月末日为期间的最后一日。"
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::calendar::add_years;
///
/// let leap = NaiveDate::from_ymd_opt(2024, 2, 29).ok_or("bad date")?;
/// assert_eq!(add_years(leap, 1), NaiveDate::from_ymd_opt(2025, 2, 28));
/// assert_eq!(add_years(leap, 4), NaiveDate::from_ymd_opt(2028, 2, 29));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn add_years(date: NaiveDate, years: u32) -> Option<NaiveDate> {
    add_months(date, years.checked_mul(12)?)
}

/// The date `months` months after `date`: the corresponding day, or the last
/// day of the month when there is none (the 31st in a 30-day month, the
/// 29th–31st in February).
///
/// Returns `None` only when the result is outside chrono's date range.
///
/// # Legal basis
///
/// 《民法典》Art. 202: "按照年、月计算期间的，到期月的对应日为期间的最后一日；
/// 没有对应日的，月末日为期间的最后一日。"
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::calendar::add_months;
///
/// let date = NaiveDate::from_ymd_opt(2023, 8, 31).ok_or("bad date")?;
/// assert_eq!(add_months(date, 1), NaiveDate::from_ymd_opt(2023, 9, 30));
/// assert_eq!(add_months(date, 6), NaiveDate::from_ymd_opt(2024, 2, 29));
/// assert_eq!(add_months(date, 12), NaiveDate::from_ymd_opt(2024, 8, 31));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    // chrono clamps to the month's last day, which is Art. 202's rule.
    date.checked_add_months(Months::new(months))
}

/// The date `months` months before `date`: the corresponding day, or the
/// last day of the month when there is none. Used to open look-back windows
/// ("两年内", "十二个月内").
///
/// Returns `None` only when the result is outside chrono's date range.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::calendar::sub_months;
///
/// let date = NaiveDate::from_ymd_opt(2024, 3, 31).ok_or("bad date")?;
/// assert_eq!(sub_months(date, 1), NaiveDate::from_ymd_opt(2024, 2, 29));
/// assert_eq!(sub_months(date, 24), NaiveDate::from_ymd_opt(2022, 3, 31));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn sub_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_sub_months(Months::new(months))
}

/// The date `days` days after `date`.
///
/// Returns `None` only when the result is outside chrono's date range.
///
/// # Legal basis
///
/// 《民法典》Art. 201: "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。"
/// A period of `days` days triggered on `date` therefore ends on
/// `add_days(date, days)`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::calendar::add_days;
///
/// let trigger = NaiveDate::from_ymd_opt(2024, 1, 10).ok_or("bad date")?;
/// assert_eq!(add_days(trigger, 15), NaiveDate::from_ymd_opt(2024, 1, 25));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn add_days(date: NaiveDate, days: u32) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(u64::from(days)))
}

// ---------------------------------------------------------------------------
// Chinese numerals
// ---------------------------------------------------------------------------

/// The Chinese numeral digit for `d` (0–9).
const fn digit_char(d: u32) -> char {
    match d {
        1 => '一',
        2 => '二',
        3 => '三',
        4 => '四',
        5 => '五',
        6 => '六',
        7 => '七',
        8 => '八',
        9 => '九',
        _ => '零',
    }
}

/// Writes a group of four digits (1–9999). `leading` is true when nothing has
/// been written before it, so that 10–19 read "十…" rather than "一十…".
fn push_group(out: &mut String, group: u32, leading: bool) {
    let places = [(1000, "千"), (100, "百"), (10, "十"), (1, "")];
    let mut started = false;
    let mut zero_pending = false;
    for (place, unit) in places {
        let d = group / place % 10;
        if d == 0 {
            zero_pending |= started;
            continue;
        }
        if zero_pending {
            out.push('零');
            zero_pending = false;
        }
        let omit_one = place == 10 && d == 1 && leading && !started;
        if !omit_one {
            out.push(digit_char(d));
        }
        out.push_str(unit);
        started = true;
    }
}

/// `n` written in Chinese numerals as in statute text: 1 → 一, 10 → 十,
/// 11 → 十一, 90 → 九十, 101 → 一百零一, 110 → 一百一十,
/// 2021 → 二千零二十一, 100000 → 十万.
///
/// Uses 二 (not 两) throughout, as statutes do ("二年", "二千元").
pub(crate) fn chinese_numeral(n: u32) -> String {
    if n == 0 {
        return String::from("零");
    }
    let groups = [(n / 100_000_000, "亿"), (n / 10_000 % 10_000, "万"), (n % 10_000, "")];
    let mut out = String::new();
    let mut zero_pending = false;
    for (group, unit) in groups {
        if group == 0 {
            zero_pending = !out.is_empty();
            continue;
        }
        if !out.is_empty() && (zero_pending || group < 1000) {
            out.push('零');
        }
        zero_pending = false;
        let leading = out.is_empty();
        push_group(&mut out, group, leading);
        out.push_str(unit);
    }
    out
}

// ---------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------

/// The unit in which a [`Period`] is counted.
///
/// # Example
///
/// ```
/// use rouxing::calendar::{Period, PeriodUnit};
///
/// let unit: PeriodUnit = "months".parse()?;
/// assert_eq!(unit, PeriodUnit::Months);
/// assert_eq!(Period::new(unit, 3), Period::Months(3));
/// assert_eq!(PeriodUnit::Years.to_string(), "years");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum PeriodUnit {
    /// Days (日).
    Days,
    /// Months (个月).
    Months,
    /// Years (年).
    Years,
}

/// A period (期间) counted in days, months or years from a triggering day.
///
/// Serialises externally tagged in snake case, e.g. `{"years": 2}`, and
/// displays as its name in statute text, e.g. "二年", "三个月", "九十日"
/// (see [`Period::legal_name`]).
///
/// # Legal basis
///
/// 《民法典》Art. 200: "民法所称的期间按照公历年、月、日、小时计算。"
/// Art. 201: "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。"
/// Art. 202: "按照年、月计算期间的，到期月的对应日为期间的最后一日；
/// 没有对应日的，月末日为期间的最后一日。"
/// Art. 204: "期间的计算方法依照本法的规定，但是法律另有规定或者当事人另有约定的除外。"
/// 《行政处罚法》Art. 85 is such a special rule: its "二日""三日""五日""七日" are
/// working days (see [`WorkCalendar::add_working_days`]), not `Period::Days`.
///
/// # Example
///
/// ```
/// use rouxing::calendar::Period;
///
/// let p: Period = serde_json::from_str(r#"{"years": 2}"#)?;
/// assert_eq!(p, Period::Years(2));
/// assert_eq!(serde_json::to_string(&Period::Days(90))?, r#"{"days":90}"#);
/// assert_eq!(Period::Months(3).to_string(), "三个月");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// A number of days (日).
    Days(u32),
    /// A number of months (个月).
    Months(u32),
    /// A number of years (年).
    Years(u32),
}

impl Period {
    /// A period of `count` units.
    ///
    /// # Example
    ///
    /// ```
    /// use rouxing::calendar::{Period, PeriodUnit};
    ///
    /// assert_eq!(Period::new(PeriodUnit::Days, 15), Period::Days(15));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn new(unit: PeriodUnit, count: u32) -> Self {
        match unit {
            PeriodUnit::Days => Self::Days(count),
            PeriodUnit::Months => Self::Months(count),
            PeriodUnit::Years => Self::Years(count),
        }
    }

    /// The unit the period is counted in.
    ///
    /// # Example
    ///
    /// ```
    /// use rouxing::calendar::{Period, PeriodUnit};
    ///
    /// assert_eq!(Period::Years(2).unit(), PeriodUnit::Years);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn unit(self) -> PeriodUnit {
        match self {
            Self::Days(_) => PeriodUnit::Days,
            Self::Months(_) => PeriodUnit::Months,
            Self::Years(_) => PeriodUnit::Years,
        }
    }

    /// The number of units.
    ///
    /// # Example
    ///
    /// ```
    /// use rouxing::calendar::Period;
    ///
    /// assert_eq!(Period::Days(90).count(), 90);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn count(self) -> u32 {
        match self {
            Self::Days(n) | Self::Months(n) | Self::Years(n) => n,
        }
    }

    /// The last day of the period triggered on `trigger` (e.g. the day of the
    /// act, or the day a decision was served).
    ///
    /// The trigger day itself is not counted; a period of days ends `n` days
    /// later, a period of months or years on the corresponding day, or on the
    /// last day of the month when there is no corresponding day. A period of
    /// zero ends on the trigger day.
    ///
    /// This does not move a last day that falls on a holiday; apply
    /// [`WorkCalendar::extend_if_holiday`] where Art. 203 of the Civil Code
    /// applies. Returns `None` only when the result is outside chrono's date
    /// range.
    ///
    /// # Legal basis
    ///
    /// 《民法典》Art. 201: "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。"
    /// Art. 202: "按照年、月计算期间的，到期月的对应日为期间的最后一日；
    /// 没有对应日的，月末日为期间的最后一日。"
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::calendar::Period;
    ///
    /// let act = NaiveDate::from_ymd_opt(2021, 3, 1).ok_or("bad date")?;
    /// assert_eq!(Period::Years(2).last_day(act), NaiveDate::from_ymd_opt(2023, 3, 1));
    /// assert_eq!(Period::Days(90).last_day(act), NaiveDate::from_ymd_opt(2021, 5, 30));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn last_day(self, trigger: NaiveDate) -> Option<NaiveDate> {
        match self {
            Self::Days(n) => add_days(trigger, n),
            Self::Months(n) => add_months(trigger, n),
            Self::Years(n) => add_years(trigger, n),
        }
    }

    /// The period as written in statute text: "二年", "三个月", "九十日".
    ///
    /// # Example
    ///
    /// ```
    /// use rouxing::calendar::Period;
    ///
    /// assert_eq!(Period::Years(2).legal_name(), "二年");
    /// assert_eq!(Period::Months(3).legal_name(), "三个月");
    /// assert_eq!(Period::Days(15).legal_name(), "十五日");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn legal_name(self) -> String {
        let suffix = match self {
            Self::Days(_) => "日",
            Self::Months(_) => "个月",
            Self::Years(_) => "年",
        };
        let mut name = chinese_numeral(self.count());
        name.push_str(suffix);
        name
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.legal_name())
    }
}

// ---------------------------------------------------------------------------
// Working days
// ---------------------------------------------------------------------------

/// One listed day of a holiday schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Entry {
    /// The day.
    date: NaiveDate,
    /// `true` for a day off (法定节假日 or a day off in lieu), `false` for an
    /// adjusted working day (调休上班).
    off_day: bool,
}

/// Builds a table entry at compile time; an impossible date in the generated
/// table fails the build.
#[expect(
    clippy::panic,
    reason = "only evaluated in `static` initialisers, so a bad table entry is a compile error"
)]
const fn entry(year: i32, month: u32, day: u32, off_day: bool) -> Entry {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => Entry { date, off_day },
        None => panic!("invalid date in the generated holiday table"),
    }
}

/// Whether `date` is Monday to Friday.
fn is_weekday(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Number of Mondays–Fridays in `(from, to]`; 0 when `to <= from`.
fn weekdays_between(from: NaiveDate, to: NaiveDate) -> u64 {
    let days = u64::try_from(to.signed_duration_since(from).num_days()).unwrap_or(0);
    let start = u64::from(from.weekday().num_days_from_monday());
    let partial = (1..=days % 7).filter(|k| (start + k) % 7 < 5).map(|_| 1u64).sum::<u64>();
    days / 7 * 5 + partial
}

/// The `n`-th Monday–Friday after `from` (`from` itself if `n` is 0).
fn add_weekdays(from: NaiveDate, n: u32) -> Option<NaiveDate> {
    if n == 0 {
        return Some(from);
    }
    let weeks = (n - 1) / 5;
    let mut left = n - weeks * 5;
    let mut date = from.checked_add_days(Days::new(u64::from(weeks) * 7))?;
    loop {
        date = date.succ_opt()?;
        if is_weekday(date) {
            left -= 1;
            if left == 0 {
                return Some(date);
            }
        }
    }
}

/// Counts up to this many working days are walked day by day; longer ones
/// skip whole years first.
#[cfg(test)]
const SHORT_COUNT: u32 = 64;

/// 31 December of `year`.
#[cfg(test)]
fn year_end(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 12, 31)
}

/// What a working-day result rests on, from the firmest to the weakest.
///
/// Ordered: `Official < Provisional < WeekendsOnly`; a count spanning
/// several years rests on the weakest of them.
///
/// # Legal basis
///
/// 《行政处罚法》Art. 85: "本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。"
/// The 法定节假日 are those of 《全国年节及纪念日放假办法》 as arranged each year by the
/// notice of the General Office of the State Council; [`ScheduleBasis::Provisional`]
/// marks a year for which only the 办法 itself was applied
/// ([`statutory_days`]).
///
/// # Example
///
/// ```
/// use rouxing::calendar::ScheduleBasis;
///
/// assert_eq!(ScheduleBasis::Provisional.to_string(), "provisional");
/// assert_eq!("official".parse::<ScheduleBasis>()?, ScheduleBasis::Official);
/// assert!(ScheduleBasis::Official < ScheduleBasis::Provisional);
/// assert_eq!(ScheduleBasis::Official.note_zh(), None);
/// assert!(ScheduleBasis::Provisional.note_zh().is_some_and(|n| n.contains("暂定")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # JSON
///
/// A JSON string, one of these codes:
///
/// | code | 中文 |
/// |---|---|
/// | `official` | 依国务院办公厅公布的放假安排 |
/// | `provisional` | 依《全国年节及纪念日放假办法》推定（待公布） |
/// | `weekends_only` | 仅按周六、周日计 |
///
/// ```
/// use rouxing::calendar::ScheduleBasis;
///
/// let basis: ScheduleBasis = serde_json::from_str(r#""provisional""#)?;
/// assert_eq!(basis, ScheduleBasis::Provisional);
/// # use strum::IntoEnumIterator;
/// # let codes = ["official", "provisional", "weekends_only"];
/// # assert_eq!(ScheduleBasis::iter().count(), codes.len());
/// # for (v, code) in ScheduleBasis::iter().zip(codes) {
/// #     assert_eq!(serde_json::to_value(v)?, code);
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ScheduleBasis {
    /// Every day counted lies in a year whose published schedule (the State
    /// Council's annual notice) the calendar holds.
    Official,
    /// Some day counted lies in a year whose schedule has not been published
    /// (or is not loaded); there the statutory holidays of
    /// 《全国年节及纪念日放假办法》 and their make-up days were applied, without
    /// the weekend working days that only the notice sets. The date is
    /// provisional until that year's notice is loaded.
    Provisional,
    /// Some day counted lies in a year for which neither a schedule nor the
    /// statutory rule was available (before 2008, after 2100, or a calendar
    /// built with [`Fallback::WeekendsOnly`]): only Saturdays and Sundays
    /// were treated as days off.
    WeekendsOnly,
}

impl ScheduleBasis {
    /// The Chinese legal name of the basis.
    ///
    /// # Example
    ///
    /// ```
    /// use rouxing::calendar::ScheduleBasis;
    ///
    /// assert_eq!(ScheduleBasis::Official.legal_name(), "按国务院办公厅公布的节假日安排");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn legal_name(self) -> &'static str {
        match self {
            Self::Official => "按国务院办公厅公布的节假日安排",
            Self::Provisional => "按《全国年节及纪念日放假办法》推算（暂定）",
            Self::WeekendsOnly => "仅按周末推算",
        }
    }

    /// The note an explanation attaches to a deadline on this basis, or
    /// `None` for [`ScheduleBasis::Official`], which needs none.
    ///
    /// # Example
    ///
    /// ```
    /// use rouxing::calendar::ScheduleBasis;
    ///
    /// assert_eq!(
    ///     ScheduleBasis::WeekendsOnly.note_zh(),
    ///     Some("（超出节假日表，仅按周末推算）"),
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn note_zh(self) -> Option<&'static str> {
        match self {
            Self::Official => None,
            Self::Provisional => Some(
                "（该年节假日安排尚未公布，按《全国年节及纪念日放假办法》第二条、第六条推算，暂定，以国务院办公厅通知为准）",
            ),
            Self::WeekendsOnly => Some("（超出节假日表，仅按周末推算）"),
        }
    }
}

/// What a [`WorkCalendar`] applies to a year whose published schedule it
/// does not hold.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::calendar::{Fallback, WorkCalendar};
///
/// let new_year_2027 = NaiveDate::from_ymd_opt(2027, 1, 1).ok_or("bad date")?;
/// assert!(!WorkCalendar::china().is_working_day(new_year_2027));
/// let plain = WorkCalendar::china().with_fallback(Fallback::WeekendsOnly);
/// assert!(plain.is_working_day(new_year_2027));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Fallback {
    /// The statutory holidays of 《全国年节及纪念日放假办法》 in the version in
    /// force, with the make-up days of its Art. 6 ([`statutory_days`]),
    /// for 2008–2100; weekends only outside that range. Results rest on
    /// [`ScheduleBasis::Provisional`].
    Statutory,
    /// Saturdays and Sundays only; results rest on
    /// [`ScheduleBasis::WeekendsOnly`].
    WeekendsOnly,
}

/// The result of counting working days: the date and what it rests on.
///
/// Serialises as `{"date": "2027-01-04", "basis": "provisional"}`.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::calendar::{ScheduleBasis, WorkCalendar};
///
/// // 2026-12-31 + 1 working day: 元旦 2027 is a statutory holiday, and the
/// // 2027 notice is not bundled.
/// let from = NaiveDate::from_ymd_opt(2026, 12, 31).ok_or("bad date")?;
/// let deadline = WorkCalendar::china().add_working_days(from, 1);
/// assert_eq!(deadline.date, NaiveDate::from_ymd_opt(2027, 1, 4).ok_or("bad date")?);
/// assert_eq!(deadline.basis, ScheduleBasis::Provisional);
/// assert!(!deadline.is_official());
/// assert_eq!(serde_json::to_string(&deadline)?, r#"{"date":"2027-01-04","basis":"provisional"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WorkingDayDeadline {
    /// The last working day of the period.
    pub date: NaiveDate,
    /// What `date` rests on.
    pub basis: ScheduleBasis,
}

impl WorkingDayDeadline {
    /// Whether the date rests on the published schedule
    /// ([`ScheduleBasis::Official`]).
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::calendar::WorkCalendar;
    ///
    /// let from = NaiveDate::from_ymd_opt(2024, 9, 30).ok_or("bad date")?;
    /// assert!(WorkCalendar::china().add_working_days(from, 7).is_official());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn is_official(&self) -> bool {
        matches!(self.basis, ScheduleBasis::Official)
    }
}

/// A schedule of working days: Monday to Friday, except listed days off
/// (法定节假日 and days off in lieu), plus listed weekend days worked in lieu
/// (调休上班); in years whose schedule is not held, the [`Fallback`].
///
/// The calendar *covers* a set of years, those whose published schedule it
/// holds. A listed day always follows the list, even in a year not covered
/// (the 2019 notice, for instance, makes Saturday 2018-12-29 a working day);
/// an unlisted day in a covered year follows the weekday rule; an unlisted
/// day in another year follows the fallback ([`Fallback::Statutory`] for
/// [`WorkCalendar::china`] and for loaded tables).
///
/// # Supplying a calendar
///
/// * [`WorkCalendar::china`] — the bundled 2019–2026 schedule (the default of
///   every regime and case file).
/// * [`WorkCalendar::from_json`] — a table loaded at run time, for instance
///   `data/holidays/holidays-cn.json` extended with next year's notice. A
///   caller sets it on a regime (`regime.calendar = …`, read by
///   [`crate::assess()`]) or on a case file
///   ([`crate::record::CaseFile::with_calendar`]).
/// * [`WorkCalendar::with_regional`] — regional holidays of minority
///   nationality areas (《全国年节及纪念日放假办法》 Art. 4) on top.
///
/// ## Transcribing a State Council notice
///
/// A notice (国务院办公厅关于2027年部分节假日安排的通知) lists, for each holiday, the
/// days off ("2月5日至12日放假调休，共8天") and the weekend days worked
/// ("2月14日（周日）上班"). Transcribe it as one entry of `years`: every day off
/// with `"off_day": true` (all of them, including the weekend days inside the
/// break) and every weekend day worked with `"off_day": false`; put the
/// notice's address in `papers`:
///
/// ```json
/// {"years": {"2027": {
///   "papers": ["https://www.gov.cn/…/content_….htm"],
///   "days": [
///     {"date": "2027-01-01", "name": "元旦", "off_day": true},
///     {"date": "2027-02-05", "name": "春节", "off_day": true},
///     {"date": "2027-02-14", "name": "春节", "off_day": false}
///   ]
/// }}}
/// ```
///
/// Once a year is listed under `years` it is *covered*: only its listed days
/// differ from Monday–Friday, and results in it rest on
/// [`ScheduleBasis::Official`]. So list a year only with its complete notice.
///
/// # Speed
///
/// A query is answered from the sorted list (binary search) and, in a
/// fallback year, from that year's at most 26 statutory days; counting
/// working days skips whole years by counting their exceptions, so a count
/// costs O(log n) per year crossed plus at most one year walked day by day.
///
/// # Legal basis
///
/// 《行政处罚法》Art. 85: "本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。"
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::calendar::{ScheduleBasis, WorkCalendar};
///
/// let cal = WorkCalendar::china();
/// // National Day 2024: Tuesday 1 October is a public holiday,
/// // Saturday 12 October is worked in lieu.
/// assert!(!cal.is_working_day(NaiveDate::from_ymd_opt(2024, 10, 1).ok_or("bad date")?));
/// assert!(cal.is_working_day(NaiveDate::from_ymd_opt(2024, 10, 12).ok_or("bad date")?));
/// // 2027 is not published yet: 除夕 (5 February) is a statutory holiday.
/// let eve = NaiveDate::from_ymd_opt(2027, 2, 5).ok_or("bad date")?;
/// assert!(!cal.is_working_day(eve));
/// assert_eq!(cal.basis_on(eve), ScheduleBasis::Provisional);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WorkCalendar {
    /// Covered years, strictly ascending.
    years: Cow<'static, [i32]>,
    /// Listed days, strictly ascending by date.
    days: Cow<'static, [Entry]>,
    /// What applies to uncovered years.
    fallback: Fallback,
    /// The days whose status differs from the weekday rule, built from the
    /// three fields above on first use.
    index: ExceptionIndex,
}

/// The days on which a calendar differs from Monday–Friday (a weekday off,
/// a weekend day worked), ascending, with running sums of their effect on
/// a count of working days: the precomputed index that answers
/// [`WorkCalendar::is_working_day`] in O(log n) and
/// [`WorkCalendar::checked_add_working_days`] in O(log n) of the days
/// listed or fixed by the statutory rule.
///
/// A cache of what the other fields of [`WorkCalendar`] determine: it is
/// built once per calendar value (and shared by its clones), is invisible to
/// equality and hashing, and is never serialised.
#[derive(Clone, Default)]
struct ExceptionIndex(std::sync::OnceLock<std::sync::Arc<Exceptions>>);

/// The content of an [`ExceptionIndex`].
struct Exceptions {
    /// Days since the common era ([`Datelike::num_days_from_ce`]) of each
    /// exception, strictly ascending.
    days: Vec<i32>,
    /// `cum[i]`: working days added (a weekend day worked, +1) minus those
    /// removed (a weekday off, −1) by the exceptions before `i`; one longer
    /// than `days`.
    cum: Vec<i32>,
}

impl ExceptionIndex {
    const fn new() -> Self {
        Self(std::sync::OnceLock::new())
    }
}

impl fmt::Debug for ExceptionIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.get() {
            Some(ex) => write!(f, "ExceptionIndex({} days)", ex.days.len()),
            None => f.write_str("ExceptionIndex(not built)"),
        }
    }
}

impl PartialEq for ExceptionIndex {
    /// Always equal: the index is derived from the calendar's other fields.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for ExceptionIndex {}

impl std::hash::Hash for ExceptionIndex {
    /// Hashes nothing: the index is derived from the calendar's other fields.
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

impl Exceptions {
    /// Exceptions on or before day `x`.
    fn count_through(&self, x: i32) -> usize {
        self.days.partition_point(|&d| d <= x)
    }

    /// The running sum after the first `i` exceptions.
    fn cum_at(&self, i: usize) -> i64 {
        self.cum.get(i).map_or(0, |&c| i64::from(c))
    }
}

/// `date` as days since the common era.
fn ce(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

impl Default for WorkCalendar {
    /// [`WorkCalendar::china`].
    fn default() -> Self {
        Self::china()
    }
}

impl WorkCalendar {
    /// The published schedule of the State Council for 2019–2026, bundled
    /// with the crate (from the NateScarlet/holiday-cn data set, MIT License;
    /// see `data/holidays/LICENSE-holidays-cn`), and the statutory rule
    /// ([`Fallback::Statutory`]) for other years.
    ///
    /// Builds from compiled-in tables: no parsing, no allocation, no failure.
    ///
    /// # Legal basis
    ///
    /// 《行政处罚法》Art. 85: "本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。"
    /// The days off and the weekend days worked in lieu are those fixed each
    /// year by the 国务院办公厅关于部分节假日安排的通知.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::calendar::WorkCalendar;
    ///
    /// let cal = WorkCalendar::china();
    /// assert_eq!(cal.covered_years(), &[2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    /// assert!(cal.covers(NaiveDate::from_ymd_opt(2026, 12, 31).ok_or("bad date")?));
    /// assert!(!cal.covers(NaiveDate::from_ymd_opt(2027, 1, 1).ok_or("bad date")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn china() -> Self {
        Self {
            years: Cow::Borrowed(&china_2019_2026::YEARS),
            days: Cow::Borrowed(&china_2019_2026::DAYS),
            fallback: Fallback::Statutory,
            index: ExceptionIndex::new(),
        }
    }

    /// A calendar covering no year, with [`Fallback::WeekendsOnly`]: Monday
    /// to Friday are working days.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::calendar::{Fallback, WorkCalendar};
    ///
    /// let cal = WorkCalendar::weekends_only();
    /// assert!(cal.is_working_day(NaiveDate::from_ymd_opt(2024, 10, 1).ok_or("bad date")?));
    /// assert!(cal.covered_years().is_empty());
    /// // The statutory rule alone, for every year 2008–2100:
    /// let statutory = WorkCalendar::weekends_only().with_fallback(Fallback::Statutory);
    /// assert!(!statutory.is_working_day(NaiveDate::from_ymd_opt(2024, 10, 1).ok_or("bad date")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn weekends_only() -> Self {
        Self {
            years: Cow::Borrowed(&[]),
            days: Cow::Borrowed(&[]),
            fallback: Fallback::WeekendsOnly,
            index: ExceptionIndex::new(),
        }
    }

    /// The same calendar with `fallback` for uncovered years.
    ///
    /// # Example
    ///
    /// ```
    /// use rouxing::calendar::{Fallback, WorkCalendar};
    ///
    /// let cal = WorkCalendar::china().with_fallback(Fallback::WeekendsOnly);
    /// assert_eq!(cal.fallback(), Fallback::WeekendsOnly);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_fallback(mut self, fallback: Fallback) -> Self {
        self.fallback = fallback;
        self.index = ExceptionIndex::new();
        self
    }

    /// What applies to uncovered years.
    ///
    /// # Example
    ///
    /// ```
    /// use rouxing::calendar::{Fallback, WorkCalendar};
    ///
    /// assert_eq!(WorkCalendar::china().fallback(), Fallback::Statutory);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn fallback(&self) -> Fallback {
        self.fallback
    }

    /// The same calendar with the listed days of `regional` on top: the
    /// holidays (and any working days) a local government of a minority
    /// nationality area fixes. A day listed in `regional` overrides this
    /// calendar's listing and rule; the covered years (and so the basis of
    /// results) stay this calendar's.
    ///
    /// `regional` is a table in the format of [`WorkCalendar::from_json`];
    /// its `years` keys say which years the local arrangement was read for.
    ///
    /// # Legal basis
    ///
    /// 《全国年节及纪念日放假办法》Art. 4: "少数民族习惯的节日，由各少数民族聚居地区的地方人民政府，
    /// 按照各该民族习惯，规定放假日期。"
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::calendar::WorkCalendar;
    ///
    /// // A regional holiday (for instance 古尔邦节) fixed by a local government.
    /// let regional = WorkCalendar::from_json(r#"{"years": {"2024": {"days": [
    ///     {"date": "2024-06-17", "name": "古尔邦节", "off_day": true}
    /// ]}}}"#)?;
    /// let day = NaiveDate::from_ymd_opt(2024, 6, 17).ok_or("bad date")?;
    /// assert!(WorkCalendar::china().is_working_day(day));
    /// assert!(!WorkCalendar::china().with_regional(&regional).is_working_day(day));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_regional(self, regional: &WorkCalendar) -> Self {
        let mut merged: BTreeMap<NaiveDate, bool> = self.days.iter().map(|e| (e.date, e.off_day)).collect();
        merged.extend(regional.days.iter().map(|e| (e.date, e.off_day)));
        Self {
            years: self.years,
            days: Cow::Owned(merged.into_iter().map(|(date, off_day)| Entry { date, off_day }).collect()),
            fallback: self.fallback,
            index: ExceptionIndex::new(),
        }
    }

    /// Parses a holiday table in the shape of `data/holidays/holidays-cn.json`:
    ///
    /// ```json
    /// {
    ///   "about": "optional description",
    ///   "years": {
    ///     "2019": {
    ///       "papers": ["optional source URLs"],
    ///       "days": [{"date": "2018-12-29", "name": "元旦", "off_day": false}]
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// Each key of `years` is a covered year from 1949 to 2100; its `days`
    /// fall in that year or in the December before it (a notice for 2019
    /// fixes 2018-12-29); a day of any other year is refused as filed under
    /// the wrong year. A day
    /// needs `date` (`YYYY-MM-DD`) and `off_day`; `name` is optional. Unknown
    /// fields are rejected. A date may be listed more than once only with the
    /// same `off_day`. Uncovered years use [`Fallback::Statutory`]. See
    /// [`WorkCalendar`] for transcribing a State Council notice.
    ///
    /// # Errors
    ///
    /// [`LoadCalendarError`], naming the line and the field path, for
    /// malformed JSON, a missing or unknown field, a value of the wrong type,
    /// an invalid date or year (outside 1949 to 2100), a year listed twice, a
    /// date listed both as a day off and as a working day, or a date filed
    /// under a year it does not belong to.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::calendar::{LoadCalendarError, WorkCalendar};
    ///
    /// let cal = WorkCalendar::from_json(r#"{"years": {"2024": {"days": [
    ///     {"date": "2024-10-01", "name": "国庆节", "off_day": true},
    ///     {"date": "2024-10-12", "name": "国庆节", "off_day": false}
    /// ]}}}"#)?;
    /// assert!(!cal.is_working_day(NaiveDate::from_ymd_opt(2024, 10, 1).ok_or("bad date")?));
    /// assert!(cal.is_working_day(NaiveDate::from_ymd_opt(2024, 10, 12).ok_or("bad date")?));
    ///
    /// let err = WorkCalendar::from_json(r#"{"years": {"2019": {"days": [
    ///     {"date": "2019-13-01", "off_day": true}
    /// ]}}}"#).err().ok_or("expected an error")?;
    /// assert!(matches!(err, LoadCalendarError::InvalidDate { line: 2, .. }));
    /// assert_eq!(
    ///     err.to_string(),
    ///     "holiday table line 2: invalid date `2019-13-01` in field `years.2019.days[0].date`",
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Self, LoadCalendarError> {
        load::from_json(text)
    }

    /// The covered years, ascending.
    ///
    /// # Example
    ///
    /// ```
    /// use rouxing::calendar::WorkCalendar;
    ///
    /// assert_eq!(WorkCalendar::china().covered_years().first(), Some(&2019));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn covered_years(&self) -> &[i32] {
        &self.years
    }

    /// Whether the published schedule of `date`'s year is held.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::calendar::WorkCalendar;
    ///
    /// let cal = WorkCalendar::china();
    /// assert!(cal.covers(NaiveDate::from_ymd_opt(2019, 1, 1).ok_or("bad date")?));
    /// assert!(!cal.covers(NaiveDate::from_ymd_opt(2018, 12, 31).ok_or("bad date")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.covers_year(date.year())
    }

    /// Whether `year` is covered.
    fn covers_year(&self, year: i32) -> bool {
        self.years.binary_search(&year).is_ok()
    }

    /// Whether every year in `first..=last` is covered.
    fn covers_years(&self, first: i32, last: i32) -> bool {
        if last < first {
            return true;
        }
        let Ok(start) = self.years.binary_search(&first) else {
            return false;
        };
        // Years are strictly ascending, so the span is covered exactly when
        // the last year sits the right number of places further on.
        usize::try_from(i64::from(last) - i64::from(first))
            .ok()
            .and_then(|span| start.checked_add(span))
            .and_then(|end| self.years.get(end))
            .is_some_and(|&year| year == last)
    }

    /// Whether the statutory rule applies to `year`.
    fn rule_applies(&self, year: i32) -> bool {
        self.fallback == Fallback::Statutory && statutory::covers_year(year) && !self.covers_year(year)
    }

    /// What a result for a day in `year` rests on.
    fn year_basis(&self, year: i32) -> ScheduleBasis {
        if self.covers_year(year) {
            ScheduleBasis::Official
        } else if self.fallback == Fallback::Statutory && statutory::covers_year(year) {
            ScheduleBasis::Provisional
        } else {
            ScheduleBasis::WeekendsOnly
        }
    }

    /// What the working-day status of `date` rests on: the published
    /// schedule, the provisional statutory rule, or weekends only.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::calendar::{ScheduleBasis, WorkCalendar};
    ///
    /// let cal = WorkCalendar::china();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
    /// assert_eq!(cal.basis_on(d(2026, 10, 1)?), ScheduleBasis::Official);
    /// assert_eq!(cal.basis_on(d(2027, 10, 1)?), ScheduleBasis::Provisional);
    /// assert_eq!(cal.basis_on(d(2101, 10, 1)?), ScheduleBasis::WeekendsOnly);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn basis_on(&self, date: NaiveDate) -> ScheduleBasis {
        self.year_basis(date.year())
    }

    /// The weakest basis over the days in `(from, to]`.
    fn basis_between(&self, from: NaiveDate, to: NaiveDate) -> ScheduleBasis {
        let (Some(first), last) = (from.succ_opt(), to.year()) else {
            return ScheduleBasis::WeekendsOnly;
        };
        let first = first.year();
        if self.covers_years(first, last) {
            return ScheduleBasis::Official;
        }
        if self.fallback == Fallback::Statutory {
            let (lo, hi) = (statutory::FIRST_YEAR, statutory::last_year());
            // Outside the rule's range every year must be covered.
            let below = self.covers_years(first, last.min(lo - 1));
            let above = self.covers_years(first.max(hi + 1), last);
            if below && above {
                return ScheduleBasis::Provisional;
            }
        }
        ScheduleBasis::WeekendsOnly
    }

    /// The listed value of `date`: `Some(true)` for a listed day off.
    fn listed(&self, date: NaiveDate) -> Option<bool> {
        self.days
            .binary_search_by(|e| e.date.cmp(&date))
            .ok()
            .and_then(|i| self.days.get(i))
            .map(|e| e.off_day)
    }

    /// Whether `date` is a working day (工作日): a listed day as listed; in a
    /// covered year, otherwise Monday to Friday; in another year, the
    /// [`Fallback`]: Monday to Friday except the statutory holidays and
    /// make-up days ([`statutory_days`]), or Monday to Friday.
    ///
    /// # Legal basis
    ///
    /// 《行政处罚法》Art. 85: "本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。"
    /// For years without a published schedule, 《全国年节及纪念日放假办法》 Arts. 2 and 6.
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::calendar::WorkCalendar;
    ///
    /// let cal = WorkCalendar::china();
    /// // Spring Festival 2023: Saturday 28 January was worked in lieu.
    /// assert!(cal.is_working_day(NaiveDate::from_ymd_opt(2023, 1, 28).ok_or("bad date")?));
    /// assert!(!cal.is_working_day(NaiveDate::from_ymd_opt(2023, 1, 23).ok_or("bad date")?));
    /// // 元旦 2027, provisional.
    /// assert!(!cal.is_working_day(NaiveDate::from_ymd_opt(2027, 1, 1).ok_or("bad date")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        let day = ce(date);
        is_weekday(date) != self.exceptions().days.binary_search(&day).is_ok()
    }

    /// [`WorkCalendar::is_working_day`] from the listed days and the rule
    /// directly; what the exception index is built from.
    fn is_working_day_by_rule(&self, date: NaiveDate) -> bool {
        match self.listed(date) {
            Some(off_day) => !off_day,
            None => is_weekday(date) && !(self.rule_applies(date.year()) && statutory::is_off(date)),
        }
    }

    /// The exception index, built on first use: every listed day and every
    /// statutory day of a year the rule applies to whose status differs
    /// from the weekday rule. Every other day follows the weekday rule
    /// ([`WorkCalendar::is_working_day_by_rule`] reads only those two
    /// sources), so the index decides every day exactly as the rule does.
    fn exceptions(&self) -> &Exceptions {
        self.index.0.get_or_init(|| {
            let mut candidates: BTreeSet<NaiveDate> = self.days.iter().map(|e| e.date).collect();
            if self.fallback == Fallback::Statutory {
                for year in statutory::FIRST_YEAR..=statutory::last_year() {
                    if self.rule_applies(year) {
                        candidates.extend(statutory::year_days(year).iter().flat_map(|d| d.dates()));
                    }
                }
            }
            let mut days = Vec::new();
            let mut cum = vec![0i32];
            let mut sum = 0i32;
            for date in candidates {
                let working = self.is_working_day_by_rule(date);
                if working != is_weekday(date) {
                    days.push(ce(date));
                    sum += if working { 1 } else { -1 };
                    cum.push(sum);
                }
            }
            std::sync::Arc::new(Exceptions { days, cum })
        })
    }

    #[cfg(test)]
    /// The first and last day on which the calendar can differ from the
    /// weekday rule: the span of the covered years, the listed days and the
    /// years of the statutory rule.
    fn special_span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first_year = self.years.first().and_then(|&y| NaiveDate::from_ymd_opt(y, 1, 1));
        let last_year = self.years.last().and_then(|&y| year_end(y));
        let first_day = self.days.first().map(|e| e.date);
        let last_day = self.days.last().map(|e| e.date);
        let (rule_first, rule_last) = if self.fallback == Fallback::Statutory {
            (NaiveDate::from_ymd_opt(statutory::FIRST_YEAR, 1, 1), year_end(statutory::last_year()))
        } else {
            (None, None)
        };
        let first = first_year.into_iter().chain(first_day).chain(rule_first).min()?;
        let last = last_year.into_iter().chain(last_day).chain(rule_last).max()?;
        Some((first, last))
    }

    #[cfg(test)]
    /// Working days in `(from, to]`, for `to` no later than 31 December of
    /// `from.succ()`'s year, given that year's statutory days when the rule
    /// applies to it.
    fn working_days_in_year(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        rule: Option<&statutory::YearDays>,
    ) -> u64 {
        let mut count = i64::try_from(weekdays_between(from, to)).unwrap_or(i64::MAX);
        let start = self.days.partition_point(|e| e.date <= from);
        let end = self.days.partition_point(|e| e.date <= to);
        for e in self.days.get(start..end).unwrap_or(&[]) {
            count += i64::from(!e.off_day) - i64::from(is_weekday(e.date));
        }
        if let Some(days) = rule {
            for date in days.dates() {
                if date > from && date <= to && is_weekday(date) && self.listed(date).is_none() {
                    count -= 1;
                }
            }
        }
        u64::try_from(count).unwrap_or(0)
    }

    #[cfg(test)]
    /// [`WorkCalendar::is_working_day`] for a day of a year whose statutory
    /// days (when the rule applies to it) are `rule`.
    fn is_working_day_in(&self, date: NaiveDate, rule: Option<&statutory::YearDays>) -> bool {
        match self.listed(date) {
            Some(off_day) => !off_day,
            None => is_weekday(date) && !rule.is_some_and(|days| days.contains(date)),
        }
    }

    /// The `n`-th working day after `from`, from the exception index:
    /// O(log m) in the number m of exceptions, whatever `n`.
    ///
    /// The running count of working days W(x) over `(from, x]` only rises;
    /// a search over the exceptions after `from` (galloping, then binary)
    /// finds the last exception `e` with W(e) < n; between `e` and the next
    /// exception every day follows the weekday rule, so the answer is either
    /// the `remaining`-th weekday after `e` or that next exception itself
    /// (a weekend day worked).
    fn nth_working_day_after(&self, from: NaiveDate, n: u32) -> Option<NaiveDate> {
        if n == 0 {
            return Some(from);
        }
        let ex = self.exceptions();
        let target = i64::from(n);
        let start = ex.count_through(ce(from));
        let base = ex.cum_at(start);
        let all = ex.days.get(start..).unwrap_or(&[]);
        // W at the k-th exception after `from` (k from 0).
        let w_at = |k: usize| -> Option<i64> {
            let day = *all.get(k)?;
            let date = NaiveDate::from_num_days_from_ce_opt(day)?;
            let plain = i64::try_from(weekdays_between(from, date)).ok()?;
            Some(plain + ex.cum_at(start + k + 1) - base)
        };
        let below = |k: usize| w_at(k).is_some_and(|w| w < target);
        // Galloping: the first power-of-two bound whose exception reaches n.
        let mut hi = 1usize;
        while hi <= all.len() && below(hi - 1) {
            hi = hi.saturating_mul(2);
        }
        // The first `hi / 2` exceptions are below n; they form a prefix, so
        // its end lies in `hi / 2..=hi`: binary search.
        let (mut lo, mut hi) = (hi / 2, hi.min(all.len()));
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if below(mid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let passed = lo;
        let (cursor, counted) = match passed.checked_sub(1) {
            None => (from, 0),
            Some(k) => {
                let date = NaiveDate::from_num_days_from_ce_opt(*all.get(k)?)?;
                (date, w_at(k)?)
            }
        };
        let remaining = u32::try_from(target - counted).ok()?;
        match all.get(passed) {
            Some(&next) => {
                let next = NaiveDate::from_num_days_from_ce_opt(next)?;
                let plain = weekdays_between(cursor, next.pred_opt()?);
                if plain >= u64::from(remaining) { add_weekdays(cursor, remaining) } else { Some(next) }
            }
            None => add_weekdays(cursor, remaining),
        }
    }

    /// The `n`-th working day after `from`, walked year by year and day by
    /// day from the listed days and the rule: the reference the index is
    /// tested against.
    #[cfg(test)]
    fn nth_working_day_after_walk(&self, from: NaiveDate, n: u32) -> Option<NaiveDate> {
        let mut cursor = from;
        let mut remaining = n;
        if remaining == 0 {
            return Some(cursor);
        }
        if let Some((first, last)) = self.special_span() {
            // Before the special span: weekday rule, counted arithmetically.
            if cursor < first {
                let before = first.pred_opt()?;
                let available = weekdays_between(cursor, before);
                if available >= u64::from(remaining) {
                    return add_weekdays(cursor, remaining);
                }
                // `available < remaining <= u32::MAX`.
                remaining -= u32::try_from(available).ok()?;
                cursor = before;
            }
            // Inside the span: skip whole years by counting their
            // exceptions (only for long counts), then walk the year that
            // holds the answer, computing its statutory days once.
            while cursor < last {
                let next = cursor.succ_opt()?;
                let year = next.year();
                let segment_end = year_end(year)?.min(last);
                let rule = if self.rule_applies(year) { statutory::year_days(year) } else { None };
                if remaining > SHORT_COUNT {
                    let available = self.working_days_in_year(cursor, segment_end, rule.as_ref());
                    if available < u64::from(remaining) {
                        remaining -= u32::try_from(available).ok()?;
                        cursor = segment_end;
                        continue;
                    }
                }
                while cursor < segment_end {
                    cursor = cursor.succ_opt()?;
                    if self.is_working_day_in(cursor, rule.as_ref()) {
                        remaining -= 1;
                        if remaining == 0 {
                            return Some(cursor);
                        }
                    }
                }
            }
        }
        // After the special span: weekday rule, counted arithmetically.
        add_weekdays(cursor, remaining)
    }

    /// The `n`-th working day after `from`, or `None` if it lies beyond
    /// chrono's date range.
    ///
    /// Counting starts on the day after `from`, which is not counted; the
    /// result is the `n`-th working day. For `n` = 0 the result is `from`
    /// itself with [`ScheduleBasis::Official`] (no day was counted). The
    /// basis is the weakest over the days counted: [`ScheduleBasis::Provisional`]
    /// when one lies in a year whose schedule is not held and the statutory
    /// rule was applied, [`ScheduleBasis::WeekendsOnly`] when one lies where
    /// not even the rule applies.
    ///
    /// # Legal basis
    ///
    /// 《行政处罚法》Art. 85: "本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。"
    /// Counting from the next day follows 《民法典》Art. 201:
    /// "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。"
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::calendar::WorkCalendar;
    ///
    /// let cal = WorkCalendar::china();
    /// let from = NaiveDate::from_ymd_opt(2021, 9, 30).ok_or("bad date")?;
    /// let deadline = cal.checked_add_working_days(from, 5).ok_or("out of range")?;
    /// assert_eq!(deadline.date, NaiveDate::from_ymd_opt(2021, 10, 13).ok_or("bad date")?);
    /// assert!(cal.checked_add_working_days(NaiveDate::MAX, 1).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_add_working_days(&self, from: NaiveDate, n: u32) -> Option<WorkingDayDeadline> {
        if n == 0 {
            return Some(WorkingDayDeadline { date: from, basis: ScheduleBasis::Official });
        }
        let date = self.nth_working_day_after(from, n)?;
        Some(WorkingDayDeadline { date, basis: self.basis_between(from, date) })
    }

    /// The `n`-th working day after `from`, as
    /// [`WorkCalendar::checked_add_working_days`], saturating: if that day
    /// lies beyond chrono's date range the result is [`NaiveDate::MAX`] with
    /// [`ScheduleBasis::WeekendsOnly`].
    ///
    /// # Legal basis
    ///
    /// 《行政处罚法》Art. 85: "本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。"
    /// Counting from the next day follows 《民法典》Art. 201:
    /// "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。"
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::calendar::{ScheduleBasis, WorkCalendar};
    ///
    /// let cal = WorkCalendar::china();
    /// // National Day 2024: 1–7 October off, Saturday 12 October worked.
    /// let from = NaiveDate::from_ymd_opt(2024, 9, 30).ok_or("bad date")?;
    /// let deadline = cal.add_working_days(from, 7);
    /// assert_eq!(deadline.date, NaiveDate::from_ymd_opt(2024, 10, 15).ok_or("bad date")?);
    /// assert_eq!(deadline.basis, ScheduleBasis::Official);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_working_days(&self, from: NaiveDate, n: u32) -> WorkingDayDeadline {
        self.checked_add_working_days(from, n)
            .unwrap_or(WorkingDayDeadline { date: NaiveDate::MAX, basis: ScheduleBasis::WeekendsOnly })
    }

    /// The first working day on or after `date`, saturating at
    /// [`NaiveDate::MAX`].
    ///
    /// Saturdays and Sundays not worked in lieu count as days off here, as
    /// they do in practice under Art. 203 of the Civil Code (法定休假日
    /// includes the weekly rest days).
    ///
    /// # Legal basis
    ///
    /// 《民法典》Art. 203: "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。"
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::calendar::WorkCalendar;
    ///
    /// let cal = WorkCalendar::china();
    /// let saturday = NaiveDate::from_ymd_opt(2024, 10, 5).ok_or("bad date")?;
    /// let next = cal.next_working_day_on_or_after(saturday);
    /// assert_eq!(next, NaiveDate::from_ymd_opt(2024, 10, 8).ok_or("bad date")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_working_day_on_or_after(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        while !self.is_working_day(day) {
            match day.succ_opt() {
                Some(next) => day = next,
                None => return day,
            }
        }
        day
    }

    /// Moves the last day of a period that falls on a day off to the first
    /// working day after it; a working day is returned unchanged.
    ///
    /// Weekends not worked in lieu count as days off (休假日), as in practice.
    /// Saturates at [`NaiveDate::MAX`].
    ///
    /// # Legal basis
    ///
    /// 《民法典》Art. 203: "期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。
    /// 期间的最后一日的截止时间为二十四时；有业务时间的，停止业务活动的时间为截止时间。"
    ///
    /// # Example
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use rouxing::calendar::{Period, WorkCalendar};
    ///
    /// let cal = WorkCalendar::china();
    /// // Fifteen days from 2024-09-16 end on 2024-10-01, National Day.
    /// let trigger = NaiveDate::from_ymd_opt(2024, 9, 16).ok_or("bad date")?;
    /// let last = Period::Days(15).last_day(trigger).ok_or("out of range")?;
    /// assert_eq!(last, NaiveDate::from_ymd_opt(2024, 10, 1).ok_or("bad date")?);
    /// assert_eq!(cal.extend_if_holiday(last), NaiveDate::from_ymd_opt(2024, 10, 8).ok_or("bad date")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extend_if_holiday(&self, last_day: NaiveDate) -> NaiveDate {
        self.next_working_day_on_or_after(last_day)
    }
}

// ---------------------------------------------------------------------------
// Loading a holiday table
// ---------------------------------------------------------------------------

/// A holiday table given to [`WorkCalendar::from_json`] could not be loaded.
///
/// Every variant names the 1-based line of the table where the problem was
/// found; all but [`LoadCalendarError::Syntax`] name the field path, e.g.
/// `years.2019.days[3].date`.
///
/// # Example
///
/// ```
/// use rouxing::calendar::{LoadCalendarError, WorkCalendar};
///
/// let err = WorkCalendar::from_json(r#"{"years": {"2019": {"days": [
///     {"date": "2019-10-01", "offday": true}
/// ]}}}"#).err().ok_or("expected an error")?;
/// assert!(matches!(err, LoadCalendarError::Shape { line: 2, .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum LoadCalendarError {
    /// The text is not well-formed JSON.
    #[error("holiday table line {line} column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A field is missing or unknown, or a value has the wrong type.
    #[error("holiday table line {line}: {message} at `{field}`")]
    Shape {
        /// 1-based line.
        line: usize,
        /// Path of the field, e.g. `years.2019.days[3]`.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// A date is not a valid `YYYY-MM-DD` calendar date.
    #[error("holiday table line {line}: invalid date `{value}` in field `{field}`")]
    InvalidDate {
        /// 1-based line.
        line: usize,
        /// Path of the field, e.g. `years.2019.days[3].date`.
        field: String,
        /// The value as written.
        value: String,
    },
    /// A key of `years` is not a year.
    #[error("holiday table line {line}: invalid year `{value}` in field `{field}`")]
    InvalidYear {
        /// 1-based line.
        line: usize,
        /// Path of the field (`years`).
        field: String,
        /// The key as written.
        value: String,
    },
    /// A year is listed twice.
    #[error("holiday table line {line}: year `{year}` listed twice in field `{field}`")]
    DuplicateYear {
        /// 1-based line.
        line: usize,
        /// Path of the field (`years`).
        field: String,
        /// The year.
        year: i32,
    },
    /// A date is listed both as a day off and as a working day.
    #[error(
        "holiday table line {line}: date `{date}` listed both as a day off and as a working day in field `{field}`"
    )]
    ConflictingDay {
        /// 1-based line.
        line: usize,
        /// Path of the second listing, e.g. `years.2020.days[0]`.
        field: String,
        /// The date.
        date: NaiveDate,
    },
    /// A date is filed under a year it does not belong to: a year's days
    /// fall in that year or in the December before it (the 元旦 of the year
    /// may begin, or need a make-up working day, in the last days of the
    /// year before, as 2018-12-29 in the notice for 2019).
    #[error(
        "holiday table line {line}: date `{date}` filed under year `{year}` in field `{field}`: a year's days fall in that year or in the December before it"
    )]
    WrongYear {
        /// 1-based line.
        line: usize,
        /// Path of the listing, e.g. `years.2019.days[3]`.
        field: String,
        /// The date.
        date: NaiveDate,
        /// The year it is filed under.
        year: i32,
    },
}

/// The serde machinery behind [`WorkCalendar::from_json`]: seeds that fill a
/// [`load::Loader`] while the JSON is read, so that every error carries
/// serde_json's line and serde_path_to_error's field path.
mod load {
    use super::{BTreeMap, BTreeSet, Cow, Entry, Fallback, LoadCalendarError, NaiveDate, WorkCalendar};
    use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
    use std::collections::btree_map;
    use std::fmt;

    /// A semantic problem found while reading, kept beside the serde error.
    enum Problem {
        /// An invalid date string.
        InvalidDate(String),
        /// An invalid year key.
        InvalidYear(String),
        /// A year key seen twice.
        DuplicateYear(i32),
        /// A date listed with both values of `off_day`.
        Conflict(NaiveDate),
        /// A date filed under a year it does not belong to.
        WrongYear(NaiveDate, i32),
    }

    /// What has been read so far.
    #[derive(Default)]
    struct Loader {
        /// Covered years.
        years: BTreeSet<i32>,
        /// Listed days and their `off_day`.
        days: BTreeMap<NaiveDate, bool>,
        /// The problem behind a custom error, if any.
        problem: Option<Problem>,
    }

    impl Loader {
        /// Records `problem` and returns the matching serde error.
        fn fail<E: de::Error>(&mut self, problem: Problem) -> E {
            let message = match &problem {
                Problem::InvalidDate(v) => format!("invalid date `{v}`"),
                Problem::InvalidYear(v) => format!("invalid year `{v}`"),
                Problem::DuplicateYear(y) => format!("year `{y}` listed twice"),
                Problem::Conflict(d) => {
                    format!("date `{d}` listed both as a day off and as a working day")
                }
                Problem::WrongYear(d, y) => format!("date `{d}` filed under year `{y}`"),
            };
            self.problem = Some(problem);
            E::custom(message)
        }
    }

    const DOCUMENT_FIELDS: &[&str] = &["about", "years"];
    const YEAR_FIELDS: &[&str] = &["papers", "days"];
    const DAY_FIELDS: &[&str] = &["date", "name", "off_day"];

    /// Parses a strict `YYYY-MM-DD` date.
    fn parse_date(text: &str) -> Option<NaiveDate> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
        if parts.next().is_some() || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
            return None;
        }
        NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The years a holiday table may cover: from 1949, the year of the
    /// first national holiday regulation (《全国年节及纪念日放假办法》,
    /// 1949-12-23), to 2100, the end of the bundled lunar table.
    const YEARS: std::ops::RangeInclusive<i32> = 1949..=2100;

    /// Parses a year key: an integer in [`YEARS`].
    fn parse_year(text: &str) -> Option<i32> {
        let year = text.parse().ok()?;
        YEARS.contains(&year).then_some(year)
    }

    /// Whether a date may be filed under a year: it falls in the year or in
    /// the December before it.
    fn belongs_to(date: NaiveDate, year: i32) -> bool {
        use chrono::Datelike as _;
        date.year() == year || (date.year().checked_add(1) == Some(year) && date.month() == 12)
    }

    /// The whole table.
    struct DocumentSeed<'a>(&'a mut Loader);

    impl<'de> DeserializeSeed<'de> for DocumentSeed<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_struct("HolidayTable", DOCUMENT_FIELDS, self)
        }
    }

    impl<'de> Visitor<'de> for DocumentSeed<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a holiday table object with a field `years`")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let (mut about, mut years) = (false, false);
            while let Some(key) = map.next_key::<String>()? {
                match key.as_str() {
                    "about" if !about => {
                        about = true;
                        map.next_value::<String>()?;
                    }
                    "years" if !years => {
                        years = true;
                        map.next_value_seed(YearsSeed(&mut *self.0))?;
                    }
                    "about" | "years" => return Err(de::Error::custom(dup(&key))),
                    other => return Err(de::Error::unknown_field(other, DOCUMENT_FIELDS)),
                }
            }
            if years { Ok(()) } else { Err(de::Error::missing_field("years")) }
        }
    }

    /// The message for a field given twice.
    fn dup(key: &str) -> String {
        format!("duplicate field `{key}`")
    }

    /// The map of years.
    struct YearsSeed<'a>(&'a mut Loader);

    impl<'de> DeserializeSeed<'de> for YearsSeed<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_map(self)
        }
    }

    impl<'de> Visitor<'de> for YearsSeed<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object mapping years to schedules")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<String>()? {
                let Some(year) = parse_year(&key) else {
                    return Err(self.0.fail(Problem::InvalidYear(key)));
                };
                if !self.0.years.insert(year) {
                    return Err(self.0.fail(Problem::DuplicateYear(year)));
                }
                map.next_value_seed(YearSeed(&mut *self.0, year))?;
            }
            Ok(())
        }
    }

    /// One year's schedule, and its year.
    struct YearSeed<'a>(&'a mut Loader, i32);

    impl<'de> DeserializeSeed<'de> for YearSeed<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_struct("Year", YEAR_FIELDS, self)
        }
    }

    impl<'de> Visitor<'de> for YearSeed<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a year's schedule with a field `days`")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let (mut papers, mut days) = (false, false);
            while let Some(key) = map.next_key::<String>()? {
                match key.as_str() {
                    "papers" if !papers => {
                        papers = true;
                        map.next_value::<Vec<String>>()?;
                    }
                    "days" if !days => {
                        days = true;
                        map.next_value_seed(DaysSeed(&mut *self.0, self.1))?;
                    }
                    "papers" | "days" => return Err(de::Error::custom(dup(&key))),
                    other => return Err(de::Error::unknown_field(other, YEAR_FIELDS)),
                }
            }
            if days { Ok(()) } else { Err(de::Error::missing_field("days")) }
        }
    }

    /// The list of days of one year, and the year.
    struct DaysSeed<'a>(&'a mut Loader, i32);

    impl<'de> DeserializeSeed<'de> for DaysSeed<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_seq(self)
        }
    }

    impl<'de> Visitor<'de> for DaysSeed<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of days")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            while seq.next_element_seed(DaySeed(&mut *self.0, self.1))?.is_some() {}
            Ok(())
        }
    }

    /// One listed day, and the year it is filed under.
    struct DaySeed<'a>(&'a mut Loader, i32);

    impl<'de> DeserializeSeed<'de> for DaySeed<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_struct("Day", DAY_FIELDS, self)
        }
    }

    impl<'de> Visitor<'de> for DaySeed<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a day with fields `date` and `off_day`")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let mut date = None;
            let mut name = false;
            let mut off_day = None;
            while let Some(key) = map.next_key::<String>()? {
                match key.as_str() {
                    "date" if date.is_none() => {
                        date = Some(map.next_value_seed(DateSeed(&mut *self.0))?);
                    }
                    "name" if !name => {
                        name = true;
                        map.next_value::<String>()?;
                    }
                    "off_day" if off_day.is_none() => off_day = Some(map.next_value::<bool>()?),
                    "date" | "name" | "off_day" => return Err(de::Error::custom(dup(&key))),
                    other => return Err(de::Error::unknown_field(other, DAY_FIELDS)),
                }
            }
            let date = date.ok_or_else(|| de::Error::missing_field("date"))?;
            let off_day = off_day.ok_or_else(|| de::Error::missing_field("off_day"))?;
            if !belongs_to(date, self.1) {
                return Err(self.0.fail(Problem::WrongYear(date, self.1)));
            }
            match self.0.days.entry(date) {
                btree_map::Entry::Vacant(slot) => {
                    slot.insert(off_day);
                }
                btree_map::Entry::Occupied(listed) if *listed.get() != off_day => {
                    return Err(self.0.fail(Problem::Conflict(date)));
                }
                btree_map::Entry::Occupied(_) => {}
            }
            Ok(())
        }
    }

    /// A `YYYY-MM-DD` date string.
    struct DateSeed<'a>(&'a mut Loader);

    impl<'de> DeserializeSeed<'de> for DateSeed<'_> {
        type Value = NaiveDate;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<NaiveDate, D::Error> {
            d.deserialize_str(self)
        }
    }

    impl<'de> Visitor<'de> for DateSeed<'_> {
        type Value = NaiveDate;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a date string `YYYY-MM-DD`")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
            parse_date(v).ok_or_else(|| self.0.fail(Problem::InvalidDate(v.to_owned())))
        }
    }

    /// See [`WorkCalendar::from_json`].
    pub(super) fn from_json(text: &str) -> Result<WorkCalendar, LoadCalendarError> {
        let mut loader = Loader::default();
        let mut json = serde_json::Deserializer::from_str(text);
        let mut track = serde_path_to_error::Track::new();
        let result = DocumentSeed(&mut loader)
            .deserialize(serde_path_to_error::Deserializer::new(&mut json, &mut track))
            .and_then(|()| json.end());
        match result {
            Ok(()) => Ok(WorkCalendar {
                years: Cow::Owned(loader.years.into_iter().collect()),
                days: Cow::Owned(
                    loader.days.into_iter().map(|(date, off_day)| Entry { date, off_day }).collect(),
                ),
                fallback: Fallback::Statutory,
                index: super::ExceptionIndex::new(),
            }),
            Err(err) => Err(convert(err, track.path().to_string(), loader.problem)),
        }
    }

    /// Turns a serde error, its path and the recorded problem into a
    /// [`LoadCalendarError`].
    fn convert(err: serde_json::Error, field: String, problem: Option<Problem>) -> LoadCalendarError {
        let line = err.line();
        let column = err.column();
        let message = {
            let full = err.to_string();
            let suffix = format!(" at line {line} column {column}");
            full.strip_suffix(&suffix).map_or(full.clone(), str::to_owned)
        };
        match (problem, err.classify()) {
            (Some(Problem::InvalidDate(value)), _) => LoadCalendarError::InvalidDate { line, field, value },
            (Some(Problem::InvalidYear(value)), _) => LoadCalendarError::InvalidYear { line, field, value },
            (Some(Problem::DuplicateYear(year)), _) => LoadCalendarError::DuplicateYear { line, field, year },
            (Some(Problem::Conflict(date)), _) => LoadCalendarError::ConflictingDay { line, field, date },
            (Some(Problem::WrongYear(date, year)), _) => {
                LoadCalendarError::WrongYear { line, field, date, year }
            }
            (None, serde_json::error::Category::Data) => LoadCalendarError::Shape { line, field, message },
            (None, _) => LoadCalendarError::Syntax { line, column, message },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    // -- age ---------------------------------------------------------------

    #[test]
    fn age_turns_over_the_day_after_the_birthday() {
        let birth = d(2008, 3, 1);
        assert_eq!(age_on(birth, d(2022, 2, 28)), 13);
        assert_eq!(age_on(birth, d(2022, 3, 1)), 13);
        assert_eq!(age_on(birth, d(2022, 3, 2)), 14);
        assert_eq!(age_on(birth, birth), 0);
        assert_eq!(age_on(birth, d(2009, 3, 1)), 0);
        assert_eq!(age_on(birth, d(2009, 3, 2)), 1);
    }

    #[test]
    fn age_of_a_leap_day_birth() {
        let birth = d(2008, 2, 29);
        assert_eq!(age_on(birth, d(2022, 2, 28)), 13);
        assert_eq!(age_on(birth, d(2022, 3, 1)), 14);
        assert_eq!(age_on(birth, d(2024, 2, 28)), 15);
        assert_eq!(age_on(birth, d(2024, 2, 29)), 15);
        assert_eq!(age_on(birth, d(2024, 3, 1)), 16);
    }

    #[test]
    fn age_before_birth_is_zero() {
        assert_eq!(age_on(d(2008, 3, 1), d(2000, 1, 1)), 0);
        assert_eq!(age_on(d(2008, 3, 1), d(2008, 2, 1)), 0);
        assert_eq!(age_on(NaiveDate::MAX, NaiveDate::MIN), 0);
    }

    #[test]
    fn age_at_the_ends_of_the_range() {
        assert!(age_on(NaiveDate::MIN, NaiveDate::MAX) > 500_000);
    }

    // -- arithmetic --------------------------------------------------------

    #[test]
    fn years_and_months_clamp_to_the_month_end() {
        assert_eq!(add_years(d(2024, 2, 29), 1), Some(d(2025, 2, 28)));
        assert_eq!(add_years(d(2024, 2, 29), 4), Some(d(2028, 2, 29)));
        assert_eq!(add_years(d(2000, 2, 29), 100), Some(d(2100, 2, 28)));
        assert_eq!(add_months(d(2023, 1, 31), 1), Some(d(2023, 2, 28)));
        assert_eq!(add_months(d(2024, 1, 31), 1), Some(d(2024, 2, 29)));
        assert_eq!(add_months(d(2023, 8, 31), 1), Some(d(2023, 9, 30)));
        assert_eq!(add_months(d(2023, 12, 15), 1), Some(d(2024, 1, 15)));
        assert_eq!(add_months(d(2023, 12, 15), 25), Some(d(2026, 1, 15)));
        assert_eq!(add_months(d(2023, 5, 15), 0), Some(d(2023, 5, 15)));
        assert_eq!(add_days(d(2024, 1, 10), 15), Some(d(2024, 1, 25)));
    }

    #[test]
    fn arithmetic_overflow_is_none() {
        assert_eq!(add_years(NaiveDate::MAX, 1), None);
        assert_eq!(add_years(NaiveDate::MAX, u32::MAX), None);
        assert_eq!(add_months(NaiveDate::MAX, 1), None);
        assert_eq!(add_months(NaiveDate::MIN, u32::MAX), None);
        assert_eq!(add_days(NaiveDate::MAX, 1), None);
        assert_eq!(add_years(NaiveDate::MAX, 0), Some(NaiveDate::MAX));
    }

    // -- chinese numerals --------------------------------------------------

    #[test]
    fn chinese_numerals() {
        let cases = [
            (0, "零"),
            (1, "一"),
            (2, "二"),
            (10, "十"),
            (11, "十一"),
            (15, "十五"),
            (20, "二十"),
            (33, "三十三"),
            (90, "九十"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (119, "一百一十九"),
            (180, "一百八十"),
            (1000, "一千"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (1100, "一千一百"),
            (2021, "二千零二十一"),
            (9999, "九千九百九十九"),
            (10_000, "一万"),
            (10_001, "一万零一"),
            (10_010, "一万零一十"),
            (100_000, "十万"),
            (100_010, "十万零一十"),
            (110_000, "十一万"),
            (1_000_000, "一百万"),
            (10_100_000, "一千零一十万"),
            (100_000_000, "一亿"),
            (100_000_001, "一亿零一"),
            (101_000_000, "一亿零一百万"),
            (u32::MAX, "四十二亿九千四百九十六万七千二百九十五"),
        ];
        for (n, text) in cases {
            assert_eq!(chinese_numeral(n), text, "{n}");
        }
    }

    // -- periods -----------------------------------------------------------

    #[test]
    fn period_last_days() {
        assert_eq!(Period::Years(2).last_day(d(2021, 3, 1)), Some(d(2023, 3, 1)));
        assert_eq!(Period::Days(90).last_day(d(2021, 3, 1)), Some(d(2021, 5, 30)));
        assert_eq!(Period::Days(15).last_day(d(2024, 1, 10)), Some(d(2024, 1, 25)));
        assert_eq!(Period::Months(3).last_day(d(2023, 11, 30)), Some(d(2024, 2, 29)));
        assert_eq!(Period::Months(6).last_day(d(2021, 8, 31)), Some(d(2022, 2, 28)));
        assert_eq!(Period::Years(5).last_day(d(2020, 2, 29)), Some(d(2025, 2, 28)));
        assert_eq!(Period::Days(1).last_day(NaiveDate::MAX), None);
    }

    #[test]
    fn period_names_and_serde() {
        assert_eq!(Period::Years(2).legal_name(), "二年");
        assert_eq!(Period::Days(90).to_string(), "九十日");
        assert_eq!(Period::Days(15).to_string(), "十五日");
        assert_eq!(Period::Months(3).to_string(), "三个月");
        assert_eq!(Period::Days(60).to_string(), "六十日");
        assert_eq!(serde_json::to_string(&Period::Years(2)).unwrap(), r#"{"years":2}"#);
        assert_eq!(serde_json::from_str::<Period>(r#"{"months":6}"#).unwrap(), Period::Months(6));
        assert!(serde_json::from_str::<Period>(r#"{"weeks":6}"#).is_err());
        assert_eq!("days".parse::<PeriodUnit>().unwrap(), PeriodUnit::Days);
        for unit in <PeriodUnit as strum::IntoEnumIterator>::iter() {
            let p = Period::new(unit, 7);
            assert_eq!((p.unit(), p.count()), (unit, 7));
        }
    }

    // -- working days ------------------------------------------------------

    #[test]
    fn china_table_matches_json() {
        let parsed = WorkCalendar::from_json(include_str!("../data/holidays/holidays-cn.json")).unwrap();
        assert_eq!(WorkCalendar::china(), parsed);
        assert!(china_2019_2026::DAYS.windows(2).all(|w| w[0].date < w[1].date));
        assert!(china_2019_2026::YEARS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn national_day_2024() {
        let cal = WorkCalendar::china();
        let deadline = cal.add_working_days(d(2024, 9, 30), 7);
        assert_eq!(deadline.date, d(2024, 10, 15));
        assert_eq!(deadline.basis, ScheduleBasis::Official);
        // Sunday 29 September and Saturday 12 October were worked in lieu.
        assert!(cal.is_working_day(d(2024, 9, 29)));
        assert!(cal.is_working_day(d(2024, 10, 12)));
        assert!(!cal.is_working_day(d(2024, 10, 13)));
        for day in 1..=7 {
            assert!(!cal.is_working_day(d(2024, 10, day)));
        }
        assert_eq!(cal.add_working_days(d(2024, 9, 28), 1).date, d(2024, 9, 29));
        assert_eq!(cal.add_working_days(d(2024, 10, 11), 1).date, d(2024, 10, 12));
    }

    #[test]
    fn national_day_2021() {
        let cal = WorkCalendar::china();
        assert_eq!(cal.add_working_days(d(2021, 9, 30), 5).date, d(2021, 10, 13));
        assert_eq!(cal.add_working_days(d(2021, 9, 30), 2).date, d(2021, 10, 9));
    }

    #[test]
    fn spring_festival_2023() {
        let cal = WorkCalendar::china();
        // 21–27 January off; Saturday 28 and Sunday 29 January worked.
        assert_eq!(cal.add_working_days(d(2023, 1, 20), 1).date, d(2023, 1, 28));
        assert_eq!(cal.add_working_days(d(2023, 1, 20), 2).date, d(2023, 1, 29));
        assert_eq!(cal.add_working_days(d(2023, 1, 20), 3).date, d(2023, 1, 30));
        assert_eq!(cal.add_working_days(d(2023, 1, 19), 5).date, d(2023, 1, 31));
        assert!(cal.is_working_day(d(2023, 1, 29)));
        assert!(!cal.is_working_day(d(2023, 1, 23)));
    }

    #[test]
    fn friday_plus_one_is_monday() {
        for cal in [WorkCalendar::china(), WorkCalendar::weekends_only()] {
            let deadline = cal.add_working_days(d(2024, 3, 8), 1);
            assert_eq!(deadline.date, d(2024, 3, 11));
        }
        assert_eq!(
            WorkCalendar::weekends_only().add_working_days(d(2024, 3, 8), 1).basis,
            ScheduleBasis::WeekendsOnly
        );
    }

    #[test]
    fn zero_working_days_is_the_trigger_day() {
        let cal = WorkCalendar::china();
        let deadline = cal.add_working_days(d(2024, 10, 1), 0);
        assert_eq!(deadline.date, d(2024, 10, 1));
        assert_eq!(deadline.basis, ScheduleBasis::Official);
    }

    #[test]
    fn coverage_edges() {
        let cal = WorkCalendar::china();
        assert!(cal.covers(d(2019, 1, 1)));
        assert!(cal.covers(d(2026, 12, 31)));
        assert!(!cal.covers(d(2018, 12, 31)));
        assert!(!cal.covers(d(2027, 1, 1)));
        // Thursday 2026-12-31 + 1 would be Friday 2027-01-01, 元旦 under the
        // statutory rule (2027 is not covered): Monday 4 January, provisional.
        let deadline = cal.add_working_days(d(2026, 12, 30), 1);
        assert_eq!(deadline, WorkingDayDeadline { date: d(2026, 12, 31), basis: ScheduleBasis::Official });
        let deadline = cal.add_working_days(d(2026, 12, 30), 2);
        assert_eq!(deadline.date, d(2027, 1, 4));
        assert_eq!(deadline.basis, ScheduleBasis::Provisional);
        let plain = cal.clone().with_fallback(Fallback::WeekendsOnly);
        let deadline = plain.add_working_days(d(2026, 12, 30), 2);
        assert_eq!((deadline.date, deadline.basis), (d(2027, 1, 1), ScheduleBasis::WeekendsOnly));
        let deadline = cal.add_working_days(d(2030, 5, 10), 3);
        assert_eq!(deadline.date, d(2030, 5, 15));
        assert_eq!(deadline.basis, ScheduleBasis::Provisional);
        // Past the lunisolar table only weekends remain.
        let deadline = cal.add_working_days(d(2100, 12, 30), 3);
        assert_eq!(deadline.basis, ScheduleBasis::WeekendsOnly);
        assert_eq!(deadline.date, naive_add(&cal, d(2100, 12, 30), 3));
        // The 2019 notice fixed Saturday 2018-12-29 as a working day and
        // 2018-12-31 as a day off; 2018 itself is not covered.
        assert!(cal.is_working_day(d(2018, 12, 29)));
        assert!(!cal.is_working_day(d(2018, 12, 31)));
        let deadline = cal.add_working_days(d(2018, 12, 28), 2);
        assert_eq!(deadline.date, d(2019, 1, 2));
        assert_eq!(deadline.basis, ScheduleBasis::Provisional);
        let deadline = cal.add_working_days(d(2018, 12, 31), 1);
        assert_eq!(deadline.date, d(2019, 1, 2));
        assert_eq!(deadline.basis, ScheduleBasis::Official);
        // A long count crossing every covered year and many rule years.
        let deadline = cal.add_working_days(d(2010, 1, 1), 10_000);
        assert_eq!(deadline.basis, ScheduleBasis::Provisional);
        assert_eq!(deadline.date, naive_add(&cal, d(2010, 1, 1), 10_000));
        let deadline = cal.add_working_days(d(2000, 1, 1), 10_000);
        assert_eq!(deadline.basis, ScheduleBasis::WeekendsOnly);
        assert_eq!(deadline.date, naive_add(&cal, d(2000, 1, 1), 10_000));
    }

    #[test]
    fn counting_saturates_at_the_end_of_time() {
        let cal = WorkCalendar::china();
        assert_eq!(cal.checked_add_working_days(NaiveDate::MAX, 1), None);
        assert_eq!(
            cal.add_working_days(NaiveDate::MAX, 1),
            WorkingDayDeadline { date: NaiveDate::MAX, basis: ScheduleBasis::WeekendsOnly }
        );
        assert_eq!(cal.add_working_days(NaiveDate::MIN, u32::MAX).date, NaiveDate::MAX);
        let near_end = NaiveDate::MAX.checked_sub_days(Days::new(20)).unwrap();
        let deadline = cal.checked_add_working_days(near_end, 3).unwrap();
        assert_eq!(deadline.date, naive_add(&cal, near_end, 3));
        // Either a working day or saturated: the last representable date.
        assert_eq!(cal.next_working_day_on_or_after(NaiveDate::MAX), NaiveDate::MAX);
    }

    #[test]
    fn holiday_extension() {
        let cal = WorkCalendar::china();
        assert_eq!(cal.extend_if_holiday(d(2024, 10, 1)), d(2024, 10, 8));
        assert_eq!(cal.extend_if_holiday(d(2024, 10, 8)), d(2024, 10, 8));
        // A Sunday worked in lieu is a working day: no extension.
        assert_eq!(cal.extend_if_holiday(d(2024, 9, 29)), d(2024, 9, 29));
        // An ordinary weekend moves to Monday.
        assert_eq!(cal.extend_if_holiday(d(2024, 3, 9)), d(2024, 3, 11));
        // Spring Festival 2023 ends on Friday 27 January; Saturday 28 is worked.
        assert_eq!(cal.extend_if_holiday(d(2023, 1, 22)), d(2023, 1, 28));
    }

    // -- loading -----------------------------------------------------------

    fn load_err(text: &str) -> LoadCalendarError {
        WorkCalendar::from_json(text).unwrap_err()
    }

    #[test]
    fn loads_a_partial_table() {
        let cal = WorkCalendar::from_json(
            r#"{"years": {"2030": {"days": [{"date": "2030-10-01", "off_day": true}]}}}"#,
        )
        .unwrap();
        assert_eq!(cal.covered_years(), &[2030]);
        assert!(!cal.is_working_day(d(2030, 10, 1)));
        assert!(cal.is_working_day(d(2030, 10, 2)));
        let empty = WorkCalendar::from_json(r#"{"years": {}}"#).unwrap();
        assert_eq!(empty, WorkCalendar::weekends_only().with_fallback(Fallback::Statutory));
        assert_eq!(WorkCalendar::default(), WorkCalendar::china());
    }

    #[test]
    fn same_date_listed_twice_consistently_is_fine() {
        let cal = WorkCalendar::from_json(
            r#"{"years": {
                "2019": {"days": [{"date": "2018-12-31", "off_day": true}]},
                "2018": {"days": [{"date": "2018-12-31", "off_day": true}]}
            }}"#,
        )
        .unwrap();
        assert_eq!(cal.covered_years(), &[2018, 2019]);
    }

    #[test]
    fn load_errors_name_line_and_field() {
        let err = load_err(
            "{\n\"years\": {\"2019\": {\"days\": [\n{\"date\": \"2019-13-01\",\n\"off_day\": true}]}}}",
        );
        assert_eq!(
            err.to_string(),
            "holiday table line 3: invalid date `2019-13-01` in field `years.2019.days[0].date`"
        );
        assert_eq!(
            load_err(r#"{"years": {"2019": {"days": [{"date": "2019-1-01", "off_day": true}]}}}"#),
            LoadCalendarError::InvalidDate {
                line: 1,
                field: "years.2019.days[0].date".into(),
                value: "2019-1-01".into(),
            }
        );
        let err = load_err("{\"years\": {\"2019\": {\"days\": [\n{\"date\": \"2019-10-01\"}\n]}}}");
        assert_eq!(err.to_string(), "holiday table line 2: missing field `off_day` at `years.2019.days[0]`");
        let err = load_err(
            "{\"years\": {\"2019\": {\"days\": [\n{\"date\": \"2019-10-01\",\n\"offday\": true}]}}}",
        );
        assert!(
            matches!(&err, LoadCalendarError::Shape { line: 3, field, message }
                if field == "years.2019.days[0]" && message.starts_with("unknown field `offday`")),
            "{err:?}"
        );
        let err = load_err(r#"{"years": {"2019": {"days": [{"date": "2019-10-01", "off_day": "yes"}]}}}"#);
        assert!(matches!(err, LoadCalendarError::Shape { .. }), "{err:?}");
        let err = load_err("{\"years\": {\"20x9\": {\"days\": []}}}");
        assert_eq!(
            err,
            LoadCalendarError::InvalidYear { line: 1, field: "years".into(), value: "20x9".into() }
        );
        let err = load_err("{\"years\": {\"2019\": {\"days\": []},\n\"2019\": {\"days\": []}}}");
        assert!(matches!(err, LoadCalendarError::DuplicateYear { line: 2, year: 2019, .. }), "{err:?}");
        let err = load_err(
            "{\"years\": {\n\"2019\": {\"days\": [{\"date\": \"2018-12-31\", \"off_day\": true}]},\n\"2018\": {\"days\": [{\"date\": \"2018-12-31\", \"off_day\": false}]}}}",
        );
        assert_eq!(
            err.to_string(),
            "holiday table line 3: date `2018-12-31` listed both as a day off and as a working day in field `years.2018.days[0]`"
        );
        let err = load_err("{\"years\": {\"2019\": {\"days\": [}}}");
        assert!(matches!(err, LoadCalendarError::Syntax { line: 1, .. }), "{err:?}");
        let err = load_err("");
        assert!(matches!(err, LoadCalendarError::Syntax { .. }), "{err:?}");
        let err = load_err(r#"{"years": {}} trailing"#);
        assert!(matches!(err, LoadCalendarError::Syntax { .. }), "{err:?}");
        let err = load_err(r#"{"about": "x"}"#);
        assert_eq!(err.to_string(), "holiday table line 1: missing field `years` at `.`");
        let err = load_err(r#"{"years": {"2019": {"papers": []}}}"#);
        assert!(matches!(err, LoadCalendarError::Shape { .. }), "{err:?}");
        let err = load_err(r#"{"years": {}, "extra": 1}"#);
        assert!(matches!(err, LoadCalendarError::Shape { .. }), "{err:?}");
        let err = load_err(r#"{"years": {"2019": {"days": [{"date": 20191001, "off_day": true}]}}}"#);
        assert!(matches!(err, LoadCalendarError::Shape { .. }), "{err:?}");
        for err in [
            load_err(r#"{"years": {"2019": {"days": [{"date": "2019-02-29", "off_day": true}]}}}"#),
            load_err(r#"{"years": {"2019": {"days": [{"date": "2019-02-01x", "off_day": true}]}}}"#),
            load_err(r#"{"years": {"2019": {"days": [{"date": "+2019-02-01", "off_day": true}]}}}"#),
        ] {
            assert!(matches!(err, LoadCalendarError::InvalidDate { .. }), "{err:?}");
        }
    }

    #[test]
    fn error_messages_are_one_line_lowercase_without_period() {
        let errors = [
            load_err(""),
            load_err(r#"{"years": {"x": {"days": []}}}"#),
            load_err(r#"{"years": {"2019": {"days": [{"date": "x", "off_day": true}]}}}"#),
        ];
        for err in errors {
            let text = err.to_string();
            assert!(!text.contains('\n') && !text.ends_with('.'), "{text}");
            assert!(text.starts_with("holiday table"), "{text}");
        }
    }

    // -- property tests ----------------------------------------------------

    /// Counts working days one by one from the listed days and the rule
    /// (not the index): the reference implementation.
    fn naive_add(cal: &WorkCalendar, from: NaiveDate, n: u32) -> NaiveDate {
        let mut date = from;
        let mut left = n;
        while left > 0 {
            date = date.succ_opt().unwrap();
            if cal.is_working_day_by_rule(date) {
                left -= 1;
            }
        }
        date
    }

    /// The calendars the index is checked on: the bundled schedule with
    /// the statutory rule, weekends only, the rule alone, the schedule
    /// without the rule, and a regional table on top of the schedule.
    fn calendars() -> &'static [WorkCalendar] {
        static CALENDARS: std::sync::LazyLock<Vec<WorkCalendar>> = std::sync::LazyLock::new(build_calendars);
        &CALENDARS
    }

    fn build_calendars() -> Vec<WorkCalendar> {
        let regional = WorkCalendar::from_json(
            r#"{"years": {"2024": {"days": [
                {"date": "2024-03-11", "off_day": true},
                {"date": "2024-03-16", "off_day": false}
            ]}, "2030": {"days": [
                {"date": "2030-06-05", "off_day": true},
                {"date": "2030-06-08", "off_day": false}
            ]}}}"#,
        )
        .unwrap();
        vec![
            WorkCalendar::china(),
            WorkCalendar::weekends_only(),
            WorkCalendar::weekends_only().with_fallback(Fallback::Statutory),
            WorkCalendar::china().with_fallback(Fallback::WeekendsOnly),
            WorkCalendar::china().with_regional(&regional),
            regional,
        ]
    }

    #[test]
    fn index_is_invisible_to_equality_and_built_once_per_value() {
        let a = WorkCalendar::china();
        let b = WorkCalendar::china();
        assert!(a.is_working_day(d(2024, 10, 12)));
        // `a` has built its index, `b` has not: still equal.
        assert_eq!(a, b);
        let c = a.clone();
        assert!(std::sync::Arc::ptr_eq(a.index.0.get().unwrap(), c.index.0.get().unwrap()));
        // A changed fallback drops the index built for the old one.
        let plain = a.with_fallback(Fallback::WeekendsOnly);
        assert!(plain.index.0.get().is_none());
        assert!(plain.is_working_day(d(2027, 2, 8)));
    }

    #[test]
    fn index_near_the_end_of_chrono_range() {
        for cal in calendars() {
            assert_eq!(cal.checked_add_working_days(NaiveDate::MAX, 1), None);
            let near = NaiveDate::MAX.checked_sub_days(Days::new(20)).unwrap();
            assert_eq!(cal.nth_working_day_after(near, 40), cal.nth_working_day_after_walk(near, 40));
            assert_eq!(cal.nth_working_day_after(near, 5), cal.nth_working_day_after_walk(near, 5));
        }
    }

    fn date() -> impl Strategy<Value = NaiveDate> {
        (1900i32..2100, 1u32..=12, 1u32..=31)
            .prop_filter_map("no such date", |(y, m, day)| NaiveDate::from_ymd_opt(y, m, day))
    }

    fn recent_date() -> impl Strategy<Value = NaiveDate> {
        (2016i32..2030, 1u32..=12, 1u32..=31)
            .prop_filter_map("no such date", |(y, m, day)| NaiveDate::from_ymd_opt(y, m, day))
    }

    fn birth_date() -> impl Strategy<Value = NaiveDate> {
        prop_oneof![
            date(),
            (1900i32..2100).prop_filter_map("not a leap year", |y| NaiveDate::from_ymd_opt(y, 2, 29)),
        ]
    }

    fn period() -> impl Strategy<Value = Period> {
        prop_oneof![
            (0u32..5000).prop_map(Period::Days),
            (0u32..1200).prop_map(Period::Months),
            (0u32..100).prop_map(Period::Years),
        ]
    }

    proptest! {
        #[test]
        fn prop_age_monotone(birth in date(), on in date(), step in 0u32..800) {
            let later = on.checked_add_days(Days::new(u64::from(step))).unwrap();
            prop_assert!(age_on(birth, on) <= age_on(birth, later));
        }

        #[test]
        fn prop_age_increments_day_after_birthday(birth in birth_date(), n in 1u32..100) {
            let birthday = add_years(birth, n).unwrap();
            prop_assert_eq!(age_on(birth, birthday), n - 1);
            prop_assert_eq!(age_on(birth, birthday.succ_opt().unwrap()), n);
        }

        #[test]
        fn prop_add_years_never_overflows_month(date in date(), n in 0u32..300) {
            let result = add_years(date, n).unwrap();
            prop_assert_eq!(result.month(), date.month());
            prop_assert_eq!(i64::from(result.year()), i64::from(date.year()) + i64::from(n));
        }

        #[test]
        fn prop_add_years_corresponding_day(date in birth_date(), n in 0u32..300) {
            let result = add_years(date, n).unwrap();
            let year = date.year() + i32::try_from(n).unwrap();
            match NaiveDate::from_ymd_opt(year, date.month(), date.day()) {
                Some(same) => prop_assert_eq!(result, same),
                None => {
                    prop_assert_eq!(result.succ_opt().unwrap().day(), 1);
                    prop_assert!(result.day() < date.day());
                }
            }
        }

        /// Both directions land `n` months away, on the corresponding day or
        /// the month's last day (民法典 第二百零二条).
        #[test]
        fn prop_months_corresponding_day(date in date(), n in 0u32..2400) {
            let index = |x: NaiveDate| i64::from(x.year()) * 12 + i64::from(x.month0());
            for (result, sign) in [(add_months(date, n).unwrap(), 1), (sub_months(date, n).unwrap(), -1)] {
                prop_assert_eq!(index(result) - index(date), sign * i64::from(n));
                if result.day() != date.day() {
                    prop_assert!(result.day() < date.day());
                    prop_assert_eq!(result.succ_opt().unwrap().day(), 1);
                }
            }
        }

        #[test]
        fn prop_working_days_counted(from in recent_date(), n in 0u32..40) {
            let cal = WorkCalendar::china();
            let deadline = cal.add_working_days(from, n);
            if n > 0 {
                prop_assert!(cal.is_working_day(deadline.date));
            } else {
                prop_assert_eq!(deadline.date, from);
            }
            let counted = from
                .iter_days()
                .skip(1)
                .take_while(|day| *day <= deadline.date)
                .filter(|day| cal.is_working_day(*day))
                .count();
            prop_assert_eq!(counted, usize::try_from(n).unwrap());
            let all_covered = from
                .iter_days()
                .skip(1)
                .take_while(|day| *day <= deadline.date)
                .all(|day| cal.covers(day));
            prop_assert_eq!(deadline.is_official(), all_covered);
        }

        #[test]
        fn prop_working_days_match_day_by_day_count(from in date(), n in 0u32..20_000) {
            let cal = WorkCalendar::china();
            prop_assert_eq!(cal.add_working_days(from, n).date, naive_add(&cal, from, n));
            let plain = WorkCalendar::weekends_only();
            prop_assert_eq!(plain.add_working_days(from, n).date, naive_add(&plain, from, n));
        }

        /// The exception index against the day-by-day walk it replaced,
        /// on every test calendar, for short and long counts.
        #[test]
        fn prop_index_matches_walk(from in date(), n in prop_oneof![0u32..80, 0u32..40_000]) {
            for cal in calendars() {
                prop_assert_eq!(cal.nth_working_day_after(from, n), cal.nth_working_day_after_walk(from, n));
            }
        }

        /// `is_working_day` from the index against the listed days and the
        /// rule read directly.
        #[test]
        fn prop_index_day_status_matches_rule(day in date()) {
            for cal in calendars() {
                prop_assert_eq!(cal.is_working_day(day), cal.is_working_day_by_rule(day));
            }
        }

        #[test]
        fn prop_period_last_day_after_trigger(trigger in date(), period in period()) {
            let last = period.last_day(trigger).unwrap();
            if period.count() == 0 {
                prop_assert_eq!(last, trigger);
            } else {
                prop_assert!(last > trigger);
            }
            if let Period::Days(n) = period {
                prop_assert_eq!(last.signed_duration_since(trigger).num_days(), i64::from(n));
            }
        }

        #[test]
        fn prop_extension_lands_on_a_working_day(date in recent_date()) {
            let cal = WorkCalendar::china();
            let extended = cal.extend_if_holiday(date);
            prop_assert!(extended >= date);
            prop_assert!(cal.is_working_day(extended));
            prop_assert!(date.iter_days().take_while(|day| *day < extended).all(|day| !cal.is_working_day(day)));
        }
    }
}
