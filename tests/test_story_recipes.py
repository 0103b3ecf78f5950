"""The recipes of docs/rules.md for facts no number rule reads (a person's post, who announced,
an offer beside the standing price), run on real sentences (tests/fixtures/story_recipes.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, claims_of_sources
from test_rule_surface import documented

from factcheck.compare import compare
from factcheck.rules import load_rules

CASES = yaml.safe_load((FIXTURES / "story_recipes.yaml").read_text(encoding="utf-8"))
RECIPES = dict(documented("## Recipes"))


@pytest.mark.parametrize("case", CASES, ids=[c["recipe"] for c in CASES])
def test_a_documented_recipe_gives_what_the_truth_says(tmp_path: Path, case: dict) -> None:
    (tmp_path / case["recipe"]).write_text(RECIPES[case["recipe"]], encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert rule_set.diagnostics == ()
    claims = [c for found in claims_of_sources(rule_set, case["articles"]) for c in found]
    assert len({c.article for c in claims}) == case["sources_with_claims"]
    findings = compare(claims, {r.id: r for r in rule_set.rules})
    assert [[f.kind, f.level] for f in findings if f.level != "info"] == case["findings"]
