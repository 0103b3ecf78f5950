"""Rules that share a sentence share its readings, and nothing else.

A sentence is read once for all the rules whose cues it holds (kinds/sentence.py, `per_sentence`):
a count rule's amounts for its unit words, where a number rule's cue may stand before a value,
the figure a change reaches, a range's end. Only what does not depend on the rule is shared, so
each rule, run with every other rule of its table at once, must find what the table says it
finds alone: the real sentences of tests/fixtures/extract.yaml (shipped rules) and
tests/fixtures/count_qualifiers.yaml (several count rules with the same unit words on one sentence).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, RULES

from factcheck.extract import extract
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex
from factcheck.rules import load_rules

SHIPPED = load_rules([str(RULES)])
EXTRACT_CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "extract.yaml").read_text(encoding="utf-8"))
COUNT_CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "count_qualifiers.yaml").read_text(encoding="utf-8"))


def _article(text: str, published: str) -> Any:
    return parse_article(f'---\ndate: "{published}"\n---\n{text}\n', "case.md")


@pytest.mark.parametrize("case", EXTRACT_CASES, ids=[f"{c['rule']}:{c['text'][:24]}" for c in EXTRACT_CASES])
def test_a_shipped_rule_finds_the_same_claims_beside_all_the_others(case: dict[str, Any]) -> None:
    claims, _ = extract(_article(case["text"], case["published"]), SHIPPED.rules, EntityIndex(SHIPPED.entities))
    found = [{"subject": c.subject, "value": c.value.display(), "context": c.context_dict()}
             for c in claims if c.rule_id == case["rule"]]
    assert found == [{"subject": c["subject"], "value": c["value"], "context": c.get("context", {})}
                     for c in case["claims"]], case["source"]


def _sentences_with_several_rules() -> list[Any]:
    by_text: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for case in COUNT_CASES:
        by_text[case["text"]].append(case)
    return [pytest.param(cases, id=cases[0]["source"].rsplit("/", 1)[-1])
            for cases in by_text.values() if len(cases) > 1]


@pytest.mark.parametrize("cases", _sentences_with_several_rules())
def test_count_rules_on_one_sentence_find_what_each_finds_alone(tmp_path: Path, cases: list[dict[str, Any]]) -> None:
    for index, case in enumerate(cases):
        rule = {"kind": "count", "description": "a count", **case["rule"]}
        (tmp_path / f"count{index}.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert rule_set.diagnostics == () and len(rule_set.rules) == len(cases)
    claims, _ = extract(_article(cases[0]["text"], cases[0]["published"]), list(rule_set.rules),
                        EntityIndex(rule_set.entities))
    for index, case in enumerate(cases):
        read = [{"value": c.value.display(), **c.context_dict()} for c in claims if c.rule_id == f"count{index}"]
        assert [r["value"] for r in read] == [w["value"] for w in case["claims"]], case["source"]
        for wanted, got in zip(case["claims"], read, strict=True):
            assert {k: got.get(k, "") for k in wanted} == wanted, case["source"]


DATE_CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "date_events.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", DATE_CASES, ids=[c["text"][:20] for c in DATE_CASES])
def test_two_date_rules_with_one_cue_read_the_same_event_date(tmp_path: Path, case: dict[str, Any]) -> None:
    """The date an event is dated by is read once per place of its cue (kinds/date.py): a second
    rule with the same cue and no qualifiers of its own reads it from the first one's reading."""
    own: dict[str, Any] = {key: case[key] for key in ("context", "context_scope") if key in case}
    for name, extra in (("first", own), ("second", {})):
        rule: dict[str, Any] = {"kind": "date", "description": "d", "cue": case["cue"], **extra}
        if case.get("subjects"):
            rule["subjects"] = list(case["subjects"])
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    if case.get("subjects"):
        entities = [{"id": key, "name": names[0], "aliases": names} for key, names in case["subjects"].items()]
        (tmp_path / "entities.yaml").write_text(yaml.safe_dump({"kind": "entities", "description": "e",
                                                                "entities": entities}, allow_unicode=True),
                                                encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert rule_set.diagnostics == ()
    claims, _ = extract(_article(case["text"], case["published"]), list(rule_set.rules),
                        EntityIndex(rule_set.entities))
    expected = [case["date"]] if case["date"] else []
    for rule_id in ("first", "second"):
        assert sorted({c.value.display() for c in claims if c.rule_id == rule_id}) == expected, case["source"]
