//! Art. 35 (折抵) with the Art. 27 transfer: what the criminal process
//! decided after the transfer, and what it leaves to the agency.
//!
//! 《中华人民共和国行政处罚法》第三十五条: "违法行为构成犯罪，人民法院判处拘役或者有期徒刑时，行政机关已经
//! 给予当事人行政拘留的，应当依法折抵相应刑期。违法行为构成犯罪，人民法院判处罚金时，行政机关已经给予当事人
//! 罚款的，应当折抵相应罚金；行政机关尚未给予当事人罚款的，不再给予罚款。"
//! 第二十七条第一款: "对依法不需要追究刑事责任或者免予刑事处罚，但应当给予行政处罚的，司法机关应当及时将
//! 案件移送有关行政机关。"

use proptest::prelude::*;
use rouxing::assess::{Duty, Rule, Tier};
use rouxing::case::{
    Agency, Case, CaseBuilder, CaseError, CrimeSuspicion, CriminalOutcome, CriminalOutcomeKind,
    CustodialSentence, EarlierFine,
};
use rouxing::catalogue::{Catalogue, Domain, ProvisionSanction, StatutoryPenalty};
use rouxing::decision::{Disposition, Sanction};
use rouxing::guard::{FindingCode, Severity, review};
use rouxing::law::Citation;
use rouxing::measure::PenaltyKind;
use rouxing::money::{FineRule, Money};
use rouxing::{Regime, assess, recommend, strategy};

use crate::common::*;

/// "处一千元以上一万元以下罚款，并处吊销许可证".
fn fine_and_revoke() -> Catalogue {
    let fine = ProvisionSanction {
        fine: Some(FineRule::range(Money::yuan(1_000), Money::yuan(10_000)).unwrap()),
        ..ProvisionSanction::shall(PenaltyKind::Fine)
    };
    let penalty =
        StatutoryPenalty::structured(vec![fine, ProvisionSanction::shall(PenaltyKind::RevokePermit)])
            .unwrap();
    catalogue(vec![item("B", penalty), range_item("A")])
}

fn agency() -> Agency {
    Agency {
        id: "AG-1".parse().unwrap(),
        name: "某县市场监督管理局".into(),
        domain: Domain::MarketRegulation,
    }
}

fn transferred(item: &str) -> CaseBuilder {
    case(item).agency(agency()).crime(CrimeSuspicion::Suspected)
}

fn judgment(criminal_fine: Option<u64>, custody: Option<CustodialSentence>) -> CriminalOutcome {
    CriminalOutcome {
        by: "某县人民法院".into(),
        on: d(2025, 3, 25),
        kind: CriminalOutcomeKind::Judgment,
        criminal_fine: criminal_fine.map(Money::yuan),
        custody,
    }
}

fn returned(kind: CriminalOutcomeKind) -> CriminalOutcome {
    CriminalOutcome {
        by: "某县人民检察院".into(),
        on: d(2025, 3, 25),
        kind,
        criminal_fine: None,
        custody: None,
    }
}

fn fine(yuan: u64) -> Sanction {
    Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(yuan)) }
}

/// "人民法院判处罚金时……行政机关尚未给予当事人罚款的，不再给予罚款": no fine is proposed; the
/// other kind the provision imposes (吊销许可证) and the correction order remain,
/// and a fine added to the decision is unlawful.
#[test]
fn a_criminal_fine_excludes_the_administrative_fine() {
    let cat = fine_and_revoke();
    let regime = Regime::national();
    let c = transferred("B").criminal_outcome(judgment(Some(20_000), None)).build().unwrap();
    let a = assess(&c, &cat, &regime, AS_OF());
    assert!(!a.has_duty(Duty::TransferToJudiciary));
    assert_eq!(a.criminal_fine, Some(Money::yuan(20_000)));
    let t = a.trace.iter().find(|t| t.rule == Rule::CriminalOffset).unwrap();
    assert!(t.fired);
    assert_eq!(t.citation, Citation::apl(35).para(2));
    let text = a.explain().to_string();
    assert!(text.contains("不再给予罚款"), "{text}");
    let d = recommend(&a, &regime);
    assert_eq!(d.disposition, Disposition::Penalty);
    assert!(d.fine().is_none(), "{:?}", d.sanctions);
    assert!(d.sanctions.iter().any(|s| s.kind == PenaltyKind::RevokePermit), "{:?}", d.sanctions);
    assert!(d.correction.is_some());
    let r = review(&c, &cat, &regime, &d, None);
    assert!(!r.has(FindingCode::FineAfterCriminalFine), "{r}");
    assert!(!r.has(FindingCode::MandatorySanctionMissing), "{r}");

    let mut fined = d.clone();
    fined.sanctions.push(fine(1_000));
    let r = review(&c, &cat, &regime, &fined, None);
    let f = r.get(FindingCode::FineAfterCriminalFine).unwrap();
    assert_eq!(f.severity, Severity::Unlawful);
    assert_eq!(f.citation, Citation::apl(35).para(2));
    let text = f.to_string();
    assert!(text.contains("2025-03-25判处罚金") && text.contains("不再给予罚款"), "{text}");
}

/// A provision with the fine as its only kind: after the 罚金 nothing is left
/// to impose but the correction order, and that is not a finding.
#[test]
fn a_fine_only_provision_leaves_the_correction_order() {
    let cat = fine_and_revoke();
    let regime = Regime::national();
    let c = transferred("A").criminal_outcome(judgment(Some(5_000), None)).build().unwrap();
    let d = recommend(&assess(&c, &cat, &regime, AS_OF()), &regime);
    assert!(d.sanctions.is_empty(), "{:?}", d.sanctions);
    assert!(d.correction.is_some());
    let r = review(&c, &cat, &regime, &d, None);
    assert!(!r.has(FindingCode::InconsistentDecision), "{r}");
    assert!(!r.has(FindingCode::FineAfterCriminalFine), "{r}");
}

/// "行政机关已经给予当事人罚款的，应当折抵相应罚金": a fine given before the judgment is
/// stated as offset, and no further fine follows.
#[test]
fn a_fine_given_before_the_judgment_is_offset() {
    let cat = fine_and_revoke();
    let regime = Regime::national();
    let earlier = EarlierFine {
        provision: "测试条例第1条".into(),
        by: "某县市场监督管理局".into(),
        on: d(2025, 3, 12),
        amount: Money::yuan(3_000),
    };
    let c = transferred("A")
        .fined_before(earlier)
        .criminal_outcome(judgment(Some(20_000), None))
        .build()
        .unwrap();
    let a = assess(&c, &cat, &regime, AS_OF());
    let t = a.trace.iter().find(|t| t.rule == Rule::CriminalOffset).unwrap();
    assert_eq!(t.citation, Citation::apl(35).para(2));
    let text = a.explain().to_string();
    assert!(text.contains("应当折抵相应罚金"), "{text}");
    assert!(recommend(&a, &regime).fine().is_none());
}

/// "判处拘役或者有期徒刑时，行政机关已经给予当事人行政拘留的，应当依法折抵相应刑期": stated only
/// (行政拘留 is for public-security organs); without a 罚金 the statute does not
/// withhold the fine.
#[test]
fn custody_without_a_criminal_fine_is_stated_and_leaves_the_fine() {
    let cat = fine_and_revoke();
    let regime = Regime::national();
    let c = transferred("A")
        .criminal_outcome(judgment(None, Some(CustodialSentence::FixedTermImprisonment)))
        .build()
        .unwrap();
    let a = assess(&c, &cat, &regime, AS_OF());
    let t = a.trace.iter().find(|t| t.rule == Rule::CriminalOffset).unwrap();
    assert!(t.fired);
    assert_eq!(t.citation, Citation::apl(35).para(1));
    let text = a.explain().to_string();
    assert!(text.contains("有期徒刑") && text.contains("折抵相应刑期"), "{text}");
    let d = recommend(&a, &regime);
    assert!(d.fine().is_some(), "{:?}", d.sanctions);
    assert!(review(&c, &cat, &regime, &d, None).is_lawful());
}

/// Art. 27 ¶1: a case returned without criminal liability (不起诉, 免予刑事处罚,
/// 撤销案件) is decided administratively as usual — as if no crime had been
/// suspected.
#[test]
fn a_returned_case_is_decided_as_usual() {
    let cat = fine_and_revoke();
    let regime = Regime::national();
    let plain = case("A").agency(agency()).build().unwrap();
    let usual = recommend(&assess(&plain, &cat, &regime, AS_OF()), &regime);
    for kind in [
        CriminalOutcomeKind::NotProsecuted,
        CriminalOutcomeKind::Exempted,
        CriminalOutcomeKind::CaseWithdrawn,
    ] {
        let c = transferred("A").criminal_outcome(returned(kind)).build().unwrap();
        let a = assess(&c, &cat, &regime, AS_OF());
        assert!(!a.has_duty(Duty::TransferToJudiciary), "{kind}");
        assert_eq!(a.bar, None);
        let t = a.trace.iter().find(|t| t.rule == Rule::CriminalOffset).unwrap();
        assert!(!t.fired);
        assert_eq!(t.citation, Citation::apl(27).para(1));
        let d = recommend(&a, &regime);
        assert_eq!(d.disposition, Disposition::Penalty, "{kind}");
        assert_eq!(d.sanctions, usual.sanctions, "{kind}");
        let r = review(&c, &cat, &regime, &d, None);
        assert!(r.is_lawful(), "{kind}: {r}");
    }
    // Without an outcome the suspected crime is still transferred.
    let c = transferred("A").build().unwrap();
    let a = assess(&c, &cat, &regime, AS_OF());
    assert!(a.has_duty(Duty::TransferToJudiciary));
    assert_eq!(recommend(&a, &regime).disposition, Disposition::Transfer);
}

#[test]
fn inconsistent_outcomes_are_refused() {
    let err = case("A").criminal_outcome(judgment(Some(1_000), None)).build().unwrap_err();
    assert_eq!(err, CaseError::Requires { field: "criminal_outcome", requires: "crime `suspected`" });
    assert_eq!(err.code(), "case.requires");
    assert!(err.message_zh().contains("criminal_outcome"), "{}", err.message_zh());
    let mut fined = returned(CriminalOutcomeKind::NotProsecuted);
    fined.criminal_fine = Some(Money::yuan(1));
    let err = transferred("A").criminal_outcome(fined).build().unwrap_err();
    assert_eq!(err.field(), "criminal_outcome.criminal_fine");
    let mut custody = returned(CriminalOutcomeKind::Exempted);
    custody.custody = Some(CustodialSentence::CriminalDetention);
    assert_eq!(
        transferred("A").criminal_outcome(custody).build().unwrap_err().field(),
        "criminal_outcome.custody"
    );
    let zero = CriminalOutcome { criminal_fine: Some(Money::ZERO), ..judgment(None, None) };
    assert_eq!(
        transferred("A").criminal_outcome(zero).build().unwrap_err().field(),
        "criminal_outcome.criminal_fine"
    );
    let early = CriminalOutcome { on: d(2025, 2, 1), ..judgment(Some(1), None) };
    assert_eq!(transferred("A").criminal_outcome(early).build().unwrap_err().field(), "criminal_outcome.on");
}

#[test]
fn the_outcome_loads_and_round_trips_as_json() {
    let cat = fine_and_revoke();
    let c = transferred("B")
        .criminal_outcome(judgment(Some(20_000), Some(CustodialSentence::CriminalDetention)))
        .build()
        .unwrap();
    let json = c.to_json();
    assert!(
        json.contains(r#""kind": "judgment""#) && json.contains(r#""custody": "criminal_detention""#),
        "{json}"
    );
    assert_eq!(Case::from_json(&json, &cat).unwrap(), c);
    // A case without the field reads as before (additive, schema version 1).
    let plain = case("A").build().unwrap();
    assert!(!plain.to_json().contains("criminal_outcome"));
    // A load error names the field.
    let bad = json.replace(r#""crime": "suspected""#, r#""crime": "none""#);
    let err = Case::from_json_named("c.json", &bad, &cat).unwrap_err().to_string();
    assert!(err.contains("c.json") && err.contains("criminal_outcome"), "{err}");
}

proptest! {
    /// Any case with a 罚金 judged: `recommend` never proposes a fine, its
    /// review raises no Art. 35 finding, and any fine added is flagged.
    #[test]
    fn prop_no_fine_after_a_criminal_fine((cat, case, regime, as_of) in strategy::assessment_inputs(), yuan in 1u64..1_000_000) {
        let outcome = CriminalOutcome {
            by: "某县人民法院".into(),
            on: case.discovered_on(),
            kind: CriminalOutcomeKind::Judgment,
            criminal_fine: Some(Money::yuan(yuan)),
            custody: None,
        };
        let Ok(c) = case.to_builder().crime(CrimeSuspicion::Suspected).criminal_outcome(outcome).build() else {
            return Ok(());
        };
        let a = assess(&c, &cat, &regime, as_of);
        prop_assert!(!a.has_duty(Duty::TransferToJudiciary) || a.bar.is_some());
        let d = recommend(&a, &regime);
        prop_assert!(d.fine().is_none(), "{:?}", d.sanctions);
        let r = review(&c, &cat, &regime, &d, None);
        prop_assert!(!r.has(FindingCode::FineAfterCriminalFine), "{}", r);
        let mut fined = d.clone();
        fined.tier = if d.tier == Tier::NoPenalty { Tier::Ordinary } else { d.tier };
        fined.reasons.tier = fined.tier;
        fined.disposition = Disposition::Penalty;
        fined.sanctions.push(fine(1_000));
        let r = review(&c, &cat, &regime, &fined, None);
        let f = r.get(FindingCode::FineAfterCriminalFine);
        prop_assert!(f.is_some_and(|f| f.severity == Severity::Unlawful && f.citation == Citation::apl(35).para(2)), "{}", r);
    }
}

/// Both paragraphs at once: custody and 罚金 judged together are both stated.
#[test]
fn custody_and_a_criminal_fine_are_both_stated() {
    let cat = fine_and_revoke();
    let regime = Regime::national();
    let c = transferred("A")
        .criminal_outcome(judgment(Some(8_000), Some(CustodialSentence::CriminalDetention)))
        .build()
        .unwrap();
    let a = assess(&c, &cat, &regime, AS_OF());
    let text = a.explain().to_string();
    assert!(text.contains("人民法院判处拘役、罚金"), "{text}");
    assert!(text.contains("折抵相应刑期；行政机关尚未给予罚款，不再给予罚款"), "{text}");
    assert!(recommend(&a, &regime).fine().is_none());
}
