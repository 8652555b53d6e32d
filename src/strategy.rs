//! `proptest` strategies for rouxing's domain types (feature `proptest`).
//!
//! These are the generators rouxing's own property tests use, published so
//! that a downstream test suite can property-check its rules and catalogues
//! with exactly the same distributions. Every value is built through the
//! validating constructors ([`FineRule::range`], [`StatutoryPenalty::new`],
//! [`Catalogue::new`], [`CaseBuilder::build`](crate::case::CaseBuilder::build)),
//! so a generated value is always one a user could have built.
//!
//! ```
//! use proptest::prelude::*;
//! use proptest::strategy::ValueTree;
//! use proptest::test_runner::TestRunner;
//! use rouxing::strategy;
//!
//! let mut runner = TestRunner::deterministic();
//! let tree = strategy::catalogue_and_case().new_tree(&mut runner).map_err(|e| e.to_string())?;
//! let (catalogue, case) = tree.current();
//! assert!(catalogue.get(case.item()).is_some());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Distributions
//!
//! * **Dates**: acts between 2019-01-01 and 2026-06-30; discovery 0–1,200 days
//!   after the act (so about a third of cases cross the two-year limitation);
//!   filing 0–30 days after discovery; decision (`as_of`) 0–120 days after
//!   discovery.
//! * **Parties**: 40 % natural persons. Their age on the act day is drawn so
//!   that the Art. 30 boundaries are hit often: 10 % under 14, 10 % born exactly
//!   14 or 18 years before the act (the birthday itself, still the younger age),
//!   10 % 14–17, the rest adults; 3 % are born on 29 February. Capacity is full
//!   in 85 % of cases, the other three values 5 % each.
//! * **Facts**: facts not established 3 %, suspected crime 3 %; gravity,
//!   harm, correction and fault uniform over their values; 0–2 mitigating and
//!   0–2 aggravating circumstances, each uniform; 0–3 earlier violations of
//!   the same or another item, 1–48 months before the act.
//! * **Fine rules**: ranges with minimum ¥0–¥50,000 and maximum up to ten
//!   times above; "up to" rules; fixed amounts; multiples of 1–20 of goods value
//!   or illegal gains, with a floor clause half the time.
//! * **Catalogues**: 1–6 items, each with 0–3 list entries of every outcome
//!   and modal, conditions drawn from the typed tests, and 0–1 amendments.
//! * **Batches** ([`decided_batch`]): 1–20 recommended decisions over one
//!   catalogue and regime, decided 30 days after discovery, parties distinct;
//!   [`BatchEdit`] edits them as an officer could.
//! * **Regimes**: the national and the Shandan sample regime with bands,
//!   first-violation window and scope, aggravation policy and thresholds
//!   varied.

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::select;

use crate::case::{
    Act, Aggravating, Case, Context, Correction, CrimeSuspicion, Facts, Fault, Gravity, Harm, Mitigating,
    PriorOutcome, PriorViolation,
};
use crate::catalogue::{
    Amendment, Catalogue, Condition, Domain, EntryCondition, EntryId, Exclusion, Item, ItemCode, ListEntry,
    ListOutcome, Modal, Sector, Source, SourceId, StatutoryPenalty,
};
use crate::measure::{PenaltyKind, SoftMeasure};
use crate::money::{AmountBase, Amounts, BelowThreshold, FineRule, Money, Multiplier};
use crate::party::{MentalCapacity, Party, PartyId};
use crate::regime::{AggravationPolicy, FirstViolationScope, Regime, Window};

mod batch;
pub use batch::{BatchEdit, EditedBatch, batch_edit, decided_batch};

fn day(n: i64) -> NaiveDate {
    // 2019-01-01 plus n days; n is bounded by every caller.
    NaiveDate::from_ymd_opt(2019, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(n.unsigned_abs())))
        .unwrap_or(NaiveDate::MIN)
}

/// A date between `from` and `to` inclusive, uniform.
pub fn date_between(from: NaiveDate, to: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    let span = (to - from).num_days().max(0);
    (0..=span).prop_map(move |n| from.checked_add_days(Days::new(n.unsigned_abs())).unwrap_or(from))
}

/// An amount of money up to `max`, uniform in fen, with whole yuan half the
/// time.
pub fn money(max: Money) -> impl Strategy<Value = Money> {
    let yuan = max.fen() / 100;
    prop_oneof![(0..=max.fen()).prop_map(Money::from_fen), (0..=yuan).prop_map(|y| Money::from_fen(y * 100)),]
}

/// A statutory fine rule (see the module docs for the distribution).
pub fn fine_rule() -> impl Strategy<Value = FineRule> {
    let range = (0u64..=50_000, 1u64..=10).prop_filter_map("valid range", |(min, k)| {
        let max = (min.max(1)) * (k + 1);
        FineRule::range(Money::yuan(min), Money::yuan(max)).ok()
    });
    let up_to = (1u64..=200_000).prop_filter_map("valid", |m| FineRule::up_to(Money::yuan(m)).ok());
    let fixed = (1u64..=5_000).prop_filter_map("valid", |m| FineRule::fixed(Money::yuan(m)).ok());
    let multiple =
        (select(vec![AmountBase::GoodsValue, AmountBase::IllegalGains]), 1u32..=10, 0u32..=10, any::<bool>())
            .prop_filter_map("valid multiple", |(base, lo, extra, floor)| {
                let below = floor.then_some(BelowThreshold {
                    threshold: Money::yuan(10_000),
                    min: Money::yuan(50_000),
                    max: Money::yuan(100_000),
                });
                FineRule::multiple(
                    base,
                    Multiplier::times(lo).ok()?,
                    Multiplier::times(lo + extra).ok()?,
                    below,
                )
                .ok()
            });
    prop_oneof![4 => range, 3 => up_to, 1 => fixed, 2 => multiple]
}

/// The sanctions of a penalty provision: a fine (90 %) with optional warning
/// and confiscation, or warning only.
pub fn statutory_penalty() -> impl Strategy<Value = StatutoryPenalty> {
    prop_oneof![
        9 => (fine_rule(), proptest::option::of(fine_rule()), any::<bool>(), any::<bool>()).prop_filter_map(
            "valid penalty",
            |(fine, person, warning, gains)| {
                let mut kinds = Vec::new();
                if warning {
                    kinds.push(PenaltyKind::Warning);
                }
                kinds.push(PenaltyKind::Fine);
                if gains {
                    kinds.push(PenaltyKind::ConfiscateIllegalGains);
                }
                StatutoryPenalty::new(kinds, Some(fine), person).ok()
            }
        ),
        1 => Just(()).prop_filter_map("valid", |()| StatutoryPenalty::new(vec![PenaltyKind::Warning], None, None).ok()),
        6 => structured_penalty(),
    ]
}

/// A structured provision (catalogue version 2), shaped like real 罚则: a base
/// fine imposed (处) or permitted (可以处), optionally with a warning (可以处警告),
/// confiscation of illegal gains (没收违法所得, imposed), an escalated fine on a
/// condition (拒不改正的 / 逾期不改正的 / 情节严重的, at or above the base maximum) and
/// 责令停产停业 when 情节严重.
pub fn structured_penalty() -> impl Strategy<Value = StatutoryPenalty> {
    use crate::catalogue::{PenaltyCondition, ProvisionSanction};
    (
        1u64..=2_000,
        0u64..=20_000,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(select(vec![
            PenaltyCondition::RefusedCorrection,
            PenaltyCondition::NotCorrectedInTime,
            PenaltyCondition::SeriousCircumstances,
        ])),
        any::<bool>(),
    )
        .prop_filter_map(
            "valid structured penalty",
            |(lo, extra, shall, warning, gains, escalation, suspend)| {
                let (min, max) = (Money::yuan(lo), Money::yuan(lo + extra));
                let base = if shall {
                    ProvisionSanction::shall(PenaltyKind::Fine)
                } else {
                    ProvisionSanction::may(PenaltyKind::Fine)
                };
                let mut s = vec![base.with_fine(FineRule::range(min, max).ok()?)];
                if warning {
                    s.push(ProvisionSanction::may(PenaltyKind::Warning));
                }
                if gains {
                    s.push(ProvisionSanction::shall(PenaltyKind::ConfiscateIllegalGains));
                }
                if let Some(c) = escalation {
                    let top = Money::yuan((lo + extra).checked_mul(2)?);
                    s.push(
                        ProvisionSanction::shall(PenaltyKind::Fine)
                            .when(c)
                            .with_fine(FineRule::range(max, top).ok()?),
                    );
                }
                if suspend {
                    s.push(
                        ProvisionSanction::shall(PenaltyKind::OrderSuspendProduction)
                            .when(PenaltyCondition::SeriousCircumstances),
                    );
                }
                StatutoryPenalty::structured(s).ok()
            },
        )
}

fn condition() -> impl Strategy<Value = Condition> {
    prop_oneof![
        3 => proptest::option::of(select(vec![Window::Months(12), Window::Months(24), Window::CalendarYear]))
            .prop_map(|window| Condition::FirstViolation { window }),
        3 => Just(Condition::CorrectedPromptly),
        2 => Just(Condition::NoHarm),
        2 => Just(Condition::HarmAtMostSlight),
        1 => Just(Condition::Minor),
        1 => Just(Condition::NotIntentional),
        1 => Just(Condition::CommitmentSigned),
    ]
}

fn exclusion() -> impl Strategy<Value = Exclusion> {
    prop_oneof![
        Just(Exclusion::Context { context: Context::SensitiveZone }),
        Just(Exclusion::Context { context: Context::SeriousDishonestyListed }),
        Just(Exclusion::RefusedCorrection),
        Just(Exclusion::RepeatViolation),
        Just(Exclusion::SeriousCircumstances),
    ]
}

fn entry(id: String) -> impl Strategy<Value = ListEntry> {
    (
        select(ListOutcome::ALL.to_vec()),
        select(Modal::ALL.to_vec()),
        proptest::collection::vec(proptest::collection::vec(condition(), 1..=2), 0..=3),
        proptest::collection::vec(exclusion(), 0..=1),
        proptest::option::of((1u64..=500).prop_filter_map("valid", |m| FineRule::up_to(Money::yuan(m)).ok())),
    )
        .prop_filter_map("valid entry", move |(outcome, modal, conds, exclusions, reduced)| {
            Some(ListEntry {
                id: EntryId::new(id.clone()).ok()?,
                source: SourceId::new("SRC-GEN").ok()?,
                outcome,
                modal,
                conditions: conds
                    .into_iter()
                    .map(|tests| EntryCondition { text: "生成的条件".to_owned(), tests })
                    .collect(),
                exclusions,
                reduced_fine: reduced
                    .filter(|_| matches!(outcome, ListOutcome::Mitigate | ListOutcome::Lighten)),
                reduced_fine_natural_person: None,
                coercive_measure_withheld: None,
                supporting_measures: vec![SoftMeasure::Guidance],
                basis: None,
                effective_from: None,
                valid_until: None,
            })
        })
}

/// A catalogue item with the given code.
pub fn item(code: String) -> impl Strategy<Value = Item> {
    let c2 = code.clone();
    (
        select(Domain::ALL.to_vec()),
        statutory_penalty(),
        proptest::option::of((date_between(day(500), day(2_500)), statutory_penalty(), any::<bool>())),
        any::<bool>(),
        proptest::collection::vec(select(Sector::ALL.to_vec()), 0..=2),
        any::<bool>(),
        (0usize..=3).prop_flat_map(move |n| {
            let code = c2.clone();
            (0..n).map(|i| entry(format!("{code}-E{i}"))).collect::<Vec<_>>()
        }),
    )
        .prop_filter_map(
            "valid item",
            move |(domain, penalty, amendment, baseline, mut sectors, excepted, entries)| {
                sectors.sort();
                sectors.dedup();
                Some(Item {
                    code: ItemCode::new(code.clone()).ok()?,
                    name: format!("生成的违法行为{code}"),
                    domain,
                    authority: domain.legal_name().to_owned(),
                    violated_provisions: vec![],
                    penalty_provision: format!("示例条例第{}条", code.len()),
                    penalty_text: None,
                    penalty,
                    amendments: amendment
                        .map(|(date, p, repeal)| {
                            vec![Amendment {
                                effective_from: date,
                                provision: "示例条例（修订）".to_owned(),
                                penalty: (!repeal || date.day() % 5 != 0).then_some(p),
                            }]
                        })
                        .unwrap_or_default(),
                    safety_baseline: baseline,
                    sectors,
                    limitation: None,
                    aggravation: vec![],
                    no_fault_exception: excepted
                        .then(|| "示例法律第十条".to_owned())
                        .filter(|_| domain == Domain::Taxation),
                    entries,
                })
            },
        )
}

/// A catalogue of 1–6 generated items with one source.
pub fn catalogue() -> impl Strategy<Value = Catalogue> {
    (1usize..=6)
        .prop_flat_map(|n| (0..n).map(|i| item(format!("GEN-{i}"))).collect::<Vec<_>>())
        .prop_filter_map("valid catalogue", |items| {
            let source = Source {
                id: SourceId::new("SRC-GEN").ok()?,
                title: "生成的清单".to_owned(),
                issuer: "生成".to_owned(),
                doc_number: None,
                url: None,
                status: None,
                rules: vec![],
            };
            Catalogue::new("生成的目录", vec![source], items).ok()
        })
}

/// A regime: national or the Shandan sample, with bands, first-violation
/// window and scope, aggravation policy and thresholds varied.
pub fn regime() -> impl Strategy<Value = Regime> {
    (
        any::<bool>(),
        0u16..=400,
        600u16..=1000,
        select(vec![
            Window::Months(12),
            Window::Months(24),
            Window::Months(36),
            Window::CalendarYear,
            Window::Ever,
        ]),
        select(FirstViolationScope::ALL.to_vec()),
        select(AggravationPolicy::ALL.to_vec()),
        any::<bool>(),
    )
        .prop_filter_map("valid regime", |(shandan, lo, hi, window, scope, aggravation, exclusive)| {
            let mut r = if shandan { Regime::shandan_sample() } else { Regime::national() };
            r.discretion.lighter_upper_permille = lo;
            r.discretion.heavier_lower_permille = hi;
            r.first_violation.window = window;
            r.first_violation.scope = scope;
            r.aggravation = aggravation;
            r.summary.inclusive = !exclusive;
            r.validate().ok().map(|()| r)
        })
}

/// A party acting on `act` (see the module docs for the age distribution).
pub fn party(act: NaiveDate) -> impl Strategy<Value = Party> {
    let years_before =
        |d: NaiveDate, y: i32| NaiveDate::from_ymd_opt(d.year() - y, d.month(), d.day().min(28));
    let exact = move |y: i32| {
        NaiveDate::from_ymd_opt(act.year() - y, act.month(), act.day())
            .or_else(|| years_before(act, y))
            .unwrap_or(act)
    };
    let birth = prop_oneof![
        10 => (1i32..14).prop_map(move |y| years_before(act, y).unwrap_or(act)),
        10 => select(vec![14, 18]).prop_map(exact),
        10 => (14i32..18).prop_map(move |y| years_before(act, y).unwrap_or(act)),
        67 => (18i32..80).prop_map(move |y| years_before(act, y).unwrap_or(act)),
        3 => (1990i32..2012).prop_filter_map("leap year", move |y| NaiveDate::from_ymd_opt(y, 2, 29).filter(|d| *d <= act)),
    ];
    let capacity = prop_oneof![
        17 => Just(MentalCapacity::Full),
        1 => Just(MentalCapacity::Incapable),
        1 => Just(MentalCapacity::IntermittentNormal),
        1 => Just(MentalCapacity::Partial),
    ];
    prop_oneof![
        2 => (birth, capacity, 0u32..1000).prop_filter_map("valid person", |(b, c, n)| {
            Some(Party::natural_person(PartyId::new(format!("P{n}")).ok()?, b, c))
        }),
        3 => (0u32..1000, any::<bool>()).prop_filter_map("valid organisation", move |(n, other)| {
            let id = PartyId::new(format!("ORG{n}")).ok()?;
            let reg = act.checked_sub_days(Days::new(u64::from(n))).filter(|_| n % 3 != 0);
            Some(if other { Party::other_organisation(id, reg) } else { Party::legal_person(id, reg) })
        }),
    ]
}

fn correction(act: NaiveDate, discovered: NaiveDate) -> impl Strategy<Value = Correction> {
    let span = (discovered - act).num_days().max(0) + 60;
    (0..4u8, 0..=span).prop_map(move |(k, n)| {
        let on = act.checked_add_days(Days::new(n.unsigned_abs())).unwrap_or(act);
        match k {
            0 => Correction::None,
            1 => Correction::Prompt { on },
            2 => Correction::Late { on },
            _ => Correction::Refused,
        }
    })
}

/// A case for an item of `catalogue` (see the module docs for the
/// distribution).
pub fn case_for(catalogue: &Catalogue) -> impl Strategy<Value = Case> + use<> {
    let codes: Vec<(ItemCode, Domain)> = catalogue.items().map(|i| (i.code.clone(), i.domain)).collect();
    let others = codes.clone();
    (select(codes), 0i64..2_700, 0i64..=1_200, 0u64..=30, proptest::option::of(0u64..=90), 0u32..1000)
        .prop_flat_map(move |((code, domain), start, lag, file_lag, continuing, n)| {
            let act_start = day(start);
            let act_end = continuing.and_then(|d| act_start.checked_add_days(Days::new(d)));
            let committed = act_end.unwrap_or(act_start);
            let discovered = committed.checked_add_days(Days::new(lag.unsigned_abs())).unwrap_or(committed);
            let filed = discovered.checked_add_days(Days::new(file_lag));
            let priors = proptest::collection::vec(
                (select(others.clone()), 1u32..=48, select(PriorOutcome::ALL.to_vec())),
                0..=3,
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
                Just((code.clone(), domain, act_start, act_end, discovered, filed, n)),
                party(act_start),
                prop_oneof![33 => Just(Facts::Established), 1 => Just(Facts::NotEstablished)],
                prop_oneof![33 => Just(CrimeSuspicion::None), 1 => Just(CrimeSuspicion::Suspected)],
                select(Gravity::ALL.to_vec()),
                select(Harm::ALL.to_vec()),
                correction(act_start, discovered),
                select(Fault::ALL.to_vec()),
                proptest::collection::btree_set(select(Mitigating::ALL.to_vec()), 0..=2),
                proptest::collection::btree_set(select(Aggravating::ALL.to_vec()), 0..=2),
                proptest::collection::btree_set(
                    select(vec![
                        Context::CommitmentSigned,
                        Context::SensitiveZone,
                        Context::ComplexCircumstances,
                        Context::PartyAbsent,
                        Context::MajorPublicInterest,
                    ]),
                    0..=2,
                ),
                (
                    priors,
                    proptest::collection::btree_set(select(Sector::ALL.to_vec()), 0..=2),
                    proptest::option::of(0u64..=2_000_000),
                ),
            )
        })
        .prop_filter_map(
            "valid case",
            |(
                (code, _domain, start, end, discovered, filed, n),
                party,
                facts,
                crime,
                gravity,
                harm,
                correction,
                fault,
                mit,
                agg,
                ctx,
                (priors, sectors, gains),
            )| {
                let act = match end {
                    Some(e) => Act::continuing(start, e).ok()?,
                    None => Act::on(start),
                };
                let mut b = Case::builder(format!("GEN-{n}").parse().ok()?, code)
                    .party(party)
                    .act(act)
                    .discovered_on(discovered)
                    .facts(facts)
                    .crime(crime)
                    .gravity(gravity)
                    .harm(harm)
                    .correction(correction)
                    .fault(fault)
                    .mitigating(mit.into_iter().collect())
                    .aggravating(agg.into_iter().collect())
                    .context(ctx.into_iter().collect())
                    .priors(priors)
                    .sectors(sectors.into_iter().collect())
                    .amounts(Amounts {
                        illegal_gains: gains.map(|g| Money::from_fen(g * 37)),
                        goods_value: gains.map(|g| Money::from_fen(g * 100)),
                        ..Amounts::default()
                    });
                if let Some(f) = filed {
                    b = b.filed_on(f);
                }
                b.build().ok()
            },
        )
}

/// A catalogue and a case for one of its items.
pub fn catalogue_and_case() -> impl Strategy<Value = (Catalogue, Case)> {
    catalogue().prop_flat_map(|c| {
        let s = case_for(&c);
        (Just(c), s)
    })
}

/// A decision date 0–120 days after the case's discovery.
pub fn as_of_for(case: &Case) -> impl Strategy<Value = NaiveDate> + use<> {
    let d = case.discovered_on();
    (0u64..=120).prop_map(move |n| d.checked_add_days(Days::new(n)).unwrap_or(d))
}

/// Everything `assess` takes: a catalogue, a case, a regime and a decision
/// date.
pub fn assessment_inputs() -> impl Strategy<Value = (Catalogue, Case, Regime, NaiveDate)> {
    (catalogue_and_case(), regime()).prop_flat_map(|((c, k), r)| {
        let as_of = as_of_for(&k);
        (Just(c), Just(k), Just(r), as_of)
    })
}

/// An edit an officer can make to a recommended decision, as a legal
/// reviewer would try it.
///
/// Each edit carries its label: [`OfficerEdit::expected`] is the finding
/// code the edit must draw (severity 违法) or `None` for a lawful edit. The
/// label follows from the edit type and the facts of the case alone;
/// nothing here calls [`assess`](crate::assess()) or
/// [`review`](crate::review()), so a property test built on it can fail.
///
/// | edit | applies when | label |
/// |---|---|---|
/// | `AddDetention` | the deciding agency is not a public-security organ | `sanction_reserved_to_other_organ` (Art. 18 ¶3) |
/// | `ZeroFine` | a penalty with a fine | `token_sanction` |
/// | `ClearFineAmount` | a fine with an amount | `fine_amount_undetermined` (Art. 59 ¶1 (三)) |
/// | `InflateConfiscation` | a confiscation of illegal gains | `confiscation_mismatch` (Art. 28 ¶2) |
/// | `ConfiscateWithoutGains` | a penalty, no gains to confiscate | `confiscation_mismatch` (Art. 28 ¶2) |
/// | `FakeTransfer` | no crime suspected | `transfer_without_suspicion` (Arts. 27, 57 ¶1 (四)) |
/// | `StripAgency` | the case names its agency | `agency_missing` (Art. 17) |
/// | `DropMandatoryKind` | 从轻 / 一般 / 从重 with a kind the provision imposes (处 / 并处) | `mandatory_sanction_missing` (Art. 76 ¶1 (二)) |
/// | `AddUnprescribedKind` | a penalty; no provision of the act names 责令关闭 | `sanction_not_prescribed` (Art. 76 ¶1 (二)) |
/// | `SecondFine` | a penalty with a fine; the case then records an earlier fine of the act | `second_fine` (Art. 29) |
/// | `FineAfterCriminalFine` | a penalty with a fine; the case then records the transfer and a court's 罚金 for the act | `fine_after_criminal_fine` (Art. 35 ¶2) |
/// | `ReviewByInvestigator` | the case names its officers | `reviewer_is_investigator` (Art. 58 ¶1) |
/// | `UnqualifiedFirstReviewer` | always | `reviewer_unqualified` (Art. 58 ¶2) |
/// | `RaiseFineAfterStatement` | a fine with an amount; reviewed on the notice of the recommendation, which the party answered | `heavier_after_statement` (Art. 45 ¶2) |
/// | `AddKindAfterStatement` | a penalty without a warning; likewise | `heavier_after_statement` (Art. 45 ¶2) |
/// | `HeavierOnNewFacts` | a fine with an amount; the raise rests on a fact of the case the notice did not state | `fresh_notice_missing` (Art. 44) |
/// | `DecideWithoutNotice` | a penalty; no notice, no waiver | `notice_missing` (Art. 62) |
/// | `DecideBeforeAnswer` | a penalty; the notice's period open, unanswered | `decided_before_statement` (Art. 62) |
/// | `AddOfficerNote`, `ReorderSanctions` | always | lawful |
/// | `DecideOnNotice` | a penalty; decided as notified, after the statement | lawful |
/// | `DecideOnWaiver` | a penalty; no notice, the party expressly waived (Art. 62) | lawful |
///
/// [`OfficerEdit::notice`] gives the Art. 44 notice the edited decision is
/// reviewed on (`None`: reviewed as a draft).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OfficerEdit {
    /// Adds 行政拘留.
    AddDetention,
    /// Sets the fine to ¥0.
    ZeroFine,
    /// Removes the fine's amount.
    ClearFineAmount,
    /// Confiscates one fen more than the established gains.
    InflateConfiscation,
    /// Confiscates "illegal gains" the case does not establish.
    ConfiscateWithoutGains,
    /// Transfers to the judiciary, dropping the sanctions and the correction
    /// order.
    FakeTransfer,
    /// Removes the deciding agency.
    StripAgency,
    /// Removes a kind the provision imposes.
    DropMandatoryKind,
    /// Adds 责令关闭.
    AddUnprescribedKind,
    /// Keeps the fine although the act was fined before (the case is edited
    /// to record that fine).
    SecondFine,
    /// Keeps the fine although a court judged 罚金 for the act after its
    /// transfer (the case is edited to record the suspicion and the
    /// judgment).
    FineAfterCriminalFine,
    /// Records one of the case's investigators as the legal reviewer.
    ReviewByInvestigator,
    /// Records a first-time reviewer without 法律职业资格.
    UnqualifiedFirstReviewer,
    /// Adds an officer's note to the reasons.
    AddOfficerNote,
    /// Reverses the order of the sanctions.
    ReorderSanctions,
    /// Raises the fine by one fen after the party stated its case on the
    /// notice of the recommendation.
    RaiseFineAfterStatement,
    /// Adds a warning after the party stated its case, tier and fine kept.
    AddKindAfterStatement,
    /// Raises the fine by one fen on a fact of the case the notice did not
    /// state, without a fresh notice.
    HeavierOnNewFacts,
    /// Decides the penalty with no notice and no waiver.
    DecideWithoutNotice,
    /// Decides while the notice's period is open and unanswered.
    DecideBeforeAnswer,
    /// Decides exactly as notified, after the party's statement.
    DecideOnNotice,
    /// Decides with no notice where the party expressly waived statement and
    /// defence.
    DecideOnWaiver,
}

impl OfficerEdit {
    /// Every edit.
    pub const ALL: [OfficerEdit; 22] = [
        OfficerEdit::AddDetention,
        OfficerEdit::ZeroFine,
        OfficerEdit::ClearFineAmount,
        OfficerEdit::InflateConfiscation,
        OfficerEdit::ConfiscateWithoutGains,
        OfficerEdit::FakeTransfer,
        OfficerEdit::StripAgency,
        OfficerEdit::DropMandatoryKind,
        OfficerEdit::AddUnprescribedKind,
        OfficerEdit::SecondFine,
        OfficerEdit::FineAfterCriminalFine,
        OfficerEdit::ReviewByInvestigator,
        OfficerEdit::UnqualifiedFirstReviewer,
        OfficerEdit::AddOfficerNote,
        OfficerEdit::ReorderSanctions,
        OfficerEdit::RaiseFineAfterStatement,
        OfficerEdit::AddKindAfterStatement,
        OfficerEdit::HeavierOnNewFacts,
        OfficerEdit::DecideWithoutNotice,
        OfficerEdit::DecideBeforeAnswer,
        OfficerEdit::DecideOnNotice,
        OfficerEdit::DecideOnWaiver,
    ];

    /// The finding an unlawful edit must draw, `None` for a lawful one.
    pub const fn expected(self) -> Option<crate::guard::FindingCode> {
        use crate::guard::FindingCode as C;
        match self {
            OfficerEdit::AddDetention => Some(C::SanctionReservedToOtherOrgan),
            OfficerEdit::ZeroFine => Some(C::TokenSanction),
            OfficerEdit::ClearFineAmount => Some(C::FineAmountUndetermined),
            OfficerEdit::InflateConfiscation | OfficerEdit::ConfiscateWithoutGains => {
                Some(C::ConfiscationMismatch)
            }
            OfficerEdit::FakeTransfer => Some(C::TransferWithoutSuspicion),
            OfficerEdit::StripAgency => Some(C::AgencyMissing),
            OfficerEdit::DropMandatoryKind => Some(C::MandatorySanctionMissing),
            OfficerEdit::AddUnprescribedKind => Some(C::SanctionNotPrescribed),
            OfficerEdit::SecondFine => Some(C::SecondFine),
            OfficerEdit::FineAfterCriminalFine => Some(C::FineAfterCriminalFine),
            OfficerEdit::ReviewByInvestigator => Some(C::ReviewerIsInvestigator),
            OfficerEdit::UnqualifiedFirstReviewer => Some(C::ReviewerUnqualified),
            OfficerEdit::RaiseFineAfterStatement | OfficerEdit::AddKindAfterStatement => {
                Some(C::HeavierAfterStatement)
            }
            OfficerEdit::HeavierOnNewFacts => Some(C::FreshNoticeMissing),
            OfficerEdit::DecideWithoutNotice => Some(C::NoticeMissing),
            OfficerEdit::DecideBeforeAnswer => Some(C::DecidedBeforeStatement),
            OfficerEdit::AddOfficerNote
            | OfficerEdit::ReorderSanctions
            | OfficerEdit::DecideOnNotice
            | OfficerEdit::DecideOnWaiver => None,
        }
    }

    /// The Art. 44 notice the edited decision is reviewed on, from the
    /// recommended decision `recommended` (what was notified) and the edit
    /// type alone; `None` for the edits reviewed as a draft.
    pub fn notice(self, recommended: &crate::decision::Decision) -> Option<crate::decision::Notice> {
        use crate::decision::{Answer, HearingAnswer, Notice, NotifiedProposal};
        let given = |answer| {
            Notice::Given(NotifiedProposal {
                on: recommended.decided_on,
                item: recommended.item.clone(),
                sanctions: recommended.sanctions.to_vec(),
                facts: Vec::new(),
                grounds: recommended.reasons.grounds.to_vec(),
                basis: vec!["处罚依据".to_owned()],
                answer,
                // Where the recommendation carries the right to a hearing, the
                // notice offered it and the party waived it (Art. 63 ¶1).
                hearing: if recommended.duties.hearing_notice {
                    HearingAnswer::Waived { reference: "放弃听证声明书".to_owned() }
                } else {
                    HearingAnswer::NotOffered
                },
            })
        };
        match self {
            OfficerEdit::RaiseFineAfterStatement
            | OfficerEdit::AddKindAfterStatement
            | OfficerEdit::HeavierOnNewFacts
            | OfficerEdit::DecideOnNotice => Some(given(Answer::Stated { adopted: false })),
            OfficerEdit::DecideBeforeAnswer => Some(given(Answer::Pending)),
            OfficerEdit::DecideWithoutNotice => Some(Notice::NotGiven { waiver: None }),
            OfficerEdit::DecideOnWaiver => {
                Some(Notice::NotGiven { waiver: Some("放弃陈述申辩声明书".to_owned()) })
            }
            _ => None,
        }
    }

    /// Applies the edit to a recommended decision on `case`, returning the
    /// (possibly edited) case and the edited decision, or `None` when the
    /// edit does not apply (see the table on [`OfficerEdit`]).
    pub fn apply(
        self,
        case: &Case,
        catalogue: &Catalogue,
        d: &crate::decision::Decision,
    ) -> Option<(Case, crate::decision::Decision)> {
        use crate::assess::Tier;
        use crate::decision::{Disposition, Sanction};
        let mut e = d.clone();
        let mut case = case.clone();
        let penalty = d.tier != Tier::NoPenalty && d.disposition == Disposition::Penalty;
        let has = |k: PenaltyKind| d.sanctions.iter().any(|s| s.kind == k);
        let fine = d.sanctions.iter().position(|s| s.kind == PenaltyKind::Fine);
        match self {
            OfficerEdit::AddDetention => {
                if d.agency.as_ref().is_some_and(|a| a.domain == Domain::PublicSecurity) {
                    return None;
                }
                e.sanctions.push(Sanction { kind: PenaltyKind::Detention, amount: None });
            }
            OfficerEdit::ZeroFine => {
                let s = e.sanctions.get_mut(fine.filter(|_| penalty)?)?;
                s.amount = Some(Money::ZERO);
            }
            OfficerEdit::ClearFineAmount => {
                let s = e.sanctions.get_mut(fine?)?;
                s.amount?;
                s.amount = None;
            }
            OfficerEdit::InflateConfiscation => {
                let s = e.sanctions.iter_mut().find(|s| s.kind == PenaltyKind::ConfiscateIllegalGains)?;
                s.amount = Some(s.amount?.checked_add(Money::from_fen(1))?);
            }
            OfficerEdit::ConfiscateWithoutGains => {
                let gains = case.amounts().illegal_gains.is_some_and(|g| !g.is_zero());
                if !penalty || has(PenaltyKind::ConfiscateIllegalGains) || (gains && !case.gains_refundable())
                {
                    return None;
                }
                e.sanctions.push(Sanction {
                    kind: PenaltyKind::ConfiscateIllegalGains,
                    amount: Some(Money::yuan(100)),
                });
            }
            OfficerEdit::FakeTransfer => {
                if case.crime() == crate::case::CrimeSuspicion::Suspected
                    || d.disposition == Disposition::Transfer
                {
                    return None;
                }
                e.disposition = Disposition::Transfer;
                e.tier = Tier::NoPenalty;
                e.reasons.tier = Tier::NoPenalty;
                e.sanctions.clear();
                e.correction = None;
            }
            OfficerEdit::StripAgency => {
                case.agency()?;
                e.agency.take()?;
            }
            OfficerEdit::DropMandatoryKind => {
                if !penalty || d.tier == Tier::Mitigated || !case.also_violates().is_empty() {
                    return None;
                }
                let item = catalogue.get(case.item())?;
                if !item.amendments.is_empty() {
                    return None;
                }
                let facts = crate::catalogue::PenaltyFacts {
                    natural_person: case.party().is_natural_person(),
                    gravity: case.gravity(),
                    harm: case.harm(),
                    correction: case.correction(),
                };
                let mandatory = item.penalty.resolve(&facts).mandatory_kinds();
                let i = e.sanctions.iter().position(|s| {
                    mandatory.contains(&s.kind) && s.kind != PenaltyKind::ConfiscateIllegalGains
                })?;
                e.sanctions.remove(i);
            }
            OfficerEdit::AddUnprescribedKind => {
                let k = PenaltyKind::OrderClose;
                let names = |code: &crate::catalogue::ItemCode| {
                    catalogue.get(code).is_none_or(|i| {
                        std::iter::once(Some(&i.penalty))
                            .chain(i.amendments.iter().map(|a| a.penalty.as_ref()))
                            .flatten()
                            .any(|p| p.has_kind(k) || p.heaviest_group() > k.group())
                    })
                };
                if !penalty || has(k) || names(case.item()) || case.also_violates().iter().any(names) {
                    return None;
                }
                e.sanctions.push(Sanction { kind: k, amount: None });
            }
            OfficerEdit::SecondFine => {
                fine.filter(|_| penalty)?;
                let earlier = crate::case::EarlierFine {
                    provision: "另一法律规范".to_owned(),
                    by: "另一行政机关".to_owned(),
                    on: case.discovered_on(),
                    amount: Money::yuan(100),
                };
                case = case.to_builder().fined_before(earlier).build().ok()?;
            }
            OfficerEdit::FineAfterCriminalFine => {
                fine.filter(|_| penalty)?;
                let judgment = crate::case::CriminalOutcome {
                    by: "某县人民法院".to_owned(),
                    on: case.discovered_on(),
                    kind: crate::case::CriminalOutcomeKind::Judgment,
                    criminal_fine: Some(Money::yuan(1_000)),
                    custody: None,
                };
                case = case
                    .to_builder()
                    .crime(crate::case::CrimeSuspicion::Suspected)
                    .criminal_outcome(judgment)
                    .build()
                    .ok()?;
            }
            OfficerEdit::ReviewByInvestigator => {
                let reviewer = case.officers().first()?.clone();
                e.legal_review = Some(Box::new(crate::decision::LegalReviewRecord {
                    reviewer,
                    qualified: true,
                    first_review: false,
                }));
            }
            OfficerEdit::UnqualifiedFirstReviewer => {
                let reviewer = crate::case::OfficerId::new("FZ-NEW").ok()?;
                e.legal_review = Some(Box::new(crate::decision::LegalReviewRecord {
                    reviewer,
                    qualified: false,
                    first_review: true,
                }));
            }
            OfficerEdit::AddOfficerNote => {
                e.reasons.officer_note = Some("综合考虑当事人的违法情节和整改情况".to_owned());
            }
            OfficerEdit::ReorderSanctions => e.sanctions.reverse(),
            OfficerEdit::RaiseFineAfterStatement | OfficerEdit::HeavierOnNewFacts => {
                let s = e.sanctions.get_mut(fine?)?;
                s.amount = Some(s.amount?.checked_add(Money::from_fen(1))?);
                if self == OfficerEdit::HeavierOnNewFacts {
                    e.new_facts = vec![crate::decision::Fact::Harm(case.harm())];
                }
            }
            OfficerEdit::AddKindAfterStatement => {
                if d.sanctions.is_empty() || has(PenaltyKind::Warning) {
                    return None;
                }
                e.sanctions.push(Sanction { kind: PenaltyKind::Warning, amount: None });
            }
            OfficerEdit::DecideWithoutNotice
            | OfficerEdit::DecideBeforeAnswer
            | OfficerEdit::DecideOnNotice
            | OfficerEdit::DecideOnWaiver => {
                if d.sanctions.is_empty() {
                    return None;
                }
            }
        }
        Some((case, e))
    }
}

/// An officer's edit, uniformly over [`OfficerEdit::ALL`].
pub fn officer_edit() -> impl Strategy<Value = OfficerEdit> {
    select(OfficerEdit::ALL.to_vec())
}

mod config;
mod lifecycle;
mod list_check;
mod scenario;

pub use self::config::{AgeMix, Config, ConfigError, CorrectionMix, HarmMix, case_with, party_with};
pub use self::lifecycle::{IllegalStep, Lifecycle, illegal_step, lifecycle};
pub use self::list_check::{EntryFinding, ListProblem, check_list};
pub use self::scenario::{
    Scenario, edited_decision, established_against_leniency, lawful_decision, proposal, scenario,
    scenario_on, scenario_with,
};
