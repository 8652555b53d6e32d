//! Tests that pin rules of `src/guard/proposal.rs` which the mutation runs
//! showed unpinned (tests/mutation/LEDGER.md names the mutant each test
//! kills).

use rouxing::assess::Tier;
use rouxing::case::{Agency, Context};
use rouxing::guard::{Omission, Proposal};
use rouxing::measure::{Document, SoftMeasure};
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
    assert_eq!(ordinary.tier, Tier::Ordinary);
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

/// A 从轻 list entry (可以) for item "A", corrected within the period set,
/// that names 说服教育 as a supporting measure (配套措施): 从轻 and 一般 lawful,
/// 从轻 recommended with the entry among its grounds.
fn listed() -> (rouxing::Assessment, rouxing::Decision, Regime) {
    use rouxing::catalogue::{ListOutcome, Modal};
    let mut i = range_item("A");
    i.entries.push(rouxing::catalogue::ListEntry {
        supporting_measures: vec![SoftMeasure::PersuasionEducation],
        ..entry_when_corrected("A-E1", ListOutcome::Lighten, Modal::May)
    });
    let cat = listed_catalogue_of(vec![i]);
    let c = case("A").correction(rouxing::case::Correction::Prompt { on: d(2025, 3, 20) }).build().unwrap();
    let regime = Regime::national();
    let a = assess(&c, &cat, &regime, AS_OF());
    let rec = recommend(&a, &regime);
    assert_eq!(rec.tier, Tier::Lighter, "{rec:?}");
    assert_eq!(rec.reasons.entries.iter().map(|e| e.as_str()).collect::<Vec<_>>(), ["A-E1"]);
    assert_eq!(educations(&rec), 1, "{:?}", rec.soft_measures);
    (a, rec, regime)
}

/// A proposal takes the reasons of the tier it chooses from the lawful set
/// (说明理由, 行政处罚法 第四十四条): that tier's grounds and fine band, and the
/// list entries among those grounds named by id. Here the 一般 option, too,
/// rests on the entry (a 可以 entry leaves 一般 open), so choosing 一般 names it.
#[test]
fn a_proposal_names_the_list_entries_of_the_tier_it_chose() {
    let (a, rec, regime) = listed();
    let mut p = proposal("OF-3");
    p.tier = Some(Tier::Ordinary);
    let ordinary = p.apply(&rec, &a, &regime);
    let option = a.option(Tier::Ordinary).unwrap();
    assert_eq!(ordinary.reasons.grounds, option.grounds);
    assert_eq!(ordinary.reasons.fine_band, option.fine_band);
    assert_eq!(ordinary.reasons.entries.iter().map(|e| e.as_str()).collect::<Vec<_>>(), ["A-E1"]);
}

/// 不予处罚 chosen by a proposal adds 说服教育 (行政处罚法 第三十三条第三款:
/// "对当事人进行教育") in front of the soft measures, once: a measure the
/// recommendation already holds is not added a second time.
#[test]
fn a_proposal_of_no_penalty_educates_once() {
    let (a, rec, regime) = listed();
    let mut p = proposal("OF-3");
    p.tier = Some(Tier::NoPenalty);
    let d = p.apply(&rec, &a, &regime);
    assert!(d.education && d.sanctions.is_empty());
    assert_eq!(educations(&d), 1, "{:?}", d.soft_measures);

    // A recommendation without it gets it, first.
    let (a, rec, regime) = three_tiers();
    assert!(!rec.soft_measures.contains(&SoftMeasure::PersuasionEducation));
    let d = p.apply(&rec, &a, &regime);
    assert!(d.education);
    assert_eq!(d.soft_measures.first(), Some(&SoftMeasure::PersuasionEducation));
    assert_eq!(educations(&d), 1, "{:?}", d.soft_measures);
}

fn educations(d: &rouxing::Decision) -> usize {
    d.soft_measures.iter().filter(|m| **m == SoftMeasure::PersuasionEducation).count()
}

/// 首违不罚 in the sample regime: 不予处罚 recommended with 说服教育 and the
/// 不罚只纠正 mechanism among others.
fn first_violation() -> (rouxing::Assessment, rouxing::Decision, Regime) {
    use rouxing::case::{Correction, Harm};
    let cat = catalogue(vec![range_item("A")]);
    let c =
        case("A").harm(Harm::Slight).correction(Correction::Prompt { on: d(2025, 3, 12) }).build().unwrap();
    let regime = Regime::shandan_sample();
    let a = assess(&c, &cat, &regime, AS_OF());
    let rec = recommend(&a, &regime);
    assert_eq!(rec.tier, Tier::NoPenalty);
    (a, rec, regime)
}

/// A proposal that turns 不予处罚 into a penalty drops what belongs to 不予处罚
/// only — 说服教育 (第三十三条第三款) and 不罚只纠正 — and keeps every other soft
/// measure and mechanism (the plan's 柔性措施 stay available beside a penalty).
#[test]
fn a_proposal_of_a_penalty_drops_only_what_belongs_to_no_penalty() {
    use rouxing::measure::Mechanism;
    let (a, rec, regime) = first_violation();
    assert!(rec.soft_measures.contains(&SoftMeasure::PersuasionEducation), "{:?}", rec.soft_measures);
    assert!(rec.mechanisms.contains(&Mechanism::CorrectionOnly), "{:?}", rec.mechanisms);
    let mut p = proposal("OF-3");
    p.tier = Some(Tier::Ordinary);
    let d = p.apply(&rec, &a, &regime);
    let soft: Vec<_> =
        rec.soft_measures.iter().copied().filter(|m| *m != SoftMeasure::PersuasionEducation).collect();
    assert_eq!(d.soft_measures.iter().copied().collect::<Vec<_>>(), soft);
    let mechanisms: Vec<_> =
        rec.mechanisms.iter().copied().filter(|m| *m != Mechanism::CorrectionOnly).collect();
    assert_eq!(d.mechanisms.iter().copied().collect::<Vec<_>>(), mechanisms);
    assert!(!soft.is_empty(), "{soft:?}");

    // Omitting the education drops 说服教育 alone, too.
    let mut p = proposal("OF-3");
    p.omit = vec![Omission::Education];
    let d = p.apply(&rec, &a, &regime);
    assert!(!d.education);
    assert_eq!(d.soft_measures.iter().copied().collect::<Vec<_>>(), soft);
}

/// Omitting the confiscation of illegal gains (第二十八条第二款) drops that
/// sanction and keeps the fine.
#[test]
fn an_omitted_confiscation_drops_that_sanction_only() {
    use rouxing::measure::PenaltyKind;
    use rouxing::money::Amounts;
    let cat = catalogue(vec![range_item("A")]);
    let amounts = Amounts { illegal_gains: Some(Money::yuan(800)), ..Amounts::default() };
    let c = case("A").amounts(amounts).build().unwrap();
    let regime = Regime::national();
    let a = assess(&c, &cat, &regime, AS_OF());
    let rec = recommend(&a, &regime);
    let kinds = |d: &rouxing::Decision| d.sanctions.iter().map(|s| s.kind).collect::<Vec<_>>();
    assert!(kinds(&rec).contains(&PenaltyKind::ConfiscateIllegalGains), "{:?}", rec.sanctions);
    let mut p = proposal("OF-3");
    p.omit = vec![Omission::Confiscation];
    let d = p.apply(&rec, &a, &regime);
    let rest: Vec<_> =
        kinds(&rec).into_iter().filter(|k| *k != PenaltyKind::ConfiscateIllegalGains).collect();
    assert_eq!(kinds(&d), rest);
    assert!(rest.contains(&PenaltyKind::Fine));
}
