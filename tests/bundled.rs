//! The bundled sample catalogue and case files: each case shows one ground,
//! and decides as the table below says on its own `decision_date`, under the
//! national regime and the Shandan sample regime alike, with no finding of
//! the legality review.

use rouxing::assess::{Bar, Tier, VersionChoice};
use rouxing::calendar::ScheduleBasis;
use rouxing::catalogue::CatalogueWarning;
use rouxing::guard::FindingCode;
use rouxing::{Case, Catalogue, Regime, assess, recommend, review};

use crate::common::d;

const CASES: &[(&str, Option<Bar>, &[Tier], Tier)] = {
    use Tier::*;
    &[
        ("aggravated", None, &[Heavier], Heavier),
        ("art29-two-provisions", None, &[Ordinary], Ordinary),
        ("art32-mitigation", None, &[Mitigated, Lighter], Mitigated),
        ("art37-lighter-old-law", None, &[Ordinary], Ordinary),
        ("continuing-act", None, &[NoPenalty], NoPenalty),
        ("emergency-art49", None, &[Heavier], Heavier),
        ("facts-not-established", Some(Bar::FactsNotEstablished), &[NoPenalty], NoPenalty),
        ("first-violation", None, &[NoPenalty], NoPenalty),
        ("incapable", None, &[NoPenalty], NoPenalty),
        ("intermittent-normal", None, &[Ordinary], Ordinary),
        ("limitation-expired", Some(Bar::LimitationExpired), &[NoPenalty], NoPenalty),
        ("limitation-five-years", None, &[Ordinary], Ordinary),
        ("minor-16", None, &[Mitigated, Lighter], Mitigated),
        ("minor-no-harm", None, &[NoPenalty], NoPenalty),
        ("no-fault", None, &[NoPenalty], NoPenalty),
        ("ordinary", None, &[Ordinary], Ordinary),
        ("partial-capacity", None, &[Mitigated, Lighter, Ordinary], Mitigated),
        ("repeat-violation", None, &[Ordinary], Ordinary),
        ("suspected-crime", Some(Bar::SuspectedCrime), &[NoPenalty], NoPenalty),
        ("under-14", None, &[NoPenalty], NoPenalty),
    ]
};

fn load(name: &str, cat: &Catalogue) -> Case {
    let path = format!("{}/examples/data/cases/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    Case::from_json_named(&path, &text, cat).unwrap()
}

#[test]
fn every_bundled_case_decides_as_documented() {
    let cat = Catalogue::bundled().unwrap();
    for regime in [Regime::national(), Regime::shandan_sample()] {
        for (name, bar, lawful, recommended) in CASES {
            let case = load(name, &cat);
            let on = case.decision_date().unwrap_or_else(|| panic!("{name}: no decision_date"));
            let a = assess(&case, &cat, &regime, on);
            assert_eq!(a.bar, *bar, "{name}");
            let tiers: Vec<Tier> = a.lawful.iter().map(|o| o.tier).collect();
            assert_eq!(&tiers, lawful, "{name}");
            let dec = recommend(&a, &regime);
            assert_eq!(dec.tier, *recommended, "{name}");
            // the explanation cites only provisions rouxing carries
            for t in &a.trace {
                assert!(t.citation.is_known(), "{name}: {}", t.citation);
            }
            let explanation = a.explain().to_string();
            assert!(explanation.contains(&on.to_string()), "{name}: the explanation names its date");
            // decided on its own date, no case draws a finding: not 超过办案期限
            // (Art. 60), nor anything else
            let r = review(&case, &cat, &regime, &dec, None);
            assert!(r.findings.is_empty(), "{name} under {}: {:?}", regime.name, r.findings);
            // every deadline of a bundled case rests on the published schedule
            assert!(a.deadlines.iter().all(|d| d.basis == ScheduleBasis::Official), "{name}");
        }
    }
}

#[test]
fn the_art37_case_applies_the_old_law() {
    let cat = Catalogue::bundled().unwrap();
    let case = load("art37-lighter-old-law", &cat);
    let regime = Regime::national();
    let a = assess(&case, &cat, &regime, case.decision_date().unwrap());
    assert_eq!(a.version.as_ref().map(|v| v.choice), Some(VersionChoice::AtAct));
}

#[test]
fn decided_long_after_filing_the_review_reports_the_period() {
    // The same case decided a year after filing exceeds Art. 60's 90 days.
    let cat = Catalogue::bundled().unwrap();
    let case = load("ordinary", &cat);
    let regime = Regime::national();
    let a = assess(&case, &cat, &regime, d(2027, 3, 3));
    let dec = recommend(&a, &regime);
    let r = review(&case, &cat, &regime, &dec, None);
    assert!(r.findings.iter().any(|f| f.code == FindingCode::DecisionPeriodExceeded), "{:?}", r.findings);
}

#[test]
fn every_case_file_is_in_the_table() {
    let dir = format!("{}/examples/data/cases", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path().file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let table: Vec<&str> = CASES.iter().map(|c| c.0).collect();
    assert_eq!(names, table);
}

#[test]
fn the_bundled_catalogue_is_real_and_checkable() {
    let cat = Catalogue::bundled().unwrap();
    assert!(cat.len() >= 15, "at least 15 real items");
    assert!(cat.sources().len() >= 5);
    for w in cat.warnings(d(2026, 11, 25)) {
        assert!(
            !matches!(w, CatalogueWarning::UntestedCondition { .. } | CatalogueWarning::Overlap { .. }),
            "{w}"
        );
    }
    // every entry names a listed source with a title
    for item in cat.items() {
        for e in &item.entries {
            assert!(cat.source(&e.source).is_some_and(|s| !s.title.is_empty()), "{}", e.id);
        }
    }
    let back = Catalogue::from_json(&cat.to_json()).unwrap();
    assert_eq!(back, cat);
}

#[test]
fn the_first_violation_case_is_a_list_first_violation() {
    let cat = Catalogue::bundled().unwrap();
    let case = load("first-violation", &cat);
    let regime = Regime::shandan_sample();
    let a = assess(&case, &cat, &regime, case.decision_date().unwrap());
    let dec = recommend(&a, &regime);
    assert!(dec.education);
    assert!(dec.reasons.to_string().contains("首违不罚"));
    assert_eq!(dec.duties.legal_review.len(), 1, "the Shandan regime reviews every flexible decision");
}
