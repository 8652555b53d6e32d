"""The cookbook of bindings/python/README.md, run: a downstream suite property-checks its own
decision wrapper, its own list and its own storage of case files with Hypothesis and rouxing.

Each property is a function of the downstream code it checks, so that the same property is run on
the good code (it holds) and on a deliberately wrong one (Hypothesis finds the counterexample): a
property that cannot fail would prove nothing. Every code block of the README's cookbook stands
in this file word for word (``test_the_readme_shows_this_file``)."""

import json
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
README = pathlib.Path(__file__).resolve().parents[1] / "README.md"

# --- cookbook: cases ---
import datetime as dt

from hypothesis import given, settings, strategies as st

import rouxing

# Few examples, no example database, the same examples on every run: fast and repeatable in CI.
FAST = settings(max_examples=20, deadline=None, database=None, derandomize=True)


@st.composite
def county_cases(draw, item="COUNTY-PRICE-1"):
    """A case as the county's system records it: a shop (legal person), an act in 2024–2026,
    discovered within two months, any harm, fault and correction; no earlier violation."""
    act = draw(st.dates(dt.date(2024, 1, 1), dt.date(2026, 6, 30)))
    discovered = act + dt.timedelta(days=draw(st.integers(0, 60)))
    status = draw(st.sampled_from(["none", "prompt", "late", "refused"]))
    correction = {"status": status}
    if status in ("prompt", "late"):
        correction["on"] = (discovered + dt.timedelta(days=draw(st.integers(0, 10)))).isoformat()
    return {
        "schema_version": 1,
        "id": "COUNTY-" + draw(st.from_regex(r"20[0-9]{2}-[0-9]{4}", fullmatch=True)),
        "item": item,
        "party": {"id": "SHOP-1", "name": "某商店", "kind": "legal_person", "registered_on": "2020-01-01"},
        "act": {"start": act.isoformat()},
        "discovered_on": discovered.isoformat(),
        "harm": draw(st.sampled_from(["none", "slight", "harmful", "serious"])),
        "fault": draw(st.sampled_from(["intentional", "negligent"])),
        "correction": correction,
    }


def decision_day(case_doc):
    """The system decides a month after discovery (a fact of the file, never the clock)."""
    return dt.date.fromisoformat(case_doc["discovered_on"]) + dt.timedelta(days=30)


# --- end ---

# --- cookbook: decision wrapper ---
COUNTY_LIST = rouxing.Catalogue.from_json(
    (ROOT / "tests/downstream/data/catalogue.json").read_text(encoding="utf-8"), name="catalogue.json"
)
REGIME = rouxing.Regime.national()


def my_decide(case, as_of):
    """The system's own wrapper: rouxing's recommendation, signed by the duty officer."""
    d = rouxing.recommend(case, REGIME, as_of).to_dict()
    d["decided_by"] = "OF-DUTY"
    d["reasons"]["officer_note"] = "经审查，依法作出如下处理"
    return d


def decisions_keep_the_invariants(decide):
    @FAST
    @given(county_cases())
    def prop(doc):
        case = rouxing.Case.from_json(json.dumps(doc, ensure_ascii=False), COUNTY_LIST)
        as_of = decision_day(doc)
        v = rouxing.check_invariants(case, decide(case, as_of), REGIME, as_of)
        assert v is None, v.text

    return prop


# --- end ---


# --- cookbook: wrong wrapper ---
def let_everyone_off(case, as_of):
    """A wrong wrapper: 不予处罚 whatever the facts, the sanctions struck out."""
    d = my_decide(case, as_of)
    d.update(tier="no_penalty", disposition="no_penalty", sanctions=[], education=True)
    return d


def test_decision_wrapper():
    decisions_keep_the_invariants(my_decide)()
    with pytest.raises(AssertionError, match="guard|within_lawful_set"):
        decisions_keep_the_invariants(let_everyone_off)()


# --- end ---


# --- cookbook: list ---
def county_promises(doc):
    """What the county's list promises, entry by entry, in the facts its conditions name."""
    prompt = doc["correction"]["status"] == "prompt"
    return {
        # COUNTY-E1 首违不罚: 初次违法且危害后果轻微并及时改正的
        "no_penalty": doc["harm"] in ("none", "slight") and prompt,
        # COUNTY-E2 从轻: 非故意且主动改正的
        "lighter": doc["fault"] != "intentional" and prompt,
    }


def list_keeps_to_the_statute(catalogue, promises):
    @FAST
    @given(county_cases())
    def prop(doc):
        case = rouxing.Case.from_json(json.dumps(doc, ensure_ascii=False), catalogue)
        a = rouxing.assess(case, REGIME, decision_day(doc))
        # The statute allows what the list promises (no entry beyond Arts. 32-33).
        for tier, holds in promises(doc).items():
            assert not holds or tier in a.tiers, f"{tier} promised, lawful: {a.tiers}\n{a.explanation}"
        # No exemption where Art. 33 ¶1 forbids it: harm at most slight, corrected promptly.
        if "no_penalty" in a.tiers:
            assert doc["harm"] in ("none", "slight") and doc["correction"]["status"] == "prompt"

    return prop


# --- end ---


# --- cookbook: wrong list ---
def test_list():
    list_keeps_to_the_statute(COUNTY_LIST, county_promises)()
    # A list whose 首违不罚 forgets the harm test promises an exemption the statute forbids.
    text = (ROOT / "tests/downstream/data/catalogue.json").read_text(encoding="utf-8")
    wrong = json.loads(text)
    wrong["items"][0]["entries"][0]["conditions"][0]["tests"] = [
        {"test": "first_violation"},
        {"test": "corrected_promptly"},
    ]
    wrong_list = rouxing.Catalogue.from_json(json.dumps(wrong, ensure_ascii=False))

    def wrong_promises(doc):
        return {"no_penalty": doc["correction"]["status"] == "prompt"}

    with pytest.raises(AssertionError, match="no_penalty promised"):
        list_keeps_to_the_statute(wrong_list, wrong_promises)()


# --- end ---


# --- cookbook: storage ---
SAMPLE = (ROOT / "schema/examples/case-file.jsonl").read_text(encoding="utf-8")
EVENTS = [json.dumps(json.loads(l)["event"], ensure_ascii=False) for l in SAMPLE.splitlines() if '"seq"' in l]


class MyStore:
    """The system's store: one text column per case number (here a dict)."""

    def __init__(self):
        self.rows = {}

    def put(self, case_id, f):
        self.rows[case_id] = f.to_jsonl()

    def get(self, case_id):
        return self.rows[case_id]


def stored_files_read_back(store_class):
    @FAST
    @given(st.integers(1, len(EVENTS)))
    def prop(n):
        case_id = "山丹2025-00640"
        f = rouxing.CaseFile(case_id)
        for e in EVENTS[:n]:  # a lawful lifecycle, cut after n steps
            f.append(e)
        store = store_class()
        store.put(case_id, f)
        v = f.check_stored(store.get(case_id))
        assert v is None, v["text"]

    return prop


# --- end ---


# --- cookbook: wrong store ---
class TrimmingStore(MyStore):
    """A wrong store: its column trims trailing white space, and with it the closing line break."""

    def put(self, case_id, f):
        self.rows[case_id] = f.to_jsonl().rstrip()


def test_storage():
    stored_files_read_back(MyStore)()
    with pytest.raises(AssertionError, match="round_trip"):
        stored_files_read_back(TrimmingStore)()
    # The importer refuses every one-character change, deletion, duplication and swap at its line.
    assert rouxing.CaseFile.from_jsonl(SAMPLE).check_tamper() is None


# --- end ---


def test_the_readme_shows_this_file():
    """Every code block of the README's cookbook is a block of this file, word for word."""
    source = pathlib.Path(__file__).read_text(encoding="utf-8")
    blocks = dict(re.findall(r"# --- cookbook: ([a-z ]+) ---\n(.*?)\n# --- end ---", source, re.S))
    text = README.read_text(encoding="utf-8")
    cookbook = text[text.index("## Cookbook") :]
    shown = re.findall(r"```python\n(.*?)```", cookbook, re.S)
    assert len(shown) == len(blocks) == 7
    for block in shown:
        assert block.strip() in [b.strip() for b in blocks.values()], block[:200]


def test_check_invariants_names_the_provision():
    text = (ROOT / "examples/data/cases/ordinary.json").read_text(encoding="utf-8")
    case = rouxing.Case.from_json(text, rouxing.Catalogue.bundled())
    d = rouxing.recommend(case, REGIME, "2026-11-25").to_dict()
    assert rouxing.check_invariants(case, d, REGIME) is None
    d["correction"] = None
    v = rouxing.check_invariants(case, d, REGIME)
    assert (v.invariant, v.number) == ("guard", 11)
    assert v.citation.startswith("《中华人民共和国行政处罚法》第")
    assert str(v) == v.text and v.text.startswith("违反“")
