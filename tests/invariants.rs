//! The invariants of DESIGN.md, as property tests over generated catalogues,
//! cases and regimes (`rouxing::strategy`, the generators users get).

use proptest::prelude::*;
use rouxing::assess::{Modality, Tier};
use rouxing::{assess, recommend, strategy};

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Invariant 2: the recommendation never leaves the lawful set.
    #[test]
    fn prop_recommend_stays_lawful((cat, case, regime, as_of) in strategy::assessment_inputs()) {
        let a = assess(&case, &cat, &regime, as_of);
        prop_assert!(!a.lawful.is_empty());
        let d = recommend(&a, &regime);
        prop_assert!(a.is_lawful(d.tier), "tier {} not in {:?}", d.tier, a.lawful.iter().map(|o| o.tier).collect::<Vec<_>>());
        if let (Some(f), Some(band)) = (d.fine(), a.option(d.tier).and_then(|o| o.fine_band)) {
            prop_assert!(band.contains(f), "fine {f} outside band {band}");
        }
    }

    /// Invariant 1: determinism, byte for byte in JSON.
    #[test]
    fn prop_deterministic((cat, case, regime, as_of) in strategy::assessment_inputs()) {
        let a1 = assess(&case, &cat, &regime, as_of);
        let a2 = assess(&case, &cat, &regime, as_of);
        prop_assert_eq!(serde_json::to_string(&a1).unwrap(), serde_json::to_string(&a2).unwrap());
        let d1 = recommend(&a1, &regime);
        let d2 = recommend(&a2, &regime);
        prop_assert_eq!(serde_json::to_string(&d1).unwrap(), serde_json::to_string(&d2).unwrap());
    }

    /// Invariant 9: JSON round trips of the assessment, the decision and the case.
    #[test]
    fn prop_json_round_trips((cat, case, regime, as_of) in strategy::assessment_inputs()) {
        let a = assess(&case, &cat, &regime, as_of);
        let back: rouxing::Assessment = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
        prop_assert_eq!(&back, &a);
        let d = recommend(&a, &regime);
        let back: rouxing::Decision = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        prop_assert_eq!(&back, &d);
        let back = rouxing::Case::from_json(&case.to_json(), &cat).unwrap();
        prop_assert_eq!(&back, &case);
        let back = rouxing::Catalogue::from_json(&cat.to_json()).unwrap();
        prop_assert_eq!(&back, &cat);
    }

    /// The lawful set is a contiguous run of tiers in order, and a single
    /// member is mandatory.
    #[test]
    fn prop_lawful_set_well_formed((cat, case, regime, as_of) in strategy::assessment_inputs()) {
        let a = assess(&case, &cat, &regime, as_of);
        let tiers: Vec<Tier> = a.lawful.iter().map(|o| o.tier).collect();
        for w in tiers.windows(2) {
            prop_assert!(w[0] < w[1]);
            let i = Tier::ALL.iter().position(|t| *t == w[0]).unwrap();
            prop_assert_eq!(Tier::ALL[i + 1], w[1]);
        }
        if a.lawful.len() == 1 {
            prop_assert_eq!(a.lawful[0].modality, Modality::Mandatory);
        }
    }
}
