//! A bounded loopback load test of `POST /v1/decide`: throughput and
//! latency percentiles.
//!
//! ```text
//! cargo run --release -p rouxing-server --example load -- [REQUESTS] [CLIENTS]
//! ```
//!
//! Starts the service in this process on `127.0.0.1:0` (bundled catalogue,
//! national regime), sends REQUESTS decide requests (default 20,000) from
//! CLIENTS keep-alive connections (default 4), stops after at most 60 s, and
//! prints requests per second and the p50, p90, p99 and maximum latency.
//! Loopback only; not part of CI.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a benchmark command")]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rouxing::{Catalogue, Regime};
use rouxing_server::wire::Context;

fn main() {
    let mut args = std::env::args().skip(1);
    let total: usize = args.next().map(|a| a.parse().expect("REQUESTS")).unwrap_or(20_000);
    let clients: usize = args.next().map(|a| a.parse().expect("CLIENTS")).unwrap_or(4);
    let budget = Duration::from_secs(60);

    let ctx = Arc::new(Context { catalogue: Catalogue::bundled().unwrap(), regime: Regime::national() });
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            addr_tx.send(listener.local_addr().unwrap()).unwrap();
            rouxing_server::serve(listener, ctx, async {
                stop_rx.await.ok();
            })
            .await
            .unwrap();
        });
    });
    let addr = addr_rx.recv().unwrap();
    let url = format!("http://{addr}/v1/decide");
    let case = include_str!("../../examples/data/cases/first-violation.json");
    let body = format!(r#"{{"case": {case}, "as_of": "2026-09-01"}}"#);

    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|_| {
            let (url, body, next) = (url.clone(), body.clone(), Arc::clone(&next));
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder().build().into();
                let mut lat = Vec::new();
                while next.fetch_add(1, Ordering::Relaxed) < total && started.elapsed() < budget {
                    let t = Instant::now();
                    let mut r =
                        agent.post(&url).header("content-type", "application/json").send(&body).unwrap();
                    let text = r.body_mut().with_config().limit(16 << 20).read_to_string().unwrap();
                    lat.push(t.elapsed());
                    assert!(text.contains("\"no_penalty\""));
                }
                lat
            })
        })
        .collect();
    let mut lat: Vec<Duration> = workers.into_iter().flat_map(|w| w.join().unwrap()).collect();
    let elapsed = started.elapsed();
    stop_tx.send(()).ok();
    server.join().unwrap();

    lat.sort();
    let pct = |p: usize| lat[(lat.len() * p / 100).min(lat.len() - 1)];
    println!(
        "POST /v1/decide, loopback, {clients} clients, {} requests in {:.2} s",
        lat.len(),
        elapsed.as_secs_f64()
    );
    println!("throughput: {:.0} requests/s", lat.len() as f64 / elapsed.as_secs_f64());
    println!(
        "latency: p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        pct(50).as_secs_f64() * 1e3,
        pct(90).as_secs_f64() * 1e3,
        pct(99).as_secs_f64() * 1e3,
        lat[lat.len() - 1].as_secs_f64() * 1e3
    );
}
