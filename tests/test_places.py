"""Values a 分别 list gives to places, on the sentences of fixtures/places.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, case_rule_set

from factcheck.extract import extract, relevance
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex

CASES = yaml.safe_load((FIXTURES / "places.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_values_listed_for_places_are_not_the_companys(case: dict, tmp_path: Path) -> None:
    rule_set = case_rule_set(case, tmp_path)
    article = parse_article(f'---\ndate: "2025-02-13 10:00:00"\n---\n{case["text"]}\n', "a.md",
                            relevant=relevance(rule_set.rules))
    claims, _ = extract(article, rule_set.rules, EntityIndex(rule_set.entities))
    found = [{"subject": c.subject, "value": c.value.display()} for c in sorted(claims, key=lambda c: c.span)]
    assert found == [{k: str(v) for k, v in c.items()} for c in case["claims"]]
