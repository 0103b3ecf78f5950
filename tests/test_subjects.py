"""Who a value is about: real sentences read the way docs/rules.md ("Subjects") says."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, case_rule_set, run_cli, run_json

from factcheck.extract import extract
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex

CASES = yaml.safe_load((FIXTURES / "subjects.yaml").read_text(encoding="utf-8"))
# English pointers (`The company`, `Shares`, `Its`): the same reading, their own file
CASES += yaml.safe_load((FIXTURES / "english_subjects.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_subject_is_read_as_documented(case: dict, tmp_path: Path) -> None:
    rule_set = case_rule_set(case, tmp_path)
    title = f'title: "{case["title"]}"\n' if "title" in case else ""
    article = parse_article(f'---\n{title}date: "2025-02-13 10:00:00"\n---\n{case["text"]}\n', "a.md")
    claims, notes = extract(article, rule_set.rules, EntityIndex(rule_set.entities))
    expected = [{k: str(v) for k, v in c.items()} for c in case["claims"]]
    named = {k for e in expected for k in e} - {"subject", "value"}  # the qualifiers a case asserts
    found = [{"subject": c.subject, "value": c.value.display()}
             | {k: c.context_dict().get(k, "") for k in sorted(named)}  # "": not read
             for c in claims]
    assert found == expected
    assert sum(n.code == "unattributed" for n in notes) == case.get("unattributed", 0)


def test_an_unattributed_value_is_counted_flagged_and_noted(tmp_path: Path) -> None:
    """docs/output.md: summary.unattributed, the diagnostic's code, the text report's note; in an
    article that names the rule's subject elsewhere (one naming none lists nothing: test_article_gate.py)."""
    case = next(c for c in CASES if c["name"] == "a title naming two entities says nothing of a paragraph naming no one")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "entities.yaml").write_text(yaml.safe_dump(
        {"kind": "entities", "description": "the case's entities", "entities": case["entities"]},
        allow_unicode=True), encoding="utf-8")
    (rules / "volume.yaml").write_text(yaml.safe_dump(case["rule"], allow_unicode=True), encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_text(f'---\ntitle: "{case["title"]}"\ndate: "2025-02-13 10:00:00"\n---\n{case["text"]}\n',
                       encoding="utf-8")
    code, report = run_json(str(article), "--rules", str(rules))
    assert code == 0 and report["summary"]["unattributed"] == 1
    [note] = report["diagnostics"]
    assert (note["code"], note["line"], note["level"]) == ("unattributed", 7, "info")
    text = run_cli(str(article), "--rules", str(rules), "--verbose")
    assert "1 value a rule pointed at named no subject" in text.stdout
    assert f"{article}:7: info: volume: no subject for '2%'" in text.stderr


@pytest.mark.parametrize(("name", "word", "expected"), [
    # the paragraph's topic, names after the word only: the topic is taken, and were it not, a miss
    ("a state in a sentence naming no one before it takes the paragraph's topic; a name after it is what "
     "the state concerns", "首发", ("iflytek-open", True)),
    # 他们 points to no one person, in a new paragraph with no topic: no subject, listed as a miss
    ("他们 and 其他 point to no one person", "美国军队不会", (None, True)),
    # a set rule's members name no one: the paragraph's topic holds the list, so no miss either
    ("a set rule's members listed in a sentence naming no one else are the paragraph topic's list; a member "
     "is never the topic", "布局的", ("aliyun", False)),
])
def test_subject_near_and_nobody_before_take_one_walk(name: str, word: str, expected: tuple[str | None, bool],
                                                      tmp_path: Path) -> None:
    """subject_near and nobody_before read who holds a state or list word by one walk
    (subject_reading._holder_when_unnamed), so a set member is skipped alike by both (REVIEW16 #7)."""
    from factcheck.kinds.sentence import sentences
    from factcheck.kinds.subject_reading import nobody_before, subject_near

    case = next(c for c in CASES if c["name"] == name)
    rule_set = case_rule_set(case, tmp_path)
    [rule] = rule_set.rules
    article = parse_article(f'---\ndate: "2025-02-13 10:00:00"\n---\n{case["text"]}\n', "a.md")
    s = next(s for s in sentences(article, EntityIndex(rule_set.entities)) if word in s.text)
    at = s.text.index(word)
    assert (subject_near(rule, s, at), nobody_before(s, at, set(getattr(rule, "members", ())))) == expected
