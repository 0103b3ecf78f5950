"""`kind: date`: which date in a real sentence dates the event, and what qualifies it."""

from __future__ import annotations

import pytest
import yaml
from conftest import FIXTURES

from factcheck.extract import extract
from factcheck.kinds.date import WEEKDAY_FROM_BODY, titles_by_their_body
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex
from factcheck.rules import load_rules

CASES = yaml.safe_load((FIXTURES / "date_events.yaml").read_text(encoding="utf-8"))


def _rule_set(tmp_path, case: dict):
    rule = {"kind": "date", "description": "d", "cue": case["cue"]}
    if case.get("subjects"):  # none: the story is the subject
        entities = "".join(f"  - {{id: {key}, name: {names[0]}, aliases: {names}}}\n"
                           for key, names in case["subjects"].items())
        (tmp_path / "entities.yaml").write_text(f"kind: entities\ndescription: e\nentities:\n{entities}",
                                                encoding="utf-8")
        rule["subjects"] = list(case["subjects"])
    for key in ("context", "context_scope"):
        if key in case:
            rule[key] = case[key]
    (tmp_path / "rule.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert rule_set.diagnostics == ()
    return rule_set


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:20] for c in CASES])
def test_a_date_rule_reads_the_event_date(tmp_path, case: dict) -> None:
    rule_set = _rule_set(tmp_path, case)
    article = parse_article(f'---\ndate: "{case["published"]}"\n---\n{case["text"]}\n', "a.md")
    claims = extract(article, rule_set.rules, EntityIndex(rule_set.entities))[0]
    assert sorted({c.value.display() for c in claims}) == ([case["date"]] if case["date"] else [])
    if "found" in case:
        assert claims[0].context_dict() == case["found"]
    if "note" in case:
        assert [c.note for c in claims] == [case["note"]]


TITLE_WEEKDAYS = yaml.safe_load((FIXTURES / "title_weekdays.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", TITLE_WEEKDAYS, ids=[c["title"][:12] for c in TITLE_WEEKDAYS])
def test_a_titles_bare_weekday_is_the_one_its_body_dates(tmp_path, case: dict) -> None:
    (tmp_path / "rule.yaml").write_text(yaml.safe_dump(case["rule"], allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    assert rule_set.diagnostics == ()
    body = "\n\n".join(case["body"])
    article = parse_article(f'---\ntitle: "{case["title"]}"\ndate: "{case["published"]}"\n---\n{body}\n', "a.md")
    read = extract(article, rule_set.rules, EntityIndex(rule_set.entities))[0]
    [alone] = [c.value.display() for c in read if c.in_title]
    claims = titles_by_their_body(read)
    assert [c.value.display() for c in claims if c.in_title] == [case["title_date"]], case["about"]
    said = [WEEKDAY_FROM_BODY in c.note for c in claims if c.in_title]
    assert said == [alone != case["title_date"]], case["about"]  # a title read by its body says so in its note
