//! Edits over a batch of decided cases, as a supervisor would try the batch
//! audit ([`audit`](crate::audit::audit)): an officer grants 首违不罚 twice
//! to one party, hides the party's priors after a penalty, spells the party
//! id differently, moves a fine between same-fact cases …

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::sample::select;

use crate::assess::{Ground, Tier};
use crate::audit::{
    AuditCode, AuditConfig, CorrectionStatus, DecidedCase, FirstViolationStatus, PersonalGround,
};
use crate::case::{CaseId, Fault, Gravity, Harm};
use crate::catalogue::ItemCode;
use crate::money::{FineBounds, Money};
use crate::party::PartyId;
use crate::regime::Window;

/// An edit an officer can make over a batch of decided cases, as a
/// supervisor would try the batch audit.
///
/// Each edit carries its label: [`BatchEdit::expected`] is the audit code the
/// edit must draw, or `None` for a lawful edit. The label follows from the
/// edit type alone (and, for the window and the tolerance, from the
/// [`AuditConfig`] the edit is built for); nothing here calls
/// [`assess`](crate::assess()), [`review`](crate::review()) or
/// [`audit`](crate::audit::audit), so a property test built on it can fail.
///
/// A 首违不罚 below is a 不予处罚 on the facts an officer records for one
/// (初次违法、危害后果轻微、及时改正).
///
/// | edit | applies to a case that | label |
/// |---|---|---|
/// | `WaiveTwice` | is an established violation of a party that is not under 14, incapable or without fault | `first_violation_repeated`: the case and a second case of the same party and item 30 days later both get 首违不罚 |
/// | `WaiveTwiceUnlabelled` | as `WaiveTwice` | `first_violation_repeated`: the same, both naming 轻微不罚 as their ground and neither flagged as 首违不罚 |
/// | `WaiveAfterPenalty` | is a penalty (not 不予处罚) | `first_violation_not_first`: a second case 60 days later gets 首违不罚, its priors hidden (recorded as a first violation) |
/// | `PartyIdRecased` | as `WaiveTwice`, with a letter in its party id | `first_violation_repeated`: as `WaiveTwice`, the second case spelling the party id in the other letter case |
/// | `FineBeyondTolerance` | has a fine | `fine_spread`: a same-fact case of another party, same tier, its fine at the other end of the band (or, without a band, beyond the tolerance) |
/// | `RepeatOutsideWindow` | any, the window being `n` months or a calendar year | lawful: the same decision for the same party and item after the window |
/// | `FineWithinTolerance` | has a fine of at least ¥1 | lawful: two same-fact cases of other parties on a new item, fines one fen apart |
/// | `RelabelGround` | any | lawful: the ground the decision names changes, nothing else |
/// | `WaiveOtherItem` | grants 首违不罚 | lawful: a 首违不罚 for the same party on another item |
///
/// Invisible characters in a party id are not an edit: the identifier rules
/// refuse them when the batch is read ([`crate::ident`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BatchEdit {
    /// 首违不罚 twice to one party for one item inside the window.
    WaiveTwice,
    /// The same, both decisions naming another ground.
    WaiveTwiceUnlabelled,
    /// 首违不罚 after a penalty, the priors hidden.
    WaiveAfterPenalty,
    /// `WaiveTwice` with the party id in the other letter case.
    PartyIdRecased,
    /// A same-fact fine beyond the tolerance.
    FineBeyondTolerance,
    /// The same decision again after the window.
    RepeatOutsideWindow,
    /// Two same-fact fines one fen apart.
    FineWithinTolerance,
    /// A different ground named, nothing else changed.
    RelabelGround,
    /// 首违不罚 for the same party on another item.
    WaiveOtherItem,
}

/// A batch after an edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditedBatch {
    /// The edited batch.
    pub cases: Vec<DecidedCase>,
    /// The case the edit concerns: an unlawful edit's finding names it.
    pub target: CaseId,
    /// The case the edit started from.
    pub source: CaseId,
    /// The cases the edit added (all copies of `source`).
    pub added: Vec<CaseId>,
}

impl BatchEdit {
    /// Every edit.
    pub const ALL: [BatchEdit; 9] = [
        BatchEdit::WaiveTwice,
        BatchEdit::WaiveTwiceUnlabelled,
        BatchEdit::WaiveAfterPenalty,
        BatchEdit::PartyIdRecased,
        BatchEdit::FineBeyondTolerance,
        BatchEdit::RepeatOutsideWindow,
        BatchEdit::FineWithinTolerance,
        BatchEdit::RelabelGround,
        BatchEdit::WaiveOtherItem,
    ];

    /// The audit code an unlawful edit must draw, `None` for a lawful one.
    pub const fn expected(self) -> Option<AuditCode> {
        match self {
            BatchEdit::WaiveTwice | BatchEdit::WaiveTwiceUnlabelled | BatchEdit::PartyIdRecased => {
                Some(AuditCode::FirstViolationRepeated)
            }
            BatchEdit::WaiveAfterPenalty => Some(AuditCode::FirstViolationNotFirst),
            BatchEdit::FineBeyondTolerance => Some(AuditCode::FineSpread),
            BatchEdit::RepeatOutsideWindow
            | BatchEdit::FineWithinTolerance
            | BatchEdit::RelabelGround
            | BatchEdit::WaiveOtherItem => None,
        }
    }

    /// Applies the edit to the case at `at` (modulo the batch's length),
    /// for an audit run with `cfg`; `None` when the edit does not apply (see
    /// the table on [`BatchEdit`]).
    pub fn apply(self, batch: &[DecidedCase], at: usize, cfg: &AuditConfig) -> Option<EditedBatch> {
        let i = at.checked_rem(batch.len())?;
        let c = batch.get(i)?;
        let mut cases = batch.to_vec();
        let window = cfg.first_violation_window;
        let waivable = c.facts.bar.is_none()
            && !matches!(c.facts.personal, PersonalGround::UnderFourteen | PersonalGround::Incapable)
            && c.facts.fault != Fault::NoFaultProven;
        let (target, added) = match self {
            BatchEdit::WaiveTwice | BatchEdit::WaiveTwiceUnlabelled | BatchEdit::PartyIdRecased => {
                if !waivable {
                    return None;
                }
                let labelled = self != BatchEdit::WaiveTwiceUnlabelled;
                let first = as_waiver(c, labelled);
                let mut second = copy(&first, "B", 30)?;
                if self == BatchEdit::PartyIdRecased {
                    second.party = recased(&c.party)?;
                }
                if !window.contains(first.act_on, second.act_on) {
                    return None;
                }
                let id = second.case_id.clone();
                *cases.get_mut(i)? = first;
                cases.push(second);
                (id.clone(), vec![id])
            }
            BatchEdit::WaiveAfterPenalty => {
                if c.facts.bar.is_some() || c.tier == Tier::NoPenalty {
                    return None;
                }
                let mut later = as_waiver(&copy(c, "A", 60)?, true);
                // The priors are hidden: the later case records a first violation.
                later.facts.first_violation = FirstViolationStatus::First;
                later.facts.repeat_of_item = false;
                later.facts.list_first_violation = u16::MAX >> 1;
                if !waivable || !window.contains(c.act_on, later.act_on) {
                    return None;
                }
                let id = later.case_id.clone();
                cases.push(later);
                (id.clone(), vec![id])
            }
            BatchEdit::FineBeyondTolerance => {
                let f = c.fine.filter(|f| !f.is_zero())?;
                let mut other = copy(c, "F", 0)?;
                other.party = PartyId::new(format!("{}-F", c.party.as_str())).ok()?;
                other.fine = Some(beyond(f, c.fine_band, cfg.fine_tolerance_permille)?);
                let id = other.case_id.clone();
                cases.push(other);
                (id.clone(), vec![id])
            }
            BatchEdit::RepeatOutsideWindow => {
                let gap = match window {
                    Window::Months(n) => crate::calendar::add_months(c.act_on, n.checked_add(1)?)?,
                    Window::CalendarYear => {
                        NaiveDate::from_ymd_opt(chrono::Datelike::year(&c.act_on) + 1, 12, 31)?
                    }
                    Window::Since(_) | Window::Ever => return None,
                };
                let days = u64::try_from((gap - c.act_on).num_days()).ok()?;
                let later = copy(c, "R", days)?;
                if window.contains(c.act_on, later.act_on) {
                    return None;
                }
                let id = later.case_id.clone();
                cases.push(later);
                (id.clone(), vec![id])
            }
            BatchEdit::FineWithinTolerance => {
                let f = c.fine.filter(|f| *f >= Money::yuan(1))?;
                let item: ItemCode = format!("{}-W", c.item.as_str()).parse().ok()?;
                let mut a = copy(c, "W1", 0)?;
                let mut b = copy(c, "W2", 0)?;
                a.item = item.clone();
                b.item = item;
                a.party = PartyId::new(format!("{}-W1", c.party.as_str())).ok()?;
                b.party = PartyId::new(format!("{}-W2", c.party.as_str())).ok()?;
                let one = Money::from_fen(1);
                // One fen towards the inside of the band (or up, without one).
                b.fine = Some(match c.fine_band {
                    Some(band) if f >= band.max() && band.max() > band.min() => f.checked_sub(one)?,
                    _ => f.checked_add(one)?,
                });
                if let Some(band) = c.fine_band.filter(|b| b.max() > b.min()) {
                    // One fen is within the tolerance only in a band of at
                    // least 1000 / tolerance fen.
                    let width = band.max().fen() - band.min().fen();
                    if u128::from(width) * u128::from(cfg.fine_tolerance_permille) < 1000 {
                        return None;
                    }
                }
                if u128::from(f.fen()) * u128::from(cfg.fine_tolerance_permille) < 1000 {
                    return None;
                }
                let ids = vec![a.case_id.clone(), b.case_id.clone()];
                cases.push(a);
                cases.push(b);
                (c.case_id.clone(), ids)
            }
            BatchEdit::RelabelGround => {
                let e = cases.get_mut(i)?;
                e.ground = Some(match c.ground {
                    Some(Ground::MinorCorrectedNoHarm) => Ground::NoFault,
                    _ => Ground::MinorCorrectedNoHarm,
                });
                (c.case_id.clone(), Vec::new())
            }
            BatchEdit::WaiveOtherItem => {
                if !c.is_first_violation_waiver() {
                    return None;
                }
                let mut other = copy(c, "O", 30)?;
                other.item = format!("{}-O", c.item.as_str()).parse().ok()?;
                let id = other.case_id.clone();
                cases.push(other);
                (id.clone(), vec![id])
            }
        };
        Some(EditedBatch { cases, target, source: c.case_id.clone(), added })
    }
}

/// A copy of `c` as a new case (`{id}-{tag}`), `days` later.
fn copy(c: &DecidedCase, tag: &str, days: u64) -> Option<DecidedCase> {
    let mut e = c.clone();
    e.case_id = format!("{}-{tag}", c.case_id.as_str()).parse().ok()?;
    e.act_on = c.act_on.checked_add_days(chrono::Days::new(days))?;
    e.decided_on = c.decided_on.checked_add_days(chrono::Days::new(days))?;
    Some(e)
}

/// `c` as a 首违不罚 on the facts recorded for one.
fn as_waiver(c: &DecidedCase, labelled: bool) -> DecidedCase {
    let mut e = c.clone();
    e.tier = Tier::NoPenalty;
    e.fine = None;
    e.fine_band = None;
    e.mechanisms.clear();
    e.facts.first_violation = FirstViolationStatus::First;
    e.facts.harm = Harm::Slight;
    e.facts.correction = CorrectionStatus::Prompt;
    if e.facts.gravity == Gravity::Serious {
        e.facts.gravity = Gravity::General;
    }
    e.first_violation_waiver = labelled;
    e.ground = Some(if labelled { Ground::FirstViolation } else { Ground::MinorCorrectedNoHarm });
    e
}

/// The party id with its first letter in the other case, if it has one.
fn recased(p: &PartyId) -> Option<PartyId> {
    let s = p.as_str();
    let (at, ch) = s.char_indices().find(|(_, ch)| ch.is_ascii_alphabetic())?;
    let flipped = if ch.is_ascii_uppercase() { ch.to_ascii_lowercase() } else { ch.to_ascii_uppercase() };
    let mut out = String::with_capacity(s.len());
    out.push_str(s.get(..at)?);
    out.push(flipped);
    out.push_str(s.get(at + ch.len_utf8()..)?);
    PartyId::new(out).ok()
}

/// A fine that spreads from `f` beyond `tolerance` ‰ both by position in
/// `band` (when it has a width) and by amount.
fn beyond(f: Money, band: Option<FineBounds>, tolerance: u32) -> Option<Money> {
    let tol = u128::from(tolerance);
    match band.filter(|b| b.max() > b.min()) {
        Some(b) => {
            let (lo, hi, x) = (u128::from(b.min().fen()), u128::from(b.max().fen()), u128::from(f.fen()));
            // The farther end of the band.
            let to = if x.saturating_sub(lo) * 2 <= hi - lo { hi } else { lo };
            let moved = to.abs_diff(x) * 1000;
            let (small, large) = (x.min(to), x.max(to));
            // The audit floors positions to whole ‰: a full step past the tolerance.
            let by_position = moved >= (tol + 1) * (hi - lo);
            let by_amount = (large - small) * 1000 > small * tol;
            (by_position && by_amount).then(|| Money::from_fen(u64::try_from(to).unwrap_or(u64::MAX)))
        }
        None => {
            let x = u128::from(f.fen());
            let up = x + x * tol / 1000 + 1;
            u64::try_from(up).ok().map(Money::from_fen)
        }
    }
}

/// An edit, uniformly over [`BatchEdit::ALL`].
pub fn batch_edit() -> impl Strategy<Value = BatchEdit> {
    select(BatchEdit::ALL.to_vec())
}

/// A batch of 1–20 recommended decisions over one generated catalogue and
/// regime ([`case_for`](super::case_for), [`regime`](super::regime)),
/// decided 30 days after discovery, each party distinct (`P-000` …) and each
/// case numbered `C-000` ….
pub fn decided_batch() -> impl Strategy<Value = Vec<DecidedCase>> {
    (super::catalogue(), super::regime()).prop_flat_map(|(catalogue, regime)| {
        proptest::collection::vec(super::case_for(&catalogue), 1..=20).prop_map(move |cases| {
            cases
                .iter()
                .enumerate()
                .filter_map(|(n, case)| {
                    let as_of = case.discovered_on().checked_add_days(chrono::Days::new(30))?;
                    let a = crate::assess(case, &catalogue, &regime, as_of);
                    let d = crate::recommend(&a, &regime);
                    let mut c = DecidedCase::new(case, &a, &d);
                    c.case_id = format!("C-{n:03}").parse().ok()?;
                    c.party = PartyId::new(format!("P-{n:03}")).ok()?;
                    Some(c)
                })
                .collect()
        })
    })
}
