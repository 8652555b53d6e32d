//! Batch decision of 1,000,000 cases (the 20 bundled cases repeated), serial
//! (`batch::decide_many_into`) and over 1 and 2 threads
//! (`batch::par_decide_many_into` in a rayon pool of that size): wall-clock
//! time and total CPU time of the process (user + system, `getrusage`), so
//! that contention shows as CPU time above the serial run. Needs feature
//! `rayon`: `cargo bench --features rayon --bench batch_decide`
//! (`-- N` for another number of cases). Each figure is the median of five
//! runs, over cloned cases (which share their identifiers' allocations)
//! and over parsed ones (which hold their own); then two plain threads over
//! the two halves of the parsed cases, with one catalogue and with one each,
//! to tell the cost of the shared reference counts from that of the machine.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::cast_precision_loss,
    missing_docs,
    reason = "benchmark harness"
)]

#[path = "support/cases.rs"]
mod cases;

use std::hint::black_box;
use std::time::{Duration, Instant};

use nix::sys::resource::{UsageWho, getrusage};
use rouxing::Decision;
use rouxing::batch::{decide_many_into, par_decide_many_into};

fn cpu() -> Duration {
    let u = getrusage(UsageWho::RUSAGE_SELF).unwrap();
    let t = |tv: nix::sys::time::TimeVal| {
        Duration::from_secs(tv.tv_sec().unsigned_abs()) + Duration::from_micros(tv.tv_usec().unsigned_abs())
    };
    t(u.user_time()) + t(u.system_time())
}

/// Runs `f` `runs` times and prints the median wall and CPU time (each
/// median taken on its own); one run of 1,000,000 cases varies by ±10 % on
/// a shared machine, the median of five by much less.
fn measure(label: &str, n: usize, runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut walls = Vec::with_capacity(runs);
    let mut cpus = Vec::with_capacity(runs);
    for _ in 0..runs {
        let (c0, w0) = (cpu(), Instant::now());
        f();
        walls.push(w0.elapsed());
        cpus.push(cpu() - c0);
    }
    walls.sort();
    cpus.sort();
    let (wall, cpu_time) = (walls[runs / 2], cpus[runs / 2]);
    println!(
        "{label:<22} wall {:>8.1} ms  cpu {:>8.1} ms  ({:>5.0} ns wall, {:>5.0} ns cpu a case)",
        wall.as_secs_f64() * 1e3,
        cpu_time.as_secs_f64() * 1e3,
        wall.as_secs_f64() * 1e9 / n as f64,
        cpu_time.as_secs_f64() * 1e9 / n as f64
    );
    (wall, cpu_time)
}

fn main() {
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(1_000_000);
    let (cat, bundled, regime) = cases::fixture();
    let on = cases::as_of();
    let runs = 5;
    // Cloned cases share their identifiers' allocations (`Arc<str>`), so
    // every decision of the batch counts references on the same 20 party
    // ids and agency names; parsed cases hold their own, as a real batch
    // read from a database does. Both share the catalogue's items.
    let cloned: Vec<_> = bundled.iter().cycle().take(n).cloned().collect();
    let texts: Vec<String> = bundled.iter().map(|c| serde_json::to_string(c).unwrap()).collect();
    let parsed: Vec<_> =
        texts.iter().cycle().take(n).map(|t| rouxing::Case::from_json(t, &cat).unwrap()).collect();
    for (inputs, many) in [("cloned cases (shared ids)", &cloned), ("parsed cases (own ids)", &parsed)] {
        let mut out: Vec<Decision> = Vec::with_capacity(n);
        // Warm-up: builds the calendar index and the output buffer's pages.
        decide_many_into(many, &cat, &regime, on, &mut out);
        println!("batch decide of {n} {inputs}, medians of {runs} runs");
        let (_, serial) = measure("serial", n, runs, || {
            decide_many_into(black_box(many), &cat, &regime, on, &mut out);
            black_box(&out);
        });
        // What the serial run decided, compactly (the full decisions of 1M
        // cases would double the memory).
        let fingerprint = |out: &[Decision]| -> Vec<_> { out.iter().map(|d| (d.tier, d.fine())).collect() };
        let reference = fingerprint(&out);
        for threads in [1, 2] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let (_, c) = measure(&format!("rayon, {threads} thread(s)"), n, runs, || {
                pool.install(|| par_decide_many_into(black_box(many), &cat, &regime, on, &mut out));
                black_box(&out);
            });
            assert!(fingerprint(&out) == reference, "parallel batch differs from the serial one");
            println!("{:<22} cpu / serial cpu = {:.3}", "", c.as_secs_f64() / serial.as_secs_f64());
        }
    }
    shared_nothing(n, runs, &texts, on);
}

/// Where the CPU time above the serial run goes: two plain threads, each
/// deciding one half of the parsed cases into its own buffer, first with one
/// catalogue and regime for both (the items' reference counts shared, as in
/// the rayon runs) and then with a catalogue and a regime of each thread's
/// own, parsed apart (nothing written is shared). The serial reference
/// decides both halves one after the other on one thread. If the shared
/// run costs more CPU than the shared-nothing run, the difference is the
/// shared counts; what the shared-nothing run costs above the serial one is
/// the machine (two cores sharing the last-level cache and the memory bus).
fn shared_nothing(n: usize, runs: usize, texts: &[String], on: chrono::NaiveDate) {
    let own = || {
        let (cat, _, regime) = cases::fixture();
        let half: Vec<_> =
            texts.iter().cycle().take(n / 2).map(|t| rouxing::Case::from_json(t, &cat).unwrap()).collect();
        (cat, regime, half)
    };
    let (a, b) = (own(), own());
    let (mut out_a, mut out_b) = (Vec::with_capacity(n / 2), Vec::with_capacity(n / 2));
    decide_many_into(&a.2, &a.0, &a.1, on, &mut out_a);
    decide_many_into(&b.2, &b.0, &b.1, on, &mut out_b);
    println!("two halves of {n} parsed cases on plain threads, medians of {runs} runs");
    let (_, serial) = measure("serial, both halves", n, runs, || {
        decide_many_into(black_box(&a.2), &a.0, &a.1, on, &mut out_a);
        decide_many_into(black_box(&b.2), &b.0, &b.1, on, &mut out_b);
        black_box((&out_a, &out_b));
    });
    let mut two = |label: &str, cat_b: &rouxing::Catalogue, regime_b: &rouxing::Regime| {
        let (_, c) = measure(label, n, runs, || {
            std::thread::scope(|s| {
                s.spawn(|| decide_many_into(black_box(&a.2), &a.0, &a.1, on, &mut out_a));
                s.spawn(|| decide_many_into(black_box(&b.2), cat_b, regime_b, on, &mut out_b));
            });
            black_box((&out_a, &out_b));
        });
        println!("{:<22} cpu / serial cpu = {:.3}", "", c.as_secs_f64() / serial.as_secs_f64());
    };
    two("2 threads, one catalogue", &a.0, &a.1);
    two("2 threads, own catalogue", &b.0, &b.1);
}
