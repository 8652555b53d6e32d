//! Abuse patterns in batches (山丹县实施方案 四(一), 四(二), 六(三); 《优化营商环境条例》
//! 第五十九条第二款): each detector has a batch that must trigger it and a
//! matched batch that must not.

use chrono::NaiveDate;
use proptest::prelude::*;
use rouxing::assess::Tier;
use rouxing::audit::DecidedCase;
use rouxing::audit::pattern::*;
use rouxing::case::Harm;
use rouxing::catalogue::Domain;
use rouxing::guard::Severity;
use rouxing::measure::PenaltyKind;
use rouxing::money::Money;
use rouxing::party::PartyId;
use rouxing::{Catalogue, Regime, assess, recommend};

use crate::audit::facts;
use crate::common::d;

fn case(id: &str, item: &str, decided_on: NaiveDate, tier: Tier) -> PatternCase {
    PatternCase {
        decided: DecidedCase {
            case_id: id.parse().unwrap(),
            party: PartyId::new(format!("P-{id}")).unwrap(),
            item: item.parse().unwrap(),
            unit: Some("U-1".parse().unwrap()),
            officer: None,
            act_on: decided_on,
            decided_on,
            facts: facts(),
            amount: None,
            safety_baseline: false,
            tier,
            fine: (tier != Tier::NoPenalty).then(|| Money::yuan(5_000)),
            fine_band: None,
            mechanisms: Vec::new(),
            ground: None,
            first_violation_waiver: false,
        },
        domain: Some(Domain::MarketRegulation),
        sanctions: if tier == Tier::NoPenalty { vec![] } else { vec![PenaltyKind::Fine] },
        correction_ordered: true,
        correction_deadline: None,
        rechecked_on: None,
        educated: true,
        no_penalty_lawful: false,
        lighter_lawful: false,
        profile: PartyProfile::default(),
    }
}

/// A year of one case a month of item A, plus `extra` more in June.
fn year_with_burst(extra: usize) -> Vec<PatternCase> {
    let mut v = Vec::new();
    for m in 1..=12 {
        v.push(case(&format!("C-{m:02}"), "A", d(2026, m, 10), Tier::Ordinary));
    }
    for i in 0..extra {
        v.push(case(&format!("C-06-{i:02}"), "A", d(2026, 6, 11), Tier::Ordinary));
    }
    v
}

#[test]
fn campaign_volume_burst_is_found() {
    let cfg = PatternConfig::default();
    let out = campaigns(&year_with_burst(14), &cfg);
    let burst: Vec<&Campaign> = out.iter().filter(|c| c.measure == CampaignMeasure::Volume).collect();
    assert_eq!(burst.len(), 1, "{out:?}");
    let c = burst[0];
    assert_eq!(c.month, Month { year: 2026, month: 6 });
    assert_eq!((c.cases_in_month, c.baseline_cases, c.baseline_months), (15, 11, 11));
    assert_eq!(c.result.test, StatTest::ConditionalBinomial);
    assert!(c.result.p < 1e-6 && c.result.p_holm <= 0.05 && c.result.p_holm >= c.result.p);
    assert_eq!(c.cases.len(), 15);
    assert_eq!(Campaign::SEVERITY, Severity::Advisory);
    assert!(Campaign::CITATION.quote().unwrap().contains("运动式"));
}

#[test]
fn steady_enforcement_is_not_a_campaign() {
    let mut v = Vec::new();
    for m in 1..=12 {
        for i in 0..3 {
            v.push(case(&format!("C-{m:02}-{i}"), "A", d(2026, m, 10), Tier::Ordinary));
        }
    }
    assert!(campaigns(&v, &PatternConfig::default()).is_empty());
    // Below the minimum size the burst is not tested at all.
    assert!(campaigns(&year_with_burst(3), &PatternConfig::default()).is_empty());
}

#[test]
fn campaign_heavier_share_is_found() {
    // Five cases a month all year; in June every one is 从重.
    let mut v = Vec::new();
    for m in 1..=12 {
        for i in 0..5 {
            let tier = if m == 6 { Tier::Heavier } else { Tier::Ordinary };
            v.push(case(&format!("C-{m:02}-{i}"), "A", d(2026, m, 10), tier));
        }
    }
    let out = campaigns(&v, &PatternConfig::default());
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(out[0].measure, CampaignMeasure::HeavierShare);
    assert_eq!(out[0].result.test, StatTest::FisherOneSided);
    assert_eq!((out[0].heavier_in_month, out[0].baseline_heavier), (5, 0));
    // Matched: the heavier outcomes spread evenly over the year.
    for c in &mut v {
        c.decided.tier =
            if c.decided.case_id.as_str().ends_with("-0") { Tier::Heavier } else { Tier::Ordinary };
    }
    assert!(campaigns(&v, &PatternConfig::default()).is_empty());
}

fn uniform_batch() -> Vec<PatternCase> {
    let harms = [Harm::None, Harm::Slight, Harm::Harmful];
    (0..9)
        .map(|i| {
            let mut c = case(&format!("C-{i}"), "A", d(2026, 3 + i % 6, 1), Tier::Ordinary);
            c.decided.facts.harm = harms[(i % 3) as usize];
            c.lighter_lawful = c.decided.facts.harm != Harm::Harmful;
            c
        })
        .collect()
}

#[test]
fn uniform_outcomes_despite_different_facts_are_found() {
    let out = uniform_outcomes(&uniform_batch(), &PatternConfig::default());
    assert_eq!(out.len(), 1);
    let u = &out[0];
    assert_eq!(
        (u.tier, u.fine, u.distinct_facts, u.varied, u.lighter_lawful),
        (Tier::Ordinary, Some(Money::yuan(5_000)), 3, 6, 6)
    );
    assert_eq!(u.cases.len(), 9);
    assert_eq!(u.year, 2026);
}

#[test]
fn uniform_outcomes_on_the_same_facts_are_consistency_not_yidaoqie() {
    // The same facts throughout: identical outcomes are what the law wants.
    let mut same: Vec<PatternCase> = uniform_batch();
    for c in &mut same {
        c.decided.facts.harm = Harm::Harmful;
    }
    assert!(uniform_outcomes(&same, &PatternConfig::default()).is_empty());
    // Outcomes that follow the facts.
    let mut graded = uniform_batch();
    for c in &mut graded {
        if c.decided.facts.harm != Harm::Harmful {
            c.decided.tier = Tier::Lighter;
            c.decided.fine = Some(Money::yuan(2_000));
        }
    }
    assert!(uniform_outcomes(&graded, &PatternConfig::default()).is_empty());
    // Facts differ, but nothing lighter was lawful for any case.
    let mut bound = uniform_batch();
    for c in &mut bound {
        c.lighter_lawful = false;
    }
    assert!(uniform_outcomes(&bound, &PatternConfig::default()).is_empty());
}

fn suspensions(n: usize, others: usize) -> Vec<PatternCase> {
    let mut v = Vec::new();
    for i in 0..n {
        let mut c = case(&format!("S-{i}"), "A", d(2026, 5, 3), Tier::Ordinary);
        c.sanctions = vec![PenaltyKind::OrderSuspendProduction];
        v.push(c);
    }
    for i in 0..others {
        v.push(case(&format!("O-{i}"), "A", d(2026, 5, 3), Tier::Ordinary));
    }
    v
}

#[test]
fn sweeping_suspension_is_found() {
    let out = suspension_sweeps(&suspensions(6, 1), &PatternConfig::default());
    assert_eq!(out.len(), 1);
    assert_eq!((out[0].parties, out[0].decisions, out[0].share_permille), (6, 7, 857));
    assert_eq!(out[0].domain, Some(Domain::MarketRegulation));
    assert!(SuspensionSweep::CITATION.quote().unwrap().contains("普遍停产、停业"));
}

#[test]
fn targeted_suspensions_are_not_a_sweep() {
    // Few parties, or a small share of the month's decisions.
    assert!(suspension_sweeps(&suspensions(3, 0), &PatternConfig::default()).is_empty());
    assert!(suspension_sweeps(&suspensions(6, 6), &PatternConfig::default()).is_empty());
}

fn order(exception: Option<BlanketException>, approved: Option<NaiveDate>) -> SectorOrder {
    SectorOrder {
        id: "ORD-1".into(),
        agency: "EM-01".parse().unwrap(),
        issued_on: d(2026, 5, 1),
        scope: "全县烟花爆竹经营".into(),
        measure: BlanketMeasure::SuspendBusiness,
        exception,
        approval: approved.map(|on| Approval { authority: "县人民政府".into(), approved_on: on }),
    }
}

#[test]
fn sector_orders_follow_article_59_paragraph_2() {
    // Every exception, approved in advance: lawful.
    for e in BlanketException::ALL {
        assert!(sector_orders(&[order(Some(*e), Some(d(2026, 4, 28)))]).is_empty(), "{e}");
        assert!(sector_orders(&[order(Some(*e), Some(d(2026, 5, 1)))]).is_empty(), "{e}");
    }
    let f = sector_orders(&[order(None, None)]);
    assert_eq!(f[0].defects, vec![OrderDefect::NoException, OrderDefect::NotApproved]);
    assert_eq!(f[0].severity, Severity::Unlawful);
    // An exception alone is not enough: "并报经有权机关批准".
    let f = sector_orders(&[order(Some(BlanketException::LifeSafety), None)]);
    assert_eq!(f[0].defects, vec![OrderDefect::NotApproved]);
    let f = sector_orders(&[order(Some(BlanketException::MajorAccident), Some(d(2026, 5, 2)))]);
    assert_eq!(f[0].defects, vec![OrderDefect::ApprovedAfterIssue]);
    // Approval without an exception is still unlawful.
    let f = sector_orders(&[order(None, Some(d(2026, 4, 1)))]);
    assert_eq!(f[0].defects, vec![OrderDefect::NoException]);
}

/// Ten local and ten non-local organisations, the same facts; `lenient_local`
/// and `lenient_other` of them get 从轻.
fn selective_batch(lenient_local: usize, lenient_other: usize) -> Vec<PatternCase> {
    let mut v = Vec::new();
    for (reg, lenient, prefix) in
        [(Registration::Local, lenient_local, "L"), (Registration::NonLocal, lenient_other, "N")]
    {
        for i in 0..10 {
            let tier = if i < lenient { Tier::Lighter } else { Tier::Ordinary };
            let mut c = case(&format!("{prefix}-{i}"), "A", d(2026, 4, 1), tier);
            c.profile.registration = Some(reg);
            v.push(c);
        }
    }
    v
}

#[test]
fn selective_enforcement_is_found() {
    let out = selective(&selective_batch(10, 0), &PatternConfig::default());
    assert_eq!(out.len(), 1, "{out:?}");
    let s = &out[0];
    assert_eq!(s.attribute, ProtectedAttribute::Registration);
    assert_eq!((s.cases_with, s.lenient_with, s.cases_others, s.lenient_others), (10, 10, 10, 0));
    assert_eq!(s.result.test, StatTest::FisherTwoSided);
    // Two-sided Fisher for [[10, 0], [0, 10]]: 2 / C(20, 10).
    assert!((s.result.p - 2.0 / 184_756.0).abs() < 1e-12);
    assert_eq!(s.result.tests, 1);
    assert_eq!(s.cases.len(), 10);
}

#[test]
fn balanced_outcomes_are_not_selective() {
    assert!(selective(&selective_batch(5, 5), &PatternConfig::default()).is_empty());
    assert!(selective(&selective_batch(6, 4), &PatternConfig::default()).is_empty());
}

#[test]
fn selective_compares_only_within_one_kind_of_party() {
    // Local parties are natural persons, non-local ones organisations: the
    // law treats them differently (Art. 51), so there is nothing to compare.
    let mut v = selective_batch(10, 0);
    for c in &mut v {
        c.decided.facts.natural_person = c.profile.registration == Some(Registration::Local);
    }
    assert!(selective(&v, &PatternConfig::default()).is_empty());
}

#[test]
fn holm_correction_covers_every_test() {
    // The same stark split on three attributes: three tests, each adjusted.
    let mut v = selective_batch(10, 0);
    for c in &mut v {
        let local = c.profile.registration == Some(Registration::Local);
        c.profile.size = Some(if local { EnterpriseSize::Small } else { EnterpriseSize::Large });
        c.profile.investment = Some(if local { Investment::Domestic } else { Investment::Foreign });
    }
    let out = selective(&v, &PatternConfig::default());
    assert_eq!(out.len(), 3);
    assert!(out.iter().all(|s| s.result.tests == 3));
    let p = out[0].result.p;
    let mut holm: Vec<f64> = out.iter().map(|s| s.result.p_holm).collect();
    holm.sort_by(f64::total_cmp);
    assert!((holm[2] - 3.0 * p).abs() < 1e-12);
}

#[test]
fn penalty_instead_of_education_is_found() {
    let mut c = case("C-1", "A", d(2026, 4, 1), Tier::Lighter);
    c.no_penalty_lawful = true;
    c.educated = false;
    let out = penalty_instead_of_education(std::slice::from_ref(&c));
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].pattern, CasePattern::PenaltyInsteadOfEducation);
    assert!(out[0].citation().quote().unwrap().contains("以罚代教"));
    // Matched: education recorded, or no lawful no-penalty, or no penalty.
    let mut m = c.clone();
    m.educated = true;
    assert!(penalty_instead_of_education(&[m]).is_empty());
    let mut m = c.clone();
    m.no_penalty_lawful = false;
    assert!(penalty_instead_of_education(&[m]).is_empty());
    let m = case("C-2", "A", d(2026, 4, 1), Tier::NoPenalty);
    assert!(penalty_instead_of_education(&[m]).is_empty());
}

#[test]
fn penalty_without_management_is_found() {
    let cfg = PatternConfig::default();
    let as_of = d(2026, 12, 31);
    let mut none = case("C-1", "A", d(2026, 4, 1), Tier::Ordinary);
    none.correction_ordered = false;
    let mut lapsed = case("C-2", "A", d(2026, 4, 1), Tier::Ordinary);
    lapsed.correction_deadline = Some(d(2026, 5, 1));
    let out = penalty_without_management(&[lapsed.clone(), none], as_of, &cfg);
    assert_eq!(
        out.iter().map(|f| f.pattern).collect::<Vec<_>>(),
        vec![CasePattern::NoCorrectionOrder, CasePattern::NoRecheck]
    );
    assert!(out[1].citation().quote().unwrap().contains("重罚轻管"));
    // Matched: re-inspected, or the grace period has not run out.
    let mut rechecked = lapsed.clone();
    rechecked.rechecked_on = Some(d(2026, 5, 3));
    assert!(penalty_without_management(&[rechecked], as_of, &cfg).is_empty());
    assert!(penalty_without_management(&[lapsed], d(2026, 5, 16), &cfg).is_empty());
}

#[test]
fn pattern_case_reads_the_assessment() {
    let catalogue = Catalogue::bundled().unwrap();
    let c = rouxing::Case::from_json(include_str!("../examples/data/cases/first-violation.json"), &catalogue)
        .unwrap();
    let regime = Regime::shandan_sample();
    let a = assess(&c, &catalogue, &regime, d(2026, 11, 25));
    let mut dec = recommend(&a, &regime);
    let p = PatternCase::new(&c, &a, &dec, PartyProfile::default(), None);
    assert!(p.no_penalty_lawful && !p.penalised() && p.educated && !p.lighter_lawful);
    // An officer fines instead, without education: 以罚代教, read from what
    // the decision does and what the law allowed.
    dec.tier = Tier::Ordinary;
    dec.education = false;
    dec.soft_measures.clear();
    dec.sanctions =
        vec![rouxing::decision::Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(3_000)) }]
            .into();
    let p = PatternCase::new(&c, &a, &dec, PartyProfile::default(), None);
    assert!(p.lighter_lawful && p.penalised());
    assert_eq!(penalty_instead_of_education(&[p]).len(), 1);
}

#[test]
fn report_renders_and_round_trips() {
    let mut v = year_with_burst(14);
    v.extend(selective_batch(10, 0));
    let r = patterns(&v, &[order(None, None)], d(2026, 12, 31), &PatternConfig::default());
    assert!(!r.is_empty());
    let text = r.to_string();
    assert!(text.contains("运动式执法提示：") && text.contains("选择性执法提示：1项"));
    assert!(text.contains("未报经有权机关批准"));
    let json = serde_json::to_string(&r).unwrap();
    let back: PatternReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back.len(), r.len());
    let cfg: PatternConfig =
        serde_json::from_str(&serde_json::to_string(&PatternConfig::default()).unwrap()).unwrap();
    assert_eq!(cfg, PatternConfig::default());
}

fn arb_batch() -> impl Strategy<Value = Vec<PatternCase>> {
    prop::collection::vec((0u32..12, 0u8..3, 0u8..2, 0u8..2, 0u8..4, any::<bool>()), 0..60).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (month, tier, reg, item, size, heavy))| {
                let tier = [Tier::Lighter, Tier::Ordinary, Tier::Heavier][tier as usize];
                let mut c =
                    case(&format!("C-{i:03}"), ["A", "B"][item as usize], d(2026, month + 1, 5), tier);
                c.profile.registration = Some([Registration::Local, Registration::NonLocal][reg as usize]);
                c.profile.size = Some(EnterpriseSize::ALL[size as usize]);
                if heavy {
                    c.sanctions.push(PenaltyKind::OrderSuspendProduction);
                }
                c.no_penalty_lawful = heavy;
                c.educated = !heavy;
                c
            })
            .collect()
    })
}

fn stats(r: &PatternReport) -> String {
    // Everything but the case numbers.
    let mut r = r.clone();
    r.campaigns.iter_mut().for_each(|c| c.cases.clear());
    r.uniform.iter_mut().for_each(|c| c.cases.clear());
    r.sweeps.iter_mut().for_each(|c| c.cases.clear());
    r.selective.iter_mut().for_each(|c| c.cases.clear());
    let strip = |v: &mut Vec<CaseFinding>| {
        v.iter_mut().for_each(|f| f.case_id = "X".parse().unwrap());
        v.sort_by_key(|f| serde_json::to_string(f).unwrap());
    };
    strip(&mut r.without_education);
    strip(&mut r.without_management);
    serde_json::to_string(&r).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::cases(64)))]

    #[test]
    fn prop_patterns_ignore_batch_order(batch in arb_batch(), seed in any::<u64>()) {
        let cfg = PatternConfig { campaign_min_cases: 2, selective_min_arm: 2, uniform_min_cases: 3, sweep_min_parties: 2, ..PatternConfig::default() };
        let as_of = d(2027, 1, 1);
        let before = patterns(&batch, &[], as_of, &cfg);
        let mut shuffled = batch.clone();
        // A deterministic shuffle from the seed.
        let n = shuffled.len();
        for i in (1..n).rev() {
            let j = (seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(i as u64) % (i as u64 + 1)) as usize;
            shuffled.swap(i, j);
        }
        prop_assert_eq!(serde_json::to_string(&patterns(&shuffled, &[], as_of, &cfg)).unwrap(), serde_json::to_string(&before).unwrap());
    }

    #[test]
    fn prop_relabelling_cases_keeps_findings(batch in arb_batch()) {
        let cfg = PatternConfig { campaign_min_cases: 2, selective_min_arm: 2, uniform_min_cases: 3, sweep_min_parties: 2, ..PatternConfig::default() };
        let as_of = d(2027, 1, 1);
        let mut relabelled = batch.clone();
        for (i, c) in relabelled.iter_mut().enumerate() {
            c.decided.case_id = format!("R-{:03}", 999 - i).parse().unwrap();
        }
        prop_assert_eq!(stats(&patterns(&relabelled, &[], as_of, &cfg)), stats(&patterns(&batch, &[], as_of, &cfg)));
    }

    #[test]
    fn prop_no_variation_no_selective(mut batch in arb_batch()) {
        let cfg = PatternConfig { selective_min_arm: 1, ..PatternConfig::default() };
        for c in &mut batch {
            c.profile = PartyProfile { registration: Some(Registration::Local), ..PartyProfile::default() };
        }
        prop_assert!(selective(&batch, &cfg).is_empty());
    }

    #[test]
    fn prop_statistical_findings_are_corrected(batch in arb_batch()) {
        let cfg = PatternConfig { campaign_min_cases: 2, selective_min_arm: 2, ..PatternConfig::default() };
        for c in campaigns(&batch, &cfg) {
            prop_assert!(c.result.p <= c.result.p_holm && c.result.p_holm <= 0.05 && c.result.tests >= 1);
        }
        for s in selective(&batch, &cfg) {
            prop_assert!(s.result.p <= s.result.p_holm && s.result.p_holm <= 0.05 && s.result.tests >= 1);
            prop_assert!(s.cases_with >= 2 && s.cases_others >= 2);
        }
    }
}
