//! Benchmarks of the statistics table.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "benchmark fixtures: a failed unwrap is a broken benchmark"
)]

mod support;

use std::hint::black_box;

use chrono::Days;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rouxing::Decision;
use rouxing::assess::Tier;
use rouxing::case::{Agency, Case, Correction, Gravity, Harm};
use rouxing::catalogue::{Catalogue, Domain};
use rouxing::decision::Disposition;
use rouxing::measure::{Channel, Mechanism, SoftMeasure};
use rouxing::party::{Party, PartyId};
use rouxing::report::{Column, Ledger, ReportPeriod};
use rouxing::{Regime, assess, recommend};

/// Recommended decisions of every common shape: 轻微不罚, 一般, and variants
/// with soft measures, contacts, mechanisms and 不予行政强制.
fn templates() -> Vec<Decision> {
    let item = support::range_item("X-1", "某违法行为", &[]);
    let cat = Catalogue::new("示例", vec![], vec![item]).unwrap();
    let regime = Regime::national();
    let mut out = Vec::new();
    for (gravity, harm, correction) in [
        (Gravity::Minor, Harm::None, Correction::Prompt { on: support::d(2025, 3, 2) }),
        (Gravity::General, Harm::Harmful, Correction::None),
        (Gravity::General, Harm::Slight, Correction::Prompt { on: support::d(2025, 3, 2) }),
    ] {
        let case = Case::builder("C-1".parse().unwrap(), "X-1".parse().unwrap())
            .party(Party::legal_person(PartyId::new("P-1").unwrap(), None))
            .act_on(support::d(2025, 3, 1))
            .discovered_on(support::d(2025, 3, 2))
            .gravity(gravity)
            .harm(harm)
            .correction(correction)
            .build()
            .unwrap();
        out.push(recommend(&assess(&case, &cat, &regime, support::d(2025, 3, 10)), &regime));
    }
    let mut soft = out[1].clone();
    soft.tier = Tier::Lighter;
    soft.soft_measures = vec![SoftMeasure::Reminder, SoftMeasure::Interview];
    soft.contacts = vec![Channel::Phone, Channel::Sms];
    soft.mechanisms = vec![Mechanism::TransitionPeriod];
    soft.coercion_withheld = vec![0];
    out.push(soft);
    let mut transfer = out[0].clone();
    transfer.disposition = Disposition::Transfer;
    out.push(transfer);
    out
}

/// A ledger of `n` decisions over 20 units, 50,000 parties and a year and a
/// half of days.
fn ledger(n: usize) -> Ledger {
    let templates = templates();
    let agencies: Vec<Agency> = (0..20)
        .map(|i| Agency {
            id: format!("U-{i:02}").parse().unwrap(),
            name: format!("某县执法单位{i}"),
            domain: Domain::ALL[i % Domain::ALL.len()],
        })
        .collect();
    let parties: Vec<PartyId> = (0..50_000).map(|i| PartyId::new(format!("P-{i}")).unwrap()).collect();
    let mut l = Ledger::new();
    for i in 0..n {
        let mut dec = templates[i % templates.len()].clone();
        dec.agency = Some(agencies[i % agencies.len()].clone());
        dec.party = parties[(i * 7919) % parties.len()].clone();
        dec.decided_on = support::d(2024, 7, 1).checked_add_days(Days::new((i % 547) as u64)).unwrap();
        l.push(&dec);
    }
    l
}

/// Measures `Ledger::tabulate` over 1,000,000 decisions (rows derived once
/// beforehand), one calendar year out of a year and a half.
fn tabulate_1m(c: &mut Criterion) {
    let l = ledger(1_000_000);
    let period = ReportPeriod::year(2025).unwrap();
    let expected = l.tabulate(period).total().count(Column::TotalCases);
    let mut g = c.benchmark_group("report");
    g.throughput(Throughput::Elements(1_000_000));
    g.bench_function("tabulate_1m", |b| {
        b.iter(|| {
            let t = black_box(&l).tabulate(black_box(period));
            assert_eq!(t.total().count(Column::TotalCases), expected);
            t
        });
    });
    g.finish();
}

/// Measures deriving ledger rows from 100,000 decisions (`Ledger::push`,
/// which interns the unit and the party–item pair).
fn ledger_push_100k(c: &mut Criterion) {
    let templates = templates();
    let decisions: Vec<Decision> = (0..100_000)
        .map(|i| {
            let mut dec = templates[i % templates.len()].clone();
            dec.party = PartyId::new(format!("P-{}", i % 20_000)).unwrap();
            dec
        })
        .collect();
    let mut g = c.benchmark_group("report");
    g.throughput(Throughput::Elements(100_000));
    g.sample_size(20);
    g.bench_function("ledger_push_100k", |b| {
        b.iter(|| {
            let l: Ledger = black_box(&decisions).iter().collect();
            assert_eq!(l.len(), 100_000);
            l
        });
    });
    g.finish();
}

criterion_group!(benches, tabulate_1m, ledger_push_100k);
criterion_main!(benches);
