//! Legal review (法制审核) triggers and the sources they cite:
//! 《中华人民共和国行政处罚法》第五十八条第一款 — "有下列情形之一，在行政机关负责人作出行政处罚的
//! 决定之前，应当由从事行政处罚决定法制审核的人员进行法制审核；未经法制审核或者审核未通过的，不得作出
//! 决定：（一）涉及重大公共利益的；（二）直接关系当事人或者第三人重大权益，经过听证程序的；（三）案件
//! 情况疑难复杂、涉及多个法律关系的；（四）法律、法规规定应当进行法制审核的其他情形。"
//!
//! Item (四) is for triggers set by 法律、法规. A county's own rule — the
//! Shandan plan's 四(三), a 重大执法决定法制审核目录 — cites that document,
//! and its absence is 不规范, not 违法.

use proptest::prelude::*;
use rouxing::case::{Case, Correction, Harm};
use rouxing::catalogue::Catalogue;
use rouxing::decision::{Decision, ReviewTrigger};
use rouxing::guard::{Finding, FindingCode, Severity};
use rouxing::law::{Citation, DocumentCitation, Instrument, Rank, Source};
use rouxing::measure::Document;
use rouxing::money::Money;
use rouxing::regime::LegalReviewSources;
use rouxing::{Regime, assess, recommend, review, strategy};

use crate::common::{AS_OF, case, catalogue, d, large_item, range_item};

const ART_58_4: Citation = Citation::apl(58).para(1).item(4);

fn cat() -> Catalogue {
    catalogue(vec![range_item("A"), large_item("LARGE")])
}

/// The recommended decision, with its legal review left out.
fn unreviewed(c: &Case, regime: &Regime) -> Decision {
    let mut dec = recommend(&assess(c, &cat(), regime, AS_OF()), regime);
    dec.documents.retain(|x| *x != Document::LegalReviewOpinion);
    dec.legal_review = None;
    dec
}

fn missing_review(c: &Case, regime: &Regime) -> Finding {
    let dec = unreviewed(c, regime);
    let r = review(c, &cat(), regime, &dec, None);
    r.findings.into_iter().find(|f| f.code == FindingCode::MissingLegalReview).expect("missing review")
}

/// 首违不罚 facts: a flexible (两轻一免) outcome is recommended.
fn first_violation() -> Case {
    case("A").harm(Harm::Slight).correction(Correction::Prompt { on: d(2025, 3, 12) }).build().unwrap()
}

/// A regime whose large-fine rule rests on a 地方性法规 (an example document).
fn regulation_regime() -> Regime {
    let mut r = Regime::shandan_sample();
    r.legal_review.all_lenient_decisions = false;
    r.legal_review.beyond_benchmark = false;
    r.legal_review.sources = LegalReviewSources {
        large_fine: Some(Source::Document(
            DocumentCitation::new("《某省行政执法条例》", "第二十条第二款", Rank::LocalRegulation).unwrap(),
        )),
        ..LegalReviewSources::default()
    };
    r
}

// ------------------------------------------------------ the county's own rules

#[test]
fn flexible_decision_cites_the_plan_not_item_4() {
    let regime = Regime::shandan_sample();
    let f = missing_review(&first_violation(), &regime);
    // "要将采取柔性执法方式和适用“两轻一免”情形的执法决定纳入重大执法决定法制审核范围" (四(三)): a
    // 规范性文件, not a 法律 or 法规 — irregular, citing the plan.
    assert_eq!(f.severity, Severity::Irregular);
    assert_eq!(f.citation, Citation::new(Instrument::ShandanFlexibleEnforcementPlan, 4).item(3));
    assert_ne!(f.citation, ART_58_4);
    let text = f.to_string();
    assert!(
        text.contains("《山丹县全面推行行政柔性执法进一步优化营商环境工作实施方案》第四部分第（三）项"),
        "{text}"
    );
    assert!(text.contains("纳入法制审核范围"), "{text}");
    assert!(!text.contains("第五十八条第一款第（四）项"), "{text}");
}

#[test]
fn large_fine_cites_the_review_catalogue() {
    let regime = Regime::shandan_sample();
    let c = case("LARGE").build().unwrap();
    let dec = unreviewed(&c, &regime);
    assert!(dec.duties.legal_review.contains(&ReviewTrigger::LargeFine), "{:?}", dec.duties);
    let f = missing_review(&c, &regime);
    assert_eq!(f.severity, Severity::Irregular);
    assert_eq!(f.citation.to_string(), "《重大执法决定法制审核目录》序号1");
    assert_eq!(f.citation.rank(), Rank::NormativeDocument);
    assert!(!f.to_string().contains("第五十八条"), "{f}");
    // The finding's JSON carries the document, and reads back.
    let json = serde_json::to_value(&f).unwrap();
    assert_eq!(json["citation"]["document"], "《重大执法决定法制审核目录》");
    assert_eq!(serde_json::from_value::<Finding>(json).unwrap(), f);
}

#[test]
fn beyond_benchmark_cites_item_6_with_its_words() {
    let s = Regime::shandan_sample().review_source(ReviewTrigger::BeyondBenchmark);
    assert_eq!(s.to_string(), "《重大执法决定法制审核目录》序号6");
    assert_eq!(s.quote(), Some("超出自由裁量权标准，拟作出减轻或加重处罚的"));
}

// ------------------------------------------ item (四): set by a 法律 or 法规

#[test]
fn a_rule_set_by_a_regulation_is_item_4_and_unlawful_when_skipped() {
    // "（四）法律、法规规定应当进行法制审核的其他情形": a 地方性法规 that requires the
    // review makes its omission unlawful; the finding cites the regulation and
    // names item (四).
    let regime = regulation_regime();
    assert!(ReviewTrigger::LargeFine.required_by_law(&regime));
    let f = missing_review(&case("LARGE").build().unwrap(), &regime);
    assert_eq!(f.severity, Severity::Unlawful);
    assert_eq!(f.citation.to_string(), "《某省行政执法条例》第二十条第二款");
    let text = f.explanation().to_string();
    assert!(text.contains("属于《中华人民共和国行政处罚法》第五十八条第一款第（四）项规定的情形"), "{text}");
    // The same rule in a 规章 is the agency's own: irregular.
    let mut rule = regime.clone();
    rule.legal_review.sources.large_fine = Some(Source::Document(
        DocumentCitation::new("《某市重大行政执法决定法制审核办法》", "第八条", Rank::Rule).unwrap(),
    ));
    assert!(!ReviewTrigger::LargeFine.required_by_law(&rule));
    let f = missing_review(&case("LARGE").build().unwrap(), &rule);
    assert_eq!(f.severity, Severity::Irregular);
    assert!(!f.explanation().to_string().contains("第（四）项"), "{f}");
}

#[test]
fn a_knob_without_a_source_cites_the_regime_itself() {
    let mut regime = Regime::shandan_sample();
    regime.legal_review.sources = LegalReviewSources::default();
    let s = regime.review_source(ReviewTrigger::LargeFine);
    assert_eq!(s.to_string(), "《shandan_sample》legal_review.fine_natural_person");
    assert_ne!(s, ART_58_4);
    assert!(!ReviewTrigger::LargeFine.required_by_law(&regime));
    // Without the plan as a source, the regime does not adopt the plan.
    assert!(!regime.adopts(Instrument::ShandanFlexibleEnforcementPlan));
}

// --------------------------------------------------------- the national regime

#[test]
fn national_regime_has_no_regime_trigger() {
    let regime = Regime::national();
    assert!(!regime.legal_review.all_lenient_decisions);
    assert!(
        regime.legal_review.fine_natural_person.is_none() && regime.legal_review.fine_organisation.is_none()
    );
    assert!(!regime.legal_review.beyond_benchmark);
    assert!(regime.legal_review.sources.is_empty());
    for c in [first_violation(), case("LARGE").build().unwrap()] {
        let dec = unreviewed(&c, &regime);
        assert!(dec.duties.legal_review.is_empty(), "{:?}", dec.duties);
        let r = review(&c, &cat(), &regime, &dec, None);
        assert!(!r.has(FindingCode::MissingLegalReview), "{r}");
    }
    for t in ReviewTrigger::ALL {
        assert_ne!(regime.review_source(*t), ART_58_4, "{t}");
    }
}

// ---------------------------------------------------------------- the loader

fn load(mutate: impl FnOnce(&mut serde_json::Value)) -> Result<Regime, String> {
    let mut v = serde_json::to_value(Regime::shandan_sample()).unwrap();
    mutate(&mut v);
    let text = serde_json::to_string_pretty(&v).unwrap();
    Regime::from_json_named("county.json", &text).map_err(|e| e.to_string())
}

#[test]
fn regime_json_carries_sources_and_old_documents_still_load() {
    let r = Regime::shandan_sample();
    let json = r.to_json();
    assert!(json.contains("\"sources\""), "{json}");
    assert_eq!(Regime::from_json(&json).unwrap(), r);
    // A document without `sources` (the earlier form) loads; its knobs cite
    // the regime by name.
    let old = load(|v| {
        v["legal_review"].as_object_mut().unwrap().remove("sources");
    })
    .unwrap();
    assert!(old.legal_review.sources.is_empty());
    assert_eq!(
        old.review_source(ReviewTrigger::FlexibleDecision).to_string(),
        "《shandan_sample》legal_review.all_lenient_decisions"
    );
    // The national regime writes no `sources`.
    assert!(!Regime::national().to_json().contains("\"sources\""));
}

#[test]
fn regime_loader_refuses_bad_sources() {
    // A source for a rule that is off.
    let e = load(|v| v["legal_review"]["beyond_benchmark"] = false.into()).unwrap_err();
    assert!(e.starts_with("county.json line "), "{e}");
    assert!(
        e.contains(
            "field `legal_review.sources.beyond_benchmark`: field `legal_review.sources.beyond_benchmark` names `《重大执法决定法制审核目录》序号6`, but the rule it is the source of is off"
        ),
        "{e}"
    );
    // Art. 58 itself as the source of a county rule.
    let e = load(|v| {
        v["legal_review"]["sources"]["large_fine"] =
            serde_json::json!({"instrument": "administrative_penalty_law", "eid": "art_58__para_1__point_4"});
    })
    .unwrap_err();
    assert!(
        e.contains("cites 《中华人民共和国行政处罚法》第五十八条 itself: item (四) needs the 法律 or 法规"),
        "{e}"
    );
    // A bundled provision rouxing does not carry.
    let e = load(|v| {
        v["legal_review"]["sources"]["flexible_decision"] =
            serde_json::json!({"instrument": "shandan_flexible_enforcement_plan", "eid": "sec_9__point_9"});
    })
    .unwrap_err();
    assert!(e.contains("whose text rouxing does not carry: cite it as a document"), "{e}");
    // A document not named in book-title marks: the field and a prefix of the value.
    let e = load(|v| {
        v["legal_review"]["sources"]["large_fine"]["document"] = "重大执法决定法制审核目录".into();
    })
    .unwrap_err();
    assert!(e.contains("field `legal_review.sources.large_fine`"), "{e}");
    assert!(e.contains("document `重大执法决定法制审核目录` must be named in book-title marks"), "{e}");
    // Both forms, or neither.
    let e = load(|v| {
        v["legal_review"]["sources"]["large_fine"]["eid"] = "art_1".into();
    })
    .unwrap_err();
    assert!(e.contains("a source is either `instrument` and `eid`"), "{e}");
    let e = load(|v| v["legal_review"]["sources"]["large_fine"] = serde_json::json!({})).unwrap_err();
    assert!(e.contains("a source is either `instrument` and `eid`"), "{e}");
    // A blank locator.
    let e = load(|v| v["legal_review"]["sources"]["large_fine"]["locator"] = " ".into()).unwrap_err();
    assert!(e.contains("document citation field `locator` must not be blank"), "{e}");
    // An unknown rank.
    let e = load(|v| v["legal_review"]["sources"]["large_fine"]["rank"] = "decree".into()).unwrap_err();
    assert!(e.contains("decree"), "{e}");
}

// ------------------------------------------------------------- the property

/// A regime from the strategy, with the sources of its regime rules varied:
/// none, the county's, or a document of any rank.
fn regime_with_sources() -> impl Strategy<Value = Regime> {
    let document = proptest::sample::select(Rank::ALL.to_vec()).prop_map(|rank| {
        Some(Source::Document(DocumentCitation::new("《某地法制审核规定》", "第三条", rank).unwrap()))
    });
    let choice = prop_oneof![Just(None), document];
    (strategy::regime(), any::<bool>(), any::<bool>(), choice.clone(), choice.clone(), choice).prop_map(
        |(mut r, lenient, fines, a, b, c)| {
            r.legal_review.all_lenient_decisions |= lenient;
            if fines {
                r.legal_review.fine_natural_person = Some(Money::yuan(10_000));
                r.legal_review.fine_organisation = Some(Money::yuan(100_000));
            }
            let p = &mut r.legal_review;
            let on = [
                p.all_lenient_decisions,
                p.fine_natural_person.is_some() || p.fine_organisation.is_some(),
                p.beyond_benchmark,
            ];
            let keep = |s: &mut Option<Source>, new: Option<Source>, on: bool| {
                if new.is_some() {
                    *s = new;
                }
                if !on {
                    *s = None;
                }
            };
            keep(&mut p.sources.flexible_decision, a, on[0]);
            keep(&mut p.sources.large_fine, b, on[1]);
            keep(&mut p.sources.beyond_benchmark, c, on[2]);
            r
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(128)))]

    /// Whatever the regime: no legal-review trigger cites Art. 58 ¶1 (四);
    /// a missing review cites the statute's item for (一)–(三) and the
    /// regime's own source otherwise, and is unlawful exactly when the law
    /// requires it (the statute's items, or a source of rank 法律 / 法规).
    #[test]
    fn prop_review_triggers_cite_their_own_source(
        regime in regime_with_sources(),
        (cat, case, _r, as_of) in strategy::assessment_inputs(),
    ) {
        prop_assert!(regime.validate().is_ok());
        let a = assess(&case, &cat, &regime, as_of);
        let mut dec = recommend(&a, &regime);
        for t in &dec.duties.legal_review {
            let s = regime.review_source(*t);
            prop_assert_ne!(&s, &ART_58_4);
            prop_assert_eq!(t.statute().is_some(), s.citation().is_some_and(|c| c.instrument() == Instrument::AdministrativePenaltyLaw));
        }
        dec.documents.retain(|x| *x != Document::LegalReviewOpinion);
        for f in review(&case, &cat, &regime, &dec, None).findings {
            prop_assert_ne!(&f.citation, &ART_58_4);
            if f.code != FindingCode::MissingLegalReview {
                continue;
            }
            let rouxing::guard::Detail::Trigger { trigger } = f.detail else {
                return Err(TestCaseError::fail(format!("detail of {f}")));
            };
            prop_assert_eq!(&f.citation, &regime.review_source(trigger));
            prop_assert_eq!(f.severity == Severity::Unlawful, trigger.required_by_law(&regime), "{}", f);
        }
        // Under the national regime no trigger is the regime's.
        let national = Regime::national();
        let d = recommend(&assess(&case, &cat, &national, as_of), &national);
        prop_assert!(d.duties.legal_review.iter().all(|t| t.statute().is_some()), "{:?}", d.duties);
    }
}
