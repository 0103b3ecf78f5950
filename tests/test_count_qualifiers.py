"""Count rules read the built-in qualifiers as number rules do (tests/fixtures/count_qualifiers.yaml)."""

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
    (Path(__file__).parent / "fixtures" / "count_qualifiers.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['source'].rsplit('/', 1)[-1]}-{i}" for i, c in enumerate(CASES)])
def test_count_rules_read_the_built_in_qualifiers(tmp_path: Path, case: dict[str, Any]) -> None:
    rule = {"kind": "count", "description": "a count", **case["rule"]}
    (tmp_path / "count.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert rule_set.diagnostics == ()
    article = parse_article(f'---\ndate: "{case["published"]}"\n---\n{case["text"]}\n', "case.md")
    claims, _ = extract(article, list(rule_set.rules), EntityIndex(rule_set.entities))
    read = [{"value": c.value.display(), **c.context_dict()} for c in claims]
    assert [r["value"] for r in read] == [w["value"] for w in case["claims"]], case["source"]
    for wanted, got in zip(case["claims"], read, strict=True):
        assert {k: got.get(k, "") for k in wanted} == wanted, case["source"]


def test_the_year_is_one_a_count_rule_may_ask_for(tmp_path: Path) -> None:
    (tmp_path / "count.yaml").write_text("kind: count\ndescription: a count\nunits: [辆]\ncue: [交付]\n"
                                         "qualifiers: [accounting, year]\n", encoding="utf-8")
    [rule] = load_rules([str(tmp_path)]).rules
    assert [c.name for c in rule.context] == ["accounting", "year"]
