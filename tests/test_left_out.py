"""A cue found and no claim read always says why (kinds/left_out.py): `rules check` names the rule key
that left the value out, and a checked article lists it as a `left-out` note (counted in the summary,
listed with --verbose). Cases: tests/fixtures/left_out.yaml, real sentences."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, run_main

from factcheck.extract import extract
from factcheck.kinds.left_out import LEFT_OUT
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex
from factcheck.rule_examples import check_examples
from factcheck.rules import RuleSet, load_rules

CASES: list[dict[str, Any]] = yaml.safe_load((FIXTURES / "left_out.yaml").read_text(encoding="utf-8"))
NO_CLAIM = "the text yields no claim: "


def _rules(folder: Path, case: dict[str, Any]) -> RuleSet:
    example = {"text": case["text"], "expect": {"value": "?"}}
    if case.get("published"):
        example["published"] = case["published"]
    (folder / "rule.yaml").write_text(yaml.safe_dump({"level": "error", **case["rule"], "examples": [example]},
                                                     allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(folder)])
    assert rule_set.diagnostics == ()
    return rule_set


@pytest.mark.parametrize("case", CASES, ids=[c["source"][:60] for c in CASES])
def test_rules_check_says_why_an_example_yields_no_claim(tmp_path: Path, case: dict[str, Any]) -> None:
    [message] = [d.message for d in check_examples(_rules(tmp_path, case))]
    if case.get("reads"):  # another value read: the expected one's reason follows what was got
        assert f"got '{case['reads']}'; {case['why']}" in message, message
        return
    assert NO_CLAIM in message, message
    assert message.split(NO_CLAIM, 1)[1].startswith(case["why"]), message


@pytest.mark.parametrize("case", CASES, ids=[c["source"][:60] for c in CASES])
def test_a_checked_article_lists_the_value_its_cue_reached_and_a_key_left_out(
        tmp_path: Path, case: dict[str, Any]) -> None:
    rule_set = _rules(tmp_path, case)
    front = f"---\ndate: {json.dumps(case['published'])}\n---\n" if case.get("published") else ""
    claims, notes = extract(parse_article(front + case["text"] + "\n", "a.md"), rule_set.rules,
                            EntityIndex(rule_set.entities))
    assert [c.value.display() for c in claims] == ([case["reads"]] if case.get("reads") else [])
    keys = [n.message.split("left out (", 1)[1].split(")", 1)[0] for n in notes if n.code == LEFT_OUT]
    assert keys == ([case["listed"]] if case["listed"] else [])


def test_left_out_values_are_counted_always_and_listed_with_verbose(tmp_path: Path) -> None:
    """The first case's article in a run: the summary counts it; stderr lists it only with --verbose."""
    case = CASES[0]
    _rules(tmp_path, case)
    (tmp_path / "a.md").write_text(f"---\ndate: \"{case['published']}\"\n---\n{case['text']}\n", encoding="utf-8")
    quiet = run_main(str(tmp_path / "a.md"), "--rules", str(tmp_path / "rule.yaml"), "--format", "json", "--no-cache")
    verbose = run_main(str(tmp_path / "a.md"), "--rules", str(tmp_path / "rule.yaml"), "--format", "json",
                       "--no-cache", "--verbose")
    assert json.loads(quiet.stdout)["summary"]["left_out"] == 1
    assert "left out (condition)" not in quiet.stderr
    assert [d["code"] for d in json.loads(quiet.stdout)["diagnostics"]] == []
    assert "left out (condition)" in verbose.stderr
    assert [d["code"] for d in json.loads(verbose.stdout)["diagnostics"]] == [LEFT_OUT]


def _section() -> str:
    text = (Path(__file__).resolve().parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    return text.split("### Why a cue gave no claim\n", 1)[1].split("\n## ", 1)[0]


def test_the_documented_example_fails_with_the_documented_reason(tmp_path: Path) -> None:
    section = _section()
    body = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "taxi-deadline.yaml").write_text(body, encoding="utf-8")
    said = " ".join(section.split("fails this example with `", 1)[1].split("`:", 1)[0].split())
    [message] = [d.message for d in check_examples(load_rules([str(tmp_path)]))]
    assert said in message


def test_every_key_a_reading_can_leave_a_value_out_by_is_documented() -> None:
    """Each `left_out("KEY", …)` of factcheck/kinds has a row in docs/rules.md's table."""
    kinds = Path(__file__).resolve().parent.parent / "factcheck" / "kinds"
    used = {key for path in kinds.glob("*.py")
            for key in re.findall(r'left_out\("([a-z-]+)"', path.read_text(encoding="utf-8"))}
    rows = {key for line in _section().splitlines() if line.startswith("| `")
            for key in re.findall(r"`([a-z-]+)`", line.split(" | ", 1)[0])}
    assert used and used <= rows, used - rows
