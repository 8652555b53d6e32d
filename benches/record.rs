//! Benchmarks of the full-process record: verifying, importing, sealing and
//! verifying signed case files.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "benchmark fixtures: a failed unwrap is a broken benchmark"
)]

mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rouxing::record::{CaseFile, Checkpoint, Ed25519Signer, Ed25519Verifier, Signer as _};

/// Measures `CaseFile::verify` over 10,000 complete case files (120,000
/// events), reported as events per second.
fn verify(c: &mut Criterion) {
    let files: Vec<CaseFile> = (0..10_000).map(support::case_file).collect();
    let events: usize = files.iter().map(CaseFile::len).sum();
    let mut g = c.benchmark_group("record");
    g.throughput(Throughput::Elements(events as u64));
    g.bench_function("verify", |b| {
        b.iter(|| {
            let ok = black_box(&files).iter().filter(|f| f.verify().is_ok()).count();
            assert_eq!(ok, 10_000);
        });
    });
    g.finish();
}

/// Measures `CaseFile::from_jsonl` (parse, canonical check, chain and
/// lifecycle replay) on 1,000 exported case files (12,000 events).
fn import(c: &mut Criterion) {
    let texts: Vec<String> = (0..1_000).map(|n| support::case_file(n).to_jsonl()).collect();
    let mut g = c.benchmark_group("record");
    g.throughput(Throughput::Elements(12_000));
    g.bench_function("import", |b| {
        b.iter(|| {
            let n: usize =
                black_box(&texts).iter().map(|t| CaseFile::from_jsonl(t).map_or(0, |f| f.len())).sum();
            assert_eq!(n, 12_000);
        });
    });
    g.finish();
}

/// A fixed seed: benchmarks never use a real key.
fn signer() -> Ed25519Signer {
    Ed25519Signer::from_secret_bytes("amr-2025".parse().unwrap(), &[42; 32])
}

/// Measures sealing (`CaseFile::seal`: one Ed25519 signature and the 封存
/// event) of 1,000 closed twelve-event files, reported as events per second
/// (13,000 events once sealed).
fn seal(c: &mut Criterion) {
    let files: Vec<CaseFile> = (0..1_000).map(support::case_file).collect();
    let s = signer();
    let mut g = c.benchmark_group("record");
    g.throughput(Throughput::Elements(13_000));
    g.bench_function("seal", |b| {
        b.iter(|| {
            let sealed = black_box(&files)
                .iter()
                .filter(|f| {
                    let mut f = CaseFile::clone(f);
                    f.seal(support::d(2025, 4, 20), &s).is_ok()
                })
                .count();
            assert_eq!(sealed, 1_000);
        });
    });
    g.finish();
}

/// Measures verifying sealed files with and without the signature check:
/// `verify` (chain only) against `verify_seal` (chain and one Ed25519
/// verification per file) and `verify_checkpoint` (chain, one verification
/// and the prefix proof), over 1,000 sealed files (13,000 events).
fn verify_signed(c: &mut Criterion) {
    let s = signer();
    let v = Ed25519Verifier::new().with_key(s.key_id().clone(), s.public_key());
    let sealed: Vec<(CaseFile, Checkpoint)> = (0..1_000)
        .map(|n| {
            let mut f = support::case_file(n);
            let cp = f.seal(support::d(2025, 4, 20), &s).unwrap();
            (f, cp)
        })
        .collect();
    let mut g = c.benchmark_group("record");
    g.throughput(Throughput::Elements(13_000));
    g.bench_function("verify_sealed_chain_only", |b| {
        b.iter(|| {
            let ok = black_box(&sealed).iter().filter(|(f, _)| f.verify().is_ok()).count();
            assert_eq!(ok, 1_000);
        });
    });
    g.bench_function("verify_seal", |b| {
        b.iter(|| {
            let ok = black_box(&sealed).iter().filter(|(f, _)| f.verify_seal(&v).is_ok()).count();
            assert_eq!(ok, 1_000);
        });
    });
    g.bench_function("verify_checkpoint", |b| {
        b.iter(|| {
            let ok = black_box(&sealed).iter().filter(|(f, cp)| f.verify_checkpoint(cp, &v).is_ok()).count();
            assert_eq!(ok, 1_000);
        });
    });
    g.finish();
}

criterion_group!(benches, verify, import, seal, verify_signed);
criterion_main!(benches);
