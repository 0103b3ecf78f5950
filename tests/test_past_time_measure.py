"""A lead-in's forecast or target word does not carry into a clause naming a past time of its own."""

from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES

from factcheck.extract import extract
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex
from factcheck.rules import load_rules

CASES = yaml.safe_load((FIXTURES / "past_time_measure.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["source"].split(":")[0][5:15] for c in CASES])
def test_a_clause_naming_a_past_time_keeps_no_lead_in_measure(tmp_path, case: dict) -> None:
    rule = {"kind": "number", "description": "d", "value": "percent", "cue": case["cue"], "window": 8,
            "qualifiers": ["measure"]}
    (tmp_path / "rule.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert rule_set.diagnostics == ()
    article = parse_article(f'---\ndate: "{case["published"]}"\n---\n{case["text"]}\n', "a.md")
    claims = extract(article, rule_set.rules, EntityIndex(rule_set.entities))[0]
    read = {c.value.display(): next(x.value for x in c.context if x.name == "measure") for c in claims}
    assert read == case["measures"]
