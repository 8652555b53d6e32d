//! Tests that pin rules of `src/guard.rs` which the mutation runs showed
//! unpinned (tests/mutation/LEDGER.md names the mutant each test kills).

use rouxing::assess::Tier;
use rouxing::case::{Agency, CrimeSuspicion};
use rouxing::catalogue::Catalogue;
use rouxing::decision::Disposition;
use rouxing::guard::{Detail, Finding, FindingCode, Inconsistency, Review, Severity, review};
use rouxing::{Case, Decision, Regime, assess, recommend};

use crate::common::*;

/// A plain case (harm, not corrected: only 一般 is lawful) decided by a
/// competent agency, and its recommended decision.
fn plain() -> (Case, Catalogue, Decision) {
    let (case, cat) = competent(vec![]);
    let regime = Regime::national();
    let d = recommend(&assess(&case, &cat, &regime, AS_OF()), &regime);
    (case, cat, d)
}

/// A case of item "A" ("处一千元以上一万元以下罚款") with these mitigating
/// circumstances, decided by an agency competent for the item's domain.
fn competent(mitigating: Vec<rouxing::case::Mitigating>) -> (Case, Catalogue) {
    let cat = catalogue(vec![range_item("A")]);
    let domain = cat.items().next().unwrap().domain;
    let agency = Agency { id: "AG-1".parse().unwrap(), name: "某市场监督管理局".into(), domain };
    (case("A").agency(agency).mitigating(mitigating).build().unwrap(), cat)
}

/// A case with a statutory 从轻或者减轻 ground (第三十二条第（二）项, 受他人胁迫),
/// decided by a competent agency: 减轻, 从轻 and 一般 are lawful.
fn mitigable() -> (Case, Catalogue, Regime) {
    let (case, cat) = competent(vec![rouxing::case::Mitigating::Coerced]);
    (case, cat, Regime::national())
}

/// The review with every finding's severity replaced by `severity`.
fn at(r: &Review, severity: Severity) -> Review {
    let findings = r.findings.iter().map(|f| Finding { severity, ..f.clone() }).collect();
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

/// `Review::of` yields exactly the findings of one severity: the legal
/// reviewer's list of what is unlawful (违法), irregular (不规范) or advice
/// (提示) under 行政处罚法 第五十八条.
#[test]
fn findings_of_one_severity_are_exactly_those() {
    let (case, cat, mut d) = plain();
    d.correction = None;
    let r = review(&case, &cat, &Regime::national(), &d, None);
    let f = r.get(FindingCode::MissingCorrectionOrder).unwrap().clone();
    let mixed = Review {
        findings: vec![
            f.clone(),
            Finding { severity: Severity::Irregular, ..f.clone() },
            Finding { severity: Severity::Irregular, ..f },
        ],
        ..r.clone()
    };
    assert_eq!(mixed.of(Severity::Unlawful).count(), 1);
    assert_eq!(mixed.of(Severity::Irregular).count(), 2);
    assert_eq!(mixed.of(Severity::Advisory).count(), 0);
    assert!(mixed.of(Severity::Irregular).all(|x| x.severity == Severity::Irregular));
    assert_eq!(mixed.worst(), Some(Severity::Unlawful));
}

/// Findings come most severe first whatever order the checks found them in.
/// Without a deciding agency on the case the competence check (行政处罚法
/// 第十七条) only advises (提示) and runs before the checks of the fine
/// (第七十六条第一款第二项) and of the correction order (第二十八条第一款),
/// which find 违法: the advisory finding must move behind both.
#[test]
fn findings_are_reordered_most_severe_first() {
    let cat = catalogue(vec![range_item("A")]);
    let case = case("A").build().unwrap();
    assert!(case.agency().is_none());
    let regime = Regime::national();
    let mut d = recommend(&assess(&case, &cat, &regime, AS_OF()), &regime);
    d.correction = None;
    for s in d.sanctions.iter_mut().filter(|s| s.kind == rouxing::measure::PenaltyKind::Fine) {
        s.amount = Some(rouxing::money::Money::yuan(12_000));
    }
    let r = review(&case, &cat, &regime, &d, None);
    let codes: Vec<FindingCode> = r.findings.iter().map(|f| f.code).collect();
    assert!(codes.len() >= 3, "{r}");
    assert!(r.has(FindingCode::AgencyMissing) && r.has(FindingCode::MissingCorrectionOrder), "{r}");
    assert!(r.has(FindingCode::FineAboveMaximum), "{r}");
    assert!(r.findings.windows(2).all(|w| w[0].severity >= w[1].severity), "{r}");
    assert_eq!(r.findings.last().map(|f| f.code), Some(FindingCode::AgencyMissing), "{r}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: crate::common::cases(256),
        max_global_rejects: 1 << 20,
        ..proptest::prelude::ProptestConfig::default()
    })]

    /// Every assessment offers at least one lawful outcome, and its most
    /// lenient tier is one of them: a bar leaves 不予处罚 (行政处罚法 第三十六条、
    /// 第三十八条、第四十条), otherwise the set runs from the lowest to the highest
    /// tier the grounds allow. The review's tier check relies on it: a decided
    /// tier equal to `most_lenient()` is lawful, so `<` and `<=` against it
    /// decide alike (tests/mutation/LEDGER.md, guard.rs:425).
    #[test]
    fn prop_the_lawful_set_is_never_empty((cat, case, regime, as_of) in rouxing::strategy::assessment_inputs()) {
        let a = assess(&case, &cat, &regime, as_of);
        proptest::prop_assert!(!a.lawful.is_empty(), "{}", a.explain());
        proptest::prop_assert!(a.is_lawful(a.most_lenient()));
        proptest::prop_assert!(a.is_lawful(a.least_lenient()));
    }
}

/// Whether `r` reports a penalty decision that imposes nothing
/// (`NoSanctionsOnPenalty`, 行政处罚法 第五十七条第一款).
fn no_sanctions_reported(r: &Review) -> bool {
    r.findings
        .iter()
        .any(|f| f.detail == Detail::Inconsistency { inconsistency: Inconsistency::NoSanctionsOnPenalty })
}

/// 行政处罚法 第二十七条第一款: a case suspected of a crime is transferred to
/// the judiciary, and a real transfer imposes no administrative sanction
/// itself, so a penalty tier left without sanctions is not an empty penalty
/// there. The same decision kept as a penalty (`Disposition::Penalty`) is
/// not a transfer, and a penalty that imposes nothing is an inconsistency
/// (第五十七条第一款). Kills `real_transfer → false` and `==`→`!=` in
/// `Ctx::real_transfer`.
#[test]
fn only_a_transfer_of_a_suspected_crime_may_impose_nothing() {
    let cat = catalogue(vec![range_item("A")]);
    let domain = cat.items().next().unwrap().domain;
    let agency = Agency { id: "AG-1".parse().unwrap(), name: "某市场监督管理局".into(), domain };
    let case = case("A").agency(agency).crime(CrimeSuspicion::Suspected).build().unwrap();
    let regime = Regime::national();
    let mut d = recommend(&assess(&case, &cat, &regime, AS_OF()), &regime);
    assert_eq!(d.disposition, Disposition::Transfer);
    d.tier = Tier::Ordinary;
    d.sanctions.clear();
    let transferred = review(&case, &cat, &regime, &d, None);
    assert!(!no_sanctions_reported(&transferred), "{transferred}");

    d.disposition = Disposition::Penalty;
    let kept = review(&case, &cat, &regime, &d, None);
    assert!(no_sanctions_reported(&kept), "{kept}");
}

/// 没收违法所得 on a 不予处罚 decision where the law requires no confiscation
/// is a sanction on a no-penalty decision (`SanctionsOnNoPenalty`, 行政处罚法
/// 第五十七条第一款), not a confiscation of the wrong amount: its amount is
/// compared with the established gains (第二十八条第二款) only where a
/// confiscation is due. None is due when a bar stops every penalty (here the
/// two-year limit of 第三十六条第一款, whatever the regime's reading of Art. 28
/// ¶2), nor on 不予处罚 where the regime reads 没收违法所得 as the Art. 9 (二)
/// penalty (`GainsOnNoPenalty::NotConfiscated`). Kills `&&`→`||` at either
/// `&&` of `a.bar.is_none() && d.tier == Tier::NoPenalty && gains_read` in
/// `Ctx::substance`.
#[test]
fn confiscation_is_compared_with_the_gains_only_where_it_is_due() {
    use rouxing::assess::Bar;
    use rouxing::decision::Sanction;
    use rouxing::measure::PenaltyKind;
    use rouxing::money::{Amounts, Money};
    use rouxing::regime::GainsOnNoPenalty;

    let cat = catalogue(vec![range_item("A")]);
    let domain = cat.items().next().unwrap().domain;
    let agency = Agency { id: "AG-1".parse().unwrap(), name: "某市场监督管理局".into(), domain };
    let gains = Amounts { illegal_gains: Some(Money::yuan(800)), ..Amounts::default() };
    let half = Sanction { kind: PenaltyKind::ConfiscateIllegalGains, amount: Some(Money::yuan(400)) };
    let mismatch = |r: &Review| r.has(FindingCode::ConfiscationMismatch);
    let on_no_penalty = |r: &Review| {
        r.findings
            .iter()
            .any(|f| f.detail == Detail::Inconsistency { inconsistency: Inconsistency::SanctionsOnNoPenalty })
    };

    // Acted in 2020, discovered in 2025: past the limit of Art. 36 ¶1.
    let old = case("A").agency(agency.clone()).amounts(gains).act_on(d(2020, 1, 1)).build().unwrap();
    let regime = Regime::national();
    assert_eq!(regime.readings.gains_on_no_penalty, GainsOnNoPenalty::Confiscate);
    let a = assess(&old, &cat, &regime, AS_OF());
    assert_eq!(a.bar, Some(Bar::LimitationExpired), "{}", a.explain());
    let mut barred = recommend(&a, &regime);
    assert_eq!((barred.tier, barred.disposition), (Tier::NoPenalty, Disposition::NoPenalty));
    barred.sanctions = vec![half].into();
    let r = review(&old, &cat, &regime, &barred, None);
    assert!(on_no_penalty(&r), "{r}");
    assert!(!mismatch(&r), "{r}");

    // No bar; 不予处罚 under the reading that does not confiscate.
    let fresh = case("A").agency(agency).amounts(gains).build().unwrap();
    let mut regime = Regime::national();
    regime.readings.gains_on_no_penalty = GainsOnNoPenalty::NotConfiscated;
    let mut d = recommend(&assess(&fresh, &cat, &regime, AS_OF()), &regime);
    (d.tier, d.disposition, d.sanctions) = (Tier::NoPenalty, Disposition::NoPenalty, vec![half].into());
    let r = review(&fresh, &cat, &regime, &d, None);
    assert!(on_no_penalty(&r), "{r}");
    assert!(!mismatch(&r), "{r}");

    // The same decision under the default reading: the confiscation is due
    // and ¥400 of ¥800 established gains is the wrong amount.
    let regime = Regime::national();
    let r = review(&fresh, &cat, &regime, &d, None);
    assert!(mismatch(&r), "{r}");
}

/// 《中华人民共和国消防法》第六十条第一款 for an individual: "处警告或者五百元以下罚款". A
/// 应当 (`Modal::Shall`) 或者 group needs one of its kinds, and one is enough:
/// a warning alone or a fine alone carries the provision out, and only a
/// penalty with neither leaves a mandatory sanction out (行政处罚法
/// 第七十六条第一款第二项 as the review cites it). Kills `&&`→`||` in
/// `modal == Modal::Shall && !kinds.iter().any(..)` in `Ctx::mandatory`.
#[test]
fn one_kind_of_a_shall_alternative_is_enough() {
    use rouxing::decision::Sanction;
    use rouxing::measure::PenaltyKind;
    use rouxing::money::Money;

    let cat = Catalogue::bundled().unwrap();
    let item = cat.get(&"FR-60-1-3".parse().unwrap()).unwrap();
    let agency =
        Agency { id: "AG-1".parse().unwrap(), name: "某消防救援机构".into(), domain: item.domain };
    let case = case("FR-60-1-3").party(person(d(1980, 1, 1))).agency(agency).build().unwrap();
    let regime = Regime::national();
    let a = assess(&case, &cat, &regime, AS_OF());
    assert!(a.bar.is_none(), "{}", a.explain());
    let mut d = recommend(&a, &regime);
    (d.tier, d.disposition) = (Tier::Ordinary, Disposition::Penalty);
    let warning = Sanction { kind: PenaltyKind::Warning, amount: None };
    let fine = Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(200)) };
    for one in [warning, fine] {
        d.sanctions = vec![one].into();
        let r = review(&case, &cat, &regime, &d, None);
        assert!(!r.has(FindingCode::MandatorySanctionMissing), "{:?}: {r}", one.kind);
    }
    d.sanctions.clear();
    let r = review(&case, &cat, &regime, &d, None);
    assert_eq!(
        r.get(FindingCode::MandatorySanctionMissing).map(|f| f.detail),
        Some(Detail::Kind { kind: PenaltyKind::Warning }),
        "{r}"
    );
}

/// "处一千元以上一万元以下罚款": "以上" includes the number itself (民法典
/// 第一千二百五十九条 "民法所称的“以上”、“以下”、“以内”、“届满”，包括本数", the reading
/// the crate takes for the statutory ranges), so a 从轻 fine of exactly ¥1,000
/// is within the range and one 分 less is below it (行政处罚法 第七十六条第一款
/// 第二项 as the review cites it). Kills `<`→`<=` in `fine < b.min()` in
/// `Ctx::fines` on every run; in the mutation run only a generated case of
/// `adversarial::prop_review_finds_every_unlawful_edit` caught it.
#[test]
fn a_fine_at_the_statutory_minimum_is_not_below_it() {
    use rouxing::decision::{Procedure, Sanction};
    use rouxing::measure::PenaltyKind;
    use rouxing::money::Money;

    let (case, cat, regime) = mitigable();
    let a = assess(&case, &cat, &regime, AS_OF());
    assert!(a.is_lawful(Tier::Lighter), "{}", a.explain());
    let mut d = recommend(&a, &regime);
    (d.tier, d.reasons.tier, d.disposition, d.procedure) =
        (Tier::Lighter, Tier::Lighter, Disposition::Penalty, Procedure::Ordinary);
    let minimum = Money::yuan(1_000);
    d.sanctions = vec![Sanction { kind: PenaltyKind::Fine, amount: Some(minimum) }].into();
    let at = review(&case, &cat, &regime, &d, None);
    assert!(!at.has(FindingCode::FineBelowMinimum), "{at}");
    d.sanctions =
        vec![Sanction { kind: PenaltyKind::Fine, amount: minimum.checked_sub(Money::from_fen(1)) }].into();
    let below = review(&case, &cat, &regime, &d, None);
    assert_eq!(
        below.get(FindingCode::FineBelowMinimum).map(|f| f.detail),
        Some(Detail::Fine { fine: Money::from_fen(99_999), limit: minimum }),
        "{below}"
    );
}

/// A fine where no penalty may be imposed is reported for what it is, once:
/// on a case past the two-year limit of 行政处罚法 第三十六条第一款 a penalty at
/// all is the unlawful finding, and on a 不予处罚 decision a fine is a sanction
/// on a no-penalty decision (第五十七条第一款); neither is also a fine above
/// the maximum of 第七十六条第一款第二项, which measures a penalty that may be
/// imposed. The same ¥12,000 on a penalty that may be imposed is above the
/// ¥10,000 maximum. Kills `||`→`&&` in
/// `a.bar.is_some() || d.tier == Tier::NoPenalty` in `Ctx::fines`.
#[test]
fn a_fine_where_no_penalty_may_be_imposed_is_not_measured_against_the_maximum() {
    use rouxing::assess::Bar;
    use rouxing::decision::{Procedure, Sanction};
    use rouxing::measure::PenaltyKind;
    use rouxing::money::Money;

    let cat = catalogue(vec![range_item("A")]);
    let domain = cat.items().next().unwrap().domain;
    let agency = Agency { id: "AG-1".parse().unwrap(), name: "某市场监督管理局".into(), domain };
    let regime = Regime::national();
    let fine = Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(12_000)) };
    let penalise = |d: &mut Decision, tier: Tier| {
        (d.tier, d.reasons.tier, d.procedure) = (tier, tier, Procedure::Ordinary);
        d.disposition = if tier == Tier::NoPenalty { Disposition::NoPenalty } else { Disposition::Penalty };
        d.sanctions = vec![fine].into();
    };

    let old = case("A").agency(agency.clone()).act_on(d(2020, 1, 1)).build().unwrap();
    let a = assess(&old, &cat, &regime, AS_OF());
    assert_eq!(a.bar, Some(Bar::LimitationExpired), "{}", a.explain());
    let mut barred = recommend(&a, &regime);
    penalise(&mut barred, Tier::Ordinary);
    let r = review(&old, &cat, &regime, &barred, None);
    assert!(!r.is_lawful(), "{r}");
    assert!(!r.has(FindingCode::FineAboveMaximum), "{r}");

    let fresh = case("A").agency(agency).build().unwrap();
    let mut d = recommend(&assess(&fresh, &cat, &regime, AS_OF()), &regime);
    penalise(&mut d, Tier::NoPenalty);
    let r = review(&fresh, &cat, &regime, &d, None);
    assert!(
        r.findings.iter().any(|f| {
            f.detail == Detail::Inconsistency { inconsistency: Inconsistency::SanctionsOnNoPenalty }
        }),
        "{r}"
    );
    assert!(!r.has(FindingCode::FineAboveMaximum), "{r}");

    penalise(&mut d, Tier::Ordinary);
    let r = review(&fresh, &cat, &regime, &d, None);
    assert!(r.has(FindingCode::FineAboveMaximum), "{r}");
}

/// The same for a kind the provision does not prescribe: 吊销许可证件 on
/// "处一千元以上一万元以下罚款" is `SanctionNotPrescribed` (行政处罚法 第七十六条
/// 第一款第二项) on a penalty that may be imposed, but on a case past the
/// limit of 第三十六条第一款 or on a 不予处罚 decision any sanction is already
/// unlawful, and the kind is not also measured against the provision. Kills
/// `||`→`&&` in `a.bar.is_some() || d.tier == Tier::NoPenalty` in
/// `Ctx::kinds`.
#[test]
fn a_kind_where_no_penalty_may_be_imposed_is_not_measured_against_the_provision() {
    use rouxing::assess::Bar;
    use rouxing::decision::{Procedure, Sanction};
    use rouxing::measure::PenaltyKind;
    use rouxing::money::Money;

    let cat = catalogue(vec![range_item("A")]);
    let domain = cat.items().next().unwrap().domain;
    let agency = Agency { id: "AG-1".parse().unwrap(), name: "某市场监督管理局".into(), domain };
    let regime = Regime::national();
    let sanctions = vec![
        Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(5_000)) },
        Sanction { kind: PenaltyKind::RevokePermit, amount: None },
    ];
    let penalise = |d: &mut Decision, tier: Tier| {
        (d.tier, d.reasons.tier, d.procedure) = (tier, tier, Procedure::Ordinary);
        d.disposition = if tier == Tier::NoPenalty { Disposition::NoPenalty } else { Disposition::Penalty };
        d.sanctions = sanctions.as_slice().into();
    };
    let not_prescribed = |r: &Review| r.has(FindingCode::SanctionNotPrescribed);

    let old = case("A").agency(agency.clone()).act_on(d(2020, 1, 1)).build().unwrap();
    let a = assess(&old, &cat, &regime, AS_OF());
    assert_eq!(a.bar, Some(Bar::LimitationExpired), "{}", a.explain());
    let mut barred = recommend(&a, &regime);
    penalise(&mut barred, Tier::Ordinary);
    let r = review(&old, &cat, &regime, &barred, None);
    assert!(!r.is_lawful(), "{r}");
    assert!(!not_prescribed(&r), "{r}");

    let fresh = case("A").agency(agency).build().unwrap();
    let mut d = recommend(&assess(&fresh, &cat, &regime, AS_OF()), &regime);
    penalise(&mut d, Tier::NoPenalty);
    let r = review(&fresh, &cat, &regime, &d, None);
    assert!(!r.is_lawful(), "{r}");
    assert!(!not_prescribed(&r), "{r}");

    penalise(&mut d, Tier::Ordinary);
    let r = review(&fresh, &cat, &regime, &d, None);
    assert_eq!(
        r.get(FindingCode::SanctionNotPrescribed).map(|f| f.detail),
        Some(Detail::Kind { kind: PenaltyKind::RevokePermit }),
        "{r}"
    );
}

/// Only 减轻 may choose a kind the provision does not prescribe, and only a
/// lighter one (the crate's reading of 减轻处罚 under 行政处罚法 第三十二条, after
/// the Jiangsu 市场监管 rule "在…处罚种类之外选择更轻的处罚种类"). On "处一千元以上一万元以下
/// 罚款": a warning beside the fine at 一般 is not prescribed (第七十六条第一款第二项
/// as the review cites it), a warning instead of the fine at 减轻 is, and
/// 吊销许可证件 at 减轻 is heavier than any prescribed kind and not prescribed,
/// nor is 没收非法财物, of the fine's own group (第九条第二项), which is not lighter.
/// Kills `&&`→`||` and `<`→`<=` in
/// `d.tier == Tier::Mitigated && k.group() < p.heaviest_group()` in `Ctx::kinds`.
#[test]
fn only_mitigation_may_choose_a_lighter_kind_than_prescribed() {
    use rouxing::decision::{Procedure, Sanction};
    use rouxing::measure::PenaltyKind;
    use rouxing::money::Money;

    let (case, cat, regime) = mitigable();
    let mut d = recommend(&assess(&case, &cat, &regime, AS_OF()), &regime);
    let warning = Sanction { kind: PenaltyKind::Warning, amount: None };
    let fine = Sanction { kind: PenaltyKind::Fine, amount: Some(Money::yuan(5_000)) };
    let revoke = Sanction { kind: PenaltyKind::RevokePermit, amount: None };
    let not_prescribed = |d: &Decision| {
        review(&case, &cat, &regime, d, None).get(FindingCode::SanctionNotPrescribed).map(|f| f.detail)
    };
    (d.disposition, d.procedure) = (Disposition::Penalty, Procedure::Ordinary);

    (d.tier, d.reasons.tier, d.sanctions) = (Tier::Ordinary, Tier::Ordinary, vec![fine, warning].into());
    assert_eq!(not_prescribed(&d), Some(Detail::Kind { kind: PenaltyKind::Warning }));

    (d.tier, d.reasons.tier, d.sanctions) = (Tier::Mitigated, Tier::Mitigated, vec![warning].into());
    assert_eq!(not_prescribed(&d), None);

    d.sanctions = vec![revoke].into();
    assert_eq!(not_prescribed(&d), Some(Detail::Kind { kind: PenaltyKind::RevokePermit }));

    d.sanctions = vec![Sanction { kind: PenaltyKind::ConfiscateIllegalProperty, amount: None }].into();
    assert_eq!(not_prescribed(&d), Some(Detail::Kind { kind: PenaltyKind::ConfiscateIllegalProperty }));
}

/// A finding built from its parts, to read its explanation.
fn explain(code: FindingCode, severity: Severity, detail: Detail) -> String {
    use rouxing::law::Citation;
    let f = Finding { code, severity, citation: Citation::apl(57).para(1).into(), detail };
    f.explanation().to_string()
}

/// The explanation of an inconsistent decision (行政处罚法 第五十七条第一款)
/// says what the decision does in substance: a penalty that imposes nothing
/// is 实质上不予处罚 — and where that is unlawful (the case is not one of
/// 不予处罚) it says so; a 不予处罚 that imposes sanctions 实质上给予了行政处罚.
#[test]
fn an_inconsistency_is_explained_by_what_the_decision_does() {
    let nothing = Inconsistency::NoSanctionsOnPenalty;
    let detail = || Detail::Inconsistency { inconsistency: nothing };
    assert_eq!(
        explain(FindingCode::InconsistentDecision, Severity::Unlawful, detail()),
        format!("{}，实质上不予处罚，而本案依法不属于不予处罚的情形", nothing.legal_name())
    );
    for lesser in [Severity::Irregular, Severity::Advisory] {
        assert_eq!(explain(FindingCode::InconsistentDecision, lesser, detail()), nothing.legal_name());
    }
    let sanctions = Inconsistency::SanctionsOnNoPenalty;
    assert_eq!(
        explain(
            FindingCode::InconsistentDecision,
            Severity::Unlawful,
            Detail::Inconsistency { inconsistency: sanctions }
        ),
        format!("{}，实质上给予了行政处罚", sanctions.legal_name())
    );
}

/// 行政处罚法 第五十八条第一款第（一）至（三）项 name their decisions themselves:
/// the explanation of a review missing under one of them names the decision
/// and the duty, and adds no source of a regime's rule (item (四)).
#[test]
fn a_missing_review_under_the_statute_cites_no_other_source() {
    use rouxing::decision::ReviewTrigger;
    let trigger = ReviewTrigger::MajorPublicInterest;
    let f = Finding {
        code: FindingCode::MissingLegalReview,
        severity: Severity::Unlawful,
        citation: trigger.statute().unwrap().into(),
        detail: Detail::Trigger { trigger },
    };
    assert_eq!(
        f.explanation().to_string(),
        format!(
            "本决定属于“{}”，应当在作出决定前由法制审核人员进行法制审核，未经法制审核或者审核未通过的，不得作出决定",
            trigger.legal_name()
        )
    );
}

/// 行政处罚法 第四十五条第二款 and 第四十四条: a heavier amount of a notified kind is
/// explained amount against amount; a decision made heavier on new facts
/// counts them and asks for a fresh notice, and without new facts it asks for
/// the notice the decision lacked.
#[test]
fn a_heavier_decision_is_explained_amount_against_amount() {
    use rouxing::measure::PenaltyKind;
    use rouxing::money::Money;
    let heavier = |new_facts| Detail::Heavier {
        kind: PenaltyKind::Fine,
        amount: Some(Money::yuan(3_000)),
        notified: Some(Money::yuan(2_000)),
        kind_notified: true,
        new_facts,
    };
    assert_eq!(
        explain(FindingCode::HeavierAfterStatement, Severity::Unlawful, heavier(0)),
        "决定罚款¥3,000.00，重于告知的罚款¥2,000.00；当事人已陈述、申辩且没有查明新的事实，行政机关不得因当事人陈述、申辩而给予更重的处罚"
    );
    assert_eq!(
        explain(FindingCode::FreshNoticeMissing, Severity::Unlawful, heavier(2)),
        "决定罚款¥3,000.00，重于告知的罚款¥2,000.00；依据告知后查明的2项新的事实加重处罚，应当重新告知拟作出的行政处罚内容及事实、理由、依据"
    );
    assert_eq!(
        explain(FindingCode::FreshNoticeMissing, Severity::Unlawful, heavier(0)),
        "决定罚款¥3,000.00，重于告知的罚款¥2,000.00；拟作出的行政处罚内容未经告知，应当重新告知"
    );
}

/// 首违不罚 that 应当从重 blocks (山丹县实施方案 四(二): the plan's 从重 情形 leave no
/// room for 首违不罚; the trace's `FirstBlockedByAggravation`) is an excluded
/// leniency: a 不予处罚 on it is `LeniencyExcluded`, the finding that names
/// the exclusion, not the bare `BelowLawfulSet` of a tier no rule reaches.
#[test]
fn a_first_violation_blocked_by_aggravation_is_an_excluded_leniency() {
    use rouxing::assess::{Rule, Why};
    use rouxing::case::{Aggravating, Harm};
    let cat = catalogue(vec![range_item("A")]);
    let domain = cat.items().next().unwrap().domain;
    let agency = Agency { id: "AG-1".parse().unwrap(), name: "某市场监督管理局".into(), domain };
    let c = case("A")
        .agency(agency)
        .harm(Harm::Slight)
        .correction(prompt())
        .aggravating(vec![Aggravating::Obstruction])
        .build()
        .unwrap();
    let regime = Regime::shandan_sample();
    let a = assess(&c, &cat, &regime, AS_OF());
    assert!(
        a.trace.iter().any(|t| t.rule == Rule::FirstViolation && t.why == Why::FirstBlockedByAggravation)
    );
    assert!(!a.is_lawful(Tier::NoPenalty), "{}", a.explain());
    let mut d = recommend(&a, &regime);
    (d.tier, d.disposition, d.sanctions) = (Tier::NoPenalty, Disposition::NoPenalty, vec![].into());
    let r = review(&c, &cat, &regime, &d, None);
    assert!(r.has(FindingCode::LeniencyExcluded), "{r}");
    assert!(!r.has(FindingCode::BelowLawfulSet), "{r}");
}

/// 行政处罚法 第三十二条: 减轻 lowers the fine or the kind and may leave out the
/// other kinds a provision imposes, but never 没收非法财物 (unlawful property is
/// never returned). On "处一千元以上一万元以下罚款，并处没收非法财物、暂扣许可证件", a 减轻 decision
/// without the 暂扣 is complete; without the confiscation it leaves out a
/// mandatory sanction (第七十六条第一款第二项 as the review cites it).
#[test]
fn mitigation_may_leave_out_an_imposed_kind_but_the_confiscation_of_property() {
    use rouxing::case::Mitigating;
    use rouxing::measure::PenaltyKind;
    let cat = fine_confiscation_suspension_catalogue();
    let mut regime = Regime::national();
    regime.readings.alternative_mitigation = rouxing::regime::AlternativeMitigation::Mitigated;
    let c = case("A").mitigating(vec![Mitigating::Coerced]).build().unwrap();
    let d = recommend(&assess(&c, &cat, &regime, AS_OF()), &regime);
    assert_eq!(d.tier, Tier::Mitigated);
    let missing = |d: &Decision| {
        let r = review(&c, &cat, &regime, d, None);
        r.findings
            .iter()
            .filter(|f| f.code == FindingCode::MandatorySanctionMissing)
            .map(|f| f.detail)
            .collect::<Vec<_>>()
    };
    assert_eq!(missing(&d), []);
    let mut without = d.clone();
    without.sanctions = d.sanctions.iter().filter(|s| s.kind == PenaltyKind::Fine).copied().collect();
    assert_eq!(missing(&without), [Detail::Kind { kind: PenaltyKind::ConfiscateIllegalProperty }]);
}

/// A 应当 group "处罚款或者警告" with neither kind imposed: the review names the
/// fine, the group's first kind, as missing; where the law withholds the fine
/// (第二十九条, fined before for the same act) it names the warning.
#[test]
fn a_missing_shall_alternative_is_named_by_its_first_kind_the_law_allows() {
    use rouxing::measure::PenaltyKind;
    let cat = fine_or_warning_catalogue();
    let regime = Regime::national();
    let missing = |c: Case| {
        let mut d = recommend(&assess(&c, &cat, &regime, AS_OF()), &regime);
        assert_eq!(d.tier, Tier::Ordinary);
        d.sanctions = vec![].into();
        let r = review(&c, &cat, &regime, &d, None);
        r.findings
            .iter()
            .filter(|f| f.code == FindingCode::MandatorySanctionMissing)
            .map(|f| f.detail)
            .collect::<Vec<_>>()
    };
    assert_eq!(missing(case("FW-1").build().unwrap()), [Detail::Kind { kind: PenaltyKind::Fine }]);
    let earlier = earlier_fine();
    assert_eq!(
        missing(case("FW-1").fined_before(earlier).build().unwrap()),
        [Detail::Kind { kind: PenaltyKind::Warning }],
        "第二十九条"
    );
}

/// 行政处罚法 第二十八条第二款 ("当事人有违法所得，除依法应当退赔的外，应当予以没收"): a
/// decision that keeps ¥800 of established gains is `MissingConfiscation` on
/// a penalty under every reading, and on 不予处罚 only under the reading that
/// confiscates there (`GainsOnNoPenalty::Confiscate`, the default); never on
/// a barred case (past the limit of 第三十六条第一款 nothing is confiscated).
#[test]
fn a_kept_gain_is_missing_confiscation_only_where_the_duty_is() {
    use rouxing::assess::Bar;
    use rouxing::measure::PenaltyKind;
    use rouxing::money::{Amounts, Money};
    use rouxing::regime::GainsOnNoPenalty;
    let cat = catalogue(vec![range_item("A")]);
    let domain = cat.items().next().unwrap().domain;
    let agency = Agency { id: "AG-1".parse().unwrap(), name: "某市场监督管理局".into(), domain };
    let gains = Amounts { illegal_gains: Some(Money::yuan(800)), ..Amounts::default() };
    let fresh = case("A").agency(agency.clone()).amounts(gains).build().unwrap();
    let old = case("A").agency(agency).amounts(gains).act_on(d(2020, 1, 1)).build().unwrap();
    let missing = |c: &Case, reading: GainsOnNoPenalty, no_penalty: bool| {
        let mut regime = Regime::national();
        regime.readings.gains_on_no_penalty = reading;
        let mut d = recommend(&assess(c, &cat, &regime, AS_OF()), &regime);
        if no_penalty {
            (d.tier, d.disposition) = (Tier::NoPenalty, Disposition::NoPenalty);
            d.sanctions = vec![].into();
        } else {
            assert_eq!(d.tier, Tier::Ordinary);
            d.sanctions = d
                .sanctions
                .iter()
                .filter(|s| s.kind != PenaltyKind::ConfiscateIllegalGains)
                .copied()
                .collect();
            assert!(!d.sanctions.is_empty());
        }
        review(c, &cat, &regime, &d, None).has(FindingCode::MissingConfiscation)
    };
    use GainsOnNoPenalty::{Confiscate, NotConfiscated};
    assert!(missing(&fresh, Confiscate, false));
    assert!(missing(&fresh, NotConfiscated, false));
    assert!(missing(&fresh, Confiscate, true));
    assert!(!missing(&fresh, NotConfiscated, true));
    assert_eq!(assess(&old, &cat, &Regime::national(), AS_OF()).bar, Some(Bar::LimitationExpired));
    assert!(!missing(&old, Confiscate, true));
    assert!(!missing(&old, NotConfiscated, true));
}
