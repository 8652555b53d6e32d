//! The property-based list check for list authors ([`check_list`]).

use std::cell::Cell;
use std::fmt;

use proptest::prelude::*;
use proptest::test_runner::{
    Config as RunnerConfig, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner,
};

use super::{Config, ConfigError};
use crate::assess::{EntryResult, Rule, Why, assess};
use crate::case::{Case, Context, Correction, Fault, Gravity, Harm};
use crate::catalogue::{Catalogue, Condition, EntryId, Exclusion, ItemCode, ListEntry, ListOutcome};
use crate::law::Citation;
use crate::party::MentalCapacity;
use crate::regime::Regime;

/// What is wrong with a list entry, with the case that shows it.
///
/// This enum is non-exhaustive so that other checks may be added in semver
/// compatible releases.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ListProblem {
    /// A 不予处罚 entry whose conditions hold in a case where the statute
    /// forbids the exemption (harm beyond slight, no prompt correction,
    /// serious circumstances): the list would exempt beyond
    /// 《中华人民共和国行政处罚法》第三十三条第一款. rouxing refuses the entry in that
    /// case ([`EntryResult::StatuteForbids`]); an embedding system that
    /// applies the list's text itself would not.
    ExemptionBeyondStatute {
        /// The counterexample (shrunk).
        case: Box<Case>,
    },
    /// A 减轻处罚 entry whose conditions hold in a case with no statutory
    /// ground for 减轻 (Art. 30 minor, Art. 31 partial capacity, an Art. 32
    /// circumstance): a department's list is no 法律、法规、规章 and cannot
    /// create one (Art. 32 (五)). `assess` refuses the entry there
    /// ([`EntryResult::NoStatutoryGround`]); an embedding system that applies
    /// the list's text itself would not.
    MitigationWithoutGround {
        /// The counterexample (shrunk).
        case: Box<Case>,
    },
    /// No generated case met the entry: it can never apply, or only in
    /// cases the generator did not reach.
    NeverApplies {
        /// How many cases were tried.
        tried: u32,
    },
}

impl ListProblem {
    /// The stable code.
    pub const fn code(&self) -> &'static str {
        match self {
            ListProblem::ExemptionBeyondStatute { .. } => "exemption_beyond_statute",
            ListProblem::MitigationWithoutGround { .. } => "mitigation_without_ground",
            ListProblem::NeverApplies { .. } => "never_applies",
        }
    }

    /// The provision the problem is measured against.
    pub const fn citation(&self) -> Citation {
        match self {
            ListProblem::ExemptionBeyondStatute { .. } => Citation::apl(33).para(1),
            ListProblem::MitigationWithoutGround { .. } => Citation::apl(32).item(5),
            ListProblem::NeverApplies { .. } => Citation::apl(5).para(3),
        }
    }

    /// The counterexample, if the problem has one.
    pub fn case(&self) -> Option<&Case> {
        match self {
            ListProblem::ExemptionBeyondStatute { case } | ListProblem::MitigationWithoutGround { case } => {
                Some(case)
            }
            ListProblem::NeverApplies { .. } => None,
        }
    }
}

/// A problem of one list entry.
///
/// `Display` is Chinese, with the code, the provision and the
/// counterexample's facts:
///
/// ```text
/// 事项 X-1 清单条目 X-1-E0：不予处罚的条件在法律不允许免罚的案件中也成立（exemption_beyond_statute，《中华人民共和国行政处罚法》第三十三条第一款）；反例：案件 C-1，危害后果 serious，改正 none，情节 ordinary
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryFinding {
    /// The item.
    pub item: ItemCode,
    /// The entry.
    pub entry: EntryId,
    /// The problem.
    pub problem: ListProblem,
}

impl fmt::Display for EntryFinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match &self.problem {
            ListProblem::ExemptionBeyondStatute { .. } => {
                "不予处罚的条件在法律不允许免罚的案件中也成立".to_owned()
            }
            ListProblem::MitigationWithoutGround { .. } => "减轻处罚适用于没有法定减轻情节的案件".to_owned(),
            ListProblem::NeverApplies { tried } => format!("在 {tried} 个生成的案件中均未适用"),
        };
        write!(
            f,
            "事项 {} 清单条目 {}：{what}（{}，{}）",
            self.item,
            self.entry,
            self.problem.code(),
            self.problem.citation()
        )?;
        if let Some(c) = self.problem.case() {
            write!(
                f,
                "；反例：案件 {}，危害后果 {}，改正 {}，情节 {}",
                c.id(),
                c.harm(),
                correction_code(c.correction()),
                c.gravity()
            )?;
        }
        Ok(())
    }
}

fn correction_code(c: Correction) -> &'static str {
    match c {
        Correction::None => "none",
        Correction::Prompt { .. } => "prompt",
        Correction::Late { .. } => "late",
        Correction::Refused => "refused",
    }
}

/// The case changed so that the entry's machine tests hold and its
/// exclusions do not (where the facts allow), leaving every other fact —
/// the harm in particular, unless a test names it — as generated.
fn aimed_at(entry: &ListEntry, case: &Case) -> Option<Case> {
    let mut b = case.to_builder();
    let mut context: Vec<Context> = case.context().to_vec();
    let mut confirmed = case.confirmed().to_vec();
    for test in entry.conditions.iter().flat_map(|c| &c.tests) {
        b = match test {
            Condition::FirstViolation { .. } => b.priors(Vec::new()),
            Condition::CorrectedPromptly => b.correction(Correction::Prompt { on: case.discovered_on() }),
            Condition::NoHarm => b.harm(Harm::None),
            Condition::HarmAtMostSlight if case.harm() > Harm::Slight => b.harm(Harm::Slight),
            Condition::Minor => b.gravity(Gravity::Minor),
            Condition::NotIntentional if case.fault() == Fault::Intentional => b.fault(Fault::Negligent),
            Condition::CommitmentSigned => {
                context.push(Context::CommitmentSigned);
                b
            }
            Condition::Fact { key } => {
                confirmed.push(key.clone());
                b
            }
            _ => b,
        };
    }
    for x in &entry.exclusions {
        b = match x {
            Exclusion::Context { context: c } => {
                context.retain(|k| k != c);
                b
            }
            Exclusion::RefusedCorrection if case.correction() == Correction::Refused => {
                b.correction(Correction::None)
            }
            Exclusion::RepeatViolation => b.priors(Vec::new()),
            Exclusion::SeriousCircumstances if case.gravity() == Gravity::Serious => {
                b.gravity(Gravity::General)
            }
            Exclusion::Fact { key } => {
                confirmed.retain(|k| k != key);
                b
            }
            _ => b,
        };
    }
    context.sort();
    context.dedup();
    confirmed.sort();
    confirmed.dedup();
    b.context(context).confirmed(confirmed).build().ok()
}

fn entry_result(a: &crate::Assessment, index: u16) -> Option<EntryResult> {
    a.trace.iter().find_map(|t| match t.why {
        Why::Entry { index: i, result } if t.rule == Rule::ListEntry && i == index => Some(result),
        _ => None,
    })
}

/// Whether the case's facts carry a statutory ground for 减轻: aged 14–17
/// on the act day (Art. 30), capacity not fully lost (Art. 31 sentence 3),
/// or an Art. 32 circumstance; or the entry itself restates Art. 32 (its
/// `basis` cites 行政处罚法第三十二条: its conditions are then the officer's
/// findings of the statute's grounds, which rouxing cannot map to the typed
/// circumstances).
fn statutory_mitigation(case: &Case, entry: &ListEntry) -> bool {
    let p = case.party();
    let minor = p.age_on(case.act().start()).is_some_and(|a| (14..18).contains(&a));
    let partial = p.capacity() == Some(MentalCapacity::Partial);
    let art_32 = case.mitigating().iter().any(|m| m.art_32_item().is_some());
    let restates =
        entry.basis.as_deref().is_some_and(|b| b.contains("行政处罚法") && b.contains("第三十二条"));
    minor || partial || art_32 || restates
}

/// Checks every list entry of `catalogue` against the statute with
/// `cases` generated cases each (drawn as `config` says, then aimed at the
/// entry half the time: its tests made to hold, its exclusions not), and
/// returns one finding per entry that fails, in catalogue order, each with
/// a shrunk counterexample case.
///
/// The checks (see [`ListProblem`]):
///
/// * a 不予处罚 / 首违不罚 entry whose conditions hold where Art. 33 ¶1 forbids
///   the exemption — [`ListProblem::ExemptionBeyondStatute`];
/// * a 减轻处罚 entry that applies to a case whose facts carry no Art. 30,
///   31 or 32 ground, unless the entry restates Art. 32 (its `basis` cites
///   行政处罚法第三十二条) — [`ListProblem::MitigationWithoutGround`];
/// * an entry that no case met — [`ListProblem::NeverApplies`].
///
/// The run is deterministic (a fixed seed): the same list gives the same
/// report. The static counterpart is
/// [`Catalogue::warnings`](crate::Catalogue::warnings), which decides the
/// entry's satisfiability exactly over the facts list tests read; this
/// check runs the whole [`assess`] on real cases.
///
/// # Errors
///
/// A [`ConfigError`] when `config` does not validate.
///
/// # Legal basis
///
/// 《中华人民共和国行政处罚法》第三十三条第一款 (the floor of 不予处罚), 第三十二条第（五）项
/// ("法律、法规、规章规定其他应当从轻或者减轻行政处罚的"), 第五条第三款 (a published rule that
/// never applies is no rule the public can rely on).
///
/// ```
/// use rouxing::strategy::{self, Config, ListProblem};
/// use rouxing::{Catalogue, Regime};
///
/// let catalogue = Catalogue::bundled()?;
/// let findings = strategy::check_list(&catalogue, &Regime::national(), &Config::default(), 32)?;
/// for f in &findings {
///     println!("{f}");
/// }
/// // E060 (首违不罚 of unauthorised posters) tests prompt correction and a
/// // first violation but not the harm: its conditions also hold where the
/// // harm is more than slight, which Art. 33 ¶1 does not exempt.
/// let e060 = findings.iter().find(|f| f.entry.as_str() == "E060").ok_or("E060 not reported")?;
/// assert!(matches!(e060.problem, ListProblem::ExemptionBeyondStatute { .. }));
/// let case = e060.problem.case().ok_or("no counterexample")?;
/// assert!(case.harm() > rouxing::case::Harm::Slight || case.gravity() == rouxing::case::Gravity::Serious);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_list(
    catalogue: &Catalogue,
    regime: &Regime,
    config: &Config,
    cases: u32,
) -> Result<Vec<EntryFinding>, ConfigError> {
    config.validate()?;
    let mut findings = Vec::new();
    for item in catalogue.items() {
        let strategy = super::config::case_with_items(catalogue, config, vec![item.code.clone()])?;
        for (i, entry) in item.entries.iter().enumerate() {
            let Ok(index) = u16::try_from(i) else { continue };
            let aimed = {
                let entry = entry.clone();
                (strategy.clone(), any::<bool>())
                    .prop_map(move |(c, aim)| if aim { aimed_at(&entry, &c).unwrap_or(c) } else { c })
            };
            let applied = Cell::new(false);
            let mut runner = TestRunner::new_with_rng(
                RunnerConfig { cases: cases.max(1), failure_persistence: None, ..RunnerConfig::default() },
                TestRng::deterministic_rng(RngAlgorithm::ChaCha),
            );
            let outcome = entry.outcome;
            let result = runner.run(&aimed, |case| {
                let as_of = case.discovered_on();
                let a = assess(&case, catalogue, regime, as_of);
                match (outcome, entry_result(&a, index)) {
                    (
                        ListOutcome::NoPenalty | ListOutcome::FirstViolationNoPenalty,
                        Some(EntryResult::StatuteForbids),
                    ) => Err(TestCaseError::fail("exemption_beyond_statute")),
                    // Met in a case without a statutory 减轻 ground: `assess`
                    // refuses the entry (Arts. 30, 31, 32), and the list author
                    // learns the entry promises what the law withholds.
                    (ListOutcome::Mitigate, Some(EntryResult::NoStatutoryGround)) => {
                        applied.set(true);
                        Err(TestCaseError::fail("mitigation_without_ground"))
                    }
                    (ListOutcome::Mitigate, Some(EntryResult::Applies))
                        if !statutory_mitigation(&case, entry) =>
                    {
                        applied.set(true);
                        Err(TestCaseError::fail("mitigation_without_ground"))
                    }
                    (_, Some(EntryResult::Applies)) => {
                        applied.set(true);
                        Ok(())
                    }
                    _ => Ok(()),
                }
            });
            let problem = match result {
                Err(TestError::Fail(why, case)) if why.message() == "exemption_beyond_statute" => {
                    Some(ListProblem::ExemptionBeyondStatute { case: Box::new(case) })
                }
                Err(TestError::Fail(_, case)) => {
                    Some(ListProblem::MitigationWithoutGround { case: Box::new(case) })
                }
                Err(TestError::Abort(_)) | Ok(()) if !applied.get() => {
                    Some(ListProblem::NeverApplies { tried: cases.max(1) })
                }
                _ => None,
            };
            if let Some(problem) = problem {
                findings.push(EntryFinding { item: item.code.clone(), entry: entry.id.clone(), problem });
            }
        }
    }
    Ok(findings)
}
