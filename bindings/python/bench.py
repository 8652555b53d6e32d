"""Per-call overhead of the Python binding against the Rust call (not a test; not run in CI).

    python bindings/python/bench.py [N]

Times rouxing.recommend (PyO3 call, JSON out, Python objects in) and the same assess + recommend +
JSON inside Rust, over the bundled Art. 32 case, after a warm-up.
"""

import pathlib
import sys
import time

import rouxing
from rouxing import _rouxing

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
root = pathlib.Path(__file__).resolve().parents[2]
text = (root / "examples" / "data" / "cases" / "art32-mitigation.json").read_text("utf-8")
catalogue = rouxing.Catalogue.bundled()
regime = rouxing.Regime.national()
case = rouxing.Case.from_json(text, catalogue)
for _ in range(n // 4):
    rouxing.recommend(case, regime, "2026-12-01")
t0 = time.perf_counter_ns()
for _ in range(n):
    rouxing.recommend(case, regime, "2026-12-01")
py = time.perf_counter_ns() - t0
t1 = time.perf_counter_ns()
for _ in range(n):
    _rouxing.recommend_json(case, regime, "2026-12-01")
raw = time.perf_counter_ns() - t1
rust = _rouxing.rust_recommend_nanos(case, regime, "2026-12-01", n)
print(f"calls: {n}")
print(f"Rust assess+recommend+JSON, in Rust: {rust / 1e3 / n:8.2f} us/call")
print(f"PyO3 call returning the JSON text  : {raw / 1e3 / n:8.2f} us/call")
print(f"rouxing.recommend (PyO3 + objects) : {py / 1e3 / n:8.2f} us/call")
print(f"PyO3 overhead {(raw - rust) / 1e3 / n:.2f} us, objects {(py - raw) / 1e3 / n:.2f} us per call")
