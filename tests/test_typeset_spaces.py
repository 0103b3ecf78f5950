"""Typesetting spaces change nothing (tests/fixtures/typeset_spaces.yaml): a sentence reads the
same with a space between a Chinese character and a digit or Latin letter and without one."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import assert_rule_case_reads

from factcheck.normalize.text import strip_typesetting

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


def test_typesetting_spaces_map_back_to_the_text_as_written() -> None:
    text = "该团队已从 20 人增加到 40 人，由 Richard Ho 领导"
    stripped = strip_typesetting(text)
    assert stripped is not None
    plain, offsets = stripped
    assert plain == "该团队已从20人增加到40人，由Richard Ho领导"  # the space between two Latin words stays
    start = plain.index("40人")
    assert text[offsets[start]:offsets[start + 3]] == "40 人"
    assert strip_typesetting("2 000 000 US dollars") is None  # digits grouped by spaces are no typesetting
