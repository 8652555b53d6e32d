//! Allocations and memory of the decision path, per bundled case: what
//! `assess`, `assess` + `recommend` and `assess` + `recommend` +
//! `guard::review_assessed` allocate, and the memory one `Decision` holds
//! (`size_of` plus the heap bytes it owns). Counts, not times: run with
//! `cargo bench --bench alloc_decide`; it prints a table and exits.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::cast_precision_loss,
    missing_docs,
    reason = "benchmark harness"
)]

#[path = "support/alloc.rs"]
mod alloc;
#[path = "support/cases.rs"]
mod cases;

use std::hint::black_box;

use rouxing::guard::review_assessed;
use rouxing::{Assessment, Decision, assess, recommend};

#[global_allocator]
static A: alloc::Global = alloc::COUNTING;

fn main() {
    // `cargo bench` passes `--bench`; any other argument is a filter we ignore.
    let cat = rouxing::Catalogue::bundled().unwrap();
    let named = cases::bundled_named(&cat);
    let regime = rouxing::Regime::shandan_sample();
    let as_of = cases::as_of();
    // Warm-up: the calendar's index is built on first use, not per case.
    for (_, case) in &named {
        black_box(recommend(&assess(case, &cat, &regime, as_of), &regime));
    }
    println!(
        "{:<28} {:>7} {:>7} {:>7} {:>9} {:>9}",
        "case", "assess", "+recom", "+review", "dec heap", "dec total"
    );
    let (mut sa, mut sr, mut sv, mut sh) = (0u64, 0u64, 0u64, 0i64);
    // The longest of each inline list over the bundled cases, against its
    // inline capacity: a list longer than its capacity spills to the heap.
    let mut longest = [0usize; 9];
    for (name, case) in &named {
        let (ca, a) = alloc::count(|| assess(black_box(case), &cat, &regime, as_of));
        drop(black_box(a));
        let (cr, (a, d)) = alloc::count(|| {
            let a = assess(black_box(case), &cat, &regime, as_of);
            let d = recommend(&a, &regime);
            (a, d)
        });
        let (cv, r) = alloc::count(|| {
            let a = assess(black_box(case), &cat, &regime, as_of);
            let d = recommend(&a, &regime);
            review_assessed(case, &a, &regime, &d, None)
        });
        drop(black_box(r));
        // The heap a Decision owns: what `recommend` allocates and leaves live.
        let (cd, d2) = alloc::count(|| recommend(&a, &regime));
        assert_eq!(d2, d);
        let total = std::mem::size_of::<Decision>() as i64 + cd.live;
        let lens = [
            d.sanctions.len(),
            d.soft_measures.len(),
            d.mechanisms.len(),
            d.documents.len(),
            d.duties.legal_review.len(),
            d.reasons.grounds.len(),
            d.reasons.entries.len(),
            d.reasons.circumstances.len(),
            d.contacts.len() + d.coercive_measures.len() + d.coercion_withheld.len() + d.new_facts.len(),
        ];
        for (l, n) in longest.iter_mut().zip(lens) {
            *l = (*l).max(n);
        }
        println!("{name:<28} {:>7} {:>7} {:>7} {:>9} {:>9}", ca.allocs, cr.allocs, cv.allocs, cd.live, total);
        sa += ca.allocs;
        sr += cr.allocs;
        sv += cv.allocs;
        sh += cd.live;
        drop(black_box((a, d, d2)));
    }
    let n = named.len() as f64;
    println!(
        "{:<28} {:>7.1} {:>7.1} {:>7.1} {:>9.0} {:>9.0}",
        "mean",
        sa as f64 / n,
        sr as f64 / n,
        sv as f64 / n,
        sh as f64 / n,
        std::mem::size_of::<Decision>() as f64 + sh as f64 / n
    );
    let capacities = [
        rouxing::decision::Sanctions::new().inline_size(),
        rouxing::decision::SoftMeasures::new().inline_size(),
        rouxing::decision::Mechanisms::new().inline_size(),
        rouxing::decision::Documents::new().inline_size(),
        rouxing::decision::ReviewTriggers::new().inline_size(),
        rouxing::assess::GroundList::new().inline_size(),
        rouxing::decision::EntryIds::new().inline_size(),
        0,
        0,
    ];
    let names = [
        "sanctions",
        "soft_measures",
        "mechanisms",
        "documents",
        "duties.legal_review",
        "reasons.grounds",
        "reasons.entries",
        "reasons.circumstances",
        "contacts+coercive+new_facts",
    ];
    println!("{:<28} {:>7} {:>7}", "list", "longest", "inline");
    for ((name, l), c) in names.iter().zip(longest).zip(capacities) {
        println!("{name:<28} {l:>7} {c:>7}");
    }
    println!(
        "size_of: Decision {} B, Assessment {} B",
        std::mem::size_of::<Decision>(),
        std::mem::size_of::<Assessment>()
    );
}
