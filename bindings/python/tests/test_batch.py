"""audit, tabulate (rows ready for pandas), and the property that recommend never leaves the lawful set."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rouxing
from conftest import CASES, case_text


def _all(catalogue, regime):
    cases = [rouxing.Case.from_json(p.read_text("utf-8"), catalogue, p.name) for p in sorted(CASES.glob("*.json"))]
    return [(c, rouxing.recommend(c, regime, "2026-12-01")) for c in cases]


def test_audit_and_tabulate(catalogue, regime):
    pairs = _all(catalogue, regime)
    report = rouxing.audit(pairs, regime)
    assert report.text.startswith(f"同事不同罚：{len(report.consistency)}组")
    table = rouxing.tabulate([d for _, d in pairs], "2026-01-01", "2026-12-31")
    total = table.rows[-1]
    assert total["unit"] == "合计"
    assert total["total_cases"] == len(pairs)
    assert total["no_penalty"] == sum(1 for _, d in pairs if d.disposition == "no_penalty")
    # Rows are flat: every value is a str, an int or None, the same keys in every row.
    keys = set(table.rows[0])
    for row in table.rows:
        assert set(row) == keys
        assert all(v is None or isinstance(v, (str, int)) for v in row.values())
    assert "合计" in table.csv and "合计" in table.markdown


_FIRST = json.loads(case_text("first-violation.json"))
_ART32 = json.loads(case_text("art32-mitigation.json"))


@st.composite
def cases(draw):
    base = dict(draw(st.sampled_from([_FIRST, _ART32])))
    base["harm"] = draw(st.sampled_from(["none", "slight", "harmful", "serious"]))
    status = draw(st.sampled_from(["prompt", "late", "none", "refused"]))
    if status in ("none", "refused"):
        base["correction"] = {"status": status}
    else:
        base["correction"] = {"status": status, "on": base["discovered_on"]}
    base["gravity"] = draw(st.sampled_from(["minor", "general", "serious"]))
    return base


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(doc=cases(), days=st.integers(min_value=0, max_value=2000))
def test_recommend_never_leaves_the_lawful_set(doc, days, catalogue, regime):
    import datetime

    as_of = datetime.date(2026, 12, 1) + datetime.timedelta(days=days)
    case = rouxing.Case.from_json(json.dumps(doc, ensure_ascii=False), catalogue)
    a = rouxing.assess(case, regime, as_of)
    d = rouxing.recommend(case, regime, as_of)
    assert d.tier in a.tiers
    option = next(o for o in a.lawful if o.tier == d.tier)
    if d.fine and "fine_band" in option and option.fine_band is not None:
        assert rouxing.fen(option.fine_band.min) <= d.fine <= rouxing.fen(option.fine_band.max)
    assert rouxing.review(case, d, regime).lawful
