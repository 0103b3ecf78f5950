"""Extraction: the shipped rules read real sentences the way a reader would."""

from __future__ import annotations

import pytest
import yaml

from conftest import FIXTURES, RULES
from factcheck.extract import extract
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex
from factcheck.rules import load_rules

CASES = yaml.safe_load((FIXTURES / "extract.yaml").read_text(encoding="utf-8"))
RULE_SET = load_rules([str(RULES)])
INDEX = EntityIndex(RULE_SET.entities)
BY_ID = {rule.id: rule for rule in RULE_SET.rules}


def _claims(rule_id: str, text: str, published: str) -> list[dict]:
    article = parse_article(f'---\ndate: "{published}"\n---\n{text}\n', "a.md")
    return [{"subject": c.subject, "value": c.value.display(), "context": c.context_dict(), "line": c.line}
            for c in extract(article, [BY_ID[rule_id]], INDEX)]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['rule']}:{c['text'][:24]}" for c in CASES])
def test_rule_reads_sentence(case: dict) -> None:
    found = _claims(case["rule"], case["text"], case["published"])
    expected = [{"subject": c["subject"], "value": c["value"], "context": c.get("context", {}), "line": 4}
                for c in case["claims"]]
    assert found == expected


def test_claims_keep_the_line_of_the_value_in_a_multi_line_paragraph() -> None:
    text = "受消息影响，阿里美股\n盘前走高，涨逾1%，\n截至收盘，阿里收涨1.3%。"
    found = _claims("share-price-move", text, "2025-02-12 05:15:58")
    assert [(c["value"], c["line"]) for c in found] == [(">1%", 5), ("1.3%", 6)]


def test_extraction_is_pure_the_same_article_gives_the_same_claims() -> None:
    article = parse_article('---\ndate: "2025-02-13 23:39:14"\n---\n' + CASES[0]["text"] + "\n", "a.md")
    first = extract(article, RULE_SET.rules, INDEX)
    assert first == extract(article, RULE_SET.rules, INDEX)
    assert len(first) >= 3
