//! Tests that pin rules of `src/assess.rs` which the mutation runs showed
//! unpinned (tests/mutation/LEDGER.md names the mutant each test kills).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rouxing::assess::ProvisionText;
use rouxing::catalogue::Amendment;

use crate::common::*;

fn hash_of(p: &ProvisionText) -> u64 {
    let mut h = DefaultHasher::new();
    p.hash(&mut h);
    h.finish()
}

/// An item whose provision was amended on 2025-01-01: "测试条例第1条" before,
/// "测试条例（2025年修订）第九条" from that day on.
fn amended() -> Arc<rouxing::catalogue::Item> {
    let mut it = range_item("A");
    it.amendments.push(Amendment {
        effective_from: d(2025, 1, 1),
        provision: "测试条例（2025年修订）第九条".into(),
        penalty: Some(it.penalty.clone()),
    });
    Arc::new(it)
}

/// 行政处罚法 第三十七条: the provision in force when the act was done applies,
/// an amendment from the day it takes effect ("施行之日起"), the day itself
/// included; the text read through the item is the same text as a copy of it.
#[test]
fn the_provision_of_a_day_is_the_amendment_in_force_on_that_day() {
    let item = amended();
    let before = ProvisionText::of(&item, d(2024, 12, 31));
    let on = ProvisionText::of(&item, d(2025, 1, 1));
    let after = ProvisionText::of(&item, d(2025, 6, 1));
    assert_eq!(before.as_str(), "测试条例第1条");
    assert_eq!(on.as_str(), "测试条例（2025年修订）第九条");
    assert_eq!(after.as_str(), item.provision_on(d(2025, 6, 1)));
    assert_eq!(&*before, item.provision_on(d(2024, 12, 31)));
    assert_eq!(before.to_string(), "测试条例第1条");
    assert_eq!(format!("{on:?}"), "\"测试条例（2025年修订）第九条\"");
}

/// Two provision texts are equal when their texts are, however they are
/// held (through the item or as a copy), and they hash alike; different
/// texts are unequal under every comparison.
#[test]
fn provision_texts_compare_and_hash_by_their_text() {
    let item = amended();
    let through_item = ProvisionText::of(&item, d(2024, 6, 1));
    let copy = ProvisionText::from("测试条例第1条");
    let owned = ProvisionText::from(String::from("测试条例第1条"));
    let other = ProvisionText::of(&item, d(2025, 6, 1));

    assert_eq!(through_item, copy);
    assert_eq!(copy, owned);
    assert!(through_item != other);
    assert_eq!(hash_of(&through_item), hash_of(&copy));
    assert_ne!(hash_of(&through_item), hash_of(&other));

    assert!(through_item == *"测试条例第1条");
    assert!(!(through_item == *"测试条例第2条"));
    assert!(through_item == "测试条例第1条");
    assert!(!(through_item == "测试条例第2条"));
    assert!(owned.as_str() == "测试条例第1条" && !owned.is_empty());
}

/// The JSON of a provision text is its text, both ways.
#[test]
fn a_provision_text_is_its_text_in_json() {
    let item = amended();
    let p = ProvisionText::of(&item, d(2025, 2, 1));
    assert_eq!(serde_json::to_string(&p).unwrap(), "\"测试条例（2025年修订）第九条\"");
    let back: ProvisionText = serde_json::from_str("\"测试条例（2025年修订）第九条\"").unwrap();
    assert_eq!(back, p);
    assert_eq!(back.as_str(), "测试条例（2025年修订）第九条");
}

/// Every ground is named in the words of the law, the name the reasons of a
/// decision give it (行政处罚法 第三十条至第三十三条; 第三十二条第一项 for
/// 主动消除或者减轻违法行为危害后果).
#[test]
fn grounds_are_named_in_the_words_of_the_law() {
    use rouxing::assess::{Bar, Ground};
    use rouxing::case::Mitigating;
    assert_eq!(Ground::FirstViolation.legal_name(), "初次违法且危害后果轻微并及时改正（首违不罚）");
    assert_eq!(Ground::UnderFourteen.legal_name(), "不满十四周岁");
    assert_eq!(Ground::NoFault.legal_name(), "有证据足以证明没有主观过错（无过错不罚）");
    assert_eq!(Ground::Bar { bar: Bar::LimitationExpired }.legal_name(), Bar::LimitationExpired.legal_name());
    let m = Ground::Mitigating { circumstance: Mitigating::EliminatedHarm };
    assert_eq!(m.legal_name(), Mitigating::EliminatedHarm.legal_name());
    assert!(!m.legal_name().is_empty());

    // The name reaches the decision's reasons beside the citation.
    let cat = catalogue(vec![range_item("A")]);
    let c = case("A").mitigating(vec![Mitigating::EliminatedHarm]).build().unwrap();
    let (_, dec) = run(&c, &cat);
    let text = dec.reasons.to_string();
    assert!(text.contains(&format!("{}（{}）", m.legal_name(), m.citation())), "{text}");
}

/// The trace says whether Art. 40 barred the case: the rule "fires" when the
/// facts are not established (违法事实不能成立的，不得给予行政处罚), not when
/// they are.
#[test]
fn the_trace_fires_article_40_only_when_the_facts_are_not_established() {
    use rouxing::assess::{Bar, Rule};
    use rouxing::case::Facts;
    let cat = catalogue(vec![range_item("R-1")]);
    let fired = |facts: Facts| {
        let (a, _) = run(&case("R-1").facts(facts).build().unwrap(), &cat);
        let t = a.trace.iter().find(|t| t.rule == Rule::FactsEstablished).unwrap();
        assert_eq!(t.citation.to_string(), "《中华人民共和国行政处罚法》第四十条");
        (t.fired, a.bar)
    };
    assert_eq!(fired(Facts::Established), (false, None));
    assert_eq!(fired(Facts::NotEstablished), (true, Some(Bar::FactsNotEstablished)));
}

/// The trace says whether Art. 30 applied: it fires for a party under 18 on
/// the day of the act (不满十八周岁), the eighteenth birthday itself
/// included, and not from the day after it (周岁 count from the day after the
/// birthday, 法释〔2006〕1号 第二条).
#[test]
fn the_trace_fires_article_30_for_a_minor_and_not_for_an_adult() {
    use rouxing::assess::Rule;
    let cat = catalogue(vec![range_item("R-1")]);
    let act = d(2025, 3, 1);
    let fired = |birth| {
        let c = case("R-1").party(person(birth)).act_on(act).discovered_on(act).build().unwrap();
        let (a, _) = run(&c, &cat);
        let t = a.trace.iter().find(|t| t.rule == Rule::Age).unwrap();
        assert_eq!(t.citation.to_string(), "《中华人民共和国行政处罚法》第三十条");
        t.fired
    };
    assert!(fired(d(2009, 3, 1)), "16 years old");
    assert!(fired(d(2007, 3, 1)), "the eighteenth birthday: 周岁 count from the next day");
    assert!(!fired(d(2007, 2, 28)), "eighteen on the day of the act");
    assert!(!fired(d(1995, 3, 1)), "30 years old");
}

/// 行政处罚法 第二十九条: one act against several provisions is fined once, under
/// the provision with the heavier fine. Of two maxima alike the heavier
/// minimum wins, whichever provision is the case's own; bounds beyond range
/// (a multiple of a huge 货值) outrank any representable maximum.
#[test]
fn one_fine_under_several_provisions_takes_the_heaviest_bounds() {
    use rouxing::catalogue::StatutoryPenalty;
    use rouxing::measure::PenaltyKind;
    use rouxing::money::{AmountBase, Amounts, FineRule, Money, Multiplier};
    let ranged = |code: &str, min: u64, max: u64| {
        let rule = FineRule::range(Money::yuan(min), Money::yuan(max)).unwrap();
        item(code, StatutoryPenalty::new(vec![PenaltyKind::Fine], Some(rule), None).unwrap())
    };
    let bounds = |cat: &rouxing::Catalogue, own: &str, other: &str, amounts: Option<Amounts>| {
        let mut b = case(own).also_violates(vec![other.parse().unwrap()]);
        if let Some(x) = amounts {
            b = b.amounts(x);
        }
        let (a, _) = run(&b.build().unwrap(), cat);
        a.version.as_ref().unwrap().fine_bounds.unwrap()
    };
    let cat = catalogue(vec![ranged("L", 1_000, 10_000), ranged("H", 2_000, 10_000)]);
    for (own, other) in [("L", "H"), ("H", "L")] {
        let b = bounds(&cat, own, other, None);
        assert_eq!((b.min(), b.max()), (Money::yuan(2_000), Money::yuan(10_000)), "{own} with {other}");
    }
    let rule = FineRule::multiple(
        AmountBase::GoodsValue,
        Multiplier::times(5).unwrap(),
        Multiplier::times(10).unwrap(),
        None,
    )
    .unwrap();
    let huge = Amounts { goods_value: Some(Money::from_fen(u64::MAX / 4)), ..Default::default() };
    let cat = catalogue(vec![
        ranged("L", 1_000, 10_000),
        item("G", StatutoryPenalty::new(vec![PenaltyKind::Fine], Some(rule), None).unwrap()),
    ]);
    for (own, other) in [("L", "G"), ("G", "L")] {
        let b = bounds(&cat, own, other, Some(huge));
        assert!(b.is_beyond_range(), "{own} with {other}");
        assert_eq!(b.max(), Money::MAX);
    }
}

/// A local aggravating circumstance under 应当从重 removes discretionary
/// leniency (here 首违不罚, 第三十三条第一款第二句) unless the law itself
/// requires mitigation: a circumstance of 第三十二条 or a party of 14 to 17
/// (第三十条). Either of the two alone keeps 首违不罚 open.
#[test]
fn statutory_mitigation_alone_keeps_discretion_open_against_local_aggravation() {
    use rouxing::Regime;
    use rouxing::assess::{Rule, Tier, Why};
    use rouxing::case::{Aggravating, Correction, Harm, Mitigating};
    let tiers = |a: &rouxing::Assessment| a.lawful.iter().map(|o| o.tier).collect::<Vec<_>>();
    let cat = catalogue(vec![range_item("R-1")]);
    let mut county = Regime::shandan_sample();
    let act = d(2025, 3, 1);
    let first = |b: rouxing::case::CaseBuilder, county: &Regime| {
        let c = b
            .act_on(act)
            .discovered_on(act)
            .harm(Harm::Slight)
            .correction(Correction::Prompt { on: d(2025, 3, 12) })
            .aggravating(vec![Aggravating::Obstruction])
            .build()
            .unwrap();
        let (a, _) = run_with(&c, &cat, county);
        let t = a.trace.iter().find(|t| t.rule == Rule::FirstViolation).unwrap();
        (matches!(t.why, Why::FirstBlockedByAggravation), tiers(&a))
    };
    let (blocked, tiers_adult) = first(case("R-1"), &county);
    assert!(blocked, "an organisation with no statutory mitigation: {tiers_adult:?}");
    let (blocked, t) = first(case("R-1").mitigating(vec![Mitigating::EliminatedHarm]), &county);
    assert!(!blocked, "第三十二条第一项: {t:?}");
    assert!(t.contains(&Tier::NoPenalty), "{t:?}");
    let (blocked, t) = first(case("R-1").party(person(d(2009, 1, 1))), &county);
    assert!(!blocked, "sixteen on the day of the act: {t:?}");
    assert!(t.contains(&Tier::NoPenalty), "{t:?}");
    // Under 可以从重 the circumstance removes nothing.
    county.aggravation = rouxing::regime::AggravationPolicy::Discretionary;
    let (blocked, t) = first(case("R-1"), &county);
    assert!(!blocked, "可以从重: {t:?}");
    assert!(t.contains(&Tier::NoPenalty), "{t:?}");
}

/// A list entry that says 应当从轻 prevails over a local aggravating
/// circumstance under 可以从重 as the statutory grounds do: the mandatory
/// leniency makes the aggravation ineffective, so 从重 never joins the lawful
/// set. (Under 应当从重 the aggravation removes the entry itself, the entry's
/// result `Aggravated`.) Without the entry's condition met the same
/// circumstance is effective.
#[test]
fn a_shall_lighten_list_entry_alone_makes_aggravation_ineffective() {
    use rouxing::Regime;
    use rouxing::assess::{Rule, Tier, Why};
    use rouxing::case::{Aggravating, Correction};
    use rouxing::catalogue::{ListOutcome, Modal};
    let mut county = Regime::shandan_sample();
    county.aggravation = rouxing::regime::AggravationPolicy::Discretionary;
    let mut it = range_item("L-1");
    it.entries.push(entry_when_corrected("L-1-E1", ListOutcome::Lighten, Modal::Shall));
    let cat = listed_catalogue_of(vec![it]);
    let effective = |correction: Correction| {
        let c =
            case("L-1").correction(correction).aggravating(vec![Aggravating::Obstruction]).build().unwrap();
        let (a, _) = run_with(&c, &cat, &county);
        let t = a.trace.iter().find(|t| t.rule == Rule::Aggravation).unwrap();
        let Why::Aggravating { effective, .. } = t.why else { panic!("{:?}", t.why) };
        assert_eq!(t.fired, effective);
        (effective, a.lawful.iter().any(|o| o.tier == Tier::Heavier))
    };
    assert_eq!(effective(Correction::Prompt { on: d(2025, 3, 12) }), (false, false), "the entry applies");
    assert_eq!(effective(Correction::None), (true, true), "the entry's condition is not met");
}

/// 第三十三条第三款 (对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育)
/// is traced as its own step where the bar is the expired limitation of
/// 第三十六条 (the act was a violation, only its penalty is out of time); a
/// bar that finds no violation (第四十条, facts not established) traces no
/// such step.
#[test]
fn a_case_past_the_limitation_traces_the_education_duty_and_other_bars_do_not() {
    use rouxing::assess::{Bar, Duty, Rule};
    use rouxing::case::Facts;
    let cat = catalogue(vec![range_item("R-1")]);
    let education = |c: rouxing::Case| {
        let (a, _) = run(&c, &cat);
        let steps: Vec<_> = a.trace.iter().filter(|t| t.rule == Rule::Education).collect();
        for t in &steps {
            assert!(t.fired);
            assert_eq!(t.citation.to_string(), "《中华人民共和国行政处罚法》第三十三条第三款");
        }
        (a.bar, steps.len(), a.has_duty(Duty::Education))
    };
    let late = case("R-1").act_on(d(2021, 3, 1)).discovered_on(d(2023, 3, 2)).build().unwrap();
    assert_eq!(education(late), (Some(Bar::LimitationExpired), 1, true));
    let unproven = case("R-1").facts(Facts::NotEstablished).build().unwrap();
    assert_eq!(education(unproven), (Some(Bar::FactsNotEstablished), 0, false));
}

/// Each exclusion of an entry (不适用情形) holds on exactly its own fact:
/// 拒不改正 on a refused correction, 多次违法 on an earlier violation of the
/// same item, 情节严重 on serious circumstances; where it does not hold the
/// entry applies.
#[test]
fn each_exclusion_of_a_list_entry_holds_on_its_own_fact_alone() {
    use rouxing::assess::EntryResult::{Applies, ConditionFails, Excluded};
    use rouxing::case::{Correction, Gravity, PriorOutcome, PriorViolation};
    use rouxing::catalogue::{Domain, Exclusion, ListOutcome, Modal};
    let result = |x: Exclusion, b: rouxing::case::CaseBuilder| {
        let cat = with_entry(ListOutcome::Lighten, Modal::May, |e| e.exclusions = vec![x]);
        entry_result(&run(&b.build().unwrap(), &cat).0).unwrap()
    };
    let refused = || Exclusion::RefusedCorrection;
    assert_eq!(result(refused(), case("L-1").correction(Correction::Refused)), Excluded { exclusion: 0 });
    assert_eq!(result(refused(), case("L-1").correction(Correction::None)), ConditionFails { condition: 0 });
    assert_eq!(result(refused(), case("L-1").correction(prompt())), Applies);
    let prior = |item: &str| PriorViolation {
        item: item.parse().unwrap(),
        domain: Domain::MarketRegulation,
        on: d(2024, 9, 1),
        outcome: PriorOutcome::Penalised,
    };
    let repeat = || Exclusion::RepeatViolation;
    assert_eq!(
        result(repeat(), case("L-1").correction(prompt()).priors(vec![prior("L-1")])),
        Excluded { exclusion: 0 }
    );
    assert_eq!(result(repeat(), case("L-1").correction(prompt()).priors(vec![prior("OTHER")])), Applies);
    assert_eq!(result(repeat(), case("L-1").correction(prompt())), Applies);
    let serious = || Exclusion::SeriousCircumstances;
    assert_eq!(
        result(serious(), case("L-1").correction(prompt()).gravity(Gravity::Serious)),
        Excluded { exclusion: 0 }
    );
    assert_eq!(result(serious(), case("L-1").correction(prompt()).gravity(Gravity::General)), Applies);
}

/// Each tested condition of an entry (适用条件) holds on exactly its own fact:
/// 违法行为轻微 on minor gravity, 非故意 on any fault but intent.
#[test]
fn each_condition_of_a_list_entry_holds_on_its_own_fact_alone() {
    use rouxing::assess::EntryResult::{Applies, ConditionFails};
    use rouxing::case::{Fault, Gravity};
    use rouxing::catalogue::{Condition, EntryCondition, ListOutcome, Modal};
    let result = |test: Condition, b: rouxing::case::CaseBuilder| {
        let cat = with_entry(ListOutcome::Lighten, Modal::May, |e| {
            e.conditions.push(EntryCondition { text: "测试条件".into(), tests: vec![test] })
        });
        entry_result(&run(&b.correction(prompt()).build().unwrap(), &cat).0).unwrap()
    };
    let fails = ConditionFails { condition: 1 };
    assert_eq!(result(Condition::Minor, case("L-1").gravity(Gravity::Minor)), Applies);
    assert_eq!(result(Condition::Minor, case("L-1").gravity(Gravity::General)), fails);
    assert_eq!(result(Condition::NotIntentional, case("L-1").fault(Fault::Negligent)), Applies);
    assert_eq!(result(Condition::NotIntentional, case("L-1").fault(Fault::NoFaultProven)), Applies);
    assert_eq!(result(Condition::NotIntentional, case("L-1").fault(Fault::Intentional)), fails);
}

/// The statute's floor under a 不予处罚 entry (第三十三条第一款) and what
/// mandatory local aggravation leaves of it. The floor is met by sentence 1
/// (no harm, prompt correction, not serious) or by sentence 2 (a first
/// violation, at most slight harm, prompt correction), the first violation
/// read from the case even where the entry does not name it. Under
/// 应当从重 only a 应当 entry backed by sentence 1 survives (it is the
/// statute's own mandatory rule); a 可以 entry, or one met only by
/// sentence 2, yields to the aggravation.
#[test]
fn the_floor_under_a_no_penalty_entry_and_what_mandatory_aggravation_leaves() {
    use rouxing::assess::EntryResult::{Aggravated, Applies, StatuteForbids};
    use rouxing::case::{Aggravating, Gravity, Harm};
    use rouxing::catalogue::{ListOutcome, Modal};
    let (national, county) = (rouxing::Regime::national(), rouxing::Regime::shandan_sample());
    let result = |modal: Modal, harm: Harm, gravity: Gravity, aggravated: bool| {
        let cat = with_entry(ListOutcome::NoPenalty, modal, |_| {});
        let mut b = case("L-1").correction(prompt()).harm(harm).gravity(gravity);
        if aggravated {
            b = b.aggravating(vec![Aggravating::Obstruction]);
        }
        let regime = if aggravated { &county } else { &national };
        entry_result(&run_with(&b.build().unwrap(), &cat, regime).0).unwrap()
    };
    // Sentence 2 alone: slight harm, a first violation the entry does not name.
    assert_eq!(result(Modal::May, Harm::Slight, Gravity::General, false), Applies);
    assert_eq!(result(Modal::May, Harm::Harmful, Gravity::General, false), StatuteForbids);
    // Under 应当从重.
    assert_eq!(result(Modal::Shall, Harm::None, Gravity::General, true), Applies, "应当, sentence 1");
    assert_eq!(result(Modal::Shall, Harm::None, Gravity::Minor, true), Applies, "应当, sentence 1");
    assert_eq!(result(Modal::May, Harm::None, Gravity::General, true), Aggravated, "可以");
    assert_eq!(
        result(Modal::Shall, Harm::Slight, Gravity::General, true),
        Aggravated,
        "应当, sentence 2 only"
    );
    assert_eq!(
        result(Modal::Shall, Harm::None, Gravity::Serious, true),
        Aggravated,
        "应当, serious: sentence 2 only"
    );
    // Without aggravation the 应当 entry backed by sentence 2 applies.
    assert_eq!(result(Modal::Shall, Harm::Slight, Gravity::General, false), Applies);
}

/// A list entry's 应当从轻 alone is mandatory leniency (the catalogue's list
/// binds the agency as the statute does): 一般 leaves the lawful set and 从轻
/// is the only tier (减轻 needs a 应当减轻 entry or a statutory ground);
/// without the entry's condition 一般 is the only tier.
#[test]
fn a_shall_lighten_entry_alone_removes_the_ordinary_tier() {
    use rouxing::assess::Tier;
    use rouxing::case::Correction;
    use rouxing::catalogue::{ListOutcome, Modal};
    let cat = with_entry(ListOutcome::Lighten, Modal::Shall, |_| {});
    let tiers = |c: Correction| {
        let (a, _) = run(&case("L-1").correction(c).build().unwrap(), &cat);
        a.lawful.iter().map(|o| o.tier).collect::<Vec<_>>()
    };
    let with = tiers(prompt());
    assert_eq!(
        with,
        vec![Tier::Lighter],
        "从轻 is both the upper and the lower bound: no 减轻 without a ground for it"
    );
    assert_eq!(tiers(Correction::None), vec![Tier::Ordinary]);
}

/// 第三十七条: the provision in force when the act was done applies unless a
/// later one punishes more lightly; a later provision that punishes exactly
/// as heavily (here an amendment that renumbers the article and keeps its
/// penalty) does not displace it.
#[test]
fn a_later_provision_of_equal_severity_does_not_apply() {
    use rouxing::assess::VersionChoice;
    let cat = rouxing::Catalogue::new("测试目录", vec![], vec![(*amended()).clone()]).unwrap();
    let c = case("A").act_on(d(2024, 11, 1)).discovered_on(d(2024, 11, 10)).build().unwrap();
    let (a, _) = run(&c, &cat);
    let v = a.version.as_ref().unwrap();
    assert_eq!(v.choice, VersionChoice::AtAct);
    assert_eq!(v.provision, "测试条例第1条");
}

/// 第三十六条第一款: two years, five where the act touched 公民生命健康安全 or
/// 金融安全 with harmful consequences ("延长至五年"), and a period another law
/// sets ("法律另有规定的除外") is never called extended.
#[test]
fn only_the_five_year_rule_extends_the_limitation() {
    use rouxing::case::Harm;
    use rouxing::catalogue::{LimitationOverride, Sector};
    let limitation = |sectors: Vec<Sector>, other: Option<u32>| {
        let mut it = range_item("R-1");
        it.sectors = sectors;
        it.limitation =
            other.map(|years| LimitationOverride { years, basis: "《测试法》第九条".into() });
        let (a, _) = run(&case("R-1").harm(Harm::Harmful).build().unwrap(), &catalogue(vec![it]));
        let l = a.limitation.unwrap();
        (l.years, l.extended, l.by_other_law)
    };
    assert_eq!(limitation(vec![], None), (2, false, false));
    assert_eq!(limitation(vec![Sector::FoodDrug], None), (5, true, false));
    assert_eq!(limitation(vec![], Some(3)), (3, false, true));
    assert_eq!(limitation(vec![Sector::FoodDrug], Some(3)), (3, false, true));
}

/// A list's 应当从轻 with a ground that only permits 减轻 (第三十一条:
/// 尚未完全丧失辨认或者控制能力的精神病人 "可以从轻或者减轻"): 从轻 is the
/// mandatory alternative, 减轻 stays the agency's discretion: only a 应当减轻
/// entry or a statutory 应当 ground makes 减轻 one of the alternatives.
#[test]
fn a_shall_lighten_entry_leaves_a_permitted_mitigation_discretionary() {
    use rouxing::assess::{Modality, Tier};
    use rouxing::catalogue::{ListOutcome, Modal};
    use rouxing::party::{MentalCapacity, Party, PartyId};
    let cat = with_entry(ListOutcome::Lighten, Modal::Shall, |_| {});
    let party = Party::natural_person(PartyId::new("P-1").unwrap(), d(1990, 1, 1), MentalCapacity::Partial);
    let (a, _) = run(&case("L-1").party(party).correction(prompt()).build().unwrap(), &cat);
    let modality: Vec<_> = a.lawful.iter().map(|o| (o.tier, o.modality)).collect();
    assert_eq!(
        modality,
        vec![(Tier::Mitigated, Modality::Discretionary), (Tier::Lighter, Modality::Alternative)]
    );
}

/// A list entry's amount (减轻 / 从轻 的罚款金额) guides the proposal of its
/// own tier only: a 从轻 entry's amount lowers the 从轻 proposal below the
/// band's middle; a 减轻 entry's amount that reaches into the 从轻 band
/// leaves the 从轻 proposal at the band's middle.
#[test]
fn a_list_amount_guides_the_proposal_of_its_own_tier_only() {
    use rouxing::assess::Tier;
    use rouxing::case::Mitigating;
    use rouxing::catalogue::{ListOutcome, Modal};
    use rouxing::money::{FineRule, Money};
    let lighter = |outcome: ListOutcome| {
        let cat = with_entry(outcome, Modal::May, |e| {
            e.reduced_fine = Some(FineRule::range(Money::yuan(500), Money::yuan(1_500)).unwrap())
        });
        let c =
            case("L-1").correction(prompt()).mitigating(vec![Mitigating::EliminatedHarm]).build().unwrap();
        let (a, _) = run(&c, &cat);
        let o = a.lawful.iter().find(|o| o.tier == Tier::Lighter).unwrap().clone();
        (o.suggested_fine.unwrap(), o.fine_band.unwrap().middle_yuan())
    };
    let (own, middle) = lighter(ListOutcome::Lighten);
    assert!(own < middle, "{own} {middle}");
    assert_eq!(own, Money::yuan(1_250), "the middle of 1,000–1,500, the list amount within the band");
    let (other, middle) = lighter(ListOutcome::Mitigate);
    assert_eq!(other, middle);
}

/// "X元以下" has no statutory minimum, so 减轻 has no money band below it
/// of its own; a 减轻 list entry's amount gives it one (the list is the
/// agency's benchmark), within the statutory maximum; without such an
/// amount 减轻 carries no band.
#[test]
fn below_a_zero_minimum_only_a_list_amount_gives_mitigation_a_band() {
    use rouxing::assess::Tier;
    use rouxing::case::Mitigating;
    use rouxing::catalogue::{ListOutcome, Modal};
    use rouxing::money::{FineBounds, FineRule, Money};
    let band = |amount: Option<FineRule>| {
        let mut e = entry_when_corrected("U-1-E1", ListOutcome::Mitigate, Modal::May);
        e.reduced_fine = amount;
        let mut it = up_to_item("U-1");
        it.entries.push(e);
        let cat = listed_catalogue_of(vec![it]);
        let c =
            case("U-1").correction(prompt()).mitigating(vec![Mitigating::EliminatedHarm]).build().unwrap();
        let (a, _) = run(&c, &cat);
        let o = a.lawful.iter().find(|o| o.tier == Tier::Mitigated).unwrap().clone();
        (o.fine_band, o.suggested_fine)
    };
    let listed = FineRule::range(Money::yuan(100), Money::yuan(300)).unwrap();
    assert_eq!(
        band(Some(listed)),
        (Some(FineBounds::new(Money::yuan(100), Money::yuan(300)).unwrap()), Some(Money::yuan(200)))
    );
    assert_eq!(band(None), (None, None));
}

/// 第六十四条第（一）项's period to ask for a hearing exists only where a
/// penalty the agency may impose opens the right of 第六十三条: a band that
/// reaches ¥100,000 (the national 较大数额 for an organisation) while every
/// proposed fine stays below it opens none; 吊销许可证件 on a case past the
/// limitation of 第三十六条 opens none (no penalty may be imposed); the
/// same revocation within the limitation, or gains of 较大数额 to be
/// confiscated beside a small fine (第二十八条第二款), open it.
#[test]
fn the_hearing_period_needs_a_penalty_that_opens_the_right() {
    use rouxing::assess::DeadlineKind;
    use rouxing::catalogue::StatutoryPenalty;
    use rouxing::measure::PenaltyKind;
    use rouxing::money::{Amounts, FineRule, Money};
    let wide = item(
        "W-1",
        StatutoryPenalty::new(
            vec![PenaltyKind::Fine],
            Some(FineRule::range(Money::yuan(1_000), Money::yuan(150_000)).unwrap()),
            None,
        )
        .unwrap(),
    );
    let revoke = item("V-1", StatutoryPenalty::new(vec![PenaltyKind::RevokePermit], None, None).unwrap());
    let cat = catalogue(vec![wide, revoke, range_item("R-1")]);
    let hearing = |c: rouxing::Case| {
        let (a, _) = run(&c, &cat);
        a.deadline(DeadlineKind::HearingRequest).is_some()
    };
    let (a, _) = run(&case("W-1").build().unwrap(), &cat);
    assert!(a.lawful.iter().any(|o| o.fine_band.is_some_and(|b| b.max() >= Money::yuan(100_000))));
    assert!(a.lawful.iter().all(|o| o.suggested_fine.is_none_or(|f| f < Money::yuan(100_000))));
    assert!(!hearing(case("W-1").build().unwrap()), "no proposed fine reaches 较大数额");
    assert!(hearing(case("V-1").build().unwrap()), "吊销许可证件");
    let late = case("V-1").act_on(d(2021, 3, 1)).discovered_on(d(2023, 3, 2)).build().unwrap();
    assert!(!hearing(late), "past the limitation");
    let gains = Amounts { illegal_gains: Some(Money::yuan(200_000)), ..Default::default() };
    assert!(hearing(case("R-1").amounts(gains).build().unwrap()), "没收较大数额违法所得");
}

/// The explanation (`Assessment::explain`) reads each finding in the words
/// of the law: the statutory range ("X元以下" where there is no minimum),
/// the duties, a period already run out (已逾期, not on its last day), the
/// age of 第三十条 at its two boundaries (周岁 from the day after the
/// birthday), 第三十三条第二款's exception, and gains to be refunded rather
/// than confiscated (第二十八条第二款).
#[test]
fn the_explanation_reads_each_finding_in_the_words_of_the_law() {
    use rouxing::assess::DeadlineKind;
    use rouxing::case::Fault;
    use rouxing::money::{Amounts, Money};
    let mut strict = range_item("S-1");
    strict.no_fault_exception = Some("《某法》第十条".into());
    let cat = catalogue(vec![range_item("R-1"), up_to_item("U-1"), strict]);
    let text = |c: rouxing::case::CaseBuilder| {
        let (a, _) = run(&c.build().unwrap(), &cat);
        (a.explain().to_string(), a)
    };
    // The statutory range.
    let (up_to, _) = text(case("U-1"));
    assert!(up_to.contains("法定罚款幅度：¥50,000.00以下"), "{up_to}");
    let (ranged, a) = text(case("R-1"));
    let bounds = a.version.as_ref().unwrap().fine_bounds.unwrap();
    assert!(ranged.contains(&format!("法定罚款幅度：{bounds}\n")), "{ranged}");
    assert!(!ranged.contains("以下\n法定") && !ranged.contains("法定罚款幅度：¥10,000.00以下"), "{ranged}");
    // The duties.
    assert!(!a.duties.is_empty());
    assert!(ranged.contains("法定义务："), "{ranged}");
    // A period on its last day, and one run out.
    let c = case("R-1").filed_on(d(2025, 3, 12)).build().unwrap();
    let on = |as_of| rouxing::assess(&c, &cat, &rouxing::Regime::national(), as_of);
    let due = on(AS_OF()).deadline(DeadlineKind::Decision).unwrap().due;
    let line = |as_of| {
        let s = on(as_of).explain().to_string();
        s.lines().find(|l| l.contains(&format!("自2025-03-12起，至{due}止"))).unwrap().to_owned()
    };
    assert!(!line(due).contains("已逾期"), "{}", line(due));
    assert!(line(due.succ_opt().unwrap()).contains("（已逾期）"), "{}", line(due.succ_opt().unwrap()));
    // 第三十条 at its boundaries: the act on 2025-03-01.
    let age =
        |birth| text(case("R-1").party(person(birth)).act_on(d(2025, 3, 1)).discovered_on(d(2025, 3, 1))).0;
    let under_14 = "不满十四周岁，不予行政处罚";
    let minor = "已满十四周岁不满十八周岁，应当从轻或者减轻行政处罚";
    let t = age(d(2011, 3, 1));
    assert!(t.contains(under_14) && !t.contains(minor), "13 on the fourteenth birthday: {t}");
    let t = age(d(2011, 2, 28));
    assert!(t.contains(minor) && !t.contains(under_14), "14: {t}");
    let t = age(d(2007, 3, 1));
    assert!(t.contains(minor), "17 on the eighteenth birthday: {t}");
    let t = age(d(2007, 2, 28));
    assert!(!t.contains(minor) && !t.contains(under_14), "18: {t}");
    // 第三十三条第二款.
    let exception = "当事人证明没有主观过错，但法律、行政法规另有规定，从其规定";
    assert!(text(case("S-1").fault(Fault::NoFaultProven)).0.contains(exception));
    assert!(!text(case("S-1").fault(Fault::Negligent)).0.contains(exception));
    assert!(!text(case("R-1").fault(Fault::NoFaultProven)).0.contains(exception));
    // 第二十八条第二款.
    let gains = Amounts { illegal_gains: Some(Money::yuan(800)), ..Default::default() };
    let refunded = text(case("R-1").amounts(gains).gains_refundable(true)).0;
    assert!(refunded.contains("违法所得¥800.00依法应当退赔，不予没收"), "{refunded}");
    let kept = text(case("R-1").amounts(gains)).0;
    assert!(kept.contains("违法所得¥800.00，除依法应当退赔的外，应当予以没收"), "{kept}");
    assert!(!kept.contains("不予没收"));
}
