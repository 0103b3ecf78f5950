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
