"""A value's own year stops a period carried from an earlier sentence (tests/fixtures/carried_periods.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.extract import extract
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex
from factcheck.rules import load_rules

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "carried_periods.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['source'].rsplit('/', 1)[-1]}-{i}" for i, c in enumerate(CASES)])
def test_a_value_naming_its_own_year_takes_no_period_from_an_earlier_sentence(tmp_path: Path,
                                                                              case: dict[str, Any]) -> None:
    rule = {"kind": "number", "description": "a figure", **case["rule"]}
    (tmp_path / "figure.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert rule_set.diagnostics == ()
    article = parse_article(f'---\ndate: "{case["published"]}"\n---\n{case["text"]}\n', "case.md")
    claims, _ = extract(article, list(rule_set.rules), EntityIndex(rule_set.entities))
    read = [{"value": c.value.display(), **c.context_dict()} for c in claims]
    assert [r["value"] for r in read] == [w["value"] for w in case["claims"]], case["source"]
    for wanted, got in zip(case["claims"], read, strict=True):
        assert {k: got.get(k, "") for k in wanted} == wanted, case["source"]
