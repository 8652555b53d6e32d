//! The 从重 clauses of the special law an item applies, as catalogue data:
//! 《中华人民共和国治安管理处罚法》 (2012) 第二十条 "违反治安管理有下列情形之一的，从重处罚：（一）有较严重后果的；
//! （二）教唆、胁迫、诱骗他人违反治安管理的；（三）对报案人、控告人、举报人、证人打击报复的；（四）六个月内曾受过
//! 治安管理处罚的。" — "从重处罚" is a 应当: where a clause applies only 从重 is lawful,
//! under every regime, `Regime::national()` included.

use proptest::prelude::*;
use rouxing::assess::{Ground, Rule, Why};
use rouxing::case::{Aggravating, Case, CaseBuilder, Harm, PriorOutcome, PriorViolation};
use rouxing::catalogue::{AggravationClause, AggravationCondition, Catalogue, ClauseError, Domain, Item};
use rouxing::decision::{Decision, Disposition, Procedure, Sanction};
use rouxing::guard::{FindingCode, Severity, review};
use rouxing::law::{Citation, Instrument};
use rouxing::measure::PenaltyKind;
use rouxing::money::Money;
use rouxing::{Regime, Tier, assess, recommend};

use crate::common::{AS_OF, case, catalogue, d, public_order_item};

fn art20(item: u8) -> Citation {
    Citation::new(Instrument::PublicSecurityAdministrationPunishmentLaw, 20).item(item)
}

fn cat() -> Catalogue {
    let mut plain = public_order_item("PLAIN");
    plain.aggravation.clear();
    catalogue(vec![public_order_item("PO-1"), plain])
}

fn prior(on: chrono::NaiveDate, domain: Domain, outcome: PriorOutcome) -> PriorViolation {
    PriorViolation { item: "PO-0".parse().unwrap(), domain, on, outcome }
}

/// The case of each clause, with harm that is not serious unless the clause
/// is (一).
fn clause_case(n: u8) -> Case {
    let b = case("PO-1");
    match n {
        1 => b.harm(Harm::Serious),
        2 => b.aggravating(vec![Aggravating::CoercedOthers]),
        3 => b.aggravating(vec![Aggravating::Retaliation]),
        _ => b.priors(vec![prior(d(2024, 10, 1), Domain::PublicSecurity, PriorOutcome::Penalised)]),
    }
    .build()
    .unwrap()
}

fn penalise(d: &mut Decision, tier: Tier, yuan: u64) {
    d.tier = tier;
    d.reasons.tier = tier;
    d.disposition = Disposition::Penalty;
    d.sanctions = vec![Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(yuan)) }].into();
    d.education = false;
    d.procedure = Procedure::Ordinary;
}

#[test]
fn each_clause_met_leaves_only_heavier_under_the_national_regime() {
    let regime = Regime::national();
    for n in 1..=4 {
        let c = clause_case(n);
        let a = assess(&c, &cat(), &regime, AS_OF());
        let tiers: Vec<Tier> = a.lawful.iter().map(|o| o.tier).collect();
        assert_eq!(tiers, vec![Tier::Heavier], "clause {n}");
        let ground = Ground::SpecialLawAggravation { clause: u16::from(n - 1), citation: art20(n) };
        assert!(a.lawful[0].grounds.contains(&ground), "clause {n}: {:?}", a.lawful[0].grounds);
        assert_eq!(
            ground.citation().to_string(),
            format!(
                "《中华人民共和国治安管理处罚法》第二十条第（{}）项",
                ["一", "二", "三", "四"][usize::from(n - 1)]
            )
        );
        // The trace line cites the clause itself, never Art. 49 or the plan.
        let fired: Vec<_> = a.fired().filter(|t| t.rule == Rule::SpecialLawAggravation).collect();
        assert_eq!(fired.len(), 1, "clause {n}");
        assert_eq!(fired[0].citation, art20(n));
        assert!(matches!(fired[0].why, Why::SpecialLawClause { applies: true, effective: true, .. }));
        assert!(a.fired().all(|t| t.citation != Citation::apl(49)));
        assert!(a.fired().all(|t| t.citation.instrument() != Instrument::ShandanFlexibleEnforcementPlan));
        let text = a.explain().to_string();
        assert!(text.contains("依法应当从重处罚"), "{text}");
        assert!(text.contains("《中华人民共和国治安管理处罚法》第二十条第（"), "{text}");
        let dec = recommend(&a, &regime);
        assert_eq!(dec.tier, Tier::Heavier, "clause {n}");
        assert!(review(&c, &cat(), &regime, &dec, None).is_lawful(), "clause {n}");
    }
}

#[test]
fn clauses_not_met_leave_the_assessment_unchanged() {
    let regime = Regime::national();
    // Harm short of 较严重后果, a local circumstance no clause names, a prior
    // seven months back, one of another domain, one not penalised.
    type Mk = Box<dyn Fn(&str) -> CaseBuilder>;
    let cases: Vec<Mk> = vec![
        Box::new(|i| case(i).harm(Harm::Harmful)),
        Box::new(|i| case(i).aggravating(vec![Aggravating::Obstruction])),
        Box::new(|i| {
            case(i).priors(vec![prior(d(2024, 7, 31), Domain::PublicSecurity, PriorOutcome::Penalised)])
        }),
        Box::new(|i| {
            case(i).priors(vec![prior(d(2025, 1, 10), Domain::MarketRegulation, PriorOutcome::Penalised)])
        }),
        Box::new(|i| {
            case(i).priors(vec![prior(d(2025, 1, 10), Domain::PublicSecurity, PriorOutcome::NoPenalty)])
        }),
    ];
    for mk in cases {
        let with = mk("PO-1").build().unwrap();
        let without = mk("PLAIN").build().unwrap();
        let a = assess(&with, &cat(), &regime, AS_OF());
        let p = assess(&without, &cat(), &regime, AS_OF());
        let tiers = |a: &rouxing::Assessment| a.lawful.iter().map(|o| o.tier).collect::<Vec<_>>();
        assert_eq!(tiers(&a), tiers(&p), "{with:?}");
        assert!(a.fired().all(|t| t.rule != Rule::SpecialLawAggravation));
        // Four trace lines, none fired.
        assert_eq!(a.trace.iter().filter(|t| t.rule == Rule::SpecialLawAggravation).count(), 4);
    }
    // The window is six months inclusive of its first day: 2025-03-01 back
    // to 2024-09-01.
    let edge = case("PO-1")
        .priors(vec![prior(d(2024, 9, 1), Domain::PublicSecurity, PriorOutcome::Penalised)])
        .build()
        .unwrap();
    assert_eq!(assess(&edge, &cat(), &regime, AS_OF()).most_lenient(), Tier::Heavier);
}

#[test]
fn a_mandatory_mitigation_ground_prevails_as_for_article_49() {
    // Art. 30: a minor aged 14–17 "应当从轻或者减轻行政处罚" — the clause applies but
    // does not take effect.
    let minor = case("PO-1")
        .party(crate::common::person(d(2009, 6, 1)))
        .aggravating(vec![Aggravating::CoercedOthers])
        .build()
        .unwrap();
    let a = assess(&minor, &cat(), &Regime::national(), AS_OF());
    assert!(!a.is_lawful(Tier::Heavier));
    let line =
        a.trace.iter().find(|t| t.rule == Rule::SpecialLawAggravation && t.citation == art20(2)).unwrap();
    assert!(!line.fired);
    assert!(matches!(line.why, Why::SpecialLawClause { applies: true, effective: false, .. }));
}

#[test]
fn review_flags_a_decision_lighter_than_heavier_citing_the_clause() {
    let regime = Regime::national();
    for n in 1..=4 {
        let c = clause_case(n);
        let a = assess(&c, &cat(), &regime, AS_OF());
        let rec = recommend(&a, &regime);
        for tier in [Tier::Ordinary, Tier::Lighter] {
            let mut dec = rec.clone();
            penalise(&mut dec, tier, 300);
            let r = review(&c, &cat(), &regime, &dec, None);
            let f = r
                .get(FindingCode::LeniencyExcluded)
                .unwrap_or_else(|| panic!("{n} {tier}: {:?}", r.findings));
            assert_eq!(f.severity, Severity::Unlawful);
            assert_eq!(f.citation, art20(n));
        }
    }
}

#[test]
fn json_round_trip() {
    let item = public_order_item("PO-1");
    let json = serde_json::to_string(&item).unwrap();
    assert!(json.contains(r#""aggravation":[{"citation":{"instrument":"public_security_administration_punishment_law","eid":"art_20__point_1"}"#), "{json}");
    assert!(json.contains(r#"{"condition":"prior_penalty","within":{"months":6}}"#), "{json}");
    let back: Item = serde_json::from_str(&json).unwrap();
    assert_eq!(back, item);
    let c = cat();
    assert_eq!(Catalogue::from_json(&c.to_json()).unwrap().to_json(), c.to_json());
    // Absent means none.
    let mut plain = item.clone();
    plain.aggravation.clear();
    assert!(!serde_json::to_string(&plain).unwrap().contains("aggravation"));
    let clause: AggravationClause =
        serde_json::from_value(serde_json::to_value(&item.aggravation[0]).unwrap()).unwrap();
    assert_eq!(clause.conditions, vec![AggravationCondition::Harm { at_least: Harm::Serious }]);
    // Binary form carries it.
    let compiled = Catalogue::compile_json("c.json", &c.to_json()).unwrap();
    assert_eq!(Catalogue::from_binary_named("c.bin", &compiled).unwrap().to_json(), c.to_json());
}

fn load_err(edit: impl Fn(String) -> String) -> String {
    let text = edit(cat().to_json());
    Catalogue::from_json_named("list.json", &text).unwrap_err().to_string()
}

#[test]
fn loader_errors() {
    let empty =
        load_err(|t| t.replacen("违反治安管理有下列情形之一的，从重处罚：（一）有较严重后果的；", " ", 1));
    assert!(empty.starts_with("list.json line "), "{empty}");
    assert!(empty.contains("aggravation[0]"), "{empty}");
    assert!(empty.contains("has no text"), "{empty}");
    let none = load_err(|t| {
        t.replacen(r#"[{"condition":"harm","at_least":"serious"}]"#, "[]", 1).replacen(
            r#"[
            {
              "condition": "harm",
              "at_least": "serious"
            }
          ]"#,
            "[]",
            1,
        )
    });
    assert!(none.contains("has no condition"), "{none}");
    let unknown = load_err(|t| t.replacen("\"prior_penalty\"", "\"prior_warning\"", 1));
    assert!(unknown.contains("prior_warning"), "{unknown}");
    assert!(unknown.contains("aggravation[3]"), "{unknown}");
    let dup_condition = load_err(|t| {
        t.replacen("\"circumstance\": \"retaliation\"", "\"circumstance\": \"retaliation\"\n            },\n            {\n              \"condition\": \"circumstance\",\n              \"circumstance\": \"retaliation\"", 1)
    });
    assert!(dup_condition.contains("lists condition 1 twice"), "{dup_condition}");
    let dup_clause = load_err(|t| t.replacen("art_20__point_2", "art_20__point_1", 1));
    assert!(dup_clause.contains("duplicate aggravation clause `art_20__point_1`"), "{dup_clause}");
    assert!(dup_clause.contains("items[0].aggravation[1].citation"), "{dup_clause}");
    let unknown_provision = load_err(|t| t.replacen("art_20__point_4", "art_20__point_5", 1));
    assert!(unknown_provision.contains("a provision rouxing does not carry"), "{unknown_provision}");
}

#[test]
fn clause_error_codes_and_chinese() {
    let c = art20(1);
    let errors = [
        (ClauseError::EmptyText { citation: c }, "clause.empty_text"),
        (ClauseError::NoCondition { citation: c }, "clause.no_condition"),
        (ClauseError::DuplicateCondition { citation: c, index: 1 }, "clause.duplicate_condition"),
        (ClauseError::UnknownProvision { citation: c }, "clause.unknown_provision"),
    ];
    for (e, code) in errors {
        assert_eq!(e.code(), code);
        assert!(e.message_zh().contains("特别法从重条款"), "{}", e.message_zh());
        assert!(e.message_zh().contains(&e.to_string()));
    }
}

fn facts() -> impl Strategy<Value = CaseBuilder> {
    (
        prop::sample::select(vec![Harm::None, Harm::Slight, Harm::Harmful, Harm::Serious]),
        prop::collection::vec(
            prop::sample::select(vec![
                Aggravating::CoercedOthers,
                Aggravating::Retaliation,
                Aggravating::Obstruction,
            ]),
            0..3,
        ),
        prop::option::of(0u32..400),
        any::<bool>(),
    )
        .prop_map(|(harm, mut aggravating, prior_days, prompt)| {
            aggravating.sort_by_key(|a| a.to_string());
            aggravating.dedup();
            let mut b = case("PO-1").harm(harm).aggravating(aggravating);
            if let Some(days) = prior_days {
                let on = d(2025, 3, 1) - chrono::Days::new(u64::from(days));
                b = b.priors(vec![prior(on, Domain::PublicSecurity, PriorOutcome::Penalised)]);
            }
            if prompt {
                b = b.correction(rouxing::case::Correction::Prompt { on: d(2025, 3, 2) });
            }
            b
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(64)))]

    /// Where a clause's conditions hold, no recommendation is lighter than
    /// 从重, and `review` flags every lighter edit as unlawful.
    #[test]
    fn prop_a_clause_that_holds_forces_heavier(b in facts(), tier in prop::sample::select(vec![Tier::NoPenalty, Tier::Mitigated, Tier::Lighter, Tier::Ordinary])) {
        let regime = Regime::national();
        let c = b.build().unwrap();
        let item = public_order_item("PO-1");
        let holds = item.aggravation.iter().any(|cl| cl.conditions.iter().all(|k| match *k {
            AggravationCondition::Harm { at_least } => c.harm() >= at_least,
            AggravationCondition::Circumstance { circumstance } => c.aggravating().contains(&circumstance),
            AggravationCondition::PriorPenalty { within } => c.priors().iter().any(|p| within.contains(p.on, d(2025, 3, 1))),
            _ => false,
        }));
        let a = assess(&c, &cat(), &regime, AS_OF());
        let rec = recommend(&a, &regime);
        if holds {
            prop_assert_eq!(a.most_lenient(), Tier::Heavier);
            prop_assert_eq!(rec.tier, Tier::Heavier);
            let mut dec = rec.clone();
            if tier == Tier::NoPenalty {
                dec.tier = Tier::NoPenalty;
                dec.reasons.tier = Tier::NoPenalty;
                dec.disposition = Disposition::NoPenalty;
                dec.sanctions.clear();
                dec.education = true;
            } else {
                penalise(&mut dec, tier, 250);
            }
            let r = review(&c, &cat(), &regime, &dec, None);
            prop_assert!(!r.is_lawful(), "{:?}", r.findings);
        } else {
            prop_assert!(a.fired().all(|t| t.rule != Rule::SpecialLawAggravation));
        }
    }
}
