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


def test_the_same_text_note_is_said_in_the_reports_language(tmp_path: Path) -> None:
    """`--lang zh` translated `2 sources agree: 6.6%` and left the copies note after it in English
    (`2 个来源一致：6.6% (2 articles with the same text: counted as one source?)`): the note is part of
    the message, so it is translated with it, a message of one group of copies or of two."""
    from factcheck.copies import said_of_copies
    from factcheck.kinds.base import sources_agree
    from factcheck.records import Claim, Finding, Message
    from factcheck.values import StatusValue

    value = StatusValue("6.6%", "6.6%")
    claims = tuple(Claim("rate", "ca", value, (), path, outlet, 1, "s", (0, 1))
                   for path, outlet in (("a.md", "now"), ("b.md", "hkej"), ("c.md", "x"), ("d.md", "y")))
    agreed = Finding("f", "rate", "agreement", "info", "ca", (),
                     Message.of("finding.agree", sources=sources_agree(claims), values="6.6%"), claims)
    [one] = said_of_copies([agreed], (("a.md", "b.md"),))
    [two] = said_of_copies([agreed], (("a.md", "b.md"), ("c.md", "d.md")))
    assert one.message.text("zh") == "4 个来源一致：6.6%（2 篇文章正文相同：是否算作一个来源？）"
    assert two.message.text("zh") == "4 个来源一致：6.6%（2 篇文章正文相同；2 篇文章正文相同：是否算作一个来源？）"
    assert str(one.message) == "4 sources agree: 6.6% (2 articles with the same text: counted as one source?)"
