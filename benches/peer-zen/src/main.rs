//! rouxing's `assess` + `recommend` against a GoRules ZEN decision table
//! encoding the tier rules of Arts. 30, 31, 32 and 33 of the Administrative
//! Penalty Law, on the facts of the 20 bundled cases, in one process and one
//! run: median nanoseconds per case of each, and their ratio.
//!
//! The ZEN table does far less than rouxing: it maps pre-extracted facts
//! (age, capacity, Art. 32 circumstances, gravity, harm, prompt correction,
//! priors, fault, aggravation) to one tier, with no lawful set, no fine
//! band, no trace, no duties, deadlines, documents or reasons. Its inputs are
//! built before timing starts; its trace is off.
//!
//! Run: `cd benches/peer-zen && cargo run --release` (outside the rouxing
//! workspace and CI; its own Cargo.lock).
//!
//! Instruction counts: `cargo run --release -- count rouxing N` (or `zen`)
//! evaluates the 20 cases N times without timing; under
//! `valgrind --tool=callgrind`, the difference between N = 100 and N = 0,
//! divided by 20 × 100, is the instructions a case. `./instructions.sh` does
//! that for both and prints their ratio.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDate;
use rouxing::case::{Correction, Fault, Gravity, Harm};
use rouxing::party::MentalCapacity;
use rouxing::{Case, Catalogue, Regime, assess, recommend};
use serde_json::{Value, json};
use zen_engine::model::DecisionContent;
use zen_engine::{DecisionEngine, Variable};

fn cases(cat: &Catalogue) -> Vec<Case> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/cases");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths.iter().map(|p| Case::from_json(&std::fs::read_to_string(p).unwrap(), cat).unwrap()).collect()
}

/// The facts the ZEN table reads, extracted from a case.
fn facts(case: &Case) -> Value {
    let act = case.act().committed_on();
    let capacity = match case.party().capacity() {
        Some(MentalCapacity::Incapable) => "incapable",
        Some(MentalCapacity::Partial) => "partial",
        _ => "full",
    };
    json!({
        "age": case.party().age_on(act).map_or(99, |a| a),
        "capacity": capacity,
        "art32": case.mitigating().iter().filter(|m| m.art_32_item().is_some()).count(),
        "minor": case.gravity() == Gravity::Minor,
        "harm": match case.harm() { Harm::None => 0, Harm::Slight => 1, Harm::Harmful => 2, _ => 3 },
        "prompt": matches!(case.correction(), Correction::Prompt { .. }),
        "priors": case.priors().len(),
        "noFault": case.fault() == Fault::NoFaultProven,
        "aggravated": !case.aggravating().is_empty(),
    })
}

/// Arts. 30, 31, 33 ¶1 sentences 1 and 2, 33 ¶2, 32 and the aggravation
/// rule as a first-hit decision table.
fn table() -> DecisionContent {
    let rule = |id: &str, cond: &[(&str, &str)], tier: &str, basis: &str| {
        let mut r = serde_json::Map::new();
        r.insert("_id".into(), json!(id));
        for (k, v) in cond {
            r.insert((*k).into(), json!(v));
        }
        r.insert("t".into(), json!(format!("'{tier}'")));
        r.insert("b".into(), json!(format!("'{basis}'")));
        Value::Object(r)
    };
    let rules = vec![
        rule("r1", &[("age", "< 14")], "no_penalty", "第三十条"),
        rule("r2", &[("cap", "'incapable'")], "no_penalty", "第三十一条第一句"),
        rule("r3", &[("minor", "true"), ("harm", "0"), ("prompt", "true")], "no_penalty", "第三十三条第一款第一句"),
        rule("r4", &[("nofault", "true")], "no_penalty", "第三十三条第二款"),
        rule(
            "r5",
            &[("priors", "0"), ("harm", "<= 1"), ("prompt", "true"), ("agg", "false")],
            "no_penalty",
            "第三十三条第一款第二句",
        ),
        rule("r6", &[("age", "[14..18)")], "mitigated", "第三十条"),
        rule("r7", &[("art32", "> 0")], "mitigated", "第三十二条"),
        rule("r8", &[("cap", "'partial'")], "lighter", "第三十一条第三句"),
        rule("r9", &[("agg", "true")], "heavier", "第三十四条"),
        rule("r10", &[], "ordinary", "第三十四条"),
    ];
    let table = json!({ "id": "dt", "name": "tiers", "type": "decisionTableNode", "content": {
        "hitPolicy": "first",
        "inputs": [
            { "id": "age", "name": "Age", "field": "age" },
            { "id": "cap", "name": "Capacity", "field": "capacity" },
            { "id": "art32", "name": "Art32", "field": "art32" },
            { "id": "minor", "name": "Minor", "field": "minor" },
            { "id": "harm", "name": "Harm", "field": "harm" },
            { "id": "prompt", "name": "Prompt", "field": "prompt" },
            { "id": "priors", "name": "Priors", "field": "priors" },
            { "id": "nofault", "name": "NoFault", "field": "noFault" },
            { "id": "agg", "name": "Aggravated", "field": "aggravated" }
        ],
        "outputs": [
            { "id": "t", "name": "Tier", "field": "tier" },
            { "id": "b", "name": "Basis", "field": "basis" }
        ],
        "rules": rules
    } });
    serde_json::from_value(json!({
        "nodes": [
            { "id": "in", "name": "request", "type": "inputNode", "content": {} },
            table,
            { "id": "out", "name": "out", "type": "outputNode", "content": {} }
        ],
        "edges": [
            { "id": "e1", "sourceId": "in", "targetId": "dt" },
            { "id": "e2", "sourceId": "dt", "targetId": "out" }
        ]
    }))
    .unwrap()
}

/// Median over `rounds` of the nanoseconds per call of `f` over `n` calls.
fn median_ns(rounds: usize, n: usize, mut f: impl FnMut()) -> f64 {
    let mut per: Vec<f64> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..n {
                f();
            }
            t.elapsed().as_secs_f64() * 1e9 / n as f64
        })
        .collect();
    per.sort_by(f64::total_cmp);
    per[per.len() / 2]
}

fn main() {
    let cat = Catalogue::bundled().unwrap();
    let cases = cases(&cat);
    let regime = Regime::shandan_sample();
    let on = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();

    let engine = DecisionEngine::default();
    let decision = engine.create_decision(Arc::new(table())).unwrap();
    let inputs: Vec<Variable> = cases.iter().map(|c| Variable::from(facts(c))).collect();

    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [count, which, n] = args.as_slice()
        && count == "count"
    {
        let n: usize = n.parse().expect("N is a count");
        for _ in 0..n {
            if which == "rouxing" {
                for case in &cases {
                    let a = assess(black_box(case), &cat, &regime, on);
                    black_box(recommend(&a, &regime));
                }
            } else {
                for input in &inputs {
                    let r = futures::executor::block_on(decision.evaluate(black_box(input.clone()))).unwrap();
                    black_box(r);
                }
            }
        }
        return;
    }
    for (case, input) in cases.iter().zip(&inputs) {
        let r = futures::executor::block_on(decision.evaluate(input.clone())).unwrap();
        let d = recommend(&assess(case, &cat, &regime, on), &regime);
        println!("{:<16} zen {:<40} rouxing {}", case.id(), r.result.to_value().to_string(), d.tier);
    }

    let (rounds, n) = (15, 200);
    let rouxing_ns = median_ns(rounds, n, || {
        for case in &cases {
            let a = assess(black_box(case), &cat, &regime, on);
            black_box(recommend(&a, &regime));
        }
    }) / cases.len() as f64;
    let zen_ns = median_ns(rounds, n, || {
        for input in &inputs {
            let r = futures::executor::block_on(decision.evaluate(black_box(input.clone()))).unwrap();
            black_box(r);
        }
    }) / inputs.len() as f64;
    println!("rouxing assess + recommend: {rouxing_ns:.0} ns a case (median of {rounds} rounds)");
    println!("ZEN decision table:         {zen_ns:.0} ns a case (median of {rounds} rounds)");
    println!("ratio rouxing / ZEN:        {:.3}", rouxing_ns / zen_ns);
}
