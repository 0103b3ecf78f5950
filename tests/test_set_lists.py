"""Set rules: a list that says it names only some of its kind (tests/fixtures/set_lists.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.compare import compare
from factcheck.extract import extract
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex
from factcheck.rules import load_rules
from factcheck.values import EntitySet

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "set_lists.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[str(i) for i in range(len(CASES))])
def test_lists_that_name_only_some_never_cross(tmp_path: Path, case: dict[str, Any]) -> None:
    rule = {"kind": "set", "description": "a list", **case["rule"]}
    (tmp_path / "members.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert rule_set.diagnostics == ()
    claims = []
    for number, source in enumerate(case["sources"]):
        article = parse_article(f'---\ndate: "2025-02-11 10:00:00"\n---\n{source["text"]}\n', f"s{number}.md")
        found, _ = extract(article, list(rule_set.rules), EntityIndex(rule_set.entities))
        assert len(found) == source.get("lists", 1), source["source"]
        for one in found:
            assert isinstance(one.value, EntitySet)
            assert one.value.non_exhaustive is source["some"], source["source"]
        claims.extend(found)
    [finding] = [f for f in compare(claims, {r.id: r for r in rule_set.rules}) if f.kind != "context-differs"]
    assert {"kind": finding.kind, "level": finding.level} == case["finding"], case["about"]
