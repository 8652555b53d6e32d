//! Benchmarks of the batch audit: `audit::consistency` over 100,000 and
//! 1,000,000 decided cases (`audit/consistency_100k`, `audit/consistency_1m`);
//! the two medians show whether the audit is linear.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "fixed, valid benchmark fixtures; a failure is a broken benchmark"
)]

mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rouxing::audit::{AuditConfig, consistency};

/// Measures `audit::consistency` over 100,000 and 1,000,000 generated
/// decisions (500 items, 2,000 parties, one case in two hundred decided one
/// tier away).
fn bench_consistency(c: &mut Criterion) {
    let cfg = AuditConfig::default();
    let mut g = c.benchmark_group("audit");
    g.sample_size(10);
    for (id, n) in [("consistency_100k", 100_000), ("consistency_1m", 1_000_000)] {
        let cases = support::decided_cases(n);
        let expected = consistency(&cases, &cfg).len();
        assert!(expected > 0);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(id, |b| {
            b.iter(|| {
                let out = consistency(black_box(&cases), black_box(&cfg));
                assert_eq!(out.len(), expected);
                out
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench_consistency);
criterion_main!(benches);
