//! Art. 34: a discretion benchmark (裁量基准) narrows the choice the statute
//! leaves; it cannot open 减轻 below the statutory minimum. A local mitigating
//! circumstance the regime recognises opens 从轻 within the band only; 减轻
//! needs a statutory ground (Arts. 30, 31, 32, incl. 32 (五)).

use proptest::prelude::*;
use rouxing::assess::{Ground, Rule, Tier};
use rouxing::case::Mitigating;
use rouxing::law::Citation;
use rouxing::party::{MentalCapacity, Party, PartyId};
use rouxing::{Regime, assess, recommend, strategy};

use crate::common::*;

/// 《中华人民共和国行政处罚法》第三十四条 "规范行使行政处罚裁量权": a recognised local circumstance
/// (在共同违法行为中起次要或者辅助作用) allows 从轻 and 一般, never 减轻.
#[test]
fn a_local_circumstance_opens_lighter_not_mitigated() {
    let cat = catalogue(vec![range_item("A")]);
    for m in [Mitigating::SecondaryRole, Mitigating::VoluntarilyStopped] {
        let regime = Regime::national();
        assert!(regime.recognises_mitigating(m));
        let c = case("A").mitigating(vec![m]).build().unwrap();
        let a = assess(&c, &cat, &regime, AS_OF());
        assert!(!a.is_lawful(Tier::Mitigated), "{m}: {:?}", a.lawful);
        assert!(a.is_lawful(Tier::Lighter), "{m}: {:?}", a.lawful);
        assert!(a.is_lawful(Tier::Ordinary), "{m}: {:?}", a.lawful);
        let lighter = a.option(Tier::Lighter).unwrap();
        assert!(lighter.grounds.contains(&Ground::LocalMitigating { circumstance: m }));
        assert_eq!(Ground::LocalMitigating { circumstance: m }.citation(), Citation::apl(34));
        // The fine stays inside the statutory band (¥1,000–¥10,000).
        let band = lighter.fine_band.unwrap();
        assert!(band.min() >= rouxing::money::Money::yuan(1_000), "{band}");
        let d = recommend(&a, &regime);
        assert_eq!(d.tier, Tier::Lighter);
        assert!(d.fine().unwrap() >= rouxing::money::Money::yuan(1_000));
        // The trace says where it comes from: the benchmark article.
        let t = a.trace.iter().find(|t| t.rule == Rule::LocalMitigation).unwrap();
        assert!(t.fired);
        assert_eq!(t.citation, Citation::apl(34));
    }
}

/// 第三十二条 "应当从轻或者减轻行政处罚：（一）主动消除或者减轻违法行为危害后果的": a statutory
/// ground opens 减轻; with a local circumstance beside it, 减轻 stays open and
/// rests on Art. 32, not on the benchmark.
#[test]
fn a_statutory_ground_opens_mitigated() {
    let cat = catalogue(vec![range_item("A")]);
    let regime = Regime::national();
    let c =
        case("A").mitigating(vec![Mitigating::EliminatedHarm, Mitigating::SecondaryRole]).build().unwrap();
    let a = assess(&c, &cat, &regime, AS_OF());
    assert!(a.is_lawful(Tier::Mitigated), "{:?}", a.lawful);
    let o = a.option(Tier::Mitigated).unwrap();
    assert!(o.grounds.contains(&Ground::Mitigating { circumstance: Mitigating::EliminatedHarm }));
    assert!(!o.grounds.contains(&Ground::LocalMitigating { circumstance: Mitigating::SecondaryRole }));
    // 第三十一条第三句 "可以从轻或者减轻": partial capacity opens 减轻 too.
    let partial = Party::natural_person(PartyId::new("P-9").unwrap(), d(1990, 1, 1), MentalCapacity::Partial);
    let a = assess(&case("A").party(partial).build().unwrap(), &cat, &regime, AS_OF());
    assert!(a.is_lawful(Tier::Mitigated), "{:?}", a.lawful);
}

/// A circumstance the regime does not recognise changes nothing.
#[test]
fn an_unrecognised_local_circumstance_is_ignored() {
    let cat = catalogue(vec![range_item("A")]);
    let mut regime = Regime::national();
    regime.recognised_mitigating.clear();
    let c = case("A").mitigating(vec![Mitigating::SecondaryRole]).build().unwrap();
    let a = assess(&c, &cat, &regime, AS_OF());
    assert_eq!(a.lawful.iter().map(|o| o.tier).collect::<Vec<_>>(), vec![Tier::Ordinary]);
}

proptest! {
    /// No non-statutory circumstance alone ever puts 减轻 in the lawful set:
    /// with every statutory 减轻 ground removed from a generated case (Art. 32
    /// items, minors and partial capacity, hence also the list 减轻 entries a
    /// statutory ground must authorise), 减轻 is lawful only where 不予处罚 is
    /// (Art. 33 — what may go unpunished may be punished less), whatever local
    /// circumstances the case has and the regime recognises.
    #[test]
    fn prop_local_circumstances_never_open_mitigated((cat, case, regime, as_of) in strategy::assessment_inputs()) {
        let local: Vec<Mitigating> = case.mitigating().iter().copied().filter(|m| m.art_32_item().is_none()).collect();
        let adult = Party::legal_person(PartyId::new("ORG-P").unwrap(), None);
        let Ok(stripped) = case.to_builder().mitigating(local).party(adult).build() else {
            return Ok(());
        };
        let a = assess(&stripped, &cat, &regime, as_of);
        if !a.is_lawful(Tier::NoPenalty) {
            prop_assert!(!a.is_lawful(Tier::Mitigated), "{:?}", a.lawful);
        }
    }

    /// On any case, a local circumstance is never a ground of 减轻 (Art. 34).
    #[test]
    fn prop_mitigated_never_rests_on_a_local_circumstance((cat, case, regime, as_of) in strategy::assessment_inputs()) {
        let a = assess(&case, &cat, &regime, as_of);
        if let Some(o) = a.option(Tier::Mitigated) {
            prop_assert!(
                o.grounds.iter().all(|g| !matches!(g, Ground::LocalMitigating { .. })),
                "{:?}", o.grounds
            );
        }
        let d = recommend(&a, &regime);
        if d.tier == Tier::Mitigated {
            let local = d.reasons.grounds.iter().any(|g| matches!(g, Ground::LocalMitigating { .. }));
            prop_assert!(!local, "{:?}", d.reasons.grounds);
        }
    }
}
