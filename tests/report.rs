//! The statistics table: column definitions, totals, renderings and typical
//! cases.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use rouxing::Decision;
use rouxing::assess::{Bar, Ground, Tier};
use rouxing::case::Agency;
use rouxing::catalogue::{Domain, ListOutcome, Modal};
use rouxing::decision::{Disposition, Sanction};
use rouxing::measure::{Channel, Mechanism, PenaltyKind, SoftMeasure};
use rouxing::money::Money;
use rouxing::report::*;

use crate::common::{case, catalogue, d, range_item, run};

fn base() -> Decision {
    let cat = catalogue(vec![range_item("X-1")]);
    let c = case("X-1").build().unwrap();
    run(&c, &cat).1
}

fn agency(n: usize) -> Option<Agency> {
    let units = [
        ("EM", "某县应急管理局", Domain::EmergencyManagement),
        ("SCJG", "某县市场监督管理局, 综合执法队", Domain::MarketRegulation),
        ("ST\"HJ", "某县生态环境分局", Domain::EcologyEnvironment),
    ];
    units.get(n).map(|(id, name, domain)| Agency {
        id: id.parse().unwrap(),
        name: (*name).into(),
        domain: *domain,
    })
}

fn list_entry(outcome: ListOutcome) -> Ground {
    Ground::ListEntry { index: 0, outcome, modal: Modal::May, authorised_by: None }
}

/// A decision of outcome kind `k` (0–9).
fn shaped(k: u8) -> Decision {
    let mut dec = base();
    dec.reasons.grounds.clear();
    dec.reasons.bar = None;
    dec.disposition = Disposition::Penalty;
    let no_penalty = |dec: &mut Decision, g: Option<Ground>| {
        dec.tier = Tier::NoPenalty;
        dec.disposition = Disposition::NoPenalty;
        dec.sanctions.clear();
        dec.reasons.grounds.extend(g);
    };
    match k {
        0 => no_penalty(&mut dec, Some(Ground::MinorCorrectedNoHarm)),
        1 => no_penalty(&mut dec, Some(list_entry(ListOutcome::FirstViolationNoPenalty))),
        2 => no_penalty(&mut dec, Some(Ground::NoFault)),
        3 => no_penalty(&mut dec, Some(Ground::UnderFourteen)),
        4 => {
            no_penalty(&mut dec, None);
            dec.reasons.bar = Some(Bar::FactsNotEstablished);
        }
        5 => dec.tier = Tier::Mitigated,
        6 => dec.tier = Tier::Lighter,
        7 => dec.tier = Tier::Ordinary,
        8 => dec.tier = Tier::Heavier,
        _ => {
            no_penalty(&mut dec, None);
            dec.disposition = Disposition::Transfer;
            dec.reasons.bar = Some(Bar::SuspectedCrime);
        }
    }
    dec
}

fn set_fine(dec: &mut Decision, fine: Option<Money>) {
    dec.sanctions.retain(|s| s.kind != PenaltyKind::Fine);
    if let Some(f) = fine {
        dec.sanctions.push(Sanction { kind: PenaltyKind::Fine, amount: Some(f) });
    }
}

#[allow(clippy::too_many_arguments, reason = "a generated decision's knobs")]
fn generated(
    k: u8,
    unit: usize,
    day: u64,
    party: u8,
    item: u8,
    measures: u16,
    contacts: Vec<u8>,
    mechanisms: u8,
    coercion: bool,
    baseline: Option<u64>,
    fine_permille: u64,
) -> Decision {
    let mut dec = shaped(k);
    dec.agency = agency(unit);
    dec.decided_on = d(2024, 10, 1).checked_add_days(Days::new(day)).unwrap();
    dec.party = format!("P-{party}").parse().unwrap();
    dec.item = Some(format!("X-{item}").parse().unwrap());
    dec.case_id = format!("C-{day}-{party}-{item}-{k}").parse().unwrap();
    dec.soft_measures = SoftMeasure::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| measures & (1 << i) != 0)
        .map(|(_, m)| *m)
        .collect();
    dec.contacts = contacts.into_iter().filter_map(|c| Channel::ALL.get(usize::from(c)).copied()).collect();
    dec.mechanisms = Mechanism::ALL
        .iter()
        .enumerate()
        .filter(|(i, _)| mechanisms & (1 << i) != 0)
        .map(|(_, m)| *m)
        .collect();
    dec.coercion_withheld = if coercion { vec![0] } else { vec![] };
    dec.baseline_fine = baseline.map(Money::yuan);
    let fine = match (dec.tier, baseline) {
        (Tier::NoPenalty, _) => None,
        (_, Some(b)) => Some(Money::yuan(b * fine_permille / 1000)),
        (_, None) => Some(Money::yuan(fine_permille)),
    };
    set_fine(&mut dec, fine);
    dec
}

fn arb_decision() -> impl Strategy<Value = Decision> {
    (
        (0u8..10, 0usize..4, 0u64..500, 0u8..4, 0u8..3),
        (
            any::<u16>(),
            prop::collection::vec(0u8..5, 0..3),
            0u8..32,
            any::<bool>(),
            prop::option::of(0u64..20_000),
            0u64..1_300,
        ),
    )
        .prop_map(|((k, u, day, p, i), (m, c, mech, co, b, f))| {
            generated(k, u, day, p, i, m, c, mech, co, b, f)
        })
}

fn period() -> ReportPeriod {
    ReportPeriod::year(2025).unwrap()
}

fn lenient(d: &Decision) -> bool {
    d.tier.is_lenient() && d.reasons.bar.is_none() && d.disposition != Disposition::Transfer
}

// ---------------------------------------------------------------------------
// Example tests
// ---------------------------------------------------------------------------

#[test]
fn each_outcome_counts_in_its_column() {
    let decisions: Vec<Decision> = (0..10).map(shaped).collect();
    let t = tabulate(&decisions, period());
    let tot = t.total();
    let expect = [
        (Column::TotalCases, 10),
        (Column::NoPenalty, 5),
        (Column::NoPenaltyBy(NoPenaltyGround::Minor), 1),
        (Column::NoPenaltyBy(NoPenaltyGround::FirstViolation), 1),
        (Column::NoPenaltyBy(NoPenaltyGround::NoFault), 1),
        (Column::NoPenaltyBy(NoPenaltyGround::NoResponsibility), 1),
        (Column::NoPenaltyBy(NoPenaltyGround::Other), 1),
        (Column::Mitigated, 1),
        (Column::Lighter, 1),
        (Column::Ordinary, 1),
        (Column::Heavier, 1),
        (Column::Transferred, 1),
    ];
    for (c, n) in expect {
        assert_eq!(tot.count(c), n, "{}", c.code());
    }
    // All in one unit: the row without an agency.
    assert_eq!(t.rows().len(), 1);
    assert_eq!(t.rows()[0].unit.name, UNKNOWN_UNIT);
    assert_eq!(t.outside_period(), 0);
}

#[test]
fn relief_is_baseline_minus_imposed_on_lenient_decisions() {
    // 从轻: baseline ¥5,500, imposed ¥2,350 → 减负 ¥3,150.
    let mut a = shaped(6);
    a.baseline_fine = Some(Money::yuan(5_500));
    set_fine(&mut a, Some(Money::yuan(2_350)));
    // 首违不罚: baseline ¥5,500, nothing imposed → 减负 ¥5,500.
    let mut b = shaped(1);
    b.baseline_fine = Some(Money::yuan(5_500));
    // 一般: not lenient, not counted.
    let mut c = shaped(7);
    c.baseline_fine = Some(Money::yuan(5_500));
    set_fine(&mut c, Some(Money::yuan(5_500)));
    let t = tabulate(&[a.clone(), b.clone(), c], period());
    assert_eq!(t.total().amount(Column::BaselineFine), Money::yuan(11_000));
    assert_eq!(t.total().amount(Column::ImposedFine), Money::yuan(2_350));
    assert_eq!(t.total().amount(Column::Relief), Money::yuan(8_650));
    assert_eq!(relief(&a), Money::yuan(3_150));
    assert_eq!(relief(&b), Money::yuan(5_500));
    assert_eq!(t.total().count(Column::FlexibleCases), 2);
}

#[test]
fn repeat_after_leniency_counts_the_later_decision_and_uses_history() {
    // A 首违不罚 in December 2024 (outside the period), then an ordinary
    // penalty in 2025 for the same party and item: one repeat.
    let mut first = shaped(1);
    first.decided_on = d(2024, 12, 1);
    let mut again = shaped(7);
    again.decided_on = d(2025, 2, 1);
    // Same day is not "after".
    let mut same_day = shaped(7);
    same_day.decided_on = d(2024, 12, 1);
    // Another item: not a repeat.
    let mut other = shaped(7);
    other.decided_on = d(2025, 3, 1);
    other.item = Some("X-2".parse().unwrap());
    let t = tabulate(&[again, first, same_day, other], period());
    assert_eq!(t.total().count(Column::RepeatAfterLeniency), 1);
    assert_eq!(t.total().count(Column::TotalCases), 2);
    assert_eq!(t.outside_period(), 2);
}

#[test]
fn soft_measures_contacts_mechanisms_and_no_coercion() {
    let mut a = shaped(7);
    a.soft_measures = vec![SoftMeasure::Reminder, SoftMeasure::Reminder, SoftMeasure::Interview].into();
    a.contacts = vec![Channel::Phone, Channel::Phone, Channel::Sms];
    a.mechanisms = vec![Mechanism::ObservationPeriod, Mechanism::CreditIncentive].into();
    a.coercion_withheld = vec![1, 2];
    let t = tabulate(&[a], period());
    let tot = t.total();
    assert_eq!(tot.count(Column::SoftMeasure(SoftMeasure::Reminder)), 1);
    assert_eq!(tot.count(Column::SoftMeasure(SoftMeasure::Interview)), 1);
    assert_eq!(tot.count(Column::Contact(Channel::Phone)), 2);
    assert_eq!(tot.count(Column::Contact(Channel::Sms)), 1);
    assert_eq!(tot.count(Column::Mechanism(Mechanism::ObservationPeriod)), 1);
    assert_eq!(tot.count(Column::Mechanism(Mechanism::TransitionPeriod)), 0);
    assert_eq!(tot.count(Column::Mechanism(Mechanism::CreditIncentive)), 1);
    assert_eq!(tot.count(Column::NoCoercion), 1);
    assert_eq!(tot.count(Column::FlexibleCases), 1);
}

#[test]
fn columns_have_unique_codes_and_headers() {
    let cols = Column::all();
    for (i, c) in cols.iter().enumerate() {
        assert_eq!(Column::from_code(&c.code()), Some(*c));
        assert!(cols[i + 1..].iter().all(|o| o.code() != c.code() && o.header() != c.header()));
    }
    assert_eq!(cols[0].header(), "案件总数");
    assert_eq!(Column::NoPenaltyBy(NoPenaltyGround::FirstViolation).code(), "no_penalty_first_violation");
    assert_eq!(Column::NoPenaltyBy(NoPenaltyGround::FirstViolation).header(), "其中：首违不罚");
    assert_eq!(Column::Relief.header(), "减负金额（元）");
}

#[test]
fn period_errors() {
    let e = ReportPeriod::new(d(2025, 2, 1), d(2025, 1, 31)).unwrap_err();
    assert_eq!(e.to_string(), "report period ends on `2025-01-31`, before it starts on `2025-02-01`");
    let p = ReportPeriod::new(d(2025, 1, 1), d(2025, 1, 1)).unwrap();
    assert!(p.contains(d(2025, 1, 1)) && !p.contains(d(2025, 1, 2)));
    let bad = r#"{"from":"2025-02-01","to":"2025-01-31"}"#;
    assert!(serde_json::from_str::<ReportPeriod>(bad).is_err());
}

#[test]
fn markdown_has_headers_units_and_total() {
    let decisions: Vec<Decision> = (0..10u8)
        .map(|k| {
            let mut d = shaped(k);
            d.agency = agency(usize::from(k % 3));
            d
        })
        .collect();
    let md = tabulate(&decisions, period()).to_markdown();
    assert!(md.starts_with("实施行政柔性执法和“两轻一免”情况统计表（2025-01-01 至 2025-12-31）"));
    assert!(md.contains("| 执法单位 | 案件总数 | 柔性执法案件数 | 不予处罚 |"));
    assert!(md.contains("| 某县应急管理局 |"));
    assert!(md.contains("| **合计** | **10** |"));
}

#[test]
fn typical_cases_one_per_category_and_unit_with_most_relief() {
    let mut small = shaped(1);
    small.agency = agency(0);
    small.baseline_fine = Some(Money::yuan(1_000));
    small.case_id = "C-small".parse().unwrap();
    let mut big = small.clone();
    big.baseline_fine = Some(Money::yuan(9_000));
    big.case_id = "C-big".parse().unwrap();
    let mut mitigated = shaped(5);
    mitigated.agency = agency(0);
    let mut elsewhere = shaped(0);
    elsewhere.agency = agency(1);
    let mut outside = small.clone();
    outside.baseline_fine = Some(Money::yuan(90_000));
    outside.decided_on = d(2026, 1, 1);
    let cases = typical_cases(&[small, big, mitigated, elsewhere, outside], period(), |d| {
        format!("{}的案情", d.case_id)
    });
    let picked: Vec<(String, TypicalCategory)> =
        cases.iter().map(|t| (t.case_id.to_string(), t.category)).collect();
    assert_eq!(
        picked,
        vec![
            ("C-big".to_owned(), TypicalCategory::FirstViolation),
            ("C-1".to_owned(), TypicalCategory::Mitigated),
            ("C-1".to_owned(), TypicalCategory::MinorNoPenalty),
        ]
    );
    assert_eq!(cases[0].relief, Money::yuan(9_000));
    assert_eq!(cases[0].facts, "C-big的案情");
    let md = typical_cases_markdown(&cases);
    assert!(md.starts_with("# 行政柔性执法典型案例\n"));
    assert!(md.contains("## 一、某县应急管理局：首违不罚（C-big）"));
    assert!(md.contains("《中华人民共和国行政处罚法》第三十三条第一款：“违法行为轻微并及时改正"));
    assert!(md.contains("**减负金额**　¥9,000.00"));
    let json = serde_json::to_string(&cases).unwrap();
    assert_eq!(serde_json::from_str::<Vec<TypicalCase>>(&json).unwrap(), cases);
}

// ---------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::common::cases(128), ..ProptestConfig::default() })]

    /// The total row is the sum of the unit rows; 案件总数 is the number of
    /// decisions in the period; every decision lands in one outcome column;
    /// every column agrees with a direct count over the decisions.
    #[test]
    fn prop_report_totals_are_sums(decisions in prop::collection::vec(arb_decision(), 0..80)) {
        let t = tabulate(&decisions, period());
        let inside: Vec<&Decision> = decisions.iter().filter(|d| period().contains(d.decided_on)).collect();
        prop_assert_eq!(t.outside_period() as usize, decisions.len() - inside.len());
        for c in Column::all() {
            let sum = t.rows().iter().fold(Money::ZERO, |acc, r| match r.counts.get(c) {
                Cell::Count(n) => acc.saturating_add(Money::from_fen(n)),
                Cell::Amount(m) => acc.saturating_add(m),
            });
            let total = match t.total().get(c) { Cell::Count(n) => Money::from_fen(n), Cell::Amount(m) => m };
            prop_assert_eq!(sum, total, "{}", c.code());
        }
        let tot = t.total();
        prop_assert_eq!(tot.count(Column::TotalCases) as usize, inside.len());
        let outcomes = [Column::NoPenalty, Column::Mitigated, Column::Lighter, Column::Ordinary, Column::Heavier, Column::Transferred];
        prop_assert_eq!(outcomes.iter().map(|c| tot.count(*c)).sum::<u64>() as usize, inside.len());
        prop_assert_eq!(
            NoPenaltyGround::ALL.iter().map(|g| tot.count(Column::NoPenaltyBy(*g))).sum::<u64>(),
            tot.count(Column::NoPenalty)
        );
        // Direct counts (a reference model).
        let count = |f: &dyn Fn(&Decision) -> bool| inside.iter().filter(|d| f(d)).count() as u64;
        prop_assert_eq!(tot.count(Column::NoCoercion), count(&|d| !d.coercion_withheld.is_empty()));
        for m in SoftMeasure::ALL {
            prop_assert_eq!(tot.count(Column::SoftMeasure(*m)), count(&|d| d.soft_measures.contains(m)));
        }
        for ch in Channel::ALL {
            let n: usize = inside.iter().map(|d| d.contacts.iter().filter(|c| *c == ch).count()).sum();
            prop_assert_eq!(tot.count(Column::Contact(*ch)), n as u64);
        }
        let rel = inside.iter().fold(Money::ZERO, |a, d| a.saturating_add(relief(d)));
        prop_assert_eq!(tot.amount(Column::Relief), rel);
        let repeats = count(&|d| decisions.iter().any(|e| {
            lenient(e) && e.party == d.party && e.item == d.item && e.decided_on < d.decided_on
        }));
        prop_assert_eq!(tot.count(Column::RepeatAfterLeniency), repeats);
        // The rows are per unit, sorted, and their 案件总数 match.
        for r in t.rows() {
            let n = inside.iter().filter(|d| d.agency.as_ref().map(|a| &a.id) == r.unit.id.as_ref()).count();
            prop_assert_eq!(r.counts.count(Column::TotalCases) as usize, n);
        }
    }

    /// `tabulate` over `&[Decision]` (interning by reference) gives the table
    /// of a [`Ledger`] built from the same decisions, for any period and
    /// with units named differently under the same id.
    #[test]
    fn prop_tabulate_equals_the_ledger(
        decisions in prop::collection::vec(arb_decision(), 0..80),
        from in 0u64..400,
        len in 0u64..400,
    ) {
        let start = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap() + chrono::Days::new(from);
        let p = rouxing::report::ReportPeriod::new(start, start + chrono::Days::new(len)).unwrap();
        let ledger: rouxing::report::Ledger = decisions.iter().collect();
        prop_assert_eq!(tabulate(&decisions, p), ledger.tabulate(p));
        prop_assert_eq!(tabulate(&decisions, period()), ledger.tabulate(period()));
    }

    /// The same when decisions share their identifiers' allocations (clones,
    /// as a batch built in memory holds them) and when they do not (parsed
    /// one by one): the table does not depend on where an identifier is
    /// stored.
    #[test]
    fn prop_tabulate_shared_ids_equals_the_ledger(
        decisions in prop::collection::vec(arb_decision(), 0..60),
        picks in prop::collection::vec(0usize..60, 0..120),
    ) {
        let mut batch = decisions.clone();
        batch.extend(picks.iter().filter_map(|i| decisions.get(*i).cloned()));
        let ledger: rouxing::report::Ledger = batch.iter().collect();
        prop_assert_eq!(tabulate(&batch, period()), ledger.tabulate(period()));
    }

    /// The CSV opens in a CSV reader: BOM, headers, one record per unit and
    /// the total, every cell equal to the table's value.
    #[test]
    fn prop_report_csv_round_trips(decisions in prop::collection::vec(arb_decision(), 0..40)) {
        let t = tabulate(&decisions, period());
        let csv_text = t.to_csv();
        let body = csv_text.strip_prefix('\u{feff}').expect("BOM");
        let mut rdr = csv::ReaderBuilder::new().has_headers(true).from_reader(body.as_bytes());
        let headers: Vec<String> = rdr.headers().unwrap().iter().map(str::to_owned).collect();
        let mut expected = vec!["执法单位".to_owned(), "单位编码".to_owned()];
        expected.extend(Column::all().iter().map(Column::header));
        prop_assert_eq!(headers, expected);
        let records: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
        prop_assert_eq!(records.len(), t.rows().len() + 1);
        for (rec, row) in records.iter().zip(t.rows()) {
            prop_assert_eq!(&rec[0], row.unit.name.as_str());
            prop_assert_eq!(&rec[1], row.unit.id.as_ref().map_or("", |i| i.as_str()));
            for (i, c) in Column::all().iter().enumerate() {
                let want = row.counts.get(*c).to_string();
                prop_assert_eq!(&rec[i + 2], want.as_str());
            }
        }
        let last = records.last().unwrap();
        prop_assert_eq!(&last[0], "合计");
        for (i, c) in Column::all().iter().enumerate() {
            let cell = &last[i + 2];
            if c.is_amount() {
                prop_assert_eq!(cell.parse::<Money>().unwrap(), t.total().amount(*c));
            } else {
                prop_assert_eq!(cell.parse::<u64>().unwrap(), t.total().count(*c));
            }
        }
    }

    /// The JSON form round-trips, with stable codes.
    #[test]
    fn prop_report_json_round_trips(decisions in prop::collection::vec(arb_decision(), 0..40)) {
        let t = tabulate(&decisions, period());
        let json = t.to_json();
        let back: StatisticsTable = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &t);
        prop_assert!(json.contains("\"total_cases\""));
    }
}

#[test]
fn json_rejects_inconsistent_tables() {
    let t = tabulate(&(0..10).map(shaped).collect::<Vec<_>>(), period());
    let json = t.to_json();
    let bad_total = json.replacen("\"total_cases\": 10", "\"total_cases\": 11", 1);
    let e = serde_json::from_str::<StatisticsTable>(&bad_total).unwrap_err().to_string();
    assert!(e.starts_with("the total row is not the sum of the rows"), "{e}");
    let unknown = json.replacen("\"relief\"", "\"relief_x\"", 1);
    assert!(serde_json::from_str::<StatisticsTable>(&unknown).is_err());
    let np = json.replacen("\"no_penalty\": 5", "\"no_penalty\": 4", 1);
    let e = serde_json::from_str::<StatisticsTable>(&np).unwrap_err().to_string();
    assert!(e.starts_with("column `no_penalty`: `4` is not the sum of its grounds"), "{e}");
}

#[test]
fn the_ledger_tabulates_any_period() {
    let decisions: Vec<Decision> = (0..10u64)
        .map(|i| generated((i % 10) as u8, (i % 4) as usize, i * 40, 0, 0, 0, vec![], 0, false, None, 0))
        .collect();
    let ledger: Ledger = decisions.iter().collect();
    assert_eq!(ledger.len(), 10);
    let q1 = ReportPeriod::new(d(2025, 1, 1), d(2025, 3, 31)).unwrap();
    assert_eq!(ledger.tabulate(q1), tabulate(&decisions, q1));
    let days: Vec<NaiveDate> = decisions.iter().map(|d| d.decided_on).filter(|x| q1.contains(*x)).collect();
    assert_eq!(ledger.tabulate(q1).total().count(Column::TotalCases) as usize, days.len());
}
