import json
import pathlib

import pytest

import rouxing

ROOT = pathlib.Path(__file__).resolve().parents[3]
CASES = ROOT / "examples" / "data" / "cases"
TESTDATA = ROOT / "bindings" / "testdata"


def case_text(name: str) -> str:
    return (CASES / name).read_text(encoding="utf-8")


def statute_examples():
    return json.loads((TESTDATA / "statute-examples.json").read_text(encoding="utf-8"))["examples"]


@pytest.fixture(scope="session")
def catalogue():
    return rouxing.Catalogue.bundled()


@pytest.fixture(scope="session")
def regime():
    return rouxing.Regime.national()
