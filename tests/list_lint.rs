//! List lint (`Catalogue::warnings`): overlapping entries, entries that can
//! never apply, conditions no case satisfies, and entries more lenient than
//! the statute allows.

use proptest::prelude::*;
use rouxing::assess::{EntryResult, Why};
use rouxing::case::{Gravity, Harm};
use rouxing::catalogue::{BeyondStatuteReason, CatalogueWarning, NeverAppliesReason, Witness};
use rouxing::money::Money;
use rouxing::{Catalogue, assess, strategy};

use crate::common::d;

/// A catalogue with one item (fine 100–1000 yuan) and the given entries.
fn cat(entries: &str, extra: &str) -> Catalogue {
    let text = format!(
        r#"{{"schema_version": 2, "name": "测试", "sources": [{{"id": "S", "title": "测试清单", "issuer": "测试局"}}],
        "items": [{{"code": "A-1", "name": "n", "domain": "market_regulation", "authority": "市场监管部门",
        "penalty_provision": "p", "penalty": {{"sanctions": [{{"kind": "fine", "modal": "may",
        "fine": {{"kind": "range", "min": "100", "max": "1000"}}}}]}}{extra},
        "entries": [{entries}]}}]}}"#
    );
    Catalogue::from_json_named("lint.json", &text).unwrap()
}

fn entry(id: &str, outcome: &str, tests: &[&str], more: &str) -> String {
    let conditions: Vec<String> =
        tests.iter().map(|t| format!(r#"{{"text": "条件", "tests": [{t}]}}"#)).collect();
    format!(
        r#"{{"id": "{id}", "source": "S", "outcome": "{outcome}", "modal": "shall", "conditions": [{}]{more}}}"#,
        conditions.join(",")
    )
}

const PROMPT: &str = r#"{"test": "corrected_promptly"}"#;
const NO_HARM: &str = r#"{"test": "no_harm"}"#;
const SLIGHT: &str = r#"{"test": "harm_at_most_slight"}"#;
const MINOR: &str = r#"{"test": "minor"}"#;
const FIRST: &str = r#"{"test": "first_violation"}"#;

fn warnings(c: &Catalogue) -> Vec<CatalogueWarning> {
    c.warnings(d(2025, 6, 1))
}

#[test]
fn art_33_sentence_1_entry_is_within_the_statute() {
    // 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。
    let c = cat(&entry("E1", "no_penalty", &[MINOR, PROMPT, NO_HARM], ""), "");
    assert_eq!(warnings(&c), []);
}

#[test]
fn art_33_sentence_2_entry_is_within_the_statute() {
    // 初次违法且危害后果轻微并及时改正的，可以不予行政处罚。
    let c = cat(&entry("E1", "first_violation_no_penalty", &[FIRST, SLIGHT, PROMPT], ""), "");
    assert_eq!(warnings(&c), []);
}

#[test]
fn entry_without_harm_condition_exempts_beyond_art_33() {
    // A list that exempts any promptly corrected first violation, whatever the harm.
    let c = cat(&entry("E1", "first_violation_no_penalty", &[FIRST, PROMPT], ""), "");
    let w = warnings(&c);
    assert_eq!(
        w,
        [CatalogueWarning::BeyondStatute {
            entry: "E1".parse().unwrap(),
            reason: BeyondStatuteReason::NoPenaltyBeyondArt33 {
                example: Witness {
                    harm: Harm::Harmful,
                    corrected_promptly: true,
                    gravity: Gravity::Minor,
                    first_violation: true
                }
            },
        }]
    );
    assert_eq!(
        w[0].to_string(),
        "entry `E1` exempts beyond 《中华人民共和国行政处罚法》第三十三条第一款: its conditions also hold for harm `harmful`, corrected promptly, gravity `minor`, a first violation; assess applies it only where the statute allows"
    );
    // Without prompt correction neither sentence of Art. 33 ¶1 is met.
    let c = cat(&entry("E1", "no_penalty", &[NO_HARM, MINOR], ""), "");
    assert!(matches!(
        warnings(&c).as_slice(),
        [CatalogueWarning::BeyondStatute { reason: BeyondStatuteReason::NoPenaltyBeyondArt33 { example }, .. }]
            if !example.corrected_promptly
    ));
}

#[test]
fn a_fact_that_is_also_an_exclusion_can_never_be_met() {
    let fact = r#"{"test": "fact", "key": "in_zone"}"#;
    let more = r#", "exclusions": [{"exclusion": "fact", "key": "in_zone"}]"#;
    let c = cat(&entry("E1", "no_penalty", &[MINOR, PROMPT, NO_HARM, fact], more), "");
    let w = warnings(&c);
    assert_eq!(
        w,
        [
            CatalogueWarning::UnsatisfiableCondition { entry: "E1".parse().unwrap(), condition: 3 },
            CatalogueWarning::NeverApplies {
                entry: "E1".parse().unwrap(),
                reason: NeverAppliesReason::Contradictory
            },
        ]
    );
    assert_eq!(
        w[0].to_string(),
        "entry `E1` condition 4 can never be met: every case meeting its tests meets an exclusion of the entry"
    );
    // 告知承诺: a signed commitment required and excluded
    let more = r#", "exclusions": [{"exclusion": "context", "context": "commitment_signed"}]"#;
    let c = cat(&entry("E1", "lighten", &[r#"{"test": "commitment_signed"}"#], more), "");
    assert!(warnings(&c).contains(&CatalogueWarning::NeverApplies {
        entry: "E1".parse().unwrap(),
        reason: NeverAppliesReason::Contradictory
    }));
    // A first violation "ever" and the exclusion of a repeat are compatible.
    let more = r#", "exclusions": [{"exclusion": "repeat_violation"}]"#;
    let c = cat(
        &entry(
            "E1",
            "first_violation_no_penalty",
            &[r#"{"test": "first_violation", "window": "ever"}"#, SLIGHT, PROMPT],
            more,
        ),
        "",
    );
    assert_eq!(warnings(&c), []);
}

#[test]
fn an_entry_after_the_act_stopped_being_unlawful_never_applies() {
    let amend = r#", "amendments": [{"effective_from": "2024-01-01", "provision": "废止", "penalty": null}]"#;
    let more = r#", "effective_from": "2024-06-01""#;
    let c = cat(&entry("E1", "no_penalty", &[MINOR, PROMPT, NO_HARM], more), amend);
    assert_eq!(
        warnings(&c),
        [CatalogueWarning::NeverApplies {
            entry: "E1".parse().unwrap(),
            reason: NeverAppliesReason::NoLongerUnlawful
        }]
    );
    // in force before the repeal: fine
    let more = r#", "effective_from": "2023-06-01""#;
    let c = cat(&entry("E1", "no_penalty", &[MINOR, PROMPT, NO_HARM], more), amend);
    assert_eq!(warnings(&c), []);
}

#[test]
fn reduced_fines_stay_within_the_statute() {
    // 从轻 "在依法可以选择的处罚种类和处罚幅度内"; below the minimum is 减轻.
    let low = r#", "reduced_fine": {"kind": "range", "min": "50", "max": "300"}"#;
    let c = cat(&entry("E1", "lighten", &[PROMPT], low), "");
    assert_eq!(
        warnings(&c),
        [CatalogueWarning::BeyondStatute {
            entry: "E1".parse().unwrap(),
            reason: BeyondStatuteReason::LighterBelowMinimum {
                reduced: Money::yuan(50),
                minimum: Money::yuan(100)
            }
        }]
    );
    // A 减轻 entry may go below the minimum, but never by itself: it is
    // reported as needing a statutory 减轻 ground (Arts. 30-32).
    let needs_ground = CatalogueWarning::BeyondStatute {
        entry: "E1".parse().unwrap(),
        reason: BeyondStatuteReason::MitigationWithoutStatutoryGround,
    };
    let c = cat(&entry("E1", "mitigate", &[PROMPT], low), "");
    assert_eq!(warnings(&c), std::slice::from_ref(&needs_ground));
    let high = r#", "reduced_fine": {"kind": "up_to", "max": "2000"}"#;
    let c = cat(&entry("E1", "mitigate", &[PROMPT], high), "");
    let w = warnings(&c);
    assert_eq!(
        w,
        [
            needs_ground,
            CatalogueWarning::BeyondStatute {
                entry: "E1".parse().unwrap(),
                reason: BeyondStatuteReason::AboveMaximum {
                    reduced: Money::yuan(2000),
                    maximum: Money::yuan(1000)
                }
            }
        ]
    );
    assert!(w[1].to_string().contains("above the statutory maximum `¥1,000.00`"), "{}", w[1]);
    assert!(w[0].to_string().contains("第三十二条"), "{}", w[0]);
}

#[test]
fn overlapping_entries() {
    let a = entry("E1", "no_penalty", &[MINOR, PROMPT, NO_HARM], "");
    let b = entry("E2", "lighten", &[PROMPT], "");
    let c = cat(&format!("{a},{b}"), "");
    assert_eq!(
        warnings(&c),
        [CatalogueWarning::EntryOverlap {
            entry: "E1".parse().unwrap(),
            other: "E2".parse().unwrap(),
            same_outcome: false
        }]
    );
    // identical entries: one finding, on the later one
    let b = entry("E2", "no_penalty", &[MINOR, PROMPT, NO_HARM], "");
    let c = cat(&format!("{a},{b}"), "");
    let w = warnings(&c);
    assert_eq!(
        w,
        [CatalogueWarning::EntryOverlap {
            entry: "E2".parse().unwrap(),
            other: "E1".parse().unwrap(),
            same_outcome: true
        }]
    );
    assert_eq!(
        w[0].to_string(),
        "entry `E2` overlaps entry `E1`: every case it applies to, `E1` applies to as well (same outcome: a duplicate)"
    );
    // never in force on the same day: no overlap
    let a = entry("E1", "no_penalty", &[MINOR, PROMPT, NO_HARM], r#", "valid_until": "2022-12-31""#);
    let b = entry("E2", "no_penalty", &[MINOR, PROMPT, NO_HARM], r#", "effective_from": "2023-01-01""#);
    let c = cat(&format!("{a},{b}"), "");
    assert!(c.warnings(d(2020, 1, 1)).is_empty());
    // a 不予行政强制 entry does not overlap a penalty entry
    let a = entry("E1", "no_penalty", &[MINOR, PROMPT, NO_HARM], "");
    let b = entry("E2", "no_coercion", &[PROMPT], "");
    let c = cat(&format!("{a},{b}"), "");
    assert_eq!(warnings(&c), []);
}

/// The bundled sample catalogue's findings, each a property of the real
/// lists (examples/data/README.md explains them).
#[test]
fn bundled_catalogue_findings() {
    let cat = Catalogue::bundled().unwrap();
    let mut beyond: Vec<String> = Vec::new();
    let mut other: Vec<String> = Vec::new();
    for w in cat.warnings(d(2026, 11, 25)) {
        match &w {
            CatalogueWarning::BeyondStatute { entry, .. } => beyond.push(entry.to_string()),
            CatalogueWarning::UntestedCondition { .. }
            | CatalogueWarning::UnsatisfiableCondition { .. }
            | CatalogueWarning::NeverApplies { .. } => panic!("{w}"),
            _ => other.push(w.to_string()),
        }
    }
    assert_eq!(
        beyond,
        [
            "E097", "E099", "E100", "E058", "E060", "E064", "E066", "E068", "E073", "E074",
            // the 减轻 entries of the 巴中 list: they apply only with a
            // statutory 减轻 ground (Arts. 30-32)
            "E125-1", "E125-2", "E125-3", "E125-4", "E125-5", "E125-6"
        ]
    );
    assert!(other.contains(&"entry `E017-GD14` overlaps entry `E017`: every case it applies to, `E017` applies to as well (same outcome: a duplicate)".to_owned()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(256)))]

    /// The lint agrees with `assess`: an entry the lint says never applies
    /// is never applied, and an entry `assess` stops at the statute's floor
    /// (StatuteForbids) is one the lint reported as beyond the statute or as
    /// never applying.
    #[test]
    fn prop_lint_agrees_with_assess((cat, case, regime, as_of) in strategy::assessment_inputs()) {
        let warnings = cat.warnings(as_of);
        let a = assess(&case, &cat, &regime, as_of);
        let Some(item) = cat.get(case.item()) else { return Ok(()); };
        for t in &a.trace {
            let Why::Entry { index, result } = t.why else { continue };
            let Some(e) = item.entries.get(usize::from(index)) else { continue };
            let never = warnings.iter().any(|w| matches!(w, CatalogueWarning::NeverApplies { entry, .. } if *entry == e.id));
            let beyond = warnings.iter().any(|w| matches!(w,
                CatalogueWarning::BeyondStatute { entry, reason: BeyondStatuteReason::NoPenaltyBeyondArt33 { .. } } if *entry == e.id));
            if result == EntryResult::Applies {
                prop_assert!(!never, "{} applied but the lint says it never applies", e.id);
            }
            if result == EntryResult::StatuteForbids {
                prop_assert!(beyond || never, "{} stopped at the statute but the lint found nothing", e.id);
            }
        }
    }
}
