//! The statutory assessment: from facts to the set of lawful outcomes.
//!
//! [`assess`] applies 《中华人民共和国行政处罚法》 (2021) and the catalogue's list
//! entries to a case and returns an [`Assessment`]: the lawful outcome set
//! over [`Tier`], each member marked mandatory, alternative or discretionary
//! with its grounds and fine band; the limitation status (Art. 36); the
//! applicable rule version (Art. 37); procedure duties and deadlines; and a
//! trace of every rule considered — whether it fired and why, with its
//! citation.
//!
//! `assess` is pure and total: no clock (`as_of` is an argument), no I/O, no
//! panics, and a doubtful case is an outcome ("facts not established → no
//! penalty, Art. 40"), never an error.
//!
//! # How the lawful set is built
//!
//! 1. **Bars.** No item in the catalogue (Art. 38 ¶1), no longer illegal
//!    (Art. 37), facts not established (Art. 40), suspected crime (Art. 27),
//!    limitation expired (Art. 36): the only lawful outcome is no
//!    administrative penalty.
//! 2. **Mandatory no-penalty grounds** — under 14 (Art. 30), incapacity
//!    (Art. 31), 轻微不罚 (Art. 33 ¶1 sentence 1), no fault proven (Art. 33
//!    ¶2), a list entry that says 不予 where the statute permits it: `{NoPenalty}`.
//! 3. Otherwise the set is the tiers between a floor and a ceiling. The
//!    ceiling is 一般, or 从重 with a recognised aggravating circumstance; a
//!    mandatory mitigation ground (Arts. 30, 32, a list entry saying 应当)
//!    caps it at 从轻 and prevails over aggravating circumstances. The floor
//!    is the ceiling, lowered by discretionary grounds: 首违不罚 (Art. 33 ¶1
//!    sentence 2) to no penalty — and by the a-fortiori reading (举重以明轻)
//!    every tier between no penalty and the ceiling is then lawful — partial
//!    capacity (Art. 31) and local mitigating circumstances to 减轻, list
//!    entries to their tier; mandatory mitigation lowers it to 减轻.
//!    Aggravating circumstances under a mandatory policy, and Art. 49 always,
//!    remove discretionary no-penalty and list leniency.

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use smallvec::SmallVec;

use crate::calendar::{Period, ScheduleBasis};
use crate::case::{
    Aggravating, Case, Context, CrimeSuspicion, CriminalOutcomeKind, CustodialSentence, Facts, Fault,
    Gravity, Harm, Mitigating, PriorOutcome,
};
use crate::catalogue::{
    AggravationClause, AggravationCondition, Catalogue, Condition, Exclusion, Item, ItemCode, ListEntry,
    ListOutcome, Modal, PenaltyFacts, StatutoryPenalty,
};
use crate::law::{Citation, Instrument};
use crate::measure::GuardianOrder;
use crate::money::{FineBounds, Money};
use crate::party::MentalCapacity;
use crate::regime::{FirstViolationScope, Regime, Window};

vocabulary! {
    /// An outcome tier (处罚档次), from most to least lenient.
    ///
    /// `Ord` has legal meaning: `NoPenalty < Mitigated < Lighter < Ordinary <
    /// Heavier`, the order of severity.
    ///
    /// # Legal basis
    ///
    /// The five-tier vocabulary of local 裁量基准: "（一）从重处罚…（二）一般处罚…（三）从轻处罚…
    /// （四）减轻处罚…（五）不予处罚". 从轻 stays within the statutory range, 减轻 goes below its
    /// minimum or to a lighter kind (Jiangsu 市场监管规定 Art. 3).
    ///
    /// This enum is exhaustive: a new tier would change what every decision
    /// means, so downstream `match`es should stop compiling.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `no_penalty` | 不予处罚 |
    /// | `mitigated` | 减轻处罚 |
    /// | `lighter` | 从轻处罚 |
    /// | `ordinary` | 一般处罚 |
    /// | `heavier` | 从重处罚 |
    ///
    /// ```
    /// use rouxing::assess::Tier;
    ///
    /// let tier: Tier = serde_json::from_str(r#""no_penalty""#)?;
    /// assert_eq!(tier, Tier::NoPenalty);
    /// assert_eq!(serde_json::to_string(&tier)?, r#""no_penalty""#);
    /// # let codes = [("no_penalty", "不予处罚"), ("mitigated", "减轻处罚"), ("lighter", "从轻处罚"), ("ordinary", "一般处罚"), ("heavier", "从重处罚")];
    /// # assert_eq!(Tier::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Tier::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Tier>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Tier {
        /// 不予处罚.
        NoPenalty => "不予处罚",
        /// 减轻处罚.
        Mitigated => "减轻处罚",
        /// 从轻处罚.
        Lighter => "从轻处罚",
        /// 一般处罚.
        Ordinary => "一般处罚",
        /// 从重处罚.
        Heavier => "从重处罚",
    }
}

impl Tier {
    /// Whether the tier is one of the 两轻一免 outcomes (不予、减轻、从轻).
    pub const fn is_lenient(self) -> bool {
        matches!(self, Tier::NoPenalty | Tier::Mitigated | Tier::Lighter)
    }
}

vocabulary! {
    /// Whether a member of the lawful set is required or chosen.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `mandatory` | 应当 |
    /// | `alternative` | 应当择一 |
    /// | `discretionary` | 可以 |
    ///
    /// ```
    /// use rouxing::assess::Modality;
    ///
    /// let modality: Modality = serde_json::from_str(r#""mandatory""#)?;
    /// assert_eq!(modality, Modality::Mandatory);
    /// assert_eq!(serde_json::to_string(&modality)?, r#""mandatory""#);
    /// # let codes = [("mandatory", "应当"), ("alternative", "应当择一"), ("discretionary", "可以")];
    /// # assert_eq!(Modality::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Modality::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Modality>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Modality {
        /// The only lawful outcome (应当 / 不予).
        Mandatory => "应当",
        /// One of the outcomes the law requires a choice between (应当从轻或者减轻).
        Alternative => "应当择一",
        /// A lawful choice (可以).
        Discretionary => "可以",
    }
}

vocabulary! {
    /// What prevents any administrative penalty.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `no_legal_basis` | 没有处罚依据 |
    /// | `not_illegal` | 不认为是违法 |
    /// | `facts_not_established` | 违法事实不能成立 |
    /// | `suspected_crime` | 涉嫌犯罪 |
    /// | `limitation_expired` | 超过追责期限 |
    ///
    /// ```
    /// use rouxing::assess::Bar;
    ///
    /// let bar: Bar = serde_json::from_str(r#""no_legal_basis""#)?;
    /// assert_eq!(bar, Bar::NoLegalBasis);
    /// assert_eq!(serde_json::to_string(&bar)?, r#""no_legal_basis""#);
    /// # let codes = [("no_legal_basis", "没有处罚依据"), ("not_illegal", "不认为是违法"), ("facts_not_established", "违法事实不能成立"), ("suspected_crime", "涉嫌犯罪"), ("limitation_expired", "超过追责期限")];
    /// # assert_eq!(Bar::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Bar::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Bar>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Bar {
        /// The item is not in the catalogue: no legal basis (Art. 38 ¶1).
        NoLegalBasis => "没有处罚依据",
        /// The act was not a violation when committed, or is no longer one
        /// (Art. 37).
        NotIllegal => "不认为是违法",
        /// 违法事实不清、证据不足 (Art. 40, Art. 57 ¶1 (三)).
        FactsNotEstablished => "违法事实不能成立",
        /// 涉嫌犯罪，移送司法机关 (Art. 27, Art. 57 ¶1 (四)).
        SuspectedCrime => "涉嫌犯罪",
        /// 超过追责期限 (Art. 36).
        LimitationExpired => "超过追责期限",
    }
}

impl Bar {
    /// The provision that sets the bar.
    pub const fn citation(self) -> Citation {
        match self {
            Bar::NoLegalBasis => Citation::apl(38).para(1),
            Bar::NotIllegal => Citation::apl(37),
            Bar::FactsNotEstablished => Citation::apl(40),
            Bar::SuspectedCrime => Citation::apl(27).para(1),
            Bar::LimitationExpired => Citation::apl(36).para(1),
        }
    }
}

/// A ground for an outcome, with its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "ground", rename_all = "snake_case", deny_unknown_fields)]
pub enum Ground {
    /// A bar to any penalty.
    Bar {
        /// The bar.
        bar: Bar,
    },
    /// Art. 30: under 14 at the time of the act.
    UnderFourteen,
    /// Art. 30: aged 14 to 17.
    Minor,
    /// Art. 31 sentence 1: could not recognise or control the conduct.
    Incapable,
    /// Art. 31 sentence 3: capacity not fully lost.
    PartialCapacity,
    /// Art. 33 ¶1 sentence 1: 轻微不罚.
    MinorCorrectedNoHarm,
    /// Art. 33 ¶1 sentence 2: 首违不罚.
    FirstViolation,
    /// Art. 33 ¶2: no fault proven.
    NoFault,
    /// Art. 32: a statutory mitigating circumstance.
    Mitigating {
        /// The circumstance.
        circumstance: Mitigating,
    },
    /// A local mitigating circumstance the regime recognises.
    LocalMitigating {
        /// The circumstance.
        circumstance: Mitigating,
    },
    /// A recognised aggravating circumstance (Art. 49 or local).
    Aggravating {
        /// The circumstance.
        circumstance: Aggravating,
    },
    /// A 从重 clause of the special law the item applies (the item's
    /// `aggravation`): mandatory by law under every regime.
    SpecialLawAggravation {
        /// Index of the clause in the item's `aggravation`.
        clause: u16,
        /// The clause's own provision.
        citation: Citation,
    },
    /// A catalogue list entry.
    ListEntry {
        /// Index of the entry in the item's `entries`.
        index: u16,
        /// The outcome it grants.
        outcome: ListOutcome,
        /// Mandatory or discretionary.
        modal: Modal,
        /// For a 减轻 entry, the statutory 减轻 ground that authorises it
        /// (Art. 30, Art. 31 sentence 3 or an Art. 32 item): a list narrows
        /// the choice the statute leaves, it does not open 减轻 itself.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        authorised_by: Option<Citation>,
    },
}

impl Ground {
    /// The provision the ground rests on.
    pub fn citation(&self) -> Citation {
        match *self {
            Ground::Bar { bar } => bar.citation(),
            Ground::UnderFourteen | Ground::Minor => Citation::apl(30),
            Ground::Incapable => Citation::apl(31).sentence(1),
            Ground::PartialCapacity => Citation::apl(31).sentence(3),
            Ground::MinorCorrectedNoHarm => Citation::apl(33).para(1).sentence(1),
            Ground::FirstViolation => Citation::apl(33).para(1).sentence(2),
            Ground::NoFault => Citation::apl(33).para(2),
            Ground::Mitigating { circumstance } => {
                Citation::apl(32).item(circumstance.art_32_item().unwrap_or(5))
            }
            Ground::LocalMitigating { .. } => Citation::apl(34),
            Ground::Aggravating { circumstance: Aggravating::EmergencyMeasures } => Citation::apl(49),
            Ground::Aggravating { .. } => Citation::apl(34),
            Ground::SpecialLawAggravation { citation, .. } => citation,
            Ground::ListEntry { outcome, authorised_by, .. } => match outcome {
                ListOutcome::NoPenalty | ListOutcome::FirstViolationNoPenalty => Citation::apl(33).para(1),
                // 减轻 below the statutory minimum rests on the statutory
                // ground that authorises it, never on the benchmark article.
                ListOutcome::Mitigate => authorised_by.unwrap_or(Citation::apl(32)),
                ListOutcome::Lighten => Citation::apl(34),
                ListOutcome::NoCoercion => {
                    Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 59).para(1)
                }
            },
        }
    }

    /// Whether the ground is a 从重 the law itself requires — Art. 49, or a
    /// 从重 clause of the special law the item applies — rather than a local
    /// benchmark's circumstance (which binds only where a regime adopts a
    /// mandatory policy).
    pub fn is_aggravation_by_law(&self) -> bool {
        matches!(
            self,
            Ground::Aggravating { circumstance: Aggravating::EmergencyMeasures }
                | Ground::SpecialLawAggravation { .. }
        )
    }

    /// The ground in Chinese legal terms.
    pub fn legal_name(&self) -> String {
        match *self {
            Ground::Bar { bar } => bar.legal_name().to_owned(),
            Ground::UnderFourteen => "不满十四周岁".to_owned(),
            Ground::Minor => "已满十四周岁不满十八周岁".to_owned(),
            Ground::Incapable => "不能辨认或者不能控制自己行为".to_owned(),
            Ground::PartialCapacity => "尚未完全丧失辨认或者控制自己行为能力".to_owned(),
            Ground::MinorCorrectedNoHarm => "违法行为轻微并及时改正，没有造成危害后果（轻微不罚）".to_owned(),
            Ground::FirstViolation => "初次违法且危害后果轻微并及时改正（首违不罚）".to_owned(),
            Ground::NoFault => "有证据足以证明没有主观过错（无过错不罚）".to_owned(),
            Ground::Mitigating { circumstance } | Ground::LocalMitigating { circumstance } => {
                circumstance.legal_name().to_owned()
            }
            Ground::Aggravating { circumstance } => circumstance.legal_name().to_owned(),
            Ground::SpecialLawAggravation { citation, .. } => format!("{citation}规定的从重处罚情形"),
            Ground::ListEntry { outcome, modal, .. } => {
                format!("清单事项（{}，{}）", outcome.legal_name(), modal.legal_name())
            }
        }
    }
}

/// The grounds of an outcome: up to four held inline, more on the heap; a
/// JSON array (the slice it derefs to is what to read).
pub type GroundList = SmallVec<[Ground; 4]>;

/// The lawful outcome set: every tier held inline (there are five); a JSON
/// array.
pub type TierOptions = SmallVec<[TierOption; 5]>;

/// The duties an assessment finds, inline; a JSON array.
pub type Duties = SmallVec<[Duty; 8]>;

/// The deadlines an assessment computes, inline; a JSON array.
pub type Deadlines = SmallVec<[Deadline; 4]>;

/// The Art. 58 triggers found in the facts, inline; a JSON array.
pub type ReviewContexts = SmallVec<[Context; 8]>;

/// A member of the lawful outcome set.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TierOption {
    /// The tier.
    pub tier: Tier,
    /// Required, one of required alternatives, or chosen.
    pub modality: Modality,
    /// The grounds that make the tier lawful (empty for 一般 without grounds).
    pub grounds: GroundList,
    /// The lawful fine band for the tier, if a fine applies and its bounds are
    /// known.
    pub fine_band: Option<FineBounds>,
    /// The fine proposed for the tier: the middle of the band, or of a list
    /// entry's narrower amount where one applies and is lower.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested_fine: Option<Money>,
}

/// The Art. 36 limitation status.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第三十六条: "违法行为在二年内未被发现的，不再给予行政处罚；涉及公民
/// 生命健康安全、金融安全且有危害后果的，上述期限延长至五年。法律另有规定的除外。前款规定的期限，从违法
/// 行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算。" The period runs from the
/// day after the act (民法典 Art. 201) to the corresponding day (Art. 202): an act
/// on 2021-03-01 may be discovered up to and including 2023-03-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Limitation {
    /// The period in years.
    pub years: u32,
    /// Whether the five-year extension applies.
    pub extended: bool,
    /// Whether another law sets the period.
    pub by_other_law: bool,
    /// The day the period counts from (the act, or the end of a continuing act).
    pub counts_from: NaiveDate,
    /// The last day on which discovery is in time.
    pub last_day: NaiveDate,
    /// The day of discovery.
    pub discovered_on: NaiveDate,
    /// Whether discovery came after the last day.
    pub expired: bool,
}

vocabulary! {
    /// Which version of the rule applies under Art. 37.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `at_act` | 适用违法行为发生时的规定 |
    /// | `later_lighter` | 适用新的、处罚较轻的规定 |
    /// | `no_longer_illegal` | 新的规定不认为是违法 |
    /// | `not_illegal_at_act` | 违法行为发生时不认为是违法 |
    ///
    /// ```
    /// use rouxing::assess::VersionChoice;
    ///
    /// let version_choice: VersionChoice = serde_json::from_str(r#""at_act""#)?;
    /// assert_eq!(version_choice, VersionChoice::AtAct);
    /// assert_eq!(serde_json::to_string(&version_choice)?, r#""at_act""#);
    /// # let codes = [("at_act", "适用违法行为发生时的规定"), ("later_lighter", "适用新的、处罚较轻的规定"), ("no_longer_illegal", "新的规定不认为是违法"), ("not_illegal_at_act", "违法行为发生时不认为是违法")];
    /// # assert_eq!(VersionChoice::ALL.len(), codes.len());
    /// # for (v, (code, name)) in VersionChoice::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<VersionChoice>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum VersionChoice {
        /// The version in force when the act was committed (从旧).
        AtAct => "适用违法行为发生时的规定",
        /// The later, lighter version in force at decision time (从轻).
        LaterLighter => "适用新的、处罚较轻的规定",
        /// The act is no longer treated as a violation.
        NoLongerIllegal => "新的规定不认为是违法",
        /// The act was not a violation when committed.
        NotIllegalAtAct => "违法行为发生时不认为是违法",
    }
}

/// The rule version applied under Art. 37.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第三十七条: "实施行政处罚，适用违法行为发生时的法律、法规、规章的规定。
/// 但是，作出行政处罚决定时，法律、法规、规章已被修改或者废止，且新的规定处罚较轻或者不认为是违法的，
/// 适用新的规定。" "Lighter" compares the heaviest Art. 9 group, then the fine maximum,
/// then the fine minimum, for this party and these amounts.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AppliedVersion {
    /// The choice made.
    pub choice: VersionChoice,
    /// The provision applied, as cited.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub provision: ProvisionText,
    /// The sanctions applied, if any, as they apply to this case
    /// ([`StatutoryPenalty::resolve`]: conditions read against the facts,
    /// sanctions for other parties dropped).
    pub penalty: Option<StatutoryPenalty>,
    /// The statutory fine bounds for this party and these amounts, if known.
    pub fine_bounds: Option<FineBounds>,
}

/// The text of the provision an assessment applies (`penalty_provision` of
/// the item or of the amendment in force), as the catalogue cites it.
///
/// An assessment made by [`assess`] shares the text with the catalogue item
/// (it holds the item and which version), so it is not copied; one read from
/// JSON owns its text. Equality, order and hashing are those of the text.
///
/// # JSON
///
/// A JSON string:
///
/// ```
/// use rouxing::assess::ProvisionText;
///
/// let p: ProvisionText = serde_json::from_str(r#""《安全生产法》第九十九条""#)?;
/// assert_eq!(p, "《安全生产法》第九十九条");
/// assert_eq!(serde_json::to_string(&p)?, r#""《安全生产法》第九十九条""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct ProvisionText(ProvisionRepr);

#[derive(Clone)]
enum ProvisionRepr {
    /// The item's own provision (`None`) or that of an amendment.
    Item {
        item: Arc<Item>,
        amendment: Option<usize>,
    },
    Text(Arc<str>),
}

impl ProvisionText {
    /// The provision in force on a day for an item: the same choice as
    /// [`Item::provision_on`], without copying the text.
    pub fn of(item: &Arc<Item>, on: NaiveDate) -> ProvisionText {
        let amendment = item.amendments.iter().rposition(|a| a.effective_from <= on);
        ProvisionText(ProvisionRepr::Item { item: Arc::clone(item), amendment })
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            ProvisionRepr::Item { item, amendment } => match amendment.and_then(|i| item.amendments.get(i)) {
                Some(a) => &a.provision,
                None => &item.penalty_provision,
            },
            ProvisionRepr::Text(t) => t,
        }
    }
}

impl From<&str> for ProvisionText {
    fn from(text: &str) -> ProvisionText {
        ProvisionText(ProvisionRepr::Text(Arc::from(text)))
    }
}

impl From<String> for ProvisionText {
    fn from(text: String) -> ProvisionText {
        ProvisionText(ProvisionRepr::Text(Arc::from(text)))
    }
}

impl std::ops::Deref for ProvisionText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for ProvisionText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for ProvisionText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for ProvisionText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for ProvisionText {}

impl PartialEq<str> for ProvisionText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ProvisionText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::hash::Hash for ProvisionText {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Serialize for ProvisionText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ProvisionText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(ProvisionText::from)
    }
}

vocabulary! {
    /// A procedural duty the assessment finds.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `correction_order` | 责令改正 |
    /// | `confiscate_illegal_gains` | 没收违法所得 |
    /// | `education` | 对当事人进行教育 |
    /// | `guardian_discipline` | 责令监护人加以管教 |
    /// | `guardian_custody` | 责令监护人严加看管和治疗 |
    /// | `transfer_to_judiciary` | 移送司法机关 |
    /// | `single_fine` | 同一违法行为不得给予两次以上罚款 |
    ///
    /// ```
    /// use rouxing::assess::Duty;
    ///
    /// let duty: Duty = serde_json::from_str(r#""correction_order""#)?;
    /// assert_eq!(duty, Duty::CorrectionOrder);
    /// assert_eq!(serde_json::to_string(&duty)?, r#""correction_order""#);
    /// # let codes = [("correction_order", "责令改正"), ("confiscate_illegal_gains", "没收违法所得"), ("education", "对当事人进行教育"), ("guardian_discipline", "责令监护人加以管教"), ("guardian_custody", "责令监护人严加看管和治疗"), ("transfer_to_judiciary", "移送司法机关"), ("single_fine", "同一违法行为不得给予两次以上罚款")];
    /// # assert_eq!(Duty::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Duty::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Duty>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Duty {
        /// 责令改正 / 责令限期改正 (Art. 28 ¶1).
        CorrectionOrder => "责令改正",
        /// 没收违法所得 (Art. 28 ¶2), on a penalty outcome, and on a 不予处罚
        /// outcome where the regime reads Art. 28 ¶2 so
        /// ([`GainsOnNoPenalty`](crate::regime::GainsOnNoPenalty)).
        ConfiscateIllegalGains => "没收违法所得",
        /// 对当事人进行教育 (Art. 33 ¶3), on a no-penalty outcome.
        Education => "对当事人进行教育",
        /// 责令监护人加以管教 (Art. 30).
        GuardianDiscipline => "责令监护人加以管教",
        /// 责令监护人严加看管和治疗 (Art. 31).
        GuardianCustody => "责令监护人严加看管和治疗",
        /// 移送司法机关 (Arts. 27, 57 ¶1 (四)).
        TransferToJudiciary => "移送司法机关",
        /// 一个违法行为只处一次罚款，按照罚款数额高的规定 (Art. 29).
        SingleFine => "同一违法行为不得给予两次以上罚款",
    }
}

impl Duty {
    /// The provision that imposes the duty.
    pub const fn citation(self) -> Citation {
        match self {
            Duty::CorrectionOrder => Citation::apl(28).para(1),
            Duty::ConfiscateIllegalGains => Citation::apl(28).para(2),
            Duty::Education => Citation::apl(33).para(3),
            Duty::GuardianDiscipline => Citation::apl(30),
            Duty::GuardianCustody => Citation::apl(31).sentence(1),
            Duty::TransferToJudiciary => Citation::apl(27).para(1),
            Duty::SingleFine => Citation::apl(29),
        }
    }
}

vocabulary! {
    /// A statutory deadline.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `decision` | 作出行政处罚决定期限 |
    /// | `service` | 送达行政处罚决定书期限 |
    /// | `hearing_request` | 要求听证期限 |
    /// | `payment` | 缴纳罚款期限 |
    ///
    /// ```
    /// use rouxing::assess::DeadlineKind;
    ///
    /// let deadline_kind: DeadlineKind = serde_json::from_str(r#""decision""#)?;
    /// assert_eq!(deadline_kind, DeadlineKind::Decision);
    /// assert_eq!(serde_json::to_string(&deadline_kind)?, r#""decision""#);
    /// # let codes = [("decision", "作出行政处罚决定期限"), ("service", "送达行政处罚决定书期限"), ("hearing_request", "要求听证期限"), ("payment", "缴纳罚款期限")];
    /// # assert_eq!(DeadlineKind::ALL.len(), codes.len());
    /// # for (v, (code, name)) in DeadlineKind::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<DeadlineKind>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum DeadlineKind {
        /// Art. 60: decision within 90 days of filing.
        Decision => "作出行政处罚决定期限",
        /// Art. 61 with Art. 85: service within 7 working days when the party
        /// is absent.
        Service => "送达行政处罚决定书期限",
        /// Art. 64 (一) with Art. 85: hearing request within 5 working days of
        /// the hearing notice; only where Art. 63 applies to a lawful penalty
        /// outcome (computed for a notice given on the assessment day).
        HearingRequest => "要求听证期限",
        /// Art. 67 ¶3: payment within 15 days of receipt.
        Payment => "缴纳罚款期限",
    }
}

impl DeadlineKind {
    /// The provision that sets the deadline.
    pub const fn citation(self) -> Citation {
        match self {
            DeadlineKind::Decision => Citation::apl(60),
            DeadlineKind::Service => Citation::apl(61).para(1),
            DeadlineKind::HearingRequest => Citation::apl(64).item(1),
            DeadlineKind::Payment => Citation::apl(67).para(3),
        }
    }
}

/// A deadline computed from a trigger date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// Which deadline.
    pub kind: DeadlineKind,
    /// The trigger (filing, decision, notice, receipt).
    pub from: NaiveDate,
    /// The last day.
    pub due: NaiveDate,
    /// Whether a working-day count used the official schedule or only
    /// weekends (dates beyond the bundled schedule are provisional).
    pub basis: ScheduleBasis,
}

vocabulary! {
    /// A rule the assessment considers, in the order it is considered.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `legal_basis` | 没有依据不得处罚 |
    /// | `applicable_version` | 从旧兼从轻 |
    /// | `facts_established` | 违法事实不清不得处罚 |
    /// | `criminal_transfer` | 涉嫌犯罪移送 |
    /// | `criminal_offset` | 刑罚折抵、不再给予罚款 |
    /// | `limitation` | 超过追责期限不再处罚 |
    /// | `age` | 未成年人 |
    /// | `capacity` | 精神病人、智力残疾人 |
    /// | `minor_no_harm` | 轻微不罚 |
    /// | `first_violation` | 首违不罚 |
    /// | `no_fault` | 无过错不罚 |
    /// | `mitigation` | 应当从轻或者减轻 |
    /// | `local_mitigation` | 裁量基准从轻减轻情节 |
    /// | `list_entry` | 两轻一免清单 |
    /// | `aggravation` | 从重情节 |
    /// | `emergency` | 突发事件从重 |
    /// | `special_law_aggravation` | 特别法从重 |
    /// | `single_fine` | 一事不二罚 |
    /// | `correction` | 责令改正 |
    /// | `confiscation` | 没收违法所得 |
    /// | `education` | 教育 |
    ///
    /// ```
    /// use rouxing::assess::Rule;
    ///
    /// let rule: Rule = serde_json::from_str(r#""legal_basis""#)?;
    /// assert_eq!(rule, Rule::LegalBasis);
    /// assert_eq!(serde_json::to_string(&rule)?, r#""legal_basis""#);
    /// # let codes = [("legal_basis", "没有依据不得处罚"), ("applicable_version", "从旧兼从轻"), ("facts_established", "违法事实不清不得处罚"), ("criminal_transfer", "涉嫌犯罪移送"), ("criminal_offset", "刑罚折抵、不再给予罚款"), ("limitation", "超过追责期限不再处罚"), ("age", "未成年人"), ("capacity", "精神病人、智力残疾人"), ("minor_no_harm", "轻微不罚"), ("first_violation", "首违不罚"), ("no_fault", "无过错不罚"), ("mitigation", "应当从轻或者减轻"), ("local_mitigation", "裁量基准从轻减轻情节"), ("list_entry", "两轻一免清单"), ("aggravation", "从重情节"), ("emergency", "突发事件从重"), ("special_law_aggravation", "特别法从重"), ("single_fine", "一事不二罚"), ("correction", "责令改正"), ("confiscation", "没收违法所得"), ("education", "教育")];
    /// # assert_eq!(Rule::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Rule::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Rule>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum Rule {
        /// Art. 38 ¶1: no legal basis, no penalty (fires when the item is
        /// missing).
        LegalBasis => "没有依据不得处罚",
        /// Art. 37: a later version applies (fires when it does).
        ApplicableVersion => "从旧兼从轻",
        /// Art. 40: facts not established, no penalty (fires when they are not).
        FactsEstablished => "违法事实不清不得处罚",
        /// Art. 27: suspected crime is transferred (fires when suspected and
        /// the criminal process has not yet decided).
        CriminalTransfer => "涉嫌犯罪移送",
        /// Art. 35: what the criminal process decided after the transfer
        /// (fires when a court judged 罚金, 拘役 or 有期徒刑).
        CriminalOffset => "刑罚折抵、不再给予罚款",
        /// Art. 36: limitation expired (fires when expired).
        Limitation => "超过追责期限不再处罚",
        /// Art. 30: minors.
        Age => "未成年人",
        /// Art. 31: mental capacity.
        Capacity => "精神病人、智力残疾人",
        /// Art. 33 ¶1 sentence 1.
        MinorNoHarm => "轻微不罚",
        /// Art. 33 ¶1 sentence 2.
        FirstViolation => "首违不罚",
        /// Art. 33 ¶2.
        NoFault => "无过错不罚",
        /// Art. 32.
        Mitigation => "应当从轻或者减轻",
        /// Local mitigating circumstances (Art. 34 benchmark).
        LocalMitigation => "裁量基准从轻减轻情节",
        /// A list entry.
        ListEntry => "两轻一免清单",
        /// Local aggravating circumstances (Art. 34 benchmark).
        Aggravation => "从重情节",
        /// Art. 49.
        Emergency => "突发事件从重",
        /// A 从重 clause of the special law the item applies.
        SpecialLawAggravation => "特别法从重",
        /// Art. 29.
        SingleFine => "一事不二罚",
        /// Art. 28 ¶1.
        Correction => "责令改正",
        /// Art. 28 ¶2.
        Confiscation => "没收违法所得",
        /// Art. 33 ¶3.
        Education => "教育",
    }
}

/// Why a rule fired or did not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "why", rename_all = "snake_case", deny_unknown_fields)]
pub enum Why {
    /// The item is (not) in the catalogue.
    ItemInCatalogue {
        /// Whether it is.
        found: bool,
    },
    /// The version comparison.
    Version {
        /// The choice.
        choice: VersionChoice,
        /// The reference day of the act.
        act_on: NaiveDate,
        /// The decision day.
        as_of: NaiveDate,
    },
    /// The facts status.
    Facts {
        /// The status.
        facts: Facts,
    },
    /// The crime suspicion.
    Crime {
        /// The suspicion.
        crime: CrimeSuspicion,
    },
    /// What the criminal process decided after the Art. 27 transfer
    /// (Art. 35; Art. 27 ¶1 for a case returned).
    CriminalOutcome {
        /// What it decided.
        kind: CriminalOutcomeKind,
        /// The 罚金 judged, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        criminal_fine: Option<Money>,
        /// The 拘役 or 有期徒刑 judged, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        custody: Option<CustodialSentence>,
        /// The administrative fine already given for the act (Art. 29), which
        /// the 罚金 offsets.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        fined_before: Option<Money>,
    },
    /// The limitation computation.
    Limitation {
        /// The computation.
        limitation: Limitation,
    },
    /// The party is not a natural person.
    NotNaturalPerson,
    /// The party's age on the act day.
    Age {
        /// Age in completed years (周岁).
        age: u32,
        /// The day of the act.
        on: NaiveDate,
    },
    /// The party's capacity.
    Capacity {
        /// The capacity.
        capacity: MentalCapacity,
    },
    /// The Art. 33 ¶1 facts.
    MinorFacts {
        /// Gravity.
        gravity: Gravity,
        /// Harm.
        harm: Harm,
        /// Whether corrected promptly.
        prompt: bool,
    },
    /// The first-violation facts.
    FirstFacts {
        /// Whether first in the regime's window and scope.
        first: bool,
        /// Earlier violations counted.
        earlier: u16,
        /// Harm.
        harm: Harm,
        /// Whether corrected promptly.
        prompt: bool,
    },
    /// Discretionary no-penalty withheld because of aggravation or Art. 49.
    FirstBlockedByAggravation,
    /// The fault.
    Fault {
        /// The fault.
        fault: Fault,
        /// Whether the item's law excludes the no-fault defence.
        excepted: bool,
    },
    /// A mitigating circumstance.
    Mitigating {
        /// The circumstance.
        circumstance: Mitigating,
        /// Whether the regime recognises it.
        recognised: bool,
    },
    /// No mitigating circumstance.
    NoneFound,
    /// A list entry's evaluation.
    Entry {
        /// Index in the item's entries.
        index: u16,
        /// The result.
        result: EntryResult,
    },
    /// An aggravating circumstance.
    Aggravating {
        /// The circumstance.
        circumstance: Aggravating,
        /// Whether it takes effect (recognised and not overridden by a
        /// mandatory mitigation ground).
        effective: bool,
    },
    /// A special law's 从重 clause (the item's `aggravation`).
    SpecialLawClause {
        /// Index of the clause in the item's `aggravation`.
        clause: u16,
        /// Whether its conditions all hold.
        applies: bool,
        /// Whether it takes effect (applies and not overridden by a
        /// mandatory mitigation ground).
        effective: bool,
    },
    /// Art. 29: the provision with the highest fine among those violated.
    SingleFine {
        /// How many provisions the act violates.
        provisions: u16,
    },
    /// A duty and whether it applies.
    Duty {
        /// The duty.
        duty: Duty,
    },
    /// Illegal gains.
    Gains {
        /// The amount, if established.
        amount: Option<Money>,
        /// Whether to be refunded instead.
        refundable: bool,
    },
    /// No outcome in the lawful set is a no-penalty outcome.
    NoNoPenaltyOutcome,
    /// Not considered because a bar applies.
    Barred {
        /// The bar.
        bar: Bar,
    },
}

/// The result of evaluating a list entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "result", rename_all = "snake_case", deny_unknown_fields)]
pub enum EntryResult {
    /// All conditions hold and the statute permits the outcome.
    Applies,
    /// The entry is not in force on the act day.
    NotInForce,
    /// An exclusion holds.
    Excluded {
        /// Index in the entry's exclusions.
        exclusion: u16,
    },
    /// A condition fails.
    ConditionFails {
        /// Index in the entry's conditions.
        condition: u16,
    },
    /// A condition has no machine test; rouxing does not assume it.
    Untested {
        /// Index in the entry's conditions.
        condition: u16,
    },
    /// The conditions hold but 行政处罚法第三十三条 does not permit no penalty
    /// (harm beyond slight, or no prompt correction, or serious gravity).
    StatuteForbids,
    /// The conditions hold but Art. 49 or a mandatory aggravation excludes
    /// list leniency.
    Aggravated,
    /// A 减轻 entry whose conditions hold in a case with no statutory 减轻
    /// ground (《中华人民共和国行政处罚法》第三十条、第三十一条第三句、第三十二条): going below
    /// the statutory minimum is for the law, and a list cannot create it.
    NoStatutoryGround,
}

/// One step of the assessment: a rule, whether it fired, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TraceEntry {
    /// The rule.
    pub rule: Rule,
    /// The provision cited.
    pub citation: Citation,
    /// Whether the rule fired.
    pub fired: bool,
    /// Why.
    pub why: Why,
}

/// The result of [`assess`].
///
/// # JSON
///
/// The assessment of a case whose facts are not established (Art. 40):
///
/// ```
/// let assessment_json = r#"{
///   "case_id": "SH-JA-SJ-2026-0506",
///   "party": "demo-oo-0401",
///   "agency": {"id": "SH-JA-SCJG", "name": "上海市静安区市场监督管理局", "domain": "market_regulation"},
///   "as_of": "2026-09-01",
///   "item": {
///             "code": "MR-PRICE-42",
///             "name": "经营者违反明码标价规定",
///             "domain": "market_regulation",
///             "authority": "县级以上各级人民政府价格主管部门",
///             "violated_provisions": ["《中华人民共和国价格法》第十三条第一款"],
///             "penalty_provision": "《中华人民共和国价格法》第四十二条",
///             "penalty_text": "经营者违反明码标价规定的，责令改正，没收违法所得，可以并处五千元以下的罚款。",
///             "penalty": {
///                          "sanctions": [
///                                         {"kind": "confiscate_illegal_gains", "modal": "shall"},
///                                         {
///                                           "kind": "fine",
///                                           "modal": "may",
///                                           "fine": {"kind": "up_to", "max": "5000.00"}
///                                         }
///                                       ]
///                        },
///             "safety_baseline": false
///           },
///   "natural_person": false,
///   "bar": "facts_not_established",
///   "lawful": [
///               {
///                 "tier": "no_penalty",
///                 "modality": "mandatory",
///                 "grounds": [{"ground": "bar", "bar": "facts_not_established"}],
///                 "fine_band": null
///               }
///             ],
///   "limitation": null,
///   "version": {
///                "choice": "at_act",
///                "provision": "《中华人民共和国价格法》第四十二条",
///                "penalty": {
///                             "sanctions": [
///                                            {
///                                              "kind": "confiscate_illegal_gains",
///                                              "modal": "shall"
///                                            },
///                                            {
///                                              "kind": "fine",
///                                              "modal": "may",
///                                              "fine": {"kind": "up_to", "max": "5000.00"}
///                                            }
///                                          ]
///                           },
///                "fine_bounds": {"min": "0.00", "max": "5000.00"}
///              },
///   "duties": [],
///   "guardian_order": null,
///   "no_coercion": [],
///   "illegal_gains": null,
///   "facts_established": false,
///   "correction": {"status": "none"},
///   "commitment_signed": false,
///   "party_absent": false,
///   "collective_decision": false,
///   "legal_review_triggers": [],
///   "deadlines": [],
///   "trace": [
///              {
///                "rule": "legal_basis",
///                "citation": {"instrument": "administrative_penalty_law", "eid": "art_38__para_1"},
///                "fired": false,
///                "why": {"why": "item_in_catalogue", "found": true}
///              },
///              {
///                "rule": "applicable_version",
///                "citation": {"instrument": "administrative_penalty_law", "eid": "art_37"},
///                "fired": false,
///                "why": {
///                         "why": "version",
///                         "choice": "at_act",
///                         "act_on": "2026-05-02",
///                         "as_of": "2026-09-01"
///                       }
///              },
///              {
///                "rule": "facts_established",
///                "citation": {"instrument": "administrative_penalty_law", "eid": "art_40"},
///                "fired": true,
///                "why": {"why": "facts", "facts": "not_established"}
///              },
///              {
///                "rule": "criminal_transfer",
///                "citation": {"instrument": "administrative_penalty_law", "eid": "art_27__para_1"},
///                "fired": false,
///                "why": {"why": "crime", "crime": "none"}
///              }
///            ]
/// }"#;
/// use rouxing::Assessment;
///
/// let assessment: Assessment = serde_json::from_str(assessment_json)?;
/// assert_eq!(serde_json::to_value(&assessment)?, serde_json::from_str::<serde_json::Value>(assessment_json)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// The case number.
    pub case_id: crate::case::CaseId,
    /// The party.
    pub party: crate::party::PartyId,
    /// The agency handling the case, if given.
    pub agency: Option<crate::case::Agency>,
    /// The decision day the assessment was made for.
    pub as_of: NaiveDate,
    /// The catalogue item, if found.
    pub item: Option<Arc<Item>>,
    /// Whether the party is a natural person (for Art. 51 thresholds).
    pub natural_person: bool,
    /// A bar to any penalty, if one applies.
    pub bar: Option<Bar>,
    /// The lawful outcomes, from most to least lenient.
    pub lawful: TierOptions,
    /// The limitation status, if computed.
    pub limitation: Option<Limitation>,
    /// The rule version applied, if any.
    pub version: Option<AppliedVersion>,
    /// Duties found.
    pub duties: Duties,
    /// The guardian order, if due.
    pub guardian_order: Option<GuardianOrder>,
    /// List entries of 不予行政强制 that apply (indices into the item's entries).
    pub no_coercion: Vec<u16>,
    /// Illegal gains to confiscate (Art. 28 ¶2): on a penalty outcome, and
    /// on a 不予处罚 outcome where the regime's
    /// [`GainsOnNoPenalty`](crate::regime::GainsOnNoPenalty) says so; never
    /// under a bar.
    pub illegal_gains: Option<Money>,
    /// The sanctions of the other provisions the same act violates (Art. 29),
    /// each as it applies to this case.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_penalties: Vec<StatutoryPenalty>,
    /// A fine already imposed for the same act (Art. 29): no further fine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fined_before: Option<Money>,
    /// A 罚金 a court judged for the act after its transfer (Art. 35 ¶2): no
    /// administrative fine ("不再给予罚款"); a fine already given is offset
    /// against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criminal_fine: Option<Money>,
    /// Whether the facts are established with certainty (Art. 51).
    pub facts_established: bool,
    /// The party's correction, as found.
    pub correction: crate::case::Correction,
    /// Whether the party signed a commitment letter (承诺书).
    pub commitment_signed: bool,
    /// Whether the party was absent when the decision is pronounced (Art. 61).
    pub party_absent: bool,
    /// Whether the case calls for collective decision (Art. 57 ¶2).
    pub collective_decision: bool,
    /// Art. 58 triggers found in the facts (other than the regime's).
    pub legal_review_triggers: ReviewContexts,
    /// Deadlines.
    pub deadlines: Deadlines,
    /// Every rule considered.
    pub trace: Vec<TraceEntry>,
}

impl Assessment {
    /// The lawful option for a tier, if the tier is lawful.
    pub fn option(&self, tier: Tier) -> Option<&TierOption> {
        self.lawful.iter().find(|o| o.tier == tier)
    }

    /// Whether a tier is in the lawful set.
    pub fn is_lawful(&self, tier: Tier) -> bool {
        self.option(tier).is_some()
    }

    /// The most lenient lawful tier.
    pub fn most_lenient(&self) -> Tier {
        self.lawful.first().map_or(Tier::NoPenalty, |o| o.tier)
    }

    /// The least lenient lawful tier.
    pub fn least_lenient(&self) -> Tier {
        self.lawful.last().map_or(Tier::NoPenalty, |o| o.tier)
    }

    /// Whether a duty was found.
    pub fn has_duty(&self, duty: Duty) -> bool {
        self.duties.contains(&duty)
    }

    /// The list entry at an index of the item's entries.
    pub fn entry(&self, index: u16) -> Option<&ListEntry> {
        self.item.as_ref().and_then(|i| i.entries.get(usize::from(index)))
    }

    /// The trace entries that fired.
    pub fn fired(&self) -> impl Iterator<Item = &TraceEntry> {
        self.trace.iter().filter(|t| t.fired)
    }

    /// A deadline by kind.
    pub fn deadline(&self, kind: DeadlineKind) -> Option<&Deadline> {
        self.deadlines.iter().find(|d| d.kind == kind)
    }

    /// The full explanation in Chinese legal terms with citations.
    pub fn explain(&self) -> Explanation<'_> {
        Explanation { assessment: self }
    }
}

/// Assesses a case: the lawful outcomes, their grounds and the procedure.
///
/// See the [module documentation](self) for the rules applied and the order
/// in which they are applied.
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::assess::{assess, Tier};
/// use rouxing::case::{Case, Correction, Gravity, Harm};
/// use rouxing::catalogue::{Catalogue, Domain, Item, StatutoryPenalty};
/// use rouxing::measure::PenaltyKind;
/// use rouxing::money::{FineRule, Money};
/// use rouxing::party::{Party, PartyId};
/// use rouxing::Regime;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("date");
/// let item = Item {
///     code: "X-1".parse()?,
///     name: "某违法行为".into(),
///     domain: Domain::MarketRegulation,
///     authority: "市场监督管理部门".into(),
///     violated_provisions: vec![],
///     penalty_provision: "某条例第十条".into(),
///     penalty_text: None,
///     penalty: StatutoryPenalty::new(
///         vec![PenaltyKind::Fine],
///         Some(FineRule::range(Money::yuan(1_000), Money::yuan(10_000))?),
///         None,
///     )?,
///     amendments: vec![],
///     safety_baseline: false,
///     sectors: vec![],
///     limitation: None,
///     aggravation: vec![],
///     no_fault_exception: None,
///     entries: vec![],
/// };
/// let catalogue = Catalogue::new("示例", vec![], vec![item])?;
/// let case = Case::builder("C-1".parse()?, "X-1".parse()?)
///     .party(Party::legal_person(PartyId::new("P-1")?, None))
///     .act_on(d(2025, 3, 1)?)
///     .discovered_on(d(2025, 3, 2)?)
///     .gravity(Gravity::Minor)
///     .harm(Harm::None)
///     .correction(Correction::Prompt { on: d(2025, 3, 2)? })
///     .build()?;
/// let a = assess(&case, &catalogue, &Regime::national(), d(2025, 3, 10)?);
/// // 轻微并及时改正，没有造成危害后果: 不予行政处罚 (Art. 33 ¶1 sentence 1).
/// assert_eq!(a.most_lenient(), Tier::NoPenalty);
/// assert_eq!(a.least_lenient(), Tier::NoPenalty);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn assess(case: &Case, catalogue: &Catalogue, regime: &Regime, as_of: NaiveDate) -> Assessment {
    assess_in(case, &|code| catalogue.get_shared(code), regime, as_of)
}

/// [`assess`] with the catalogue given as a lookup of items by code: the
/// guard re-assesses a case against the item an assessment already holds
/// (the 过渡期 check), without the catalogue.
pub(crate) fn assess_in<'c>(
    case: &Case,
    lookup: &dyn Fn(&ItemCode) -> Option<&'c Arc<Item>>,
    regime: &Regime,
    as_of: NaiveDate,
) -> Assessment {
    let mut a = Assessment {
        case_id: case.id().clone(),
        party: case.party().id().clone(),
        agency: case.agency().cloned(),
        as_of,
        item: None,
        natural_person: case.party().is_natural_person(),
        bar: None,
        lawful: SmallVec::new(),
        limitation: None,
        version: None,
        duties: SmallVec::new(),
        guardian_order: None,
        no_coercion: Vec::new(),
        illegal_gains: None,
        other_penalties: Vec::new(),
        fined_before: case.fined_before().map(|f| f.amount),
        criminal_fine: case.criminal_fine(),
        facts_established: case.facts() == Facts::Established,
        correction: case.correction(),
        commitment_signed: case.has_context(Context::CommitmentSigned),
        party_absent: case.has_context(Context::PartyAbsent),
        collective_decision: false,
        legal_review_triggers: SmallVec::new(),
        deadlines: SmallVec::new(),
        trace: Vec::with_capacity(24),
    };
    let mut t = Tracer { trace: &mut a.trace };

    // Art. 38 ¶1 — a legal basis.
    let Some(item) = lookup(case.item()) else {
        t.push(Rule::LegalBasis, Citation::apl(38).para(1), true, Why::ItemInCatalogue { found: false });
        a.bar = Some(Bar::NoLegalBasis);
        a.lawful.push(only_no_penalty(Ground::Bar { bar: Bar::NoLegalBasis }));
        return a;
    };
    t.push(Rule::LegalBasis, Citation::apl(38).para(1), false, Why::ItemInCatalogue { found: true });
    a.item = Some(Arc::clone(item));
    let act_on = case.act().committed_on();

    // Art. 37 — which version applies; Art. 29 — the highest fine among the
    // provisions the act violates.
    // Written in place: the applied version (with its resolved penalty) is
    // not moved again once built.
    let version = a.version.insert(applicable_version(item, case, act_on, as_of));
    t.push(
        Rule::ApplicableVersion,
        Citation::apl(37),
        version.choice != VersionChoice::AtAct,
        Why::Version { choice: version.choice, act_on, as_of },
    );
    if !case.also_violates().is_empty() {
        let mut fine_bounds = version.fine_bounds;
        let mut n: u16 = 1;
        for code in case.also_violates() {
            if let Some(other) = lookup(code) {
                n = n.saturating_add(1);
                let v = applicable_version(other, case, act_on, as_of);
                if let Some(ob) = v.fine_bounds {
                    // The heavier maximum wins, then bounds beyond range
                    // (whose true maximum is above `Money::MAX`), then the
                    // heavier minimum: the key is every field of the bounds.
                    let key = |f: FineBounds| (f.max(), f.is_beyond_range(), f.min());
                    if fine_bounds.is_none_or(|b| key(ob) > key(b)) {
                        fine_bounds = Some(ob);
                    }
                }
                if let Some(p) = v.penalty {
                    a.other_penalties.push(p);
                }
            }
        }
        t.push(Rule::SingleFine, Citation::apl(29), true, Why::SingleFine { provisions: n });
        a.duties.push(Duty::SingleFine);
        version.fine_bounds = fine_bounds;
    }
    let fine_bounds = version.fine_bounds;
    // `applicable_version` leaves the penalty empty exactly when no
    // provision punishes the act on the day of the act or on the as-of day
    // (`NotIllegalAtAct`, `NoLongerIllegal`): the act is not illegal.
    if version.penalty.is_none() {
        barred(&mut a, Bar::NotIllegal);
        transfer_if_suspected(&mut a, case);
        return a;
    }

    // Art. 40 — facts.
    let mut t = Tracer { trace: &mut a.trace };
    let facts_ok = case.facts() == Facts::Established;
    t.push(Rule::FactsEstablished, Citation::apl(40), !facts_ok, Why::Facts { facts: case.facts() });
    if !facts_ok {
        barred(&mut a, Bar::FactsNotEstablished);
        transfer_if_suspected(&mut a, case);
        return a;
    }

    // Art. 27 — suspected crime, transferred unless the criminal process has
    // decided already; Art. 35 — what its decision leaves to the agency.
    let crime = transfer_pending(case);
    t.push(Rule::CriminalTransfer, Citation::apl(27).para(1), crime, Why::Crime { crime: case.crime() });
    if crime {
        a.duties.push(Duty::TransferToJudiciary);
        barred(&mut a, Bar::SuspectedCrime);
        return a;
    }
    if let Some(o) = case.criminal_outcome() {
        let (citation, fired) = match (o.kind, o.criminal_fine, o.custody) {
            (CriminalOutcomeKind::Judgment, Some(_), _) => (Citation::apl(35).para(2), true),
            (CriminalOutcomeKind::Judgment, None, Some(_)) => (Citation::apl(35).para(1), true),
            _ => (Citation::apl(27).para(1), false),
        };
        t.push(
            Rule::CriminalOffset,
            citation,
            fired,
            Why::CriminalOutcome {
                kind: o.kind,
                criminal_fine: o.criminal_fine,
                custody: o.custody,
                fined_before: case.fined_before().map(|f| f.amount),
            },
        );
    }

    // Art. 36 — limitation.
    let limitation = limitation(item, case, regime);
    t.push(
        Rule::Limitation,
        if limitation.extended { Citation::apl(36).para(1) } else { Citation::apl(36) },
        limitation.expired,
        Why::Limitation { limitation },
    );
    a.limitation = Some(limitation);
    if limitation.expired {
        a.duties.push(Duty::CorrectionOrder);
        a.duties.push(Duty::Education);
        barred(&mut a, Bar::LimitationExpired);
        return a;
    }

    // From here the violation is established and punishable: collect grounds.
    let mut g = Grounds::default();

    // Art. 30 — minors; Art. 31 — capacity.
    match case.party().age_on(act_on) {
        None => t.push(Rule::Age, Citation::apl(30), false, Why::NotNaturalPerson),
        Some(age) => {
            let fired = age < 18;
            t.push(Rule::Age, Citation::apl(30), fired, Why::Age { age, on: act_on });
            if age < 14 {
                g.mandatory_no_penalty.push(Ground::UnderFourteen);
                a.guardian_order = Some(GuardianOrder::Discipline);
            } else if age < 18 {
                g.mandatory_mitigation.push(Ground::Minor);
            }
        }
    }
    if let Some(capacity) = case.party().capacity() {
        let (cit, fired) = match capacity {
            MentalCapacity::Full => (Citation::apl(31), false),
            MentalCapacity::Incapable => (Citation::apl(31).sentence(1), true),
            MentalCapacity::IntermittentNormal => (Citation::apl(31).sentence(2), false),
            MentalCapacity::Partial => (Citation::apl(31).sentence(3), true),
        };
        t.push(Rule::Capacity, cit, fired, Why::Capacity { capacity });
        match capacity {
            MentalCapacity::Incapable => {
                g.mandatory_no_penalty.push(Ground::Incapable);
                a.guardian_order = Some(GuardianOrder::CustodyAndTreatment);
            }
            MentalCapacity::Partial => g.discretionary_mitigation.push(Ground::PartialCapacity),
            MentalCapacity::Full | MentalCapacity::IntermittentNormal => {}
        }
    }

    // Aggravation is needed before the discretionary grounds it can block.
    let art49 = case.aggravating().contains(&Aggravating::EmergencyMeasures);
    // The special law's own 从重 clauses (catalogue data) bind as Art. 49 does.
    let special = item.aggravation.iter().any(|c| clause_applies(c, case, item));
    let recognised_aggravation = case.aggravating().iter().any(|x| regime.recognises_aggravating(*x));
    let mandatory_mitigation_statutory = case.mitigating().iter().any(|m| m.art_32_item().is_some())
        || case.party().age_on(act_on).is_some_and(|age| (14..18).contains(&age));
    // Aggravation that removes discretionary leniency: Art. 49 always; local
    // circumstances under a mandatory policy.
    let blocks_discretion = art49
        || special
        || (recognised_aggravation
            && regime.aggravation == crate::regime::AggravationPolicy::Mandatory
            && !mandatory_mitigation_statutory);

    // Art. 33 ¶1 sentence 1 — 轻微不罚.
    let prompt = case.correction().is_prompt();
    let minor_facts = Why::MinorFacts { gravity: case.gravity(), harm: case.harm(), prompt };
    let s1 = case.gravity() == Gravity::Minor && prompt && case.harm() == Harm::None;
    t.push(Rule::MinorNoHarm, Citation::apl(33).para(1).sentence(1), s1, minor_facts);
    if s1 {
        g.mandatory_no_penalty.push(Ground::MinorCorrectedNoHarm);
    }

    // Art. 33 ¶1 sentence 2 — 首违不罚.
    let (first, earlier) =
        first_violation(case, item, regime.first_violation.window, regime.first_violation.scope);
    let s2 = first && case.harm() <= Harm::Slight && prompt;
    if s2 && blocks_discretion {
        t.push(
            Rule::FirstViolation,
            Citation::apl(33).para(1).sentence(2),
            false,
            Why::FirstBlockedByAggravation,
        );
    } else {
        t.push(
            Rule::FirstViolation,
            Citation::apl(33).para(1).sentence(2),
            s2,
            Why::FirstFacts { first, earlier, harm: case.harm(), prompt },
        );
        if s2 {
            g.discretionary_no_penalty.push(Ground::FirstViolation);
        }
    }

    // Art. 33 ¶2 — no fault.
    let excepted = item.no_fault_exception.is_some();
    let no_fault = case.fault() == Fault::NoFaultProven && !excepted;
    t.push(Rule::NoFault, Citation::apl(33).para(2), no_fault, Why::Fault { fault: case.fault(), excepted });
    if no_fault {
        g.mandatory_no_penalty.push(Ground::NoFault);
    }

    // Art. 32 and local mitigating circumstances.
    if case.mitigating().is_empty() {
        t.push(Rule::Mitigation, Citation::apl(32), false, Why::NoneFound);
    }
    for &m in case.mitigating() {
        match m.art_32_item() {
            Some(n) => {
                t.push(
                    Rule::Mitigation,
                    Citation::apl(32).item(n),
                    true,
                    Why::Mitigating { circumstance: m, recognised: true },
                );
                g.mandatory_mitigation.push(Ground::Mitigating { circumstance: m });
            }
            None => {
                let recognised = regime.recognises_mitigating(m);
                t.push(
                    Rule::LocalMitigation,
                    Citation::apl(34),
                    recognised,
                    Why::Mitigating { circumstance: m, recognised },
                );
                // Art. 34: a benchmark narrows the discretion inside the
                // statutory band; it cannot open 减轻 below the statutory
                // minimum, which needs a ground of Arts. 30, 31 or 32.
                if recognised {
                    g.discretionary_lighter.push(Ground::LocalMitigating { circumstance: m });
                }
            }
        }
    }

    // Catalogue list entries. A 减轻 entry needs a statutory 减轻 ground found
    // above (Arts. 30, 31, 32).
    let mitigation_ground = statutory_mitigation_ground(&g);
    let days = EntryDays { act_on, as_of, later_lenient: regime.readings.later_list_entry_applies };
    for (i, entry) in item.entries.iter().enumerate() {
        let index = u16::try_from(i).unwrap_or(u16::MAX);
        let result = evaluate_entry(entry, item, case, regime, days, blocks_discretion, mitigation_ground);
        let applies = result == EntryResult::Applies;
        let authorised_by = (entry.outcome == ListOutcome::Mitigate).then_some(mitigation_ground).flatten();
        let ground = Ground::ListEntry { index, outcome: entry.outcome, modal: entry.modal, authorised_by };
        t.push(Rule::ListEntry, ground.citation(), applies, Why::Entry { index, result });
        if !applies {
            continue;
        }
        match (entry.outcome, entry.modal) {
            (ListOutcome::NoPenalty | ListOutcome::FirstViolationNoPenalty, Modal::Shall) => {
                g.mandatory_no_penalty.push(ground)
            }
            (ListOutcome::NoPenalty | ListOutcome::FirstViolationNoPenalty, Modal::May) => {
                g.discretionary_no_penalty.push(ground)
            }
            (ListOutcome::Mitigate, Modal::Shall) => g.list_shall_mitigate.push(ground),
            (ListOutcome::Lighten, Modal::Shall) => g.list_shall_lighten.push(ground),
            (ListOutcome::Mitigate, Modal::May) => g.discretionary_mitigation.push(ground),
            (ListOutcome::Lighten, Modal::May) => g.discretionary_lighter.push(ground),
            (ListOutcome::NoCoercion, _) => a.no_coercion.push(index),
        }
    }

    // Aggravating circumstances.
    let mandatory_mitigation = !g.mandatory_mitigation.is_empty()
        || !g.list_shall_mitigate.is_empty()
        || !g.list_shall_lighten.is_empty();
    for &x in case.aggravating() {
        let recognised = regime.recognises_aggravating(x);
        let effective = recognised && !mandatory_mitigation;
        let (rule, cit) = if x == Aggravating::EmergencyMeasures {
            (Rule::Emergency, Citation::apl(49))
        } else {
            (Rule::Aggravation, Citation::apl(34))
        };
        t.push(rule, cit, effective, Why::Aggravating { circumstance: x, effective });
        if effective {
            g.aggravating.push(Ground::Aggravating { circumstance: x });
        }
    }
    // The special law's 从重 clauses: each cites itself, never Art. 49 or a
    // local benchmark.
    for (i, c) in item.aggravation.iter().enumerate() {
        let clause = u16::try_from(i).unwrap_or(u16::MAX);
        let applies = clause_applies(c, case, item);
        let effective = applies && !mandatory_mitigation;
        t.push(
            Rule::SpecialLawAggravation,
            c.citation,
            effective,
            Why::SpecialLawClause { clause, applies, effective },
        );
        if effective {
            g.aggravating.push(Ground::SpecialLawAggravation { clause, citation: c.citation });
        }
    }

    // The lawful set.
    build_lawful_set(&mut a, &g, regime, item, case, fine_bounds);

    // Duties.
    let mut t = Tracer { trace: &mut a.trace };
    a.duties.push(Duty::CorrectionOrder);
    t.push(Rule::Correction, Citation::apl(28).para(1), true, Why::Duty { duty: Duty::CorrectionOrder });
    // Art. 28 ¶2 on every outcome of an established violation; on a 不予处罚
    // outcome as the regime reads it (`GainsOnNoPenalty`, contested).
    let gains = case.amounts().illegal_gains.filter(|m| !m.is_zero());
    let penalty_possible = a.lawful.iter().any(|o| o.tier != Tier::NoPenalty);
    let on_no_penalty = regime.readings.gains_on_no_penalty == crate::regime::GainsOnNoPenalty::Confiscate;
    let confiscate = gains.is_some() && !case.gains_refundable() && (penalty_possible || on_no_penalty);
    t.push(
        Rule::Confiscation,
        Citation::apl(28).para(2),
        confiscate,
        Why::Gains { amount: gains, refundable: case.gains_refundable() },
    );
    if confiscate {
        a.duties.push(Duty::ConfiscateIllegalGains);
        a.illegal_gains = gains;
    }
    let educate = a.lawful.first().is_some_and(|o| o.tier == Tier::NoPenalty);
    if educate {
        a.duties.push(Duty::Education);
        t.push(Rule::Education, Citation::apl(33).para(3), true, Why::Duty { duty: Duty::Education });
    } else {
        t.push(Rule::Education, Citation::apl(33).para(3), false, Why::NoNoPenaltyOutcome);
    }
    match a.guardian_order {
        Some(GuardianOrder::Discipline) => a.duties.push(Duty::GuardianDiscipline),
        Some(GuardianOrder::CustodyAndTreatment) => a.duties.push(Duty::GuardianCustody),
        None => {}
    }
    a.collective_decision = case.gravity() == Gravity::Serious
        || case.harm() == Harm::Serious
        || case.has_context(Context::ComplexCircumstances);
    for c in [Context::MajorPublicInterest, Context::MajorRights, Context::ComplexLegalRelations] {
        if case.has_context(c) {
            a.legal_review_triggers.push(c);
        }
    }
    deadlines(&mut a, case, regime);
    a
}

/// The statutory ground that authorises 减轻 below the statutory minimum, if
/// the case has one: 《中华人民共和国行政处罚法》第三十条 (a minor, 应当从轻或者减轻), 第三十一条
/// 第三句 (partial capacity, 可以从轻或者减轻) or 第三十二条 (its items, including
/// (五) "法律、法规、规章规定其他应当从轻或者减轻行政处罚的").
fn statutory_mitigation_ground(g: &Grounds) -> Option<Citation> {
    g.mandatory_mitigation.iter().chain(&g.discretionary_mitigation).find_map(|gr| match gr {
        Ground::Minor | Ground::PartialCapacity | Ground::Mitigating { .. } => Some(gr.citation()),
        _ => None,
    })
}

/// The days a list entry is read on (Art. 37's 从旧兼从轻 for lists).
#[derive(Clone, Copy)]
struct EntryDays {
    act_on: NaiveDate,
    as_of: NaiveDate,
    later_lenient: bool,
}

struct Tracer<'a> {
    trace: &'a mut Vec<TraceEntry>,
}

impl Tracer<'_> {
    fn push(&mut self, rule: Rule, citation: Citation, fired: bool, why: Why) {
        self.trace.push(TraceEntry { rule, citation, fired, why });
    }
}

#[derive(Default)]
struct Grounds {
    mandatory_no_penalty: GroundList,
    discretionary_no_penalty: GroundList,
    mandatory_mitigation: GroundList,
    list_shall_mitigate: GroundList,
    list_shall_lighten: GroundList,
    discretionary_mitigation: GroundList,
    discretionary_lighter: GroundList,
    aggravating: GroundList,
}

fn only_no_penalty(ground: Ground) -> TierOption {
    TierOption {
        tier: Tier::NoPenalty,
        modality: Modality::Mandatory,
        grounds: smallvec::smallvec![ground],
        fine_band: None,
        suggested_fine: None,
    }
}

/// Art. 27 ¶1 is a duty of its own: "违法行为涉嫌犯罪的，行政机关应当及时将案件移送司法机关".
/// Where the administrative penalty is barred first — the administrative
/// rule no longer makes the act a violation (Art. 37) or its facts are not
/// established (Art. 40) — a suspected crime is still transferred: the bar
/// concerns the administrative penalty, not the criminal law, and whether a
/// crime is made out is for the judiciary (Art. 8 ¶2). Precedence: the bar
/// decides the administrative outcome (no penalty), the transfer follows.
fn transfer_if_suspected(a: &mut Assessment, case: &Case) {
    let crime = transfer_pending(case);
    a.trace.push(TraceEntry {
        rule: Rule::CriminalTransfer,
        citation: Citation::apl(27).para(1),
        fired: crime,
        why: Why::Crime { crime: case.crime() },
    });
    if crime {
        a.duties.push(Duty::TransferToJudiciary);
    }
}

/// Whether a suspected crime is still to be transferred: it is suspected and
/// the criminal process has not decided it (a recorded [`CriminalOutcome`]
/// means the transfer was made and the case came back, Art. 27 ¶1).
///
/// [`CriminalOutcome`]: crate::case::CriminalOutcome
fn transfer_pending(case: &Case) -> bool {
    criminal_standing(case) == CriminalStanding::TransferPending
}

/// Whether all the conditions of a special law's 从重 clause hold in the
/// case (see [`AggravationCondition`] for how each reads the facts).
pub(crate) fn clause_applies(clause: &AggravationClause, case: &Case, item: &Item) -> bool {
    !clause.conditions.is_empty() && clause.conditions.iter().all(|c| condition_holds(*c, case, item))
}

fn condition_holds(condition: AggravationCondition, case: &Case, item: &Item) -> bool {
    match condition {
        AggravationCondition::Circumstance { circumstance } => case.aggravating().contains(&circumstance),
        AggravationCondition::Harm { at_least } => case.harm() >= at_least,
        AggravationCondition::PriorPenalty { within } => {
            let act = case.act().start();
            case.priors().iter().any(|p| {
                p.domain == item.domain && p.outcome == PriorOutcome::Penalised && within.contains(p.on, act)
            })
        }
    }
}

/// Where a case stands with the criminal process — the one reading that
/// `assess` (Art. 27 ¶1: transfer while pending) and the 容错 mechanisms
/// (a general violation in administrative hands) share.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第二十七条第一款: "违法行为涉嫌犯罪的，行政机关应当及时将案件移送司法机关…
/// 对依法不需要追究刑事责任或者免予刑事处罚，但应当给予行政处罚的，司法机关应当及时将案件移送有关行政机关"
/// — a case returned (不起诉、免予刑事处罚、撤销案件) is the agency's again, as one never
/// transferred; 第三十五条 — after a judgment the administrative penalty is offset, the
/// act was a crime.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CriminalStanding {
    /// No crime suspected.
    NotSuspected,
    /// A crime is suspected and the criminal process has not decided it.
    TransferPending,
    /// Transferred and returned without a criminal penalty.
    Returned,
    /// A court imposed a criminal penalty.
    Convicted,
}

impl CriminalStanding {
    /// Whether the agency decides the case as an administrative matter
    /// alone: never suspected, or returned without a criminal penalty.
    pub(crate) const fn in_administrative_hands(self) -> bool {
        matches!(self, CriminalStanding::NotSuspected | CriminalStanding::Returned)
    }
}

/// The case's [`CriminalStanding`], read from its facts.
pub(crate) fn criminal_standing(case: &Case) -> CriminalStanding {
    match (case.crime(), case.criminal_outcome()) {
        (CrimeSuspicion::None, _) => CriminalStanding::NotSuspected,
        (CrimeSuspicion::Suspected, None) => CriminalStanding::TransferPending,
        (CrimeSuspicion::Suspected, Some(o)) if o.kind.is_judgment() => CriminalStanding::Convicted,
        (CrimeSuspicion::Suspected, Some(_)) => CriminalStanding::Returned,
    }
}

fn barred(a: &mut Assessment, bar: Bar) {
    a.bar = Some(bar);
    a.lawful.clear();
    a.lawful.push(only_no_penalty(Ground::Bar { bar }));
    if bar == Bar::LimitationExpired {
        a.trace.push(TraceEntry {
            rule: Rule::Education,
            citation: Citation::apl(33).para(3),
            fired: true,
            why: Why::Duty { duty: Duty::Education },
        });
    }
}

fn bounds_of(p: Option<&StatutoryPenalty>, case: &Case) -> Option<FineBounds> {
    p.and_then(|p| p.fine_for(case.party().is_natural_person())).and_then(|r| r.bounds(case.amounts()))
}

/// The severity key of a version for Art. 37: heaviest Art. 9 group, then fine
/// maximum, then minimum.
fn severity(p: &StatutoryPenalty, case: &Case) -> (u8, Money, Money) {
    let b = bounds_of(Some(p), case);
    (p.heaviest_group(), b.map_or(Money::ZERO, |b| b.max()), b.map_or(Money::ZERO, |b| b.min()))
}

/// The facts a provision's conditions read.
pub(crate) fn penalty_facts(case: &Case) -> PenaltyFacts {
    PenaltyFacts {
        natural_person: case.party().is_natural_person(),
        gravity: case.gravity(),
        harm: case.harm(),
        correction: case.correction(),
    }
}

fn applicable_version(item: &Arc<Item>, case: &Case, act_on: NaiveDate, as_of: NaiveDate) -> AppliedVersion {
    // Each version is read against the facts (conditions, parties) before
    // versions are compared: Art. 37 compares what each would impose on
    // this party for this act. The same version in force on both days is
    // read once; the version applied is moved, not copied, into the result.
    let facts = penalty_facts(case);
    let at_act = item.penalty_on(act_on);
    let now = item.penalty_on(as_of.max(act_on));
    let same = match (at_act, now) {
        (Some(old), Some(new)) => std::ptr::eq(old, new),
        _ => false,
    };
    let at_act = at_act.map(|p| p.resolve(&facts));
    let (choice, penalty, provision_day) = match (at_act, now) {
        (None, _) => (VersionChoice::NotIllegalAtAct, None, act_on),
        (Some(_), None) => (VersionChoice::NoLongerIllegal, None, as_of),
        (Some(old), Some(_)) if same => (VersionChoice::AtAct, Some(old), act_on),
        (Some(old), Some(new)) => {
            let new = new.resolve(&facts);
            if severity(&new, case) < severity(&old, case) {
                (VersionChoice::LaterLighter, Some(new), as_of)
            } else {
                (VersionChoice::AtAct, Some(old), act_on)
            }
        }
    };
    let fine_bounds = bounds_of(penalty.as_ref(), case);
    AppliedVersion { choice, provision: ProvisionText::of(item, provision_day), penalty, fine_bounds }
}

fn limitation(item: &Item, case: &Case, regime: &Regime) -> Limitation {
    let counts_from = case.act().committed_on();
    let touches = item.sectors.iter().chain(case.sectors()).any(|s| s.extends_limitation());
    let extended = touches && case.harm() > Harm::None;
    let (years, by_other_law) = match &item.limitation {
        Some(o) => (o.years, true),
        None if extended => (5, false),
        None => (2, false),
    };
    let mut last_day = Period::Years(years).last_day(counts_from).unwrap_or(NaiveDate::MAX);
    if regime.limitation_holiday_extension {
        last_day = regime.calendar.extend_if_holiday(last_day);
    }
    let discovered_on = case.discovered_on();
    Limitation {
        years,
        extended: extended && !by_other_law,
        by_other_law,
        counts_from,
        last_day,
        discovered_on,
        expired: discovered_on > last_day,
    }
}

/// Whether the act is a first violation: no earlier violation (other than
/// guidance) in scope within the window before the act began.
fn first_violation(case: &Case, item: &Item, window: Window, scope: FirstViolationScope) -> (bool, u16) {
    let act = case.act().start();
    let n = case
        .priors()
        .iter()
        .filter(|p| match scope {
            FirstViolationScope::SameItem => p.item == item.code,
            FirstViolationScope::SameDomain => p.domain == item.domain,
            FirstViolationScope::Any => true,
        })
        .filter(|p| window.contains(p.on, act))
        .count();
    (n == 0, u16::try_from(n).unwrap_or(u16::MAX))
}

/// The statute's floor under a list's 不予处罚 (《中华人民共和国行政处罚法》第三十三条第一款):
/// no harm and prompt correction of an act that is not serious (the list
/// declares the behaviour 轻微), or a first violation with at most slight
/// harm and prompt correction. `assess` and the list lint
/// ([`Catalogue::warnings`](crate::Catalogue::warnings)) share it.
pub(crate) fn list_no_penalty_floor(harm: Harm, prompt: bool, gravity: Gravity, first: bool) -> bool {
    let s1 = harm == Harm::None && prompt && gravity != Gravity::Serious;
    let s2 = first && harm <= Harm::Slight && prompt;
    s1 || s2
}

fn evaluate_entry(
    entry: &ListEntry,
    item: &Item,
    case: &Case,
    regime: &Regime,
    days: EntryDays,
    blocks_discretion: bool,
    mitigation_ground: Option<Citation>,
) -> EntryResult {
    // An entry in force at the act applies (从旧); one in force only at the
    // decision date is more lenient than no entry at all and applies where
    // the regime follows Art. 37's 从轻 for lists.
    let in_force = entry.in_force_on(days.act_on) || (days.later_lenient && entry.in_force_on(days.as_of));
    if !in_force {
        return EntryResult::NotInForce;
    }
    for (i, x) in entry.exclusions.iter().enumerate() {
        let holds = match x {
            Exclusion::Context { context } => case.has_context(*context),
            Exclusion::RefusedCorrection => case.correction() == crate::case::Correction::Refused,
            Exclusion::RepeatViolation => case.priors().iter().any(|p| p.item == item.code),
            Exclusion::SeriousCircumstances => case.gravity() == Gravity::Serious,
            Exclusion::Fact { key } => case.confirmed().contains(key),
        };
        if holds {
            return EntryResult::Excluded { exclusion: u16::try_from(i).unwrap_or(u16::MAX) };
        }
    }
    let mut first_required = false;
    for (i, c) in entry.conditions.iter().enumerate() {
        let idx = u16::try_from(i).unwrap_or(u16::MAX);
        if c.tests.is_empty() {
            return EntryResult::Untested { condition: idx };
        }
        for test in &c.tests {
            let holds = match test {
                Condition::FirstViolation { window } => {
                    first_required = true;
                    let w = window.unwrap_or(regime.first_violation.window);
                    first_violation(case, item, w, regime.first_violation.scope).0
                }
                Condition::CorrectedPromptly => case.correction().is_prompt(),
                Condition::NoHarm => case.harm() == Harm::None,
                Condition::HarmAtMostSlight => case.harm() <= Harm::Slight,
                Condition::Minor => case.gravity() == Gravity::Minor,
                Condition::NotIntentional => case.fault() != Fault::Intentional,
                Condition::CommitmentSigned => case.has_context(Context::CommitmentSigned),
                Condition::Fact { key } => case.confirmed().contains(key),
            };
            if !holds {
                return EntryResult::ConditionFails { condition: idx };
            }
        }
    }
    // The statute's floor under list leniency.
    match entry.outcome {
        ListOutcome::NoPenalty | ListOutcome::FirstViolationNoPenalty => {
            let prompt = case.correction().is_prompt();
            let s1 = case.harm() == Harm::None && prompt && case.gravity() != Gravity::Serious;
            let first = first_required
                || first_violation(case, item, regime.first_violation.window, regime.first_violation.scope).0;
            if !list_no_penalty_floor(case.harm(), prompt, case.gravity(), first) {
                return EntryResult::StatuteForbids;
            }
            // A 不予 entry backed by sentence 1 is the statute's own mandatory
            // rule; a discretionary entry yields to mandatory aggravation.
            if blocks_discretion && !(s1 && entry.modal == Modal::Shall) {
                return EntryResult::Aggravated;
            }
        }
        ListOutcome::Mitigate => {
            if mitigation_ground.is_none() {
                return EntryResult::NoStatutoryGround;
            }
            if blocks_discretion {
                return EntryResult::Aggravated;
            }
        }
        ListOutcome::Lighten => {
            if blocks_discretion {
                return EntryResult::Aggravated;
            }
        }
        ListOutcome::NoCoercion => {}
    }
    EntryResult::Applies
}

fn build_lawful_set(
    a: &mut Assessment,
    g: &Grounds,
    regime: &Regime,
    item: &Item,
    case: &Case,
    bounds: Option<FineBounds>,
) {
    if !g.mandatory_no_penalty.is_empty() {
        let grounds = g.mandatory_no_penalty.iter().chain(&g.discretionary_no_penalty).copied().collect();
        a.lawful.push(TierOption {
            tier: Tier::NoPenalty,
            modality: Modality::Mandatory,
            grounds,
            fine_band: None,
            suggested_fine: None,
        });
        return;
    }
    let statutory_mitigation = !g.mandatory_mitigation.is_empty();
    let mandatory_mitigation =
        statutory_mitigation || !g.list_shall_mitigate.is_empty() || !g.list_shall_lighten.is_empty();
    let aggravated = !g.aggravating.is_empty();

    let mut upper = Tier::Ordinary;
    let mut lower = Tier::Ordinary;
    if mandatory_mitigation {
        // 应当从轻或者减轻 (Arts. 30, 32) allows both; a list's 应当从轻 alone
        // caps at 从轻, its 应当减轻 (which applies only with a statutory 减轻
        // ground) narrows the choice to 减轻.
        upper = if !g.list_shall_mitigate.is_empty() && g.list_shall_lighten.is_empty() {
            Tier::Mitigated
        } else {
            Tier::Lighter
        };
        lower = if statutory_mitigation || !g.list_shall_mitigate.is_empty() {
            Tier::Mitigated
        } else {
            Tier::Lighter
        };
    } else if aggravated {
        // Art. 49 "依法快速、从重处罚" and a special law's "从重处罚" clause are
        // mandatory by law under every regime;
        // a local circumstance is mandatory only where the regime adopts a
        // mandatory policy.
        let by_law = g.aggravating.iter().any(Ground::is_aggravation_by_law);
        upper = Tier::Heavier;
        lower = match regime.aggravation {
            _ if by_law => Tier::Heavier,
            crate::regime::AggravationPolicy::Mandatory => Tier::Heavier,
            crate::regime::AggravationPolicy::Discretionary => Tier::Ordinary,
        };
    }
    if !g.discretionary_lighter.is_empty() {
        lower = lower.min(Tier::Lighter);
    }
    if !g.discretionary_mitigation.is_empty() {
        lower = lower.min(Tier::Mitigated);
    }
    if !g.discretionary_no_penalty.is_empty() {
        lower = Tier::NoPenalty;
    }
    let natural = case.party().is_natural_person();
    let single = lower == upper;
    for &tier in Tier::ALL {
        if tier < lower || tier > upper {
            continue;
        }
        let grounds: GroundList = match tier {
            Tier::NoPenalty => g.discretionary_no_penalty.clone(),
            Tier::Mitigated => g
                .mandatory_mitigation
                .iter()
                .chain(&g.list_shall_mitigate)
                .chain(&g.discretionary_mitigation)
                .chain(&g.discretionary_no_penalty)
                .copied()
                .collect(),
            Tier::Lighter => g
                .mandatory_mitigation
                .iter()
                .chain(&g.list_shall_lighten)
                .chain(&g.discretionary_mitigation)
                .chain(&g.discretionary_lighter)
                .chain(&g.discretionary_no_penalty)
                .copied()
                .collect(),
            Tier::Ordinary => g
                .discretionary_no_penalty
                .iter()
                .chain(&g.discretionary_mitigation)
                .chain(&g.discretionary_lighter)
                .copied()
                .collect(),
            Tier::Heavier => g.aggravating.clone(),
        };
        let modality = if single {
            Modality::Mandatory
        } else if mandatory_mitigation
            && matches!(tier, Tier::Mitigated | Tier::Lighter)
            && tier >= lower_of_mandatory(g)
        {
            Modality::Alternative
        } else {
            Modality::Discretionary
        };
        let (fine_band, suggested_fine) = tier_band(tier, bounds, regime, item, g, natural);
        a.lawful.push(TierOption { tier, modality, grounds, fine_band, suggested_fine });
    }
}

fn lower_of_mandatory(g: &Grounds) -> Tier {
    if !g.mandatory_mitigation.is_empty() || !g.list_shall_mitigate.is_empty() {
        Tier::Mitigated
    } else {
        Tier::Lighter
    }
}

/// The lawful fine band of a tier — the regime's 裁量基准 band over the
/// statutory bounds — and the fine to propose in it.
///
/// A list entry's 从轻 / 减轻 amount (`reduced_fine`) is the agency's own
/// benchmark for its situation: the proposal is the lowest of the middles of
/// the band and of each applicable list amount within it, so that a further
/// ground never raises the proposal. Where the statutory minimum is zero
/// ("X元以下") 减轻 has no money band below it, and only list amounts give one.
fn tier_band(
    tier: Tier,
    bounds: Option<FineBounds>,
    regime: &Regime,
    item: &Item,
    g: &Grounds,
    natural: bool,
) -> (Option<FineBounds>, Option<Money>) {
    let Some(b) = bounds else {
        return (None, None);
    };
    let listed = |outcome: ListOutcome| -> Vec<FineBounds> {
        g.list_shall_mitigate
            .iter()
            .chain(&g.list_shall_lighten)
            .chain(&g.discretionary_mitigation)
            .chain(&g.discretionary_lighter)
            .filter_map(|gr| match gr {
                Ground::ListEntry { index, outcome: o, .. } if *o == outcome => {
                    let e = item.entries.get(usize::from(*index))?;
                    let rule = if natural {
                        e.reduced_fine_natural_person.or(e.reduced_fine)
                    } else {
                        e.reduced_fine
                    };
                    rule.and_then(|r| r.bounds(&crate::money::Amounts::default()))
                }
                _ => None,
            })
            .collect()
    };
    let propose = |band: FineBounds, lists: &[FineBounds]| -> Money {
        lists
            .iter()
            .filter_map(|l| intersect(*l, band))
            .map(|l| l.middle_yuan())
            .fold(band.middle_yuan(), Money::min)
    };
    let band = match tier {
        Tier::NoPenalty => return (None, None),
        Tier::Lighter => {
            let band = regime.discretion.lighter(b);
            return (Some(band), Some(propose(band, &listed(ListOutcome::Lighten))));
        }
        Tier::Ordinary => regime.discretion.ordinary(b).unwrap_or(b),
        Tier::Heavier => regime.discretion.heavier(b),
        Tier::Mitigated => {
            // Below the statutory minimum, down to the regime's floor.
            // A fine of zero is no fine: the floor is at least 1 分.
            let floor =
                regime.mitigation_floor.for_minimum(b.min()).unwrap_or(Money::ZERO).max(Money::from_fen(1));
            let generic =
                b.min().checked_sub(Money::from_fen(1)).and_then(|top| FineBounds::new(floor, top).ok());
            let lists = listed(ListOutcome::Mitigate);
            let band = match generic {
                Some(g) => g,
                None => {
                    // The hull of the list amounts, within the statutory maximum.
                    let lo = lists.iter().map(|l| l.min()).min();
                    let hi = lists.iter().map(|l| l.max().min(b.max())).max();
                    match (lo, hi) {
                        (Some(lo), Some(hi)) => match FineBounds::new(lo, hi) {
                            Ok(h) => h,
                            Err(_) => return (None, None),
                        },
                        _ => return (None, None),
                    }
                }
            };
            return (Some(band), Some(propose(band, &lists)));
        }
    };
    (Some(band), Some(band.middle_yuan()))
}

fn intersect(a: FineBounds, b: FineBounds) -> Option<FineBounds> {
    FineBounds::new(a.min().max(b.min()), a.max().min(b.max())).ok()
}

fn deadlines(a: &mut Assessment, case: &Case, regime: &Regime) {
    if let Some(filed) = case.filed_on() {
        if let Some(due) = crate::calendar::add_days(filed, regime.decision_period_days) {
            a.deadlines.push(Deadline {
                kind: DeadlineKind::Decision,
                from: filed,
                due,
                basis: ScheduleBasis::Official,
            });
        }
    }
    let penalty_possible = a.lawful.iter().any(|o| o.tier != Tier::NoPenalty);
    if case.has_context(Context::PartyAbsent) {
        let d = regime.calendar.add_working_days(a.as_of, 7);
        a.deadlines.push(Deadline {
            kind: DeadlineKind::Service,
            from: a.as_of,
            due: d.date,
            basis: d.basis,
        });
    }
    // Art. 64 (一): the request period exists only where Art. 63 applies to a
    // lawful penalty outcome, and runs from the hearing notice (here: a notice
    // given on the assessment day; the case file counts from the recorded
    // 告知, `CaseFile::deadlines`).
    // A cheap test first (no sanctions built): a kind of Art. 63 ¶1 (三)(四) in
    // the provision, or an amount that can reach 较大数额 (gains, or a tier's
    // band: the fine `sanctions_for` proposes lies within it).
    let threshold = regime.hearing.for_party(a.natural_person);
    let may = a
        .version
        .as_ref()
        .and_then(|v| v.penalty.as_ref())
        .is_some_and(|p| p.kinds().iter().any(|k| k.requires_hearing_notice()))
        || a.illegal_gains.is_some_and(|g| g >= threshold)
        || a.lawful.iter().any(|o| o.fine_band.is_some_and(|b| b.max() >= threshold));
    let hearing = may
        && a.lawful.iter().any(|o| {
            o.tier != Tier::NoPenalty
                && crate::decision::hearing_right_applies(
                    a,
                    regime,
                    o.tier,
                    &crate::decision::sanctions_for(a, o),
                )
        });
    if hearing {
        let d = crate::decision::hearing_request_due(a.as_of, &regime.calendar);
        a.deadlines.push(Deadline {
            kind: DeadlineKind::HearingRequest,
            from: a.as_of,
            due: d.date,
            basis: d.basis,
        });
    }
    if penalty_possible {
        if let Some(due) = crate::calendar::add_days(a.as_of, 15) {
            a.deadlines.push(Deadline {
                kind: DeadlineKind::Payment,
                from: a.as_of,
                due,
                basis: ScheduleBasis::Official,
            });
        }
    }
}

/// The assessment's explanation in Chinese legal terms; `Display` renders it.
#[derive(Clone, Copy, Debug)]
pub struct Explanation<'a> {
    assessment: &'a Assessment,
}

impl fmt::Display for Explanation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = self.assessment;
        writeln!(f, "案件 {}（评估日 {}）", a.case_id, a.as_of)?;
        if let Some(item) = &a.item {
            writeln!(f, "违法行为：{}（{}）", item.name, item.code)?;
            if let Some(v) = &a.version {
                writeln!(f, "处罚依据：{}（{}）", v.provision, v.choice.legal_name())?;
                match v.fine_bounds {
                    Some(b) if b.min().is_zero() => writeln!(f, "法定罚款幅度：{}以下", b.max())?,
                    Some(b) => writeln!(f, "法定罚款幅度：{b}")?,
                    None => {}
                }
            }
        }
        if let Some(bar) = a.bar {
            writeln!(f, "结论：{}，不得给予行政处罚（{}）", bar.legal_name(), bar.citation())?;
        }
        writeln!(f, "依法可以作出的处理：")?;
        for o in &a.lawful {
            write!(f, "  - {}（{}）", o.tier.legal_name(), o.modality.legal_name())?;
            if let Some(b) = o.fine_band {
                write!(f, "，罚款幅度 {b}")?;
            }
            let names: Vec<String> = o
                .grounds
                .iter()
                .map(|g| match g {
                    // A list ground names the list entry and the article that
                    // authorises it.
                    Ground::ListEntry { index, outcome, modal, .. } => match a.entry(*index) {
                        Some(e) => format!(
                            "清单{}第{}项（{}，{}），{}",
                            e.source,
                            e.id,
                            outcome.legal_name(),
                            modal.legal_name(),
                            g.citation().pinpoint()
                        ),
                        None => format!("{}，{}", g.legal_name(), g.citation().pinpoint()),
                    },
                    _ => format!("{}，{}", g.legal_name(), g.citation().pinpoint()),
                })
                .collect();
            if !names.is_empty() {
                write!(f, "；依据：{}", names.join("；"))?;
            }
            writeln!(f)?;
        }
        if !a.duties.is_empty() {
            writeln!(f, "法定义务：")?;
            for d in &a.duties {
                writeln!(f, "  - {}（{}）", d.legal_name(), d.citation())?;
            }
        }
        if !a.deadlines.is_empty() {
            writeln!(f, "期限：")?;
            for d in &a.deadlines {
                let mut note = String::new();
                if let Some(basis) = d.basis.note_zh() {
                    note.push_str(basis);
                }
                if d.due < a.as_of {
                    note.push_str("（已逾期）");
                }
                writeln!(
                    f,
                    "  - {}：自{}起，至{}止{}（{}）",
                    d.kind.legal_name(),
                    d.from,
                    d.due,
                    note,
                    d.kind.citation()
                )?;
            }
        }
        writeln!(f, "适用规则（逐条）：")?;
        for t in &a.trace {
            writeln!(
                f,
                "  [{}] {}：{}（{}）",
                if t.fired { "适用" } else { "不适用" },
                t.rule.legal_name(),
                WhyText { a, why: &t.why },
                t.citation
            )?;
        }
        Ok(())
    }
}

struct WhyText<'a> {
    a: &'a Assessment,
    why: &'a Why,
}

impl fmt::Display for WhyText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self.why {
            Why::ItemInCatalogue { found: true } => f.write_str("事项在清单中，有处罚依据"),
            Why::ItemInCatalogue { found: false } => f.write_str("事项不在清单中，没有处罚依据，不得处罚"),
            Why::Version { choice, act_on, as_of } => {
                write!(f, "行为日{act_on}，决定日{as_of}：{}", choice.legal_name())
            }
            Why::Facts { facts } => f.write_str(facts.legal_name()),
            Why::Crime { crime } => f.write_str(crime.legal_name()),
            Why::Limitation { limitation: l } => write!(
                f,
                "期限{}年（{}），自{}起算，最后一日{}，发现日{}：{}",
                l.years,
                if l.by_other_law {
                    "法律另有规定"
                } else if l.extended {
                    "涉及生命健康安全、金融安全且有危害后果"
                } else {
                    "一般"
                },
                l.counts_from,
                l.last_day,
                l.discovered_on,
                if l.expired { "已超过期限，不再给予行政处罚" } else { "在期限内发现" }
            ),
            Why::NotNaturalPerson => f.write_str("当事人不是自然人"),
            Why::Age { age, on } => {
                let verdict = if age < 14 {
                    "不满十四周岁，不予行政处罚，责令监护人加以管教"
                } else if age < 18 {
                    "已满十四周岁不满十八周岁，应当从轻或者减轻行政处罚"
                } else {
                    "已满十八周岁"
                };
                write!(f, "行为日{on}年满{age}周岁，{verdict}")
            }
            Why::Capacity { capacity } => {
                let verdict = match capacity {
                    MentalCapacity::Full => "具有完全辨认和控制能力",
                    MentalCapacity::Incapable => "不予行政处罚，责令监护人严加看管和治疗",
                    MentalCapacity::IntermittentNormal => "在精神正常时有违法行为，应当给予行政处罚",
                    MentalCapacity::Partial => "可以从轻或者减轻行政处罚",
                };
                write!(f, "{}：{verdict}", capacity.legal_name())
            }
            Why::MinorFacts { gravity, harm, prompt } => write!(
                f,
                "{}、{}、{}",
                gravity.legal_name(),
                harm.legal_name(),
                if prompt { "及时改正" } else { "未及时改正" }
            ),
            Why::FirstFacts { first, earlier, harm, prompt } => write!(
                f,
                "{}、{}、{}",
                if first {
                    "初次违法".to_owned()
                } else {
                    format!("不属初次违法（期限内同类违法{earlier}次）")
                },
                harm.legal_name(),
                if prompt { "及时改正" } else { "未及时改正" }
            ),
            Why::FirstBlockedByAggravation => {
                f.write_str("虽符合首违条件，但有从重情节或者突发事件期间违反应对措施，不适用可以不予处罚")
            }
            Why::Fault { fault, excepted } => {
                if excepted && fault == Fault::NoFaultProven {
                    f.write_str("当事人证明没有主观过错，但法律、行政法规另有规定，从其规定")
                } else {
                    f.write_str(fault.legal_name())
                }
            }
            Why::Mitigating { circumstance, recognised } => write!(
                f,
                "{}{}",
                circumstance.legal_name(),
                if recognised { "" } else { "（本地裁量基准未列为从轻减轻情节）" }
            ),
            Why::NoneFound => f.write_str("未发现法定从轻或者减轻情形"),
            Why::CriminalOutcome { kind, criminal_fine, custody, fined_before } => {
                if !kind.is_judgment() {
                    return write!(f, "{}，案件移送行政机关依法处理", kind.legal_name());
                }
                let mut parts: Vec<String> = custody.iter().map(|c| c.legal_name().to_owned()).collect();
                parts.extend(criminal_fine.map(|m| format!("罚金{m}")));
                let judged = if parts.is_empty() { "刑罚".to_owned() } else { parts.join("、") };
                let mut effects: Vec<String> = Vec::with_capacity(2);
                if custody.is_some() {
                    effects.push("已给予行政拘留的，应当依法折抵相应刑期".to_owned());
                }
                effects.push(match (criminal_fine, fined_before) {
                    (Some(_), Some(m)) => format!("已给予的罚款{m}应当折抵相应罚金，不再给予罚款"),
                    (Some(_), None) => "行政机关尚未给予罚款，不再给予罚款".to_owned(),
                    (None, _) => "未判处罚金，罚款不受第三十五条第二款限制".to_owned(),
                });
                write!(f, "人民法院判处{judged}：{}", effects.join("；"))
            }
            Why::Entry { index, result } => {
                let Some(e) = self.a.entry(index) else {
                    return write!(f, "清单事项#{index}");
                };
                write!(f, "清单事项{}（{}）：", e.id, e.outcome.legal_name())?;
                match result {
                    EntryResult::Applies => f.write_str("全部条件成立，适用"),
                    EntryResult::NotInForce => f.write_str("行为日不在清单有效期内"),
                    EntryResult::Excluded { exclusion } => {
                        write!(f, "存在除外情形（第{}项）", u32::from(exclusion) + 1)
                    }
                    EntryResult::ConditionFails { condition } => {
                        let text = e.conditions.get(usize::from(condition)).map_or("", |c| c.text.as_str());
                        write!(f, "条件不成立：{text}")
                    }
                    EntryResult::Untested { condition } => {
                        let text = e.conditions.get(usize::from(condition)).map_or("", |c| c.text.as_str());
                        write!(f, "条件无法核验，不予推定：{text}")
                    }
                    EntryResult::StatuteForbids => f.write_str(
                        "清单条件成立，但不符合行政处罚法第三十三条的不予处罚条件，清单不得突破法律",
                    ),
                    EntryResult::Aggravated => f.write_str(
                        "清单条件成立，但存在从重情节或者突发事件期间违反应对措施，不适用清单从宽",
                    ),
                    EntryResult::NoStatutoryGround => f.write_str(
                        "清单条件成立，但无行政处罚法第三十条、第三十一条、第三十二条规定的减轻情形，清单不得创设减轻处罚",
                    ),
                }
            }
            Why::Aggravating { circumstance, effective } => write!(
                f,
                "{}{}",
                circumstance.legal_name(),
                if effective {
                    ""
                } else {
                    "（未列入本地裁量基准，或者有应当从轻、减轻情形而不适用从重）"
                }
            ),
            Why::SpecialLawClause { clause, applies, effective } => {
                let text = self
                    .a
                    .item
                    .as_ref()
                    .and_then(|i| i.aggravation.get(usize::from(clause)))
                    .map_or("", |c| c.text.as_str());
                let note = match (applies, effective) {
                    (true, true) => "，依法应当从重处罚",
                    (true, false) => "（有应当从轻、减轻情形而不适用从重）",
                    (false, _) => "（情形不成立）",
                };
                write!(f, "“{text}”{note}")
            }
            Why::SingleFine { provisions } => {
                write!(f, "同一违法行为违反{provisions}个法律规范，按照罚款数额高的规定处罚，只处一次罚款")
            }
            Why::Duty { duty } => f.write_str(duty.legal_name()),
            Why::Gains { amount, refundable } => match amount {
                None => f.write_str("未认定违法所得"),
                Some(m) if refundable => write!(f, "违法所得{m}依法应当退赔，不予没收"),
                Some(m) => write!(f, "违法所得{m}，除依法应当退赔的外，应当予以没收"),
            },
            Why::NoNoPenaltyOutcome => f.write_str("依法不属于不予处罚的情形"),
            Why::Barred { bar } => write!(f, "因{}不予考虑", bar.legal_name()),
        }
    }
}
