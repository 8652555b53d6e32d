//! Tests that pin rules of `src/decision.rs` which the mutation runs showed
//! unpinned (tests/mutation/LEDGER.md names the mutant each test kills).

use rouxing::assess::Tier;
use rouxing::case::Context;
use rouxing::decision::{ProcedureDuties, Sanction, procedure_duties};
use rouxing::measure::PenaltyKind;
use rouxing::money::Money;
use rouxing::{Assessment, Regime, assess};

use crate::common::*;

/// The assessment of a plain organisation's case of item "A"
/// ("处一千元以上一万元以下罚款"; facts established, no bar, no context).
fn organisation() -> Assessment {
    let cat = catalogue(vec![range_item("A")]);
    let a = assess(&case("A").build().unwrap(), &cat, &Regime::national(), AS_OF());
    assert!(a.bar.is_none() && a.facts_established && !a.natural_person && !a.collective_decision);
    assert!(a.legal_review_triggers.is_empty());
    a
}

fn fine(yuan: u64) -> Sanction {
    Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(yuan)) }
}

fn warning() -> Sanction {
    Sanction { kind: PenaltyKind::Warning, amount: None }
}

fn duties(a: &Assessment, tier: Tier, sanctions: &[Sanction]) -> ProcedureDuties {
    procedure_duties(a, &Regime::national(), tier, sanctions)
}

/// 行政处罚法 第五十一条: "违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以
/// 三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定。" Every condition is needed,
/// and none is enough alone: a penalty (no 不予处罚, no bar), established
/// facts, a warning or a fine of at most the threshold and nothing else, and
/// no duty of the ordinary procedure (a hearing notice, Art. 63; a collective
/// decision, Art. 57 ¶2; legal review, Art. 58).
#[test]
fn the_summary_procedure_needs_every_condition_of_article_51() {
    let a = organisation();
    // The baseline: each of these may be decided on the spot.
    for s in [vec![warning()], vec![fine(2_000)], vec![fine(3_000)], vec![warning(), fine(3_000)]] {
        let d = duties(&a, Tier::Ordinary, &s);
        assert!(d.summary_eligible, "{s:?}: {d:?}");
        assert!(!d.hearing_notice && !d.collective_decision && d.legal_review.is_empty());
    }

    // No penalty: 不予处罚 decides nothing on the spot.
    assert!(!duties(&a, Tier::NoPenalty, &[warning()]).summary_eligible);
    // A bar (the two-year limit of Art. 36 ¶1 passed).
    let mut barred = a.clone();
    barred.bar = Some(rouxing::assess::Bar::LimitationExpired);
    assert!(!duties(&barred, Tier::Ordinary, &[warning()]).summary_eligible);
    // Facts not established (违法事实确凿 is the first condition).
    let mut unclear = a.clone();
    unclear.facts_established = false;
    assert!(!duties(&unclear, Tier::Ordinary, &[warning()]).summary_eligible);
    // No sanction at all.
    assert!(!duties(&a, Tier::Ordinary, &[]).summary_eligible);
    // A kind other than a warning or a fine beside them.
    let property = Sanction { kind: PenaltyKind::ConfiscateIllegalProperty, amount: Some(Money::yuan(100)) };
    let d = duties(&a, Tier::Ordinary, &[warning(), property]);
    assert!(!d.hearing_notice, "{d:?}");
    assert!(!d.summary_eligible);
    // A fine above ¥3,000 (an organisation) or of no amount.
    assert!(!duties(&a, Tier::Ordinary, &[fine(3_001)]).summary_eligible);
    let undetermined = Sanction { kind: PenaltyKind::Fine, amount: None };
    assert!(!duties(&a, Tier::Ordinary, &[warning(), undetermined]).summary_eligible);
    // A collective decision (Art. 57 ¶2).
    let mut serious = a.clone();
    serious.collective_decision = true;
    let d = duties(&serious, Tier::Ordinary, &[warning()]);
    assert!(d.collective_decision && d.legal_review.is_empty() && !d.hearing_notice, "{d:?}");
    assert!(!d.summary_eligible);
    // Legal review (Art. 58 ¶1 (一)).
    let mut public = a.clone();
    public.legal_review_triggers.push(Context::MajorPublicInterest);
    let d = duties(&public, Tier::Ordinary, &[warning()]);
    assert!(!d.legal_review.is_empty() && !d.collective_decision && !d.hearing_notice, "{d:?}");
    assert!(!d.summary_eligible);
    // A hearing notice (Art. 63 ¶1 (一)) under a regime whose 较大数额 is ¥2,000.
    let mut low = Regime::national();
    low.hearing.organisation = Money::yuan(2_000);
    let d = procedure_duties(&a, &low, Tier::Ordinary, &[fine(2_000)]);
    assert!(d.hearing_notice && d.legal_review.is_empty() && !d.collective_decision, "{d:?}");
    assert!(!d.summary_eligible);
}

/// A 从轻 list entry (可以) for item "A": corrected within the period set.
fn listed_catalogue() -> rouxing::Catalogue {
    use rouxing::catalogue::{ListOutcome, Modal};
    let mut i = range_item("A");
    i.entries.push(entry_when_corrected("A-E1", ListOutcome::Lighten, Modal::May));
    listed_catalogue_of(vec![i])
}

/// 行政处罚法 第五条第二款 and 第四十四条 (说明理由): the reasons name the
/// list entry relied on by its id, with its outcome, whether it binds (应当) or
/// allows (可以), and the article it rests on (第三十四条 for a 从轻 entry of
/// a benchmark list), not only the ground's general name.
#[test]
fn the_reasons_name_the_list_entry_relied_on() {
    let cat = listed_catalogue();
    let c = case("A").correction(rouxing::case::Correction::Prompt { on: d(2025, 3, 20) }).build().unwrap();
    let (_, dec) = run(&c, &cat);
    assert_eq!(dec.tier, Tier::Lighter, "{dec:?}");
    assert_eq!(dec.reasons.entries.iter().map(|e| e.as_str()).collect::<Vec<_>>(), ["A-E1"]);
    let text = dec.reasons.to_string();
    assert!(
        text.contains(
            "当事人具有以下情形：清单事项A-E1（从轻处罚，可以）（《中华人民共和国行政处罚法》第三十四条）"
        ),
        "{text}"
    );
}

/// A fact that reasons rely on (行政处罚法 第四十四条: 事实、理由、依据) holds
/// only when the case establishes exactly it: the gravity, the harm, the
/// illegal gains to the 分.
#[test]
fn a_fact_holds_only_as_the_case_establishes_it() {
    use rouxing::case::{Gravity, Harm};
    use rouxing::decision::Fact;
    use rouxing::money::Amounts;
    let amounts = Amounts { illegal_gains: Some(Money::yuan(800)), ..Amounts::default() };
    let c = case("A").gravity(Gravity::Minor).amounts(amounts).build().unwrap();
    assert!(Fact::Gravity(Gravity::Minor).holds_in(&c));
    assert!(!Fact::Gravity(Gravity::Serious).holds_in(&c));
    assert!(Fact::Harm(Harm::Harmful).holds_in(&c));
    assert!(!Fact::Harm(Harm::Serious).holds_in(&c));
    assert!(Fact::IllegalGains(Money::yuan(800)).holds_in(&c));
    assert!(!Fact::IllegalGains(Money::from_fen(79_999)).holds_in(&c));
}

/// 山丹县实施方案 四(三) ("要将采取柔性执法方式和适用“两轻一免”情形的执法决定纳入重大执法决定法制审核范围")
/// reaches decisions on a violation: a lenient tier on a case without a bar,
/// or 不予处罚 because the two-year limit of 行政处罚法 第三十六条第一款 has
/// passed (the act was a violation; only the penalty is out of time). Where
/// the case has no violation to be lenient about (不认为是违法, Art. 37; facts
/// not established, Art. 40; no legal basis, Art. 38 ¶1), 不予处罚 is not a
/// flexible decision and the plan's review does not apply.
#[test]
fn the_plans_review_of_flexible_decisions_needs_a_violation() {
    use rouxing::assess::Bar;
    use rouxing::decision::ReviewTrigger;
    let regime = Regime::shandan_sample();
    assert!(regime.legal_review.all_lenient_decisions);
    let a = organisation();
    let flexible = |a: &Assessment, tier| {
        procedure_duties(a, &regime, tier, &[]).legal_review.contains(&ReviewTrigger::FlexibleDecision)
    };
    assert!(flexible(&a, Tier::Lighter));
    assert!(flexible(&a, Tier::NoPenalty));
    assert!(!flexible(&a, Tier::Ordinary));
    let mut expired = a.clone();
    expired.bar = Some(Bar::LimitationExpired);
    assert!(flexible(&expired, Tier::NoPenalty));
    for bar in [Bar::NotIllegal, Bar::FactsNotEstablished, Bar::NoLegalBasis] {
        let mut b = a.clone();
        b.bar = Some(bar);
        assert!(!flexible(&b, Tier::NoPenalty), "{bar:?}");
    }
}

/// Legal review of a decision outside the 一般 band (减轻 or 从重) is a
/// regime's rule, not the statute's (行政处罚法 第五十八条第一款 lists no such
/// item): it applies only where the regime sets it, only to 减轻 and 从重,
/// and only to a penalty that may be imposed (no bar).
#[test]
fn review_beyond_the_benchmark_is_the_regimes_rule_alone() {
    use rouxing::assess::Bar;
    use rouxing::decision::ReviewTrigger;
    let a = organisation();
    let beyond = |regime: &Regime, a: &Assessment, tier| {
        procedure_duties(a, regime, tier, &[fine(2_000)])
            .legal_review
            .contains(&ReviewTrigger::BeyondBenchmark)
    };
    let national = Regime::national();
    assert!(!national.legal_review.beyond_benchmark);
    for tier in [Tier::Mitigated, Tier::Heavier, Tier::Ordinary] {
        assert!(!beyond(&national, &a, tier), "{tier:?}");
    }
    let mut rule = Regime::national();
    rule.legal_review.beyond_benchmark = true;
    assert!(beyond(&rule, &a, Tier::Mitigated));
    assert!(beyond(&rule, &a, Tier::Heavier));
    assert!(!beyond(&rule, &a, Tier::Ordinary));
    assert!(!beyond(&rule, &a, Tier::Lighter));
    let mut expired = a.clone();
    expired.bar = Some(Bar::LimitationExpired);
    assert!(!beyond(&rule, &expired, Tier::Mitigated));
}

/// 行政处罚法 第四十五条第二款 ("不得因当事人陈述、申辩而给予更重的处罚"): what a
/// decision imposes beyond the notice. A notified kind decided with a larger
/// amount is heavier; a kind not notified is heavier unless the decision
/// dropped a notified kind of a heavier group (a fine in place of a notified
/// revocation); a lighter kind in place of a notified one is not.
#[test]
fn a_sanction_is_heavier_than_the_notice_by_amount_or_by_group() {
    use rouxing::decision::heavier_sanction;
    let revoke = Sanction { kind: PenaltyKind::RevokePermit, amount: None };
    assert_eq!(heavier_sanction(&[fine(3_000)], &[fine(2_000)]), Some(fine(3_000)));
    assert_eq!(heavier_sanction(&[fine(2_000)], &[fine(2_000)]), None);
    assert_eq!(heavier_sanction(&[fine(2_000), warning()], &[fine(2_000)]), Some(warning()));
    assert_eq!(heavier_sanction(&[fine(1_500)], &[fine(2_000)]), None);
    // A fine in place of a notified revocation: lighter.
    assert_eq!(heavier_sanction(&[fine(5_000)], &[revoke]), None);
    // A revocation in place of a notified fine: heavier.
    assert_eq!(heavier_sanction(&[revoke], &[fine(5_000)]), Some(revoke));
    // A warning in place of a notified fine: lighter.
    assert_eq!(heavier_sanction(&[warning()], &[fine(5_000)]), None);
}

/// The decision wire format's version field reads exactly version 2; any
/// other number is refused (never silently read as the current version).
#[test]
fn the_decision_version_reads_only_its_own_number() {
    use rouxing::decision::DecisionVersion;
    assert!(serde_json::from_str::<DecisionVersion>("2").is_ok());
    for other in ["1", "3", "0"] {
        let e = serde_json::from_str::<DecisionVersion>(other).unwrap_err().to_string();
        assert!(e.contains(other), "{other}: {e}");
    }
}

/// The wire contract names the version type and fixes it to 2 (its JSON
/// Schema, feature `schema`).
#[cfg(feature = "schema")]
#[test]
fn the_decision_version_schema_is_the_constant_2() {
    let schema = serde_json::to_value(schemars::schema_for!(rouxing::decision::DecisionVersion)).unwrap();
    assert_eq!(schema["title"], "DecisionVersion");
    assert_eq!(schema["type"], "integer");
    assert_eq!(schema["const"], 2);
}

/// `Decision::summary` (the one-line 处理结果 of registers and notices) names
/// the tier, then each sanction with its amount, the correction order with its
/// deadline, the education and the guardian order; a transfer is named as
/// such, and a decision with nothing to list is its tier alone.
#[test]
fn the_summary_lists_what_the_decision_does() {
    use rouxing::case::{Correction, CrimeSuspicion, Harm};
    use rouxing::decision::Disposition;
    use rouxing::measure::{CorrectionKind, CorrectionOrder, GuardianOrder};
    let cat = catalogue(vec![range_item("A")]);
    let (_, plain) = run(&case("A").build().unwrap(), &cat);
    let fine = plain.fine().unwrap();
    let deadline = plain.correction.as_ref().and_then(|c| c.deadline).unwrap();
    assert_eq!(plain.summary(), format!("一般处罚：罚款{fine}；责令限期改正（至{deadline}）"));

    let mut unmeasured = plain.clone();
    unmeasured.sanctions = vec![warning(), Sanction { kind: PenaltyKind::Fine, amount: None }].into();
    unmeasured.correction = Some(CorrectionOrder { kind: CorrectionKind::Immediate, deadline: None });
    assert_eq!(unmeasured.summary(), "一般处罚：警告；罚款；责令改正");

    let first = case("A").harm(Harm::Slight).correction(Correction::Prompt { on: d(2025, 3, 12) });
    let (_, none) = run(&first.build().unwrap(), &cat);
    assert_eq!(none.tier, Tier::NoPenalty);
    assert!(none.education, "{none:?}");
    assert_eq!(none.summary(), "不予处罚：责令改正；对当事人进行教育");
    let mut guarded = none.clone();
    guarded.guardian_order = Some(GuardianOrder::Discipline);
    assert_eq!(
        guarded.summary(),
        format!("不予处罚：责令改正；对当事人进行教育；{}", GuardianOrder::Discipline.legal_name())
    );
    let mut bare = none.clone();
    bare.education = false;
    bare.correction = None;
    assert_eq!(bare.summary(), "不予处罚");

    let (_, transfer) = run(&case("A").crime(CrimeSuspicion::Suspected).build().unwrap(), &cat);
    assert_eq!(transfer.disposition, Disposition::Transfer);
    assert_eq!(transfer.summary(), "移送司法机关");
}

/// 行政处罚法 第二十八条第一款: the correction order is recommended where a
/// violation is established (no bar, or only the time limit of Art. 36) *and*
/// the assessment holds the duty; either alone is not enough.
#[test]
fn a_correction_order_needs_a_violation_and_the_duty() {
    use rouxing::assess::{Bar, Duty};
    let a = organisation();
    assert!(a.has_duty(Duty::CorrectionOrder));
    assert!(rouxing::recommend(&a, &Regime::national()).correction.is_some());
    let mut without_duty = a.clone();
    without_duty.duties.retain(|d| *d != Duty::CorrectionOrder);
    assert!(rouxing::recommend(&without_duty, &Regime::national()).correction.is_none());
    let mut barred = a.clone();
    barred.bar = Some(Bar::NoLegalBasis);
    assert!(barred.has_duty(Duty::CorrectionOrder));
    assert!(rouxing::recommend(&barred, &Regime::national()).correction.is_none());
}

/// The supporting measures (配套措施) a list entry names join the soft
/// measures once each, in the entry's order; a lenient outcome of an
/// established violation adds one 回访 (follow-up visit), never a second.
#[test]
fn supporting_measures_and_the_follow_up_visit_are_added_once() {
    use rouxing::catalogue::{ListOutcome, Modal};
    use rouxing::measure::SoftMeasure::{FollowUpVisit, Guidance, PersuasionEducation};
    let c = case("A").correction(rouxing::case::Correction::Prompt { on: d(2025, 3, 20) }).build().unwrap();
    let listed = |measures: Vec<rouxing::measure::SoftMeasure>| {
        let mut i = range_item("A");
        i.entries.push(rouxing::catalogue::ListEntry {
            supporting_measures: measures,
            ..entry_when_corrected("A-E1", ListOutcome::Lighten, Modal::May)
        });
        listed_catalogue_of(vec![i])
    };
    let (_, dec) = run(&c, &listed(vec![Guidance, FollowUpVisit, PersuasionEducation, Guidance]));
    assert_eq!(dec.tier, Tier::Lighter, "{dec:?}");
    assert_eq!(
        dec.soft_measures.iter().copied().collect::<Vec<_>>(),
        [Guidance, FollowUpVisit, PersuasionEducation]
    );

    // Without supporting measures: the visit alone, with its day.
    let (_, dec) = run(&c, &listed(vec![]));
    assert_eq!(dec.tier, Tier::Lighter);
    assert_eq!(dec.soft_measures.iter().copied().collect::<Vec<_>>(), [FollowUpVisit]);
    assert!(dec.follow_up_on.is_some());
}

/// The reasons call a recommendation the most lenient lawful outcome only
/// where it is the first of a lawful set of more than one, with no bar: a set
/// of one (only 一般) is no choice, and a recommendation of a later tier is not
/// the most lenient.
#[test]
fn a_recommendation_is_the_most_lenient_only_as_the_first_of_several() {
    use rouxing::case::{Correction, Harm};
    use rouxing::party::{MentalCapacity, Party, PartyId};
    let cat = catalogue(vec![range_item("A")]);
    let (a, only) = run(&case("A").build().unwrap(), &cat);
    assert_eq!(a.lawful.len(), 1);
    assert!(!only.reasons.most_lenient);

    let first = case("A").harm(Harm::Slight).correction(Correction::Prompt { on: d(2025, 3, 12) });
    let (a, none) = run(&first.build().unwrap(), &cat);
    assert!(a.lawful.len() > 1 && none.tier == a.most_lenient());
    assert!(none.reasons.most_lenient);

    // 第三十一条第三句: 减轻, 从轻 and 一般 lawful; the national regime recommends 从轻.
    let partial =
        Party::natural_person(PartyId::new("P-31").unwrap(), d(1990, 1, 1), MentalCapacity::Partial);
    let (a, lighter) = run(&case("A").party(partial).build().unwrap(), &cat);
    assert!(a.lawful.len() > 1 && lighter.tier != a.most_lenient(), "{:?}", a.lawful);
    assert!(!lighter.reasons.most_lenient);
}

/// 不罚只纠正 (the county plan's 容错纠错机制, 五(二)) is the mechanism of a 不予处罚
/// of an established violation with a correction order; a 从轻 penalty,
/// lenient as it is, does not use it.
#[test]
fn correction_only_is_the_mechanism_of_no_penalty_with_correction() {
    use rouxing::case::{Correction, Harm};
    use rouxing::measure::Mechanism;
    use rouxing::party::{MentalCapacity, Party, PartyId};
    let cat = catalogue(vec![range_item("A")]);
    let first = case("A").harm(Harm::Slight).correction(Correction::Prompt { on: d(2025, 3, 12) });
    let (_, none) = run(&first.build().unwrap(), &cat);
    assert!(none.tier == Tier::NoPenalty && none.correction.is_some());
    assert_eq!(none.mechanisms.iter().copied().collect::<Vec<_>>(), [Mechanism::CorrectionOnly]);

    let partial =
        Party::natural_person(PartyId::new("P-31").unwrap(), d(1990, 1, 1), MentalCapacity::Partial);
    let (_, lighter) = run(&case("A").party(partial).build().unwrap(), &cat);
    assert!(lighter.tier == Tier::Lighter && lighter.correction.is_some());
    assert!(lighter.mechanisms.is_empty(), "{:?}", lighter.mechanisms);
}

/// 减轻 (行政处罚法 第三十二条, here 受他人胁迫) is carried out by a fine below the
/// statutory minimum only where there is one to go below: on "五万元以下" there
/// is none, so 减轻 is a lighter kind, a warning, never a fine of nothing.
/// Where the provision's lightest kind is already of the lightest group
/// (通报批评, Art. 9 (一)), 减轻 is that kind alone, not a warning in its
/// place.
#[test]
fn mitigation_goes_below_the_minimum_or_to_the_lightest_kind() {
    use rouxing::case::Mitigating;
    use rouxing::catalogue::StatutoryPenalty;
    let coerced = || case("A").mitigating(vec![Mitigating::Coerced]);
    // A regime that takes 减轻 where the law says 从轻或者减轻.
    let mut regime = Regime::national();
    regime.readings.alternative_mitigation = rouxing::regime::AlternativeMitigation::Mitigated;
    let (_, d) = run_with(&coerced().build().unwrap(), &catalogue(vec![up_to_item("A")]), &regime);
    assert_eq!(d.tier, Tier::Mitigated, "{d:?}");
    assert_eq!(d.sanctions.iter().copied().collect::<Vec<_>>(), [warning()]);

    let criticism =
        item("A", StatutoryPenalty::new(vec![PenaltyKind::CirculatedCriticism], None, None).unwrap());
    let (_, d) = run_with(&coerced().build().unwrap(), &catalogue(vec![criticism]), &regime);
    assert_eq!(d.tier, Tier::Mitigated, "{d:?}");
    assert_eq!(
        d.sanctions.iter().copied().collect::<Vec<_>>(),
        [Sanction { kind: PenaltyKind::CirculatedCriticism, amount: None }]
    );
}

/// 处…罚款，并处没收非法财物、暂扣许可证件: the kinds a provision imposes are part of
/// every penalty, with one exception under 减轻 (行政处罚法 第三十二条). 减轻 lowers
/// the fine or the kind, so it drops the other imposed kinds, but it never
/// returns unlawful property: the confiscation stays. Under 一般 every imposed
/// kind stays.
#[test]
fn mitigation_keeps_the_confiscation_and_drops_the_other_imposed_kinds() {
    use rouxing::case::Mitigating;
    let cat = fine_confiscation_suspension_catalogue();
    let kinds = |d: &rouxing::Decision| d.sanctions.iter().map(|s| s.kind).collect::<Vec<_>>();

    let (_, ordinary) = run(&case("A").build().unwrap(), &cat);
    assert_eq!(ordinary.tier, Tier::Ordinary);
    assert_eq!(
        kinds(&ordinary),
        [PenaltyKind::Fine, PenaltyKind::ConfiscateIllegalProperty, PenaltyKind::SuspendPermit]
    );

    let mut regime = Regime::national();
    regime.readings.alternative_mitigation = rouxing::regime::AlternativeMitigation::Mitigated;
    let coerced = case("A").mitigating(vec![Mitigating::Coerced]).build().unwrap();
    let (_, mitigated) = run_with(&coerced, &cat, &regime);
    assert_eq!(mitigated.tier, Tier::Mitigated, "{mitigated:?}");
    assert_eq!(kinds(&mitigated), [PenaltyKind::Fine, PenaltyKind::ConfiscateIllegalProperty]);
    assert!(mitigated.fine().unwrap() < Money::yuan(1_000));
}

/// 第三十五条第二款: where a court has judged 罚金 for the act, "不再给予罚款";
/// a 应当 group "处罚款或者警告" is then met by its other kind, never by the
/// fine the law withholds. The same holds for a fine given before (第二十九条).
#[test]
fn a_withheld_fine_passes_a_shall_alternative_to_its_other_kind() {
    use rouxing::case::{CrimeSuspicion, CriminalOutcome, CriminalOutcomeKind};
    let cat = fine_or_warning_catalogue();
    let regime = Regime::national();
    let kinds = |c: rouxing::Case| {
        let a = assess(&c, &cat, &regime, AS_OF());
        assert!(a.bar.is_none(), "{}", a.explain());
        rouxing::recommend(&a, &regime).sanctions.iter().map(|s| s.kind).collect::<Vec<_>>()
    };
    assert_eq!(kinds(case("FW-1").build().unwrap()), vec![PenaltyKind::Fine]);
    let judged = CriminalOutcome {
        by: "某县人民法院".into(),
        on: d(2025, 3, 25),
        kind: CriminalOutcomeKind::Judgment,
        criminal_fine: Some(Money::yuan(20_000)),
        custody: None,
    };
    let c = case("FW-1").crime(CrimeSuspicion::Suspected).criminal_outcome(judged).build().unwrap();
    assert_eq!(kinds(c), vec![PenaltyKind::Warning], "第三十五条第二款");
    let earlier = earlier_fine();
    assert_eq!(
        kinds(case("FW-1").fined_before(earlier).build().unwrap()),
        vec![PenaltyKind::Warning],
        "第二十九条"
    );
}

/// The documents of a 不予处罚 decision follow what it finds. A decision that
/// finds a violation and does not punish it (Art. 33 ¶1, a list's 不予处罚,
/// or Art. 36's 不再给予行政处罚) tells the party first: the finding is
/// against the party, and 第四十四条 ("行政机关在作出行政处罚决定之前，应当告知当事人
/// 拟作出的行政处罚内容及事实、理由、依据") gives the party its say before it. A bar
/// that finds no violation (第四十条, 违法事实不能成立) has nothing to tell in
/// advance. The 行政提醒建议书 goes with the plan's 首违不罚 and 轻微不罚 grounds
/// (Art. 33 ¶1 and the lists' 不予处罚 entries), never with a bar or an
/// age ground (Art. 30).
#[test]
fn a_no_penalty_decision_notifies_and_reminds_as_its_grounds_require() {
    use rouxing::assess::{Bar, Ground};
    use rouxing::case::{Facts, Gravity, Harm, PriorOutcome, PriorViolation};
    use rouxing::catalogue::{Domain, ListOutcome, Modal};
    use rouxing::decision::Disposition;
    use rouxing::measure::Document::{NoPenaltyDecision, NoPenaltyNotice, ReminderSuggestionLetter};
    let cat = catalogue(vec![range_item("R-1")]);
    let documents = |c: rouxing::case::CaseBuilder, cat: &rouxing::Catalogue| {
        let (a, dec) = run(&c.build().unwrap(), cat);
        assert_eq!(dec.disposition, Disposition::NoPenalty);
        let docs = [NoPenaltyNotice, NoPenaltyDecision, ReminderSuggestionLetter];
        (a, docs.map(|x| dec.documents.contains(&x)))
    };
    // 轻微并及时改正，没有造成危害后果 (Art. 33 ¶1, first sentence).
    let (a, docs) =
        documents(case("R-1").gravity(Gravity::Minor).harm(Harm::None).correction(prompt()), &cat);
    assert!(a.bar.is_none() && a.lawful[0].grounds.contains(&Ground::MinorCorrectedNoHarm));
    assert_eq!(docs, [true, true, true]);
    // 初次违法且危害后果轻微并及时改正 (Art. 33 ¶1, second sentence) alone.
    let (a, docs) = documents(case("R-1").harm(Harm::Slight).correction(prompt()), &cat);
    assert_eq!(a.lawful[0].grounds[..], [Ground::FirstViolation]);
    assert_eq!(docs, [true, true, true]);
    // A list's 不予处罚 entry alone: no harm and corrected, but neither 轻微
    // by the case's own finding nor a first violation, so no Art. 33 ground
    // of its own (the list declares the behaviour 轻微).
    let listed = with_entry(ListOutcome::NoPenalty, Modal::Shall, |_| {});
    let earlier = PriorViolation {
        item: "L-1".parse().unwrap(),
        domain: Domain::MarketRegulation,
        on: d(2024, 9, 1),
        outcome: PriorOutcome::Penalised,
    };
    let (a, docs) =
        documents(case("L-1").harm(Harm::None).correction(prompt()).priors(vec![earlier]), &listed);
    assert!(matches!(a.lawful[0].grounds[..], [Ground::ListEntry { outcome: ListOutcome::NoPenalty, .. }]));
    assert_eq!(docs, [true, true, true]);
    // 超过追责期限 (Art. 36 ¶1): a violation found, so notified; no reminder.
    let (a, docs) = documents(case("R-1").act_on(d(2021, 3, 1)).discovered_on(d(2023, 3, 2)), &cat);
    assert_eq!(a.bar, Some(Bar::LimitationExpired));
    assert_eq!(docs, [true, true, false]);
    // 违法事实不能成立 (Art. 40): nothing to notify, nothing to remind of.
    let (a, docs) = documents(case("R-1").facts(Facts::NotEstablished), &cat);
    assert_eq!(a.bar, Some(Bar::FactsNotEstablished));
    assert_eq!(docs, [false, true, false]);
    // 不满十四周岁 (Art. 30): notified, but no reminder letter.
    let (a, docs) = documents(case("R-1").party(person(d(2011, 3, 1))), &cat);
    assert_eq!(a.lawful[0].grounds[..], [Ground::UnderFourteen]);
    assert_eq!(docs, [true, true, false]);
}
