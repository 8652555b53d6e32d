"""Validates the bundled sample documents, and what the command line and the
service write, against the checked-in schemas in schema/, with Python's
jsonschema (an independent validator: not the Rust code that made them).

Usage: validate_samples.py ROUXING_BIN BASE_URL
"""

import glob
import json
import os
import subprocess
import sys
import urllib.request

from jsonschema import Draft202012Validator, FormatChecker

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN, BASE = sys.argv[1], sys.argv[2]
validators = {}
checked = 0
failures = []


def validator(name):
    if name not in validators:
        with open(os.path.join(ROOT, "schema", name + ".schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
        validators[name] = Draft202012Validator(schema, format_checker=FormatChecker())
    return validators[name]


def check(name, doc, where):
    global checked
    checked += 1
    errors = sorted(validator(name).iter_errors(doc), key=lambda e: list(e.path))
    for e in errors[:3]:
        path = "/".join(str(p) for p in e.path)
        failures.append(f"{where}: against {name}: at `{path}`: {e.message[:300]}")


def files(pattern):
    return sorted(glob.glob(os.path.join(ROOT, pattern)))


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def rouxing(*args):
    r = subprocess.run([BIN, *args], cwd=ROOT, capture_output=True, text=True)
    if r.returncode not in (0, 1):
        failures.append(f"rouxing {' '.join(args)}: exit {r.returncode}: {r.stderr.strip()[:300]}")
    return r.stdout


def get(path):
    with urllib.request.urlopen(BASE + path) as r:
        return json.load(r)


# Input samples.
check("catalogue", load(os.path.join(ROOT, "examples/data/catalogue.json")), "examples/data/catalogue.json")
cases = files("examples/data/cases/*.json") + files("examples/data/proposals/cases/*.json")
for p in cases:
    check("case", load(p), os.path.relpath(p, ROOT))
for p in files("examples/data/proposals/*.json"):
    check("proposal", load(p), os.path.relpath(p, ROOT))
mechanisms = {
    "credit-profile.json": "credit_profile",
    "transition-request.json": "transition_request",
    "guidance-case.json": "case",
    "correction-case.json": "case",
    "protected-case.json": "case",
    "transition-case.json": "case",
}
for f, name in mechanisms.items():
    check(name, load(os.path.join(ROOT, "examples/data/mechanisms", f)), "examples/data/mechanisms/" + f)
reviews = files("schema/examples/review-*.json")
for p in reviews:
    check("review_request", load(p), os.path.relpath(p, ROOT))
# Case files (JSON Lines): a header line, the entry lines, a closing line.
case_files = files("schema/examples/*.jsonl") + files("examples/data/**/*.jsonl")
for p in case_files:
    with open(p, encoding="utf-8") as f:
        lines = [json.loads(l) for l in f if l.strip()]
    where = os.path.relpath(p, ROOT)
    for i, line in enumerate(lines):
        if i == 0:
            name = "case_file_header"
        elif i == len(lines) - 1:
            name = "case_file_closing"
        else:
            name = "case_file_entry"
        check(name, line, f"{where} line {i + 1}")
if not case_files:
    failures.append("no case file (*.jsonl) found to validate")

# The examples in the rustdoc `# JSON` sections, as the schema test extracted
# them (cargo test -p rouxing-server --test schema, run above).
doc_examples = files("target/tmp/doc-examples/*.json")
if os.environ.get("CARGO_TARGET_DIR"):
    doc_examples = sorted(glob.glob(os.path.join(os.environ["CARGO_TARGET_DIR"], "tmp/doc-examples/*.json")))
for p in doc_examples:
    name = os.path.basename(p)[: -len(".json")]
    check(name, load(p), f"the rustdoc example of {name}")
if len(doc_examples) < len(files("schema/*.schema.json")):
    failures.append(
        f"{len(doc_examples)} rustdoc examples for {len(files('schema/*.schema.json'))} schemas: "
        "run cargo test -p rouxing-server --test schema first"
    )

# What the command line writes.
for i, line in enumerate(rouxing("decide", "--json", "--as-of", "2026-11-25", *cases).splitlines()):
    check("decision_document", json.loads(line), f"rouxing decide --json, line {i + 1}")
decided = rouxing("decide", "--decided", "--as-of", "2026-11-25", *cases)
for i, line in enumerate(decided.splitlines()):
    check("decided_document", json.loads(line), f"rouxing decide --decided, line {i + 1}")
decided_path = os.path.join(ROOT, "target", "validate-decided.jsonl")
os.makedirs(os.path.dirname(decided_path), exist_ok=True)
with open(decided_path, "w", encoding="utf-8") as f:
    f.write(decided)
for i, line in enumerate(rouxing("review", "--json", "--regime", "shandan", *reviews).splitlines()):
    check("review_document", json.loads(line), f"rouxing review --json, line {i + 1}")
check("audit_document", json.loads(rouxing("audit", "--json", decided_path)), "rouxing audit --json")
check("statistics_table", json.loads(rouxing("report", "--format", "json", decided_path)), "rouxing report --format json")

# What the service answers to GET.
check("catalogue", get("/v1/catalogue"), "GET /v1/catalogue")
check("regime", get("/v1/regime"), "GET /v1/regime")
check("item_document", get("/v1/catalogue/items/AG-XM-66"), "GET /v1/catalogue/items/AG-XM-66")
check("law_document", get("/v1/law/33"), "GET /v1/law/33")
check("health", get("/healthz"), "GET /healthz")

for f in failures:
    print("FAIL", f)
print(f"{checked - len(set(f.split(':')[0] for f in failures))} passed, {len(set(f.split(':')[0] for f in failures))} failed")
sys.exit(1 if failures else 0)
