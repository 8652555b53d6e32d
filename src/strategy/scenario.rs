//! Scenarios (the inputs of [`assess`]) and the outputs drawn from them:
//! lawful decisions, officers' proposals and labelled unlawful edits.

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::BoxedStrategy;

use super::{Config, ConfigError, OfficerEdit};
use crate::assess::{Assessment, Tier, assess};
use crate::case::{Case, OfficerId};
use crate::catalogue::Catalogue;
use crate::decision::{Decision, Fact, Procedure, recommend};
use crate::guard::{Omission, Proposal};
use crate::invariants::Inputs;
use crate::measure::PenaltyKind;
use crate::money::Money;
use crate::regime::Regime;

/// Everything [`assess`] takes, owned: a catalogue, a case for one of its
/// items, a regime and a decision date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// The catalogue.
    pub catalogue: Catalogue,
    /// The case.
    pub case: Case,
    /// The regime.
    pub regime: Regime,
    /// The decision date.
    pub as_of: NaiveDate,
}

impl Scenario {
    /// The scenario as the checkers' [`Inputs`].
    pub const fn inputs(&self) -> Inputs<'_> {
        Inputs::new(&self.case, &self.catalogue, &self.regime, self.as_of)
    }

    /// The assessment.
    pub fn assess(&self) -> Assessment {
        assess(&self.case, &self.catalogue, &self.regime, self.as_of)
    }

    /// The recommended decision.
    pub fn recommend(&self) -> Decision {
        recommend(&self.assess(), &self.regime)
    }
}

/// A scenario with the default distributions ([`super::assessment_inputs`]).
pub fn scenario() -> BoxedStrategy<Scenario> {
    super::assessment_inputs()
        .prop_map(|(catalogue, case, regime, as_of)| Scenario { catalogue, case, regime, as_of })
        .boxed()
}

/// A scenario whose case is drawn as `config` says, over generated
/// catalogues and regimes.
///
/// # Errors
///
/// A [`ConfigError`] when `config` does not validate.
pub fn scenario_with(config: &Config) -> Result<BoxedStrategy<Scenario>, ConfigError> {
    config.validate()?;
    let cfg = config.clone();
    Ok((super::catalogue(), super::regime())
        .prop_flat_map(move |(catalogue, regime)| {
            let cases =
                super::case_with(&catalogue, &cfg).unwrap_or_else(|_| super::case_for(&catalogue).boxed());
            (Just(catalogue), cases, Just(regime))
        })
        .prop_flat_map(|(catalogue, case, regime)| {
            let as_of = super::as_of_for(&case);
            (Just(catalogue), Just(case), Just(regime), as_of)
        })
        .prop_map(|(catalogue, case, regime, as_of)| Scenario { catalogue, case, regime, as_of })
        .boxed())
}

/// A scenario on a fixed catalogue and regime (a department's own), with
/// cases drawn as `config` says.
///
/// # Errors
///
/// A [`ConfigError`] when `config` does not validate or the catalogue is
/// empty.
pub fn scenario_on(
    catalogue: &Catalogue,
    regime: &Regime,
    config: &Config,
) -> Result<BoxedStrategy<Scenario>, ConfigError> {
    let cases = super::case_with(catalogue, config)?;
    let (catalogue, regime) = (catalogue.clone(), regime.clone());
    Ok(cases
        .prop_flat_map(move |case| {
            let as_of = super::as_of_for(&case);
            (Just(case), as_of)
        })
        .prop_map(move |(case, as_of)| Scenario {
            catalogue: catalogue.clone(),
            case,
            regime: regime.clone(),
            as_of,
        })
        .boxed())
}

/// A lawful decision on `scenario`: for a tier drawn from the lawful set,
/// the recommendation where the tier is the recommended one, else the
/// recommendation moved to that tier by an officer's [`Proposal`] with its
/// reasons, imposing the sanctions `recommend` gives that tier (the fine
/// then the tier's suggested fine).
///
/// Every decision drawn passes
/// [`invariants::check_decision`](crate::invariants::check_decision).
pub fn lawful_decision(scenario: &Scenario) -> BoxedStrategy<Decision> {
    let a = scenario.assess();
    let regime = scenario.regime.clone();
    let recommended = recommend(&a, &regime);
    let circumstances = established_against_leniency(&scenario.case);
    let tiers: Vec<Tier> = a.lawful.iter().map(|o| o.tier).collect();
    if tiers.is_empty() {
        return Just(recommended).boxed();
    }
    select(tiers)
        .prop_filter_map("valid proposal", move |tier| {
            if tier == recommended.tier {
                return Some(recommended.clone());
            }
            // The sanctions the tier carries, as `recommend` would impose them
            // were it the only lawful tier: moving from a 不予处罚
            // recommendation to a penalty tier must impose the provision's
            // kinds, not an empty penalty.
            let mut only = a.clone();
            only.lawful.retain(|o| o.tier == tier);
            let sanctions = recommend(&only, &regime).sanctions;
            let fine = a.option(tier).and_then(|o| o.suggested_fine.or(o.fine_band.map(|b| b.min())));
            let has_fine = sanctions.iter().any(|s| s.kind == PenaltyKind::Fine);
            let proposal = Proposal {
                officer: OfficerId::new("OF-GEN").ok()?,
                agency: None,
                tier: Some(tier),
                sanctions: Some(sanctions.to_vec()),
                fine: fine.filter(|_| has_fine),
                procedure: None,
                mechanisms: None,
                coercive_measures: Vec::new(),
                notified: None,
                new_facts: Vec::new(),
                omit: Vec::new(),
                circumstances: circumstances.clone(),
                reason: Some("综合考虑违法情节，在依法可以作出的范围内选择".to_owned()),
            };
            Some(proposal.apply(&recommended, &a, &regime))
        })
        .boxed()
}

/// The facts of `case` that weigh against leniency
/// ([`Fact::weighs_against_leniency`]), as an officer who chooses a heavier
/// lawful tier names them.
pub fn established_against_leniency(case: &Case) -> Vec<Fact> {
    let mut out = vec![Fact::Harm(case.harm()), Fact::Gravity(case.gravity())];
    out.extend(case.aggravating().iter().map(|a| Fact::Aggravating(*a)));
    out.extend(case.context().iter().map(|c| Fact::Context(*c)));
    out.retain(|f| f.weighs_against_leniency());
    out
}

/// An officer's proposal on `scenario`: any tier (lawful or not), a fine
/// from ¥0 to twice the statutory maximum or none, a procedure, 0–2
/// omissions and reasons half the time. Proposals are inputs: what
/// [`review`](crate::review()) makes of them is for the test to check.
pub fn proposal(scenario: &Scenario) -> BoxedStrategy<Proposal> {
    let max = scenario
        .assess()
        .version
        .and_then(|v| v.fine_bounds)
        .map_or(Money::yuan(10_000), |b| b.max())
        .fen()
        .saturating_mul(2)
        .max(1);
    (
        proptest::option::of(select(Tier::ALL.to_vec())),
        proptest::option::of(0..=max),
        proptest::option::of(select(vec![Procedure::Summary, Procedure::Ordinary])),
        proptest::collection::btree_set(select(Omission::ALL.to_vec()), 0..=2),
        any::<bool>(),
        0u32..100,
    )
        .prop_filter_map("valid proposal", |(tier, fine, procedure, omit, reason, n)| {
            Some(Proposal {
                officer: OfficerId::new(format!("OF-{n}")).ok()?,
                agency: None,
                tier,
                sanctions: None,
                fine: fine.map(Money::from_fen),
                procedure,
                mechanisms: None,
                coercive_measures: Vec::new(),
                notified: None,
                new_facts: Vec::new(),
                omit: omit.into_iter().collect(),
                circumstances: Vec::new(),
                reason: reason.then(|| "当事人积极配合调查".to_owned()),
            })
        })
        .boxed()
}

/// A scenario, an officer's edit of its recommendation, and the case and
/// decision after the edit, for the edits that apply
/// ([`OfficerEdit::apply`]). [`OfficerEdit::expected`] is the label: the
/// finding an unlawful edit must draw, `None` for a lawful one.
pub fn edited_decision() -> BoxedStrategy<(Scenario, OfficerEdit, Case, Decision)> {
    (scenario(), super::officer_edit())
        .prop_filter_map("edit applies", |(s, e)| {
            let d = s.recommend();
            let (case, edited) = e.apply(&s.case, &s.catalogue, &d)?;
            Some((s, e, case, edited))
        })
        .boxed()
}
