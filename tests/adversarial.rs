//! The guard tried as a reviewer would: edits an officer can make to a
//! recommended decision, each labelled lawful or unlawful from the edit type
//! alone (`strategy::OfficerEdit`), and one fixed example per bypass class.

use proptest::prelude::*;
use rouxing::assess::Tier;
use rouxing::case::{Agency, Case, Correction, EarlierFine, Gravity, Harm};
use rouxing::catalogue::Domain;
use rouxing::decision::{Disposition, Sanction};
use rouxing::guard::{FindingCode, Review, Severity, review};
use rouxing::law::Citation;
use rouxing::measure::PenaltyKind;
use rouxing::money::{Amounts, Money};
use rouxing::strategy::{self, OfficerEdit};
use rouxing::{Catalogue, Decision, Regime, assess, recommend};

use crate::common::{case, d};

fn bundled() -> Catalogue {
    Catalogue::bundled().unwrap()
}

fn agency(domain: Domain) -> Agency {
    Agency { id: "AG-1".parse().unwrap(), name: "某县执法机关".into(), domain }
}

/// A case on a bundled item, decided by a competent agency.
fn on(item: &str, domain: Domain) -> rouxing::case::CaseBuilder {
    case(item).agency(agency(domain))
}

fn recommended(case: &Case, cat: &Catalogue) -> Decision {
    let regime = Regime::national();
    recommend(&assess(case, cat, &regime, d(2025, 4, 1)), &regime)
}

fn checked(case: &Case, cat: &Catalogue, d: &Decision) -> Review {
    review(case, cat, &Regime::national(), d, None)
}

fn assert_unlawful(r: &Review, code: FindingCode, citation: Citation) {
    let f = r.get(code).unwrap_or_else(|| panic!("no {code} in\n{r}"));
    assert_eq!(f.severity, Severity::Unlawful, "{f}");
    assert_eq!(f.citation, citation, "{f}");
    assert!(f.citation.is_known());
}

fn edit(case: &Case, cat: &Catalogue, e: OfficerEdit) -> (Case, Decision) {
    let d = recommended(case, cat);
    assert!(checked(case, cat, &d).is_lawful(), "{}", checked(case, cat, &d));
    e.apply(case, cat, &d).unwrap_or_else(|| panic!("{e:?} does not apply"))
}

/// 《中华人民共和国行政处罚法》第十八条第三款: "限制人身自由的行政处罚权只能由公安机关和法律规定的其他
/// 机关行使。"
#[test]
fn detention_by_a_market_regulator() {
    let cat = bundled();
    let c = on("MR-PRICE-42", Domain::MarketRegulation).build().unwrap();
    let (c, d) = edit(&c, &cat, OfficerEdit::AddDetention);
    assert_unlawful(
        &checked(&c, &cat, &d),
        FindingCode::SanctionReservedToOtherOrgan,
        Citation::apl(18).para(3),
    );
}

/// A "从轻" fine of ¥0 is no fine (执法放水).
#[test]
fn zero_fine_is_not_lighter() {
    let cat = bundled();
    let c = on("FR-60-1-1", Domain::FireRescue).build().unwrap();
    let (c, d) = edit(&c, &cat, OfficerEdit::ZeroFine);
    assert_unlawful(&checked(&c, &cat, &d), FindingCode::TokenSanction, Citation::apl(76).para(1).item(2));
}

/// 第五十九条第一款第（三）项: the decision states "行政处罚的种类和依据"; a fine without its amount is
/// no decision on the fine.
#[test]
fn fine_without_amount() {
    let cat = bundled();
    let c = on("FR-60-1-1", Domain::FireRescue).build().unwrap();
    let (c, d) = edit(&c, &cat, OfficerEdit::ClearFineAmount);
    assert_unlawful(
        &checked(&c, &cat, &d),
        FindingCode::FineAmountUndetermined,
        Citation::apl(59).para(1).item(3),
    );
}

/// 第二十八条第二款: "当事人有违法所得，除依法应当退赔的外，应当予以没收。" Neither more nor less.
#[test]
fn confiscation_matches_the_gains() {
    let cat = bundled();
    let gains = Amounts { illegal_gains: Some(Money::yuan(800)), ..Amounts::default() };
    let c = on("MR-PRICE-42", Domain::MarketRegulation).amounts(gains).build().unwrap();
    let (c2, d) = edit(&c, &cat, OfficerEdit::InflateConfiscation);
    assert_unlawful(&checked(&c2, &cat, &d), FindingCode::ConfiscationMismatch, Citation::apl(28).para(2));
    // Gains that must be refunded are not confiscated.
    let refund = c.to_builder().gains_refundable(true).build().unwrap();
    let (c3, d) = edit(&refund, &cat, OfficerEdit::ConfiscateWithoutGains);
    assert_unlawful(&checked(&c3, &cat, &d), FindingCode::ConfiscationMismatch, Citation::apl(28).para(2));
    // A token confiscation in place of the fine the provision imposes.
    let c = on("FR-60-1-1", Domain::FireRescue).build().unwrap();
    let mut d = recommended(&c, &cat);
    d.sanctions =
        vec![Sanction { kind: PenaltyKind::ConfiscateIllegalGains, amount: Some(Money::yuan(1)) }].into();
    let r = checked(&c, &cat, &d);
    assert_unlawful(&r, FindingCode::ConfiscationMismatch, Citation::apl(28).para(2));
    assert_unlawful(&r, FindingCode::MandatorySanctionMissing, Citation::apl(76).para(1).item(2));
}

/// 第二十七条第一款, 第五十七条第一款第（四）项: transfer is for a suspected crime; without one it
/// is a way to drop the penalty and the correction order.
#[test]
fn transfer_without_suspected_crime() {
    let cat = bundled();
    let c = on("FR-60-1-1", Domain::FireRescue).build().unwrap();
    let (c, d) = edit(&c, &cat, OfficerEdit::FakeTransfer);
    let r = checked(&c, &cat, &d);
    assert_unlawful(&r, FindingCode::TransferWithoutSuspicion, Citation::apl(57).para(1).item(4));
    assert_unlawful(&r, FindingCode::MissingCorrectionOrder, Citation::apl(28).para(1));
}

/// 第十七条: competence is checked against the deciding agency; dropping it does not pass.
#[test]
fn stripped_agency() {
    let cat = bundled();
    let c = on("FR-60-1-1", Domain::FireRescue).build().unwrap();
    let (c, d) = edit(&c, &cat, OfficerEdit::StripAgency);
    assert_unlawful(&checked(&c, &cat, &d), FindingCode::AgencyMissing, Citation::apl(17));
}

/// 《中华人民共和国价格法》第四十二条 "没收违法所得，可以并处…罚款": 从轻 drops the optional fine, never
/// the confiscation. 《中华人民共和国食品安全法》第一百二十五条 "没收违法生产经营的食品…并处…罚款":
/// the fine and the confiscation of the goods stay in every tier but 减轻.
#[test]
fn mandatory_kinds_stay() {
    let cat = bundled();
    let goods = Amounts { goods_value: Some(Money::yuan(2_000)), ..Amounts::default() };
    let c = on("MR-FOOD-125-1-2", Domain::MarketRegulation).amounts(goods).build().unwrap();
    let d0 = recommended(&c, &cat);
    assert!(
        d0.sanctions.iter().any(|s| s.kind == PenaltyKind::ConfiscateIllegalProperty),
        "{:?}",
        d0.sanctions
    );
    let (c, d) = edit(&c, &cat, OfficerEdit::DropMandatoryKind);
    assert_unlawful(
        &checked(&c, &cat, &d),
        FindingCode::MandatorySanctionMissing,
        Citation::apl(76).para(1).item(2),
    );
    // 情节严重的，责令停产停业，直至吊销许可证: one of the two must be imposed.
    let serious = on("MR-FOOD-125-1-2", Domain::MarketRegulation)
        .amounts(goods)
        .gravity(Gravity::Serious)
        .harm(Harm::Serious)
        .build()
        .unwrap();
    let d = recommended(&serious, &cat);
    assert!(d.sanctions.iter().any(|s| s.kind == PenaltyKind::OrderSuspendProduction), "{:?}", d.sanctions);
    let mut stripped = d.clone();
    stripped.sanctions.retain(|s| s.kind != PenaltyKind::OrderSuspendProduction);
    assert_unlawful(
        &checked(&serious, &cat, &stripped),
        FindingCode::MandatorySanctionMissing,
        Citation::apl(76).para(1).item(2),
    );
}

/// 《危险化学品安全管理条例》第七十八条: "拒不改正的，处5万元以上10万元以下的罚款" — the escalated fine is
/// the band once the party refused.
#[test]
fn refusal_opens_the_escalated_fine() {
    let cat = bundled();
    let c = on("EM-HC-78-3", Domain::EmergencyManagement).correction(Correction::Refused).build().unwrap();
    let d = recommended(&c, &cat);
    let fine = d.fine().unwrap();
    assert!(fine >= Money::yuan(50_000) && fine <= Money::yuan(100_000), "{fine}");
    assert!(checked(&c, &cat, &d).is_lawful());
}

/// 第七十六条第一款第（二）项: a kind no provision of the act names; `also_violates` does not switch
/// the check off.
#[test]
fn unprescribed_kind_even_with_other_provisions() {
    let cat = bundled();
    let c = on("FR-60-1-1", Domain::FireRescue)
        .also_violates(vec!["FR-60-1-3".parse().unwrap()])
        .build()
        .unwrap();
    let (c, d) = edit(&c, &cat, OfficerEdit::AddUnprescribedKind);
    assert_unlawful(
        &checked(&c, &cat, &d),
        FindingCode::SanctionNotPrescribed,
        Citation::apl(76).para(1).item(2),
    );
}

/// 第二十九条: "对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚。" `recommend` proposes the other
/// kinds only; a second fine is unlawful.
#[test]
fn earlier_fine_of_the_same_act() {
    let cat = bundled();
    let earlier = EarlierFine {
        provision: "《某条例》第十条".into(),
        by: "某县城市管理综合执法局".into(),
        on: d(2025, 3, 12),
        amount: Money::yuan(2_000),
    };
    let c = on("MR-PRICE-42", Domain::MarketRegulation)
        .amounts(Amounts { illegal_gains: Some(Money::yuan(300)), ..Amounts::default() })
        .fined_before(earlier)
        .build()
        .unwrap();
    let d = recommended(&c, &cat);
    assert!(d.fine().is_none(), "{:?}", d.sanctions);
    assert!(d.sanctions.iter().any(|s| s.kind == PenaltyKind::ConfiscateIllegalGains));
    assert!(checked(&c, &cat, &d).is_lawful(), "{}", checked(&c, &cat, &d));
    let mut fined = d.clone();
    fined.sanctions.push(Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(1_000)) });
    assert_unlawful(&checked(&c, &cat, &fined), FindingCode::SecondFine, Citation::apl(29));
    let text = checked(&c, &cat, &fined).to_string();
    assert!(text.contains("2025-03-12被处以罚款"), "{text}");
}

/// `review` recomputes the assessment: an edited assessment handed to
/// `review_assessed` is not what the checked path reads.
#[test]
fn the_checked_path_ignores_an_edited_assessment() {
    let cat = bundled();
    let regime = Regime::national();
    let c = on("FR-60-1-1", Domain::FireRescue).build().unwrap();
    let mut a = assess(&c, &cat, &regime, d(2025, 4, 1));
    let d = recommend(&a, &regime);
    let mut lenient = d.clone();
    lenient.tier = Tier::NoPenalty;
    lenient.reasons.tier = Tier::NoPenalty;
    lenient.disposition = Disposition::NoPenalty;
    lenient.sanctions.clear();
    lenient.education = true;
    // Edit the assessment so that no penalty looks lawful.
    if let Some(o) = a.lawful.first_mut() {
        o.tier = Tier::NoPenalty;
    }
    assert!(!review(&c, &cat, &regime, &lenient, None).is_lawful());
}

fn with_agency(case: Case, cat: &Catalogue) -> Case {
    match (case.agency(), cat.get(case.item())) {
        (None, Some(item)) => case.to_builder().agency(agency(item.domain)).build().unwrap(),
        _ => case,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::common::cases(256), max_global_rejects: 1 << 20, ..ProptestConfig::default() })]

    /// `review` finds every unlawful edit with its code, and a lawful edit
    /// adds no finding.
    #[test]
    fn prop_review_finds_every_unlawful_edit(
        (cat, case, regime, as_of) in strategy::assessment_inputs(),
        e in strategy::officer_edit(),
    ) {
        let case = with_agency(case, &cat);
        let rec = recommend(&assess(&case, &cat, &regime, as_of), &regime);
        let Some((case2, edited)) = e.apply(&case, &cat, &rec) else { return Ok(()) };
        let before = review(&case, &cat, &regime, &rec, None);
        prop_assert!(before.is_lawful(), "{}", before);
        let notice = e.notice(&rec);
        let after = review(&case2, &cat, &regime, &edited, notice.as_ref());
        match e.expected() {
            Some(code) => {
                let f = after.get(code);
                prop_assert!(f.is_some_and(|f| f.severity == Severity::Unlawful), "{:?} not found:\n{}", e, after);
            }
            None => {
                prop_assert!(after.is_lawful(), "{:?}:\n{}", e, after);
                for f in &after.findings {
                    prop_assert!(before.findings.contains(f), "{:?} added {}", e, f);
                }
            }
        }
    }
}

/// Discretionary leniency on the safety baseline is a finding in `review`
/// itself: 首违不罚 (Art. 33 ¶1 sentence 2, 可以) on a hazardous-chemicals item.
/// A compulsory 不予 (Art. 33 ¶1 sentence 1) is never flagged for it.
#[test]
fn discretionary_leniency_on_the_safety_baseline() {
    let cat = bundled();
    let first = on("EM-HC-78-3", Domain::EmergencyManagement)
        .harm(Harm::Slight)
        .correction(Correction::Prompt { on: d(2025, 3, 12) })
        .build()
        .unwrap();
    let code = FindingCode::LeniencyOnSafetyBaseline;
    for (regime, severity, citation) in [
        (
            Regime::shandan_sample(),
            Severity::Irregular,
            Citation::new(rouxing::law::Instrument::ShandanFlexibleEnforcementPlan, 5).item(2),
        ),
        (Regime::national(), Severity::Advisory, Citation::apl(5).para(2)),
    ] {
        let dec = recommend(&assess(&first, &cat, &regime, d(2025, 4, 1)), &regime);
        assert_eq!(dec.tier, Tier::NoPenalty);
        let r = review(&first, &cat, &regime, &dec, None);
        let f = r.get(code).unwrap_or_else(|| panic!("{r}"));
        assert_eq!((f.severity, &f.citation), (severity, &citation.into()));
    }
    // 轻微不罚: no harm and corrected promptly — the law's own 不予.
    let minor = first.to_builder().harm(Harm::None).gravity(Gravity::Minor).build().unwrap();
    let regime = Regime::shandan_sample();
    let dec = recommend(&assess(&minor, &cat, &regime, d(2025, 4, 1)), &regime);
    assert_eq!(dec.tier, Tier::NoPenalty);
    assert!(!review(&minor, &cat, &regime, &dec, None).has(code));
}

/// 首违不罚 met, a penalty imposed without a word of why: 以罚代教.
#[test]
fn penalty_instead_of_education() {
    let cat = bundled();
    let c = on("SH-SR-23", Domain::UrbanManagement)
        .harm(Harm::Slight)
        .correction(Correction::Prompt { on: d(2025, 3, 12) })
        .build()
        .unwrap();
    let d0 = recommended(&c, &cat);
    assert_eq!(d0.tier, Tier::NoPenalty);
    let mut fined = d0.clone();
    fined.tier = Tier::Ordinary;
    fined.reasons.tier = Tier::Ordinary;
    fined.disposition = Disposition::Penalty;
    fined.education = false;
    fined.sanctions = vec![Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(500)) }].into();
    let r = checked(&c, &cat, &fined);
    let f = r.get(FindingCode::PenaltyInsteadOfEducation).unwrap_or_else(|| panic!("{r}"));
    assert_eq!(f.citation, Citation::apl(33).para(1).sentence(2));
    // Free text is no reason (说明理由 names the facts relied on).
    fined.reasons.officer_note = Some("当事人曾拒绝整改提示，不宜适用首违不罚".into());
    assert!(checked(&c, &cat, &fined).has(FindingCode::PenaltyInsteadOfEducation));
    // Close: an aggravating circumstance the case establishes, named.
    let c2 = c.to_builder().aggravating(vec![rouxing::case::Aggravating::Obstruction]).build().unwrap();
    assert_eq!(recommended(&c2, &cat).tier, Tier::NoPenalty);
    fined.reasons.circumstances =
        vec![rouxing::decision::Fact::Aggravating(rouxing::case::Aggravating::Obstruction)];
    let r = checked(&c2, &cat, &fined);
    assert!(!r.has(FindingCode::PenaltyInsteadOfEducation), "{r}");
    assert!(!r.has(FindingCode::CircumstanceNotEstablished), "{r}");
}

/// 第五十八条: the review is by a legal reviewer, not by the investigator; a
/// first-time reviewer holds 法律职业资格.
#[test]
fn who_reviewed() {
    let cat = bundled();
    let c = on("FR-60-1-1", Domain::FireRescue)
        .officers(vec!["OF-1".parse().unwrap(), "OF-2".parse().unwrap()])
        .build()
        .unwrap();
    let (c2, d) = edit(&c, &cat, OfficerEdit::ReviewByInvestigator);
    assert_unlawful(&checked(&c2, &cat, &d), FindingCode::ReviewerIsInvestigator, Citation::apl(58).para(1));
    let (c3, d) = edit(&c, &cat, OfficerEdit::UnqualifiedFirstReviewer);
    assert_unlawful(&checked(&c3, &cat, &d), FindingCode::ReviewerUnqualified, Citation::apl(58).para(2));
    let mut ok = recommended(&c, &cat);
    ok.legal_review = Some(Box::new(rouxing::decision::LegalReviewRecord {
        reviewer: "FZ-01".parse().unwrap(),
        qualified: true,
        first_review: true,
    }));
    let r = checked(&c, &cat, &ok);
    assert!(!r.has(FindingCode::ReviewerIsInvestigator) && !r.has(FindingCode::ReviewerUnqualified));
}

/// 第二十七条第一款 is a duty of its own: a suspected crime is transferred even
/// where the facts do not support an administrative penalty (Art. 40) or the
/// administrative rule no longer applies (Art. 37).
#[test]
fn transfer_survives_the_administrative_bars() {
    let cat = bundled();
    let c = on("FR-60-1-1", Domain::FireRescue)
        .facts(rouxing::case::Facts::NotEstablished)
        .crime(rouxing::case::CrimeSuspicion::Suspected)
        .build()
        .unwrap();
    let regime = Regime::national();
    let a = assess(&c, &cat, &regime, d(2025, 4, 1));
    assert_eq!(a.bar, Some(rouxing::assess::Bar::FactsNotEstablished));
    assert!(a.has_duty(rouxing::assess::Duty::TransferToJudiciary));
    let dec = recommend(&a, &regime);
    assert_eq!(dec.disposition, Disposition::Transfer);
    assert!(review(&c, &cat, &regime, &dec, None).is_lawful());
    let mut kept = dec.clone();
    kept.disposition = Disposition::NoPenalty;
    assert_unlawful(
        &review(&c, &cat, &regime, &kept, None),
        FindingCode::NoCriminalTransfer,
        Citation::apl(27).para(1),
    );
}

/// Reviews the edit on the Art. 44 notice it comes with.
fn on_notice(case: &Case, cat: &Catalogue, e: OfficerEdit) -> (Decision, Decision, Review) {
    let rec = recommended(case, cat);
    let (c2, d) = e.apply(case, cat, &rec).unwrap_or_else(|| panic!("{e:?} does not apply"));
    let notice = e.notice(&rec);
    let r = review(&c2, cat, &Regime::national(), &d, notice.as_ref());
    (rec, d, r)
}

/// 第四十五条第二款: "行政机关不得因当事人陈述、申辩而给予更重的处罚。" A kind added after the
/// statement keeps the tier label and the fine that a label comparison reads.
#[test]
fn a_kind_added_after_the_statement() {
    let cat = bundled();
    let c = on("MR-PRICE-42", Domain::MarketRegulation).build().unwrap();
    let (rec, d, r) = on_notice(&c, &cat, OfficerEdit::AddKindAfterStatement);
    assert_eq!((d.tier, d.fine()), (rec.tier, rec.fine()));
    assert_unlawful(&r, FindingCode::HeavierAfterStatement, Citation::apl(45).para(2));
    let (_, _, r) = on_notice(&c, &cat, OfficerEdit::RaiseFineAfterStatement);
    assert_unlawful(&r, FindingCode::HeavierAfterStatement, Citation::apl(45).para(2));
    let (_, _, r) = on_notice(&c, &cat, OfficerEdit::DecideOnNotice);
    assert!(r.findings.is_empty(), "{r}");
}

/// 第六十二条: a penalty without the Art. 44 notice, "当事人明确放弃陈述或者申辩权利的除外".
#[test]
fn a_penalty_decided_without_notice() {
    let cat = bundled();
    let c = on("MR-PRICE-42", Domain::MarketRegulation).build().unwrap();
    let (_, _, r) = on_notice(&c, &cat, OfficerEdit::DecideWithoutNotice);
    assert_unlawful(&r, FindingCode::NoticeMissing, Citation::apl(62));
    let (_, _, r) = on_notice(&c, &cat, OfficerEdit::DecideOnWaiver);
    assert!(r.findings.is_empty(), "{r}");
}

/// 第四十四条: a heavier penalty on facts found after the notice is notified
/// afresh.
#[test]
fn heavier_on_new_facts_without_a_fresh_notice() {
    let cat = bundled();
    let c = on("MR-PRICE-42", Domain::MarketRegulation).build().unwrap();
    let (_, d, r) = on_notice(&c, &cat, OfficerEdit::HeavierOnNewFacts);
    assert!(!d.new_facts.is_empty());
    assert_unlawful(&r, FindingCode::FreshNoticeMissing, Citation::apl(44));
    assert!(!r.has(FindingCode::HeavierAfterStatement), "{r}");
}

/// 第六十二条: "拒绝听取当事人的陈述、申辩，不得作出行政处罚决定".
#[test]
fn decided_before_the_party_answered() {
    let cat = bundled();
    let c = on("MR-PRICE-42", Domain::MarketRegulation).build().unwrap();
    let (_, _, r) = on_notice(&c, &cat, OfficerEdit::DecideBeforeAnswer);
    assert_unlawful(&r, FindingCode::DecidedBeforeStatement, Citation::apl(62));
}

/// A case listing 100,001 officers, one of them twice, is refused naming the
/// repeated officer, without a quadratic scan (the pairwise check took most
/// of a minute on this input).
#[test]
fn many_officers_one_repeated_are_refused_in_linear_time() {
    let mut officers: Vec<rouxing::case::OfficerId> =
        (0..100_000).map(|i| format!("O-{i}").parse().unwrap()).collect();
    officers.push("O-0".parse().unwrap());
    let err = case("FR-60-1-1").officers(officers.clone()).build().unwrap_err();
    assert_eq!(err, rouxing::case::CaseError::Duplicate { field: "officers", value: "O-0".into() }, "{err}");
    officers.pop();
    assert!(case("FR-60-1-1").officers(officers).build().is_ok());
}
