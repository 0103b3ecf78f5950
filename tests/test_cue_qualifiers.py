"""A cue that ends in the value's qualifier (影响约, 设立超) never swallows it."""

from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES

from factcheck.extract import extract
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex
from factcheck.rules import load_rules

CASES = yaml.safe_load((FIXTURES / "cue_qualifiers.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']['cue'][0]}:{c['text'][:12]}" for c in CASES])
def test_the_value_keeps_the_qualifier_the_cue_ends_in(tmp_path, case: dict) -> None:
    entities = "".join(f"  - {{id: {key}, name: {names[0]}, aliases: {names}}}\n"
                       for key, names in case["subjects"].items())
    (tmp_path / "entities.yaml").write_text(f"kind: entities\ndescription: e\nentities:\n{entities}", encoding="utf-8")
    rule = {**case["rule"], "description": "d", "subjects": list(case["subjects"])}
    (tmp_path / "rule.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert rule_set.diagnostics == ()
    article = parse_article(f'---\ndate: "2025-02-12 10:00:00"\n---\n{case["text"]}\n', "a.md")
    claims = extract(article, rule_set.rules, EntityIndex(rule_set.entities))[0]
    assert [c.value.display() for c in claims] == [case["value"], *case.get("also", [])]


@pytest.mark.parametrize(("cue", "metrics"), [
    (["票房收入"], ("票房", "收入")),  # examples/nezha2-box-office-10b-2025-02-13/box-office.yaml: two line items
    (["每股收益"], ("每股收益",)),     # not 收益 (revenue) inside it
    (["营业收入", "净利润为"], ("营业收入", "净利润")),
])
def test_the_line_items_a_cue_names_do_not_depend_on_the_hash_seed(cue: list[str], metrics: tuple[str, ...]) -> None:
    from factcheck.kinds.qualifiers import cue_metrics

    assert cue_metrics(cue) == metrics
