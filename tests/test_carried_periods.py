"""A value's own year stops a period carried from an earlier sentence (tests/fixtures/carried_periods.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import assert_rule_case_reads

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "carried_periods.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[f"{c['source'].rsplit('/', 1)[-1]}-{i}" for i, c in enumerate(CASES)])
def test_a_value_naming_its_own_year_takes_no_period_from_an_earlier_sentence(tmp_path: Path,
                                                                              case: dict[str, Any]) -> None:
    assert_rule_case_reads(case, tmp_path, case.get("kind", "number"))
