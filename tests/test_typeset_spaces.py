"""Typesetting spaces change nothing (tests/fixtures/typeset_spaces.yaml): a sentence reads the
same with a space between a Chinese character and a digit or Latin letter and without one."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import assert_rule_case_reads

from factcheck.extract import extract, relevance
from factcheck.load import parse_article
from factcheck.normalize.entities import EntityIndex
from factcheck.normalize.text import strip_typesetting
from factcheck.rules import load_rules

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "typeset_spaces.yaml").read_text(encoding="utf-8"))
_SPACE_BY_CJK = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z%]) (?=[\u4e00-\u9fff])")


@pytest.mark.parametrize("case", CASES, ids=[f"{c['source'].rsplit('/', 1)[-1]}-{i}" for i, c in enumerate(CASES)])
@pytest.mark.parametrize("spaced", [True, False], ids=["as-written", "unspaced"])
def test_a_sentence_reads_alike_with_and_without_typesetting_spaces(
        tmp_path: Path, case: dict[str, Any], spaced: bool) -> None:
    assert _SPACE_BY_CJK.search(case["text"]), "a case must hold a typesetting space"
    text = case["text"] if spaced else _SPACE_BY_CJK.sub("", case["text"])
    assert_rule_case_reads({**case, "text": text}, tmp_path, case["kind"])


@pytest.mark.parametrize("case", CASES, ids=[f"{c['source'].rsplit('/', 1)[-1]}-{i}" for i, c in enumerate(CASES)])
def test_the_paragraph_filter_passes_a_spaced_paragraph_on(tmp_path: Path, case: dict[str, Any]) -> None:
    """A run reads only the paragraphs holding a cue (extract.relevance), found in the text as
    written: a cue such as 2026年收入 must be found in 2026 年收入 there too."""
    rule = {"kind": case["kind"], "description": f"a {case['kind']} rule", **case["rule"]}
    (tmp_path / "rule.yaml").write_text(yaml.safe_dump(rule, allow_unicode=True), encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    text = f'---\ndate: "{case["published"]}"\n---\n一段没有数字的话。\n\n{case["text"]}\n'
    article = parse_article(text, "case.md", relevant=relevance(rule_set.rules))
    claims, _ = extract(article, list(rule_set.rules), EntityIndex(rule_set.entities))
    assert [c.value.display() for c in claims] == [w["value"] for w in case["claims"]], case["source"]


def test_typesetting_spaces_map_back_to_the_text_as_written() -> None:
    text = "该团队已从 20 人增加到 40 人，由 Richard Ho 领导"
    stripped = strip_typesetting(text)
    assert stripped is not None
    plain, offsets = stripped
    assert plain == "该团队已从20人增加到40人，由Richard Ho领导"  # the space between two Latin words stays
    start = plain.index("40人")
    assert text[offsets[start]:offsets[start + 3]] == "40 人"
    assert strip_typesetting("2 000 000 US dollars") is None  # digits grouped by spaces are no typesetting
