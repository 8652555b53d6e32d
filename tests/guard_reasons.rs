//! 说明理由, structured (Arts. 5 ¶2, 33 ¶1, 40, 44): the reasons name the
//! grounds and the circumstances relied on, the guard checks each against
//! the case, and free text never stands in for them; and the decision wire
//! format that carries them (version 2, version 1 read by an exact mapping).

use proptest::prelude::*;
use rouxing::assess::Tier;
use rouxing::case::{Aggravating, Context, Gravity, Harm};
use rouxing::decision::{Decision, DecisionVersion, Disposition, Fact, Override, Procedure, Sanction};
use rouxing::guard::{FindingCode, Severity, review};
use rouxing::law::Citation;
use rouxing::measure::PenaltyKind;
use rouxing::money::Money;
use rouxing::{Regime, assess, recommend, strategy};
use serde_json::Value;

use crate::common::*;

/// A first violation, slight harm, corrected promptly: 首违不罚 is lawful
/// (Art. 33 ¶1 sentence 2) and recommended.
fn first_violation() -> rouxing::case::CaseBuilder {
    case("A").harm(Harm::Slight).correction(rouxing::case::Correction::Prompt { on: d(2025, 3, 12) })
}

fn fine_instead(d: &mut Decision, yuan: u64) {
    d.tier = Tier::Ordinary;
    d.reasons.tier = Tier::Ordinary;
    d.disposition = Disposition::Penalty;
    d.sanctions = vec![Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(yuan)) }].into();
    d.education = false;
    d.procedure = Procedure::Ordinary;
}

#[test]
fn penalty_instead_of_first_violation_needs_a_circumstance_that_holds() {
    let cat = catalogue(vec![range_item("A")]);
    let regime = Regime::national();
    let with = |b: rouxing::case::CaseBuilder, f: &dyn Fn(&mut Decision)| {
        let c = b.build().unwrap();
        let a = assess(&c, &cat, &regime, AS_OF());
        let mut dec = recommend(&a, &regime);
        assert_eq!(dec.tier, Tier::NoPenalty);
        f(&mut dec);
        review(&c, &cat, &regime, &dec, None)
    };
    // Text only: 以罚代教 (Art. 33 ¶1 sentence 2).
    let r = with(first_violation(), &|d| {
        fine_instead(d, 5_000);
        d.reasons.officer_note = Some("从严管理".into());
    });
    let f = r.get(FindingCode::PenaltyInsteadOfEducation).unwrap();
    assert_eq!(f.severity, Severity::Irregular);
    assert_eq!(f.citation, Citation::apl(33).para(1).sentence(2));
    assert!(r.has(FindingCode::MissingReasons), "{r}");
    // A list exclusion named that the case does not establish.
    let r = with(first_violation(), &|d| {
        fine_instead(d, 5_000);
        d.reasons.circumstances = vec![Fact::Context(Context::SensitiveZone)];
    });
    assert!(r.has(FindingCode::PenaltyInsteadOfEducation));
    let f = r.get(FindingCode::CircumstanceNotEstablished).unwrap();
    assert_eq!(f.citation, Citation::apl(40));
    // Close: the exclusion holds (生态环境敏感区).
    let r = with(first_violation().context(vec![Context::SensitiveZone]), &|d| {
        fine_instead(d, 5_000);
        d.reasons.circumstances = vec![Fact::Context(Context::SensitiveZone)];
    });
    assert!(!r.has(FindingCode::PenaltyInsteadOfEducation), "{r}");
    assert!(!r.has(FindingCode::CircumstanceNotEstablished), "{r}");
    assert!(!r.has(FindingCode::MissingReasons), "{r}");
    // Close: an aggravating circumstance that holds.
    let r = with(first_violation().aggravating(vec![Aggravating::Obstruction]), &|d| {
        fine_instead(d, 5_000);
        d.reasons.circumstances = vec![Fact::Aggravating(Aggravating::Obstruction)];
    });
    assert!(!r.has(FindingCode::PenaltyInsteadOfEducation), "{r}");
    // A fact that holds but weighs for, not against, leniency.
    let r = with(first_violation(), &|d| {
        fine_instead(d, 5_000);
        d.reasons.circumstances = vec![Fact::Harm(Harm::Slight)];
    });
    assert!(r.has(FindingCode::PenaltyInsteadOfEducation));
    assert!(!r.has(FindingCode::CircumstanceNotEstablished));
}

#[test]
fn what_weighs_against_leniency() {
    assert!(Fact::Aggravating(Aggravating::Recidivist).weighs_against_leniency());
    assert!(Fact::Harm(Harm::Serious).weighs_against_leniency());
    assert!(!Fact::Harm(Harm::None).weighs_against_leniency());
    assert!(Fact::Gravity(Gravity::Serious).weighs_against_leniency());
    assert!(!Fact::Gravity(Gravity::Minor).weighs_against_leniency());
    assert!(Fact::Context(Context::SeriousDishonestyListed).weighs_against_leniency());
    assert!(!Fact::Context(Context::CommitmentSigned).weighs_against_leniency());
    assert!(!Fact::IllegalGains(Money::yuan(9_000)).weighs_against_leniency());
}

#[test]
fn reasons_text_names_the_circumstances() {
    let (_, mut dec) = run(&case("A").build().unwrap(), &catalogue(vec![range_item("A")]));
    dec.reasons.circumstances = vec![Fact::Harm(Harm::Harmful), Fact::Aggravating(Aggravating::Obstruction)];
    let text = dec.reasons.to_string();
    assert!(text.contains("考虑到造成危害后果、妨碍执法人员查处违法行为。"), "{text}");
}

// ------------------------------------------------------------------ the wire

fn recommended_json() -> (Decision, Value) {
    let (_, dec) = run(&case("A").build().unwrap(), &catalogue(vec![range_item("A")]));
    let v = serde_json::to_value(&dec).unwrap();
    (dec, v)
}

/// The same decision as a version-1 document: no `schema_version`, the
/// override's text in `reason`.
fn as_v1(mut v: Value) -> Value {
    let o = v.as_object_mut().unwrap();
    o.remove("schema_version");
    if let Some(ov) = o.get_mut("overridden").and_then(Value::as_object_mut) {
        let note = ov.remove("note").unwrap_or(Value::String(String::new()));
        ov.insert("reason".into(), note);
    }
    v
}

#[test]
fn version_2_is_written_and_read() {
    let (dec, v) = recommended_json();
    assert_eq!(v["schema_version"], 2);
    assert_eq!(dec.schema_version, DecisionVersion);
    assert_eq!(serde_json::from_value::<Decision>(v).unwrap(), dec);
}

#[test]
fn version_1_reads_by_the_documented_mapping() {
    let (mut dec, _) = recommended_json();
    dec.overridden = Some(Box::new(Override {
        officer: "OF-1".parse().unwrap(),
        recommended: Tier::Lighter,
        recommended_fine: Some(Money::yuan(2_350)),
        note: Some("当事人拒不配合".into()),
    }));
    let v1 = as_v1(serde_json::to_value(&dec).unwrap());
    assert!(v1.get("schema_version").is_none());
    assert_eq!(v1["overridden"]["reason"], "当事人拒不配合");
    // reason → note, nothing else changes; written back as version 2.
    let back: Decision = serde_json::from_value(v1.clone()).unwrap();
    assert_eq!(back, dec);
    let mut explicit = v1.clone();
    explicit["schema_version"] = 1.into();
    assert_eq!(serde_json::from_value::<Decision>(explicit).unwrap(), dec);
    // A blank version-1 reason is no note.
    let mut blank = v1;
    blank["overridden"]["reason"] = "  ".into();
    let back: Decision = serde_json::from_value(blank).unwrap();
    assert_eq!(back.overridden.unwrap().note, None);
}

#[test]
fn mixed_or_unknown_versions_are_refused() {
    let (mut dec, _) = recommended_json();
    dec.overridden = Some(Box::new(Override {
        officer: "OF-1".parse().unwrap(),
        recommended: Tier::Lighter,
        recommended_fine: None,
        note: Some("x".into()),
    }));
    let v2 = serde_json::to_value(&dec).unwrap();
    let err = |v: &Value| serde_json::from_value::<Decision>(v.clone()).unwrap_err().to_string();
    // Version 2 with the version-1 `reason`.
    let mut x = v2.clone();
    x["overridden"]["reason"] = "y".into();
    assert_eq!(
        err(&x),
        "field `overridden.reason` is decision version 1, but the document says `schema_version` 2: \
         move the text to `overridden.note` and name the grounds and circumstances relied on in \
         `reasons.grounds` and `reasons.circumstances`, or drop `schema_version` to read it as version 1"
    );
    // Version 1 with the version-2 `note` or `circumstances`.
    let mut x = v2.clone();
    x.as_object_mut().unwrap().remove("schema_version");
    assert!(
        err(&x).starts_with("field `overridden.note` is decision version 2, but the document is version 1")
    );
    let mut x = as_v1(v2.clone());
    x["reasons"]["circumstances"] = serde_json::json!([{"harm": "harmful"}]);
    assert!(err(&x).starts_with("field `reasons.circumstances` is decision version 2"), "{}", err(&x));
    // Version 1 override without its reason.
    let mut x = as_v1(v2.clone());
    x["overridden"].as_object_mut().unwrap().remove("reason");
    assert_eq!(err(&x), "field `overridden.reason` is required in decision version 1");
    // Another version.
    let mut x = v2;
    x["schema_version"] = 3.into();
    assert_eq!(err(&x), "unsupported decision schema version `3`: this release reads versions 1 and 2");
    // Through the loader: the file is named.
    let text = serde_json::to_string_pretty(&x).unwrap();
    let e = Decision::from_json_named("d.json", &text).unwrap_err();
    assert_eq!(e.file(), "d.json");
    assert!(e.message().contains("unsupported decision schema version `3`"), "{}", e.message());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(64)))]

    /// A circumstance named in the reasons draws
    /// `circumstance_not_established` exactly when the case does not
    /// establish it.
    #[test]
    fn prop_named_circumstance_is_checked_against_the_case(
        s in strategy::scenario(),
        fact in prop_oneof![
            prop::sample::select(Harm::ALL.to_vec()).prop_map(Fact::Harm),
            prop::sample::select(Gravity::ALL.to_vec()).prop_map(Fact::Gravity),
            prop::sample::select(Aggravating::ALL.to_vec()).prop_map(Fact::Aggravating),
            prop::sample::select(Context::ALL.to_vec()).prop_map(Fact::Context),
        ],
    ) {
        let mut dec = s.recommend();
        dec.reasons.circumstances = vec![fact];
        let r = review(&s.case, &s.catalogue, &s.regime, &dec, None);
        prop_assert_eq!(r.has(FindingCode::CircumstanceNotEstablished), !fact.holds_in(&s.case), "{}", r);
    }

    /// Every decision round-trips through version 2, and through version 1
    /// where it says nothing version 1 cannot (no circumstances), with the
    /// override's note as version 1's reason.
    #[test]
    fn prop_decisions_round_trip_through_both_versions(s in strategy::scenario()) {
        let dec = s.recommend();
        let v2 = serde_json::to_value(&dec).unwrap();
        prop_assert_eq!(&serde_json::from_value::<Decision>(v2.clone()).unwrap(), &dec);
        prop_assume!(dec.reasons.circumstances.is_empty());
        prop_assert_eq!(&serde_json::from_value::<Decision>(as_v1(v2)).unwrap(), &dec);
    }

    /// Free text never reasons a heavier choice: a lawful tier heavier than
    /// the recommendation with only an officer's note draws
    /// `missing_reasons` unless the assessment's own aggravating ground for
    /// that tier is named or the item is on the safety baseline.
    #[test]
    fn prop_text_alone_never_reasons_a_heavier_choice(s in strategy::scenario(), pick in 0usize..5) {
        let a = s.assess();
        let mut dec = s.recommend();
        let heavier: Vec<_> = a.lawful.iter().filter(|o| o.tier > dec.tier).collect();
        prop_assume!(!heavier.is_empty());
        let o = heavier[pick % heavier.len()];
        dec.tier = o.tier;
        dec.reasons.tier = o.tier;
        dec.reasons.grounds.clone_from(&o.grounds);
        dec.reasons.officer_note = Some("综合考虑".into());
        let r = review(&s.case, &s.catalogue, &s.regime, &dec, None);
        let aggravating = o.grounds.iter().any(|g| matches!(g, rouxing::assess::Ground::Aggravating { .. }));
        let baseline = a.item.as_ref().is_some_and(|i| i.safety_baseline);
        if !aggravating && !baseline {
            prop_assert!(r.has(FindingCode::MissingReasons), "{}", r);
        }
    }
}

/// The preference for the most lenient lawful outcome rests on the statute
/// under the national regime (《中华人民共和国行政处罚法》第五条第二款 过罚相当), and on the
/// county plan 四(一) "将行政柔性执法作为首选方式" only under a regime that adopts it.
#[test]
fn most_lenient_reasons_cite_the_plan_only_where_adopted() {
    let cat = catalogue(vec![range_item("A")]);
    let c = first_violation().build().unwrap();
    let national = Regime::national();
    let d = recommend(&assess(&c, &cat, &national, AS_OF()), &national);
    assert!(d.reasons.most_lenient);
    assert_eq!(d.reasons.lenient_basis, None);
    let text = d.reasons.to_string();
    assert!(text.contains(&Citation::apl(5).para(2).to_string()), "{text}");
    assert!(!text.contains("山丹县") && !text.contains("首选方式"), "{text}");
    let county = Regime::shandan_sample();
    let d = recommend(&assess(&c, &cat, &county, AS_OF()), &county);
    assert!(d.reasons.most_lenient);
    let plan = Citation::new(rouxing::law::Instrument::ShandanFlexibleEnforcementPlan, 4).item(1);
    assert_eq!(d.reasons.lenient_basis, Some(plan));
    let text = d.reasons.to_string();
    assert!(text.contains("将行政柔性执法作为首选方式") && text.contains(&plan.to_string()), "{text}");
    // A document written without the field reads as the statute.
    let mut v = serde_json::to_value(&d.reasons).unwrap();
    v.as_object_mut().unwrap().remove("lenient_basis");
    let old: rouxing::decision::Reasons = serde_json::from_value(v).unwrap();
    assert_eq!(old.lenient_basis, None);
}
