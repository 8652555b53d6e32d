//! The consistency audit against a reference: the grouping `audit::consistency`
//! used before it grouped by item with compact records (one hash table over
//! every case, keyed by item code and the whole fact signature). Both must
//! find the same groups, in the same order, with the same members.

use std::collections::HashMap;

use proptest::prelude::*;
use rouxing::assess::Tier;
use rouxing::audit::{
    AuditConfig, DecidedCase, Divergence, FactSignature, Member, SpreadMeasure, TierCounts, consistency,
};
use rouxing::case::{Gravity, Harm};
use rouxing::catalogue::FactKey;
use rouxing::money::{FineBounds, Money};

use super::decided;

#[derive(Clone, Copy, Default)]
struct FineSlot {
    range: Option<(Money, Money)>,
    positions: Option<(i64, i64)>,
    unbanded: bool,
}

fn position_permille(fine: Money, band: FineBounds) -> Option<i64> {
    let (lo, hi) = (i128::from(band.min().fen()), i128::from(band.max().fen()));
    let width = hi - lo;
    if width <= 0 {
        return None;
    }
    i64::try_from((i128::from(fine.fen()) - lo) * 1000 / width).ok()
}

impl FineSlot {
    fn add(&mut self, fine: Money, band: Option<FineBounds>) {
        self.range = Some(match self.range {
            Some((lo, hi)) => (lo.min(fine), hi.max(fine)),
            None => (fine, fine),
        });
        match band.and_then(|b| position_permille(fine, b)) {
            Some(p) => {
                self.positions = Some(match self.positions {
                    Some((lo, hi)) => (lo.min(p), hi.max(p)),
                    None => (p, p),
                });
            }
            None => self.unbanded = true,
        }
    }

    fn diverges(&self, tolerance: u32) -> Option<(SpreadMeasure, u32, (Money, Money))> {
        let (lo, hi) = self.range?;
        match self.positions {
            Some((plo, phi)) if !self.unbanded => {
                let spread = u32::try_from(phi.saturating_sub(plo)).unwrap_or(u32::MAX);
                (spread > tolerance).then_some((SpreadMeasure::BandPosition, spread, (lo, hi)))
            }
            _ => {
                let excess = u128::from(hi.fen() - lo.fen()) * 1000;
                if excess <= u128::from(lo.fen()) * u128::from(tolerance) {
                    return None;
                }
                let spread = excess.checked_div(u128::from(lo.fen())).unwrap_or(u128::MAX);
                Some((SpreadMeasure::Ratio, u32::try_from(spread).unwrap_or(u32::MAX), (lo, hi)))
            }
        }
    }
}

fn slot(t: &mut TierCounts, tier: Tier) -> &mut u32 {
    match tier {
        Tier::NoPenalty => &mut t.no_penalty,
        Tier::Mitigated => &mut t.mitigated,
        Tier::Lighter => &mut t.lighter,
        Tier::Ordinary => &mut t.ordinary,
        Tier::Heavier => &mut t.heavier,
    }
}

fn spread(t: &TierCounts) -> u8 {
    let present: Vec<u8> = Tier::ALL.iter().filter(|x| t.get(**x) > 0).map(|x| *x as u8).collect();
    match (present.iter().min(), present.iter().max()) {
        (Some(lo), Some(hi)) => hi - lo,
        _ => 0,
    }
}

/// The reference: one table over all cases, groups in order of their first
/// case, members in input order.
fn reference(cases: &[DecidedCase], cfg: &AuditConfig) -> Vec<Divergence> {
    struct Group {
        first: usize,
        members: Vec<usize>,
        tiers: TierCounts,
        fines: [FineSlot; 5],
    }
    let mut index: HashMap<(&str, &FactSignature, u8), usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        let key = (c.item.as_str(), &c.facts, cfg.band(c.amount));
        let g = *index.entry(key).or_insert_with(|| {
            groups.push(Group {
                first: i,
                members: Vec::new(),
                tiers: TierCounts::default(),
                fines: [FineSlot::default(); 5],
            });
            groups.len() - 1
        });
        let group = &mut groups[g];
        group.members.push(i);
        *slot(&mut group.tiers, c.tier) += 1;
        if let Some(f) = c.fine {
            group.fines[c.tier as usize].add(f, c.fine_band);
        }
    }
    let mut out = Vec::new();
    for g in &groups {
        if (g.members.len() as u32) < cfg.min_group.max(2) {
            continue;
        }
        let tiers_diverge = spread(&g.tiers) > cfg.tier_tolerance;
        let fines = Tier::ALL
            .iter()
            .zip(g.fines.iter())
            .find_map(|(t, s)| s.diverges(cfg.fine_tolerance_permille).map(|d| (*t, d)));
        if !tiers_diverge && fines.is_none() {
            continue;
        }
        let first = &cases[g.first];
        out.push(Divergence {
            item: first.item.clone(),
            facts: first.facts.clone(),
            amount_band: cfg.band(first.amount),
            tiers: g.tiers,
            tiers_diverge,
            fines_diverge: fines.map(|(t, _)| t),
            fine_range: fines.map(|(_, (_, _, r))| r),
            fine_measure: fines.map(|(_, (m, _, _))| m),
            fine_spread_permille: fines.map(|(_, (_, s, _))| s),
            cases: g
                .members
                .iter()
                .map(|m| Member {
                    case_id: cases[*m].case_id.clone(),
                    tier: cases[*m].tier,
                    fine: cases[*m].fine,
                })
                .collect(),
        });
    }
    out
}

/// Cases over a few items and facts, so that groups form: confirmed facts,
/// context bits, amounts across bands, fines with and without a lawful band.
fn arb_case() -> impl Strategy<Value = DecidedCase> {
    (
        (0u8..4, 0u8..2, 0u8..2, 0u16..3, 0u8..3),
        proptest::sample::select(Tier::ALL.to_vec()),
        proptest::option::of(1u64..3_000),
        proptest::option::of(0u64..2_000_000),
        proptest::option::of((0u64..3_000, 0u64..3_000)),
    )
        .prop_map(|((item, harm, gravity, context, confirmed), tier, fine, amount, band)| {
            let mut c = decided("C", tier, fine);
            c.item = format!("I{item}").parse().unwrap();
            c.facts.harm = if harm == 0 { Harm::Slight } else { Harm::Harmful };
            c.facts.gravity = if gravity == 0 { Gravity::Minor } else { Gravity::General };
            c.facts.context = context << 7;
            c.facts.confirmed = match confirmed {
                0 => Vec::new(),
                1 => vec!["at_most_two_spots".parse::<FactKey>().unwrap()],
                _ => vec!["at_most_two_spots".parse::<FactKey>().unwrap(), "first_offence".parse().unwrap()],
            };
            c.amount = amount.map(Money::yuan);
            c.fine_band =
                band.and_then(|(a, b)| FineBounds::new(Money::yuan(a.min(b)), Money::yuan(a.max(b))).ok());
            c
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::common::cases(256), ..ProptestConfig::default() })]

    /// `consistency` finds exactly the reference's groups, in its order, with
    /// its members, under the default thresholds and looser ones.
    #[test]
    fn prop_consistency_matches_the_reference(
        cases in proptest::collection::vec(arb_case(), 0..120).prop_map(|mut v| {
            for (i, c) in v.iter_mut().enumerate() {
                c.case_id = format!("C{i}").parse().unwrap();
            }
            v
        }),
        tier_tolerance in 0u8..2,
        fine_tolerance_permille in proptest::sample::select(vec![0u32, 100, 500]),
        min_group in 0u32..4,
    ) {
        let cfg = AuditConfig { tier_tolerance, fine_tolerance_permille, min_group, ..AuditConfig::default() };
        prop_assert_eq!(consistency(&cases, &cfg), reference(&cases, &cfg));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::common::cases(128), ..ProptestConfig::default() })]

    /// The same when some cases share their item code's allocation (clones,
    /// as a batch built in memory holds them) and others hold their own copy
    /// of the same text: the result does not depend on where a code is
    /// stored.
    #[test]
    fn prop_consistency_shared_items_matches_the_reference(
        cases in proptest::collection::vec(arb_case(), 0..120),
        shared in proptest::collection::vec(any::<bool>(), 120),
    ) {
        let mut pool: std::collections::HashMap<String, rouxing::catalogue::ItemCode> =
            std::collections::HashMap::new();
        let mut cases = cases;
        for (i, c) in cases.iter_mut().enumerate() {
            c.case_id = format!("C{i}").parse().unwrap();
            let first = pool.entry(c.item.as_str().to_owned()).or_insert_with(|| c.item.clone()).clone();
            if shared.get(i).copied().unwrap_or(false) {
                c.item = first;
            }
        }
        let cfg = AuditConfig::default();
        prop_assert_eq!(consistency(&cases, &cfg), reference(&cases, &cfg));
    }
}

/// A batch large enough that every item holds many groups, some of them
/// divergent, compared with the reference.
#[test]
fn a_large_batch_matches_the_reference() {
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = |n: u64| {
        rng ^= rng >> 12;
        rng ^= rng << 25;
        rng ^= rng >> 27;
        rng.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    };
    let cases: Vec<DecidedCase> = (0..20_000)
        .map(|i| {
            let tier = Tier::ALL[next(5) as usize];
            let mut c =
                decided(&format!("C{i}"), tier, (tier != Tier::NoPenalty).then(|| 1_000 + next(3) * 100));
            c.item = format!("I{}", next(40)).parse().unwrap();
            c.facts.harm = [Harm::None, Harm::Slight, Harm::Harmful, Harm::Serious][next(4) as usize];
            c.facts.mitigating = next(4) as u8;
            c.amount = (next(2) == 0).then(|| Money::yuan(next(2_000_000)));
            c
        })
        .collect();
    let cfg = AuditConfig::default();
    let out = consistency(&cases, &cfg);
    assert!(out.len() > 10, "{}", out.len());
    assert_eq!(out, reference(&cases, &cfg));
}
