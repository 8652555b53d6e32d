//! Tests that pin rules of `src/guard.rs` which the mutation runs showed
//! unpinned (tests/mutation/LEDGER.md names the mutant each test kills).

use rouxing::case::Agency;
use rouxing::catalogue::Catalogue;
use rouxing::guard::{Finding, FindingCode, Review, Severity, review};
use rouxing::{Case, Decision, Regime, assess, recommend};

use crate::common::*;

/// A plain case (harm, not corrected: only 一般 is lawful) decided by a
/// competent agency, and its recommended decision.
fn plain() -> (Case, Catalogue, Decision) {
    let cat = catalogue(vec![range_item("A")]);
    let domain = cat.items().next().unwrap().domain;
    let agency = Agency { id: "AG-1".parse().unwrap(), name: "某市场监督管理局".into(), domain };
    let case = case("A").agency(agency).build().unwrap();
    let regime = Regime::national();
    let d = recommend(&assess(&case, &cat, &regime, AS_OF()), &regime);
    (case, cat, d)
}

/// The review with every finding's severity replaced by `severity`.
fn at(r: &Review, severity: Severity) -> Review {
    let findings = r.findings.iter().map(|f| Finding { severity, ..*f }).collect();
    Review { findings, ..r.clone() }
}

/// 行政处罚法 第五十八条 (legal review) passes a decision only when nothing
/// but advice is found: an irregular (不规范) or unlawful (违法) finding must
/// be remedied first. `Review::passes` is that test; `is_lawful` only asks
/// for the absence of 违法.
#[test]
fn only_advisory_findings_pass_legal_review() {
    let (case, cat, d) = plain();
    let regime = Regime::national();
    let clean = review(&case, &cat, &regime, &d, None);
    assert!(clean.findings.is_empty(), "{clean}");
    assert!(clean.passes() && clean.is_lawful());

    // 以罚代管: the correction order dropped (Art. 28 ¶1).
    let mut bad = d.clone();
    bad.correction = None;
    let unlawful = review(&case, &cat, &regime, &bad, None);
    assert!(unlawful.has(FindingCode::MissingCorrectionOrder), "{unlawful}");
    assert!(!unlawful.passes());
    assert!(!unlawful.is_lawful());

    let irregular = at(&unlawful, Severity::Irregular);
    assert!(!irregular.passes(), "an irregular finding does not pass legal review");
    assert!(irregular.is_lawful());

    let advisory = at(&unlawful, Severity::Advisory);
    assert!(advisory.passes(), "advice alone does not stop a decision");
    assert!(advisory.is_lawful());
}
