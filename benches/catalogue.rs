//! Benchmarks of loading a catalogue: parsing and validating 1,000 and
//! 10,000 items from JSON (`catalogue/parse_1k`, `catalogue/parse_10k`), and
//! loading the compiled form of the 10,000 (`catalogue/load_bin_10k`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs,
    reason = "benchmark harness"
)]

mod support;

use std::hint::black_box;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use rouxing::Catalogue;

/// Measures parsing and validating a catalogue of 10,000 items (the bundled
/// items repeated under fresh codes).
fn catalogue_parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("catalogue");
    g.sample_size(10);
    g.sampling_mode(SamplingMode::Flat);
    for (id, n) in [("parse_1k", 1_000), ("parse_10k", 10_000)] {
        let text = support::catalogue_json(n);
        // Drop (freeing the items) happens outside the timed region.
        g.bench_function(id, |b| {
            b.iter_with_large_drop(|| {
                let cat = Catalogue::from_json(black_box(&text)).unwrap();
                assert_eq!(cat.len(), n);
                cat
            })
        });
    }
    g.finish();
}

/// Measures loading the compiled (binary) form of the same 10,000-item
/// catalogue (`Catalogue::from_binary_named`: decode and every check).
fn catalogue_binary(c: &mut Criterion) {
    let text = support::catalogue_json(10_000);
    let bytes = Catalogue::compile_json("catalogue.json", &text).unwrap();
    let mut g = c.benchmark_group("catalogue");
    g.sample_size(10);
    g.bench_function("load_bin_10k", |b| {
        b.iter_with_large_drop(|| {
            let cat = Catalogue::from_binary_named("catalogue.bin", black_box(&bytes)).unwrap();
            assert_eq!(cat.len(), 10_000);
            cat
        })
    });
    g.finish();
}

criterion_group!(benches, catalogue_parse, catalogue_binary);
criterion_main!(benches);
