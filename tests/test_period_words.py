"""Period words that say something else where they stand: the year so far, a model's name
(tests/fixtures/period_words.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import assert_rule_case_reads

from factcheck.normalize.numbers import extreme_reached
from factcheck.normalize.words import ZH

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "period_words.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['source'].split()[0].rsplit('/', 1)[-1]}-{i}"
                                             for i, c in enumerate(CASES)])
def test_a_period_word_reads_as_what_it_says_where_it_stands(tmp_path: Path, case: dict[str, Any]) -> None:
    assert_rule_case_reads(case, tmp_path, case.get("kind", "number"))


@pytest.mark.parametrize("word", ZH.one_day)
def test_a_word_of_one_day_is_one_list_for_the_period_and_the_extreme(tmp_path: Path, word: str) -> None:
    """zh.yaml one_day is the one list of one day's words: after each, no month is a figure's period
    (review #6, 英伟达1月遭遇DeepSeek冲击，股价一度暴跌17%) and 最高 names the extreme reached, not a cap."""
    case = {**next(c for c in CASES if "review #6" in c["source"])}
    case["text"] = case["text"].replace("一度", word)
    assert_rule_case_reads(case, tmp_path, "number")
    assert extreme_reached("最高", f"股价{word}")
