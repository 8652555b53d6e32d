"""rouxing (柔性): 行政柔性执法 and the 两轻一免 lists under 《中华人民共和国行政处罚法》 (2021).

A thin layer over the Rust library: every outcome, citation and finding comes from it.

* ``Catalogue`` — 事项目录与两轻一免清单; ``Regime`` — 裁量基准; ``Case`` — 案件事实.
* ``assess`` — 法律适用评估: the lawful set (可选择的合法处理结果), grounds, duties, the explanation
  in Chinese with every citation (《中华人民共和国行政处罚法》第X条第Y款).
* ``recommend`` — 处理建议: the most lenient lawful decision, with reasons.
* ``review`` — 法制审核 (Art. 58) of any decision; the assessment is recomputed from the facts.
* ``check_invariants`` — 不变量检查: the crate's decision-level invariants (lawful set, mandatory
  不予处罚 duties, fine bounds, limitation, version, citations, the legality guard) on a decision
  your own code made; ``CaseFile.check_stored`` and ``CaseFile.check_tamper`` for your storage of
  case files. Each returns ``None`` or the ``Violation`` with its citation. See the cookbook in
  ``bindings/python/README.md`` for property tests with Hypothesis.
* ``audit`` — 执法监督 over decided cases; ``tabulate`` — 柔性执法统计表 (rows for pandas).
* ``CaseFile`` — 全过程记录 (Art. 47), hash-chained; ``verify(key, checkpoint)``
  with a ``VerifyingKey`` and a signed ``Checkpoint`` kept outside the file;
  ``SigningKey`` from the caller's 32-byte seed.

Errors raise ``LoadError`` (a document did not load; the message names file, line, field and
value), ``InputError`` or ``IntegrityError``, all ``RouxingError``.

Results are ``Document`` objects: attribute access over the library's JSON documents, with
``to_dict()`` and ``to_json()``.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
from decimal import Decimal as _Decimal
from typing import Any, Iterable, List, Optional, Sequence, Tuple, Union

from . import _rouxing
from ._rouxing import (
    Case,
    CaseFile,
    Catalogue,
    Checkpoint,
    InputError,
    IntegrityError,
    LoadError,
    Regime,
    RouxingError,
    SigningKey,
    VerifyingKey,
)

__all__ = [
    "Assessment",
    "AuditReport",
    "Case",
    "CaseFile",
    "Catalogue",
    "Checkpoint",
    "Decision",
    "Document",
    "InputError",
    "IntegrityError",
    "LoadError",
    "Regime",
    "Review",
    "RouxingError",
    "SigningKey",
    "StatisticsTable",
    "TIERS",
    "TIER_NAMES",
    "VerifyingKey",
    "Violation",
    "assess",
    "assess_many",
    "audit",
    "check_invariants",
    "fen",
    "recommend",
    "review",
    "tabulate",
]

DateLike = Union[_dt.date, str]

#: The five tiers (裁量阶次), lightest first: 不予处罚、减轻处罚、从轻处罚、一般处罚、从重处罚.
TIERS = ("no_penalty", "mitigated", "lighter", "ordinary", "heavier")

#: The Chinese legal term of each tier code.
TIER_NAMES = {
    "no_penalty": "不予处罚",
    "mitigated": "减轻处罚",
    "lighter": "从轻处罚",
    "ordinary": "一般处罚",
    "heavier": "从重处罚",
}


def _date(d: DateLike) -> str:
    if isinstance(d, _dt.datetime):
        raise InputError(f"invalid date `{d}`: expected a date, not a date and time")
    if isinstance(d, _dt.date):
        return d.isoformat()
    if isinstance(d, str):
        return d
    raise InputError(f"invalid date `{str(d)[:40]}`: expected YYYY-MM-DD")


def fen(amount: Any) -> int:
    """An amount from the wire in 分 (an ``int``): integer 分, or a decimal string of yuan such as
    ``"1500.00"``. Never a float."""
    if isinstance(amount, bool) or amount is None:
        raise InputError(f"invalid amount `{amount}`")
    if isinstance(amount, int):
        return amount
    if isinstance(amount, str):
        d = _Decimal(amount) * 100
        if d != d.to_integral_value():
            raise InputError(f"invalid amount `{amount[:40]}`: more than two decimal places")
        return int(d)
    raise InputError(f"invalid amount `{str(amount)[:40]}`: expected integer 分 or a decimal string")


def _wrap(v: Any) -> Any:
    if isinstance(v, dict):
        return Document(v)
    if isinstance(v, list):
        return [_wrap(x) for x in v]
    return v


class Document:
    """A JSON document of the library with attribute access (``doc.lawful[0].tier``), item access
    (``doc["lawful"]``), ``to_dict()`` and ``to_json()``."""

    __slots__ = ("_data",)

    def __init__(self, data: dict) -> None:
        object.__setattr__(self, "_data", data)

    def __getattr__(self, name: str) -> Any:
        try:
            return _wrap(self._data[name])
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no field `{name}`") from None

    def __getitem__(self, name: str) -> Any:
        return _wrap(self._data[name])

    def __contains__(self, name: object) -> bool:
        return name in self._data

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Document) and self._data == other._data

    def __hash__(self) -> int:
        return hash(self.to_json())

    def __dir__(self) -> List[str]:
        return sorted(set(self._data) | set(super().__dir__()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.to_json()[:200]})"

    def keys(self) -> List[str]:
        """The field names."""
        return list(self._data)

    def to_dict(self) -> dict:
        """The document as plain ``dict``/``list`` values (a deep copy)."""
        return _json.loads(_json.dumps(self._data))

    def to_json(self, **kwargs: Any) -> str:
        """The document as JSON text (keyword arguments go to ``json.dumps``)."""
        kwargs.setdefault("ensure_ascii", False)
        return _json.dumps(self._data, **kwargs)


class Assessment(Document):
    """法律适用评估: the lawful set and everything the law attaches to the case on a day, with
    ``explanation`` (the Chinese explanation, rule by rule, with citations)."""

    __slots__ = ("explanation",)

    def __init__(self, data: dict, explanation: str) -> None:
        super().__init__(data)
        object.__setattr__(self, "explanation", explanation)

    @property
    def tiers(self) -> List[str]:
        """The tier codes of the lawful set, lightest first."""
        return [o["tier"] for o in self._data["lawful"]]


class Decision(Document):
    """处罚决定 / 不予处罚决定: what is imposed or withheld, the measures and documents; ``reasons_text``
    gives the reasons in Chinese with citations (``None`` for a decision read from JSON)."""

    __slots__ = ("reasons_text",)

    def __init__(self, data: dict, reasons_text: Optional[str] = None) -> None:
        super().__init__(data)
        object.__setattr__(self, "reasons_text", reasons_text)

    @staticmethod
    def from_json(text: Union[str, dict], name: str = "decision") -> "Decision":
        """A decision from its JSON document, checked by the library's reader (``LoadError`` names
        line, field and value of the first problem)."""
        if isinstance(text, dict):
            text = _json.dumps(text, ensure_ascii=False)
        return Decision(_json.loads(_rouxing.check_decision(text, name)))

    @property
    def fine(self) -> int:
        """The total fine (罚款) in 分; 0 when none."""
        return sum(fen(s["amount"]) for s in self._data["sanctions"] if s["kind"] == "fine" and "amount" in s)


class Review(Document):
    """法制审核意见 (《中华人民共和国行政处罚法》第五十八条): ``findings`` most severe first, ``lawful`` (no
    finding of severity 违法), ``passes`` (nothing above 提示) and ``text`` (in Chinese)."""

    __slots__ = ("lawful", "passes", "text")

    def __init__(self, data: dict, lawful: bool, passes: bool, text: str) -> None:
        super().__init__(data)
        object.__setattr__(self, "lawful", lawful)
        object.__setattr__(self, "passes", passes)
        object.__setattr__(self, "text", text)

    def has(self, code: str) -> bool:
        """Whether a finding with this code was made."""
        return any(f["code"] == code for f in self._data["findings"])


class AuditReport(Document):
    """执法监督报告: ``consistency`` (同事不同罚), ``repeated_first_violation``, ``outliers``,
    ``baseline_exemptions``; ``text`` in Chinese."""

    __slots__ = ("text",)

    def __init__(self, data: dict, text: str) -> None:
        super().__init__(data)
        object.__setattr__(self, "text", text)


class StatisticsTable(Document):
    """柔性执法统计表. ``rows`` is a list of flat dicts, one per reporting unit and a last one for
    the total (``unit`` = ``合计``), keyed by column code, counts as ``int`` and amounts as ``int``
    分 — ready for ``pandas.DataFrame(table.rows)``. ``csv`` (for Excel) and ``markdown`` too."""

    __slots__ = ("rows", "csv", "markdown")

    def __init__(self, data: dict, rows: List[dict], csv: str, markdown: str) -> None:
        super().__init__(data)
        object.__setattr__(self, "rows", rows)
        object.__setattr__(self, "csv", csv)
        object.__setattr__(self, "markdown", markdown)


def _regime(regime: Optional[Regime]) -> Regime:
    return Regime.national() if regime is None else regime


def assess(case: Case, regime: Optional[Regime] = None, as_of: DateLike = "") -> Assessment:
    """法律适用评估 of ``case`` under ``regime`` (default: national) on the day of deciding ``as_of``
    (required: the decision date is a fact of the case file, never the clock)."""
    doc = _json.loads(_rouxing.assess_json(case, _regime(regime), _date(as_of)))
    return Assessment(doc["assessment"], doc["explanation"])


def assess_many(cases: Sequence[Case], regime: Optional[Regime] = None, as_of: DateLike = "") -> List[Assessment]:
    """``assess`` over many cases, computed in Rust with the GIL released."""
    out = _rouxing.assess_many_json(list(cases), _regime(regime), _date(as_of))
    docs = [_json.loads(t) for t in out]
    return [Assessment(d["assessment"], d["explanation"]) for d in docs]


def recommend(case: Case, regime: Optional[Regime] = None, as_of: DateLike = "") -> Decision:
    """处理建议: the most lenient lawful decision, with reasons; the assessment is computed inside."""
    doc = _json.loads(_rouxing.recommend_json(case, _regime(regime), _date(as_of)))
    return Decision(doc["decision"], doc["reasons"])


def _decision_text(decision: Union[Decision, dict, str]) -> str:
    if isinstance(decision, Decision):
        return decision.to_json()
    if isinstance(decision, dict):
        return _json.dumps(decision, ensure_ascii=False)
    if isinstance(decision, str):
        return decision
    raise InputError("a decision is a rouxing.Decision, a dict or JSON text")


def review(case: Case, decision: Union[Decision, dict, str], regime: Optional[Regime] = None) -> Review:
    """法制审核 of ``decision`` on ``case``: the assessment is recomputed from the case, its catalogue
    and ``regime`` (default: national) as of the decision's ``decided_on``."""
    doc = _json.loads(_rouxing.review_json(case, _regime(regime), _decision_text(decision)))
    return Review(doc["review"], doc["lawful"], doc["passes"], doc["text"])


class Violation(Document):
    """不变量被违反: ``invariant`` (stable code, e.g. ``guard``), ``number`` (DESIGN.md's list),
    ``name`` (Chinese), ``citation`` (《中华人民共和国行政处罚法》第X条第Y款), ``detail`` and ``text``
    (the whole message in Chinese)."""

    __slots__ = ("text",)

    def __init__(self, data: dict) -> None:
        super().__init__(data)
        object.__setattr__(self, "text", data["text"])

    def __str__(self) -> str:
        return self.text


def check_invariants(
    case: Case,
    decision: Union[Decision, dict, str],
    regime: Optional[Regime] = None,
    as_of: Optional[DateLike] = None,
) -> Optional[Violation]:
    """不变量检查 of a decision your own code made on ``case``: the lawful set, the fine in the tier's
    band and within the statute, the mandatory 不予处罚 duties, limitation, the applied version, real
    citations, the legality guard (no finding of severity 违法) and the JSON round trip. The
    assessment is recomputed from the case, its catalogue and ``regime`` (default: national) on
    ``as_of`` (default: the decision's ``decided_on``). ``None`` when all hold, else the first
    ``Violation``."""
    text = _decision_text(decision)
    if as_of is None:
        as_of = _json.loads(text).get("decided_on", "")
    doc = _json.loads(_rouxing.check_invariants_json(case, _regime(regime), text, _date(as_of)))
    v = doc["violation"]
    return None if v is None else Violation(v)


def audit(
    cases: Iterable[Tuple[Case, Union[Decision, dict, str]]], regime: Optional[Regime] = None
) -> AuditReport:
    """执法监督 over ``(case, decision)`` pairs; every assessment recomputed as of its decision's date."""
    pairs = list(cases)
    doc = _json.loads(
        _rouxing.audit_json([c for c, _ in pairs], [_decision_text(d) for _, d in pairs], _regime(regime))
    )
    return AuditReport(doc["report"], doc["text"])


def tabulate(decisions: Iterable[Union[Decision, dict, str]], start: DateLike, end: DateLike) -> StatisticsTable:
    """柔性执法统计表 of ``decisions`` over the period ``start``–``end`` (both included)."""
    doc = _json.loads(_rouxing.tabulate_json([_decision_text(d) for d in decisions], _date(start), _date(end)))
    return StatisticsTable(doc["table"], doc["rows"], doc["csv"], doc["markdown"])
