"""The gate (factcheck/scan.py, Gate): rules an article's text cannot concern are not run on it,
and an article no rule can read is not cut into sentences; no claim is ever lost by it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, case_rule_set, run_cli

from factcheck.extract import ArticleRules, extract
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex
from factcheck.pipeline import Options, check
from factcheck.scan import Gate, Scanner

CASES = yaml.safe_load((FIXTURES / "article_gate.yaml").read_text(encoding="utf-8"))


def _article_text(case: dict) -> str:
    title = f'title: "{case["title"]}"\n' if "title" in case else ""
    return f'---\n{title}date: "2025-02-13 10:00:00"\n---\n{case["text"]}\n'


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_the_gate_loses_no_claim(case: dict, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    rule_set = case_rule_set(case, rules)
    (tmp_path / "a.md").write_text(_article_text(case), encoding="utf-8")
    result = check([str(tmp_path / "a.md")], rule_set, Options(jobs=1))
    found = [{"subject": c.subject, "value": c.value.display()} for c in result.claims]
    assert found == [{k: str(v) for k, v in c.items()} for c in case["claims"]]
    assert result.summary.unattributed == case["unattributed"]
    assert result.summary.unread_values == case.get("unread", 0)
    # every rule on every sentence: the same claims, and the notices the gate spares
    ungated, notes = extract(parse_article(_article_text(case), "a.md"), rule_set.rules, EntityIndex(rule_set.entities))
    assert [(c.subject, c.value.display(), c.line) for c in ungated] == \
        [(c.subject, c.value.display(), c.line) for c in result.claims]
    assert sum(n.code == "unattributed" for n in notes) == case.get("ungated_unattributed", case["unattributed"])
    assert sum(n.code == "unread-value" for n in notes) == case.get("ungated_unread", case.get("unread", 0))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_an_article_no_rule_can_read_is_not_cut_into_sentences(case: dict, tmp_path: Path) -> None:
    rule_set = case_rule_set(case, tmp_path)
    scanner = Scanner(rule_set.rules)
    rules_for = ArticleRules(Gate(scanner, EntityIndex(rule_set.entities)))
    article = parse_article(_article_text(case), "a.md", gate=rules_for)
    gated_out = not case["claims"] and not case["unattributed"]
    assert (article.segments == ()) == gated_out and (rules_for.applicable == ()) == gated_out
    assert article.title == case.get("title", "")  # what the report's record needs is read all the same


def test_the_documented_rule_lists_a_value_only_where_its_subject_is_named(tmp_path: Path) -> None:
    """docs/rules.md, "Values nobody is named for": the rule and the two articles it describes."""
    from test_rule_surface import documented

    [(name, body)] = documented("#### Values nobody is named for")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / name).write_text(body, encoding="utf-8")
    for stem, title in (("named", "可口可乐与百事四季度业绩"), ("unnamed", "四季度业绩")):
        (tmp_path / f"{stem}.md").write_text(f'---\ntitle: "{title}"\ndate: "2025-02-13 10:00:00"\n---\n'
                                             "期內，收入115.44億元。\n", encoding="utf-8")
    done = run_cli(str(tmp_path / "named.md"), str(tmp_path / "unnamed.md"), "--rules", str(rules), "--verbose")
    assert f"{tmp_path / 'named.md'}:5: info: revenue: no subject for '115.44億元'" in done.stderr
    assert "unnamed.md" not in done.stderr
    # without --verbose the values no subject was named for are one line on stderr, counted by rule (round 32)
    done = run_cli(str(tmp_path / "named.md"), str(tmp_path / "unnamed.md"), "--rules", str(rules))
    assert done.stderr.splitlines() == ["factcheck: info: 1 value a rule pointed at named no subject or no list "
                                        "position, not checked (revenue: 1); --verbose lists each (unattributed)"]
    assert "1 value a rule pointed at named no subject" in done.stdout
