"""A company word ending a common noun (为保持银行体系, 反映银行资金成本) names no unknown company."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, case_rule_set

from factcheck.extract import extract
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex

CASES = yaml.safe_load((FIXTURES / "common_nouns_not_names.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_a_common_noun_ending_in_a_company_word_names_no_one(case: dict, tmp_path: Path) -> None:
    rule_set = case_rule_set(case, tmp_path)
    title = f'title: "{case["title"]}"\n' if "title" in case else ""
    article = parse_article(f'---\n{title}date: "2025-02-10 10:00:00"\n---\n{case["text"]}\n', "a.md")
    claims, _ = extract(article, rule_set.rules, EntityIndex(rule_set.entities))
    assert [{"subject": c.subject, "value": c.value.display()} for c in claims] == case["claims"]
