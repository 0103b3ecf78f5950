"""Built-in qualifier words beside a rule's own (tests/fixtures/own_qualifier_words.yaml)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from conftest import FIXTURES

from factcheck.extract import extract
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex
from factcheck.rules import load_rules

CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "own_qualifier_words.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["source"] for c in CASES])
def test_a_sentence_gives_the_claims_with_the_qualifiers_it_states(tmp_path, case: dict[str, Any]) -> None:
    rule = {**case["rule"], "description": "d"}
    (tmp_path / "rule.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert rule_set.diagnostics == ()
    article = parse_article(f'---\ndate: "{case["published"]}"\n---\n{case["text"]}\n', "a.zh-HK.md")
    claims = extract(article, rule_set.rules, EntityIndex(rule_set.entities))[0]
    got = [{"value": c.value.display(), **c.context_dict()} for c in claims]
    for want in case["claims"]:
        assert any(all(g.get(k) == v for k, v in want.items()) for g in got), (want, got)
    assert len(got) >= len(case["claims"])
