//! 简易引导机制 (山丹县实施方案 五(一)): "对事项简单、影响较小的轻微违法情形，可以通过当面或者
//! 电话、短信、电子邮件等简易形式，采取指导、建议、提醒、劝告等非强制方式，及时纠正违法倾向".

use chrono::NaiveTime;
use proptest::prelude::*;
use rouxing::case::{
    Aggravating, Case, Context, Correction, CrimeSuspicion, Facts, Gravity, Harm, PriorOutcome,
    PriorViolation,
};
use rouxing::catalogue::{Catalogue, Domain};
use rouxing::law::{Citation, Instrument};
use rouxing::measure::{Channel, Document, Mechanism, SoftMeasure};
use rouxing::mechanism::guidance::{
    self, Contact, GuidanceError, GuidancePlan, GuidanceRecord, GuidanceRequest, GuidanceRequirement,
    GuidanceResult, LetterContent, NON_BINDING_NOTICE, PartyResponse, RecordField, Subject, Tendency,
};
use rouxing::mechanism::{Outcome, SIMPLE_GUIDANCE};
use rouxing::party::PartyId;
use rouxing::{Regime, assess, recommend, strategy};

use crate::common::{catalogue, d, range_item};

fn cat() -> Catalogue {
    let mut baseline = range_item("SAFE-1");
    baseline.safety_baseline = true;
    catalogue(vec![range_item("MR-1"), baseline])
}

/// A minor, harmless violation not yet corrected, first time.
fn minor() -> Case {
    crate::common::case("MR-1")
        .gravity(Gravity::Minor)
        .harm(Harm::None)
        .correction(Correction::None)
        .build()
        .unwrap()
}

fn request(channel: Channel) -> GuidanceRequest {
    GuidanceRequest {
        on: d(2025, 3, 10),
        channel,
        measures: vec![SoftMeasure::Reminder, SoftMeasure::Suggestion],
        content: "请于期限内在经营场所显著位置公示相关信息".to_owned(),
        correction_by: None,
    }
}

fn granted(case: &Case, req: &GuidanceRequest) -> GuidancePlan {
    match guidance::plan(case, &cat(), &Regime::national(), req, &[]).unwrap() {
        Outcome::Granted { plan, checks } => {
            assert!(checks.iter().all(|c| c.met));
            plan
        }
        Outcome::Refused { checks } => panic!("refused: {checks:#?}"),
    }
}

fn unmet(case: &Case, earlier: &[GuidanceRecord]) -> Vec<GuidanceRequirement> {
    let out = guidance::plan(case, &cat(), &Regime::national(), &request(Channel::Sms), earlier).unwrap();
    assert!(!out.is_granted());
    out.unmet().map(|c| c.requirement).collect()
}

#[test]
fn sms_guidance_for_a_minor_matter() {
    let plan = granted(&minor(), &request(Channel::Sms));
    assert_eq!(plan.channel, Channel::Sms);
    assert_eq!(plan.measures, vec![SoftMeasure::Reminder, SoftMeasure::Suggestion]);
    assert_eq!(plan.document, Document::ReminderSuggestionLetter);
    // 2025-03-10 + 15 days = 2025-03-25 (a Tuesday).
    assert_eq!(plan.correction_by, Some(d(2025, 3, 25)));
    assert_eq!(plan.follow_up_on, d(2025, 4, 9));
    assert_eq!(plan.non_binding, NON_BINDING_NOTICE);
    assert!(plan.non_binding.contains("本行政指导不具有强制性"));
    for f in [
        RecordField::Time,
        RecordField::Officers,
        RecordField::Content,
        RecordField::PartyResponse,
        RecordField::PhoneNumber,
        RecordField::DeliveryReceipt,
    ] {
        assert!(plan.record.contains(&f), "{f}");
    }
    for c in [
        LetterContent::ViolatedProvision,
        LetterContent::CorrectionDate,
        LetterContent::ConsequenceWarning,
        LetterContent::NonBinding,
        LetterContent::Receipt,
    ] {
        assert!(plan.contents.contains(&c), "{c}");
    }
    assert!(plan.citations.contains(&SIMPLE_GUIDANCE));
    assert!(plan.citations.iter().all(|c| c.is_known()));
    assert!(matches!(plan.subject, Subject::Violation { .. }));
}

#[test]
fn the_four_simple_forms_and_online() {
    // "当面或者电话、短信、电子邮件等简易形式"
    for (name, channel) in [
        ("当面", Channel::InPerson),
        ("电话", Channel::Phone),
        ("短信", Channel::Sms),
        ("电子邮件", Channel::Email),
        ("网上在线办理", Channel::Online),
    ] {
        let c = guidance::parse_channel(name).unwrap();
        assert_eq!(c, channel);
        let plan = granted(&minor(), &request(c));
        assert_eq!(plan.channel, channel);
        assert!(plan.citations.contains(&guidance::channel_basis(channel)));
    }
    // A phone call is recorded too.
    let phone = granted(&minor(), &request(Channel::Phone));
    assert!(phone.record.contains(&RecordField::CallRecord));
    let in_person = granted(&minor(), &request(Channel::InPerson));
    assert!(in_person.record.contains(&RecordField::PartySignature));
}

#[test]
fn the_four_soft_measures() {
    // "采取指导、建议、提醒、劝告等非强制方式"
    for m in [SoftMeasure::Guidance, SoftMeasure::Suggestion, SoftMeasure::Reminder, SoftMeasure::Dissuasion]
    {
        assert_eq!(guidance::measure_basis(m), Some(SIMPLE_GUIDANCE));
        let mut r = request(Channel::Phone);
        r.measures = vec![m];
        assert_eq!(granted(&minor(), &r).measures, vec![m]);
    }
    let mut r = request(Channel::InPerson);
    r.measures = vec![SoftMeasure::Interview, SoftMeasure::Admonition];
    assert!(
        granted(&minor(), &r)
            .citations
            .contains(&Citation::new(Instrument::OptimizingBusinessEnvironmentRegulations, 59).para(1))
    );
}

#[test]
fn already_corrected_needs_no_correction_date() {
    let case = minor().to_builder().correction(Correction::Prompt { on: d(2025, 3, 9) }).build().unwrap();
    let plan = granted(&case, &request(Channel::Email));
    assert_eq!(plan.correction_by, None);
    assert!(!plan.contents.contains(&LetterContent::CorrectionDate));
}

#[test]
fn first_violation_with_slight_harm_qualifies() {
    let case = minor().to_builder().harm(Harm::Slight).build().unwrap();
    granted(&case, &request(Channel::Sms));
}

#[test]
fn correction_date_moves_off_a_holiday() {
    // 2025-09-16 + 15 days = 2025-10-01, National Day: moves to 2025-10-09.
    let case = minor().to_builder().discovered_on(d(2025, 9, 16)).build().unwrap();
    let mut r = request(Channel::Sms);
    r.on = d(2025, 9, 16);
    assert_eq!(granted(&case, &r).correction_by, Some(d(2025, 10, 9)));
    r.correction_by = Some(d(2025, 9, 20));
    assert_eq!(granted(&case, &r).correction_by, Some(d(2025, 9, 20)));
}

#[test]
fn refusals_name_the_failing_requirement() {
    use GuidanceRequirement as G;
    let base = minor().to_builder();
    // The safety baseline.
    let safe = Case::builder("C-2".parse().unwrap(), "SAFE-1".parse().unwrap())
        .party(crate::common::org())
        .act_on(d(2025, 3, 1))
        .discovered_on(d(2025, 3, 10))
        .gravity(Gravity::Minor)
        .harm(Harm::None)
        .correction(Correction::None)
        .build()
        .unwrap();
    assert_eq!(unmet(&safe, &[]), vec![G::OffSafetyBaseline]);
    let endangers = base.clone().aggravating(vec![Aggravating::EndangersSafety]).build().unwrap();
    assert!(unmet(&endangers, &[]).contains(&G::OffSafetyBaseline));
    // Harm more than slight.
    let harmful = base.clone().harm(Harm::Harmful).build().unwrap();
    let u = unmet(&harmful, &[]);
    assert!(u.contains(&G::HarmAtMostSlight), "{u:?}");
    // Not minor.
    let general = base.clone().gravity(Gravity::General).build().unwrap();
    assert!(unmet(&general, &[]).contains(&G::Minor));
    // Not simple.
    let complex = base.clone().context(vec![Context::ComplexCircumstances]).build().unwrap();
    assert!(unmet(&complex, &[]).contains(&G::SimpleMatter));
    // Refused correction.
    let refused = base.clone().correction(Correction::Refused).build().unwrap();
    assert!(unmet(&refused, &[]).contains(&G::GuidanceHeeded));
    // Suspected crime: the law requires a transfer.
    let crime = base.clone().crime(CrimeSuspicion::Suspected).build().unwrap();
    assert!(unmet(&crime, &[]).contains(&G::NoFormalProcedure));
    // A repeat violation with slight harm: no 不予处罚 even after correction.
    let repeat = base
        .clone()
        .harm(Harm::Slight)
        .priors(vec![PriorViolation {
            item: "MR-1".parse().unwrap(),
            domain: Domain::MarketRegulation,
            on: d(2024, 6, 1),
            outcome: PriorOutcome::Penalised,
        }])
        .build()
        .unwrap();
    let out = guidance::plan(&repeat, &cat(), &Regime::national(), &request(Channel::Sms), &[]).unwrap();
    let why: Vec<_> = out.unmet().collect();
    assert_eq!(why.len(), 1);
    assert_eq!(why[0].requirement, G::NoFormalProcedure);
    assert_eq!(why[0].citation, Citation::apl(57).para(1).item(1));
    // No violation established: guide the tendency instead.
    let unclear = base.facts(Facts::NotEstablished).build().unwrap();
    assert!(unmet(&unclear, &[]).contains(&G::ViolationEstablished));
}

fn record_for(plan: &GuidancePlan, response: PartyResponse) -> GuidanceRecord {
    GuidanceRecord::new(
        plan,
        Contact {
            channel: plan.channel,
            on: plan.on,
            at: NaiveTime::from_hms_opt(10, 30, 0).unwrap(),
            officers: vec!["O-1".parse().unwrap(), "O-2".parse().unwrap()],
            content: plan.content.clone(),
            address: "13800000000".to_owned(),
            evidence: "发送成功".to_owned(),
            response,
        },
    )
    .unwrap()
}

#[test]
fn earlier_guidance_refused_or_not_followed_bars_it() {
    let plan = granted(&minor(), &request(Channel::Sms));
    let accepted = record_for(&plan, PartyResponse::Accepted);
    assert!(
        guidance::plan(
            &minor(),
            &cat(),
            &Regime::national(),
            &request(Channel::Sms),
            std::slice::from_ref(&accepted)
        )
        .unwrap()
        .is_granted()
    );
    let refused = record_for(&plan, PartyResponse::Refused);
    assert_eq!(unmet(&minor(), &[refused]), vec![GuidanceRequirement::GuidanceHeeded]);
    let mut failed = accepted.clone();
    failed.result = GuidanceResult::NotCorrected;
    assert_eq!(unmet(&minor(), &[failed.clone()]), vec![GuidanceRequirement::GuidanceHeeded]);
    // Another party's record does not count.
    failed.party = PartyId::new("OTHER").unwrap();
    assert!(
        guidance::plan(&minor(), &cat(), &Regime::national(), &request(Channel::Sms), &[failed])
            .unwrap()
            .is_granted()
    );
}

#[test]
fn records_keep_what_the_channel_requires() {
    let plan = granted(&minor(), &request(Channel::Phone));
    let contact = Contact {
        channel: Channel::Phone,
        on: d(2025, 3, 10),
        at: NaiveTime::from_hms_opt(9, 5, 0).unwrap(),
        officers: vec!["O-1".parse().unwrap()],
        content: "提醒公示".to_owned(),
        address: "0936-1234567".to_owned(),
        evidence: "通话录音 REC-0310-01".to_owned(),
        response: PartyResponse::Accepted,
    };
    let rec = GuidanceRecord::new(&plan, contact.clone()).unwrap();
    assert_eq!(rec.case_id, Some("C-1".parse().unwrap()));
    assert_eq!(rec.result, GuidanceResult::Pending);
    let json = serde_json::to_string(&rec).unwrap();
    assert_eq!(serde_json::from_str::<GuidanceRecord>(&json).unwrap(), rec);
    assert!(!json.contains("sanction") && !json.contains("fine") && !json.contains("tier"));

    let err = |c: Contact| GuidanceRecord::new(&plan, c).unwrap_err().to_string();
    assert_eq!(
        err(Contact { evidence: " ".into(), ..contact.clone() }),
        "a `phone` guidance record needs `call_record` (通话录音或者电话记录)"
    );
    assert_eq!(
        err(Contact { address: String::new(), ..contact.clone() }),
        "a `phone` guidance record needs `phone_number` (联系电话)"
    );
    assert_eq!(err(Contact { officers: vec![], ..contact.clone() }), "guidance record names no officer");
    assert_eq!(
        err(Contact { channel: Channel::Sms, ..contact.clone() }),
        "contact by `sms` does not match the planned channel `phone`"
    );
    assert_eq!(
        err(Contact { on: d(2025, 3, 9), ..contact.clone() }),
        "field `contact.on` is `2025-03-09`, before `plan.on` `2025-03-10`"
    );
    assert_eq!(
        err(Contact { content: String::new(), ..contact }),
        "field `contact.content` must not be empty"
    );
}

#[test]
fn a_tendency_gets_guidance_and_never_a_penalty() {
    let t = Tendency {
        party: PartyId::new("ORG-9").unwrap(),
        observed_on: d(2025, 5, 6),
        description: "拟销售未标注生产日期的预包装食品".to_owned(),
        item: Some("MR-1".parse().unwrap()),
    };
    let mut r = request(Channel::Email);
    r.on = d(2025, 5, 6);
    let plan = guidance::plan_tendency(&t, &Regime::national(), &r).unwrap();
    assert_eq!(plan.document, Document::SimpleGuidanceLetter);
    assert_eq!(plan.correction_by, None);
    assert!(!plan.contents.contains(&LetterContent::ConsequenceWarning));
    assert!(plan.contents.contains(&LetterContent::Method));
    assert!(plan.citations.contains(&Citation::apl(4)));
    assert!(plan.citations.contains(&Citation::apl(40)));
    assert!(matches!(plan.subject, Subject::Tendency { .. }));
    // There is no decision to attach a tendency plan to.
    let dec = recommend(&assess(&minor(), &cat(), &Regime::national(), d(2025, 5, 6)), &Regime::national());
    assert_eq!(
        guidance::apply(&plan, &dec).unwrap_err().to_string(),
        "a plan for a tendency has no case decision to apply to"
    );
    // Errors.
    let mut bad = r.clone();
    bad.correction_by = Some(d(2025, 5, 20));
    assert_eq!(
        guidance::plan_tendency(&t, &Regime::national(), &bad).unwrap_err().to_string(),
        "field `correction_by` does not apply to a tendency: there is no violation to correct"
    );
    let mut early = r.clone();
    early.on = d(2025, 5, 5);
    assert_eq!(
        guidance::plan_tendency(&t, &Regime::national(), &early).unwrap_err().to_string(),
        "field `on` is `2025-05-05`, before `observed_on` `2025-05-06`"
    );
    let blank = Tendency { description: "  ".into(), ..t };
    assert_eq!(
        guidance::plan_tendency(&blank, &Regime::national(), &r).unwrap_err().to_string(),
        "field `description` must not be empty"
    );
}

#[test]
fn applying_marks_the_mechanism_and_never_adds_a_penalty() {
    let regime = Regime::national();
    // Corrected in time, so the recommendation is no penalty.
    let case = minor().to_builder().correction(Correction::Prompt { on: d(2025, 3, 9) }).build().unwrap();
    let plan = granted(&case, &request(Channel::Sms));
    let dec = recommend(&assess(&case, &cat(), &regime, d(2025, 3, 10)), &regime);
    let after = guidance::apply(&plan, &dec).unwrap();
    assert!(after.mechanisms.contains(&Mechanism::SimpleGuidance));
    assert_eq!(after.contacts, vec![Channel::Sms]);
    assert!(after.documents.contains(&Document::ReminderSuggestionLetter));
    assert_eq!(after.sanctions, dec.sanctions);
    assert_eq!(after.tier, dec.tier);
    assert_eq!(after.disposition, dec.disposition);
    assert!(after.follow_up_on.is_some());

    // A penalty decision is refused.
    let harmful = minor().to_builder().harm(Harm::Harmful).build().unwrap();
    let pen = recommend(&assess(&harmful, &cat(), &regime, d(2025, 3, 10)), &regime);
    assert!(!pen.sanctions.is_empty());
    assert_eq!(
        guidance::apply(&plan, &pen).unwrap_err().to_string(),
        "decision for case `C-1` imposes a penalty: simple guidance accompanies only a no-penalty outcome"
    );
    let mut other = dec.clone();
    other.case_id = "C-9".parse().unwrap();
    assert_eq!(
        guidance::apply(&plan, &other).unwrap_err().to_string(),
        "plan is for case `C-1` but the decision is for case `C-9`"
    );
}

#[test]
fn bad_requests_are_errors() {
    let plan = |r: &GuidanceRequest| {
        guidance::plan(&minor(), &cat(), &Regime::national(), r, &[]).unwrap_err().to_string()
    };
    let base = request(Channel::Sms);
    assert_eq!(
        plan(&GuidanceRequest { measures: vec![], ..base.clone() }),
        "guidance names no measure: give at least one of `guidance`, `suggestion`, `reminder`, `dissuasion`"
    );
    assert_eq!(
        plan(&GuidanceRequest {
            measures: vec![SoftMeasure::Reminder, SoftMeasure::Reminder],
            ..base.clone()
        }),
        "measure `reminder` is listed twice"
    );
    assert_eq!(
        plan(&GuidanceRequest { measures: vec![SoftMeasure::FollowUpVisit], ..base.clone() }),
        "measure `follow_up_visit` is not a simple-guidance measure"
    );
    assert_eq!(
        plan(&GuidanceRequest { measures: vec![SoftMeasure::Interview], ..base.clone() }),
        "measure `interview` cannot be delivered by `sms`: it needs `in_person` or `online`"
    );
    assert_eq!(
        plan(&GuidanceRequest { content: " ".into(), ..base.clone() }),
        "field `content` must not be empty"
    );
    assert_eq!(
        plan(&GuidanceRequest { on: d(2025, 3, 9), ..base.clone() }),
        "field `on` is `2025-03-09`, before `discovered_on` `2025-03-10`"
    );
    assert_eq!(
        plan(&GuidanceRequest { correction_by: Some(d(2025, 3, 1)), ..base.clone() }),
        "field `correction_by` is `2025-03-01`, before `on` `2025-03-10`"
    );
    assert_eq!(
        plan(&GuidanceRequest { on: chrono::NaiveDate::MAX, ..base }),
        format!("date arithmetic from `{}` leaves the supported range", chrono::NaiveDate::MAX)
    );
    assert_eq!(
        GuidanceError::UnknownChannel { value: "fax".into() }.to_string(),
        "unknown channel `fax`: expected one of `in_person`, `phone`, `sms`, `email`, `online` or 当面、电话、短信、电子邮件、网上在线办理"
    );
    // An unknown channel in a file names line, field and value.
    let err = GuidanceRequest::from_json_named(
        "req.json",
        "{\n  \"on\": \"2025-03-10\",\n  \"channel\": \"fax\",\n  \"measures\": [\"reminder\"],\n  \"content\": \"x\"\n}",
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "req.json line 3 column 18, field `channel`: unknown variant `fax`, expected one of `in_person`, `phone`, `sms`, `email`, `online`"
    );
}

#[test]
fn json_round_trips() {
    let plan = granted(&minor(), &request(Channel::Sms));
    let json = serde_json::to_string(&plan).unwrap();
    assert_eq!(serde_json::from_str::<GuidancePlan>(&json).unwrap(), plan);
    let out = guidance::plan(&minor(), &cat(), &Regime::national(), &request(Channel::Sms), &[]).unwrap();
    let json = serde_json::to_string(&out).unwrap();
    let back: Outcome<GuidancePlan, GuidanceRequirement> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, out);
    let r = request(Channel::Online);
    let back = GuidanceRequest::from_json_named("r", &serde_json::to_string(&r).unwrap()).unwrap();
    assert_eq!(back, r);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::common::cases(256), ..ProptestConfig::default() })]

    /// Guidance never produces a penalty: a granted plan applies only to a
    /// no-penalty decision and leaves its sanctions, tier and disposition
    /// untouched; a penalty decision is refused.
    #[test]
    fn prop_guidance_never_produces_a_penalty(
        (cat, case, regime, as_of) in strategy::assessment_inputs(),
        channel in proptest::sample::select(Channel::ALL.to_vec()),
    ) {
        let req = GuidanceRequest {
            on: as_of,
            channel,
            measures: vec![SoftMeasure::Reminder],
            content: "提醒".to_owned(),
            correction_by: None,
        };
        let Ok(out) = guidance::plan(&case, &cat, &regime, &req, &[]) else {
            // Only date overflow can fail here.
            return Ok(());
        };
        let dec = recommend(&assess(&case, &cat, &regime, as_of), &regime);
        if let Some(plan) = out.plan() {
            match guidance::apply(plan, &dec) {
                Ok(after) => {
                    prop_assert!(after.sanctions.is_empty());
                    prop_assert_eq!(after.tier, dec.tier);
                    prop_assert_eq!(after.disposition, dec.disposition);
                    prop_assert!(after.mechanisms.contains(&Mechanism::SimpleGuidance));
                }
                Err(e) => prop_assert!(!dec.sanctions.is_empty() || dec.disposition != rouxing::decision::Disposition::NoPenalty, "{e}"),
            }
        }
        // Nothing on the safety baseline is guided.
        if cat.get(case.item()).is_some_and(|i| i.safety_baseline) {
            prop_assert!(!out.is_granted());
        }
        // A granted plan never meets a case the law must penalise.
        if out.is_granted() {
            prop_assert!(case.harm() <= Harm::Slight && case.gravity() == Gravity::Minor);
        }
    }
}

#[test]
fn case_errors_pass_through() {
    let e = GuidanceError::from(rouxing::case::CaseError::Missing { field: "act" });
    assert_eq!(e.to_string(), "field `act` is required");
    let t = Tendency {
        party: PartyId::new("ORG-9").unwrap(),
        observed_on: d(2025, 5, 6),
        description: "拟使用绝对化用语".to_owned(),
        item: None,
    };
    let back: Tendency = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
    assert_eq!(back, t);
}
