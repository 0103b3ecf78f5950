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
    text = run_cli(str(article), "--rules", str(rules))
    assert "1 value a rule pointed at named no subject" in text.stdout
    assert f"{article}:7: info: volume: no subject for '2%'" in text.stderr
