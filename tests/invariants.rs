//! The invariants of DESIGN.md, as property tests over generated catalogues,
//! cases and regimes (`rouxing::strategy`, the generators users get).

use proptest::prelude::*;
use rouxing::assess::{Modality, Tier};
use rouxing::{assess, recommend, strategy};

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::common::cases(512), max_global_rejects: 1 << 20, ..ProptestConfig::default() })]

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

mod more {
    use proptest::prelude::*;
    use rouxing::assess::{Duty, Tier};
    use rouxing::case::{Aggravating, Case, Correction, Fault, Gravity, Harm, Mitigating};
    use rouxing::measure::GuardianOrder;
    use rouxing::party::{MentalCapacity, Party, PartyId};

    /// The same day `years` years earlier (28 February for 29 February).
    fn add_years_back(d: chrono::NaiveDate, years: i32) -> chrono::NaiveDate {
        use chrono::Datelike;
        chrono::NaiveDate::from_ymd_opt(d.year() - years, d.month(), d.day().min(28)).unwrap()
    }
    use rouxing::catalogue::Catalogue;
    use rouxing::measure::PenaltyKind;
    use rouxing::{Regime, assess, recommend, strategy};

    fn outcome(
        c: &Case,
        cat: &Catalogue,
        r: &Regime,
        as_of: chrono::NaiveDate,
    ) -> (Tier, Tier, Option<rouxing::money::Money>) {
        let a = assess(c, cat, r, as_of);
        let d = recommend(&a, r);
        (a.most_lenient(), d.tier, d.fine())
    }

    /// "not heavier": the lawful minimum and the recommended tier do not
    /// rise (and within the same tier the fine does not rise).
    /// Within one tier, a fine and a lighter kind (a warning) are not
    /// ordered against each other: both carry out the tier.
    fn not_heavier(
        after: (Tier, Tier, Option<rouxing::money::Money>),
        before: (Tier, Tier, Option<rouxing::money::Money>),
    ) -> bool {
        let fines_ok = match (after.2, before.2) {
            (Some(x), Some(y)) => after.1 < before.1 || x <= y,
            _ => true,
        };
        after.0 <= before.0 && after.1 <= before.1 && fines_ok
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: crate::common::cases(384), max_global_rejects: 1 << 20, ..ProptestConfig::default() })]

        /// Invariant 3: adding a mitigating circumstance never makes the
        /// outcome heavier.
        #[test]
        fn prop_mitigation_monotone((cat, case, regime, as_of) in strategy::assessment_inputs(), m in proptest::sample::select(Mitigating::ALL.to_vec())) {
            prop_assume!(!case.mitigating().contains(&m));
            let mut ms = case.mitigating().to_vec();
            ms.push(m);
            let more = case.to_builder().mitigating(ms).build().unwrap();
            let (after, before) = (outcome(&more, &cat, &regime, as_of), outcome(&case, &cat, &regime, as_of));
            prop_assert!(not_heavier(after, before), "adding {m}: {after:?} after, {before:?} before");
        }

        /// Invariant 3: correcting promptly never makes the outcome heavier.
        #[test]
        fn prop_correction_monotone((cat, case, regime, as_of) in strategy::assessment_inputs()) {
            prop_assume!(!case.correction().is_prompt());
            let fixed = case.to_builder().correction(Correction::Prompt { on: case.discovered_on() }).build().unwrap();
            let (after, before) = (outcome(&fixed, &cat, &regime, as_of), outcome(&case, &cat, &regime, as_of));
            prop_assert!(not_heavier(after, before), "correcting: {after:?} after, {before:?} before");
        }

        /// Invariant 3: more harm never makes the outcome lighter.
        #[test]
        fn prop_harm_monotone((cat, case, regime, as_of) in strategy::assessment_inputs()) {
            let next = match case.harm() { Harm::None => Harm::Slight, Harm::Slight => Harm::Harmful, Harm::Harmful | Harm::Serious => Harm::Serious };
            prop_assume!(next != case.harm());
            let worse = case.to_builder().harm(next).build().unwrap();
            prop_assert!(not_heavier(outcome(&case, &cat, &regime, as_of), outcome(&worse, &cat, &regime, as_of)));
        }

        /// Invariant 3: an aggravating circumstance never makes the outcome
        /// lighter.
        #[test]
        fn prop_aggravation_monotone((cat, case, regime, as_of) in strategy::assessment_inputs(), x in proptest::sample::select(Aggravating::ALL.to_vec())) {
            prop_assume!(!case.aggravating().contains(&x));
            let mut xs = case.aggravating().to_vec();
            xs.push(x);
            let worse = case.to_builder().aggravating(xs).build().unwrap();
            let (before, after) = (outcome(&case, &cat, &regime, as_of), outcome(&worse, &cat, &regime, as_of));
            prop_assert!(not_heavier(before, after), "adding {x}: {after:?} after, {before:?} before");
        }

        /// Invariant 4: a mandatory no-penalty ground yields no penalty,
        /// education and a correction order, and the guardian order where due.
        #[test]
        fn prop_mandatory_no_penalty((cat, case, regime, as_of) in strategy::assessment_inputs(), ground in 0u8..4) {
            // Give the generated case one mandatory ground.
            let b = case.to_builder();
            let case = match ground {
                0 => b.gravity(Gravity::Minor).harm(Harm::None).correction(Correction::Prompt { on: case.discovered_on() }),
                1 => b.fault(Fault::NoFaultProven),
                2 => b.party(Party::natural_person(PartyId::new("P-G").unwrap(), add_years_back(case.act().start(), 13), MentalCapacity::Full)),
                _ => b.party(Party::natural_person(PartyId::new("P-G").unwrap(), add_years_back(case.act().start(), 40), MentalCapacity::Incapable)),
            }
            .build()
            .unwrap();
            let a = assess(&case, &cat, &regime, as_of);
            let excepted = ground == 1 && cat.get(case.item()).is_some_and(|i| i.no_fault_exception.is_some());
            if a.bar.is_some() || excepted {
                return Ok(());
            }
            prop_assert_eq!(a.lawful.iter().map(|o| o.tier).collect::<Vec<_>>(), vec![Tier::NoPenalty]);
            let d = recommend(&a, &regime);
            prop_assert_eq!(d.tier, Tier::NoPenalty);
            prop_assert!(d.education);
            prop_assert!(d.correction.is_some());
            // No penalty; only the Art. 28 ¶2 confiscation of the established
            // gains under the default reading (GainsOnNoPenalty::Confiscate).
            prop_assert!(d.sanctions.iter().all(|s| s.kind == PenaltyKind::ConfiscateIllegalGains && s.amount == a.illegal_gains));
            match ground {
                2 => prop_assert_eq!(d.guardian_order, Some(GuardianOrder::Discipline)),
                3 => prop_assert_eq!(d.guardian_order, Some(GuardianOrder::CustodyAndTreatment)),
                _ => {}
            }
            if a.guardian_order.is_some() {
                prop_assert_eq!(d.guardian_order, a.guardian_order);
                prop_assert!(a.has_duty(Duty::GuardianDiscipline) || a.has_duty(Duty::GuardianCustody));
            }
        }

        /// Invariant 5: no fine above the statutory maximum; below the
        /// minimum only with a 减轻 outcome.
        #[test]
        fn prop_fine_within_statute((cat, case, regime, as_of) in strategy::assessment_inputs()) {
            let a = assess(&case, &cat, &regime, as_of);
            let d = recommend(&a, &regime);
            if let (Some(f), Some(b)) = (d.fine(), a.version.as_ref().and_then(|v| v.fine_bounds)) {
                prop_assert!(f <= b.max(), "fine {f} above maximum {}", b.max());
                if f < b.min() {
                    prop_assert_eq!(d.tier, Tier::Mitigated);
                }
            }
            for o in &a.lawful {
                if let (Some(band), Some(b)) = (o.fine_band, a.version.as_ref().and_then(|v| v.fine_bounds)) {
                    prop_assert!(band.max() <= b.max());
                    if band.min() < b.min() { prop_assert_eq!(o.tier, Tier::Mitigated); }
                }
            }
            if d.tier == Tier::NoPenalty {
                prop_assert!(d.sanctions.iter().all(|s| s.kind != PenaltyKind::Fine));
            }
        }

        /// Invariant 6: the limitation — after the period no penalty is
        /// lawful; five years only with life/health or financial safety and
        /// harm; a continuing act counts from its end.
        #[test]
        fn prop_limitation((cat, case, regime, as_of) in strategy::assessment_inputs()) {
            let a = assess(&case, &cat, &regime, as_of);
            let Some(l) = a.limitation else { return Ok(()); };
            prop_assert_eq!(l.counts_from, case.act().end().unwrap_or(case.act().start()));
            if l.expired {
                prop_assert!(a.lawful.iter().all(|o| o.tier == Tier::NoPenalty));
                prop_assert!(case.discovered_on() > l.last_day);
            } else {
                prop_assert!(case.discovered_on() <= l.last_day);
            }
            if l.years == 5 && !l.by_other_law {
                let item = cat.get(case.item()).unwrap();
                prop_assert!(case.harm() > Harm::None);
                prop_assert!(item.sectors.iter().chain(case.sectors()).any(|s| s.extends_limitation()));
            }
        }

        /// Invariant 7: the applied version is never heavier than the version
        /// in force on the act date.
        #[test]
        fn prop_version_never_heavier((cat, case, regime, as_of) in strategy::assessment_inputs()) {
            let a = assess(&case, &cat, &regime, as_of);
            let Some(v) = &a.version else { return Ok(()); };
            let item = cat.get(case.item()).unwrap();
            let facts = rouxing::catalogue::PenaltyFacts {
                natural_person: case.party().is_natural_person(),
                gravity: case.gravity(),
                harm: case.harm(),
                correction: case.correction(),
            };
            let at_act = item.penalty_on(case.act().end().unwrap_or(case.act().start())).map(|p| p.resolve(&facts));
            if let (Some(applied), Some(old)) = (&v.penalty, at_act.as_ref()) {
                prop_assert!(applied.heaviest_group() <= old.heaviest_group());
                let ob = old.fine_for(case.party().is_natural_person()).and_then(|r| r.bounds(case.amounts()));
                if let (Some(nb), Some(ob)) = (v.fine_bounds, ob) {
                    if case.also_violates().is_empty() && applied.heaviest_group() == old.heaviest_group() {
                        prop_assert!(nb.max() <= ob.max());
                    }
                }
            }
        }

        /// Invariant 8: every fired rule, ground, duty and deadline carries a
        /// citation that renders to a real provision.
        #[test]
        fn prop_citations_are_real((cat, case, regime, as_of) in strategy::assessment_inputs()) {
            let a = assess(&case, &cat, &regime, as_of);
            for t in &a.trace {
                prop_assert!(t.citation.is_known(), "{}", t.citation);
            }
            for g in a.lawful.iter().flat_map(|o| &o.grounds) {
                prop_assert!(g.citation().is_known(), "{}", g.citation());
            }
            for d in &a.duties { prop_assert!(d.citation().is_known()); }
            for d in &a.deadlines { prop_assert!(d.kind.citation().is_known()); }
            let d = recommend(&a, &regime);
            // The statute's triggers cite text rouxing carries; a regime's
            // trigger cites its own document (bundled, or named by the regime).
            for t in &d.duties.legal_review {
                let s = regime.review_source(*t);
                prop_assert!(t.statute().is_none_or(|c| c.is_known()), "{t}");
                prop_assert!(s.is_known() || s.document().is_some(), "{s}");
            }
        }
    }
}

mod codes {
    //! Invariant 9: `Display`, `FromStr` and serde agree for every enum.
    use std::fmt::Debug;
    use std::str::FromStr;

    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use strum::IntoEnumIterator;

    fn check<T>()
    where
        T: IntoEnumIterator
            + std::fmt::Display
            + FromStr
            + Serialize
            + DeserializeOwned
            + PartialEq
            + Debug
            + Copy,
        <T as FromStr>::Err: Debug,
    {
        let mut n = 0;
        for v in T::iter() {
            let code = v.to_string();
            assert!(code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'), "{code}");
            assert_eq!(code.parse::<T>().unwrap(), v);
            assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{code}\""));
            assert_eq!(serde_json::from_str::<T>(&format!("\"{code}\"")).unwrap(), v);
            n += 1;
        }
        assert!(n > 0);
    }

    #[test]
    fn every_vocabulary_round_trips() {
        use rouxing::*;
        check::<assess::Tier>();
        check::<assess::Modality>();
        check::<assess::Bar>();
        check::<assess::VersionChoice>();
        check::<assess::Duty>();
        check::<assess::DeadlineKind>();
        check::<assess::Rule>();
        check::<case::Facts>();
        check::<case::CrimeSuspicion>();
        check::<case::Gravity>();
        check::<case::Harm>();
        check::<case::Fault>();
        check::<case::Mitigating>();
        check::<case::Aggravating>();
        check::<case::Context>();
        check::<case::PriorOutcome>();
        check::<catalogue::Domain>();
        check::<catalogue::Sector>();
        check::<catalogue::ListOutcome>();
        check::<catalogue::Modal>();
        check::<decision::Disposition>();
        check::<decision::Procedure>();
        check::<decision::ReviewTrigger>();
        check::<law::Instrument>();
        check::<measure::PenaltyKind>();
        check::<measure::SoftMeasure>();
        check::<measure::Channel>();
        check::<measure::Document>();
        check::<measure::CorrectionKind>();
        check::<measure::GuardianOrder>();
        check::<measure::CoerciveMeasure>();
        check::<measure::Mechanism>();
        check::<money::AmountBase>();
        check::<party::MentalCapacity>();
        check::<party::PartyKindCode>();
        check::<regime::FirstViolationScope>();
        check::<regime::AggravationPolicy>();
    }

    #[test]
    fn legal_names_are_chinese() {
        for t in rouxing::Tier::ALL {
            assert!(!t.legal_name().is_ascii());
        }
        for k in rouxing::measure::PenaltyKind::ALL {
            assert!(!k.legal_name().is_ascii());
        }
    }
}
