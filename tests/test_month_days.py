"""A month is the day of a value whose sentence states no full day, and how dated pairs compare
(fixtures/month_days.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES

from factcheck.compare import compare
from factcheck.extract import extract
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex
from factcheck.rules import RuleSet, load_rules

CASES: dict[str, Any] = yaml.safe_load((FIXTURES / "month_days.yaml").read_text(encoding="utf-8"))


def _rules(tmp_path: Path, name: str) -> RuleSet:
    (tmp_path / "entities.yaml").write_text(yaml.safe_dump(
        {"kind": "entities", "description": "the cases' entities", "entities": CASES["entities"]},
        allow_unicode=True), encoding="utf-8")
    rule = {"description": f"the {name} rule", **CASES["rules"][name]}
    (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert not rule_set.diagnostics, rule_set.diagnostics
    return rule_set


def _claims(rule_set: RuleSet, text: str, path: str, published: str) -> list:
    article = parse_article(f"---\ndate: \"{published}\"\n---\n{text}\n", path)
    claims, _ = extract(article, rule_set.rules, EntityIndex(rule_set.entities))
    return sorted(claims, key=lambda c: (c.line, c.span[0]))


@pytest.mark.parametrize("case", CASES["reads"], ids=[c["name"] for c in CASES["reads"]])
def test_a_month_is_the_day_when_no_day_is_stated(case: dict, tmp_path: Path) -> None:
    claims = _claims(_rules(tmp_path, case["rule"]), case["text"], "a.md", case["published"])
    assert [c.context_dict().get("day", "") for c in claims] == case["days"], case["source"]


@pytest.mark.parametrize("case", CASES["compare"], ids=[c["name"] for c in CASES["compare"]])
def test_a_pair_compares_as_documented(case: dict, tmp_path: Path) -> None:
    rule_set = _rules(tmp_path, case["rule"])
    claims = (_claims(rule_set, case["a"]["text"], "a.md", case["a"]["published"])
              + _claims(rule_set, case["b"]["text"], "b.md", case["b"]["published"]))
    assert len(claims) == 2, case["source"]
    findings = compare(claims, {r.id: r for r in rule_set.rules})
    assert [f.kind for f in findings] == case["kinds"], case["source"]
