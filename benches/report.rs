//! Benchmarks of the statistics table: `report/tabulate_decisions_1m`
//! (`report::tabulate` from 1,000,000 decisions, all the work),
//! `report/tabulate_1m` (the fold over a ledger built beforehand) and
//! `report/ledger_push_100k` (building the ledger).

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "benchmark fixtures: a failed unwrap is a broken benchmark"
)]

mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rouxing::Decision;
use rouxing::party::PartyId;
use rouxing::report::{Column, Ledger, ReportPeriod, tabulate};

/// Measures `report::tabulate` from `&[Decision]`: 1,000,000 decisions,
/// everything from the decisions to the table (one calendar year out of a
/// year and a half).
fn tabulate_decisions_1m(c: &mut Criterion) {
    let decisions = support::decisions(1_000_000);
    let period = ReportPeriod::year(2025).unwrap();
    let expected = tabulate(&decisions, period);
    assert_eq!(expected, black_box(&decisions).iter().collect::<Ledger>().tabulate(period));
    let mut g = c.benchmark_group("report");
    g.throughput(Throughput::Elements(1_000_000));
    g.sample_size(10);
    g.bench_function("tabulate_decisions_1m", |b| {
        b.iter(|| {
            let t = tabulate(black_box(&decisions), black_box(period));
            assert_eq!(t.total(), expected.total());
            t
        });
    });
    g.finish();
}

/// Measures `Ledger::tabulate` over 1,000,000 decisions (rows derived once
/// beforehand), one calendar year out of a year and a half.
fn tabulate_1m(c: &mut Criterion) {
    let l: Ledger = support::decisions(1_000_000).iter().collect();
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
    let templates = support::templates();
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

criterion_group!(benches, tabulate_decisions_1m, tabulate_1m, ledger_push_100k);
criterion_main!(benches);
