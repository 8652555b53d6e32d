//! The statistics table (实施行政柔性执法和“两轻一免”情况统计表) and typical
//! cases (典型案例).
//!
//! [`tabulate`] aggregates decisions per reporting unit (执法单位, the
//! decision's [`Agency`]) over a [`ReportPeriod`] into a [`StatisticsTable`]
//! with a total row, which renders as CSV that opens in Excel
//! ([`StatisticsTable::to_csv`], UTF-8 with BOM), Markdown and JSON with
//! stable column codes. [`typical_cases`] selects the cases a unit would
//! report as typical, with facts, decision and legal basis.
//!
//! # Columns
//!
//! Every decision dated inside the period counts once in 案件总数 and in
//! exactly one outcome column, so that 案件总数 is the sum of 不予处罚, 减轻处罚,
//! 从轻处罚, 一般处罚, 从重处罚 and 移送司法机关, and 不予处罚 is the sum of its
//! five grounds. See [`Column`] for each column's definition.
//!
//! The official form was not found; the columns follow the metrics agencies
//! publish (Gansu: 从轻 / 减轻 / 免于处罚; Xuyi and Huai'an: cases and 减负金额;
//! Xiaogan: 不予处罚, 减轻, 从轻, 不予行政强制 and non-coercive measures;
//! Bazhong: 首违不罚 and the fines remitted), and are a design proposal, not
//! an official form (unconfirmed).
//!
//! # Performance
//!
//! Tabulating is a single pass over compact rows: a [`Ledger`] turns each
//! [`Decision`] into a fixed-size row once (interning the unit and the
//! party–item pair, the only hashing), and [`Ledger::tabulate`] then
//! aggregates any period without allocating or hashing per decision.
//! [`tabulate`] does both for a slice of decisions.
//!
//! # Legal basis
//!
//! 山丹县司法局《关于印发山丹县全面推行行政柔性执法进一步优化营商环境工作实施方案的通知》: "各部门各单位要认真
//! 梳理汇总行政柔性执法典型案例、经验做法和取得成效，形成文字材料，并填写《实施行政柔性执法和“两轻一免”情况统计表》";
//! 实施方案 四(四): "总结提炼一批行政柔性执法典型案例".
//!
//! ```
//! # use chrono::NaiveDate;
//! # use rouxing::case::{Agency, Case, Correction, Gravity, Harm};
//! # use rouxing::catalogue::{Catalogue, Domain, Item, StatutoryPenalty};
//! # use rouxing::measure::PenaltyKind;
//! # use rouxing::money::{FineRule, Money};
//! # use rouxing::party::{Party, PartyId};
//! # use rouxing::{assess, recommend, Regime};
//! use rouxing::report::{tabulate, Column, ReportPeriod};
//!
//! # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
//! # let item = Item { code: "X-1".parse()?, name: "某违法行为".into(),
//! #     domain: Domain::MarketRegulation, authority: "市场监督管理部门".into(),
//! #     violated_provisions: vec![], penalty_provision: "某条例第十条".into(), penalty_text: None,
//! #     penalty: StatutoryPenalty::new(vec![PenaltyKind::Fine],
//! #         Some(FineRule::range(Money::yuan(1_000), Money::yuan(10_000))?), None)?,
//! #     amendments: vec![], safety_baseline: false, sectors: vec![], limitation: None,
//! #     aggravation: vec![],
//! #     no_fault_exception: None, entries: vec![] };
//! # let catalogue = Catalogue::new("示例", vec![], vec![item])?;
//! # let agency = Agency { id: "SCJG".parse()?, name: "某县市场监督管理局".into(),
//! #     domain: Domain::MarketRegulation };
//! // Two decisions of one unit: 轻微不罚 and 一般处罚.
//! let mut decisions = Vec::new();
//! for (n, harm) in [(1, Harm::None), (2, Harm::Harmful)] {
//!     let case = Case::builder(format!("C-{n}").parse()?, "X-1".parse()?)
//!         .party(Party::legal_person(PartyId::new(format!("P-{n}"))?, None))
//!         .agency(agency.clone())
//!         .act_on(d(2025, 3, 1)?)
//!         .discovered_on(d(2025, 3, 2)?)
//!         .gravity(if n == 1 { Gravity::Minor } else { Gravity::General })
//!         .harm(harm)
//!         .correction(Correction::Prompt { on: d(2025, 3, 2)? })
//!         .build()?;
//!     let regime = Regime::national();
//!     decisions.push(recommend(&assess(&case, &catalogue, &regime, d(2025, 3, 10)?), &regime));
//! }
//! let table = tabulate(&decisions, ReportPeriod::year(2025).ok_or("year")?);
//! assert_eq!(table.total().get(Column::TotalCases).to_string(), "2");
//! assert_eq!(table.total().get(Column::NoPenalty).to_string(), "1");
//! assert_eq!(table.total().get(Column::Ordinary).to_string(), "1");
//! assert!(table.to_csv().starts_with("\u{feff}执法单位,单位编码,案件总数"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashMap;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::assess::{Ground, Tier};
use crate::case::{Agency, AgencyId, CaseId};
use crate::catalogue::{Domain, ItemCode, ListOutcome};
use crate::decision::{Decision, Disposition};
use crate::law::Citation;
use crate::measure::{Channel, Mechanism, SoftMeasure};
use crate::money::Money;
use crate::party::PartyId;

mod layout;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use layout::{ColumnGroup, ColumnLayout, LAYOUT_SCHEMA_VERSION, neutralise_formula};
#[cfg(feature = "xlsx")]
pub use xlsx::{Filing, XlsxError};

/// The schema version of the JSON table this release writes and reads.
pub const REPORT_SCHEMA_VERSION: u32 = 1;

const N_GROUNDS: usize = NoPenaltyGround::ALL.len();
const N_MEASURES: usize = SoftMeasure::ALL.len();
const N_CHANNELS: usize = Channel::ALL.len();
const N_MECHANISMS: usize = Mechanism::ALL.len();
const _: () = assert!(N_MEASURES <= 32 && N_MECHANISMS <= 8 && N_GROUNDS <= 8);

/// The name of the row for decisions that record no agency.
pub const UNKNOWN_UNIT: &str = "未记录执法单位";

// ---------------------------------------------------------------------------
// Period
// ---------------------------------------------------------------------------

/// A reporting period: the first and last day, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "PeriodRepr", into = "PeriodRepr")]
pub struct ReportPeriod {
    from: NaiveDate,
    to: NaiveDate,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct PeriodRepr {
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    from: NaiveDate,
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    to: NaiveDate,
}

impl TryFrom<PeriodRepr> for ReportPeriod {
    type Error = ReportPeriodError;
    fn try_from(r: PeriodRepr) -> Result<Self, Self::Error> {
        ReportPeriod::new(r.from, r.to)
    }
}

impl From<ReportPeriod> for PeriodRepr {
    fn from(p: ReportPeriod) -> Self {
        PeriodRepr { from: p.from, to: p.to }
    }
}

/// A report period ends before it starts.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("report period ends on `{to}`, before it starts on `{from}`")]
pub struct ReportPeriodError {
    from: NaiveDate,
    to: NaiveDate,
}

impl ReportPeriodError {
    /// The first day given.
    pub const fn from(&self) -> NaiveDate {
        self.from
    }
    /// The last day given.
    pub const fn to(&self) -> NaiveDate {
        self.to
    }
}

impl ReportPeriod {
    /// The period from `from` to `to`, both included.
    ///
    /// # Errors
    ///
    /// Returns an error when `to` is before `from`.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<ReportPeriod, ReportPeriodError> {
        if to < from {
            return Err(ReportPeriodError { from, to });
        }
        Ok(ReportPeriod { from, to })
    }

    /// A calendar year, 1 January to 31 December; `None` outside chrono's
    /// range.
    pub fn year(year: i32) -> Option<ReportPeriod> {
        Some(ReportPeriod {
            from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            to: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    /// The first day.
    pub const fn from(&self) -> NaiveDate {
        self.from
    }

    /// The last day.
    pub const fn to(&self) -> NaiveDate {
        self.to
    }

    /// Whether a day falls inside the period.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }
}

// ---------------------------------------------------------------------------
// Columns
// ---------------------------------------------------------------------------

vocabulary! {
    /// The ground a 不予处罚 decision is counted under. Each no-penalty
    /// decision counts under exactly one, the first that applies in this
    /// order: a bar (no violation established, limitation, no legal basis →
    /// [`Other`](NoPenaltyGround::Other)); no responsibility (Arts. 30, 31);
    /// no fault (Art. 33 ¶2); 轻微不罚 (Art. 33 ¶1 sentence 1, or a 不予处罚
    /// list entry); 首违不罚 (Art. 33 ¶1 sentence 2, or a 首违不罚 list entry);
    /// otherwise other.
    pub enum NoPenaltyGround {
        /// 轻微不罚: `Ground::MinorCorrectedNoHarm` or a `ListOutcome::NoPenalty` entry.
        Minor => "轻微不罚",
        /// 首违不罚: `Ground::FirstViolation` or a `ListOutcome::FirstViolationNoPenalty` entry.
        FirstViolation => "首违不罚",
        /// 无过错不罚: `Ground::NoFault`.
        NoFault => "无过错不罚",
        /// 不满十四周岁或者不能辨认、控制自己行为: `Ground::UnderFourteen`, `Ground::Incapable`.
        NoResponsibility => "无责任能力不罚",
        /// Any other no-penalty decision, including the bars.
        Other => "其他不予处罚",
    }
}

/// A column of the statistics table.
///
/// Counts are of decisions dated inside the period, per reporting unit.
/// Amounts are in yuan with two decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    /// 案件总数: every decision.
    TotalCases,
    /// 柔性执法案件数: decisions that are 两轻一免 with a violation established
    /// (tier 不予/减轻/从轻 and no bar), or use a soft measure, a guidance
    /// contact, a mechanism or a 不予行政强制 entry.
    FlexibleCases,
    /// 不予处罚: decisions of tier 不予处罚 (other than transfers).
    NoPenalty,
    /// 不予处罚 under one ground (see [`NoPenaltyGround`] for the order).
    NoPenaltyBy(NoPenaltyGround),
    /// 减轻处罚.
    Mitigated,
    /// 从轻处罚.
    Lighter,
    /// 一般处罚.
    Ordinary,
    /// 从重处罚.
    Heavier,
    /// 移送司法机关: decisions of disposition transfer.
    Transferred,
    /// 不予行政强制: decisions that rely on at least one 不予行政强制 entry.
    NoCoercion,
    /// Decisions that use this soft measure (each decision once per kind).
    SoftMeasure(SoftMeasure),
    /// Guidance contacts through this channel (each contact counts).
    Contact(Channel),
    /// Decisions that use this mechanism (观察期、过渡期、守信激励 …).
    Mechanism(Mechanism),
    /// 拟罚款金额: the fine the 一般 band would have imposed
    /// ([`Decision::baseline_fine`]), summed over 两轻一免 decisions with a
    /// violation established that have one.
    BaselineFine,
    /// 实际罚款金额: the fine imposed on the same decisions.
    ImposedFine,
    /// 减负金额: Σ max(0, baseline − imposed) over the same decisions.
    Relief,
    /// 宽大处理后再次违法: decisions for a party and item that already had a
    /// 两轻一免 decision (with a violation established) on an earlier day.
    /// Decisions before the period count as history; only the later
    /// decision must fall inside the period.
    RepeatAfterLeniency,
}

impl Column {
    /// Every column, in table order.
    pub fn all() -> Vec<Column> {
        let mut v = Vec::with_capacity(20 + N_GROUNDS + N_MEASURES + N_CHANNELS + N_MECHANISMS);
        v.extend([Column::TotalCases, Column::FlexibleCases, Column::NoPenalty]);
        v.extend(NoPenaltyGround::ALL.iter().map(|g| Column::NoPenaltyBy(*g)));
        v.extend([
            Column::Mitigated,
            Column::Lighter,
            Column::Ordinary,
            Column::Heavier,
            Column::Transferred,
            Column::NoCoercion,
        ]);
        v.extend(SoftMeasure::ALL.iter().map(|m| Column::SoftMeasure(*m)));
        v.extend(Channel::ALL.iter().map(|c| Column::Contact(*c)));
        v.extend(Mechanism::ALL.iter().map(|m| Column::Mechanism(*m)));
        v.extend([Column::BaselineFine, Column::ImposedFine, Column::Relief, Column::RepeatAfterLeniency]);
        v
    }

    /// The stable code, used in JSON: `total_cases`, `no_penalty_first_violation`,
    /// `soft_measure_guidance`, `contact_phone`, `mechanism_observation_period`,
    /// `relief` …
    pub fn code(&self) -> String {
        match self {
            Column::TotalCases => "total_cases".to_owned(),
            Column::FlexibleCases => "flexible_cases".to_owned(),
            Column::NoPenalty => "no_penalty".to_owned(),
            Column::NoPenaltyBy(g) => format!("no_penalty_{}", g.code()),
            Column::Mitigated => "mitigated".to_owned(),
            Column::Lighter => "lighter".to_owned(),
            Column::Ordinary => "ordinary".to_owned(),
            Column::Heavier => "heavier".to_owned(),
            Column::Transferred => "transferred".to_owned(),
            Column::NoCoercion => "no_coercion".to_owned(),
            Column::SoftMeasure(m) => format!("soft_measure_{}", m.code()),
            Column::Contact(c) => format!("contact_{}", c.code()),
            Column::Mechanism(m) => format!("mechanism_{}", m.code()),
            Column::BaselineFine => "baseline_fine".to_owned(),
            Column::ImposedFine => "imposed_fine".to_owned(),
            Column::Relief => "relief".to_owned(),
            Column::RepeatAfterLeniency => "repeat_after_leniency".to_owned(),
        }
    }

    /// The column for a code, if any.
    pub fn from_code(code: &str) -> Option<Column> {
        Column::all().into_iter().find(|c| c.code() == code)
    }

    /// The Chinese column header.
    pub fn header(&self) -> String {
        match self {
            Column::TotalCases => "案件总数".to_owned(),
            Column::FlexibleCases => "柔性执法案件数".to_owned(),
            Column::NoPenalty => "不予处罚".to_owned(),
            Column::NoPenaltyBy(g) => format!("其中：{}", g.legal_name()),
            Column::Mitigated => "减轻处罚".to_owned(),
            Column::Lighter => "从轻处罚".to_owned(),
            Column::Ordinary => "一般处罚".to_owned(),
            Column::Heavier => "从重处罚".to_owned(),
            Column::Transferred => "移送司法机关".to_owned(),
            Column::NoCoercion => "不予行政强制".to_owned(),
            Column::SoftMeasure(m) => format!("柔性措施：{}", m.legal_name()),
            Column::Contact(c) => format!("简易引导：{}", c.legal_name()),
            Column::Mechanism(m) => format!("机制：{}", m.legal_name()),
            Column::BaselineFine => "两轻一免案件拟罚款金额（元）".to_owned(),
            Column::ImposedFine => "两轻一免案件实际罚款金额（元）".to_owned(),
            Column::Relief => "减负金额（元）".to_owned(),
            Column::RepeatAfterLeniency => "宽大处理后再次违法".to_owned(),
        }
    }

    /// Whether the column holds an amount of money rather than a count.
    pub const fn is_amount(&self) -> bool {
        matches!(self, Column::BaselineFine | Column::ImposedFine | Column::Relief)
    }
}

/// A cell of the table: a count or an amount. `Display` writes a count as
/// digits and an amount as yuan with two decimals (`1234.50`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cell {
    /// A number of decisions or contacts.
    Count(u64),
    /// An amount.
    Amount(Money),
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Count(n) => write!(f, "{n}"),
            Cell::Amount(m) => f.write_str(&m.to_decimal_string()),
        }
    }
}

/// The values of one row (a unit, or the total).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Counts {
    total_cases: u64,
    flexible_cases: u64,
    no_penalty_by: [u64; N_GROUNDS],
    mitigated: u64,
    lighter: u64,
    ordinary: u64,
    heavier: u64,
    transferred: u64,
    no_coercion: u64,
    soft_measures: [u64; N_MEASURES],
    contacts: [u64; N_CHANNELS],
    mechanisms: [u64; N_MECHANISMS],
    baseline_fine: u64,
    imposed_fine: u64,
    relief: u64,
    repeat_after_leniency: u64,
}

fn at<const N: usize>(a: &[u64; N], i: usize) -> u64 {
    a.get(i).copied().unwrap_or(0)
}

impl Counts {
    /// The value of a column.
    pub fn get(&self, column: Column) -> Cell {
        Cell::Count(match column {
            Column::TotalCases => self.total_cases,
            Column::FlexibleCases => self.flexible_cases,
            Column::NoPenalty => self.no_penalty_by.iter().sum(),
            Column::NoPenaltyBy(g) => at(&self.no_penalty_by, g as usize),
            Column::Mitigated => self.mitigated,
            Column::Lighter => self.lighter,
            Column::Ordinary => self.ordinary,
            Column::Heavier => self.heavier,
            Column::Transferred => self.transferred,
            Column::NoCoercion => self.no_coercion,
            Column::SoftMeasure(m) => at(&self.soft_measures, m as usize),
            Column::Contact(c) => at(&self.contacts, c as usize),
            Column::Mechanism(m) => at(&self.mechanisms, m as usize),
            Column::BaselineFine => return Cell::Amount(Money::from_fen(self.baseline_fine)),
            Column::ImposedFine => return Cell::Amount(Money::from_fen(self.imposed_fine)),
            Column::Relief => return Cell::Amount(Money::from_fen(self.relief)),
            Column::RepeatAfterLeniency => self.repeat_after_leniency,
        })
    }

    /// A count column's value (0 for an amount column).
    pub fn count(&self, column: Column) -> u64 {
        match self.get(column) {
            Cell::Count(n) => n,
            Cell::Amount(_) => 0,
        }
    }

    /// An amount column's value (zero for a count column).
    pub fn amount(&self, column: Column) -> Money {
        match self.get(column) {
            Cell::Amount(m) => m,
            Cell::Count(_) => Money::ZERO,
        }
    }

    fn set(&mut self, column: Column, cell: Cell) -> bool {
        let n = match cell {
            Cell::Count(n) if !column.is_amount() => n,
            Cell::Amount(m) if column.is_amount() => m.fen(),
            _ => return false,
        };
        let slot = match column {
            Column::TotalCases => &mut self.total_cases,
            Column::FlexibleCases => &mut self.flexible_cases,
            // Derived: checked against the sum of its grounds instead.
            Column::NoPenalty => return n == self.no_penalty_by.iter().sum::<u64>(),
            Column::NoPenaltyBy(g) => match self.no_penalty_by.get_mut(g as usize) {
                Some(s) => s,
                None => return false,
            },
            Column::Mitigated => &mut self.mitigated,
            Column::Lighter => &mut self.lighter,
            Column::Ordinary => &mut self.ordinary,
            Column::Heavier => &mut self.heavier,
            Column::Transferred => &mut self.transferred,
            Column::NoCoercion => &mut self.no_coercion,
            Column::SoftMeasure(m) => match self.soft_measures.get_mut(m as usize) {
                Some(s) => s,
                None => return false,
            },
            Column::Contact(c) => match self.contacts.get_mut(c as usize) {
                Some(s) => s,
                None => return false,
            },
            Column::Mechanism(m) => match self.mechanisms.get_mut(m as usize) {
                Some(s) => s,
                None => return false,
            },
            Column::BaselineFine => &mut self.baseline_fine,
            Column::ImposedFine => &mut self.imposed_fine,
            Column::Relief => &mut self.relief,
            Column::RepeatAfterLeniency => &mut self.repeat_after_leniency,
        };
        *slot = n;
        true
    }

    fn add(&mut self, o: &Counts) {
        fn add_all<const N: usize>(a: &mut [u64; N], b: &[u64; N]) {
            for (x, y) in a.iter_mut().zip(b) {
                *x = x.saturating_add(*y);
            }
        }
        self.total_cases = self.total_cases.saturating_add(o.total_cases);
        self.flexible_cases = self.flexible_cases.saturating_add(o.flexible_cases);
        add_all(&mut self.no_penalty_by, &o.no_penalty_by);
        self.mitigated = self.mitigated.saturating_add(o.mitigated);
        self.lighter = self.lighter.saturating_add(o.lighter);
        self.ordinary = self.ordinary.saturating_add(o.ordinary);
        self.heavier = self.heavier.saturating_add(o.heavier);
        self.transferred = self.transferred.saturating_add(o.transferred);
        self.no_coercion = self.no_coercion.saturating_add(o.no_coercion);
        add_all(&mut self.soft_measures, &o.soft_measures);
        add_all(&mut self.contacts, &o.contacts);
        add_all(&mut self.mechanisms, &o.mechanisms);
        self.baseline_fine = self.baseline_fine.saturating_add(o.baseline_fine);
        self.imposed_fine = self.imposed_fine.saturating_add(o.imposed_fine);
        self.relief = self.relief.saturating_add(o.relief);
        self.repeat_after_leniency = self.repeat_after_leniency.saturating_add(o.repeat_after_leniency);
    }
}

impl Serialize for Counts {
    /// A map from column code to value: a number for counts, a decimal
    /// string for amounts.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let cols = Column::all();
        let mut m = s.serialize_map(Some(cols.len()))?;
        for c in cols {
            match self.get(c) {
                Cell::Count(n) => m.serialize_entry(&c.code(), &n)?,
                Cell::Amount(a) => m.serialize_entry(&c.code(), &a)?,
            }
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Counts {
    /// Reads the map [`Counts`] serializes to; every column is required, no
    /// other key is accepted, and 不予处罚 must equal the sum of its grounds.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Counts, D::Error> {
        use serde::de::Error as _;
        let map = <std::collections::BTreeMap<String, serde_json::Value>>::deserialize(d)?;
        let mut counts = Counts::default();
        // Grounds first, so that the derived total is checked against them.
        let mut cols = Column::all();
        cols.sort_by_key(|c| !matches!(c, Column::NoPenaltyBy(_)));
        for c in &cols {
            let code = c.code();
            let v = map.get(&code).ok_or_else(|| D::Error::custom(format!("missing column `{code}`")))?;
            let cell = if c.is_amount() {
                Cell::Amount(
                    Money::deserialize(v).map_err(|e| D::Error::custom(format!("column `{code}`: {e}")))?,
                )
            } else {
                Cell::Count(v.as_u64().ok_or_else(|| {
                    D::Error::custom(format!("column `{code}`: expected a count, found `{v}`"))
                })?)
            };
            if !counts.set(*c, cell) {
                return Err(D::Error::custom(format!(
                    "column `{code}`: `{v}` is not the sum of its grounds"
                )));
            }
        }
        if let Some(k) = map.keys().find(|k| Column::from_code(k).is_none()) {
            return Err(D::Error::custom(format!("unknown column `{k}`")));
        }
        Ok(counts)
    }
}

// ---------------------------------------------------------------------------
// Units and the ledger
// ---------------------------------------------------------------------------

/// A reporting unit (填报单位): an agency, or the row for decisions that
/// record none.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// The agency's id; `None` for decisions without an agency.
    pub id: Option<AgencyId>,
    /// The agency's name (the first name seen for the id).
    pub name: String,
    /// The agency's domain, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<Domain>,
}

impl Unit {
    fn of(agency: Option<&Agency>) -> Unit {
        match agency {
            Some(a) => Unit { id: Some(a.id.clone()), name: a.name.to_string(), domain: Some(a.domain) },
            None => Unit { id: None, name: UNKNOWN_UNIT.to_owned(), domain: None },
        }
    }
}

const OUT_TRANSFER: u8 = N_GROUNDS as u8;
const OUT_MITIGATED: u8 = OUT_TRANSFER + 1;
const OUT_LIGHTER: u8 = OUT_TRANSFER + 2;
const OUT_ORDINARY: u8 = OUT_TRANSFER + 3;
const OUT_HEAVIER: u8 = OUT_TRANSFER + 4;

const F_LENIENT: u8 = 1;
const F_FLEXIBLE: u8 = 2;
const F_NO_COERCION: u8 = 4;

/// One decision reduced to what the table counts (48 bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Row {
    baseline: u64,
    imposed: u64,
    unit: u32,
    pair: u32,
    day: i32,
    measures: u32,
    contacts: [u16; N_CHANNELS],
    outcome: u8,
    flags: u8,
    mechanisms: u8,
}

impl Row {
    /// The row of one decision, in the given unit and party–item pair.
    fn of(d: &Decision, unit: u32, pair: u32) -> Row {
        let outcome = if d.disposition == Disposition::Transfer {
            OUT_TRANSFER
        } else {
            match d.tier {
                Tier::NoPenalty => no_penalty_ground(d) as u8,
                Tier::Mitigated => OUT_MITIGATED,
                Tier::Lighter => OUT_LIGHTER,
                Tier::Ordinary => OUT_ORDINARY,
                Tier::Heavier => OUT_HEAVIER,
            }
        };
        let lenient = is_lenient(d);
        let flexible = lenient
            || !d.soft_measures.is_empty()
            || !d.contacts.is_empty()
            || !d.mechanisms.is_empty()
            || !d.coercion_withheld.is_empty();
        let mut flags = 0;
        if lenient {
            flags |= F_LENIENT;
        }
        if flexible {
            flags |= F_FLEXIBLE;
        }
        if !d.coercion_withheld.is_empty() {
            flags |= F_NO_COERCION;
        }
        let measures = d.soft_measures.iter().fold(0u32, |m, s| m | 1u32.checked_shl(*s as u32).unwrap_or(0));
        let mechanisms = d.mechanisms.iter().fold(0u8, |m, s| m | 1u8.checked_shl(*s as u32).unwrap_or(0));
        let mut contacts = [0u16; N_CHANNELS];
        for c in &d.contacts {
            if let Some(n) = contacts.get_mut(*c as usize) {
                *n = n.saturating_add(1);
            }
        }
        let (baseline, imposed) = match (lenient, d.baseline_fine) {
            (true, Some(b)) => (b.fen(), d.fine().unwrap_or(Money::ZERO).fen()),
            _ => (0, 0),
        };
        Row {
            baseline,
            imposed,
            unit,
            pair,
            day: d.decided_on.num_days_from_ce(),
            measures,
            contacts,
            outcome,
            flags,
            mechanisms,
        }
    }
}

/// Whether a decision is 两轻一免 with a violation established.
fn is_lenient(d: &Decision) -> bool {
    d.tier.is_lenient() && d.reasons.bar.is_none() && d.disposition != Disposition::Transfer
}

/// The ground a no-penalty decision counts under.
pub fn no_penalty_ground(d: &Decision) -> NoPenaltyGround {
    if d.reasons.bar.is_some() {
        return NoPenaltyGround::Other;
    }
    let g = &d.reasons.grounds;
    let any = |f: &dyn Fn(&Ground) -> bool| g.iter().any(f);
    if any(&|x| matches!(x, Ground::UnderFourteen | Ground::Incapable)) {
        NoPenaltyGround::NoResponsibility
    } else if any(&|x| matches!(x, Ground::NoFault)) {
        NoPenaltyGround::NoFault
    } else if any(&|x| {
        matches!(x, Ground::MinorCorrectedNoHarm | Ground::ListEntry { outcome: ListOutcome::NoPenalty, .. })
    }) {
        NoPenaltyGround::Minor
    } else if any(&|x| {
        matches!(
            x,
            Ground::FirstViolation | Ground::ListEntry { outcome: ListOutcome::FirstViolationNoPenalty, .. }
        )
    }) {
        NoPenaltyGround::FirstViolation
    } else {
        NoPenaltyGround::Other
    }
}

/// The 减负 of a decision: baseline minus imposed, for 两轻一免 decisions
/// with a violation established and a baseline; zero otherwise.
pub fn relief(d: &Decision) -> Money {
    match (is_lenient(d), d.baseline_fine) {
        (true, Some(b)) => b.saturating_sub(d.fine().unwrap_or(Money::ZERO)),
        _ => Money::ZERO,
    }
}

/// Decisions reduced to compact rows for tabulating (统计台账).
///
/// Push each decision once; tabulate any period as often as needed. The
/// ledger keeps one 48-byte row per decision and the distinct units and
/// party–item pairs; it does not keep the decisions.
///
/// ```
/// use rouxing::report::{Ledger, ReportPeriod};
///
/// let ledger = Ledger::new();
/// let table = ledger.tabulate(ReportPeriod::year(2025).ok_or("year")?);
/// assert!(table.rows().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Ledger {
    units: Vec<Unit>,
    unit_index: FxHashMap<Option<AgencyId>, u32>,
    pairs: FxHashMap<(PartyId, Option<ItemCode>), u32>,
    rows: Vec<Row>,
}

impl Ledger {
    /// An empty ledger.
    pub fn new() -> Ledger {
        Ledger::default()
    }

    /// The number of decisions pushed.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no decision was pushed.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Adds a decision.
    pub fn push(&mut self, d: &Decision) {
        let key = d.agency.as_ref().map(|a| a.id.clone());
        let next_unit = u32::try_from(self.units.len()).unwrap_or(u32::MAX);
        let unit = *self.unit_index.entry(key).or_insert_with(|| {
            self.units.push(Unit::of(d.agency.as_ref()));
            next_unit
        });
        let next_pair = u32::try_from(self.pairs.len()).unwrap_or(u32::MAX);
        let pair = *self.pairs.entry((d.party.clone(), d.item.clone())).or_insert(next_pair);
        self.rows.push(Row::of(d, unit, pair));
    }

    /// Aggregates the decisions dated inside the period, per unit, with a
    /// total row. Decisions outside the period are counted in
    /// [`StatisticsTable::outside_period`] and serve as history for
    /// [`Column::RepeatAfterLeniency`].
    pub fn tabulate(&self, period: ReportPeriod) -> StatisticsTable {
        fold(&self.units, self.pairs.len(), &self.rows, period)
    }
}

/// The table of rows: units and party–item pairs are indices into `units`
/// and `0..n_pairs`.
fn fold(units: &[Unit], n_pairs: usize, rows: &[Row], period: ReportPeriod) -> StatisticsTable {
    let from = period.from.num_days_from_ce();
    let to = period.to.num_days_from_ce();
    // Pass 1: the first day of a lenient decision per party–item pair.
    let mut first_lenient = vec![i32::MAX; n_pairs];
    for r in rows {
        if r.flags & F_LENIENT != 0 {
            if let Some(f) = first_lenient.get_mut(r.pair as usize) {
                if r.day < *f {
                    *f = r.day;
                }
            }
        }
    }
    // Pass 2: count.
    let mut counts = vec![Counts::default(); units.len()];
    let mut outside = 0u64;
    for r in rows {
        if r.day < from || r.day > to {
            outside += 1;
            continue;
        }
        let Some(c) = counts.get_mut(r.unit as usize) else {
            continue;
        };
        count_row(c, r);
        if first_lenient.get(r.pair as usize).is_some_and(|f| *f < r.day) {
            c.repeat_after_leniency += 1;
        }
    }
    finish(units, counts, period, outside)
}

/// Counts one row dated inside the period into its unit's counts (all but
/// [`Column::RepeatAfterLeniency`], which needs the pair's history).
#[inline]
fn count_row(c: &mut Counts, r: &Row) {
    c.total_cases += 1;
    if r.flags & F_FLEXIBLE != 0 {
        c.flexible_cases += 1;
    }
    if r.flags & F_NO_COERCION != 0 {
        c.no_coercion += 1;
    }
    match r.outcome {
        OUT_TRANSFER => c.transferred += 1,
        OUT_MITIGATED => c.mitigated += 1,
        OUT_LIGHTER => c.lighter += 1,
        OUT_ORDINARY => c.ordinary += 1,
        OUT_HEAVIER => c.heavier += 1,
        g => {
            if let Some(n) = c.no_penalty_by.get_mut(usize::from(g)) {
                *n += 1;
            }
        }
    }
    let mut m = r.measures;
    while m != 0 {
        if let Some(n) = c.soft_measures.get_mut(m.trailing_zeros() as usize) {
            *n += 1;
        }
        m &= m - 1;
    }
    let mut m = r.mechanisms;
    while m != 0 {
        if let Some(n) = c.mechanisms.get_mut(m.trailing_zeros() as usize) {
            *n += 1;
        }
        m &= m - 1;
    }
    for (n, k) in c.contacts.iter_mut().zip(r.contacts) {
        *n += u64::from(k);
    }
    c.baseline_fine = c.baseline_fine.saturating_add(r.baseline);
    c.imposed_fine = c.imposed_fine.saturating_add(r.imposed);
    c.relief = c.relief.saturating_add(r.baseline.saturating_sub(r.imposed));
}

/// The table from each unit's counts: units without a decision in the
/// period left out, rows in unit order, the total row.
fn finish(units: &[Unit], counts: Vec<Counts>, period: ReportPeriod, outside: u64) -> StatisticsTable {
    let mut rows: Vec<UnitRow> = units
        .iter()
        .zip(counts)
        .filter(|(_, c)| c.total_cases > 0)
        .map(|(u, c)| UnitRow { unit: u.clone(), counts: c })
        .collect();
    rows.sort_by(|a, b| match (&a.unit.id, &b.unit.id) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    let mut total = Counts::default();
    for r in &rows {
        total.add(&r.counts);
    }
    StatisticsTable { period, rows, total, outside_period: outside }
}

impl<'a> Extend<&'a Decision> for Ledger {
    fn extend<I: IntoIterator<Item = &'a Decision>>(&mut self, iter: I) {
        for d in iter {
            self.push(d);
        }
    }
}

impl<'a> FromIterator<&'a Decision> for Ledger {
    fn from_iter<I: IntoIterator<Item = &'a Decision>>(iter: I) -> Ledger {
        let mut l = Ledger::new();
        l.extend(iter);
        l
    }
}

/// Interns identifiers held as `Arc<str>` (agency ids, item codes) with a
/// small cache keyed by the allocation: decisions that share an identifier's
/// allocation (the usual case for a batch built in memory) find its id without
/// hashing the text. Two allocations of the same text get the same id through
/// the map by text. The cache is sound because every key borrows from the
/// decisions, which outlive the interner: one address is one text.
struct Interner<'a> {
    /// (address, length, id) of the text last seen in each way.
    cache: [(usize, usize, u32); Interner::WAYS],
    by_text: FxHashMap<&'a str, u32>,
}

impl<'a> Interner<'a> {
    const WAYS: usize = 64;

    fn new() -> Interner<'a> {
        Interner { cache: [(0, 0, 0); Interner::WAYS], by_text: FxHashMap::default() }
    }

    /// The id of `text`, and whether it is new.
    #[inline]
    fn id(&mut self, text: &'a str) -> (u32, bool) {
        let addr = text.as_ptr() as usize;
        let way = (addr >> 4) % Interner::WAYS;
        if let Some((a, len, id)) = self.cache.get(way) {
            if *a == addr && *len == text.len() && addr != 0 {
                return (*id, false);
            }
        }
        let next = u32::try_from(self.by_text.len()).unwrap_or(u32::MAX);
        let id = *self.by_text.entry(text).or_insert(next);
        if let Some(slot) = self.cache.get_mut(way) {
            *slot = (addr, text.len(), id);
        }
        (id, id == next)
    }
}

/// Party–item pairs numbered in order of first appearance, looked up by the
/// party's allocation: the table keyed by (address, length, item) answers
/// without reading or hashing the party's text, which sits in its own
/// allocation (a cache line of its own per decision). Only an allocation not
/// seen before goes to the map by text, so that two allocations of the same
/// text are one pair. Sound for the reason [`Interner`]'s cache is: every key
/// borrows from the decisions, which outlive the table, so one live address
/// and length is one text.
struct Pairs<'a> {
    by_addr: FxHashMap<(usize, usize, u32), u32>,
    by_text: FxHashMap<(&'a str, u32), u32>,
}

impl<'a> Pairs<'a> {
    fn with_capacity(n: usize) -> Pairs<'a> {
        Pairs {
            by_addr: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            by_text: FxHashMap::with_capacity_and_hasher(n, Default::default()),
        }
    }

    /// The id of the pair (`party`, `item`), and whether it is new.
    #[inline]
    fn id(&mut self, party: &'a str, item: u32) -> (u32, bool) {
        let key = (party.as_ptr() as usize, party.len(), item);
        if let Some(id) = self.by_addr.get(&key) {
            return (*id, false);
        }
        let next = u32::try_from(self.by_text.len()).unwrap_or(u32::MAX);
        let id = *self.by_text.entry((party, item)).or_insert(next);
        self.by_addr.insert(key, id);
        (id, id == next)
    }
}

/// Tabulates decisions over a period: the same table as collecting a
/// [`Ledger`] and tabulating it ([`Ledger::tabulate`]). See the [module
/// documentation](self).
///
/// One pass over the decisions, without cloning and without a row per
/// decision: units and items are interned by reference (a cache keyed by the
/// shared allocation saves hashing their text), parties with their item as
/// a party–item pair looked up by the party's allocation (its text is read
/// only for an allocation not seen before); each decision is counted into its unit as it is read,
/// and only the pair and day of decisions inside the period are kept (12
/// bytes each) to count [`Column::RepeatAfterLeniency`] once every pair's
/// first lenient decision is known.
pub fn tabulate(decisions: &[Decision], period: ReportPeriod) -> StatisticsTable {
    let from = period.from.num_days_from_ce();
    let to = period.to.num_days_from_ce();
    let mut units: Vec<Unit> = Vec::new();
    let mut unit_ids = Interner::new();
    // The unit of decisions without an agency, once one is seen.
    let mut no_agency: Option<u32> = None;
    // Unit ids by agency id (the interner's ids) to their place in `units`.
    let mut unit_of_agency: Vec<u32> = Vec::new();
    let mut items = Interner::new();
    let mut pairs = Pairs::with_capacity(decisions.len() / 8 + 16);
    let mut first_lenient: Vec<i32> = Vec::new();
    let mut counts: Vec<Counts> = Vec::new();
    let mut inside: Vec<(u32, i32, u32)> = Vec::with_capacity(decisions.len());
    let mut outside = 0u64;
    for d in decisions {
        let day = d.decided_on.num_days_from_ce();
        // The item as 1 + its id, 0 for none.
        let item = d.item.as_ref().map_or(0, |i| items.id(i.as_str()).0.saturating_add(1));
        let (pair, fresh) = pairs.id(d.party.as_str(), item);
        if fresh {
            first_lenient.push(i32::MAX);
        }
        let row = Row::of(d, 0, pair);
        if row.flags & F_LENIENT != 0 {
            if let Some(f) = first_lenient.get_mut(pair as usize) {
                if day < *f {
                    *f = day;
                }
            }
        }
        // Every decision names its unit, inside the period or not: a unit's
        // name is the first seen for its id.
        let next_unit = u32::try_from(units.len()).unwrap_or(u32::MAX);
        let unit = match &d.agency {
            Some(a) => {
                let (id, fresh) = unit_ids.id(a.id.as_str());
                if fresh {
                    unit_of_agency.push(next_unit);
                }
                unit_of_agency.get(id as usize).copied().unwrap_or(next_unit)
            }
            None => *no_agency.get_or_insert(next_unit),
        };
        if unit == next_unit {
            units.push(Unit::of(d.agency.as_ref()));
            counts.push(Counts::default());
        }
        if day < from || day > to {
            outside += 1;
            continue;
        }
        if let Some(c) = counts.get_mut(unit as usize) {
            count_row(c, &row);
        }
        inside.push((pair, day, unit));
    }
    for (pair, day, unit) in inside {
        if first_lenient.get(pair as usize).is_some_and(|f| *f < day) {
            if let Some(c) = counts.get_mut(unit as usize) {
                c.repeat_after_leniency += 1;
            }
        }
    }
    finish(&units, counts, period, outside)
}

// ---------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------

/// One unit's row.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UnitRow {
    /// The unit.
    pub unit: Unit,
    /// Its values.
    #[serde(rename = "values")]
    pub counts: Counts,
}

/// The statistics table: one row per reporting unit with decisions in the
/// period (sorted by agency id, the row without an agency last) and a total
/// row that is their sum.
///
/// # JSON
///
/// The table of one decided case over a year:
///
/// ```
/// let statistics_table_json = r#"{
///   "schema_version": 1,
///   "period": {"from": "2026-01-01", "to": "2026-12-31"},
///   "columns": [
///                {"code": "total_cases", "header": "案件总数"},
///                {"code": "flexible_cases", "header": "柔性执法案件数"},
///                {"code": "no_penalty", "header": "不予处罚"},
///                {"code": "no_penalty_minor", "header": "其中：轻微不罚"},
///                {"code": "no_penalty_first_violation", "header": "其中：首违不罚"},
///                {"code": "no_penalty_no_fault", "header": "其中：无过错不罚"},
///                {"code": "no_penalty_no_responsibility", "header": "其中：无责任能力不罚"},
///                {"code": "no_penalty_other", "header": "其中：其他不予处罚"},
///                {"code": "mitigated", "header": "减轻处罚"},
///                {"code": "lighter", "header": "从轻处罚"},
///                {"code": "ordinary", "header": "一般处罚"},
///                {"code": "heavier", "header": "从重处罚"},
///                {"code": "transferred", "header": "移送司法机关"},
///                {"code": "no_coercion", "header": "不予行政强制"},
///                {"code": "soft_measure_guidance", "header": "柔性措施：行政指导"},
///                {"code": "soft_measure_suggestion", "header": "柔性措施：行政建议"},
///                {"code": "soft_measure_reminder", "header": "柔性措施：行政提醒"},
///                {"code": "soft_measure_dissuasion", "header": "柔性措施：劝告"},
///                {"code": "soft_measure_admonition", "header": "柔性措施：行政告诫"},
///                {"code": "soft_measure_interview", "header": "柔性措施：行政约谈"},
///                {"code": "soft_measure_prompt", "header": "柔性措施：预警提示"},
///                {"code": "soft_measure_persuasion_education", "header": "柔性措施：说服教育"},
///                {"code": "soft_measure_demonstration", "header": "柔性措施：劝导示范"},
///                {"code": "soft_measure_coaching", "header": "柔性措施：政策辅导"},
///                {"code": "soft_measure_follow_up_visit", "header": "柔性措施：行政回访"},
///                {"code": "contact_in_person", "header": "简易引导：当面"},
///                {"code": "contact_phone", "header": "简易引导：电话"},
///                {"code": "contact_sms", "header": "简易引导：短信"},
///                {"code": "contact_email", "header": "简易引导：电子邮件"},
///                {"code": "contact_online", "header": "简易引导：网上在线办理"},
///                {"code": "mechanism_simple_guidance", "header": "机制：简易引导"},
///                {"code": "mechanism_correction_only", "header": "机制：不罚只纠正"},
///                {"code": "mechanism_observation_period", "header": "机制：观察期"},
///                {"code": "mechanism_transition_period", "header": "机制：过渡期"},
///                {"code": "mechanism_credit_incentive", "header": "机制：守信激励"},
///                {"code": "baseline_fine", "header": "两轻一免案件拟罚款金额（元）"},
///                {"code": "imposed_fine", "header": "两轻一免案件实际罚款金额（元）"},
///                {"code": "relief", "header": "减负金额（元）"},
///                {"code": "repeat_after_leniency", "header": "宽大处理后再次违法"}
///              ],
///   "rows": [
///             {
///               "unit": {
///                         "id": "SH-JA-SCJG",
///                         "name": "上海市静安区市场监督管理局",
///                         "domain": "market_regulation"
///                       },
///               "values": {
///                           "total_cases": 1,
///                           "flexible_cases": 0,
///                           "no_penalty": 1,
///                           "no_penalty_minor": 0,
///                           "no_penalty_first_violation": 0,
///                           "no_penalty_no_fault": 0,
///                           "no_penalty_no_responsibility": 0,
///                           "no_penalty_other": 1,
///                           "mitigated": 0,
///                           "lighter": 0,
///                           "ordinary": 0,
///                           "heavier": 0,
///                           "transferred": 0,
///                           "no_coercion": 0,
///                           "soft_measure_guidance": 0,
///                           "soft_measure_suggestion": 0,
///                           "soft_measure_reminder": 0,
///                           "soft_measure_dissuasion": 0,
///                           "soft_measure_admonition": 0,
///                           "soft_measure_interview": 0,
///                           "soft_measure_prompt": 0,
///                           "soft_measure_persuasion_education": 0,
///                           "soft_measure_demonstration": 0,
///                           "soft_measure_coaching": 0,
///                           "soft_measure_follow_up_visit": 0,
///                           "contact_in_person": 0,
///                           "contact_phone": 0,
///                           "contact_sms": 0,
///                           "contact_email": 0,
///                           "contact_online": 0,
///                           "mechanism_simple_guidance": 0,
///                           "mechanism_correction_only": 0,
///                           "mechanism_observation_period": 0,
///                           "mechanism_transition_period": 0,
///                           "mechanism_credit_incentive": 0,
///                           "baseline_fine": "0.00",
///                           "imposed_fine": "0.00",
///                           "relief": "0.00",
///                           "repeat_after_leniency": 0
///                         }
///             }
///           ],
///   "total": {
///              "total_cases": 1,
///              "flexible_cases": 0,
///              "no_penalty": 1,
///              "no_penalty_minor": 0,
///              "no_penalty_first_violation": 0,
///              "no_penalty_no_fault": 0,
///              "no_penalty_no_responsibility": 0,
///              "no_penalty_other": 1,
///              "mitigated": 0,
///              "lighter": 0,
///              "ordinary": 0,
///              "heavier": 0,
///              "transferred": 0,
///              "no_coercion": 0,
///              "soft_measure_guidance": 0,
///              "soft_measure_suggestion": 0,
///              "soft_measure_reminder": 0,
///              "soft_measure_dissuasion": 0,
///              "soft_measure_admonition": 0,
///              "soft_measure_interview": 0,
///              "soft_measure_prompt": 0,
///              "soft_measure_persuasion_education": 0,
///              "soft_measure_demonstration": 0,
///              "soft_measure_coaching": 0,
///              "soft_measure_follow_up_visit": 0,
///              "contact_in_person": 0,
///              "contact_phone": 0,
///              "contact_sms": 0,
///              "contact_email": 0,
///              "contact_online": 0,
///              "mechanism_simple_guidance": 0,
///              "mechanism_correction_only": 0,
///              "mechanism_observation_period": 0,
///              "mechanism_transition_period": 0,
///              "mechanism_credit_incentive": 0,
///              "baseline_fine": "0.00",
///              "imposed_fine": "0.00",
///              "relief": "0.00",
///              "repeat_after_leniency": 0
///            },
///   "outside_period": 0
/// }"#;
/// use rouxing::StatisticsTable;
///
/// let statistics_table: StatisticsTable = serde_json::from_str(statistics_table_json)?;
/// assert_eq!(serde_json::to_value(&statistics_table)?, serde_json::from_str::<serde_json::Value>(statistics_table_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StatisticsTable {
    period: ReportPeriod,
    rows: Vec<UnitRow>,
    total: Counts,
    outside_period: u64,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct ColumnRepr {
    code: String,
    header: String,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct TableRepr {
    schema_version: u32,
    period: ReportPeriod,
    columns: Vec<ColumnRepr>,
    rows: Vec<UnitRow>,
    total: Counts,
    outside_period: u64,
}

impl Serialize for StatisticsTable {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        TableRepr {
            schema_version: REPORT_SCHEMA_VERSION,
            period: self.period,
            columns: Column::all()
                .into_iter()
                .map(|c| ColumnRepr { code: c.code(), header: c.header() })
                .collect(),
            rows: self.rows.clone(),
            total: self.total.clone(),
            outside_period: self.outside_period,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for StatisticsTable {
    /// Reads the JSON form; the columns must be this release's, and the
    /// total must be the sum of the rows.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<StatisticsTable, D::Error> {
        use serde::de::Error as _;
        let r = TableRepr::deserialize(d)?;
        if r.schema_version != REPORT_SCHEMA_VERSION {
            return Err(D::Error::custom(format!(
                "unsupported report schema version `{}`",
                r.schema_version
            )));
        }
        let cols = Column::all();
        let same = r.columns.len() == cols.len()
            && r.columns.iter().zip(&cols).all(|(a, b)| a.code == b.code() && a.header == b.header());
        if !same {
            return Err(D::Error::custom("columns differ from this release's table"));
        }
        let mut total = Counts::default();
        for row in &r.rows {
            total.add(&row.counts);
        }
        if total != r.total {
            return Err(D::Error::custom("the total row is not the sum of the rows"));
        }
        Ok(StatisticsTable {
            period: r.period,
            rows: r.rows,
            total: r.total,
            outside_period: r.outside_period,
        })
    }
}

impl StatisticsTable {
    /// The period.
    pub const fn period(&self) -> ReportPeriod {
        self.period
    }

    /// The unit rows.
    pub fn rows(&self) -> &[UnitRow] {
        &self.rows
    }

    /// The total row.
    pub const fn total(&self) -> &Counts {
        &self.total
    }

    /// The decisions tabulated but dated outside the period.
    pub const fn outside_period(&self) -> u64 {
        self.outside_period
    }

    /// The columns, in order.
    pub fn columns(&self) -> Vec<Column> {
        Column::all()
    }

    /// The table as CSV for Excel: UTF-8 with a byte-order mark, CRLF line
    /// ends, Chinese headers; the first two columns are 执法单位 and 单位编码,
    /// the last row is 合计; amounts in yuan with two decimals. A text
    /// starting with `=`, `+`, `-` or `@` is prefixed with `'`
    /// ([`neutralise_formula`]) so that Excel never evaluates it.
    pub fn to_csv(&self) -> String {
        let cols = Column::all();
        let mut out = String::from("\u{feff}");
        let mut line: Vec<String> = vec!["执法单位".to_owned(), "单位编码".to_owned()];
        line.extend(cols.iter().map(Column::header));
        push_csv_line(&mut out, &line);
        for r in &self.rows {
            let mut line = vec![
                r.unit.name.clone(),
                r.unit.id.as_ref().map(|i| i.as_str().to_owned()).unwrap_or_default(),
            ];
            line.extend(cols.iter().map(|c| r.counts.get(*c).to_string()));
            push_csv_line(&mut out, &line);
        }
        let mut line = vec!["合计".to_owned(), String::new()];
        line.extend(cols.iter().map(|c| self.total.get(*c).to_string()));
        push_csv_line(&mut out, &line);
        out
    }

    /// The table as a Markdown table with Chinese headers; amounts as
    /// `¥1,234.50`.
    pub fn to_markdown(&self) -> String {
        use std::fmt::Write as _;
        let cols = Column::all();
        let mut out = format!(
            "实施行政柔性执法和“两轻一免”情况统计表（{} 至 {}）\n\n",
            self.period.from, self.period.to
        );
        out.push_str("| 执法单位 |");
        for c in &cols {
            let _ = write!(out, " {} |", md_escape(&c.header()));
        }
        out.push_str("\n|---|");
        for _ in &cols {
            out.push_str("---:|");
        }
        out.push('\n');
        let cell = |c: Cell| match c {
            Cell::Count(n) => n.to_string(),
            Cell::Amount(m) => m.to_string(),
        };
        for r in &self.rows {
            let _ = write!(out, "| {} |", md_escape(&r.unit.name));
            for c in &cols {
                let _ = write!(out, " {} |", cell(r.counts.get(*c)));
            }
            out.push('\n');
        }
        out.push_str("| **合计** |");
        for c in &cols {
            let _ = write!(out, " **{}** |", cell(self.total.get(*c)));
        }
        out.push('\n');
        if self.outside_period > 0 {
            let _ = writeln!(out, "\n另有 {} 件决定不在统计期内，未计入本表。", self.outside_period);
        }
        out
    }

    /// The table as pretty-printed JSON with stable column codes (see
    /// [`Column::code`]); it deserializes back to the same table.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

fn push_csv_line(out: &mut String, fields: &[String]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // Formula injection: a unit name such as `=HYPERLINK(…)` is shown as
        // text, never evaluated (counts and amounts never start so).
        let f = neutralise_formula(f);
        if f.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&f);
        }
    }
    out.push_str("\r\n");
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace(['\r', '\n'], " ")
}

// ---------------------------------------------------------------------------
// Typical cases
// ---------------------------------------------------------------------------

vocabulary! {
    /// The category a typical case illustrates.
    pub enum TypicalCategory {
        /// 轻微不罚.
        MinorNoPenalty => "轻微不罚",
        /// 首违不罚.
        FirstViolation => "首违不罚",
        /// 无过错不罚.
        NoFault => "无过错不罚",
        /// 无责任能力不罚.
        NoResponsibility => "无责任能力不罚",
        /// 减轻处罚.
        Mitigated => "减轻处罚",
        /// 从轻处罚.
        Lighter => "从轻处罚",
        /// 不予行政强制.
        NoCoercion => "不予行政强制",
        /// 柔性执法措施 (guidance contacts, mechanisms).
        SoftMeasures => "柔性执法措施",
    }
}

fn categories(d: &Decision) -> Vec<TypicalCategory> {
    let mut v = Vec::new();
    let violation = d.reasons.bar.is_none() && d.disposition != Disposition::Transfer;
    if violation {
        match d.tier {
            Tier::NoPenalty => match no_penalty_ground(d) {
                NoPenaltyGround::Minor => v.push(TypicalCategory::MinorNoPenalty),
                NoPenaltyGround::FirstViolation => v.push(TypicalCategory::FirstViolation),
                NoPenaltyGround::NoFault => v.push(TypicalCategory::NoFault),
                NoPenaltyGround::NoResponsibility => v.push(TypicalCategory::NoResponsibility),
                NoPenaltyGround::Other => {}
            },
            Tier::Mitigated => v.push(TypicalCategory::Mitigated),
            Tier::Lighter => v.push(TypicalCategory::Lighter),
            Tier::Ordinary | Tier::Heavier => {}
        }
    }
    if !d.coercion_withheld.is_empty() {
        v.push(TypicalCategory::NoCoercion);
    }
    let soft = !d.contacts.is_empty() || d.mechanisms.iter().any(|m| *m != Mechanism::CorrectionOnly);
    if soft {
        v.push(TypicalCategory::SoftMeasures);
    }
    v
}

/// A typical case (典型案例): the facts, the decision and its legal basis.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TypicalCase {
    /// What it illustrates.
    pub category: TypicalCategory,
    /// The reporting unit.
    pub unit: Unit,
    /// The case.
    pub case_id: CaseId,
    /// The party.
    pub party: PartyId,
    /// The item, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemCode>,
    /// The day of the decision.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub decided_on: NaiveDate,
    /// The facts (基本案情).
    pub facts: String,
    /// The decision (处理结果), as [`Decision::summary`].
    pub decision: String,
    /// The reasons (说明理由), as the decision's reasons render.
    pub reasons: String,
    /// The legal basis: the grounds' and bar's provisions.
    pub basis: Vec<Citation>,
    /// 减负金额 (see [`relief`]).
    pub relief: Money,
    /// The effect (取得成效), from what the decision does: 减负, correction,
    /// follow-up visit, mechanisms.
    #[serde(default)]
    pub effect: String,
}

/// The effect of a decision in words, for a typical case.
fn effect_of(d: &Decision) -> String {
    let mut v: Vec<String> = Vec::new();
    let r = relief(d);
    if !r.is_zero() {
        v.push(format!("为当事人减轻负担{}元", r.to_decimal_string()));
    }
    if let Some(c) = &d.correction {
        match c.deadline {
            Some(x) => v.push(format!("{}（至{}）", c.kind.legal_name(), crate::instrument::chinese_date(x))),
            None => v.push(c.kind.legal_name().to_owned()),
        }
    }
    if d.education {
        v.push("对当事人进行了教育".to_owned());
    }
    if let Some(f) = d.follow_up_on {
        v.push(format!("定于{}回访", crate::instrument::chinese_date(f)));
    }
    for m in &d.mechanisms {
        v.push(format!("适用{}", m.legal_name()));
    }
    if v.is_empty() { "依法处理".to_owned() } else { format!("{}。", v.join("，")) }
}

/// Selects the typical cases a unit would report for the period: for each
/// unit and each [`TypicalCategory`], the decision with the most 减负 (ties:
/// the earliest, then the lowest case id), a decision being picked for one
/// category at most. `facts` writes each picked case's facts (基本案情) from
/// the caller's case store; the result is ordered by unit as in the table,
/// then by category.
///
/// ```
/// use rouxing::report::{typical_cases, ReportPeriod};
///
/// let cases = typical_cases(&[], ReportPeriod::year(2025).ok_or("year")?, |_| String::new());
/// assert!(cases.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn typical_cases(
    decisions: &[Decision],
    period: ReportPeriod,
    facts: impl Fn(&Decision) -> String,
) -> Vec<TypicalCase> {
    // (unit key, category) → best index.
    let mut best: HashMap<(Option<&AgencyId>, TypicalCategory), usize> = HashMap::new();
    let better = |a: &Decision, b: &Decision| {
        (std::cmp::Reverse(relief(a)), a.decided_on, &a.case_id)
            < (std::cmp::Reverse(relief(b)), b.decided_on, &b.case_id)
    };
    let mut candidates: Vec<(usize, TypicalCategory)> = Vec::new();
    for (i, d) in decisions.iter().enumerate() {
        if period.contains(d.decided_on) {
            for c in categories(d) {
                candidates.push((i, c));
            }
        }
    }
    // Categories in order; a decision picked once is not picked again.
    let mut picked: Vec<usize> = Vec::new();
    for cat in TypicalCategory::ALL {
        for (i, c) in &candidates {
            if c != cat || picked.contains(i) {
                continue;
            }
            let Some(d) = decisions.get(*i) else { continue };
            let key = (d.agency.as_ref().map(|a| &a.id), *cat);
            let replace = match best.get(&key).and_then(|j| decisions.get(*j)) {
                Some(cur) => better(d, cur),
                None => true,
            };
            if replace {
                best.insert(key, *i);
            }
        }
        picked.extend(best.iter().filter(|((_, c), _)| c == cat).map(|(_, i)| *i));
    }
    let mut out: Vec<TypicalCase> = best
        .into_iter()
        .filter_map(|((_, category), i)| {
            let d = decisions.get(i)?;
            let mut basis: Vec<Citation> = d.reasons.grounds.iter().map(Ground::citation).collect();
            if let Some(b) = d.reasons.bar {
                basis.push(b.citation());
            }
            basis.dedup();
            Some(TypicalCase {
                category,
                unit: Unit::of(d.agency.as_ref()),
                case_id: d.case_id.clone(),
                party: d.party.clone(),
                item: d.item.clone(),
                decided_on: d.decided_on,
                facts: facts(d),
                decision: d.summary(),
                reasons: d.reasons.to_string(),
                basis,
                relief: relief(d),
                effect: effect_of(d),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        let key = |t: &TypicalCase| (t.unit.id.is_none(), t.unit.id.clone(), t.category);
        key(a).cmp(&key(b))
    });
    out
}

/// Renders typical cases as Markdown: one section per case with 基本案情,
/// 处理结果, 说明理由, 法律依据 (each provision with its words) and 减负金额.
pub fn typical_cases_markdown(cases: &[TypicalCase]) -> String {
    use std::fmt::Write as _;
    let mut out = String::from("# 行政柔性执法典型案例\n");
    for (n, t) in cases.iter().enumerate() {
        let _ = write!(
            out,
            "\n## {}、{}：{}（{}）\n\n",
            crate::calendar::chinese_numeral(u32::try_from(n + 1).unwrap_or(u32::MAX)),
            t.unit.name,
            t.category.legal_name(),
            t.case_id
        );
        let _ = writeln!(out, "- 当事人：{}", t.party);
        if let Some(i) = &t.item {
            let _ = writeln!(out, "- 违法行为编码：{i}");
        }
        let _ = writeln!(out, "- 决定日期：{}", t.decided_on);
        let _ = writeln!(out, "\n**基本案情**　{}\n", t.facts);
        let _ = writeln!(out, "**处理结果**　{}\n", t.decision);
        let _ = writeln!(out, "**说明理由**　{}\n", t.reasons);
        if !t.basis.is_empty() {
            out.push_str("**法律依据**\n\n");
            for c in &t.basis {
                match c.quote() {
                    Some(q) => {
                        let _ = writeln!(out, "- {c}：“{q}”");
                    }
                    None => {
                        let _ = writeln!(out, "- {c}");
                    }
                }
            }
            out.push('\n');
        }
        if !t.relief.is_zero() {
            let _ = writeln!(out, "**减负金额**　{}", t.relief);
        }
    }
    out
}

impl TypicalCase {
    /// The case with the party's identity redacted as for publication
    /// ([`crate::publicity::redact`]): the party, the facts, the decision,
    /// the reasons and the effect.
    pub fn redacted(&self, redaction: &crate::publicity::Redaction) -> TypicalCase {
        let r = |s: &str| crate::publicity::redact(s, redaction).text;
        let party = PartyId::new(r(self.party.as_str())).unwrap_or_else(|_| self.party.clone());
        TypicalCase {
            party,
            facts: r(&self.facts),
            decision: r(&self.decision),
            reasons: r(&self.reasons),
            effect: r(&self.effect),
            ..self.clone()
        }
    }
}

/// Renders typical cases as a Word document (feature `docx`): for each case
/// 基本案情, 处理结果, 法律依据 and 取得成效, with the party's identity redacted
/// first ([`TypicalCase::redacted`]). Each provision's words are quoted the
/// first time it is cited in the document and named only afterwards.
///
/// # Errors
///
/// When the document cannot be packed.
#[cfg(feature = "docx")]
#[cfg_attr(docsrs_rouxing, doc(cfg(feature = "docx")))]
pub fn typical_cases_docx(
    cases: &[TypicalCase],
    redaction: &crate::publicity::Redaction,
) -> Result<Vec<u8>, crate::office::DocxError> {
    use crate::office::Para;
    let mut paras = vec![Para::Title("行政柔性执法典型案例".to_owned())];
    let mut quoted: Vec<Citation> = Vec::new();
    for (n, t) in cases.iter().enumerate() {
        let t = t.redacted(redaction);
        paras.push(Para::Heading(format!(
            "{}、{}：{}",
            crate::calendar::chinese_numeral(u32::try_from(n + 1).unwrap_or(u32::MAX)),
            t.unit.name,
            t.category.legal_name()
        )));
        paras.push(Para::Body(format!("【基本案情】当事人{}，{}", t.party, t.facts)));
        paras.push(Para::Body(format!("【处理结果】{}（{}）。{}", t.decision, t.case_id, t.reasons)));
        let mut basis: Vec<String> = Vec::new();
        for c in &t.basis {
            match c.quote() {
                Some(q) if !quoted.contains(c) => {
                    quoted.push(*c);
                    basis.push(format!("{c}：“{q}”"));
                }
                _ => basis.push(c.to_string()),
            }
        }
        if !basis.is_empty() {
            paras.push(Para::Body(format!("【法律依据】{}", basis.join("；"))));
        }
        paras.push(Para::Body(format!("【取得成效】{}", t.effect)));
    }
    crate::office::write_docx(&paras)
}
