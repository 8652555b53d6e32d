//! Tunable case distributions ([`Config`], [`case_with`]).

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::{BoxedStrategy, Union};

use crate::case::{Act, Case, Correction, Harm, PriorOutcome, PriorViolation};
use crate::catalogue::{Catalogue, Domain, ItemCode};
use crate::money::{Amounts, FineRule, Money};
use crate::party::{MentalCapacity, Party, PartyId};
use crate::regime::Regime;

/// Weights of the party's age on the act day (natural persons only).
///
/// The weights are relative (they need not sum to 100); a zero weight
/// leaves the bucket out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AgeMix {
    /// Under 14 (Art. 30: 不予处罚).
    pub under_14: u32,
    /// Born exactly 14 or 18 years before the act: the birthday itself,
    /// on which the party is still 13 or 17 (周岁 count from the next day).
    pub birthday_14_or_18: u32,
    /// Aged 14 to 17 (Art. 30: 应当从轻或者减轻).
    pub from_14_to_17: u32,
    /// Adults, 18 to 79.
    pub adult: u32,
    /// Born on 29 February (of a year 1990–2011).
    pub leap_day: u32,
}

/// Weights of the harm found ([`Harm`]), in its order: none, slight,
/// harmful, serious.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HarmMix {
    /// 没有造成危害后果.
    pub none: u32,
    /// 危害后果轻微.
    pub slight: u32,
    /// 有危害后果.
    pub harmful: u32,
    /// 危害后果严重.
    pub serious: u32,
}

/// Weights of the party's correction ([`Correction`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CorrectionMix {
    /// Not corrected.
    pub none: u32,
    /// Corrected promptly (及时改正).
    pub prompt: u32,
    /// Corrected late.
    pub late: u32,
    /// Refused (拒不改正).
    pub refused: u32,
}

/// The distribution of generated cases, for [`case_with`].
///
/// Every field has a documented default ([`Config::default`]); a
/// downstream suite changes the few that matter to its domain:
///
/// ```
/// use chrono::NaiveDate;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
/// use rouxing::strategy::{self, Config};
///
/// // A market regulator's suite: recent acts, organisations mostly, many
/// // first violations, slight harm corrected promptly half the time.
/// let config = Config {
///     acts_from: NaiveDate::from_ymd_opt(2025, 1, 1).ok_or("date")?,
///     acts_to: NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("date")?,
///     natural_person_percent: 10,
///     first_violation_percent: 80,
///     harm: strategy::HarmMix { none: 2, slight: 5, harmful: 2, serious: 1 },
///     correction: strategy::CorrectionMix { none: 3, prompt: 5, late: 1, refused: 1 },
///     ..Config::default()
/// };
/// let catalogue = rouxing::Catalogue::bundled()?;
/// let cases = strategy::case_with(&catalogue, &config)?;
/// let mut runner = TestRunner::deterministic();
/// let case = cases.new_tree(&mut runner).map_err(|e| e.to_string())?.current();
/// assert!(case.act().start() >= config.acts_from && case.act().start() <= config.acts_to);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// The struct is exhaustive so that a suite can write
/// `Config { field: value, ..Config::default() }`; a field added in a later
/// release is a breaking change, announced as one.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Config {
    /// First day an act may start. Default 2019-01-01.
    pub acts_from: NaiveDate,
    /// Last day an act may start. Default 2026-06-30.
    pub acts_to: NaiveDate,
    /// Discovery is 0 to this many days after the act (its end). Default
    /// 1,200, so that about a third of cases cross the two-year limitation.
    pub max_discovery_lag_days: u32,
    /// Share of continuing acts (1–90 days long), in percent. Default 20.
    pub continuing_percent: u8,
    /// Share of natural persons, in percent. Default 40.
    pub natural_person_percent: u8,
    /// Ages of natural persons. Default 10 / 10 / 10 / 67 / 3.
    pub ages: AgeMix,
    /// Harm. Default uniform (1 / 1 / 1 / 1).
    pub harm: HarmMix,
    /// Correction. Default uniform (1 / 1 / 1 / 1).
    pub correction: CorrectionMix,
    /// Share of cases with no earlier violation, in percent. Default 25.
    pub first_violation_percent: u8,
    /// Earlier violations of the others: 1 to this many. Default 3.
    pub max_priors: u8,
    /// Earlier violations lie 1 to this many months before the act.
    /// Default 48.
    pub prior_months: u32,
    /// Share of cases whose goods value and illegal gains sit at a threshold,
    /// one fen or one yuan either side, in percent. Default 10.
    ///
    /// The thresholds are the 不足… thresholds of the catalogue's multiple
    /// fines, the national regime's hearing thresholds (较大数额, Art. 63)
    /// and [`Config::thresholds`].
    pub near_threshold_percent: u8,
    /// Share of cases whose amounts lie within ¥1,000 of
    /// [`Money::PLAUSIBLE_MAX`], where a multiple-based fine would overflow
    /// unchecked arithmetic, in percent. Default 2.
    pub near_overflow_percent: u8,
    /// More thresholds to aim at (a department's own 较大数额). Default none.
    pub thresholds: Vec<Money>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            acts_from: NaiveDate::from_ymd_opt(2019, 1, 1).unwrap_or(NaiveDate::MIN),
            acts_to: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap_or(NaiveDate::MIN),
            max_discovery_lag_days: 1_200,
            continuing_percent: 20,
            natural_person_percent: 40,
            ages: AgeMix { under_14: 10, birthday_14_or_18: 10, from_14_to_17: 10, adult: 67, leap_day: 3 },
            harm: HarmMix { none: 1, slight: 1, harmful: 1, serious: 1 },
            correction: CorrectionMix { none: 1, prompt: 1, late: 1, refused: 1 },
            first_violation_percent: 25,
            max_priors: 3,
            prior_months: 48,
            near_threshold_percent: 10,
            near_overflow_percent: 2,
            thresholds: Vec::new(),
        }
    }
}

/// A [`Config`] that cannot generate anything.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// `acts_to` is before `acts_from`.
    #[error("`acts_to` `{to}` is before `acts_from` `{from}`")]
    EmptyWindow {
        /// The first day.
        from: NaiveDate,
        /// The last day.
        to: NaiveDate,
    },
    /// A share above 100 %.
    #[error("`{field}` is `{value}`, above 100 (percent)")]
    Percent {
        /// The field.
        field: &'static str,
        /// The value.
        value: u8,
    },
    /// Every weight of a mix is zero.
    #[error("every weight of `{field}` is zero")]
    NoWeight {
        /// The field.
        field: &'static str,
    },
    /// The catalogue has no item to generate a case for.
    #[error("the catalogue has no item")]
    EmptyCatalogue,
}

impl Config {
    /// Checks the configuration.
    ///
    /// # Errors
    ///
    /// A [`ConfigError`] naming the field that cannot be used.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.acts_to < self.acts_from {
            return Err(ConfigError::EmptyWindow { from: self.acts_from, to: self.acts_to });
        }
        for (field, value) in [
            ("continuing_percent", self.continuing_percent),
            ("natural_person_percent", self.natural_person_percent),
            ("first_violation_percent", self.first_violation_percent),
            ("near_threshold_percent", self.near_threshold_percent),
            ("near_overflow_percent", self.near_overflow_percent),
        ] {
            if value > 100 {
                return Err(ConfigError::Percent { field, value });
            }
        }
        if self.near_threshold_percent.saturating_add(self.near_overflow_percent) > 100 {
            return Err(ConfigError::Percent {
                field: "near_threshold_percent + near_overflow_percent",
                value: self.near_threshold_percent.saturating_add(self.near_overflow_percent),
            });
        }
        let a = self.ages;
        for (field, sum) in [
            (
                "ages",
                [a.under_14, a.birthday_14_or_18, a.from_14_to_17, a.adult, a.leap_day].iter().sum::<u32>(),
            ),
            ("harm", self.harm.none + self.harm.slight + self.harm.harmful + self.harm.serious),
            (
                "correction",
                self.correction.none
                    + self.correction.prompt
                    + self.correction.late
                    + self.correction.refused,
            ),
        ] {
            if sum == 0 {
                return Err(ConfigError::NoWeight { field });
            }
        }
        Ok(())
    }
}

/// A weighted choice among the non-zero arms.
fn weighted<T: Clone + std::fmt::Debug + 'static>(arms: Vec<(u32, BoxedStrategy<T>)>) -> BoxedStrategy<T> {
    Union::new_weighted(arms.into_iter().filter(|(w, _)| *w > 0).collect()).boxed()
}

fn percent(p: u8) -> BoxedStrategy<bool> {
    (0u8..100).prop_map(move |x| x < p).boxed()
}

fn years_before(d: NaiveDate, y: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year() - y, d.month(), d.day().min(28)).unwrap_or(d)
}

/// A party acting on `act`, with the configured share of natural persons
/// and their ages.
pub fn party_with(act: NaiveDate, config: &Config) -> BoxedStrategy<Party> {
    let a = config.ages;
    let exact = move |y: i32| {
        NaiveDate::from_ymd_opt(act.year() - y, act.month(), act.day())
            .unwrap_or_else(|| years_before(act, y))
    };
    let birth = weighted(vec![
        (a.under_14, (1i32..14).prop_map(move |y| years_before(act, y)).boxed()),
        (a.birthday_14_or_18, select(vec![14, 18]).prop_map(exact).boxed()),
        (a.from_14_to_17, (14i32..18).prop_map(move |y| years_before(act, y)).boxed()),
        (a.adult, (18i32..80).prop_map(move |y| years_before(act, y)).boxed()),
        (
            a.leap_day,
            (1990i32..2012)
                .prop_map(move |y| {
                    NaiveDate::from_ymd_opt(y, 2, 29).filter(|d| *d <= act).unwrap_or(years_before(act, 30))
                })
                .boxed(),
        ),
    ]);
    let capacity = prop_oneof![
        17 => Just(MentalCapacity::Full),
        1 => Just(MentalCapacity::Incapable),
        1 => Just(MentalCapacity::IntermittentNormal),
        1 => Just(MentalCapacity::Partial),
    ];
    let person = (birth, capacity, 0u32..1000)
        .prop_filter_map("valid person", |(b, c, n)| {
            Some(Party::natural_person(PartyId::new(format!("P{n}")).ok()?, b, c))
        })
        .boxed();
    let organisation = (0u32..1000, any::<bool>())
        .prop_filter_map("valid organisation", move |(n, other)| {
            let id = PartyId::new(format!("ORG{n}")).ok()?;
            let reg = act.checked_sub_days(Days::new(u64::from(n))).filter(|_| n % 3 != 0);
            Some(if other { Party::other_organisation(id, reg) } else { Party::legal_person(id, reg) })
        })
        .boxed();
    let p = u32::from(config.natural_person_percent.min(100));
    weighted(vec![(p, person), (100 - p, organisation)])
}

fn harm_with(m: HarmMix) -> BoxedStrategy<Harm> {
    weighted(vec![
        (m.none, Just(Harm::None).boxed()),
        (m.slight, Just(Harm::Slight).boxed()),
        (m.harmful, Just(Harm::Harmful).boxed()),
        (m.serious, Just(Harm::Serious).boxed()),
    ])
}

fn correction_with(m: CorrectionMix, act: NaiveDate, discovered: NaiveDate) -> BoxedStrategy<Correction> {
    let span = (discovered - act).num_days().max(0).unsigned_abs() + 60;
    let on = move |n: u64| act.checked_add_days(Days::new(n)).unwrap_or(act);
    weighted(vec![
        (m.none, Just(Correction::None).boxed()),
        (m.prompt, (0..=span).prop_map(move |n| Correction::Prompt { on: on(n) }).boxed()),
        (m.late, (0..=span).prop_map(move |n| Correction::Late { on: on(n) }).boxed()),
        (m.refused, Just(Correction::Refused).boxed()),
    ])
}

/// The thresholds amounts are aimed at: the catalogue's 不足… thresholds,
/// the national hearing thresholds and the configured ones.
fn thresholds(catalogue: &Catalogue, config: &Config) -> Vec<Money> {
    let national = Regime::national();
    let mut t: Vec<Money> = catalogue
        .items()
        .flat_map(|i| {
            std::iter::once(&i.penalty)
                .chain(i.amendments.iter().filter_map(|a| a.penalty.as_ref()))
                .flat_map(|p| [p.fine_for(true), p.fine_for(false)])
                .flatten()
                .filter_map(|r| match r {
                    FineRule::Multiple { below: Some(b), .. } => Some(b.threshold),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .chain([national.hearing.natural_person, national.hearing.organisation])
        .chain(config.thresholds.iter().copied())
        .collect();
    t.sort();
    t.dedup();
    t
}

fn amounts_with(catalogue: &Catalogue, config: &Config) -> BoxedStrategy<Amounts> {
    let both = |m: Option<Money>, gains_share: u64| Amounts {
        illegal_gains: m.map(|m| Money::from_fen(m.fen() / 100 * gains_share)),
        goods_value: m,
        ..Amounts::default()
    };
    let ordinary = proptest::option::of(0u64..=2_000_000)
        .prop_map(move |g| both(g.map(|g| Money::from_fen(g * 100)), 37))
        .boxed();
    let ts = thresholds(catalogue, config);
    let near = if ts.is_empty() {
        ordinary.clone()
    } else {
        (select(ts), select(vec![-100i64, -1, 0, 1, 100]))
            .prop_map(move |(t, d)| {
                let fen = t.fen().saturating_add_signed(d);
                Amounts {
                    goods_value: Some(Money::from_fen(fen)),
                    illegal_gains: Some(Money::from_fen(fen)),
                    ..Amounts::default()
                }
            })
            .boxed()
    };
    let overflow = (0u64..=100_000)
        .prop_map(|k| {
            let m = Money::from_fen(Money::PLAUSIBLE_MAX.fen().saturating_sub(k));
            Amounts { goods_value: Some(m), illegal_gains: Some(m), ..Amounts::default() }
        })
        .boxed();
    let (t, o) = (u32::from(config.near_threshold_percent), u32::from(config.near_overflow_percent));
    weighted(vec![(100u32.saturating_sub(t + o), ordinary), (t, near), (o, overflow)])
}

/// A case for an item of `catalogue`, distributed as `config` says.
///
/// The facts `config` does not govern (gravity, fault, mitigating and
/// aggravating circumstances, context, sectors, crime suspicion) are drawn as
/// [`case_for`](super::case_for) draws them. Every case is built through
/// [`CaseBuilder::build`](crate::case::CaseBuilder::build), so shrinking
/// yields valid cases only.
///
/// # Errors
///
/// A [`ConfigError`] when `config` does not validate or the catalogue is
/// empty.
pub fn case_with(catalogue: &Catalogue, config: &Config) -> Result<BoxedStrategy<Case>, ConfigError> {
    let all: Vec<ItemCode> = catalogue.items().map(|i| i.code.clone()).collect();
    case_with_items(catalogue, config, all)
}

/// [`case_with`] for the items `targets` only (codes of `catalogue`).
pub(super) fn case_with_items(
    catalogue: &Catalogue,
    config: &Config,
    targets: Vec<ItemCode>,
) -> Result<BoxedStrategy<Case>, ConfigError> {
    config.validate()?;
    if targets.is_empty() {
        return Err(ConfigError::EmptyCatalogue);
    }
    let codes: Vec<(ItemCode, Domain)> = catalogue.items().map(|i| (i.code.clone(), i.domain)).collect();
    let base = (super::case_for(catalogue), select(targets));
    let span = (config.acts_to - config.acts_from).num_days().max(0).unsigned_abs();
    let from = config.acts_from;
    let cfg = config.clone();
    let amounts = amounts_with(catalogue, config);
    Ok((
        base,
        0..=span,
        0..=u64::from(config.max_discovery_lag_days),
        percent(config.continuing_percent),
        1u64..=90,
        proptest::option::of(0u64..=30),
        percent(config.first_violation_percent),
    )
        .prop_flat_map(move |(base, start, lag, continuing, length, file_lag, first)| {
            let act_start = from.checked_add_days(Days::new(start)).unwrap_or(from);
            let act_end = act_start.checked_add_days(Days::new(length)).filter(|_| continuing);
            let committed = act_end.unwrap_or(act_start);
            let discovered = committed.checked_add_days(Days::new(lag)).unwrap_or(committed);
            let filed = file_lag.and_then(|l| discovered.checked_add_days(Days::new(l)));
            let max_priors = if first { 0 } else { usize::from(cfg.max_priors.max(1)) };
            let priors = proptest::collection::vec(
                (select(codes.clone()), 1u32..=cfg.prior_months.max(1), select(PriorOutcome::ALL.to_vec())),
                usize::from(!first && cfg.max_priors > 0)..=max_priors,
            )
            .prop_map(move |ps| {
                ps.into_iter()
                    .map(|((item, domain), months, outcome)| PriorViolation {
                        item,
                        domain,
                        on: crate::calendar::sub_months(act_start, months).unwrap_or(act_start),
                        outcome,
                    })
                    .collect::<Vec<_>>()
            });
            (
                Just((base, act_start, act_end, discovered, filed)),
                party_with(act_start, &cfg),
                harm_with(cfg.harm),
                correction_with(cfg.correction, act_start, discovered),
                priors,
            )
        })
        .prop_flat_map(move |t| (Just(t), amounts.clone()))
        .prop_filter_map(
            "valid case",
            |(((base, start, end, discovered, filed), party, harm, correction, priors), amounts)| {
                let act = match end {
                    Some(e) => Act::continuing(start, e).ok()?,
                    None => Act::on(start),
                };
                let (base, item) = base;
                let mut b = Case::builder(base.id().clone(), item)
                    .party(party)
                    .act(act)
                    .discovered_on(discovered)
                    .facts(base.facts())
                    .crime(base.crime())
                    .gravity(base.gravity())
                    .harm(harm)
                    .correction(correction)
                    .fault(base.fault())
                    .mitigating(base.mitigating().to_vec())
                    .aggravating(base.aggravating().to_vec())
                    .context(base.context().to_vec())
                    .priors(priors)
                    .sectors(base.sectors().to_vec())
                    .amounts(amounts);
                if let Some(f) = filed {
                    b = b.filed_on(f);
                }
                b.build().ok()
            },
        )
        .boxed())
}
