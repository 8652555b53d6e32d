//! Fixtures shared by the article tests: a small catalogue of items whose
//! fine rules mirror common statutory wordings, and a case builder with
//! sensible defaults.

#![allow(dead_code, reason = "each test module uses a different subset")]

use chrono::NaiveDate;
use rouxing::case::{Case, CaseBuilder, Correction, Harm};
use rouxing::catalogue::{Catalogue, Domain, Item, StatutoryPenalty};
use rouxing::measure::PenaltyKind;
use rouxing::money::{FineRule, Money};
use rouxing::party::{MentalCapacity, Party, PartyId};
use rouxing::{Assessment, Decision, Regime, assess, recommend};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A 过渡期 request to reach "达标" within `days` days from `from`, with no
/// milestones.
pub fn transition_request(from: NaiveDate, days: u64) -> rouxing::mechanism::tolerance::TransitionRequest {
    let end = from.checked_add_days(chrono::Days::new(days)).unwrap();
    rouxing::mechanism::tolerance::TransitionRequest {
        standard: "达标".to_owned(),
        window: rouxing::mechanism::DateWindow::new(from, end).unwrap(),
        milestones: vec![],
    }
}

/// A list entry (from source `SRC`) whose one condition is 在责令改正期限内改正,
/// with no exclusion, no list amount and no supporting measure; tests vary it
/// by struct update.
pub fn entry_when_corrected(
    id: &str,
    outcome: rouxing::catalogue::ListOutcome,
    modal: rouxing::catalogue::Modal,
) -> rouxing::catalogue::ListEntry {
    rouxing::catalogue::ListEntry {
        id: id.parse().unwrap(),
        source: "SRC".parse().unwrap(),
        outcome,
        modal,
        conditions: vec![rouxing::catalogue::EntryCondition {
            text: "在责令改正期限内改正".into(),
            tests: vec![rouxing::catalogue::Condition::CorrectedPromptly],
        }],
        exclusions: vec![],
        reduced_fine: None,
        reduced_fine_natural_person: None,
        coercive_measure_withheld: None,
        supporting_measures: vec![],
        basis: None,
        effective_from: None,
        valid_until: None,
    }
}

pub fn item(code: &str, penalty: StatutoryPenalty) -> Item {
    Item {
        code: code.parse().unwrap(),
        name: format!("测试违法行为{code}"),
        domain: Domain::MarketRegulation,
        authority: "县级以上市场监督管理部门".into(),
        violated_provisions: vec![],
        penalty_provision: format!("测试条例第{}条", code.len()),
        penalty_text: None,
        penalty,
        amendments: vec![],
        safety_baseline: false,
        sectors: vec![],
        limitation: None,
        aggravation: vec![],
        no_fault_exception: None,
        entries: vec![],
    }
}

/// "处十万元以上五十万元以下罚款": every fine is 较大数额 for an organisation
/// (¥100,000, the national regime's hearing threshold and the sample
/// regime's legal-review threshold).
pub fn large_item(code: &str) -> Item {
    item(
        code,
        StatutoryPenalty::new(
            vec![PenaltyKind::Fine],
            Some(FineRule::range(Money::yuan(100_000), Money::yuan(500_000)).unwrap()),
            None,
        )
        .unwrap(),
    )
}

/// "处一千元以上一万元以下罚款"
pub fn range_item(code: &str) -> Item {
    item(
        code,
        StatutoryPenalty::new(
            vec![PenaltyKind::Fine],
            Some(FineRule::range(Money::yuan(1_000), Money::yuan(10_000)).unwrap()),
            None,
        )
        .unwrap(),
    )
}

/// "可以处五万元以下的罚款"
pub fn up_to_item(code: &str) -> Item {
    item(
        code,
        StatutoryPenalty::new(
            vec![PenaltyKind::Fine],
            Some(FineRule::up_to(Money::yuan(50_000)).unwrap()),
            None,
        )
        .unwrap(),
    )
}

pub fn catalogue(items: Vec<Item>) -> Catalogue {
    Catalogue::new("测试目录", vec![], items).unwrap()
}

/// A catalogue whose list entries cite one test list (source `SRC`).
pub fn listed_catalogue_of(items: Vec<Item>) -> Catalogue {
    let source = rouxing::catalogue::Source {
        id: "SRC".parse().unwrap(),
        title: "测试清单".into(),
        issuer: "测试".into(),
        doc_number: None,
        url: None,
        status: None,
        rules: vec![],
    };
    Catalogue::new("测试目录", vec![source], items).unwrap()
}

/// A catalogue of one item "L-1" (a [`range_item`]) with one list entry
/// "L-1-E1", varied from [`entry_when_corrected`] by `edit`.
pub fn with_entry(
    outcome: rouxing::catalogue::ListOutcome,
    modal: rouxing::catalogue::Modal,
    edit: impl FnOnce(&mut rouxing::catalogue::ListEntry),
) -> Catalogue {
    let mut e = entry_when_corrected("L-1-E1", outcome, modal);
    edit(&mut e);
    let mut it = range_item("L-1");
    it.entries.push(e);
    listed_catalogue_of(vec![it])
}

/// 及时改正: corrected on 2025-03-12, within the period the order set.
pub fn prompt() -> Correction {
    Correction::Prompt { on: d(2025, 3, 12) }
}

/// How the assessment read the list entry (the result of its
/// `Rule::ListEntry` trace step), or `None` where no entry was read.
pub fn entry_result(a: &Assessment) -> Option<rouxing::assess::EntryResult> {
    use rouxing::assess::{Rule, Why};
    a.trace.iter().find_map(|t| match t.why {
        Why::Entry { result, .. } if t.rule == Rule::ListEntry => Some(result),
        _ => None,
    })
}

pub fn org() -> Party {
    Party::legal_person(PartyId::new("ORG-1").unwrap(), None)
}

pub fn person(birth: NaiveDate) -> Party {
    Party::natural_person(PartyId::new("P-1").unwrap(), birth, MentalCapacity::Full)
}

/// A plain case: organisation, act 2025-03-01, discovered 2025-03-10, harm
/// harmful, not corrected.
pub fn case(item: &str) -> CaseBuilder {
    Case::builder("C-1".parse().unwrap(), item.parse().unwrap())
        .party(org())
        .act_on(d(2025, 3, 1))
        .discovered_on(d(2025, 3, 10))
        .harm(Harm::Harmful)
        .correction(Correction::None)
}

pub const AS_OF: fn() -> NaiveDate = || d(2025, 4, 1);

pub fn run(c: &Case, cat: &Catalogue) -> (Assessment, Decision) {
    run_with(c, cat, &Regime::national())
}

pub fn run_with(c: &Case, cat: &Catalogue, r: &Regime) -> (Assessment, Decision) {
    let a = assess(c, cat, r, AS_OF());
    let dec = recommend(&a, r);
    (a, dec)
}

/// The number of generated cases per property: `PROPTEST_CASES` when set
/// (for long runs), otherwise `default` (sized for CI).
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

/// A TEST FIXTURE, not a real catalogue item: a public-order violation
/// fined "二百元以上五百元以下" (invented band) whose special law is
/// 《中华人民共和国治安管理处罚法》 (2012), carrying that law's 从重 article 第二十条
/// verbatim as four clauses — one per 项.
pub fn public_order_item(code: &str) -> Item {
    use rouxing::catalogue::{AggravationClause, AggravationCondition as C};
    use rouxing::facts::{Aggravating, Window};
    use rouxing::law::{Citation, Instrument};
    let art20 = |n: u8, text: &str, condition: C| AggravationClause {
        citation: Citation::new(Instrument::PublicSecurityAdministrationPunishmentLaw, 20).item(n),
        text: format!("违反治安管理有下列情形之一的，从重处罚：{text}"),
        conditions: vec![condition],
    };
    let mut it = item(
        code,
        StatutoryPenalty::new(
            vec![PenaltyKind::Fine],
            Some(FineRule::range(Money::yuan(200), Money::yuan(500)).unwrap()),
            None,
        )
        .unwrap(),
    );
    it.name = format!("测试治安违法行为{code}（测试用例，非真实清单事项）");
    it.domain = Domain::PublicSecurity;
    it.authority = "县级以上人民政府公安机关".into();
    it.aggravation = vec![
        art20(1, "（一）有较严重后果的；", C::Harm { at_least: Harm::Serious }),
        art20(
            2,
            "（二）教唆、胁迫、诱骗他人违反治安管理的；",
            C::Circumstance { circumstance: Aggravating::CoercedOthers },
        ),
        art20(
            3,
            "（三）对报案人、控告人、举报人、证人打击报复的；",
            C::Circumstance { circumstance: Aggravating::Retaliation },
        ),
        art20(4, "（四）六个月内曾受过治安管理处罚的。", C::PriorPenalty { within: Window::Months(6) }),
    ];
    it
}

/// A catalogue of one item "FW-1" whose provision reads "处一千元以上一万元以下罚款或者警告"
/// as a 应当 或者 group: the fine first, then the warning.
pub fn fine_or_warning_catalogue() -> Catalogue {
    use rouxing::catalogue::ProvisionSanction;
    let fine = ProvisionSanction {
        fine: Some(FineRule::range(Money::yuan(1_000), Money::yuan(10_000)).unwrap()),
        alternative: Some(1),
        ..ProvisionSanction::shall(PenaltyKind::Fine)
    };
    let warning =
        ProvisionSanction { alternative: Some(1), ..ProvisionSanction::shall(PenaltyKind::Warning) };
    catalogue(vec![item("FW-1", StatutoryPenalty::structured(vec![fine, warning]).unwrap())])
}

/// A fine of ¥3,000 given for the same act on 2025-03-12 (第二十九条: "对当事人的同一个违法行为，
/// 不得给予两次以上罚款的行政处罚").
pub fn earlier_fine() -> rouxing::case::EarlierFine {
    rouxing::case::EarlierFine {
        provision: "测试条例第1条".into(),
        by: "某县市场监督管理局".into(),
        on: d(2025, 3, 12),
        amount: Money::yuan(3_000),
    }
}

/// A catalogue of one item "A" whose provision reads "处一千元以上一万元以下罚款，
/// 并处没收非法财物、暂扣许可证件": three kinds, each imposed (应当).
pub fn fine_confiscation_suspension_catalogue() -> Catalogue {
    use rouxing::catalogue::ProvisionSanction;
    let penalty = StatutoryPenalty::structured(vec![
        ProvisionSanction::shall(PenaltyKind::Fine)
            .with_fine(FineRule::range(Money::yuan(1_000), Money::yuan(10_000)).unwrap()),
        ProvisionSanction::shall(PenaltyKind::ConfiscateIllegalProperty),
        ProvisionSanction::shall(PenaltyKind::SuspendPermit),
    ])
    .unwrap();
    catalogue(vec![item("A", penalty)])
}
