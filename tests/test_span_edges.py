"""A day dated by an opening (closing) word is compared with the first (last) day of another
source's span of days; any other day agrees with a span it falls in (tests/fixtures/span_edges.yaml).
A case's `rule` adds keys to the rule (a `context:` qualifier that tells a wider span apart)."""

from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES, claims_of_sources

from factcheck.compare import compare
from factcheck.rules import load_rules

CASES = yaml.safe_load((FIXTURES / "span_edges.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[str(i) for i in range(len(CASES))])
def test_an_opening_day_is_compared_with_the_first_day_of_a_span(tmp_path, case: dict) -> None:
    rule = {"kind": "date", "description": "when the event is held", "cue": case["cue"], **case.get("rule", {})}
    (tmp_path / "rule.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert rule_set.diagnostics == ()
    claims = []
    for (_, text), found in zip(case["articles"], claims_of_sources(rule_set, case["articles"]), strict=True):
        assert found, text
        claims += found
    findings = compare(claims, {r.id: r for r in rule_set.rules})
    assert [f.kind for f in findings] == [case["finding"]]


@pytest.mark.parametrize(("text", "span_of_days"), [
    ("2月9日至12日", True), ("本月9日至12日", True), ("本周一至周二", True), ("Feb. 10-11", True),
    ("10-11 February", True), ("from February 18 to 20", True), ("Feb. 28-March 2", True),
    ("周二和周三", False), ("between February 8 and 9", False),  # two days joined, not a span written
    ("2024-2025年", False), ("1-2月", False),  # spans of years and months: no opening day is their first
])
def test_which_ranges_are_spans_of_days(text: str, span_of_days: bool) -> None:
    from datetime import date

    from factcheck.normalize.dates import find_dates

    [found] = find_dates(text, date(2025, 2, 12))
    assert found.value.day_span() is span_of_days
