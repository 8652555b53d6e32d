"""The statute examples decide as the Rust API does (the table is checked against the Rust API by
bindings/core/tests/statute_examples.rs), and the README example runs."""

import datetime

import pytest

import rouxing
from conftest import case_text, statute_examples

EXAMPLES = statute_examples()


def test_the_table_has_the_five_statute_examples():
    assert [e["file"] for e in EXAMPLES] == [
        "under-14.json",
        "first-violation.json",
        "art32-mitigation.json",
        "limitation-expired.json",
        "art37-lighter-old-law.json",
    ]


@pytest.mark.parametrize("ex", EXAMPLES, ids=[e["file"] for e in EXAMPLES])
def test_statute_example(ex, catalogue, regime):
    case = rouxing.Case.from_json(case_text(ex["file"]), catalogue, name=ex["file"])
    a = rouxing.assess(case, regime, ex["as_of"])
    assert a.tiers == ex["lawful"]
    assert ex["cites"] in a.explanation
    assert "《中华人民共和国行政处罚法》" in a.explanation
    d = rouxing.recommend(case, regime, ex["as_of"])
    assert d.tier == ex["recommended"]
    assert d.fine == ex["fine"]
    assert d.tier in a.tiers
    assert d.reasons_text
    r = rouxing.review(case, d, regime)
    assert r.lawful, r.text


def test_readme_first_violation():
    import rouxing

    catalogue = rouxing.Catalogue.bundled()
    case = rouxing.Case.from_json(case_text("first-violation.json"), catalogue)
    d = rouxing.recommend(case, rouxing.Regime.national(), datetime.date(2026, 12, 1))
    print(rouxing.TIER_NAMES[d.tier], d.documents)  # 不予处罚 ['no_penalty_notice', …]
    print(d.reasons_text)                           # …（《中华人民共和国行政处罚法》第三十三条第一款第二句）…
    r = rouxing.review(case, d)                     # 法制审核, assessment recomputed from the facts
    assert d.tier == "no_penalty" and d.sanctions == [] and d.education
    assert r.lawful and r.passes, r.text


def test_an_unlawful_proposal_is_found(catalogue, regime):
    case = rouxing.Case.from_json(case_text("first-violation.json"), catalogue)
    d = rouxing.recommend(case, regime, "2026-12-01").to_dict()
    d.update(tier="ordinary", disposition="penalty", sanctions=[{"kind": "fine", "amount": "5000.00"}])
    proposal = rouxing.Decision.from_json(d)
    assert proposal.fine == 500000
    r = rouxing.review(case, proposal, regime)
    assert not r.lawful
    assert r.has("penalty_despite_mandatory_no_penalty") or r.has("above_lawful_set"), r.text


def test_results_are_objects_with_dicts_and_json(catalogue, regime):
    case = rouxing.Case.from_json(case_text("art32-mitigation.json"), catalogue)
    a = rouxing.assess(case, regime, datetime.date(2026, 12, 1))
    assert a.lawful[0].tier == "mitigated"
    assert a.lawful[0].fine_band.max == a.to_dict()["lawful"][0]["fine_band"]["max"]
    assert rouxing.fen(a.lawful[0].fine_band.max) == 19999
    assert a.case_id == case.id
    import json

    assert json.loads(a.to_json()) == a.to_dict()
    d = rouxing.recommend(case, regime, "2026-12-01")
    assert rouxing.Decision.from_json(d.to_json()) == d
    with pytest.raises(AttributeError):
        a.no_such_field


def test_assess_many_matches_assess(catalogue, regime):
    import pathlib

    from conftest import CASES

    cases = [rouxing.Case.from_json(p.read_text("utf-8"), catalogue, p.name) for p in sorted(CASES.glob("*.json"))]
    many = rouxing.assess_many(cases * 5, regime, "2026-12-01")
    one = [rouxing.assess(c, regime, "2026-12-01") for c in cases * 5]
    assert many == one
    assert [m.explanation for m in many] == [o.explanation for o in one]
