//! Instruction counts (callgrind, through gungraun) of the data-side
//! operations: catalogue load, batch audit, statistics table and record
//! verification. The counts are stable where medians on a shared machine are
//! not. Inputs are built in setup functions and dropped, with the result, in
//! a teardown function: neither is counted, only the operation named. Sizes
//! are smaller than the criterion benches' so that a run under valgrind stays
//! short, and each count is for the whole input (divide for per-item costs).
//!
//! Run with `cargo bench --bench instr_data` after
//! `cargo install gungraun-runner --version 0.20.0` (the runner's version must
//! equal the `gungraun` dev-dependency's); `scripts/bench-table` does both.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    missing_docs,
    reason = "benchmark fixtures: a failed unwrap is a broken benchmark"
)]

mod support;

use std::hint::black_box;

use gungraun::{library_benchmark, library_benchmark_group, main};
use rouxing::audit::{AuditConfig, DecidedCase, Divergence, consistency};
use rouxing::record::CaseFile;
use rouxing::report::{ReportPeriod, StatisticsTable, tabulate};
use rouxing::{Catalogue, Decision};

fn catalogue_text(n: usize) -> String {
    support::catalogue_json(n)
}

/// Drops an input and its result outside the count.
fn discard<T>(value: T) {
    drop(black_box(value));
}

// Parsing and validating a catalogue of 1,000 items from JSON.
#[library_benchmark]
#[bench::parse_1k(args = (1_000), setup = catalogue_text, teardown = discard)]
fn catalogue_parse(text: String) -> (String, Catalogue) {
    let cat = Catalogue::from_json(black_box(&text)).unwrap();
    (text, cat)
}

fn catalogue_bytes(n: usize) -> Vec<u8> {
    Catalogue::compile_json("catalogue.json", &support::catalogue_json(n)).unwrap()
}

// Loading the compiled form of a 1,000-item catalogue.
#[library_benchmark]
#[bench::load_bin_1k(args = (1_000), setup = catalogue_bytes, teardown = discard)]
fn catalogue_binary(bytes: Vec<u8>) -> (Vec<u8>, Catalogue) {
    let cat = Catalogue::from_binary_named("catalogue.bin", black_box(&bytes)).unwrap();
    (bytes, cat)
}

// `audit::consistency` over 100,000 decided cases.
#[library_benchmark]
#[bench::consistency_100k(args = (100_000), setup = support::decided_cases, teardown = discard)]
fn audit_consistency(cases: Vec<DecidedCase>) -> (Vec<DecidedCase>, Vec<Divergence>) {
    let out = consistency(black_box(&cases), &AuditConfig::default());
    (cases, out)
}

// `report::tabulate` from 100,000 decisions.
#[library_benchmark]
#[bench::tabulate_decisions_100k(args = (100_000), setup = support::decisions, teardown = discard)]
fn report_tabulate(decisions: Vec<Decision>) -> (Vec<Decision>, StatisticsTable) {
    let table = tabulate(black_box(&decisions), ReportPeriod::year(2025).unwrap());
    (decisions, table)
}

fn case_files(n: usize) -> Vec<CaseFile> {
    (0..n).map(support::case_file).collect()
}

// `CaseFile::verify` (the hash chain) over 1,000 twelve-event files.
#[library_benchmark]
#[bench::verify_12k_events(args = (1_000), setup = case_files, teardown = discard)]
fn record_verify(files: Vec<CaseFile>) -> (Vec<CaseFile>, usize) {
    let ok = black_box(&files).iter().filter(|f| f.verify().is_ok()).count();
    (files, ok)
}

library_benchmark_group!(
    name = data;
    benchmarks = catalogue_parse, catalogue_binary, audit_consistency, report_tabulate, record_verify
);

main!(library_benchmark_groups = data);
