//! Penalty provisions with their structure (罚则: 处 / 并处 / 可以 / 或者 / 情节严重的 …),
//! the catalogue format's version 2 and the migration from version 1.

use chrono::NaiveDate;
use proptest::prelude::*;
use rouxing::case::{Correction, Gravity, Harm};
use rouxing::catalogue::{
    CatalogueWarning, Modal, PartyScope, PenaltyCondition, PenaltyFacts, ProvisionSanction, StatutoryPenalty,
};
use rouxing::measure::PenaltyKind;
use rouxing::money::{FineRule, Money};
use rouxing::{Catalogue, strategy};

const V1_ITEM: &str = r#"{"code": "A-1", "name": "n", "domain": "market_regulation", "authority": "市场监管部门",
   "penalty_provision": "p", "penalty": {"kinds": ["fine"], "fine": {"kind": "range", "min": "100", "max": "1000"}}}"#;

const V2_ITEM: &str = r#"{"code": "A-1", "name": "n", "domain": "market_regulation", "authority": "市场监管部门",
   "penalty_provision": "p", "penalty": {"sanctions": [
     {"kind": "fine", "modal": "may", "fine": {"kind": "up_to", "max": "50000"}},
     {"kind": "fine", "modal": "shall", "when": "refused_correction", "fine": {"kind": "range", "min": "50000", "max": "100000"}},
     {"kind": "order_suspend_production", "modal": "shall", "when": "serious_circumstances"}]}}"#;

fn doc(version: Option<u32>, item: &str) -> String {
    let v = version.map(|v| format!("\"schema_version\": {v}, ")).unwrap_or_default();
    format!("{{{v}\"name\": \"测试\", \"items\": [\n{item}\n]}}")
}

fn err(text: &str) -> String {
    Catalogue::from_json_named("cat.json", text).unwrap_err().to_string()
}

fn facts(natural_person: bool, gravity: Gravity, harm: Harm, correction: Correction) -> PenaltyFacts {
    PenaltyFacts { natural_person, gravity, harm, correction }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn version_one_loads_with_the_flat_meaning_and_is_named_in_warnings() {
    for text in [doc(Some(1), V1_ITEM), doc(None, V1_ITEM)] {
        let cat = Catalogue::from_json(&text).unwrap();
        let item = cat.get(&"A-1".parse().unwrap()).unwrap();
        assert!(item.penalty.is_flat());
        // v1 said only which kinds the provision names: each may be imposed, none must.
        assert!(item.penalty.mandatory_kinds().is_empty());
        assert_eq!(item.penalty.sanctions()[0].modal, Modal::May);
        assert!(
            cat.warnings(d(2025, 1, 1))
                .contains(&CatalogueWarning::FlatPenalty { item: "A-1".parse().unwrap() })
        );
        // Written back, it is version 2 with the same meaning, and no longer flat.
        let again = Catalogue::from_json(&cat.to_json()).unwrap();
        assert_eq!(again, cat);
        assert!(!again.get(&"A-1".parse().unwrap()).unwrap().penalty.is_flat());
        assert!(cat.to_json().contains("\"schema_version\": 2"));
    }
}

#[test]
fn version_two_with_the_flat_form_fails_with_how_to_migrate() {
    let e = err(&doc(Some(2), V1_ITEM));
    assert!(e.starts_with("cat.json line 3 column 42,"), "{e}");
    assert!(e.contains("field `items[0].penalty`: the flat `kinds` form is catalogue version 1"), "{e}");
    assert!(e.contains("write `sanctions`") && e.contains("set `schema_version` to 1"), "{e}");
}

#[test]
fn version_one_with_sanctions_fails_with_how_to_migrate() {
    let e = err(&doc(Some(1), V2_ITEM));
    assert!(e.contains("field `items[0].penalty`: `sanctions` is catalogue version 2"), "{e}");
    assert!(e.contains("set `schema_version` to 2"), "{e}");
    let e = err(&doc(None, V2_ITEM));
    assert!(e.contains("is catalogue version 2, but the document is version 1"), "{e}");
}

#[test]
fn mixed_forms_in_one_provision_fail() {
    let item = V2_ITEM.replace("{\"sanctions\"", "{\"kinds\": [\"fine\"], \"sanctions\"");
    let e = err(&doc(Some(2), &item));
    assert!(e.contains("field `items[0].penalty`: penalty mixes the version 1 fields"), "{e}");
}

#[test]
fn validation_names_file_line_field_and_value() {
    // A condition that names no known fact.
    let e = err(&doc(Some(2), &V2_ITEM.replace("refused_correction", "moon_phase")));
    assert!(e.starts_with("cat.json line 5 column "), "{e}");
    assert!(e.contains("field `items[0].penalty.sanctions[1].when`: unknown variant `moon_phase`"), "{e}");
    // A fine rule on a kind that has none.
    let bad = V2_ITEM.replace(
        r#"{"kind": "order_suspend_production", "modal": "shall", "when": "serious_circumstances"}"#,
        r#"{"kind": "order_suspend_production", "modal": "shall", "fine": {"kind": "up_to", "max": "1"}}"#,
    );
    let e = err(&doc(Some(2), &bad));
    assert!(
        e.contains(
            "field `items[0].penalty`: sanction 2 is `order_suspend_production`, which has no fine rule"
        ),
        "{e}"
    );
    // A fine without a rule.
    let bad = V2_ITEM.replace(
        r#"{"kind": "fine", "modal": "may", "fine": {"kind": "up_to", "max": "50000"}}"#,
        r#"{"kind": "fine", "modal": "may"}"#,
    );
    assert!(err(&doc(Some(2), &bad)).contains("sanction 0 is a fine without a fine rule"));
    // No sanctions: the provision can never yield one.
    let bad = r#"{"code": "A-1", "name": "n", "domain": "market_regulation", "authority": "a",
      "penalty_provision": "p", "penalty": {"sanctions": []}}"#;
    assert!(err(&doc(Some(2), bad)).contains("could never yield a sanction"));
}

#[test]
fn structure_errors_in_code() {
    let fine = || FineRule::up_to(Money::yuan(500)).unwrap();
    assert!(StatutoryPenalty::structured(vec![]).is_err());
    let lone = StatutoryPenalty::structured(vec![ProvisionSanction::shall(PenaltyKind::Warning).in_group(1)]);
    assert_eq!(
        lone.unwrap_err().to_string(),
        "alternative group 1 needs two or more members with the same modal, condition and parties"
    );
    let mixed = StatutoryPenalty::structured(vec![
        ProvisionSanction::shall(PenaltyKind::Warning).in_group(1),
        ProvisionSanction::may(PenaltyKind::Fine).with_fine(fine()).in_group(1),
    ]);
    assert!(mixed.is_err());
    let dup = StatutoryPenalty::structured(vec![
        ProvisionSanction::may(PenaltyKind::Warning),
        ProvisionSanction::shall(PenaltyKind::Warning),
    ]);
    assert!(dup.unwrap_err().to_string().contains("repeats kind `warning`"));
}

/// 《危险化学品安全管理条例》第七十八条第一款: "可以处5万元以下的罚款;拒不改正的,处5万元以上10万元以下的罚款;
/// 情节严重的,责令停产停业整顿".
#[test]
fn hazchem_78_reads_clause_by_clause() {
    let cat = Catalogue::bundled().unwrap();
    let p = &cat.get(&"EM-HC-78-3".parse().unwrap()).unwrap().penalty;
    let plain = p.resolve(&facts(false, Gravity::General, Harm::None, Correction::None));
    assert!(plain.mandatory_kinds().is_empty(), "可以处: the fine is optional");
    assert_eq!(plain.fine_for(false), Some(FineRule::up_to(Money::yuan(50_000)).unwrap()));
    let refused = p.resolve(&facts(false, Gravity::General, Harm::None, Correction::Refused));
    assert_eq!(refused.mandatory_kinds(), vec![PenaltyKind::Fine], "拒不改正的，处: the fine is mandatory");
    assert_eq!(
        refused.fine_for(false),
        Some(FineRule::range(Money::yuan(50_000), Money::yuan(100_000)).unwrap())
    );
    let serious = p.resolve(&facts(false, Gravity::Serious, Harm::None, Correction::None));
    assert_eq!(serious.mandatory_kinds(), vec![PenaltyKind::OrderSuspendProduction]);
    assert!(serious.has_kind(PenaltyKind::Fine));
}

/// 《中华人民共和国消防法》第六十条: 单位 "处五千元以上五万元以下罚款"; 个人 "处警告或者五百元以下罚款".
#[test]
fn fire_60_separates_units_and_individuals() {
    let cat = Catalogue::bundled().unwrap();
    let p = &cat.get(&"FR-60-1-3".parse().unwrap()).unwrap().penalty;
    let unit = p.resolve(&facts(false, Gravity::General, Harm::None, Correction::None));
    assert_eq!(unit.kinds(), &[PenaltyKind::Fine]);
    assert_eq!(unit.mandatory_kinds(), vec![PenaltyKind::Fine]);
    let person = p.resolve(&facts(true, Gravity::General, Harm::None, Correction::None));
    assert!(person.mandatory_kinds().is_empty());
    assert_eq!(person.alternatives(), vec![(Modal::Shall, vec![PenaltyKind::Warning, PenaltyKind::Fine])]);
    assert_eq!(person.fine_for(true), Some(FineRule::up_to(Money::yuan(500)).unwrap()));
    assert!(p.sanctions().iter().any(|s| s.applies_to == Some(PartyScope::NaturalPerson)));
}

/// 《中华人民共和国价格法》第四十二条: "没收违法所得，可以并处五千元以下的罚款".
#[test]
fn price_42_confiscation_is_mandatory_the_fine_is_not() {
    let cat = Catalogue::bundled().unwrap();
    let p = &cat.get(&"MR-PRICE-42".parse().unwrap()).unwrap().penalty;
    assert_eq!(p.mandatory_kinds(), vec![PenaltyKind::ConfiscateIllegalGains]);
}

#[test]
fn the_bundled_catalogue_is_version_two_throughout() {
    let cat = Catalogue::bundled().unwrap();
    assert!(include_str!("../examples/data/catalogue.json").contains("\"schema_version\": 2"));
    assert!(!cat.warnings(d(2025, 1, 1)).iter().any(|w| matches!(w, CatalogueWarning::FlatPenalty { .. })));
    assert!(cat.items().all(|i| !i.penalty.is_flat()));
}

#[test]
fn conditions_read_the_facts() {
    let f = |g, h, c| facts(false, g, h, c);
    let late = Correction::Late { on: d(2025, 1, 1) };
    assert!(PenaltyCondition::NotCorrectedInTime.holds(&f(Gravity::General, Harm::None, late)));
    assert!(PenaltyCondition::NotCorrectedInTime.holds(&f(
        Gravity::General,
        Harm::None,
        Correction::Refused
    )));
    // Not yet corrected does not prove that the period ran out.
    assert!(!PenaltyCondition::NotCorrectedInTime.holds(&f(Gravity::General, Harm::None, Correction::None)));
    assert!(!PenaltyCondition::RefusedCorrection.holds(&f(Gravity::General, Harm::None, late)));
    assert!(PenaltyCondition::SeriousHarm.holds(&f(Gravity::General, Harm::Serious, Correction::None)));
    assert!(PenaltyCondition::HarmCaused.holds(&f(Gravity::General, Harm::Harmful, Correction::None)));
    assert!(!PenaltyCondition::HarmCaused.holds(&f(Gravity::General, Harm::Slight, Correction::None)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(256)))]

    /// A resolved provision is unconditional, for this party, names only
    /// kinds of the provision, and has at most one fine rule per party.
    #[test]
    fn prop_resolve_is_a_reading_of_the_provision(
        p in strategy::statutory_penalty(),
        np in any::<bool>(),
        g in proptest::sample::select(Gravity::ALL.to_vec()),
        h in proptest::sample::select(Harm::ALL.to_vec()),
        refused in any::<bool>(),
    ) {
        let c = if refused { Correction::Refused } else { Correction::None };
        let r = p.resolve(&facts(np, g, h, c));
        prop_assert!(r.sanctions().iter().all(|s| s.when.is_none() && s.applies_to.is_none()));
        prop_assert!(r.kinds().iter().all(|k| p.has_kind(*k)));
        prop_assert!(r.sanctions().iter().filter(|s| s.kind == PenaltyKind::Fine).count() <= 1);
        // Resolving twice changes nothing.
        prop_assert_eq!(r.resolve(&facts(np, g, h, c)), r.clone());
        // The JSON form round-trips.
        let json = serde_json::to_string(&p).unwrap();
        prop_assert_eq!(serde_json::from_str::<StatutoryPenalty>(&json).unwrap(), p);
    }
}
