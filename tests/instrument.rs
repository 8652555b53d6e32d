//! 柔性执法文书 (山丹县实施方案 四(四)): every instrument rendered from a decision
//! carries each element the law requires of it.

use chrono::NaiveDate;
use proptest::prelude::*;
use rouxing::case::{Agency, Case, Correction, Gravity, Harm};
use rouxing::catalogue::{Catalogue, Domain};
use rouxing::decision::Sanction;
use rouxing::instrument::{
    Context, Field, Hearing, Instrument, InstrumentKind, Officer, Particulars, RenderError, ReviewOpinion,
    TemplateSet,
};
use rouxing::measure::PenaltyKind;
use rouxing::money::{FineRule, Money};
use rouxing::party::{MentalCapacity, Party, PartyId};
use rouxing::{Decision, Regime, assess, recommend};

use crate::common::{self, d};

fn agency() -> Agency {
    Agency {
        id: "SD-SCJG".parse().unwrap(),
        name: "山丹县市场监督管理局".into(),
        domain: Domain::MarketRegulation,
    }
}

fn templates() -> TemplateSet {
    TemplateSet::standard().unwrap()
}

/// Every required element is rendered, non-empty, and appears in the text.
fn assert_complete(doc: &Instrument) {
    let text = doc.to_text();
    assert!(text.starts_with(doc.kind.legal_name()), "{text}");
    for f in doc.kind.required() {
        let v = doc.element(*f).unwrap_or_else(|| panic!("{}: {f} not rendered", doc.kind));
        assert!(!v.trim().is_empty(), "{}: {f} empty", doc.kind);
        assert!(text.contains(v), "{}: {f} not in text", doc.kind);
    }
    assert!(!text.contains('{') && !text.contains('}'), "unfilled placeholder in {text}");
}

/// The bundled 首违不罚 case, decided under the county's regime (every
/// lenient decision is legally reviewed).
fn no_penalty() -> (Catalogue, Case, Regime, Decision) {
    let catalogue = Catalogue::bundled().unwrap();
    let case =
        Case::from_json(include_str!("../examples/data/cases/first-violation.json"), &catalogue).unwrap();
    let regime = Regime::shandan_sample();
    let dec = recommend(&assess(&case, &catalogue, &regime, d(2026, 11, 25)), &regime);
    (catalogue, case, regime, dec)
}

/// An organisation fined in the 一般 band of ¥1,000–¥10,000 (ordinary procedure).
fn penalty() -> (Catalogue, Case, Regime, Decision) {
    let mut item = common::range_item("FINE-1");
    item.violated_provisions = vec!["《测试条例》第八条".into()];
    let catalogue = common::catalogue(vec![item]);
    let case = common::case("FINE-1").agency(agency()).build().unwrap();
    let regime = Regime::national();
    let dec = recommend(&assess(&case, &catalogue, &regime, d(2025, 4, 1)), &regime);
    (catalogue, case, regime, dec)
}

fn render(
    kind: InstrumentKind,
    (cat, case, regime, dec): &(Catalogue, Case, Regime, Decision),
    p: &Particulars,
    on: NaiveDate,
) -> Result<Instrument, RenderError> {
    Context::new(dec, case, cat, regime, p, on)?.render(&templates(), kind)
}

fn reviewed() -> Particulars {
    let mut p = Particulars::example();
    p.review = Some(ReviewOpinion {
        reviewer: Officer { id: "62079001".parse().unwrap(), name: "赵某".into() },
        opinion: "主体合法，事实清楚，证据充分，适用依据正确，程序合法，同意拟作出的决定。".into(),
    });
    p
}

#[test]
fn standard_templates_cover_every_instrument() {
    let set = templates();
    for k in InstrumentKind::ALL {
        assert!(set.get(*k).is_some(), "{k}");
    }
}

#[test]
fn no_penalty_decision_art_33_and_57() {
    let fx = no_penalty();
    let doc = render(InstrumentKind::NoPenaltyDecision, &fx, &reviewed(), d(2026, 11, 25)).unwrap();
    assert_complete(&doc);
    let text = doc.to_text();
    assert!(text.contains("第三十三条第一款"), "the ground and its article");
    assert!(text.contains("第三十三条第三款"), "education");
    assert!(text.contains("第二十八条第一款"), "correction");
    assert!(text.contains("六十日内向山丹县人民政府申请行政复议"));
    assert!(text.contains("六个月内依法向山丹县人民法院提起行政诉讼"));
    assert!(text.contains("（平江县农业农村局印章）"));
    assert!(doc.number.contains("2026") && doc.number.contains("17号"), "{}", doc.number);
}

#[test]
fn penalty_decision_art_59_every_item() {
    let fx = penalty();
    assert_eq!(fx.3.disposition, rouxing::decision::Disposition::Penalty);
    let doc = render(InstrumentKind::PenaltyDecision, &fx, &Particulars::example(), d(2025, 4, 1)).unwrap();
    assert_complete(&doc);
    let text = doc.to_text();
    // (一) name and address
    assert!(text.contains("当事人：山丹县清泉镇某某便利店") && text.contains("地址：甘肃省张掖市山丹县"));
    // (二) facts and evidence
    assert!(text.contains("以上事实有下列证据证明：1.现场检查笔录"));
    // (三) kind and basis: the amount the decision imposes, the item's provision
    let fine = fx.3.fine().unwrap();
    assert!(text.contains(&format!("罚款人民币{}元", fine.to_decimal_string())), "{text}");
    assert!(text.contains("依据测试条例"));
    // (四) manner and period of performance
    assert!(text.contains("十五日内") && text.contains("第六十七条第三款") && text.contains("百分之三"));
    // (五) remedies (六) agency and date, ¶2 seal
    assert!(text.contains("申请行政复议") && text.contains("提起行政诉讼"));
    assert!(text.contains("2025年4月1日") && text.contains("（山丹县市场监督管理局印章）"));
}

#[test]
fn penalty_decision_refused_for_a_no_penalty_decision() {
    let fx = no_penalty();
    let err =
        render(InstrumentKind::PenaltyDecision, &fx, &Particulars::example(), d(2026, 11, 25)).unwrap_err();
    assert!(matches!(err, RenderError::NotCalledFor { kind: InstrumentKind::PenaltyDecision, .. }), "{err}");
}

#[test]
fn penalty_decision_needs_evidence_art_40() {
    let fx = penalty();
    let mut p = Particulars::example();
    p.evidence.clear();
    let err = render(InstrumentKind::PenaltyDecision, &fx, &p, d(2025, 4, 1)).unwrap_err();
    assert_eq!(
        err,
        RenderError::Missing {
            kind: InstrumentKind::PenaltyDecision, field: Field::Evidence, name: "证据"
        }
    );
}

/// A citizen fined ¥100 on a ¥50–¥200 provision: Art. 51 admits it on the spot.
fn summary() -> (Catalogue, Case, Regime, Decision) {
    let mut item = common::item(
        "SMALL-1",
        rouxing::catalogue::StatutoryPenalty::new(
            vec![PenaltyKind::Warning, PenaltyKind::Fine],
            Some(FineRule::range(Money::yuan(50), Money::yuan(200)).unwrap()),
            None,
        )
        .unwrap(),
    );
    item.violated_provisions = vec!["《测试条例》第三条".into()];
    let catalogue = common::catalogue(vec![item]);
    let party = Party::natural_person(PartyId::new("P-9").unwrap(), d(1980, 1, 1), MentalCapacity::Full);
    let case = common::case("SMALL-1").party(party).agency(agency()).build().unwrap();
    let regime = Regime::national();
    let dec = recommend(&assess(&case, &catalogue, &regime, d(2025, 4, 1)), &regime);
    (catalogue, case, regime, dec)
}

#[test]
fn summary_decision_art_52() {
    let fx = summary();
    assert_eq!(fx.3.procedure, rouxing::decision::Procedure::Summary, "{:?}", fx.3.duties);
    let doc =
        render(InstrumentKind::SummaryPenaltyDecision, &fx, &Particulars::example(), d(2025, 4, 1)).unwrap();
    assert_complete(&doc);
    let text = doc.to_text();
    assert!(text.contains("执法人员（签名或者盖章）：王某（执法证号：62070001）"));
    assert!(text.contains("时间、地点：2025年4月1日，山丹县清泉镇南关路12号"));
}

#[test]
fn summary_decision_refused_above_art_51() {
    let mut fx = summary();
    fx.3.sanctions = vec![Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(201)) }].into();
    let err = render(InstrumentKind::SummaryPenaltyDecision, &fx, &Particulars::example(), d(2025, 4, 1))
        .unwrap_err();
    assert!(err.to_string().contains("第五十一条"), "{err}");
}

#[test]
fn correction_notice_art_28_with_deadline() {
    let fx = penalty();
    let deadline = fx.3.correction.and_then(|c| c.deadline).unwrap();
    let doc = render(InstrumentKind::CorrectionNotice, &fx, &Particulars::example(), d(2025, 4, 1)).unwrap();
    assert_complete(&doc);
    let text = doc.to_text();
    assert!(text.contains(&format!("于{}前改正", rouxing::instrument::chinese_date(deadline))), "{text}");
    assert!(text.contains("责令改正不属于行政处罚"));
    assert!(text.contains("《测试条例》第八条"));
}

#[test]
fn reminder_and_guidance_state_they_are_not_binding() {
    let fx = no_penalty();
    for k in [InstrumentKind::ReminderSuggestionLetter, InstrumentKind::SimpleGuidanceLetter] {
        let doc = render(k, &fx, &Particulars::example(), d(2026, 11, 25)).unwrap();
        assert_complete(&doc);
        assert!(doc.to_text().contains("本行政指导不具有强制性"), "{k}");
    }
    // Guidance never stands in for a penalty decision.
    let err =
        render(InstrumentKind::ReminderSuggestionLetter, &penalty(), &Particulars::example(), d(2025, 4, 1))
            .unwrap_err();
    assert!(matches!(err, RenderError::NotCalledFor { .. }));
}

#[test]
fn advance_notice_art_44() {
    let fx = penalty();
    let doc = render(InstrumentKind::AdvanceNotice, &fx, &Particulars::example(), d(2025, 4, 1)).unwrap();
    assert_complete(&doc);
    let text = doc.to_text();
    assert!(text.contains("拟对你（单位）作出以下行政处罚"));
    assert!(text.contains("陈述、申辩的权利"));
    // 2025-04-01 (Tue) + 3 working days: 2 and 3 April, then the Qingming
    // holiday (4–6 April), so the third working day is Monday 7 April.
    assert!(text.contains("请于2025年4月7日前"), "{text}");
}

fn hearing_due() -> (Catalogue, Case, Regime, Decision) {
    let mut fx = penalty();
    // A fine at the organisation threshold (以上, inclusive) of Art. 63 ¶1 (一).
    let threshold = fx.2.hearing.organisation;
    fx.3.sanctions = vec![Sanction { kind: PenaltyKind::Fine, amount: Some(threshold) }].into();
    fx
}

#[test]
fn hearing_notice_art_63_five_working_days() {
    let fx = hearing_due();
    let doc = render(InstrumentKind::HearingNotice, &fx, &Particulars::example(), d(2024, 9, 27)).unwrap();
    assert_complete(&doc);
    let text = doc.to_text();
    // Friday 2024-09-27 + five working days: 29 Sep (Sunday) is an adjusted
    // working day, then 30 Sep, and 8, 9, 10 October after National Day.
    assert!(text.contains("即2024年10月10日前"), "{text}");
    // Below the threshold there is no hearing right.
    let err = render(InstrumentKind::HearingNotice, &penalty(), &Particulars::example(), d(2025, 4, 1))
        .unwrap_err();
    assert!(err.to_string().contains("第六十三条"), "{err}");
    // The advance notice then names the right to a hearing too.
    let adv = render(InstrumentKind::AdvanceNotice, &fx, &Particulars::example(), d(2025, 4, 1)).unwrap();
    assert!(adv.to_text().contains("要求听证的权利"));
}

#[test]
fn hearing_summons_art_64_seven_working_days_and_host() {
    let fx = hearing_due();
    let mut p = Particulars::example();
    let host = Officer { id: "62079100".parse().unwrap(), name: "孙某".into() };
    // Notice on Wednesday 2025-04-02; seven working days (Qingming 4–6 April
    // off) end on Monday 14 April.
    p.hearing = Some(Hearing {
        on: d(2025, 4, 11),
        time: "上午9时".into(),
        place: "本局三楼听证室".into(),
        host: host.clone(),
    });
    let err = render(InstrumentKind::HearingSummons, &fx, &p, d(2025, 4, 2)).unwrap_err();
    assert_eq!(
        err,
        RenderError::HearingTooSoon { on: d(2025, 4, 11), notice: d(2025, 4, 2), earliest: d(2025, 4, 14) }
    );
    p.hearing =
        Some(Hearing {
            on: d(2025, 4, 14), time: "上午9时".into(), place: "本局三楼听证室".into(), host
        });
    let doc = render(InstrumentKind::HearingSummons, &fx, &p, d(2025, 4, 2)).unwrap();
    assert_complete(&doc);
    assert!(doc.to_text().contains("2025年4月14日上午9时在本局三楼听证室举行听证"));
    // An investigator may not preside.
    let mut case_fx = fx.clone();
    case_fx.1 = case_fx.1.to_builder().officers(vec!["62079100".parse().unwrap()]).build().unwrap();
    let err = render(InstrumentKind::HearingSummons, &case_fx, &p, d(2025, 4, 2)).unwrap_err();
    assert!(matches!(err, RenderError::HostInvestigated { .. }), "{err}");
}

#[test]
fn legal_review_opinion_art_58() {
    let fx = no_penalty();
    assert!(!fx.3.duties.legal_review.is_empty(), "the county regime reviews every lenient decision");
    let doc = render(InstrumentKind::LegalReviewOpinion, &fx, &reviewed(), d(2026, 11, 25)).unwrap();
    assert_complete(&doc);
    let text = doc.to_text();
    assert!(text.contains("柔性执法或者适用两轻一免的决定"), "{text}");
    assert!(text.contains("审核人员：赵某"));
    let err = render(InstrumentKind::LegalReviewOpinion, &fx, &Particulars::example(), d(2026, 11, 25))
        .unwrap_err();
    assert!(matches!(err, RenderError::Missing { field: Field::ReviewOpinion, .. }), "{err}");
}

#[test]
fn commitment_letter() {
    let fx = penalty();
    let doc = render(InstrumentKind::CommitmentLetter, &fx, &Particulars::example(), d(2025, 4, 1)).unwrap();
    assert_complete(&doc);
    assert!(doc.to_text().contains("承诺于"));
}

#[test]
fn no_penalty_decision_without_education_is_refused() {
    let mut fx = no_penalty();
    fx.3.education = false;
    let err = render(InstrumentKind::NoPenaltyDecision, &fx, &reviewed(), d(2026, 11, 25)).unwrap_err();
    assert!(err.to_string().contains("第三十三条第三款"), "{err}");
}

#[test]
fn template_missing_an_art_59_element_names_it() {
    let text = include_str!("../data/instruments/standard.json").replace("{remedies}行政复议", "行政复议");
    let err = TemplateSet::from_json_named("dept.json", &text).unwrap_err();
    let msg = err.to_string();
    assert!(msg.starts_with("dept.json line "), "{msg}");
    assert!(msg.contains("`penalty_decision` omits `{remedies}`"), "{msg}");
    assert!(msg.contains("第五十九条第一款第（五）项"), "{msg}");
    let text = include_str!("../data/instruments/standard.json").replace(
        "{seal}\",\n        \"{date}\"\n      ]\n    },\n    {\n      \"kind\": \"summary",
        "\",\n        \"{date}\"\n      ]\n    },\n    {\n      \"kind\": \"summary",
    );
    let msg = TemplateSet::from_json_named("dept.json", &text).unwrap_err().to_string();
    assert!(msg.contains("omits `{seal}`") && msg.contains("第五十九条第二款"), "{msg}");
}

#[test]
fn template_errors_name_the_value() {
    let base = include_str!("../data/instruments/standard.json");
    let msg = TemplateSet::from_json_named("t.json", &base.replace("{party_address}", "{party_adress}"))
        .unwrap_err()
        .to_string();
    assert!(msg.contains("unknown placeholder `{party_adress}`"), "{msg}");
    let msg = TemplateSet::from_json_named("t.json", &base.replacen("{serial}号", "号", 1))
        .unwrap_err()
        .to_string();
    assert!(msg.contains("has no `{serial}`"), "{msg}");
    let msg = TemplateSet::from_json_named("t.json", "{\"schema_version\": 1, \"department\": 3}")
        .unwrap_err()
        .to_string();
    assert!(msg.contains("t.json line 1") && msg.contains("department"), "{msg}");
}

#[test]
fn called_for_follows_the_decision() {
    let fx = no_penalty();
    let p = reviewed();
    let ctx = Context::new(&fx.3, &fx.1, &fx.0, &fx.2, &p, d(2026, 11, 25)).unwrap();
    let kinds = ctx.called_for();
    assert!(
        kinds.contains(&InstrumentKind::NoPenaltyDecision)
            && kinds.contains(&InstrumentKind::CorrectionNotice)
    );
    for doc in ctx.render_all(&templates()).unwrap() {
        assert_complete(&doc);
    }
}

#[cfg(feature = "docx")]
#[test]
fn docx_reads_back_with_every_element() {
    use docx_rs::{DocumentChild, ParagraphChild, RunChild};
    let fx = penalty();
    let doc = render(InstrumentKind::PenaltyDecision, &fx, &Particulars::example(), d(2025, 4, 1)).unwrap();
    let bytes = doc.to_docx().unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip package");
    let back = docx_rs::read_docx(&bytes).unwrap();
    let mut paras = Vec::new();
    for c in &back.document.children {
        if let DocumentChild::Paragraph(p) = c {
            let mut s = String::new();
            for pc in &p.children {
                if let ParagraphChild::Run(r) = pc {
                    for rc in &r.children {
                        if let RunChild::Text(t) = rc {
                            s.push_str(&t.text);
                        }
                    }
                }
            }
            paras.push(s);
        }
    }
    assert_eq!(paras.first().map(String::as_str), Some("行政处罚决定书"));
    let all = paras.join("\n");
    for f in InstrumentKind::PenaltyDecision.required() {
        assert!(all.contains(doc.element(*f).unwrap()), "{f} lost in the docx");
    }
}

#[cfg(feature = "proptest")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases(64)))]

    /// Whatever the case, every instrument the recommended decision calls
    /// for renders through the standard templates with every element.
    #[test]
    fn prop_called_for_instruments_are_complete(
        (cat, case, regime, as_of) in rouxing::strategy::assessment_inputs()
    ) {
        let mut dec = recommend(&assess(&case, &cat, &regime, as_of), &regime);
        if dec.agency.is_none() {
            dec.agency = Some(agency());
        }
        let p = reviewed();
        let ctx = Context::new(&dec, &case, &cat, &regime, &p, as_of).unwrap();
        for k in ctx.called_for() {
            match ctx.render(&templates(), k) {
                Ok(doc) => assert_complete(&doc),
                Err(RenderError::DateOutOfRange { .. }) => {}
                Err(e) => prop_assert!(false, "{k}: {e} for {:?}", dec.documents),
            }
        }
    }
}

#[test]
fn minor_corrected_case_gets_a_no_penalty_decision_not_a_penalty_decision() {
    // 轻微不罚 (Art. 33 ¶1): the same item, minor, no harm, corrected at once.
    let c = common::case("FINE-1")
        .agency(agency())
        .harm(Harm::None)
        .gravity(Gravity::Minor)
        .correction(Correction::Prompt { on: d(2025, 3, 2) })
        .build()
        .unwrap();
    let cat = common::catalogue(vec![common::range_item("FINE-1")]);
    let regime = Regime::national();
    let (_, dec) = common::run(&c, &cat);
    let fx = (cat, c, regime, dec);
    let doc = render(InstrumentKind::NoPenaltyDecision, &fx, &Particulars::example(), d(2025, 4, 1)).unwrap();
    assert_complete(&doc);
    assert!(doc.to_text().contains("责令当事人立即改正"));
    assert!(render(InstrumentKind::PenaltyDecision, &fx, &Particulars::example(), d(2025, 4, 1)).is_err());
}
