//! Art. 36 (limitation) and Art. 37 (which version of the rule applies).

use crate::common::*;
use rouxing::assess::{Bar, Rule, Tier, VersionChoice};
use rouxing::case::{Act, Harm};
use rouxing::catalogue::{Amendment, LimitationOverride, Sector, StatutoryPenalty};
use rouxing::measure::PenaltyKind;
use rouxing::money::{FineRule, Money};

#[test]
fn discovery_on_the_last_day_of_two_years_is_in_time() {
    // Act 2021-03-01: the period runs 2021-03-02 … 2023-03-01 (民法典 Arts. 201, 202).
    let cat = catalogue(vec![range_item("R-1")]);
    let c = case("R-1").act_on(d(2021, 3, 1)).discovered_on(d(2023, 3, 1)).build().unwrap();
    let (a, _) = run(&c, &cat);
    let l = a.limitation.unwrap();
    assert_eq!((l.years, l.last_day, l.expired), (2, d(2023, 3, 1), false));
    assert_eq!(a.bar, None);
    let c = case("R-1").act_on(d(2021, 3, 1)).discovered_on(d(2023, 3, 2)).build().unwrap();
    let (a, dec) = run(&c, &cat);
    assert_eq!(a.bar, Some(Bar::LimitationExpired));
    assert_eq!(a.lawful.len(), 1);
    assert_eq!(dec.tier, Tier::NoPenalty);
    // the violation is established: correction and education still follow
    assert!(dec.correction.is_some() && dec.education);
}

#[test]
fn an_act_on_29_february_ends_its_period_on_28_february() {
    let cat = catalogue(vec![range_item("R-1")]);
    let c = case("R-1").act_on(d(2024, 2, 29)).discovered_on(d(2026, 2, 28)).build().unwrap();
    let (a, _) = run(&c, &cat);
    assert_eq!(a.limitation.unwrap().last_day, d(2026, 2, 28));
    assert_eq!(a.bar, None);
    let c = case("R-1").act_on(d(2024, 2, 29)).discovered_on(d(2026, 3, 1)).build().unwrap();
    let (a, _) = run(&c, &cat);
    assert_eq!(a.bar, Some(Bar::LimitationExpired));
}

#[test]
fn five_years_need_life_health_or_financial_safety_and_harm() {
    let mut it = range_item("R-1");
    it.sectors = vec![Sector::FoodDrug];
    let cat = catalogue(vec![it]);
    let base = || case("R-1").act_on(d(2020, 6, 1)).discovered_on(d(2024, 6, 1));
    let (a, _) = run(&base().harm(Harm::Harmful).build().unwrap(), &cat);
    let l = a.limitation.unwrap();
    assert!(l.extended && !l.expired);
    assert_eq!((l.years, l.last_day), (5, d(2025, 6, 1)));
    // no harmful consequence: two years
    let (a, _) = run(&base().harm(Harm::None).build().unwrap(), &cat);
    assert_eq!(a.bar, Some(Bar::LimitationExpired));
    // harm, but a sector that does not extend the period
    let cat2 = catalogue(vec![{
        let mut i = range_item("R-1");
        i.sectors = vec![Sector::Environment];
        i
    }]);
    let (a, _) = run(&base().harm(Harm::Serious).build().unwrap(), &cat2);
    assert_eq!(a.bar, Some(Bar::LimitationExpired));
    // the case itself may name the sector
    let (a, _) = run(&base().harm(Harm::Harmful).sectors(vec![Sector::Financial]).build().unwrap(), &cat2);
    assert_eq!(a.limitation.unwrap().years, 5);
}

#[test]
fn a_continuing_act_counts_from_its_end() {
    let cat = catalogue(vec![range_item("R-1")]);
    let c = case("R-1")
        .act(Act::continuing(d(2020, 1, 1), d(2023, 5, 1)).unwrap())
        .discovered_on(d(2025, 4, 30))
        .build()
        .unwrap();
    let (a, _) = run(&c, &cat);
    let l = a.limitation.unwrap();
    assert_eq!((l.counts_from, l.last_day, l.expired), (d(2023, 5, 1), d(2025, 5, 1), false));
}

#[test]
fn another_law_may_set_the_period() {
    let mut it = range_item("R-1");
    it.limitation = Some(LimitationOverride {
        years: 5,
        basis: "《中华人民共和国税收征收管理法》第八十六条".into(),
    });
    let cat = catalogue(vec![it]);
    let c = case("R-1").act_on(d(2020, 1, 1)).discovered_on(d(2024, 1, 1)).build().unwrap();
    let (a, _) = run(&c, &cat);
    let l = a.limitation.unwrap();
    assert!(l.by_other_law && !l.expired && l.years == 5);
}

fn amended(new: Option<StatutoryPenalty>) -> rouxing::catalogue::Item {
    let mut it = item(
        "V-1",
        StatutoryPenalty::new(
            vec![PenaltyKind::Fine],
            Some(FineRule::up_to(Money::yuan(50_000)).unwrap()),
            None,
        )
        .unwrap(),
    );
    it.amendments =
        vec![Amendment {
            effective_from: d(2021, 9, 1), provision: "新法第九十七条".into(), penalty: new
        }];
    it
}

fn fine_up_to(y: u64) -> StatutoryPenalty {
    StatutoryPenalty::new(vec![PenaltyKind::Fine], Some(FineRule::up_to(Money::yuan(y)).unwrap()), None)
        .unwrap()
}

#[test]
fn the_version_at_the_act_applies_when_the_new_one_is_heavier() {
    let cat = catalogue(vec![amended(Some(fine_up_to(100_000)))]);
    let c = case("V-1").act_on(d(2021, 8, 20)).discovered_on(d(2023, 6, 1)).build().unwrap();
    let (a, _) = run(&c, &cat);
    let v = a.version.as_ref().unwrap();
    assert_eq!(v.choice, VersionChoice::AtAct);
    assert_eq!(v.fine_bounds.unwrap().max(), Money::yuan(50_000));
    assert_eq!(v.provision, "测试条例第3条");
}

#[test]
fn a_lighter_later_version_applies() {
    let cat = catalogue(vec![amended(Some(fine_up_to(20_000)))]);
    let c = case("V-1").act_on(d(2021, 8, 20)).discovered_on(d(2023, 6, 1)).build().unwrap();
    let (a, _) = run(&c, &cat);
    let v = a.version.as_ref().unwrap();
    assert_eq!(v.choice, VersionChoice::LaterLighter);
    assert_eq!(v.fine_bounds.unwrap().max(), Money::yuan(20_000));
    assert!(a.trace.iter().any(|t| t.rule == Rule::ApplicableVersion && t.fired));
}

#[test]
fn an_act_no_longer_illegal_is_not_punished() {
    let cat = catalogue(vec![amended(None)]);
    let c = case("V-1").act_on(d(2021, 8, 20)).discovered_on(d(2023, 6, 1)).build().unwrap();
    let (a, dec) = run(&c, &cat);
    assert_eq!(a.version.as_ref().unwrap().choice, VersionChoice::NoLongerIllegal);
    assert_eq!(a.bar, Some(Bar::NotIllegal));
    assert_eq!(dec.tier, Tier::NoPenalty);
    assert!(dec.correction.is_none(), "nothing to correct when the act is lawful");
}

#[test]
fn acts_after_the_amendment_use_it() {
    let cat = catalogue(vec![amended(Some(fine_up_to(100_000)))]);
    let c = case("V-1").act_on(d(2021, 9, 1)).discovered_on(d(2023, 6, 1)).build().unwrap();
    let (a, _) = run(&c, &cat);
    assert_eq!(a.version.as_ref().unwrap().fine_bounds.unwrap().max(), Money::yuan(100_000));
}
