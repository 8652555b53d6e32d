//! The legality guard: one example that triggers each finding and a close
//! one that does not, the legal-review checklist, proposals, and the
//! guard's laws as property tests.

use chrono::NaiveDate;
use proptest::prelude::*;
use rouxing::assess::{Ground, Tier};
use rouxing::case::{
    Agency, Aggravating, Case, CaseBuilder, Context, Correction, CrimeSuspicion, Facts, Gravity, Harm,
    Mitigating, PriorOutcome, PriorViolation,
};
use rouxing::catalogue::{
    Amendment, Catalogue, Domain, Exclusion, Item, ListEntry, ListOutcome, Modal, StatutoryPenalty,
};
use rouxing::decision::{
    Answer, Disposition, Fact, HearingAnswer, Notice, Notified, NotifiedProposal, Override, Procedure,
    Sanction,
};
use rouxing::guard::{
    CheckPoint, CheckStatus, Detail, FindingCode, Inconsistency, LegalReviewChecklist, Omission, Proposal,
    Review, Severity, Verdict, review,
};
use rouxing::law::Citation;
use rouxing::measure::{CoerciveMeasure, Document, GuardianOrder, Mechanism, PenaltyKind};
use rouxing::money::{Amounts, FineRule, Money};
use rouxing::{Assessment, Decision, Regime, assess, recommend, strategy};

use crate::common::*;

/// A case, its assessment under a regime, and the recommended decision.
struct Fx {
    case: Case,
    cat: Catalogue,
    a: Assessment,
    d: Decision,
    regime: Regime,
}

fn fx_with(cat: &Catalogue, b: CaseBuilder, regime: Regime, as_of: NaiveDate) -> Fx {
    let mut case = b.build().unwrap();
    // The deciding agency: competent for the item, unless the test sets one.
    if case.agency().is_none() {
        if let Some(item) = cat.get(case.item()) {
            let agency =
                Agency { id: "AG-1".parse().unwrap(), name: "某执法机关".into(), domain: item.domain };
            case = case.to_builder().agency(agency).build().unwrap();
        }
    }
    let a = assess(&case, cat, &regime, as_of);
    let d = recommend(&a, &regime);
    Fx { case, cat: cat.clone(), a, d, regime }
}

fn fx(items: Vec<Item>, b: CaseBuilder) -> Fx {
    fx_with(&catalogue(items), b, Regime::national(), AS_OF())
}

impl Fx {
    fn review(&self) -> Review {
        review(&self.case, &self.cat, &self.regime, &self.d, None)
    }

    /// Reviews the recommendation edited by `f`.
    fn with(&self, f: impl FnOnce(&mut Decision)) -> Review {
        let mut d = self.d.clone();
        f(&mut d);
        review(&self.case, &self.cat, &self.regime, &d, None)
    }
}

fn fine(amount: u64) -> Sanction {
    Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(amount)) }
}

/// Sets a penalty tier with one fine, keeping the rest.
fn penalise(d: &mut Decision, tier: Tier, amount: u64) {
    d.tier = tier;
    d.reasons.tier = tier;
    d.disposition = Disposition::Penalty;
    d.sanctions = vec![fine(amount)].into();
    d.education = false;
    d.procedure = Procedure::Ordinary;
}

/// Sets 不予处罚, keeping the correction order and educating.
fn let_off(d: &mut Decision) {
    d.tier = Tier::NoPenalty;
    d.reasons.tier = Tier::NoPenalty;
    d.disposition = Disposition::NoPenalty;
    d.sanctions.clear();
    d.education = true;
}

fn prior(item: &str, on: NaiveDate) -> PriorViolation {
    PriorViolation {
        item: item.parse().unwrap(),
        domain: Domain::MarketRegulation,
        on,
        outcome: PriorOutcome::Penalised,
    }
}

/// A plain case: harm, not corrected → only 一般 is lawful.
fn plain() -> Fx {
    fx(vec![range_item("A")], case("A"))
}

/// A first violation with slight harm corrected promptly: 首违不罚 lawful.
fn first_violation() -> CaseBuilder {
    case("A").harm(Harm::Slight).correction(Correction::Prompt { on: d(2025, 3, 12) })
}

/// A statutory discretionary 减轻 ground — a party whose capacity is not
/// fully lost (《中华人民共和国行政处罚法》第三十一条第三句 "可以从轻或者减轻行政处罚"): 减轻,
/// 从轻 and 一般 lawful; the regime proposes 减轻 where 从轻或者减轻 is open,
/// so that the recommendation is the most lenient tier. (A local benchmark
/// circumstance alone opens only 从轻, Art. 34.)
fn three_tiers() -> Fx {
    let mut regime = Regime::national();
    regime.readings.alternative_mitigation = rouxing::regime::AlternativeMitigation::Mitigated;
    let partial = rouxing::party::Party::natural_person(
        rouxing::party::PartyId::new("P-31").unwrap(),
        d(1990, 1, 1),
        rouxing::party::MentalCapacity::Partial,
    );
    fx_with(&catalogue(vec![range_item("A")]), case("A").party(partial), regime, AS_OF())
}

fn assert_finding(r: &Review, code: FindingCode, severity: Severity, citation: Citation) {
    let f = r.get(code).unwrap_or_else(|| panic!("no {code} in {:?}", r.findings));
    assert_eq!(f.severity, severity, "{f}");
    assert_eq!(f.citation, citation, "{f}");
    assert!(f.citation.is_known());
}

// ---------------------------------------------------------------- 执法放水

#[test]
fn no_penalty_despite_harm() {
    let x = plain();
    assert!(x.review().findings.is_empty(), "{}", x.review());
    let r = x.with(let_off);
    assert_finding(
        &r,
        FindingCode::NoPenaltyDespiteHarm,
        Severity::Unlawful,
        Citation::apl(57).para(1).item(1),
    );
    assert!(r.to_string().contains("执法放水"), "{r}");
    // Close: slight harm, first violation, corrected: 首违不罚 is lawful.
    let y = fx(vec![range_item("A")], first_violation());
    assert_eq!(y.d.tier, Tier::NoPenalty);
    assert!(!y.with(let_off).has(FindingCode::NoPenaltyDespiteHarm));
    assert!(y.with(let_off).is_lawful());
}

#[test]
fn first_violation_for_a_repeat() {
    let x = fx(vec![range_item("A")], first_violation().priors(vec![prior("A", d(2024, 9, 1))]));
    assert_ne!(x.d.tier, Tier::NoPenalty);
    let r = x.with(|d| {
        let_off(d);
        d.reasons.grounds = vec![Ground::FirstViolation].into();
    });
    assert_finding(
        &r,
        FindingCode::FirstViolationForRepeat,
        Severity::Unlawful,
        Citation::apl(33).para(1).sentence(2),
    );
    assert_eq!(r.get(FindingCode::FirstViolationForRepeat).unwrap().detail, Detail::Repeat { earlier: 1 });
    // Close: the earlier violation is outside the 24-month window.
    let y = fx(vec![range_item("A")], first_violation().priors(vec![prior("A", d(2022, 9, 1))]));
    assert_eq!(y.d.tier, Tier::NoPenalty);
    assert!(y.review().is_lawful());
}

fn listed_item(outcome: ListOutcome, exclusion: Option<Exclusion>) -> Item {
    let mut i = range_item("A");
    i.entries.push(ListEntry {
        exclusions: exclusion.into_iter().collect(),
        ..entry_when_corrected("A-E1", outcome, Modal::May)
    });
    i
}

fn listed_catalogue(outcome: ListOutcome, exclusion: Option<Exclusion>) -> Catalogue {
    crate::common::listed_catalogue_of(vec![listed_item(outcome, exclusion)])
}

#[test]
fn leniency_excluded_by_a_list_exclusion() {
    let excl = Some(Exclusion::Context { context: Context::SensitiveZone });
    let corrected = case("A").correction(Correction::Prompt { on: d(2025, 3, 20) });
    let x = fx_with(
        &listed_catalogue(ListOutcome::Lighten, excl.clone()),
        corrected.clone().context(vec![Context::SensitiveZone]),
        Regime::national(),
        AS_OF(),
    );
    assert!(!x.a.is_lawful(Tier::Lighter));
    let r = x.with(|d| penalise(d, Tier::Lighter, 2_000));
    // The national regime cites the benchmark article the list rests on
    // (Art. 34), never the county plan; the regime that adopts the plan
    // cites its 四(二).
    assert_finding(&r, FindingCode::LeniencyExcluded, Severity::Unlawful, Citation::apl(34));
    let p = fx_with(
        &listed_catalogue(ListOutcome::Lighten, excl.clone()),
        corrected.clone().context(vec![Context::SensitiveZone]),
        Regime::shandan_sample(),
        AS_OF(),
    );
    assert_finding(
        &p.with(|d| penalise(d, Tier::Lighter, 2_000)),
        FindingCode::LeniencyExcluded,
        Severity::Unlawful,
        Citation::new(rouxing::law::Instrument::ShandanFlexibleEnforcementPlan, 4).item(2),
    );
    // Close: outside the sensitive zone the list's 从轻 applies.
    let y = fx_with(&listed_catalogue(ListOutcome::Lighten, excl), corrected, Regime::national(), AS_OF());
    assert!(y.a.is_lawful(Tier::Lighter));
    assert!(!y.with(|d| penalise(d, Tier::Lighter, 2_000)).has(FindingCode::LeniencyExcluded));
}

#[test]
fn leniency_excluded_by_article_49() {
    let x = fx(vec![range_item("A")], first_violation().aggravating(vec![Aggravating::EmergencyMeasures]));
    assert!(!x.a.is_lawful(Tier::NoPenalty));
    let r = x.with(let_off);
    assert_finding(&r, FindingCode::LeniencyExcluded, Severity::Unlawful, Citation::apl(49));
    let y = fx(vec![range_item("A")], first_violation());
    assert!(!y.with(let_off).has(FindingCode::LeniencyExcluded));
}

#[test]
fn mitigation_without_ground() {
    let r = plain().with(|d| penalise(d, Tier::Mitigated, 500));
    assert_finding(&r, FindingCode::MitigationWithoutGround, Severity::Unlawful, Citation::apl(32));
    // Close: Art. 32 (一) makes 减轻 lawful.
    let y = fx(vec![range_item("A")], case("A").mitigating(vec![Mitigating::EliminatedHarm]));
    let r = y.with(|d| penalise(d, Tier::Mitigated, 500));
    assert!(!r.has(FindingCode::MitigationWithoutGround), "{r}");
    assert!(r.is_lawful(), "{r}");
}

#[test]
fn below_lawful_set() {
    let r = plain().with(|d| penalise(d, Tier::Lighter, 2_000));
    // 过罚相当 (Art. 5 ¶2) nationally; the plan's 四(二) where it is adopted.
    assert_finding(&r, FindingCode::BelowLawfulSet, Severity::Unlawful, Citation::apl(5).para(2));
    let p = fx_with(&catalogue(vec![range_item("A")]), case("A"), Regime::shandan_sample(), AS_OF());
    assert_finding(
        &p.with(|d| penalise(d, Tier::Lighter, 2_000)),
        FindingCode::BelowLawfulSet,
        Severity::Unlawful,
        Citation::new(rouxing::law::Instrument::ShandanFlexibleEnforcementPlan, 4).item(2),
    );
    assert_eq!(
        r.get(FindingCode::BelowLawfulSet).unwrap().detail,
        Detail::Tiers { decided: Tier::Lighter, lawful_min: Tier::Ordinary, lawful_max: Tier::Ordinary }
    );
    // Close: 从轻 is lawful with a recognised mitigating circumstance.
    let r = three_tiers().with(|d| {
        penalise(d, Tier::Lighter, 2_000);
        d.reasons.officer_note = Some("当事人在共同违法中起次要作用".into());
    });
    assert!(r.is_lawful(), "{r}");
}

// ---------------------------------------------------------------- 机械执法

#[test]
fn penalty_despite_mandatory_no_penalty() {
    let x = fx(
        vec![range_item("A")],
        case("A")
            .gravity(Gravity::Minor)
            .harm(Harm::None)
            .correction(Correction::Prompt { on: d(2025, 3, 12) }),
    );
    let r = x.with(|d| penalise(d, Tier::Ordinary, 5_000));
    assert_finding(
        &r,
        FindingCode::PenaltyDespiteMandatoryNoPenalty,
        Severity::Unlawful,
        Citation::apl(33).para(1).sentence(1),
    );
    assert!(r.to_string().contains("机械执法"));
    // Close: gravity general, so 轻微不罚 does not bind and 首违不罚 is only
    // a "可以": a penalty is lawful.
    let y = fx(
        vec![range_item("A")],
        case("A").harm(Harm::None).correction(Correction::Prompt { on: d(2025, 3, 12) }),
    );
    let r = y.with(|d| {
        penalise(d, Tier::Ordinary, 5_000);
        d.reasons.officer_note = Some("不宜适用首违不罚".into());
    });
    assert!(!r.has(FindingCode::PenaltyDespiteMandatoryNoPenalty), "{r}");
    assert!(r.is_lawful(), "{r}");
}

#[test]
fn mitigation_ignored() {
    let x = fx(vec![range_item("A")], case("A").mitigating(vec![Mitigating::Coerced]));
    assert_eq!(x.a.least_lenient(), Tier::Lighter);
    let r = x.with(|d| penalise(d, Tier::Ordinary, 5_000));
    assert_finding(&r, FindingCode::MitigationIgnored, Severity::Unlawful, Citation::apl(32).item(2));
    // Close: 从轻 honours it.
    assert!(x.with(|d| penalise(d, Tier::Lighter, 2_000)).is_lawful());
}

#[test]
fn above_lawful_set() {
    let r = plain().with(|d| penalise(d, Tier::Heavier, 9_000));
    assert_finding(&r, FindingCode::AboveLawfulSet, Severity::Unlawful, Citation::apl(5).para(2));
    assert!(r.to_string().contains("一罚了之"));
    // Close: an aggravating circumstance the county regime adopts makes 从重
    // lawful (the national regime applies only aggravation set by law).
    let y = fx_with(
        &catalogue(vec![range_item("A")]),
        case("A").aggravating(vec![Aggravating::Recidivist]),
        Regime::shandan_sample(),
        AS_OF(),
    );
    assert_eq!(y.d.tier, Tier::Heavier);
    assert!(y.review().is_lawful());
}

// ---------------------------------------------------------------- bars

#[test]
fn penalty_after_limitation() {
    let b = case("A").act_on(d(2021, 1, 1)).discovered_on(d(2023, 6, 1));
    let x = fx_with(&catalogue(vec![range_item("A")]), b, Regime::national(), d(2023, 6, 10));
    let r = x.with(|d| penalise(d, Tier::Ordinary, 5_000));
    assert_finding(&r, FindingCode::PenaltyAfterLimitation, Severity::Unlawful, Citation::apl(36).para(1));
    assert_eq!(
        r.get(FindingCode::PenaltyAfterLimitation).unwrap().detail,
        Detail::Limitation { last_day: d(2023, 1, 1), discovered_on: d(2023, 6, 1) }
    );
    assert!(x.review().is_lawful());
    // Close: discovered in time.
    let b = case("A").act_on(d(2021, 1, 1)).discovered_on(d(2023, 1, 1));
    let y = fx_with(&catalogue(vec![range_item("A")]), b, Regime::national(), d(2023, 1, 10));
    assert!(!y.with(|d| penalise(d, Tier::Ordinary, 5_000)).has(FindingCode::PenaltyAfterLimitation));
}

fn amended(new: Option<StatutoryPenalty>) -> Item {
    let mut i = range_item("A");
    i.penalty = StatutoryPenalty::new(
        vec![PenaltyKind::Fine, PenaltyKind::SuspendPermit],
        Some(FineRule::range(Money::yuan(1_000), Money::yuan(10_000)).unwrap()),
        None,
    )
    .unwrap();
    i.amendments.push(Amendment {
        effective_from: d(2025, 3, 15),
        provision: "测试条例（修订）第一条".into(),
        penalty: new,
    });
    i
}

fn lighter_amendment() -> Option<StatutoryPenalty> {
    Some(
        StatutoryPenalty::new(
            vec![PenaltyKind::Fine],
            Some(FineRule::range(Money::yuan(1_000), Money::yuan(5_000)).unwrap()),
            None,
        )
        .unwrap(),
    )
}

#[test]
fn wrong_rule_version_fine() {
    let x = fx(vec![amended(lighter_amendment())], case("A"));
    let r = x.with(|d| penalise(d, Tier::Ordinary, 8_000));
    assert_finding(&r, FindingCode::WrongRuleVersion, Severity::Unlawful, Citation::apl(37));
    assert!(!r.has(FindingCode::FineAboveMaximum));
    // Close: above every version is a plain excess.
    let r = x.with(|d| penalise(d, Tier::Ordinary, 12_000));
    assert!(!r.has(FindingCode::WrongRuleVersion));
    assert!(r.has(FindingCode::FineAboveMaximum));
    // Close: inside the lighter new version.
    assert!(x.review().is_lawful(), "{}", x.review());
}

#[test]
fn wrong_rule_version_kind() {
    let x = fx(vec![amended(lighter_amendment())], case("A"));
    let r = x.with(|d| d.sanctions.push(Sanction { kind: PenaltyKind::SuspendPermit, amount: None }));
    assert_eq!(
        r.get(FindingCode::WrongRuleVersion).unwrap().detail,
        Detail::Version { fine: None, limit: None, kind: Some(PenaltyKind::SuspendPermit) }
    );
    // Close: before the amendment took effect the old version applies.
    let y = fx_with(
        &catalogue(vec![amended(lighter_amendment())]),
        case("A"),
        Regime::national(),
        d(2025, 3, 14),
    );
    let r = y.with(|d| d.sanctions.push(Sanction { kind: PenaltyKind::SuspendPermit, amount: None }));
    assert!(!r.has(FindingCode::WrongRuleVersion), "{r}");
}

#[test]
fn wrong_rule_version_no_longer_illegal() {
    let x = fx(vec![amended(None)], case("A"));
    assert_eq!(x.d.tier, Tier::NoPenalty);
    let r = x.with(|d| penalise(d, Tier::Ordinary, 5_000));
    assert_finding(&r, FindingCode::WrongRuleVersion, Severity::Unlawful, Citation::apl(37));
    assert!(x.review().is_lawful());
}

#[test]
fn penalty_without_legal_basis() {
    let x = fx(vec![range_item("A")], case("Z"));
    let r = x.with(|d| penalise(d, Tier::Ordinary, 5_000));
    assert_finding(&r, FindingCode::PenaltyWithoutLegalBasis, Severity::Unlawful, Citation::apl(38).para(1));
    assert!(x.review().is_lawful());
}

#[test]
fn penalty_without_established_facts() {
    let x = fx(vec![range_item("A")], case("A").facts(Facts::NotEstablished));
    let r = x.with(|d| penalise(d, Tier::Ordinary, 5_000));
    assert_finding(&r, FindingCode::PenaltyWithoutEstablishedFacts, Severity::Unlawful, Citation::apl(40));
    assert!(!plain().review().has(FindingCode::PenaltyWithoutEstablishedFacts));
}

#[test]
fn penalty_instead_of_transfer() {
    let x = fx(vec![range_item("A")], case("A").crime(CrimeSuspicion::Suspected));
    assert_eq!(x.d.disposition, Disposition::Transfer);
    assert!(x.review().is_lawful(), "{}", x.review());
    let r = x.with(|d| penalise(d, Tier::Ordinary, 5_000));
    assert_finding(&r, FindingCode::PenaltyInsteadOfTransfer, Severity::Unlawful, Citation::apl(8).para(2));
    assert_finding(&r, FindingCode::NoCriminalTransfer, Severity::Unlawful, Citation::apl(27).para(1));
    let r = x.with(|d| d.disposition = Disposition::NoPenalty);
    assert!(r.has(FindingCode::NoCriminalTransfer));
    assert!(!r.has(FindingCode::PenaltyInsteadOfTransfer));
}

// ---------------------------------------------------------------- fines

#[test]
fn fine_above_maximum() {
    let r = plain().with(|d| penalise(d, Tier::Ordinary, 12_000));
    assert_finding(&r, FindingCode::FineAboveMaximum, Severity::Unlawful, Citation::apl(76).para(1).item(2));
    assert_eq!(
        r.get(FindingCode::FineAboveMaximum).unwrap().detail,
        Detail::Fine { fine: Money::yuan(12_000), limit: Money::yuan(10_000) }
    );
    assert!(!plain().with(|d| penalise(d, Tier::Ordinary, 10_000)).has(FindingCode::FineAboveMaximum));
}

#[test]
fn fine_below_minimum() {
    let x = three_tiers();
    let r = x.with(|d| penalise(d, Tier::Lighter, 500));
    assert_finding(&r, FindingCode::FineBelowMinimum, Severity::Unlawful, Citation::apl(76).para(1).item(2));
    // Close: the same amount as 减轻 is lawful.
    let r = x.with(|d| {
        penalise(d, Tier::Mitigated, 500);
        d.reasons.officer_note = Some("次要作用".into());
    });
    assert!(!r.has(FindingCode::FineBelowMinimum));
    assert!(r.is_lawful(), "{r}");
}

#[test]
fn fine_outside_band() {
    // 从轻 with a fine of the 一般 band, where 一般 is lawful: irregular.
    let x = three_tiers();
    let r = x.with(|d| penalise(d, Tier::Lighter, 5_000));
    assert_finding(&r, FindingCode::FineOutsideBand, Severity::Irregular, Citation::apl(34));
    // 一般 with a fine of the 从轻 band where only 一般 is lawful: unlawful.
    let r = plain().with(|d| penalise(d, Tier::Ordinary, 2_000));
    assert_finding(&r, FindingCode::FineOutsideBand, Severity::Unlawful, Citation::apl(34));
    assert!(r.to_string().contains("也不在任何依法可以作出的处理的幅度内"));
    // Close: 从轻 in its band.
    let r = x.with(|d| penalise(d, Tier::Lighter, 2_000));
    assert!(!r.has(FindingCode::FineOutsideBand));
}

#[test]
fn sanction_not_prescribed() {
    let r = plain().with(|d| d.sanctions.push(Sanction { kind: PenaltyKind::RevokePermit, amount: None }));
    assert_finding(
        &r,
        FindingCode::SanctionNotPrescribed,
        Severity::Unlawful,
        Citation::apl(76).para(1).item(2),
    );
    // Close: 减轻 by a lighter kind (a warning) is lawful.
    let r = three_tiers().with(|d| {
        d.tier = Tier::Mitigated;
        d.reasons.tier = Tier::Mitigated;
        d.sanctions = vec![Sanction { kind: PenaltyKind::Warning, amount: None }].into();
    });
    assert!(!r.has(FindingCode::SanctionNotPrescribed), "{r}");
}

#[test]
fn second_fine() {
    let r = plain().with(|d| d.sanctions.push(fine(1_000)));
    assert_finding(&r, FindingCode::SecondFine, Severity::Unlawful, Citation::apl(29));
    let x = fx(
        vec![range_item("A")],
        case("A").amounts(Amounts { illegal_gains: Some(Money::yuan(300)), ..Amounts::default() }),
    );
    assert_eq!(x.d.sanctions.len(), 2);
    assert!(!x.review().has(FindingCode::SecondFine));
}

#[test]
fn same_act_fined_before() {
    let x = fx(vec![range_item("A")], case("A").priors(vec![prior("A", d(2025, 3, 1))]));
    assert_finding(&x.review(), FindingCode::SameActFinedBefore, Severity::Irregular, Citation::apl(29));
    let y = fx(vec![range_item("A")], case("A").priors(vec![prior("A", d(2025, 2, 1))]));
    assert!(!y.review().has(FindingCode::SameActFinedBefore));
}

fn small_item() -> Item {
    // "处五十元以上五百元以下罚款"
    item(
        "S",
        StatutoryPenalty::new(
            vec![PenaltyKind::Warning, PenaltyKind::Fine],
            Some(FineRule::range(Money::yuan(50), Money::yuan(500)).unwrap()),
            None,
        )
        .unwrap(),
    )
}

#[test]
fn summary_procedure_ineligible() {
    let summary_300 = |d: &mut Decision| {
        penalise(d, Tier::Ordinary, 300);
        d.procedure = Procedure::Summary;
    };
    let x = fx(vec![small_item()], case("S").party(person(d(1980, 1, 1))));
    let r = x.with(summary_300);
    assert_finding(&r, FindingCode::SummaryProcedureIneligible, Severity::Unlawful, Citation::apl(51));
    assert_eq!(
        r.get(FindingCode::SummaryProcedureIneligible).unwrap().detail,
        Detail::Summary { fine: Some(Money::yuan(300)), threshold: Money::yuan(200), kind: None }
    );
    // Close: an organisation may be fined ¥300 on the spot.
    let y = fx(vec![small_item()], case("S"));
    assert!(!y.with(summary_300).has(FindingCode::SummaryProcedureIneligible));
    // Confiscation is never on the spot.
    let r = y.with(|d| {
        summary_300(d);
        d.sanctions
            .push(Sanction { kind: PenaltyKind::ConfiscateIllegalGains, amount: Some(Money::yuan(10)) });
    });
    assert!(r.has(FindingCode::SummaryProcedureIneligible));
}

#[test]
fn missing_confiscation() {
    let x = fx(
        vec![range_item("A")],
        case("A").amounts(Amounts { illegal_gains: Some(Money::yuan(300)), ..Amounts::default() }),
    );
    let r = x.with(|d| d.sanctions.retain(|s| s.kind == PenaltyKind::Fine));
    assert_finding(&r, FindingCode::MissingConfiscation, Severity::Unlawful, Citation::apl(28).para(2));
    // Close: gains to be refunded are not confiscated.
    let y = fx(
        vec![range_item("A")],
        case("A")
            .amounts(Amounts { illegal_gains: Some(Money::yuan(300)), ..Amounts::default() })
            .gains_refundable(true),
    );
    assert_eq!(y.d.sanctions.len(), 1);
    assert!(y.review().is_lawful());
}

#[test]
fn inconsistent_decision() {
    let x = plain();
    let code = FindingCode::InconsistentDecision;
    let inc = |r: &Review| match r.get(code).map(|f| (f.detail, f.severity)) {
        Some((Detail::Inconsistency { inconsistency }, s)) => Some((inconsistency, s)),
        _ => None,
    };
    // A 不予处罚 that fines.
    let r = x.with(|d| {
        d.tier = Tier::NoPenalty;
        d.reasons.tier = Tier::NoPenalty;
        d.disposition = Disposition::NoPenalty;
    });
    assert_eq!(inc(&r), Some((Inconsistency::SanctionsOnNoPenalty, Severity::Unlawful)));
    // A 一般处罚 with nothing in it, where no penalty is not lawful.
    let r = x.with(|d| d.sanctions.clear());
    assert_eq!(inc(&r), Some((Inconsistency::NoSanctionsOnPenalty, Severity::Unlawful)));
    // … and where it is lawful, only irregular.
    let y = fx(vec![range_item("A")], first_violation());
    let r = y.with(|d| {
        d.tier = Tier::Lighter;
        d.reasons.tier = Tier::Lighter;
        d.disposition = Disposition::Penalty;
    });
    assert_eq!(inc(&r), Some((Inconsistency::NoSanctionsOnPenalty, Severity::Irregular)));
    // A penalty filed as 不予处罚.
    let r = x.with(|d| d.disposition = Disposition::NoPenalty);
    assert_eq!(inc(&r), Some((Inconsistency::DispositionMismatch, Severity::Irregular)));
    // A transfer with no crime suspected.
    let r = y.with(|d| d.disposition = Disposition::Transfer);
    assert_finding(
        &r,
        FindingCode::TransferWithoutSuspicion,
        Severity::Unlawful,
        Citation::apl(57).para(1).item(4),
    );
    // Close: the recommendations.
    assert!(!x.review().has(code));
    assert!(!y.review().has(code));
}

// ---------------------------------------------------------------- duties

#[test]
fn missing_correction_order() {
    let r = plain().with(|d| d.correction = None);
    assert_finding(&r, FindingCode::MissingCorrectionOrder, Severity::Unlawful, Citation::apl(28).para(1));
    assert!(r.to_string().contains("以罚代管"), "{r}");
    let y = fx(vec![range_item("A")], first_violation());
    let r = y.with(|d| d.correction = None);
    assert!(r.to_string().contains("“不罚”不等于“不管”"), "{r}");
    assert!(!plain().review().has(FindingCode::MissingCorrectionOrder));
}

#[test]
fn missing_education() {
    let y = fx(vec![range_item("A")], first_violation());
    let r = y.with(|d| d.education = false);
    assert_finding(&r, FindingCode::MissingEducation, Severity::Unlawful, Citation::apl(33).para(3));
    assert!(!y.review().has(FindingCode::MissingEducation));
}

#[test]
fn missing_guardian_order() {
    let x = fx(vec![range_item("A")], case("A").party(person(d(2012, 6, 1))));
    assert_eq!(x.d.guardian_order, Some(GuardianOrder::Discipline));
    let r = x.with(|d| d.guardian_order = None);
    assert_finding(&r, FindingCode::MissingGuardianOrder, Severity::Unlawful, Citation::apl(30));
    assert!(x.review().is_lawful());
}

#[test]
fn outside_competence() {
    let agency = |domain| Agency { id: "AG-1".parse().unwrap(), name: "某县执法机关".into(), domain };
    let r = plain().with(|d| d.agency = Some(agency(Domain::UrbanManagement)));
    assert_finding(&r, FindingCode::OutsideCompetence, Severity::Unlawful, Citation::apl(17));
    assert!(r.to_string().contains("法无授权不可为"));
    assert!(
        !plain()
            .with(|d| d.agency = Some(agency(Domain::MarketRegulation)))
            .has(FindingCode::OutsideCompetence)
    );
}

#[test]
fn no_disposition() {
    let y = fx(vec![range_item("A")], first_violation());
    let r = y.with(|d| {
        d.correction = None;
        d.education = false;
        d.soft_measures.clear();
        d.mechanisms.clear();
    });
    assert_finding(&r, FindingCode::NoDisposition, Severity::Unlawful, Citation::apl(83));
    // Close: education alone is a disposition.
    let r = y.with(|d| {
        d.correction = None;
        d.soft_measures.clear();
        d.mechanisms.clear();
    });
    assert!(!r.has(FindingCode::NoDisposition));
}

#[test]
fn tolerance_on_safety_baseline() {
    let mut baseline = range_item("A");
    baseline.safety_baseline = true;
    let x = fx(vec![baseline.clone()], first_violation());
    // Nationally 过罚相当 (Art. 5 ¶2); the plan's 五(一)(二) where adopted.
    let r = x.with(|d| d.mechanisms.push(Mechanism::ObservationPeriod));
    assert_finding(&r, FindingCode::ToleranceOnSafetyBaseline, Severity::Unlawful, Citation::apl(5).para(2));
    let p = fx_with(&catalogue(vec![baseline]), first_violation(), Regime::shandan_sample(), AS_OF());
    assert_finding(
        &p.with(|d| d.mechanisms.push(Mechanism::ObservationPeriod)),
        FindingCode::ToleranceOnSafetyBaseline,
        Severity::Unlawful,
        Citation::new(rouxing::law::Instrument::ShandanFlexibleEnforcementPlan, 5).item(2),
    );
    assert_finding(
        &p.with(|d| d.mechanisms.push(Mechanism::SimpleGuidance)),
        FindingCode::ToleranceOnSafetyBaseline,
        Severity::Irregular,
        Citation::new(rouxing::law::Instrument::ShandanFlexibleEnforcementPlan, 5).item(1),
    );
    let r = x.with(|d| d.mechanisms.push(Mechanism::SimpleGuidance));
    assert_finding(&r, FindingCode::ToleranceOnSafetyBaseline, Severity::Irregular, Citation::apl(5).para(2));
    let r = x.with(|d| d.mechanisms.push(Mechanism::TransitionPeriod));
    assert_eq!(r.get(FindingCode::ToleranceOnSafetyBaseline).unwrap().severity, Severity::Irregular);
    // Close: the same on an item off the baseline.
    let y = fx(vec![range_item("A")], first_violation());
    assert!(
        !y.with(|d| d.mechanisms.push(Mechanism::ObservationPeriod))
            .has(FindingCode::ToleranceOnSafetyBaseline)
    );
}

// ---------------------------------------------------------------- procedure

#[test]
fn missing_legal_review_under_the_plan() {
    let y = fx_with(&catalogue(vec![range_item("A")]), first_violation(), Regime::shandan_sample(), AS_OF());
    assert!(!y.d.duties.legal_review.is_empty());
    assert!(y.review().is_lawful());
    let r = y.with(|d| d.documents.retain(|x| *x != Document::LegalReviewOpinion));
    assert_finding(
        &r,
        FindingCode::MissingLegalReview,
        Severity::Irregular,
        Citation::new(rouxing::law::Instrument::ShandanFlexibleEnforcementPlan, 4).item(3),
    );
    // Close: under the national regime no review is required.
    let x = fx(vec![range_item("A")], first_violation());
    let r = x.with(|d| d.documents.retain(|x| *x != Document::LegalReviewOpinion));
    assert!(!r.has(FindingCode::MissingLegalReview));
}

#[test]
fn missing_legal_review_under_article_58() {
    let x = fx(vec![range_item("A")], case("A").context(vec![Context::MajorPublicInterest]));
    let r = x.with(|d| d.duties.legal_review.clear());
    assert_finding(
        &r,
        FindingCode::MissingLegalReview,
        Severity::Unlawful,
        Citation::apl(58).para(1).item(1),
    );
    assert!(!x.review().has(FindingCode::MissingLegalReview));
}

fn big_item() -> Item {
    item(
        "B",
        StatutoryPenalty::new(
            vec![PenaltyKind::Fine],
            Some(FineRule::range(Money::yuan(50_000), Money::yuan(500_000)).unwrap()),
            None,
        )
        .unwrap(),
    )
}

#[test]
fn missing_hearing_notice() {
    let x = fx(vec![big_item()], case("B"));
    assert!(x.d.duties.hearing_notice);
    let r = x.with(|d| d.duties.hearing_notice = false);
    assert_finding(&r, FindingCode::MissingHearingNotice, Severity::Unlawful, Citation::apl(63).para(1));
    assert!(!x.review().has(FindingCode::MissingHearingNotice));
}

#[test]
fn missing_collective_decision() {
    let x = fx(vec![range_item("A")], case("A").gravity(Gravity::Serious));
    assert!(x.d.duties.collective_decision);
    let r = x.with(|d| d.documents.retain(|x| *x != Document::CollectiveDiscussionRecord));
    assert_finding(&r, FindingCode::MissingCollectiveDecision, Severity::Unlawful, Citation::apl(57).para(2));
    assert!(!x.review().has(FindingCode::MissingCollectiveDecision));
}

#[test]
fn heavier_after_statement() {
    let x = three_tiers();
    let notified = Notified { tier: Tier::Lighter, fine: Some(Money::yuan(2_000)) };
    let r = x.with(|d| {
        penalise(d, Tier::Lighter, 3_000);
        d.notified = Some(Box::new(notified));
        d.reasons.officer_note = Some("理由".into());
    });
    assert_finding(&r, FindingCode::HeavierAfterStatement, Severity::Unlawful, Citation::apl(45).para(2));
    // The explanation states both, fines included.
    let text = r.get(FindingCode::HeavierAfterStatement).unwrap().explanation().to_string();
    assert!(
        text.starts_with(
            "决定（从轻处罚，罚款¥3,000.00）重于陈述、申辩前告知的处罚（从轻处罚，罚款¥2,000.00）"
        ),
        "{text}"
    );
    let r = x.with(|d| {
        penalise(d, Tier::Ordinary, 2_000);
        d.notified = Some(Box::new(notified));
    });
    assert!(r.has(FindingCode::HeavierAfterStatement));
    // Close: the same tier and the same fine as notified are not heavier.
    let r = x.with(|d| {
        penalise(d, Tier::Lighter, 2_000);
        d.notified = Some(Box::new(notified));
        d.reasons.officer_note = Some("理由".into());
    });
    assert!(!r.has(FindingCode::HeavierAfterStatement));
    // Lighter after the statement is welcome.
    let r = x.with(|d| {
        penalise(d, Tier::Lighter, 1_500);
        d.notified = Some(Box::new(notified));
        d.reasons.officer_note = Some("理由".into());
    });
    assert!(!r.has(FindingCode::HeavierAfterStatement));
}

#[test]
fn decision_period_exceeded() {
    let b = case("A").filed_on(d(2025, 3, 10));
    let late = fx_with(&catalogue(vec![range_item("A")]), b.clone(), Regime::national(), d(2025, 7, 1));
    assert_finding(
        &late.review(),
        FindingCode::DecisionPeriodExceeded,
        Severity::Irregular,
        Citation::apl(60),
    );
    assert_eq!(
        late.review().get(FindingCode::DecisionPeriodExceeded).unwrap().detail,
        Detail::Deadline { due: d(2025, 6, 8), decided_on: d(2025, 7, 1) }
    );
    let in_time = fx_with(&catalogue(vec![range_item("A")]), b, Regime::national(), d(2025, 6, 8));
    assert!(!in_time.review().has(FindingCode::DecisionPeriodExceeded));
}

// ---------------------------------------------------------------- reasons

#[test]
fn missing_reasons() {
    let x = three_tiers();
    assert_eq!(x.d.tier, Tier::Mitigated);
    let r = x.with(|d| {
        penalise(d, Tier::Ordinary, 5_000);
    });
    assert_finding(&r, FindingCode::MissingReasons, Severity::Irregular, Citation::apl(44));
    assert!(r.is_lawful(), "{r}");
    // Stale reasons: they describe 从轻 while the decision is 一般.
    let r = x.with(|d| {
        penalise(d, Tier::Ordinary, 5_000);
        d.reasons.tier = Tier::Lighter;
        d.reasons.officer_note = Some("理由".into());
    });
    assert_eq!(r.get(FindingCode::MissingReasons).unwrap().detail, Detail::Reasons { stale: true });
    // Free text alone is no reason (说明理由 names the facts relied on).
    let r = x.with(|d| {
        penalise(d, Tier::Ordinary, 5_000);
        d.reasons.officer_note = Some("当事人违法所得较多，不宜减轻".into());
    });
    assert_finding(&r, FindingCode::MissingReasons, Severity::Irregular, Citation::apl(44));
    // A circumstance the case does not establish: its own finding, and no
    // support for the heavier choice.
    let r = x.with(|d| {
        penalise(d, Tier::Ordinary, 5_000);
        d.reasons.circumstances = vec![Fact::Aggravating(Aggravating::Obstruction)];
    });
    assert_finding(&r, FindingCode::CircumstanceNotEstablished, Severity::Irregular, Citation::apl(40));
    assert!(r.has(FindingCode::MissingReasons));
    assert!(r.to_string().contains("说明理由所称情节“妨碍执法人员查处违法行为”"), "{r}");
    // A circumstance that holds but does not weigh against leniency.
    let r = x.with(|d| {
        penalise(d, Tier::Ordinary, 5_000);
        d.reasons.circumstances = vec![Fact::Gravity(Gravity::General)];
    });
    assert!(r.has(FindingCode::MissingReasons) && !r.has(FindingCode::CircumstanceNotEstablished));
    // Close: the established harm (造成危害后果) named as the reason.
    let r = x.with(|d| {
        penalise(d, Tier::Ordinary, 5_000);
        d.reasons.circumstances = vec![Fact::Harm(Harm::Harmful)];
    });
    assert!(!r.has(FindingCode::MissingReasons), "{r}");
    assert!(!r.has(FindingCode::CircumstanceNotEstablished));
    assert!(r.findings.iter().all(|f| f.code != FindingCode::MissingReasons));
}

#[test]
fn lenient_tier_names_its_ground() {
    // 减轻 decided, but the reasons name none of the grounds that make it
    // lawful.
    let x = three_tiers();
    let r = x.with(|d| d.reasons.grounds.clear());
    assert_finding(&r, FindingCode::MissingReasons, Severity::Irregular, Citation::apl(44));
    // Close: the recommendation names them.
    assert!(!x.review().has(FindingCode::MissingReasons), "{}", x.review());
}

/// A 不予处罚 the law requires is the only lawful tier, so there is no choice
/// to reason; it still names the ground that requires it (第三十条: under
/// fourteen), as every lenient tier does.
#[test]
fn a_required_no_penalty_names_its_ground_too() {
    let x = fx(vec![range_item("A")], case("A").party(person(d(2011, 3, 1))));
    let a = assess(&x.case, &x.cat, &x.regime, AS_OF());
    assert_eq!(a.lawful.iter().map(|o| o.tier).collect::<Vec<_>>(), [Tier::NoPenalty]);
    assert_eq!(x.d.reasons.grounds[..], [Ground::UnderFourteen]);
    assert!(!x.review().has(FindingCode::MissingReasons), "{}", x.review());
    let r = x.with(|d| d.reasons.grounds.clear());
    assert_finding(&r, FindingCode::MissingReasons, Severity::Irregular, Citation::apl(44));
    assert_eq!(r.get(FindingCode::MissingReasons).unwrap().detail, Detail::Reasons { stale: false });
}

#[test]
fn override_without_reason() {
    let x = three_tiers();
    let over = |note: &'static str, circumstances: Vec<Fact>| {
        move |d: &mut Decision| {
            penalise(d, Tier::Lighter, 2_000);
            d.reasons.circumstances.clone_from(&circumstances);
            d.overridden = Some(Box::new(Override {
                officer: "OF-9".parse().unwrap(),
                recommended: Tier::Mitigated,
                recommended_fine: Some(Money::yuan(499)),
                note: Some(note.to_owned()),
            }));
        }
    };
    let r = x.with(over(" ", vec![]));
    assert_finding(&r, FindingCode::OverrideWithoutReason, Severity::Irregular, Citation::apl(44));
    let o = r.overridden.as_ref().unwrap();
    assert_eq!(o.officer.as_str(), "OF-9");
    assert_eq!((o.recommended, o.decided), (Tier::Mitigated, Tier::Lighter));
    assert_eq!(o.decided_fine, Some(Money::yuan(2_000)));
    assert!(o.within_lawful_set && !o.reasoned);
    assert!(r.to_string().contains("执法人员 OF-9 将建议的减轻处罚"), "{r}");
    // A note is an addition, not a reason.
    let r = x.with(over("当事人未主动消除危害后果", vec![]));
    assert!(r.has(FindingCode::OverrideWithoutReason));
    assert!(!r.overridden.unwrap().reasoned);
    // A circumstance that does not hold supports nothing.
    let r = x.with(over("", vec![Fact::Aggravating(Aggravating::Recidivist)]));
    assert!(r.has(FindingCode::OverrideWithoutReason) && r.has(FindingCode::CircumstanceNotEstablished));
    // Close: the established harm named.
    let r = x.with(over("当事人未主动消除危害后果", vec![Fact::Harm(Harm::Harmful)]));
    assert!(!r.has(FindingCode::OverrideWithoutReason));
    assert!(r.overridden.unwrap().reasoned);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
}

/// An override is heavier by its tier, or at the same tier by its fine; a
/// heavier one needs an established circumstance against leniency, a
/// lighter or equal one a ground of the decided tier (说明理由, 第四十四条). At
/// 从轻 (the tier of 第三十一条's partial capacity), a fine raised from the
/// recommended ¥2,000 to ¥3,000 with the ground named and no circumstance is
/// unreasoned; lowered to ¥1,500 or kept at ¥2,000 with the ground named, it
/// is reasoned; lowered without the ground named, it is not.
#[test]
fn an_override_at_the_same_tier_is_weighed_by_its_fine() {
    let x = three_tiers();
    let a = assess(&x.case, &x.cat, &x.regime, AS_OF());
    let grounds = a.option(Tier::Lighter).unwrap().grounds.clone();
    assert!(!grounds.is_empty());
    let over = |fine: u64, grounds: &[Ground]| {
        x.with(|d| {
            penalise(d, Tier::Lighter, fine);
            d.reasons.grounds = grounds.into();
            d.reasons.circumstances = vec![];
            d.overridden = Some(Box::new(Override {
                officer: "OF-9".parse().unwrap(),
                recommended: Tier::Lighter,
                recommended_fine: Some(Money::yuan(2_000)),
                note: None,
            }));
        })
        .has(FindingCode::OverrideWithoutReason)
    };
    assert!(over(3_000, &grounds), "heavier by the fine");
    assert!(!over(1_500, &grounds), "lighter, the ground named");
    assert!(!over(2_000, &grounds), "equal, the ground named");
    assert!(over(1_500, &[]), "lighter, no ground named");
}

#[test]
fn ground_not_established() {
    let r = plain().with(|d| d.reasons.grounds = vec![Ground::FirstViolation].into());
    assert_finding(&r, FindingCode::GroundNotEstablished, Severity::Irregular, Citation::apl(40));
    let y = fx(vec![range_item("A")], first_violation());
    assert_eq!(y.d.reasons.grounds[..], vec![Ground::FirstViolation]);
    assert!(!y.review().has(FindingCode::GroundNotEstablished));
}

#[test]
fn coercion_where_soft_suffices() {
    let code = FindingCode::CoercionWhereSoftSuffices;
    let seal = |d: &mut Decision| d.coercive_measures.push(CoerciveMeasure::SealUp);
    let y = fx(vec![range_item("A")], first_violation());
    assert_finding(
        &y.with(seal),
        code,
        Severity::Advisory,
        Citation::new(rouxing::law::Instrument::OptimizingBusinessEnvironmentRegulations, 59).para(1),
    );
    assert!(y.with(seal).passes());
    // A 不予行政强制 list entry applies: irregular.
    let listed = fx_with(
        &listed_catalogue(ListOutcome::NoCoercion, None),
        first_violation(),
        Regime::national(),
        AS_OF(),
    );
    assert!(!listed.a.no_coercion.is_empty());
    // For a market entity the listed non-coercive route suffices: unlawful
    // (优化营商环境条例 Art. 59 ¶1); for a natural person irregular.
    assert_eq!(listed.with(seal).get(code).unwrap().severity, Severity::Unlawful);
    let person = fx_with(
        &listed_catalogue(ListOutcome::NoCoercion, None),
        first_violation().party(rouxing::party::Party::natural_person(
            "P-9".parse().unwrap(),
            d(1990, 1, 1),
            rouxing::party::MentalCapacity::Full,
        )),
        Regime::national(),
        AS_OF(),
    );
    assert!(!person.a.no_coercion.is_empty());
    assert_eq!(person.with(seal).get(code).unwrap().severity, Severity::Irregular);
    // Corrected promptly with no harm: the non-coercive route sufficed.
    let clean = fx(
        vec![range_item("A")],
        case("A").harm(Harm::None).correction(Correction::Prompt { on: d(2025, 3, 12) }),
    );
    assert_eq!(clean.with(seal).get(code).unwrap().severity, Severity::Unlawful);
    // Close: serious harm — coercion may be needed.
    let z = fx(vec![range_item("A")], case("A").harm(Harm::Serious));
    assert!(!z.with(seal).has(code));
}

// ---------------------------------------------------------------- review as a whole

#[test]
fn findings_sorted_most_severe_first() {
    let r = plain().with(|d| {
        penalise(d, Tier::Ordinary, 5_000);
        d.coercive_measures.push(CoerciveMeasure::Seize);
        d.reasons.grounds = vec![Ground::FirstViolation].into();
        d.correction = None;
    });
    let severities: Vec<Severity> = r.findings.iter().map(|f| f.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(severities, sorted);
    assert_eq!(r.worst(), Some(Severity::Unlawful));
    assert_eq!(r.of(Severity::Irregular).count(), 1);
}

#[test]
fn finding_display_pins_text() {
    let r = plain().with(|d| d.correction = None);
    assert_eq!(
        r.get(FindingCode::MissingCorrectionOrder).unwrap().to_string(),
        "[违法] 未责令改正（以罚代管）：未责令当事人改正或者限期改正违法行为，罚后放任违法行为继续，属于“以罚代管”（《中华人民共和国行政处罚法》第二十八条第一款）"
    );
}

#[test]
fn review_json_round_trips() {
    let r = plain().with(|d| {
        penalise(d, Tier::Heavier, 12_000);
        d.overridden = Some(Box::new(Override {
            officer: "OF-1".parse().unwrap(),
            recommended: Tier::Ordinary,
            recommended_fine: None,
            note: None,
        }));
    });
    let json = serde_json::to_string(&r).unwrap();
    assert_eq!(serde_json::from_str::<Review>(&json).unwrap(), r);
}

// ---------------------------------------------------------------- checklist

fn agency(domain: Domain) -> Agency {
    Agency { id: "AG-1".parse().unwrap(), name: "某县市场监督管理局".into(), domain }
}

fn staffed(b: CaseBuilder) -> CaseBuilder {
    b.agency(agency(Domain::MarketRegulation))
        .officers(vec!["OF-1".parse().unwrap(), "OF-2".parse().unwrap()])
}

#[test]
fn checklist_passes_a_clean_decision() {
    let x = fx_with(
        &catalogue(vec![range_item("A")]),
        staffed(first_violation()),
        Regime::shandan_sample(),
        AS_OF(),
    );
    let c = LegalReviewChecklist::build(&x.case, &x.cat, &x.regime, &x.d, None);
    assert!(c.passes(), "{c}");
    assert_eq!(c.points.len(), 6);
    for p in &c.points {
        assert_eq!(p.status, CheckStatus::Satisfied, "{c}");
        assert!(!p.evidence.is_empty());
    }
    let text = c.to_string();
    // Each point with its status and the question the reviewer answers, then
    // its evidence; no reasons and no suggestions on a clean decision.
    assert!(
        text.contains("一、执法主体合法：符合（执法主体是否合法，执法人员是否具备执法资格）\n"),
        "{text}"
    );
    assert!(text.contains("六、程序合法：符合（程序是否合法，是否充分保障当事人权利）\n"), "{text}");
    let agency_line =
        format!("    - 执法机关：某县市场监督管理局（{}）\n", Domain::MarketRegulation.legal_name());
    assert!(text.contains(&agency_line), "{text}");
    assert!(text.contains("    - 执法人员：2名\n"), "{text}");
    assert!(text.contains("审核意见：通过"), "{text}");
    assert!(!text.contains("理由：") && !text.contains("建议："), "{text}");
    let json = serde_json::to_string(&c).unwrap();
    assert_eq!(serde_json::from_str::<LegalReviewChecklist>(&json).unwrap(), c);
}

#[test]
fn checklist_marks_discretion_not_applicable_without_choice() {
    let x = fx_with(&catalogue(vec![range_item("A")]), staffed(case("A")), Regime::national(), AS_OF());
    let c = LegalReviewChecklist::build(&x.case, &x.cat, &x.regime, &x.d, None);
    assert_eq!(c.point(CheckPoint::DiscretionAppropriate).unwrap().status, CheckStatus::NotApplicable);
    assert!(c.passes(), "{c}");
}

#[test]
fn checklist_fails_with_reasons() {
    let x = fx_with(&catalogue(vec![range_item("A")]), staffed(case("A")), Regime::national(), AS_OF());
    let mut d = x.d.clone();
    let_off(&mut d);
    d.agency = Some(agency(Domain::UrbanManagement));
    let c = LegalReviewChecklist::build(&x.case, &x.cat, &x.regime, &d, None);
    assert_eq!(c.opinion.verdict, Verdict::Fail);
    assert_eq!(c.point(CheckPoint::SubjectLawful).unwrap().status, CheckStatus::NotSatisfied);
    assert_eq!(c.point(CheckPoint::DiscretionAppropriate).unwrap().status, CheckStatus::NotSatisfied);
    assert_eq!(c.point(CheckPoint::FactsClear).unwrap().status, CheckStatus::Satisfied);
    let codes: Vec<_> = c.opinion.reasons.iter().filter_map(|r| r.code).collect();
    assert!(codes.contains(&FindingCode::OutsideCompetence));
    assert!(codes.contains(&FindingCode::NoPenaltyDespiteHarm));
    let text = c.to_string();
    assert!(text.contains("审核意见：不通过\n理由：\n  1. ["), "{text}");
    assert!(!text.contains("建议："), "{text}");
}

#[test]
fn checklist_requires_agency_and_two_officers() {
    let case = case("A").build().unwrap();
    let cat = catalogue(vec![range_item("A")]);
    let regime = Regime::national();
    let a = assess(&case, &cat, &regime, AS_OF());
    let x = Fx { d: recommend(&a, &regime), case, cat, a, regime };
    assert_finding(&x.review(), FindingCode::AgencyMissing, Severity::Advisory, Citation::apl(17));
    let c = LegalReviewChecklist::build(&x.case, &x.cat, &x.regime, &x.d, None);
    let subject = c.point(CheckPoint::SubjectLawful).unwrap();
    assert_eq!(subject.status, CheckStatus::NotSatisfied);
    let texts: Vec<&str> = c.opinion.reasons.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "决定未记录作出决定的行政机关，无法审核执法主体是否合法",
            "记录的执法人员为0名；执法人员不得少于两人，法律另有规定的除外"
        ]
    );
    assert!(c.opinion.reasons.iter().all(|r| r.citation.as_ref().is_some_and(|c| c.is_known())));
}

#[test]
fn checklist_lists_advisories_as_suggestions() {
    let x =
        fx_with(&catalogue(vec![range_item("A")]), staffed(first_violation()), Regime::national(), AS_OF());
    let mut d = x.d.clone();
    d.coercive_measures.push(CoerciveMeasure::SealUp);
    let c = LegalReviewChecklist::build(&x.case, &x.cat, &x.regime, &d, None);
    assert!(c.passes(), "{c}");
    assert_eq!(c.opinion.suggestions.len(), 1);
    assert_eq!(c.opinion.suggestions[0].code, Some(FindingCode::CoercionWhereSoftSuffices));
    let text = c.to_string();
    assert!(text.contains(&format!("建议：\n  1. {}", c.opinion.suggestions[0].text)), "{text}");
    assert!(!text.contains("理由："), "{text}");
}

// ---------------------------------------------------------------- proposals

#[test]
fn proposal_records_the_override() {
    let x = three_tiers();
    let p: Proposal = serde_json::from_str(
        r#"{"officer": "OF-3", "tier": "lighter", "fine": "2000", "circumstances": [{"harm": "harmful"}], "reason": "未主动消除危害后果"}"#,
    )
    .unwrap();
    let d = p.apply(&x.d, &x.a, &x.regime);
    assert_eq!(d.tier, Tier::Lighter);
    assert_eq!(d.fine(), Some(Money::yuan(2_000)));
    assert_eq!(d.decided_by.as_ref().map(|o| o.as_str()), Some("OF-3"));
    let r = review(&x.case, &x.cat, &x.regime, &d, None);
    assert!(r.findings.is_empty(), "{r}");
    let o = r.overridden.unwrap();
    assert_eq!((o.recommended, o.decided, o.reasoned), (Tier::Mitigated, Tier::Lighter, true));
}

#[test]
fn proposal_omissions_are_findings() {
    let x = fx_with(&catalogue(vec![range_item("A")]), first_violation(), Regime::shandan_sample(), AS_OF());
    let p = Proposal {
        officer: "OF-3".parse().unwrap(),
        agency: None,
        tier: None,
        sanctions: None,
        fine: None,
        procedure: None,
        mechanisms: None,
        coercive_measures: vec![],
        notified: None,
        new_facts: vec![],
        omit: vec![Omission::Education, Omission::LegalReview],
        circumstances: vec![],
        reason: None,
    };
    let d = p.apply(&x.d, &x.a, &x.regime);
    let r = review(&x.case, &x.cat, &x.regime, &d, None);
    assert!(r.has(FindingCode::MissingEducation), "{r}");
    assert!(r.has(FindingCode::MissingLegalReview), "{r}");
    assert!(r.overridden.is_none());
    let json = serde_json::to_string(&p).unwrap();
    assert_eq!(serde_json::from_str::<Proposal>(&json).unwrap(), p);
}

#[test]
fn proposal_rejects_unknown_fields() {
    let err = serde_json::from_str::<Proposal>(r#"{"officer": "OF-1", "tire": "lighter"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("unknown field `tire`"), "{err}");
}

#[test]
fn proposal_to_no_penalty_educates() {
    let x = fx_with(&catalogue(vec![range_item("A")]), first_violation(), Regime::national(), AS_OF());
    // From 首违不罚 to a fine and back.
    let p: Proposal =
        serde_json::from_str(r#"{"officer": "OF-1", "tier": "ordinary", "fine": "5000", "reason": "r"}"#)
            .unwrap();
    let d = p.apply(&x.d, &x.a, &x.regime);
    assert_eq!(d.disposition, Disposition::Penalty);
    assert!(!d.education);
    let back: Proposal =
        serde_json::from_str(r#"{"officer": "OF-1", "tier": "no_penalty", "reason": "首违"}"#).unwrap();
    let d2 = back.apply(&d, &x.a, &x.regime);
    assert_eq!(d2.disposition, Disposition::NoPenalty);
    assert!(d2.education && d2.sanctions.is_empty());
    assert!(review(&x.case, &x.cat, &x.regime, &d2, None).is_lawful());
}

// ---------------------------------------------------------------- laws

/// The finding's detail is one its code explains (the text is not the bare
/// fallback) and its citation is known.
fn well_formed(r: &Review) -> Result<(), TestCaseError> {
    for f in &r.findings {
        // A bundled provision rouxing carries, or the document a regime
        // names for its own rule.
        prop_assert!(f.citation.is_known() || f.citation.document().is_some(), "{f}");
        prop_assert_ne!(f.explanation().to_string(), f.code.legal_name(), "{:?}", f);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::common::cases(256), max_global_rejects: 1 << 20, ..ProptestConfig::default() })]

    /// Invariant 2: a recommended decision never has an unlawful finding.
    #[test]
    fn prop_recommended_is_lawful((cat, case, regime, as_of) in strategy::assessment_inputs()) {
        let a = assess(&case, &cat, &regime, as_of);
        let d = recommend(&a, &regime);
        let r = review(&case, &cat, &regime, &d, None);
        prop_assert!(r.is_lawful(), "{}\n{}", r, a.explain());
        well_formed(&r)?;
    }

    /// A tier outside the lawful set always has an unlawful finding.
    #[test]
    fn prop_tier_outside_lawful_set_is_unlawful(
        (cat, case, regime, as_of) in strategy::assessment_inputs(),
        tier in proptest::sample::select(Tier::ALL.to_vec()),
    ) {
        let a = assess(&case, &cat, &regime, as_of);
        let mut d = recommend(&a, &regime);
        d.tier = tier;
        let r = review(&case, &cat, &regime, &d, None);
        if !a.is_lawful(tier) {
            prop_assert!(!r.is_lawful(), "{}", r);
        }
        well_formed(&r)?;
    }

    /// Every finding of an arbitrarily edited decision cites a real provision
    /// and explains itself; the review is deterministic and round-trips.
    #[test]
    fn prop_findings_cite_real_articles(
        (cat, case, regime, as_of) in strategy::assessment_inputs(),
        tier in proptest::sample::select(Tier::ALL.to_vec()),
        fine_permille in proptest::option::of(0u64..3000),
        edits in proptest::collection::vec(0u8..12, 0..5),
    ) {
        let a = assess(&case, &cat, &regime, as_of);
        let mut d = recommend(&a, &regime);
        d.tier = tier;
        if let Some(p) = fine_permille {
            let base = d.fine().or(d.baseline_fine).unwrap_or(Money::yuan(1_000));
            let f = Money::from_fen(base.fen() / 1000 * p);
            d.sanctions.retain(|s| s.kind != PenaltyKind::Fine);
            d.sanctions.push(Sanction { kind: PenaltyKind::Fine, amount: Some(f) });
        }
        for e in edits {
            match e {
                0 => d.correction = None,
                1 => d.education = !d.education,
                2 => d.guardian_order = None,
                3 => d.mechanisms.push(Mechanism::ObservationPeriod),
                4 => d.coercive_measures.push(CoerciveMeasure::SealUp),
                5 => d.procedure = Procedure::Summary,
                6 => d.duties.legal_review.clear(),
                7 => d.documents.clear(),
                8 => d.notified = Some(Box::new(Notified { tier: Tier::NoPenalty, fine: None })),
                9 => d.agency = Some(Agency { id: "AG".parse().unwrap(), name: "机关".into(), domain: Domain::Taxation }),
                10 => d.sanctions.push(Sanction { kind: PenaltyKind::Detention, amount: None }),
                _ => d.reasons.grounds.push(Ground::NoFault),
            }
        }
        let r = review(&case, &cat, &regime, &d, None);
        well_formed(&r)?;
        prop_assert_eq!(&review(&case, &cat, &regime, &d, None), &r);
        let back: Review = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        prop_assert_eq!(&back, &r);
        let c = LegalReviewChecklist::build(&case, &cat, &regime, &d, None);
        prop_assert_eq!(c.passes(), !c.points.iter().any(|p| p.status == CheckStatus::NotSatisfied));
        if !r.passes() {
            prop_assert!(!c.passes());
        }
    }

    /// An officer may choose any lawful tier, with a fine inside the tier's
    /// band and a reason: no unlawful finding.
    #[test]
    fn prop_reasoned_override_inside_lawful_set_is_lawful(
        (cat, case, regime, as_of) in strategy::assessment_inputs(),
        pick in 0usize..5,
    ) {
        let a = assess(&case, &cat, &regime, as_of);
        let rec = recommend(&a, &regime);
        let option = &a.lawful[pick % a.lawful.len()];
        let has_fine = a.version.as_ref().and_then(|v| v.penalty.as_ref()).is_some_and(|p| p.has_kind(PenaltyKind::Fine));
        let band = option.fine_band.filter(|b| !b.max().is_zero());
        prop_assume!(option.tier == Tier::NoPenalty || (has_fine && band.is_some()));
        let mut sanctions = Vec::new();
        if let Some(b) = band.filter(|_| option.tier != Tier::NoPenalty) {
            sanctions.push(Sanction { kind: PenaltyKind::Fine, amount: Some(b.max()) });
            if let Some(g) = a.illegal_gains {
                sanctions.push(Sanction { kind: PenaltyKind::ConfiscateIllegalGains, amount: Some(g) });
            }
            // What the provision imposes (处 / 并处) stays outside 减轻.
            let p = a.version.as_ref().and_then(|v| v.penalty.as_ref()).unwrap();
            if option.tier != Tier::Mitigated {
                for k in p.mandatory_kinds() {
                    if !sanctions.iter().any(|s| s.kind == k) && k != PenaltyKind::ConfiscateIllegalGains {
                        sanctions.push(Sanction { kind: k, amount: None });
                    }
                }
            }
        }
        let p = Proposal {
            officer: "OF-1".parse().unwrap(),
            agency: None,
            tier: Some(option.tier),
            sanctions: (option.tier != Tier::NoPenalty).then_some(sanctions),
            fine: None,
            procedure: None,
            mechanisms: None,
            coercive_measures: vec![],
            notified: None,
            new_facts: vec![],
            omit: vec![],
            circumstances: strategy::established_against_leniency(&case),
            reason: Some("综合考虑违法情节".into()),
        };
        let d = p.apply(&rec, &a, &regime);
        let r = review(&case, &cat, &regime, &d, None);
        prop_assert!(r.is_lawful(), "{}\n{}", r, a.explain());
        prop_assert!(!r.has(FindingCode::CircumstanceNotEstablished), "{}", r);
        if let Some(o) = &r.overridden {
            prop_assert!(o.within_lawful_set);
            // Heavier than recommended: reasoned exactly when the case
            // establishes something against leniency (or the item is on the
            // safety baseline).
            let heavier = o.decided > o.recommended || (o.decided == o.recommended && o.decided_fine > o.recommended_fine);
            let baseline = a.item.as_ref().is_some_and(|i| i.safety_baseline);
            if heavier {
                let aggravating = a
                    .option(o.decided)
                    .is_some_and(|op| op.grounds.iter().any(|g| matches!(g, Ground::Aggravating { .. })));
                prop_assert_eq!(o.reasoned, !p.circumstances.is_empty() || baseline || aggravating);
            }
        }
    }
}

/// A list's 应当减轻 (authorised by an Art. 32 ground) on a "X元以下"
/// provision that already prescribes a warning: the recommendation falls back
/// to the lightest prescribed kind, and must still confiscate the illegal
/// gains (Art. 28 ¶2).
#[test]
fn recommended_fallback_still_confiscates() {
    let mut i = listed_item(ListOutcome::Mitigate, None);
    i.penalty = StatutoryPenalty::new(
        vec![PenaltyKind::Warning, PenaltyKind::Fine],
        Some(FineRule::up_to(Money::yuan(50_000)).unwrap()),
        None,
    )
    .unwrap();
    i.entries[0].modal = Modal::Shall;
    let cat = crate::common::listed_catalogue_of(vec![i]);
    let x = fx_with(
        &cat,
        case("A")
            .correction(Correction::Prompt { on: d(2025, 3, 20) })
            .mitigating(vec![Mitigating::EliminatedHarm])
            .amounts(Amounts { illegal_gains: Some(Money::yuan(300)), ..Amounts::default() }),
        Regime::national(),
        AS_OF(),
    );
    assert_eq!(x.d.tier, Tier::Mitigated);
    assert!(
        x.d.sanctions.iter().any(|s| s.kind == PenaltyKind::ConfiscateIllegalGains),
        "{:?}",
        x.d.sanctions
    );
    assert!(x.review().is_lawful(), "{}", x.review());
}

/// The bundled proposals of the `legal_review` example show what they say.
#[test]
fn bundled_proposals() {
    let cat = Catalogue::bundled().unwrap();
    let regime = Regime::shandan_sample();
    let as_of = d(2025, 6, 30);
    let pairs: [(&str, &str, &[FindingCode]); 5] = [
        (
            include_str!("../examples/data/proposals/cases/price-first.json"),
            include_str!("../examples/data/proposals/clean.json"),
            &[],
        ),
        (
            include_str!("../examples/data/proposals/cases/hazchem-harm.json"),
            include_str!("../examples/data/proposals/fangshui.json"),
            // The officer's text ("企业经营困难") names no ground or
            // circumstance: the departure is unreasoned as well.
            &[
                FindingCode::NoPenaltyDespiteHarm,
                FindingCode::ToleranceOnSafetyBaseline,
                FindingCode::OverrideWithoutReason,
            ],
        ),
        (
            include_str!("../examples/data/proposals/cases/hazchem-minor.json"),
            include_str!("../examples/data/proposals/jixie.json"),
            &[FindingCode::PenaltyDespiteMandatoryNoPenalty],
        ),
        (
            include_str!("../examples/data/proposals/cases/price-repeat.json"),
            include_str!("../examples/data/proposals/yifadaiguan.json"),
            &[FindingCode::MissingCorrectionOrder],
        ),
        (
            include_str!("../examples/data/proposals/cases/hazchem-minor.json"),
            include_str!("../examples/data/proposals/out-of-competence.json"),
            &[FindingCode::OutsideCompetence],
        ),
    ];
    for (case, proposal, expected) in pairs {
        let case = Case::from_json(case, &cat).unwrap();
        let p: Proposal = serde_json::from_str(proposal).unwrap();
        let a = assess(&case, &cat, &regime, as_of);
        let dec = p.apply(&recommend(&a, &regime), &a, &regime);
        let r = review(&case, &cat, &regime, &dec, None);
        let codes: Vec<FindingCode> = r.findings.iter().map(|f| f.code).collect();
        assert_eq!(codes, expected, "{r}");
        let c = LegalReviewChecklist::build(&case, &cat, &regime, &dec, None);
        assert_eq!(c.passes(), expected.is_empty(), "{c}");
    }
}

// ------------------------------------------- 事先告知、陈述申辩 (Arts. 44, 45, 62)

/// The Art. 44 notice of `d` as proposed, with the party's answer.
fn notice_of(d: &Decision, answer: Answer) -> Notice {
    Notice::Given(NotifiedProposal {
        on: AS_OF(),
        item: d.item.clone(),
        sanctions: d.sanctions.to_vec(),
        facts: vec![Fact::Harm(Harm::Harmful)],
        grounds: d.reasons.grounds.to_vec(),
        basis: vec!["某条例第十条".into()],
        answer,
        hearing: if d.duties.hearing_notice {
            HearingAnswer::Waived { reference: "放弃听证声明书".into() }
        } else {
            HearingAnswer::NotOffered
        },
    })
}

fn stated() -> Answer {
    Answer::Stated { adopted: false }
}

impl Fx {
    /// Reviews the recommendation edited by `f`, decided on `notice`.
    fn on_notice(&self, notice: &Notice, f: impl FnOnce(&mut Decision)) -> Review {
        let mut d = self.d.clone();
        f(&mut d);
        review(&self.case, &self.cat, &self.regime, &d, Some(notice))
    }
}

/// Raises the decided fine by ¥1 (inside the 一般 band of `plain`).
fn one_yuan_more(d: &mut Decision) {
    for s in d.sanctions.iter_mut().filter(|s| s.kind == PenaltyKind::Fine) {
        s.amount = s.amount.map(|m| m.checked_add(Money::yuan(1)).unwrap());
    }
}

#[test]
fn art_62_a_penalty_without_notice_is_unlawful_unless_waived() {
    // 第六十二条: "未依照本法第四十四条…告知…不得作出行政处罚决定；当事人明确放弃陈述或者申辩权利的除外。"
    let x = plain();
    let none = Notice::NotGiven { waiver: None };
    assert_finding(
        &x.on_notice(&none, |_| ()),
        FindingCode::NoticeMissing,
        Severity::Unlawful,
        Citation::apl(62),
    );
    let blank = Notice::NotGiven { waiver: Some("  ".into()) };
    assert!(x.on_notice(&blank, |_| ()).has(FindingCode::NoticeMissing));
    let waived = Notice::NotGiven { waiver: Some("放弃陈述申辩声明书（2025）第3号".into()) };
    let r = x.on_notice(&waived, |_| ());
    assert!(r.findings.is_empty(), "{r}");
    // Art. 44 is about penalties: a 不予处罚 decision needs no notice.
    let y = fx(vec![range_item("A")], first_violation());
    assert_eq!(y.d.tier, Tier::NoPenalty);
    assert!(!y.on_notice(&none, |_| ()).has(FindingCode::NoticeMissing));
    // Substance, not labels: sanctions on a "不予处罚" still need the notice.
    assert!(y.on_notice(&none, |d| d.sanctions.push(fine(100))).has(FindingCode::NoticeMissing));
}

#[test]
fn art_45_heavier_after_the_statement_is_unlawful() {
    // 第四十五条第二款: "行政机关不得因当事人陈述、申辩而给予更重的处罚。"
    let x = plain();
    let n = notice_of(&x.d, stated());
    assert!(x.on_notice(&n, |_| ()).findings.is_empty(), "{}", x.on_notice(&n, |_| ()));
    let r = x.on_notice(&n, one_yuan_more);
    assert_finding(&r, FindingCode::HeavierAfterStatement, Severity::Unlawful, Citation::apl(45).para(2));
    assert!(
        r.get(FindingCode::HeavierAfterStatement).unwrap().to_string().contains("不得因当事人陈述、申辩")
    );
    // The same tier label and fine with a kind added is heavier too.
    let r = x.on_notice(&n, |d| d.sanctions.push(Sanction { kind: PenaltyKind::Warning, amount: None }));
    assert!(r.has(FindingCode::HeavierAfterStatement), "{r}");
    // Lighter than notified is what Art. 45 ¶1 asks when the defence holds.
    let r = x.on_notice(&n, |d| {
        for s in d.sanctions.iter_mut() {
            s.amount = s.amount.map(|m| m.checked_sub(Money::yuan(1)).unwrap());
        }
    });
    assert!(!r.has(FindingCode::HeavierAfterStatement) && !r.has(FindingCode::FreshNoticeMissing), "{r}");
}

#[test]
fn art_44_heavier_on_new_facts_needs_a_fresh_notice() {
    // 第四十四条: the notice states "拟作出的行政处罚内容及事实、理由、依据".
    let x = fx(vec![range_item("A")], case("A").aggravating(vec![Aggravating::Obstruction]));
    let n = notice_of(&x.d, stated());
    // A fact the case establishes and the notice did not state: a fresh notice.
    let r = x.on_notice(&n, |d| {
        one_yuan_more(d);
        d.new_facts = vec![Fact::Aggravating(Aggravating::Obstruction)];
    });
    assert_finding(&r, FindingCode::FreshNoticeMissing, Severity::Unlawful, Citation::apl(44));
    assert!(!r.has(FindingCode::HeavierAfterStatement), "{r}");
    // A "new" fact the notice already stated is no new fact.
    let r = x.on_notice(&n, |d| {
        one_yuan_more(d);
        d.new_facts = vec![Fact::Harm(Harm::Harmful)];
    });
    assert!(r.has(FindingCode::HeavierAfterStatement), "{r}");
    // A new fact the case does not establish: no excuse, and a finding.
    let r = x.on_notice(&n, |d| {
        one_yuan_more(d);
        d.new_facts = vec![Fact::Aggravating(Aggravating::DestroyedEvidence)];
    });
    assert!(r.has(FindingCode::HeavierAfterStatement), "{r}");
    assert_finding(&r, FindingCode::NewFactNotEstablished, Severity::Irregular, Citation::apl(40));
    // Heavier after a waiver or a lapse: never notified, so a fresh notice.
    for answer in [Answer::Lapsed, Answer::Waived { reference: "声明书".into() }] {
        let r = x.on_notice(&notice_of(&x.d, answer), one_yuan_more);
        assert!(r.has(FindingCode::FreshNoticeMissing) && !r.has(FindingCode::HeavierAfterStatement), "{r}");
    }
    // The fresh notice of the heavier penalty answers it.
    let mut heavier = x.d.clone();
    one_yuan_more(&mut heavier);
    let fresh = notice_of(&heavier, stated());
    assert!(!x.on_notice(&fresh, one_yuan_more).has(FindingCode::FreshNoticeMissing));
    // Another item than the one notified.
    let Notice::Given(mut other) = notice_of(&x.d, stated()) else { unreachable!() };
    other.item = Some("B".parse().unwrap());
    assert!(x.on_notice(&Notice::Given(other), |_| ()).has(FindingCode::FreshNoticeMissing));
}

#[test]
fn art_62_deciding_before_the_party_answered_is_unlawful() {
    // 第六十二条: "…或者拒绝听取当事人的陈述、申辩，不得作出行政处罚决定".
    let x = plain();
    let r = x.on_notice(&notice_of(&x.d, Answer::Pending), |_| ());
    assert_finding(&r, FindingCode::DecidedBeforeStatement, Severity::Unlawful, Citation::apl(62));
    assert!(!x.on_notice(&notice_of(&x.d, Answer::Lapsed), |_| ()).has(FindingCode::DecidedBeforeStatement));
}

#[test]
fn notice_wire_shapes_load() {
    let n: Notice = serde_json::from_str(
        r#"{"given": {"on": "2025-03-09", "item": "A", "sanctions": [{"kind": "fine", "amount": "2350.00"}],
            "facts": [{"harm": "harmful"}, {"illegal_gains": "100.00"}], "basis": ["某条例第十条"],
            "answer": {"stated": {"adopted": false}}}}"#,
    )
    .unwrap();
    let Notice::Given(p) = &n else { panic!("{n:?}") };
    assert_eq!(p.facts[1], Fact::IllegalGains(Money::yuan(100)));
    let back: Notice = serde_json::from_str(&serde_json::to_string(&n).unwrap()).unwrap();
    assert_eq!(back, n);
    let w: Notice = serde_json::from_str(r#"{"not_given": {"waiver": "笔录第3页"}}"#).unwrap();
    assert_eq!(w, Notice::NotGiven { waiver: Some("笔录第3页".into()) });
    let err = serde_json::from_str::<Notice>(r#"{"not_given": {"waved": "x"}}"#).unwrap_err().to_string();
    assert!(err.contains("unknown field"), "{err}");
}

/// 从轻 on a "五万元以下" provision proposes a fine above zero, even where the
/// regime's 从轻 band is 0 ‰ wide: a ¥0 fine would be the 执法放水 the guard
/// refuses (《中华人民共和国行政处罚法》第七十六条第一款第（二）项), so the crate's
/// own recommendation must never be one.
#[test]
fn lighter_on_an_up_to_provision_is_never_a_zero_fine() {
    for permille in [0, 1, 300] {
        let mut regime = Regime::national();
        regime.discretion.lighter_upper_permille = permille;
        let b = case("A").mitigating(vec![Mitigating::Meritorious]);
        let f = fx_with(&catalogue(vec![up_to_item("A")]), b, regime, AS_OF());
        assert_eq!(f.d.tier, Tier::Lighter, "{}", f.a.explain());
        let fine = f.d.fine().unwrap();
        assert!(!fine.is_zero(), "{permille} ‰: {fine}");
        let r = f.review();
        assert!(r.is_lawful(), "{permille} ‰: {r}");
    }
}
