//! 公示 (山丹县实施方案 三、四(四)): publication records under Art. 48 and the
//! market-regulation rule, redaction, and the publishable list (Art. 34).

use proptest::prelude::*;
use rouxing::case::{Agency, Case};
use rouxing::catalogue::{Catalogue, Domain, StatutoryPenalty};
use rouxing::decision::Sanction;
use rouxing::law::{Citation, Instrument};
use rouxing::measure::PenaltyKind;
use rouxing::mechanism::credit::{
    CreditPolicy, CreditProfile, EarlyStopCondition, EarlyStopFacts, PublicationClass,
};
use rouxing::money::{FineRule, Money};
use rouxing::party::PartyKindCode;
use rouxing::publicity::{
    self, ListPublication, NotPublished, Overturn, Planned, PublicationRecord, PublicationRule,
    PublicityError, PublicityPolicy, Redaction, RedactionRule, SocialImpact, Status, StopReason, Subject,
    SubjectKind, find_identifiers, redact,
};
use rouxing::{Decision, Regime, assess, recommend};

use crate::common::{self, d};

fn agency(domain: Domain) -> Agency {
    Agency { id: "SD-1".parse().unwrap(), name: "山丹县某局".into(), domain }
}

/// An organisation fined about ¥55,000 (¥10,000–¥100,000, ordinary
/// procedure) by a department of `domain`.
fn fined(domain: Domain) -> (Case, Decision, Regime) {
    let mut item = common::item(
        "BIG-1",
        StatutoryPenalty::new(
            vec![PenaltyKind::Fine],
            Some(FineRule::range(Money::yuan(10_000), Money::yuan(100_000)).unwrap()),
            None,
        )
        .unwrap(),
    );
    item.domain = domain;
    let catalogue = common::catalogue(vec![item]);
    let case = common::case("BIG-1").agency(agency(domain)).build().unwrap();
    let regime = Regime::national();
    let dec = recommend(&assess(&case, &catalogue, &regime, d(2025, 4, 1)), &regime);
    (case, dec, regime)
}

fn plan(case: &Case, dec: &Decision, impact: SocialImpact, regime: &Regime) -> Planned {
    publicity::plan(case, dec, impact, &CreditPolicy::default(), &PublicityPolicy::default(), regime).unwrap()
}

fn record(p: Planned) -> PublicationRecord {
    match p {
        Planned::Publish(r) => r,
        Planned::NotPublished { why } => panic!("not published: {why:?}"),
    }
}

#[test]
fn samr_penalty_is_due_within_twenty_working_days() {
    let (case, dec, regime) = fined(Domain::MarketRegulation);
    assert!(dec.fine().unwrap() > Money::yuan(50_000), "a fine above the low-fine line");
    let r = record(plan(&case, &dec, SocialImpact::None, &regime));
    let PublicationRule::Samr { plan } = &r.rule else { panic!("{:?}", r.rule) };
    assert_eq!(plan.class, PublicationClass::Long);
    // 2025-04-01 + 20 working days (Qingming 4–6 April off, Sunday 27 April
    // an adjusted working day): 29 April.
    assert_eq!(r.publish_by, d(2025, 4, 29));
    let policy = PublicityPolicy::default();
    assert_eq!(r.status_on(d(2025, 4, 29), &policy).unwrap(), Status::Due { by: d(2025, 4, 29) });
    let late = r.status_on(d(2025, 4, 30), &policy).unwrap();
    assert_eq!(late, Status::Overdue { by: d(2025, 4, 29) });
    assert!(late.is_late());
}

#[test]
fn not_published_no_penalty_and_no_social_impact() {
    let catalogue = Catalogue::bundled().unwrap();
    let case =
        Case::from_json(include_str!("../examples/data/cases/first-violation.json"), &catalogue).unwrap();
    let regime = Regime::national();
    let dec = recommend(&assess(&case, &catalogue, &regime, d(2026, 11, 25)), &regime);
    let Planned::NotPublished { why } = plan(&case, &dec, SocialImpact::Some, &regime) else { panic!() };
    assert_eq!(why.citation(), Citation::apl(2));
    // Another department, no social impact: Art. 48 ¶1 does not require it.
    let (case, dec, regime) = fined(Domain::EmergencyManagement);
    let p = plan(&case, &dec, SocialImpact::None, &regime);
    assert_eq!(p, Planned::NotPublished { why: NotPublished::NoSocialImpact });
    // A warning alone is not published by market regulation (SAMR Art. 2 ¶2).
    let (case, mut dec, regime) = fined(Domain::MarketRegulation);
    dec.sanctions = vec![Sanction { kind: PenaltyKind::Warning, amount: None }].into();
    let Planned::NotPublished { why } = plan(&case, &dec, SocialImpact::Some, &regime) else { panic!() };
    assert_eq!(why.citation(), Citation::new(Instrument::SamrPenaltyPublicityRules, 2).para(2));
}

#[test]
fn art_48_publication_with_social_impact() {
    let (case, dec, regime) = fined(Domain::EmergencyManagement);
    let r = record(plan(&case, &dec, SocialImpact::Some, &regime));
    assert_eq!(r.rule, PublicationRule::SocialImpact);
    // Seven working days (the policy default) from Tuesday 1 April 2025.
    assert_eq!(r.publish_by, d(2025, 4, 11));
    assert_eq!(r.last_day(&PublicityPolicy::default()).unwrap(), None, "no national period");
}

#[test]
fn withdrawal_within_three_working_days_with_a_reason() {
    let (case, dec, regime) = fined(Domain::EmergencyManagement);
    let policy = PublicityPolicy::default();
    let mut r = record(plan(&case, &dec, SocialImpact::Some, &regime));
    r.publish(d(2025, 4, 3)).unwrap();
    assert_eq!(r.published_in_time(), Some(true));
    // Revoked on Friday 2 May 2025, inside the May Day holiday: the three
    // working days are 6, 7 and 8 May.
    r.overturn(Overturn::Revoked, d(2025, 5, 2), &regime.calendar).unwrap();
    assert_eq!(r.status_on(d(2025, 5, 8), &policy).unwrap(), Status::WithdrawalDue { by: d(2025, 5, 8) });
    assert_eq!(r.withdraw(d(2025, 5, 9), " "), Err(PublicityError::NoReason));
    let overdue = r.status_on(d(2025, 5, 9), &policy).unwrap();
    assert_eq!(overdue, Status::WithdrawalOverdue { by: d(2025, 5, 8) });
    assert_eq!(overdue.citation(), Citation::apl(48).para(2));
    r.withdraw(d(2025, 5, 9), "该行政处罚决定已被行政复议机关撤销").unwrap();
    let s = r.status_on(d(2025, 5, 9), &policy).unwrap();
    assert_eq!(s, Status::Withdrawn { in_time: false });
    assert!(s.is_late());
    assert!(r.withdraw(d(2025, 5, 10), "再次").is_err(), "withdrawn once");
}

#[test]
fn steps_out_of_order_are_errors() {
    let (case, dec, regime) = fined(Domain::MarketRegulation);
    let mut r = record(plan(&case, &dec, SocialImpact::None, &regime));
    assert!(matches!(r.publish(d(2025, 3, 31)), Err(PublicityError::OutOfOrder { .. })));
    assert!(r.withdraw(d(2025, 4, 2), "理由").is_err(), "nothing overturned");
    r.publish(d(2025, 4, 2)).unwrap();
    assert!(r.publish(d(2025, 4, 3)).is_err());
}

#[test]
fn samr_period_and_early_stop_repairs_credit() {
    let (case, dec, regime) = fined(Domain::MarketRegulation);
    let policy = PublicityPolicy::default();
    let credit_policy = CreditPolicy::default();
    let mut r = record(plan(&case, &dec, SocialImpact::None, &regime));
    r.publish(d(2025, 4, 10)).unwrap();
    // Three years (SAMR Art. 13 ¶1): the last day is 10 April 2028.
    assert_eq!(r.last_day(&policy).unwrap(), Some(d(2028, 4, 10)));
    assert_eq!(
        r.status_on(d(2028, 4, 11), &policy).unwrap(),
        Status::Stopped { reason: StopReason::PeriodEnded }
    );
    let effect = rouxing::mechanism::credit::effect(
        &case,
        &dec,
        &rouxing::mechanism::credit::FaultCause::Ordinary,
        &credit_policy,
        &regime,
    )
    .unwrap();
    let profile = CreditProfile::new(
        case.party().id().clone(),
        PartyKindCode::LegalPerson,
        vec![effect.record.clone()],
        vec![],
    )
    .unwrap();
    assert!(effect.record.counts_as_dishonesty(&credit_policy, d(2025, 9, 1)));
    let facts = EarlyStopFacts { performed: true, harm_eliminated: true };
    // Before the minimum period the request fails, naming the condition.
    let err = r.clone().stop_early(&effect.record, &profile, facts, d(2025, 5, 1)).unwrap_err();
    assert_eq!(err, PublicityError::EarlyStopRefused { failed: vec![EarlyStopCondition::MinimumPeriod] });
    // Not performed: refused with (一).
    let err = r
        .clone()
        .stop_early(
            &effect.record,
            &profile,
            EarlyStopFacts { performed: false, harm_eliminated: true },
            d(2025, 8, 1),
        )
        .unwrap_err();
    assert_eq!(err, PublicityError::EarlyStopRefused { failed: vec![EarlyStopCondition::Performed] });
    let repaired = r.stop_early(&effect.record, &profile, facts, d(2025, 8, 1)).unwrap();
    assert_eq!(repaired.repaired_on, Some(d(2025, 8, 1)));
    assert_eq!(
        r.status_on(d(2025, 8, 1), &policy).unwrap(),
        Status::Stopped { reason: StopReason::EarlyStop }
    );
    // 守信激励: the repaired record no longer counts as 失信.
    assert!(!repaired.counts_as_dishonesty(&credit_policy, d(2025, 9, 1)));
    let before = rouxing::mechanism::credit::incentives(&profile, &credit_policy, d(2025, 9, 1));
    let after_profile =
        CreditProfile::new(case.party().id().clone(), PartyKindCode::LegalPerson, vec![repaired], vec![])
            .unwrap();
    let after = rouxing::mechanism::credit::incentives(&after_profile, &credit_policy, d(2025, 9, 1));
    let granted =
        |v: &[rouxing::mechanism::credit::IncentiveDecision]| v.iter().filter(|i| i.granted).count();
    assert!(granted(&after) > granted(&before), "repair opens incentives");
}

#[test]
fn early_stop_is_a_samr_step() {
    let (case, dec, regime) = fined(Domain::EmergencyManagement);
    let mut r = record(plan(&case, &dec, SocialImpact::Some, &regime));
    r.publish(d(2025, 4, 3)).unwrap();
    let effect = rouxing::mechanism::credit::effect(
        &case,
        &dec,
        &rouxing::mechanism::credit::FaultCause::Ordinary,
        &CreditPolicy::default(),
        &regime,
    )
    .unwrap();
    let profile =
        CreditProfile::new(case.party().id().clone(), PartyKindCode::LegalPerson, vec![], vec![]).unwrap();
    let facts = EarlyStopFacts { performed: true, harm_eliminated: true };
    assert_eq!(r.stop_early(&effect.record, &profile, facts, d(2026, 1, 1)), Err(PublicityError::NotSamr));
}

#[test]
fn list_publication_art_34_has_version_date_bands_and_entries() {
    let catalogue = Catalogue::bundled().unwrap();
    let regime = Regime::shandan_sample();
    let doc = ListPublication {
        department: "山丹县<农业>农村局",
        version: "2026年第1版",
        published_on: d(2026, 3, 1),
        catalogue: &catalogue,
        regime: &regime,
    };
    let md = doc.to_markdown();
    assert!(md.contains("版本：2026年第1版　发布日期：2026年3月1日"));
    assert!(md.contains("行政处罚裁量基准应当向社会公布"), "Art. 34 quoted");
    for item in catalogue.items() {
        assert!(md.contains(&item.name), "{}", item.code);
        for e in &item.entries {
            for c in &e.conditions {
                let text = c.text.trim_end_matches(['。', '；']);
                assert!(md.contains(text), "{} condition verbatim", e.id);
            }
        }
    }
    assert!(md.contains("从轻处罚在最低额以上、最低额加幅度的"));
    // Art. 39: agency, procedure and remedies in advance.
    assert!(
        md.contains("实施机关：山丹县<农业>农村局") && md.contains("当场作出") && md.contains("行政复议")
    );
    let html = doc.to_html();
    assert!(html.contains("山丹县&lt;农业&gt;农村局") && !html.contains("<农业>"), "escaped");
    assert!(html.starts_with("<!DOCTYPE html>"));
}

#[cfg(feature = "docx")]
#[test]
fn list_publication_docx_reads_back() {
    let catalogue = Catalogue::bundled().unwrap();
    let regime = Regime::shandan_sample();
    let doc = ListPublication {
        department: "山丹县农业农村局",
        version: "2026年第1版",
        published_on: d(2026, 3, 1),
        catalogue: &catalogue,
        regime: &regime,
    };
    let bytes = doc.to_docx().unwrap();
    let back = docx_rs::read_docx(&bytes).unwrap();
    let json = back.json();
    assert!(json.contains("2026年第1版"));
    let first = catalogue.items().next().unwrap();
    assert!(json.contains(&first.name));
}

// ---------------------------------------------------------------------------
// Redaction
// ---------------------------------------------------------------------------

const SURNAMES: &[&str] = &["张", "王", "李", "赵", "刘", "陈", "欧阳", "司马"];
const GIVEN: &[&str] = &["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛"];
const FILLER: &[&str] = &[
    "经查",
    "当事人",
    "于",
    "在",
    "经营",
    "场所",
    "未按规定",
    "，",
    "。",
    "执法人员",
    "检查",
    "发现",
    "现场",
    "罚款",
    "2026年3月5日",
    "第17号",
    "元",
];

fn id_number() -> impl Strategy<Value = String> {
    (100_000u32..999_999, 1950i32..2010, 1u32..=12, 1u32..=28, 0u32..1000).prop_map(
        |(region, y, m, day, seq)| {
            let body = format!("{region}{y:04}{m:02}{day:02}{seq:03}");
            const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
            let sum: u32 = body.chars().zip(W).map(|(c, w)| c.to_digit(10).unwrap_or(0) * w).sum();
            let check = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'][(sum % 11) as usize];
            format!("{body}{check}")
        },
    )
}

fn person() -> impl Strategy<Value = Subject> {
    (
        proptest::sample::select(SURNAMES),
        proptest::collection::vec(proptest::sample::select(GIVEN), 1..3),
        id_number(),
        (3u8..=9, 0u64..100_000_000),
        proptest::collection::vec(0u8..10, 16..=19),
        any::<bool>(),
    )
        .prop_map(|(s, g, id, (second, rest), acct, minor)| Subject {
            kind: Some(if minor { SubjectKind::Minor } else { SubjectKind::NaturalPerson }),
            name: format!("{s}{}", g.concat()),
            identifier: Some(id),
            address: Some(format!("甘肃省张掖市山丹县清泉镇{}村{}号", g.concat(), rest % 100)),
            phones: vec![format!("1{second}{rest:09}")],
            accounts: vec![acct.iter().map(|d| char::from(b'0' + d)).collect()],
            other: if minor { vec![format!("{}{}小学", s, g.concat())] } else { vec![] },
        })
}

fn organisation() -> impl Strategy<Value = Subject> {
    (0u32..1_000_000, "[A-HJ-NP-RT-UW-Y]{2}[0-9A-HJ-NP-RT-UW-Y]{6}").prop_map(|(n, tail)| Subject {
        kind: Some(SubjectKind::Organisation),
        name: format!("山丹县{}商贸有限公司", ["祁连", "焉支", "大马营", "霍城"][(n % 4) as usize]),
        identifier: Some(format!("916207{:02}{tail}", n % 100)),
        ..Subject::default()
    })
}

/// A text naming every subject's details, in random order among filler.
fn document(people: &[Subject], orgs: &[Subject], order: &[usize], filler: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for s in people.iter().chain(orgs) {
        parts.push(s.name.clone());
        parts.extend(s.identifier.clone());
        parts.extend(s.address.clone());
        parts.extend(s.phones.clone());
        parts.extend(s.accounts.clone());
        parts.extend(s.other.clone());
    }
    let mut out = String::new();
    for (k, i) in order.iter().enumerate() {
        if let Some(p) = parts.get(i % parts.len().max(1)) {
            out.push_str(p);
        }
        out.push_str(FILLER[filler.get(k).copied().unwrap_or(0) % FILLER.len()]);
    }
    for p in &parts {
        out.push_str(p);
        out.push('，');
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::cases(256)))]

    /// No unmasked personal identifier survives redaction; organisations'
    /// names and codes survive verbatim.
    #[test]
    fn prop_no_personal_identifier_survives(
        people in proptest::collection::vec(person(), 1..4),
        orgs in proptest::collection::vec(organisation(), 0..3),
        order in proptest::collection::vec(0usize..64, 0..40),
        filler in proptest::collection::vec(0usize..64, 0..40),
        extra_id in id_number(),
    ) {
        let mut text = document(&people, &orgs, &order, &filler);
        // An undeclared ID number and e-mail are caught by the patterns.
        text.push_str(&format!("另查明身份证号{extra_id}，邮箱li.si@example.cn。"));
        let r = Redaction { subjects: people.iter().chain(&orgs).cloned().collect(), trade_secrets: vec![] };
        let out = redact(&text, &r).text;
        for p in &people {
            let minor = p.kind == Some(SubjectKind::Minor);
            prop_assert!(!out.contains(&p.name), "name {} in {}", p.name, out);
            for x in p.identifier.iter().chain(&p.address).chain(&p.phones).chain(&p.accounts).chain(&p.other) {
                prop_assert!(!out.contains(x.as_str()), "{x} in {out}");
            }
            if minor {
                // Not even the surname of a minor is published.
                prop_assert!(out.contains("某某"));
            }
        }
        prop_assert!(!out.contains(&extra_id));
        prop_assert!(!out.contains("li.si@"));
        prop_assert!(find_identifiers(&out).is_empty(), "{:?} in {}", find_identifiers(&out), out);
        for o in &orgs {
            prop_assert!(out.contains(&o.name));
            prop_assert!(out.contains(o.identifier.as_deref().unwrap_or("")));
        }
    }

    /// Redaction is idempotent: redacting the output changes nothing more.
    #[test]
    fn prop_redaction_idempotent(people in proptest::collection::vec(person(), 1..3), order in proptest::collection::vec(0usize..32, 0..20)) {
        let text = document(&people, &[], &order, &[]);
        let r = Redaction { subjects: people, trade_secrets: vec![] };
        let once = redact(&text, &r).text;
        prop_assert_eq!(redact(&once, &r).text, once);
    }
}

#[test]
fn trade_secrets_withheld_art_50() {
    let r = Redaction {
        subjects: vec![], trade_secrets: vec!["进货价每吨3200元，供应商为某某化工".into()]
    };
    let out = redact("当事人称进货价每吨3200元，供应商为某某化工，并提供了票据。", &r);
    assert_eq!(out.text, "当事人称［涉及商业秘密，依法不予公开］，并提供了票据。");
    assert_eq!(out.applied, vec![(RedactionRule::TradeSecret, 1)]);
    assert_eq!(out.citations(), vec![Citation::apl(50)]);
}

#[test]
fn subject_kind_of_a_party() {
    let minor = rouxing::party::Party::natural_person(
        rouxing::party::PartyId::new("P-1").unwrap(),
        d(2010, 6, 1),
        rouxing::party::MentalCapacity::Full,
    );
    assert_eq!(SubjectKind::of(&minor, d(2026, 6, 1)), SubjectKind::Minor);
    assert_eq!(SubjectKind::of(&minor, d(2028, 6, 2)), SubjectKind::NaturalPerson);
    assert_eq!(SubjectKind::of(&common::org(), d(2026, 1, 1)), SubjectKind::Organisation);
}
