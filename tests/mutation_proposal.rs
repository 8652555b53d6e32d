//! Tests that pin rules of `src/guard/proposal.rs` which the mutation runs
//! showed unpinned (tests/mutation/LEDGER.md names the mutant each test
//! kills).

use rouxing::case::{Agency, Context};
use rouxing::guard::{Omission, Proposal};
use rouxing::measure::Document;
use rouxing::money::Money;
use rouxing::{Regime, assess, recommend};

use crate::common::*;

fn proposal(officer: &str) -> Proposal {
    serde_json::from_str(&format!(r#"{{"officer": "{officer}"}}"#)).unwrap()
}

/// 行政处罚法 第五十八条第一款: legal review is a duty of the decision, and its
/// opinion (法制审核意见) a document of it. A proposal that omits the review
/// drops that one document and nothing else: the decision document, the
/// advance notice and the rest stay, in their order.
#[test]
fn an_omitted_duty_drops_its_own_document_only() {
    // A fine of at least ¥100,000 on an organisation is a 较大数额罚款: a
    // hearing notice (Art. 63 ¶1 (一)) and legal review (Art. 58 ¶1); complex
    // circumstances (情节复杂) add collective discussion (Art. 57 ¶2).
    let cat = catalogue(vec![large_item("A")]);
    let domain = cat.items().next().unwrap().domain;
    let agency = Agency { id: "AG-1".parse().unwrap(), name: "某市场监督管理局".into(), domain };
    let case = case("A").agency(agency).context(vec![Context::ComplexCircumstances]).build().unwrap();
    let regime = Regime::shandan_sample();
    let a = assess(&case, &cat, &regime, AS_OF());
    let rec = recommend(&a, &regime);
    for doc in [Document::LegalReviewOpinion, Document::HearingNotice, Document::CollectiveDiscussionRecord] {
        assert!(rec.documents.contains(&doc), "{doc:?} in {:?}", rec.documents);
    }
    for (omission, doc) in [
        (Omission::LegalReview, Document::LegalReviewOpinion),
        (Omission::HearingNotice, Document::HearingNotice),
        (Omission::CollectiveDecision, Document::CollectiveDiscussionRecord),
    ] {
        let mut p = proposal("OF-3");
        p.omit = vec![omission];
        let d = p.apply(&rec, &a, &regime);
        let expected: Vec<Document> = rec.documents.iter().copied().filter(|x| *x != doc).collect();
        assert_eq!(d.documents.iter().copied().collect::<Vec<_>>(), expected, "{omission:?}");
        assert!(expected.len() > 1 && expected.contains(&Document::PenaltyDecision), "{expected:?}");
    }
}

/// An override (改变建议) is recorded where the decided tier *or* the
/// decided fine differs from the recommendation (行政处罚法 第五条第二款: the
/// departure must be reasoned, so it must be seen); a proposal that changes
/// neither records none.
#[test]
fn an_override_is_a_changed_tier_or_a_changed_fine() {
    let cat = catalogue(vec![range_item("A")]);
    let regime = Regime::national();
    let a = assess(&case("A").build().unwrap(), &cat, &regime, AS_OF());
    let rec = recommend(&a, &regime);
    let fine = rec.fine().unwrap();

    // Nothing changed: no override.
    let same = proposal("OF-3").apply(&rec, &a, &regime);
    assert_eq!((same.tier, same.fine()), (rec.tier, rec.fine()));
    assert!(same.overridden.is_none(), "{:?}", same.overridden);

    // The same fine written out: still none.
    let mut p = proposal("OF-3");
    p.fine = Some(fine);
    assert!(p.apply(&rec, &a, &regime).overridden.is_none());

    // Only the fine changed, the tier kept: an override naming the
    // recommended fine.
    let mut p = proposal("OF-3");
    p.fine = Some(fine.checked_add(Money::yuan(500)).unwrap());
    let d = p.apply(&rec, &a, &regime);
    assert_eq!(d.tier, rec.tier);
    let o = d.overridden.expect("a changed fine is an override");
    assert_eq!((o.recommended, o.recommended_fine), (rec.tier, Some(fine)));
    assert_eq!(o.officer.as_str(), "OF-3");
}

/// A party whose capacity is not fully lost (行政处罚法 第三十一条第三句 "可以从轻或者减轻行政处罚"):
/// 减轻, 从轻 and 一般 are lawful, and the national regime recommends 从轻.
fn three_tiers() -> (rouxing::Assessment, rouxing::Decision, Regime) {
    let partial = rouxing::party::Party::natural_person(
        rouxing::party::PartyId::new("P-31").unwrap(),
        d(1990, 1, 1),
        rouxing::party::MentalCapacity::Partial,
    );
    let cat = catalogue(vec![range_item("A")]);
    let regime = Regime::national();
    let a = assess(&case("A").party(partial).build().unwrap(), &cat, &regime, AS_OF());
    let rec = recommend(&a, &regime);
    assert_eq!(a.lawful.len(), 3, "{:?}", a.lawful);
    assert_ne!(rec.tier, a.most_lenient(), "the recommendation is not the most lenient tier");
    (a, rec, regime)
}

/// The reasons say "the most lenient lawful outcome" (说明理由, 行政处罚法 第四十四条)
/// exactly where the proposal chose the first tier of a lawful set of more
/// than one, in a case with no bar: choosing 减轻 says so, choosing 一般 does
/// not.
#[test]
fn a_proposal_is_the_most_lenient_only_where_it_chose_the_first_of_several() {
    let (a, rec, regime) = three_tiers();
    assert!(a.bar.is_none());
    let mut p = proposal("OF-3");
    p.tier = Some(a.most_lenient());
    let lenient = p.apply(&rec, &a, &regime);
    assert_eq!(lenient.tier, a.most_lenient());
    assert!(lenient.reasons.most_lenient, "{:?}", lenient.reasons);

    p.tier = Some(a.least_lenient());
    let ordinary = p.apply(&rec, &a, &regime);
    assert_eq!(ordinary.tier, rouxing::assess::Tier::Ordinary);
    assert!(!ordinary.reasons.most_lenient, "{:?}", ordinary.reasons);
}

/// An override keeps the officer's reason as its note (说明理由); a reason of
/// blanks is no reason (行政处罚法 第五条第二款) and is not kept.
#[test]
fn an_override_keeps_a_written_reason_and_drops_a_blank_one() {
    let (a, rec, regime) = three_tiers();
    let mut p = proposal("OF-3");
    p.tier = Some(a.least_lenient());
    p.reason = Some("当事人拒不配合调查".into());
    let o = p.apply(&rec, &a, &regime).overridden.unwrap();
    assert_eq!(o.note.as_deref(), Some("当事人拒不配合调查"));

    p.reason = Some(" \u{3000}".into());
    let o = p.apply(&rec, &a, &regime).overridden.unwrap();
    assert_eq!(o.note, None);
}
