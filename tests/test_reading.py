"""How values are read: cue, day, qualifiers, subject, on the sentences of fixtures/reading.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, case_rule_set

from factcheck.extract import extract, relevance
from factcheck.kinds.sentence import clause_bounds
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex

# lists.yaml: values of a list (分别为A、B、C), the periods they pair with, statements a ；ends
CASES = [case for name in ("reading.yaml", "lists.yaml")
         for case in yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_values_are_read_as_documented(case: dict, tmp_path: Path) -> None:
    rule_set = case_rule_set(case, tmp_path)
    published = case.get("published", "2025-02-13 10:00:00")
    article = parse_article(f'---\ndate: "{published}"\n---\n{case["text"]}\n', "a.md",
                            relevant=relevance(rule_set.rules))  # paragraphs as the command line reads them
    claims, notes = extract(article, rule_set.rules, EntityIndex(rule_set.entities))
    expected = [{k: str(v) for k, v in c.items()} for c in case["claims"]]
    named = {k for e in expected for k in e} - {"subject", "value"}
    found = [{"subject": c.subject, "value": c.value.display()}
             | {k: c.context_dict().get(k, "") for k in sorted(named)}
             for c in sorted(claims, key=lambda c: (c.line, c.span[0]))]
    assert found == expected
    assert sum(n.code == "unattributed" for n in notes) == case.get("unattributed", 0)


@pytest.mark.parametrize(("text", "clauses"), [
    ("估值2,600亿美元，投资400亿美元", ["估值2,600亿美元", "投资400亿美元"]),
    ("涨3,跌2", ["涨3", "跌2"]),       # a comma before fewer than three digits breaks
    ("1,2345", ["1", "2345"]),           # and before four
])
def test_a_comma_grouping_thousands_is_no_clause_break(text: str, clauses: list[str]) -> None:
    assert [text[a:b] for a, b in clause_bounds(text)] == clauses
