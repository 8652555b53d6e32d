//! List lint: the checks [`Catalogue::warnings`](super::Catalogue::warnings)
//! runs on list entries.
//!
//! The entry checks decide satisfiability exactly over the facts list tests
//! read: harm, correction, gravity, fault, one first-violation flag per
//! window (the regime's window is one more), whether the item was violated
//! before, and the item-specific facts and context facts the entry names.
//! The tests and exclusions read nothing else, so an entry whose tests and
//! exclusions no combination satisfies can never apply to any case, and a
//! combination that satisfies them but not the statute's floor is a real
//! case the list would exempt beyond the law.

use serde::{Deserialize, Serialize};

use super::{CatalogueWarning, Condition, Exclusion, FactKey, Item, ListEntry, ListOutcome};
use crate::facts::{Context, Fault, Gravity, Harm, Window};
use crate::money::{FineRule, Money};

/// A combination of case facts, shown as the example of a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Witness {
    /// 危害后果.
    pub harm: Harm,
    /// 及时改正.
    pub corrected_promptly: bool,
    /// 情节.
    pub gravity: Gravity,
    /// 初次违法 under the regime's first-violation policy.
    pub first_violation: bool,
}

/// Why an entry is more lenient than the statute allows.
///
/// This enum is non-exhaustive so that other reasons may be added in semver
/// compatible releases.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum BeyondStatuteReason {
    /// A no-penalty entry whose conditions also hold in a case where
    /// 《中华人民共和国行政处罚法》第三十三条第一款 allows no exemption (the
    /// example).
    NoPenaltyBeyondArt33 {
        /// A case the entry's conditions admit.
        example: Witness,
    },
    /// A 从轻 entry's reduced fine goes below the statutory minimum: 从轻 stays
    /// within the statutory range, below it is 减轻.
    LighterBelowMinimum {
        /// The entry's lowest amount.
        reduced: Money,
        /// The statutory minimum.
        minimum: Money,
    },
    /// A 减轻 entry: a list cannot open 减轻 (below the statutory minimum, or a
    /// lighter kind) by itself. It loads, and [`assess`](crate::assess())
    /// applies it only where the case has a statutory 减轻 ground
    /// (《中华人民共和国行政处罚法》第三十条、第三十一条第三句、第三十二条, including 第三十二条
    /// 第（五）项), citing that ground.
    MitigationWithoutStatutoryGround,
    /// A reduced fine above the statutory maximum.
    AboveMaximum {
        /// The entry's highest amount.
        reduced: Money,
        /// The statutory maximum.
        maximum: Money,
    },
}

/// Why an entry can never apply.
///
/// This enum is non-exhaustive so that other reasons may be added in semver
/// compatible releases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NeverAppliesReason {
    /// No case meets all its conditions without meeting an exclusion.
    Contradictory,
    /// Its conditions can hold only where the statute forbids the
    /// exemption, so [`assess`](crate::assess()) never applies it.
    StatuteForbids,
    /// It takes effect only after the item stopped being a violation (an
    /// amendment with no penalty).
    NoLongerUnlawful,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Corr {
    Prompt,
    Late,
    None,
    Refused,
}

#[derive(Clone, Copy)]
struct World {
    harm: Harm,
    corr: Corr,
    gravity: Gravity,
    fault: Fault,
    /// Bit k: a first violation under `windows[k]`.
    first: u32,
    repeat: bool,
}

/// The facts an entry's tests name: windows (index 0 is the regime's),
/// required facts and contexts.
struct Vocab<'a> {
    windows: Vec<Option<Window>>,
    facts: Vec<&'a FactKey>,
    contexts: Vec<Context>,
}

impl<'a> Vocab<'a> {
    fn of(tests: &[&'a Condition]) -> Vocab<'a> {
        let mut v = Vocab { windows: vec![None], facts: Vec::new(), contexts: Vec::new() };
        for t in tests {
            match t {
                Condition::FirstViolation { window } if !v.windows.contains(window) => {
                    v.windows.push(*window)
                }
                Condition::Fact { key } => v.facts.push(key),
                Condition::CommitmentSigned => v.contexts.push(Context::CommitmentSigned),
                _ => {}
            }
        }
        v
    }

    fn bit(&self, w: &Option<Window>) -> u32 {
        let k = self.windows.iter().position(|x| x == w).unwrap_or(0);
        1u32.checked_shl(u32::try_from(k).unwrap_or(31)).unwrap_or(0)
    }

    /// Every combination, in a fixed order (lenient facts first).
    fn worlds(&self) -> Vec<World> {
        let n = u32::try_from(self.windows.len().min(8)).unwrap_or(8);
        let mut out = Vec::new();
        for &harm in Harm::ALL {
            for corr in [Corr::Prompt, Corr::Late, Corr::None, Corr::Refused] {
                for &gravity in Gravity::ALL {
                    for &fault in Fault::ALL {
                        for first in (0..(1u32 << n)).rev() {
                            for repeat in [false, true] {
                                let w = World { harm, corr, gravity, fault, first, repeat };
                                if self.consistent(&w) {
                                    out.push(w);
                                }
                            }
                        }
                    }
                }
            }
        }
        out
    }

    /// A first violation with no window at all ("ever") excludes an earlier
    /// violation of the same item.
    fn consistent(&self, w: &World) -> bool {
        !(w.repeat
            && w.first & self.bit(&Some(Window::Ever)) != 0
            && self.windows.contains(&Some(Window::Ever)))
    }

    fn test(&self, t: &Condition, w: &World) -> bool {
        match t {
            Condition::FirstViolation { window } => w.first & self.bit(window) != 0,
            Condition::CorrectedPromptly => w.corr == Corr::Prompt,
            Condition::NoHarm => w.harm == Harm::None,
            Condition::HarmAtMostSlight => w.harm <= Harm::Slight,
            Condition::Minor => w.gravity == Gravity::Minor,
            Condition::NotIntentional => w.fault != Fault::Intentional,
            // Facts and contexts the tests need are set; others are not.
            Condition::CommitmentSigned | Condition::Fact { .. } => true,
        }
    }

    fn excluded(&self, x: &Exclusion, w: &World) -> bool {
        match x {
            Exclusion::Context { context } => self.contexts.contains(context),
            Exclusion::RefusedCorrection => w.corr == Corr::Refused,
            Exclusion::RepeatViolation => w.repeat,
            Exclusion::SeriousCircumstances => w.gravity == Gravity::Serious,
            Exclusion::Fact { key } => self.facts.contains(&key),
        }
    }
}

/// Whether some combination of facts meets `tests` and no exclusion.
fn satisfiable(tests: &[&Condition], exclusions: &[Exclusion]) -> bool {
    let v = Vocab::of(tests);
    v.worlds()
        .iter()
        .any(|w| tests.iter().all(|t| v.test(t, w)) && !exclusions.iter().any(|x| v.excluded(x, w)))
}

fn money_range(rule: FineRule) -> Option<(Money, Money)> {
    match rule {
        FineRule::Range { min, max } => Some((min, max)),
        FineRule::UpTo { max } => Some((Money::ZERO, max)),
        FineRule::Fixed { amount } => Some((amount, amount)),
        FineRule::Multiple { .. } => None,
    }
}

/// The entry checks of one item, appended to `out`.
pub(super) fn lint_item(item: &Item, out: &mut Vec<CatalogueWarning>) {
    for e in &item.entries {
        lint_entry(item, e, out);
    }
    lint_overlaps(item, out);
}

fn lint_entry(item: &Item, e: &ListEntry, out: &mut Vec<CatalogueWarning>) {
    // An amendment that ends the violation before the entry starts.
    if let Some(from) = e.effective_from {
        let ended = item.penalty_on(from).is_none()
            && !item.amendments.iter().any(|a| a.effective_from > from && a.penalty.is_some());
        if ended {
            out.push(CatalogueWarning::NeverApplies {
                entry: e.id.clone(),
                reason: NeverAppliesReason::NoLongerUnlawful,
            });
        }
    }
    lint_reduced_fines(item, e, out);
    if e.conditions.iter().any(|c| c.tests.is_empty()) {
        return; // reported as an untested condition
    }
    let tests: Vec<&Condition> = e.conditions.iter().flat_map(|c| &c.tests).collect();
    let v = Vocab::of(&tests);
    let admitted: Vec<World> = v
        .worlds()
        .into_iter()
        .filter(|w| tests.iter().all(|t| v.test(t, w)) && !e.exclusions.iter().any(|x| v.excluded(x, w)))
        .collect();
    if admitted.is_empty() {
        // Only then can a single condition be unsatisfiable: a case meeting
        // all conditions meets each one with fewer facts set.
        for (i, c) in e.conditions.iter().enumerate() {
            let tests: Vec<&Condition> = c.tests.iter().collect();
            if !satisfiable(&tests, &e.exclusions) {
                out.push(CatalogueWarning::UnsatisfiableCondition { entry: e.id.clone(), condition: i });
            }
        }
        out.push(CatalogueWarning::NeverApplies {
            entry: e.id.clone(),
            reason: NeverAppliesReason::Contradictory,
        });
        return;
    }
    if !matches!(e.outcome, ListOutcome::NoPenalty | ListOutcome::FirstViolationNoPenalty) {
        return;
    }
    let first_required = tests.iter().any(|t| matches!(t, Condition::FirstViolation { .. }));
    let floor = |w: &World| {
        let first = first_required || w.first & 1 != 0;
        crate::assess::list_no_penalty_floor(w.harm, w.corr == Corr::Prompt, w.gravity, first)
    };
    if !admitted.iter().any(floor) {
        out.push(CatalogueWarning::NeverApplies {
            entry: e.id.clone(),
            reason: NeverAppliesReason::StatuteForbids,
        });
    } else if let Some(w) = admitted.iter().find(|w| !floor(w)) {
        let example = Witness {
            harm: w.harm,
            corrected_promptly: w.corr == Corr::Prompt,
            gravity: w.gravity,
            first_violation: w.first & 1 != 0,
        };
        out.push(CatalogueWarning::BeyondStatute {
            entry: e.id.clone(),
            reason: BeyondStatuteReason::NoPenaltyBeyondArt33 { example },
        });
    }
}

fn lint_reduced_fines(item: &Item, e: &ListEntry, out: &mut Vec<CatalogueWarning>) {
    for (reduced, natural) in [(e.reduced_fine, false), (e.reduced_fine_natural_person, true)] {
        let (Some(reduced), Some(statute)) = (reduced, item.penalty.fine_for(natural)) else {
            continue;
        };
        let (Some((rmin, rmax)), Some((smin, smax))) = (money_range(reduced), money_range(statute)) else {
            continue;
        };
        if rmax > smax {
            out.push(CatalogueWarning::BeyondStatute {
                entry: e.id.clone(),
                reason: BeyondStatuteReason::AboveMaximum { reduced: rmax, maximum: smax },
            });
        }
        if e.outcome == ListOutcome::Lighten && rmin < smin {
            out.push(CatalogueWarning::BeyondStatute {
                entry: e.id.clone(),
                reason: BeyondStatuteReason::LighterBelowMinimum { reduced: rmin, minimum: smin },
            });
        }
    }
}

/// Entries of one item in force on a common day where one's tests include
/// all of the other's and its exclusions all of the other's: every case the
/// first applies to, the other applies to as well.
fn lint_overlaps(item: &Item, out: &mut Vec<CatalogueWarning>) {
    let tested = |e: &ListEntry| e.conditions.iter().all(|c| !c.tests.is_empty());
    let entries: Vec<&ListEntry> = item.entries.iter().filter(|e| tested(e)).collect();
    for (i, a) in entries.iter().enumerate() {
        for (j, b) in entries.iter().enumerate() {
            if i == j || (a.outcome == ListOutcome::NoCoercion) != (b.outcome == ListOutcome::NoCoercion) {
                continue;
            }
            let from = a.effective_from.max(b.effective_from);
            let until = match (a.valid_until, b.valid_until) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            };
            if from.zip(until).is_some_and(|(f, u)| f > u) {
                continue;
            }
            let a_tests: Vec<&Condition> = a.conditions.iter().flat_map(|c| &c.tests).collect();
            let b_tests: Vec<&Condition> = b.conditions.iter().flat_map(|c| &c.tests).collect();
            let covers = b_tests.iter().all(|t| a_tests.contains(t))
                && b.exclusions.iter().all(|x| a.exclusions.contains(x));
            let same = covers
                && a_tests.iter().all(|t| b_tests.contains(t))
                && a.exclusions.iter().all(|x| b.exclusions.contains(x));
            // identical entries are reported once, for the later one
            if covers && !(same && i < j) {
                out.push(CatalogueWarning::EntryOverlap {
                    entry: a.id.clone(),
                    other: b.id.clone(),
                    same_outcome: a.outcome == b.outcome,
                });
            }
        }
    }
}
