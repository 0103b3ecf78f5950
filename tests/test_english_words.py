"""English words in rules: whole-word cues, English multiples (tests/fixtures/english_words.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import assert_rule_case_reads

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "english_words.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['source'].split()[0].rsplit('/', 1)[-1]}-{i}"
                                             for i, c in enumerate(CASES)])
def test_an_english_word_reads_as_a_reader_takes_it(tmp_path: Path, case: dict[str, Any]) -> None:
    assert_rule_case_reads(case, tmp_path, case.get("kind", "number"))


OWN_FORECASTS: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "own_forecasts.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", OWN_FORECASTS, ids=[c["source"][:60] for c in OWN_FORECASTS])
def test_an_own_forecast_word_is_one_whatever_its_case(tmp_path: Path, case: dict[str, Any]) -> None:
    from factcheck.extract import extract
    from factcheck.kinds.qualifiers import estimates_of_others
    from factcheck.load import parse_article
    from factcheck.normalize.entities import EntityIndex
    from factcheck.rules import load_rules

    (tmp_path / "rule.yaml").write_text(yaml.safe_dump({"kind": "number", "description": "a forecast rule",
                                                         **case["rule"]}), encoding="utf-8")
    rule_set = load_rules([str(tmp_path)])
    article = parse_article(f'---\ndate: "2025-02-11 12:00:00"\n---\n{case["text"]}\n', "case.md")
    claims, _ = extract(article, list(rule_set.rules), EntityIndex(rule_set.entities))
    assert claims, case["source"]
    assert estimates_of_others(rule_set.rules[0], claims) is case["others"], case["source"]


def test_own_forecast_words_are_forecast_words_of_the_one_table() -> None:
    """Which forecast words are their maker's own is one list of the qualifier data file, each a
    `measure: forecast` word (a word only there would never be read), read by one function (REVIEW16 #12)."""
    from factcheck.kinds.qualifiers import OWN_FORECAST, _data, builtin_words, own_forecast

    own = _data()[OWN_FORECAST]
    assert set(own) <= set(builtin_words()["measure"]["forecast"])
    assert OWN_FORECAST not in builtin_words()  # no qualifier of its own
    assert all(own_forecast(word) and own_forecast(word.upper()) for word in own)
    assert not any(own_forecast(word) for word in ("市场预期", "consensus", "estimate", "guidance"))
