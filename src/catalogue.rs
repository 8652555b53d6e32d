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

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};

use crate::facts::{Aggravating, Context, Correction, Gravity, Harm, Window};
use crate::law::Citation;
pub use crate::load::LoadError;
pub(crate) use crate::load::{line_of, line_of_nth, parse_json};

pub mod binary;
mod lint;
use crate::measure::{PenaltyKind, SoftMeasure};
use crate::money::FineRule;
pub use lint::{BeyondStatuteReason, NeverAppliesReason, Witness};

/// The schema version of the catalogue format this release reads and writes.
///
/// Version 2 gives each penalty provision its structure
/// ([`StatutoryPenalty`]: `sanctions` with 处 / 可以, conditions, parties and 或者
/// groups). Version 1 documents (a flat `kinds` list; a document without
/// `schema_version` is version 1) still load, with the flat meaning —
/// every named kind may be imposed, none is mandatory — and
/// [`Catalogue::warnings`] names each such provision. [`Catalogue::to_json`]
/// writes version 2.
pub const CATALOGUE_SCHEMA_VERSION: u32 = 2;

macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident, $what:literal) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `market_regulation` | 市场监管 |
    /// | `emergency_management` | 应急管理 |
    /// | `ecology_environment` | 生态环境 |
    /// | `urban_management` | 城市管理 |
    /// | `fire_rescue` | 消防救援 |
    /// | `taxation` | 税务 |
    /// | `culture_tourism` | 文化和旅游 |
    /// | `transport` | 交通运输 |
    /// | `agriculture_rural` | 农业农村 |
    /// | `development_reform` | 发展改革 |
    /// | `civil_air_defence` | 人民防空 |
    /// | `health_commission` | 卫生健康 |
    /// | `natural_resources` | 自然资源 |
    /// | `housing_construction` | 住房和城乡建设 |
    /// | `public_security` | 公安 |
    ///
    /// ```
    /// use rouxing::catalogue::Domain;
    ///
    /// let domain: Domain = serde_json::from_str(r#""market_regulation""#)?;
    /// assert_eq!(domain, Domain::MarketRegulation);
    /// assert_eq!(serde_json::to_string(&domain)?, r#""market_regulation""#);
    /// # let codes = [("market_regulation", "市场监管"), ("emergency_management", "应急管理"), ("ecology_environment", "生态环境"), ("urban_management", "城市管理"), ("fire_rescue", "消防救援"), ("taxation", "税务"), ("culture_tourism", "文化和旅游"), ("transport", "交通运输"), ("agriculture_rural", "农业农村"), ("development_reform", "发展改革"), ("civil_air_defence", "人民防空"), ("health_commission", "卫生健康"), ("natural_resources", "自然资源"), ("housing_construction", "住房和城乡建设"), ("public_security", "公安")];
    /// # assert_eq!(Domain::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Domain::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Domain>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `life_health` | 公民生命健康安全 |
    /// | `financial` | 金融安全 |
    /// | `food_drug` | 食品药品安全 |
    /// | `public_safety` | 公共安全 |
    /// | `environment` | 生态环境 |
    ///
    /// ```
    /// use rouxing::catalogue::Sector;
    ///
    /// let sector: Sector = serde_json::from_str(r#""life_health""#)?;
    /// assert_eq!(sector, Sector::LifeHealth);
    /// assert_eq!(serde_json::to_string(&sector)?, r#""life_health""#);
    /// # let codes = [("life_health", "公民生命健康安全"), ("financial", "金融安全"), ("food_drug", "食品药品安全"), ("public_safety", "公共安全"), ("environment", "生态环境")];
    /// # assert_eq!(Sector::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Sector::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Sector>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `no_penalty` | 不予处罚 |
    /// | `first_violation_no_penalty` | 首违不罚 |
    /// | `mitigate` | 减轻处罚 |
    /// | `lighten` | 从轻处罚 |
    /// | `no_coercion` | 不予行政强制 |
    ///
    /// ```
    /// use rouxing::catalogue::ListOutcome;
    ///
    /// let list_outcome: ListOutcome = serde_json::from_str(r#""no_penalty""#)?;
    /// assert_eq!(list_outcome, ListOutcome::NoPenalty);
    /// assert_eq!(serde_json::to_string(&list_outcome)?, r#""no_penalty""#);
    /// # let codes = [("no_penalty", "不予处罚"), ("first_violation_no_penalty", "首违不罚"), ("mitigate", "减轻处罚"), ("lighten", "从轻处罚"), ("no_coercion", "不予行政强制")];
    /// # assert_eq!(ListOutcome::ALL.len(), codes.len());
    /// # for (v, (code, name)) in ListOutcome::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<ListOutcome>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `shall` | 应当 |
    /// | `may` | 可以 |
    ///
    /// ```
    /// use rouxing::catalogue::Modal;
    ///
    /// let modal: Modal = serde_json::from_str(r#""shall""#)?;
    /// assert_eq!(modal, Modal::Shall);
    /// assert_eq!(serde_json::to_string(&modal)?, r#""shall""#);
    /// # let codes = [("shall", "应当"), ("may", "可以")];
    /// # assert_eq!(Modal::ALL.len(), codes.len());
    /// # for (v, (code, name)) in Modal::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<Modal>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
///
/// # JSON
///
/// A JSON object tagged by `test`:
///
/// | code | 中文 |
/// |---|---|
/// | `first_violation` | 首次违法 / 初次违法 (with an optional `window`) |
/// | `corrected_promptly` | 及时改正 |
/// | `no_harm` | 没有造成危害后果 |
/// | `harm_at_most_slight` | 危害后果轻微 |
/// | `minor` | 违法行为轻微 |
/// | `not_intentional` | 非主观故意 |
/// | `commitment_signed` | 签署承诺书 (告知承诺) |
/// | `fact` | an item-specific fact the officer confirmed (with `key`) |
///
/// ```
/// use rouxing::catalogue::Condition;
///
/// let condition: Condition = serde_json::from_str(r#"{"test": "first_violation"}"#)?;
/// assert_eq!(serde_json::to_string(&condition)?, r#"{"test":"first_violation"}"#);
/// for code in ["first_violation", "corrected_promptly", "no_harm", "harm_at_most_slight", "minor",
///              "not_intentional", "commitment_signed"] {
///     let c: Condition = serde_json::from_value(serde_json::json!({"test": code}))?;
///     assert_eq!(serde_json::to_value(&c)?["test"], code);
/// }
/// let fact: Condition = serde_json::from_str(r#"{"test": "fact", "key": "sign_removed"}"#)?;
/// assert_eq!(serde_json::to_value(&fact)?["key"], "sign_removed");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct TaggedRepr {
    test: ConditionKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    window: Option<Window>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key: Option<FactKey>,
}

/// The `test` tag of a [`Condition`] on the wire.
///
/// # JSON
///
/// | code | 中文 |
/// |---|---|
/// | `first_violation` | 首次违法 / 初次违法 (with an optional `window`) |
/// | `corrected_promptly` | 及时改正 |
/// | `no_harm` | 没有造成危害后果 |
/// | `harm_at_most_slight` | 危害后果轻微 |
/// | `minor` | 违法行为轻微 |
/// | `not_intentional` | 非主观故意 |
/// | `commitment_signed` | 签署承诺书 (告知承诺) |
/// | `fact` | an item-specific fact the officer confirmed (with `key`) |
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct ExclusionRepr {
    exclusion: ExclusionKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    context: Option<Context>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key: Option<FactKey>,
}

/// The `exclusion` tag of an [`Exclusion`] on the wire.
///
/// # JSON
///
/// | code | 中文 |
/// |---|---|
/// | `context` | the case has a context fact (`context`) |
/// | `refused_correction` | 拒不改正 |
/// | `repeat_violation` | 再次违法 / 多次违法 |
/// | `serious_circumstances` | 情节严重 |
/// | `fact` | an item-specific fact the officer confirmed (with `key`) |
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
///
/// # JSON
///
/// A JSON object tagged by `exclusion`:
///
/// | code | 中文 |
/// |---|---|
/// | `context` | the case has a context fact (`context`) |
/// | `refused_correction` | 拒不改正 |
/// | `repeat_violation` | 再次违法 / 多次违法 |
/// | `serious_circumstances` | 情节严重 |
/// | `fact` | an item-specific fact the officer confirmed (with `key`) |
///
/// ```
/// use rouxing::catalogue::Exclusion;
///
/// for code in ["refused_correction", "repeat_violation", "serious_circumstances"] {
///     let e: Exclusion = serde_json::from_value(serde_json::json!({"exclusion": code}))?;
///     assert_eq!(serde_json::to_value(&e)?, serde_json::json!({"exclusion": code}));
/// }
/// let fact: Exclusion = serde_json::from_str(r#"{"exclusion": "fact", "key": "near_school"}"#)?;
/// assert_eq!(serde_json::to_value(&fact)?["key"], "near_school");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub effective_from: Option<NaiveDate>,
    /// Last day the entry applies, if limited.
    #[cfg_attr(feature = "schema", schemars(with = "Option<chrono::NaiveDate>"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::serde_date::option")]
    pub valid_until: Option<NaiveDate>,
}

impl ListEntry {
    /// Whether the entry is in force on a date.
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        self.effective_from.is_none_or(|f| f <= date) && self.valid_until.is_none_or(|u| date <= u)
    }
}

vocabulary! {
    /// The condition a 罚则 attaches to a sanction (…的，处…), tested on the
    /// facts found.
    ///
    /// # Legal basis
    ///
    /// The special law's own penalty clause: e.g. 《危险化学品安全管理条例》第七十八条第一款
    /// "可以处5万元以下的罚款；拒不改正的，处5万元以上10万元以下的罚款；情节严重的，责令停产停业整顿".
    /// `NotCorrectedInTime` (逾期不改正 / 逾期未改正) holds for a correction made late or
    /// refused; a case not (yet) corrected does not establish that the period
    /// ran out, so it does not hold (the deadline of the order is not a case
    /// fact, and a heavier clause needs its condition proved: Art. 40).
    ///
    /// This enum is non-exhaustive so that other conditions may be added in
    /// semver compatible releases.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `serious_circumstances` | 情节严重的 |
    /// | `refused_correction` | 拒不改正的 |
    /// | `not_corrected_in_time` | 逾期不改正的 |
    /// | `serious_harm` | 造成严重后果的 |
    /// | `harm_caused` | 造成危害后果的 |
    ///
    /// ```
    /// use rouxing::catalogue::PenaltyCondition;
    ///
    /// let penalty_condition: PenaltyCondition = serde_json::from_str(r#""serious_circumstances""#)?;
    /// assert_eq!(penalty_condition, PenaltyCondition::SeriousCircumstances);
    /// assert_eq!(serde_json::to_string(&penalty_condition)?, r#""serious_circumstances""#);
    /// # let codes = [("serious_circumstances", "情节严重的"), ("refused_correction", "拒不改正的"), ("not_corrected_in_time", "逾期不改正的"), ("serious_harm", "造成严重后果的"), ("harm_caused", "造成危害后果的")];
    /// # assert_eq!(PenaltyCondition::ALL.len(), codes.len());
    /// # for (v, (code, name)) in PenaltyCondition::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<PenaltyCondition>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[non_exhaustive]
    pub enum PenaltyCondition {
        /// 情节严重的 (the case's gravity is serious).
        SeriousCircumstances => "情节严重的",
        /// 拒不改正的.
        RefusedCorrection => "拒不改正的",
        /// 逾期不改正的 / 逾期未改正的.
        NotCorrectedInTime => "逾期不改正的",
        /// 造成严重后果的.
        SeriousHarm => "造成严重后果的",
        /// 造成危害后果的 / 造成损失的.
        HarmCaused => "造成危害后果的",
    }
}

impl PenaltyCondition {
    /// Whether the condition holds on the facts.
    pub fn holds(self, f: &PenaltyFacts) -> bool {
        match self {
            PenaltyCondition::SeriousCircumstances => f.gravity == Gravity::Serious,
            PenaltyCondition::RefusedCorrection => f.correction == Correction::Refused,
            PenaltyCondition::NotCorrectedInTime => {
                matches!(f.correction, Correction::Refused | Correction::Late { .. })
            }
            PenaltyCondition::SeriousHarm => f.harm == Harm::Serious,
            PenaltyCondition::HarmCaused => f.harm >= Harm::Harmful,
        }
    }
}

vocabulary! {
    /// Which parties a sanction of a provision is for ("对个人处…，对单位处…").
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `natural_person` | 个人 |
    /// | `organisation` | 单位 |
    ///
    /// ```
    /// use rouxing::catalogue::PartyScope;
    ///
    /// let party_scope: PartyScope = serde_json::from_str(r#""natural_person""#)?;
    /// assert_eq!(party_scope, PartyScope::NaturalPerson);
    /// assert_eq!(serde_json::to_string(&party_scope)?, r#""natural_person""#);
    /// # let codes = [("natural_person", "个人"), ("organisation", "单位")];
    /// # assert_eq!(PartyScope::ALL.len(), codes.len());
    /// # for (v, (code, name)) in PartyScope::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<PartyScope>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum PartyScope {
        /// 个人 / 公民 (a natural person).
        NaturalPerson => "个人",
        /// 单位 (a legal person or other organisation).
        Organisation => "单位",
    }
}

impl PartyScope {
    /// Whether the scope covers a party.
    pub const fn covers(self, natural_person: bool) -> bool {
        matches!(
            (self, natural_person),
            (PartyScope::NaturalPerson, true) | (PartyScope::Organisation, false)
        )
    }
}

/// The facts a provision's conditions read: the party's kind, the gravity,
/// the harm and the correction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PenaltyFacts {
    /// Whether the party is a natural person.
    pub natural_person: bool,
    /// The gravity of the act (情节).
    pub gravity: Gravity,
    /// The harmful consequence.
    pub harm: Harm,
    /// The correction.
    pub correction: Correction,
}

/// One sanction of a penalty provision (罚则), with how the provision imposes
/// it.
///
/// * `modal`: [`Modal::Shall`] for 处 / 并处 (the kind must be imposed),
///   [`Modal::May`] for 可以处 / 可以并处 (an optional addition);
/// * `when`: the condition the provision attaches (情节严重的, 拒不改正的 …);
/// * `applies_to`: "对个人处…" / "对单位处…";
/// * `alternative`: sanctions sharing a group number are alternatives
///   (或者 / "处警告或者五百元以下罚款"): with `shall`, exactly one of them; with `may`,
///   at most one;
/// * `fine`: the fine rule, on a [`PenaltyKind::Fine`] sanction (required there,
///   refused elsewhere).
///
/// ```json
/// {"kind": "fine", "modal": "shall", "when": "refused_correction",
///  "fine": {"kind": "range", "min": "50000", "max": "100000"}}
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProvisionSanction {
    /// The kind.
    pub kind: PenaltyKind,
    /// 处 / 并处 (`shall`) or 可以处 / 可以并处 (`may`).
    pub modal: Modal,
    /// The condition the provision attaches, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<PenaltyCondition>,
    /// The parties it is for, if the provision distinguishes them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to: Option<PartyScope>,
    /// The 或者 group it belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative: Option<u8>,
    /// The fine rule, for a fine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fine: Option<FineRule>,
}

impl ProvisionSanction {
    /// A sanction the provision imposes (处 / 并处), without condition.
    pub const fn shall(kind: PenaltyKind) -> ProvisionSanction {
        ProvisionSanction {
            kind,
            modal: Modal::Shall,
            when: None,
            applies_to: None,
            alternative: None,
            fine: None,
        }
    }

    /// A sanction the provision permits (可以处 / 可以并处), without condition.
    pub const fn may(kind: PenaltyKind) -> ProvisionSanction {
        ProvisionSanction {
            kind,
            modal: Modal::May,
            when: None,
            applies_to: None,
            alternative: None,
            fine: None,
        }
    }

    /// The same sanction with a fine rule.
    pub const fn with_fine(mut self, rule: FineRule) -> ProvisionSanction {
        self.fine = Some(rule);
        self
    }

    /// The same sanction under a condition.
    pub const fn when(mut self, c: PenaltyCondition) -> ProvisionSanction {
        self.when = Some(c);
        self
    }

    /// The same sanction for one kind of party only.
    pub const fn for_party(mut self, scope: PartyScope) -> ProvisionSanction {
        self.applies_to = Some(scope);
        self
    }

    /// The same sanction in a 或者 group.
    pub const fn in_group(mut self, group: u8) -> ProvisionSanction {
        self.alternative = Some(group);
        self
    }

    fn covers(&self, natural_person: bool) -> bool {
        self.applies_to.is_none_or(|s| s.covers(natural_person))
    }
}

/// The sanctions a penalty provision (罚则) prescribes, with their structure.
///
/// Each [`ProvisionSanction`] says whether the provision imposes the kind
/// (处 / 并处) or permits it (可以处 / 可以并处), under which condition, for which
/// parties, in which 或者 group and with which fine rule.
/// [`resolve`](StatutoryPenalty::resolve) reads the provision against the
/// facts of a case and yields the sanctions that apply to it.
///
/// # Format (catalogue schema version 2)
///
/// ```json
/// {"sanctions": [
///   {"kind": "fine", "modal": "may", "fine": {"kind": "up_to", "max": "50000"}},
///   {"kind": "fine", "modal": "shall", "when": "refused_correction",
///    "fine": {"kind": "range", "min": "50000", "max": "100000"}},
///   {"kind": "order_suspend_production", "modal": "shall", "when": "serious_circumstances"}
/// ]}
/// ```
///
/// Version 1 documents wrote a flat set, `{"kinds": [...], "fine": …,
/// "fine_natural_person": …}`, which said only which kinds the provision
/// names. Such a document still loads with exactly that meaning — every
/// named kind may be imposed, none is mandatory, no condition — and
/// [`Catalogue::warnings`] reports each such provision
/// ([`CatalogueWarning::FlatPenalty`]) until it is re-encoded. A version 2
/// document must use `sanctions`; a version 1 document must not.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第三十八条第一款: "行政处罚没有依据或者实施主体不具有行政主体资格的，
/// 行政处罚无效。" 第七十六条第（二）项: "擅自改变行政处罚种类、幅度的". The provision's
/// structure is what a decision is checked against.
///
/// ```
/// use rouxing::case::{Correction, Gravity, Harm};
/// use rouxing::catalogue::{PenaltyCondition, PenaltyFacts, ProvisionSanction, StatutoryPenalty};
/// use rouxing::measure::PenaltyKind;
/// use rouxing::money::{FineRule, Money};
///
/// // 可以处5万元以下的罚款；拒不改正的，处5万元以上10万元以下的罚款
/// let p = StatutoryPenalty::structured(vec![
///     ProvisionSanction::may(PenaltyKind::Fine).with_fine(FineRule::up_to(Money::yuan(50_000))?),
///     ProvisionSanction::shall(PenaltyKind::Fine)
///         .when(PenaltyCondition::RefusedCorrection)
///         .with_fine(FineRule::range(Money::yuan(50_000), Money::yuan(100_000))?),
/// ])?;
/// let facts = PenaltyFacts {
///     natural_person: false,
///     gravity: Gravity::General,
///     harm: Harm::None,
///     correction: Correction::Refused,
/// };
/// let applied = p.resolve(&facts);
/// assert_eq!(applied.mandatory_kinds(), vec![PenaltyKind::Fine]);
/// assert_eq!(applied.fine_for(false), Some(FineRule::range(Money::yuan(50_000), Money::yuan(100_000))?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "StatutoryPenaltyRepr", into = "StatutoryPenaltyRepr")]
pub struct StatutoryPenalty {
    // Inline: a provision names few sanctions, and `resolve` (run by every
    // assessment) then builds its result without allocating.
    sanctions: smallvec::SmallVec<[ProvisionSanction; 3]>,
    kinds: smallvec::SmallVec<[PenaltyKind; 4]>,
    /// Read from the version 1 flat form (not part of equality).
    flat: bool,
}

impl PartialEq for StatutoryPenalty {
    fn eq(&self, other: &Self) -> bool {
        self.sanctions == other.sanctions
    }
}

impl Eq for StatutoryPenalty {}

impl std::hash::Hash for StatutoryPenalty {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.sanctions.hash(state);
    }
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct StatutoryPenaltyRepr {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sanctions: Option<Vec<ProvisionSanction>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kinds: Option<Vec<PenaltyKind>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fine: Option<FineRule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fine_natural_person: Option<FineRule>,
}

/// The error returned when a statutory penalty is inconsistent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PenaltyError {
    /// No kinds at all (version 1 form).
    #[error("penalty has no kinds: list at least one of the Art. 9 kinds")]
    NoKinds,
    /// A kind listed twice (version 1 form).
    #[error("penalty kind `{0}` is listed twice")]
    DuplicateKind(PenaltyKind),
    /// `fine` given without the kind, or the kind without a fine rule
    /// (version 1 form).
    #[error("penalty kind `fine` and field `fine` must be given together")]
    FineMismatch,
    /// No sanctions: the provision can never yield a sanction.
    #[error("penalty has no sanctions: the provision could never yield a sanction")]
    NoSanctions,
    /// A fine sanction without a fine rule.
    #[error("sanction {index} is a fine without a fine rule: give `fine`")]
    FineWithoutRule {
        /// Index in `sanctions`.
        index: usize,
    },
    /// A fine rule on a kind that has none.
    #[error("sanction {index} is `{kind}`, which has no fine rule: remove `fine`")]
    RuleOnNonFine {
        /// Index in `sanctions`.
        index: usize,
        /// The kind.
        kind: PenaltyKind,
    },
    /// The same kind, condition and party scope listed twice: the second can
    /// never apply.
    #[error("sanction {index} repeats kind `{kind}` with the same condition and parties")]
    DuplicateSanction {
        /// Index in `sanctions`.
        index: usize,
        /// The kind.
        kind: PenaltyKind,
    },
    /// A 或者 group with one member, or members that differ in modal,
    /// condition or parties.
    #[error("alternative group {group} needs two or more members with the same modal, condition and parties")]
    BadAlternative {
        /// The group.
        group: u8,
    },
    /// Both the version 1 flat form and `sanctions`.
    #[error("penalty mixes the version 1 fields `kinds`/`fine` with `sanctions`: keep `sanctions` only")]
    MixedForms,
}

impl StatutoryPenalty {
    /// A provision in the flat form of catalogue version 1: every named kind
    /// *may* be imposed (可以), none is mandatory, no condition; `fine` is the
    /// fine rule and `fine_natural_person` a separate rule for individuals.
    ///
    /// Use [`StatutoryPenalty::structured`] to say which kinds the provision
    /// imposes (处 / 并处) and under which conditions.
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
    /// assert!(p.mandatory_kinds().is_empty());
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
        let mut sanctions = Vec::with_capacity(kinds.len() + 1);
        for k in &kinds {
            match (k, fine, fine_natural_person) {
                (PenaltyKind::Fine, Some(f), Some(np)) => {
                    sanctions
                        .push(ProvisionSanction::may(*k).with_fine(f).for_party(PartyScope::Organisation));
                    sanctions
                        .push(ProvisionSanction::may(*k).with_fine(np).for_party(PartyScope::NaturalPerson));
                }
                (PenaltyKind::Fine, Some(f), None) => sanctions.push(ProvisionSanction::may(*k).with_fine(f)),
                _ => sanctions.push(ProvisionSanction::may(*k)),
            }
        }
        Ok(StatutoryPenalty { sanctions: sanctions.into(), kinds: kinds.into(), flat: false })
    }

    /// A provision with its structure (catalogue version 2).
    ///
    /// # Errors
    ///
    /// Returns an error when there are no sanctions; a fine has no fine rule
    /// or another kind has one; the same kind, condition and party scope
    /// appear twice; or a 或者 group has a single member or members that
    /// differ in modal, condition or parties.
    pub fn structured(sanctions: Vec<ProvisionSanction>) -> Result<StatutoryPenalty, PenaltyError> {
        if sanctions.is_empty() {
            return Err(PenaltyError::NoSanctions);
        }
        for (index, s) in sanctions.iter().enumerate() {
            match (s.kind == PenaltyKind::Fine, s.fine.is_some()) {
                (true, false) => return Err(PenaltyError::FineWithoutRule { index }),
                (false, true) => return Err(PenaltyError::RuleOnNonFine { index, kind: s.kind }),
                _ => {}
            }
            let earlier = sanctions.iter().take(index);
            if earlier.clone().any(|t| t.kind == s.kind && t.when == s.when && t.applies_to == s.applies_to) {
                return Err(PenaltyError::DuplicateSanction { index, kind: s.kind });
            }
            if let Some(g) = s.alternative {
                let mut members = sanctions.iter().filter(|t| t.alternative == Some(g));
                let ok = members.clone().count() >= 2
                    && members
                        .all(|t| t.modal == s.modal && t.when == s.when && t.applies_to == s.applies_to);
                if !ok {
                    return Err(PenaltyError::BadAlternative { group: g });
                }
            }
        }
        let mut kinds: Vec<PenaltyKind> = Vec::with_capacity(sanctions.len());
        for s in &sanctions {
            if !kinds.contains(&s.kind) {
                kinds.push(s.kind);
            }
        }
        Ok(StatutoryPenalty { sanctions: sanctions.into(), kinds: kinds.into(), flat: false })
    }

    /// The provision's sanctions, as written.
    pub fn sanctions(&self) -> &[ProvisionSanction] {
        &self.sanctions
    }

    /// Whether the provision was read from the version 1 flat form (which
    /// says nothing of 并处, 可以 or conditions).
    pub fn is_flat(&self) -> bool {
        self.flat
    }

    /// The provision as it applies to the facts of a case: sanctions for
    /// other parties dropped, conditional sanctions kept only where their
    /// condition holds, and an unconditional sanction dropped where a
    /// conditional one of the same kind applies (the provision's escalation:
    /// "可以处5万元以下的罚款；拒不改正的，处5万元以上10万元以下的罚款" — the second fine
    /// replaces the first, it is not added to it: Art. 29 allows one fine).
    /// Every sanction of the result is unconditional and for this party.
    ///
    /// # Legal basis
    ///
    /// The special law's 罚则, read clause by clause; 《中华人民共和国行政处罚法》第二十九条
    /// for the single fine.
    pub fn resolve(&self, f: &PenaltyFacts) -> StatutoryPenalty {
        let held = |s: &ProvisionSanction| s.covers(f.natural_person) && s.when.is_none_or(|c| c.holds(f));
        let mut sanctions: smallvec::SmallVec<[ProvisionSanction; 3]> = smallvec::SmallVec::new();
        for s in self.sanctions.iter().filter(|s| held(s)) {
            let superseded = s.when.is_none()
                && self.sanctions.iter().any(|t| t.kind == s.kind && t.when.is_some() && held(t));
            if !superseded {
                sanctions.push(ProvisionSanction { when: None, applies_to: None, ..*s });
            }
        }
        let mut kinds: smallvec::SmallVec<[PenaltyKind; 4]> = smallvec::SmallVec::new();
        for s in &sanctions {
            if !kinds.contains(&s.kind) {
                kinds.push(s.kind);
            }
        }
        StatutoryPenalty { sanctions, kinds, flat: self.flat }
    }

    /// The kinds the provision names (under any condition, for any party).
    pub fn kinds(&self) -> &[PenaltyKind] {
        &self.kinds
    }

    /// Whether the provision names a kind.
    pub fn has_kind(&self, kind: PenaltyKind) -> bool {
        self.kinds.contains(&kind)
    }

    /// The kinds the provision imposes without choice (处 / 并处, outside any
    /// 或者 group, without condition). On a [`resolve`](Self::resolve)d
    /// provision: the kinds a decision to penalise must include.
    pub fn mandatory_kinds(&self) -> Vec<PenaltyKind> {
        let mut out = Vec::new();
        for s in &self.sanctions {
            if s.modal == Modal::Shall
                && s.alternative.is_none()
                && s.when.is_none()
                && !out.contains(&s.kind)
            {
                out.push(s.kind);
            }
        }
        out
    }

    /// The 或者 groups of unconditional sanctions: each with its modal and
    /// its kinds. With [`Modal::Shall`] exactly one of the kinds must be
    /// imposed; with [`Modal::May`] at most one.
    pub fn alternatives(&self) -> Vec<(Modal, Vec<PenaltyKind>)> {
        let mut out: Vec<(u8, Modal, Vec<PenaltyKind>)> = Vec::new();
        for s in self.sanctions.iter().filter(|s| s.when.is_none()) {
            let Some(g) = s.alternative else { continue };
            match out.iter_mut().find(|(h, _, _)| *h == g) {
                Some((_, _, kinds)) => kinds.push(s.kind),
                None => out.push((g, s.modal, vec![s.kind])),
            }
        }
        out.into_iter().map(|(_, m, k)| (m, k)).collect()
    }

    /// The unconditional fine rule for a party: the one for its kind of party
    /// where the provision sets one, otherwise the general rule.
    pub fn fine_for(&self, natural_person: bool) -> Option<FineRule> {
        let fines = || self.sanctions.iter().filter(|s| s.kind == PenaltyKind::Fine && s.when.is_none());
        fines()
            .find(|s| s.applies_to.is_some_and(|p| p.covers(natural_person)))
            .or_else(|| fines().find(|s| s.applies_to.is_none()))
            .and_then(|s| s.fine)
    }

    /// The general fine rule (the rule for organisations where the
    /// provision distinguishes).
    pub fn fine(&self) -> Option<FineRule> {
        self.fine_for(false)
    }

    /// The heaviest Art. 9 group among the kinds (1 = 警告/通报批评 … 6).
    pub fn heaviest_group(&self) -> u8 {
        self.kinds.iter().map(|k| k.group()).max().unwrap_or(0)
    }
}

impl TryFrom<StatutoryPenaltyRepr> for StatutoryPenalty {
    type Error = PenaltyError;
    fn try_from(r: StatutoryPenaltyRepr) -> Result<Self, Self::Error> {
        match (r.sanctions, r.kinds) {
            (Some(s), None) if r.fine.is_none() && r.fine_natural_person.is_none() => {
                StatutoryPenalty::structured(s)
            }
            (Some(_), _) => Err(PenaltyError::MixedForms),
            (None, kinds) => {
                let mut p = StatutoryPenalty::new(kinds.unwrap_or_default(), r.fine, r.fine_natural_person)?;
                p.flat = true;
                Ok(p)
            }
        }
    }
}

impl From<StatutoryPenalty> for StatutoryPenaltyRepr {
    fn from(p: StatutoryPenalty) -> Self {
        StatutoryPenaltyRepr {
            sanctions: Some(p.sanctions.into_vec()),
            kinds: None,
            fine: None,
            fine_natural_person: None,
        }
    }
}

/// An amendment of an item's penalty provision, for Art. 37 (从旧兼从轻).
///
/// `penalty: None` records that from `effective_from` the act is no longer
/// treated as a violation (不认为是违法).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    /// The day the amended provision takes effect.
    #[cfg_attr(feature = "schema", schemars(with = "chrono::NaiveDate"))]
    #[serde(with = "crate::serde_date")]
    pub effective_from: NaiveDate,
    /// The amended provision's citation, verbatim.
    pub provision: String,
    /// The amended sanctions, or `None` if the act is no longer illegal.
    pub penalty: Option<StatutoryPenalty>,
}

/// A limitation period set by another law (Art. 36 ¶1 "法律另有规定的除外").
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LimitationOverride {
    /// The period in years.
    pub years: u32,
    /// The law that sets it, verbatim (e.g. 《税收征收管理法》第八十六条).
    pub basis: String,
}

/// A condition of a special law's 从重 clause, read from the case facts.
///
/// # JSON
///
/// Tagged by `condition`:
///
/// | JSON | holds when |
/// |---|---|
/// | `{"condition": "circumstance", "circumstance": "coerced_others"}` | the case records the aggravating circumstance ([`Aggravating`]) |
/// | `{"condition": "harm", "at_least": "serious"}` | the harm is at least the level ([`Harm`]; 较严重后果 is `serious`) |
/// | `{"condition": "prior_penalty", "within": {"months": 6}}` | a prior violation in the item's domain, penalised (`penalised`), whose act falls in the window before this act ([`Window`]) |
///
/// ```
/// use rouxing::catalogue::AggravationCondition;
/// use rouxing::facts::{Harm, Window};
///
/// let c: AggravationCondition = serde_json::from_str(r#"{"condition": "prior_penalty", "within": {"months": 6}}"#)?;
/// assert_eq!(c, AggravationCondition::PriorPenalty { within: Window::Months(6) });
/// let h: AggravationCondition = serde_json::from_str(r#"{"condition": "harm", "at_least": "serious"}"#)?;
/// assert_eq!(h, AggravationCondition::Harm { at_least: Harm::Serious });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "condition", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum AggravationCondition {
    /// An aggravating circumstance the case records (教唆胁迫诱骗他人,
    /// 打击报复 …).
    Circumstance {
        /// The circumstance.
        circumstance: Aggravating,
    },
    /// Harm at least of a level (有较严重后果的: [`Harm::Serious`]).
    Harm {
        /// The least harm that meets the condition.
        at_least: Harm,
    },
    /// A penalty for an earlier violation within a window before the act
    /// (六个月内曾受过…处罚的).
    ///
    /// A prior violation counts when it is of the item's domain (the special
    /// law's field: 曾受过治安管理处罚 reads as an earlier penalty of the same
    /// department), its outcome was a penalty, and its act falls inside the
    /// window before this act. The case records the earlier act's day, not
    /// its decision day: a penalty follows its act, so this reading counts
    /// no penalty the window excludes, and may miss one for an older act
    /// decided inside it (documented reading; record the prior accordingly).
    PriorPenalty {
        /// The window before the act.
        within: Window,
    },
}

/// A 从重 clause of the special law an item applies (特别法规定的从重处罚情形):
/// where its conditions all hold, the law says "从重处罚" and only the 从重 tier
/// is lawful, under every regime — as for 《中华人民共和国行政处罚法》第四十九条.
///
/// # Legal basis
///
/// The special law itself, cited by `citation` (e.g. 《中华人民共和国治安管理处罚法》第二十条:
/// "违反治安管理有下列情形之一的，从重处罚"); 《中华人民共和国行政处罚法》第四条 (penalties are set by
/// 法律、法规、规章) and 第三十八条第一款 (a penalty needs its legal basis) make the special law's
/// rule part of the basis applied. A 从轻 or 减轻 ground the law makes mandatory
/// (应当从轻或者减轻, Arts. 30, 32) still prevails, as for Art. 49.
///
/// # JSON
///
/// ```
/// use rouxing::catalogue::AggravationClause;
///
/// let clause: AggravationClause = serde_json::from_str(r#"{
///   "citation": {"instrument": "public_security_administration_punishment_law", "eid": "art_20__point_2"},
///   "text": "违反治安管理有下列情形之一的，从重处罚：……（二）教唆、胁迫、诱骗他人违反治安管理的；",
///   "conditions": [{"condition": "circumstance", "circumstance": "coerced_others"}]
/// }"#)?;
/// assert_eq!(clause.citation.to_string(), "《中华人民共和国治安管理处罚法》第二十条第（二）项");
/// let bad = serde_json::from_str::<AggravationClause>(
///     r#"{"citation": {"instrument": "public_security_administration_punishment_law", "eid": "art_20__point_2"}, "text": " ", "conditions": []}"#,
/// );
/// assert!(bad.is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "AggravationClauseRepr", into = "AggravationClauseRepr")]
pub struct AggravationClause {
    /// The clause's provision: one rouxing carries (its text is checked
    /// against the carried words by [`Citation::is_known`]), so that every
    /// rule the assessment cites is a published provision (Art. 5 ¶3).
    pub citation: Citation,
    /// The clause's words, verbatim.
    pub text: String,
    /// Conditions that must all hold (one 项 is usually one condition).
    pub conditions: Vec<AggravationCondition>,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct AggravationClauseRepr {
    /// The clause's provision, one rouxing carries: `instrument` and `eid`.
    citation: Citation,
    /// The clause's words, verbatim.
    text: String,
    /// Conditions that must all hold; at least one, none twice.
    conditions: Vec<AggravationCondition>,
}

/// The error returned when a special law's 从重 clause is malformed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ClauseError {
    /// The clause's text is empty or blank.
    #[error("aggravation clause `{citation}` has no text: quote the clause verbatim")]
    EmptyText {
        /// The clause's citation.
        citation: Citation,
    },
    /// The clause names no condition: it could never be applied.
    #[error("aggravation clause `{citation}` has no condition: name the facts it reads")]
    NoCondition {
        /// The clause's citation.
        citation: Citation,
    },
    /// A condition listed twice.
    #[error("aggravation clause `{citation}` lists condition {index} twice")]
    DuplicateCondition {
        /// The clause's citation.
        citation: Citation,
        /// Index of the second occurrence in `conditions`.
        index: usize,
    },
    /// The citation is not a provision rouxing carries.
    #[error("aggravation clause cites `{citation}`, a provision rouxing does not carry")]
    UnknownProvision {
        /// The citation.
        citation: Citation,
    },
}

impl TryFrom<AggravationClauseRepr> for AggravationClause {
    type Error = ClauseError;
    fn try_from(r: AggravationClauseRepr) -> Result<Self, Self::Error> {
        let citation = r.citation;
        if !citation.is_known() {
            return Err(ClauseError::UnknownProvision { citation });
        }
        if r.text.trim().is_empty() {
            return Err(ClauseError::EmptyText { citation });
        }
        if r.conditions.is_empty() {
            return Err(ClauseError::NoCondition { citation });
        }
        for (index, c) in r.conditions.iter().enumerate() {
            if r.conditions.iter().take(index).any(|d| d == c) {
                return Err(ClauseError::DuplicateCondition { citation, index });
            }
        }
        Ok(AggravationClause { citation, text: r.text, conditions: r.conditions })
    }
}

impl From<AggravationClause> for AggravationClauseRepr {
    fn from(c: AggravationClause) -> Self {
        AggravationClauseRepr { citation: c.citation, text: c.text, conditions: c.conditions }
    }
}

/// One violation in a catalogue (事项).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// The 从重 clauses of the special law the item applies (absent = none):
    /// where one applies, only 从重 is lawful under every regime.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aggravation: Vec<AggravationClause>,
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
/// strictly increasing date order. A catalogue lists at least one item; its
/// names and texts are never empty; its dates lie between
/// [`FIRST_PLAUSIBLE_DAY`] (1949-10-01) and [`LAST_PLAUSIBLE_DAY`]
/// (2099-12-31).
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
/// | `items[].aggravation` | the 从重 clauses of the special law the item applies ([`AggravationClause`]: `citation`, verbatim `text`, `conditions`; optional, absent = none) |
/// | `items[].entries[]` | 两轻一免 list entries: `id`, `source`, `outcome` (`no_penalty`, `first_violation_no_penalty`, `mitigate`, `lighten`, `no_coercion`), `modal` (`shall` / `may`), `conditions[]` (`text` verbatim, typed `tests`), `exclusions`, optional `reduced_fine`, `supporting_measures`, `basis`, `effective_from`, `valid_until` |
///
/// # JSON
///
/// A catalogue of one item, loaded with [`Catalogue::from_json`] (the catalogue format is at version 2):
///
/// ```
/// let catalogue_json = r#"{
///   "schema_version": 2,
///   "name": "某县农业农村局两轻一免清单",
///   "issuer": "某县农业农村局",
///   "sources": [
///                {
///                  "id": "SRC-HN-AGRI-2023",
///                  "title": "湖南省农业农村领域首次轻微违法行为免罚清单（第一批）",
///                  "issuer": "湖南省农业农村厅 (list); republished by 平江县农业农村局",
///                  "url": "https://pingjiang.gov.cn/34930/63411/63412/63414/content_2138981.html",
///                  "status": "republished 2023-12-04",
///                  "rules": ["根据《中华人民共和国行政处罚法》《湖南省优化营商环境规定》等法律法规规章规定"]
///                }
///              ],
///   "items": [
///              {
///                "code": "AG-XM-66",
///                "name": "畜禽养殖场未建立养殖档案,或者未按照规定保存养殖档案",
///                "domain": "agriculture_rural",
///                "authority": "县级以上人民政府畜牧兽医行政主管部门",
///                "violated_provisions": [
///                                         "《中华人民共和国畜牧法》第四十一条:畜禽养殖场应当建立养殖档案,载明以下内容:(一)畜禽的品种、数量、繁殖记录、标识情况、来源和进出场日期;(二)饲料、饲料添加剂、兽药等投入品的来源、名称、使用对象、时间和用量;(三)检疫、免疫、消毒情况;(四)畜禽发病、死亡和无害化处理情况;(五)国务院畜牧兽医行政主管部门规定的其他内容。"
///                                       ],
///                "penalty_provision": "《中华人民共和国畜牧法》（2015年修正）第六十六条",
///                "penalty_text": "违反本法第四十一条规定,畜禽养殖场未建立养殖档案的,或者未按照规定保存养殖档案的,由县级以上人民政府畜牧兽医行政主管部门责令限期改正,可以处一万元以下罚款。",
///                "penalty": {
///                             "sanctions": [
///                                            {
///                                              "kind": "fine",
///                                              "modal": "may",
///                                              "fine": {"kind": "up_to", "max": "10000"}
///                                            }
///                                          ]
///                           },
///                "amendments": [
///                                {
///                                  "effective_from": "2023-03-01",
///                                  "provision": "《中华人民共和国畜牧法》（2022年修订）第八十六条",
///                                  "penalty": {
///                                               "sanctions": [
///                                                              {
///                                                                "kind": "fine",
///                                                                "modal": "may",
///                                                                "fine": {
///                                                                          "kind": "up_to",
///                                                                          "max": "10000"
///                                                                        }
///                                                              }
///                                                            ]
///                                             }
///                                }
///                              ],
///                "entries": [
///                             {
///                               "id": "E122",
///                               "source": "SRC-HN-AGRI-2023",
///                               "outcome": "first_violation_no_penalty",
///                               "modal": "shall",
///                               "conditions": [
///                                               {
///                                                 "text": "1.首次违法;",
///                                                 "tests": [{"test": "first_violation"}]
///                                               },
///                                               {
///                                                 "text": "2.危害后果轻微;",
///                                                 "tests": [{"test": "harm_at_most_slight"}]
///                                               },
///                                               {
///                                                 "text": "3.在责令改正期限内改正。",
///                                                 "tests": [{"test": "corrected_promptly"}]
///                                               }
///                                             ]
///                             }
///                           ]
///              }
///            ]
/// }"#;
/// use rouxing::Catalogue;
///
/// let catalogue = Catalogue::from_json(catalogue_json)?;
/// assert_eq!(catalogue.items().len(), 1);
/// // Written back in canonical form (amounts to the 分), it loads as the same catalogue.
/// assert_eq!(Catalogue::from_json(&catalogue.to_json())?, catalogue);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalogue {
    name: String,
    issuer: Option<String>,
    sources: Vec<Source>,
    items: Vec<Arc<Item>>,
    index: HashMap<ItemCode, usize>,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct CatalogueRepr {
    /// A document without a version is version 1.
    #[serde(default = "version_one")]
    schema_version: u32,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    issuer: Option<String>,
    #[serde(default)]
    sources: Vec<Source>,
    items: Vec<Item>,
}

fn version_one() -> u32 {
    1
}

/// A version 2 document writes every provision with `sanctions`; a version 1
/// document with the flat `kinds`. Mixing is refused, never guessed.
fn check_penalty_forms(file: &str, text: &str, version: u32, items: &[Item]) -> Result<(), LoadError> {
    let (mut flat_seen, mut structured_seen) = (0usize, 0usize);
    for (i, item) in items.iter().enumerate() {
        let provisions = std::iter::once(("penalty".to_owned(), Some(&item.penalty))).chain(
            item.amendments
                .iter()
                .enumerate()
                .map(|(j, a)| (format!("amendments[{j}].penalty"), a.penalty.as_ref())),
        );
        for (field, p) in provisions {
            let Some(p) = p else { continue };
            let wrong = if p.is_flat() {
                flat_seen += 1;
                (version >= 2).then(|| {
                    let (line, column) = line_of_nth(text, "\"kinds\"", flat_seen - 1);
                    (line, column, format!(
                        "the flat `kinds` form is catalogue version 1, but the document says `schema_version` {version}: \
                         write `sanctions` (each kind as {{\"kind\": …, \"modal\": \"shall\" for 处/并处 or \"may\" for 可以处}}, \
                         the fine rule on the fine), or set `schema_version` to 1 to keep the flat meaning"
                    ))
                })
            } else {
                structured_seen += 1;
                (version < 2).then(|| {
                    let (line, column) = line_of_nth(text, "\"sanctions\"", structured_seen - 1);
                    (line, column, format!(
                        "`sanctions` is catalogue version {CATALOGUE_SCHEMA_VERSION}, but the document is version 1: \
                         set `schema_version` to {CATALOGUE_SCHEMA_VERSION} and write every provision with `sanctions`"
                    ))
                })
            };
            if let Some((line, column, message)) = wrong {
                return Err(LoadError::new(file, line, column, format!("items[{i}].{field}"), message));
            }
        }
    }
    Ok(())
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
        for (j, c) in item.aggravation.iter().enumerate() {
            if item.aggravation.iter().take(j).any(|d| d.citation == c.citation) {
                let before = items
                    .iter()
                    .take(i)
                    .flat_map(|x| &x.aggravation)
                    .chain(item.aggravation.iter().take(j))
                    .filter(|d| d.citation == c.citation)
                    .count();
                let (line, column) = line_of_nth(text, &format!("\"{}\"", c.citation.eid()), before);
                return Err(LoadError::new(
                    file,
                    line,
                    column,
                    format!("items[{i}].aggravation[{j}].citation"),
                    format!("duplicate aggravation clause `{}` on item `{}`", c.citation.eid(), item.code),
                ));
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

/// The first day a catalogue date may have (an entry's `effective_from` or
/// `valid_until`, an amendment's `effective_from`): 1949-10-01, the founding
/// of the People's Republic, before which no provision a catalogue cites was
/// in force. A date before it (such as `0000-01-01`) is a typing error.
pub const FIRST_PLAUSIBLE_DAY: NaiveDate = match NaiveDate::from_ymd_opt(1949, 10, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The last day a catalogue date may have: 2099-12-31, the same bound as a
/// case file's dates ([`crate::record::LAST_PLAUSIBLE_DAY`]).
pub const LAST_PLAUSIBLE_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2099, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// The byte offset of the first `"key"` at or after `from` whose value is a
/// string that is empty or only whitespace, for pointing an error at it.
fn blank_value_at(text: &str, from: usize, key: &str) -> Option<usize> {
    let needle = format!("\"{key}\"");
    let rest = text.get(from..)?;
    rest.match_indices(&needle).find_map(|(i, _)| {
        let after = rest.get(i + needle.len()..)?.trim_start();
        let value = after.strip_prefix(':')?.trim_start();
        let body = value.strip_prefix('"')?;
        // The raw string up to its closing, unescaped quote.
        let mut escaped = false;
        let end = body.char_indices().find_map(|(j, c)| {
            let close = c == '"' && !escaped;
            escaped = c == '\\' && !escaped;
            close.then_some(j)
        })?;
        let raw = value.get(..end + 2)?;
        let s: String = serde_json::from_str(raw).ok()?;
        s.trim().is_empty().then_some(from + i)
    })
}

/// An error at a byte offset of `text` (line and column 0 when unknown).
fn error_at(file: &str, text: &str, pos: Option<usize>, field: String, message: String) -> LoadError {
    let (line, column) = pos.map_or((0, 0), |p| crate::load::line_col_at(text, p));
    LoadError::new(file, line, column, field, message)
}

/// The text checks of the loaders: a catalogue lists at least one item, and
/// its names are never empty (the catalogue's name; each list's title and
/// issuer; each item's name, authority and penalty provision; each entry
/// condition's text), since an auditor reads them and an empty one says
/// nothing; and every date lies within [`FIRST_PLAUSIBLE_DAY`] ..=
/// [`LAST_PLAUSIBLE_DAY`].
fn check_texts_and_dates(file: &str, text: &str, repr: &CatalogueRepr) -> Result<(), LoadError> {
    if repr.items.is_empty() {
        let pos = text.find("\"items\"");
        return Err(error_at(
            file,
            text,
            pos,
            "items".to_owned(),
            "a catalogue lists at least one item".to_owned(),
        ));
    }
    let blank = |s: &str| s.trim().is_empty();
    if blank(&repr.name) {
        return Err(error_at(
            file,
            text,
            blank_value_at(text, 0, "name"),
            "name".to_owned(),
            "the catalogue's name is empty".to_owned(),
        ));
    }
    for (i, s) in repr.sources.iter().enumerate() {
        for (key, value, what) in [("title", &s.title, "title"), ("issuer", &s.issuer, "issuer")] {
            if blank(value) {
                let anchor = text.find(&format!("\"{}\"", s.id)).unwrap_or(0);
                return Err(error_at(
                    file,
                    text,
                    blank_value_at(text, anchor, key),
                    format!("sources[{i}].{key}"),
                    format!("the {what} of list `{}` is empty", s.id),
                ));
            }
        }
    }
    let plausible = |d: NaiveDate| (FIRST_PLAUSIBLE_DAY..=LAST_PLAUSIBLE_DAY).contains(&d);
    let implausible = |d: NaiveDate, field: String| {
        let (line, column) = line_of(text, &format!("\"{d}\""));
        LoadError::new(
            file,
            line,
            column,
            field,
            format!(
                "date `{d}` is outside the plausible range {FIRST_PLAUSIBLE_DAY} to {LAST_PLAUSIBLE_DAY}"
            ),
        )
    };
    // The anchors (where an item or entry occurs in the text) are searched
    // for only when there is an error to point at: searching for every item
    // would make loading quadratic in the number of items.
    let item_anchor = |code: &ItemCode| text.find(&format!("\"{code}\"")).unwrap_or(0);
    for (i, item) in repr.items.iter().enumerate() {
        for (key, value, what) in [
            ("name", &item.name, "name"),
            ("authority", &item.authority, "authority"),
            ("penalty_provision", &item.penalty_provision, "penalty provision"),
        ] {
            if blank(value) {
                let anchor = item_anchor(&item.code);
                return Err(error_at(
                    file,
                    text,
                    blank_value_at(text, anchor, key),
                    format!("items[{i}].{key}"),
                    format!("the {what} of item `{}` is empty", item.code),
                ));
            }
        }
        for (j, a) in item.amendments.iter().enumerate() {
            if !plausible(a.effective_from) {
                return Err(implausible(
                    a.effective_from,
                    format!("items[{i}].amendments[{j}].effective_from"),
                ));
            }
        }
        for (j, e) in item.entries.iter().enumerate() {
            if let Some((k, _)) = e.conditions.iter().enumerate().find(|(_, c)| blank(&c.text)) {
                let anchor = text.find(&format!("\"{}\"", e.id)).unwrap_or_else(|| item_anchor(&item.code));
                return Err(error_at(
                    file,
                    text,
                    blank_value_at(text, anchor, "text"),
                    format!("items[{i}].entries[{j}].conditions[{k}].text"),
                    format!("condition {} of entry `{}` has no text", k + 1, e.id),
                ));
            }
            for (key, d) in [("effective_from", e.effective_from), ("valid_until", e.valid_until)] {
                if let Some(d) = d.filter(|d| !plausible(*d)) {
                    return Err(implausible(d, format!("items[{i}].entries[{j}].{key}")));
                }
            }
        }
    }
    Ok(())
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
    /// starts; an entry names a source that is not listed; the catalogue
    /// lists no item; a name is empty or only whitespace (the catalogue's
    /// name, a list's title or issuer, an item's name, authority or penalty
    /// provision, an entry condition's text); a date lies outside
    /// [`FIRST_PLAUSIBLE_DAY`] ..= [`LAST_PLAUSIBLE_DAY`]; or the schema
    /// version is neither 1 nor [`CATALOGUE_SCHEMA_VERSION`]. A document
    /// without `schema_version` is version 1.
    pub fn from_json_named(file: &str, text: &str) -> Result<Catalogue, LoadError> {
        let repr: CatalogueRepr = parse_json(file, text)?;
        Catalogue::from_repr(file, text, repr)
    }

    /// The checks across the document, shared by the JSON and the compiled
    /// loader. `text` is the JSON the document was read from, for pointing
    /// errors at a line; empty for a compiled catalogue (no line then).
    fn from_repr(file: &str, text: &str, repr: CatalogueRepr) -> Result<Catalogue, LoadError> {
        if repr.schema_version != CATALOGUE_SCHEMA_VERSION && repr.schema_version != 1 {
            let (line, column) = line_of(text, "\"schema_version\"");
            return Err(LoadError::new(
                file,
                line,
                column,
                "schema_version".to_owned(),
                format!(
                    "unsupported schema version `{}`: this release reads versions 1 and {CATALOGUE_SCHEMA_VERSION}",
                    repr.schema_version
                ),
            ));
        }
        let sources: HashSet<&SourceId> = repr.sources.iter().map(|s| &s.id).collect();
        if sources.len() != repr.sources.len() {
            let dup = crate::dedup::first_repeated(&repr.sources, |s| &s.id);
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
        check_penalty_forms(file, text, repr.schema_version, &repr.items)?;
        let index = check_items(file, text, &repr.items)?;
        check_texts_and_dates(file, text, &repr)?;
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
    ///     aggravation: vec![],
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

    /// Compiles a catalogue's JSON into its binary form (see [`binary`]): the
    /// JSON is loaded and checked exactly as by [`Catalogue::from_json_named`],
    /// then written with the format version and the SHA-256 of `text`.
    ///
    /// # Errors
    ///
    /// Every error of [`Catalogue::from_json_named`].
    ///
    /// ```
    /// use rouxing::Catalogue;
    ///
    /// let json = include_str!("../examples/data/catalogue.json");
    /// let bytes = Catalogue::compile_json("catalogue.json", json)?;
    /// let compiled = Catalogue::from_binary_named("catalogue.bin", &bytes)?;
    /// assert_eq!(compiled, Catalogue::from_json(json)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compile_json(file: &str, text: &str) -> Result<Vec<u8>, LoadError> {
        let catalogue = Catalogue::from_json_named(file, text)?;
        binary::encode(&catalogue.repr(), &crate::record::Digest::of(text.as_bytes()))
    }

    /// Loads a compiled catalogue (see [`binary`]), naming `file` in errors.
    /// The document goes through the same validating deserializers and the
    /// same checks as the JSON loader.
    ///
    /// # Errors
    ///
    /// Returns an error, naming the file and the field, when the bytes are
    /// not a compiled catalogue, are of another
    /// [`binary::BINARY_FORMAT_VERSION`] (compile again from the JSON), are
    /// corrupt or truncated, or hold a catalogue that fails any check of
    /// [`Catalogue::from_json_named`].
    ///
    /// ```
    /// use rouxing::Catalogue;
    ///
    /// let err = Catalogue::from_binary_named("catalogue.bin", b"{\"name\": \"json\"}").unwrap_err();
    /// assert!(err.message().contains("not a compiled catalogue"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_binary_named(file: &str, bytes: &[u8]) -> Result<Catalogue, LoadError> {
        let repr = binary::decode(file, bytes)?;
        Catalogue::from_repr(file, "", repr)
    }

    /// The wire document of the catalogue.
    fn repr(&self) -> CatalogueRepr {
        CatalogueRepr {
            schema_version: CATALOGUE_SCHEMA_VERSION,
            name: self.name.clone(),
            issuer: self.issuer.clone(),
            sources: self.sources.clone(),
            items: self.items.iter().map(|a| a.as_ref().clone()).collect(),
        }
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
        serde_json::to_string_pretty(&self.repr()).unwrap_or_default()
    }

    /// Static checks that do not make the catalogue invalid but deserve a
    /// reviewer's attention.
    ///
    /// Reported: list entries with a condition that has no machine test
    /// (never applicable), entries expired on `as_of`, no-penalty entries on
    /// safety-baseline items without a first-violation condition, 减轻
    /// entries (they apply only with a statutory 减轻 ground, Arts. 30–32),
    /// and items with the same name in the same domain (overlap).
    pub fn warnings(&self, as_of: NaiveDate) -> Vec<CatalogueWarning> {
        let mut out = Vec::new();
        let mut seen: HashMap<(Domain, &str), &ItemCode> = HashMap::default();
        for item in self.items() {
            if let Some(first) = seen.insert((item.domain, item.name.as_str()), &item.code) {
                out.push(CatalogueWarning::Overlap { item: item.code.clone(), other: first.clone() });
            }
            if item.penalty.is_flat()
                || item.amendments.iter().any(|a| a.penalty.as_ref().is_some_and(|p| p.is_flat()))
            {
                out.push(CatalogueWarning::FlatPenalty { item: item.code.clone() });
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
                // A list narrows the discretion the statute leaves; 减轻 below
                // the minimum is for the statute (Arts. 30, 31, 32).
                if e.outcome == ListOutcome::Mitigate {
                    out.push(CatalogueWarning::BeyondStatute {
                        entry: e.id.clone(),
                        reason: BeyondStatuteReason::MitigationWithoutStatutoryGround,
                    });
                }
            }
            lint::lint_item(item, &mut out);
        }
        out
    }
}

/// A finding of [`Catalogue::warnings`].
///
/// This enum is non-exhaustive so that other checks may be added in semver
/// compatible releases.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// A penalty provision read from the version 1 flat form: which kinds
    /// the provision imposes (并处) and under which conditions is unknown, so
    /// no kind is checked as mandatory.
    FlatPenalty {
        /// The item.
        item: ItemCode,
    },
    /// A condition whose tests no case satisfies without meeting one of the
    /// entry's exclusions (e.g. a fact it requires is also an exclusion).
    UnsatisfiableCondition {
        /// The entry.
        entry: EntryId,
        /// The 0-based index of the condition.
        condition: usize,
    },
    /// An entry that can never apply, and why.
    NeverApplies {
        /// The entry.
        entry: EntryId,
        /// Why.
        reason: NeverAppliesReason,
    },
    /// An entry more lenient than the statute allows. It loads, and never
    /// takes effect beyond the law: [`assess`](crate::assess()) applies a
    /// no-penalty entry only where 《中华人民共和国行政处罚法》第三十三条第一款
    /// allows it, and keeps every amount within the statutory range.
    BeyondStatute {
        /// The entry.
        entry: EntryId,
        /// How.
        reason: BeyondStatuteReason,
    },
    /// Two entries of the same item, in force on a common day, where every
    /// case `entry` applies to, `other` applies to as well.
    EntryOverlap {
        /// The entry whose conditions include all of the other's.
        entry: EntryId,
        /// The other entry.
        other: EntryId,
        /// Whether both grant the same outcome (a duplicate) or not (a case
        /// meeting `entry` is granted two outcomes).
        same_outcome: bool,
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
            CatalogueWarning::FlatPenalty { item } => write!(
                f,
                "item `{item}` has a penalty in the version 1 flat form: re-encode it with `sanctions` so that mandatory kinds are checked"
            ),
            CatalogueWarning::BaselineExemption { entry } => write!(
                f,
                "entry `{entry}` exempts a safety-baseline item without requiring a first violation"
            ),
            CatalogueWarning::UnsatisfiableCondition { entry, condition } => write!(
                f,
                "entry `{entry}` condition {} can never be met: every case meeting its tests meets an exclusion of the entry",
                condition + 1
            ),
            CatalogueWarning::NeverApplies { entry, reason } => match reason {
                NeverAppliesReason::Contradictory => {
                    write!(
                        f,
                        "entry `{entry}` never applies: no case meets its conditions without meeting an exclusion"
                    )
                }
                NeverAppliesReason::StatuteForbids => write!(
                    f,
                    "entry `{entry}` never applies: its conditions hold only where 《中华人民共和国行政处罚法》第三十三条第一款 allows no exemption"
                ),
                NeverAppliesReason::NoLongerUnlawful => write!(
                    f,
                    "entry `{entry}` never applies: it takes effect after an amendment stopped treating the act as a violation (《中华人民共和国行政处罚法》第三十七条)"
                ),
            },
            CatalogueWarning::BeyondStatute { entry, reason } => match reason {
                BeyondStatuteReason::NoPenaltyBeyondArt33 { example: w } => write!(
                    f,
                    "entry `{entry}` exempts beyond 《中华人民共和国行政处罚法》第三十三条第一款: its conditions also hold for harm `{}`, {}, gravity `{}`, {}; assess applies it only where the statute allows",
                    w.harm,
                    if w.corrected_promptly { "corrected promptly" } else { "not corrected promptly" },
                    w.gravity,
                    if w.first_violation { "a first violation" } else { "not a first violation" },
                ),
                BeyondStatuteReason::LighterBelowMinimum { reduced, minimum } => write!(
                    f,
                    "entry `{entry}` grants 从轻 with a fine of `{reduced}`, below the statutory minimum `{minimum}`: below the minimum is 减轻 (《中华人民共和国行政处罚法》第三十二条); assess keeps 从轻 within the statutory range"
                ),
                BeyondStatuteReason::MitigationWithoutStatutoryGround => write!(
                    f,
                    "entry `{entry}` grants 减轻, which a list cannot create: assess applies it only with a statutory 减轻 ground (《中华人民共和国行政处罚法》第三十条、第三十一条、第三十二条), never by itself"
                ),
                BeyondStatuteReason::AboveMaximum { reduced, maximum } => write!(
                    f,
                    "entry `{entry}` sets a reduced fine of up to `{reduced}`, above the statutory maximum `{maximum}`; assess never exceeds the statutory maximum"
                ),
            },
            CatalogueWarning::EntryOverlap { entry, other, same_outcome } => write!(
                f,
                "entry `{entry}` overlaps entry `{other}`: every case it applies to, `{other}` applies to as well{}",
                if *same_outcome { " (same outcome: a duplicate)" } else { ", with a different outcome" }
            ),
        }
    }
}
