//! A department's catalogue of violations (事项清单) and its 两轻一免 list
//! entries, as data.
//!
//! A [`Catalogue`] holds [`Item`]s: one violation each (违法行为), with the
//! provision it breaks, the penalty provision and its statutory sanctions
//! ([`StatutoryPenalty`]), the competent department, whether it touches the
//! safety baseline (安全底线), its amendments over time (for Art. 37), and
//! the published list entries ([`ListEntry`]) that make it eligible for
//! 不予处罚 / 首违不罚 / 减轻 / 从轻 / 不予行政强制 under stated conditions.
//!
//! List entries are applied **on top of** the statute: they can never make a
//! statutory 不予处罚 unlawful, nor grant a leniency the statute forbids (see
//! [`assess`](crate::assess())).
//!
//! # Loading
//!
//! [`Catalogue::from_json`] reads the JSON format documented on
//! [`Catalogue`]; every error names the file, line, field and value:
//!
//! ```
//! use rouxing::Catalogue;
//!
//! let err = Catalogue::from_json_named(
//!     "bad.json",
//!     r#"{"schema_version": 1, "name": "x", "items": [
//!   {"code": "A-1", "name": "n", "domain": "market_regulation", "authority": "市场监管部门",
//!    "penalty_provision": "p", "penalty": {"kinds": ["fine"],
//!    "fine": {"kind": "range", "min": "1000", "max": "100"}}}
//! ]}"#,
//! )
//! .unwrap_err();
//! assert_eq!(
//!     err.to_string(),
//!     "bad.json line 4 column 58, field `items[0].penalty.fine`: inverted fine range: minimum `¥1,000.00` is above maximum `¥100.00`"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::case::Context;
use crate::measure::{PenaltyKind, SoftMeasure};
use crate::money::FineRule;
use crate::regime::Window;

/// The schema version of the catalogue format this release reads and writes.
pub const CATALOGUE_SCHEMA_VERSION: u32 = 1;

macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident, $what:literal) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(std::sync::Arc<str>);

        impl $name {
            /// Validates an identifier: 1 to 64 characters, no surrounding
            /// whitespace, no control characters.
            ///
            /// # Errors
            ///
            /// Returns an error naming the rejected value.
            pub fn new(id: impl Into<String>) -> Result<$name, $crate::party::InvalidIdError> {
                let id = id.into();
                $crate::party::check_id(&id, $what)?;
                Ok($name(std::sync::Arc::from(id)))
            }

            /// The identifier as a string.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::party::InvalidIdError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                $name::new(s)
            }
        }

        impl From<$name> for String {
            fn from(p: $name) -> String {
                p.0.to_string()
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::party::InvalidIdError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::new(s)
            }
        }
    };
}
pub(crate) use string_id;

string_id! {
    /// The code of a catalogue item (事项编码 / 基本编码), unique in its catalogue.
    ///
    /// ```
    /// use rouxing::catalogue::ItemCode;
    /// let code: ItemCode = "EM-HC-78-3".parse()?;
    /// assert_eq!(code.as_str(), "EM-HC-78-3");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ItemCode, "item code"
}

string_id! {
    /// The identifier of a list entry, unique in its catalogue (e.g. the
    /// published list's 序号, prefixed).
    EntryId, "entry id"
}

string_id! {
    /// The identifier of a published list (a source), referenced by entries.
    SourceId, "source id"
}

string_id! {
    /// An item-specific fact an officer confirms (e.g. `at_most_two_spots`),
    /// used by list conditions that the typed tests do not cover.
    FactKey, "fact key"
}

vocabulary! {
    /// An enforcement domain and the department competent for it (执法领域).
    ///
    /// An item's domain names the department that may decide it; a decision
    /// by an agency of another domain is outside its competence (法无授权不可为,
    /// 行政处罚法 Arts. 17, 38).
    ///
    /// This enum is non-exhaustive so that other domains may be added in
    /// semver compatible releases.
    #[non_exhaustive]
    pub enum Domain {
        /// 市场监管 (including food safety, prices, advertising).
        MarketRegulation => "市场监管",
        /// 应急管理（安全生产）.
        EmergencyManagement => "应急管理",
        /// 生态环境.
        EcologyEnvironment => "生态环境",
        /// 城市管理（综合执法）.
        UrbanManagement => "城市管理",
        /// 消防救援.
        FireRescue => "消防救援",
        /// 税务.
        Taxation => "税务",
        /// 文化市场（文化和旅游）.
        CultureTourism => "文化和旅游",
        /// 交通运输.
        Transport => "交通运输",
        /// 农业农村.
        AgricultureRural => "农业农村",
        /// 发展改革（价格、节能）.
        DevelopmentReform => "发展改革",
        /// 人民防空.
        CivilAirDefence => "人民防空",
        /// 卫生健康.
        HealthCommission => "卫生健康",
        /// 自然资源.
        NaturalResources => "自然资源",
        /// 住房和城乡建设.
        HousingConstruction => "住房和城乡建设",
        /// 公安.
        PublicSecurity => "公安",
    }
}

vocabulary! {
    /// A sector an act touches, which decides the Art. 36 limitation period.
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第三十六条第一款: "涉及公民生命健康安全、金融安全且有危害后果的，
    /// 上述期限延长至五年。" rouxing treats food and drug safety as touching 生命健康安全.
    pub enum Sector {
        /// 公民生命健康安全.
        LifeHealth => "公民生命健康安全",
        /// 金融安全.
        Financial => "金融安全",
        /// 食品药品安全 (a case of 生命健康安全).
        FoodDrug => "食品药品安全",
        /// 公共安全 (安全生产、消防).
        PublicSafety => "公共安全",
        /// 生态环境.
        Environment => "生态环境",
    }
}

impl Sector {
    /// Whether the sector extends the limitation period to five years when
    /// the act had harmful consequences (Art. 36 ¶1).
    pub const fn extends_limitation(self) -> bool {
        matches!(self, Sector::LifeHealth | Sector::Financial | Sector::FoodDrug)
    }
}

vocabulary! {
    /// The outcome a list entry grants (两轻一免 and 不予行政强制).
    ///
    /// `Ord` runs from most to least lenient.
    pub enum ListOutcome {
        /// 不予处罚 (轻微不罚 and other no-penalty entries).
        NoPenalty => "不予处罚",
        /// 首违不罚.
        FirstViolationNoPenalty => "首违不罚",
        /// 减轻处罚.
        Mitigate => "减轻处罚",
        /// 从轻处罚.
        Lighten => "从轻处罚",
        /// 不予实施行政强制措施.
        NoCoercion => "不予行政强制",
    }
}

vocabulary! {
    /// The modal verb of a rule: mandatory (应当 / 不予 / 不得) or discretionary (可以).
    pub enum Modal {
        /// 应当 / 不予: the agency must.
        Shall => "应当",
        /// 可以: the agency may.
        May => "可以",
    }
}

/// A machine test of a list condition, evaluated against the case facts.
///
/// This enum is non-exhaustive so that other tests may be added in semver
/// compatible releases.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "TaggedRepr", into = "TaggedRepr")]
#[non_exhaustive]
pub enum Condition {
    /// 首次违法 / 初次违法 / 首次被发现: no earlier violation in the window and
    /// scope (the regime's first-violation policy, or this window).
    FirstViolation {
        /// A window set by the list itself ("近一年内属于首次违法").
        window: Option<Window>,
    },
    /// 及时改正 / 在责令改正期限内改正.
    CorrectedPromptly,
    /// 没有造成危害后果.
    NoHarm,
    /// 危害后果轻微.
    HarmAtMostSlight,
    /// 违法行为轻微 / 情节轻微.
    Minor,
    /// 无主观故意.
    NotIntentional,
    /// 签署承诺书 (告知承诺).
    CommitmentSigned,
    /// An item-specific fact the officer confirmed.
    Fact {
        /// The fact's key.
        key: FactKey,
    },
}

/// The wire form of a [`Condition`]: a flat object tagged by `test`, parsed
/// without buffering.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TaggedRepr {
    test: ConditionKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    window: Option<Window>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key: Option<FactKey>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ConditionKind {
    FirstViolation,
    CorrectedPromptly,
    NoHarm,
    HarmAtMostSlight,
    Minor,
    NotIntentional,
    CommitmentSigned,
    Fact,
}

/// The error returned when a condition or exclusion has fields that do not
/// fit its kind.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TaggedError {
    /// A field the kind needs is missing.
    #[error("field `{field}` is required here")]
    Missing {
        /// The field.
        field: &'static str,
    },
    /// A field that does not apply to the kind.
    #[error("field `{field}` does not apply here")]
    Inapplicable {
        /// The field.
        field: &'static str,
    },
}

impl TryFrom<TaggedRepr> for Condition {
    type Error = TaggedError;
    fn try_from(r: TaggedRepr) -> Result<Self, Self::Error> {
        if r.window.is_some() && r.test != ConditionKind::FirstViolation {
            return Err(TaggedError::Inapplicable { field: "window" });
        }
        if r.key.is_some() && r.test != ConditionKind::Fact {
            return Err(TaggedError::Inapplicable { field: "key" });
        }
        Ok(match r.test {
            ConditionKind::FirstViolation => Condition::FirstViolation { window: r.window },
            ConditionKind::CorrectedPromptly => Condition::CorrectedPromptly,
            ConditionKind::NoHarm => Condition::NoHarm,
            ConditionKind::HarmAtMostSlight => Condition::HarmAtMostSlight,
            ConditionKind::Minor => Condition::Minor,
            ConditionKind::NotIntentional => Condition::NotIntentional,
            ConditionKind::CommitmentSigned => Condition::CommitmentSigned,
            ConditionKind::Fact => {
                Condition::Fact { key: r.key.ok_or(TaggedError::Missing { field: "key" })? }
            }
        })
    }
}

impl From<Condition> for TaggedRepr {
    fn from(c: Condition) -> Self {
        let (test, window, key) = match c {
            Condition::FirstViolation { window } => (ConditionKind::FirstViolation, window, None),
            Condition::CorrectedPromptly => (ConditionKind::CorrectedPromptly, None, None),
            Condition::NoHarm => (ConditionKind::NoHarm, None, None),
            Condition::HarmAtMostSlight => (ConditionKind::HarmAtMostSlight, None, None),
            Condition::Minor => (ConditionKind::Minor, None, None),
            Condition::NotIntentional => (ConditionKind::NotIntentional, None, None),
            Condition::CommitmentSigned => (ConditionKind::CommitmentSigned, None, None),
            Condition::Fact { key } => (ConditionKind::Fact, None, Some(key)),
        };
        TaggedRepr { test, window, key }
    }
}

/// The wire form of an [`Exclusion`]: a flat object tagged by `exclusion`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExclusionRepr {
    exclusion: ExclusionKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    context: Option<Context>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key: Option<FactKey>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ExclusionKind {
    Context,
    RefusedCorrection,
    RepeatViolation,
    SeriousCircumstances,
    Fact,
}

impl TryFrom<ExclusionRepr> for Exclusion {
    type Error = TaggedError;
    fn try_from(r: ExclusionRepr) -> Result<Self, Self::Error> {
        if r.context.is_some() && r.exclusion != ExclusionKind::Context {
            return Err(TaggedError::Inapplicable { field: "context" });
        }
        if r.key.is_some() && r.exclusion != ExclusionKind::Fact {
            return Err(TaggedError::Inapplicable { field: "key" });
        }
        Ok(match r.exclusion {
            ExclusionKind::Context => {
                Exclusion::Context { context: r.context.ok_or(TaggedError::Missing { field: "context" })? }
            }
            ExclusionKind::RefusedCorrection => Exclusion::RefusedCorrection,
            ExclusionKind::RepeatViolation => Exclusion::RepeatViolation,
            ExclusionKind::SeriousCircumstances => Exclusion::SeriousCircumstances,
            ExclusionKind::Fact => {
                Exclusion::Fact { key: r.key.ok_or(TaggedError::Missing { field: "key" })? }
            }
        })
    }
}

impl From<Exclusion> for ExclusionRepr {
    fn from(e: Exclusion) -> Self {
        let (exclusion, context, key) = match e {
            Exclusion::Context { context } => (ExclusionKind::Context, Some(context), None),
            Exclusion::RefusedCorrection => (ExclusionKind::RefusedCorrection, None, None),
            Exclusion::RepeatViolation => (ExclusionKind::RepeatViolation, None, None),
            Exclusion::SeriousCircumstances => (ExclusionKind::SeriousCircumstances, None, None),
            Exclusion::Fact { key } => (ExclusionKind::Fact, None, Some(key)),
        };
        ExclusionRepr { exclusion, context, key }
    }
}

/// A list condition as published, with the machine tests that implement it.
///
/// The verbatim text is what an auditor reads; the tests are what rouxing
/// checks. A condition with no tests is shown but cannot be checked: an
/// entry with such a condition never applies (rouxing does not assume
/// conditions it cannot verify).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryCondition {
    /// The condition's text, verbatim from the list.
    pub text: String,
    /// The tests that implement it; all must hold.
    pub tests: Vec<Condition>,
}

/// A list-level or entry-level exclusion: when it holds, the entry does not
/// apply (R14).
///
/// This enum is non-exhaustive so that other exclusions may be added in
/// semver compatible releases.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "ExclusionRepr", into = "ExclusionRepr")]
#[non_exhaustive]
pub enum Exclusion {
    /// The case has this context fact (sensitive zone, emergency
    /// opportunism, serious-dishonesty listing …).
    Context {
        /// The context fact.
        context: Context,
    },
    /// 拒不整改 / 整改不符合要求.
    RefusedCorrection,
    /// 再次发现同一种违法行为: an earlier violation of the same item.
    RepeatViolation,
    /// 违法情节严重.
    SeriousCircumstances,
    /// An item-specific fact the officer confirmed.
    Fact {
        /// The fact's key.
        key: FactKey,
    },
}

/// An entry of a published 两轻一免 list for an item.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListEntry {
    /// Unique entry id.
    pub id: EntryId,
    /// The published list it comes from (see [`Catalogue::sources`]).
    pub source: SourceId,
    /// The outcome the entry grants.
    pub outcome: ListOutcome,
    /// Whether the list makes the outcome mandatory (不予 / 应当) or
    /// discretionary (可以).
    pub modal: Modal,
    /// The entry's conditions; all must hold.
    pub conditions: Vec<EntryCondition>,
    /// Exclusions; none may hold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusions: Vec<Exclusion>,
    /// The reduced fine the entry sets for 减轻 / 从轻 (裁量幅度), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reduced_fine: Option<FineRule>,
    /// The reduced fine for a natural person, where it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reduced_fine_natural_person: Option<FineRule>,
    /// The coercive measure withheld, for [`ListOutcome::NoCoercion`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coercive_measure_withheld: Option<String>,
    /// Supporting soft measures (配套监管措施).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supporting_measures: Vec<SoftMeasure>,
    /// The list's own citation of its legal basis, verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// First day the entry applies (acts on or after), if limited.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub effective_from: Option<NaiveDate>,
    /// Last day the entry applies, if limited.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub valid_until: Option<NaiveDate>,
}

impl ListEntry {
    /// Whether the entry is in force on a date.
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        self.effective_from.is_none_or(|f| f <= date) && self.valid_until.is_none_or(|u| date <= u)
    }
}

/// The sanctions a penalty provision (罚则) prescribes.
///
/// `kinds` lists every kind the provision names; `fine` is the statutory fine
/// when [`PenaltyKind::Fine`] is among them, and `fine_natural_person` the
/// fine for individuals where the provision sets a separate one ("对个人处五十元
/// 以上二百元以下罚款，对单位处一百元以上一千元以下罚款").
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "StatutoryPenaltyRepr", into = "StatutoryPenaltyRepr")]
pub struct StatutoryPenalty {
    kinds: Vec<PenaltyKind>,
    fine: Option<FineRule>,
    fine_natural_person: Option<FineRule>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatutoryPenaltyRepr {
    kinds: Vec<PenaltyKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fine: Option<FineRule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fine_natural_person: Option<FineRule>,
}

/// The error returned when a statutory penalty is inconsistent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PenaltyError {
    /// No kinds at all.
    #[error("penalty has no kinds: list at least one of the Art. 9 kinds")]
    NoKinds,
    /// A kind listed twice.
    #[error("penalty kind `{0}` is listed twice")]
    DuplicateKind(PenaltyKind),
    /// `fine` given without the kind, or the kind without a fine rule.
    #[error("penalty kind `fine` and field `fine` must be given together")]
    FineMismatch,
}

impl StatutoryPenalty {
    /// Validates a statutory penalty.
    ///
    /// # Errors
    ///
    /// Returns an error when `kinds` is empty or has duplicates, or when a fine
    /// rule is given without [`PenaltyKind::Fine`] among the kinds or the
    /// reverse.
    ///
    /// ```
    /// use rouxing::catalogue::StatutoryPenalty;
    /// use rouxing::measure::PenaltyKind;
    /// use rouxing::money::{FineRule, Money};
    ///
    /// let p = StatutoryPenalty::new(
    ///     vec![PenaltyKind::Warning, PenaltyKind::Fine],
    ///     Some(FineRule::range(Money::yuan(100), Money::yuan(1_000))?),
    ///     None,
    /// )?;
    /// assert!(p.has_kind(PenaltyKind::Warning));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        kinds: Vec<PenaltyKind>,
        fine: Option<FineRule>,
        fine_natural_person: Option<FineRule>,
    ) -> Result<StatutoryPenalty, PenaltyError> {
        if kinds.is_empty() {
            return Err(PenaltyError::NoKinds);
        }
        for (i, k) in kinds.iter().enumerate() {
            if kinds.iter().skip(i + 1).any(|j| j == k) {
                return Err(PenaltyError::DuplicateKind(*k));
            }
        }
        let has_fine_kind = kinds.contains(&PenaltyKind::Fine);
        if has_fine_kind != fine.is_some() || (fine_natural_person.is_some() && fine.is_none()) {
            return Err(PenaltyError::FineMismatch);
        }
        Ok(StatutoryPenalty { kinds, fine, fine_natural_person })
    }

    /// The kinds the provision names.
    pub fn kinds(&self) -> &[PenaltyKind] {
        &self.kinds
    }

    /// Whether the provision names a kind.
    pub fn has_kind(&self, kind: PenaltyKind) -> bool {
        self.kinds.contains(&kind)
    }

    /// The statutory fine for a party: the natural-person rule for a natural
    /// person where one is set, otherwise the general rule.
    pub fn fine_for(&self, natural_person: bool) -> Option<FineRule> {
        if natural_person { self.fine_natural_person.or(self.fine) } else { self.fine }
    }

    /// The general fine rule.
    pub fn fine(&self) -> Option<FineRule> {
        self.fine
    }

    /// The heaviest Art. 9 group among the kinds (1 = 警告/通报批评 … 6).
    pub fn heaviest_group(&self) -> u8 {
        self.kinds.iter().map(|k| k.group()).max().unwrap_or(0)
    }
}

impl TryFrom<StatutoryPenaltyRepr> for StatutoryPenalty {
    type Error = PenaltyError;
    fn try_from(r: StatutoryPenaltyRepr) -> Result<Self, Self::Error> {
        StatutoryPenalty::new(r.kinds, r.fine, r.fine_natural_person)
    }
}

impl From<StatutoryPenalty> for StatutoryPenaltyRepr {
    fn from(p: StatutoryPenalty) -> Self {
        StatutoryPenaltyRepr { kinds: p.kinds, fine: p.fine, fine_natural_person: p.fine_natural_person }
    }
}

/// An amendment of an item's penalty provision, for Art. 37 (从旧兼从轻).
///
/// `penalty: None` records that from `effective_from` the act is no longer
/// treated as a violation (不认为是违法).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    /// The day the amended provision takes effect.
    #[serde(with = "crate::serde_date")]
    pub effective_from: NaiveDate,
    /// The amended provision's citation, verbatim.
    pub provision: String,
    /// The amended sanctions, or `None` if the act is no longer illegal.
    pub penalty: Option<StatutoryPenalty>,
}

/// A limitation period set by another law (Art. 36 ¶1 "法律另有规定的除外").
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitationOverride {
    /// The period in years.
    pub years: u32,
    /// The law that sets it, verbatim (e.g. 《税收征收管理法》第八十六条).
    pub basis: String,
}

/// One violation in a catalogue (事项).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Unique code.
    pub code: ItemCode,
    /// The violation (违法行为), verbatim.
    pub name: String,
    /// The domain and competent department.
    pub domain: Domain,
    /// The competent authority (实施主体 / 处罚机关) as the provision words it.
    pub authority: String,
    /// The provisions violated (违反条款), verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub violated_provisions: Vec<String>,
    /// The penalty provision (处罚依据), as cited.
    pub penalty_provision: String,
    /// The penalty provision's text, verbatim, where the list quotes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalty_text: Option<String>,
    /// The statutory sanctions of the provision as first in force.
    pub penalty: StatutoryPenalty,
    /// Later amendments, in date order (Art. 37).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amendments: Vec<Amendment>,
    /// Whether the violation touches the safety baseline (安全底线): no
    /// observation period, transition period or simple guidance applies.
    #[serde(default)]
    pub safety_baseline: bool,
    /// Sectors the violation touches (Art. 36 five-year period).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<Sector>,
    /// A limitation period set by another law.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limitation: Option<LimitationOverride>,
    /// The 法律 / 行政法规 provision under which lack of fault does not excuse
    /// (Art. 33 ¶2 "法律、行政法规另有规定的，从其规定"), verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_fault_exception: Option<String>,
    /// Published list entries for the item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<ListEntry>,
}

impl Item {
    /// The statutory penalty in force on a date: the last amendment in force
    /// on or before it, else the original provision. `None` when an amendment
    /// in force on that date no longer treats the act as a violation.
    pub fn penalty_on(&self, date: NaiveDate) -> Option<&StatutoryPenalty> {
        match self.amendments.iter().rev().find(|a| a.effective_from <= date) {
            Some(a) => a.penalty.as_ref(),
            None => Some(&self.penalty),
        }
    }

    /// The provision citation in force on a date.
    pub fn provision_on(&self, date: NaiveDate) -> &str {
        match self.amendments.iter().rev().find(|a| a.effective_from <= date) {
            Some(a) => &a.provision,
            None => &self.penalty_provision,
        }
    }
}

/// A published list that entries come from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier referenced by entries.
    pub id: SourceId,
    /// The list's title.
    pub title: String,
    /// Issuing body.
    pub issuer: String,
    /// 文号, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<String>,
    /// Where the text was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Status as published (in force, repealed, draft …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// List-level rules (definitions, exclusions, validity), verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
}

/// A department's catalogue: items and the lists their entries come from.
///
/// # Format
///
/// ```json
/// {
///   "schema_version": 1,
///   "name": "…",
///   "issuer": "…",
///   "sources": [{"id": "SRC-…", "title": "…", "issuer": "…"}],
///   "items": [{
///     "code": "EM-HC-78-3",
///     "name": "危险化学品生产企业未提供化学品安全技术说明书…",
///     "domain": "emergency_management",
///     "authority": "安全生产监督管理部门",
///     "penalty_provision": "《危险化学品安全管理条例》第七十八条第一款第（三）项",
///     "penalty": {"kinds": ["fine"], "fine": {"kind": "up_to", "max": "50000"}},
///     "safety_baseline": true,
///     "entries": [{"id": "XN-EM-1", "source": "SRC-…", "outcome": "no_penalty",
///                  "modal": "shall", "conditions": [{"text": "…", "tests": [{"test": "no_harm"}]}]}]
///   }]
/// }
/// ```
///
/// Unknown fields are rejected everywhere. Item codes and entry ids are
/// unique; every entry's `source` names a listed source; amendments are in
/// strictly increasing date order.
///
/// ## Fields
///
/// | field | 含义 |
/// |---|---|
/// | `schema_version` | format version, `1` |
/// | `name`, `issuer` | the catalogue's name and issuing department (optional) |
/// | `sources[]` | the published lists: `id`, `title`, `issuer`, optional `doc_number` (文号), `url`, `status`, `rules` (list-level rules, verbatim) |
/// | `items[].code` | 违法行为 code, unique, referred to by cases |
/// | `items[].name` | 违法行为名称, verbatim from the list |
/// | `items[].domain` | 执法领域, e.g. `market_regulation`, `emergency_management` |
/// | `items[].authority` | 实施主体 (competent department) |
/// | `items[].violated_provisions` | 违反条款, verbatim (optional) |
/// | `items[].penalty_provision`, `penalty_text` | 处罚依据 as cited, and its text (optional) |
/// | `items[].penalty` | statutory sanctions: `kinds` (Art. 9), `fine` (`{"kind": "range", "min": "…", "max": "…"}`, `up_to`, `fixed`, `multiple`), optional `fine_natural_person` |
/// | `items[].amendments` | earlier or later versions with their dates (Art. 37) |
/// | `items[].safety_baseline` | 安全底线: no 观察期 or tolerance (default `false`) |
/// | `items[].sectors`, `limitation`, `no_fault_exception` | Art. 36 sectors, a special limitation period, a law's exception to Art. 33 ¶2 (optional) |
/// | `items[].entries[]` | 两轻一免 list entries: `id`, `source`, `outcome` (`no_penalty`, `first_violation_no_penalty`, `mitigate`, `lighten`, `no_coercion`), `modal` (`shall` / `may`), `conditions[]` (`text` verbatim, typed `tests`), `exclusions`, optional `reduced_fine`, `supporting_measures`, `basis`, `effective_from`, `valid_until` |
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalogue {
    name: String,
    issuer: Option<String>,
    sources: Vec<Source>,
    items: Vec<Arc<Item>>,
    index: HashMap<ItemCode, usize>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueRepr {
    schema_version: u32,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    issuer: Option<String>,
    #[serde(default)]
    sources: Vec<Source>,
    items: Vec<Item>,
}

/// The error returned when a catalogue (or a case, or a regime) file cannot
/// be loaded. It names the file, the line and column, the field path and the
/// offending value.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}{loc}{field}: {message}",
    loc = if *line > 0 { format!(" line {line} column {column}") } else { String::new() },
    field = if path.is_empty() || path == "." { String::new() } else { format!(", field `{path}`") })]
pub struct LoadError {
    file: String,
    line: usize,
    column: usize,
    path: String,
    message: String,
}

impl LoadError {
    pub(crate) fn new(file: &str, line: usize, column: usize, path: String, message: String) -> LoadError {
        LoadError { file: file.to_owned(), line, column, path, message }
    }

    pub(crate) fn from_json(file: &str, e: serde_path_to_error::Error<serde_json::Error>) -> LoadError {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let (line, column) = (inner.line(), inner.column());
        let mut message = inner.to_string();
        // serde_json appends " at line L column C"; the location is reported separately.
        let suffix = format!(" at line {line} column {column}");
        if let Some(stripped) = message.strip_suffix(&suffix) {
            message = stripped.to_owned();
        }
        LoadError { file: file.to_owned(), line, column, path, message }
    }

    /// The file name given to the loader.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The 1-based line, or 0 when the error concerns the whole document.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column, or 0.
    pub fn column(&self) -> usize {
        self.column
    }

    /// The path of the offending field, e.g. `items[3].penalty.fine`.
    pub fn field(&self) -> &str {
        &self.path
    }

    /// The message without location.
    pub fn message(&self) -> &str {
        &self.message
    }
}

pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, LoadError> {
    // The fast path parses without tracking the field path; only a failing
    // document is parsed again with tracking, to name the field.
    if let Ok(value) = serde_json::from_str::<T>(text) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| LoadError::from_json(file, e))?;
    de.end().map_err(|e| {
        LoadError::new(
            file,
            e.line(),
            e.column(),
            String::new(),
            "trailing characters after the document".to_owned(),
        )
    })?;
    Ok(value)
}

/// The 1-based line and column of the first occurrence of `needle` in
/// `text`, or `(0, 0)`.
pub(crate) fn line_of(text: &str, needle: &str) -> (usize, usize) {
    line_of_nth(text, needle, 0)
}

/// The 1-based line and column of the `n`-th (0-based) occurrence of
/// `needle` in `text`, or `(0, 0)`.
pub(crate) fn line_of_nth(text: &str, needle: &str, n: usize) -> (usize, usize) {
    match text.match_indices(needle).nth(n).map(|(i, _)| i) {
        Some(pos) => {
            let before = text.get(..pos).unwrap_or("");
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map(|l| l.chars().count() + 1).unwrap_or(1);
            (line, col)
        }
        None => (0, 0),
    }
}

/// Checks across items: unique codes and entry ids, amendments in date
/// order, entries that do not end before they start. Errors point at the
/// offending occurrence in `text`.
fn check_items(file: &str, text: &str, items: &[Item]) -> Result<HashMap<ItemCode, usize>, LoadError> {
    let mut codes: HashMap<ItemCode, usize> =
        HashMap::with_capacity_and_hasher(items.len(), Default::default());
    let n_entries = items.iter().map(|i| i.entries.len()).sum();
    let mut entries: HashSet<&EntryId> = HashSet::with_capacity_and_hasher(n_entries, Default::default());
    for (i, item) in items.iter().enumerate() {
        if codes.insert(item.code.clone(), i).is_some() {
            let (line, column) = line_of_nth(text, &format!("\"{}\"", item.code), 1);
            return Err(LoadError::new(
                file,
                line,
                column,
                format!("items[{i}].code"),
                format!("duplicate item code `{}`", item.code),
            ));
        }
        for (j, e) in item.entries.iter().enumerate() {
            if !entries.insert(&e.id) {
                let (line, column) = line_of_nth(text, &format!("\"{}\"", e.id), 1);
                return Err(LoadError::new(
                    file,
                    line,
                    column,
                    format!("items[{i}].entries[{j}].id"),
                    format!("duplicate entry id `{}`", e.id),
                ));
            }
            if let (Some(f), Some(u)) = (e.effective_from, e.valid_until) {
                if u < f {
                    let (line, column) = line_of(text, &format!("\"{u}\""));
                    return Err(LoadError::new(
                        file,
                        line,
                        column,
                        format!("items[{i}].entries[{j}].valid_until"),
                        format!("entry `{}` ends `{u}` before it starts `{f}`", e.id),
                    ));
                }
            }
        }
        for (j, w) in item.amendments.windows(2).enumerate() {
            if let [x, y] = w {
                if x.effective_from >= y.effective_from {
                    let (line, column) = line_of(text, &format!("\"{}\"", y.effective_from));
                    return Err(LoadError::new(
                        file,
                        line,
                        column,
                        format!("items[{i}].amendments[{}].effective_from", j + 1),
                        format!(
                            "amendments of item `{}` are not in increasing date order at `{}`",
                            item.code, y.effective_from
                        ),
                    ));
                }
            }
        }
    }
    Ok(codes)
}

impl Catalogue {
    /// Loads a catalogue from JSON text. Errors name the file as `catalogue`.
    ///
    /// # Errors
    ///
    /// See [`Catalogue::from_json_named`].
    pub fn from_json(text: &str) -> Result<Catalogue, LoadError> {
        Catalogue::from_json_named("catalogue", text)
    }

    /// Loads a catalogue from JSON text, naming `file` in errors.
    ///
    /// # Errors
    ///
    /// Returns an error, naming file, line, column, field and value, when the
    /// text is not JSON of the documented format; a field is unknown or
    /// missing; a date, amount, code or enumeration value is invalid; a fine
    /// range or a multiple is inverted or zero; an item code or entry id is
    /// duplicated; amendments are out of date order; an entry ends before it
    /// starts; an entry names a source that is not listed; or the schema
    /// version is not [`CATALOGUE_SCHEMA_VERSION`].
    pub fn from_json_named(file: &str, text: &str) -> Result<Catalogue, LoadError> {
        let repr: CatalogueRepr = parse_json(file, text)?;
        if repr.schema_version != CATALOGUE_SCHEMA_VERSION {
            let (line, column) = line_of(text, "\"schema_version\"");
            return Err(LoadError::new(
                file,
                line,
                column,
                "schema_version".to_owned(),
                format!(
                    "unsupported schema version `{}`: this release reads version {CATALOGUE_SCHEMA_VERSION}",
                    repr.schema_version
                ),
            ));
        }
        let sources: HashSet<&SourceId> = repr.sources.iter().map(|s| &s.id).collect();
        if sources.len() != repr.sources.len() {
            let dup = repr
                .sources
                .iter()
                .enumerate()
                .find(|(i, s)| repr.sources.iter().skip(i + 1).any(|t| t.id == s.id));
            if let Some((i, s)) = dup {
                let (line, column) = line_of(text, &format!("\"{}\"", s.id));
                return Err(LoadError::new(
                    file,
                    line,
                    column,
                    format!("sources[{i}].id"),
                    format!("duplicate source id `{}`", s.id),
                ));
            }
        }
        let index = check_items(file, text, &repr.items)?;
        for (i, item) in repr.items.iter().enumerate() {
            for (j, e) in item.entries.iter().enumerate() {
                if !sources.contains(&e.source) {
                    let (line, column) = line_of(text, &format!("\"{}\"", e.id));
                    return Err(LoadError::new(
                        file,
                        line,
                        column,
                        format!("items[{i}].entries[{j}].source"),
                        format!("unknown source `{}`: list it under `sources`", e.source),
                    ));
                }
            }
        }
        Ok(Catalogue {
            name: repr.name,
            issuer: repr.issuer,
            sources: repr.sources,
            items: repr.items.into_iter().map(Arc::new).collect(),
            index,
        })
    }

    /// Builds a catalogue from items in code, checking the same invariants as
    /// the loader.
    ///
    /// # Errors
    ///
    /// Returns an error when item codes or entry ids repeat, amendments are
    /// out of order, or an entry names an unknown source.
    ///
    /// ```
    /// use rouxing::catalogue::{Catalogue, Domain, Item, StatutoryPenalty};
    /// use rouxing::measure::PenaltyKind;
    ///
    /// let item = Item {
    ///     code: "X-1".parse()?,
    ///     name: "某违法行为".into(),
    ///     domain: Domain::MarketRegulation,
    ///     authority: "市场监督管理部门".into(),
    ///     violated_provisions: vec![],
    ///     penalty_provision: "某条例第十条".into(),
    ///     penalty_text: None,
    ///     penalty: StatutoryPenalty::new(vec![PenaltyKind::Warning], None, None)?,
    ///     amendments: vec![],
    ///     safety_baseline: false,
    ///     sectors: vec![],
    ///     limitation: None,
    ///     no_fault_exception: None,
    ///     entries: vec![],
    /// };
    /// let cat = Catalogue::new("示例", vec![], vec![item])?;
    /// assert!(cat.get(&"X-1".parse()?).is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        name: impl Into<String>,
        sources: Vec<Source>,
        items: Vec<Item>,
    ) -> Result<Catalogue, LoadError> {
        let repr = CatalogueRepr {
            schema_version: CATALOGUE_SCHEMA_VERSION,
            name: name.into(),
            issuer: None,
            sources,
            items,
        };
        let text = serde_json::to_string(&repr)
            .map_err(|e| LoadError::new("catalogue", 0, 0, String::new(), e.to_string()))?;
        Catalogue::from_json(&text)
    }

    /// The sample catalogue shipped with rouxing: real items and real
    /// 两轻一免 list entries from published lists, with their sources (see
    /// `examples/data/README.md`).
    ///
    /// # Errors
    ///
    /// Never in a released crate (a test loads it); the `Result` keeps the
    /// constructor total.
    pub fn bundled() -> Result<Catalogue, LoadError> {
        Catalogue::from_json_named(
            "examples/data/catalogue.json",
            include_str!("../examples/data/catalogue.json"),
        )
    }

    /// The catalogue's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The issuing department, if given.
    pub fn issuer(&self) -> Option<&str> {
        self.issuer.as_deref()
    }

    /// The published lists entries come from.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// A source by id.
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|s| &s.id == id)
    }

    /// The items, in file order.
    pub fn items(&self) -> impl ExactSizeIterator<Item = &Item> {
        self.items.iter().map(|a| a.as_ref())
    }

    /// The number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the catalogue has no items.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// An item by code.
    pub fn get(&self, code: &ItemCode) -> Option<&Item> {
        self.get_shared(code).map(|a| a.as_ref())
    }

    /// An item by code, as a shared handle (cheap to clone).
    pub fn get_shared(&self, code: &ItemCode) -> Option<&Arc<Item>> {
        self.index.get(code).and_then(|&i| self.items.get(i))
    }

    /// The catalogue as JSON in the documented format.
    pub fn to_json(&self) -> String {
        let repr = CatalogueRepr {
            schema_version: CATALOGUE_SCHEMA_VERSION,
            name: self.name.clone(),
            issuer: self.issuer.clone(),
            sources: self.sources.clone(),
            items: self.items.iter().map(|a| a.as_ref().clone()).collect(),
        };
        serde_json::to_string_pretty(&repr).unwrap_or_default()
    }

    /// Static checks that do not make the catalogue invalid but deserve a
    /// reviewer's attention.
    ///
    /// Reported: list entries with a condition that has no machine test
    /// (never applicable), entries expired on `as_of`, no-penalty entries on
    /// safety-baseline items without a first-violation condition, and items
    /// with the same name in the same domain (overlap).
    pub fn warnings(&self, as_of: NaiveDate) -> Vec<CatalogueWarning> {
        let mut out = Vec::new();
        let mut seen: HashMap<(Domain, &str), &ItemCode> = HashMap::default();
        for item in self.items() {
            if let Some(first) = seen.insert((item.domain, item.name.as_str()), &item.code) {
                out.push(CatalogueWarning::Overlap { item: item.code.clone(), other: first.clone() });
            }
            for e in &item.entries {
                if e.conditions.iter().any(|c| c.tests.is_empty()) {
                    out.push(CatalogueWarning::UntestedCondition { entry: e.id.clone() });
                }
                if e.valid_until.is_some_and(|u| u < as_of) {
                    out.push(CatalogueWarning::Expired { entry: e.id.clone() });
                }
                let no_penalty =
                    matches!(e.outcome, ListOutcome::NoPenalty | ListOutcome::FirstViolationNoPenalty);
                let first = e
                    .conditions
                    .iter()
                    .flat_map(|c| &c.tests)
                    .any(|t| matches!(t, Condition::FirstViolation { .. }));
                if item.safety_baseline && no_penalty && !first {
                    out.push(CatalogueWarning::BaselineExemption { entry: e.id.clone() });
                }
            }
        }
        out
    }
}

/// A finding of [`Catalogue::warnings`].
///
/// This enum is non-exhaustive so that other checks may be added in semver
/// compatible releases.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "warning", rename_all = "snake_case")]
#[non_exhaustive]
pub enum CatalogueWarning {
    /// Two items share a name in the same domain.
    Overlap {
        /// The later item.
        item: ItemCode,
        /// The earlier item.
        other: ItemCode,
    },
    /// An entry has a condition without machine tests; it never applies.
    UntestedCondition {
        /// The entry.
        entry: EntryId,
    },
    /// An entry's validity has ended.
    Expired {
        /// The entry.
        entry: EntryId,
    },
    /// A no-penalty entry on a safety-baseline item does not require a first
    /// violation.
    BaselineExemption {
        /// The entry.
        entry: EntryId,
    },
}

impl fmt::Display for CatalogueWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogueWarning::Overlap { item, other } => {
                write!(f, "item `{item}` has the same name and domain as item `{other}`")
            }
            CatalogueWarning::UntestedCondition { entry } => {
                write!(f, "entry `{entry}` has a condition without tests and never applies")
            }
            CatalogueWarning::Expired { entry } => write!(f, "entry `{entry}` has expired"),
            CatalogueWarning::BaselineExemption { entry } => write!(
                f,
                "entry `{entry}` exempts a safety-baseline item without requiring a first violation"
            ),
        }
    }
}
