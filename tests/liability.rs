//! The 免责清单 (山丹县实施方案 四(二)): for a decision later found wrong, whether
//! the conditions of each entry were met, recomputed from the decision.

use rouxing::assess::Tier;
use rouxing::liability::{Context, DutyCondition, DutyRecord, ErrorCause, ExemptionList, ExemptionListError};
use rouxing::register::{Filing, ListVersion, Register};
use rouxing::{Assessment, Catalogue, Decision, Regime, assess, recommend};

use crate::common::d;

fn setup() -> (Catalogue, Regime, Assessment, Decision) {
    let catalogue = Catalogue::bundled().unwrap();
    let case =
        rouxing::Case::from_json(include_str!("../examples/data/cases/first-violation.json"), &catalogue)
            .unwrap();
    let regime = Regime::shandan_sample();
    let a = assess(&case, &catalogue, &regime, d(2026, 11, 25));
    let dec = recommend(&a, &regime);
    (catalogue, regime, a, dec)
}

fn register(filed: bool) -> Register {
    Register::new(vec![ListVersion {
        department: "HN-PJ-NYNCJ".parse().unwrap(),
        department_name: "平江县农业农村局".into(),
        source: "SRC-HN-AGRI-2023".parse().unwrap(),
        version: "2023版".into(),
        adopted_on: d(2023, 1, 1),
        filing: if filed {
            Filing::Filed { authority: "平江县司法局".into(), on: d(2023, 2, 1) }
        } else {
            Filing::NotFiled
        },
    }])
    .unwrap()
}

fn record(dec: &Decision) -> DutyRecord {
    DutyRecord {
        review_passed_on: Some(dec.decided_on),
        collective_decided_on: None,
        notice_given_on: None,
        statement_waived: false,
        record_intact: true,
        found_wrong_on: d(2027, 3, 1),
        cause: ErrorCause::OfficerError,
        conflict_of_interest: false,
        corrected_on: Some(d(2027, 3, 10)),
    }
}

fn met(check: &rouxing::liability::LiabilityCheck) -> Vec<&str> {
    check.exempting().map(|e| e.entry.as_str()).collect()
}

#[test]
fn listed_and_filed_decision_in_good_faith_is_exempt() {
    let (catalogue, regime, a, dec) = setup();
    let reg = register(true);
    let cx = Context { catalogue: &catalogue, register: &reg, regime: &regime };
    let list = ExemptionList::sample().unwrap();
    let check = list.check(&a, &dec, &record(&dec), cx);
    // MZ-1 (filed list, lawful, record intact) and MZ-3 (reviewed, corrected
    // in 9 days; no collective decision needed); MZ-2 needs a cause outside
    // the officers.
    assert_eq!(met(&check), vec!["MZ-1", "MZ-3"]);
    assert!(check.exempt());
    let mz2 = &check.entries[1];
    let failed: Vec<DutyCondition> = mz2.conditions.iter().filter(|c| !c.met).map(|c| c.condition).collect();
    assert_eq!(failed, vec![DutyCondition::ErrorNotOfficers]);
    let text = check.to_string();
    assert!(
        text.contains("第四部分第（二）项第二句") && text.contains("[✓] 依照已公布并报备的清单作出"),
        "{text}"
    );
}

#[test]
fn unfiled_list_defeats_the_listed_situation() {
    let (catalogue, regime, a, dec) = setup();
    let reg = register(false);
    let cx = Context { catalogue: &catalogue, register: &reg, regime: &regime };
    let check = ExemptionList::sample().unwrap().check(&a, &dec, &record(&dec), cx);
    let c = &check.entries[0].conditions[0];
    assert_eq!(c.condition, DutyCondition::ListedSituation);
    assert!(!c.met && c.why.contains("清单未报备"), "{}", c.why);
    assert_eq!(met(&check), vec!["MZ-3"]);
}

#[test]
fn an_outcome_outside_the_lawful_set_defeats_every_entry_that_needs_it() {
    let (catalogue, regime, a, mut dec) = setup();
    // 从重 is not lawful on these facts (first violation, slight harm).
    dec.tier = Tier::Heavier;
    let reg = register(true);
    let cx = Context { catalogue: &catalogue, register: &reg, regime: &regime };
    let check = ExemptionList::sample().unwrap().check(&a, &dec, &record(&dec), cx);
    let lawful =
        check.entries[0].conditions.iter().find(|c| c.condition == DutyCondition::LawfulOutcome).unwrap();
    assert!(!lawful.met && lawful.why.contains("不在依法可以作出的处理之内"));
    assert!(!met(&check).contains(&"MZ-1"));
}

#[test]
fn bad_faith_or_late_correction_is_not_exempt() {
    let (catalogue, regime, a, dec) = setup();
    let reg = register(true);
    let cx = Context { catalogue: &catalogue, register: &reg, regime: &regime };
    let list = ExemptionList::sample().unwrap();
    let mut r = record(&dec);
    r.conflict_of_interest = true;
    assert!(!list.check(&a, &dec, &r, cx).exempt());
    let mut r = record(&dec);
    r.record_intact = false;
    r.corrected_on = Some(d(2027, 4, 1));
    assert!(!list.check(&a, &dec, &r, cx).exempt());
    // The party concealed facts: MZ-2 holds even without a list.
    let mut r = record(&dec);
    r.cause = ErrorCause::PartyConcealment;
    r.corrected_on = None;
    let reg = Register::new(vec![]).unwrap();
    let cx = Context { catalogue: &catalogue, register: &reg, regime: &regime };
    assert_eq!(met(&list.check(&a, &dec, &r, cx)), vec!["MZ-2"]);
    // A review required by the regime but missing defeats MZ-2.
    r.review_passed_on = None;
    assert!(!list.check(&a, &dec, &r, cx).exempt());
}

#[test]
fn exemption_list_errors_are_pinned() {
    let e = ExemptionList::from_json_named(
        "l.json",
        r#"{"schema_version": 1, "name": "n", "issuer": "i", "entries": [{"id": "A", "text": "t", "requires": []}]}"#,
    )
    .unwrap_err();
    assert!(matches!(e, ExemptionListError::NoConditions { .. }));
    assert_eq!(e.to_string(), "l.json: field `entries[0].requires`: entry `A` has no conditions");
    let e = ExemptionList::from_json_named(
        "l.json",
        r#"{"schema_version": 1, "name": "n", "issuer": "i", "entries": [{"id": "A", "text": "t", "requires": ["full_record"]}, {"id": "A", "text": "t", "requires": ["full_record"]}]}"#,
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "l.json: field `entries[1].id`: duplicate entry id `A`");
    let e = ExemptionList::from_json_named(
        "l.json",
        "{\"schema_version\": 1, \"name\": \"n\", \"issuer\": \"i\",\n \"entries\": [{\"id\": \"A\", \"text\": \"t\", \"requires\": [\"be_nice\"]}]}",
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.starts_with("l.json line 2") && e.contains("entries[0].requires[0]") && e.contains("be_nice"),
        "{e}"
    );
}

#[test]
fn a_cited_entry_that_does_not_apply_is_not_a_listed_situation() {
    let (catalogue, regime, mut a, dec) = setup();
    // The assessment found no list ground (say, the party was not a first
    // offender): the decision's own citation of E122 does not count.
    for o in &mut a.lawful {
        o.grounds.retain(|g| !matches!(g, rouxing::assess::Ground::ListEntry { .. }));
    }
    let reg = register(true);
    let cx = Context { catalogue: &catalogue, register: &reg, regime: &regime };
    let check = ExemptionList::sample().unwrap().check(&a, &dec, &record(&dec), cx);
    let c = &check.entries[0].conditions[0];
    assert!(!c.met && c.why.contains("E122") && c.why.contains("不适用"), "{}", c.why);
}

/// A long list is checked in linear time: the entry named is the first that
/// repeats an earlier id, at its own index, and a long id is quoted only as
/// a short prefix.
#[test]
fn a_long_list_names_the_first_repeated_id() {
    let long = "长".repeat(100);
    let mut entries: Vec<String> = (0..50_000)
        .map(|i| format!(r#"{{"id": "A-{i}", "text": "t", "requires": ["full_record"]}}"#))
        .collect();
    entries.push(format!(r#"{{"id": "{long}", "text": "t", "requires": ["full_record"]}}"#));
    entries.push(format!(r#"{{"id": "{long}", "text": "t", "requires": ["full_record"]}}"#));
    entries.push(r#"{"id": "A-7", "text": "t", "requires": ["full_record"]}"#.to_owned());
    let text =
        format!(r#"{{"schema_version": 1, "name": "n", "issuer": "i", "entries": [{}]}}"#, entries.join(","));
    let e = ExemptionList::from_json_named("l.json", &text).unwrap_err();
    match &e {
        ExemptionListError::DuplicateId { index, id, .. } => {
            assert_eq!(*index, 50_001);
            assert_eq!(*id, format!("{}…", "长".repeat(rouxing::ident::PREFIX_CHARS)));
        }
        other => panic!("{other}"),
    }
}
