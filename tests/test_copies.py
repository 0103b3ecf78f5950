"""Articles with the same text are said so, never dropped (tests/fixtures/same_text.yaml)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.copies import body_print, copies
from factcheck.load import parse_article
from tests.conftest import run_cli

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "same_text.yaml").read_text(encoding="utf-8"))


def _file(label: str, body: str) -> str:
    return f"---\ntitle: t\ndate: \"2025-02-08 01:45:40\"\ncategories:\n  - \"{label}\"\n---\n\n{body}"


@pytest.mark.parametrize("case", CASES, ids=[c["name"][:40] for c in CASES])
def test_articles_with_the_same_text_are_grouped(case: dict[str, Any]) -> None:
    articles = []
    for name, article in case["articles"].items():
        parsed = parse_article(_file(article["label"], article["body"]), name)
        articles.append(replace(parsed, segments=(), body_print=body_print(parsed.segments)))
    assert [list(group) for group in copies(articles)] == case["same"]


def test_a_finding_of_copies_says_so_and_counts_each(tmp_path: Path) -> None:
    """The canada-jobs copies agree on 6.6%: two sources, said to have one text."""
    [case] = [c for c in CASES if c["same"]]
    for name, article in case["articles"].items():
        (tmp_path / name).write_text(_file(article["label"], article["body"]), encoding="utf-8")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "rate.yaml").write_text("kind: number\ndescription: jobless rate\nvalue: percent\ncue: [至]\n",
                                     encoding="utf-8")
    done = run_cli(str(tmp_path / "now.md"), str(tmp_path / "hkej.md"), "--rules", str(rules),
                   "--format", "json", "--no-cache")
    report = json.loads(done.stdout)
    assert [len(group) for group in report["summary"]["same_text_articles"]] == [2]
    agreed = [f for f in report["findings"] if f["kind"] == "agreement"]
    assert agreed and all(f["message"].startswith("2 sources agree") and
                          f["message"].endswith("(2 articles with the same text: counted as one source?)") for f in agreed)
