//! A jurisdiction's policy knobs (裁量基准 and local rules).
//!
//! The statute leaves several numbers to provinces and departments: the
//! discretion bands (裁量基准, Art. 34), what "first violation" means, the
//! 较大数额 that triggers a hearing, which decisions need legal review. A
//! [`Regime`] holds them. Every knob has a documented default; knobs whose
//! source is a local document rather than the statute are marked
//! *(unconfirmed as national rules)* and can be changed.
//!
//! Two regimes ship:
//!
//! * [`Regime::national()`] — the statute's defaults and the most widely
//!   published local values;
//! * [`Regime::shandan_sample()`] — a sample regime for a county that follows
//!   the Shandan plan (山司发〔2021〕52号): every flexible or 两轻一免 decision goes
//!   through legal review (法制审核).
//!
//! ```
//! use rouxing::Regime;
//!
//! let r = Regime::shandan_sample();
//! assert!(r.legal_review.all_lenient_decisions);
//! let json = r.to_json();
//! assert_eq!(Regime::from_json(&json)?, r);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};

use crate::calendar::{Period, WorkCalendar};
use crate::decision::ReviewTrigger;
pub use crate::facts::Window;
use crate::facts::{Aggravating, Mitigating};
use crate::law::{Citation, DocumentCitation, Instrument, Rank, Source};
use crate::load::{LoadError, line_of, parse_json};
use crate::money::{FineBounds, Money};

/// The schema version of the regime format this release reads and writes.
pub const REGIME_SCHEMA_VERSION: u32 = 1;

vocabulary! {
    /// Which earlier violations count against a first violation.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `same_item` | 同一违法行为 |
    /// | `same_domain` | 同一领域违法行为 |
    /// | `any` | 任何违法行为 |
    ///
    /// ```
    /// use rouxing::regime::FirstViolationScope;
    ///
    /// let first_violation_scope: FirstViolationScope = serde_json::from_str(r#""same_item""#)?;
    /// assert_eq!(first_violation_scope, FirstViolationScope::SameItem);
    /// assert_eq!(serde_json::to_string(&first_violation_scope)?, r#""same_item""#);
    /// # let codes = [("same_item", "同一违法行为"), ("same_domain", "同一领域违法行为"), ("any", "任何违法行为")];
    /// # assert_eq!(FirstViolationScope::ALL.len(), codes.len());
    /// # for (v, (code, name)) in FirstViolationScope::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<FirstViolationScope>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum FirstViolationScope {
        /// The same item (同类违法行为 in its narrowest reading).
        SameItem => "同一违法行为",
        /// Any violation in the same domain (同一领域).
        SameDomain => "同一领域违法行为",
        /// Any violation.
        Any => "任何违法行为",
    }
}

/// What "first violation" (初次违法 / 首违) means in the jurisdiction.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第三十三条第一款第二句 says "初次违法" without defining it.
/// Published definitions differ (unconfirmed as national rules): SAMR "两年内，经营
/// 主体无同类违法记录" (the default here: 24 months, same item); Bazhong "三年内"; Lishui
/// "自然年度内"; Gansu emergency management "自本清单正式施行之日起第一次被…发现".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FirstViolationPolicy {
    /// The look-back window.
    pub window: Window,
    /// Which earlier violations count.
    pub scope: FirstViolationScope,
}

/// The discretion bands (裁量基准) that split a statutory fine range into
/// 从轻 / 一般 / 从重, in per-mille of the range above the minimum.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第三十四条: "行政机关可以依法制定行政处罚裁量基准". Jiangsu 市场监管
/// 规定 Art. 3: 从轻 "罚款的数额应当在从最低限到最高限这一幅度中较低的30%部分（含本数）"; a Guangzhou
/// benchmark: 从重 "在[Y+(X-Y)×70%]至X的幅度内". Defaults 300 and 700 (unconfirmed as
/// national rules).
///
/// With minimum *L* and maximum *H*: 从轻 = [L, L + lighter·(H−L)] rounded down
/// (含本数); 从重 = [L + heavier·(H−L), H] rounded up; 一般 = the amounts strictly
/// between. "X以下" provisions have L = 0, and their 从轻 band starts at 1 分
/// and always holds it (a fine of zero is no fine).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DiscretionBands {
    /// Upper edge of 从轻, per mille of the range (default 300).
    pub lighter_upper_permille: u16,
    /// Lower edge of 从重, per mille of the range (default 700).
    pub heavier_lower_permille: u16,
}

impl DiscretionBands {
    /// The 从轻 band of a fine range.
    ///
    /// A fine of zero is no fine: on an "X以下" range (L = 0) the band starts at
    /// the least fine, 1 分, and always holds it, so that 从轻 never reads as ¥0
    /// — a ¥0 "从轻" fine is 执法放水 (《中华人民共和国行政处罚法》第七十六条第一款第（二）项).
    pub fn lighter(&self, b: FineBounds) -> FineBounds {
        let lo = b.min().max(Money::from_fen(1)).min(b.max());
        let span = b.max().saturating_sub(b.min());
        let hi = b
            .min()
            .saturating_add(span.mul_permille_floor(u32::from(self.lighter_upper_permille)).unwrap_or(span))
            .max(lo);
        FineBounds::new(lo, hi.min(b.max())).unwrap_or(b)
    }

    /// The 从重 band of a fine range.
    pub fn heavier(&self, b: FineBounds) -> FineBounds {
        let span = b.max().saturating_sub(b.min());
        let lo = b
            .min()
            .saturating_add(span.mul_permille_ceil(u32::from(self.heavier_lower_permille)).unwrap_or(span));
        FineBounds::new(lo.min(b.max()), b.max()).unwrap_or(b)
    }

    /// The 一般 band: strictly between the other two, or `None` when the range
    /// is too narrow to have one (then 一般 uses the whole range).
    pub fn ordinary(&self, b: FineBounds) -> Option<FineBounds> {
        let lo = self.lighter(b).max().checked_add(Money::from_fen(1))?;
        let hi = self.heavier(b).min().checked_sub(Money::from_fen(1))?;
        FineBounds::new(lo, hi).ok()
    }
}

/// The lowest fine a 减轻 decision may impose below the statutory minimum.
///
/// # Legal basis
///
/// No national source fixes a floor for 减轻 (DOMAIN §5.3): the statute only
/// says 减轻 goes below the minimum. Default `None` (any amount above zero);
/// some provinces are believed to set a share of the minimum (unconfirmed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum MitigationFloor {
    /// No floor.
    None,
    /// A share of the statutory minimum, per mille.
    PermilleOfMinimum(u16),
    /// A fixed amount.
    Amount(Money),
}

impl MitigationFloor {
    /// The floor for a statutory minimum, if any.
    pub fn for_minimum(self, min: Money) -> Option<Money> {
        match self {
            MitigationFloor::None => None,
            MitigationFloor::PermilleOfMinimum(p) => min.mul_permille_ceil(u32::from(p)),
            MitigationFloor::Amount(m) => Some(m),
        }
    }
}

/// The Art. 51 summary-procedure thresholds (当场处罚).
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第五十一条: "违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者
/// 其他组织处以三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定。法律另有规定的，从其规定。"
/// "以下" includes the number (民法典 Art. 1259), so ¥200.00 qualifies and ¥200.01
/// does not. A regime may make the thresholds exclusive (e.g. Guangdong's
/// eco-environment rule defines "以下不包括本数").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SummaryThresholds {
    /// For a citizen (default ¥200).
    pub natural_person: Money,
    /// For a legal person or other organisation (default ¥3,000).
    pub organisation: Money,
    /// Whether the threshold itself qualifies (default `true`).
    pub inclusive: bool,
}

impl SummaryThresholds {
    /// Whether a fine qualifies for the summary procedure.
    pub fn admits(&self, fine: Money, natural_person: bool) -> bool {
        let t = if natural_person { self.natural_person } else { self.organisation };
        if self.inclusive { fine <= t } else { fine < t }
    }
}

/// The 较大数额 thresholds of Art. 63 (hearing).
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第六十三条第一款: the agency must inform the party of the right
/// to a hearing before "（一）较大数额罚款；（二）没收较大数额违法所得、没收较大价值非法财物". The
/// statute leaves 较大数额 to provinces and departments. Defaults: ¥10,000 for a
/// citizen, ¥100,000 for an organisation, the SAMR hearing rule's fallback
/// (unconfirmed; set the province's figures).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HearingThresholds {
    /// For a citizen (以上, inclusive).
    pub natural_person: Money,
    /// For an organisation (以上, inclusive).
    pub organisation: Money,
}

impl HearingThresholds {
    /// The threshold for a party.
    pub fn for_party(&self, natural_person: bool) -> Money {
        if natural_person { self.natural_person } else { self.organisation }
    }
}

/// Which decisions need legal review (法制审核) beyond Art. 58, and the
/// document each rule rests on.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第五十八条第一款 lists the statutory triggers; its item (四) covers
/// only "法律、法规规定应当进行法制审核的其他情形". The knobs here are a jurisdiction's own
/// rules, and each cites its own document ([`LegalReviewSources`]): the Shandan plan
/// adds "要将采取柔性执法方式和适用“两轻一免”情形的执法决定纳入重大执法决定法制审核范围" (四(三)); a
/// county's 重大执法决定法制审核目录 adds fines of ¥10,000 (citizen) / ¥100,000
/// (organisation) and "超出自由裁量权标准，拟作出减轻或加重处罚的" (unconfirmed as national
/// rules). Only a source of rank 法律 or 法规 ([`Rank::is_law_or_regulation`]) makes a
/// knob an Art. 58 ¶1 (四) trigger.
///
/// # JSON
///
/// ```json
/// {"all_lenient_decisions": true, "fine_natural_person": "10000.00",
///  "fine_organisation": "100000.00", "beyond_benchmark": true,
///  "sources": {"flexible_decision": {"instrument": "shandan_flexible_enforcement_plan", "eid": "sec_4__point_3"},
///              "large_fine": {"document": "《重大执法决定法制审核目录》", "locator": "序号1",
///                             "rank": "normative_document"}}}
/// ```
///
/// `sources` is optional, and so is each of its fields.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LegalReviewPolicy {
    /// Every flexible or 两轻一免 decision (不予, 减轻, 从轻, soft measures).
    pub all_lenient_decisions: bool,
    /// Fines at or above this amount for a citizen.
    pub fine_natural_person: Option<Money>,
    /// Fines at or above this amount for an organisation.
    pub fine_organisation: Option<Money>,
    /// Decisions outside the 一般 band (减轻 or 从重).
    pub beyond_benchmark: bool,
    /// The document each knob rests on (optional in JSON).
    #[serde(default, skip_serializing_if = "LegalReviewSources::is_empty")]
    pub sources: LegalReviewSources,
}

/// The documents a regime's legal-review rules rest on, one per knob of
/// [`LegalReviewPolicy`].
///
/// A knob that is on and names no source cites the regime itself
/// ([`Regime::review_source`]): "执法规则“name”（legal_review.…）". A source
/// for a knob that is off is refused on load, as is a bundled citation whose
/// text rouxing does not carry, and 《中华人民共和国行政处罚法》第五十八条 itself (item
/// (四) needs the 法律 or 法规 that requires the review: cite that, as a
/// document of rank `law`, `administrative_regulation` or `local_regulation`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct LegalReviewSources {
    /// The source of `all_lenient_decisions`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flexible_decision: Option<Source>,
    /// The source of `fine_natural_person` and `fine_organisation`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub large_fine: Option<Source>,
    /// The source of `beyond_benchmark`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub beyond_benchmark: Option<Source>,
}

impl LegalReviewSources {
    /// Whether no knob names a source.
    pub fn is_empty(&self) -> bool {
        self.flexible_decision.is_none() && self.large_fine.is_none() && self.beyond_benchmark.is_none()
    }
}

/// 山丹县实施方案 四(三): "要将采取柔性执法方式和适用“两轻一免”情形的执法决定纳入重大执法决定法制审核范围".
const PLAN_REVIEW_OF_FLEXIBLE: Citation =
    Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(3);

/// Where the sample regime's fine thresholds and 超出裁量基准 rule come from: a
/// published 重大执法决定法制审核目录 (DOMAIN sources, S44).
const SAMPLE_REVIEW_CATALOGUE: &str = "《重大执法决定法制审核目录》";
const SAMPLE_REVIEW_CATALOGUE_URL: &str = "http://public.gongyishi.gov.cn/D49Y/9628990.jhtml";

fn sample_review_catalogue(locator: &str, text: Option<&str>) -> Option<Source> {
    let c = DocumentCitation::new(SAMPLE_REVIEW_CATALOGUE, locator, Rank::NormativeDocument)
        .and_then(|c| c.with_url(SAMPLE_REVIEW_CATALOGUE_URL))
        .ok()?;
    match text {
        Some(t) => c.with_text(t).ok().map(Source::Document),
        None => Some(Source::Document(c)),
    }
}

vocabulary! {
    /// The effect of a recognised aggravating circumstance.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `mandatory` | 应当从重 |
    /// | `discretionary` | 可以从重 |
    ///
    /// ```
    /// use rouxing::regime::AggravationPolicy;
    ///
    /// let aggravation_policy: AggravationPolicy = serde_json::from_str(r#""mandatory""#)?;
    /// assert_eq!(aggravation_policy, AggravationPolicy::Mandatory);
    /// assert_eq!(serde_json::to_string(&aggravation_policy)?, r#""mandatory""#);
    /// # let codes = [("mandatory", "应当从重"), ("discretionary", "可以从重")];
    /// # assert_eq!(AggravationPolicy::ALL.len(), codes.len());
    /// # for (v, (code, name)) in AggravationPolicy::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<AggravationPolicy>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum AggravationPolicy {
        /// 应当从重: only the 从重 tier remains (default; local benchmarks word
        /// their lists "有下列情形之一的，应当依法从重处罚").
        Mandatory => "应当从重",
        /// 可以从重: 从重 joins the lawful set, 一般 remains.
        Discretionary => "可以从重",
    }
}

vocabulary! {
    /// Which tier `recommend` proposes where the law says 应当从轻或者减轻 and
    /// leaves the choice to the agency.
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第三十条、第三十二条: "应当从轻或者减轻行政处罚" — both tiers are
    /// lawful and the statute does not rank them. Published benchmarks apply 从轻 as the
    /// rule and 减轻 where a circumstance or a list entry names it (e.g. Jiangsu 市场监管
    /// 规定 Art. 3 treats 减轻 as the exception going below the minimum); the default
    /// follows that practice (unconfirmed as a national rule).
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `lighter_unless_named` | 从轻，清单明确减轻的除外 |
    /// | `mitigated` | 减轻 |
    ///
    /// ```
    /// use rouxing::regime::AlternativeMitigation;
    ///
    /// let alternative_mitigation: AlternativeMitigation = serde_json::from_str(r#""lighter_unless_named""#)?;
    /// assert_eq!(alternative_mitigation, AlternativeMitigation::LighterUnlessNamed);
    /// assert_eq!(serde_json::to_string(&alternative_mitigation)?, r#""lighter_unless_named""#);
    /// # let codes = [("lighter_unless_named", "从轻，清单明确减轻的除外"), ("mitigated", "减轻")];
    /// # assert_eq!(AlternativeMitigation::ALL.len(), codes.len());
    /// # for (v, (code, name)) in AlternativeMitigation::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<AlternativeMitigation>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum AlternativeMitigation {
        /// 从轻, unless a list entry that applies names 减轻 (default).
        LighterUnlessNamed => "从轻，清单明确减轻的除外",
        /// Always 减轻, the most lenient of the two.
        Mitigated => "减轻",
    }
}

vocabulary! {
    /// Whether illegal gains are confiscated where the outcome is 不予行政处罚.
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第二十八条第二款: "当事人有违法所得，除依法应当退赔的外，应当予以
    /// 没收。违法所得是指实施违法行为所取得的款项。" The sentence is not conditioned on a penalty
    /// being imposed, and it stands apart from the list of penalty kinds in Art. 9, where
    /// 没收违法所得 also appears (Art. 9 (二)). Whether a 不予处罚 decision still confiscates is
    /// contested: one reading takes Art. 28 ¶2 at its word (nobody keeps what the
    /// violation earned, whatever the penalty); the other takes 没收违法所得 as the Art. 9
    /// penalty, which a 不予处罚 decision cannot impose. The default follows the words
    /// of Art. 28 ¶2. A bar to any penalty (Arts. 27, 36, 37, 38, 40) is not a
    /// 不予处罚 outcome of an established violation and never confiscates.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `confiscate` | 不予处罚的，违法所得仍予没收 |
    /// | `not_confiscated` | 不予处罚的，不没收违法所得 |
    ///
    /// ```
    /// use rouxing::regime::GainsOnNoPenalty;
    ///
    /// let gains_on_no_penalty: GainsOnNoPenalty = serde_json::from_str(r#""confiscate""#)?;
    /// assert_eq!(gains_on_no_penalty, GainsOnNoPenalty::Confiscate);
    /// assert_eq!(serde_json::to_string(&gains_on_no_penalty)?, r#""confiscate""#);
    /// # let codes = [("confiscate", "不予处罚的，违法所得仍予没收"), ("not_confiscated", "不予处罚的，不没收违法所得")];
    /// # assert_eq!(GainsOnNoPenalty::ALL.len(), codes.len());
    /// # for (v, (code, name)) in GainsOnNoPenalty::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<GainsOnNoPenalty>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum GainsOnNoPenalty {
        /// Confiscate, except what must lawfully be refunded (default).
        Confiscate => "不予处罚的，违法所得仍予没收",
        /// Do not confiscate: 没收违法所得 is a penalty (Art. 9 (二)).
        NotConfiscated => "不予处罚的，不没收违法所得",
    }
}

/// Readings of provisions whose application the statute leaves open, each a
/// documented choice.
///
/// Every field is optional in JSON and defaults to the value of
/// [`StatutoryReadings::default`]:
///
/// ```json
/// {"alternative_mitigation": "lighter_unless_named", "later_list_entry_applies": true,
///  "gains_on_no_penalty": "confiscate"}
/// ```
///
/// # Legal basis
///
/// * `alternative_mitigation` — Arts. 30, 32 (see [`AlternativeMitigation`]).
/// * `later_list_entry_applies` — 《中华人民共和国行政处罚法》第三十七条: "作出行政处罚决定时，法律、
///   法规、规章已被修改或者废止，且新的规定处罚较轻或者不认为是违法的，适用新的规定". A 两轻一免 list is
///   not a 法律、法规、规章, so Art. 37 does not bind it in terms; its 从旧兼从轻 spirit does:
///   with `true` (default) an entry in force on the decision date applies even if it was
///   not in force at the act, and an entry in force at the act still applies after it
///   lapsed, so the party has the more lenient of the two. With `false` only the entry in
///   force at the act applies.
/// * `gains_on_no_penalty` — Art. 28 ¶2 (see [`GainsOnNoPenalty`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct StatutoryReadings {
    /// Which tier `recommend` proposes under 应当从轻或者减轻.
    pub alternative_mitigation: AlternativeMitigation,
    /// Whether a list entry in force on the decision date applies to an
    /// earlier act (从旧兼从轻 for lists).
    pub later_list_entry_applies: bool,
    /// Whether a 不予处罚 outcome confiscates illegal gains.
    pub gains_on_no_penalty: GainsOnNoPenalty,
}

impl Default for StatutoryReadings {
    fn default() -> Self {
        StatutoryReadings {
            alternative_mitigation: AlternativeMitigation::LighterUnlessNamed,
            later_list_entry_applies: true,
            gains_on_no_penalty: GainsOnNoPenalty::Confiscate,
        }
    }
}

/// A jurisdiction's policy knobs.
///
/// Construct with [`Regime::national()`] or [`Regime::shandan_sample()`] and
/// adjust the public fields, or load with [`Regime::from_json`]. The struct is
/// non-exhaustive so that knobs may be added in semver compatible releases.
///
/// # JSON fields
///
/// Every field is required except `readings` (see [`StatutoryReadings`]) and
/// unknown fields are rejected; amounts are
/// strings in yuan. [`Regime::national()`] is:
///
/// ```json
/// {"schema_version": 1, "name": "national",
///  "discretion": {"lighter_upper_permille": 300, "heavier_lower_permille": 700},
///  "mitigation_floor": "none",
///  "first_violation": {"window": {"months": 24}, "scope": "same_item"},
///  "summary": {"natural_person": "200.00", "organisation": "3000.00", "inclusive": true},
///  "hearing": {"natural_person": "10000.00", "organisation": "100000.00"},
///  "legal_review": {"all_lenient_decisions": false, "fine_natural_person": null,
///                   "fine_organisation": null, "beyond_benchmark": false},
///  "aggravation": "discretionary", "recognised_aggravating": [],
///  "recognised_mitigating": ["secondary_role", "voluntarily_stopped"],
///  "decision_period_days": 90, "limitation_holiday_extension": false,
///  "observation_period": {"years": 1}, "transition_period_max": {"months": 6},
///  "follow_up_days": 30, "correction_days": 15,
///  "readings": {"alternative_mitigation": "lighter_unless_named",
///               "later_list_entry_applies": true, "gains_on_no_penalty": "confiscate"}}
/// ```
///
/// | field | 含义 |
/// |---|---|
/// | `discretion` | 裁量基准 bands in ‰ of the fine range: 从轻 below `lighter_upper_permille`, 从重 from `heavier_lower_permille` |
/// | `mitigation_floor` | how far 减轻 may go below the statutory minimum |
/// | `first_violation` | 首违: look-back `window` (`{"months": n}`, `"calendar_year"`, `{"since": "YYYY-MM-DD"}`) and `scope` (`same_item`, `same_domain`, `any`) |
/// | `consistency` | 同事同罚 in the batch audit: `fine_tolerance_permille` (optional, default 100; see [`ConsistencyPolicy`]) |
/// | `summary` | Art. 51 当场处罚 thresholds (citizen, organisation) and whether the threshold itself is included |
/// | `hearing` | Art. 63 较大数额 for the hearing notice |
/// | `legal_review` | 法制审核 beyond Art. 58 (see [`LegalReviewPolicy`]) |
/// | `aggravation`, `recognised_aggravating`, `recognised_mitigating` | which local circumstances count, and whether 从重 is mandatory |
/// | `decision_period_days` | Art. 60 办案期限 (90) |
/// | `limitation_holiday_extension` | whether an Art. 36 period ending on a holiday is extended (民法典 Art. 203) |
/// | `observation_period`, `transition_period_max` | 观察期 and the longest 过渡期 |
/// | `follow_up_days`, `correction_days` | 回访 after a lenient decision, 限期改正 period |
///
/// The working-day calendar ([`Regime::calendar`]) is not part of the JSON
/// form: load a holiday table with [`crate::calendar::WorkCalendar::from_json`]
/// and set the field.
///
/// # JSON
///
/// A regime with the national knobs ([`Regime::national`]):
///
/// ```
/// let regime_json = r#"{
///   "schema_version": 1,
///   "name": "national",
///   "discretion": {"lighter_upper_permille": 300, "heavier_lower_permille": 700},
///   "mitigation_floor": "none",
///   "first_violation": {"window": {"months": 24}, "scope": "same_item"},
///   "summary": {"natural_person": "200.00", "organisation": "3000.00", "inclusive": true},
///   "hearing": {"natural_person": "10000.00", "organisation": "100000.00"},
///   "legal_review": {
///                     "all_lenient_decisions": false,
///                     "fine_natural_person": null,
///                     "fine_organisation": null,
///                     "beyond_benchmark": false
///                   },
///   "aggravation": "mandatory",
///   "recognised_aggravating": [
///                               "endangers_safety",
///                               "egregious",
///                               "continued_after_penalty",
///                               "principal_role",
///                               "recidivist",
///                               "obstruction",
///                               "destroyed_evidence",
///                               "coerced_others",
///                               "retaliation",
///                               "during_emergency"
///                             ],
///   "recognised_mitigating": ["secondary_role", "voluntarily_stopped"],
///   "decision_period_days": 90,
///   "limitation_holiday_extension": false,
///   "observation_period": {"years": 1},
///   "transition_period_max": {"months": 6},
///   "follow_up_days": 30,
///   "correction_days": 15
/// }"#;
/// use rouxing::Regime;
///
/// let regime: Regime = serde_json::from_str(regime_json)?;
/// // Knobs left out take their defaults; what the regime writes loads as the same regime.
/// assert_eq!(serde_json::from_value::<Regime>(serde_json::to_value(&regime)?)?, regime);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "RegimeRepr", into = "RegimeRepr")]
#[non_exhaustive]
pub struct Regime {
    /// A name for the regime.
    pub name: String,
    /// 裁量基准 bands.
    pub discretion: DiscretionBands,
    /// The 减轻 floor.
    pub mitigation_floor: MitigationFloor,
    /// What "first violation" means.
    pub first_violation: FirstViolationPolicy,
    /// 同事同罚: how far fines for the same facts may spread in the batch
    /// audit (see [`ConsistencyPolicy`]).
    pub consistency: ConsistencyPolicy,
    /// Art. 51 thresholds.
    pub summary: SummaryThresholds,
    /// Art. 63 较大数额.
    pub hearing: HearingThresholds,
    /// Legal review beyond Art. 58.
    pub legal_review: LegalReviewPolicy,
    /// Effect of aggravating circumstances.
    pub aggravation: AggravationPolicy,
    /// Local aggravating circumstances the regime recognises (Art. 49 is
    /// always recognised).
    pub recognised_aggravating: Vec<Aggravating>,
    /// Local mitigating circumstances the regime recognises (Art. 32's are
    /// always recognised). A recognised local circumstance opens 从轻 within
    /// the band only, never 减轻 (Art. 34).
    pub recognised_mitigating: Vec<Mitigating>,
    /// The Art. 60 decision period in days (default 90; "法律、法规、规章另有规定的，
    /// 从其规定").
    pub decision_period_days: u32,
    /// Whether the Art. 36 limitation period is extended when its last day is
    /// a holiday (民法典 Art. 203). Default `false`: the limitation is not a
    /// deadline for anyone's action.
    pub limitation_holiday_extension: bool,
    /// The observation period (观察期) for new business forms, from
    /// registration (default one year, the Hechi example; 1–3 years in
    /// Nanjing; unconfirmed).
    pub observation_period: Period,
    /// The longest transition period (过渡期) for rectification to a standard
    /// (default six months; unconfirmed — 优化营商环境条例 Art. 65 only asks for
    /// "必要的适应调整期").
    pub transition_period_max: Period,
    /// How many days after a lenient decision the follow-up visit (回访) falls
    /// (default 30; unconfirmed).
    pub follow_up_days: u32,
    /// The correction period (限期改正) a recommended order sets, in days
    /// (default 15; the agency fixes it in each order; unconfirmed).
    pub correction_days: u32,
    /// The working-day calendar (Art. 85); not part of the JSON form, which
    /// always uses the bundled schedule unless replaced in code.
    pub calendar: WorkCalendar,

    // Readings of provisions whose application the statute leaves open.
    /// Which reading the regime follows where the statute leaves a choice
    /// (see [`StatutoryReadings`]); optional in JSON, defaulting to
    /// [`StatutoryReadings::default`].
    pub readings: StatutoryReadings,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RegimeRepr {
    schema_version: u32,
    name: String,
    discretion: DiscretionBands,
    mitigation_floor: MitigationFloor,
    first_violation: FirstViolationPolicy,
    #[serde(default)]
    consistency: ConsistencyPolicy,
    summary: SummaryThresholds,
    hearing: HearingThresholds,
    legal_review: LegalReviewPolicy,
    aggravation: AggravationPolicy,
    recognised_aggravating: Vec<Aggravating>,
    recognised_mitigating: Vec<Mitigating>,
    decision_period_days: u32,
    limitation_holiday_extension: bool,
    observation_period: Period,
    transition_period_max: Period,
    follow_up_days: u32,
    correction_days: u32,
    #[serde(default)]
    readings: StatutoryReadings,
}

impl TryFrom<RegimeRepr> for Regime {
    type Error = RegimeError;
    fn try_from(r: RegimeRepr) -> Result<Self, Self::Error> {
        if r.schema_version != REGIME_SCHEMA_VERSION {
            return Err(RegimeError::SchemaVersion(r.schema_version));
        }
        let regime = Regime {
            name: r.name,
            discretion: r.discretion,
            mitigation_floor: r.mitigation_floor,
            first_violation: r.first_violation,
            consistency: r.consistency,
            summary: r.summary,
            hearing: r.hearing,
            legal_review: r.legal_review,
            aggravation: r.aggravation,
            recognised_aggravating: r.recognised_aggravating,
            recognised_mitigating: r.recognised_mitigating,
            decision_period_days: r.decision_period_days,
            limitation_holiday_extension: r.limitation_holiday_extension,
            observation_period: r.observation_period,
            transition_period_max: r.transition_period_max,
            follow_up_days: r.follow_up_days,
            correction_days: r.correction_days,
            calendar: WorkCalendar::china(),
            readings: r.readings,
        };
        regime.validate()?;
        Ok(regime)
    }
}

impl From<Regime> for RegimeRepr {
    fn from(r: Regime) -> Self {
        RegimeRepr {
            schema_version: REGIME_SCHEMA_VERSION,
            name: r.name,
            discretion: r.discretion,
            mitigation_floor: r.mitigation_floor,
            first_violation: r.first_violation,
            consistency: r.consistency,
            summary: r.summary,
            hearing: r.hearing,
            legal_review: r.legal_review,
            aggravation: r.aggravation,
            recognised_aggravating: r.recognised_aggravating,
            recognised_mitigating: r.recognised_mitigating,
            decision_period_days: r.decision_period_days,
            limitation_holiday_extension: r.limitation_holiday_extension,
            observation_period: r.observation_period,
            transition_period_max: r.transition_period_max,
            follow_up_days: r.follow_up_days,
            correction_days: r.correction_days,
            readings: r.readings,
        }
    }
}

const LOCAL_AGGRAVATING: &[Aggravating] = &[
    Aggravating::EndangersSafety,
    Aggravating::Egregious,
    Aggravating::ContinuedAfterPenalty,
    Aggravating::PrincipalRole,
    Aggravating::Recidivist,
    Aggravating::Obstruction,
    Aggravating::DestroyedEvidence,
    Aggravating::CoercedOthers,
    Aggravating::Retaliation,
    Aggravating::DuringEmergency,
];

impl Regime {
    /// The statute's defaults with the most widely published local values.
    ///
    /// | knob | value | source |
    /// |---|---|---|
    /// | 从轻 / 从重 bands | lower 30 % / upper 30 % | Jiangsu, Guangzhou benchmarks |
    /// | 减轻 floor | none | no source |
    /// | 首违 | 24 months, same item | SAMR 2025 |
    /// | Art. 51 | ¥200 / ¥3,000 inclusive | Art. 51, 民法典 Art. 1259 |
    /// | 较大数额 | ¥10,000 / ¥100,000 | SAMR hearing rule fallback |
    /// | legal review | Art. 58 only | Art. 58 |
    /// | aggravation | Art. 49 only (mandatory by law); no local circumstance | Art. 49 |
    /// | readings | see [`StatutoryReadings::default`] | Arts. 28, 30, 32, 37 |
    /// | Art. 60 | 90 days | Art. 60 |
    /// | 观察期 / 过渡期 / 回访 | 1 year / 6 months / 30 days | Hechi; unconfirmed |
    pub fn national() -> Regime {
        Regime {
            name: "national".to_owned(),
            discretion: DiscretionBands { lighter_upper_permille: 300, heavier_lower_permille: 700 },
            mitigation_floor: MitigationFloor::None,
            first_violation: FirstViolationPolicy {
                window: Window::Months(24),
                scope: FirstViolationScope::SameItem,
            },
            consistency: ConsistencyPolicy::default(),
            summary: SummaryThresholds {
                natural_person: Money::yuan(200),
                organisation: Money::yuan(3_000),
                inclusive: true,
            },
            hearing: HearingThresholds {
                natural_person: Money::yuan(10_000),
                organisation: Money::yuan(100_000),
            },
            legal_review: LegalReviewPolicy {
                all_lenient_decisions: false,
                fine_natural_person: None,
                fine_organisation: None,
                beyond_benchmark: false,
                sources: LegalReviewSources::default(),
            },
            aggravation: AggravationPolicy::Discretionary,
            recognised_aggravating: Vec::new(),
            recognised_mitigating: vec![Mitigating::SecondaryRole, Mitigating::VoluntarilyStopped],
            decision_period_days: 90,
            limitation_holiday_extension: false,
            observation_period: Period::Years(1),
            transition_period_max: Period::Months(6),
            follow_up_days: 30,
            correction_days: 15,
            calendar: WorkCalendar::china(),
            readings: StatutoryReadings::default(),
        }
    }

    /// A sample county regime following the Shandan plan (山司发〔2021〕52号).
    ///
    /// Differences from [`Regime::national()`]: every flexible or 两轻一免
    /// decision needs legal review ("要将采取柔性执法方式和适用“两轻一免”情形的执法决定
    /// 纳入重大执法决定法制审核范围", plan 四(三)); fines of ¥10,000 (citizen) /
    /// ¥100,000 (organisation) and decisions outside the 一般 band also need it
    /// (a published 重大执法决定法制审核目录, items 1 and 6); each of these rules
    /// cites its own document ([`LegalReviewSources`]), never Art. 58 ¶1 (四),
    /// since neither document is a 法律 or 法规; first violation is counted in the same
    /// domain over 24 months; the local aggravating circumstances of the
    /// published benchmarks count, and 从重 is mandatory.
    pub fn shandan_sample() -> Regime {
        let mut r = Regime::national();
        r.name = "shandan_sample".to_owned();
        r.legal_review = LegalReviewPolicy {
            all_lenient_decisions: true,
            fine_natural_person: Some(Money::yuan(10_000)),
            fine_organisation: Some(Money::yuan(100_000)),
            beyond_benchmark: true,
            sources: LegalReviewSources {
                flexible_decision: Some(Source::Bundled(PLAN_REVIEW_OF_FLEXIBLE)),
                large_fine: sample_review_catalogue("序号1", None),
                beyond_benchmark: sample_review_catalogue(
                    "序号6",
                    Some("超出自由裁量权标准，拟作出减轻或加重处罚的"),
                ),
            },
        };
        r.first_violation.scope = FirstViolationScope::SameDomain;
        // The county adopts the local benchmarks' aggravating circumstances,
        // worded "有下列情形之一的，应当依法从重处罚".
        r.aggravation = AggravationPolicy::Mandatory;
        r.recognised_aggravating = LOCAL_AGGRAVATING.to_vec();
        r
    }

    /// Checks the knobs' consistency.
    ///
    /// # Errors
    ///
    /// Returns an error when the bands are out of order or above 1000 ‰, a
    /// threshold is zero, a window or period is empty, or a list repeats a
    /// value.
    pub fn validate(&self) -> Result<(), RegimeError> {
        let d = self.discretion;
        if d.lighter_upper_permille > d.heavier_lower_permille || d.heavier_lower_permille > 1000 {
            return Err(RegimeError::Bands {
                lighter: d.lighter_upper_permille,
                heavier: d.heavier_lower_permille,
            });
        }
        if self.summary.natural_person.is_zero() || self.summary.organisation.is_zero() {
            return Err(RegimeError::Zero { field: "summary" });
        }
        if self.hearing.natural_person.is_zero() || self.hearing.organisation.is_zero() {
            return Err(RegimeError::Zero { field: "hearing" });
        }
        if matches!(self.first_violation.window, Window::Months(0)) {
            return Err(RegimeError::Zero { field: "first_violation.window" });
        }
        if self.decision_period_days == 0 {
            return Err(RegimeError::Zero { field: "decision_period_days" });
        }
        if self.observation_period.count() == 0 {
            return Err(RegimeError::Zero { field: "observation_period" });
        }
        if self.correction_days == 0 {
            return Err(RegimeError::Zero { field: "correction_days" });
        }
        if self.transition_period_max.count() == 0 {
            return Err(RegimeError::Zero { field: "transition_period_max" });
        }
        // Periods beyond ten years are typing errors, not policy (Art. 60 sets
        // ninety days; no period of the Law or the plan comes near ten years).
        for (field, days) in [
            ("decision_period_days", self.decision_period_days),
            ("correction_days", self.correction_days),
            ("follow_up_days", self.follow_up_days),
        ] {
            if days > MAX_PERIOD_DAYS {
                return Err(RegimeError::Implausible { field, value: days });
            }
        }
        for (field, p) in [
            ("observation_period", self.observation_period),
            ("transition_period_max", self.transition_period_max),
        ] {
            let last = p.last_day(crate::record::FIRST_PLAUSIBLE_DAY);
            let limit = crate::calendar::add_days(crate::record::FIRST_PLAUSIBLE_DAY, MAX_PERIOD_DAYS);
            if last.is_none() || last > limit {
                return Err(RegimeError::Implausible { field, value: p.count() });
            }
        }
        if let MitigationFloor::PermilleOfMinimum(p) = self.mitigation_floor {
            if p >= 1000 {
                return Err(RegimeError::Floor(p));
            }
        }
        for (i, a) in self.recognised_aggravating.iter().enumerate() {
            if self.recognised_aggravating.iter().skip(i + 1).any(|b| b == a) {
                return Err(RegimeError::Duplicate { field: "recognised_aggravating", value: a.to_string() });
            }
        }
        for (i, a) in self.recognised_mitigating.iter().enumerate() {
            if self.recognised_mitigating.iter().skip(i + 1).any(|b| b == a) {
                return Err(RegimeError::Duplicate { field: "recognised_mitigating", value: a.to_string() });
            }
        }
        self.validate_review_sources()
    }

    /// Loads a regime from JSON (all fields required, unknown fields
    /// rejected) and validates it. Errors name the file as `regime`.
    ///
    /// # Errors
    ///
    /// Returns an error naming line, field and value when the text is not a
    /// regime or [`Regime::validate`] fails.
    pub fn from_json(text: &str) -> Result<Regime, LoadError> {
        Regime::from_json_named("regime", text)
    }

    /// As [`Regime::from_json`], naming `file` in errors.
    ///
    /// # Errors
    ///
    /// See [`Regime::from_json`].
    pub fn from_json_named(file: &str, text: &str) -> Result<Regime, LoadError> {
        let repr: RegimeRepr = parse_json(file, text)?;
        Regime::try_from(repr).map_err(|e| {
            let field = e.field();
            let key = field.split('.').next().unwrap_or(field);
            let (line, column) = line_of(text, &format!("\"{key}\""));
            LoadError::new(file, line, column, field.to_owned(), e.to_string())
        })
    }

    /// The regime as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Whether a local aggravating circumstance is recognised (Art. 49 always is).
    pub fn recognises_aggravating(&self, a: Aggravating) -> bool {
        a == Aggravating::EmergencyMeasures || self.recognised_aggravating.contains(&a)
    }

    /// Whether a mitigating circumstance is recognised (Art. 32's always are).
    pub fn recognises_mitigating(&self, m: Mitigating) -> bool {
        m.art_32_item().is_some() || self.recognised_mitigating.contains(&m)
    }

    /// The source a legal-review trigger cites under this regime.
    ///
    /// Art. 58 ¶1 (一)–(三) cite the statute. A trigger the regime sets cites
    /// the document its knob names ([`LegalReviewSources`]); a knob that names
    /// none cites the regime itself, by its name and the knob's field:
    /// `《name》legal_review.beyond_benchmark`. Nothing here cites Art. 58 ¶1
    /// (四): a regime's rule is that item only where its source is a 法律 or a
    /// 法规 ([`Rank::is_law_or_regulation`]), and then the source names it.
    ///
    /// # Legal basis
    ///
    /// 《中华人民共和国行政处罚法》第五十八条第一款第（四）项: "法律、法规规定应当进行法制审核的其他情形".
    ///
    /// ```
    /// use rouxing::Regime;
    /// use rouxing::decision::ReviewTrigger;
    /// use rouxing::law::Citation;
    ///
    /// let county = Regime::shandan_sample();
    /// assert_eq!(
    ///     county.review_source(ReviewTrigger::FlexibleDecision).to_string(),
    ///     "《山丹县全面推行行政柔性执法进一步优化营商环境工作实施方案》第四部分第（三）项"
    /// );
    /// assert_eq!(county.review_source(ReviewTrigger::LargeFine).to_string(), "《重大执法决定法制审核目录》序号1");
    /// assert_ne!(county.review_source(ReviewTrigger::LargeFine), Citation::apl(58).para(1).item(4));
    /// assert_eq!(
    ///     Regime::national().review_source(ReviewTrigger::Complex),
    ///     Citation::apl(58).para(1).item(3)
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn review_source(&self, trigger: ReviewTrigger) -> Source {
        let sources = &self.legal_review.sources;
        let (given, knob) = match trigger {
            ReviewTrigger::MajorPublicInterest => return Source::Bundled(Citation::apl(58).para(1).item(1)),
            ReviewTrigger::MajorRightsAfterHearing => {
                return Source::Bundled(Citation::apl(58).para(1).item(2));
            }
            ReviewTrigger::Complex => return Source::Bundled(Citation::apl(58).para(1).item(3)),
            ReviewTrigger::FlexibleDecision => (&sources.flexible_decision, "all_lenient_decisions"),
            ReviewTrigger::LargeFine => (&sources.large_fine, "fine_natural_person"),
            ReviewTrigger::BeyondBenchmark => (&sources.beyond_benchmark, "beyond_benchmark"),
        };
        match given {
            Some(s) => s.clone(),
            None => self.own_rule(knob),
        }
    }

    /// The regime itself as the source of a knob that names no document.
    fn own_rule(&self, knob: &str) -> Source {
        let name = if self.name.trim().is_empty() { "执法规则" } else { self.name.trim() };
        let name: String = name.chars().filter(|c| !c.is_control()).collect();
        match DocumentCitation::new(
            format!("《{name}》"),
            format!("legal_review.{knob}"),
            Rank::NormativeDocument,
        ) {
            Ok(d) => Source::Document(d),
            // Unreachable: the name is not blank and holds no control
            // character; the statute's general review rule is the fallback.
            Err(_) => Source::Bundled(Citation::apl(58).para(1)),
        }
    }

    /// Whether a rule of the regime rests on the instrument: one of its
    /// legal-review knobs names a provision of it as its source.
    ///
    /// The guard cites the county plan's own provisions (its 四(二) against
    /// 执法放水 / 柔性滥用, its 五(二) on the safety baseline) only under a
    /// regime that adopts the plan; under any other it cites the statute.
    ///
    /// ```
    /// use rouxing::Regime;
    /// use rouxing::law::Instrument;
    ///
    /// assert!(Regime::shandan_sample().adopts(Instrument::ShandanFlexibleEnforcementPlan));
    /// assert!(!Regime::national().adopts(Instrument::ShandanFlexibleEnforcementPlan));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn adopts(&self, instrument: Instrument) -> bool {
        let s = &self.legal_review.sources;
        [&s.flexible_decision, &s.large_fine, &s.beyond_benchmark]
            .into_iter()
            .flatten()
            .any(|src| src.citation().is_some_and(|c| c.instrument() == instrument))
    }

    fn validate_review_sources(&self) -> Result<(), RegimeError> {
        let p = &self.legal_review;
        let knobs: [(&'static str, bool, &Option<Source>); 3] = [
            ("legal_review.sources.flexible_decision", p.all_lenient_decisions, &p.sources.flexible_decision),
            (
                "legal_review.sources.large_fine",
                p.fine_natural_person.is_some() || p.fine_organisation.is_some(),
                &p.sources.large_fine,
            ),
            ("legal_review.sources.beyond_benchmark", p.beyond_benchmark, &p.sources.beyond_benchmark),
        ];
        for (field, on, source) in knobs {
            let Some(source) = source else { continue };
            if !on {
                return Err(RegimeError::SourceWithoutRule { field, cited: source.legal_name() });
            }
            if let Source::Bundled(c) = source {
                if c.instrument() == Instrument::AdministrativePenaltyLaw && c.article() == 58 {
                    return Err(RegimeError::StatuteAsSource { field });
                }
                if !c.is_known() {
                    return Err(RegimeError::UnknownSource { field, cited: c.legal_name() });
                }
            }
        }
        Ok(())
    }
}

/// The error returned when regime knobs are inconsistent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegimeError {
    /// Bands out of order.
    #[error(
        "discretion bands out of order: lighter upper `{lighter}` ‰ must not exceed heavier lower `{heavier}` ‰, which must not exceed 1000 ‰"
    )]
    Bands {
        /// The 从轻 upper edge.
        lighter: u16,
        /// The 从重 lower edge.
        heavier: u16,
    },
    /// A zero threshold or period.
    #[error("field `{field}` must not be zero")]
    Zero {
        /// The field.
        field: &'static str,
    },
    /// A floor at or above the minimum.
    #[error("mitigation floor `{0}` ‰ of the minimum must be below 1000 ‰")]
    Floor(u16),
    /// A list repeats a value.
    #[error("field `{field}` lists `{value}` twice")]
    Duplicate {
        /// The field.
        field: &'static str,
        /// The value.
        value: String,
    },
    /// The schema version is not supported.
    #[error("unsupported schema version `{0}`: this release reads version 1")]
    SchemaVersion(u32),
    /// A legal-review source for a knob that is off.
    #[error("field `{field}` names `{cited}`, but the rule it is the source of is off")]
    SourceWithoutRule {
        /// The field.
        field: &'static str,
        /// The source named.
        cited: String,
    },
    /// A legal-review source cites Art. 58 itself.
    #[error(
        "field `{field}` cites 《中华人民共和国行政处罚法》第五十八条 itself: item (四) needs the 法律 or 法规 that requires the review; cite it as a document of rank `law`, `administrative_regulation` or `local_regulation`"
    )]
    StatuteAsSource {
        /// The field.
        field: &'static str,
    },
    /// A bundled legal-review source whose text rouxing does not carry.
    #[error("field `{field}` cites `{cited}`, whose text rouxing does not carry: cite it as a document")]
    UnknownSource {
        /// The field.
        field: &'static str,
        /// The citation.
        cited: String,
    },
    /// A period longer than ten years.
    #[error("field `{field}` is `{value}`: periods are at most ten years ({MAX_PERIOD_DAYS} days)")]
    Implausible {
        /// The field.
        field: &'static str,
        /// The value given (days, or the period's count in its unit).
        value: u32,
    },
}

/// The longest period a regime may set, in days: ten years.
pub const MAX_PERIOD_DAYS: u32 = 3_653;

/// 同事同罚 in the batch audit: how far the fines of cases with the same item,
/// the same material facts and the same tier may spread before the audit
/// flags them ([`audit::consistency`](crate::audit::consistency)).
///
/// On the wire: `{"fine_tolerance_permille": 100}` (optional in a regime
/// document; the default applies when absent).
///
/// # The measure
///
/// Where every fine of the tier in the group has its lawful band (the
/// 裁量基准 band the assessment found for the tier, with a maximum above its
/// minimum), the spread is that of the fines' positions in their bands, in ‰
/// of the band's width: a fine that is a multiple of the goods value then
/// compares by where it sits, not by its size. Otherwise the spread is the
/// largest fine's excess over the smallest, in ‰ of the smallest.
///
/// # Legal basis
///
/// 山丹县实施方案 四(二) "同事同罚" and 六(三) "防止…“同事不同罚”"; 国办发〔2022〕27号 on
/// removing "类案不同罚"; the published equal-treatment rule "对事实、性质、情节、后果
/// 相同的情况应当给予相同的处理". None fixes a number (unconfirmed): the default of
/// 100 ‰ is a choice. The national 裁量基准 bands are 30 % of the range wide
/// (从轻 and 从重) or 40 % (一般); one tenth of a band is less than any
/// step a benchmark draws inside a band, so same facts in the same tier should
/// never be further apart — and a fine moved by a tenth of its band or more
/// between same-fact cases is what a supervisor is asked to look at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConsistencyPolicy {
    /// The largest spread that is not flagged, in ‰ (default 100).
    pub fine_tolerance_permille: u32,
}

impl ConsistencyPolicy {
    /// The default tolerance, 100 ‰ (one tenth of the band, or of the
    /// smaller fine).
    pub const DEFAULT_FINE_TOLERANCE_PERMILLE: u32 = 100;
}

impl Default for ConsistencyPolicy {
    fn default() -> Self {
        ConsistencyPolicy { fine_tolerance_permille: Self::DEFAULT_FINE_TOLERANCE_PERMILLE }
    }
}

impl RegimeError {
    /// The path of the field the error concerns.
    pub fn field(&self) -> &'static str {
        match self {
            RegimeError::Bands { .. } => "discretion",
            RegimeError::Zero { field }
            | RegimeError::Duplicate { field, .. }
            | RegimeError::Implausible { field, .. }
            | RegimeError::SourceWithoutRule { field, .. }
            | RegimeError::StatuteAsSource { field }
            | RegimeError::UnknownSource { field, .. } => field,
            RegimeError::Floor(_) => "mitigation_floor",
            RegimeError::SchemaVersion(_) => "schema_version",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn bands_split_range() {
        let b = DiscretionBands { lighter_upper_permille: 300, heavier_lower_permille: 700 };
        let r = FineBounds::new(Money::yuan(1_000), Money::yuan(10_000)).unwrap();
        assert_eq!(b.lighter(r), FineBounds::new(Money::yuan(1_000), Money::yuan(3_700)).unwrap());
        assert_eq!(b.heavier(r), FineBounds::new(Money::yuan(7_300), Money::yuan(10_000)).unwrap());
        assert_eq!(
            b.ordinary(r),
            Some(FineBounds::new(Money::from_fen(370_001), Money::from_fen(729_999)).unwrap())
        );
        let narrow = FineBounds::new(Money::from_fen(100), Money::from_fen(101)).unwrap();
        assert_eq!(b.ordinary(narrow), None);
    }

    #[test]
    fn lighter_band_of_an_up_to_range_holds_a_positive_fine() {
        // "处……元以下罚款": L = 0. 从轻 starts at 1 分, and even a 0 ‰ band holds it.
        let up_to = FineBounds::new(Money::ZERO, Money::yuan(1_000)).unwrap();
        let b = DiscretionBands { lighter_upper_permille: 300, heavier_lower_permille: 700 };
        assert_eq!(b.lighter(up_to), FineBounds::new(Money::from_fen(1), Money::yuan(300)).unwrap());
        let zero = DiscretionBands { lighter_upper_permille: 0, heavier_lower_permille: 917 };
        assert_eq!(zero.lighter(up_to), FineBounds::new(Money::from_fen(1), Money::from_fen(1)).unwrap());
        let fixed = FineBounds::new(Money::yuan(500), Money::yuan(500)).unwrap();
        assert_eq!(zero.lighter(fixed), fixed);
    }

    #[test]
    fn window_months_inclusive() {
        let w = Window::Months(24);
        assert!(w.contains(d(2022, 3, 1), d(2024, 3, 1)));
        assert!(!w.contains(d(2022, 2, 28), d(2024, 3, 1)));
        assert!(Window::CalendarYear.contains(d(2024, 1, 1), d(2024, 12, 31)));
        assert!(!Window::CalendarYear.contains(d(2023, 12, 31), d(2024, 1, 1)));
    }

    #[test]
    fn regime_json_round_trip_and_errors() {
        for r in [Regime::national(), Regime::shandan_sample()] {
            assert_eq!(Regime::from_json(&r.to_json()).unwrap(), r);
        }
        let mut bad = Regime::national();
        bad.discretion.lighter_upper_permille = 800;
        let err = Regime::from_json(&bad.to_json()).unwrap_err();
        assert!(
            err.to_string().contains(
                "discretion bands out of order: lighter upper `800` ‰ must not exceed heavier lower `700` ‰"
            ),
            "{err}"
        );
    }

    #[test]
    fn summary_inclusive_boundary() {
        let s = Regime::national().summary;
        assert!(s.admits(Money::yuan(200), true));
        assert!(!s.admits(Money::from_fen(20_001), true));
        assert!(s.admits(Money::yuan(3_000), false));
        assert!(!s.admits(Money::from_fen(300_001), false));
        let excl = SummaryThresholds { inclusive: false, ..s };
        assert!(!excl.admits(Money::yuan(200), true));
    }
}
