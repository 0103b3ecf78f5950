"""A state word after a negation or contrast (而非破产重整, 不是, rather than) is no claim of that state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES

from factcheck.extract import extract
from factcheck.kinds.matching import fold
from factcheck.kinds.qualifiers import qualifying
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex
from factcheck.rules import load_rules

CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "negated_states.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["source"][:40] for c in CASES])
def test_a_negated_state_is_no_claim_of_it(tmp_path: Path, case: dict[str, Any]) -> None:
    name = case.get("entity", "苏宁电器集团")  # the subject, as the sentence names it
    assert _states_read(tmp_path, {"states": case["states"]}, name, case["text"]) == case["read"]


def _states_read(tmp_path: Path, keys: dict[str, Any], name: str, text: str) -> list[str]:
    """The states a status rule about `name` (with `keys`) reads in `text`."""
    rule = {"kind": "status", "description": "the state of a company", "subjects": ["it"], **keys,
            "entities": [{"id": "it", "name": name, "aliases": [name]}]}
    (tmp_path / "rule.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert rule_set.diagnostics == ()
    article = parse_article(f'---\ndate: "2025-02-10 10:00:00"\n---\n{text}\n', "a.md")
    return [c.value.display() for c in extract(article, rule_set.rules, EntityIndex(rule_set.entities))[0]]


@pytest.mark.parametrize(("text", "word", "kept"), [
    ("零售总额（非营业收入）为100亿元", "营业收入", False),   # the qualifier says what the value is not
    ("未经调整的净利润为100亿元", "经调整", False),
    ("经调整净利润为100亿元", "经调整", True),
    ("南非营业收入为100亿元", "营业收入", True),             # 非 ending a place's name negates nothing
])
def test_a_qualifier_word_after_a_negation_does_not_qualify(text: str, word: str, kept: bool) -> None:
    hit = (text.index(word), word, "x")
    assert (qualifying(text, [hit]) == [hit]) is kept


RUNS: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "ended_runs.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", RUNS, ids=[c["source"][:40] for c in RUNS])
def test_a_state_word_in_an_ended_run_is_no_claim_of_it(tmp_path: Path, case: dict[str, Any]) -> None:
    """終止2連升，跌2點子 is down only; 連升3日 alone is up (docs/rules.md "State words inside longer ones")."""
    read = _states_read(tmp_path, {"day": False, "states": case["states"]}, case["entity"], case["text"])
    assert read == case["read"]


FORMER: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "former_states.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", FORMER, ids=[c["source"][:40] for c in FORMER])
def test_a_state_marked_as_past_is_no_claim_of_it(tmp_path: Path, case: dict[str, Any]) -> None:
    """前首席医学官, 曾任, former CEO: a post held before (docs/rules.md "A former state")."""
    read = _states_read(tmp_path, {"day": False, "states": case["states"]}, case["entity"], case["text"])
    assert read == case["read"]


BECAME: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "became_states.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", BECAME, ids=[f"{c['source'][:30]} {c['word']}" for c in BECAME])
def test_the_state_a_change_leads_to_is_read_after_a_verb_of_becoming(case: dict[str, Any]) -> None:
    """变更为首席战略官, 升任董事长: the state a source says was taken (docs/rules.md "A former state")."""
    from factcheck.kinds.former import became_state

    text = fold(case["text"])
    start = text.index(fold(case["word"]), text.index(fold(case.get("after", ""))))
    assert became_state(text, start) is case["became"]
