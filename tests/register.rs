//! The list register (山丹县实施方案 六(一): 梳理报备 to 县司法局): filing, the check of
//! decisions against it and the list lint, and version differences.

use rouxing::catalogue::Catalogue;
use rouxing::register::{EntryField, Filing, ListVersion, Register, RegisterError, RegisterIssue, diff};
use rouxing::{Decision, Regime, assess, recommend};

use crate::common::d;

/// The bundled first-violation case: 首违不罚 under entry E122 of list
/// SRC-HN-AGRI-2023, decided on 2026-11-25.
fn decision() -> (Catalogue, Decision) {
    let catalogue = Catalogue::bundled().unwrap();
    let case =
        rouxing::Case::from_json(include_str!("../examples/data/cases/first-violation.json"), &catalogue)
            .unwrap();
    let regime = Regime::shandan_sample();
    let a = assess(&case, &catalogue, &regime, d(2026, 11, 25));
    let mut dec = recommend(&a, &regime);
    dec.decided_on = d(2026, 11, 25);
    assert_eq!(dec.reasons.entries.iter().map(|e| e.as_str()).collect::<Vec<_>>(), vec!["E122"]);
    (catalogue, dec)
}

fn version(adopted: (i32, u32, u32), filing: Filing) -> ListVersion {
    ListVersion {
        department: "HN-PJ-NYNCJ".parse().unwrap(),
        department_name: "平江县农业农村局".into(),
        source: "SRC-HN-AGRI-2023".parse().unwrap(),
        version: "2023版".into(),
        adopted_on: d(adopted.0, adopted.1, adopted.2),
        filing,
    }
}

fn filed(y: i32, m: u32, day: u32) -> Filing {
    Filing::Filed { authority: "平江县司法局".into(), on: d(y, m, day) }
}

fn issues(r: &Register) -> Vec<RegisterIssue> {
    let (catalogue, dec) = decision();
    r.check(&catalogue, &[dec]).into_iter().map(|f| f.issue).collect()
}

#[test]
fn a_decision_under_a_filed_list_passes() {
    let r = Register::new(vec![version((2023, 1, 1), filed(2023, 2, 1))]).unwrap();
    assert!(issues(&r).is_empty());
    assert!(r.unfiled(d(2026, 11, 25)).is_empty());
}

#[test]
fn a_decision_under_an_unfiled_list_is_flagged() {
    let r = Register::new(vec![version((2023, 1, 1), Filing::NotFiled)]).unwrap();
    assert_eq!(issues(&r), vec![RegisterIssue::Unfiled]);
    assert_eq!(r.unfiled(d(2026, 11, 25)).len(), 1);
    // Filed only after the decision: unfiled on the decision day.
    let r = Register::new(vec![version((2023, 1, 1), filed(2026, 12, 1))]).unwrap();
    assert_eq!(issues(&r), vec![RegisterIssue::Unfiled]);
    // Returned for revision: not filed.
    let r = Register::new(vec![version(
        (2023, 1, 1),
        Filing::Returned {
            authority: "平江县司法局".into(),
            on: d(2023, 2, 1),
            reason: "超出法定情形".into(),
        },
    )])
    .unwrap();
    assert_eq!(issues(&r), vec![RegisterIssue::Unfiled]);
    let (catalogue, dec) = decision();
    let f = &r.check(&catalogue, &[dec])[0];
    assert_eq!(f.version.as_deref(), Some("2023版"));
    assert!(f.to_string().contains("清单未报备"));
    assert!(f.issue.citation().quote().unwrap().contains("报备"));
}

#[test]
fn the_version_in_force_decides() {
    // 2023 version filed, 2026 version adopted in November and not filed.
    let mut v26 = version((2026, 11, 1), Filing::NotFiled);
    v26.version = "2026版".into();
    let r = Register::new(vec![v26, version((2023, 1, 1), filed(2023, 2, 1))]).unwrap();
    assert_eq!(issues(&r), vec![RegisterIssue::Unfiled]);
    assert_eq!(r.in_force(&"SRC-HN-AGRI-2023".parse().unwrap(), d(2026, 10, 31)).unwrap().version, "2023版");
    // A list adopted only after the decision.
    let r = Register::new(vec![version((2026, 12, 1), filed(2026, 12, 2))]).unwrap();
    assert_eq!(issues(&r), vec![RegisterIssue::NotYetAdopted]);
    // Not in the register at all.
    let r = Register::new(vec![]).unwrap();
    assert_eq!(issues(&r), vec![RegisterIssue::NotRegistered]);
}

#[test]
fn list_lint_is_carried_over() {
    // An entry whose condition has no machine test never applies: the
    // catalogue's lint (the one owner) reports it, the register carries it.
    let (catalogue, dec) = decision();
    let mut value: serde_json::Value = serde_json::from_str(&catalogue.to_json()).unwrap();
    for item in value["items"].as_array_mut().unwrap() {
        let Some(entries) = item.get_mut("entries").and_then(|e| e.as_array_mut()) else { continue };
        for e in entries {
            if e["id"] == "E122" {
                e["conditions"][0]["tests"] = serde_json::json!([]);
            }
        }
    }
    let linted = Catalogue::from_json(&value.to_string()).unwrap();
    let r = Register::new(vec![version((2023, 1, 1), filed(2023, 2, 1))]).unwrap();
    let out = r.check(&linted, &[dec]);
    assert_eq!(out.iter().map(|f| f.issue).collect::<Vec<_>>(), vec![RegisterIssue::ListLint]);
    let w = out[0].warning.as_deref().unwrap();
    assert!(w.contains("E122"), "{w}");
    assert!(linted.warnings(d(2026, 11, 25)).iter().any(|x| x.to_string() == w));
}

#[test]
fn register_errors_are_pinned() {
    let e = Register::new(vec![
        version((2023, 1, 1), Filing::NotFiled),
        version((2023, 1, 1), filed(2023, 2, 1)),
    ])
    .unwrap_err();
    assert_eq!(e.to_string(), "register: list `SRC-HN-AGRI-2023` has two versions adopted on 2023-01-01");
    let e = Register::new(vec![version((2023, 1, 1), filed(2022, 12, 1))]).unwrap_err();
    assert!(matches!(e, RegisterError::FiledBeforeAdoption { .. }));
    assert_eq!(
        e.to_string(),
        "register: list `SRC-HN-AGRI-2023` version `2023版` is filed on 2022-12-01 before its adoption on 2023-01-01"
    );
    let e = Register::from_json_named("r.json", r#"{"schema_version": 2, "versions": []}"#).unwrap_err();
    assert_eq!(e.to_string(), "r.json: field `schema_version`: unsupported schema version `2`, expected 1");
    let text = "{\"schema_version\": 1, \"versions\": [\n {\"department\": \"A\", \"department_name\": \"甲\", \"source\": \"S\", \"version\": \"v\", \"adopted_on\": \"2023-13-01\", \"filing\": {\"status\": \"not_filed\"}}]}";
    let e = Register::from_json_named("r.json", text).unwrap_err().to_string();
    assert!(e.starts_with("r.json line 2") && e.contains("versions[0].adopted_on"), "{e}");
}

#[test]
fn register_round_trips() {
    let r = Register::new(vec![version((2023, 1, 1), filed(2023, 2, 1))]).unwrap();
    let back = Register::from_json_named("r.json", &r.to_json()).unwrap();
    assert_eq!(back, r);
}

#[test]
fn diff_names_added_removed_and_changed_situations() {
    let old = Catalogue::bundled().unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&old.to_json()).unwrap();
    for item in value["items"].as_array_mut().unwrap() {
        let Some(entries) = item.get_mut("entries").and_then(|e| e.as_array_mut()) else { continue };
        // Remove E124, change E122's modal and conditions, add E122-B.
        entries.retain(|e| e["id"] != "E124");
        let mut added = None;
        for e in entries.iter_mut() {
            if e["id"] == "E122" {
                let flipped = if e["modal"] == "shall" { "may" } else { "shall" };
                e["modal"] = serde_json::json!(flipped);
                e["conditions"][0]["text"] = serde_json::json!("修改后的条件");
                let mut b = e.clone();
                b["id"] = serde_json::json!("E122-B");
                added = Some(b);
            }
        }
        if let Some(b) = added {
            entries.push(b);
        }
    }
    let new = Catalogue::from_json(&value.to_string()).unwrap();
    let all = diff(&old, &new, None);
    assert_eq!(all.added.iter().map(|e| e.entry.as_str()).collect::<Vec<_>>(), vec!["E122-B"]);
    assert_eq!(all.removed.iter().map(|e| e.entry.as_str()).collect::<Vec<_>>(), vec!["E124"]);
    assert_eq!(all.changed.len(), 1);
    assert_eq!(all.changed[0].entry.as_str(), "E122");
    assert_eq!(all.changed[0].fields, vec![EntryField::Modal, EntryField::Conditions]);
    let scoped = diff(&old, &new, Some(&"SRC-HN-AGRI-2023".parse().unwrap()));
    assert!(scoped.removed.is_empty() && scoped.added.len() == 1 && scoped.changed.len() == 1);
    assert!(all.to_string().starts_with("新增情形1项，删除1项，修改1项"));
    // Reversed, added and removed swap.
    let back = diff(&new, &old, None);
    assert_eq!((back.added.len(), back.removed.len(), back.changed.len()), (1, 1, 1));
}
