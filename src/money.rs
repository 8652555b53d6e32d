//! Exact amounts of money (金额) and statutory fine rules (罚款幅度).
//!
//! Every amount is a whole number of 分 (fen, ¥0.01) in a [`Money`]; no float
//! ever touches legal arithmetic. Percentages of a range are computed in
//! integer per-mille with the rounding direction stated at each use.
//!
//! On the wire an amount is a decimal string of yuan with at most two
//! decimals — `"1500"`, `"1500.5"`, `"1500.50"` or `"¥1,500.50"` on input,
//! always `"1500.00"` on output — so that no JSON reader can turn it into a
//! binary float.
//!
//! ```
//! use rouxing::money::{FineRule, Money};
//!
//! let fine = FineRule::range(Money::from_yuan(1_000)?, Money::from_yuan(10_000)?)?;
//! let bounds = fine.bounds(&Default::default()).ok_or("no bounds")?;
//! assert_eq!(bounds.max().to_string(), "¥10,000.00");
//! assert_eq!("¥1,234.50".parse::<Money>()?.fen(), 123_450);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// An exact, non-negative amount of money in 分 (fen).
///
/// `Ord` is the natural order of amounts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(description = "金额: a decimal string of yuan, exact to the 分; `\"1500\"`, `\"1500.5\"` or `\"¥1,500.50\"` on input, always two decimals on output (`\"1500.00\"` is 150000 分). Never a JSON number.", extend("pattern" = "^¥?[0-9][0-9,]*(\\.[0-9]{1,2})?$", "examples" = ["1500.00"])))]
#[serde(try_from = "String", into = "String")]
pub struct Money(u64);

impl Money {
    /// Zero.
    pub const ZERO: Money = Money(0);

    /// The largest representable amount (`u64::MAX` 分).
    pub const MAX: Money = Money(u64::MAX);

    /// The largest amount a loader accepts as an input amount or a statutory
    /// fine bound: ¥1,000,000,000,000.00 (一万亿元, 10¹⁴ 分).
    ///
    /// No fine in any Chinese statute, and no 违法所得, 货值金额, 违法经营额 or
    /// unpaid tax established in a single case, comes near it; with
    /// [`Multiplier::PLAUSIBLE_MAX`] the largest multiple-based fine is
    /// 10¹⁸ 分, below [`Money::MAX`], so no computation on loaded data can
    /// overflow. An amount above it is a typing error (a value in 分 entered
    /// as yuan, digits repeated), refused with the field's name.
    ///
    /// ```
    /// use rouxing::money::Money;
    /// assert_eq!(Money::PLAUSIBLE_MAX.to_string(), "¥1,000,000,000,000.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const PLAUSIBLE_MAX: Money = Money(100_000_000_000_000);

    /// An amount of `fen` 分.
    ///
    /// ```
    /// use rouxing::money::Money;
    /// assert_eq!(Money::from_fen(20_001).to_string(), "¥200.01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn from_fen(fen: u64) -> Money {
        Money(fen)
    }

    /// An amount of whole yuan.
    ///
    /// # Errors
    ///
    /// Returns an error when the amount in fen does not fit in 64 bits.
    ///
    /// ```
    /// use rouxing::money::Money;
    /// assert_eq!(Money::from_yuan(200)?.fen(), 20_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn from_yuan(yuan: u64) -> Result<Money, ParseMoneyError> {
        match yuan.checked_mul(100) {
            Some(fen) => Ok(Money(fen)),
            None => Err(ParseMoneyError { kind: MoneyErrorKind::Overflow }),
        }
    }

    /// A constant amount of whole yuan, for statutory thresholds.
    ///
    /// # Panics
    ///
    /// Panics (at compile time when used in a `const`) when the amount in fen
    /// does not fit in 64 bits.
    ///
    /// ```
    /// use rouxing::money::Money;
    /// const ART_51_PERSON: Money = Money::yuan(200);
    /// assert_eq!(ART_51_PERSON.fen(), 20_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[expect(clippy::panic, reason = "const constructor for statutory constants, documented")]
    pub const fn yuan(yuan: u64) -> Money {
        match yuan.checked_mul(100) {
            Some(fen) => Money(fen),
            None => panic!("amount overflows"),
        }
    }

    /// The amount in 分.
    pub const fn fen(self) -> u64 {
        self.0
    }

    /// Whether the amount is zero.
    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// `self + other`, or `None` on overflow.
    pub const fn checked_add(self, other: Money) -> Option<Money> {
        match self.0.checked_add(other.0) {
            Some(v) => Some(Money(v)),
            None => None,
        }
    }

    /// `self − other`, or `None` when `other` is larger.
    pub const fn checked_sub(self, other: Money) -> Option<Money> {
        match self.0.checked_sub(other.0) {
            Some(v) => Some(Money(v)),
            None => None,
        }
    }

    /// `self − other`, or zero when `other` is larger.
    pub const fn saturating_sub(self, other: Money) -> Money {
        Money(self.0.saturating_sub(other.0))
    }

    /// `self + other`, or the largest amount on overflow.
    pub const fn saturating_add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }

    /// `self × n`, or `None` on overflow.
    pub const fn checked_mul(self, n: u64) -> Option<Money> {
        match self.0.checked_mul(n) {
            Some(v) => Some(Money(v)),
            None => None,
        }
    }

    /// `self × permille / 1000`, rounded down to the fen, or `None` on
    /// overflow.
    ///
    /// ```
    /// use rouxing::money::Money;
    /// assert_eq!(Money::from_fen(1_001).mul_permille_floor(300), Some(Money::from_fen(300)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn mul_permille_floor(self, permille: u32) -> Option<Money> {
        match (self.0 as u128).checked_mul(permille as u128) {
            Some(v) => {
                let q = v / 1000;
                if q > u64::MAX as u128 { None } else { Some(Money(q as u64)) }
            }
            None => None,
        }
    }

    /// `self × permille / 1000`, rounded up to the fen, or `None` on overflow.
    pub const fn mul_permille_ceil(self, permille: u32) -> Option<Money> {
        match (self.0 as u128).checked_mul(permille as u128) {
            Some(v) => {
                let q = v.div_ceil(1000);
                if q > u64::MAX as u128 { None } else { Some(Money(q as u64)) }
            }
            None => None,
        }
    }

    /// The smallest whole-yuan amount not below `self`, or `None` on overflow.
    pub const fn ceil_to_yuan(self) -> Option<Money> {
        match self.0.checked_next_multiple_of(100) {
            Some(v) => Some(Money(v)),
            None => None,
        }
    }

    /// The amount as the plain decimal string used on the wire, `"1500.00"`.
    pub fn to_decimal_string(self) -> String {
        format!("{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

impl fmt::Display for Money {
    /// `¥1,234.50`: yuan sign, thousands separators, two decimals.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let yuan = (self.0 / 100).to_string();
        let mut grouped = String::with_capacity(yuan.len() + yuan.len() / 3);
        for (i, ch) in yuan.chars().enumerate() {
            if i > 0 && (yuan.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        write!(f, "¥{grouped}.{:02}", self.0 % 100)
    }
}

impl FromStr for Money {
    type Err = ParseMoneyError;

    /// Parses `1500`, `1500.5`, `1500.50`, `¥1,500.50`, `1500元` or
    /// `1500.00元`: yuan with at most two decimals, optional `¥`/`￥` sign,
    /// optional thousands commas, optional trailing `元`.
    fn from_str(s: &str) -> Result<Money, ParseMoneyError> {
        let err = |kind| ParseMoneyError { kind };
        let t = s.trim();
        let t = t.strip_prefix('¥').or_else(|| t.strip_prefix('￥')).unwrap_or(t);
        let t = t.strip_suffix('元').unwrap_or(t);
        if t.is_empty() {
            return Err(err(MoneyErrorKind::Invalid(s.to_owned())));
        }
        if t.starts_with('-') {
            return Err(err(MoneyErrorKind::Negative(s.to_owned())));
        }
        let (int, frac) = match t.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (t, None),
        };
        let digits: String = if int.contains(',') {
            // Thousands separators must be well placed: 1,500 not 15,00.
            let mut groups = int.split(',');
            let first = groups.next().unwrap_or("");
            if first.is_empty() || first.len() > 3 || groups.clone().any(|g| g.len() != 3) {
                return Err(err(MoneyErrorKind::Invalid(s.to_owned())));
            }
            int.replace(',', "")
        } else {
            int.to_owned()
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err(MoneyErrorKind::Invalid(s.to_owned())));
        }
        let frac_fen = match frac {
            None => 0,
            Some(f) if f.is_empty() || f.len() > 2 || !f.bytes().all(|b| b.is_ascii_digit()) => {
                return Err(err(MoneyErrorKind::Invalid(s.to_owned())));
            }
            Some(f) => {
                let v: u64 = f.parse().map_err(|_| err(MoneyErrorKind::Invalid(s.to_owned())))?;
                if f.len() == 1 { v * 10 } else { v }
            }
        };
        let yuan: u64 = digits.parse().map_err(|_| err(MoneyErrorKind::Overflow))?;
        yuan.checked_mul(100)
            .and_then(|f| f.checked_add(frac_fen))
            .map(Money)
            .ok_or(err(MoneyErrorKind::Overflow))
    }
}

impl TryFrom<String> for Money {
    type Error = ParseMoneyError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Money> for String {
    fn from(m: Money) -> String {
        m.to_decimal_string()
    }
}

/// The error returned when a string is not an amount of money.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{kind}")]
pub struct ParseMoneyError {
    kind: MoneyErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
enum MoneyErrorKind {
    #[error("invalid amount `{0}`: expected yuan with at most two decimals, such as `1500.00`")]
    Invalid(String),
    #[error("negative amount `{0}`: amounts of money are never negative")]
    Negative(String),
    #[error("amount too large")]
    Overflow,
}

/// A multiple of a base amount (倍数), exact to a thousandth: `5` for
/// "五倍", `0.5` for "百分之五十".
///
/// On the wire a decimal string such as `"5"` or `"0.5"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
pub struct Multiplier(u32);

impl Multiplier {
    /// The largest multiple a loader accepts: ×10,000 (the largest multiple
    /// in the statutes is in the tens).
    pub const PLAUSIBLE_MAX: Multiplier = Multiplier(10_000_000);

    /// A multiple given in thousandths: `Multiplier::from_permille(500)` is ×0.5.
    pub const fn from_permille(permille: u32) -> Multiplier {
        Multiplier(permille)
    }

    /// A whole multiple: `Multiplier::times(5)` is ×5.
    ///
    /// # Errors
    ///
    /// Returns an error when the multiple does not fit.
    pub const fn times(n: u32) -> Result<Multiplier, ParseMoneyError> {
        match n.checked_mul(1000) {
            Some(p) => Ok(Multiplier(p)),
            None => Err(ParseMoneyError { kind: MoneyErrorKind::Overflow }),
        }
    }

    /// The multiple in thousandths.
    pub const fn permille(self) -> u32 {
        self.0
    }

    /// `base × self`, rounded down to the fen, or `None` on overflow.
    pub const fn apply(self, base: Money) -> Option<Money> {
        base.mul_permille_floor(self.0)
    }
}

impl fmt::Display for Multiplier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / 1000;
        let frac = self.0 % 1000;
        if frac == 0 {
            write!(f, "{whole}")
        } else {
            let s = format!("{frac:03}");
            write!(f, "{whole}.{}", s.trim_end_matches('0'))
        }
    }
}

impl FromStr for Multiplier {
    type Err = ParseMoneyError;
    fn from_str(s: &str) -> Result<Multiplier, ParseMoneyError> {
        let bad = || ParseMoneyError { kind: MoneyErrorKind::Invalid(s.to_owned()) };
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        if int.is_empty()
            || !int.bytes().all(|b| b.is_ascii_digit())
            || frac.len() > 3
            || !frac.bytes().all(|b| b.is_ascii_digit())
            || (s.contains('.') && frac.is_empty())
        {
            return Err(bad());
        }
        let whole: u32 = int.parse().map_err(|_| bad())?;
        let mut f: u32 = if frac.is_empty() { 0 } else { frac.parse().map_err(|_| bad())? };
        for _ in frac.len()..3 {
            f *= 10;
        }
        whole.checked_mul(1000).and_then(|w| w.checked_add(f)).map(Multiplier).ok_or_else(bad)
    }
}

impl TryFrom<String> for Multiplier {
    type Error = ParseMoneyError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Multiplier> for String {
    fn from(m: Multiplier) -> String {
        m.to_string()
    }
}

vocabulary! {
    /// The base amount a multiple-based fine is computed on.
    ///
    /// This enum is non-exhaustive so that other bases may be added in semver
    /// compatible releases.
    ///
    /// # JSON
    ///
    /// A JSON string, one of these codes:
    ///
    /// | code | 中文 |
    /// |---|---|
    /// | `illegal_gains` | 违法所得 |
    /// | `goods_value` | 货值金额 |
    /// | `illegal_turnover` | 违法经营额 |
    /// | `tax_unpaid` | 不缴或者少缴的税款 |
    ///
    /// ```
    /// use rouxing::money::AmountBase;
    ///
    /// let amount_base: AmountBase = serde_json::from_str(r#""illegal_gains""#)?;
    /// assert_eq!(amount_base, AmountBase::IllegalGains);
    /// assert_eq!(serde_json::to_string(&amount_base)?, r#""illegal_gains""#);
    /// # let codes = [("illegal_gains", "违法所得"), ("goods_value", "货值金额"), ("illegal_turnover", "违法经营额"), ("tax_unpaid", "不缴或者少缴的税款")];
    /// # assert_eq!(AmountBase::ALL.len(), codes.len());
    /// # for (v, (code, name)) in AmountBase::ALL.iter().zip(codes) {
    /// #     assert_eq!(serde_json::to_value(v)?, code);
    /// #     assert_eq!(serde_json::from_value::<AmountBase>(code.into())?, *v);
    /// #     assert_eq!(v.legal_name(), name);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[non_exhaustive]
    pub enum AmountBase {
        /// 违法所得: "实施违法行为所取得的款项" (行政处罚法 Art. 28 ¶2).
        IllegalGains => "违法所得",
        /// 货值金额: the value of the goods involved.
        GoodsValue => "货值金额",
        /// 违法经营额 / 违法收入: the turnover of the illegal business.
        IllegalTurnover => "违法经营额",
        /// 不缴或者少缴的税款: tax not paid.
        TaxUnpaid => "不缴或者少缴的税款",
    }
}

/// The amounts established in a case that multiple-based fines use.
///
/// An amount that was not established is `None`: a fine computed on it has no
/// bounds, and the assessment says so instead of guessing.
///
/// Deserializing refuses an amount above [`Money::PLAUSIBLE_MAX`], naming the
/// field. Amounts built in code are not bounded; a fine computed on one so
/// large that the statutory maximum is not representable keeps its duties
/// (see [`FineBounds::is_beyond_range`]).
///
/// ```
/// use rouxing::money::Amounts;
/// let err = serde_json::from_str::<Amounts>(r#"{"goods_value":"1000000000001"}"#).unwrap_err();
/// assert!(err.to_string().starts_with(
///     "`goods_value` amount `¥1,000,000,000,001.00` is above the plausible maximum `¥1,000,000,000,000.00`"
/// ));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, try_from = "AmountsRepr")]
pub struct Amounts {
    /// 违法所得.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub illegal_gains: Option<Money>,
    /// 货值金额.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods_value: Option<Money>,
    /// 违法经营额.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub illegal_turnover: Option<Money>,
    /// 不缴或者少缴的税款.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_unpaid: Option<Money>,
}

/// The unchecked wire form of [`Amounts`].
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct AmountsRepr {
    #[serde(default)]
    illegal_gains: Option<Money>,
    #[serde(default)]
    goods_value: Option<Money>,
    #[serde(default)]
    illegal_turnover: Option<Money>,
    #[serde(default)]
    tax_unpaid: Option<Money>,
}

impl TryFrom<AmountsRepr> for Amounts {
    type Error = ImplausibleAmountError;
    fn try_from(r: AmountsRepr) -> Result<Amounts, ImplausibleAmountError> {
        for (field, v) in [
            ("illegal_gains", r.illegal_gains),
            ("goods_value", r.goods_value),
            ("illegal_turnover", r.illegal_turnover),
            ("tax_unpaid", r.tax_unpaid),
        ] {
            check_plausible(field, v)?;
        }
        Ok(Amounts {
            illegal_gains: r.illegal_gains,
            goods_value: r.goods_value,
            illegal_turnover: r.illegal_turnover,
            tax_unpaid: r.tax_unpaid,
        })
    }
}

/// An input amount above [`Money::PLAUSIBLE_MAX`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{field}` amount `{value}` is above the plausible maximum `{}`", Money::PLAUSIBLE_MAX)]
pub struct ImplausibleAmountError {
    field: &'static str,
    value: Money,
}

impl ImplausibleAmountError {
    /// The field.
    pub const fn field(&self) -> &'static str {
        self.field
    }

    /// The amount refused.
    pub const fn value(&self) -> Money {
        self.value
    }
}

/// Refuses an amount above [`Money::PLAUSIBLE_MAX`], naming the field.
///
/// # Errors
///
/// Returns an [`ImplausibleAmountError`] naming `field` when `value` is above
/// the plausible maximum.
///
/// ```
/// use rouxing::money::{check_plausible, Money};
/// assert!(check_plausible("amount", Some(Money::yuan(5_000))).is_ok());
/// assert!(check_plausible("amount", Some(Money::MAX)).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_plausible(field: &'static str, value: Option<Money>) -> Result<(), ImplausibleAmountError> {
    match value {
        Some(v) if v > Money::PLAUSIBLE_MAX => Err(ImplausibleAmountError { field, value: v }),
        _ => Ok(()),
    }
}

impl Amounts {
    /// The established amount for a base, if any.
    pub const fn get(&self, base: AmountBase) -> Option<Money> {
        match base {
            AmountBase::IllegalGains => self.illegal_gains,
            AmountBase::GoodsValue => self.goods_value,
            AmountBase::IllegalTurnover => self.illegal_turnover,
            AmountBase::TaxUnpaid => self.tax_unpaid,
        }
    }
}

/// The statutory fine of a penalty provision (罚则中的罚款).
///
/// The statute words fines in a few fixed ways; each is a variant:
///
/// | statute | variant |
/// |---|---|
/// | "处一千元以上一万元以下罚款" | [`FineRule::Range`] |
/// | "可以处五万元以下的罚款" | [`FineRule::UpTo`] (no statutory minimum) |
/// | "处二百元罚款" | [`FineRule::Fixed`] |
/// | "处货值金额五倍以上十倍以下罚款；货值金额不足一万元的，处五万元以上十万元以下罚款" | [`FineRule::Multiple`] with a floor clause |
///
/// "以上" and "以下" include the number (民法典 Art. 1259), so both bounds of
/// a range are lawful amounts.
///
/// Construct through [`FineRule::range`], [`FineRule::up_to`],
/// [`FineRule::fixed`] or [`FineRule::multiple`], which reject inverted
/// ranges; deserializing goes through the same checks.
///
/// # JSON
///
/// A JSON object tagged by `kind`; amounts are decimal strings of yuan:
///
/// | code | 中文 |
/// |---|---|
/// | `range` | `min` 以上 `max` 以下 |
/// | `up_to` | `max` 以下 (no statutory minimum) |
/// | `fixed` | a fixed `amount` |
/// | `multiple` | `base` 的 `min` 倍以上 `max` 倍以下, with an optional floor clause `below` |
///
/// ```
/// use rouxing::money::FineRule;
///
/// let fine_rule = r#"{"kind": "range", "min": "1000.00", "max": "10000.00"}"#;
/// let rule: FineRule = serde_json::from_str(fine_rule)?;
/// assert_eq!(serde_json::to_value(rule)?, serde_json::from_str::<serde_json::Value>(fine_rule)?);
/// for text in [r#"{"kind": "up_to", "max": "50000.00"}"#, r#"{"kind": "fixed", "amount": "200.00"}"#] {
///     let r: FineRule = serde_json::from_str(text)?;
///     assert_eq!(serde_json::to_value(r)?, serde_json::from_str::<serde_json::Value>(text)?);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "FineRuleRepr", into = "FineRuleRepr")]
pub enum FineRule {
    /// `min` 以上 `max` 以下.
    Range {
        /// The statutory minimum (inclusive).
        min: Money,
        /// The statutory maximum (inclusive).
        max: Money,
    },
    /// `max` 以下, with no statutory minimum.
    UpTo {
        /// The statutory maximum (inclusive).
        max: Money,
    },
    /// A fixed amount.
    Fixed {
        /// The amount.
        amount: Money,
    },
    /// `min`–`max` times a base amount, optionally with a money range that
    /// applies when the base is below a threshold ("不足…的").
    Multiple {
        /// The base amount.
        base: AmountBase,
        /// The minimum multiple (inclusive).
        min: Multiplier,
        /// The maximum multiple (inclusive).
        max: Multiplier,
        /// The range that applies instead when the base is below `threshold`.
        below: Option<BelowThreshold>,
    },
}

/// The money range a multiple-based fine falls back to when the base amount
/// is below a threshold ("货值金额不足一万元的，并处五万元以上十万元以下罚款").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BelowThreshold {
    /// The base amount below which (不足, exclusive) the range applies.
    pub threshold: Money,
    /// The minimum fine (inclusive).
    pub min: Money,
    /// The maximum fine (inclusive).
    pub max: Money,
}

/// The lawful bounds of a fine once its base amounts are known.
///
/// When a multiple of a base amount exceeds [`Money::MAX`], the bounds are
/// *beyond range*: the maximum is [`Money::MAX`] (and so is the minimum when
/// it too is not representable) and [`FineBounds::is_beyond_range`] is true.
/// The statutory maximum is then at least [`Money::MAX`], so every duty that
/// a large amount attracts (the Art. 63 hearing notice, a large-fine legal
/// review, no summary procedure) still attaches: an overflow never reads as
/// "no bounds". On the wire such bounds carry `"beyond_range": true`.
///
/// ```
/// use rouxing::money::{AmountBase, Amounts, FineRule, Money, Multiplier};
/// let rule = FineRule::multiple(AmountBase::GoodsValue, Multiplier::times(5)?, Multiplier::times(10)?, None)?;
/// let huge = Amounts { goods_value: Some(Money::from_fen(u64::MAX / 4)), ..Default::default() };
/// let b = rule.bounds(&huge).ok_or("bounds")?;
/// assert!(b.is_beyond_range());
/// assert_eq!(b.max(), Money::MAX);
/// assert!(serde_json::to_string(&b)?.ends_with(r#","beyond_range":true}"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "FineBoundsRepr", into = "FineBoundsRepr")]
pub struct FineBounds {
    min: Money,
    max: Money,
    beyond_range: bool,
}

#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct FineBoundsRepr {
    min: Money,
    max: Money,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    beyond_range: bool,
}

impl TryFrom<FineBoundsRepr> for FineBounds {
    type Error = FineRuleError;
    fn try_from(r: FineBoundsRepr) -> Result<Self, Self::Error> {
        let b = FineBounds::new(r.min, r.max)?;
        if r.beyond_range && r.max != Money::MAX {
            return Err(FineRuleError::Value {
                field: "beyond_range",
                message: "bounds beyond range have the largest representable maximum".to_owned(),
            });
        }
        Ok(FineBounds { beyond_range: r.beyond_range, ..b })
    }
}

impl From<FineBounds> for FineBoundsRepr {
    fn from(b: FineBounds) -> Self {
        FineBoundsRepr { min: b.min, max: b.max, beyond_range: b.beyond_range }
    }
}

impl FineBounds {
    /// Bounds `min..=max`.
    ///
    /// # Errors
    ///
    /// Returns an error when `min > max`.
    pub fn new(min: Money, max: Money) -> Result<FineBounds, FineRuleError> {
        if min > max {
            return Err(FineRuleError::Inverted { min, max });
        }
        Ok(FineBounds { min, max, beyond_range: false })
    }

    /// Whether the statutory maximum exceeds the largest representable
    /// amount: then [`FineBounds::max`] is [`Money::MAX`], a lower bound of
    /// the true maximum.
    pub const fn is_beyond_range(&self) -> bool {
        self.beyond_range
    }

    /// The lowest lawful amount (inclusive).
    pub const fn min(&self) -> Money {
        self.min
    }

    /// The highest lawful amount (inclusive).
    pub const fn max(&self) -> Money {
        self.max
    }

    /// Whether `amount` lies within the bounds, both ends included.
    pub fn contains(&self, amount: Money) -> bool {
        self.min <= amount && amount <= self.max
    }

    /// The middle of the bounds, rounded down to the yuan but never below the
    /// minimum: the amount rouxing proposes inside a tier's band.
    ///
    /// Where rounding down would leave nothing of a positive middle (a band
    /// under ¥2, such as 从轻 under a "¥19以下" fine), the middle is kept in
    /// 分: a fine of ¥0 is no fine, a token sanction that replaces the penalty
    /// the tier requires (行政处罚法 Art. 76 ¶1 (二)).
    ///
    /// ```
    /// use rouxing::money::{FineBounds, Money};
    /// let b = FineBounds::new(Money::yuan(1_000), Money::yuan(3_700))?;
    /// assert_eq!(b.middle_yuan(), Money::yuan(2_350));
    /// let small = FineBounds::new(Money::ZERO, Money::from_fen(174))?;
    /// assert_eq!(small.middle_yuan(), Money::from_fen(87));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn middle_yuan(&self) -> Money {
        let (lo, hi) = (self.min.fen(), self.max.fen());
        let mid = lo / 2 + hi / 2 + (lo % 2 + hi % 2) / 2;
        let yuan = Money::from_fen(mid - mid % 100);
        if yuan < self.min {
            self.min
        } else if yuan.is_zero() {
            Money::from_fen(mid)
        } else {
            yuan
        }
    }
}

impl fmt::Display for FineBounds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{}", self.min, self.max)?;
        if self.beyond_range {
            f.write_str("（法定上限超出可表示范围）")?;
        }
        Ok(())
    }
}

/// The error returned when a fine rule or fine bounds are inconsistent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FineRuleError {
    /// The minimum exceeds the maximum.
    #[error("inverted fine range: minimum `{min}` is above maximum `{max}`")]
    Inverted {
        /// The minimum given.
        min: Money,
        /// The maximum given.
        max: Money,
    },
    /// A maximum of zero leaves no fine at all.
    #[error("fine maximum is zero: leave the fine out instead")]
    ZeroMaximum,
    /// A field the kind of rule needs is missing.
    #[error("a `{kind}` fine rule needs field `{field}`")]
    Missing {
        /// The kind of rule.
        kind: &'static str,
        /// The missing field.
        field: &'static str,
    },
    /// A field that does not apply to the kind of rule.
    #[error("field `{field}` does not apply to a `{kind}` fine rule")]
    Inapplicable {
        /// The kind of rule.
        kind: &'static str,
        /// The field.
        field: &'static str,
    },
    /// A malformed amount or multiple.
    #[error("field `{field}`: {message}")]
    Value {
        /// The field.
        field: &'static str,
        /// What is wrong.
        message: String,
    },
    /// A statutory amount above [`Money::PLAUSIBLE_MAX`].
    #[error("fine amount `{amount}` is above the plausible maximum `{}`", Money::PLAUSIBLE_MAX)]
    Implausible {
        /// The amount given.
        amount: Money,
    },
    /// A multiple above [`Multiplier::PLAUSIBLE_MAX`].
    #[error("multiple `{max}` is above the plausible maximum `{}`", Multiplier::PLAUSIBLE_MAX)]
    ImplausibleMultiple {
        /// The multiple given.
        max: Multiplier,
    },
    /// The multiples are inverted.
    #[error("inverted multiples: minimum `{min}` is above maximum `{max}`")]
    InvertedMultiple {
        /// The minimum multiple given.
        min: Multiplier,
        /// The maximum multiple given.
        max: Multiplier,
    },
}

/// Refuses a statutory amount above [`Money::PLAUSIBLE_MAX`].
fn implausible_fine(amount: Money) -> Result<(), FineRuleError> {
    if amount > Money::PLAUSIBLE_MAX {
        return Err(FineRuleError::Implausible { amount });
    }
    Ok(())
}

impl FineRule {
    /// `min` 以上 `max` 以下.
    ///
    /// # Errors
    ///
    /// Returns an error when `min > max`, `max` is zero or `max` is above
    /// [`Money::PLAUSIBLE_MAX`].
    ///
    /// ```
    /// use rouxing::money::{FineRule, Money};
    /// assert!(FineRule::range(Money::yuan(500), Money::yuan(100)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn range(min: Money, max: Money) -> Result<FineRule, FineRuleError> {
        if max.is_zero() {
            return Err(FineRuleError::ZeroMaximum);
        }
        implausible_fine(max)?;
        if min > max {
            return Err(FineRuleError::Inverted { min, max });
        }
        Ok(FineRule::Range { min, max })
    }

    /// `max` 以下.
    ///
    /// # Errors
    ///
    /// Returns an error when `max` is zero or above [`Money::PLAUSIBLE_MAX`].
    pub fn up_to(max: Money) -> Result<FineRule, FineRuleError> {
        if max.is_zero() {
            return Err(FineRuleError::ZeroMaximum);
        }
        implausible_fine(max)?;
        Ok(FineRule::UpTo { max })
    }

    /// A fixed amount.
    ///
    /// # Errors
    ///
    /// Returns an error when `amount` is zero or above [`Money::PLAUSIBLE_MAX`].
    pub fn fixed(amount: Money) -> Result<FineRule, FineRuleError> {
        if amount.is_zero() {
            return Err(FineRuleError::ZeroMaximum);
        }
        implausible_fine(amount)?;
        Ok(FineRule::Fixed { amount })
    }

    /// `min`–`max` times `base`, with an optional range below a threshold.
    ///
    /// # Errors
    ///
    /// Returns an error when the multiples or the fallback range are inverted,
    /// the maximum multiple is above [`Multiplier::PLAUSIBLE_MAX`], an amount is
    /// above [`Money::PLAUSIBLE_MAX`],
    /// or the maximum multiple is zero.
    pub fn multiple(
        base: AmountBase,
        min: Multiplier,
        max: Multiplier,
        below: Option<BelowThreshold>,
    ) -> Result<FineRule, FineRuleError> {
        if max.permille() == 0 {
            return Err(FineRuleError::ZeroMaximum);
        }
        if min > max {
            return Err(FineRuleError::InvertedMultiple { min, max });
        }
        if max > Multiplier::PLAUSIBLE_MAX {
            return Err(FineRuleError::ImplausibleMultiple { max });
        }
        if let Some(b) = below {
            FineRule::range(b.min, b.max)?;
            implausible_fine(b.threshold)?;
        }
        Ok(FineRule::Multiple { base, min, max, below })
    }

    /// The lawful bounds given the case's amounts, or `None` when the rule is
    /// computed on a base amount the case has not established.
    ///
    /// `UpTo` has a minimum of zero: the statute sets no floor. A multiple
    /// whose product is not representable gives bounds
    /// [beyond range](FineBounds::is_beyond_range), never `None`.
    ///
    /// ```
    /// use rouxing::money::{AmountBase, Amounts, BelowThreshold, FineRule, Money, Multiplier};
    /// let rule = FineRule::multiple(
    ///     AmountBase::GoodsValue,
    ///     Multiplier::times(10)?,
    ///     Multiplier::times(20)?,
    ///     Some(BelowThreshold { threshold: Money::yuan(10_000), min: Money::yuan(50_000), max: Money::yuan(100_000) }),
    /// )?;
    /// let small = Amounts { goods_value: Some(Money::yuan(3_000)), ..Default::default() };
    /// assert_eq!(rule.bounds(&small).map(|b| b.min()), Some(Money::yuan(50_000)));
    /// let large = Amounts { goods_value: Some(Money::yuan(20_000)), ..Default::default() };
    /// assert_eq!(rule.bounds(&large).map(|b| b.max()), Some(Money::yuan(400_000)));
    /// assert_eq!(rule.bounds(&Amounts::default()), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn bounds(&self, amounts: &Amounts) -> Option<FineBounds> {
        match *self {
            FineRule::Range { min, max } => Some(FineBounds { min, max, beyond_range: false }),
            FineRule::UpTo { max } => Some(FineBounds { min: Money::ZERO, max, beyond_range: false }),
            FineRule::Fixed { amount } => Some(FineBounds { min: amount, max: amount, beyond_range: false }),
            FineRule::Multiple { base, min, max, below } => {
                let b = amounts.get(base)?;
                if let Some(t) = below {
                    if b < t.threshold {
                        return Some(FineBounds { min: t.min, max: t.max, beyond_range: false });
                    }
                }
                // An overflow is not "no bounds": the maximum is at least the
                // largest representable amount, and the bounds say so.
                match (min.apply(b), max.apply(b)) {
                    (Some(lo), Some(hi)) => Some(FineBounds { min: lo, max: hi, beyond_range: false }),
                    (lo, _) => Some(FineBounds {
                        min: lo.unwrap_or(Money::MAX),
                        max: Money::MAX,
                        beyond_range: true,
                    }),
                }
            }
        }
    }

    /// The rule in the statute's words, e.g. `一千元以上一万元以下罚款`.
    pub fn legal_name(&self) -> String {
        match self {
            FineRule::Range { min, max } => format!("{min}以上{max}以下罚款"),
            FineRule::UpTo { max } => format!("{max}以下罚款"),
            FineRule::Fixed { amount } => format!("{amount}罚款"),
            FineRule::Multiple { base, min, max, below } => {
                let mut s = format!("{}{min}倍以上{max}倍以下罚款", base.legal_name());
                if let Some(b) = below {
                    s.push_str(&format!(
                        "（{}不足{}的，{}以上{}以下罚款）",
                        base.legal_name(),
                        b.threshold,
                        b.min,
                        b.max
                    ));
                }
                s
            }
        }
    }
}

/// The wording of a fine rule, as tagged on the wire.
///
/// # JSON
///
/// | code | 中文 |
/// |---|---|
/// | `range` | `min` 以上 `max` 以下 |
/// | `up_to` | `max` 以下 (no statutory minimum) |
/// | `fixed` | a fixed `amount` |
/// | `multiple` | `base` 的 `min` 倍以上 `max` 倍以下, with an optional floor clause `below` |
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
enum FineRuleKind {
    Range,
    UpTo,
    Fixed,
    Multiple,
}

impl FineRuleKind {
    const fn code(self) -> &'static str {
        match self {
            FineRuleKind::Range => "range",
            FineRuleKind::UpTo => "up_to",
            FineRuleKind::Fixed => "fixed",
            FineRuleKind::Multiple => "multiple",
        }
    }
}

/// The wire form of a fine rule: a flat object tagged by `kind` (parsed
/// without buffering, checked by kind).
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct FineRuleRepr {
    kind: FineRuleKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    base: Option<AmountBase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    amount: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    below: Option<BelowThreshold>,
}

impl TryFrom<FineRuleRepr> for FineRule {
    type Error = FineRuleError;
    fn try_from(r: FineRuleRepr) -> Result<Self, Self::Error> {
        let money = |v: &Option<String>, field: &'static str| -> Result<Money, FineRuleError> {
            let s = v.as_deref().ok_or(FineRuleError::Missing { kind: r.kind.code(), field })?;
            s.parse().map_err(|e: ParseMoneyError| FineRuleError::Value { field, message: e.to_string() })
        };
        let times = |v: &Option<String>, field: &'static str| -> Result<Multiplier, FineRuleError> {
            let s = v.as_deref().ok_or(FineRuleError::Missing { kind: r.kind.code(), field })?;
            s.parse().map_err(|e: ParseMoneyError| FineRuleError::Value { field, message: e.to_string() })
        };
        let extra = |field: &'static str, present: bool| {
            if present { Err(FineRuleError::Inapplicable { kind: r.kind.code(), field }) } else { Ok(()) }
        };
        match r.kind {
            FineRuleKind::Range => {
                extra("base", r.base.is_some())?;
                extra("amount", r.amount.is_some())?;
                extra("below", r.below.is_some())?;
                FineRule::range(money(&r.min, "min")?, money(&r.max, "max")?)
            }
            FineRuleKind::UpTo => {
                extra("base", r.base.is_some())?;
                extra("min", r.min.is_some())?;
                extra("amount", r.amount.is_some())?;
                extra("below", r.below.is_some())?;
                FineRule::up_to(money(&r.max, "max")?)
            }
            FineRuleKind::Fixed => {
                extra("base", r.base.is_some())?;
                extra("min", r.min.is_some())?;
                extra("max", r.max.is_some())?;
                extra("below", r.below.is_some())?;
                FineRule::fixed(
                    r.amount.ok_or(FineRuleError::Missing { kind: r.kind.code(), field: "amount" })?,
                )
            }
            FineRuleKind::Multiple => {
                extra("amount", r.amount.is_some())?;
                let base = r.base.ok_or(FineRuleError::Missing { kind: r.kind.code(), field: "base" })?;
                FineRule::multiple(base, times(&r.min, "min")?, times(&r.max, "max")?, r.below)
            }
        }
    }
}

impl From<FineRule> for FineRuleRepr {
    fn from(r: FineRule) -> Self {
        let blank = |kind| FineRuleRepr { kind, base: None, min: None, max: None, amount: None, below: None };
        match r {
            FineRule::Range { min, max } => FineRuleRepr {
                min: Some(min.to_decimal_string()),
                max: Some(max.to_decimal_string()),
                ..blank(FineRuleKind::Range)
            },
            FineRule::UpTo { max } => {
                FineRuleRepr { max: Some(max.to_decimal_string()), ..blank(FineRuleKind::UpTo) }
            }
            FineRule::Fixed { amount } => FineRuleRepr { amount: Some(amount), ..blank(FineRuleKind::Fixed) },
            FineRule::Multiple { base, min, max, below } => FineRuleRepr {
                base: Some(base),
                min: Some(min.to_string()),
                max: Some(max.to_string()),
                below,
                ..blank(FineRuleKind::Multiple)
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parse_and_display() {
        for (s, fen) in [
            ("0", 0),
            ("200", 20_000),
            ("200.01", 20_001),
            ("200.1", 20_010),
            ("¥1,234.50", 123_450),
            ("￥3000元", 300_000),
            ("3000.00元", 300_000),
            ("1,000,000", 100_000_000),
        ] {
            assert_eq!(s.parse::<Money>().unwrap(), Money::from_fen(fen), "{s}");
        }
        assert_eq!(Money::from_fen(123_456_789).to_string(), "¥1,234,567.89");
        assert_eq!(Money::from_fen(5).to_string(), "¥0.05");
        assert_eq!(Money::from_fen(100_000).to_string(), "¥1,000.00");
    }

    #[test]
    fn parse_errors() {
        for (s, msg) in [
            ("", "invalid amount ``: expected yuan with at most two decimals, such as `1500.00`"),
            ("12.345", "invalid amount `12.345`: expected yuan with at most two decimals, such as `1500.00`"),
            ("-5", "negative amount `-5`: amounts of money are never negative"),
            ("1,00", "invalid amount `1,00`: expected yuan with at most two decimals, such as `1500.00`"),
            ("abc", "invalid amount `abc`: expected yuan with at most two decimals, such as `1500.00`"),
            ("1.", "invalid amount `1.`: expected yuan with at most two decimals, such as `1500.00`"),
            ("99999999999999999999", "amount too large"),
        ] {
            assert_eq!(s.parse::<Money>().unwrap_err().to_string(), msg, "{s}");
        }
    }

    #[test]
    fn serde_is_decimal_string() {
        let m = Money::from_fen(150_050);
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"1500.50\"");
        assert_eq!(serde_json::from_str::<Money>("\"1500.5\"").unwrap(), m);
        assert!(serde_json::from_str::<Money>("1500.5").is_err());
    }

    #[test]
    fn fine_rule_json() {
        let r: FineRule = serde_json::from_str(r#"{"kind":"range","min":"100","max":"1000"}"#).unwrap();
        assert_eq!(r, FineRule::range(Money::yuan(100), Money::yuan(1000)).unwrap());
        let err =
            serde_json::from_str::<FineRule>(r#"{"kind":"range","min":"1000","max":"100"}"#).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("inverted fine range: minimum `¥1,000.00` is above maximum `¥100.00`"),
            "{err}"
        );
        assert!(serde_json::from_str::<FineRule>(r#"{"kind":"up_to","max":"0"}"#).is_err());
        assert!(serde_json::from_str::<FineRule>(r#"{"kind":"up_to","max":"5","extra":1}"#).is_err());
        assert_eq!(
            FineRule::range(Money::yuan(100), Money::yuan(1000)).unwrap().legal_name(),
            "¥100.00以上¥1,000.00以下罚款"
        );
    }

    #[test]
    fn multiplier() {
        assert_eq!("5".parse::<Multiplier>().unwrap(), Multiplier::from_permille(5000));
        assert_eq!("0.5".parse::<Multiplier>().unwrap().to_string(), "0.5");
        assert_eq!("1.25".parse::<Multiplier>().unwrap().permille(), 1250);
        for bad in ["", ".5", "5.", "1.2345", "x", "-1"] {
            assert!(bad.parse::<Multiplier>().is_err(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn prop_money_round_trips(fen in any::<u64>()) {
            let m = Money::from_fen(fen);
            prop_assert_eq!(m.to_string().parse::<Money>().unwrap(), m);
            prop_assert_eq!(m.to_decimal_string().parse::<Money>().unwrap(), m);
            let j = serde_json::to_string(&m).unwrap();
            prop_assert_eq!(serde_json::from_str::<Money>(&j).unwrap(), m);
        }

        #[test]
        fn prop_permille_rounding_brackets(fen in 0u64..1_000_000_000_000, p in 0u32..=1000) {
            let m = Money::from_fen(fen);
            let lo = m.mul_permille_floor(p).unwrap();
            let hi = m.mul_permille_ceil(p).unwrap();
            prop_assert!(lo <= hi);
            prop_assert!(hi.fen() - lo.fen() <= 1);
            prop_assert!(hi <= m);
        }

        #[test]
        fn prop_multiplier_round_trips(p in 0u32..10_000_000) {
            let m = Multiplier::from_permille(p);
            prop_assert_eq!(m.to_string().parse::<Multiplier>().unwrap(), m);
        }
    }
}
