//! Arts. 30 and 31: minors and mental capacity.
//!
//! "不满十四周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教；已满十四周岁不满十八周岁的
//! 未成年人有违法行为的，应当从轻或者减轻行政处罚。" Age counts in 周岁 from the day after the
//! birthday (法释〔2006〕1号 Art. 2), on the day of the act.

use crate::common::*;
use rouxing::assess::{Duty, Ground, Modality, Tier};
use rouxing::measure::GuardianOrder;
use rouxing::party::{MentalCapacity, Party, PartyId};

fn tiers(a: &rouxing::Assessment) -> Vec<Tier> {
    a.lawful.iter().map(|o| o.tier).collect()
}

fn person_case(birth: chrono::NaiveDate, act: chrono::NaiveDate) -> rouxing::Case {
    case("R-1").party(person(birth)).act_on(act).discovered_on(act).build().unwrap()
}

#[test]
fn acting_on_the_fourteenth_birthday_is_still_under_fourteen() {
    let cat = catalogue(vec![range_item("R-1")]);
    let (a, dec) = run(&person_case(d(2011, 3, 1), d(2025, 3, 1)), &cat);
    assert_eq!(tiers(&a), vec![Tier::NoPenalty]);
    assert_eq!(a.lawful[0].modality, Modality::Mandatory);
    assert_eq!(a.lawful[0].grounds[..], vec![Ground::UnderFourteen]);
    assert_eq!(a.guardian_order, Some(GuardianOrder::Discipline));
    assert!(a.has_duty(Duty::GuardianDiscipline));
    assert_eq!(dec.tier, Tier::NoPenalty);
    assert_eq!(dec.guardian_order, Some(GuardianOrder::Discipline));
    assert!(dec.education);
    assert!(dec.correction.is_some());
}

#[test]
fn the_day_after_the_fourteenth_birthday_mitigation_is_mandatory() {
    let cat = catalogue(vec![range_item("R-1")]);
    let (a, dec) = run(&person_case(d(2011, 3, 1), d(2025, 3, 2)), &cat);
    assert_eq!(tiers(&a), vec![Tier::Mitigated, Tier::Lighter]);
    assert!(a.lawful.iter().all(|o| o.modality == Modality::Alternative));
    assert!(a.lawful.iter().all(|o| o.grounds.contains(&Ground::Minor)));
    assert_eq!(a.guardian_order, None);
    // 应当从轻或者减轻: the default reading proposes 从轻 (no list names 减轻).
    assert_eq!(dec.tier, Tier::Lighter);
}

#[test]
fn the_eighteenth_birthday_is_still_a_minor_and_the_next_day_is_not() {
    let cat = catalogue(vec![range_item("R-1")]);
    let (a, _) = run(&person_case(d(2007, 3, 1), d(2025, 3, 1)), &cat);
    assert_eq!(tiers(&a), vec![Tier::Mitigated, Tier::Lighter]);
    let (a, _) = run(&person_case(d(2007, 3, 1), d(2025, 3, 2)), &cat);
    assert_eq!(tiers(&a), vec![Tier::Ordinary]);
}

#[test]
fn born_on_29_february_turns_fourteen_on_1_march_in_a_common_year() {
    let cat = catalogue(vec![range_item("R-1")]);
    // 2022 is a common year: the anniversary is 28 February (民法典 Art. 202),
    // the new age starts on 1 March.
    let (a, _) = run(&person_case(d(2008, 2, 29), d(2022, 2, 28)), &cat);
    assert_eq!(tiers(&a), vec![Tier::NoPenalty]);
    let (a, _) = run(&person_case(d(2008, 2, 29), d(2022, 3, 1)), &cat);
    assert_eq!(tiers(&a), vec![Tier::Mitigated, Tier::Lighter]);
}

#[test]
fn age_of_a_continuing_act_is_taken_at_its_end() {
    let cat = catalogue(vec![range_item("R-1")]);
    let c = case("R-1")
        .party(person(d(2011, 3, 1)))
        .act(rouxing::case::Act::continuing(d(2025, 2, 1), d(2025, 3, 5)).unwrap())
        .discovered_on(d(2025, 3, 6))
        .build()
        .unwrap();
    let (a, _) = run(&c, &cat);
    assert_eq!(tiers(&a), vec![Tier::Mitigated, Tier::Lighter]);
}

fn capacity_case(cap: MentalCapacity) -> rouxing::Case {
    case("R-1")
        .party(Party::natural_person(PartyId::new("P-9").unwrap(), d(1990, 1, 1), cap))
        .build()
        .unwrap()
}

#[test]
fn incapacity_means_no_penalty_and_a_custody_order() {
    let cat = catalogue(vec![range_item("R-1")]);
    let (a, dec) = run(&capacity_case(MentalCapacity::Incapable), &cat);
    assert_eq!(tiers(&a), vec![Tier::NoPenalty]);
    assert_eq!(a.lawful[0].grounds[..], vec![Ground::Incapable]);
    assert_eq!(dec.guardian_order, Some(GuardianOrder::CustodyAndTreatment));
    assert!(a.has_duty(Duty::GuardianCustody));
}

#[test]
fn intermittent_illness_while_normal_is_no_ground() {
    let cat = catalogue(vec![range_item("R-1")]);
    let (a, dec) = run(&capacity_case(MentalCapacity::IntermittentNormal), &cat);
    assert_eq!(tiers(&a), vec![Tier::Ordinary]);
    assert_eq!(dec.guardian_order, None);
    let t = a.trace.iter().find(|t| t.rule == rouxing::assess::Rule::Capacity).unwrap();
    assert!(!t.fired);
    assert_eq!(t.citation.to_string(), "《中华人民共和国行政处罚法》第三十一条第二句");
}

#[test]
fn partial_capacity_allows_but_does_not_require_mitigation() {
    let cat = catalogue(vec![range_item("R-1")]);
    let (a, _) = run(&capacity_case(MentalCapacity::Partial), &cat);
    assert_eq!(tiers(&a), vec![Tier::Mitigated, Tier::Lighter, Tier::Ordinary]);
    assert!(a.lawful.iter().all(|o| o.modality == Modality::Discretionary));
}

#[test]
fn organisations_have_no_age_or_capacity() {
    let cat = catalogue(vec![range_item("R-1")]);
    let (a, _) = run(&case("R-1").build().unwrap(), &cat);
    let t = a.trace.iter().find(|t| t.rule == rouxing::assess::Rule::Age).unwrap();
    assert!(!t.fired);
    assert!(a.trace.iter().all(|t| t.rule != rouxing::assess::Rule::Capacity));
}
