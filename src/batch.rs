//! Batch assessment and decision (批量研判): many cases against one
//! catalogue and regime on one day.
//!
//! [`assess_many`] and [`decide_many`] give exactly what [`assess`] and
//! [`assess`] + [`recommend`] give case by case, in the order of the cases;
//! [`decide_many_into`] fills a buffer the caller keeps between batches, so
//! a service deciding batch after batch allocates its output vector once.
//! With the `rayon` feature, [`par_assess_many`], [`par_decide_many`] and
//! [`par_decide_many_into`] spread the cases over every core (rayon's global
//! pool, or the pool the caller runs them in) with the same results in the
//! same order: each case is decided alone, from shared read-only inputs, so
//! no lock is taken.
//!
//! # Legal basis
//!
//! The same as [`assess`] and [`recommend`]: each case is assessed under
//! 《中华人民共和国行政处罚法》(2021) on its own facts (第五条第二款: "设定和实施行政处罚必须以事实为依据，
//! 与违法行为的事实、性质、情节以及社会危害程度相当"); deciding many at once changes
//! nothing in any one of them.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use rouxing::batch::{decide_many, decide_many_into};
//! use rouxing::{assess, recommend, Case, Catalogue, Regime};
//!
//! let catalogue = Catalogue::bundled()?;
//! let cases = [
//!     Case::from_json(include_str!("../examples/data/cases/first-violation.json"), &catalogue)?,
//!     Case::from_json(include_str!("../examples/data/cases/ordinary.json"), &catalogue)?,
//! ];
//! let regime = Regime::national();
//! let on = NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?;
//!
//! let decisions = decide_many(&cases, &catalogue, &regime, on);
//! for (case, d) in cases.iter().zip(&decisions) {
//!     assert_eq!(*d, recommend(&assess(case, &catalogue, &regime, on), &regime));
//! }
//!
//! // A buffer kept between batches: cleared and refilled.
//! let mut buffer = Vec::new();
//! decide_many_into(&cases, &catalogue, &regime, on, &mut buffer);
//! assert_eq!(buffer, decisions);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::NaiveDate;

use crate::assess::{Assessment, assess};
use crate::case::Case;
use crate::catalogue::Catalogue;
use crate::decision::{Decision, recommend};
use crate::regime::Regime;

/// [`assess`] of every case, in order.
///
/// # Legal basis
///
/// As [`assess`]: 《中华人民共和国行政处罚法》第五条第二款, each case on its own facts.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::batch::assess_many;
/// use rouxing::{Case, Catalogue, Regime, Tier};
///
/// let catalogue = Catalogue::bundled()?;
/// let cases = [Case::from_json(include_str!("../examples/data/cases/minor-no-harm.json"), &catalogue)?];
/// let on = NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?;
/// let assessments = assess_many(&cases, &catalogue, &Regime::national(), on);
/// assert_eq!(assessments.len(), 1);
/// assert!(assessments.iter().all(|a| a.is_lawful(a.most_lenient())));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn assess_many(
    cases: &[Case],
    catalogue: &Catalogue,
    regime: &Regime,
    as_of: NaiveDate,
) -> Vec<Assessment> {
    cases.iter().map(|case| assess(case, catalogue, regime, as_of)).collect()
}

/// [`assess`] + [`recommend`] of every case, in order.
///
/// # Legal basis
///
/// As [`assess`] and [`recommend`]: 《中华人民共和国行政处罚法》第五条第二款, each case
/// on its own facts.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::batch::decide_many;
/// use rouxing::{Case, Catalogue, Regime, Tier};
///
/// let catalogue = Catalogue::bundled()?;
/// let cases = [Case::from_json(include_str!("../examples/data/cases/first-violation.json"), &catalogue)?];
/// let on = NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?;
/// let decisions = decide_many(&cases, &catalogue, &Regime::national(), on);
/// assert_eq!(decisions.first().map(|d| d.tier), Some(Tier::NoPenalty));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn decide_many(
    cases: &[Case],
    catalogue: &Catalogue,
    regime: &Regime,
    as_of: NaiveDate,
) -> Vec<Decision> {
    let mut out = Vec::new();
    decide_many_into(cases, catalogue, regime, as_of, &mut out);
    out
}

/// [`decide_many`] into `out`: `out` is cleared, then holds one decision
/// per case, in order. Its capacity is kept, so a buffer reused across
/// batches of similar size is allocated once.
///
/// # Legal basis
///
/// As [`assess`] and [`recommend`]: 《中华人民共和国行政处罚法》第五条第二款.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::batch::decide_many_into;
/// use rouxing::{Case, Catalogue, Regime};
///
/// let catalogue = Catalogue::bundled()?;
/// let cases = [Case::from_json(include_str!("../examples/data/cases/ordinary.json"), &catalogue)?];
/// let on = NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?;
/// let mut out = Vec::with_capacity(1);
/// for _ in 0..3 {
///     decide_many_into(&cases, &catalogue, &Regime::national(), on, &mut out);
///     assert_eq!(out.len(), 1);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn decide_many_into(
    cases: &[Case],
    catalogue: &Catalogue,
    regime: &Regime,
    as_of: NaiveDate,
    out: &mut Vec<Decision>,
) {
    out.clear();
    out.reserve(cases.len());
    out.extend(cases.iter().map(|case| recommend(&assess(case, catalogue, regime, as_of), regime)));
}

/// [`assess_many`] over every core (feature `rayon`): the same assessments
/// in the same order.
///
/// # Legal basis
///
/// As [`assess`]: 《中华人民共和国行政处罚法》第五条第二款.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::batch::{assess_many, par_assess_many};
/// use rouxing::{Case, Catalogue, Regime};
///
/// let catalogue = Catalogue::bundled()?;
/// let cases = [Case::from_json(include_str!("../examples/data/cases/ordinary.json"), &catalogue)?];
/// let (regime, on) = (Regime::national(), NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?);
/// assert_eq!(
///     par_assess_many(&cases, &catalogue, &regime, on),
///     assess_many(&cases, &catalogue, &regime, on),
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "rayon")]
#[must_use]
pub fn par_assess_many(
    cases: &[Case],
    catalogue: &Catalogue,
    regime: &Regime,
    as_of: NaiveDate,
) -> Vec<Assessment> {
    use rayon::prelude::*;
    cases.par_iter().map(|case| assess(case, catalogue, regime, as_of)).collect()
}

/// [`decide_many`] over every core (feature `rayon`): the same decisions in
/// the same order.
///
/// # Legal basis
///
/// As [`assess`] and [`recommend`]: 《中华人民共和国行政处罚法》第五条第二款.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::batch::{decide_many, par_decide_many};
/// use rouxing::{Case, Catalogue, Regime};
///
/// let catalogue = Catalogue::bundled()?;
/// let cases = [Case::from_json(include_str!("../examples/data/cases/first-violation.json"), &catalogue)?];
/// let (regime, on) = (Regime::national(), NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?);
/// assert_eq!(
///     par_decide_many(&cases, &catalogue, &regime, on),
///     decide_many(&cases, &catalogue, &regime, on),
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "rayon")]
#[must_use]
pub fn par_decide_many(
    cases: &[Case],
    catalogue: &Catalogue,
    regime: &Regime,
    as_of: NaiveDate,
) -> Vec<Decision> {
    let mut out = Vec::new();
    par_decide_many_into(cases, catalogue, regime, as_of, &mut out);
    out
}

/// [`decide_many_into`] over every core (feature `rayon`): `out` is cleared,
/// then holds the same decisions in the same order; its capacity is kept.
///
/// # Legal basis
///
/// As [`assess`] and [`recommend`]: 《中华人民共和国行政处罚法》第五条第二款.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use rouxing::batch::par_decide_many_into;
/// use rouxing::{Case, Catalogue, Regime};
///
/// let catalogue = Catalogue::bundled()?;
/// let cases = [Case::from_json(include_str!("../examples/data/cases/ordinary.json"), &catalogue)?];
/// let on = NaiveDate::from_ymd_opt(2026, 11, 25).ok_or("date")?;
/// let mut out = Vec::new();
/// par_decide_many_into(&cases, &catalogue, &Regime::national(), on, &mut out);
/// assert_eq!(out.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "rayon")]
pub fn par_decide_many_into(
    cases: &[Case],
    catalogue: &Catalogue,
    regime: &Regime,
    as_of: NaiveDate,
    out: &mut Vec<Decision>,
) {
    use rayon::prelude::*;
    cases
        .par_iter()
        .map(|case| recommend(&assess(case, catalogue, regime, as_of), regime))
        .collect_into_vec(out);
}
