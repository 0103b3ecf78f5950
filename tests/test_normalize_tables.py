"""Data-driven tables for the normalizers: numbers, quantities, dates, entities.

The cases live in tests/fixtures/normalize/*.yaml (entities.yaml declares its
own entities, then cases for EntityIndex.resolve/mentions), drawn mostly from real
sentences in the seeds and the shared corpus (each case names its `source`).
Expected values were read off the text by hand, never copied from the code.
A case the normalizer gets wrong today carries `xfail: <reason>`; it runs as a
strict xfail, so fixing the normalizer turns it red until the mark is removed.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from factcheck.kinds.matching import fold
from factcheck.normalize.dates import date_matches, date_re, find_dates, parse_date
from factcheck.normalize.entities import EntityIndex
from factcheck.normalize.numbers import parse_interval, parse_number
from factcheck.normalize.quantities import find_bare_amounts, find_quantities, parse_change, parse_quantity
from factcheck.records import Entity

TABLES = Path(__file__).resolve().parent / "fixtures" / "normalize"


def _load(name: str) -> list[dict]:
    cases = yaml.safe_load((TABLES / name).read_text(encoding="utf-8"))
    assert isinstance(cases, list) and cases, f"{name}: expected a non-empty list of cases"
    for case in cases:
        assert "input" in case and "source" in case, f"{name}: case without input/source: {case}"
    return cases


def _params(cases: list[dict], *, find: bool, key: str = "find") -> list:
    params = []
    for case in cases:
        if (key in case) != find:
            continue
        marks = []
        if case.get("xfail"):
            marks.append(pytest.mark.xfail(strict=True, reason=str(case["xfail"])))
        case_id = case["input"] if "anchor" not in case else f"{case['input']}@{case['anchor']}"
        params.append(pytest.param(case, id=case_id, marks=marks))
    return params


def _dec(text: object) -> Decimal | None:
    return None if text is None else Decimal(str(text))


def _day(value: object) -> dt.date:
    # YAML reads an unquoted 2025-02-13 as a date already; accept strings too.
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _show_quantity(quantity) -> str:
    """The tables' own notation (kept apart from Quantity.display, which may change):
    approximation mark (≈< near, > over, < under, ≈ about), the plain number, then
    `%` or ` UNIT` and the per-unit suffix: ">1%", "≈<5%", "118.3 USD/股"."""
    mark = {"near": "≈<", "over": ">", "under": "<", "about": "≈", "": ""}[quantity.approx]
    number = _plain(quantity.value)
    unit = "%" if quantity.unit == "%" else f" {quantity.unit}{quantity.scale_text}"
    if _is_range(quantity):
        return f"{_plain(quantity.low)}..{_plain(quantity.high)}{unit}"
    return f"{mark}{number}{unit}"


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


def _is_range(quantity) -> bool:
    """A range (3%-5%): written as two numbers, shown with both bounds (not a single 约's interval)."""
    return quantity.shown_as_range()


def _show_date(value) -> str:
    """The tables' own notation: 2025-02-13 (a day), 2025-02 (a month), 2024 (a
    year), else start..end; then the time of day if any."""
    if value.precision == "day" and value.start == value.end:
        text = value.start.isoformat()
    elif value.precision == "month":
        text = value.start.strftime("%Y-%m")
    elif value.precision == "year":
        text = str(value.start.year)
    else:
        text = f"{value.start.isoformat()}..{value.end.isoformat()}"
    return f"{text} {value.time_of_day}".strip()


NUMBERS = _load("numbers.yaml")
QUANTITIES = _load("quantities.yaml")
DATES = _load("dates.yaml")
DATE_MATCHES = _load("date_matches.yaml")
_ENTITY_TABLE = yaml.safe_load((TABLES / "entities.yaml").read_text(encoding="utf-8"))
ENTITIES = _ENTITY_TABLE["cases"]
for _case in ENTITIES:
    assert "input" in _case and "source" in _case, f"entities.yaml: case without input/source: {_case}"


# ------------------------------------------------------------------ numbers


@pytest.mark.parametrize("case", [p for p in _params(NUMBERS, find=False) if "range" not in p.values[0]])
def test_parse_number(case: dict) -> None:
    parsed = parse_number(case["input"])
    if case.get("none"):
        assert parsed is None, f"expected no number, got {parsed}"
        return
    assert parsed is not None, "expected a number, got None"
    assert isinstance(parsed.value, Decimal) and isinstance(parsed.step, Decimal)
    assert (parsed.value, parsed.step) == (_dec(case["value"]), _dec(case["step"]))


@pytest.mark.parametrize("case", _params(NUMBERS, find=True, key="range"))
def test_parse_interval(case: dict) -> None:
    result = parse_interval(case["input"])
    assert result is not None, "expected an interval, got None"
    assert all(isinstance(x, Decimal) for x in (result.value, result.low, result.high) if x is not None)
    low, high = case["range"]
    assert (result.low, result.high, result.approx) == (_dec(low), _dec(high), case["approx"])
    assert result.low is None or result.high is None or result.low <= result.value <= result.high


# --------------------------------------------------------------- quantities


@pytest.mark.parametrize("case", [p for p in _params(QUANTITIES, find=False)
                                  if "change" not in p.values[0] and "bare" not in p.values[0]])
def test_parse_quantity(case: dict) -> None:
    quantity = parse_quantity(case["input"])
    if case.get("none"):
        assert quantity is None, f"expected no quantity, got {quantity}"
        return
    assert quantity is not None, "expected a quantity, got None"
    assert all(isinstance(x, Decimal) for x in (quantity.value, quantity.low, quantity.high) if x is not None)
    got = {
        "value": quantity.value, "unit": quantity.unit, "approx": quantity.approx,
        "low": quantity.low, "high": quantity.high, "per": quantity.scale_text,
    }
    want = {
        "value": _dec(case["value"]), "unit": case["unit"], "approx": case["approx"],
        "low": _dec(case["low"]), "high": _dec(case["high"]), "per": case.get("per", ""),
    }
    assert got == want


@pytest.mark.parametrize("case", _params(QUANTITIES, find=True))
def test_find_quantities(case: dict) -> None:
    spans = find_quantities(case["input"])
    assert [_show_quantity(span.quantity) for span in spans] == case["find"]
    for span in spans:  # offsets cover the quantity; its raw text is the input's from `raw_start` (a bound
        # before the whole a share is of, 不超过公司总股本的3%, reaches further back: the span stays the share's own)
        assert 0 <= span.start < span.end <= len(case["input"])
        read_from = span.start if span.raw_start is None else span.raw_start
        assert read_from == span.start or (read_from < span.start and span.quantity.approx)
        assert len(case["input"][read_from:span.end]) == len(span.quantity.raw)  # one character for one


@pytest.mark.parametrize("case", _params(QUANTITIES, find=True, key="bare"))
def test_find_bare_amounts(case: dict) -> None:
    """Amounts written without a unit (这28亿借款): never a number a unit or more digits follow."""
    spans = find_bare_amounts(case["input"], find_quantities(case["input"]))
    assert all(span.quantity.unit == "" for span in spans)
    assert [_show_quantity(span.quantity).rstrip() for span in spans] == case["bare"]


@pytest.mark.parametrize("case", _params(QUANTITIES, find=True, key="change"))
def test_parse_change(case: dict) -> None:
    change = parse_change(case["input"])
    if case["change"] is None:
        assert change is None, f"expected no change, got {change}"
        return
    assert change is not None, "expected a change, got None"
    assert (_show_quantity(change.quantity), change.basis) == (case["change"], case["basis"])


# -------------------------------------------------------------------- dates


@pytest.mark.parametrize("case", _params(DATES, find=False))
def test_parse_date(case: dict) -> None:
    value = parse_date(case["input"], _day(case["anchor"]))
    if case.get("none"):
        assert value is None, f"expected no date, got {value}"
        return
    assert value is not None, "expected a date, got None"
    got = (value.start, value.end, value.precision, value.time_of_day)
    want = (_day(case["start"]), _day(case["end"]), case["precision"], case.get("time_of_day", ""))
    assert got == want


@pytest.mark.parametrize("case", _params(DATES, find=True))
def test_find_dates(case: dict) -> None:
    spans = find_dates(case["input"], _day(case["anchor"]))
    assert [_show_date(span.value) for span in spans] == case["find"]


@pytest.mark.parametrize("case", DATE_MATCHES, ids=[c["source"].rsplit("/", 1)[-1] for c in DATE_MATCHES])
def test_date_matcher_finds_what_the_date_pattern_finds(case: dict) -> None:
    """date_matches tries DATE_RE only near a trigger, each start once (triggers close together
    share their starts); it must find exactly what trying every position finds."""
    text = fold(case["input"])
    found = [(m.start(), m.end(), m.lastgroup) for m in date_matches(text)]
    assert found == [(m.start(), m.end(), m.lastgroup) for m in date_re().finditer(text)]
    assert [text[start:end] for start, end, _ in found] == [fold(d) for d in case["dates"]]


# ----------------------------------------------------------------- entities


@pytest.fixture(scope="module")
def entity_index() -> EntityIndex:
    return EntityIndex(tuple(Entity(e["id"], e["name"], tuple(e.get("aliases", ())))
                             for e in _ENTITY_TABLE["entities"]))


@pytest.mark.parametrize("case", _params(ENTITIES, find=True, key="resolve"))
def test_entity_resolve(case: dict, entity_index: EntityIndex) -> None:
    assert entity_index.resolve(case["input"]) == case["resolve"]


@pytest.mark.parametrize("case", _params(ENTITIES, find=True, key="mentions"))
def test_entity_mentions(case: dict, entity_index: EntityIndex) -> None:
    mentions = entity_index.mentions(case["input"])
    assert [m.entity_id for m in mentions] == case["mentions"]
    for mention in mentions:  # offsets are the original text's, whatever the script
        assert 0 <= mention.start < mention.end <= len(case["input"])


# ------------------------------------------------------------------ sources

ROOT = Path(__file__).resolve().parent.parent
SOURCE_ROOTS = {"seeds/": ROOT / "seeds", "corpus/": ROOT.parent / "shared" / "corpus"}


def _source_params() -> list:
    params = []
    for table, cases in (("numbers", NUMBERS), ("quantities", QUANTITIES), ("dates", DATES),
                         ("date_matches", DATE_MATCHES), ("entities", ENTITIES)):
        for case in cases:
            source = str(case["source"])
            if not source.startswith(("trap:", "peer:", "form:")):
                params.append(pytest.param(case, id=f"{table}:{case['input']}"))
    return params


def test_peer_sources_name_a_suite_of_the_peer_benchmark() -> None:
    """A `peer:` source names a repository and file the peer benchmark copies cases from."""
    suites = yaml.safe_load((ROOT / "benchmarks" / "peer_cases.yaml").read_text(encoding="utf-8"))["sources"]
    known = {" ".join(value.split("@")[0].split()[:2]) for value in suites.values()}
    cited = {" ".join(str(c["source"])[len("peer: "):].split()[:2]) for t in (NUMBERS, QUANTITIES, DATES)
             for c in t if str(c["source"]).startswith("peer:")}
    assert cited and cited <= known, cited - known


@pytest.mark.parametrize("case", _source_params())
def test_source_line_holds_input(case: dict) -> None:
    """A cited `path:line` exists and that line contains the input verbatim."""
    source = str(case["source"])
    match = re.fullmatch(r"((?:seeds|corpus)/[^:]+):(\d+)", source)
    assert match, f"source must be seeds/..., corpus/...:<line> or 'trap: <why>', got {source!r}"
    path, line = match.group(1), int(match.group(2))
    prefix = "seeds/" if path.startswith("seeds/") else "corpus/"
    base = SOURCE_ROOTS[prefix]
    if not base.is_dir():
        pytest.skip(f"{base} is not available")
    lines = (base / path[len(prefix):]).read_text(encoding="utf-8").splitlines()
    assert case["input"] in lines[line - 1]
