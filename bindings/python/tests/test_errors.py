"""Errors raise rouxing.LoadError (and friends) with the loader's exact message; panics never crash."""

import pytest

import rouxing


def test_malformed_case_gives_the_loaders_exact_text(catalogue):
    with pytest.raises(rouxing.LoadError) as e:
        rouxing.Case.from_json('{"id": 3}', catalogue)
    assert str(e.value) == "case line 1 column 8, field `id`: invalid type: integer `3`, expected a string"
    bad = '{\n  "schema_version": 1,\n  "id": "X-1",\n  "item": "AG-XM-66",\n  "discovered_on": "2026-02-30"\n}'
    with pytest.raises(rouxing.LoadError) as e:
        rouxing.Case.from_json(bad, catalogue, name="case.json")
    assert str(e.value) == (
        "case.json line 5 column 31, field `discovered_on`: invalid date `2026-02-30`: no such day in the calendar"
    )


def test_malformed_catalogue_and_decision():
    with pytest.raises(rouxing.LoadError) as e:
        rouxing.Catalogue.from_json('{"items": 5}')
    assert str(e.value) == "catalogue line 1 column 11, field `items`: invalid type: integer `5`, expected a sequence"
    with pytest.raises(rouxing.LoadError) as e:
        rouxing.Decision.from_json('{\n "case_id": 7}')
    assert str(e.value) == "decision line 2 column 13, field `case_id`: invalid type: integer `7`, expected a string"
    assert issubclass(rouxing.LoadError, rouxing.RouxingError)


def test_bad_arguments(catalogue):
    with pytest.raises(rouxing.InputError) as e:
        rouxing.Regime.named("mars")
    assert str(e.value) == "unknown regime `mars`: expected `national` or `shandan`"
    with pytest.raises(rouxing.InputError):
        rouxing.tabulate([], "2026-12-31", "2026-01-01")
    case = rouxing.Case.from_json(
        open(__file__.replace("tests/test_errors.py", "../../examples/data/cases/first-violation.json"),
             encoding="utf-8").read(),
        catalogue,
    )
    with pytest.raises(rouxing.InputError) as e:
        rouxing.assess(case, None, "2026-13-01")
    assert str(e.value) == "invalid date `2026-13-01`: expected YYYY-MM-DD"
    with pytest.raises(rouxing.InputError):
        rouxing.assess(case)  # the day of deciding is required: no clock


def test_a_panic_in_rust_is_a_python_exception():
    with pytest.raises(rouxing.RouxingError) as e:
        rouxing._rouxing.panic_for_test()
    assert str(e.value) == "rouxing panicked: deliberate panic at the Python boundary"
    assert rouxing.Catalogue.bundled() is not None


def test_case_file():
    f = rouxing.CaseFile("2025-001")
    started = (
        '{"on":"2025-03-02","stage":"started","origin":"inspection","party":"91620725MA7",'
        '"item":"EM-HC-78-3","act_on":"2025-03-01","discovered_on":"2025-03-02"}'
    )
    h = f.append(started)
    assert len(h) == 64 and h == f.head
    f.append('{"on":"2025-03-03","stage":"filed","approved_by":"HEAD-1"}')
    with pytest.raises(rouxing.InputError) as e:
        f.append('{"on":"2025-03-04","stage":"served","method":"direct"}')
    assert str(e.value) == "`送达` before any decision in force (Art. 61)"
    assert len(f) == 2
    f.verify()
    back = rouxing.CaseFile.from_jsonl(f.to_jsonl())
    assert back.head == f.head
    with pytest.raises(rouxing.LoadError) as e:
        rouxing.CaseFile.from_jsonl(f.to_jsonl().replace("HEAD-1", "HEAD-2"))
    assert str(e.value).startswith("line 3")
