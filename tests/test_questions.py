"""A value a question asks about is no claim, for every kind (kinds/questions.py): a yes-or-no question's
asking clause and what follows 是否 are left out with a `question` note; a question with a question word,
the clauses before a question and a figure of the noun phrase it is about are read. Cases:
tests/fixtures/questions.yaml, real sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES

from factcheck.extract import extract
from factcheck.kinds.left_out import LEFT_OUT
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex
from factcheck.rules import load_rules

CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "questions.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["source"][:60] for c in CASES])
def test_a_question_states_no_value(tmp_path: Path, case: dict[str, Any]) -> None:
    (tmp_path / "rule.yaml").write_text(yaml.safe_dump({"level": "error", **case["rule"]}, allow_unicode=True),
                                        encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert rule_set.diagnostics == ()
    claims, notes = extract(parse_article(case["text"] + "\n", "a.md"), rule_set.rules, EntityIndex(rule_set.entities))
    assert [c.value.display() for c in claims] == case["reads"]
    keys = [n.message.split("left out (", 1)[1].split(")", 1)[0] for n in notes if n.code == LEFT_OUT]
    assert keys == ([] if case["reads"] else ["question"])


@pytest.mark.parametrize(("kind", "text"), [
    ({"kind": "date", "description": "When", "cue": ["上市"]}, "蜜雪冰城将于3月3日上市？"),
    ({"kind": "status", "description": "Whether", "entities": [{"id": "mixue", "name": "蜜雪冰城"}], "subjects": ["mixue"],
      "states": {"listed": ["上市"], "delisted": ["退市"]}}, "蜜雪冰城将于3月3日上市？"),
    ({"kind": "duration", "description": "How long", "cue": ["耗时"]}, "s1只耗时26分钟？"),
    ({"kind": "count", "description": "How many", "units": ["张"], "cue": ["使用了"]}, "只使用了16张GPU？"),
])
def test_every_kind_leaves_a_questions_value_out(tmp_path: Path, kind: dict[str, Any], text: str) -> None:
    """The same reading for a date, a state, a length and a count as for a figure (bulk 20250210A08URL's
    只用50美元？ written for each): asked, so no claim, and the note says why; the statement is read."""
    (tmp_path / "rule.yaml").write_text(yaml.safe_dump({"level": "error", **kind}, allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    for written, asked in ((text, True), (text.replace("只", "").replace("？", "。"), False)):
        claims, notes = extract(parse_article(f"---\ndate: \"2025-02-10 10:00:00\"\n---\n{written}\n", "a.md"),
                                rule_set.rules, EntityIndex(rule_set.entities))
        assert (len(claims), [n.code for n in notes]) == ((0, [LEFT_OUT]) if asked else (1, [])), (written, notes)
