//! Batch decision of 1,000,000 cases (the 20 bundled cases repeated), serial
//! (`batch::decide_many_into`) and over 1 and 2 threads
//! (`batch::par_decide_many_into` in a rayon pool of that size): wall-clock
//! time and total CPU time of the process (user + system, `getrusage`), so
//! that contention shows as CPU time above the serial run. Needs feature
//! `rayon`: `cargo bench --features rayon --bench batch_decide`
//! (`-- N` for another number of cases).

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

fn measure(label: &str, n: usize, f: impl FnOnce()) -> (Duration, Duration) {
    let (c0, w0) = (cpu(), Instant::now());
    f();
    let (wall, cpu_time) = (w0.elapsed(), cpu() - c0);
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
    let many: Vec<_> = bundled.iter().cycle().take(n).cloned().collect();
    let on = cases::as_of();
    let mut out: Vec<Decision> = Vec::with_capacity(n);
    // Warm-up: builds the calendar index and the output buffer's pages.
    decide_many_into(&many, &cat, &regime, on, &mut out);
    println!("batch decide of {n} cases");
    let (_, serial) = measure("serial", n, || {
        decide_many_into(black_box(&many), &cat, &regime, on, &mut out);
        black_box(&out);
    });
    // What the serial run decided, compactly (the full decisions of 1M cases
    // would double the memory).
    let fingerprint = |out: &[Decision]| -> Vec<_> { out.iter().map(|d| (d.tier, d.fine())).collect() };
    let reference = fingerprint(&out);
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let (_, c) = measure(&format!("rayon, {threads} thread(s)"), n, || {
            pool.install(|| par_decide_many_into(black_box(&many), &cat, &regime, on, &mut out));
            black_box(&out);
        });
        assert!(fingerprint(&out) == reference, "parallel batch differs from the serial one");
        println!("{:<22} cpu / serial cpu = {:.3}", "", c.as_secs_f64() / serial.as_secs_f64());
    }
}
