"""Period words that say something else where they stand: the year so far, a model's name
(tests/fixtures/period_words.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import assert_rule_case_reads

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "period_words.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['source'].split()[0].rsplit('/', 1)[-1]}-{i}"
                                             for i, c in enumerate(CASES)])
def test_a_period_word_reads_as_what_it_says_where_it_stands(tmp_path: Path, case: dict[str, Any]) -> None:
    assert_rule_case_reads(case, tmp_path, case.get("kind", "number"))
