//! 守信激励机制 (山丹县实施方案 五(三)): "对诚信守法者在政府采购、财政补助、授予荣誉称号等方面予以
//! 支持和激励…因突发因素、非主观故意造成的过错行为，不影响信用监管、资格认定、优惠政策享受等".

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use rouxing::calendar::Period;
use rouxing::case::{Aggravating, Case, Context, Correction, Fault, Gravity, Harm};
use rouxing::catalogue::Catalogue;
use rouxing::decision::{Decision, Disposition, Procedure, Sanction};
use rouxing::law::{Citation, Instrument};
use rouxing::measure::{Document, Mechanism, PenaltyKind};
use rouxing::mechanism::CREDIT_INCENTIVE;
use rouxing::mechanism::credit::{
    self, CreditEffect, CreditError, CreditPolicy, CreditProfile, CreditRecord, EarlyStop,
    EarlyStopCondition, EarlyStopFacts, FaultCause, Incentive, IncentiveRequirement, Listing, ListingKind,
    NotPublishedReason, Protection, ProtectionBar, Publication, PublicationClass, Standing, SuddenFactor,
};
use rouxing::money::Money;
use rouxing::party::{PartyId, PartyKindCode};
use rouxing::{Regime, assess, recommend, strategy};

use crate::common::{catalogue, d, range_item};

fn cat() -> Catalogue {
    catalogue(vec![range_item("MR-1")])
}

fn harmful() -> Case {
    crate::common::case("MR-1").build().unwrap()
}

/// The recommendation for a harmful, uncorrected violation: an ordinary
/// fine of ¥5,500 (the middle of the 一般 band of ¥1,000–¥10,000).
fn penalty() -> Decision {
    let r = Regime::national();
    recommend(&assess(&harmful(), &cat(), &r, d(2025, 4, 1)), &r)
}

fn with_sanctions(mut dec: Decision, sanctions: Vec<Sanction>) -> Decision {
    dec.sanctions = sanctions.into();
    dec
}

fn fine(yuan: u64) -> Sanction {
    Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(yuan)) }
}

fn kind(k: PenaltyKind) -> Sanction {
    Sanction { kind: k, amount: None }
}

fn effect(case: &Case, dec: &Decision, cause: &FaultCause) -> CreditEffect {
    credit::effect(case, dec, cause, &CreditPolicy::default(), &Regime::national()).unwrap()
}

fn empty_profile() -> CreditProfile {
    CreditProfile::new(PartyId::new("ORG-1").unwrap(), PartyKindCode::LegalPerson, vec![], vec![]).unwrap()
}

fn record(id: &str, on: NaiveDate, standing: Standing) -> CreditRecord {
    CreditRecord {
        case_id: id.parse().unwrap(),
        item: Some("MR-1".parse().unwrap()),
        decided_on: on,
        standing,
        major_violation: false,
        protected: false,
        repaired_on: None,
    }
}

#[test]
fn publication_follows_the_samr_rule() {
    let dec = penalty();
    assert_eq!(dec.procedure, Procedure::Ordinary);
    // ¥5,500 is at most the default 较低数额 for an organisation (¥50,000).
    let e = effect(&harmful(), &dec, &FaultCause::Ordinary);
    let Publication::Published(p) = e.publication else { panic!("not published") };
    assert_eq!(p.class, PublicationClass::Short);
    assert_eq!(p.period, Period::Months(3));
    // Twenty working days after 2025-04-01: Qingming (04-04) is off, Sunday 04-27 is worked.
    assert_eq!(p.publish_by, d(2025, 4, 29));
    let s = p.schedule(d(2025, 4, 10)).unwrap();
    assert_eq!(s.window.end(), d(2025, 7, 10));
    assert_eq!(s.early_stop_from, None, "three months: no early stop before the natural end");
    assert!(e.counts_as_dishonesty);
    assert_eq!(e.record.standing, Standing::Penalty);

    // A large fine: three years, early stop after three months, repair too.
    let big = with_sanctions(dec.clone(), vec![fine(60_000)]);
    let Publication::Published(p) = effect(&harmful(), &big, &FaultCause::Ordinary).publication else {
        panic!()
    };
    assert_eq!(p.class, PublicationClass::Long);
    let s = p.schedule(d(2025, 4, 10)).unwrap();
    assert_eq!(s.window.end(), d(2028, 4, 10));
    assert_eq!(s.early_stop_from, Some(d(2025, 7, 11)));
    assert_eq!(s.repair_from, Some(d(2025, 7, 11)));

    // 通报批评: three months.
    let criticism = with_sanctions(dec.clone(), vec![kind(PenaltyKind::CirculatedCriticism)]);
    let Publication::Published(p) = effect(&harmful(), &criticism, &FaultCause::Ordinary).publication else {
        panic!()
    };
    assert_eq!(p.class, PublicationClass::Short);

    // Revocation: three years and no early stop (Art. 14 ¶3).
    let revoke = with_sanctions(dec.clone(), vec![fine(5_000), kind(PenaltyKind::RevokePermit)]);
    let e = effect(&harmful(), &revoke, &FaultCause::Ordinary);
    let Publication::Published(p) = e.publication else { panic!() };
    assert_eq!(p.class, PublicationClass::Long);
    assert_eq!(p.early_stop, EarlyStop::Barred { kind: PenaltyKind::RevokePermit });
    assert_eq!(p.schedule(d(2025, 4, 10)).unwrap().early_stop_from, None);
    assert!(e.major_violation);
    assert!(e.citations.contains(&Citation::new(Instrument::SamrPenaltyPublicityRules, 14).para(3)));
    assert!(e.citations.iter().all(|c| c.is_known()));
}

#[test]
fn what_is_not_published() {
    let dec = penalty();
    let reason = |dec: &Decision| match effect(&harmful(), dec, &FaultCause::Ordinary).publication {
        Publication::NotPublished { reason } => reason,
        other => panic!("published: {other:?}"),
    };
    // Warning only (Art. 2 ¶2).
    assert_eq!(
        reason(&with_sanctions(dec.clone(), vec![kind(PenaltyKind::Warning)])),
        NotPublishedReason::WarningOnly
    );
    // Summary procedure (Art. 2 ¶1: only ordinary procedure).
    let mut summary = with_sanctions(dec.clone(), vec![fine(100)]);
    summary.procedure = Procedure::Summary;
    assert_eq!(reason(&summary), NotPublishedReason::SummaryProcedure);
    // No penalty: not a 行政处罚, never 失信.
    let case = harmful()
        .to_builder()
        .gravity(Gravity::Minor)
        .harm(Harm::None)
        .correction(Correction::Prompt { on: d(2025, 3, 5) })
        .build()
        .unwrap();
    let r = Regime::national();
    let lenient = recommend(&assess(&case, &cat(), &r, d(2025, 4, 1)), &r);
    assert_eq!(lenient.disposition, Disposition::NoPenalty);
    let e = effect(&case, &lenient, &FaultCause::Ordinary);
    assert_eq!(e.publication, Publication::NotPublished { reason: NotPublishedReason::NoPenalty });
    assert!(!e.counts_as_dishonesty);
    assert_eq!(e.record.standing, Standing::NoPenalty);
    for r in NotPublishedReason::ALL {
        assert!(r.citation().is_known());
    }
}

#[test]
fn other_departments_publish_under_their_own_rules() {
    // The SAMR rule governs market regulation; an urban-management penalty is
    // published under Art. 48 and that department's rules.
    let mut dec = penalty();
    dec.domain = Some(rouxing::catalogue::Domain::UrbanManagement);
    let e = effect(&harmful(), &dec, &FaultCause::Ordinary);
    assert_eq!(
        e.publication,
        Publication::ByOtherRules { domain: Some(rouxing::catalogue::Domain::UrbanManagement) }
    );
    assert!(e.citations.contains(&Citation::apl(48).para(1)));
    assert_eq!(e.record.standing, Standing::Penalty);
    assert!(e.counts_as_dishonesty);
    let after = credit::apply(&e, &dec).unwrap();
    assert_eq!(after.documents, dec.documents);
    // A policy may extend the SAMR rule's reach.
    let mut policy = CreditPolicy::default();
    policy.samr_domains.push(rouxing::catalogue::Domain::UrbanManagement);
    let e = credit::effect(&harmful(), &dec, &FaultCause::Ordinary, &policy, &Regime::national()).unwrap();
    assert!(matches!(e.publication, Publication::Published(_)));
}

#[test]
fn a_warning_beside_a_low_fine_does_not_lengthen_publication() {
    let dec = with_sanctions(penalty(), vec![kind(PenaltyKind::Warning), fine(1_000)]);
    let Publication::Published(p) = effect(&harmful(), &dec, &FaultCause::Ordinary).publication else {
        panic!()
    };
    assert_eq!(p.class, PublicationClass::Short);
    // A confiscation is neither 通报批评 nor a fine: three years.
    let conf = with_sanctions(
        penalty(),
        vec![
            fine(1_000),
            Sanction { kind: PenaltyKind::ConfiscateIllegalGains, amount: Some(Money::yuan(10)) },
        ],
    );
    let Publication::Published(p) = effect(&harmful(), &conf, &FaultCause::Ordinary).publication else {
        panic!()
    };
    assert_eq!(p.class, PublicationClass::Long);
}

#[test]
fn a_fault_from_sudden_factors_is_protected() {
    // "因突发因素、非主观故意造成的过错行为，不影响信用监管、资格认定、优惠政策享受"
    let flood = FaultCause::Sudden {
        factor: SuddenFactor::NaturalDisaster,
        description: "暴雨致仓库断电，冷链记录中断".to_owned(),
    };
    let e = effect(&harmful(), &penalty(), &flood);
    assert_eq!(e.protection, Protection::Protected { factor: SuddenFactor::NaturalDisaster });
    assert!(!e.counts_as_dishonesty);
    assert!(e.record.protected);
    // The SAMR rule still decides publication: a county plan cannot stop it.
    assert!(matches!(e.publication, Publication::Published(_)));
    // The grade and every incentive stay as they were.
    let policy = CreditPolicy::default();
    let before = empty_profile();
    let after = before.with_record(e.record.clone()).unwrap();
    let on = d(2025, 6, 1);
    assert_eq!(after.grade(&policy, on), before.grade(&policy, on));
    assert_eq!(credit::incentives(&after, &policy, on), credit::incentives(&before, &policy, on));
    // Without the protection the same penalty lowers the grade and bars incentives.
    let plain = effect(&harmful(), &penalty(), &FaultCause::Ordinary);
    let hit = before.with_record(plain.record).unwrap();
    assert_eq!(hit.grade(&policy, on).grade.as_str(), "B");
    assert!(!credit::incentive(&hit, Incentive::FiscalSubsidy, &policy, on).granted);
    // Applying the effect marks the mechanism.
    let dec = credit::apply(&e, &penalty()).unwrap();
    assert!(dec.mechanisms.contains(&Mechanism::CreditIncentive));
    assert!(dec.documents.contains(&Document::CreditRepairNotice));
    assert_eq!(dec.sanctions, penalty().sanctions);
}

#[test]
fn protection_is_barred_for_intent_and_opportunism() {
    let flood =
        FaultCause::Sudden { factor: SuddenFactor::PublicHealth, description: "疫情封控".to_owned() };
    let bar = |c: Case| effect(&c, &penalty(), &flood).protection;
    assert_eq!(
        bar(harmful().to_builder().fault(Fault::Intentional).build().unwrap()),
        Protection::Barred { bar: ProtectionBar::Intentional }
    );
    assert_eq!(
        bar(harmful().to_builder().context(vec![Context::EmergencyOpportunism]).build().unwrap()),
        Protection::Barred { bar: ProtectionBar::Opportunism }
    );
    assert_eq!(
        bar(harmful().to_builder().aggravating(vec![Aggravating::EmergencyMeasures]).build().unwrap()),
        Protection::Barred { bar: ProtectionBar::EmergencyMeasures }
    );
    assert_eq!(effect(&harmful(), &penalty(), &FaultCause::Ordinary).protection, Protection::NotClaimed);
    assert_eq!(
        Protection::Protected { factor: SuddenFactor::Accident }.to_string(),
        "因事故灾难、非主观故意造成的过错，不影响信用监管、资格认定、优惠政策享受"
    );
}

#[test]
fn incentives_for_the_trustworthy() {
    // "在政府采购、财政补助、授予荣誉称号等方面予以支持和激励"
    let policy = CreditPolicy::default();
    let on = d(2025, 6, 1);
    let clean = empty_profile();
    for dec in credit::incentives(&clean, &policy, on) {
        assert!(dec.granted, "{}", dec.incentive);
        assert_eq!(dec.grade.as_str(), "A");
        assert!(dec.checks.iter().all(|c| c.citation.is_known()));
    }
    let proc = credit::incentive(&clean, Incentive::GovernmentProcurement, &policy, on);
    assert!(proc.checks.iter().any(|c| {
        c.requirement == IncentiveRequirement::NoMajorViolation
            && c.citation == Citation::new(Instrument::GovernmentProcurementLaw, 22).para(1).item(5)
    }));
    assert!(proc.checks.iter().any(|c| c.citation == CREDIT_INCENTIVE));

    // One published penalty a year ago: grade B; subsidies refused with reasons,
    // procurement and 容缺受理 still granted (B qualifies, no 重大违法记录).
    let one = clean.with_record(record("P-1", d(2024, 6, 1), Standing::Penalty)).unwrap();
    let decided = credit::incentives(&one, &policy, on);
    let get = |i: Incentive| decided.iter().find(|d| d.incentive == i).unwrap();
    let subsidy = get(Incentive::FiscalSubsidy);
    assert!(!subsidy.granted);
    let unmet: Vec<_> = subsidy.checks.iter().filter(|c| !c.met).map(|c| c.requirement).collect();
    assert_eq!(unmet, vec![IncentiveRequirement::GradeQualifies, IncentiveRequirement::NoCountedRecords]);
    assert!(subsidy.checks.iter().any(|c| c.detail == "信用等级B（信用风险一般），要求A"));
    assert!(!get(Incentive::GovernmentProcurement).granted, "a counted record bars procurement support");
    // Fewer inspections looks back one year only: the record is just outside.
    let later = credit::incentive(&one, Incentive::FewerInspections, &policy, d(2025, 6, 2));
    assert!(!later.granted, "grade B still fails");
    // Repaired: no longer counted.
    let mut repaired = record("P-1", d(2024, 6, 1), Standing::Penalty);
    repaired.repaired_on = Some(d(2024, 10, 1));
    let r = clean.with_record(repaired).unwrap();
    assert!(credit::incentives(&r, &policy, on).iter().all(|d| d.granted));

    // A 重大违法记录 bars procurement even when protected (the statute wins).
    let mut major = record("P-2", d(2024, 6, 1), Standing::Penalty);
    major.major_violation = true;
    major.protected = true;
    let m = clean.with_record(major).unwrap();
    let p = credit::incentive(&m, Incentive::GovernmentProcurement, &policy, on);
    assert!(!p.granted);
    assert!(p.checks.iter().any(|c| !c.met && c.requirement == IncentiveRequirement::NoMajorViolation));
    assert!(credit::incentive(&m, Incentive::FiscalSubsidy, &policy, on).granted);

    // Listed as seriously dishonest: grade D, every incentive refused.
    let listed = CreditProfile::new(
        PartyId::new("ORG-1").unwrap(),
        PartyKindCode::LegalPerson,
        vec![],
        vec![Listing { kind: ListingKind::SeriousDishonesty, from: d(2025, 1, 1), until: None }],
    )
    .unwrap();
    assert_eq!(listed.grade(&policy, on).grade.as_str(), "D");
    assert!(credit::incentives(&listed, &policy, on).iter().all(|d| !d.granted));
    // An incentive the policy does not offer.
    let mut few = CreditPolicy::default();
    few.incentives.retain(|r| r.incentive != Incentive::HonoraryTitle);
    let h = credit::incentive(&clean, Incentive::HonoraryTitle, &few, on);
    assert!(!h.granted);
    assert_eq!(h.checks[0].requirement, IncentiveRequirement::Offered);
}

#[test]
fn early_stop_conditions() {
    let big = with_sanctions(penalty(), vec![fine(60_000)]);
    let e = effect(&harmful(), &big, &FaultCause::Ordinary);
    let Publication::Published(plan) = e.publication else { panic!() };
    let profile = empty_profile().with_record(e.record.clone()).unwrap();
    let facts = EarlyStopFacts { performed: true, harm_eliminated: true };
    let checks =
        credit::early_stop(&plan, &e.record, d(2025, 4, 10), &profile, facts, d(2025, 8, 1)).unwrap();
    assert!(checks.iter().all(|c| c.met), "{checks:#?}");
    let early =
        credit::early_stop(&plan, &e.record, d(2025, 4, 10), &profile, facts, d(2025, 7, 10)).unwrap();
    assert_eq!(
        early.iter().filter(|c| !c.met).map(|c| c.requirement).collect::<Vec<_>>(),
        vec![EarlyStopCondition::MinimumPeriod]
    );
    // A repeat penalty for the same item, and an abnormal-operations listing.
    let repeat = profile.with_record(record("C-2", d(2025, 6, 1), Standing::Penalty)).unwrap();
    let listed = CreditProfile::new(
        repeat.party().clone(),
        repeat.kind(),
        repeat.records().to_vec(),
        vec![Listing {
            kind: ListingKind::AbnormalOperations,
            from: d(2025, 7, 1),
            until: Some(d(2025, 12, 31)),
        }],
    )
    .unwrap();
    let none = EarlyStopFacts { performed: false, harm_eliminated: false };
    let failed: Vec<_> = credit::early_stop(&plan, &e.record, d(2025, 4, 10), &listed, none, d(2025, 8, 1))
        .unwrap()
        .into_iter()
        .filter(|c| !c.met)
        .map(|c| c.requirement)
        .collect();
    assert_eq!(
        failed,
        vec![
            EarlyStopCondition::Performed,
            EarlyStopCondition::HarmEliminated,
            EarlyStopCondition::NoRepeat,
            EarlyStopCondition::NotListed
        ]
    );
}

#[test]
fn bad_input_is_an_error() {
    let policy = CreditPolicy::default();
    let r = Regime::national();
    let mut other = penalty();
    other.case_id = "C-9".parse().unwrap();
    assert_eq!(
        credit::effect(&harmful(), &other, &FaultCause::Ordinary, &policy, &r).unwrap_err().to_string(),
        "decision is for case `C-9` but the case is `C-1`"
    );
    let blank = FaultCause::Sudden { factor: SuddenFactor::Other, description: " ".into() };
    assert_eq!(
        credit::effect(&harmful(), &penalty(), &blank, &policy, &r).unwrap_err().to_string(),
        "field `cause.description` must not be empty"
    );
    let e = effect(&harmful(), &penalty(), &FaultCause::Ordinary);
    let Publication::Published(p) = e.publication else { panic!() };
    assert_eq!(
        p.schedule(d(2025, 3, 1)).unwrap_err().to_string(),
        "publication on `2025-03-01` is before the decision on `2025-04-01`"
    );
    assert_eq!(
        credit::apply(&e, &other).unwrap_err().to_string(),
        "decision is for case `C-9` but the case is `C-1`"
    );
    let dup = CreditProfile::new(
        PartyId::new("ORG-1").unwrap(),
        PartyKindCode::LegalPerson,
        vec![
            record("X", d(2024, 1, 1), Standing::NoPenalty),
            record("X", d(2024, 2, 1), Standing::NoPenalty),
        ],
        vec![],
    );
    assert_eq!(dup.unwrap_err().to_string(), "case `X` is recorded twice in the credit profile");
    let mut rec = record("Y", d(2024, 1, 1), Standing::Penalty);
    rec.repaired_on = Some(d(2023, 12, 1));
    assert_eq!(
        empty_profile().with_record(rec).unwrap_err().to_string(),
        "case `Y` is repaired on `2023-12-01`, before its decision on `2024-01-01`"
    );
    // A listing window with end before start.
    let json = r#"{"party": "ORG-1", "kind": "legal_person", "listings": [{"kind": "abnormal_operations", "from": "2025-02-01", "until": "2025-01-01"}]}"#;
    assert_eq!(
        CreditProfile::from_json_named("p.json", json).unwrap_err().to_string(),
        "p.json line 1 column 133, field `listings[0]`: window end `2025-01-01` is before its start `2025-02-01`"
    );
    let json = r#"{"grades": []}"#;
    assert!(CreditPolicy::from_json_named("policy.json", json).is_err());
    // Serializing does not validate; deserializing does.
    let mut bad = CreditPolicy::default();
    bad.grades.clear();
    let err = serde_json::from_str::<CreditPolicy>(&serde_json::to_string(&bad).unwrap()).unwrap_err();
    assert!(err.to_string().starts_with("credit policy has no grades"), "{err}");
    assert_eq!(
        CreditError::DateOutOfRange { from: d(2025, 1, 1) }.to_string(),
        "date arithmetic from `2025-01-01` leaves the supported range"
    );
    assert_eq!(
        CreditError::Zero { field: "grading_lookback" }.to_string(),
        "field `grading_lookback` must not be zero"
    );
}

#[test]
fn json_round_trips() {
    let e = effect(
        &harmful(),
        &penalty(),
        &FaultCause::Sudden { factor: SuddenFactor::Accident, description: "停电".into() },
    );
    let back: CreditEffect = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
    assert_eq!(back, e);
    let profile = empty_profile().with_record(e.record).unwrap();
    let back = CreditProfile::from_json_named("p", &serde_json::to_string(&profile).unwrap()).unwrap();
    assert_eq!(back, profile);
    let policy = CreditPolicy::default();
    let back = CreditPolicy::from_json_named("c", &serde_json::to_string_pretty(&policy).unwrap()).unwrap();
    assert_eq!(back, policy);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::common::cases(256), ..ProptestConfig::default() })]

    /// A protected fault never changes a credit grade or an incentive, and a
    /// no-penalty outcome never counts as 失信.
    #[test]
    fn prop_protected_fault_never_changes_a_grade(
        (cat, case, regime, as_of) in strategy::assessment_inputs(),
        earlier in proptest::collection::vec((0u64..2_000, 0u8..3), 0..4),
        later in 0u64..800,
    ) {
        let policy = CreditPolicy::default();
        let dec = recommend(&assess(&case, &cat, &regime, as_of), &regime);
        let records: Vec<CreditRecord> = earlier.iter().enumerate().map(|(i, (back, s))| CreditRecord {
            case_id: format!("E-{i}").parse().unwrap(),
            item: None,
            decided_on: as_of.checked_sub_days(Days::new(*back)).unwrap(),
            standing: [Standing::NoPenalty, Standing::LightPenalty, Standing::Penalty][usize::from(*s)],
            major_violation: false,
            protected: false,
            repaired_on: None,
        }).collect();
        let before = CreditProfile::new(case.party().id().clone(), case.party().kind_code(), records, vec![]).unwrap();
        let on = as_of.checked_add_days(Days::new(later)).unwrap();
        let cause = FaultCause::Sudden { factor: SuddenFactor::NaturalDisaster, description: "洪水".to_owned() };
        let e = credit::effect(&case, &dec, &cause, &policy, &regime).unwrap();
        let after = before.with_record(e.record.clone()).unwrap();
        if matches!(e.protection, Protection::Protected { .. }) || dec.disposition != Disposition::Penalty {
            prop_assert!(!e.counts_as_dishonesty);
            prop_assert_eq!(after.grade(&policy, on), before.grade(&policy, on));
            for i in Incentive::ALL {
                if *i != Incentive::GovernmentProcurement {
                    prop_assert_eq!(
                        credit::incentive(&after, *i, &policy, on).granted,
                        credit::incentive(&before, *i, &policy, on).granted
                    );
                }
            }
        }
        // Only intent, opportunism or breach of emergency measures bar the protection.
        let barred = case.fault() == Fault::Intentional
            || case.has_context(Context::EmergencyOpportunism)
            || case.aggravating().contains(&Aggravating::EmergencyMeasures);
        prop_assert_eq!(matches!(e.protection, Protection::Barred { .. }), barred);
    }

    /// Publication: never for a no-penalty outcome, a transfer, a summary
    /// decision or a warning alone; otherwise three months or three years.
    #[test]
    fn prop_publication_periods((cat, case, regime, as_of) in strategy::assessment_inputs()) {
        let dec = recommend(&assess(&case, &cat, &regime, as_of), &regime);
        let e = credit::effect(&case, &dec, &FaultCause::Ordinary, &CreditPolicy::default(), &regime).unwrap();
        let warning_only = dec.sanctions.iter().all(|s| s.kind == PenaltyKind::Warning);
        match e.publication {
            Publication::NotPublished { .. } => {
                prop_assert!(dec.disposition != Disposition::Penalty || dec.procedure == Procedure::Summary || warning_only);
                prop_assert!(e.record.standing != Standing::Penalty);
            }
            Publication::ByOtherRules { domain } => {
                prop_assert!(domain != Some(rouxing::catalogue::Domain::MarketRegulation));
                prop_assert_eq!(dec.disposition, Disposition::Penalty);
            }
            Publication::Published(p) => {
                prop_assert_eq!(dec.domain, Some(rouxing::catalogue::Domain::MarketRegulation));
                prop_assert_eq!(dec.disposition, Disposition::Penalty);
                prop_assert_eq!(dec.procedure, Procedure::Ordinary);
                prop_assert!(!warning_only);
                prop_assert!(p.period == Period::Months(3) || p.period == Period::Years(3));
                prop_assert!(p.publish_by > dec.decided_on);
                let s = p.schedule(p.publish_by).unwrap();
                prop_assert!(s.early_stop_from.is_none_or(|d| d <= s.window.end()));
            }
        }
        if dec.disposition != Disposition::Penalty {
            prop_assert!(!e.counts_as_dishonesty);
        }
    }
}

#[test]
fn more_round_trips() {
    let policy = CreditPolicy::default();
    let profile = empty_profile();
    for d in credit::incentives(&profile, &policy, d(2025, 6, 1)) {
        let back: credit::IncentiveDecision =
            serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(back, d);
    }
    let g = profile.grade(&policy, d(2025, 6, 1));
    let back: credit::GradeAssessment = serde_json::from_str(&serde_json::to_string(&g).unwrap()).unwrap();
    assert_eq!(back, g);
    let big = with_sanctions(penalty(), vec![fine(60_000)]);
    let Publication::Published(p) = effect(&harmful(), &big, &FaultCause::Ordinary).publication else {
        panic!()
    };
    let s = p.schedule(p.publish_by).unwrap();
    let back: credit::PublicationSchedule =
        serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(back, s);
    let cause: FaultCause =
        serde_json::from_str(r#"{"cause": "sudden", "factor": "natural_disaster", "description": "暴雪"}"#)
            .unwrap();
    assert!(matches!(cause, FaultCause::Sudden { factor: SuddenFactor::NaturalDisaster, .. }));
    assert!(serde_json::from_str::<FaultCause>(r#"{"cause": "sudden", "factor": "meteor"}"#).is_err());
}

/// A long history is checked in linear time; the case named is the first
/// that appears twice.
#[test]
fn a_long_history_names_the_repeated_case() {
    let mut records: Vec<CreditRecord> =
        (0..50_000).map(|i| record(&format!("P-{i}"), d(2024, 6, 1), Standing::Penalty)).collect();
    records.push(record("P-9", d(2024, 6, 1), Standing::Penalty));
    records.push(record("P-3", d(2024, 6, 1), Standing::Penalty));
    let e = CreditProfile::new(PartyId::new("ORG-1").unwrap(), PartyKindCode::LegalPerson, records, vec![])
        .unwrap_err();
    assert_eq!(e, CreditError::DuplicateRecord { case_id: "P-3".parse().unwrap() }, "{e}");
}
