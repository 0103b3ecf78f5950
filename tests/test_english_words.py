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
