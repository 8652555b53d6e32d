//! Batch supervision (执法监督): consistency, repeated 首违不罚, leniency
//! outliers and exemptions on the safety baseline, over many decided cases.
//!
//! The county plan asks supervisors to "防止“以罚代教”“以罚代管”和“同事不同罚”等问题发生"
//! (山丹县实施方案 六(三)) and to prevent "执法放水""柔性滥用" (四(二)); 国办发〔2022〕27号 names
//! "类案不同罚" among the defects to remove, and a published discretion rule
//! requires that "对事实、性质、情节、后果相同的情况应当给予相同的处理". These
//! checks run over a slice of [`DecidedCase`]s — compact records of a case, its
//! assessment and its decision — and name the cases they flag.
//!
//! | check | function | code | flags |
//! |---|---|---|---|
//! | 同事同罚 | [`consistency`] | `inconsistent_tiers`, `fine_spread` | cases of the same item and the same material facts ([`FactSignature`]: everything the statute and the list conditions read, 承诺书 included; amounts banded) whose tiers or fines diverge beyond [`AuditConfig`]'s tolerance |
//! | 首违不罚 once | [`repeated_first_violation`] | `first_violation_repeated`, `first_violation_not_first` | a 首违不罚 (by its facts, whatever its ground) after an earlier 首违不罚, penalty or decided violation of the same party (normalised id) and item inside the window, found from the batch itself |
//! | leniency outliers | [`leniency_outliers`] | `leniency_outlier` | units and officers whose share of lenient outcomes (不予、减轻、从轻, 观察期, 过渡期) is far from their peers' |
//! | safety baseline | [`baseline_exemptions`] | `baseline_leniency` | every lenient outcome on safety-baseline items that the statute did not compel |
//!
//! [`audit`] runs all four. Everything is deterministic: findings come in the
//! order of the cases that first exhibit them.
//!
//! ```
//! use chrono::NaiveDate;
//! use rouxing::assess::Tier;
//! use rouxing::audit::{
//!     audit, AuditConfig, CorrectionStatus, DecidedCase, FactSignature, FirstViolationStatus,
//!     PersonalGround,
//! };
//! use rouxing::case::{Fault, Gravity, Harm};
//! use rouxing::money::Money;
//! use rouxing::party::PartyId;
//!
//! // Two shops, the same violation, the same facts: one 从轻, one 一般.
//! let facts = FactSignature {
//!     natural_person: false,
//!     personal: PersonalGround::None,
//!     gravity: Gravity::General,
//!     harm: Harm::Harmful,
//!     fault: Fault::Negligent,
//!     correction: CorrectionStatus::None,
//!     first_violation: FirstViolationStatus::First,
//!     mitigating: 0,
//!     aggravating: 0,
//!     list_first_violation: 0,
//!     repeat_of_item: false,
//!     context: 0,
//!     confirmed: Vec::new(),
//!     crime_suspected: false,
//!     bar: None,
//! };
//! let day = NaiveDate::from_ymd_opt(2025, 3, 1).ok_or("date")?;
//! let decided = |id: &str, tier, fine| -> Result<DecidedCase, Box<dyn std::error::Error>> {
//!     Ok(DecidedCase {
//!         case_id: id.parse()?,
//!         party: PartyId::new(format!("P-{id}"))?,
//!         item: "MR-PRICE-42".parse()?,
//!         unit: Some("U-1".parse()?),
//!         officer: None,
//!         act_on: day,
//!         decided_on: day,
//!         facts: facts.clone(),
//!         amount: None,
//!         safety_baseline: false,
//!         tier,
//!         fine: Some(Money::yuan(fine)),
//!         fine_band: None,
//!         mechanisms: Vec::new(),
//!         ground: None,
//!         first_violation_waiver: false,
//!     })
//! };
//! let cases = vec![decided("C-1", Tier::Lighter, 2_000)?, decided("C-2", Tier::Ordinary, 5_000)?];
//! let report = audit(&cases, &AuditConfig::default());
//! assert_eq!(report.consistency.len(), 1); // 同事不同罚
//! assert_eq!(report.consistency[0].cases.len(), 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Legal basis
//!
//! 山丹县实施方案 六(三): "要强化执法监督，规范执法行为，防止“以罚代教”“以罚代管”和“同事不同罚”等
//! 问题发生"; 《中华人民共和国行政处罚法》第三十三条第一款第二句 (首违不罚 applies to a first
//! violation only); 山丹县实施方案 五(二) (tolerance only for fields "不触碰安全底线").

pub mod pattern;
pub use pattern::{PatternCase, PatternConfig, PatternReport, patterns};

use std::collections::HashMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::assess::{Assessment, Bar, Ground, Tier, Why};
use crate::case::{
    AgencyId, Aggravating, Case, CaseId, Correction, Fault, Gravity, Harm, Mitigating, OfficerId,
};
use crate::case::{Context, CrimeSuspicion};
use crate::catalogue::{Condition, Exclusion, FactKey, Item, ItemCode, ListOutcome};
use crate::decision::Decision;
use crate::law::{Citation, Instrument};
use crate::measure::Mechanism;
use crate::money::FineBounds;
use crate::money::Money;
use crate::party::{MentalCapacity, PartyId};
use crate::regime::{Regime, Window};

vocabulary! {
    /// Whether and how the party corrected, without the date.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `none` | 未改正 |
    /// | `prompt` | 及时改正 |
    /// | `late` | 逾期改正 |
    /// | `refused` | 拒不改正 |
    ///
    /// ```
    /// use rouxing::audit::CorrectionStatus;
    ///
    /// let correction_status: CorrectionStatus = serde_json::from_str(r#""none""#)?;
    /// assert_eq!(correction_status, CorrectionStatus::None);
    /// assert_eq!(serde_json::to_string(&correction_status)?, r#""none""#);
    /// # let codes = [("none", "未改正"), ("prompt", "及时改正"), ("late", "逾期改正"), ("refused", "拒不改正")];
    /// # assert_eq!(CorrectionStatus::ALL.len(), codes.len());
    /// # for (v, (code, name)) in CorrectionStatus::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<CorrectionStatus>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum CorrectionStatus {
        /// 未改正.
        None => "未改正",
        /// 及时改正.
        Prompt => "及时改正",
        /// 逾期改正.
        Late => "逾期改正",
        /// 拒不改正.
        Refused => "拒不改正",
    }
}

impl From<Correction> for CorrectionStatus {
    fn from(c: Correction) -> Self {
        match c {
            Correction::None => CorrectionStatus::None,
            Correction::Prompt { .. } => CorrectionStatus::Prompt,
            Correction::Late { .. } => CorrectionStatus::Late,
            Correction::Refused => CorrectionStatus::Refused,
        }
    }
}

vocabulary! {
    /// A personal ground of the party (Arts. 30, 31).
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `none` | 无 |
    /// | `under_fourteen` | 不满十四周岁 |
    /// | `minor` | 已满十四周岁不满十八周岁 |
    /// | `incapable` | 不能辨认或者不能控制自己行为 |
    /// | `partial_capacity` | 尚未完全丧失辨认或者控制能力 |
    ///
    /// ```
    /// use rouxing::audit::PersonalGround;
    ///
    /// let personal_ground: PersonalGround = serde_json::from_str(r#""none""#)?;
    /// assert_eq!(personal_ground, PersonalGround::None);
    /// assert_eq!(serde_json::to_string(&personal_ground)?, r#""none""#);
    /// # let codes = [("none", "无"), ("under_fourteen", "不满十四周岁"), ("minor", "已满十四周岁不满十八周岁"), ("incapable", "不能辨认或者不能控制自己行为"), ("partial_capacity", "尚未完全丧失辨认或者控制能力")];
    /// # assert_eq!(PersonalGround::ALL.len(), codes.len());
    /// # for (v, (code, name)) in PersonalGround::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<PersonalGround>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum PersonalGround {
        /// None.
        None => "无",
        /// 不满十四周岁 (Art. 30).
        UnderFourteen => "不满十四周岁",
        /// 已满十四周岁不满十八周岁 (Art. 30).
        Minor => "已满十四周岁不满十八周岁",
        /// 不能辨认或者不能控制自己行为 (Art. 31).
        Incapable => "不能辨认或者不能控制自己行为",
        /// 尚未完全丧失辨认或者控制自己行为能力 (Art. 31).
        PartialCapacity => "尚未完全丧失辨认或者控制能力",
    }
}

vocabulary! {
    /// Whether the violation was a first violation (初次违法) under the
    /// regime's window and scope.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `first` | 初次违法 |
    /// | `repeat` | 非初次违法 |
    /// | `unknown` | 未认定 |
    ///
    /// ```
    /// use rouxing::audit::FirstViolationStatus;
    ///
    /// let first_violation_status: FirstViolationStatus = serde_json::from_str(r#""first""#)?;
    /// assert_eq!(first_violation_status, FirstViolationStatus::First);
    /// assert_eq!(serde_json::to_string(&first_violation_status)?, r#""first""#);
    /// # let codes = [("first", "初次违法"), ("repeat", "非初次违法"), ("unknown", "未认定")];
    /// # assert_eq!(FirstViolationStatus::ALL.len(), codes.len());
    /// # for (v, (code, name)) in FirstViolationStatus::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<FirstViolationStatus>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum FirstViolationStatus {
        /// 初次违法.
        First => "初次违法",
        /// 非初次违法.
        Repeat => "非初次违法",
        /// Not determined (a bar stopped the assessment earlier).
        Unknown => "未认定",
    }
}

/// The material facts (事实、性质、情节、后果) that decide the outcome of a
/// case of a given item: cases of the same item with the same signature and
/// the same amount band should get the same tier (同事同罚).
///
/// The signature is everything the statute, the regime and the item's list
/// conditions and exclusions read: the kind of party (citizen or
/// organisation: statutory fines differ); the party's personal ground
/// (Arts. 30, 31); gravity; harm; fault; correction; first violation under
/// the regime's window, under every window the item's list conditions set
/// (`list_first_violation`) and whether any earlier violation of the same
/// item is recorded (`repeat_of_item`, the lists' "再次发现同一种违法行为");
/// the set of mitigating and of aggravating circumstances; every context fact
/// (承诺书 signed or not, sensitive zone, serious-dishonesty listing …); every
/// item-specific fact the officer confirmed; suspicion of crime; and any bar
/// to a penalty. A 承诺书 signer and a non-signer are therefore never "the
/// same facts". Amounts are not in the signature itself: [`consistency`]
/// bands the case's amount with [`AuditConfig::amount_bands`].
///
/// [`FactSignature::field_of_condition`] and
/// [`FactSignature::field_of_exclusion`] name the field that carries what
/// each list condition and exclusion reads; both are exhaustive matches, so a
/// new kind of condition cannot be added without deciding where the
/// signature keeps it.
///
/// `mitigating`, `aggravating` and `context` are bit sets: bit *i* is set
/// when the circumstance `Mitigating::ALL[i]` (resp. `Aggravating::ALL[i]`,
/// `Context::ALL[i]`) is found. `list_first_violation` has bit `3·k + s` set
/// when the case is a first violation under the *k*-th distinct window the
/// item's list conditions set (in catalogue order, at most five) in scope *s*
/// (0 same item, 1 same domain, 2 any item).
///
/// ```json
/// {"natural_person": false, "personal": "none", "gravity": "general", "harm": "harmful",
///  "fault": "negligent", "correction": "none", "first_violation": "first", "mitigating": 0,
///  "aggravating": 0, "context": 256, "confirmed": ["at_most_two_spots"]}
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FactSignature {
    /// Whether the party is a natural person.
    pub natural_person: bool,
    /// The party's personal ground.
    pub personal: PersonalGround,
    /// Gravity.
    pub gravity: Gravity,
    /// Harm.
    pub harm: Harm,
    /// Fault.
    pub fault: Fault,
    /// Correction.
    pub correction: CorrectionStatus,
    /// First violation under the regime's window and scope.
    pub first_violation: FirstViolationStatus,
    /// First violation under the windows the item's list conditions set (see
    /// the type's documentation).
    #[serde(default, skip_serializing_if = "is_zero_u16")]
    pub list_first_violation: u16,
    /// Whether an earlier violation of the same item is recorded, at any
    /// time.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub repeat_of_item: bool,
    /// Mitigating circumstances, a bit set over `Mitigating::ALL`.
    pub mitigating: u8,
    /// Aggravating circumstances, a bit set over `Aggravating::ALL`.
    pub aggravating: u16,
    /// Context facts, a bit set over `Context::ALL` (签署承诺书 is bit 8).
    #[serde(default, skip_serializing_if = "is_zero_u16")]
    pub context: u16,
    /// The item-specific facts the officer confirmed, sorted, without
    /// repeats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub confirmed: Vec<FactKey>,
    /// Whether a crime is suspected.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub crime_suspected: bool,
    /// A bar to any penalty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bar: Option<Bar>,
}

fn is_zero_u16(n: &u16) -> bool {
    *n == 0
}

// The bit sets must hold every variant.
const _: () = assert!(Mitigating::ALL.len() <= 8);
const _: () = assert!(Aggravating::ALL.len() <= 16);
const _: () = assert!(Context::ALL.len() <= 16);

/// The most list windows [`FactSignature::list_first_violation`] records.
const LIST_WINDOWS: usize = 5;

fn bit_of<T: PartialEq>(all: &[T], x: &T) -> u32 {
    all.iter().position(|y| y == x).and_then(|i| u32::try_from(i).ok()).unwrap_or(u32::MAX)
}

impl FactSignature {
    /// A plain first violation by an organisation with the given harm: 一般
    /// gravity, negligence, not corrected, no mitigating or aggravating
    /// circumstance, no context, nothing confirmed, no crime suspected, no
    /// bar — the starting point for writing signatures by struct update.
    ///
    /// ```
    /// use rouxing::audit::FactSignature;
    /// use rouxing::case::{Harm, Gravity};
    ///
    /// let serious = FactSignature { gravity: Gravity::Serious, ..FactSignature::plain(Harm::Harmful) };
    /// assert!(!serious.natural_person && !serious.crime_suspected);
    /// ```
    pub const fn plain(harm: Harm) -> FactSignature {
        FactSignature {
            natural_person: false,
            personal: PersonalGround::None,
            gravity: Gravity::General,
            harm,
            fault: Fault::Negligent,
            correction: CorrectionStatus::None,
            first_violation: FirstViolationStatus::First,
            list_first_violation: 0,
            repeat_of_item: false,
            mitigating: 0,
            aggravating: 0,
            context: 0,
            confirmed: Vec::new(),
            crime_suspected: false,
            bar: None,
        }
    }

    /// The signature of a case under its assessment (the assessment supplies
    /// the regime's first-violation finding, the bar and the item with its
    /// list conditions).
    pub fn of(case: &Case, a: &Assessment) -> FactSignature {
        let act = case.act().committed_on();
        let personal = match (case.party().age_on(act), case.party().capacity()) {
            (_, Some(MentalCapacity::Incapable)) => PersonalGround::Incapable,
            (Some(age), _) if age < 14 => PersonalGround::UnderFourteen,
            (Some(age), _) if age < 18 => PersonalGround::Minor,
            (_, Some(MentalCapacity::Partial)) => PersonalGround::PartialCapacity,
            _ => PersonalGround::None,
        };
        let first_violation = a
            .trace
            .iter()
            .find_map(|t| match t.why {
                Why::FirstFacts { first: true, .. } | Why::FirstBlockedByAggravation => {
                    Some(FirstViolationStatus::First)
                }
                Why::FirstFacts { first: false, .. } => Some(FirstViolationStatus::Repeat),
                _ => None,
            })
            .unwrap_or(FirstViolationStatus::Unknown);
        let mut mitigating = 0u8;
        for m in case.mitigating() {
            mitigating |= 1u8.checked_shl(bit_of(Mitigating::ALL, m)).unwrap_or(0);
        }
        let mut aggravating = 0u16;
        for x in case.aggravating() {
            aggravating |= 1u16.checked_shl(bit_of(Aggravating::ALL, x)).unwrap_or(0);
        }
        let mut context = 0u16;
        for x in case.context() {
            context |= 1u16.checked_shl(bit_of(Context::ALL, x)).unwrap_or(0);
        }
        let mut confirmed = case.confirmed().to_vec();
        confirmed.sort_unstable();
        confirmed.dedup();
        let (list_first_violation, repeat_of_item) = match a.item.as_deref() {
            Some(item) => (list_first(case, item), case.priors().iter().any(|p| p.item == item.code)),
            None => (0, case.priors().iter().any(|p| &p.item == case.item())),
        };
        FactSignature {
            natural_person: case.party().is_natural_person(),
            personal,
            gravity: case.gravity(),
            harm: case.harm(),
            fault: case.fault(),
            correction: case.correction().into(),
            first_violation,
            list_first_violation,
            repeat_of_item,
            mitigating,
            aggravating,
            context,
            confirmed,
            crime_suspected: case.crime() == CrimeSuspicion::Suspected,
            bar: a.bar,
        }
    }

    /// The signature field that carries what a list condition reads.
    ///
    /// ```
    /// use rouxing::audit::FactSignature;
    /// use rouxing::catalogue::Condition;
    /// assert_eq!(FactSignature::field_of_condition(&Condition::CommitmentSigned), "context");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn field_of_condition(c: &Condition) -> &'static str {
        // Exhaustive on purpose: a new condition kind must be given a field.
        match c {
            Condition::FirstViolation { window: None } => "first_violation",
            Condition::FirstViolation { window: Some(_) } => "list_first_violation",
            Condition::CorrectedPromptly => "correction",
            Condition::NoHarm | Condition::HarmAtMostSlight => "harm",
            Condition::Minor => "gravity",
            Condition::NotIntentional => "fault",
            Condition::CommitmentSigned => "context",
            Condition::Fact { .. } => "confirmed",
        }
    }

    /// The signature field that carries what a list exclusion reads.
    ///
    /// ```
    /// use rouxing::audit::FactSignature;
    /// use rouxing::catalogue::Exclusion;
    /// assert_eq!(FactSignature::field_of_exclusion(&Exclusion::RepeatViolation), "repeat_of_item");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn field_of_exclusion(x: &Exclusion) -> &'static str {
        // Exhaustive on purpose: a new exclusion kind must be given a field.
        match x {
            Exclusion::Context { .. } => "context",
            Exclusion::RefusedCorrection => "correction",
            Exclusion::RepeatViolation => "repeat_of_item",
            Exclusion::SeriousCircumstances => "gravity",
            Exclusion::Fact { .. } => "confirmed",
        }
    }

    /// The mitigating circumstances in the set.
    pub fn mitigating_circumstances(&self) -> impl Iterator<Item = Mitigating> + '_ {
        Mitigating::ALL.iter().enumerate().filter(|(i, _)| self.mitigating >> i & 1 == 1).map(|(_, m)| *m)
    }

    /// The aggravating circumstances in the set.
    pub fn aggravating_circumstances(&self) -> impl Iterator<Item = Aggravating> + '_ {
        Aggravating::ALL.iter().enumerate().filter(|(i, _)| self.aggravating >> i & 1 == 1).map(|(_, m)| *m)
    }

    /// The context facts in the set.
    pub fn context_facts(&self) -> impl Iterator<Item = Context> + '_ {
        Context::ALL.iter().enumerate().filter(|(i, _)| self.context >> i & 1 == 1).map(|(_, m)| *m)
    }

    /// Whether the party signed a commitment letter (签署承诺书).
    pub fn commitment_signed(&self) -> bool {
        self.context_facts().any(|c| c == Context::CommitmentSigned)
    }

    /// Whether the statute itself excludes a penalty on these facts, so that
    /// a 不予处罚 is compulsory and owes nothing to a first violation: under
    /// 14 or incapable (Arts. 30, 31), no fault proven (Art. 33 ¶2), or an
    /// act that is not serious, corrected promptly and without harm (Art. 33
    /// ¶1 sentence 1, as a list may declare it 轻微 — the same floor
    /// `assess` applies to list 不予处罚 entries).
    pub fn compels_no_penalty(&self) -> bool {
        matches!(self.personal, PersonalGround::UnderFourteen | PersonalGround::Incapable)
            || self.fault == Fault::NoFaultProven
            || (self.harm == Harm::None
                && self.correction == CorrectionStatus::Prompt
                && self.gravity != Gravity::Serious)
    }

    /// Whether the statute requires 从轻 or 减轻 on these facts (应当从轻或者减轻):
    /// a minor or partial capacity (Arts. 30, 31) or an Art. 32 circumstance.
    pub fn compels_leniency(&self) -> bool {
        matches!(self.personal, PersonalGround::Minor | PersonalGround::PartialCapacity)
            || self.mitigating_circumstances().any(|m| m.art_32_item().is_some())
    }

    /// The fixed-size part of the signature with an amount band, packed into
    /// one integer for grouping (the confirmed facts are compared beside it).
    fn pack(&self, band: u8) -> u128 {
        let bar = self.bar.map_or(0, |b| b as u128 + 1);
        u128::from(self.natural_person)
            | (self.personal as u128) << 1
            | (self.gravity as u128) << 4
            | (self.harm as u128) << 6
            | (self.fault as u128) << 8
            | (self.correction as u128) << 10
            | (self.first_violation as u128) << 12
            | u128::from(self.mitigating) << 14
            | u128::from(self.aggravating) << 22
            | bar << 38
            | u128::from(band) << 42
            | u128::from(self.list_first_violation) << 46
            | u128::from(self.repeat_of_item) << 62
            | u128::from(self.crime_suspected) << 63
            | u128::from(self.context) << 64
    }
}

/// Bit `3·k + s` for the *k*-th distinct list window of the item and scope
/// *s*: whether no recorded earlier violation falls inside it.
fn list_first(case: &Case, item: &Item) -> u16 {
    let mut windows: Vec<Window> = Vec::new();
    for entry in &item.entries {
        for test in entry.conditions.iter().flat_map(|c| c.tests.iter()) {
            // Exhaustive: only a list's own window is read here; every other
            // test is carried by the field `field_of_condition` names.
            match test {
                Condition::FirstViolation { window: Some(w) } => {
                    if !windows.contains(w) && windows.len() < LIST_WINDOWS {
                        windows.push(*w);
                    }
                }
                Condition::FirstViolation { window: None }
                | Condition::CorrectedPromptly
                | Condition::NoHarm
                | Condition::HarmAtMostSlight
                | Condition::Minor
                | Condition::NotIntentional
                | Condition::CommitmentSigned
                | Condition::Fact { .. } => {}
            }
        }
    }
    let act = case.act().start();
    let mut bits = 0u16;
    for (k, w) in windows.iter().enumerate() {
        let scopes: [&dyn Fn(&crate::case::PriorViolation) -> bool; 3] =
            [&|p| p.item == item.code, &|p| p.domain == item.domain, &|_| true];
        for (s, in_scope) in scopes.iter().enumerate() {
            let first = !case.priors().iter().any(|p| in_scope(p) && w.contains(p.on, act));
            if first {
                bits |= 1u16.checked_shl(u32::try_from(3 * k + s).unwrap_or(u32::MAX)).unwrap_or(0);
            }
        }
    }
    bits
}

/// A decided case, compactly: who decided what on which facts.
///
/// Build one with [`DecidedCase::new`] from the case, its assessment and its
/// decision, or deserialize it from a supervision platform's export.
///
/// # JSON
///
/// The decided case the batch audit reads ([`DecidedCase::new`]):
///
/// ```
/// let decided_case_json = r#"{
///   "case_id": "SH-JA-SJ-2026-0506",
///   "party": "demo-oo-0401",
///   "item": "MR-PRICE-42",
///   "unit": "SH-JA-SCJG",
///   "officer": "31010607402",
///   "act_on": "2026-05-02",
///   "decided_on": "2026-09-01",
///   "facts": {
///              "natural_person": false,
///              "personal": "none",
///              "gravity": "general",
///              "harm": "none",
///              "fault": "negligent",
///              "correction": "none",
///              "first_violation": "unknown",
///              "mitigating": 0,
///              "aggravating": 0,
///              "bar": "facts_not_established"
///            },
///   "safety_baseline": false,
///   "tier": "no_penalty",
///   "ground": {"ground": "bar", "bar": "facts_not_established"},
///   "first_violation_waiver": false
/// }"#;
/// use rouxing::audit::DecidedCase;
///
/// let decided_case: DecidedCase = serde_json::from_str(decided_case_json)?;
/// assert_eq!(serde_json::to_value(&decided_case)?, serde_json::from_str::<serde_json::Value>(decided_case_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DecidedCase {
    /// The case number.
    pub case_id: CaseId,
    /// The party.
    pub party: PartyId,
    /// The item.
    pub item: ItemCode,
    /// The deciding unit (执法单位), if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<AgencyId>,
    /// The deciding officer, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub officer: Option<OfficerId>,
    /// The day the act was committed (its end for a continuing act).
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub act_on: NaiveDate,
    /// The day of the decision.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub decided_on: NaiveDate,
    /// The material facts.
    pub facts: FactSignature,
    /// The largest amount established (违法所得, 货值金额, 违法经营额 or 税款),
    /// banded by [`consistency`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// Whether the item touches the safety baseline.
    #[serde(default)]
    pub safety_baseline: bool,
    /// The tier decided.
    pub tier: Tier,
    /// The fine imposed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fine: Option<Money>,
    /// The lawful fine band the assessment found for the tier decided, if
    /// any: [`consistency`] compares fines by their position in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fine_band: Option<FineBounds>,
    /// The flexible-enforcement mechanisms the decision uses (观察期, 过渡期 …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mechanisms: Vec<Mechanism>,
    /// The first ground the decision relies on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ground: Option<Ground>,
    /// Whether the decision says it grants 首违不罚 (Art. 33 ¶1 sentence 2, or
    /// a 首违不罚 list entry). The audit does not rely on it alone: a
    /// 不予处罚 whose facts do not compel it is a 首违不罚 whatever the
    /// decision says ([`DecidedCase::is_first_violation_waiver`]).
    #[serde(default)]
    pub first_violation_waiver: bool,
}

impl DecidedCase {
    /// The record of a decided case.
    ///
    /// The unit is the decision's agency, else the case's; the officer is the
    /// decision's `decided_by`, else the first officer of the case.
    pub fn new(case: &Case, a: &Assessment, d: &Decision) -> DecidedCase {
        let amounts = case.amounts();
        let amount =
            [amounts.illegal_gains, amounts.goods_value, amounts.illegal_turnover, amounts.tax_unpaid]
                .into_iter()
                .flatten()
                .max();
        let waiver = d.tier == Tier::NoPenalty
            && d.reasons.grounds.iter().any(|g| {
                matches!(
                    g,
                    Ground::FirstViolation
                        | Ground::ListEntry { outcome: ListOutcome::FirstViolationNoPenalty, .. }
                )
            });
        DecidedCase {
            case_id: case.id().clone(),
            party: case.party().id().clone(),
            item: case.item().clone(),
            unit: d.agency.as_ref().or(case.agency()).map(|ag| ag.id.clone()),
            officer: d.decided_by.clone().or_else(|| case.officers().first().cloned()),
            act_on: case.act().committed_on(),
            decided_on: d.decided_on,
            facts: FactSignature::of(case, a),
            amount,
            safety_baseline: a.item.as_ref().is_some_and(|i| i.safety_baseline),
            tier: d.tier,
            fine: d.fine(),
            fine_band: a.lawful.iter().find(|o| o.tier == d.tier).and_then(|o| o.fine_band),
            mechanisms: d.mechanisms.to_vec(),
            ground: d.reasons.grounds.first().copied(),
            first_violation_waiver: waiver,
        }
    }

    /// Whether the decision grants 首违不罚 in substance: it says so, or it
    /// is a 不予处罚 on established facts that do not compel one
    /// ([`FactSignature::compels_no_penalty`]) — the only remaining basis
    /// for it is the first violation (Art. 33 ¶1 sentence 2), whatever
    /// ground the decision names.
    pub fn is_first_violation_waiver(&self) -> bool {
        self.facts.bar.is_none()
            && (self.first_violation_waiver
                || (self.tier == Tier::NoPenalty && !self.facts.compels_no_penalty()))
    }

    /// Whether the decision is lenient: a 两轻一免 tier (不予、减轻、从轻) or a
    /// 观察期 or 过渡期 in place of the penalty (山丹县实施方案 五(二)).
    pub fn is_lenient(&self) -> bool {
        self.tier.is_lenient()
            || self
                .mechanisms
                .iter()
                .any(|m| matches!(m, Mechanism::ObservationPeriod | Mechanism::TransitionPeriod))
    }
}

/// The thresholds of the audit. Every default is a documented choice, not a
/// published rule (unconfirmed): set the jurisdiction's own.
///
/// # JSON
///
/// The default thresholds ([`AuditConfig::default`]):
///
/// ```
/// let audit_config_json = r#"{
///   "amount_bands": ["1000.00", "10000.00", "100000.00", "1000000.00"],
///   "tier_tolerance": 0,
///   "fine_tolerance_permille": 100,
///   "min_group": 2,
///   "first_violation_window": {"months": 24},
///   "outlier_min_cases": 30,
///   "outlier_z_tenths": 30,
///   "outlier_min_gap_permille": 100
/// }"#;
/// use rouxing::audit::AuditConfig;
///
/// let audit_config: AuditConfig = serde_json::from_str(audit_config_json)?;
/// assert_eq!(audit_config, AuditConfig::default());
/// assert_eq!(serde_json::to_value(&audit_config)?, serde_json::from_str::<serde_json::Value>(audit_config_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AuditConfig {
    /// Upper edges of the amount bands (inclusive, increasing): an amount
    /// falls in the first band whose edge it does not exceed; no amount is
    /// its own band. Default ¥1,000 / ¥10,000 / ¥100,000 / ¥1,000,000 (orders
    /// of magnitude; at most 14 edges are used).
    pub amount_bands: Vec<Money>,
    /// How many tier steps cases of one group may differ by (default 0: the
    /// same facts get the same tier).
    pub tier_tolerance: u8,
    /// How far fines of the same tier in one group may spread, in ‰: of the
    /// band's width where every fine has its lawful band, else of the
    /// smallest fine (default
    /// [`ConsistencyPolicy::DEFAULT_FINE_TOLERANCE_PERMILLE`](crate::regime::ConsistencyPolicy::DEFAULT_FINE_TOLERANCE_PERMILLE),
    /// 100; [`AuditConfig::from_regime`] takes the regime's
    /// [`consistency`](crate::regime::Regime::consistency)).
    pub fine_tolerance_permille: u32,
    /// The smallest group that is compared (default 2).
    pub min_group: u32,
    /// The first-violation window for repeated 首违不罚 (default 24 months, the
    /// national regime's).
    pub first_violation_window: Window,
    /// Units and officers with fewer decisions are not compared (default 30).
    pub outlier_min_cases: u32,
    /// The z-score, in tenths, from which a share is out of line (default 30,
    /// i.e. three standard deviations).
    pub outlier_z_tenths: u32,
    /// And the smallest gap between the share and the peers' share, per mille
    /// (default 100: ten percentage points).
    pub outlier_min_gap_permille: u32,
}

impl Default for AuditConfig {
    fn default() -> Self {
        AuditConfig {
            amount_bands: vec![
                Money::yuan(1_000),
                Money::yuan(10_000),
                Money::yuan(100_000),
                Money::yuan(1_000_000),
            ],
            tier_tolerance: 0,
            fine_tolerance_permille: crate::regime::ConsistencyPolicy::DEFAULT_FINE_TOLERANCE_PERMILLE,
            min_group: 2,
            first_violation_window: Window::Months(24),
            outlier_min_cases: 30,
            outlier_z_tenths: 30,
            outlier_min_gap_permille: 100,
        }
    }
}

impl AuditConfig {
    /// The defaults, with the regime's first-violation window and 同事同罚
    /// fine tolerance.
    pub fn from_regime(regime: &Regime) -> AuditConfig {
        AuditConfig {
            first_violation_window: regime.first_violation.window,
            fine_tolerance_permille: regime.consistency.fine_tolerance_permille,
            ..AuditConfig::default()
        }
    }

    /// The band of an amount: 0 for none, 1 + the index of the first edge it
    /// does not exceed, or one past the last edge.
    pub fn band(&self, amount: Option<Money>) -> u8 {
        let Some(m) = amount else {
            return 0;
        };
        let edges = self.amount_bands.iter().take(14);
        let i = edges.clone().position(|e| m <= *e).unwrap_or(edges.count());
        u8::try_from(i + 1).unwrap_or(15)
    }
}

/// The number of cases of each tier.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TierCounts {
    /// 不予处罚.
    pub no_penalty: u32,
    /// 减轻处罚.
    pub mitigated: u32,
    /// 从轻处罚.
    pub lighter: u32,
    /// 一般处罚.
    pub ordinary: u32,
    /// 从重处罚.
    pub heavier: u32,
}

impl TierCounts {
    fn slot(&mut self, t: Tier) -> &mut u32 {
        match t {
            Tier::NoPenalty => &mut self.no_penalty,
            Tier::Mitigated => &mut self.mitigated,
            Tier::Lighter => &mut self.lighter,
            Tier::Ordinary => &mut self.ordinary,
            Tier::Heavier => &mut self.heavier,
        }
    }

    /// The count for a tier.
    pub fn get(&self, t: Tier) -> u32 {
        match t {
            Tier::NoPenalty => self.no_penalty,
            Tier::Mitigated => self.mitigated,
            Tier::Lighter => self.lighter,
            Tier::Ordinary => self.ordinary,
            Tier::Heavier => self.heavier,
        }
    }

    fn spread(&self) -> u8 {
        let present = Tier::ALL.iter().filter(|t| self.get(**t) > 0);
        match (present.clone().min(), present.max()) {
            (Some(lo), Some(hi)) => (*hi as u8).saturating_sub(*lo as u8),
            _ => 0,
        }
    }
}

/// A case named by a finding, with its outcome.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// The case.
    pub case_id: CaseId,
    /// Its tier.
    pub tier: Tier,
    /// Its fine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fine: Option<Money>,
}

vocabulary! {
    /// How the spread of fines in a 同事同罚 group is measured.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `band_position` | 罚款在裁量幅度内的位置 |
    /// | `ratio` | 罚款数额之比 |
    ///
    /// ```
    /// use rouxing::audit::SpreadMeasure;
    ///
    /// let spread_measure: SpreadMeasure = serde_json::from_str(r#""band_position""#)?;
    /// assert_eq!(spread_measure, SpreadMeasure::BandPosition);
    /// assert_eq!(serde_json::to_string(&spread_measure)?, r#""band_position""#);
    /// # let codes = [("band_position", "罚款在裁量幅度内的位置"), ("ratio", "罚款数额之比")];
    /// # assert_eq!(SpreadMeasure::ALL.len(), codes.len());
    /// # for (v, (code, name)) in SpreadMeasure::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<SpreadMeasure>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum SpreadMeasure {
        /// The fines' positions in their lawful bands, in ‰ of the band's
        /// width.
        BandPosition => "罚款在裁量幅度内的位置",
        /// The largest fine's excess over the smallest, in ‰ of the smallest.
        Ratio => "罚款数额之比",
    }
}

/// Cases of the same item and material facts decided differently (同事不同罚).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Divergence {
    /// The item.
    pub item: ItemCode,
    /// The material facts shared.
    pub facts: FactSignature,
    /// The amount band shared.
    pub amount_band: u8,
    /// The tiers decided.
    pub tiers: TierCounts,
    /// Whether the tiers spread beyond the tolerance.
    pub tiers_diverge: bool,
    /// The tier whose fines spread beyond the tolerance, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fines_diverge: Option<Tier>,
    /// The smallest and largest fine of that tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fine_range: Option<(Money, Money)>,
    /// How the spread of that tier's fines was measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fine_measure: Option<SpreadMeasure>,
    /// The spread found, in ‰ (see [`SpreadMeasure`]; saturates at
    /// `u32::MAX`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fine_spread_permille: Option<u32>,
    /// Every case of the group, in input order.
    pub cases: Vec<Member>,
}

impl Divergence {
    /// 山丹县实施方案 六(三): "防止…“同事不同罚”等问题发生".
    pub const CITATION: Citation = Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 6).item(3);
}

/// The grouping keys are item codes and packed signatures, not
/// attacker-controlled input: the Fx hasher (`rustc-hash`) is used.
type FxBuild = rustc_hash::FxBuildHasher;

/// The fines of one tier in a group.
#[derive(Clone, Copy, Default)]
struct FineSlot {
    /// Smallest and largest fine.
    range: Option<(Money, Money)>,
    /// Smallest and largest position in the band, ‰ of its width.
    positions: Option<(i64, i64)>,
    /// Whether some fine of the tier has no usable band.
    unbanded: bool,
}

impl FineSlot {
    /// Adds a fine with its position in its lawful band (`None` when it has
    /// no usable band, see [`position_permille`]).
    fn add(&mut self, fine: Money, position: Option<i64>) {
        self.range = Some(match self.range {
            Some((lo, hi)) => (lo.min(fine), hi.max(fine)),
            None => (fine, fine),
        });
        match position {
            Some(p) => {
                self.positions = Some(match self.positions {
                    Some((lo, hi)) => (lo.min(p), hi.max(p)),
                    None => (p, p),
                });
            }
            None => self.unbanded = true,
        }
    }

    /// The measure and spread, when the spread exceeds `tolerance` ‰.
    fn diverges(&self, tolerance: u32) -> Option<(SpreadMeasure, u32, (Money, Money))> {
        let (lo, hi) = self.range?;
        match self.positions {
            Some((plo, phi)) if !self.unbanded => {
                let spread = u32::try_from(phi.saturating_sub(plo)).unwrap_or(u32::MAX);
                (spread > tolerance).then_some((SpreadMeasure::BandPosition, spread, (lo, hi)))
            }
            _ => {
                let excess = u128::from(hi.fen() - lo.fen()) * 1000;
                if excess <= u128::from(lo.fen()) * u128::from(tolerance) {
                    return None;
                }
                let spread = excess.checked_div(u128::from(lo.fen())).unwrap_or(u128::MAX);
                Some((SpreadMeasure::Ratio, u32::try_from(spread).unwrap_or(u32::MAX), (lo, hi)))
            }
        }
    }
}

/// The position of a fine in a band with a maximum above its minimum, in ‰
/// of the band's width (below 0 or above 1000 outside the band).
fn position_permille(fine: Money, band: FineBounds) -> Option<i64> {
    let (lo, hi) = (i128::from(band.min().fen()), i128::from(band.max().fen()));
    let width = hi - lo;
    if width <= 0 {
        return None;
    }
    let p = (i128::from(fine.fen()) - lo) * 1000 / width;
    i64::try_from(p).ok()
}

/// The grouping key of a case inside its item: the packed fixed-size
/// signature with the amount band (80 bits) and the interned confirmed facts.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct GroupKey {
    /// Bits 0..64 of [`FactSignature::pack`].
    lo: u64,
    /// Bits 64..80 of the pack, and the confirmed facts' id from bit 16.
    hi: u64,
}

impl std::hash::Hash for GroupKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // One well-mixed word: the table indexes by the hash's low bits, and
        // the pack's varying bits (the amount band, the circumstances) sit
        // high in `lo`.
        let mut x = self.lo ^ self.hi.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        x ^= x >> 32;
        x = x.wrapping_mul(0xD6E8_FEB8_6659_FD93);
        x ^= x >> 29;
        state.write_u64(x);
    }
}

/// What the grouping reads of one case (40 bytes), so that grouping runs
/// over a compact array instead of the cases themselves.
#[derive(Clone, Copy)]
struct Compact {
    key: GroupKey,
    /// The fine, in 分, when [`Compact::FINE`] is set.
    fine: u64,
    /// The fine's position in its band, when [`Compact::POSITION`] is set.
    position: i64,
    /// The case's index in the input.
    index: u32,
    tier: Tier,
    flags: u8,
}

impl Compact {
    const FINE: u8 = 1;
    const POSITION: u8 = 2;
    /// A record before it is filled in.
    const EMPTY: Compact = Compact {
        key: GroupKey { lo: 0, hi: 0 },
        fine: 0,
        position: 0,
        index: 0,
        tier: Tier::NoPenalty,
        flags: 0,
    };
}

struct Group {
    /// The input index of the group's first case.
    first: u32,
    count: u32,
    tiers: TierCounts,
    fines: [FineSlot; 5],
    flagged: Option<u32>,
}

impl Group {
    fn new(first: u32) -> Group {
        Group {
            first,
            count: 0,
            tiers: TierCounts::default(),
            fines: [FineSlot::default(); 5],
            flagged: None,
        }
    }

    fn add(&mut self, c: &Compact) {
        self.count += 1;
        *self.tiers.slot(c.tier) += 1;
        if c.flags & Compact::FINE != 0 {
            if let Some(slot) = self.fines.get_mut(c.tier as usize) {
                let position = (c.flags & Compact::POSITION != 0).then_some(c.position);
                slot.add(Money::from_fen(c.fine), position);
            }
        }
    }
}

/// Interns borrowed keys as dense ids, in order of first appearance.
fn intern<'a, K: Eq + std::hash::Hash + ?Sized>(map: &mut HashMap<&'a K, u32, FxBuild>, key: &'a K) -> u32 {
    let next = u32::try_from(map.len()).unwrap_or(u32::MAX);
    *map.entry(key).or_insert(next)
}

/// Groups cases by item and material facts (with the amount band) and flags
/// groups whose tiers or fines diverge beyond the tolerance (同事不同罚),
/// naming every case of the group.
///
/// A group of at least [`AuditConfig::min_group`] cases diverges when its
/// tiers span more than [`AuditConfig::tier_tolerance`] steps, or when, for
/// some tier, its fines spread by more than
/// [`AuditConfig::fine_tolerance_permille`] ‰: of the band's width, by their
/// positions in the lawful band, where every fine of the tier has one; of
/// the smallest fine otherwise (see
/// [`ConsistencyPolicy`](crate::regime::ConsistencyPolicy)).
///
/// The material facts are the whole [`FactSignature`]: a 承诺书 signer and a
/// non-signer, or cases whose confirmed facts differ, are never compared.
/// Groups come in the order of their first case; the cases of a group in
/// input order.
///
/// The time is linear in the number of cases: each case is reduced once to
/// a 40-byte record (items and confirmed facts interned by reference), the
/// records are distributed by item (a counting sort), and each item's
/// records are grouped with a table that stays the size of that item's
/// groups.
///
/// # Legal basis
///
/// 山丹县实施方案 四(二) ("同事同罚"), 六(三): "防止…“同事不同罚”等问题发生"; the
/// equal-treatment rule of a published discretion regulation, "对事实、性质、情节、
/// 后果相同的情况应当给予相同的处理".
///
/// ```
/// use rouxing::audit::{consistency, AuditConfig};
/// assert!(consistency(&[], &AuditConfig::default()).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn consistency(cases: &[DecidedCase], cfg: &AuditConfig) -> Vec<Divergence> {
    // Pass 1, in input order: intern item and confirmed facts, reduce each
    // case to its record, count the cases of each item.
    let mut items: HashMap<&str, u32, FxBuild> = HashMap::with_capacity_and_hasher(64, FxBuild::default());
    // Items by their allocation (address, length): the usual batch shares
    // one allocation per item, so a case finds its item without reading or
    // hashing the text; an allocation not seen before goes through the map
    // by text. Sound because every key borrows from `cases`, which outlive
    // both maps: one live address and length is one text.
    let mut item_by_addr: HashMap<(usize, usize), u32, FxBuild> =
        HashMap::with_capacity_and_hasher(64, FxBuild::default());
    let mut confirmed: HashMap<&[FactKey], u32, FxBuild> = HashMap::with_hasher(FxBuild::default());
    confirmed.insert(&[], 0);
    let mut item_of: Vec<u32> = Vec::with_capacity(cases.len());
    let mut records: Vec<Compact> = Vec::with_capacity(cases.len());
    let mut per_item: Vec<u32> = Vec::new();
    for (i, c) in (0u32..).zip(cases) {
        let code = c.item.as_str();
        let item = match item_by_addr.entry((code.as_ptr() as usize, code.len())) {
            std::collections::hash_map::Entry::Occupied(e) => *e.get(),
            std::collections::hash_map::Entry::Vacant(e) => *e.insert(intern(&mut items, code)),
        };
        if let Some(n) = per_item.get_mut(item as usize) {
            *n += 1;
        } else {
            per_item.push(1);
        }
        let facts = if c.facts.confirmed.is_empty() {
            0
        } else {
            intern(&mut confirmed, c.facts.confirmed.as_slice())
        };
        let packed = c.facts.pack(cfg.band(c.amount));
        let key =
            GroupKey { lo: packed as u64, hi: ((packed >> 64) as u64 & 0xFFFF) | u64::from(facts) << 16 };
        let mut rec = Compact { key, index: i, tier: c.tier, ..Compact::EMPTY };
        if let Some(f) = c.fine {
            rec.fine = f.fen();
            rec.flags |= Compact::FINE;
            if let Some(p) = c.fine_band.and_then(|b| position_permille(f, b)) {
                rec.position = p;
                rec.flags |= Compact::POSITION;
            }
        }
        item_of.push(item);
        records.push(rec);
    }
    // Pass 2: a stable counting sort of the records by item.
    let mut next: Vec<usize> = Vec::with_capacity(per_item.len());
    let mut at = 0usize;
    for n in &per_item {
        next.push(at);
        at += *n as usize;
    }
    let mut by_item = vec![Compact::EMPTY; records.len()];
    for (rec, item) in records.iter().zip(&item_of) {
        if let Some(slot) = next.get_mut(*item as usize) {
            if let Some(dst) = by_item.get_mut(*slot) {
                *dst = *rec;
            }
            *slot += 1;
        }
    }
    drop(records);
    drop(item_of);
    // Pass 3: group each item's records; the table and the groups are
    // reused from item to item.
    let mut index: HashMap<GroupKey, u32, FxBuild> = HashMap::with_hasher(FxBuild::default());
    let mut groups: Vec<Group> = Vec::new();
    let mut member_of: Vec<u32> = Vec::new();
    let mut out: Vec<(u32, Divergence)> = Vec::new();
    let mut start = 0usize;
    for n in &per_item {
        let end = start + *n as usize;
        let bucket = by_item.get(start..end).unwrap_or(&[]);
        start = end;
        // Clearing a table costs its capacity: one left large by a big item
        // is replaced for a small one, so that the work stays linear.
        if index.capacity() > 4 * bucket.len() + 64 {
            index = HashMap::with_capacity_and_hasher(bucket.len(), FxBuild::default());
        } else {
            index.clear();
        }
        groups.clear();
        member_of.clear();
        for rec in bucket {
            let fresh = u32::try_from(groups.len()).unwrap_or(u32::MAX);
            let g = *index.entry(rec.key).or_insert(fresh);
            if g == fresh {
                groups.push(Group::new(rec.index));
            }
            if let Some(group) = groups.get_mut(g as usize) {
                group.add(rec);
            }
            member_of.push(g);
        }
        let flagged_before = out.len();
        for group in &mut groups {
            if group.count < cfg.min_group.max(2) {
                continue;
            }
            let tiers_diverge = group.tiers.spread() > cfg.tier_tolerance;
            let fines = Tier::ALL
                .iter()
                .zip(group.fines.iter())
                .find_map(|(t, slot)| slot.diverges(cfg.fine_tolerance_permille).map(|d| (*t, d)));
            if !tiers_diverge && fines.is_none() {
                continue;
            }
            let Some(first) = cases.get(group.first as usize) else {
                continue;
            };
            group.flagged = Some(u32::try_from(out.len()).unwrap_or(u32::MAX));
            out.push((
                group.first,
                Divergence {
                    item: first.item.clone(),
                    facts: first.facts.clone(),
                    amount_band: cfg.band(first.amount),
                    tiers: group.tiers,
                    tiers_diverge,
                    fines_diverge: fines.map(|(t, _)| t),
                    fine_range: fines.map(|(_, (_, _, r))| r),
                    fine_measure: fines.map(|(_, (m, _, _))| m),
                    fine_spread_permille: fines.map(|(_, (_, s, _))| s),
                    cases: Vec::with_capacity(group.count as usize),
                },
            ));
        }
        if out.len() == flagged_before {
            continue;
        }
        // The records of an item are in input order, so are the members.
        for (rec, g) in bucket.iter().zip(&member_of) {
            let flagged = groups.get(*g as usize).and_then(|g| g.flagged);
            if let (Some((_, d)), Some(c)) =
                (flagged.and_then(|f| out.get_mut(f as usize)), cases.get(rec.index as usize))
            {
                d.cases.push(Member { case_id: c.case_id.clone(), tier: c.tier, fine: c.fine });
            }
        }
    }
    out.sort_unstable_by_key(|(first, _)| *first);
    out.into_iter().map(|(_, d)| d).collect()
}

/// A 首违不罚 granted to a party for an item although the batch holds an
/// earlier violation of the same party and item inside the window: an
/// earlier 首违不罚 (granted twice), or an earlier penalty or other decided
/// violation (not a first violation).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RepeatedWaiver {
    /// The party (as the later case records it).
    pub party: PartyId,
    /// The item.
    pub item: ItemCode,
    /// The earlier case.
    pub earlier: CaseId,
    /// Its act day.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub earlier_act_on: NaiveDate,
    /// The tier the earlier case decided.
    pub earlier_tier: Tier,
    /// Whether the earlier case granted 首违不罚 itself.
    pub earlier_waiver: bool,
    /// The later case that granted 首违不罚.
    pub later: CaseId,
    /// Its act day.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub later_act_on: NaiveDate,
}

impl RepeatedWaiver {
    /// 《中华人民共和国行政处罚法》第三十三条第一款第二句: "初次违法…可以不予行政处罚".
    pub const CITATION: Citation = Citation::apl(33).para(1).sentence(2);

    /// [`AuditCode::FirstViolationRepeated`] when the earlier case was a
    /// 首违不罚 too, else [`AuditCode::FirstViolationNotFirst`].
    pub const fn code(&self) -> AuditCode {
        if self.earlier_waiver {
            AuditCode::FirstViolationRepeated
        } else {
            AuditCode::FirstViolationNotFirst
        }
    }
}

/// Flags every 首违不罚 ([`DecidedCase::is_first_violation_waiver`]) when the
/// batch itself holds an earlier decided violation of the same party and
/// item whose act falls inside [`AuditConfig::first_violation_window`]
/// before it: an earlier 首违不罚, an earlier penalty, or an earlier
/// 不予处罚 on established facts.
///
/// The finding rests on the decisions in the batch, not on the priors the
/// officer entered in the case nor on the ground the decision names. Parties
/// are compared by [`ident::comparison_key`](crate::ident::comparison_key)
/// (NFKC, lower case), so `P-ab` and `p-AB` are one party. Only the nearest
/// earlier violation is named. The scope is the same item, the narrowest a
/// regime may set; wider scopes rest on the recorded priors, which `assess`
/// reads. One sort of the established violations, then one pass.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第三十三条第一款第二句: "初次违法且危害后果轻微并及时改正的，可以不予
/// 行政处罚" — a party already excused or penalised for the item inside the
/// window is not a first offender.
///
/// ```
/// use rouxing::audit::{repeated_first_violation, AuditConfig};
/// assert!(repeated_first_violation(&[], &AuditConfig::default()).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn repeated_first_violation(cases: &[DecidedCase], cfg: &AuditConfig) -> Vec<RepeatedWaiver> {
    let mut established: Vec<(String, bool, &DecidedCase)> = cases
        .iter()
        .filter(|c| c.facts.bar.is_none())
        .map(|c| (crate::ident::comparison_key(c.party.as_str()), c.is_first_violation_waiver(), c))
        .collect();
    established.sort_by(|(kx, wx, x), (ky, wy, y)| {
        (kx, &x.item, x.act_on, x.decided_on, &x.case_id, x.tier, *wx, &x.party).cmp(&(
            ky,
            &y.item,
            y.act_on,
            y.decided_on,
            &y.case_id,
            y.tier,
            *wy,
            &y.party,
        ))
    });
    established
        .windows(2)
        .filter_map(|w| match w {
            [(kp, wp, prev), (kc, true, cur)]
                if kp == kc
                    && prev.item == cur.item
                    && cfg.first_violation_window.contains(prev.act_on, cur.act_on) =>
            {
                Some(RepeatedWaiver {
                    party: cur.party.clone(),
                    item: cur.item.clone(),
                    earlier: prev.case_id.clone(),
                    earlier_act_on: prev.act_on,
                    earlier_tier: prev.tier,
                    earlier_waiver: *wp,
                    later: cur.case_id.clone(),
                    later_act_on: cur.act_on,
                })
            }
            _ => None,
        })
        .collect()
}

vocabulary! {
    /// Whose share of lenient outcomes is compared.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `unit` | 执法单位 |
    /// | `officer` | 执法人员 |
    ///
    /// ```
    /// use rouxing::audit::OutlierScope;
    ///
    /// let outlier_scope: OutlierScope = serde_json::from_str(r#""unit""#)?;
    /// assert_eq!(outlier_scope, OutlierScope::Unit);
    /// assert_eq!(serde_json::to_string(&outlier_scope)?, r#""unit""#);
    /// # let codes = [("unit", "执法单位"), ("officer", "执法人员")];
    /// # assert_eq!(OutlierScope::ALL.len(), codes.len());
    /// # for (v, (code, name)) in OutlierScope::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<OutlierScope>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum OutlierScope {
        /// An enforcement unit against all other units.
        Unit => "执法单位",
        /// An officer against the other officers of the same unit.
        Officer => "执法人员",
    }
}

vocabulary! {
    /// Which way a share is out of line.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `more_lenient` | 明显宽于同类 |
    /// | `less_lenient` | 明显严于同类 |
    ///
    /// ```
    /// use rouxing::audit::Direction;
    ///
    /// let direction: Direction = serde_json::from_str(r#""more_lenient""#)?;
    /// assert_eq!(direction, Direction::MoreLenient);
    /// assert_eq!(serde_json::to_string(&direction)?, r#""more_lenient""#);
    /// # let codes = [("more_lenient", "明显宽于同类"), ("less_lenient", "明显严于同类")];
    /// # assert_eq!(Direction::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Direction::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Direction>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Direction {
        /// More lenient than peers: a possible 执法放水.
        MoreLenient => "明显宽于同类",
        /// Less lenient than peers: a possible 机械执法 or neglect of the
        /// flexible-first rule.
        LessLenient => "明显严于同类",
    }
}

/// A unit or officer whose share of lenient outcomes (不予、减轻、从轻) is far
/// from its peers'.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LeniencyOutlier {
    /// Unit or officer.
    pub scope: OutlierScope,
    /// The unit (for an officer, the officer's unit; `None` when not
    /// recorded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<AgencyId>,
    /// The officer, for [`OutlierScope::Officer`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub officer: Option<OfficerId>,
    /// Decisions.
    pub cases: u64,
    /// Lenient decisions among them.
    pub lenient: u64,
    /// Their share, per mille.
    pub share_permille: u32,
    /// The peers' decisions.
    pub peer_cases: u64,
    /// The peers' lenient decisions.
    pub peer_lenient: u64,
    /// The peers' share, per mille.
    pub peer_share_permille: u32,
    /// The z-score in tenths (signed; `i64::MAX` or `i64::MIN` when the peers'
    /// share is 0 or 1).
    pub z_tenths: i64,
    /// Which way.
    pub direction: Direction,
}

impl LeniencyOutlier {
    /// The provision the flag rests on: 山丹县实施方案 四(二) ("执法放水") for a
    /// more lenient share, 四(一) ("将行政柔性执法作为首选方式") for a less
    /// lenient one.
    pub const fn citation(&self) -> Citation {
        match self.direction {
            Direction::MoreLenient => Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(2),
            Direction::LessLenient => Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(1),
        }
    }
}

fn permille(part: u64, whole: u64) -> u32 {
    if whole == 0 {
        return 0;
    }
    u32::try_from(u128::from(part) * 1000 / u128::from(whole)).unwrap_or(u32::MAX)
}

fn isqrt(n: u128) -> u128 {
    if n < 2 {
        return n;
    }
    let mut x = n;
    let mut y = x.div_ceil(2);
    while y < x {
        x = y;
        y = (x + n / x) / 2;
    }
    x
}

/// Compares `lenient` of `cases` with the peers' `peer_lenient` of
/// `peer_cases`; `Some((z_tenths, direction))` when out of line.
fn out_of_line(
    cases: u64,
    lenient: u64,
    peer_cases: u64,
    peer_lenient: u64,
    cfg: &AuditConfig,
) -> Option<(i64, Direction)> {
    if cases < u64::from(cfg.outlier_min_cases) || peer_cases == 0 {
        return None;
    }
    let share = permille(lenient, cases);
    let peer = permille(peer_lenient, peer_cases);
    if share.abs_diff(peer) < cfg.outlier_min_gap_permille {
        return None;
    }
    // z = (l·N' − n·L') / sqrt(n·L'·(N' − L')), the binomial z-score of the
    // count l against the peers' rate L'/N', scaled by N'.
    let diff = i128::from(lenient) * i128::from(peer_cases) - i128::from(cases) * i128::from(peer_lenient);
    let direction = if diff > 0 { Direction::MoreLenient } else { Direction::LessLenient };
    let var =
        u128::from(cases) * u128::from(peer_lenient) * u128::from(peer_cases.saturating_sub(peer_lenient));
    if var == 0 {
        let z = if diff > 0 { i64::MAX } else { i64::MIN };
        return (diff != 0).then_some((z, direction));
    }
    let d2 = diff.unsigned_abs().saturating_mul(diff.unsigned_abs());
    let z0 = u128::from(cfg.outlier_z_tenths);
    if d2.saturating_mul(100) < z0 * z0 * var {
        return None;
    }
    let z = diff.unsigned_abs().saturating_mul(10) / isqrt(var).max(1);
    let z = i64::try_from(z).unwrap_or(i64::MAX);
    Some((if diff > 0 { z } else { -z }, direction))
}

/// Flags units, and officers within their unit, whose share of lenient
/// outcomes (不予、减轻、从轻) is far out of line with their peers'.
///
/// # The statistic
///
/// For a unit with *n* decisions of which *l* are lenient, the peers are all
/// other units together, with *N′* decisions and *L′* lenient ones. The unit
/// is flagged when it has at least [`AuditConfig::outlier_min_cases`]
/// decisions, its share differs from the peers' by at least
/// [`AuditConfig::outlier_min_gap_permille`] ‰, and the binomial z-score
/// `z = (l − n·p) / √(n·p·(1 − p))` with `p = L′/N′` reaches
/// [`AuditConfig::outlier_z_tenths`] / 10 in absolute value — computed
/// exactly in integers as `(l·N′ − n·L′)² · 100 ≥ z₁₀² · n·L′·(N′ − L′)`. An
/// officer is compared the same way with the other officers of the same
/// unit (decisions without a recorded unit form one unit). Both directions
/// are reported. The statistic screens for review; it does not account for
/// differences in case mix between units.
///
/// ```
/// use rouxing::audit::{leniency_outliers, AuditConfig};
/// assert!(leniency_outliers(&[], &AuditConfig::default()).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn leniency_outliers(cases: &[DecidedCase], cfg: &AuditConfig) -> Vec<LeniencyOutlier> {
    // (cases, lenient) per unit, and per (unit, officer), in first-seen order.
    let mut units: Vec<(Option<&AgencyId>, u64, u64)> = Vec::new();
    let mut unit_index: HashMap<Option<&AgencyId>, usize> = HashMap::new();
    let mut officers: Vec<(Option<&AgencyId>, &OfficerId, u64, u64)> = Vec::new();
    let mut officer_index: HashMap<(Option<&AgencyId>, &OfficerId), usize> = HashMap::new();
    let (mut total, mut total_lenient) = (0u64, 0u64);
    for c in cases {
        let l = u64::from(c.is_lenient());
        total += 1;
        total_lenient += l;
        let unit = c.unit.as_ref();
        let next = units.len();
        let i = *unit_index.entry(unit).or_insert(next);
        if i == next {
            units.push((unit, 0, 0));
        }
        if let Some(u) = units.get_mut(i) {
            u.1 += 1;
            u.2 += l;
        }
        if let Some(officer) = &c.officer {
            let next = officers.len();
            let j = *officer_index.entry((unit, officer)).or_insert(next);
            if j == next {
                officers.push((unit, officer, 0, 0));
            }
            if let Some(o) = officers.get_mut(j) {
                o.2 += 1;
                o.3 += l;
            }
        }
    }
    let mut out = Vec::new();
    for &(unit, n, l) in &units {
        let (pn, pl) = (total - n, total_lenient - l);
        if let Some((z, direction)) = out_of_line(n, l, pn, pl, cfg) {
            out.push(LeniencyOutlier {
                scope: OutlierScope::Unit,
                unit: unit.cloned(),
                officer: None,
                cases: n,
                lenient: l,
                share_permille: permille(l, n),
                peer_cases: pn,
                peer_lenient: pl,
                peer_share_permille: permille(pl, pn),
                z_tenths: z,
                direction,
            });
        }
    }
    // The unit's decisions by officers with a recorded officer, as the
    // officers' peer pool.
    let mut by_unit: HashMap<Option<&AgencyId>, (u64, u64)> = HashMap::new();
    for &(unit, _, n, l) in &officers {
        let e = by_unit.entry(unit).or_insert((0, 0));
        e.0 += n;
        e.1 += l;
    }
    for &(unit, officer, n, l) in &officers {
        let (un, ul) = by_unit.get(&unit).copied().unwrap_or((n, l));
        let (pn, pl) = (un - n, ul - l);
        if let Some((z, direction)) = out_of_line(n, l, pn, pl, cfg) {
            out.push(LeniencyOutlier {
                scope: OutlierScope::Officer,
                unit: unit.cloned(),
                officer: Some(officer.clone()),
                cases: n,
                lenient: l,
                share_permille: permille(l, n),
                peer_cases: pn,
                peer_lenient: pl,
                peer_share_permille: permille(pl, pn),
                z_tenths: z,
                direction,
            });
        }
    }
    out
}

/// A lenient outcome on a safety-baseline item that the statute did not
/// compel.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BaselineExemption {
    /// The case.
    pub case_id: CaseId,
    /// The item.
    pub item: ItemCode,
    /// The ground relied on, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ground: Option<Ground>,
    /// The tier decided.
    pub tier: Tier,
    /// The 观察期 or 过渡期 granted, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mechanism: Option<Mechanism>,
}

impl BaselineExemption {
    /// 山丹县实施方案 五(二): tolerance is for fields "不触碰安全底线".
    pub const CITATION: Citation = Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 5).item(2);
}

/// Lists lenient outcomes on safety-baseline items where a violation was
/// established (not those barred by limitation, facts or legal basis):
/// every lenient tier — 不予处罚, 减轻, 从轻 — and a 观察期 or 过渡期 granted in
/// place of the penalty ([`DecidedCase::is_lenient`]).
///
/// What the statute compels is not listed, judged from the facts and not
/// from the ground the decision names: a 不予处罚 the facts compel
/// ([`FactSignature::compels_no_penalty`]: Arts. 30, 31, 33 ¶1 sentence 1,
/// 33 ¶2) and a 从轻 or 减轻 the facts compel
/// ([`FactSignature::compels_leniency`]: Arts. 30, 31, 32) bind on every
/// item. The rest is discretionary leniency where the baseline calls for
/// zero tolerance ("对于触碰到例如食品安全、公共安全等底线的行为，坚持零容忍").
///
/// # Legal basis
///
/// 山丹县实施方案 五(二): "对不触碰安全底线的新领域适当给予一定的“观察期”".
///
/// ```
/// use rouxing::audit::baseline_exemptions;
/// assert!(baseline_exemptions(&[]).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn baseline_exemptions(cases: &[DecidedCase]) -> Vec<BaselineExemption> {
    cases
        .iter()
        .filter(|c| c.safety_baseline && c.facts.bar.is_none() && c.is_lenient())
        .filter_map(|c| {
            let mechanism = c
                .mechanisms
                .iter()
                .copied()
                .find(|m| matches!(m, Mechanism::ObservationPeriod | Mechanism::TransitionPeriod));
            let compelled = mechanism.is_none()
                && match c.tier {
                    Tier::NoPenalty => c.facts.compels_no_penalty(),
                    Tier::Mitigated | Tier::Lighter => c.facts.compels_leniency(),
                    Tier::Ordinary | Tier::Heavier => false,
                };
            (!compelled).then(|| BaselineExemption {
                case_id: c.case_id.clone(),
                item: c.item.clone(),
                ground: c.ground,
                tier: c.tier,
                mechanism,
            })
        })
        .collect()
}

vocabulary! {
    /// The stable code of a batch-audit finding.
    pub enum AuditCode {
        /// Same item and facts, tiers further apart than the tolerance.
        InconsistentTiers => "同事不同罚：处罚档次不同",
        /// Same item, facts and tier, fines further apart than the tolerance.
        FineSpread => "同事不同罚：罚款数额悬殊",
        /// 首违不罚 granted again inside the window.
        FirstViolationRepeated => "重复适用首违不罚",
        /// 首违不罚 granted after an earlier penalty or decided violation inside
        /// the window.
        FirstViolationNotFirst => "非初次违法适用首违不罚",
        /// A unit's or officer's lenient share out of line with its peers'.
        LeniencyOutlier => "从宽比例异常",
        /// Discretionary leniency on a safety-baseline item.
        BaselineLeniency => "安全底线事项从宽处理",
    }
}

impl AuditCode {
    /// The provision the finding rests on.
    pub const fn citation(self) -> Citation {
        match self {
            AuditCode::InconsistentTiers | AuditCode::FineSpread => Divergence::CITATION,
            AuditCode::FirstViolationRepeated | AuditCode::FirstViolationNotFirst => RepeatedWaiver::CITATION,
            AuditCode::LeniencyOutlier => {
                Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(2)
            }
            AuditCode::BaselineLeniency => BaselineExemption::CITATION,
        }
    }
}

/// One finding of the batch audit, flattened: its code, citation and the
/// cases it names (none for a leniency outlier, which names a unit or
/// officer).
///
/// ```json
/// {"code": "first_violation_repeated", "cases": ["C-1", "C-2"]}
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AuditFinding {
    /// The code.
    pub code: AuditCode,
    /// The cases named, earlier first where the finding has an order.
    pub cases: Vec<CaseId>,
}

/// The four batch checks together.
///
/// # JSON
///
/// A report with no finding:
///
/// ```
/// let audit_report_json = r#"{"consistency": [], "repeated_first_violation": [], "outliers": [], "baseline_exemptions": []}"#;
/// use rouxing::audit::AuditReport;
///
/// let audit_report: AuditReport = serde_json::from_str(audit_report_json)?;
/// assert_eq!(serde_json::to_value(&audit_report)?, serde_json::from_str::<serde_json::Value>(audit_report_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AuditReport {
    /// 同事不同罚.
    pub consistency: Vec<Divergence>,
    /// 首违不罚 granted twice, or after an earlier violation.
    pub repeated_first_violation: Vec<RepeatedWaiver>,
    /// Leniency outliers.
    pub outliers: Vec<LeniencyOutlier>,
    /// Discretionary lenient outcomes on the safety baseline.
    pub baseline_exemptions: Vec<BaselineExemption>,
}

impl AuditReport {
    /// Whether nothing was flagged.
    pub fn is_empty(&self) -> bool {
        self.consistency.is_empty()
            && self.repeated_first_violation.is_empty()
            && self.outliers.is_empty()
            && self.baseline_exemptions.is_empty()
    }

    /// Every finding with its code, in report order (a divergence of both
    /// tiers and fines gives two).
    pub fn findings(&self) -> Vec<AuditFinding> {
        let mut out = Vec::new();
        for d in &self.consistency {
            let cases: Vec<CaseId> = d.cases.iter().map(|m| m.case_id.clone()).collect();
            if d.tiers_diverge {
                out.push(AuditFinding { code: AuditCode::InconsistentTiers, cases: cases.clone() });
            }
            if d.fines_diverge.is_some() {
                out.push(AuditFinding { code: AuditCode::FineSpread, cases });
            }
        }
        for r in &self.repeated_first_violation {
            out.push(AuditFinding { code: r.code(), cases: vec![r.earlier.clone(), r.later.clone()] });
        }
        for _ in &self.outliers {
            out.push(AuditFinding { code: AuditCode::LeniencyOutlier, cases: Vec::new() });
        }
        for b in &self.baseline_exemptions {
            out.push(AuditFinding { code: AuditCode::BaselineLeniency, cases: vec![b.case_id.clone()] });
        }
        out
    }
}

/// Runs [`consistency`], [`repeated_first_violation`], [`leniency_outliers`]
/// and [`baseline_exemptions`]: each groups or sorts the batch once (no
/// pairwise comparison).
///
/// # Legal basis
///
/// See the [module documentation](self).
///
/// ```
/// use rouxing::audit::{audit, AuditConfig};
/// assert!(audit(&[], &AuditConfig::default()).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn audit(cases: &[DecidedCase], cfg: &AuditConfig) -> AuditReport {
    AuditReport {
        consistency: consistency(cases, cfg),
        repeated_first_violation: repeated_first_violation(cases, cfg),
        outliers: leniency_outliers(cases, cfg),
        baseline_exemptions: baseline_exemptions(cases),
    }
}

impl fmt::Display for AuditReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "同事不同罚：{}组（{}）", self.consistency.len(), Divergence::CITATION)?;
        for d in &self.consistency {
            let ids: Vec<String> =
                d.cases.iter().map(|m| format!("{}（{}）", m.case_id, m.tier.legal_name())).collect();
            writeln!(f, "  - 事项{}：{}", d.item, ids.join("、"))?;
        }
        writeln!(
            f,
            "首违不罚适用于非初次违法：{}件（{}）",
            self.repeated_first_violation.len(),
            RepeatedWaiver::CITATION
        )?;
        for r in &self.repeated_first_violation {
            let earlier = if r.earlier_waiver { "首违不罚" } else { r.earlier_tier.legal_name() };
            writeln!(
                f,
                "  - 当事人{}事项{}：{}（{}，{}）后又于{}（{}）适用首违不罚（{}）",
                r.party,
                r.item,
                r.earlier,
                r.earlier_act_on,
                earlier,
                r.later,
                r.later_act_on,
                r.code().legal_name()
            )?;
        }
        writeln!(f, "从宽比例异常：{}个", self.outliers.len())?;
        for o in &self.outliers {
            writeln!(
                f,
                "  - {}{}{}：从宽{}‰，同类{}‰，{}（{}）",
                o.scope.legal_name(),
                o.unit.as_ref().map(|u| u.as_str()).unwrap_or("（未记录）"),
                o.officer.as_ref().map(|x| format!("/{x}")).unwrap_or_default(),
                o.share_permille,
                o.peer_share_permille,
                o.direction.legal_name(),
                o.citation()
            )?;
        }
        writeln!(
            f,
            "安全底线事项从宽处理：{}件（{}）",
            self.baseline_exemptions.len(),
            BaselineExemption::CITATION
        )?;
        for b in &self.baseline_exemptions {
            let how = b.mechanism.map_or(b.tier.legal_name(), Mechanism::legal_name);
            writeln!(f, "  - {}（事项{}，{}）", b.case_id, b.item, how)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_are_known() {
        for code in AuditCode::ALL {
            assert!(code.citation().is_known(), "{code}");
        }
        assert!(Divergence::CITATION.is_known());
        assert!(RepeatedWaiver::CITATION.is_known());
        assert!(BaselineExemption::CITATION.is_known());
        for direction in Direction::ALL {
            let o = LeniencyOutlier {
                scope: OutlierScope::Unit,
                unit: None,
                officer: None,
                cases: 0,
                lenient: 0,
                share_permille: 0,
                peer_cases: 0,
                peer_lenient: 0,
                peer_share_permille: 0,
                z_tenths: 0,
                direction: *direction,
            };
            assert!(o.citation().is_known());
        }
    }

    #[test]
    fn bands() {
        let cfg = AuditConfig::default();
        assert_eq!(cfg.band(None), 0);
        assert_eq!(cfg.band(Some(Money::yuan(1_000))), 1);
        assert_eq!(cfg.band(Some(Money::from_fen(100_001))), 2);
        assert_eq!(cfg.band(Some(Money::yuan(5_000_000))), 5);
    }

    #[test]
    fn isqrt_is_floor() {
        for n in [0u128, 1, 2, 3, 4, 15, 16, 17, 1 << 40, u128::from(u64::MAX)] {
            let r = isqrt(n);
            assert!(r * r <= n && (r + 1) * (r + 1) > n, "{n}");
        }
    }

    #[test]
    fn z_score_matches_the_float_formula() {
        let cfg = AuditConfig {
            outlier_min_cases: 1,
            outlier_min_gap_permille: 0,
            outlier_z_tenths: 0,
            ..AuditConfig::default()
        };
        // 60 of 100 lenient against 300 of 1000: p = 0.3,
        // z = (60 − 30) / √(100·0.3·0.7) = 6.547…
        let (z, dir) = out_of_line(100, 60, 1000, 300, &cfg).unwrap();
        assert_eq!(dir, Direction::MoreLenient);
        assert_eq!(z, 65);
        let (z, dir) = out_of_line(100, 10, 1000, 300, &cfg).unwrap();
        assert_eq!(dir, Direction::LessLenient);
        assert_eq!(z, -43);
    }

    #[test]
    fn pack_distinguishes_every_field() {
        let base = FactSignature {
            gravity: Gravity::Minor,
            fault: Fault::Intentional,
            ..FactSignature::plain(Harm::None)
        };
        let variants = [
            FactSignature { natural_person: true, ..base.clone() },
            FactSignature { personal: PersonalGround::PartialCapacity, ..base.clone() },
            FactSignature { gravity: Gravity::Serious, ..base.clone() },
            FactSignature { harm: Harm::Serious, ..base.clone() },
            FactSignature { fault: Fault::NoFaultProven, ..base.clone() },
            FactSignature { correction: CorrectionStatus::Refused, ..base.clone() },
            FactSignature { first_violation: FirstViolationStatus::Unknown, ..base.clone() },
            FactSignature { list_first_violation: 0x4000, ..base.clone() },
            FactSignature { repeat_of_item: true, ..base.clone() },
            FactSignature { mitigating: 0x40, ..base.clone() },
            FactSignature { aggravating: 0x400, ..base.clone() },
            FactSignature { context: 0x800, ..base.clone() },
            FactSignature { crime_suspected: true, ..base.clone() },
            FactSignature { bar: Some(Bar::LimitationExpired), ..base.clone() },
        ];
        let mut packed: Vec<u128> = variants.iter().map(|s| s.pack(0)).collect();
        packed.push(base.pack(0));
        packed.push(base.pack(15));
        let n = packed.len();
        packed.sort_unstable();
        packed.dedup();
        assert_eq!(packed.len(), n);
        // Every field at its largest value stays inside its own bits.
        let max = FactSignature {
            natural_person: true,
            personal: PersonalGround::PartialCapacity,
            gravity: Gravity::Serious,
            harm: Harm::Serious,
            fault: Fault::NoFaultProven,
            correction: CorrectionStatus::Refused,
            first_violation: FirstViolationStatus::Unknown,
            list_first_violation: u16::MAX,
            repeat_of_item: true,
            mitigating: u8::MAX,
            aggravating: u16::MAX,
            context: u16::MAX,
            confirmed: Vec::new(),
            crime_suspected: true,
            bar: Some(*Bar::ALL.last().unwrap()),
        };
        assert_eq!(max.pack(15) >> 80, 0);
        assert_eq!(max.pack(0) >> 42 & 0xF, 0, "the bar spills into the band");
        assert_eq!(base.pack(15) >> 42, 15);
    }
}
