//! The batch audit tried as a supervisor would: edits an officer can make over
//! a batch (`strategy::BatchEdit`), each labelled lawful or unlawful from the
//! edit type alone, one fixed example per edit, and the statute's and the
//! plan's wording.

use std::collections::BTreeSet;

use proptest::prelude::*;
use rouxing::assess::{Ground, Tier};
use rouxing::audit::{AuditCode, AuditConfig, AuditReport, DecidedCase, FactSignature, audit};
use rouxing::case::{Context, Correction, Fault, Gravity, Harm, PriorOutcome, PriorViolation};
use rouxing::catalogue::{
    Catalogue, Condition, Domain, EntryCondition, Exclusion, ListEntry, ListOutcome, Modal,
};
use rouxing::measure::Mechanism;
use rouxing::money::{FineBounds, Money};
use rouxing::regime::Window;
use rouxing::strategy::{self, BatchEdit, EditedBatch};
use rouxing::{Regime, assess, recommend};

use super::{decided, facts};
use crate::common::{AS_OF, case, d, range_item};

/// The findings as (code, cases) with the cases an edit added read as the case
/// it copied.
fn normalised(r: &AuditReport, e: Option<&EditedBatch>) -> BTreeSet<(AuditCode, BTreeSet<String>)> {
    r.findings()
        .into_iter()
        .map(|f| {
            let ids = f
                .cases
                .iter()
                .map(|c| match e {
                    Some(e) if e.added.contains(c) => e.source.to_string(),
                    _ => c.to_string(),
                })
                .collect();
            (f.code, ids)
        })
        .collect()
}

fn codes_naming(r: &AuditReport, id: &rouxing::case::CaseId) -> Vec<AuditCode> {
    r.findings().into_iter().filter(|f| f.cases.contains(id)).map(|f| f.code).collect()
}

/// A batch of two unrelated penalties: a fined 一般 and a fined 从轻 case.
fn batch() -> Vec<DecidedCase> {
    let mut a = decided("C-1", Tier::Ordinary, Some(5_000));
    a.fine_band = Some(FineBounds::new(Money::yuan(3_700), Money::yuan(7_300)).unwrap());
    let mut b = decided("C-2", Tier::Lighter, Some(2_000));
    b.item = "B".parse().unwrap();
    vec![a, b]
}

fn applied(e: BatchEdit, at: usize) -> (AuditReport, EditedBatch) {
    let cfg = AuditConfig::default();
    let edited = e.apply(&batch(), at, &cfg).unwrap_or_else(|| panic!("{e:?} does not apply"));
    (audit(&edited.cases, &cfg), edited)
}

fn assert_found(e: BatchEdit, at: usize) {
    let (r, edited) = applied(e, at);
    let code = e.expected().unwrap();
    assert!(
        codes_naming(&r, &edited.target).contains(&code),
        "{e:?}: no {code} naming {}\n{r}",
        edited.target
    );
    assert!(code.citation().is_known());
}

fn assert_lawful(e: BatchEdit, at: usize) {
    let cfg = AuditConfig::default();
    let (r, edited) = applied(e, at);
    assert_eq!(e.expected(), None);
    assert_eq!(normalised(&r, Some(&edited)), normalised(&audit(&batch(), &cfg), None), "{e:?}\n{r}");
}

/// 《中华人民共和国行政处罚法》第三十三条第一款第二句: "初次违法且危害后果轻微并及时改正的，可以不予行政处罚。"
/// A second 首违不罚 for the same item inside the window is not for a first violation.
#[test]
fn waive_twice() {
    assert_found(BatchEdit::WaiveTwice, 0);
    let (r, _) = applied(BatchEdit::WaiveTwice, 0);
    let w = &r.repeated_first_violation[0];
    assert!(w.earlier_waiver);
    assert_eq!((w.earlier.as_str(), w.later.as_str()), ("C-1", "C-1-B"));
    assert!(r.to_string().contains("重复适用首违不罚"), "{r}");
}

/// Whatever ground the decisions name, a 不予处罚 the facts do not compel rests on the
/// first violation.
#[test]
fn waive_twice_under_another_ground() {
    assert_found(BatchEdit::WaiveTwiceUnlabelled, 0);
    let (_, e) = applied(BatchEdit::WaiveTwiceUnlabelled, 0);
    assert!(e.cases.iter().all(|c| !c.first_violation_waiver));
    assert!(e.cases.iter().all(|c| c.ground != Some(Ground::FirstViolation)));
}

/// 首违不罚 after a penalty inside the window is found from the batch, although the
/// later case records no prior.
#[test]
fn waive_after_penalty_with_priors_hidden() {
    assert_found(BatchEdit::WaiveAfterPenalty, 1);
    let (r, e) = applied(BatchEdit::WaiveAfterPenalty, 1);
    let later = e.cases.iter().find(|c| c.case_id == e.target).unwrap();
    assert!(!later.facts.repeat_of_item);
    let w = &r.repeated_first_violation[0];
    assert_eq!((w.earlier_tier, w.earlier_waiver), (Tier::Lighter, false));
    assert_eq!(w.code(), AuditCode::FirstViolationNotFirst);
    // A 不予处罚 never precedes it: the edit needs a penalty.
    let mut waived = batch();
    waived[1].tier = Tier::NoPenalty;
    assert!(BatchEdit::WaiveAfterPenalty.apply(&waived, 1, &AuditConfig::default()).is_none());
}

/// Parties are one party by their normalised identifier (NFKC, lower case).
#[test]
fn party_id_in_another_case() {
    assert_found(BatchEdit::PartyIdRecased, 0);
    let (_, e) = applied(BatchEdit::PartyIdRecased, 0);
    let parties: Vec<&str> =
        e.cases.iter().filter(|c| c.item.as_str() == "A").map(|c| c.party.as_str()).collect();
    assert_eq!(parties, vec!["P-C-1", "p-C-1"]);
}

/// An invisible character cannot make another party: the batch does not load.
#[test]
fn invisible_party_id_is_refused() {
    let c = decided("C-1", Tier::Ordinary, Some(5_000));
    let json = serde_json::to_string(&c).unwrap().replace("\"P-C-1\"", "\"P-C\\u200b-1\"");
    let err = serde_json::from_str::<DecidedCase>(&json).unwrap_err().to_string();
    assert!(err.contains("U+200B"), "{err}");
}

/// 山丹县实施方案 四(二) 同事同罚: the same facts, the same tier, a fine at the other end of the
/// band.
#[test]
fn fine_beyond_tolerance() {
    assert_found(BatchEdit::FineBeyondTolerance, 0);
    let (r, e) = applied(BatchEdit::FineBeyondTolerance, 0);
    assert_eq!(e.cases.last().unwrap().fine, Some(Money::yuan(7_300)));
    assert_eq!(r.consistency[0].fine_spread_permille, Some(1000 - 361));
    // Without a band: beyond a tenth of the smaller fine.
    assert_found(BatchEdit::FineBeyondTolerance, 1);
    let (_, e) = applied(BatchEdit::FineBeyondTolerance, 1);
    assert_eq!(e.cases.last().unwrap().fine, Some(Money::from_fen(220_001)));
}

#[test]
fn lawful_batch_edits() {
    assert_lawful(BatchEdit::RepeatOutsideWindow, 0);
    assert_lawful(BatchEdit::FineWithinTolerance, 0);
    assert_lawful(BatchEdit::FineWithinTolerance, 1);
    assert_lawful(BatchEdit::RelabelGround, 1);
    let mut waived = batch();
    waived[0].tier = Tier::NoPenalty;
    waived[0].fine = None;
    waived[0].first_violation_waiver = true;
    let cfg = AuditConfig::default();
    let e = BatchEdit::WaiveOtherItem.apply(&waived, 0, &cfg).unwrap();
    assert_eq!(normalised(&audit(&e.cases, &cfg), Some(&e)), normalised(&audit(&waived, &cfg), None));
    // The same edit inside the window on the same item would be unlawful.
    let e = BatchEdit::WaiveTwice.apply(&waived, 0, &cfg).unwrap();
    assert!(codes_naming(&audit(&e.cases, &cfg), &e.target).contains(&AuditCode::FirstViolationRepeated));
}

/// Close to the window's edge: a day inside is found, a day outside is not.
#[test]
fn window_edge() {
    let waiver = |id: &str, on| {
        let mut c = decided(id, Tier::NoPenalty, None);
        c.party = rouxing::party::PartyId::new("P-SAME").unwrap();
        c.act_on = on;
        c.facts.harm = Harm::Slight;
        c.facts.correction = rouxing::audit::CorrectionStatus::Prompt;
        c
    };
    let cfg = AuditConfig::default();
    let inside = [waiver("C1", d(2023, 6, 1)), waiver("C2", d(2025, 6, 1))];
    assert_eq!(audit(&inside, &cfg).repeated_first_violation.len(), 1);
    let outside = [waiver("C1", d(2023, 5, 31)), waiver("C2", d(2025, 6, 1))];
    assert!(audit(&outside, &cfg).repeated_first_violation.is_empty());
    // A compulsory 不予处罚 (Art. 33 ¶1 sentence 1: 轻微、及时改正、没有危害后果) is no 首违不罚,
    // and a 不予处罚 after it is not a first violation.
    let mut minor = waiver("C1", d(2025, 1, 1));
    minor.facts.harm = Harm::None;
    minor.facts.gravity = Gravity::Minor;
    assert!(!minor.is_first_violation_waiver());
    let r = audit(&[minor.clone(), waiver("C2", d(2025, 6, 1))], &cfg);
    assert_eq!(r.repeated_first_violation[0].code(), AuditCode::FirstViolationNotFirst);
    let mut minor2 = minor.clone();
    minor2.case_id = "C3".parse().unwrap();
    minor2.act_on = d(2025, 6, 1);
    assert!(audit(&[minor, minor2], &cfg).repeated_first_violation.is_empty());
}

fn entry(tests: Vec<Condition>, exclusions: Vec<Exclusion>) -> ListEntry {
    ListEntry {
        conditions: vec![EntryCondition { text: "条件".into(), tests }],
        exclusions,
        ..crate::common::entry_when_corrected("A-E1", ListOutcome::Lighten, Modal::May)
    }
}

fn listed(entries: Vec<ListEntry>) -> Catalogue {
    let mut i = range_item("A");
    i.entries = entries;
    crate::common::listed_catalogue_of(vec![i])
}

fn signature(c: &rouxing::Case, cat: &Catalogue) -> FactSignature {
    FactSignature::of(c, &assess(c, cat, &Regime::national(), AS_OF()))
}

/// Every kind of list condition and exclusion is carried by a field of the
/// signature, and two cases that differ only in what it reads have different
/// signatures.
#[test]
fn every_condition_and_exclusion_is_in_the_signature() {
    let key: rouxing::catalogue::FactKey = "at_most_two_spots".parse().unwrap();
    let prior = |on| PriorViolation {
        item: "A".parse().unwrap(),
        domain: Domain::MarketRegulation,
        on,
        outcome: PriorOutcome::Penalised,
    };
    // (condition or exclusion, a case where it holds, one where it does not)
    let base = || {
        case("A")
            .harm(Harm::Slight)
            .correction(Correction::None)
            .fault(Fault::Intentional)
            .gravity(Gravity::General)
    };
    let conditions: Vec<(Condition, rouxing::case::CaseBuilder, rouxing::case::CaseBuilder)> = vec![
        (Condition::FirstViolation { window: None }, base(), base().priors(vec![prior(d(2024, 3, 1))])),
        (
            Condition::FirstViolation { window: Some(Window::Months(36)) },
            base().priors(vec![prior(d(2021, 3, 1))]),
            base().priors(vec![prior(d(2022, 6, 1))]),
        ),
        (Condition::CorrectedPromptly, base().correction(Correction::Prompt { on: d(2025, 3, 12) }), base()),
        (Condition::NoHarm, base().harm(Harm::None), base()),
        (Condition::HarmAtMostSlight, base(), base().harm(Harm::Harmful)),
        (Condition::Minor, base().gravity(Gravity::Minor), base()),
        (Condition::NotIntentional, base().fault(Fault::Negligent), base()),
        (Condition::CommitmentSigned, base().context(vec![Context::CommitmentSigned]), base()),
        (Condition::Fact { key: key.clone() }, base().confirmed(vec![key.clone()]), base()),
    ];
    let field_names = |s: &FactSignature| -> Vec<String> {
        let full = FactSignature {
            list_first_violation: 1,
            repeat_of_item: true,
            context: 1,
            confirmed: vec![key.clone()],
            crime_suspected: true,
            bar: Some(rouxing::assess::Bar::NotIllegal),
            ..s.clone()
        };
        serde_json::to_value(full).unwrap().as_object().unwrap().keys().cloned().collect()
    };
    for (c, holds, fails) in conditions {
        let cat = listed(vec![entry(vec![c.clone()], vec![])]);
        let (x, y) = (signature(&holds.build().unwrap(), &cat), signature(&fails.build().unwrap(), &cat));
        assert_ne!(x, y, "{c:?}");
        let field = FactSignature::field_of_condition(&c);
        assert!(field_names(&x).iter().any(|f| f == field), "{c:?} → {field}");
    }
    let exclusions: Vec<(Exclusion, rouxing::case::CaseBuilder, rouxing::case::CaseBuilder)> = vec![
        (
            Exclusion::Context { context: Context::SensitiveZone },
            base().context(vec![Context::SensitiveZone]),
            base(),
        ),
        (Exclusion::RefusedCorrection, base().correction(Correction::Refused), base()),
        // Outside every first-violation window, still a repeat of the item.
        (Exclusion::RepeatViolation, base().priors(vec![prior(d(2019, 3, 1))]), base()),
        (Exclusion::SeriousCircumstances, base().gravity(Gravity::Serious), base()),
        (Exclusion::Fact { key: key.clone() }, base().confirmed(vec![key.clone()]), base()),
    ];
    for (x, holds, fails) in exclusions {
        let cat = listed(vec![entry(vec![Condition::CorrectedPromptly], vec![x.clone()])]);
        let (a, b) = (signature(&holds.build().unwrap(), &cat), signature(&fails.build().unwrap(), &cat));
        assert_ne!(a, b, "{x:?}");
        let field = FactSignature::field_of_exclusion(&x);
        assert!(field_names(&a).iter().any(|f| f == field), "{x:?} → {field}");
    }
}

/// 山丹县实施方案 四(二) "同事同罚": a 承诺书 signer and a non-signer are not the same facts, so a
/// lighter outcome for the signer is no 同事不同罚.
#[test]
fn commitment_signer_is_not_the_same_facts() {
    let cat = listed(vec![entry(vec![Condition::CommitmentSigned], vec![])]);
    let regime = Regime::national();
    let decide = |c: rouxing::Case| {
        let a = assess(&c, &cat, &regime, AS_OF());
        let dec = recommend(&a, &regime);
        DecidedCase::new(&c, &a, &dec)
    };
    let signer = decide(case("A").context(vec![Context::CommitmentSigned]).build().unwrap());
    let mut other = decide(case("A").build().unwrap());
    other.case_id = "C-2".parse().unwrap();
    assert!(signer.facts.commitment_signed());
    assert_ne!(signer.facts, other.facts);
    assert_eq!(signer.tier, Tier::Lighter, "{signer:?}");
    assert_eq!(other.tier, Tier::Ordinary);
    assert!(audit(&[signer.clone(), other], &AuditConfig::default()).consistency.is_empty());
    // Two signers decided differently are.
    let mut twin = signer.clone();
    twin.case_id = "C-3".parse().unwrap();
    twin.tier = Tier::Ordinary;
    let r = audit(&[signer, twin], &AuditConfig::default());
    assert_eq!(r.findings()[0].code, AuditCode::InconsistentTiers);
}

/// 山丹县实施方案 五(二): 观察期 is for fields "不触碰安全底线"; every lenient outcome on the
/// baseline is listed, what the statute compels is not.
#[test]
fn baseline_counts_every_lenient_outcome() {
    let on_baseline = |id: &str, tier, fine| {
        let mut c = decided(id, tier, fine);
        c.safety_baseline = true;
        c
    };
    let mut observed = on_baseline("C1", Tier::Ordinary, Some(5_000));
    observed.mechanisms = vec![Mechanism::ObservationPeriod];
    let mitigated = on_baseline("C2", Tier::Mitigated, Some(500));
    let mut compelled = on_baseline("C3", Tier::NoPenalty, None);
    compelled.facts.harm = Harm::None;
    compelled.facts.correction = rouxing::audit::CorrectionStatus::Prompt;
    let mut art_32 = on_baseline("C4", Tier::Lighter, Some(2_000));
    art_32.facts.mitigating = 1; // Art. 32 (一)
    let ordinary = on_baseline("C5", Tier::Ordinary, Some(5_000));
    let r = audit(&[observed, mitigated, compelled, art_32, ordinary], &AuditConfig::default());
    let listed: Vec<(&str, Option<Mechanism>)> =
        r.baseline_exemptions.iter().map(|b| (b.case_id.as_str(), b.mechanism)).collect();
    assert_eq!(listed, vec![("C1", Some(Mechanism::ObservationPeriod)), ("C2", None)]);
    assert!(r.to_string().contains("C1（事项A，观察期）"), "{r}");
}

fn shuffled(v: &[DecidedCase], seed: u64) -> Vec<DecidedCase> {
    let mut keyed: Vec<(u64, DecidedCase)> = v
        .iter()
        .enumerate()
        .map(|(i, c)| ((i as u64 + 1).wrapping_mul(seed | 1).rotate_left(17) ^ seed, c.clone()))
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, c)| c).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::common::cases(64), ..ProptestConfig::default() })]

    /// Every unlawful batch edit draws its code, naming the case it concerns; a
    /// lawful one changes no finding (the cases it adds read as the case they copy).
    #[test]
    fn prop_audit_finds_every_unlawful_batch_edit(
        batch in strategy::decided_batch(),
        edit in strategy::batch_edit(),
        at in any::<usize>(),
    ) {
        let cfg = AuditConfig::default();
        if let Some(edited) = edit.apply(&batch, at, &cfg) {
            let r = audit(&edited.cases, &cfg);
            match edit.expected() {
                Some(code) => prop_assert!(
                    codes_naming(&r, &edited.target).contains(&code),
                    "{:?}: no {} naming {}\n{}", edit, code, edited.target, r
                ),
                None => prop_assert_eq!(
                    normalised(&r, Some(&edited)),
                    normalised(&audit(&batch, &cfg), None),
                    "{:?}\n{}", edit, r
                ),
            }
        }
    }

    /// The order of the batch changes no finding.
    #[test]
    fn prop_audit_is_permutation_invariant(batch in strategy::decided_batch(), seed in any::<u64>()) {
        let cfg = AuditConfig::default();
        let mut doubled = batch.clone();
        // Repeats and same-fact groups, so that there is something to find.
        for c in &batch {
            let mut again = c.clone();
            again.case_id = format!("{}-R", c.case_id).parse().unwrap();
            again.act_on = c.act_on + chrono::Days::new(10);
            doubled.push(again);
        }
        let r = audit(&doubled, &cfg);
        let s = audit(&shuffled(&doubled, seed), &cfg);
        prop_assert_eq!(normalised(&r, None), normalised(&s, None));
        prop_assert_eq!(r.repeated_first_violation, s.repeated_first_violation);
    }
}

#[test]
fn fixed_facts_helper_is_plain() {
    // The helper the fixed examples start from is an established violation
    // whose 不予处罚 the statute would not compel.
    assert!(!facts().compels_no_penalty());
    assert!(!facts().compels_leniency());
}
